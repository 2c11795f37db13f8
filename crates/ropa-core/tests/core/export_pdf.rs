//! The PDF record checked with real readers: `qpdf --check`, `pdfinfo`, `pdftotext` (text, page
//! by page, word boxes). Fact checks are driven by the register: every activity, purpose, legal
//! basis, retention rule, party name and address must be in the extracted text.

use crate::export_support::*;
use ropa_core::Store;
use ropa_core::export::describe::one_line;
use ropa_core::export::labels::{self, Labels};
use ropa_core::export::{RecordDocument, RecordKind, pdf};
use ropa_core::interchange::Register;
use ropa_core::model::*;
use ropa_core::reference::reference;
use std::path::{Path, PathBuf};

fn export(
    store: &Store,
    record: RecordKind,
    language: Language,
    dir: &Path,
    name: &str,
) -> (RecordDocument, PathBuf) {
    let doc = document(store, record, language);
    let mut bytes = Vec::new();
    pdf::write(&doc, &mut bytes).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = write_file(dir, name, &bytes);
    (doc, path)
}

/// A contents entry as read back: title and page number.
#[derive(Debug)]
struct TocEntry {
    title: String,
    page: usize,
}

/// Reads the contents from the extracted pages: the pages after the cover whose running head
/// is "Contents"; each entry is a title (possibly over several lines) ending in a page number.
fn read_toc(pages: &[String], l: &Labels) -> Vec<TocEntry> {
    let mut entries = Vec::new();
    let mut title = String::new();
    for page in pages.iter().skip(1) {
        let lines: Vec<&str> = page.lines().filter(|x| !x.trim().is_empty()).collect();
        if !lines
            .first()
            .is_some_and(|h| h.trim_end().ends_with(l.contents))
        {
            break;
        }
        // Skip the running head (first line) and the footer (last line).
        for line in &lines[1..lines.len() - 1] {
            let line = line.trim();
            if line == l.contents {
                continue;
            }
            match line.rsplit_once(' ') {
                Some((text, number)) if number.chars().all(|c| c.is_ascii_digit()) => {
                    if !title.is_empty() {
                        title.push(' ');
                    }
                    title.push_str(text);
                    entries.push(TocEntry {
                        title: std::mem::take(&mut title),
                        page: number.parse().unwrap(),
                    });
                }
                _ => {
                    if !title.is_empty() {
                        title.push(' ');
                    }
                    title.push_str(line);
                }
            }
        }
    }
    assert!(
        title.is_empty(),
        "contents entry without a page number: {title}"
    );
    entries
}

