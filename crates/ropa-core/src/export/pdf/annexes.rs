//! The annexes: parties, processors and their agreements, joint arrangements, transfers by
//! country and mechanism, measures.

use super::*;

pub(super) fn empty_annex(doc: &RecordDocument, c: &mut Composer) {
    c.paragraph(&muted(doc.labels().annex_empty, 8.5), 0.0, 0.0);
}

pub(super) fn annex_parties(doc: &RecordDocument, c: &mut Composer) {
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
            para(doc.party_label(p), CELL_BOLD),
            muted(format!("[{}]", p.id), 7.4),
        ];
        if p.kind == PartyKind::Category {
            who.push(muted(l.category_party, 7.4));
        }
        if p.entity_not_named {
            who.push(muted(l.entity_not_named, 7.4));
        }
        if !p.aliases.is_empty() {
            who.push(detail(l.also_named, p.aliases.join("; "), 7.4));
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
            .map(|s| doc.local(&s.name))
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

pub(super) fn annex_processors(doc: &RecordDocument, c: &mut Composer) {
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
            para(doc.party_label(p), CELL_BOLD),
            muted(format!("[{}]", p.id), 7.4),
        ];
        if let Some(parent) = &p.parent {
            who.push(detail(l.engaged_by, d::party_name(parent, doc), 7.4));
        }
        let (as_processor, other) = d::processor_roles(&p.id, doc);
        if !as_processor.is_empty() {
            who.push(detail(l.as_processor_in, as_processor.join(", "), 7.4));
        }
        if !other.is_empty() {
            who.push(detail(l.other_roles, other.join("; "), 7.4));
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
            if g.asserted_only {
                a.push(muted(l.asserted_only, 7.4));
            }
            if let Some(dt) = g.signed_on {
                a.push(detail(&d::capitalise(l.signed_on), dt.to_string(), 7.4));
            }
            if let Some(s) = &g.document {
                a.push(detail(l.document, s.clone(), 7.4));
            }
            if let Some(s) = &g.subject_matter {
                a.push(detail(l.subject_matter, doc.local(s), 7.4));
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
            let clauses = d::clauses(&g.checklist, l);
            let mut cl: Cell = Vec::new();
            for (label, list) in [
                (l.clauses_present, &clauses.present),
                (l.clauses_missing, &clauses.missing),
                (l.clauses_unknown, &clauses.unknown),
            ] {
                if !list.is_empty() {
                    cl.push(detail(label, list.join(", "), 7.4));
                }
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

pub(super) fn annex_joint(doc: &RecordDocument, c: &mut Composer) {
    let l = doc.labels();
    let lang = doc.language;
    if doc.content.joint_arrangements.is_empty() {
        return empty_annex(doc, c);
    }
    for (i, j) in doc.content.joint_arrangements.iter().enumerate() {
        c.heading(
            &[
                Span::new(doc.local(&j.title), Style::bold(9.5)),
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
                            doc.activity(id)
                                .map_or_else(|| format!("[{id}]"), |a| doc.activity_label(a))
                        })
                        .collect::<Vec<_>>()
                        .join("; ")
                },
                CELL,
            )],
        );
        let opt = |v: &Option<LocalText>| match v {
            Some(s) => vec![para(doc.local(s), CELL)],
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
            essence.push(para(doc.local(u), CELL));
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

pub(super) fn annex_transfers(doc: &RecordDocument, c: &mut Composer) {
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

pub(super) fn owner_ref(doc: &RecordDocument, t: &Transfer) -> String {
    if let Some(a) = t.activity.as_deref().and_then(|id| doc.activity(id)) {
        return doc.activity_label(a);
    }
    if let Some(s) = t
        .service
        .as_deref()
        .and_then(|id| doc.content.services.iter().find(|s| s.id == id))
    {
        return format!("{} [{}]", doc.local(&s.name), s.id);
    }
    t.activity
        .clone()
        .or_else(|| t.service.clone())
        .unwrap_or_default()
}

pub(super) fn annex_toms(doc: &RecordDocument, c: &mut Composer) {
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
                .map(|s| doc.local(&s.name)),
        );
        t.rows.push(vec![
            vec![
                para(doc.local(&m.name), CELL_BOLD),
                muted(format!("[{}]", m.id), 7.4),
            ],
            vec![para(
                m.area
                    .as_ref()
                    .map_or_else(|| l.not_recorded.to_owned(), |a| doc.local(a)),
                CELL,
            )],
            vec![para(
                m.description
                    .as_ref()
                    .map_or_else(|| l.not_recorded.to_owned(), |t| doc.local(t)),
                CELL,
            )],
            vec![para(used.join(", "), Style::regular(7.4))],
        ]);
    }
    c.table(&t);
}
