//! RoPA Desk core: the GDPR Art. 30 register.
//!
//! - [`model`]: the domain types (organisation, activities, parties, agreements, joint
//!   arrangements, transfers, processor services, catalogues);
//! - [`mod@reference`]: versioned legal reference data shipped in `assets/reference/`;
//! - [`store`]: the SQLite register file (migrations, transactions, optimistic concurrency);
//! - [`interchange`]: the versioned JSON format of a whole register (backup, fixtures);
//! - [`notice`]: privacy notices (Art. 13/14) generated from the register, EN/DE;
//! - [`checks`]: the compliance rule engine (what is missing or wrong, by Art. 30 letter);
//! - [`export`]: the Art. 30 record as PDF and CSV;
//! - [`pdf`]: the PDF engine the record, the notice and the checks report are laid out with
//!   (A4 pages, embedded DejaVu fonts, tables, furniture, bookmarks);
//! - [`documents`]: every document (records, annexes, notice, checks report) × format ×
//!   options, the rule of which combinations exist, file names, and the one `render`.
//!
//! This crate depends on neither Tauri nor clap: the desktop shell and the `ropa` CLI are thin
//! layers over it.
#![deny(missing_docs)]

pub mod checks;
pub mod documents;
pub mod error;
pub mod export;
pub mod files;
pub mod interchange;
pub mod model;
pub mod notice;
mod paths;
pub mod pdf;
pub mod reference;
pub mod sheet;
pub mod store;
pub mod text;
mod validate;
pub mod wording;

pub use error::{Error, Result};
pub use store::Store;
