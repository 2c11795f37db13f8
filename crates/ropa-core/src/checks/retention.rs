//! Erasure periods per data category (Art. 30(1)(f)), reviews of the record, and DPIAs
//! (Art. 35).

use super::text::{act_de, act_en, date, join, q_de, q_en};
use super::{Art30Letter, Cx, RuleInfo, Target, define_rule};
use crate::model::{Activity, ActivityStatus, DpiaScreening, DpiaStatus, PeriodUnit, Retention};

define_rule!(
    RETENTION_MISSING,
    "ART30_1_F_RETENTION_MISSING",
    Warning,
    Retention,
    Some(Art30Letter::C1F),
    "Art. 30(1)(f), 5(1)(e) GDPR",
    "Art. 30 Abs. 1 lit. f, Art. 5 Abs. 1 lit. e DSGVO",
    "No erasure period for a data category",
    "Keine Löschfrist für eine Datenkategorie"
);
define_rule!(
    RETENTION_START_MISSING,
    "RETENTION_START_MISSING",
    Warning,
    Retention,
    Some(Art30Letter::C1F),
    "Art. 30(1)(f), 5(1)(e) GDPR",
    "Art. 30 Abs. 1 lit. f, Art. 5 Abs. 1 lit. e DSGVO",
    "Retention period without a starting point",
    "Löschfrist ohne Fristbeginn"
);
define_rule!(
    RETENTION_UNLIMITED,
    "RETENTION_UNLIMITED",
    Warning,
    Retention,
    Some(Art30Letter::C1F),
    "Art. 5(1)(e), 30(1)(f) GDPR",
    "Art. 5 Abs. 1 lit. e, Art. 30 Abs. 1 lit. f DSGVO",
    "Data kept without a time limit",
    "Daten ohne zeitliche Begrenzung gespeichert"
);
define_rule!(
    REVIEW_OVERDUE,
    "REVIEW_OVERDUE",
    Warning,
    Retention,
    None,
    "Art. 24(1), 5(2) GDPR",
    "Art. 24 Abs. 1, Art. 5 Abs. 2 DSGVO",
    "Review of the activity overdue",
    "Überprüfung der Verarbeitungstätigkeit überfällig"
);
define_rule!(
    REVIEW_NOT_SCHEDULED,
    "REVIEW_NOT_SCHEDULED",
    Info,
    Retention,
    None,
    "Art. 24(1), 5(2) GDPR",
    "Art. 24 Abs. 1, Art. 5 Abs. 2 DSGVO",
    "Activity never reviewed and no review scheduled",
    "Verarbeitungstätigkeit nie überprüft und keine Überprüfung geplant"
);
define_rule!(
    DPIA_MISSING,
    "DPIA_MISSING",
    Error,
    Retention,
    None,
    "Art. 35(1) GDPR",
    "Art. 35 Abs. 1 DSGVO",
    "DPIA required but none recorded",
    "DSFA erforderlich, aber nicht erfasst"
);
define_rule!(
    DPIA_NOT_COMPLETED,
    "DPIA_NOT_COMPLETED",
    Warning,
    Retention,
    None,
    "Art. 35(1) GDPR",
    "Art. 35 Abs. 1 DSGVO",
    "Activity carried out before its DPIA is completed",
    "Verarbeitung läuft, bevor die DSFA abgeschlossen ist"
);
define_rule!(
    DPIA_NOT_SCREENED,
    "DPIA_NOT_SCREENED",
    Warning,
    Retention,
    None,
    "Art. 35(1), (3) GDPR",
    "Art. 35 Abs. 1, 3 DSGVO",
    "High-risk indicators but no DPIA screening",
    "Hinweise auf hohes Risiko, aber keine DSFA-Schwellwertanalyse"
);

/// The rules of this family.
pub(crate) const RULES: &[RuleInfo] = &[
    RETENTION_MISSING,
    RETENTION_START_MISSING,
    RETENTION_UNLIMITED,
    REVIEW_OVERDUE,
    REVIEW_NOT_SCHEDULED,
    DPIA_MISSING,
    DPIA_NOT_COMPLETED,
    DPIA_NOT_SCREENED,
];

