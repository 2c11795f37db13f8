//! The documents a register turns into, in one place: which documents exist, in which formats,
//! with which options, which combinations are valid, what the file is called, and how it is
//! rendered.
//!
//! The CLI (`ropa export --format pdf|csv`, `ropa notice`, `ropa check --format csv|pdf`) and the
//! desktop app (the export screen and the notice preview) both describe what they want as a
//! [`DocumentRequest`] and call [`render`] (or [`prepare`] then [`Prepared::render`], which reads
//! the register first and lays the document out after, so a caller holding a lock on the store
//! can release it in between). The app asks [`choices`] which documents, formats and options to
//! offer, so no caller keeps its own copy of a rule such as "the ICO and CNIL presets are for the
//! controller record only".
//!
//! ```no_run
//! # fn main() -> Result<(), ropa_core::documents::DocumentError> {
//! use ropa_core::documents::{self, Document, DocumentRequest, Format};
//! let store = ropa_core::Store::open(std::path::Path::new("client.ropa"))?;
//! let request = DocumentRequest::new(Document::ControllerRecord, Format::Pdf);
//! let rendered = documents::render(&store, &request)?;
//! std::fs::write("record.pdf", &rendered.bytes)?;
//! # Ok(()) }
//! ```

mod name;
mod render;

pub use name::file_name;
pub use render::{DocumentError, Facts, Prepared, Rendered, Warning, prepare, render};

use crate::error::{Error, Result};
use crate::export::RecordKind;
pub use crate::export::csv::{Preset, Table};
use crate::model::{Date, Language};
use serde::{Deserialize, Serialize};

/// A document the register can be turned into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Document {
    /// The controller's record, Art. 30(1).
    ControllerRecord,
    /// The processor's record, Art. 30(2).
    ProcessorRecord,
    /// The privacy notice, Art. 13/14.
    Notice,
    /// The findings of the register checks.
    ChecksReport,
}

/// A file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A4 PDF.
    Pdf,
    /// CSV (RFC 4180, UTF-8 with byte-order mark unless asked otherwise).
    Csv,
    /// Markdown.
    Markdown,
    /// A standalone HTML document (no scripts, styles or external resources).
    Html,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    /// The name of the format as people know it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Csv => "CSV",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
        }
    }

    /// The format's code (`pdf`, `csv`, `markdown`, `html`), as in requests.
    pub fn code(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// Field delimiter of a CSV table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// `,`
    #[default]
    Comma,
    /// `;` (spreadsheets in locales with a decimal comma, such as German Excel)
    Semicolon,
}

impl Delimiter {
    /// The byte written between fields.
    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
        }
    }
}

/// The options of a [`DocumentRequest`], by name (as [`FormatChoice::options`] lists them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DocOption {
    /// [`DocumentRequest::language`].
    Language,
    /// [`DocumentRequest::table`]: the record itself or one of its annexes.
    Table,
    /// [`DocumentRequest::preset`]: the column preset of the activities table.
    Preset,
    /// [`DocumentRequest::delimiter`].
    Delimiter,
    /// [`DocumentRequest::bom`].
    Bom,
    /// [`DocumentRequest::selection`].
    Selection,
    /// [`DocumentRequest::final_notice`].
    Final,
    /// [`DocumentRequest::version_date`].
    VersionDate,
    /// [`DocumentRequest::check_date`].
    CheckDate,
    /// [`DocumentRequest::dpf_max_age_days`].
    DpfMaxAge,
    /// [`DocumentRequest::export_date`].
    ExportDate,
}

impl DocOption {
    /// The field's name in a request (`preset`, `final`, `check_date`, …).
    pub fn name(self) -> &'static str {
        match self {
            DocOption::Language => "language",
            DocOption::Table => "table",
            DocOption::Preset => "preset",
            DocOption::Delimiter => "delimiter",
            DocOption::Bom => "bom",
            DocOption::Selection => "selection",
            DocOption::Final => "final",
            DocOption::VersionDate => "version_date",
            DocOption::CheckDate => "check_date",
            DocOption::DpfMaxAge => "dpf_max_age_days",
            DocOption::ExportDate => "export_date",
        }
    }
}

/// What [`DocumentRequest::selection`] picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Selects {
    /// Processing activities, by id or reference code.
    Activities,
    /// Processor services, by id.
    Services,
}

