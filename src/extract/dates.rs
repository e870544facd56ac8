//! Dates (ngày tháng): `09/4/2021`, `ngày 9 tháng 4 năm 2021`, ranges, months, quarters, terms.
//!
//! [`find_dates`] finds every date expression of a text, of every [`DateKind`]: calendar days
//! (`ngày 09/4/2021`, `sáng 5/3`), day ranges (`27-28/7/2020`, `từ ngày 25/1 đến ngày 1/2/2021`),
//! months (`tháng 4/2021`), quarters (`quý I/2022`), years (`năm 2021`), terms of office
//! (`nhiệm kỳ 2020-2025`, `Quốc hội khóa XV`) and periods (`giai đoạn 2016 - 2020`).
//! [`DateKind::is_calendar_day`] tells the calendar days (day, range) from the coarser kinds.
//!
//! Rules (REFERENCE §2): order is always day–month–year; invalid calendar dates (`31/2/2021`) are
//! not dates; a day–month written without a year (`5/3`) is a date only with a cue next to it
//! (`ngày`, `sáng`, `chiều`, `hôm`, `dịp lễ`, a weekday, a holiday name, parentheses `(29/4)`, or
//! a list/range continuing an accepted date) and not followed by a counting noun (`7/10 nhóm chỉ
//! tiêu` is a ratio); lunar dates (`10/3 âm lịch`) are skipped.
//!
//! Every occurrence is returned, in text order; [`unique`] keeps the first mention of each value.

use std::sync::LazyLock;

use regex::Regex;

/// What kind of date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DateKind {
    /// One day (`09/4/2021`, `sáng 5/3`).
    Day,
    /// A range of days (`27-28/7/2020`).
    Range,
    /// A month (`tháng 4/2021`).
    Month,
    /// A year (`năm 2021`).
    Year,
    /// A quarter (`quý I/2022`).
    Quarter,
    /// A term of office (`nhiệm kỳ 2020-2025`, `khóa XV`).
    Term,
    /// A period (`giai đoạn 2016 - 2020`).
    Period,
}

impl DateKind {
    /// Whether the mention names calendar days (ngày cụ thể): [`DateKind::Day`] or
    /// [`DateKind::Range`]. Months, quarters, years, terms and periods are not.
    ///
    /// ```
    /// use vntext::extract::dates::DateKind;
    /// assert!(DateKind::Range.is_calendar_day());
    /// assert!(!DateKind::Month.is_calendar_day());
    /// ```
    pub fn is_calendar_day(&self) -> bool {
        matches!(self, DateKind::Day | DateKind::Range)
    }
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DateMention {
    /// The text as written.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What kind of expression.
    pub kind: DateKind,
    /// ISO 8601 value: `YYYY-MM-DD`, `--MM-DD` without a year, `A/B` for an interval.
    ///
    /// Months are `YYYY-MM` (`--MM` without a year), years `YYYY`, quarters `YYYY-Qn` (`--Qn`),
    /// terms and periods `YYYY/YYYY`.
    pub value: String,
    /// For a date without a year, the value resolved against the article's date, when known.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub resolved: Option<String>,
}

/// A calendar date, used as the reference for dates written without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// Year.
    pub year: i32,
    /// Month 1..=12.
    pub month: u32,
    /// Day 1..=31.
    pub day: u32,
}

impl CalendarDate {
    /// A valid date of the proleptic Gregorian calendar, or `None` (`31/2/2021`).
    ///
    /// ```
    /// use vntext::extract::dates::CalendarDate;
    /// assert!(CalendarDate::new(2024, 2, 29).is_some());
    /// assert!(CalendarDate::new(2021, 2, 31).is_none());
    /// ```
    pub fn new(year: i32, month: u32, day: u32) -> Option<CalendarDate> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(CalendarDate { year, month, day })
    }

    /// The ISO 8601 form `YYYY-MM-DD`.
    ///
    /// ```
    /// use vntext::extract::dates::CalendarDate;
    /// assert_eq!(CalendarDate::new(2021, 4, 9).unwrap().to_iso(), "2021-04-09");
    /// ```
    pub fn to_iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Day of the week, 1 = Monday (thứ Hai) … 7 = Sunday (Chủ nhật).
    ///
    /// ```
    /// use vntext::extract::dates::CalendarDate;
    /// assert_eq!(CalendarDate::new(2022, 1, 24).unwrap().weekday(), 1); // thứ Hai
    /// ```
    pub fn weekday(&self) -> u32 {
        // Days from civil (Howard Hinnant), 1970-01-01 was a Thursday.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        // 1970-01-01 → 4 (Thursday).
        ((days + 3).rem_euclid(7) + 1) as u32
    }

    fn ordinal_key(&self) -> i64 {
        i64::from(self.year) * 372 + i64::from(self.month) * 31 + i64::from(self.day)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Years accepted in dates: wide enough for laws of 1945 and plans to 2100.
fn plausible_year(y: i32) -> bool {
    (1800..=2199).contains(&y)
}

/// Whether day `d` can exist in month `m` of some year (29/2 allowed).
fn valid_day_month(d: u32, m: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(2000, m)
}

// ---------------------------------------------------------------------------------------------
// Regexes (built once). Whitespace inside expressions may be any Unicode space, a soft hyphen or a
// line break ("ngày  22  tháng 11", "tháng5", "năm1998").

const WS: &str = r"[\s\u{AD}]";
/// Spaces inside a numeric date: ASCII, no-break, thin and narrow no-break spaces.
const SP: &str = r"[ \t\u{A0}\u{2009}\u{202F}]";

/// Day with words: `ngày 9 tháng 4 năm 2021`, `mùng 2 tháng 9`, `22 tháng 11 năm 2002`.
static RE_DAY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:(ngày|mùng|mồng){WS}*)?([0-9]{{1,2}}){WS}*tháng{WS}*([0-9]{{1,2}})(?:{WS}*(?:năm|,|/){WS}*([0-9]{{4}}))?"
    ))
    .expect("valid regex")
});

