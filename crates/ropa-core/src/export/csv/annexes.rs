//! One table per annex of the record: processors, transfers, joint arrangements.

use super::*;

pub(super) fn processors(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let lang = doc.language;
    let mut rows = vec![vec![
        l.id.to_owned(),
        l.processor.to_owned(),
        l.address.to_owned(),
        l.country.to_owned(),
        l.email.to_owned(),
        l.engaged_by.to_owned(),
        l.as_processor_in.to_owned(),
        l.other_roles.to_owned(),
        l.agreement.to_owned(),
        l.status.to_owned(),
        d::capitalise(l.signed_on),
        l.document.to_owned(),
        l.subject_matter.to_owned(),
        format!("{} – {}", l.clauses, l.clauses_present),
        format!("{} – {}", l.clauses, l.clauses_missing),
        format!("{} – {}", l.clauses, l.clauses_unknown),
        l.subprocessors.to_owned(),
    ]];
    for p in doc.processors() {
        let (as_processor, other) = d::processor_roles(&p.id, doc);
        let base = vec![
            p.id.clone(),
            doc.party_label(p),
            p.address.clone().unwrap_or_default(),
            p.country
                .as_deref()
                .map(|c| d::country(c, doc.german()))
                .unwrap_or_default(),
            p.email.clone().unwrap_or_default(),
            p.parent
                .as_deref()
                .map(|x| d::party_name(x, doc))
                .unwrap_or_default(),
            as_processor.join(", "),
            other.join("; "),
        ];
        let agreements: Vec<&Agreement> = doc.agreements_with(&p.id).collect();
        if agreements.is_empty() {
            let mut row = base;
            row.push(l.no_agreement.to_owned());
            row.extend(std::iter::repeat_n(String::new(), 8));
            rows.push(row);
            continue;
        }
        for g in agreements {
            let clauses = d::clauses(&g.checklist, l);
            let mut row = base.clone();
            row.extend([
                g.id.clone(),
                if g.asserted_only {
                    format!(
                        "{} ({})",
                        labels::agreement_status(g.status, lang),
                        l.asserted_only
                    )
                } else {
                    labels::agreement_status(g.status, lang).to_owned()
                },
                g.signed_on.map(|x| x.to_string()).unwrap_or_default(),
                g.document.clone().unwrap_or_default(),
                doc.local_opt(g.subject_matter.as_ref()),
                lines(clauses.present.iter().map(|s| (*s).to_owned())),
                lines(clauses.missing.iter().map(|s| (*s).to_owned())),
                lines(clauses.unknown.iter().map(|s| (*s).to_owned())),
                g.subprocessors
                    .map_or(l.not_recorded, |s| labels::subprocessors(s, lang))
                    .to_owned(),
            ]);
            rows.push(row);
        }
    }
    rows
}

pub(super) fn transfers(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let mut rows = vec![vec![
        l.reference.to_owned(),
        l.activity.to_owned(),
        l.importer.to_owned(),
        format!("{} (ISO 3166)", l.country),
        l.destination.to_owned(),
        l.mechanism.to_owned(),
        d::capitalise(l.repetitive),
        l.tia.to_owned(),
        l.copy_available.to_owned(),
        l.transfer_as_stated.to_owned(),
    ]];
    let mut list: Vec<&Transfer> = doc.content.transfers.iter().collect();
    list.sort_by_cached_key(|t| {
        (
            t.country.is_none() && t.international_organisation.is_none(),
            d::destination(t, doc),
            d::transfer_mechanism(t, doc),
        )
    });
    for t in list {
        let (reference, name) = match t.activity.as_deref().and_then(|id| doc.activity(id)) {
            Some(a) => (a.reference.clone(), doc.local(&a.name)),
            None => match t
                .service
                .as_deref()
                .and_then(|id| doc.content.services.iter().find(|s| s.id == id))
            {
                Some(s) => (s.id.clone(), doc.local(&s.name)),
                None => (String::new(), String::new()),
            },
        };
        let tia = t.tia.as_ref().map_or(String::new(), |x| {
            let mut s = if x.done { l.yes } else { l.no }.to_owned();
            if let Some(dt) = x.date {
                s.push_str(&format!(" ({dt})"));
            }
            if let Some(m) = &x.supplementary_measures {
                s.push_str(&format!("; {}: {}", l.supplementary, doc.local(m)));
            }
            s
        });
        rows.push(vec![
            reference,
            name,
            d::party_name(&t.party, doc),
            t.country.clone().unwrap_or_default(),
            d::destination(t, doc),
            d::transfer_mechanism(t, doc),
            if t.repetitive { l.yes } else { l.no }.to_owned(),
            tia,
            doc.local_opt(t.copy_available.as_ref()),
            t.as_stated.clone().unwrap_or_default(),
        ]);
    }
    rows
}

pub(super) fn joint(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let lang = doc.language;
    let mut rows = vec![vec![
        l.id.to_owned(),
        l.title_field.to_owned(),
        l.partners.to_owned(),
        l.activities_field.to_owned(),
        l.joint_scope.to_owned(),
        l.information_duty.to_owned(),
        l.requests_handled_by.to_owned(),
        l.responsibilities.to_owned(),
        l.contact_point.to_owned(),
        l.essence.to_owned(),
        d::capitalise(l.signed_on),
    ]];
    for j in &doc.content.joint_arrangements {
        let mut essence = Vec::new();
        essence.extend(j.essence_url.clone());
        essence.extend(j.essence_text.as_ref().map(|t| doc.local(t)));
        rows.push(vec![
            j.id.clone(),
            doc.local(&j.title),
            lines(j.parties.iter().map(|p| match doc.party(p) {
                Some(p) => d::party_line(p, doc),
                None => format!("[{p}]"),
            })),
            lines(j.activities.iter().map(|id| {
                doc.activity(id)
                    .map_or_else(|| format!("[{id}]"), |a| doc.activity_label(a))
            })),
            doc.local_opt(j.scope.as_ref()),
            j.information_duty
                .map_or(String::new(), |x| labels::joint_duty(x, lang).to_owned()),
            j.requests_handled_by
                .map_or(String::new(), |x| labels::joint_duty(x, lang).to_owned()),
            doc.local_opt(j.responsibilities.as_ref()),
            doc.local_opt(j.contact_point.as_ref()),
            lines(essence),
            j.signed_on.map(|x| x.to_string()).unwrap_or_default(),
        ]);
    }
    rows
}
