//! Export benchmark (not a test): a generated register of 1,000 activities and 300 parties,
//! exported as PDF and CSV, next to `sqlite3 -csv` dumping the same joined rows and LibreOffice
//! converting the same table to PDF.
//!
//! ```sh
//! cargo bench -p ropa-core --bench export
//! ```
//!
//! Needs `sqlite3` and LibreOffice (`apt-get install libreoffice-calc`) on the PATH; a tool that
//! is missing is reported and skipped. Times are the median of several runs (LibreOffice: one
//! run after a warm-up conversion that creates its profile).

use ropa_core::export::csv::{self, CsvOptions, Table};
use ropa_core::export::{ExportOptions, RecordDocument, RecordKind, pdf};
use ropa_core::interchange::{self, Register};
use ropa_core::model::*;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const ACTIVITIES: usize = 1_000;
const PARTIES: usize = 300;

/// A small deterministic generator (no dependency, same register every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "Verarbeitung",
    "customer",
    "contract",
    "Übermittlung",
    "Löschung",
    "newsletter",
    "support",
    "payment",
    "analysis",
    "Maßnahme",
    "account",
    "service",
    "delivery",
    "invoice",
    "Größe",
    "security",
    "logging",
    "marketing",
    "employee",
    "applicant",
];

fn sentence(rng: &mut Lcg, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    s[0] = "Processing";
    s.join(" ") + "."
}

fn generate() -> Register {
    let mut rng = Lcg(42);
    let mut org = Organisation::new("Benchmark Straßenbau GmbH");
    org.street = Some("Hauptstraße 1".into());
    org.postcode = Some("10115".into());
    org.city = Some("Berlin".into());
    org.country = Some("DE".into());
    let mut reg = Register::new(org);
    for i in 0..60 {
        reg.data_categories.push(DataCategory::new(
            format!("d{i}"),
            format!("Data category {i}"),
        ));
    }
    for i in 0..20 {
        reg.subject_categories.push(SubjectCategory::new(
            format!("s{i}"),
            format!("Data subjects {i}"),
        ));
    }
    for i in 0..30 {
        let mut t = Tom::new(format!("t{i}"), format!("Measure {i}"));
        t.area = Some("access control".into());
        t.description = Some(sentence(&mut rng, 20).into());
        reg.toms.push(t);
    }
    let countries = ["DE", "FR", "US", "IE", "NL", "JP", "GB", "AT", "IN", "CH"];
    for i in 0..PARTIES {
        let mut p = Party::new(format!("p{i}"), format!("Partner {i} Dienstleistungs-GmbH"));
        p.address = Some(format!("Musterstraße {i}, {:05} Köln", 50_000 + i));
        p.country = Some(countries[i % countries.len()].into());
        p.email = Some(format!("privacy@partner{i}.example"));
        reg.parties.push(p);
    }
    for i in 0..ACTIVITIES {
        let mut a = Activity::new(
            format!("a{i}"),
            format!("ACT-{i:04}"),
            format!("Activity {i}"),
        );
        a.description = Some(sentence(&mut rng, 40).into());
        a.department = Some("Operations".into());
        a.status = ActivityStatus::Active;
        for k in 0..(2 + rng.below(3)) {
            let basis = LegalBasis::ALL[rng.below(LegalBasis::ALL.len())];
            let mut p = Purpose::new(format!("p{k}"), sentence(&mut rng, 10), Some(basis));
            if basis == LegalBasis::LegitimateInterests {
                p.legitimate_interest = Some(sentence(&mut rng, 12).into());
            }
            p.basis_as_stated = Some(sentence(&mut rng, 15));
            a.purposes.push(p);
        }
        for k in 0..2 {
            let s = format!("s{}", (i + k * 7) % 20);
            if !a.data_subjects.contains(&s) {
                a.data_subjects.push(s);
            }
        }
        for k in 0..5 {
            let mut d = ActivityData::new(format!("d{}", (i * 3 + k * 11) % 60));
            if k == 0 {
                d.retention = Some(Retention::Statutory {
                    rule: "RET_DE_10Y".into(),
                    note: None,
                });
            }
            a.data_categories.push(d);
        }
        a.retention = Some(Retention::Period {
            amount: 1 + rng.below(24) as u32,
            unit: PeriodUnit::Months,
            trigger: Some("after the end of the contract".into()),
            note: None,
        });
        for k in 0..3 {
            a.recipients.push(Recipient {
                party: format!("p{}", (i * 7 + k * 101) % PARTIES),
                role: [
                    RecipientRole::Processor,
                    RecipientRole::IndependentController,
                    RecipientRole::PublicAuthority,
                ][k],
                service: Some(format!("Service {k}").into()),
                location: None,
                note: None,
                retention: None,
                privacy_url: None,
            });
        }
        for k in 0..3 {
            let t = format!("t{}", (i + k * 13) % 30);
            if !a.toms.contains(&t) {
                a.toms.push(t);
            }
        }
        reg.activities.push(a);
        if i % 4 == 0 {
            let party = format!("p{}", (i * 7) % PARTIES);
            let country = countries[(i * 7) % PARTIES % countries.len()];
            if !ropa_core::reference::reference().is_eea(country) {
                let mut t = Transfer::new(format!("x{i}"), &format!("a{i}"), &party, country);
                t.mechanism = Some(TransferMechanism::Scc {
                    module: SccModule::ControllerToProcessor,
                    signed_on: None,
                });
                reg.transfers.push(t);
            }
        }
    }
    for i in 0..100 {
        let mut g = Agreement::new(format!("g{i}"), format!("p{}", i * 3));
        g.status = AgreementStatus::Signed;
        g.checklist = Art28Checklist::COMPLETE;
        reg.agreements.push(g);
    }
    reg
}

