//! Command round trips through Tauri's IPC layer on the mock runtime (no window, no display).
//!
//! The app is assembled with the same [`ropa_desk::setup`] the real app uses, so these tests
//! see exactly the commands and state the frontend sees.

mod common;

use common::*;

use ropa_core::model::Activity;
use ropa_core::store::Store;
use serde_json::{Value, json};

#[test]
fn overview_reports_the_register_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_register(dir.path());
    let (organisation, activities) = {
        let store = Store::open(&path).unwrap();
        (
            store.organisation().unwrap(),
            store.list::<Activity>().unwrap(),
        )
    };
    assert!(!activities.is_empty(), "the fixture has activities");

    let app = Harness::new();
    app.chose(ropa_desk::Grant::Open, &path);
    let opened = app
        .invoke("open_register", json!({ "path": path }))
        .expect("opens");
    let overview = app
        .invoke("register_overview", json!({}))
        .expect("overview");
    assert_eq!(opened, overview);

    assert_eq!(overview["path"], json!(path.display().to_string()));
    assert_eq!(overview["organisationName"], json!(organisation.legal_name));
    let expected: Vec<Value> = activities
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "reference": a.reference,
                "name": a.name,
                "status": a.status.code(),
            })
        })
        .collect();
    assert_eq!(overview["activities"], Value::Array(expected));
}

#[test]
fn overview_without_register_is_a_coded_error() {
    let app = Harness::new();
    let err = app.invoke("register_overview", json!({})).unwrap_err();
    assert_eq!(error_code(&err), "register_not_open");
    assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
}

/// Errors are data: the field's own message travels apart from the sentence that names the
/// record, and "nothing open" says whether an attempt failed — the UI compares no prose.
#[test]
fn field_errors_carry_their_message_apart_and_nothing_open_says_why() {
    let app = Harness::new();
    let err = app.invoke("register_overview", json!({})).unwrap_err();
    assert!(err.get("reason").is_none(), "nothing was asked for: {err}");

    let dir = tempfile::tempdir().unwrap();
    let (app, _) = opened(dir.path());
    let err = app
        .invoke(
            "insert_record",
            json!({ "request": { "kind": "party",
                "record": { "id": "x", "name": "X", "country": "ZZ" } } }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "country", "{err}");
    let whole = err["message"].as_str().unwrap();
    let own = err["fieldMessage"].as_str().unwrap();
    let own_de = err["fieldMessageDe"].as_str().unwrap();
    assert!(whole.starts_with("party `x`, field `country`: "), "{whole}");
    assert!(whole.ends_with(own) && !own.contains("field `"), "{own}");
    assert!(
        own.contains("ZZ") && own_de.contains("ZZ") && !own_de.contains("Feld `"),
        "{own_de}"
    );
}

#[test]
fn failed_open_keeps_core_error_code_and_previous_register() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixture_register(dir.path());
    let not_a_register = dir.path().join("notes.txt");
    std::fs::write(&not_a_register, "just some text, not SQLite at all").unwrap();

    let app = Harness::new();
    app.chose(ropa_desk::Grant::Open, &good);
    app.invoke("open_register", json!({ "path": good }))
        .expect("opens");

    app.chose(ropa_desk::Grant::Open, &not_a_register);
    let err = app
        .invoke("open_register", json!({ "path": not_a_register }))
        .unwrap_err();
    assert_eq!(error_code(&err), "not_a_register");
    app.chose(ropa_desk::Grant::Open, &dir.path().join("missing.sqlite"));
    let err = app
        .invoke(
            "open_register",
            json!({ "path": dir.path().join("missing.sqlite") }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "io");

    let overview = app
        .invoke("register_overview", json!({}))
        .expect("still open");
    assert_eq!(overview["path"], json!(good.display().to_string()));
}

#[test]
fn demo_register_is_created_once_and_reused() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("app-data");
    let path = ropa_desk::demo::ensure_demo_register(&data_dir).expect("demo created");
    assert_eq!(path, data_dir.join(ropa_desk::demo::DEMO_FILE_NAME));
    let revision = Store::open(&path).unwrap().info().unwrap().revision;

    let again = ropa_desk::demo::ensure_demo_register(&data_dir).expect("demo reused");
    assert_eq!(again, path);
    assert_eq!(
        Store::open(&path).unwrap().info().unwrap().revision,
        revision
    );
    let leftovers: Vec<_> = std::fs::read_dir(&data_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".part"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no partial demo left behind: {leftovers:?}"
    );
}

