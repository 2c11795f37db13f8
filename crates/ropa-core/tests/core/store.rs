//! Store behaviour: every entity round-trips, conflicts and references give typed errors,
//! foreign files are refused.

use crate::{new_register, populated};
use ropa_core::model::*;
use ropa_core::{Error, Store};

#[test]
fn every_entity_round_trips_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = new_register(&dir);
    let act = populated(&mut store);
    let mut agreement = Agreement::new("dpa-mailer", "mailer");
    agreement.status = AgreementStatus::Signed;
    agreement.signed_on = Date::parse("2024-03-01");
    agreement.checklist = Art28Checklist::COMPLETE;
    agreement.activities = vec![act.id.clone()];
    agreement.subprocessors = Some(SubProcessorAuthorisation::General);
    let agreement = store.insert(agreement).unwrap();
    let mut joint = JointArrangement::new("jc", "Page insights", vec!["mailer".into()]);
    joint.activities = vec![act.id.clone()];
    joint.information_duty = Some(JointDuty::Us);
    joint.essence_url = Some("https://example.com/essence".into());
    let joint = store.insert(joint).unwrap();
    let mut client = Party::new("client", "Client AG");
    client.country = Some("CH".into());
    store.insert(client).unwrap();
    let mut service = ProcessorService::new("svc", "client", "Hosted helpdesk");
    service.processing_categories = vec!["hosting".into(), "support".into()];
    service.toms = vec!["tls".into()];
    let service = store.insert(service).unwrap();
    let mut t = Transfer::new("t1", &act.id, "mailer", "US");
    t.mechanism = Some(TransferMechanism::Dpf {
        participant: Some("Mailer Inc.".into()),
        checked_on: Date::parse("2026-10-01"),
    });
    t.tia = Some(TransferImpactAssessment {
        done: true,
        date: Date::parse("2026-09-01"),
        supplementary_measures: None,
    });
    let t = store.insert(t).unwrap();
    let mut t2 = Transfer::new("t2", &act.id, "mailer", "US");
    t2.activity = None;
    t2.service = Some("svc".into());
    t2.mechanism = Some(TransferMechanism::Scc {
        module: SccModule::ProcessorToProcessor,
        signed_on: None,
    });
    let t2 = store.insert(t2).unwrap();
    drop(store);

    let store = Store::open(&path).unwrap();
    assert_eq!(store.get::<Activity>("newsletter").unwrap(), act);
    assert_eq!(store.get::<Agreement>("dpa-mailer").unwrap(), agreement);
    assert_eq!(store.get::<JointArrangement>("jc").unwrap(), joint);
    assert_eq!(store.get::<ProcessorService>("svc").unwrap(), service);
    assert_eq!(store.get::<Transfer>("t1").unwrap(), t);
    assert_eq!(store.get::<Transfer>("t2").unwrap(), t2);
    assert_eq!(store.list::<DataCategory>().unwrap().len(), 2);
    assert_eq!(store.list::<Party>().unwrap().len(), 2);
    assert_eq!(store.find_activity("MKT-01").unwrap().id, "newsletter");
    assert_eq!(act.revision, 1);
    assert!(!act.created_at.is_empty());
    assert!(store.info().unwrap().revision >= 10);
}

