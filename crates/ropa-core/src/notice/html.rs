//! Self-contained HTML for pasting into a website.
//!
//! The output passes a strict Content-Security-Policy (`default-src 'none'`): it has no
//! scripts, no event-handler attributes, no `style` attributes or elements (so it inherits the
//! site's CSS) and loads nothing. The only URLs are `href`s of `<a>` elements, which load
//! nothing by themselves: `https:` URLs the register holds (privacy policies of recipients,
//! where the essence of a joint-controller arrangement is published, websites) and `mailto:`
//! links to e-mail addresses. Any other URL is shown as plain text. Everything from the register
//! is escaped. Gap markers are `<mark>` elements, visible without any CSS.

use super::{Item, Notice, Run};

/// Escapes text for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

fn runs(out: &mut String, runs: &[Run]) {
    for run in runs {
        match run {
            Run::Text { text } => out.push_str(&escape(text).replace('\n', "<br>\n")),
            Run::Link { text, href } if super::safe_link_target(href) => {
                out.push_str(&format!(
                    "<a href=\"{}\">{}</a>",
                    escape(href),
                    escape(text)
                ));
            }
            Run::Link { text, .. } => out.push_str(&escape(text)),
            Run::Missing { text } => out.push_str(&format!("<mark>{}</mark>", escape(text))),
            Run::Break => out.push_str("<br>\n"),
        }
    }
}

/// A fragment id from a section id (`general:rights` → `notice-general-rights`).
fn anchor(id: &str) -> String {
    let mut out = String::from("notice-");
    for c in id.chars() {
        out.push(if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '-'
        });
    }
    out
}

/// The notice as an `<article>` element, for embedding in a page.
pub fn render_fragment(notice: &Notice) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "<article class=\"privacy-notice\" lang=\"{}\">\n<header>\n<h1>{}</h1>\n<p><time datetime=\"{}\">{}</time></p>\n",
        notice.language.code(),
        escape(&notice.title),
        notice.version_date,
        escape(&notice.version_line)
    ));
    if let Some(note) = &notice.draft_note {
        out.push_str(&format!(
            "<p><strong><mark>{}</mark></strong></p>\n",
            escape(note)
        ));
    }
    out.push_str("<p>");
    runs(&mut out, &notice.intro);
    out.push_str("</p>\n</header>\n");
    for (i, section) in notice.sections.iter().enumerate() {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}. {}</h2>\n",
            anchor(&section.id),
            i + 1,
            escape(&section.heading)
        ));
        for block in &section.blocks {
            if let Some(sub) = &block.subheading {
                out.push_str(&format!("<h3>{}</h3>\n", escape(sub)));
            }
            for item in &block.items {
                match item {
                    Item::Paragraph(r) => {
                        out.push_str("<p>");
                        runs(&mut out, r);
                        out.push_str("</p>\n");
                    }
                    Item::List(entries) => {
                        out.push_str("<ul>\n");
                        for e in entries {
                            out.push_str("<li>");
                            runs(&mut out, e);
                            out.push_str("</li>\n");
                        }
                        out.push_str("</ul>\n");
                    }
                }
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</article>\n");
    out
}

/// The notice as a complete HTML document (UTF-8, no external resources).
pub fn render(notice: &Notice) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title} – {controller}</title>\n</head>\n<body>\n{body}</body>\n</html>\n",
        lang = notice.language.code(),
        title = escape(&notice.title),
        controller = escape(&notice.controller),
        body = render_fragment(notice)
    )
}
