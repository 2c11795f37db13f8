//! Processing carried out on behalf of other controllers: the Art. 30(2) record.

use super::local_text::{LocalTexts, TextList};
use super::{Entity, LocalText, record_meta};
use serde::{Deserialize, Serialize};

/// A service the organisation performs as processor for one controller (Art. 30(2)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ProcessorService {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// The controller served (party id).
    pub controller: String,
    /// Name of the service ("Hosted ticket system").
    pub name: LocalText,
    /// Categories of processing carried out for this controller (Art. 30(2)(b)).
    #[serde(default)]
    pub processing_categories: Vec<LocalText>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
    /// The controller's representative (Art. 27), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller_representative: Option<String>,
    /// The controller's DPO, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller_dpo: Option<String>,
    /// Reference of the Art. 28 agreement with the controller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
    /// Technical and organisational measures (TOM ids) (Art. 30(2)(d)).
    #[serde(default)]
    pub toms: Vec<String>,
    /// Internal notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
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
record_meta!(ProcessorService, Entity::ProcessorService);

impl ProcessorService {
    /// A new service for `controller`.
    pub fn new(
        id: impl Into<String>,
        controller: impl Into<String>,
        name: impl Into<LocalText>,
    ) -> Self {
        ProcessorService {
            id: id.into(),
            controller: controller.into(),
            name: name.into(),
            processing_categories: Vec::new(),
            description: None,
            controller_representative: None,
            controller_dpo: None,
            agreement: None,
            toms: Vec::new(),
            notes: None,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

impl LocalTexts for ProcessorService {
    fn local_texts(&self) -> Vec<(String, &LocalText)> {
        let mut out = TextList::default();
        out.one("name", &self.name);
        out.add("description", self.description.as_ref());
        for (i, c) in self.processing_categories.iter().enumerate() {
            out.one(format!("processing_categories[{i}]"), c);
        }
        out.0
    }
}
