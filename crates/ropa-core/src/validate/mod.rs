//! Field-level validation of records before they are written: required text, id syntax, and
//! codes checked against the shipped reference data. References between records are checked by
//! the store, which can see the other records.

use crate::error::{Error, Result};
use crate::model::*;
use crate::reference::reference;

mod records;

/// Validates one record; every error names the record and the field.
pub trait Validate: RecordMeta + serde::Serialize + Sized {
    /// Checks the record: first every text in it ([`check_texts`]: no control characters, no
    /// bidirectional overrides, sizes within limits), then its own fields' rules.
    fn validate(&self) -> Result<()> {
        check_texts(self)?;
        self.validate_fields()
    }

    /// The record's own rules (required fields, codes, consistency).
    fn validate_fields(&self) -> Result<()>;
}

/// At most this many characters in a name or one-line field (names, titles, references, e-mail
/// addresses, telephone numbers, web addresses, codes). A name longer than that is not a name,
/// and every document prints it on every page header or table row.
pub const MAX_LINE_CHARS: usize = 500;

/// At most this many characters in any other text (descriptions, notes, addresses, interests,
/// retention criteria, quotes): about eight printed pages, so that documents stay printable.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// Fields (by their last name in the interchange format) that are tokens: no newline or tab,
/// at most [`MAX_LINE_CHARS`] characters.
const TOKEN_FIELDS: &[&str] = &[
    "id",
    "reference",
    "email",
    "phone",
    "website",
    "privacy_policy_url",
    "essence_url",
    "country",
    "code",
    "postcode",
    "version",
];

/// Fields that name something: at most [`MAX_LINE_CHARS`] characters (a line break is
/// accepted, as in "Müller GmbH\nZweigniederlassung Wien").
const NAME_FIELDS: &[&str] = &["name", "legal_name", "title", "city", "participant"];

/// Characters that are never accepted in a text: C0 controls (newline and tab only where a text
/// may have several lines; a carriage return only before a newline), DEL, C1 controls, and the
/// bidirectional embedding, override and isolate controls, which reorder what a reader sees
/// ("Trojan source").
fn forbidden(c: char, next: Option<char>, one_line: bool) -> bool {
    match c {
        '\n' | '\t' => one_line,
        '\r' => one_line || next != Some('\n'),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// Invisible characters that do not make a text non-blank: zero-width spaces and joiners,
/// direction marks, the word joiner and other invisible operators, the byte-order mark, the
/// soft hyphen, Hangul fillers.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
        )
}

/// A text with nothing visible in it: empty, spaces, or only invisible characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(invisible)
}

/// Checks every text of a record, wherever it is: no forbidden character ([`forbidden`]) and
/// no more than [`MAX_LINE_CHARS`] / [`MAX_TEXT_CHARS`] characters. The error names the field
/// by its path in the interchange format and the character by its code point.
pub fn check_texts<R: RecordMeta + serde::Serialize>(record: &R) -> Result<()> {
    let value = serde_json::to_value(record)?;
    let c = Check::of(record);
    crate::text::each_string(&value, &mut |path, key, text| {
        check_text(&c, path, key, text)
    })
}

fn check_text(c: &Check<'_>, field: &str, key: &str, text: &str) -> Result<()> {
    let one_line = TOKEN_FIELDS.contains(&key);
    let short = one_line || NAME_FIELDS.contains(&key);
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, ch)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        if forbidden(ch, next, one_line) {
            let code = format!("U+{:04X}", ch as u32);
            let (what, was) = match ch {
                '\n' | '\r' | '\t' => (
                    "a line break or tab, which this one-line field cannot hold",
                    "einen Zeilenumbruch oder Tabulator, den dieses einzeilige Feld nicht aufnehmen kann",
                ),
                '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => (
                    "a bidirectional override, which makes text read differently from how it is stored",
                    "eine Steuerung der Schreibrichtung, die den Text anders lesen lässt, als er gespeichert ist",
                ),
                _ => (
                    "a control character, which can rewrite a terminal and hide text in documents",
                    "ein Steuerzeichen, das ein Terminal umschreiben und Text in Dokumenten verbergen kann",
                ),
            };
            return Err(c.fail(
                field,
                format!("contains {code} at character {}: {what}; remove it", i + 1),
                format!(
                    "enthält {code} an Zeichen {}: {was}; entfernen Sie es",
                    i + 1
                ),
            ));
        }
    }
    let (limit, kind, kind_de) = if short {
        (
            MAX_LINE_CHARS,
            "a name or one-line field",
            "einen Namen oder ein einzeiliges Feld",
        )
    } else {
        (MAX_TEXT_CHARS, "a text", "einen Text")
    };
    let count = text.chars().count();
    if count > limit {
        return Err(c.fail(
            field,
            format!(
                "is {count} characters long; at most {limit} are allowed in {kind}, so that the documents that print it stay readable and printable"
            ),
            format!(
                "ist {count} Zeichen lang; höchstens {limit} sind für {kind_de} erlaubt, damit die Dokumente, die es drucken, lesbar und druckbar bleiben"
            ),
        ));
    }
    Ok(())
}

