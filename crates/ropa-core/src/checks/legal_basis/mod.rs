//! Legal bases per purpose (Art. 6, 7, 9, 10) and the contradictions seen in real privacy
//! policies: consent "by using the site", a legitimate interest recorded as consent, § 25 TDDDG
//! cited as if it were an Art. 6 basis, repealed German law (TMG, TKG, TTDSG).
//!
//! Activities in which the organisation acts as processor are skipped: the legal basis is the
//! controller's to determine.

mod purpose;
mod repealed;

use super::text::{act_de, act_en, purpose_de, purpose_en, q_de, q_en};
use super::{Cx, RuleInfo, Target, define_rule};
use crate::model::{
    Activity, ActivityRole, Art9Condition, Language, LegalBasis, LocalText, Purpose,
};
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

define_rule!(
    RIGHTS_INFO_DENIES_OBJECTION,
    "RIGHTS_INFO_DENIES_OBJECTION",
    Warning,
    LegalBasis,
    None,
    "Art. 21(1), 13(2)(b) GDPR",
    "Art. 21 Abs. 1, Art. 13 Abs. 2 lit. b DSGVO",
    "Rights text denies the right to object",
    "Hinweis zu den Rechten verneint das Widerspruchsrecht"
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
    RIGHTS_INFO_DENIES_OBJECTION,
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
        objection_denied(cx, a);
    }
}

fn filled_local(v: &Option<LocalText>) -> bool {
    v.as_ref().is_some_and(|t| !t.is_blank())
}

fn filled(v: &Option<String>) -> bool {
    v.as_deref().is_some_and(|s| !s.trim().is_empty())
}
/// What every finding on one purpose begins with: the activity and the purpose, named in
/// both languages, and the basis as the source states it.
struct OnPurpose<'p> {
    a: &'p Activity,
    i: usize,
    p: &'p Purpose,
    ae: String,
    ad: String,
    pe: String,
    pd: String,
    /// " The source states: „…"." / " Die Quelle nennt: „…"." or empty.
    stated_en: String,
    stated_de: String,
}

impl<'p> OnPurpose<'p> {
    fn new(a: &'p Activity, i: usize, p: &'p Purpose, primary: Language) -> OnPurpose<'p> {
        let (ae, ad) = (act_en(a), act_de(a));
        let (pe, pd) = (purpose_en(p, primary), purpose_de(p, primary));
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
        OnPurpose {
            a,
            i,
            p,
            ae,
            ad,
            pe,
            pd,
            stated_en,
            stated_de,
        }
    }

    /// The finding's target: this purpose's `field` in the activity.
    fn target(&self, field: &str) -> Target {
        Target::activity(self.a, Some(format!("purposes[{}].{field}", self.i)))
    }
}

/// One purpose, rule family by rule family.
fn purpose(cx: &mut Cx<'_>, a: &Activity, i: usize, p: &Purpose) {
    let s = &OnPurpose::new(a, i, p, cx.reg.organisation.language);
    purpose::basis(cx, s);
    purpose::consent_recorded(cx, s);
    purpose::implied_consent(cx, s);
    purpose::basis_contradicted(cx, s);
    repealed::repealed_law(cx, a, i, p);
}

fn special_data(cx: &mut Cx<'_>, a: &Activity) {
    let (ae, ad) = (act_en(a), act_de(a));
    let primary = cx.reg.organisation.language;
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
            special_en.push(format!(
                "{} ({})",
                q_en(cat.name.show(Language::En, primary).text),
                info.label(false)
            ));
            special_de.push(format!(
                "{} ({})",
                q_de(cat.name.show(Language::De, primary).text),
                info.label(true)
            ));
        }
        if cat.criminal {
            criminal.push(&cat.name);
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
        let names_en: Vec<String> = criminal
            .iter()
            .map(|c| q_en(c.show(Language::En, primary).text))
            .collect();
        let names_de: Vec<String> = criminal
            .iter()
            .map(|c| q_de(c.show(Language::De, primary).text))
            .collect();
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

/// The activity's rights text says data subjects cannot object, while a purpose rests on
/// Art. 6(1)(e) or (f), for which Art. 21(1) grants the right (the notice prints the law's
/// statement instead of the text).
fn objection_denied(cx: &mut Cx<'_>, a: &Activity) {
    let Some(info) = &a.rights_info else {
        return;
    };
    let primary = cx.reg.organisation.language;
    let objectable = a.purposes.iter().any(|p| {
        matches!(
            p.legal_basis,
            Some(LegalBasis::PublicTask | LegalBasis::LegitimateInterests)
        )
    });
    if !objectable
        || !info
            .texts()
            .iter()
            .any(|t| crate::text::denies_objection(t))
    {
        return;
    }
    let (ae, ad) = (act_en(a), act_de(a));
    cx.emit(
        &RIGHTS_INFO_DENIES_OBJECTION,
        Target::activity(a, Some("rights_info".to_owned())),
        format!(
            "{ae}: the rights text says data subjects cannot object ({}), but a purpose rests on Art. 6(1)(e) or (f) GDPR, for which Art. 21(1) grants the right to object. The privacy notice states the right and leaves this text out; correct or remove the text.",
            q_en(info.show(Language::En, primary).text)
        ),
        format!(
            "{ad}: Der Hinweis zu den Rechten verneint ein Widerspruchsrecht ({}), ein Zweck beruht aber auf Art. 6 Abs. 1 lit. e oder f DSGVO, für den Art. 21 Abs. 1 DSGVO das Widerspruchsrecht gewährt. Die Datenschutzerklärung nennt das Recht und lässt diesen Text weg; korrigieren oder entfernen Sie ihn.",
            q_de(info.show(Language::De, primary).text)
        ),
    );
}
