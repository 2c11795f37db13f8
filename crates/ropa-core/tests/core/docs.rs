//! `docs/interchange-format.md` against the model. Every field, every `type`/`kind` tag and
//! every enum value the model can write must be documented as `` `name` ``. The field tables must
//! not name fields the model no longer has. The examples on the page must import.
//!
//! The field lists come from the model itself: serde lists every field of a struct (and every
//! variant of an enum) when it rejects an unknown one. A field added to the model therefore fails
//! here until it is documented, and until [`full_register`] fills it in. A removed or renamed
//! field fails the parse of [`full_register`] (every type denies unknown fields) and the check of
//! the documentation tables.

use ropa_core::Store;
use ropa_core::interchange::{self, FORMAT, FORMAT_VERSION, Register};
use ropa_core::model::*;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// A key that no type of the model has.
const PROBE: &str = "__docs_probe__";

fn docs() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/interchange-format.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names serde expects where it rejects `probe`: the fields of a struct (or struct variant)
/// for an unknown key, the variants of an enum for an unknown value.
fn expected_names<T: DeserializeOwned>(what: &str, probe: Value) -> BTreeSet<String> {
    let message = match serde_json::from_value::<T>(probe) {
        Ok(_) => panic!("{what} accepts the unknown key or value `{PROBE}`"),
        Err(e) => e.to_string(),
    };
    let rest = [
        format!("unknown field `{PROBE}`, "),
        format!("unknown variant `{PROBE}`, "),
    ]
    .iter()
    .find_map(|prefix| message.strip_prefix(prefix.as_str()))
    .unwrap_or_else(|| panic!("{what}: unexpected serde message: {message}"));
    // "expected `a`", "expected `a` or `b`", "expected one of `a`, `b`, …", "there are no fields".
    rest.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

fn object(pairs: &[(&str, &str)]) -> Value {
    let map: Map<String, Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::String((*v).to_owned())))
        .collect();
    Value::Object(map)
}

/// The fields of a struct.
fn fields<T: DeserializeOwned>(what: &str) -> BTreeSet<String> {
    expected_names::<T>(what, object(&[(PROBE, "")]))
}

/// The values of an enum serialised as a plain string.
fn values<T: DeserializeOwned>(what: &str) -> BTreeSet<String> {
    expected_names::<T>(what, Value::String(PROBE.to_owned()))
}

/// The tag values of an internally tagged enum.
fn tags<T: DeserializeOwned>(what: &str, tag: &str) -> BTreeSet<String> {
    expected_names::<T>(what, object(&[(tag, PROBE)]))
}

/// The fields of one variant of an internally tagged enum (without the tag).
fn variant_fields<T: DeserializeOwned>(what: &str, tag: &str, variant: &str) -> BTreeSet<String> {
    expected_names::<T>(what, object(&[(tag, variant), (PROBE, "")]))
}

/// One shape of the format: a struct, or one variant of a tagged enum, with its fields, the
/// section of the documentation whose field tables describe it, and where [`full_register`]
/// holds instances of it (JSON pointers; `*` stands for every element of a list).
struct Shape {
    name: String,
    fields: BTreeSet<String>,
    section: &'static str,
    at: Vec<&'static str>,
    /// For a variant: the tag key and value that select its instances.
    tag: Option<(&'static str, String)>,
}

fn shape<T: DeserializeOwned>(name: &str, section: &'static str, at: &[&'static str]) -> Shape {
    Shape {
        name: name.to_owned(),
        fields: fields::<T>(name),
        section,
        at: at.to_vec(),
        tag: None,
    }
}

