//! Everyday mistakes must not destroy or half-create a register: documents written over the
//! register, interrupted and racing imports, dangling links, read-only media, file modes and a
//! register held by a long writer. Every test drives the real `ropa` binary on real files.

mod common;

use common::{fixture, imported, ropa};
use serde_json::Value;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn activity_count(reg: &Path) -> u64 {
    let out = ropa(reg).args(["--json", "info"]).output().unwrap();
    assert!(
        out.status.success(),
        "info on {}: {}",
        reg.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["counts"]["activities"].as_u64().unwrap()
}

fn integrity(reg: &Path) -> String {
    let out = std::process::Command::new("sqlite3")
        .arg(reg)
        .arg("PRAGMA integrity_check;")
        .output()
        .expect("sqlite3 installed");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// --- 1. Documents are never written over a register ---------------------------------------

#[test]
fn no_document_is_written_over_the_register_its_working_files_or_links_to_them() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "ntware.json");
    let before = std::fs::read(&reg).unwrap();
    let other = dir.path().join("other-client.ropa");
    ropa(&other)
        .arg("import")
        .arg(fixture("clean.json"))
        .assert()
        .success();
    let other_before = std::fs::read(&other).unwrap();
    std::os::unix::fs::symlink(&reg, dir.path().join("soft-link.pdf")).unwrap();
    std::fs::hard_link(&reg, dir.path().join("hard-link.pdf")).unwrap();
    // Another spelling of the same folder.
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let dotted = dir.path().join("sub").join("..").join("client.ropa");

    let targets: Vec<PathBuf> = vec![
        reg.clone(),
        dotted,
        dir.path().join("client.ropa-wal"),
        dir.path().join("client.ropa-shm"),
        dir.path().join("soft-link.pdf"),
        dir.path().join("hard-link.pdf"),
        other.clone(),
    ];
    let commands: Vec<Vec<&str>> = vec![
        vec!["export", "--format", "pdf"],
        vec!["export", "--format", "csv"],
        vec!["export"],
        vec!["notice", "--format", "pdf"],
        vec!["notice", "--format", "md"],
        vec!["check", "--format", "csv"],
        vec!["check", "--format", "pdf"],
    ];
    for target in &targets {
        for args in &commands {
            let out = ropa(&reg)
                .args(args)
                .arg("-o")
                .arg(target)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(
                out.status.code(),
                Some(6),
                "`ropa {} -o {}` must be refused (exit 6), got {:?}: {stderr}",
                args.join(" "),
                target.display(),
                out.status.code()
            );
            assert!(
                stderr.contains("never written over a register"),
                "the refusal says why: {stderr}"
            );
        }
    }
    assert_eq!(std::fs::read(&reg).unwrap(), before, "register unchanged");
    assert_eq!(std::fs::read(&other).unwrap(), other_before);
    assert_eq!(activity_count(&reg), 19);
    assert!(
        std::fs::symlink_metadata(dir.path().join("soft-link.pdf"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // An ordinary output file next to it is still written.
    let pdf = dir.path().join("record.pdf");
    ropa(&reg)
        .args(["export", "--format", "pdf", "-o"])
        .arg(&pdf)
        .assert()
        .success();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

// --- 2. An interrupted import leaves no file, or a complete register ------------------------

/// A large interchange document (the NT-ware fixture with its activities copied `copies`
/// times), so that an import takes long enough to be interrupted at many points.
fn large_document(dir: &Path, copies: usize) -> (PathBuf, u64) {
    let text = std::fs::read_to_string(fixture("ntware.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let originals = doc["activities"].as_array().unwrap().clone();
    let activities = doc["activities"].as_array_mut().unwrap();
    for copy in 1..copies {
        for a in &originals {
            let mut a = a.clone();
            let id = format!("{}-copy{copy}", a["id"].as_str().unwrap());
            a["id"] = Value::String(id.clone());
            a["reference"] = Value::String(id);
            activities.push(a);
        }
    }
    let count = activities.len() as u64;
    let path = dir.join("large.json");
    std::fs::write(&path, serde_json::to_string(&doc).unwrap()).unwrap();
    (path, count)
}

#[test]
fn an_import_killed_at_any_moment_leaves_no_file_or_a_complete_register() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, expected) = large_document(dir.path(), 40);
    let bin = assert_cmd::cargo::cargo_bin("ropa");
    // How long one whole import takes here.
    let started = Instant::now();
    let timed = dir.path().join("timed.ropa");
    ropa(&timed).arg("import").arg(&doc).assert().success();
    let whole = started.elapsed();
    std::fs::remove_file(&timed).unwrap();

    let mut outcomes = (0, 0);
    for round in 0..12u32 {
        let reg = dir.path().join(format!("round{round}.ropa"));
        let mut child = std::process::Command::new(&bin)
            .arg("--register")
            .arg(&reg)
            .arg("import")
            .arg(&doc)
            .env_remove("ROPA_REGISTER")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the whole import, and a little past its end.
        std::thread::sleep(whole.mul_f64(f64::from(round) / 10.0));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if reg.exists() {
            assert_eq!(integrity(&reg), "ok", "round {round}");
            assert_eq!(
                activity_count(&reg),
                expected,
                "round {round}: a register at the path is complete"
            );
            outcomes.1 += 1;
        } else {
            // Nothing at the path: the same import now succeeds.
            ropa(&reg).arg("import").arg(&doc).assert().success();
            assert_eq!(activity_count(&reg), expected);
            outcomes.0 += 1;
        }
    }
    assert!(
        outcomes.0 > 0,
        "some imports were interrupted (no file); outcomes {outcomes:?}, one import takes {whole:?}"
    );
}

// --- 3. Racing imports: no reported success without the file ---------------------------------

#[test]
fn racing_imports_into_one_new_file_never_report_success_without_it() {
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("ropa");
    for round in 0..40 {
        let reg = dir.path().join(format!("race{round}.ropa"));
        let children: Vec<_> = ["ntware.json", "otrs.json", "clean.json"]
            .iter()
            .map(|name| {
                let child = std::process::Command::new(&bin)
                    .arg("--register")
                    .arg(&reg)
                    .arg("import")
                    .arg(fixture(name))
                    .env_remove("ROPA_REGISTER")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap();
                (*name, child)
            })
            .collect();
        let results: Vec<(&str, std::process::Output)> = children
            .into_iter()
            .map(|(name, child)| (name, child.wait_with_output().unwrap()))
            .collect();
        let winners: Vec<&str> = results
            .iter()
            .filter(|(_, out)| out.status.success())
            .map(|(name, _)| *name)
            .collect();
        assert_eq!(winners.len(), 1, "round {round}: exactly one import wins");
        for (_, out) in results.iter().filter(|(_, out)| !out.status.success()) {
            assert_eq!(
                out.status.code(),
                Some(6),
                "the loser is told the file exists"
            );
        }
        let expected = match winners[0] {
            "ntware.json" => 19,
            "otrs.json" => 37,
            _ => 7,
        };
        assert!(reg.exists(), "round {round}: the winner's file is there");
        assert_eq!(activity_count(&reg), expected, "round {round}");
    }
    // No temporary files are left behind by winners or losers.
    assert!(
        files_in(dir.path()).iter().all(|n| n.ends_with(".ropa")),
        "{:?}",
        files_in(dir.path())
    );
}

// --- 4. A dangling link is never followed nor removed ---------------------------------------

#[test]
fn an_import_through_a_dangling_link_is_refused_and_removes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere.ropa");
    let link = dir.path().join("client.ropa");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        r#"{"format":"ropa-desk-register","version":2,"organisation":{"legal_name":"X","country":"ZZ"}}"#,
    )
    .unwrap();
    for doc in [broken, fixture("ntware.json")] {
        let out = ropa(&link).arg("import").arg(&doc).output().unwrap();
        assert!(!out.status.success(), "{}", doc.display());
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink(),
            "the link is still there"
        );
        assert!(!target.exists(), "nothing was created at the link's target");
    }
    assert_eq!(files_in(dir.path()), ["broken.json", "client.ropa"]);
}

// --- 5. Revisions are bounded ------------------------------------------------------------------

#[test]
fn a_revision_beyond_the_limit_is_refused_on_import() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("clean.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let a = &mut doc["activities"][0];
    a["created_at"] = "2026-01-01T00:00:00Z".into();
    a["updated_at"] = "2026-01-01T00:00:00Z".into();
    a["revision"] = Value::from(i64::MAX - 1);
    let path = dir.path().join("huge-revision.json");
    std::fs::write(&path, serde_json::to_string(&doc).unwrap()).unwrap();
    let reg = dir.path().join("client.ropa");
    let out = ropa(&reg).arg("import").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("activities[0].revision"), "{stderr}");
    assert!(!reg.exists());
}

