//! Processing activities: the rows of the Art. 30 record and the sections of a privacy notice.

use super::local_text::{LocalTexts, TextList};
use super::{Art9Condition, Date, Entity, LegalBasis, LocalText, is_false, record_meta};
use serde::{Deserialize, Serialize};

/// Life-cycle status of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    /// Being documented; not yet carried out or not yet confirmed.
    #[default]
    Draft,
    /// Carried out now.
    Active,
    /// No longer carried out (kept for the record).
    Retired,
}

impl ActivityStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ActivityStatus::Draft => "draft",
            ActivityStatus::Active => "active",
            ActivityStatus::Retired => "retired",
        }
    }
}

/// The organisation's role in an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ActivityRole {
    /// Sole controller.
    #[default]
    Controller,
    /// Joint controller with others (Art. 26).
    JointController,
    /// Processor on behalf of a controller (Art. 28).
    Processor,
}

/// A processing activity (one entry of the Art. 30(1) record).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// Stable id.
    #[serde(default)]
    pub id: String,
    /// Reference code, unique in the register ("WEB-01").
    pub reference: String,
    /// Name ("Provision of the website and log files").
    pub name: LocalText,
    /// Description and scope of the processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
    /// Owning department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<LocalText>,
    /// Internal contact person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Draft, active or retired.
    #[serde(default)]
    pub status: ActivityStatus,
    /// The organisation's role.
    #[serde(default)]
    pub role: ActivityRole,
    /// Purposes, each with its own legal basis (Art. 30(1)(b), Art. 13(1)(c)).
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    /// Categories of data subjects (ids of [`super::SubjectCategory`]).
    #[serde(default)]
    pub data_subjects: Vec<String>,
    /// Categories of personal data, each with its retention rule (Art. 30(1)(c), (f)).
    #[serde(default)]
    pub data_categories: Vec<ActivityData>,
    /// Retention that applies to every data category without a rule of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// When and how the data is collected ("each time the website is accessed").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<LocalText>,
    /// Where the data comes from (Art. 14(2)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<DataSource>,
    /// Whether providing the data is required, and what happens if not (Art. 13(2)(e)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provision: Option<Provision>,
    /// Recipients (Art. 30(1)(d)).
    #[serde(default)]
    pub recipients: Vec<Recipient>,
    /// Confirmed that the data is disclosed to no one outside the organisation (so an empty
    /// recipient list is a fact, not a gap).
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_recipients: bool,
    /// Technical and organisational measures (ids of [`super::Tom`]) (Art. 30(1)(g)).
    #[serde(default)]
    pub toms: Vec<String>,
    /// Data-protection impact assessment screening and status.
    #[serde(default)]
    pub dpia: Dpia,
    /// Automated decision-making including profiling (Art. 22), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automated_decision: Option<AutomatedDecision>,
    /// How data subjects exercise their rights for this activity (objection channel,
    /// unsubscribe link, consequences), where it differs from the general rights section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rights_info: Option<LocalText>,
    /// Whether the activity is described in the public privacy notice.
    #[serde(default = "yes")]
    pub in_notice: bool,
    /// Date of the last review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_reviewed: Option<Date>,
    /// Date the next review is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_review: Option<Date>,
    /// Internal notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The Art. 30 record prints the notes (they are internal otherwise).
    #[serde(default, skip_serializing_if = "is_false")]
    pub notes_in_record: bool,
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
record_meta!(Activity, Entity::Activity);

fn yes() -> bool {
    true
}

impl Activity {
    /// A new draft activity with no content yet.
    pub fn new(
        id: impl Into<String>,
        reference: impl Into<String>,
        name: impl Into<LocalText>,
    ) -> Self {
        Activity {
            id: id.into(),
            reference: reference.into(),
            name: name.into(),
            description: None,
            department: None,
            contact: None,
            status: ActivityStatus::Draft,
            role: ActivityRole::Controller,
            purposes: Vec::new(),
            data_subjects: Vec::new(),
            data_categories: Vec::new(),
            retention: None,
            collection: None,
            source: None,
            provision: None,
            recipients: Vec::new(),
            no_recipients: false,
            toms: Vec::new(),
            dpia: Dpia::default(),
            automated_decision: None,
            rights_info: None,
            in_notice: true,
            last_reviewed: None,
            next_review: None,
            notes: None,
            notes_in_record: false,
            created_at: String::new(),
            updated_at: String::new(),
            revision: 0,
        }
    }

    /// Whether the activity is still carried out or being documented (not retired): only such
    /// activities are checked and counted.
    pub fn is_live(&self) -> bool {
        self.status != ActivityStatus::Retired
    }

    /// The retention rule that applies to one of this activity's data categories: its own rule,
    /// else the activity's.
    pub fn retention_for<'a>(&'a self, item: &'a ActivityData) -> Option<&'a Retention> {
        item.retention.as_ref().or(self.retention.as_ref())
    }
}

