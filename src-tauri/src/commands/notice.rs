//! The privacy notice (Art. 13/14) built from the register, rendered as text the UI shows or
//! saves.

use ropa_core::model::Language;
use ropa_core::notice::{self, NoticeOptions};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::IpcError;
use crate::state::AppState;

/// Output format of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum NoticeFormat {
    /// Markdown.
    Markdown,
    /// A standalone HTML document.
    Html,
    /// CSV, one row per sentence.
    Csv,
}

/// What notice to build.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NoticeRequest {
    /// `"en"` or `"de"`.
    #[cfg_attr(test, ts(type = "\"en\" | \"de\""))]
    pub language: Language,
    /// Output format.
    pub format: NoticeFormat,
}

/// A rendered draft notice and the facts it still misses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NoticeText {
    /// The document in the requested format.
    pub content: String,
    /// Missing facts, in the notice's language.
    pub warnings: Vec<String>,
}

/// Builds the draft notice of every activity marked for it.
#[tauri::command]
pub async fn export_notice(
    request: NoticeRequest,
    state: State<'_, AppState>,
) -> Result<NoticeText, IpcError> {
    let options = NoticeOptions {
        language: request.language,
        ..NoticeOptions::default()
    };
    let built = state.with_store(|store| Ok(notice::build_from_store(store, &options)?))?;
    let content = match request.format {
        NoticeFormat::Markdown => notice::markdown::render(&built),
        NoticeFormat::Html => notice::html::render(&built),
        NoticeFormat::Csv => notice::csv::render(&built),
    };
    let warnings = built
        .warnings
        .iter()
        .map(|gap| match request.language {
            Language::De => gap.message_de.clone(),
            Language::En => gap.message_en.clone(),
        })
        .collect();
    Ok(NoticeText { content, warnings })
}
