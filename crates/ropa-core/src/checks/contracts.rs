//! Contracts: Art. 28 agreements with processors (and with the controllers the organisation
//! serves as processor) and Art. 26 arrangements between joint controllers.

use super::text::{act_de, act_en, join, party_de, party_en, q_de, q_en};
use super::{Cx, RuleInfo, Target, define_rule};
use crate::model::{Agreement, AgreementStatus, Date, Language, LocalText, RecipientRole};
use std::collections::HashSet;

define_rule!(
    AGREEMENT_MISSING,
    "AGREEMENT_MISSING",
    Error,
    Contracts,
    None,
    "Art. 28(3) GDPR",
    "Art. 28 Abs. 3 DSGVO",
    "Processor without an Art. 28 agreement",
    "Auftragsverarbeiter ohne Vertrag nach Art. 28"
);
define_rule!(
    AGREEMENT_UNSIGNED,
    "AGREEMENT_UNSIGNED",
    Error,
    Contracts,
    None,
    "Art. 28(3), (9) GDPR",
    "Art. 28 Abs. 3, 9 DSGVO",
    "Art. 28 agreement not signed",
    "Vertrag nach Art. 28 nicht abgeschlossen"
);
define_rule!(
    AGREEMENT_EXPIRED,
    "AGREEMENT_EXPIRED",
    Error,
    Contracts,
    None,
    "Art. 28(3) GDPR",
    "Art. 28 Abs. 3 DSGVO",
    "Art. 28 agreement ended or expired while the processor is still used",
    "Vertrag nach Art. 28 beendet oder abgelaufen, Auftragsverarbeiter aber weiter im Einsatz"
);
define_rule!(
    AGREEMENT_UNDOCUMENTED,
    "AGREEMENT_UNDOCUMENTED",
    Warning,
    Contracts,
    None,
    "Art. 28(9), 5(2) GDPR",
    "Art. 28 Abs. 9, Art. 5 Abs. 2 DSGVO",
    "Signed Art. 28 agreement without date or document",
    "Abgeschlossener Vertrag nach Art. 28 ohne Datum oder Dokument"
);
define_rule!(
    AGREEMENT_NOT_SEEN,
    "AGREEMENT_NOT_SEEN",
    Warning,
    Contracts,
    None,
    "Art. 28(3), (9), 5(2) GDPR",
    "Art. 28 Abs. 3, 9, Art. 5 Abs. 2 DSGVO",
    "Agreement asserted by the source, not seen",
    "Vertrag von der Quelle behauptet, nicht eingesehen"
);
define_rule!(
    AGREEMENT_CHECKLIST_UNKNOWN,
    "AGREEMENT_CHECKLIST_UNKNOWN",
    Warning,
    Contracts,
    None,
    "Art. 28(3)(a)–(h), 5(2) GDPR",
    "Art. 28 Abs. 3 lit. a–h, Art. 5 Abs. 2 DSGVO",
    "Not known whether the agreement has the Art. 28(3) clauses",
    "Nicht bekannt, ob der Vertrag die Pflichtinhalte nach Art. 28 Abs. 3 enthält"
);
define_rule!(
    AGREEMENT_CHECKLIST_INCOMPLETE,
    "AGREEMENT_CHECKLIST_INCOMPLETE",
    Error,
    Contracts,
    None,
    "Art. 28(3)(a)–(h) GDPR",
    "Art. 28 Abs. 3 lit. a–h DSGVO",
    "Art. 28(3) clauses missing from the agreement",
    "Pflichtinhalte nach Art. 28 Abs. 3 fehlen im Vertrag"
);
define_rule!(
    AGREEMENT_REVIEW_OVERDUE,
    "AGREEMENT_REVIEW_OVERDUE",
    Warning,
    Contracts,
    None,
    "Art. 28(1), 24(1) GDPR",
    "Art. 28 Abs. 1, Art. 24 Abs. 1 DSGVO",
    "Review of the Art. 28 agreement overdue",
    "Überprüfung des Vertrags nach Art. 28 überfällig"
);
define_rule!(
    SERVICE_AGREEMENT_MISSING,
    "SERVICE_AGREEMENT_MISSING",
    Error,
    Contracts,
    None,
    "Art. 28(3), (9) GDPR",
    "Art. 28 Abs. 3, 9 DSGVO",
    "Processing on behalf of a controller without an Art. 28 agreement",
    "Auftragsverarbeitung ohne Vertrag nach Art. 28 mit dem Verantwortlichen"
);
define_rule!(
    JOINT_ARRANGEMENT_MISSING,
    "JOINT_ARRANGEMENT_MISSING",
    Error,
    Contracts,
    None,
    "Art. 26(1) GDPR",
    "Art. 26 Abs. 1 DSGVO",
    "Joint controller without an Art. 26 arrangement",
    "Gemeinsam Verantwortlicher ohne Vereinbarung nach Art. 26"
);
define_rule!(
    JOINT_ESSENCE_MISSING,
    "JOINT_ESSENCE_MISSING",
    Error,
    Contracts,
    None,
    "Art. 26(2) GDPR",
    "Art. 26 Abs. 2 DSGVO",
    "Essence of the joint-controller arrangement not made available",
    "Wesentlicher Inhalt der Vereinbarung nach Art. 26 nicht zur Verfügung gestellt"
);
define_rule!(
    JOINT_RESPONSIBILITIES_MISSING,
    "JOINT_RESPONSIBILITIES_MISSING",
    Warning,
    Contracts,
    None,
    "Art. 26(1) GDPR",
    "Art. 26 Abs. 1 DSGVO",
    "Arrangement does not say who informs data subjects or handles their requests",
    "Vereinbarung regelt nicht, wer informiert oder Betroffenenanfragen bearbeitet"
);

