//! `ropa export --format pdf|csv`: the Art. 30 record for auditors and spreadsheets.
//!
//! `ropa export` without `--format` (or with `--format json`) still writes the interchange
//! document; the record formats go through `ropa_core::export`, the code path the app uses too.

use super::{Failure, Lang, usage, write_document};
use clap::{Args, ValueEnum};
use ropa_core::Store;
use ropa_core::export::csv::{self, CsvOptions, Preset, Table};
use ropa_core::export::{ExportOptions, RecordDocument, RecordKind, pdf};
use ropa_core::model::{Date, Language};
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
    /// Options given that only make sense for another format, as a usage error.
    pub fn check(&self) -> Result<(), Failure> {
        let record_only = [
            ("--record", self.record.is_some()),
            ("--lang", self.lang.is_some()),
            ("--activity", !self.activities.is_empty()),
        ];
        let csv_only = [
            ("--preset", self.preset.is_some()),
            ("--annex", self.annex.is_some()),
            ("--delimiter", self.delimiter.is_some()),
            ("--no-bom", self.no_bom),
        ];
        let misplaced: Vec<&str> = match self.format {
            Format::Json => record_only.iter().chain(&csv_only).collect::<Vec<_>>(),
            Format::Pdf => csv_only.iter().collect(),
            Format::Csv => Vec::new(),
        }
        .into_iter()
        .filter(|(_, given)| *given)
        .map(|(name, _)| *name)
        .collect();
        if misplaced.is_empty() {
            return Ok(());
        }
        let needs = match self.format {
            Format::Json => "--format pdf or csv",
            _ => "--format csv",
        };
        Err(usage(format!("{} only with {needs}", misplaced.join(", "))))
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
    args.check()?;
    if let Some(file) = &args.output {
        ropa_core::files::check_output(file, store.path())?;
    }
    if matches!(args.record, Some(Record::Processor))
        && matches!(args.preset, Some(PresetArg::Ico | PresetArg::Cnil))
        && matches!(args.annex, None | Some(Annex::Activities))
    {
        return Err(usage(
            "the ICO and CNIL presets are controller templates; use --preset art30 for the processor record",
        ));
    }
    let language = match args.lang {
        Some(Lang::En) => Language::En,
        Some(Lang::De) => Language::De,
        None => store.organisation()?.language,
    };
    let record = match args.record {
        None | Some(Record::Controller) => RecordKind::Controller,
        Some(Record::Processor) => RecordKind::Processor,
    };
    let options = ExportOptions {
        record,
        selection: args.activities.clone(),
        language,
        export_date: export_date()?,
    };
    let doc = RecordDocument::build(store, &options)?;
    let mut bytes = Vec::new();
    match args.format {
        Format::Pdf => pdf::write(&doc, &mut bytes)?,
        Format::Csv => {
            let table = match args.annex.unwrap_or(Annex::Activities) {
                Annex::Activities => Table::Activities,
                Annex::Processors => Table::Processors,
                Annex::Transfers => Table::Transfers,
                Annex::Joint => Table::Joint,
            };
            let options = CsvOptions {
                preset: match args.preset.unwrap_or(PresetArg::Art30) {
                    PresetArg::Art30 => Preset::Art30,
                    PresetArg::Ico => Preset::Ico,
                    PresetArg::Cnil => Preset::Cnil,
                },
                delimiter: if args.delimiter.as_deref() == Some(";") {
                    b';'
                } else {
                    b','
                },
                bom: !args.no_bom,
            };
            csv::write(&doc, table, &options, &mut bytes)?;
        }
        Format::Json => unreachable!("the interchange document is written by main"),
    }
    let items = match record {
        RecordKind::Controller => doc.content.activities.len(),
        RecordKind::Processor => doc.content.services.len(),
    };
    match &args.output {
        Some(file) => {
            write_document(store, file, &bytes)?;
            if json {
                let v = serde_json::json!({
                    "file": file,
                    "format": if args.format == Format::Pdf { "pdf" } else { "csv" },
                    "record": if record == RecordKind::Controller { "controller" } else { "processor" },
                    "language": language.code(),
                    "items": items,
                    "register_revision": doc.revision,
                    "sha256": doc.sha256,
                });
                println!("{v}");
            } else {
                eprintln!(
                    "exported the Art. 30 {} record ({items} {}, {}) to {}; SHA-256 of the content {}",
                    if record == RecordKind::Controller {
                        "controller"
                    } else {
                        "processor"
                    },
                    if record == RecordKind::Controller {
                        "activities"
                    } else {
                        "services"
                    },
                    language.code(),
                    file.display(),
                    doc.sha256
                );
            }
        }
        None => {
            // A closed pipe (`ropa export --format csv | head`) is not an error worth reporting.
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
        }
    }
    Ok(())
}
