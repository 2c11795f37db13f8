//! Human-readable output: aligned tables for lists and an indented outline for one record.

use serde_json::Value;
use std::borrow::Cow;

/// Text made harmless for a terminal: control characters other than newline and tab (ESC
/// sequences can move the cursor, rewrite the screen or set the window title), DEL, C1 controls
/// and the bidirectional embedding, override and isolate controls (which reorder what is shown)
/// are printed as `\u{…}` escapes. A register received from a client may hold such text even
/// though the core refuses it now (older versions, other tools writing the file).
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
    }
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Renders rows under headers as an aligned table (no trailing spaces).
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                s.push_str("  ");
            }
            s.push_str(cell);
            s.extend(std::iter::repeat_n(' ', widths[i] - cell.chars().count()));
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(&mut headers.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// One table cell from a JSON value (lists joined with commas, absent as `-`).
pub fn cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "-".to_owned(),
        Some(Value::String(s)) => s.replace('\n', " "),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| cell(Some(x)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// Renders a record as an indented outline ("key: value", nested objects and lists indented).
pub fn outline(v: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, v, 0);
    out
}

fn write_value(out: &mut String, v: &Value, depth: usize) {
    let pad = "  ".repeat(depth);
    match v {
        Value::Object(map) => {
            for (k, val) in map {
                match val {
                    Value::Object(m) if !m.is_empty() => {
                        out.push_str(&format!("{pad}{k}:\n"));
                        write_value(out, val, depth + 1);
                    }
                    Value::Array(a) if !a.is_empty() => {
                        out.push_str(&format!("{pad}{k}:\n"));
                        write_value(out, val, depth + 1);
                    }
                    _ => out.push_str(&format!("{pad}{k}: {}\n", scalar(val, &pad))),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(_) | Value::Array(_) => {
                        out.push_str(&format!("{pad}-\n"));
                        write_value(out, item, depth + 1);
                    }
                    _ => out.push_str(&format!("{pad}- {}\n", scalar(item, &pad))),
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other, &pad))),
    }
}

fn scalar(v: &Value, pad: &str) -> String {
    match v {
        Value::String(s) => s.replace('\n', &format!("\n{pad}  ")),
        Value::Array(_) => "[]".to_owned(),
        Value::Object(_) => "{}".to_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_output_escapes_controls_and_bidi_overrides() {
        assert_eq!(
            terminal_safe("a\u{1b}]0;pwned\u{7}b\u{202e}c\u{0}\u{9b}d\n\te"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{202e}c\\u{0}\\u{9b}d\n\te"
        );
        assert!(matches!(terminal_safe("Größe – ok\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn table_aligns_unicode() {
        let t = table(
            &["A", "NAME"],
            &[
                vec!["1".into(), "Größe".into()],
                vec!["22".into(), "x".into()],
            ],
        );
        assert_eq!(t, "A   NAME\n1   Größe\n22  x\n");
    }

    #[test]
    fn outline_nests() {
        let v = serde_json::json!({"name": "N", "purposes": [{"id": "p"}], "toms": ["a"]});
        assert_eq!(
            outline(&v),
            "name: N\npurposes:\n  -\n    id: p\ntoms:\n  - a\n"
        );
    }
}
