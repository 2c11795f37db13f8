//! The record kinds the CLI can list, show, add, change and remove, and how each is summarised
//! in a table.

use clap::ValueEnum;
use ropa_core::model::*;
use ropa_core::store::Stored;

/// A kind of record, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// Processing activities (`--id` accepts the reference code too).
    Activity,
    /// Outside parties and recipient categories.
    Party,
    /// Art. 28 processing agreements.
    Agreement,
    /// Art. 26 joint-controller arrangements.
    Joint,
    /// Chapter V transfers.
    Transfer,
    /// Services performed as processor (Art. 30(2)).
    Service,
    /// Data-category catalogue.
    DataCategory,
    /// Data-subject-category catalogue.
    Subject,
    /// Technical and organisational measures.
    Tom,
}

/// Calls `$body` with the type alias `$t` bound to the record type of `$kind`.
macro_rules! with_kind {
    ($kind:expr, $t:ident => $body:expr) => {
        match $kind {
            $crate::kinds::Kind::Activity => {
                type $t = ropa_core::model::Activity;
                $body
            }
            $crate::kinds::Kind::Party => {
                type $t = ropa_core::model::Party;
                $body
            }
            $crate::kinds::Kind::Agreement => {
                type $t = ropa_core::model::Agreement;
                $body
            }
            $crate::kinds::Kind::Joint => {
                type $t = ropa_core::model::JointArrangement;
                $body
            }
            $crate::kinds::Kind::Transfer => {
                type $t = ropa_core::model::Transfer;
                $body
            }
            $crate::kinds::Kind::Service => {
                type $t = ropa_core::model::ProcessorService;
                $body
            }
            $crate::kinds::Kind::DataCategory => {
                type $t = ropa_core::model::DataCategory;
                $body
            }
            $crate::kinds::Kind::Subject => {
                type $t = ropa_core::model::SubjectCategory;
                $body
            }
            $crate::kinds::Kind::Tom => {
                type $t = ropa_core::model::Tom;
                $body
            }
        }
    };
}
pub(crate) use with_kind;

/// Table columns of a kind: header and JSON pointer into the record.
pub fn columns(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Activity => &[
            ("REFERENCE", "/reference"),
            ("NAME", "/name"),
            ("STATUS", "/status"),
            ("ROLE", "/role"),
            ("ID", "/id"),
        ],
        Kind::Party => &[
            ("ID", "/id"),
            ("NAME", "/name"),
            ("COUNTRY", "/country"),
            ("KIND", "/kind"),
        ],
        Kind::Agreement => &[
            ("ID", "/id"),
            ("PARTY", "/party"),
            ("STATUS", "/status"),
            ("SIGNED", "/signed_on"),
            ("EXPIRES", "/expires_on"),
        ],
        Kind::Joint => &[("ID", "/id"), ("TITLE", "/title"), ("PARTIES", "/parties")],
        Kind::Transfer => &[
            ("ID", "/id"),
            ("ACTIVITY", "/activity"),
            ("PARTY", "/party"),
            ("COUNTRY", "/country"),
            ("MECHANISM", "/mechanism/type"),
        ],
        Kind::Service => &[
            ("ID", "/id"),
            ("CONTROLLER", "/controller"),
            ("NAME", "/name"),
        ],
        Kind::DataCategory => &[("ID", "/id"), ("NAME", "/name"), ("SPECIAL", "/special")],
        Kind::Subject => &[("ID", "/id"), ("NAME", "/name")],
        Kind::Tom => &[("ID", "/id"), ("NAME", "/name"), ("AREA", "/area")],
    }
}

/// Reads one record by id (activities also by reference code).
pub fn find<T: Stored>(store: &ropa_core::Store, key: &str) -> ropa_core::Result<T> {
    if T::ENTITY == Entity::Activity {
        let activity = store.find_activity(key)?;
        return store.get(&activity.id);
    }
    store.get(key)
}