pub(crate) fn check(cx: &mut Cx<'_>) {
    for a in cx.live_activities() {
        retention(cx, a);
        review(cx, a);
        dpia(cx, a);
    }
}

fn category_name(cx: &Cx<'_>, id: &str) -> String {
    cx.category(id)
        .map(|c| c.name.primary(cx.reg.organisation.language).to_owned())
        .unwrap_or_else(|| id.to_owned())
}

fn retention(cx: &mut Cx<'_>, a: &Activity) {
    let (ae, ad) = (act_en(a), act_de(a));
    if a.retention.is_none() && !a.data_categories.is_empty() {
        let missing: Vec<usize> = a
            .data_categories
            .iter()
            .enumerate()
            .filter(|(_, d)| d.retention.is_none())
            .map(|(i, _)| i)
            .collect();
        if missing.len() == a.data_categories.len() {
            let (what_en, what_de) = if a.data_categories.len() == 1 {
                let name = category_name(cx, &a.data_categories[0].category);
                (
                    format!("for its data category {}", q_en(&name)),
                    format!("für die Datenkategorie {} keine Löschfrist", q_de(&name)),
                )
            } else {
                (
                    format!("for any of its {} data categories", a.data_categories.len()),
                    format!(
                        "für keine der {} Datenkategorien eine Löschfrist",
                        a.data_categories.len()
                    ),
                )
            };
            cx.emit(
                &RETENTION_MISSING,
                Target::activity(a, Some("retention".to_owned())),
                format!(
                    "{ae} gives no erasure period {what_en}. Record when the data is deleted: a period with its starting point, the criteria that decide it, or a statutory retention duty; per data category where they differ."
                ),
                format!(
                    "Für die {ad} ist {what_de} angegeben. Tragen Sie ein, wann die Daten gelöscht werden: eine Frist mit Fristbeginn, die Kriterien für die Speicherdauer oder eine gesetzliche Aufbewahrungspflicht; je Datenkategorie, wo sie sich unterscheiden."
                ),
            );
        } else {
            for i in missing {
                let name = category_name(cx, &a.data_categories[i].category);
                cx.emit(
                    &RETENTION_MISSING,
                    Target::activity(a, Some(format!("data_categories[{i}].retention"))),
                    format!(
                        "{ae} gives no erasure period for the data category {}, though other categories have one. Record the period for this category, or one for the whole activity.",
                        q_en(&name)
                    ),
                    format!(
                        "Für die {ad} ist für die Datenkategorie {} keine Löschfrist angegeben, für andere Kategorien dagegen schon. Tragen Sie die Frist für diese Kategorie oder eine für die gesamte Tätigkeit ein.",
                        q_de(&name)
                    ),
                );
            }
        }
    }

    let mut rules: Vec<(String, &Retention, Option<String>)> = Vec::new();
    if let Some(r) = &a.retention {
        rules.push(("retention".to_owned(), r, None));
    }
    for (i, d) in a.data_categories.iter().enumerate() {
        if let Some(r) = &d.retention {
            rules.push((
                format!("data_categories[{i}].retention"),
                r,
                Some(category_name(cx, &d.category)),
            ));
        }
    }
    let primary = cx.reg.organisation.language;
    for (i, p) in a.purposes.iter().enumerate() {
        if let Some(r) = &p.retention {
            let what = p.description.primary(primary).to_owned();
            rules.push((format!("purposes[{i}].retention"), r, Some(what)));
        }
    }
    for (i, x) in a.recipients.iter().enumerate() {
        if let Some(r) = &x.retention {
            let who = cx
                .party(&x.party)
                .map_or_else(|| x.party.clone(), |p| p.name.primary(primary).to_owned());
            rules.push((format!("recipients[{i}].retention"), r, Some(who)));
        }
    }
    for (field, r, category) in &rules {
        if matches!(r, Retention::Unlimited { .. }) {
            let (of_en, of_de) = match category {
                Some(c) => (format!(" {}", q_en(c)), format!(" {}", q_de(c))),
                None => (" its data".to_owned(), " die Daten".to_owned()),
            };
            cx.emit(
                &RETENTION_UNLIMITED,
                Target::activity(a, Some(field.clone())),
                format!(
                    "{ae} keeps{of_en} without a time limit. Personal data may be kept no longer than its purposes require (Art. 5(1)(e) GDPR): record the period, the criteria that end the storage, or the statutory duty that requires keeping it."
                ),
                format!(
                    "Die {ad} speichert{of_de} zeitlich unbegrenzt. Personenbezogene Daten dürfen nur so lange gespeichert werden, wie es ihre Zwecke erfordern (Art. 5 Abs. 1 lit. e DSGVO): Tragen Sie die Frist, die Kriterien für das Ende der Speicherung oder die gesetzliche Aufbewahrungspflicht ein."
                ),
            );
        }
    }
    for (field, r, category) in rules {
        if let Retention::Period {
            amount,
            unit,
            trigger: None,
            ..
        } = r
        {
            let (ue, ud) = unit_names(*unit, *amount);
            let (of_en, of_de) = match &category {
                Some(c) => (format!(" for {}", q_en(c)), format!(" für {}", q_de(c))),
                None => (String::new(), String::new()),
            };
            cx.emit(
                &RETENTION_START_MISSING,
                Target::activity(a, Some(format!("{field}.trigger"))),
                format!(
                    "{ae} keeps data{of_en} for {amount} {ue}, but does not say from when. Record what starts the period (collection, end of the contract, end of the calendar year, …), otherwise no one can tell when to delete."
                ),
                format!(
                    "Bei der {ad} werden Daten{of_de} {amount} {ud} gespeichert, ohne dass angegeben ist, ab wann. Tragen Sie ein, was die Frist auslöst (Erhebung, Vertragsende, Ende des Kalenderjahres …); sonst lässt sich der Löschzeitpunkt nicht bestimmen."
                ),
            );
        }
    }
}

