//! Date-and-time stamps (dấu thời gian) of datelines and page clocks, read from token values:
//! `24/01/2022 09:17`, `Thứ hai - 24/01/2022 09:17`, `21:27 27/06/2020`, `16:13' - 10/04/2021`,
//! `Thứ bảy, 9/6/2018 | 2:35:57 PM`, `11 Tháng 12 2023 16:03`, `ngày 19 tháng 05 năm 2011`,
//! `2025-08-17`, `(09/10/2015 15:34:31)`, `06:24 Thứ Tư ngày 29/03/2017`, `… 19:29 GMT+7`.

use std::fmt::Write as _;

use super::cues;
use crate::document::{Document, Gap, Value};
use crate::extract::dates::CalendarDate;
use crate::lexicon::Lex;
use crate::tokenize::TokenKind;

/// A date with an optional time, as a dateline or a clock writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// The date.
    pub date: CalendarDate,
    /// Hour and minute (24 h), when written.
    pub time: Option<(u8, u8)>,
    /// The weekday written with the date (1 = Monday … 7 = Sunday), when there is one.
    pub weekday: Option<u8>,
    /// Tokens of the whole stamp (weekday and time included).
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// The date proper starts here (after any weekday, `ngày` or time written before it).
    pub date_first: usize,
    /// The time was written before the date (`21:27 27/06/2020`).
    pub time_first: bool,
    /// A time-zone mark was written (`GMT+7`, `ICT`).
    pub zone: bool,
}

impl Stamp {
    /// Whether the written weekday (if any) is the date's.
    pub fn weekday_agrees(&self) -> bool {
        self.weekday
            .is_none_or(|w| u32::from(w) == self.date.weekday())
    }

    /// ISO `YYYY-MM-DD`, with `THH:MM` when a time is written.
    pub fn iso(&self) -> String {
        let mut s = self.date.to_iso();
        if let Some((h, m)) = self.time {
            let _ = write!(s, "T{h:02}:{m:02}");
        }
        s
    }
}

/// Years a dateline may carry.
fn plausible_year(y: i32) -> bool {
    (1900..=2199).contains(&y)
}

/// The integer value of a plain number token.
fn int(doc: &Document<'_>, i: usize) -> Option<u32> {
    let t = doc.get(i)?;
    if t.kind != TokenKind::Number {
        return None;
    }
    match t.value {
        Value::Number { value, .. } if value >= 0.0 && value.fract() == 0.0 && value < 1e5 => {
            Some(value as u32)
        }
        _ => None,
    }
}

/// The date written at token `i` (and ending by `limit`): a date token with day, month and year,
/// `D tháng M [năm] Y`, or ISO `Y-M-D`. Returns the date and one past its last token.
pub(crate) fn date_at(doc: &Document<'_>, i: usize, limit: usize) -> Option<(CalendarDate, usize)> {
    let t = doc.get(i)?;
    if i >= limit {
        return None;
    }
    match (t.kind, t.value) {
        (TokenKind::Date, Value::Date(d)) if d.last_day.is_none() => {
            let year = i32::from(d.year?);
            let date = CalendarDate::new(year, u32::from(d.month), u32::from(d.day?))?;
            plausible_year(year).then_some((date, i + 1))
        }
        (TokenKind::Number, _) => {
            let first = int(doc, i)?;
            // ISO: 2025-08-17, glued.
            if doc.text_of(i).len() == 4
                && i + 5 <= limit
                && doc.key(i + 1) == "-"
                && doc.key(i + 3) == "-"
                && (i + 1..i + 5).all(|j| doc.get(j).is_some_and(|t| t.gap == Gap::None))
            {
                let (m, d) = (int(doc, i + 2)?, int(doc, i + 4)?);
                let date = CalendarDate::new(first as i32, m, d)?;
                return plausible_year(first as i32).then_some((date, i + 5));
            }
            // D tháng M [năm] Y
            if doc.key(i + 1) != "tháng" {
                return None;
            }
            let month = int(doc, i + 2)?;
            let mut y = i + 3;
            if doc.key(y) == "năm" {
                y += 1;
            }
            if y >= limit || doc.text_of(y).len() != 4 {
                return None;
            }
            let year = int(doc, y)? as i32;
            let date = CalendarDate::new(year, month, first)?;
            plausible_year(year).then_some((date, y + 1))
        }
        _ => None,
    }
}

