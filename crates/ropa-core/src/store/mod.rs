//! The register file: one SQLite database per organisation (or per consultant's client).
//!
//! Why it is built this way:
//! - **Recognisable files.** Every register carries `PRAGMA application_id` = [`APPLICATION_ID`];
//!   opening anything else (a random SQLite file, a text file) fails with
//!   [`Error::NotARegister`] instead of silently creating tables in it. A file whose schema
//!   version (`user_version`) is newer than this build knows is refused with
//!   [`Error::NewerSchema`] rather than half-read.
//! - **Safe writes.** WAL journal, `synchronous=FULL` (a committed change survives power loss),
//!   `foreign_keys=ON`, a busy timeout so that the CLI and the app can share a file. Every write
//!   is one transaction, which also increments the register's revision.
//! - **No lost updates.** Each record carries a revision; an update or delete based on a stale
//!   revision fails with [`Error::Conflict`] instead of overwriting a change made elsewhere.

mod migrations;
mod rows;
mod tables;

pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
pub use tables::Stored;

use crate::error::{Error, Result};
use crate::model::{Organisation, RecordMeta, now_timestamp};
use crate::validate::{Validate, check_id};
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `PRAGMA application_id` of RoPA Desk registers ("RoPA" in ASCII).
pub const APPLICATION_ID: i32 = 0x526F_5041;

/// How long a write waits for another process holding the file before failing. The longest
/// write measured is a whole-register `import --replace` (see the README's "Safety of the
/// register file"); ten minutes leaves a wide margin, and whoever waits is told so after
/// [`WAIT_NOTICE_AFTER`] (see [`set_wait_notice`]).
pub const BUSY_WAIT: Duration = Duration::from_secs(600);

/// After how long a waiting writer calls the wait notice.
pub const WAIT_NOTICE_AFTER: Duration = Duration::from_secs(1);

/// The highest revision a register or a record can carry: 2^53 − 1, the largest integer that
/// JSON readers such as the app's webview hold exactly. Imports refuse higher revisions, and a
/// write that would pass it fails instead of wrapping around.
pub const MAX_REVISION: i64 = (1 << 53) - 1;

/// Poll interval of the busy handler once the first quick retries are used up.
const BUSY_POLL: Duration = Duration::from_millis(50);
/// Quick retries (1 ms each) before polling at [`BUSY_POLL`].
const QUICK_RETRIES: i32 = 20;

static WAIT_NOTICE: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Registers what to do once when a write has waited [`WAIT_NOTICE_AFTER`] for another program
/// to release the register (the CLI prints "waiting for the register to be free…"). Set once
/// per process; later calls are ignored.
pub fn set_wait_notice(notice: fn()) {
    let _ = WAIT_NOTICE.set(notice);
}

/// SQLite's busy handler: `attempt` counts the calls for one lock. Returns whether to try again.
fn wait_for_lock(attempt: i32) -> bool {
    let waited = |n: i32| {
        let quick = n.min(QUICK_RETRIES);
        Duration::from_millis(quick as u64) + BUSY_POLL * (n - quick).max(0) as u32
    };
    if waited(attempt) >= BUSY_WAIT {
        return false;
    }
    let first_past_notice =
        waited(attempt) >= WAIT_NOTICE_AFTER && waited((attempt - 1).max(0)) < WAIT_NOTICE_AFTER;
    if first_past_notice && let Some(notice) = WAIT_NOTICE.get() {
        notice();
    }
    std::thread::sleep(if attempt < QUICK_RETRIES {
        Duration::from_millis(1)
    } else {
        BUSY_POLL
    });
    true
}

/// Facts about the register as a whole.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RegisterInfo {
    /// Random id given when the register was created.
    pub register_id: String,
    /// When the register was created.
    pub created_at: String,
    /// When anything in it last changed.
    pub updated_at: String,
    /// Number of write transactions so far; printed on exported documents.
    pub revision: i64,
    /// Schema version of the file.
    pub schema_version: i64,
}

