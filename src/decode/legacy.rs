//! The legacy decoders: one byte-table pass each, plus VNI's base-letter-and-mark sequences.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::compose;

use super::tables::{
    ByteTable, CP1258, TCVN3, VISCII, VNI, compose_marks, is_vietnamese_letter, split_tone,
};

/// Decodes with a single-byte table; a combining-mark byte after a letter is composed with it into
/// the precomposed letter (NFC) when Unicode has one.
pub(crate) fn decode_single(bytes: &[u8], table: &ByteTable) -> String {
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    let mut orphan_marks = false;
    let mut last = '\0';
    let ascii_same = |b: u8| b < 0x80 && table.chars[b as usize] as u32 == u32::from(b);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if ascii_same(b) {
            // A run of ASCII bytes that the table maps to themselves: copied whole.
            let start = i;
            while i < bytes.len() && ascii_same(bytes[i]) {
                i += 1;
            }
            out.push_str(std::str::from_utf8(&bytes[start..i]).unwrap_or_default());
            last = char::from(bytes[i - 1]);
            continue;
        }
        i += 1;
        let c = table.chars[b as usize];
        if table.is_mark[b as usize] {
            if let Some(pc) = compose(last, c).filter(|&pc| is_vietnamese_letter(pc)) {
                out.pop();
                out.push(pc);
                last = pc;
                continue;
            }
            orphan_marks = true;
        }
        out.push(c);
        last = c;
    }
    // Marks that did not compose with the letter before them: let full NFC decide (rare).
    if orphan_marks {
        out.nfc().collect()
    } else {
        out
    }
}

/// TCVN3 (ABC): one byte per letter; capitals with tones come out in lower case and are put back
/// into upper case inside words written in capitals (see [`vn3_capitals`]).
pub(crate) fn decode_tcvn3(bytes: &[u8]) -> String {
    let (words, merges) = vn3_capitals(bytes);
    if words.is_empty() && merges.is_empty() {
        return decode_single(bytes, &TCVN3);
    }
    // Edits in byte order: words to upper-case (merging inside them), and merges outside words.
    let mut edits: Vec<(usize, usize, bool)> = words.iter().map(|&(a, b)| (a, b, true)).collect();
    // Words are sorted and disjoint: binary search for the one that could hold `i`.
    let inside = |i: usize| {
        let k = words.partition_point(|&(a, _)| a <= i);
        k > 0 && i < words[k - 1].1
    };
    edits.extend(
        merges
            .into_iter()
            .filter(|&i| !inside(i))
            .map(|i| (i, i + 2, false)),
    );
    edits.sort_unstable();
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    let mut done = 0;
    for (a, b, word) in edits {
        if a < done {
            continue;
        }
        out.push_str(&decode_single(&bytes[done..a], &TCVN3));
        if word {
            let upper = decode_single(&bytes[a..b], &TCVN3).to_uppercase();
            out.push_str(&merge_split_capitals(&upper).unwrap_or(upper));
        } else {
            out.extend(
                decode_single(&bytes[a + 1..b], &TCVN3)
                    .chars()
                    .flat_map(char::to_uppercase),
            );
        }
        done = b;
    }
    out.push_str(&decode_single(&bytes[done..], &TCVN3));
    out
}

/// Merges a capital vowel followed by the same vowel in lower case with a tone mark into the toned
/// capital: `Uủy` → `Ủy`, `Aá` → `Á` (the base-capital-plus-lower-case-toned-letter convention of
/// converters, REFERENCE.md Appendix A). `None` when there is nothing to merge. `Uỷ` is left alone.
fn merge_split_capitals(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut merged = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(
            c,
            'A' | 'E' | 'I' | 'O' | 'U' | 'Y' | 'Ă' | 'Â' | 'Ê' | 'Ô' | 'Ơ' | 'Ư'
        ) && let Some(&n) = chars.peek()
        {
            let (base, tone) = split_tone(n);
            if tone > 0 && base.to_uppercase().eq(std::iter::once(c)) {
                out.extend(n.to_uppercase());
                chars.next();
                merged = true;
                continue;
            }
        }
        out.push(c);
    }
    merged.then_some(out)
}

