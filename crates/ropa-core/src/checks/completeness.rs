//! Completeness of each entry, letter by letter: Art. 30(1)(a)–(d), (g) per activity and
//! Art. 30(2)(a), (b), (d) per processor service. Letter (e) (transfers) is checked with the
//! transfers, letter (f) (erasure periods) with retention.

use super::text::{act_de, act_en, party_de, party_en, q_de, q_en};
use super::{Art30Letter, Cx, RuleInfo, Target, define_rule};
use crate::model::{ActivityRole, RecipientRole};
use std::collections::HashSet;

define_rule!(
    JOINT_CONTROLLER_MISSING,
    "ART30_1_A_JOINT_CONTROLLER_MISSING",
    Error,
    Completeness,
    Some(Art30Letter::C1A),
    "Art. 30(1)(a), 26 GDPR",
    "Art. 30 Abs. 1 lit. a, Art. 26 DSGVO",
    "Joint control without a named joint controller",
    "Gemeinsame Verantwortung ohne benannten gemeinsam Verantwortlichen"
);
define_rule!(
    PURPOSE_MISSING,
    "ART30_1_B_PURPOSE_MISSING",
    Error,
    Completeness,
    Some(Art30Letter::C1B),
    "Art. 30(1)(b) GDPR",
    "Art. 30 Abs. 1 lit. b DSGVO",
    "No purpose of processing",
    "Kein Zweck der Verarbeitung"
);
define_rule!(
    SUBJECTS_MISSING,
    "ART30_1_C_DATA_SUBJECTS_MISSING",
    Error,
    Completeness,
    Some(Art30Letter::C1C),
    "Art. 30(1)(c) GDPR",
    "Art. 30 Abs. 1 lit. c DSGVO",
    "No categories of data subjects",
    "Keine Kategorien betroffener Personen"
);
define_rule!(
    DATA_MISSING,
    "ART30_1_C_DATA_CATEGORIES_MISSING",
    Error,
    Completeness,
    Some(Art30Letter::C1C),
    "Art. 30(1)(c) GDPR",
    "Art. 30 Abs. 1 lit. c DSGVO",
    "No categories of personal data",
    "Keine Kategorien personenbezogener Daten"
);
define_rule!(
    RECIPIENTS_MISSING,
    "ART30_1_D_RECIPIENTS_MISSING",
    Warning,
    Completeness,
    Some(Art30Letter::C1D),
    "Art. 30(1)(d) GDPR",
    "Art. 30 Abs. 1 lit. d DSGVO",
    "Recipients neither recorded nor confirmed absent",
    "Empfänger weder erfasst noch als nicht vorhanden bestätigt"
);
define_rule!(
    RECIPIENT_ENTITY_NOT_NAMED,
    "RECIPIENT_ENTITY_NOT_NAMED",
    Warning,
    Completeness,
    Some(Art30Letter::C1D),
    "Art. 13(1)(e), 30(1)(d) GDPR",
    "Art. 13 Abs. 1 lit. e, Art. 30 Abs. 1 lit. d DSGVO",
    "Recipient named only by its service",
    "Empfänger nur mit seinem Dienst benannt"
);
define_rule!(
    TOMS_MISSING,
    "ART30_1_G_TOMS_MISSING",
    Warning,
    Completeness,
    Some(Art30Letter::C1G),
    "Art. 30(1)(g), 32(1) GDPR",
    "Art. 30 Abs. 1 lit. g, Art. 32 Abs. 1 DSGVO",
    "No technical and organisational measures",
    "Keine technischen und organisatorischen Maßnahmen"
);
define_rule!(
    SERVICE_CONTROLLER_CONTACT_MISSING,
    "ART30_2_A_CONTROLLER_CONTACT_MISSING",
    Error,
    Completeness,
    Some(Art30Letter::P2A),
    "Art. 30(2)(a) GDPR",
    "Art. 30 Abs. 2 lit. a DSGVO",
    "Controller served without contact details",
    "Auftraggebender Verantwortlicher ohne Kontaktdaten"
);
define_rule!(
    SERVICE_CATEGORIES_MISSING,
    "ART30_2_B_PROCESSING_CATEGORIES_MISSING",
    Error,
    Completeness,
    Some(Art30Letter::P2B),
    "Art. 30(2)(b) GDPR",
    "Art. 30 Abs. 2 lit. b DSGVO",
    "No categories of processing for the controller",
    "Keine Kategorien von Verarbeitungen für den Verantwortlichen"
);
define_rule!(
    SERVICE_TOMS_MISSING,
    "ART30_2_D_TOMS_MISSING",
    Warning,
    Completeness,
    Some(Art30Letter::P2D),
    "Art. 30(2)(d), 32(1) GDPR",
    "Art. 30 Abs. 2 lit. d, Art. 32 Abs. 1 DSGVO",
    "Processor service without technical and organisational measures",
    "Auftragsverarbeitung ohne technische und organisatorische Maßnahmen"
);
define_rule!(
    SERVICES_MISSING,
    "ART30_2_SERVICES_MISSING",
    Warning,
    Completeness,
    None,
    "Art. 30(2) GDPR",
    "Art. 30 Abs. 2 DSGVO",
    "Organisation acts as processor but no processor service is recorded",
    "Organisation ist Auftragsverarbeiter, aber keine Auftragsverarbeitung erfasst"
);
define_rule!(
    PROCESSOR_ROLE_NOT_SET,
    "ART30_2_PROCESSOR_ROLE_NOT_SET",
    Warning,
    Completeness,
    None,
    "Art. 30(2) GDPR",
    "Art. 30 Abs. 2 DSGVO",
    "Processor services recorded but the organisation is not marked as processor",
    "Auftragsverarbeitungen erfasst, aber Organisation nicht als Auftragsverarbeiter gekennzeichnet"
);

