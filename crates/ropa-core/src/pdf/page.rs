//! What the composer produces: pages of positioned items, headings for the contents, and
//! the shared spacing.

use super::*;

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

impl Item {
    pub(super) fn shift(&mut self, dy: f32) {
        match self {
            Item::Text { y, .. } | Item::Rect { y, .. } | Item::Link { y, .. } => *y += dy,
            Item::Line { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
    }
}
