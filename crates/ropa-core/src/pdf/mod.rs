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
mod render;
pub mod text;

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

/// Something drawn on a page. Coordinates are points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of text; `y` is its baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// The text.
        text: String,
        /// Its style.
        style: Style,
    },
    /// A straight line.
    Line {
        /// Start.
        x1: f32,
        /// Start.
        y1: f32,
        /// End.
        x2: f32,
        /// End.
        y2: f32,
        /// Stroke width.
        width: f32,
        /// Colour.
        color: Rgb,
        /// Dotted (table-of-contents leaders).
        dotted: bool,
    },
    /// A filled rectangle; (`x`, `y`) is its top-left corner.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        fill: Rgb,
    },
    /// A clickable area that jumps to another page (0-based index in the final document).
    Link {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Target page (0-based, final numbering).
        page: usize,
    },
}

/// One page: its items and the running head in force on it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// What is drawn, in drawing order.
    pub items: Vec<Item>,
    /// The section the page belongs to (shown in the running head).
    pub running_head: String,
}

/// A heading recorded for the table of contents and the PDF outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// 1 = part, 2 = section.
    pub level: u8,
    /// Title as shown in the contents.
    pub title: String,
    /// Page index within the composer that produced it.
    pub page: usize,
}

/// Spacing and sizes shared by the blocks.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    /// Line height as a multiple of the font size.
    pub leading: f32,
    /// Horizontal padding inside table cells.
    pub cell_pad_x: f32,
    /// Vertical padding inside table cells.
    pub cell_pad_y: f32,
    /// Space between paragraphs of one table cell.
    pub cell_gap: f32,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics {
            leading: 1.32,
            cell_pad_x: 4.0,
            cell_pad_y: 3.2,
            cell_gap: 2.5,
        }
    }
}

/// A table cell: paragraphs stacked vertically.
pub type Cell = Vec<Vec<Span>>;

/// A table column: its share of the text width and its header.
#[derive(Debug, Clone)]
pub struct Column {
    /// Share of the table width (the shares are normalised).
    pub share: f32,
    /// Header text (`None` for tables without a header row).
    pub header: Option<String>,
}

/// A table, laid out by [`Composer::table`].
#[derive(Debug, Clone)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows.
    pub rows: Vec<Vec<Cell>>,
    /// Font size of headers.
    pub header_size: f32,
    /// Shade the first column (key–value blocks).
    pub key_column: bool,
    /// Draw hairlines between rows.
    pub rules: bool,
}

impl Table {
    /// A table with a header row.
    pub fn new(columns: &[(f32, &str)], header_size: f32) -> Table {
        Table {
            columns: columns
                .iter()
                .map(|(share, h)| Column {
                    share: *share,
                    header: Some((*h).to_owned()),
                })
                .collect(),
            rows: Vec::new(),
            header_size,
            key_column: false,
            rules: true,
        }
    }

    /// A two-column key–value block without a header row.
    pub fn key_value(key_share: f32) -> Table {
        Table {
            columns: vec![
                Column {
                    share: key_share,
                    header: None,
                },
                Column {
                    share: 1.0 - key_share,
                    header: None,
                },
            ],
            rows: Vec::new(),
            header_size: 0.0,
            key_column: true,
            rules: true,
        }
    }

    fn has_header(&self) -> bool {
        self.columns.iter().any(|c| c.header.is_some())
    }
}

