//! Register files and exports through Tauri's IPC layer on the mock runtime, on real files:
//! create (empty and from the demo), open, duplicate, the recent list, and every export.

mod common;

use common::*;
use ropa_desk::Grant;

use std::path::{Path, PathBuf};
use std::time::Instant;

use ropa_core::model::Activity;
use ropa_core::store::Store;
use serde_json::{Value, json};

fn recent_paths(app: &Harness) -> Vec<String> {
    app.ok("recent_registers", json!({}))
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap().to_owned())
        .collect()
}

fn demo(app: &Harness, path: &Path) -> Value {
    app.chose(Grant::New, path);
    app.ok(
        "create_register",
        json!({ "request": { "path": path, "demo": true } }),
    )
}

#[test]
fn create_empty_register_opens_it_and_lists_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let app = Harness::with_config(&dir.path().join("config"));
    let path = dir.path().join("client.ropa");

    app.chose(Grant::New, &path);
    let err = app.err(
        "create_register",
        json!({ "request": { "path": path, "organisationName": "  " } }),
    );
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["field"], "organisationName");
    assert!(!path.exists(), "nothing written for an invalid request");

    let overview = app.ok(
        "create_register",
        json!({ "request": { "path": path, "organisationName": "Beispiel GmbH" } }),
    );
    assert_eq!(overview["organisationName"], "Beispiel GmbH");
    assert_eq!(overview["activities"], json!([]));
    assert_eq!(
        Store::open(&path)
            .unwrap()
            .organisation()
            .unwrap()
            .legal_name,
        "Beispiel GmbH"
    );
    assert_eq!(recent_paths(&app), [path.display().to_string()]);

    // Never overwrites.
    app.chose(Grant::New, &path);
    let err = app.err(
        "create_register",
        json!({ "request": { "path": path, "organisationName": "Other" } }),
    );
    assert_eq!(err["code"], "already_exists");
    app.chose(Grant::New, &path);
    let err = app.err(
        "create_register",
        json!({ "request": { "path": path, "demo": true } }),
    );
    assert_eq!(err["code"], "already_exists");
    assert_eq!(
        Store::open(&path)
            .unwrap()
            .organisation()
            .unwrap()
            .legal_name,
        "Beispiel GmbH"
    );
}

#[test]
fn recent_list_orders_marks_missing_files_and_forgets() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let app = Harness::with_config(&config);
    let a = dir.path().join("a.ropa");
    let b = dir.path().join("b.ropa");
    demo(&app, &a);
    demo(&app, &b);
    app.ok("open_register", json!({ "path": a }));
    assert_eq!(
        recent_paths(&app),
        [a.display().to_string(), b.display().to_string()]
    );

    std::fs::remove_file(&b).unwrap();
    let list = app.ok("recent_registers", json!({}));
    assert_eq!(list[0]["missing"], false);
    assert_eq!(list[1]["missing"], true);
    assert!(!list[0]["organisation"].as_str().unwrap().is_empty());

    // Opening the missing file fails with a typed error and keeps the open register.
    let err = app.err("open_register", json!({ "path": b }));
    assert_eq!(err["code"], "io");
    assert_eq!(
        app.ok("register_overview", json!({}))["path"],
        a.display().to_string()
    );

    app.ok("forget_recent", json!({ "path": b }));
    assert_eq!(recent_paths(&app), [a.display().to_string()]);
    // The list is a file: a new app instance (a relaunch) sees it.
    assert_eq!(
        recent_paths(&Harness::with_config(&config)),
        [a.display().to_string()]
    );
}

#[test]
fn opening_something_that_is_not_a_register_names_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let app = Harness::with_config(&dir.path().join("config"));
    let text = dir.path().join("notes.ropa");
    std::fs::write(&text, "not a database at all, just some text").unwrap();
    app.chose(Grant::Open, &text);
    let err = app.err("open_register", json!({ "path": text }));
    assert_eq!(err["code"], "not_a_register");
    assert!(recent_paths(&app).is_empty());
}

