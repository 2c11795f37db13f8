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
mod open;
mod records;
mod rows;
mod tables;

pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
pub use records::insert_checked;
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
}
