//! `ropa notice` end to end: formats, warnings on standard error, exit 8 for a refused final.

mod common;
use common::{imported, ropa};

#[test]
fn draft_prints_the_notice_and_lists_gaps_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "ntware.json");
    let out = ropa(&reg)
        .args(["notice", "--lang", "de", "--date", "2026-03-01"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        md.starts_with("# Datenschutzhinweise\n\n*Stand: 1. März 2026*"),
        "{md}"
    );
    assert!(md.contains("Rechtsgrundlage ist Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)."));
    assert!(md.contains("\\[FEHLT: "));
    assert!(err.contains("warning: newsletter: die Rechtsgrundlage der Übermittlung an The Rocket Science Group, LLC"), "{err}");
    assert!(err.contains("--final refuses"), "{err}");
}

#[test]
fn final_refuses_with_exit_8_and_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "otrs.json");
    let file = dir.path().join("notice.html");
    let out = ropa(&reg)
        .args(["notice", "--final", "--format", "html", "-o"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("the notice cannot be final"), "{err}");
    assert!(
        err.contains("walkme: a valid mechanism for the transfer to WalkMe"),
        "{err}"
    );
    assert!(!file.exists(), "nothing is written when final refuses");
    let out = ropa(&reg)
        .args(["--json", "notice", "--final"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v["error"]["code"], "notice_incomplete");
}

#[test]
fn formats_and_selection() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "ntware.json");
    let html = dir.path().join("n.html");
    ropa(&reg)
        .args(["notice", "--format", "html", "--activity", "NTW-07", "-o"])
        .arg(&html)
        .assert()
        .success();
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(
        text.starts_with("<!DOCTYPE html>") && text.contains("<h2>3. Newsletter</h2>"),
        "{text}"
    );
    assert!(!text.contains("<script") && !text.contains("style"));
    let csv = ropa(&reg)
        .args(["notice", "--format", "csv", "--activity", "newsletter"])
        .output()
        .unwrap();
    assert!(csv.status.success());
    assert!(
        csv.stdout
            .starts_with("\u{feff}\"section_no\",\"section_id\"".as_bytes())
    );
    let json = ropa(&reg)
        .args(["--json", "notice", "--activity", "NTW-07"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["warnings"].as_array().is_some_and(|w| !w.is_empty()));
    ropa(&reg)
        .args(["notice", "--activity", "NOPE-1"])
        .assert()
        .code(3);
    ropa(&reg)
        .args(["notice", "--date", "1.3.2026"])
        .assert()
        .code(2);
}

#[test]
fn pdf_notice_is_a_valid_file_with_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "ntware.json");
    let pdf = dir.path().join("notice.pdf");
    ropa(&reg)
        .args([
            "notice",
            "--format",
            "pdf",
            "--lang",
            "de",
            "--date",
            "2026-03-01",
            "-o",
        ])
        .arg(&pdf)
        .assert()
        .success();
    let check = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf installed");
    assert!(check.status.success(), "{check:?}");
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext installed");
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Datenschutzhinweise",
        "NT-ware Systemprogrammierungs-GmbH",
        "Stand: 1. März 2026",
        "Niedersachsenstraße 6",
        "Seite 1 von",
    ] {
        assert!(text.contains(needle), "`{needle}` missing from:\n{text}");
    }
}

#[test]
fn a_text_set_in_german_reaches_the_german_notice_and_leaves_the_english_one() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "ntware.json");
    let german = "Bereitstellung der Website für den Rechner des Nutzers";
    ropa(&reg)
        .args([
            "set",
            "activity",
            "NTW-04",
            &format!("purposes[0].description.de={german}"),
        ])
        .assert()
        .success();
    let shown = ropa(&reg)
        .args(["--json", "show", "activity", "NTW-04"])
        .output()
        .unwrap();
    let record: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    let description = &record["purposes"][0]["description"];
    assert_eq!(description["de"], german);
    let english = description["en"]
        .as_str()
        .expect("the English text is kept")
        .to_owned();

    let notice = |lang: &str| {
        let out = ropa(&reg)
            .args(["notice", "--lang", lang, "--activity", "NTW-04"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let de = notice("de");
    assert!(de.contains(german), "{de}");
    assert!(!de.contains(&english), "{de}");
    let en = notice("en");
    assert!(en.contains(&english) && !en.contains(german), "{en}");
    // Without its German text the purpose is shown in English, marked, in the German notice.
    ropa(&reg)
        .args([
            "set",
            "activity",
            "NTW-04",
            "purposes[0].description.de=null",
        ])
        .assert()
        .success();
    let de = notice("de");
    assert!(de.contains(&format!("NICHT ÜBERSETZT: {english}")), "{de}");
    // A plain value for a text written in both languages is the primary language's: the
    // German name stays.
    let name = |reg: &std::path::Path| {
        let shown = ropa(reg)
            .args(["--json", "show", "activity", "NTW-04"])
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&shown.stdout).unwrap()["name"].clone()
    };
    let german_name = name(&reg)["de"].as_str().expect("a German name").to_owned();
    ropa(&reg)
        .args(["set", "activity", "NTW-04", "name=Website and log files"])
        .assert()
        .success();
    assert_eq!(
        name(&reg),
        serde_json::json!({"en": "Website and log files", "de": german_name})
    );
}
