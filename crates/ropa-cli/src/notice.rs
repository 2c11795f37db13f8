//! `ropa notice`: the privacy notice (Art. 13/14 GDPR) generated from the register.

use crate::{Failure, Lang, Out, open_to_read, write_document};
use clap::{Args, ValueEnum};
use ropa_core::model::{Date, Language};
use ropa_core::notice::{self, Mode, NoticeError, NoticeOptions};
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
    let language = match args.lang {
        Some(Lang::En) => Language::En,
        Some(Lang::De) => Language::De,
        None => store.organisation()?.language,
    };
    let options = NoticeOptions {
        language,
        mode: if args.final_ {
            Mode::Final
        } else {
            Mode::Draft
        },
        activities: args.activities,
        version_date: args.date,
    };
    let notice = match notice::build_from_store(&store, &options) {
        Ok(n) => n,
        Err(NoticeError::Incomplete { gaps }) => {
            let mut message = format!(
                "the notice cannot be final: {} required facts are missing from the register:",
                gaps.len()
            );
            for g in &gaps {
                message.push_str(&format!("\n  {}: {}", g.section, g.message(language)));
            }
            return Err(Failure {
                code: "notice_incomplete",
                message,
                exit: EXIT_INCOMPLETE,
            });
        }
        Err(NoticeError::Store(e)) => return Err(e.into()),
        Err(e @ NoticeError::UnknownActivity(_)) => {
            return Err(Failure {
                code: "not_found",
                message: e.to_string(),
                exit: 3,
            });
        }
        Err(e) => {
            return Err(Failure {
                code: "usage",
                message: e.to_string(),
                exit: 2,
            });
        }
    };
    if !out.json {
        let mut stderr = std::io::stderr().lock();
        for g in &notice.warnings {
            let _ = writeln!(stderr, "warning: {}: {}", g.section, g.message(language));
        }
        for o in &notice.unused_overrides {
            let _ = writeln!(
                stderr,
                "warning: override of `{}` for section `{}` not applied: no such section",
                o.sentence, o.section
            );
        }
        if !notice.warnings.is_empty() {
            let _ = writeln!(
                stderr,
                "draft: {} facts missing (marked in the text); --final refuses until they are recorded",
                notice.warnings.len()
            );
        }
    }
    let bytes = if out.json {
        let mut t = serde_json::to_string_pretty(&notice).map_err(ropa_core::Error::from)?;
        t.push('\n');
        t.into_bytes()
    } else {
        match args.format {
            Format::Md => (notice::markdown::render(&notice) + "\n").into_bytes(),
            Format::Html => notice::html::render(&notice).into_bytes(),
            Format::Csv => notice::csv::render(&notice).into_bytes(),
            Format::Pdf => notice::pdf::to_bytes(&notice)?,
        }
    };
    match args.output {
        Some(file) => write_document(&store, &file, &bytes),
        None => {
            let _ = std::io::stdout().lock().write_all(&bytes);
            Ok(())
        }
    }
}
