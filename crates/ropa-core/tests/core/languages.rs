//! Texts in several languages: each document uses the text of its language; a text the register
//! holds only in another language is marked (record), marked and listed as a gap (draft notice),
//! refused (final notice) and reported (checks). Plain texts of older files read as before.

use crate::export_support::*;
use crate::fixture;
use ropa_core::checks::{self, CheckOptions};
use ropa_core::export::{RecordKind, pdf};
use ropa_core::interchange::Register;
use ropa_core::model::*;
use ropa_core::notice::{self, Mode, NoticeError, NoticeOptions};

fn both(en: &str, de: &str) -> LocalText {
    LocalText::of([(Language::En, en.to_owned()), (Language::De, de.to_owned())])
}

/// The clean fixture (German primary) with the newsletter's texts in both languages, one
/// purpose left German only when `gap` is set; documents in English and German.
fn bilingual(gap: bool) -> Register {
    let mut reg = fixture("clean.json");
    reg.organisation.languages = vec![Language::En];
    let a = reg
        .activities
        .iter_mut()
        .find(|a| a.id == "newsletter")
        .unwrap();
    a.description = Some(both(
        "We send our monthly newsletter to subscribers.",
        "Wir senden Abonnenten unseren monatlichen Newsletter.",
    ));
    let mut second = a.purposes[0].clone();
    second.id = "archiv".into();
    a.purposes.push(second);
    for p in &mut a.purposes {
        p.description = both("Sending the monthly issue", "Versand der Monatsausgabe");
        p.consent = Some(Consent {
            obtained: Some(both("double opt-in", "Double-Opt-in")),
            withdrawal: Some(both(
                "the unsubscribe link in every issue",
                "der Abmeldelink in jeder Ausgabe",
            )),
            implied: false,
        });
    }
    a.collection = Some(both(
        "On the website's form",
        "Über das Formular der Website",
    ));
    if let Some(p) = a.provision.as_mut() {
        p.consequences = Some(both(
            "No newsletter can be sent.",
            "Ohne sie kann kein Newsletter versandt werden.",
        ));
    }
    for r in &mut a.recipients {
        r.service = Some(both("Mailing service", "Versanddienst"));
        r.location = Some(both("Data centres in the US", "Rechenzentren in den USA"));
    }
    a.name = both("Newsletter", "Newsletter");
    a.department = Some(both("Marketing", "Marketing"));
    a.dpia.note = Some(both(
        "No special categories, no profiling beyond open rates",
        "Keine besonderen Kategorien, kein Profiling über Öffnungsraten hinaus",
    ));
    for d in &mut a.data_categories {
        d.retention = Some(match d.category.as_str() {
            "email" => Retention::Criteria {
                text: both(
                    "Until unsubscribing; then on a block list as a hash only",
                    "Bis zur Abmeldung vom Newsletter; danach Aufnahme in eine Sperrliste nur mit Hash-Wert",
                ),
            },
            _ => Retention::Period {
                amount: 3,
                unit: PeriodUnit::Years,
                trigger: Some(both(
                    "after the end of the calendar year of unsubscribing",
                    "nach Ende des Kalenderjahres der Abmeldung",
                )),
                note: None,
            },
        });
    }
    if gap {
        a.purposes[0].description = LocalText::from("Versand der Monatsausgabe");
    }
    let (subjects, categories) = (a.data_subjects.clone(), a.data_categories.clone());
    for c in reg
        .subject_categories
        .iter_mut()
        .filter(|c| subjects.contains(&c.id))
    {
        c.name = both("Subscribers", "Abonnenten");
    }
    for c in reg
        .data_categories
        .iter_mut()
        .filter(|c| categories.iter().any(|d| d.category == c.id))
    {
        c.name = both(&format!("Data {}", c.id), &format!("Daten {}", c.id));
    }
    reg
}

/// Text with its line breaks and runs of spaces made single spaces (a PDF wraps lines).
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn notice_text(reg: &Register, language: Language, mode: Mode) -> Result<String, NoticeError> {
    let opts = NoticeOptions {
        language,
        mode,
        activities: vec!["newsletter".into()],
        version_date: Date::parse("2026-03-01"),
    };
    notice::build(reg, &opts).map(|n| notice::markdown::render(&n))
}

