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

pub(crate) use crate::model::ART46_KINDS;
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
    /// The country to print under an address: its name in the document's language, or `None`
    /// when the address already ends with that country (its English or German name or its
    /// code), so that "…, 80331 München, Germany" does not get a second "Germany".
    pub fn country_after(&self, address: Option<&str>, code: &str, german: bool) -> Option<String> {
        let c = self.country(code);
        let last = address
            .and_then(|a| a.rsplit(['\n', ',']).map(str::trim).find(|s| !s.is_empty()))
            .map(str::to_lowercase);
        let named = |name: &str| last.as_deref() == Some(name.to_lowercase().as_str());
        let already = named(code) || c.is_some_and(|c| named(&c.name_en) || named(&c.name_de));
        (!already).then(|| c.map_or_else(|| code.to_owned(), |c| c.name(german).to_owned()))
    }

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
mod tests;
