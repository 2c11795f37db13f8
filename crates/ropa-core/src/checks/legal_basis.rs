//! Legal bases per purpose (Art. 6, 7, 9, 10) and the contradictions seen in real privacy
//! policies: consent "by using the site", a legitimate interest recorded as consent, § 25 TDDDG
//! cited as if it were an Art. 6 basis, repealed German law (TMG, TKG, TTDSG).
//!
//! Activities in which the organisation acts as processor are skipped: the legal basis is the
//! controller's to determine.

use super::text::{act_de, act_en, has_any, has_word, numbers, purpose_de, purpose_en, q_de, q_en};
use super::{Cx, RuleInfo, Target, define_rule};
use crate::model::{Activity, ActivityRole, Art9Condition, LegalBasis, Purpose};
use crate::reference::reference;

define_rule!(
    BASIS_MISSING,
    "BASIS_MISSING",
    Error,
    LegalBasis,
    None,
    "Art. 6(1) GDPR",
    "Art. 6 Abs. 1 DSGVO",
    "Purpose without a legal basis",
    "Zweck ohne Rechtsgrundlage"
);
define_rule!(
    LI_INTEREST_MISSING,
    "BASIS_LI_INTEREST_MISSING",
    Error,
    LegalBasis,
    None,
    "Art. 6(1)(f), 13(1)(d) GDPR",
    "Art. 6 Abs. 1 lit. f, Art. 13 Abs. 1 lit. d DSGVO",
    "Legitimate interests without the interest pursued",
    "Berechtigtes Interesse ohne Angabe des verfolgten Interesses"
);
define_rule!(
    LEGAL_PROVISION_MISSING,
    "BASIS_LEGAL_PROVISION_MISSING",
    Error,
    LegalBasis,
    None,
    "Art. 6(1)(c), (e), 6(3) GDPR",
    "Art. 6 Abs. 1 lit. c, e, Abs. 3 DSGVO",
    "Legal obligation or public task without the legal provision",
    "Rechtliche Verpflichtung oder öffentliche Aufgabe ohne Rechtsvorschrift"
);
define_rule!(
    CONSENT_WITHDRAWAL_MISSING,
    "CONSENT_WITHDRAWAL_MISSING",
    Error,
    LegalBasis,
    None,
    "Art. 7(3), 13(2)(c) GDPR",
    "Art. 7 Abs. 3, Art. 13 Abs. 2 lit. c DSGVO",
    "Consent without a way to withdraw it",
    "Einwilligung ohne Widerrufsmöglichkeit"
);
define_rule!(
    CONSENT_OBTAINED_MISSING,
    "CONSENT_OBTAINED_MISSING",
    Warning,
    LegalBasis,
    None,
    "Art. 7(1) GDPR",
    "Art. 7 Abs. 1 DSGVO",
    "Consent without a record of how it is obtained",
    "Einwilligung ohne Angabe, wie sie eingeholt wird"
);
define_rule!(
    CONSENT_IMPLIED,
    "CONSENT_IMPLIED",
    Error,
    LegalBasis,
    None,
    "Art. 4(11), 7 GDPR; recital 32",
    "Art. 4 Nr. 11, Art. 7 DSGVO; Erwägungsgrund 32",
    "Consent inferred from use of the site",
    "Einwilligung durch bloße Nutzung angenommen"
);
define_rule!(
    LI_AS_CONSENT,
    "BASIS_LI_AS_CONSENT",
    Error,
    LegalBasis,
    None,
    "Art. 6(1)(a), (f) GDPR",
    "Art. 6 Abs. 1 lit. a, f DSGVO",
    "Legitimate interest recorded as consent (Art. 6(1)(a))",
    "Berechtigtes Interesse als Einwilligung (Art. 6 Abs. 1 lit. a) erfasst"
);
define_rule!(
    F_CONSENT_COLLECTED,
    "BASIS_F_CONSENT_COLLECTED",
    Warning,
    LegalBasis,
    None,
    "Art. 6(1)(a), (f) GDPR; Section 25(1) TDDDG",
    "Art. 6 Abs. 1 lit. a, f DSGVO; § 25 Abs. 1 TDDDG",
    "Consent collected but legitimate interests recorded",
    "Einwilligung eingeholt, aber berechtigtes Interesse erfasst"
);
define_rule!(
    TDDDG_ONLY,
    "BASIS_TDDDG_ONLY",
    Error,
    LegalBasis,
    None,
    "Art. 6(1) GDPR; Section 25 TDDDG",
    "Art. 6 Abs. 1 DSGVO; § 25 TDDDG",
    "Only § 25 TDDDG cited, no Art. 6 basis for the processing",
    "Nur § 25 TDDDG genannt, keine Rechtsgrundlage nach Art. 6 DSGVO"
);
define_rule!(
    LAW_REPEALED,
    "LAW_REPEALED",
    Warning,
    LegalBasis,
    None,
    "Art. 5(2), 13(1)(c) GDPR",
    "Art. 5 Abs. 2, Art. 13 Abs. 1 lit. c DSGVO",
    "Citation of repealed or renamed law",
    "Zitat aufgehobener oder umbenannter Vorschriften"
);
define_rule!(
    ART9_CONDITION_MISSING,
    "ART9_CONDITION_MISSING",
    Error,
    LegalBasis,
    None,
    "Art. 9(1), (2) GDPR",
    "Art. 9 Abs. 1, 2 DSGVO",
    "Special-category data without an Art. 9(2) condition",
    "Besondere Kategorien von Daten ohne Ausnahme nach Art. 9 Abs. 2"
);
define_rule!(
    ART9_WITHOUT_ART6,
    "ART9_WITHOUT_ART6",
    Error,
    LegalBasis,
    None,
    "Art. 6(1), 9(2) GDPR",
    "Art. 6 Abs. 1, Art. 9 Abs. 2 DSGVO",
    "Art. 9(2) condition without an Art. 6 basis",
    "Ausnahme nach Art. 9 Abs. 2 ohne Rechtsgrundlage nach Art. 6"
);
define_rule!(
    ART10_AUTHORISATION_MISSING,
    "ART10_AUTHORISATION_MISSING",
    Error,
    LegalBasis,
    None,
    "Art. 10 GDPR",
    "Art. 10 DSGVO",
    "Criminal-offence data without an Art. 10 authorisation",
    "Daten über Straftaten ohne Grundlage nach Art. 10"
);