/// An open register.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

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

    fn init_new(&mut self, organisation: &Organisation) -> Result<()> {
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
    fn recognise(&self) -> Result<i64> {
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

    fn configure(&self) -> Result<()> {
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

    /// The file this register lives in (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The underlying connection, for read-only queries by exporters.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Register-wide facts (id, revision, schema version).
    pub fn info(&self) -> Result<RegisterInfo> {
        let schema_version = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok(self.conn.query_row(
            "SELECT register_id, created_at, updated_at, revision FROM register_info",
            [],
            |r| {
                Ok(RegisterInfo {
                    register_id: r.get(0)?,
                    created_at: r.get(1)?,
                    updated_at: r.get(2)?,
                    revision: r.get(3)?,
                    schema_version,
                })
            },
        )?)
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

    /// SQLite's `data_version`: changes when another connection (the CLI, another window)
    /// commits to the file. Poll it to notice outside changes.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    /// Runs `f` in one immediate transaction that also bumps the register revision; commits if
    /// `f` succeeds, rolls back otherwise.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(Error::ReadOnly(self.path.clone().unwrap_or_default()));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        let bumped = tx.execute(
            "UPDATE register_info SET revision = revision + 1, updated_at = ?1 WHERE revision < ?2",
            (now_timestamp(), MAX_REVISION),
        )?;
        if bumped != 1 {
            return Err(Error::RevisionLimit { entity: None });
        }
        tx.commit()?;
        Ok(out)
    }

    /// The organisation record.
    pub fn organisation(&self) -> Result<Organisation> {
        Organisation::load(&self.conn, crate::model::ORGANISATION_ID)?.ok_or(Error::NoOrganisation)
    }

    /// Reads one record.
    pub fn get<T: Stored>(&self, id: &str) -> Result<T> {
        T::load(&self.conn, id)?.ok_or_else(|| Error::NotFound {
            entity: T::ENTITY,
            id: id.to_owned(),
        })
    }

    /// Reads one record, `None` if there is none with this id.
    pub fn find<T: Stored>(&self, id: &str) -> Result<Option<T>> {
        T::load(&self.conn, id)
    }

    /// Reads every record of a kind, in a stable order.
    pub fn list<T: Stored>(&self) -> Result<Vec<T>> {
        T::load_all(&self.conn)
    }

    /// Adds a new record. An empty id is replaced by a generated one. Returns the record as
    /// stored (revision 1, timestamps set).
    pub fn insert<T: Stored>(&mut self, record: T) -> Result<T> {
        let mut record = record;
        if record.id().is_empty() {
            record.set_id(uuid::Uuid::new_v4().to_string());
        }
        let now = now_timestamp();
        record.set_meta(now.clone(), now, 1);
        self.write(|tx| insert_checked(tx, &record))?;
        Ok(record)
    }

    /// Replaces a record. `record.revision()` must be the revision it was read at; otherwise the
    /// record changed in the meantime and [`Error::Conflict`] is returned. Returns the record as
    /// stored (revision incremented).
    pub fn update<T: Stored>(&mut self, record: T) -> Result<T> {
        let mut record = record;
        check_id(&record)?;
        record.validate()?;
        self.write(|tx| {
            let current = current_meta::<T>(tx, record.id())?;
            if current.1 != record.revision() {
                return Err(Error::Conflict {
                    entity: T::ENTITY,
                    id: record.id().to_owned(),
                    expected: record.revision(),
                    actual: current.1,
                });
            }
            let next = current
                .1
                .checked_add(1)
                .filter(|r| *r <= MAX_REVISION)
                .ok_or(Error::RevisionLimit {
                    entity: Some((T::ENTITY, record.id().to_owned())),
                })?;
            record.set_meta(current.0, now_timestamp(), next);
            record.check_refs(tx)?;
            record.save(tx)?;
            Ok(())
        })?;
        Ok(record)
    }

    /// Removes a record. With `expected_revision`, fails with [`Error::Conflict`] if the record
    /// changed since it was read. Fails with [`Error::InUse`] while other records refer to it.
    pub fn delete<T: Stored>(&mut self, id: &str, expected_revision: Option<i64>) -> Result<()> {
        self.write(|tx| {
            let (_, revision) = current_meta::<T>(tx, id)?;
            if let Some(expected) = expected_revision.filter(|e| *e != revision) {
                return Err(Error::Conflict {
                    entity: T::ENTITY,
                    id: id.to_owned(),
                    expected,
                    actual: revision,
                });
            }
            let users = T::used_by(tx, id)?;
            if !users.is_empty() {
                // Named as people know it (catalogue entries, parties, activities and services
                // have a name column); other records by their id.
                let name = tx
                    .query_row(
                        &format!("SELECT name FROM {} WHERE id = ?1", T::TABLE),
                        [id],
                        |r| r.get::<_, String>(0),
                    )
                    .map_or_else(|_| format!("`{id}`"), |n| format!("“{n}”"));
                return Err(Error::InUse {
                    entity: T::ENTITY,
                    id: id.to_owned(),
                    name,
                    used_by: users.join(", "),
                });
            }
            tx.execute(&format!("DELETE FROM {} WHERE id = ?1", T::TABLE), [id])?;
            Ok(())
        })
    }

    /// Saves the organisation record (optimistic concurrency as for [`Store::update`]).
    pub fn save_organisation(&mut self, organisation: Organisation) -> Result<Organisation> {
        self.update(organisation)
    }

    /// The privacy-notice settings; the defaults when none were saved yet.
    pub fn notice_settings(&self) -> Result<crate::model::NoticeSettings> {
        Ok(
            crate::model::NoticeSettings::load(&self.conn, crate::model::NOTICE_SETTINGS_ID)?
                .unwrap_or_default(),
        )
    }

    /// Saves the privacy-notice settings: the first save creates the record (revision 0 as
    /// read from [`Store::notice_settings`]), later saves need the current revision as for
    /// [`Store::update`].
    pub fn save_notice_settings(
        &mut self,
        settings: crate::model::NoticeSettings,
    ) -> Result<crate::model::NoticeSettings> {
        let exists = crate::model::NoticeSettings::load(&self.conn, &settings.id)?.is_some();
        if exists || settings.revision != 0 {
            self.update(settings)
        } else {
            self.insert(settings)
        }
    }

    /// Reads one record by id; an activity also by its reference code (`WEB-01`).
    pub fn lookup<T: Stored>(&self, key: &str) -> Result<T> {
        if T::ENTITY == crate::model::Entity::Activity {
            let activity = self.find_activity(key)?;
            return self.get(&activity.id);
        }
        self.get(key)
    }

    /// Finds an activity by its reference code (`WEB-01`) or id.
    pub fn find_activity(&self, key: &str) -> Result<crate::model::Activity> {
        let id: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM activity WHERE id = ?1 OR reference = ?1 ORDER BY id = ?1 DESC LIMIT 1",
                [key],
                |r| r.get(0),
            )
            .optional()?;
        match id {
            Some(id) => self.get(&id),
            None => Err(Error::NotFound {
                entity: crate::model::Entity::Activity,
                id: key.to_owned(),
            }),
        }
    }
}

