//! Finished pages to PDF bytes.
//!
//! printpdf 0.12 builds the document: page tree, the two embedded fonts (subset to the glyphs
//! the record uses, with `/W` widths and a `ToUnicode` map so that text is extractable),
//! link annotations of the contents, the outline and the info dictionary. The page content
//! streams are written here, directly: printpdf turns every operator into lopdf objects and
//! formats every glyph code through `fmt` and compresses at level 9, which made a 2,000-page
//! record take seconds; writing the few operators the layout needs (`BT Tf rg Tm Tj ET`,
//! `RG w d m l S`, `rg re f`) as bytes and compressing at a fast level on all cores takes a
//! fraction of that.
//!
//! How the glyph codes are found: the first page handed to printpdf carries every character of
//! the document (so that the subset contains exactly the glyphs used); its content is replaced
//! like that of every other page. printpdf writes glyph codes as the subset's glyph ids (Identity-H)
//! and records the code of each glyph in the font's `ToUnicode` map; reading that map back and
//! going through the font's own cmap gives the code of every character.

use super::{BOLD_TTF, Geometry, Item, MM, Page, REGULAR_TTF, Rgb, Weight, fonts};
use lopdf::{Document, Object, ObjectId};
use std::collections::HashMap;
use std::io::Write;

/// Document-level facts written into the PDF's info dictionary.
pub struct PdfInfo<'a> {
    /// Title.
    pub title: &'a str,
    /// Author (the organisation).
    pub author: &'a str,
    /// Subject.
    pub subject: &'a str,
    /// Creation date as Unix seconds (the export date, for reproducible files).
    pub created: i64,
    /// Outline entries: (title, 0-based page).
    pub outline: Vec<(String, usize)>,
}

/// Character → glyph code of one embedded font, and its resource name.
struct Encoding {
    name: String,
    /// Codes of the characters of the Basic Multilingual Plane (0: `.notdef`).
    bmp: Vec<u16>,
    /// Codes of other characters.
    astral: HashMap<char, u16>,
}

impl Encoding {
    #[inline]
    fn code(&self, c: char) -> u16 {
        let u = c as u32;
        if u < 0x10000 {
            self.bmp[u as usize]
        } else {
            self.astral.get(&c).copied().unwrap_or(0)
        }
    }
}

