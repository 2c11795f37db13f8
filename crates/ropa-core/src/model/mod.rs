//! The register's domain model: what an Art. 30 record and a privacy notice are made of.
//!
//! Every top-level record carries a stable `id`, `created_at`/`updated_at` timestamps and a
//! `revision` that the store increments on every write; an update that carries a stale revision
//! is refused (see [`crate::Error::Conflict`]). Sub-items that only exist inside one record
//! (an activity's purposes, its data categories with their retention) are part of that record
//! and share its revision.
//!
//! The serde representation of these types *is* the interchange format (see
//! `docs/interchange-format.md`): field names are snake_case, unknown fields are rejected, and
//! optional fields may be omitted.

pub mod activity;
pub mod catalogue;
pub mod codes;
pub mod date;
pub mod local_text;
pub mod notice;
pub mod organisation;
pub mod party;
pub mod processor;
pub mod review;
pub mod transfer;

pub use activity::*;
pub use catalogue::*;
pub use codes::*;
pub use date::{Date, now_timestamp};
pub use local_text::{LocalText, LocalTexts, Shown, Untranslated};
pub use notice::*;
pub use organisation::*;
pub use party::*;
pub use processor::*;
pub use review::*;
pub use transfer::*;

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of record a register holds; used in errors and change notifications.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    /// The organisation whose register this is.
    Organisation,
    /// A processing activity.
    Activity,
    /// An outside entity or recipient category.
    Party,
    /// An Art. 28 processing agreement.
    Agreement,
    /// An Art. 26 joint-controller arrangement.
    JointArrangement,
    /// A Chapter V transfer.
    Transfer,
    /// Processing carried out on behalf of a controller (Art. 30(2)).
    ProcessorService,
    /// A data-category catalogue entry.
    DataCategory,
    /// A data-subject-category catalogue entry.
    SubjectCategory,
    /// A technical or organisational measure.
    Tom,
    /// The privacy-notice settings.
    NoticeSettings,
}

impl Entity {
    /// Human-readable name used in messages ("joint-controller arrangement").
    pub fn label(self) -> &'static str {
        match self {
            Entity::Organisation => "organisation",
            Entity::Activity => "activity",
            Entity::Party => "party",
            Entity::Agreement => "processing agreement",
            Entity::JointArrangement => "joint-controller arrangement",
            Entity::Transfer => "transfer",
            Entity::ProcessorService => "processor service",
            Entity::DataCategory => "data category",
            Entity::SubjectCategory => "data-subject category",
            Entity::Tom => "TOM",
            Entity::NoticeSettings => "notice settings",
        }
    }

    /// German name used in messages ("Vereinbarung über gemeinsame Verantwortlichkeit").
    pub fn label_de(self) -> &'static str {
        match self {
            Entity::Organisation => "Organisation",
            Entity::Activity => "Tätigkeit",
            Entity::Party => "Beteiligter",
            Entity::Agreement => "Auftragsverarbeitungsvertrag",
            Entity::JointArrangement => "Vereinbarung über gemeinsame Verantwortlichkeit",
            Entity::Transfer => "Übermittlung",
            Entity::ProcessorService => "Auftragsverarbeitung",
            Entity::DataCategory => "Datenkategorie",
            Entity::SubjectCategory => "Kategorie betroffener Personen",
            Entity::Tom => "TOM",
            Entity::NoticeSettings => "Einstellungen der Datenschutzhinweise",
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Common access to the identity and metadata of a top-level record.
pub trait RecordMeta {
    /// Which kind of record this is.
    const ENTITY: Entity;
    /// The stable id.
    fn id(&self) -> &str;
    /// Sets the id (used when the store generates one).
    fn set_id(&mut self, id: String);
    /// The revision this copy was read at (0 for a record not yet stored).
    fn revision(&self) -> i64;
    /// Creation timestamp, empty for a record not yet stored.
    fn created_at(&self) -> &str;
    /// Last-update timestamp, empty for a record not yet stored.
    fn updated_at(&self) -> &str;
    /// Overwrites the metadata (done by the store only).
    fn set_meta(&mut self, created_at: String, updated_at: String, revision: i64);
}

macro_rules! record_meta {
    ($ty:ty, $entity:expr) => {
        impl $crate::model::RecordMeta for $ty {
            const ENTITY: $crate::model::Entity = $entity;
            fn id(&self) -> &str {
                &self.id
            }
            fn set_id(&mut self, id: String) {
                self.id = id;
            }
            fn revision(&self) -> i64 {
                self.revision
            }
            fn created_at(&self) -> &str {
                &self.created_at
            }
            fn updated_at(&self) -> &str {
                &self.updated_at
            }
            fn set_meta(&mut self, created_at: String, updated_at: String, revision: i64) {
                self.created_at = created_at;
                self.updated_at = updated_at;
                self.revision = revision;
            }
        }
    };
}
pub(crate) use record_meta;

/// A document language for exports and notices.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// English.
    #[default]
    En,
    /// German.
    De,
}

impl Language {
    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::De => "de",
        }
    }

    /// Parses `en` or `de`.
    pub fn from_code(code: &str) -> Option<Language> {
        match code {
            "en" => Some(Language::En),
            "de" => Some(Language::De),
            _ => None,
        }
    }
}

/// Contact details of a person or body (representative, supervisory authority, contact point).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name of the person or body.
    pub name: String,
    /// Organisation the person belongs to, if different from `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Postal address exactly as written (may span lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}