/// The rules of this family.
pub(crate) const RULES: &[RuleInfo] = &[
    BASIS_MISSING,
    LI_INTEREST_MISSING,
    LEGAL_PROVISION_MISSING,
    CONSENT_WITHDRAWAL_MISSING,
    CONSENT_OBTAINED_MISSING,
    CONSENT_IMPLIED,
    LI_AS_CONSENT,
    F_CONSENT_COLLECTED,
    TDDDG_ONLY,
    LAW_REPEALED,
    ART9_CONDITION_MISSING,
    ART9_WITHOUT_ART6,
    ART10_AUTHORISATION_MISSING,
];

/// Wording that infers consent from mere use (recital 32: silence or inactivity is no consent).
const IMPLIED_CONSENT: &[&str] = &[
    "by using this website",
    "by using this site",
    "by using our website",
    "by using our site",
    "by using the website",
    "by using the site",
    "by using our services",
    "by continuing to use",
    "by continuing to browse",
    "by continuing your visit",
    "implicitly",
    "mit der nutzung dieser",
    "durch die nutzung dieser",
    "durch die weitere nutzung",
    "durch das weitere surfen",
    "stillschweigend",
    "konkludent",
];

/// Wording that calls the basis a legitimate interest.
const LEGITIMATE_INTEREST: &[&str] = &[
    "legitimate interest",
    "justified interest",
    "berechtigtes interesse",
    "berechtigten interesse",
    "berechtigte interesse",
];

pub(crate) fn check(cx: &mut Cx<'_>) {
    for a in cx.live_activities() {
        if a.role == ActivityRole::Processor {
            continue;
        }
        for (i, p) in a.purposes.iter().enumerate() {
            purpose(cx, a, i, p);
        }
        special_data(cx, a);
    }
}

fn filled(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.trim().is_empty())
}

