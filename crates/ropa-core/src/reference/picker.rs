//! What the editors' pickers offer, derived from the reference data: every country with its
//! Chapter V status (EEA, adequacy decision in full or restricted scope, none) and, for a
//! destination country, the transfer mechanisms that fit it, each with a reason.
//!
//! The offer is consistent with the transfer checks (`checks::transfers`): a mechanism offered
//! for a country, recorded with its details, draws no error or warning about the mechanism for
//! that country. Legacy mechanisms (Privacy Shield, the pre-2021 SCCs) are never offered.

use serde::{Deserialize, Serialize};

use super::{AdequacyDecision, Reference, reference};
use crate::model::{Art49Derogation, Date, MechanismField, SccModule, TransferMechanism};
use std::collections::BTreeMap;

/// Whether, and how far, transfers to a country need a Chapter V mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DestinationStatus {
    /// EU/EEA member: sharing data there is not a Chapter V transfer.
    Eea,
    /// An adequacy decision covers all recipients.
    Adequate,
    /// An adequacy decision covers only part of the recipients (Canada: PIPEDA; Japan, Korea:
    /// private sector; the US: DPF-certified organisations only).
    PartlyAdequate,
    /// A third country without an adequacy decision.
    ThirdCountry,
}

/// A country as the country picker shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CountryStatus {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// English name.
    pub name_en: String,
    /// German name.
    pub name_de: String,
    /// EEA, adequate, partly adequate or third country.
    pub status: DestinationStatus,
    /// The adequacy decisions in force that apply to transfers under the GDPR (codes).
    pub adequacy: Vec<String>,
    /// What the adequacy decisions cover, in English (empty without one).
    pub note_en: String,
    /// The same in German.
    pub note_de: String,
}

/// One mechanism the transfer form offers for a destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MechanismOption {
    /// The mechanism's `type` tag (`adequacy`, `dpf`, `scc`, …), as in [`crate::model::TransferMechanism`].
    pub kind: String,
    /// For `adequacy`: the decision code to record (`ADEQ_JP`).
    pub decision: Option<String>,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
    /// English citation.
    pub citation_en: String,
    /// German citation.
    pub citation_de: String,
    /// Why it fits (and what it requires), in English.
    pub reason_en: String,
    /// The same in German.
    pub reason_de: String,
    /// The mechanism covers only some recipients: the register must say why this one is covered.
    pub restricted: bool,
    /// The mechanism as it is recorded when picked: the adequacy decision set, a required
    /// choice set to its first option, every other field empty.
    pub template: TransferMechanism,
}

/// What the transfer form offers for one destination country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TransferOptions {
    /// The country and its status.
    pub country: CountryStatus,
    /// Whether a Chapter V mechanism is needed at all (`false` for the EEA).
    pub chapter_v: bool,
    /// The mechanisms that fit, in the order of Art. 45, 46, 47, 49 (empty for the EEA).
    pub mechanisms: Vec<MechanismOption>,
    /// The fields of every mechanism kind, also of one recorded but not offered here.
    pub fields: BTreeMap<String, Vec<MechanismField>>,
    /// The modules of the 2021 SCCs, for the `scc_module` field.
    pub scc_modules: Vec<CodeOption>,
    /// The points of Art. 49(1), for the `derogation` field.
    pub derogations: Vec<CodeOption>,
}

/// One code of a picker, with its labels and citations in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CodeOption {
    /// The code as stored in the register, e.g. `ART6_1_A`.
    pub code: String,
    /// Short English label.
    pub label_en: String,
    /// Short German label.
    pub label_de: String,
    /// English citation.
    pub citation_en: String,
    /// German citation.
    pub citation_de: String,
}

impl CodeOption {
    fn new(code: &str, label: (&str, &str), citation: (&str, &str)) -> CodeOption {
        CodeOption {
            code: code.to_owned(),
            label_en: label.0.to_owned(),
            label_de: label.1.to_owned(),
            citation_en: citation.0.to_owned(),
            citation_de: citation.1.to_owned(),
        }
    }
}

