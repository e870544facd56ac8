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
//! The grammar runs over the tokens of a [`Document`]: numbers and dates are the tokens' values
//! (`Value::Date`, `Value::Fraction`, `Value::Number`: one parser, the tokenizer's), the words are
//! the lexicon hits of `data/dates/words.tsv` (`ngày`, `tháng`, `quý`, `khóa`, `nhiệm kỳ`…),
//! `data/dates/cues.tsv` (cues before a bare day–month), `data/dates/lunar.tsv`,
//! `data/dates/count_nouns.tsv`,
//! `data/dates/months.tsv` and `data/dates/terms.tsv`, and "the word before" is the previous word
//! token of the sentence.
//!
//! Every occurrence is returned, in text order; [`unique`] keeps the first mention of each date
//! and of each distinct wording of the coarser kinds.

use std::sync::LazyLock;

use regex::Regex;

use crate::Span;
use crate::document::{Case, DateValue, Document, Gap, Value};
use crate::lexicon::Lex;
use crate::stats::NumberFormat;
use crate::tokenize::TokenKind;

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

/// The time a date mention names, typed: what its ISO [`DateMention::value`] says.
///
/// ```
/// use vntext::extract::dates::{find_dates, When};
/// let m = &find_dates("giai đoạn 2016 - 2020, ngày 09/4/2021, quý I/2022", None);
/// assert_eq!(m[0].when(), Some(When::Between(Box::new(When::Year(2016)), Box::new(When::Year(2020)))));
/// assert_eq!(m[1].when(), Some(When::Day { year: Some(2021), month: 4, day: 9 }));
/// assert_eq!(m[2].when(), Some(When::Quarter { year: Some(2022), quarter: 1 }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum When {
    /// A day (`YYYY-MM-DD`, `--MM-DD` without a year).
    Day {
        /// The year, when written or resolved.
        year: Option<i32>,
        /// Month 1..=12.
        month: u32,
        /// Day 1..=31.
        day: u32,
    },
    /// A month (`YYYY-MM`, `--MM`).
    Month {
        /// The year, when written.
        year: Option<i32>,
        /// Month 1..=12.
        month: u32,
    },
    /// A quarter (`YYYY-Qn`, `--Qn`).
    Quarter {
        /// The year, when written.
        year: Option<i32>,
        /// Quarter 1..=4.
        quarter: u32,
    },
    /// A year (`YYYY`).
    Year(i32),
    /// An interval (`A/B`): ranges of days, terms, periods.
    Between(Box<When>, Box<When>),
}

impl When {
    /// Reads an ISO value as [`DateMention::value`] writes it; `None` for anything else.
    ///
    /// ```
    /// use vntext::extract::dates::When;
    /// assert_eq!(When::parse("--04-09"), Some(When::Day { year: None, month: 4, day: 9 }));
    /// assert_eq!(When::parse("2021-04"), Some(When::Month { year: Some(2021), month: 4 }));
    /// assert_eq!(When::parse("April"), None);
    /// ```
    pub fn parse(iso: &str) -> Option<When> {
        if let Some((a, b)) = iso.split_once('/') {
            return Some(When::Between(
                Box::new(When::parse(a)?),
                Box::new(When::parse(b)?),
            ));
        }
        let num = |s: &str| -> Option<u32> {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (year, rest) = match iso.strip_prefix("--") {
            Some(rest) => (None, rest),
            None => {
                let (y, rest) = iso.split_once('-').unwrap_or((iso, ""));
                (Some(i32::try_from(num(y)?).ok()?), rest)
            }
        };
        let parts: Vec<&str> = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('-').collect()
        };
        match (year, parts.as_slice()) {
            (Some(y), []) => Some(When::Year(y)),
            (year, [q]) if q.starts_with('Q') => Some(When::Quarter {
                year,
                quarter: num(&q[1..]).filter(|q| (1..=4).contains(q))?,
            }),
            (year, [m]) => Some(When::Month {
                year,
                month: num(m).filter(|m| (1..=12).contains(m))?,
            }),
            (year, [m, d]) => Some(When::Day {
                year,
                month: num(m).filter(|m| (1..=12).contains(m))?,
                day: num(d).filter(|d| (1..=31).contains(d))?,
            }),
            _ => None,
        }
    }
}

impl DateMention {
    /// The mention's value, typed (the resolved one for a date written without a year, when
    /// the article's date resolved it).
    ///
    /// ```
    /// let m = &vntext::extract::dates::find_dates("Quốc hội khóa XV", None)[0];
    /// assert!(matches!(m.when(), Some(vntext::extract::dates::When::Between(..))));
    /// ```
    pub fn when(&self) -> Option<When> {
        When::parse(self.resolved.as_deref().unwrap_or(&self.value))
    }
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
// The grammar, over the tokens of a Document. Numbers and dates are the tokens' values (one
// parser: the tokenizer's); words are the lexicon hits of data/dates/*.tsv; "the word before" is
// the previous word token of the sentence.

/// A day as (year, month, day); year 0 when not written.
type Ymd = (i32, u32, u32);

/// A candidate mention: tokens `a..b`.
#[derive(Debug, Clone)]
struct Cand {
    a: usize,
    b: usize,
    kind: DateKind,
    /// Day-level dates: first (and last, for ranges) day.
    first: Option<Ymd>,
    last: Option<Ymd>,
    /// Coarse kinds: the value.
    value: String,
    /// A bare day–month (or day range) without year: needs a cue.
    needs_cue: bool,
    /// A day–month written with a dot (`14.10`), which also reads as a decimal or a time: a date
    /// only after a strong cue (or continuing a list of such dates).
    dotted: bool,
}

impl Cand {
    fn day(a: usize, b: usize, d: Ymd, needs_cue: bool) -> Cand {
        Cand {
            a,
            b,
            kind: DateKind::Day,
            first: Some(d),
            last: None,
            value: String::new(),
            needs_cue,
            dotted: false,
        }
    }

    fn range(a: usize, b: usize, x: Ymd, y: Ymd, needs_cue: bool) -> Cand {
        Cand {
            a,
            b,
            kind: DateKind::Range,
            first: Some(x),
            last: Some(y),
            value: String::new(),
            needs_cue,
            dotted: false,
        }
    }

