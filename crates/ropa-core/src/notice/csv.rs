//! CSV for translation and review workflows: one row per section and subheading.
//!
//! Columns: `section_no`, `section_id`, `heading`, `subheading`, `text`, `source`. UTF-8 with a
//! byte-order mark (so that spreadsheet programs detect the encoding), CRLF line ends (RFC 4180),
//! every field quoted, formula-like cells neutralised (the one table writer, [`crate::sheet`]). The first row
//! after the header carries the title, version line and introduction (`section_id` `document`).

use super::Notice;
use crate::sheet::{Quote, SheetOptions};

/// One cell: line breaks inside are CRLF, as translation tools expect.
fn cell(value: &str) -> String {
    value.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// The notice as CSV text (with BOM).
pub fn render(notice: &Notice) -> String {
    let mut rows: Vec<Vec<String>> = vec![
        [
            "section_no",
            "section_id",
            "heading",
            "subheading",
            "text",
            "source",
        ]
        .map(str::to_owned)
        .to_vec(),
    ];
    let mut intro = notice.version_line.clone();
    if let Some(note) = &notice.draft_note {
        intro.push_str("\n\n");
        intro.push_str(note);
    }
    intro.push_str("\n\n");
    intro.push_str(&super::plain(&notice.intro));
    rows.push(vec![
        "0".into(),
        "document".into(),
        cell(&notice.title),
        String::new(),
        cell(&intro),
        "organisation".into(),
    ]);
    for (i, section) in notice.sections.iter().enumerate() {
        let no = (i + 1).to_string();
        let source = section.source.to_string();
        for block in &section.blocks {
            rows.push(vec![
                no.clone(),
                section.id.clone(),
                cell(&section.heading),
                cell(block.subheading.as_deref().unwrap_or("")),
                cell(&block.plain()),
                source.clone(),
            ]);
        }
    }
    let options = SheetOptions {
        quote: Quote::Always,
        ..SheetOptions::default()
    };
    String::from_utf8(crate::sheet::to_bytes(rows, &options))
        .expect("the table of UTF-8 texts is UTF-8")
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_breaks_inside_cells_are_crlf() {
        assert_eq!(super::cell("say\nthere\r\nend"), "say\r\nthere\r\nend");
    }
}