/// A purpose of processing with its own legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Purpose {
    /// Stable id within the activity.
    #[serde(default)]
    pub id: String,
    /// The purpose ("Delivering the newsletter").
    pub description: LocalText,
    /// The Art. 6(1) basis; `None` where none is recorded (a defect the checks report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<LegalBasis>,
    /// The legitimate interest pursued (required for Art. 6(1)(f)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legitimate_interest: Option<LocalText>,
    /// The Union or Member State law a basis under Art. 6(1)(c) or (e) rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_provision: Option<String>,
    /// The Art. 9(2) condition where special-category data is processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub art9_condition: Option<Art9Condition>,
    /// The Art. 10 authorisation (law or official authority) for criminal-offence data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub art10_authorisation: Option<String>,
    /// National provisions relied on alongside the GDPR (§ 25 TDDDG, § 7(3) UWG, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub national_law: Vec<NationalLawRef>,
    /// How consent is obtained and withdrawn, where the basis is consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// The legal basis exactly as a source document states it, kept for traceability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_as_stated: Option<String>,
    /// How long the data is kept for this purpose, where the source says so per purpose ("the
    /// entries of the prize draw are deleted after the draw"); the data categories' and the
    /// activity's rules apply otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
}

impl Purpose {
    /// A purpose with a basis and nothing else.
    pub fn new(
        id: impl Into<String>,
        description: impl Into<String>,
        basis: Option<LegalBasis>,
    ) -> Self {
        Purpose {
            id: id.into(),
            description: LocalText::Plain(description.into()),
            legal_basis: basis,
            legitimate_interest: None,
            legal_provision: None,
            art9_condition: None,
            art10_authorisation: None,
            national_law: Vec::new(),
            consent: None,
            basis_as_stated: None,
            retention: None,
        }
    }
}

/// A reference to a national provision from `assets/reference/national_law.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NationalLawRef {
    /// Reference code (`TDDDG_25_1`).
    pub code: String,
    /// The citation exactly as written, if it differs from the reference's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_stated: Option<String>,
}

/// How consent is given and how it can be withdrawn (Art. 7).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// How consent is obtained ("cookie banner", "double opt-in on registration").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obtained: Option<LocalText>,
    /// How it is withdrawn ("'Privacy Settings' link in the footer").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawal: Option<LocalText>,
    /// Consent is inferred from conduct (e.g. "by using the site") rather than given actively.
    #[serde(default, skip_serializing_if = "is_false")]
    pub implied: bool,
}

/// A data category processed in an activity, with the retention rule that applies to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ActivityData {
    /// The data category (id of a [`super::DataCategory`]).
    pub category: String,
    /// Retention for this category; the activity's `retention` applies when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// The data subject may choose not to provide it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub optional: bool,
    /// Notes on this category in this activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalText>,
}

impl ActivityData {
    /// A category with no own retention rule.
    pub fn new(category: impl Into<String>) -> ActivityData {
        ActivityData {
            category: category.into(),
            retention: None,
            optional: false,
            note: None,
        }
    }
}

/// Unit of a retention period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    /// Hours.
    Hours,
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
    /// Years.
    Years,
}

/// A rule for how long data is kept (Art. 30(1)(f), Art. 13(2)(a)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Retention {
    /// A fixed period counted from a trigger ("30 days after collection").
    Period {
        /// Length of the period.
        amount: u32,
        /// Unit of the period.
        unit: PeriodUnit,
        /// What starts the period ("after the end of the session").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        trigger: Option<LocalText>,
        /// Further conditions as written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<LocalText>,
    },
    /// Criteria instead of a period ("as long as the subscription is active").
    Criteria {
        /// The criteria.
        text: LocalText,
    },
    /// Kept without a time limit: what a source says when it gives none ("stored permanently",
    /// "not limited in time"); recorded as such rather than left empty, and reported by the
    /// checks (Art. 5(1)(e) GDPR).
    Unlimited {
        /// Why, or under which condition, as written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<LocalText>,
    },
    /// A statutory retention duty from `assets/reference/retention_rules.json`.
    Statutory {
        /// Rule code (`RET_DE_10Y`).
        rule: String,
        /// Further conditions as written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<LocalText>,
    },
}

/// Where personal data comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DataSource {
    /// Collected from the data subject (Art. 13) rather than elsewhere (Art. 14).
    pub from_data_subject: bool,
    /// The source where data is not collected from the data subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalText>,
    /// The source is publicly accessible (Art. 14(2)(f)).
    #[serde(default, skip_serializing_if = "is_false")]
    pub publicly_accessible: bool,
}

/// Whether the data subject must provide the data (Art. 13(2)(e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProvisionRequirement {
    /// Required by law.
    Statutory,
    /// Required by a contract.
    Contractual,
    /// Required to enter into a contract.
    ContractPrerequisite,
    /// Technically required to use the service.
    Technical,
    /// Voluntary.
    Voluntary,
}

/// The provision requirement with its consequences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// What obliges the data subject to provide the data, if anything.
    pub requirement: ProvisionRequirement,
    /// What happens if the data is not provided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequences: Option<LocalText>,
}

