//! The rule engine on the real-policy fixtures: it reports the defects their fact maps
//! (`tests/fixtures/*.md`) list, and nothing on the clean register.

use crate::checks::{assert_finding_well_formed, clean, opts, run};
use crate::fixture;
use ropa_core::checks::{self, Finding, Severity};
use ropa_core::interchange;
use ropa_core::model::Entity;
use std::collections::BTreeMap;

fn findings(name: &str) -> Vec<Finding> {
    let reg = fixture(name);
    let found = run(&reg, &opts());
    for f in &found {
        assert_finding_well_formed(&reg, f);
    }
    found
}

fn count(found: &[Finding], code: &str) -> usize {
    found.iter().filter(|f| f.code == code).count()
}

/// The finding of `code` on record `id` (and `field`, if given), or a panic listing what there is.
fn hit<'a>(found: &'a [Finding], code: &str, id: &str, field: Option<&str>) -> &'a Finding {
    found
        .iter()
        .find(|f| {
            f.code == code
                && f.target.id == id
                && (field.is_none() || f.target.field.as_deref() == field)
        })
        .unwrap_or_else(|| {
            let same: Vec<_> = found
                .iter()
                .filter(|f| f.code == code)
                .map(|f| {
                    format!(
                        "{}#{}",
                        f.target.id,
                        f.target.field.clone().unwrap_or_default()
                    )
                })
                .collect();
            panic!("no {code} on {id} {field:?}; {code} fired on {same:?}")
        })
}

fn counts(found: &[Finding]) -> BTreeMap<&str, usize> {
    let mut m = BTreeMap::new();
    for f in found {
        *m.entry(f.code.as_str()).or_default() += 1;
    }
    m
}

#[test]
fn ntware_defects_are_reported() {
    let found = findings("ntware.json");

    // §3: US (and other third-country) providers with no named mechanism, all 8 transfers.
    assert_eq!(count(&found, "TRANSFER_MECHANISM_MISSING"), 8);
    for id in [
        "xfer-newsletter-mailchimp",
        "xfer-learning-portal-litmos",
        "xfer-status-page-hackerbay",
        "xfer-webinars-goto",
        "xfer-webinars-ntware-usa",
        "xfer-webinars-ntware-japan",
        "xfer-customer-portal-atlassian",
        "xfer-certification-portal-questionmark",
    ] {
        hit(&found, "TRANSFER_MECHANISM_MISSING", id, Some("mechanism"));
    }
    // The UK has an adequacy decision: the message says so.
    let gb = hit(
        &found,
        "TRANSFER_MECHANISM_MISSING",
        "xfer-certification-portal-questionmark",
        None,
    );
    assert!(gb.message_en.contains("ADEQ_GB_GDPR"), "{}", gb.message_en);

    // §6.3: the consent manager and necessary cookies cite only § 25(2) TDDDG.
    assert_eq!(count(&found, "BASIS_TDDDG_ONLY"), 2);
    let cmp = hit(
        &found,
        "BASIS_TDDDG_ONLY",
        "cookies",
        Some("purposes[1].legal_basis"),
    );
    assert!(
        cmp.message_de.contains("§ 25 Abs. 2 Nr. 2 TDDDG"),
        "{}",
        cmp.message_de
    );
    hit(
        &found,
        "BASIS_TDDDG_ONLY",
        "cookies",
        Some("purposes[0].legal_basis"),
    );

    // §4.3, §5.3: Art. 6(1)(f) without the interest pursued.
    assert_eq!(count(&found, "BASIS_LI_INTEREST_MISSING"), 5);
    for i in 0..4 {
        hit(
            &found,
            "BASIS_LI_INTEREST_MISSING",
            "web-logs",
            Some(&format!("purposes[{i}].legitimate_interest")),
        );
    }
    hit(&found, "BASIS_LI_INTEREST_MISSING", "wp-statistics", None);

    // §9, §10: PR / information purposes with no basis.
    assert_eq!(count(&found, "BASIS_MISSING"), 2);
    hit(
        &found,
        "BASIS_MISSING",
        "social-meta",
        Some("purposes[1].legal_basis"),
    );
    hit(
        &found,
        "BASIS_MISSING",
        "social-linkedin",
        Some("purposes[0].legal_basis"),
    );

    // §9, §11: no retention.
    hit(
        &found,
        "ART30_1_F_RETENTION_MISSING",
        "social-meta",
        Some("retention"),
    );
    hit(
        &found,
        "ART30_1_F_RETENTION_MISSING",
        "hosting",
        Some("retention"),
    );
    assert_eq!(count(&found, "ART30_1_F_RETENTION_MISSING"), 2);

    // §18, §22: consent without saying how it is obtained.
    hit(&found, "CONSENT_OBTAINED_MISSING", "status-page", None);
    hit(&found, "CONSENT_OBTAINED_MISSING", "surveys", None);

    // §20: "a maximum of two years" with no starting point.
    hit(
        &found,
        "RETENTION_START_MISSING",
        "webinars",
        Some("retention.trigger"),
    );

    // §3: agreements asserted in general only ("We have entered into agreements with all
    // service providers"): recorded as asserted, not seen, and reported once each as such, not
    // as undocumented or with missing clauses.
    assert_eq!(count(&found, "AGREEMENT_NOT_SEEN"), 11);
    assert_eq!(count(&found, "AGREEMENT_UNDOCUMENTED"), 0);
    assert_eq!(count(&found, "AGREEMENT_CHECKLIST_INCOMPLETE"), 0);
    assert_eq!(count(&found, "AGREEMENT_CHECKLIST_UNKNOWN"), 0);
    hit(
        &found,
        "AGREEMENT_NOT_SEEN",
        "dpa-rocket-science-group",
        Some("asserted_only"),
    );

    // Recipients whose country the policy does not give.
    for id in [
        "linkedin",
        "microsoft",
        "youtube",
        "ntware-enterprise-solutions",
    ] {
        hit(&found, "RECIPIENT_COUNTRY_UNKNOWN", id, Some("country"));
    }

    // What the policy does not do wrong.
    for code in [
        "TRANSFER_PRIVACY_SHIELD",
        "CONSENT_IMPLIED",
        "BASIS_LI_AS_CONSENT",
        "LAW_REPEALED",
        "JOINT_ARRANGEMENT_MISSING",
        "JOINT_ESSENCE_MISSING",
        "AGREEMENT_MISSING",
        "ORG_CONTACT_MISSING",
        "DPO_CONTACT_MISSING",
    ] {
        assert_eq!(count(&found, code), 0, "{code}");
    }
    assert!(
        !found
            .iter()
            .any(|f| f.target.entity == Entity::Organisation)
    );
}

