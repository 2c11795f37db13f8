//! Chapter V: transfers to third countries and international organisations, Art. 30(1)(e) and
//! 30(2)(c). Every recipient outside the EEA needs a recorded transfer, every transfer a
//! destination and a valid mechanism; invalid mechanisms (Privacy Shield, the pre-2021 SCCs),
//! DPF claims that cannot hold and adequacy decisions used outside their scope are reported.

use super::text::{act_de, act_en, country, join, party_de, party_en, q_de, q_en, ref_date};
use super::{Art30Letter, Cx, RuleInfo, Target, define_rule};
use crate::model::{Art49Derogation, Date, PartyKind, Transfer, TransferMechanism};
use crate::reference::reference;
use std::collections::{BTreeMap, HashSet};

define_rule!(
    THIRD_COUNTRY_NO_TRANSFER,
    "RECIPIENT_THIRD_COUNTRY_NO_TRANSFER",
    Error,
    Transfers,
    Some(Art30Letter::C1E),
    "Art. 30(1)(e), 44 GDPR",
    "Art. 30 Abs. 1 lit. e, Art. 44 DSGVO",
    "Recipient outside the EEA without a recorded transfer",
    "Empfänger außerhalb des EWR ohne erfasste Übermittlung"
);
define_rule!(
    RECIPIENT_COUNTRY_UNKNOWN,
    "RECIPIENT_COUNTRY_UNKNOWN",
    Warning,
    Transfers,
    Some(Art30Letter::C1E),
    "Art. 30(1)(d), (e) GDPR",
    "Art. 30 Abs. 1 lit. d, e DSGVO",
    "Recipient without a country",
    "Empfänger ohne Land"
);
define_rule!(
    DESTINATION_MISSING,
    "TRANSFER_DESTINATION_MISSING",
    Error,
    Transfers,
    Some(Art30Letter::C1E),
    "Art. 30(1)(e), 30(2)(c) GDPR",
    "Art. 30 Abs. 1 lit. e, Abs. 2 lit. c DSGVO",
    "Transfer without a destination country or organisation",
    "Übermittlung ohne Drittland oder internationale Organisation"
);
define_rule!(
    RECIPIENT_NOT_LISTED,
    "TRANSFER_RECIPIENT_NOT_LISTED",
    Warning,
    Transfers,
    Some(Art30Letter::C1D),
    "Art. 30(1)(d), (e) GDPR",
    "Art. 30 Abs. 1 lit. d, e DSGVO",
    "Data importer not listed among the activity's recipients",
    "Datenimporteur nicht unter den Empfängern der Tätigkeit"
);
define_rule!(
    MECHANISM_MISSING,
    "TRANSFER_MECHANISM_MISSING",
    Error,
    Transfers,
    None,
    "Art. 44–46, 49 GDPR",
    "Art. 44–46, 49 DSGVO",
    "Transfer without a transfer mechanism",
    "Übermittlung ohne Garantie oder Rechtsgrundlage nach Kapitel V"
);
define_rule!(
    PRIVACY_SHIELD,
    "TRANSFER_PRIVACY_SHIELD",
    Error,
    Transfers,
    None,
    "Art. 44, 45 GDPR; CJEU C-311/18",
    "Art. 44, 45 DSGVO; EuGH C-311/18",
    "Transfer relies on the invalid Privacy Shield",
    "Übermittlung stützt sich auf den ungültigen Privacy Shield"
);
define_rule!(
    LEGACY_SCC,
    "TRANSFER_LEGACY_SCC",
    Error,
    Transfers,
    None,
    "Art. 46(2)(c) GDPR; Implementing Decision (EU) 2021/914",
    "Art. 46 Abs. 2 lit. c DSGVO; Durchführungsbeschluss (EU) 2021/914",
    "Transfer relies on expired pre-2021 standard contractual clauses",
    "Übermittlung stützt sich auf ausgelaufene Standardvertragsklauseln vor 2021"
);
define_rule!(
    SCC_DATE_MISSING,
    "TRANSFER_SCC_DATE_MISSING",
    Warning,
    Transfers,
    None,
    "Art. 46(2)(c), 5(2) GDPR",
    "Art. 46 Abs. 2 lit. c, Art. 5 Abs. 2 DSGVO",
    "Standard contractual clauses without a signing date",
    "Standardvertragsklauseln ohne Abschlussdatum"
);
define_rule!(
    SCC_BEFORE_2021,
    "TRANSFER_SCC_BEFORE_2021",
    Error,
    Transfers,
    None,
    "Art. 46(2)(c) GDPR; Implementing Decision (EU) 2021/914",
    "Art. 46 Abs. 2 lit. c DSGVO; Durchführungsbeschluss (EU) 2021/914",
    "2021 clauses recorded with a date before they existed",
    "Klauseln von 2021 mit einem Datum vor ihrem Erlass erfasst"
);
define_rule!(
    TIA_MISSING,
    "TRANSFER_TIA_MISSING",
    Warning,
    Transfers,
    None,
    "Art. 46(1) GDPR; CJEU C-311/18",
    "Art. 46 Abs. 1 DSGVO; EuGH C-311/18",
    "Art. 46 transfer without a transfer impact assessment",
    "Übermittlung nach Art. 46 ohne Transfer Impact Assessment"
);
define_rule!(
    DPF_NOT_US,
    "TRANSFER_DPF_NOT_US",
    Error,
    Transfers,
    None,
    "Art. 45 GDPR; Implementing Decision (EU) 2023/1795",
    "Art. 45 DSGVO; Durchführungsbeschluss (EU) 2023/1795",
    "Data Privacy Framework used for a recipient outside the US",
    "Data Privacy Framework für einen Empfänger außerhalb der USA"
);
define_rule!(
    DPF_CHECK_MISSING,
    "TRANSFER_DPF_CHECK_MISSING",
    Warning,
    Transfers,
    None,
    "Art. 45 GDPR; Implementing Decision (EU) 2023/1795",
    "Art. 45 DSGVO; Durchführungsbeschluss (EU) 2023/1795",
    "DPF certification never checked",
    "DPF-Zertifizierung nicht geprüft"
);
define_rule!(
    DPF_CHECK_STALE,
    "TRANSFER_DPF_CHECK_STALE",
    Warning,
    Transfers,
    None,
    "Art. 45 GDPR; Implementing Decision (EU) 2023/1795",
    "Art. 45 DSGVO; Durchführungsbeschluss (EU) 2023/1795",
    "DPF certification check out of date",
    "Prüfung der DPF-Zertifizierung veraltet"
);
define_rule!(
    ADEQUACY_MISMATCH,
    "TRANSFER_ADEQUACY_MISMATCH",
    Error,
    Transfers,
    None,
    "Art. 45(1) GDPR",
    "Art. 45 Abs. 1 DSGVO",
    "Adequacy decision does not cover the destination",
    "Angemessenheitsbeschluss deckt das Zielland nicht ab"
);
define_rule!(
    ADEQUACY_EXPIRED,
    "TRANSFER_ADEQUACY_EXPIRED",
    Error,
    Transfers,
    None,
    "Art. 45 GDPR",
    "Art. 45 DSGVO",
    "Adequacy decision expired",
    "Angemessenheitsbeschluss ausgelaufen"
);
define_rule!(
    ADEQUACY_SCOPE,
    "TRANSFER_ADEQUACY_SCOPE",
    Info,
    Transfers,
    None,
    "Art. 45 GDPR",
    "Art. 45 DSGVO",
    "Adequacy decision with a restricted scope: confirm the recipient is covered",
    "Angemessenheitsbeschluss mit eingeschränktem Anwendungsbereich: Erfassung des Empfängers bestätigen"
);
define_rule!(
    ART49_REPETITIVE,
    "TRANSFER_ART49_REPETITIVE",
    Warning,
    Transfers,
    None,
    "Art. 49(1) GDPR; EDPB Guidelines 2/2018",
    "Art. 49 Abs. 1 DSGVO; EDSA-Leitlinien 2/2018",
    "Art. 49 derogation used for repetitive transfers",
    "Ausnahme nach Art. 49 für wiederholte Übermittlungen genutzt"
);
define_rule!(
    COMPELLING_REPETITIVE,
    "TRANSFER_COMPELLING_REPETITIVE",
    Error,
    Transfers,
    None,
    "Art. 49(1) second subparagraph GDPR",
    "Art. 49 Abs. 1 UAbs. 2 DSGVO",
    "Compelling legitimate interests used for repetitive transfers",
    "Zwingende berechtigte Interessen für wiederholte Übermittlungen genutzt"
);