/// The same rows as the CSV activities table, joined in SQL.
const QUERY: &str = "
SELECT a.reference, a.name, a.description, a.department, a.status, a.role,
  (SELECT group_concat(p.description, char(10)) FROM purpose p WHERE p.activity_id = a.id),
  (SELECT group_concat(coalesce(p.legal_basis, 'not recorded'), char(10)) FROM purpose p WHERE p.activity_id = a.id),
  (SELECT group_concat(s.name, char(10)) FROM activity_subject x JOIN subject_category s ON s.id = x.subject_id WHERE x.activity_id = a.id),
  (SELECT group_concat(d.name, char(10)) FROM activity_data x JOIN data_category d ON d.id = x.category_id WHERE x.activity_id = a.id),
  (SELECT group_concat(pa.name || ' [' || pa.id || '] (' || r.role || ')', char(10)) FROM activity_recipient r JOIN party pa ON pa.id = r.party_id WHERE r.activity_id = a.id),
  (SELECT group_concat(coalesce(t.country, '') || ': ' || pa.name, char(10)) FROM transfer t JOIN party pa ON pa.id = t.party_id WHERE t.activity_id = a.id),
  (SELECT group_concat(coalesce(t.mechanism, 'not recorded'), char(10)) FROM transfer t WHERE t.activity_id = a.id),
  (SELECT group_concat(d.name || ': ' || coalesce(x.retention, a.retention, 'not recorded'), char(10)) FROM activity_data x JOIN data_category d ON d.id = x.category_id WHERE x.activity_id = a.id),
  (SELECT group_concat(m.name, char(10)) FROM activity_tom x JOIN tom m ON m.id = x.tom_id WHERE x.activity_id = a.id)
FROM activity a ORDER BY a.reference;";

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let t = Instant::now();
        last = Some(f());
        times.push(t.elapsed());
    }
    (median(times), last.expect("at least one run"))
}

fn tool(name: &str) -> bool {
    Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn soffice(csv: &Path, outdir: &Path, profile: &Path) -> bool {
    Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(outdir)
        .arg(csv)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn ms(d: Duration) -> String {
    format!("{:>9.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("bench.ropa");
    let t = Instant::now();
    let store = interchange::create_from(&file, &generate()).expect("generated register imports");
    println!(
        "register: {ACTIVITIES} activities, {PARTIES} parties, written to {} in {:.1} s",
        file.display(),
        t.elapsed().as_secs_f64()
    );
    let mut options = ExportOptions::new(RecordKind::Controller, Language::En);
    options.export_date = Date::parse("2026-11-23").expect("date");

    let (pdf_time, pdf_bytes) = time(3, || {
        let doc = RecordDocument::build(&store, &options).expect("document");
        let mut out = Vec::new();
        pdf::write(&doc, &mut out).expect("pdf");
        out
    });
    let pdf_path = dir.path().join("record.pdf");
    std::fs::write(&pdf_path, &pdf_bytes).expect("write pdf");
    let pages = Command::new("pdfinfo")
        .arg(&pdf_path)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_owned()))
        })
        .unwrap_or_else(|| "?".into());

    let csv_options = CsvOptions::default();
    let (csv_time, csv_bytes) = time(5, || {
        let doc = RecordDocument::build(&store, &options).expect("document");
        let mut out = Vec::new();
        csv::write(&doc, Table::Activities, &csv_options, &mut out).expect("csv");
        out
    });
    let csv_path = dir.path().join("record.csv");
    std::fs::write(&csv_path, &csv_bytes).expect("write csv");
    drop(store);

    println!();
    println!(
        "ropa PDF export   {}  ({} pages, {} KB)",
        ms(pdf_time),
        pages,
        pdf_bytes.len() / 1024
    );
    println!(
        "ropa CSV export   {}  ({} rows, {} KB)",
        ms(csv_time),
        ACTIVITIES,
        csv_bytes.len() / 1024
    );

    if tool("sqlite3") {
        let (sql_time, ok) = time(5, || {
            Command::new("sqlite3")
                .arg("-csv")
                .arg(&file)
                .arg(QUERY)
                .output()
                .is_ok_and(|o| o.status.success() && o.stdout.len() > 10_000)
        });
        assert!(ok, "sqlite3 query failed");
        println!("sqlite3 -csv      {}  (same joined rows)", ms(sql_time));
        println!(
            "  CSV export / sqlite3          = {:.2}x  (target: within 2x)",
            csv_time.as_secs_f64() / sql_time.as_secs_f64()
        );
    } else {
        println!("sqlite3 not found: skipped");
    }

    if tool("soffice") {
        let profile = dir.path().join("lo-profile");
        let warm = dir.path().join("warm.csv");
        std::fs::write(&warm, "a,b\r\n1,2\r\n").expect("write");
        soffice(&warm, dir.path(), &profile);
        let t = Instant::now();
        let ok = soffice(&csv_path, dir.path(), &profile);
        let lo_time = t.elapsed();
        assert!(ok, "LibreOffice conversion failed");
        println!(
            "soffice CSV→PDF   {}  (same table, warm profile)",
            ms(lo_time)
        );
        println!(
            "  LibreOffice / PDF export      = {:.1}x  (target: at least 10x)",
            lo_time.as_secs_f64() / pdf_time.as_secs_f64()
        );
    } else {
        println!("soffice not found (apt-get install libreoffice-calc): skipped");
    }
}
