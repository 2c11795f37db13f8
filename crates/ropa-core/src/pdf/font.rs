//! Glyph metrics read straight from an embedded TrueType font, for measuring text.
//!
//! Only what measuring needs: `head.unitsPerEm`, `hhea` ascender/descender, the `hmtx`
//! advances and the Unicode `cmap` (formats 4 and 12). printpdf writes the same advances into
//! the PDF's `/W` array, so a width measured here is the width a viewer draws (printpdf does not
//! kern text shown with `ShowText`, and neither do we).

use std::collections::HashMap;

/// Metrics of one font.
#[derive(Debug, Clone)]
pub struct FontMetrics {
    /// Advance width of every character of the Basic Multilingual Plane, in em (`NaN` where the
    /// font has no glyph: measured as `.notdef`).
    bmp: Vec<f32>,
    /// Advances of characters outside the BMP, in em.
    astral: HashMap<u32, f32>,
    /// Advance of `.notdef` (glyph 0), in em.
    notdef: f32,
    /// Glyph id of every BMP character (0: none).
    bmp_glyph: Vec<u16>,
    /// Glyph ids outside the BMP.
    astral_glyph: HashMap<u32, u16>,
    /// Ascender, in em (positive).
    pub ascent: f32,
    /// Descender, in em (positive).
    pub descent: f32,
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, String> {
    b.get(at..at + 2)
        .map(|s| u16::from_be_bytes([s[0], s[1]]))
        .ok_or_else(|| format!("font truncated at byte {at}"))
}

fn i16_at(b: &[u8], at: usize) -> Result<i16, String> {
    u16_at(b, at).map(|v| v as i16)
}

fn u32_at(b: &[u8], at: usize) -> Result<u32, String> {
    b.get(at..at + 4)
        .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
        .ok_or_else(|| format!("font truncated at byte {at}"))
}

/// The byte range of table `tag`.
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Result<&'a [u8], String> {
    let count = usize::from(u16_at(font, 4)?);
    for i in 0..count {
        let rec = 12 + 16 * i;
        if font.get(rec..rec + 4) == Some(&tag[..]) {
            let offset = u32_at(font, rec + 8)? as usize;
            let length = u32_at(font, rec + 12)? as usize;
            return font
                .get(offset..offset + length)
                .ok_or_else(|| format!("table {} out of bounds", String::from_utf8_lossy(tag)));
        }
    }
    Err(format!(
        "font has no {} table",
        String::from_utf8_lossy(tag)
    ))
}

/// Unicode code point → glyph id from the best Unicode `cmap` subtable.
fn cmap(font: &[u8]) -> Result<Vec<(u32, u16)>, String> {
    let cmap = table(font, b"cmap")?;
    let count = usize::from(u16_at(cmap, 2)?);
    let mut best: Option<(u8, usize)> = None;
    for i in 0..count {
        let rec = 4 + 8 * i;
        let platform = u16_at(cmap, rec)?;
        let encoding = u16_at(cmap, rec + 2)?;
        let offset = u32_at(cmap, rec + 4)? as usize;
        let format = u16_at(cmap, offset)?;
        let rank = match (platform, encoding, format) {
            (3, 10, 12) | (0, 4, 12) => 3,
            (3, 1, 4) | (0, 3, 4) => 2,
            (0, _, 4) => 1,
            _ => 0,
        };
        if rank > 0 && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, offset));
        }
    }
    let (_, offset) = best.ok_or("font has no Unicode cmap subtable")?;
    let sub = &cmap[offset..];
    let mut out = Vec::new();
    match u16_at(sub, 0)? {
        4 => {
            let segs = usize::from(u16_at(sub, 6)? / 2);
            let ends = 14;
            let starts = ends + 2 * segs + 2;
            let deltas = starts + 2 * segs;
            let ranges = deltas + 2 * segs;
            for s in 0..segs {
                let end = u16_at(sub, ends + 2 * s)?;
                let start = u16_at(sub, starts + 2 * s)?;
                let delta = u16_at(sub, deltas + 2 * s)?;
                let range_offset = usize::from(u16_at(sub, ranges + 2 * s)?);
                if start == 0xFFFF {
                    continue;
                }
                for c in start..=end {
                    let gid = if range_offset == 0 {
                        c.wrapping_add(delta)
                    } else {
                        let at = ranges + 2 * s + range_offset + 2 * usize::from(c - start);
                        match u16_at(sub, at)? {
                            0 => 0,
                            g => g.wrapping_add(delta),
                        }
                    };
                    if gid != 0 {
                        out.push((u32::from(c), gid));
                    }
                }
            }
        }
        12 => {
            let groups = u32_at(sub, 12)? as usize;
            for g in 0..groups {
                let rec = 16 + 12 * g;
                let start = u32_at(sub, rec)?;
                let end = u32_at(sub, rec + 4)?;
                let first = u32_at(sub, rec + 8)?;
                for c in start..=end.min(0x10FFFF) {
                    let gid = first + (c - start);
                    if gid != 0 && gid <= u32::from(u16::MAX) {
                        out.push((c, gid as u16));
                    }
                }
            }
        }
        f => return Err(format!("unsupported cmap format {f}")),
    }
    Ok(out)
}

