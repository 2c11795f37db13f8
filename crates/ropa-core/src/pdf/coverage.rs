//! Characters the embedded fonts cannot draw. A PDF must never show an empty box where the
//! register has a character (the fact would silently vanish from the page and from the
//! extracted text), so a document holding one is refused, naming the character and where it is.

use super::{Weight, fonts};
use crate::error::{Error, Result};
use serde::Serialize;

/// Whether both embedded faces (regular and bold) can draw `c`; line breaks and tabs are
/// layout, not glyphs.
pub fn printable(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t')
        || (fonts().metrics(Weight::Regular).has_glyph(c)
            && fonts().metrics(Weight::Bold).has_glyph(c))
}

/// Checks every text of `value` (a document's content): the first character no embedded font
/// can draw is an [`Error::Unprintable`] naming the character, the field (its path in the
/// serialised content, e.g. `activities[2].name`) and the text around it.
pub fn check(value: &impl Serialize) -> Result<()> {
    let value = serde_json::to_value(value)?;
    crate::text::each_string(&value, &mut |field, _, text| match text
        .chars()
        .position(|c| !printable(c))
    {
        None => Ok(()),
        Some(at) => Err(Error::Unprintable {
            character: text.chars().nth(at).unwrap_or(' '),
            field: field.to_owned(),
            text: text.chars().skip(at.saturating_sub(20)).take(40).collect(),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dejavu_draws_european_hebrew_and_arabic_scripts_but_not_cjk_or_devanagari() {
        for c in "Größe Ελλάδα Москва Հայաստան שלום مرحبا €§–…".chars()
        {
            assert!(printable(c), "{c:?} U+{:04X}", c as u32);
        }
        for c in "数据处理नमस्ते".chars() {
            assert!(!printable(c), "{c:?}");
        }
    }

    #[test]
    fn the_refusal_names_the_field_and_the_character() {
        let value =
            serde_json::json!({"activities": [{"name": "ok"}, {"name": "Tochter 数据 GmbH"}]});
        let err = check(&value).unwrap_err();
        let Error::Unprintable {
            character, field, ..
        } = &err
        else {
            panic!("{err}")
        };
        assert_eq!((*character, field.as_str()), ('数', "activities[1].name"));
        assert!(err.to_string().contains("U+6570"), "{err}");
    }
}
