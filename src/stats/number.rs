//! Numbers (số) as Vietnamese texts write them: digits with separators, magnitude words and
//! number words.
//!
//! Vietnamese writes a **decimal comma** and **thousands dots** (`32,5`; `1.234.567`), but web
//! pages and some tables print English-style counters (`18,912,473`). A number with a single
//! three-digit group after one separator (`1,500`, `1.500`) is ambiguous; it is read with a
//! [`NumberConvention`] decided once per document by [`NumberConvention::detect`], which counts
//! the document's own unambiguous numbers.
//!
//! ```
//! use vntext::stats::number::{parse_number, NumberConvention, parse_number_with};
//! assert_eq!(parse_number("32,5"), Some(32.5));
//! assert_eq!(parse_number("1.234.567"), Some(1_234_567.0));
//! assert_eq!(parse_number("15 nghìn tỷ"), Some(15e12));
//! assert_eq!(parse_number("hai mươi lăm vạn"), Some(250_000.0));
//! let en = parse_number_with("1,500", NumberConvention::English).unwrap();
//! assert_eq!(en.value, 1500.0);
//! assert!(en.ambiguous);
//! ```

use crate::lexicon::{Entry, Lex, Lexicons};
use crate::tokenize::digits_end;

/// How a document writes its separators (quy ước dấu phân cách).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum NumberConvention {
    /// Vietnamese standard: comma = decimal, dot = thousands (`1.234,5`).
    #[default]
    Vietnamese,
    /// English style: dot = decimal, comma = thousands (`1,234.5`).
    English,
}

impl NumberConvention {
    /// Decides the convention of a document from its unambiguous numbers: a multi-group
    /// `1.234.567` or a decimal comma `32,5` votes Vietnamese; `18,912,473` or `1,234.5` votes
    /// English. Numbers glued to a preceding letter (web counters such as
    /// `Tổng lượt truy cập18,912,473`) do not vote. Ties go to Vietnamese. Linear time.
    ///
    /// ```
    /// use vntext::stats::number::NumberConvention;
    /// assert_eq!(NumberConvention::detect("đạt 32,5 triệu, tăng 1,5 triệu"), NumberConvention::Vietnamese);
    /// assert_eq!(NumberConvention::detect("sales 1,234,567 and 2,345,678"), NumberConvention::English);
    /// ```
    pub fn detect(text: &str) -> NumberConvention {
        let b = text.as_bytes();
        let (mut vn, mut en) = (0usize, 0usize);
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i = next_digit(b, i);
                continue;
            }
            // Plain digits (years, article numbers: most runs) are integers, which say nothing
            // of the convention.
            let j = digits_end(b, i);
            let end = groups_end(b, j);
            if end == j {
                i = j;
                continue;
            }
            let glued = i > 0 && (b[i - 1].is_ascii_alphabetic() || b[i - 1] >= 0x80);
            if !glued && let Some(t) = text.get(i..end) {
                match classify(t) {
                    Shape::VnThousands | Shape::VnDecimal | Shape::VnThousandsDecimal => vn += 1,
                    Shape::EnThousands | Shape::EnThousandsDecimal => en += 1,
                    _ => {}
                }
            }
            i = end.max(i + 1);
        }
        if en > vn {
            NumberConvention::English
        } else {
            NumberConvention::Vietnamese
        }
    }
}

/// How a number was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NumberFormat {
    /// Plain digits (`14`, zero-padded `04`).
    Integer,
    /// Digits with a decimal separator (`32,5`, `3.5`).
    Decimal,
    /// Digits with thousands separators (`1.234.567`, `18,912,473`), maybe with decimals.
    Grouped,
    /// Spelled out in words (`hai mươi lăm`).
    Words,
}