    fn coarse(a: usize, b: usize, kind: DateKind, value: String) -> Cand {
        Cand {
            a,
            b,
            kind,
            first: None,
            last: None,
            value,
            needs_cue: false,
            dotted: false,
        }
    }
}

/// The part a word of `data/dates/words.tsv` plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Day,
    Month,
    Year,
    Quarter,
    Session,
    Term,
    Period,
    From,
    Until,
    And,
}

fn role_of(kind: &str) -> Option<Role> {
    Some(match kind {
        "day" => Role::Day,
        "month" => Role::Month,
        "year" => Role::Year,
        "quarter" => Role::Quarter,
        "session" => Role::Session,
        "term" => Role::Term,
        "period" => Role::Period,
        "from" => Role::From,
        "until" => Role::Until,
        "and" => Role::And,
        _ => return None,
    })
}

/// The grammar's view of a document.
struct Grammar<'d, 'a> {
    doc: &'d Document<'a>,
}

impl Grammar<'_, '_> {
    fn gap(&self, i: usize) -> Gap {
        self.doc.get(i).map_or(Gap::Paragraph, |t| t.gap)
    }

    /// Token `i` follows the previous one on the same line (`SP*`: spaces, tabs or nothing).
    fn same_line(&self, i: usize) -> bool {
        matches!(self.gap(i), Gap::None | Gap::Space | Gap::Column)
    }

    /// Token `i` is the punctuation `p` (dashes are all `-` in keys).
    fn punct(&self, i: usize, p: &str) -> bool {
        self.doc.is(i, TokenKind::Punctuation) && self.doc.key(i) == p
    }

    /// Token `i` is an integer written in digits: its value and number of digits.
    fn int(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.doc.get(i)?;
        match t.value {
            Value::Number {
                value,
                format: NumberFormat::Integer,
                ..
            } if value < 1e9 => Some((value as u32, t.span.len())),
            _ => None,
        }
    }

    /// A day or month number: one or two digits.
    fn small(&self, i: usize) -> Option<u32> {
        self.int(i).filter(|&(_, n)| n <= 2).map(|(v, _)| v)
    }

    /// A year: four digits.
    fn year(&self, i: usize) -> Option<i32> {
        self.int(i).filter(|&(_, n)| n == 4).map(|(v, _)| v as i32)
    }

    /// The date value of token `i`, with whether its year (if any) has four digits.
    fn date(&self, i: usize) -> Option<(DateValue, bool)> {
        match self.doc.get(i)?.value {
            Value::Date(v) => {
                let text = self.doc.text_of(i).as_bytes();
                let digits = text.iter().rev().take_while(|b| b.is_ascii_digit()).count();
                Some((v, v.year.is_none() || digits == 4))
            }
            _ => None,
        }
    }

