//! The core's error type: every variant names the record and, where it applies, the field, so
//! that the CLI and the app can tell the user exactly what to fix.

use crate::model::Entity;
use std::path::PathBuf;

/// Result alias of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No record with this id (or reference).
    #[error("{entity} `{id}` does not exist")]
    NotFound {
        /// Kind of record.
        entity: Entity,
        /// The id looked for.
        id: String,
    },

    /// An update or delete carried a revision that is no longer current: someone else (another
    /// window, the CLI) changed the record in the meantime.
    #[error(
        "{entity} `{id}` was changed elsewhere: you edited revision {expected}, the register now holds revision {actual}; reload it and apply your change again"
    )]
    Conflict {
        /// Kind of record.
        entity: Entity,
        /// Its id.
        id: String,
        /// The revision the caller based the change on.
        expected: i64,
        /// The revision in the register.
        actual: i64,
    },

    /// A field value is not acceptable.
    #[error("{entity} `{id}`, field `{field}`: {message}")]
    Invalid {
        /// Kind of record.
        entity: Entity,
        /// Its id.
        id: String,
        /// The field (dotted path inside the record, e.g. `purposes[1].legal_basis`).
        field: String,
        /// What is wrong and what is expected.
        message: String,
        /// The same in German (see [`Error::message_de`]).
        message_de: String,
    },

    /// A code that is not in the shipped reference data.
    #[error("{entity} `{id}`, field `{field}`: {}", unknown_code(list, code))]
    UnknownCode {
        /// Kind of record.
        entity: Entity,
        /// Its id.
        id: String,
        /// The field holding the code.
        field: String,
        /// Which reference list ("country", "adequacy decision", …).
        list: &'static str,
        /// The code found.
        code: String,
    },

    /// A field refers to a record that does not exist.
    #[error("{entity} `{id}`, field `{field}`: {}", missing(*target, target_id))]
    MissingReference {
        /// Kind of record holding the reference.
        entity: Entity,
        /// Its id.
        id: String,
        /// The referring field.
        field: String,
        /// Kind of record referred to.
        target: Entity,
        /// The id referred to.
        target_id: String,
    },

    /// A record with this id (or unique field) already exists.
    #[error("{entity} `{id}`: {field} `{value}` is already used by another record")]
    Duplicate {
        /// Kind of record.
        entity: Entity,
        /// Id of the record being written.
        id: String,
        /// The unique field (`id`, `reference`).
        field: &'static str,
        /// The clashing value.
        value: String,
    },

    /// A record cannot be removed because others still refer to it.
    #[error(
        "{entity} {name} cannot be removed: it is still used by {used_by}; remove or change those first"
    )]
    InUse {
        /// Kind of record.
        entity: Entity,
        /// Its id.
        id: String,
        /// How people know it: "“Health data”" where the record has a name, else its id.
        name: String,
        /// Who refers to it ("activity `WEB-01` (recipients)").
        used_by: String,
    },

    /// The file is not a RoPA Desk register.
    #[error("{path} is not a RoPA Desk register ({reason})")]
    NotARegister {
        /// The file.
        path: PathBuf,
        /// Why it was not recognised.
        reason: String,
    },

    /// The file was written by a newer version of RoPA Desk.
    #[error(
        "{path} was written by a newer version of RoPA Desk (schema {found}, this version reads up to {supported}); update RoPA Desk to open it"
    )]
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest schema this build knows.
        supported: i64,
    },

    /// A register file already exists where a new one was to be created.
    #[error("{0} already exists; choose another file name or open it instead")]
    AlreadyExists(PathBuf),

    /// The register has no organisation yet (should not happen for files made by RoPA Desk).
    #[error("the register has no organisation record")]
    NoOrganisation,

    /// An interchange document could not be read.
    #[error("import failed at `{path}`: {message}; the register was not changed")]
    Import {
        /// JSON path of the problem (`activities[3].purposes[0].legal_basis`).
        path: String,
        /// What is wrong.
        message: String,
    },

    /// A database error not covered above.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),

    /// A schema migration failed.
    #[error("schema migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    /// A file could not be read or written.
    #[error("{0}")]
    Io(#[from] std::io::Error),

    /// JSON could not be written.
    #[error("JSON error: {0}")]
    Json(#[from] serde_json::Error),

    /// A register of an older schema was opened read-only, so it cannot be upgraded.
    #[error(
        "{path} was written by an older version of RoPA Desk (schema {found}, now {current}) and is opened read-only; open it once where it can be written to upgrade it"
    )]
    UpgradeNeeded {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The schema this build writes.
        current: i64,
    },

    /// A change was asked of a register opened read-only (read-only medium or folder).
    #[error(
        "{0} is open read-only (its file or folder cannot be written); nothing was changed — copy it somewhere writable to edit it"
    )]
    ReadOnly(PathBuf),

    /// A document to be written as PDF holds a character the embedded fonts cannot draw.
    #[error(
        "cannot write the PDF: “{character}” (U+{code:04X}) in `{field}` (“{text}”) is not in the embedded font, DejaVu Sans (Latin, Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic and many symbols); it would print as an empty box. Write it in a script the font covers, or export CSV, HTML or Markdown, which keep every character",
        code = *character as u32
    )]
    Unprintable {
        /// The character.
        character: char,
        /// Where it is (path in the document's content, e.g. `activities[2].name`).
        field: String,
        /// The text around it.
        text: String,
    },

    /// A revision counter reached [`crate::store::MAX_REVISION`]; the write was not made.
    #[error(
        "the revision counter of {} has reached its limit; export the register and import it into a new file",
        revision_owner(entity)
    )]
    RevisionLimit {
        /// The record whose revision is exhausted (`None`: the register's own).
        entity: Option<(Entity, String)>,
    },

    /// A document was to be written over the register itself, its `-wal`/`-shm` files or
    /// another RoPA Desk register.
    #[error(
        "{path} is {what}; a document is never written over a register: choose another output file"
    )]
    WouldOverwriteRegister {
        /// The output path given.
        path: PathBuf,
        /// What it is ("the open register c.ropa", "the write-ahead log of the register …").
        what: String,
        /// The same in German.
        what_de: String,
    },

    /// A document was asked for with an option or format it does not have (see
    /// [`crate::documents::DocumentRequest::check`]).
    #[error("{message}")]
    BadOption {
        /// The option concerned (`format`, `preset`, `selection`, …).
        option: String,
        /// What is wrong and what to choose instead.
        message: String,
        /// The same in German.
        message_de: String,
    },
}

