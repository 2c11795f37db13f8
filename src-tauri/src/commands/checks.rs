//! The register checks (`ropa_core::checks`), counted and ordered by the core for the checks
//! screen.

use ropa_core::checks::{self, CheckOptions, CheckRun};
use ropa_core::model::Untranslated;
use tauri::State;

use crate::IpcError;
use crate::state::AppState;

/// Runs every check on the open register, as of today: the counts, and the findings most
/// serious first.
#[tauri::command]
pub async fn run_checks(state: State<'_, AppState>) -> Result<CheckRun, IpcError> {
    let findings =
        state.with_store(|store| Ok(checks::check_store(store, &CheckOptions::default())?))?;
    Ok(CheckRun::of(findings))
}

/// The texts each record lacks in the organisation's further document languages
/// ([`Register::untranslated`](ropa_core::interchange::Register::untranslated)): the export
/// screen's counts and the record lists' "needs translation" filter.
#[tauri::command]
pub async fn untranslated_texts(state: State<'_, AppState>) -> Result<Vec<Untranslated>, IpcError> {
    state.with_store(|store| Ok(ropa_core::interchange::export(store)?.untranslated()))
}