/// For each TCVN3 byte, its letter without tone, in lower case (`'\0'` for non-letters).
static VN3_TONELESS: LazyLock<[char; 256]> = LazyLock::new(|| {
    std::array::from_fn(|b| {
        let (base, _) = split_tone(TCVN3.chars[b]);
        if base.is_alphabetic() {
            base.to_lowercase().next().unwrap_or(base)
        } else {
            '\0'
        }
    })
});

/// Byte classes of TCVN3 for [`vn3_capitals`].
const NOT_LETTER: u8 = 0;
const UPPER: u8 = 1;
const LOWER_ASCII: u8 = 2;
const LOWER_OTHER: u8 = 3;
const MARK: u8 = 4;

static VN3_CLASS: LazyLock<[u8; 256]> = LazyLock::new(|| {
    std::array::from_fn(|b| {
        let c = TCVN3.chars[b];
        if TCVN3.is_mark[b] {
            MARK
        } else if c.is_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER_ASCII
        } else if c.is_lowercase() {
            LOWER_OTHER
        } else {
            NOT_LETTER
        }
    })
});

/// The VN3 capitals, in one scan of the bytes:
///
/// - words to upper-case: VN3 has no code for capitals with tone marks, so fonts like `.VnTimeH`
///   draw the lower-case bytes as capitals. A word (byte range) otherwise in capitals (at least two
///   capital letters, no lower-case ASCII letter) that holds such a lower-case letter is to be
///   upper-cased: `TØNH` → `TỈNH`, `§¶NG` → `ĐẢNG`. A capitalised word (`ViÖt`, `Uû`) is left alone.
/// - positions of a capital vowel followed by the same vowel in lower case with a tone mark
///   (`Uñy`), see [`merge_split_capitals`].
pub(crate) fn vn3_capitals(bytes: &[u8]) -> (Vec<(usize, usize)>, Vec<usize>) {
    let class = &*VN3_CLASS;
    let toneless = &*VN3_TONELESS;
    let mut words = Vec::new();
    let mut merges = Vec::new();
    let mut counts = [0u32; 5];
    let mut start = None;
    let mut end_word = |s: usize, i: usize, counts: &[u32; 5]| {
        let [_, upper, lower_ascii, lower_other, _] = *counts;
        if upper >= 2 && lower_ascii == 0 && lower_other > 0 {
            words.push((s, i));
        }
    };
    let mut prev = 0u8;
    for (i, &b) in bytes.iter().enumerate() {
        let k = class[b as usize];
        if k == NOT_LETTER {
            if let Some(s) = start.take() {
                end_word(s, i, &counts);
            }
        } else {
            if start.is_none() {
                start = Some(i);
                counts = [0; 5];
            }
            counts[k as usize] += 1;
            if b >= 0xB5
                && matches!(prev, b'A' | b'E' | b'I' | b'O' | b'U' | b'Y' | 0xA1..=0xA6)
                && toneless[b as usize] == toneless[prev as usize]
            {
                merges.push(i - 1);
            }
        }
        prev = b;
    }
    if let Some(s) = start {
        end_word(s, bytes.len(), &counts);
    }
    (words, merges)
}

/// VISCII: one byte per letter.
pub(crate) fn decode_viscii(bytes: &[u8]) -> String {
    decode_single(bytes, &VISCII)
}

/// Windows-1258: precomposed base letters followed by combining tone bytes, composed to NFC.
pub(crate) fn decode_cp1258(bytes: &[u8]) -> String {
    decode_single(bytes, &CP1258)
}