/// Numeric day with year: `09/4/2021`, `9-4-2021`, `24.01.2022`, `25/ 4 /2021`, `20/10 năm 2021`.
static RE_DAY_NUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{4}})|([0-9]{{1,2}})[-–]([0-9]{{1,2}})[-–]([0-9]{{4}})|([0-9]{{1,2}})\.([0-9]{{1,2}})\.([0-9]{{4}})|([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{1,2}}){SP}+(?i:năm){SP}*([0-9]{{4}})"))
    .expect("valid regex")
});

/// Day range over one month: `27-28/7/2020`, `26 - 29/4`, `9-10/4`.
static RE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([0-9]{{1,2}}){SP}*[-–]{SP}*([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{1,2}})(?:{SP}*/{SP}*([0-9]{{4}}))?"))
    .expect("valid regex")
});

/// `từ ngày 27 đến 28/7/2020`.
static RE_RANGE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)từ{WS}+ngày{WS}+([0-9]{{1,2}}){WS}*(?:đến|tới){WS}*(?:ngày{WS}*)?([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{1,2}})(?:{SP}*/{SP}*([0-9]{{4}}))?"
    ))
    .expect("valid regex")
});

/// Several days of one month: `ngày 22 và 23/4`, `các ngày 8, 12 và 21/4/2021`.
static RE_DAY_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:ngày){WS}+((?:[0-9]{{1,2}}{WS}*(?:,|và|(?i:và)){WS}*){{1,6}})([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{1,2}})(?:{SP}*/{SP}*([0-9]{{4}}))?"
    ))
    .expect("valid regex")
});

/// Two day–months linked by a dash, no year: `30/4-1/5`, `30/4 - 1/5`.
static RE_DM_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{1,2}}){SP}*[-–]{SP}*([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{1,2}})"))
        .expect("valid regex")
});

static RE_DIGITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{1,2}").expect("valid regex"));

/// Day–month without year: `5/3`, `29/4`.
static RE_DM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([0-9]{{1,2}}){SP}*/{SP}*([0-9]{{1,2}})")).expect("valid regex")
});

/// Day–month with a hyphen after "ngày" or a holiday name (ND 30 style): `ngày 30-4`,
/// `Quốc khánh 2-9`.
static RE_DM_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{1,2})[-–]([0-9]{1,2})").expect("valid regex"));

/// Words after which a hyphenated day–month is a date.
const DM_DASH_CUES: &[&str] = &[
    "ngày",
    "quốc khánh",
    "lao động",
    "miền nam",
    "nhà giáo việt nam",
    "phụ nữ việt nam",
];

/// Month: `tháng 4/2021`, `tháng 4 năm 2021`, `tháng 12`, `tháng Tư năm 2021`.
static RE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:tháng){WS}*([0-9]{{1,2}}|Giêng|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín|Mười(?: một| hai)?)(?:{WS}*(?i:năm|/){WS}*([0-9]{{4}}))?"
    ))
    .expect("valid regex")
});

/// Quarter: `quý I/2022`, `Quý IV năm 2021`, `quý 1`.
static RE_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:quý){WS}+(IV|III|II|I|[1-4])(?:{WS}*(?i:năm|/){WS}*([0-9]{{4}}))?"
    ))
    .expect("valid regex")
});

/// Year ranges with or without a cue: `nhiệm kỳ 2020-2025`, `giai đoạn 2016 - 2020`, `(2020-2025)`.
static RE_YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([0-9]{{4}}){WS}*[-–—]{WS}*([0-9]{{4}})")).expect("valid regex")
});

/// The cue before a year range, read back from its start: which kind it names.
fn year_range_cue(text: &str, start: usize) -> Option<(DateKind, usize)> {
    let before = window_before(text, start, 32);
    let lower = before.to_lowercase();
    let trimmed = lower.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{AD}');
    for (cue, kind) in [
        ("nhiệm kỳ", DateKind::Term),
        ("giai đoạn", DateKind::Period),
        ("thời kỳ", DateKind::Period),
        ("năm học", DateKind::Period),
        ("niên khóa", DateKind::Period),
        ("niên khoá", DateKind::Period),
        ("niên độ", DateKind::Period),
        ("năm", DateKind::Period),
    ] {
        if let Some(head) = trimmed.strip_suffix(cue)
            && !head.ends_with(char::is_alphanumeric)
        {
            // Byte offset of the cue in the original: same char count from the end.
            let cue_chars = before.len()
                - before
                    .trim_end_matches(|c: char| c.is_whitespace() || c == '\u{AD}')
                    .len();
            let kept = &before[..before.len() - cue_chars];
            let n = cue.chars().count();
            let cue_len: usize = kept.chars().rev().take(n).map(char::len_utf8).sum();
            return Some((kind, start - cue_chars - cue_len));
        }
    }
    None
}

/// Year: `năm 2021`, `năm1998`.
static RE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i:năm){WS}*([0-9]{{4}})")).expect("valid regex"));

