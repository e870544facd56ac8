//! The statistics scanner: one left-to-right pass over the text, then linking passes over the
//! (few) statistics found.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::number::{
    MAGNITUDES, NUMBER_WORDS, NumberConvention, WordRole, digits_value, lex_digits, magnitude_of,
    words_value,
};
use super::table::rows;
use super::text::{
    boundary_after, floor, is_letter, is_word_char, lc, match_ci, prev_word, skip_ws, skip_ws_back,
    word_at, word_before, word_end,
};
use super::{Change, StatKind, Statistic};

/// Sorted longest first.
fn sorted<T>(mut v: Vec<(String, T)>) -> Vec<(String, T)> {
    v.sort_by_key(|e| std::cmp::Reverse(e.0.chars().count()));
    v
}

/// A table of phrases indexed by their first (lower-case) char, longest first in each bucket.
struct Lexicon<T> {
    by_first: HashMap<char, Vec<(String, T)>>,
}

impl<T> Lexicon<T> {
    fn new(entries: Vec<(String, T)>) -> Self {
        let mut by_first: HashMap<char, Vec<(String, T)>> = HashMap::new();
        for (w, v) in sorted(entries) {
            if let Some(c) = w.chars().next() {
                by_first.entry(c).or_default().push((w, v));
            }
        }
        Lexicon { by_first }
    }

    /// The entries that may match at `p`.
    fn candidates(&self, t: &str, p: usize) -> &[(String, T)] {
        t.get(p..)
            .and_then(|r| r.chars().next())
            .and_then(|c| self.by_first.get(&lc(c)))
            .map_or(&[], Vec::as_slice)
    }
}

static CURRENCIES: LazyLock<Lexicon<String>> = LazyLock::new(|| {
    Lexicon::new(
        rows(include_str!("../../data/stats/currencies.tsv"))
            .filter_map(|r| Some((r.first()?.to_lowercase(), r.get(1)?.to_string())))
            .collect(),
    )
});

/// Currency words that are also ordinary words (`bảng` 'table', `yên` 'calm'): money only after
/// an amount that is not a plain small number (a magnitude word, `4 tỷ bảng`, or at least 1000,
/// `500.000 bảng/tuần`), never before a syllable that makes a compound (`bảng lương`). Marked
/// `amount` in the third column of the table.
static AMOUNT_ONLY: LazyLock<HashSet<String>> = LazyLock::new(|| {
    rows(include_str!("../../data/stats/currencies.tsv"))
        .filter(|r| r.get(2).is_some_and(|m| m.trim() == "amount"))
        .filter_map(|r| Some(r.first()?.to_lowercase()))
        .collect()
});

/// (currency word, next syllable) pairs that form an ordinary word (`đồng chí`, `đô thị`).
static COMPOUNDS: LazyLock<HashSet<(String, String)>> = LazyLock::new(|| {
    rows(include_str!("../../data/stats/currency_compounds.tsv"))
        .filter_map(|r| Some((r.first()?.to_lowercase(), r.get(1)?.to_lowercase())))
        .collect()
});

static QUALIFIERS: LazyLock<Vec<(String, ())>> = LazyLock::new(|| {
    sorted(
        rows(include_str!("../../data/stats/qualifiers.tsv"))
            .filter_map(|r| Some((r.first()?.to_lowercase(), ())))
            .collect(),
    )
});

static VERBS: LazyLock<Vec<(String, ())>> = LazyLock::new(|| {
    sorted(
        rows(include_str!("../../data/stats/linking_verbs.tsv"))
            .filter_map(|r| Some((r.first()?.to_lowercase(), ())))
            .collect(),
    )
});

/// Counted nouns and units: form → is a unit of measure (quantity).
static UNITS: LazyLock<Lexicon<bool>> = LazyLock::new(|| {
    Lexicon::new(
        rows(include_str!("../../data/stats/units.tsv"))
            .filter_map(|r| Some((r.first()?.to_lowercase(), *r.get(1)? == "quantity")))
            .collect(),
    )
});

