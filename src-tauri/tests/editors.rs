//! The editors' commands (pickers fed by the reference data, review dates, catalogue edits)
//! through Tauri's IPC layer on the mock runtime, on real register files.

mod common;

use common::*;

use ropa_core::model::Activity;
use ropa_core::store::Store;
use serde_json::json;

#[test]
fn countries_carry_their_chapter_v_status() {
    let app = Harness::new();
    let list = app.invoke("countries", json!({})).expect("countries");
    let list = list.as_array().unwrap();
    let find = |code: &str| list.iter().find(|c| c["code"] == code).unwrap().clone();
    assert_eq!(find("DE")["status"], "eea");
    assert_eq!(find("US")["status"], "partly_adequate");
    assert_eq!(find("CH")["status"], "adequate");
    assert_eq!(find("CN")["status"], "third_country");
    assert_eq!(find("US")["name_de"], "Vereinigte Staaten");
    assert_eq!(
        list.len(),
        ropa_core::reference::reference().countries.countries.len()
    );
}

#[test]
fn transfer_options_follow_the_core_and_name_the_field_when_unknown() {
    let app = Harness::new();
    let us = app
        .invoke(
            "transfer_options",
            json!({ "request": { "country": "US" } }),
        )
        .expect("US");
    let kinds: Vec<&str> = us["mechanisms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    let core: Vec<String> =
        ropa_core::reference::transfer_options("US", ropa_core::model::Date::today())
            .unwrap()
            .mechanisms
            .into_iter()
            .map(|m| m.kind)
            .collect();
    assert_eq!(kinds, core);
    assert_eq!(kinds[0], "dpf");
    assert!(!kinds.contains(&"privacy_shield") && !kinds.contains(&"legacy_scc"));
    assert_eq!(us["chapter_v"], true);
    assert_eq!(us["scc_modules"].as_array().unwrap().len(), 4);
    assert_eq!(us["derogations"].as_array().unwrap().len(), 7);

    let de = app
        .invoke(
            "transfer_options",
            json!({ "request": { "country": "DE" } }),
        )
        .expect("DE");
    assert_eq!(de["chapter_v"], false);
    assert!(de["mechanisms"].as_array().unwrap().is_empty());

    let err = app
        .invoke(
            "transfer_options",
            json!({ "request": { "country": "ZZ" } }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "unknown_code");
    assert_eq!(err["field"], "country");
    assert!(err["message"].as_str().unwrap().contains("ZZ"));
    assert!(
        err["messageDe"]
            .as_str()
            .unwrap()
            .contains("kein Ländercode")
    );
}

#[test]
fn a_transfer_with_an_offered_mechanism_is_stored_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    app.invoke(
        "insert_record",
        json!({ "request": { "kind": "party", "record": { "id": "mailer", "name": "Mailer Inc.", "country": "US" } } }),
    )
    .expect("party");
    let activity = Store::open(&path).unwrap().list::<Activity>().unwrap()[0]
        .id
        .clone();
    let saved = app
        .invoke(
            "insert_record",
            json!({ "request": { "kind": "transfer", "record": {
                "id": "", "activity": activity, "party": "mailer", "country": "US",
                "mechanism": { "type": "dpf", "participant": "Mailer Inc.", "checked_on": "2026-01-10" }
            } } }),
        )
        .expect("transfer");
    let id = saved["id"].as_str().unwrap();
    let stored: ropa_core::model::Transfer = Store::open(&path).unwrap().get(id).unwrap();
    assert_eq!(
        stored.mechanism.as_ref().map(|m| m.kind()),
        Some("dpf"),
        "{stored:?}"
    );

    // A mechanism the picker never offers for the US is refused, naming the field.
    let err = app
        .invoke(
            "update_record",
            json!({ "request": { "kind": "transfer", "record": {
                "id": id, "activity": activity, "party": "mailer", "country": "US",
                "revision": saved["revision"],
                "mechanism": { "type": "adequacy", "decision": "ADEQ_US_DPF" }
            } } }),
        )
        .unwrap_err();
    assert_eq!(err["field"], "mechanism");
    // Both languages cross IPC; the German interface shows the German one.
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("not as `adequacy`")
    );
    let german = err["messageDe"].as_str().expect("a German message");
    assert!(german.starts_with("Übermittlung"), "{german}");
    assert!(german.contains("Feld `mechanism`"), "{german}");
    assert!(german.contains("nicht als `adequacy`"), "{german}");
}

