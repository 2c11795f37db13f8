//! The register checks (`ropa_core::checks`), counted and ordered by the core for the checks
//! screen.

use ropa_core::checks::{self, CheckOptions, CheckRun};
use ropa_core::model::{Activity, Untranslated};
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

/// The texts each activity (not retired) lacks in the organisation's further document
/// languages: the export screen's counts and the activity list's "needs translation" filter.
#[tauri::command]
pub async fn untranslated_texts(state: State<'_, AppState>) -> Result<Vec<Untranslated>, IpcError> {
    state.with_store(|store| {
        let org = store.organisation()?;
        Ok(store
            .list::<Activity>()?
            .iter()
            .filter(|a| a.is_live())
            .flat_map(|a| a.untranslated(&org))
            .collect())
    })
}
