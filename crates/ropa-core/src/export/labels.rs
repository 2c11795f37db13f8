//! The words of the exported record, in English and in German.
//!
//! The German follows the terms German supervisory authorities and DPOs use (DSK templates,
//! "Verzeichnis von Verarbeitungstätigkeiten", "Löschfristen", "TOM"). Legal citations and labels
//! of legal bases, countries and transfer mechanisms come from the reference data
//! ([`crate::reference`]), not from here.

use super::RecordKind;
use crate::model::*;

/// Every fixed text of the record in one language.
#[derive(Debug)]
pub struct Labels {
    /// "Record of processing activities".
    pub title: &'static str,
    /// Subtitle of the controller record.
    pub subtitle_controller: &'static str,
    /// Subtitle of the processor record.
    pub subtitle_processor: &'static str,
    /// Short name of the controller record (running head, identity).
    pub short_controller: &'static str,
    /// Short name of the processor record.
    pub short_processor: &'static str,
    /// "Contents".
    pub contents: &'static str,
    /// "Page {n} of {total}": the two words.
    pub page: &'static str,
    /// "of" in "Page 3 of 12".
    pub of: &'static str,
    /// "revision" (lower case, inside sentences).
    pub revision: &'static str,
    /// "Revision" (at the start of a line).
    pub revision_label: &'static str,
    /// Fact missing from the register.
    pub not_recorded: &'static str,
    /// "none".
    pub none: &'static str,
    /// "yes".
    pub yes: &'static str,
    /// "no".
    pub no: &'static str,
    /// "see cover page".
    pub see_cover: &'static str,
    /// "see Annex".
    pub see_annex: &'static str,

    // Cover.
    /// Cover block: the organisation as controller.
    pub controller: &'static str,
    /// Cover block: the organisation as processor.
    pub processor: &'static str,
    /// Cover: legal representatives / management.
    pub management: &'static str,
    /// Art. 27 representative.
    pub representative: &'static str,
    /// Data protection officer.
    pub dpo: &'static str,
    /// Supervisory authority.
    pub authority: &'static str,
    /// Cover block about the document.
    pub about: &'static str,
    /// Register id.
    pub register: &'static str,
    /// Register revision.
    pub register_revision: &'static str,
    /// Export date.
    pub export_date: &'static str,
    /// Scope of the export.
    pub scope: &'static str,
    /// "Language".
    pub language: &'static str,
    /// Name of the language.
    pub language_name: &'static str,
    /// Digest label.
    pub digest: &'static str,
    /// What the digest covers.
    pub digest_explained: &'static str,
    /// "all {n} processing activities of the register".
    pub scope_all_activities: &'static str,
    /// "{n} selected processing activities".
    pub scope_selected_activities: &'static str,
    /// "all {n} processor services of the register".
    pub scope_all_services: &'static str,
    /// "{n} selected processor services".
    pub scope_selected_services: &'static str,
    /// How to read the controller record.
    pub reading_note: &'static str,
    /// How to read the processor record.
    pub reading_note_processor: &'static str,
    /// "Internal DPO" / "external DPO".
    pub dpo_internal: &'static str,
    /// The organisation has designated no DPO.
    pub no_dpo: &'static str,
    /// External DPO.
    pub dpo_external: &'static str,

    // Contact fields.
    /// Address.
    pub address: &'static str,
    /// Country.
    pub country: &'static str,
    /// E-mail.
    pub email: &'static str,
    /// Phone.
    pub phone: &'static str,
    /// Website.
    pub website: &'static str,
    /// Privacy policy.
    pub privacy_policy: &'static str,
    /// Organisation (of a DPO or representative).
    pub organisation: &'static str,
    /// Name.
    pub name: &'static str,

    // Activity header.
    /// "Processing activities" (part title).
    pub activities: &'static str,
    /// "Processing on behalf of controllers" (processor part title).
    pub services: &'static str,
    /// Reference code.
    pub reference: &'static str,
    /// Status.
    pub status: &'static str,
    /// Role of the organisation.
    pub role: &'static str,
    /// Department.
    pub department: &'static str,
    /// Contact person.
    pub contact: &'static str,
    /// Description.
    pub description: &'static str,
    /// Record id.
    pub id: &'static str,