fn variants<T: DeserializeOwned>(
    name: &str,
    tag: &'static str,
    section: &'static str,
    at: &[&'static str],
) -> Vec<Shape> {
    tags::<T>(name, tag)
        .into_iter()
        .map(|variant| {
            let what = format!("{name} `{tag}: {variant}`");
            Shape {
                fields: variant_fields::<T>(&what, tag, &variant),
                name: what,
                section,
                at: at.to_vec(),
                tag: Some((tag, variant)),
            }
        })
        .collect()
}

/// Every struct and tagged-enum variant of the format.
fn shapes() -> Vec<Shape> {
    let retention = &[
        "/activities/*/retention",
        "/activities/*/data_categories/*/retention",
        "/activities/*/purposes/*/retention",
        "/activities/*/recipients/*/retention",
    ];
    let mut all = vec![
        shape::<Register>("Register", "Top level", &[""]),
        shape::<Organisation>("Organisation", "organisation", &["/organisation"]),
        shape::<Contact>(
            "Contact",
            "Contact objects",
            &[
                "/organisation/representative",
                "/organisation/supervisory_authority",
                "/notice/rights_contact",
            ],
        ),
        shape::<Dpo>("Dpo", "DPO object", &["/organisation/dpo"]),
        shape::<SourceDocument>("SourceDocument", "Source object", &["/organisation/source"]),
        shape::<DataCategory>("DataCategory", "data_categories", &["/data_categories/*"]),
        shape::<SubjectCategory>(
            "SubjectCategory",
            "subject_categories",
            &["/subject_categories/*"],
        ),
        shape::<Tom>("Tom", "toms", &["/toms/*"]),
        shape::<Party>("Party", "parties", &["/parties/*"]),
        shape::<Agreement>("Agreement", "agreements", &["/agreements/*"]),
        shape::<Art28Checklist>("Art28Checklist", "agreements", &["/agreements/*/checklist"]),
        shape::<JointArrangement>(
            "JointArrangement",
            "joint_arrangements",
            &["/joint_arrangements/*"],
        ),
        shape::<Activity>("Activity", "activities", &["/activities/*"]),
        shape::<Purpose>("Purpose", "purposes", &["/activities/*/purposes/*"]),
        shape::<NationalLawRef>(
            "NationalLawRef",
            "purposes",
            &["/activities/*/purposes/*/national_law/*"],
        ),
        shape::<Consent>("Consent", "purposes", &["/activities/*/purposes/*/consent"]),
        shape::<ActivityData>(
            "ActivityData",
            "Data categories of an activity",
            &["/activities/*/data_categories/*"],
        ),
        shape::<DataSource>("DataSource", "source", &["/activities/*/source"]),
        shape::<Provision>("Provision", "provision", &["/activities/*/provision"]),
        shape::<Recipient>("Recipient", "recipients", &["/activities/*/recipients/*"]),
        shape::<Dpia>("Dpia", "dpia", &["/activities/*/dpia"]),
        shape::<AutomatedDecision>(
            "AutomatedDecision",
            "automated_decision",
            &["/activities/*/automated_decision"],
        ),
        shape::<Transfer>("Transfer", "transfers", &["/transfers/*"]),
        shape::<TransferImpactAssessment>("TransferImpactAssessment", "tia", &["/transfers/*/tia"]),
        shape::<ProcessorService>(
            "ProcessorService",
            "processor_services",
            &["/processor_services/*"],
        ),
        shape::<NoticeSettings>("NoticeSettings", "notice", &["/notice"]),
        shape::<SentenceOverride>(
            "SentenceOverride",
            "Sentence overrides",
            &["/notice/overrides/*"],
        ),
    ];
    all.extend(variants::<Retention>(
        "Retention",
        "kind",
        "retention",
        retention,
    ));
    all.extend(variants::<TransferMechanism>(
        "TransferMechanism",
        "type",
        "mechanism",
        &["/transfers/*/mechanism"],
    ));
    all
}

/// Every enum serialised as a plain string, with its values.
fn value_sets() -> Vec<(&'static str, BTreeSet<String>)> {
    macro_rules! sets {
        ($($t:ident),+ $(,)?) => {
            vec![$((stringify!($t), values::<$t>(stringify!($t)))),+]
        };
    }
    sets![
        Language,
        DpoKind,
        PartyKind,
        AgreementStatus,
        SubProcessorAuthorisation,
        JointDuty,
        ActivityStatus,
        ActivityRole,
        PeriodUnit,
        ProvisionRequirement,
        RecipientRole,
        DpiaScreening,
        DpiaStatus,
        LegalBasis,
        SpecialCategory,
        Art9Condition,
        SccModule,
        Art49Derogation,
    ]
}

/// The field tables of the documentation: for each heading, the names in the first column of
/// the tables headed `| Field |` below it, with the line they are on.
fn documented_fields(docs: &str) -> BTreeMap<String, Vec<(usize, String)>> {
    let mut sections: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    let mut heading = String::new();
    let mut in_field_table = false;
    for (n, line) in docs.lines().enumerate() {
        if line.starts_with('#') {
            heading = line.trim_start_matches('#').trim().to_owned();
        }
        if !line.starts_with('|') {
            in_field_table = false;
            continue;
        }
        let first = line.split('|').nth(1).unwrap_or("").trim();
        if first == "Field" {
            in_field_table = true;
            continue;
        }
        if !in_field_table || first.starts_with("---") {
            continue;
        }
        let names = sections.entry(heading.clone()).or_default();
        let before = names.len();
        names.extend(
            first
                .split('`')
                .skip(1)
                .step_by(2)
                .map(|name| (n + 1, name.to_owned())),
        );
        assert!(
            names.len() > before,
            "line {}: no `field` in the first column",
            n + 1
        );
    }
    sections
}

/// The values at `pattern` (a JSON pointer in which `*` stands for every element of a list).
fn select<'a>(root: &'a Value, pattern: &str) -> Vec<&'a Value> {
    let mut here = vec![root];
    for step in pattern.split('/').skip(1) {
        here = here
            .into_iter()
            .flat_map(|v| match (step, v) {
                ("*", Value::Array(list)) => list.iter().collect::<Vec<_>>(),
                (key, Value::Object(map)) => map.get(key).into_iter().collect(),
                _ => Vec::new(),
            })
            .collect();
    }
    here
}