/// A parsed number (số đã đọc).
///
/// ```
/// use vntext::stats::number::{parse_number_with, NumberConvention, NumberFormat};
/// let n = parse_number_with("1.234,5", NumberConvention::Vietnamese).unwrap();
/// assert_eq!(n.value, 1234.5);
/// assert_eq!(n.format, NumberFormat::Grouped);
/// assert!(!n.ambiguous);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedNumber {
    /// The value, magnitude words applied (`32,5 triệu` → 32 500 000).
    pub value: f64,
    /// How the digits were written.
    pub format: NumberFormat,
    /// True when the separators could be read either way (`1,500`) and the convention decided.
    pub ambiguous: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Integer,
    VnThousands,
    VnDecimal,
    VnThousandsDecimal,
    EnThousands,
    EnThousandsDecimal,
    /// `1,500`: one comma then three digits.
    AmbiguousComma,
    /// `1.500`: one dot then three digits.
    AmbiguousDot,
    /// `3.5`, `1.25`: one dot then 1-2 or 4+ digits (English decimal or a section number).
    DotDecimal,
    /// Anything else (`1.2.3`, `0214.3876.123`): not a number.
    Invalid,
}

/// The first index `>= i` of an ASCII digit, or `b.len()`. Eight bytes at a time.
pub(crate) fn next_digit(b: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        // digits become 0..=9; flag bytes below 10 (bytes >= 0x80 never flag)
        let y = u64::from_le_bytes(w) ^ (LO * 0x30);
        let m = y.wrapping_sub(LO * 10) & !y & HI;
        if m != 0 {
            // the lowest flagged byte is a true digit (borrows only run upwards)
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && !b[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// End of the run `[0-9]+([.,][0-9]+)*` starting at `i` (which must be a digit).
pub(crate) fn lex_digits(b: &[u8], i: usize) -> usize {
    groups_end(b, digits_end(b, i))
}

/// From the end `j` of a run of digits: past every `[.,][0-9]+` that follows.
fn groups_end(b: &[u8], mut j: usize) -> usize {
    while j + 1 < b.len() && (b[j] == b'.' || b[j] == b',') && b[j + 1].is_ascii_digit() {
        j = digits_end(b, j + 1);
    }
    j
}

/// Classifies a run of digits and separators (no sign, no spaces). Allocates nothing.
pub(crate) fn classify(t: &str) -> Shape {
    const MAX_SEPS: usize = 8;
    let b = t.as_bytes();
    let mut first_len = 0usize;
    // (separator, digits after it)
    let mut seps = [(0u8, 0usize); MAX_SEPS];
    let mut n = 0usize;
    let mut cur = 0usize;
    for &c in b {
        if c.is_ascii_digit() {
            cur += 1;
        } else {
            if n == 0 {
                first_len = cur;
            } else {
                seps[n - 1].1 = cur;
            }
            if n == MAX_SEPS {
                return Shape::Invalid;
            }
            seps[n] = (c, 0);
            n += 1;
            cur = 0;
        }
    }
    if n == 0 {
        first_len = cur;
    } else {
        seps[n - 1].1 = cur;
    }
    let seps = &seps[..n];
    if seps.is_empty() {
        return Shape::Integer;
    }
    if first_len == 0 {
        return Shape::Invalid;
    }
    let small_first = first_len <= 3;
    let all = |s: u8| seps.iter().all(|&(c, _)| c == s);
    let groups3 = |v: &[(u8, usize)]| v.iter().all(|&(_, n)| n == 3);
    if seps.len() == 1 {
        let (c, n) = seps[0];
        return match (c, n) {
            (b',', 3) if small_first => Shape::AmbiguousComma,
            (b'.', 3) if small_first => Shape::AmbiguousDot,
            (b',', _) => Shape::VnDecimal,
            (b'.', _) if first_len <= 3 || n != 3 => Shape::DotDecimal,
            _ => Shape::Invalid,
        };
    }
    if !small_first {
        return Shape::Invalid;
    }
    if all(b'.') && groups3(seps) {
        return Shape::VnThousands;
    }
    if all(b',') && groups3(seps) {
        return Shape::EnThousands;
    }
    let (last_c, _) = seps[seps.len() - 1];
    let head = &seps[..seps.len() - 1];
    if last_c == b',' && head.iter().all(|&(c, n)| c == b'.' && n == 3) {
        return Shape::VnThousandsDecimal;
    }
    if last_c == b'.' && head.iter().all(|&(c, n)| c == b',' && n == 3) {
        return Shape::EnThousandsDecimal;
    }
    Shape::Invalid
}

/// Value of a digit run under `conv`; `None` for runs that are not numbers (`1.2.3`).
pub(crate) fn digits_value(t: &str, conv: NumberConvention) -> Option<ParsedNumber> {
    let shape = classify(t);
    // The digits with `keep_dec` read as the decimal point, parsed from a stack buffer (a
    // number longer than it, rare, from a string).
    let strip = |keep_dec: u8| -> Option<f64> {
        // Fast path (Clinger's): up to 15 digits make an exact integer mantissa and 10^k
        // (k <= 15) is exact, so one division rounds once, to the value parsing would give.
        let (mut m, mut digits, mut points, mut decimals) = (0u64, 0usize, 0usize, 0usize);
        for c in t.bytes() {
            if c.is_ascii_digit() {
                m = m.wrapping_mul(10).wrapping_add(u64::from(c - b'0'));
                digits += 1;
                decimals += usize::from(points > 0);
            } else if c == keep_dec {
                points += 1;
            }
        }
        if (1..=15).contains(&digits) && points <= 1 {
            const POW10: [f64; 16] = [
                1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                1e15,
            ];
            return Some(m as f64 / POW10[decimals]);
        }
        let mut buf = [0u8; 48];
        let mut n = 0;
        let mut long = String::new();
        for c in t.bytes() {
            let out = if c.is_ascii_digit() {
                c
            } else if c == keep_dec {
                b'.'
            } else {
                continue;
            };
            if n < buf.len() {
                buf[n] = out;
                n += 1;
            } else {
                if long.is_empty() {
                    long.push_str(std::str::from_utf8(&buf).ok()?);
                }
                long.push(char::from(out));
            }
        }
        if long.is_empty() {
            std::str::from_utf8(&buf[..n]).ok()?.parse::<f64>().ok()
        } else {
            long.parse::<f64>().ok()
        }
    };
    let (value, format, ambiguous) = match shape {
        Shape::Integer => (strip(0)?, NumberFormat::Integer, false),
        Shape::VnThousands | Shape::EnThousands => (strip(0)?, NumberFormat::Grouped, false),
        Shape::VnThousandsDecimal => (strip(b',')?, NumberFormat::Grouped, false),
        Shape::EnThousandsDecimal => (strip(b'.')?, NumberFormat::Grouped, false),
        Shape::VnDecimal => (strip(b',')?, NumberFormat::Decimal, false),
        Shape::DotDecimal => (strip(b'.')?, NumberFormat::Decimal, false),
        Shape::AmbiguousComma if t.starts_with("0,") => {
            (strip(b',')?, NumberFormat::Decimal, false)
        }
        Shape::AmbiguousComma => match conv {
            NumberConvention::English => (strip(0)?, NumberFormat::Grouped, true),
            _ => (strip(b',')?, NumberFormat::Decimal, true),
        },
        // REFERENCE §3.1: `1.500` is Vietnamese thousands even in English-style documents,
        // where a three-decimal dot number is rarer than a misplaced thousands dot.
        Shape::AmbiguousDot if t.starts_with("0.") => (strip(b'.')?, NumberFormat::Decimal, false),
        Shape::AmbiguousDot => (strip(0)?, NumberFormat::Grouped, true),
        Shape::Invalid => return None,
    };
    Some(ParsedNumber {
        value,
        format,
        ambiguous,
    })
}

/// The role of a number word (`data/stats/number_words.tsv`, its kind column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordRole {
    Digit,
    Unit,
    Ten,
    Tens,
    Zero,
    Half,
}

impl WordRole {
    /// The role a table row names in its kind column.
    fn of_kind(kind: &str) -> Option<WordRole> {
        Some(match kind {
            "digit" => WordRole::Digit,
            "unit" => WordRole::Unit,
            "ten" => WordRole::Ten,
            "tens" => WordRole::Tens,
            "zero" => WordRole::Zero,
            "half" => WordRole::Half,
            _ => return None,
        })
    }
}

/// One word of a spelled-out number: a number word (role and value) or a magnitude word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumWord {
    Number(WordRole, u32),
    Magnitude(f64),
}

impl NumWord {
    /// The word of a number-word entry (`data/stats/number_words.tsv`).
    pub(crate) fn of_number(e: &Entry) -> Option<NumWord> {
        Some(NumWord::Number(
            WordRole::of_kind(e.kind()?)?,
            e.col(2).parse().ok()?,
        ))
    }

    /// The word of a magnitude entry (`data/stats/magnitudes.tsv`).
    pub(crate) fn of_magnitude(e: &Entry) -> Option<NumWord> {
        e.col(1).parse().ok().map(NumWord::Magnitude)
    }
}

/// The number word or magnitude written `word` in the embedded lexicons.
fn word_of(word: &str) -> Option<NumWord> {
    let lex = Lexicons::embedded();
    match lex.lookup(Lex::NumberWord, word) {
        Some(e) => NumWord::of_number(e),
        None => lex
            .lookup(Lex::Magnitude, word)
            .and_then(NumWord::of_magnitude),
    }
}

/// Magnitude value of a word (`triệu` → 10⁶) in the embedded lexicons.
fn magnitude_of(word: &str) -> Option<f64> {
    match Lexicons::embedded()
        .lookup(Lex::Magnitude, word)
        .and_then(NumWord::of_magnitude)
    {
        Some(NumWord::Magnitude(v)) => Some(v),
        _ => None,
    }
}

/// Reads a sequence of number words (`hai mươi lăm vạn`); returns the value and how
/// many words were used (the longest prefix that forms a number). Magnitudes (`trăm`, `nghìn`,
/// `vạn`, `triệu`, `tỷ`) scale what precedes them; a larger one multiplies the whole
/// (`mười lăm nghìn tỷ`), a smaller one adds (`ba tỷ năm trăm triệu`).
pub(crate) fn words_value(words: &[NumWord]) -> Option<(f64, usize)> {
    let mut total = 0f64; // scaled by nghìn and above
    let mut last_scale = f64::INFINITY;
    let mut small = 0f64; // below 1000
    let mut pending: Option<f64> = None; // a digit waiting for mươi/trăm
    let mut prev: Option<WordRole> = None;
    let mut prev_scale: Option<f64> = None;
    let mut best: Option<(f64, usize)> = None;
    for (k, w) in words.iter().enumerate() {
        if let NumWord::Number(role, v) = *w {
            let v = f64::from(v);
            match role {
                WordRole::Digit => {
                    if pending.is_some() {
                        break;
                    }
                    match prev {
                        Some(WordRole::Tens) | Some(WordRole::Ten) | Some(WordRole::Zero) => {
                            small += v;
                        }
                        _ => pending = Some(v),
                    }
                }
                WordRole::Unit => match prev {
                    Some(WordRole::Tens) | Some(WordRole::Ten) => small += v,
                    Some(WordRole::Zero) if v != 4.0 => small += v,
                    _ => break,
                },
                WordRole::Ten => {
                    if pending.is_some() {
                        break;
                    }
                    small += 10.0;
                }
                WordRole::Tens => match pending.take() {
                    Some(d) if d >= 2.0 => small += d * 10.0,
                    _ => break,
                },
                WordRole::Zero => {
                    if prev_scale.is_none() {
                        break;
                    }
                    if let Some(d) = pending.take() {
                        small += d;
                    }
                }
                WordRole::Half => match prev_scale {
                    Some(s) if pending.is_none() && prev.is_none() => {
                        total += s / 2.0;
                    }
                    _ => break,
                },
            }
            prev = Some(role);
            if role != WordRole::Half {
                prev_scale = None;
            }
        } else if let NumWord::Magnitude(s) = *w {
            let base = small + pending.take().unwrap_or(0.0);
            let base = if base == 0.0 && prev_scale.is_none() && total == 0.0 {
                if k == 0 {
                    break;
                }
                1.0
            } else {
                base
            };
            if s < 1000.0 {
                // trăm, chục: inside the small group
                small = base * s;
            } else {
                if prev_scale.is_some() && base == 0.0 {
                    // `nghìn tỷ`: multiply everything so far
                    total *= s;
                } else if s > last_scale || total == 0.0 {
                    total = (total + base) * s;
                } else {
                    total += base * s;
                }
                small = 0.0;
                last_scale = s;
            }
            prev_scale = Some(s);
            prev = None;
        }
        best = Some((total + small + pending.unwrap_or(0.0), k + 1));
    }
    best
}

/// Parses a whole string as a number: digits in Vietnamese convention (`32,5`, `1.234.567`,
/// `18,912,473`, `04`, `-5`), optionally followed by magnitude words (`15 nghìn tỷ`,
/// `32,5 triệu`), or number words (`ba mươi`, `hai mươi lăm vạn`). Returns `None` when anything
/// else is in the string.
///
/// ```
/// use vntext::stats::parse_number;
/// assert_eq!(parse_number("04"), Some(4.0));
/// assert_eq!(parse_number("18,912,473"), Some(18_912_473.0));
/// assert_eq!(parse_number("1,5 triệu"), Some(1_500_000.0));
/// assert_eq!(parse_number("một trăm linh năm"), Some(105.0));
/// assert_eq!(parse_number("năm 2020"), None);
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    parse_number_with(s, NumberConvention::Vietnamese).map(|p| p.value)
}

