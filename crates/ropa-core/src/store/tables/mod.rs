//! One module per table family: how each record kind is written to and read from its tables.

mod activity;
mod catalogue;
mod notice;
mod organisation;
mod party;
mod transfer;

use crate::error::{Error, Result};
use crate::model::{Entity, RecordMeta};
use crate::validate::Validate;
use rusqlite::{Connection, OptionalExtension};
use std::collections::HashMap;

/// An `ORDER BY` term for a column holding a text written per language
/// ([`LocalText`](crate::model::LocalText)): its text in the organisation's primary language
/// (else English, else German), so that a list is in the same order whether or not its texts
/// have translations. Plain texts are the primary language's already.
fn by_text(column: &str) -> String {
    format!(
        "CASE WHEN {column} LIKE '{{%' AND json_valid({column}) THEN COALESCE(\
         json_extract({column}, '$.' || (SELECT language FROM organisation)), \
         json_extract({column}, '$.en'), json_extract({column}, '$.de'), {column}) \
         ELSE {column} END COLLATE NOCASE"
    )
}

/// A record kind the store can persist. Implemented for every top-level model type; not meant
/// to be implemented outside this crate.
pub trait Stored: RecordMeta + Validate + Clone + Sized {
    /// The main table.
    const TABLE: &'static str;

    /// Reads the record with this id, or all records when `id` is `None`, in a stable order.
    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>>;

    /// Reads one record.
    fn load(conn: &Connection, id: &str) -> Result<Option<Self>> {
        Ok(Self::query(conn, Some(id))?.pop())
    }

    /// Reads every record.
    fn load_all(conn: &Connection) -> Result<Vec<Self>> {
        Self::query(conn, None)
    }

    /// Checks that every record this one refers to exists, naming the field otherwise.
    fn check_refs(&self, tx: &Connection) -> Result<()>;

    /// Writes the row (insert or in-place update, so that rows referring to it are untouched)
    /// and replaces the record's own child rows.
    fn save(&self, tx: &Connection) -> Result<()>;

    /// Describes the records that refer to record `id` (empty if none).
    fn used_by(tx: &Connection, id: &str) -> Result<Vec<String>>;
}

/// Fails with [`Error::MissingReference`] unless `table` has a row `target_id`.
pub(crate) fn require(
    tx: &Connection,
    (entity, id): (Entity, &str),
    field: &str,
    target: Entity,
    table: &str,
    target_id: &str,
) -> Result<()> {
    let exists: Option<i64> = tx
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .query_row([target_id], |r| r.get(0))
        .optional()?;
    if exists.is_none() {
        return Err(Error::MissingReference {
            entity,
            id: id.to_owned(),
            field: field.to_owned(),
            target,
            target_id: target_id.to_owned(),
        });
    }
    Ok(())
}

/// Runs a query returning `(label, where)` pairs and formats them as "activity `X` (recipients)".
pub(crate) fn users(tx: &Connection, sql: &str, id: &str, what: &str) -> Result<Vec<String>> {
    let mut stmt = tx.prepare_cached(sql)?;
    let rows = stmt.query_map([id], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for label in rows {
        out.push(format!("{what} `{}`", label?));
    }
    Ok(out)
}

/// Reads child rows keyed by their parent id, preserving order.
pub(crate) fn children<T>(
    conn: &Connection,
    sql: &str,
    id: Option<&str>,
    mut decode: impl FnMut(&rusqlite::Row<'_>) -> Result<T>,
) -> Result<HashMap<String, Vec<T>>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([id])?;
    let mut out: HashMap<String, Vec<T>> = HashMap::new();
    while let Some(row) = rows.next()? {
        let parent: String = row.get(0)?;
        out.entry(parent).or_default().push(decode(row)?);
    }
    Ok(out)
}

/// Reads main rows.
pub(crate) fn rows<T>(
    conn: &Connection,
    sql: &str,
    id: Option<&str>,
    mut decode: impl FnMut(&rusqlite::Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query([id])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(decode(row)?);
    }
    Ok(out)
}

/// Inserts `(parent, item, position)` link rows.
pub(crate) fn links(tx: &Connection, sql: &str, parent: &str, items: &[String]) -> Result<()> {
    let mut stmt = tx.prepare_cached(sql)?;
    for (pos, item) in items.iter().enumerate() {
        stmt.execute((parent, item, pos as i64))?;
    }
    Ok(())
}

/// `INSERT … ON CONFLICT(id) DO UPDATE` for `cols` (the first column is `id`).
pub(crate) fn upsert_sql(table: &str, cols: &[&str]) -> String {
    let names = cols.join(", ");
    let params = (1..=cols.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let set = cols[1..]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!("INSERT INTO {table} ({names}) VALUES ({params}) ON CONFLICT (id) DO UPDATE SET {set}")
}

/// Runs `$body` with the type `$t` bound to the record type stored for the entity `$entity`
/// (`Entity::Activity` → [`Activity`](crate::model::Activity), …): the one dispatch by kind of
/// record that the CLI and the desktop shell share. The organisation and the notice settings are
/// single records with their own calls; for them the `else` expression is evaluated.
///
/// ```
/// # use ropa_core::model::Entity;
/// # use ropa_core::store::Stored;
/// let table = ropa_core::with_record_type!(Entity::Tom, T => T::TABLE, else "none");
/// assert_eq!(table, "tom");
/// ```
#[macro_export]
macro_rules! with_record_type {
    ($entity:expr, $t:ident => $body:expr, else $other:expr) => {
        match $entity {
            $crate::model::Entity::Activity => {
                type $t = $crate::model::Activity;
                $body
            }
            $crate::model::Entity::Party => {
                type $t = $crate::model::Party;
                $body
            }
            $crate::model::Entity::Agreement => {
                type $t = $crate::model::Agreement;
                $body
            }
            $crate::model::Entity::JointArrangement => {
                type $t = $crate::model::JointArrangement;
                $body
            }
            $crate::model::Entity::Transfer => {
                type $t = $crate::model::Transfer;
                $body
            }
            $crate::model::Entity::ProcessorService => {
                type $t = $crate::model::ProcessorService;
                $body
            }
            $crate::model::Entity::DataCategory => {
                type $t = $crate::model::DataCategory;
                $body
            }
            $crate::model::Entity::SubjectCategory => {
                type $t = $crate::model::SubjectCategory;
                $body
            }
            $crate::model::Entity::Tom => {
                type $t = $crate::model::Tom;
                $body
            }
            $crate::model::Entity::Organisation | $crate::model::Entity::NoticeSettings => $other,
        }
    };
}
