//! The native file dialogs (shown by a child process: see [`crate::file_dialog`]). Each grants
//! the chosen path for one use of its purpose ([`Grant`]); the commands that write or open
//! files take nothing else.

use std::path::Path;

use ropa_core::documents::{self, DocumentRequest};
use ropa_core::model::{Date, Language};
use serde::Deserialize;
use tauri::State;

use super::UiLanguage;
use crate::state::{AppState, Grant, ShellState};
use crate::{IpcError, file_dialog};

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

/// The save dialog's filter for `format`.
fn filter(format: documents::Format) -> (String, Vec<String>) {
    let extension = format.extension();
    let mut extensions = vec![extension.to_owned()];
    if format == documents::Format::Html {
        extensions.push("htm".to_owned());
    }
    (format!("{} (*.{extension})", format.label()), extensions)
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
