//! Styled text and greedy line wrapping.

use super::{Fonts, fonts};

/// Font weight (the two embedded faces).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// An RGB colour, components 0.0–1.0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// Near-black body text.
    pub const TEXT: Rgb = Rgb(0.11, 0.11, 0.12);
    /// Grey for secondary text (ids, captions, running heads).
    pub const MUTED: Rgb = Rgb(0.40, 0.40, 0.43);
    /// The one accent colour: a sober dark blue.
    pub const ACCENT: Rgb = Rgb(0.09, 0.27, 0.47);
    /// A light tint of the accent for table header backgrounds.
    pub const TINT: Rgb = Rgb(0.91, 0.94, 0.97);
    /// Hairlines between table rows.
    pub const RULE: Rgb = Rgb(0.78, 0.80, 0.83);
}

/// How a piece of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Regular or bold.
    pub weight: Weight,
    /// Size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb,
}

impl Style {
    /// Regular body text of `size`.
    pub const fn regular(size: f32) -> Style {
        Style {
            weight: Weight::Regular,
            size,
            color: Rgb::TEXT,
        }
    }

    /// Bold text of `size`.
    pub const fn bold(size: f32) -> Style {
        Style {
            weight: Weight::Bold,
            size,
            color: Rgb::TEXT,
        }
    }

    /// The same style in another colour.
    pub const fn color(self, color: Rgb) -> Style {
        Style { color, ..self }
    }

    /// The same style in bold.
    pub const fn bolded(self) -> Style {
        Style {
            weight: Weight::Bold,
            ..self
        }
    }

    /// Width of `text` in this style, in points.
    pub fn width(&self, text: &str) -> f32 {
        fonts().metrics(self.weight).width(text, self.size)
    }
}

/// A run of text in one style; a paragraph is a list of spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text; `\n` forces a line break.
    pub text: String,
    /// Its style.
    pub style: Style,
}

impl Span {
    /// A span.
    pub fn new(text: impl Into<String>, style: Style) -> Span {
        Span {
            text: text.into(),
            style,
        }
    }
}

/// A piece of a laid-out line, positioned relative to the line's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Offset from the line's left edge, in points.
    pub x: f32,
    /// The text.
    pub text: String,
    /// Its style.
    pub style: Style,
}

/// One wrapped line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The runs, left to right.
    pub runs: Vec<Run>,
    /// Width of the text, in points.
    pub width: f32,
    /// The largest font size on the line (sets the line height).
    pub size: f32,
}

impl Line {
    /// Height of the line at `leading` (a multiple of the font size).
    pub fn height(&self, leading: f32) -> f32 {
        self.size * leading
    }
}

/// A fragment of a word in one style.
struct Piece<'a> {
    text: &'a str,
    style: Style,
    width: f32,
}

/// Builds lines from pieces; runs of the same style merge.
struct LineBuilder {
    lines: Vec<Line>,
    runs: Vec<Run>,
    x: f32,
    size: f32,
    /// Width of pending whitespace (written only if a word follows on the same line).
    pending_space: Option<(Style, f32)>,
}

impl LineBuilder {
    fn new() -> Self {
        LineBuilder {
            lines: Vec::new(),
            runs: Vec::new(),
            x: 0.0,
            size: 0.0,
            pending_space: None,
        }
    }

    fn push(&mut self, text: &str, style: Style, width: f32) {
        if let Some((space_style, space_width)) = self.pending_space.take() {
            self.append(" ", space_style, space_width);
        }
        self.append(text, style, width);
    }

    fn append(&mut self, text: &str, style: Style, width: f32) {
        self.size = self.size.max(style.size);
        match self.runs.last_mut() {
            Some(run) if run.style == style => run.text.push_str(text),
            _ => self.runs.push(Run {
                x: self.x,
                text: text.to_owned(),
                style,
            }),
        }
        self.x += width;
    }

    fn finish_line(&mut self, fallback_size: f32) {
        self.pending_space = None;
        let size = if self.size > 0.0 {
            self.size
        } else {
            fallback_size
        };
        self.lines.push(Line {
            runs: std::mem::take(&mut self.runs),
            width: self.x,
            size,
        });
        self.x = 0.0;
        self.size = 0.0;
    }

    fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }
}

/// Characters after which a word too long for a line may be broken.
fn soft_break_after(c: char) -> bool {
    matches!(
        c,
        '/' | '-' | '&' | '?' | '=' | '_' | '.' | ',' | ';' | ':' | '@' | '#'
    )
}

