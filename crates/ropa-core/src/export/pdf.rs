//! The Art. 30 record as an A4 PDF.
//!
//! Cover page (organisation, controller or processor, representative, DPO, supervisory
//! authority, register revision, export date, SHA-256 of the content), contents with page
//! numbers, one section per activity laid out by the letters of Art. 30(1)(a)–(g) (or per
//! processor service by Art. 30(2)(a)–(d)), and annexes: parties, processors with their
//! agreements, joint-controller arrangements, transfers by country and mechanism, and measures.
//! Every page carries the document identity and "Page x of y".

use super::describe as d;
use super::labels::{self, Labels};
use super::{RecordDocument, RecordKind};
use crate::error::Result;
use crate::model::*;
use crate::pdf::{self, Cell, Composer, Furniture, Geometry, PdfInfo, Rgb, Span, Style, Table};
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
// Cover and contents
// ---------------------------------------------------------------------------------------------

fn cover_page(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    let o = &doc.content.organisation;
    let record = doc.content.record;
    c.set_running_head("");
    c.space(0.0);
    c.paragraph(
        &para(l.title, Style::bold(21.0).color(Rgb::ACCENT)),
        0.0,
        4.0,
    );
    c.paragraph(&para(l.subtitle(record), Style::regular(11.5)), 0.0, 16.0);
    c.paragraph(&para(o.legal_name.clone(), Style::bold(15.0)), 0.0, 6.0);
    c.rule(Rgb::ACCENT, 1.2);
    c.space(14.0);

    let mut t = Table::key_value(0.3_f32.max(key_share(l)));
    let mut own = vec![o.legal_name.clone()];
    if let Some(a) = d::organisation_address(o, doc.german()) {
        own.push(a);
    }
    for (label, v) in [
        (l.email, &o.email),
        (l.phone, &o.phone),
        (l.website, &o.website),
    ] {
        if let Some(v) = v {
            own.push(format!("{label}: {v}"));
        }
    }
    let role = match record {
        RecordKind::Controller => l.controller,
        RecordKind::Processor => l.processor,
    };
    kv_row(&mut t, role, lines_cell(&own, CELL));
    kv_row(
        &mut t,
        l.management,
        match &o.management {
            Some(m) => vec![para(m.clone(), CELL)],
            None => vec![not_recorded(l, CELL)],
        },
    );
    kv_row(
        &mut t,
        l.representative,
        match &o.representative {
            Some(r) => lines_cell(&d::contact_lines(r, doc), CELL),
            None => vec![not_recorded(l, CELL)],
        },
    );
    kv_row(
        &mut t,
        l.dpo,
        match &o.dpo {
            Some(p) => lines_cell(&d::dpo_lines(p, doc), CELL),
            None => vec![not_recorded(l, CELL)],
        },
    );
    kv_row(
        &mut t,
        l.authority,
        match &o.supervisory_authority {
            Some(a) => lines_cell(&d::contact_lines(a, doc), CELL),
            None => vec![not_recorded(l, CELL)],
        },
    );
    c.table(&t);
    c.space(16.0);

    c.heading(
        &para(l.about, Style::bold(10.0).color(Rgb::ACCENT)),
        None,
        0.0,
        4.0,
        60.0,
        false,
    );
    let mut t = Table::key_value(0.3_f32.max(key_share(l)));
    kv_row(
        &mut t,
        l.register,
        vec![para(doc.register_id.clone(), CELL)],
    );
    kv_row(
        &mut t,
        l.register_revision,
        vec![para(doc.revision.to_string(), CELL)],
    );
    kv_row(
        &mut t,
        l.export_date,
        vec![para(doc.export_date.to_string(), CELL)],
    );
    let scope = match record {
        RecordKind::Controller => {
            let n = doc.content.activities.len();
            let mut s = if doc.whole_register {
                l.count(l.scope_all_activities, n)
            } else {
                l.count(l.scope_selected_activities, n)
            };
            if !doc.whole_register {
                let refs: Vec<&str> = doc
                    .content
                    .activities
                    .iter()
                    .map(|a| a.reference.as_str())
                    .collect();
                s.push_str(&format!(": {}", refs.join(", ")));
            }
            s
        }
        RecordKind::Processor => {
            let n = doc.content.services.len();
            if doc.whole_register {
                l.count(l.scope_all_services, n)
            } else {
                l.count(l.scope_selected_services, n)
            }
        }
    };
    kv_row(&mut t, l.scope, vec![para(scope, CELL)]);
    kv_row(&mut t, l.language, vec![para(l.language_name, CELL)]);
    kv_row(
        &mut t,
        l.digest,
        vec![
            para(doc.sha256.clone(), digest_style(&doc.sha256, l)),
            muted(l.digest_explained, 7.0),
        ],
    );
    c.table(&t);
    c.space(12.0);
    let note = match record {
        RecordKind::Controller => l.reading_note,
        RecordKind::Processor => l.reading_note_processor,
    };
    c.paragraph(&muted(note, 7.5), 0.0, 0.0);
}