/// Inserts a record inside a running transaction after validating it and its references
/// (used by import; prefer [`Store::insert`]).
pub fn insert_checked<T: Stored>(tx: &Connection, record: &T) -> Result<()> {
    check_id(record)?;
    record.validate()?;
    let exists: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)", T::TABLE),
        [record.id()],
        |r| r.get(0),
    )?;
    if exists {
        return Err(Error::Duplicate {
            entity: T::ENTITY,
            id: record.id().to_owned(),
            field: "id",
            value: record.id().to_owned(),
        });
    }
    record.check_refs(tx)?;
    record.save(tx)
}

fn current_meta<T: Stored>(tx: &Connection, id: &str) -> Result<(String, i64)> {
    tx.query_row(
        &format!(
            "SELECT created_at, revision FROM {} WHERE id = ?1",
            T::TABLE
        ),
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound {
        entity: T::ENTITY,
        id: id.to_owned(),
    })
}

/// `path` must be a regular file (following links); a clear "no such file" otherwise.
fn path_of_file(path: &Path) -> Result<&Path> {
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
fn refuse_existing(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(_) => Err(Error::AlreadyExists(path.to_owned())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(Error::Io(err)),
    }
}

/// A new, empty, owner-only temporary file in `dest`'s directory, removed when dropped.
fn partial_file(dest: &Path) -> Result<tempfile::TempPath> {
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
fn link_into_place(partial: tempfile::TempPath, dest: &Path) -> Result<()> {
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
fn cannot_write_beside(err: &rusqlite::Error) -> bool {
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
fn wal_holds_changes(path: &Path) -> bool {
    std::fs::metadata(crate::paths::with_suffix(path, "-wal")).is_ok_and(|m| m.len() > 0)
}

/// `file:` URI of `path` with `immutable=1`: SQLite then reads the file without locks or a
/// `-shm` index (only right when no `-wal` holds changes, see [`Store::open_read_only`]).
fn immutable_uri(path: &Path) -> Result<String> {
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
