//! Privacy notices (Art. 13/14 GDPR) generated from the register itself.
//!
//! [`build`] turns a [`Register`] into a structured [`Notice`]: general sections from the
//! organisation (controller, DPO, representative, data-subject rights, complaint) and one
//! section per activity marked for the notice (`in_notice`, not retired), each with blocks for
//! the data and its source, purposes and legal bases, recipients and joint controllers,
//! third-country transfers, storage period, the rights that apply to its legal bases, and
//! automated decisions. The renderers [`markdown`], [`html`] and [`csv`] turn a notice into a
//! document; all of them and the app use this one code path.
//!
//! **Gaps are never papered over.** A fact a section needs but the register lacks (a purpose
//! without a legal basis, data without a storage period, a transfer without a valid mechanism,
//! …) becomes a visible marker in the text (`[MISSING: …]`, `[FEHLT: …]`) and a [`Gap`] in
//! [`Notice::warnings`]; in [`Mode::Final`] the build fails with
//! [`NoticeError::Incomplete`] listing every gap instead.
//!
//! Wording comes from `assets/notice/en.toml` and `de.toml` (sentence ids with `{placeholders}`);
//! legal citations and labels from [`crate::reference`]. The register's own texts (purposes,
//! descriptions, names) are used as written, in whatever language they were recorded. Users
//! reorder sections and replace sentences per section and language through
//! [`NoticeSettings`](crate::model::NoticeSettings).

mod build;
pub mod csv;
pub mod html;
pub mod markdown;
pub mod pdf;
pub mod template;

use crate::interchange::Register;
use crate::model::{Date, Language, SentenceOverride};
use serde::Serialize;

pub use crate::model::GENERAL_SECTIONS;
pub use crate::wording::is_sentence_id;

/// Draft or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Missing facts show as markers and are listed as warnings.
    #[default]
    Draft,
    /// Missing facts make the build fail.
    Final,
}

/// What to generate.
#[derive(Debug, Clone, Default)]
pub struct NoticeOptions {
    /// Language of the notice.
    pub language: Language,
    /// Draft or final.
    pub mode: Mode,
    /// Activities to include, by id or reference code; empty: every activity marked for the
    /// notice that is not retired.
    pub activities: Vec<String>,
    /// Version date printed on the notice; default: the settings' date, else today.
    pub version_date: Option<Date>,
}

/// A generated notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// Document title.
    pub title: String,
    /// Language.
    pub language: Language,
    /// Draft or final.
    pub mode: Mode,
    /// The version date.
    pub version_date: Date,
    /// The version line as printed ("Version of 1 March 2026").
    pub version_line: String,
    /// The controller's legal name.
    pub controller: String,
    /// Opening paragraph.
    pub intro: Vec<Run>,
    /// The draft notice printed above the text when facts are missing.
    pub draft_note: Option<String>,
    /// The sections in display order.
    pub sections: Vec<Section>,
    /// Facts that are missing (each shown as a marker in the text).
    pub warnings: Vec<Gap>,
    /// Sentence overrides whose section is neither a general section nor an activity of the
    /// register (for example of a removed activity); they were not applied.
    pub unused_overrides: Vec<SentenceOverride>,
}

/// One section of the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Stable id: the activity id or `general:<name>`.
    pub id: String,
    /// Heading (without number).
    pub heading: String,
    /// Where the content comes from.
    pub source: Source,
    /// The blocks, each under an optional subheading.
    pub blocks: Vec<Block>,
}

/// The register record a section is generated from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// An activity.
    Activity {
        /// Its id.
        id: String,
        /// Its reference code.
        reference: String,
    },
    /// The organisation record (and notice settings).
    General {
        /// The general section's name.
        name: String,
    },
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Activity { id, reference } => write!(f, "activity {reference} ({id})"),
            Source::General { name } => write!(f, "organisation (general:{name})"),
        }
    }
}

/// A part of a section under an optional subheading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Stable id within the section (`purposes`, `recipients`, …).
    pub id: String,
    /// Subheading, if any.
    pub subheading: Option<String>,
    /// Paragraphs and lists in order.
    pub items: Vec<Item>,
}

/// A paragraph or a bulleted list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "content", rename_all = "snake_case")]
pub enum Item {
    /// A paragraph.
    Paragraph(Vec<Run>),
    /// A list; each entry is one item's runs.
    List(Vec<Vec<Run>>),
}

/// A piece of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Run {
    /// Plain text.
    Text {
        /// The text.
        text: String,
    },
    /// A link to a URL the register holds (https) or an e-mail address (mailto).
    Link {
        /// Visible text.
        text: String,
        /// Target.
        href: String,
    },
    /// A marker for a missing fact (`[MISSING: …]`).
    Missing {
        /// The marker text.
        text: String,
    },
    /// A line break inside a paragraph (addresses).
    Break,
}

impl Run {
    /// The run as plain text (a break is a newline).
    pub fn plain(&self) -> &str {
        match self {
            Run::Text { text } | Run::Link { text, .. } | Run::Missing { text } => text,
            Run::Break => "\n",
        }
    }
}

