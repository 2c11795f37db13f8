//! Reference data the editors' pickers are fed from (`assets/reference/`).

use ropa_core::reference::reference;
use serde::Serialize;

use crate::IpcError;

/// One code of a picker, with its labels and citations in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
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

/// The Art. 6(1) lawful bases.
#[tauri::command]
pub fn legal_bases() -> Result<Vec<CodeOption>, IpcError> {
    reference()
        .legal_bases
        .art6
        .iter()
        .map(|info| {
            let code = serde_json::to_value(info.code)
                .map_err(|err| IpcError::new("json", err.to_string()))?;
            Ok(CodeOption {
                code: code.as_str().unwrap_or_default().to_owned(),
                label_en: info.label_en.clone(),
                label_de: info.label_de.clone(),
                citation_en: info.citation_en.clone(),
                citation_de: info.citation_de.clone(),
            })
        })
        .collect()
}

// ---- Editors' pickers: countries, transfer mechanisms, catalogue codes, review dates ----

use ropa_core::model::{Activity, Date, ReviewOptions, ReviewState};
use ropa_core::reference::{CountryStatus, DestinationStatus, MechanismOption};
use serde::Deserialize;
use tauri::State;

use crate::state::AppState;

/// A country of the country picker, with its Chapter V status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CountryOption {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// English name.
    pub name_en: String,
    /// German name.
    pub name_de: String,
    /// `eea` (no Chapter V transfer), `adequate`, `partly_adequate` or `third_country`.
    #[cfg_attr(
        test,
        ts(type = "\"eea\" | \"adequate\" | \"partly_adequate\" | \"third_country\"")
    )]
    pub status: String,
    /// Codes of the adequacy decisions that apply.
    pub adequacy: Vec<String>,
    /// What the adequacy decisions cover, in English (empty without one).
    pub note_en: String,
    /// The same in German.
    pub note_de: String,
}

impl From<CountryStatus> for CountryOption {
    fn from(c: CountryStatus) -> Self {
        let status = match c.status {
            DestinationStatus::Eea => "eea",
            DestinationStatus::Adequate => "adequate",
            DestinationStatus::PartlyAdequate => "partly_adequate",
            DestinationStatus::ThirdCountry => "third_country",
        };
        CountryOption {
            code: c.code,
            name_en: c.name_en,
            name_de: c.name_de,
            status: status.to_owned(),
            adequacy: c.adequacy,
            note_en: c.note_en,
            note_de: c.note_de,
        }
    }
}

/// One mechanism the transfer form offers for the destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MechanismChoice {
    /// The mechanism's `type` tag as stored (`adequacy`, `dpf`, `scc`, …).
    pub kind: String,
    /// For `adequacy`: the decision code to store.
    pub decision: Option<String>,
    /// English label.
    pub label_en: String,
    /// German label.
    pub label_de: String,
    /// English citation.
    pub citation_en: String,
    /// German citation.
    pub citation_de: String,
    /// Why it fits, in English.
    pub reason_en: String,
    /// Why it fits, in German.
    pub reason_de: String,
    /// Covers only some recipients: note why this one is covered.
    pub restricted: bool,
}

impl From<MechanismOption> for MechanismChoice {
    fn from(m: MechanismOption) -> Self {
        MechanismChoice {
            kind: m.kind,
            decision: m.decision,
            label_en: m.label_en,
            label_de: m.label_de,
            citation_en: m.citation_en,
            citation_de: m.citation_de,
            reason_en: m.reason_en,
            reason_de: m.reason_de,
            restricted: m.restricted,
        }
    }
}

/// The destination whose mechanisms the transfer form needs.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TransferOptionsRequest {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
}

/// What the transfer form offers for one destination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TransferChoices {
    /// The destination and its status.
    pub country: CountryOption,
    /// Whether a Chapter V mechanism is needed at all (`false` inside the EEA).
    pub chapter_v: bool,
    /// The mechanisms that fit, in legal order.
    pub mechanisms: Vec<MechanismChoice>,
    /// The modules of the 2021 SCCs.
    pub scc_modules: Vec<CodeOption>,
    /// The Art. 49(1) derogations.
    pub derogations: Vec<CodeOption>,
}

/// Every country with its Chapter V status today.
#[tauri::command]
pub fn countries() -> Vec<CountryOption> {
    ropa_core::reference::country_statuses(Date::today())
        .into_iter()
        .map(CountryOption::from)
        .collect()
}

