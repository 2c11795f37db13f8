//! The interchange format: fixtures import, export and re-import to an identical register;
//! bad documents name the path and change nothing.

use crate::{fixture, fixture_path, new_register, populated};
use ropa_core::Store;
use ropa_core::interchange::{self, Register};
use ropa_core::model::*;

/// Compares two registers record by record, field by field, so that a failure names the record.
fn assert_same(a: &Register, b: &Register) {
    assert_eq!(a.organisation, b.organisation, "organisation");
    macro_rules! same {
        ($field:ident) => {
            assert_eq!(
                a.$field.len(),
                b.$field.len(),
                concat!("number of ", stringify!($field))
            );
            for (x, y) in a.$field.iter().zip(&b.$field) {
                assert_eq!(x, y, concat!(stringify!($field), " `{}` differs"), x.id);
            }
        };
    }
    same!(data_categories);
    same!(subject_categories);
    same!(toms);
    same!(parties);
    same!(agreements);
    same!(joint_arrangements);
    same!(activities);
    same!(transfers);
    same!(processor_services);
}

fn round_trip(name: &str) {
    let doc = fixture(name);
    let dir = tempfile::tempdir().unwrap();
    let mut first = interchange::create_from(&dir.path().join("a.ropa"), &doc).unwrap();
    let exported = interchange::export(&first).unwrap();
    // Replacing a register's content with its own export changes nothing.
    interchange::import(&mut first, &exported).unwrap();
    assert_same(&exported, &interchange::export(&first).unwrap());

    // Everything in the fixture is in the register (ids, content; the store added metadata).
    assert_eq!(exported.activities.len(), doc.activities.len());
    for (orig, stored) in doc
        .activities
        .iter()
        .zip(sorted(&exported.activities, &doc.activities))
    {
        let mut stored = stored.clone();
        stored.set_meta(String::new(), String::new(), 0);
        assert_eq!(orig, &stored, "activity `{}` changed on import", orig.id);
    }
    assert_eq!(exported.parties.len(), doc.parties.len());
    assert_eq!(exported.transfers.len(), doc.transfers.len());

    // Export → JSON → re-import into a new file → export: identical, field by field.
    let text = exported.to_json_pretty().unwrap();
    let reparsed = Register::from_json_str(&text).unwrap();
    let second = interchange::create_from(&dir.path().join("b.ropa"), &reparsed).unwrap();
    let again = interchange::export(&second).unwrap();
    assert_same(&exported, &again);
    assert_eq!(
        exported
            .to_json_pretty()
            .unwrap()
            .lines()
            .skip(3)
            .collect::<Vec<_>>()
            .len(),
        text.lines().skip(3).count()
    );
}

fn sorted<'a>(stored: &'a [Activity], order: &[Activity]) -> Vec<&'a Activity> {
    order
        .iter()
        .map(|o| stored.iter().find(|s| s.id == o.id).expect("imported"))
        .collect()
}

#[test]
fn ntware_fixture_round_trips() {
    round_trip("ntware.json");
}

#[test]
fn otrs_fixture_round_trips() {
    if !fixture_path("otrs.json").exists() {
        panic!("tests/fixtures/otrs.json is missing");
    }
    round_trip("otrs.json");
}

#[test]
fn bad_documents_name_the_path_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_p, mut store) = new_register(&dir);
    populated(&mut store);
    let before = interchange::export(&store).unwrap();

    let good = before.to_json_pretty().unwrap();
    // A typo in a field name deep inside an activity.
    let typo = good.replacen("\"legal_basis\"", "\"legal_bassis\"", 1);
    let err = Register::from_json_str(&typo).unwrap_err();
    assert!(
        err.to_string().contains("activities[0].purposes[0]"),
        "{err}"
    );
    assert!(err.to_string().contains("legal_bassis"), "{err}");
    // An unknown legal basis code.
    let code = good.replacen("ART6_1_A", "ART6_1_Z", 1);
    let err = Register::from_json_str(&code).unwrap_err();
    assert!(
        err.to_string()
            .contains("activities[0].purposes[0].legal_basis"),
        "{err}"
    );
    // Not JSON, wrong format, newer version.
    assert!(
        Register::from_json_str("{")
            .unwrap_err()
            .to_string()
            .contains("not valid JSON")
    );
    assert!(
        Register::from_json_str(r#"{"format":"other","version":1}"#)
            .unwrap_err()
            .to_string()
            .contains("not a RoPA Desk register")
    );
    let current = format!("\"version\": {}", interchange::FORMAT_VERSION);
    let newer = good.replacen(&current, "\"version\": 99", 1);
    assert_ne!(newer, good);
    assert!(
        Register::from_json_str(&newer)
            .unwrap_err()
            .to_string()
            .contains("update RoPA Desk")
    );

    // A document that parses but refers to a missing party in its last record: nothing changes.
    let mut doc = before.clone();
    doc.activities[0].name = "Changed by import".into();
    let mut t = Transfer::new("late", "newsletter", "ghost", "US");
    t.mechanism = None;
    doc.transfers.push(t);
    let err = interchange::import(&mut store, &doc).unwrap_err();
    assert_eq!(err.code(), "import");
    assert!(err.to_string().contains("transfers[0]"), "{err}");
    assert!(err.to_string().contains("ghost"), "{err}");
    let after = interchange::export(&store).unwrap();
    assert_eq!(after.activities, before.activities);
    assert_eq!(after.register_revision, before.register_revision);
}

#[test]
fn create_from_a_bad_document_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = fixture("ntware.json");
    doc.parties[0].country = Some("ZZ".into());
    let path = dir.path().join("new.ropa");
    let err = interchange::create_from(&path, &doc).unwrap_err();
    assert!(err.to_string().contains("parties[0]"), "{err}");
    assert!(!path.exists());
    assert!(Store::open(&path).is_err());
}
