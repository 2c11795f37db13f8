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
            s.push_str(&format!(" – {svc}"));
        }
        s
    }))
}

fn retention_cell(doc: &RecordDocument, a: &Activity) -> String {
    let l = doc.labels();
    if a.data_categories.is_empty() {
        return a
            .retention
            .as_ref()
            .map_or_else(|| l.not_recorded.to_owned(), |r| d::retention(r, doc));
    }
    lines(a.data_categories.iter().map(|x| {
        let name = d::data_category(&x.category, doc);
        match d::category_retention(a, x, doc) {
            Some((rule, _)) => format!("{name}: {rule}"),
            None => format!("{name}: {}", l.not_recorded),
        }
    }))
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
            a.name.clone(),
            a.description.clone().unwrap_or_default(),
            a.department.clone().unwrap_or_default(),
            labels::activity_status(a.status, lang).to_owned(),
            labels::activity_role(a.role, lang).to_owned(),
            joint_cell(doc, a),
            or_not_recorded(doc, lines(a.purposes.iter().map(|p| p.description.clone()))),
            or_not_recorded(
                doc,
                lines(a.purposes.iter().map(|p| d::purpose_basis(p, doc))),
            ),
            or_not_recorded(
                doc,
                lines(a.data_subjects.iter().map(|s| d::subject_category(s, doc))),
            ),
            or_not_recorded(
                doc,
                lines(
                    a.data_categories
                        .iter()
                        .map(|x| d::data_category(&x.category, doc)),
                ),
            ),
            recipients_cell(doc, a),
            dest,
            mech,
            retention_cell(doc, a),
            toms_cell(doc, &a.toms),
        ]);
    }
    rows
}

/// Headers of the ICO controller template, in its order (as transcribed in gdpr.md §6).
pub const ICO_HEADERS: [&str; 30] = [
    "Business function",
    "Purpose of processing",
    "Joint controller name/contact",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Third countries/IOs",
    "Safeguards for exceptional transfers",
    "Retention schedule",
    "TOMs description",
    "Article 6 lawful basis",
    "Article 9 condition",
    "Legitimate interests",
    "Link to legitimate-interests assessment",
    "Rights available",
    "Automated decision-making/profiling",
    "Source of data",
    "Link to consent record",
    "Location of data",
    "DPIA required?",
    "DPIA progress",
    "Link to DPIA",
    "Breach occurred?",
    "Link to breach record",
    "DPA 2018 Sch. 1 condition",
    "Art. 6 basis (Sch. 1 block)",
    "Link to retention/erasure policy",
    "Retained/erased per policy?",
    "Reasons for not following the policy",
];