/// The transfer mechanisms that fit a destination country today, each with its reason.
#[tauri::command]
pub fn transfer_options(request: TransferOptionsRequest) -> Result<TransferChoices, IpcError> {
    let r = reference();
    let offer = r
        .transfer_options(&request.country, Date::today())
        .ok_or_else(|| {
            IpcError::new(
                "unknown_code",
                format!(
                    "`{}` is not an ISO 3166-1 country code: pick the destination country from the list.",
                    request.country
                ),
            )
            .de(format!(
                "`{}` ist kein Ländercode nach ISO 3166-1: wählen Sie das Zielland aus der Liste.",
                request.country
            ))
            .at_field("country")
        })?;
    let tm = &r.transfer_mechanisms;
    Ok(TransferChoices {
        country: offer.country.into(),
        chapter_v: offer.chapter_v,
        mechanisms: offer.mechanisms.into_iter().map(Into::into).collect(),
        scc_modules: tm
            .scc_modules
            .iter()
            .map(|m| CodeOption {
                code: m.code.code().to_owned(),
                label_en: m.label_en.clone(),
                label_de: m.label_de.clone(),
                citation_en: "Implementing Decision (EU) 2021/914".to_owned(),
                citation_de: "Durchführungsbeschluss (EU) 2021/914".to_owned(),
            })
            .collect(),
        derogations: tm
            .art49
            .iter()
            .map(|d| CodeOption {
                code: d.code.code().to_owned(),
                label_en: d.label_en.clone(),
                label_de: d.label_de.clone(),
                citation_en: d.citation_en.clone(),
                citation_de: d.citation_de.clone(),
            })
            .collect(),
    })
}

/// The special categories of Art. 9(1) (for data categories).
#[tauri::command]
pub fn special_categories() -> Vec<CodeOption> {
    reference()
        .legal_bases
        .special_categories
        .iter()
        .map(|s| CodeOption {
            code: s.code.code().to_owned(),
            label_en: s.label_en.clone(),
            label_de: s.label_de.clone(),
            citation_en: "Art. 9(1) GDPR".to_owned(),
            citation_de: "Art. 9 Abs. 1 DSGVO".to_owned(),
        })
        .collect()
}

/// The conditions of Art. 9(2) (for purposes processing special categories).
#[tauri::command]
pub fn art9_conditions() -> Vec<CodeOption> {
    reference()
        .legal_bases
        .art9_conditions
        .iter()
        .map(|s| CodeOption {
            code: s.code.code().to_owned(),
            label_en: s.label_en.clone(),
            label_de: s.label_de.clone(),
            citation_en: s.citation_en.clone(),
            citation_de: s.citation_de.clone(),
        })
        .collect()
}

/// The statutory retention rules (for a data category's retention).
#[tauri::command]
pub fn retention_rules() -> Vec<CodeOption> {
    reference()
        .retention_rules
        .rules
        .iter()
        .map(|rule| CodeOption {
            code: rule.code.clone(),
            label_en: format!("{} years – {}", rule.years, rule.documents_en),
            label_de: format!("{} Jahre – {}", rule.years, rule.documents_de),
            citation_en: rule.citation_en.clone(),
            citation_de: rule.citation_de.clone(),
        })
        .collect()
}

/// A national provision relied on alongside the GDPR (§ 25 TDDDG, § 7(3) UWG, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NationalLawOption {
    /// The code as stored in a purpose, e.g. `TDDDG_25_1`.
    pub code: String,
    /// Short English label.
    pub label_en: String,
    /// Short German label.
    pub label_de: String,
    /// English citation.
    pub citation_en: String,
    /// German citation.
    pub citation_de: String,
    /// ISO 3166-1 alpha-2 code of the country whose law it is.
    pub country: String,
    /// In force under this citation; a provision that is not is never offered for new entries,
    /// only shown where a register still cites it.
    pub in_force: bool,
    /// The code of the provision that took over its content, if any.
    pub replaced_by: Option<String>,
}

/// The national provisions, in force first.
#[tauri::command]
pub fn national_law() -> Vec<NationalLawOption> {
    let mut list: Vec<NationalLawOption> = reference()
        .national_law
        .provisions
        .iter()
        .map(|p| NationalLawOption {
            code: p.code.clone(),
            label_en: p.label_en.clone(),
            label_de: p.label_de.clone(),
            citation_en: p.citation_en.clone(),
            citation_de: p.citation_de.clone(),
            country: p.country.clone(),
            in_force: p.in_force,
            replaced_by: p.replaced_by.clone(),
        })
        .collect();
    list.sort_by_key(|p| !p.in_force);
    list
}

/// Where every activity's review stands today (the checks' review interval).
#[tauri::command]
pub async fn review_due(state: State<'_, AppState>) -> Result<Vec<ReviewState>, IpcError> {
    let (today, opts) = (Date::today(), ReviewOptions::default());
    state.with_store(|store| {
        Ok(store
            .list::<Activity>()?
            .iter()
            .map(|a| a.review_state(today, &opts))
            .collect())
    })
}