struct Check<'a> {
    entity: Entity,
    id: &'a str,
}

impl<'a> Check<'a> {
    fn of<R: RecordMeta>(r: &'a R) -> Check<'a> {
        Check {
            entity: R::ENTITY,
            id: r.id(),
        }
    }

    /// The field is not acceptable: what is wrong, in English and German.
    fn fail(&self, field: &str, en: impl Into<String>, de: impl Into<String>) -> Error {
        Error::invalid(self.entity, self.id, field, en, de)
    }

    fn required(&self, field: &str, value: &str) -> Result<()> {
        if is_blank(value) {
            return Err(self.fail(field, "must not be empty", "darf nicht leer sein"));
        }
        Ok(())
    }

    /// A text in one or more languages: some language holds words, and a plain text is not
    /// one that would read back as texts by language.
    fn required_local(&self, field: &str, value: &LocalText) -> Result<()> {
        if value.texts().into_iter().all(is_blank) {
            return Err(self.fail(field, "must not be empty", "darf nicht leer sein"));
        }
        self.languages_apart(field, value)
    }

    fn opt_local(&self, field: &str, value: &Option<LocalText>) -> Result<()> {
        match value {
            Some(v) if v.texts().into_iter().all(is_blank) => Err(self.fail(
                field,
                "is present but empty; leave it out instead",
                "ist vorhanden, aber leer; lassen Sie es stattdessen weg",
            )),
            Some(v) => self.languages_apart(field, v),
            None => Ok(()),
        }
    }

    /// [`Check::languages_apart`] for every text of `record` written per language.
    fn texts_apart(&self, record: &impl crate::model::LocalTexts) -> Result<()> {
        for (path, text) in record.local_texts() {
            self.languages_apart(&path, text)?;
        }
        Ok(())
    }

    fn languages_apart(&self, field: &str, value: &LocalText) -> Result<()> {
        if value.looks_like_languages() {
            return Err(self.fail(
                field,
                "is written like texts by language ({\"de\": …}) but is one plain text; give the languages as an object, or reword the text",
                "ist wie Texte nach Sprachen geschrieben ({\"de\": …}), ist aber ein einfacher Text; geben Sie die Sprachen als Objekt an oder formulieren Sie den Text um",
            ));
        }
        Ok(())
    }

    fn opt_text(&self, field: &str, value: &Option<String>) -> Result<()> {
        match value {
            Some(v) if is_blank(v) => Err(self.fail(
                field,
                "is present but empty; leave it out instead",
                "ist vorhanden, aber leer; lassen Sie es stattdessen weg",
            )),
            _ => Ok(()),
        }
    }

    fn country(&self, field: &str, code: &Option<String>) -> Result<()> {
        match code {
            Some(c) if reference().country(c).is_none() => Err(Error::UnknownCode {
                entity: self.entity,
                id: self.id.to_owned(),
                field: field.to_owned(),
                list: "ISO 3166-1 country",
                code: c.clone(),
            }),
            _ => Ok(()),
        }
    }

    fn unknown(&self, field: &str, list: &'static str, code: &str) -> Error {
        Error::UnknownCode {
            entity: self.entity,
            id: self.id.to_owned(),
            field: field.to_owned(),
            list,
            code: code.to_owned(),
        }
    }

    fn email(&self, field: &str, value: &Option<String>) -> Result<()> {
        self.opt_text(field, value)?;
        if let Some(v) = value
            && !crate::text::is_email_address(v)
        {
            return Err(self.fail(
                field,
                format!("`{v}` is not an e-mail address (name@example.com, without `mailto:`)"),
                format!("`{v}` ist keine E-Mail-Adresse (name@example.com, ohne `mailto:`)"),
            ));
        }
        Ok(())
    }

    fn contact(&self, field: &str, c: &Option<Contact>) -> Result<()> {
        if let Some(c) = c {
            self.required(&format!("{field}.name"), &c.name)?;
            self.country(&format!("{field}.country"), &c.country)?;
            self.email(&format!("{field}.email"), &c.email)?;
        }
        Ok(())
    }

    fn unique_ids<'b>(&self, field: &str, ids: impl Iterator<Item = &'b String>) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                return Err(self.fail(
                    field,
                    format!("`{id}` is listed twice"),
                    format!("`{id}` ist doppelt aufgeführt"),
                ));
            }
        }
        Ok(())
    }
}

const ID_RULE: &str = "must be 1–64 characters of letters, digits, '-', '_' or '.'";
const ID_RULE_DE: &str = "muss aus 1–64 Buchstaben, Ziffern, '-', '_' oder '.' bestehen";

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Checks the syntax of a record id: 1–64 characters of letters, digits, `-`, `_`, `.`.
pub(crate) fn check_id<R: RecordMeta>(record: &R) -> Result<()> {
    let id = record.id();
    if !is_id(id) {
        return Err(Error::invalid(R::ENTITY, id, "id", ID_RULE, ID_RULE_DE));
    }
    Ok(())
}
