//! Drives the real RoPA Desk binary through WebDriver and checks what a person would see.
//!
//! Needs a running `tauri-driver` (which starts `WebKitWebDriver`) and an X display; run it with
//! `scripts/e2e.sh`. Environment:
//! - `ROPA_E2E_APP`: the app binary, built with the frontend inside
//!   (`tauri build --debug --no-bundle`); default `target/debug/ropa-desk` of this repository.
//! - `ROPA_E2E_WEBDRIVER`: tauri-driver's URL, default `http://127.0.0.1:4444`.
//! - `ROPA_E2E_SCREENSHOT`: if set, a PNG of the first screen is written there.
//! - `ROPA_E2E_SCREENSHOT_DIR`: if set, PNGs of every screen (English and German) go there.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{TestResult, WAIT, choose, click, eventually, find, screenshot, type_into, with_app};
use fantoccini::{Client, Locator};
use ropa_core::interchange::{self, Register};
use ropa_core::model::{Activity, Language};
use ropa_core::store::Store;

const FIXTURE: &str = include_str!("../../fixtures/ntware.json");

async fn texts(client: &Client, css: &str) -> TestResult<Vec<String>> {
    let mut out = Vec::new();
    for element in client.find_all(Locator::Css(css)).await? {
        out.push(element.text().await?.trim().to_owned());
    }
    Ok(out)
}

fn create_register(path: &Path) -> TestResult<(String, Vec<Activity>)> {
    let register = Register::from_json_str(FIXTURE)?;
    let mut store = Store::create(path, &register.organisation)?;
    interchange::import(&mut store, &register)?;
    Ok((store.organisation()?.legal_name, store.list::<Activity>()?))
}

/// An activity's English name as the register file holds it now.
fn english_name(path: &Path, id: &str) -> TestResult<String> {
    Ok(Store::open(path)?
        .get::<Activity>(id)?
        .name
        .best(Language::En)
        .to_owned())
}

#[tokio::test]
async fn first_screen_shows_the_register() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("e2e-register.sqlite");
    let (organisation, activities) = create_register(&path)?;
    assert!(!activities.is_empty(), "the fixture has activities");
    let args = vec!["--register".to_owned(), path.display().to_string()];

    with_app(&args, |client| async move {
        let heading = client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='organisation-name']"))
            .await?;
        assert_eq!(heading.text().await?.trim(), organisation);
        // The title names the open register.
        let title = client.title().await?;
        assert!(
            title.contains(&organisation) && title.contains("e2e-register.sqlite"),
            "title: {title}"
        );

        let names = texts(&client, "[data-testid='activity-name']").await?;
        let expected: Vec<&str> = activities
            .iter()
            .map(|a| a.name.best(Language::En))
            .collect();
        assert_eq!(names, expected);
        let references = texts(&client, "[data-testid='activity-reference']").await?;
        let expected: Vec<&str> = activities.iter().map(|a| a.reference.as_str()).collect();
        assert_eq!(references, expected);

        if let Some(shot) = std::env::var_os("ROPA_E2E_SCREENSHOT") {
            std::fs::write(shot, client.screenshot().await?)?;
        }
        Ok(())
    })
    .await
}

#[tokio::test]
async fn missing_register_is_explained_not_crashed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let missing = dir.path().join("does-not-exist.sqlite");
    let args = vec![format!("--register={}", missing.display())];

    with_app(&args, |client| async move {
        let alert = client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='load-error']"))
            .await?;
        let text = alert.text().await?;
        assert!(
            text.contains("No register is open"),
            "unexpected error text: {text}"
        );
        assert!(
            text.contains("register_not_open"),
            "error code shown: {text}"
        );
        Ok(())
    })
    .await
}

