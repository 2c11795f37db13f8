//! Texts without their translation: for every document language the organisation names, each
//! text of a record should be written in it. A missing translation is not a breach of Art. 30,
//! but the documents in that language would print another language's words (marked as not
//! translated) and the final notice is refused, so it is reported, as a note, once per record
//! with the fields.

use super::text::{act_de, act_en, party_de, party_en, q_de, q_en};
use super::{Cx, RuleInfo, Target, define_rule};
use crate::model::{Entity, Language};
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

/// A record as the message names it (English, German) and where the finding points; `None`
/// for a record the register does not hold.
fn named(cx: &Cx<'_>, entity: Entity, id: &str) -> Option<(Target, String, String)> {
    let reg = cx.reg;
    let party_names = |party: &str| match cx.party(party) {
        Some(p) => (party_en(p), party_de(p)),
        None => (q_en(party), q_de(party)),
    };
    Some(match entity {
        Entity::Activity => {
            let a = cx.activity(id)?;
            (Target::activity(a, None), act_en(a), act_de(a))
        }
        Entity::Party => {
            let p = cx.party(id)?;
            (
                Target::party(p, None),
                format!("The recipient category {}", party_en(p)),
                format!("Die Empfängerkategorie {}", party_de(p)),
            )
        }
        Entity::Transfer => {
            let t = reg.transfers.iter().find(|t| t.id == id)?;
            let (pe, pd) = party_names(&t.party);
            (
                Target::record(t, pe.as_str().into(), None),
                format!("The transfer to {pe}"),
                format!("Die Übermittlung an {pd}"),
            )
        }
        Entity::Agreement => {
            let g = reg.agreements.iter().find(|g| g.id == id)?;
            let (pe, pd) = party_names(&g.party);
            (
                Target::record(g, pe.as_str().into(), None),
                format!("The Art. 28 agreement with {pe}"),
                format!("Der Vertrag nach Art. 28 DSGVO mit {pd}"),
            )
        }
        Entity::JointArrangement => {
            let j = reg.joint_arrangements.iter().find(|j| j.id == id)?;
            (
                Target::joint(j, None),
                format!("The joint-controller arrangement {}", q_en(&j.title)),
                format!("Die Vereinbarung nach Art. 26 DSGVO {}", q_de(&j.title)),
            )
        }
        Entity::ProcessorService => {
            let s = reg.processor_services.iter().find(|s| s.id == id)?;
            (
                Target::service(s, None),
                format!("The processor service {}", q_en(&s.name)),
                format!("Die Auftragsverarbeitung {}", q_de(&s.name)),
            )
        }
        Entity::DataCategory => {
            let c = cx.category(id)?;
            (
                Target::record(c, c.name.clone(), None),
                format!("The data category {}", q_en(&c.name)),
                format!("Die Datenkategorie {}", q_de(&c.name)),
            )
        }
        Entity::SubjectCategory => {
            let c = reg.subject_categories.iter().find(|c| c.id == id)?;
            (
                Target::record(c, c.name.clone(), None),
                format!("The data-subject category {}", q_en(&c.name)),
                format!("Die Kategorie betroffener Personen {}", q_de(&c.name)),
            )
        }
        Entity::Tom => {
            let m = reg.toms.iter().find(|m| m.id == id)?;
            (
                Target::record(m, m.name.clone(), None),
                format!("The measure {}", q_en(&m.name)),
                format!("Die Maßnahme {}", q_de(&m.name)),
            )
        }
        Entity::Organisation | Entity::NoticeSettings => return None,
    })
}

/// One finding per record and language, over what [`Register::untranslated`] lists (the same
/// list the app counts).
///
/// [`Register::untranslated`]: crate::interchange::Register::untranslated
pub(crate) fn check(cx: &mut Cx<'_>) {
    for gap in cx.reg.untranslated() {
        let (Some(first), Some((mut target, who_en, who_de))) =
            (gap.fields.first(), named(cx, gap.entity, &gap.id))
        else {
            continue;
        };
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