#[test]
fn records_list_and_get_as_the_core_stores_them() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let store = Store::open(&path).unwrap();
    let kinds: [(&str, Value); 3] = [
        (
            "activity",
            serde_json::to_value(store.list::<Activity>().unwrap()).unwrap(),
        ),
        (
            "party",
            serde_json::to_value(store.list::<ropa_core::model::Party>().unwrap()).unwrap(),
        ),
        (
            "data_category",
            serde_json::to_value(store.list::<ropa_core::model::DataCategory>().unwrap()).unwrap(),
        ),
    ];
    for (kind, expected) in kinds {
        let listed = app
            .invoke("list_records", json!({ "request": { "kind": kind } }))
            .expect("lists");
        assert_eq!(listed, expected, "{kind}");
    }
    let first = store.list::<Activity>().unwrap().remove(0);
    let by_reference = app
        .invoke(
            "get_record",
            json!({ "request": { "kind": "activity", "id": first.reference } }),
        )
        .expect("found by reference");
    assert_eq!(by_reference, serde_json::to_value(&first).unwrap());
    let err = app
        .invoke(
            "get_record",
            json!({ "request": { "kind": "party", "id": "no-such-party" } }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "not_found");
}

#[test]
fn update_with_a_stale_revision_is_a_conflict_and_overwrites_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let list = app
        .invoke("list_records", json!({ "request": { "kind": "activity" } }))
        .unwrap();
    let mut stale = list[0].clone();
    let id = stale["id"].as_str().unwrap().to_owned();

    // Someone else (the CLI) changes the activity in the file.
    {
        let mut store = Store::open(&path).unwrap();
        let mut activity: Activity = store.get(&id).unwrap();
        activity.name = "Changed by the CLI".into();
        store.update(activity).unwrap();
    }

    stale["name"] = json!("Changed in the app");
    let err = app
        .invoke(
            "update_record",
            json!({ "request": { "kind": "activity", "record": stale } }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "conflict");
    let now: Activity = Store::open(&path).unwrap().get(&id).unwrap();
    assert_eq!(now.name, "Changed by the CLI");

    // With the current revision the change goes through.
    let mut fresh = app
        .invoke(
            "get_record",
            json!({ "request": { "kind": "activity", "id": id } }),
        )
        .unwrap();
    fresh["name"] = json!("Changed in the app");
    let saved = app
        .invoke(
            "update_record",
            json!({ "request": { "kind": "activity", "record": fresh.clone() } }),
        )
        .expect("updates");
    assert_eq!(saved["name"], json!("Changed in the app"));
    assert!(saved["revision"].as_i64() > fresh["revision"].as_i64());
    let now: Activity = Store::open(&path).unwrap().get(&id).unwrap();
    assert_eq!(now.name, "Changed in the app");
}

