//! Creating, opening and copying register files: recognising them, configuring the
//! connection, never leaving a half-written file behind.

use super::*;

impl Store {
    /// Creates a new register file for `organisation`. Fails with [`Error::AlreadyExists`] if
    /// anything is at `path` (a file, a directory, or a symbolic link, even a dangling one).
    pub fn create(path: &Path, organisation: &Organisation) -> Result<Store> {
        Store::create_with(path, organisation, |_| Ok(()))
    }

    /// Creates a new register file for `organisation` and lets `build` fill it before anyone
    /// can see it: the register is built under a temporary name in `path`'s directory, closed,
    /// flushed to disk and only then given its name, with a rename (or hard link) that fails
    /// if `path` exists meanwhile. So `path` holds nothing or a complete register — never an
    /// empty or half-filled one, whatever interrupts the process — and of two processes
    /// creating the same file, the one that loses never touches the winner's file.
    ///
    /// The new file is readable and writable by its owner only (mode 0600): it holds personal
    /// data. If `build` fails, the temporary file is removed and the error returned.
    pub fn create_with(
        path: &Path,
        organisation: &Organisation,
        build: impl FnOnce(&mut Store) -> Result<()>,
    ) -> Result<Store> {
        refuse_existing(path)?;
        let partial = partial_file(path)?;
        let conn = Connection::open_with_flags(
            &partial,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?;
        let mut store = Store {
            conn,
            path: Some(partial.to_path_buf()),
            read_only: false,
        };
        let built = store
            .init_new(organisation)
            .and_then(|()| build(&mut store));
        // Closing the last connection checkpoints the write-ahead log into the file and removes
        // the temporary `-wal`/`-shm`: what gets linked is the whole register.
        let closed = store.conn.close().map_err(|(_, err)| Error::from(err));
        built?;
        closed?;
        std::fs::File::open(&partial)?.sync_all()?;
        link_into_place(partial, path)?;
        Store::open(path)
    }

    /// Creates a register in memory (tests, previews).
    pub fn create_in_memory(organisation: &Organisation) -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            read_only: false,
        };
        store.init_new(organisation)?;
        Ok(store)
    }

    pub(super) fn init_new(&mut self, organisation: &Organisation) -> Result<()> {
        organisation.validate()?;
        self.configure()?;
        self.conn
            .pragma_update(None, "application_id", APPLICATION_ID)?;
        MIGRATIONS.to_latest(&mut self.conn)?;
        let now = now_timestamp();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO register_info (singleton, register_id, created_at, updated_at, revision)
                 VALUES (1, ?1, ?2, ?2, 0)",
                (uuid::Uuid::new_v4().to_string(), &now),
            )?;
            let mut org = organisation.clone();
            org.set_meta(now.clone(), now.clone(), 1);
            org.save(tx)
        })
    }

    /// Opens an existing register, upgrading its schema if it was written by an older version.
    pub fn open(path: &Path) -> Result<Store> {
        let conn =
            Connection::open_with_flags(path_of_file(path)?, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mut store = Store {
            conn,
            path: Some(path.to_owned()),
            read_only: false,
        };
        let version = store.recognise()?;
        store.configure()?;
        if version < SCHEMA_VERSION {
            MIGRATIONS.to_latest(&mut store.conn)?;
        }
        Ok(store)
    }

    /// Opens an existing register for reading only: nothing is written through this store (it
    /// runs with `query_only`) and the schema is never upgraded, so a register on a read-only
    /// share, a write-protected USB stick or a full disk can still be listed, shown and
    /// exported. Writes through this store fail.
    ///
    /// Where the folder can be written, the connection is an ordinary one, so that closing it
    /// tidies the `-wal`/`-shm` files away as every other connection does. Where it cannot,
    /// SQLite cannot make the `-shm` index it reads a WAL register through: then the register
    /// is read as an immutable file, which is right as long as no `-wal` file holds changes not
    /// yet in the file itself (such a register is refused with SQLite's error instead).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let file = path_of_file(path)?;
        let open = |flags: OpenFlags, uri: Option<String>| -> Result<Store> {
            let conn = match uri {
                Some(uri) => Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?,
                None => Connection::open_with_flags(file, flags)?,
            };
            conn.pragma_update(None, "query_only", true)?;
            let store = Store {
                conn,
                path: Some(path.to_owned()),
                read_only: true,
            };
            let version = store.recognise()?;
            if version < SCHEMA_VERSION {
                if !flags.contains(OpenFlags::SQLITE_OPEN_READ_ONLY) {
                    // A writable register of an older schema is upgraded, as on every open.
                    drop(store);
                    return Store::open(path);
                }
                return Err(Error::UpgradeNeeded {
                    path: path.to_owned(),
                    found: version,
                    current: SCHEMA_VERSION,
                });
            }
            store.configure()?;
            // The first read goes through the WAL index: fail here, not in the caller.
            store.info()?;
            Ok(store)
        };
        match open(OpenFlags::SQLITE_OPEN_READ_WRITE, None) {
            Err(Error::Sqlite(err)) if cannot_write_beside(&err) && !wal_holds_changes(path) => {
                open(OpenFlags::SQLITE_OPEN_READ_ONLY, Some(immutable_uri(path)?))
            }
            other => other,
        }
    }

    /// Checks that the open file is a RoPA Desk register of a schema this build reads; returns
    /// its schema version.
    pub(super) fn recognise(&self) -> Result<i64> {
        let path = self.path.as_deref().unwrap_or(Path::new(":memory:"));
        let not_a_register = |reason: &str| Error::NotARegister {
            path: path.to_owned(),
            reason: reason.to_owned(),
        };
        let app_id: i32 = match self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
        {
            Ok(id) => id,
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::NotADatabase =>
            {
                return Err(not_a_register("not an SQLite database"));
            }
            Err(e) => return Err(e.into()),
        };
        if app_id != APPLICATION_ID {
            return Err(not_a_register(&format!(
                "SQLite database with application id {app_id:#x}, not RoPA Desk's"
            )));
        }
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(Error::NewerSchema {
                path: path.to_owned(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(version)
    }

    pub(super) fn configure(&self) -> Result<()> {
        self.conn.busy_handler(Some(wait_for_lock))?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        if self.read_only {
            return Ok(());
        }
        if self.path.is_some() {
            let mode: String =
                self.conn
                    .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Sqlite(rusqlite::Error::InvalidParameterName(
                    format!("could not switch the register to WAL (journal mode is {mode})"),
                )));
            }
        }
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(())
    }

    /// Writes a consistent copy of this register to `dest`, a new file: the copy is a valid
    /// register (same records, revision, schema version and register id) that opens on its own.
    ///
    /// Safe while the register is in use: `VACUUM INTO` reads one snapshot (a single read
    /// transaction), so a write by another process either is in the copy entirely or not at all.
    /// The copy is written under a temporary name in `dest`'s directory and only then linked to
    /// `dest`, so an interrupted copy never leaves a half-written register behind (as
    /// [`Store::create_with`]). Fails with [`Error::AlreadyExists`] if `dest` exists (it is
    /// never overwritten).
    pub fn duplicate_to(&self, dest: &Path) -> Result<()> {
        refuse_existing(dest)?;
        let partial = partial_file(dest)?;
        let path_text = partial.to_str().ok_or_else(|| {
            Error::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{}: the path is not valid UTF-8", partial.display()),
            ))
        })?;
        // VACUUM INTO writes into an empty file: the temporary file made for it.
        self.conn.execute("VACUUM INTO ?1", [path_text])?;
        std::fs::File::open(&partial)?.sync_all()?;
        link_into_place(partial, dest)
    }
}

