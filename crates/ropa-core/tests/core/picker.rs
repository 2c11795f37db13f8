//! The pickers' reference data: country statuses and the transfer mechanisms offered per
//! destination, checked against the transfer rules and validation (an offered mechanism is never
//! one the checks then flag for that country), and the review-due date against the review check.

use crate::checks::{opts, today};
use ropa_core::Store;
use ropa_core::checks::{self, Severity};
use ropa_core::interchange::Register;
use ropa_core::model::*;
use ropa_core::reference::{DestinationStatus, country_statuses, reference, transfer_options};
use serde_json::json;

fn kinds(country: &str) -> Vec<String> {
    transfer_options(country, today())
        .unwrap_or_else(|| panic!("{country} is known"))
        .mechanisms
        .into_iter()
        .map(|m| match m.decision {
            Some(d) => format!("{}:{d}", m.kind),
            None => m.kind,
        })
        .collect()
}

#[test]
fn eea_destinations_need_no_chapter_v_mechanism() {
    for code in ["DE", "FR", "NO", "IS", "LI"] {
        let o = transfer_options(code, today()).unwrap();
        assert!(!o.chapter_v, "{code}");
        assert!(o.mechanisms.is_empty(), "{code}");
        assert_eq!(o.country.status, DestinationStatus::Eea, "{code}");
    }
}

#[test]
fn unknown_country_codes_offer_nothing() {
    assert!(transfer_options("XX", today()).is_none());
    assert!(transfer_options("de", today()).is_none());
}

#[test]
fn the_us_is_offered_the_dpf_never_a_plain_adequacy_decision() {
    let k = kinds("US");
    assert_eq!(k[0], "dpf");
    assert!(!k.iter().any(|k| k.starts_with("adequacy")), "{k:?}");
    for expected in [
        "scc",
        "bcr",
        "derogation",
        "compelling_interest",
        "certification",
    ] {
        assert!(k.iter().any(|x| x == expected), "{expected} missing: {k:?}");
    }
    let us = transfer_options("US", today()).unwrap();
    assert_eq!(us.country.status, DestinationStatus::PartlyAdequate);
    assert!(us.mechanisms[0].restricted);
    assert!(us.country.note_en.contains("Data Privacy Framework"));
}

#[test]
fn legacy_mechanisms_are_never_offered() {
    for c in country_statuses(today()) {
        for m in transfer_options(&c.code, today()).unwrap().mechanisms {
            assert!(
                !matches!(m.kind.as_str(), "privacy_shield" | "legacy_scc"),
                "{}: {}",
                c.code,
                m.kind
            );
            assert!(
                m.decision
                    .as_deref()
                    .is_none_or(|d| reference().legacy_mechanism(d).is_none()),
                "{}",
                c.code
            );
            assert!(
                !m.label_en.is_empty() && !m.label_de.is_empty(),
                "{}",
                m.kind
            );
            assert!(
                !m.reason_en.is_empty() && !m.reason_de.is_empty(),
                "{}",
                m.kind
            );
        }
    }
}

