//! Vietnamese letters (chữ cái): the 12 vowels × 6 tones × 2 cases and đ/Đ, as compile-time
//! tables, so that splitting a precomposed letter into base vowel + tone costs one array index.

use super::Tone;

/// The 12 vowel letters (nguyên âm) without tone: a ă â e ê i o ô ơ u ư y.
pub(crate) const VOWEL_BASES: [char; 12] =
    ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/// Lowercase vowels by [vowel][tone]; tone order: ngang, huyền, sắc, hỏi, ngã, nặng.
const LOWER: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// Uppercase vowels by [vowel][tone].
const UPPER: [[char; 6]; 12] = [
    ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
];

/// Code of đ in the tables.
pub(crate) const CODE_DD: u8 = 200;
/// Code of Đ in the tables.
pub(crate) const CODE_DD_UPPER: u8 = 201;

const T0_START: u32 = 0; // ASCII + Latin-1 + Latin Extended-A/B up to U+01B0
const T0_LEN: usize = 0x1B1;
const T1_START: u32 = 0x1EA0; // Latin Extended Additional: Vietnamese block
const T1_LEN: usize = 0x5A;

/// Letter code: 0 = not a Vietnamese vowel or đ; 1..=144 = 1 + (vowel*6 + tone)*2 + upper;
/// 200/201 = đ/Đ.
const fn build() -> ([u8; T0_LEN], [u8; T1_LEN]) {
    let mut t0 = [0u8; T0_LEN];
    let mut t1 = [0u8; T1_LEN];
    let mut v = 0;
    while v < 12 {
        let mut t = 0;
        while t < 6 {
            let mut u = 0;
            while u < 2 {
                let c = if u == 0 { LOWER[v][t] } else { UPPER[v][t] } as u32;
                let code = (1 + (v * 6 + t) * 2 + u) as u8;
                if c >= T1_START && c < T1_START + T1_LEN as u32 {
                    t1[(c - T1_START) as usize] = code;
                } else if c < T0_LEN as u32 {
                    t0[(c - T0_START) as usize] = code;
                }
                u += 1;
            }
            t += 1;
        }
        v += 1;
    }
    t0[0x111] = CODE_DD;
    t0[0x110] = CODE_DD_UPPER;
    (t0, t1)
}

static TABLES: ([u8; T0_LEN], [u8; T1_LEN]) = build();

/// The table code of `c` (see [`build`]); 0 when `c` is not a Vietnamese vowel letter or đ/Đ.
#[inline]
pub(crate) fn code(c: char) -> u8 {
    code_u32(c as u32)
}

/// Whether a table code is a vowel with a tone mark.
#[inline]
pub(crate) fn code_is_toned(code: u8) -> bool {
    code != 0 && code <= 144 && !((code - 1) >> 1).is_multiple_of(6)
}

/// The vowel index (see [`VOWEL_BASES`]) of a vowel table code.
#[inline]
pub(crate) fn code_vowel(code: u8) -> u8 {
    (code.wrapping_sub(1) >> 1) / 6
}

/// Whether a table code is a vowel.
#[inline]
pub(crate) fn code_is_vowel(code: u8) -> bool {
    code != 0 && code <= 144
}

/// [`code`] of a code point.
#[inline]
pub(crate) fn code_u32(u: u32) -> u8 {
    if u < T0_LEN as u32 {
        TABLES.0[u as usize]
    } else if (T1_START..T1_START + T1_LEN as u32).contains(&u) {
        TABLES.1[(u - T1_START) as usize]
    } else {
        0
    }
}

/// A decoded vowel letter: vowel index (0..12, see [`VOWEL_BASES`]), tone, uppercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct VowelLetter {
    pub vowel: u8,
    pub tone: Tone,
    pub upper: bool,
}

/// Decodes a table code into a vowel letter.
#[inline]
pub(crate) fn vowel_of_code(code: u8) -> Option<VowelLetter> {
    if code == 0 || code > 144 {
        return None;
    }
    let k = code - 1;
    let upper = k & 1 == 1;
    let vt = k >> 1;
    Some(VowelLetter {
        vowel: vt / 6,
        tone: Tone::from_index((vt % 6) as usize),
        upper,
    })
}