#[test]
fn otrs_defects_are_reported() {
    let found = findings("otrs.json");

    // WalkMe on Privacy Shield.
    let ps = hit(
        &found,
        "TRANSFER_PRIVACY_SHIELD",
        "walkme-us",
        Some("mechanism"),
    );
    assert_eq!(ps.severity, Severity::Error);
    assert!(ps.message_en.contains("16 July 2020") && ps.message_de.contains("16. Juli 2020"));
    assert_eq!(count(&found, "TRANSFER_PRIVACY_SHIELD"), 1);

    // 23 transfers without a mechanism (all but WalkMe and the SCC video transfer), 6 of them
    // without a destination.
    assert_eq!(count(&found, "TRANSFER_MECHANISM_MISSING"), 23);
    for id in [
        "gtm-google-us",
        "ga-google-us",
        "youtube-us",
        "vimeo-us",
        "microsoft-us",
        "vwo-wingify-in",
        "capterra-us",
        "fb-plugins-facebook-us",
        "linkedin-us",
        "twitter-us",
        "forums-hosting-outside-eu",
    ] {
        hit(&found, "TRANSFER_MECHANISM_MISSING", id, None);
    }
    assert_eq!(count(&found, "TRANSFER_DESTINATION_MISSING"), 6);
    hit(
        &found,
        "TRANSFER_DESTINATION_MISSING",
        "general-processing-processors-outside-eu",
        Some("country"),
    );
    hit(
        &found,
        "TRANSFER_DESTINATION_MISSING",
        "forums-hosting-outside-eu",
        Some("country"),
    );

    // SCC of unknown version, no TIA.
    hit(
        &found,
        "TRANSFER_SCC_DATE_MISSING",
        "video-conferencing-us",
        None,
    );
    hit(
        &found,
        "TRANSFER_TIA_MISSING",
        "video-conferencing-us",
        None,
    );

    // No Art. 6 basis for 44 of 49 purposes, among them the tracking tools.
    assert_eq!(count(&found, "BASIS_MISSING"), 44);
    for (id, field) in [
        ("google-analytics", "purposes[0].legal_basis"),
        ("google-ads-conversion-tracking", "purposes[0].legal_basis"),
        ("google-remarketing", "purposes[0].legal_basis"),
        ("hotjar", "purposes[0].legal_basis"),
        ("linkedin-insight-tag", "purposes[0].legal_basis"),
        ("walkme", "purposes[1].legal_basis"),
        ("vimeo", "purposes[0].legal_basis"),
    ] {
        hit(&found, "BASIS_MISSING", id, Some(field));
    }
    // Consent described but not cited: the message suggests Art. 6(1)(a).
    let remarketing = hit(&found, "BASIS_MISSING", "google-remarketing", None);
    assert!(
        remarketing.message_en.contains("record Art. 6(1)(a)"),
        "{}",
        remarketing.message_en
    );
    // § 7(3) UWG is no Art. 6 basis.
    let uwg = hit(
        &found,
        "BASIS_MISSING",
        "newsletter",
        Some("purposes[1].legal_basis"),
    );
    assert!(
        uwg.message_de.contains("§ 7 Abs. 3 UWG"),
        "{}",
        uwg.message_de
    );

    // Vimeo and VWO: "legitimate interest" recorded as Art. 6(1)(a).
    assert_eq!(count(&found, "BASIS_LI_AS_CONSENT"), 2);
    hit(
        &found,
        "BASIS_LI_AS_CONSENT",
        "vimeo",
        Some("purposes[1].legal_basis"),
    );
    hit(
        &found,
        "BASIS_LI_AS_CONSENT",
        "vwo",
        Some("purposes[0].legal_basis"),
    );
    hit(
        &found,
        "CONSENT_WITHDRAWAL_MISSING",
        "vimeo",
        Some("purposes[1].consent.withdrawal"),
    );

    // Consent by using the site: HotJar, Capterra, Collection of Personal Data.
    assert_eq!(count(&found, "CONSENT_IMPLIED"), 3);
    for id in ["hotjar", "capterra", "collection-of-personal-data"] {
        hit(&found, "CONSENT_IMPLIED", id, None);
    }

    // Google Tag Manager: Art. 6(1)(f) although loaded only after consent.
    hit(
        &found,
        "BASIS_F_CONSENT_COLLECTED",
        "google-tag-manager",
        None,
    );

    // No purpose at all.
    hit(
        &found,
        "ART30_1_B_PURPOSE_MISSING",
        "propensity",
        Some("purposes"),
    );
    hit(
        &found,
        "ART30_1_B_PURPOSE_MISSING",
        "facebook-instagram-plugins",
        Some("purposes"),
    );

    // Processors without an Art. 28 agreement (none recorded).
    assert_eq!(count(&found, "AGREEMENT_MISSING"), 10);
    hit(
        &found,
        "AGREEMENT_MISSING",
        "vwo",
        Some("recipients[0].party"),
    );
    hit(
        &found,
        "AGREEMENT_MISSING",
        "hubspot",
        Some("recipients[0].party"),
    );
    hit(
        &found,
        "AGREEMENT_MISSING",
        "forums",
        Some("recipients[0].party"),
    );

    // Missing retention in 24 of 37 activities: 23 with data categories, plus "own cookies",
    // which lists no data at all.
    assert_eq!(count(&found, "ART30_1_F_RETENTION_MISSING"), 23);
    hit(
        &found,
        "ART30_1_C_DATA_CATEGORIES_MISSING",
        "own-cookies",
        None,
    );
    for id in [
        "google-analytics",
        "hubspot",
        "vwo",
        "hotjar",
        "forums",
        "telephone-numbers",
        "email-communication",
    ] {
        hit(&found, "ART30_1_F_RETENTION_MISSING", id, Some("retention"));
    }

    // Parties without a country.
    for id in ["hubspot", "propensity", "walkme"] {
        hit(&found, "RECIPIENT_COUNTRY_UNKNOWN", id, Some("country"));
    }

    // Not defects of this policy.
    for code in [
        "BASIS_TDDDG_ONLY",
        "LAW_REPEALED",
        "RECIPIENT_THIRD_COUNTRY_NO_TRANSFER",
        "ORG_CONTACT_MISSING",
    ] {
        assert_eq!(count(&found, code), 0, "{code}");
    }
}