#[test]
fn adequacy_follows_the_decisions_and_their_scope() {
    assert_eq!(kinds("JP")[0], "adequacy:ADEQ_JP");
    let jp = transfer_options("JP", today()).unwrap();
    assert!(jp.mechanisms[0].restricted);
    assert_eq!(jp.country.status, DestinationStatus::PartlyAdequate);

    let ca = transfer_options("CA", today()).unwrap();
    assert_eq!(ca.mechanisms[0].decision.as_deref(), Some("ADEQ_CA"));
    assert!(ca.mechanisms[0].reason_en.contains("PIPEDA"));

    let ch = transfer_options("CH", today()).unwrap();
    assert_eq!(ch.country.status, DestinationStatus::Adequate);
    assert!(!ch.mechanisms[0].restricted);

    // The UK: the GDPR decision, never the law-enforcement one.
    let gb = kinds("GB");
    assert!(gb.contains(&"adequacy:ADEQ_GB_GDPR".to_owned()), "{gb:?}");
    assert!(!gb.contains(&"adequacy:ADEQ_GB_LED".to_owned()), "{gb:?}");
    assert_eq!(
        transfer_options("GB", today()).unwrap().country.status,
        DestinationStatus::Adequate
    );
    // After the UK decision's sunset date it is no longer offered.
    let later = Date::parse("2032-01-01").unwrap();
    let gb_later = transfer_options("GB", later).unwrap();
    assert_eq!(gb_later.country.status, DestinationStatus::ThirdCountry);
    assert!(gb_later.mechanisms.iter().all(|m| m.kind != "adequacy"));

    // A third country without a decision: safeguards and Art. 49 only.
    let cn = kinds("CN");
    assert_eq!(cn[0], "scc");
    assert!(!cn.iter().any(|k| k.starts_with("adequacy") || k == "dpf"));
    assert_eq!(
        transfer_options("CN", today()).unwrap().country.status,
        DestinationStatus::ThirdCountry
    );
}

#[test]
fn every_country_has_a_status_for_the_picker() {
    let all = country_statuses(today());
    assert_eq!(all.len(), reference().countries.countries.len());
    let eea = all
        .iter()
        .filter(|c| c.status == DestinationStatus::Eea)
        .count();
    assert_eq!(eea, 30);
    let de = all.iter().find(|c| c.code == "DE").unwrap();
    assert!(de.adequacy.is_empty() && de.note_en.is_empty());
    let il = all.iter().find(|c| c.code == "IL").unwrap();
    assert_eq!(il.status, DestinationStatus::Adequate);
    assert_eq!(il.adequacy, vec!["ADEQ_IL".to_owned()]);
}

/// The mechanism of kind `kind` as a user completes it in the transfer form.
fn completed(kind: &str, decision: Option<&str>) -> TransferMechanism {
    let on = Some(today());
    let reference = Some("REF-1".to_owned());
    match kind {
        "adequacy" => TransferMechanism::Adequacy {
            decision: decision.unwrap().to_owned(),
        },
        "dpf" => TransferMechanism::Dpf {
            participant: Some("Mailer Inc.".into()),
            checked_on: on,
        },
        "scc" => TransferMechanism::Scc {
            module: SccModule::ControllerToProcessor,
            signed_on: on,
        },
        "bcr" => TransferMechanism::Bcr { reference },
        "public_body_instrument" => TransferMechanism::PublicBodyInstrument { reference },
        "sa_clauses" => TransferMechanism::SaClauses { reference },
        "code_of_conduct" => TransferMechanism::CodeOfConduct { reference },
        "certification" => TransferMechanism::Certification { reference },
        "authorised_clauses" => TransferMechanism::AuthorisedClauses { reference },
        "administrative_arrangement" => TransferMechanism::AdministrativeArrangement { reference },
        "derogation" => TransferMechanism::Derogation {
            derogation: Art49Derogation::Contract,
        },
        "compelling_interest" => TransferMechanism::CompellingInterest {
            safeguards: "Assessed; encrypted; SA informed.".into(),
        },
        other => panic!("the picker offered a kind the test does not know: {other}"),
    }
}

