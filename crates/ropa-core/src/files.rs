//! Writing files whole or not at all (exports, the app's recent-registers list), and never
//! over a register.

use crate::error::{Error, Result};
use crate::paths::{folder_of, with_suffix};
use crate::store::APPLICATION_ID;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Writes an exported document: refuses an `output` that is the open `register`, one of its
/// `-wal`/`-shm` files, a link to any of them, or any other RoPA Desk register (see
/// [`check_output`]), then writes atomically ([`write_atomically`]).
pub fn write_document(output: &Path, bytes: &[u8], register: Option<&Path>) -> Result<()> {
    check_output(output, register)?;
    write_atomically(output, bytes).map_err(|err| {
        Error::Io(std::io::Error::new(
            err.kind(),
            format!("{}: {err}", output.display()),
        ))
    })
}

/// Refuses to use `output` for a document when that would destroy a register: when it is the
/// open `register` or its `-wal`/`-shm` (by name after resolving links, and by device and inode,
/// which also catches hard links), or when it is any file that is a RoPA Desk register (or the
/// `-wal`/`-shm`/`-journal` of one).
pub fn check_output(output: &Path, register: Option<&Path>) -> Result<()> {
    let refuse = |what: String, what_de: String| {
        Err(Error::WouldOverwriteRegister {
            path: output.to_owned(),
            what,
            what_de,
        })
    };
    if let Some(register) = register {
        let name = register.display();
        for (suffix, en, de) in [
            ("", "the open register", "das geöffnete Verzeichnis"),
            (
                "-wal",
                "the write-ahead log of the open register",
                "das Write-Ahead-Log des geöffneten Verzeichnisses",
            ),
            (
                "-shm",
                "the shared-memory index of the open register",
                "der Shared-Memory-Index des geöffneten Verzeichnisses",
            ),
        ] {
            let side = with_suffix(register, suffix);
            if same_file(output, &side) || same_name(output, &side) {
                return refuse(format!("{en} {name}"), format!("{de} {name}"));
            }
        }
    }
    if is_register_file(output) {
        return refuse(
            "a RoPA Desk register".to_owned(),
            "ein RoPA-Desk-Verzeichnis".to_owned(),
        );
    }
    let text = output.as_os_str().to_string_lossy();
    for suffix in ["-wal", "-shm", "-journal"] {
        if let Some(base) = text.strip_suffix(suffix)
            && is_register_file(Path::new(base))
        {
            return refuse(
                format!("a working file of the RoPA Desk register {base}"),
                format!("eine Arbeitsdatei des RoPA-Desk-Verzeichnisses {base}"),
            );
        }
    }
    Ok(())
}

/// Both exist and are the same file (device and inode, following links).
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(a), Ok(b)) if a == b
        )
    }
}

/// The same path once the folders (and the file, where it exists) are resolved: catches a
/// `-wal` that does not exist yet, reached through another spelling of the folder.
fn same_name(a: &Path, b: &Path) -> bool {
    fn resolved(path: &Path) -> Option<PathBuf> {
        if let Ok(full) = std::fs::canonicalize(path) {
            return Some(full);
        }
        Some(
            std::fs::canonicalize(folder_of(path))
                .ok()?
                .join(path.file_name()?),
        )
    }
    matches!((resolved(a), resolved(b)), (Some(a), Some(b)) if a == b)
}

/// Whether `path` (following links) is an SQLite file carrying RoPA Desk's application id.
fn is_register_file(path: &Path) -> bool {
    let mut header = [0u8; 72];
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    read.is_ok()
        && header.starts_with(b"SQLite format 3\0")
        && i32::from_be_bytes([header[68], header[69], header[70], header[71]]) == APPLICATION_ID
}

/// Writes `bytes` to a temporary file next to `path`, flushes it to disk, then renames it over
/// `path`: readers see the old file or the whole new one, never a half-written one, and a
/// failure leaves no temporary file behind. The file gets the permissions any program's output
/// gets (0666 less the user's umask), not the temporary file's 0600.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ropa-export-").suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_fails_and_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("out.csv");
        assert!(write_atomically(&path, b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
