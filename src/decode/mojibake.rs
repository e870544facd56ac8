//! UTF-8 that was read as Windows-1252 (or Latin-1) and saved again as UTF-8: "Viá»‡t" for "Việt".

use super::tables::{cp1252_byte, is_vietnamese_letter};

/// Cheap prefilter over valid UTF-8: the text holds `Ã Ä Å Æ` (UTF-8 lead bytes C3–C6 of Vietnamese
/// letters seen through Windows-1252) or `áº`/`á»` (lead bytes E1 BA/BB of U+1EA0–U+1EF9).
/// A single byte scan; clean text pays nothing more. Returns the byte offset of the first one
/// at or after `from`.
fn next_telltale(s: &str, from: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = from;
    while let Some(p) = b.get(i..)?.iter().position(|&x| x == 0xC3) {
        let j = i + p;
        match b.get(j + 1) {
            Some(0x83..=0x86) => return Some(j),
            Some(0xA1)
                if b.get(j + 2) == Some(&0xC2) && matches!(b.get(j + 3), Some(0xBA | 0xBB)) =>
            {
                return Some(j);
            }
            _ => {}
        }
        i = j + 1;
    }
    None
}

#[cfg(test)]
fn has_telltale(s: &str) -> bool {
    next_telltale(s, 0).is_some()
}

/// The byte offset of the first mark of mojibake that a repair would change (`Ã` in `XÃ HỘI` is a
/// Vietnamese letter and is skipped), if any.
pub(crate) fn first_damage(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(j) = next_telltale(s, from) {
        let mut end = (j + 12).min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        if repair(&s[j..end]).1 > 0 {
            return Some(j);
        }
        from = j + 1;
    }
    None
}

fn is_continuation(c: char) -> bool {
    cp1252_byte(c).is_some_and(|b| (0x80..0xC0).contains(&b))
}

/// Whether a char recovered from a byte sequence is one a Vietnamese text would hold.
fn plausible(c: char) -> bool {
    is_vietnamese_letter(c)
        || matches!(c, '\u{A0}'..='\u{24F}' | '\u{300}'..='\u{36F}' | '\u{2000}'..='\u{206F}' | '€')
}

/// Undoes the double encoding wherever a run of characters maps back (through Windows-1252) to the
/// UTF-8 bytes of a plausible character; everything else is kept as is, so partly damaged text is
/// repaired too. Returns the repaired text and how many characters were recovered (0: unchanged).
///
/// `Ä` followed by no continuation character is `Đ` whose second byte (0x90, undefined in
/// Windows-1252) was dropped on the way.
pub(crate) fn repair(s: &str) -> (String, usize) {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut fixed = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(b0 @ 0xC2..=0xF4) = cp1252_byte(c) {
            let need = match b0 {
                0xC2..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let mut buf = [b0, 0, 0, 0];
            let mut ok = i + need <= chars.len();
            for k in 1..need {
                if !ok {
                    break;
                }
                match cp1252_byte(chars[i + k]) {
                    Some(bk @ 0x80..=0xBF) => buf[k] = bk,
                    _ => ok = false,
                }
            }
            if ok
                && let Some(d) = std::str::from_utf8(&buf[..need])
                    .ok()
                    .and_then(|t| t.chars().next())
                    .filter(|&d| plausible(d))
            {
                out.push(d);
                fixed += 1;
                i += need;
                continue;
            }
            if c == 'á' && chars.get(i + 1) == Some(&'»') {
                let lost = chars.get(i + 2).copied();
                if !lost.is_some_and(is_continuation) {
                    let prev = out.chars().next_back();
                    let next =
                        chars.get(i + 2 + usize::from(matches!(lost, Some('\u{FFFD}' | '?'))));
                    out.push(guess_lost_letter(prev, next.copied()));
                    fixed += 1;
                    i += 2 + usize::from(matches!(lost, Some('\u{FFFD}' | '?')));
                    continue;
                }
            }
            if c == 'Ä' && !chars.get(i + 1).is_some_and(|&n| is_continuation(n)) {
                out.push('Đ');
                fixed += 1;
                i += 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, fixed)
}

/// `á»` whose third byte was one of 0x81 0x8D 0x8F 0x90 0x9D (undefined in Windows-1252) and got
/// lost: ề ọ ỏ Ố ờ. Guessed from the neighbours: after ư it is ờ (người, trường); after i y u it is ề
/// (điều, nhiều, quyền); before c n it is ọ (học, chọn, trọng); otherwise ề (về, đề).
fn guess_lost_letter(prev: Option<char>, next: Option<char>) -> char {
    let upper = prev.is_some_and(char::is_uppercase) && next.is_none_or(|n| !n.is_lowercase());
    let c = match (prev.map(|p| p.to_lowercase().next().unwrap_or(p)), next) {
        (Some('ư'), _) => 'ờ',
        (Some('i' | 'y' | 'u'), _) => 'ề',
        (_, Some('c' | 'n' | 'C' | 'N')) => 'ọ',
        (_, Some('i' | 'I')) => 'ờ',
        _ => 'ề',
    };
    if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// Writes text the way the damage happens: UTF-8 bytes read as Windows-1252 (bytes that
/// Windows-1252 leaves undefined become the C1 control of the same number, as in browsers).
pub(crate) fn damage(s: &str) -> String {
    s.bytes()
        .map(|b| super::tables::CP1252.chars[b as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telltales() {
        assert!(has_telltale("Viá»‡t Nam"));
        assert!(has_telltale("Ä‘Æ°á»£c"));
        assert!(has_telltale("nhÃ¢n dÃ¢n"));
        assert!(!has_telltale("Việt Nam, nhân dân, được, Điện Biên"));
        // Ã is a Vietnamese capital: the prefilter fires, the repair then finds nothing to do.
        assert!(has_telltale("ĐÃ"));
        assert!(!has_telltale(""));
        assert_eq!(first_damage("XÃ HỘI, Viá»‡t"), Some(13));
        assert_eq!(first_damage("XÃ HỘI"), None);
    }

    #[test]
    fn repairs() {
        assert_eq!(repair("Viá»‡t Nam").0, "Việt Nam");
        assert_eq!(repair("Ä‘Æ°á»£c nhÃ¢n dÃ¢n").0, "được nhân dân");
        assert_eq!(repair("á»¦y ban").0, "Ủy ban");
        // Partly damaged: the clean part stays.
        assert_eq!(repair("Việt Nam và Ä‘Æ°á»£c").0, "Việt Nam và được");
        // Đ with its 0x90 byte lost.
        assert_eq!(repair("Äiá»u").0, "Điều");
        assert_eq!(repair("ngÆ°á»\u{FFFD}i há»c").0, "người học");
        assert_eq!(repair("ĐÃ XONG"), ("ĐÃ XONG".to_string(), 0));
        for s in [
            "Người dân tộc thiểu số",
            "Ủy ban nhân dân tỉnh Điện Biên",
            "ề ọ ỏ Ố ờ",
        ] {
            assert_eq!(repair(&damage(s)).0, s);
        }
    }
}
