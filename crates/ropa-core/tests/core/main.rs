//! Integration tests of the core on real SQLite files: one test binary, one module per area.

// The full example register of tests/core/docs.rs is one `json!` literal, deeper than the macro's
// default recursion limit.
#![recursion_limit = "256"]

mod checks;
mod checks_fixtures;
mod crash;
mod docs;
mod documents;
mod export_csv;
mod export_pdf;
mod export_support;
mod fuzz;
mod interchange;
mod languages;
mod layers;
mod links;
mod messages;
mod notice;
mod pdf_text;
mod picker;
mod store;

use ropa_core::Store;
use ropa_core::interchange::Register;
use ropa_core::model::*;
use std::path::PathBuf;

/// Path of a fixture under the repository's `tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// A parsed fixture document.
pub fn fixture(name: &str) -> Register {
    let text = std::fs::read_to_string(fixture_path(name)).expect("fixture readable");
    Register::from_json_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A fresh register file in a temporary directory (kept alive by the returned guard).
pub fn new_register(dir: &tempfile::TempDir) -> (PathBuf, Store) {
    let path = dir.path().join("register.ropa");
    let mut org = Organisation::new("Beispiel GmbH");
    org.country = Some("DE".into());
    let store = Store::create(&path, &org).expect("create register");
    (path, store)
}

/// A small register with one of everything, for store tests.
pub fn populated(store: &mut Store) -> Activity {
    store
        .insert(DataCategory::new("email", "E-mail address"))
        .unwrap();
    let mut health = DataCategory::new("health", "Health data");
    health.special = Some(SpecialCategory::Health);
    store.insert(health).unwrap();
    store
        .insert(SubjectCategory::new("customers", "Customers"))
        .unwrap();
    store
        .insert(Tom::new("tls", "Encryption in transit (TLS)"))
        .unwrap();
    let mut mail = Party::new("mailer", "Mailer Inc.");
    mail.country = Some("US".into());
    mail.address = Some("1 Main Street, Springfield, USA".into());
    store.insert(mail).unwrap();
    let mut act = Activity::new("newsletter", "MKT-01", "Newsletter");
    let mut p = Purpose::new("send", "Sending the newsletter", Some(LegalBasis::Consent));
    p.consent = Some(Consent {
        obtained: Some("double opt-in".into()),
        withdrawal: Some("link in every mail".into()),
        implied: false,
    });
    act.purposes.push(p);
    let mut p2 = Purpose::new(
        "stats",
        "Measuring opening rates",
        Some(LegalBasis::LegitimateInterests),
    );
    p2.legitimate_interest = Some("improving our mailings".into());
    act.purposes.push(p2);
    act.data_subjects.push("customers".into());
    let mut d = ActivityData::new("email");
    d.retention = Some(Retention::Criteria {
        text: "until the subscription ends".into(),
    });
    act.data_categories.push(d);
    act.recipients.push(Recipient {
        party: "mailer".into(),
        role: RecipientRole::Processor,
        service: Some("Mailer".into()),
        location: Some("USA".into()),
        note: None,
        retention: None,
        privacy_url: None,
    });
    act.toms.push("tls".into());
    store.insert(act).unwrap()
}

/// How a retention period reads in `language`, as a reader expects it ("1 year", "30 Tage"):
/// stated here, not taken from the code under test.
pub fn period_words(amount: u32, unit: PeriodUnit, language: Language) -> String {
    let (one, many) = match (language, unit) {
        (Language::En, PeriodUnit::Hours) => ("hour", "hours"),
        (Language::En, PeriodUnit::Days) => ("day", "days"),
        (Language::En, PeriodUnit::Weeks) => ("week", "weeks"),
        (Language::En, PeriodUnit::Months) => ("month", "months"),
        (Language::En, PeriodUnit::Years) => ("year", "years"),
        (Language::De, PeriodUnit::Hours) => ("Stunde", "Stunden"),
        (Language::De, PeriodUnit::Days) => ("Tag", "Tage"),
        (Language::De, PeriodUnit::Weeks) => ("Woche", "Wochen"),
        (Language::De, PeriodUnit::Months) => ("Monat", "Monate"),
        (Language::De, PeriodUnit::Years) => ("Jahr", "Jahre"),
    };
    format!("{amount} {}", if amount == 1 { one } else { many })
}
