//! One processor service laid out by the letters of Art. 30(2)(a)–(d).

use super::*;

pub(super) fn service(doc: &RecordDocument, s: &ProcessorService, c: &mut Composer, first: bool) {
    let l = doc.labels();
    let rec = RecordKind::Processor;
    section_heading(c, &format!("[{}]", s.id), &doc.local(&s.name), first);
    if let Some(desc) = &s.description {
        let mut t = Table::key_value(key_share(l));
        kv_row(&mut t, l.description, vec![para(doc.local(desc), CELL)]);
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
            let mut cell = vec![para(
                format!("{} [{}]", doc.party_label(p), p.id),
                CELL_BOLD,
            )];
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
            lines_cell(
                &s.processing_categories
                    .iter()
                    .map(|x| doc.local(x))
                    .collect::<Vec<_>>(),
                CELL,
            ),
        );
        c.table(&t);
    }

    letter_heading(c, 2, l.p_letters[2], &l.art30_citation(rec, 2));
    transfers_table(doc, doc.transfers_of(&s.id).collect(), c);

    letter_heading(c, 3, l.p_letters[3], &l.art30_citation(rec, 3));
    toms_list(doc, &s.toms, c);
}