/// Term by number: `Quốc hội khóa XV`, `Ban Chấp hành Trung ương khóa XIII`.
static RE_KHOA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:khóa|khoá){WS}+([IVXL]{{1,7}})(?:{WS}*\(([0-9]{{4}}){WS}*[-–]{WS}*([0-9]{{4}})\))?"
    ))
    .expect("valid regex")
});

/// Dateline: `Thứ hai - 24/01/2022 09:17`.
static RE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\u{AD}]*(?:((?i:thứ)[\s]*(?i:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|(?i:chủ[\s]*nhật)|CN|T[2-7])[\s]*[-–,|]?[\s]*)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?:[\s]*[-–,|]?[\s]*([0-9]{1,2})[:hg]([0-9]{2}))?",
    )
    .expect("valid regex")
});

// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    kind: DateKind,
    /// Day-level dates: first (and last, for ranges) day; year 0 when not written.
    first: Option<(i32, u32, u32)>,
    last: Option<(i32, u32, u32)>,
    /// Coarse kinds: the value.
    value: String,
    /// A bare day–month (or day range) without year: needs a cue.
    needs_cue: bool,
}

fn num(s: Option<regex::Match<'_>>) -> Option<u32> {
    s.and_then(|m| m.as_str().parse().ok())
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// No digit (or digit separator) glued before a numeric expression.
fn clean_left(text: &str, start: usize) -> bool {
    match prev_char(text, start) {
        None => true,
        Some(c) if c.is_ascii_digit() => false,
        // "30/4-1/5": a dash after a date starts the next one.
        Some('-' | '–') => true,
        Some('/' | '.' | ',' | ':') => !matches!(
            text.get(..start).and_then(|s| s.chars().rev().nth(1)),
            Some(c) if c.is_ascii_digit()
        ),
        _ => true,
    }
}

/// No digit, and no further `/digit` or `/Letter` (document number) glued after.
fn clean_right(text: &str, end: usize) -> bool {
    match next_char(text, end) {
        None => true,
        Some(c) if c.is_ascii_digit() => false,
        // A dash then a digit links two dates ("30/4-1/5", "30/4/1975-30/4/2021").
        Some('-' | '–') => !matches!(
            text.get(end..).and_then(|s| s.chars().nth(1)),
            Some(c) if c.is_alphabetic()
        ),
        Some('/' | '.' | ',') => !matches!(
            text.get(end..).and_then(|s| s.chars().nth(1)),
            Some(c) if c.is_alphanumeric()
        ),
        Some(c) if c.is_alphabetic() => false,
        _ => true,
    }
}

/// Like [`clean_right`] for dates with a year, which may be glued to the next word by a missing
/// space ("ngày 10/4/2021và", "ngày 31/7/1980.Ông").
fn clean_right_year(text: &str, end: usize) -> bool {
    match next_char(text, end) {
        Some(c) if c.is_alphabetic() => true,
        Some('.') => !matches!(
            text.get(end..).and_then(|s| s.chars().nth(1)),
            Some(c) if c.is_ascii_digit()
        ),
        _ => clean_right(text, end),
    }
}

fn month_word(w: &str) -> Option<u32> {
    Some(match w {
        "Giêng" | "Một" => 1,
        "Hai" => 2,
        "Ba" => 3,
        "Tư" => 4,
        "Năm" => 5,
        "Sáu" => 6,
        "Bảy" => 7,
        "Tám" => 8,
        "Chín" => 9,
        "Mười" => 10,
        "Mười một" => 11,
        "Mười hai" => 12,
        _ => return None,
    })
}

fn roman(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (1..=40).contains(&total).then_some(total)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<(i32, u32, u32)> {
    if y == 0 {
        valid_day_month(d, m).then_some((0, m, d))
    } else {
        (plausible_year(y) && CalendarDate::new(y, m, d).is_some()).then_some((y, m, d))
    }
}

fn fmt_day(d: (i32, u32, u32)) -> String {
    if d.0 == 0 {
        format!("--{:02}-{:02}", d.1, d.2)
    } else {
        format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
    }
}

/// Whether a lunar-calendar marker (`âm lịch`, `ÂL`) follows.
fn lunar_after(text: &str, end: usize) -> bool {
    let tail = window_after(text, end, 24);
    let t = tail
        .trim_start_matches([' ', '(', '\t', '\u{a0}'])
        .to_lowercase();
    t.starts_with("âm lịch") || t.starts_with("âl") || t.starts_with("al)")
}

/// Up to `n` bytes after `i`, cut on a char boundary.
fn window_after(text: &str, i: usize, n: usize) -> &str {
    let mut e = (i + n).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    text.get(i..e).unwrap_or("")
}

/// Up to `n` bytes before `i`, cut on a char boundary.
fn window_before(text: &str, i: usize, n: usize) -> &str {
    let mut s = i.saturating_sub(n);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    text.get(s..i).unwrap_or("")
}

fn collect(text: &str) -> Vec<Cand> {
    let mut out = Vec::new();
    for c in RE_KHOA.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let Some(k) = c.get(1).and_then(|g| roman(g.as_str())) else {
            continue;
        };
        if prev_char(text, m.start()).is_some_and(char::is_alphanumeric)
            || next_char(text, c.get(1).map_or(m.end(), |g| g.end()))
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let years = match (num(c.get(2)), num(c.get(3))) {
            (Some(a), Some(b)) if b > a => Some((a as i32, b as i32)),
            _ => {
                let before = window_before(text, m.start(), 64).to_lowercase();
                if before.trim_end().ends_with("quốc hội") {
                    qh_term(k)
                } else if before.trim_end().ends_with("trung ương") {
                    party_term(k)
                } else {
                    None
                }
            }
        };
        let Some((a, b)) = years else { continue };
        out.push(coarse(
            m.start(),
            m.end(),
            DateKind::Term,
            format!("{a:04}/{b:04}"),
        ));
    }
    for c in RE_QUARTER.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let Some(q) = c
            .get(1)
            .and_then(|g| g.as_str().parse().ok().or_else(|| roman(g.as_str())))
        else {
            continue;
        };
        if prev_char(text, m.start()).is_some_and(char::is_alphanumeric)
            || next_char(text, m.end()).is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let value = match num(c.get(2)) {
            Some(y) if plausible_year(y as i32) => format!("{y:04}-Q{q}"),
            Some(_) => continue,
            None => format!("--Q{q}"),
        };
        out.push(coarse(m.start(), m.end(), DateKind::Quarter, value));
    }
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    for c in RE_DAY_WORDS.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let has_ngay = c.get(1).is_some();
        let (Some(d), Some(mo)) = (num(c.get(2)), num(c.get(3))) else {
            continue;
        };
        let y = num(c.get(4)).map_or(0, |y| y as i32);
        if y == 0 && !has_ngay {
            continue; // "3 tháng 4" is a duration, not a date
        }
        let Some(day) = ymd(y, mo, d) else { continue };
        let start = m.start();
        if !clean_left(text, start) || !clean_right(text, m.end()) || lunar_after(text, m.end()) {
            continue;
        }
        out.push(Cand {
            start,
            end: m.end(),
            kind: DateKind::Day,
            first: Some(day),
            last: None,
            value: String::new(),
            needs_cue: false,
        });
    }
    for c in RE_DAY_NUM.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let (d, mo, y) = if c.get(1).is_some() {
            (num(c.get(1)), num(c.get(2)), num(c.get(3)))
        } else if c.get(4).is_some() {
            (num(c.get(4)), num(c.get(5)), num(c.get(6)))
        } else if c.get(7).is_some() {
            (num(c.get(7)), num(c.get(8)), num(c.get(9)))
        } else {
            (num(c.get(10)), num(c.get(11)), num(c.get(12)))
        };
        let (Some(d), Some(mo), Some(y)) = (d, mo, y) else {
            continue;
        };
        let Some(day) = ymd(y as i32, mo, d) else {
            continue;
        };
        if !clean_left(text, m.start())
            || !clean_right_year(text, m.end())
            || lunar_after(text, m.end())
        {
            continue;
        }
        out.push(Cand {
            start: m.start(),
            end: m.end(),
            kind: DateKind::Day,
            first: Some(day),
            last: None,
            value: String::new(),
            needs_cue: false,
        });
    }
    for (re, words) in [(&*RE_RANGE, false), (&*RE_RANGE_WORDS, true)] {
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let (Some(d1), Some(d2), Some(mo)) = (num(c.get(1)), num(c.get(2)), num(c.get(3)))
            else {
                continue;
            };
            let y = num(c.get(4)).map_or(0, |y| y as i32);
            if d1 >= d2 {
                continue;
            }
            let (Some(a), Some(b)) = (ymd(y, mo, d1), ymd(y, mo, d2)) else {
                continue;
            };
            if (!words && !clean_left(text, m.start()))
                || !clean_right(text, m.end())
                || lunar_after(text, m.end())
            {
                continue;
            }
            out.push(Cand {
                start: m.start(),
                end: m.end(),
                kind: DateKind::Range,
                first: Some(a),
                last: Some(b),
                value: String::new(),
                needs_cue: y == 0 && !words,
            });
        }
    }
    for c in RE_DAY_LIST.captures_iter(text) {
        // "ngày 8, 12 và 21/4": the listed days, with the month (and year) of the last one.
        let (Some(list), Some(last), Some(mo)) = (c.get(1), num(c.get(2)), num(c.get(3))) else {
            continue;
        };
        let y = num(c.get(4)).map_or(0, |y| y as i32);
        if !clean_right(text, c.get(0).expect("group 0").end()) {
            continue;
        }
        let mut prev = 0;
        let mut days = Vec::new();
        for m in RE_DIGITS.find_iter(list.as_str()) {
            let Ok(d) = m.as_str().parse::<u32>() else {
                break;
            };
            days.push((d, list.start() + m.start(), list.start() + m.end()));
        }
        if days.iter().any(|&(d, _, _)| {
            let ok = d > prev;
            prev = d;
            !ok
        }) || prev >= last
        {
            continue;
        }
        for (d, start, end) in days {
            if let Some(day) = ymd(y, mo, d) {
                out.push(Cand {
                    start,
                    end,
                    kind: DateKind::Day,
                    first: Some(day),
                    last: None,
                    value: String::new(),
                    needs_cue: false,
                });
            }
        }
    }
    for c in RE_DM_RANGE.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let (Some(d1), Some(m1), Some(d2), Some(m2)) =
            (num(c.get(1)), num(c.get(2)), num(c.get(3)), num(c.get(4)))
        else {
            continue;
        };
        let (Some(a), Some(b)) = (ymd(0, m1, d1), ymd(0, m2, d2)) else {
            continue;
        };
        // Same or next month (December → January too), in order.
        let next_month = m2 == m1 + 1 || (m1 == 12 && m2 == 1);
        if !((m1 == m2 && d1 < d2) || next_month)
            || !clean_left(text, m.start())
            || !clean_right(text, m.end())
        {
            continue;
        }
        out.push(Cand {
            start: m.start(),
            end: m.end(),
            kind: DateKind::Range,
            first: Some(a),
            last: Some(b),
            value: String::new(),
            // "30/4-1/5 người dân": a noun after it asks for a cue before it.
            needs_cue: !no_count_noun(window_after(text, m.end(), 24)),
        });
    }
    for c in RE_DM.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let (Some(d), Some(mo)) = (num(c.get(1)), num(c.get(2))) else {
            continue;
        };
        let Some(day) = ymd(0, mo, d) else { continue };
        if !clean_left(text, m.start()) || !clean_right(text, m.end()) || lunar_after(text, m.end())
        {
            continue;
        }
        out.push(Cand {
            start: m.start(),
            end: m.end(),
            kind: DateKind::Day,
            first: Some(day),
            last: None,
            value: String::new(),
            needs_cue: true,
        });
    }
    for c in RE_DM_DASH.captures_iter(text) {
        let (Some(g1), Some(g2)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let before = window_before(text, g1.start(), 24);
        if !before.ends_with([' ', '\t', '\u{a0}', '\u{2009}', '\u{202f}'])
            || !clean_left(text, g1.start())
        {
            continue;
        }
        let words = last_words(before, 3);
        if !DM_DASH_CUES
            .iter()
            .any(|c| words == *c || words.ends_with(&format!(" {c}")))
        {
            continue;
        }
        let (Some(d), Some(mo)) = (num(Some(g1)), num(Some(g2))) else {
            continue;
        };
        let Some(day) = ymd(0, mo, d) else { continue };
        if !clean_right(text, g2.end()) || lunar_after(text, g2.end()) {
            continue;
        }
        out.push(Cand {
            start: g1.start(),
            end: g2.end(),
            kind: DateKind::Day,
            first: Some(day),
            last: None,
            value: String::new(),
            needs_cue: false,
        });
    }
    for c in RE_MONTH.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let Some(g) = c.get(1) else { continue };
        let Some(mo) = g
            .as_str()
            .parse::<u32>()
            .ok()
            .or_else(|| month_word(g.as_str()))
        else {
            continue;
        };
        if !(1..=12).contains(&mo) || !clean_right(text, m.end()) || lunar_after(text, m.end()) {
            continue;
        }
        // "tháng" must start a word, and not count months ("3 tháng 4 năm" is a duration).
        if prev_char(text, m.start()).is_some_and(char::is_alphanumeric)
            || window_before(text, m.start(), 8)
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let value = match num(c.get(2)) {
            Some(y) if plausible_year(y as i32) => format!("{y:04}-{mo:02}"),
            Some(_) => continue,
            None => format!("--{mo:02}"),
        };
        out.push(coarse(m.start(), m.end(), DateKind::Month, value));
    }
    for c in RE_YEAR_RANGE.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let (Some(a), Some(b)) = (num(c.get(1)), num(c.get(2))) else {
            continue;
        };
        let (a, b) = (a as i32, b as i32);
        if !plausible_year(a) || !plausible_year(b) || b <= a || b - a > 30 {
            continue;
        }
        let (kind, start) = match year_range_cue(text, m.start()) {
            Some(k) => k,
            None if b - a <= 10 => (DateKind::Period, m.start()),
            None => continue,
        };
        if !clean_left(text, m.start()) || !clean_right(text, m.end()) {
            continue;
        }
        out.push(coarse(start, m.end(), kind, format!("{a:04}/{b:04}")));
    }
    for c in RE_YEAR.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let Some(y) = num(c.get(1)) else { continue };
        if !plausible_year(y as i32)
            || prev_char(text, m.start()).is_some_and(char::is_alphanumeric)
            || !clean_right(text, m.end())
        {
            continue;
        }
        out.push(coarse(
            m.start(),
            m.end(),
            DateKind::Year,
            format!("{y:04}"),
        ));
    }
    out
}