/// `path` must be a regular file (following links); a clear "no such file" otherwise.
pub(super) fn path_of_file(path: &Path) -> Result<&Path> {
    if path.is_file() {
        Ok(path)
    } else {
        Err(Error::Io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{}: no such file", path.display()),
        )))
    }
}

/// Refuses a path where anything exists, a dangling symbolic link included (creating through
/// it would put the register somewhere the user did not name).
pub(super) fn refuse_existing(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => Err(Error::AlreadyExists(path.to_owned())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::Io(err)),
    }
}

/// A new, empty, owner-only temporary file in `dest`'s directory, removed when dropped.
pub(super) fn partial_file(dest: &Path) -> Result<tempfile::TempPath> {
    let dir = crate::paths::folder_of(dest);
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "register".to_owned());
    let file = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".part")
        .tempfile_in(dir)
        .map_err(|err| {
            Error::Io(std::io::Error::new(
                err.kind(),
                format!("cannot create a file in {}: {err}", dir.display()),
            ))
        })?;
    Ok(file.into_temp_path())
}

/// Gives the finished temporary file its name without ever replacing anything there (rename
/// with RENAME_NOREPLACE, else a hard link), then makes the new name durable. The temporary
/// file is removed whatever happens.
pub(super) fn link_into_place(partial: tempfile::TempPath, dest: &Path) -> Result<()> {
    match partial.persist_noclobber(dest) {
        Ok(()) => {}
        Err(err) if err.error.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::AlreadyExists(dest.to_owned()));
        }
        Err(err) => return Err(Error::Io(err.error)),
    }
    let dir = crate::paths::folder_of(dest);
    // The directory entry must reach the disk too, or a power loss could lose the new name.
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Errors of a read-only connection that mean SQLite could not create its `-shm` index next to
/// the file (read-only folder or medium, full disk).
pub(super) fn cannot_write_beside(err: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode;
    matches!(
        err.sqlite_error_code(),
        Some(
            ErrorCode::CannotOpen
                | ErrorCode::ReadOnly
                | ErrorCode::SystemIoFailure
                | ErrorCode::DiskFull
        )
    )
}

/// Whether a `-wal` file with content sits next to `path` (an empty one, as a failed open may
/// leave, holds nothing).
pub(super) fn wal_holds_changes(path: &Path) -> bool {
    std::fs::metadata(crate::paths::with_suffix(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

/// `file:` URI of `path` with `immutable=1`: SQLite then reads the file without locks or a
/// `-shm` index (only right when no `-wal` holds changes, see [`Store::open_read_only`]).
pub(super) fn immutable_uri(path: &Path) -> Result<String> {
    let absolute = std::path::absolute(path)?;
    let text = absolute.to_str().ok_or_else(|| {
        Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{}: the path is not valid UTF-8", absolute.display()),
        ))
    })?;
    let mut uri = String::from("file:");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    Ok(uri)
}
