//! The record editors of the built app, driven through WebDriver on a fresh register file:
//! a register created on the start screen through the native save dialog, a processor with its
//! Art. 28 agreement, an activity with two purposes on different legal bases, a transfer of the
//! processor's data to the US under the Data Privacy Framework (picked from the mechanisms the
//! core offers for the US), the Art. 30 record exported as PDF through the save dialog and read
//! with pdftotext; the activity's details (a statutory retention duty, the recipient's service,
//! a national provision); then the app is closed and reopened on the same file and everything is found
//! again, in the UI and in the file.
//!
//! Run with `scripts/e2e.sh` (Xvfb 1280x800, tauri-driver). `ROPA_E2E_SCREENSHOT_DIR` makes it
//! write PNGs of the editors in English and German.

mod common;

use std::path::Path;

use common::{
    TestResult, choose, click, eventually, fill_file_dialog, find, run_tool, screenshot, type_into,
    with_app,
};
use fantoccini::{Client, Locator};
use ropa_core::model::{
    Activity, Agreement, AgreementStatus, LegalBasis, LocalText, Party, Retention, Transfer,
    TransferMechanism,
};
use ropa_core::store::Store;

async fn value_of(client: &Client, css: &str) -> TestResult<String> {
    Ok(find(client, css)
        .await?
        .prop("value")
        .await?
        .unwrap_or_default())
}

// --- The register file as the core reads it --------------------------------------------------

struct Seen {
    activity: Option<Activity>,
    party: Option<Party>,
    agreement: Option<Agreement>,
    transfer: Option<Transfer>,
}

fn read(path: &Path) -> TestResult<Seen> {
    let store = Store::open(path)?;
    let party = store
        .list::<Party>()?
        .into_iter()
        .find(|p| p.name == "Mailer Inc.");
    let pid = party.as_ref().map(|p| p.id.clone()).unwrap_or_default();
    Ok(Seen {
        activity: store
            .list::<Activity>()?
            .into_iter()
            .find(|a| a.name == "New activity: newsletter"),
        agreement: store
            .list::<Agreement>()?
            .into_iter()
            .find(|g| g.party == pid),
        transfer: store
            .list::<Transfer>()?
            .into_iter()
            .find(|t| t.party == pid),
        party,
    })
}

/// What the activity editor's detail fields wrote: the category's statutory retention with its
/// condition, the recipient's service and location, and purpose 1's national provision.
fn details_complete(a: &Activity) -> bool {
    let retention_ok = a.data_categories.first().is_some_and(|d| {
        matches!(
            &d.retention,
            Some(Retention::Statutory { rule, note: Some(note) })
                if rule == "RET_DE_6Y" && note == "from the end of the calendar year"
        )
    });
    let recipient_ok = a.recipients.first().is_some_and(|r| {
        r.service == Some(LocalText::from("Mailer Cloud"))
            && r.location == Some(LocalText::from("US data centres"))
    });
    let law_ok = a
        .purposes
        .first()
        .is_some_and(|p| p.national_law.iter().any(|l| l.code == "UWG_7_3"));
    retention_ok && recipient_ok && law_ok
}

/// Waits until the agreement's expiry date in the file is `date`.
async fn expiry_in_file(path: &Path, date: &str) -> TestResult {
    eventually(
        || {
            Ok(read(path)?
                .agreement
                .is_some_and(|g| g.expires_on.map(|d| d.to_string()).as_deref() == Some(date)))
        },
        "the agreement's expiry date in the file",
    )
    .await
}

fn complete(seen: &Seen) -> bool {
    let activity_ok = seen.activity.as_ref().is_some_and(|a| {
        a.purposes.len() == 2
            && a.purposes[0].legal_basis == Some(LegalBasis::Contract)
            && a.purposes[1].legal_basis == Some(LegalBasis::LegitimateInterests)
            && a.purposes[1].legitimate_interest == Some(LocalText::from("Improving our mailings"))
    });
    let party_ok = seen
        .party
        .as_ref()
        .is_some_and(|p| p.country.as_deref() == Some("US"));
    let agreement_ok = seen.agreement.as_ref().is_some_and(|g| {
        g.status == AgreementStatus::Signed
            && g.signed_on.map(|d| d.to_string()).as_deref() == Some("2026-01-15")
            && g.checklist.missing().is_empty()
    });
    let transfer_ok = seen.transfer.as_ref().is_some_and(|t| {
        t.country.as_deref() == Some("US")
            && t.activity == seen.activity.as_ref().map(|a| a.id.clone())
            && matches!(
                &t.mechanism,
                Some(TransferMechanism::Dpf { participant: Some(p), checked_on: Some(d) })
                    if p == "Mailer Inc." && d.to_string() == "2026-02-01"
            )
    });
    activity_ok && party_ok && agreement_ok && transfer_ok
}

