//! Character classes used by the scanner (lớp ký tự). Pure functions on `char`/bytes, no tables
//! built at run time, ASCII answered first.

/// [`BYTE_CLASS`] of the ASCII whitespace bytes (space, `\t`, `\n`, `\v`, `\f`, `\r`).
pub(crate) const ASCII_GAP: u8 = 1;
/// [`BYTE_CLASS`] of the ASCII letters.
pub(crate) const ASCII_LETTER: u8 = 2;

/// The class of each byte for the scanner's hottest tests (one load instead of range
/// compares): [`ASCII_GAP`], [`ASCII_LETTER`], or 0 for every other byte.
pub(crate) static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() {
            ASCII_LETTER
        } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            ASCII_GAP
        } else {
            0
        };
        c += 1;
    }
    t
};

/// Decodes the char starting at byte `i` (which must be a char boundary; returns `None` past the
/// end or off a boundary, never panics).
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Whether `c` separates tokens: Unicode `White_Space`, plus the invisible separators that scraped
/// pages put between words (zero-width space U+200B, word joiner U+2060, BOM U+FEFF).
#[inline]
pub(crate) fn is_gap(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Combining marks that decomposed (NFD, tổ hợp) Vietnamese text carries after a base letter.
#[inline]
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Soft hyphen (U+00AD), invisible, found inside words of documents exported from Word.
pub(crate) const SOFT_HYPHEN: char = '\u{AD}';

/// Latin letters outside ASCII (Latin-1 Supplement, Latin Extended-A/B, Latin Extended
/// Additional): where every Vietnamese letter with a diacritic lives.
#[inline]
pub(crate) fn is_latin_extended(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Whether `c` is a letter of the Latin script (ASCII or extended).
#[inline]
pub(crate) fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (is_latin_extended(c) && c.is_alphabetic())
}

/// Emoji that start an emoji token (pictographs, dingbats, regional indicators, keycaps…).
#[inline]
pub(crate) fn is_emoji_base(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B50}' | '\u{2B55}' | '\u{2B1B}' | '\u{2B1C}'
        | '\u{231A}' | '\u{231B}' | '\u{23E9}'..='\u{23FA}'
        | '\u{2934}' | '\u{2935}' | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}')
}

/// Chars that extend an emoji: variation selectors, skin tones, keycap, tags, and ZWJ.
#[inline]
pub(crate) fn is_emoji_extender(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}' | '\u{E0020}'..='\u{E007F}')
}

/// Currency signs (ký hiệu tiền tệ): `$ ¢ £ ¤ ¥ ₫ €` and the whole Currency Symbols block.
#[inline]
pub(crate) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '\u{A2}'..='\u{A5}' | '\u{20A0}'..='\u{20CF}')
}

/// ASCII punctuation (dấu câu); the other ASCII non-alphanumerics are symbols.
#[inline]
pub(crate) fn is_ascii_punct(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'"'
            | b'\''
            | b'('
            | b')'
            | b','
            | b'-'
            | b'.'
            | b'/'
            | b':'
            | b';'
            | b'?'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'\\'
            | b'_'
            | b'`'
            | b'*'
    )
}

/// Non-ASCII punctuation: quotes, dashes, bullets, ellipsis, guillemets, CJK and full-width
/// punctuation (Unicode general categories P*, approximated by blocks).
#[inline]
pub(crate) fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{A1}' | '\u{A7}' | '\u{AB}' | '\u{B6}' | '\u{B7}' | '\u{BB}' | '\u{BF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2032}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E7F}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}' | '\u{FF0C}'..='\u{FF0F}'
        | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}' | '\u{FF3B}'..='\u{FF3D}'
        | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}')
}

/// Bullets that open a list item (gạch đầu dòng) and so start a sentence.
#[inline]
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '❖'
            | '‣'
            | '⁃'
    )
}

/// `char::is_alphabetic`, answered without a table lookup for the Latin blocks that hold every
/// Vietnamese letter (the general lookup is the scanner's hottest call otherwise).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{C0}'..='\u{24F}' => c != '\u{D7}' && c != '\u{F7}',
        '\u{1E00}'..='\u{1EFF}' => true,
        _ if (c as u32) < 0x80 => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric`, without the Unicode tables for the Vietnamese letters.
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_numeric()
    }
}

/// `char::is_uppercase`, answered by parity for the Vietnamese letters (Latin-1, Ă Đ Ĩ Ũ Ơ Ư,
/// Latin Extended Additional), falling back to the general lookup elsewhere.
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    let u = c as u32;
    match u {
        0x41..=0x5A => true,
        0x61..=0x7A => false,
        0xC0..=0xDE => u != 0xD7,
        0xDF..=0xFF => false,
        0x100..=0x12F | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => u.is_multiple_of(2),
        0x1A0 | 0x1AF => true,
        0x1A1 | 0x1B0 => false,
        _ => c.is_uppercase(),
    }
}

/// `char::is_lowercase`, answered by parity for the Vietnamese letters (Latin-1, ă đ ĩ ũ ơ ư,
/// Latin Extended Additional), falling back to the general lookup elsewhere.
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    let u = c as u32;
    match u {
        0x61..=0x7A => true,
        0x41..=0x5A => false,
        0xDF..=0xFF => u != 0xF7,
        0xC0..=0xDE => false,
        0x100..=0x12F | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => !u.is_multiple_of(2),
        0x1A1 | 0x1B0 => true,
        0x1A0 | 0x1AF => false,
        _ => c.is_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_letter_and_case_agree_with_std() {
        for u in 0..0x2_0000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_letter(c), c.is_alphabetic(), "{u:X}");
                assert_eq!(is_alnum(c), c.is_alphanumeric(), "{u:X}");
                assert_eq!(is_upper(c), c.is_uppercase(), "{u:X}");
                assert_eq!(is_lower(c), c.is_lowercase(), "{u:X}");
            }
        }
    }

    #[test]
    fn byte_classes() {
        for b in 0..=255u8 {
            let want = if b.is_ascii_alphabetic() {
                ASCII_LETTER
            } else if b < 0x80 && is_gap(b as char) {
                ASCII_GAP
            } else {
                0
            };
            assert_eq!(BYTE_CLASS[b as usize], want, "{b:#x}");
        }
    }

    #[test]
    fn classes() {
        assert!(is_gap('\u{A0}') && is_gap('\u{200B}') && !is_gap('a'));
        assert!(is_combining('\u{301}') && !is_combining('a'));
        assert!(is_latin_letter('ệ') && is_latin_letter('Ð') && !is_latin_letter('Ж'));
        assert!(is_emoji_base('😀') && is_emoji_extender('\u{FE0F}'));
        assert!(is_currency('₫') && is_currency('$') && !is_currency('%'));
        assert!(is_unicode_punct('…') && is_unicode_punct('“') && !is_unicode_punct('₫'));
        assert!(is_bullet('•') && !is_bullet('-'));
        assert_eq!(char_at("aệ", 1), Some('ệ'));
        assert_eq!(char_at("aệ", 2), None);
    }
}