/// Whether a link target may be written as a link in any format: `https:` or `mailto:` only,
/// and no character that could end the target early in HTML or Markdown (quotes, angle
/// brackets, parentheses, backslashes, spaces, controls). Anything else is printed as text.
pub fn safe_link_target(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    let rest = if let Some(rest) = lower.strip_prefix("https://") {
        rest
    } else if let Some(address) = lower.strip_prefix("mailto:") {
        if !crate::text::is_email_address(&href[7..]) {
            return false;
        }
        address
    } else {
        return false;
    };
    !rest.is_empty()
        && !href.chars().any(|c| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '"' | '\'' | '<' | '>' | '(' | ')' | '\\' | '`')
        })
}

/// Runs as plain text.
pub fn plain(runs: &[Run]) -> String {
    runs.iter().map(Run::plain).collect()
}

impl Item {
    /// The item as plain text: a paragraph as is, a list one entry per line.
    pub fn plain(&self) -> String {
        match self {
            Item::Paragraph(runs) => plain(runs),
            Item::List(entries) => entries
                .iter()
                .map(|e| format!("• {}", plain(e)))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

impl Block {
    /// The block's text without its subheading, paragraphs separated by blank lines.
    pub fn plain(&self) -> String {
        self.items
            .iter()
            .map(Item::plain)
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

impl Section {
    /// The section as plain text: heading, subheadings and text.
    pub fn plain(&self) -> String {
        let mut out = self.heading.clone();
        for b in &self.blocks {
            out.push_str("\n\n");
            if let Some(s) = &b.subheading {
                out.push_str(s);
                out.push_str("\n\n");
            }
            out.push_str(&b.plain());
        }
        out
    }
}

/// A fact the register lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// The section id it belongs to.
    pub section: String,
    /// The kind of fact (`legal_basis`, `retention`, …: the `gap.*` template id).
    pub fact: String,
    /// English description of the missing fact.
    pub message_en: String,
    /// German description of the missing fact.
    pub message_de: String,
}

impl Gap {
    /// The description in `language`.
    pub fn message(&self, language: Language) -> &str {
        match language {
            Language::En => &self.message_en,
            Language::De => &self.message_de,
        }
    }
}

/// Why a notice could not be built.
#[derive(Debug, thiserror::Error)]
pub enum NoticeError {
    /// Final mode and facts are missing.
    #[error(
        "the notice cannot be final: {} required facts are missing from the register",
        .gaps.len()
    )]
    Incomplete {
        /// Every missing fact.
        gaps: Vec<Gap>,
    },
    /// A selected activity does not exist.
    #[error("activity `{0}` does not exist")]
    UnknownActivity(String),
    /// A selected activity is not marked for the notice.
    #[error("activity `{0}` is not marked for the privacy notice (in_notice is false)")]
    NotPublic(String),
    /// Reading the register failed.
    #[error(transparent)]
    Store(#[from] crate::Error),
}

impl NoticeError {
    /// Stable machine-readable code (`notice_incomplete`, `not_found`, `not_in_notice`, or the
    /// store error's code).
    pub fn code(&self) -> &'static str {
        match self {
            NoticeError::Incomplete { .. } => "notice_incomplete",
            NoticeError::UnknownActivity(_) => "not_found",
            NoticeError::NotPublic(_) => "not_in_notice",
            NoticeError::Store(e) => e.code(),
        }
    }

    /// The message in German.
    pub fn message_de(&self) -> String {
        match self {
            NoticeError::Incomplete { gaps } => format!(
                "die Datenschutzhinweise können nicht endgültig sein: {} erforderliche Angaben fehlen im Verzeichnis",
                gaps.len()
            ),
            NoticeError::UnknownActivity(id) => {
                format!("die Verarbeitungstätigkeit `{id}` gibt es nicht")
            }
            NoticeError::NotPublic(id) => format!(
                "die Verarbeitungstätigkeit `{id}` ist nicht für die Datenschutzhinweise vorgesehen (in_notice ist false)"
            ),
            NoticeError::Store(e) => e.message_de(),
        }
    }
}

/// Builds the notice of `register`.
pub fn build(register: &Register, options: &NoticeOptions) -> Result<Notice, NoticeError> {
    let notice = build::Builder::run(register, options)?;
    if options.mode == Mode::Final && !notice.warnings.is_empty() {
        return Err(NoticeError::Incomplete {
            gaps: notice.warnings,
        });
    }
    Ok(notice)
}

/// Builds the notice of the register in `store` (the path the app and the CLI take).
pub fn build_from_store(
    store: &crate::Store,
    options: &NoticeOptions,
) -> Result<Notice, NoticeError> {
    let register = crate::interchange::export(store)?;
    build(&register, options)
}

/// Formats a date in the notice language ("1 March 2026", "1. März 2026").
pub fn format_date(date: Date, language: Language) -> String {
    let t = template::template(language);
    let month = t
        .list("document.months")
        .get(usize::from(date.month()) - 1)
        .cloned()
        .unwrap_or_else(|| date.month().to_string());
    let day = date.day().to_string();
    let year = date.year().to_string();
    plain(&template::fill(t.get("document.date"), |name| {
        let v = match name {
            "day" => &day,
            "month" => &month,
            "year" => &year,
            _ => return None,
        };
        Some(vec![Run::Text { text: v.clone() }])
    }))
}
