//! `ropa codes`: the codes of the shipped reference lists.

use crate::{Failure, Out, output};
use clap::ValueEnum;
use ropa_core::reference::reference;
use serde_json::Value;

/// A reference list.
#[derive(Clone, Copy, ValueEnum)]
pub enum CodeList {
    Countries,
    Adequacy,
    LegalBases,
    SpecialCategories,
    Art9,
    Scc,
    Art49,
    Mechanisms,
    Legacy,
    NationalLaw,
    Retention,
}

/// Prints the codes of `list`.
pub fn codes(list: CodeList, out: &Out) -> Result<(), Failure> {
    let r = reference();
    let rows: Vec<[String; 2]> = match list {
        CodeList::Countries => r
            .countries
            .countries
            .iter()
            .map(|c| {
                let zone = if c.eu {
                    " (EU)"
                } else if c.eea {
                    " (EEA)"
                } else {
                    ""
                };
                [c.code.clone(), format!("{}{zone}", c.name_en)]
            })
            .collect(),
        CodeList::Adequacy => r
            .adequacy
            .decisions
            .iter()
            .map(|d| {
                [
                    d.code.clone(),
                    format!(
                        "{} – {}",
                        d.name_en,
                        d.decision
                            .clone()
                            .unwrap_or_else(|| "decision number unverified".into())
                    ),
                ]
            })
            .collect(),
        CodeList::LegalBases => r
            .legal_bases
            .art6
            .iter()
            .map(|b| {
                [
                    b.code.to_string(),
                    format!("{}: {}", b.citation_en, b.label_en),
                ]
            })
            .collect(),
        CodeList::SpecialCategories => r
            .legal_bases
            .special_categories
            .iter()
            .map(|s| [s.code.to_string(), s.label_en.clone()])
            .collect(),
        CodeList::Art9 => r
            .legal_bases
            .art9_conditions
            .iter()
            .map(|c| {
                [
                    c.code.to_string(),
                    format!("{}: {}", c.citation_en, c.label_en),
                ]
            })
            .collect(),
        CodeList::Scc => r
            .transfer_mechanisms
            .scc_modules
            .iter()
            .map(|m| [m.code.to_string(), m.label_en.clone()])
            .collect(),
        CodeList::Art49 => r
            .transfer_mechanisms
            .art49
            .iter()
            .map(|d| {
                [
                    d.code.to_string(),
                    format!("{}: {}", d.citation_en, d.label_en),
                ]
            })
            .collect(),
        CodeList::Mechanisms => r
            .transfer_mechanisms
            .kinds
            .iter()
            .map(|k| [k.kind.clone(), format!("{}: {}", k.article_en, k.label_en)])
            .collect(),
        CodeList::Legacy => r
            .transfer_mechanisms
            .legacy
            .iter()
            .map(|l| {
                [
                    l.code.clone(),
                    format!("{} (invalid since {})", l.label_en, l.invalid_since),
                ]
            })
            .collect(),
        CodeList::NationalLaw => r
            .national_law
            .provisions
            .iter()
            .map(|p| {
                let state = if p.in_force {
                    String::new()
                } else {
                    format!(" (repealed {})", p.repealed_on.clone().unwrap_or_default())
                };
                [
                    p.code.clone(),
                    format!("{}: {}{state}", p.citation_en, p.label_en),
                ]
            })
            .collect(),
        CodeList::Retention => r
            .retention_rules
            .rules
            .iter()
            .map(|x| {
                [
                    x.code.clone(),
                    format!("{} years: {}", x.years, x.citation_en),
                ]
            })
            .collect(),
    };
    let v: Vec<Value> = rows
        .iter()
        .map(|[c, l]| serde_json::json!({"code": c, "label": l}))
        .collect();
    out.emit(&v, || {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| r.to_vec()).collect();
        output::table(&["CODE", "MEANING"], &rows)
    })
}