/// Everything about one fixture export, checked against the register it came from.
fn check_fixture(name: &str, language: Language) {
    let (register, store) = fixture_store(name);
    let dir = tempfile::tempdir().unwrap();
    let (doc, pdf) = export(
        &store,
        RecordKind::Controller,
        language,
        dir.path(),
        &format!("{name}-{}.pdf", language.code()),
    );
    let l = doc.labels();
    let german = language == Language::De;

    qpdf_check(&pdf);
    let n = pdfinfo_pages(&pdf);
    let pages = pdftotext_pages(&pdf);
    assert_eq!(
        pages.len(),
        n,
        "pdftotext and pdfinfo disagree on the page count"
    );
    let all = pages.join("\n");

    // Identity and "Page x of y" on every page.
    let org = &register.organisation.legal_name;
    for (i, page) in pages.iter().enumerate() {
        let p = norm(page);
        assert!(
            p.contains(&l.page_of(i + 1, n)),
            "page {}: no page number",
            i + 1
        );
        assert!(p.contains(doc.short_hash()), "page {}: no digest", i + 1);
        assert!(p.contains(&format!(
            "{org} · {}",
            l.record_short(RecordKind::Controller)
        )));
        assert!(p.contains(&format!("{} {}", l.revision_label, doc.revision)));
        assert!(p.contains("2026-11-23"));
    }

    // Cover: organisation, address, DPO, digest, title in the language.
    let cover = &pages[0];
    assert_has(cover, l.title, "title");
    assert_has(cover, org, "organisation");
    assert_has(cover, &doc.sha256, "full digest");
    // The glyph carrier printpdf gets on the first page never shows.
    assert!(!cover.contains("0123456789") && !cover.contains("ABCDEFGH"));
    for part in [
        register.organisation.street.as_deref(),
        register.organisation.postcode.as_deref(),
        register.organisation.city.as_deref(),
        register.organisation.management.as_deref(),
    ]
    .into_iter()
    .flatten()
    {
        assert_has(cover, part, "organisation address");
    }
    if let Some(dpo) = &register.organisation.dpo {
        for part in [&dpo.name, &dpo.organisation, &dpo.address, &dpo.email]
            .into_iter()
            .flatten()
        {
            assert_has(cover, part, "DPO");
        }
    }

    // Contents: one entry per activity plus the part and the five annexes; each on the page
    // it names (read on its own with pdftotext -f N -l N, running head excluded).
    let toc = read_toc(&pages, l);
    assert_eq!(
        toc.len(),
        register.activities.len() + 6,
        "contents: {toc:?}"
    );
    let mut last = 0;
    for e in &toc {
        assert!(
            e.page >= last && e.page <= n,
            "page numbers out of order: {toc:?}"
        );
        last = e.page;
        let text = pdftotext_page(&pdf, e.page);
        let body: String = text.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert_has(&body, &e.title, &format!("heading on page {}", e.page));
    }

    // Facts of each activity, within the pages of its section.
    let mut activities: Vec<&Activity> = register.activities.iter().collect();
    activities.sort_by_key(|a| a.reference.to_lowercase());
    for (i, a) in activities.iter().enumerate() {
        let entry = &toc[i + 1];
        assert_has(
            &entry.title,
            &format!("{} {}", a.reference, a.name.best(language)),
            "contents entry",
        );
        let end = toc[i + 2].page;
        let section = pages[entry.page - 1..end.max(entry.page + 1) - 1].join("\n");
        let what = |x: &str| format!("{} {x}", a.reference);
        if let Some(d) = &a.description {
            assert_has(
                &section,
                d.show(language, register.organisation.language).text,
                &what("description"),
            );
        }
        for p in &a.purposes {
            assert_has(
                &section,
                p.description
                    .show(language, register.organisation.language)
                    .text,
                &what("purpose"),
            );
            match p.legal_basis {
                Some(b) => {
                    let info = reference().art6(b);
                    assert_has(&section, info.citation(german), &what("legal basis"));
                    assert_has(&section, info.label(german), &what("legal basis label"));
                }
                None => assert_has(&section, l.not_recorded, &what("missing basis")),
            }
            if let Some(s) = &p.basis_as_stated {
                assert_has(&section, s, &what("basis as stated"));
            }
            if let Some(s) = &p.legitimate_interest {
                assert_has(
                    &section,
                    s.show(language, register.organisation.language).text,
                    &what("legitimate interest"),
                );
            }
            for law in &p.national_law {
                let provision = reference().national_law(&law.code).unwrap();
                assert_has(&section, provision.citation(german), &what("national law"));
            }
        }
        for s in &a.data_subjects {
            let cat = register
                .subject_categories
                .iter()
                .find(|c| &c.id == s)
                .unwrap();
            assert_has(
                &section,
                cat.name.show(language, register.organisation.language).text,
                &what("data subjects"),
            );
        }
        for x in &a.data_categories {
            let cat = register
                .data_categories
                .iter()
                .find(|c| c.id == x.category)
                .unwrap();
            assert_has(
                &section,
                cat.name.show(language, register.organisation.language).text,
                &what("data category"),
            );
        }
        for r in a
            .data_categories
            .iter()
            .filter_map(|x| x.retention.as_ref())
            .chain(a.retention.as_ref())
        {
            check_retention(&section, r, language, &what("retention"));
        }
        if a.retention.is_none() && a.data_categories.iter().any(|x| x.retention.is_none()) {
            assert_has(&section, l.not_recorded, &what("missing retention"));
        }
        for r in &a.recipients {
            let party = register.parties.iter().find(|p| p.id == r.party).unwrap();
            assert_has(
                &section,
                &format!("{} [{}]", party.name.best(language), party.id),
                &what("recipient"),
            );
            assert_has(
                &section,
                labels::recipient_role(r.role, language),
                &what("recipient role"),
            );
        }
        for t in register
            .transfers
            .iter()
            .filter(|t| t.activity.as_deref() == Some(&a.id))
        {
            let party = register.parties.iter().find(|p| p.id == t.party).unwrap();
            assert_has(
                &section,
                party.name.best(language),
                &what("transfer importer"),
            );
            if let Some(c) = &t.country {
                assert_has(
                    &section,
                    reference().country(c).unwrap().name(german),
                    &what("country"),
                );
            }
        }
        if !register
            .transfers
            .iter()
            .any(|t| t.activity.as_deref() == Some(&a.id))
        {
            assert_has(&section, l.no_transfers, &what("no transfers"));
        }
        for t in &a.toms {
            let tom = register.toms.iter().find(|m| &m.id == t).unwrap();
            assert_has(
                &section,
                tom.name.show(language, register.organisation.language).text,
                &what("TOM"),
            );
        }
        // Every letter of Art. 30(1), in order.
        let mut at = 0;
        for (k, title) in l.c_letters.iter().enumerate() {
            let heading = norm(&format!("({}) {title}", (b'a' + k as u8) as char));
            let found = norm(&section)[at..].find(&heading);
            assert!(
                found.is_some(),
                "{}: letter ({}) missing or out of order",
                a.reference,
                (b'a' + k as u8) as char
            );
            at += found.unwrap();
        }
    }

    // Every party of the register with its name and address (umlauts and ß intact).
    for p in &register.parties {
        assert_has(&all, p.name.best(language), "party name");
        if let Some(addr) = &p.address {
            assert_has(&all, addr, &format!("address of {}", p.id));
            assert_has(&all, &one_line(addr), &format!("address of {}", p.id));
        }
        if let Some(e) = &p.email {
            assert_has(&all, e, "party e-mail");
        }
    }
    for j in &register.joint_arrangements {
        assert_has(&all, j.title.best(language), "joint arrangement");
    }
    for t in &register.toms {
        if let Some(d) = &t.description {
            assert_has(
                &all,
                d.show(language, register.organisation.language).text,
                "TOM description (annex)",
            );
        }
    }

    assert_no_clipping_or_overlap(&pdf);
}

