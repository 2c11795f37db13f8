//! Settings of the privacy notice generated from the register (Art. 13/14): its version, the
//! order of its sections, the contact for rights requests and sentence overrides.
//!
//! There is at most one settings record per register, with the id [`NOTICE_SETTINGS_ID`]; a
//! register without one uses [`NoticeSettings::default`].

use super::{Contact, Date, Entity, Language, record_meta};
use serde::{Deserialize, Serialize};

/// The id of the one notice-settings record in a register.
pub const NOTICE_SETTINGS_ID: &str = "notice";

/// The general sections a notice can have, by name (section id `general:<name>`).
pub const GENERAL_SECTIONS: &[&str] =
    &["controller", "dpo", "representative", "rights", "complaint"];

/// How the privacy notice is put together from the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NoticeSettings {
    /// Always [`NOTICE_SETTINGS_ID`].
    #[serde(default = "notice_id")]
    pub id: String,
    /// Version label printed on the notice ("2.1").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Date from which the notice applies; printed on every output ("Version of …"). An
    /// export may override it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_date: Option<Date>,
    /// Section ids in the order the notice shows them: an activity id or `general:<name>`
    /// (`general:controller`, `general:dpo`, `general:representative`, `general:rights`,
    /// `general:complaint`). Sections not listed follow in their default order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub section_order: Vec<String>,
    /// Where data subjects send requests to exercise their rights, where it is not the
    /// controller's own address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights_contact: Option<Contact>,
    /// Sentences of the generated text replaced by the user's own wording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<SentenceOverride>,
    /// Creation timestamp (set by the store).
    #[serde(default)]
    pub created_at: String,
    /// Last-update timestamp (set by the store).
    #[serde(default)]
    pub updated_at: String,
    /// Revision (set by the store).
    #[serde(default)]
    pub revision: i64,
}
record_meta!(NoticeSettings, Entity::NoticeSettings);

fn notice_id() -> String {
    NOTICE_SETTINGS_ID.to_owned()
}

impl Default for NoticeSettings {
    fn default() -> Self {
        NoticeSettings {
            id: notice_id(),
            version: None,
            version_date: None,
            section_order: Vec::new(),
            rights_contact: None,
            overrides: Vec::new(),
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

/// One sentence of one notice section in one language, written by the user instead of the
/// template's sentence.
///
/// The text may use the same `{placeholders}` as the template sentence it replaces (the
/// sentence ids and their placeholders are listed in `assets/notice/en.toml`); an override
/// can therefore reword a sentence without hiding the register facts it states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SentenceOverride {
    /// The section: an activity id or `general:<name>`.
    pub section: String,
    /// The sentence id from the templates (`purpose.basis`, `rights.objection`, …).
    pub sentence: String,
    /// The notice language the override applies to.
    pub language: Language,
    /// The replacement text.
    pub text: String,
}