/// Renders finished pages into PDF bytes with the embedded fonts, subset.
pub fn render(pages: &[Page], geo: &Geometry, info: &PdfInfo) -> Vec<u8> {
    use printpdf::{
        Actions, BorderArray, ColorArray, Destination, LinkAnnotation, Op, PdfDocument,
        PdfFontHandle, PdfPage, PdfSaveOptions, Pt, Rect, TextItem,
    };

    // Every character of the document, per font.
    let mut seen = [vec![false; 0x11_0000], vec![false; 0x11_0000]];
    for page in pages {
        for item in &page.items {
            if let Item::Text { text, style, .. } = item {
                let seen = &mut seen[(style.weight == Weight::Bold) as usize];
                for c in text.chars() {
                    seen[c as usize] = true;
                }
            }
        }
    }
    let used: Vec<String> = seen
        .iter()
        .map(|s| {
            s.iter()
                .enumerate()
                .filter(|(_, on)| **on)
                .filter_map(|(c, _)| char::from_u32(c as u32))
                .filter(|c| !c.is_control())
                .collect()
        })
        .collect();

    let mut doc = PdfDocument::new(info.title);
    let (regular, bold) = parsed_fonts();
    let ids = [doc.add_font(regular), doc.add_font(bold)];

    let h = geo.height;
    let mut pdf_pages = Vec::with_capacity(pages.len());
    for (i, page) in pages.iter().enumerate() {
        let mut ops = Vec::new();
        if i == 0 {
            // The glyph carrier (replaced below, never shown).
            ops.push(Op::StartTextSection);
            for (font, chars) in ids.iter().zip(&used) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font.clone()),
                    size: Pt(10.0),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::Text(chars.clone())],
                });
            }
            ops.push(Op::EndTextSection);
        }
        for item in &page.items {
            if let Item::Link {
                x,
                y,
                w,
                h: lh,
                page: target,
            } = item
            {
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect::from_xywh(Pt(*x), Pt(h - *y - *lh), Pt(*w), Pt(*lh)),
                        Actions::go_to(Destination::Xyz {
                            page: target + 1,
                            left: None,
                            top: None,
                            zoom: None,
                        }),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        None,
                    ),
                });
            }
        }
        pdf_pages.push(PdfPage::new(
            printpdf::Mm(geo.width / MM),
            printpdf::Mm(geo.height / MM),
            ops,
        ));
    }
    doc.with_pages(pdf_pages);
    for (title, page) in &info.outline {
        doc.add_bookmark(title, page + 1);
    }
    let created = printpdf::OffsetDateTime::from_unix_timestamp(info.created)
        .unwrap_or_else(|_| printpdf::OffsetDateTime::from_unix_timestamp(0).expect("epoch"));
    let meta = &mut doc.metadata.info;
    meta.creation_date = created;
    meta.modification_date = created;
    meta.metadata_date = created;
    meta.author = info.author.to_owned();
    meta.subject = info.subject.to_owned();
    meta.creator = "RoPA Desk".to_owned();
    meta.producer = format!("RoPA Desk {} (printpdf)", env!("CARGO_PKG_VERSION"));

    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut Vec::new());
    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    assert_eq!(page_ids.len(), pages.len(), "printpdf wrote every page");
    let encodings = [
        encoding(
            &mut lo,
            page_ids[0],
            &ids[0].0,
            "R",
            Weight::Regular,
            &used[0],
        ),
        encoding(&mut lo, page_ids[0], &ids[1].0, "B", Weight::Bold, &used[1]),
    ];

    // Content streams, written and compressed on all cores.
    let contents: Vec<ObjectId> = page_ids
        .iter()
        .map(|id| {
            lo.get_dictionary(*id)
                .and_then(|d| d.get(b"Contents"))
                .and_then(Object::as_reference)
                .expect("printpdf gives every page a content stream")
        })
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    let chunk = pages.len().div_ceil(threads).max(1);
    let streams: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pages
            .chunks(chunk)
            .map(|part| {
                let encodings = &encodings;
                scope.spawn(move || {
                    // One compressor per thread, reset between pages (setting one up is not
                    // free).
                    let mut z = flate2::Compress::new(flate2::Compression::fast(), true);
                    part.iter()
                        .map(|p| {
                            let raw = content(p, h, encodings);
                            let mut packed = Vec::with_capacity(raw.len() / 2 + 64);
                            loop {
                                let status = z
                                    .compress_vec(
                                        &raw[z.total_in() as usize..],
                                        &mut packed,
                                        flate2::FlushCompress::Finish,
                                    )
                                    .expect("compressing to memory");
                                if status == flate2::Status::StreamEnd {
                                    break;
                                }
                                packed.reserve(packed.capacity().max(4096));
                            }
                            z.reset();
                            packed
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|t| t.join().expect("content encoder thread"))
            .collect()
    });
    for (id, bytes) in contents.into_iter().zip(streams) {
        if let Ok(Object::Stream(s)) = lo.get_object_mut(id) {
            s.dict.set("Filter", "FlateDecode");
            s.set_content(bytes);
            s.allows_compression = false;
        }
    }
    compress_remaining(&mut lo);
    let mut out = Vec::new();
    lo.save_to(&mut out).expect("writing to memory cannot fail");
    out
}

/// The embedded fonts parsed by printpdf, once.
fn parsed_fonts() -> &'static (printpdf::ParsedFont, printpdf::ParsedFont) {
    static FONTS: std::sync::OnceLock<(printpdf::ParsedFont, printpdf::ParsedFont)> =
        std::sync::OnceLock::new();
    FONTS.get_or_init(|| {
        let mut warnings = Vec::new();
        (
            printpdf::ParsedFont::from_bytes(REGULAR_TTF, 0, &mut warnings)
                .expect("embedded DejaVu Sans parses"),
            printpdf::ParsedFont::from_bytes(BOLD_TTF, 0, &mut warnings)
                .expect("embedded DejaVu Sans Bold parses"),
        )
    })
}

/// Reads the codes printpdf gave the glyphs of font `name` from its `ToUnicode` map, and
/// renames the font's resource to `short` (printpdf names fonts by a 32-character id, which
/// would be repeated in every `Tf` of every page).
fn encoding(
    lo: &mut Document,
    page: ObjectId,
    name: &str,
    short: &str,
    weight: Weight,
    used: &str,
) -> Encoding {
    let metrics = fonts().metrics(weight);
    let font_dict = lo
        .get_dictionary(page)
        .and_then(|p| p.get(b"Resources"))
        .and_then(|r| lo.dereference(r).map(|(_, o)| o))
        .and_then(Object::as_dict)
        .and_then(|r| r.get(b"Font"))
        .and_then(Object::as_reference)
        .expect("printpdf shares one font dictionary between pages");
    if let Ok(Object::Dictionary(fonts)) = lo.get_object_mut(font_dict)
        && let Some(font) = fonts.remove(name.as_bytes())
    {
        fonts.set(short, font);
    }
    let font = lo
        .get_dictionary(font_dict)
        .and_then(|f| f.get(short.as_bytes()))
        .and_then(|f| lo.dereference(f).map(|(_, o)| o))
        .and_then(Object::as_dict);
    let cmap = font
        .ok()
        .and_then(|f| f.get(b"ToUnicode").ok())
        .and_then(|t| lo.dereference(t).ok())
        .and_then(|(_, o)| o.as_stream().ok())
        .map(|s| {
            s.decompressed_content()
                .unwrap_or_else(|_| s.content.clone())
        });
    // Glyph id → code, through the characters of the ToUnicode map.
    let mut gid_code: HashMap<u16, u16> = HashMap::new();
    if let Some(cmap) = cmap {
        let text = String::from_utf8_lossy(&cmap);
        let mut in_bfchar = false;
        for line in text.lines() {
            let line = line.trim();
            if line.ends_with("beginbfchar") {
                in_bfchar = true;
            } else if line == "endbfchar" {
                in_bfchar = false;
            } else if in_bfchar
                && let Some((code, target)) = parse_bfchar(line)
                && let Some(c) = target
            {
                gid_code.insert(metrics.glyph(c), code);
            }
        }
    }
    // Every character of the document whose glyph is in the subset (several characters may
    // share a glyph) gets that glyph's code; characters without one are written as code 0
    // (`.notdef`).
    let mut bmp = vec![0u16; 0x10000];
    let mut astral = HashMap::new();
    for c in used.chars() {
        let gid = metrics.glyph(c);
        if gid == 0 {
            continue;
        }
        if let Some(code) = gid_code.get(&gid) {
            if (c as u32) < 0x10000 {
                bmp[c as usize] = *code;
            } else {
                astral.insert(c, *code);
            }
        }
    }
    Encoding {
        name: short.to_owned(),
        bmp,
        astral,
    }
}

/// `<0041> <00410042>` → (0x41, Some('A')) when the target is a single character.
fn parse_bfchar(line: &str) -> Option<(u16, Option<char>)> {
    let mut parts = line.split('>');
    let code = parts.next()?.trim().strip_prefix('<')?;
    let target = parts.next()?.trim().strip_prefix('<')?;
    let code = u16::from_str_radix(code, 16).ok()?;
    let units: Vec<u16> = (0..target.len() / 4)
        .filter_map(|i| u16::from_str_radix(target.get(4 * i..4 * i + 4)?, 16).ok())
        .collect();
    let mut chars = char::decode_utf16(units);
    let first = chars.next().and_then(Result::ok);
    let single = chars.next().is_none();
    Some((code, if single { first } else { None }))
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    use flate2::{Compression, write::ZlibEncoder};
    let mut z = ZlibEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::fast());
    z.write_all(bytes).expect("compressing to memory");
    z.finish().expect("compressing to memory")
}

