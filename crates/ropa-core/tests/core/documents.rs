//! The one documents service: which requests exist, what they are called, and that each option
//! reaches the file (read back with the readers users have: pdftotext, Python's csv).

use crate::fixture;
use ropa_core::Error;
use ropa_core::documents::{
    self, DocOption, Document, DocumentError, DocumentRequest, Format, Preset, Selects, Table,
};
use ropa_core::model::{Date, Language};
use std::path::Path;
use std::process::Command;

fn imported(dir: &Path, name: &str) -> ropa_core::Store {
    ropa_core::interchange::create_from(&dir.join("register.ropa"), &fixture(name)).unwrap()
}

fn bad_option(result: Result<(), Error>) -> String {
    match result {
        Err(Error::BadOption {
            option,
            message,
            message_de,
        }) => {
            assert!(!message.is_empty() && !message_de.is_empty());
            option
        }
        other => panic!("expected a bad option, got {other:?}"),
    }
}

const ALL_FORMATS: [Format; 4] = [Format::Pdf, Format::Csv, Format::Markdown, Format::Html];

#[test]
fn every_offered_format_is_accepted_and_nothing_else() {
    let mut offered = 0;
    for document in Document::ALL {
        let choice = documents::choice(document);
        for format in ALL_FORMATS {
            let request = DocumentRequest::new(document, format);
            if choice.formats.iter().any(|f| f.format == format) {
                request.check().unwrap();
                offered += 1;
            } else {
                assert_eq!(
                    bad_option(request.check()),
                    "format",
                    "{document:?} {format:?}"
                );
            }
        }
    }
    // Two records × (PDF, CSV), the notice in four formats, the checks report in two.
    assert_eq!(offered, 10);
}

