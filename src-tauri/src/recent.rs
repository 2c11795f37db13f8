//! The recent-registers list shown on the start screen.
//!
//! A small JSON file (`recent-registers.json`) in the app config directory, most recent first,
//! at most [`MAX_ENTRIES`] entries. A file that no longer exists stays in the list (shown as
//! missing, removable by the user) rather than silently disappearing: it may be on a drive that
//! is not mounted. An unreadable list file is treated as empty and rewritten on the next open,
//! never a reason to refuse to start. Writes are atomic (`ropa_core::files::write_atomically`).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Name of the list file inside the config directory.
pub const FILE_NAME: &str = "recent-registers.json";

/// How many registers the list keeps.
pub const MAX_ENTRIES: usize = 10;

/// One register the user opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentEntry {
    /// Absolute path of the register file.
    pub path: PathBuf,
    /// The organisation's legal name when it was last opened.
    pub organisation: String,
    /// When it was last opened (UTC, RFC 3339).
    pub opened_at: String,
}

/// The list as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentList {
    /// Most recent first.
    pub entries: Vec<RecentEntry>,
}

impl RecentList {
    /// Reads the list in `dir`; a missing or unreadable file gives an empty list.
    pub fn load(dir: &Path) -> RecentList {
        std::fs::read_to_string(dir.join(FILE_NAME))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the list to `dir` (created if needed), atomically.
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        ropa_core::files::write_atomically(&dir.join(FILE_NAME), text.as_bytes())
    }

    /// Puts `path` first (removing an older entry of it) and keeps at most [`MAX_ENTRIES`].
    pub fn touch(&mut self, path: &Path, organisation: &str, opened_at: &str) {
        self.entries.retain(|e| e.path != path);
        self.entries.insert(
            0,
            RecentEntry {
                path: path.to_owned(),
                organisation: organisation.to_owned(),
                opened_at: opened_at.to_owned(),
            },
        );
        self.entries.truncate(MAX_ENTRIES);
    }

    /// Removes `path`; returns whether it was listed.
    pub fn forget(&mut self, path: &Path) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.path != path);
        self.entries.len() != before
    }
}

/// Updates the list in `dir` with `f` and saves it.
pub fn update(dir: &Path, f: impl FnOnce(&mut RecentList)) -> std::io::Result<RecentList> {
    let mut list = RecentList::load(dir);
    f(&mut list);
    list.save(dir)?;
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_recent_first_without_duplicates() {
        let mut list = RecentList::default();
        list.touch(Path::new("/a.ropa"), "A", "t1");
        list.touch(Path::new("/b.ropa"), "B", "t2");
        list.touch(Path::new("/a.ropa"), "A renamed", "t3");
        let paths: Vec<_> = list.entries.iter().map(|e| e.path.clone()).collect();
        assert_eq!(paths, [PathBuf::from("/a.ropa"), PathBuf::from("/b.ropa")]);
        assert_eq!(list.entries[0].organisation, "A renamed");
        assert_eq!(list.entries[0].opened_at, "t3");
    }

    #[test]
    fn keeps_at_most_ten() {
        let mut list = RecentList::default();
        for i in 0..15 {
            list.touch(Path::new(&format!("/{i}.ropa")), "X", "t");
        }
        assert_eq!(list.entries.len(), MAX_ENTRIES);
        assert_eq!(list.entries[0].path, PathBuf::from("/14.ropa"));
        assert_eq!(list.entries[9].path, PathBuf::from("/5.ropa"));
    }

    #[test]
    fn round_trips_through_the_file_and_forgets() {
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("nested/config");
        update(&config, |l| l.touch(Path::new("/a.ropa"), "A", "t1")).unwrap();
        update(&config, |l| l.touch(Path::new("/b.ropa"), "B", "t2")).unwrap();
        let list = RecentList::load(&config);
        assert_eq!(list.entries.len(), 2);
        assert_eq!(list.entries[0].organisation, "B");
        let list = update(&config, |l| assert!(l.forget(Path::new("/b.ropa")))).unwrap();
        assert_eq!(RecentList::load(&config), list);
        assert_eq!(list.entries.len(), 1);
        assert!(!config.join(format!("{FILE_NAME}.part")).exists());
    }

    #[test]
    fn an_unreadable_list_is_empty_and_gets_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "{not json").unwrap();
        assert_eq!(RecentList::load(dir.path()), RecentList::default());
        update(dir.path(), |l| l.touch(Path::new("/a.ropa"), "A", "t")).unwrap();
        assert_eq!(RecentList::load(dir.path()).entries.len(), 1);
    }
}
