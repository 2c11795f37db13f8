//! Versioned reference data shipped with the application.
//!
//! The data lives in `assets/reference/*.json` (see `assets/reference/README.md`) and is
//! embedded into the binary at compile time. [`reference()`] parses it once and returns a shared
//! [`Reference`] with lookup helpers. Every file carries a `version`, an `as_of` date and a list
//! of `sources`.
//!
//! Codes of the closed sets fixed by the GDPR itself (Art. 6, Art. 9, SCC modules, Art. 49) are
//! typed with the enums of [`crate::model::codes`]; open sets (countries, adequacy decisions,
//! national provisions, retention rules, legacy mechanisms) use plain string codes.
//!
//! Labels exist in English and German; the accessor methods take `german: bool` and return the
//! German text when it is `true`. Dates are `YYYY-MM-DD` strings.

use std::sync::OnceLock;

mod picker;

/// Mechanism kinds of Art. 46 (appropriate safeguards), in the order of the article: offered
/// for every third country, and the ones for which a transfer impact assessment is expected
/// since Schrems II.
pub(crate) const ART46_KINDS: &[&str] = &[
    "scc",
    "bcr",
    "public_body_instrument",
    "sa_clauses",
    "code_of_conduct",
    "certification",
    "authorised_clauses",
    "administrative_arrangement",
];
pub use picker::{
    CodeOption, CountryStatus, DestinationStatus, MechanismOption, TransferOptions,
    country_statuses, transfer_options,
};

use serde::{Deserialize, Serialize};

use crate::model::codes::{Art9Condition, Art49Derogation, LegalBasis, SccModule, SpecialCategory};

/// Picks the German or the English text.
fn pick<'a>(german: bool, de: &'a str, en: &'a str) -> &'a str {
    if german { de } else { en }
}

// ---------------------------------------------------------------------------------------------
// countries.json
// ---------------------------------------------------------------------------------------------

/// `countries.json`: every ISO 3166-1 alpha-2 code with EU and EEA membership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryList {
    /// Version of the file; bumped whenever its content changes.
    pub version: u32,
    /// Date on which the content was last checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// Short descriptions of the sources the content comes from.
    pub sources: Vec<String>,
    /// The countries, sorted by code.
    pub countries: Vec<Country>,
}

/// A country or territory with an ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code (Greece is `GR`, the United Kingdom `GB`).
    pub code: String,
    /// English short name.
    pub name_en: String,
    /// German short name.
    pub name_de: String,
    /// Member state of the European Union.
    pub eu: bool,
    /// Part of the European Economic Area (EU-27 plus Iceland, Liechtenstein and Norway);
    /// transfers to EEA countries are not Chapter V transfers.
    pub eea: bool,
}

impl Country {
    /// The country's name in German (`german == true`) or English.
    pub fn name(&self, german: bool) -> &str {
        pick(german, &self.name_de, &self.name_en)
    }
}

// ---------------------------------------------------------------------------------------------
// adequacy.json
// ---------------------------------------------------------------------------------------------

/// `adequacy.json`: the Commission's adequacy decisions (Art. 45 GDPR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdequacyList {
    /// Version of the file; bumped whenever its content changes.
    pub version: u32,
    /// Date on which the content was last checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// Short descriptions of the sources the content comes from.
    pub sources: Vec<String>,
    /// The decisions in force.
    pub decisions: Vec<AdequacyDecision>,
}

/// One adequacy decision of the Commission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdequacyDecision {
    /// Stable code, e.g. `ADEQ_JP`.
    pub code: String,
    /// ISO 3166-1 alpha-2 code of the third country; `None` for an international organisation.
    pub country: Option<String>,
    /// Name of the international organisation; `None` for a country.
    pub international_organisation: Option<String>,
    /// English name of the jurisdiction or organisation.
    pub name_en: String,
    /// German name of the jurisdiction or organisation.
    pub name_de: String,
    /// Number of the decision, e.g. `(EU) 2019/419`; `None` where it is not known.
    pub decision: Option<String>,
    /// Date of adoption (`YYYY-MM-DD`).
    pub adopted: String,
    /// English description of what the decision covers.
    pub scope_en: String,
    /// German description of what the decision covers.
    pub scope_de: String,
    /// `true` where the decision covers only part of the recipients in the jurisdiction (for
    /// example only PIPEDA-covered recipients in Canada or DPF-certified organisations in the
    /// United States); the register must then say why the recipient is covered.
    pub restricted_scope: bool,
    /// `true` where the recipient must be certified under the EU–U.S. Data Privacy Framework.
    pub requires_dpf: bool,
    /// Date on which the decision expires (`YYYY-MM-DD`), if it has a sunset clause.
    pub valid_until: Option<String>,
    /// Date of the next scheduled review (`YYYY-MM-DD`), if known.
    pub next_review: Option<String>,
    /// Names of fields whose value is not confirmed by a primary or reliable source.
    pub unverified: Vec<String>,
}

impl AdequacyDecision {
    /// The jurisdiction's or organisation's name in German or English.
    pub fn name(&self, german: bool) -> &str {
        pick(german, &self.name_de, &self.name_en)
    }

    /// The scope description in German or English.
    pub fn scope(&self, german: bool) -> &str {
        pick(german, &self.scope_de, &self.scope_en)
    }

