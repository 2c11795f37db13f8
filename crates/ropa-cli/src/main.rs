//! `ropa`: script and inspect RoPA Desk registers from the shell.
//!
//! A thin layer over `ropa-core`: parsing arguments, choosing output, mapping errors to exit
//! codes. Every change goes through the core's store, so the CLI and the desktop app can work on
//! the same file without losing each other's edits.

mod check;
mod codes;
mod kinds;
mod notice;
mod output;
mod patch;
mod record;
mod records;
mod register;

use clap::{Parser, Subcommand, ValueEnum};
use codes::{CodeList, codes};
use kinds::{Kind, with_kind};
use patch::Assignment;
use records::{list, parse_record, patch_and_save, read_input};
use register::{counts, counts_line, info};
use ropa_core::documents::DocumentError;
use ropa_core::interchange::{self, Register};
use ropa_core::model::{Language, Organisation, RecordMeta};
use ropa_core::{Error, Store};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Keep a GDPR Art. 30 register (records of processing activities) in a local SQLite file.
///
/// Exit codes: 0 success; 1 file or database error; 2 wrong usage; 3 record not found;
/// 4 conflict (the record changed since it was read); 5 invalid data (the message names the
/// field); 6 the file is not a register, is from a newer version, or already exists;
/// 7 `ropa check` found errors;
/// 8 `notice --final` refused because facts are missing from the register.
#[derive(Parser)]
#[command(name = "ropa", version, about, long_about)]
struct Cli {
    /// The register file (or set ROPA_REGISTER).
    #[arg(short, long, global = true, env = "ROPA_REGISTER", value_name = "FILE")]
    register: Option<PathBuf>,

    /// Machine-readable JSON output (errors as {"error":{"code","message"}} on stderr).
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new register file.
    Init {
        /// The file to create (`client.ropa`).
        file: PathBuf,
        /// Legal name of the organisation.
        #[arg(long)]
        name: String,
        /// ISO country code of the organisation.
        #[arg(long)]
        country: Option<String>,
        /// Default document language.
        #[arg(long, value_enum, default_value = "en")]
        language: Lang,
    },
    /// Show the register's organisation, revision and record counts.
    Info,
    /// List the records of a kind.
    List {
        /// Kind of record.
        #[arg(value_enum)]
        kind: Kind,
    },
    /// Show one record (activities by id or reference code).
    Show {
        /// Kind of record.
        #[arg(value_enum)]
        kind: Kind,
        /// Id (or activity reference).
        id: String,
    },
    /// Add a record given as JSON (argument, `-` for standard input, or --file).
    Add {
        /// Kind of record.
        #[arg(value_enum)]
        kind: Kind,
        /// The record as JSON; its fields are those of the interchange format.
        #[arg(value_name = "JSON")]
        record: Option<String>,
        /// Read the record from this file.
        #[arg(long, conflicts_with = "record")]
        file: Option<PathBuf>,
    },
    /// Change fields of a record: FIELD=VALUE, LIST+=VALUE, LIST-=VALUE, FIELD=null.
    Set {
        /// Kind of record.
        #[arg(value_enum)]
        kind: Kind,
        /// Id (or activity reference).
        id: String,
        /// Assignments such as `name="Web analytics"` or `purposes[0].legal_basis=ART6_1_F`.
        #[arg(required = true)]
        assignments: Vec<Assignment>,
        /// Fail with a conflict unless the record is still at this revision.
        #[arg(long)]
        revision: Option<i64>,
    },
    /// Replace a whole record with JSON (its `revision` must be the current one).
    Replace {
        /// Kind of record.
        #[arg(value_enum)]
        kind: Kind,
        /// The record as JSON (`-` for standard input).
        #[arg(value_name = "JSON")]
        record: Option<String>,
        /// Read the record from this file.
        #[arg(long, conflicts_with = "record")]
        file: Option<PathBuf>,
    },
    /// Remove a record (refused while other records use it).
    Rm {
        /// Kind of record.
        #[arg(value_enum)]
        kind: Kind,
        /// Id (or activity reference).
        id: String,
        /// Fail with a conflict unless the record is still at this revision.
        #[arg(long)]
        revision: Option<i64>,
    },
    /// Show or change the organisation record.
    Org {
        #[command(subcommand)]
        action: Option<OrgAction>,
    },
    /// Import an interchange document: creates the register file if it does not exist,
    /// replaces its whole content with --replace. All or nothing.
    Import {
        /// The JSON document.
        document: PathBuf,
        /// Replace the content of an existing register.
        #[arg(long)]
        replace: bool,
    },
    /// Export the whole register as an interchange document (default), or the Art. 30 record
    /// as PDF or CSV (--format pdf|csv).
    Export(record::ExportArgs),
    /// Generate the privacy notice (Art. 13/14 GDPR) from the register, as Markdown, HTML or
    /// CSV. Missing facts are marked in a draft and listed on standard error (exit 0); with
    /// --final the notice is refused with the list of missing facts (exit 8).
    Notice(notice::NoticeArgs),
    /// Check the register: what is missing or wrong, by Art. 30 letter, legal basis, transfer
    /// and contract. Exit status 0 when no finding is an error, 7 when at least one is (so it
    /// can gate a pipeline); other statuses as for every command (1 file, 2 usage, 6 not a
    /// register).
    Check(check::CheckArgs),
    /// List the codes of a reference list (countries, adequacy decisions, …).
    Codes {
        /// Which list.
        #[arg(value_enum)]
        list: CodeList,
    },
}

