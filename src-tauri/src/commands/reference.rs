//! Reference data the editors' pickers are fed from (`assets/reference/`).

use ropa_core::reference::reference;
use serde::Serialize;

use crate::IpcError;

/// One code of a picker, with its labels and citations in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CodeOption {
    /// The code as stored in the register, e.g. `ART6_1_A`.
    pub code: String,
    /// Short English label.
    pub label_en: String,
    /// Short German label.
    pub label_de: String,
    /// English citation.
    pub citation_en: String,
    /// German citation.
    pub citation_de: String,
}

/// The Art. 6(1) lawful bases.
#[tauri::command]
pub fn legal_bases() -> Result<Vec<CodeOption>, IpcError> {
    reference()
        .legal_bases
        .art6
        .iter()
        .map(|info| {
            let code = serde_json::to_value(info.code)
                .map_err(|err| IpcError::new("json", err.to_string()))?;
            Ok(CodeOption {
                code: code.as_str().unwrap_or_default().to_owned(),
                label_en: info.label_en.clone(),
                label_de: info.label_de.clone(),
                citation_en: info.citation_en.clone(),
                citation_de: info.citation_de.clone(),
            })
        })
        .collect()
}
