//! Outside parties (processors, joint controllers, recipients, authorities, recipient
//! categories), their Art. 28 agreements and Art. 26 joint-controller arrangements.

use super::local_text::{LocalTexts, TextList};
use super::{Date, Entity, Language, LocalText, is_false, record_meta};
use serde::{Deserialize, Serialize};

/// Whether a party is a named entity or only a category of recipients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PartyKind {
    /// A named legal entity ("The Rocket Science Group, LLC").
    #[default]
    Entity,
    /// A category of recipients with no named entity ("tax authorities", "transport company").
    Category,
}

/// Any outside entity the organisation shares data with or works with.
///
/// The role a party plays is not a property of the party but of each link to it (an activity's
/// recipient, a transfer, an agreement): the same company can be a processor for one activity and
/// a joint controller for another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// Named entity or recipient category.
    #[serde(default)]
    pub kind: PartyKind,
    /// Legal name (the same in every language), or the category's name (written per language:
    /// "tax authorities", "Finanzbehörden").
    pub name: LocalText,
    /// Other names the source uses for the same party (a provider named two ways, or renamed:
    /// "Facebook, Inc." for "Meta Platforms, Inc."), as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// A provider named only by its service ("YouTube", "LinkedIn"): the source does not name
    /// the company that operates it. Still a named recipient, not a category; the checks ask
    /// for the company.
    #[serde(default, skip_serializing_if = "is_false")]
    pub entity_not_named: bool,
    /// Postal address exactly as written (may span lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// ISO 3166-1 alpha-2 country of the party's establishment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Contact e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Contact telephone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The party's own privacy policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_policy_url: Option<String>,
    /// A company of the organisation's own group.
    #[serde(default, skip_serializing_if = "is_false")]
    pub group_company: bool,
    /// Parent party: for a sub-processor, the processor that engages it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
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
record_meta!(Party, Entity::Party);

impl Party {
    /// A new named entity.
    pub fn new(id: impl Into<String>, name: impl Into<LocalText>) -> Party {
        Party {
            id: id.into(),
            kind: PartyKind::Entity,
            name: name.into(),
            aliases: Vec::new(),
            entity_not_named: false,
            address: None,
            country: None,
            email: None,
            phone: None,
            website: None,
            privacy_policy_url: None,
            group_company: false,
            parent: None,
            notes: None,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

/// Where an Art. 28 agreement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    /// Being drafted or negotiated.
    #[default]
    Draft,
    /// Signed and in force.
    Signed,
    /// Ended (terminated or expired).
    Ended,
}

/// How the controller authorised sub-processors (Art. 28(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SubProcessorAuthorisation {
    /// Each sub-processor approved individually.
    Specific,
    /// General written authorisation with notice of changes and a right to object.
    General,
    /// Sub-processing not allowed.
    Prohibited,
}

/// The clauses Art. 28(3)(a)–(h) requires in a processing agreement, each known to be present
/// (`true`), known to be missing (`false`) or not known (absent: nobody has checked, or the
/// agreement was not seen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Art28Checklist {
    /// (a) processes only on documented instructions, including on transfers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub a_instructions: Option<bool>,
    /// (b) persons authorised are bound to confidentiality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b_confidentiality: Option<bool>,
    /// (c) takes the Art. 32 security measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub c_security: Option<bool>,
    /// (d) respects the conditions for engaging sub-processors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub d_subprocessors: Option<bool>,
    /// (e) assists with data-subject requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_data_subject_rights: Option<bool>,
    /// (f) assists with Arts. 32–36 obligations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub f_assistance: Option<bool>,
    /// (g) deletes or returns the data at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub g_deletion_return: Option<bool>,
    /// (h) makes information available, allows audits, flags unlawful instructions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub h_audits: Option<bool>,
}

impl Art28Checklist {
    /// Every clause present.
    pub const COMPLETE: Art28Checklist = Art28Checklist {
        a_instructions: Some(true),
        b_confidentiality: Some(true),
        c_security: Some(true),
        d_subprocessors: Some(true),
        e_data_subject_rights: Some(true),
        f_assistance: Some(true),
        g_deletion_return: Some(true),
        h_audits: Some(true),
    };

    /// The clauses as `(letter, present)` pairs in order (`None`: not known).
    pub fn items(&self) -> [(char, Option<bool>); 8] {
        [
            ('a', self.a_instructions),
            ('b', self.b_confidentiality),
            ('c', self.c_security),
            ('d', self.d_subprocessors),
            ('e', self.e_data_subject_rights),
            ('f', self.f_assistance),
            ('g', self.g_deletion_return),
            ('h', self.h_audits),
        ]
    }

    /// The letters of the clauses known to be missing.
    pub fn missing(&self) -> Vec<char> {
        self.letters(Some(false))
    }

    /// The letters of the clauses nobody has recorded as present or missing.
    pub fn unknown(&self) -> Vec<char> {
        self.letters(None)
    }

    fn letters(&self, state: Option<bool>) -> Vec<char> {
        self.items()
            .iter()
            .filter(|(_, s)| *s == state)
            .map(|(l, _)| *l)
            .collect()
    }

