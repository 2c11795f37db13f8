//! The shipped reference data: complete, consistent and as the regulation says.

use std::collections::HashSet;

use super::*;

fn r() -> &'static Reference {
    reference()
}

fn assert_unique<'a>(what: &str, codes: impl IntoIterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for code in codes {
        assert!(seen.insert(code), "{what}: duplicate code {code}");
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u8>().unwrap_or(0))
}

fn assert_date(what: &str, s: &str) {
    assert!(is_date(s), "{what}: {s:?} is not a YYYY-MM-DD date");
}

#[test]
fn every_file_parses_with_header() {
    let headers: [(&str, u32, &str, &[String]); 6] = [
        (
            "countries",
            r().countries.version,
            &r().countries.as_of,
            &r().countries.sources,
        ),
        (
            "adequacy",
            r().adequacy.version,
            &r().adequacy.as_of,
            &r().adequacy.sources,
        ),
        (
            "legal_bases",
            r().legal_bases.version,
            &r().legal_bases.as_of,
            &r().legal_bases.sources,
        ),
        (
            "transfer_mechanisms",
            r().transfer_mechanisms.version,
            &r().transfer_mechanisms.as_of,
            &r().transfer_mechanisms.sources,
        ),
        (
            "national_law",
            r().national_law.version,
            &r().national_law.as_of,
            &r().national_law.sources,
        ),
        (
            "retention_rules",
            r().retention_rules.version,
            &r().retention_rules.as_of,
            &r().retention_rules.sources,
        ),
    ];
    for (file, version, as_of, sources) in headers {
        assert!(version >= 1, "{file}: version");
        assert_date(file, as_of);
        assert!(!sources.is_empty(), "{file}: no sources");
        assert!(
            sources.iter().all(|s| !s.trim().is_empty()),
            "{file}: empty source"
        );
    }
}

#[test]
fn codes_are_unique() {
    assert_unique(
        "countries",
        r().countries.countries.iter().map(|c| c.code.as_str()),
    );
    assert_unique(
        "adequacy",
        r().adequacy.decisions.iter().map(|d| d.code.as_str()),
    );
    assert_unique(
        "national_law",
        r().national_law.provisions.iter().map(|p| p.code.as_str()),
    );
    assert_unique(
        "retention_rules",
        r().retention_rules.rules.iter().map(|p| p.code.as_str()),
    );
    let tm = &r().transfer_mechanisms;
    assert_unique("kinds", tm.kinds.iter().map(|k| k.kind.as_str()));
    assert_unique("legacy", tm.legacy.iter().map(|m| m.code.as_str()));
    assert_unique("scc_modules", tm.scc_modules.iter().map(|m| m.code.code()));
    assert_unique("art49", tm.art49.iter().map(|m| m.code.code()));
    let lb = &r().legal_bases;
    assert_unique("art6", lb.art6.iter().map(|i| i.code.code()));
    assert_unique(
        "special_categories",
        lb.special_categories.iter().map(|i| i.code.code()),
    );
    assert_unique(
        "art9_conditions",
        lb.art9_conditions.iter().map(|i| i.code.code()),
    );
}