fn contents(doc: &RecordDocument, body: &Composer, offset: usize, c: &mut Composer) {
    let l = doc.labels();
    c.set_running_head(l.contents);
    c.heading(
        &para(l.contents, Style::bold(16.0).color(Rgb::ACCENT)),
        None,
        0.0,
        10.0,
        20.0,
        true,
    );
    for m in &body.marks {
        let page = m.page + offset;
        let (spans, indent, before) = if m.level <= 1 {
            (para(m.title.clone(), Style::bold(9.0)), 0.0, 5.0)
        } else {
            (para(m.title.clone(), Style::regular(8.5)), 14.0, 0.8)
        };
        c.space(before);
        c.toc_entry(&spans, indent, &(page + 1).to_string(), page);
    }
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

fn activity(doc: &RecordDocument, a: &Activity, c: &mut Composer, first: bool) {
    let l = doc.labels();
    let lang = doc.language;
    let rec = RecordKind::Controller;
    section_heading(c, &a.reference, &a.name, first);

    let mut t = Table::key_value(key_share(l));
    kv_row(
        &mut t,
        l.description,
        match &a.description {
            Some(s) => vec![para(s.clone(), CELL)],
            None => vec![not_recorded(l, CELL)],
        },
    );
    kv_row(
        &mut t,
        l.status,
        vec![para(
            format!(
                "{} · {}: {}",
                labels::activity_status(a.status, lang),
                l.role,
                labels::activity_role(a.role, lang)
            ),
            CELL,
        )],
    );
    kv_row(
        &mut t,
        l.department,
        vec![match (&a.department, &a.contact) {
            (None, None) => not_recorded(l, CELL),
            (dep, con) => {
                let mut spans = vec![Span::new(
                    dep.clone().unwrap_or_else(|| l.not_recorded.to_owned()),
                    CELL,
                )];
                spans.push(Span::new(format!(" · {}: ", l.contact), CELL));
                spans.push(Span::new(
                    con.clone().unwrap_or_else(|| l.not_recorded.to_owned()),
                    CELL,
                ));
                spans
            }
        }],
    );
    c.table(&t);

    // (a) Controller, joint controllers, representative, DPO.
    letter_heading(c, 0, l.c_letters[0], &l.art30_citation(rec, 0));
    let o = &doc.content.organisation;
    let mut t = Table::key_value(key_share(l));
    kv_row(
        &mut t,
        l.controller,
        vec![vec![
            Span::new(o.legal_name.clone(), CELL),
            Span::new(format!(" ({})", l.see_cover), CELL.color(Rgb::MUTED)),
        ]],
    );
    let joint = d::joint_controllers(a, doc);
    let mut jc: Cell = joint
        .iter()
        .map(|id| match doc.party(id) {
            Some(p) => para(d::party_line(p, doc), CELL),
            None => para(format!("[{id}]"), CELL),
        })
        .collect();
    for j in doc.joint_arrangements_of(&a.id) {
        jc.push(detail(
            l.arrangement,
            format!(
                "{} ({} {})",
                j.title,
                l.see_annex,
                annex_letter(doc, l.annex_joint)
            ),
            8.0,
        ));
    }
    if jc.is_empty() {
        jc.push(if a.role == ActivityRole::JointController {
            not_recorded(l, CELL)
        } else {
            para(l.sole_controller, CELL)
        });
    }
    kv_row(&mut t, l.joint_controllers, jc);
    kv_row(&mut t, l.representative, vec![representative_cell(doc)]);
    kv_row(&mut t, l.dpo, vec![dpo_cell(doc)]);
    c.table(&t);

    // (b) Purposes with their legal bases.
    letter_heading(c, 1, l.c_letters[1], &l.art30_citation(rec, 1));
    if a.purposes.is_empty() {
        c.paragraph(&not_recorded(l, BODY), 0.0, 0.0);
    } else {
        let mut t = Table::new(
            &[(0.05, "#"), (0.43, l.purpose), (0.52, l.legal_basis)],
            HEADER_SIZE,
        );
        for (i, p) in a.purposes.iter().enumerate() {
            let mut basis: Cell = vec![match p.legal_basis {
                Some(_) => para(d::purpose_basis(p, doc), CELL_BOLD),
                None => not_recorded(l, CELL),
            }];
            for (label, text) in d::purpose_details(p, doc) {
                basis.push(detail(label, text, 7.4));
            }
            t.rows.push(vec![
                vec![para(format!("{}", i + 1), CELL.color(Rgb::MUTED))],
                vec![para(p.description.clone(), CELL)],
                basis,
            ]);
        }
        c.table(&t);
    }

    // (c) Data subjects and personal data.
    letter_heading(c, 2, l.c_letters[2], &l.art30_citation(rec, 2));
    let mut t = Table::key_value(key_share(l));
    kv_row(
        &mut t,
        l.data_subjects,
        if a.data_subjects.is_empty() {
            vec![not_recorded(l, CELL)]
        } else {
            a.data_subjects
                .iter()
                .map(|s| {
                    let mut p = para(d::subject_category(s, doc), CELL);
                    if let Some(desc) = doc.subject_category(s).and_then(|x| x.description.clone())
                    {
                        p.push(Span::new(format!(" – {desc}"), CELL.color(Rgb::MUTED)));
                    }
                    p
                })
                .collect()
        },
    );
    kv_row(
        &mut t,
        l.personal_data,
        if a.data_categories.is_empty() {
            vec![not_recorded(l, CELL)]
        } else {
            a.data_categories
                .iter()
                .map(|x| {
                    let mut p = para(d::data_category(&x.category, doc), CELL);
                    if x.optional {
                        p.push(Span::new(
                            format!(" ({})", l.optional),
                            CELL.color(Rgb::MUTED),
                        ));
                    }
                    if let Some(n) = &x.note {
                        p.push(Span::new(format!(" – {n}"), CELL.color(Rgb::MUTED)));
                    }
                    p
                })
                .collect()
        },
    );
    c.table(&t);

    // (d) Recipients.
    letter_heading(c, 3, l.c_letters[3], &l.art30_citation(rec, 3));
    if a.recipients.is_empty() {
        if a.no_recipients {
            c.paragraph(&para(l.no_recipients, BODY), 0.0, 0.0);
        } else {
            c.paragraph(&not_recorded(l, BODY), 0.0, 0.0);
        }
    } else {
        let mut t = Table::new(
            &[
                (0.4, l.recipient),
                (0.2, l.recipient_role),
                (0.4, l.service),
            ],
            HEADER_SIZE,
        );
        for r in &a.recipients {
            let mut who: Cell = vec![para(d::party_name(&r.party, doc), CELL)];
            if let Some(p) = doc.party(&r.party) {
                if let Some(co) = &p.country {
                    who.push(muted(d::country(co, doc.german()), 7.4));
                } else if p.kind == PartyKind::Category {
                    who.push(muted(l.category_party, 7.4));
                }
            }
            let mut what: Cell = Vec::new();
            if let Some(s) = &r.service {
                what.push(para(s.clone(), CELL));
            }
            if let Some(s) = &r.location {
                what.push(detail(l.location, s.clone(), 7.4));
            }
            if let Some(s) = &r.note {
                what.push(detail(l.note, s.clone(), 7.4));
            }
            if matches!(
                r.role,
                RecipientRole::Processor | RecipientRole::SubProcessor
            ) {
                let agreements = doc.agreements_for(&r.party, &a.id);
                if agreements.is_empty() {
                    what.push(detail(l.agreement, l.no_agreement, 7.4));
                } else {
                    for g in agreements {
                        let mut s = labels::agreement_status(g.status, doc.language).to_owned();
                        if let Some(date) = g.signed_on {
                            s.push_str(&format!(" {date}"));
                        }
                        s.push_str(&format!(
                            " ({} {})",
                            l.see_annex,
                            annex_letter(doc, l.annex_processors)
                        ));
                        what.push(detail(l.agreement, s, 7.4));
                    }
                }
            }
            t.rows.push(vec![
                who,
                vec![para(labels::recipient_role(r.role, doc.language), CELL)],
                what,
            ]);
        }
        c.table(&t);
    }

    // (e) Transfers.
    letter_heading(c, 4, l.c_letters[4], &l.art30_citation(rec, 4));
    transfers_table(doc, doc.transfers_of(&a.id).collect(), c);

    // (f) Erasure.
    letter_heading(c, 5, l.c_letters[5], &l.art30_citation(rec, 5));
    retention_table(doc, a, c);

    // (g) TOMs.
    letter_heading(c, 6, l.c_letters[6], &l.art30_citation(rec, 6));
    toms_list(doc, &a.toms, c);

    // Further facts of the register, where recorded.
    further(doc, a, c);
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

fn transfers_table(doc: &RecordDocument, transfers: Vec<&Transfer>, c: &mut Composer) {
    let l = doc.labels();
    if transfers.is_empty() {
        c.paragraph(&para(l.no_transfers, BODY), 0.0, 0.0);
        return;
    }
    let mut t = Table::new(
        &[(0.3, l.importer), (0.2, l.destination), (0.5, l.mechanism)],
        HEADER_SIZE,
    );
    for x in transfers {
        let mut mech: Cell = vec![match &x.mechanism {
            Some(m) => para(d::mechanism(m, doc), CELL),
            None => not_recorded(l, CELL),
        }];
        for (label, text) in d::transfer_details(x, doc) {
            mech.push(detail(label, text, 7.4));
        }
        let dest = match (&x.country, &x.international_organisation) {
            (None, None) => not_recorded(l, CELL),
            _ => para(d::destination(x, doc), CELL),
        };
        t.rows.push(vec![
            vec![para(d::party_name(&x.party, doc), CELL)],
            vec![dest],
            mech,
        ]);
    }
    c.table(&t);
}

fn retention_table(doc: &RecordDocument, a: &Activity, c: &mut Composer) {
    let l = doc.labels();
    let mut t = Table::new(&[(0.36, l.data_category), (0.64, l.erasure)], HEADER_SIZE);
    // Categories with their own rule, one row each; the rest share the activity's rule (or have
    // none, said so).
    let mut shared = Vec::new();
    let mut without = Vec::new();
    for x in &a.data_categories {
        match &x.retention {
            Some(r) => t.rows.push(vec![
                vec![para(d::data_category(&x.category, doc), CELL)],
                vec![para(d::retention(r, doc), CELL)],
            ]),
            None if a.retention.is_some() => shared.push(d::data_category(&x.category, doc)),
            None => without.push(d::data_category(&x.category, doc)),
        }
    }
    if let Some(r) = &a.retention {
        let who: Cell = if shared.len() == a.data_categories.len() {
            vec![para(l.all_categories, CELL_BOLD)]
        } else if shared.is_empty() {
            vec![para(
                format!("({})", l.activity_rule),
                CELL.color(Rgb::MUTED),
            )]
        } else {
            shared.iter().map(|s| para(s.clone(), CELL)).collect()
        };
        t.rows
            .push(vec![who, vec![para(d::retention(r, doc), CELL)]]);
    }
    if !without.is_empty() {
        t.rows.push(vec![
            without.iter().map(|s| para(s.clone(), CELL)).collect(),
            vec![not_recorded(l, CELL)],
        ]);
    }
    if t.rows.is_empty() {
        c.paragraph(&not_recorded(l, BODY), 0.0, 0.0);
    } else {
        c.table(&t);
    }
}

fn toms_list(doc: &RecordDocument, toms: &[String], c: &mut Composer) {
    let l = doc.labels();
    if toms.is_empty() {
        c.paragraph(&not_recorded(l, BODY), 0.0, 0.0);
        return;
    }
    let mut t = Table::new(&[(0.45, l.measure), (0.55, l.description)], HEADER_SIZE);
    for id in toms {
        let (name, desc) = match doc.tom(id) {
            Some(m) => (
                d::tom(id, doc),
                m.description
                    .clone()
                    .unwrap_or_else(|| l.not_recorded.to_owned()),
            ),
            None => (format!("[{id}]"), l.not_recorded.to_owned()),
        };
        t.rows
            .push(vec![vec![para(name, CELL)], vec![para(desc, CELL)]]);
    }
    c.table(&t);
}

fn further(doc: &RecordDocument, a: &Activity, c: &mut Composer) {
    let l = doc.labels();
    let lang = doc.language;
    let mut t = Table::key_value(key_share(l));
    if let Some(s) = &a.collection {
        kv_row(&mut t, l.collection, vec![para(s.clone(), CELL)]);
    }
    if let Some(s) = &a.source {
        let mut v = if s.from_data_subject {
            l.from_subject
        } else {
            l.not_from_subject
        }
        .to_owned();
        if let Some(desc) = &s.description {
            v.push_str(&format!(": {desc}"));
        }
        if s.publicly_accessible {
            v.push_str(&format!(" ({})", l.public_source));
        }
        kv_row(&mut t, l.source, vec![para(v, CELL)]);
    }
    if let Some(p) = &a.provision {
        let mut cell = vec![para(labels::provision(p.requirement, lang), CELL)];
        if let Some(cq) = &p.consequences {
            cell.push(detail(l.consequences, cq.clone(), 7.4));
        }
        kv_row(&mut t, l.provision, cell);
    }
    let dpia = &a.dpia;
    if dpia.screening != DpiaScreening::NotScreened
        || dpia.status.is_some()
        || dpia.reference.is_some()
        || dpia.note.is_some()
    {
        let mut s = labels::dpia_screening(dpia.screening, lang).to_owned();
        if let Some(st) = dpia.status {
            s.push_str(&format!(", {}", labels::dpia_status(st, lang)));
        }
        if let Some(date) = dpia.completed_on {
            s.push_str(&format!(" ({date})"));
        }
        let mut cell = vec![para(s, CELL)];
        if let Some(r) = &dpia.reference {
            cell.push(detail(l.document, r.clone(), 7.4));
        }
        if let Some(n) = &dpia.note {
            cell.push(detail(l.note, n.clone(), 7.4));
        }
        kv_row(&mut t, l.dpia, cell);
    }
    if let Some(ad) = &a.automated_decision {
        let mut cell = vec![para(ad.description.clone(), CELL)];
        if let Some(s) = &ad.logic {
            cell.push(detail(l.logic, s.clone(), 7.4));
        }
        if let Some(s) = &ad.consequences {
            cell.push(detail(l.consequences, s.clone(), 7.4));
        }
        kv_row(&mut t, l.automated, cell);
    }
    if let Some(s) = &a.rights_info {
        kv_row(&mut t, l.rights, vec![para(s.clone(), CELL)]);
    }
    if let Some(dt) = a.last_reviewed {
        kv_row(&mut t, l.last_reviewed, vec![para(dt.to_string(), CELL)]);
    }
    if let Some(dt) = a.next_review {
        kv_row(&mut t, l.next_review, vec![para(dt.to_string(), CELL)]);
    }
    if t.rows.is_empty() {
        return;
    }
    c.heading(
        &para(l.further, Style::bold(9.5).color(Rgb::MUTED)),
        None,
        11.0,
        3.5,
        30.0,
        false,
    );
    c.table(&t);
}

fn service(doc: &RecordDocument, s: &ProcessorService, c: &mut Composer, first: bool) {
    let l = doc.labels();
    let rec = RecordKind::Processor;
    section_heading(c, &format!("[{}]", s.id), &s.name, first);
    if let Some(desc) = &s.description {
        let mut t = Table::key_value(key_share(l));
        kv_row(&mut t, l.description, vec![para(desc.clone(), CELL)]);
        c.table(&t);
    }

    letter_heading(c, 0, l.p_letters[0], &l.art30_citation(rec, 0));
    let o = &doc.content.organisation;
    let mut t = Table::key_value(key_share(l));
    kv_row(
        &mut t,
        l.processor,
        vec![vec![
            Span::new(o.legal_name.clone(), CELL),
            Span::new(format!(" ({})", l.see_cover), CELL.color(Rgb::MUTED)),
        ]],
    );
    kv_row(&mut t, l.representative, vec![representative_cell(doc)]);
    kv_row(&mut t, l.dpo, vec![dpo_cell(doc)]);
    let controller: Cell = match doc.party(&s.controller) {
        Some(p) => {
            let mut cell = vec![para(format!("{} [{}]", p.name, p.id), CELL_BOLD)];
            for (label, v) in d::party_contact(p, doc) {
                cell.push(detail(label, v, 7.4));
            }
            cell
        }
        None => vec![para(format!("[{}]", s.controller), CELL)],
    };
    kv_row(&mut t, l.controller_served, controller);
    for (label, v) in [
        (l.controller_representative, &s.controller_representative),
        (l.controller_dpo, &s.controller_dpo),
        (l.controller_agreement, &s.agreement),
    ] {
        kv_row(
            &mut t,
            label,
            vec![match v {
                Some(v) => para(v.clone(), CELL),
                None => not_recorded(l, CELL),
            }],
        );
    }
    c.table(&t);

    letter_heading(c, 1, l.p_letters[1], &l.art30_citation(rec, 1));
    if s.processing_categories.is_empty() {
        c.paragraph(&not_recorded(l, BODY), 0.0, 0.0);
    } else {
        let mut t = Table::key_value(key_share(l));
        kv_row(
            &mut t,
            l.processing_categories,
            lines_cell(&s.processing_categories, CELL),
        );
        c.table(&t);
    }

    letter_heading(c, 2, l.p_letters[2], &l.art30_citation(rec, 2));
    transfers_table(doc, doc.transfers_of(&s.id).collect(), c);

    letter_heading(c, 3, l.p_letters[3], &l.art30_citation(rec, 3));
    toms_list(doc, &s.toms, c);
}

// ---------------------------------------------------------------------------------------------
// Annexes
// ---------------------------------------------------------------------------------------------

fn empty_annex(doc: &RecordDocument, c: &mut Composer) {
    c.paragraph(&muted(doc.labels().annex_empty, 8.5), 0.0, 0.0);
}

fn annex_parties(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    c.paragraph(&muted(l.annex_parties_intro, 7.8), 0.0, 8.0);
    if doc.content.parties.is_empty() {
        return empty_annex(doc, c);
    }
    let mut t = Table::new(
        &[(0.32, l.name), (0.43, l.address), (0.25, l.used_in)],
        HEADER_SIZE,
    );
    for p in &doc.content.parties {
        let mut who: Cell = vec![
            para(p.name.clone(), CELL_BOLD),
            muted(format!("[{}]", p.id), 7.4),
        ];
        if p.kind == PartyKind::Category {
            who.push(muted(l.category_party, 7.4));
        }
        if p.group_company {
            who.push(muted(l.group_company, 7.4));
        }
        if let Some(parent) = &p.parent {
            who.push(detail(l.engaged_by, d::party_name(parent, doc), 7.4));
        }
        let contact = d::party_contact(p, doc);
        let mut addr: Cell = Vec::new();
        for (label, v) in &contact {
            if *label == l.address {
                addr.push(para(v.clone(), CELL));
            } else {
                addr.push(detail(label, v.clone(), 7.4));
            }
        }
        if p.address.is_none() {
            addr.insert(0, detail(l.address, l.not_recorded, 7.4));
        }
        let used: Vec<String> = doc
            .activities_using_party(&p.id)
            .iter()
            .map(|a| a.reference.clone())
            .collect();
        let controller_of: Vec<String> = doc
            .content
            .services
            .iter()
            .filter(|s| s.controller == p.id)
            .map(|s| s.name.clone())
            .collect();
        let mut used_cell: Cell = Vec::new();
        if !used.is_empty() {
            used_cell.push(para(used.join(", "), CELL));
        }
        if !controller_of.is_empty() {
            used_cell.push(para(controller_of.join(", "), CELL));
        }
        if used_cell.is_empty() {
            used_cell.push(muted("–", 8.0));
        }
        t.rows.push(vec![who, addr, used_cell]);
    }
    c.table(&t);
}

fn annex_processors(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    let lang = doc.language;
    let processors = doc.processors();
    if processors.is_empty() {
        return empty_annex(doc, c);
    }
    let mut t = Table::new(
        &[(0.28, l.processor), (0.42, l.agreement), (0.30, l.clauses)],
        HEADER_SIZE,
    );
    for p in processors {
        let mut who: Cell = vec![
            para(p.name.clone(), CELL_BOLD),
            muted(format!("[{}]", p.id), 7.4),
        ];
        if let Some(parent) = &p.parent {
            who.push(detail(l.engaged_by, d::party_name(parent, doc), 7.4));
        }
        let used: Vec<String> = doc
            .activities_using_party(&p.id)
            .iter()
            .map(|a| a.reference.clone())
            .collect();
        if !used.is_empty() {
            who.push(detail(l.used_in, used.join(", "), 7.4));
        }
        let agreements: Vec<&Agreement> = doc.agreements_with(&p.id).collect();
        if agreements.is_empty() {
            t.rows.push(vec![
                who,
                vec![para(l.no_agreement, CELL.color(Rgb::MUTED))],
                vec![muted("–", 8.0)],
            ]);
            continue;
        }
        for (i, g) in agreements.iter().enumerate() {
            let mut a: Cell = vec![para(
                format!(
                    "{} [{}]",
                    d::capitalise(labels::agreement_status(g.status, lang)),
                    g.id
                ),
                CELL_BOLD,
            )];
            if let Some(dt) = g.signed_on {
                a.push(detail(&d::capitalise(l.signed_on), dt.to_string(), 7.4));
            }
            if let Some(s) = &g.document {
                a.push(detail(l.document, s.clone(), 7.4));
            }
            if let Some(s) = &g.subject_matter {
                a.push(detail(l.subject_matter, s.clone(), 7.4));
            }
            if !g.activities.is_empty() {
                let refs: Vec<String> = g
                    .activities
                    .iter()
                    .map(|id| {
                        doc.activity(id)
                            .map_or_else(|| id.clone(), |x| x.reference.clone())
                    })
                    .collect();
                a.push(detail(l.activities_field, refs.join(", "), 7.4));
            }
            if let Some(dt) = g.review_on {
                a.push(detail(l.review_on, dt.to_string(), 7.4));
            }
            if let Some(dt) = g.expires_on {
                a.push(detail(l.expires_on, dt.to_string(), 7.4));
            }
            a.push(detail(
                l.subprocessors,
                g.subprocessors
                    .map_or(l.not_recorded, |s| labels::subprocessors(s, lang)),
                7.4,
            ));
            let (present, missing) = d::clauses(&g.checklist, l);
            let mut cl: Cell = Vec::new();
            if !present.is_empty() {
                cl.push(detail(l.clauses_present, present.join(", "), 7.4));
            }
            if !missing.is_empty() {
                cl.push(detail(l.clauses_missing, missing.join(", "), 7.4));
            }
            let who_cell = if i == 0 {
                who.clone()
            } else {
                vec![muted(format!("[{}]", p.id), 7.4)]
            };
            t.rows.push(vec![who_cell, a, cl]);
        }
    }
    c.table(&t);
}

fn annex_joint(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    let lang = doc.language;
    if doc.content.joint_arrangements.is_empty() {
        return empty_annex(doc, c);
    }
    for (i, j) in doc.content.joint_arrangements.iter().enumerate() {
        c.heading(
            &[
                Span::new(j.title.clone(), Style::bold(9.5)),
                Span::new(
                    format!("  [{}]", j.id),
                    Style::regular(7.5).color(Rgb::MUTED),
                ),
            ],
            None,
            if i == 0 { 0.0 } else { 12.0 },
            4.0,
            40.0,
            false,
        );
        let mut t = Table::key_value(key_share(l));
        kv_row(
            &mut t,
            l.partners,
            j.parties
                .iter()
                .map(|p| match doc.party(p) {
                    Some(p) => para(d::party_line(p, doc), CELL),
                    None => para(format!("[{p}]"), CELL),
                })
                .collect(),
        );
        kv_row(
            &mut t,
            l.activities_field,
            vec![para(
                if j.activities.is_empty() {
                    l.not_recorded.to_owned()
                } else {
                    j.activities
                        .iter()
                        .map(|id| {
                            doc.activity(id).map_or_else(
                                || format!("[{id}]"),
                                |a| format!("{} {}", a.reference, a.name),
                            )
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                },
                CELL,
            )],
        );
        let opt = |v: &Option<String>| match v {
            Some(s) => vec![para(s.clone(), CELL)],
            None => vec![not_recorded(l, CELL)],
        };
        kv_row(&mut t, l.joint_scope, opt(&j.scope));
        kv_row(
            &mut t,
            l.information_duty,
            vec![match j.information_duty {
                Some(x) => para(labels::joint_duty(x, lang), CELL),
                None => not_recorded(l, CELL),
            }],
        );
        kv_row(
            &mut t,
            l.requests_handled_by,
            vec![match j.requests_handled_by {
                Some(x) => para(labels::joint_duty(x, lang), CELL),
                None => not_recorded(l, CELL),
            }],
        );
        kv_row(&mut t, l.responsibilities, opt(&j.responsibilities));
        kv_row(&mut t, l.contact_point, opt(&j.contact_point));
        let mut essence: Cell = Vec::new();
        if let Some(u) = &j.essence_url {
            essence.push(para(u.clone(), CELL));
        }
        if let Some(u) = &j.essence_text {
            essence.push(para(u.clone(), CELL));
        }
        if essence.is_empty() {
            essence.push(not_recorded(l, CELL));
        }
        kv_row(&mut t, l.essence, essence);
        if let Some(dt) = j.signed_on {
            kv_row(
                &mut t,
                &d::capitalise(l.signed_on),
                vec![para(dt.to_string(), CELL)],
            );
        }
        c.table(&t);
    }
}

fn annex_transfers(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    if doc.content.transfers.is_empty() {
        return empty_annex(doc, c);
    }
    // Group by destination, then by mechanism; destinations not recorded come last.
    let mut groups: BTreeMap<(bool, String), Vec<&Transfer>> = BTreeMap::new();
    for t in &doc.content.transfers {
        let unknown = t.country.is_none() && t.international_organisation.is_none();
        groups
            .entry((unknown, d::destination(t, doc)))
            .or_default()
            .push(t);
    }
    for (i, ((_, dest), mut list)) in groups.into_iter().enumerate() {
        list.sort_by_cached_key(|t| (d::transfer_mechanism(t, doc), owner_ref(doc, t)));
        let code = list[0]
            .country
            .clone()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        c.heading(
            &[Span::new(format!("{dest}{code}"), Style::bold(9.5))],
            None,
            if i == 0 { 0.0 } else { 12.0 },
            4.0,
            40.0,
            false,
        );
        let mut t = Table::new(
            &[(0.4, l.mechanism), (0.3, l.activity), (0.3, l.importer)],
            HEADER_SIZE,
        );
        for x in list {
            let mut mech: Cell = vec![match &x.mechanism {
                Some(m) => para(d::mechanism(m, doc), CELL),
                None => not_recorded(l, CELL),
            }];
            for (label, text) in d::transfer_details(x, doc) {
                if label != l.transfer_as_stated {
                    mech.push(detail(label, text, 7.4));
                }
            }
            t.rows.push(vec![
                mech,
                vec![para(owner_ref(doc, x), CELL)],
                vec![para(d::party_name(&x.party, doc), CELL)],
            ]);
        }
        c.table(&t);
    }
}

fn owner_ref(doc: &RecordDocument, t: &Transfer) -> String {
    if let Some(a) = t.activity.as_deref().and_then(|id| doc.activity(id)) {
        return format!("{} {}", a.reference, a.name);
    }
    if let Some(s) = t
        .service
        .as_deref()
        .and_then(|id| doc.content.services.iter().find(|s| s.id == id))
    {
        return format!("{} [{}]", s.name, s.id);
    }
    t.activity
        .clone()
        .or_else(|| t.service.clone())
        .unwrap_or_default()
}

fn annex_toms(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    if doc.content.toms.is_empty() {
        return empty_annex(doc, c);
    }
    let mut t = Table::new(
        &[
            (0.25, l.measure),
            (0.14, l.area),
            (0.36, l.description),
            (0.25, l.used_in),
        ],
        HEADER_SIZE,
    );
    for m in &doc.content.toms {
        let mut used: Vec<String> = doc
            .content
            .activities
            .iter()
            .filter(|a| a.toms.contains(&m.id))
            .map(|a| a.reference.clone())
            .collect();
        used.extend(
            doc.content
                .services
                .iter()
                .filter(|s| s.toms.contains(&m.id))
                .map(|s| s.name.clone()),
        );
        t.rows.push(vec![
            vec![
                para(m.name.clone(), CELL_BOLD),
                muted(format!("[{}]", m.id), 7.4),
            ],
            vec![para(
                m.area.clone().unwrap_or_else(|| l.not_recorded.to_owned()),
                CELL,
            )],
            vec![para(
                m.description
                    .clone()
                    .unwrap_or_else(|| l.not_recorded.to_owned()),
                CELL,
            )],
            vec![para(used.join(", "), Style::regular(7.4))],
        ]);
    }
    c.table(&t);
}
