//! Transfers of personal data to third countries or international organisations (Chapter V).

use super::local_text::{LocalTexts, TextList};
use super::{Art49Derogation, Date, Entity, LocalText, SccModule, is_false, record_meta};
use serde::{Deserialize, Serialize};

/// The legal mechanism a transfer relies on, as a typed value.
///
/// Legacy mechanisms (Privacy Shield, pre-2021 SCCs) can be recorded because real documents still
/// cite them; the checks flag them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum TransferMechanism {
    /// An adequacy decision under Art. 45 (other than the DPF).
    Adequacy {
        /// Decision code from `assets/reference/adequacy.json` (`ADEQ_JP`).
        decision: String,
    },
    /// The EU–US Data Privacy Framework (adequacy decision (EU) 2023/1795) for a certified
    /// recipient.
    Dpf {
        /// The recipient's entry on the DPF list (organisation name or participant id).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        participant: Option<String>,
        /// When the certification was last checked on the DPF list.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        checked_on: Option<Date>,
    },
    /// Standard contractual clauses of Implementing Decision (EU) 2021/914 (Art. 46(2)(c)).
    Scc {
        /// The module used.
        module: SccModule,
        /// Date the clauses were signed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signed_on: Option<Date>,
    },
    /// Binding corporate rules (Art. 47).
    Bcr {
        /// Approval reference.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// A legally binding instrument between public authorities (Art. 46(2)(a)).
    PublicBodyInstrument {
        /// The instrument.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// Clauses adopted by a supervisory authority and approved by the Commission (Art. 46(2)(d)).
    SaClauses {
        /// The clauses.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// An approved code of conduct with binding commitments (Art. 46(2)(e)).
    CodeOfConduct {
        /// The code.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// An approved certification with binding commitments (Art. 46(2)(f)).
    Certification {
        /// The certification.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// Contractual clauses authorised by a supervisory authority (Art. 46(3)(a)).
    AuthorisedClauses {
        /// The authorisation.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// Administrative arrangements between public authorities (Art. 46(3)(b)).
    AdministrativeArrangement {
        /// The arrangement.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reference: Option<String>,
    },
    /// A derogation of Art. 49(1) first subparagraph.
    Derogation {
        /// Which point (a)–(g).
        derogation: Art49Derogation,
    },
    /// The last-resort case of Art. 49(1) second subparagraph, with its documented safeguards
    /// (Art. 30(1)(e), 49(6)).
    CompellingInterest {
        /// The assessment and the suitable safeguards.
        safeguards: String,
    },
    /// EU–US Privacy Shield: invalid since 16 July 2020 (C-311/18).
    PrivacyShield {},
    /// Standard contractual clauses adopted before 2021 (no longer valid since 27 December 2022).
    LegacyScc {
        /// Code from the legacy list of `transfer_mechanisms.json` (`SCC_2010_87_EU`).
        decision: String,
        /// Date signed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        signed_on: Option<Date>,
    },
}

impl TransferMechanism {
    /// The `type` tag ("scc", "dpf", …), matching `kinds` in `transfer_mechanisms.json`.
    pub fn kind(&self) -> &'static str {
        match self {
            TransferMechanism::Adequacy { .. } => "adequacy",
            TransferMechanism::Dpf { .. } => "dpf",
            TransferMechanism::Scc { .. } => "scc",
            TransferMechanism::Bcr { .. } => "bcr",
            TransferMechanism::PublicBodyInstrument { .. } => "public_body_instrument",
            TransferMechanism::SaClauses { .. } => "sa_clauses",
            TransferMechanism::CodeOfConduct { .. } => "code_of_conduct",
            TransferMechanism::Certification { .. } => "certification",
            TransferMechanism::AuthorisedClauses { .. } => "authorised_clauses",
            TransferMechanism::AdministrativeArrangement { .. } => "administrative_arrangement",
            TransferMechanism::Derogation { .. } => "derogation",
            TransferMechanism::CompellingInterest { .. } => "compelling_interest",
            TransferMechanism::PrivacyShield {} => "privacy_shield",
            TransferMechanism::LegacyScc { .. } => "legacy_scc",
        }
    }
}

/// Mechanism kinds of Art. 46 (appropriate safeguards), in the order of the article: offered
/// for every third country, and the ones for which a transfer impact assessment is expected
/// since Schrems II.
pub const ART46_KINDS: &[&str] = &[
    "scc",
    "bcr",
    "public_body_instrument",
    "sa_clauses",
    "code_of_conduct",
    "certification",
    "authorised_clauses",
    "administrative_arrangement",
];

/// How the transfer form enters one field of a mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum FieldInput {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A module of the 2021 SCCs ([`SccModule`]).
    SccModule,
    /// A point of Art. 49(1) ([`Art49Derogation`]).
    Derogation,
}

/// One field of a mechanism as the transfer form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MechanismField {
    /// The field's key in the mechanism's JSON (`checked_on`).
    pub name: String,
    /// How it is entered.
    pub input: FieldInput,
    /// The mechanism cannot be recorded without it.
    pub required: bool,
}

impl TransferMechanism {
    /// Every kind, in the order of Chapter V: Art. 45, the Art. 46 safeguards
    /// ([`ART46_KINDS`]), Art. 49, then the legacy kinds real documents still cite.
    pub fn kinds() -> impl Iterator<Item = &'static str> {
        ["adequacy", "dpf"]
            .into_iter()
            .chain(ART46_KINDS.iter().copied())
            .chain([
                "derogation",
                "compelling_interest",
                "privacy_shield",
                "legacy_scc",
            ])
    }

    /// The fields the form shows for a mechanism of `kind`, besides its `type` and an adequacy
    /// decision (which is chosen with the mechanism); empty for an unknown kind.
    pub fn fields(kind: &str) -> Vec<MechanismField> {
        let f = |name: &str, input, required| MechanismField {
            name: name.to_owned(),
            input,
            required,
        };
        match kind {
            "dpf" => vec![
                f("participant", FieldInput::Text, false),
                f("checked_on", FieldInput::Date, false),
            ],
            "scc" => vec![
                f("module", FieldInput::SccModule, true),
                f("signed_on", FieldInput::Date, false),
            ],
            "bcr"
            | "public_body_instrument"
            | "sa_clauses"
            | "code_of_conduct"
            | "certification"
            | "authorised_clauses"
            | "administrative_arrangement" => {
                vec![f("reference", FieldInput::Text, false)]
            }
            "derogation" => vec![f("derogation", FieldInput::Derogation, true)],
            "compelling_interest" => vec![f("safeguards", FieldInput::LongText, true)],
            "legacy_scc" => vec![f("signed_on", FieldInput::Date, false)],
            _ => Vec::new(),
        }
    }
}

/// A transfer impact assessment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct TransferImpactAssessment {
    /// Whether a TIA was carried out.
    #[serde(default)]
    pub done: bool,
    /// Date of the TIA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Supplementary measures taken (encryption, pseudonymisation, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supplementary_measures: Option<LocalText>,
}

