//! The byte tables (bảng mã) behind the decoders, parsed once from `data/encodings/*.tsv`.
//!
//! Every table maps a byte to one Unicode scalar; ASCII bytes map to themselves and bytes a table
//! leaves undefined map to the C1 control of the same number (U+0080–U+009F) or, above 0x9F, to the
//! Latin-1 character, as WHATWG decoders do, so decoding never fails and detection can penalise them.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::error::Error;

/// A single-byte code page: byte → char.
pub(crate) struct ByteTable {
    pub(crate) chars: [char; 256],
    /// Whether the byte is a combining mark (Windows-1258 and VN1 tone bytes).
    pub(crate) is_mark: [bool; 256],
}

impl ByteTable {
    fn from_chars(chars: [char; 256]) -> ByteTable {
        let is_mark = std::array::from_fn(|i| is_combining_mark(chars[i]));
        ByteTable { chars, is_mark }
    }
}

fn table_error(table: &'static str, line: usize, message: impl Into<String>) -> Error {
    crate::data::error(table, line, message)
}

/// Data lines of a table: (1-based line number, columns), skipping `#` comments and blank lines.
fn data_lines(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.split('\t').collect()))
}

fn parse_code_point(s: &str) -> Option<char> {
    let hex = s.strip_prefix("U+")?;
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

/// Parses a `byte<TAB>U+XXXX<TAB>char` table into 256 chars (identity where not listed).
pub(crate) fn parse_byte_table(name: &'static str, src: &str) -> Result<[char; 256], Error> {
    let mut chars: [char; 256] = std::array::from_fn(|i| char::from(i as u8));
    let mut seen = [false; 256];
    for (line, cols) in data_lines(src) {
        if cols.len() < 2 {
            return Err(table_error(name, line, "expected byte<TAB>U+XXXX"));
        }
        let byte = u8::from_str_radix(cols[0], 16)
            .map_err(|_| table_error(name, line, format!("bad byte {:?}", cols[0])))?;
        let c = parse_code_point(cols[1])
            .ok_or_else(|| table_error(name, line, format!("bad code point {:?}", cols[1])))?;
        if std::mem::replace(&mut seen[byte as usize], true) {
            return Err(table_error(
                name,
                line,
                format!("byte {byte:02X} listed twice"),
            ));
        }
        chars[byte as usize] = c;
    }
    Ok(chars)
}

fn embedded(name: &'static str, src: &str) -> ByteTable {
    match parse_byte_table(name, src) {
        Ok(chars) => ByteTable::from_chars(chars),
        // The tables are embedded and checked by tests: this cannot happen with any input.
        Err(e) => panic!("embedded table is broken: {e}"),
    }
}

pub(crate) const TCVN3_TSV: &str = include_str!("../../data/encodings/tcvn3.tsv");
pub(crate) const VISCII_TSV: &str = include_str!("../../data/encodings/viscii.tsv");
pub(crate) const CP1258_TSV: &str = include_str!("../../data/encodings/cp1258.tsv");
pub(crate) const CP1252_TSV: &str = include_str!("../../data/encodings/cp1252.tsv");
pub(crate) const VNI_TSV: &str = include_str!("../../data/encodings/vni.tsv");

/// TCVN3 (ABC, VN3).
pub(crate) static TCVN3: LazyLock<ByteTable> =
    LazyLock::new(|| embedded("encodings/tcvn3.tsv", TCVN3_TSV));
/// VISCII.
pub(crate) static VISCII: LazyLock<ByteTable> =
    LazyLock::new(|| embedded("encodings/viscii.tsv", VISCII_TSV));
/// Windows-1258 (before NFC composition).
pub(crate) static CP1258: LazyLock<ByteTable> =
    LazyLock::new(|| embedded("encodings/cp1258.tsv", CP1258_TSV));
/// Windows-1252.
pub(crate) static CP1252: LazyLock<ByteTable> =
    LazyLock::new(|| embedded("encodings/cp1252.tsv", CP1252_TSV));

/// Windows-1252 backwards: the byte a char came from when UTF-8 was misread as Windows-1252 (or as
/// Latin-1, whose C1 controls stand for the bytes 0x80–0x9F).
pub(crate) fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0xA0 {
        return Some(u as u8);
    }
    if u <= 0xFF {
        return Some(u as u8);
    }
    CP1252_BACK
        .iter()
        .find(|&&(ch, _)| ch == c)
        .map(|&(_, b)| b)
}

