//! The PDF engine of every document (the Art. 30 record, the privacy notice, the checks report).
//!
//! The [`Composer`] flows content (headings, paragraphs, key–value blocks, tables) onto A4
//! pages top to bottom, measuring every glyph with the metrics of the embedded font
//! ([`font`]), wrapping greedily ([`text::wrap`]) and breaking pages itself: headings stay with
//! what follows them, paragraphs avoid single orphan and widow lines, table rows that do not fit
//! move to the next page or are split there, and a table continued on a new page repeats its
//! header row. Pages are kept as lists of positioned items ([`Item`]) so that running heads,
//! "Page x of y" and the table of contents can be filled in once the page count is known (two
//! passes). [`render`] writes the PDF: printpdf 0.12 builds the document, embeds and subsets
//! the fonts and writes outline, links and metadata; the page content streams are written
//! directly (see `render.rs` for why).

pub mod coverage;
pub mod font;
mod furniture;
mod page;
mod render;
mod table;
pub mod text;

pub use furniture::{Furniture, add_furniture};
pub use page::{Item, Mark, Metrics, Page};
pub use table::{Cell, Column, Table};
pub use text::{Rgb, Span, Style, Weight, ellipsize, wrap};

use font::FontMetrics;
use std::sync::OnceLock;
use text::Line;

/// DejaVu Sans, embedded.
pub const REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold, embedded.
pub const BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Metrics of the embedded fonts.
pub struct Fonts {
    regular: FontMetrics,
    bold: FontMetrics,
}

impl Fonts {
    /// The metrics of a weight.
    pub fn metrics(&self, weight: Weight) -> &FontMetrics {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// The embedded fonts' metrics, parsed on first use.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: FontMetrics::parse(REGULAR_TTF).expect("embedded DejaVu Sans is a valid font"),
        bold: FontMetrics::parse(BOLD_TTF).expect("embedded DejaVu Sans Bold is a valid font"),
    })
}

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;

/// Page size and margins, in points.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Left margin.
    pub left: f32,
    /// Right margin.
    pub right: f32,
    /// Top margin (the running head sits inside it).
    pub top: f32,
    /// Bottom margin (the footer sits inside it).
    pub bottom: f32,
}

impl Geometry {
    /// A4 portrait with 20 mm margins.
    pub fn a4() -> Geometry {
        Geometry {
            width: 210.0 * MM,
            height: 297.0 * MM,
            left: 20.0 * MM,
            right: 20.0 * MM,
            top: 20.0 * MM,
            bottom: 20.0 * MM,
        }
    }

    /// Width of the text block.
    pub fn content_width(&self) -> f32 {
        self.width - self.left - self.right
    }

    /// Height of the text block.
    pub fn content_height(&self) -> f32 {
        self.height - self.top - self.bottom
    }
}

/// Flows content onto pages.
pub struct Composer {
    /// Page geometry.
    pub geo: Geometry,
    /// Spacing.
    pub m: Metrics,
    /// The pages so far.
    pub pages: Vec<Page>,
    /// Headings for the contents and outline.
    pub marks: Vec<Mark>,
    /// Cursor: distance of the next content from the page's top edge.
    y: f32,
    running_head: String,
    /// The heading just drawn, carried to the next page if what follows it does not fit.
    pending: Option<Pending>,
    drawing_heading: bool,
}

/// Where the last heading starts, so that a page break right after it can take it along.
#[derive(Debug, Clone, Copy)]
struct Pending {
    page: usize,
    item: usize,
    mark: usize,
    y: f32,
}

impl Composer {
    /// A composer with one empty page.
    pub fn new(geo: Geometry) -> Composer {
        let mut c = Composer {
            geo,
            m: Metrics::default(),
            pages: Vec::new(),
            marks: Vec::new(),
            y: 0.0,
            running_head: String::new(),
            pending: None,
            drawing_heading: false,
        };
        c.new_page();
        c
    }

    fn top(&self) -> f32 {
        self.geo.top
    }

    fn bottom(&self) -> f32 {
        self.geo.height - self.geo.bottom
    }

    /// Space left on the current page, in points.
    pub fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Whether nothing has been placed on the current page yet.
    pub fn at_page_top(&self) -> bool {
        self.y <= self.top() + 0.01
    }