/// A transfer of personal data to a recipient in a third country or an international
/// organisation, for one activity (Art. 30(1)(e)) or one processor service (Art. 30(2)(c)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// The activity (id), for a controller transfer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// The processor service (id), for a transfer made as processor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// The data importer (party id).
    pub party: String,
    /// Destination country (ISO 3166-1 alpha-2), unless an international organisation. Both
    /// destination fields are empty where the source does not name the destination (a defect
    /// the checks report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Destination international organisation, unless a country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international_organisation: Option<String>,
    /// The mechanism; `None` where none is recorded (a defect the checks report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism: Option<TransferMechanism>,
    /// The transfer takes place repeatedly (relevant to Art. 49).
    #[serde(default, skip_serializing_if = "is_false")]
    pub repetitive: bool,
    /// Transfer impact assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tia: Option<TransferImpactAssessment>,
    /// How data subjects can obtain a copy of the safeguards (Art. 13(1)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_available: Option<LocalText>,
    /// The transfer as a source document states it, kept for traceability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_stated: Option<String>,
    /// Internal notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Creation timestamp (set by the store).
    #[serde(default)]
    pub created_at: String,
    /// Last-update timestamp (set by the store).
    #[serde(default)]
    pub updated_at: String,
    /// Revision (set by the store).
    #[serde(default)]
    pub revision: i64,
}
record_meta!(Transfer, Entity::Transfer);

impl Transfer {
    /// A new transfer of `activity`'s data to `party` in `country`, with no mechanism yet.
    pub fn new(id: impl Into<String>, activity: &str, party: &str, country: &str) -> Transfer {
        Transfer {
            id: id.into(),
            activity: Some(activity.to_owned()),
            service: None,
            party: party.to_owned(),
            country: Some(country.to_owned()),
            international_organisation: None,
            mechanism: None,
            repetitive: false,
            tia: None,
            copy_available: None,
            as_stated: None,
            notes: None,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

impl LocalTexts for Transfer {
    fn local_texts(&self) -> Vec<(String, &LocalText)> {
        let mut out = TextList::default();
        out.add(
            "tia.supplementary_measures",
            self.tia
                .as_ref()
                .and_then(|t| t.supplementary_measures.as_ref()),
        );
        out.add("copy_available", self.copy_available.as_ref());
        out.0
    }
}
