//! Texts a user writes, held once per document language.
//!
//! A German notice and an English record come from the same register, each entirely in its
//! language: every free text that reaches a document is a [`LocalText`]. In the interchange
//! format (and in the register file) it is either a plain string, the text in the
//! organisation's primary language ([`Organisation::language`](super::Organisation), as in
//! every file written before texts had languages), or an object naming its languages:
//! `{"en": "Newsletter", "de": "Newsletter"}`. Adding a language is adding a key: no schema
//! change.

use super::Language;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// A text in one or more languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(type = "string | { en?: string, de?: string }")
)]
pub enum LocalText {
    /// Written in the organisation's primary language, whichever that is.
    Plain(String),
    /// The text of each language it is written in.
    Languages(BTreeMap<Language, String>),
}

/// A text as a document uses it: the words, and whether they are in the document's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    /// The text in the language asked for, or else in the primary language (or any).
    pub text: &'a str,
    /// `false` when the register holds no text in the language asked for and `text` is the
    /// text of another language.
    pub translated: bool,
}

impl Default for LocalText {
    fn default() -> Self {
        LocalText::Plain(String::new())
    }
}

/// A plain text equals its words (texts by language equal no single string).
impl PartialEq<str> for LocalText {
    fn eq(&self, other: &str) -> bool {
        matches!(self, LocalText::Plain(s) if s == other)
    }
}

impl PartialEq<&str> for LocalText {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<String> for LocalText {
    fn eq(&self, other: &String) -> bool {
        self == other.as_str()
    }
}

impl From<&str> for LocalText {
    fn from(s: &str) -> Self {
        LocalText::Plain(s.to_owned())
    }
}

impl From<String> for LocalText {
    fn from(s: String) -> Self {
        LocalText::Plain(s)
    }
}

impl LocalText {
    /// A text in the given languages.
    pub fn of(texts: impl IntoIterator<Item = (Language, String)>) -> LocalText {
        LocalText::Languages(texts.into_iter().collect())
    }

    /// The text in `lang` exactly, if the register holds one (`primary`: the organisation's
    /// primary language, the language of a plain text). Blank texts count as none.
    pub fn get(&self, lang: Language, primary: Language) -> Option<&str> {
        let text = match self {
            LocalText::Plain(s) => (lang == primary).then_some(s.as_str()),
            LocalText::Languages(map) => map.get(&lang).map(String::as_str),
        };
        text.filter(|t| !t.trim().is_empty())
    }

    /// The text to show in `lang`: its own, else the primary language's, else any, marked as
    /// untranslated when it is not the text of `lang`.
    pub fn show(&self, lang: Language, primary: Language) -> Shown<'_> {
        if let Some(text) = self.get(lang, primary) {
            return Shown {
                text,
                translated: true,
            };
        }
        let other = self.best(primary);
        Shown {
            text: other,
            translated: other.trim().is_empty(),
        }
    }

    /// The text in the primary language (or, failing that, any): what a single-language view
    /// (a list, a check message's quote) shows.
    pub fn primary(&self, primary: Language) -> &str {
        self.show(primary, primary).text
    }

    /// The text in `lang` if it has one, else any (a plain text is always its own): what a
    /// message in `lang` quotes where the primary language is not at hand.
    pub fn best(&self, lang: Language) -> &str {
        match self {
            LocalText::Plain(s) => s,
            LocalText::Languages(map) => map
                .get(&lang)
                .filter(|t| !t.trim().is_empty())
                .or_else(|| map.values().find(|t| !t.trim().is_empty()))
                .map_or("", String::as_str),
        }
    }

    /// The same text with `f` applied to each language's words (`WEB-01 Website` from
    /// `Website`).
    pub fn map(&self, f: impl Fn(&str) -> String) -> LocalText {
        match self {
            LocalText::Plain(s) => LocalText::Plain(f(s)),
            LocalText::Languages(map) => {
                LocalText::Languages(map.iter().map(|(l, s)| (*l, f(s))).collect())
            }
        }
    }

    /// Whether no language holds any text.
    pub fn is_blank(&self) -> bool {
        match self {
            LocalText::Plain(s) => s.trim().is_empty(),
            LocalText::Languages(map) => map.values().all(|t| t.trim().is_empty()),
        }
    }

    /// Sets the text of `lang` (a plain text becomes the primary language's entry first); an
    /// empty `value` removes the language. A text left with the primary language only is plain
    /// again, as a register that never had a translation writes it.
    pub fn set(&mut self, lang: Language, value: impl Into<String>, primary: Language) {
        let value = value.into();
        let mut map = match std::mem::take(self) {
            LocalText::Plain(s) if s.is_empty() => BTreeMap::new(),
            LocalText::Plain(s) => BTreeMap::from([(primary, s)]),
            LocalText::Languages(map) => map,
        };
        if value.is_empty() {
            map.remove(&lang);
        } else {
            map.insert(lang, value);
        }
        *self = match map.len() {
            0 => LocalText::Plain(String::new()),
            1 if map.contains_key(&primary) => {
                LocalText::Plain(map.remove(&primary).unwrap_or_default())
            }
            _ => LocalText::Languages(map),
        };
    }