/// What to render and how. Options left out take their defaults; an option given for a
/// document or format it does not apply to is refused ([`DocumentRequest::check`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocumentRequest {
    /// The document.
    pub document: Document,
    /// Its format; one of those [`choices`] offers for the document.
    pub format: Format,
    /// Document language; default: the organisation's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "\"en\" | \"de\""))]
    pub language: Option<Language>,
    /// Record CSV: the record itself (default) or an annex.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub table: Option<Table>,
    /// Record CSV, activities table: column preset (default `art30`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub preset: Option<Preset>,
    /// Record CSV: field delimiter (default comma).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub delimiter: Option<Delimiter>,
    /// Record CSV: whether to start with a UTF-8 byte-order mark (default yes; Excel needs it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub bom: Option<bool>,
    /// Records and notice: only these activities (id or reference code; processor record:
    /// service ids). Empty: the whole register (notice: every activity marked for it that is
    /// not retired).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(as = "Option<Vec<String>>", optional))]
    pub selection: Vec<String>,
    /// Notice: final rather than draft; refused while required facts are missing.
    #[serde(default, rename = "final", skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(as = "Option<bool>", optional))]
    pub final_notice: bool,
    /// Notice: version date printed on it; default: the notice settings' date, else today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub version_date: Option<Date>,
    /// Checks report: the date the register is checked on; default today (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub check_date: Option<Date>,
    /// Checks report: a DPF certification check older than this many days is stale; default
    /// [`crate::checks::DEFAULT_DPF_MAX_AGE_DAYS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub dpf_max_age_days: Option<u32>,
    /// Records: the export date printed on them; default today (UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional, type = "string"))]
    pub export_date: Option<Date>,
}

impl DocumentRequest {
    /// `document` as `format`, every option at its default.
    pub fn new(document: Document, format: Format) -> DocumentRequest {
        DocumentRequest {
            document,
            format,
            language: None,
            table: None,
            preset: None,
            delimiter: None,
            bom: None,
            selection: Vec::new(),
            final_notice: false,
            version_date: None,
            check_date: None,
            dpf_max_age_days: None,
            export_date: None,
        }
    }

    /// The same request in `language`.
    pub fn in_language(mut self, language: Language) -> DocumentRequest {
        self.language = Some(language);
        self
    }

    /// The options this request gives (leaves at their defaults out).
    pub fn given(&self) -> Vec<DocOption> {
        let given = [
            (DocOption::Language, self.language.is_some()),
            (DocOption::Table, self.table.is_some()),
            (DocOption::Preset, self.preset.is_some()),
            (DocOption::Delimiter, self.delimiter.is_some()),
            (DocOption::Bom, self.bom.is_some()),
            (DocOption::Selection, !self.selection.is_empty()),
            (DocOption::Final, self.final_notice),
            (DocOption::VersionDate, self.version_date.is_some()),
            (DocOption::CheckDate, self.check_date.is_some()),
            (DocOption::DpfMaxAge, self.dpf_max_age_days.is_some()),
            (DocOption::ExportDate, self.export_date.is_some()),
        ];
        given
            .into_iter()
            .filter(|(_, given)| *given)
            .map(|(option, _)| option)
            .collect()
    }

    /// Refuses a request the documents cannot honour: a format the document does not have, an
    /// option that does not apply to it, a preset its record has no template for. The error
    /// ([`Error::BadOption`]) names the option.
    pub fn check(&self) -> Result<()> {
        let choice = choice(self.document);
        let Some(format) = choice.formats.iter().find(|f| f.format == self.format) else {
            let offered: Vec<&str> = choice.formats.iter().map(|f| f.format.code()).collect();
            let asked = self.format.code();
            return Err(Error::BadOption {
                option: "format".to_owned(),
                message: format!(
                    "the {} cannot be exported as {asked}; choose one of: {}",
                    self.document.label(Language::En),
                    offered.join(", ")
                ),
                message_de: format!(
                    "{} lässt sich nicht als {asked} exportieren; wählen Sie eines von: {}",
                    self.document.label_with_article_de(),
                    offered.join(", ")
                ),
            });
        };
        if let Some(option) = self
            .given()
            .into_iter()
            .find(|o| !format.options.contains(o))
        {
            let applies: Vec<String> = choice
                .formats
                .iter()
                .filter(|f| f.options.contains(&option))
                .map(|f| f.format.code().to_owned())
                .collect();
            let (elsewhere, elsewhere_de) = if applies.is_empty() {
                (
                    "it does not apply to this document".to_owned(),
                    "sie gilt für dieses Dokument nicht".to_owned(),
                )
            } else {
                (
                    format!("it applies to {} only", applies.join(", ")),
                    format!("sie gilt nur für {}", applies.join(", ")),
                )
            };
            return Err(Error::BadOption {
                option: option.name().to_owned(),
                message: format!(
                    "`{}` is not an option of the {} as {}; {elsewhere}",
                    option.name(),
                    self.document.label(Language::En),
                    self.format.code()
                ),
                message_de: format!(
                    "`{}` ist keine Option für {} als {}; {elsewhere_de}",
                    option.name(),
                    self.document.label_with_article_de(),
                    self.format.code()
                ),
            });
        }
        let preset = self.preset.unwrap_or_default();
        if self.table.unwrap_or_default() == Table::Activities
            && format.options.contains(&DocOption::Preset)
            && !format.presets.contains(&preset)
        {
            return Err(Preset::refused());
        }
        Ok(())
    }
}