fn purpose(cx: &mut Cx<'_>, a: &Activity, i: usize, p: &Purpose) {
    let field = |f: &str| Some(format!("purposes[{i}].{f}"));
    let (ae, ad) = (act_en(a), act_de(a));
    let (pe, pd) = (purpose_en(p), purpose_de(p));
    let r = reference();
    let provisions: Vec<_> = p
        .national_law
        .iter()
        .filter_map(|l| r.national_law(&l.code))
        .collect();
    let terminal: Vec<_> = provisions.iter().filter(|x| x.terminal_device).collect();
    let consent_described = p
        .consent
        .as_ref()
        .is_some_and(|c| filled(&c.obtained) || filled(&c.withdrawal) || c.implied);
    let stated_en = p
        .basis_as_stated
        .as_deref()
        .map(|s| format!(" The source states: {}.", q_en(s)))
        .unwrap_or_default();
    let stated_de = p
        .basis_as_stated
        .as_deref()
        .map(|s| format!(" Die Quelle nennt: {}.", q_de(s)))
        .unwrap_or_default();

    match p.legal_basis {
        None if p.art9_condition.is_some() => {
            let cond = p.art9_condition.map(|c| r.art9(c));
            let (ce, cd) = cond
                .map(|c| (c.citation(false), c.citation(true)))
                .unwrap_or_default();
            cx.emit(
                &ART9_WITHOUT_ART6,
                Target::activity(a, field("legal_basis")),
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
            let (ce, cd) = (
                super::text::join(&cited_en, false),
                super::text::join(&cited_de, true),
            );
            cx.emit(
                &TDDDG_ONLY,
                Target::activity(a, field("legal_basis")),
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
                Target::activity(a, field("legal_basis")),
                format!(
                    "{ae}, {pe}: no legal basis under Art. 6(1) GDPR is recorded.{stated_en}{hint_en} {close_en}"
                ),
                format!(
                    "{ad}: Für den {pd} fehlt die Rechtsgrundlage (Art. 6 Abs. 1 DSGVO).{stated_de}{hint_de} {close_de}"
                ),
            );
        }
        Some(LegalBasis::LegitimateInterests) if !filled(&p.legitimate_interest) => {
            cx.emit(
                &LI_INTEREST_MISSING,
                Target::activity(a, field("legitimate_interest")),
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
                Target::activity(a, field("legal_provision")),
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

    let consent_based = p.legal_basis == Some(LegalBasis::Consent)
        || p.art9_condition == Some(Art9Condition::ExplicitConsent);
    if consent_based {
        let c = p.consent.clone().unwrap_or_default();
        if !filled(&c.withdrawal) {
            cx.emit(
                &CONSENT_WITHDRAWAL_MISSING,
                Target::activity(a, field("consent.withdrawal")),
                format!(
                    "{ae}, {pe}: the purpose rests on consent, but no way to withdraw it is recorded. Record how consent is withdrawn (as easily as it was given, e.g. the \"Privacy settings\" link or an unsubscribe link) and tell data subjects about it."
                ),
                format!(
                    "{ad}, {pd}: Der Zweck beruht auf einer Einwilligung, eine Widerrufsmöglichkeit ist aber nicht erfasst. Tragen Sie ein, wie die Einwilligung widerrufen werden kann (so einfach wie ihre Erteilung, z. B. über den Link „Datenschutzeinstellungen“ oder einen Abmeldelink), und informieren Sie die Betroffenen darüber."
                ),
            );
        }
        if !filled(&c.obtained) {
            cx.emit(
                &CONSENT_OBTAINED_MISSING,
                Target::activity(a, field("consent.obtained")),
                format!(
                    "{ae}, {pe}: the purpose rests on consent, but the register does not say how consent is obtained. Record it (e.g. \"double opt-in on registration\", \"cookie banner\") so that consent can be demonstrated (Art. 7(1))."
                ),
                format!(
                    "{ad}, {pd}: Der Zweck beruht auf einer Einwilligung, es ist aber nicht erfasst, wie sie eingeholt wird. Tragen Sie dies ein (z. B. „Double-Opt-in bei der Anmeldung“, „Cookie-Banner“), damit die Einwilligung nachgewiesen werden kann (Art. 7 Abs. 1 DSGVO)."
                ),
            );
        }
    }

    if let Some(c) = &p.consent {
        let matched = c
            .obtained
            .as_deref()
            .is_some_and(|o| has_any(o, IMPLIED_CONSENT));
        if c.implied || matched {
            let wording = c.obtained.as_deref();
            let quote_en = wording
                .map(|w| format!(" ({})", q_en(w)))
                .unwrap_or_default();
            let quote_de = wording
                .map(|w| format!(" ({})", q_de(w)))
                .unwrap_or_default();
            cx.emit(
                &CONSENT_IMPLIED,
                Target::activity(
                    a,
                    field(if c.implied {
                        "consent.implied"
                    } else {
                        "consent.obtained"
                    }),
                ),
                format!(
                    "{ae}, {pe}: consent is inferred from using the site{quote_en}. Silence, inactivity or continued browsing is no consent (recital 32); consent needs a clear affirmative act. Obtain consent actively (e.g. through the consent banner) or rely on another basis, and correct the privacy notice."
                ),
                format!(
                    "{ad}, {pd}: Die Einwilligung wird aus der bloßen Nutzung abgeleitet{quote_de}. Stillschweigen, Untätigkeit oder weiteres Surfen sind keine Einwilligung (Erwägungsgrund 32); erforderlich ist eine eindeutige bestätigende Handlung. Holen Sie die Einwilligung aktiv ein (z. B. über das Consent-Banner) oder stützen Sie die Verarbeitung auf eine andere Rechtsgrundlage, und passen Sie die Datenschutzerklärung an."
                ),
            );
        }
    }

    if p.legal_basis == Some(LegalBasis::Consent) {
        let stated_li = p
            .basis_as_stated
            .as_deref()
            .is_some_and(|s| has_any(s, LEGITIMATE_INTEREST));
        if filled(&p.legitimate_interest) || stated_li {
            cx.emit(
                &LI_AS_CONSENT,
                Target::activity(a, field("legal_basis")),
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
        && p.consent.as_ref().is_some_and(|c| filled(&c.obtained))
        && !p.national_law.iter().any(|l| {
            r.current_national_law(&l.code)
                .is_some_and(|x| x.code == "TDDDG_25_1")
        })
    {
        cx.emit(
            &F_CONSENT_COLLECTED,
            Target::activity(a, field("legal_basis")),
            format!(
                "{ae}, {pe}: consent is collected, but Art. 6(1)(f) GDPR is recorded as the basis. If the consent covers this processing, record Art. 6(1)(a); if it only covers access to the user's device, cite Section 25(1) TDDDG for it and keep Art. 6(1)(f) for the processing that follows."
            ),
            format!(
                "{ad}, {pd}: Es wird eine Einwilligung eingeholt, als Rechtsgrundlage ist aber Art. 6 Abs. 1 lit. f DSGVO erfasst. Deckt die Einwilligung diese Verarbeitung ab, tragen Sie Art. 6 Abs. 1 lit. a DSGVO ein; betrifft sie nur den Zugriff auf die Endeinrichtung, nennen Sie dafür § 25 Abs. 1 TDDDG und behalten Art. 6 Abs. 1 lit. f DSGVO für die anschließende Verarbeitung."
            ),
        );
    }

    repealed_law(cx, a, i, p);
}

/// A family of out-of-date German citations recognised in text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OldLaw {
    Tmg,
    Ttdsg,
    Tkg,
    Uwg,
}

impl OldLaw {
    fn of_code(code: &str) -> Option<OldLaw> {
        let prefix = code.split('_').next()?;
        match prefix {
            "TMG" => Some(OldLaw::Tmg),
            "TTDSG" => Some(OldLaw::Ttdsg),
            "TKG" => Some(OldLaw::Tkg),
            "UWG" => Some(OldLaw::Uwg),
            _ => None,
        }
    }

    fn in_text(text: &str) -> Vec<OldLaw> {
        let mut found = Vec::new();
        if has_word(text, "TMG") || text.contains("Telemediengesetz") {
            found.push(OldLaw::Tmg);
        }
        if has_word(text, "TTDSG") {
            found.push(OldLaw::Ttdsg);
        }
        if has_word(text, "TKG") && numbers(text).iter().any(|n| matches!(n, 96 | 109)) {
            found.push(OldLaw::Tkg);
        }
        found
    }

    fn explain(self, german: bool) -> &'static str {
        match (self, german) {
            (OldLaw::Tmg, false) => {
                "The data-protection provisions of the TMG were repealed on 1 December 2021 (the TMG itself was replaced by the DDG on 14 May 2024); storing or reading information on the user's device now falls under Section 25 TDDDG, the processing of personal data under the GDPR."
            }
            (OldLaw::Tmg, true) => {
                "Die Datenschutzvorschriften des TMG sind seit dem 1. Dezember 2021 aufgehoben (das TMG selbst wurde am 14. Mai 2024 durch das DDG ersetzt); für das Speichern von und den Zugriff auf Informationen in der Endeinrichtung gilt heute § 25 TDDDG, für die Verarbeitung personenbezogener Daten die DSGVO."
            }
            (OldLaw::Ttdsg, false) => {
                "The TTDSG was renamed TDDDG on 14 May 2024 with no change in substance; cite the TDDDG."
            }
            (OldLaw::Ttdsg, true) => {
                "Das TTDSG wurde am 14. Mai 2024 ohne inhaltliche Änderung in TDDDG umbenannt; zitieren Sie das TDDDG."
            }
            (OldLaw::Tkg, false) => {
                "Sections 96 and 109 of the old TKG were repealed on 1 December 2021 and never covered cookies on websites; cookies and similar technologies fall under Section 25 TDDDG."
            }
            (OldLaw::Tkg, true) => {
                "§§ 96 und 109 TKG a. F. sind seit dem 1. Dezember 2021 aufgehoben und betrafen nie Cookies auf Websites; für Cookies und ähnliche Technologien gilt § 25 TDDDG."
            }
            (OldLaw::Uwg, false) => {
                "The provision was renumbered on 28 May 2022; cite the current numbering."
            }
            (OldLaw::Uwg, true) => {
                "Die Vorschrift wurde am 28. Mai 2022 neu nummeriert; zitieren Sie die aktuelle Nummerierung."
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            OldLaw::Tmg => "TMG",
            OldLaw::Ttdsg => "TTDSG",
            OldLaw::Tkg => "TKG",
            OldLaw::Uwg => "UWG",
        }
    }
}

fn repealed_law(cx: &mut Cx<'_>, a: &Activity, i: usize, p: &Purpose) {
    let (ae, ad) = (act_en(a), act_de(a));
    let (pe, pd) = (purpose_en(p), purpose_de(p));
    let r = reference();
    let mut reported: Vec<OldLaw> = Vec::new();

    for (j, law) in p.national_law.iter().enumerate() {
        let Some(prov) = r.national_law(&law.code) else {
            continue;
        };
        if prov.in_force {
            continue;
        }
        if let Some(family) = OldLaw::of_code(&prov.code) {
            reported.push(family);
        }
        let since_en = prov
            .repealed_on
            .as_deref()
            .map(|d| format!(" since {}", super::text::ref_date(d, false)))
            .unwrap_or_default();
        let since_de = prov
            .repealed_on
            .as_deref()
            .map(|d| format!(" seit dem {}", super::text::ref_date(d, true)))
            .unwrap_or_default();
        let (todo_en, todo_de) = match r.current_national_law(&prov.code) {
            Some(now) => (
                format!("Cite {} ({}) instead.", now.citation_en, now.code),
                format!("Zitieren Sie stattdessen {} ({}).", now.citation_de, now.code),
            ),
            None => (
                "Remove the citation and record the provision that applies today (for cookies Section 25 TDDDG, for the processing an Art. 6(1) GDPR basis).".to_owned(),
                "Entfernen Sie das Zitat und erfassen Sie die heute geltende Vorschrift (für Cookies § 25 TDDDG, für die Verarbeitung eine Rechtsgrundlage nach Art. 6 Abs. 1 DSGVO).".to_owned(),
            ),
        };
        cx.emit(
            &LAW_REPEALED,
            Target::activity(a, Some(format!("purposes[{i}].national_law[{j}].code"))),
            format!(
                "{ae}, {pe}: cites {}, which is no longer in force under this citation{since_en}. {todo_en}",
                prov.citation_en
            ),
            format!(
                "{ad}, {pd}: Zitiert wird {}, das in dieser Fassung{since_de} nicht mehr gilt. {todo_de}",
                prov.citation_de
            ),
        );
    }

    let mut texts: Vec<(String, &str)> = Vec::new();
    if let Some(s) = &p.basis_as_stated {
        texts.push((format!("purposes[{i}].basis_as_stated"), s));
    }
    for (j, law) in p.national_law.iter().enumerate() {
        if let Some(s) = &law.as_stated {
            texts.push((format!("purposes[{i}].national_law[{j}].as_stated"), s));
        }
    }
    for (field, text) in texts {
        for family in OldLaw::in_text(text) {
            if reported.contains(&family) {
                continue;
            }
            reported.push(family);
            cx.emit(
                &LAW_REPEALED,
                Target::activity(a, Some(field.clone())),
                format!(
                    "{ae}, {pe}: the stated basis cites the {} ({}). {} Correct the citation here and in the privacy notice.",
                    family.name(),
                    q_en(text),
                    family.explain(false)
                ),
                format!(
                    "{ad}, {pd}: Die angegebene Rechtsgrundlage zitiert das {} ({}). {} Korrigieren Sie das Zitat hier und in der Datenschutzerklärung.",
                    family.name(),
                    q_de(text),
                    family.explain(true)
                ),
            );
        }
    }
}

fn special_data(cx: &mut Cx<'_>, a: &Activity) {
    let (ae, ad) = (act_en(a), act_de(a));
    let r = reference();
    let mut special_en = Vec::new();
    let mut special_de = Vec::new();
    let mut criminal = Vec::new();
    for d in &a.data_categories {
        let Some(cat) = cx.category(&d.category) else {
            continue;
        };
        if let Some(sc) = cat.special {
            let info = r.special_category(sc);
            special_en.push(format!("{} ({})", q_en(&cat.name), info.label(false)));
            special_de.push(format!("{} ({})", q_de(&cat.name), info.label(true)));
        }
        if cat.criminal {
            criminal.push(cat.name.clone());
        }
    }
    let target_field = |name: &str| {
        Some(if a.purposes.len() == 1 {
            format!("purposes[0].{name}")
        } else {
            "purposes".to_owned()
        })
    };
    if !special_en.is_empty() && !a.purposes.iter().any(|p| p.art9_condition.is_some()) {
        cx.emit(
            &ART9_CONDITION_MISSING,
            Target::activity(a, target_field("art9_condition")),
            format!(
                "{ae} processes special categories of personal data ({}), but no purpose records an Art. 9(2) condition. Processing such data is prohibited unless a condition applies: record it for each purpose concerned (e.g. Art. 9(2)(b) with Section 26(3) BDSG for employment), in addition to the Art. 6 basis.",
                super::text::join(&special_en, false)
            ),
            format!(
                "Die {ad} verarbeitet besondere Kategorien personenbezogener Daten ({}), aber für keinen Zweck ist eine Ausnahme nach Art. 9 Abs. 2 DSGVO erfasst. Die Verarbeitung solcher Daten ist untersagt, sofern keine Ausnahme greift: Tragen Sie sie für jeden betroffenen Zweck ein (z. B. Art. 9 Abs. 2 lit. b DSGVO i. V. m. § 26 Abs. 3 BDSG im Beschäftigungsverhältnis), zusätzlich zur Rechtsgrundlage nach Art. 6 DSGVO.",
                super::text::join(&special_de, true)
            ),
        );
    }
    if !criminal.is_empty() && !a.purposes.iter().any(|p| filled(&p.art10_authorisation)) {
        let names_en: Vec<String> = criminal.iter().map(|c| q_en(c)).collect();
        let names_de: Vec<String> = criminal.iter().map(|c| q_de(c)).collect();
        cx.emit(
            &ART10_AUTHORISATION_MISSING,
            Target::activity(a, target_field("art10_authorisation")),
            format!(
                "{ae} processes personal data relating to criminal convictions and offences ({}), but records no authorisation under Art. 10 GDPR. Record the Union or Member State law that authorises it (or the official authority under whose control it happens).",
                super::text::join(&names_en, false)
            ),
            format!(
                "Die {ad} verarbeitet Daten über strafrechtliche Verurteilungen und Straftaten ({}), ohne dass eine Grundlage nach Art. 10 DSGVO erfasst ist. Tragen Sie die Rechtsvorschrift der Union oder des Mitgliedstaats ein, die die Verarbeitung erlaubt (oder die behördliche Aufsicht, unter der sie erfolgt).",
                super::text::join(&names_de, true)
            ),
        );
    }
}
