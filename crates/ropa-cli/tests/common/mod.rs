//! Helpers the CLI test files share: the fixtures and the `ropa` binary on a register file.
//! (Each test file compiles this module; not every file uses every helper.)
#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A fixture of `tests/fixtures` (interchange JSON).
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// `ropa --register REGISTER`, with ROPA_REGISTER cleared and a fixed export date.
pub fn ropa(register: &Path) -> Command {
    let mut c = Command::cargo_bin("ropa").unwrap();
    c.env_remove("ROPA_REGISTER")
        .env("SOURCE_DATE_EPOCH", "1795400000")
        .arg("--register")
        .arg(register);
    c
}

/// The fixture `name` imported into `dir/client.ropa`.
pub fn imported(dir: impl AsRef<Path>, name: &str) -> PathBuf {
    let reg = dir.as_ref().join("client.ropa");
    ropa(&reg)
        .arg("import")
        .arg(fixture(name))
        .assert()
        .success();
    reg
}
