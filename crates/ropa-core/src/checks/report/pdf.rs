//! The check report as an A4 PDF, on the layout module of the Art. 30 record: a summary (counts
//! by severity, and by letter of Art. 30(1)/(2) so that a client sees which part of the record is
//! incomplete), then the findings grouped by record, each with its severity, rule code, the
//! provision it rests on, the field to change and what to do.

use crate::checks::{Art30Letter, Finding, Severity, Summary, rule};
use crate::model::{Date, Language};
use crate::pdf::{self, Cell, Composer, Furniture, Geometry, PdfInfo, Rgb, Span, Style, Table};

const CELL: Style = Style::regular(8.0);
const HEADER_SIZE: f32 = 7.6;
const ERROR: Rgb = Rgb(0.66, 0.13, 0.10);
const WARNING: Rgb = Rgb(0.60, 0.38, 0.0);

/// What the report says about the register it checked.
#[derive(Debug, Clone)]
pub struct ReportInfo {
    /// The organisation's legal name.
    pub organisation: String,
    /// The date the checks were run for.
    pub checked_on: Date,
    /// The register's revision when checked.
    pub revision: i64,
}

struct Words {
    title: &'static str,
    short: &'static str,
    checked_on: &'static str,
    revision: &'static str,
    summary: &'static str,
    by_letter: &'static str,
    provision: &'static str,
    other: &'static str,
    findings: &'static str,
    none: &'static str,
    severity: &'static str,
    rule: &'static str,
    finding: &'static str,
    field: &'static str,
    total: &'static str,
    severities: [&'static str; 3],
    page_of: fn(usize, usize) -> String,
}

fn words(lang: Language) -> Words {
    match lang {
        Language::De => Words {
            title: "Prüfbericht zum Verzeichnis von Verarbeitungstätigkeiten",
            short: "Prüfbericht",
            checked_on: "Geprüft zum",
            revision: "Revision des Verzeichnisses",
            summary: "Zusammenfassung",
            by_letter: "Nach Buchstaben von Art. 30 DSGVO",
            provision: "Angabe",
            other: "Weitere Feststellungen (Rechtsgrundlagen, Übermittlungen, Verträge, Organisation)",
            findings: "Feststellungen nach Eintrag",
            none: "Keine Feststellungen: Die Prüfregeln haben im Verzeichnis nichts gefunden.",
            severity: "Schweregrad",
            rule: "Regel und Vorschrift",
            finding: "Feststellung und was zu tun ist",
            field: "Feld",
            total: "Gesamt",
            severities: ["Fehler", "Warnungen", "Hinweise"],
            page_of: |n, total| format!("Seite {n} von {total}"),
        },
        Language::En => Words {
            title: "Compliance check report on the record of processing activities",
            short: "Check report",
            checked_on: "Checked as of",
            revision: "Register revision",
            summary: "Summary",
            by_letter: "By letter of Art. 30 GDPR",
            provision: "Item",
            other: "Other findings (legal bases, transfers, contracts, organisation)",
            findings: "Findings by record",
            none: "No findings: the rules found nothing to report in this register.",
            severity: "Severity",
            rule: "Rule and provision",
            finding: "Finding and what to do",
            field: "Field",
            total: "Total",
            severities: ["Errors", "Warnings", "Info"],
            page_of: |n, total| format!("Page {n} of {total}"),
        },
    }
}

fn severity_color(s: Severity) -> Rgb {
    match s {
        Severity::Error => ERROR,
        Severity::Warning => WARNING,
        Severity::Info => Rgb::MUTED,
    }
}

fn counts(findings: &[&Finding]) -> [usize; 3] {
    let mut c = [0; 3];
    for f in findings {
        c[match f.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    c
}

fn count_cells(c: [usize; 3]) -> Vec<Cell> {
    c.iter()
        .zip([Severity::Error, Severity::Warning, Severity::Info])
        .map(|(n, s)| {
            let style = if *n > 0 {
                Style::bold(8.0).color(severity_color(s))
            } else {
                CELL.color(Rgb::MUTED)
            };
            vec![vec![Span::new(n.to_string(), style)]]
        })
        .collect()
}

/// The report as PDF bytes.
pub fn to_bytes(findings: &[Finding], info: &ReportInfo, lang: Language) -> crate::Result<Vec<u8>> {
    crate::pdf::coverage::check(&(findings, &info.organisation))?;
    let geo = Geometry::a4();
    let w = words(lang);
    let german = lang == Language::De;
    let date = crate::notice::format_date(info.checked_on, lang);
    let mut c = Composer::new(geo);

    // Title block.
    c.paragraph(
        &[Span::new(w.title, Style::bold(17.0).color(Rgb::ACCENT))],
        0.0,
        4.0,
    );
    c.paragraph(
        &[Span::new(info.organisation.clone(), Style::bold(13.0))],
        0.0,
        3.0,
    );
    c.paragraph(
        &[Span::new(
            format!("{} {date} · {} {}", w.checked_on, w.revision, info.revision),
            Style::regular(9.5).color(Rgb::MUTED),
        )],
        0.0,
        6.0,
    );
    c.rule(Rgb::ACCENT, 1.2);
    c.space(12.0);

    // Summary by severity and by letter.
    let all: Vec<&Finding> = findings.iter().collect();
    let summary = Summary::of(findings);
    c.heading(
        &[Span::new(w.summary, Style::bold(12.0).color(Rgb::ACCENT))],
        Some((1, w.summary)),
        0.0,
        5.0,
        40.0,
        false,
    );
    let mut t = Table::new(
        &[
            (0.58, w.provision),
            (0.14, w.severities[0]),
            (0.14, w.severities[1]),
            (0.14, w.severities[2]),
        ],
        HEADER_SIZE,
    );
    let mut add = |label: String, c3: [usize; 3], bold: bool| {
        let style = if bold { Style::bold(8.0) } else { CELL };
        let mut row = vec![vec![vec![Span::new(label, style)]]];
        row.extend(count_cells(c3));
        t.rows.push(row);
    };
    for letter in Art30Letter::ALL {
        let of: Vec<&Finding> = all
            .iter()
            .copied()
            .filter(|f| f.letter == Some(*letter))
            .collect();
        // Processor letters only when the register has processor findings.
        if letter.parts().0 == 2 && of.is_empty() {
            continue;
        }
        add(
            format!("{} – {}", letter.citation(german), letter.subject(german)),
            counts(&of),
            false,
        );
    }
    let other: Vec<&Finding> = all.iter().copied().filter(|f| f.letter.is_none()).collect();
    add(w.other.to_owned(), counts(&other), false);
    add(
        w.total.to_owned(),
        [summary.errors, summary.warnings, summary.infos],
        true,
    );
    c.paragraph(&[Span::new(w.by_letter, Style::bold(9.0))], 0.0, 3.0);
    c.table(&t);
    c.space(14.0);

    // Findings, grouped by record (they come ordered by record).
    c.heading(
        &[Span::new(w.findings, Style::bold(12.0).color(Rgb::ACCENT))],
        Some((1, w.findings)),
        4.0,
        5.0,
        40.0,
        false,
    );
    if findings.is_empty() {
        c.paragraph(&[Span::new(w.none, Style::regular(9.5))], 0.0, 4.0);
    }
    let mut start = 0;
    while start < findings.len() {
        let key = (&findings[start].target.entity, &findings[start].target.id);
        let end = findings[start..]
            .iter()
            .position(|f| (&f.target.entity, &f.target.id) != key)
            .map_or(findings.len(), |n| start + n);
        let group = &findings[start..end];
        let first = &group[0];
        let title = format!(
            "{}: {}",
            super::entity_label(first.target.entity, lang),
            first.target.label_in(lang)
        );
        c.set_running_head(first.target.label_in(lang));
        c.heading(
            &[
                Span::new(title.clone(), Style::bold(10.0)),
                Span::new(
                    format!("  ({})", first.target.id),
                    Style::regular(8.0).color(Rgb::MUTED),
                ),
            ],
            Some((2, &title)),
            8.0,
            3.0,
            30.0,
            false,
        );
        let mut t = Table::new(
            &[(0.15, w.severity), (0.27, w.rule), (0.58, w.finding)],
            HEADER_SIZE,
        );
        for f in group {
            let severity = vec![vec![Span::new(
                crate::export::describe::capitalise(f.severity.label(german)),
                Style::bold(8.0).color(severity_color(f.severity)),
            )]];
            let mut rule_cell = vec![vec![Span::new(f.code.clone(), Style::bold(7.5))]];
            if let Some(r) = rule(&f.code) {
                rule_cell.push(vec![Span::new(r.title(lang), CELL)]);
            }
            rule_cell.push(vec![Span::new(
                f.article_in(lang).to_owned(),
                CELL.color(Rgb::MUTED),
            )]);
            let mut finding = vec![vec![Span::new(f.message(lang).to_owned(), CELL)]];
            if let Some(field) = &f.target.field {
                finding.push(vec![
                    Span::new(format!("{}: ", w.field), Style::bold(7.5).color(Rgb::MUTED)),
                    Span::new(field.clone(), Style::regular(7.5).color(Rgb::MUTED)),
                ]);
            }
            t.rows.push(vec![severity, rule_cell, finding]);
        }
        c.table(&t);
        start = end;
    }

    let mut pages = c.pages;
    let head_left = format!("{} · {}", info.organisation, w.short);
    let foot_left = format!(
        "{} {date} · {} {} · {} {}, {} {}, {} {}",
        w.checked_on,
        w.revision,
        info.revision,
        summary.errors,
        w.severities[0],
        summary.warnings,
        w.severities[1],
        summary.infos,
        w.severities[2],
    );
    pdf::add_furniture(
        &mut pages,
        &geo,
        &Furniture {
            head_left: &head_left,
            foot_left: &foot_left,
            page_label: &w.page_of,
        },
    );
    let outline = c.marks.iter().map(|m| (m.title.clone(), m.page)).collect();
    let title = format!("{} – {}", w.title, info.organisation);
    Ok(pdf::render(
        &pages,
        &geo,
        &PdfInfo {
            title: &title,
            author: &info.organisation,
            subject: &format!("{} {date}", w.checked_on),
            created: info.checked_on.days_since_epoch() * 86_400,
            outline,
        },
    ))
}