    /// Index of the current page.
    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    /// Starts a new page. A heading with nothing after it yet moves along (keep with next).
    pub fn new_page(&mut self) {
        let top = self.top();
        let carried = match self.pending.take() {
            Some(p) if p.page + 1 == self.pages.len() && p.y > top + 0.01 => {
                let items = self.pages[p.page].items.split_off(p.item);
                Some((items, p))
            }
            _ => None,
        };
        self.pages.push(Page {
            items: Vec::new(),
            running_head: self.running_head.clone(),
        });
        let old_y = self.y;
        self.y = top;
        if let Some((mut items, p)) = carried {
            let dy = top - p.y;
            for item in &mut items {
                item.shift(dy);
            }
            let page = self.pages.len() - 1;
            self.pages[page].items = items;
            for m in &mut self.marks[p.mark..] {
                m.page = page;
            }
            self.y = old_y + dy;
            self.pending = Some(Pending {
                page,
                item: 0,
                mark: p.mark,
                y: top,
            });
        }
    }

    /// Starts a new page unless the current one is still empty.
    pub fn page_break(&mut self) {
        if !self.at_page_top() {
            self.new_page();
        }
    }

    /// Sets the running head from the current page on.
    pub fn set_running_head(&mut self, text: &str) {
        self.running_head = text.to_owned();
        if let Some(p) = self.pages.last_mut() {
            // A page keeps the head of the first section that starts on it.
            if p.items.is_empty() || p.running_head.is_empty() {
                p.running_head = text.to_owned();
            }
        }
    }

    /// Moves down by `h` points (dropped at the top of a page).
    pub fn space(&mut self, h: f32) {
        if !self.at_page_top() {
            self.y = (self.y + h).min(self.bottom());
        }
    }

    /// Starts a new page if less than `h` points are left.
    pub fn need(&mut self, h: f32) {
        if self.remaining() < h && !self.at_page_top() {
            self.new_page();
        }
    }

    fn push(&mut self, item: Item) {
        if !self.drawing_heading {
            self.pending = None;
        }
        if let Some(p) = self.pages.last_mut() {
            p.items.push(item);
        }
    }

    /// Baseline of a line of `size` whose box starts at `top`.
    fn baseline(&self, top: f32, line: &Line) -> f32 {
        let f = fonts().metrics(Weight::Regular);
        let lh = line.height(self.m.leading);
        let glyphs = (f.ascent + f.descent) * line.size;
        top + (lh - glyphs) / 2.0 + f.ascent * line.size
    }

    fn draw_line(&mut self, line: Line, x: f32, top: f32) {
        let baseline = self.baseline(top, &line);
        for run in line.runs {
            if run.text.trim().is_empty() {
                continue;
            }
            self.push(Item::Text {
                x: x + run.x,
                y: baseline,
                text: run.text,
                style: run.style,
            });
        }
    }

    /// Lays out a paragraph at `indent` from the left margin, followed by `after` points.
    /// Avoids a single line at the bottom of a page (orphan) or at the top of the next (widow).
    pub fn paragraph(&mut self, spans: &[Span], indent: f32, after: f32) {
        let width = self.geo.content_width() - indent;
        let lines = wrap(spans, width);
        self.lines(lines, self.geo.left + indent);
        self.space(after);
    }

    /// A list entry: `marker` (a bullet or number) at `indent`, the text wrapped at
    /// `indent + hang` so that its continuation lines align with its first word.
    pub fn list_item(&mut self, marker: &str, spans: &[Span], indent: f32, hang: f32, after: f32) {
        let width = self.geo.content_width() - indent - hang;
        let mut lines = wrap(spans, width);
        if let Some(first) = lines.first_mut() {
            let style = first.runs.first().map_or_else(
                || spans.first().map_or(Style::regular(9.0), |s| s.style),
                |r| r.style,
            );
            first.runs.insert(
                0,
                text::Run {
                    x: -hang,
                    text: marker.to_owned(),
                    style: Style {
                        weight: Weight::Regular,
                        ..style
                    },
                },
            );
        }
        self.lines(lines, self.geo.left + indent + hang);
        self.space(after);
    }

