//! State managed by Tauri: the register that is open in this window.
//!
//! One `rusqlite` connection behind a `Mutex` is enough for a single-user desktop app whose
//! reads are short; commands hold the lock only for the duration of one core call.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use ropa_core::store::Store;

use crate::IpcError;

/// The app's shared state (`app.manage(AppState::default())`).
#[derive(Default)]
pub struct AppState {
    store: Mutex<Option<Store>>,
    /// Why no register is open, when opening one at start-up failed.
    not_open_reason: Mutex<Option<IpcError>>,
    /// The interface is German (for what the shell shows itself: file dialog titles).
    german: AtomicBool,
}

impl AppState {
    /// Opens the register at `path` (made absolute, so the UI can show where it is), replacing
    /// and closing any register open before. On failure the previous register stays open.
    pub fn open(&self, path: &Path) -> Result<(), IpcError> {
        let path = std::path::absolute(path).map_err(ropa_core::Error::from)?;
        // A register on a read-only medium or share opens for reading; changes are then
        // refused with a `read_only` error instead of SQLite's.
        let store = Store::open(&path).or_else(|err| match err {
            ropa_core::Error::Sqlite(_) => Store::open_read_only(&path).map_err(|_| err),
            err => Err(err),
        })?;
        *lock(&self.store) = Some(store);
        Ok(())
    }

    /// Follows the interface language the UI reports.
    pub fn set_german(&self, german: bool) {
        self.german.store(german, Ordering::Relaxed);
    }

    /// Whether the interface is German.
    pub fn is_german(&self) -> bool {
        self.german.load(Ordering::Relaxed)
    }

    /// Records why no register could be opened (shown by the next `register_not_open` error).
    pub fn set_not_open_reason(&self, reason: IpcError) {
        *lock(&self.not_open_reason) = Some(reason);
    }

    /// Runs `f` on the open register, or fails with `register_not_open`.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        match lock(&self.store).as_ref() {
            Some(store) => f(store),
            None => Err(IpcError::register_not_open(
                lock(&self.not_open_reason).as_ref(),
            )),
        }
    }
}

impl AppState {
    /// Runs `f` on the open register with write access, or fails with `register_not_open`.
    pub fn with_store_mut<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        match lock(&self.store).as_mut() {
            Some(store) => {
                let result = f(store);
                crate::busy::call_finished();
                result
            }
            None => Err(IpcError::register_not_open(
                lock(&self.not_open_reason).as_ref(),
            )),
        }
    }
}

/// A panic in another command must not lock the user out of the register: the store itself
/// stays consistent (SQLite transactions), so a poisoned lock is recovered.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
