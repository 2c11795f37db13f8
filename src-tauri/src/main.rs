// Keeps a console window from opening next to the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // A child started to show a file dialog shows it and exits here.
    ropa_desk::file_dialog::run_if_requested();
    ropa_desk::run();
}