#[test]
fn every_closed_set_variant_has_exactly_one_entry() {
    let lb = &r().legal_bases;
    let tm = &r().transfer_mechanisms;
    for v in LegalBasis::ALL {
        assert_eq!(lb.art6.iter().filter(|i| i.code == *v).count(), 1, "{v}");
        assert_eq!(r().art6(*v).code, *v);
    }
    assert_eq!(lb.art6.len(), LegalBasis::ALL.len());
    for v in SpecialCategory::ALL {
        assert_eq!(
            lb.special_categories
                .iter()
                .filter(|i| i.code == *v)
                .count(),
            1,
            "{v}"
        );
        assert_eq!(r().special_category(*v).code, *v);
    }
    assert_eq!(lb.special_categories.len(), SpecialCategory::ALL.len());
    for v in Art9Condition::ALL {
        assert_eq!(
            lb.art9_conditions.iter().filter(|i| i.code == *v).count(),
            1,
            "{v}"
        );
        assert_eq!(r().art9(*v).code, *v);
    }
    assert_eq!(lb.art9_conditions.len(), Art9Condition::ALL.len());
    for v in SccModule::ALL {
        assert_eq!(
            tm.scc_modules.iter().filter(|i| i.code == *v).count(),
            1,
            "{v}"
        );
        assert_eq!(r().scc_module(*v).code, *v);
    }
    assert_eq!(tm.scc_modules.len(), SccModule::ALL.len());
    for v in Art49Derogation::ALL {
        assert_eq!(tm.art49.iter().filter(|i| i.code == *v).count(), 1, "{v}");
        assert_eq!(r().art49(*v).code, *v);
    }
    assert_eq!(tm.art49.len(), Art49Derogation::ALL.len());
    assert_eq!(r().criminal().code, "CRIMINAL_ART10");
}

#[test]
fn citations_match_codes() {
    for v in LegalBasis::ALL {
        let info = r().art6(*v);
        assert_eq!(
            info.citation(false),
            format!("Art. 6(1)({}) GDPR", v.letter())
        );
        assert_eq!(
            info.citation(true),
            format!("Art. 6 Abs. 1 lit. {} DSGVO", v.letter())
        );
    }
    for info in &r().legal_bases.art9_conditions {
        let letter = info
            .code
            .code()
            .trim_start_matches("ART9_2_")
            .to_lowercase();
        assert_eq!(info.citation_en, format!("Art. 9(2)({letter}) GDPR"));
        assert_eq!(
            info.citation_de,
            format!("Art. 9 Abs. 2 lit. {letter} DSGVO")
        );
    }
    for info in &r().transfer_mechanisms.art49 {
        let letter = info
            .code
            .code()
            .trim_start_matches("XFER_49_1_")
            .to_lowercase();
        assert_eq!(info.point, letter);
        assert_eq!(info.citation_en, format!("Art. 49(1)({letter}) GDPR"));
        assert_eq!(
            info.citation_de,
            format!("Art. 49 Abs. 1 lit. {letter} DSGVO")
        );
        // Art. 49(3): points (a) to (c) are not available to public authorities.
        assert_eq!(
            info.unavailable_to_public_authorities,
            matches!(letter.as_str(), "a" | "b" | "c"),
            "{}",
            info.code
        );
    }
    for info in &r().transfer_mechanisms.scc_modules {
        assert_eq!(info.code.code(), format!("SCC_2021_914_M{}", info.module));
    }
}