fn unit_names(unit: PeriodUnit, amount: u32) -> (&'static str, &'static str) {
    let one = amount == 1;
    match unit {
        PeriodUnit::Hours => (
            if one { "hour" } else { "hours" },
            if one { "Stunde" } else { "Stunden" },
        ),
        PeriodUnit::Days => (
            if one { "day" } else { "days" },
            if one { "Tag" } else { "Tage" },
        ),
        PeriodUnit::Weeks => (
            if one { "week" } else { "weeks" },
            if one { "Woche" } else { "Wochen" },
        ),
        PeriodUnit::Months => (
            if one { "month" } else { "months" },
            if one { "Monat" } else { "Monate" },
        ),
        PeriodUnit::Years => (
            if one { "year" } else { "years" },
            if one { "Jahr" } else { "Jahre" },
        ),
    }
}

fn review(cx: &mut Cx<'_>, a: &Activity) {
    let today = cx.opts.today;
    let (ae, ad) = (act_en(a), act_de(a));
    match (a.last_reviewed, a.next_review) {
        (_, Some(next)) if next < today => cx.emit(
            &REVIEW_OVERDUE,
            Target::activity(a, Some("next_review".to_owned())),
            format!(
                "{ae} was due for review on {}. Check that the entry still matches the processing, then record the review date and the next one.",
                date(next, false)
            ),
            format!(
                "Die {ad} war am {} zur Überprüfung fällig. Prüfen Sie, ob der Eintrag noch der tatsächlichen Verarbeitung entspricht, und tragen Sie das Prüfdatum und den nächsten Termin ein.",
                date(next, true)
            ),
        ),
        (Some(last), None)
            if last.days_until(today) > i64::from(cx.opts.review.max_age_days) =>
        {
            let max = cx.opts.review.max_age_days;
            cx.emit(
                &REVIEW_OVERDUE,
                Target::activity(a, Some("last_reviewed".to_owned())),
                format!(
                    "{ae} was last reviewed on {}, more than {max} days ago, and no next review is scheduled. Review the entry and schedule the next review.",
                    date(last, false)
                ),
                format!(
                    "Die {ad} wurde zuletzt am {} überprüft, vor mehr als {max} Tagen, und eine nächste Überprüfung ist nicht geplant. Prüfen Sie den Eintrag und legen Sie den nächsten Termin fest.",
                    date(last, true)
                ),
            );
        }
        (None, None) if cx.opts.review.flag_unscheduled => cx.emit(
            &REVIEW_NOT_SCHEDULED,
            Target::activity(a, Some("next_review".to_owned())),
            format!(
                "{ae} has never been reviewed and no review is scheduled. Schedule a review, so that the record stays accurate."
            ),
            format!(
                "Die {ad} wurde noch nie überprüft, und es ist keine Überprüfung geplant. Legen Sie einen Termin fest, damit das Verzeichnis aktuell bleibt."
            ),
        ),
        _ => {}
    }
}

