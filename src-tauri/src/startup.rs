//! Which register the app opens when it starts.
//!
//! In order: `--register <file>` (or `--register=<file>`) on the command line, then the
//! `ROPA_REGISTER` environment variable, then the demo register in the app data directory
//! (created from the bundled example on first start, see [`crate::demo`]).

use std::ffi::OsString;
use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};

use crate::{AppState, IpcError, demo};

/// Environment variable naming the register file to open at start-up.
pub const REGISTER_ENV: &str = "ROPA_REGISTER";

/// Opens the start-up register into [`AppState`]. A failure is reported on stderr and leaves
/// no register open; the UI then shows the `register_not_open` error instead of crashing.
pub fn open_initial_register<R: Runtime>(app: &AppHandle<R>) {
    let requested = requested_register(std::env::args_os(), std::env::var_os(REGISTER_ENV));
    let opened = requested
        .map_or_else(|| demo_register(app), Ok)
        .and_then(|path| app.state::<AppState>().open(&path).map(|()| path));
    match opened {
        Ok(path) => eprintln!("RoPA Desk: opened register {}", path.display()),
        Err(err) => {
            eprintln!("RoPA Desk: no register opened: {err}");
            app.state::<AppState>().set_not_open_reason(err);
        }
    }
}

fn demo_register<R: Runtime>(app: &AppHandle<R>) -> Result<PathBuf, IpcError> {
    let dir = app.path().app_data_dir().map_err(|err| {
        IpcError::new(
            "no_data_dir",
            format!("cannot find the app data directory: {err}"),
        )
    })?;
    demo::ensure_demo_register(&dir)
}

/// The register asked for on the command line (first) or in the environment.
/// `args` includes the program name, as `std::env::args_os()` does.
pub fn requested_register(
    args: impl IntoIterator<Item = OsString>,
    env: Option<OsString>,
) -> Option<PathBuf> {
    let mut args = args.into_iter().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--register" {
            return args.next().map(PathBuf::from);
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix("--register=")) {
            return Some(PathBuf::from(value));
        }
    }
    env.filter(|value| !value.is_empty()).map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn command_line_wins_over_environment() {
        let env = Some(OsString::from("/env.sqlite"));
        let got = requested_register(args(&["app", "--register", "/cli.sqlite"]), env);
        assert_eq!(got, Some(PathBuf::from("/cli.sqlite")));
    }

    #[test]
    fn equals_form_is_accepted() {
        let got = requested_register(args(&["app", "--register=/a b.sqlite"]), None);
        assert_eq!(got, Some(PathBuf::from("/a b.sqlite")));
    }

    #[test]
    fn environment_is_used_without_flag() {
        let got = requested_register(args(&["app"]), Some(OsString::from("/env.sqlite")));
        assert_eq!(got, Some(PathBuf::from("/env.sqlite")));
    }

    #[test]
    fn nothing_requested_means_demo() {
        assert_eq!(
            requested_register(args(&["app"]), Some(OsString::new())),
            None
        );
        assert_eq!(requested_register(args(&["app", "--register"]), None), None);
    }
}
