//! `ropa check` end to end: output forms, languages, options and the exit status that gates a
//! pipeline.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

mod common;
use common::{imported, ropa};

const TODAY: &str = "2026-11-23";

#[test]
fn clean_register_passes_in_its_own_language() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "clean.json");
    let out = ropa(&reg)
        .args(["check", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // The clean register's document language is German.
    assert!(
        text.contains("0 Fehler, 0 Warnungen, 0 Hinweise") && text.contains("Keine Feststellungen"),
        "{text}"
    );

    let out = ropa(&reg)
        .args(["check", "--today", TODAY, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"], Value::Array(vec![]));
    assert_eq!(v["summary"]["errors"], 0);
    assert_eq!(v["checked_on"], TODAY);
}

#[test]
fn errors_exit_with_7_and_json_lists_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "otrs.json");
    let out = ropa(&reg)
        .args(["check", "--today", TODAY, "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(
        v["summary"]["errors"].as_u64().unwrap() as usize,
        findings.iter().filter(|f| f["severity"] == "error").count()
    );
    let ps = findings
        .iter()
        .find(|f| f["code"] == "TRANSFER_PRIVACY_SHIELD")
        .expect("WalkMe's Privacy Shield is reported");
    assert_eq!(ps["target"]["entity"], "transfer");
    assert_eq!(ps["target"]["id"], "walkme-us");
    assert_eq!(ps["target"]["field"], "mechanism");
    assert!(
        ps["message_de"]
            .as_str()
            .unwrap()
            .contains("Privacy Shield")
    );
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["code"], "check_failed");
}

#[test]
fn text_output_is_grouped_by_record_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "otrs.json");
    let out = ropa(&reg)
        .args(["check", "--today", TODAY, "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let text = String::from_utf8(out.stdout).unwrap();
    let walkme = text
        .split("\n\n")
        .find(|block| block.starts_with("transfer WalkMe (United States) (walkme-us)"))
        .unwrap_or_else(|| panic!("no block for the WalkMe transfer in\n{text}"));
    assert!(
        walkme.contains(
            "error    TRANSFER_PRIVACY_SHIELD  Art. 44, 45 GDPR; CJEU C-311/18 [mechanism]"
        )
    );
    assert!(walkme.contains("16 July 2020"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error(s)"));

    let out = ropa(&reg)
        .args(["check", "--today", TODAY, "--lang", "de"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Verarbeitungstätigkeit OTRS-17 VWO (vwo)"),
        "{text}"
    );
    assert!(text.contains("Fehler   BASIS_LI_AS_CONSENT  Art. 6 Abs. 1 lit. a, f DSGVO"));
}

#[test]
fn csv_report_is_spreadsheet_safe() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "ntware.json");
    let out = ropa(&reg)
        .args(["check", "--today", TODAY, "--format", "csv", "--lang", "de"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let bytes = out.stdout;
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "no BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("Schweregrad,Code,Vorschrift,Buchstabe Art. 30,"));
    assert!(text.ends_with("\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "bare LF in the CSV"
    );
    let rows: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(rows.len() > 50, "{} rows", rows.len());
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Fehler,BASIS_TDDDG_ONLY,")
                && r.contains(",cookies,")
                && r.contains("purposes[1].legal_basis"))
    );
    // Every cell that starts like a formula is neutralised.
    for row in &rows {
        for cell in row.split(',') {
            let c = cell.trim_start_matches('"');
            assert!(
                !c.starts_with(['=', '+', '-', '@']),
                "formula-like cell {cell:?}"
            );
        }
    }
}

#[test]
fn options_are_applied() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "clean.json");
    // The DPF check of 15 October 2026 is too old for a 10-day policy: a warning, exit 0.
    let out = ropa(&reg)
        .args(["check", "--today", TODAY, "--dpf-max-age", "10", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TRANSFER_DPF_CHECK_STALE"]);

    // A later date: reviews and agreement reviews fall due (warnings only).
    let out = ropa(&reg)
        .args(["check", "--today", "2027-12-01", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["summary"]["warnings"].as_u64().unwrap() > 0);
    assert_eq!(v["summary"]["errors"], 0);

    for args in [
        vec!["check", "--today", "2026-13-01"],
        vec!["check", "--format", "csv", "--json"],
        vec!["check", "--lang", "fr"],
    ] {
        ropa(&reg).args(&args).assert().code(2);
    }
}

#[test]
fn check_needs_a_register() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_register = dir.path().join("notes.txt");
    std::fs::write(&not_a_register, "hello").unwrap();
    ropa(&not_a_register).arg("check").assert().code(6);
    Command::cargo_bin("ropa")
        .unwrap()
        .env_remove("ROPA_REGISTER")
        .arg("check")
        .assert()
        .code(2);
}

fn pdftotext(pdf: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext installed (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn report_files_as_pdf_and_csv_keep_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(&dir, "otrs.json");
    let pdf = dir.path().join("report.pdf");
    let out = ropa(&reg)
        .args([
            "check", "--today", TODAY, "--lang", "en", "--format", "pdf", "-o",
        ])
        .arg(&pdf)
        .output()
        .unwrap();
    // The report is written, and the status still says there are errors.
    assert_eq!(out.status.code(), Some(7));
    let text = pdftotext(&pdf);
    assert!(text.contains("Compliance check report"), "{text}");
    assert!(text.contains("TRANSFER_PRIVACY_SHIELD"), "{text}");
    assert!(text.contains("OTRS AG"), "{text}");

    let csv = dir.path().join("report.csv");
    let out = ropa(&reg)
        .args(["check", "--today", TODAY, "--format", "csv", "--output"])
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    assert!(String::from_utf8_lossy(&bytes).contains("TRANSFER_PRIVACY_SHIELD"));

    // --output only with a file format; --json excludes the file formats.
    let out = ropa(&reg)
        .args(["check", "-o"])
        .arg(dir.path().join("x.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("x.txt").exists());
    let out = ropa(&reg)
        .args(["check", "--json", "--format", "pdf"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}
