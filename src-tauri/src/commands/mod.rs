//! Tauri commands: thin adapters from IPC to `ropa-core`, one module per area.
//!
//! A command validates nothing itself and holds no logic beyond picking the state it needs;
//! the core does the work and [`crate::IpcError`] carries its error code to the UI.

pub mod checks;
pub mod dialogs;
pub mod exports;
pub mod notice;
pub mod records;
pub mod reference;
pub mod register;
pub mod register_files;

use ropa_core::model::Language;
use serde::Deserialize;

/// The interface language, for what the shell shows itself (file dialog titles, the notice
/// sections' headings).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiLanguage {
    /// `"en"` or `"de"`.
    #[cfg_attr(test, ts(type = "\"en\" | \"de\""))]
    pub language: Language,
}
