//! The columns of other authorities' templates: the UK ICO controller template and the CNIL
//! register sheet.

use super::*;

/// Headers of the ICO controller template, in its order (as transcribed in gdpr.md §6).
pub const ICO_HEADERS: [&str; 30] = [
    "Business function",
    "Purpose of processing",
    "Joint controller name/contact",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Third countries/IOs",
    "Safeguards for exceptional transfers",
    "Retention schedule",
    "TOMs description",
    "Article 6 lawful basis",
    "Article 9 condition",
    "Legitimate interests",
    "Link to legitimate-interests assessment",
    "Rights available",
    "Automated decision-making/profiling",
    "Source of data",
    "Link to consent record",
    "Location of data",
    "DPIA required?",
    "DPIA progress",
    "Link to DPIA",
    "Breach occurred?",
    "Link to breach record",
    "DPA 2018 Sch. 1 condition",
    "Art. 6 basis (Sch. 1 block)",
    "Link to retention/erasure policy",
    "Retained/erased per policy?",
    "Reasons for not following the policy",
];

pub(super) fn ico(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let lang = doc.language;
    let german = doc.german();
    let mut rows = vec![ICO_HEADERS.iter().map(|h| (*h).to_owned()).collect()];
    for a in &doc.content.activities {
        let transfers: Vec<&Transfer> = doc.transfers_of(&a.id).collect();
        let contracts = lines(a.recipients.iter().filter_map(|r| {
            if !matches!(
                r.role,
                RecipientRole::Processor | RecipientRole::SubProcessor
            ) {
                return None;
            }
            let agreements = doc.agreements_for(&r.party, &a.id);
            let name = d::party_name(&r.party, doc);
            Some(if agreements.is_empty() {
                format!("{name}: {}", l.no_agreement)
            } else {
                let parts: Vec<String> = agreements
                    .iter()
                    .map(|g| {
                        let mut s = labels::agreement_status(g.status, lang).to_owned();
                        if let Some(dt) = g.signed_on {
                            s.push_str(&format!(" {dt}"));
                        }
                        if let Some(doc_ref) = &g.document {
                            s.push_str(&format!(", {doc_ref}"));
                        }
                        s
                    })
                    .collect();
                format!("{name}: {}", parts.join("; "))
            })
        }));
        let mut purpose = vec![doc.activity_label(a)];
        purpose.extend(a.purposes.iter().map(|p| doc.local(&p.description)));
        let art9 = lines(a.purposes.iter().filter_map(|p| {
            p.art9_condition.map(|c| {
                let info = crate::reference::reference().art9(c);
                format!("{} – {}", info.citation(german), info.label(german))
            })
        }));
        let interests = lines(
            a.purposes
                .iter()
                .filter_map(|p| p.legitimate_interest.as_ref().map(|t| doc.local(t))),
        );
        let consent = lines(a.purposes.iter().filter_map(|p| {
            p.consent
                .as_ref()
                .and_then(|c| c.obtained.as_ref())
                .map(|t| doc.local(t))
        }));
        let locations = lines(a.recipients.iter().filter_map(|r| {
            r.location
                .as_ref()
                .map(|loc| format!("{}: {}", d::party_name(&r.party, doc), doc.local(loc)))
        }));
        let source = a.source.as_ref().map_or(String::new(), |s| {
            let mut v = if s.from_data_subject {
                l.from_subject
            } else {
                l.not_from_subject
            }
            .to_owned();
            if let Some(desc) = &s.description {
                v.push_str(&format!(": {}", doc.local(desc)));
            }
            v
        });
        let automated = a
            .automated_decision
            .as_ref()
            .map_or(String::new(), |x| doc.local(&x.description));
        let dpia_required = labels::dpia_screening(a.dpia.screening, lang).to_owned();
        let dpia_status = a
            .dpia
            .status
            .map_or(String::new(), |s| labels::dpia_status(s, lang).to_owned());
        rows.push(vec![
            doc.local_opt(a.department.as_ref()),
            lines(purpose),
            joint_cell(doc, a),
            subjects_cell(doc, a),
            categories_cell(doc, a),
            recipients_cell(doc, a),
            contracts,
            if transfers.is_empty() {
                l.no_transfers.to_owned()
            } else {
                lines(transfers.iter().map(|t| d::destination(t, doc)))
            },
            lines(transfers.iter().map(|t| d::transfer_mechanism(t, doc))),
            retention_cell(doc, a),
            toms_cell(doc, &a.toms),
            bases_cell(doc, a),
            art9,
            interests,
            String::new(),
            a.rights_info
                .as_ref()
                .map(|t| doc.local(t))
                .unwrap_or_default(),
            automated,
            source,
            consent,
            locations,
            dpia_required,
            dpia_status,
            a.dpia.reference.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    rows
}

/// Headers of the CNIL preset (fields of the CNIL "registre" activity sheet).
pub const CNIL_HEADERS: [&str; 18] = [
    "Référence",
    "Nom du traitement",
    "Date de création",
    "Dernière mise à jour",
    "Responsable(s) conjoint(s)",
    "Nom du logiciel ou de l'application",
    "Finalité(s) du traitement",
    "Base(s) légale(s)",
    "Catégories de personnes concernées",
    "Catégories de données collectées",
    "Données sensibles",
    "Durées de conservation",
    "Destinataires internes",
    "Organismes externes",
    "Sous-traitants",
    "Transferts hors UE",
    "Pays ou organisations destinataires et garanties",
    "Mesures de sécurité",
];

pub(super) fn cnil(doc: &RecordDocument) -> Vec<Vec<String>> {
    let l = doc.labels();
    let mut rows = vec![CNIL_HEADERS.iter().map(|h| (*h).to_owned()).collect()];
    for a in &doc.content.activities {
        let transfers: Vec<&Transfer> = doc.transfers_of(&a.id).collect();
        let (created, updated) = doc
            .activity_dates
            .get(&a.id)
            .map(|(c, u)| {
                (
                    c.get(..10).unwrap_or(c).to_owned(),
                    u.get(..10).unwrap_or(u).to_owned(),
                )
            })
            .unwrap_or_default();
        let mut services: Vec<String> = Vec::new();
        for r in &a.recipients {
            if let Some(s) = r.service.as_ref().map(|t| doc.local(t))
                && !services.contains(&s)
            {
                services.push(s);
            }
        }
        let sensitive: Vec<String> = a
            .data_categories
            .iter()
            .filter(|x| {
                doc.data_category(&x.category)
                    .is_some_and(|c| c.special.is_some() || c.criminal)
            })
            .map(|x| d::data_category(&x.category, doc))
            .collect();
        let by_roles = |roles: &[RecipientRole]| {
            lines(
                a.recipients
                    .iter()
                    .filter(|r| roles.contains(&r.role))
                    .map(|r| {
                        let mut s = d::party_name(&r.party, doc);
                        if let Some(svc) = &r.service {
                            s.push_str(&format!(" – {}", doc.local(svc)));
                        }
                        s
                    }),
            )
        };
        rows.push(vec![
            a.reference.clone(),
            doc.local(&a.name),
            created,
            updated,
            joint_cell(doc, a),
            lines(services),
            or_not_recorded(
                doc,
                lines(a.purposes.iter().map(|p| doc.local(&p.description))),
            ),
            bases_cell(doc, a),
            subjects_cell(doc, a),
            categories_cell(doc, a),
            if sensitive.is_empty() {
                l.no.to_owned()
            } else {
                format!("{}\n{}", l.yes, lines(sensitive))
            },
            retention_cell(doc, a),
            by_roles(&[RecipientRole::Other]),
            by_roles(&[
                RecipientRole::JointController,
                RecipientRole::IndependentController,
                RecipientRole::GroupCompany,
                RecipientRole::PublicAuthority,
                RecipientRole::Unspecified,
            ]),
            by_roles(&[RecipientRole::Processor, RecipientRole::SubProcessor]),
            if transfers.is_empty() { l.no } else { l.yes }.to_owned(),
            lines(transfers.iter().map(|t| {
                format!(
                    "{} ({}): {}",
                    d::destination(t, doc),
                    d::party_name(&t.party, doc),
                    d::transfer_mechanism(t, doc)
                )
            })),
            toms_cell(doc, &a.toms),
        ]);
    }
    rows
}
