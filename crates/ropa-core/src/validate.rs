//! Field-level validation of records before they are written: required text, id syntax, and
//! codes checked against the shipped reference data. References between records are checked by
//! the store, which can see the other records.

use crate::error::{Error, Result};
use crate::model::*;
use crate::reference::reference;

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

impl Validate for Organisation {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        if self.id != ORGANISATION_ID {
            return Err(c.fail(
                "id",
                format!("must be `{ORGANISATION_ID}`"),
                format!("muss `{ORGANISATION_ID}` lauten"),
            ));
        }
        c.required("legal_name", &self.legal_name)?;
        c.country("country", &self.country)?;
        c.email("email", &self.email)?;
        c.contact("representative", &self.representative)?;
        c.contact("supervisory_authority", &self.supervisory_authority)?;
        if let Some(dpo) = &self.dpo {
            if dpo.name.is_none() && dpo.organisation.is_none() && dpo.email.is_none() {
                return Err(c.fail(
                    "dpo",
                    "needs at least a name, an organisation or an e-mail",
                    "braucht mindestens einen Namen, eine Organisation oder eine E-Mail-Adresse",
                ));
            }
            c.email("dpo.email", &dpo.email)?;
        }
        if !self.is_controller && !self.is_processor {
            return Err(c.fail(
                "is_controller",
                "the organisation must be a controller, a processor or both",
                "die Organisation muss Verantwortlicher, Auftragsverarbeiter oder beides sein",
            ));
        }
        Ok(())
    }
}

impl Validate for DataCategory {
    fn validate_fields(&self) -> Result<()> {
        Check::of(self).required("name", &self.name)
    }
}

impl Validate for SubjectCategory {
    fn validate_fields(&self) -> Result<()> {
        Check::of(self).required("name", &self.name)
    }
}

impl Validate for Tom {
    fn validate_fields(&self) -> Result<()> {
        Check::of(self).required("name", &self.name)
    }
}

impl Validate for Party {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required("name", &self.name)?;
        c.country("country", &self.country)?;
        c.email("email", &self.email)?;
        c.opt_text("address", &self.address)?;
        if self.parent.as_deref() == Some(self.id.as_str()) {
            return Err(c.fail(
                "parent",
                "a party cannot be its own parent",
                "ein Beteiligter kann nicht sein eigener Hauptauftragnehmer sein",
            ));
        }
        Ok(())
    }
}

impl Validate for Agreement {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required("party", &self.party)?;
        c.unique_ids("activities", self.activities.iter())?;
        // A signed agreement without a date is accepted (real registers often lack it); the
        // checks report it.
        if let (Some(s), Some(e)) = (self.signed_on, self.expires_on)
            && e < s
        {
            return Err(c.fail(
                "expires_on",
                format!("{e} is before the signing date {s}"),
                format!("{e} liegt vor dem Unterschriftsdatum {s}"),
            ));
        }
        Ok(())
    }
}

impl Validate for JointArrangement {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required("title", &self.title)?;
        if self.parties.is_empty() {
            return Err(c.fail(
                "parties",
                "needs at least one other joint controller",
                "braucht mindestens einen weiteren gemeinsam Verantwortlichen",
            ));
        }
        c.unique_ids("parties", self.parties.iter())?;
        c.unique_ids("activities", self.activities.iter())
    }
}

