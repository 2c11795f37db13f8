//! Per-register catalogues that activities link to: data categories, data-subject categories
//! and technical and organisational measures (TOMs).

use super::local_text::{LocalTexts, TextList};
use super::{Entity, LocalText, SpecialCategory, is_false, record_meta};
use serde::{Deserialize, Serialize};

/// A category of personal data ("E-mail address", "IP address", "Health data").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DataCategory {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// Name as shown in the record and in notices.
    pub name: LocalText,
    /// Longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
    /// The Art. 9(1) special category this data belongs to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special: Option<SpecialCategory>,
    /// Personal data relating to criminal convictions and offences (Art. 10).
    #[serde(default, skip_serializing_if = "is_false")]
    pub criminal: bool,
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
record_meta!(DataCategory, Entity::DataCategory);

impl DataCategory {
    /// A new, ordinary (non-special) data category.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> DataCategory {
        DataCategory {
            id: id.into(),
            name: LocalText::Plain(name.into()),
            description: None,
            special: None,
            criminal: false,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

/// A category of data subjects ("Website visitors", "Applicants").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SubjectCategory {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// Name.
    pub name: LocalText,
    /// Longer description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
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
record_meta!(SubjectCategory, Entity::SubjectCategory);

impl SubjectCategory {
    /// A new data-subject category.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> SubjectCategory {
        SubjectCategory {
            id: id.into(),
            name: LocalText::Plain(name.into()),
            description: None,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

/// A technical or organisational measure under Art. 32 ("Encryption in transit (TLS)").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Tom {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// Short name.
    pub name: LocalText,
    /// Area of Art. 32(1) it serves ("access control", "encryption", "availability", …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<LocalText>,
    /// What is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
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
record_meta!(Tom, Entity::Tom);

impl Tom {
    /// A new measure.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Tom {
        Tom {
            id: id.into(),
            name: LocalText::Plain(name.into()),
            area: None,
            description: None,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

macro_rules! catalogue_texts {
    ($($ty:ty),*) => {$(
        impl LocalTexts for $ty {
            fn local_texts(&self) -> Vec<(String, &LocalText)> {
                let mut out = TextList::default();
                out.one("name", &self.name);
                out.add("description", self.description.as_ref());
                out.0
            }
        }
    )*};
}
catalogue_texts!(DataCategory, SubjectCategory);

impl LocalTexts for Tom {
    fn local_texts(&self) -> Vec<(String, &LocalText)> {
        let mut out = TextList::default();
        out.one("name", &self.name);
        out.add("area", self.area.as_ref());
        out.add("description", self.description.as_ref());
        out.0
    }
}