    /// The roles of the words of `data/dates/words.tsv` starting at token `i`, with their ends.
    fn roles(&self, i: usize) -> impl Iterator<Item = (Role, usize)> + '_ {
        let hits = if self.doc.has(i, Lex::DateWord) {
            self.doc.hits_at(i)
        } else {
            &[]
        };
        hits.iter()
            .filter(|h| h.lex == Lex::DateWord)
            .filter_map(|h| {
                let kind = self.doc.lexicons().entry(h).kind()?;
                Some((role_of(kind)?, h.end))
            })
    }

    /// Whether the one-token word at `i` plays `role`. (Most tokens are no date word: that
    /// answer is inlined.)
    #[inline]
    fn is(&self, i: usize, role: Role) -> bool {
        self.doc.has(i, Lex::DateWord) && self.is_at(i, role)
    }

    #[inline(never)]
    fn is_at(&self, i: usize, role: Role) -> bool {
        self.roles(i).any(|(r, e)| r == role && e == i + 1)
    }

    /// A day–month without year at `i`: `5/3` (a fraction token, or a date token after a day
    /// word), `5 / 3`. Returns day, month and the token after it.
    fn dm(&self, i: usize) -> Option<(u32, u32, usize)> {
        let t = self.doc.get(i)?;
        match t.value {
            Value::Fraction(a, b) => {
                let text = self.doc.text_of(i);
                let k = text.find('/')?;
                (k <= 2 && text.len() - k - 1 <= 2).then_some((a, b, i + 1))
            }
            Value::Date(v) if v.year.is_none() && v.last_day.is_none() => {
                Some((u32::from(v.day?), u32::from(v.month), i + 1))
            }
            Value::Number { .. } => {
                let d = self.small(i)?;
                if !(self.punct(i + 1, "/") && self.same_line(i + 1) && self.same_line(i + 2)) {
                    return None;
                }
                Some((d, self.small(i + 2)?, i + 3))
            }
            _ => None,
        }
    }

    /// A day–month written with a dot, one number token `14.10` (day and month of one or two
    /// digits).
    fn dotted_dm(&self, i: usize) -> Option<(u32, u32)> {
        let t = self.doc.get(i)?;
        if !matches!(
            t.value,
            Value::Number {
                format: NumberFormat::Decimal | NumberFormat::Grouped,
                ..
            }
        ) {
            return None;
        }
        let (d, m) = self.doc.text_of(i).split_once('.')?;
        let part = |s: &str| {
            (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        Some((part(d)?, part(m)?))
    }

    /// `/ yyyy` at `j` (spaces allowed around the slash): the year and the token after it.
    fn year_tail(&self, j: usize) -> Option<(i32, usize)> {
        if self.punct(j, "/") && self.same_line(j) && self.same_line(j + 1) {
            return Some((self.year(j + 1)?, j + 2));
        }
        None
    }

    /// A month and its year written as one token: `4/2021` (a date token), `9/1869` (a
    /// fraction, the year being outside the tokenizer's range). Returns the month and the year.
    fn month_year(&self, k: usize) -> Option<(u32, i32)> {
        match self.doc.get(k)?.value {
            Value::Date(v) if v.day.is_none() => {
                let (_, four) = self.date(k)?;
                Some((u32::from(v.month), i32::from(v.year?))).filter(|_| four)
            }
            Value::Fraction(m, y) => {
                let text = self.doc.text_of(k);
                let slash = text.find('/')?;
                (slash <= 2 && text.len() - slash - 1 == 4).then_some((m, y as i32))
            }
            _ => None,
        }
    }

    /// A day, then a slash, then a month and year token: `24/ 8/2001`.
    fn d_slash_month_year(&self, i: usize) -> Option<(u32, u32, i32, usize)> {
        let d = self.small(i)?;
        if !(self.punct(i + 1, "/") && self.same_line(i + 1) && self.same_line(i + 2)) {
            return None;
        }
        let (m, y) = self.month_year(i + 2)?;
        let text = self.doc.text_of(i + 2);
        (text.find('/')? <= 2).then_some((d, m, y, i + 3))
    }

    /// A day–month with an optional year at `j`: `28/7`, `28/7/2020`, `28 / 7 / 2020`.
    fn dm_year(&self, j: usize) -> Option<(u32, u32, i32, usize)> {
        if let Some((v, four)) = self.date(j)
            && v.last_day.is_none()
            && let Some(d) = v.day
        {
            let y = v.year.map_or(0, i32::from);
            return four.then_some((u32::from(d), u32::from(v.month), y, j + 1));
        }
        if let Some(found) = self.d_slash_month_year(j) {
            return Some(found);
        }
        let (d, m, e) = self.dm(j)?;
        match self.year_tail(e) {
            Some((y, e)) => Some((d, m, y, e)),
            None => Some((d, m, 0, e)),
        }
    }

    /// The first character of token `e` when it is glued to the previous token, and the
    /// character after it.
    fn glued_chars(&self, e: usize) -> Option<(char, Option<char>)> {
        let t = self.doc.get(e)?;
        if t.gap != Gap::None {
            return None;
        }
        let text = self.doc.text_of(e);
        let mut it = text.chars();
        let c1 = it.next()?;
        let c2 = it.next().or_else(|| {
            (self.gap(e + 1) == Gap::None)
                .then(|| self.doc.text_of(e + 1).chars().next())
                .flatten()
        });
        Some((c1, c2))
    }

    /// Nothing glued before token `i` that makes it part of a longer number (`1.9`, `01/2016`).
    fn clean_left(&self, i: usize) -> bool {
        if i == 0 || self.gap(i) != Gap::None {
            return true;
        }
        let p = self.doc.text_of(i - 1);
        let mut rev = p.chars().rev();
        match rev.next() {
            Some(c) if c.is_ascii_digit() => false,
            Some('/' | '.' | ',' | ':') => {
                let before = rev.next().or_else(|| {
                    (i >= 2 && self.gap(i - 1) == Gap::None)
                        .then(|| self.doc.text_of(i - 2).chars().next_back())
                        .flatten()
                });
                !before.is_some_and(|c| c.is_ascii_digit())
            }
            _ => true,
        }
    }

    /// Nothing glued after the mention ending before token `e`: no digit, word, `/x`, `-x`.
    fn clean_right(&self, e: usize) -> bool {
        let Some((c1, c2)) = self.glued_chars(e) else {
            return true;
        };
        match c1 {
            c if c.is_ascii_digit() => false,
            '-' | '–' => !c2.is_some_and(char::is_alphabetic),
            '/' | '.' | ',' => !c2.is_some_and(char::is_alphanumeric),
            c if c.is_alphabetic() => false,
            _ => true,
        }
    }

    /// Like [`Grammar::clean_right`] for a date with its year, which may be glued to the next word
    /// by a missing space (`ngày 10/4/2021và`, `ngày 31/7/1980.Ông`).
    fn clean_right_year(&self, e: usize) -> bool {
        match self.glued_chars(e) {
            Some((c, _)) if c.is_alphabetic() => true,
            Some(('.', c2)) => !c2.is_some_and(|c| c.is_ascii_digit()),
            _ => self.clean_right(e),
        }
    }

    /// The kinds of the cues of `data/dates/cues.tsv` that end just before token `e`:
    /// (strong, weak, with the `d-m` flag).
    fn cues_ending(&self, e: usize) -> (bool, bool, bool) {
        let (mut strong, mut weak, mut dash) = (false, false, false);
        let lex = self.doc.lexicons();
        // The keys of the tokens before `e`, joined: each cue is a suffix of it.
        let mut first = e;
        while first > 0
            && e - first < MAX_CUE_TOKENS
            && (first == e || !matches!(self.gap(first), Gap::Paragraph | Gap::Column))
        {
            first -= 1;
        }
        let mut joined = String::with_capacity(32);
        let mut starts = [0usize; MAX_CUE_TOKENS];
        for (n, t) in (first..e).enumerate() {
            if n > 0 {
                joined.push(' ');
            }
            starts[n] = joined.len();
            joined.push_str(self.doc.key(t));
        }
        for &at in &starts[..e - first] {
            if let Some(entry) = lex.get(Lex::DateCue, &joined[at..]) {
                match entry.kind() {
                    Some("strong") => strong = true,
                    Some("weak") => weak = true,
                    _ => {}
                }
                dash |= entry.col(2) == "d-m";
            }
        }
        (strong, weak, dash)
    }

    /// A lunar-calendar marker (`âm lịch`, `(ÂL)`) after the mention ending before token `e`.
    fn lunar_after(&self, mut e: usize) -> bool {
        while self.punct(e, "(") && !self.gap(e).breaks_line() {
            e += 1;
        }
        e < self.doc.len() && !self.gap(e).breaks_line() && self.doc.has(e, Lex::LunarMark)
    }

    /// No counted noun after the mention ending before token `e`: a fraction of a noun is not a
    /// date (`từ 1/3 số hộ`, `trả trước 1/6 hóa đơn`, `đến 1/6 triệu trẻ`, `1/3 (một phần ba)`).
    /// The next word on the line, past an ellipsis, is looked up in `data/dates/count_nouns.tsv`
    /// and in the counted nouns, units and magnitudes of the statistics tables
    /// (`data/stats/units.tsv`, `magnitudes.tsv`).
    fn no_count_noun(&self, mut e: usize) -> bool {
        while self.doc.key(e) == "..." && !self.gap(e).breaks_line() {
            e += 1;
        }
        if e >= self.doc.len() || self.gap(e).breaks_line() {
            return true;
        }
        let listed = (1..=MAX_NOUN_TOKENS)
            .any(|n| self.doc.phrase_entry(Lex::CountNoun, e, e + n).is_some());
        !(listed || self.doc.has(e, Lex::Unit) || self.doc.has(e, Lex::Magnitude))
    }

    /// The last three word tokens (starting with a letter or digit) before token `i` in its
    /// sentence, nearest first.
    fn words_before(&self, i: usize) -> [Option<usize>; 3] {
        let floor = match self.doc.sentences().get(self.doc.sentence_of(i)) {
            Some(s) if s.start <= i => s.start,
            _ => 0,
        };
        let mut out = [None; 3];
        let mut k = 0;
        let mut j = i;
        // Past at most a few punctuation tokens ("thứ Hai, (24/1)").
        let floor = floor.max(i.saturating_sub(12));
        while j > floor && k < 3 {
            j -= 1;
            if matches!(self.doc.token(j).case, Case::None) {
                continue;
            }
            out[k] = Some(j);
            k += 1;
        }
        out
    }

    fn key_is(&self, i: Option<usize>, key: &str) -> bool {
        i.is_some_and(|i| self.doc.key(i) == key)
    }

    /// Whether a bare day–month at tokens `a..e` has a date cue; `chained` when it continues an
    /// accepted date (`30/4 và 1/5`); `strong_only` for a dotted one (`14.10`), which takes a
    /// strong cue or a list and no counted noun after (`mỗi ngày 1.5 triệu` is no date).
    fn has_cue(&self, a: usize, e: usize, chained: bool, strong_only: bool) -> bool {
        let w = self.words_before(a);
        // "New Delhingày 28/4": "ngày" glued to the word before by a missing space.
        let glued_ngay = w[0].is_some_and(|w1| {
            let k = self.doc.key(w1);
            k.len() > "ngày".len() && k.ends_with("ngày")
        });
        let (strong, weak, _) = w[0].map_or((false, false, false), |w1| self.cues_ending(w1 + 1));
        if strong_only {
            return (strong || glued_ngay || chained) && self.no_count_noun(e);
        }
        // "(29/4)", "(ngày 18/4)".
        if a > 0
            && !self.gap(a).breaks_line()
            && self.doc.text_of(a - 1).ends_with('(')
            && self.gap(e) == Gap::None
            && self.doc.text_of(e).starts_with(')')
        {
            return true;
        }
        if w[0].is_none() {
            return chained && self.no_count_noun(e);
        }
        if strong || glued_ngay {
            return true;
        }
        // "ngày" two or three words back: "ngày bầu cử 3/11", "ngày khánh thành 27/4".
        let ngay_back = (self.key_is(w[1], "ngày") && !self.key_is(w[0], "càng"))
            || (self.key_is(w[2], "ngày") && !self.key_is(w[1], "càng"));
        let after_punct = !self.gap(a).breaks_line()
            && self.doc.text_of(a - 1).ends_with([',', '.', ';', ':', ')']);
        if ngay_back && !after_punct {
            return self.no_count_noun(e);
        }
        (chained || weak) && self.no_count_noun(e)
    }

    /// What the tokens `p..c` between two mentions say: `Some(false)` for a list (`,`, `và`),
    /// `Some(true)` for a range (`-`, `đến`, `đến hết`), a trailing `ngày` ignored. Returns the
    /// link and its number of tokens.
    fn connector(&self, p: usize, c: usize) -> Option<(bool, usize)> {
        if c < p || c - p > 4 {
            return None;
        }
        let mut end = c;
        while end > p && self.doc.key(end - 1) == "ngày" {
            end -= 1;
        }
        let link = match end - p {
            0 => false,
            1 if matches!(self.doc.key(p), "," | ";") => false,
            1 if self.doc.key(p) == "-" => true,
            _ => match self.roles(p).find(|&(_, e)| e == end) {
                Some((Role::And, _)) => false,
                Some((Role::Until, _)) => true,
                _ => return None,
            },
        };
        Some((link, c - p))
    }

    /// Whether the mention starting at token `a` follows `từ` or `từ ngày`.
    fn after_tu(&self, a: usize) -> bool {
        let w = self.words_before(a);
        self.key_is(w[0], "từ") || (self.key_is(w[0], "ngày") && self.key_is(w[1], "từ"))
    }
}

/// The longest phrase of `data/dates/cues.tsv`, in tokens (checked by a test).
const MAX_CUE_TOKENS: usize = 4;
/// The longest phrase of `data/dates/count_nouns.tsv`, in tokens (checked by a test).
const MAX_NOUN_TOKENS: usize = 3;

/// Every candidate of the document, unordered.
fn collect(g: &Grammar<'_, '_>) -> Vec<Cand> {
    let doc = g.doc;
    let mut out = Vec::new();
    for i in 0..doc.len() {
        let t = doc.token(i);
        match t.kind {
            TokenKind::Number | TokenKind::Date if could_start(g, i) => numeric(g, i, &mut out),
            _ if doc.has(i, Lex::DateWord) => words(g, i, &mut out),
            _ => {}
        }
    }
    out
}

/// Whether an expression can start with the number at token `i`: a date token, a fraction or
/// a dotted pair (`5/3`, `14.10`), or an integer followed by a slash, a dash or "tháng". Most
/// numbers of a text fail this at once.
fn could_start(g: &Grammar<'_, '_>, i: usize) -> bool {
    match g.doc.token(i).value {
        Value::Date(_) | Value::Fraction(..) => true,
        Value::Number {
            format: NumberFormat::Integer,
            ..
        } => matches!(g.doc.key(i + 1), "/" | "-") || g.is(i + 1, Role::Month),
        Value::Number { .. } => g.doc.token(i).span.len() <= 5,
        _ => false,
    }
}

/// The expressions that start with the number or date at token `i`. (Kept out of the token
/// loop of [`collect`], which stays small and fast over the tokens that start nothing.)
#[inline(never)]
fn numeric(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    // "22 tháng 11 năm 2002" (without "ngày": only with its year).
    if g.small(i).is_some() && g.is(i + 1, Role::Month) {
        day_words(g, i, None, out);
    }
    full_day(g, i, out);
    day_range(g, i, out);
    year_range(g, i, out);
    if let Some((d, m, e)) = g.dm(i) {
        // "30/4-1/5", "30/4 - 1/5": two day–months of the same or the next month.
        if g.punct(e, "-")
            && g.same_line(e)
            && g.same_line(e + 1)
            && let Some((d2, m2, e2)) = g.dm(e + 1)
            && let (Some(a), Some(b)) = (ymd(0, m, d), ymd(0, m2, d2))
        {
            let next_month = m2 == m + 1 || (m == 12 && m2 == 1);
            if ((m == m2 && d < d2) || next_month) && g.clean_left(i) && g.clean_right(e2) {
                // "30/4-1/5 người dân": a noun after it asks for a cue before it.
                out.push(Cand::range(i, e2, a, b, !g.no_count_noun(e2)));
            }
        }
        // "5/3", "29/4": a date only with a cue.
        if let Some(day) = ymd(0, m, d)
            && g.clean_left(i)
            && g.clean_right(e)
            && !g.lunar_after(e)
        {
            out.push(Cand::day(i, e, day, true));
        }
    }
    // "Chiều 14.10", "lễ 30.4, 1.5": a day–month with a dot, after a strong cue.
    if let Some((d, m)) = g.dotted_dm(i)
        && let Some(day) = ymd(0, m, d)
        && g.clean_left(i)
        && g.clean_right(i + 1)
        && !g.lunar_after(i + 1)
    {
        let mut c = Cand::day(i, i + 1, day, true);
        c.dotted = true;
        out.push(c);
    }
    // "ngày 30-4", "Quốc khánh 2-9": a hyphenated day–month after a `d-m` cue.
    if let Some(d) = g.small(i)
        && g.punct(i + 1, "-")
        && g.gap(i + 1) == Gap::None
        && g.gap(i + 2) == Gap::None
        && let Some(m) = g.small(i + 2)
        && g.gap(i) != Gap::None
        && g.clean_left(i)
        && let Some(w1) = g.words_before(i)[0]
        && g.cues_ending(w1 + 1).2
        && let Some(day) = ymd(0, m, d)
        && g.clean_right(i + 3)
        && !g.lunar_after(i + 3)
    {
        out.push(Cand::day(i, i + 3, day, false));
    }
}

/// A day with its year: `09/4/2021`, `9-4-2021`, `24.01.2022`, `25/ 4 /2021`, `20/10 năm 2021`.
fn full_day(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    let found = if let Some((v, four)) = g.date(i) {
        match (v.day, v.last_day, v.year) {
            (Some(d), None, Some(y)) if four => {
                Some((i32::from(y), u32::from(v.month), u32::from(d), i + 1))
            }
            _ => None,
        }
    } else {
        None
    };
    let found = found.or_else(|| {
        if let Some((d, m, y, e)) = g.d_slash_month_year(i) {
            return Some((y, m, d, e));
        }
        if let Some((d, m, e)) = g.dm(i) {
            if let Some((y, e)) = g.year_tail(e) {
                return Some((y, m, d, e));
            }
            // "20/10 năm 2021": spaces (not a line break) around "năm".
            if matches!(g.gap(e), Gap::Space | Gap::Column)
                && g.is(e, Role::Year)
                && g.same_line(e + 1)
                && let Some(y) = g.year(e + 1)
            {
                return Some((y, m, d, e + 2));
            }
            return None;
        }
        let glued = |k: usize| g.gap(k) == Gap::None;
        // ISO 8601 "2025-08-17" (web pages, metadata).
        let two = |k: usize| g.int(k).filter(|&(_, n)| n == 2).map(|(v, _)| v);
        if let Some(y) = g.year(i)
            && g.punct(i + 1, "-")
            && g.punct(i + 3, "-")
            && (i + 1..i + 5).all(glued)
            && let (Some(m), Some(d)) = (two(i + 2), two(i + 4))
        {
            return Some((y, m, d, i + 5));
        }
        // "9–4–2021" when the tokenizer did not join it.
        let d = g.small(i)?;
        if g.punct(i + 1, "-") && glued(i + 1) && glued(i + 2) && glued(i + 3) && glued(i + 4) {
            let m = g.small(i + 2)?;
            if g.punct(i + 3, "-") {
                return Some((g.year(i + 4)?, m, d, i + 5));
            }
        }
        None
    });
    let Some((y, m, d, e)) = found else {
        return;
    };
    if let Some(day) = ymd(y, m, d)
        && g.clean_left(i)
        && g.clean_right_year(e)
        && !g.lunar_after(e)
    {
        out.push(Cand::day(i, e, day, false));
    }
}

/// A range of days of one month: `27-28/7/2020`, `26 - 29/4`, `9-10/4`.
fn day_range(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    let found = if let Some((v, four)) = g.date(i) {
        match (v.day, v.last_day) {
            (Some(a), Some(b)) if four => Some((
                u32::from(a),
                u32::from(b),
                u32::from(v.month),
                v.year.map_or(0, i32::from),
                i + 1,
            )),
            _ => None,
        }
    } else if let Some(d1) = g.small(i)
        && g.punct(i + 1, "-")
        && g.same_line(i + 1)
        && g.same_line(i + 2)
    {
        g.dm_year(i + 2).map(|(d2, m, y, e)| (d1, d2, m, y, e))
    } else {
        None
    };
    let Some((d1, d2, m, y, e)) = found else {
        return;
    };
    if d1 >= d2 {
        return;
    }
    if let (Some(a), Some(b)) = (ymd(y, m, d1), ymd(y, m, d2))
        && g.clean_left(i)
        && g.clean_right(e)
        && !g.lunar_after(e)
    {
        out.push(Cand::range(i, e, a, b, y == 0));
    }
}

/// A range of years: `nhiệm kỳ 2020-2025` (term), `giai đoạn 2016 - 2020`, `năm học 2021-2022`,
/// a bare `(2020-2025)` (period).
fn year_range(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    let Some(a) = g.year(i) else { return };
    if !g.punct(i + 1, "-") {
        return;
    }
    let Some(b) = g.year(i + 2) else { return };
    if !plausible_year(a) || !plausible_year(b) || b <= a || b - a > 30 {
        return;
    }
    // The cue right before: the longest phrase of words.tsv ending there.
    let cue = (i.saturating_sub(3)..i).find_map(|s| {
        g.roles(s).find_map(|(r, e)| {
            (e == i).then_some(match r {
                Role::Term => Some((DateKind::Term, s)),
                Role::Period | Role::Year => Some((DateKind::Period, s)),
                _ => None,
            })?
        })
    });
    let (kind, start) = match cue {
        Some(c) => c,
        None if b - a <= 10 => (DateKind::Period, i),
        None => return,
    };
    if g.clean_left(i) && g.clean_right(i + 3) {
        out.push(Cand::coarse(start, i + 3, kind, format!("{a:04}/{b:04}")));
    }
}

/// The expressions that start with a word of `data/dates/words.tsv` at token `i`.
#[inline(never)]
fn words(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    let doc = g.doc;
    for (role, _) in g.roles(i).filter(|&(_, e)| e == i + 1) {
        match role {
            Role::Day => {
                if g.small(i + 1).is_some() && g.is(i + 2, Role::Month) {
                    day_words(g, i + 1, Some(i), out);
                }
                if doc.key(i) == "ngày" {
                    from_to(g, i, out);
                    day_list(g, i, out);
                }
            }
            Role::Month => month(g, i, out),
            Role::Year => {
                // "năm 2021", "năm1998".
                if let Some(y) = g.year(i + 1)
                    && plausible_year(y)
                    && g.clean_right(i + 2)
                {
                    out.push(Cand::coarse(i, i + 2, DateKind::Year, format!("{y:04}")));
                }
            }
            Role::Quarter => quarter(g, i, out),
            Role::Session => session(g, i, out),
            _ => {}
        }
    }
}

/// `[ngày] 9 tháng 4 [năm 2021]`, the day at `j`; without "ngày" only with its year.
fn day_words(g: &Grammar<'_, '_>, j: usize, prefix: Option<usize>, out: &mut Vec<Cand>) {
    let Some(d) = g.small(j) else { return };
    let k = j + 2;
    let (m, y, e) = if let Some((v, four)) = g.date(k) {
        // "9 tháng 4/2021": the month and year are one token.
        match (v.day, v.year) {
            (None, Some(y)) if four => (u32::from(v.month), i32::from(y), k + 1),
            _ => return,
        }
    } else {
        let Some(m) = g.small(k) else { return };
        let linked = g.is(k + 1, Role::Year) || g.punct(k + 1, ",") || g.punct(k + 1, "/");
        match (g.year(k + 2), g.year(k + 1)) {
            (Some(y), _) if linked => (m, y, k + 3),
            // "11 Tháng 12 2023" (a CMS date): the year right after the month, on its line.
            (_, Some(y))
                if matches!(g.gap(k + 1), Gap::Space | Gap::Column) && plausible_year(y) =>
            {
                (m, y, k + 2)
            }
            _ => (m, 0, k + 1),
        }
    };
    if y == 0 && prefix.is_none() {
        return; // "3 tháng 4" is a duration, not a date
    }
    let start = prefix.unwrap_or(j);
    // With its year, a missing space after it is no harm ("năm 2020của").
    let clean_right = if y == 0 {
        g.clean_right(e)
    } else {
        g.clean_right_year(e)
    };
    if let Some(day) = ymd(y, m, d)
        && g.clean_left(start)
        && clean_right
        && !g.lunar_after(e)
    {
        out.push(Cand::day(start, e, day, false));
    }
}

/// `từ ngày 27 đến [ngày] 28/7/2020`: "ngày" at `i`, "từ" before it.
fn from_to(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    if i == 0 || !g.is(i - 1, Role::From) || g.gap(i) == Gap::None || g.gap(i + 1) == Gap::None {
        return;
    }
    let Some(d1) = g.small(i + 1) else { return };
    if !g.is(i + 2, Role::Until) {
        return;
    }
    let mut j = i + 3;
    if g.doc.key(j) == "ngày" {
        j += 1;
    }
    let Some((d2, m, y, e)) = g.dm_year(j) else {
        return;
    };
    if d1 >= d2 {
        return;
    }
    if let (Some(a), Some(b)) = (ymd(y, m, d1), ymd(y, m, d2))
        && g.clean_right(e)
        && !g.lunar_after(e)
    {
        out.push(Cand::range(i - 1, e, a, b, false));
    }
}

/// Several days of one month after "ngày" at `i`: `ngày 22 và 23/4`, `các ngày 8, 12 và 21/4`.
/// The listed days are pushed; the last one, written with its month, is found on its own.
fn day_list(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    if g.gap(i + 1) == Gap::None {
        return;
    }
    let mut days: Vec<(u32, usize)> = Vec::new();
    let mut j = i + 1;
    while days.len() < 6 {
        let Some(d) = g.small(j) else { break };
        if !(g.punct(j + 1, ",") || g.is(j + 1, Role::And)) {
            break;
        }
        days.push((d, j));
        j += 2;
    }
    if days.is_empty() {
        return;
    }
    let Some((last, m, y, e)) = g.dm_year(j) else {
        return;
    };
    let increasing = days.windows(2).all(|w| w[0].0 < w[1].0);
    if !increasing || days.last().is_some_and(|&(d, _)| d >= last) || !g.clean_right(e) {
        return;
    }
    for (d, k) in days {
        if let Some(day) = ymd(y, m, d) {
            out.push(Cand::day(k, k + 1, day, false));
        }
    }
}

/// `tháng 4/2021`, `tháng 4 năm 2021`, `tháng 12`, `tháng Tư năm 2021`: "tháng" at `i`.
fn month(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    let doc = g.doc;
    // "3 tháng 4 năm" counts months: no number just before "tháng".
    if i > 0
        && doc
            .text_of(i - 1)
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit())
    {
        return;
    }
    let k = i + 1;
    let (m, mut y, mut e) = if let Some((m, y)) = g.month_year(k) {
        (m, Some(y), k + 1)
    } else if g.date(k).is_some() {
        return;
    } else if let Some(m) = g.small(k) {
        (m, None, k + 1)
    } else if let Some((m, e)) = month_name(g, k) {
        (m, None, e)
    } else {
        return;
    };
    if !(1..=12).contains(&m) {
        return;
    }
    if y.is_none()
        && (g.is(e, Role::Year) || g.punct(e, "/"))
        && let Some(year) = g.year(e + 1)
    {
        (y, e) = (Some(year), e + 2);
    }
    if !g.clean_right(e) || g.lunar_after(e) {
        return;
    }
    let value = match y {
        Some(y) if plausible_year(y) => format!("{y:04}-{m:02}"),
        Some(_) => return,
        None => format!("--{m:02}"),
    };
    out.push(Cand::coarse(i, e, DateKind::Month, value));
}