fn dpia(cx: &mut Cx<'_>, a: &Activity) {
    let (ae, ad) = (act_en(a), act_de(a));
    match (a.dpia.screening, a.dpia.status) {
        (DpiaScreening::Required, None) => cx.emit(
            &DPIA_MISSING,
            Target::activity(a, Some("dpia.status".to_owned())),
            format!(
                "The screening of {} found that a data-protection impact assessment is required, but none is recorded. Carry out the DPIA before the processing starts (Art. 35(1) GDPR) and record its status and reference.",
                ae.replacen("Activity", "activity", 1)
            ),
            format!(
                "Nach der Schwellwertanalyse ist für die {ad} eine Datenschutz-Folgenabschätzung erforderlich, sie ist aber nicht erfasst. Führen Sie die DSFA vor Beginn der Verarbeitung durch (Art. 35 Abs. 1 DSGVO) und tragen Sie Stand und Fundstelle ein."
            ),
        ),
        (DpiaScreening::Required, Some(DpiaStatus::Planned | DpiaStatus::InProgress))
            if a.status == ActivityStatus::Active =>
        {
            cx.emit(
                &DPIA_NOT_COMPLETED,
                Target::activity(a, Some("dpia.status".to_owned())),
                format!(
                    "{ae} is active, but its required DPIA is not completed. The assessment must be carried out prior to the processing: complete it (and consult the supervisory authority if a high risk remains, Art. 36), or suspend the processing."
                ),
                format!(
                    "Die {ad} ist aktiv, die erforderliche DSFA ist aber nicht abgeschlossen. Die Folgenabschätzung ist vor Beginn der Verarbeitung durchzuführen: Schließen Sie sie ab (und konsultieren Sie bei verbleibendem hohem Risiko die Aufsichtsbehörde, Art. 36 DSGVO) oder setzen Sie die Verarbeitung aus."
                ),
            );
        }
        (DpiaScreening::NotScreened, _) => {
            let mut why_en = Vec::new();
            let mut why_de = Vec::new();
            let cats: Vec<_> = a
                .data_categories
                .iter()
                .filter_map(|d| cx.category(&d.category))
                .collect();
            if cats.iter().any(|c| c.special.is_some()) {
                why_en.push("special categories of data".to_owned());
                why_de.push("besondere Kategorien personenbezogener Daten".to_owned());
            }
            if cats.iter().any(|c| c.criminal) {
                why_en.push("data on criminal offences".to_owned());
                why_de.push("Daten über Straftaten".to_owned());
            }
            if a.automated_decision.is_some() {
                why_en.push("automated decisions".to_owned());
                why_de.push("automatisierte Entscheidungen".to_owned());
            }
            if !why_en.is_empty() {
                cx.emit(
                    &DPIA_NOT_SCREENED,
                    Target::activity(a, Some("dpia.screening".to_owned())),
                    format!(
                        "{ae} involves {}, but no DPIA screening is recorded. Assess whether the processing is likely to result in a high risk (Art. 35(1), (3) GDPR and the supervisory authorities' lists) and record the outcome.",
                        join(&why_en, false)
                    ),
                    format!(
                        "Die {ad} umfasst {}, eine Schwellwertanalyse zur DSFA ist aber nicht erfasst. Prüfen Sie, ob die Verarbeitung voraussichtlich ein hohes Risiko birgt (Art. 35 Abs. 1, 3 DSGVO und die Listen der Aufsichtsbehörden), und tragen Sie das Ergebnis ein.",
                        join(&why_de, true)
                    ),
                );
            }
        }
        _ => {}
    }
}