/// The rules of this family.
pub(crate) const RULES: &[RuleInfo] = &[
    AGREEMENT_MISSING,
    AGREEMENT_UNSIGNED,
    AGREEMENT_EXPIRED,
    AGREEMENT_UNDOCUMENTED,
    AGREEMENT_NOT_SEEN,
    AGREEMENT_CHECKLIST_INCOMPLETE,
    AGREEMENT_CHECKLIST_UNKNOWN,
    AGREEMENT_REVIEW_OVERDUE,
    SERVICE_AGREEMENT_MISSING,
    JOINT_ARRANGEMENT_MISSING,
    JOINT_ESSENCE_MISSING,
    JOINT_RESPONSIBILITIES_MISSING,
];

fn covers(g: &Agreement, activity: &str) -> bool {
    g.activities.is_empty() || g.activities.iter().any(|a| a == activity)
}

fn in_force(g: &Agreement, today: Date) -> bool {
    g.status == AgreementStatus::Signed && g.expires_on.is_none_or(|e| e >= today)
}

pub(crate) fn check(cx: &mut Cx<'_>) {
    processors(cx);
    agreements(cx);
    services(cx);
    joint(cx);
}

/// The label of an agreement: `Art. 28 agreement with <processor>`.
fn agreement_label(cx: &Cx<'_>, g: &Agreement) -> (String, String, String) {
    let name = cx
        .party(&g.party)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| g.party.as_str().into());
    (
        format!("Art. 28 agreement with {}", name.best(Language::En)),
        format!("The Art. 28 agreement with {}", q_en(&name)),
        format!("Der Auftragsverarbeitungsvertrag mit {}", q_de(&name)),
    )
}