#[test]
fn each_document_uses_the_text_of_its_language() {
    let reg = bilingual(false);
    let de = notice_text(&reg, Language::De, Mode::Draft).unwrap();
    assert!(
        de.contains("Wir senden Abonnenten unseren monatlichen Newsletter."),
        "{de}"
    );
    assert!(de.contains("Versand der Monatsausgabe"), "{de}");
    assert!(!de.contains("We send our monthly newsletter"), "{de}");
    let en = notice_text(&reg, Language::En, Mode::Draft).unwrap();
    assert!(
        en.contains("We send our monthly newsletter to subscribers."),
        "{en}"
    );
    assert!(en.contains("Sending the monthly issue"), "{en}");
    assert!(!en.contains("Versand der Monatsausgabe"), "{en}");
    assert!(!en.contains("NOT TRANSLATED"), "{en}");

    // The record, as PDF text and as CSV.
    let store = store_of(&reg);
    let dir = tempfile::tempdir().unwrap();
    for (lang, wanted, foreign) in [
        (
            Language::En,
            "Sending the monthly issue",
            "Versand der Monatsausgabe",
        ),
        (
            Language::De,
            "Versand der Monatsausgabe",
            "Sending the monthly issue",
        ),
    ] {
        let doc = document(&store, RecordKind::Controller, lang);
        let path = write_file(dir.path(), "record.pdf", &pdf::to_bytes(&doc).unwrap());
        let text = words(&pdftotext_pages(&path).join(" "));
        assert!(text.contains(wanted), "{lang:?}");
        assert!(!text.contains(foreign), "{lang:?}");
        let sheet = activities_csv(&doc);
        assert!(
            sheet.contains(wanted) && !sheet.contains(foreign),
            "{lang:?}"
        );
    }
}

#[test]
fn a_text_missing_in_the_documents_language_is_marked_listed_refused_and_reported() {
    let reg = bilingual(true);
    // Draft: the German text is shown, marked, and counted among the gaps.
    let en = notice_text(&reg, Language::En, Mode::Draft).unwrap();
    assert!(
        en.contains("NOT TRANSLATED: Versand der Monatsausgabe"),
        "{en}"
    );
    let n = notice::build(
        &reg,
        &NoticeOptions {
            language: Language::En,
            mode: Mode::Draft,
            activities: vec!["newsletter".into()],
            version_date: None,
        },
    )
    .unwrap();
    let gap = n
        .warnings
        .iter()
        .find(|g| g.fact == "untranslated" && g.message_en.contains("Monatsausgabe"))
        .expect("the missing translation is a gap");
    assert_eq!(
        gap.message_en,
        "the English text of “Versand der Monatsausgabe”"
    );
    assert_eq!(
        gap.message_de,
        "der Text in der Sprache Englisch zu „Versand der Monatsausgabe“"
    );
    // Final: refused.
    match notice_text(&reg, Language::En, Mode::Final) {
        Err(NoticeError::Incomplete { gaps, .. }) => {
            assert!(gaps.iter().any(|g| g.fact == "untranslated"))
        }
        other => panic!("the final notice must be refused: {other:?}"),
    }
    // The German notice is complete in German.
    assert!(
        !notice_text(&reg, Language::De, Mode::Draft)
            .unwrap()
            .contains("ÜBERSETZT")
    );

    // The record prints the German text with the mark.
    let store = store_of(&reg);
    let doc = document(&store, RecordKind::Controller, Language::En);
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "record.pdf", &pdf::to_bytes(&doc).unwrap());
    let text = words(&pdftotext_pages(&path).join(" "));
    assert!(
        text.contains("Versand der Monatsausgabe (not translated)"),
        "{text}"
    );

    // The checks: one note for the activity, naming the field.
    let findings = checks::check(&reg, &CheckOptions::on(Date::parse("2026-03-01").unwrap()));
    let notes: Vec<_> = findings
        .iter()
        .filter(|f| f.code == "TEXT_NOT_TRANSLATED" && f.target.id == "newsletter")
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].message_en.contains("purposes[0].description"));
    assert!(!notes[0].message_en.contains("purposes[1]"));
    assert_eq!(notes[0].severity, checks::Severity::Info);
}

#[test]
fn texts_by_language_survive_the_register_file_and_plain_texts_stay_plain() {
    let reg = bilingual(true);
    let store = store_of(&reg);
    let a: Activity = store.lookup("newsletter").unwrap();
    assert_eq!(
        a.purposes[1].description,
        both("Sending the monthly issue", "Versand der Monatsausgabe")
    );
    assert_eq!(
        a.purposes[0].description,
        LocalText::from("Versand der Monatsausgabe")
    );
    // What sqlite3 shows: the plain text as typed, the texts by language as JSON.
    let stored: Vec<String> = store
        .connection()
        .prepare(
            "SELECT description FROM purpose WHERE activity_id = 'newsletter' ORDER BY position",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(stored[0], "Versand der Monatsausgabe");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stored[1]).unwrap(),
        serde_json::json!({"en": "Sending the monthly issue", "de": "Versand der Monatsausgabe"})
    );
    // The interchange format writes them the same way.
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(
        json["purposes"][0]["description"],
        "Versand der Monatsausgabe"
    );
    assert_eq!(
        json["purposes"][1]["description"]["de"],
        "Versand der Monatsausgabe"
    );
}

