//! Reports of findings for consultants to hand to clients. CSV here; the PDF report is built on
//! the PDF engine ([`crate::pdf`]).
//!
//! The CSV is written by the one table writer, [`crate::sheet`]: UTF-8 with a byte-order mark,
//! CRLF line ends, RFC 4180 quoting, formula-like cells neutralised.

pub mod pdf;

use super::{Finding, Severity};
use crate::model::{Entity, Language};

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

/// The CSV report as bytes: UTF-8 with byte-order mark, one finding per row.
pub fn csv(findings: &[Finding], lang: Language) -> Vec<u8> {
    let german = lang == Language::De;
    let header = headers(lang).map(str::to_owned).to_vec();
    let rows = findings.iter().map(|f| {
        let title = super::rule(&f.code)
            .map(|r| r.title(lang).to_owned())
            .unwrap_or_default();
        vec![
            severity_label(f.severity, german).to_owned(),
            f.code.clone(),
            f.article_in(lang).to_owned(),
            f.letter.map(|l| l.citation(german)).unwrap_or_default(),
            entity_label(f.target.entity, lang).to_owned(),
            f.target.id.clone(),
            f.target.label_in(lang).to_owned(),
            f.target.field.clone().unwrap_or_default(),
            f.message(lang).to_owned(),
            title,
        ]
    });
    crate::sheet::to_bytes(
        std::iter::once(header).chain(rows),
        &crate::sheet::SheetOptions::default(),
    )
}

fn severity_label(s: Severity, german: bool) -> &'static str {
    s.label(german)
}