fn coarse(start: usize, end: usize, kind: DateKind, value: String) -> Cand {
    Cand {
        start,
        end,
        kind,
        first: None,
        last: None,
        value,
        needs_cue: false,
    }
}

/// Years of a National Assembly term (Quốc hội khóa I…XVI), REFERENCE §2.3.
fn qh_term(k: u32) -> Option<(i32, i32)> {
    const T: [(i32, i32); 16] = [
        (1946, 1960),
        (1960, 1964),
        (1964, 1971),
        (1971, 1975),
        (1975, 1976),
        (1976, 1981),
        (1981, 1987),
        (1987, 1992),
        (1992, 1997),
        (1997, 2002),
        (2002, 2007),
        (2007, 2011),
        (2011, 2016),
        (2016, 2021),
        (2021, 2026),
        (2026, 2031),
    ];
    T.get(usize::try_from(k).ok()?.checked_sub(1)?).copied()
}

/// Years of a Party Central Committee term (Ban Chấp hành Trung ương khóa VI…XIV).
fn party_term(k: u32) -> Option<(i32, i32)> {
    const CONGRESS: [i32; 14] = [
        1935, 1951, 1960, 1976, 1982, 1986, 1991, 1996, 2001, 2006, 2011, 2016, 2021, 2026,
    ];
    let i = usize::try_from(k).ok()?.checked_sub(1)?;
    let a = *CONGRESS.get(i)?;
    let b = CONGRESS.get(i + 1).copied().unwrap_or(a + 5);
    Some((a, b))
}