    // Letters, controller record.
    /// Art. 30(1)(a)–(g) headings.
    pub c_letters: [&'static str; 7],
    /// Art. 30(2)(a)–(d) headings.
    pub p_letters: [&'static str; 4],
    /// "Art. 30(1)(x) GDPR" without the letter: prefix and suffix.
    pub art30_1: (&'static str, &'static str),
    /// Same for Art. 30(2).
    pub art30_2: (&'static str, &'static str),

    // (a)
    /// Joint controllers.
    pub joint_controllers: &'static str,
    /// "(none: the organisation is sole controller)".
    pub sole_controller: &'static str,
    /// Arrangement under Art. 26.
    pub arrangement: &'static str,

    // (b)
    /// Purpose.
    pub purpose: &'static str,
    /// Legal basis.
    pub legal_basis: &'static str,
    /// The legal basis in the source's own words.
    pub as_stated: &'static str,
    /// Legitimate interest.
    pub legitimate_interest: &'static str,
    /// Law an Art. 6(1)(c)/(e) basis rests on.
    pub legal_provision: &'static str,
    /// Art. 9(2) condition.
    pub art9_condition: &'static str,
    /// Art. 10 authorisation.
    pub art10: &'static str,
    /// National provisions.
    pub national_law: &'static str,
    /// How consent is obtained.
    pub consent_obtained: &'static str,
    /// How consent is withdrawn.
    pub consent_withdrawal: &'static str,
    /// Consent inferred from conduct.
    pub consent_implied: &'static str,
    /// "no longer in force".
    pub not_in_force: &'static str,

    // (c)
    /// Data subjects.
    pub data_subjects: &'static str,
    /// Personal data.
    pub personal_data: &'static str,
    /// Data category.
    pub data_category: &'static str,
    /// "optional".
    pub optional: &'static str,

    // (d)
    /// Recipient.
    pub recipient: &'static str,
    /// Role of a recipient.
    pub recipient_role: &'static str,
    /// Service used.
    pub service: &'static str,
    /// Where the recipient processes the data.
    pub location: &'static str,
    /// Note.
    pub note: &'static str,
    /// Confirmed: no recipients.
    pub no_recipients: &'static str,

    // (e)
    /// Importer.
    pub importer: &'static str,
    /// Destination.
    pub destination: &'static str,
    /// Mechanism.
    pub mechanism: &'static str,
    /// No transfer recorded.
    pub no_transfers: &'static str,
    /// Repeated transfer.
    pub repetitive: &'static str,
    /// Transfer impact assessment.
    pub tia: &'static str,
    /// Supplementary measures.
    pub supplementary: &'static str,
    /// Copy of safeguards.
    pub copy_available: &'static str,
    /// International organisation.
    pub international_organisation: &'static str,
    /// DPF participant.
    pub dpf_participant: &'static str,
    /// Checked on.
    pub checked_on: &'static str,
    /// Signed on.
    pub signed_on: &'static str,
    /// Transfer as stated in the source.
    pub transfer_as_stated: &'static str,
    /// "Warning: no longer valid".
    pub invalid_mechanism: &'static str,

    // (f)
    /// Erasure period.
    pub erasure: &'static str,
    /// "(rule of the activity)".
    pub activity_rule: &'static str,
    /// Before a purpose whose data has a retention rule of its own.
    pub purpose_rule: &'static str,
    /// Before a recipient that keeps the data by a rule of its own.
    pub recipient_rule: &'static str,
    /// Retention rule for all categories.
    pub all_categories: &'static str,
    /// "starting".
    pub period_starts: &'static str,
    /// A retention rule without a time limit.
    pub unlimited: &'static str,

    // (g)
    /// Measure.
    pub measure: &'static str,
    /// Area.
    pub area: &'static str,

    // Further information.
    /// Further information heading.
    pub further: &'static str,
    /// Collection.
    pub collection: &'static str,
    /// Source.
    pub source: &'static str,
    /// Collected from the data subject.
    pub from_subject: &'static str,
    /// Not collected from the data subject.
    pub not_from_subject: &'static str,
    /// Publicly accessible source.
    pub public_source: &'static str,
    /// Provision requirement.
    pub provision: &'static str,
    /// DPIA.
    pub dpia: &'static str,
    /// Automated decisions.
    pub automated: &'static str,
    /// Logic involved.
    pub logic: &'static str,
    /// Consequences.
    pub consequences: &'static str,
    /// Rights information.
    pub rights: &'static str,
    /// Last reviewed.
    pub last_reviewed: &'static str,
    /// Next review.
    pub next_review: &'static str,
    /// In privacy notice.
    pub in_notice: &'static str,

    // Processor record.
    /// Controller served.
    pub controller_served: &'static str,
    /// Controller's representative.
    pub controller_representative: &'static str,
    /// Controller's DPO.
    pub controller_dpo: &'static str,
    /// Categories of processing.
    pub processing_categories: &'static str,
    /// Agreement with the controller.
    pub controller_agreement: &'static str,

    // Annexes.
    /// Annex title prefix ("Annex").
    pub annex: &'static str,
    /// Annex: parties.
    pub annex_parties: &'static str,
    /// Annex: processors.
    pub annex_processors: &'static str,
    /// Annex: joint controllers.
    pub annex_joint: &'static str,
    /// Annex: transfers.
    pub annex_transfers: &'static str,
    /// Annex: TOMs.
    pub annex_toms: &'static str,
    /// Intro of the parties annex.
    pub annex_parties_intro: &'static str,
    /// Nothing in this annex.
    pub annex_empty: &'static str,
    /// Recipient category (no named entity).
    pub category_party: &'static str,
    /// The document the register was built from (cover).
    pub source_document: &'static str,
    /// Before the source's own date.
    pub source_as_of: &'static str,
    /// Before the source's own version.
    pub source_version: &'static str,
    /// Before the date the source was read.
    pub source_retrieved: &'static str,
    /// Notes the register marks for the record.
    pub notes: &'static str,
    /// A provider whose operating company the register does not name.
    pub entity_not_named: &'static str,
    /// Before a party's other names.
    pub also_named: &'static str,
    /// Group company.
    pub group_company: &'static str,
    /// Engaged by (parent).
    pub engaged_by: &'static str,
    /// Used in activities.
    pub used_in: &'static str,
    /// Mark after a register text that exists only in another language.
    pub not_translated: &'static str,
    /// A processor's other roles in the register ("independent controller: A-1").
    pub other_roles: &'static str,
    /// The activities in which a party acts as processor.
    pub as_processor_in: &'static str,
    /// Agreement.
    pub agreement: &'static str,
    /// No agreement recorded.
    pub no_agreement: &'static str,
    /// Document.
    pub document: &'static str,
    /// Next review.
    pub review_on: &'static str,
    /// Expires on.
    pub expires_on: &'static str,
    /// Subject matter.
    pub subject_matter: &'static str,
    /// Art. 28(3) clauses.
    pub clauses: &'static str,
    /// Clauses present.
    pub clauses_present: &'static str,
    /// Clauses missing.
    pub clauses_missing: &'static str,
    /// Clauses not known either way.
    pub clauses_unknown: &'static str,
    /// An agreement the source asserts and nobody has seen.
    pub asserted_only: &'static str,
    /// Sub-processor authorisation.
    pub subprocessors: &'static str,
    /// The Art. 28(3) clauses (a)–(h), short.
    pub clause_names: [&'static str; 8],
    /// Title of an arrangement.
    pub title_field: &'static str,
    /// Partners.
    pub partners: &'static str,
    /// Activities.
    pub activities_field: &'static str,
    /// Scope.
    pub joint_scope: &'static str,
    /// Information duty.
    pub information_duty: &'static str,
    /// Requests handled by.
    pub requests_handled_by: &'static str,
    /// Responsibilities.
    pub responsibilities: &'static str,
    /// Contact point.
    pub contact_point: &'static str,
    /// Essence.
    pub essence: &'static str,
    /// Transfers in a country.
    pub transfers_to: &'static str,
    /// Activity.
    pub activity: &'static str,
    /// Destination not recorded.
    pub destination_unknown: &'static str,
}

impl Labels {
    /// Short name of a record.
    pub fn record_short(&self, record: RecordKind) -> &'static str {
        match record {
            RecordKind::Controller => self.short_controller,
            RecordKind::Processor => self.short_processor,
        }
    }

    /// Subtitle of a record.
    pub fn subtitle(&self, record: RecordKind) -> &'static str {
        match record {
            RecordKind::Controller => self.subtitle_controller,
            RecordKind::Processor => self.subtitle_processor,
        }
    }

    /// "Art. 30(1)(b) GDPR" / "Art. 30 Abs. 1 lit. b DSGVO" for letter index `i` (0 = a).
    pub fn art30_citation(&self, record: RecordKind, i: usize) -> String {
        let letter = (b'a' + i as u8) as char;
        let (pre, post) = match record {
            RecordKind::Controller => self.art30_1,
            RecordKind::Processor => self.art30_2,
        };
        format!("{pre}{letter}{post}")
    }

    /// "Page 3 of 12".
    pub fn page_of(&self, n: usize, total: usize) -> String {
        format!("{} {n} {} {total}", self.page, self.of)
    }

    /// Fills `{n}` in a template.
    pub fn count(&self, template: &str, n: usize) -> String {
        template.replace("{n}", &n.to_string())
    }
}

/// The labels of a language.
pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::En => &EN,
        Language::De => &DE,
    }
}

