//! The basis of one purpose: Art. 6 recorded and complete, consent recorded as Art. 7 asks,
//! no consent implied by use, no basis contradicted by what the register says elsewhere.

use super::super::text::{self, has_any, q_de, q_en};
use super::*;

/// Art. 6(1): a basis is recorded, with what it needs (interest, provision).
pub(super) fn basis(cx: &mut Cx<'_>, s: &OnPurpose<'_>) {
    let OnPurpose {
        p,
        ae,
        ad,
        pe,
        pd,
        stated_en,
        stated_de,
        ..
    } = s;
    let r = reference();
    let field = |f: &str| s.target(f);
    let provisions: Vec<_> = p
        .national_law
        .iter()
        .filter_map(|l| r.national_law(&l.code))
        .collect();
    let terminal: Vec<_> = provisions.iter().filter(|x| x.terminal_device).collect();
    let consent_described = p
        .consent
        .as_ref()
        .is_some_and(|c| filled_local(&c.obtained) || filled_local(&c.withdrawal) || c.implied);

    match p.legal_basis {
        None if p.art9_condition.is_some() => {
            let cond = p.art9_condition.map(|c| r.art9(c));
            let (ce, cd) = cond
                .map(|c| (c.citation(false), c.citation(true)))
                .unwrap_or_default();
            cx.emit(
                &ART9_WITHOUT_ART6,
                field("legal_basis"),
                format!(
                    "{ae}, {pe}: the condition {ce} only lifts the ban on special-category data; the processing still needs a legal basis under Art. 6(1) GDPR. Record the Art. 6(1) basis as well."
                ),
                format!(
                    "{ad}, {pd}: Die Ausnahme nach {cd} hebt nur das Verarbeitungsverbot für besondere Kategorien personenbezogener Daten auf; die Verarbeitung braucht zusätzlich eine Rechtsgrundlage nach Art. 6 Abs. 1 DSGVO. Tragen Sie auch diese ein."
                ),
            );
        }
        None if !terminal.is_empty() => {
            let cited_en: Vec<String> = terminal.iter().map(|x| x.citation_en.clone()).collect();
            let cited_de: Vec<String> = terminal.iter().map(|x| x.citation_de.clone()).collect();
            let (ce, cd) = (text::join(&cited_en, false), text::join(&cited_de, true));
            cx.emit(
                &TDDDG_ONLY,
                field("legal_basis"),
                format!(
                    "{ae}, {pe}: only {ce} is cited. That provision governs storing and reading information on the user's device; the processing of personal data that follows needs its own basis under Art. 6(1) GDPR. Record it (for strictly necessary cookies usually Art. 6(1)(f) with the interest pursued, or (b))."
                ),
                format!(
                    "{ad}, {pd}: Genannt ist nur {cd}. Diese Vorschrift regelt das Speichern von und den Zugriff auf Informationen in der Endeinrichtung; für die anschließende Verarbeitung personenbezogener Daten fehlt die Rechtsgrundlage nach Art. 6 Abs. 1 DSGVO. Tragen Sie sie ein (bei unbedingt erforderlichen Cookies meist Art. 6 Abs. 1 lit. f DSGVO mit dem verfolgten Interesse oder lit. b)."
                ),
            );
        }
        None => {
            let mut hint_en = String::new();
            let mut hint_de = String::new();
            if consent_described {
                hint_en.push_str(" Consent is described for this purpose: if consent is the basis, record Art. 6(1)(a) GDPR.");
                hint_de.push_str(" Für diesen Zweck ist eine Einwilligung beschrieben: Ist sie die Rechtsgrundlage, tragen Sie Art. 6 Abs. 1 lit. a DSGVO ein.");
            }
            for law in provisions.iter().filter(|x| !x.terminal_device) {
                let (ad_en, ad_de) = if law.code.starts_with("UWG_") {
                    (
                        " (for direct marketing, Art. 6(1)(f) GDPR is usually relied on, recital 47)",
                        " (für Direktwerbung kommt regelmäßig Art. 6 Abs. 1 lit. f DSGVO in Betracht, Erwägungsgrund 47)",
                    )
                } else {
                    ("", "")
                };
                hint_en.push_str(&format!(
                    " {} is cited, but it is not a legal basis under Art. 6(1) GDPR{ad_en}.",
                    law.citation_en
                ));
                hint_de.push_str(&format!(
                    " {} ist genannt, ist aber keine Rechtsgrundlage nach Art. 6 Abs. 1 DSGVO{ad_de}.",
                    law.citation_de
                ));
            }
            let (close_en, close_de) = if !consent_described {
                (
                    "Record the basis that applies to this purpose.",
                    "Tragen Sie die für diesen Zweck zutreffende Rechtsgrundlage ein.",
                )
            } else {
                (
                    "Otherwise record the basis that applies to this purpose.",
                    "Andernfalls tragen Sie die für diesen Zweck zutreffende Rechtsgrundlage ein.",
                )
            };
            cx.emit(
                &BASIS_MISSING,
                field("legal_basis"),
                format!(
                    "{ae}, {pe}: no legal basis under Art. 6(1) GDPR is recorded.{stated_en}{hint_en} {close_en}"
                ),
                format!(
                    "{ad}: Für den {pd} fehlt die Rechtsgrundlage (Art. 6 Abs. 1 DSGVO).{stated_de}{hint_de} {close_de}"
                ),
            );
        }
        Some(LegalBasis::LegitimateInterests) if !filled_local(&p.legitimate_interest) => {
            cx.emit(
                &LI_INTEREST_MISSING,
                field("legitimate_interest"),
                format!(
                    "{ae}, {pe}: Art. 6(1)(f) GDPR is cited without the legitimate interest pursued. State the interest (it must also be given in the privacy notice, Art. 13(1)(d)) and keep the balancing test on file."
                ),
                format!(
                    "{ad}, {pd}: Art. 6 Abs. 1 lit. f DSGVO ist genannt, das verfolgte berechtigte Interesse aber nicht. Tragen Sie das Interesse ein (es ist auch in der Datenschutzerklärung anzugeben, Art. 13 Abs. 1 lit. d DSGVO) und dokumentieren Sie die Interessenabwägung."
                ),
            );
        }
        Some(b @ (LegalBasis::LegalObligation | LegalBasis::PublicTask))
            if !filled(&p.legal_provision)
                && !provisions.iter().any(|x| x.in_force && !x.terminal_device) =>
        {
            let (ce, cd) = (r.art6(b).citation(false), r.art6(b).citation(true));
            cx.emit(
                &LEGAL_PROVISION_MISSING,
                field("legal_provision"),
                format!(
                    "{ae}, {pe}: {ce} is cited, but not the Union or Member State law it rests on (Art. 6(3) GDPR). Record the provision (e.g. \"Section 257 HGB, Section 147 AO\")."
                ),
                format!(
                    "{ad}, {pd}: {cd} ist genannt, nicht aber die Rechtsvorschrift der Union oder des Mitgliedstaats, auf der die Verarbeitung beruht (Art. 6 Abs. 3 DSGVO). Tragen Sie die Vorschrift ein (z. B. „§ 257 HGB, § 147 AO“)."
                ),
            );
        }
        _ => {}
    }
}

