//! The Art. 30 record as an A4 PDF.
//!
//! Cover page (organisation, controller or processor, representative, DPO, supervisory
//! authority, register revision, export date, SHA-256 of the content), contents with page
//! numbers, one section per activity laid out by the letters of Art. 30(1)(a)–(g) (or per
//! processor service by Art. 30(2)(a)–(d)), and annexes: parties, processors with their
//! agreements, joint-controller arrangements, transfers by country and mechanism, and measures.
//! Every page carries the document identity and "Page x of y".

mod activity;
mod annexes;
mod cover;
mod service;

use super::describe as d;
use super::labels::{self, Labels};
use super::{RecordDocument, RecordKind};
use crate::error::Result;
use crate::model::*;
use crate::pdf::{self, Cell, Composer, Furniture, Geometry, PdfInfo, Rgb, Span, Style, Table};
use activity::*;
use annexes::*;
use cover::*;
use service::*;
use std::collections::BTreeMap;
use std::io::Write;

const BODY: Style = Style::regular(8.5);
const CELL: Style = Style::regular(8.0);
const CELL_BOLD: Style = Style::bold(8.0);
const KEY: Style = Style::bold(8.0);
const HEADER_SIZE: f32 = 7.6;

/// Writes the record as PDF to `out`.
pub fn write(doc: &RecordDocument, out: &mut impl Write) -> Result<()> {
    out.write_all(&to_bytes(doc)?)?;
    out.flush()?;
    Ok(())
}

/// The record as PDF bytes; refused with [`crate::Error::Unprintable`] when a fact holds a
/// character the embedded fonts cannot draw.
pub fn to_bytes(doc: &RecordDocument) -> Result<Vec<u8>> {
    crate::pdf::coverage::check(&doc.content)?;
    let geo = Geometry::a4();
    let l = doc.labels();

    // Body first: its page breaks do not depend on the front matter.
    let mut body = Composer::new(geo);
    match doc.content.record {
        RecordKind::Controller => controller_body(doc, &mut body),
        RecordKind::Processor => processor_body(doc, &mut body),
    }

    let mut cover = Composer::new(geo);
    cover_page(doc, &mut cover);
    let cover_pages = cover.pages.len();

    // Contents: lay out until the number of its pages is stable (the page numbers it prints
    // depend on it; its own length does not depend on them, as the number column is fixed).
    let mut toc_pages = 1;
    let toc = loop {
        let offset = cover_pages + toc_pages;
        let mut toc = Composer::new(geo);
        contents(doc, &body, offset, &mut toc);
        if toc.pages.len() == toc_pages {
            break toc;
        }
        toc_pages = toc.pages.len();
    };
    let offset = cover_pages + toc_pages;

    let mut pages = Vec::with_capacity(offset + body.pages.len());
    pages.extend(cover.pages);
    pages.extend(toc.pages);
    pages.extend(body.pages);

    let head_left = format!(
        "{} · {}",
        doc.content.organisation.legal_name,
        l.record_short(doc.content.record)
    );
    let foot_left = format!(
        "{} {} · {} {} · SHA-256 {}",
        l.revision_label,
        doc.revision,
        l.export_date,
        doc.export_date,
        doc.short_hash()
    );
    let page_label = |n: usize, total: usize| l.page_of(n, total);
    pdf::add_furniture(
        &mut pages,
        &geo,
        &Furniture {
            head_left: &head_left,
            foot_left: &foot_left,
            page_label: &page_label,
        },
    );

    let mut outline = vec![(l.contents.to_owned(), cover_pages)];
    outline.extend(
        body.marks
            .iter()
            .map(|m| (m.title.clone(), m.page + offset)),
    );
    let created = doc.export_date.days_since_epoch() * 86_400;
    let title = format!("{} – {}", l.title, doc.content.organisation.legal_name);
    Ok(pdf::render(
        &pages,
        &geo,
        &PdfInfo {
            title: &title,
            author: &doc.content.organisation.legal_name,
            subject: &doc.identity(),
            created,
            outline,
        },
    ))
}

