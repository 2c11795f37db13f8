//! Filling the sentence templates ([`crate::wording`]) with the register's facts.

pub use crate::wording::{Template, placeholders, template};

use crate::wording::is_name;

use super::Run;

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
