//! The notice as an A4 PDF, on the layout module of the Art. 30 record.
//!
//! First page: title, controller, version line, the draft note (when facts are missing), the
//! opening paragraph and the contents with page numbers; then one numbered section per general
//! topic and activity, with subheadings, paragraphs and bulleted lists. Links keep their target
//! visible in brackets (a printed notice cannot be clicked); missing facts show as bold red
//! markers. Every page carries the controller, the title, the version line and "Page x of y".

use super::{Item, Mode, Notice, Run};
use crate::model::Language;
use crate::pdf::{self, Composer, Furniture, Geometry, PdfInfo, Rgb, Span, Style};
use std::io::Write;

const BODY: Style = Style::regular(9.5);
const SUBHEADING: Style = Style::bold(10.0);
/// Colour of missing-fact markers and of the draft note.
const ALERT: Rgb = Rgb(0.66, 0.13, 0.10);

struct Words {
    contents: &'static str,
    draft: &'static str,
    page_of: fn(usize, usize) -> String,
}

fn words(language: Language) -> Words {
    match language {
        Language::De => Words {
            contents: "Inhalt",
            draft: "ENTWURF",
            page_of: |n, total| format!("Seite {n} von {total}"),
        },
        Language::En => Words {
            contents: "Contents",
            draft: "DRAFT",
            page_of: |n, total| format!("Page {n} of {total}"),
        },
    }
}

/// Writes the notice as PDF to `out`.
pub fn write(notice: &Notice, out: &mut impl Write) -> crate::Result<()> {
    out.write_all(&to_bytes(notice)?)?;
    Ok(out.flush()?)
}

/// The notice as PDF bytes; refused with [`crate::Error::Unprintable`] when it holds a
/// character the embedded fonts cannot draw.
pub fn to_bytes(notice: &Notice) -> crate::Result<Vec<u8>> {
    crate::pdf::coverage::check(notice)?;
    let geo = Geometry::a4();
    let w = words(notice.language);

    // The sections first: their page breaks do not depend on the front page.
    let mut body = Composer::new(geo);
    for (i, section) in notice.sections.iter().enumerate() {
        let heading = format!("{}. {}", i + 1, section.heading);
        if i > 0 {
            body.space(10.0);
        }
        body.set_running_head(&heading);
        body.heading(
            &[Span::new(
                heading.clone(),
                Style::bold(13.0).color(Rgb::ACCENT),
            )],
            Some((1, &heading)),
            4.0,
            6.0,
            36.0,
            true,
        );
        for block in &section.blocks {
            if let Some(sub) = &block.subheading {
                body.heading(
                    &[Span::new(sub.clone(), SUBHEADING)],
                    None,
                    4.0,
                    3.0,
                    24.0,
                    false,
                );
            }
            items(&mut body, &block.items);
        }
    }

    // Front page and contents: laid out until the number of their pages is stable (the page
    // numbers printed depend on it; its length does not depend on them).
    let mut front_pages = 1;
    let front = loop {
        let mut front = Composer::new(geo);
        front_page(notice, &w, &body, front_pages, &mut front);
        if front.pages.len() == front_pages {
            break front;
        }
        front_pages = front.pages.len();
    };

    let mut pages = Vec::with_capacity(front_pages + body.pages.len());
    pages.extend(front.pages);
    pages.extend(body.pages);

    let head_left = format!("{} · {}", notice.controller, notice.title);
    let foot_left = match notice.mode {
        Mode::Draft if !notice.warnings.is_empty() => {
            format!("{} · {}", notice.version_line, w.draft)
        }
        _ => notice.version_line.clone(),
    };
    pdf::add_furniture(
        &mut pages,
        &geo,
        &Furniture {
            head_left: &head_left,
            foot_left: &foot_left,
            page_label: &w.page_of,
        },
    );
    let outline = body
        .marks
        .iter()
        .map(|m| (m.title.clone(), m.page + front_pages))
        .collect();
    let title = format!("{} – {}", notice.title, notice.controller);
    Ok(pdf::render(
        &pages,
        &geo,
        &PdfInfo {
            title: &title,
            author: &notice.controller,
            subject: &notice.version_line,
            created: notice.version_date.days_since_epoch() * 86_400,
            outline,
        },
    ))
}

fn front_page(notice: &Notice, w: &Words, body: &Composer, offset: usize, c: &mut Composer) {
    c.set_running_head("");
    c.paragraph(
        &[Span::new(
            notice.title.clone(),
            Style::bold(20.0).color(Rgb::ACCENT),
        )],
        0.0,
        4.0,
    );
    c.paragraph(
        &[Span::new(notice.controller.clone(), Style::bold(13.0))],
        0.0,
        3.0,
    );
    c.paragraph(
        &[Span::new(
            notice.version_line.clone(),
            Style::regular(10.0).color(Rgb::MUTED),
        )],
        0.0,
        6.0,
    );
    c.rule(Rgb::ACCENT, 1.2);
    c.space(12.0);
    if let Some(note) = &notice.draft_note {
        c.paragraph(
            &[Span::new(note.clone(), Style::bold(9.5).color(ALERT))],
            0.0,
            10.0,
        );
    }
    c.paragraph(&spans(&notice.intro, BODY), 0.0, 14.0);
    c.heading(
        &[Span::new(w.contents, Style::bold(12.0).color(Rgb::ACCENT))],
        None,
        4.0,
        6.0,
        20.0,
        false,
    );
    for mark in &body.marks {
        let target = mark.page + offset;
        c.toc_entry(
            &[Span::new(mark.title.clone(), Style::regular(9.5))],
            0.0,
            &(target + 1).to_string(),
            target,
        );
        c.space(2.0);
    }
}

fn items(c: &mut Composer, items: &[Item]) {
    for item in items {
        match item {
            Item::Paragraph(runs) => c.paragraph(&spans(runs, BODY), 0.0, 5.0),
            Item::List(entries) => {
                for entry in entries {
                    c.list_item("•", &spans(entry, BODY), 4.0, 10.0, 2.5);
                }
                c.space(3.0);
            }
        }
    }
}

/// The runs of a paragraph as styled spans.
fn spans(runs: &[Run], style: Style) -> Vec<Span> {
    let mut out = Vec::with_capacity(runs.len());
    for run in runs {
        match run {
            Run::Text { text } => out.push(Span::new(text.clone(), style)),
            Run::Link { text, href } => {
                out.push(Span::new(text.clone(), style.color(Rgb::ACCENT)));
                let target = href.strip_prefix("mailto:").unwrap_or(href);
                if target != text {
                    out.push(Span::new(format!(" ({target})"), style.color(Rgb::MUTED)));
                }
            }
            Run::Missing { text } => out.push(Span::new(text.clone(), style.bolded().color(ALERT))),
            Run::Break => out.push(Span::new("\n", style)),
        }
    }
    out
}
