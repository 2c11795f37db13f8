//! The cover page (who keeps the record, the document's identity) and the contents.

use super::*;

pub(super) fn cover_page(doc: &RecordDocument, c: &mut Composer) {
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
            None if o.dpo_designated == Some(false) => vec![para(l.no_dpo, CELL)],
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
    if let Some(s) = &doc.content.organisation.source {
        let lines = d::source_document(s, doc);
        kv_row(&mut t, l.source_document, lines_cell(&lines, CELL));
    }
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

pub(super) fn contents(doc: &RecordDocument, body: &Composer, offset: usize, c: &mut Composer) {
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
