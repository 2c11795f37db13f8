//! The Art. 30 record as CSV tables that open cleanly in Excel and LibreOffice.
//!
//! - [`Table::Activities`]: one row per activity (controller record) or per processor service
//!   (processor record), columns per Art. 30 item; column presets [`Preset::Art30`] (ours),
//!   [`Preset::Ico`] (the 30 columns of the UK ICO controller template) and [`Preset::Cnil`]
//!   (the fields of the CNIL "registre" activity sheet, French headers).
//! - one table per annex: [`Table::Processors`], [`Table::Transfers`], [`Table::Joint`].
//!
//! Written by the one table writer, [`crate::sheet`] (RFC 4180, CRLF, optional byte-order mark,
//! `,` or `;`, formula-like cells neutralised). Lists inside a cell are one item per line (LF).

mod annexes;
mod presets;

use annexes::*;
use presets::*;
pub use presets::{CNIL_HEADERS, ICO_HEADERS};

use super::describe as d;
use super::labels;
use super::{RecordDocument, RecordKind};
use crate::error::{Error, Result};
use crate::model::*;
pub use crate::sheet::is_formula_like;
use crate::sheet::{Quote, SheetOptions};
use std::io::Write;

/// Which table to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// The record itself: one row per activity (or processor service).
    #[default]
    Activities,
    /// Annex: processors and their Art. 28 agreements.
    Processors,
    /// Annex: transfers to third countries.
    Transfers,
    /// Annex: joint-controller arrangements.
    Joint,
}

/// Column preset of the activities table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// One column per item of Art. 30(1) (or 30(2)), in the document's language.
    #[default]
    Art30,
    /// The UK ICO controller documentation template (30 columns).
    Ico,
    /// The French CNIL register activity sheet (French headers).
    Cnil,
}

impl Preset {
    /// The presets of a record's activities table, the default first: the ICO and CNIL
    /// templates are for controllers, so the processor record has only ours.
    pub fn of_record(record: RecordKind) -> &'static [Preset] {
        match record {
            RecordKind::Controller => &[Preset::Art30, Preset::Ico, Preset::Cnil],
            RecordKind::Processor => &[Preset::Art30],
        }
    }

    /// The error for a preset the record has not ([`Preset::of_record`]).
    pub(crate) fn refused() -> Error {
        Error::BadOption {
            option: "preset".to_owned(),
            message: "The ICO and CNIL presets are controller templates; choose the Art. 30 preset for the processor record.".to_owned(),
            message_de: "Die Vorlagen von ICO und CNIL sind für Verantwortliche; wählen Sie für das Verzeichnis des Auftragsverarbeiters die Vorlage nach Art. 30.".to_owned(),
        }
    }
}

/// Options for Excel and LibreOffice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// Column preset of the activities table (annex tables have one layout).
    pub preset: Preset,
    /// Field delimiter: `,` or `;`.
    pub delimiter: u8,
    /// Write a UTF-8 byte-order mark first.
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            preset: Preset::Art30,
            delimiter: b',',
            bom: true,
        }
    }
}

/// Writes one table of the record as CSV to `out`.
///
/// Fails with an [`Error::Io`] of kind `InvalidInput` for a delimiter other than `,` or `;`, and
/// with [`Error::BadOption`] for a preset the record has not ([`Preset::of_record`]).
pub fn write(
    doc: &RecordDocument,
    table: Table,
    options: &CsvOptions,
    out: &mut impl Write,
) -> Result<()> {
    let invalid = |message: &str| {
        Err(Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            message.to_owned(),
        )))
    };
    if !matches!(options.delimiter, b',' | b';') {
        return invalid("the CSV delimiter must be `,` or `;`");
    }
    if table == Table::Activities
        && !Preset::of_record(doc.content.record).contains(&options.preset)
    {
        return Err(Preset::refused());
    }
    let sheet = SheetOptions {
        delimiter: options.delimiter,
        bom: options.bom,
        quote: Quote::Necessary,
    };
    crate::sheet::write(rows(doc, table, options.preset), &sheet, out)
}

