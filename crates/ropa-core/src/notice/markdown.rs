//! Markdown rendering (CommonMark): numbered `##` sections, `###` subheadings, bullet lists;
//! gap markers in bold. All register text is escaped so that it cannot become markup.

use super::{Item, Notice, Run};

/// Escapes characters that CommonMark could read as markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '{' | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn runs(out: &mut String, runs: &[Run], indent: &str) {
    for run in runs {
        match run {
            Run::Text { text } => {
                // A register text with line breaks keeps them as hard breaks.
                let mut first = true;
                for line in text.split('\n') {
                    if !first {
                        out.push_str("  \n");
                        out.push_str(indent);
                    }
                    first = false;
                    out.push_str(&escape(line));
                }
            }
            Run::Link { text, href } if super::safe_link_target(href) => {
                if *href == format!("mailto:{text}") || href == text {
                    // A CommonMark autolink: the address itself is the visible text, and the
                    // target (https: or a checked e-mail address) holds no `<`, `>` or space.
                    out.push_str(&format!("<{text}>"));
                } else {
                    out.push_str(&format!("[{}](<{href}>)", escape(text)));
                }
            }
            // Any other target is never a link: its text is printed, escaped.
            Run::Link { text, .. } => out.push_str(&escape(text)),
            Run::Missing { text } => {
                out.push_str("**");
                out.push_str(&escape(text));
                out.push_str("**");
            }
            Run::Break => {
                out.push_str("  \n");
                out.push_str(indent);
            }
        }
    }
}

/// The notice as Markdown.
pub fn render(notice: &Notice) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", escape(&notice.title)));
    out.push_str(&format!("*{}*\n\n", escape(&notice.version_line)));
    if let Some(note) = &notice.draft_note {
        out.push_str(&format!("> **{}**\n\n", escape(note)));
    }
    runs(&mut out, &notice.intro, "");
    out.push_str("\n\n");
    for (i, section) in notice.sections.iter().enumerate() {
        out.push_str(&format!("## {}. {}\n\n", i + 1, escape(&section.heading)));
        for block in &section.blocks {
            if let Some(sub) = &block.subheading {
                out.push_str(&format!("### {}\n\n", escape(sub)));
            }
            for item in &block.items {
                match item {
                    Item::Paragraph(r) => {
                        runs(&mut out, r, "");
                        out.push_str("\n\n");
                    }
                    Item::List(entries) => {
                        for e in entries {
                            out.push_str("- ");
                            runs(&mut out, e, "  ");
                            out.push('\n');
                        }
                        out.push('\n');
                    }
                }
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