#[test]
fn offered_mechanisms_validate_and_draw_no_check_finding_for_their_country() {
    let mut org = Organisation::new("Beispiel GmbH");
    org.country = Some("DE".into());
    // The store validates every record it writes, as it does for the app's saves.
    let mut store = Store::create_in_memory(&org).unwrap();
    store
        .insert(Activity::new("act", "ACT-01", "Support"))
        .unwrap();
    let mut checked = 0;
    for c in country_statuses(today()) {
        let offer = transfer_options(&c.code, today()).unwrap();
        let mut stored_party = Party::new(format!("p-{}", c.code.to_lowercase()), "Importer");
        stored_party.country = Some(c.code.clone());
        let stored_party = store.insert(stored_party).unwrap();
        for (i, m) in offer.mechanisms.iter().enumerate() {
            let mut reg = Register::new(org.clone());
            let mut party = Party::new("importer", "Importer Ltd");
            party.country = Some(c.code.clone());
            reg.parties.push(party);
            let mut a = Activity::new("act", "ACT-01", "Support");
            a.recipients.push(Recipient {
                party: "importer".into(),
                role: RecipientRole::Processor,
                service: None,
                location: None,
                note: None,
                retention: None,
                privacy_url: None,
            });
            reg.activities.push(a);
            let mut t = Transfer::new("t1", "act", "importer", &c.code);
            t.mechanism = Some(completed(&m.kind, m.decision.as_deref()));
            t.tia = Some(TransferImpactAssessment {
                done: true,
                date: Some(today()),
                supplementary_measures: None,
            });
            let mut stored = t.clone();
            stored.id = format!("t-{}-{i}", c.code.to_lowercase());
            stored.party = stored_party.id.clone();
            store
                .insert(stored)
                .unwrap_or_else(|e| panic!("{} {}: {e}", c.code, m.kind));
            reg.transfers.push(t);
            let findings: Vec<_> = checks::check(&reg, &opts())
                .into_iter()
                .filter(|f| f.target.entity == Entity::Transfer)
                .filter(|f| {
                    // The scope note is the reminder the offer itself gives for restricted
                    // decisions; anything else is a contradiction.
                    !(m.restricted
                        && f.severity == Severity::Info
                        && f.code == "TRANSFER_ADEQUACY_SCOPE")
                })
                .collect();
            assert!(
                findings.is_empty(),
                "{} offered {} but the checks say: {:?}",
                c.code,
                m.kind,
                findings
                    .iter()
                    .map(|f| format!("{} {}", f.code, f.message_en))
                    .collect::<Vec<_>>()
            );
            checked += 1;
        }
    }
    assert!(checked > 2000, "{checked}");
}

#[test]
fn mechanisms_the_checks_flag_are_not_offered() {
    // The other direction: for a sample of destinations, every mechanism kind the checks report
    // as wrong for that destination is missing from the offer.
    let mut org = Organisation::new("Beispiel GmbH");
    org.country = Some("DE".into());
    for code in ["US", "CA", "GB", "CN", "JP", "CH"] {
        let offered = kinds(code);
        let candidates: Vec<(String, TransferMechanism)> = reference()
            .adequacy
            .decisions
            .iter()
            .filter(|d| !d.requires_dpf && d.country.is_some())
            .map(|d| {
                (
                    format!("adequacy:{}", d.code),
                    completed("adequacy", Some(&d.code)),
                )
            })
            .chain([
                ("dpf".to_owned(), completed("dpf", None)),
                (
                    "privacy_shield".to_owned(),
                    TransferMechanism::PrivacyShield {},
                ),
                (
                    "legacy_scc".to_owned(),
                    TransferMechanism::LegacyScc {
                        decision: "SCC_2010_87_EU".into(),
                        signed_on: None,
                    },
                ),
            ])
            .collect();
        for (name, mechanism) in candidates {
            let mut reg = Register::new(org.clone());
            let mut party = Party::new("importer", "Importer Ltd");
            party.country = Some(code.to_owned());
            reg.parties.push(party);
            let mut a = Activity::new("act", "ACT-01", "Support");
            a.recipients.push(Recipient {
                party: "importer".into(),
                role: RecipientRole::Processor,
                service: None,
                location: None,
                note: None,
                retention: None,
                privacy_url: None,
            });
            reg.activities.push(a);
            let mut t = Transfer::new("t1", "act", "importer", code);
            t.mechanism = Some(mechanism);
            let flagged = checks::check(&reg, &opts()).into_iter().any(|f| {
                f.target.entity == Entity::Transfer
                    && f.severity == Severity::Error
                    && f.target
                        .field
                        .as_deref()
                        .is_some_and(|x| x.starts_with("mechanism"))
            });
            if flagged {
                assert!(
                    !offered.contains(&name),
                    "{code}: {name} offered but flagged"
                );
            }
        }
    }
}

