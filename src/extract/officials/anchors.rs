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
/// A two-syllable job noun (`giáo viên`), a position only before a capitalized organization:
/// a hit only when a capital letter follows after one space.
const JOB: u8 = 8;

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The hash of one syllable from its lower-case UTF-8 bytes: the last eight bytes packed in a
/// word, and the length.
fn syllable_hash(packed: u64, len: u64) -> u64 {
    (packed ^ len.rotate_right(8)).wrapping_mul(K)
}

/// The hash of two syllables written in a row.
fn pair_hash(first: u64, second: u64) -> u64 {
    (first.rotate_left(29) ^ second).wrapping_mul(K)
}

fn hash(syllable: &str) -> u64 {
    let packed = syllable.bytes().fold(0u64, |k, c| (k << 8) | u64::from(c));
    syllable_hash(packed, syllable.len() as u64)
}

struct Table {
    /// 65 536-bit filter over the top 16 bits of every hash.
    filter: Vec<u64>,
    /// The first bytes (either case) a position word's first syllable may start with.
    starts: [bool; 256],
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
    let mut starts = [false; 256];
    for line in include_str!("../../../data/officials/titles.tsv").lines() {
        let mut cols = line.trim().split('\t');
        let (Some(phrase), Some(kind @ ("title" | "job"))) = (cols.next(), cols.next()) else {
            continue;
        };
        let job = kind == "job";
        let mut old = phrase.to_string();
        for (new, o) in TONE_PAIRS {
            old = old.replace(new, o);
        }
        // `Chủtịch UBND`: the first two syllables glued by a typing slip (see `lexicon`). The hash
        // keeps the last eight bytes and the length: a glued form is added only when its second
        // syllable is short enough (≤ 6 bytes) for those bytes to hold a vowel–consonant–vowel
        // sequence no real syllable has (`bộtrưởng` would hash like `tưởng`).
        let glued = [phrase, old.as_str()].map(|f| {
            let second = f.split(' ').nth(1).unwrap_or("");
            if job || second.len() > 6 {
                None
            } else {
                super::lexicon::glue_first_two(f)
            }
        });
        let forms = [
            Some(phrase),
            Some(old.as_str()),
            glued[0].as_deref(),
            glued[1].as_deref(),
        ];
        for form in forms.into_iter().flatten() {
            let syl: Vec<&str> = form.split(' ').collect();
            if let Some(c) = syl[0].chars().next() {
                for f in [c.to_string(), c.to_uppercase().collect::<String>()] {
                    if let Some(&b0) = f.as_bytes().first() {
                        starts[usize::from(b0)] = true;
                    }
                }
                // `Ð` (U+00D0) is read as `đ`.
                if c == 'đ' {
                    starts[0xC3] = true;
                }
            }
            if syl.len() == 1 {
                *kinds.entry(hash(syl[0])).or_default() |= SINGLE;
            } else {
                *kinds.entry(hash(syl[0])).or_default() |= FIRST;
                *kinds
                    .entry(pair_hash(hash(syl[0]), hash(syl[1])))
                    .or_default() |= if job { JOB } else { PAIR };
            }
        }
    }
    let mut filter = vec![0u64; 1 << 10];
    for &h in kinds.keys() {
        let k = (h >> 48) as usize;
        filter[k >> 6] |= 1 << (k & 63);
    }
    Table {
        filter,
        starts,
        kinds,
    }
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

/// Does an upper-case letter start at byte `i` (a character boundary, else `false`)?
fn upper_at(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Byte ranges of the lines (merged when adjacent) that hold a position word.
pub(crate) fn windows(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    // Combining marks U+0300–U+036F start with the bytes 0xCC or 0xCD in UTF-8.
    if b.contains(&0xCC) || b.contains(&0xCD) {
        return vec![(0, text.len())];
    }
    let table = &*TABLE;
    let n = b.len();
    let mut out: Vec<(usize, usize)> = Vec::new();
    // Hash and start of the previous syllable when it may begin a two-syllable position word.
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
        // A syllable that cannot start a position word, with no pair pending: skip it, stopping
        // where the full reading below would stop (ASCII punctuation, `“ – …`, no-break space).
        if pair.is_none() && !table.starts[usize::from(c)] {
            while i < n {
                let c = b[i];
                let stop = if c < 0x80 {
                    !c.is_ascii_alphanumeric()
                } else {
                    matches!(c, 0xC2 | 0xE2 | 0xE3 | 0xEF | 0xF0..=0xFF)
                        || (c == 0xC3 && matches!(b.get(i + 1), Some(0x97 | 0xB7)))
                };
                if stop {
                    break;
                }
                i += 1;
            }
            if i < n && b[i] >= 0x80 {
                // Stopped at a character that is not a letter: skip it whole.
                i += 1;
                while i < n && b[i] & 0xC0 == 0x80 {
                    i += 1;
                }
            }
            continue;
        }
        // One syllable: a run of letters and digits, packed in lower case.
        let start = i;
        let mut packed = 0u64;
        let mut len = 0u64;
        while i < n {
            let c = b[i];
            if c < 0x80 {
                if !c.is_ascii_alphanumeric() {
                    break;
                }
                // ASCII letters to lower case; digits already have the 0x20 bit.
                packed = (packed << 8) | u64::from(c | 0x20);
                len += 1;
                i += 1;
                continue;
            }
            let Some((bytes, blen, adv)) = lower_at(b, i) else {
                break;
            };
            for &l in &bytes[..blen] {
                packed = (packed << 8) | u64::from(l);
            }
            len += blen as u64;
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
        let h = syllable_hash(packed, len);
        let kind = table.get(h);
        let hit = if kind & SINGLE != 0 {
            Some(start)
        } else {
            match pair {
                Some((p, s0)) => {
                    let pk = table.get(pair_hash(p, h));
                    let job = pk & JOB != 0 && b.get(i) == Some(&b' ') && upper_at(text, i + 1);
                    (pk & PAIR != 0 || job).then_some(s0)
                }
                _ => None,
            }
        };
        pair = (kind & FIRST != 0).then_some((h, start));
        let Some(at) = hit else {
            continue;
        };
        // `at` and `i` are character boundaries; `find`/`rfind` of a byte use memchr.
        let s = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let e = text[i..].find('\n').map_or(n, |p| i + p + 1);
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
        // A job noun only before a capitalized word (an organization's name).
        assert_eq!(windows("bà A, giáo viên Trường THPT B").len(), 1);
        assert_eq!(windows("bà A, giáo viên Đại học B").len(), 1);
        assert!(windows("cán bộ, công chức, viên chức và giáo viên trẻ").is_empty());
        // Glued syllables (`Chủtịch`).
        assert_eq!(windows("Chủtịch UBND").len(), 1);
        assert!(windows("Không nên quá tin tưởng ai.").is_empty());
        // Two lines in a row make one window.
        let two = "Bộ trưởng\nThứ trưởng\n";
        assert_eq!(windows(two), [(0, two.len())]);
    }

    #[test]
    fn decomposed_text_is_searched_whole() {
        let text = "Chu\u{309} ti\u{323}ch";
        assert_eq!(windows(text), [(0, text.len())]);
    }
}
