//! The file name a document is offered under.

use super::{Document, DocumentRequest, Table};
use crate::model::{Date, Language};

/// `Beispiel GmbH - Art30 controller record - 2026-05-01.pdf`: the organisation, the document
/// (and its annex) in `language`, the date; without characters file systems refuse.
pub fn file_name(
    organisation: &str,
    request: &DocumentRequest,
    language: Language,
    date: Date,
) -> String {
    let german = language == Language::De;
    let document = match (request.document, german) {
        (Document::ControllerRecord, false) => "Art30 controller record",
        (Document::ControllerRecord, true) => "VVT Verantwortlicher",
        (Document::ProcessorRecord, false) => "Art30 processor record",
        (Document::ProcessorRecord, true) => "VVT Auftragsverarbeiter",
        (Document::Notice, false) => "Privacy notice",
        (Document::Notice, true) => "Datenschutzhinweise",
        (Document::ChecksReport, false) => "Checks report",
        (Document::ChecksReport, true) => "Pruefbericht",
    };
    let annex = match (request.table.unwrap_or_default(), german) {
        (Table::Activities, _) => "",
        (Table::Processors, false) => " - processors",
        (Table::Processors, true) => " - Auftragsverarbeiter",
        (Table::Transfers, false) => " - transfers",
        (Table::Transfers, true) => " - Uebermittlungen",
        (Table::Joint, false) => " - joint controllers",
        (Table::Joint, true) => " - gemeinsam Verantwortliche",
    };
    let organisation: String = organisation
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    let organisation = organisation.trim().trim_start_matches('.');
    let organisation = if organisation.is_empty() {
        "Register"
    } else {
        organisation
    };
    format!(
        "{organisation} - {document}{annex} - {date}.{}",
        request.format.extension()
    )
}
