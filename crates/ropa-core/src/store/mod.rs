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

/// How long a write waits for another process holding the file before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

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
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Creates a new register file for `organisation`. Fails if the file exists.
    pub fn create(path: &Path, organisation: &Organisation) -> Result<Store> {
        if path.exists() {
            return Err(Error::AlreadyExists(path.to_owned()));
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?;
        let mut store = Store {
            conn,
            path: Some(path.to_owned()),
        };
        store.init_new(organisation).inspect_err(|_| {
            let _ = std::fs::remove_file(path);
        })?;
        Ok(store)
    }

    /// Creates a register in memory (tests, previews).
    pub fn create_in_memory(organisation: &Organisation) -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
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
        if !path.is_file() {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("{}: no such file", path.display()),
            )));
        }
        let not_a_register = |reason: &str| Error::NotARegister {
            path: path.to_owned(),
            reason: reason.to_owned(),
        };
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)?;
        let mut store = Store {
            conn,
            path: Some(path.to_owned()),
        };
        let app_id: i32 = match store
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
        let version: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let supported = SCHEMA_VERSION;
        if version > supported {
            return Err(Error::NewerSchema {
                path: path.to_owned(),
                found: version,
                supported,
            });
        }
        store.configure()?;
        if version < supported {
            MIGRATIONS.to_latest(&mut store.conn)?;
        }
        Ok(store)
    }

    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
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
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
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
    /// `dest`, so an interrupted copy never leaves a half-written register behind.
    /// Fails with [`Error::AlreadyExists`] if `dest` exists (it is never overwritten).
    pub fn duplicate_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::AlreadyExists(dest.to_owned()));
        }
        let dir = match dest.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "register".to_owned());
        let partial = dir.join(format!(".{name}.{}.part", uuid::Uuid::new_v4().simple()));
        let path_text = partial.to_str().ok_or_else(|| {
            Error::Io(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{}: the path is not valid UTF-8", partial.display()),
            ))
        })?;
        let result = (|| {
            self.conn.execute("VACUUM INTO ?1", [path_text])?;
            std::fs::File::open(&partial)?.sync_all()?;
            // A hard link fails if `dest` appeared meanwhile: never overwrites. File systems
            // without hard links fall back to a rename after the check above.
            match std::fs::hard_link(&partial, dest) {
                Ok(()) => Ok(()),
                Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(Error::AlreadyExists(dest.to_owned()))
                }
                Err(_) if !dest.exists() => Ok(std::fs::rename(&partial, dest)?),
                Err(err) => Err(Error::Io(err)),
            }
        })();
        let _ = std::fs::remove_file(&partial);
        result
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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.execute(
            "UPDATE register_info SET revision = revision + 1, updated_at = ?1",
            [now_timestamp()],
        )?;
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
            record.set_meta(current.0, now_timestamp(), current.1 + 1);
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