/// The 27 non-Latin-1 characters of Windows-1252 at 0x80–0x9F.
static CP1252_BACK: LazyLock<Vec<(char, u8)>> = LazyLock::new(|| {
    (0x80..0xA0u16)
        .map(|b| (CP1252.chars[b as usize], b as u8))
        .filter(|&(c, b)| c as u32 != u32::from(b))
        .collect()
});

/// One row of `vni.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct VniRow {
    pub(crate) letter: char,
    pub(crate) bytes: Vec<u8>,
    pub(crate) main: bool,
}

pub(crate) fn parse_vni(src: &str) -> Result<Vec<VniRow>, Error> {
    const NAME: &str = "encodings/vni.tsv";
    let mut rows = Vec::new();
    for (line, cols) in data_lines(src) {
        if cols.len() < 5 {
            return Err(table_error(NAME, line, "expected 5 columns"));
        }
        let mut letters = cols[0].chars();
        let letter = match (letters.next(), letters.next()) {
            (Some(c), None) => c,
            _ => return Err(table_error(NAME, line, "first column must be one letter")),
        };
        if parse_code_point(cols[1]) != Some(letter) {
            return Err(table_error(
                NAME,
                line,
                "code point does not match the letter",
            ));
        }
        let hex = cols[2];
        if hex.is_empty() || hex.len() > 4 || hex.len() % 2 != 0 {
            return Err(table_error(
                NAME,
                line,
                "VNI bytes must be 1 or 2 hex bytes",
            ));
        }
        let bytes = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|_| table_error(NAME, line, format!("bad hex {hex:?}")))?;
        let main = match cols[4] {
            "main" => true,
            "alt" => false,
            other => return Err(table_error(NAME, line, format!("bad form {other:?}"))),
        };
        rows.push(VniRow {
            letter,
            bytes,
            main,
        });
    }
    Ok(rows)
}

/// The VNI-Windows decoder tables.
pub(crate) struct VniTables {
    /// A byte on its own: Windows-1252, except the one-byte VNI letters (ơ ư đ ì í ỉ ĩ ị ỵ …);
    /// mark bytes on their own become their combining marks (see `marks`).
    pub(crate) single: [char; 256],
    /// The combining marks a mark byte adds to the letter before it (empty: not a mark byte).
    pub(crate) marks: Vec<String>,
    /// `pairs[base][mark - 0xC0]`: the letter a base byte and a mark byte make, or `'\0'`.
    pub(crate) pairs: Vec<[char; 64]>,
    /// Index of a base byte in `pairs` (`u8::MAX`: the byte takes no marks).
    pub(crate) base_index: [u8; 256],
}

