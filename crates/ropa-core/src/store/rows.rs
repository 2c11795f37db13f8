//! Encoding and decoding of column values: enums as their codes, value objects as JSON, dates
//! as ISO text. Decoding failures name the record and column, because a register file can be
//! edited by other tools and must never be read into a silently wrong value.

use crate::error::{Error, Result};
use crate::model::{Date, Entity};
use rusqlite::Row;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A value object as JSON text.
pub(crate) fn json<T: Serialize>(v: &T) -> Result<String> {
    Ok(serde_json::to_string(v)?)
}

/// An optional value object as JSON text or NULL.
pub(crate) fn json_opt<T: Serialize>(v: &Option<T>) -> Result<Option<String>> {
    v.as_ref().map(json).transpose()
}

/// A list as JSON text, NULL when empty.
pub(crate) fn json_list<T: Serialize>(v: &[T]) -> Result<Option<String>> {
    if v.is_empty() {
        Ok(None)
    } else {
        json(&v).map(Some)
    }
}

/// An enum as its serde code (`"active"` → `active`).
pub(crate) fn code<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        other => panic!("enum codes serialise to strings, got {other:?}"),
    }
}

/// Decodes the columns of one record row, naming the record in every error.
pub(crate) struct Decoder<'a, 'r> {
    pub(crate) row: &'a Row<'r>,
    pub(crate) entity: Entity,
    pub(crate) id: String,
}

impl<'a, 'r> Decoder<'a, 'r> {
    /// A decoder whose record id is in column `id_col`.
    pub(crate) fn new(row: &'a Row<'r>, entity: Entity, id_col: usize) -> Result<Self> {
        Ok(Decoder {
            row,
            entity,
            id: row.get(id_col)?,
        })
    }

    fn bad(&self, field: &str, message: String) -> Error {
        Error::invalid(
            self.entity,
            &self.id,
            field,
            format!("stored value is unreadable: {message}"),
            format!("gespeicherter Wert ist nicht lesbar: {message}"),
        )
    }

    /// A plain column.
    pub(crate) fn get<T: rusqlite::types::FromSql>(&self, idx: usize) -> Result<T> {
        Ok(self.row.get(idx)?)
    }

    /// A boolean stored as 0/1.
    pub(crate) fn flag(&self, idx: usize) -> Result<bool> {
        Ok(self.row.get::<_, i64>(idx)? != 0)
    }

    /// A JSON value object.
    pub(crate) fn json<T: DeserializeOwned>(&self, idx: usize, field: &str) -> Result<T> {
        let text: String = self.row.get(idx)?;
        serde_json::from_str(&text).map_err(|e| self.bad(field, e.to_string()))
    }

    /// An optional JSON value object.
    pub(crate) fn json_opt<T: DeserializeOwned>(
        &self,
        idx: usize,
        field: &str,
    ) -> Result<Option<T>> {
        let text: Option<String> = self.row.get(idx)?;
        text.map(|t| serde_json::from_str(&t).map_err(|e| self.bad(field, e.to_string())))
            .transpose()
    }

    /// A JSON list stored as NULL when empty.
    pub(crate) fn json_list<T: DeserializeOwned>(&self, idx: usize, field: &str) -> Result<Vec<T>> {
        Ok(self.json_opt(idx, field)?.unwrap_or_default())
    }

    /// An enum stored as its code.
    pub(crate) fn code<T: DeserializeOwned>(&self, idx: usize, field: &str) -> Result<T> {
        let text: String = self.row.get(idx)?;
        self.parse_code(field, text)
    }

    /// An optional enum stored as its code.
    pub(crate) fn code_opt<T: DeserializeOwned>(
        &self,
        idx: usize,
        field: &str,
    ) -> Result<Option<T>> {
        let text: Option<String> = self.row.get(idx)?;
        text.map(|t| self.parse_code(field, t)).transpose()
    }

    fn parse_code<T: DeserializeOwned>(&self, field: &str, text: String) -> Result<T> {
        serde_json::from_value(serde_json::Value::String(text.clone())).map_err(|_| {
            Error::UnknownCode {
                entity: self.entity,
                id: self.id.clone(),
                field: field.to_owned(),
                list: "stored",
                code: text,
            }
        })
    }

    /// An optional ISO date.
    pub(crate) fn date(&self, idx: usize, field: &str) -> Result<Option<Date>> {
        let text: Option<String> = self.row.get(idx)?;
        text.map(|t| Date::parse(&t).ok_or_else(|| self.bad(field, format!("`{t}` is not a date"))))
            .transpose()
    }
}

/// An optional date as ISO text.
pub(crate) fn date(d: &Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// A text in one or more languages is one column: see [`LocalText::to_stored`].
impl rusqlite::types::ToSql for crate::model::LocalText {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.to_stored()))
    }
}

impl rusqlite::types::FromSql for crate::model::LocalText {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        String::column_result(value).map(crate::model::LocalText::from_stored)
    }
}