/// A cell wrapped into lines, each with its offset from the cell's top.
struct WrappedCell {
    lines: Vec<(f32, Line)>,
    height: f32,
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

impl Item {
    fn shift(&mut self, dy: f32) {
        match self {
            Item::Text { y, .. } | Item::Rect { y, .. } | Item::Link { y, .. } => *y += dy,
            Item::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
    }
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

    fn wrap_cell(&self, cell: &Cell, width: f32) -> WrappedCell {
        let mut lines = Vec::new();
        let mut y = 0.0;
        for (i, para) in cell.iter().enumerate() {
            if i > 0 {
                y += self.m.cell_gap;
            }
            for line in wrap(para, width) {
                let h = line.height(self.m.leading);
                lines.push((y, line));
                y += h;
            }
        }
        WrappedCell { lines, height: y }
    }

    /// Column positions and widths: the shares of the text width, widened where a column
    /// could not otherwise hold its longest word (so that "Datenschutzbeauftragter" is not
    /// broken mid-word); the extra width comes from the columns with room to spare.
    fn column_geometry(&self, table: &Table) -> Vec<(f32, f32)> {
        let total: f32 = table.columns.iter().map(|c| c.share).sum();
        let width = self.geo.content_width();
        let pad = 2.0 * self.m.cell_pad_x;
        let mut widths: Vec<f32> = table
            .columns
            .iter()
            .map(|c| width * c.share / total)
            .collect();
        // The widest word of each column (words longer than a third of the table are left to
        // the character breaking of `wrap`: URLs and the like). A word that cannot be wider
        // than its column (a character is never wider than 1.1 em) is not measured, unless a
        // column turns out too narrow and the columns with room to spare must be known exactly.
        let cap = width / 3.0;
        let needs = |exact: bool| -> Vec<f32> {
            let mut need: Vec<f32> = vec![0.0; widths.len()];
            let mut measure = |i: usize, text: &str, style: &Style| {
                let m = fonts().metrics(style.weight);
                for word in text.split_whitespace() {
                    if !exact && word.len() as f32 * 1.1 * style.size + pad <= widths[i] {
                        continue;
                    }
                    let w = m.width(word, style.size) + pad;
                    if w <= cap && w > need[i] {
                        need[i] = w;
                    }
                }
            };
            for (i, c) in table.columns.iter().enumerate() {
                if let Some(h) = &c.header {
                    measure(i, h, &Style::bold(table.header_size));
                }
            }
            for row in &table.rows {
                for (i, cell) in row.iter().enumerate().take(widths.len()) {
                    for para in cell {
                        for span in para {
                            measure(i, &span.text, &span.style);
                        }
                    }
                }
            }
            need
        };
        let mut need = needs(false);
        if need.iter().zip(&widths).any(|(n, w)| n > w) {
            need = needs(true);
        }
        for i in 0..widths.len() {
            let deficit = need[i] - widths[i];
            if deficit <= 0.0 {
                continue;
            }
            let spare: f32 = (0..widths.len())
                .filter(|&j| j != i)
                .map(|j| (widths[j] - need[j]).max(0.0))
                .sum();
            if spare <= 0.0 {
                continue;
            }
            let take = deficit.min(spare);
            for j in 0..widths.len() {
                if j != i {
                    let room = (widths[j] - need[j]).max(0.0);
                    widths[j] -= take * room / spare;
                }
            }
            widths[i] += take;
        }
        let mut x = self.geo.left;
        widths
            .into_iter()
            .map(|w| {
                let col = (x, w);
                x += w;
                col
            })
            .collect()
    }

    fn draw_header(&mut self, table: &Table, cols: &[(f32, f32)]) -> f32 {
        let pad_x = self.m.cell_pad_x;
        let pad_y = self.m.cell_pad_y;
        let style = Style::bold(table.header_size).color(Rgb::ACCENT);
        let cells: Vec<WrappedCell> = table
            .columns
            .iter()
            .zip(cols)
            .map(|(c, (_, w))| {
                let text = c.header.clone().unwrap_or_default();
                self.wrap_cell(&vec![vec![Span::new(text, style)]], w - 2.0 * pad_x)
            })
            .collect();
        let h = cells.iter().map(|c| c.height).fold(0.0, f32::max) + 2.0 * pad_y;
        let top = self.y;
        self.push(Item::Rect {
            x: self.geo.left,
            y: top,
            w: self.geo.content_width(),
            h,
            fill: Rgb::TINT,
        });
        for (cell, (x, _)) in cells.into_iter().zip(cols) {
            for (dy, line) in cell.lines {
                self.draw_line(line, x + pad_x, top + pad_y + dy);
            }
        }
        self.y += h;
        let y = self.y;
        self.push(Item::Line {
            x1: self.geo.left,
            y1: y,
            x2: self.geo.width - self.geo.right,
            y2: y,
            width: 0.7,
            color: Rgb::ACCENT,
            dotted: false,
        });
        h
    }

    fn header_height(&self, table: &Table, cols: &[(f32, f32)]) -> f32 {
        if !table.has_header() {
            return 0.0;
        }
        let style = Style::bold(table.header_size);
        let pad_x = self.m.cell_pad_x;
        table
            .columns
            .iter()
            .zip(cols)
            .map(|(c, (_, w))| {
                let text = c.header.clone().unwrap_or_default();
                self.wrap_cell(&vec![vec![Span::new(text, style)]], w - 2.0 * pad_x)
                    .height
            })
            .fold(0.0, f32::max)
            + 2.0 * self.m.cell_pad_y
    }

    /// Lays out a table. Rows that do not fit the rest of a page move to the next one when they
    /// are short, and are split line by line when they are long; either way the header row is
    /// repeated at the top of the new page.
    pub fn table(&mut self, table: &Table) {
        let cols = self.column_geometry(table);
        let pad_x = self.m.cell_pad_x;
        let pad_y = self.m.cell_pad_y;
        let header_h = self.header_height(table, &cols);
        let fresh = self.geo.content_height() - header_h;

        let rows: Vec<Vec<WrappedCell>> = table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&cols)
                    .map(|(cell, (_, w))| self.wrap_cell(cell, w - 2.0 * pad_x))
                    .collect()
            })
            .collect();
        let min_line = rows
            .first()
            .and_then(|r| r.iter().filter_map(|c| c.lines.first()).next())
            .map_or(12.0, |(_, l)| l.height(self.m.leading));

