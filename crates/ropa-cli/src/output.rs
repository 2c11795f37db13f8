//! Human-readable output: aligned tables for lists and an indented outline for one record.

use serde_json::Value;

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
