//! The start screen, the native file dialogs and the export screen, in the real app.
//!
//! The GTK file dialogs are real: the test finds them on the X display with `xdotool`, types
//! the path into them and presses Return, as a person would. The recent-registers list of
//! these tests lives in a temporary directory (`--config-dir`), not in the user's config.

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use ropa_core::model::Activity;
use ropa_core::store::Store;
use serde_json::json;

type TestResult<T = ()> = Result<T, Box<dyn Error>>;

const WAIT: Duration = Duration::from_secs(30);

fn app_binary() -> PathBuf {
    std::env::var_os("ROPA_E2E_APP").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/ropa-desk"),
        PathBuf::from,
    )
}

async fn launch(args: &[String]) -> TestResult<Client> {
    let app = app_binary();
    if !app.is_file() {
        return Err(format!("app binary {} not found (build it first)", app.display()).into());
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert(
        "tauri:options".into(),
        json!({ "application": app, "args": args }),
    );
    let url =
        std::env::var("ROPA_E2E_WEBDRIVER").unwrap_or_else(|_| "http://127.0.0.1:4444".into());
    Ok(ClientBuilder::rustls()?
        .capabilities(caps)
        .connect(&url)
        .await
        .map_err(|err| format!("cannot start a session on tauri-driver at {url}: {err}"))?)
}

async fn find(client: &Client, css: &str) -> TestResult<fantoccini::elements::Element> {
    Ok(client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await?)
}

async fn click(client: &Client, css: &str) -> TestResult {
    find(client, css).await?.click().await?;
    Ok(())
}

async fn text(client: &Client, css: &str) -> TestResult<String> {
    Ok(find(client, css).await?.text().await?.trim().to_owned())
}

async fn screenshot(client: &Client, name: &str) -> TestResult {
    if let Some(dir) = std::env::var_os("ROPA_E2E_SCREENSHOT_DIR") {
        std::fs::create_dir_all(&dir)?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        std::fs::write(
            Path::new(&dir).join(format!("{name}.png")),
            client.screenshot().await?,
        )?;
    }
    Ok(())
}

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

fn xdotool(args: &[&str]) -> TestResult<String> {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .map_err(|err| format!("xdotool not runnable ({err}); run scripts/install-deps.sh"))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Waits for the native GTK file dialog titled `title`, types `path` into its name field and
/// presses Return.
async fn fill_file_dialog(title: &str, path: &Path) -> TestResult {
    let start = Instant::now();
    let window = loop {
        let found = xdotool(&["search", "--onlyvisible", "--name", &format!("^{title}$")])?;
        if let Some(id) = found.lines().last().filter(|l| !l.trim().is_empty()) {
            break id.trim().to_owned();
        }
        if start.elapsed() > WAIT {
            return Err(format!("no file dialog titled {title:?} appeared").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    // Let GTK finish mapping the dialog and focusing its name field.
    tokio::time::sleep(Duration::from_millis(800)).await;
    xdotool(&["windowfocus", "--sync", &window])?;
    // Ctrl+L opens the location entry (open dialogs; save dialogs focus their name entry).
    // Typing a leading `/` would open it too, but the keys typed while it appears get lost.
    xdotool(&["key", "--clearmodifiers", "ctrl+l"])?;
    tokio::time::sleep(Duration::from_millis(400)).await;
    xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
    let path = path.display().to_string();
    xdotool(&["type", "--delay", "15", &path])?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    xdotool(&["key", "Return"])?;
    Ok(())
}

fn run_tool(program: &str, args: &[&str]) -> TestResult<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|err| format!("{program} not runnable: {err}"))?;
    if !out.status.success() {
        return Err(format!(
            "{program} {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
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
        fill_file_dialog("Duplicate register", &copy).await?;
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