/// English.
pub static EN: Labels = Labels {
    title: "Record of processing activities",
    subtitle_controller: "Record of the controller under Art. 30(1) GDPR",
    subtitle_processor: "Record of the processor under Art. 30(2) GDPR",
    short_controller: "Art. 30 record (controller)",
    short_processor: "Art. 30 record (processor)",
    contents: "Contents",
    page: "Page",
    of: "of",
    revision: "revision",
    revision_label: "Revision",
    not_recorded: "not recorded",
    none: "none",
    yes: "yes",
    no: "no",
    see_cover: "see cover page",
    see_annex: "see Annex",
    controller: "Controller",
    processor: "Processor",
    management: "Legal representatives",
    representative: "Representative in the Union (Art. 27 GDPR)",
    dpo: "Data protection officer",
    authority: "Competent supervisory authority",
    about: "About this document",
    register: "Register",
    register_revision: "Register revision",
    export_date: "Export date",
    scope: "Scope",
    language: "Language",
    language_name: "English",
    digest: "SHA-256 of the content",
    digest_explained: "Computed over a canonical JSON serialisation of the facts this document shows: the organisation, the activities and every party, agreement, arrangement, transfer, category and measure they refer to. Record timestamps and internal notes are not part of it. The value does not depend on language, layout or export date: two exports with the same value state the same facts. Its first 12 digits are printed on every page.",
    scope_all_activities: "all processing activities of the register ({n})",
    scope_selected_activities: "selected processing activities ({n})",
    scope_all_services: "all processor services of the register ({n})",
    scope_selected_services: "selected processor services ({n})",
    reading_note: "Each activity is laid out by the points (a) to (g) of Art. 30(1) GDPR. Facts the register does not hold are marked \u{201c}not recorded\u{201d}. Where the register keeps the legal basis in the words of its source, they are quoted after the citation. Reference codes of activities and ids of parties [in brackets] identify the records in the register.",
    reading_note_processor: "Each processing carried out on behalf of a controller is laid out by the points (a) to (d) of Art. 30(2) GDPR. Facts the register does not hold are marked \u{201c}not recorded\u{201d}. Ids of services and parties [in brackets] identify the records in the register.",
    dpo_internal: "internal",
    no_dpo: "none designated",
    dpo_external: "external",
    address: "Address",
    country: "Country",
    email: "E-mail",
    phone: "Phone",
    website: "Website",
    privacy_policy: "Privacy policy",
    organisation: "Organisation",
    name: "Name",
    activities: "Processing activities",
    services: "Processing on behalf of controllers",
    reference: "Reference",
    status: "Status",
    role: "Role of the organisation",
    department: "Department",
    contact: "Contact person",
    description: "Description",
    id: "Id",
    c_letters: [
        "Controller, joint controllers, representative and data protection officer",
        "Purposes of the processing",
        "Categories of data subjects and of personal data",
        "Categories of recipients",
        "Transfers to third countries or international organisations",
        "Envisaged time limits for erasure",
        "Technical and organisational security measures (Art. 32(1))",
    ],
    p_letters: [
        "Processor, controllers served, their representatives and data protection officers",
        "Categories of processing carried out on behalf of the controller",
        "Transfers to third countries or international organisations",
        "Technical and organisational security measures (Art. 32(1))",
    ],
    art30_1: ("Art. 30(1)(", ") GDPR"),
    art30_2: ("Art. 30(2)(", ") GDPR"),
    joint_controllers: "Joint controllers",
    sole_controller: "none recorded (the organisation acts as sole controller)",
    arrangement: "Arrangement (Art. 26)",
    purpose: "Purpose",
    legal_basis: "Legal basis",
    as_stated: "As stated",
    legitimate_interest: "Legitimate interest",
    legal_provision: "Legal provision (Art. 6(3))",
    art9_condition: "Condition under Art. 9(2)",
    art10: "Authorisation under Art. 10",
    national_law: "National provisions",
    consent_obtained: "Consent obtained",
    consent_withdrawal: "Withdrawal",
    consent_implied: "consent inferred from conduct",
    not_in_force: "no longer in force",
    data_subjects: "Categories of data subjects",
    personal_data: "Categories of personal data",
    data_category: "Data category",
    optional: "optional",
    recipient: "Recipient",
    recipient_role: "Role",
    service: "Service",
    location: "Location",
    note: "Note",
    no_recipients: "No disclosure outside the organisation (confirmed in the register).",
    importer: "Data importer",
    destination: "Destination",
    mechanism: "Transfer mechanism",
    no_transfers: "No transfer to a third country or an international organisation is recorded.",
    repetitive: "repeated transfer",
    tia: "Transfer impact assessment",
    supplementary: "supplementary measures",
    copy_available: "Copy of the safeguards",
    international_organisation: "International organisation",
    dpf_participant: "DPF participant",
    checked_on: "checked on",
    signed_on: "signed on",
    transfer_as_stated: "As stated",
    invalid_mechanism: "no longer valid",
    erasure: "Time limit for erasure",
    activity_rule: "rule of the activity",
    purpose_rule: "Data for the purpose",
    recipient_rule: "Kept by the recipient",
    all_categories: "All categories",
    period_starts: "Period starts",
    unlimited: "not limited in time",
    measure: "Measure",
    area: "Area",
    further: "Further information",
    collection: "Collection",
    source: "Source of the data",
    from_subject: "collected from the data subject",
    not_from_subject: "not collected from the data subject",
    public_source: "publicly accessible source",
    provision: "Provision of the data",
    dpia: "Data protection impact assessment",
    automated: "Automated decision-making (Art. 22)",
    logic: "Logic involved",
    consequences: "Consequences",
    rights: "Exercising rights",
    last_reviewed: "Last reviewed",
    next_review: "Next review",
    in_notice: "Described in the privacy notice",
    controller_served: "Controller",
    controller_representative: "Representative of the controller",
    controller_dpo: "Data protection officer of the controller",
    processing_categories: "Categories of processing",
    controller_agreement: "Agreement with the controller",
    annex: "Annex",
    annex_parties: "Recipients and other parties",
    annex_processors: "Processors and processing agreements (Art. 28)",
    annex_joint: "Joint-controller arrangements (Art. 26)",
    annex_transfers: "Transfers by country and mechanism",
    annex_toms: "Technical and organisational measures",
    annex_parties_intro: "Every party this record refers to, with its address and contact details as recorded; the id in brackets is the party's id in the register.",
    annex_empty: "None recorded.",
    category_party: "recipient category",
    source_document: "Built from",
    source_as_of: "as of",
    source_version: "version",
    source_retrieved: "read on",
    notes: "Notes",
    entity_not_named: "operating company not named",
    also_named: "Also named",
    group_company: "group company",
    engaged_by: "Engaged by",
    used_in: "Activities",
    not_translated: "(not translated)",
    other_roles: "Other roles in the register",
    as_processor_in: "As processor in",
    agreement: "Agreement",
    no_agreement: "no Art. 28 agreement recorded",
    document: "Document",
    review_on: "Next review",
    expires_on: "Expires on",
    subject_matter: "Subject matter",
    clauses: "Clauses of Art. 28(3)",
    clauses_present: "present",
    clauses_missing: "missing",
    clauses_unknown: "not known",
    asserted_only: "asserted by the source, not seen",
    subprocessors: "Sub-processors",
    clause_names: [
        "(a) documented instructions",
        "(b) confidentiality",
        "(c) security (Art. 32)",
        "(d) sub-processors",
        "(e) data-subject requests",
        "(f) assistance (Arts. 32–36)",
        "(g) deletion or return",
        "(h) audits and information",
    ],
    title_field: "Arrangement",
    partners: "Joint controllers",
    activities_field: "Activities",
    joint_scope: "Scope",
    information_duty: "Provides the information (Arts. 13, 14)",
    requests_handled_by: "Handles data-subject requests",
    responsibilities: "Allocation of responsibilities",
    contact_point: "Contact point",
    essence: "Essence (Art. 26(2))",
    transfers_to: "Transfers to",
    activity: "Activity",
    destination_unknown: "Destination not recorded",
};

