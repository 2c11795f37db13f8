//! Compliance checks: what is missing or wrong in a register, before an auditor finds it.
//!
//! [`check`] is a pure function over a loaded register ([`Register`], see
//! [`crate::interchange::export`] or [`check_store`]): it reads nothing else but the shipped
//! reference data and the options, and returns its findings in a deterministic order (by record,
//! in register order; within a record, rule family by rule family).
//!
//! Each [`Finding`] carries a stable code from the catalogue ([`rules`]), a severity, the article
//! it rests on, the letter of Art. 30(1) or 30(2) where it maps to one, a message in English and
//! German that names the record and says what to do, and a [`Target`]: the record and the field
//! (a dotted path in the interchange format, `purposes[1].legal_basis`) that fixes it.
//!
//! The rules live in one file per family: [`completeness`](self) (Art. 30 letter by letter),
//! legal bases, transfers, contracts (Art. 26, 28), retention and reviews (incl. DPIA), and
//! register-level items (controller, DPO, representative). Some rules encode defects seen in
//! real privacy policies: consent "by using the site", a legitimate interest recorded as
//! consent, citations of repealed German law, Privacy Shield.

mod completeness;
mod context;
mod contracts;
mod legal_basis;
mod register;
pub mod report;
mod retention;
mod text;
mod transfers;
mod translations;

use crate::interchange::{self, Register};
pub use crate::model::ReviewOptions;
use crate::model::*;
use crate::{Result, Store};
pub(crate) use context::Cx;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A legal requirement is not met or the record contradicts itself: fix before an audit.
    /// `ropa check` exits with status 7 when there is at least one.
    Error,
    /// Probably a gap or a risk; needs a look and usually a fix.
    Warning,
    /// Something to confirm; not a defect in itself.
    Info,
}

impl Severity {
    /// The stored code (`error`, `warning`, `info`).
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Label in German (`german == true`) or English.
    pub fn label(self, german: bool) -> &'static str {
        match (self, german) {
            (Severity::Error, false) => "error",
            (Severity::Warning, false) => "warning",
            (Severity::Info, false) => "info",
            (Severity::Error, true) => "Fehler",
            (Severity::Warning, true) => "Warnung",
            (Severity::Info, true) => "Hinweis",
        }
    }
}

/// A letter of Art. 30(1) (controller record) or Art. 30(2) (processor record).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Art30Letter {
    /// 30(1)(a): controller, joint controller, representative, DPO.
    #[serde(rename = "30(1)(a)")]
    C1A,
    /// 30(1)(b): purposes.
    #[serde(rename = "30(1)(b)")]
    C1B,
    /// 30(1)(c): categories of data subjects and of personal data.
    #[serde(rename = "30(1)(c)")]
    C1C,
    /// 30(1)(d): categories of recipients.
    #[serde(rename = "30(1)(d)")]
    C1D,
    /// 30(1)(e): transfers to third countries or international organisations.
    #[serde(rename = "30(1)(e)")]
    C1E,
    /// 30(1)(f): time limits for erasure.
    #[serde(rename = "30(1)(f)")]
    C1F,
    /// 30(1)(g): technical and organisational measures.
    #[serde(rename = "30(1)(g)")]
    C1G,
    /// 30(2)(a): processor, each controller, representatives, DPO.
    #[serde(rename = "30(2)(a)")]
    P2A,
    /// 30(2)(b): categories of processing for each controller.
    #[serde(rename = "30(2)(b)")]
    P2B,
    /// 30(2)(c): transfers.
    #[serde(rename = "30(2)(c)")]
    P2C,
    /// 30(2)(d): technical and organisational measures.
    #[serde(rename = "30(2)(d)")]
    P2D,
}

