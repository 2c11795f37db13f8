//! Processor services (the Art. 30(2) record) through the generic record commands, as the
//! "On behalf of controllers" screen uses them, on a real register file.

mod common;

use common::*;

use ropa_core::model::ProcessorService;
use ropa_core::store::Store;
use serde_json::{Value, json};

fn insert(app: &Harness, kind: &str, record: Value) -> Result<Value, Value> {
    app.invoke(
        "insert_record",
        json!({ "request": { "kind": kind, "record": record } }),
    )
}

fn update(app: &Harness, record: &Value) -> Result<Value, Value> {
    app.invoke(
        "update_record",
        json!({ "request": { "kind": "processor_service", "record": record } }),
    )
}

fn get(app: &Harness, id: &str) -> Value {
    app.ok(
        "get_record",
        json!({ "request": { "kind": "processor_service", "id": id } }),
    )
}

/// A controller party and two TOMs of the register's catalogue.
fn controller_and_toms(app: &Harness) -> (String, Vec<String>) {
    let party = insert(
        app,
        "party",
        json!({ "id": "", "name": "Kunde AG", "country": "DE" }),
    )
    .expect("party");
    let toms = app.ok("list_records", json!({ "request": { "kind": "tom" } }));
    let toms: Vec<String> = toms
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(toms.len(), 2, "the fixture has TOMs");
    (party["id"].as_str().unwrap().to_owned(), toms)
}

#[test]
fn a_service_is_inserted_updated_and_every_field_is_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let (controller, toms) = controller_and_toms(&app);

    // "New service": a controller and a name, as the screen creates it.
    let created = insert(
        &app,
        "processor_service",
        json!({ "id": "", "controller": controller, "name": "New service" }),
    )
    .expect("inserts");
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(!id.is_empty(), "the core gives the service an id");
    let listed = app.ok(
        "list_records",
        json!({ "request": { "kind": "processor_service" } }),
    );
    assert!(
        listed.as_array().unwrap().iter().any(|s| s["id"] == id),
        "{listed}"
    );

    // The editor saves the whole record with the revision it read.
    let mut edited = get(&app, &id);
    edited["name"] = json!("Hosted ticket system");
    edited["description"] = json!("Support tickets of the customer's clients");
    edited["processing_categories"] = json!(["Hosting", "Second-level support"]);
    edited["controller_representative"] = json!("Rep Ltd., Dublin");
    edited["controller_dpo"] = json!("dpo@kunde.example");
    edited["agreement"] = json!("AVV 2024-07");
    edited["toms"] = json!(toms);
    edited["notes"] = json!("Renewal in spring");
    let saved = update(&app, &edited).expect("updates with the read revision");
    assert!(saved["revision"].as_i64() > edited["revision"].as_i64());

    // The same revision again is stale now: a conflict, and the file keeps the saved version.
    let mut stale = edited.clone();
    stale["name"] = json!("Overwritten?");
    let err = update(&app, &stale).unwrap_err();
    assert_eq!(error_code(&err), "conflict", "{err}");

    // Reopened with the core directly, every field is there.
    let stored: ProcessorService = Store::open(&path).unwrap().get(&id).unwrap();
    assert_eq!(stored.controller, controller);
    assert_eq!(stored.name, "Hosted ticket system");
    assert_eq!(
        stored.description,
        Some("Support tickets of the customer's clients".into())
    );
    assert_eq!(
        stored.processing_categories,
        ["Hosting", "Second-level support"]
    );
    assert_eq!(
        stored.controller_representative.as_deref(),
        Some("Rep Ltd., Dublin")
    );
    assert_eq!(stored.controller_dpo.as_deref(), Some("dpo@kunde.example"));
    assert_eq!(stored.agreement.as_deref(), Some("AVV 2024-07"));
    assert_eq!(stored.toms, toms);
    assert_eq!(stored.notes.as_deref(), Some("Renewal in spring"));
    assert_eq!(stored.revision, saved["revision"].as_i64().unwrap());

    // Emptied fields (null from the editor) are no longer recorded.
    let mut cleared = saved.clone();
    cleared["controller_dpo"] = Value::Null;
    cleared["toms"] = json!([toms[1]]);
    let cleared = update(&app, &cleared).expect("clears");
    let stored: ProcessorService = Store::open(&path).unwrap().get(&id).unwrap();
    assert_eq!(stored.controller_dpo, None);
    assert_eq!(stored.toms, vec![toms[1].clone()]);

    // Delete with a stale revision is a conflict; with the current one it goes.
    let err = app
        .invoke(
            "delete_record",
            json!({ "request": { "kind": "processor_service", "id": id, "revision": saved["revision"] } }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "conflict", "{err}");
    app.ok(
        "delete_record",
        json!({ "request": { "kind": "processor_service", "id": id, "revision": cleared["revision"] } }),
    );
    assert!(
        Store::open(&path)
            .unwrap()
            .find::<ProcessorService>(&id)
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_service_for_an_unknown_controller_is_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let err = insert(
        &app,
        "processor_service",
        json!({ "id": "", "controller": "no-such-party", "name": "Payroll" }),
    )
    .unwrap_err();
    assert_eq!(error_code(&err), "missing_reference", "{err}");
    assert_eq!(err["field"], "controller", "{err}");
    assert!(
        err["message"].as_str().unwrap().contains("no-such-party"),
        "{err}"
    );
    assert!(
        Store::open(&path)
            .unwrap()
            .list::<ProcessorService>()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_blank_processing_category_or_unknown_tom_is_refused_at_its_entry() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _path) = opened(dir.path());
    let (controller, _) = controller_and_toms(&app);
    let created = insert(
        &app,
        "processor_service",
        json!({ "id": "", "controller": controller, "name": "Payroll" }),
    )
    .expect("inserts");

    let mut blank = created.clone();
    blank["processing_categories"] = json!(["Payroll", "  "]);
    let err = update(&app, &blank).unwrap_err();
    assert_eq!(err["field"], "processing_categories[1]", "{err}");

    let mut unknown = created.clone();
    unknown["toms"] = json!(["no-such-tom"]);
    let err = update(&app, &unknown).unwrap_err();
    assert_eq!(err["field"], "toms[0]", "{err}");
}