/// Decodes `c` as a vowel letter.
#[inline]
pub(crate) fn vowel(c: char) -> Option<VowelLetter> {
    vowel_of_code(code(c))
}

/// Composes a vowel letter.
#[inline]
pub(crate) fn compose(vowel: u8, tone: Tone, upper: bool) -> char {
    let row = if upper { &UPPER } else { &LOWER };
    row[vowel as usize][tone as usize]
}

/// The tone carried by a Vietnamese vowel letter (`ngang` for other characters).
///
/// ```
/// use vntext::syllable::{Tone, tone_of};
/// assert_eq!(tone_of('ệ'), Tone::Nang);
/// assert_eq!(tone_of('Ở'), Tone::Hoi);
/// assert_eq!(tone_of('b'), Tone::Ngang);
/// ```
pub fn tone_of(c: char) -> Tone {
    vowel(c).map_or(Tone::Ngang, |v| v.tone)
}

/// `c` with its tone mark removed (`ệ` → `ê`, `Ở` → `Ơ`); other characters unchanged.
///
/// ```
/// assert_eq!(vntext::syllable::strip_tone_char('ệ'), 'ê');
/// assert_eq!(vntext::syllable::strip_tone_char('Ả'), 'A');
/// assert_eq!(vntext::syllable::strip_tone_char('đ'), 'đ');
/// ```
pub fn strip_tone_char(c: char) -> char {
    match vowel(c) {
        Some(v) if v.tone != Tone::Ngang => compose(v.vowel, Tone::Ngang, v.upper),
        _ => c,
    }
}

/// `c` with tone `tone` (`ê` + nặng → `ệ`); `None` when `c` is not a Vietnamese vowel letter.
///
/// ```
/// use vntext::syllable::{Tone, set_tone_char};
/// assert_eq!(set_tone_char('ê', Tone::Nang), Some('ệ'));
/// assert_eq!(set_tone_char('Á', Tone::Ngang), Some('A'));
/// assert_eq!(set_tone_char('b', Tone::Sac), None);
/// ```
pub fn set_tone_char(c: char, tone: Tone) -> Option<char> {
    vowel(c).map(|v| compose(v.vowel, tone, v.upper))
}

/// `c` folded to its base Latin letter for search (`ệ` → `e`, `Ư` → `U`, `đ` → `d`, `Đ` → `D`);
/// `None` when `c` is not a Vietnamese letter with diacritics.
#[inline]
pub(crate) fn fold_char(c: char) -> Option<char> {
    let k = code(c);
    match k {
        0 => None,
        CODE_DD => Some('d'),
        CODE_DD_UPPER => Some('D'),
        _ => {
            let v = vowel_of_code(k)?;
            let base = [
                b'a', b'a', b'a', b'e', b'e', b'i', b'o', b'o', b'o', b'u', b'u', b'y',
            ][v.vowel as usize] as char;
            let out = if v.upper {
                base.to_ascii_uppercase()
            } else {
                base
            };
            (out != c).then_some(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_round_trips() {
        for v in 0..12u8 {
            for t in 0..6 {
                for upper in [false, true] {
                    let c = compose(v, Tone::from_index(t), upper);
                    let d = vowel(c).unwrap();
                    assert_eq!((d.vowel, d.tone as usize, d.upper), (v, t, upper), "{c}");
                }
            }
        }
        assert_eq!(code('đ'), CODE_DD);
        assert_eq!(code('Đ'), CODE_DD_UPPER);
        assert_eq!(code('Ð'), 0, "eth is a look-alike, not Đ");
        assert_eq!(code('b'), 0);
        assert_eq!(code('中'), 0);
    }

    #[test]
    fn folding() {
        assert_eq!(fold_char('ặ'), Some('a'));
        assert_eq!(fold_char('Ữ'), Some('U'));
        assert_eq!(fold_char('a'), None);
        assert_eq!(fold_char('x'), None);
    }
}