/// Every object key in `value`, recursively.
fn collect_keys(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                collect_keys(v, out);
            }
        }
        Value::Array(list) => list.iter().for_each(|v| collect_keys(v, out)),
        _ => {}
    }
}

/// Adds record metadata to the organisation and to every record of the lists: serialised
/// records always carry it, so the example round-trips only with it.
fn add_meta(register: &mut Value) {
    let meta = json!({
        "created_at": "2026-01-31T09:30:00Z",
        "updated_at": "2026-02-01T10:15:00Z",
        "revision": 3
    });
    let meta = meta.as_object().expect("an object");
    for (key, value) in register.as_object_mut().expect("an object") {
        let records: Vec<&mut Value> = match value {
            Value::Array(list) => list.iter_mut().collect(),
            Value::Object(_) if key == "organisation" || key == "notice" => vec![value],
            _ => continue,
        };
        for record in records {
            let record = record.as_object_mut().expect("a record");
            record.extend(meta.clone());
        }
    }
}

/// A register in which every optional field and every enum variant with fields is populated,
/// written as JSON (not built from constructors) so that it is the format as documented.
fn full_register() -> Value {
    let contact = |name: &str| {
        json!({
            "name": name,
            "organisation": "Representation Services Ltd",
            "address": "1 Rue de la Loi\n1000 Bruxelles",
            "country": "BE",
            "email": "contact@example.org",
            "phone": "+32 2 000 00 00",
            "website": "https://example.org"
        })
    };
    // A transfer of the activity's data to the US importer, with the given mechanism.
    let transfer = |id: &str, mechanism: Value| {
        json!({
            "id": id,
            "activity": "hr-health",
            "party": "importer",
            "country": "US",
            "mechanism": mechanism
        })
    };
    let mut register = json!({
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": "2026-02-01T10:15:00Z",
        "register_revision": 17,
        "organisation": {
            "id": "organisation",
            "legal_name": "Beispiel GmbH",
            "street": "Hauptstraße 1",
            "postcode": "10115",
            "city": "Berlin",
            "country": "DE",
            "email": "datenschutz@beispiel.de",
            "phone": "+49 30 000000",
            "website": "https://beispiel.de",
            "management": "Erika Beispiel (Geschäftsführerin)",
            "representative": contact("EU Rep SPRL"),
            "dpo_designated": true,
            "dpo": {
                "kind": "external",
                "name": "Dr. Max Muster",
                "organisation": "Muster Datenschutz GmbH",
                "address": "Nebenstraße 2\n10117 Berlin",
                "email": "dpo@muster.de",
                "phone": "+49 30 111111"
            },
            "supervisory_authority": contact("Berliner Beauftragte für Datenschutz"),
            "is_controller": true,
            "is_processor": true,
            "language": "de",
            "languages": ["en"],
            "employees": 120,
            "notes": "Example organisation.",
            "source": {
                "title": {"en": "Privacy policy", "de": "Datenschutzerklärung"},
                "url": "https://beispiel.example/privacy",
                "as_of": "2025-03-01",
                "version": "3.1",
                "retrieved_on": "2025-11-20"
            }
        },
        "data_categories": [
            {
                "id": "health",
                "name": "Health data",
                "description": "Sick notes.",
                "special": "SC_HEALTH",
                "criminal": true
            },
            {"id": "email", "name": "E-mail address"},
            {"id": "salary", "name": "Salary"}
        ],
        "subject_categories": [
            {"id": "employees", "name": "Employees", "description": "Staff."}
        ],
        "toms": [
            {
                "id": "tls",
                "name": "Encryption in transit (TLS)",
                "area": "encryption",
                "description": "TLS 1.2 or later."
            }
        ],
        "parties": [
            {
                "id": "importer",
                "kind": "entity",
                "name": "Importer Inc.",
                "address": "1 Main Street\nSpringfield, IL 62701\nUSA",
                "country": "US",
                "email": "privacy@importer.example",
                "phone": "+1 555 0100",
                "website": "https://importer.example",
                "privacy_policy_url": "https://importer.example/privacy",
                "group_company": true,
                "parent": "parent-co",
                "notes": "Sub-processor of parent-co."
            },
            {
                "id": "parent-co",
                "kind": "entity",
                "name": "Parent Co.",
                "aliases": ["Parent Company AG"],
                "entity_not_named": true,
                "country": "CH"
            },
            {"id": "client", "kind": "category", "name": "Client companies"}
        ],
        "agreements": [
            {
                "id": "dpa-importer",
                "party": "importer",
                "activities": ["hr-health"],
                "status": "signed",
                "signed_on": "2025-03-01",
                "document": "DMS-4711",
                "review_on": "2027-03-01",
                "expires_on": "2028-02-29",
                "subject_matter": "Payroll processing.",
                "checklist": {
                    "a_instructions": true,
                    "b_confidentiality": true,
                    "c_security": true,
                    "d_subprocessors": true,
                    "e_data_subject_rights": true,
                    "f_assistance": true,
                    "g_deletion_return": true,
                    "h_audits": false
                },
                "subprocessors": "general",
                "notes": "Audit clause missing."
            },
            {
                "id": "dpa-parent",
                "party": "parent-co",
                "status": "signed",
                "asserted_only": true,
                "checklist": {"a_instructions": true}
            }
        ],
        "joint_arrangements": [
            {
                "id": "jca",
                "title": "Joint Controller Addendum",
                "parties": ["parent-co"],
                "activities": ["hr-health"],
                "scope": "Group HR.",
                "information_duty": "us",
                "requests_handled_by": "each",
                "responsibilities": "Each for its own staff.",
                "contact_point": "hr-privacy@beispiel.de",
                "essence_url": "https://beispiel.de/jca",
                "essence_text": "We and Parent Co. share HR data.",
                "signed_on": "2024-12-01",
                "notes": "Renewed yearly."
            }
        ],
        "activities": [
            {
                "id": "hr-health",
                "reference": "HR-01",
                "name": "Sick-leave management",
                "description": {"de": "Erfassung von Krankmeldungen.", "en": "Recording sick notes."},
                "department": "HR",
                "contact": "Head of HR",
                "status": "active",
                "role": "joint_controller",
                "purposes": [{
                    "id": "sick-pay",
                    "description": "Continued payment of wages",
                    "legal_basis": "ART6_1_C",
                    "legitimate_interest": "Planning of staff.",
                    "legal_provision": "§ 3 EntgFG",
                    "art9_condition": "ART9_2_B",
                    "art10_authorisation": "§ 30 BZRG",
                    "national_law": [{"code": "BDSG_26", "as_stated": "§ 26 Abs. 3 BDSG"}],
                    "consent": {
                        "obtained": "Form signed on hiring.",
                        "withdrawal": "E-mail to HR.",
                        "implied": true
                    },
                    "basis_as_stated": "Art. 9 Abs. 2 lit. b DSGVO i. V. m. § 26 Abs. 3 BDSG",
                    "retention": {"kind": "criteria", "text": "Until the claim is settled."}
                }],
                "data_subjects": ["employees"],
                "data_categories": [
                    {
                        "category": "health",
                        "retention": {
                            "kind": "period",
                            "amount": 3,
                            "unit": "years",
                            "trigger": "after the end of the year",
                            "note": "Unless a dispute is pending."
                        },
                        "optional": true,
                        "note": "Only the sick note."
                    },
                    {
                        "category": "salary",
                        "retention": {
                            "kind": "statutory",
                            "rule": "RET_DE_10Y",
                            "note": "Payroll books."
                        }
                    },
                    {
                        "category": "email",
                        "retention": {"kind": "unlimited", "note": "Kept for the staff directory."}
                    }
                ],
                "retention": {"kind": "criteria", "text": "Until the end of employment."},
                "collection": "When the employee hands in a sick note.",
                "source": {
                    "from_data_subject": false,
                    "description": "Health insurer (eAU).",
                    "publicly_accessible": true
                },
                "provision": {"requirement": "statutory", "consequences": "No sick pay."},
                "recipients": [{
                    "party": "importer",
                    "role": "processor",
                    "service": "Payroll Cloud",
                    "location": "data centres in the USA",
                    "note": "Payroll only.",
                    "retention": {"kind": "period", "amount": 14, "unit": "months", "trigger": "after the payroll run"},
                    "privacy_url": "https://importer.example/payroll-cloud/privacy"
                }],
                "toms": ["tls"],
                "dpia": {
                    "screening": "required",
                    "status": "completed",
                    "reference": "DPIA-2025-01",
                    "completed_on": "2025-05-01",
                    "note": "Health data of employees."
                },
                "automated_decision": {
                    "description": "Scoring of absence patterns.",
                    "logic": "Counts absences per quarter.",
                    "consequences": "Invitation to a return-to-work talk."
                },
                "rights_info": "Objections to hr-privacy@beispiel.de.",
                "in_notice": false,
                "last_reviewed": "2025-06-01",
                "next_review": "2026-06-01",
                "notes": "Example activity.",
                "notes_in_record": true
            },
            {
                "id": "intranet",
                "reference": "IT-01",
                "name": "Intranet access logs",
                "status": "draft",
                "role": "controller",
                "purposes": [],
                "data_subjects": [],
                "data_categories": [],
                "recipients": [],
                "no_recipients": true,
                "toms": [],
                "dpia": {"screening": "not_screened"},
                "in_notice": true
            }
        ],
        "transfers": [
            {
                "id": "t-scc",
                "activity": "hr-health",
                "party": "importer",
                "country": "US",
                "mechanism": {
                    "type": "scc",
                    "module": "SCC_2021_914_M2",
                    "signed_on": "2025-03-01"
                },
                "repetitive": true,
                "tia": {
                    "done": true,
                    "date": "2025-02-15",
                    "supplementary_measures": "Encryption at rest."
                },
                "copy_available": "On request from the DPO.",
                "as_stated": "Data is processed in the USA on the basis of the SCC.",
                "notes": "Payroll."
            },
            {
                "id": "t-epo",
                "service": "svc",
                "party": "importer",
                "international_organisation": "European Patent Organisation",
                "mechanism": {"type": "adequacy", "decision": "ADEQ_IO_EPO"}
            },
            transfer("t-dpf", json!({
                "type": "dpf",
                "participant": "Importer Inc.",
                "checked_on": "2026-01-15"
            })),
            transfer("t-bcr", json!({"type": "bcr", "reference": "BCR-IE-1"})),
            transfer("t-pbi", json!({"type": "public_body_instrument", "reference": "Treaty"})),
            transfer("t-sac", json!({"type": "sa_clauses", "reference": "DK SCC"})),
            transfer("t-coc", json!({"type": "code_of_conduct", "reference": "EU Cloud CoC"})),
            transfer("t-cert", json!({"type": "certification", "reference": "Europrivacy"})),
            transfer("t-auth", json!({"type": "authorised_clauses", "reference": "SA 12/2024"})),
            transfer("t-adm", json!({"type": "administrative_arrangement", "reference": "MoU"})),
            transfer("t-der", json!({"type": "derogation", "derogation": "XFER_49_1_B"})),
            transfer("t-ci", json!({
                "type": "compelling_interest",
                "safeguards": "Assessment of 2026-01-10; pseudonymised."
            })),
            transfer("t-ps", json!({"type": "privacy_shield"})),
            transfer("t-lscc", json!({
                "type": "legacy_scc",
                "decision": "SCC_2010_87_EU",
                "signed_on": "2018-05-20"
            }))
        ],
        "processor_services": [
            {
                "id": "svc",
                "controller": "client",
                "name": "Hosted ticket system",
                "processing_categories": ["Hosting", "Support"],
                "description": "Operating the ticket system for clients.",
                "controller_representative": "EU Rep SPRL, Brussels",
                "controller_dpo": "dpo@client.example",
                "agreement": "AVV 2025-07",
                "toms": ["tls"],
                "notes": "Example service."
            }
        ],
        "notice": {
            "id": "notice",
            "version": "2.1",
            "version_date": "2026-03-01",
            "section_order": ["general:controller", "hr-health"],
            "rights_contact": contact("Privacy Team"),
            "overrides": [{
                "section": "hr-health",
                "sentence": "purpose.basis",
                "language": "de",
                "text": "Wir stützen uns auf {citation}."
            }]
        }
    });
    add_meta(&mut register);
    register
}

