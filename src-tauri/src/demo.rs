//! The demo register opened when no register is named at start-up.
//!
//! It is the repository's example register (`tests/fixtures/ntware.json`, compiled in), imported
//! into `demo-register.sqlite` in the app data directory the first time the app starts. The file
//! is built under a temporary name and renamed only once complete, so an interrupted first start
//! never leaves a half-imported demo behind.

use std::path::{Path, PathBuf};

use ropa_core::interchange::{self, Register};
use ropa_core::store::Store;

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
    let partial = dir.join(format!("{DEMO_FILE_NAME}.part"));
    remove_if_exists(&partial)?;
    create_from_json(&partial, DEMO_REGISTER_JSON)?;
    std::fs::rename(&partial, &path).map_err(|err| io_error("rename", &partial, &err))?;
    Ok(path)
}

/// Creates a new register file at `path` holding the register described by `json`.
pub fn create_from_json(path: &Path, json: &str) -> Result<(), IpcError> {
    let register = Register::from_json_str(json)?;
    let mut store = Store::create(path, &register.organisation)?;
    interchange::import(&mut store, &register)?;
    Ok(())
}

fn remove_if_exists(path: &Path) -> Result<(), IpcError> {
    match std::fs::remove_file(path) {
        Err(err) if err.kind() != std::io::ErrorKind::NotFound => {
            Err(io_error("remove", path, &err))
        }
        _ => Ok(()),
    }
}

fn io_error(action: &str, path: &Path, err: &std::io::Error) -> IpcError {
    IpcError::new("io", format!("cannot {action} {}: {err}", path.display()))
}
