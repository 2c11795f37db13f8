use super::{Stored, by_text, children, links, require, rows, upsert_sql, users};
use crate::error::Result;
use crate::model::{Agreement, Entity, JointArrangement, Party, RecordMeta};
use crate::store::rows::{Decoder, code, date, json, json_list};
use rusqlite::Connection;

const PARTY_COLS: &[&str] = &[
    "id",
    "kind",
    "name",
    "address",
    "country",
    "email",
    "phone",
    "website",
    "privacy_policy_url",
    "group_company",
    "parent_id",
    "notes",
    "created_at",
    "updated_at",
    "revision",
    "aliases",
    "entity_not_named",
];

impl Stored for Party {
    const TABLE: &'static str = "party";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let sql = format!(
            "SELECT {} FROM party WHERE ?1 IS NULL OR id = ?1 ORDER BY {}, id",
            PARTY_COLS.join(", "),
            by_text("name")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(Party {
                id: d.id.clone(),
                kind: d.code(1, "kind")?,
                name: d.get(2)?,
                address: d.get(3)?,
                country: d.get(4)?,
                email: d.get(5)?,
                phone: d.get(6)?,
                website: d.get(7)?,
                privacy_policy_url: d.get(8)?,
                group_company: d.flag(9)?,
                parent: d.get(10)?,
                notes: d.get(11)?,
                created_at: d.get(12)?,
                updated_at: d.get(13)?,
                revision: d.get(14)?,
                aliases: d.json_list(15, "aliases")?,
                entity_not_named: d.flag(16)?,
            })
        })
    }

    fn check_refs(&self, tx: &Connection) -> Result<()> {
        if let Some(parent) = &self.parent {
            require(
                tx,
                (Self::ENTITY, &self.id),
                "parent",
                Entity::Party,
                "party",
                parent,
            )?;
            // Refuse cycles: walking up from the parent must never reach this party.
            let mut seen = vec![self.id.clone()];
            let mut next = Some(parent.clone());
            while let Some(p) = next {
                if seen.contains(&p) {
                    return Err(crate::error::Error::invalid(
                        Self::ENTITY,
                        &self.id,
                        "parent",
                        format!(
                            "`{parent}` is already below this party: parents cannot form a cycle"
                        ),
                        format!(
                            "`{parent}` steht schon unter diesem Beteiligten: Zuordnungen dürfen keinen Kreis bilden"
                        ),
                    ));
                }
                seen.push(p.clone());
                next = tx
                    .prepare_cached("SELECT parent_id FROM party WHERE id = ?1")?
                    .query_row([&p], |r| r.get(0))?;
            }
        }
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, PARTY_COLS))?
            .execute(rusqlite::params![
                self.id,
                code(&self.kind),
                self.name,
                self.address,
                self.country,
                self.email,
                self.phone,
                self.website,
                self.privacy_policy_url,
                self.group_company,
                self.parent,
                self.notes,
                self.created_at,
                self.updated_at,
                self.revision,
                json_list(&self.aliases)?,
                self.entity_not_named,
            ])?;
        Ok(())
    }

    fn used_by(tx: &Connection, id: &str) -> Result<Vec<String>> {
        let mut out = users(
            tx,
            "SELECT DISTINCT a.reference FROM activity_recipient x JOIN activity a ON a.id = x.activity_id WHERE x.party_id = ?1 ORDER BY a.reference",
            id,
            "the recipients of activity",
        )?;
        out.extend(users(
            tx,
            "SELECT id FROM transfer WHERE party_id = ?1 ORDER BY id",
            id,
            "transfer",
        )?);
        out.extend(users(
            tx,
            "SELECT id FROM agreement WHERE party_id = ?1 ORDER BY id",
            id,
            "agreement",
        )?);
        out.extend(users(
            tx,
            "SELECT arrangement_id FROM joint_party WHERE party_id = ?1 ORDER BY arrangement_id",
            id,
            "joint-controller arrangement",
        )?);
        out.extend(users(
            tx,
            "SELECT id FROM processor_service WHERE controller_id = ?1 ORDER BY id",
            id,
            "processor service",
        )?);
        out.extend(users(
            tx,
            "SELECT id FROM party WHERE parent_id = ?1 ORDER BY id",
            id,
            "sub-party",
        )?);
        Ok(out)
    }
}

const AGREEMENT_COLS: &[&str] = &[
    "id",
    "party_id",
    "status",
    "signed_on",
    "document",
    "review_on",
    "expires_on",
    "subject_matter",
    "checklist",
    "subprocessors",
    "notes",
    "created_at",
    "updated_at",
    "revision",
    "asserted_only",
];