/// The rules of this family.
pub(crate) const RULES: &[RuleInfo] = &[
    THIRD_COUNTRY_NO_TRANSFER,
    RECIPIENT_COUNTRY_UNKNOWN,
    DESTINATION_MISSING,
    RECIPIENT_NOT_LISTED,
    MECHANISM_MISSING,
    PRIVACY_SHIELD,
    LEGACY_SCC,
    SCC_DATE_MISSING,
    SCC_BEFORE_2021,
    TIA_MISSING,
    DPF_NOT_US,
    DPF_CHECK_MISSING,
    DPF_CHECK_STALE,
    ADEQUACY_MISMATCH,
    ADEQUACY_EXPIRED,
    ADEQUACY_SCOPE,
    ART49_REPETITIVE,
    COMPELLING_REPETITIVE,
];

/// Adoption of Implementing Decision (EU) 2021/914: 2021 clauses cannot predate it.
const SCC_2021_ADOPTED: &str = "2021-06-04";

pub(crate) fn check(cx: &mut Cx<'_>) {
    recipients(cx);
    let reg = cx.reg;
    for t in &reg.transfers {
        if let Some(aid) = &t.activity
            && cx
                .activity(aid)
                .is_some_and(|a| a.status == crate::model::ActivityStatus::Retired)
        {
            continue;
        }
        transfer(cx, t);
    }
}

