//! The start screen, the native file dialogs and the export screen, in the real app.
//!
//! The GTK file dialogs are real: the test finds them on the X display with `xdotool`, types
//! the path into them and presses Return, as a person would. The recent-registers list of
//! these tests lives in a temporary directory (`--config-dir`), not in the user's config.

mod common;

use std::error::Error;
use std::time::{Duration, Instant};

use common::{
    TestResult, WAIT, click, fill_file_dialog, find, launch, run_tool, screenshot, text, xdotool,
};
use fantoccini::Locator;
use fantoccini::key::Key;
use ropa_core::model::Activity;
use ropa_core::store::Store;

async fn wait_until<F, Fut>(what: &str, mut check: F) -> TestResult
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = TestResult<bool>>,
{
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if check().await? {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err(format!("timed out waiting for {what}").into())
}

#[tokio::test]
async fn new_register_through_the_dialogs_export_pdf_and_reopen_from_the_recent_list() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let config = dir.path().join("config");
    let register = dir.path().join("e2e-new.ropa");
    let pdf = dir.path().join("record.pdf");
    let copy = dir.path().join("e2e-copy.ropa");
    let text_file = dir.path().join("notes.ropa");
    std::fs::write(&text_file, "just some notes, not a register")?;
    let organisation = "E2E Muster GmbH";
    let activity = "Visitor statistics (e2e)";
    let args = vec!["--config-dir".to_owned(), config.display().to_string()];

    let client = launch(&args).await?;
    let outcome = async {
        // No --register: the start screen, with an empty recent list.
        find(&client, "[data-testid='start-screen']").await?;
        assert!(
            client
                .find_all(Locator::Css("[data-testid='recent-entry']"))
                .await?
                .is_empty()
        );
        screenshot(&client, "en-start-empty").await?;

        // New register: the native save dialog, then the organisation name.
        click(&client, "[data-testid='start-new']").await?;
        fill_file_dialog("New register", &register).await?;
        let name = find(&client, "[data-testid='new-org-name']").await?;
        screenshot(&client, "en-start-new").await?;
        name.send_keys(organisation).await?;
        click(&client, "[data-testid='new-create']").await?;
        let heading = client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='organisation-name']"))
            .await?;
        assert_eq!(heading.text().await?.trim(), organisation);
        assert!(register.is_file(), "the register file was created");
        wait_until("the window title", || async {
            let title = client.title().await?;
            Ok(title.contains(organisation) && title.contains("e2e-new.ropa"))
        })
        .await?;

        // An activity, added from outside (as the CLI would), so the record has content.
        {
            let mut store = Store::open(&register)?;
            store.insert(Activity::new("stats", "WEB-01", activity))?;
        }

        // Export the Art. 30 record as PDF through the save dialog.
        click(&client, "[data-testid='nav-export']").await?;
        find(&client, "[data-testid='export-doc-controller_record']").await?;
        screenshot(&client, "en-export").await?;
        click(&client, "[data-testid='export-run']").await?;
        fill_file_dialog("Export", &pdf).await?;
        let result = text(&client, "[data-testid='export-result']").await?;
        assert!(result.contains("record.pdf"), "result line: {result}");
        screenshot(&client, "en-export-done").await?;
        let pdf_text = pdf.display().to_string();
        let extracted = run_tool("pdftotext", &["-layout", &pdf_text, "-"])?;
        assert!(
            extracted.contains(organisation),
            "PDF text lacks the organisation"
        );
        assert!(extracted.contains(activity), "PDF text lacks the activity");
        run_tool("qpdf", &["--check", &pdf_text])?;

        // German: the export screen and the start screen over the open register.
        click(&client, "[data-testid='lang-toggle']").await?;
        click(&client, "[data-testid='export-doc-notice']").await?;
        screenshot(&client, "de-export").await?;
        click(&client, "[data-testid='nav-start']").await?;
        find(&client, "[data-testid='recent-entry']").await?;
        screenshot(&client, "de-start").await?;

        // Duplicate the open register through the save dialog: a valid copy, the original open.
        click(&client, "[data-testid='start-duplicate']").await?;
        // The interface is German, and so is the dialog's title.
        fill_file_dialog("Verzeichnis duplizieren", &copy).await?;
        let line = text(&client, "[data-testid='duplicate-result']").await?;
        assert!(line.contains("e2e-copy.ropa"), "duplicate line: {line}");
        let copied = Store::open(&copy)?;
        assert_eq!(copied.organisation()?.legal_name, organisation);
        assert_eq!(copied.list::<Activity>()?.len(), 1);
        drop(copied);

        // Renaming the organisation renames the window.
        click(&client, "[data-testid='nav-organisation']").await?;
        let legal_name = find(&client, "[data-testid='field-legal_name']").await?;
        legal_name.send_keys(" Nord").await?;
        wait_until("the renamed window title", || async {
            Ok(client.title().await?.contains("E2E Muster GmbH Nord"))
        })
        .await?;
        legal_name
            .send_keys(&char::from(Key::Backspace).to_string().repeat(5))
            .await?;
        wait_until("the window title after undoing", || async {
            Ok(!client.title().await?.contains("Nord"))
        })
        .await?;
        click(&client, "[data-testid='nav-start']").await?;
        find(&client, "[data-testid='start-duplicate']").await?;
        click(&client, "[data-testid='lang-toggle']").await?;
        screenshot(&client, "en-start").await?;
        Ok::<_, Box<dyn Error>>(())
    }
    .await;
    let closed = client.close().await;
    outcome?;
    closed?;

    // Relaunch: the register is first in the recent list and opens from there.
    let client = launch(&args).await?;
    let outcome = async {
        find(&client, "[data-testid='start-screen']").await?;
        let first = text(&client, "[data-testid='recent-organisation']").await?;
        assert_eq!(first, organisation);

        // Opening a file that is not a register explains it, typed, on the start screen.
        click(&client, "[data-testid='start-open']").await?;
        fill_file_dialog("Open register", &text_file).await?;
        let error = text(&client, "[data-testid='start-error']").await?;
        assert!(
            error.contains("not a RoPA Desk register") && error.contains("not_a_register"),
            "error shown: {error}"
        );
        screenshot(&client, "en-start-error").await?;
        click(&client, "[data-testid='recent-open']").await?;
        let heading = text(&client, "[data-testid='organisation-name']").await?;
        assert_eq!(heading, organisation);
        let names = client
            .find_all(Locator::Css("[data-testid='activity-name']"))
            .await?;
        let mut found = Vec::new();
        for n in names {
            found.push(n.text().await?.trim().to_owned());
        }
        assert_eq!(found, [activity]);
        // Ctrl+O opens the native open dialog from inside a register.
        client
            .active_element()
            .await?
            .send_keys(&format!("{}o", char::from(Key::Control)))
            .await?;
        let start = Instant::now();
        loop {
            let found = xdotool(&["search", "--onlyvisible", "--name", "^Open register$"])?;
            if !found.trim().is_empty() {
                break;
            }
            if start.elapsed() > WAIT {
                return Err("Ctrl+O showed no open dialog".into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        fill_file_dialog("Open register", &register).await?;
        let heading = text(&client, "[data-testid='organisation-name']").await?;
        assert_eq!(heading, organisation);
        Ok::<_, Box<dyn Error>>(())
    }
    .await;
    let closed = client.close().await;
    outcome?;
    closed?;
    Ok(())
}

/// A register text typed in German beside its English original reaches the German record, and
/// the English record keeps the English text.
#[tokio::test]
async fn a_german_text_typed_beside_the_english_one_reaches_each_pdf_in_its_language() -> TestResult
{
    let dir = tempfile::tempdir()?;
    let config = dir.path().join("config");
    let register = dir.path().join("e2e-bilingual.ropa");
    let (english, german) = ("Sending the monthly issue", "Versand der Monatsausgabe");
    {
        let mut org = ropa_core::model::Organisation::new("E2E Zweisprachig GmbH");
        org.languages = vec![ropa_core::model::Language::De];
        let mut store = Store::create(&register, &org)?;
        let mut a = Activity::new("news", "MKT-01", "Newsletter");
        a.purposes.push(ropa_core::model::Purpose::new(
            "send",
            english,
            Some(ropa_core::model::LegalBasis::Consent),
        ));
        store.insert(a)?;
    }
    let args = vec![
        "--config-dir".to_owned(),
        config.display().to_string(),
        "--register".to_owned(),
        register.display().to_string(),
    ];
    let client = launch(&args).await?;
    let outcome = async {
        click(&client, "[data-testid='activity-name']").await?;
        let english_field = find(&client, "[data-testid='purpose-description-en']").await?;
        assert_eq!(english_field.prop("value").await?.as_deref(), Some(english));
        // The German field is empty and marked; typing fills it, the English text stays.
        find(&client, "[data-testid='purpose-description-de-copy']").await?;
        find(&client, "[data-testid='purpose-description-de']")
            .await?
            .send_keys(german)
            .await?;
        wait_until("the German text in the register file", || async {
            let a: Activity = Store::open(&register)?.lookup("news")?;
            let d = &a.purposes[0].description;
            use ropa_core::model::Language::{De, En};
            Ok(d.get(De, En) == Some(german) && d.get(En, En) == Some(english))
        })
        .await?;
        screenshot(&client, "editors-bilingual").await?;

        // The record as PDF, once per language, through the export screen and its dialog.
        click(&client, "[data-testid='nav-export']").await?;
        click(&client, "[data-testid='export-doc-controller_record']").await?;
        for (lang, wanted, foreign) in [("de", german, english), ("en", english, german)] {
            common::choose(&client, "[data-testid='export-language']", 0, lang).await?;
            let pdf = dir.path().join(format!("record-{lang}.pdf"));
            click(&client, "[data-testid='export-run']").await?;
            fill_file_dialog("Export", &pdf).await?;
            let result = text(&client, "[data-testid='export-result']").await?;
            assert!(result.contains(&format!("record-{lang}.pdf")), "{result}");
            let extracted = run_tool("pdftotext", &[&pdf.display().to_string(), "-"])?;
            let words = extracted.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(words.contains(wanted), "{lang}: the PDF lacks {wanted:?}");
            assert!(
                !words.contains(foreign),
                "{lang}: the PDF holds {foreign:?}"
            );
        }
        Ok::<(), Box<dyn Error>>(())
    }
    .await;
    let closed = client.close().await;
    outcome?;
    closed?;
    Ok(())
}
