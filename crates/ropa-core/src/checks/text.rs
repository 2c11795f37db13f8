//! Wording shared by the rules: how records are named in messages, and text matching on what a
//! source document states.

use crate::model::{Activity, Date, Language, LocalText, Party, Purpose};
use crate::reference::reference;

/// Longest quoted description before it is shortened.
const QUOTE_MAX: usize = 70;

/// `s` shortened to about `max` characters at a word boundary, with an ellipsis.
pub fn short(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// What a message can quote: a text, or a text written per language (quoted in the message's
/// language where it has one).
pub trait Quotable {
    /// The words to quote in a message in `lang`.
    fn words(&self, lang: Language) -> &str;
}

impl Quotable for str {
    fn words(&self, _: Language) -> &str {
        self
    }
}

impl Quotable for String {
    fn words(&self, _: Language) -> &str {
        self
    }
}

impl Quotable for LocalText {
    fn words(&self, lang: Language) -> &str {
        self.best(lang)
    }
}

/// `"text"` (English quotes).
pub fn q_en(s: &(impl Quotable + ?Sized)) -> String {
    format!("\"{}\"", short(s.words(Language::En), QUOTE_MAX))
}

/// `„text“` (German quotes).
pub fn q_de(s: &(impl Quotable + ?Sized)) -> String {
    format!("„{}“", short(s.words(Language::De), QUOTE_MAX))
}

/// `Activity WEB-01 "Website"` (start of an English message).
pub fn act_en(a: &Activity) -> String {
    format!("Activity {} {}", a.reference, q_en(&a.name))
}

/// `Verarbeitungstätigkeit WEB-01 „Website“` (start of a German message).
pub fn act_de(a: &Activity) -> String {
    format!("Verarbeitungstätigkeit {} {}", a.reference, q_de(&a.name))
}

/// `purpose "…"` (its English text where it has one; `primary`: the language of plain texts).
pub fn purpose_en(p: &Purpose, primary: Language) -> String {
    format!(
        "purpose {}",
        q_en(p.description.show(Language::En, primary).text)
    )
}

/// `Zweck „…“` (its German text where it has one).
pub fn purpose_de(p: &Purpose, primary: Language) -> String {
    format!(
        "Zweck {}",
        q_de(p.description.show(Language::De, primary).text)
    )
}

/// A party's name, quoted.
pub fn party_en(p: &Party) -> String {
    q_en(&p.name)
}

/// A party's name, quoted (German).
pub fn party_de(p: &Party) -> String {
    q_de(&p.name)
}

/// The name of a country code (the code itself when unknown).
pub fn country(code: &str, german: bool) -> String {
    reference()
        .country(code)
        .map(|c| c.name(german).to_owned())
        .unwrap_or_else(|| code.to_owned())
}

/// A date as `16 July 2020` / `16. Juli 2020`.
pub fn date(d: Date, german: bool) -> String {
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    let m = usize::from(d.month() - 1);
    if german {
        format!("{}. {} {}", d.day(), DE[m], d.year())
    } else {
        format!("{} {} {}", d.day(), EN[m], d.year())
    }
}

/// A reference-data date (`YYYY-MM-DD`) formatted with [`date`]; the text itself if it does not
/// parse.
pub fn ref_date(s: &str, german: bool) -> String {
    Date::parse(s)
        .map(|d| date(d, german))
        .unwrap_or_else(|| s.to_owned())
}

/// A list joined as `a, b and c` / `a, b und c`.
pub fn join(items: &[String], german: bool) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!(
            "{} {} {last}",
            init.join(", "),
            if german { "und" } else { "and" }
        ),
    }
}

/// Whether `text` contains `word` as a whole word (case-sensitive; word characters are letters
/// and digits).
pub fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether `text`, lower-cased, contains any of `needles` (given in lower case).
pub fn has_any(text: &str, needles: &[&str]) -> bool {
    let lower = text.to_lowercase();
    needles.iter().any(|n| lower.contains(n))
}

/// The whole numbers written in `text` (`§ 96 TKG` → 96).
pub fn numbers(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_shortening() {
        assert!(has_word("gemäß § 15 Abs. 3 TMG.", "TMG"));
        assert!(!has_word("TMGX", "TMG"));
        assert!(!has_word("DTMG", "TMG"));
        assert!(has_word("(TTDSG)", "TTDSG"));
        assert_eq!(numbers("§ 96 Abs. 3 TKG"), [96, 3]);
        assert_eq!(short("short", 10), "short");
        assert_eq!(short("one two three four five six", 14), "one two three…");
        assert_eq!(
            join(&["a".into(), "b".into(), "c".into()], true),
            "a, b und c"
        );
        assert_eq!(
            date(Date::parse("2020-07-16").unwrap(), true),
            "16. Juli 2020"
        );
        assert_eq!(ref_date("2022-12-27", false), "27 December 2022");
    }
}
