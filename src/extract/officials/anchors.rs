//! A cheap prefilter: the lines of a text that may hold an official.
//!
//! Every official outside a signature block is written with a position word (chức danh) in the
//! same line: the title before the name (`Bộ trưởng … Tô Lâm`), after it (`ông A, Giám đốc …`),
//! or after `là` (`Ông Tâm là đại biểu Quốc hội`). One literal search (an Aho-Corasick automaton
//! built by `regex` from the position words of `data/officials/titles.tsv`, in every
//! capitalization of their syllables and both tone placements `ủy`/`uỷ`) finds those lines;
//! only they are tokenized. Text in decomposed form (combining marks) is searched whole.

use std::sync::LazyLock;

use regex::Regex;

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

fn cap_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Every spelling of a table phrase: each syllable lower, capitalized or in capitals.
fn spellings(phrase: &str, out: &mut Vec<String>) {
    let mut forms = vec![phrase.to_string()];
    let mut old = phrase.to_string();
    for (new, o) in TONE_PAIRS {
        old = old.replace(new, o);
    }
    if old != phrase {
        forms.push(old);
    }
    for f in forms {
        // Each syllable lower, capitalized or in capitals (`Thành viên HĐQT`): 3^k spellings,
        // k ≤ 4 (longer phrases keep their first four syllables' variants only).
        let syl: Vec<&str> = f.split(' ').collect();
        let k = syl.len().min(4) as u32;
        for code in 0..3u32.pow(k) {
            let mut c = code;
            let s: Vec<String> = syl
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let form = if (i as u32) < k { c % 3 } else { 0 };
                    if (i as u32) < k {
                        c /= 3;
                    }
                    match form {
                        1 => cap_first(w),
                        2 => w.to_uppercase(),
                        _ => (*w).to_string(),
                    }
                })
                .collect();
            out.push(s.join(" "));
        }
        out.push(f.to_uppercase());
    }
}

/// The position words of the title table, in all their spellings.
static ANCHORS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let mut lits = Vec::new();
    for line in include_str!("../../../data/officials/titles.tsv").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(phrase), Some("title")) = (cols.next(), cols.next()) else {
            continue;
        };
        spellings(phrase, &mut lits);
    }
    lits.sort();
    lits.dedup();
    let pattern = lits
        .iter()
        .map(|l| regex::escape(l))
        .collect::<Vec<_>>()
        .join("|");
    regex::RegexBuilder::new(&pattern)
        .size_limit(1 << 26)
        .dfa_size_limit(1 << 26)
        .build()
        .ok()
});

/// Byte ranges of the lines (merged when adjacent) that hold a position word.
pub(crate) fn windows(text: &str) -> Vec<(usize, usize)> {
    // Combining marks U+0300–U+036F start with the bytes 0xCC or 0xCD in UTF-8.
    let decomposed = text.bytes().any(|b| b == 0xCC || b == 0xCD);
    let Some(re) = ANCHORS.as_ref().filter(|_| !decomposed) else {
        return vec![(0, text.len())];
    };
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(m) = re.find_at(text, at) {
        let s = bytes[..m.start()]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let e = bytes[m.end()..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |p| m.end() + p + 1);
        match out.last_mut() {
            Some(last) if last.1 >= s => last.1 = e,
            _ => out.push((s, e)),
        }
        at = e;
        if at >= text.len() {
            break;
        }
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
        assert!(windows("Không có chức danh.").is_empty());
        // Old tone placement and mixed capitals.
        assert_eq!(windows("Chánh Văn phòng Uỷ viên").len(), 1);
    }
}
