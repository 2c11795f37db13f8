//! Which register the app opens when it starts.
//!
//! In order: `--register <file>` (or `--register=<file>`) on the command line, then the
//! `ROPA_REGISTER` environment variable, then `--demo`: the demo register in the app data
//! directory (created from the bundled example on first start, see [`crate::demo`]). Without
//! any of them no register is open and the UI shows the start screen.
//!
//! The recent-registers list lives in the app config directory, or in the directory named by
//! `--config-dir <dir>` / `ROPA_CONFIG_DIR` (tests keep their list apart this way).

use std::ffi::OsString;
use std::path::PathBuf;

use tauri::{AppHandle, Manager, Runtime};

use crate::commands::register;
use crate::{AppState, IpcError, ShellState, demo};

/// Environment variable naming the register file to open at start-up.
pub const REGISTER_ENV: &str = "ROPA_REGISTER";

/// Environment variable naming the directory of the recent-registers list.
pub const CONFIG_DIR_ENV: &str = "ROPA_CONFIG_DIR";

/// Sets where the recent-registers list lives (see the module documentation).
pub fn configure<R: Runtime>(app: &AppHandle<R>) {
    let dir = requested_value(std::env::args_os(), "--config-dir")
        .or_else(|| std::env::var_os(CONFIG_DIR_ENV).filter(|v| !v.is_empty()))
        .map(PathBuf::from)
        .or_else(|| app.path().app_config_dir().ok());
    app.state::<ShellState>().set_config_dir(dir);
}

/// Opens the start-up register into [`AppState`], if one was asked for. A failure is reported
/// on stderr and leaves no register open; the start screen then shows why.
pub fn open_initial_register<R: Runtime>(app: &AppHandle<R>) {
    let requested = requested_register(std::env::args_os(), std::env::var_os(REGISTER_ENV));
    let demo = std::env::args_os().skip(1).any(|a| a == "--demo");
    let requested = match requested {
        Some(path) => Ok(path),
        None if demo => demo_register(app),
        None => return,
    };
    let opened = requested.and_then(|path| {
        register::open_and_remember(&path, &app.state::<AppState>(), &app.state::<ShellState>())
            .map(|_| path)
    });
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
    requested_value(args, "--register")
        .or_else(|| env.filter(|value| !value.is_empty()))
        .map(PathBuf::from)
}

/// The value of `--flag value` or `--flag=value` (the first one), skipping the program name.
fn requested_value(args: impl IntoIterator<Item = OsString>, flag: &str) -> Option<OsString> {
    let mut args = args.into_iter().skip(1);
    let prefix = format!("{flag}=");
    while let Some(arg) = args.next() {
        if arg == flag {
            return args.next();
        }
        if let Some(value) = arg.to_str().and_then(|a| a.strip_prefix(&prefix)) {
            return Some(OsString::from(value));
        }
    }
    None
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
    fn config_dir_flag() {
        let got = requested_value(
            args(&["app", "--register", "/r", "--config-dir", "/c"]),
            "--config-dir",
        );
        assert_eq!(got, Some(OsString::from("/c")));
        let got = requested_value(args(&["app", "--config-dir=/d"]), "--config-dir");
        assert_eq!(got, Some(OsString::from("/d")));
    }

    #[test]
    fn nothing_requested_means_start_screen() {
        assert_eq!(
            requested_register(args(&["app"]), Some(OsString::new())),
            None
        );
        assert_eq!(requested_register(args(&["app", "--register"]), None), None);
    }
}