/// Decisions that never cover transfers under the GDPR (the UK's Law Enforcement Directive
/// decision); the checks flag them as a mismatch.
fn gdpr_decision(d: &AdequacyDecision) -> bool {
    d.code != "ADEQ_GB_LED"
}

impl Reference {
    /// The adequacy decisions usable on `today` for transfers under the GDPR to `country`.
    fn usable_adequacy(&self, country: &str, today: Date) -> Vec<&AdequacyDecision> {
        let today = today.to_string();
        self.adequacy_for_country(country)
            .into_iter()
            .filter(|d| gdpr_decision(d) && !d.expired_on(&today))
            .collect()
    }

    /// The picker entry of the country `code` on `today`; `None` for an unknown code.
    pub fn country_status(&self, code: &str, today: Date) -> Option<CountryStatus> {
        let c = self.country(code)?;
        let decisions = if c.eea {
            Vec::new()
        } else {
            self.usable_adequacy(code, today)
        };
        let status = if c.eea {
            DestinationStatus::Eea
        } else if decisions.iter().any(|d| !d.restricted_scope) {
            DestinationStatus::Adequate
        } else if !decisions.is_empty() {
            DestinationStatus::PartlyAdequate
        } else {
            DestinationStatus::ThirdCountry
        };
        let note = |german: bool| {
            decisions
                .iter()
                .map(|d| d.scope(german).to_owned())
                .collect::<Vec<_>>()
                .join("; ")
        };
        Some(CountryStatus {
            code: c.code.clone(),
            name_en: c.name_en.clone(),
            name_de: c.name_de.clone(),
            status,
            adequacy: decisions.iter().map(|d| d.code.clone()).collect(),
            note_en: note(false),
            note_de: note(true),
        })
    }

    /// Every country with its status on `today`, in the order of `countries.json` (by code).
    pub fn country_statuses(&self, today: Date) -> Vec<CountryStatus> {
        self.countries
            .countries
            .iter()
            .filter_map(|c| self.country_status(&c.code, today))
            .collect()
    }

