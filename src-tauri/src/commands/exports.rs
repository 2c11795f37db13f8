//! Exports to files: the documents of `ropa_core::documents`, rendered on a blocking thread
//! (never the UI thread) and written atomically to the path chosen in the save dialog; and the
//! opener, which opens only files this session exported.

use std::path::{Path, PathBuf};

use ropa_core::documents::{self, DocumentChoice, DocumentRequest, Facts, Warning};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::IpcError;
use crate::state::{AppState, Grant, ShellState};

/// A finished export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExportOutcome {
    /// The file written.
    pub path: String,
    /// Its size in bytes.
    #[cfg_attr(test, ts(type = "number"))]
    pub bytes: u64,
    /// What the reader should know (the notice's missing facts), in the document's language.
    pub warnings: Vec<Warning>,
    /// What the document states about itself (items, revision, SHA-256 of a record).
    pub facts: Facts,
}

/// The documents, formats and options the export screen offers (`ropa_core::documents`).
#[tauri::command]
pub async fn export_choices() -> Result<Vec<DocumentChoice>, IpcError> {
    Ok(documents::choices())
}

/// Exports a document to `path` on a blocking thread and remembers the file for the opener.
/// The register is read under the store lock; the file is laid out after it is released.
#[tauri::command]
pub async fn export_document<R: Runtime>(
    app: AppHandle<R>,
    request: DocumentRequest,
    path: PathBuf,
) -> Result<ExportOutcome, IpcError> {
    request.check()?;
    let path = app.state::<ShellState>().take_grant(Grant::Export, &path)?;
    let worker = app.clone();
    let target = path.clone();
    let outcome = tauri::async_runtime::spawn_blocking(move || {
        let state = worker.state::<AppState>();
        let register = state.with_store(|store| Ok(store.path().map(Path::to_owned)))?;
        // Refused before the work of rendering: never over the register or another one.
        ropa_core::files::check_output(&target, register.as_deref())?;
        let prepared = state.with_store(|store| Ok(documents::prepare(store, &request)?))?;
        let rendered = prepared.render()?;
        ropa_core::files::write_document(&target, &rendered.bytes, register.as_deref())?;
        Ok::<_, IpcError>(ExportOutcome {
            path: target.display().to_string(),
            bytes: rendered.bytes.len() as u64,
            warnings: rendered.warnings,
            facts: rendered.facts,
        })
    })
    .await
    .map_err(|err| IpcError::new("internal", format!("the export stopped: {err}")))??;
    app.state::<ShellState>().record_export(path);
    Ok(outcome)
}

/// Opens a file this session exported in the system's default viewer.
#[tauri::command]
pub async fn open_exported(path: PathBuf, shell: State<'_, ShellState>) -> Result<(), IpcError> {
    let path = shell.exported_path(&path)?;
    tauri_plugin_opener::open_path(&path, None::<&str>)
        .map_err(|err| IpcError::new("opener", format!("cannot open {}: {err}", path.display())))
}

/// Shows a file this session exported in the system's file manager.
#[tauri::command]
pub async fn reveal_exported(path: PathBuf, shell: State<'_, ShellState>) -> Result<(), IpcError> {
    let path = shell.exported_path(&path)?;
    tauri_plugin_opener::reveal_item_in_dir(&path)
        .map_err(|err| IpcError::new("opener", format!("cannot show {}: {err}", path.display())))
}
