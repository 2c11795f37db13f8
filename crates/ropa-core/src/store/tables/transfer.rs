use super::{Stored, by_text, children, links, require, rows, upsert_sql, users};
use crate::error::Result;
use crate::model::{Entity, ProcessorService, RecordMeta, Transfer};
use crate::store::rows::{Decoder, json, json_opt};
use rusqlite::Connection;

const TRANSFER_COLS: &[&str] = &[
    "id",
    "activity_id",
    "service_id",
    "party_id",
    "country",
    "international_organisation",
    "mechanism_type",
    "mechanism",
    "repetitive",
    "tia",
    "copy_available",
    "as_stated",
    "notes",
    "created_at",
    "updated_at",
    "revision",
];

impl Stored for Transfer {
    const TABLE: &'static str = "transfer";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let sql = format!(
            "SELECT {} FROM transfer WHERE ?1 IS NULL OR id = ?1 ORDER BY activity_id, service_id, country, id",
            TRANSFER_COLS.join(", ")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(Transfer {
                id: d.id.clone(),
                activity: d.get(1)?,
                service: d.get(2)?,
                party: d.get(3)?,
                country: d.get(4)?,
                international_organisation: d.get(5)?,
                mechanism: d.json_opt(7, "mechanism")?,
                repetitive: d.flag(8)?,
                tia: d.json_opt(9, "tia")?,
                copy_available: d.get(10)?,
                as_stated: d.get(11)?,
                notes: d.get(12)?,
                created_at: d.get(13)?,
                updated_at: d.get(14)?,
                revision: d.get(15)?,
            })
        })
    }

    fn check_refs(&self, tx: &Connection) -> Result<()> {
        let me = (Self::ENTITY, self.id.as_str());
        if let Some(a) = &self.activity {
            require(tx, me, "activity", Entity::Activity, "activity", a)?;
        }
        if let Some(s) = &self.service {
            require(
                tx,
                me,
                "service",
                Entity::ProcessorService,
                "processor_service",
                s,
            )?;
        }
        require(tx, me, "party", Entity::Party, "party", &self.party)
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, TRANSFER_COLS))?
            .execute(rusqlite::params![
                self.id,
                self.activity,
                self.service,
                self.party,
                self.country,
                self.international_organisation,
                self.mechanism.as_ref().map(|m| m.kind()),
                json_opt(&self.mechanism)?,
                self.repetitive,
                json_opt(&self.tia)?,
                self.copy_available,
                self.as_stated,
                self.notes,
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

const SERVICE_COLS: &[&str] = &[
    "id",
    "controller_id",
    "name",
    "processing_categories",
    "description",
    "controller_representative",
    "controller_dpo",
    "agreement",
    "notes",
    "created_at",
    "updated_at",
    "revision",
];

impl Stored for ProcessorService {
    const TABLE: &'static str = "processor_service";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let mut toms = children(
            conn,
            "SELECT service_id, tom_id FROM service_tom WHERE ?1 IS NULL OR service_id = ?1 ORDER BY service_id, position",
            id,
            |r| Ok(r.get::<_, String>(1)?),
        )?;
        let sql = format!(
            "SELECT {} FROM processor_service WHERE ?1 IS NULL OR id = ?1 ORDER BY {}, id",
            SERVICE_COLS.join(", "),
            by_text("name")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(ProcessorService {
                toms: toms.remove(&d.id).unwrap_or_default(),
                id: d.id.clone(),
                controller: d.get(1)?,
                name: d.get(2)?,
                processing_categories: d.json(3, "processing_categories")?,
                description: d.get(4)?,
                controller_representative: d.get(5)?,
                controller_dpo: d.get(6)?,
                agreement: d.get(7)?,
                notes: d.get(8)?,
                created_at: d.get(9)?,
                updated_at: d.get(10)?,
                revision: d.get(11)?,
            })
        })
    }

    fn check_refs(&self, tx: &Connection) -> Result<()> {
        let me = (Self::ENTITY, self.id.as_str());
        require(
            tx,
            me,
            "controller",
            Entity::Party,
            "party",
            &self.controller,
        )?;
        for (i, t) in self.toms.iter().enumerate() {
            require(tx, me, &format!("toms[{i}]"), Entity::Tom, "tom", t)?;
        }
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, SERVICE_COLS))?
            .execute(rusqlite::params![
                self.id,
                self.controller,
                self.name,
                json(&self.processing_categories)?,
                self.description,
                self.controller_representative,
                self.controller_dpo,
                self.agreement,
                self.notes,
                self.created_at,
                self.updated_at,
                self.revision,
            ])?;
        tx.execute("DELETE FROM service_tom WHERE service_id = ?1", [&self.id])?;
        links(
            tx,
            "INSERT INTO service_tom (service_id, tom_id, position) VALUES (?1, ?2, ?3)",
            &self.id,
            &self.toms,
        )
    }

    fn used_by(tx: &Connection, id: &str) -> Result<Vec<String>> {
        users(
            tx,
            "SELECT id FROM transfer WHERE service_id = ?1 ORDER BY id",
            id,
            "transfer",
        )
    }
}
