//! The demo register opened when no register is named at start-up.
//!
//! It is the repository's example register (`tests/fixtures/ntware.json`, compiled in), imported
//! into `demo-register.sqlite` in the app data directory the first time the app starts. The file
//! is built under a temporary name and linked only once complete (`interchange::create_from`), so
//! an interrupted first start never leaves a half-imported demo behind.

use std::path::{Path, PathBuf};

use ropa_core::interchange::{self, Register};

use crate::IpcError;

/// The example register, in the interchange format.
pub const DEMO_REGISTER_JSON: &str = include_str!("../../tests/fixtures/ntware.json");

/// File name of the demo register inside the app data directory.
pub const DEMO_FILE_NAME: &str = "demo-register.sqlite";

/// Returns the path of the demo register in `dir`, creating it first if it does not exist.
pub fn ensure_demo_register(dir: &Path) -> Result<PathBuf, IpcError> {
    let path = dir.join(DEMO_FILE_NAME);
    if path.exists() {
        return Ok(path);
    }
    std::fs::create_dir_all(dir).map_err(|err| io_error("create", dir, &err))?;
    match create_from_json(&path, DEMO_REGISTER_JSON) {
        // Another instance of the app made it meanwhile.
        Err(err) if err.code == "already_exists" => Ok(path),
        Err(err) => Err(err),
        Ok(()) => Ok(path),
    }
}

/// Creates a new register file at `path` holding the register described by `json`: complete or
/// not at all, never over an existing file.
pub fn create_from_json(path: &Path, json: &str) -> Result<(), IpcError> {
    let register = Register::from_json_str(json)?;
    interchange::create_from(path, &register)?;
    Ok(())
}

fn io_error(action: &str, path: &Path, err: &std::io::Error) -> IpcError {
    IpcError::new("io", format!("cannot {action} {}: {err}", path.display()))
}
