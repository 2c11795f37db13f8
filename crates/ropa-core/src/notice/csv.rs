//! CSV for translation and review workflows: one row per section and subheading.
//!
//! Columns: `section_no`, `section_id`, `heading`, `subheading`, `text`, `source`. UTF-8 with a
//! byte-order mark (so that spreadsheet programs detect the encoding), CRLF line ends (RFC 4180),
//! every field quoted. Cells that a spreadsheet would evaluate as a formula (starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return) are prefixed with an apostrophe. The first row
//! after the header carries the title, version line and introduction (`section_id` `document`).

use super::Notice;

/// Neutralises formula triggers and quotes the field.
pub fn field(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    let normalised = neutral.replace("\r\n", "\n").replace('\n', "\r\n");
    format!("\"{}\"", normalised.replace('"', "\"\""))
}

fn row(out: &mut String, cells: &[&str]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The notice as CSV text (with BOM).
pub fn render(notice: &Notice) -> String {
    let mut out = String::from("\u{feff}");
    row(
        &mut out,
        &[
            "section_no",
            "section_id",
            "heading",
            "subheading",
            "text",
            "source",
        ],
    );
    let mut intro = notice.version_line.clone();
    if let Some(note) = &notice.draft_note {
        intro.push_str("\n\n");
        intro.push_str(note);
    }
    intro.push_str("\n\n");
    intro.push_str(&super::plain(&notice.intro));
    row(
        &mut out,
        &["0", "document", &notice.title, "", &intro, "organisation"],
    );
    for (i, section) in notice.sections.iter().enumerate() {
        let no = (i + 1).to_string();
        let source = section.source.to_string();
        for block in &section.blocks {
            row(
                &mut out,
                &[
                    &no,
                    &section.id,
                    &section.heading,
                    block.subheading.as_deref().unwrap_or(""),
                    &block.plain(),
                    &source,
                ],
            );
        }
    }
    out
}
