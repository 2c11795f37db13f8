//! The sentence templates of `assets/notice/{en,de}.toml`, embedded at compile time.

use super::Run;
use crate::model::Language;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const EN_TOML: &str = include_str!("../../../../assets/notice/en.toml");
const DE_TOML: &str = include_str!("../../../../assets/notice/de.toml");

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

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// Fills `text`: each `{name}` for which `value` returns runs is replaced by them; other
/// names stay as written. A full stop directly after a value that already ends a sentence is
/// dropped ("… GDPR.." becomes "… GDPR.").
pub fn fill(text: &str, mut value: impl FnMut(&str) -> Option<Vec<Run>>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut literal = String::new();
    let mut skip_stop = false;
    let mut i = 0;
    while let Some(ch) = text[i..].chars().next() {
        if ch == '{'
            && let Some(end) = text[i + 1..].find('}')
        {
            let name = &text[i + 1..i + 1 + end];
            if is_name(name)
                && let Some(inserted) = value(name)
            {
                push_text(&mut runs, &literal);
                literal.clear();
                skip_stop = ends_sentence(&inserted);
                for run in inserted {
                    push_run(&mut runs, run);
                }
                i += end + 2;
                continue;
            }
        }
        if !(skip_stop && ch == '.') {
            literal.push(ch);
        }
        skip_stop = false;
        i += ch.len_utf8();
    }
    push_text(&mut runs, &literal);
    runs
}

fn ends_sentence(runs: &[Run]) -> bool {
    match runs.last() {
        Some(Run::Text { text }) => text.trim_end().ends_with(['.', '!', '?']),
        _ => false,
    }
}

/// Appends text, merging it into a preceding text run.
pub fn push_text(runs: &mut Vec<Run>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Run::Text { text: last }) = runs.last_mut() {
        last.push_str(text);
    } else {
        runs.push(Run::Text {
            text: text.to_owned(),
        });
    }
}

/// Appends a run, merging text runs.
pub fn push_run(runs: &mut Vec<Run>, run: Run) {
    match run {
        Run::Text { text } => push_text(runs, &text),
        other => runs.push(other),
    }
}
