//! Register files: the recent list, a new register, a copy of the open one. The paths come from
//! the shell's own dialogs ([`super::dialogs`]): a command refuses any path the user did not
//! choose there for its purpose ([`Grant`]).

use std::path::PathBuf;

use ropa_core::model::Organisation;
use ropa_core::store::Store;
use serde::{Deserialize, Serialize};
use tauri::State;

use super::register::{RegisterOverview, open_and_remember};
use crate::state::{AppState, Grant, ShellState, io_error};
use crate::{IpcError, demo, recent};

// --- Recent registers ----------------------------------------------------------------------

/// One entry of the recent-registers list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RecentRegister {
    /// The register file.
    pub path: String,
    /// The organisation's name when it was last opened.
    pub organisation: String,
    /// When it was last opened (UTC, RFC 3339).
    pub opened_at: String,
    /// The file is no longer there (moved, deleted, drive not mounted).
    pub missing: bool,
}

/// The recently opened registers, most recent first.
#[tauri::command]
pub async fn recent_registers(
    shell: State<'_, ShellState>,
) -> Result<Vec<RecentRegister>, IpcError> {
    let Some(dir) = shell.config_dir() else {
        return Ok(Vec::new());
    };
    Ok(recent::RecentList::load(&dir)
        .entries
        .into_iter()
        .map(|e| RecentRegister {
            missing: !e.path.is_file(),
            path: e.path.display().to_string(),
            organisation: e.organisation,
            opened_at: e.opened_at,
        })
        .collect())
}

/// Removes a register from the recent list (the file itself is not touched).
#[tauri::command]
pub async fn forget_recent(path: PathBuf, shell: State<'_, ShellState>) -> Result<(), IpcError> {
    if let Some(dir) = shell.config_dir() {
        recent::update(&dir, |list| {
            list.forget(&path);
        })
        .map_err(io_error)?;
    }
    Ok(())
}

// --- New, open, duplicate -------------------------------------------------------------------

/// A new register to create.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CreateRequest {
    /// Where to create it (a file that does not exist yet).
    pub path: PathBuf,
    /// The organisation's legal name (ignored with `demo`).
    #[cfg_attr(test, ts(optional))]
    pub organisation_name: Option<String>,
    /// Fill it with the demo register's content instead of starting empty.
    #[serde(default)]
    #[cfg_attr(test, ts(optional))]
    pub demo: Option<bool>,
}

/// Creates a register file and opens it. Never overwrites a file.
#[tauri::command]
pub async fn create_register(
    request: CreateRequest,
    state: State<'_, AppState>,
    shell: State<'_, ShellState>,
) -> Result<RegisterOverview, IpcError> {
    let path = shell.take_grant(Grant::New, &request.path)?;
    if request.demo == Some(true) {
        demo::create_from_json(&path, demo::DEMO_REGISTER_JSON)?;
    } else {
        let name = request.organisation_name.unwrap_or_default();
        let name = name.trim();
        if name.is_empty() {
            // The user may correct the name and create at the chosen path after all.
            shell.grant(Grant::New, &path);
            return Err(IpcError::new(
                "invalid",
                "Enter the organisation's legal name; it heads every exported record.",
            )
            .de("Geben Sie den rechtlichen Namen der Organisation ein; er steht über jedem exportierten Verzeichnis.")
            .at_field("organisationName"));
        }
        Store::create(&path, &Organisation::new(name))?;
    }
    open_and_remember(&path, &state, &shell)
}

/// Writes a consistent copy of the open register to `path` (a new file) and returns its path.
/// The open register stays open.
#[tauri::command]
pub async fn duplicate_register(
    path: PathBuf,
    state: State<'_, AppState>,
    shell: State<'_, ShellState>,
) -> Result<String, IpcError> {
    let path = shell.take_grant(Grant::Duplicate, &path)?;
    state.with_store(|store| Ok(store.duplicate_to(&path)?))?;
    Ok(path.display().to_string())
}