fn para(text: impl Into<String>, style: Style) -> Vec<Span> {
    vec![Span::new(text, style)]
}

/// "Label: text" with the label in bold.
fn detail(label: &str, text: impl Into<String>, size: f32) -> Vec<Span> {
    vec![
        Span::new(format!("{label}: "), Style::bold(size).color(Rgb::MUTED)),
        Span::new(text, Style::regular(size)),
    ]
}

fn muted(text: impl Into<String>, size: f32) -> Vec<Span> {
    vec![Span::new(text, Style::regular(size).color(Rgb::MUTED))]
}

fn not_recorded(l: &Labels, style: Style) -> Vec<Span> {
    vec![Span::new(l.not_recorded, style.color(Rgb::MUTED))]
}

fn lines_cell(lines: &[String], style: Style) -> Cell {
    lines.iter().map(|s| para(s.clone(), style)).collect()
}

/// Share of the text width for the key column of key–value blocks: 25 %, or what the longest
/// word of a key needs, so that all blocks of a document align.
fn key_share(l: &Labels) -> f32 {
    static SHARES: std::sync::OnceLock<[f32; 2]> = std::sync::OnceLock::new();
    let shares = SHARES.get_or_init(|| [measure_keys(&labels::EN), measure_keys(&labels::DE)]);
    if std::ptr::eq(l, &labels::DE) {
        shares[1]
    } else {
        shares[0]
    }
}

fn measure_keys(l: &Labels) -> f32 {
    let keys = [
        l.description,
        l.status,
        l.department,
        l.controller,
        l.joint_controllers,
        l.representative,
        l.dpo,
        l.data_subjects,
        l.personal_data,
        l.collection,
        l.source,
        l.provision,
        l.dpia,
        l.automated,
        l.rights,
        l.last_reviewed,
        l.next_review,
        l.partners,
        l.activities_field,
        l.joint_scope,
        l.information_duty,
        l.requests_handled_by,
        l.responsibilities,
        l.contact_point,
        l.essence,
        l.controller_served,
        l.controller_representative,
        l.controller_dpo,
        l.controller_agreement,
        l.processing_categories,
        l.processor,
    ];
    let widest = keys
        .iter()
        .flat_map(|k| k.split_whitespace())
        .map(|w| KEY.width(w))
        .fold(0.0, f32::max);
    let width = Geometry::a4().content_width();
    (0.25_f32).max((widest + 2.0 * pdf::Metrics::default().cell_pad_x + 1.0) / width)
}

/// The digest on one line of the cover's value column (so that it can be searched and copied
/// whole): bold, at most 8 pt.
fn digest_style(digest: &str, l: &Labels) -> Style {
    let column = Geometry::a4().content_width() * (1.0 - 0.3_f32.max(key_share(l)))
        - 2.0 * pdf::Metrics::default().cell_pad_x
        - 2.0;
    let at_one = Style::bold(1.0).width(digest);
    Style::bold((column / at_one).min(8.0))
}