fn ico(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let lang = doc.language;
    let german = doc.german();
    let mut rows = vec![ICO_HEADERS.iter().map(|h| (*h).to_owned()).collect()];
    for a in &doc.content.activities {
        let transfers: Vec<&Transfer> = doc.transfers_of(&a.id).collect();
        let contracts = lines(a.recipients.iter().filter_map(|r| {
            if !matches!(
                r.role,
                RecipientRole::Processor | RecipientRole::SubProcessor
            ) {
                return None;
            }
            let agreements = doc.agreements_for(&r.party, &a.id);
            let name = d::party_name(&r.party, doc);
            Some(if agreements.is_empty() {
                format!("{name}: {}", l.no_agreement)
            } else {
                let parts: Vec<String> = agreements
                    .iter()
                    .map(|g| {
                        let mut s = labels::agreement_status(g.status, lang).to_owned();
                        if let Some(dt) = g.signed_on {
                            s.push_str(&format!(" {dt}"));
                        }
                        if let Some(doc_ref) = &g.document {
                            s.push_str(&format!(", {doc_ref}"));
                        }
                        s
                    })
                    .collect();
                format!("{name}: {}", parts.join("; "))
            })
        }));
        let mut purpose = vec![format!("{} {}", a.reference, a.name)];
        purpose.extend(a.purposes.iter().map(|p| p.description.clone()));
        let art9 = lines(a.purposes.iter().filter_map(|p| {
            p.art9_condition.map(|c| {
                let info = crate::reference::reference().art9(c);
                format!("{} – {}", info.citation(german), info.label(german))
            })
        }));
        let interests = lines(
            a.purposes
                .iter()
                .filter_map(|p| p.legitimate_interest.clone()),
        );
        let consent = lines(
            a.purposes
                .iter()
                .filter_map(|p| p.consent.as_ref().and_then(|c| c.obtained.clone())),
        );
        let locations = lines(a.recipients.iter().filter_map(|r| {
            r.location
                .as_ref()
                .map(|loc| format!("{}: {loc}", d::party_name(&r.party, doc)))
        }));
        let source = a.source.as_ref().map_or(String::new(), |s| {
            let mut v = if s.from_data_subject {
                l.from_subject
            } else {
                l.not_from_subject
            }
            .to_owned();
            if let Some(desc) = &s.description {
                v.push_str(&format!(": {desc}"));
            }
            v
        });
        let automated = a
            .automated_decision
            .as_ref()
            .map_or(String::new(), |x| x.description.clone());
        let dpia_required = labels::dpia_screening(a.dpia.screening, lang).to_owned();
        let dpia_status = a
            .dpia
            .status
            .map_or(String::new(), |s| labels::dpia_status(s, lang).to_owned());
        rows.push(vec![
            a.department.clone().unwrap_or_default(),
            lines(purpose),
            joint_cell(doc, a),
            or_not_recorded(
                doc,
                lines(a.data_subjects.iter().map(|s| d::subject_category(s, doc))),
            ),
            or_not_recorded(
                doc,
                lines(
                    a.data_categories
                        .iter()
                        .map(|x| d::data_category(&x.category, doc)),
                ),
            ),
            recipients_cell(doc, a),
            contracts,
            if transfers.is_empty() {
                l.no_transfers.to_owned()
            } else {
                lines(transfers.iter().map(|t| d::destination(t, doc)))
            },
            lines(transfers.iter().map(|t| d::transfer_mechanism(t, doc))),
            retention_cell(doc, a),
            toms_cell(doc, &a.toms),
            or_not_recorded(
                doc,
                lines(a.purposes.iter().map(|p| d::purpose_basis(p, doc))),
            ),
            art9,
            interests,
            String::new(),
            a.rights_info.clone().unwrap_or_default(),
            automated,
            source,
            consent,
            locations,
            dpia_required,
            dpia_status,
            a.dpia.reference.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    rows
}

/// Headers of the CNIL preset (fields of the CNIL "registre" activity sheet).
pub const CNIL_HEADERS: [&str; 18] = [
    "Référence",
    "Nom du traitement",
    "Date de création",
    "Dernière mise à jour",
    "Responsable(s) conjoint(s)",
    "Nom du logiciel ou de l'application",
    "Finalité(s) du traitement",
    "Base(s) légale(s)",
    "Catégories de personnes concernées",
    "Catégories de données collectées",
    "Données sensibles",
    "Durées de conservation",
    "Destinataires internes",
    "Organismes externes",
    "Sous-traitants",
    "Transferts hors UE",
    "Pays ou organisations destinataires et garanties",
    "Mesures de sécurité",
];

fn cnil(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let mut rows = vec![CNIL_HEADERS.iter().map(|h| (*h).to_owned()).collect()];
    for a in &doc.content.activities {
        let transfers: Vec<&Transfer> = doc.transfers_of(&a.id).collect();
        let (created, updated) = doc
            .activity_dates
            .get(&a.id)
            .map(|(c, u)| {
                (
                    c.get(..10).unwrap_or(c).to_owned(),
                    u.get(..10).unwrap_or(u).to_owned(),
                )
            })
            .unwrap_or_default();
        let mut services: Vec<String> = Vec::new();
        for r in &a.recipients {
            if let Some(s) = &r.service
                && !services.contains(s)
            {
                services.push(s.clone());
            }
        }
        let sensitive: Vec<String> = a
            .data_categories
            .iter()
            .filter(|x| {
                doc.data_category(&x.category)
                    .is_some_and(|c| c.special.is_some() || c.criminal)
            })
            .map(|x| d::data_category(&x.category, doc))
            .collect();
        let by_roles = |roles: &[RecipientRole]| {
            lines(
                a.recipients
                    .iter()
                    .filter(|r| roles.contains(&r.role))
                    .map(|r| {
                        let mut s = d::party_name(&r.party, doc);
                        if let Some(svc) = &r.service {
                            s.push_str(&format!(" – {svc}"));
                        }
                        s
                    }),
            )
        };
        rows.push(vec![
            a.reference.clone(),
            a.name.clone(),
            created,
            updated,
            joint_cell(doc, a),
            lines(services),
            or_not_recorded(doc, lines(a.purposes.iter().map(|p| p.description.clone()))),
            or_not_recorded(
                doc,
                lines(a.purposes.iter().map(|p| d::purpose_basis(p, doc))),
            ),
            or_not_recorded(
                doc,
                lines(a.data_subjects.iter().map(|s| d::subject_category(s, doc))),
            ),
            or_not_recorded(
                doc,
                lines(
                    a.data_categories
                        .iter()
                        .map(|x| d::data_category(&x.category, doc)),
                ),
            ),
            if sensitive.is_empty() {
                l.no.to_owned()
            } else {
                format!("{}\n{}", l.yes, lines(sensitive))
            },
            retention_cell(doc, a),
            by_roles(&[RecipientRole::Other]),
            by_roles(&[
                RecipientRole::JointController,
                RecipientRole::IndependentController,
                RecipientRole::GroupCompany,
                RecipientRole::PublicAuthority,
                RecipientRole::Unspecified,
            ]),
            by_roles(&[RecipientRole::Processor, RecipientRole::SubProcessor]),
            if transfers.is_empty() { l.no } else { l.yes }.to_owned(),
            lines(transfers.iter().map(|t| {
                format!(
                    "{} ({}): {}",
                    d::destination(t, doc),
                    d::party_name(&t.party, doc),
                    d::transfer_mechanism(t, doc)
                )
            })),
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
            s.name.clone(),
            s.description.clone().unwrap_or_default(),
            lines(processor.clone()),
            match doc.party(&s.controller) {
                Some(p) => {
                    let mut v = vec![format!("{} [{}]", p.name, p.id)];
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
            or_not_recorded(doc, lines(s.processing_categories.iter().cloned())),
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

fn processors(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let lang = doc.language;
    let mut rows = vec![vec![
        l.id.to_owned(),
        l.processor.to_owned(),
        l.address.to_owned(),
        l.country.to_owned(),
        l.email.to_owned(),
        l.engaged_by.to_owned(),
        l.used_in.to_owned(),
        l.agreement.to_owned(),
        l.status.to_owned(),
        d::capitalise(l.signed_on),
        l.document.to_owned(),
        l.subject_matter.to_owned(),
        format!("{} – {}", l.clauses, l.clauses_present),
        format!("{} – {}", l.clauses, l.clauses_missing),
        l.subprocessors.to_owned(),
    ]];
    for p in doc.processors() {
        let used = doc
            .activities_using_party(&p.id)
            .iter()
            .map(|a| a.reference.clone())
            .collect::<Vec<_>>()
            .join(", ");
        let base = vec![
            p.id.clone(),
            p.name.clone(),
            p.address.clone().unwrap_or_default(),
            p.country
                .as_deref()
                .map(|c| d::country(c, doc.german()))
                .unwrap_or_default(),
            p.email.clone().unwrap_or_default(),
            p.parent
                .as_deref()
                .map(|x| d::party_name(x, doc))
                .unwrap_or_default(),
            used,
        ];
        let agreements: Vec<&Agreement> = doc.agreements_with(&p.id).collect();
        if agreements.is_empty() {
            let mut row = base;
            row.push(l.no_agreement.to_owned());
            row.extend(std::iter::repeat_n(String::new(), 7));
            rows.push(row);
            continue;
        }
        for g in agreements {
            let (present, missing) = d::clauses(&g.checklist, l);
            let mut row = base.clone();
            row.extend([
                g.id.clone(),
                labels::agreement_status(g.status, lang).to_owned(),
                g.signed_on.map(|x| x.to_string()).unwrap_or_default(),
                g.document.clone().unwrap_or_default(),
                g.subject_matter.clone().unwrap_or_default(),
                lines(present.iter().map(|s| (*s).to_owned())),
                lines(missing.iter().map(|s| (*s).to_owned())),
                g.subprocessors
                    .map_or(l.not_recorded, |s| labels::subprocessors(s, lang))
                    .to_owned(),
            ]);
            rows.push(row);
        }
    }
    rows
}

fn transfers(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let mut rows = vec![vec![
        l.reference.to_owned(),
        l.activity.to_owned(),
        l.importer.to_owned(),
        format!("{} (ISO 3166)", l.country),
        l.destination.to_owned(),
        l.mechanism.to_owned(),
        d::capitalise(l.repetitive),
        l.tia.to_owned(),
        l.copy_available.to_owned(),
        l.transfer_as_stated.to_owned(),
    ]];
    let mut list: Vec<&Transfer> = doc.content.transfers.iter().collect();
    list.sort_by_cached_key(|t| {
        (
            t.country.is_none() && t.international_organisation.is_none(),
            d::destination(t, doc),
            d::transfer_mechanism(t, doc),
        )
    });
    for t in list {
        let (reference, name) = match t.activity.as_deref().and_then(|id| doc.activity(id)) {
            Some(a) => (a.reference.clone(), a.name.clone()),
            None => match t
                .service
                .as_deref()
                .and_then(|id| doc.content.services.iter().find(|s| s.id == id))
            {
                Some(s) => (s.id.clone(), s.name.clone()),
                None => (String::new(), String::new()),
            },
        };
        let tia = t.tia.as_ref().map_or(String::new(), |x| {
            let mut s = if x.done { l.yes } else { l.no }.to_owned();
            if let Some(dt) = x.date {
                s.push_str(&format!(" ({dt})"));
            }
            if let Some(m) = &x.supplementary_measures {
                s.push_str(&format!("; {}: {m}", l.supplementary));
            }
            s
        });
        rows.push(vec![
            reference,
            name,
            d::party_name(&t.party, doc),
            t.country.clone().unwrap_or_default(),
            d::destination(t, doc),
            d::transfer_mechanism(t, doc),
            if t.repetitive { l.yes } else { l.no }.to_owned(),
            tia,
            t.copy_available.clone().unwrap_or_default(),
            t.as_stated.clone().unwrap_or_default(),
        ]);
    }
    rows
}

fn joint(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let lang = doc.language;
    let mut rows = vec![vec![
        l.id.to_owned(),
        l.title_field.to_owned(),
        l.partners.to_owned(),
        l.activities_field.to_owned(),
        l.joint_scope.to_owned(),
        l.information_duty.to_owned(),
        l.requests_handled_by.to_owned(),
        l.responsibilities.to_owned(),
        l.contact_point.to_owned(),
        l.essence.to_owned(),
        d::capitalise(l.signed_on),
    ]];
    for j in &doc.content.joint_arrangements {
        let mut essence = Vec::new();
        essence.extend(j.essence_url.clone());
        essence.extend(j.essence_text.clone());
        rows.push(vec![
            j.id.clone(),
            j.title.clone(),
            lines(j.parties.iter().map(|p| match doc.party(p) {
                Some(p) => d::party_line(p, doc),
                None => format!("[{p}]"),
            })),
            lines(j.activities.iter().map(|id| {
                doc.activity(id).map_or_else(
                    || format!("[{id}]"),
                    |a| format!("{} {}", a.reference, a.name),
                )
            })),
            j.scope.clone().unwrap_or_default(),
            j.information_duty
                .map_or(String::new(), |x| labels::joint_duty(x, lang).to_owned()),
            j.requests_handled_by
                .map_or(String::new(), |x| labels::joint_duty(x, lang).to_owned()),
            j.responsibilities.clone().unwrap_or_default(),
            j.contact_point.clone().unwrap_or_default(),
            lines(essence),
            j.signed_on.map(|x| x.to_string()).unwrap_or_default(),
        ]);
    }
    rows
}