/// German.
pub static DE: Labels = Labels {
    title: "Verzeichnis von Verarbeitungstätigkeiten",
    subtitle_controller: "Verzeichnis des Verantwortlichen nach Art. 30 Abs. 1 DSGVO",
    subtitle_processor: "Verzeichnis des Auftragsverarbeiters nach Art. 30 Abs. 2 DSGVO",
    short_controller: "Verzeichnis nach Art. 30 Abs. 1 DSGVO",
    short_processor: "Verzeichnis nach Art. 30 Abs. 2 DSGVO",
    contents: "Inhaltsverzeichnis",
    page: "Seite",
    of: "von",
    revision: "Revision",
    revision_label: "Revision",
    not_recorded: "nicht erfasst",
    none: "keine",
    yes: "ja",
    no: "nein",
    see_cover: "siehe Deckblatt",
    see_annex: "siehe Anlage",
    controller: "Verantwortlicher",
    processor: "Auftragsverarbeiter",
    management: "Gesetzliche Vertreter",
    representative: "Vertreter in der Union (Art. 27 DSGVO)",
    dpo: "Datenschutzbeauftragter",
    authority: "Zuständige Aufsichtsbehörde",
    about: "Angaben zu diesem Dokument",
    register: "Register",
    register_revision: "Revisionsstand des Registers",
    export_date: "Erstellt am",
    scope: "Umfang",
    language: "Sprache",
    language_name: "Deutsch",
    digest: "SHA-256 des Inhalts",
    digest_explained: "Berechnet über eine kanonische JSON-Darstellung der Angaben, die dieses Dokument enthält: die Organisation, die Verarbeitungstätigkeiten sowie alle Beteiligten, Verträge, Vereinbarungen, Übermittlungen, Kategorien und Maßnahmen, auf die sie verweisen. Zeitstempel der Datensätze und interne Notizen fließen nicht ein. Der Wert hängt nicht von Sprache, Layout oder Erstellungsdatum ab: Zwei Exporte mit demselben Wert enthalten dieselben Angaben. Die ersten 12 Stellen stehen auf jeder Seite.",
    scope_all_activities: "alle Verarbeitungstätigkeiten des Registers ({n})",
    scope_selected_activities: "ausgewählte Verarbeitungstätigkeiten ({n})",
    scope_all_services: "alle Auftragsverarbeitungen des Registers ({n})",
    scope_selected_services: "ausgewählte Auftragsverarbeitungen ({n})",
    reading_note: "Jede Verarbeitungstätigkeit ist nach den Buchstaben a bis g des Art. 30 Abs. 1 DSGVO gegliedert. Angaben, die das Register nicht enthält, sind als \u{201e}nicht erfasst\u{201c} gekennzeichnet. Wo das Register die Rechtsgrundlage im Wortlaut der Quelle festhält, ist dieser nach der Fundstelle zitiert. Die Kennungen der Tätigkeiten und der Beteiligten [in eckigen Klammern] bezeichnen die Datensätze im Register.",
    reading_note_processor: "Jede Verarbeitung im Auftrag eines Verantwortlichen ist nach den Buchstaben a bis d des Art. 30 Abs. 2 DSGVO gegliedert. Angaben, die das Register nicht enthält, sind als \u{201e}nicht erfasst\u{201c} gekennzeichnet. Die Kennungen der Auftragsverarbeitungen und der Beteiligten [in eckigen Klammern] bezeichnen die Datensätze im Register.",
    dpo_internal: "intern",
    no_dpo: "keiner benannt",
    dpo_external: "extern",
    address: "Anschrift",
    country: "Land",
    email: "E-Mail",
    phone: "Telefon",
    website: "Website",
    privacy_policy: "Datenschutzerklärung",
    organisation: "Organisation",
    name: "Name",
    activities: "Verarbeitungstätigkeiten",
    services: "Verarbeitungen im Auftrag",
    reference: "Kennung",
    status: "Status",
    role: "Rolle der Organisation",
    department: "Fachbereich",
    contact: "Ansprechpartner",
    description: "Beschreibung",
    id: "Kennung",
    c_letters: [
        "Verantwortlicher, gemeinsam Verantwortliche, Vertreter und Datenschutzbeauftragter",
        "Zwecke der Verarbeitung",
        "Kategorien betroffener Personen und Kategorien personenbezogener Daten",
        "Kategorien von Empfängern",
        "Übermittlungen an Drittländer oder internationale Organisationen",
        "Vorgesehene Fristen für die Löschung (Löschfristen)",
        "Technische und organisatorische Maßnahmen (Art. 32 Abs. 1 DSGVO)",
    ],
    p_letters: [
        "Auftragsverarbeiter, Verantwortliche, in deren Auftrag er tätig ist, deren Vertreter und Datenschutzbeauftragte",
        "Kategorien von Verarbeitungen, die im Auftrag des Verantwortlichen durchgeführt werden",
        "Übermittlungen an Drittländer oder internationale Organisationen",
        "Technische und organisatorische Maßnahmen (Art. 32 Abs. 1 DSGVO)",
    ],
    art30_1: ("Art. 30 Abs. 1 lit. ", " DSGVO"),
    art30_2: ("Art. 30 Abs. 2 lit. ", " DSGVO"),
    joint_controllers: "Gemeinsam Verantwortliche",
    sole_controller: "keine erfasst (die Organisation ist allein verantwortlich)",
    arrangement: "Vereinbarung (Art. 26 DSGVO)",
    purpose: "Zweck",
    legal_basis: "Rechtsgrundlage",
    as_stated: "Wortlaut der Quelle",
    legitimate_interest: "Berechtigtes Interesse",
    legal_provision: "Rechtsvorschrift (Art. 6 Abs. 3 DSGVO)",
    art9_condition: "Ausnahme nach Art. 9 Abs. 2 DSGVO",
    art10: "Grundlage nach Art. 10 DSGVO",
    national_law: "Nationale Vorschriften",
    consent_obtained: "Einholung der Einwilligung",
    consent_withdrawal: "Widerruf",
    consent_implied: "Einwilligung aus schlüssigem Verhalten abgeleitet",
    not_in_force: "nicht mehr in Kraft",
    data_subjects: "Kategorien betroffener Personen",
    personal_data: "Kategorien personenbezogener Daten",
    data_category: "Datenkategorie",
    optional: "freiwillig",
    recipient: "Empfänger",
    recipient_role: "Rolle",
    service: "Dienst",
    location: "Ort der Verarbeitung",
    note: "Hinweis",
    no_recipients: "Keine Offenlegung außerhalb der Organisation (im Register bestätigt).",
    importer: "Datenimporteur",
    destination: "Ziel",
    mechanism: "Garantie / Übermittlungsinstrument",
    no_transfers: "Keine Übermittlung an ein Drittland oder eine internationale Organisation erfasst.",
    repetitive: "wiederholte Übermittlung",
    tia: "Transfer Impact Assessment",
    supplementary: "ergänzende Maßnahmen",
    copy_available: "Kopie der Garantien",
    international_organisation: "Internationale Organisation",
    dpf_participant: "DPF-Teilnehmer",
    checked_on: "geprüft am",
    signed_on: "unterzeichnet am",
    transfer_as_stated: "Wortlaut der Quelle",
    invalid_mechanism: "nicht mehr gültig",
    erasure: "Löschfrist",
    activity_rule: "Regel der Tätigkeit",
    purpose_rule: "Daten für den Zweck",
    recipient_rule: "Beim Empfänger",
    all_categories: "Alle Kategorien",
    period_starts: "Fristbeginn",
    unlimited: "zeitlich unbegrenzt",
    measure: "Maßnahme",
    area: "Bereich",
    further: "Weitere Angaben",
    collection: "Erhebung",
    source: "Herkunft der Daten",
    from_subject: "bei der betroffenen Person erhoben",
    not_from_subject: "nicht bei der betroffenen Person erhoben",
    public_source: "öffentlich zugängliche Quelle",
    provision: "Bereitstellung der Daten",
    dpia: "Datenschutz-Folgenabschätzung",
    automated: "Automatisierte Entscheidung (Art. 22 DSGVO)",
    logic: "Involvierte Logik",
    consequences: "Auswirkungen",
    rights: "Wahrnehmung der Rechte",
    last_reviewed: "Zuletzt geprüft",
    next_review: "Nächste Prüfung",
    in_notice: "In der Datenschutzerklärung beschrieben",
    controller_served: "Verantwortlicher",
    controller_representative: "Vertreter des Verantwortlichen",
    controller_dpo: "Datenschutzbeauftragter des Verantwortlichen",
    processing_categories: "Kategorien von Verarbeitungen",
    controller_agreement: "Vertrag mit dem Verantwortlichen",
    annex: "Anlage",
    annex_parties: "Empfänger und weitere Beteiligte",
    annex_processors: "Auftragsverarbeiter und Verträge zur Auftragsverarbeitung (Art. 28 DSGVO)",
    annex_joint: "Vereinbarungen über die gemeinsame Verantwortlichkeit (Art. 26 DSGVO)",
    annex_transfers: "Drittlandübermittlungen nach Land und Garantie",
    annex_toms: "Technische und organisatorische Maßnahmen",
    annex_parties_intro: "Alle Beteiligten, auf die dieses Verzeichnis verweist, mit Anschrift und Kontaktdaten wie erfasst; die Kennung in eckigen Klammern ist die Kennung des Beteiligten im Register.",
    annex_empty: "Keine erfasst.",
    category_party: "Empfängerkategorie",
    source_document: "Erstellt aus",
    source_as_of: "Stand",
    source_version: "Version",
    source_retrieved: "gelesen am",
    notes: "Anmerkungen",
    entity_not_named: "Betreiber nicht genannt",
    also_named: "Auch genannt",
    group_company: "Konzernunternehmen",
    engaged_by: "Beauftragt durch",
    used_in: "Tätigkeiten",
    not_translated: "(nicht übersetzt)",
    other_roles: "Andere Rollen im Verzeichnis",
    as_processor_in: "Als Auftragsverarbeiter in",
    agreement: "Vertrag",
    no_agreement: "kein Vertrag nach Art. 28 DSGVO erfasst",
    document: "Dokument",
    review_on: "Nächste Überprüfung",
    expires_on: "Läuft ab am",
    subject_matter: "Gegenstand",
    clauses: "Regelungen nach Art. 28 Abs. 3 DSGVO",
    clauses_present: "enthalten",
    clauses_missing: "fehlen",
    clauses_unknown: "nicht bekannt",
    asserted_only: "von der Quelle behauptet, nicht eingesehen",
    subprocessors: "Unterauftragsverarbeiter",
    clause_names: [
        "a) dokumentierte Weisungen",
        "b) Vertraulichkeit",
        "c) Sicherheit (Art. 32)",
        "d) Unterauftragsverarbeiter",
        "e) Betroffenenanfragen",
        "f) Unterstützung (Art. 32–36)",
        "g) Löschung oder Rückgabe",
        "h) Nachweise und Kontrollen",
    ],
    title_field: "Vereinbarung",
    partners: "Gemeinsam Verantwortliche",
    activities_field: "Tätigkeiten",
    joint_scope: "Gegenstand",
    information_duty: "Erteilt die Informationen (Art. 13, 14 DSGVO)",
    requests_handled_by: "Bearbeitet Betroffenenanfragen",
    responsibilities: "Aufteilung der Pflichten",
    contact_point: "Anlaufstelle",
    essence: "Wesentliches der Vereinbarung (Art. 26 Abs. 2 DSGVO)",
    transfers_to: "Übermittlungen nach",
    activity: "Tätigkeit",
    destination_unknown: "Ziel nicht erfasst",
};