fn kv_row(table: &mut Table, key: &str, value: Cell) {
    table.rows.push(vec![vec![para(key, KEY)], value]);
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

fn part_heading(c: &mut Composer, title: &str) {
    c.page_break();
    c.set_running_head(title);
    c.heading(
        &para(title, Style::bold(16.0).color(Rgb::ACCENT)),
        Some((1, title)),
        0.0,
        10.0,
        80.0,
        true,
    );
}

fn letter_heading(c: &mut Composer, letter: usize, title: &str, citation: &str) {
    let l = (b'a' + letter as u8) as char;
    c.heading(
        &[
            Span::new(format!("({l})  "), Style::bold(9.5).color(Rgb::ACCENT)),
            Span::new(format!("{title}  "), Style::bold(9.5)),
            Span::new(
                citation.replace(' ', "\u{a0}"),
                Style::regular(7.5).color(Rgb::MUTED),
            ),
        ],
        None,
        9.0,
        3.5,
        34.0,
        false,
    );
}

fn section_heading(c: &mut Composer, code: &str, name: &str, first: bool) {
    if !first {
        c.page_break();
    }
    let title = format!("{code}  {name}");
    c.set_running_head(&title);
    c.heading(
        &[
            Span::new(format!("{code}  "), Style::bold(13.0).color(Rgb::ACCENT)),
            Span::new(name, Style::bold(13.0)),
        ],
        Some((2, &title)),
        if first { 10.0 } else { 0.0 },
        7.0,
        80.0,
        true,
    );
}

fn controller_body(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    part_heading(c, l.activities);
    if doc.content.activities.is_empty() {
        c.paragraph(&muted(l.annex_empty, 8.5), 0.0, 0.0);
    }
    for (i, a) in doc.content.activities.iter().enumerate() {
        activity(doc, a, c, i == 0);
    }
    let annexes = [
        l.annex_parties,
        l.annex_processors,
        l.annex_joint,
        l.annex_transfers,
        l.annex_toms,
    ];
    let title = |i: usize| format!("{} {} – {}", l.annex, (b'A' + i as u8) as char, annexes[i]);
    part_heading(c, &title(0));
    annex_parties(doc, c);
    part_heading(c, &title(1));
    annex_processors(doc, c);
    part_heading(c, &title(2));
    annex_joint(doc, c);
    part_heading(c, &title(3));
    annex_transfers(doc, c);
    part_heading(c, &title(4));
    annex_toms(doc, c);
}

fn processor_body(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    part_heading(c, l.services);
    if doc.content.services.is_empty() {
        c.paragraph(&muted(l.annex_empty, 8.5), 0.0, 0.0);
    }
    for (i, s) in doc.content.services.iter().enumerate() {
        service(doc, s, c, i == 0);
    }
    let annexes = [l.annex_parties, l.annex_transfers, l.annex_toms];
    let title = |i: usize| format!("{} {} – {}", l.annex, (b'A' + i as u8) as char, annexes[i]);
    part_heading(c, &title(0));
    annex_parties(doc, c);
    part_heading(c, &title(1));
    annex_transfers(doc, c);
    part_heading(c, &title(2));
    annex_toms(doc, c);
}

fn annex_letter(doc: &RecordDocument, which: &str) -> char {
    let l = doc.labels();
    let list: &[&str] = match doc.content.record {
        RecordKind::Controller => &[
            l.annex_parties,
            l.annex_processors,
            l.annex_joint,
            l.annex_transfers,
            l.annex_toms,
        ],
        RecordKind::Processor => &[l.annex_parties, l.annex_transfers, l.annex_toms],
    };
    let i = list.iter().position(|x| *x == which).unwrap_or(0);
    (b'A' + i as u8) as char
}

/// The organisation's Art. 27 representative, named, with a pointer to the cover.
fn representative_cell(doc: &RecordDocument) -> Vec<Span> {
    let l = doc.labels();
    match &doc.content.organisation.representative {
        Some(r) => vec![
            Span::new(r.name.clone(), CELL),
            Span::new(format!(" ({})", l.see_cover), CELL.color(Rgb::MUTED)),
        ],
        None => not_recorded(l, CELL),
    }
}

/// The organisation's DPO, named, with a pointer to the cover.
fn dpo_cell(doc: &RecordDocument) -> Vec<Span> {
    let l = doc.labels();
    match &doc.content.organisation.dpo {
        Some(p) => {
            let who = p
                .name
                .clone()
                .or_else(|| p.organisation.clone())
                .or_else(|| p.email.clone())
                .unwrap_or_else(|| l.dpo.to_owned());
            vec![
                Span::new(who, CELL),
                Span::new(format!(" ({})", l.see_cover), CELL.color(Rgb::MUTED)),
            ]
        }
        None => not_recorded(l, CELL),
    }
}
