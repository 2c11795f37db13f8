//! `ropa set`: field assignments on a record's JSON form.
//!
//! `name=Newsletter` sets a field; `purposes[0].legal_basis=ART6_1_F` reaches into lists and
//! objects; `data_subjects+=customers` appends to a list; `toms-=tls` removes every equal
//! element; `dpo.email=null` clears an optional field. A value is taken as text when the field
//! currently holds text, and as JSON otherwise (`true`, `3`, `{"type":"dpf"}`), falling back to
//! text when it is not valid JSON.

use ropa_core::model::Language;
use serde_json::Value;

/// An operation parsed from `path=value`, `path+=value` or `path-=value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    path: Vec<Step>,
    op: Op,
    raw: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Op {
    Set,
    Append,
    Remove,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Field(String),
    Index(usize),
}

impl std::str::FromStr for Assignment {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let eq = s
            .find('=')
            .ok_or_else(|| format!("`{s}`: expected FIELD=VALUE"))?;
        let (lhs, raw) = (&s[..eq], &s[eq + 1..]);
        let (lhs, op) = if let Some(l) = lhs.strip_suffix('+') {
            (l, Op::Append)
        } else if let Some(l) = lhs.strip_suffix('-') {
            (l, Op::Remove)
        } else {
            (lhs, Op::Set)
        };
        Ok(Assignment {
            path: parse_path(lhs)?,
            op,
            raw: raw.to_owned(),
        })
    }
}

fn parse_path(p: &str) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    for part in p.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("`{p}`: `{part}` is not a field name"));
        }
        steps.push(Step::Field(name.to_owned()));
        while let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']').ok_or_else(|| format!("`{p}`: missing `]`"))?;
            let idx = r[..close]
                .parse()
                .map_err(|_| format!("`{p}`: `{}` is not an index", &r[..close]))?;
            steps.push(Step::Index(idx));
            rest = &r[close + 1..];
        }
        if !rest.is_empty() {
            return Err(format!("`{p}`: unexpected `{rest}`"));
        }
    }
    Ok(steps)
}

/// Whether `v` is a text written per language (`{"en": "…", "de": "…"}`).
fn is_languages(v: &Value) -> bool {
    matches!(v, Value::Object(map) if !map.is_empty()
        && map.iter().all(|(k, x)| Language::from_code(k).is_some() && x.is_string()))
}

fn value_for(raw: &str, current: Option<&Value>) -> Value {
    if raw == "null" {
        return Value::Null;
    }
    match current {
        Some(Value::String(_)) => Value::String(raw.to_owned()),
        _ => serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_owned())),
    }
}

impl Assignment {
    /// Applies the assignment to `record`. A language code after a text (`description.de`)
    /// addresses that language: a plain text, written in `primary` (the organisation's primary
    /// language), becomes an object of texts by language first.
    pub fn apply(&self, record: &mut Value, primary: Language) -> Result<(), String> {
        let shown = self.shown();
        let (last, parents) = self.path.split_last().ok_or("empty field path")?;
        let mut here = record;
        for (i, step) in parents.iter().enumerate() {
            let next_is_language = matches!(
                self.path.get(i + 1),
                Some(Step::Field(f)) if Language::from_code(f).is_some()
            );
            if let (true, Step::Field(f), Value::Object(map)) = (next_is_language, step, &mut *here)
                && let Some(Value::String(text)) = map.get(f)
            {
                let languages = if text.is_empty() {
                    serde_json::Map::new()
                } else {
                    serde_json::Map::from_iter([(
                        primary.code().to_owned(),
                        Value::String(text.clone()),
                    )])
                };
                map.insert(f.clone(), Value::Object(languages));
            }
            here = match (step, here) {
                (Step::Field(f), Value::Object(map)) => map
                    .entry(f.clone())
                    .or_insert_with(|| Value::Object(Default::default())),
                (Step::Index(i), Value::Array(list)) => {
                    let len = list.len();
                    list.get_mut(*i).ok_or_else(|| {
                        format!("`{shown}`: index {i} is out of range (the list has {len} entries)")
                    })?
                }
                (Step::Field(f), _) => {
                    return Err(format!(
                        "`{shown}`: cannot look up `{f}` in a value that is not an object"
                    ));
                }
                (Step::Index(i), _) => {
                    return Err(format!(
                        "`{shown}`: cannot take element {i} of a value that is not a list"
                    ));
                }
            };
        }
        let language = matches!(last, Step::Field(f) if Language::from_code(f).is_some());
        if let (true, Op::Set, Step::Field(f), Value::Object(map)) =
            (language, &self.op, last, &mut *here)
            && (self.raw.is_empty() || self.raw == "null")
        {
            // No text in that language any more.
            map.remove(f);
            return Ok(());
        }
        let slot: &mut Value = match (last, here) {
            (Step::Field(f), Value::Object(map)) => map.entry(f.clone()).or_insert(Value::Null),
            (Step::Index(i), Value::Array(list)) => {
                let len = list.len();
                list.get_mut(*i).ok_or_else(|| {
                    format!("`{shown}`: index {i} is out of range (the list has {len} entries)")
                })?
            }
            _ => {
                return Err(format!(
                    "`{shown}`: the field's parent is not an object or list"
                ));
            }
        };
        match self.op {
            // A language's text is text, whatever it looks like.
            Op::Set if language => *slot = Value::String(self.raw.clone()),
            // A text written per language, given one plain text: that is the primary
            // language's (the others stay; `name.de=…` addresses another).
            Op::Set if is_languages(slot) && self.raw != "null" && !self.raw.starts_with('{') => {
                if let Value::Object(map) = slot {
                    map.insert(primary.code().to_owned(), Value::String(self.raw.clone()));
                }
            }
            Op::Set => {
                let v = value_for(&self.raw, Some(slot));
                *slot = v;
            }
            Op::Append | Op::Remove => {
                if slot.is_null() {
                    *slot = Value::Array(Vec::new());
                }
                let Value::Array(list) = slot else {
                    return Err(format!("`{shown}`: += and -= work on lists only"));
                };
                let v = value_for(&self.raw, list.first());
                if self.op == Op::Append {
                    list.push(v);
                } else {
                    let before = list.len();
                    list.retain(|x| x != &v);
                    if list.len() == before {
                        return Err(format!("`{shown}`: the list does not contain {v}"));
                    }
                }
            }
        }
        Ok(())
    }

