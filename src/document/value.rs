//! Typed values (giá trị) the lexer already knows: numbers, fractions, percentages, dates, times.

use crate::stats::number::{self, NumberConvention, NumberFormat, ParsedNumber};
use crate::tokenize::TokenKind;

/// The value of a token, where its kind has one.
///
/// ```
/// use vntext::document::{Document, Value};
/// let doc = Document::new("Ngày 09/4/2021 lúc 9h30, đạt 32,5 triệu, chiếm 94%.");
/// let values: Vec<Value> = doc.tokens().iter().map(|t| t.value).filter(|v| *v != Value::None).collect();
/// assert!(matches!(values[0], Value::Date(d) if (d.year, d.month, d.day) == (Some(2021), 4, Some(9))));
/// assert!(matches!(values[1], Value::Time(t) if (t.hour, t.minute) == (9, 30)));
/// assert!(matches!(values[2], Value::Number { value, .. } if value == 32.5));
/// assert_eq!(values[3], Value::Percent(94.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[non_exhaustive]
pub enum Value {
    /// No value (words, punctuation, codes…).
    #[default]
    None,
    /// A number (`32,5`, `1.234.567`), read with the document's [`NumberConvention`].
    Number {
        /// The value.
        value: f64,
        /// How the digits were written.
        format: NumberFormat,
        /// The separators could be read either way (`1,500`) and the convention decided.
        ambiguous: bool,
    },
    /// A fraction (`7/10`, `27/31`): numerator and denominator.
    Fraction(u32, u32),
    /// A percentage (`94%`, `14,7 %`), in percent.
    Percent(f64),
    /// A per-mille figure (`5‰`), in per mille.
    PerMille(f64),
    /// A calendar date or a day range (`09/4/2021`, `27-28/7/2020`, `7/2020`, `5/3`).
    Date(DateValue),
    /// A time of day (`09:17`, `18h30`).
    Time(TimeValue),
}

/// A date as a date token writes it; absent parts are `None`.
///
/// ```
/// use vntext::document::{Document, Value};
/// let doc = Document::new("từ 27-28/7/2020");
/// let Value::Date(d) = doc.tokens()[1].value else { panic!() };
/// assert_eq!((d.day, d.last_day, d.month, d.year), (Some(27), Some(28), 7, Some(2020)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateValue {
    /// The year, when written (two-digit years are read as 19xx from 50, 20xx below).
    pub year: Option<u16>,
    /// The month, 1..=12.
    pub month: u8,
    /// The day, when written (absent for `7/2020`).
    pub day: Option<u8>,
    /// The last day of a day range (`27-28/7`).
    pub last_day: Option<u8>,
}

/// A time of day.
///
/// ```
/// use vntext::document::{Document, Value};
/// let Value::Time(t) = Document::new("9:05:30").tokens()[0].value else { panic!() };
/// assert_eq!((t.hour, t.minute, t.second), (9, 5, Some(30)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeValue {
    /// Hour, 0..=24.
    pub hour: u8,
    /// Minute, 0..=59.
    pub minute: u8,
    /// Second, when written.
    pub second: Option<u8>,
}

/// The value of a token of `kind` whose text is `t`.
pub(crate) fn of(kind: TokenKind, t: &str, conv: NumberConvention) -> Value {
    match kind {
        TokenKind::Number => {
            if let Some((a, b)) = t.split_once('/') {
                // Whole numbers on both sides, digit groups allowed (`2.235/4.330`).
                let whole = |s: &str| {
                    let v = number::digits_value(s, conv)?.value;
                    (v.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&v))
                        .then_some(v as u32)
                };
                match (whole(a), whole(b)) {
                    (Some(n), Some(d)) => Value::Fraction(n, d),
                    _ => Value::None,
                }
            } else {
                number::digits_value(t, conv).map_or(Value::None, number_value)
            }
        }
        TokenKind::Percent => {
            let (digits, per_mille) = match t.strip_suffix('%') {
                Some(d) => (d, false),
                None => (t.strip_suffix('‰').unwrap_or(t), true),
            };
            match number::digits_value(digits.trim_end(), conv) {
                Some(n) if per_mille => Value::PerMille(n.value),
                Some(n) => Value::Percent(n.value),
                None => Value::None,
            }
        }
        TokenKind::Date => date(t).map_or(Value::None, Value::Date),
        TokenKind::Time => time(t).map_or(Value::None, Value::Time),
        _ => Value::None,
    }
}

fn number_value(n: ParsedNumber) -> Value {
    Value::Number {
        value: n.value,
        format: n.format,
        ambiguous: n.ambiguous,
    }
}

