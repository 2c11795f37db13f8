use super::{Stored, by_text, rows, upsert_sql, users};
use crate::error::Result;
use crate::model::{DataCategory, RecordMeta, SubjectCategory, Tom};
use crate::store::rows::{Decoder, code};
use rusqlite::Connection;

const DATA_COLS: &[&str] = &[
    "id",
    "name",
    "description",
    "special",
    "criminal",
    "created_at",
    "updated_at",
    "revision",
];

impl Stored for DataCategory {
    const TABLE: &'static str = "data_category";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let sql = format!(
            "SELECT {} FROM data_category WHERE ?1 IS NULL OR id = ?1 ORDER BY {}, id",
            DATA_COLS.join(", "),
            by_text("name")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(DataCategory {
                id: d.id.clone(),
                name: d.get(1)?,
                description: d.get(2)?,
                special: d.code_opt(3, "special")?,
                criminal: d.flag(4)?,
                created_at: d.get(5)?,
                updated_at: d.get(6)?,
                revision: d.get(7)?,
            })
        })
    }

    fn check_refs(&self, _tx: &Connection) -> Result<()> {
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, DATA_COLS))?
            .execute(rusqlite::params![
                self.id,
                self.name,
                self.description,
                self.special.map(|s| code(&s)),
                self.criminal,
                self.created_at,
                self.updated_at,
                self.revision,
            ])?;
        Ok(())
    }

    fn used_by(tx: &Connection, id: &str) -> Result<Vec<String>> {
        users(
            tx,
            "SELECT a.reference FROM activity_data x JOIN activity a ON a.id = x.activity_id WHERE x.category_id = ?1 ORDER BY a.reference",
            id,
            "activity",
        )
    }
}

const SUBJECT_COLS: &[&str] = &[
    "id",
    "name",
    "description",
    "created_at",
    "updated_at",
    "revision",
];

impl Stored for SubjectCategory {
    const TABLE: &'static str = "subject_category";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let sql = format!(
            "SELECT {} FROM subject_category WHERE ?1 IS NULL OR id = ?1 ORDER BY {}, id",
            SUBJECT_COLS.join(", "),
            by_text("name")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(SubjectCategory {
                id: d.id.clone(),
                name: d.get(1)?,
                description: d.get(2)?,
                created_at: d.get(3)?,
                updated_at: d.get(4)?,
                revision: d.get(5)?,
            })
        })
    }

    fn check_refs(&self, _tx: &Connection) -> Result<()> {
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, SUBJECT_COLS))?
            .execute(rusqlite::params![
                self.id,
                self.name,
                self.description,
                self.created_at,
                self.updated_at,
                self.revision,
            ])?;
        Ok(())
    }

    fn used_by(tx: &Connection, id: &str) -> Result<Vec<String>> {
        users(
            tx,
            "SELECT a.reference FROM activity_subject x JOIN activity a ON a.id = x.activity_id WHERE x.subject_id = ?1 ORDER BY a.reference",
            id,
            "activity",
        )
    }
}

const TOM_COLS: &[&str] = &[
    "id",
    "name",
    "area",
    "description",
    "created_at",
    "updated_at",
    "revision",
];

impl Stored for Tom {
    const TABLE: &'static str = "tom";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let sql = format!(
            "SELECT {} FROM tom WHERE ?1 IS NULL OR id = ?1 ORDER BY {}, id",
            TOM_COLS.join(", "),
            by_text("name")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(Tom {
                id: d.id.clone(),
                name: d.get(1)?,
                area: d.get(2)?,
                description: d.get(3)?,
                created_at: d.get(4)?,
                updated_at: d.get(5)?,
                revision: d.get(6)?,
            })
        })
    }

    fn check_refs(&self, _tx: &Connection) -> Result<()> {
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, TOM_COLS))?
            .execute(rusqlite::params![
                self.id,
                self.name,
                self.area,
                self.description,
                self.created_at,
                self.updated_at,
                self.revision,
            ])?;
        Ok(())
    }

    fn used_by(tx: &Connection, id: &str) -> Result<Vec<String>> {
        let mut out = users(
            tx,
            "SELECT a.reference FROM activity_tom x JOIN activity a ON a.id = x.activity_id WHERE x.tom_id = ?1 ORDER BY a.reference",
            id,
            "activity",
        )?;
        out.extend(users(
            tx,
            "SELECT service_id FROM service_tom WHERE tom_id = ?1 ORDER BY service_id",
            id,
            "processor service",
        )?);
        Ok(out)
    }
}