// Cue words before a bare day–month. Strong cues accept whatever follows; weak ones only when no
// counting noun follows.
#[rustfmt::skip]
const STRONG_CUES: &[&str] = &[
    "ngày", "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "hôm", "lễ", "dịp", "phiên", "sớm",
    "mùng", "mồng", "rạng",
];
#[rustfmt::skip]
const WEAK_CUES: &[&str] = &[
    "từ", "đến", "tới", "vào", "hết", "nay", "qua", "mai", "trước", "sau", "tuần", "nghỉ",
];
#[rustfmt::skip]
const HOLIDAYS: &[&str] = &[
    "lao động",
    "quốc khánh",
    "phụ nữ",
    "nhà giáo",
    "thiếu nhi",
    "thống nhất",
    "giải phóng",
    "liệt sĩ",
    "thầy thuốc",
    "báo chí",
    "doanh nhân",
    "chiến thắng",
    "thành lập",
];
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "thứ bẩy",
    "chủ nhật",
    "thứ 2",
    "thứ 3",
    "thứ 4",
    "thứ 5",
    "thứ 6",
    "thứ 7",
];
/// Counting nouns and units after which a `d/m` is a ratio or a spec (`7/10 nhóm`, `4/6 GB`).
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "số", "dân", "tổng", "hộ", "người", "trận", "lần", "nhóm", "chỉ", "xã", "huyện", "tỉnh",
    "đội", "trường", "học", "gb", "tb", "mb", "inch", "km", "phần", "diện", "lượng", "ca", "đơn",
    "cổ", "thành", "tiêu", "môn", "vòng", "điểm", "bàn", "câu", "phiếu", "ghế", "đại", "thí",
    "thôn", "bản", "phường", "quận", "sông", "công", "bộ", "ngành", "cơ", "trên", "là", "được",
    "triệu", "nghìn", "ngàn", "tỷ", "con", "mức", "suất",
];