#[test]
fn duplicate_copies_the_open_register_and_keeps_it_open() {
    let dir = tempfile::tempdir().unwrap();
    let app = Harness::with_config(&dir.path().join("config"));
    app.chose(Grant::Duplicate, &dir.path().join("x.ropa"));
    let err = app.err(
        "duplicate_register",
        json!({ "path": dir.path().join("x.ropa") }),
    );
    assert_eq!(err["code"], "register_not_open");

    let original = dir.path().join("original.ropa");
    demo(&app, &original);
    let copy = dir.path().join("copy.ropa");
    app.chose(Grant::Duplicate, &copy);
    let written = app.ok("duplicate_register", json!({ "path": copy }));
    assert_eq!(written, copy.display().to_string());
    app.chose(Grant::Duplicate, &copy);
    let err = app.err("duplicate_register", json!({ "path": copy }));
    assert_eq!(err["code"], "already_exists");
    assert_eq!(
        app.ok("register_overview", json!({}))["path"],
        original.display().to_string()
    );
    let names = |p: &PathBuf| -> Vec<ropa_core::model::LocalText> {
        Store::open(p)
            .unwrap()
            .list::<Activity>()
            .unwrap()
            .into_iter()
            .map(|a| a.name)
            .collect()
    };
    assert_eq!(names(&copy), names(&original));
}

fn export(app: &Harness, request: Value, path: &Path) -> Result<Value, Value> {
    app.chose(Grant::Export, path);
    app.invoke(
        "export_document",
        json!({ "request": request, "path": path }),
    )
}

#[test]
fn every_offered_export_writes_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let app = Harness::with_config(&dir.path().join("config"));
    let err = export(
        &app,
        json!({ "document": "controller_record", "format": "pdf", "language": "en" }),
        &dir.path().join("none.pdf"),
    )
    .unwrap_err();
    assert_eq!(err["code"], "register_not_open");

    let register = dir.path().join("demo.ropa");
    let overview = demo(&app, &register);
    let first_activity = |language: &str| {
        overview["activities"][0]["name"][language]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let choices = app.ok("export_choices", json!({}));
    let mut written = 0;
    for choice in choices.as_array().unwrap() {
        for format in choice["formats"].as_array().unwrap() {
            for language in ["en", "de"] {
                let document = choice["document"].as_str().unwrap();
                let format = format["format"].as_str().unwrap();
                let path = dir.path().join(format!("{document}-{language}.{format}"));
                let started = Instant::now();
                let result = export(
                    &app,
                    json!({ "document": document, "format": format, "language": language }),
                    &path,
                );
                if document == "processor_record" {
                    // The demo organisation is no processor: the core refuses, naming the field.
                    let err = result.unwrap_err();
                    assert_eq!(err["field"], "is_processor", "{err}");
                    assert!(!path.exists());
                    continue;
                }
                let outcome = result.unwrap_or_else(|err| panic!("{document} {format}: {err}"));
                eprintln!(
                    "{document} {format} {language}: {} bytes in {:?}",
                    outcome["bytes"],
                    started.elapsed()
                );
                let bytes = std::fs::read(&path).unwrap();
                assert_eq!(outcome["bytes"], bytes.len());
                assert_eq!(outcome["path"], path.display().to_string());
                assert!(!bytes.is_empty());
                if format == "pdf" {
                    assert!(bytes.starts_with(b"%PDF-"), "{document}");
                }
                if document == "controller_record" && format == "csv" {
                    let text = String::from_utf8_lossy(&bytes);
                    assert!(text.contains(&first_activity(language)), "{text}");
                }
                written += 1;
            }
        }
    }
    assert_eq!(written, 16);
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty());

    // CSV options reach the file.
    let path = dir.path().join("semicolon.csv");
    export(
        &app,
        json!({ "document": "controller_record", "format": "csv", "language": "de",
                "preset": "art30", "delimiter": "semicolon" }),
        &path,
    )
    .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.lines().next().unwrap().contains(';'), "{text}");

    // A format the document does not have is refused, naming the field.
    let err = export(
        &app,
        json!({ "document": "checks_report", "format": "markdown", "language": "en" }),
        &dir.path().join("x.md"),
    )
    .unwrap_err();
    assert_eq!(err["code"], "invalid");
    assert_eq!(err["field"], "format");
}

