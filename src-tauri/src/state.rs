//! State managed by Tauri: the register that is open in this window ([`AppState`]), and what
//! the shell remembers besides ([`ShellState`]): the recent list's folder, the paths the user
//! chose in its dialogs, the files it exported.
//!
//! One `rusqlite` connection behind a `Mutex` is enough for a single-user desktop app whose
//! reads are short; commands hold the lock only for the duration of one core call.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use ropa_core::model::now_timestamp;
use ropa_core::store::Store;

use crate::{IpcError, recent};

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

/// What the shell remembers besides the register: where the recent list lives, the paths the
/// user chose in its dialogs, and which files it exported (the only files the opener may open).
#[derive(Default)]
pub struct ShellState {
    config_dir: Mutex<Option<PathBuf>>,
    exported: Mutex<HashSet<PathBuf>>,
    granted: Mutex<Vec<(Grant, PathBuf)>>,
}

/// What a path chosen in a native dialog may be used for, once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// Open an existing register.
    Open,
    /// Create a new register there.
    New,
    /// Write the copy of the open register there.
    Duplicate,
    /// Write an exported document there.
    Export,
}

impl ShellState {
    /// Records that the user chose `path` for `grant` in a dialog the shell showed (the
    /// `choose_*` commands do this; tests stand in for the user with it).
    pub fn grant(&self, grant: Grant, path: &Path) {
        if let Ok(path) = std::path::absolute(path) {
            lock(&self.granted).push((grant, path));
        }
    }

    /// Takes the grant of `path` for `grant`, or refuses a path the user did not choose.
    pub(crate) fn take_grant(&self, grant: Grant, path: &Path) -> Result<PathBuf, IpcError> {
        let path = std::path::absolute(path).map_err(io_error)?;
        let mut granted = lock(&self.granted);
        match granted.iter().position(|(g, p)| *g == grant && *p == path) {
            Some(i) => {
                granted.remove(i);
                Ok(path)
            }
            None => Err(not_chosen(&path)),
        }
    }

    /// A register may be opened when the user chose it in the open dialog or it is in the
    /// recent list.
    pub(crate) fn openable(&self, path: &Path) -> Result<PathBuf, IpcError> {
        let absolute = std::path::absolute(path).map_err(io_error)?;
        if let Some(dir) = self.config_dir()
            && recent::RecentList::load(&dir)
                .entries
                .iter()
                .any(|e| e.path == absolute)
        {
            return Ok(absolute);
        }
        self.take_grant(Grant::Open, path)
    }

    /// Sets the directory of the recent-registers list (`None`: no list is kept).
    pub fn set_config_dir(&self, dir: Option<PathBuf>) {
        *lock(&self.config_dir) = dir;
    }

    /// The directory of the recent-registers list, if one is kept.
    pub(crate) fn config_dir(&self) -> Option<PathBuf> {
        lock(&self.config_dir).clone()
    }

    /// Puts the open register first in the recent list. A list that cannot be written is
    /// reported on stderr only: it must never stop the register from opening.
    pub fn remember(&self, path: &Path, organisation: &str) {
        let Some(dir) = self.config_dir() else { return };
        if path.as_os_str().is_empty() {
            return;
        }
        let now = now_timestamp();
        if let Err(err) = recent::update(&dir, |list| {
            list.touch(path, organisation, &now);
        }) {
            eprintln!("RoPA Desk: cannot update the recent-registers list: {err}");
        }
    }

    /// Records that this session wrote `path` (the opener may open it).
    pub(crate) fn record_export(&self, path: PathBuf) {
        lock(&self.exported).insert(path);
    }

    /// `path`, made absolute, when this session exported it; else `not_exported`.
    pub(crate) fn exported_path(&self, path: &Path) -> Result<PathBuf, IpcError> {
        let path = std::path::absolute(path).map_err(io_error)?;
        if lock(&self.exported).contains(&path) {
            Ok(path)
        } else {
            Err(IpcError::new(
                "not_exported",
                format!(
                    "{} was not exported in this session; only files RoPA Desk wrote can be opened from here",
                    path.display()
                ),
            )
            .de(format!(
                "{} wurde in dieser Sitzung nicht exportiert; hier lassen sich nur Dateien öffnen, die RoPA Desk geschrieben hat",
                path.display()
            ))
            .at_field("path"))
        }
    }
}

pub(crate) fn io_error(err: std::io::Error) -> IpcError {
    IpcError::from(ropa_core::Error::Io(err))
}

fn not_chosen(path: &Path) -> IpcError {
    IpcError::new(
        "path_not_chosen",
        format!(
            "{} was not chosen in a file dialog; choose the file again",
            path.display()
        ),
    )
    .de(format!(
        "{} wurde nicht in einem Dateidialog gewählt; wählen Sie die Datei erneut",
        path.display()
    ))
    .at_field("path")
}