    fn shown(&self) -> String {
        let mut s = String::new();
        for step in &self.path {
            match step {
                Step::Field(f) if s.is_empty() => s.push_str(f),
                Step::Field(f) => {
                    s.push('.');
                    s.push_str(f);
                }
                Step::Index(i) => s.push_str(&format!("[{i}]")),
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn apply(v: &mut Value, s: &str) -> Result<(), String> {
        s.parse::<Assignment>()?.apply(v, Language::En)
    }

    #[test]
    fn a_language_code_after_a_text_sets_that_language() {
        let mut v =
            json!({"description": "Sending the newsletter", "purposes": [{"description": ""}]});
        apply(&mut v, "description.de=Versand des Newsletters").unwrap();
        assert_eq!(
            v["description"],
            json!({"en": "Sending the newsletter", "de": "Versand des Newsletters"})
        );
        apply(&mut v, "description.en=2026").unwrap();
        assert_eq!(v["description"]["en"], json!("2026"));
        apply(&mut v, "purposes[0].description.de=Versand").unwrap();
        assert_eq!(v["purposes"][0]["description"], json!({"de": "Versand"}));
        apply(&mut v, "description.de=null").unwrap();
        assert_eq!(v["description"], json!({"en": "2026"}));
    }

    #[test]
    fn sets_appends_removes() {
        let mut v =
            json!({"name": "a", "toms": ["x", "y"], "purposes": [{"id": "p"}], "in_notice": true});
        apply(&mut v, "name=Größe = 3").unwrap();
        assert_eq!(v["name"], "Größe = 3");
        apply(&mut v, "purposes[0].legal_basis=ART6_1_F").unwrap();
        assert_eq!(v["purposes"][0]["legal_basis"], "ART6_1_F");
        apply(&mut v, "toms+=z").unwrap();
        apply(&mut v, "toms-=x").unwrap();
        assert_eq!(v["toms"], json!(["y", "z"]));
        apply(&mut v, "in_notice=false").unwrap();
        assert_eq!(v["in_notice"], false);
        apply(&mut v, "dpia.screening=required").unwrap();
        assert_eq!(v["dpia"]["screening"], "required");
        apply(&mut v, "name=null").unwrap();
        assert!(v["name"].is_null());
        apply(&mut v, "data_subjects+=customers").unwrap();
        assert_eq!(v["data_subjects"], json!(["customers"]));
    }

    #[test]
    fn errors_name_the_path() {
        let mut v = json!({"purposes": []});
        assert!(
            apply(&mut v, "purposes[2].id=x")
                .unwrap_err()
                .contains("out of range")
        );
        assert!(
            apply(&mut v, "noequals")
                .unwrap_err()
                .contains("FIELD=VALUE")
        );
        assert!(
            apply(&mut v, "a..b=1")
                .unwrap_err()
                .contains("not a field name")
        );
        assert!(
            apply(&mut v, "purposes-=zz")
                .unwrap_err()
                .contains("does not contain")
        );
    }
}
