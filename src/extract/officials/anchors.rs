//! A cheap prefilter: the lines of a text that may hold an official.
//!
//! Every official outside a signature block is written with a position word (chức danh) in the
//! same line: the title before the name (`Bộ trưởng … Tô Lâm`), after it (`ông A, Giám đốc …`),
//! or after `là` (`Ông Tâm là đại biểu Quốc hội`). One pass over the bytes hashes each syllable
//! in lower case (no token list, no allocation) and looks the hash up in a bit filter built from
//! the position words of `data/officials/titles.tsv`: a one-syllable position (`HLV`, `TGĐ`), or
//! the first two syllables of a longer one (`chủ tịch`, `giám đốc`), in both tone placements
//! (`ủy`/`uỷ`). Only the lines holding one are tokenized. Hash collisions only add lines.
//! Text in decomposed form (combining marks) is searched whole.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Tone marks written on the first vowel of `oa`, `oe`, `uy` (old style) and on the second
/// (modern style, as in the tables).
const TONE_PAIRS: [(&str, &str); 15] = [
    ("ủy", "uỷ"),
    ("úy", "uý"),
    ("ùy", "uỳ"),
    ("ũy", "uỹ"),
    ("ụy", "uỵ"),
    ("òa", "oà"),
    ("óa", "oá"),
    ("ỏa", "oả"),
    ("õa", "oã"),
    ("ọa", "oạ"),
    ("òe", "oè"),
    ("óe", "oé"),
    ("ỏe", "oẻ"),
    ("õe", "oẽ"),
    ("ọe", "oẹ"),
];

/// A one-syllable position word.
const SINGLE: u8 = 1;
/// The first syllable of a longer position word.
const FIRST: u8 = 2;
/// The first two syllables (`chủ tịch`) of a position word.
const PAIR: u8 = 4;

fn mix(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// FNV-1a over the UTF-8 bytes of `s` (a lower-case key).
fn hash(s: &str) -> u64 {
    s.bytes().fold(OFFSET, mix)
}

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

struct Table {
    /// 65 536-bit filter over the top 16 bits of every hash.
    filter: Vec<u64>,
    kinds: HashMap<u64, u8>,
}

impl Table {
    fn get(&self, h: u64) -> u8 {
        let k = (h >> 48) as usize;
        if self.filter[k >> 6] & (1 << (k & 63)) == 0 {
            return 0;
        }
        self.kinds.get(&h).copied().unwrap_or(0)
    }
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut kinds: HashMap<u64, u8> = HashMap::new();
    for line in include_str!("../../../data/officials/titles.tsv").lines() {
        let mut cols = line.trim().split('\t');
        let (Some(phrase), Some("title")) = (cols.next(), cols.next()) else {
            continue;
        };
        let mut old = phrase.to_string();
        for (new, o) in TONE_PAIRS {
            old = old.replace(new, o);
        }
        for form in [phrase, old.as_str()] {
            let syl: Vec<&str> = form.split(' ').collect();
            if syl.len() == 1 {
                *kinds.entry(hash(syl[0])).or_default() |= SINGLE;
            } else {
                *kinds.entry(hash(syl[0])).or_default() |= FIRST;
                *kinds
                    .entry(hash(&format!("{} {}", syl[0], syl[1])))
                    .or_default() |= PAIR;
            }
        }
    }
    let mut filter = vec![0u64; 1 << 10];
    for &h in kinds.keys() {
        let k = (h >> 48) as usize;
        filter[k >> 6] |= 1 << (k & 63);
    }
    Table { filter, kinds }
});

