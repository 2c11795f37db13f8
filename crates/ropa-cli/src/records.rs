//! The record commands' pieces: reading a record given as JSON, patching and saving one, and
//! listing a kind as a table.

use crate::kinds::Kind;
use crate::patch::Assignment;
use crate::{Failure, Out, io_failure, output, usage};
use ropa_core::interchange;
use ropa_core::store::Stored;
use ropa_core::{Error, Store};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::io::Read;
use std::path::PathBuf;

pub(crate) fn read_input(json: Option<String>, file: Option<PathBuf>) -> Result<String, Failure> {
    let decoded = |bytes: Vec<u8>, source: &str| -> Result<String, Failure> {
        interchange::decode_json_text(&bytes)
            .map(str::to_owned)
            .map_err(|e| Failure {
                code: "invalid",
                message: format!("{source}: {e}"),
                exit: 5,
            })
    };
    match (json, file) {
        (_, Some(f)) => {
            let bytes = std::fs::read(&f).map_err(|e| io_failure(&f, e))?;
            decoded(bytes, &f.display().to_string())
        }
        (Some(j), None) if j == "-" => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Failure {
                    code: "io",
                    message: format!("standard input: {e}"),
                    exit: 1,
                })?;
            decoded(bytes, "standard input")
        }
        (Some(j), None) => Ok(j.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(j)),
        (None, None) => Err(usage(
            "give the record as JSON, `-` for standard input, or --file FILE",
        )),
    }
}

pub(crate) fn parse_record<T: DeserializeOwned>(text: &str) -> Result<T, Failure> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        Failure {
            code: "invalid",
            message: format!("record JSON, at `{path}`: {}", e.into_inner()),
            exit: 5,
        }
    })
}

pub(crate) fn patch_and_save<T: Stored + Serialize + DeserializeOwned>(
    store: &mut Store,
    record: T,
    assignments: &[Assignment],
    revision: Option<i64>,
) -> Result<T, Failure> {
    let primary = store.organisation()?.language;
    let mut v = serde_json::to_value(&record).map_err(Error::from)?;
    for a in assignments {
        a.apply(&mut v, primary).map_err(|m| Failure {
            code: "invalid",
            message: m,
            exit: 5,
        })?;
    }
    let mut changed: T = serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        Failure {
            code: "invalid",
            message: format!(
                "{} `{}`, field `{path}`: {}",
                T::ENTITY,
                record.id(),
                e.into_inner()
            ),
            exit: 5,
        }
    })?;
    if changed.id() != record.id() {
        return Err(usage("the id of a record cannot be changed"));
    }
    let base = revision.unwrap_or(record.revision());
    changed.set_meta(
        record.created_at().to_owned(),
        record.updated_at().to_owned(),
        base,
    );
    Ok(store.update(changed)?)
}

pub(crate) fn list<T: Stored + Serialize>(
    store: &Store,
    kind: Kind,
    out: &Out,
) -> Result<(), Failure> {
    let records = store.list::<T>()?;
    let values: Vec<Value> = records
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<_, _>>()
        .map_err(Error::from)?;
    out.emit(&values, || {
        let cols = kind.info().columns;
        let headers: Vec<&str> = cols.iter().map(|(h, _)| *h).collect();
        let rows: Vec<Vec<String>> = values
            .iter()
            .map(|v| {
                cols.iter()
                    .map(|(_, p)| output::cell(v.pointer(p)))
                    .collect()
            })
            .collect();
        if rows.is_empty() {
            format!("no {} records\n", T::ENTITY)
        } else {
            output::table(&headers, &rows)
        }
    })
}