/// The rules of this family.
pub(crate) const RULES: &[RuleInfo] = &[
    JOINT_CONTROLLER_MISSING,
    PURPOSE_MISSING,
    SUBJECTS_MISSING,
    DATA_MISSING,
    RECIPIENTS_MISSING,
    RECIPIENT_ENTITY_NOT_NAMED,
    TOMS_MISSING,
    SERVICE_CONTROLLER_CONTACT_MISSING,
    SERVICE_CATEGORIES_MISSING,
    SERVICE_TOMS_MISSING,
    SERVICES_MISSING,
    PROCESSOR_ROLE_NOT_SET,
];

pub(crate) fn check(cx: &mut Cx<'_>) {
    activities(cx);
    unnamed_entities(cx);
    services(cx);
}

/// Providers the register names only by their service ("YouTube"): once per party, with the
/// activities that disclose data to it.
fn unnamed_entities(cx: &mut Cx<'_>) {
    let reg = cx.reg;
    for p in reg.parties.iter().filter(|p| p.entity_not_named) {
        let refs: Vec<String> = cx
            .live_activities()
            .filter(|a| a.recipients.iter().any(|r| r.party == p.id))
            .map(|a| a.reference.clone())
            .collect();
        if refs.is_empty() {
            continue;
        }
        let list = refs.join(", ");
        let (pe, pd) = (party_en(p), party_de(p));
        cx.emit(
            &RECIPIENT_ENTITY_NOT_NAMED,
            Target::party(p, Some("entity_not_named")),
            format!(
                "{pe} receives personal data ({list}), but the register names only the service, not the company that operates it. Name the company with its address and country: data subjects are told who receives their data, and an agreement or a transfer needs a party to it."
            ),
            format!(
                "{pd} erhält personenbezogene Daten ({list}), das Verzeichnis nennt aber nur den Dienst, nicht das Unternehmen, das ihn betreibt. Tragen Sie das Unternehmen mit Anschrift und Land ein: Betroffene erfahren, wer ihre Daten erhält, und ein Vertrag oder eine Übermittlung braucht einen Vertragspartner."
            ),
        );
    }
}

