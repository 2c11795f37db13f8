//! The interchange format: a whole register as one versioned JSON document.
//!
//! It is the backup format, the way test fixtures are written and the way registers move between
//! machines. Field meanings are documented in `docs/interchange-format.md`. Import is
//! all-or-nothing: a document that fails to parse or validate names the JSON path and the
//! problem, and the register is left unchanged.

use crate::error::{Error, Result};
use crate::model::date::is_timestamp;
use crate::model::*;
use crate::store::{Store, Stored, insert_checked};
use crate::validate::Validate;
use serde::{Deserialize, Serialize};

/// The value of the `format` field.
pub const FORMAT: &str = "ropa-desk-register";
/// The current format version; documents of a newer version are refused. Version 2 added
/// `notice` (privacy-notice settings); version 1 documents are read unchanged.
pub const FORMAT_VERSION: u32 = 4;

/// A whole register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Register {
    /// Always [`FORMAT`].
    pub format: String,
    /// Format version ([`FORMAT_VERSION`]).
    pub version: u32,
    /// When the document was written (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// The register's revision when exported (informational).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register_revision: Option<i64>,
    /// The organisation keeping the register.
    pub organisation: Organisation,
    /// Catalogue of data categories.
    #[serde(default)]
    pub data_categories: Vec<DataCategory>,
    /// Catalogue of data-subject categories.
    #[serde(default)]
    pub subject_categories: Vec<SubjectCategory>,
    /// Catalogue of technical and organisational measures.
    #[serde(default)]
    pub toms: Vec<Tom>,
    /// Outside parties and recipient categories.
    #[serde(default)]
    pub parties: Vec<Party>,
    /// Art. 28 agreements.
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// Art. 26 arrangements.
    #[serde(default)]
    pub joint_arrangements: Vec<JointArrangement>,
    /// Processing activities.
    #[serde(default)]
    pub activities: Vec<Activity>,
    /// Chapter V transfers.
    #[serde(default)]
    pub transfers: Vec<Transfer>,
    /// Services performed as processor (Art. 30(2)).
    #[serde(default)]
    pub processor_services: Vec<ProcessorService>,
    /// Privacy-notice settings (absent: the defaults).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<NoticeSettings>,
}

impl Register {
    /// An empty register document for `organisation`.
    pub fn new(organisation: Organisation) -> Register {
        Register {
            format: FORMAT.to_owned(),
            version: FORMAT_VERSION,
            exported_at: None,
            register_revision: None,
            organisation,
            data_categories: Vec::new(),
            subject_categories: Vec::new(),
            toms: Vec::new(),
            parties: Vec::new(),
            agreements: Vec::new(),
            joint_arrangements: Vec::new(),
            activities: Vec::new(),
            transfers: Vec::new(),
            processor_services: Vec::new(),
            notice: None,
        }
    }
}

/// The text of a JSON document given as bytes (a file, standard input): UTF-8, with or without
/// a leading byte-order mark. UTF-16 (as Windows tools save "Unicode" text) is recognised and
/// refused with a hint to save as UTF-8; invalid UTF-8 is refused with the byte offset of the
/// first bad byte. Errors are [`Error::Import`] at `byte N`.
pub fn decode_json_text(bytes: &[u8]) -> Result<&str> {
    let utf16 = |order: &str| Error::Import {
        path: "byte 0".to_owned(),
        message: format!(
            "the file is UTF-16 ({order}), not UTF-8; save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"
        ),
    };
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(utf16("little-endian"));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(utf16("big-endian"));
    }
    // UTF-16 without a byte-order mark: JSON starts with an ASCII character, so one of the
    // first two bytes is NUL.
    if bytes.len() >= 2 && (bytes[0] == 0) != (bytes[1] == 0) {
        return Err(utf16(if bytes[1] == 0 {
            "little-endian"
        } else {
            "big-endian"
        }));
    }
    let (bytes, offset) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    std::str::from_utf8(bytes).map_err(|e| {
        let at = offset + e.valid_up_to();
        let bad = bytes[e.valid_up_to()..]
            .iter()
            .take(e.error_len().unwrap_or(1).max(1))
            .map(|b| format!("0x{b:02X}"))
            .collect::<Vec<_>>()
            .join(" ");
        Error::Import {
            path: format!("byte {at}"),
            message: format!("not valid UTF-8 (byte {bad} at offset {at}); save the file as UTF-8"),
        }
    })
}