#[derive(Subcommand)]
enum OrgAction {
    /// Show the organisation.
    Show,
    /// Change fields: `dpo.email=dpo@example.com`, `country=DE`.
    Set {
        /// Assignments.
        #[arg(required = true)]
        assignments: Vec<Assignment>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    En,
    De,
}

impl Lang {
    fn language(self) -> Language {
        match self {
            Lang::En => Language::En,
            Lang::De => Language::De,
        }
    }
}

/// An error for the shell: message and exit code.
struct Failure {
    code: &'static str,
    message: String,
    exit: u8,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        let exit = match &e {
            Error::NotFound { .. } => 3,
            Error::Conflict { .. } => 4,
            Error::Invalid { .. }
            | Error::UnknownCode { .. }
            | Error::MissingReference { .. }
            | Error::Duplicate { .. }
            | Error::InUse { .. }
            | Error::Unprintable { .. }
            | Error::Import { .. }
            | Error::NoOrganisation => 5,
            Error::NotARegister { .. }
            | Error::NewerSchema { .. }
            | Error::UpgradeNeeded { .. }
            | Error::AlreadyExists(_)
            | Error::WouldOverwriteRegister { .. } => 6,
            Error::BadOption { .. } => 2,
            _ => 1,
        };
        Failure {
            code: e.code(),
            message: e.to_string(),
            exit,
        }
    }
}

impl From<DocumentError> for Failure {
    fn from(e: DocumentError) -> Failure {
        match e {
            DocumentError::Core(e) => e.into(),
            DocumentError::Incomplete { gaps, language } => {
                let mut message = format!(
                    "the notice cannot be final: {} required facts are missing from the register:",
                    gaps.len()
                );
                for g in &gaps {
                    message.push_str(&format!("\n  {}: {}", g.section, g.message(language)));
                }
                Failure {
                    code: "notice_incomplete",
                    message,
                    exit: notice::EXIT_INCOMPLETE,
                }
            }
        }
    }
}

fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: "usage",
        message: message.into(),
        exit: 2,
    }
}

fn io_failure(path: &Path, e: std::io::Error) -> Failure {
    Failure {
        code: "io",
        message: format!("{}: {e}", path.display()),
        exit: 1,
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    ropa_core::store::set_wait_notice(|| {
        eprintln!(
            "ropa: waiting for the register to be free (another program is writing to it; Ctrl-C gives up)…"
        );
    });
    let json = cli.json;
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            if json {
                let v = serde_json::json!({"error": {"code": f.code, "message": f.message}});
                eprintln!("{v}");
            } else {
                eprintln!("ropa: {}", output::terminal_safe(&f.message));
            }
            ExitCode::from(f.exit)
        }
    }
}

/// Output helper: prints JSON or the human form.
struct Out {
    json: bool,
}

impl Out {
    fn emit(&self, value: &impl Serialize, human: impl FnOnce() -> String) -> Result<(), Failure> {
        let text = if self.json {
            let mut t = serde_json::to_string_pretty(value).map_err(Error::from)?;
            t.push('\n');
            t
        } else {
            output::terminal_safe(&human()).into_owned()
        };
        let mut stdout = std::io::stdout().lock();
        // A closed pipe (`ropa list activity | head`) is not an error worth reporting.
        let _ = stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush());
        Ok(())
    }
}

fn register_path(cli_path: &Option<PathBuf>) -> Result<&Path, Failure> {
    cli_path
        .as_deref()
        .ok_or_else(|| usage("no register given: pass --register FILE (or set ROPA_REGISTER)"))
}

/// Opens the register to change it.
fn open(cli_path: &Option<PathBuf>) -> Result<Store, Failure> {
    Ok(Store::open(register_path(cli_path)?)?)
}

/// Opens the register to read it: works on a read-only file, folder or medium and on a full
/// disk, and never upgrades or otherwise writes the file.
fn open_to_read(cli_path: &Option<PathBuf>) -> Result<Store, Failure> {
    Ok(Store::open_read_only(register_path(cli_path)?)?)
}