#[test]
fn notice_export_lists_missing_facts() {
    let dir = tempfile::tempdir().unwrap();
    let app = Harness::with_config(&dir.path().join("config"));
    app.chose(Grant::New, &dir.path().join("empty.ropa"));
    app.ok(
        "create_register",
        json!({ "request": { "path": dir.path().join("empty.ropa"), "organisationName": "Leer GmbH" } }),
    );
    let outcome = export(
        &app,
        json!({ "document": "notice", "format": "markdown", "language": "en" }),
        &dir.path().join("notice.md"),
    )
    .unwrap();
    assert!(
        !outcome["warnings"].as_array().unwrap().is_empty(),
        "an empty register misses facts: {outcome}"
    );
}

#[test]
fn the_opener_only_opens_files_this_session_exported() {
    let dir = tempfile::tempdir().unwrap();
    let app = Harness::with_config(&dir.path().join("config"));
    let other = dir.path().join("other.pdf");
    std::fs::write(&other, b"%PDF-").unwrap();
    for cmd in ["open_exported", "reveal_exported"] {
        let err = app.err(cmd, json!({ "path": other }));
        assert_eq!(err["code"], "not_exported");
        assert_eq!(err["field"], "path");
    }
}

/// A compromised webview cannot write or open files the user did not choose in a dialog the
/// shell showed: every path-taking command refuses a forged path, a chosen path serves its one
/// purpose once, and an export is never written over the register.
#[test]
fn forged_paths_are_refused_and_chosen_ones_serve_once() {
    let dir = tempfile::tempdir().unwrap();
    let app = Harness::with_config(&dir.path().join("config"));
    let victim = dir.path().join("important.txt");
    std::fs::write(&victim, "the user's own file").unwrap();
    let other = fixture_register(dir.path());

    let refused = |cmd: &str, args: Value| {
        let err = app.err(cmd, args);
        assert_eq!(err["code"], "path_not_chosen", "{cmd}: {err}");
        assert_eq!(err["field"], "path");
        assert!(!err["messageDe"].as_str().unwrap_or_default().is_empty());
    };
    let forged = dir.path().join("forged.ropa");
    refused(
        "create_register",
        json!({ "request": { "path": forged, "organisationName": "X" } }),
    );
    refused("open_register", json!({ "path": other }));
    assert!(!forged.exists());

    let register = dir.path().join("client.ropa");
    demo(&app, &register);
    refused("duplicate_register", json!({ "path": forged }));
    let pdf = json!({ "document": "controller_record", "format": "pdf", "language": "en" });
    refused("export_document", json!({ "request": pdf, "path": victim }));
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        "the user's own file"
    );
    assert!(!forged.exists());

    // A path granted for one purpose does not serve another, and serves once.
    app.chose(Grant::Open, &forged);
    refused(
        "create_register",
        json!({ "request": { "path": forged, "organisationName": "X" } }),
    );
    let chosen = dir.path().join("record.pdf");
    export(&app, pdf.clone(), &chosen).expect("the chosen file is written");
    refused("export_document", json!({ "request": pdf, "path": chosen }));

    // Registers of the recent list open without a dialog.
    app.ok("open_register", json!({ "path": register }));

    // Even a chosen file is never the register itself.
    let before = std::fs::read(&register).unwrap();
    let err = export(&app, pdf, &register).unwrap_err();
    assert_eq!(err["code"], "would_overwrite_register");
    assert_eq!(std::fs::read(&register).unwrap(), before);
}