#[tokio::test]
async fn edits_save_as_the_user_types_and_a_conflict_is_shown_not_overwritten() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("e2e-edit.sqlite");
    let (_, activities) = create_register(&path)?;
    let first = activities[0].clone();
    let args = vec!["--register".to_owned(), path.display().to_string()];

    with_app(&args, |client| async move {
        click(&client, "[data-testid='activity-name']").await?;
        let name = client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='edit-name-en']"))
            .await?;
        name.send_keys(" (edited)").await?;
        let wanted = format!("{} (edited)", first.name.best(Language::En));
        eventually(
            || Ok(english_name(&path, &first.id)? == wanted),
            "the edited name in the register file",
        )
        .await?;
        screenshot(&client, "activity-editor").await?;

        // The CLI changes the same activity; the next edit in the app must not overwrite it.
        {
            let mut store = Store::open(&path)?;
            let mut activity: Activity = store.get(&first.id)?;
            activity.name = "Changed by the CLI".into();
            store.update(activity)?;
        }
        name.send_keys(" again").await?;
        client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='conflict-banner']"))
            .await?;
        screenshot(&client, "activity-conflict").await?;
        assert_eq!(
            Store::open(&path)?.get::<Activity>(&first.id)?.name,
            "Changed by the CLI"
        );
        click(&client, "[data-testid='conflict-reload']").await?;
        let reloaded = client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='edit-name-en']"))
            .await?;
        let start = std::time::Instant::now();
        loop {
            let value = reloaded.prop("value").await?.unwrap_or_default();
            if value == "Changed by the CLI" {
                break;
            }
            if start.elapsed() > WAIT {
                return Err(format!("field shows {value:?} after reload").into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Ok(())
    })
    .await
}

/// Another program holding the register's write lock (the CLI importing a large register)
/// makes the app's save wait, says so, and saves once the register is free — no error, no lost
/// edit.
#[tokio::test]
async fn a_save_waits_for_a_register_held_by_another_program_and_says_so() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("e2e-busy.sqlite");
    let (_, activities) = create_register(&path)?;
    let first = activities[0].clone();
    let args = vec!["--register".to_owned(), path.display().to_string()];

    with_app(&args, |client| async move {
        click(&client, "[data-testid='activity-name']").await?;
        let name = find(&client, "[data-testid='edit-name-en']").await?;
        let holder = Store::open(&path)?;
        holder
            .connection()
            .execute_batch("BEGIN IMMEDIATE; UPDATE register_info SET updated_at = updated_at;")?;
        name.send_keys(" (while busy)").await?;
        find(&client, "[data-testid='register-busy']").await?;
        screenshot(&client, "register-busy").await?;
        let wanted = format!("{} (while busy)", first.name.best(Language::En));
        assert_ne!(english_name(&path, &first.id)?, wanted);
        holder.connection().execute_batch("COMMIT")?;
        eventually(
            || Ok(english_name(&path, &first.id)? == wanted),
            "the edit saved once the register is free",
        )
        .await?;
        let start = std::time::Instant::now();
        while !client
            .find_all(Locator::Css("[data-testid='register-busy']"))
            .await?
            .is_empty()
        {
            if start.elapsed() > WAIT {
                return Err("the waiting notice stays after the save".into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert!(
            client
                .find_all(Locator::Css("[data-testid='save-error']"))
                .await?
                .is_empty(),
            "no error shown"
        );
        Ok(())
    })
    .await
}

#[tokio::test]
async fn every_screen_renders_in_english_and_german() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("e2e-screens.sqlite");
    create_register(&path)?;
    let args = vec!["--register".to_owned(), path.display().to_string()];

    with_app(&args, |client| async move {
        client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='activity-row']"))
            .await?;
        for lang in ["en", "de"] {
            for section in [
                "activities",
                "parties",
                "services",
                "catalogues",
                "organisation",
                "notice",
                "checks",
                "export",
            ] {
                click(&client, &format!("[data-testid='nav-{section}']")).await?;
                match section {
                    "parties" => click(&client, "[data-testid='party-row']").await?,
                    "notice" => {
                        client
                            .wait()
                            .at_most(WAIT)
                            .for_element(Locator::Css("[data-testid='notice-section']"))
                            .await?;
                    }
                    "services" => {
                        client
                            .wait()
                            .at_most(WAIT)
                            .for_element(Locator::Css("[data-testid='services-count']"))
                            .await?;
                    }
                    "checks" => {
                        client
                            .wait()
                            .at_most(WAIT)
                            .for_element(Locator::Css("[data-testid='checks-summary']"))
                            .await?;
                    }
                    "export" => {
                        client
                            .wait()
                            .at_most(WAIT)
                            .for_element(Locator::Css(
                                "[data-testid='export-doc-controller_record']",
                            ))
                            .await?;
                    }
                    _ => {}
                }
                screenshot(&client, &format!("{lang}-{section}")).await?;
            }
            click(&client, "[data-testid='lang-toggle']").await?;
        }
        let nav = texts(&client, "nav button").await?;
        assert_eq!(nav.first().map(String::as_str), Some("Activities"));
        Ok(())
    })
    .await
}

