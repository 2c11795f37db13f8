//! A writer process killed with SIGKILL in the middle of its work loses no committed change
//! and leaves a file that passes `PRAGMA integrity_check`.

use ropa_core::Store;
use ropa_core::model::*;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "ROPA_CRASH_TEST_REGISTER";

/// Runs only as the child process: writes activities forever, printing each id after commit.
#[test]
#[ignore = "child process of sigkill_mid_write_keeps_every_commit"]
fn crash_writer_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(std::path::Path::new(&path)).unwrap();
    let stdout = std::io::stdout();
    for i in 0u64.. {
        let mut a = Activity::new(
            format!("a{i}"),
            format!("REF-{i}"),
            format!("Activity {i} – Größe"),
        );
        a.purposes.push(Purpose::new(
            "p",
            "x".repeat(2000),
            Some(LegalBasis::Contract),
        ));
        a.data_categories.push(ActivityData::new("email"));
        store.insert(a).unwrap();
        if i.is_multiple_of(3) {
            let mut b = store.get::<Activity>(&format!("a{i}")).unwrap();
            b.description = Some(format!("updated {i}").into());
            store.update(b).unwrap();
        }
        let mut out = stdout.lock();
        writeln!(out, "committed a{i}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn sigkill_mid_write_keeps_every_commit() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store) = crate::new_register(&dir);
    store.insert(DataCategory::new("email", "E-mail")).unwrap();
    drop(store);

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash::crash_writer_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut committed = Vec::new();
    let start = Instant::now();
    while committed.len() < 150 && start.elapsed() < Duration::from_secs(60) {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(id) = line.strip_prefix("committed ") {
                    committed.push(id.to_owned());
                }
            }
            _ => break,
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix: no destructor, no checkpoint
    child.wait().unwrap();
    assert!(
        committed.len() >= 20,
        "the writer committed only {} changes",
        committed.len()
    );

    let store = Store::open(&path).expect("register opens after the crash");
    let check: String = store
        .connection()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let fk: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
    for id in &committed {
        let a = store
            .get::<Activity>(id)
            .unwrap_or_else(|e| panic!("committed {id} lost: {e}"));
        assert_eq!(a.purposes.len(), 1, "{id} children intact");
        let n: usize = id[1..].parse().unwrap();
        if n.is_multiple_of(3) {
            assert_eq!(
                a.description,
                Some(format!("updated {n}").into()),
                "update of {id} committed"
            );
        }
    }
}