fn last_words(before: &str, n: usize) -> String {
    let lower = before.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let k = words.len().saturating_sub(n);
    words[k..].join(" ")
}

/// Whether a bare day–month at `start..end` has a date cue; `chained` when it continues an
/// accepted date (`30/4 và 1/5`).
fn has_cue(text: &str, start: usize, end: usize, chained: bool) -> bool {
    let before = window_before(text, start, 40);
    let after = window_after(text, end, 24);
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}', '\u{2009}', '\u{202f}']);
    // "(29/4)", "(ngày 18/4)".
    if trimmed.ends_with('(') && after.starts_with(')') {
        return true;
    }
    let w1 = last_words(trimmed, 1);
    let w2 = last_words(trimmed, 2);
    let w3 = last_words(trimmed, 3);
    // "ngày" two or three words back: "ngày bầu cử 3/11", "ngày khánh thành 27/4".
    let ngay_back = (w2.starts_with("ngày ") || w3.starts_with("ngày "))
        && !w2.starts_with("ngày càng")
        && !w3.starts_with("ngày càng");
    let strong = STRONG_CUES.contains(&w1.as_str())
        || (w1.ends_with("ngày") && w1.len() > "ngày".len()) // "New Delhingày 28/4" (lost space)
        || WEEKDAYS.contains(&w2.as_str())
        || HOLIDAYS.contains(&w2.as_str())
        || w2 == "giao dịch";
    if strong {
        return true;
    }
    if ngay_back && !trimmed.ends_with([',', '.', ';', ':', ')']) {
        return no_count_noun(after);
    }
    if strong {
        return true;
    }
    let weak = chained || WEAK_CUES.contains(&w1.as_str());
    if !weak {
        return false;
    }
    no_count_noun(after)
}

/// Whether no counting noun follows: "từ 1/3 số hộ", "đến 1/6 triệu trẻ", "1/3 (một phần ba)".
fn no_count_noun(after: &str) -> bool {
    let next_text = after.trim_start_matches([' ', '\t', '\u{a0}', '\u{2009}', '\u{202f}', '…']);
    if next_text.starts_with("(một phần") {
        return false;
    }
    let next = next_text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    !COUNT_NOUNS.contains(&next.as_str())
}

/// Whether the text between two mentions links them (`30/4 và 1/5`, `30/4 - 1/5`, `25/1 đến 1/2`).
fn connector(between: &str) -> Option<bool> {
    let t = between.trim().to_lowercase();
    let t = t.trim_end_matches("ngày").trim();
    match t {
        "" | "," | "và" | "hoặc" | ";" => Some(false),
        "-" | "–" | "—" | "đến" | "tới" | "đến hết" | "- ngày" => Some(true),
        _ => None,
    }
}

fn resolve(d: (i32, u32, u32), reference: Option<CalendarDate>) -> Option<(i32, u32, u32)> {
    if d.0 != 0 {
        return Some(d);
    }
    let r = reference?;
    // The year (around the reference's) that puts the date closest to the reference.
    let mut best: Option<((i32, u32, u32), i64)> = None;
    for y in [r.year - 1, r.year, r.year + 1] {
        if let Some(c) = CalendarDate::new(y, d.1, d.2) {
            let dist = (c.ordinal_key() - r.ordinal_key()).abs();
            if best.is_none_or(|(_, b)| dist < b) {
                best = Some(((y, d.1, d.2), dist));
            }
        }
    }
    best.map(|(v, _)| v)
}