fn processors(cx: &mut Cx<'_>) {
    let reg = cx.reg;
    let today = cx.opts.today;
    let mut reported: HashSet<&str> = HashSet::new();
    for a in cx.live_activities() {
        let mut seen = HashSet::new();
        for (i, rec) in a.recipients.iter().enumerate() {
            if rec.role != RecipientRole::Processor || !seen.insert(rec.party.as_str()) {
                continue;
            }
            let candidates: Vec<&Agreement> = reg
                .agreements
                .iter()
                .filter(|g| g.party == rec.party && covers(g, &a.id))
                .collect();
            if candidates.iter().any(|g| in_force(g, today)) {
                continue;
            }
            let (ae, ad) = (act_en(a), act_de(a));
            let (pe, pd) = match cx.party(&rec.party) {
                Some(p) => (party_en(p), party_de(p)),
                None => (q_en(&rec.party), q_de(&rec.party)),
            };
            if let Some(g) = candidates
                .iter()
                .find(|g| g.status == AgreementStatus::Draft)
            {
                if reported.insert(g.id.as_str()) {
                    let (label, ge, gd) = agreement_label(cx, g);
                    cx.emit(
                        &AGREEMENT_UNSIGNED,
                        Target::agreement(g, label, Some("status")),
                        format!(
                            "{ge} is still a draft, but the processor already receives data for {}. Conclude the agreement (in writing or electronically, Art. 28(9)) before the processor receives data, and record the signing date.",
                            ae.replacen("Activity", "activity", 1)
                        ),
                        format!(
                            "{gd} ist noch ein Entwurf, der Auftragsverarbeiter erhält aber bereits Daten für die {ad}. Schließen Sie den Vertrag ab (schriftlich oder elektronisch, Art. 28 Abs. 9 DSGVO), bevor der Auftragsverarbeiter Daten erhält, und tragen Sie das Abschlussdatum ein."
                        ),
                    );
                }
            } else if let Some(g) = candidates.first() {
                if reported.insert(g.id.as_str()) {
                    let (label, ge, gd) = agreement_label(cx, g);
                    let (when_en, when_de) = match g.expires_on {
                        Some(e) if e < today && g.status != AgreementStatus::Ended => (
                            format!("expired on {}", super::text::date(e, false)),
                            format!("ist am {} abgelaufen", super::text::date(e, true)),
                        ),
                        _ => ("has ended".to_owned(), "ist beendet".to_owned()),
                    };
                    cx.emit(
                        &AGREEMENT_EXPIRED,
                        Target::agreement(
                            g,
                            label,
                            Some(if g.status == AgreementStatus::Ended {
                                "status"
                            } else {
                                "expires_on"
                            }),
                        ),
                        format!(
                            "{ge} {when_en}, but the processor is still recorded for {}. Renew the agreement, or stop using the processor and update the activity.",
                            ae.replacen("Activity", "activity", 1)
                        ),
                        format!(
                            "{gd} {when_de}, der Auftragsverarbeiter ist aber weiterhin für die {ad} erfasst. Verlängern Sie den Vertrag oder beenden Sie den Einsatz und passen Sie die Tätigkeit an."
                        ),
                    );
                }
            } else {
                cx.emit(
                    &AGREEMENT_MISSING,
                    Target::activity(a, Some(format!("recipients[{i}].party"))),
                    format!(
                        "{ae}: {pe} processes data as a processor, but no Art. 28 agreement with it covers this activity. Conclude a data processing agreement with the content of Art. 28(3) GDPR (e.g. the Commission's clauses of Implementing Decision (EU) 2021/915) and record it."
                    ),
                    format!(
                        "{ad}: {pd} verarbeitet Daten als Auftragsverarbeiter, es ist aber kein Vertrag nach Art. 28 DSGVO erfasst, der diese Tätigkeit abdeckt. Schließen Sie einen Auftragsverarbeitungsvertrag mit den Inhalten des Art. 28 Abs. 3 DSGVO (z. B. die Standardvertragsklauseln nach Durchführungsbeschluss (EU) 2021/915) und erfassen Sie ihn."
                    ),
                );
            }
        }
    }
}