fn run(cli: Cli) -> Result<(), Failure> {
    let out = Out { json: cli.json };
    match cli.command {
        Command::Init {
            file,
            name,
            country,
            language,
        } => {
            let mut org = Organisation::new(name);
            org.country = country.map(|c| c.to_uppercase());
            org.language = language.language();
            let store = Store::create(&file, &org)?;
            let info = store.info()?;
            out.emit(&info, || {
                format!("created {} for {}\n", file.display(), org.legal_name)
            })
        }
        Command::Info => {
            let store = open_to_read(&cli.register)?;
            info(&store, &out)
        }
        Command::List { kind } => {
            let store = open_to_read(&cli.register)?;
            with_kind!(kind, T => list::<T>(&store, kind, &out))
        }
        Command::Show { kind, id } => {
            let store = open_to_read(&cli.register)?;
            with_kind!(kind, T => {
                let record: T = store.lookup(&id)?;
                let v = serde_json::to_value(&record).map_err(Error::from)?;
                out.emit(&v, || output::outline(&v))
            })
        }
        Command::Add { kind, record, file } => {
            let mut store = open(&cli.register)?;
            let text = read_input(record, file)?;
            with_kind!(kind, T => {
                let record: T = parse_record(&text)?;
                let stored = store.insert(record)?;
                out.emit(&stored, || format!("added {} `{}`\n", T::ENTITY, stored.id()))
            })
        }
        Command::Set {
            kind,
            id,
            assignments,
            revision,
        } => {
            let mut store = open(&cli.register)?;
            with_kind!(kind, T => {
                let record: T = store.lookup(&id)?;
                let stored = patch_and_save(&mut store, record, &assignments, revision)?;
                out.emit(&stored, || format!("updated {} `{}` (revision {})\n", T::ENTITY, stored.id(), stored.revision()))
            })
        }
        Command::Replace { kind, record, file } => {
            let mut store = open(&cli.register)?;
            let text = read_input(record, file)?;
            with_kind!(kind, T => {
                let record: T = parse_record(&text)?;
                if record.revision() == 0 {
                    return Err(usage("the record needs its current `revision` (see `ropa show --json`)"));
                }
                let stored = store.update(record)?;
                out.emit(&stored, || format!("replaced {} `{}` (revision {})\n", T::ENTITY, stored.id(), stored.revision()))
            })
        }
        Command::Rm { kind, id, revision } => {
            let mut store = open(&cli.register)?;
            with_kind!(kind, T => {
                let record: T = store.lookup(&id)?;
                store.delete::<T>(record.id(), revision)?;
                let v = serde_json::json!({"removed": record.id(), "kind": T::ENTITY});
                out.emit(&v, || format!("removed {} `{}`\n", T::ENTITY, record.id()))
            })
        }
        Command::Org { action } => match action.unwrap_or(OrgAction::Show) {
            OrgAction::Show => {
                let store = open_to_read(&cli.register)?;
                let v = serde_json::to_value(store.organisation()?).map_err(Error::from)?;
                out.emit(&v, || output::outline(&v))
            }
            OrgAction::Set { assignments } => {
                let mut store = open(&cli.register)?;
                let org = store.organisation()?;
                let stored = patch_and_save(&mut store, org, &assignments, None)?;
                out.emit(&stored, || {
                    format!("updated organisation (revision {})\n", stored.revision)
                })
            }
        },
        Command::Import { document, replace } => {
            let path = register_path(&cli.register)?;
            let bytes = std::fs::read(&document).map_err(|e| io_failure(&document, e))?;
            let doc = Register::from_json_bytes(&bytes)?;
            // A dangling symbolic link counts as existing: the new register is never created
            // through it (create_from refuses it).
            let store = if path.is_file() {
                if !replace {
                    return Err(Failure {
                        code: "already_exists",
                        message: format!(
                            "{} already exists; add --replace to replace its whole content with {}",
                            path.display(),
                            document.display()
                        ),
                        exit: 6,
                    });
                }
                let mut store = Store::open(path)?;
                interchange::import(&mut store, &doc)?;
                store
            } else {
                interchange::create_from(path, &doc)?
            };
            let counts = counts(&store)?;
            out.emit(&counts, || {
                format!(
                    "imported {} into {}: {}\n",
                    document.display(),
                    path.display(),
                    counts_line(&counts)
                )
            })
        }
        Command::Export(args) if args.format != record::Format::Json => {
            record::export(&open_to_read(&cli.register)?, &args, cli.json)
        }
        Command::Export(args) => {
            args.check()?;
            let output = args.output;
            let store = open_to_read(&cli.register)?;
            let doc = interchange::export(&store)?;
            let text = doc.to_json_pretty()?;
            match output {
                Some(file) => {
                    write_document(&store, &file, text.as_bytes())?;
                    if !cli.json {
                        eprintln!(
                            "exported {} activities to {}",
                            doc.activities.len(),
                            file.display()
                        );
                    }
                    Ok(())
                }
                None => {
                    let _ = std::io::stdout().lock().write_all(text.as_bytes());
                    Ok(())
                }
            }
        }
        Command::Notice(args) => notice::run(&cli.register, args, &out),
        Command::Check(args) => check::run(&cli.register, cli.json, args),
        Command::Codes { list } => codes(list, &out),
    }
}

/// any other register (`ropa_core::files::write_document`).
fn write_document(store: &Store, path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    Ok(ropa_core::files::write_document(path, bytes, store.path())?)
}