/// The role of a recipient in one activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RecipientRole {
    /// Processor acting on the organisation's behalf (Art. 28).
    Processor,
    /// Sub-processor engaged by a processor.
    SubProcessor,
    /// Joint controller (Art. 26).
    JointController,
    /// Independent controller receiving the data.
    IndependentController,
    /// Company of the organisation's group.
    GroupCompany,
    /// Public authority.
    PublicAuthority,
    /// Internal department or other recipient.
    Other,
    /// The source does not say in which role the recipient receives the data.
    Unspecified,
}

/// A recipient of an activity's data (a link to a party).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    /// The party (id).
    pub party: String,
    /// Its role in this activity.
    pub role: RecipientRole,
    /// The product or service used ("Mailchimp", "Microsoft Teams").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<LocalText>,
    /// Where the recipient processes the data ("data centres in the EU"), as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<LocalText>,
    /// What the recipient does with the data, or under which condition it receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalText>,
    /// How long the recipient keeps the data, where the source says so ("the provider deletes
    /// after 14 months"); besides the organisation's own rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// The privacy information of the service used, where it differs from the party's general
    /// privacy policy (YouTube's page under Google's policy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_url: Option<String>,
}

/// Outcome of the DPIA screening (Art. 35(1), (3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DpiaScreening {
    /// Not screened yet.
    #[default]
    NotScreened,
    /// Screened: no DPIA required.
    NotRequired,
    /// Screened: a DPIA is required.
    Required,
}

/// Progress of a DPIA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum DpiaStatus {
    /// Planned.
    Planned,
    /// In progress.
    InProgress,
    /// Completed.
    Completed,
}

/// DPIA screening and status of an activity.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Dpia {
    /// Screening outcome.
    #[serde(default)]
    pub screening: DpiaScreening,
    /// Progress where a DPIA is carried out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DpiaStatus>,
    /// Reference or link to the DPIA document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Date completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<Date>,
    /// Reasoning of the screening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalText>,
}

/// Automated individual decision-making, including profiling (Art. 22, Art. 13(2)(f)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecision {
    /// What is decided.
    pub description: LocalText,
    /// Meaningful information about the logic involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logic: Option<LocalText>,
    /// Significance and envisaged consequences for the data subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequences: Option<LocalText>,
}

impl LocalTexts for Activity {
    fn local_texts(&self) -> Vec<(String, &LocalText)> {
        let mut out = TextList::default();
        out.one("name", &self.name);
        out.add("description", self.description.as_ref());
        out.add("department", self.department.as_ref());
        out.add("collection", self.collection.as_ref());
        for (i, p) in self.purposes.iter().enumerate() {
            out.one(format!("purposes[{i}].description"), &p.description);
            out.add(
                format!("purposes[{i}].legitimate_interest"),
                p.legitimate_interest.as_ref(),
            );
            if let Some(r) = &p.retention {
                r.local_texts(&format!("purposes[{i}].retention"), &mut out);
            }
            if let Some(c) = &p.consent {
                out.add(
                    format!("purposes[{i}].consent.obtained"),
                    c.obtained.as_ref(),
                );
                out.add(
                    format!("purposes[{i}].consent.withdrawal"),
                    c.withdrawal.as_ref(),
                );
            }
        }
        for (i, d) in self.data_categories.iter().enumerate() {
            out.add(format!("data_categories[{i}].note"), d.note.as_ref());
            if let Some(r) = &d.retention {
                r.local_texts(&format!("data_categories[{i}].retention"), &mut out);
            }
        }
        if let Some(r) = &self.retention {
            r.local_texts("retention", &mut out);
        }
        if let Some(s) = &self.source {
            out.add("source.description", s.description.as_ref());
        }
        for (i, r) in self.recipients.iter().enumerate() {
            out.add(format!("recipients[{i}].service"), r.service.as_ref());
            out.add(format!("recipients[{i}].location"), r.location.as_ref());
            out.add(format!("recipients[{i}].note"), r.note.as_ref());
            if let Some(x) = &r.retention {
                x.local_texts(&format!("recipients[{i}].retention"), &mut out);
            }
        }
        out.add(
            "provision.consequences",
            self.provision
                .as_ref()
                .and_then(|p| p.consequences.as_ref()),
        );
        out.add("rights_info", self.rights_info.as_ref());
        out.add("dpia.note", self.dpia.note.as_ref());
        if let Some(a) = &self.automated_decision {
            out.one("automated_decision.description", &a.description);
            out.add("automated_decision.logic", a.logic.as_ref());
            out.add("automated_decision.consequences", a.consequences.as_ref());
        }
        out.0
    }
}

impl Retention {
    fn local_texts<'a>(&'a self, at: &str, out: &mut TextList<'a>) {
        match self {
            Retention::Period { trigger, note, .. } => {
                out.add(format!("{at}.trigger"), trigger.as_ref());
                out.add(format!("{at}.note"), note.as_ref());
            }
            Retention::Criteria { text } => out.one(format!("{at}.text"), text),
            Retention::Statutory { note, .. } | Retention::Unlimited { note } => {
                out.add(format!("{at}.note"), note.as_ref())
            }
        }
    }
}