#[test]
fn update_bumps_revision_and_stale_update_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = new_register(&dir);
    let act = populated(&mut store);
    let mut other = Store::open(&path).unwrap(); // a second window on the same file
    let mut mine = act.clone();
    mine.name = "Monthly newsletter".into();
    let saved = store.update(mine).unwrap();
    assert_eq!(saved.revision, 2);
    assert_eq!(saved.created_at, act.created_at);

    let mut theirs = other.get::<Activity>("newsletter").unwrap();
    assert_eq!(
        theirs.name, "Monthly newsletter",
        "the other connection sees the commit"
    );
    theirs.revision = 1; // edited from the copy read before the first save
    theirs.description = Some("overwrites?".into());
    let err = other.update(theirs).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Conflict {
                entity: Entity::Activity,
                expected: 1,
                actual: 2,
                ..
            }
        ),
        "{err}"
    );
    assert_eq!(
        store.get::<Activity>("newsletter").unwrap().description,
        None
    );
    let err = other.delete::<Activity>("newsletter", Some(1)).unwrap_err();
    assert_eq!(err.code(), "conflict");
    other.delete::<Activity>("newsletter", Some(2)).unwrap();
    assert!(matches!(
        store.get::<Activity>("newsletter"),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn organisation_updates_with_revision_check() {
    let dir = tempfile::tempdir().unwrap();
    let (_path, mut store) = new_register(&dir);
    let mut org = store.organisation().unwrap();
    org.dpo = Some(Dpo {
        kind: Some(DpoKind::External),
        name: Some("Dr. Jörg Weiß".into()),
        email: Some("dpo@example.de".into()),
        ..Dpo::default()
    });
    let saved = store.save_organisation(org.clone()).unwrap();
    assert_eq!(saved.revision, 2);
    assert_eq!(
        store.organisation().unwrap().dpo.unwrap().name.as_deref(),
        Some("Dr. Jörg Weiß")
    );
    assert!(matches!(
        store.save_organisation(org),
        Err(Error::Conflict { .. })
    ));
}

#[test]
fn references_are_checked_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let (_p, mut store) = new_register(&dir);
    populated(&mut store);
    let mut act = Activity::new("a2", "HR-01", "Payroll");
    act.data_categories.push(ActivityData::new("salary"));
    let err = store.insert(act).unwrap_err();
    match &err {
        Error::MissingReference {
            field,
            target,
            target_id,
            ..
        } => {
            assert_eq!(field, "data_categories[0].category");
            assert_eq!(*target, Entity::DataCategory);
            assert_eq!(target_id, "salary");
        }
        other => panic!("unexpected {other}"),
    }
    assert!(
        err.to_string()
            .contains("there is no data category `salary`"),
        "{err}"
    );
    assert!(
        store.find::<Activity>("a2").unwrap().is_none(),
        "nothing written"
    );

    let err = store
        .insert(Transfer::new("tx", "newsletter", "nobody", "US"))
        .unwrap_err();
    assert!(
        matches!(err, Error::MissingReference { ref field, .. } if field == "party"),
        "{err}"
    );
}

#[test]
fn removing_a_used_record_is_refused_with_its_users() {
    let dir = tempfile::tempdir().unwrap();
    let (_p, mut store) = new_register(&dir);
    populated(&mut store);
    let err = store.delete::<Party>("mailer", None).unwrap_err();
    assert!(matches!(err, Error::InUse { .. }), "{err}");
    assert!(err.to_string().contains("MKT-01"), "{err}");
    // Named as people know it, not by its id.
    let name = store
        .get::<Party>("mailer")
        .unwrap()
        .name
        .best(Language::En)
        .to_owned();
    assert!(err.to_string().contains(&format!("“{name}”")), "{err}");
    let err = store.delete::<DataCategory>("email", None).unwrap_err();
    assert!(err.to_string().contains("activity `MKT-01`"), "{err}");
    store.delete::<DataCategory>("health", None).unwrap();
    let err = store
        .delete::<Organisation>(ORGANISATION_ID, None)
        .unwrap_err();
    assert_eq!(err.code(), "in_use");
}

#[test]
fn sqlite_enforces_foreign_keys_as_a_backstop() {
    let dir = tempfile::tempdir().unwrap();
    let (_p, mut store) = new_register(&dir);
    populated(&mut store);
    let err = store
        .connection()
        .execute("INSERT INTO activity_recipient (activity_id, position, party_id, role) VALUES ('newsletter', 9, 'ghost', 'processor')", [])
        .unwrap_err();
    let err = Error::from(err);
    assert_eq!(err.code(), "database");
    assert!(err.to_string().contains("FOREIGN KEY"), "{err}");
}

#[test]
fn duplicates_and_invalid_fields_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (_p, mut store) = new_register(&dir);
    populated(&mut store);
    let err = store
        .insert(DataCategory::new("email", "again"))
        .unwrap_err();
    assert!(matches!(err, Error::Duplicate { field: "id", .. }), "{err}");
    let err = store
        .insert(Activity::new("x", "MKT-01", "Clash"))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Duplicate {
                field: "reference",
                ..
            }
        ),
        "{err}"
    );

    let mut p = Party::new("p", "Somewhere Ltd");
    p.country = Some("XX".into());
    let err = store.insert(p).unwrap_err();
    assert!(
        matches!(err, Error::UnknownCode { ref field, .. } if field == "country"),
        "{err}"
    );

    let mut t = Transfer::new("t", "newsletter", "mailer", "US");
    t.mechanism = Some(TransferMechanism::Adequacy {
        decision: "ADEQ_ATLANTIS".into(),
    });
    let err = store.insert(t).unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown adequacy decision code `ADEQ_ATLANTIS`"),
        "{err}"
    );

    let mut t = Transfer::new("t", "newsletter", "mailer", "FR");
    t.mechanism = None;
    let err = store.insert(t).unwrap_err();
    assert!(err.to_string().contains("EEA"), "{err}");

    let mut a = Activity::new("y", "X-1", "Cookies");
    let mut pur = Purpose::new("p", "Analytics", None);
    pur.national_law.push(NationalLawRef {
        code: "TDDDG_99".into(),
        as_stated: None,
    });
    a.purposes.push(pur);
    let err = store.insert(a).unwrap_err();
    assert!(
        matches!(err, Error::UnknownCode { ref field, .. } if field == "purposes[0].national_law[0].code"),
        "{err}"
    );

    let err = store
        .insert(Activity::new("bad id!", "X-2", "n"))
        .unwrap_err();
    assert!(
        matches!(err, Error::Invalid { ref field, .. } if field == "id"),
        "{err}"
    );
    let err = store.insert(Activity::new("", "X-3", " ")).unwrap_err();
    assert!(
        matches!(err, Error::Invalid { ref field, .. } if field == "name"),
        "{err}"
    );
}