        // Keep the header with the first row (or its first lines).
        // (the whole first row when it is short enough to be moved as a whole anyway).
        let first_h = rows.first().map_or(0.0, |r| row_height(r, pad_y));
        let short = fresh.min(self.geo.content_height() / 3.0);
        self.need(
            header_h
                + if first_h <= short {
                    first_h
                } else {
                    2.0 * min_line + 2.0 * pad_y
                },
        );
        if table.has_header() {
            self.draw_header(table, &cols);
        }

        for cells in rows {
            let h = row_height(&cells, pad_y);
            if h > self.remaining() + 0.01 {
                // Short rows move as a whole; long ones are split below.
                if h <= fresh.min(self.geo.content_height() / 3.0) {
                    self.continue_table(table, &cols);
                }
            }
            self.draw_row(table, &cols, cells);
        }
    }

    fn continue_table(&mut self, table: &Table, cols: &[(f32, f32)]) {
        self.new_page();
        if table.has_header() {
            self.draw_header(table, cols);
        }
    }

    fn draw_row(&mut self, table: &Table, cols: &[(f32, f32)], mut cells: Vec<WrappedCell>) {
        let pad_x = self.m.cell_pad_x;
        let pad_y = self.m.cell_pad_y;
        loop {
            let h = row_height(&cells, pad_y);
            let available = self.remaining() - 2.0 * pad_y;
            let fits = h <= self.remaining() + 0.01;
            // How much of the row goes on this page.
            let cut = if fits {
                f32::INFINITY
            } else {
                split_point(&cells, available)
            };
            if !fits && cut <= 0.0 {
                self.continue_table(table, cols);
                continue;
            }
            let top = self.y;
            let leading = self.m.leading;
            let mut used: f32 = 0.0;
            let mut rest: Vec<WrappedCell> = Vec::with_capacity(cells.len());
            let mut draw: Vec<(f32, f32, Line)> = Vec::new();
            for (cell, (x, _)) in cells.into_iter().zip(cols) {
                let mut remaining = Vec::new();
                for (dy, line) in cell.lines {
                    let lh = line.height(leading);
                    if fits || dy + lh <= cut + 0.01 {
                        used = used.max(dy + lh);
                        draw.push((x + pad_x, top + pad_y + dy, line));
                    } else {
                        remaining.push((dy - cut, line));
                    }
                }
                rest.push(WrappedCell {
                    height: (cell.height - cut).max(0.0),
                    lines: remaining,
                });
            }
            let drawn_h = if fits { h } else { used + 2.0 * pad_y };
            if table.key_column {
                self.push(Item::Rect {
                    x: cols[0].0,
                    y: top,
                    w: cols[0].1,
                    h: drawn_h,
                    fill: Rgb::TINT,
                });
            }
            for (x, y, line) in draw {
                self.draw_line(line, x, y);
            }
            self.y += drawn_h;
            if table.rules {
                let y = self.y;
                self.push(Item::Line {
                    x1: self.geo.left,
                    y1: y,
                    x2: self.geo.width - self.geo.right,
                    y2: y,
                    width: 0.4,
                    color: Rgb::RULE,
                    dotted: false,
                });
            }
            if fits {
                return;
            }
            // Continue the rest of the row on the next page, below a repeated header.
            for c in &mut rest {
                let shift = c.lines.first().map_or(0.0, |(dy, _)| *dy);
                for (dy, _) in &mut c.lines {
                    *dy -= shift;
                }
                c.height = c
                    .lines
                    .last()
                    .map_or(0.0, |(dy, l)| dy + l.height(self.m.leading));
            }
            cells = rest;
            self.continue_table(table, cols);
        }
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

fn row_height(cells: &[WrappedCell], pad_y: f32) -> f32 {
    cells.iter().map(|c| c.height).fold(0.0, f32::max) + 2.0 * pad_y
}

/// The largest cut (distance from the row's content top) not exceeding `available` that falls
/// between lines in every cell, so that no line is cut in half.
fn split_point(cells: &[WrappedCell], available: f32) -> f32 {
    if available <= 0.0 {
        return 0.0;
    }
    let mut cut = available;
    // Lower the cut until it does not cross a line in any cell.
    for _ in 0..64 {
        let mut lowered = false;
        for cell in cells {
            for (dy, line) in &cell.lines {
                let bottom = dy + line.size * Metrics::default().leading;
                if *dy < cut - 0.01 && bottom > cut + 0.01 {
                    cut = *dy;
                    lowered = true;
                }
            }
        }
        if !lowered {
            break;
        }
    }
    // A cut that leaves nothing on this page is no cut.
    let any = cells
        .iter()
        .any(|c| c.lines.iter().any(|(dy, l)| dy + l.size * 1.0 <= cut));
    if any { cut } else { 0.0 }
}

/// The header and footer drawn on every page, given the page number and total.
pub struct Furniture<'a> {
    /// Left part of the running head (organisation and document title).
    pub head_left: &'a str,
    /// Left part of the footer (revision, date, digest).
    pub foot_left: &'a str,
    /// "Page {n} of {total}" in the document's language.
    pub page_label: &'a dyn Fn(usize, usize) -> String,
}