/// Composes a base char with combining marks into one char, if Unicode has it (NFC).
pub(crate) fn compose_marks(base: char, marks: &str) -> Option<char> {
    let mut it = std::iter::once(base).chain(marks.chars()).nfc();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

fn build_vni() -> Result<VniTables, Error> {
    const NAME: &str = "encodings/vni.tsv";
    let rows = parse_vni(VNI_TSV)?;
    let mut single_chars = CP1252.chars;
    for r in rows.iter().filter(|r| r.bytes.len() == 1) {
        single_chars[r.bytes[0] as usize] = r.letter;
    }
    let mut marks: Vec<String> = vec![String::new(); 256];
    for r in rows.iter().filter(|r| r.bytes.len() == 2) {
        let base = single_chars[r.bytes[0] as usize];
        let base_nfd: String = base.to_string().nfd().collect();
        let letter_nfd: String = r.letter.to_string().nfd().collect();
        let Some(rest) = letter_nfd.strip_prefix(base_nfd.as_str()) else {
            return Err(table_error(
                NAME,
                0,
                format!("{} does not start with {base}", r.letter),
            ));
        };
        if rest.is_empty() || !rest.chars().all(is_combining_mark) {
            return Err(table_error(
                NAME,
                0,
                format!("{}: no marks after {base}", r.letter),
            ));
        }
        let m = r.bytes[1] as usize;
        if !marks[m].is_empty() && marks[m] != rest {
            return Err(table_error(
                NAME,
                0,
                format!("mark byte {m:02X} is ambiguous"),
            ));
        }
        if m < 0xC0 {
            return Err(table_error(
                NAME,
                0,
                format!("mark byte {m:02X} below 0xC0"),
            ));
        }
        marks[m] = rest.to_string();
    }
    let mut base_index = [u8::MAX; 256];
    let mut pairs: Vec<[char; 64]> = Vec::new();
    for b in 0..256usize {
        let base = single_chars[b];
        if !marks[b].is_empty() {
            continue;
        }
        let mut row = ['\0'; 64];
        let mut any = false;
        for (m, slot) in row.iter_mut().enumerate() {
            let ms = marks[0xC0 + m].as_str();
            if ms.is_empty() {
                continue;
            }
            if let Some(c) = compose_marks(base, ms).filter(|&c| is_vietnamese_letter(c)) {
                *slot = c;
                any = true;
            }
        }
        if any {
            base_index[b] = pairs.len() as u8;
            pairs.push(row);
        }
    }
    let single = single_chars;
    Ok(VniTables {
        single,
        marks,
        pairs,
        base_index,
    })
}

/// VNI-Windows tables, derived from `vni.tsv` and `cp1252.tsv`.
pub(crate) static VNI: LazyLock<VniTables> = LazyLock::new(|| match build_vni() {
    Ok(t) => t,
    Err(e) => panic!("embedded table is broken: {e}"),
});

/// The 134 Vietnamese letters with diacritics, from `vni.tsv` (and đ/Đ), as a sorted list.
static LETTERS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut v: Vec<char> = match parse_vni(VNI_TSV) {
        Ok(rows) => rows.into_iter().map(|r| r.letter).collect(),
        Err(e) => panic!("embedded table is broken: {e}"),
    };
    v.sort_unstable();
    v.dedup();
    v
});

/// Whether `c` is a letter of the Vietnamese alphabet (chữ cái tiếng Việt), any case and tone:
/// ASCII letters (f j w z included, for names and loanwords) and the 134 letters with diacritics.
pub(crate) fn is_vietnamese_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c as u32 >= 0xC0 && LETTERS.binary_search(&c).is_ok())
}

/// Tone marks (dấu thanh) as combining characters, in the order huyền, sắc, hỏi, ngã, nặng.
pub(crate) const TONE_MARKS: [char; 5] =
    ['\u{0300}', '\u{0301}', '\u{0309}', '\u{0303}', '\u{0323}'];

/// Splits a letter into its toneless letter and tone (0 = ngang, 1..=5 per [`TONE_MARKS`]).
/// Anything that is not a toned Vietnamese letter comes back unchanged with tone 0.
pub(crate) fn split_tone(c: char) -> (char, u8) {
    if (c as u32) < 0xC0 {
        return (c, 0);
    }
    match TONED.binary_search_by_key(&c, |&(t, _, _)| t) {
        Ok(i) => (TONED[i].1, TONED[i].2),
        Err(_) => (c, 0),
    }
}