/// A month name of `data/dates/months.tsv` at `k`, written with a capital (`Tư`, `Mười một`):
/// the month and the token after the name.
fn month_name(g: &Grammar<'_, '_>, k: usize) -> Option<(u32, usize)> {
    let doc = g.doc;
    if doc.get(k)?.case != Case::Title {
        return None;
    }
    // "Mười một": the second word in lower case, one space away; else the one word.
    let two = doc
        .get(k + 1)
        .is_some_and(|t| t.case == Case::Lower && t.gap == Gap::Space);
    let (entry, end) = two
        .then(|| {
            doc.phrase_entry(Lex::MonthName, k, k + 2)
                .map(|e| (e, k + 2))
        })
        .flatten()
        .or_else(|| {
            doc.phrase_entry(Lex::MonthName, k, k + 1)
                .map(|e| (e, k + 1))
        })?;
    Some((entry.col(1).parse().ok()?, end))
}

/// The Roman number of token `i` (`XV`, written in capitals), 1..=40.
fn roman_at(g: &Grammar<'_, '_>, i: usize) -> Option<u32> {
    let text = g.doc.text_of(i);
    if text.is_empty() || text.len() > 7 || !text.bytes().all(|b| b"IVXL".contains(&b)) {
        return None;
    }
    roman(text)
}

