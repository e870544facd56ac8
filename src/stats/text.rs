//! Small case-insensitive matching helpers over byte offsets (always on char boundaries).

/// Lower case of one char (Vietnamese letters keep their UTF-8 length).
#[inline]
pub(crate) fn lc(c: char) -> char {
    let u = c as u32;
    match u {
        0..=0x7F => c.to_ascii_lowercase(),
        // Vietnamese letters: Latin Extended Additional and Latin Extended-A come in
        // (upper, lower) pairs at (even, odd) code points
        0x1EA0..=0x1EF9 | 0x0100..=0x0137 if u.is_multiple_of(2) => {
            char::from_u32(u + 1).unwrap_or(c)
        }
        0x1EA0..=0x1EF9 | 0x0100..=0x0137 => c,
        0x00C0..=0x00DE if u != 0xD7 => char::from_u32(u + 32).unwrap_or(c),
        0x00DF..=0x00FF => c,
        0x01A0 => 'ơ',
        0x01AF => 'ư',
        0x01A1 | 0x01B0 => c,
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric() || c == '\'',
        0x00C0..=0x024F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric() || c == '’',
    }
}

/// Fast `char::is_alphabetic` for Vietnamese text (Latin ranges first).
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x00C0..=0x024F => c != '×' && c != '÷',
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// Spaces and tabs (not line breaks) starting at `i`.
pub(crate) fn skip_ws(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    loop {
        if i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        } else if t.get(i..).is_some_and(|r| r.starts_with('\u{a0}')) {
            i += 2;
        } else {
            return i;
        }
    }
}

/// Spaces and tabs (not line breaks) ending at `i`.
pub(crate) fn skip_ws_back(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    loop {
        if i > 0 && (b[i - 1] == b' ' || b[i - 1] == b'\t') {
            i -= 1;
        } else if i >= 2 && t.get(..i).is_some_and(|r| r.ends_with('\u{a0}')) {
            i -= 2;
        } else {
            return i;
        }
    }
}

/// Matches the lower-case phrase `w` at `i`, case-insensitively; a space in `w` matches one or
/// more spaces in the text. Returns the end offset. No boundary check.
pub(crate) fn match_ci(t: &str, i: usize, w: &str) -> Option<usize> {
    let rest = t.get(i..)?;
    let mut it = rest.char_indices().peekable();
    for wc in w.chars() {
        let (_, c) = it.next()?;
        if wc == ' ' {
            if c != ' ' && c != '\u{a0}' && c != '\t' {
                return None;
            }
            while let Some(&(_, c2)) = it.peek() {
                if c2 == ' ' || c2 == '\u{a0}' || c2 == '\t' {
                    it.next();
                } else {
                    break;
                }
            }
        } else if lc(c) != wc {
            return None;
        }
    }
    Some(match it.peek() {
        Some(&(k, _)) => i + k,
        None => t.len(),
    })
}

/// True when no word character follows `j`.
pub(crate) fn boundary_after(t: &str, j: usize) -> bool {
    t.get(j..)
        .and_then(|r| r.chars().next())
        .is_none_or(|c| !is_word_char(c))
}

/// True when no word character precedes `i`.
pub(crate) fn boundary_before(t: &str, i: usize) -> bool {
    t.get(..i)
        .and_then(|r| r.chars().next_back())
        .is_none_or(|c| !is_word_char(c))
}

/// Matches the phrase `w` as whole words at `i`.
pub(crate) fn word_at(t: &str, i: usize, w: &str) -> Option<usize> {
    let e = match_ci(t, i, w)?;
    boundary_after(t, e).then_some(e)
}

/// Matches the phrase `w` as whole words ending exactly at `end` (single spaces inside).
/// Returns its start.
pub(crate) fn word_before(t: &str, end: usize, w: &str) -> Option<usize> {
    let start = end.checked_sub(w.len())?;
    if !t.is_char_boundary(start) {
        return None;
    }
    (match_ci(t, start, w) == Some(end) && boundary_before(t, start)).then_some(start)
}

/// The word (letters only) ending at `end`, skipping spaces before `end`.
pub(crate) fn prev_word(t: &str, end: usize) -> (usize, &str) {
    let e = skip_ws_back(t, end);
    let head = &t[..e];
    let s = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_letter(c))
        .last()
        .map_or(e, |(k, _)| k);
    (s, &t[s..e])
}

/// End of the letters-only word starting at `i`.
pub(crate) fn word_end(t: &str, i: usize) -> usize {
    let rest = &t[i..];
    rest.char_indices()
        .find(|&(_, c)| !is_letter(c))
        .map_or(t.len(), |(k, _)| i + k)
}

/// Floors `i` to a char boundary.
pub(crate) fn floor(t: &str, mut i: usize) -> usize {
    i = i.min(t.len());
    while i > 0 && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_of_vietnamese_letters() {
        for (u, l) in "ĐĂÂÊÔƠƯÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ"
            .chars()
            .zip("đăâêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ".chars())
        {
            assert_eq!(lc(u), l, "{u}");
            assert_eq!(lc(l), l, "{l}");
            assert_eq!(u.to_lowercase().next(), Some(l));
        }
    }

    #[test]
    fn matching() {
        assert_eq!(
            match_ci("Triệu  đồng", 0, "triệu đồng"),
            Some("Triệu  đồng".len())
        );
        assert_eq!(word_at("đồng chí", 0, "đồng"), Some("đồng".len()));
        assert_eq!(word_at("đồngchí", 0, "đồng"), None);
        let t = "tỷ lệ người chiếm";
        assert_eq!(
            word_before(t, t.len(), "chiếm"),
            Some(t.len() - "chiếm".len())
        );
        assert_eq!(prev_word("có 14", 3), (0, "có"));
    }
}
