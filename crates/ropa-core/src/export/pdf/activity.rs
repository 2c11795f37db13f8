//! One activity laid out by the letters of Art. 30(1)(a)–(g), with its transfers, retention,
//! measures and further details.

use super::*;

pub(super) fn activity(doc: &RecordDocument, a: &Activity, c: &mut Composer, first: bool) {
    let l = doc.labels();
    let lang = doc.language;
    let rec = RecordKind::Controller;
    section_heading(c, &a.reference, &doc.local(&a.name), first);

    let mut t = Table::key_value(key_share(l));
    kv_row(
        &mut t,
        l.description,
        match &a.description {
            Some(s) => vec![para(doc.local(s), CELL)],
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
                    dep.as_ref()
                        .map_or_else(|| l.not_recorded.to_owned(), |d| doc.local(d)),
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
                doc.local(&j.title),
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
                vec![para(doc.local(&p.description), CELL)],
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
                    if let Some(desc) = doc
                        .subject_category(s)
                        .and_then(|x| x.description.as_ref())
                        .map(|t| doc.local(t))
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
                        p.push(Span::new(
                            format!(" – {}", doc.local(n)),
                            CELL.color(Rgb::MUTED),
                        ));
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
                } else if p.entity_not_named {
                    who.push(muted(l.entity_not_named, 7.4));
                }
            }
            let mut what: Cell = Vec::new();
            if let Some(s) = &r.service {
                what.push(para(doc.local(s), CELL));
            }
            if let Some(s) = &r.location {
                what.push(detail(l.location, doc.local(s), 7.4));
            }
            if let Some(s) = &r.note {
                what.push(detail(l.note, doc.local(s), 7.4));
            }
            if let Some(u) = &r.privacy_url {
                what.push(detail(l.privacy_policy, u.clone(), 7.4));
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

pub(super) fn transfers_table(doc: &RecordDocument, transfers: Vec<&Transfer>, c: &mut Composer) {
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

pub(super) fn retention_table(doc: &RecordDocument, a: &Activity, c: &mut Composer) {
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
    for (what, rule) in d::further_retention(a, doc) {
        t.rows
            .push(vec![vec![para(what, CELL)], vec![para(rule, CELL)]]);
    }
    if t.rows.is_empty() {
        c.paragraph(&not_recorded(l, BODY), 0.0, 0.0);
    } else {
        c.table(&t);
    }
}

pub(super) fn toms_list(doc: &RecordDocument, toms: &[String], c: &mut Composer) {
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
                    .as_ref()
                    .map_or_else(|| l.not_recorded.to_owned(), |t| doc.local(t)),
            ),
            None => (format!("[{id}]"), l.not_recorded.to_owned()),
        };
        t.rows
            .push(vec![vec![para(name, CELL)], vec![para(desc, CELL)]]);
    }
    c.table(&t);
}

pub(super) fn further(doc: &RecordDocument, a: &Activity, c: &mut Composer) {
    let l = doc.labels();
    let lang = doc.language;
    let mut t = Table::key_value(key_share(l));
    if let Some(s) = &a.collection {
        kv_row(&mut t, l.collection, vec![para(doc.local(s), CELL)]);
    }
    if let Some(s) = &a.source {
        let mut v = if s.from_data_subject {
            l.from_subject
        } else {
            l.not_from_subject
        }
        .to_owned();
        if let Some(desc) = &s.description {
            v.push_str(&format!(": {}", doc.local(desc)));
        }
        if s.publicly_accessible {
            v.push_str(&format!(" ({})", l.public_source));
        }
        kv_row(&mut t, l.source, vec![para(v, CELL)]);
    }
    if let Some(p) = &a.provision {
        let mut cell = vec![para(labels::provision(p.requirement, lang), CELL)];
        if let Some(cq) = &p.consequences {
            cell.push(detail(l.consequences, doc.local(cq), 7.4));
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
            cell.push(detail(l.note, doc.local(n), 7.4));
        }
        kv_row(&mut t, l.dpia, cell);
    }
    if let Some(ad) = &a.automated_decision {
        let mut cell = vec![para(doc.local(&ad.description), CELL)];
        if let Some(s) = &ad.logic {
            cell.push(detail(l.logic, doc.local(s), 7.4));
        }
        if let Some(s) = &ad.consequences {
            cell.push(detail(l.consequences, doc.local(s), 7.4));
        }
        kv_row(&mut t, l.automated, cell);
    }
    if let Some(s) = &a.rights_info {
        kv_row(&mut t, l.rights, vec![para(doc.local(s), CELL)]);
    }
    if let Some(n) = a.notes.as_ref().filter(|_| a.notes_in_record) {
        kv_row(&mut t, l.notes, vec![para(n.clone(), CELL)]);
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