#[test]
fn review_due_matches_the_review_check() {
    let mut reg = crate::checks::clean();
    let max = opts().review.max_age_days;
    let cases = [
        (None, Some("2026-11-22"), true),
        (None, Some("2026-11-23"), false),
        (Some("2025-11-22"), None, true),
        (Some("2025-11-23"), None, false),
        (Some("2020-01-01"), Some("2027-01-01"), false),
    ];
    for (last, next, overdue) in cases {
        let a = &mut reg.activities[0];
        a.last_reviewed = last.map(|d| Date::parse(d).unwrap());
        a.next_review = next.map(|d| Date::parse(d).unwrap());
        let due = a.review_due(max).unwrap();
        assert_eq!(due < today(), overdue, "{last:?} {next:?} due {due}");
        let id = a.id.clone();
        let fired = checks::check(&reg, &opts())
            .iter()
            .any(|f| f.code.starts_with("REVIEW_") && f.target.id == id);
        assert_eq!(fired, overdue, "{last:?} {next:?}");
    }
    reg.activities[0].last_reviewed = None;
    reg.activities[0].next_review = None;
    assert_eq!(reg.activities[0].review_due(max), None);
}

/// A value for a field of the transfer form, as a person would enter it.
fn entered(f: &MechanismField) -> serde_json::Value {
    match f.input {
        FieldInput::Text | FieldInput::LongText => json!("entered"),
        FieldInput::Date => json!("2026-01-15"),
        FieldInput::SccModule => json!(SccModule::ALL[1]),
        FieldInput::Derogation => json!(Art49Derogation::ALL[2]),
    }
}

#[test]
fn the_form_fields_of_every_mechanism_are_the_models_keys() {
    for kind in TransferMechanism::kinds() {
        let fields = TransferMechanism::fields(kind);
        let mut full = serde_json::Map::new();
        full.insert("type".into(), json!(kind));
        if matches!(kind, "adequacy" | "legacy_scc") {
            full.insert("decision".into(), json!("X"));
        }
        for f in &fields {
            full.insert(f.name.clone(), entered(f));
        }
        // Every field the form shows is a key of the mechanism, and together they are all of
        // its keys (the model refuses unknown keys and the value comes back unchanged).
        let value = serde_json::Value::Object(full.clone());
        let m: TransferMechanism =
            serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert_eq!(serde_json::to_value(&m).unwrap(), value, "{kind}");
        // A required field cannot be left out, an optional one can.
        for f in &fields {
            let mut without = full.clone();
            without.remove(&f.name);
            let parsed = serde_json::from_value::<TransferMechanism>(without.into());
            assert_eq!(parsed.is_err(), f.required, "{kind}.{}", f.name);
        }
    }
    assert!(TransferMechanism::fields("no_such_kind").is_empty());
}

#[test]
fn a_picked_mechanism_starts_as_its_template() {
    for code in ["US", "JP", "IN", "CH"] {
        let offer = transfer_options(code, today()).unwrap();
        assert_eq!(offer.scc_modules.len(), SccModule::ALL.len());
        assert_eq!(offer.derogations.len(), Art49Derogation::ALL.len());
        for m in &offer.mechanisms {
            assert_eq!(m.template.kind(), m.kind, "{code}");
            let json = serde_json::to_value(&m.template).unwrap();
            if m.kind == "adequacy" {
                assert_eq!(json["decision"], json!(m.decision), "{code}");
            }
            // Required fields start filled, so that picking alone records a valid value; the
            // optional ones start absent.
            for f in &offer.fields[&m.kind] {
                assert_eq!(json.get(&f.name).is_some(), f.required, "{code} {}", m.kind);
            }
            if m.kind == "scc" {
                assert_eq!(json["module"], json!(offer.scc_modules[0].code));
            }
        }
    }
}