/// The token after the mention ends it: no letter or digit glued on.
fn ends_word(g: &Grammar<'_, '_>, e: usize) -> bool {
    !g.glued_chars(e).is_some_and(|(c, _)| c.is_alphanumeric())
}

/// `quý I/2022`, `Quý IV năm 2021`, `quý 1`: "quý" at `i`.
fn quarter(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    let k = i + 1;
    if g.gap(k) == Gap::None {
        return;
    }
    let numeral = |t: &str| match t {
        "I" | "1" => Some(1),
        "II" | "2" => Some(2),
        "III" | "3" => Some(3),
        "IV" | "4" => Some(4),
        _ => None,
    };
    // "quý 1/2021": the quarter and the year are one token.
    let (q, y, mut e) = match g.month_year(k) {
        Some((q @ 1..=4, y)) if g.doc.text_of(k).find('/') == Some(1) => (q, Some(y), k + 1),
        Some(_) => return,
        None => match numeral(g.doc.text_of(k)) {
            Some(q) => (q, None, k + 1),
            None => {
                // "quý II-IV": one token
                let Some((a, b)) = g.doc.text_of(k).split_once('-') else {
                    return;
                };
                match (numeral(a), numeral(b)) {
                    (Some(a), Some(b)) if b > a => {
                        quarters(g, i, k + 1, a, Some(b), None, out);
                    }
                    _ => {}
                }
                return;
            }
        },
    };
    // "quý I-II/2021", "quý 2 - 3 năm 2019": a range of quarters, in one notation
    let mut last = None;
    if y.is_none()
        && g.punct(e, "-")
        && let Some(q2) = numeral(g.doc.text_of(e + 1)).filter(|&q2| q2 > q)
        && g.doc.text_of(k).as_bytes()[0].is_ascii_digit()
            == g.doc.text_of(e + 1).as_bytes()[0].is_ascii_digit()
    {
        last = Some(q2);
        e += 2;
    }
    quarters(g, i, e, q, last, y, out);
}