/// A time of day at token `i`, with an `AM`/`PM` (`SA`/`CH`) mark after it: `(h, m, end)`.
fn time_at(doc: &Document<'_>, i: usize, limit: usize) -> Option<(u8, u8, usize)> {
    if i >= limit {
        return None;
    }
    let Value::Time(t) = doc.get(i)?.value else {
        return None;
    };
    let (mut h, m) = (t.hour, t.minute);
    if h > 23 || m > 59 {
        return None;
    }
    let mut end = i + 1;
    if end < limit {
        match doc.key(end) {
            "pm" | "ch" => {
                if h < 12 {
                    h += 12;
                }
                end += 1;
            }
            "am" | "sa" => {
                if h == 12 {
                    h = 0;
                }
                end += 1;
            }
            _ => {}
        }
    }
    Some((h, m, end))
}

/// A time-zone mark at token `i`: `GMT+7`, `(GMT+7)`, `GMT`, `ICT`, `UTC+7`. Returns its end.
fn zone_at(doc: &Document<'_>, i: usize, limit: usize) -> Option<usize> {
    let mut j = i;
    let open = doc.key(j) == "(";
    if open {
        j += 1;
    }
    if !matches!(doc.key(j), "gmt" | "ict" | "utc") || j >= limit {
        return None;
    }
    j += 1;
    if doc.key(j) == "+" && doc.is(j + 1, TokenKind::Number) && j + 1 < limit {
        j += 2;
    }
    if open {
        if doc.key(j) != ")" || j >= limit {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Punctuation that may separate the parts of a stamp.
fn separator(key: &str) -> bool {
    matches!(key, "," | "-" | "|" | "'" | "/" | "(" | ")" | ":" | ".")
}

/// The weekday phrase ending at token `end` (exclusive), starting at or after `floor`:
/// `(first token, weekday)`.
fn weekday_ending(
    doc: &Document<'_>,
    end: usize,
    floor: usize,
    buf: &mut String,
) -> Option<(usize, u8)> {
    for len in 1..=2 {
        let Some(s) = end.checked_sub(len) else {
            break;
        };
        if s < floor {
            break;
        }
        if let Some(c) = cues::lookup(doc, Lex::Weekday, s, end, buf)
            && c.end == end
        {
            let w: u8 = c.entry.col(1).parse().ok()?;
            return Some((s, w));
        }
    }
    None
}

/// The stamp whose date starts at token `i`, within the line tokens `floor..limit`: the date,
/// then what may stand around it (a weekday and `ngày` before; a time before or after, with
/// `AM`/`PM` and a time zone; separators between).
pub(crate) fn stamp_at(
    doc: &Document<'_>,
    i: usize,
    floor: usize,
    limit: usize,
    buf: &mut String,
) -> Option<Stamp> {
    let (date, date_end) = date_at(doc, i, limit)?;
    let mut s = Stamp {
        date,
        time: None,
        weekday: None,
        first: i,
        end: date_end,
        date_first: i,
        time_first: false,
        zone: false,
    };
    // After the date: [sep] [lúc] time [AM/PM] [zone].
    let mut j = date_end;
    while j < limit && separator(doc.key(j)) && doc.key(j) != "(" {
        j += 1;
    }
    if matches!(doc.key(j), "lúc" | "vào") {
        j += 1;
        if doc.key(j) == "lúc" {
            j += 1;
        }
    }
    if let Some((h, m, e)) = time_at(doc, j, limit) {
        s.time = Some((h, m));
        s.end = e;
        if let Some(z) = zone_at(doc, e, limit) {
            s.zone = true;
            s.end = z;
        }
    } else if let Some(z) = zone_at(doc, date_end, limit) {
        s.zone = true;
        s.end = z;
    }
    // Before the date: [weekday [,|-]] [ngày], or a time [zone] [sep] (then a weekday again).
    let mut k = i;
    let back = |k: usize| k > floor;
    if back(k) && doc.key(k - 1) == "ngày" {
        k -= 1;
    }
    let mut p = k;
    while back(p) && separator(doc.key(p - 1)) && doc.key(p - 1) != ")" {
        p -= 1;
    }
    if let Some((w_first, w)) = weekday_ending(doc, p, floor, buf) {
        s.weekday = Some(w);
        k = w_first;
        p = k;
        while back(p) && separator(doc.key(p - 1)) {
            p -= 1;
        }
    }
    if s.time.is_none() {
        // 09:32 ICT Thứ hai, 12/03/2018 · 21:27 27/06/2020 · 16:13' - 10/04/2021
        let mut q = p;
        let mut zone = false;
        if back(q) && matches!(doc.key(q - 1), "ict" | "gmt" | "utc") {
            q -= 1;
            zone = true;
        }
        if back(q)
            && let Some(start) = (floor..q)
                .rev()
                .take(2)
                .find(|&t| matches!(doc.get(t).map(|t| t.value), Some(Value::Time(_))))
            && let Some((h, m, e)) = time_at(doc, start, q)
            && (e == q || (e + 1 == q && matches!(doc.key(e), "am" | "pm")))
        {
            s.time = Some((h, m));
            s.time_first = true;
            s.zone |= zone;
            k = start;
        }
    }
    // An opening parenthesis closed right after the stamp: `(09/10/2015 15:34:31)`.
    if k > floor && doc.key(k - 1) == "(" && doc.key(s.end) == ")" && s.end < limit {
        k -= 1;
        s.end += 1;
    }
    s.first = k;
    s.date_first = i;
    Some(s)
}

/// Every stamp of the tokens `first..end` (a line), in order.
pub(crate) fn stamps(doc: &Document<'_>, first: usize, end: usize, buf: &mut String) -> Vec<Stamp> {
    let mut out: Vec<Stamp> = Vec::new();
    let mut i = first;
    while i < end {
        let t = doc.token(i);
        if matches!(t.kind, TokenKind::Date | TokenKind::Number)
            && let Some(s) = stamp_at(doc, i, out.last().map_or(first, |l| l.end), end, buf)
        {
            i = s.end;
            out.push(s);
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<(String, Option<u8>, String)> {
        let doc = Document::new(text);
        let mut buf = String::new();
        let s = *stamps(&doc, 0, doc.len(), &mut buf).first()?;
        Some((
            s.iso(),
            s.weekday,
            doc.text_between(s.first, s.end).to_string(),
        ))
    }

    #[test]
    fn stamps_of_datelines_and_clocks() {
        let cases: &[(&str, &str, Option<u8>, &str)] = &[
            (
                "Thứ hai - 24/01/2022 09:17 900 0",
                "2022-01-24T09:17",
                Some(1),
                "Thứ hai - 24/01/2022 09:17",
            ),
            (
                "21:27 27/06/2020",
                "2020-06-27T21:27",
                None,
                "21:27 27/06/2020",
            ),
            (
                "19:27, 14/10/2024",
                "2024-10-14T19:27",
                None,
                "19:27, 14/10/2024",
            ),
            (
                "16:13' - 10/04/2021",
                "2021-04-10T16:13",
                None,
                "16:13' - 10/04/2021",
            ),
            (
                "Cập nhật: Thứ bảy, 9/6/2018 | 2:35:57 PM",
                "2018-06-09T14:35",
                Some(6),
                "Thứ bảy, 9/6/2018 | 2:35:57 PM",
            ),
            (
                "Thứ hai, 11 Tháng 12 2023 16:03",
                "2023-12-11T16:03",
                Some(1),
                "Thứ hai, 11 Tháng 12 2023 16:03",
            ),
            (
                "Hà Nội, ngày 19 tháng 05 năm 2011",
                "2011-05-19",
                None,
                "ngày 19 tháng 05 năm 2011",
            ),
            (
                " date 2025-08-17 Tổng Bí thư",
                "2025-08-17",
                None,
                "2025-08-17",
            ),
            (
                "(09/10/2015 15:34:31)",
                "2015-10-09T15:34",
                None,
                "(09/10/2015 15:34:31)",
            ),
            (
                "06:24 Thứ Tư ngày 29/03/2017",
                "2017-03-29T06:24",
                Some(3),
                "06:24 Thứ Tư ngày 29/03/2017",
            ),
            (
                "09:32 ICT Thứ hai, 12/03/2018",
                "2018-03-12T09:32",
                Some(1),
                "09:32 ICT Thứ hai, 12/03/2018",
            ),
            (
                "Thứ Tư 29/12/2021 , 06:35 (GMT+7)",
                "2021-12-29T06:35",
                Some(3),
                "Thứ Tư 29/12/2021 , 06:35 (GMT+7)",
            ),
            (
                "Thứ 3, Ngày 16/07/2024 -",
                "2024-07-16",
                Some(2),
                "Thứ 3, Ngày 16/07/2024",
            ),
            (
                "Thời gian đăng: 03/05/2019 02:15:40 PM",
                "2019-05-03T14:15",
                None,
                "03/05/2019 02:15:40 PM",
            ),
        ];
        for (text, iso, wd, span) in cases {
            let got = one(text).unwrap_or_else(|| panic!("no stamp in {text:?}"));
            assert_eq!(
                (got.0.as_str(), got.1, got.2.as_str()),
                (*iso, *wd, *span),
                "{text}"
            );
        }
    }

    #[test]
    fn no_stamp_without_a_full_date() {
        for text in [
            "Chiều 14.10",
            "Ngày 12/3",
            "từ 27-28/7/2020",
            "năm 2021",
            "ngày… tháng… năm…",
        ] {
            assert_eq!(one(text), None, "{text}");
        }
    }
}
