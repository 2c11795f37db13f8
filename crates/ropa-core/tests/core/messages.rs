//! Every error the app can show reads in German too: the messages of refused writes, in-use
//! deletions and conflicts, made by the store on a real register file.

use super::{new_register, populated};
use ropa_core::model::*;

/// The German message names the record kind and field like the English one and is not simply
/// the English text.
fn german(err: &ropa_core::Error, expect: &[&str]) {
    let de = err.message_de();
    let en = err.to_string();
    assert_ne!(de, en, "no German for: {en}");
    for part in expect {
        assert!(de.contains(part), "`{part}` missing from: {de}");
    }
}

#[test]
fn refused_writes_explain_themselves_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut store) = new_register(&dir);
    let activity = populated(&mut store);

    // Required text.
    let err = store.insert(Activity::new("", "X-1", " ")).unwrap_err();
    german(&err, &["Tätigkeit", "Feld `name`", "darf nicht leer sein"]);

    // A rule of the validator with its own German text.
    let mut a = activity.clone();
    a.data_categories[0].retention = Some(Retention::Period {
        amount: 0,
        unit: PeriodUnit::Months,
        trigger: None,
        note: None,
    });
    let err = store.update(a).unwrap_err();
    german(
        &err,
        &[
            "Feld `data_categories[0].retention.amount`",
            "länger als null",
        ],
    );

    // A transfer inside the EEA.
    let err = store
        .insert(Transfer::new("", &activity.id, "mailer", "FR"))
        .unwrap_err();
    german(&err, &["Übermittlung", "liegt im EWR", "Empfänger"]);

    // An unknown code from the reference data.
    let mut a = activity.clone();
    a.data_categories[0].retention = Some(Retention::Statutory {
        rule: "RET_XX".into(),
        note: None,
    });
    let err = store.update(a).unwrap_err();
    german(
        &err,
        &[
            "unbekannter Code `RET_XX`",
            "gesetzliche Aufbewahrungspflicht",
        ],
    );

    // A reference to a record that does not exist.
    let mut a = activity.clone();
    a.recipients[0].party = "nobody".into();
    let err = store.update(a).unwrap_err();
    german(&err, &["Beteiligter `nobody` gibt es nicht"]);
}

#[test]
fn conflicts_and_deletions_in_use_explain_themselves_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut store) = new_register(&dir);
    let activity = populated(&mut store);

    let mut stale = activity.clone();
    let mut fresh = activity.clone();
    fresh.name = "Newsletter (new)".into();
    store.update(fresh).unwrap();
    stale.name = "Newsletter (old)".into();
    let err = store.update(stale).unwrap_err();
    german(&err, &["wurde anderswo geändert", "laden Sie neu"]);

    let err = store.delete::<DataCategory>("email", None).unwrap_err();
    german(
        &err,
        &[
            "Datenkategorie “E-mail address”",
            "kann nicht entfernt werden",
        ],
    );
}