/// VNI-Windows: a base letter followed by mark bytes (tone, circumflex, breve, or both in one
/// byte); ơ ư đ and the i-letters are single bytes. Both byte forms of ì í ỵ (single byte, or base
/// letter + tone byte) decode. A mark byte with no letter to attach to becomes its combining mark.
pub(crate) fn decode_vni(bytes: &[u8]) -> String {
    let t = &*VNI;
    let n = bytes.len();
    let mut out = String::with_capacity(n + n / 2);
    let mut i = 0;
    while i < n {
        // Copy a run of ASCII, keeping back its last byte when a high byte follows: it may be the
        // base letter of a VNI sequence.
        let start = i;
        while i < n && bytes[i] < 0x80 {
            i += 1;
        }
        let end = if i < n && i > start { i - 1 } else { i };
        for &b in &bytes[start..end] {
            out.push(char::from(b));
        }
        i = end;
        if i >= n {
            break;
        }
        let b = bytes[i];
        let bi = t.base_index[b as usize];
        if bi != u8::MAX
            && let Some(&m) = bytes.get(i + 1)
        {
            let c = if m >= 0xC0 {
                t.pairs[bi as usize][(m - 0xC0) as usize]
            } else {
                '\0'
            };
            if c != '\0' {
                let mut c = c;
                i += 2;
                // A second mark byte (circumflex, then tone) when the first one left room.
                while let Some(&m2) = bytes.get(i) {
                    let marks = t.marks[m2 as usize].as_str();
                    if marks.is_empty() {
                        break;
                    }
                    match compose_marks(c, marks) {
                        Some(c2) if c2 != c && is_vietnamese_letter(c2) => {
                            c = c2;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(c);
                continue;
            }
        }
        let marks = t.marks[b as usize].as_str();
        if marks.is_empty() {
            out.push(t.single[b as usize]);
        } else {
            out.push_str(marks);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1252(s: &str) -> Vec<u8> {
        s.chars()
            .map(|c| super::super::tables::cp1252_byte(c).expect("cp1252 char"))
            .collect()
    }

    #[test]
    fn tcvn3_samples() {
        // REFERENCE.md §6.5 / legacy_samples.tsv, written as the Windows-1252 view of the bytes.
        let b = cp1252("Céng hßa x· héi chñ nghÜa ViÖt Nam");
        assert_eq!(decode_tcvn3(&b), "Cộng hòa xã hội chủ nghĩa Việt Nam");
        assert_eq!(decode_tcvn3(&cp1252("ng\u{AD}êi d©n")), "người dân");
        assert_eq!(decode_tcvn3(&cp1252("UBND TØNH")), "UBND TỈNH");
        assert_eq!(decode_tcvn3(&cp1252("§¶NG vµ §iÒu")), "ĐẢNG và Điều");
        assert_eq!(decode_tcvn3(&cp1252("Uû ban")), "Uỷ ban");
        assert_eq!(
            decode_tcvn3(&cp1252("Uñy ban, UñY BAN, A¸")),
            "Ủy ban, ỦY BAN, Á"
        );
        // An orphan combining byte (0xB0 after a digit) goes through NFC; capitals still fixed.
        assert_eq!(decode_tcvn3(b"1\xB0 T\xD8NH U\xF1y"), "1\u{300} TỈNH Ủy");
        assert_eq!(decode_tcvn3(b"U\xF1"), "Ủ");
        assert_eq!(decode_tcvn3(b""), "");
    }

    #[test]
    fn vni_samples() {
        let b = cp1252("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam");
        assert_eq!(decode_vni(&b), "Cộng hòa xã hội chủ nghĩa Việt Nam");
        assert_eq!(
            decode_vni(&cp1252("ngöôøi daân toäc thieåu soá")),
            "người dân tộc thiểu số"
        );
        assert_eq!(decode_vni(&cp1252("UÛY BAN NHAÂN DAÂN")), "ỦY BAN NHÂN DÂN");
        assert_eq!(decode_vni(&cp1252("Ñaûng")), "Đảng");
        // Both forms of ì í ỵ; ỷ ỹ as y + mark.
        assert_eq!(decode_vni(&cp1252("kì kiø kí kiù")), "kì kì kí kí");
        assert_eq!(decode_vni(&cp1252("Mî Myï Myû Myõ")), "Mỵ Mỵ Mỷ Mỹ");
        // Circumflex, then tone as a second byte.
        assert_eq!(decode_vni(&cp1252("aâù")), "ấ");
        // Truncated / orphaned marks never panic and stay visible.
        assert_eq!(decode_vni(&cp1252("a")), "a");
        assert_eq!(decode_vni(&cp1252("ù")), "\u{301}");
        assert_eq!(decode_vni(&[b'a', 0xF9, 0xF9]), "á\u{301}");
    }

    #[test]
    fn cp1258_composes() {
        // "Việt" = V i ê + nặng (0xF2) t; "ư" = 0xFD.
        assert_eq!(decode_cp1258(b"Vi\xEA\xF2t n\xFD\xF5\xCCc"), "Việt nườc");
        assert_eq!(decode_cp1258(b"\xECa"), "\u{301}a");
    }

    #[test]
    fn viscii_c0_letters() {
        assert_eq!(decode_viscii(b"\x02 \x14 ok"), "Ẳ Ỷ ok");
    }
}
