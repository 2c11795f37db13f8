//! The privacy notice (Art. 13/14) built from the register, rendered as text the UI shows or
//! saves; and its settings (version, section order, rights contact, sentence overrides).

use ropa_core::documents::{self, Document, DocumentRequest};
use ropa_core::model::{Language, NoticeSettings};
use ropa_core::notice::{self, NoticeOptions, template};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tauri::State;

use crate::IpcError;
use crate::commands::UiLanguage;
use crate::commands::records::{self, to_json};
use crate::state::AppState;

/// What notice to show.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NoticeRequest {
    /// `"en"` or `"de"`.
    #[cfg_attr(test, ts(type = "\"en\" | \"de\""))]
    pub language: Language,
    /// Output format: a text format (`markdown`, `html` or `csv`).
    pub format: documents::Format,
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

/// Builds the draft notice of every activity marked for it, as text (the notice screen's
/// preview; the same document the export writes).
#[tauri::command]
pub async fn export_notice(
    request: NoticeRequest,
    state: State<'_, AppState>,
) -> Result<NoticeText, IpcError> {
    if request.format == documents::Format::Pdf {
        return Err(IpcError::new(
            "invalid",
            "the notice preview is text: choose markdown, html or csv",
        )
        .de("die Vorschau der Datenschutzhinweise ist Text: wählen Sie markdown, html oder csv")
        .at_field("format"));
    }
    let request =
        DocumentRequest::new(Document::Notice, request.format).in_language(request.language);
    let prepared = state.with_store(|store| Ok(documents::prepare(store, &request)?))?;
    let rendered = prepared.render()?;
    Ok(NoticeText {
        content: String::from_utf8_lossy(&rendered.bytes).into_owned(),
        warnings: rendered.warnings.into_iter().map(|w| w.message).collect(),
    })
}

/// The notice's settings (version, date, section order, rights contact, sentence overrides) in
/// the core's JSON shape; the defaults (revision 0) while none were saved.
#[tauri::command]
pub async fn get_notice_settings(state: State<'_, AppState>) -> Result<Value, IpcError> {
    state.with_store(|store| to_json(&store.notice_settings()?))
}

/// Saves the notice's settings; `conflict` when they changed since they were read.
#[tauri::command]
pub async fn save_notice_settings(
    request: NoticeSettingsRequest,
    state: State<'_, AppState>,
) -> Result<Value, IpcError> {
    state.with_store_mut(|store| {
        let settings = records::from_json::<NoticeSettings>(request.record)?;
        to_json(&store.save_notice_settings(settings)?)
    })
}

/// The notice settings to write, in the core's JSON shape.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct NoticeSettingsRequest {
    /// The settings, with the revision they were read at.
    #[cfg_attr(test, ts(type = "Record<string, unknown>"))]
    pub record: Value,
}

/// One section of the notice as it is built now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NoticeSectionView {
    /// `general:<name>` or the activity's id (what `section_order` and overrides name).
    pub id: String,
    /// Its heading in the requested language.
    pub heading: String,
}

/// The sections of the draft notice in the order it shows them (the saved order applied).
#[tauri::command]
pub async fn notice_sections(
    request: UiLanguage,
    state: State<'_, AppState>,
) -> Result<Vec<NoticeSectionView>, IpcError> {
    let options = NoticeOptions {
        language: request.language,
        ..NoticeOptions::default()
    };
    let built = state.with_store(|store| Ok(notice::build_from_store(store, &options)?))?;
    Ok(built
        .sections
        .into_iter()
        .map(|s| NoticeSectionView {
            id: s.id,
            heading: s.heading,
        })
        .collect())
}

/// A template sentence users may replace with their own wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NoticeSentence {
    /// Sentence id (`purpose.basis`).
    pub id: String,
    /// The English template text, with its `{placeholders}`.
    pub text_en: String,
    /// The German template text, with its `{placeholders}`.
    pub text_de: String,
}

/// The sentences of the notice templates that may be overridden.
#[tauri::command]
pub fn notice_sentences() -> Vec<NoticeSentence> {
    let (en, de) = (
        template::template(Language::En),
        template::template(Language::De),
    );
    let mut list: Vec<NoticeSentence> = en
        .ids()
        .filter(|id| notice::is_sentence_id(id))
        .map(|id| NoticeSentence {
            id: id.to_owned(),
            text_en: en.get(id).to_owned(),
            text_de: de.get(id).to_owned(),
        })
        .collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}
