//! Rules about text that validation and the documents share: what an e-mail address is, and a
//! walk over every string of a record or document with its path. Below both, so that neither
//! has to import the other.

use crate::error::Result;

/// An e-mail address as people write one: exactly one `@`; a local part of letters, digits and
/// the characters RFC 5322 allows unquoted (`!#$%&'*+-/=?^_`{|}~` and dots, not at either end
/// nor doubled); a domain of at least two dot-separated labels of letters, digits and hyphens
/// (non-ASCII letters allowed for internationalised addresses). So no scheme (`mailto:`,
/// `javascript:`), no spaces, no brackets or quotes, no control characters.
pub fn is_email_address(v: &str) -> bool {
    let Some((local, domain)) = v.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars().count() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// Wording that denies data subjects the right to object ("the user has no option to object",
/// "ein Widerspruch ist nicht möglich"), lower case.
const DENIES_OBJECTION: &[&str] = &[
    "no option to object",
    "no possibility to object",
    "no right to object",
    "not possible to object",
    "cannot object",
    "can not object",
    "may not object",
    "unable to object",
    "kein widerspruch",
    "kein widerspruchsrecht",
    "keine widerspruchsmöglichkeit",
    "keine möglichkeit, der verarbeitung zu widersprechen",
    "keine möglichkeit zu widersprechen",
    "nicht widersprechen",
    "widerspruch ist nicht möglich",
];

/// Whether `text` says that data subjects cannot object to the processing: where the basis is
/// Art. 6(1)(e) or (f), Art. 21(1) grants that right, so such a text contradicts the law.
pub fn denies_objection(text: &str) -> bool {
    let folded = text.to_lowercase().replace('\u{2019}', "'");
    DENIES_OBJECTION.iter().any(|p| folded.contains(p))
}

/// Calls `f(path, key, text)` for every string in `value`, where `path` is the string's place
/// in interchange-format notation (`purposes[1].description`) and `key` the name of the field
/// that holds it (for strings in a list, the list's name). Stops at the first error.
pub fn each_string(
    value: &serde_json::Value,
    f: &mut impl FnMut(&str, &str, &str) -> Result<()>,
) -> Result<()> {
    walk(value, &mut String::new(), "", f)
}

fn walk(
    value: &serde_json::Value,
    path: &mut String,
    key: &str,
    f: &mut impl FnMut(&str, &str, &str) -> Result<()>,
) -> Result<()> {
    use serde_json::Value;
    match value {
        Value::String(text) => f(path, key, text),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                walk(item, path, key, f)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            for (k, v) in map {
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                walk(v, path, k, f)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}