impl Register {
    /// The texts every record (activities not retired) lacks in the organisation's further
    /// document languages, record by record: what the translation check reports and the app
    /// counts and filters on.
    pub fn untranslated(&self) -> Vec<Untranslated> {
        fn of<T: LocalTexts>(records: &[T], org: &Organisation, out: &mut Vec<Untranslated>) {
            out.extend(records.iter().flat_map(|r| r.untranslated(org)));
        }
        let org = &self.organisation;
        let mut out: Vec<Untranslated> = self
            .activities
            .iter()
            .filter(|a| a.is_live())
            .flat_map(|a| a.untranslated(org))
            .collect();
        of(&self.parties, org, &mut out);
        of(&self.transfers, org, &mut out);
        of(&self.agreements, org, &mut out);
        of(&self.joint_arrangements, org, &mut out);
        of(&self.processor_services, org, &mut out);
        of(&self.data_categories, org, &mut out);
        of(&self.subject_categories, org, &mut out);
        of(&self.toms, org, &mut out);
        out
    }
}

impl Register {
    /// Parses a document given as bytes (see [`decode_json_text`] for the encodings accepted).
    pub fn from_json_bytes(bytes: &[u8]) -> Result<Register> {
        Register::from_json_str(decode_json_text(bytes)?)
    }

    /// Parses a document, checking its format and version first. Errors name the JSON path
    /// (`activities[3].purposes[0].legal_basis`) and the problem.
    pub fn from_json_str(text: &str) -> Result<Register> {
        #[derive(Deserialize)]
        struct Header {
            format: Option<serde_json::Value>,
            version: Option<serde_json::Value>,
        }
        let header: Header = serde_json::from_str(text).map_err(|e| Error::Import {
            path: format!("line {}, column {}", e.line(), e.column()),
            message: format!("not valid JSON ({e})"),
        })?;
        if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(Error::Import {
                path: "format".to_owned(),
                message: format!(
                    "expected \"{FORMAT}\": this is not a RoPA Desk register document"
                ),
            });
        }
        match header.version.as_ref().and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(FORMAT_VERSION) => {
                return Err(Error::Import {
                    path: "version".to_owned(),
                    message: format!(
                        "the document has format version {v}, this RoPA Desk reads up to {FORMAT_VERSION}; update RoPA Desk"
                    ),
                });
            }
            Some(v) if v >= 1 => {}
            _ => {
                return Err(Error::Import {
                    path: "version".to_owned(),
                    message: "must be a positive integer".to_owned(),
                });
            }
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        let mut register: Register = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            Error::Import {
                path,
                message: e.into_inner().to_string(),
            }
        })?;
        register.upgrade();
        Ok(register)
    }

    /// Converts what an older format version meant into today's terms (the document then reads
    /// as the current version): before version 4 an Art. 28 clause not ticked was not confirmed,
    /// which is "not known" now, not "missing".
    fn upgrade(&mut self) {
        if self.version < 4 {
            for g in &mut self.agreements {
                g.checklist = g.checklist.from_version_3();
            }
        }
        self.version = FORMAT_VERSION;
    }

    /// Pretty-printed JSON with a trailing newline.
    pub fn to_json_pretty(&self) -> Result<String> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }
}

/// Reads the whole register into a document.
pub fn export(store: &Store) -> Result<Register> {
    let info = store.info()?;
    Ok(Register {
        format: FORMAT.to_owned(),
        version: FORMAT_VERSION,
        exported_at: Some(now_timestamp()),
        register_revision: Some(info.revision),
        organisation: store.organisation()?,
        data_categories: store.list()?,
        subject_categories: store.list()?,
        toms: store.list()?,
        parties: store.list()?,
        agreements: store.list()?,
        joint_arrangements: store.list()?,
        activities: store.list()?,
        transfers: store.list()?,
        processor_services: store.list()?,
        notice: store.find(NOTICE_SETTINGS_ID)?,
    })
}