fn activities(cx: &mut Cx<'_>) {
    for a in cx.live_activities() {
        let (ae, ad) = (act_en(a), act_de(a));
        let field = |f: &str| Some(f.to_owned());

        if a.role == ActivityRole::JointController
            && !a
                .recipients
                .iter()
                .any(|r| r.role == RecipientRole::JointController)
            && !cx
                .reg
                .joint_arrangements
                .iter()
                .any(|j| j.activities.contains(&a.id))
        {
            cx.emit(
                &JOINT_CONTROLLER_MISSING,
                Target::activity(a, field("recipients")),
                format!(
                    "{ae} is carried out under joint control, but no joint controller is named. Add the other controller as a recipient with the role \"joint controller\" and record the Art. 26 arrangement with it."
                ),
                format!(
                    "Die {ad} wird in gemeinsamer Verantwortung durchgeführt, es ist aber kein gemeinsam Verantwortlicher benannt. Erfassen Sie den anderen Verantwortlichen als Empfänger mit der Rolle „gemeinsam Verantwortlicher“ und hinterlegen Sie die Vereinbarung nach Art. 26 DSGVO."
                ),
            );
        }
        if a.purposes.is_empty() {
            cx.emit(
                &PURPOSE_MISSING,
                Target::activity(a, field("purposes")),
                format!(
                    "{ae} has no purpose. Record what the data is processed for, each purpose with its legal basis; if the source document states none, ask the department before publishing anything."
                ),
                format!(
                    "Für die {ad} ist kein Zweck der Verarbeitung angegeben. Tragen Sie ein, wozu die Daten verarbeitet werden, jeden Zweck mit seiner Rechtsgrundlage; nennt die Quelle keinen Zweck, klären Sie ihn mit der Fachabteilung."
                ),
            );
        }
        if a.data_subjects.is_empty() {
            cx.emit(
                &SUBJECTS_MISSING,
                Target::activity(a, field("data_subjects")),
                format!(
                    "{ae} names no categories of data subjects. Record whose data is processed (customers, website visitors, applicants, …)."
                ),
                format!(
                    "Für die {ad} sind keine Kategorien betroffener Personen angegeben. Tragen Sie ein, wessen Daten verarbeitet werden (Kunden, Websitebesucher, Bewerber …)."
                ),
            );
        }
        if a.data_categories.is_empty() {
            cx.emit(
                &DATA_MISSING,
                Target::activity(a, field("data_categories")),
                format!(
                    "{ae} names no categories of personal data. Record which data is processed; if really no personal data is processed, retire the activity instead."
                ),
                format!(
                    "Für die {ad} sind keine Kategorien personenbezogener Daten angegeben. Tragen Sie ein, welche Daten verarbeitet werden; werden tatsächlich keine personenbezogenen Daten verarbeitet, setzen Sie die Tätigkeit auf „eingestellt“."
                ),
            );
        }
        if a.recipients.is_empty() && !a.no_recipients {
            cx.emit(
                &RECIPIENTS_MISSING,
                Target::activity(a, field("recipients")),
                format!(
                    "{ae} lists no recipients. Record the recipients or categories of recipients (processors, authorities, group companies, …), or confirm that the data is disclosed to no one outside the organisation."
                ),
                format!(
                    "Für die {ad} sind keine Empfänger angegeben. Tragen Sie die Empfänger oder Kategorien von Empfängern ein (Auftragsverarbeiter, Behörden, Konzernunternehmen …) oder bestätigen Sie, dass die Daten an niemanden außerhalb der Organisation gelangen."
                ),
            );
        }
        if a.toms.is_empty() {
            cx.emit(
                &TOMS_MISSING,
                Target::activity(a, field("toms")),
                format!(
                    "{ae} links no technical and organisational measures. Link the Art. 32 measures that protect this processing (access control, encryption, backups, …)."
                ),
                format!(
                    "Für die {ad} sind keine technischen und organisatorischen Maßnahmen verknüpft. Verknüpfen Sie die Maßnahmen nach Art. 32 DSGVO, die diese Verarbeitung schützen (Zugriffskontrolle, Verschlüsselung, Datensicherung …)."
                ),
            );
        }
    }
}

