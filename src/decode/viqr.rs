//! VIQR (RFC 1456), the 7-bit convention: marks typed after the vowel ("Vie^.t Nam").

use std::borrow::Cow;

use super::tables::{TONE_MARKS, compose_marks, split_tone};

/// Tone characters of VIQR, in the order of [`TONE_MARKS`]: huyền, sắc, hỏi, ngã, nặng.
const TONE_KEYS: [char; 5] = ['`', '\'', '?', '~', '.'];

fn is_viqr_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn is_mark_key(c: char) -> bool {
    matches!(c, '^' | '(' | '+') || TONE_KEYS.contains(&c)
}

/// Converts VIQR text to Unicode (NFC): `Vie^.t Nam` → `Việt Nam`, `ngu+o+\`i` → `người`,
/// `DDa?ng` → `Đảng`. Marks follow the vowel they belong to: `^` circumflex (â ê ô), `(` breve
/// (ă), `+` horn (ơ ư), then a tone: `` ` `` huyền, `'` sắc, `?` hỏi, `~` ngã, `.` nặng; `dd`/`DD`
/// at the start of a word is đ/Đ; a backslash makes the next character literal (`Ha\.`).
///
/// As RFC 1456 wants, a `.` after a vowel is the nặng tone unless escaped (`\.`); as a courtesy to
/// unescaped text, one at the end of a line or of the text is kept as a period. `DD` is Đ anywhere
/// (`QDD` → `QĐ`), `dd`/`Dd` only at the start of a word. Text with nothing to convert is returned
/// borrowed.
///
/// ```
/// use vntext::decode::viqr_to_unicode;
/// assert_eq!(viqr_to_unicode("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam"),
///            "Cộng hòa xã hội chủ nghĩa Việt Nam");
/// assert_eq!(viqr_to_unicode("Ho^m nay la` thu+' ba."), "Hôm nay là thứ ba.");
/// assert_eq!(viqr_to_unicode("plain text"), "plain text");
/// ```
pub fn viqr_to_unicode(text: &str) -> Cow<'_, str> {
    let convertible = text.as_bytes().windows(2).any(|w| {
        let (a, b) = (char::from(w[0]), char::from(w[1]));
        (is_viqr_vowel(a) && is_mark_key(b)) || a == '\\' || matches!(w, b"dd" | b"DD" | b"Dd")
    });
    if !convertible {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_letter = i > 0 && chars[i - 1].is_alphanumeric();
        if c == '\\'
            && chars
                .get(i + 1)
                .is_some_and(|&n| is_mark_key(n) || n == '\\' || n == 'd' || n == 'D')
        {
            out.push(chars[i + 1]);
            i += 2;
            continue;
        }
        let next = chars.get(i + 1).copied();
        let dd = match (c, next) {
            ('D', Some('D')) => true, // also inside abbreviations: QDD → QĐ, HDDND → HĐND
            ('d' | 'D', Some('d' | 'D')) => !prev_letter,
            _ => false,
        };
        if dd {
            out.push(if c == 'D' { 'Đ' } else { 'đ' });
            i += 2;
            continue;
        }
        if !is_viqr_vowel(c) {
            out.push(c);
            i += 1;
            continue;
        }
        let mut letter = c;
        let mut tone = 0;
        i += 1;
        while let Some(&m) = chars.get(i) {
            if let Some(t) = TONE_KEYS.iter().position(|&k| k == m) {
                if tone != 0 || (m == '.' && ends_sentence(&chars, i + 1)) {
                    break;
                }
                tone = t + 1;
            } else {
                let shaped = match (m, letter.to_ascii_lowercase()) {
                    ('^', 'a' | 'e' | 'o') => compose_marks(letter, "\u{0302}"),
                    ('(', 'a') => compose_marks(letter, "\u{0306}"),
                    ('+', 'o' | 'u') => compose_marks(letter, "\u{031B}"),
                    _ => None,
                };
                match shaped {
                    Some(s) if tone == 0 => letter = s,
                    _ => break,
                }
            }
            i += 1;
        }
        if tone > 0 {
            let mark = TONE_MARKS[tone - 1].to_string();
            letter = compose_marks(letter, &mark).unwrap_or(letter);
        }
        out.push(letter);
    }
    Cow::Owned(out)
}

/// Whether position `j` (just after a `.`) ends a line or the text, spaces aside.
fn ends_sentence(chars: &[char], j: usize) -> bool {
    chars[j.min(chars.len())..]
        .iter()
        .find(|c| !matches!(c, ' ' | '\t'))
        .is_none_or(|c| matches!(c, '\n' | '\r'))
}

/// Writes Unicode text as VIQR, escaping literal mark characters after vowels with a backslash.
pub(crate) fn unicode_to_viqr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut after_vowel = false;
    for c in text.chars() {
        if after_vowel && is_mark_key(c) {
            out.push('\\');
        }
        after_vowel = false;
        let (base, tone) = split_tone(c);
        let (plain, shape) = match base {
            'ă' => ('a', "("),
            'Ă' => ('A', "("),
            'â' => ('a', "^"),
            'Â' => ('A', "^"),
            'ê' => ('e', "^"),
            'Ê' => ('E', "^"),
            'ô' => ('o', "^"),
            'Ô' => ('O', "^"),
            'ơ' => ('o', "+"),
            'Ơ' => ('O', "+"),
            'ư' => ('u', "+"),
            'Ư' => ('U', "+"),
            'đ' => {
                out.push_str("dd");
                continue;
            }
            'Đ' => {
                out.push_str("DD");
                continue;
            }
            other => (other, ""),
        };
        out.push(plain);
        out.push_str(shape);
        if tone > 0 {
            out.push(TONE_KEYS[tone as usize - 1]);
        }
        after_vowel = is_viqr_vowel(plain);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viqr_samples() {
        // legacy_samples.tsv, VIQR column.
        assert_eq!(viqr_to_unicode("U?y ban nha^n da^n"), "Ủy ban nhân dân");
        assert_eq!(
            viqr_to_unicode("DDa?ng Co^.ng sa?n Vie^.t Nam"),
            "Đảng Cộng sản Việt Nam"
        );
        assert_eq!(viqr_to_unicode("Nghi. quye^'t"), "Nghị quyết");
        assert_eq!(
            viqr_to_unicode("ngu+o+`i da^n to^.c thie^?u so^'"),
            "người dân tộc thiểu số"
        );
        assert_eq!(
            viqr_to_unicode("Thu? tu+o+'ng Chi'nh phu?"),
            "Thủ tướng Chính phủ"
        );
        assert_eq!(
            viqr_to_unicode("Ba\\. Ba\\. Ba.\nCo^ ho. ddi"),
            "Ba. Ba. Ba.\nCô họ đi"
        );
        assert_eq!(viqr_to_unicode("add"), "add");
    }

    #[test]
    fn round_trip() {
        for s in [
            "Cộng hòa xã hội chủ nghĩa Việt Nam.",
            "Họ đi học. ai? Ừ, được!",
            "Khuỷu tay ĐẢNG",
        ] {
            assert_eq!(
                viqr_to_unicode(&unicode_to_viqr(s)),
                s,
                "{}",
                unicode_to_viqr(s)
            );
        }
    }
}