/// Words after which a number is a label, a date part or an identifier, not a count
/// (`Điều 5`, `khoản 2`, `năm 2020`, `Chương 3`, `lần 2`).
const LABEL_WORDS: &[&str] = &[
    "năm",
    "tháng",
    "ngày",
    "quý",
    "điều",
    "khoản",
    "chương",
    "mục",
    "điểm",
    "khóa",
    "khoá",
    "kỳ",
    "lần",
    "thứ",
    "số",
    "phần",
    "mẫu",
    "trang",
    "tầng",
    "phòng",
    "lô",
    "tờ",
    "đợt",
    "giai",
    "tuổi",
    "tập",
    "hạng",
    "cấp",
    "vòng",
    "quận",
    "phường",
    "tổ",
    "đường",
    "lộ",
    "km",
    "nhóm",
    "loại",
    "hình",
    "bảng",
    "biểu",
    "phụ",
    "tuần",
    "sáng",
    "chiều",
    "tối",
    "trưa",
    "đêm",
    "hôm",
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit<'u> {
    Percent { points: bool },
    Money(&'u str),
    Noun { form: &'u str, quantity: bool },
}

/// A figure read at one position: number(s), magnitude, unit.
struct Figure<'u> {
    start: usize,
    end: usize,
    value: f64,
    max: Option<f64>,
    unit: Unit<'u>,
    per: Option<String>,
    numerator: Option<f64>,
    denominator: Option<f64>,
}

pub(crate) fn find(text: &str) -> Vec<Statistic> {
    let conv = NumberConvention::detect(text);
    let b = text.as_bytes();
    let mut out: Vec<Statistic> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            let (fig, next) = at_digits(text, i, conv);
            if let Some(f) = fig {
                out.push(finish(text, f));
            }
            i = next.max(i + 1);
        } else if is_starter(c)
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] >= 0x80))
            && starter_word_at(text, i)
        {
            // a word that may start a spelled-out number (một, hai, ba, bốn, năm, sáu, bảy,
            // tám, chín, mười): cheap byte prefilter before any decoding
            let e = word_end(text, i);
            match at_words(text, i, e) {
                Ok((f, next)) => {
                    out.push(finish(text, f));
                    i = next;
                }
                Err(skip) => i = skip.max(e).max(i + 1),
            }
        } else if c.is_ascii_alphabetic() || c >= 0x80 {
            // the rest of a word cannot start a number word (they need a boundary before):
            // skip its letters, stopping at a digit (`H5N1`, `lệ0,49%` are read above)
            i += 1;
            while i < b.len() && (b[i].is_ascii_alphabetic() || b[i] >= 0x80) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    link(text, &mut out);
    out
}

/// First bytes of the number words that can start a spelled-out number.
#[inline]
fn is_starter(c: u8) -> bool {
    matches!(
        c.to_ascii_lowercase(),
        b'm' | b'h' | b'b' | b'n' | b's' | b't' | b'c'
    )
}

/// Number words that can start a spelled-out number, lower case.
const STARTERS: &[&str] = &[
    "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mười",
];

/// Byte-level check for a starter word at `i` (first letter in either case).
fn starter_word_at(t: &str, i: usize) -> bool {
    let b = t.as_bytes();
    let c0 = b[i].to_ascii_lowercase();
    STARTERS.iter().any(|w| {
        let wb = w.as_bytes();
        let e = i + wb.len();
        wb[0] == c0 && b.get(i + 1..e) == Some(&wb[1..]) && boundary_after(t, e)
    })
}

/// Builds the statistic from a figure (qualifier and kind).
fn finish(text: &str, f: Figure<'_>) -> Statistic {
    let mut start = f.start;
    let mut qualifier = None;
    let before = skip_ws_back(text, start);
    if f.max.is_some() {
        // `từ 23% đến 25%`: the range starts at `từ`
        if let Some(s) = word_before(text, before, "từ") {
            start = s;
        }
    }
    if start == f.start {
        for (q, ()) in QUALIFIERS.iter() {
            if let Some(s) = word_before(text, before, q) {
                // `cao hơn 20%` is a comparison, not an approximation
                let (_, pw) = prev_word(text, s);
                let comparative = q == "hơn"
                    && ["cao", "thấp", "nhiều", "ít", "lớn", "nhỏ"]
                        .iter()
                        .any(|w| pw.eq_ignore_ascii_case(w) || pw.to_lowercase() == *w);
                if !comparative {
                    qualifier = Some(text[s..before].to_string());
                    start = s;
                }
                break;
            }
        }
    }
    let (kind, currency, unit) = match f.unit {
        Unit::Percent { points } => (
            StatKind::Percentage,
            None,
            points.then(|| "điểm phần trăm".to_string()),
        ),
        Unit::Money(iso) => (StatKind::Money, Some(iso.to_string()), None),
        Unit::Noun { form, quantity } => {
            let kind = if f.denominator.is_some() {
                StatKind::Ratio
            } else if quantity {
                StatKind::Quantity
            } else {
                StatKind::Count
            };
            (kind, None, Some(form.to_string()))
        }
    };
    Statistic {
        text: text[start..f.end].to_string(),
        start,
        end: f.end,
        kind,
        value: f.value,
        max: f.max,
        currency,
        unit,
        per: f.per,
        subject: None,
        category: None,
        qualifier,
        numerator: f.numerator,
        denominator: f.denominator,
        change: None,
        group: None,
    }
}

/// The char just before `i`.
fn char_before(t: &str, i: usize) -> Option<char> {
    t.get(..i)?.chars().next_back()
}

fn byte(t: &str, i: usize) -> u8 {
    t.as_bytes().get(i).copied().unwrap_or(0)
}