    /// What documents of format version 3 and older meant: a clause not ticked was not
    /// confirmed, so `false` there is not known rather than known to be missing.
    pub fn from_version_3(self) -> Art28Checklist {
        let up = |v: Option<bool>| v.filter(|present| *present);
        Art28Checklist {
            a_instructions: up(self.a_instructions),
            b_confidentiality: up(self.b_confidentiality),
            c_security: up(self.c_security),
            d_subprocessors: up(self.d_subprocessors),
            e_data_subject_rights: up(self.e_data_subject_rights),
            f_assistance: up(self.f_assistance),
            g_deletion_return: up(self.g_deletion_return),
            h_audits: up(self.h_audits),
        }
    }
}

/// A processing agreement with a processor under Art. 28.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// The processor (a party).
    pub party: String,
    /// The activities this agreement covers (empty: all the processor takes part in).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    /// Draft, signed or ended.
    #[serde(default)]
    pub status: AgreementStatus,
    /// Date of signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<Date>,
    /// Document reference or link (file name, DMS id, URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Date of the next scheduled review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_on: Option<Date>,
    /// Date the agreement expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_on: Option<Date>,
    /// Subject matter, nature and purpose of the processing as the agreement states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_matter: Option<LocalText>,
    /// The Art. 28(3) clauses present.
    #[serde(default)]
    pub checklist: Art28Checklist,
    /// How sub-processors are authorised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subprocessors: Option<SubProcessorAuthorisation>,
    /// The source only asserts that the agreement exists ("we have concluded agreements with all
    /// our service providers"); nobody has seen it, so its date, place and clauses are not known.
    #[serde(default, skip_serializing_if = "is_false")]
    pub asserted_only: bool,
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
record_meta!(Agreement, Entity::Agreement);

impl Agreement {
    /// A new draft agreement with `party`.
    pub fn new(id: impl Into<String>, party: impl Into<String>) -> Agreement {
        Agreement {
            id: id.into(),
            party: party.into(),
            activities: Vec::new(),
            status: AgreementStatus::Draft,
            signed_on: None,
            document: None,
            review_on: None,
            expires_on: None,
            subject_matter: None,
            checklist: Art28Checklist::default(),
            subprocessors: None,
            asserted_only: false,
            notes: None,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

/// Who carries a duty under a joint-controller arrangement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum JointDuty {
    /// The organisation keeping this register.
    Us,
    /// The other joint controller(s).
    Partner,
    /// Each controller for its own part.
    Each,
}

/// An arrangement between joint controllers under Art. 26.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct JointArrangement {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// Title ("Page Insights Joint Controller Addendum").
    pub title: LocalText,
    /// The other joint controllers (parties).
    pub parties: Vec<String>,
    /// The activities carried out jointly.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    /// What the joint processing covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<LocalText>,
    /// Who gives the Art. 13/14 information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub information_duty: Option<JointDuty>,
    /// Who handles data-subject requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests_handled_by: Option<JointDuty>,
    /// How the responsibilities are split, in the arrangement's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responsibilities: Option<LocalText>,
    /// Contact point for data subjects (Art. 26(1) third sentence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_point: Option<LocalText>,
    /// Where the essence of the arrangement is published (Art. 26(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub essence_url: Option<String>,
    /// The essence itself, where it is given as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub essence_text: Option<LocalText>,
    /// Date concluded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_on: Option<Date>,
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
record_meta!(JointArrangement, Entity::JointArrangement);

impl JointArrangement {
    /// A new arrangement with the given partner parties.
    pub fn new(id: impl Into<String>, title: impl Into<LocalText>, parties: Vec<String>) -> Self {
        JointArrangement {
            id: id.into(),
            title: title.into(),
            parties,
            activities: Vec::new(),
            scope: None,
            information_duty: None,
            requests_handled_by: None,
            responsibilities: None,
            contact_point: None,
            essence_url: None,
            essence_text: None,
            signed_on: None,
            notes: None,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }
}

impl Party {
    /// Whether the name is the same in every language (a legal entity's) rather than a
    /// description to translate (a category's).
    pub fn is_entity(&self) -> bool {
        self.kind == PartyKind::Entity
    }

    /// The name as a document in `lang` prints it: a legal entity's as registered, a
    /// category's in `lang` if the register has it (`None` then: the caller marks the text as
    /// not translated).
    pub fn name_in(&self, lang: Language, primary: Language) -> Option<&str> {
        if self.is_entity() {
            Some(self.name.best(lang))
        } else {
            self.name.get(lang, primary)
        }
    }
}

impl LocalTexts for Party {
    fn local_texts(&self) -> Vec<(String, &LocalText)> {
        let mut out = TextList::default();
        if !self.is_entity() {
            out.one("name", &self.name);
        }
        out.0
    }
}

impl LocalTexts for Agreement {
    fn local_texts(&self) -> Vec<(String, &LocalText)> {
        let mut out = TextList::default();
        out.add("subject_matter", self.subject_matter.as_ref());
        out.0
    }
}

impl LocalTexts for JointArrangement {
    fn local_texts(&self) -> Vec<(String, &LocalText)> {
        let mut out = TextList::default();
        out.one("title", &self.title);
        out.add("scope", self.scope.as_ref());
        out.add("responsibilities", self.responsibilities.as_ref());
        out.add("contact_point", self.contact_point.as_ref());
        out.add("essence_text", self.essence_text.as_ref());
        out.0
    }
}