// --- 10. Reading works on read-only media and a full disk ------------------------------------

/// A tmpfs mounted for one test (the suite runs as root in CI); unmounted when dropped.
struct Mount(PathBuf);

impl Mount {
    fn new(dir: &Path, size: &str) -> Option<Mount> {
        let point = dir.join("mnt");
        std::fs::create_dir(&point).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&point)
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Mount(point))
    }

    fn remount_read_only(&self) {
        let status = std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

fn assert_reads(reg: &Path, out_dir: &Path) {
    assert_eq!(activity_count(reg), 19);
    for args in [
        vec!["list", "activity"],
        vec!["show", "activity", "NTW-04"],
        vec!["org"],
        vec!["export"],
        vec!["check"],
        vec!["notice"],
    ] {
        let out = ropa(reg).args(&args).output().unwrap();
        assert!(
            out.status.code() == Some(0) || (args[0] == "check" && out.status.code() == Some(7)),
            "`ropa {}`: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
    }
    let pdf = out_dir.join("record.pdf");
    ropa(reg)
        .args(["export", "--format", "pdf", "-o"])
        .arg(&pdf)
        .assert()
        .success();
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
}

#[test]
fn a_register_on_a_read_only_medium_can_be_read_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mount) = Mount::new(dir.path(), "16m") else {
        // Without the right to mount (not root): a read-only file in a read-only folder.
        let sub = dir.path().join("ro");
        std::fs::create_dir(&sub).unwrap();
        let reg = imported(&sub, "ntware.json");
        std::fs::set_permissions(&reg, std::fs::Permissions::from_mode(0o444)).unwrap();
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o555)).unwrap();
        assert_reads(&reg, dir.path());
        std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
        return;
    };
    let reg = imported(&mount.0, "ntware.json");
    mount.remount_read_only();
    assert_reads(&reg, dir.path());
    // Writing is refused with a clear error, and leaves the file as it is.
    let out = ropa(&reg)
        .args(["set", "activity", "NTW-04", "name=Changed"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn a_register_on_a_full_disk_can_be_read_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mount) = Mount::new(dir.path(), "8m") else {
        eprintln!("skipped: mounting a tmpfs needs root (CI runs as root)");
        return;
    };
    let reg = imported(&mount.0, "ntware.json");
    // Fill the disk to the last byte.
    let filler = mount.0.join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 64 * 1024];
    while std::io::Write::write_all(&mut file, &block).is_ok() {}
    let small = [0u8; 1];
    while std::io::Write::write_all(&mut file, &small).is_ok() {}
    drop(file);
    assert_reads(&reg, dir.path());
}