/// Finds the date expressions in `text`; `reference` (the article's date) resolves dates written
/// without a year into [`DateMention::resolved`].
///
/// Every occurrence is returned in text order (see [`unique`] for one per value).
///
/// ```
/// use vntext::extract::dates::{find_dates, DateKind};
/// let found = find_dates("Kết luận số 69-KL/TU, ngày 09/4/2021; trong 2 ngày (27-28/7/2020).", None);
/// assert_eq!(found[0].value, "2021-04-09");
/// assert_eq!(found[1].kind, DateKind::Range);
/// assert_eq!(found[1].value, "2020-07-27/2020-07-28");
/// ```
pub fn find_dates(text: &str, reference: Option<CalendarDate>) -> Vec<DateMention> {
    let mut cands = collect(text);
    // Longest first among those starting at the same place; greedy left to right.
    cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Cand> = Vec::new();
    let mut last_end = 0usize;
    for c in cands {
        if c.start < last_end {
            continue;
        }
        if c.needs_cue {
            let chained = kept.last().is_some_and(|p| {
                p.kind.is_calendar_day()
                    && text
                        .get(p.end..c.start)
                        .is_some_and(|b| b.len() <= 12 && connector(b).is_some())
            });
            if !has_cue(text, c.start, c.end, chained) {
                continue;
            }
        }
        last_end = c.end;
        kept.push(c);
    }
    // Merge "từ ngày 25/1 đến ngày 1/2/2021", "30/4 - 1/5": the first day takes the second's year.
    let mut merged: Vec<Cand> = Vec::with_capacity(kept.len());
    for c in kept {
        if let Some(p) = merged.last_mut() {
            let is_range_link = p.kind == DateKind::Day
                && c.kind == DateKind::Day
                && text
                    .get(p.end..c.start)
                    .is_some_and(|b| b.len() <= 24 && connector(b) == Some(true));
            if let (true, Some(a), Some(b)) = (is_range_link, p.first, c.first) {
                let from_tu = {
                    let w = last_words(window_before(text, p.start, 16), 2);
                    w == "từ" || w.ends_with(" từ") || w == "từ ngày" || w.ends_with(" từ ngày")
                };
                let a_year = if a.0 == 0 && b.0 != 0 {
                    // Crossing a new year: 25/12 … 5/1/2021.
                    if (a.1, a.2) > (b.1, b.2) {
                        b.0 - 1
                    } else {
                        b.0
                    }
                } else {
                    a.0
                };
                if (a.0 == 0 || b.0 == 0 || from_tu)
                    && let Some(a2) = ymd(a_year, a.1, a.2)
                {
                    let ordered = a2.0 == 0 || b.0 == 0 || a2 < b;
                    // Both with years: only a short span ("30/4/1975 - 30/4/2021" is two dates).
                    let short = a.0 == 0 || b.0 == 0 || b.0 - a2.0 <= 1;
                    if ordered && short {
                        p.kind = DateKind::Range;
                        p.first = Some(a2);
                        p.last = Some(b);
                        p.end = c.end;
                        continue;
                    }
                }
            }
        }
        merged.push(c);
    }
    merged
        .into_iter()
        .filter_map(|mut c| {
            if c.kind.is_calendar_day() {
                c.start = with_ngay(text, c.start);
            }
            let text_s = text.get(c.start..c.end)?.to_string();
            let (value, resolved) = match (c.first, c.last) {
                (Some(a), None) => (
                    fmt_day(a),
                    if a.0 == 0 {
                        resolve(a, reference).map(fmt_day)
                    } else {
                        None
                    },
                ),
                (Some(a), Some(b)) => {
                    let v = format!("{}/{}", fmt_day(a), fmt_day(b));
                    let r = if a.0 == 0 || b.0 == 0 {
                        match (resolve(a, reference), resolve(b, reference)) {
                            (Some(x), Some(y)) => Some(format!("{}/{}", fmt_day(x), fmt_day(y))),
                            _ => None,
                        }
                    } else {
                        None
                    };
                    (v, r)
                }
                _ => {
                    let r = match (reference, c.value.strip_prefix("--")) {
                        (Some(r), Some(rest)) => Some(format!("{:04}-{rest}", r.year)),
                        _ => None,
                    };
                    (c.value, r)
                }
            };
            Some(DateMention {
                text: text_s,
                start: c.start,
                end: c.end,
                kind: c.kind,
                value,
                resolved,
            })
        })
        .collect()
}

/// Widens a day mention to the trigger word "ngày" written just before it ("ngày 09/4/2021").
fn with_ngay(text: &str, start: usize) -> usize {
    let before = window_before(text, start, 12);
    let trimmed = before.trim_end_matches([' ', '\t', '\u{a0}', '\u{2009}', '\u{202f}']);
    if trimmed.len() == before.len() {
        return start;
    }
    let Some((i, _)) = trimmed.char_indices().rev().nth(3) else {
        return start;
    };
    let word = &trimmed[i..];
    let at = start - before.len() + i;
    if word.to_lowercase() == "ngày" && prev_char(text, at).is_none_or(|c| !c.is_alphanumeric()) {
        at
    } else {
        start
    }
}

/// Keeps the first mention of each `(kind, value)`, in text order: the report lists each date once
/// per document.
///
/// ```
/// use vntext::extract::dates::{find_dates, unique};
/// let all = find_dates("ngày 09/4/2021 … ngày 09/4/2021", None);
/// assert_eq!(all.len(), 2);
/// assert_eq!(unique(all).len(), 1);
/// ```
pub fn unique(mentions: Vec<DateMention>) -> Vec<DateMention> {
    let mut seen = std::collections::HashSet::new();
    mentions
        .into_iter()
        .filter(|m| seen.insert((m.kind, m.value.clone())))
        .collect()
}

