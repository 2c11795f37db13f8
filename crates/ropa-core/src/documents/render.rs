//! Reading a document's facts from the register ([`prepare`]) and laying it out
//! ([`Prepared::render`]).

use super::{Document, DocumentRequest, Format, Table};
use crate::checks::{self, CheckOptions, Finding, Summary, report};
use crate::error::Error;
use crate::export::{self, ExportOptions, RecordDocument, RecordKind};
use crate::model::{Date, Entity, Language};
use crate::notice::{self, Gap, Mode, Notice, NoticeError, NoticeOptions};
use crate::store::Store;
use serde::Serialize;

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The request or the register was refused (bad option, unknown activity, unprintable
    /// character, file error, …).
    #[error(transparent)]
    Core(#[from] Error),
    /// A final notice was asked for while required facts are missing from the register.
    #[error(
        "the notice cannot be final: {} required facts are missing from the register",
        .gaps.len()
    )]
    Incomplete {
        /// Every missing fact.
        gaps: Vec<Gap>,
        /// The notice's language (the one to list the gaps in).
        language: Language,
    },
}

impl DocumentError {
    /// Stable machine-readable code (`notice_incomplete`, or the core error's code).
    pub fn code(&self) -> &'static str {
        match self {
            DocumentError::Core(e) => e.code(),
            DocumentError::Incomplete { .. } => "notice_incomplete",
        }
    }

    /// The message in German.
    pub fn message_de(&self) -> String {
        match self {
            DocumentError::Core(e) => e.message_de(),
            DocumentError::Incomplete { gaps, .. } => {
                NoticeError::Incomplete { gaps: gaps.clone() }.message_de()
            }
        }
    }
}

impl From<std::io::Error> for DocumentError {
    fn from(e: std::io::Error) -> DocumentError {
        DocumentError::Core(Error::Io(e))
    }
}

impl DocumentError {
    fn of_notice(e: NoticeError, language: Language) -> DocumentError {
        match e {
            NoticeError::Incomplete { gaps } => DocumentError::Incomplete { gaps, language },
            NoticeError::Store(e) => DocumentError::Core(e),
            NoticeError::UnknownActivity(id) => DocumentError::Core(Error::NotFound {
                entity: Entity::Activity,
                id,
            }),
            e @ NoticeError::NotPublic(_) => DocumentError::Core(Error::BadOption {
                option: super::DocOption::Selection.name().to_owned(),
                message_de: e.message_de(),
                message: e.to_string(),
            }),
        }
    }
}

/// Something the reader of a document should know: a fact the notice still misses, a sentence
/// override that found no section. In the document's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Warning {
    /// The section concerned (`general:controller`, an activity id).
    pub section: String,
    /// What is wrong.
    pub message: String,
}

/// What a rendered document states about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Facts {
    /// The document's language.
    #[cfg_attr(feature = "ts", ts(type = "\"en\" | \"de\""))]
    pub language: Language,
    /// Activities or services (records), sections (notice) or findings (checks report).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub items: usize,
    /// The register's revision it was read at.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub revision: i64,
    /// Records: SHA-256 of the record's content (see [`crate::export`]).
    pub sha256: Option<String>,
}

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// What the reader should know (the notice's missing facts).
    pub warnings: Vec<Warning>,
    /// What the document states about itself.
    pub facts: Facts,
}

/// A document's facts read from the register, ready to lay out.
#[derive(Debug, Clone)]
pub struct Prepared {
    request: DocumentRequest,
    language: Language,
    revision: i64,
    content: Content,
}

#[derive(Debug, Clone)]
enum Content {
    Record(Box<RecordDocument>),
    Notice(Box<Notice>),
    Checks {
        findings: Vec<Finding>,
        info: report::pdf::ReportInfo,
    },
}

/// Checks `request` ([`DocumentRequest::check`]) and reads what the document states from
/// `store`. Fails with [`Error::BadOption`] for a request the documents cannot honour,
/// [`Error::NotFound`] for a selected activity that does not exist, and
/// [`DocumentError::Incomplete`] for a final notice of a register that lacks facts.
pub fn prepare(store: &Store, request: &DocumentRequest) -> Result<Prepared, DocumentError> {
    request.check()?;
    let language = match request.language {
        Some(language) => language,
        None => store.organisation()?.language,
    };
    let revision = store.info()?.revision;
    let content = match request.document {
        Document::ControllerRecord | Document::ProcessorRecord => {
            let options = ExportOptions {
                record: if request.document == Document::ControllerRecord {
                    RecordKind::Controller
                } else {
                    RecordKind::Processor
                },
                selection: request.selection.clone(),
                language,
                export_date: request.export_date.unwrap_or_else(Date::today),
            };
            Content::Record(Box::new(RecordDocument::build(store, &options)?))
        }
        Document::Notice => {
            let options = NoticeOptions {
                language,
                mode: if request.final_notice {
                    Mode::Final
                } else {
                    Mode::Draft
                },
                activities: request.selection.clone(),
                version_date: request.version_date,
            };
            let notice = notice::build_from_store(store, &options)
                .map_err(|e| DocumentError::of_notice(e, language))?;
            Content::Notice(Box::new(notice))
        }
        Document::ChecksReport => {
            let mut options = CheckOptions::on(request.check_date.unwrap_or_else(Date::today));
            if let Some(days) = request.dpf_max_age_days {
                options.dpf_max_age_days = days;
            }
            Content::Checks {
                findings: checks::check_store(store, &options)?,
                info: report::pdf::ReportInfo {
                    organisation: store.organisation()?.legal_name,
                    checked_on: options.today,
                    revision,
                },
            }
        }
    };
    Ok(Prepared {
        request: request.clone(),
        language,
        revision,
        content,
    })
}