fn small(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy`, `d/m/yy`, `d1-d2/m[/y]`, `m/yyyy`, `d/m`.
fn date(t: &str) -> Option<DateValue> {
    let sep = t.bytes().find(|b| matches!(b, b'/' | b'.' | b'-'))?;
    // A day range keeps its dash inside the first part: `27-28/7/2020`.
    let (first, rest) = if sep == b'-' && t.contains('/') {
        t.split_once('/')?
    } else {
        t.split_once(char::from(sep))?
    };
    let mut parts = rest.split(['/', '.', '-']);
    let (p1, p2) = (parts.next()?, parts.next());
    if parts.next().is_some() {
        return None;
    }
    let (day, last_day) = match first.split_once('-') {
        Some((a, b)) => (small(a)?, Some(small(b)?)),
        None => (small(first)?, None),
    };
    let year = |s: &str| -> Option<u16> {
        let y = u16::try_from(small(s)?).ok()?;
        Some(match s.len() {
            2 if y >= 50 => 1900 + y,
            2 => 2000 + y,
            _ => y,
        })
    };
    let v = match (p1, p2) {
        // `7/2020`: month and year.
        (y, None) if last_day.is_none() && y.len() == 4 => DateValue {
            year: Some(year(y)?),
            month: u8::try_from(day).ok()?,
            day: None,
            last_day: None,
        },
        (m, y) => DateValue {
            year: match y {
                Some(y) => Some(year(y)?),
                None => None,
            },
            month: u8::try_from(small(m)?).ok()?,
            day: Some(u8::try_from(day).ok()?),
            last_day: last_day.and_then(|d| u8::try_from(d).ok()),
        },
    };
    ((1..=12).contains(&v.month)).then_some(v)
}

/// `09:17`, `9:05:30`, `18h30`, `18h`, `7g30`.
fn time(t: &str) -> Option<TimeValue> {
    let mut parts = t.split([':', 'h', 'g', 'H', 'G']);
    let hour = u8::try_from(small(parts.next()?)?).ok()?;
    let minute = match parts.next() {
        Some(m) if !m.is_empty() => u8::try_from(small(m)?).ok()?,
        _ => 0,
    };
    let second = match parts.next() {
        Some(s) if !s.is_empty() => Some(u8::try_from(small(s)?).ok()?),
        _ => None,
    };
    if parts.next().is_some() {
        return None;
    }
    (hour <= 24 && minute < 60 && second.is_none_or(|s| s < 60)).then_some(TimeValue {
        hour,
        minute,
        second,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: Option<u16>, m: u8, day: Option<u8>, last: Option<u8>) -> Option<DateValue> {
        Some(DateValue {
            year: y,
            month: m,
            day,
            last_day: last,
        })
    }

    #[test]
    fn dates() {
        assert_eq!(date("09/4/2021"), d(Some(2021), 4, Some(9), None));
        assert_eq!(date("9-4-2021"), d(Some(2021), 4, Some(9), None));
        assert_eq!(date("9.4.2021"), d(Some(2021), 4, Some(9), None));
        assert_eq!(date("9/4/98"), d(Some(1998), 4, Some(9), None));
        assert_eq!(date("27-28/7/2020"), d(Some(2020), 7, Some(27), Some(28)));
        assert_eq!(date("27-28/7"), d(None, 7, Some(27), Some(28)));
        assert_eq!(date("7/2020"), d(Some(2020), 7, None, None));
        assert_eq!(date("5/3"), d(None, 3, Some(5), None));
        assert_eq!(date("5/13/2020"), None);
    }

    #[test]
    fn times() {
        let t = |h, m, s| {
            Some(TimeValue {
                hour: h,
                minute: m,
                second: s,
            })
        };
        assert_eq!(time("09:17"), t(9, 17, None));
        assert_eq!(time("18h30"), t(18, 30, None));
        assert_eq!(time("18h"), t(18, 0, None));
        assert_eq!(time("7g30"), t(7, 30, None));
        assert_eq!(time("9:05:30"), t(9, 5, Some(30)));
        assert_eq!(time("25:00"), None);
    }

    #[test]
    fn numbers_and_percentages() {
        let vn = NumberConvention::Vietnamese;
        assert!(
            matches!(of(TokenKind::Number, "1.234.567", vn), Value::Number { value, .. } if value == 1_234_567.0)
        );
        assert_eq!(of(TokenKind::Number, "27/31", vn), Value::Fraction(27, 31));
        assert_eq!(
            of(TokenKind::Number, "2.235/4.330", vn),
            Value::Fraction(2235, 4330)
        );
        assert_eq!(of(TokenKind::Number, "1,5/2", vn), Value::None);
        assert_eq!(of(TokenKind::Percent, "14,7 %", vn), Value::Percent(14.7));
        assert_eq!(of(TokenKind::Percent, "5‰", vn), Value::PerMille(5.0));
        assert_eq!(of(TokenKind::Syllable, "năm", vn), Value::None);
    }
}
