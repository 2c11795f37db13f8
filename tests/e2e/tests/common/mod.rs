//! What the end-to-end test files share: starting the built app in a WebDriver session,
//! screenshots, and driving the native GTK file dialogs with `xdotool` on the same X display.
//! (Each test file compiles this module; not every file uses every helper.)
#![allow(dead_code)]

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

pub type TestResult<T = ()> = Result<T, Box<dyn Error>>;

/// How long a test waits for something to appear.
pub const WAIT: Duration = Duration::from_secs(30);

/// The app binary: `ROPA_E2E_APP`, else `target/debug/ropa-desk` of this repository.
pub fn app_binary() -> PathBuf {
    std::env::var_os("ROPA_E2E_APP").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/debug/ropa-desk"),
        PathBuf::from,
    )
}

/// tauri-driver's URL: `ROPA_E2E_WEBDRIVER`, else the default port.
pub fn webdriver_url() -> String {
    std::env::var("ROPA_E2E_WEBDRIVER").unwrap_or_else(|_| "http://127.0.0.1:4444".into())
}

/// Starts the app with `args` in a new WebDriver session.
pub async fn launch(args: &[String]) -> TestResult<Client> {
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
    let url = webdriver_url();
    // An app that dies while starting (GTK once failed to initialise under Xvfb, in 1 of some
    // hundred launches) leaves WebKitWebDriver waiting for it forever: each attempt gets a time
    // limit, and a second launch is tried before the test fails.
    let mut failure = String::new();
    for attempt in 1..=LAUNCH_ATTEMPTS {
        let mut builder = ClientBuilder::rustls()?;
        builder.capabilities(caps.clone());
        match tokio::time::timeout(LAUNCH_LIMIT, builder.connect(&url)).await {
            Ok(Ok(client)) => return Ok(client),
            Ok(Err(err)) => {
                failure = format!("cannot start a session on tauri-driver at {url}: {err}")
            }
            Err(_) => {
                failure = format!(
                    "the app did not start within {}s (see the tauri-driver log for its output)",
                    LAUNCH_LIMIT.as_secs()
                )
            }
        }
        eprintln!("launch attempt {attempt} of {LAUNCH_ATTEMPTS} failed: {failure}");
    }
    Err(failure.into())
}

/// How long the app may take to start and open its window.
const LAUNCH_LIMIT: Duration = Duration::from_secs(45);
/// Launches tried before a test fails.
const LAUNCH_ATTEMPTS: u32 = 2;

/// Runs `body` on a fresh app session and always ends the session (which quits the app).
pub async fn with_app<F, Fut>(args: &[String], body: F) -> TestResult
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = TestResult>,
{
    let client = launch(args).await?;
    let outcome = body(client.clone()).await;
    let closed = client.close().await;
    outcome?;
    closed?;
    Ok(())
}

/// Writes a PNG of the window to `ROPA_E2E_SCREENSHOT_DIR/<name>.png` when that is set.
pub async fn screenshot(client: &Client, name: &str) -> TestResult {
    if let Some(dir) = std::env::var_os("ROPA_E2E_SCREENSHOT_DIR") {
        std::fs::create_dir_all(&dir)?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        std::fs::write(
            Path::new(&dir).join(format!("{name}.png")),
            client.screenshot().await?,
        )?;
    }
    Ok(())
}

/// Waits for the element matching `css`; the error names the selector.
pub async fn find(client: &Client, css: &str) -> TestResult<Element> {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .map_err(|err| format!("waiting for {css}: {err}").into())
}

/// Clicks the element matching `css` once it is there.
pub async fn click(client: &Client, css: &str) -> TestResult {
    find(client, css).await?.click().await?;
    Ok(())
}

/// The trimmed text of the element matching `css`.
pub async fn text(client: &Client, css: &str) -> TestResult<String> {
    Ok(find(client, css).await?.text().await?.trim().to_owned())
}

/// Replaces the text of the input matching `css`.
pub async fn type_into(client: &Client, css: &str, text: &str) -> TestResult {
    let input = find(client, css).await?;
    input.clear().await?;
    input.send_keys(text).await?;
    Ok(())
}

/// Picks the option with `value` in the `index`-th select matching `css`.
pub async fn choose(client: &Client, css: &str, index: usize, value: &str) -> TestResult {
    find(client, css).await?;
    let selects = client.find_all(Locator::Css(css)).await?;
    let select = selects
        .get(index)
        .ok_or_else(|| format!("no {css} number {index}"))?;
    select
        .find(Locator::Css(&format!("option[value='{value}']")))
        .await?
        .click()
        .await?;
    Ok(())
}

/// Polls `check` until it holds or the wait runs out.
pub async fn eventually(mut check: impl FnMut() -> TestResult<bool>, what: &str) -> TestResult {
    let start = Instant::now();
    while start.elapsed() < WAIT {
        if check()? {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Err(format!("timed out waiting for {what}").into())
}

/// Runs `xdotool` with `args`, returning its standard output.
pub fn xdotool(args: &[&str]) -> TestResult<String> {
    let out = Command::new("xdotool")
        .args(args)
        .output()
        .map_err(|err| format!("xdotool not runnable ({err}); run scripts/install-deps.sh"))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Waits for a visible window titled exactly `title`; returns its id.
pub async fn wait_for_window(title: &str) -> TestResult<String> {
    let start = Instant::now();
    loop {
        let found = xdotool(&["search", "--onlyvisible", "--name", &format!("^{title}$")])?;
        if let Some(id) = found.lines().last().filter(|l| !l.trim().is_empty()) {
            return Ok(id.trim().to_owned());
        }
        if start.elapsed() > WAIT {
            return Err(format!("no window titled {title:?} appeared").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Whether a visible window titled exactly `title` exists.
fn window_shown(title: &str) -> TestResult<bool> {
    let found = xdotool(&["search", "--onlyvisible", "--name", &format!("^{title}$")])?;
    Ok(found.lines().any(|l| !l.trim().is_empty()))
}

/// Waits for the native GTK file dialog titled `title`, types `path` into its name field and
/// presses Return, as a person would; retries while the dialog stays open (a dialog process
/// that is still starting up can drop the first keys).
pub async fn fill_file_dialog(title: &str, path: &Path) -> TestResult {
    let window = wait_for_window(title).await?;
    let path = path.display().to_string();
    for attempt in 0..3 {
        // Let GTK finish mapping the dialog and focusing its name field.
        tokio::time::sleep(Duration::from_millis(if attempt == 0 { 1200 } else { 800 })).await;
        xdotool(&["windowactivate", "--sync", &window])?;
        xdotool(&["windowfocus", "--sync", &window])?;
        // Ctrl+L opens the location entry (open dialogs; save dialogs focus their name entry).
        // Typing a leading `/` would open it too, but the keys typed while it appears get lost.
        xdotool(&["key", "--clearmodifiers", "ctrl+l"])?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
        xdotool(&["type", "--delay", "15", &path])?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        xdotool(&["key", "Return"])?;
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if !window_shown(title)? {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
    Err(format!("the {title:?} dialog did not take {path}").into())
}

/// Runs a command-line tool (pdftotext, qpdf), failing with its output when it fails.
pub fn run_tool(program: &str, args: &[&str]) -> TestResult<String> {
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
