//! Native file dialogs, shown by a short-lived child process of the app.
//!
//! Why not in the app's own process: GTK's file chooser watches the folder it showed and, on
//! every change there, reads the files to sniff their type (GIO opens and closes them). Closing
//! any descriptor of a file drops all POSIX locks the *process* holds on it, including SQLite's
//! locks on the open register and its `-shm` index. With those gone, another process using the
//! register (the `ropa` CLI) believes it is alone: it deleted the register's write-ahead log
//! under the running app in our end-to-end test, so the app's later changes were invisible to
//! everyone else. A dialog in a child process can sniff what it likes; its descriptors are not
//! ours.
//!
//! The child is the app binary itself started with [`DIALOG_ARG`] and a JSON [`Request`]; it
//! prints the chosen path (JSON, `null` when cancelled) and exits. [`run_if_requested`] is the
//! first thing `main` does.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

use crate::IpcError;

/// First argument that makes the binary show a dialog instead of the app.
pub const DIALOG_ARG: &str = "--file-dialog";

/// What dialog to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Save (choose a new file) rather than open (pick an existing one).
    pub save: bool,
    /// Window title.
    pub title: String,
    /// Folder shown first.
    pub directory: Option<PathBuf>,
    /// Proposed file name (save dialogs).
    pub file_name: Option<String>,
    /// Filters: label and extensions (`*` for all files).
    pub filters: Vec<(String, Vec<String>)>,
}

/// In the child: if the process was started to show a dialog, shows it, prints the answer
/// and exits; otherwise returns and the app starts.
pub fn run_if_requested() {
    let mut args = std::env::args();
    if args.nth(1).as_deref() != Some(DIALOG_ARG) {
        return;
    }
    let request: Option<Request> = args.next().and_then(|a| serde_json::from_str(&a).ok());
    let Some(request) = request else {
        eprintln!("{DIALOG_ARG} needs a JSON request");
        std::process::exit(2);
    };
    let chosen = show(&request);
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(
        stdout,
        "{}",
        serde_json::to_string(&chosen).unwrap_or_else(|_| "null".into())
    )
    .and_then(|()| stdout.flush());
    std::process::exit(0);
}

fn show(request: &Request) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new().set_title(&request.title);
    for (label, extensions) in &request.filters {
        dialog = dialog.add_filter(label, extensions);
    }
    if let Some(dir) = &request.directory {
        dialog = dialog.set_directory(dir);
    }
    if let Some(name) = &request.file_name {
        dialog = dialog.set_file_name(name);
    }
    if request.save {
        dialog.save_file()
    } else {
        dialog.pick_file()
    }
}

/// In the app: shows the dialog in a child process and waits for the answer (off the async
/// runtime's threads). `None` when the user cancelled.
pub async fn choose(request: Request) -> Result<Option<String>, IpcError> {
    tauri::async_runtime::spawn_blocking(move || ask_child(&request))
        .await
        .map_err(|err| {
            IpcError::new("dialog_failed", format!("the file dialog failed: {err}"))
                .de(format!("der Dateidialog ist fehlgeschlagen: {err}"))
        })?
}

fn ask_child(request: &Request) -> Result<Option<String>, IpcError> {
    let failed = |what: String, was: String| {
        IpcError::new("dialog_failed", format!("the file dialog {what}"))
            .de(format!("der Dateidialog {was}"))
    };
    let exe = std::env::current_exe().map_err(|err| {
        failed(
            format!("cannot start: {err}"),
            format!("kann nicht starten: {err}"),
        )
    })?;
    let json = serde_json::to_string(request)
        .map_err(|err| failed(err.to_string(), format!("hat einen Fehler: {err}")))?;
    let out = Command::new(exe)
        .arg(DIALOG_ARG)
        .arg(json)
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|err| {
            failed(
                format!("cannot start: {err}"),
                format!("kann nicht starten: {err}"),
            )
        })?;
    let answer = String::from_utf8_lossy(&out.stdout);
    // GTK may print to stdout before us: the answer is the last line. A child that answered
    // and then crashed while GTK's thread was torn down at exit still answered.
    let chosen: Option<PathBuf> = match answer.lines().last().map(serde_json::from_str) {
        Some(Ok(chosen)) => {
            if !out.status.success() {
                eprintln!(
                    "RoPA Desk: the file dialog answered, then ended with {}",
                    out.status
                );
            }
            chosen
        }
        _ => {
            return Err(failed(
                format!("ended with {} without an answer", out.status),
                format!("endete mit {} ohne Antwort", out.status),
            ));
        }
    };
    Ok(chosen.map(|p| p.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_survive_the_command_line() {
        let r = Request {
            save: true,
            title: "Export".into(),
            directory: Some("/tmp/a b".into()),
            file_name: Some("Müller GmbH – record.pdf".into()),
            filters: vec![("PDF".into(), vec!["pdf".into()])],
        };
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), r);
    }
}