/// Status of an activity.
pub fn activity_status(s: ActivityStatus, language: Language) -> &'static str {
    let de = language == Language::De;
    match s {
        ActivityStatus::Draft => pick(de, "Entwurf", "draft"),
        ActivityStatus::Active => pick(de, "aktiv", "active"),
        ActivityStatus::Retired => pick(de, "eingestellt", "retired"),
    }
}

/// Role of the organisation in an activity.
pub fn activity_role(r: ActivityRole, language: Language) -> &'static str {
    let de = language == Language::De;
    match r {
        ActivityRole::Controller => pick(de, "Verantwortlicher", "controller"),
        ActivityRole::JointController => pick(de, "gemeinsam Verantwortlicher", "joint controller"),
        ActivityRole::Processor => pick(de, "Auftragsverarbeiter", "processor"),
    }
}

/// Role of a recipient.
pub fn recipient_role(r: RecipientRole, language: Language) -> &'static str {
    let de = language == Language::De;
    match r {
        RecipientRole::Processor => pick(de, "Auftragsverarbeiter", "processor"),
        RecipientRole::SubProcessor => pick(de, "Unterauftragsverarbeiter", "sub-processor"),
        RecipientRole::JointController => {
            pick(de, "gemeinsam Verantwortlicher", "joint controller")
        }
        RecipientRole::IndependentController => pick(
            de,
            "eigenständiger Verantwortlicher",
            "independent controller",
        ),
        RecipientRole::GroupCompany => pick(de, "Konzernunternehmen", "group company"),
        RecipientRole::PublicAuthority => pick(de, "öffentliche Stelle", "public authority"),
        RecipientRole::Other => pick(de, "sonstiger Empfänger", "other recipient"),
        RecipientRole::Unspecified => pick(de, "Rolle nicht angegeben", "role not stated"),
    }
}

