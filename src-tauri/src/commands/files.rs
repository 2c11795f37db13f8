//! Register files (new, open, duplicate, the recent list) and exports to files.
//!
//! Paths that the app writes or opens come from the native dialogs the shell itself showed:
//! `choose_*` grants the chosen path for one use of its purpose ([`Grant`]), and
//! `create_register`, `duplicate_register`, `export_document` and `open_register` refuse any
//! other path (`open_register` also takes registers of the recent list). A compromised webview
//! can therefore neither overwrite a user's file nor open one it was not given.
//!
//! The webview gets no file-system, dialog or opener permission: the native file dialogs are
//! shown by the commands here (`choose_*`, in a child process: see [`crate::file_dialog`]), and the opener only opens files this app wrote in
//! this session (`open_exported`, `reveal_exported`). Exports run on a blocking thread, never on
//! the UI thread, and are written atomically (temporary file in the same directory, then rename).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use ropa_core::documents::{self, DocumentChoice, DocumentRequest, Facts, Warning};
use ropa_core::model::{Date, Language, Organisation, now_timestamp};
use ropa_core::store::Store;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Runtime, State};

use super::register::{RegisterOverview, overview};
use crate::state::AppState;
use crate::{IpcError, demo, file_dialog, recent};

/// What the shell remembers besides the register: where the recent list lives and which files
/// it exported (the only files the opener may open).
#[derive(Default)]
pub struct ShellState {
    config_dir: Mutex<Option<PathBuf>>,
    exported: Mutex<HashSet<PathBuf>>,
    granted: Mutex<Vec<(Grant, PathBuf)>>,
}

/// What a path chosen in a native dialog may be used for, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// Open an existing register.
    Open,
    /// Create a new register there.
    New,
    /// Write the copy of the open register there.
    Duplicate,
    /// Write an exported document there.
    Export,
}

impl ShellState {
    /// Records that the user chose `path` for `grant` in a dialog the shell showed (the
    /// `choose_*` commands do this; tests stand in for the user with it).
    pub fn grant(&self, grant: Grant, path: &Path) {
        if let Ok(path) = std::path::absolute(path) {
            lock(&self.granted).push((grant, path));
        }
    }

    /// Takes the grant of `path` for `grant`, or refuses a path the user did not choose.
    pub(crate) fn take_grant(&self, grant: Grant, path: &Path) -> Result<PathBuf, IpcError> {
        let path = std::path::absolute(path).map_err(io_error)?;
        let mut granted = lock(&self.granted);
        match granted.iter().position(|(g, p)| *g == grant && *p == path) {
            Some(i) => {
                granted.remove(i);
                Ok(path)
            }
            None => Err(not_chosen(&path)),
        }
    }

    /// A register may be opened when the user chose it in the open dialog or it is in the
    /// recent list.
    pub(crate) fn openable(&self, path: &Path) -> Result<PathBuf, IpcError> {
        let absolute = std::path::absolute(path).map_err(io_error)?;
        if let Some(dir) = self.config_dir()
            && recent::RecentList::load(&dir)
                .entries
                .iter()
                .any(|e| e.path == absolute)
        {
            return Ok(absolute);
        }
        self.take_grant(Grant::Open, path)
    }

    /// Sets the directory of the recent-registers list (`None`: no list is kept).
    pub fn set_config_dir(&self, dir: Option<PathBuf>) {
        *lock(&self.config_dir) = dir;
    }

    fn config_dir(&self) -> Option<PathBuf> {
        lock(&self.config_dir).clone()
    }