/// Parses a whole document and imports it into a fresh register.
fn import(text: &str) -> Register {
    let doc = Register::from_json_str(text).unwrap_or_else(|e| panic!("{e}"));
    let mut store = Store::create_in_memory(&Organisation::new("Before import")).unwrap();
    interchange::import(&mut store, &doc).unwrap_or_else(|e| panic!("{e}"));
    doc
}

#[test]
fn the_full_example_is_a_valid_register_and_round_trips() {
    let full = full_register();
    // Every type denies unknown fields: a field the model no longer has fails here.
    let doc = import(&full.to_string());
    // Nothing in the example was dropped or rewritten.
    assert_eq!(serde_json::to_value(&doc).unwrap(), full);
}

#[test]
fn the_full_example_populates_every_field_and_variant() {
    let full = full_register();
    let mut problems = Vec::new();
    for shape in shapes() {
        let instances: Vec<&Value> = shape
            .at
            .iter()
            .flat_map(|pattern| select(&full, pattern))
            .filter(|v| match &shape.tag {
                Some((tag, variant)) => v.get(*tag).and_then(Value::as_str) == Some(variant),
                None => true,
            })
            .collect();
        if instances.is_empty() {
            problems.push(format!("{}: no instance in the full example", shape.name));
            continue;
        }
        let mut seen = BTreeSet::new();
        for v in instances {
            let map = v.as_object().expect("an object");
            seen.extend(map.keys().cloned());
        }
        if let Some((tag, _)) = &shape.tag {
            seen.remove(*tag);
        }
        let missing: Vec<_> = shape.fields.difference(&seen).collect();
        if !missing.is_empty() {
            problems.push(format!("{}: not populated: {missing:?}", shape.name));
        }
    }
    assert!(
        problems.is_empty(),
        "extend full_register() in tests/core/docs.rs:\n{}",
        problems.join("\n")
    );
}