impl FontMetrics {
    /// Reads the metrics of a TrueType font.
    pub fn parse(font: &[u8]) -> Result<FontMetrics, String> {
        let head = table(font, b"head")?;
        let upem = f32::from(u16_at(head, 18)?);
        let hhea = table(font, b"hhea")?;
        let ascent = f32::from(i16_at(hhea, 4)?) / upem;
        let descent = -f32::from(i16_at(hhea, 6)?) / upem;
        let metrics = usize::from(u16_at(hhea, 34)?);
        let hmtx = table(font, b"hmtx")?;
        let advance = |gid: u16| -> Result<f32, String> {
            let i = usize::from(gid).min(metrics.saturating_sub(1));
            Ok(f32::from(u16_at(hmtx, 4 * i)?) / upem)
        };
        let notdef = advance(0)?;
        let mut bmp = vec![notdef; 0x10000];
        let mut bmp_glyph = vec![0; 0x10000];
        let mut astral = HashMap::new();
        let mut astral_glyph = HashMap::new();
        for (c, gid) in cmap(font)? {
            let w = advance(gid)?;
            if c < 0x10000 {
                bmp[c as usize] = w;
                bmp_glyph[c as usize] = gid;
            } else {
                astral.insert(c, w);
                astral_glyph.insert(c, gid);
            }
        }
        Ok(FontMetrics {
            bmp,
            astral,
            notdef,
            bmp_glyph,
            astral_glyph,
            ascent,
            descent,
        })
    }

    /// Advance of `c`, in em.
    #[inline]
    pub fn advance(&self, c: char) -> f32 {
        let c = c as u32;
        if c < 0x10000 {
            self.bmp[c as usize]
        } else {
            self.astral.get(&c).copied().unwrap_or(self.notdef)
        }
    }

    /// The glyph id of `c` in the font (0, `.notdef`, where it has none).
    #[inline]
    pub fn glyph(&self, c: char) -> u16 {
        let c = c as u32;
        if c < 0x10000 {
            self.bmp_glyph[c as usize]
        } else {
            self.astral_glyph.get(&c).copied().unwrap_or(0)
        }
    }

    /// Whether the font has a glyph for `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.glyph(c) != 0
    }

    /// Width of `text` at `size` points, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dejavu() {
        let m = FontMetrics::parse(crate::pdf::REGULAR_TTF).unwrap();
        assert!(m.has_glyph('ß') && m.has_glyph('€') && m.has_glyph('–'));
        assert!(m.width("Löschfristen", 10.0) > 40.0);
        assert!(m.width("iiii", 10.0) < m.width("MMMM", 10.0));
        assert!(m.ascent > 0.7 && m.descent > 0.1);
    }
}