/// The table as rows of cells, header first (before quoting and neutralisation).
pub fn rows(doc: &RecordDocument, table: Table, preset: Preset) -> Vec<Vec<String>> {
    match (table, doc.content.record) {
        (Table::Activities, RecordKind::Controller) => match preset {
            Preset::Art30 => art30(doc),
            Preset::Ico => ico(doc),
            Preset::Cnil => cnil(doc),
        },
        (Table::Activities, RecordKind::Processor) => services(doc),
        (Table::Processors, _) => processors(doc),
        (Table::Transfers, _) => transfers(doc),
        (Table::Joint, _) => joint(doc),
    }
}

fn lines(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join("\n")
}

fn or_not_recorded(doc: &RecordDocument, s: String) -> String {
    if s.is_empty() {
        doc.labels().not_recorded.to_owned()
    } else {
        s
    }
}

/// The columns of the Art30 preset.
fn art30_headers(doc: &RecordDocument) -> Vec<String> {
    let l = doc.labels();
    let rec = RecordKind::Controller;
    let c = |i: usize, title: &str| format!("{} – {title}", l.art30_citation(rec, i));
    vec![
        l.reference.to_owned(),
        l.activity.to_owned(),
        l.description.to_owned(),
        l.department.to_owned(),
        l.status.to_owned(),
        l.role.to_owned(),
        c(0, l.joint_controllers),
        c(1, l.purpose),
        c(1, l.legal_basis),
        c(2, l.data_subjects),
        c(2, l.personal_data),
        c(3, l.recipient),
        c(4, l.destination),
        c(4, l.mechanism),
        c(5, l.erasure),
        c(6, l.measure),
    ]
}

/// Joint controllers of an activity, one per line, with addresses.
fn joint_cell(doc: &RecordDocument, a: &Activity) -> String {
    let l = doc.labels();
    let ids = d::joint_controllers(a, doc);
    if ids.is_empty() {
        return if a.role == ActivityRole::JointController {
            l.not_recorded.to_owned()
        } else {
            l.sole_controller.to_owned()
        };
    }
    lines(ids.iter().map(|id| match doc.party(id) {
        Some(p) => d::party_line(p, doc),
        None => format!("[{id}]"),
    }))
}

fn recipients_cell(doc: &RecordDocument, a: &Activity) -> String {
    let l = doc.labels();
    if a.recipients.is_empty() {
        return if a.no_recipients {
            l.no_recipients.to_owned()
        } else {
            l.not_recorded.to_owned()
        };
    }
    lines(a.recipients.iter().map(|r| {
        let mut s = format!(
            "{} ({})",
            d::party_name(&r.party, doc),
            labels::recipient_role(r.role, doc.language)
        );
        if let Some(svc) = &r.service {
            s.push_str(&format!(" – {}", doc.local(svc)));
        }
        s
    }))
}

fn retention_cell(doc: &RecordDocument, a: &Activity) -> String {
    let l = doc.labels();
    let further = d::further_retention(a, doc)
        .into_iter()
        .map(|(what, rule)| format!("{what}: {rule}"));
    if a.data_categories.is_empty() {
        let own = a
            .retention
            .as_ref()
            .map_or_else(|| l.not_recorded.to_owned(), |r| d::retention(r, doc));
        return lines(std::iter::once(own).chain(further));
    }
    lines(
        a.data_categories
            .iter()
            .map(|x| {
                let name = d::data_category(&x.category, doc);
                match d::category_retention(a, x, doc) {
                    Some((rule, _)) => format!("{name}: {rule}"),
                    None => format!("{name}: {}", l.not_recorded),
                }
            })
            .chain(further),
    )
}

/// The activity's categories of data subjects, one per line.
fn subjects_cell(doc: &RecordDocument, a: &Activity) -> String {
    or_not_recorded(
        doc,
        lines(a.data_subjects.iter().map(|s| d::subject_category(s, doc))),
    )
}

/// The activity's categories of personal data (with their Art. 9/10 marking), one per line.
fn categories_cell(doc: &RecordDocument, a: &Activity) -> String {
    or_not_recorded(
        doc,
        lines(
            a.data_categories
                .iter()
                .map(|x| d::data_category(&x.category, doc)),
        ),
    )
}

