//! Citations of repealed German law (TMG, TTDSG, TKG, old UWG) in a purpose.

use super::super::text::{self, has_word, numbers};
use super::*;

/// A family of out-of-date German citations recognised in text.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OldLaw {
    Tmg,
    Ttdsg,
    Tkg,
    Uwg,
}

impl OldLaw {
    fn of_code(code: &str) -> Option<OldLaw> {
        let prefix = code.split('_').next()?;
        match prefix {
            "TMG" => Some(OldLaw::Tmg),
            "TTDSG" => Some(OldLaw::Ttdsg),
            "TKG" => Some(OldLaw::Tkg),
            "UWG" => Some(OldLaw::Uwg),
            _ => None,
        }
    }

    fn in_text(text: &str) -> Vec<OldLaw> {
        let mut found = Vec::new();
        if has_word(text, "TMG") || text.contains("Telemediengesetz") {
            found.push(OldLaw::Tmg);
        }
        if has_word(text, "TTDSG") {
            found.push(OldLaw::Ttdsg);
        }
        if has_word(text, "TKG") && numbers(text).iter().any(|n| matches!(n, 96 | 109)) {
            found.push(OldLaw::Tkg);
        }
        found
    }

    fn explain(self, german: bool) -> &'static str {
        match (self, german) {
            (OldLaw::Tmg, false) => {
                "The data-protection provisions of the TMG were repealed on 1 December 2021 (the TMG itself was replaced by the DDG on 14 May 2024); storing or reading information on the user's device now falls under Section 25 TDDDG, the processing of personal data under the GDPR."
            }
            (OldLaw::Tmg, true) => {
                "Die Datenschutzvorschriften des TMG sind seit dem 1. Dezember 2021 aufgehoben (das TMG selbst wurde am 14. Mai 2024 durch das DDG ersetzt); für das Speichern von und den Zugriff auf Informationen in der Endeinrichtung gilt heute § 25 TDDDG, für die Verarbeitung personenbezogener Daten die DSGVO."
            }
            (OldLaw::Ttdsg, false) => {
                "The TTDSG was renamed TDDDG on 14 May 2024 with no change in substance; cite the TDDDG."
            }
            (OldLaw::Ttdsg, true) => {
                "Das TTDSG wurde am 14. Mai 2024 ohne inhaltliche Änderung in TDDDG umbenannt; zitieren Sie das TDDDG."
            }
            (OldLaw::Tkg, false) => {
                "Sections 96 and 109 of the old TKG were repealed on 1 December 2021 and never covered cookies on websites; cookies and similar technologies fall under Section 25 TDDDG."
            }
            (OldLaw::Tkg, true) => {
                "§§ 96 und 109 TKG a. F. sind seit dem 1. Dezember 2021 aufgehoben und betrafen nie Cookies auf Websites; für Cookies und ähnliche Technologien gilt § 25 TDDDG."
            }
            (OldLaw::Uwg, false) => {
                "The provision was renumbered on 28 May 2022; cite the current numbering."
            }
            (OldLaw::Uwg, true) => {
                "Die Vorschrift wurde am 28. Mai 2022 neu nummeriert; zitieren Sie die aktuelle Nummerierung."
            }
        }
    }

    fn name(self) -> &'static str {
        match self {
            OldLaw::Tmg => "TMG",
            OldLaw::Ttdsg => "TTDSG",
            OldLaw::Tkg => "TKG",
            OldLaw::Uwg => "UWG",
        }
    }
}

pub(super) fn repealed_law(cx: &mut Cx<'_>, a: &Activity, i: usize, p: &Purpose) {
    let (ae, ad) = (act_en(a), act_de(a));
    let primary = cx.reg.organisation.language;
    let (pe, pd) = (purpose_en(p, primary), purpose_de(p, primary));
    let r = reference();
    let mut reported: Vec<OldLaw> = Vec::new();

    for (j, law) in p.national_law.iter().enumerate() {
        let Some(prov) = r.national_law(&law.code) else {
            continue;
        };
        if prov.in_force {
            continue;
        }
        if let Some(family) = OldLaw::of_code(&prov.code) {
            reported.push(family);
        }
        let since_en = prov
            .repealed_on
            .as_deref()
            .map(|d| format!(" since {}", text::ref_date(d, false)))
            .unwrap_or_default();
        let since_de = prov
            .repealed_on
            .as_deref()
            .map(|d| format!(" seit dem {}", text::ref_date(d, true)))
            .unwrap_or_default();
        let (todo_en, todo_de) = match r.current_national_law(&prov.code) {
            Some(now) => (
                format!("Cite {} ({}) instead.", now.citation_en, now.code),
                format!("Zitieren Sie stattdessen {} ({}).", now.citation_de, now.code),
            ),
            None => (
                "Remove the citation and record the provision that applies today (for cookies Section 25 TDDDG, for the processing an Art. 6(1) GDPR basis).".to_owned(),
                "Entfernen Sie das Zitat und erfassen Sie die heute geltende Vorschrift (für Cookies § 25 TDDDG, für die Verarbeitung eine Rechtsgrundlage nach Art. 6 Abs. 1 DSGVO).".to_owned(),
            ),
        };
        cx.emit(
            &LAW_REPEALED,
            Target::activity(a, Some(format!("purposes[{i}].national_law[{j}].code"))),
            format!(
                "{ae}, {pe}: cites {}, which is no longer in force under this citation{since_en}. {todo_en}",
                prov.citation_en
            ),
            format!(
                "{ad}, {pd}: Zitiert wird {}, das in dieser Fassung{since_de} nicht mehr gilt. {todo_de}",
                prov.citation_de
            ),
        );
    }

    let mut texts: Vec<(String, &str)> = Vec::new();
    if let Some(s) = &p.basis_as_stated {
        texts.push((format!("purposes[{i}].basis_as_stated"), s));
    }
    for (j, law) in p.national_law.iter().enumerate() {
        if let Some(s) = &law.as_stated {
            texts.push((format!("purposes[{i}].national_law[{j}].as_stated"), s));
        }
    }
    for (field, text) in texts {
        for family in OldLaw::in_text(text) {
            if reported.contains(&family) {
                continue;
            }
            reported.push(family);
            cx.emit(
                &LAW_REPEALED,
                Target::activity(a, Some(field.clone())),
                format!(
                    "{ae}, {pe}: the stated basis cites the {} ({}). {} Correct the citation here and in the privacy notice.",
                    family.name(),
                    q_en(text),
                    family.explain(false)
                ),
                format!(
                    "{ad}, {pd}: Die angegebene Rechtsgrundlage zitiert das {} ({}). {} Korrigieren Sie das Zitat hier und in der Datenschutzerklärung.",
                    family.name(),
                    q_de(text),
                    family.explain(true)
                ),
            );
        }
    }
}