    /// The languages of `wanted` this text has no words in (none when it is blank: a missing
    /// text is another defect than a missing translation).
    pub fn missing(&self, wanted: &[Language], primary: Language) -> Vec<Language> {
        if self.is_blank() {
            return Vec::new();
        }
        wanted
            .iter()
            .copied()
            .filter(|l| self.get(*l, primary).is_none())
            .collect()
    }

    /// Every text it holds (for the checks that look at the words in any language).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            LocalText::Plain(s) => vec![s.as_str()],
            LocalText::Languages(map) => map.values().map(String::as_str).collect(),
        }
    }
}

impl LocalText {
    /// The text as a register column holds it: a plain text as it is (so that files written
    /// before texts had languages read unchanged, and `sqlite3` shows them as typed), texts by
    /// language as their JSON object. Validation refuses a plain text that would read back as
    /// such an object ([`LocalText::looks_like_languages`]).
    pub fn to_stored(&self) -> String {
        match self {
            LocalText::Plain(s) => s.clone(),
            LocalText::Languages(map) => {
                serde_json::to_string(map).expect("a map of strings serialises")
            }
        }
    }

    /// Reads a column written by [`LocalText::to_stored`].
    pub fn from_stored(stored: String) -> LocalText {
        match Self::languages_in(&stored) {
            Some(map) => LocalText::Languages(map),
            None => LocalText::Plain(stored),
        }
    }

    /// Whether this is a plain text that reads as an object of texts by language (`{"de":
    /// "…"}`): it could not be told apart from one once stored.
    pub fn looks_like_languages(&self) -> bool {
        matches!(self, LocalText::Plain(s) if Self::languages_in(s).is_some())
    }

    fn languages_in(s: &str) -> Option<BTreeMap<Language, String>> {
        if !s.trim_start().starts_with('{') {
            return None;
        }
        serde_json::from_str(s).ok()
    }
}

impl Serialize for LocalText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LocalText::Plain(text) => s.serialize_str(text),
            LocalText::Languages(map) => map.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(
            untagged,
            expecting = "a text, or an object of texts by language (\"en\", \"de\")"
        )]
        enum Form {
            Plain(String),
            Languages(BTreeMap<Language, String>),
        }
        Ok(match Form::deserialize(d)? {
            Form::Plain(s) => LocalText::Plain(s),
            Form::Languages(map) => LocalText::Languages(map),
        })
    }
}

/// A record whose texts are written per language: the list of them is what validation, the
/// translation check, the counts on screen and the filter "needs translation" walk.
pub trait LocalTexts: super::RecordMeta {
    /// Every text written per language, with its field path in the interchange format's
    /// notation (`purposes[0].description`).
    fn local_texts(&self) -> Vec<(String, &LocalText)>;

    /// The texts of this record that lack a document language of `org`, per language (each with
    /// the fields); empty when every text is written in every language the organisation names.
    fn untranslated(&self, org: &super::Organisation) -> Vec<Untranslated> {
        let texts = self.local_texts();
        org.document_languages()
            .into_iter()
            .filter(|l| *l != org.language)
            .filter_map(|language| {
                let fields: Vec<String> = texts
                    .iter()
                    .filter(|(_, t)| !t.missing(&[language], org.language).is_empty())
                    .map(|(path, _)| path.clone())
                    .collect();
                (!fields.is_empty()).then(|| Untranslated {
                    entity: Self::ENTITY,
                    id: self.id().to_owned(),
                    language,
                    fields,
                })
            })
            .collect()
    }
}

/// Texts of one record without their version in one document language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Untranslated {
    /// The kind of record.
    pub entity: super::Entity,
    /// The record's id.
    pub id: String,
    /// The language the texts lack.
    pub language: Language,
    /// The fields (`purposes[0].description`).
    pub fields: Vec<String>,
}

/// Collects a record's texts with their paths.
#[derive(Default)]
pub(crate) struct TextList<'a>(pub(crate) Vec<(String, &'a LocalText)>);

impl<'a> TextList<'a> {
    /// Adds a text if the record has it.
    pub(crate) fn add(&mut self, path: impl Into<String>, t: Option<&'a LocalText>) {
        if let Some(t) = t {
            self.0.push((path.into(), t));
        }
    }

    /// Adds a text the record always has.
    pub(crate) fn one(&mut self, path: impl Into<String>, t: &'a LocalText) {
        self.0.push((path.into(), t));
    }
}
