//! Texts without their translation: for every document language the organisation names, each
//! text of a record should be written in it. A missing translation is not a breach of Art. 30,
//! but the documents in that language would print another language's words (marked as not
//! translated) and the final notice is refused, so it is reported, as a note, once per record
//! with the fields.

use super::text::{act_de, act_en, party_de, party_en, q_de, q_en};
use super::{Cx, RuleInfo, Target, define_rule};
use crate::model::{Language, LocalTexts, RecordMeta};
use crate::wording::template;

define_rule!(
    TEXT_NOT_TRANSLATED,
    "TEXT_NOT_TRANSLATED",
    Info,
    Completeness,
    None,
    "Art. 12(1) GDPR",
    "Art. 12 Abs. 1 DSGVO",
    "Texts missing in a document language",
    "Texte fehlen in einer Dokumentsprache"
);

/// The rules of this family.
pub(crate) const RULES: &[RuleInfo] = &[TEXT_NOT_TRANSLATED];

/// The name of `lang` in the message language (the notice templates' `language.*`).
fn name(lang: Language, german: bool) -> &'static str {
    let t = template(if german { Language::De } else { Language::En });
    t.get(match lang {
        Language::En => "language.en",
        Language::De => "language.de",
    })
}

/// A record as the message names it (English, German) and where the finding points.
struct Named {
    target: Target,
    en: String,
    de: String,
}

fn report<T: LocalTexts + RecordMeta>(cx: &mut Cx<'_>, record: &T, named: impl Fn() -> Named) {
    let org = &cx.reg.organisation;
    for gap in record.untranslated(org) {
        let Some(first) = gap.fields.first() else {
            continue;
        };
        let Named {
            mut target,
            en: who_en,
            de: who_de,
        } = named();
        target.field = Some(first.clone());
        let list = gap.fields.join(", ");
        let (le, ld) = (name(gap.language, false), name(gap.language, true));
        cx.emit(
            &TEXT_NOT_TRANSLATED,
            target,
            format!(
                "{who_en}: no {le} text for {list}. The {le} documents show these texts in another language, marked as not translated, and the final {le} notice is refused. Add the {le} texts."
            ),
            format!(
                "{who_de}: kein Text in der Sprache {ld} für {list}. Die Dokumente in dieser Sprache zeigen diese Texte in einer anderen Sprache, als nicht übersetzt markiert, und die endgültige Datenschutzerklärung wird verweigert. Ergänzen Sie die Texte in der Sprache {ld}."
            ),
        );
    }
}

pub(crate) fn check(cx: &mut Cx<'_>) {
    let reg = cx.reg;
    for a in cx.live_activities() {
        report(cx, a, || Named {
            target: Target::activity(a, None),
            en: act_en(a),
            de: act_de(a),
        });
    }
    for p in &reg.parties {
        report(cx, p, || Named {
            target: Target::party(p, None),
            en: format!("The recipient category {}", party_en(p)),
            de: format!("Die Empfängerkategorie {}", party_de(p)),
        });
    }
    for t in &reg.transfers {
        let (pe, pd) = match cx.party(&t.party) {
            Some(p) => (party_en(p), party_de(p)),
            None => (q_en(&t.party), q_de(&t.party)),
        };
        report(cx, t, || Named {
            target: Target::record(t, pe.as_str().into(), None),
            en: format!("The transfer to {pe}"),
            de: format!("Die Übermittlung an {pd}"),
        });
    }
    for g in &reg.agreements {
        let (pe, pd) = match cx.party(&g.party) {
            Some(p) => (party_en(p), party_de(p)),
            None => (q_en(&g.party), q_de(&g.party)),
        };
        report(cx, g, || Named {
            target: Target::record(g, pe.as_str().into(), None),
            en: format!("The Art. 28 agreement with {pe}"),
            de: format!("Der Vertrag nach Art. 28 DSGVO mit {pd}"),
        });
    }
    for j in &reg.joint_arrangements {
        report(cx, j, || Named {
            target: Target::joint(j, None),
            en: format!("The joint-controller arrangement {}", q_en(&j.title)),
            de: format!("Die Vereinbarung nach Art. 26 DSGVO {}", q_de(&j.title)),
        });
    }
    for s in &reg.processor_services {
        report(cx, s, || Named {
            target: Target::service(s, None),
            en: format!("The processor service {}", q_en(&s.name)),
            de: format!("Die Auftragsverarbeitung {}", q_de(&s.name)),
        });
    }
    for c in &reg.data_categories {
        report(cx, c, || Named {
            target: Target::record(c, c.name.clone(), None),
            en: format!("The data category {}", q_en(&c.name)),
            de: format!("Die Datenkategorie {}", q_de(&c.name)),
        });
    }
    for c in &reg.subject_categories {
        report(cx, c, || Named {
            target: Target::record(c, c.name.clone(), None),
            en: format!("The data-subject category {}", q_en(&c.name)),
            de: format!("Die Kategorie betroffener Personen {}", q_de(&c.name)),
        });
    }
    for m in &reg.toms {
        report(cx, m, || Named {
            target: Target::record(m, m.name.clone(), None),
            en: format!("The measure {}", q_en(&m.name)),
            de: format!("Die Maßnahme {}", q_de(&m.name)),
        });
    }
}