    fn lines(&mut self, lines: Vec<Line>, x: f32) {
        let n = lines.len();
        let heights: Vec<f32> = lines.iter().map(|l| l.height(self.m.leading)).collect();
        for (i, line) in lines.into_iter().enumerate() {
            let lh = heights[i];
            if self.remaining() < lh - 0.01 && !self.at_page_top() {
                self.new_page();
            }
            // Orphan: the first of several lines alone at the bottom of a page.
            if i == 0 && n >= 2 && !self.at_page_top() && self.remaining() < lh + heights[1] {
                self.new_page();
            }
            // Widow: the last line alone at the top of the next page.
            if i + 2 == n && n >= 3 && !self.at_page_top() && self.remaining() < lh + heights[i + 1]
            {
                self.new_page();
            }
            let top = self.y;
            self.draw_line(line, x, top);
            self.y += lh;
        }
    }

    /// A heading: recorded for the contents (`toc_level`) and kept on the same page as at least
    /// `keep` points of what follows.
    #[allow(clippy::too_many_arguments)]
    pub fn heading(
        &mut self,
        spans: &[Span],
        toc: Option<(u8, &str)>,
        before: f32,
        after: f32,
        keep: f32,
        rule: bool,
    ) {
        let width = self.geo.content_width();
        let lines = wrap(spans, width);
        let h: f32 = lines.iter().map(|l| l.height(self.m.leading)).sum();
        let rule_h = if rule { 3.0 } else { 0.0 };
        self.need(before + h + rule_h + after + keep);
        self.space(before);
        self.pending = Some(Pending {
            page: self.page_index(),
            item: self.pages[self.page_index()].items.len(),
            mark: self.marks.len(),
            y: self.y,
        });
        self.drawing_heading = true;
        if let Some((level, title)) = toc {
            self.marks.push(Mark {
                level,
                title: title.to_owned(),
                page: self.page_index(),
            });
        }
        let x = self.geo.left;
        for line in lines {
            let top = self.y;
            let lh = line.height(self.m.leading);
            self.draw_line(line, x, top);
            self.y += lh;
        }
        if rule {
            self.y += 1.5;
            let y = self.y;
            self.push(Item::Line {
                x1: self.geo.left,
                y1: y,
                x2: self.geo.width - self.geo.right,
                y2: y,
                width: 0.8,
                color: Rgb::ACCENT,
                dotted: false,
            });
            self.y += 1.5;
        }
        self.drawing_heading = false;
        self.space(after);
    }

    /// A horizontal hairline across the text block.
    pub fn rule(&mut self, color: Rgb, width: f32) {
        let y = self.y;
        self.push(Item::Line {
            x1: self.geo.left,
            y1: y,
            x2: self.geo.width - self.geo.right,
            y2: y,
            width,
            color,
            dotted: false,
        });
    }

    /// Draws a finished table of contents entry: title wrapped in the width left by the page
    /// number column, dotted leader, right-aligned page number, link to the page.
    pub fn toc_entry(&mut self, title: &[Span], indent: f32, number: &str, target: usize) {
        let num_w = 28.0;
        let x = self.geo.left + indent;
        let right = self.geo.width - self.geo.right;
        let width = right - x - num_w - 6.0;
        let lines = wrap(title, width);
        let h: f32 = lines.iter().map(|l| l.height(self.m.leading)).sum();
        if self.remaining() < h {
            self.new_page();
        }
        let top = self.y;
        let last = lines.last().map(|last| {
            let style = last.runs.last().map_or(Style::regular(9.0), |r| r.style);
            (style, last.width, last.height(self.m.leading), last.size)
        });
        let mut last_top = top;
        for line in lines {
            last_top = self.y;
            let lh = line.height(self.m.leading);
            self.draw_line(line, x, last_top);
            self.y += lh;
        }
        if let Some((style, last_width, _, size)) = last {
            let probe = Line {
                runs: Vec::new(),
                width: last_width,
                size,
            };
            let baseline = self.baseline(last_top, &probe);
            let nw = style.width(number);
            let leader_start = x + last_width + 4.0;
            let leader_end = right - nw - 4.0;
            if leader_end > leader_start {
                self.push(Item::Line {
                    x1: leader_start,
                    y1: baseline,
                    x2: leader_end,
                    y2: baseline,
                    width: 0.6,
                    color: Rgb::MUTED,
                    dotted: true,
                });
            }
            self.push(Item::Text {
                x: right - nw,
                y: baseline,
                text: number.to_owned(),
                style,
            });
        }
        self.push(Item::Link {
            x,
            y: top,
            w: right - x,
            h,
            page: target,
        });
    }
}

pub use render::{PdfInfo, render};