#[test]
fn every_label_is_filled_in_both_languages() {
    let lb = &r().legal_bases;
    let tm = &r().transfer_mechanisms;
    let mut texts: Vec<(&str, &str)> = Vec::new();
    texts.extend(
        r().countries
            .countries
            .iter()
            .map(|c| (c.name(false), c.name(true))),
    );
    for d in &r().adequacy.decisions {
        texts.push((d.name(false), d.name(true)));
        texts.push((d.scope(false), d.scope(true)));
    }
    for i in &lb.art6 {
        texts.push((i.label(false), i.label(true)));
        texts.push((i.description(false), i.description(true)));
    }
    texts.extend(
        lb.special_categories
            .iter()
            .map(|i| (i.label(false), i.label(true))),
    );
    texts.extend(
        lb.art9_conditions
            .iter()
            .map(|i| (i.label(false), i.label(true))),
    );
    texts.push((lb.criminal.label(false), lb.criminal.label(true)));
    for k in &tm.kinds {
        texts.push((k.label(false), k.label(true)));
        texts.push((k.citation(false), k.citation(true)));
    }
    texts.extend(
        tm.scc_modules
            .iter()
            .map(|i| (i.label(false), i.label(true))),
    );
    texts.extend(tm.art49.iter().map(|i| (i.label(false), i.label(true))));
    for m in &tm.legacy {
        texts.push((m.label(false), m.label(true)));
        texts.push((m.reason(false), m.reason(true)));
    }
    for p in &r().national_law.provisions {
        texts.push((p.label(false), p.label(true)));
        texts.push((p.citation(false), p.citation(true)));
    }
    for rule in &r().retention_rules.rules {
        texts.push((rule.citation(false), rule.citation(true)));
        texts.push((rule.documents(false), rule.documents(true)));
        texts.push((rule.starts(false), rule.starts(true)));
    }
    for (en, de) in texts {
        assert!(
            !en.trim().is_empty() && !de.trim().is_empty(),
            "empty label: {en:?} / {de:?}"
        );
        assert_eq!(en, en.trim(), "untrimmed: {en:?}");
        assert_eq!(de, de.trim(), "untrimmed: {de:?}");
        // German text must use real umlauts, not ASCII transcriptions.
        let lower = de.to_lowercase();
        for bad in [
            "uebermittl",
            "gemaess",
            "loesch",
            "taetigkeit",
            "koenigreich",
            "oeffentlich",
        ] {
            assert!(
                !lower.contains(bad),
                "ASCII transcription {bad:?} in {de:?}"
            );
        }
    }
}

#[test]
fn countries_cover_iso_and_membership() {
    let countries = &r().countries.countries;
    assert!(countries.len() >= 249, "only {} countries", countries.len());
    for c in countries {
        assert!(
            c.code.len() == 2 && c.code.bytes().all(|b| b.is_ascii_uppercase()),
            "bad code {}",
            c.code
        );
        assert!(!c.eu || c.eea, "{} is EU but not EEA", c.code);
    }
    let eu: HashSet<&str> = countries
        .iter()
        .filter(|c| c.eu)
        .map(|c| c.code.as_str())
        .collect();
    let eea: HashSet<&str> = countries
        .iter()
        .filter(|c| c.eea)
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(eu.len(), 27);
    assert_eq!(eea.len(), 30);
    let extra: HashSet<&str> = eea.difference(&eu).copied().collect();
    assert_eq!(extra, HashSet::from(["IS", "LI", "NO"]));
    assert!(eu.contains("GR") && !eu.contains("EL"));
    assert!(!eu.contains("GB") && !eea.contains("CH"));
    assert!(r().is_eea("DE"));
    assert!(r().is_eea("NO"));
    assert!(!r().is_eea("US"));
    assert!(!r().is_eea("XX"));
    assert_eq!(r().country("DE").map(|c| c.name(true)), Some("Deutschland"));
    assert_eq!(r().country("AT").map(|c| c.name(true)), Some("Österreich"));
    assert_eq!(
        r().country("KR").map(|c| c.name(false)),
        Some("Republic of Korea")
    );
    assert_eq!(
        r().country("US").map(|c| c.name(false)),
        Some("United States")
    );
}