/// Art. 7: consent that is the basis says how it is obtained and withdrawn.
pub(super) fn consent_recorded(cx: &mut Cx<'_>, s: &OnPurpose<'_>) {
    let OnPurpose {
        p, ae, ad, pe, pd, ..
    } = s;
    let field = |f: &str| s.target(f);
    let consent_based = p.legal_basis == Some(LegalBasis::Consent)
        || p.art9_condition == Some(Art9Condition::ExplicitConsent);
    if consent_based {
        let c = p.consent.clone().unwrap_or_default();
        if !filled_local(&c.withdrawal) {
            cx.emit(
                &CONSENT_WITHDRAWAL_MISSING,
                field("consent.withdrawal"),
                format!(
                    "{ae}, {pe}: the purpose rests on consent, but no way to withdraw it is recorded. Record how consent is withdrawn (as easily as it was given, e.g. the \"Privacy settings\" link or an unsubscribe link) and tell data subjects about it."
                ),
                format!(
                    "{ad}, {pd}: Der Zweck beruht auf einer Einwilligung, eine Widerrufsmöglichkeit ist aber nicht erfasst. Tragen Sie ein, wie die Einwilligung widerrufen werden kann (so einfach wie ihre Erteilung, z. B. über den Link „Datenschutzeinstellungen“ oder einen Abmeldelink), und informieren Sie die Betroffenen darüber."
                ),
            );
        }
        if !filled_local(&c.obtained) {
            cx.emit(
                &CONSENT_OBTAINED_MISSING,
                field("consent.obtained"),
                format!(
                    "{ae}, {pe}: the purpose rests on consent, but the register does not say how consent is obtained. Record it (e.g. \"double opt-in on registration\", \"cookie banner\") so that consent can be demonstrated (Art. 7(1))."
                ),
                format!(
                    "{ad}, {pd}: Der Zweck beruht auf einer Einwilligung, es ist aber nicht erfasst, wie sie eingeholt wird. Tragen Sie dies ein (z. B. „Double-Opt-in bei der Anmeldung“, „Cookie-Banner“), damit die Einwilligung nachgewiesen werden kann (Art. 7 Abs. 1 DSGVO)."
                ),
            );
        }
    }
}