/// Every toned letter with its toneless letter and tone, sorted by the toned letter.
static TONED: LazyLock<Vec<(char, char, u8)>> = LazyLock::new(|| {
    let mut v = Vec::new();
    for &c in LETTERS.iter() {
        let nfd: String = std::iter::once(c).nfd().collect();
        let Some(t) = nfd
            .chars()
            .find_map(|d| TONE_MARKS.iter().position(|&m| m == d))
        else {
            continue;
        };
        let rest: String = nfd.chars().filter(|&d| d != TONE_MARKS[t]).collect();
        if let Some(base) = compose_marks(
            rest.chars().next().unwrap_or(c),
            &rest[rest.chars().next().map_or(0, char::len_utf8)..],
        ) {
            v.push((c, base, t as u8 + 1));
        }
    }
    v.sort_unstable();
    v
});

/// Char → bytes for one encoding, sorted by char.
type Reverse = Vec<(char, Vec<u8>)>;

fn reverse_of(table: &ByteTable) -> Reverse {
    let mut v: Reverse = (0..256usize)
        .filter(|&b| b >= 0x80 || table.chars[b] as u32 != b as u32)
        .map(|b| (table.chars[b], vec![b as u8]))
        .collect();
    v.sort_by_key(|(c, _)| *c); // stable: the lowest byte wins for a char listed twice
    v.dedup_by_key(|(c, _)| *c);
    v
}

static REV_TCVN3: LazyLock<Reverse> = LazyLock::new(|| reverse_of(&TCVN3));
static REV_VISCII: LazyLock<Reverse> = LazyLock::new(|| reverse_of(&VISCII));
static REV_CP1258: LazyLock<Reverse> = LazyLock::new(|| reverse_of(&CP1258));
static REV_VNI: LazyLock<Reverse> = LazyLock::new(|| {
    let rows = match parse_vni(VNI_TSV) {
        Ok(rows) => rows,
        Err(e) => panic!("embedded table is broken: {e}"),
    };
    let mut v: Reverse = rows
        .into_iter()
        .filter(|r| r.main)
        .map(|r| (r.letter, r.bytes))
        .collect();
    let taken: Vec<u8> = v
        .iter()
        .filter(|(_, b)| b.len() == 1)
        .map(|(_, b)| b[0])
        .collect();
    for b in 0x80..256usize {
        if VNI.marks[b].is_empty() && !taken.contains(&(b as u8)) {
            v.push((CP1252.chars[b], vec![b as u8]));
        }
    }
    v.sort_by_key(|(c, _)| *c);
    v.dedup_by_key(|(c, _)| *c);
    v
});