fn unknown_code(list: &str, code: &str) -> String {
    format!("unknown {list} code `{code}`")
}

fn unknown_code_de(list: &str, code: &str) -> String {
    format!("unbekannter Code `{code}` ({})", list_de(list))
}

fn missing(target: Entity, target_id: &str) -> String {
    format!("there is no {target} `{target_id}`")
}

fn missing_de(target: Entity, target_id: &str) -> String {
    format!("{} `{target_id}` gibt es nicht", target.label_de())
}

/// What is wrong with one field, without the record and field the full message starts with
/// (a form shows it at the field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field's path inside the record (`purposes[1].legal_basis`), or the option's name.
    pub field: String,
    /// What is wrong, in English.
    pub message: String,
    /// What is wrong, in German.
    pub message_de: String,
}

fn revision_owner(entity: &Option<(Entity, String)>) -> String {
    match entity {
        Some((entity, id)) => format!("{entity} `{id}`"),
        None => "the register".to_owned(),
    }
}

impl Error {
    /// A stable machine-readable code for the UI and for `--json` output.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "not_found",
            Error::Conflict { .. } => "conflict",
            Error::Invalid { .. } => "invalid",
            Error::UnknownCode { .. } => "unknown_code",
            Error::MissingReference { .. } => "missing_reference",
            Error::Duplicate { .. } => "duplicate",
            Error::InUse { .. } => "in_use",
            Error::NotARegister { .. } => "not_a_register",
            Error::NewerSchema { .. } => "newer_schema",
            Error::AlreadyExists(_) => "already_exists",
            Error::NoOrganisation => "no_organisation",
            Error::Import { .. } => "import",
            Error::Sqlite(_) => "database",
            Error::Migration(_) => "migration",
            Error::Io(_) => "io",
            Error::Json(_) => "json",
            Error::UpgradeNeeded { .. } => "upgrade_needed",
            Error::ReadOnly(_) => "read_only",
            Error::Unprintable { .. } => "unprintable_character",
            Error::RevisionLimit { .. } => "revision_limit",
            Error::WouldOverwriteRegister { .. } => "would_overwrite_register",
            // An option of a request is a field whose value is not valid.
            Error::BadOption { .. } => "invalid",
        }
    }

    /// For an error about one field (or option): the field and what is wrong with it, as data.
    pub fn field_problem(&self) -> Option<FieldProblem> {
        let (field, message, message_de) = match self {
            Error::Invalid {
                field,
                message,
                message_de,
                ..
            } => (field, message.clone(), message_de.clone()),
            Error::UnknownCode {
                field, list, code, ..
            } => (field, unknown_code(list, code), unknown_code_de(list, code)),
            Error::MissingReference {
                field,
                target,
                target_id,
                ..
            } => (
                field,
                missing(*target, target_id),
                missing_de(*target, target_id),
            ),
            Error::BadOption {
                option,
                message,
                message_de,
            } => (option, message.clone(), message_de.clone()),
            _ => return None,
        };
        Some(FieldProblem {
            field: field.clone(),
            message,
            message_de,
        })
    }

    /// A field value is not acceptable: what is wrong and what is expected, in English and
    /// German.
    pub(crate) fn invalid(
        entity: Entity,
        id: &str,
        field: &str,
        en: impl Into<String>,
        de: impl Into<String>,
    ) -> Error {
        Error::Invalid {
            entity,
            id: id.to_owned(),
            field: field.to_owned(),
            message: en.into(),
            message_de: de.into(),
        }
    }

    /// The message in German, for the app's German interface (the `Display` text is English,
    /// as the CLI prints it). Record ids, field paths and codes stay as they are; messages of
    /// the database, the file system and JSON are passed on as their libraries word them.
    pub fn message_de(&self) -> String {
        match self {
            Error::NotFound { entity, id } => {
                format!("{} `{id}` gibt es nicht", entity.label_de())
            }
            Error::Conflict {
                entity,
                id,
                expected,
                actual,
            } => format!(
                "{} `{id}` wurde anderswo geändert: Sie haben Stand {expected} bearbeitet, das Verzeichnis enthält Stand {actual}; laden Sie neu und wiederholen Sie Ihre Änderung",
                entity.label_de()
            ),
            Error::Invalid {
                entity,
                id,
                field,
                message_de,
                ..
            } => format!("{} `{id}`, Feld `{field}`: {message_de}", entity.label_de()),
            Error::UnknownCode {
                entity,
                id,
                field,
                list,
                code,
            } => format!(
                "{} `{id}`, Feld `{field}`: {}",
                entity.label_de(),
                unknown_code_de(list, code)
            ),
            Error::MissingReference {
                entity,
                id,
                field,
                target,
                target_id,
            } => format!(
                "{} `{id}`, Feld `{field}`: {}",
                entity.label_de(),
                missing_de(*target, target_id)
            ),
            Error::Duplicate {
                entity,
                id,
                field,
                value,
            } => format!(
                "{} `{id}`: {field} `{value}` wird schon von einem anderen Eintrag verwendet",
                entity.label_de()
            ),
            Error::InUse {
                entity,
                name,
                used_by,
                ..
            } => format!(
                "{} {name} kann nicht entfernt werden: noch verwendet von {used_by}; entfernen oder ändern Sie diese zuerst",
                entity.label_de()
            ),
            Error::NotARegister { path, reason } => format!(
                "{} ist kein RoPA-Desk-Verzeichnis ({reason})",
                path.display()
            ),
            Error::NewerSchema {
                path,
                found,
                supported,
            } => format!(
                "{} wurde von einer neueren Version von RoPA Desk geschrieben (Schema {found}, diese Version liest bis {supported}); aktualisieren Sie RoPA Desk, um es zu öffnen",
                path.display()
            ),
            Error::AlreadyExists(path) => format!(
                "{} gibt es schon; wählen Sie einen anderen Dateinamen oder öffnen Sie die Datei",
                path.display()
            ),
            Error::NoOrganisation => "das Verzeichnis hat keinen Organisationseintrag".to_owned(),
            Error::Import { path, message } => format!(
                "Import bei `{path}` fehlgeschlagen: {message}; das Verzeichnis wurde nicht geändert"
            ),
            Error::Sqlite(err) => format!("Datenbankfehler: {err}"),
            Error::Migration(err) => format!("Schema-Migration fehlgeschlagen: {err}"),
            Error::Io(err) => format!("Dateifehler: {err}"),
            Error::Json(err) => format!("JSON-Fehler: {err}"),
            Error::UpgradeNeeded {
                path,
                found,
                current,
            } => format!(
                "{} wurde von einer älteren Version von RoPA Desk geschrieben (Schema {found}, jetzt {current}) und ist nur lesbar geöffnet; öffnen Sie es einmal dort, wo es geschrieben werden kann, um es zu aktualisieren",
                path.display()
            ),
            Error::ReadOnly(path) => format!(
                "{} ist nur lesbar geöffnet (die Datei oder ihr Ordner kann nicht geschrieben werden); nichts wurde geändert – kopieren Sie es an einen beschreibbaren Ort, um es zu bearbeiten",
                path.display()
            ),
            Error::Unprintable {
                character,
                field,
                text,
            } => format!(
                "das PDF kann nicht geschrieben werden: „{character}“ (U+{:04X}) in `{field}` („{text}“) fehlt in der eingebetteten Schrift DejaVu Sans (Latein, Griechisch, Kyrillisch, Armenisch, Georgisch, Hebräisch, Arabisch und viele Symbole) und würde als leeres Kästchen gedruckt. Schreiben Sie es in einer Schrift, die sie abdeckt, oder exportieren Sie CSV, HTML oder Markdown, die jedes Zeichen behalten",
                *character as u32
            ),
            Error::RevisionLimit { entity } => format!(
                "der Revisionszähler von {} hat seine Grenze erreicht; exportieren Sie das Verzeichnis und importieren Sie es in eine neue Datei",
                match entity {
                    Some((entity, id)) => format!("{} `{id}`", entity.label_de()),
                    None => "dem Verzeichnis".to_owned(),
                }
            ),
            Error::WouldOverwriteRegister { path, what_de, .. } => format!(
                "{} ist {what_de}; ein Dokument wird nie über ein Verzeichnis geschrieben: wählen Sie eine andere Ausgabedatei",
                path.display()
            ),
            Error::BadOption { message_de, .. } => message_de.clone(),
        }
    }
}

/// The German name of a reference list named in [`Error::UnknownCode`].
fn list_de(list: &str) -> &str {
    match list {
        "ISO 3166-1 country" => "Land nach ISO 3166-1",
        "statutory retention rule" => "gesetzliche Aufbewahrungspflicht",
        "adequacy decision" => "Angemessenheitsbeschluss",
        "pre-2021 SCC decision" => "Standardvertragsklauseln vor 2021",
        "national-law provision" => "nationale Vorschrift",
        "notice sentence" => "Satz der Datenschutzhinweise",
        "general notice section" => "allgemeiner Abschnitt der Datenschutzhinweise",
        "stored" => "gespeicherter Wert",
        other => other,
    }
}