#[test]
fn every_field_is_in_the_table_of_its_section() {
    let tables = documented_fields(&docs());
    let mut missing = Vec::new();
    for shape in shapes() {
        let documented: BTreeSet<&str> = tables
            .get(shape.section)
            .map(|rows| rows.iter().map(|(_, name)| name.as_str()).collect())
            .unwrap_or_default();
        let tag = shape.tag.as_ref().map(|(tag, _)| *tag);
        for field in shape.fields.iter().map(String::as_str).chain(tag) {
            if !documented.contains(field) {
                missing.push(format!(
                    "{}: `{field}` is not in a field table under `{}`",
                    shape.name, shape.section
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "docs/interchange-format.md is missing fields:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_key_tag_and_value_is_documented() {
    let docs = docs();
    let mut names: BTreeSet<(String, String)> = BTreeSet::new();
    let mut keys = BTreeSet::new();
    collect_keys(&full_register(), &mut keys);
    names.extend(keys.into_iter().map(|k| ("key".to_owned(), k)));
    for shape in shapes() {
        if let Some((tag, variant)) = shape.tag {
            names.insert((format!("`{tag}`"), variant));
        }
    }
    for (set, values) in value_sets() {
        names.extend(values.into_iter().map(|v| (set.to_owned(), v)));
    }
    let missing: Vec<String> = names
        .iter()
        .filter(|(_, n)| !docs.contains(&format!("`{n}`")))
        .map(|(what, n)| format!("{what} `{n}`"))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/interchange-format.md does not mention these as `name`:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_field_tables_name_only_fields_of_the_model() {
    let tables = documented_fields(&docs());
    let shapes = shapes();
    let all_fields: BTreeSet<&str> = shapes
        .iter()
        .flat_map(|s| s.fields.iter().map(String::as_str))
        .collect();
    let rows: usize = tables.values().map(Vec::len).sum();
    assert!(rows > 150, "only {rows} field rows found: layout changed?");
    let mut unknown = Vec::new();
    for (section, rows) in &tables {
        let owners: Vec<&Shape> = shapes.iter().filter(|s| s.section == section).collect();
        let allowed: BTreeSet<&str> = if owners.is_empty() {
            // A section about fields common to several shapes (record metadata).
            all_fields.clone()
        } else {
            owners
                .iter()
                .flat_map(|s| {
                    let tag = s.tag.as_ref().map(|(tag, _)| *tag);
                    s.fields.iter().map(String::as_str).chain(tag)
                })
                .collect()
        };
        for (line, name) in rows {
            if !allowed.contains(name.as_str()) {
                unknown.push(format!("line {line}: `{name}` (section `{section}`)"));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "docs/interchange-format.md documents fields the model does not have:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn the_documented_examples_import() {
    let docs = docs();
    let section = docs
        .split("## A complete example")
        .nth(1)
        .expect("a section `## A complete example`");
    let example = section
        .split("```json\n")
        .nth(1)
        .and_then(|s| s.split("\n```").next())
        .expect("a json block in the example section");
    let doc = import(example);
    assert_eq!(doc.format, FORMAT);
    assert_eq!(doc.version, FORMAT_VERSION);
    assert!(!doc.activities.is_empty() && !doc.transfers.is_empty());

    // The one-line retention rules and mechanisms shown in their sections.
    let mut snippets = 0;
    for line in docs.lines() {
        let result = if line.starts_with(r#"{ "kind": "#) {
            serde_json::from_str::<Retention>(line).map(drop)
        } else if line.starts_with(r#"{ "type": "#) {
            serde_json::from_str::<TransferMechanism>(line).map(drop)
        } else {
            continue;
        };
        result.unwrap_or_else(|e| panic!("{line}: {e}"));
        snippets += 1;
    }
    assert!(snippets >= 10, "only {snippets} snippets found");
}