/// The lower-case UTF-8 bytes of the letter at `i` (Vietnamese capitals folded), its length,
/// or `None` when the character there is not a letter or digit.
#[inline]
fn lower_at(b: &[u8], i: usize) -> Option<([u8; 3], usize, usize)> {
    let c = b[i];
    if c < 0x80 {
        return c
            .is_ascii_alphanumeric()
            .then(|| ([c.to_ascii_lowercase(), 0, 0], 1, 1));
    }
    let c1 = *b.get(i + 1)?;
    match c {
        // Latin-1 capitals À…Þ (× aside) and lower-case letters; `Ð` read as `đ`.
        0xC3 => match c1 {
            0x90 => Some(([0xC4, 0x91, 0], 2, 2)),
            0x97 | 0xB7 => None,
            0x80..=0x9E => Some(([0xC3, c1 + 0x20, 0], 2, 2)),
            _ => Some(([0xC3, c1, 0], 2, 2)),
        },
        // `Ă Đ Ĩ Ũ Ơ Ư` and their lower-case forms.
        0xC4..=0xC6 => {
            let up = matches!(
                (c, c1),
                (0xC4, 0x82 | 0x90 | 0xA8) | (0xC5, 0xA8) | (0xC6, 0xA0 | 0xAF)
            );
            Some(([c, if up { c1 + 1 } else { c1 }, 0], 2, 2))
        }
        // Punctuation and spaces: `“ ” – …`, no-break space.
        0xC2 | 0xE2 | 0xE3 | 0xEF => None,
        0xC7..=0xDF => Some(([c, c1, 0], 2, 2)),
        0xE0..=0xEF => {
            let c2 = *b.get(i + 2)?;
            // Latin Extended Additional `Ạ…Ỹ`: capitals are the even code points U+1EA0–U+1EF8.
            let up = c == 0xE1
                && ((c1 == 0xBA && c2 >= 0xA0) || (c1 == 0xBB && c2 <= 0xB9))
                && c2 % 2 == 0;
            Some(([c, c1, if up { c2 + 1 } else { c2 }], 3, 3))
        }
        _ => None,
    }
}

/// Byte ranges of the lines (merged when adjacent) that hold a position word.
pub(crate) fn windows(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    // Combining marks U+0300–U+036F start with the bytes 0xCC or 0xCD in UTF-8.
    if b.iter().any(|&c| c == 0xCC || c == 0xCD) {
        return vec![(0, text.len())];
    }
    let table = &*TABLE;
    let n = b.len();
    let mut out: Vec<(usize, usize)> = Vec::new();
    // Hash of `first ` and its start when the previous syllable may begin a two-syllable position.
    let mut pair: Option<(u64, usize)> = None;
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c < 0x80 && !c.is_ascii_alphanumeric() {
            if c != b' ' && c != b'\t' {
                pair = None;
            }
            i += 1;
            continue;
        }
        // One syllable: a run of letters and digits, hashed in lower case.
        let start = i;
        let mut h = OFFSET;
        let mut ph = pair.map(|(p, _)| p);
        while i < n {
            let c = b[i];
            if c < 0x80 {
                if !c.is_ascii_alphanumeric() {
                    break;
                }
                let l = c.to_ascii_lowercase();
                h = mix(h, l);
                ph = ph.map(|p| mix(p, l));
                i += 1;
                continue;
            }
            let Some((bytes, len, adv)) = lower_at(b, i) else {
                break;
            };
            for &l in &bytes[..len] {
                h = mix(h, l);
                ph = ph.map(|p| mix(p, l));
            }
            i += adv;
        }
        if i == start {
            // A character that is not a letter (`–`, `“`): skip it whole.
            i += 1;
            while i < n && b[i] & 0xC0 == 0x80 {
                i += 1;
            }
            pair = None;
            continue;
        }
        let kind = table.get(h);
        let hit = if kind & SINGLE != 0 {
            Some(start)
        } else {
            match (pair, ph) {
                (Some((_, s0)), Some(p)) if table.get(p) & PAIR != 0 => Some(s0),
                _ => None,
            }
        };
        pair = (kind & FIRST != 0).then(|| (mix(h, b' '), start));
        let Some(at) = hit else {
            continue;
        };
        let s = b[..at]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        let e = b[i..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(n, |p| i + p + 1);
        match out.last_mut() {
            Some(last) if last.1 >= s => last.1 = e,
            _ => out.push((s, e)),
        }
        i = e;
        pair = None;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_positions() {
        let text = "Dòng một.\nPhó Chủ tịch UBND tỉnh Nguyễn Văn A.\nDòng ba.\nCHỦ TỊCH\nx";
        let w = windows(text);
        let got: Vec<&str> = w.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(
            got,
            ["Phó Chủ tịch UBND tỉnh Nguyễn Văn A.\n", "CHỦ TỊCH\n"]
        );
        assert!(windows("Không có chức danh, cán bộ và chủ nhà.").is_empty());
        // Old tone placement, mixed capitals, abbreviations.
        assert_eq!(windows("Chánh Văn phòng Uỷ viên").len(), 1);
        assert_eq!(windows("ông Phạm Quân Lực - Phó TGĐ Coteccons").len(), 1);
        assert_eq!(windows("Thành viên HĐQT").len(), 1);
        // Two lines in a row make one window.
        assert_eq!(windows("Bộ trưởng\nThứ trưởng\n"), [(0, 22)]);
    }

    #[test]
    fn decomposed_text_is_searched_whole() {
        let text = "Chu\u{309} ti\u{323}ch";
        assert_eq!(windows(text), [(0, text.len())]);
    }
}
