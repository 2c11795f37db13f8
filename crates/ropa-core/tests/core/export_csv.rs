//! The CSV tables read back with an independent reader (Python's `csv` module, see
//! `tests/tools/csv_to_json.py`) and compared with the register they came from.

use crate::export_support::*;
use ropa_core::export::csv::{self, CsvOptions, Preset, Table};
use ropa_core::export::labels;
use ropa_core::export::{RecordDocument, RecordKind};
use ropa_core::interchange::Register;
use ropa_core::model::*;
use ropa_core::reference::reference;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Deserialize)]
struct Parsed {
    bom: bool,
    rows: Vec<Vec<String>>,
    canonical: bool,
}

fn tool() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/tools/csv_to_json.py")
}

/// Writes a table and reads it back with Python.
fn export_and_parse(
    doc: &RecordDocument,
    table: Table,
    options: &CsvOptions,
    dir: &Path,
) -> Parsed {
    let mut bytes = Vec::new();
    csv::write(doc, table, options, &mut bytes).unwrap();
    let path = write_file(dir, "table.csv", &bytes);
    let delimiter = (options.delimiter as char).to_string();
    let json = run(Command::new("python3")
        .arg(tool())
        .arg(&path)
        .arg(&delimiter));
    let parsed: Parsed = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.bom, options.bom, "byte-order mark");
    assert!(
        parsed.canonical,
        "not RFC 4180 with CRLF records and minimal quoting"
    );
    // Records end with CRLF; line breaks inside cells are LF inside quotes.
    assert!(bytes.ends_with(b"\r\n"));
    parsed
}

/// What a spreadsheet-safe cell looks like: formula-like text gets a leading apostrophe.
fn safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

fn basis_line(p: &Purpose, german: bool) -> String {
    match p.legal_basis {
        Some(b) => {
            let info = reference().art6(b);
            format!("{} – {}", info.citation(german), info.label(german))
        }
        None => labels::labels(if german { Language::De } else { Language::En })
            .not_recorded
            .to_owned(),
    }
}

fn sorted_activities(register: &Register) -> Vec<&Activity> {
    let mut v: Vec<&Activity> = register.activities.iter().collect();
    v.sort_by_key(|a| a.reference.to_lowercase());
    v
}

fn subject<'a>(register: &'a Register, id: &str) -> &'a LocalText {
    &register
        .subject_categories
        .iter()
        .find(|c| c.id == id)
        .unwrap()
        .name
}

fn data_name<'a>(register: &'a Register, id: &str, language: Language) -> &'a str {
    register
        .data_categories
        .iter()
        .find(|c| c.id == id)
        .unwrap()
        .name
        .show(language, register.organisation.language)
        .text
}

fn party<'a>(register: &'a Register, id: &str) -> &'a Party {
    register.parties.iter().find(|p| p.id == id).unwrap()
}