#[test]
fn insert_and_delete_a_party_and_invalid_data_names_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let party = app
        .invoke(
            "insert_record",
            json!({ "request": { "kind": "party",
                "record": { "id": "mailer", "name": "Mailer Inc.", "country": "US" } } }),
        )
        .expect("inserts");
    assert_eq!(party["name"], json!("Mailer Inc."));
    let stored: ropa_core::model::Party = Store::open(&path).unwrap().get("mailer").unwrap();
    assert_eq!(stored.name, "Mailer Inc.");

    let err = app
        .invoke(
            "insert_record",
            json!({ "request": { "kind": "party",
                "record": { "id": "bad", "name": "Bad", "country": 42 } } }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "invalid");
    assert!(
        err["message"].as_str().unwrap().contains("country"),
        "{err}"
    );

    app.invoke(
        "delete_record",
        json!({ "request": { "kind": "party", "id": "mailer", "revision": party["revision"] } }),
    )
    .expect("deletes");
    let gone = Store::open(&path)
        .unwrap()
        .find::<ropa_core::model::Party>("mailer")
        .unwrap();
    assert!(gone.is_none());
}

#[test]
fn organisation_is_read_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let mut organisation = app.invoke("get_organisation", json!({})).expect("reads");
    organisation["legal_name"] = json!("Renamed GmbH");
    let saved = app
        .invoke(
            "save_organisation",
            json!({ "request": { "record": organisation.clone() } }),
        )
        .expect("saves");
    assert_eq!(saved["legal_name"], json!("Renamed GmbH"));
    assert_eq!(
        Store::open(&path)
            .unwrap()
            .organisation()
            .unwrap()
            .legal_name,
        "Renamed GmbH"
    );
    // The copy read before the save is now stale.
    let err = app
        .invoke(
            "save_organisation",
            json!({ "request": { "record": organisation } }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "conflict");
}

#[test]
fn info_checks_notice_and_reference_data() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let info = app.invoke("register_info", json!({})).expect("info");
    let expected = Store::open(&path).unwrap().info().unwrap();
    assert_eq!(info["revision"], json!(expected.revision));
    assert_eq!(info["schemaVersion"], json!(expected.schema_version));

    let run = app.invoke("run_checks", json!({})).expect("checks");
    let store = Store::open(&path).unwrap();
    let core = ropa_core::checks::check_store(&store, &Default::default()).unwrap();
    let findings = run["findings"].as_array().unwrap();
    assert_eq!(findings.len(), core.len());
    // The screen gets the core's findings, errors first, and the core's counts.
    let rank = |s: &serde_json::Value| ["error", "warning", "info"].iter().position(|x| s == x);
    assert!(
        findings
            .windows(2)
            .all(|w| rank(&w[0]["severity"]) <= rank(&w[1]["severity"]))
    );
    for want in &core {
        assert!(
            findings.contains(&serde_json::to_value(want).unwrap()),
            "{} on {} is missing",
            want.code,
            want.target.id
        );
    }
    let errors = core
        .iter()
        .filter(|f| f.severity == ropa_core::checks::Severity::Error)
        .count();
    assert_eq!(run["summary"]["errors"], json!(errors));

    for (language, heading) in [("en", "#"), ("de", "#")] {
        let notice = app
            .invoke(
                "export_notice",
                json!({ "request": { "language": language, "format": "markdown" } }),
            )
            .expect("notice");
        assert!(notice["content"].as_str().unwrap().starts_with(heading));
    }
    let html = app
        .invoke(
            "export_notice",
            json!({ "request": { "language": "de", "format": "html" } }),
        )
        .expect("html");
    assert!(html["content"].as_str().unwrap().contains("<html"));

    let bases = app.invoke("legal_bases", json!({})).expect("bases");
    let codes: Vec<&str> = bases
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"ART6_1_A"), "{codes:?}");
}

#[test]
fn a_new_activity_needs_only_reference_and_name() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let created = app
        .invoke(
            "insert_record",
            json!({ "request": { "kind": "activity",
                "record": { "id": "", "reference": "NEW-01", "name": "New activity" } } }),
        )
        .expect("inserts");
    let id = created["id"].as_str().unwrap();
    assert!(!id.is_empty(), "the core gives the id");
    assert_eq!(created["status"], json!("draft"));
    let stored = Store::open(&path).unwrap().find_activity("NEW-01").unwrap();
    assert_eq!(stored.id, id);
}
