//! The error shape every command returns to the frontend.
//!
//! Commands return `Result<T, IpcError>`. The `code` is stable and machine-readable (the UI
//! branches on it, see `ui/src/lib/ipc.ts`); the `message` is for people, in English and, where
//! it exists, German (`messageDe`, which the German interface shows). Core errors keep their own
//! code and both messages through [`From<ropa_core::Error>`], so nothing is flattened to a string.

use serde::Serialize;

/// A command failure as serialized over IPC: `{ "code": "...", "message": "..." }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IpcError {
    /// Stable identifier, e.g. `"not_found"` or `"register_not_open"`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
    /// The same explanation in German, when there is one.
    #[serde(rename = "messageDe", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub message_de: Option<String>,
    /// The field concerned, as a path inside the record (`purposes[1].legal_basis`), when the
    /// error is about one field; the UI shows the message at that field.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub field: Option<String>,
    /// With `field`: what is wrong with it, without the record and field the message names
    /// (what a form shows at the field).
    #[serde(rename = "fieldMessage", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub field_message: Option<String>,
    /// The same in German.
    #[serde(rename = "fieldMessageDe", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub field_message_de: Option<String>,
    /// `register_not_open` after a failed attempt: the code of that failure (absent when no
    /// register was asked for, which is no error).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub reason: Option<String>,
}

impl IpcError {
    /// Builds an error from a code and a message.
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
            message_de: None,
            field: None,
            field_message: None,
            field_message_de: None,
            reason: None,
        }
    }

    /// The same error with its German message.
    pub fn de(mut self, message: impl Into<String>) -> Self {
        self.message_de = Some(message.into());
        self
    }

    /// The same error, about `field`.
    pub fn at_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// The same error, saying what is wrong with its field in both languages.
    pub fn field_says(mut self, message: impl Into<String>, message_de: impl Into<String>) -> Self {
        self.field_message = Some(message.into());
        self.field_message_de = Some(message_de.into());
        self
    }

    /// No register is open; `reason` says why opening one failed, if it was tried.
    pub fn register_not_open(reason: Option<&IpcError>) -> Self {
        match reason {
            Some(reason) => {
                let mut error = Self::new(
                    "register_not_open",
                    format!("The register could not be opened: {}", reason.message),
                )
                .de(format!(
                    "Das Verzeichnis konnte nicht geöffnet werden: {}",
                    reason.message_de.as_deref().unwrap_or(&reason.message)
                ));
                error.reason = Some(reason.code.clone());
                error
            }
            None => Self::new("register_not_open", "No register is open.")
                .de("Es ist kein Verzeichnis geöffnet."),
        }
    }
}

impl From<ropa_core::Error> for IpcError {
    fn from(err: ropa_core::Error) -> Self {
        let error = Self::new(err.code(), err.to_string()).de(err.message_de());
        match err.field_problem() {
            Some(problem) => error
                .at_field(problem.field)
                .field_says(problem.message, problem.message_de),
            None => error,
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for IpcError {}

impl From<ropa_core::notice::NoticeError> for IpcError {
    fn from(err: ropa_core::notice::NoticeError) -> Self {
        match err {
            ropa_core::notice::NoticeError::Store(err) => err.into(),
            other => Self::new(other.code(), other.to_string()).de(other.message_de()),
        }
    }
}

impl From<ropa_core::documents::DocumentError> for IpcError {
    fn from(err: ropa_core::documents::DocumentError) -> Self {
        match err {
            ropa_core::documents::DocumentError::Core(err) => err.into(),
            other => Self::new(other.code(), other.to_string()).de(other.message_de()),
        }
    }
}
