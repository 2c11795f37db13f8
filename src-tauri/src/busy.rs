//! "Waiting for the register to be free": when another program (the CLI importing a large
//! register, say) holds the register's write lock, a save waits for it (up to
//! `ropa_core::store::BUSY_WAIT`) instead of failing. After a second the core calls the wait
//! notice; the shell then tells the window (`register-busy`), and once the waiting call has
//! finished (`register-free`), so the UI can say why nothing happens meanwhile.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{AppHandle, Emitter, Runtime};

/// Event sent to the window when a call starts waiting for the register.
pub const BUSY_EVENT: &str = "register-busy";
/// Event sent when the call that waited has finished.
pub const FREE_EVENT: &str = "register-free";

type Emit = Box<dyn Fn(&'static str) + Send + Sync>;

static EMIT: OnceLock<Emit> = OnceLock::new();
static WAITED: AtomicBool = AtomicBool::new(false);

/// Sends the busy/free events to this app's windows (once per process: the first app wins).
pub fn install<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let _ = EMIT.set(Box::new(move |event| {
        let _ = app.emit(event, ());
    }));
    ropa_core::store::set_wait_notice(waiting);
}

fn waiting() {
    WAITED.store(true, Ordering::SeqCst);
    if let Some(emit) = EMIT.get() {
        emit(BUSY_EVENT);
    }
}

/// Called after every call on the register: tells the window when a call that waited is done.
pub fn call_finished() {
    if WAITED.swap(false, Ordering::SeqCst)
        && let Some(emit) = EMIT.get()
    {
        emit(FREE_EVENT);
    }
}