/// Adds running heads, footers and page numbers to finished pages.
pub fn add_furniture(pages: &mut [Page], geo: &Geometry, f: &Furniture) {
    let total = pages.len();
    let small = Style::regular(7.0).color(Rgb::MUTED);
    let left = geo.left;
    let right = geo.width - geo.right;
    let head_y = geo.top - 9.0 * MM + 7.0;
    let foot_y = geo.height - geo.bottom + 9.0 * MM;
    for (i, page) in pages.iter_mut().enumerate() {
        let number = (f.page_label)(i + 1, total);
        let number_w = small.width(&number);
        // Head: document on the left, section on the right; the section gives way.
        let head_left = ellipsize(f.head_left, small, geo.content_width() * 0.62);
        let head_left_w = small.width(&head_left);
        let mut items = vec![Item::Text {
            x: left,
            y: head_y,
            text: head_left,
            style: small,
        }];
        if !page.running_head.is_empty() {
            let room = geo.content_width() - head_left_w - 18.0;
            if room > 30.0 {
                let head = ellipsize(&page.running_head, small, room);
                items.push(Item::Text {
                    x: right - small.width(&head),
                    y: head_y,
                    text: head,
                    style: small,
                });
            }
        }
        items.push(Item::Line {
            x1: left,
            y1: head_y + 3.5,
            x2: right,
            y2: head_y + 3.5,
            width: 0.4,
            color: Rgb::RULE,
            dotted: false,
        });
        // The running head comes first in reading order, the footer last.
        let mut foot = vec![Item::Line {
            x1: left,
            y1: foot_y - 8.5,
            x2: right,
            y2: foot_y - 8.5,
            width: 0.4,
            color: Rgb::RULE,
            dotted: false,
        }];
        let foot_text = ellipsize(f.foot_left, small, geo.content_width() - number_w - 18.0);
        foot.push(Item::Text {
            x: left,
            y: foot_y,
            text: foot_text,
            style: small,
        });
        foot.push(Item::Text {
            x: right - number_w,
            y: foot_y,
            text: number,
            style: small,
        });
        let body = std::mem::take(&mut page.items);
        page.items = items;
        page.items.extend(body);
        page.items.extend(foot);
    }
}

pub use render::{PdfInfo, render};