impl Art30Letter {
    /// Every letter in legal order.
    pub const ALL: &'static [Art30Letter] = &[
        Art30Letter::C1A,
        Art30Letter::C1B,
        Art30Letter::C1C,
        Art30Letter::C1D,
        Art30Letter::C1E,
        Art30Letter::C1F,
        Art30Letter::C1G,
        Art30Letter::P2A,
        Art30Letter::P2B,
        Art30Letter::P2C,
        Art30Letter::P2D,
    ];

    /// Paragraph (1 or 2) and letter.
    pub fn parts(self) -> (u8, char) {
        match self {
            Art30Letter::C1A => (1, 'a'),
            Art30Letter::C1B => (1, 'b'),
            Art30Letter::C1C => (1, 'c'),
            Art30Letter::C1D => (1, 'd'),
            Art30Letter::C1E => (1, 'e'),
            Art30Letter::C1F => (1, 'f'),
            Art30Letter::C1G => (1, 'g'),
            Art30Letter::P2A => (2, 'a'),
            Art30Letter::P2B => (2, 'b'),
            Art30Letter::P2C => (2, 'c'),
            Art30Letter::P2D => (2, 'd'),
        }
    }

    /// What the letter asks for, in a few words.
    pub fn subject(self, german: bool) -> &'static str {
        use Art30Letter::*;
        match (self, german) {
            (C1A, false) => "controller, joint controller, representative, DPO",
            (C1A, true) => "Verantwortlicher, gemeinsam Verantwortliche, Vertreter, DSB",
            (C1B, false) => "purposes of the processing",
            (C1B, true) => "Zwecke der Verarbeitung",
            (C1C, false) => "categories of data subjects and of personal data",
            (C1C, true) => "Kategorien betroffener Personen und personenbezogener Daten",
            (C1D, false) => "categories of recipients",
            (C1D, true) => "Kategorien von Empfängern",
            (C1E, false) => "transfers to third countries and their safeguards",
            (C1E, true) => "Übermittlungen in Drittländer und ihre Garantien",
            (C1F, false) => "time limits for erasure",
            (C1F, true) => "Fristen für die Löschung",
            (C1G, false) => "technical and organisational measures",
            (C1G, true) => "technische und organisatorische Maßnahmen",
            (P2A, false) => "processor, controllers served, representatives, DPO",
            (P2A, true) => "Auftragsverarbeiter, Verantwortliche, Vertreter, DSB",
            (P2B, false) => "categories of processing carried out for each controller",
            (P2B, true) => "Kategorien von Verarbeitungen je Verantwortlichem",
            (P2C, false) => "transfers to third countries and their safeguards",
            (P2C, true) => "Übermittlungen in Drittländer und ihre Garantien",
            (P2D, false) => "technical and organisational measures",
            (P2D, true) => "technische und organisatorische Maßnahmen",
        }
    }

    /// Citation: `Art. 30(1)(a) GDPR` or `Art. 30 Abs. 1 lit. a DSGVO`.
    pub fn citation(self, german: bool) -> String {
        let (para, letter) = self.parts();
        if german {
            format!("Art. 30 Abs. {para} lit. {letter} DSGVO")
        } else {
            format!("Art. 30({para})({letter}) GDPR")
        }
    }
}

/// The record (and field) a finding is about, so that the app can open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Target {
    /// Kind of record.
    pub entity: Entity,
    /// The record's id.
    pub id: String,
    /// The field to change, as a dotted path in the interchange format
    /// (`purposes[1].legal_basis`, `mechanism.checked_on`); `None` for the record as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// How the record is shown to people (`NTW-06 Use of cookies`, a party's name), in each
    /// language its name is written in.
    pub label: LocalText,
}

impl Target {
    /// The label in `lang` (or in the language it is written in).
    pub fn label_in(&self, lang: Language) -> &str {
        self.label.best(lang)
    }
}

/// One thing the checks found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Finding {
    /// Stable rule code ([`RuleInfo::code`]), e.g. `TRANSFER_PRIVACY_SHIELD`.
    pub code: String,
    /// Severity (from the rule).
    pub severity: Severity,
    /// The provision the rule rests on, in English (`Art. 30(1)(e) GDPR`).
    pub article: String,
    /// The same in German (`Art. 30 Abs. 1 lit. e DSGVO`).
    pub article_de: String,
    /// The letter of Art. 30(1)/(2) the finding maps to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<Art30Letter>,
    /// What is wrong and what to do, in English.
    pub message_en: String,
    /// What is wrong and what to do, in German.
    pub message_de: String,
    /// The record and field concerned.
    pub target: Target,
}

impl Finding {
    /// The message in `lang`.
    pub fn message(&self, lang: Language) -> &str {
        match lang {
            Language::De => &self.message_de,
            Language::En => &self.message_en,
        }
    }

    /// The article in `lang`.
    pub fn article_in(&self, lang: Language) -> &str {
        match lang {
            Language::De => &self.article_de,
            Language::En => &self.article,
        }
    }
}