/// A retention period, e.g. "30 days" / "30 Tage".
pub fn period(amount: u32, unit: PeriodUnit, language: Language) -> String {
    let one = amount == 1;
    let word = match (language, unit, one) {
        (Language::En, PeriodUnit::Hours, true) => "hour",
        (Language::En, PeriodUnit::Hours, false) => "hours",
        (Language::En, PeriodUnit::Days, true) => "day",
        (Language::En, PeriodUnit::Days, false) => "days",
        (Language::En, PeriodUnit::Weeks, true) => "week",
        (Language::En, PeriodUnit::Weeks, false) => "weeks",
        (Language::En, PeriodUnit::Months, true) => "month",
        (Language::En, PeriodUnit::Months, false) => "months",
        (Language::En, PeriodUnit::Years, true) => "year",
        (Language::En, PeriodUnit::Years, false) => "years",
        (Language::De, PeriodUnit::Hours, true) => "Stunde",
        (Language::De, PeriodUnit::Hours, false) => "Stunden",
        (Language::De, PeriodUnit::Days, true) => "Tag",
        (Language::De, PeriodUnit::Days, false) => "Tage",
        (Language::De, PeriodUnit::Weeks, true) => "Woche",
        (Language::De, PeriodUnit::Weeks, false) => "Wochen",
        (Language::De, PeriodUnit::Months, true) => "Monat",
        (Language::De, PeriodUnit::Months, false) => "Monate",
        (Language::De, PeriodUnit::Years, true) => "Jahr",
        (Language::De, PeriodUnit::Years, false) => "Jahre",
    };
    format!("{amount} {word}")
}

