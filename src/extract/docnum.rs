//! Document numbers (số, ký hiệu văn bản): `69-KL/TU`, `67/2022/TT-BTC`, `1234/QĐ-TTg`.
//!
//! Three numbering systems (REFERENCE §1):
//! - state legal normative documents (văn bản quy phạm pháp luật): `số/năm/LOẠI-CƠ QUAN`
//!   (`67/2022/TT-BTC`), laws and National Assembly resolutions `số/năm/QH{khóa}` (`04/1998/QH10`),
//!   old forms `144/2002/QĐ/BTC`;
//! - state administrative documents (văn bản hành chính, NĐ 30/2020): `số/LOẠI-CƠ QUAN`
//!   (`1234/QĐ-TTg`), công văn without a type `số/CƠ QUAN-ĐƠN VỊ` (`5110/VPCP-KTTH`), old `178/CP`;
//! - Party documents (văn bản của Đảng, HD 36-HD/VPTW): `số-LOẠI/CƠ QUAN` (`69-KL/TU`).
//!
//! Old Ministry of Finance symbols put the issuer first (`1141-TC/QĐ/CĐKT`: Bộ Tài chính, Quyết
//! định, Chế độ kế toán) and are often typed with a space or nothing for the hyphen
//! (`Thông tư số 04 TC/TCT`, `90TC/TCT`): that form is read only when a known state issuer code
//! follows the number and `số` or a kind word precedes it.
//!
//! The recogniser is tolerant of real text: `Số:`/`SỐ:`/`số` glued or spaced, spaces around `/` and
//! `-`, en dashes, Ð (U+00D0) for Đ, line breaks inside the symbol, lower-case symbols. A symbol
//! needs an issuer code: dates, ratios, scales, form codes (`Mẫu số 05-BCMT`), standard codes
//! (`QCVN 01:2009/BYT`) and bare citations (`Nghị quyết 52/2017`) are not document numbers.
//!
//! Every occurrence is returned, in text order; [`unique`] keeps the first one of each number.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::dates;

/// Which numbering system a document number belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum System {
    /// Party documents (`69-KL/TU`): number-TYPE/ISSUER.
    Party,
    /// State legal normative documents (văn bản quy phạm pháp luật): number/year/TYPE-ISSUER.
    StateNormative,
    /// State administrative documents (văn bản hành chính): number/TYPE-ISSUER.
    StateAdministrative,
}