#[test]
fn adequacy_decisions_are_consistent() {
    let decisions = &r().adequacy.decisions;
    let expected = [
        "ADEQ_CH",
        "ADEQ_CA",
        "ADEQ_AR",
        "ADEQ_GG",
        "ADEQ_IM",
        "ADEQ_JE",
        "ADEQ_FO",
        "ADEQ_AD",
        "ADEQ_IL",
        "ADEQ_UY",
        "ADEQ_NZ",
        "ADEQ_JP",
        "ADEQ_KR",
        "ADEQ_GB_GDPR",
        "ADEQ_GB_LED",
        "ADEQ_US_DPF",
        "ADEQ_IO_EPO",
        "ADEQ_BR",
    ];
    for code in expected {
        assert!(r().adequacy(code).is_some(), "missing {code}");
    }
    assert_eq!(decisions.len(), expected.len());
    let fields = [
        "code",
        "country",
        "international_organisation",
        "name_en",
        "name_de",
        "decision",
        "adopted",
        "scope_en",
        "scope_de",
        "restricted_scope",
        "requires_dpf",
        "valid_until",
        "next_review",
    ];
    for d in decisions {
        assert!(d.code.starts_with("ADEQ_"), "{}", d.code);
        match (&d.country, &d.international_organisation) {
            (Some(country), None) => {
                let c = r().country(country);
                assert!(c.is_some(), "{}: unknown country {country}", d.code);
                assert!(!r().is_eea(country), "{}: {country} is in the EEA", d.code);
            }
            (None, Some(io)) => assert!(!io.is_empty(), "{}", d.code),
            _ => panic!(
                "{}: exactly one of country and international_organisation",
                d.code
            ),
        }
        assert_date(&d.code, &d.adopted);
        for date in [&d.valid_until, &d.next_review].into_iter().flatten() {
            assert_date(&d.code, date);
        }
        for f in &d.unverified {
            assert!(
                fields.contains(&f.as_str()),
                "{}: unknown field {f} in unverified",
                d.code
            );
        }
        if d.decision.is_none() {
            assert!(
                d.is_unverified("decision"),
                "{}: missing decision not flagged",
                d.code
            );
        }
        assert_eq!(d.requires_dpf, d.code == "ADEQ_US_DPF", "{}", d.code);
    }
    let dpf = r()
        .adequacy("ADEQ_US_DPF")
        .map(|d| (d.requires_dpf, d.restricted_scope));
    assert_eq!(dpf, Some((true, true)));
    for code in ["ADEQ_CA", "ADEQ_JP", "ADEQ_KR", "ADEQ_GB_LED"] {
        assert!(
            r().adequacy(code).is_some_and(|d| d.restricted_scope),
            "{code}"
        );
    }
    let gb: Vec<&str> = r()
        .adequacy_for_country("GB")
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(gb, ["ADEQ_GB_GDPR", "ADEQ_GB_LED"]);
    let uk = r().adequacy("ADEQ_GB_GDPR");
    assert_eq!(
        uk.and_then(|d| d.valid_until.as_deref()),
        Some("2031-12-27")
    );
    assert!(uk.is_some_and(|d| !d.expired_on("2031-12-27") && d.expired_on("2031-12-28")));
    let epo = r().adequacy("ADEQ_IO_EPO");
    assert!(epo.is_some_and(|d| d.country.is_none()
        && d.international_organisation.as_deref() == Some("European Patent Organisation")));
    assert!(r().adequacy_for_country("DE").is_empty());
    assert_eq!(r().adequacy_for_country("JP").len(), 1);
}

#[test]
fn transfer_mechanisms_are_complete() {
    let kinds = [
        "adequacy",
        "dpf",
        "scc",
        "bcr",
        "public_body_instrument",
        "sa_clauses",
        "code_of_conduct",
        "certification",
        "authorised_clauses",
        "administrative_arrangement",
        "derogation",
        "compelling_interest",
        "privacy_shield",
        "legacy_scc",
    ];
    for kind in kinds {
        assert!(r().transfer_kind(kind).is_some(), "missing kind {kind}");
    }
    assert_eq!(r().transfer_mechanisms.kinds.len(), kinds.len());
    for m in &r().transfer_mechanisms.legacy {
        assert_date(&m.code, &m.invalid_since);
        if let Some(repealed) = &m.repealed {
            assert_date(&m.code, repealed);
            assert!(repealed.as_str() <= m.invalid_since.as_str(), "{}", m.code);
        }
    }
    let ps = r().legacy_mechanism("PRIVACY_SHIELD");
    assert_eq!(ps.map(|m| m.invalid_since.as_str()), Some("2020-07-16"));
    for code in ["SCC_2001_497_EC", "SCC_2004_915_EC", "SCC_2010_87_EU"] {
        let m = r().legacy_mechanism(code);
        assert_eq!(
            m.map(|m| m.invalid_since.as_str()),
            Some("2022-12-27"),
            "{code}"
        );
        assert_eq!(
            m.and_then(|m| m.repealed.as_deref()),
            Some("2021-09-27"),
            "{code}"
        );
    }
}