fn check_art30(name: &str, language: Language, delimiter: u8) {
    let (register, store) = fixture_store(name);
    let doc = document(&store, RecordKind::Controller, language);
    let l = doc.labels();
    let german = language == Language::De;
    let dir = tempfile::tempdir().unwrap();
    let options = CsvOptions {
        delimiter,
        ..CsvOptions::default()
    };
    let parsed = export_and_parse(&doc, Table::Activities, &options, dir.path());
    let rows = parsed.rows;
    assert_eq!(rows.len(), register.activities.len() + 1);
    let header = &rows[0];
    assert_eq!(header.len(), 16);
    assert_eq!(header[0], l.reference);
    assert!(header[7].contains(&l.art30_citation(RecordKind::Controller, 1)));
    assert!(header[15].contains(&l.art30_citation(RecordKind::Controller, 6)));
    for (a, row) in sorted_activities(&register).into_iter().zip(&rows[1..]) {
        assert_eq!(row.len(), header.len(), "{}: ragged row", a.reference);
        let what = |col: usize| format!("{} column `{}`", a.reference, header[col]);
        assert_eq!(row[0], safe(&a.reference), "{}", what(0));
        // A register text exists only in the organisation's language: in a document of the
        // other language it carries the mark.
        let mark = match (language == register.organisation.language, german) {
            (true, _) => "",
            (false, true) => " (nicht übersetzt)",
            (false, false) => " (not translated)",
        };
        let marked = |t: &LocalText| {
            let shown = t.show(language, register.organisation.language);
            if shown.translated {
                shown.text.to_owned()
            } else {
                format!("{}{mark}", shown.text)
            }
        };
        // A legal entity's name is the same in every language; a category's is translated.
        let party_name = |p: &Party| {
            if p.is_entity() {
                p.name.best(language).to_owned()
            } else {
                marked(&p.name)
            }
        };
        assert_eq!(row[1], safe(&marked(&a.name)), "{}", what(1));
        assert_eq!(
            row[2],
            safe(&a.description.as_ref().map(marked).unwrap_or_default()),
            "{}",
            what(2)
        );
        let purposes: Vec<String> = a.purposes.iter().map(|p| marked(&p.description)).collect();
        if !purposes.is_empty() {
            assert_eq!(row[7], safe(&purposes.join("\n")), "{}", what(7));
            let bases: Vec<String> = a.purposes.iter().map(|p| basis_line(p, german)).collect();
            assert_eq!(row[8], safe(&bases.join("\n")), "{}", what(8));
        } else {
            assert_eq!(row[7], l.not_recorded);
        }
        let subjects: Vec<String> = a
            .data_subjects
            .iter()
            .map(|s| marked(subject(&register, s)))
            .collect();
        if !subjects.is_empty() {
            assert_eq!(row[9], safe(&subjects.join("\n")), "{}", what(9));
        }
        let data: Vec<&str> = row[10].lines().collect();
        assert_eq!(data.len(), a.data_categories.len().max(1), "{}", what(10));
        for (x, line) in a.data_categories.iter().zip(&data) {
            assert!(
                line.starts_with(data_name(&register, &x.category, language)),
                "{}",
                what(10)
            );
        }
        for r in &a.recipients {
            let p = party(&register, &r.party);
            assert!(
                row[11].contains(&format!(
                    "{} [{}] ({})",
                    party_name(p),
                    p.id,
                    labels::recipient_role(r.role, language)
                )),
                "{}",
                what(11)
            );
        }
        let transfers: Vec<&Transfer> = register
            .transfers
            .iter()
            .filter(|t| t.activity.as_deref() == Some(&a.id))
            .collect();
        if transfers.is_empty() {
            assert_eq!(row[12], l.no_transfers, "{}", what(12));
        } else {
            assert_eq!(row[12].lines().count(), transfers.len(), "{}", what(12));
            assert_eq!(row[13].lines().count(), transfers.len(), "{}", what(13));
            for t in transfers {
                assert!(
                    row[12].contains(&party_name(party(&register, &t.party))),
                    "{}",
                    what(12)
                );
                if let Some(c) = &t.country {
                    let country = reference().country(c).unwrap().name(german);
                    assert!(row[12].contains(country), "{}", what(12));
                }
            }
        }
        // Erasure: one line per data category, each with the rule that applies to it.
        let retention: Vec<&str> = row[14].lines().collect();
        if !a.data_categories.is_empty() {
            assert_eq!(retention.len(), a.data_categories.len(), "{}", what(14));
            for (x, line) in a.data_categories.iter().zip(&retention) {
                assert!(
                    line.starts_with(data_name(&register, &x.category, language)),
                    "{}",
                    what(14)
                );
                match x.retention.as_ref().or(a.retention.as_ref()) {
                    None => assert!(line.ends_with(l.not_recorded), "{}", what(14)),
                    Some(Retention::Criteria { text }) => {
                        assert!(line.ends_with(&marked(text)), "{}", what(14))
                    }
                    Some(Retention::Period {
                        amount, unit, note, ..
                    }) => {
                        assert!(
                            line.contains(&crate::period_words(*amount, *unit, language)),
                            "{}",
                            what(14)
                        );
                        if let Some(n) = note {
                            assert!(line.ends_with(&marked(n)), "{}", what(14));
                        }
                    }
                    Some(Retention::Statutory { rule, .. }) => {
                        let r = reference().retention_rule(rule).unwrap();
                        assert!(line.contains(r.citation(german)), "{}", what(14));
                    }
                    Some(Retention::Unlimited { .. }) => assert!(
                        line.contains(if german {
                            "zeitlich unbegrenzt"
                        } else {
                            "not limited in time"
                        }),
                        "{}",
                        what(14)
                    ),
                }
            }
        }
        for t in &a.toms {
            let tom = register.toms.iter().find(|m| &m.id == t).unwrap();
            assert!(
                row[15].contains(tom.name.show(language, register.organisation.language).text),
                "{}",
                what(15)
            );
        }
        if a.toms.is_empty() {
            assert_eq!(row[15], l.not_recorded, "{}", what(15));
        }
    }
}