/// Encodes text in one of the four legacy 8-bit encodings (see [`super::encode`]).
pub(crate) fn encode_legacy(
    text: &str,
    encoding: super::Encoding,
) -> Result<Vec<u8>, super::EncodeError> {
    use super::Encoding;
    let (rev, identity_ascii): (&Reverse, bool) = match encoding {
        Encoding::Tcvn3 => (&REV_TCVN3, true),
        Encoding::Viscii => (&REV_VISCII, false),
        Encoding::Vni => (&REV_VNI, true),
        _ => (&REV_CP1258, true),
    };
    let lookup = |c: char| -> Option<&[u8]> {
        rev.binary_search_by_key(&c, |(k, _)| *k)
            .ok()
            .map(|i| rev[i].1.as_slice())
    };
    let split_tones = matches!(encoding, Encoding::Tcvn3 | Encoding::Windows1258);
    let mut out = Vec::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        if c.is_ascii() && (identity_ascii || VISCII.chars[c as usize] == c) {
            out.push(c as u8);
        } else if let Some(b) = lookup(c) {
            out.extend_from_slice(b);
        } else {
            // A toned letter the code page lacks: its toneless letter, then a combining tone byte.
            let (base, tone) = split_tone(c);
            let base_bytes = if base.is_ascii() {
                Some(vec![base as u8])
            } else {
                lookup(base).map(<[u8]>::to_vec)
            };
            let tone_bytes = (split_tones && tone > 0)
                .then(|| lookup(TONE_MARKS[tone as usize - 1]))
                .flatten();
            match (base_bytes, tone_bytes) {
                (Some(b), Some(t)) => {
                    out.extend_from_slice(&b);
                    out.extend_from_slice(t);
                }
                _ => return Err(super::EncodeError { ch: c, offset }),
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn tables_parse() {
        for (name, src) in [
            ("tcvn3", TCVN3_TSV),
            ("viscii", VISCII_TSV),
            ("cp1258", CP1258_TSV),
            ("cp1252", CP1252_TSV),
        ] {
            let t = parse_byte_table("t", src).unwrap_or_else(|e| panic!("{name}: {e}"));
            for b in 0..0x80u8 {
                if !(name == "viscii" && matches!(b, 0x02 | 0x05 | 0x06 | 0x14 | 0x19 | 0x1E)) {
                    assert_eq!(t[b as usize], char::from(b), "{name} {b:02X}");
                }
            }
        }
        assert_eq!(parse_vni(VNI_TSV).unwrap().len(), 134 + 6);
    }

    #[test]
    fn known_bytes() {
        // REFERENCE.md Appendix B and §6.5.
        assert_eq!(TCVN3.chars[0xAD], 'ư');
        assert_eq!(TCVN3.chars[0xAE], 'đ');
        assert_eq!(TCVN3.chars[0xA7], 'Đ');
        assert_eq!(TCVN3.chars[0xB8], 'á');
        assert_eq!(TCVN3.chars[0x93], '\u{201C}');
        assert_eq!(VISCII.chars[0x02], 'Ẳ');
        assert_eq!(VISCII.chars[0xDF], 'ư');
        assert_eq!(CP1258.chars[0xEC], '\u{0301}');
        assert_eq!(CP1258.chars[0xFD], 'ư');
        assert_eq!(CP1252.chars[0x80], '€');
        assert_eq!(CP1252.chars[0x81], '\u{81}');
        assert_eq!(cp1252_byte('‰'), Some(0x89));
        assert_eq!(cp1252_byte('ư'), None);
    }

    #[test]
    fn bad_tables_name_the_line() {
        let e = parse_byte_table("x", "# h\nZZ\tU+0041\n").unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Table { line: 2, .. }));
        assert!(parse_byte_table("x", "41\tU+0041\n41\tU+0042\n").is_err());
        assert!(parse_vni("a\tU+0061\t61\ta\tmaybe\n").is_err());
    }

    #[test]
    fn vni_tables() {
        let v = &*VNI;
        assert_eq!(v.marks[0xF9], "\u{0301}");
        assert_eq!(v.marks[0xE1], "\u{0302}\u{0301}");
        assert_eq!(v.marks[0xEA], "\u{0306}");
        let a = v.base_index[b'a' as usize] as usize;
        assert_eq!(v.pairs[a][0xE1 - 0xC0], 'ấ');
        let i = v.base_index[b'i' as usize] as usize;
        assert_eq!(v.pairs[i][0xF8 - 0xC0], 'ì');
        let y = v.base_index[b'y' as usize] as usize;
        assert_eq!(v.pairs[y][0xEF - 0xC0], 'ỵ');
        let o = v.base_index[0xF4] as usize;
        assert_eq!(v.pairs[o][0xF9 - 0xC0], 'ớ');
        assert_eq!(v.base_index[b'b' as usize], u8::MAX);
    }

    #[test]
    fn letters_and_tones() {
        assert!(is_vietnamese_letter('ệ'));
        assert!(is_vietnamese_letter('Đ'));
        assert!(!is_vietnamese_letter('ñ'));
        assert!(!is_vietnamese_letter('µ'));
        assert_eq!(split_tone('ệ'), ('ê', 5));
        assert_eq!(split_tone('Ứ'), ('Ư', 2));
        assert_eq!(split_tone('ơ'), ('ơ', 0));
        assert_eq!(LETTERS.len(), 134);
    }
}