fn agreements(cx: &mut Cx<'_>) {
    let reg = cx.reg;
    let today = cx.opts.today;
    for g in &reg.agreements {
        if g.status == AgreementStatus::Ended {
            continue;
        }
        let (label, ge, gd) = agreement_label(cx, g);
        if g.asserted_only {
            // One finding says it all: nobody has the agreement, so its date, place and
            // clauses are unknown too.
            cx.emit(
                &AGREEMENT_NOT_SEEN,
                Target::agreement(g, label.clone(), Some("asserted_only")),
                format!(
                    "{ge} is only asserted by the source; nobody has seen it. Obtain the agreement, record when it was concluded and where it is kept, and check its Art. 28(3) clauses: an agreement must be produced on request (Art. 5(2), 28(9) GDPR)."
                ),
                format!(
                    "{gd} wird von der Quelle nur behauptet; niemand hat ihn eingesehen. Beschaffen Sie den Vertrag, tragen Sie Abschlussdatum und Ablageort ein und prüfen Sie die Pflichtinhalte nach Art. 28 Abs. 3 DSGVO: Ein Vertrag muss auf Anforderung vorgelegt werden können (Art. 5 Abs. 2, Art. 28 Abs. 9 DSGVO)."
                ),
            );
        } else if g.status == AgreementStatus::Signed
            && (g.signed_on.is_none() || g.document.is_none())
        {
            let mut missing_en = Vec::new();
            let mut missing_de = Vec::new();
            if g.signed_on.is_none() {
                missing_en.push("the signing date".to_owned());
                missing_de.push("das Abschlussdatum".to_owned());
            }
            if g.document.is_none() {
                missing_en
                    .push("the document reference (where the signed agreement is kept)".to_owned());
                missing_de.push("der Ablageort des unterzeichneten Dokuments".to_owned());
            }
            cx.emit(
                &AGREEMENT_UNDOCUMENTED,
                Target::agreement(
                    g,
                    label.clone(),
                    Some(if g.signed_on.is_none() {
                        "signed_on"
                    } else {
                        "document"
                    }),
                ),
                format!(
                    "{ge} is recorded as signed, but {} {} missing. Record {}, so that the agreement can be produced on request (Art. 5(2), 28(9) GDPR); a general statement that agreements exist is not enough.",
                    join(&missing_en, false),
                    if missing_en.len() > 1 { "are" } else { "is" },
                    if missing_en.len() > 1 { "them" } else { "it" }
                ),
                format!(
                    "{gd} ist als abgeschlossen erfasst, es {} aber {}. Tragen Sie dies nach, damit der Vertrag auf Anforderung vorgelegt werden kann (Art. 5 Abs. 2, Art. 28 Abs. 9 DSGVO); eine pauschale Aussage, es bestünden Verträge, genügt nicht.",
                    if missing_de.len() > 1 { "fehlen" } else { "fehlt" },
                    join(&missing_de, true)
                ),
            );
        }
        let missing = g.checklist.missing();
        if !missing.is_empty() {
            let letters: Vec<String> = missing.iter().map(|l| format!("({l})")).collect();
            let letters_de: Vec<String> = missing.iter().map(|l| format!("lit. {l}")).collect();
            cx.emit(
                &AGREEMENT_CHECKLIST_INCOMPLETE,
                Target::agreement(g, label.clone(), Some("checklist")),
                format!(
                    "{ge} lacks the clauses of Art. 28(3){} GDPR ({} of 8 missing). Have them added (e.g. with the Commission's clauses of Implementing Decision (EU) 2021/915) before the processor goes on receiving data.",
                    join(&letters, false),
                    missing.len()
                ),
                format!(
                    "{} {} die Pflichtinhalte nach Art. 28 Abs. 3 {} DSGVO ({} von 8). Lassen Sie sie ergänzen (z. B. mit den Standardvertragsklauseln nach Durchführungsbeschluss (EU) 2021/915), bevor der Auftragsverarbeiter weiter Daten erhält.",
                    gd.replacen("Der ", "Dem ", 1),
                    if missing.len() == 1 { "fehlt" } else { "fehlen" },
                    join(&letters_de, true),
                    missing.len(),
                ),
            );
        }
        let unknown = g.checklist.unknown();
        if !unknown.is_empty() && !g.asserted_only {
            let letters: Vec<String> = unknown.iter().map(|l| format!("({l})")).collect();
            let letters_de: Vec<String> = unknown.iter().map(|l| format!("lit. {l}")).collect();
            cx.emit(
                &AGREEMENT_CHECKLIST_UNKNOWN,
                Target::agreement(g, label.clone(), Some("checklist")),
                format!(
                    "It is not recorded whether {} contains the clauses of Art. 28(3){} GDPR ({} of 8 not known). Check the agreement and record each clause as present or missing; the record prints them as not known until then.",
                    ge.replacen("The ", "the ", 1),
                    join(&letters, false),
                    unknown.len()
                ),
                format!(
                    "Es ist nicht erfasst, ob {} die Pflichtinhalte nach Art. 28 Abs. 3 {} DSGVO enthält ({} von 8 nicht bekannt). Prüfen Sie den Vertrag und tragen Sie jede Regelung als enthalten oder fehlend ein; bis dahin druckt das Verzeichnis sie als nicht bekannt.",
                    gd.replacen("Der ", "der ", 1),
                    join(&letters_de, true),
                    unknown.len()
                ),
            );
        }
        if let Some(review) = g.review_on
            && review < today
        {
            cx.emit(
                &AGREEMENT_REVIEW_OVERDUE,
                Target::agreement(g, label, Some("review_on")),
                format!(
                    "{ge} was due for review on {}. Review it (scope, sub-processors, technical and organisational measures) and record the next review date.",
                    super::text::date(review, false)
                ),
                format!(
                    "{gd} war am {} zur Überprüfung fällig. Prüfen Sie ihn (Umfang, Unterauftragsverarbeiter, technische und organisatorische Maßnahmen) und tragen Sie den nächsten Prüftermin ein.",
                    super::text::date(review, true)
                ),
            );
        }
    }
}

fn services(cx: &mut Cx<'_>) {
    let reg = cx.reg;
    for s in &reg.processor_services {
        if s.agreement.as_deref().is_some_and(|x| !x.trim().is_empty()) {
            continue;
        }
        let (ce, cd) = match cx.party(&s.controller) {
            Some(p) => (party_en(p), party_de(p)),
            None => (q_en(&s.controller), q_de(&s.controller)),
        };
        cx.emit(
            &SERVICE_AGREEMENT_MISSING,
            Target::service(s, Some("agreement")),
            format!(
                "The processor service {} for {ce} names no Art. 28 agreement with the controller. Processing on behalf of a controller requires a contract with the content of Art. 28(3) GDPR: record its reference.",
                q_en(&s.name)
            ),
            format!(
                "Für die Auftragsverarbeitung {} für {cd} ist kein Vertrag nach Art. 28 DSGVO mit dem Verantwortlichen angegeben. Die Verarbeitung im Auftrag erfordert einen Vertrag mit den Inhalten des Art. 28 Abs. 3 DSGVO: Tragen Sie seine Referenz ein.",
                q_de(&s.name)
            ),
        );
    }
}