impl Document {
    /// Every document, in the order the app lists them.
    pub const ALL: [Document; 4] = [
        Document::ControllerRecord,
        Document::ProcessorRecord,
        Document::Notice,
        Document::ChecksReport,
    ];

    /// The document's name in running text ("controller record (Art. 30(1))").
    pub fn label(self, language: Language) -> &'static str {
        match (self, language) {
            (Document::ControllerRecord, Language::En) => "controller record (Art. 30(1))",
            (Document::ControllerRecord, Language::De) => {
                "Verzeichnis des Verantwortlichen (Art. 30 Abs. 1)"
            }
            (Document::ProcessorRecord, Language::En) => "processor record (Art. 30(2))",
            (Document::ProcessorRecord, Language::De) => {
                "Verzeichnis des Auftragsverarbeiters (Art. 30 Abs. 2)"
            }
            (Document::Notice, Language::En) => "privacy notice",
            (Document::Notice, Language::De) => "Datenschutzhinweise",
            (Document::ChecksReport, Language::En) => "checks report",
            (Document::ChecksReport, Language::De) => "Prüfbericht",
        }
    }

    fn label_with_article_de(self) -> String {
        match self {
            Document::Notice => "die Datenschutzhinweise".to_owned(),
            Document::ChecksReport => "der Prüfbericht".to_owned(),
            other => format!("das {}", other.label(Language::De)),
        }
    }
}

/// The formats of one document and what each of them offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocumentChoice {
    /// The document.
    pub document: Document,
    /// Its formats, the first being the default.
    pub formats: Vec<FormatChoice>,
    /// What its selection picks from, when it has one.
    pub selects: Option<Selects>,
}

/// One format of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FormatChoice {
    /// The format.
    pub format: Format,
    /// The options a request for it may give.
    pub options: Vec<DocOption>,
    /// The tables it can write (the first is the default); empty when it has no tables.
    pub tables: Vec<Table>,
    /// The column presets of its activities table (the first is the default); empty when it
    /// has none.
    pub presets: Vec<Preset>,
}

const RECORD_PDF: &[DocOption] = &[
    DocOption::Language,
    DocOption::Selection,
    DocOption::ExportDate,
];
const RECORD_CSV: &[DocOption] = &[
    DocOption::Language,
    DocOption::Selection,
    DocOption::ExportDate,
    DocOption::Table,
    DocOption::Preset,
    DocOption::Delimiter,
    DocOption::Bom,
];
const NOTICE: &[DocOption] = &[
    DocOption::Language,
    DocOption::Selection,
    DocOption::Final,
    DocOption::VersionDate,
];
const CHECKS: &[DocOption] = &[
    DocOption::Language,
    DocOption::CheckDate,
    DocOption::DpfMaxAge,
];
const TABLES: &[Table] = &[
    Table::Activities,
    Table::Processors,
    Table::Transfers,
    Table::Joint,
];

/// The formats, options, tables and presets of `document`. Adding a format to a document is
/// one entry here and one arm in [`Prepared::render`].
pub fn choice(document: Document) -> DocumentChoice {
    let format =
        |format, options: &[DocOption], tables: &[Table], presets: &[Preset]| FormatChoice {
            format,
            options: options.to_vec(),
            tables: tables.to_vec(),
            presets: presets.to_vec(),
        };
    match document {
        Document::ControllerRecord | Document::ProcessorRecord => {
            let presets = Preset::of_record(if document == Document::ControllerRecord {
                RecordKind::Controller
            } else {
                RecordKind::Processor
            });
            DocumentChoice {
                document,
                formats: vec![
                    format(Format::Pdf, RECORD_PDF, &[], &[]),
                    format(Format::Csv, RECORD_CSV, TABLES, presets),
                ],
                selects: Some(if document == Document::ControllerRecord {
                    Selects::Activities
                } else {
                    Selects::Services
                }),
            }
        }
        Document::Notice => DocumentChoice {
            document,
            formats: [Format::Pdf, Format::Markdown, Format::Html, Format::Csv]
                .into_iter()
                .map(|f| format(f, NOTICE, &[], &[]))
                .collect(),
            selects: Some(Selects::Activities),
        },
        Document::ChecksReport => DocumentChoice {
            document,
            formats: vec![
                format(Format::Pdf, CHECKS, &[], &[]),
                format(Format::Csv, CHECKS, &[], &[]),
            ],
            selects: None,
        },
    }
}

/// Every document with its formats and options (what the app's export screen offers).
pub fn choices() -> Vec<DocumentChoice> {
    Document::ALL.into_iter().map(choice).collect()
}