#[tokio::test]
async fn a_processor_with_agreement_and_dpf_transfer_is_kept_across_restarts() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("e2e-editors.ropa");
    let pdf = dir.path().join("record.pdf");
    let args = vec!["--register".to_owned(), path.display().to_string()];

    let (p1, pdf1) = (path.clone(), pdf.clone());
    with_app(&[], |client| async move {
        let (path, pdf) = (p1, pdf1);
        // A new register, created on the start screen through the native save dialog.
        click(&client, "[data-testid='start-new']").await?;
        fill_file_dialog("New register", &path).await?;
        type_into(&client, "[data-testid='new-org-name']", "Beispiel GmbH").await?;
        click(&client, "[data-testid='new-create']").await?;
        let heading = find(&client, "[data-testid='organisation-name']").await?;
        assert_eq!(heading.text().await?.trim(), "Beispiel GmbH");
        assert!(path.is_file(), "the register file was created");

        // The organisation: country, DPO and supervisory authority (Art. 30(1)(a)).
        click(&client, "[data-testid='nav-organisation']").await?;
        choose(&client, "[data-testid='field-country']", 0, "DE").await?;
        click(&client, "[data-testid='dpo-toggle']").await?;
        type_into(&client, "[data-testid='dpo-name']", "Dr. Dana Schutz").await?;
        type_into(&client, "[data-testid='dpo-email']", "dsb@beispiel.de").await?;
        click(&client, "[data-testid='supervisory_authority-toggle']").await?;
        type_into(
            &client,
            "[data-testid='supervisory_authority-name']",
            "LfD Niedersachsen",
        )
        .await?;
        eventually(
            || {
                let o = Store::open(&path)?.organisation()?;
                Ok(o.country.as_deref() == Some("DE")
                    && o.dpo.as_ref().and_then(|d| d.name.as_deref()) == Some("Dr. Dana Schutz")
                    && o.dpo.as_ref().and_then(|d| d.email.as_deref()) == Some("dsb@beispiel.de")
                    && o.supervisory_authority.as_ref().map(|a| a.name.as_str())
                        == Some("LfD Niedersachsen"))
            },
            "the organisation's country, DPO and authority in the file",
        )
        .await?;
        screenshot(&client, "editors-organisation-en").await?;
        click(&client, "[data-testid='nav-activities']").await?;

        // The activity: two purposes on different bases, the interest of 6(1)(f).
        click(&client, "[data-testid='activity-new']").await?;
        find(&client, "[data-testid='edit-name-en']")
            .await?
            .send_keys(": newsletter")
            .await?;
        click(&client, "[data-testid='add-purpose']").await?;
        click(&client, "[data-testid='add-purpose']").await?;
        let descriptions = client
            .find_all(Locator::Css("[data-testid='purpose-description-en']"))
            .await?;
        descriptions[0]
            .send_keys("Sending the newsletter ordered")
            .await?;
        descriptions[1].send_keys("Measuring opening rates").await?;
        choose(&client, "[data-testid='purpose-basis']", 0, "ART6_1_B").await?;
        choose(&client, "[data-testid='purpose-basis']", 1, "ART6_1_F").await?;
        type_into(
            &client,
            "[data-testid='purpose-interest-en']",
            "Improving our mailings",
        )
        .await?;
        screenshot(&client, "editors-activity-en").await?;

        // The processor.
        click(&client, "[data-testid='nav-parties']").await?;
        click(&client, "[data-testid='party-new']").await?;
        type_into(&client, "[data-testid='field-name']", "Mailer Inc.").await?;
        choose(&client, "[data-testid='field-country']", 0, "US").await?;
        let status = find(&client, "[data-testid='field-country-status']").await?;
        let status = status.text().await?;
        assert!(
            status.contains("Adequacy in part"),
            "country status: {status}"
        );

        // Its Art. 28 agreement.
        click(&client, "[data-testid='agreement-add']").await?;
        choose(&client, "[data-testid='agreement-status']", 0, "signed").await?;
        type_into(&client, "[data-testid='agreement-signed_on']", "2026-01-15").await?;
        for clause in [
            "a_instructions",
            "b_confidentiality",
            "c_security",
            "d_subprocessors",
            "e_data_subject_rights",
            "f_assistance",
            "g_deletion_return",
            "h_audits",
        ] {
            choose(
                &client,
                &format!("[data-testid='art28-{clause}']"),
                0,
                "yes",
            )
            .await?;
        }

        // The transfer to the US: the form offers the DPF (and never the Privacy Shield).
        click(&client, "[data-testid='transfer-add']").await?;
        choose(&client, "[data-testid='transfer-country']", 0, "US").await?;
        find(
            &client,
            "[data-testid='transfer-mechanism'] option[value='dpf']",
        )
        .await?;
        let offered = client
            .find_all(Locator::Css("[data-testid='transfer-mechanism'] option"))
            .await?;
        let mut values = Vec::new();
        for o in offered {
            values.push(o.attr("value").await?.unwrap_or_default());
        }
        assert!(values.contains(&"scc".to_owned()), "{values:?}");
        assert!(
            !values
                .iter()
                .any(|v| v == "privacy_shield" || v.starts_with("adequacy")),
            "{values:?}"
        );
        choose(&client, "[data-testid='transfer-mechanism']", 0, "dpf").await?;
        type_into(
            &client,
            "[data-testid='transfer-field-participant']",
            "Mailer Inc.",
        )
        .await?;
        type_into(
            &client,
            "[data-testid='transfer-field-checked_on']",
            "2026-02-01",
        )
        .await?;
        let reason = find(&client, "[data-testid='transfer-reason']").await?;
        assert!(reason.text().await?.contains("Data Privacy Framework"));

        // Read by another process while the app runs, as the CLI would: this is what showed
        // that a file dialog in the app's process broke SQLite's locks (see file_dialog.rs).
        let outcome = eventually(
            || Ok(complete(&read(&path)?)),
            "every record in the register file",
        )
        .await;
        if outcome.is_err() {
            screenshot(&client, "editors-failure").await?;
        }
        outcome.map_err(|err| {
            let state = read(&path).map(|s| {
                format!(
                    "activity {:?}\nparty {:?}\nagreement {:?}\ntransfer {:?}",
                    s.activity, s.party, s.agreement, s.transfer
                )
            });
            format!("{err}; the file holds:\n{state:?}")
        })?;
        screenshot(&client, "editors-parties-en").await?;
        client
            .execute(
                "document.querySelector(\"[data-testid='transfer-editor']\").scrollIntoView()",
                vec![],
            )
            .await?;
        screenshot(&client, "editors-transfer-en").await?;

        // An invalid date is refused by the core and marked at its field.
        type_into(
            &client,
            "[data-testid='agreement-expires_on']",
            "2026-13-45",
        )
        .await?;
        find(
            &client,
            "[data-testid='agreement-expires_on'][aria-invalid='true']",
        )
        .await?;
        screenshot(&client, "editors-field-error-en").await?;
        type_into(
            &client,
            "[data-testid='agreement-expires_on']",
            "2027-12-31",
        )
        .await?;
        expiry_in_file(&path, "2027-12-31").await?;

        // The Art. 30 record as PDF, through the export screen and the native save dialog:
        // what was just entered is in it.
        click(&client, "[data-testid='nav-export']").await?;
        click(&client, "[data-testid='export-doc-controller_record']").await?;
        click(&client, "[data-testid='export-run']").await?;
        fill_file_dialog("Export", &pdf).await?;
        let result = find(&client, "[data-testid='export-result']").await?;
        assert!(result.text().await?.contains("record.pdf"));
        let file = pdf.display().to_string();
        run_tool("qpdf", &["--check", &file])?;
        let text = run_tool("pdftotext", &["-enc", "UTF-8", &file, "-"])?;
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for fact in [
            "Beispiel GmbH",
            "New activity: newsletter",
            "Sending the newsletter ordered",
            "Measuring opening rates",
            "Art. 6(1)(b) GDPR",
            "Art. 6(1)(f) GDPR",
            "Improving our mailings",
            "Mailer Inc.",
            "Data Privacy Framework",
            "DPF participant: Mailer Inc.",
            "Dr. Dana Schutz",
            "LfD Niedersachsen",
            "United States",
        ] {
            assert!(
                text.contains(fact),
                "`{fact}` missing from the exported PDF"
            );
        }

        click(&client, "[data-testid='nav-catalogues']").await?;
        type_into(&client, "[data-testid='catalogue-new-name']", "Health data").await?;
        click(&client, "[data-testid='catalogue-add']").await?;
        find(&client, "[data-testid='catalogue-special']").await?;
        screenshot(&client, "editors-catalogues-en").await?;

        // Used by the activity, the category cannot be deleted: the core's error names the user.
        click(&client, "[data-testid='nav-activities']").await?;
        click(&client, "[data-testid='activity-name']").await?;
        find(
            &client,
            "select[aria-label='Add data category…'] option[value]",
        )
        .await?;
        let options = client
            .find_all(Locator::Css(
                "select[aria-label='Add data category…'] option",
            ))
            .await?;
        let mut health = None;
        for o in options {
            if o.text().await?.trim() == "Health data" {
                health = o.attr("value").await?;
            }
        }
        let health = health.ok_or("the new category is offered in the activity")?;
        choose(
            &client,
            "select[aria-label='Add data category…']",
            0,
            &health,
        )
        .await?;

        // Its retention is a statutory duty from the reference data, with a condition; the
        // processor receives the data through its service; purpose 1 relies on § 7(3) UWG.
        let kind = "[data-testid='category-retention'] [data-testid='retention-kind']";
        choose(&client, kind, 0, "statutory").await?;
        let rule = "[data-testid='category-retention'] [data-testid='retention-rule']";
        choose(&client, rule, 0, "RET_DE_6Y").await?;
        type_into(
            &client,
            "[data-testid='category-retention'] [data-testid='retention-note-en']",
            "from the end of the calendar year",
        )
        .await?;
        let party = read(&path)?.party.ok_or("the processor is in the file")?;
        choose(&client, "[data-testid='add-recipient']", 0, &party.id).await?;
        type_into(
            &client,
            "[data-testid='recipient-service-en']",
            "Mailer Cloud",
        )
        .await?;
        type_into(
            &client,
            "[data-testid='recipient-location-en']",
            "US data centres",
        )
        .await?;
        choose(&client, "[data-testid='add-national-law']", 0, "UWG_7_3").await?;
        find(&client, "[data-testid='national-law']").await?;
        eventually(
            || Ok(read(&path)?.activity.is_some_and(|a| details_complete(&a))),
            "the retention duty, the recipient's service and the national provision in the file",
        )
        .await?;
        client
            .execute(
                "document.querySelector(\"[data-testid='data-categories']\").scrollIntoView()",
                vec![],
            )
            .await?;
        screenshot(&client, "editors-activity-details-en").await?;

        click(&client, "[data-testid='nav-catalogues']").await?;
        click(&client, "[data-testid='catalogue-delete']").await?;
        let refusal = find(&client, "[data-testid='catalogue-error']").await?;
        let refusal = refusal.text().await?;
        assert!(refusal.contains("NEW-01"), "refusal: {refusal}");
        let store = Store::open(&path)?;
        assert!(
            store
                .find::<ropa_core::model::DataCategory>(&health)?
                .is_some(),
            "the category is still in the file"
        );
        screenshot(&client, "editors-catalogue-in-use-en").await?;

        // German.
        click(&client, "[data-testid='lang-toggle']").await?;
        click(&client, "[data-testid='nav-organisation']").await?;
        find(&client, "[data-testid='dpo-name']").await?;
        screenshot(&client, "editors-organisation-de").await?;
        click(&client, "[data-testid='nav-catalogues']").await?;
        screenshot(&client, "editors-catalogues-de").await?;
        click(&client, "[data-testid='nav-parties']").await?;
        click(&client, "[data-testid='party-row']").await?;
        find(&client, "[data-testid='agreement-editor']").await?;
        screenshot(&client, "editors-parties-de").await?;
        // The core's refusals read in German too: an expiry before the signing date.
        type_into(
            &client,
            "[data-testid='agreement-expires_on']",
            "2025-01-01",
        )
        .await?;
        let refusal = find(&client, "[data-testid='agreement-editor'] .field-error").await?;
        let refusal = refusal.text().await?;
        assert!(
            refusal.contains("liegt vor dem Unterschriftsdatum 2026-01-15"),
            "{refusal}"
        );
        screenshot(&client, "editors-field-error-de").await?;
        type_into(
            &client,
            "[data-testid='agreement-expires_on']",
            "2027-12-31",
        )
        .await?;
        expiry_in_file(&path, "2027-12-31").await?;
        client
            .execute(
                "document.querySelector(\"[data-testid='transfer-editor']\").scrollIntoView()",
                vec![],
            )
            .await?;
        screenshot(&client, "editors-transfer-de").await?;
        click(&client, "[data-testid='nav-activities']").await?;
        click(&client, "[data-testid='activity-name']").await?;
        find(&client, "[data-testid='purpose-interest-en']").await?;
        screenshot(&client, "editors-activity-de").await?;
        client
            .execute(
                "document.querySelector(\"[data-testid='activity-more']\").scrollIntoView()",
                vec![],
            )
            .await?;
        screenshot(&client, "editors-activity-more-de").await?;
        Ok(())
    })
    .await?;

    // Reopened on the same file: everything is there, in the UI and in the file.
    let seen = read(&path)?;
    assert!(complete(&seen), "records after the first session");
    with_app(&args, |client| async move {
        let names = find(&client, "[data-testid='activity-name']").await?;
        assert_eq!(names.text().await?.trim(), "New activity: newsletter");
        // The destination filter finds it by the transfer's country.
        choose(&client, "[data-testid='filter-country']", 0, "US").await?;
        let rows = client
            .find_all(Locator::Css("[data-testid='activity-row']"))
            .await?;
        assert_eq!(rows.len(), 1);

        click(&client, "[data-testid='nav-parties']").await?;
        click(&client, "[data-testid='party-row']").await?;
        assert_eq!(
            value_of(&client, "[data-testid='field-name']").await?,
            "Mailer Inc."
        );
        assert_eq!(
            value_of(&client, "[data-testid='field-country']").await?,
            "US"
        );
        assert_eq!(
            value_of(&client, "[data-testid='agreement-status']").await?,
            "signed"
        );
        assert_eq!(
            value_of(&client, "[data-testid='agreement-signed_on']").await?,
            "2026-01-15"
        );
        // Every clause reads as present after the restart.
        for select in client
            .find_all(Locator::Css("[data-testid='agreement-checklist'] select"))
            .await?
        {
            assert_eq!(select.prop("value").await?.as_deref(), Some("yes"));
        }
        assert_eq!(
            client
                .find_all(Locator::Css("[data-testid='agreement-checklist'] select"))
                .await?
                .len(),
            8
        );
        find(
            &client,
            "[data-testid='transfer-mechanism'] option[value='dpf']",
        )
        .await?;
        assert_eq!(
            value_of(&client, "[data-testid='transfer-mechanism']").await?,
            "dpf"
        );
        assert_eq!(
            value_of(&client, "[data-testid='transfer-field-participant']").await?,
            "Mailer Inc."
        );
        assert_eq!(
            value_of(&client, "[data-testid='transfer-field-checked_on']").await?,
            "2026-02-01"
        );

        click(&client, "[data-testid='nav-activities']").await?;
        click(&client, "[data-testid='activity-name']").await?;
        find(&client, "[data-testid='purpose-interest-en']").await?;
        assert_eq!(
            value_of(&client, "[data-testid='purpose-interest-en']").await?,
            "Improving our mailings"
        );
        assert_eq!(
            value_of(
                &client,
                "[data-testid='category-retention'] [data-testid='retention-rule']"
            )
            .await?,
            "RET_DE_6Y"
        );
        assert_eq!(
            value_of(&client, "[data-testid='recipient-service-en']").await?,
            "Mailer Cloud"
        );
        let law = find(&client, "[data-testid='national-law']").await?;
        assert!(law.text().await?.contains("UWG"));
        Ok(())
    })
    .await?;
    let seen = read(&path)?;
    assert!(complete(&seen), "records after the second session");
    assert!(
        seen.activity.as_ref().is_some_and(details_complete),
        "the activity's details after the second session"
    );
    Ok(())
}
