//! RoPA Desk's desktop shell: a thin Tauri 2 layer over `ropa-core`.
//!
//! [`run`] starts the real app. Everything the frontend can call is registered in [`setup`],
//! which is generic over the runtime so that tests drive the same commands on Tauri's mock
//! runtime (`tauri::test::mock_builder()`) without opening a window.
// Every command returns `Result<_, IpcError>`: the error is a few strings (code, messages in
// two languages, the field and its own message) that cross IPC once per failed command, so its
// size does not matter and boxing it would only obscure the commands.
#![allow(clippy::result_large_err)]

#[cfg(test)]
mod bindings;
mod busy;
mod command_list;
mod commands;
pub mod demo;
mod error;
pub mod file_dialog;
mod recent;
mod startup;
mod state;

use command_list::handler;
use tauri::{Builder, Runtime};

pub use commands::register::{ActivitySummary, RegisterInfo, RegisterOverview};
pub use error::IpcError;
pub use startup::{REGISTER_ENV, requested_register};
pub use state::AppState;
pub use state::{Grant, ShellState};

/// Starts the desktop app and blocks until it quits.
pub fn run() {
    run_app(Builder::default());
}

/// Builds and runs the app on any runtime: opens the start-up register, then the main window.
pub fn run_app<R: Runtime>(builder: Builder<R>) {
    let result = setup(builder)
        // Official plugins. None of them is granted to the webview: the opener is called from
        // Rust commands (see `commands::dialogs`), the window state is restored and saved in
        // Rust. File dialogs are not a plugin: see `file_dialog`.
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .setup(|app| {
            busy::install(app.handle());
            startup::configure(app.handle());
            startup::open_initial_register(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!("RoPA Desk failed to start: {err}");
        std::process::exit(1);
    }
}

/// Registers the app's state and commands. Shared by the app and the tests.
pub fn setup<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder
        .manage(AppState::default())
        .manage(ShellState::default())
        .invoke_handler(command_list::with_commands!(handler))
}