#[test]
fn art30_table_matches_the_register() {
    check_art30("ntware.json", Language::En, b',');
    check_art30("otrs.json", Language::En, b';');
    check_art30("ntware.json", Language::De, b';');
    check_art30("otrs.json", Language::De, b',');
}

/// A field with the delimiter, quotes, line breaks and a leading `=` (and the other formula
/// starters) comes back exactly, neutralised by a leading apostrophe, with both delimiters and
/// with or without BOM.
#[test]
fn tricky_fields_round_trip() {
    let tricky_name = "=HYPERLINK(\"http://example.com/?a=1;b=2\";\"Klick, hier\")\nzweite Zeile; mit \"Anführungszeichen\", Komma";
    let tricky_purpose = "@SUM(1;2) – Zweck \"quoted\"";
    let tricky_department = "-Vertrieb; Süd";
    let tricky_description = "+49 30 123456\r\nzweite Zeile";
    let tab = "\tTabulator";
    let mut org = Organisation::new("Ärger & Ähnliches GmbH");
    org.country = Some("DE".into());
    let mut reg = Register::new(org);
    reg.data_categories
        .push(DataCategory::new("n", "Name; Vorname \"Rufname\""));
    reg.subject_categories.push(SubjectCategory::new("s", tab));
    let same =
        |t: &str| LocalText::of([(Language::En, t.to_owned()), (Language::De, t.to_owned())]);
    reg.data_categories[0].name = same("Name; Vorname \"Rufname\"");
    reg.subject_categories[0].name = same(tab);
    // The same words in both languages: this test is about the cells, not translations.
    let both =
        |t: &str| LocalText::of([(Language::En, t.to_owned()), (Language::De, t.to_owned())]);
    let mut a = Activity::new("x", "=X-1", both(tricky_name));
    a.department = Some(both(tricky_department));
    a.description = Some(both(tricky_description));
    let mut p = Purpose::new("p", "", None);
    p.description = both(tricky_purpose);
    a.purposes.push(p);
    a.data_subjects.push("s".into());
    a.data_categories.push(ActivityData::new("n"));
    a.retention = Some(Retention::Criteria {
        text: both("bis zum Widerruf; danach 30 Tage"),
    });
    a.no_recipients = true;
    reg.activities.push(a);
    let store = store_of(&reg);
    let dir = tempfile::tempdir().unwrap();
    for language in [Language::En, Language::De] {
        let doc = document(&store, RecordKind::Controller, language);
        for delimiter in [b',', b';'] {
            for bom in [true, false] {
                let options = CsvOptions {
                    preset: Preset::Art30,
                    delimiter,
                    bom,
                };
                let rows = export_and_parse(&doc, Table::Activities, &options, dir.path()).rows;
                assert_eq!(rows.len(), 2);
                let row = &rows[1];
                assert_eq!(row[0], "'=X-1");
                assert_eq!(row[1], format!("'{tricky_name}"));
                assert_eq!(row[2], format!("'{tricky_description}"));
                assert_eq!(row[3], format!("'{tricky_department}"));
                assert_eq!(row[7], format!("'{tricky_purpose}"));
                assert_eq!(row[9], format!("'{tab}"));
                assert_eq!(row[10], "Name; Vorname \"Rufname\"");
                assert_eq!(
                    row[14],
                    "Name; Vorname \"Rufname\": bis zum Widerruf; danach 30 Tage"
                );
                assert_eq!(row[11], doc.labels().no_recipients);
                // Nothing a spreadsheet would evaluate is left.
                for cell in row {
                    assert!(!csv::is_formula_like(cell), "unsafe cell {cell:?}");
                }
            }
        }
    }
    let doc = document(&store, RecordKind::Controller, Language::En);
    let bad = CsvOptions {
        delimiter: b'\t',
        ..CsvOptions::default()
    };
    assert!(csv::write(&doc, Table::Activities, &bad, &mut Vec::new()).is_err());
}