/// Like [`parse_number`], with an explicit [`NumberConvention`] for the ambiguous `1,500`.
///
/// ```
/// use vntext::stats::number::{parse_number_with, NumberConvention};
/// assert_eq!(parse_number_with("1,500", NumberConvention::Vietnamese).unwrap().value, 1.5);
/// assert_eq!(parse_number_with("1,500", NumberConvention::English).unwrap().value, 1500.0);
/// ```
pub fn parse_number_with(s: &str, conv: NumberConvention) -> Option<ParsedNumber> {
    let s = s.trim();
    let (neg, body) = match s.strip_prefix(['-', '−', '–']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s),
    };
    let b = body.as_bytes();
    let sign = if neg { -1.0 } else { 1.0 };
    if b.first().is_some_and(u8::is_ascii_digit) {
        let end = lex_digits(b, 0);
        let mut p = digits_value(&body[..end], conv)?;
        let rest = body[end..].trim_start();
        if !rest.is_empty() {
            let words: Vec<&str> = rest.split_whitespace().collect();
            let mut mult = 1.0f64;
            let mut last = 0.0f64;
            for w in &words {
                let m = magnitude_of(w)?;
                if last != 0.0 && m < last {
                    return None;
                }
                mult *= m;
                last = m;
            }
            p.value *= mult;
        }
        p.value *= sign;
        return Some(p);
    }
    let words: Vec<NumWord> = body
        .split_whitespace()
        .map(word_of)
        .collect::<Option<_>>()?;
    let (v, n) = words_value(&words)?;
    if n != words.len() {
        return None;
    }
    Some(ParsedNumber {
        value: v * sign,
        format: NumberFormat::Words,
        ambiguous: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_digit_finds_the_first_digit() {
        let t = "Hà Nội, ngày 09/4/2021: tăng 7% so với năm 2020 ~~~~~~~~~~ 3";
        let b = t.as_bytes();
        for i in 0..=b.len() {
            let slow = (i..b.len())
                .find(|&k| b[k].is_ascii_digit())
                .unwrap_or(b.len());
            assert_eq!(next_digit(b, i), slow, "{i}");
        }
        let all: Vec<u8> = (0..=255).collect();
        for i in 0..all.len() {
            let slow = (i..all.len())
                .find(|&k| all[k].is_ascii_digit())
                .unwrap_or(all.len());
            assert_eq!(next_digit(&all, i), slow);
        }
    }

    /// The division fast path gives the value Rust's parser gives for the same digits, on
    /// every length up to 15 digits, every decimal count, and longer numbers (parsed).
    #[test]
    fn digit_values_equal_parsed_ones() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..200_000 {
            let len = 1 + (next() % 18) as usize;
            let digits: String = (0..len)
                .map(|_| char::from(b'0' + (next() % 10) as u8))
                .collect();
            let point = (next() % (len as u64 + 1)) as usize;
            let (int, frac) = digits.split_at(point.max(1).min(len));
            let vn = if frac.is_empty() {
                int.to_string()
            } else {
                format!("{int},{frac}")
            };
            let en = if frac.is_empty() {
                int.to_string()
            } else {
                format!("{int}.{frac}")
            };
            let expected: f64 = en.parse().unwrap();
            let got = digits_value(&vn, NumberConvention::Vietnamese).map(|n| n.value);
            if classify(&vn) != Shape::Invalid {
                assert_eq!(got, Some(expected), "{vn}");
            }
        }
        for (t, v) in [
            ("32,5", 32.5),
            ("0,1", 0.1),
            ("1.234.567,89", 1_234_567.89),
            ("123456789012345678", 123_456_789_012_345_678.0),
        ] {
            let got = digits_value(t, NumberConvention::Vietnamese).map(|n| n.value);
            assert_eq!(got, Some(v), "{t}");
        }
    }

    #[test]
    fn shapes() {
        assert_eq!(classify("1.234.567"), Shape::VnThousands);
        assert_eq!(classify("18,912,473"), Shape::EnThousands);
        assert_eq!(classify("32,5"), Shape::VnDecimal);
        assert_eq!(classify("1,500"), Shape::AmbiguousComma);
        assert_eq!(classify("1.500"), Shape::AmbiguousDot);
        assert_eq!(classify("1.234,5"), Shape::VnThousandsDecimal);
        assert_eq!(classify("1,234.5"), Shape::EnThousandsDecimal);
        assert_eq!(classify("1.2.3"), Shape::Invalid);
        assert_eq!(classify("0214.3876.123"), Shape::Invalid);
    }

    #[test]
    fn words() {
        let w = |s: &str| {
            let v: Vec<NumWord> = s.split(' ').map(|w| word_of(w).unwrap()).collect();
            words_value(&v).map(|x| x.0)
        };
        assert_eq!(w("năm vạn"), Some(50_000.0));
        assert_eq!(w("hai mươi lăm vạn"), Some(250_000.0));
        assert_eq!(w("ba mươi"), Some(30.0));
        assert_eq!(w("mười lăm nghìn tỷ"), Some(15e12));
        assert_eq!(w("ba tỷ năm trăm triệu"), Some(3.5e9));
        assert_eq!(w("một triệu rưỡi"), Some(1.5e6));
        assert_eq!(w("hai mươi mốt"), Some(21.0));
        assert_eq!(w("một trăm linh năm"), Some(105.0));
        assert_eq!(w("hai nghìn lẻ năm"), Some(2005.0));
        assert_eq!(w("hai trăm năm mươi"), Some(250.0));
        assert_eq!(w("triệu"), None);
    }

    #[test]
    fn words_of_the_tables() {
        assert_eq!(word_of("Mươi"), Some(NumWord::Number(WordRole::Tens, 10)));
        assert_eq!(word_of("tỷ"), Some(NumWord::Magnitude(1e9)));
        assert_eq!(magnitude_of("NGHÌN"), Some(1000.0));
        assert_eq!(word_of("đồng"), None);
    }
}
