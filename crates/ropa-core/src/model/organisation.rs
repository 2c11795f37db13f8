//! The organisation that keeps the register (Art. 30(1)(a) and 30(2)(a)).

use super::{Contact, Date, Entity, Language, LocalText, is_false, record_meta};
use serde::{Deserialize, Serialize};

/// The id of the one organisation record in a register.
pub const ORGANISATION_ID: &str = "organisation";

/// The controller (and/or processor) whose register this is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Always [`ORGANISATION_ID`].
    #[serde(default = "organisation_id")]
    pub id: String,
    /// Legal name ("NT-ware Systemprogrammierungs-GmbH").
    pub legal_name: String,
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2 country code of the establishment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// General contact e-mail (for data-protection matters if there is one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Contact telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Persons legally representing the organisation (managing directors, board), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub management: Option<String>,
    /// Representative in the Union under Art. 27, where the organisation has to designate one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub representative: Option<Contact>,
    /// The data protection officer, where one is designated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo: Option<Dpo>,
    /// `false`: the organisation has designated no DPO (known, not merely unrecorded); absent:
    /// not recorded. A recorded `dpo` means one is designated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpo_designated: Option<bool>,
    /// The competent supervisory authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisory_authority: Option<Contact>,
    /// The organisation acts as a controller (Art. 30(1) record).
    #[serde(default = "yes")]
    pub is_controller: bool,
    /// The organisation acts as a processor for others (Art. 30(2) record).
    #[serde(default, skip_serializing_if = "is_false")]
    pub is_processor: bool,
    /// The primary language: the default language of exported documents and the language of
    /// every text given as a plain string.
    #[serde(default)]
    pub language: Language,
    /// Further languages its documents are written in (a German notice beside the English
    /// one): the checks report texts that lack them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// Number of employees (relevant to the Art. 30(5) exemption).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    /// Internal notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The document the register was built from (a published privacy policy, an older
    /// register), with its own date and version: kept apart from the version date of the
    /// notices the app generates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceDocument>,
    /// Creation timestamp (set by the store).
    #[serde(default)]
    pub created_at: String,
    /// Last-update timestamp (set by the store).
    #[serde(default)]
    pub updated_at: String,
    /// Revision, incremented on every write (set by the store).
    #[serde(default)]
    pub revision: i64,
}

fn organisation_id() -> String {
    ORGANISATION_ID.to_owned()
}

fn yes() -> bool {
    true
}

record_meta!(Organisation, Entity::Organisation);

impl Organisation {
    /// Every language its documents are written in: the primary one first, then the others.
    pub fn document_languages(&self) -> Vec<Language> {
        let mut out = vec![self.language];
        for l in &self.languages {
            if !out.contains(l) {
                out.push(*l);
            }
        }
        out
    }
}

impl Organisation {
    /// A new organisation with only its legal name, acting as controller.
    pub fn new(legal_name: impl Into<String>) -> Organisation {
        Organisation {
            id: organisation_id(),
            legal_name: legal_name.into(),
            street: None,
            postcode: None,
            city: None,
            country: None,
            email: None,
            phone: None,
            website: None,
            management: None,
            representative: None,
            dpo: None,
            supervisory_authority: None,
            is_controller: true,
            is_processor: false,
            language: Language::En,
            languages: Vec::new(),
            employees: None,
            notes: None,
            source: None,
            dpo_designated: None,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

/// Whether the DPO is a member of staff or an external person or firm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DpoKind {
    /// An employee of the organisation.
    Internal,
    /// An external person or firm under a service contract (Art. 37(6)).
    External,
}

/// The data protection officer (Art. 37–39).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Dpo {
    /// Internal or external; `None` where not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DpoKind>,
    /// Name of the person, if published ("Mr Robert Aumiller").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Firm or organisation of the DPO ("IITR GmbH").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Postal address exactly as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Telephone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// The document a register was built from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// Its title ("Privacy policy of example.com").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalText>,
    /// Where it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The date it states for itself ("as of 1 March 2025"); none where it gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<Date>,
    /// The version it states for itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// When it was read to build the register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved_on: Option<Date>,
}