    /// Whether the value of `field` (a JSON field name such as `decision`) is unverified.
    pub fn is_unverified(&self, field: &str) -> bool {
        self.unverified.iter().any(|f| f == field)
    }

    /// Whether the decision has expired on `date` (`YYYY-MM-DD`; ISO dates compare as strings).
    /// A decision is valid up to and including its `valid_until` date.
    pub fn expired_on(&self, date: &str) -> bool {
        self.valid_until
            .as_deref()
            .is_some_and(|until| date > until)
    }
}

// ---------------------------------------------------------------------------------------------
// legal_bases.json
// ---------------------------------------------------------------------------------------------

/// `legal_bases.json`: Art. 6(1), Art. 9(1), Art. 9(2) and Art. 10 GDPR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBases {
    /// Version of the file; bumped whenever its content changes.
    pub version: u32,
    /// Date on which the content was last checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// Short descriptions of the sources the content comes from.
    pub sources: Vec<String>,
    /// The lawful bases of Art. 6(1), one per [`LegalBasis`].
    pub art6: Vec<LegalBasisInfo>,
    /// The special categories of Art. 9(1), one per [`SpecialCategory`].
    pub special_categories: Vec<SpecialCategoryInfo>,
    /// The conditions of Art. 9(2), one per [`Art9Condition`].
    pub art9_conditions: Vec<Art9ConditionInfo>,
    /// Art. 10: personal data relating to criminal convictions and offences.
    pub criminal: CriminalDataInfo,
}

/// Labels and description of one Art. 6(1) lawful basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBasisInfo {
    /// The basis.
    pub code: LegalBasis,
    /// English citation, e.g. `Art. 6(1)(a) GDPR`.
    pub citation_en: String,
    /// German citation, e.g. `Art. 6 Abs. 1 lit. a DSGVO`.
    pub citation_de: String,
    /// Short English label.
    pub label_en: String,
    /// Short German label.
    pub label_de: String,
    /// One-sentence English description.
    pub description_en: String,
    /// One-sentence German description.
    pub description_de: String,
}

impl LegalBasisInfo {
    /// The short label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }

    /// The citation in German or English.
    pub fn citation(&self, german: bool) -> &str {
        pick(german, &self.citation_de, &self.citation_en)
    }

    /// The description in German or English.
    pub fn description(&self, german: bool) -> &str {
        pick(german, &self.description_de, &self.description_en)
    }
}

/// Labels of one Art. 9(1) special category of personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialCategoryInfo {
    /// The category.
    pub code: SpecialCategory,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
}

impl SpecialCategoryInfo {
    /// The label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }
}

/// Labels of one Art. 9(2) condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Art9ConditionInfo {
    /// The condition.
    pub code: Art9Condition,
    /// English citation, e.g. `Art. 9(2)(a) GDPR`.
    pub citation_en: String,
    /// German citation, e.g. `Art. 9 Abs. 2 lit. a DSGVO`.
    pub citation_de: String,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
}

impl Art9ConditionInfo {
    /// The label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }

    /// The citation in German or English.
    pub fn citation(&self, german: bool) -> &str {
        pick(german, &self.citation_de, &self.citation_en)
    }
}

/// Labels of Art. 10 GDPR (criminal-offence data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriminalDataInfo {
    /// The code, `CRIMINAL_ART10`.
    pub code: String,
    /// English citation, `Art. 10 GDPR`.
    pub citation_en: String,
    /// German citation, `Art. 10 DSGVO`.
    pub citation_de: String,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
}

impl CriminalDataInfo {
    /// The label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }

    /// The citation in German or English.
    pub fn citation(&self, german: bool) -> &str {
        pick(german, &self.citation_de, &self.citation_en)
    }
}

// ---------------------------------------------------------------------------------------------
// transfer_mechanisms.json
// ---------------------------------------------------------------------------------------------

/// `transfer_mechanisms.json`: Chapter V transfer tools, SCC modules, Art. 49 derogations and
/// legacy mechanisms that are no longer valid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferMechanisms {
    /// Version of the file; bumped whenever its content changes.
    pub version: u32,
    /// Date on which the content was last checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// Short descriptions of the sources the content comes from.
    pub sources: Vec<String>,
    /// The kinds of transfer tool (`adequacy`, `scc`, `bcr`, …).
    pub kinds: Vec<TransferKindInfo>,
    /// The modules of the 2021 SCCs, one per [`SccModule`].
    pub scc_modules: Vec<SccModuleInfo>,
    /// The derogations of Art. 49(1) first subparagraph, one per [`Art49Derogation`].
    pub art49: Vec<Art49DerogationInfo>,
    /// Mechanisms that are no longer valid but still appear in old documents.
    pub legacy: Vec<LegacyMechanism>,
}

/// Labels of one kind of transfer tool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferKindInfo {
    /// Stable kind name, e.g. `scc` or `compelling_interest`.
    pub kind: String,
    /// English citation of the article, e.g. `Art. 46(2)(c) GDPR`.
    pub article_en: String,
    /// German citation of the article, e.g. `Art. 46 Abs. 2 lit. c DSGVO`.
    pub article_de: String,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
}

impl TransferKindInfo {
    /// The label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }

    /// The article citation in German or English.
    pub fn citation(&self, german: bool) -> &str {
        pick(german, &self.article_de, &self.article_en)
    }
}

