//! Opening a register (and putting it first in the recent list) and reading its overview.

use std::path::{Path, PathBuf};

use ropa_core::model::{Activity, LocalText};
use ropa_core::store::Store;
use serde::Serialize;
use tauri::State;

use crate::IpcError;
use crate::state::{AppState, ShellState};

/// What the first screen shows: whose register it is and its processing activities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RegisterOverview {
    /// The register file on disk (empty for an in-memory register).
    pub path: String,
    /// The controller's legal name.
    pub organisation_name: String,
    /// All processing activities, in the order the core lists them.
    pub activities: Vec<ActivitySummary>,
}

/// One row of the activity list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ActivitySummary {
    /// Stable id.
    pub id: String,
    /// Reference code, e.g. `"WEB-01"`.
    pub reference: String,
    /// Name of the activity, in each language it is written in.
    pub name: LocalText,
    /// `"draft"`, `"active"` or `"retired"`.
    pub status: String,
}

/// Opens the register file at `path`, puts it first in the recent list and returns its overview.
#[tauri::command]
pub async fn open_register(
    path: PathBuf,
    state: State<'_, AppState>,
    shell: State<'_, ShellState>,
) -> Result<RegisterOverview, IpcError> {
    let path = shell.openable(&path)?;
    open_and_remember(&path, &state, &shell)
}

/// Opens a register and puts it first in the recent list.
pub fn open_and_remember(
    path: &Path,
    state: &AppState,
    shell: &ShellState,
) -> Result<RegisterOverview, IpcError> {
    state.open(path)?;
    let overview = state.with_store(overview)?;
    shell.remember(Path::new(&overview.path), &overview.organisation_name);
    Ok(overview)
}

/// The overview of the register that is open.
#[tauri::command]
pub async fn register_overview(state: State<'_, AppState>) -> Result<RegisterOverview, IpcError> {
    state.with_store(overview)
}

/// Facts about the open register as a whole (revision, schema, dates).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RegisterInfo {
    /// The register file on disk (empty for an in-memory register).
    pub path: String,
    /// Random id given when the register was created.
    pub register_id: String,
    /// When the register was created.
    pub created_at: String,
    /// When anything in it last changed.
    pub updated_at: String,
    /// Number of write transactions so far.
    pub revision: i64,
    /// Schema version of the file.
    pub schema_version: i64,
}

/// Facts about the open register.
#[tauri::command]
pub async fn register_info(state: State<'_, AppState>) -> Result<RegisterInfo, IpcError> {
    state.with_store(|store| {
        let info = store.info()?;
        Ok(RegisterInfo {
            path: path_of(store),
            register_id: info.register_id,
            created_at: info.created_at,
            updated_at: info.updated_at,
            revision: info.revision,
            schema_version: info.schema_version,
        })
    })
}

fn path_of(store: &Store) -> String {
    store
        .path()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

pub(crate) fn overview(store: &Store) -> Result<RegisterOverview, IpcError> {
    let organisation = store.organisation()?;
    let activities = store.list::<Activity>()?;
    Ok(RegisterOverview {
        path: path_of(store),
        organisation_name: organisation.legal_name,
        activities: activities.into_iter().map(summary).collect(),
    })
}

fn summary(activity: Activity) -> ActivitySummary {
    ActivitySummary {
        id: activity.id,
        reference: activity.reference,
        name: activity.name,
        status: activity.status.code().to_owned(),
    }
}
