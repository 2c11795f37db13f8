//! `ropa check`: run the compliance checks on a register and report what is missing or wrong,
//! for people (grouped by record), for scripts (`--json`) and for spreadsheets (`--format csv`).
//! The exit status gates a pipeline: 7 when at least one finding has severity error.

use super::{Failure, Lang, Out, open_to_read, usage, write_document};
use clap::{Args, ValueEnum};
use ropa_core::checks::{self, CheckOptions, Finding, Summary, report};
use ropa_core::documents::{self, Document, DocumentRequest};
use ropa_core::model::{Date, Language};
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;

/// Exit status when findings of severity error exist.
pub const EXIT_ERRORS: u8 = 7;

/// Options of `ropa check`.
#[derive(Args)]
pub struct CheckArgs {
    /// Language of the messages (default: the register's document language).
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Check as of this date instead of today (UTC): expiry, overdue reviews, age of DPF checks.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    today: Option<Date>,
    /// A DPF certification check older than this many days is reported as stale.
    #[arg(long, value_name = "DAYS", default_value_t = checks::DEFAULT_DPF_MAX_AGE_DAYS)]
    dpf_max_age: u32,
    /// Output format of the findings (`--json` prints them as JSON instead).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the report to this file instead of standard output (written atomically).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Grouped by record, for reading.
    Text,
    /// Spreadsheet-safe CSV (UTF-8 with BOM, CRLF), one finding per row, for reports.
    Csv,
    /// A4 PDF report for clients: summary by severity and Art. 30 letter, findings by record.
    Pdf,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

#[derive(Serialize)]
struct JsonReport<'a> {
    organisation: &'a str,
    checked_on: Date,
    summary: Summary,
    findings: &'a [Finding],
}

/// Runs the checks on the register at `register` and prints the findings.
pub fn run(register: &Option<PathBuf>, json: bool, args: CheckArgs) -> Result<(), Failure> {
    if json && args.format != Format::Text {
        return Err(usage("choose either --json or --format csv|pdf"));
    }
    let store = open_to_read(register)?;
    if let Some(file) = &args.output {
        ropa_core::files::check_output(file, store.path())?;
    }
    let lang = match args.lang {
        Some(lang) => lang.language(),
        None => store.organisation()?.language,
    };
    let today = args.today.unwrap_or_else(Date::today);
    let summary = match args.format {
        Format::Csv | Format::Pdf => {
            let format = if args.format == Format::Csv {
                documents::Format::Csv
            } else {
                documents::Format::Pdf
            };
            let mut request =
                DocumentRequest::new(Document::ChecksReport, format).in_language(lang);
            request.check_date = Some(today);
            request.dpf_max_age_days = Some(args.dpf_max_age);
            let prepared = documents::prepare(&store, &request)?;
            let bytes = prepared.render()?.bytes;
            match &args.output {
                Some(file) => write_document(&store, file, &bytes)?,
                None => {
                    let mut stdout = std::io::stdout().lock();
                    // A closed pipe is not worth reporting (as elsewhere in the CLI).
                    let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
                }
            }
            prepared
                .findings()
                .map(|(_, summary)| summary)
                .unwrap_or_default()
        }
        Format::Text => {
            if args.output.is_some() {
                return Err(usage("--output needs --format csv or pdf"));
            }
            let mut opts = CheckOptions::on(today);
            opts.dpf_max_age_days = args.dpf_max_age;
            let findings = checks::check_store(&store, &opts)?;
            let summary = Summary::of(&findings);
            let org = store.organisation()?.legal_name;
            let value = JsonReport {
                organisation: &org,
                checked_on: today,
                summary,
                findings: &findings,
            };
            Out { json }.emit(&value, || text(&org, today, &summary, &findings, lang))?;
            summary
        }
    };

    if summary.errors > 0 {
        let german = lang == Language::De;
        return Err(Failure {
            code: "check_failed",
            message: if german {
                format!(
                    "{} Fehler, {} Warnungen, {} Hinweise",
                    summary.errors, summary.warnings, summary.infos
                )
            } else {
                format!(
                    "{} error(s), {} warning(s), {} info(s)",
                    summary.errors, summary.warnings, summary.infos
                )
            },
            exit: EXIT_ERRORS,
        });
    }
    Ok(())
}

/// The human form: a summary line, then the findings grouped by record.
fn text(org: &str, today: Date, s: &Summary, findings: &[Finding], lang: Language) -> String {
    let german = lang == Language::De;
    let mut out = if german {
        format!(
            "{org}: {} Fehler, {} Warnungen, {} Hinweise (Prüfung zum {today})\n",
            s.errors, s.warnings, s.infos
        )
    } else {
        format!(
            "{org}: {} error(s), {} warning(s), {} info(s) (checked on {today})\n",
            s.errors, s.warnings, s.infos
        )
    };
    if findings.is_empty() {
        out.push_str(if german {
            "Keine Feststellungen.\n"
        } else {
            "No findings.\n"
        });
        return out;
    }
    let mut current: Option<(&str, &str)> = None;
    for f in findings {
        let key = (f.target.entity.label(), f.target.id.as_str());
        if current != Some(key) {
            current = Some(key);
            out.push_str(&format!(
                "\n{} {} ({})\n",
                report::entity_label(f.target.entity, lang),
                f.target.label_in(lang),
                f.target.id
            ));
        }
        let field = f
            .target
            .field
            .as_deref()
            .map(|x| format!(" [{x}]"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {:<8} {}  {}{field}\n      {}\n",
            f.severity.label(german),
            f.code,
            f.article_in(lang),
            f.message(lang)
        ));
    }
    out
}
