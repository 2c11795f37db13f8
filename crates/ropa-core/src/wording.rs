//! The wording of the generated texts: the sentence templates of `assets/notice/{en,de}.toml`,
//! embedded at compile time, by id (`purpose.basis`). The notice builds its sentences from them
//! ([`crate::notice`]); validation checks that a user's sentence override names one of them.

use crate::model::Language;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const EN_TOML: &str = include_str!("../../../assets/notice/en.toml");
const DE_TOML: &str = include_str!("../../../assets/notice/de.toml");

/// One language's templates: strings and string lists by id (`purpose.basis`).
#[derive(Debug)]
pub struct Template {
    strings: BTreeMap<String, String>,
    lists: BTreeMap<String, Vec<String>>,
}

impl Template {
    fn parse(name: &str, text: &str) -> Template {
        let table: toml::Table = toml::from_str(text)
            .unwrap_or_else(|e| panic!("embedded template assets/notice/{name} is invalid: {e}"));
        let mut t = Template {
            strings: BTreeMap::new(),
            lists: BTreeMap::new(),
        };
        t.flatten(name, "", &table);
        t
    }

    fn flatten(&mut self, name: &str, prefix: &str, table: &toml::Table) {
        for (key, value) in table {
            let id = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            match value {
                toml::Value::String(s) => {
                    self.strings.insert(id, s.clone());
                }
                toml::Value::Table(inner) => self.flatten(name, &id, inner),
                toml::Value::Array(items) => {
                    let list = items
                        .iter()
                        .map(|v| match v {
                            toml::Value::String(s) => s.clone(),
                            other => panic!("assets/notice/{name}: `{id}` holds {other:?}"),
                        })
                        .collect();
                    self.lists.insert(id, list);
                }
                other => panic!("assets/notice/{name}: `{id}` holds {other:?}"),
            }
        }
    }

    /// The string with this id. Every id the builder uses exists in both languages (tested);
    /// an unknown id yields the id itself so that a defect shows instead of crashing.
    pub fn get<'a>(&'a self, id: &'a str) -> &'a str {
        self.strings.get(id).map(String::as_str).unwrap_or(id)
    }

    /// The string list with this id (month names, unit forms); empty if unknown.
    pub fn list(&self, id: &str) -> &[String] {
        self.lists.get(id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Every string id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.strings.keys().map(String::as_str)
    }

    /// Every list id, sorted.
    pub fn list_ids(&self) -> impl Iterator<Item = &str> {
        self.lists.keys().map(String::as_str)
    }

    /// Whether a string with this id exists.
    pub fn has(&self, id: &str) -> bool {
        self.strings.contains_key(id)
    }
}

/// The templates of `language`.
pub fn template(language: Language) -> &'static Template {
    static EN: OnceLock<Template> = OnceLock::new();
    static DE: OnceLock<Template> = OnceLock::new();
    match language {
        Language::En => EN.get_or_init(|| Template::parse("en.toml", EN_TOML)),
        Language::De => DE.get_or_init(|| Template::parse("de.toml", DE_TOML)),
    }
}

/// The `{placeholder}` names of a template string, in order of appearance.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) if is_name(&after[..end]) => {
                out.push(&after[..end]);
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

pub(crate) fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// Whether `id` names a template sentence that users may override (every template string
/// except the gap texts, which must stay as they are).
pub fn is_sentence_id(id: &str) -> bool {
    !id.starts_with("gap.") && template(Language::En).has(id)
}