#[test]
fn generated_ids_and_party_cycles() {
    let dir = tempfile::tempdir().unwrap();
    let (_p, mut store) = new_register(&dir);
    let a = store.insert(Party::new("", "Generated")).unwrap();
    assert_eq!(a.id.len(), 36);
    let mut b = Party::new("b", "Sub");
    b.parent = Some(a.id.clone());
    store.insert(b).unwrap();
    let mut a2 = store.get::<Party>(&a.id).unwrap();
    a2.parent = Some("b".into());
    let err = store.update(a2).unwrap_err();
    assert!(err.to_string().contains("cycle"), "{err}");
}

#[test]
fn refuses_foreign_and_newer_files() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "just some text, certainly not a database at all....................................................................").unwrap();
    assert_eq!(Store::open(&text).unwrap_err().code(), "not_a_register");

    let other = dir.path().join("other.sqlite");
    let c = rusqlite::Connection::open(&other).unwrap();
    c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(c);
    let err = Store::open(&other).unwrap_err();
    assert_eq!(err.code(), "not_a_register", "{err}");
    let c = rusqlite::Connection::open(&other).unwrap();
    assert_eq!(
        c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r
            .get::<_, i64>(0))
            .unwrap(),
        1,
        "foreign file untouched"
    );
    drop(c);

    let (path, store) = new_register(&dir);
    drop(store);
    let c = rusqlite::Connection::open(&path).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, Error::NewerSchema { found: 99, .. }), "{err}");

    assert_eq!(
        Store::create(&path, &Organisation::new("x"))
            .unwrap_err()
            .code(),
        "already_exists"
    );
    assert_eq!(
        Store::open(&dir.path().join("missing.ropa"))
            .unwrap_err()
            .code(),
        "io"
    );
}

#[test]
fn file_pragmas_are_set() {
    let dir = tempfile::tempdir().unwrap();
    let (_p, store) = new_register(&dir);
    let c = store.connection();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let app: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app, ropa_core::store::APPLICATION_ID);
    assert_eq!(
        store.info().unwrap().schema_version,
        ropa_core::store::SCHEMA_VERSION
    );
}

#[test]
fn a_failed_write_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_p, mut store) = new_register(&dir);
    let act = populated(&mut store);
    let before = store.info().unwrap().revision;
    let mut bad = act.clone();
    bad.name = "Renamed".into();
    bad.toms.push("missing-tom".into());
    assert!(store.update(bad).is_err());
    let now = store.get::<Activity>("newsletter").unwrap();
    assert_eq!(now, act, "row and children unchanged");
    assert_eq!(store.info().unwrap().revision, before);
}

#[test]
fn duplicate_is_a_valid_register_with_the_same_content() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut store) = new_register(&dir);
    let act = populated(&mut store);
    let copy = dir.path().join("copy.ropa");
    store.duplicate_to(&copy).unwrap();
    // The original stays usable and a later change does not reach the copy.
    let mut changed = act.clone();
    changed.name = "Changed after the copy".into();
    store.update(changed).unwrap();

    let dup = Store::open(&copy).unwrap();
    assert_eq!(dup.get::<Activity>("newsletter").unwrap(), act);
    assert_eq!(dup.organisation().unwrap().legal_name, "Beispiel GmbH");
    assert_eq!(
        dup.info().unwrap().revision + 1,
        store.info().unwrap().revision
    );
    let ok: String = dup
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // No temporary file is left next to it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn duplicate_refuses_to_overwrite_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = new_register(&dir);
    let existing = dir.path().join("existing.ropa");
    std::fs::write(&existing, b"keep me").unwrap();
    let err = store.duplicate_to(&existing).unwrap_err();
    assert!(matches!(err, Error::AlreadyExists(_)), "{err}");
    assert_eq!(std::fs::read(&existing).unwrap(), b"keep me");
}