/// Wraps `spans` greedily into lines no wider than `width` points. Words are broken only at
/// whitespace (not at no-break spaces); a word wider than a whole line is broken after a URL-like separator or, failing
/// that, between characters. `\n` forces a break; empty lines are kept.
pub fn wrap(spans: &[Span], width: f32) -> Vec<Line> {
    let f = fonts();
    let fallback = spans.first().map_or(9.0, |s| s.style.size);
    let mut b = LineBuilder::new();
    // The word being collected: its pieces (a word may change style mid-way) and width.
    let mut word: Vec<Piece> = Vec::new();
    let mut word_width = 0.0;

    for span in spans {
        let m = f.metrics(span.style.weight);
        let space_width = m.advance(' ') * span.style.size;
        let mut rest = span.text.as_str();
        while !rest.is_empty() {
            // A no-break space (U+00A0) belongs to the word: "Art.\u{a0}30" stays together.
            let ws = rest
                .find(|c: char| c.is_whitespace() && c != '\u{a0}')
                .unwrap_or(rest.len());
            if ws > 0 {
                let text = &rest[..ws];
                let w = m.width(text, span.style.size);
                word.push(Piece {
                    text,
                    style: span.style,
                    width: w,
                });
                word_width += w;
                rest = &rest[ws..];
                continue;
            }
            // Whitespace: the word (if any) ends here.
            let c = rest.chars().next().unwrap_or(' ');
            flush_word(&mut b, &mut word, &mut word_width, width, f, fallback);
            if c == '\n' {
                b.finish_line(span.style.size);
            } else if !b.is_empty() {
                b.pending_space = Some((span.style, space_width));
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    flush_word(&mut b, &mut word, &mut word_width, width, f, fallback);
    if !b.is_empty() || b.lines.is_empty() {
        b.finish_line(fallback);
    }
    b.lines
}

fn flush_word(
    b: &mut LineBuilder,
    word: &mut Vec<Piece>,
    word_width: &mut f32,
    width: f32,
    f: &Fonts,
    fallback: f32,
) {
    if word.is_empty() {
        return;
    }
    let space = b.pending_space.map_or(0.0, |(_, w)| w);
    if b.x + space + *word_width > width && !b.is_empty() {
        b.finish_line(fallback);
    }
    if *word_width <= width - b.x {
        for p in word.drain(..) {
            b.push(p.text, p.style, p.width);
        }
    } else {
        // Too long for a line of its own: break it, character by character.
        for p in word.drain(..) {
            let m = f.metrics(p.style.weight);
            let mut chunk_start = 0;
            let mut chunk_width = 0.0;
            let mut last_soft: Option<(usize, f32)> = None;
            let chars: Vec<(usize, char)> = p.text.char_indices().collect();
            let mut i = 0;
            while i < chars.len() {
                let (at, c) = chars[i];
                let cw = m.advance(c) * p.style.size;
                if b.x + chunk_width + cw > width && (chunk_width > 0.0 || !b.is_empty()) {
                    // Break at the last soft break in this chunk if there is one.
                    let (end, end_width) = match last_soft {
                        Some((soft_end, soft_width)) if soft_end > chunk_start => {
                            (soft_end, soft_width)
                        }
                        _ => (at, chunk_width),
                    };
                    if end > chunk_start {
                        b.push(&p.text[chunk_start..end], p.style, end_width);
                    }
                    b.finish_line(fallback);
                    chunk_start = end;
                    chunk_width = 0.0;
                    last_soft = None;
                    // Re-measure from the new chunk start.
                    i = chars.partition_point(|(pos, _)| *pos < chunk_start);
                    continue;
                }
                chunk_width += cw;
                if soft_break_after(c) {
                    last_soft = Some((at + c.len_utf8(), chunk_width));
                }
                i += 1;
            }
            if chunk_start < p.text.len() {
                b.push(&p.text[chunk_start..], p.style, chunk_width);
            }
        }
    }
    *word_width = 0.0;
}

/// Shortens `text` with an ellipsis so that it fits `width` points in `style`.
pub fn ellipsize(text: &str, style: Style, width: f32) -> String {
    if style.width(text) <= width {
        return text.to_owned();
    }
    let m = fonts().metrics(style.weight);
    let budget = width - m.advance('…') * style.size;
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += m.advance(c) * style.size;
        if used > budget {
            break;
        }
        out.push(c);
    }
    let trimmed = out.trim_end();
    format!("{trimmed}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_within_width() {
        let s = Style::regular(10.0);
        let text =
            "Verzeichnis von Verarbeitungstätigkeiten nach Art. 30 Abs. 1 DSGVO für die Straße";
        let lines = wrap(&[Span::new(text, s)], 150.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(l.width <= 150.0 + 0.01, "{l:?}");
        }
        assert_eq!(text_of(&lines).join(" "), text);
    }

    #[test]
    fn breaks_long_words_and_keeps_newlines() {
        let s = Style::regular(9.0);
        let url =
            "https://www.facebook.com/privacy/policy/?entry_point=data_policy_redirect&entry=0";
        let lines = wrap(&[Span::new(format!("See {url}\nnext"), s)], 100.0);
        assert!(lines.iter().all(|l| l.width <= 100.01), "{lines:?}");
        let all: String = text_of(&lines).concat();
        assert_eq!(all.replace(' ', ""), format!("See{url}next"));
        assert_eq!(text_of(&lines).last().unwrap(), "next");
    }

    #[test]
    fn mixed_styles_merge_and_measure() {
        let lines = wrap(
            &[
                Span::new("Legal basis: ", Style::bold(9.0)),
                Span::new("Art. 6(1)(f) GDPR", Style::regular(9.0)),
            ],
            400.0,
        );
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].runs.len(), 2);
        assert!(lines[0].runs[1].x > 0.0);
        assert_eq!(
            ellipsize("A very long running head", Style::regular(8.0), 40.0)
                .chars()
                .last(),
            Some('…')
        );
    }
}