fn check_retention(section: &str, r: &Retention, language: Language, what: &str) {
    match r {
        Retention::Period {
            amount,
            unit,
            trigger,
            note,
        } => {
            assert_has(
                section,
                &crate::period_words(*amount, *unit, language),
                what,
            );
            for s in [trigger, note].into_iter().flatten() {
                assert_has(section, s.best(language), what);
            }
        }
        Retention::Criteria { text } => assert_has(section, text.best(language), what),
        Retention::Unlimited { note } => {
            let words = if language == Language::De {
                "zeitlich unbegrenzt"
            } else {
                "not limited in time"
            };
            assert_has(section, words, what);
            if let Some(n) = note {
                assert_has(section, n.best(language), what);
            }
        }
        Retention::Statutory { rule, note } => {
            let rule = reference().retention_rule(rule).unwrap();
            assert_has(section, rule.citation(language == Language::De), what);
            if let Some(n) = note {
                assert_has(section, n.best(language), what);
            }
        }
    }
}

#[test]
fn ntware_english() {
    check_fixture("ntware.json", Language::En);
}

#[test]
fn ntware_german() {
    check_fixture("ntware.json", Language::De);
}

#[test]
fn otrs_english() {
    check_fixture("otrs.json", Language::En);
}

#[test]
fn otrs_german() {
    check_fixture("otrs.json", Language::De);
}