/// Labels of one module of the standard contractual clauses of Implementing Decision
/// (EU) 2021/914.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SccModuleInfo {
    /// The module.
    pub code: SccModule,
    /// Module number, 1 to 4.
    pub module: u8,
    /// English label, e.g. `Module 1: controller to controller`.
    pub label_en: String,
    /// German label.
    pub label_de: String,
}

impl SccModuleInfo {
    /// The label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }
}

/// Labels of one Art. 49(1) derogation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Art49DerogationInfo {
    /// The derogation.
    pub code: Art49Derogation,
    /// The point of Art. 49(1), `a` to `g`.
    pub point: String,
    /// English citation, e.g. `Art. 49(1)(a) GDPR`.
    pub citation_en: String,
    /// German citation, e.g. `Art. 49 Abs. 1 lit. a DSGVO`.
    pub citation_de: String,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
    /// `true` where Art. 49(3) bars public authorities exercising public powers from relying
    /// on it (points a to c).
    pub unavailable_to_public_authorities: bool,
}

impl Art49DerogationInfo {
    /// The label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }

    /// The citation in German or English.
    pub fn citation(&self, german: bool) -> &str {
        pick(german, &self.citation_de, &self.citation_en)
    }
}

/// A transfer mechanism that is no longer valid (Privacy Shield, the old SCCs, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegacyMechanism {
    /// Stable code, e.g. `PRIVACY_SHIELD` or `SCC_2010_87_EU`.
    pub code: String,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
    /// Number of the Commission decision, e.g. `(EU) 2016/1250`.
    pub decision: String,
    /// Date from which the decision was repealed (`YYYY-MM-DD`); `None` where it was declared
    /// invalid by a court rather than repealed.
    pub repealed: Option<String>,
    /// First day on which transfers can no longer rely on the mechanism (`YYYY-MM-DD`).
    pub invalid_since: String,
    /// English explanation.
    pub reason_en: String,
    /// German explanation.
    pub reason_de: String,
}

impl LegacyMechanism {
    /// The label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }

    /// The explanation in German or English.
    pub fn reason(&self, german: bool) -> &str {
        pick(german, &self.reason_de, &self.reason_en)
    }
}

// ---------------------------------------------------------------------------------------------
// national_law.json
// ---------------------------------------------------------------------------------------------

/// `national_law.json`: national provisions cited in registers and privacy notices, including
/// repealed ones that old documents still cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NationalLawList {
    /// Version of the file; bumped whenever its content changes.
    pub version: u32,
    /// Date on which the content was last checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// Short descriptions of the sources the content comes from.
    pub sources: Vec<String>,
    /// The provisions.
    pub provisions: Vec<NationalLawProvision>,
}

/// One national provision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NationalLawProvision {
    /// Stable code, e.g. `TDDDG_25_1`.
    pub code: String,
    /// English citation, e.g. `Section 25(1) TDDDG`.
    pub citation_en: String,
    /// German citation, e.g. `§ 25 Abs. 1 TDDDG`.
    pub citation_de: String,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
    /// ISO 3166-1 alpha-2 code of the country whose law it is.
    pub country: String,
    /// Whether the provision is in force under this citation.
    pub in_force: bool,
    /// Date from which the citation is out of date (repeal, renaming or renumbering), if any.
    pub repealed_on: Option<String>,
    /// Code of the provision that took over its content, if any.
    pub replaced_by: Option<String>,
    /// `true` for rules on storing or accessing information in terminal equipment (§ 25
    /// TDDDG and its predecessor); every cookie or similar technology needs such a basis.
    pub terminal_device: bool,
}

impl NationalLawProvision {
    /// The label in German or English.
    pub fn label(&self, german: bool) -> &str {
        pick(german, &self.label_de, &self.label_en)
    }

    /// The citation in German or English.
    pub fn citation(&self, german: bool) -> &str {
        pick(german, &self.citation_de, &self.citation_en)
    }
}

// ---------------------------------------------------------------------------------------------
// retention_rules.json
// ---------------------------------------------------------------------------------------------

/// `retention_rules.json`: statutory retention periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionRuleList {
    /// Version of the file; bumped whenever its content changes.
    pub version: u32,
    /// Date on which the content was last checked (`YYYY-MM-DD`).
    pub as_of: String,
    /// Short descriptions of the sources the content comes from.
    pub sources: Vec<String>,
    /// The rules.
    pub rules: Vec<RetentionRule>,
}

/// One statutory retention period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionRule {
    /// Stable code, e.g. `RET_DE_10Y`.
    pub code: String,
    /// ISO 3166-1 alpha-2 code of the country whose law it is.
    pub country: String,
    /// Length of the period in years.
    pub years: u32,
    /// English citation.
    pub citation_en: String,
    /// German citation.
    pub citation_de: String,
    /// English description of the documents concerned.
    pub documents_en: String,
    /// German description of the documents concerned.
    pub documents_de: String,
    /// English description of when the period starts.
    pub starts_en: String,
    /// German description of when the period starts.
    pub starts_de: String,
}

impl RetentionRule {
    /// The citation in German or English.
    pub fn citation(&self, german: bool) -> &str {
        pick(german, &self.citation_de, &self.citation_en)
    }

    /// The description of the documents in German or English.
    pub fn documents(&self, german: bool) -> &str {
        pick(german, &self.documents_de, &self.documents_en)
    }

