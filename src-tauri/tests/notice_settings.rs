//! The privacy notice's settings through the commands the "Notice" screen uses, on a real
//! register file: version and date, section order, a sentence override; what the notice built
//! from the file then says.

mod common;

use common::*;

use ropa_core::store::Store;
use serde_json::{Value, json};

fn save(app: &Harness, record: &Value) -> Result<Value, Value> {
    app.invoke(
        "save_notice_settings",
        json!({ "request": { "record": record } }),
    )
}

fn sections(app: &Harness, language: &str) -> Vec<(String, String)> {
    app.ok(
        "notice_sections",
        json!({ "request": { "language": language } }),
    )
    .as_array()
    .unwrap()
    .iter()
    .map(|s| {
        (
            s["id"].as_str().unwrap().to_owned(),
            s["heading"].as_str().unwrap().to_owned(),
        )
    })
    .collect()
}

fn markdown(app: &Harness) -> String {
    app.ok(
        "export_notice",
        json!({ "request": { "language": "en", "format": "markdown" } }),
    )["content"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn version_order_and_overrides_are_saved_and_shape_the_notice() {
    let dir = tempfile::tempdir().unwrap();
    let (app, path) = opened(dir.path());

    // Nothing saved yet: the defaults, to be created by the first save.
    let settings = app.ok("get_notice_settings", json!({}));
    assert_eq!(settings["id"], "notice");
    assert_eq!(settings["revision"], 0);

    let before = sections(&app, "en");
    assert_eq!(before[0].0, "general:controller");
    assert_eq!(before[0].1, "Controller");
    let (last_activity, heading) = before
        .iter()
        .rev()
        .find(|(id, _)| !id.starts_with("general:"))
        .cloned()
        .expect("an activity section");
    let german = sections(&app, "de");
    assert_eq!(german[0].1, "Verantwortlicher");

    // The sentence to reword exists in the templates, with both languages' texts.
    let sentences = app.ok("notice_sentences", json!({}));
    let intro = sentences
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "controller.intro")
        .expect("controller.intro can be overridden");
    assert!(intro["textEn"].as_str().unwrap().contains("controller"));
    assert!(!intro["textDe"].as_str().unwrap().is_empty());
    assert!(
        !sentences
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"].as_str().unwrap().starts_with("gap.")),
        "gap texts are not offered"
    );

    let mut edited = settings.clone();
    edited["version"] = json!("2.1");
    edited["version_date"] = json!("2026-03-01");
    edited["section_order"] = json!([last_activity, "general:controller"]);
    edited["overrides"] = json!([{
        "section": "general:controller",
        "sentence": "controller.intro",
        "language": "en",
        "text": "Responsible for your data is:"
    }]);
    let saved = save(&app, &edited).expect("first save creates the settings");
    assert_eq!(saved["revision"], 1);

    let after = sections(&app, "en");
    assert_eq!(after[0], (last_activity.clone(), heading));
    assert_eq!(after[1].0, "general:controller");
    let text = markdown(&app);
    assert!(text.contains("Version 2.1 of 1 March 2026"), "{text}");
    assert!(text.contains("Responsible for your data is:"), "{text}");

    // A stale revision is a conflict, not an overwrite.
    let mut stale = edited.clone();
    stale["version"] = json!("3");
    let err = save(&app, &stale).unwrap_err();
    assert_eq!(error_code(&err), "conflict");
    // An unknown sentence is refused, naming its field.
    let mut bad = saved.clone();
    bad["overrides"][0]["sentence"] = json!("no.such.sentence");
    let err = save(&app, &bad).unwrap_err();
    assert_eq!(err["field"], "overrides[0].sentence", "{err}");

    // In the file, as the CLI would read it.
    let stored = Store::open(&path).unwrap().notice_settings().unwrap();
    assert_eq!(stored.version.as_deref(), Some("2.1"));
    assert_eq!(stored.section_order.len(), 2);
    assert_eq!(stored.overrides.len(), 1);
}