/// A quarter or range of quarters from token `i` ("quý") to before `e`, then its year when
/// one follows ("năm 2020", "/2021").
fn quarters(
    g: &Grammar<'_, '_>,
    i: usize,
    mut e: usize,
    q: u32,
    last: Option<u32>,
    mut y: Option<i32>,
    out: &mut Vec<Cand>,
) {
    if y.is_none()
        && (g.is(e, Role::Year) || g.punct(e, "/"))
        && let Some(year) = g.year(e + 1)
    {
        (y, e) = (Some(year), e + 2);
    }
    if !ends_word(g, e) {
        return;
    }
    if y.is_some_and(|y| !plausible_year(y)) {
        return;
    }
    let one = |q: u32| match y {
        Some(y) => format!("{y:04}-Q{q}"),
        None => format!("--Q{q}"),
    };
    let value = match last {
        Some(q2) => format!("{}/{}", one(q), one(q2)),
        None => one(q),
    };
    out.push(Cand::coarse(i, e, DateKind::Quarter, value));
}

/// The longest phrase of `data/dates/terms.tsv`, in tokens (checked by a test).
const MAX_TERM_TOKENS: usize = 6;

/// `Quốc hội khóa XV`, `Ban Chấp hành Trung ương khóa XIII` (years from `data/dates/terms.tsv`),
/// `khóa XV (2021-2026)` (years as written): "khóa" at `i`.
fn session(g: &Grammar<'_, '_>, i: usize, out: &mut Vec<Cand>) {
    let doc = g.doc;
    let k = i + 1;
    if g.gap(k) == Gap::None || roman_at(g, k).is_none() || !ends_word(g, k + 1) {
        return;
    }
    let mut e = k + 1;
    let mut years = None;
    if g.punct(e, "(")
        && let (Some(a), Some(b)) = (g.year(e + 1), g.year(e + 3))
        && g.punct(e + 2, "-")
        && g.punct(e + 4, ")")
    {
        e += 5;
        if b > a {
            years = Some((a, b));
        }
    }
    if years.is_none() {
        // The term's body and number, as one phrase of the table ending at the number.
        years = (i.saturating_sub(MAX_TERM_TOKENS - 2)..i).find_map(|s| {
            let entry = doc.phrase_entry(Lex::Term, s, k + 1)?;
            Some((entry.col(1).parse().ok()?, entry.col(2).parse().ok()?))
        });
    }
    if let Some((a, b)) = years {
        out.push(Cand::coarse(i, e, DateKind::Term, format!("{a:04}/{b:04}")));
    }
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

fn ymd(y: i32, m: u32, d: u32) -> Option<Ymd> {
    if y == 0 {
        valid_day_month(d, m).then_some((0, m, d))
    } else {
        (plausible_year(y) && CalendarDate::new(y, m, d).is_some()).then_some((y, m, d))
    }
}

fn fmt_day(d: Ymd) -> String {
    // Written by hand for the usual values (`format!` costs several times more).
    if let Ok(year @ 0..=9999) = u32::try_from(d.0)
        && d.1 < 100
        && d.2 < 100
    {
        fn two(out: &mut String, v: u32) {
            out.push(char::from(b'0' + (v / 10 % 10) as u8));
            out.push(char::from(b'0' + (v % 10) as u8));
        }
        let mut out = String::with_capacity(10);
        if year == 0 {
            out.push_str("--");
        } else {
            two(&mut out, year / 100);
            two(&mut out, year % 100);
            out.push('-');
        }
        two(&mut out, d.1);
        out.push('-');
        two(&mut out, d.2);
        return out;
    }
    if d.0 == 0 {
        format!("--{:02}-{:02}", d.1, d.2)
    } else {
        format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
    }
}

/// The year (around the reference's) that puts a date written without one closest to the
/// reference.
fn resolve(d: Ymd, reference: Option<CalendarDate>) -> Option<Ymd> {
    if d.0 != 0 {
        return Some(d);
    }
    let r = reference?;
    let mut best: Option<(Ymd, i64)> = None;
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

/// The date mentions of a document, every occurrence in text order, spans into
/// [`Document::text`]; `reference` resolves dates written without a year.
pub(crate) fn extract(
    doc: &Document<'_>,
    reference: Option<CalendarDate>,
    out: &mut Vec<DateMention>,
) {
    let g = Grammar { doc };
    let mut cands = collect(&g);
    // Longest first among those starting at the same token; greedy left to right.
    cands.sort_by(|x, y| x.a.cmp(&y.a).then(y.b.cmp(&x.b)));
    let mut kept: Vec<Cand> = Vec::new();
    let mut last_end = 0usize;
    for c in cands {
        if c.a < last_end {
            continue;
        }
        if c.needs_cue {
            let chained = kept.last().is_some_and(|p| {
                p.kind.is_calendar_day()
                    && (p.dotted || !c.dotted)
                    && g.connector(p.b, c.a).is_some()
            });
            if !g.has_cue(c.a, c.b, chained, c.dotted) {
                continue;
            }
        }
        last_end = c.b;
        kept.push(c);
    }
    // Merge "từ ngày 25/1 đến ngày 1/2/2021", "30/4 - 1/5": the first day takes the second's year.
    let mut merged: Vec<Cand> = Vec::with_capacity(kept.len());
    for c in kept {
        if let Some(p) = merged.last_mut() {
            let is_range_link = p.kind == DateKind::Day
                && c.kind == DateKind::Day
                && g.connector(p.b, c.a).is_some_and(|(range, _)| range);
            if let (true, Some(a), Some(b)) = (is_range_link, p.first, c.first) {
                let from_tu = g.after_tu(p.a);
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
                        p.b = c.b;
                        continue;
                    }
                }
            }
        }
        merged.push(c);
    }
    for mut c in merged {
        // A day mention takes the word "ngày" written just before it ("ngày 09/4/2021").
        if c.kind.is_calendar_day()
            && c.a > 0
            && matches!(g.gap(c.a), Gap::Space | Gap::Column)
            && doc.key(c.a - 1) == "ngày"
        {
            c.a -= 1;
        }
        let span = doc.span(c.a, c.b);
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
                // every part without a year takes the article's (`--Q2/--Q4`)
                let r = match reference {
                    Some(r) if c.value.contains("--") => Some(
                        c.value
                            .split('/')
                            .map(|part| match part.strip_prefix("--") {
                                Some(rest) => format!("{:04}-{rest}", r.year),
                                None => part.to_string(),
                            })
                            .collect::<Vec<_>>()
                            .join("/"),
                    ),
                    _ => None,
                };
                (c.value, r)
            }
        };
        out.push(DateMention {
            text: doc.slice(span).to_string(),
            start: span.start,
            end: span.end,
            kind: c.kind,
            value,
            resolved,
        });
    }
}