/// The ICO and CNIL presets have the templates' columns; every activity is a row.
#[test]
fn ico_and_cnil_presets() {
    let (register, store) = fixture_store("ntware.json");
    let doc = document(&store, RecordKind::Controller, Language::En);
    let dir = tempfile::tempdir().unwrap();
    let ico = export_and_parse(
        &doc,
        Table::Activities,
        &CsvOptions {
            preset: Preset::Ico,
            ..CsvOptions::default()
        },
        dir.path(),
    )
    .rows;
    assert_eq!(ico[0].len(), 30);
    assert_eq!(ico[0][0], "Business function");
    assert_eq!(ico[0][11], "Article 6 lawful basis");
    assert_eq!(ico[0][29], "Reasons for not following the policy");
    assert_eq!(ico.len(), register.activities.len() + 1);
    for (a, row) in sorted_activities(&register).into_iter().zip(&ico[1..]) {
        assert_eq!(row.len(), 30);
        let mut purpose = vec![format!("{} {}", a.reference, a.name.best(Language::En))];
        purpose.extend(
            a.purposes
                .iter()
                .map(|p| p.description.primary(Language::En).to_owned()),
        );
        assert_eq!(row[1], safe(&purpose.join("\n")));
        if !a.purposes.is_empty() {
            let bases: Vec<String> = a.purposes.iter().map(|p| basis_line(p, false)).collect();
            assert_eq!(row[11], bases.join("\n"));
        }
        let interests: Vec<&str> = a
            .purposes
            .iter()
            .filter_map(|p| {
                p.legitimate_interest
                    .as_ref()
                    .map(|t| t.primary(Language::En))
            })
            .collect();
        assert_eq!(row[13], safe(&interests.join("\n")));
    }

    let doc_de = document(&store, RecordKind::Controller, Language::De);
    let cnil = export_and_parse(
        &doc_de,
        Table::Activities,
        &CsvOptions {
            preset: Preset::Cnil,
            delimiter: b';',
            bom: true,
        },
        dir.path(),
    )
    .rows;
    assert_eq!(cnil[0][1], "Nom du traitement");
    assert_eq!(cnil[0][6], "Finalité(s) du traitement");
    assert_eq!(cnil[0][17], "Mesures de sécurité");
    for (a, row) in sorted_activities(&register).into_iter().zip(&cnil[1..]) {
        assert_eq!(row[0], safe(&a.reference));
        assert_eq!(row[1], safe(a.name.best(Language::De)));
        let has_transfer = register
            .transfers
            .iter()
            .any(|t| t.activity.as_deref() == Some(&a.id));
        assert_eq!(row[15], if has_transfer { "ja" } else { "nein" });
    }
}

/// The annex tables: transfers, processors with their agreements, joint arrangements.
#[test]
fn annex_tables() {
    let (register, store) = fixture_store("ntware.json");
    let doc = document(&store, RecordKind::Controller, Language::En);
    let dir = tempfile::tempdir().unwrap();
    let options = CsvOptions::default();

    let transfers = export_and_parse(&doc, Table::Transfers, &options, dir.path()).rows;
    assert_eq!(transfers.len(), register.transfers.len() + 1);
    for t in &register.transfers {
        let p = party(&register, &t.party);
        let activity = register
            .activities
            .iter()
            .find(|a| Some(&a.id) == t.activity.as_ref())
            .unwrap();
        assert!(
            transfers[1..].iter().any(|r| r[0] == activity.reference
                && r[2] == format!("{} [{}]", p.name.best(Language::En), p.id)
                && r[3] == t.country.clone().unwrap_or_default()
                && r[9] == safe(t.as_stated.as_deref().unwrap_or(""))),
            "transfer {} missing",
            t.id
        );
    }

    let processors = export_and_parse(&doc, Table::Processors, &options, dir.path()).rows;
    for g in &register.agreements {
        let p = party(&register, &g.party);
        let row = processors[1..]
            .iter()
            .find(|r| r[8] == g.id)
            .unwrap_or_else(|| panic!("agreement {} missing", g.id));
        assert_eq!(row[0], p.id);
        assert_eq!(row[1], p.name.best(Language::En));
        assert_eq!(row[2], p.address.clone().unwrap_or_default());
    }

    let joint = export_and_parse(&doc, Table::Joint, &options, dir.path()).rows;
    assert_eq!(joint.len(), register.joint_arrangements.len() + 1);
    for (j, row) in register.joint_arrangements.iter().zip(&joint[1..]) {
        assert_eq!(row[0], j.id);
        assert_eq!(row[1], j.title.best(Language::En));
        for p in &j.parties {
            assert!(row[2].contains(party(&register, p).name.best(Language::En)));
        }
        assert!(row[9].contains(j.essence_url.as_deref().unwrap()));
    }
}