/// A request, an option set on it, and the option's name.
type Case = (Document, Format, fn(&mut DocumentRequest), &'static str);

#[test]
fn options_are_refused_where_they_do_not_apply() {
    let cases: [Case; 6] = [
        (
            Document::ControllerRecord,
            Format::Pdf,
            |r| r.preset = Some(Preset::Ico),
            "preset",
        ),
        (
            Document::ControllerRecord,
            Format::Pdf,
            |r| r.bom = Some(false),
            "bom",
        ),
        (
            Document::ControllerRecord,
            Format::Csv,
            |r| r.final_notice = true,
            "final",
        ),
        (
            Document::Notice,
            Format::Markdown,
            |r| r.table = Some(Table::Joint),
            "table",
        ),
        (
            Document::Notice,
            Format::Pdf,
            |r| r.check_date = Date::parse("2026-01-01"),
            "check_date",
        ),
        (
            Document::ChecksReport,
            Format::Csv,
            |r| r.selection = vec!["x".into()],
            "selection",
        ),
    ];
    for (document, format, set, option) in cases {
        let mut request = DocumentRequest::new(document, format);
        set(&mut request);
        assert_eq!(
            bad_option(request.check()),
            option,
            "{document:?} {format:?}"
        );
        // What the app is told it may offer agrees with what is refused.
        let choice = documents::choice(document);
        let offers = choice.formats.iter().find(|f| f.format == format).unwrap();
        assert!(!offers.options.iter().any(|o| o.name() == option));
    }
}

#[test]
fn processor_record_refuses_controller_presets() {
    let mut request = DocumentRequest::new(Document::ProcessorRecord, Format::Csv);
    request.preset = Some(Preset::Ico);
    assert_eq!(bad_option(request.check()), "preset");
    // The annexes have one layout: a preset is no concern of theirs.
    request.table = Some(Table::Processors);
    request.check().unwrap();
    // The controller record has all three.
    let mut request = DocumentRequest::new(Document::ControllerRecord, Format::Csv);
    for preset in [Preset::Art30, Preset::Ico, Preset::Cnil] {
        request.preset = Some(preset);
        request.check().unwrap();
    }
    let processor = documents::choice(Document::ProcessorRecord);
    assert_eq!(processor.formats[1].presets, vec![Preset::Art30]);
    assert_eq!(processor.selects, Some(Selects::Services));
}

#[test]
fn default_names_carry_organisation_document_and_date() {
    let date = Date::parse("2026-05-01").unwrap();
    let mut req = DocumentRequest::new(Document::ControllerRecord, Format::Pdf);
    assert_eq!(
        documents::file_name("Beispiel GmbH", &req, Language::En, date),
        "Beispiel GmbH - Art30 controller record - 2026-05-01.pdf"
    );
    req.document = Document::Notice;
    req.format = Format::Markdown;
    assert_eq!(
        documents::file_name("A/B: C", &req, Language::De, date),
        "A_B_ C - Datenschutzhinweise - 2026-05-01.md"
    );
    let mut annex = DocumentRequest::new(Document::ControllerRecord, Format::Csv);
    annex.table = Some(Table::Transfers);
    assert_eq!(
        documents::file_name("..", &annex, Language::De, date),
        "Register - VVT Verantwortlicher - Uebermittlungen - 2026-05-01.csv"
    );
}

#[test]
fn requests_read_from_the_apps_json() {
    let request: DocumentRequest = serde_json::from_str(
        r#"{"document":"notice","format":"pdf","language":"de","final":true,"selection":["OTRS-04"],"version_date":"2026-03-01"}"#,
    )
    .unwrap();
    assert!(request.final_notice);
    assert_eq!(request.language, Some(Language::De));
    assert_eq!(
        request.given(),
        vec![
            DocOption::Language,
            DocOption::Selection,
            DocOption::Final,
            DocOption::VersionDate
        ]
    );
    let minimal: DocumentRequest =
        serde_json::from_str(r#"{"document":"checks_report","format":"csv"}"#).unwrap();
    assert_eq!(
        minimal,
        DocumentRequest::new(Document::ChecksReport, Format::Csv)
    );
}

fn csv_rows(dir: &Path, bytes: &[u8], delimiter: char) -> Vec<Vec<String>> {
    let path = dir.join("t.csv");
    std::fs::write(&path, bytes).unwrap();
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/csv_to_json.py");
    let out = Command::new("python3")
        .arg(tool)
        .arg(&path)
        .arg(delimiter.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    serde_json::from_value(v["rows"].clone()).unwrap()
}

#[test]
fn annex_selection_delimiter_and_bom_reach_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let store = imported(dir.path(), "otrs.json");

    let mut request =
        DocumentRequest::new(Document::ControllerRecord, Format::Csv).in_language(Language::En);
    request.selection = vec!["OTRS-04".into()];
    request.delimiter = Some(documents::Delimiter::Semicolon);
    request.bom = Some(false);
    let rendered = documents::render(&store, &request).unwrap();
    assert!(!rendered.bytes.starts_with("\u{feff}".as_bytes()));
    let rows = csv_rows(dir.path(), &rendered.bytes, ';');
    assert_eq!(
        rows.len(),
        2,
        "header and the one selected activity: {rows:?}"
    );
    assert_eq!(rows[1][0], "OTRS-04");
    assert_eq!(rendered.facts.items, 1);
    assert_eq!(rendered.facts.sha256.as_ref().map(String::len), Some(64));

    request.table = Some(Table::Transfers);
    request.selection.clear();
    let transfers = documents::render(&store, &request).unwrap();
    let rows = csv_rows(dir.path(), &transfers.bytes, ';');
    assert!(rows.len() > 1, "the transfers annex has rows: {rows:?}");
    assert_ne!(rows[0], csv_rows(dir.path(), &rendered.bytes, ';')[0]);

    let missing = DocumentRequest {
        selection: vec!["NOPE".into()],
        ..DocumentRequest::new(Document::ControllerRecord, Format::Pdf)
    };
    assert!(matches!(
        documents::render(&store, &missing),
        Err(DocumentError::Core(Error::NotFound { .. }))
    ));
}

fn pdftotext(dir: &Path, bytes: &[u8]) -> String {
    let path = dir.join("d.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_check_date_and_the_final_notice_reach_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let store = imported(dir.path(), "otrs.json");

    let mut request =
        DocumentRequest::new(Document::ChecksReport, Format::Pdf).in_language(Language::En);
    request.check_date = Date::parse("2031-07-15");
    let prepared = documents::prepare(&store, &request).unwrap();
    let text = pdftotext(dir.path(), &prepared.render().unwrap().bytes);
    assert!(
        text.contains("15 July 2031") || text.contains("2031-07-15"),
        "{text}"
    );
    let (findings, summary) = prepared.findings().unwrap();
    assert_eq!(
        summary.errors + summary.warnings + summary.infos,
        findings.len()
    );

    // A final notice of a register that lacks facts is refused with every gap, in German.
    let mut notice =
        DocumentRequest::new(Document::Notice, Format::Markdown).in_language(Language::De);
    let draft = documents::render(&store, &notice).unwrap();
    assert!(!draft.warnings.is_empty(), "the OTRS register lacks facts");
    assert!(String::from_utf8(draft.bytes).unwrap().ends_with('\n'));
    notice.final_notice = true;
    match documents::render(&store, &notice) {
        Err(DocumentError::Incomplete { gaps, language }) => {
            assert_eq!(language, Language::De);
            assert_eq!(gaps.len(), draft.warnings.len());
            assert_eq!(gaps[0].message(language), draft.warnings[0].message);
        }
        other => panic!("expected the final notice to be refused, got {other:?}"),
    }
}
