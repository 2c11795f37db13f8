//! `ropa export --format pdf|csv`: the Art. 30 record for auditors and spreadsheets.
//!
//! `ropa export` without `--format` (or with `--format json`) still writes the interchange
//! document; the record formats go through `ropa_core::documents`, the code path the app uses too.

use super::{Failure, Lang, usage, write_document};
use clap::{Args, ValueEnum};
use ropa_core::Store;
use ropa_core::documents::{self, Delimiter, Document, DocumentRequest, Preset, Table};
use ropa_core::model::Date;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `ropa export`.
#[derive(Args)]
pub struct ExportArgs {
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// json: the interchange document (backup); pdf or csv: the Art. 30 record.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Which record: the controller's (Art. 30(1)) or the processor's (Art. 30(2)).
    #[arg(long, value_enum)]
    pub record: Option<Record>,
    /// Column preset of the CSV activities table: art30, the UK ICO or the French CNIL template.
    #[arg(long, value_enum)]
    pub preset: Option<PresetArg>,
    /// Which CSV table: the activities (the record itself) or an annex.
    #[arg(long, value_enum)]
    pub annex: Option<Annex>,
    /// Document language (default: the organisation's).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// CSV field delimiter (`;` for spreadsheets in locales with a decimal comma).
    #[arg(long, value_parser = [",", ";"])]
    pub delimiter: Option<String>,
    /// Leave out the UTF-8 byte-order mark of CSV files (Excel needs it; other tools may not).
    #[arg(long)]
    pub no_bom: bool,
    /// Export only this activity (id or reference code; processor record: service id); repeat
    /// for several. Default: the whole register.
    #[arg(long = "activity", value_name = "REF")]
    pub activities: Vec<String>,
}

/// Output format of `ropa export`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The interchange document.
    Json,
    /// The Art. 30 record as PDF.
    Pdf,
    /// The Art. 30 record as CSV.
    Csv,
}

/// Which Art. 30 record.
#[derive(Clone, Copy, ValueEnum)]
pub enum Record {
    /// Art. 30(1).
    Controller,
    /// Art. 30(2).
    Processor,
}

/// CSV column preset.
#[derive(Clone, Copy, ValueEnum)]
pub enum PresetArg {
    /// One column per item of Art. 30.
    Art30,
    /// UK ICO controller template.
    Ico,
    /// French CNIL register sheet.
    Cnil,
}

/// CSV table.
#[derive(Clone, Copy, ValueEnum)]
pub enum Annex {
    /// The record: one row per activity.
    Activities,
    /// Processors and their Art. 28 agreements.
    Processors,
    /// Transfers to third countries.
    Transfers,
    /// Joint-controller arrangements.
    Joint,
}

impl ExportArgs {
    /// Options given for the interchange document, which has none, as a usage error (the
    /// options of the record formats are checked by `ropa_core::documents`).
    pub fn check(&self) -> Result<(), Failure> {
        if self.format != Format::Json {
            return Ok(());
        }
        let given: Vec<&str> = [
            ("--record", self.record.is_some()),
            ("--lang", self.lang.is_some()),
            ("--activity", !self.activities.is_empty()),
            ("--preset", self.preset.is_some()),
            ("--annex", self.annex.is_some()),
            ("--delimiter", self.delimiter.is_some()),
            ("--no-bom", self.no_bom),
        ]
        .into_iter()
        .filter(|(_, given)| *given)
        .map(|(name, _)| name)
        .collect();
        if given.is_empty() {
            return Ok(());
        }
        Err(usage(format!(
            "{} only with --format pdf or csv",
            given.join(", ")
        )))
    }

    /// The document these arguments ask for.
    fn request(&self) -> Result<DocumentRequest, Failure> {
        let document = match self.record {
            None | Some(Record::Controller) => Document::ControllerRecord,
            Some(Record::Processor) => Document::ProcessorRecord,
        };
        let format = match self.format {
            Format::Pdf => documents::Format::Pdf,
            _ => documents::Format::Csv,
        };
        let mut request = DocumentRequest::new(document, format);
        request.language = self.lang.map(Lang::language);
        request.table = self.annex.map(|annex| match annex {
            Annex::Activities => Table::Activities,
            Annex::Processors => Table::Processors,
            Annex::Transfers => Table::Transfers,
            Annex::Joint => Table::Joint,
        });
        request.preset = self.preset.map(|preset| match preset {
            PresetArg::Art30 => Preset::Art30,
            PresetArg::Ico => Preset::Ico,
            PresetArg::Cnil => Preset::Cnil,
        });
        request.delimiter = self.delimiter.as_deref().map(|d| match d {
            ";" => Delimiter::Semicolon,
            _ => Delimiter::Comma,
        });
        request.bom = self.no_bom.then_some(false);
        request.selection = self.activities.clone();
        request.export_date = Some(export_date()?);
        Ok(request)
    }
}

/// The export date: today, or `SOURCE_DATE_EPOCH` (Unix seconds) for reproducible builds.
fn export_date() -> Result<Date, Failure> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(s) => s
            .trim()
            .parse::<i64>()
            .map(|secs| Date::from_days(secs.div_euclid(86_400)))
            .map_err(|_| usage("SOURCE_DATE_EPOCH must be Unix seconds")),
        Err(_) => Ok(Date::today()),
    }
}

/// `ropa export --format pdf|csv`.
pub fn export(store: &Store, args: &ExportArgs, json: bool) -> Result<(), Failure> {
    let request = args.request()?;
    request.check()?;
    if let Some(file) = &args.output {
        ropa_core::files::check_output(file, store.path())?;
    }
    let rendered = documents::render(store, &request)?;
    let facts = &rendered.facts;
    let controller = request.document == Document::ControllerRecord;
    match &args.output {
        Some(file) => {
            write_document(store, file, &rendered.bytes)?;
            if json {
                let v = serde_json::json!({
                    "file": file,
                    "format": request.format.code(),
                    "record": if controller { "controller" } else { "processor" },
                    "language": facts.language.code(),
                    "items": facts.items,
                    "register_revision": facts.revision,
                    "sha256": facts.sha256,
                });
                println!("{v}");
            } else {
                eprintln!(
                    "exported the Art. 30 {} record ({} {}, {}) to {}; SHA-256 of the content {}",
                    if controller {
                        "controller"
                    } else {
                        "processor"
                    },
                    facts.items,
                    if controller { "activities" } else { "services" },
                    facts.language.code(),
                    file.display(),
                    facts.sha256.as_deref().unwrap_or_default()
                );
            }
        }
        None => {
            // A closed pipe (`ropa export --format csv | head`) is not an error worth reporting.
            let mut stdout = std::io::stdout().lock();
            let _ = stdout
                .write_all(&rendered.bytes)
                .and_then(|()| stdout.flush());
        }
    }
    Ok(())
}
