//! The register checks (`ropa_core::checks`), as findings the UI lists and links to records.

use ropa_core::checks::{self, CheckOptions};
use serde::Serialize;
use tauri::State;

use crate::IpcError;
use crate::state::AppState;

/// One finding of the checks, in both languages, with the record it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CheckFinding {
    /// Stable rule code, e.g. `TRANSFER_PRIVACY_SHIELD`.
    pub code: String,
    /// `"error"`, `"warning"` or `"info"`.
    pub severity: String,
    /// The provision in English (`Art. 30(1)(e) GDPR`).
    pub article_en: String,
    /// The provision in German (`Art. 30 Abs. 1 lit. e DSGVO`).
    pub article_de: String,
    /// What is wrong and what to do, in English.
    pub message_en: String,
    /// The same in German.
    pub message_de: String,
    /// Kind of record concerned (`organisation`, `activity`, `party`, …).
    pub entity: String,
    /// Id of the record concerned.
    pub id: String,
    /// The field to change (`purposes[1].legal_basis`), if one.
    pub field: Option<String>,
    /// How the record is shown to people.
    pub label: String,
}

/// Runs every check on the open register, as of today.
#[tauri::command]
pub async fn run_checks(state: State<'_, AppState>) -> Result<Vec<CheckFinding>, IpcError> {
    let findings =
        state.with_store(|store| Ok(checks::check_store(store, &CheckOptions::default())?))?;
    Ok(findings.into_iter().map(finding).collect())
}

fn finding(f: checks::Finding) -> CheckFinding {
    CheckFinding {
        code: f.code,
        severity: f.severity.code().to_owned(),
        article_en: f.article,
        article_de: f.article_de,
        message_en: f.message_en,
        message_de: f.message_de,
        entity: serde_json::to_value(f.target.entity)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        id: f.target.id,
        field: f.target.field,
        label: f.target.label,
    }
}