#[test]
fn review_due_dates_are_the_cores() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let due = app.invoke("review_due", json!({})).expect("review_due");
    let activities = Store::open(&path).unwrap().list::<Activity>().unwrap();
    let due = due.as_array().unwrap();
    assert_eq!(due.len(), activities.len());
    let opts = ropa_core::model::ReviewOptions::default();
    let today = ropa_core::model::Date::today();
    for (row, a) in due.iter().zip(&activities) {
        assert_eq!(row["id"], json!(a.id));
        assert_eq!(
            row["due"],
            json!(a.review_due(opts.max_age_days).map(|d| d.to_string()))
        );
        assert_eq!(row["status"], json!(a.review_state(today, &opts).status));
    }
}

#[test]
fn catalogue_codes_for_the_pickers() {
    let app = Harness::new();
    for (cmd, code) in [
        ("special_categories", "SC_HEALTH"),
        ("art9_conditions", "ART9_2_A"),
        ("retention_rules", "RET_DE_10Y"),
        ("national_law", "TDDDG_25_1"),
    ] {
        let list = app.invoke(cmd, json!({})).expect(cmd);
        let codes: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&code), "{cmd}: {codes:?}");
    }
}

#[test]
fn a_catalogue_entry_in_use_is_not_deleted_and_the_error_names_its_users() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    let store = Store::open(&path).unwrap();
    let activity = store
        .list::<Activity>()
        .unwrap()
        .into_iter()
        .find(|a| !a.data_categories.is_empty())
        .expect("an activity with data categories");
    let category = activity.data_categories[0].category.clone();
    let err = app
        .invoke(
            "delete_record",
            json!({ "request": { "kind": "data_category", "id": category } }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "in_use");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains(&activity.reference),
        "{err}"
    );
    assert!(
        Store::open(&path)
            .unwrap()
            .find::<ropa_core::model::DataCategory>(&category)
            .unwrap()
            .is_some()
    );
}

#[test]
fn untranslated_texts_are_the_cores_per_activity_and_language() {
    use ropa_core::model::{Language, LocalText};
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());
    {
        // Only the primary language, and one description written in it alone.
        let mut store = Store::open(&path).unwrap();
        let mut org = store.organisation().unwrap();
        org.languages = Vec::new();
        store.save_organisation(org).unwrap();
        let mut a = store.list::<Activity>().unwrap().remove(0);
        a.description = Some(LocalText::from("Only in the primary language."));
        store.update(a).unwrap();
    }
    let none = app
        .invoke("untranslated_texts", json!({}))
        .expect("untranslated");
    assert_eq!(
        none,
        json!([]),
        "no further document language: nothing is missing"
    );
    {
        let mut store = Store::open(&path).unwrap();
        let mut org = store.organisation().unwrap();
        org.languages = vec![if org.language == Language::De {
            Language::En
        } else {
            Language::De
        }];
        store.save_organisation(org).unwrap();
    }
    let got = app
        .invoke("untranslated_texts", json!({}))
        .expect("untranslated");
    let store = Store::open(&path).unwrap();
    let want = ropa_core::interchange::export(&store)
        .unwrap()
        .untranslated();
    assert!(
        want.iter()
            .any(|u| u.fields.contains(&"description".to_owned())),
        "{want:?}"
    );
    assert_eq!(got, serde_json::to_value(&want).unwrap());
}