    /// The mechanisms that fit a transfer to `country` on `today`, each with a reason; `None`
    /// for an unknown country code.
    pub fn transfer_options(&self, country: &str, today: Date) -> Option<TransferOptions> {
        let status = self.country_status(country, today)?;
        if status.status == DestinationStatus::Eea {
            return Some(self.offer(status, false, Vec::new()));
        }
        let mut out = Vec::new();
        let kind = |kind: &str, decision: Option<String>, reason: (String, String), restricted| {
            let template = self.template(kind, decision.clone().unwrap_or_default());
            let info = self.transfer_kind(kind);
            MechanismOption {
                kind: kind.to_owned(),
                decision,
                label_en: info.map(|i| i.label_en.clone()).unwrap_or_default(),
                label_de: info.map(|i| i.label_de.clone()).unwrap_or_default(),
                citation_en: info.map(|i| i.article_en.clone()).unwrap_or_default(),
                citation_de: info.map(|i| i.article_de.clone()).unwrap_or_default(),
                reason_en: reason.0,
                reason_de: reason.1,
                restricted,
                template,
            }
        };

        for d in self.usable_adequacy(country, today) {
            if d.requires_dpf {
                out.push(kind(
                    "dpf",
                    None,
                    (
                        format!(
                            "Adequacy decision {} covers only organisations certified under the EU–U.S. Data Privacy Framework: check the importer on the DPF list and record the date.",
                            d.decision.as_deref().unwrap_or(&d.code)
                        ),
                        format!(
                            "Der Angemessenheitsbeschluss {} gilt nur für Organisationen, die nach dem EU-US-Datenschutzrahmen zertifiziert sind: Prüfen Sie den Importeur auf der DPF-Liste und erfassen Sie das Datum.",
                            d.decision.as_deref().unwrap_or(&d.code)
                        ),
                    ),
                    true,
                ));
                continue;
            }
            let mut option = kind(
                "adequacy",
                Some(d.code.clone()),
                if d.restricted_scope {
                    (
                        format!(
                            "Adequacy decision {} covers only part of the recipients: {}. Use it only if the importer is covered, and note why.",
                            d.decision.as_deref().unwrap_or(&d.code),
                            d.scope(false)
                        ),
                        format!(
                            "Der Angemessenheitsbeschluss {} gilt nur für einen Teil der Empfänger: {}. Nutzen Sie ihn nur, wenn der Importeur darunter fällt, und vermerken Sie die Begründung.",
                            d.decision.as_deref().unwrap_or(&d.code),
                            d.scope(true)
                        ),
                    )
                } else {
                    (
                        format!(
                            "Adequacy decision {} covers {}: no further safeguards are needed.",
                            d.decision.as_deref().unwrap_or(&d.code),
                            lower_first(d.scope(false))
                        ),
                        format!(
                            "Der Angemessenheitsbeschluss {} gilt für {}: weitere Garantien sind nicht nötig.",
                            d.decision.as_deref().unwrap_or(&d.code),
                            d.scope(true).replacen("Alle ", "alle ", 1)
                        ),
                    )
                },
                d.restricted_scope,
            );
            option.label_en = format!("{} – {}", option.label_en, d.name(false));
            option.label_de = format!("{} – {}", option.label_de, d.name(true));
            out.push(option);
        }

        for k in super::ART46_KINDS {
            let reason = match *k {
                "scc" => (
                    "Appropriate safeguard for any third country: conclude the 2021 clauses with the module that fits the roles and carry out a transfer impact assessment.".to_owned(),
                    "Geeignete Garantie für jedes Drittland: Schließen Sie die Klauseln von 2021 mit dem zu den Rollen passenden Modul ab und führen Sie ein Transfer Impact Assessment durch.".to_owned(),
                ),
                "bcr" => (
                    "For transfers within a group whose binding corporate rules are approved; a transfer impact assessment is expected.".to_owned(),
                    "Für Übermittlungen innerhalb einer Unternehmensgruppe mit genehmigten BCR; ein Transfer Impact Assessment wird erwartet.".to_owned(),
                ),
                _ => (
                    "Appropriate safeguard under Art. 46 GDPR; a transfer impact assessment is expected.".to_owned(),
                    "Geeignete Garantie nach Art. 46 DSGVO; ein Transfer Impact Assessment wird erwartet.".to_owned(),
                ),
            };
            out.push(kind(k, None, reason, false));
        }
        out.push(kind(
            "derogation",
            None,
            (
                "Only for occasional transfers in a specific situation (Art. 49(1)(a)–(g)), not as the rule.".to_owned(),
                "Nur für gelegentliche Übermittlungen in einem bestimmten Fall (Art. 49 Abs. 1 lit. a–g DSGVO), nicht als Regel.".to_owned(),
            ),
            false,
        ));
        out.push(kind(
            "compelling_interest",
            None,
            (
                "Last resort for a single, non-repetitive transfer: document the assessment and safeguards and inform the supervisory authority.".to_owned(),
                "Letztes Mittel für eine einzelne, nicht wiederholte Übermittlung: Dokumentieren Sie Abwägung und Garantien und unterrichten Sie die Aufsichtsbehörde.".to_owned(),
            ),
            false,
        ));
        Some(self.offer(status, true, out))
    }

    fn offer(
        &self,
        country: CountryStatus,
        chapter_v: bool,
        mechanisms: Vec<MechanismOption>,
    ) -> TransferOptions {
        let kinds = TransferMechanism::kinds();
        TransferOptions {
            country,
            chapter_v,
            mechanisms,
            fields: kinds
                .map(|k| (k.to_string(), TransferMechanism::fields(k)))
                .collect(),
            scc_modules: self.scc_module_options(),
            derogations: self.derogation_options(),
        }
    }