/// The family (and source file) a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Art. 30(1)/(2) letter by letter.
    Completeness,
    /// Art. 6, 7, 9, 10 and national provisions cited with them.
    LegalBasis,
    /// Chapter V.
    Transfers,
    /// Art. 26 arrangements and Art. 28 agreements.
    Contracts,
    /// Erasure periods, reviews and DPIAs.
    Retention,
    /// The organisation: controller, DPO, representative.
    Register,
}

/// A rule of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Stable code; never renamed or reused.
    pub code: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// Family.
    pub family: Family,
    /// The provision in English.
    pub article: &'static str,
    /// The provision in German.
    pub article_de: &'static str,
    /// The Art. 30 letter it maps to, if any (transfer findings of a processor service map to
    /// 30(2)(c) instead of 30(1)(e)).
    pub letter: Option<Art30Letter>,
    /// Short title in English.
    pub title_en: &'static str,
    /// Short title in German.
    pub title_de: &'static str,
}

impl RuleInfo {
    /// The title in `lang`.
    pub fn title(&self, lang: Language) -> &'static str {
        match lang {
            Language::De => self.title_de,
            Language::En => self.title_en,
        }
    }
}

/// Options of a check run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckOptions {
    /// The date the register is checked on (expiry, overdue reviews, age of DPF checks).
    pub today: Date,
    /// A DPF certification check older than this many days is stale.
    pub dpf_max_age_days: u32,
    /// Review checks.
    pub review: ReviewOptions,
}

/// Default maximum age of a DPF certification check, in days.
pub const DEFAULT_DPF_MAX_AGE_DAYS: u32 = 365;

impl CheckOptions {
    /// The defaults, checked on `today`.
    pub fn on(today: Date) -> CheckOptions {
        CheckOptions {
            today,
            dpf_max_age_days: DEFAULT_DPF_MAX_AGE_DAYS,
            review: ReviewOptions::default(),
        }
    }
}

impl Default for CheckOptions {
    /// The defaults, checked on today's date (UTC).
    fn default() -> Self {
        CheckOptions::on(Date::today())
    }
}

/// Number of findings per severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Summary {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Summary {
    /// Counts `findings`.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut s = Summary::default();
        for f in findings {
            match f.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }
}

/// A check run as a screen lists it: the counts, and the findings most serious first (within a
/// severity in the order [`check`] reports them: by record, in register order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckRun {
    /// Findings per severity.
    pub summary: Summary,
    /// Errors first, then warnings, then infos.
    pub findings: Vec<Finding>,
}

impl CheckRun {
    /// Orders and counts `findings`.
    pub fn of(mut findings: Vec<Finding>) -> CheckRun {
        findings.sort_by_key(|f| f.severity);
        CheckRun {
            summary: Summary::of(&findings),
            findings,
        }
    }
}

/// The rule catalogue, family by family, in the order findings are reported.
pub fn rules() -> &'static [RuleInfo] {
    static RULES: std::sync::OnceLock<Vec<RuleInfo>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        [
            register::RULES,
            completeness::RULES,
            legal_basis::RULES,
            transfers::RULES,
            contracts::RULES,
            retention::RULES,
            translations::RULES,
        ]
        .concat()
    })
}

/// The rule with `code`, if any.
pub fn rule(code: &str) -> Option<&'static RuleInfo> {
    rules().iter().find(|r| r.code == code)
}

/// Checks a register document.
pub fn check(register: &Register, opts: &CheckOptions) -> Vec<Finding> {
    let mut cx = Cx::new(register, opts);
    register::check(&mut cx);
    completeness::check(&mut cx);
    legal_basis::check(&mut cx);
    transfers::check(&mut cx);
    contracts::check(&mut cx);
    retention::check(&mut cx);
    translations::check(&mut cx);
    cx.finish()
}

/// Reads the whole register from `store` and checks it.
pub fn check_store(store: &Store, opts: &CheckOptions) -> Result<Vec<Finding>> {
    Ok(check(&interchange::export(store)?, opts))
}

/// Declares a rule constant of the catalogue.
macro_rules! define_rule {
    ($name:ident, $code:literal, $sev:ident, $family:ident, $letter:expr,
     $article:literal, $article_de:literal, $title_en:literal, $title_de:literal) => {
        pub(crate) const $name: $crate::checks::RuleInfo = $crate::checks::RuleInfo {
            code: $code,
            severity: $crate::checks::Severity::$sev,
            family: $crate::checks::Family::$family,
            article: $article,
            article_de: $article_de,
            letter: $letter,
            title_en: $title_en,
            title_de: $title_de,
        };
    };
}
pub(crate) use define_rule;