// --- 11. File modes --------------------------------------------------------------------------

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn exports_follow_the_umask_and_new_registers_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("ropa");
    let run = |umask: &str, args: &str| {
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask {umask} && exec \"$0\" {args}"))
            .arg(&bin)
            .current_dir(dir.path())
            .env_remove("ROPA_REGISTER")
            .env("SOURCE_DATE_EPOCH", "1795400000")
            .status()
            .unwrap();
        assert!(status.success(), "ropa {args}");
    };
    let ntware = fixture("ntware.json");
    let ntware = ntware.to_str().unwrap();
    run("022", &format!("-r imported.ropa import '{ntware}'"));
    run("022", "init created.ropa --name 'Beispiel GmbH'");
    assert_eq!(mode(&dir.path().join("imported.ropa")), 0o600);
    assert_eq!(mode(&dir.path().join("created.ropa")), 0o600);
    run("022", "-r imported.ropa export --format pdf -o record.pdf");
    run("022", "-r imported.ropa notice -o notice.md");
    run("022", "-r imported.ropa export -o backup.json");
    for name in ["record.pdf", "notice.md", "backup.json"] {
        assert_eq!(mode(&dir.path().join(name)), 0o644, "{name}");
    }
    run("077", "-r imported.ropa export --format csv -o private.csv");
    assert_eq!(mode(&dir.path().join("private.csv")), 0o600);
    // Replacing an existing export follows the umask too.
    run("002", "-r imported.ropa export --format pdf -o record.pdf");
    assert_eq!(mode(&dir.path().join("record.pdf")), 0o664);
}

// --- 12. A long writer makes others wait, not fail -------------------------------------------