#[test]
fn clean_fixture_imports_and_stays_clean_in_a_store() {
    let doc = clean();
    assert!(run(&doc, &opts()).is_empty());
    let dir = tempfile::tempdir().unwrap();
    let store = interchange::create_from(&dir.path().join("clean.ropa"), &doc)
        .unwrap_or_else(|e| panic!("clean.json does not import: {e}"));
    let found = checks::check_store(&store, &opts()).unwrap();
    assert!(found.is_empty(), "{found:#?}");
    // It exercises the paths the rules look at.
    assert!(doc.organisation.is_processor && !doc.processor_services.is_empty());
    assert!(doc.data_categories.iter().any(|c| c.special.is_some()));
    assert!(doc.data_categories.iter().any(|c| c.criminal));
    assert!(!doc.joint_arrangements.is_empty());
    let kinds: Vec<&str> = doc
        .transfers
        .iter()
        .filter_map(|t| t.mechanism.as_ref().map(|m| m.kind()))
        .collect();
    assert!(
        kinds.contains(&"dpf") && kinds.contains(&"scc"),
        "{kinds:?}"
    );
}

#[test]
fn fixture_counts_for_the_record() {
    // Printed with --nocapture; the report of the branch quotes these numbers.
    for name in ["ntware.json", "otrs.json", "clean.json"] {
        let found = findings(name);
        let summary = checks::Summary::of(&found);
        println!("{name}: {summary:?}\n{:#?}", counts(&found));
    }
}