    /// Puts the open register first in the recent list. A list that cannot be written is
    /// reported on stderr only: it must never stop the register from opening.
    pub fn remember(&self, overview: &RegisterOverview) {
        let Some(dir) = self.config_dir() else { return };
        if overview.path.is_empty() {
            return;
        }
        let path = PathBuf::from(&overview.path);
        let now = now_timestamp();
        if let Err(err) = recent::update(&dir, |list| {
            list.touch(&path, &overview.organisation_name, &now);
        }) {
            eprintln!("RoPA Desk: cannot update the recent-registers list: {err}");
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn io_error(err: std::io::Error) -> IpcError {
    IpcError::from(ropa_core::Error::Io(err))
}

fn not_chosen(path: &Path) -> IpcError {
    IpcError::new(
        "path_not_chosen",
        format!(
            "{} was not chosen in a file dialog; choose the file again",
            path.display()
        ),
    )
    .de(format!(
        "{} wurde nicht in einem Dateidialog gewählt; wählen Sie die Datei erneut",
        path.display()
    ))
    .at_field("path")
}

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

/// Opens a register and puts it first in the recent list.
pub fn open_and_remember(
    path: &Path,
    state: &AppState,
    shell: &ShellState,
) -> Result<RegisterOverview, IpcError> {
    state.open(path)?;
    let overview = state.with_store(overview)?;
    shell.remember(&overview);
    Ok(overview)
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

// --- Native dialogs -------------------------------------------------------------------------

/// Which register dialog to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RegisterDialog {
    /// Open an existing register.
    Open,
    /// Choose where a new register goes.
    New,
    /// Choose where the copy of the open register goes.
    Duplicate,
}

/// Extension of register files.
pub const REGISTER_EXTENSION: &str = "ropa";

/// The interface language, for what the shell shows itself (file dialog titles).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiLanguage {
    /// `"en"` or `"de"`.
    #[cfg_attr(test, ts(type = "\"en\" | \"de\""))]
    pub language: Language,
}

/// The UI reports its language (at start and when the user switches it).
#[tauri::command]
pub fn set_ui_language(request: UiLanguage, state: State<'_, AppState>) {
    state.set_german(request.language == Language::De);
}

/// Shows the native open or save dialog for a register; `None` when the user cancelled.
#[tauri::command]
pub async fn choose_register_file(
    request: RegisterDialog,
    state: State<'_, AppState>,
    shell: State<'_, ShellState>,
) -> Result<Option<String>, IpcError> {
    let current = state
        .with_store(|store| Ok(store.path().map(Path::to_owned)))
        .ok()
        .flatten();
    let german = state.is_german();
    let pick = |en: &'static str, de: &'static str| if german { de } else { en };
    let (save, title, file_name) = match request {
        RegisterDialog::Open => (false, pick("Open register", "Verzeichnis öffnen"), None),
        RegisterDialog::New => (
            true,
            pick("New register", "Neues Verzeichnis"),
            Some(format!("register.{REGISTER_EXTENSION}")),
        ),
        RegisterDialog::Duplicate => (
            true,
            pick("Duplicate register", "Verzeichnis duplizieren"),
            Some(
                current
                    .as_deref()
                    .map_or_else(|| format!("register.{REGISTER_EXTENSION}"), copy_name),
            ),
        ),
    };
    let grant = match request {
        RegisterDialog::Open => Grant::Open,
        RegisterDialog::New => Grant::New,
        RegisterDialog::Duplicate => Grant::Duplicate,
    };
    let chosen = file_dialog::choose(file_dialog::Request {
        save,
        title: title.to_owned(),
        directory: current
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned),
        file_name,
        filters: vec![
            (
                pick("RoPA register (*.ropa)", "RoPA-Verzeichnis (*.ropa)").to_owned(),
                vec![REGISTER_EXTENSION.to_owned()],
            ),
            (
                pick("All files", "Alle Dateien").to_owned(),
                vec!["*".to_owned()],
            ),
        ],
    })
    .await?;
    if let Some(path) = &chosen {
        shell.grant(grant, Path::new(path));
    }
    Ok(chosen)
}

/// Shows the native save dialog for an export, with a default file name; `None` when cancelled.
#[tauri::command]
pub async fn choose_export_file(
    request: DocumentRequest,
    state: State<'_, AppState>,
    shell: State<'_, ShellState>,
) -> Result<Option<String>, IpcError> {
    request.check()?;
    let (organisation, dir) = state.with_store(|store| {
        Ok((
            store.organisation()?,
            store.path().and_then(Path::parent).map(Path::to_owned),
        ))
    })?;
    let language = request.language.unwrap_or(organisation.language);
    let name = documents::file_name(&organisation.legal_name, &request, language, Date::today());
    let chosen = file_dialog::choose(file_dialog::Request {
        save: true,
        title: "Export".to_owned(),
        directory: dir,
        file_name: Some(name),
        filters: vec![filter(request.format)],
    })
    .await?;
    if let Some(path) = &chosen {
        shell.grant(Grant::Export, Path::new(path));
    }
    Ok(chosen)
}

/// `client.ropa` → `client copy.ropa`.
fn copy_name(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map_or_else(|| "register".into(), |s| s.to_string_lossy());
    format!("{stem} copy.{REGISTER_EXTENSION}")
}

// --- Exports --------------------------------------------------------------------------------

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

/// The save dialog's filter for `format`.
fn filter(format: documents::Format) -> (String, Vec<String>) {
    let extension = format.extension();
    let mut extensions = vec![extension.to_owned()];
    if format == documents::Format::Html {
        extensions.push("htm".to_owned());
    }
    (format!("{} (*.{extension})", format.label()), extensions)
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
    lock(&app.state::<ShellState>().exported).insert(path);
    Ok(outcome)
}

fn exported_path(app_path: &Path, shell: &ShellState) -> Result<PathBuf, IpcError> {
    let path = std::path::absolute(app_path).map_err(io_error)?;
    if lock(&shell.exported).contains(&path) {
        Ok(path)
    } else {
        Err(IpcError::new(
            "not_exported",
            format!(
                "{} was not exported in this session; only files RoPA Desk wrote can be opened from here",
                path.display()
            ),
        )
        .de(format!(
            "{} wurde in dieser Sitzung nicht exportiert; hier lassen sich nur Dateien öffnen, die RoPA Desk geschrieben hat",
            path.display()
        ))
        .at_field("path"))
    }
}

/// Opens a file this session exported in the system's default viewer.
#[tauri::command]
pub async fn open_exported(path: PathBuf, shell: State<'_, ShellState>) -> Result<(), IpcError> {
    let path = exported_path(&path, &shell)?;
    tauri_plugin_opener::open_path(&path, None::<&str>)
        .map_err(|err| IpcError::new("opener", format!("cannot open {}: {err}", path.display())))
}

/// Shows a file this session exported in the system's file manager.
#[tauri::command]
pub async fn reveal_exported(path: PathBuf, shell: State<'_, ShellState>) -> Result<(), IpcError> {
    let path = exported_path(&path, &shell)?;
    tauri_plugin_opener::reveal_item_in_dir(&path)
        .map_err(|err| IpcError::new("opener", format!("cannot show {}: {err}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_names() {
        assert_eq!(copy_name(Path::new("/x/client.ropa")), "client copy.ropa");
    }

    #[test]
    fn save_dialog_filters_name_the_format() {
        assert_eq!(
            filter(documents::Format::Html),
            (
                "HTML (*.html)".to_owned(),
                vec!["html".to_owned(), "htm".to_owned()]
            )
        );
        assert_eq!(
            filter(documents::Format::Markdown).0,
            "Markdown (*.md)".to_owned()
        );
    }
}