fn joint(cx: &mut Cx<'_>) {
    let reg = cx.reg;
    for a in cx.live_activities() {
        let mut seen = HashSet::new();
        for (i, rec) in a.recipients.iter().enumerate() {
            if rec.role != RecipientRole::JointController || !seen.insert(rec.party.as_str()) {
                continue;
            }
            let covered = reg.joint_arrangements.iter().any(|j| {
                j.parties.contains(&rec.party)
                    && (j.activities.is_empty() || j.activities.contains(&a.id))
            });
            if covered {
                continue;
            }
            let (pe, pd) = match cx.party(&rec.party) {
                Some(p) => (party_en(p), party_de(p)),
                None => (q_en(&rec.party), q_de(&rec.party)),
            };
            cx.emit(
                &JOINT_ARRANGEMENT_MISSING,
                Target::activity(a, Some(format!("recipients[{i}].party"))),
                format!(
                    "{}: {pe} is a joint controller, but no Art. 26 arrangement with it covers this activity. Conclude an arrangement that sets out who meets which obligation (in particular information and data-subject requests), record it, and make its essence available to data subjects.",
                    act_en(a)
                ),
                format!(
                    "{}: {pd} ist gemeinsam Verantwortlicher, es ist aber keine Vereinbarung nach Art. 26 DSGVO erfasst, die diese Tätigkeit abdeckt. Schließen Sie eine Vereinbarung, die festlegt, wer welche Pflichten erfüllt (insbesondere Information und Betroffenenanfragen), erfassen Sie sie und stellen Sie ihren wesentlichen Inhalt den Betroffenen zur Verfügung.",
                    act_de(a)
                ),
            );
        }
    }
    for j in &reg.joint_arrangements {
        let (je, jd) = (q_en(&j.title), q_de(&j.title));
        let blank = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        if blank(&j.essence_url) && j.essence_text.as_ref().is_none_or(LocalText::is_blank) {
            cx.emit(
                &JOINT_ESSENCE_MISSING,
                Target::joint(j, Some("essence_url")),
                format!(
                    "The joint-controller arrangement {je} does not say where its essence is made available to data subjects. Publish the essence (e.g. in the privacy notice) and record the link or the text."
                ),
                format!(
                    "Bei der Vereinbarung über die gemeinsame Verantwortlichkeit {jd} ist nicht erfasst, wo ihr wesentlicher Inhalt den Betroffenen zur Verfügung gestellt wird. Veröffentlichen Sie den wesentlichen Inhalt (z. B. in der Datenschutzerklärung) und tragen Sie den Link oder den Text ein."
                ),
            );
        }
        if j.information_duty.is_none() || j.requests_handled_by.is_none() {
            let mut missing_en = Vec::new();
            let mut missing_de = Vec::new();
            if j.information_duty.is_none() {
                missing_en.push("who gives the Art. 13/14 information".to_owned());
                missing_de.push("wer die Informationen nach Art. 13/14 DSGVO erteilt".to_owned());
            }
            if j.requests_handled_by.is_none() {
                missing_en.push("who handles data-subject requests".to_owned());
                missing_de.push("wer Betroffenenanfragen bearbeitet".to_owned());
            }
            cx.emit(
                &JOINT_RESPONSIBILITIES_MISSING,
                Target::joint(
                    j,
                    Some(if j.information_duty.is_none() {
                        "information_duty"
                    } else {
                        "requests_handled_by"
                    }),
                ),
                format!(
                    "The joint-controller arrangement {je} does not record {}. Art. 26(1) requires the arrangement to set this out: record it from the arrangement, or have the arrangement amended.",
                    join(&missing_en, false)
                ),
                format!(
                    "Bei der Vereinbarung über die gemeinsame Verantwortlichkeit {jd} ist nicht erfasst, {}. Art. 26 Abs. 1 DSGVO verlangt eine Regelung dazu: Übernehmen Sie sie aus der Vereinbarung oder lassen Sie die Vereinbarung ergänzen.",
                    join(&missing_de, true)
                ),
            );
        }
    }
}
