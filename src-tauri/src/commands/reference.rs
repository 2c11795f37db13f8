//! Reference data the editors' pickers are fed from (`assets/reference/`), in the core's own
//! types: the core decides what is offered, with which labels and fields.

use ropa_core::model::{Activity, Date, ReviewOptions, ReviewState};
use ropa_core::reference::{
    CodeOption, CountryStatus, NationalLawProvision, TransferOptions, reference,
};
use serde::Deserialize;
use tauri::State;

use crate::IpcError;
use crate::state::AppState;

/// The Art. 6(1) lawful bases.
#[tauri::command]
pub fn legal_bases() -> Vec<CodeOption> {
    reference().legal_basis_options()
}

/// Every country with its Chapter V status today.
#[tauri::command]
pub fn countries() -> Vec<CountryStatus> {
    reference().country_statuses(Date::today())
}

/// The destination whose mechanisms the transfer form needs.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct TransferOptionsRequest {
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
}

/// The transfer mechanisms that fit a destination country today, each with its reason, the
/// fields of every mechanism and the codes its pickers offer.
#[tauri::command]
pub fn transfer_options(request: TransferOptionsRequest) -> Result<TransferOptions, IpcError> {
    reference()
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
        })
}

/// The special categories of Art. 9(1) (for data categories).
#[tauri::command]
pub fn special_categories() -> Vec<CodeOption> {
    reference().special_category_options()
}

/// The conditions of Art. 9(2) (for purposes processing special categories).
#[tauri::command]
pub fn art9_conditions() -> Vec<CodeOption> {
    reference().art9_condition_options()
}

/// The statutory retention rules (for a data category's retention).
#[tauri::command]
pub fn retention_rules() -> Vec<CodeOption> {
    reference().retention_rule_options()
}

/// The national provisions, in force first.
#[tauri::command]
pub fn national_law() -> Vec<NationalLawProvision> {
    reference()
        .national_law_options()
        .into_iter()
        .cloned()
        .collect()
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
