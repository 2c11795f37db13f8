//! The `ropa` binary driven end to end on real register files.

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::{fixture, ropa};

fn json_out(cmd: &mut Command) -> Value {
    let out = cmd.arg("--json").output().unwrap();
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn scripts_a_register_from_scratch() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("client.ropa");
    Command::cargo_bin("ropa")
        .unwrap()
        .args(["init"])
        .arg(&reg)
        .args(["--name", "Müller & Söhne GmbH", "--country", "de"])
        .assert()
        .success();
    ropa(&reg)
        .args([
            "add",
            "data-category",
            r#"{"id":"email","name":"E-mail address"}"#,
        ])
        .assert()
        .success();
    ropa(&reg)
        .args(["add", "subject", r#"{"id":"customers","name":"Customers"}"#])
        .assert()
        .success();
    ropa(&reg)
        .args(["add", "party", "-"])
        .write_stdin(r#"{"id":"mailer","name":"Mailer Inc.","country":"US","address":"1 Main St, Springfield"}"#)
        .assert().success();
    let added = json_out(ropa(&reg).args([
        "add", "activity",
        r#"{"id":"nl","reference":"MKT-01","name":"Newsletter","purposes":[{"id":"send","description":"Sending the newsletter","legal_basis":"ART6_1_A"}],
            "data_subjects":["customers"],"data_categories":[{"category":"email"}],
            "recipients":[{"party":"mailer","role":"processor","service":"Mailer"}]}"#,
    ]));
    assert_eq!(added["revision"], 1);
    ropa(&reg)
        .args(["add", "transfer", r#"{"id":"t1","activity":"nl","party":"mailer","country":"US","mechanism":{"type":"dpf","checked_on":"2026-11-01"}}"#])
        .assert().success();

    // Change fields by path, append to lists.
    ropa(&reg)
        .args([
            "set",
            "activity",
            "MKT-01",
            "name=Monthly newsletter",
            "purposes[0].consent.withdrawal=Link in every mail",
            "status=active",
        ])
        .assert()
        .success();
    let shown = json_out(ropa(&reg).args(["show", "activity", "MKT-01"]));
    assert_eq!(shown["name"], "Monthly newsletter");
    assert_eq!(shown["status"], "active");
    assert_eq!(
        shown["purposes"][0]["consent"]["withdrawal"],
        "Link in every mail"
    );
    assert_eq!(shown["revision"], 2);

    // Human list is a table with the new name.
    let out = ropa(&reg).args(["list", "activity"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("REFERENCE"), "{text}");
    assert!(text.contains("MKT-01     Monthly newsletter"), "{text}");

    // The organisation.
    ropa(&reg)
        .args([
            "org",
            "set",
            "dpo.name=Dr. Jörg Weiß",
            "dpo.email=dpo@example.de",
        ])
        .assert()
        .success();
    let org = json_out(ropa(&reg).args(["org", "show"]));
    assert_eq!(org["dpo"]["name"], "Dr. Jörg Weiß");
    assert_eq!(org["country"], "DE");

    // Info counts what was added.
    let info = json_out(ropa(&reg).arg("info"));
    assert_eq!(info["counts"]["activities"], 1);
    assert_eq!(info["counts"]["transfers"], 1);
    assert_eq!(info["organisation"], "Müller & Söhne GmbH");
}

#[test]
fn errors_have_exit_codes_and_name_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let reg = dir.path().join("r.ropa");
    ropa(&reg)
        .args(["import"])
        .arg(fixture("ntware.json"))
        .assert()
        .success();

    // Not found → 3.
    ropa(&reg)
        .args(["show", "party", "nobody"])
        .assert()
        .code(3)
        .stderr(predicates::str::contains("party `nobody` does not exist"));
    // Stale revision → 4, and the change is not applied.
    ropa(&reg)
        .args([
            "set",
            "activity",
            "NTW-07",
            "name=Changed",
            "--revision",
            "99",
        ])
        .assert()
        .code(4)
        .stderr(predicates::str::contains("changed elsewhere"));
    let a = json_out(ropa(&reg).args(["show", "activity", "NTW-07"]));
    assert_eq!(a["name"]["en"], "Newsletter");
    // Invalid code → 5 with the field path.
    ropa(&reg)
        .args([
            "set",
            "activity",
            "NTW-07",
            "purposes[0].legal_basis=ART6_1_Z",
        ])
        .assert()
        .code(5)
        .stderr(predicates::str::contains("purposes[0].legal_basis"));
    ropa(&reg)
        .args(["set", "party", "rocket-science-group", "country=XX"])
        .assert()
        .code(5)
        .stderr(predicates::str::contains(
            "unknown ISO 3166-1 country code `XX`",
        ));
    // In use → 5, naming the users.
    ropa(&reg)
        .args(["rm", "party", "rocket-science-group"])
        .assert()
        .code(5)
        .stderr(predicates::str::contains("NTW-07"));
    // JSON error form.
    let out = ropa(&reg)
        .args(["--json", "show", "tom", "x"])
        .output()
        .unwrap();
    let err: Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["code"], "not_found");
    // Not a register → 6.
    let txt = dir.path().join("notes.txt");
    std::fs::write(&txt, "x".repeat(200)).unwrap();
    ropa(&txt)
        .arg("info")
        .assert()
        .code(6)
        .stderr(predicates::str::contains("is not a RoPA Desk register"));
    // No register given → 2.
    Command::cargo_bin("ropa")
        .unwrap()
        .env_remove("ROPA_REGISTER")
        .arg("info")
        .assert()
        .code(2);
    // Import onto an existing file without --replace → 6.
    ropa(&reg)
        .args(["import"])
        .arg(fixture("ntware.json"))
        .assert()
        .code(6);
}

#[test]
fn export_import_round_trip_and_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.ropa");
    let b = dir.path().join("b.ropa");
    let doc = dir.path().join("a.json");
    ropa(&a)
        .args(["import"])
        .arg(fixture("otrs.json"))
        .assert()
        .success();
    ropa(&a).args(["export", "-o"]).arg(&doc).assert().success();
    ropa(&b).args(["import"]).arg(&doc).assert().success();
    let ea = json_out(ropa(&a).arg("export"));
    let eb = json_out(ropa(&b).arg("export"));
    for key in [
        "organisation",
        "activities",
        "parties",
        "transfers",
        "agreements",
        "joint_arrangements",
        "data_categories",
    ] {
        assert_eq!(ea[key], eb[key], "{key} differs after the round trip");
    }

    // A broken document (unknown party in a late transfer) changes nothing in b.
    let mut broken: Value = serde_json::from_str(&std::fs::read_to_string(&doc).unwrap()).unwrap();
    broken["activities"][0]["name"] = "Changed".into();
    let first = broken["activities"][0]["id"].clone();
    broken["transfers"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"id":"zz","activity": first, "party":"ghost","country":"US"}));
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, broken.to_string()).unwrap();
    ropa(&b)
        .args(["import", "--replace"])
        .arg(&bad)
        .assert()
        .code(5)
        .stderr(predicates::str::contains("ghost"))
        .stderr(predicates::str::contains("the register was not changed"));
    let after = json_out(ropa(&b).arg("export"));
    assert_eq!(after["activities"], eb["activities"]);
    // A new file is not left behind by a failed import.
    let c = dir.path().join("c.ropa");
    ropa(&c).args(["import"]).arg(&bad).assert().code(5);
    assert!(!c.exists());
}

#[test]
fn codes_lists_reference_data() {
    let out = Command::cargo_bin("ropa")
        .unwrap()
        .args(["codes", "adequacy"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ADEQ_US_DPF"), "{text}");
    let v = json_out(
        Command::cargo_bin("ropa")
            .unwrap()
            .args(["codes", "countries"]),
    );
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "DE" && c["label"].as_str().unwrap().contains("(EU)"))
    );
}