    /// A new mechanism of `kind` as the form records it when picked (`decision`: for
    /// `adequacy`).
    fn template(&self, kind: &str, decision: String) -> TransferMechanism {
        let tm = &self.transfer_mechanisms;
        let json = serde_json::json!({
            "type": kind,
            "decision": decision,
            "module": tm.scc_modules.first().map(|m| m.code).unwrap_or(SccModule::ALL[0]),
            "derogation": tm.art49.first().map(|d| d.code).unwrap_or(Art49Derogation::ALL[0]),
            "safeguards": "",
        });
        // Keep only the keys this kind has: the required ones start filled, the rest absent.
        let keep: Vec<String> = TransferMechanism::fields(kind)
            .into_iter()
            .filter(|f| f.required)
            .map(|f| f.name)
            .chain(["type".to_owned()])
            .chain((kind == "adequacy").then(|| "decision".to_owned()))
            .collect();
        let object = json
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(k, _)| keep.contains(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect::<serde_json::Map<_, _>>();
        serde_json::from_value(serde_json::Value::Object(object))
            .unwrap_or_else(|e| panic!("the template of `{kind}` does not fit the model: {e}"))
    }

    /// The modules of the 2021 SCCs.
    pub fn scc_module_options(&self) -> Vec<CodeOption> {
        let cite = (
            "Implementing Decision (EU) 2021/914",
            "Durchführungsbeschluss (EU) 2021/914",
        );
        self.transfer_mechanisms
            .scc_modules
            .iter()
            .map(|m| CodeOption::new(m.code.code(), (&m.label_en, &m.label_de), cite))
            .collect()
    }

    /// The points of Art. 49(1).
    pub fn derogation_options(&self) -> Vec<CodeOption> {
        self.transfer_mechanisms
            .art49
            .iter()
            .map(|d| {
                CodeOption::new(
                    d.code.code(),
                    (&d.label_en, &d.label_de),
                    (&d.citation_en, &d.citation_de),
                )
            })
            .collect()
    }

    /// The lawful bases of Art. 6(1).
    pub fn legal_basis_options(&self) -> Vec<CodeOption> {
        self.legal_bases
            .art6
            .iter()
            .map(|b| {
                CodeOption::new(
                    b.code.code(),
                    (&b.label_en, &b.label_de),
                    (&b.citation_en, &b.citation_de),
                )
            })
            .collect()
    }

    /// The special categories of Art. 9(1).
    pub fn special_category_options(&self) -> Vec<CodeOption> {
        let cite = ("Art. 9(1) GDPR", "Art. 9 Abs. 1 DSGVO");
        self.legal_bases
            .special_categories
            .iter()
            .map(|c| CodeOption::new(c.code.code(), (&c.label_en, &c.label_de), cite))
            .collect()
    }

    /// The conditions of Art. 9(2).
    pub fn art9_condition_options(&self) -> Vec<CodeOption> {
        self.legal_bases
            .art9_conditions
            .iter()
            .map(|c| {
                CodeOption::new(
                    c.code.code(),
                    (&c.label_en, &c.label_de),
                    (&c.citation_en, &c.citation_de),
                )
            })
            .collect()
    }

    /// The statutory retention rules, labelled with their period and the documents they cover.
    pub fn retention_rule_options(&self) -> Vec<CodeOption> {
        self.retention_rules
            .rules
            .iter()
            .map(|r| {
                CodeOption::new(
                    &r.code,
                    (
                        &format!("{} years – {}", r.years, r.documents_en),
                        &format!("{} Jahre – {}", r.years, r.documents_de),
                    ),
                    (&r.citation_en, &r.citation_de),
                )
            })
            .collect()
    }

    /// The national provisions, those in force first (a repealed one is shown only where a
    /// register still cites it, never offered for new entries).
    pub fn national_law_options(&self) -> Vec<&super::NationalLawProvision> {
        let mut list: Vec<_> = self.national_law.provisions.iter().collect();
        list.sort_by_key(|p| !p.in_force);
        list
    }
}

/// `All recipients …` → `all recipients …`.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The offer for `country` on `today` from the embedded reference data.
pub fn transfer_options(country: &str, today: Date) -> Option<TransferOptions> {
    reference().transfer_options(country, today)
}

/// Every country with its Chapter V status on `today`.
pub fn country_statuses(today: Date) -> Vec<CountryStatus> {
    reference().country_statuses(today)
}