    /// When the period starts, in German or English.
    pub fn starts(&self, german: bool) -> &str {
        pick(german, &self.starts_de, &self.starts_en)
    }
}

// ---------------------------------------------------------------------------------------------
// Loading and lookups
// ---------------------------------------------------------------------------------------------

/// All reference data, parsed from the embedded JSON files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// `countries.json`.
    pub countries: CountryList,
    /// `adequacy.json`.
    pub adequacy: AdequacyList,
    /// `legal_bases.json`.
    pub legal_bases: LegalBases,
    /// `transfer_mechanisms.json`.
    pub transfer_mechanisms: TransferMechanisms,
    /// `national_law.json`.
    pub national_law: NationalLawList,
    /// `retention_rules.json`.
    pub retention_rules: RetentionRuleList,
}

/// The embedded files, by name.
const COUNTRIES_JSON: &str = include_str!("../../../../assets/reference/countries.json");
const ADEQUACY_JSON: &str = include_str!("../../../../assets/reference/adequacy.json");
const LEGAL_BASES_JSON: &str = include_str!("../../../../assets/reference/legal_bases.json");
const TRANSFER_MECHANISMS_JSON: &str =
    include_str!("../../../../assets/reference/transfer_mechanisms.json");
const NATIONAL_LAW_JSON: &str = include_str!("../../../../assets/reference/national_law.json");
const RETENTION_RULES_JSON: &str =
    include_str!("../../../../assets/reference/retention_rules.json");

/// Parses one embedded file; the files are checked by the tests, so a failure is a build defect.
fn parse_embedded<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> T {
    serde_json::from_str(text).unwrap_or_else(|e| {
        panic!("embedded reference file assets/reference/{file} is invalid: {e}")
    })
}

/// The reference data embedded in the binary, parsed on first use.
pub fn reference() -> &'static Reference {
    static REFERENCE: OnceLock<Reference> = OnceLock::new();
    REFERENCE.get_or_init(|| Reference {
        countries: parse_embedded("countries.json", COUNTRIES_JSON),
        adequacy: parse_embedded("adequacy.json", ADEQUACY_JSON),
        legal_bases: parse_embedded("legal_bases.json", LEGAL_BASES_JSON),
        transfer_mechanisms: parse_embedded("transfer_mechanisms.json", TRANSFER_MECHANISMS_JSON),
        national_law: parse_embedded("national_law.json", NATIONAL_LAW_JSON),
        retention_rules: parse_embedded("retention_rules.json", RETENTION_RULES_JSON),
    })
}

impl Reference {
    /// The country with the ISO 3166-1 alpha-2 `code` (exact, upper case), if any.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.countries.iter().find(|c| c.code == code)
    }

    /// Whether `code` is an EEA country; transfers there are not Chapter V transfers.
    /// Unknown codes are not EEA.
    pub fn is_eea(&self, code: &str) -> bool {
        self.country(code).is_some_and(|c| c.eea)
    }

    /// The adequacy decision with `code` (e.g. `ADEQ_JP`), if any.
    pub fn adequacy(&self, code: &str) -> Option<&AdequacyDecision> {
        self.adequacy.decisions.iter().find(|d| d.code == code)
    }

    /// All adequacy decisions for the country `country` (ISO alpha-2); the United Kingdom has
    /// two (GDPR and Law Enforcement Directive). Empty when there is none.
    pub fn adequacy_for_country(&self, country: &str) -> Vec<&AdequacyDecision> {
        self.adequacy
            .decisions
            .iter()
            .filter(|d| d.country.as_deref() == Some(country))
            .collect()
    }

    /// The national provision with `code` (e.g. `TDDDG_25_1`), if any.
    pub fn national_law(&self, code: &str) -> Option<&NationalLawProvision> {
        self.national_law.provisions.iter().find(|p| p.code == code)
    }

    /// The provision currently in force that took over the content of `code`, following
    /// `replaced_by` links: the provision itself when it is in force, `None` when the code is
    /// unknown or the chain ends at a provision that is not in force.
    pub fn current_national_law(&self, code: &str) -> Option<&NationalLawProvision> {
        let mut current = self.national_law(code)?;
        // The chain is acyclic (tested); the bound only guards against bad data.
        for _ in 0..=self.national_law.provisions.len() {
            if current.in_force {
                return Some(current);
            }
            current = self.national_law(current.replaced_by.as_deref()?)?;
        }
        None
    }

    /// The statutory retention rule with `code` (e.g. `RET_DE_10Y`), if any.
    pub fn retention_rule(&self, code: &str) -> Option<&RetentionRule> {
        self.retention_rules.rules.iter().find(|r| r.code == code)
    }

    /// The legacy (no longer valid) transfer mechanism with `code`, if any.
    pub fn legacy_mechanism(&self, code: &str) -> Option<&LegacyMechanism> {
        self.transfer_mechanisms
            .legacy
            .iter()
            .find(|m| m.code == code)
    }

    /// The labels of the transfer-tool kind `kind` (e.g. `scc`), if any.
    pub fn transfer_kind(&self, kind: &str) -> Option<&TransferKindInfo> {
        self.transfer_mechanisms
            .kinds
            .iter()
            .find(|k| k.kind == kind)
    }

    /// The labels of an Art. 6(1) lawful basis.
    pub fn art6(&self, basis: LegalBasis) -> &LegalBasisInfo {
        self.legal_bases
            .art6
            .iter()
            .find(|i| i.code == basis)
            .unwrap_or_else(|| missing("legal_bases.json", basis.code()))
    }

    /// The labels of an Art. 9(1) special category.
    pub fn special_category(&self, category: SpecialCategory) -> &SpecialCategoryInfo {
        self.legal_bases
            .special_categories
            .iter()
            .find(|i| i.code == category)
            .unwrap_or_else(|| missing("legal_bases.json", category.code()))
    }

    /// The labels of an Art. 9(2) condition.
    pub fn art9(&self, condition: Art9Condition) -> &Art9ConditionInfo {
        self.legal_bases
            .art9_conditions
            .iter()
            .find(|i| i.code == condition)
            .unwrap_or_else(|| missing("legal_bases.json", condition.code()))
    }

    /// The labels of Art. 10 GDPR (criminal-offence data).
    pub fn criminal(&self) -> &CriminalDataInfo {
        &self.legal_bases.criminal
    }

    /// The labels of a module of the 2021 SCCs.
    pub fn scc_module(&self, module: SccModule) -> &SccModuleInfo {
        self.transfer_mechanisms
            .scc_modules
            .iter()
            .find(|i| i.code == module)
            .unwrap_or_else(|| missing("transfer_mechanisms.json", module.code()))
    }

    /// The labels of an Art. 49(1) derogation.
    pub fn art49(&self, derogation: Art49Derogation) -> &Art49DerogationInfo {
        self.transfer_mechanisms
            .art49
            .iter()
            .find(|i| i.code == derogation)
            .unwrap_or_else(|| missing("transfer_mechanisms.json", derogation.code()))
    }
}

