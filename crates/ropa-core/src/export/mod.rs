//! Art. 30 record exports: the auditor-grade PDF and the spreadsheet-safe CSV tables.
//!
//! Both formats render from one [`RecordDocument`], built once from the [`Store`] by
//! [`RecordDocument::build`]: the facts of the chosen record (controller, Art. 30(1), or
//! processor, Art. 30(2)) for the whole register or a selection of activities, with every party,
//! agreement, arrangement, transfer, category and measure they refer to. Texts that both formats
//! print (legal bases, retention rules, transfer mechanisms, …) come from [`describe`], labels in
//! English and German from [`labels`].
//!
//! The document carries a SHA-256 over a canonical JSON serialisation of its facts
//! ([`RecordContent`]): record metadata (timestamps, revisions) and internal notes are left out,
//! so the digest depends only on what the document states — not on language, layout or export
//! date. Exporters write to any [`std::io::Write`]:
//!
//! ```no_run
//! # fn main() -> ropa_core::Result<()> {
//! use ropa_core::export::{ExportOptions, RecordDocument, RecordKind, csv, pdf};
//! use ropa_core::model::Language;
//! let store = ropa_core::Store::open(std::path::Path::new("client.ropa"))?;
//! let doc = RecordDocument::build(&store, &ExportOptions::new(RecordKind::Controller, Language::De))?;
//! pdf::write(&doc, &mut std::fs::File::create("vvt.pdf")?)?;
//! csv::write(&doc, csv::Table::Activities, &csv::CsvOptions::default(), &mut std::io::stdout())?;
//! # Ok(()) }
//! ```

pub mod csv;
pub mod describe;
pub mod labels;
mod lookup;
pub mod pdf;

use crate::error::{Error, Result};
use crate::model::*;
use crate::store::Store;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};

/// Which Art. 30 record to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// The controller's record, Art. 30(1): one section per processing activity.
    #[default]
    Controller,
    /// The processor's record, Art. 30(2): one section per processor service.
    Processor,
}

/// What to export and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Controller or processor record.
    pub record: RecordKind,
    /// Activities (controller record: id or reference code) or processor services (id) to
    /// include; empty for the whole register.
    pub selection: Vec<String>,
    /// Document language.
    pub language: Language,
    /// The date printed as export date (inject a fixed date for reproducible files).
    pub export_date: Date,
}

impl ExportOptions {
    /// The whole record in `language`, dated today.
    pub fn new(record: RecordKind, language: Language) -> ExportOptions {
        ExportOptions {
            record,
            selection: Vec::new(),
            language,
            export_date: Date::today(),
        }
    }
}

/// The facts a record shows; serialised canonically for the digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordContent {
    /// Identifies this serialisation (changes if the digest's input changes shape).
    pub format: &'static str,
    /// Controller or processor record.
    pub record: RecordKind,
    /// The organisation keeping the register.
    pub organisation: Organisation,
    /// Activities in the record (controller record), in register order.
    pub activities: Vec<Activity>,
    /// Services in the record (processor record).
    pub services: Vec<ProcessorService>,
    /// Every party the record refers to (the whole register's parties for a full export).
    pub parties: Vec<Party>,
    /// Art. 28 agreements with the processors the record refers to.
    pub agreements: Vec<Agreement>,
    /// Art. 26 arrangements covering the activities.
    pub joint_arrangements: Vec<JointArrangement>,
    /// Chapter V transfers of the activities or services.
    pub transfers: Vec<Transfer>,
    /// Data categories the activities use.
    pub data_categories: Vec<DataCategory>,
    /// Data-subject categories the activities use.
    pub subject_categories: Vec<SubjectCategory>,
    /// Measures the activities or services use.
    pub toms: Vec<Tom>,
}

/// Identifier of the digest input format.
pub const CONTENT_FORMAT: &str = "ropa-desk-art30-record/1";

/// An Art. 30 record ready to render: facts, document metadata and lookups.
#[derive(Debug, Clone)]
pub struct RecordDocument {
    /// The facts.
    pub content: RecordContent,
    /// Language of the document.
    pub language: Language,
    /// Export date printed on the document.
    pub export_date: Date,
    /// The register's id.
    pub register_id: String,
    /// The register's revision at export.
    pub revision: i64,
    /// Whether the whole register (rather than a selection) is exported.
    pub whole_register: bool,
    /// SHA-256 of the canonical JSON of [`RecordDocument::content`], lower-case hex.
    pub sha256: String,
    /// Creation and last-change timestamps of the activities, by id (not part of the digest).
    pub activity_dates: HashMap<String, (String, String)>,
    index: Index,
}

#[derive(Debug, Clone, Default)]
struct Index {
    parties: HashMap<String, usize>,
    data_categories: HashMap<String, usize>,
    subject_categories: HashMap<String, usize>,
    toms: HashMap<String, usize>,
    activities: HashMap<String, usize>,
    transfers_by_owner: HashMap<String, Vec<usize>>,
    joint_by_activity: HashMap<String, Vec<usize>>,
    agreements_by_party: HashMap<String, Vec<usize>>,
}