#[test]
fn national_law_links_resolve() {
    let provisions = &r().national_law.provisions;
    for p in provisions {
        assert!(
            r().country(&p.country).is_some(),
            "{}: unknown country",
            p.code
        );
        if let Some(target) = &p.replaced_by {
            assert!(
                r().national_law(target).is_some(),
                "{}: replaced_by {target} unknown",
                p.code
            );
            assert_ne!(target, &p.code);
        }
        assert_eq!(
            p.in_force,
            p.repealed_on.is_none(),
            "{}: in_force vs repealed_on",
            p.code
        );
        if let Some(date) = &p.repealed_on {
            assert_date(&p.code, date);
        }
        assert!(
            p.in_force || p.replaced_by.is_none() || r().current_national_law(&p.code).is_some(),
            "{}: replacement chain does not end in force",
            p.code
        );
    }
    for code in [
        "TDDDG_25_1",
        "TDDDG_25_2_NR1",
        "TDDDG_25_2_NR2",
        "UWG_7_2_NR2",
        "UWG_7_3",
        "BDSG_26",
        "HGB_257",
        "AO_147",
    ] {
        assert!(r().national_law(code).is_some_and(|p| p.in_force), "{code}");
    }
    for code in [
        "TTDSG_25_1",
        "TTDSG_25_2",
        "TMG_15_3",
        "TMG_13",
        "TKG_96",
        "TKG_109",
    ] {
        assert!(
            r().national_law(code).is_some_and(|p| !p.in_force),
            "{code}"
        );
    }
    for p in provisions {
        let is_s25 = p.code.starts_with("TDDDG_25") || p.code.starts_with("TTDSG_25");
        assert_eq!(p.terminal_device, is_s25, "{}", p.code);
    }
    let current = |code| r().current_national_law(code).map(|p| p.code.as_str());
    assert_eq!(current("TTDSG_25_1"), Some("TDDDG_25_1"));
    assert_eq!(current("TTDSG_25_2"), Some("TDDDG_25_2"));
    assert_eq!(current("TMG_15_3"), Some("TDDDG_25_1"));
    assert_eq!(current("TDDDG_25_1"), Some("TDDDG_25_1"));
    assert_eq!(current("TKG_96"), None);
    assert_eq!(current("NOPE"), None);
    let ttdsg = r().national_law("TTDSG_25_1");
    assert_eq!(
        ttdsg.and_then(|p| p.repealed_on.as_deref()),
        Some("2024-05-14")
    );
    let tmg = r().national_law("TMG_15_3");
    assert_eq!(
        tmg.and_then(|p| p.repealed_on.as_deref()),
        Some("2021-12-01")
    );
}

#[test]
fn retention_rules_follow_the_reference() {
    let years: Vec<(&str, u32)> = r()
        .retention_rules
        .rules
        .iter()
        .map(|r| (r.code.as_str(), r.years))
        .collect();
    assert_eq!(
        years,
        [("RET_DE_10Y", 10), ("RET_DE_8Y", 8), ("RET_DE_6Y", 6)]
    );
    for rule in &r().retention_rules.rules {
        assert!(r().country(&rule.country).is_some(), "{}", rule.code);
        assert!(
            rule.code.ends_with(&format!("_{}Y", rule.years)),
            "{}",
            rule.code
        );
    }
    assert!(
        r().retention_rule("RET_DE_8Y")
            .is_some_and(|r| r.documents_en.contains("invoices"))
    );
    assert!(r().retention_rule("RET_DE_7Y").is_none());
}