/// Compresses the streams printpdf left uncompressed (font programs, ToUnicode maps) at a
/// fast level.
fn compress_remaining(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(s) = object
            && s.allows_compression
            && s.dict.get(b"Filter").is_err()
        {
            let packed = deflate(&s.content);
            if packed.len() + 19 < s.content.len() {
                s.dict.set("Filter", "FlateDecode");
                s.set_content(packed);
            }
        }
    }
}

/// Appends a number with at most two decimals.
fn num(out: &mut Vec<u8>, v: f32) {
    let cents = (v * 100.0).round() as i64;
    if cents < 0 {
        out.push(b'-');
    }
    let cents = cents.unsigned_abs();
    let _ = write!(out, "{}", cents / 100);
    let frac = cents % 100;
    if frac != 0 {
        out.push(b'.');
        out.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            out.push(b'0' + (frac % 10) as u8);
        }
    }
}

fn color(out: &mut Vec<u8>, c: Rgb, op: &[u8]) {
    for v in [c.0, c.1, c.2] {
        num(out, v);
        out.push(b' ');
    }
    out.extend_from_slice(op);
    out.push(b'\n');
}

/// The content stream of one page.
fn content(page: &Page, h: f32, enc: &[Encoding; 2]) -> Vec<u8> {
    let mut out = Vec::with_capacity(page.items.len() * 48);
    let mut in_text = false;
    // Origin of the text line matrix inside the current BT … ET (runs are placed with Td,
    // relative to it).
    let mut origin = (0.0f32, 0.0f32);
    let mut font: Option<(Weight, f32)> = None;
    let mut fill: Option<Rgb> = None;
    let mut stroke: Option<Rgb> = None;
    let mut width: Option<f32> = None;
    let mut dotted = false;
    for item in &page.items {
        let is_text = matches!(item, Item::Text { .. });
        if in_text && !is_text {
            out.extend_from_slice(b"ET\n");
            in_text = false;
        }
        match item {
            Item::Text { x, y, text, style } => {
                let text = &*visual_order(text);
                if !in_text {
                    out.extend_from_slice(b"BT\n");
                    in_text = true;
                    origin = (0.0, 0.0);
                }
                let e = &enc[(style.weight == Weight::Bold) as usize];
                if font != Some((style.weight, style.size)) {
                    out.push(b'/');
                    out.extend_from_slice(e.name.as_bytes());
                    out.push(b' ');
                    num(&mut out, style.size);
                    out.extend_from_slice(b" Tf\n");
                    font = Some((style.weight, style.size));
                }
                if fill != Some(style.color) {
                    color(&mut out, style.color, b"rg");
                    fill = Some(style.color);
                }
                // Td moves by whole hundredths so that rounding never accumulates.
                let to = (
                    (*x * 100.0).round() / 100.0,
                    ((h - *y) * 100.0).round() / 100.0,
                );
                num(&mut out, to.0 - origin.0);
                out.push(b' ');
                num(&mut out, to.1 - origin.1);
                out.extend_from_slice(b" Td (");
                origin = to;
                for c in text.chars() {
                    let code = e.code(c);
                    for b in code.to_be_bytes() {
                        match b {
                            b'(' | b')' | b'\\' => {
                                out.push(b'\\');
                                out.push(b);
                            }
                            b'\r' => out.extend_from_slice(b"\\r"),
                            b'\n' => out.extend_from_slice(b"\\n"),
                            _ => out.push(b),
                        }
                    }
                }
                out.extend_from_slice(b") Tj\n");
            }
            Item::Line {
                x1,
                y1,
                x2,
                y2,
                width: w,
                color: c,
                dotted: dots,
            } => {
                if stroke != Some(*c) {
                    color(&mut out, *c, b"RG");
                    stroke = Some(*c);
                }
                if width != Some(*w) {
                    num(&mut out, *w);
                    out.extend_from_slice(b" w\n");
                    width = Some(*w);
                }
                if *dots != dotted {
                    out.extend_from_slice(if *dots {
                        b"1 J [0 2.4] 0 d\n".as_slice()
                    } else {
                        b"0 J [] 0 d\n".as_slice()
                    });
                    dotted = *dots;
                }
                for (v, op) in [(*x1, b' '), (h - *y1, b'm'), (*x2, b' '), (h - *y2, b'l')] {
                    num(&mut out, v);
                    out.push(b' ');
                    if op != b' ' {
                        out.push(op);
                        out.push(b'\n');
                    }
                }
                out.extend_from_slice(b"S\n");
            }
            Item::Rect {
                x,
                y,
                w,
                h: rh,
                fill: c,
            } => {
                if fill != Some(*c) {
                    color(&mut out, *c, b"rg");
                    fill = Some(*c);
                }
                for v in [*x, h - *y - *rh, *w, *rh] {
                    num(&mut out, v);
                    out.push(b' ');
                }
                out.extend_from_slice(b"re f\n");
            }
            Item::Link { .. } => {}
        }
    }
    if in_text {
        out.extend_from_slice(b"ET\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_bfchar() {
        let mut out = Vec::new();
        for v in [0.0, 12.0, 3.456, -1.5, 841.89, 0.1] {
            num(&mut out, v);
            out.push(b' ');
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "0 12 3.46 -1.5 841.89 0.1 "
        );
        assert_eq!(parse_bfchar("<0041> <00DF>"), Some((0x41, Some('ß'))));
        assert_eq!(parse_bfchar("<0003> <D83DDE00>"), Some((3, Some('😀'))));
        assert_eq!(parse_bfchar("<0004> <00660069>"), Some((4, None)));
    }
}

/// `text` in the order its characters are drawn from left to right: right-to-left runs
/// (Hebrew, Arabic) reversed by the Unicode Bidirectional Algorithm in a left-to-right
/// document. Readers of the PDF (pdftotext, screen readers, copy and paste) apply the same
/// algorithm backwards and get the logical order again.
fn visual_order(text: &str) -> std::borrow::Cow<'_, str> {
    fn right_to_left(c: char) -> bool {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
    }
    if !text.chars().any(right_to_left) {
        return std::borrow::Cow::Borrowed(text);
    }
    let info = unicode_bidi::BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
    let mut out = String::with_capacity(text.len());
    for paragraph in &info.paragraphs {
        out.push_str(&info.reorder_line(paragraph, paragraph.range.clone()));
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod bidi_tests {
    #[test]
    fn right_to_left_runs_are_reversed_for_drawing_and_the_rest_kept() {
        assert_eq!(
            super::visual_order("Hebrew שלום עולם end"),
            "Hebrew םלוע םולש end"
        );
        assert_eq!(super::visual_order("Größe 30 €"), "Größe 30 €");
    }
}
