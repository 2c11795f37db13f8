//! `ropa notice`: the privacy notice (Art. 13/14 GDPR) generated from the register.

use crate::{Failure, Lang, Out, open_to_read, write_document};
use clap::{Args, ValueEnum};
use ropa_core::documents::{self, Document, DocumentRequest};
use ropa_core::model::Date;
use std::io::Write;
use std::path::PathBuf;

/// Exit code when `--final` refuses because facts are missing.
pub const EXIT_INCOMPLETE: u8 = 8;

/// Arguments of `ropa notice`.
#[derive(Args)]
pub struct NoticeArgs {
    /// Language of the notice (default: the organisation's document language).
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// Final notice: refuse (exit 8) and list the missing facts instead of marking them.
    #[arg(long = "final")]
    final_: bool,
    /// Only these activities (id or reference code); repeat for several. Default: every
    /// activity marked for the notice that is not retired.
    #[arg(long = "activity", value_name = "REF")]
    activities: Vec<String>,
    /// Version date printed on the notice (YYYY-MM-DD; default: the notice settings' date,
    /// else today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<Date>,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Markdown.
    Md,
    /// Self-contained HTML (no scripts, styles or external resources).
    Html,
    /// CSV, one row per section and subheading (UTF-8 with BOM, CRLF).
    Csv,
    /// A4 PDF with contents, page numbers and the version on every page (binary: use -o
    /// or redirect standard output).
    Pdf,
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date of the form YYYY-MM-DD"))
}

/// Runs `ropa notice`.
pub fn run(register: &Option<PathBuf>, args: NoticeArgs, out: &Out) -> Result<(), Failure> {
    let store = open_to_read(register)?;
    if let Some(file) = &args.output {
        // Refused before the work (and the warnings) of building the notice.
        ropa_core::files::check_output(file, store.path())?;
    }
    let format = match args.format {
        Format::Md => documents::Format::Markdown,
        Format::Html => documents::Format::Html,
        Format::Csv => documents::Format::Csv,
        Format::Pdf => documents::Format::Pdf,
    };
    let mut request = DocumentRequest::new(Document::Notice, format);
    request.language = args.lang.map(Lang::language);
    request.final_notice = args.final_;
    request.selection = args.activities;
    request.version_date = args.date;
    let prepared = documents::prepare(&store, &request)?;
    let warnings = prepared.warnings();
    if !out.json {
        let mut stderr = std::io::stderr().lock();
        for w in &warnings {
            let _ = writeln!(stderr, "warning: {}: {}", w.section, w.message);
        }
        let gaps = prepared.notice().map_or(0, |n| n.warnings.len());
        if gaps > 0 {
            let _ = writeln!(
                stderr,
                "draft: {gaps} facts missing (marked in the text); --final refuses until they are recorded"
            );
        }
    }
    let bytes = match prepared.notice() {
        Some(notice) if out.json => {
            let mut t = serde_json::to_string_pretty(notice).map_err(ropa_core::Error::from)?;
            t.push('\n');
            t.into_bytes()
        }
        _ => prepared.render()?.bytes,
    };
    match args.output {
        Some(file) => write_document(&store, &file, &bytes),
        None => {
            let _ = std::io::stdout().lock().write_all(&bytes);
            Ok(())
        }
    }
}