/// "10 years" / "10 Jahre" for a statutory rule.
pub fn years(n: u32, language: Language) -> String {
    period(n, PeriodUnit::Years, language)
}

/// Whether data must be provided.
pub fn provision(p: ProvisionRequirement, language: Language) -> &'static str {
    let de = language == Language::De;
    match p {
        ProvisionRequirement::Statutory => pick(de, "gesetzlich vorgeschrieben", "required by law"),
        ProvisionRequirement::Contractual => {
            pick(de, "vertraglich vorgeschrieben", "required by contract")
        }
        ProvisionRequirement::ContractPrerequisite => pick(
            de,
            "für einen Vertragsabschluss erforderlich",
            "required to enter into a contract",
        ),
        ProvisionRequirement::Technical => {
            pick(de, "technisch erforderlich", "technically required")
        }
        ProvisionRequirement::Voluntary => pick(de, "freiwillig", "voluntary"),
    }
}

/// DPIA screening outcome.
pub fn dpia_screening(s: DpiaScreening, language: Language) -> &'static str {
    let de = language == Language::De;
    match s {
        DpiaScreening::NotScreened => pick(de, "Erforderlichkeit nicht geprüft", "not screened"),
        DpiaScreening::NotRequired => pick(de, "nicht erforderlich", "not required"),
        DpiaScreening::Required => pick(de, "erforderlich", "required"),
    }
}