/// Checks `request`, reads the document from `store` and lays it out.
pub fn render(store: &Store, request: &DocumentRequest) -> Result<Rendered, DocumentError> {
    prepare(store, request)?.render()
}

impl Prepared {
    /// The document's language (the request's, else the organisation's).
    pub fn language(&self) -> Language {
        self.language
    }

    /// The record, when the document is one.
    pub fn record(&self) -> Option<&RecordDocument> {
        match &self.content {
            Content::Record(doc) => Some(doc),
            _ => None,
        }
    }

    /// The notice, when the document is one.
    pub fn notice(&self) -> Option<&Notice> {
        match &self.content {
            Content::Notice(notice) => Some(notice),
            _ => None,
        }
    }

    /// The findings and their count by severity, when the document is the checks report.
    pub fn findings(&self) -> Option<(&[Finding], Summary)> {
        match &self.content {
            Content::Checks { findings, .. } => Some((findings, Summary::of(findings))),
            _ => None,
        }
    }

    /// What the reader should know: the notice's missing facts and overrides that found no
    /// section.
    pub fn warnings(&self) -> Vec<Warning> {
        let Some(notice) = self.notice() else {
            return Vec::new();
        };
        let gaps = notice.warnings.iter().map(|gap| Warning {
            section: gap.section.clone(),
            message: gap.message(self.language).to_owned(),
        });
        let overrides = notice.unused_overrides.iter().map(|o| Warning {
            section: o.section.clone(),
            message: match self.language {
                Language::En => format!(
                    "the override of sentence `{}` was not applied: there is no such section",
                    o.sentence
                ),
                Language::De => format!(
                    "die eigene Fassung des Satzes `{}` wurde nicht verwendet: diesen Abschnitt gibt es nicht",
                    o.sentence
                ),
            },
        });
        gaps.chain(overrides).collect()
    }

    /// What the document states about itself.
    pub fn facts(&self) -> Facts {
        let (items, sha256) = match &self.content {
            Content::Record(doc) => (
                match doc.content.record {
                    RecordKind::Controller => doc.content.activities.len(),
                    RecordKind::Processor => doc.content.services.len(),
                },
                Some(doc.sha256.clone()),
            ),
            Content::Notice(notice) => (notice.sections.len(), None),
            Content::Checks { findings, .. } => (findings.len(), None),
        };
        Facts {
            language: self.language,
            items,
            revision: self.revision,
            sha256,
        }
    }

    /// Lays the document out in the requested format.
    pub fn render(&self) -> Result<Rendered, DocumentError> {
        let request = &self.request;
        let bytes = match (&self.content, request.format) {
            (Content::Record(doc), Format::Pdf) => export::pdf::to_bytes(doc)?,
            (Content::Record(doc), Format::Csv) => {
                let options = export::csv::CsvOptions {
                    preset: request.preset.unwrap_or_default(),
                    delimiter: request.delimiter.unwrap_or_default().byte(),
                    bom: request.bom.unwrap_or(true),
                };
                let mut out = Vec::new();
                let table = request.table.unwrap_or(Table::Activities);
                export::csv::write(doc, table, &options, &mut out)?;
                out
            }
            (Content::Notice(notice), Format::Pdf) => notice::pdf::to_bytes(notice)?,
            (Content::Notice(notice), Format::Markdown) => {
                (notice::markdown::render(notice) + "\n").into_bytes()
            }
            (Content::Notice(notice), Format::Html) => notice::html::render(notice).into_bytes(),
            (Content::Notice(notice), Format::Csv) => notice::csv::render(notice).into_bytes(),
            (Content::Checks { findings, info }, Format::Pdf) => {
                report::pdf::to_bytes(findings, info, self.language)?
            }
            (Content::Checks { findings, .. }, Format::Csv) => report::csv(findings, self.language),
            // `prepare` checked the request against `choices`, which offers none of these.
            (_, format) => {
                return Err(DocumentError::Core(Error::BadOption {
                    option: "format".to_owned(),
                    message: format!("this document has no {} form", format.label()),
                    message_de: format!("dieses Dokument gibt es nicht als {}", format.label()),
                }));
            }
        };
        Ok(Rendered {
            bytes,
            warnings: self.warnings(),
            facts: self.facts(),
        })
    }
}