/// The processor record as a table; the controller templates refuse it.
#[test]
fn processor_record_table() {
    let mut org = Organisation::new("Rechenzentrum Süd GmbH");
    org.language = Language::De;
    org.is_processor = true;
    let mut reg = Register::new(org);
    let mut c = Party::new("kunde", "Kanzlei Weiß & Partner");
    c.address = Some("Marktplatz 1, 80331 München".into());
    reg.parties.push(c);
    let mut s = ProcessorService::new("backup", "kunde", "Datensicherung");
    s.processing_categories = vec!["Speicherung".into(), "Wiederherstellung".into()];
    reg.processor_services.push(s);
    let store = store_of(&reg);
    let doc = document(&store, RecordKind::Processor, Language::De);
    let dir = tempfile::tempdir().unwrap();
    let rows = export_and_parse(&doc, Table::Activities, &CsvOptions::default(), dir.path()).rows;
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][0], "backup");
    assert_eq!(rows[1][1], "Datensicherung");
    assert!(rows[1][3].starts_with("Rechenzentrum Süd GmbH"));
    assert!(rows[1][4].starts_with("Kanzlei Weiß & Partner [kunde]"));
    assert!(rows[1][4].contains("Marktplatz 1, 80331 München"));
    assert_eq!(rows[1][8], "Speicherung\nWiederherstellung");
    let ico = CsvOptions {
        preset: Preset::Ico,
        ..CsvOptions::default()
    };
    assert!(csv::write(&doc, Table::Activities, &ico, &mut Vec::new()).is_err());
}

#[test]
fn the_processors_annex_says_in_which_roles_the_register_records_a_party() {
    // OTRS records HubSpot as processor in one activity, as independent controller and with
    // no role in others: the annex must not present it as a processor everywhere.
    let (register, store) = fixture_store("otrs.json");
    let dir = tempfile::tempdir().unwrap();
    for (lang, as_processor, other) in [
        (
            Language::En,
            "As processor in",
            "Other roles in the register",
        ),
        (
            Language::De,
            "Als Auftragsverarbeiter in",
            "Andere Rollen im Verzeichnis",
        ),
    ] {
        let doc = document(&store, RecordKind::Controller, lang);
        let rows =
            export_and_parse(&doc, Table::Processors, &CsvOptions::default(), dir.path()).rows;
        let col = |name: &str| {
            rows[0]
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let (p, o) = (col(as_processor), col(other));
        let hubspot = rows
            .iter()
            .find(|r| r[0] == "hubspot")
            .expect("hubspot is listed");
        let role_of = |activity: &str| -> Vec<RecipientRole> {
            let a = register
                .activities
                .iter()
                .find(|a| a.reference == activity)
                .unwrap();
            a.recipients
                .iter()
                .filter(|r| r.party == "hubspot")
                .map(|r| r.role)
                .collect()
        };
        for reference in hubspot[p].split(", ") {
            assert!(
                role_of(reference).contains(&RecipientRole::Processor),
                "{reference}"
            );
        }
        let stated = match lang {
            Language::En => "role not stated: OTRS-12",
            Language::De => "Rolle nicht angegeben: OTRS-12",
        };
        assert!(hubspot[o].contains(stated), "{lang:?}: {}", hubspot[o]);
        assert!(role_of("OTRS-12").contains(&RecipientRole::Unspecified));
        // A party that is a processor wherever it appears has no other roles.
        let wingify = rows.iter().find(|r| r[0] == "wingify").unwrap();
        assert_eq!(wingify[o], "");
    }
}