#[test]
fn a_writer_waits_for_a_register_held_longer_than_five_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "clean.json");
    let holder = ropa_core::Store::open(&reg).unwrap();
    holder
        .connection()
        .execute_batch("BEGIN IMMEDIATE; UPDATE register_info SET updated_at = updated_at;")
        .unwrap();
    let started = Instant::now();
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ropa"))
        .arg("--register")
        .arg(&reg)
        .args(["org", "set", "email=privacy@example.com"])
        .env_remove("ROPA_REGISTER")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(6500));
    holder.connection().execute_batch("COMMIT").unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the writer waited instead of failing: {stderr}"
    );
    assert!(started.elapsed() >= Duration::from_millis(6500));
    assert!(
        stderr.contains("waiting for the register to be free"),
        "the user is told why nothing happens: {stderr}"
    );
    let org = ropa(&reg).args(["--json", "org"]).output().unwrap();
    assert!(String::from_utf8_lossy(&org.stdout).contains("privacy@example.com"));
}

// --- 6, 7, 13. Hostile or absurd text is refused; what is stored prints harmlessly ------------

fn add_party(reg: &Path, json: &str) -> std::process::Output {
    ropa(reg).args(["add", "party", json]).output().unwrap()
}

#[test]
fn e_mail_addresses_are_addresses_not_links_or_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "clean.json");
    for (i, bad) in [
        "javascript:alert(1)//@x.com",
        "mailto:privacy@example.com",
        "privacy@example",
        "two@at@example.com",
        "with space@example.com",
        "<privacy@example.com>",
        "privacy@example.com\u{1b}[2J",
        ".dot@example.com",
        "a@-x.example",
    ]
    .iter()
    .enumerate()
    {
        let json = serde_json::json!({"id": format!("bad{i}"), "name": "X", "email": bad});
        let out = add_party(&reg, &json.to_string());
        assert_eq!(out.status.code(), Some(5), "{bad:?} must be refused");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("field `email`"),
            "{bad:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    for (i, good) in [
        "first.last+tag@sub.example.co.uk",
        "datenschutz@müller-söhne.de",
        "o'brien@example.ie",
    ]
    .iter()
    .enumerate()
    {
        let json = serde_json::json!({"id": format!("good{i}"), "name": "X", "email": good});
        let out = add_party(&reg, &json.to_string());
        assert!(
            out.status.success(),
            "{good:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn control_characters_bidi_overrides_and_invisible_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "clean.json");
    let cases = [
        (
            serde_json::json!({"id": "esc", "name": "Evil\u{1b}]0;pwned\u{7}"}),
            "U+001B",
            "name",
        ),
        (
            serde_json::json!({"id": "nul", "name": "Nul\u{0}l"}),
            "U+0000",
            "name",
        ),
        (
            serde_json::json!({"id": "c1", "name": "C1\u{9b}31m"}),
            "U+009B",
            "name",
        ),
        (
            serde_json::json!({"id": "bidi", "name": "Invoice\u{202e}fdp.exe"}),
            "U+202E",
            "name",
        ),
        (
            serde_json::json!({"id": "addr", "name": "A", "address": "Street 1\u{2066}x"}),
            "U+2066",
            "address",
        ),
        (
            serde_json::json!({"id": "zw", "name": "\u{200b}\u{200b}\u{feff}"}),
            "empty",
            "name",
        ),
        (
            serde_json::json!({"id": "tab", "name": "A", "email": "a@b.example\t"}),
            "U+0009",
            "email",
        ),
    ];
    for (json, says, field) in cases {
        let out = add_party(&reg, &json.to_string());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(5),
            "{json} must be refused: {stderr}"
        );
        assert!(
            stderr.contains(says) && stderr.contains(&format!("field `{field}`")),
            "{json}: {stderr}"
        );
        assert!(
            !stderr.contains('\u{1b}'),
            "the refusal itself is safe to print"
        );
    }
    // Line breaks and tabs in long texts, and ordinary non-Latin text, are fine.
    let ok = serde_json::json!({"id": "ok", "name": "Ярослав · שלום · 株式会社",
        "address": "Hauptstraße 1\n\t80331 München\r\nDeutschland"});
    let out = add_party(&reg, &ok.to_string());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn stored_control_characters_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "ntware.json");
    // A register written by an older version or another tool may hold anything.
    let status = std::process::Command::new("sqlite3")
        .arg(&reg)
        .arg(
            "UPDATE party SET name = 'Evil' || char(27) || ']0;pwned' || char(7) || char(8238) || 'x' WHERE rowid = (SELECT min(rowid) FROM party);
             UPDATE organisation SET legal_name = 'Org' || char(27) || '[2J';",
        )
        .status()
        .unwrap();
    assert!(status.success());
    let list = ropa(&reg).args(["list", "party"]).output().unwrap();
    assert!(list.status.success());
    let id = {
        let v: Value = serde_json::from_slice(
            &ropa(&reg)
                .args(["--json", "list", "party"])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        let party = v
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"].as_str().is_some_and(|n| n.starts_with("Evil")))
            .unwrap()
            .clone();
        party["id"].as_str().unwrap().to_owned()
    };
    let show = ropa(&reg).args(["show", "party", &id]).output().unwrap();
    let info = ropa(&reg).arg("info").output().unwrap();
    let org = ropa(&reg).arg("org").output().unwrap();
    for (what, out) in [
        ("list", &list),
        ("show", &show),
        ("info", &info),
        ("org", &org),
    ] {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'),
            "{what} prints raw control characters"
        );
    }
    assert!(String::from_utf8_lossy(&list.stdout).contains("Evil\\u{1b}]0;pwned\\u{7}\\u{202e}x"));
    assert!(String::from_utf8_lossy(&info.stdout).contains("Org\\u{1b}[2J"));
    // JSON output stays exact (serde escapes control characters itself).
    let json = ropa(&reg)
        .args(["--json", "show", "party", &id])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["name"], "Evil\u{1b}]0;pwned\u{7}\u{202e}x");
}