/// A document number found in a text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocumentNumber {
    /// The text as written (`Số:67/2022/TT-BTC`), `input[start..end]`.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The number, without leading zeros (`"4"` for `04-TB/HĐ`).
    pub number: String,
    /// The year, when the symbol carries one.
    pub year: Option<i32>,
    /// The type code with Đ (`QĐ`, `TT`, `KL`); `None` for a công văn.
    pub doc_type: Option<String>,
    /// The Vietnamese name of the type (`Kết luận`).
    pub doc_type_name: Option<String>,
    /// The issuing body's code (`TU`, `BTC`, `VPCP-KTTH`).
    pub issuer: Option<String>,
    /// The numbering system.
    pub system: System,
    /// The document's kind word when the text gives it (`Kết luận`, `Nghị định`).
    pub kind_word: Option<String>,
    /// The document's date when the text gives it next to the number (ISO `YYYY-MM-DD`).
    pub date: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Tables (data/docnum/*.tsv), parsed once.

/// One row of a code table: canonical code and Vietnamese name.
type Row = (&'static str, &'static str);

struct Tables {
    state: HashMap<String, Row>,
    party: HashMap<String, Row>,
    historical: HashMap<String, Row>,
    /// Issuer code key → (canonical code, is_party).
    issuers: HashMap<String, (&'static str, bool)>,
    /// Kind words, lower case → canonical, longest first.
    kinds: Vec<(String, &'static str)>,
}

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn code_table(tsv: &'static str) -> HashMap<String, Row> {
    rows(tsv)
        .filter_map(|r| Some((key(r.first()?), (*r.first()?, *r.get(1)?))))
        .collect()
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let state = code_table(include_str!("../../data/docnum/state_types.tsv"));
    let party = code_table(include_str!("../../data/docnum/party_types.tsv"));
    let historical = code_table(include_str!("../../data/docnum/historical_types.tsv"));
    let issuers = rows(include_str!("../../data/docnum/issuers.tsv"))
        .filter_map(|r| Some((key(r.first()?), (*r.first()?, *r.get(1)? == "party"))))
        .collect();
    let mut kinds: Vec<(String, &'static str)> = Vec::new();
    let mut seen = HashSet::new();
    let names = state
        .values()
        .chain(party.values())
        .chain(historical.values())
        .map(|r| r.1)
        .chain(
            rows(include_str!("../../data/docnum/kind_words.tsv"))
                .filter_map(|r| r.first().copied()),
        );
    for n in names {
        if seen.insert(n) {
            kinds.push((n.to_lowercase(), n));
        }
    }
    // Abbreviated kind words written before the number ("QĐ số: 12/2001/QĐ-BTC", "CV 5973/UBND-KT").
    for (abbr, n) in [
        ("qđ", "Quyết định"),
        ("nđ", "Nghị định"),
        ("nq", "Nghị quyết"),
        ("cv", "Công văn"),
        ("tt", "Thông tư"),
        ("ttlt", "Thông tư liên tịch"),
    ] {
        kinds.push((abbr.to_string(), n));
    }
    kinds.sort_by_key(|k| std::cmp::Reverse(k.0.len()));
    Tables {
        state,
        party,
        historical,
        issuers,
        kinds,
    }
});

/// Comparison key of a code: Ð/ð → Đ/đ, upper case ("Ctr" and "CTr" are the same code).
fn key(code: &str) -> String {
    code.chars()
        .map(|c| match c {
            'Ð' | 'ð' | 'đ' => 'Đ',
            c => c,
        })
        .flat_map(char::to_uppercase)
        .collect()
}

/// ASCII-folded type codes (`ND`, `QD`, `CD`) read as the Đ codes when no D-code exists.
fn lookup_folded<'t>(table: &'t HashMap<String, Row>, code: &str) -> Option<&'t Row> {
    let k = key(code);
    table.get(&k).or_else(|| {
        if k.contains('D') {
            table.get(&k.replace('D', "Đ"))
        } else {
            None
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Candidate scanning.

/// A number followed by one or more separator + group pieces: the specification of
/// [`candidates`] (which finds its matches by hand, faster), kept to test that it agrees.
#[cfg(test)]
static RE_CAND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[0-9]{1,5}[a-z]?(?:[\s\u{AD}]*[/／\-–—‐‑−][\s\u{AD}]*[\p{L}0-9](?:[\p{L}0-9]|&[\p{L}]|\.[\p{L}0-9])*)+",
    )
    .expect("valid regex")
});

/// Whitespace as the candidate regex reads it (`\s`, Unicode) or a soft hyphen.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || c == '\u{AD}'
}

/// A letter (`\p{L}`, general category L), as the candidate regex reads it.
fn is_letter(c: char) -> bool {
    static RE_LETTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\A\p{L}").expect("valid regex"));
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    let mut buf = [0u8; 4];
    RE_LETTER.is_match(c.encode_utf8(&mut buf))
}

/// A separator inside a symbol: a slash or a dash (ASCII, Unicode dashes, fullwidth slash).
fn is_sep(c: char) -> bool {
    matches!(c, '/' | '／' | '-' | '–' | '—' | '‐' | '‑' | '−')
}

/// The end of the [`RE_CAND`] match starting at the digit `x`, if one starts there. The pattern
/// is deterministic read greedily (each step has one way to go on), so this walk gives the same
/// span as the regex.
fn cand_at(text: &str, x: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = x;
    while i < b.len() && b[i].is_ascii_digit() && i - x < 5 {
        i += 1;
    }
    if i == x || b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if b.get(i).is_some_and(u8::is_ascii_lowercase) {
        i += 1;
    }
    groups_end(text, i)
}

/// The end of the separator + group pieces of [`RE_CAND`] that start at `i` (right after a
/// number), if there is at least one.
fn groups_end(text: &str, mut i: usize) -> Option<usize> {
    let next = |j: usize| text.get(j..).and_then(|r| r.chars().next());
    let mut end = None;
    loop {
        let mut j = i;
        while let Some(c) = next(j).filter(|&c| is_gap(c)) {
            j += c.len_utf8();
        }
        match next(j) {
            Some(c) if is_sep(c) => j += c.len_utf8(),
            _ => break,
        }
        while let Some(c) = next(j).filter(|&c| is_gap(c)) {
            j += c.len_utf8();
        }
        match next(j) {
            Some(c) if c.is_ascii_digit() || is_letter(c) => j += c.len_utf8(),
            _ => break,
        }
        while let Some(c) = next(j) {
            if c.is_ascii_digit() || is_letter(c) {
                j += c.len_utf8();
            } else if (c == '&' && next(j + 1).is_some_and(is_letter))
                || (c == '.' && next(j + 1).is_some_and(|d| d.is_ascii_digit() || is_letter(d)))
            {
                j += 1;
            } else {
                break;
            }
        }
        end = Some(j);
        i = j;
    }
    end
}

/// The first index `>= i` of a byte that can start a separator (`/`, `-`, the lead bytes 0xE2 of
/// the Unicode dashes and 0xEF of `／`), or `b.len()`. Eight bytes at a time.
fn next_sep_byte(b: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has = |x: u64, v: u8| {
        let y = x ^ (LO * u64::from(v));
        y.wrapping_sub(LO) & !y & HI
    };
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        let x = u64::from_le_bytes(w);
        let m = has(x, b'/') | has(x, b'-') | has(x, 0xE2) | has(x, 0xEF);
        if m != 0 {
            // the lowest flagged byte is a true match (borrows only run upwards)
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !matches!(b[i], b'/' | b'-' | 0xE2 | 0xEF) {
        i += 1;
    }
    i
}

/// The spans of the matches of [`RE_CAND`], exactly as `RE_CAND.find_iter(text)` gives them,
/// found without running a regex over the text: every match has a separator right after its
/// number (`[0-9]{1,5}[a-z]?`, then gaps), so the bytes are scanned for separators and a match
/// is tried only from the digits before one. Linear: each separator is looked at once, and a
/// match is tried once per digit run.
fn candidates(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut p = 0usize; // the search resumes here (a char boundary)
    let mut s = 0usize; // next byte to look at for a separator
    std::iter::from_fn(move || {
        loop {
            s = next_sep_byte(b, s);
            if s >= b.len() {
                break;
            }
            let c = b[s];
            let sep_len = match c {
                b'/' | b'-' => 1,
                0xE2 | 0xEF => match text.get(s..).and_then(|r| r.chars().next()) {
                    Some(ch) if is_sep(ch) => ch.len_utf8(),
                    _ => 0,
                },
                _ => 0,
            };
            if sep_len == 0 || s < p {
                s += 1;
                continue;
            }
            let sep = s;
            s += sep_len;
            // Back over gaps, an optional `[a-z]`, then the digit run.
            let gap_start = p + text[p..sep].trim_end_matches(is_gap).len();
            let mut k = gap_start;
            if k > p && b[k - 1].is_ascii_lowercase() {
                k -= 1;
            }
            let run_end = k;
            while k > p && b[k - 1].is_ascii_digit() {
                k -= 1;
            }
            if k == run_end {
                continue;
            }
            // Only the last five digits of a run can start a match.
            let x = k.max(run_end.saturating_sub(5));
            if let Some(e) = cand_at(text, x) {
                p = e;
                s = s.max(p);
                return Some((x, e));
            }
        }
        None
    })
}

/// An old symbol written without the hyphen after its number, a known state issuer code
/// right after the number (a space or nothing between): `Thông tư số 04 TC/TCT`, `90TC/TCT`,
/// `Quyết định số 1141 TC/QĐ/CĐKT` for `1141-TC/QĐ/CĐKT` (Bộ Tài chính), `72A TC/TCT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GluedIssuer {
    /// The digits of the number.
    num: (usize, usize),
    /// The issuer code, up to the slash after it.
    code: (usize, usize),
    /// The end of the symbol.
    end: usize,
}

/// The [`GluedIssuer`] candidates of `text`, in text order. Only the shape is checked here (a
/// state issuer code written in its table case, `/` after it, one space or nothing before it, a
/// number of at most five digits before that); the cue word is checked by the caller. Linear:
/// each slash is looked at once, with a bounded walk back.
fn glued_issuer_candidates(text: &str) -> Vec<GluedIssuer> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut last_end = 0usize;
    let mut next = 0usize;
    loop {
        let s = next_sep_byte(b, next);
        if s >= b.len() {
            break;
        }
        next = s + 1;
        if b[s] != b'/' || s < last_end || !b[..s].last().is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        // Back over the code: ASCII letters and Đ/Ð, at most eight.
        let mut cs = s;
        for _ in 0..8 {
            match prev_char(text, cs) {
                Some(c) if c.is_ascii_alphabetic() || matches!(c, 'Đ' | 'Ð') => {
                    cs -= c.len_utf8()
                }
                _ => break,
            }
        }
        let mut ne = cs;
        let mut letter = 0;
        if ne > 0 && b[ne - 1] == b' ' {
            ne -= 1;
            // a capital letter closing the number, before the space: `Thông tư số 72A TC/TCT`
            if ne > 1 && b[ne - 1].is_ascii_uppercase() && b[ne - 2].is_ascii_digit() {
                ne -= 1;
                letter = 1;
            }
        }
        let mut ns = ne;
        while ns > 0 && b[ns - 1].is_ascii_digit() && ne - ns <= 5 {
            ns -= 1;
        }
        if ns == ne || ne - ns > 5 {
            continue;
        }
        ne += letter;
        let code = &text[cs..s];
        let known = TABLES
            .issuers
            .get(&key(code))
            .is_some_and(|&(canon, party)| {
                !party
                    && code
                        .chars()
                        .map(|c| if c == 'Ð' { 'Đ' } else { c })
                        .eq(canon.chars())
            });
        if !known {
            continue;
        }
        if let Some(end) = groups_end(text, s) {
            last_end = end;
            out.push(GluedIssuer {
                num: (ns, ne),
                code: (cs, s),
                end,
            });
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sep {
    Slash,
    Dash,
}

#[derive(Debug)]
struct Group<'t> {
    sep: Sep,
    text: &'t str,
    end: usize,
}

/// Splits a candidate into its number and groups (absolute end offsets).
fn split(text: &str, start: usize, end: usize) -> (&str, usize, Vec<Group<'_>>) {
    let s = &text[start..end];
    let num_len = s
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i > 0 && c.is_ascii_lowercase())))
        .map_or(s.len(), |(i, _)| i);
    let mut groups = Vec::new();
    let mut i = num_len;
    let bytes = s.as_bytes();
    while i < s.len() {
        // Whitespace, one separator, whitespace.
        let rest = &s[i..];
        let mut sep = None;
        let mut j = 0;
        for (k, c) in rest.char_indices() {
            if c.is_whitespace() || c == '\u{AD}' {
                continue;
            }
            if sep.is_none() && matches!(c, '/' | '／' | '-' | '–' | '—' | '‐' | '‑' | '−')
            {
                sep = Some(if matches!(c, '/' | '／') {
                    Sep::Slash
                } else {
                    Sep::Dash
                });
                continue;
            }
            j = k;
            break;
        }
        let Some(sep) = sep else { break };
        let gs = i + j;
        let mut ge = gs;
        let g = &s[gs..];
        let mut it = g.char_indices().peekable();
        while let Some((k, c)) = it.next() {
            if c.is_alphanumeric() {
                ge = gs + k + c.len_utf8();
            } else if (c == '.' || c == '&')
                && it.peek().is_some_and(|&(_, n)| n.is_alphanumeric())
                && k > 0
            {
                continue;
            } else {
                break;
            }
        }
        if ge == gs {
            break;
        }
        // A missing space after the symbol: "TT-BGDĐTvề" → "TT-BGDĐT" + "về".
        if let Some(cut) = glued_word_start(&s[gs..ge]) {
            groups.push(Group {
                sep,
                text: &s[gs..gs + cut],
                end: start + gs + cut,
            });
            break;
        }
        groups.push(Group {
            sep,
            text: &s[gs..ge],
            end: start + ge,
        });
        i = ge;
        let _ = bytes;
    }
    (&s[..num_len], start + num_len, groups)
}

/// Where a lower-case word glued to an upper-case code starts (`BGDĐTvề` → 5), if any: at least
/// two capitals, then at least two lower-case letters to the end.
fn glued_word_start(g: &str) -> Option<usize> {
    let upper_len: usize = g
        .chars()
        .take_while(|c| c.is_uppercase() || c.is_ascii_digit())
        .map(char::len_utf8)
        .sum();
    let tail = &g[upper_len..];
    (g[..upper_len].chars().filter(|c| c.is_uppercase()).count() >= 2
        && tail.chars().count() >= 2
        && tail.chars().all(char::is_lowercase)
        && !is_code(g))
    .then_some(upper_len)
}

/// A group that can be a code: starts with a letter, upper case except known mixed-case codes
/// (`TTg`, `QĐi`, `CTr`) or one lower-case letter after capitals; or all lower case (`qđ-ubnd`,
/// headers typed in lower case) when it is a known code.
fn is_code(g: &str) -> bool {
    let Some(first) = g.chars().next() else {
        return false;
    };
    if !first.is_alphabetic() {
        return false;
    }
    let lower = g.chars().filter(|c| c.is_lowercase()).count();
    let upper = g.chars().filter(|c| c.is_uppercase()).count();
    if lower == 0 {
        return true;
    }
    if lower > 8 {
        return false; // a word, not a code; skip the table lookups
    }
    let t = &*TABLES;
    let k = key(g);
    let known = t.state.contains_key(&k)
        || t.party.contains_key(&k)
        || t.historical.contains_key(&k)
        || t.issuers.contains_key(&k);
    if upper == 0 {
        return known && g.len() >= 2;
    }
    first.is_uppercase() && (lower == 1 || known)
}

/// Words before "số" that make the number a form, a plot, a room… not a document.
const NOT_DOC_BEFORE: &[&str] = &[
    "mẫu",
    "biểu",
    "lục",
    "thửa",
    "tờ",
    "căn",
    "nhà",
    "phòng",
    "xe",
    "tàu",
    "bay",
    "nhân",
    "bn",
    "qcvn",
    "tcvn",
    "iso",
    "tcn",
    "tiêu",
    "hộp",
    "kiốt",
    "lô",
    "ô",
    "đường",
    "km",
];

struct Prefix {
    start: usize,
    kind: Option<&'static str>,
    has_so: bool,
    not_doc: bool,
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Reads back from the number: `Số:`, `số`, kind word, and words that rule the number out.
fn read_prefix(text: &str, num_start: usize) -> Prefix {
    let mut p = Prefix {
        start: num_start,
        kind: None,
        has_so: false,
        not_doc: false,
    };
    let mut lo = num_start.saturating_sub(80);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &text[lo..num_start];
    let mut i = before.len();
    let trim = |s: &str, i: usize| -> usize {
        s[..i]
            .trim_end_matches(|c: char| c.is_whitespace() || c == '\u{AD}')
            .len()
    };
    i = trim(before, i);
    let had_colon = before[..i].ends_with(':');
    if had_colon {
        i = trim(before, i - 1);
    }
    // "số", "Số", "SỐ", "so", glued or spaced.
    let lower_tail: String = before[..i]
        .chars()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    for so in ["số", "sô", "so"] {
        if lower_tail.ends_with(so) {
            let so_len: usize = before[..i].chars().rev().take(2).map(char::len_utf8).sum();
            let s_at = i - so_len;
            if prev_char(before, s_at).is_none_or(|c| !c.is_alphanumeric()) {
                p.has_so = true;
                p.start = lo + s_at;
                i = trim(before, s_at);
            }
            break;
        }
    }
    if !p.has_so && had_colon {
        // "Ký hiệu: 12/QĐ-UBND" and the like: keep the number alone.
        return p;
    }
    let lower = before[..i].to_lowercase();
    // Mapping lower-case length to original length: to_lowercase keeps the char count for
    // Vietnamese letters, so walk chars.
    let t = &*TABLES;
    for (w, canon) in &t.kinds {
        if lower.ends_with(w.as_str()) {
            let wchars = w.chars().count();
            let orig_len: usize = before[..i]
                .chars()
                .rev()
                .take(wchars)
                .map(char::len_utf8)
                .sum();
            let ks = i - orig_len;
            if prev_char(before, ks).is_none_or(|c| !c.is_alphanumeric()) {
                // Abbreviations must be written in capitals ("QĐ số", not "qđ").
                let orig = &before[ks..i];
                if w.len() <= 4 && orig.chars().any(char::is_lowercase) {
                    continue;
                }
                p.kind = Some(canon);
                p.start = lo + ks;
                break;
            }
        }
    }
    if p.kind.is_none() {
        let last = lower
            .rsplit(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        let glued = prev_char(text, num_start).is_some_and(|c| !c.is_whitespace());
        if NOT_DOC_BEFORE.contains(&last)
            && (p.has_so || !glued || last == "qcvn" || last == "tcvn")
        {
            p.not_doc = true;
        }
    }
    p
}

/// Reads the document's date after the number: `, ngày 09/4/2021`, ` ngày 5 tháng 8 năm 2020`.
fn read_date_after(text: &str, end: usize) -> Option<String> {
    let mut e = (end + 48).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    let after = text.get(end..e)?;
    let t = after.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == '(');
    let lower_head: String = t.chars().take(4).collect::<String>().to_lowercase();
    if !lower_head.starts_with("ngày") {
        return None;
    }
    let rest = &t[t.char_indices().nth(4).map_or(t.len(), |(i, _)| i)..];
    dates::parse_date_prefix(rest).map(|(d, _)| d.to_iso())
}

fn strip_zeros(n: &str) -> String {
    let s = n.trim_start_matches('0');
    if s.is_empty() || s.starts_with(|c: char| !c.is_ascii_digit()) {
        format!("0{s}")
    } else {
        s.to_string()
    }
}

/// Issuer as written, Ð → Đ, all-lower-case symbols in capitals, known codes in their case.
fn issuer_text(groups: &[&str]) -> String {
    let t = &*TABLES;
    groups
        .iter()
        .map(|g| {
            let g: String = g
                .chars()
                .map(|c| match c {
                    'Ð' => 'Đ',
                    'ð' => 'đ',
                    c => c,
                })
                .collect();
            if g.chars().any(char::is_uppercase) {
                g
            } else if let Some((canon, _)) = t.issuers.get(&key(&g)) {
                (*canon).to_string()
            } else {
                key(&g)
            }
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A type code (canonical case) and its Vietnamese name when known.
type TypeCode = (String, Option<&'static str>);

struct Parsed {
    year: Option<i32>,
    doc_type: Option<TypeCode>,
    issuer: String,
    system: System,
    end: usize,
}

fn state_type(code: &str) -> Option<&'static Row> {
    lookup_folded(&TABLES.state, code)
}

/// Whether an issuer code belongs to the Party (`TW`, `TU`, `HU`, `ĐU`, `BTGTU`…).
fn is_party_issuer(code: &str) -> bool {
    let k = key(code);
    TABLES.issuers.get(&k).is_some_and(|i| i.1)
        || ["TW", "TƯ", "TU", "HU", "ĐU", "QU"]
            .iter()
            .any(|s| k.ends_with(s))
}

fn is_state_issuer(code: &str) -> bool {
    TABLES.issuers.get(&key(code)).is_some_and(|i| !i.1)
}

/// Codes whose name depends on the kind word in front (`Luật số 35-L/CTN`, Party
/// `Quy định số 205-QĐ/TW`).
const ALT_NAMES: &[(&str, &str)] = &[("L", "Luật"), ("QĐ", "Quy định"), ("SL", "Sắc lệnh")];

fn typed(row: &Row, prefix: &Prefix) -> TypeCode {
    let name = match prefix.kind {
        Some(k) if ALT_NAMES.contains(&(row.0, k)) => k,
        _ => row.1,
    };
    (row.0.to_string(), Some(name))
}

fn texts<'a>(groups: &[&Group<'a>]) -> Vec<&'a str> {
    groups.iter().map(|g| g.text).collect()
}

/// Type + issuer from the code groups of a state symbol (`QĐ-TTg`, `TTLT-BKH-BTC`, `QĐ.UB`,
/// `VPCP-KTTH`, `QH10`). `None` when a type code has no issuer.
fn state_symbol(codes: &[&Group<'_>], prefix: &Prefix) -> Option<(Option<TypeCode>, String)> {
    let first = codes.first()?;
    let type_row = state_type(first.text).or_else(|| lookup_folded(&TABLES.historical, first.text));
    if let Some(row) = type_row {
        if codes.len() < 2 {
            return None;
        }
        return Some((Some(typed(row, prefix)), issuer_text(&texts(&codes[1..]))));
    }
    // "QĐ.UB", "QĐ.BQL-TC": type and issuer joined by a dot.
    if let Some((t, rest)) = first.text.split_once('.')
        && let Some(row) = state_type(t)
        && !rest.is_empty()
    {
        let mut iss = vec![rest];
        iss.extend(texts(&codes[1..]));
        return Some((Some(typed(row, prefix)), issuer_text(&iss)));
    }
    Some((None, issuer_text(&texts(codes))))
}

/// Interprets the groups after the number.
fn interpret(groups: &[Group<'_>], prefix: &Prefix, spaced: bool) -> Option<Parsed> {
    let t = &*TABLES;
    let g0 = groups.first()?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    // Codes from index i while they are code-like.
    let codes_from = |i: usize| -> Vec<&Group<'_>> {
        groups[i..].iter().take_while(|g| is_code(g.text)).collect()
    };
    if g0.sep == Sep::Slash && g0.text.len() == 4 && digits(g0.text) {
        // number/year/TYPE-ISSUER, number/year/QH10, number/year/QĐ/BTC.
        let year: i32 = g0.text.parse().ok()?;
        if !(1945..=2100).contains(&year) {
            return None;
        }
        if groups.get(1)?.sep != Sep::Slash {
            return None;
        }
        let codes = codes_from(1);
        let end = codes.last()?.end;
        let (doc_type, issuer) = state_symbol(&codes, prefix)?;
        return Some(Parsed {
            year: Some(year),
            doc_type,
            issuer,
            system: System::StateNormative,
            end,
        });
    }
    if g0.sep == Sep::Slash {
        // number/TYPE-ISSUER, công văn number/ISSUER-UNIT, old number/ISSUER.
        let codes = codes_from(0);
        let first = codes.first()?;
        let end = codes.last()?.end;
        let (doc_type, issuer) = state_symbol(&codes, prefix)?;
        if doc_type.is_none() {
            // Công văn: an issuer and its unit, or a known issuer alone ("178/CP"), or an
            // unknown one only when a kind word names the document ("Công văn số 4830/KTTH").
            let known = t.issuers.contains_key(&key(first.text));
            if codes.len() == 1 && !(known || prefix.kind.is_some()) {
                return None;
            }
            if !known && first.text.chars().any(char::is_lowercase) {
                return None;
            }
        }
        // A Party committee writing in the state layout ("Nghị quyết 29/NQ-TƯ", "21/TW").
        let party = match (&doc_type, codes.as_slice()) {
            (Some(_), [_, issuer, ..]) => is_party_issuer(issuer.text),
            (None, [issuer]) => is_party_issuer(issuer.text),
            _ => false,
        };
        return Some(Parsed {
            year: None,
            doc_type,
            issuer,
            system: if party {
                System::Party
            } else {
                System::StateAdministrative
            },
            end,
        });
    }
    // g0.sep == Dash: Party number-TYPE/ISSUER, old state 999-TC/QĐ/CĐKT, 15-CP.
    if !is_code(g0.text) {
        return None;
    }
    let k0 = key(g0.text);
    match groups.get(1) {
        Some(g1) if is_code(g1.text) && (g1.sep == Sep::Slash || is_party_issuer(g1.text)) => {
            // "29-NQ-TƯ": hyphens only, accepted for a Party type and a Party issuer.
            if g1.sep == Sep::Dash && !t.party.contains_key(&k0) {
                return None;
            }
            let rest: Vec<&Group<'_>> =
                groups[1..].iter().take_while(|g| is_code(g.text)).collect();
            let end = rest.last()?.end;
            let party_issuer = is_party_issuer(g1.text);
            // Old Ministry of Finance style: 999-TC/QĐ/CĐKT (issuer, type, field), 212-TC/CĐKT.
            if is_state_issuer(g0.text) && !party_issuer {
                if let Some(row) = state_type(g1.text) {
                    let mut iss = vec![g0.text];
                    iss.extend(texts(&rest[1..]));
                    return Some(Parsed {
                        year: None,
                        doc_type: Some(typed(row, prefix)),
                        issuer: issuer_text(&iss),
                        system: System::StateAdministrative,
                        end,
                    });
                }
                // "212-TC/CĐKT": TC is the Ministry here, not the Party's Thông cáo.
                if prefix.kind != Some("Thông cáo") {
                    let mut iss = vec![g0.text];
                    iss.extend(texts(&rest));
                    return Some(Parsed {
                        year: None,
                        doc_type: None,
                        issuer: issuer_text(&iss),
                        system: System::StateAdministrative,
                        end,
                    });
                }
            }
            if let Some(row) = t.party.get(&k0).filter(|_| !is_state_issuer(g1.text)) {
                return Some(Parsed {
                    year: None,
                    doc_type: Some(typed(row, prefix)),
                    issuer: issuer_text(&texts(&rest)),
                    system: System::Party,
                    end,
                });
            }
            if let Some(row) = t.historical.get(&k0).or_else(|| state_type(g0.text)) {
                return Some(Parsed {
                    year: None,
                    doc_type: Some(typed(row, prefix)),
                    issuer: issuer_text(&texts(&rest)),
                    system: if t.historical.contains_key(&k0) {
                        System::StateNormative
                    } else {
                        System::StateAdministrative
                    },
                    end,
                });
            }
            // Unknown type code in a Party-shaped symbol: only with a cue and a Party issuer.
            if (prefix.has_so || prefix.kind.is_some())
                && !spaced
                && party_issuer
                && g0.text.chars().all(|c| !c.is_lowercase())
                && g0.text.chars().count() <= 4
            {
                return Some(Parsed {
                    year: None,
                    doc_type: Some((k0, None)),
                    issuer: issuer_text(&texts(&rest)),
                    system: System::Party,
                    end,
                });
            }
            None
        }
        _ => {
            // "Nghị định số 15-CP", "353-HĐBT": only state issuers, only after a cue, no spaces.
            if is_state_issuer(g0.text) && !spaced && (prefix.has_so || prefix.kind.is_some()) {
                return Some(Parsed {
                    year: None,
                    doc_type: None,
                    issuer: issuer_text(&[g0.text]),
                    system: System::StateAdministrative,
                    end: g0.end,
                });
            }
            // "công văn số 5762-KTTH": an issuer not in the table, in capitals, not a type code,
            // only when a kind word names the document (as "Công văn số 4830/KTTH").
            let unknown_issuer = prefix.kind.is_some()
                && !spaced
                && groups.len() == 1
                && (2..=8).contains(&g0.text.chars().count())
                && g0
                    .text
                    .chars()
                    .all(|c| c.is_alphabetic() && c.is_uppercase())
                && !t.state.contains_key(&k0)
                && !t.party.contains_key(&k0)
                && !t.historical.contains_key(&k0)
                && !t.issuers.contains_key(&k0);
            if unknown_issuer {
                return Some(Parsed {
                    year: None,
                    doc_type: None,
                    issuer: issuer_text(&[g0.text]),
                    system: System::StateAdministrative,
                    end: g0.end,
                });
            }
            None
        }
    }
}

/// Finds the document numbers in `text`, every occurrence in text order (see [`unique`]).
///
/// ```
/// use vntext::extract::docnum::{find_document_numbers, System};
/// let found = find_document_numbers("Kết luận số 69-KL/TU, ngày 09/4/2021 của Ban Thường vụ Tỉnh ủy");
/// let d = &found[0];
/// assert_eq!((d.number.as_str(), d.doc_type.as_deref(), d.issuer.as_deref()), ("69", Some("KL"), Some("TU")));
/// assert_eq!(d.system, System::Party);
/// assert_eq!(d.kind_word.as_deref(), Some("Kết luận"));
/// assert_eq!(d.date.as_deref(), Some("2021-04-09"));
/// assert_eq!(d.text, "Kết luận số 69-KL/TU");
/// ```
pub fn find_document_numbers(text: &str) -> Vec<DocumentNumber> {
    let mut out = Vec::new();
    // Every symbol has a slash or a dash (ASCII, or a multi-byte dash or fullwidth slash).
    if !text.bytes().any(|b| matches!(b, b'/' | b'-' | 0xE2 | 0xEF)) {
        return out;
    }
    for (m_start, m_end) in candidates(text) {
        let (num, _num_end, groups) = split(text, m_start, m_end);
        let spaced = text[m_start..m_end]
            .chars()
            .any(|c| c.is_whitespace() || c == '\u{AD}');
        push_found(text, m_start, num, &groups, spaced, false, &mut out);
    }
    // "Thông tư số 04 TC/TCT": the old symbol without its hyphen, read as `04-TC/TCT` after a
    // cue, where no other number was found.
    let glued = glued_issuer_candidates(text);
    if !glued.is_empty() {
        let before = out.len();
        for g in glued {
            // Items found so far are in text order: the last one starting before `g.end` is the
            // only one that can overlap (a binary search keeps this linear overall).
            let k = out[..before].partition_point(|d| d.start < g.end);
            if k > 0 && out[k - 1].end > g.num.0 {
                continue;
            }
            let mut groups = vec![Group {
                sep: Sep::Dash,
                text: &text[g.code.0..g.code.1],
                end: g.code.1,
            }];
            groups.extend(split(text, g.code.1, g.end).2);
            let spaced = text[g.code.1..g.end]
                .chars()
                .any(|c| c.is_whitespace() || c == '\u{AD}');
            push_found(
                text,
                g.num.0,
                &text[g.num.0..g.num.1],
                &groups,
                spaced,
                true,
                &mut out,
            );
        }
        if out.len() > before {
            out.sort_by_key(|d| d.start);
        }
    }
    out
}

/// Reads the document number whose digits start at `m_start` (`num`, then `groups`) and pushes
/// it, with the numbers listed before it that share its symbol, when it is one. `glued`: the
/// number of a [`GluedIssuer`] symbol, accepted only after `số` or a kind word, in the state
/// system.
fn push_found(
    text: &str,
    m_start: usize,
    num: &str,
    groups: &[Group<'_>],
    spaced: bool,
    glued: bool,
    out: &mut Vec<DocumentNumber>,
) {
    if groups.is_empty() || num.is_empty() {
        return;
    }
    // Cheap structural filter before reading the context: some group must be a code.
    if !groups.iter().any(|g| is_code(g.text)) {
        return;
    }
    // Nothing glued before the number except "số" ("số31-QĐ/TW") or a colon after a word.
    if let Some(c) = prev_char(text, m_start) {
        if c.is_ascii_digit() || matches!(c, '/' | '-' | '–' | '.' | ',' | '_' | '+' | '&') {
            return;
        }
        if c == ':' && prev_char(text, m_start - 1).is_some_and(|p| p.is_ascii_digit()) {
            return;
        }
    }
    // "các Nghị quyết số 01, 02/NQ-HĐND": numbers listed before share the symbol.
    let listed = shared_numbers(text, m_start);
    let prefix = read_prefix(text, listed.first().map_or(m_start, |l| l.0));
    if prefix.not_doc {
        return;
    }
    if prev_char(text, m_start).is_some_and(char::is_alphabetic) && !prefix.has_so {
        return;
    }
    let Some(mut p) = interpret(groups, &prefix, spaced) else {
        return;
    };
    if glued
        && (!(prefix.has_so || prefix.kind.is_some())
            || groups.get(1).is_none_or(|g| g.sep != Sep::Slash)
            || p.system != System::StateAdministrative)
    {
        return;
    }
    if let Some((issuer, end)) = split_issuer_tail(text, p.end, &p.issuer) {
        (p.issuer, p.end) = (issuer, end);
    }
    // The symbol must end cleanly: not glued to a further letter or digit.
    let glued_word = text[p.end..].chars().next().is_some_and(char::is_lowercase)
        && text[..p.end]
            .chars()
            .next_back()
            .is_some_and(char::is_uppercase)
        && text[p.end..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .count()
            >= 2;
    if text[p.end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
        && !glued_word
    {
        return;
    }
    let (doc_type, doc_type_name) = match p.doc_type {
        Some((code, name)) => (Some(code), name.map(str::to_string)),
        None => (None, None),
    };
    let item = DocumentNumber {
        text: String::new(),
        start: 0,
        end: 0,
        number: strip_zeros(num),
        year: p.year,
        doc_type,
        doc_type_name,
        issuer: Some(p.issuer),
        system: p.system,
        kind_word: prefix.kind.map(str::to_string),
        date: read_date_after(text, p.end),
    };
    // The first number takes the prefix ("Nghị quyết số 01"); listed ones are the digits.
    for (i, &(s, e)) in listed.iter().enumerate() {
        let start = if i == 0 { prefix.start } else { s };
        out.push(DocumentNumber {
            text: text[start..e].to_string(),
            start,
            end: e,
            number: strip_zeros(&text[s..e]),
            ..item.clone()
        });
    }
    let start = if listed.is_empty() {
        prefix.start
    } else {
        m_start
    };
    out.push(DocumentNumber {
        text: text[start..p.end].to_string(),
        start,
        end: p.end,
        ..item
    });
}

/// An issuer code typed with a stray space before its last letter (`06-LCT/HĐN N` for `HĐNN`,
/// Hội đồng Nhà nước): the one capital letter after a single space joins the last code when
/// the joined code is a known issuer and the code alone is not. Returns the issuer and the new
/// end of the symbol.
fn split_issuer_tail(text: &str, end: usize, issuer: &str) -> Option<(String, usize)> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let mut it = rest.chars();
    let letter = it.next().filter(|c| c.is_uppercase())?;
    // a lone capital: not a word, an initial (`N.`), or a list mark
    if it
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '/' | '-' | '\''))
    {
        return None;
    }
    let last = issuer.rsplit(['-', '/']).next()?;
    let t = &*TABLES;
    let joined = format!("{last}{letter}");
    if t.issuers.contains_key(&key(last)) || !t.issuers.contains_key(&key(&joined)) {
        return None;
    }
    let head = &issuer[..issuer.len() - last.len()];
    Some((format!("{head}{joined}"), end + 1 + letter.len_utf8()))
}

/// Numbers listed before `num_start` that share its symbol: `số 01, 02/NQ-HĐND` → `01`.
fn shared_numbers(text: &str, num_start: usize) -> Vec<(usize, usize)> {
    static RE_SHARED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[^\p{L}\p{N}])(?i:số)[ \t]*:?[ \t]*((?:[0-9]{1,5}[ \t]*(?:,|và)[ \t]*){1,8})$",
        )
        .expect("valid regex")
    });
    let mut lo = num_start.saturating_sub(80);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let before = &text[lo..num_start];
    let t = before.trim_end();
    if !(t.ends_with(',') || t.ends_with("và")) {
        return Vec::new();
    }
    let Some(list) = RE_SHARED.captures(before).and_then(|c| c.get(1)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let b = list.as_str().as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push((lo + list.start() + s, lo + list.start() + i));
        } else {
            i += 1;
        }
    }
    out
}

/// The identity of a document number: number, year, type key, issuer key.
type Key = (String, Option<i32>, Option<String>, Option<String>);

/// Keeps the first occurrence of each document number (same number, year, type and issuer), in
/// text order; a later occurrence fills in a kind word or date the first one lacked.
///
/// ```
/// use vntext::extract::docnum::{find_document_numbers, unique};
/// let all = find_document_numbers("Số 152-KH/TU … Kế hoạch số 152-KH/TU, ngày 5/3/2022");
/// assert_eq!(all.len(), 2);
/// let one = unique(all);
/// assert_eq!(one.len(), 1);
/// assert_eq!(one[0].date.as_deref(), Some("2022-03-05"));
/// ```
pub fn unique(numbers: Vec<DocumentNumber>) -> Vec<DocumentNumber> {
    let mut index: HashMap<Key, usize> = HashMap::new();
    let mut out: Vec<DocumentNumber> = Vec::new();
    for d in numbers {
        let k = (
            d.number.clone(),
            d.year,
            d.doc_type.as_deref().map(key),
            d.issuer.as_deref().map(key),
        );
        if let Some(&i) = index.get(&k) {
            let first = &mut out[i];
            if first.kind_word.is_none() {
                first.kind_word = d.kind_word;
            }
            if first.date.is_none() {
                first.date = d.date;
            }
        } else {
            index.insert(k, out.len());
            out.push(d);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<Key> {
        find_document_numbers(text)
            .into_iter()
            .map(|d| (d.number, d.year, d.doc_type, d.issuer))
            .collect()
    }

    #[test]
    fn tables_load() {
        let t = &*TABLES;
        assert_eq!(t.state.get("TTR").map(|r| r.0), Some("TTr"));
        assert_eq!(t.party.get("KL").map(|r| r.1), Some("Kết luận"));
        assert_eq!(t.historical.get("SL").map(|r| r.1), Some("Sắc lệnh"));
        assert_eq!(t.issuers.get("TTG").map(|r| r.0), Some("TTg"));
        assert!(t.kinds.iter().any(|k| k.1 == "Luật"));
        assert!(t.state.len() >= 35 && t.party.len() >= 25);
    }

    #[test]
    fn tables_are_well_formed() {
        for (name, tsv) in [
            (
                "state_types",
                include_str!("../../data/docnum/state_types.tsv"),
            ),
            (
                "party_types",
                include_str!("../../data/docnum/party_types.tsv"),
            ),
            (
                "historical_types",
                include_str!("../../data/docnum/historical_types.tsv"),
            ),
            ("issuers", include_str!("../../data/docnum/issuers.tsv")),
        ] {
            assert!(
                tsv.starts_with('#'),
                "{name}: header comment naming the source"
            );
            let mut seen = HashSet::new();
            for r in rows(tsv) {
                assert!(r.len() >= 2, "{name}: {r:?}");
                assert!(!r[0].is_empty() && !r[1].is_empty(), "{name}: {r:?}");
                assert!(!r[0].contains(' '), "{name}: code with a space {r:?}");
                assert!(seen.insert(key(r[0])), "{name}: duplicate code {}", r[0]);
            }
        }
        for r in rows(include_str!("../../data/docnum/kind_words.tsv")) {
            assert!(r[0].starts_with(char::is_uppercase), "kind word {r:?}");
        }
    }

    #[test]
    fn three_systems() {
        assert_eq!(
            keys("Số:67/2022/TT-BTC"),
            vec![(
                "67".into(),
                Some(2022),
                Some("TT".into()),
                Some("BTC".into())
            )]
        );
        assert_eq!(
            keys("công văn số 5110/VPCP-KTTH"),
            vec![("5110".into(), None, None, Some("VPCP-KTTH".into()))]
        );
        assert_eq!(
            keys("Số 04-TB/HĐ"),
            vec![("4".into(), None, Some("TB".into()), Some("HĐ".into()))]
        );
    }

    #[test]
    fn candidates_equal_the_regex_scan() {
        let long_gap = format!("12/{}AB 3 -   x", " ".repeat(300));
        let glued = format!("{}/UB", "9".repeat(300));
        for t in [
            "Số 12/2021/NĐ-CP, 5 - 7 người, 2020–2025, 1234567/QĐ, ½-3a/b",
            "số 69-KL/TU ngày 09/4/2021; 01 / QĐ-UBND; 7/ , 8/. x-1-y 3a - b",
            "Đ/c 15-CP／ 3 ‑ KH — 4−TT đồng/ha 10a-AB.C&D 1.2-x",
            long_gap.as_str(),
            glued.as_str(),
            "",
            "-/-/",
            "Hà Nội 1ê/2 ệ-3",
        ] {
            let a: Vec<(usize, usize)> = candidates(t).collect();
            let b: Vec<(usize, usize)> =
                RE_CAND.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(a, b, "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn candidates_equal_the_regex_scan_on_random_text(
            t in "[0-9a-zA-ZĐđê /／\\-–—.&,\u{AD}\u{A0}\u{301}]{0,40}"
        ) {
            let a: Vec<(usize, usize)> = candidates(&t).collect();
            let b: Vec<(usize, usize)> =
                RE_CAND.find_iter(&t).map(|m| (m.start(), m.end())).collect();
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn candidates_equal_the_regex_scan_on_the_articles() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
        let mut stack = vec![std::path::PathBuf::from(dir)];
        let mut files = 0;
        while let Some(d) = stack.pop() {
            let rd = std::fs::read_dir(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
            for e in rd.flatten() {
                let path = e.path();
                if path.is_dir() {
                    stack.push(path);
                } else if let Ok(t) = std::fs::read_to_string(&path) {
                    files += 1;
                    let a: Vec<(usize, usize)> = candidates(&t).collect();
                    let b: Vec<(usize, usize)> = RE_CAND
                        .find_iter(&t)
                        .map(|m| (m.start(), m.end()))
                        .collect();
                    assert_eq!(a, b, "{}", path.display());
                }
            }
        }
        assert!(files >= 90, "only {files} articles read from {dir}");
    }

    #[test]
    fn negatives() {
        assert!(keys("7/10 nhóm chỉ tiêu, ngày 09/4/2021, tỷ lệ 1/500").is_empty());
        assert!(keys("Mẫu số 05-BCMT, Biểu số 01/TNLĐ, QCVN 01:2009/BYT").is_empty());
        assert!(keys("Nghị quyết 52/2017 của Quốc hội").is_empty());
    }

    #[test]
    fn glued_issuer_shapes() {
        let c = |t: &str| -> Vec<(usize, usize, usize)> {
            glued_issuer_candidates(t)
                .into_iter()
                .map(|g| (g.num.0, g.code.0, g.end))
                .collect()
        };
        assert_eq!(c("số 04 TC/TCT"), vec![(5, 8, 14)]);
        assert_eq!(c("số 90TC/TCT"), vec![(5, 7, 13)]);
        assert_eq!(c("số 72A TC/TCT"), vec![(5, 9, 15)]);
        // unknown code, Party issuer, two spaces, six digits, lower case, letters glued before
        for t in [
            "04 TCX/A",
            "04 TU/A",
            "04  TC/A",
            "123456 TC/A",
            "04 tc/tct",
            "04 XTC/A",
        ] {
            assert!(c(t).is_empty(), "{t}");
        }
        // the shape alone is not a number: a cue is needed
        assert!(keys("năm 2004 TC/TCT").is_empty());
        assert_eq!(
            keys("Thông tư số 04 TC/TCT"),
            vec![("4".into(), None, None, Some("TC-TCT".into()))]
        );
    }

    #[test]
    fn thong_tri_vs_thong_tu() {
        let p = find_document_numbers("Thông tri số 05-TT/TU");
        assert_eq!(p[0].doc_type_name.as_deref(), Some("Thông tri"));
        let s = find_document_numbers("Thông tư số 05/2020/TT-BTC");
        assert_eq!(s[0].doc_type_name.as_deref(), Some("Thông tư"));
    }
}