fn strip<T: RecordMeta>(mut record: T) -> T {
    record.set_meta(String::new(), String::new(), 0);
    record
}

impl RecordDocument {
    /// Reads the record described by `options` from `store`.
    ///
    /// Fails with [`Error::NotFound`] when a selected activity or service does not exist, and
    /// with [`Error::Invalid`] when a processor record is asked of an organisation that neither
    /// is marked as processor nor has processor services.
    pub fn build(store: &Store, options: &ExportOptions) -> Result<RecordDocument> {
        let info = store.info()?;
        let mut organisation = strip(store.organisation()?);
        organisation.notes = None;
        let all_activities: Vec<Activity> = store.list()?;
        let all_services: Vec<ProcessorService> = store.list()?;
        let all_parties: Vec<Party> = store.list()?;
        let all_agreements: Vec<Agreement> = store.list()?;
        let all_joint: Vec<JointArrangement> = store.list()?;
        let all_transfers: Vec<Transfer> = store.list()?;
        let all_data: Vec<DataCategory> = store.list()?;
        let all_subjects: Vec<SubjectCategory> = store.list()?;
        let all_toms: Vec<Tom> = store.list()?;
        let whole = options.selection.is_empty();

        let activity_dates = all_activities
            .iter()
            .map(|a| (a.id.clone(), (a.created_at.clone(), a.updated_at.clone())))
            .collect();

        let mut activities = Vec::new();
        let mut services = Vec::new();
        match options.record {
            RecordKind::Controller => {
                let wanted = select(
                    &options.selection,
                    &all_activities,
                    |a: &Activity, key| a.id == key,
                    |a: &Activity, key| a.reference == key,
                    Entity::Activity,
                )?;
                activities = all_activities
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| whole || wanted.contains(i))
                    .map(|(_, a)| a)
                    .collect();
            }
            RecordKind::Processor => {
                if !organisation.is_processor && all_services.is_empty() {
                    return Err(Error::invalid(
                        Entity::Organisation,
                        ORGANISATION_ID,
                        "is_processor",
                        "the organisation is not recorded as a processor and has no processor services, so it has no Art. 30(2) record; set `is_processor` or add processor services",
                        "die Organisation ist nicht als Auftragsverarbeiter gekennzeichnet und hat keine Auftragsverarbeitungen, also kein Verzeichnis nach Art. 30 Abs. 2; kennzeichnen Sie sie als Auftragsverarbeiter (`is_processor`) oder erfassen Sie Auftragsverarbeitungen",
                    ));
                }
                let wanted = select(
                    &options.selection,
                    &all_services,
                    |s: &ProcessorService, key| s.id == key,
                    |s: &ProcessorService, key| s.name.texts().contains(&key),
                    Entity::ProcessorService,
                )?;
                services = all_services
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| whole || wanted.contains(i))
                    .map(|(_, s)| s)
                    .collect();
            }
        }

        let activity_ids: BTreeSet<&str> = activities.iter().map(|a| a.id.as_str()).collect();
        let service_ids: BTreeSet<&str> = services.iter().map(|s| s.id.as_str()).collect();

        let transfers: Vec<Transfer> = all_transfers
            .into_iter()
            .filter(|t| {
                t.activity
                    .as_deref()
                    .is_some_and(|a| activity_ids.contains(a))
                    || t.service
                        .as_deref()
                        .is_some_and(|s| service_ids.contains(s))
            })
            .collect();
        let joint_arrangements: Vec<JointArrangement> = match options.record {
            RecordKind::Controller => all_joint
                .into_iter()
                .filter(|j| {
                    j.activities
                        .iter()
                        .any(|a| activity_ids.contains(a.as_str()))
                        || (whole && j.activities.is_empty())
                })
                .collect(),
            RecordKind::Processor => Vec::new(),
        };

        // Parties the record refers to.
        let mut party_ids: BTreeSet<String> = BTreeSet::new();
        for a in &activities {
            party_ids.extend(a.recipients.iter().map(|r| r.party.clone()));
        }
        for s in &services {
            party_ids.insert(s.controller.clone());
        }
        party_ids.extend(transfers.iter().map(|t| t.party.clone()));
        for j in &joint_arrangements {
            party_ids.extend(j.parties.iter().cloned());
        }
        let agreements: Vec<Agreement> = match options.record {
            RecordKind::Controller => all_agreements
                .into_iter()
                .filter(|g| {
                    whole
                        || g.activities
                            .iter()
                            .any(|a| activity_ids.contains(a.as_str()))
                        || (g.activities.is_empty() && party_ids.contains(&g.party))
                })
                .collect(),
            RecordKind::Processor => Vec::new(),
        };
        party_ids.extend(agreements.iter().map(|g| g.party.clone()));
        // Parents (the processors that engage sub-processors), transitively.
        let by_id: HashMap<&str, &Party> = all_parties.iter().map(|p| (p.id.as_str(), p)).collect();
        let mut frontier: Vec<String> = party_ids.iter().cloned().collect();
        while let Some(id) = frontier.pop() {
            if let Some(parent) = by_id.get(id.as_str()).and_then(|p| p.parent.clone())
                && party_ids.insert(parent.clone())
            {
                frontier.push(parent);
            }
        }
        let include_all_parties = whole && options.record == RecordKind::Controller;
        let parties: Vec<Party> = all_parties
            .into_iter()
            .filter(|p| include_all_parties || party_ids.contains(&p.id))
            .map(|mut p| {
                p.notes = None;
                strip(p)
            })
            .collect();

        let mut data_ids = BTreeSet::new();
        let mut subject_ids = BTreeSet::new();
        let mut tom_ids = BTreeSet::new();
        for a in &activities {
            data_ids.extend(a.data_categories.iter().map(|d| d.category.as_str()));
            subject_ids.extend(a.data_subjects.iter().map(String::as_str));
            tom_ids.extend(a.toms.iter().map(String::as_str));
        }
        for s in &services {
            tom_ids.extend(s.toms.iter().map(String::as_str));
        }
        let data_categories: Vec<DataCategory> = all_data
            .into_iter()
            .filter(|d| data_ids.contains(d.id.as_str()))
            .map(strip)
            .collect();
        let subject_categories: Vec<SubjectCategory> = all_subjects
            .into_iter()
            .filter(|d| subject_ids.contains(d.id.as_str()))
            .map(strip)
            .collect();
        let toms: Vec<Tom> = all_toms
            .into_iter()
            .filter(|d| tom_ids.contains(d.id.as_str()))
            .map(strip)
            .collect();

        let content = RecordContent {
            format: CONTENT_FORMAT,
            record: options.record,
            organisation,
            activities: activities
                .into_iter()
                .map(|mut a| {
                    // Notes are internal unless the record prints them: then they are facts
                    // of the document like any other.
                    if !a.notes_in_record {
                        a.notes = None;
                    }
                    strip(a)
                })
                .collect(),
            services: services
                .into_iter()
                .map(|mut s| {
                    s.notes = None;
                    strip(s)
                })
                .collect(),
            parties,
            agreements: agreements
                .into_iter()
                .map(|mut g| {
                    g.notes = None;
                    strip(g)
                })
                .collect(),
            joint_arrangements: joint_arrangements
                .into_iter()
                .map(|mut j| {
                    j.notes = None;
                    strip(j)
                })
                .collect(),
            transfers: transfers
                .into_iter()
                .map(|mut t| {
                    t.notes = None;
                    strip(t)
                })
                .collect(),
            data_categories,
            subject_categories,
            toms,
        };
        Ok(RecordDocument::from_content(
            content,
            options,
            info.register_id,
            info.revision,
            whole,
            activity_dates,
        ))
    }

    fn from_content(
        content: RecordContent,
        options: &ExportOptions,
        register_id: String,
        revision: i64,
        whole_register: bool,
        activity_dates: HashMap<String, (String, String)>,
    ) -> RecordDocument {
        let canonical = serde_json::to_vec(&content).expect("record content serialises");
        let sha256 = hex(&Sha256::digest(&canonical));
        let mut index = Index::default();
        let positions = |ids: Vec<&str>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.to_owned(), i))
                .collect()
        };
        index.parties = positions(content.parties.iter().map(|p| p.id.as_str()).collect());
        index.data_categories = positions(
            content
                .data_categories
                .iter()
                .map(|p| p.id.as_str())
                .collect(),
        );
        index.subject_categories = positions(
            content
                .subject_categories
                .iter()
                .map(|p| p.id.as_str())
                .collect(),
        );
        index.toms = positions(content.toms.iter().map(|p| p.id.as_str()).collect());
        index.activities = positions(content.activities.iter().map(|p| p.id.as_str()).collect());
        for (i, t) in content.transfers.iter().enumerate() {
            if let Some(owner) = t.activity.as_ref().or(t.service.as_ref()) {
                index
                    .transfers_by_owner
                    .entry(owner.clone())
                    .or_default()
                    .push(i);
            }
        }
        for (i, j) in content.joint_arrangements.iter().enumerate() {
            for a in &j.activities {
                index
                    .joint_by_activity
                    .entry(a.clone())
                    .or_default()
                    .push(i);
            }
        }
        for (i, g) in content.agreements.iter().enumerate() {
            index
                .agreements_by_party
                .entry(g.party.clone())
                .or_default()
                .push(i);
        }
        RecordDocument {
            content,
            language: options.language,
            export_date: options.export_date,
            register_id,
            revision,
            whole_register,
            sha256,
            activity_dates,
            index,
        }
    }
}

fn select<T>(
    keys: &[String],
    records: &[T],
    by_id: impl Fn(&T, &str) -> bool,
    by_alias: impl Fn(&T, &str) -> bool,
    entity: Entity,
) -> Result<BTreeSet<usize>> {
    let mut wanted = BTreeSet::new();
    for key in keys {
        // Ids win over reference codes / names (as in `Store::find_activity`).
        let found = records
            .iter()
            .position(|r| by_id(r, key))
            .or_else(|| records.iter().position(|r| by_alias(r, key)))
            .ok_or_else(|| Error::NotFound {
                entity,
                id: key.clone(),
            })?;
        wanted.insert(found);
    }
    Ok(wanted)
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