#[test]
fn absurd_field_sizes_are_refused_with_the_limit_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let reg = imported(dir.path(), "clean.json");
    let out = ropa(&reg)
        .args(["org", "set", &format!("legal_name={}", "N".repeat(501))])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains("501 characters") && stderr.contains("at most 500"),
        "{stderr}"
    );
    assert!(stderr.contains("printable"), "says why: {stderr}");

    // A 10 MB name in an interchange document is refused at once, and nothing is created.
    let text = std::fs::read_to_string(fixture("clean.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["organisation"]["legal_name"] = Value::String("N".repeat(10_000_000));
    let path = dir.path().join("huge.json");
    std::fs::write(&path, doc.to_string()).unwrap();
    let new = dir.path().join("huge.ropa");
    let out = ropa(&new).arg("import").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("at most 500"));
    assert!(!new.exists());

    // Long texts have a limit of their own.
    let out = ropa(&reg)
        .args([
            "set",
            "activity",
            "VT-01",
            &format!("description={}", "x".repeat(20_001)),
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(stderr.contains("at most 20000"), "{stderr}");
}

// --- 8. Encodings: a BOM is accepted, UTF-16 and invalid UTF-8 are named with their place ----

#[test]
fn documents_with_a_bom_import_and_bad_encodings_are_named_with_their_offset() {
    let dir = tempfile::tempdir().unwrap();
    let json = std::fs::read(fixture("clean.json")).unwrap();

    let with_bom = dir.path().join("bom.json");
    std::fs::write(&with_bom, [&[0xEF, 0xBB, 0xBF][..], &json].concat()).unwrap();
    let reg = dir.path().join("bom.ropa");
    ropa(&reg).arg("import").arg(&with_bom).assert().success();

    let text = String::from_utf8(json.clone()).unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16_file = dir.path().join("utf16.json");
    std::fs::write(&utf16_file, utf16).unwrap();
    let new = dir.path().join("utf16.ropa");
    let out = ropa(&new).arg("import").arg(&utf16_file).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains("UTF-16") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    assert!(!new.exists());

    // A Latin-1 "ü" (0xFC) in the middle of the document.
    let at = text.find("\"legal_name\"").unwrap() + 15;
    let mut latin1 = json.clone();
    latin1.insert(at, 0xFC);
    let bad = dir.path().join("latin1.json");
    std::fs::write(&bad, &latin1).unwrap();
    let out = ropa(&new).arg("import").arg(&bad).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains(&format!("offset {at}")) && stderr.contains("0xFC"),
        "{stderr}"
    );
    assert!(!new.exists());

    // Single records: from a file and from standard input.
    let record = dir.path().join("party.json");
    std::fs::write(
        &record,
        [&[0xEF, 0xBB, 0xBF][..], br#"{"id":"bom","name":"Mit BOM"}"#].concat(),
    )
    .unwrap();
    ropa(&reg)
        .args(["add", "party", "--file"])
        .arg(&record)
        .assert()
        .success();
    let out = ropa(&reg)
        .args(["add", "party", "-"])
        .write_stdin(&b"{\"id\":\"x\",\"name\":\"M\xFCller\"}"[..])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(5), "{stderr}");
    assert!(
        stderr.contains("standard input") && stderr.contains("offset 19"),
        "{stderr}"
    );
}
