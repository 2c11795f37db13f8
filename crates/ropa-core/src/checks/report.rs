//! Reports of findings for consultants to hand to clients. CSV here; the PDF report is built on
//! the PDF layout module.
//!
//! The CSV is spreadsheet-safe: UTF-8 with a byte-order mark (so Excel detects the encoding),
//! CRLF line ends, RFC 4180 quoting, and cells that a spreadsheet would read as a formula (those
//! starting with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with `'`.

pub mod pdf;

use super::{Finding, Severity};
use crate::model::{Entity, Language};
use std::io::{self, Write};

/// The kind of record in `lang` ("activity" / "Verarbeitungstätigkeit").
pub fn entity_label(entity: Entity, lang: Language) -> &'static str {
    match lang {
        Language::En => entity.label(),
        Language::De => match entity {
            Entity::Organisation => "Organisation",
            Entity::Activity => "Verarbeitungstätigkeit",
            Entity::Party => "Beteiligter",
            Entity::Agreement => "Auftragsverarbeitungsvertrag",
            Entity::JointArrangement => "Vereinbarung nach Art. 26",
            Entity::Transfer => "Übermittlung",
            Entity::ProcessorService => "Auftragsverarbeitung",
            Entity::DataCategory => "Datenkategorie",
            Entity::SubjectCategory => "Kategorie betroffener Personen",
            Entity::Tom => "TOM",
            Entity::NoticeSettings => "Einstellungen der Datenschutzerklärung",
        },
    }
}

/// Column headers of the CSV report.
fn headers(lang: Language) -> [&'static str; 10] {
    match lang {
        Language::En => [
            "Severity",
            "Code",
            "Article",
            "Art. 30 letter",
            "Record type",
            "Record id",
            "Record",
            "Field",
            "Finding",
            "Rule",
        ],
        Language::De => [
            "Schweregrad",
            "Code",
            "Vorschrift",
            "Buchstabe Art. 30",
            "Art des Eintrags",
            "ID des Eintrags",
            "Eintrag",
            "Feld",
            "Feststellung",
            "Regel",
        ],
    }
}

/// Writes `findings` as CSV in `lang`.
pub fn write_csv(findings: &[Finding], lang: Language, w: &mut impl Write) -> io::Result<()> {
    let german = lang == Language::De;
    w.write_all("\u{feff}".as_bytes())?;
    write_row(w, &headers(lang).map(str::to_owned))?;
    for f in findings {
        let title = super::rule(&f.code)
            .map(|r| r.title(lang).to_owned())
            .unwrap_or_default();
        let row = [
            severity_label(f.severity, german).to_owned(),
            f.code.clone(),
            f.article_in(lang).to_owned(),
            f.letter.map(|l| l.citation(german)).unwrap_or_default(),
            entity_label(f.target.entity, lang).to_owned(),
            f.target.id.clone(),
            f.target.label.clone(),
            f.target.field.clone().unwrap_or_default(),
            f.message(lang).to_owned(),
            title,
        ];
        write_row(w, &row)?;
    }
    Ok(())
}

/// The CSV report as bytes.
pub fn csv(findings: &[Finding], lang: Language) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_csv(findings, lang, &mut out);
    out
}

fn severity_label(s: Severity, german: bool) -> &'static str {
    s.label(german)
}

fn write_row(w: &mut impl Write, cells: &[String]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    w.write_all(line.join(",").as_bytes())?;
    w.write_all(b"\r\n")
}

/// One cell: neutralised against formula injection, quoted where needed.
pub fn cell(value: &str) -> String {
    let mut v = value.to_owned();
    if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        v.insert(0, '\'');
    }
    if v.contains([',', '"', '\n', '\r']) || v.starts_with(' ') || v.ends_with(' ') {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_neutralised_and_quoted() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("+49 30 1234"), "'+49 30 1234");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@cmd"), "'@cmd");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=a,\"b\""), "\"'=a,\"\"b\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell(""), "");
    }
}