/// Replaces the whole content of `store` with `register`, in one transaction: either every
/// record is imported or, on the first problem, nothing changes. Records keep their ids,
/// timestamps and revisions where the document has them; records without (hand-written
/// fixtures) get revision 1 and the current time.
pub fn import(store: &mut Store, register: &Register) -> Result<()> {
    if register.format != FORMAT {
        return Err(Error::Import {
            path: "format".to_owned(),
            message: format!("expected \"{FORMAT}\""),
        });
    }
    if register.version > FORMAT_VERSION {
        return Err(Error::Import {
            path: "version".to_owned(),
            message: format!("this RoPA Desk reads format versions up to {FORMAT_VERSION}"),
        });
    }
    let now = now_timestamp();
    store.write(|tx| {
        for table in [
            "notice_settings",
            "transfer",
            "service_tom",
            "processor_service",
            "joint_activity",
            "joint_party",
            "joint_arrangement",
            "agreement_activity",
            "agreement",
            "purpose",
            "activity_subject",
            "activity_data",
            "activity_recipient",
            "activity_tom",
            "activity",
            "party",
            "tom",
            "subject_category",
            "data_category",
        ] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        let org = with_meta(register.organisation.clone(), &now, "organisation")?;
        at("organisation", org.validate().and_then(|()| org.save(tx)))?;
        load(tx, "data_categories", &register.data_categories, &now)?;
        load(tx, "subject_categories", &register.subject_categories, &now)?;
        load(tx, "toms", &register.toms, &now)?;
        // Parties may name a parent listed after them: insert all without parents, then link.
        let orphans: Vec<Party> = register
            .parties
            .iter()
            .map(|p| Party {
                parent: None,
                ..p.clone()
            })
            .collect();
        load(tx, "parties", &orphans, &now)?;
        for (i, party) in register.parties.iter().enumerate() {
            if party.parent.is_some() {
                let party = with_meta(party.clone(), &now, &format!("parties[{i}]"))?;
                at(
                    &format!("parties[{i}]"),
                    party.check_refs(tx).and_then(|()| party.save(tx)),
                )?;
            }
        }
        load(tx, "activities", &register.activities, &now)?;
        load(tx, "agreements", &register.agreements, &now)?;
        load(tx, "joint_arrangements", &register.joint_arrangements, &now)?;
        load(tx, "processor_services", &register.processor_services, &now)?;
        load(tx, "transfers", &register.transfers, &now)?;
        if let Some(notice) = &register.notice {
            let notice = with_meta(notice.clone(), &now, "notice")?;
            at("notice", insert_checked(tx, &notice))?;
        }
        Ok(())
    })
}

/// Creates a new register file from a document: all or nothing. The register is built under a
/// temporary name and only linked to `path` once complete ([`Store::create_with`]), so a failed
/// or interrupted import leaves no file at `path`, and an existing file is never replaced.
pub fn create_from(path: &std::path::Path, register: &Register) -> Result<Store> {
    // An invalid organisation is reported by the import, with its JSON path.
    let organisation = Organisation::new(register.organisation.legal_name.clone());
    let organisation = if organisation.validate().is_ok() {
        organisation
    } else {
        Organisation::new("(importing)")
    };
    Store::create_with(path, &organisation, |store| import(store, register))
}

fn with_meta<T: RecordMeta>(mut record: T, now: &str, path: &str) -> Result<T> {
    let (created, updated, revision) = (
        record.created_at().to_owned(),
        record.updated_at().to_owned(),
        record.revision(),
    );
    if created.is_empty() && updated.is_empty() && revision == 0 {
        record.set_meta(now.to_owned(), now.to_owned(), 1);
        return Ok(record);
    }
    for (field, value) in [("created_at", &created), ("updated_at", &updated)] {
        if !is_timestamp(value) {
            return Err(Error::Import {
                path: format!("{path}.{field}"),
                message: format!("`{value}` is not a UTC timestamp like 2026-01-31T09:30:00Z"),
            });
        }
    }
    if revision < 1 {
        return Err(Error::Import {
            path: format!("{path}.revision"),
            message: "must be 1 or more when timestamps are given".to_owned(),
        });
    }
    if revision > crate::store::MAX_REVISION {
        return Err(Error::Import {
            path: format!("{path}.revision"),
            message: format!(
                "{revision} is above the highest revision a record can have ({})",
                crate::store::MAX_REVISION
            ),
        });
    }
    Ok(record)
}

fn at<T>(path: &str, result: Result<T>) -> Result<T> {
    result.map_err(|e| match e {
        Error::Import { .. } | Error::Sqlite(_) | Error::Io(_) => e,
        other => Error::Import {
            path: path.to_owned(),
            message: other.to_string(),
        },
    })
}

fn load<T: Stored>(tx: &rusqlite::Connection, list: &str, records: &[T], now: &str) -> Result<()> {
    for (i, record) in records.iter().enumerate() {
        let path = format!("{list}[{i}]");
        let record = with_meta(record.clone(), now, &path)?;
        at(&path, insert_checked(tx, &record))?;
    }
    Ok(())
}