/// Recipients established outside the EEA without a transfer, and recipients of unknown
/// country.
fn recipients(cx: &mut Cx<'_>) {
    let r = reference();
    // Parties without a country, with the activities that use them (BTreeMap: stable order).
    let mut unknown: BTreeMap<usize, (&str, Vec<String>)> = BTreeMap::new();
    let reg = cx.reg;
    let party_index = |id: &str| reg.parties.iter().position(|p| p.id == id);

    for a in cx.live_activities() {
        let mut seen = HashSet::new();
        for (i, rec) in a.recipients.iter().enumerate() {
            let Some(p) = cx.party(&rec.party) else {
                continue;
            };
            if !seen.insert(p.id.as_str()) {
                continue;
            }
            match p.country.as_deref() {
                None if p.kind == PartyKind::Entity => {
                    if let Some(ix) = party_index(&p.id) {
                        unknown
                            .entry(ix)
                            .or_insert((p.id.as_str(), Vec::new()))
                            .1
                            .push(a.reference.clone());
                    }
                }
                Some(c) if r.country(c).is_some() && !r.is_eea(c) => {
                    let has_transfer = reg
                        .transfers
                        .iter()
                        .any(|t| t.activity.as_deref() == Some(a.id.as_str()) && t.party == p.id);
                    if !has_transfer {
                        let (ce, cd) = (country(c, false), country(c, true));
                        let (ae, ad) = (act_en(a), act_de(a));
                        let (pe, pd) = (party_en(p), party_de(p));
                        cx.emit(
                            &THIRD_COUNTRY_NO_TRANSFER,
                            Target::activity(a, Some(format!("recipients[{i}].party"))),
                            format!(
                                "{ae} discloses data to {pe}, established outside the EEA ({ce}), but records no transfer to it. Record the transfer with its destination and mechanism (adequacy decision, DPF, SCCs, …), or correct the recipient's country if the data stays in the EEA."
                            ),
                            format!(
                                "Die {ad} gibt Daten an {pd} mit Sitz außerhalb des EWR ({cd}) weiter, eine Übermittlung ist aber nicht erfasst. Erfassen Sie die Übermittlung mit Zielland und Garantie (Angemessenheitsbeschluss, DPF, Standardvertragsklauseln …) oder korrigieren Sie das Land des Empfängers, wenn die Daten im EWR bleiben."
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
    }
    for t in &reg.transfers {
        if let Some(p) = cx.party(&t.party)
            && p.country.is_none()
            && p.kind == PartyKind::Entity
            && let Some(ix) = party_index(&p.id)
        {
            unknown.entry(ix).or_insert((p.id.as_str(), Vec::new()));
        }
    }
    for (id, mut refs) in unknown.into_values() {
        let Some(p) = cx.party(id) else { continue };
        refs.dedup();
        let used_en = if refs.is_empty() {
            "It receives personal data in a transfer".to_owned()
        } else {
            format!("It receives personal data in {}", join(&refs, false))
        };
        let used_de = if refs.is_empty() {
            "Er erhält personenbezogene Daten im Rahmen einer Übermittlung".to_owned()
        } else {
            format!("Er erhält personenbezogene Daten in {}", join(&refs, true))
        };
        cx.emit(
            &RECIPIENT_COUNTRY_UNKNOWN,
            Target::party(p, Some("country")),
            format!(
                "The recipient {} has no country. {used_en}. Record the country of the entity that receives the data, so that transfers outside the EEA can be recognised.",
                party_en(p)
            ),
            format!(
                "Für den Empfänger {} ist kein Land erfasst. {used_de}. Tragen Sie das Land der empfangenden Stelle ein, damit Übermittlungen in Drittländer erkannt werden.",
                party_de(p)
            ),
        );
    }
}

fn transfer(cx: &mut Cx<'_>, t: &Transfer) {
    let r = reference();
    let party = cx.party(&t.party);
    let importer = party.map(|p| p.name.clone()).unwrap_or(t.party.clone());
    let (dest_en, dest_de) = match (&t.country, &t.international_organisation) {
        (Some(c), _) => (country(c, false), country(c, true)),
        (None, Some(io)) => (io.clone(), io.clone()),
        (None, None) => (
            "destination unknown".to_owned(),
            "Ziel unbekannt".to_owned(),
        ),
    };
    let label = format!("{importer} ({dest_en})");
    let (te, td) = (
        format!("The transfer to {} ({dest_en})", q_en(&importer)),
        format!("Die Übermittlung an {} ({dest_de})", q_de(&importer)),
    );
    let (ctx_en, ctx_de) = match t.activity.as_deref().and_then(|id| cx.activity(id)) {
        Some(a) => (
            format!(" in {}", act_en(a).replacen("Activity", "activity", 1)),
            format!(" im Rahmen der {}", act_de(a)),
        ),
        None => (String::new(), String::new()),
    };
    let letter = if t.service.is_some() {
        Art30Letter::P2C
    } else {
        Art30Letter::C1E
    };
    let tgt = |field: &str| Target::transfer(t, label.clone(), Some(field));

    if t.country.is_none() && t.international_organisation.is_none() {
        let quote_en = t
            .as_stated
            .as_deref()
            .map(|s| format!(" The source says: {}.", q_en(s)))
            .unwrap_or_default();
        let quote_de = t
            .as_stated
            .as_deref()
            .map(|s| format!(" Die Quelle sagt: {}.", q_de(s)))
            .unwrap_or_default();
        cx.emit_letter(
            &DESTINATION_MISSING,
            Some(letter),
            tgt("country"),
            format!(
                "{te}{ctx_en} names no third country or international organisation.{quote_en} Find out where the data goes and record the country; Art. 30 requires it to be named."
            ),
            format!(
                "{td}{ctx_de} nennt kein Drittland und keine internationale Organisation.{quote_de} Klären Sie, wohin die Daten gehen, und tragen Sie das Land ein; Art. 30 DSGVO verlangt seine Angabe."
            ),
        );
    }

    if let Some(a) = t.activity.as_deref().and_then(|id| cx.activity(id)) {
        let parent = party.and_then(|p| p.parent.as_deref());
        let listed = a
            .recipients
            .iter()
            .any(|rec| rec.party == t.party || Some(rec.party.as_str()) == parent);
        if !listed {
            cx.emit(
                &RECIPIENT_NOT_LISTED,
                tgt("party"),
                format!(
                    "{te}{ctx_en} goes to a party that is not listed among the activity's recipients. Add {} as a recipient of the activity (with its role), or correct the transfer's importer.",
                    q_en(&importer)
                ),
                format!(
                    "{td}{ctx_de} geht an eine Stelle, die nicht unter den Empfängern der Tätigkeit steht. Erfassen Sie {} als Empfänger der Tätigkeit (mit seiner Rolle) oder korrigieren Sie den Datenimporteur.",
                    q_de(&importer)
                ),
            );
        }
    }

    match &t.mechanism {
        None => {
            let decisions = t
                .country
                .as_deref()
                .map(|c| r.adequacy_for_country(c))
                .unwrap_or_default();
            let (hint_en, hint_de) = if t.country.as_deref() == Some("US") {
                (
                    " If the importer is certified under the EU–US Data Privacy Framework, record \"dpf\" with the date you checked the DPF list; otherwise conclude the 2021 standard contractual clauses and carry out a transfer impact assessment.".to_owned(),
                    " Ist der Importeur nach dem EU-US-Datenschutzrahmen zertifiziert, erfassen Sie „dpf“ mit dem Datum der Prüfung der DPF-Liste; andernfalls schließen Sie die Standardvertragsklauseln von 2021 ab und führen ein Transfer Impact Assessment durch.".to_owned(),
                )
            } else if let Some(d) = decisions.iter().find(|d| !d.restricted_scope) {
                (
                    format!(
                        " An adequacy decision exists for this destination ({}, {}): record it.",
                        d.name(false),
                        d.code
                    ),
                    format!(
                        " Für dieses Ziel besteht ein Angemessenheitsbeschluss ({}, {}): Erfassen Sie ihn.",
                        d.name(true),
                        d.code
                    ),
                )
            } else if let Some(d) = decisions.first() {
                (
                    format!(
                        " An adequacy decision with a restricted scope exists for this destination ({}, {}: {}); record it if the importer is covered, otherwise use standard contractual clauses.",
                        d.name(false),
                        d.code,
                        d.scope(false)
                    ),
                    format!(
                        " Für dieses Ziel besteht ein Angemessenheitsbeschluss mit eingeschränktem Anwendungsbereich ({}, {}: {}); erfassen Sie ihn, wenn der Importeur darunter fällt, andernfalls Standardvertragsklauseln.",
                        d.name(true),
                        d.code,
                        d.scope(true)
                    ),
                )
            } else {
                (
                    " Record the mechanism relied on: standard contractual clauses (with a transfer impact assessment), binding corporate rules or, for occasional transfers only, an Art. 49 derogation.".to_owned(),
                    " Erfassen Sie die Garantie: Standardvertragsklauseln (mit Transfer Impact Assessment), verbindliche interne Datenschutzvorschriften oder, nur für gelegentliche Übermittlungen, eine Ausnahme nach Art. 49 DSGVO.".to_owned(),
                )
            };
            cx.emit(
                &MECHANISM_MISSING,
                tgt("mechanism"),
                format!(
                    "{te}{ctx_en} names no transfer mechanism under Chapter V GDPR.{hint_en}"
                ),
                format!(
                    "{td}{ctx_de} nennt keine Grundlage nach Kapitel V DSGVO.{hint_de}"
                ),
            );
        }
        Some(TransferMechanism::PrivacyShield {}) => {
            let since = r
                .legacy_mechanism("PRIVACY_SHIELD")
                .map(|m| m.invalid_since.as_str())
                .unwrap_or("2020-07-16");
            cx.emit(
                &PRIVACY_SHIELD,
                tgt("mechanism"),
                format!(
                    "{te}{ctx_en} relies on the EU–US Privacy Shield, which the CJEU declared invalid on {} (C-311/18, Schrems II). Transfers cannot rely on it. Check whether the importer is certified under the EU–US Data Privacy Framework and record \"dpf\" with the check date; otherwise conclude the 2021 standard contractual clauses with a transfer impact assessment. Update the privacy notice.",
                    ref_date(since, false)
                ),
                format!(
                    "{td}{ctx_de} stützt sich auf den EU-US Privacy Shield, den der EuGH am {} für ungültig erklärt hat (C-311/18, Schrems II). Darauf kann keine Übermittlung mehr gestützt werden. Prüfen Sie, ob der Importeur nach dem EU-US-Datenschutzrahmen zertifiziert ist, und erfassen Sie „dpf“ mit dem Prüfdatum; andernfalls schließen Sie die Standardvertragsklauseln von 2021 mit Transfer Impact Assessment ab. Passen Sie die Datenschutzerklärung an.",
                    ref_date(since, true)
                ),
            );
        }
        Some(TransferMechanism::LegacyScc { decision, .. }) => {
            let legacy = r.legacy_mechanism(decision);
            let since = legacy
                .map(|m| m.invalid_since.as_str())
                .unwrap_or("2022-12-27");
            let (le, ld) = legacy
                .map(|m| (m.decision.clone(), m.decision.clone()))
                .unwrap_or((decision.clone(), decision.clone()));
            let (verb_en, verb_de) = if Date::parse(since).is_some_and(|d| cx.opts.today >= d) {
                ("could only be relied on until", "durften nur bis zum")
            } else {
                ("can only be relied on until", "dürfen nur bis zum")
            };
            cx.emit(
                &LEGACY_SCC,
                tgt("mechanism"),
                format!(
                    "{te}{ctx_en} relies on the old standard contractual clauses of Decision {le}, which {verb_en} {}. Conclude the clauses of Implementing Decision (EU) 2021/914 (choose the module that fits the roles), carry out a transfer impact assessment and record the new signing date.",
                    ref_date(since, false)
                ),
                format!(
                    "{td}{ctx_de} stützt sich auf die alten Standardvertragsklauseln der Entscheidung {ld}; diese {verb_de} {} verwendet werden. Schließen Sie die Klauseln des Durchführungsbeschlusses (EU) 2021/914 ab (mit dem zu den Rollen passenden Modul), führen Sie ein Transfer Impact Assessment durch und erfassen Sie das neue Abschlussdatum.",
                    ref_date(since, true)
                ),
            );
        }
        Some(TransferMechanism::Scc { signed_on, .. }) => match signed_on {
            None => cx.emit(
                &SCC_DATE_MISSING,
                tgt("mechanism.signed_on"),
                format!(
                    "{te}{ctx_en} relies on standard contractual clauses, but no signing date is recorded, so it cannot be shown that the current 2021 clauses were concluded. Record the date and keep the signed clauses on file."
                ),
                format!(
                    "{td}{ctx_de} stützt sich auf Standardvertragsklauseln, ein Abschlussdatum ist aber nicht erfasst; damit lässt sich nicht belegen, dass die aktuellen Klauseln von 2021 vereinbart wurden. Tragen Sie das Datum ein und legen Sie die unterzeichneten Klauseln ab."
                ),
            ),
            Some(d) if Date::parse(SCC_2021_ADOPTED).is_some_and(|adopted| *d < adopted) => cx
                .emit(
                    &SCC_BEFORE_2021,
                    tgt("mechanism.signed_on"),
                    format!(
                        "{te}{ctx_en} is recorded with the 2021 standard contractual clauses signed on {}, before the Commission adopted them on 4 June 2021. These must be the old clauses, no longer valid since 27 December 2022: record them as such and conclude the 2021 clauses, or correct the date.",
                        super::text::date(*d, false)
                    ),
                    format!(
                        "{td}{ctx_de} ist mit den Standardvertragsklauseln von 2021 erfasst, unterzeichnet am {} – vor ihrem Erlass durch die Kommission am 4. Juni 2021. Es muss sich um die alten Klauseln handeln, die seit dem 27. Dezember 2022 nicht mehr gelten: Erfassen Sie sie entsprechend und schließen Sie die Klauseln von 2021 ab, oder korrigieren Sie das Datum.",
                        super::text::date(*d, true)
                    ),
                ),
            Some(_) => {}
        },
        Some(TransferMechanism::Dpf { checked_on, .. }) => {
            let party_country = party.and_then(|p| p.country.as_deref());
            let outside = match (t.country.as_deref(), party_country) {
                (Some(c), _) if c != "US" => Some(dest_en.clone()).zip(Some(dest_de.clone())),
                (None, _) if t.international_organisation.is_some() => {
                    Some(dest_en.clone()).zip(Some(dest_de.clone()))
                }
                (_, Some(pc)) if pc != "US" => Some((country(pc, false), country(pc, true))),
                _ => None,
            };
            if let Some((we, wd)) = outside {
                cx.emit(
                    &DPF_NOT_US,
                    tgt("mechanism"),
                    format!(
                        "{te}{ctx_en} relies on the EU–US Data Privacy Framework, but the recipient is outside the United States ({we}). Only US organisations can be certified under the DPF. Record the mechanism that really applies (an adequacy decision for that country, or standard contractual clauses)."
                    ),
                    format!(
                        "{td}{ctx_de} stützt sich auf den EU-US-Datenschutzrahmen, der Empfänger sitzt aber außerhalb der USA ({wd}). Nach dem DPF können sich nur US-Organisationen zertifizieren. Erfassen Sie die tatsächlich geltende Grundlage (Angemessenheitsbeschluss für dieses Land oder Standardvertragsklauseln)."
                    ),
                );
            }
            match checked_on {
                None => cx.emit(
                    &DPF_CHECK_MISSING,
                    tgt("mechanism.checked_on"),
                    format!(
                        "{te}{ctx_en} relies on the Data Privacy Framework, but no check of the importer's certification is recorded. The adequacy decision covers only certified organisations: look the importer up on the DPF list and record the date (and its entry)."
                    ),
                    format!(
                        "{td}{ctx_de} stützt sich auf den Datenschutzrahmen, eine Prüfung der Zertifizierung des Importeurs ist aber nicht erfasst. Der Angemessenheitsbeschluss gilt nur für zertifizierte Organisationen: Prüfen Sie den Eintrag auf der DPF-Liste und tragen Sie das Prüfdatum (und den Eintrag) ein."
                    ),
                ),
                Some(d) => {
                    let age = d.days_until(cx.opts.today);
                    let max = i64::from(cx.opts.dpf_max_age_days);
                    if age > max {
                        cx.emit(
                            &DPF_CHECK_STALE,
                            tgt("mechanism.checked_on"),
                            format!(
                                "{te}{ctx_en} relies on the Data Privacy Framework; the importer's certification was last checked on {} ({age} days ago, more than {max}). Certifications lapse: check the DPF list again and record the new date.",
                                super::text::date(*d, false)
                            ),
                            format!(
                                "{td}{ctx_de} stützt sich auf den Datenschutzrahmen; die Zertifizierung des Importeurs wurde zuletzt am {} geprüft (vor {age} Tagen, mehr als {max}). Zertifizierungen können auslaufen: Prüfen Sie die DPF-Liste erneut und tragen Sie das neue Datum ein.",
                                super::text::date(*d, true)
                            ),
                        );
                    }
                }
            }
        }
        Some(TransferMechanism::Adequacy { decision }) => {
            adequacy(cx, t, decision, (&te, &td), (&ctx_en, &ctx_de), &label);
        }
        Some(TransferMechanism::Derogation { derogation }) if t.repetitive => {
            if matches!(
                derogation,
                Art49Derogation::ExplicitConsent
                    | Art49Derogation::Contract
                    | Art49Derogation::ContractInInterest
                    | Art49Derogation::LegalClaims
            ) {
                let info = r
                    .transfer_mechanisms
                    .art49
                    .iter()
                    .find(|i| i.code == *derogation);
                let (ce, cd) = info
                    .map(|i| (i.citation(false), i.citation(true)))
                    .unwrap_or_default();
                cx.emit(
                    &ART49_REPETITIVE,
                    tgt("mechanism"),
                    format!(
                        "{te}{ctx_en} is repetitive but relies on the derogation of {ce}. Derogations are exceptions for occasional transfers and must not become the rule (EDPB Guidelines 2/2018). Put appropriate safeguards in place (standard contractual clauses, BCR) or an adequacy decision."
                    ),
                    format!(
                        "{td}{ctx_de} erfolgt wiederholt, stützt sich aber auf die Ausnahme nach {cd}. Ausnahmen sind für gelegentliche Übermittlungen gedacht und dürfen nicht zur Regel werden (EDSA-Leitlinien 2/2018). Schaffen Sie geeignete Garantien (Standardvertragsklauseln, BCR) oder nutzen Sie einen Angemessenheitsbeschluss."
                    ),
                );
            }
        }
        Some(TransferMechanism::CompellingInterest { .. }) if t.repetitive => {
            cx.emit(
                &COMPELLING_REPETITIVE,
                tgt("repetitive"),
                format!(
                    "{te}{ctx_en} is repetitive but relies on compelling legitimate interests. The second subparagraph of Art. 49(1) allows only transfers that are not repetitive and concern a limited number of data subjects. Put appropriate safeguards in place instead."
                ),
                format!(
                    "{td}{ctx_de} erfolgt wiederholt, stützt sich aber auf zwingende berechtigte Interessen. Art. 49 Abs. 1 UAbs. 2 DSGVO erlaubt nur nicht wiederholte Übermittlungen, die eine begrenzte Zahl von Personen betreffen. Schaffen Sie stattdessen geeignete Garantien."
                ),
            );
        }
        Some(_) => {}
    }

    if let Some(m) = &t.mechanism
        && crate::reference::ART46_KINDS.contains(&m.kind())
        && !t.tia.as_ref().is_some_and(|tia| tia.done)
    {
        let kind = r.transfer_kind(m.kind());
        let (ke, kd) = kind
            .map(|k| (lower_first(k.label(false)), k.label(true).to_owned()))
            .unwrap_or_default();
        cx.emit(
            &TIA_MISSING,
            tgt("tia"),
            format!(
                "{te}{ctx_en} relies on {ke}, but no transfer impact assessment is recorded. Since Schrems II (C-311/18) the exporter must assess whether the law of the destination undermines the safeguards and add supplementary measures where needed: carry out the assessment and record it."
            ),
            format!(
                "{td}{ctx_de} stützt sich auf {kd}, ein Transfer Impact Assessment ist aber nicht erfasst. Seit Schrems II (C-311/18) muss der Exporteur prüfen, ob das Recht des Ziellands die Garantien aushebelt, und wo nötig ergänzende Maßnahmen treffen: Führen Sie die Prüfung durch und erfassen Sie sie."
            ),
        );
    }
}

fn adequacy(
    cx: &mut Cx<'_>,
    t: &Transfer,
    code: &str,
    (te, td): (&str, &str),
    (ctx_en, ctx_de): (&str, &str),
    label: &str,
) {
    let r = reference();
    let Some(d) = r.adequacy(code) else {
        return;
    };
    let tgt = |field: &str| Target::transfer(t, label.to_owned(), Some(field));
    // The DPF recorded as a plain adequacy decision is refused by validation (it must be the
    // `dpf` mechanism, with the certification check); such a transfer only gets the scope note.
    let matches = match (&d.country, &d.international_organisation) {
        (Some(c), _) => t.country.as_deref() == Some(c.as_str()),
        (None, Some(io)) => t.international_organisation.as_deref() == Some(io.as_str()),
        (None, None) => false,
    };
    let led = d.code == "ADEQ_GB_LED";
    if !matches || led {
        let fitting: Vec<String> = t
            .country
            .as_deref()
            .map(|c| r.adequacy_for_country(c))
            .unwrap_or_default()
            .iter()
            .filter(|x| x.code != "ADEQ_GB_LED")
            .map(|x| x.code.clone())
            .collect();
        let (why_en, why_de) = if led {
            (
                "covers only transfers under the Law Enforcement Directive, not those under the GDPR".to_owned(),
                "nur für Übermittlungen nach der Richtlinie (EU) 2016/680 (Justiz und Inneres) gilt, nicht für solche nach der DSGVO".to_owned(),
            )
        } else {
            (
                format!("covers a different destination ({})", d.name(false)),
                format!("ein anderes Ziel betrifft ({})", d.name(true)),
            )
        };
        let (todo_en, todo_de) = if fitting.is_empty() {
            (
                "There is no adequacy decision for this destination: record another mechanism (standard contractual clauses with a transfer impact assessment, BCR, …).".to_owned(),
                "Für dieses Ziel besteht kein Angemessenheitsbeschluss: Erfassen Sie eine andere Garantie (Standardvertragsklauseln mit Transfer Impact Assessment, BCR …).".to_owned(),
            )
        } else {
            (
                format!("Record {} instead.", fitting.join(", ")),
                format!("Erfassen Sie stattdessen {}.", fitting.join(", ")),
            )
        };
        cx.emit(
            &ADEQUACY_MISMATCH,
            tgt("mechanism.decision"),
            format!(
                "{te}{ctx_en} relies on adequacy decision {}, which {why_en}. {todo_en}",
                d.code
            ),
            format!(
                "{td}{ctx_de} stützt sich auf den Angemessenheitsbeschluss {}, der {why_de}. {todo_de}",
                d.code
            ),
        );
        return;
    }
    let today = cx.opts.today.to_string();
    if d.expired_on(&today) {
        let until = d.valid_until.as_deref().unwrap_or_default();
        cx.emit(
            &ADEQUACY_EXPIRED,
            tgt("mechanism.decision"),
            format!(
                "{te}{ctx_en} relies on adequacy decision {}, which expired on {}. Check whether it was renewed (and update the reference data), or put standard contractual clauses in place.",
                d.code,
                ref_date(until, false)
            ),
            format!(
                "{td}{ctx_de} stützt sich auf den Angemessenheitsbeschluss {}, der am {} ausgelaufen ist. Prüfen Sie, ob er verlängert wurde (und aktualisieren Sie die Referenzdaten), oder vereinbaren Sie Standardvertragsklauseln.",
                d.code,
                ref_date(until, true)
            ),
        );
        return;
    }
    if d.restricted_scope {
        cx.emit(
            &ADEQUACY_SCOPE,
            tgt("mechanism.decision"),
            format!(
                "{te}{ctx_en} relies on adequacy decision {}, which covers only part of the recipients ({}): {}. Confirm that the importer is covered and note why (e.g. in the transfer's notes).",
                d.code,
                d.name(false),
                d.scope(false)
            ),
            format!(
                "{td}{ctx_de} stützt sich auf den Angemessenheitsbeschluss {}, der nur einen Teil der Empfänger erfasst ({}): {}. Bestätigen Sie, dass der Importeur darunter fällt, und vermerken Sie die Begründung (z. B. in den Notizen der Übermittlung).",
                d.code,
                d.name(true),
                d.scope(true)
            ),
        );
    }
}

/// `Standard contractual clauses …` → `standard contractual clauses …` (not for acronyms).
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(s[a.len_utf8()..].chars()).collect()
        }
        _ => s.to_owned(),
    }
}
