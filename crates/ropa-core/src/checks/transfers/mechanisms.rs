//! The transfer mechanisms of Chapter V, one function per family: none recorded, invalid
//! (Privacy Shield, the pre-2021 SCCs), SCCs and their date, the DPF and its certification
//! check, adequacy decisions and their scope, Art. 49 derogations used repetitively, and the
//! transfer impact assessment the Art. 46 safeguards need.

use super::super::text::{self, country, ref_date};
use super::*;
use crate::model::{Art49Derogation, Date};

/// Adoption of Implementing Decision (EU) 2021/914: 2021 clauses cannot predate it.
const SCC_2021_ADOPTED: &str = "2021-06-04";

/// No mechanism: what the destination offers instead.
pub(super) fn missing(cx: &mut Cx<'_>, s: &About<'_>) {
    let About {
        t,
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let r = reference();
    let tgt = |field: &str| s.target(field);
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
        format!("{te}{ctx_en} names no transfer mechanism under Chapter V GDPR.{hint_en}"),
        format!("{td}{ctx_de} nennt keine Grundlage nach Kapitel V DSGVO.{hint_de}"),
    );
}

/// The EU–US Privacy Shield, invalid since Schrems II.
pub(super) fn privacy_shield(cx: &mut Cx<'_>, s: &About<'_>) {
    let About {
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let r = reference();
    let tgt = |field: &str| s.target(field);
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

/// The standard contractual clauses before Implementing Decision (EU) 2021/914.
pub(super) fn legacy_scc(cx: &mut Cx<'_>, s: &About<'_>, decision: &str) {
    let About {
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let r = reference();
    let tgt = |field: &str| s.target(field);
    let legacy = r.legacy_mechanism(decision);
    let since = legacy
        .map(|m| m.invalid_since.as_str())
        .unwrap_or("2022-12-27");
    let (le, ld) = legacy
        .map(|m| (m.decision.clone(), m.decision.clone()))
        .unwrap_or((decision.to_owned(), decision.to_owned()));
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

/// The 2021 clauses: signed, and not before they existed.
pub(super) fn scc_signed(cx: &mut Cx<'_>, s: &About<'_>, signed_on: Option<&Date>) {
    let About {
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let tgt = |field: &str| s.target(field);
    match signed_on {
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
                    text::date(*d, false)
                ),
                format!(
                    "{td}{ctx_de} ist mit den Standardvertragsklauseln von 2021 erfasst, unterzeichnet am {} – vor ihrem Erlass durch die Kommission am 4. Juni 2021. Es muss sich um die alten Klauseln handeln, die seit dem 27. Dezember 2022 nicht mehr gelten: Erfassen Sie sie entsprechend und schließen Sie die Klauseln von 2021 ab, oder korrigieren Sie das Datum.",
                    text::date(*d, true)
                ),
            ),
        Some(_) => {}
    }
}

/// The EU–US Data Privacy Framework: a US importer, its certification checked recently.
pub(super) fn dpf(cx: &mut Cx<'_>, s: &About<'_>, checked_on: Option<&Date>) {
    let About {
        t,
        party,
        dest_en,
        dest_de,
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let tgt = |field: &str| s.target(field);
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
                        text::date(*d, false)
                    ),
                    format!(
                        "{td}{ctx_de} stützt sich auf den Datenschutzrahmen; die Zertifizierung des Importeurs wurde zuletzt am {} geprüft (vor {age} Tagen, mehr als {max}). Zertifizierungen können auslaufen: Prüfen Sie die DPF-Liste erneut und tragen Sie das neue Datum ein.",
                        text::date(*d, true)
                    ),
                );
            }
        }
    }
}

/// An Art. 49 derogation meant for occasional transfers, used for repetitive ones.
pub(super) fn repetitive_derogation(cx: &mut Cx<'_>, s: &About<'_>, derogation: &Art49Derogation) {
    let About {
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let r = reference();
    let tgt = |field: &str| s.target(field);
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

/// Compelling legitimate interests (Art. 49(1) second subparagraph) for repetitive transfers.
pub(super) fn repetitive_compelling(cx: &mut Cx<'_>, s: &About<'_>) {
    let About {
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let tgt = |field: &str| s.target(field);
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

/// Art. 46 safeguards need a transfer impact assessment (Schrems II).
pub(super) fn impact_assessment(cx: &mut Cx<'_>, s: &About<'_>) {
    let About {
        t,
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let r = reference();
    let tgt = |field: &str| s.target(field);
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

/// An adequacy decision: for this destination, in force, and within its scope.
pub(super) fn adequacy(cx: &mut Cx<'_>, s: &About<'_>, code: &str) {
    let About {
        t,
        te,
        td,
        ctx_en,
        ctx_de,
        ..
    } = s;
    let r = reference();
    let Some(d) = r.adequacy(code) else {
        return;
    };
    let tgt = |field: &str| s.target(field);
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
