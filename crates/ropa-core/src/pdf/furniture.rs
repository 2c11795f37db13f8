//! The running head and the footer ("Page x of y") drawn on every page once the count is known.

use super::*;

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
