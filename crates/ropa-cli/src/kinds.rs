//! The record kinds the CLI can list, show, add, change and remove: their names on the command
//! line and how each is summarised in a table. The record type behind a kind comes from the
//! core's one dispatch by [`Entity`], [`ropa_core::with_record_type!`].

use ropa_core::model::Entity;

/// One kind of record as the CLI knows it.
pub struct KindInfo {
    /// Its name on the command line.
    pub name: &'static str,
    /// The core's entity.
    pub entity: Entity,
    /// What `--help` says of it.
    pub help: &'static str,
    /// Table columns: header and JSON pointer into the record.
    pub columns: &'static [(&'static str, &'static str)],
}

/// Every kind, in the order `--help` lists them.
pub const KINDS: [KindInfo; 9] = [
    KindInfo {
        name: "activity",
        entity: Entity::Activity,
        help: "Processing activities (the id may be the reference code)",
        columns: &[
            ("REFERENCE", "/reference"),
            ("NAME", "/name"),
            ("STATUS", "/status"),
            ("ROLE", "/role"),
            ("ID", "/id"),
        ],
    },
    KindInfo {
        name: "party",
        entity: Entity::Party,
        help: "Outside parties and recipient categories",
        columns: &[
            ("ID", "/id"),
            ("NAME", "/name"),
            ("COUNTRY", "/country"),
            ("KIND", "/kind"),
        ],
    },
    KindInfo {
        name: "agreement",
        entity: Entity::Agreement,
        help: "Art. 28 processing agreements",
        columns: &[
            ("ID", "/id"),
            ("PARTY", "/party"),
            ("STATUS", "/status"),
            ("SIGNED", "/signed_on"),
            ("EXPIRES", "/expires_on"),
        ],
    },
    KindInfo {
        name: "joint",
        entity: Entity::JointArrangement,
        help: "Art. 26 joint-controller arrangements",
        columns: &[("ID", "/id"), ("TITLE", "/title"), ("PARTIES", "/parties")],
    },
    KindInfo {
        name: "transfer",
        entity: Entity::Transfer,
        help: "Chapter V transfers",
        columns: &[
            ("ID", "/id"),
            ("ACTIVITY", "/activity"),
            ("PARTY", "/party"),
            ("COUNTRY", "/country"),
            ("MECHANISM", "/mechanism/type"),
        ],
    },
    KindInfo {
        name: "service",
        entity: Entity::ProcessorService,
        help: "Services performed as processor (Art. 30(2))",
        columns: &[
            ("ID", "/id"),
            ("CONTROLLER", "/controller"),
            ("NAME", "/name"),
        ],
    },
    KindInfo {
        name: "data-category",
        entity: Entity::DataCategory,
        help: "Data-category catalogue",
        columns: &[("ID", "/id"), ("NAME", "/name"), ("SPECIAL", "/special")],
    },
    KindInfo {
        name: "subject",
        entity: Entity::SubjectCategory,
        help: "Data-subject-category catalogue",
        columns: &[("ID", "/id"), ("NAME", "/name")],
    },
    KindInfo {
        name: "tom",
        entity: Entity::Tom,
        help: "Technical and organisational measures",
        columns: &[("ID", "/id"), ("NAME", "/name"), ("AREA", "/area")],
    },
];

/// A kind of record named on the command line (an index into [`KINDS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind(usize);

impl Kind {
    /// What the CLI knows of this kind.
    pub fn info(self) -> &'static KindInfo {
        &KINDS[self.0]
    }
}

impl clap::ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        const VARIANTS: [Kind; KINDS.len()] = {
            let mut variants = [Kind(0); KINDS.len()];
            let mut i = 0;
            while i < KINDS.len() {
                variants[i] = Kind(i);
                i += 1;
            }
            variants
        };
        &VARIANTS
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let info = self.info();
        Some(clap::builder::PossibleValue::new(info.name).help(info.help))
    }
}

/// Calls `$body` with the type alias `$t` bound to the record type of `$kind`.
macro_rules! with_kind {
    ($kind:expr, $t:ident => $body:expr) => {
        ropa_core::with_record_type!(
            $kind.info().entity,
            $t => $body,
            else unreachable!("KINDS lists records only")
        )
    };
}
pub(crate) use with_kind;