/// The PDF report of both fixtures, in both languages, read back with poppler: every finding's
/// code, message and record label is there, the summary counts agree with the findings, and the
/// clean register gets a report that says there is nothing to report.
#[test]
fn pdf_report_carries_every_finding_and_the_counts() {
    use crate::export_support::{
        assert_has, assert_no_clipping_or_overlap, pdfinfo_pages, pdftotext_pages, qpdf_check,
        write_file,
    };
    use ropa_core::checks::report::pdf::{ReportInfo, to_bytes};
    use ropa_core::model::Language;
    let dir = tempfile::tempdir().unwrap();
    for name in ["ntware.json", "otrs.json", "clean.json"] {
        let reg = fixture(name);
        let found = run(&reg, &opts());
        for lang in [Language::En, Language::De] {
            let info = ReportInfo {
                organisation: reg.organisation.legal_name.clone(),
                checked_on: opts().today,
                revision: 7,
            };
            let pdf = write_file(
                dir.path(),
                &format!("{name}-{lang:?}.pdf"),
                &to_bytes(&found, &info, lang).unwrap(),
            );
            qpdf_check(&pdf);
            let pages = pdftotext_pages(&pdf);
            assert_eq!(pages.len(), pdfinfo_pages(&pdf));
            let text = pages.join("\n");
            assert_has(&pages[0], &info.organisation, "organisation");
            for f in &found {
                assert_has(&text, &f.code, "rule code");
                assert_has(&text, f.message(lang), "message");
                assert_has(&text, f.target.label_in(lang), "record label");
                if let Some(field) = &f.target.field {
                    assert_has(&text, field, "field");
                }
            }
            // The total row of the summary: errors, warnings, infos.
            let s = checks::Summary::of(&found);
            let total = if lang == Language::De {
                "Gesamt"
            } else {
                "Total"
            };
            assert_has(
                &pages[0],
                &format!("{total} {} {} {}", s.errors, s.warnings, s.infos),
                "summary total",
            );
            // One row per finding, each starting with its severity.
            let rows = text
                .lines()
                .filter(|l| {
                    [
                        "Error ", "Warning ", "Info ", "Fehler ", "Warnung ", "Hinweis ",
                    ]
                    .iter()
                    .any(|p| l.starts_with(p))
                })
                .count();
            assert_eq!(rows, found.len(), "{name} {lang:?}: one row per finding");
            if found.is_empty() {
                assert_has(
                    &text,
                    if lang == Language::De {
                        "Keine Feststellungen"
                    } else {
                        "No findings"
                    },
                    "empty report",
                );
            }
            assert_no_clipping_or_overlap(&pdf);
        }
    }
}