/// DPIA progress.
pub fn dpia_status(s: DpiaStatus, language: Language) -> &'static str {
    let de = language == Language::De;
    match s {
        DpiaStatus::Planned => pick(de, "geplant", "planned"),
        DpiaStatus::InProgress => pick(de, "in Bearbeitung", "in progress"),
        DpiaStatus::Completed => pick(de, "abgeschlossen", "completed"),
    }
}

/// Status of an Art. 28 agreement.
pub fn agreement_status(s: AgreementStatus, language: Language) -> &'static str {
    let de = language == Language::De;
    match s {
        AgreementStatus::Draft => pick(de, "Entwurf", "draft"),
        AgreementStatus::Signed => pick(de, "unterzeichnet", "signed"),
        AgreementStatus::Ended => pick(de, "beendet", "ended"),
    }
}

/// Sub-processor authorisation.
pub fn subprocessors(s: SubProcessorAuthorisation, language: Language) -> &'static str {
    let de = language == Language::De;
    match s {
        SubProcessorAuthorisation::Specific => {
            pick(de, "gesonderte Genehmigung", "specific authorisation")
        }
        SubProcessorAuthorisation::General => pick(
            de,
            "allgemeine Genehmigung mit Widerspruchsrecht",
            "general authorisation with a right to object",
        ),
        SubProcessorAuthorisation::Prohibited => pick(de, "nicht gestattet", "not allowed"),
    }
}

/// Who carries a duty under an Art. 26 arrangement.
pub fn joint_duty(d: JointDuty, language: Language) -> &'static str {
    let de = language == Language::De;
    match d {
        JointDuty::Us => pick(de, "die Organisation", "the organisation"),
        JointDuty::Partner => pick(de, "der Partner", "the partner"),
        JointDuty::Each => pick(de, "jeder für seinen Teil", "each for its own part"),
    }
}

/// Internal or external DPO.
pub fn dpo_kind(k: DpoKind, language: Language) -> &'static str {
    let l = labels(language);
    match k {
        DpoKind::Internal => l.dpo_internal,
        DpoKind::External => l.dpo_external,
    }
}

fn pick(german: bool, de: &'static str, en: &'static str) -> &'static str {
    if german { de } else { en }
}
