use super::{Stored, rows, upsert_sql};
use crate::error::Result;
use crate::model::{NoticeSettings, RecordMeta};
use crate::store::rows::{Decoder, date, json_list, json_opt};
use rusqlite::Connection;

const COLS: &[&str] = &[
    "id",
    "version",
    "version_date",
    "section_order",
    "rights_contact",
    "overrides",
    "created_at",
    "updated_at",
    "revision",
];

impl Stored for NoticeSettings {
    const TABLE: &'static str = "notice_settings";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let sql = format!(
            "SELECT {} FROM notice_settings WHERE ?1 IS NULL OR id = ?1",
            COLS.join(", ")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(NoticeSettings {
                id: d.id.clone(),
                version: d.get(1)?,
                version_date: d.date(2, "version_date")?,
                section_order: d.json_list(3, "section_order")?,
                rights_contact: d.json_opt(4, "rights_contact")?,
                overrides: d.json_list(5, "overrides")?,
                created_at: d.get(6)?,
                updated_at: d.get(7)?,
                revision: d.get(8)?,
            })
        })
    }

    fn check_refs(&self, _tx: &Connection) -> Result<()> {
        // Section ids are checked when the notice is built (see the notice module's docs).
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, COLS))?
            .execute(rusqlite::params![
                self.id,
                self.version,
                date(&self.version_date),
                json_list(&self.section_order)?,
                json_opt(&self.rights_contact)?,
                json_list(&self.overrides)?,
                self.created_at,
                self.updated_at,
                self.revision,
            ])?;
        Ok(())
    }

    fn used_by(_tx: &Connection, _id: &str) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
}
