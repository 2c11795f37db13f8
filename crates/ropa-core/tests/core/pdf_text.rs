//! Text the PDFs must draw faithfully or refuse: overlong words, scripts the embedded font does
//! not cover, right-to-left scripts. Checked with the real readers (qpdf, pdftotext -bbox).

use crate::export_support::*;
use ropa_core::Error;
use ropa_core::checks::{self, CheckOptions};
use ropa_core::export::{RecordKind, pdf};
use ropa_core::model::*;
use ropa_core::notice::{self, Mode, NoticeOptions};

fn notice_of(store: &ropa_core::Store) -> notice::Notice {
    let options = NoticeOptions {
        language: Language::En,
        mode: Mode::Draft,
        activities: Vec::new(),
        version_date: Date::parse("2026-03-01"),
    };
    notice::build_from_store(store, &options).unwrap()
}

fn first_activity(store: &ropa_core::Store) -> Activity {
    store.list::<Activity>().unwrap().remove(0)
}

#[test]
fn an_overlong_word_is_broken_inside_the_margins_and_nothing_is_lost() {
    let (_, mut store) = fixture_store("clean.json");
    let word = "Z".repeat(15_000);
    let mut a = first_activity(&store);
    a.description = Some(format!("Start {word} end").into());
    a.purposes[0].description = word.clone().into();
    // The longest name validation lets through, as one word: headings, contents, running heads.
    a.name = "N".repeat(500).into();
    store.update(a).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "record.pdf",
            pdf::to_bytes(&document(&store, RecordKind::Controller, Language::En)).unwrap(),
        ),
        (
            "notice.pdf",
            notice::pdf::to_bytes(&notice_of(&store)).unwrap(),
        ),
    ] {
        let path = write_file(dir.path(), name, &bytes);
        qpdf_check(&path);
        assert_no_clipping_or_overlap(&path);
        let text: String = pdftotext_pages(&path).concat();
        let z = text.chars().filter(|c| *c == 'Z').count();
        assert!(
            z >= 2 * 15_000,
            "{name}: {z} of the word's characters are on the pages"
        );
    }
}

#[test]
fn characters_the_font_cannot_draw_are_refused_naming_field_and_character() {
    let (_, mut store) = fixture_store("clean.json");
    let mut a = first_activity(&store);
    a.name = "Kundenservice नमस्ते".into();
    store.update(a).unwrap();
    let err = pdf::to_bytes(&document(&store, RecordKind::Controller, Language::En)).unwrap_err();
    match &err {
        Error::Unprintable {
            character, field, ..
        } => {
            assert_eq!(*character, 'न');
            assert!(
                field.starts_with("activities[") && field.ends_with(".name"),
                "{field}"
            );
        }
        other => panic!("expected a refusal, got {other}"),
    }
    assert!(err.to_string().contains("U+0928"), "{err}");
    assert!(err.message_de().contains("U+0928"));
    assert_eq!(err.code(), "unprintable_character");

    // The organisation's name is on every document: each PDF refuses it.
    let mut org = store.organisation().unwrap();
    org.legal_name = "数据处理 GmbH".into();
    store.save_organisation(org).unwrap();
    let findings = checks::check_store(&store, &CheckOptions::default()).unwrap();
    let info = checks::report::pdf::ReportInfo {
        organisation: store.organisation().unwrap().legal_name,
        checked_on: Date::parse("2026-03-01").unwrap(),
        revision: 1,
    };
    let refusals = [
        notice::pdf::to_bytes(&notice_of(&store)).map(|_| ()),
        checks::report::pdf::to_bytes(&findings, &info, Language::De).map(|_| ()),
    ];
    for result in refusals {
        assert!(
            matches!(
                result,
                Err(Error::Unprintable {
                    character: '数',
                    ..
                })
            ),
            "{result:?}"
        );
    }
    // The same register still exports where every character survives.
    let mut csv = Vec::new();
    ropa_core::export::csv::write(
        &document(&store, RecordKind::Controller, Language::En),
        ropa_core::export::csv::Table::Activities,
        &ropa_core::export::csv::CsvOptions::default(),
        &mut csv,
    )
    .unwrap();
    assert!(String::from_utf8(csv).unwrap().contains("नमस्ते"));
}

#[test]
fn hebrew_and_arabic_read_in_logical_order_and_other_scripts_print() {
    let (_, mut store) = fixture_store("clean.json");
    let mut a = first_activity(&store);
    a.name = "Hebrew שלום עולם end".into();
    a.description = Some("Arabic مرحبا بالعالم end · Ελληνικά · Русский · Հայերեն".into());
    store.update(a).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bytes = pdf::to_bytes(&document(&store, RecordKind::Controller, Language::En)).unwrap();
    let path = write_file(dir.path(), "rtl.pdf", &bytes);
    qpdf_check(&path);
    // Read as a reader reads it (pdftotext's layout analysis applies the bidi algorithm, as
    // viewers do for copy and paste); it marks right-to-left runs with embedding controls.
    let text: String = run(std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-"))
    .chars()
    .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}'))
    .collect();
    for expected in [
        "שלום עולם",
        "مرحبا بالعالم",
        "Ελληνικά",
        "Русский",
        "Հայերեն",
    ] {
        assert!(text.contains(expected), "{expected} in logical order");
    }
}
