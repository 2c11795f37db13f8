//! The one CSV writer of every table RoPA Desk writes (the record and its annexes, the notice
//! for translators, the checks report), over the `csv` crate: RFC 4180 with CRLF record ends,
//! an optional UTF-8 byte-order mark (Excel needs it to read UTF-8), `,` or `;` as delimiter,
//! and spreadsheet safety — a cell that a spreadsheet would evaluate as a formula (starting with
//! `=`, `+`, `-`, `@`, a tab or a carriage return) is neutralised with a leading `'`.

use crate::error::{Error, Result};
use std::borrow::Cow;
use std::io::Write;

/// When fields are quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quote {
    /// Only fields holding the delimiter, a quote or a line break.
    #[default]
    Necessary,
    /// Every field (what translation tools expect of the notice's table).
    Always,
}

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetOptions {
    /// Field delimiter: `,` or `;`.
    pub delimiter: u8,
    /// Start with a UTF-8 byte-order mark.
    pub bom: bool,
    /// When fields are quoted.
    pub quote: Quote,
}

impl Default for SheetOptions {
    /// Comma, byte-order mark, quoted where necessary.
    fn default() -> Self {
        SheetOptions {
            delimiter: b',',
            bom: true,
            quote: Quote::Necessary,
        }
    }
}

/// Whether a spreadsheet would evaluate a cell starting with this text.
pub fn is_formula_like(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// The cell as a spreadsheet shows it without evaluating it.
pub fn neutral(text: &str) -> Cow<'_, str> {
    if is_formula_like(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Writes `rows` (header first) to `out`.
pub fn write<R, C>(rows: R, options: &SheetOptions, out: &mut impl Write) -> Result<()>
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(options.delimiter)
        .terminator(csv::Terminator::CRLF)
        .quote_style(match options.quote {
            Quote::Necessary => csv::QuoteStyle::Necessary,
            Quote::Always => csv::QuoteStyle::Always,
        })
        .from_writer(out);
    for row in rows {
        // Field by field: a cell is copied only when it must be neutralised.
        for cell in row {
            writer.write_field(neutral(cell.as_ref()).as_ref())?;
        }
        writer.write_record(std::iter::empty::<&[u8]>())?;
    }
    writer.flush()?;
    Ok(())
}

/// The table as bytes.
pub fn to_bytes<R, C>(rows: R, options: &SheetOptions) -> Vec<u8>
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut out = Vec::new();
    // Writing to memory fails only on an error of the writer itself, which has none to give.
    let _ = write(rows, options, &mut out);
    out
}

impl From<csv::Error> for Error {
    fn from(e: csv::Error) -> Error {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => Error::Io(e),
            other => Error::Io(std::io::Error::other(format!("{other:?}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One cell as written in a row of two, with `delimiter`.
    fn one(cell: &str, delimiter: u8, quote: Quote) -> String {
        let options = SheetOptions {
            delimiter,
            bom: false,
            quote,
        };
        let text = String::from_utf8(to_bytes([[cell, "x"]], &options)).unwrap();
        let end = format!(
            "{}{}\r\n",
            delimiter as char,
            if quote == Quote::Always { "\"x\"" } else { "x" }
        );
        text.strip_suffix(&end).unwrap().to_owned()
    }

    #[test]
    fn quotes_and_neutralises() {
        let n = Quote::Necessary;
        assert_eq!(one("plain", b',', n), "plain");
        assert_eq!(one("a,b", b',', n), "\"a,b\"");
        assert_eq!(one("a,b", b';', n), "a,b");
        assert_eq!(one("a;b", b';', n), "\"a;b\"");
        assert_eq!(one("say \"hi\"", b',', n), "\"say \"\"hi\"\"\"");
        assert_eq!(one("two\nlines", b',', n), "\"two\nlines\"");
        assert_eq!(one("=SUM(A1)", b',', n), "'=SUM(A1)");
        assert_eq!(
            one("=HYPERLINK(\"x\";\"y\")", b';', n),
            "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\""
        );
        assert_eq!(one("+49 30 1234", b',', n), "'+49 30 1234");
        assert_eq!(one("-1", b',', n), "'-1");
        assert_eq!(one("@cmd", b',', n), "'@cmd");
        assert_eq!(one("\tx", b',', n), "'\tx");
        assert_eq!(one("\rx", b',', n), "\"'\rx\"");
        assert_eq!(one("=a,\"b\"", b',', n), "\"'=a,\"\"b\"\"\"");
        assert_eq!(one("", b',', n), "");
        assert!(!is_formula_like("a=b"));
    }

    #[test]
    fn every_field_quoted_on_request() {
        let a = Quote::Always;
        assert_eq!(one("=SUM(A1)", b',', a), "\"'=SUM(A1)\"");
        assert_eq!(one("-1", b',', a), "\"'-1\"");
        assert_eq!(
            one("say \"hi\"\r\nthere", b',', a),
            "\"say \"\"hi\"\"\r\nthere\""
        );
    }

    #[test]
    fn byte_order_mark_and_crlf() {
        let bytes = to_bytes([["a", "b"], ["c", "d"]], &SheetOptions::default());
        assert_eq!(bytes, "\u{feff}a,b\r\nc,d\r\n".as_bytes());
    }
}