/// Finds the date expressions in `text`; `reference` (the article's date) resolves dates written
/// without a year into [`DateMention::resolved`]. A shortcut for the
/// [`Dates`](crate::extract::Dates) extractor over [`Document::new`], spans into `text`.
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
    let doc = Document::new(text);
    let mut out = Vec::new();
    extract(&doc, reference, &mut out);
    for m in &mut out {
        let s = doc.to_original(Span::new(m.start, m.end));
        (m.start, m.end, m.text) = (s.start, s.end, s.slice(text).to_string());
    }
    out
}

/// Keeps the first mention of each date and of each distinct coarse expression, in text order:
/// what the report lists once per document.
///
/// Calendar days and ranges are the same when their values are (`ngày 09/4/2021` and `9-4-2021`
/// name one day). Months, years, quarters, terms and periods are the same only when their
/// wording is too (compared by token keys: case, spacing and dashes do not matter), so
/// `nhiệm kỳ 2021 - 2026` is kept beside `khóa XV`, which names the same years.
///
/// ```
/// use vntext::extract::dates::{find_dates, unique};
/// let all = find_dates("ngày 09/4/2021 … ngày 09/4/2021", None);
/// assert_eq!(all.len(), 2);
/// assert_eq!(unique(all).len(), 1);
/// let terms = find_dates("Quốc hội khóa XV, nhiệm kỳ 2021 - 2026; Quốc hội Khoá XV", None);
/// let kept: Vec<String> = unique(terms).into_iter().map(|m| m.text).collect();
/// assert_eq!(kept, ["khóa XV", "nhiệm kỳ 2021 - 2026"]);
/// ```
pub fn unique(mentions: Vec<DateMention>) -> Vec<DateMention> {
    let mut seen = std::collections::HashSet::new();
    mentions
        .into_iter()
        .filter(|m| {
            let wording = if m.kind.is_calendar_day() {
                String::new()
            } else {
                crate::lexicon::phrase_key(&m.text).map_or_else(String::new, |k| k.0)
            };
            seen.insert((m.kind, m.value.clone(), wording))
        })
        .collect()
}

fn num(s: Option<regex::Match<'_>>) -> Option<u32> {
    s.and_then(|m| m.as_str().parse().ok())
}

/// Dateline: `Thứ hai - 24/01/2022 09:17`.
static RE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\u{AD}]*(?:((?i:thứ)[\s]*(?i:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|(?i:chủ[\s]*nhật)|CN|T[2-7])[\s]*[-–,|]?[\s]*)?([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})(?:[\s]*[-–,|]?[\s]*([0-9]{1,2})[:hg]([0-9]{2}))?",
    )
    .expect("valid regex")
});

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
    fn looked_up_tables_fit_their_token_bounds() {
        let l = crate::lexicon::Lexicons::embedded();
        for (lex, max) in [
            (Lex::DateCue, MAX_CUE_TOKENS),
            (Lex::CountNoun, MAX_NOUN_TOKENS),
            (Lex::MonthName, 2),
            (Lex::Term, MAX_TERM_TOKENS),
        ] {
            for e in l.entries(lex) {
                let n = crate::lexicon::phrase_key(e.phrase()).map_or(0, |k| k.1);
                assert!((1..=max).contains(&n), "{}: {:?}", lex.name(), e.phrase());
            }
        }
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
