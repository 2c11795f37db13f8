use super::{Stored, children, links, require, rows, upsert_sql};
use crate::error::{Error, Result};
use crate::model::{Activity, ActivityData, Entity, Purpose, Recipient, RecordMeta};
use crate::store::rows::{Decoder, code, date, json, json_list, json_opt};
use rusqlite::{Connection, OptionalExtension};

const COLS: &[&str] = &[
    "id",
    "reference",
    "name",
    "description",
    "department",
    "contact",
    "status",
    "role",
    "retention",
    "collection",
    "source",
    "provision",
    "dpia",
    "automated_decision",
    "no_recipients",
    "rights_info",
    "in_notice",
    "last_reviewed",
    "next_review",
    "notes",
    "created_at",
    "updated_at",
    "revision",
    "notes_in_record",
];

impl Stored for Activity {
    const TABLE: &'static str = "activity";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let mut purposes = children(
            conn,
            "SELECT activity_id, id, description, legal_basis, legitimate_interest, legal_provision,
                    art9_condition, art10_authorisation, national_law, consent, basis_as_stated,
                    retention
             FROM purpose WHERE ?1 IS NULL OR activity_id = ?1 ORDER BY activity_id, position",
            id,
            |row| {
                let d = Decoder::new(row, Entity::Activity, 0)?;
                Ok(Purpose {
                    id: d.get(1)?,
                    description: d.get(2)?,
                    legal_basis: d.code_opt(3, "purposes.legal_basis")?,
                    legitimate_interest: d.get(4)?,
                    legal_provision: d.get(5)?,
                    art9_condition: d.code_opt(6, "purposes.art9_condition")?,
                    art10_authorisation: d.get(7)?,
                    national_law: d.json_list(8, "purposes.national_law")?,
                    consent: d.json_opt(9, "purposes.consent")?,
                    basis_as_stated: d.get(10)?,
                    retention: d.json_opt(11, "purposes.retention")?,
                })
            },
        )?;
        let mut subjects = children(
            conn,
            "SELECT activity_id, subject_id FROM activity_subject WHERE ?1 IS NULL OR activity_id = ?1 ORDER BY activity_id, position",
            id,
            |r| Ok(r.get::<_, String>(1)?),
        )?;
        let mut data = children(
            conn,
            "SELECT activity_id, category_id, retention, optional, note FROM activity_data
             WHERE ?1 IS NULL OR activity_id = ?1 ORDER BY activity_id, position",
            id,
            |row| {
                let d = Decoder::new(row, Entity::Activity, 0)?;
                Ok(ActivityData {
                    category: d.get(1)?,
                    retention: d.json_opt(2, "data_categories.retention")?,
                    optional: d.flag(3)?,
                    note: d.get(4)?,
                })
            },
        )?;
        let mut recipients = children(
            conn,
            "SELECT activity_id, party_id, role, service, location, note, retention, privacy_url FROM activity_recipient
             WHERE ?1 IS NULL OR activity_id = ?1 ORDER BY activity_id, position",
            id,
            |row| {
                let d = Decoder::new(row, Entity::Activity, 0)?;
                Ok(Recipient {
                    party: d.get(1)?,
                    role: d.code(2, "recipients.role")?,
                    service: d.get(3)?,
                    location: d.get(4)?,
                    note: d.get(5)?,
                    retention: d.json_opt(6, "recipients.retention")?,
                    privacy_url: d.get(7)?,
                })
            },
        )?;
        let mut toms = children(
            conn,
            "SELECT activity_id, tom_id FROM activity_tom WHERE ?1 IS NULL OR activity_id = ?1 ORDER BY activity_id, position",
            id,
            |r| Ok(r.get::<_, String>(1)?),
        )?;
        let sql = format!(
            "SELECT {} FROM activity WHERE ?1 IS NULL OR id = ?1 ORDER BY reference COLLATE NOCASE, id",
            COLS.join(", ")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            let key = d.id.clone();
            Ok(Activity {
                id: d.id.clone(),
                reference: d.get(1)?,
                name: d.get(2)?,
                description: d.get(3)?,
                department: d.get(4)?,
                contact: d.get(5)?,
                status: d.code(6, "status")?,
                role: d.code(7, "role")?,
                purposes: purposes.remove(&key).unwrap_or_default(),
                data_subjects: subjects.remove(&key).unwrap_or_default(),
                data_categories: data.remove(&key).unwrap_or_default(),
                retention: d.json_opt(8, "retention")?,
                collection: d.get(9)?,
                source: d.json_opt(10, "source")?,
                provision: d.json_opt(11, "provision")?,
                recipients: recipients.remove(&key).unwrap_or_default(),
                toms: toms.remove(&key).unwrap_or_default(),
                dpia: d.json(12, "dpia")?,
                automated_decision: d.json_opt(13, "automated_decision")?,
                no_recipients: d.flag(14)?,
                rights_info: d.get(15)?,
                in_notice: d.flag(16)?,
                last_reviewed: d.date(17, "last_reviewed")?,
                next_review: d.date(18, "next_review")?,
                notes: d.get(19)?,
                created_at: d.get(20)?,
                updated_at: d.get(21)?,
                revision: d.get(22)?,
                notes_in_record: d.flag(23)?,
            })
        })
    }

    fn check_refs(&self, tx: &Connection) -> Result<()> {
        let me = (Self::ENTITY, self.id.as_str());
        let clash: Option<String> = tx
            .prepare_cached("SELECT id FROM activity WHERE reference = ?1 AND id <> ?2")?
            .query_row([&self.reference, &self.id], |r| r.get(0))
            .optional()?;
        if clash.is_some() {
            return Err(Error::Duplicate {
                entity: Self::ENTITY,
                id: self.id.clone(),
                field: "reference",
                value: self.reference.clone(),
            });
        }
        for (i, s) in self.data_subjects.iter().enumerate() {
            require(
                tx,
                me,
                &format!("data_subjects[{i}]"),
                Entity::SubjectCategory,
                "subject_category",
                s,
            )?;
        }
        for (i, c) in self.data_categories.iter().enumerate() {
            require(
                tx,
                me,
                &format!("data_categories[{i}].category"),
                Entity::DataCategory,
                "data_category",
                &c.category,
            )?;
        }
        for (i, r) in self.recipients.iter().enumerate() {
            require(
                tx,
                me,
                &format!("recipients[{i}].party"),
                Entity::Party,
                "party",
                &r.party,
            )?;
        }
        for (i, t) in self.toms.iter().enumerate() {
            require(tx, me, &format!("toms[{i}]"), Entity::Tom, "tom", t)?;
        }
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, COLS))?
            .execute(rusqlite::params![
                self.id,
                self.reference,
                self.name,
                self.description,
                self.department,
                self.contact,
                code(&self.status),
                code(&self.role),
                json_opt(&self.retention)?,
                self.collection,
                json_opt(&self.source)?,
                json_opt(&self.provision)?,
                json(&self.dpia)?,
                json_opt(&self.automated_decision)?,
                self.no_recipients,
                self.rights_info,
                self.in_notice,
                date(&self.last_reviewed),
                date(&self.next_review),
                self.notes,
                self.created_at,
                self.updated_at,
                self.revision,
                self.notes_in_record,
            ])?;
        for table in [
            "purpose",
            "activity_subject",
            "activity_data",
            "activity_recipient",
            "activity_tom",
        ] {
            tx.prepare_cached(&format!("DELETE FROM {table} WHERE activity_id = ?1"))?
                .execute([&self.id])?;
        }
        let mut stmt = tx.prepare_cached(
            "INSERT INTO purpose (activity_id, id, position, description, legal_basis,
                legitimate_interest, legal_provision, art9_condition, art10_authorisation,
                national_law, consent, basis_as_stated, retention)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for (pos, p) in self.purposes.iter().enumerate() {
            stmt.execute(rusqlite::params![
                self.id,
                p.id,
                pos as i64,
                p.description,
                p.legal_basis.map(|b| b.code()),
                p.legitimate_interest,
                p.legal_provision,
                p.art9_condition.map(|c| c.code()),
                p.art10_authorisation,
                json_list(&p.national_law)?,
                json_opt(&p.consent)?,
                p.basis_as_stated,
                json_opt(&p.retention)?,
            ])?;
        }
        links(
            tx,
            "INSERT INTO activity_subject (activity_id, subject_id, position) VALUES (?1, ?2, ?3)",
            &self.id,
            &self.data_subjects,
        )?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO activity_data (activity_id, category_id, position, retention, optional, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (pos, c) in self.data_categories.iter().enumerate() {
            stmt.execute(rusqlite::params![
                self.id,
                c.category,
                pos as i64,
                json_opt(&c.retention)?,
                c.optional,
                c.note
            ])?;
        }
        let mut stmt = tx.prepare_cached(
            "INSERT INTO activity_recipient (activity_id, position, party_id, role, service, location, note, retention, privacy_url)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (pos, r) in self.recipients.iter().enumerate() {
            stmt.execute(rusqlite::params![
                self.id,
                pos as i64,
                r.party,
                code(&r.role),
                r.service,
                r.location,
                r.note,
                json_opt(&r.retention)?,
                r.privacy_url
            ])?;
        }
        links(
            tx,
            "INSERT INTO activity_tom (activity_id, tom_id, position) VALUES (?1, ?2, ?3)",
            &self.id,
            &self.toms,
        )
    }

    fn used_by(_tx: &Connection, _id: &str) -> Result<Vec<String>> {
        // An activity's transfers and its links from agreements and joint arrangements belong
        // to it and are removed with it (ON DELETE CASCADE); the agreements and arrangements
        // themselves stay, as contracts in their own right.
        Ok(Vec::new())
    }
}