#[test]
fn a_plain_text_written_like_texts_by_language_is_refused() {
    let mut store = store_of(&fixture("clean.json"));
    let mut a: Activity = store.lookup("newsletter").unwrap();
    a.description = Some(LocalText::from(r#"{"de": "Versand"}"#));
    let err = store.update(a).unwrap_err();
    let problem = err.field_problem().expect("names the field");
    assert_eq!(problem.field, "description");
}

#[test]
fn setting_a_language_keeps_the_others_and_a_primary_only_text_is_plain() {
    let mut t = LocalText::from("Sending");
    t.set(Language::De, "Versand", Language::En);
    assert_eq!(t, both("Sending", "Versand"));
    assert_eq!(t.get(Language::De, Language::En), Some("Versand"));
    t.set(Language::De, "", Language::En);
    assert_eq!(t, LocalText::from("Sending"));
    // A plain text is the primary language's: absent in the other.
    assert_eq!(t.get(Language::De, Language::En), None);
    let shown = t.show(Language::De, Language::En);
    assert_eq!((shown.text, shown.translated), ("Sending", false));
    assert_eq!(
        t.missing(&[Language::En, Language::De], Language::En),
        vec![Language::De]
    );
}

/// English function words per 1,000 words of `text` (letters-only tokens). Words German has too
/// ("in", "an", the "a" of "lit. a") are left out.
fn english_rate(text: &str) -> (f64, Vec<(String, usize)>) {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "and", "of", "we", "data", "to", "is", "are", "for", "with", "you", "your", "this",
        "that", "on", "by", "be", "or", "as", "our", "which", "will", "it", "not", "from", "at",
    ];
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut found: std::collections::BTreeMap<String, usize> = Default::default();
    for w in words
        .iter()
        .filter(|w| FUNCTION_WORDS.contains(&w.as_str()))
    {
        *found.entry(w.clone()).or_default() += 1;
    }
    let english: usize = found.values().sum();
    let mut top: Vec<(String, usize)> = found.into_iter().collect();
    top.sort_by_key(|t| std::cmp::Reverse(t.1));
    (1000.0 * english as f64 / words.len().max(1) as f64, top)
}

/// `text` without what stays English by design: the source's own words the register keeps
/// verbatim (the legal basis and transfers as stated), names of legal entities and official
/// names of instruments.
fn without_names_and_quotes(text: &str, reg: &Register) -> String {
    let mut out = words(text);
    let mut names: Vec<String> = vec![reg.organisation.legal_name.clone()];
    names.extend(
        reg.parties
            .iter()
            .filter(|p| p.is_entity())
            .map(|p| p.name.best(Language::En).to_owned()),
    );
    let mut quotes: Vec<String> = Vec::new();
    for a in &reg.activities {
        for p in &a.purposes {
            quotes.extend(p.basis_as_stated.clone());
            quotes.extend(p.national_law.iter().filter_map(|n| n.as_stated.clone()));
        }
    }
    quotes.extend(reg.transfers.iter().filter_map(|t| t.as_stated.clone()));
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for n in quotes.iter().chain(&names) {
        out = out.replace(&words(n), " ");
    }
    out.replace("Data Privacy Framework", " ")
}

/// The German documents of the two seed registers, whose texts are written in both languages,
/// hold no English text: the notice in every format, the Art. 30 record as PDF (read with
/// pdftotext) and as CSV. No text is marked as not translated, every German text of an activity
/// appears in its notice section or in the record, and English function words (the register's
/// verbatim quotes and names of legal entities aside) stay under 10 per 1,000 words. Before texts
/// had languages the German notices had 199 (NT-ware) and 230 (OTRS) per 1,000 words.
#[test]
fn the_german_documents_of_the_seed_registers_are_german() {
    for name in ["ntware.json", "otrs.json"] {
        let reg = fixture(name);
        assert!(reg.organisation.languages.contains(&Language::De), "{name}");
        let opts = NoticeOptions {
            language: Language::De,
            mode: Mode::Draft,
            activities: Vec::new(),
            version_date: Date::parse("2026-03-01"),
        };
        let n = notice::build(&reg, &opts).unwrap();
        assert!(
            !n.warnings.iter().any(|g| g.fact == "untranslated"),
            "{name}: a text lacks its German"
        );
        let dir = tempfile::tempdir().unwrap();
        let notice_pdf = write_file(
            dir.path(),
            "notice.pdf",
            &notice::pdf::to_bytes(&n).unwrap(),
        );
        let store = store_of(&reg);
        let doc = document(&store, RecordKind::Controller, Language::De);
        let record_pdf = write_file(dir.path(), "record.pdf", &pdf::to_bytes(&doc).unwrap());
        let sheet = activities_csv(&doc);
        let mut cells = Vec::new();
        for row in ::csv::Reader::from_reader(sheet.as_bytes()).records() {
            cells.extend(row.unwrap().iter().map(str::to_owned));
        }
        let outputs = [
            ("notice (Markdown)", notice::markdown::render(&n)),
            ("notice (HTML)", notice::html::render(&n)),
            ("notice (CSV)", notice::csv::render(&n)),
            ("notice (PDF)", pdftotext_pages(&notice_pdf).join("\n")),
            ("record (PDF)", pdftotext_pages(&record_pdf).join("\n")),
            ("record (CSV)", cells.join("\n")),
        ];
        for (what, text) in &outputs {
            assert!(
                !text.contains("NICHT ÜBERSETZT") && !text.contains("nicht übersetzt"),
                "{name} {what}: a text is marked as not translated"
            );
            let (rate, top) = english_rate(&without_names_and_quotes(text, &reg));
            eprintln!("{name} {what}: {rate:.1} English function words per 1,000 {top:?}");
            assert!(
                rate < 10.0,
                "{name} {what}: {rate:.1} English function words per 1,000 ({top:?})"
            );
        }
        // Every German text of an activity reaches the notice or the record.
        let plain = words(&format!("{}\n{}", outputs[0].1, outputs[4].1));
        for a in reg.activities.iter().filter(|a| a.is_live()) {
            for (path, t) in a.local_texts() {
                let de = t
                    .get(Language::De, reg.organisation.language)
                    .unwrap_or_else(|| panic!("{name} {} {path}: no German text", a.reference));
                let first = de.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
                assert!(
                    plain.contains(&first),
                    "{name} {} {path}: „{first}“ in neither the German notice nor the record",
                    a.reference
                );
            }
        }
    }
}

/// The register as a file written before texts had languages holds it: every text by language
/// replaced by its English words, no further document language.
fn english_only(reg: &Register) -> Register {
    fn flatten(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                let is_text = !map.is_empty()
                    && map
                        .iter()
                        .all(|(k, x)| Language::from_code(k).is_some() && x.is_string());
                if is_text {
                    *v = map.get("en").cloned().unwrap_or_default();
                } else {
                    map.values_mut().for_each(flatten);
                }
            }
            serde_json::Value::Array(list) => list.iter_mut().for_each(flatten),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(reg).unwrap();
    flatten(&mut v);
    let mut plain: Register = serde_json::from_value(v).unwrap();
    plain.organisation.languages.clear();
    plain
}

/// Adding German texts changes nothing in the English documents: the English notice (Markdown,
/// HTML, CSV) and the English Art. 30 record (CSV, PDF text) of each bilingual seed register are
/// byte for byte those of the same register with English texts only, as files of version 2 hold
/// them.
#[test]
fn german_texts_leave_the_english_documents_as_they_were() {
    for name in ["ntware.json", "otrs.json"] {
        let bilingual = fixture(name);
        let plain = english_only(&bilingual);
        let outputs = |reg: &Register| {
            let n = notice::build(
                reg,
                &NoticeOptions {
                    language: Language::En,
                    mode: Mode::Draft,
                    activities: Vec::new(),
                    version_date: Date::parse("2026-03-01"),
                },
            )
            .unwrap();
            let store = store_of(reg);
            let doc = document(&store, RecordKind::Controller, Language::En);
            let sheet = activities_csv(&doc);
            let dir = tempfile::tempdir().unwrap();
            let path = write_file(dir.path(), "record.pdf", &pdf::to_bytes(&doc).unwrap());
            // The digest and the register's id differ (the content does): everything else not.
            let pdf_text: Vec<String> = pdftotext_pages(&path)
                .join("\n")
                .lines()
                .filter(|l| !l.contains("SHA-256") && !l.starts_with("Register "))
                .map(str::to_owned)
                .collect();
            (
                notice::markdown::render(&n),
                notice::html::render(&n),
                notice::csv::render(&n),
                sheet,
                pdf_text,
            )
        };
        let (a, b) = (outputs(&bilingual), outputs(&plain));
        assert_eq!(a.0, b.0, "{name}: English notice (Markdown)");
        assert_eq!(a.1, b.1, "{name}: English notice (HTML)");
        assert_eq!(a.2, b.2, "{name}: English notice (CSV)");
        assert_eq!(a.3, b.3, "{name}: English record (CSV)");
        let differ = a.4.iter().zip(&b.4).find(|(x, y)| x != y);
        assert!(
            differ.is_none() && a.4.len() == b.4.len(),
            "{name}: English record (PDF text): {differ:?}"
        );
        assert!(!a.0.contains("NOT TRANSLATED"), "{name}");
    }
}