#[tokio::test]
async fn a_new_activity_with_two_purposes_on_different_bases_is_kept() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("e2e-new.sqlite");
    create_register(&path)?;
    let args = vec!["--register".to_owned(), path.display().to_string()];

    let find_new = |path: &Path| -> TestResult<Option<Activity>> {
        Ok(Store::open(path)?
            .list::<Activity>()?
            .into_iter()
            .find(|a| a.reference == "NEW-01"))
    };

    let path1 = path.clone();
    with_app(&args, |client| async move {
        let path = path1;
        click(&client, "[data-testid='activity-new']").await?;
        let name = client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='edit-name-en']"))
            .await?;
        name.send_keys(": newsletter").await?;
        click(&client, "[data-testid='add-purpose']").await?;
        click(&client, "[data-testid='add-purpose']").await?;
        let descriptions = client
            .find_all(Locator::Css("[data-testid='purpose-description-en']"))
            .await?;
        assert_eq!(descriptions.len(), 2);
        descriptions[0].send_keys("Sending the newsletter").await?;
        descriptions[1].send_keys("Measuring opening rates").await?;
        choose(&client, "[data-testid='purpose-basis']", 0, "ART6_1_A").await?;
        choose(&client, "[data-testid='purpose-basis']", 1, "ART6_1_F").await?;

        eventually(
            || {
                Ok(find_new(&path)?.is_some_and(|a| {
                    let bases: Vec<_> = a
                        .purposes
                        .iter()
                        .map(|p| p.legal_basis.map(|b| format!("{b:?}")))
                        .collect();
                    a.name == "New activity: newsletter"
                        && a.purposes.len() == 2
                        && a.purposes[1].description == "Measuring opening rates"
                        && bases[0] != bases[1]
                        && bases.iter().all(Option::is_some)
                }))
            },
            "the new activity with two purposes in the register file",
        )
        .await?;
        screenshot(&client, "activity-new").await?;
        Ok(())
    })
    .await?;

    // Reopened, the app shows it in the list.
    let path2 = path.clone();
    with_app(&args, |client| async move {
        client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css("[data-testid='activity-row']"))
            .await?;
        let references = texts(&client, "[data-testid='activity-reference']").await?;
        assert!(references.iter().any(|r| r == "NEW-01"), "{references:?}");
        let names = texts(&client, "[data-testid='activity-name']").await?;
        assert!(names.iter().any(|n| n == "New activity: newsletter"));
        assert_eq!(find_new(&path2)?.map(|a| a.purposes.len()), Some(2));
        Ok(())
    })
    .await
}

#[tokio::test]
async fn the_notice_settings_made_on_screen_shape_the_notice_built_from_the_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("e2e-notice.sqlite");
    create_register(&path)?;
    let args = vec!["--register".to_owned(), path.display().to_string()];

    let p = path.clone();
    with_app(&args, |client| async move {
        click(&client, "[data-testid='nav-notice']").await?;
        find(&client, "[data-testid='notice-section']").await?;
        let before = texts(&client, "[data-testid='notice-section'] span").await?;
        type_into(&client, "[data-testid='notice-version']", "2.1").await?;
        type_into(&client, "[data-testid='notice-version_date']", "2026-03-01").await?;
        // The third section moves to second place.
        let ups = client
            .find_all(Locator::Css("[data-testid='section-up']"))
            .await?;
        ups[2].click().await?;
        let after = texts(&client, "[data-testid='notice-section'] span").await?;
        assert_eq!(after[1], before[2]);
        // The controller section's first sentence in our own words.
        click(&client, "[data-testid='override-add']").await?;
        choose(
            &client,
            "[data-testid='override-sentence']",
            0,
            "controller.intro",
        )
        .await?;
        type_into(
            &client,
            "[data-testid='override-text']",
            "Responsible for your data is:",
        )
        .await?;
        screenshot(&client, "notice-settings-edited").await?;
        eventually(
            || {
                let store = Store::open(&p)?;
                let settings = store.notice_settings()?;
                Ok(settings.version.as_deref() == Some("2.1")
                    && settings
                        .overrides
                        .iter()
                        .any(|o| o.text == "Responsible for your data is:"))
            },
            "the notice settings in the file",
        )
        .await
    })
    .await?;

    // The notice the CLI would build from the file follows them.
    let store = Store::open(&path)?;
    let built =
        ropa_core::notice::build_from_store(&store, &ropa_core::notice::NoticeOptions::default())?;
    let text = ropa_core::notice::markdown::render(&built);
    assert!(text.contains("Version 2.1 of 1 March 2026"), "{text}");
    assert!(text.contains("Responsible for your data is:"), "{text}");
    Ok(())
}