impl Validate for Activity {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required("reference", &self.reference)?;
        c.required("name", &self.name)?;
        c.unique_ids("purposes", self.purposes.iter().map(|p| &p.id))?;
        for (i, p) in self.purposes.iter().enumerate() {
            let f = |name: &str| format!("purposes[{i}].{name}");
            if !is_id(&p.id) {
                return Err(c.fail(&f("id"), ID_RULE, ID_RULE_DE));
            }
            c.required(&f("description"), &p.description)?;
            c.opt_text(&f("legitimate_interest"), &p.legitimate_interest)?;
            c.opt_text(&f("legal_provision"), &p.legal_provision)?;
            for (j, law) in p.national_law.iter().enumerate() {
                if reference().national_law(&law.code).is_none() {
                    return Err(c.unknown(
                        &f(&format!("national_law[{j}].code")),
                        "national-law provision",
                        &law.code,
                    ));
                }
            }
        }
        c.unique_ids("data_subjects", self.data_subjects.iter())?;
        c.unique_ids(
            "data_categories",
            self.data_categories.iter().map(|d| &d.category),
        )?;
        for (i, d) in self.data_categories.iter().enumerate() {
            check_retention(&c, &format!("data_categories[{i}].retention"), &d.retention)?;
        }
        check_retention(&c, "retention", &self.retention)?;
        c.unique_ids("toms", self.toms.iter())?;
        if self.no_recipients && !self.recipients.is_empty() {
            return Err(c.fail(
                "no_recipients",
                "is set although recipients are listed; remove the recipients or clear the flag",
                "ist gesetzt, obwohl Empfänger erfasst sind; entfernen Sie die Empfänger oder die Angabe",
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for (i, r) in self.recipients.iter().enumerate() {
            if !seen.insert((&r.party, r.role, &r.service)) {
                return Err(c.fail(
                    &format!("recipients[{i}]"),
                    format!("party `{}` is listed twice with the same role", r.party),
                    format!(
                        "Beteiligter `{}` ist doppelt mit derselben Rolle aufgeführt",
                        r.party
                    ),
                ));
            }
        }
        if let (Some(a), Some(b)) = (self.last_reviewed, self.next_review)
            && b < a
        {
            return Err(c.fail(
                "next_review",
                format!("{b} is before the last review {a}"),
                format!("{b} liegt vor der letzten Prüfung {a}"),
            ));
        }
        Ok(())
    }
}

fn check_retention(c: &Check<'_>, field: &str, r: &Option<Retention>) -> Result<()> {
    match r {
        Some(Retention::Period { amount: 0, .. }) => Err(c.fail(
            &format!("{field}.amount"),
            "a retention period must be longer than zero",
            "eine Aufbewahrungsfrist muss länger als null sein",
        )),
        Some(Retention::Criteria { text }) => c.required(&format!("{field}.text"), text),
        Some(Retention::Statutory { rule, .. }) if reference().retention_rule(rule).is_none() => {
            Err(c.unknown(&format!("{field}.rule"), "statutory retention rule", rule))
        }
        _ => Ok(()),
    }
}

impl Validate for Transfer {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        match (&self.activity, &self.service) {
            (Some(_), Some(_)) => {
                return Err(c.fail(
                    "service",
                    "a transfer belongs to an activity or to a processor service, not both",
                    "eine Übermittlung gehört zu einer Tätigkeit oder zu einer Auftragsverarbeitung, nicht zu beidem",
                ));
            }
            (None, None) => {
                return Err(c.fail(
                    "activity",
                    "a transfer needs the activity (or processor service) it belongs to",
                    "eine Übermittlung braucht die Tätigkeit (oder die Auftragsverarbeitung), zu der sie gehört",
                ));
            }
            _ => {}
        }
        c.required("party", &self.party)?;
        match (&self.country, &self.international_organisation) {
            (Some(_), Some(_)) => {
                return Err(c.fail(
                    "international_organisation",
                    "give a destination country or an international organisation, not both",
                    "geben Sie ein Zielland oder eine internationale Organisation an, nicht beides",
                ));
            }
            (None, Some(io)) => c.required("international_organisation", io)?,
            (Some(_), None) => c.country("country", &self.country)?,
            // Destination not named by the source: kept as a gap for the checks to report.
            (None, None) => {}
        }
        if let Some(country) = &self.country
            && reference().is_eea(country)
        {
            return Err(c.fail(
                "country",
                format!("{country} is in the EEA: sharing data there is not a Chapter V transfer; record the party as a recipient instead"),
                format!("{country} liegt im EWR: eine Weitergabe dorthin ist keine Übermittlung nach Kapitel V; erfassen Sie den Beteiligten stattdessen als Empfänger"),
            ));
        }
        match &self.mechanism {
            Some(TransferMechanism::Adequacy { decision }) => {
                match reference().adequacy(decision) {
                    None => {
                        return Err(c.unknown("mechanism.decision", "adequacy decision", decision));
                    }
                    Some(d) if d.requires_dpf => {
                        return Err(c.fail(
                        "mechanism",
                        "the EU–US Data Privacy Framework is recorded as mechanism type `dpf` (with the recipient's certification), not as `adequacy`",
                        "das EU-US Data Privacy Framework wird als Mechanismus `dpf` (mit der Zertifizierung des Empfängers) erfasst, nicht als `adequacy`",
                    ));
                    }
                    Some(_) => {}
                }
            }
            Some(TransferMechanism::LegacyScc { decision, .. })
                if !decision.starts_with("SCC_")
                    || reference().legacy_mechanism(decision).is_none() =>
            {
                return Err(c.unknown("mechanism.decision", "pre-2021 SCC decision", decision));
            }
            Some(TransferMechanism::CompellingInterest { safeguards }) => {
                c.required("mechanism.safeguards", safeguards)?;
            }
            _ => {}
        }
        Ok(())
    }
}

impl Validate for ProcessorService {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        c.required("controller", &self.controller)?;
        c.required("name", &self.name)?;
        for (i, p) in self.processing_categories.iter().enumerate() {
            c.required(&format!("processing_categories[{i}]"), p)?;
        }
        c.unique_ids("toms", self.toms.iter())
    }
}

impl Validate for NoticeSettings {
    fn validate_fields(&self) -> Result<()> {
        let c = Check::of(self);
        if self.id != NOTICE_SETTINGS_ID {
            return Err(c.fail(
                "id",
                format!("must be `{NOTICE_SETTINGS_ID}`"),
                format!("muss `{NOTICE_SETTINGS_ID}` lauten"),
            ));
        }
        c.opt_text("version", &self.version)?;
        c.unique_ids("section_order", self.section_order.iter())?;
        for (i, section) in self.section_order.iter().enumerate() {
            check_section(&c, &format!("section_order[{i}]"), section)?;
        }
        c.contact("rights_contact", &self.rights_contact)?;
        let mut seen = std::collections::HashSet::new();
        for (i, o) in self.overrides.iter().enumerate() {
            let f = |name: &str| format!("overrides[{i}].{name}");
            check_section(&c, &f("section"), &o.section)?;
            if !crate::wording::is_sentence_id(&o.sentence) {
                return Err(c.unknown(&f("sentence"), "notice sentence", &o.sentence));
            }
            c.required(&f("text"), &o.text)?;
            if !seen.insert((&o.section, &o.sentence, o.language)) {
                return Err(c.fail(
                    &format!("overrides[{i}]"),
                    format!(
                        "sentence `{}` of section `{}` is overridden twice for language `{}`",
                        o.sentence,
                        o.section,
                        o.language.code()
                    ),
                    format!(
                        "Satz `{}` des Abschnitts `{}` ist für die Sprache `{}` doppelt ersetzt",
                        o.sentence,
                        o.section,
                        o.language.code()
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A notice section id: `general:<name>` with a known name, or an activity id.
fn check_section(c: &Check<'_>, field: &str, section: &str) -> Result<()> {
    c.required(field, section)?;
    if let Some(name) = section.strip_prefix("general:")
        && !GENERAL_SECTIONS.contains(&name)
    {
        return Err(c.unknown(field, "general notice section", section));
    }
    Ok(())
}