/// Each purpose's legal basis, one per line.
fn bases_cell(doc: &RecordDocument, a: &Activity) -> String {
    or_not_recorded(
        doc,
        lines(a.purposes.iter().map(|p| d::purpose_basis(p, doc))),
    )
}

fn toms_cell(doc: &RecordDocument, toms: &[String]) -> String {
    or_not_recorded(doc, lines(toms.iter().map(|t| d::tom(t, doc))))
}

fn art30(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let lang = doc.language;
    let mut rows = vec![art30_headers(doc)];
    for a in &doc.content.activities {
        let transfers: Vec<&Transfer> = doc.transfers_of(&a.id).collect();
        let (dest, mech) = if transfers.is_empty() {
            (l.no_transfers.to_owned(), String::new())
        } else {
            (
                lines(transfers.iter().map(|t| {
                    format!(
                        "{}: {}",
                        d::destination(t, doc),
                        d::party_name(&t.party, doc)
                    )
                })),
                lines(transfers.iter().map(|t| d::transfer_mechanism(t, doc))),
            )
        };
        rows.push(vec![
            a.reference.clone(),
            doc.local(&a.name),
            a.description
                .as_ref()
                .map(|t| doc.local(t))
                .unwrap_or_default(),
            doc.local_opt(a.department.as_ref()),
            labels::activity_status(a.status, lang).to_owned(),
            labels::activity_role(a.role, lang).to_owned(),
            joint_cell(doc, a),
            or_not_recorded(
                doc,
                lines(a.purposes.iter().map(|p| doc.local(&p.description))),
            ),
            bases_cell(doc, a),
            subjects_cell(doc, a),
            categories_cell(doc, a),
            recipients_cell(doc, a),
            dest,
            mech,
            retention_cell(doc, a),
            toms_cell(doc, &a.toms),
        ]);
    }
    rows
}

fn services(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let rec = RecordKind::Processor;
    let c = |i: usize, title: &str| format!("{} – {title}", l.art30_citation(rec, i));
    let mut rows = vec![vec![
        l.id.to_owned(),
        l.service.to_owned(),
        l.description.to_owned(),
        c(0, l.processor),
        c(0, l.controller_served),
        c(0, l.controller_representative),
        c(0, l.controller_dpo),
        l.controller_agreement.to_owned(),
        c(1, l.processing_categories),
        c(2, l.destination),
        c(2, l.mechanism),
        c(3, l.measure),
    ]];
    let o = &doc.content.organisation;
    let mut processor = vec![o.legal_name.clone()];
    processor.extend(d::organisation_address(o, doc.german()));
    for s in &doc.content.services {
        let transfers: Vec<&Transfer> = doc.transfers_of(&s.id).collect();
        let nr = |v: &Option<String>| v.clone().unwrap_or_else(|| l.not_recorded.to_owned());
        rows.push(vec![
            s.id.clone(),
            doc.local(&s.name),
            doc.local_opt(s.description.as_ref()),
            lines(processor.clone()),
            match doc.party(&s.controller) {
                Some(p) => {
                    let mut v = vec![format!("{} [{}]", doc.party_label(p), p.id)];
                    v.extend(
                        d::party_contact(p, doc)
                            .into_iter()
                            .map(|(k, x)| format!("{k}: {x}")),
                    );
                    lines(v)
                }
                None => format!("[{}]", s.controller),
            },
            nr(&s.controller_representative),
            nr(&s.controller_dpo),
            nr(&s.agreement),
            or_not_recorded(
                doc,
                lines(s.processing_categories.iter().map(|c| doc.local(c))),
            ),
            if transfers.is_empty() {
                l.no_transfers.to_owned()
            } else {
                lines(transfers.iter().map(|t| {
                    format!(
                        "{}: {}",
                        d::destination(t, doc),
                        d::party_name(&t.party, doc)
                    )
                }))
            },
            lines(transfers.iter().map(|t| d::transfer_mechanism(t, doc))),
            toms_cell(doc, &s.toms),
        ]);
    }
    rows
}
