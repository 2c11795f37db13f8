use super::{Stored, rows, upsert_sql};
use crate::error::Result;
use crate::model::{Organisation, RecordMeta};
use crate::store::rows::{Decoder, code, json_list, json_opt};
use rusqlite::Connection;

const COLS: &[&str] = &[
    "id",
    "legal_name",
    "street",
    "postcode",
    "city",
    "country",
    "email",
    "phone",
    "website",
    "management",
    "representative",
    "dpo",
    "supervisory_authority",
    "is_controller",
    "is_processor",
    "language",
    "employees",
    "notes",
    "languages",
    "created_at",
    "updated_at",
    "revision",
    "source",
    "dpo_designated",
];

impl Stored for Organisation {
    const TABLE: &'static str = "organisation";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let sql = format!(
            "SELECT {} FROM organisation WHERE ?1 IS NULL OR id = ?1",
            COLS.join(", ")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(Organisation {
                id: d.id.clone(),
                legal_name: d.get(1)?,
                street: d.get(2)?,
                postcode: d.get(3)?,
                city: d.get(4)?,
                country: d.get(5)?,
                email: d.get(6)?,
                phone: d.get(7)?,
                website: d.get(8)?,
                management: d.get(9)?,
                representative: d.json_opt(10, "representative")?,
                dpo: d.json_opt(11, "dpo")?,
                supervisory_authority: d.json_opt(12, "supervisory_authority")?,
                is_controller: d.flag(13)?,
                is_processor: d.flag(14)?,
                language: d.code(15, "language")?,
                employees: d.get(16)?,
                notes: d.get(17)?,
                languages: d.json_list(18, "languages")?,
                created_at: d.get(19)?,
                updated_at: d.get(20)?,
                revision: d.get(21)?,
                source: d.json_opt(22, "source")?,
                dpo_designated: d.get(23)?,
            })
        })
    }

    fn check_refs(&self, _tx: &Connection) -> Result<()> {
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, COLS))?
            .execute(rusqlite::params![
                self.id,
                self.legal_name,
                self.street,
                self.postcode,
                self.city,
                self.country,
                self.email,
                self.phone,
                self.website,
                self.management,
                json_opt(&self.representative)?,
                json_opt(&self.dpo)?,
                json_opt(&self.supervisory_authority)?,
                self.is_controller,
                self.is_processor,
                code(&self.language),
                self.employees,
                self.notes,
                json_list(&self.languages)?,
                self.created_at,
                self.updated_at,
                self.revision,
                json_opt(&self.source)?,
                self.dpo_designated,
            ])?;
        Ok(())
    }

    fn used_by(_tx: &Connection, _id: &str) -> Result<Vec<String>> {
        Ok(vec![
            "the register itself (the organisation record cannot be removed)".to_owned(),
        ])
    }
}