fn services(cx: &mut Cx<'_>) {
    let reg = cx.reg;
    let org = &reg.organisation;
    let services = &reg.processor_services;
    if org.is_processor && services.is_empty() {
        cx.emit(
            &SERVICES_MISSING,
            Target::organisation(org, Some("is_processor")),
            format!(
                "\"{}\" is marked as acting as a processor, but no processing on behalf of a controller is recorded. Record each service with the controller it serves (Art. 30(2) GDPR), or remove the mark.",
                org.legal_name
            ),
            format!(
                "„{}“ ist als Auftragsverarbeiter gekennzeichnet, es ist aber keine Verarbeitung im Auftrag erfasst. Erfassen Sie jede Auftragsverarbeitung mit dem jeweiligen Verantwortlichen (Art. 30 Abs. 2 DSGVO) oder entfernen Sie die Kennzeichnung.",
                org.legal_name
            ),
        );
    }
    if !org.is_processor && !services.is_empty() {
        cx.emit(
            &PROCESSOR_ROLE_NOT_SET,
            Target::organisation(org, Some("is_processor")),
            format!(
                "{} processor service(s) are recorded, but \"{}\" is not marked as acting as a processor. Set the mark so that the Art. 30(2) record is produced.",
                services.len(),
                org.legal_name
            ),
            format!(
                "Es sind {} Auftragsverarbeitung(en) erfasst, „{}“ ist aber nicht als Auftragsverarbeiter gekennzeichnet. Setzen Sie die Kennzeichnung, damit das Verzeichnis nach Art. 30 Abs. 2 DSGVO erstellt wird.",
                services.len(),
                org.legal_name
            ),
        );
    }

    let mut controllers_seen = HashSet::new();
    for s in services {
        let (se, sd) = (q_en(&s.name), q_de(&s.name));
        if let Some(p) = cx.party(&s.controller)
            && controllers_seen.insert(p.id.as_str())
        {
            let filled = |v: &Option<String>| v.as_deref().is_some_and(|x| !x.trim().is_empty());
            if !filled(&p.address) && !filled(&p.email) && !filled(&p.phone) {
                cx.emit(
                    &SERVICE_CONTROLLER_CONTACT_MISSING,
                    Target::party(p, Some("address")),
                    format!(
                        "{} is the controller of the processor service {se}, but has no contact details. Record its postal address and e-mail address.",
                        party_en(p)
                    ),
                    format!(
                        "{} ist Verantwortlicher der Auftragsverarbeitung {sd}, es sind aber keine Kontaktdaten erfasst. Tragen Sie Postanschrift und E-Mail-Adresse ein.",
                        party_de(p)
                    ),
                );
            }
        }
        if s.processing_categories.is_empty() {
            cx.emit(
                &SERVICE_CATEGORIES_MISSING,
                Target::service(s, Some("processing_categories")),
                format!(
                    "The processor service {se} names no categories of processing carried out for the controller. Record them (hosting, support with remote access, payroll, …)."
                ),
                format!(
                    "Für die Auftragsverarbeitung {sd} sind keine Kategorien von Verarbeitungen angegeben, die im Auftrag des Verantwortlichen durchgeführt werden. Tragen Sie diese ein (Hosting, Fernwartung, Lohnabrechnung …)."
                ),
            );
        }
        if s.toms.is_empty() {
            cx.emit(
                &SERVICE_TOMS_MISSING,
                Target::service(s, Some("toms")),
                format!(
                    "The processor service {se} links no technical and organisational measures. Link the Art. 32 measures applied to the controller's data."
                ),
                format!(
                    "Für die Auftragsverarbeitung {sd} sind keine technischen und organisatorischen Maßnahmen verknüpft. Verknüpfen Sie die Maßnahmen nach Art. 32 DSGVO, die für die Daten des Verantwortlichen gelten."
                ),
            );
        }
    }
}
