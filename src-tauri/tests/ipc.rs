//! Command round trips through Tauri's IPC layer on the mock runtime (no window, no display).
//!
//! The app is assembled with the same [`ropa_desk::setup`] the real app uses, so these tests
//! see exactly the commands and state the frontend sees.

use std::path::{Path, PathBuf};

use ropa_core::model::Activity;
use ropa_core::store::Store;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

const FIXTURE: &str = include_str!("../../tests/fixtures/ntware.json");

struct Harness {
    _app: App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
}

impl Harness {
    fn new() -> Self {
        let app = ropa_desk::setup(mock_builder())
            .build(mock_context(noop_assets()))
            .expect("mock app builds");
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock webview builds");
        Self { _app: app, webview }
    }

    /// Invokes `cmd` with JSON `args` as the frontend would; `Err` is the serialized `IpcError`.
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // On Linux the app's own origin; `http://tauri.localhost` would count as remote.
            url: "tauri://localhost".parse().expect("valid url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request)
            .map(|body| body.deserialize::<Value>().expect("response is JSON"))
    }
}

fn fixture_register(dir: &Path) -> PathBuf {
    let path = dir.join("register.sqlite");
    ropa_desk::demo::create_from_json(&path, FIXTURE).expect("fixture imports");
    path
}

fn error_code(err: &Value) -> &str {
    err["code"]
        .as_str()
        .unwrap_or_else(|| panic!("error without code: {err}"))
}

#[test]
fn overview_reports_the_register_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_register(dir.path());
    let (organisation, activities) = {
        let store = Store::open(&path).unwrap();
        (
            store.organisation().unwrap(),
            store.list::<Activity>().unwrap(),
        )
    };
    assert!(!activities.is_empty(), "the fixture has activities");

    let app = Harness::new();
    let opened = app
        .invoke("open_register", json!({ "path": path }))
        .expect("opens");
    let overview = app
        .invoke("register_overview", json!({}))
        .expect("overview");
    assert_eq!(opened, overview);

    assert_eq!(overview["path"], json!(path.display().to_string()));
    assert_eq!(overview["organisationName"], json!(organisation.legal_name));
    let expected: Vec<Value> = activities
        .iter()
        .map(|a| {
            json!({
                "id": a.id,
                "reference": a.reference,
                "name": a.name,
                "status": a.status.code(),
            })
        })
        .collect();
    assert_eq!(overview["activities"], Value::Array(expected));
}

#[test]
fn overview_without_register_is_a_coded_error() {
    let app = Harness::new();
    let err = app.invoke("register_overview", json!({})).unwrap_err();
    assert_eq!(error_code(&err), "register_not_open");
    assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[test]
fn failed_open_keeps_core_error_code_and_previous_register() {
    let dir = tempfile::tempdir().unwrap();
    let good = fixture_register(dir.path());
    let not_a_register = dir.path().join("notes.txt");
    std::fs::write(&not_a_register, "just some text, not SQLite at all").unwrap();

    let app = Harness::new();
    app.invoke("open_register", json!({ "path": good }))
        .expect("opens");

    let err = app
        .invoke("open_register", json!({ "path": not_a_register }))
        .unwrap_err();
    assert_eq!(error_code(&err), "not_a_register");
    let err = app
        .invoke(
            "open_register",
            json!({ "path": dir.path().join("missing.sqlite") }),
        )
        .unwrap_err();
    assert_eq!(error_code(&err), "io");

    let overview = app
        .invoke("register_overview", json!({}))
        .expect("still open");
    assert_eq!(overview["path"], json!(good.display().to_string()));
}

#[test]
fn demo_register_is_created_once_and_reused() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("app-data");
    let path = ropa_desk::demo::ensure_demo_register(&data_dir).expect("demo created");
    assert_eq!(path, data_dir.join(ropa_desk::demo::DEMO_FILE_NAME));
    let revision = Store::open(&path).unwrap().info().unwrap().revision;

    let again = ropa_desk::demo::ensure_demo_register(&data_dir).expect("demo reused");
    assert_eq!(again, path);
    assert_eq!(
        Store::open(&path).unwrap().info().unwrap().revision,
        revision
    );
    let leftovers: Vec<_> = std::fs::read_dir(&data_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".part"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no partial demo left behind: {leftovers:?}"
    );
}
