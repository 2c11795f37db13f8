//! `ropa export --format pdf|csv`: the Art. 30 record from a real register file, read back with
//! pdftotext, qpdf and Python's csv module.

use std::path::Path;

mod common;
use common::{fixture, imported, ropa};

fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext installed (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn pdf_record_of_a_register_file() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "otrs.json");
    let pdf = dir.path().join("vvt.pdf");
    let out = ropa(&reg)
        .args(["--json", "export", "--format", "pdf", "--lang", "de", "-o"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["format"], "pdf");
    assert_eq!(summary["items"], 37);
    let sha = summary["sha256"].as_str().unwrap();

    let qpdf = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .expect("qpdf installed");
    assert!(qpdf.status.success());

    let text = norm(&pdftotext(&pdf));
    assert!(text.contains("Verzeichnis von Verarbeitungstätigkeiten"));
    assert!(text.contains("OTRS AG"));
    assert!(text.contains("Zimmersmühlenweg 11, 61440 Oberursel, Deutschland"));
    assert!(text.contains(sha));
    assert!(
        text.contains("Erstellt am 2026-11-23"),
        "SOURCE_DATE_EPOCH sets the date"
    );
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("otrs.json")).unwrap()).unwrap();
    for a in doc["activities"].as_array().unwrap() {
        let heading = format!(
            "{} {}",
            a["reference"].as_str().unwrap(),
            a["name"]["de"].as_str().unwrap()
        );
        assert!(text.contains(&norm(&heading)), "{heading} missing");
    }

    // A selection, to standard output.
    let out = ropa(&reg)
        .args(["export", "--format", "pdf", "--activity", "OTRS-04"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let one = dir.path().join("one.pdf");
    std::fs::write(&one, &out.stdout).unwrap();
    let text = norm(&pdftotext(&one));
    assert!(text.contains("OTRS-04 Business Card Handling"));
    assert!(!text.contains("OTRS-05"));
}

#[test]
fn csv_tables_and_presets() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "ntware.json");
    let out = ropa(&reg)
        .args(["export", "--format", "csv", "--delimiter", ";", "--no-bom"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Reference;"));
    assert_eq!(text.matches("\r\nNTW-").count(), 19);

    let csv = dir.path().join("ico.csv");
    ropa(&reg)
        .args(["export", "--format", "csv", "--preset", "ico", "-o"])
        .arg(&csv)
        .assert()
        .success();
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}Business function,Purpose of processing,".as_bytes()));

    for annex in ["processors", "transfers", "joint"] {
        ropa(&reg)
            .args(["export", "--format", "csv", "--annex", annex])
            .assert()
            .success();
    }
}

#[test]
fn json_stays_the_default_and_options_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "ntware.json");
    let out = ropa(&reg).arg("export").output().unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["format"], "ropa-desk-register");

    for args in [
        &["export", "--lang", "de"][..],
        &["export", "--format", "pdf", "--preset", "ico"],
        &["export", "--format", "pdf", "--no-bom"],
        &["export", "--format", "csv", "--delimiter", "|"],
        &[
            "export",
            "--format",
            "csv",
            "--record",
            "processor",
            "--preset",
            "ico",
        ],
    ] {
        ropa(&reg).args(args).assert().code(2);
    }
    // Unknown activity: not found; a controller-only register has no processor record.
    ropa(&reg)
        .args(["export", "--format", "pdf", "--activity", "NOPE"])
        .assert()
        .code(3);
    ropa(&reg)
        .args(["export", "--format", "pdf", "--record", "processor"])
        .assert()
        .code(5);
}