#[test]
fn duplicate_into_a_missing_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let (_, store) = new_register(&dir);
    let err = store
        .duplicate_to(&dir.path().join("no-such-dir/copy.ropa"))
        .unwrap_err();
    assert!(!matches!(err, Error::AlreadyExists(_)), "{err}");
}

#[test]
fn revision_counters_stop_at_their_limit_instead_of_wrapping() {
    use ropa_core::store::MAX_REVISION;
    let dir = tempfile::tempdir().unwrap();
    let (_, mut store) = new_register(&dir);
    let act = populated(&mut store);
    store
        .connection()
        .execute(
            "UPDATE activity SET revision = ?1 WHERE id = ?2",
            (MAX_REVISION, &act.id),
        )
        .unwrap();
    let at_limit = store.get::<Activity>(&act.id).unwrap();
    let err = store.update(at_limit.clone()).unwrap_err();
    assert!(
        matches!(&err, Error::RevisionLimit { entity: Some((Entity::Activity, id)) } if *id == act.id),
        "{err}"
    );
    assert_eq!(
        store.get::<Activity>(&act.id).unwrap().revision,
        MAX_REVISION
    );

    let revision = store.info().unwrap().revision;
    store
        .connection()
        .execute("UPDATE register_info SET revision = ?1", [MAX_REVISION])
        .unwrap();
    let err = store
        .insert(DataCategory::new("phone", "Phone number"))
        .unwrap_err();
    assert!(
        matches!(err, Error::RevisionLimit { entity: None }),
        "{err}"
    );
    assert!(
        store.find::<DataCategory>("phone").unwrap().is_none(),
        "rolled back"
    );
    assert!(revision < MAX_REVISION);
    assert_eq!(store.info().unwrap().revision, MAX_REVISION);
}

#[test]
fn a_new_register_appears_complete_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.ropa");
    let err = Store::create_with(&path, &Organisation::new("Beispiel GmbH"), |store| {
        store.insert(DataCategory::new("email", "E-mail"))?;
        assert!(
            !path.exists(),
            "nothing at the path while the register is built"
        );
        Err(Error::NoOrganisation)
    })
    .unwrap_err();
    assert!(matches!(err, Error::NoOrganisation));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no file left"
    );

    let store = Store::create_with(&path, &Organisation::new("Beispiel GmbH"), |store| {
        store.insert(DataCategory::new("email", "E-mail"))?;
        Ok(())
    })
    .unwrap();
    assert_eq!(store.list::<DataCategory>().unwrap().len(), 1);
    let again = Store::create(&path, &Organisation::new("Other"));
    assert!(matches!(again, Err(Error::AlreadyExists(_))));
    assert_eq!(store.organisation().unwrap().legal_name, "Beispiel GmbH");
}

/// The facts of a register document, without what the store sets (timestamps, revisions, the
/// export's own date): what must survive a migration.
fn facts(reg: &ropa_core::interchange::Register) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for key in [
                    "created_at",
                    "updated_at",
                    "revision",
                    "exported_at",
                    "register_revision",
                ] {
                    map.remove(key);
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(list) => list.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(reg).unwrap();
    strip(&mut v);
    v
}

/// A register file written by an earlier schema opens with today's code, migrated, and holds
/// every fact it held: the NT-ware register as schema version 3 wrote it (kept as an SQL dump,
/// tests/fixtures/schema/v3-ntware.sql) reads as that day's NT-ware document.
#[test]
fn a_register_of_schema_3_is_migrated_with_every_fact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.ropa");
    let schema = crate::fixture_path("schema");
    let sql = std::fs::read_to_string(schema.join("v3-ntware.sql")).unwrap();
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(&sql).unwrap();
        let version: i64 = c
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, 3);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.info().unwrap().schema_version,
        ropa_core::store::SCHEMA_VERSION
    );
    let migrated = ropa_core::interchange::export(&store).unwrap();
    let text = std::fs::read_to_string(schema.join("v3-ntware.json")).unwrap();
    let expected = ropa_core::interchange::Register::from_json_str(&text).unwrap();
    let expected =
        ropa_core::interchange::export(&crate::export_support::store_of(&expected)).unwrap();
    assert_eq!(facts(&migrated), facts(&expected));
}