/// German labels as a German DPO writes them, and German reference texts.
#[test]
fn german_record_uses_german_terms() {
    let (_, store) = fixture_store("ntware.json");
    let dir = tempfile::tempdir().unwrap();
    let (_, pdf) = export(
        &store,
        RecordKind::Controller,
        Language::De,
        dir.path(),
        "de.pdf",
    );
    let all = pdftotext_pages(&pdf).join("\n");
    for term in [
        "Verzeichnis von Verarbeitungstätigkeiten",
        "Verzeichnis des Verantwortlichen nach Art. 30 Abs. 1 DSGVO",
        "Verantwortlicher",
        "Zwecke der Verarbeitung",
        "Kategorien betroffener Personen",
        "Löschfristen",
        "Technische und organisatorische Maßnahmen",
        "Art. 6 Abs. 1 lit. f DSGVO – Berechtigte Interessen",
        "Art. 30 Abs. 1 lit. g DSGVO",
        "nicht erfasst",
        "Niedersachsenstraße 6, 49186 Bad Iburg, Deutschland",
        "Vereinigte Staaten",
        "Inhaltsverzeichnis",
        "Seite 1 von",
    ] {
        assert_has(&all, term, "German term");
    }
}

fn long_text(words: usize, seed: &str) -> String {
    let vocabulary = [
        "Verarbeitung",
        "Maßnahme",
        "Übermittlung",
        "Löschfrist",
        "naïve",
        "€",
        "Straße",
        "data",
        "processing",
        "controller",
        "“quoted”",
        "–",
        "Größe",
        "Äußerung",
        "œuvre",
    ];
    (0..words)
        .map(|i| {
            if i % 40 == 0 {
                format!("{seed}{i}")
            } else {
                vocabulary[(i * 7 + i / 3) % vocabulary.len()].to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn synthetic_register() -> Register {
    let mut org = Organisation::new("Müller & Söhne Datenverarbeitung GmbH");
    org.street = Some("Königstraße 12".into());
    org.postcode = Some("70173".into());
    org.city = Some("Stuttgart".into());
    org.country = Some("DE".into());
    org.is_processor = true;
    let mut reg = Register::new(org);
    reg.data_categories
        .push(DataCategory::new("email", "E-Mail-Adresse"));
    reg.subject_categories
        .push(SubjectCategory::new("kunden", "Kundinnen und Kunden"));
    let mut party = Party::new("zahl", "Zahlungsdienst Ödön Kft.");
    party.address = Some("Váci út 1\n1062 Budapest".into());
    party.country = Some("HU".into());
    reg.parties.push(party);
    let mut ctrl = Party::new("ctrl", "Auftraggeber Ärzte eG");
    ctrl.address = Some("Bahnhofstraße 3, 10115 Berlin".into());
    ctrl.country = Some("DE".into());
    reg.parties.push(ctrl);
    let mut importer = Party::new("imp", "Cloud Importer Inc.");
    importer.country = Some("US".into());
    importer.address = Some("1 Infinite Loop, Cupertino, CA".into());
    reg.parties.push(importer);
    let mut a = Activity::new("long", "LONG-01", "Sehr lange Tätigkeit mit Überlänge");
    a.description = Some(long_text(700, "beschreibung").into());
    let mut p = Purpose::new(
        "p",
        "Abrechnung; „Zweck“ mit Sonderzeichen ½ €",
        Some(LegalBasis::Contract),
    );
    p.basis_as_stated = Some(long_text(1500, "wortlaut"));
    a.purposes.push(p);
    a.data_subjects.push("kunden".into());
    let mut d = ActivityData::new("email");
    d.retention = Some(Retention::Statutory {
        rule: "RET_DE_10Y".into(),
        note: None,
    });
    a.data_categories.push(d);
    a.recipients.push(Recipient {
        party: "zahl".into(),
        role: RecipientRole::Processor,
        service: Some("Zahlungsabwicklung".into()),
        location: None,
        note: None,
        retention: None,
        privacy_url: None,
    });
    reg.activities.push(a);
    let mut s = ProcessorService::new("hosting", "ctrl", "Hosting der Praxissoftware");
    s.processing_categories = vec!["Speicherung".into(), "Datensicherung".into()];
    s.controller_dpo = Some("Dr. Jörg Weiß, dsb@aerzte.example".into());
    reg.processor_services.push(s);
    let mut t = Transfer::new("t1", "long", "imp", "US");
    t.activity = None;
    t.service = Some("hosting".into());
    t.mechanism = Some(TransferMechanism::Scc {
        module: SccModule::ProcessorToProcessor,
        signed_on: None,
    });
    reg.transfers.push(t);
    reg
}

/// Long text wraps and breaks across pages; a table row that crosses a page continues below a
/// repeated header row; nothing is lost, clipped or overlapping; Unicode comes back intact.
#[test]
fn long_rows_break_across_pages_and_repeat_the_table_header() {
    let reg = synthetic_register();
    let store = store_of(&reg);
    let dir = tempfile::tempdir().unwrap();
    let (doc, pdf) = export(
        &store,
        RecordKind::Controller,
        Language::En,
        dir.path(),
        "long.pdf",
    );
    let l = doc.labels();
    qpdf_check(&pdf);
    assert_no_clipping_or_overlap(&pdf);
    let pages = pdftotext_pages(&pdf);
    let head = format!(
        "{} · {}",
        reg.organisation.legal_name,
        l.record_short(RecordKind::Controller)
    );
    let header_row = format!("# {} {}", l.purpose, l.legal_basis);

    // The purpose row spans pages: every page it continues on starts with the header row.
    let stated = reg.activities[0].purposes[0]
        .basis_as_stated
        .clone()
        .unwrap();
    let marker_pages: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.contains("wortlaut"))
        .map(|(i, _)| i)
        .collect();
    assert!(
        marker_pages.len() >= 2,
        "the row should cross a page: {marker_pages:?}"
    );
    for &i in &marker_pages[1..] {
        let first_body_line = pages[i].lines().nth(1).unwrap_or_default();
        assert_eq!(
            norm(first_body_line),
            header_row,
            "page {}: header not repeated",
            i + 1
        );
    }

    // With the furniture and repeated headers taken out, the texts are complete and in order.
    let body: String = pages
        .iter()
        .flat_map(|p| {
            let lines: Vec<&str> = p.lines().collect();
            lines
                .into_iter()
                .filter(|x| !x.starts_with(&head) && !x.contains(doc.short_hash()))
                .filter(|x| norm(x) != header_row)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_has(
        &body,
        &format!("{}: “{stated}”", l.as_stated),
        "long basis as stated",
    );
    assert_has(
        &body,
        reg.activities[0]
            .description
            .as_ref()
            .unwrap()
            .primary(Language::En),
        "long description",
    );
    assert_has(
        &body,
        "Abrechnung; „Zweck“ mit Sonderzeichen ½ €",
        "Unicode purpose",
    );
    assert_has(&body, "Váci út 1 1062 Budapest", "multi-line address");
    assert_has(&body, "Zahlungsdienst Ödön Kft. [zahl]", "party");
    assert_has(
        &body,
        "Müller & Söhne Datenverarbeitung GmbH",
        "organisation",
    );
    assert_has(&body, "Königstraße 12, 70173 Stuttgart, Germany", "address");
    assert_has(
        &body,
        "Section 257(1) no. 1, (4) HGB",
        "statutory retention",
    );
}

/// The processor record (Art. 30(2)): one section per service with letters (a)–(d).
#[test]
fn processor_record() {
    let reg = synthetic_register();
    let store = store_of(&reg);
    let dir = tempfile::tempdir().unwrap();
    let (doc, pdf) = export(
        &store,
        RecordKind::Processor,
        Language::De,
        dir.path(),
        "p.pdf",
    );
    let l = doc.labels();
    qpdf_check(&pdf);
    assert_no_clipping_or_overlap(&pdf);
    let all = pdftotext_pages(&pdf).join("\n");
    assert_has(&all, l.subtitle_processor, "subtitle");
    for (k, title) in l.p_letters.iter().enumerate() {
        assert_has(
            &all,
            &format!("({}) {title}", (b'a' + k as u8) as char),
            "letter",
        );
    }
    for fact in [
        "Hosting der Praxissoftware",
        "Auftraggeber Ärzte eG [ctrl]",
        "Bahnhofstraße 3, 10115 Berlin",
        "Dr. Jörg Weiß, dsb@aerzte.example",
        "Speicherung",
        "Datensicherung",
        "Cloud Importer Inc. [imp]",
        "Vereinigte Staaten",
        "Modul 3: Auftragsverarbeiter an Auftragsverarbeiter",
    ] {
        assert_has(&all, fact, "processor record");
    }
    // The controller activity is not part of the processor record.
    assert!(!contains(&all, "LONG-01"));
}

/// A selection exports only the chosen activities and what they refer to; the digest covers
/// the facts (same in both languages, different for another selection).
#[test]
fn selection_and_digest() {
    let (_, store) = fixture_store("ntware.json");
    let mut o = options(RecordKind::Controller, Language::En);
    o.selection = vec!["NTW-07".into()];
    let one = RecordDocument::build(&store, &o).unwrap();
    assert_eq!(one.content.activities.len(), 1);
    assert_eq!(one.content.activities[0].reference, "NTW-07");
    assert!(
        one.content
            .parties
            .iter()
            .all(|p| p.id == "rocket-science-group")
    );
    assert_eq!(one.content.transfers.len(), 1);
    o.language = Language::De;
    let one_de = RecordDocument::build(&store, &o).unwrap();
    assert_eq!(
        one.sha256, one_de.sha256,
        "the digest does not depend on the language"
    );
    o.export_date = Date::parse("2030-01-01").unwrap();
    assert_eq!(
        RecordDocument::build(&store, &o).unwrap().sha256,
        one.sha256
    );
    let all = document(&store, RecordKind::Controller, Language::En);
    assert_ne!(all.sha256, one.sha256);
    assert_eq!(all.sha256.len(), 64);

    o.selection = vec!["NOPE-1".into()];
    assert!(matches!(
        RecordDocument::build(&store, &o),
        Err(ropa_core::Error::NotFound { .. })
    ));
    // The NT-ware register has no processor record.
    assert!(RecordDocument::build(&store, &options(RecordKind::Processor, Language::En)).is_err());

    let dir = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    pdf::write(&one, &mut bytes).unwrap();
    let path = write_file(dir.path(), "one.pdf", &bytes);
    let text = pdftotext_pages(&path).join("\n");
    assert_has(&text, "selected processing activities (1): NTW-07", "scope");
    assert!(!contains(&text, "NTW-04"));
}

/// The cover names the document the register was built from, with its own date and version;
/// an activity's notes are printed (and part of the digest) only when the register says so.
#[test]
fn the_source_is_on_the_cover_and_notes_only_where_marked() {
    let mut reg = crate::fixture("clean.json");
    reg.organisation.source = Some(SourceDocument {
        title: Some("Privacy policy of kessler.example".into()),
        url: Some("https://kessler.example/privacy".into()),
        as_of: Date::parse("2025-03-01"),
        version: Some("3.1".into()),
        retrieved_on: None,
    });
    let note = "Confirmed with the marketing department on 12 May.";
    reg.activities[0].notes = Some(note.into());
    let text_and_digest = |reg: &Register| {
        let store = store_of(reg);
        let doc = document(&store, RecordKind::Controller, Language::De);
        let dir = tempfile::tempdir().unwrap();
        let path = write_file(dir.path(), "r.pdf", &pdf::to_bytes(&doc).unwrap());
        (norm(&pdftotext_pages(&path).join("\n")), doc.sha256.clone())
    };
    let (hidden, digest_hidden) = text_and_digest(&reg);
    assert!(hidden.contains("Erstellt aus"), "{hidden}");
    assert!(hidden.contains("Privacy policy of kessler.example"));
    assert!(
        hidden.contains("Stand 2025-03-01 · Version 3.1"),
        "{hidden}"
    );
    assert!(!hidden.contains(note));
    reg.activities[0].notes_in_record = true;
    let (shown, digest_shown) = text_and_digest(&reg);
    assert!(shown.contains(note), "{shown}");
    assert_ne!(
        digest_hidden, digest_shown,
        "printed notes are facts of the digest"
    );
}

/// A clause nobody has checked is printed as not known, not as missing; a clause known to be
/// missing as missing.
#[test]
fn an_unknown_clause_is_not_known_and_a_missing_one_missing() {
    let mut reg = crate::fixture("ntware.json");
    let g = reg
        .agreements
        .iter_mut()
        .find(|g| g.id == "dpa-usercentrics")
        .unwrap();
    // Seen and checked now: one clause present, one missing, the rest not recorded yet.
    g.asserted_only = false;
    g.checklist.a_instructions = Some(true);
    g.checklist.h_audits = Some(false);
    let store = store_of(&reg);
    let doc = document(&store, RecordKind::Controller, Language::En);
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "r.pdf", &pdf::to_bytes(&doc).unwrap());
    let text = norm(&pdftotext_pages(&path).join("\n"));
    let at = text
        .find("[dpa-usercentrics]")
        .expect("the agreement in the annex");
    let entry = &text[at..at + 400];
    assert!(
        entry.contains("present: (a) documented instructions"),
        "{entry}"
    );
    assert!(entry.contains("missing: (h) audits"), "{entry}");
    assert!(entry.contains("not known: (b) confidentiality"), "{entry}");
    // The checks say the same: one clause missing, six not known.
    let findings = ropa_core::checks::check(&reg, &ropa_core::checks::CheckOptions::default());
    let of = |code: &str| {
        findings
            .iter()
            .filter(|f| f.code == code && f.target.id == "dpa-usercentrics")
            .map(|f| f.message_en.clone())
            .collect::<Vec<_>>()
    };
    assert!(of("AGREEMENT_CHECKLIST_INCOMPLETE")[0].contains("(1 of 8 missing)"));
    assert!(of("AGREEMENT_CHECKLIST_UNKNOWN")[0].contains("(6 of 8 not known)"));
}

/// "No DPO designated" is a statement the cover prints, apart from a register that says nothing;
/// the check words the two apart too.
#[test]
fn no_dpo_designated_is_printed_and_checked_apart_from_not_recorded() {
    let mut reg = crate::fixture("clean.json");
    reg.organisation.dpo = None;
    let cover = |reg: &Register| {
        let store = store_of(reg);
        let doc = document(&store, RecordKind::Controller, Language::En);
        let dir = tempfile::tempdir().unwrap();
        let path = write_file(dir.path(), "r.pdf", &pdf::to_bytes(&doc).unwrap());
        norm(&pdftotext_page(&path, 1))
    };
    let dpo_message = |reg: &Register| {
        ropa_core::checks::check(reg, &ropa_core::checks::CheckOptions::default())
            .into_iter()
            .find(|f| f.code == "DPO_NOT_DESIGNATED")
            .map(|f| f.message_en)
            .unwrap_or_default()
    };
    assert!(cover(&reg).contains("Data protection officer not recorded"));
    assert!(dpo_message(&reg).starts_with("No data protection officer is recorded"));
    reg.organisation.dpo_designated = Some(false);
    assert!(cover(&reg).contains("Data protection officer none designated"));
    assert!(
        dpo_message(&reg).contains("records that it has designated no data protection officer")
    );
    // A DPO and "none designated" contradict each other.
    let mut both = crate::fixture("clean.json");
    both.organisation.dpo_designated = Some(false);
    let dir = tempfile::tempdir().unwrap();
    let err = Store::create(&dir.path().join("r.ropa"), &both.organisation).unwrap_err();
    assert!(err.to_string().contains("dpo_designated"), "{err}");
}
