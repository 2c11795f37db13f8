//! The mock-runtime harness the IPC test files share: the app assembled with the same
//! [`ropa_desk::setup`] the real app uses, a mock webview, and invocations as the frontend makes
//! them. (Each test file compiles this module; not every file uses every helper.)
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{
    INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets,
};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

/// The NT-ware fixture register (interchange JSON).
pub const FIXTURE: &str = include_str!("../../../tests/fixtures/ntware.json");

/// The app on Tauri's mock runtime with one webview.
pub struct Harness {
    _app: App<MockRuntime>,
    pub webview: WebviewWindow<MockRuntime>,
}

impl Harness {
    /// The app without a config dir: it keeps no recent list (the real app gets one at
    /// start-up; [`Harness::with_config`] gives it one).
    pub fn new() -> Self {
        Self::build(None)
    }

    /// The app with its recent list in `config`.
    pub fn with_config(config: &Path) -> Self {
        Self::build(Some(config))
    }

    fn build(config: Option<&Path>) -> Self {
        let app = ropa_desk::setup(mock_builder())
            .build(mock_context(noop_assets()))
            .expect("mock app builds");
        if let Some(config) = config {
            app.state::<ropa_desk::ShellState>()
                .set_config_dir(Some(config.to_owned()));
        }
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock webview builds");
        Self { _app: app, webview }
    }

    /// Invokes `cmd` with JSON `args` as the frontend would; `Err` is the serialized `IpcError`.
    pub fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
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

    /// Stands in for the user choosing `path` in the native dialog the shell shows for
    /// `grant` (the commands refuse paths that no dialog gave).
    pub fn chose(&self, grant: ropa_desk::Grant, path: &Path) {
        self.webview
            .state::<ropa_desk::ShellState>()
            .grant(grant, path);
    }

    /// Invokes `cmd` and expects success.
    pub fn ok(&self, cmd: &str, args: Value) -> Value {
        self.invoke(cmd, args)
            .unwrap_or_else(|err| panic!("{cmd} failed: {err}"))
    }

    /// Invokes `cmd` and expects an error.
    pub fn err(&self, cmd: &str, args: Value) -> Value {
        match self.invoke(cmd, args) {
            Ok(value) => panic!("{cmd} succeeded unexpectedly: {value}"),
            Err(err) => err,
        }
    }
}

/// The fixture imported into `dir/register.sqlite`.
pub fn fixture_register(dir: &Path) -> PathBuf {
    let path = dir.join("register.sqlite");
    ropa_desk::demo::create_from_json(&path, FIXTURE).expect("fixture imports");
    path
}

/// The app with the fixture imported into `dir/register.sqlite` and opened.
pub fn opened(dir: &Path) -> (Harness, PathBuf) {
    let path = fixture_register(dir);
    let app = Harness::new();
    app.chose(ropa_desk::Grant::Open, &path);
    app.invoke("open_register", serde_json::json!({ "path": path }))
        .expect("opens");
    (app, path)
}

/// The `code` of a serialized `IpcError`.
pub fn error_code(err: &Value) -> &str {
    err["code"]
        .as_str()
        .unwrap_or_else(|| panic!("error without code: {err}"))
}