/// Parses a CMS dateline (dòng ngày đăng) at the start of `line`: `Thứ hai - 24/01/2022 09:17`
/// (NukeViet `l - d/m/Y H:i`), `24/01/2022 09:17`, `Chủ nhật, 30/4/2023`. Returns the date and
/// the time `(hour, minute)` when given. A weekday that does not match the date makes it `None`.
///
/// ```
/// use vntext::extract::dates::{parse_dateline, CalendarDate};
/// let (d, t) = parse_dateline("Thứ hai - 24/01/2022 09:17 900 0").unwrap();
/// assert_eq!(d, CalendarDate { year: 2022, month: 1, day: 24 });
/// assert_eq!(t, Some((9, 17)));
/// assert!(parse_dateline("Thứ ba - 24/01/2022").is_none()); // 24/01/2022 was a Monday
/// ```
pub fn parse_dateline(line: &str) -> Option<(CalendarDate, Option<(u32, u32)>)> {
    dateline_at(line).map(|d| (d.date, d.time))
}

/// A dateline read by [`dateline_at`].
pub(crate) struct Dateline {
    pub(crate) date: CalendarDate,
    pub(crate) time: Option<(u32, u32)>,
}

/// [`parse_dateline`]'s work.
pub(crate) fn dateline_at(line: &str) -> Option<Dateline> {
    let c = RE_DATELINE.captures(line)?;
    let d = CalendarDate::new(num(c.get(4))? as i32, num(c.get(3))?, num(c.get(2))?)?;
    if !plausible_year(d.year) {
        return None;
    }
    if let Some(w) = c.get(1) {
        let w = w.as_str().to_lowercase();
        let expected = if w.starts_with("chủ") || w == "cn" {
            7
        } else {
            let tail = w.trim_start_matches("thứ").trim_start_matches('t').trim();
            match tail {
                "hai" | "2" => 1,
                "ba" | "3" => 2,
                "tư" | "4" => 3,
                "năm" | "5" => 4,
                "sáu" | "6" => 5,
                "bảy" | "bẩy" | "7" => 6,
                _ => return None,
            }
        };
        if d.weekday() != expected {
            return None;
        }
    }
    let time = match (num(c.get(5)), num(c.get(6))) {
        (Some(h), Some(m)) if h < 24 && m < 60 => Some((h, m)),
        _ => None,
    };
    Some(Dateline { date: d, time })
}

/// Parses one calendar date written at the very start of `s` (after spaces): `09/4/2021`,
/// `01-10-1997`, `24.01.2022`, `9 tháng 4 năm 2021`. Returns the date and the bytes consumed.
/// Used by the document-number recogniser for "số 69-KL/TU, ngày 09/4/2021".
pub(crate) fn parse_date_prefix(s: &str) -> Option<(CalendarDate, usize)> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^{WS}*([0-9]{{1,2}})(?:{SP}*/{SP}*([0-9]{{1,2}}){SP}*/{SP}*|-([0-9]{{1,2}})-|\.([0-9]{{1,2}})\.|{WS}*(?i:tháng){WS}*([0-9]{{1,2}}){WS}*(?i:năm){WS}*)([0-9]{{4}})"
        ))
        .expect("valid regex")
    });
    let c = RE.captures(s)?;
    let m = c.get(0)?;
    let d = num(c.get(1))?;
    let mo = num(c.get(2))
        .or(num(c.get(3)))
        .or(num(c.get(4)))
        .or(num(c.get(5)))?;
    let y = num(c.get(6))? as i32;
    if !plausible_year(y) || s.get(m.end()..)?.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((CalendarDate::new(y, mo, d)?, m.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, DateKind)> {
        find_dates(text, None)
            .into_iter()
            .map(|m| (m.value, m.kind))
            .collect()
    }

    #[test]
    fn weekday_known_dates() {
        assert_eq!(CalendarDate::new(1970, 1, 1).unwrap().weekday(), 4);
        assert_eq!(CalendarDate::new(2000, 2, 29).unwrap().weekday(), 2);
        assert_eq!(CalendarDate::new(2021, 4, 30).unwrap().weekday(), 5);
    }

    #[test]
    fn day_forms() {
        assert_eq!(values("ngày 09/4/2021")[0].0, "2021-04-09");
        assert_eq!(values("ngày 01-10-1997")[0].0, "1997-10-01");
        assert_eq!(
            values("Hà nội, ngày  22  tháng 11 năm 2002")[0].0,
            "2002-11-22"
        );
        assert_eq!(values("ngày 14 tháng5 năm 2008")[0].0, "2008-05-14");
        assert!(values("31/2/2021").is_empty());
    }

    #[test]
    fn ranges_and_cues() {
        assert_eq!(
            values("từ ngày 25/1 đến ngày 1/2/2021")[0].0,
            "2021-01-25/2021-02-01"
        );
        assert_eq!(values("Sáng 1/11, Chủ tịch")[0].0, "--11-01");
        assert!(values("7/10 nhóm chỉ tiêu").is_empty());
        assert_eq!(values("dịp 30/4 và 1/5.").len(), 2);
    }

    #[test]
    fn resolved_nearest_year() {
        let r = CalendarDate::new(2021, 1, 5);
        let m = find_dates("tối 25/12", r);
        assert_eq!(m[0].resolved.as_deref(), Some("2020-12-25"));
    }

    #[test]
    fn coarse_kinds() {
        assert_eq!(
            values("tháng 4/2021"),
            vec![("2021-04".into(), DateKind::Month)]
        );
        assert_eq!(
            values("quý I/2022"),
            vec![("2022-Q1".into(), DateKind::Quarter)]
        );
        assert_eq!(
            values("nhiệm kỳ 2020-2025"),
            vec![("2020/2025".into(), DateKind::Term)]
        );
        assert_eq!(
            values("Quốc hội khóa XV"),
            vec![("2021/2026".into(), DateKind::Term)]
        );
    }
}