/// Skips an identifier-like chain (`09/4/2021`, `69-KL/TU`, `67/2022/TT-BTC`, `09:17`).
fn skip_chain(t: &str, mut i: usize) -> usize {
    let b = t.as_bytes();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-' | b'.' | b':' | b',') {
            if matches!(c, b'.' | b',') && !b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
                break;
            }
            i += 1;
        } else if c >= 0x80 {
            // Đ in `QĐ-UBND` and other letters inside symbols
            let ch = t[i..].chars().next().unwrap_or(' ');
            if is_letter(ch) {
                i += ch.len_utf8();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    i
}

/// Reads the figure starting at the digit `i`. Returns it (if a statistic) and where to resume.
fn at_digits(t: &str, i: usize, conv: NumberConvention) -> (Option<Figure<'static>>, usize) {
    let b = t.as_bytes();
    let e1 = lex_digits(b, i);
    let raw = &t[i..e1];
    let prev = char_before(t, i);
    // glued to a letter (`tỷ lệ0,49%`, `Covid-19`, `H5N1`, `truy cập18,912,473`)
    let glued_letter = prev.is_some_and(is_letter);
    let mut start = i;
    let mut sign = 1.0;
    if prev == Some('-') || prev == Some('−') {
        let pp = char_before(t, i - prev.map_or(1, char::len_utf8));
        match pp {
            None | Some(' ') | Some('(') | Some('\n') | Some('\t') => {
                sign = -1.0;
                start = i - prev.map_or(1, char::len_utf8);
            }
            Some(c) if c.is_alphanumeric() => return (None, skip_chain(t, e1)),
            _ => {}
        }
    }
    if prev == Some('/') || prev == Some('.') && i >= 2 && byte(t, i - 2).is_ascii_digit() {
        return (None, skip_chain(t, e1));
    }
    // `$5 triệu`
    let dollar_prefix = prev == Some('$');
    let next = byte(t, e1);
    let next2 = byte(t, e1 + 1);
    // times `09:17`, `9h30`
    if next == b':' && next2.is_ascii_digit()
        || (next == b'h' || next == b'g') && next2.is_ascii_digit()
    {
        return (None, skip_chain(t, e1));
    }
    // document numbers `69-KL/TU`
    if next == b'-' && (next2.is_ascii_alphabetic() || next2 >= 0xC0) {
        return (None, skip_chain(t, e1));
    }
    let Some(p1) = digits_value(raw, conv) else {
        return (None, skip_chain(t, e1));
    };
    // phone numbers and codes: long zero-led digit runs
    let int_len = raw.find(['.', ',']).unwrap_or(raw.len());
    if raw.starts_with('0') && int_len >= 4 {
        return (None, skip_chain(t, e1));
    }
    let v1 = p1.value;
    // ratio `7/10 nhóm chỉ tiêu`, else date / document number
    if next == b'/' && next2.is_ascii_digit() {
        let s2 = e1 + 1;
        let e2 = lex_digits(b, s2);
        let after = byte(t, e2);
        let after2 = byte(t, e2 + 1);
        if after == b'/'
            || after == b'-' && after2.is_ascii_alphanumeric()
            || after2.is_ascii_digit() && matches!(after, b'.' | b':' | b',')
        {
            return (None, skip_chain(t, e2));
        }
        let Some(d) = digits_value(&t[s2..e2], conv) else {
            return (None, skip_chain(t, e2));
        };
        if d.value == 0.0 || glued_letter || is_label(t, start) {
            return (None, e2);
        }
        let p = skip_ws(t, e2);
        {
            if let Some((form, quantity, ue)) = noun_at(t, p) {
                if quantity || p == e2 {
                    return (None, e2);
                }
                return (
                    Some(Figure {
                        start,
                        end: ue,
                        value: v1 / d.value,
                        max: None,
                        unit: Unit::Noun { form, quantity },
                        per: None,
                        numerator: Some(v1),
                        denominator: Some(d.value),
                    }),
                    ue,
                );
            }
        }
        return (None, e2);
    }
    let mut value = v1 * sign;
    let mut max: Option<f64> = None;
    let mut pos = e1;
    // range `23-25%`, `5 - 7 người`, `10 đến 15%`
    {
        let p = skip_ws(t, pos);
        let mut q = None;
        for sep in ["-", "–", "—", "đến", "tới"] {
            if let Some(e) = match_ci(t, p, sep)
                && (!sep.starts_with(char::is_alphabetic) || boundary_after(t, e))
            {
                q = Some(e);
                break;
            }
        }
        if let Some(q) = q {
            let p2 = skip_ws(t, q);
            if byte(t, p2).is_ascii_digit() {
                let e2 = lex_digits(b, p2);
                let a = byte(t, e2);
                let a2 = byte(t, e2 + 1);
                let dateish = (a == b'/' || a == b'-' || a == b':') && a2.is_ascii_digit();
                if !dateish
                    && let Some(v2) = digits_value(&t[p2..e2], conv)
                    && v2.value > v1
                {
                    max = Some(v2.value);
                    pos = e2;
                    // `10-15.000 đồng`, `10 - 20000 đồng`: the first bound shares
                    // the thousands of the second
                    if (1.0..1000.0).contains(&v1) && v1.fract() == 0.0 {
                        let mut f = 1000.0;
                        while v1 * f * 10.0 <= v2.value && f < 1e12 {
                            f *= 1000.0;
                        }
                        if v1 * f <= v2.value && v2.value < v1 * f * 10.0 {
                            value = v1 * f * sign;
                        }
                    }
                }
            }
        }
    }
    // magnitude words, compounds (`nghìn tỷ`) and compositions (`3 tỷ 500 triệu`)
    let (mult, add, mpos) = magnitudes(t, pos, conv);
    if mult != 1.0 || add != 0.0 {
        value = value * mult + add * sign;
        max = max.map(|m| m * mult);
        pos = mpos;
    }
    let magnitude = mult != 1.0;
    // the unit
    let p = skip_ws(t, pos);
    let plain_small = !magnitude && value.abs() < 1000.0 && max.is_none();
    let Some((unit, mut end)) = unit_at(t, p, plain_small) else {
        if dollar_prefix {
            return (
                Some(Figure {
                    start: start - 1,
                    end: pos,
                    value,
                    max,
                    unit: Unit::Money("USD"),
                    per: None,
                    numerator: None,
                    denominator: None,
                }),
                pos,
            );
        }
        return (None, pos);
    };
    match unit {
        Unit::Percent { .. } => {}
        // scraped news glues words (`đạt419.833 tỷ đồng`): money keeps its glued number
        Unit::Money(iso) => {
            // the đồng has no subunit: `500,000 đồng` can only be five hundred thousand
            // (REFERENCE §3.1: the unit decides an ambiguous `1,500`)
            if iso == "VND"
                && !magnitude
                && p1.ambiguous
                && raw.contains(',')
                && let Some(v) = digits_value(raw, NumberConvention::English)
            {
                value = v.value * sign;
            }
            // `ĐVT: 1000 đồng`, `Thành tiền (1000 đ)`: a unit declared for a table column
            if iso == "VND" && is_unit_declaration(t, start, end, value) {
                return (None, end);
            }
            // `điểm 4đ, 4e`: a lettered sub-item, not four đồng
            if plain_small && p == pos && is_label(t, start) {
                return (None, end);
            }
        }
        Unit::Noun { quantity, .. } => {
            if glued_letter || is_label(t, start) || !quantity && p == pos && !magnitude {
                return (None, end);
            }
        }
    }
    // `23%-25%`, `từ 23% đến 25%` (second unit repeated)
    if max.is_none() && sign > 0.0 {
        let p = skip_ws(t, end);
        for sep in ["-", "–", "đến", "tới"] {
            let Some(q) = match_ci(t, p, sep) else {
                continue;
            };
            if sep.len() > 3 && !boundary_after(t, q) {
                continue;
            }
            let p2 = skip_ws(t, q);
            if !byte(t, p2).is_ascii_digit() {
                break;
            }
            let e2 = lex_digits(b, p2);
            let Some(v2) = digits_value(&t[p2..e2], conv) else {
                break;
            };
            let (m2, a2, mp2) = magnitudes(t, e2, conv);
            let pu = skip_ws(t, mp2);
            if let Some((u2, ue2)) = unit_at(t, pu, pu == mp2)
                && u2 == unit
                && matches!(unit, Unit::Percent { .. })
            {
                max = Some(v2.value * m2 + a2);
                end = ue2;
            }
            break;
        }
    }
    // per-unit `đồng/người/năm`, `%/năm`, `tấn/ha`
    let mut per_parts: Vec<&str> = Vec::new();
    if !matches!(
        unit,
        Unit::Noun {
            quantity: false,
            ..
        }
    ) {
        while byte(t, end) == b'/' {
            // `đồng/người`, and `đồng/ người` (a space after the slash, seen in news) when a
            // known noun or unit follows
            let s = match noun_at(t, skip_ws(t, end + 1)) {
                Some(_) => skip_ws(t, end + 1),
                None => end + 1,
            };
            let e = match noun_at(t, s) {
                Some((_, _, e)) => e,
                None => {
                    let e = word_end(t, s);
                    if e == s || !boundary_after(t, e) {
                        break;
                    }
                    e
                }
            };
            per_parts.push(&t[s..e]);
            end = e;
        }
    }
    let per = (!per_parts.is_empty()).then(|| per_parts.join("/"));
    if dollar_prefix && matches!(unit, Unit::Money(_)) {
        start -= 1;
    }
    // an amount repeated in parentheses: `năm vạn đồng (50.000 đ)`
    if matches!(unit, Unit::Money(_)) {
        end = paren_repeat(t, end, value, conv).unwrap_or(end);
    }
    (
        Some(Figure {
            start,
            end,
            value,
            max,
            unit,
            per,
            numerator: None,
            denominator: None,
        }),
        end,
    )
}

/// `(50.000 đ)` or `(năm mươi nghìn đồng)` right after an amount, with the same value.
fn paren_repeat(t: &str, end: usize, value: f64, conv: NumberConvention) -> Option<usize> {
    let p = skip_ws(t, end);
    if byte(t, p) != b'(' {
        return None;
    }
    // look at most 120 bytes ahead: a missing `)` must not make the scan quadratic
    let window = &t[p..floor(t, p.saturating_add(120).min(t.len()))];
    let close = window.find(')')? + p;
    let inner_start = skip_ws(t, p + 1);
    let (fig, _) = if byte(t, inner_start).is_ascii_digit() {
        at_digits(t, inner_start, conv)
    } else {
        let e = word_end(t, inner_start);
        match at_words(t, inner_start, e) {
            Ok((f, n)) => (Some(f), n),
            Err(_) => (None, 0),
        }
    };
    let f = fig?;
    (matches!(f.unit, Unit::Money(_)) && (f.value - value).abs() < 0.5 && f.end <= close)
        .then_some(close + 1)
}

/// `ĐVT: 1000 đồng`, `Đơn vị tính: 1.000 đồng`, `( 1000 đ)`: a unit declaration for a table
/// (asked for đồng only: `(1.000 USD)` after a converted amount is a real amount).
fn is_unit_declaration(t: &str, start: usize, end: usize, value: f64) -> bool {
    let mut b = skip_ws_back(t, start);
    if byte(t, b.wrapping_sub(1)) == b':' {
        b = skip_ws_back(t, b - 1);
    }
    if ["đvt", "đơn vị tính", "đơn vị"]
        .iter()
        .any(|w| word_before(t, b, w).is_some())
    {
        return true;
    }
    // in parentheses only a scale (`(1000 đ)`), not a repeated amount (`(50.000 đ)`)
    [1.0, 1e3, 1e6, 1e9].contains(&value)
        && byte(t, b.wrapping_sub(1)) == b'('
        && byte(t, skip_ws(t, end)) == b')'
}

/// Is the number at `i` a label (`Điều 5`, `năm 2020`)?
fn is_label(t: &str, i: usize) -> bool {
    let (_, w) = prev_word(t, i);
    if w.is_empty() || w.len() > 12 {
        return false;
    }
    let lw: String = w.chars().map(lc).collect();
    LABEL_WORDS.contains(&lw.as_str())
}

/// ASCII bytes (lower case) that start a magnitude word (`c` of `chục`, `t` of `triệu`…).
static MAGNITUDE_FIRST: LazyLock<[bool; 128]> = LazyLock::new(|| {
    let mut first = [false; 128];
    for (w, _) in MAGNITUDES.iter() {
        match w.bytes().next() {
            Some(b) if b < 0x80 => first[usize::from(b)] = true,
            // a magnitude word starting with a non-ASCII letter: no byte may be ruled out
            Some(_) => first = [true; 128],
            None => {}
        }
    }
    first
});

/// Magnitude words after `pos`: returns (multiplier, added amount, end).
fn magnitudes(t: &str, pos: usize, conv: NumberConvention) -> (f64, f64, usize) {
    let mut mult = 1.0f64;
    let mut last = 0.0f64;
    let mut end = pos;
    let mut add = 0.0f64;
    let mut p = skip_ws(t, pos);
    loop {
        let mut found = None;
        // cheap first-byte test: an ASCII byte that starts no magnitude word ends the search
        let c0 = byte(t, p);
        if c0 < 0x80 && !MAGNITUDE_FIRST[usize::from(c0.to_ascii_lowercase())] {
            break;
        }
        for (w, v) in MAGNITUDES.iter() {
            if let Some(e) = match_ci(t, p, w) {
                // glued `tỷđồng`: allowed when a currency follows
                if boundary_after(t, e) || currency_at(t, e, true).is_some() {
                    found = Some((*v, e));
                    break;
                }
            }
        }
        let Some((v, e)) = found else { break };
        if last == 0.0 || v > last {
            mult *= v;
            last = v;
            end = e;
        } else {
            break;
        }
        p = skip_ws(t, e);
        // composition `3 tỷ 500 triệu`: a number then a smaller magnitude
        if byte(t, p).is_ascii_digit() && last >= 1000.0 {
            let e2 = lex_digits(t.as_bytes(), p);
            if let Some(n) = digits_value(&t[p..e2], conv) {
                let p3 = skip_ws(t, e2);
                let small = MAGNITUDES.iter().find_map(|(w, v)| {
                    word_at(t, p3, w)
                        .filter(|_| *v < last && *v >= 1000.0)
                        .map(|e| (*v, e))
                });
                if let Some((v3, e3)) = small {
                    // one composition step: `3 tỷ 500 triệu`
                    add += n.value * v3;
                    end = e3;
                    break;
                }
            }
        }
    }
    (mult, add, end)
}

/// A currency at `p`. `small` (a plain number below 1000 before it) turns on the compound check:
/// `02 đồng chí`, `5 đồng bào`, `300 đồng đội`, `5 đô thị` are not money, while in
/// `107.000 đồng thời điểm` or `10.990 tỷ đồng bằng vốn vay` the amount decides.
fn currency_at(t: &str, p: usize, small: bool) -> Option<(&'static str, usize)> {
    let second = second_byte(t, p);
    for (form, iso) in CURRENCIES.candidates(t, p) {
        if !second_may_match(second, form) {
            continue;
        }
        let Some(e) = match_ci(t, p, form) else {
            continue;
        };
        let last_is_word = form.chars().next_back().is_some_and(is_word_char);
        if last_is_word && !boundary_after(t, e) {
            continue;
        }
        let amount_only = AMOUNT_ONLY.contains(form);
        if amount_only && small {
            continue;
        }
        if small || form == "đô" || amount_only {
            let q = skip_ws(t, e);
            if q > e {
                let we = word_end(t, q);
                let w: String = t[q..we].chars().map(lc).collect();
                if COMPOUNDS.contains(&(form.clone(), w)) {
                    return None;
                }
            }
        }
        if form == "đ" {
            // `đ` alone: must not start a word like `đ/c`
            if byte(t, e) == b'/' && byte(t, e + 1) == b'c' {
                return None;
            }
        }
        // `Đồng Nai`, `thôn 5 Đồng Yên`: a capitalised (not all-caps) currency word is a name
        let mut cs = t[p..e].chars();
        if let (Some(c0), Some(c1)) = (cs.next(), cs.next())
            && c0.is_uppercase()
            && c1.is_lowercase()
            && form == "đồng"
        {
            return None;
        }
        return Some((iso.as_str(), e));
    }
    None
}

/// The byte after the first char at `p` (0 at the end of the text).
fn second_byte(t: &str, p: usize) -> u8 {
    let l = t
        .get(p..)
        .and_then(|r| r.chars().next())
        .map_or(1, char::len_utf8);
    byte(t, p + l)
}

/// False when `form` (lower case, its first char already matched) cannot match because its
/// second char is an ASCII letter or digit and the text's second byte is an ASCII byte that
/// differs from it case-insensitively. A cheap test before [`match_ci`]; never rejects a match.
fn second_may_match(second: u8, form: &str) -> bool {
    let mut fc = form.chars();
    let Some(f0) = fc.next() else {
        return true;
    };
    match form.as_bytes().get(f0.len_utf8()) {
        Some(&f1) if f1.is_ascii_alphanumeric() && second < 0x80 => {
            second.to_ascii_lowercase() == f1
        }
        _ => true,
    }
}

/// A counted noun or unit at `p`: (form, is quantity, end).
fn noun_at(t: &str, p: usize) -> Option<(&'static str, bool, usize)> {
    let second = second_byte(t, p);
    for (form, quantity) in UNITS.candidates(t, p) {
        if !second_may_match(second, form) {
            continue;
        }
        if let Some(e) = word_at(t, p, form) {
            return Some((form.as_str(), *quantity, e));
        }
    }
    None
}

/// The unit at `p` (`%`, `phần trăm`, `điểm phần trăm`, a currency, a noun).
fn unit_at(t: &str, p: usize, glued: bool) -> Option<(Unit<'static>, usize)> {
    let c = byte(t, p);
    if c == b'%' {
        return Some((Unit::Percent { points: false }, p + 1));
    }
    if t.get(p..).is_some_and(|r| r.starts_with('％')) {
        return Some((Unit::Percent { points: false }, p + '％'.len_utf8()));
    }
    if let Some(e) = word_at(t, p, "phần trăm") {
        return Some((Unit::Percent { points: false }, e));
    }
    if let Some(e) = word_at(t, p, "điểm phần trăm") {
        return Some((Unit::Percent { points: true }, e));
    }
    if let Some(e) = match_ci(t, p, "điểm %") {
        return Some((Unit::Percent { points: true }, e));
    }
    if let Some((iso, e)) = currency_at(t, p, glued) {
        return Some((Unit::Money(iso), e));
    }
    if let Some((form, quantity, e)) = noun_at(t, p) {
        return Some((Unit::Noun { form, quantity }, e));
    }
    None
}

/// A spelled-out number at the word `i..e` followed by a currency or `phần trăm`
/// (`năm vạn đồng`, `ba mươi phần trăm`).
/// On failure, returns where to resume (after the words that formed a number without a unit).
fn at_words(t: &str, i: usize, e: usize) -> Result<(Figure<'static>, usize), usize> {
    if e == i || e - i > 6 {
        return Err(e);
    }
    let first: String = t[i..e].chars().map(lc).collect();
    match NUMBER_WORDS.get(first.as_str()) {
        Some((WordRole::Digit, v)) if *v > 0 => {}
        Some((WordRole::Ten, _)) => {}
        _ => return Err(e),
    }
    // collect up to 12 words separated by single spaces
    let mut words: Vec<String> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut p = i;
    let mut we = e;
    loop {
        let w: String = t[p..we].chars().map(lc).collect();
        if !words.is_empty() && !NUMBER_WORDS.contains_key(&w) && magnitude_of(&w).is_none() {
            break;
        }
        words.push(w);
        ends.push(we);
        if words.len() >= 12 {
            break;
        }
        let q = skip_ws(t, we);
        if q == we || q >= t.len() {
            break;
        }
        let qe = word_end(t, q);
        if qe == q {
            break;
        }
        p = q;
        we = qe;
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let Some((value, n)) = words_value(&refs) else {
        return Err(e);
    };
    if n == 0 || value <= 0.0 {
        return Err(e);
    }
    let end = ends[n - 1];
    let p = skip_ws(t, end);
    if p == end {
        return Err(end);
    }
    let Some((unit, mut uend)) = unit_at(t, p, value < 1000.0) else {
        return Err(end);
    };
    match unit {
        Unit::Percent { .. } => {}
        // spelled-out amounts in laws and contracts are large (`năm vạn đồng`); small ones
        // are mostly words (`một đồng nghiệp`, `Cu Ba Đồng Hới`)
        Unit::Money(_) if value >= 1000.0 => {}
        _ => return Err(end),
    }
    if matches!(unit, Unit::Money(_)) {
        uend = paren_repeat(t, uend, value, NumberConvention::Vietnamese).unwrap_or(uend);
    }
    Ok((
        Figure {
            start: i,
            end: uend,
            value,
            max: None,
            unit,
            per: None,
            numerator: None,
            denominator: None,
        },
        uend,
    ))
}

/// Start of the clause containing `i`: after the last `.`/`;`/`!`/`?`/`:`/line break/bracket
/// (a `.` only when a space follows), at most 300 bytes back.
fn clause_start(t: &str, i: usize) -> usize {
    let lo = floor(t, i.saturating_sub(300));
    let b = t.as_bytes();
    let mut k = i;
    while k > lo {
        let c = b[k - 1];
        let stop = match c {
            b';' | b'!' | b'?' | b'\n' | b'(' | b')' | b':' => true,
            b'.' => b.get(k).is_none_or(|n| !n.is_ascii_digit()),
            _ => false,
        };
        if stop {
            return k;
        }
        k -= 1;
    }
    if lo == 0 { 0 } else { floor(t, lo) }
}

/// First char lower-cased when the phrase starts a sentence.
fn lower_first(s: &str, sentence_start: bool) -> String {
    let mut it = s.chars();
    match it.next() {
        Some(c) if sentence_start => {
            let mut out = String::with_capacity(s.len());
            out.push(lc(c));
            out.push_str(it.as_str());
            out
        }
        _ => s.to_string(),
    }
}

/// Finds the subject, category, average kind, group and changes.
fn link(t: &str, out: &mut [Statistic]) {
    if out.is_empty() {
        return;
    }
    for s in out.iter_mut() {
        let cs = clause_start(t, s.start);
        let cs = skip_ws(t, cs);
        // the verb just before the figure
        let before = skip_ws_back(t, s.start);
        let mut verb_start = None;
        for (v, ()) in VERBS.iter() {
            if let Some(vs) = word_before(t, before, v) {
                if vs >= cs {
                    verb_start = Some(vs);
                }
                break;
            }
        }
        let clause = &t[cs..s.start];
        let lower: String = clause.chars().map(lc).collect();
        let avg_kw = ["bình quân", "trung bình"]
            .iter()
            .filter_map(|k| lower.find(k).map(|p| (p, k.len())))
            .max();
        // counts carry their noun in `unit`; a subject is looked for on percentages, money
        // and averages
        let wants_subject =
            matches!(s.kind, StatKind::Percentage | StatKind::Money) || avg_kw.is_some();
        if let Some(vs) = verb_start.filter(|_| wants_subject) {
            let mut from = cs;
            let mut anchored = false;
            // `tỷ lệ X chiếm 94%`
            if let Some(p) = lower[..vs - cs]
                .rfind("tỷ lệ")
                .or_else(|| lower[..vs - cs].rfind("tỉ lệ"))
            {
                from = cs + p + "tỷ lệ".len();
                anchored = true;
            } else if let Some((p, l)) = avg_kw.filter(|(p, l)| {
                matches!(s.kind, StatKind::Count | StatKind::Quantity) && p + l <= vs - cs
            }) {
                from = cs + p + l;
            } else if let Some(p) = lower[..vs - cs].rfind(',') {
                // `Năm 2021, thu nhập bình quân đạt …`: the subject starts after the comma
                from = cs + p + 1;
            }
            if lower.len() == clause.len() && from <= vs {
                let subj = t[from..vs].trim();
                let words = subj.split_whitespace().count();
                if !subj.is_empty()
                    && words <= 10
                    && !subj
                        .bytes()
                        .any(|c| c.is_ascii_digit() || c == b',' && !anchored)
                {
                    let sentence_start = from == cs
                        && t[..cs].trim_end().chars().next_back().is_none_or(|c| {
                            matches!(c, '.' | '!' | '?' | '\n' | ':') || c.is_whitespace()
                        });
                    s.subject = Some(lower_first(subj, sentence_start));
                }
            }
        }
        if matches!(s.kind, StatKind::Count | StatKind::Quantity) && avg_kw.is_some() {
            s.kind = StatKind::Average;
        }
        if s.kind == StatKind::Money
            && s.subject
                .as_deref()
                .is_some_and(|x| x.to_lowercase().contains("thu nhập"))
        {
            s.category = Some("income".to_string());
        }
        // ethnic group named in the same clause before the figure (a clause is at most 300
        // bytes, so this stays linear)
        let groups = crate::ethnic::find_ethnic_groups(clause);
        s.group = groups
            .iter()
            .flat_map(|g| g.spans.iter().map(move |sp| (sp.end, g.name.as_str())))
            .max()
            .map(|(_, n)| n.to_string());
    }
    // changes: `X, tăng Y so với Z`
    for k in 0..out.len().saturating_sub(1) {
        let (a, rest) = out.split_at_mut(k + 1);
        let (s, n) = (&mut a[k], &rest[0]);
        if n.start < s.end {
            continue;
        }
        let gap = &t[s.end..n.start];
        let g = gap.trim().trim_start_matches(',').trim();
        // the change words are short (`tăng thêm`, `thấp hơn`): do not lower-case long gaps
        if g.len() > 16 {
            continue;
        }
        let gl: String = g.chars().map(lc).collect();
        let sign = match gl.as_str() {
            "tăng" | "tăng thêm" | "cao hơn" => 1.0,
            "giảm" | "thấp hơn" => -1.0,
            _ => continue,
        };
        let unit = match n.kind {
            StatKind::Money => n.currency.clone(),
            StatKind::Percentage => Some(if n.unit.is_some() {
                "điểm phần trăm".to_string()
            } else {
                "%".to_string()
            }),
            _ => n.unit.clone(),
        };
        let p = skip_ws(t, n.end);
        let against = word_at(t, p, "so với").map(|e| {
            let q = skip_ws(t, e);
            let r = &t[q..floor(t, q.saturating_add(120).min(t.len()))];
            let stop = r
                .find(['.', ',', ';', '\n', ')', '('])
                .map_or(r.len(), |x| x);
            r[..stop].trim().to_string()
        });
        s.change = Some(Change {
            value: sign * n.value,
            unit,
            against: against.filter(|a| !a.is_empty()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load() {
        let cur = |w: &str| {
            CURRENCIES
                .candidates(w, 0)
                .iter()
                .find(|(f, _)| f == w)
                .map(|(_, iso)| iso.as_str())
        };
        assert_eq!(cur("đồng"), Some("VND"));
        assert_eq!(cur("đô la mỹ"), Some("USD"));
        assert_eq!(cur("euro"), Some("EUR"));
        assert!(COMPOUNDS.contains(&("đồng".to_string(), "chí".to_string())));
        assert!(COMPOUNDS.contains(&("đô".to_string(), "thị".to_string())));
        assert_eq!(cur("bảng"), Some("GBP"));
        assert!(AMOUNT_ONLY.contains("bảng") && AMOUNT_ONLY.contains("yên"));
        assert!(!AMOUNT_ONLY.contains("đồng"));
        assert!(QUALIFIERS.iter().any(|(q, ())| q == "khoảng"));
        assert!(VERBS.iter().any(|(v, ())| v == "chiếm"));
        // longest first: `ước đạt` before `đạt`
        let pos = |w: &str| VERBS.iter().position(|(v, ())| v == w);
        assert!(pos("ước đạt") < pos("đạt"));
        let units = UNITS.candidates("dân tộc", 0);
        assert_eq!(
            units.first().map(|(f, _)| f.as_str()),
            Some("dân tộc thiểu số")
        );
        assert!(
            UNITS
                .candidates("ha", 0)
                .iter()
                .any(|(f, q)| f == "ha" && *q)
        );
    }

    #[test]
    fn identifiers_are_skipped_whole() {
        let t = "09/4/2021 và 67/2022/TT-BTC";
        assert_eq!(skip_chain(t, 0), "09/4/2021".len());
        assert!(find(t).is_empty());
    }

    #[test]
    fn clause_start_stops_at_sentence_punctuation_not_decimals() {
        let t = "Năm trước. Tỷ lệ 1.5 đạt";
        assert_eq!(clause_start(t, t.len()), "Năm trước.".len());
    }

    #[test]
    fn unit_declarations() {
        assert!(find("ĐVT: 1000 đồng").is_empty());
        assert!(find("Đơn vị tính: 1.000.000 đồng").is_empty());
        assert_eq!(find("phạt (50.000 đ)").len(), 1);
    }

    #[test]
    fn dash_ranges() {
        for t in ["10-15%", "10 - 15%", "10–15%", "10—15%", "10 đến 15%"] {
            let s = find(t);
            assert_eq!((s[0].value, s[0].max), (10.0, Some(15.0)), "{t}");
        }
    }
}