impl Stored for Agreement {
    const TABLE: &'static str = "agreement";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let mut acts = children(
            conn,
            "SELECT agreement_id, activity_id FROM agreement_activity WHERE ?1 IS NULL OR agreement_id = ?1 ORDER BY agreement_id, position",
            id,
            |r| Ok(r.get::<_, String>(1)?),
        )?;
        let sql = format!(
            "SELECT {} FROM agreement WHERE ?1 IS NULL OR id = ?1 ORDER BY party_id, id",
            AGREEMENT_COLS.join(", ")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(Agreement {
                activities: acts.remove(&d.id).unwrap_or_default(),
                id: d.id.clone(),
                party: d.get(1)?,
                status: d.code(2, "status")?,
                signed_on: d.date(3, "signed_on")?,
                document: d.get(4)?,
                review_on: d.date(5, "review_on")?,
                expires_on: d.date(6, "expires_on")?,
                subject_matter: d.get(7)?,
                checklist: d.json(8, "checklist")?,
                subprocessors: d.code_opt(9, "subprocessors")?,
                notes: d.get(10)?,
                created_at: d.get(11)?,
                updated_at: d.get(12)?,
                revision: d.get(13)?,
                asserted_only: d.flag(14)?,
            })
        })
    }

    fn check_refs(&self, tx: &Connection) -> Result<()> {
        let me = (Self::ENTITY, self.id.as_str());
        require(tx, me, "party", Entity::Party, "party", &self.party)?;
        for (i, a) in self.activities.iter().enumerate() {
            require(
                tx,
                me,
                &format!("activities[{i}]"),
                Entity::Activity,
                "activity",
                a,
            )?;
        }
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, AGREEMENT_COLS))?
            .execute(rusqlite::params![
                self.id,
                self.party,
                code(&self.status),
                date(&self.signed_on),
                self.document,
                date(&self.review_on),
                date(&self.expires_on),
                self.subject_matter,
                json(&self.checklist)?,
                self.subprocessors.map(|s| code(&s)),
                self.notes,
                self.created_at,
                self.updated_at,
                self.revision,
                self.asserted_only,
            ])?;
        tx.execute(
            "DELETE FROM agreement_activity WHERE agreement_id = ?1",
            [&self.id],
        )?;
        links(
            tx,
            "INSERT INTO agreement_activity (agreement_id, activity_id, position) VALUES (?1, ?2, ?3)",
            &self.id,
            &self.activities,
        )
    }

    fn used_by(_tx: &Connection, _id: &str) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
}

const JOINT_COLS: &[&str] = &[
    "id",
    "title",
    "scope",
    "information_duty",
    "requests_handled_by",
    "responsibilities",
    "contact_point",
    "essence_url",
    "essence_text",
    "signed_on",
    "notes",
    "created_at",
    "updated_at",
    "revision",
];

impl Stored for JointArrangement {
    const TABLE: &'static str = "joint_arrangement";

    fn query(conn: &Connection, id: Option<&str>) -> Result<Vec<Self>> {
        let mut parties = children(
            conn,
            "SELECT arrangement_id, party_id FROM joint_party WHERE ?1 IS NULL OR arrangement_id = ?1 ORDER BY arrangement_id, position",
            id,
            |r| Ok(r.get::<_, String>(1)?),
        )?;
        let mut acts = children(
            conn,
            "SELECT arrangement_id, activity_id FROM joint_activity WHERE ?1 IS NULL OR arrangement_id = ?1 ORDER BY arrangement_id, position",
            id,
            |r| Ok(r.get::<_, String>(1)?),
        )?;
        let sql = format!(
            "SELECT {} FROM joint_arrangement WHERE ?1 IS NULL OR id = ?1 ORDER BY {}, id",
            JOINT_COLS.join(", "),
            by_text("title")
        );
        rows(conn, &sql, id, |row| {
            let d = Decoder::new(row, Self::ENTITY, 0)?;
            Ok(JointArrangement {
                parties: parties.remove(&d.id).unwrap_or_default(),
                activities: acts.remove(&d.id).unwrap_or_default(),
                id: d.id.clone(),
                title: d.get(1)?,
                scope: d.get(2)?,
                information_duty: d.code_opt(3, "information_duty")?,
                requests_handled_by: d.code_opt(4, "requests_handled_by")?,
                responsibilities: d.get(5)?,
                contact_point: d.get(6)?,
                essence_url: d.get(7)?,
                essence_text: d.get(8)?,
                signed_on: d.date(9, "signed_on")?,
                notes: d.get(10)?,
                created_at: d.get(11)?,
                updated_at: d.get(12)?,
                revision: d.get(13)?,
            })
        })
    }

    fn check_refs(&self, tx: &Connection) -> Result<()> {
        let me = (Self::ENTITY, self.id.as_str());
        for (i, p) in self.parties.iter().enumerate() {
            require(tx, me, &format!("parties[{i}]"), Entity::Party, "party", p)?;
        }
        for (i, a) in self.activities.iter().enumerate() {
            require(
                tx,
                me,
                &format!("activities[{i}]"),
                Entity::Activity,
                "activity",
                a,
            )?;
        }
        Ok(())
    }

    fn save(&self, tx: &Connection) -> Result<()> {
        tx.prepare_cached(&upsert_sql(Self::TABLE, JOINT_COLS))?
            .execute(rusqlite::params![
                self.id,
                self.title,
                self.scope,
                self.information_duty.map(|d| code(&d)),
                self.requests_handled_by.map(|d| code(&d)),
                self.responsibilities,
                self.contact_point,
                self.essence_url,
                self.essence_text,
                date(&self.signed_on),
                self.notes,
                self.created_at,
                self.updated_at,
                self.revision,
            ])?;
        tx.execute(
            "DELETE FROM joint_party WHERE arrangement_id = ?1",
            [&self.id],
        )?;
        links(
            tx,
            "INSERT INTO joint_party (arrangement_id, party_id, position) VALUES (?1, ?2, ?3)",
            &self.id,
            &self.parties,
        )?;
        tx.execute(
            "DELETE FROM joint_activity WHERE arrangement_id = ?1",
            [&self.id],
        )?;
        links(
            tx,
            "INSERT INTO joint_activity (arrangement_id, activity_id, position) VALUES (?1, ?2, ?3)",
            &self.id,
            &self.activities,
        )
    }

    fn used_by(_tx: &Connection, _id: &str) -> Result<Vec<String>> {
        Ok(Vec::new())
    }
}
