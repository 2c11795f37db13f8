//! Tables: columns sized to their content, rows wrapped, split across pages, the header
//! repeated on every page a table continues on.

use super::*;

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

impl Composer {
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
