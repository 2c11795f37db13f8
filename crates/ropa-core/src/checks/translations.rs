//! Texts without their translation: for every document language the organisation names, each
//! text of a record should be written in it. A missing translation is not a breach of Art. 30,
//! but the German notice would print English words (marked as not translated) and the final
//! notice is refused, so it is reported, as a note, once per record with the fields.

use super::text::{act_de, act_en};
use super::{Cx, RuleInfo, Target, define_rule};
use crate::model::Language;
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

pub(crate) fn check(cx: &mut Cx<'_>) {
    let org = &cx.reg.organisation;
    for a in cx.live_activities() {
        for gap in a.untranslated(org) {
            let Some(first) = gap.fields.first() else {
                continue;
            };
            let list = gap.fields.join(", ");
            let (le, ld) = (name(gap.language, false), name(gap.language, true));
            cx.emit(
                &TEXT_NOT_TRANSLATED,
                Target::activity(a, Some(first.clone())),
                format!(
                    "{}: no {le} text for {list}. The {le} documents show these texts in another language, marked as not translated, and the final {le} notice is refused. Add the {le} texts.",
                    act_en(a)
                ),
                format!(
                    "{}: kein Text in der Sprache {ld} für {list}. Die Dokumente in dieser Sprache zeigen diese Texte in einer anderen Sprache, als nicht übersetzt markiert, und die endgültige Datenschutzerklärung wird verweigert. Ergänzen Sie die Texte in der Sprache {ld}.",
                    act_de(a)
                ),
            );
        }
    }
}
