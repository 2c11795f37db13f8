//! Reading and writing records: every write validated, checked against the revision it was
//! based on, in one transaction.

use super::*;

impl Store {
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

pub(super) fn current_meta<T: Stored>(tx: &Connection, id: &str) -> Result<(String, i64)> {
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