/// Reports a closed-set code missing from an embedded file; the tests rule this out.
fn missing(file: &str, code: &str) -> ! {
    panic!("embedded reference file assets/reference/{file} has no entry for {code}")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn r() -> &'static Reference {
        reference()
    }

    fn assert_unique<'a>(what: &str, codes: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for code in codes {
            assert!(seen.insert(code), "{what}: duplicate code {code}");
        }
    }

    fn is_date(s: &str) -> bool {
        let b = s.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
            && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
            && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
    }

    fn assert_date(what: &str, s: &str) {
        assert!(is_date(s), "{what}: {s:?} is not a YYYY-MM-DD date");
    }

    #[test]
    fn every_file_parses_with_header() {
        let headers: [(&str, u32, &str, &[String]); 6] = [
            (
                "countries",
                r().countries.version,
                &r().countries.as_of,
                &r().countries.sources,
            ),
            (
                "adequacy",
                r().adequacy.version,
                &r().adequacy.as_of,
                &r().adequacy.sources,
            ),
            (
                "legal_bases",
                r().legal_bases.version,
                &r().legal_bases.as_of,
                &r().legal_bases.sources,
            ),
            (
                "transfer_mechanisms",
                r().transfer_mechanisms.version,
                &r().transfer_mechanisms.as_of,
                &r().transfer_mechanisms.sources,
            ),
            (
                "national_law",
                r().national_law.version,
                &r().national_law.as_of,
                &r().national_law.sources,
            ),
            (
                "retention_rules",
                r().retention_rules.version,
                &r().retention_rules.as_of,
                &r().retention_rules.sources,
            ),
        ];
        for (file, version, as_of, sources) in headers {
            assert!(version >= 1, "{file}: version");
            assert_date(file, as_of);
            assert!(!sources.is_empty(), "{file}: no sources");
            assert!(
                sources.iter().all(|s| !s.trim().is_empty()),
                "{file}: empty source"
            );
        }
    }

    #[test]
    fn codes_are_unique() {
        assert_unique(
            "countries",
            r().countries.countries.iter().map(|c| c.code.as_str()),
        );
        assert_unique(
            "adequacy",
            r().adequacy.decisions.iter().map(|d| d.code.as_str()),
        );
        assert_unique(
            "national_law",
            r().national_law.provisions.iter().map(|p| p.code.as_str()),
        );
        assert_unique(
            "retention_rules",
            r().retention_rules.rules.iter().map(|p| p.code.as_str()),
        );
        let tm = &r().transfer_mechanisms;
        assert_unique("kinds", tm.kinds.iter().map(|k| k.kind.as_str()));
        assert_unique("legacy", tm.legacy.iter().map(|m| m.code.as_str()));
        assert_unique("scc_modules", tm.scc_modules.iter().map(|m| m.code.code()));
        assert_unique("art49", tm.art49.iter().map(|m| m.code.code()));
        let lb = &r().legal_bases;
        assert_unique("art6", lb.art6.iter().map(|i| i.code.code()));
        assert_unique(
            "special_categories",
            lb.special_categories.iter().map(|i| i.code.code()),
        );
        assert_unique(
            "art9_conditions",
            lb.art9_conditions.iter().map(|i| i.code.code()),
        );
    }

    #[test]
    fn every_closed_set_variant_has_exactly_one_entry() {
        let lb = &r().legal_bases;
        let tm = &r().transfer_mechanisms;
        for v in LegalBasis::ALL {
            assert_eq!(lb.art6.iter().filter(|i| i.code == *v).count(), 1, "{v}");
            assert_eq!(r().art6(*v).code, *v);
        }
        assert_eq!(lb.art6.len(), LegalBasis::ALL.len());
        for v in SpecialCategory::ALL {
            assert_eq!(
                lb.special_categories
                    .iter()
                    .filter(|i| i.code == *v)
                    .count(),
                1,
                "{v}"
            );
            assert_eq!(r().special_category(*v).code, *v);
        }
        assert_eq!(lb.special_categories.len(), SpecialCategory::ALL.len());
        for v in Art9Condition::ALL {
            assert_eq!(
                lb.art9_conditions.iter().filter(|i| i.code == *v).count(),
                1,
                "{v}"
            );
            assert_eq!(r().art9(*v).code, *v);
        }
        assert_eq!(lb.art9_conditions.len(), Art9Condition::ALL.len());
        for v in SccModule::ALL {
            assert_eq!(
                tm.scc_modules.iter().filter(|i| i.code == *v).count(),
                1,
                "{v}"
            );
            assert_eq!(r().scc_module(*v).code, *v);
        }
        assert_eq!(tm.scc_modules.len(), SccModule::ALL.len());
        for v in Art49Derogation::ALL {
            assert_eq!(tm.art49.iter().filter(|i| i.code == *v).count(), 1, "{v}");
            assert_eq!(r().art49(*v).code, *v);
        }
        assert_eq!(tm.art49.len(), Art49Derogation::ALL.len());
        assert_eq!(r().criminal().code, "CRIMINAL_ART10");
    }

    #[test]
    fn citations_match_codes() {
        for v in LegalBasis::ALL {
            let info = r().art6(*v);
            assert_eq!(
                info.citation(false),
                format!("Art. 6(1)({}) GDPR", v.letter())
            );
            assert_eq!(
                info.citation(true),
                format!("Art. 6 Abs. 1 lit. {} DSGVO", v.letter())
            );
        }
        for info in &r().legal_bases.art9_conditions {
            let letter = info
                .code
                .code()
                .trim_start_matches("ART9_2_")
                .to_lowercase();
            assert_eq!(info.citation_en, format!("Art. 9(2)({letter}) GDPR"));
            assert_eq!(
                info.citation_de,
                format!("Art. 9 Abs. 2 lit. {letter} DSGVO")
            );
        }
        for info in &r().transfer_mechanisms.art49 {
            let letter = info
                .code
                .code()
                .trim_start_matches("XFER_49_1_")
                .to_lowercase();
            assert_eq!(info.point, letter);
            assert_eq!(info.citation_en, format!("Art. 49(1)({letter}) GDPR"));
            assert_eq!(
                info.citation_de,
                format!("Art. 49 Abs. 1 lit. {letter} DSGVO")
            );
            // Art. 49(3): points (a) to (c) are not available to public authorities.
            assert_eq!(
                info.unavailable_to_public_authorities,
                matches!(letter.as_str(), "a" | "b" | "c"),
                "{}",
                info.code
            );
        }
        for info in &r().transfer_mechanisms.scc_modules {
            assert_eq!(info.code.code(), format!("SCC_2021_914_M{}", info.module));
        }
    }

    #[test]
    fn every_label_is_filled_in_both_languages() {
        let lb = &r().legal_bases;
        let tm = &r().transfer_mechanisms;
        let mut texts: Vec<(&str, &str)> = Vec::new();
        texts.extend(
            r().countries
                .countries
                .iter()
                .map(|c| (c.name(false), c.name(true))),
        );
        for d in &r().adequacy.decisions {
            texts.push((d.name(false), d.name(true)));
            texts.push((d.scope(false), d.scope(true)));
        }
        for i in &lb.art6 {
            texts.push((i.label(false), i.label(true)));
            texts.push((i.description(false), i.description(true)));
        }
        texts.extend(
            lb.special_categories
                .iter()
                .map(|i| (i.label(false), i.label(true))),
        );
        texts.extend(
            lb.art9_conditions
                .iter()
                .map(|i| (i.label(false), i.label(true))),
        );
        texts.push((lb.criminal.label(false), lb.criminal.label(true)));
        for k in &tm.kinds {
            texts.push((k.label(false), k.label(true)));
            texts.push((k.citation(false), k.citation(true)));
        }
        texts.extend(
            tm.scc_modules
                .iter()
                .map(|i| (i.label(false), i.label(true))),
        );
        texts.extend(tm.art49.iter().map(|i| (i.label(false), i.label(true))));
        for m in &tm.legacy {
            texts.push((m.label(false), m.label(true)));
            texts.push((m.reason(false), m.reason(true)));
        }
        for p in &r().national_law.provisions {
            texts.push((p.label(false), p.label(true)));
            texts.push((p.citation(false), p.citation(true)));
        }
        for rule in &r().retention_rules.rules {
            texts.push((rule.citation(false), rule.citation(true)));
            texts.push((rule.documents(false), rule.documents(true)));
            texts.push((rule.starts(false), rule.starts(true)));
        }
        for (en, de) in texts {
            assert!(
                !en.trim().is_empty() && !de.trim().is_empty(),
                "empty label: {en:?} / {de:?}"
            );
            assert_eq!(en, en.trim(), "untrimmed: {en:?}");
            assert_eq!(de, de.trim(), "untrimmed: {de:?}");
            // German text must use real umlauts, not ASCII transcriptions.
            let lower = de.to_lowercase();
            for bad in [
                "uebermittl",
                "gemaess",
                "loesch",
                "taetigkeit",
                "koenigreich",
                "oeffentlich",
            ] {
                assert!(
                    !lower.contains(bad),
                    "ASCII transcription {bad:?} in {de:?}"
                );
            }
        }
    }

    #[test]
    fn countries_cover_iso_and_membership() {
        let countries = &r().countries.countries;
        assert!(countries.len() >= 249, "only {} countries", countries.len());
        for c in countries {
            assert!(
                c.code.len() == 2 && c.code.bytes().all(|b| b.is_ascii_uppercase()),
                "bad code {}",
                c.code
            );
            assert!(!c.eu || c.eea, "{} is EU but not EEA", c.code);
        }
        let eu: HashSet<&str> = countries
            .iter()
            .filter(|c| c.eu)
            .map(|c| c.code.as_str())
            .collect();
        let eea: HashSet<&str> = countries
            .iter()
            .filter(|c| c.eea)
            .map(|c| c.code.as_str())
            .collect();
        assert_eq!(eu.len(), 27);
        assert_eq!(eea.len(), 30);
        let extra: HashSet<&str> = eea.difference(&eu).copied().collect();
        assert_eq!(extra, HashSet::from(["IS", "LI", "NO"]));
        assert!(eu.contains("GR") && !eu.contains("EL"));
        assert!(!eu.contains("GB") && !eea.contains("CH"));
        assert!(r().is_eea("DE"));
        assert!(r().is_eea("NO"));
        assert!(!r().is_eea("US"));
        assert!(!r().is_eea("XX"));
        assert_eq!(r().country("DE").map(|c| c.name(true)), Some("Deutschland"));
        assert_eq!(r().country("AT").map(|c| c.name(true)), Some("Österreich"));
        assert_eq!(
            r().country("KR").map(|c| c.name(false)),
            Some("Republic of Korea")
        );
        assert_eq!(
            r().country("US").map(|c| c.name(false)),
            Some("United States")
        );
    }

    #[test]
    fn adequacy_decisions_are_consistent() {
        let decisions = &r().adequacy.decisions;
        let expected = [
            "ADEQ_CH",
            "ADEQ_CA",
            "ADEQ_AR",
            "ADEQ_GG",
            "ADEQ_IM",
            "ADEQ_JE",
            "ADEQ_FO",
            "ADEQ_AD",
            "ADEQ_IL",
            "ADEQ_UY",
            "ADEQ_NZ",
            "ADEQ_JP",
            "ADEQ_KR",
            "ADEQ_GB_GDPR",
            "ADEQ_GB_LED",
            "ADEQ_US_DPF",
            "ADEQ_IO_EPO",
            "ADEQ_BR",
        ];
        for code in expected {
            assert!(r().adequacy(code).is_some(), "missing {code}");
        }
        assert_eq!(decisions.len(), expected.len());
        let fields = [
            "code",
            "country",
            "international_organisation",
            "name_en",
            "name_de",
            "decision",
            "adopted",
            "scope_en",
            "scope_de",
            "restricted_scope",
            "requires_dpf",
            "valid_until",
            "next_review",
        ];
        for d in decisions {
            assert!(d.code.starts_with("ADEQ_"), "{}", d.code);
            match (&d.country, &d.international_organisation) {
                (Some(country), None) => {
                    let c = r().country(country);
                    assert!(c.is_some(), "{}: unknown country {country}", d.code);
                    assert!(!r().is_eea(country), "{}: {country} is in the EEA", d.code);
                }
                (None, Some(io)) => assert!(!io.is_empty(), "{}", d.code),
                _ => panic!(
                    "{}: exactly one of country and international_organisation",
                    d.code
                ),
            }
            assert_date(&d.code, &d.adopted);
            for date in [&d.valid_until, &d.next_review].into_iter().flatten() {
                assert_date(&d.code, date);
            }
            for f in &d.unverified {
                assert!(
                    fields.contains(&f.as_str()),
                    "{}: unknown field {f} in unverified",
                    d.code
                );
            }
            if d.decision.is_none() {
                assert!(
                    d.is_unverified("decision"),
                    "{}: missing decision not flagged",
                    d.code
                );
            }
            assert_eq!(d.requires_dpf, d.code == "ADEQ_US_DPF", "{}", d.code);
        }
        let dpf = r()
            .adequacy("ADEQ_US_DPF")
            .map(|d| (d.requires_dpf, d.restricted_scope));
        assert_eq!(dpf, Some((true, true)));
        for code in ["ADEQ_CA", "ADEQ_JP", "ADEQ_KR", "ADEQ_GB_LED"] {
            assert!(
                r().adequacy(code).is_some_and(|d| d.restricted_scope),
                "{code}"
            );
        }
        let gb: Vec<&str> = r()
            .adequacy_for_country("GB")
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(gb, ["ADEQ_GB_GDPR", "ADEQ_GB_LED"]);
        let uk = r().adequacy("ADEQ_GB_GDPR");
        assert_eq!(
            uk.and_then(|d| d.valid_until.as_deref()),
            Some("2031-12-27")
        );
        assert!(uk.is_some_and(|d| !d.expired_on("2031-12-27") && d.expired_on("2031-12-28")));
        let epo = r().adequacy("ADEQ_IO_EPO");
        assert!(epo.is_some_and(|d| d.country.is_none()
            && d.international_organisation.as_deref() == Some("European Patent Organisation")));
        assert!(r().adequacy_for_country("DE").is_empty());
        assert_eq!(r().adequacy_for_country("JP").len(), 1);
    }

    #[test]
    fn transfer_mechanisms_are_complete() {
        let kinds = [
            "adequacy",
            "dpf",
            "scc",
            "bcr",
            "public_body_instrument",
            "sa_clauses",
            "code_of_conduct",
            "certification",
            "authorised_clauses",
            "administrative_arrangement",
            "derogation",
            "compelling_interest",
            "privacy_shield",
            "legacy_scc",
        ];
        for kind in kinds {
            assert!(r().transfer_kind(kind).is_some(), "missing kind {kind}");
        }
        assert_eq!(r().transfer_mechanisms.kinds.len(), kinds.len());
        for m in &r().transfer_mechanisms.legacy {
            assert_date(&m.code, &m.invalid_since);
            if let Some(repealed) = &m.repealed {
                assert_date(&m.code, repealed);
                assert!(repealed.as_str() <= m.invalid_since.as_str(), "{}", m.code);
            }
        }
        let ps = r().legacy_mechanism("PRIVACY_SHIELD");
        assert_eq!(ps.map(|m| m.invalid_since.as_str()), Some("2020-07-16"));
        for code in ["SCC_2001_497_EC", "SCC_2004_915_EC", "SCC_2010_87_EU"] {
            let m = r().legacy_mechanism(code);
            assert_eq!(
                m.map(|m| m.invalid_since.as_str()),
                Some("2022-12-27"),
                "{code}"
            );
            assert_eq!(
                m.and_then(|m| m.repealed.as_deref()),
                Some("2021-09-27"),
                "{code}"
            );
        }
    }

    #[test]
    fn national_law_links_resolve() {
        let provisions = &r().national_law.provisions;
        for p in provisions {
            assert!(
                r().country(&p.country).is_some(),
                "{}: unknown country",
                p.code
            );
            if let Some(target) = &p.replaced_by {
                assert!(
                    r().national_law(target).is_some(),
                    "{}: replaced_by {target} unknown",
                    p.code
                );
                assert_ne!(target, &p.code);
            }
            assert_eq!(
                p.in_force,
                p.repealed_on.is_none(),
                "{}: in_force vs repealed_on",
                p.code
            );
            if let Some(date) = &p.repealed_on {
                assert_date(&p.code, date);
            }
            assert!(
                p.in_force
                    || p.replaced_by.is_none()
                    || r().current_national_law(&p.code).is_some(),
                "{}: replacement chain does not end in force",
                p.code
            );
        }
        for code in [
            "TDDDG_25_1",
            "TDDDG_25_2_NR1",
            "TDDDG_25_2_NR2",
            "UWG_7_2_NR2",
            "UWG_7_3",
            "BDSG_26",
            "HGB_257",
            "AO_147",
        ] {
            assert!(r().national_law(code).is_some_and(|p| p.in_force), "{code}");
        }
        for code in [
            "TTDSG_25_1",
            "TTDSG_25_2",
            "TMG_15_3",
            "TMG_13",
            "TKG_96",
            "TKG_109",
        ] {
            assert!(
                r().national_law(code).is_some_and(|p| !p.in_force),
                "{code}"
            );
        }
        for p in provisions {
            let is_s25 = p.code.starts_with("TDDDG_25") || p.code.starts_with("TTDSG_25");
            assert_eq!(p.terminal_device, is_s25, "{}", p.code);
        }
        let current = |code| r().current_national_law(code).map(|p| p.code.as_str());
        assert_eq!(current("TTDSG_25_1"), Some("TDDDG_25_1"));
        assert_eq!(current("TTDSG_25_2"), Some("TDDDG_25_2"));
        assert_eq!(current("TMG_15_3"), Some("TDDDG_25_1"));
        assert_eq!(current("TDDDG_25_1"), Some("TDDDG_25_1"));
        assert_eq!(current("TKG_96"), None);
        assert_eq!(current("NOPE"), None);
        let ttdsg = r().national_law("TTDSG_25_1");
        assert_eq!(
            ttdsg.and_then(|p| p.repealed_on.as_deref()),
            Some("2024-05-14")
        );
        let tmg = r().national_law("TMG_15_3");
        assert_eq!(
            tmg.and_then(|p| p.repealed_on.as_deref()),
            Some("2021-12-01")
        );
    }

    #[test]
    fn retention_rules_follow_the_reference() {
        let years: Vec<(&str, u32)> = r()
            .retention_rules
            .rules
            .iter()
            .map(|r| (r.code.as_str(), r.years))
            .collect();
        assert_eq!(
            years,
            [("RET_DE_10Y", 10), ("RET_DE_8Y", 8), ("RET_DE_6Y", 6)]
        );
        for rule in &r().retention_rules.rules {
            assert!(r().country(&rule.country).is_some(), "{}", rule.code);
            assert!(
                rule.code.ends_with(&format!("_{}Y", rule.years)),
                "{}",
                rule.code
            );
        }
        assert!(
            r().retention_rule("RET_DE_8Y")
                .is_some_and(|r| r.documents_en.contains("invoices"))
        );
        assert!(r().retention_rule("RET_DE_7Y").is_none());
    }
}