/// Recital 32: no consent "by using the site".
pub(super) fn implied_consent(cx: &mut Cx<'_>, s: &OnPurpose<'_>) {
    let OnPurpose {
        p, ae, ad, pe, pd, ..
    } = s;
    let field = |f: &str| s.target(f);
    if let Some(c) = &p.consent {
        let primary = cx.reg.organisation.language;
        let matched = c
            .obtained
            .as_ref()
            .is_some_and(|o| o.texts().iter().any(|o| has_any(o, IMPLIED_CONSENT)));
        if c.implied || matched {
            let wording = c.obtained.as_ref();
            let quote_en = wording
                .map(|w| format!(" ({})", q_en(w.show(Language::En, primary).text)))
                .unwrap_or_default();
            let quote_de = wording
                .map(|w| format!(" ({})", q_de(w.show(Language::De, primary).text)))
                .unwrap_or_default();
            cx.emit(
                &CONSENT_IMPLIED,
                field(if c.implied {
                    "consent.implied"
                } else {
                    "consent.obtained"
                }),
                format!(
                    "{ae}, {pe}: consent is inferred from using the site{quote_en}. Silence, inactivity or continued browsing is no consent (recital 32); consent needs a clear affirmative act. Obtain consent actively (e.g. through the consent banner) or rely on another basis, and correct the privacy notice."
                ),
                format!(
                    "{ad}, {pd}: Die Einwilligung wird aus der bloßen Nutzung abgeleitet{quote_de}. Stillschweigen, Untätigkeit oder weiteres Surfen sind keine Einwilligung (Erwägungsgrund 32); erforderlich ist eine eindeutige bestätigende Handlung. Holen Sie die Einwilligung aktiv ein (z. B. über das Consent-Banner) oder stützen Sie die Verarbeitung auf eine andere Rechtsgrundlage, und passen Sie die Datenschutzerklärung an."
                ),
            );
        }
    }
}

/// The recorded basis contradicted by the rest of the purpose (a legitimate interest recorded
/// as consent, consent collected for an Art. 6(1)(f) purpose).
pub(super) fn basis_contradicted(cx: &mut Cx<'_>, s: &OnPurpose<'_>) {
    let OnPurpose {
        p,
        ae,
        ad,
        pe,
        pd,
        stated_en,
        stated_de,
        ..
    } = s;
    let r = reference();
    let field = |f: &str| s.target(f);
    if p.legal_basis == Some(LegalBasis::Consent) {
        let stated_li = p
            .basis_as_stated
            .as_deref()
            .is_some_and(|s| has_any(s, LEGITIMATE_INTEREST));
        if filled_local(&p.legitimate_interest) || stated_li {
            cx.emit(
                &LI_AS_CONSENT,
                field("legal_basis"),
                format!(
                    "{ae}, {pe}: Art. 6(1)(a) GDPR (consent) is recorded, but the purpose is described as a legitimate interest.{stated_en} Consent and legitimate interests are different bases with different rights (withdrawal vs. objection). Decide which one applies: for consent, remove the legitimate interest and record how consent is obtained and withdrawn; for Art. 6(1)(f), change the basis and keep the interest."
                ),
                format!(
                    "{ad}, {pd}: Erfasst ist Art. 6 Abs. 1 lit. a DSGVO (Einwilligung), der Zweck wird aber als berechtigtes Interesse beschrieben.{stated_de} Einwilligung und berechtigtes Interesse sind verschiedene Rechtsgrundlagen mit unterschiedlichen Betroffenenrechten (Widerruf bzw. Widerspruch). Entscheiden Sie, welche gilt: bei Einwilligung das berechtigte Interesse entfernen und Einholung und Widerruf erfassen; bei Art. 6 Abs. 1 lit. f DSGVO die Rechtsgrundlage ändern und das Interesse beibehalten."
                ),
            );
        }
    }

    if p.legal_basis == Some(LegalBasis::LegitimateInterests)
        && p.consent
            .as_ref()
            .is_some_and(|c| filled_local(&c.obtained))
        && !p.national_law.iter().any(|l| {
            r.current_national_law(&l.code)
                .is_some_and(|x| x.code == "TDDDG_25_1")
        })
    {
        cx.emit(
            &F_CONSENT_COLLECTED,
            field("legal_basis"),
            format!(
                "{ae}, {pe}: consent is collected, but Art. 6(1)(f) GDPR is recorded as the basis. If the consent covers this processing, record Art. 6(1)(a); if it only covers access to the user's device, cite Section 25(1) TDDDG for it and keep Art. 6(1)(f) for the processing that follows."
            ),
            format!(
                "{ad}, {pd}: Es wird eine Einwilligung eingeholt, als Rechtsgrundlage ist aber Art. 6 Abs. 1 lit. f DSGVO erfasst. Deckt die Einwilligung diese Verarbeitung ab, tragen Sie Art. 6 Abs. 1 lit. a DSGVO ein; betrifft sie nur den Zugriff auf die Endeinrichtung, nennen Sie dafür § 25 Abs. 1 TDDDG und behalten Art. 6 Abs. 1 lit. f DSGVO für die anschließende Verarbeitung."
            ),
        );
    }
}
