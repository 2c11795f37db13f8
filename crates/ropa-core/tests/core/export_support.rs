//! Shared helpers of the export tests: fixture registers, exports to files, and the real
//! readers (qpdf, poppler's pdftotext/pdfinfo, Python's csv module) run as processes.

use crate::fixture;
use ropa_core::Store;
use ropa_core::export::{ExportOptions, RecordDocument, RecordKind};
use ropa_core::interchange::{self, Register};
use ropa_core::model::*;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The export date of all export tests.
pub fn export_date() -> Date {
    Date::parse("2026-11-23").unwrap()
}

/// A register in memory holding `register`.
pub fn store_of(register: &Register) -> Store {
    let mut store = Store::create_in_memory(&Organisation::new("(importing)")).unwrap();
    interchange::import(&mut store, register).unwrap();
    store
}

/// A fixture register in memory, with its document.
pub fn fixture_store(name: &str) -> (Register, Store) {
    let register = fixture(name);
    let store = store_of(&register);
    (register, store)
}

/// Export options for tests: fixed date.
pub fn options(record: RecordKind, language: Language) -> ExportOptions {
    let mut o = ExportOptions::new(record, language);
    o.export_date = export_date();
    o
}

/// Builds the document of `store`.
pub fn document(store: &Store, record: RecordKind, language: Language) -> RecordDocument {
    RecordDocument::build(store, &options(record, language)).unwrap()
}

/// The activities table of `doc` as CSV with the default options (the record's Art. 30 table).
pub fn activities_csv(doc: &RecordDocument) -> String {
    let mut bytes = Vec::new();
    ropa_core::export::csv::write(
        doc,
        ropa_core::export::csv::Table::Activities,
        &ropa_core::export::csv::CsvOptions::default(),
        &mut bytes,
    )
    .unwrap();
    String::from_utf8(bytes).unwrap()
}

/// Runs a command, failing the test with its stderr when it fails; returns stdout.
pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("cannot run {cmd:?}: {e} (install poppler-utils, qpdf, python3)")
    });
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}): {}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Writes bytes to `dir/name`.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `qpdf --check` must pass without warnings.
pub fn qpdf_check(pdf: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(pdf)
        .output()
        .expect("qpdf installed");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "qpdf --check failed: {text}");
    assert!(
        text.contains("No syntax or stream encoding errors found"),
        "qpdf --check: {text}"
    );
    assert!(!text.contains("WARNING"), "qpdf --check warned: {text}");
}

/// Page count according to `pdfinfo`.
pub fn pdfinfo_pages(pdf: &Path) -> usize {
    let info = run(Command::new("pdfinfo").arg(pdf));
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in pdfinfo output: {info}"))
}

/// The text of every page (content-stream order, `pdftotext -raw`), one string per page.
pub fn pdftotext_pages(pdf: &Path) -> Vec<String> {
    let text = run(Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-"));
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The text of page `n` (1-based) read on its own (`pdftotext -f n -l n`).
pub fn pdftotext_page(pdf: &Path, n: usize) -> String {
    run(Command::new("pdftotext")
        .args([
            "-raw",
            "-enc",
            "UTF-8",
            "-f",
            &n.to_string(),
            "-l",
            &n.to_string(),
        ])
        .arg(pdf)
        .arg("-"))
}

/// Collapses all whitespace to single spaces.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `hay` contains `needle`, ignoring how text was broken into lines: first with runs of
/// whitespace collapsed; failing that with whitespace removed (a word too long for its column,
/// such as a URL, is broken between characters).
pub fn contains(hay: &str, needle: &str) -> bool {
    let (h, n) = (norm(hay), norm(needle));
    if h.contains(&n) {
        return true;
    }
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(&h).contains(&squeeze(&n))
}

/// Asserts that `hay` contains `needle`, naming `what` on failure.
#[track_caller]
pub fn assert_has(hay: &str, needle: &str, what: &str) {
    assert!(
        contains(hay, needle),
        "{what}: `{needle}` not found in the extracted text"
    );
}

/// One word box of `pdftotext -bbox`.
#[derive(Debug, Clone)]
pub struct WordBox {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
    pub word: String,
}

/// Word boxes per page from `pdftotext -bbox`, with the page size.
pub fn word_boxes(pdf: &Path) -> Vec<((f32, f32), Vec<WordBox>)> {
    let html = run(Command::new("pdftotext").arg("-bbox").arg(pdf).arg("-"));
    let attr = |tag: &str, name: &str| -> f32 {
        let key = format!("{name}=\"");
        let start = tag.find(&key).unwrap() + key.len();
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    };
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let head = &chunk[..chunk.find('>').unwrap()];
        let size = (attr(head, "width"), attr(head, "height"));
        let mut words = Vec::new();
        for w in chunk.split("<word ").skip(1) {
            let tag_end = w.find('>').unwrap();
            let tag = &w[..tag_end];
            let word = &w[tag_end + 1..w.find("</word>").unwrap()];
            words.push(WordBox {
                x0: attr(tag, "xMin"),
                y0: attr(tag, "yMin"),
                x1: attr(tag, "xMax"),
                y1: attr(tag, "yMax"),
                word: word.to_owned(),
            });
        }
        pages.push((size, words));
    }
    pages
}

/// Asserts that no word sticks out of the page's 20 mm margins (running head and footer sit
/// inside the margins, at least 10 mm from the edge) and that no two words overlap.
pub fn assert_no_clipping_or_overlap(pdf: &Path) {
    let mm = 72.0 / 25.4;
    for (i, ((w, h), words)) in word_boxes(pdf).into_iter().enumerate() {
        let page = i + 1;
        for b in &words {
            assert!(
                b.x0 >= 20.0 * mm - 0.5 && b.x1 <= w - 20.0 * mm + 0.5,
                "page {page}: `{}` crosses the side margins ({} – {})",
                b.word,
                b.x0,
                b.x1
            );
            assert!(
                b.y0 >= 10.0 * mm && b.y1 <= h - 10.0 * mm,
                "page {page}: `{}` is outside the printable area ({} – {})",
                b.word,
                b.y0,
                b.y1
            );
        }
        for (j, a) in words.iter().enumerate() {
            for b in &words[j + 1..] {
                let overlap_x = a.x0.max(b.x0) < a.x1.min(b.x1) - 0.3;
                let overlap_y = a.y0.max(b.y0) < a.y1.min(b.y1) - 0.3;
                assert!(
                    !(overlap_x && overlap_y),
                    "page {page}: `{}` and `{}` overlap ({a:?} / {b:?})",
                    a.word,
                    b.word
                );
            }
        }
    }
}
