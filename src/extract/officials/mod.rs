//! Officials (cán bộ, lãnh đạo): a person named together with a position.
//!
//! The recogniser reads the patterns of Vietnamese news and administrative text:
//!
//! - title before the name (`Phó Thủ tướng Vũ Đức Đam`, `Chủ tịch UBND tỉnh Lai Châu Trần Tiến Dũng`),
//!   possibly after a chain of titles (`Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng`);
//! - the name, then its titles after a dash, comma, colon or parenthesis
//!   (`Đồng chí Hoàng Thọ Trung - Tỉnh ủy viên, Bí thư Huyện ủy`, `ông Nguyễn Văn A, Giám đốc Sở Y tế`),
//!   or after `là`/`làm` in the same sentence (`ông A, …, từng là Chủ tịch HĐQT …`);
//! - signature blocks (chữ ký): `KT. BỘ TRƯỞNG` / `THỨ TRƯỞNG` / name, where the title kept is the
//!   position the signer holds.
//!
//! Honorifics (danh xưng: `Đồng chí`, `đ/c`, `ông`, `bà`…) and ranks (cấp hàm, học hàm: `Đại tá`,
//! `PGS.TS`) are kept apart from the name and the titles. A name is accepted when every syllable is
//! capitalized and it starts with a Vietnamese family name (họ), or when it follows an honorific;
//! foreign names are accepted right after a title and a country (`Thủ tướng Lào Phankham Viphavanh`).
//! Place names after a title (`Bí thư Huyện ủy Sìn Hồ`) are not persons, and persons without a
//! position are not officials. Mentions are merged by name, titles united in order; a later
//! mention by given name (`Ông Tâm là đại biểu Quốc hội khóa XIII`) adds its titles to the one
//! official with that given name.
//!
//! The word tables live in `data/officials/` (family names, honorifics, ranks, titles,
//! organization words, place and country names), one entry per line with their sources.
//!
//! Also read: abbreviated positions (`Phó TGĐ`, `HLV`, REFERENCE §7); a foreign name after any
//! position when every syllable is spelled unlike Vietnamese (`HLV Jurgen Klopp`, `… Nhà Trắng
//! Matt Pottinger`) and none is an organization word (`Man Utd`, `Super League`, from
//! `data/officials/foreign_org_words.tsv`); titles, a comma, then the name (`Phó Chủ tịch Man Utd,
//! Ed Woodward`); an aside in parentheses between a name and its titles (`Tên (bên trái), Chủ tịch
//! …`); a two-syllable name after a complete organization (`Bộ trưởng Bộ Công an Tô Lâm`) when
//! the document also writes it after an honorific (`ông Tô Lâm`), which a place (`Hà Tiên`) never
//! is. Owners (`đồng sở hữu`, `chủ sở hữu`, `ông chủ`) are counted as positions: in business and
//! sports news they name the person who controls the organization, as a chairman does.
//!
//! Job nouns (`giáo viên`, `giảng viên`, `công chức`, kind `job` in `titles.tsv`) are counted
//! as positions only together with a named organization, written capitalized right after them or
//! after their specialty and a comma or dash (`giáo viên Trường THPT Thạch Thành 1`, `Công chức
//! Tư pháp - Hộ tịch cấp xã, UBND thị trấn …`): the GUIDELINE counts "a position or title in an
//! organization (… school, hospital …)", and a teacher of a named school holds one; a job noun
//! alone (`giáo viên dạy giỏi`, `viên chức`) names no position. A profession or degree written
//! between the name and the position (`Bác sĩ y khoa, Phó giám đốc …`, `Thạc sĩ, Trưởng phòng
//! …`) is skipped. Status prefixes (`nguyên`, `tân`, `quyền`) start a position only before a
//! position word: alone they are given names (`Lại Thế Nguyên`, `Trần Văn Tân`). A position whose
//! first two syllables a typing slip glued together (`Chủtịch UBND`) is read as written. A foreign
//! name may be followed by its position, current or former, in parentheses (`Joel Glazer (từng
//! giữ chức phó Chủ tịch European Super League)`).
//!
//! Names joined by `và` (and commas) after one position each hold it, and the title keeps only
//! the position (`hai trợ lý Ryan Mason và Chris Powell`; after a counted position `ba phó giám
//! đốc A, B và C`). A position may name its organization after `của` (`Chủ tịch của Real Madrid,
//! Florentino Perez`), unless another position follows (`trợ lý của HLV …`). A position, `là`,
//! then the name (`phó chủ tịch là Andrea Agnelli (chủ tịch của Juventus)`) gives the name that
//! position and the one in brackets after it. Korean names (`Lee Kun-hee`, `Moon Jae-in`: a
//! hyphenated given name written `Xxx-xxx`) are foreign names; `Cố` (the late) before a position
//! is not part of it. A coach named by surname alone (`HLV Mourinho`) is an official when the
//! document also writes the full name after a foreign given name (`Jose Mourinho`): a club after
//! `HLV` (`HLV Tottenham`) never is.
//!
//! Speed: only the lines holding a position word (found by a byte scan that hashes syllables, see
//! `anchors`) are tokenized, and the signature scan skips lines of running text without
//! tokenizing them. The scan is one left-to-right pass over the tokens; every look-ahead is
//! bounded by a constant, so the time is linear in the input.

mod anchors;
mod lexicon;
mod signature;
mod tokens;

use std::cell::Cell;
use std::collections::HashMap;

use lexicon::{
    HONORIFICS, ORGS, OrgKind, PLACES, PlaceKind, RANKS, TITLES, TitleKind, is_family,
    is_foreign_org_word, is_middle, is_stop,
};
use tokens::{Case, Gap, Tokens};

/// An official found in a text: a person named together with a position.
///
/// ```
/// use vntext::extract::officials::find_officials;
/// let o = &find_officials("Phó Thủ tướng Vũ Đức Đam dự hội nghị.")[0];
/// assert_eq!(o.name, "Vũ Đức Đam");
/// assert_eq!(o.titles, ["Phó Thủ tướng"]);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Official {
    /// The text of the first mention, as written.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The personal name as written (`Hoàng Thọ Trung`).
    pub name: String,
    /// Byte span of the name in the text (first mention).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub name_span: (usize, usize),
    /// The honorific (`Đồng chí`, `ông`, `bà`, `đ/c`), kept apart from the name.
    pub honorific: Option<String>,
    /// Academic or military rank (`PGS.TS`, `Đại tá`), kept apart from the titles.
    pub rank: Option<String>,
    /// Positions as written, with their organization (`Bí thư Huyện ủy`).
    pub titles: Vec<String>,
}

/// One mention before merging: byte spans into the text.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub name: (usize, usize),
    pub honorific: Option<(usize, usize)>,
    pub rank: Option<(usize, usize)>,
    pub titles: Vec<(usize, usize)>,
}

/// Finds the officials in `text`, merged by person (one item per name, first mention's span).
///
/// ```
/// use vntext::extract::officials::find_officials;
/// let found = find_officials("Đồng chí Hoàng Thọ Trung - Tỉnh ủy viên, Bí thư Huyện ủy gặp gỡ người dân.");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].name, "Hoàng Thọ Trung");
/// assert_eq!(found[0].honorific.as_deref(), Some("Đồng chí"));
/// assert_eq!(found[0].titles, ["Tỉnh ủy viên", "Bí thư Huyện ủy"]);
/// assert!(find_officials("anh Nguyễn Văn A, 35 tuổi, cho biết.").is_empty());
/// ```
pub fn find_officials(text: &str) -> Vec<Official> {
    let mut mentions = Vec::new();
    let mut short = Vec::new();
    let rec = Recurring::new(text);
    // Only the lines that hold a position word can hold an official (signature blocks aside).
    for (a, b) in anchors::windows(text) {
        let Some(part) = text.get(a..b) else {
            continue;
        };
        let t = Tokens::new(part);
        let (m0, s0) = (mentions.len(), short.len());
        Scanner {
            t: &t,
            out: &mut mentions,
            short: &mut short,
            rec: &rec,
        }
        .run();
        for m in &mut mentions[m0..] {
            m.shift(a);
        }
        for s in &mut short[s0..] {
            s.given = (s.given.0 + a, s.given.1 + a);
            shift_all(&mut s.titles, a);
        }
    }
    signature::scan(text, &mut mentions);
    let mut found = merge(text, mentions);
    merge_short(text, &short, &mut found);
    found
}

impl Mention {
    /// Moves every span by `by` bytes (from a window of the text to the whole text).
    fn shift(&mut self, by: usize) {
        self.start += by;
        self.end += by;
        self.name = (self.name.0 + by, self.name.1 + by);
        self.honorific = self.honorific.map(|(a, b)| (a + by, b + by));
        self.rank = self.rank.map(|(a, b)| (a + by, b + by));
        shift_all(&mut self.titles, by);
    }
}

fn shift_all(spans: &mut [(usize, usize)], by: usize) {
    for s in spans {
        *s = (s.0 + by, s.1 + by);
    }
}

/// A later mention by given name only (`Ông Tâm là đại biểu Quốc hội khóa XIII`): the given
/// name's span and the titles written with it.
#[derive(Debug, Clone)]
pub(crate) struct Short {
    given: (usize, usize),
    titles: Vec<(usize, usize)>,
}

/// Adds the titles of short mentions to the one official whose name ends with that given name
/// (tên); a given name shared by several officials is ambiguous and ignored.
fn merge_short(text: &str, short: &[Short], found: &mut [Official]) {
    for sm in short {
        let Some(given) = text.get(sm.given.0..sm.given.1) else {
            continue;
        };
        let mut owners = found.iter().enumerate().filter(|(_, o)| {
            o.start < sm.given.0
                && o.name
                    .strip_suffix(given)
                    .is_some_and(|head| head.ends_with(' '))
        });
        let (Some((k, _)), None) = (owners.next(), owners.next()) else {
            continue;
        };
        for &(a, b) in &sm.titles {
            let title = text.get(a..b).unwrap_or("").to_string();
            if !title.is_empty() && !found[k].titles.contains(&title) {
                found[k].titles.push(title);
            }
        }
    }
}

fn merge(text: &str, mut mentions: Vec<Mention>) -> Vec<Official> {
    mentions.sort_by_key(|m| (m.start, m.end));
    let mut out: Vec<Official> = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let slice = |(a, b): (usize, usize)| text.get(a..b).unwrap_or("").to_string();
    for m in mentions {
        let Some(name) = text.get(m.name.0..m.name.1) else {
            continue;
        };
        let titles: Vec<String> = m.titles.iter().map(|&s| slice(s)).collect();
        if let Some(&k) = by_name.get(name) {
            let o = &mut out[k];
            for ti in titles {
                if !o.titles.contains(&ti) {
                    o.titles.push(ti);
                }
            }
            if o.honorific.is_none() {
                o.honorific = m.honorific.map(slice);
            }
            if o.rank.is_none() {
                o.rank = m.rank.map(slice);
            }
            continue;
        }
        by_name.insert(name, out.len());
        let mut uniq: Vec<String> = Vec::with_capacity(titles.len());
        for ti in titles {
            if !uniq.contains(&ti) {
                uniq.push(ti);
            }
        }
        out.push(Official {
            text: slice((m.start, m.end)),
            start: m.start,
            end: m.end,
            name: name.to_string(),
            name_span: m.name,
            honorific: m.honorific.map(slice),
            rank: m.rank.map(slice),
            titles: uniq,
        });
    }
    out
}

/// Most tokens a title with its organization may span (`Chủ tịch HĐQT Công ty CP Tập đoàn …`).
const MAX_TITLE: usize = 16;
/// Position words that name foreign leaders without a country (`Tổng thống Joe Biden`).
const FOREIGN_TITLES: [&str; 7] = [
    "tổng thống",
    "ngoại trưởng",
    "bộ trưởng",
    "quốc vương",
    "thủ tướng",
    "đại sứ",
    "thư ký",
];
/// Most tokens between a name and a `là`/`làm` that introduces its position.
const MAX_COPULA: usize = 30;

/// Byte spans of titles.
type Spans = Vec<(usize, usize)>;

/// A title phrase: tokens `start..end`; the position word ends at `head_end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Title {
    pub(crate) start: usize,
    pub(crate) head_end: usize,
    pub(crate) end: usize,
}

/// A personal name: tokens `start..end`, with the honorific and rank tokens before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Name {
    start: usize,
    end: usize,
    honorific: Option<(usize, usize)>,
    rank: Option<(usize, usize)>,
    /// First token of the rank inside a title's run (`Giám đốc Công an tỉnh, Đại tá …`).
    rank_tok: Option<usize>,
}

impl Name {
    /// Tokens `start..end` with no honorific or rank before them.
    fn bare(start: usize, end: usize) -> Name {
        Name {
            start,
            end,
            honorific: None,
            rank: None,
            rank_tok: None,
        }
    }
}

/// A chain of titles seen without a name yet (`Tổng Bí thư,` before `Chủ tịch nước Nguyễn Phú Trọng`).
struct Chain {
    titles: Vec<(usize, usize)>,
    start: usize,
    end_tok: usize,
    honorific: Option<(usize, usize)>,
}

pub(crate) struct Scanner<'s, 'a> {
    pub(crate) t: &'s Tokens<'a>,
    pub(crate) out: &'s mut Vec<Mention>,
    pub(crate) short: &'s mut Vec<Short>,
    pub(crate) rec: &'s Recurring<'a>,
}

/// Looks up whether a two-syllable name is written after an honorific anywhere in the document
/// (`ông Tô Lâm`), for at most [`Recurring::BUDGET`] names per document (linear time).
pub(crate) struct Recurring<'a> {
    doc: &'a str,
    budget: Cell<u32>,
}

impl<'a> Recurring<'a> {
    const BUDGET: u32 = 32;

    pub(crate) fn new(doc: &'a str) -> Self {
        Recurring {
            doc,
            budget: Cell::new(Self::BUDGET),
        }
    }

    /// Whether `word` occurs in the document as a whole word with `before` (the document up to
    /// that occurrence) passing `test`. Each call spends one unit of the shared budget, which
    /// keeps the document scans linear overall.
    fn occurs(&self, word: &str, test: impl Fn(&str) -> bool) -> bool {
        let left = self.budget.get();
        if left == 0 || word.is_empty() {
            return false;
        }
        self.budget.set(left - 1);
        self.doc.match_indices(word).any(|(at, _)| {
            let after = &self.doc[at + word.len()..];
            !after.chars().next().is_some_and(char::is_alphanumeric) && test(&self.doc[..at])
        })
    }

    /// Is `name` written after an honorific (`ông`, `bà`, `đồng chí`, `đ/c`) in the document?
    fn after_honorific(&self, name: &str) -> bool {
        self.occurs(name, |before_name| {
            let before = before_name.trim_end_matches(' ');
            let word_start = |w: &str| {
                before.strip_suffix(w).is_some_and(|rest| {
                    !rest.chars().next_back().is_some_and(char::is_alphanumeric)
                })
            };
            before.len() < before_name.len()
                && [
                    "ông",
                    "Ông",
                    "bà",
                    "Bà",
                    "đồng chí",
                    "Đồng chí",
                    "đ/c",
                    "Đ/c",
                ]
                .into_iter()
                .any(word_start)
        })
    }

    /// Is `surname` written as the last word of a longer capitalized name (`Jose Mourinho` for
    /// `Mourinho`) somewhere in the document? Shares the budget of [`Self::after_honorific`].
    fn ends_full_name(&self, surname: &str) -> bool {
        self.occurs(surname, |before_name| {
            let Some(before) = before_name.strip_suffix(' ') else {
                return false;
            };
            let word: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let first = word.chars().next_back();
            let rest = &before[..before.len() - word.len()];
            // `Jose Mourinho`: a foreign given name, capitalized (not `HLV`, not `Ông`).
            let given: String = word.chars().rev().collect();
            word.chars().count() >= 2
                && first.is_some_and(char::is_uppercase)
                && given.chars().skip(1).all(char::is_lowercase)
                && looks_foreign(&given.to_lowercase())
                && !rest.chars().next_back().is_some_and(char::is_alphanumeric)
        })
    }
}

impl Scanner<'_, '_> {
    fn run(&mut self) {
        let t = self.t;
        let n = t.len();
        let mut chain: Option<Chain> = None;
        let mut i = 0;
        while i < n {
            let (hon, j) = self.honorific_at(i);
            let (rank, k) = self.rank_at(j);
            if let Some(title) = self.title_at(k) {
                if let Some(name) = self.name_after(&title) {
                    // `hai trợ lý Ryan Mason và Chris Powell`: names joined by `và` (and commas)
                    // after one title each hold it; the title never keeps a name or `và`.
                    if let Some(firsts) = self.coordinated(&title, &name) {
                        let span = t.span(title.start, title.head_end);
                        let mut from = t.toks[i].start;
                        for (a, b) in firsts {
                            let first = Name::bare(a, b);
                            self.push(from, b, first, hon, rank, vec![span]);
                            from = t.toks[b].start;
                        }
                        let end = name.end;
                        let ns = t.toks[name.start].start;
                        self.push(ns, end, name, None, None, vec![span]);
                        chain = None;
                        i = end;
                        continue;
                    }
                    if let Some(more) = self.followers(&title, &name) {
                        let span = t.span(title.start, title.head_end);
                        let end = name.end;
                        self.push(t.toks[i].start, end, name, hon, rank, vec![span]);
                        let mut last = end;
                        for (a, b) in more {
                            let next = Name::bare(a, b);
                            self.push(t.toks[a].start, b, next, None, None, vec![span]);
                            last = b;
                        }
                        chain = None;
                        i = last;
                        continue;
                    }
                    let mut titles = Vec::new();
                    let mut start = t.toks[i].start;
                    let mut honorific = hon;
                    if let Some(c) = chain.take()
                        && chained(t, c.end_tok, i)
                    {
                        titles.extend(c.titles);
                        start = c.start;
                        honorific = honorific.or(c.honorific);
                    }
                    let title_end = name.rank_tok.unwrap_or(name.start);
                    titles.push(t.span(title.start, title_end));
                    let mut end = name.end;
                    // A name written after its titles may carry more after a dash or comma.
                    if let Some((more, e)) = self.appositive(end, true) {
                        titles.extend(more);
                        end = e;
                    }
                    self.push(
                        start,
                        end,
                        name,
                        honorific.or(name.honorific),
                        rank.or(name.rank),
                        titles,
                    );
                    i = end;
                    continue;
                }
                // `Phó giám đốc Học viện Tài chính TS Nguyễn Đào Tùng`: a rank between the
                // title and the name.
                if title.end < n && t.gap(title.end) == Gap::Space {
                    let (r2, k2) = self.rank_at(title.end);
                    if r2.is_some()
                        && let Some(mut name) = self.name_at(k2, true)
                    {
                        name.rank = r2;
                        let titles = vec![t.span(title.start, title.end)];
                        let start = t.toks[i].start;
                        self.push(start, name.end, name, hon, r2, titles);
                        i = name.end;
                        chain = None;
                        continue;
                    }
                }
                // `Hai phó chủ tịch là Andrea Agnelli (chủ tịch của Juventus) và Joel Glazer`:
                // the position, `là` (is), then the names.
                if let Some(end) = self.copula_names(&title, hon, rank) {
                    chain = None;
                    i = end;
                    continue;
                }
                // `Giám đốc Tình báo Quốc gia Avril Haines,`: a title ending in an unknown
                // capitalized pair may hold a person we did not recognise; do not chain it.
                let e = title.end;
                let open_pair = e >= title.head_end + 2
                    && t.case(e - 1) == Case::Cap
                    && t.case(e - 2) == Case::Cap
                    && !(e - 2..e).any(|p| is_foreign_org_word(t.key(p)))
                    && PLACES.ending_at(t, e, title.head_end).is_none()
                    && !ORGS
                        .ending_at(t, e - 2, title.head_end)
                        .is_some_and(|(_, k)| matches!(k, OrgKind::Admin | OrgKind::Body));
                if open_pair {
                    chain = None;
                    i = title.end;
                    continue;
                }
                let continues = chain.as_ref().is_some_and(|c| chained(t, c.end_tok, i));
                let span = t.span(title.start, title.end);
                match chain.as_mut() {
                    Some(c) if continues => {
                        c.titles.push(span);
                        c.end_tok = title.end;
                    }
                    _ => {
                        chain = Some(Chain {
                            titles: vec![span],
                            start: t.toks[i].start,
                            end_tok: title.end,
                            honorific: hon,
                        })
                    }
                }
                i = title.end;
                continue;
            }
            // `Phó Chủ tịch Man Utd, Ed Woodward`: titles, a comma, then the name alone.
            if hon.is_none()
                && rank.is_none()
                && t.gap(i) == Gap::Comma
                && chain.as_ref().is_some_and(|c| c.end_tok == i)
            {
                let name = self.name_at(i, false).or_else(|| {
                    let mut b = i + 1;
                    while b < n && b - i < 4 && t.case(b) == Case::Cap && t.gap(b) == Gap::Space {
                        b += 1;
                    }
                    let ends = !(t.case(b) == Case::Cap && t.gap(b) == Gap::Space);
                    (ends && foreign_tail(t, i, b) == Some(i)).then_some(Name::bare(i, b))
                });
                if let (Some(name), Some(c)) = (name, chain.take()) {
                    let end = name.end;
                    self.push(c.start, end, name, c.honorific, None, c.titles);
                    i = end;
                    continue;
                }
            }
            if let Some(mut name) = self.name_at(k, hon.is_some() || rank.is_some()) {
                name.honorific = hon;
                name.rank = rank;
                let start = t.toks[i].start;
                // `Giám đốc Công an tỉnh, Đại tá Lê Văn Tuấn`, `Chủ tịch UBND xã, ông …`: the
                // titles just before, then an honorific or a rank and the name.
                if let Some(c) = chain.take()
                    && (hon.is_some() || rank.is_some())
                    && c.end_tok == i
                    && t.gap(i) == Gap::Comma
                {
                    let (cs, end) = (c.start, name.end);
                    self.push(cs, end, name, hon.or(c.honorific), rank, c.titles);
                    i = end;
                    continue;
                }
                if let Some((titles, end)) = self.appositive(name.end, false) {
                    self.push(start, end, name, hon, rank, titles);
                    i = end;
                    continue;
                }
                if (hon.is_some() || rank.is_some())
                    && let Some((titles, end)) = self.copula(name.end)
                {
                    self.push(start, end, name, hon, rank, titles);
                }
                i = name.end;
                continue;
            }
            // `Joel Glazer (từng giữ chức phó Chủ tịch European Super League)`: a foreign name,
            // then its position, current or former, inside parentheses.
            if hon.is_none()
                && rank.is_none()
                && let Some((name, titles, end)) = self.foreign_aside(i)
            {
                self.push(t.toks[i].start, end, name, None, None, titles);
                i = end;
                continue;
            }
            // `Ông Tâm là đại biểu Quốc hội khóa XIII`: a given name alone after an honorific.
            if hon.is_some()
                && t.case(k) == Case::Cap
                && !(t.case(k + 1) == Case::Cap && t.gap(k + 1) == Gap::Space)
                && !starts_title(t, k)
                && PLACES.longest_at(t, k, false).is_none()
            {
                let titles = self.appositive(k + 1, false).or_else(|| {
                    (t.key(k + 1) == "là"
                        && t.gap(k + 1) == Gap::Space
                        && t.gap(k + 2) == Gap::Space)
                        .then(|| self.title_chain(k + 2, false))
                        .flatten()
                });
                if let Some((titles, end)) = titles {
                    self.short.push(Short {
                        given: t.span(k, k + 1),
                        titles,
                    });
                    i = end;
                    continue;
                }
            }
            i = if k > i && !matches!(t.case(i), Case::Cap) {
                i + 1
            } else {
                self.skip_run(i)
            };
        }
    }

    /// Skips a run of capitalized tokens at once, so that a long run is never rescanned.
    fn skip_run(&self, i: usize) -> usize {
        let t = self.t;
        let mut e = i + 1;
        if t.case(i) == Case::Cap {
            while e < t.len() && t.case(e) == Case::Cap && t.gap(e) == Gap::Space {
                e += 1;
            }
            // Let a title inside the run be seen (`Ông Ba Phó Chủ tịch …` is rare, but
            // `Hà Nội Phó Thủ tướng …` is not): stop before the first title word.
            if let Some(s) = (i + 1..e).find(|&s| starts_title(t, s)) {
                return s;
            }
        }
        e
    }

    fn push(
        &mut self,
        start_byte: usize,
        end_tok: usize,
        name: Name,
        hon: Option<(usize, usize)>,
        rank: Option<(usize, usize)>,
        titles: Vec<(usize, usize)>,
    ) {
        let t = self.t;
        let (ns, ne) = t.span(name.start, name.end);
        self.out.push(Mention {
            start: start_byte.min(ns),
            end: t.toks[end_tok - 1].end.max(ne),
            name: (ns, ne),
            honorific: hon,
            rank,
            titles,
        });
    }

    /// An honorific at `i` followed by a space: its span and the next token.
    fn honorific_at(&self, i: usize) -> (Option<(usize, usize)>, usize) {
        let t = self.t;
        match HONORIFICS.longest_at(t, i, false) {
            Some((n, ())) if i + n < t.len() && t.gap(i + n) == Gap::Space => {
                // `Ông`, `Bà` are names of places too (`Bà Rịa`); the next token must be capitalized.
                if matches!(t.case(i + n), Case::Cap | Case::Upper) {
                    (Some(t.span(i, i + n)), i + n)
                } else {
                    (None, i)
                }
            }
            _ => (None, i),
        }
    }

    /// A rank at `i` followed by a space or `. `: its span and the next token.
    fn rank_at(&self, i: usize) -> (Option<(usize, usize)>, usize) {
        let t = self.t;
        match RANKS.longest_at(t, i, false) {
            Some((n, ()))
                if i + n < t.len()
                    && matches!(t.gap(i + n), Gap::Space | Gap::Dot)
                    && t.case(i + n) == Case::Cap =>
            {
                (Some(t.span(i, i + n)), i + n)
            }
            _ => (None, i),
        }
    }

    /// A title (prefixes, a position word, then its organization) starting at token `i`.
    pub(crate) fn title_at(&self, i: usize) -> Option<Title> {
        let t = self.t;
        if i >= t.len() {
            return None;
        }
        // "các Bộ trưởng", "những Phó Chủ tịch": plural, not one person.
        if i > 0 && t.gap(i) == Gap::Space && matches!(t.key(i - 1), "các" | "những" | "mọi" | "vị")
        {
            return None;
        }
        let mut j = i;
        let head_end = loop {
            match TITLES.longest_at(t, j, false) {
                Some((n, TitleKind::Title)) => break j + n,
                // `giáo viên Trường THPT …`: a job noun is a position in a named organization.
                Some((n, TitleKind::Job)) if j == i && self.job_in_org(j + n) => break j + n,
                Some((n, TitleKind::Prefix)) if j + n < t.len() && t.gap(j + n) == Gap::Space => {
                    if j - i >= 3 {
                        return None;
                    }
                    j += n;
                }
                _ => return None,
            }
        };
        let mut end = self.org_end(head_end, i + MAX_TITLE);
        // `Chủ tịch của Real Madrid`: the organization after `của` (of), written capitalized.
        if end == head_end
            && t.key(head_end) == "của"
            && t.gap(head_end) == Gap::Space
            && t.gap(head_end + 1) == Gap::Space
            && matches!(t.case(head_end + 1), Case::Cap | Case::Upper)
            && !is_family(t.key(head_end + 1))
            && HONORIFICS.longest_at(t, head_end + 1, false).is_none()
            // `trợ lý của HLV Guus Hiddink`: the assistant of another position holder.
            && !starts_title(t, head_end + 1)
        {
            let org = self.org_end(head_end + 1, head_end + 1 + MAX_TITLE);
            if org > head_end + 1 {
                end = org;
            }
        }
        Some(Title {
            start: i,
            head_end,
            end,
        })
    }

    /// Does a named organization follow the job noun ending at token `e`: an organization word
    /// written capitalized right after it (`giáo viên Trường THPT …`, `Thư ký viên Tòa án …`), or
    /// after its specialty and a comma or dash (`Công chức Tư pháp - Hộ tịch cấp xã, UBND thị
    /// trấn …`), within a few words of the same sentence?
    fn job_in_org(&self, e: usize) -> bool {
        let t = self.t;
        let org_at = |p: usize| {
            matches!(t.case(p), Case::Cap | Case::Upper)
                && ORGS
                    .longest_at(t, p, false)
                    .is_some_and(|(_, k)| matches!(k, OrgKind::Head | OrgKind::Body))
        };
        if e >= t.len() || t.gap(e) != Gap::Space {
            return false;
        }
        if org_at(e) {
            return true;
        }
        let mut p = e;
        while p < t.len() && p < e + 8 {
            // `Giảng viên Nguyễn Thị A - Khoa …`: a person's name, not the job's specialty.
            if t.case(p) == Case::Cap
                && is_family(t.key(p))
                && t.case(p + 1) == Case::Cap
                && t.gap(p + 1) == Gap::Space
            {
                return false;
            }
            match t.gap(p) {
                Gap::Space if p == e || t.key(p) != "và" => {}
                Gap::Comma | Gap::Dash if p > e => {
                    if org_at(p) {
                        return true;
                    }
                }
                _ => return false,
            }
            p += 1;
        }
        false
    }

    /// The end of the organization part written after a position word, from token `from`.
    ///
    /// Capitalized words, acronyms and organization words extend it; the second syllable of a
    /// capitalized word (`Bộ Y tế`, `Đào tạo`) too. Other lower-case words (at most a few, and no
    /// verb or function word) are kept only when a capitalized word follows them
    /// (`Trưởng ban Công tác đại biểu`, `Giám đốc điều hành công ty TNHH nhôm Namsung`).
    fn org_end(&self, from: usize, limit: usize) -> usize {
        let t = self.t;
        let limit = limit.min(t.len());
        let mut j = from;
        let mut last_good = from;
        let mut lowers = 0;
        // Lower-case words right after an organization noun name it (`Viện nghiên cứu xã hội`,
        // `Ban nghiên cứu và đào tạo`, `trung tâm dạy nghề`): at most six are kept.
        // `Phó Ban nghiên cứu`: a position word ending in an organization noun.
        let mut after_head = match ORGS.longest_at(t, from.wrapping_sub(1), false) {
            Some((1, OrgKind::Head)) if from > 0 => 6,
            _ => 0usize,
        };
        // Inside an organization's proper name each word is capitalized on its first syllable
        // only (`Viện Nghiên cứu Quản lý Kinh tế`), unlike place names (`Thái Bình`).
        let mut seen_head = after_head > 0;
        let mut stopped = false;
        while j < limit && t.gap(j) == Gap::Space {
            let confirmed = lowers == 0;
            if let Some((n, kind)) = ORGS.longest_at(t, j, false) {
                // Acronyms (`CP`, `TNHH`, `THPT`) wait for a proper name, not common words.
                let noun = kind == OrgKind::Head && t.case(j) != Case::Upper;
                j += n;
                if confirmed {
                    last_good = j;
                    after_head = if noun { 6 } else { 0 };
                    seen_head |= kind == OrgKind::Head;
                } else {
                    lowers += n;
                }
                continue;
            }
            match t.case(j) {
                Case::Cap | Case::Upper => {
                    // A title word starts the next position of a chain, not this organization;
                    // an honorific or a rank starts another person.
                    if j > from
                        && (starts_title(t, j)
                            || self.introduces_person(j)
                            || RANKS.longest_at(t, j, false).is_some())
                    {
                        stopped = true;
                        break;
                    }
                    j += 1;
                    last_good = j;
                    lowers = 0;
                    after_head = 0;
                }
                Case::Digit => {
                    if !confirmed {
                        stopped = true;
                        break;
                    }
                    j += 1;
                    last_good = j;
                }
                Case::Lower => {
                    let key = t.key(j);
                    if key == "và"
                        && after_head == 0
                        && j + 1 < limit
                        && matches!(t.case(j + 1), Case::Cap)
                        && HONORIFICS.longest_at(t, j + 1, false).is_none()
                        && !starts_title(t, j + 1)
                    {
                        j += 1;
                        continue;
                    }
                    if lowers >= 4 || is_stop(key) {
                        stopped = true;
                        break;
                    }
                    // `Bộ Y tế`, `và Đào tạo`: the second syllable of a capitalized word that
                    // starts an organization's name.
                    let compound = confirmed
                        && j > from
                        && t.case(j - 1) == Case::Cap
                        && j == last_good
                        && (t.key(j - 2) == "và"
                            || (seen_head && t.case(j - 2) != Case::Cap)
                            || ORGS
                                .ending_at(t, j - 1, 0)
                                .is_some_and(|(_, k)| k == OrgKind::Head));
                    if confirmed && after_head > 0 {
                        after_head -= 1;
                        j += 1;
                        last_good = j;
                        continue;
                    }
                    if compound {
                        j += 1;
                        last_good = j;
                        continue;
                    }
                    lowers += 1;
                    j += 1;
                }
            }
        }
        // `Trưởng Khoa Quản trị kinh doanh, …`: one or two lower-case words that finish the name
        // of the organization right before a comma or a dash.
        if !stopped
            && (1..=2).contains(&lowers)
            && j < t.len()
            && j < limit
            && matches!(t.gap(j), Gap::Comma | Gap::Dash)
        {
            last_good = j;
        }
        last_good
    }

    /// The names coordinated before `name` inside the title (`trợ lý Ryan Mason và Chris
    /// Powell`, `A, B và C`): capitalized runs of two to four syllables, right after the position
    /// word, separated by commas and a last `và` before `name`. Each run reads as a name: a
    /// Vietnamese one (family name first, three or four syllables) or a foreign one (a syllable
    /// spelled unlike Vietnamese, no organization word, not a place).
    fn coordinated(&self, title: &Title, name: &Name) -> Option<Vec<(usize, usize)>> {
        let t = self.t;
        let v = name.start.checked_sub(1)?;
        if v <= title.head_end
            || t.key(v) != "và"
            || t.gap(v) != Gap::Space
            || t.gap(name.start) != Gap::Space
            || name.rank_tok.is_some()
            || t.gap(title.head_end) != Gap::Space
        {
            return None;
        }
        let mut runs = Vec::new();
        let mut a = title.head_end;
        while a < v && runs.len() < 4 {
            let b = self.coordinated_run(a, v)?;
            runs.push((a, b));
            if b == v {
                break;
            }
            if t.gap(b) != Gap::Comma {
                return None;
            }
            a = b;
        }
        (runs.last().is_some_and(|&(_, b)| b == v)).then_some(runs)
    }

    /// The end of a capitalized run from `a` (before `limit`) that reads as a name joined to
    /// others by `và` or commas: a Vietnamese one (family name first, three or four syllables) or
    /// a foreign one (two or three syllables, one spelled unlike Vietnamese, no initial), with no
    /// organization or position word and not a place.
    fn coordinated_run(&self, a: usize, limit: usize) -> Option<usize> {
        let t = self.t;
        let limit = limit.min(t.len());
        if a >= limit || t.case(a) != Case::Cap {
            return None;
        }
        let mut b = a + 1;
        while b < limit && b - a < 5 && t.case(b) == Case::Cap && t.gap(b) == Gap::Space {
            b += 1;
        }
        if b < t.len() && t.case(b) == Case::Cap && t.gap(b) == Gap::Space {
            return None;
        }
        let len = b - a;
        let org = (a..b).any(|p| {
            is_foreign_org_word(t.key(p))
                || ORGS.longest_at(t, p, false).is_some()
                || starts_title(t, p)
        });
        let place = PLACES.longest_at(t, a, true).is_some();
        let viet = (3..=4).contains(&len)
            && is_family(t.key(a))
            && !(a..b).any(|p| looks_foreign(t.key(p)));
        let foreign = (2..=3).contains(&len)
            && (a..b).any(|p| looks_foreign(t.key(p)))
            && (a..b).all(|p| t.key(p).chars().count() > 1);
        (!org && !place && (viet || foreign)).then_some(b)
    }

    /// After a counted position (`hai trợ lý A và B`, `ba phó giám đốc A, B và C`) whose name
    /// `name` follows the position word directly, the names joined to it by commas and a last
    /// `và`; none unless the list ends with `và` and a name.
    fn followers(&self, title: &Title, name: &Name) -> Option<Vec<(usize, usize)>> {
        let t = self.t;
        let counted = title.start > 0
            && t.gap(title.start) == Gap::Space
            && matches!(
                t.key(title.start - 1),
                "hai" | "ba" | "bốn" | "2" | "3" | "4"
            );
        if !counted || name.start != title.head_end || name.rank_tok.is_some() {
            return None;
        }
        let mut runs = Vec::new();
        let mut e = name.end;
        while runs.len() < 4 && e < t.len() {
            if t.gap(e) == Gap::Comma {
                let b = self.coordinated_run(e, t.len())?;
                runs.push((e, b));
                e = b;
            } else if t.gap(e) == Gap::Space && t.key(e) == "và" && t.gap(e + 1) == Gap::Space {
                let b = self.coordinated_run(e + 1, t.len())?;
                runs.push((e + 1, b));
                return Some(runs);
            } else {
                return None;
            }
        }
        None
    }

    /// `phó chủ tịch là Andrea Agnelli (chủ tịch của Juventus)`: a position, `là`, then a name
    /// (Vietnamese, or foreign as in [`Self::coordinated_run`]), which may be followed by its own
    /// position in parentheses; after a counted position (`hai phó chủ tịch là A (…) và B`) the
    /// name after `và` too. Pushes the officials and returns the token after the last.
    fn copula_names(
        &mut self,
        title: &Title,
        hon: Option<(usize, usize)>,
        rank: Option<(usize, usize)>,
    ) -> Option<usize> {
        let t = self.t;
        let e = title.end;
        if e + 1 >= t.len() || t.key(e) != "là" || t.gap(e) != Gap::Space {
            return None;
        }
        let span = t.span(title.start, title.end);
        let counted = title.start > 0
            && t.gap(title.start) == Gap::Space
            && matches!(
                t.key(title.start - 1),
                "hai" | "ba" | "bốn" | "2" | "3" | "4"
            );
        let mut a = e + 1;
        let mut from = t.toks[title.start].start;
        let mut first = true;
        loop {
            if t.gap(a) != Gap::Space {
                return None;
            }
            let b = match self.name_at(a, false) {
                Some(n) => n.end,
                None => self.coordinated_run(a, t.len())?,
            };
            let mut titles = vec![span];
            let mut end = b;
            if b < t.len() && t.gap(b) == Gap::Open {
                // Its own position in parentheses, else an aside skipped up to `)`.
                match self.title_chain(b, false) {
                    Some((more, m)) if m < t.len() && t.gap_text(m).starts_with(')') => {
                        titles.extend(more);
                        end = m;
                    }
                    _ => {
                        let close = (b + 1..(b + 10).min(t.len()))
                            .find(|&j| t.gap_text(j).contains(')'))
                            .filter(|&c| !(b + 1..c).any(|j| sentence_break(t.gap_text(j))));
                        end = close.unwrap_or(b);
                    }
                }
            }
            let name = Name::bare(a, b);
            let (h, r) = if first { (hon, rank) } else { (None, None) };
            self.push(from, end, name, h, r, titles);
            first = false;
            if counted
                && end + 1 < t.len()
                && t.key(end) == "và"
                && t.gap(end + 1) == Gap::Space
                && !sentence_break(t.gap_text(end))
                && self.name_at(end + 1, false).is_some()
                    | self.coordinated_run(end + 1, t.len()).is_some()
            {
                a = end + 1;
                from = t.toks[a].start;
                continue;
            }
            return Some(end);
        }
    }

    /// Does the title carry a person of its own (`…, Chánh án Tòa án Tối cao John Roberts`)?
    fn holds_person(&self, title: &Title) -> bool {
        let t = self.t;
        let e = title.end;
        self.name_after(title).is_some()
            || (e >= title.head_end + 3
                && t.case(e - 2) == Case::Cap
                && t.case(e - 1) == Case::Cap
                && looks_foreign(t.key(e - 2))
                && looks_foreign(t.key(e - 1))
                && PLACES.longest_at(t, e - 2, true).is_none())
    }

    /// Does an unambiguous honorific (`Ông`, `Bà`, `Đồng chí`, not `Anh` = England) at `j`
    /// introduce a name (`… và Ông Trương Quốc Hùng`)?
    fn introduces_person(&self, j: usize) -> bool {
        let t = self.t;
        match HONORIFICS.longest_at(t, j, false) {
            Some((n, ())) => {
                !matches!(t.key(j), "anh" | "chị" | "cụ" | "thầy")
                    && t.case(j + n) == Case::Cap
                    && is_family(t.key(j + n))
            }
            None => false,
        }
    }

    /// The personal name written right after a title (inside its organization run).
    pub(crate) fn name_after(&self, title: &Title) -> Option<Name> {
        let t = self.t;
        let mut a = title.head_end;
        // The name may follow the organization after the last token `org_end` kept, e.g.
        // `Bộ trưởng Bộ Tư pháp Lê Thành Long`: scan the capitalized runs inside the title.
        let end = title.end;
        while a < end {
            if t.case(a) != Case::Cap {
                a += 1;
                continue;
            }
            let mut b = a + 1;
            while b < end && t.case(b) == Case::Cap && t.gap(b) == Gap::Space {
                b += 1;
            }
            if let Some(name) = self.name_in_run(title, a, b) {
                return Some(name);
            }
            a = b;
        }
        None
    }

    /// Chooses the name inside the capitalized run `a..b` that follows (part of) a title.
    fn name_in_run(&self, title: &Title, a: usize, b: usize) -> Option<Name> {
        let t = self.t;
        // What precedes the run decides how much of it may be a place or organization name.
        let rank = if a > title.head_end {
            RANKS.ending_at(t, a, title.head_end)
        } else {
            None
        };
        let direct = a == title.head_end || rank.is_some();
        let before = if direct {
            None
        } else {
            match ORGS.ending_at(t, a, title.head_end) {
                // `Quốc phòng`: the second syllable of a word, not the noun `Phòng`.
                Some((s0, _))
                    if t.case(s0) == Case::Lower && s0 > 0 && t.case(s0 - 1) == Case::Cap =>
                {
                    None
                }
                other => other.map(|(_, k)| k),
            }
        };
        let prev_cap = a > title.head_end && t.case(a - 1) == Case::Cap;
        let place = PLACES.longest_at(t, a, true);
        let min_prefix = match (before, place) {
            (_, Some((n, PlaceKind::Country))) => n,
            (Some(OrgKind::Admin), Some((n, _))) => n,
            (Some(OrgKind::Admin), None) => 1,
            (Some(OrgKind::Body), Some((n, _))) => n,
            (Some(OrgKind::Head), _) => 1,
            (_, Some((n, _))) => n,
            _ if prev_cap => 1,
            _ => 0,
        };
        // `Trường Lương Thế Vinh`, `Bộ Công Thương …`: the run starts with an organization noun,
        // so its proper name comes first.
        let min_prefix = match ORGS.longest_at(t, a, false) {
            Some((n, OrgKind::Head | OrgKind::Body)) => min_prefix.max(n + 1),
            _ => min_prefix,
        };
        let lo = a + min_prefix;
        let mut best: Option<(u8, usize)> = None;
        for s in (lo..b).rev() {
            let len = b - s;
            if len > 4 {
                break;
            }
            if len < 2 || !is_family(t.key(s)) {
                continue;
            }
            // `Đoàn Thanh niên`, `Hội Nông dân`: an organization noun, not a family name.
            if ORGS.longest_at(t, s, false).is_some()
                && t.gap(b) == Gap::Space
                && t.case(b) == Case::Lower
            {
                continue;
            }
            // Two syllables after a title are as often a place, a company or a short mention
            // (`Hà Tiên`, `Hoa Lâm`, `Văn Quyết`) as a full name: not trusted here.
            // After a complete organization phrase (`Bộ trưởng Bộ Công an Tô Lâm`) a family name
            // and a given name that are not middle names make a name.
            let score = match len {
                2 if s == a
                    && a > title.head_end
                    && t.case(a - 1) == Case::Lower
                    && !is_middle(t.key(s))
                    && !is_middle(t.key(s + 1))
                    && t.text
                        .get(t.span(s, b).0..t.span(s, b).1)
                        .is_some_and(|nm| self.rec.after_honorific(nm)) =>
                {
                    1
                }
                2 => continue,
                3 => 3,
                _ if is_middle(t.key(s + 1)) || t.key(s + 1) == "thất" => 4,
                _ => 2,
            };
            if PLACES.longest_at(t, s, true).is_some_and(|(n, _)| n >= len) {
                continue;
            }
            // `Hoàng Anh Gia Lai`: four syllables ending in a province are a company's name.
            if len == 4
                && PLACES
                    .longest_at(t, s + 2, true)
                    .is_some_and(|(n, _)| n == 2)
            {
                continue;
            }
            // `Hội đồng châu Âu Charles Michel`: a Vietnamese name has Vietnamese syllables.
            if (s..b).any(|p| looks_foreign(t.key(p))) {
                continue;
            }
            if best.is_none_or(|(sc, _)| score > sc) {
                best = Some((score, s));
            }
        }
        if let Some((_, s)) = best {
            return Some(Name {
                start: s,
                end: b,
                honorific: None,
                rank: rank.map(|(r, _)| t.span(r, a)),
                rank_tok: rank.map(|(r, _)| r),
            });
        }
        // Foreign names: after a country (`Tổng thống Mỹ Joe Biden`) or a clearly foreign spelling.
        let head_key = (title.head_end >= 2).then(|| {
            format!(
                "{} {}",
                t.key(title.head_end - 2),
                t.key(title.head_end - 1)
            )
        });
        let sino = place.is_some_and(|(n, _)| {
            n == 2
                && matches!(
                    (t.key(a), t.key(a + 1)),
                    ("trung", "quốc") | ("đài", "loan")
                )
        });
        let foreign_start = match place {
            // Chinese names are read in Sino-Vietnamese (`Chủ tịch Trung Quốc Tập Cận Bình`);
            // right after the position any name may follow its country (`Thủ tướng Campuchia
            // Hun Sen`); after a longer organization only a foreign spelling is trusted.
            Some((n, PlaceKind::Country))
                if sino || direct || (a + n..b).any(|s| looks_foreign(t.key(s))) =>
            {
                Some(a + n)
            }
            Some(_) => None,
            _ if direct
                && head_key
                    .as_deref()
                    .is_some_and(|k| FOREIGN_TITLES.contains(&k))
                && ORGS.longest_at(t, a, false).is_none()
                && (a..b).any(|s| looks_foreign(t.key(s))) =>
            {
                Some(a)
            }
            _ => None,
        };
        // `Phó cố vấn an ninh quốc gia Nhà Trắng Matt Pottinger`, `HLV Jurgen Klopp`: a foreign
        // name ending the run, after the title or a Vietnamese word.
        // (`đội trưởng Jordan Henderson`: a country as a given name, the surname after it.)
        if foreign_start.is_none_or(|s| b < s + 2)
            && place.is_none_or(|(n, _)| b < a + n + 2)
            && before != Some(OrgKind::Head)
            && let Some(s) = foreign_tail(t, a, b)
            // `tổ chức bảo tồn Historic England`: after lower-case words, a foreign run is the
            // organization's own name unless they close a capitalized word (`Bộ trưởng Tài chính`).
            && (s > a || direct || a < 2 || t.case(a - 1) != Case::Lower || t.case(a - 2) == Case::Cap)
        {
            return Some(Name::bare(s, b));
        }
        // `HLV Mourinho`: a coach is named by surname alone in sports news; trusted when the
        // surname is foreign and the document writes the full name too (`Jose Mourinho`), which
        // a club (`HLV Tottenham` is the coach of Tottenham) never is.
        let coach = title.head_end >= 1 && t.key(title.head_end - 1) == "hlv"
            || title.head_end >= 3
                && (title.head_end - 3..title.head_end)
                    .map(|p| t.key(p))
                    .eq(["huấn", "luyện", "viên"]);
        if coach
            && direct
            && rank.is_none()
            && b == a + 1
            && t.key(a).chars().count() > 3
            && looks_foreign(t.key(a))
            && !is_foreign_org_word(t.key(a))
            && ORGS.longest_at(t, a, false).is_none()
            && PLACES.longest_at(t, a, true).is_none()
            && t.text
                .get(t.span(a, b).0..t.span(a, b).1)
                .is_some_and(|w| self.rec.ends_full_name(w))
        {
            return Some(Name::bare(a, b));
        }
        if let Some(s) = foreign_start
            // A surname alone (`Tổng thống Biden`) is a short mention, not a full name.
            && (2..=3).contains(&(b - s))
            // `George H. W. Bush`: an initial cut the name short.
            && t.key(b - 1).chars().count() > 1
            && (s..b).all(|p| ORGS.longest_at(t, p, false).is_none())
        {
            return Some(Name::bare(s, b));
        }
        None
    }

    /// A personal name starting at token `i` (not after a title).
    fn name_at(&self, i: usize, introduced: bool) -> Option<Name> {
        let t = self.t;
        if i >= t.len() || t.case(i) != Case::Cap {
            return None;
        }
        // Only at the start of a capitalized run.
        if !introduced && i > 0 && t.gap(i) == Gap::Space && t.case(i - 1) == Case::Cap {
            return None;
        }
        let mut e = i + 1;
        while e < t.len() && e - i < 6 && t.case(e) == Case::Cap && t.gap(e) == Gap::Space {
            e += 1;
        }
        let len = e - i;
        let (min, max) = if introduced { (2, 5) } else { (3, 4) };
        if !(min..=max).contains(&len) {
            return None;
        }
        if !introduced && !is_family(t.key(i)) {
            return None;
        }
        if PLACES.longest_at(t, i, true).is_some() {
            return None;
        }
        // `thành phố Hồ Chí Minh`, `Trường Lê Quý Đôn`: a name inside a place or organization.
        if i > 0 && t.gap(i) == Gap::Space && ORGS.ending_at(t, i, 0).is_some() {
            return None;
        }
        if (i..e).any(|s| starts_title(t, s)) {
            return None;
        }
        Some(Name::bare(i, e))
    }

    /// Titles written after a name (`Tên - Tỉnh ủy viên, Bí thư Huyện ủy`): spans and end token.
    fn appositive(&self, e: usize, strict: bool) -> Option<(Vec<(usize, usize)>, usize)> {
        let t = self.t;
        if e >= t.len() || !matches!(t.gap(e), Gap::Comma | Gap::Dash | Gap::Colon | Gap::Open) {
            return None;
        }
        if t.gap(e) == Gap::Open {
            // `Ông A (SN 1970, Giám đốc Công ty X)`, `(45 tuổi, Chủ tịch …)`: skip the age.
            let mut j = e;
            while j < e + 4
                && (t.case(j) == Case::Digit || matches!(t.key(j), "sn" | "sinh" | "năm" | "tuổi"))
            {
                j += 1;
            }
            if j > e && t.gap(j) == Gap::Comma {
                return self.title_chain(j, strict);
            }
            if let Some(found) = self.title_chain(e, strict) {
                return Some(found);
            }
            // `Tên (bên trái), Chủ tịch …`: an aside in parentheses, then the titles.
            for j in e + 1..(e + 8).min(t.len()) {
                let g = t.gap_text(j);
                if g.contains(')') {
                    if g.contains([',', '-', '–']) && !sentence_break(g) {
                        return self.title_chain(j, strict);
                    }
                    break;
                }
                if sentence_break(g) || g.contains('(') {
                    break;
                }
            }
        }
        self.title_chain(e, strict)
    }

    /// A chain of titles from token `i`: `T1, T2 - T3 kiêm T4`.
    /// With `strict`, the first title too must not end in another (foreign) person's name.
    fn title_chain(&self, i: usize, strict: bool) -> Option<(Vec<(usize, usize)>, usize)> {
        let t = self.t;
        let i = self.skip_profession(i);
        let first = self.title_at(i)?;
        if self.name_after(&first).is_some() || (strict && self.holds_person(&first)) {
            return None;
        }
        let mut titles = vec![t.span(first.start, first.end)];
        let mut end = first.end;
        while end < t.len() && titles.len() < 8 {
            let next = match t.gap(end) {
                Gap::Comma | Gap::Dash => end,
                Gap::Space if t.key(end) == "kiêm" && t.gap(end + 1) == Gap::Space => end + 1,
                _ => break,
            };
            match self.title_at(next) {
                Some(ti) if !self.holds_person(&ti) => {
                    titles.push(t.span(ti.start, ti.end));
                    end = ti.end;
                }
                _ => break,
            }
        }
        Some((titles, end))
    }

    /// `Bác sĩ y khoa, Phó giám đốc …`, `Thạc sĩ, Trưởng phòng …`: a profession or degree (nghề
    /// nghiệp, học vị, from the rank table) with at most three lower-case words or numbers
    /// (`chuyên khoa 2`), then a comma: the token after the comma, else `i`.
    fn skip_profession(&self, i: usize) -> usize {
        let t = self.t;
        // Professions that are also words of organization names (`Hội Nhà báo`, `Đoàn Luật sư`)
        // are not ranks; they are read here only.
        let two =
            |a: &str, b: &str| t.key(i) == a && t.key(i + 1) == b && t.gap(i + 1) == Gap::Space;
        let n = match RANKS.longest_at(t, i, false) {
            Some((n, ())) => n,
            None if two("luật", "sư") || two("nhà", "báo") || two("dược", "sĩ") => 2,
            None => return i,
        };
        let mut p = i + n;
        while p < t.len() && p < i + n + 3 && t.gap(p) == Gap::Space {
            if !matches!(t.case(p), Case::Lower | Case::Digit) {
                return i;
            }
            p += 1;
        }
        if p < t.len() && t.gap(p) == Gap::Comma && self.title_at(p).is_some() {
            p
        } else {
            i
        }
    }

    /// A foreign name of two or three syllables starting a capitalized run at `i` (`Joel
    /// Glazer`), then in parentheses its position, possibly introduced by `từng giữ chức`,
    /// `từng là`, `hiện là`, and the parenthesis closing right after it.
    fn foreign_aside(&self, i: usize) -> Option<(Name, Spans, usize)> {
        let t = self.t;
        if t.case(i) != Case::Cap || (i > 0 && t.gap(i) == Gap::Space && t.case(i - 1) == Case::Cap)
        {
            return None;
        }
        let mut b = i + 1;
        while b < t.len() && b - i < 4 && t.case(b) == Case::Cap && t.gap(b) == Gap::Space {
            b += 1;
        }
        if b >= t.len() || t.gap(b) != Gap::Open || foreign_tail(t, i, b) != Some(i) {
            return None;
        }
        let mut p = b;
        let lead = [
            ["từng", "giữ", "chức"].as_slice(),
            &["từng", "là"],
            &["hiện", "là"],
        ];
        for words in lead {
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| t.key(p + k) == *w && (k == 0 || t.gap(p + k) == Gap::Space))
                && t.gap(p + words.len()) == Gap::Space
            {
                p += words.len();
                break;
            }
        }
        let (titles, end) = self.title_chain(p, false)?;
        if end >= t.len() || !t.gap_text(end).starts_with(')') {
            return None;
        }
        let name = Name::bare(i, b);
        Some((name, titles, end))
    }

    /// `Ông A (…), …, từng là Chủ tịch …`: a position given by `là`/`làm` in the same sentence.
    fn copula(&self, e: usize) -> Option<(Vec<(usize, usize)>, usize)> {
        let t = self.t;
        let limit = (e + MAX_COPULA).min(t.len());
        let mut j = e;
        let mut depth = 0i32;
        while j < limit {
            let gap = t.gap_text(j);
            if j > e && sentence_break(gap) {
                return None;
            }
            depth += gap.matches('(').count() as i32 - gap.matches(')').count() as i32;
            // Another name or organization starts another subject (asides in parentheses do not).
            if j > e
                && depth <= 0
                && t.case(j) == Case::Cap
                && t.case(j + 1) == Case::Cap
                && t.gap(j + 1) == Gap::Space
            {
                return None;
            }
            if matches!(t.key(j), "là" | "làm")
                && j + 1 < t.len()
                && t.gap(j + 1) == Gap::Space
                && (t.case(j + 1) == Case::Cap || t.key(j + 1) == "nguyên")
            {
                return self.title_chain(j + 1, false);
            }
            j += 1;
        }
        None
    }
}

/// A foreign personal name (`Daniel Levy`, `John W Henry`) ending the capitalized run `a..b`:
/// its first token. Every syllable is spelled unlike Vietnamese (initials aside), none is a word
/// of an organization (`Utd`, `League`), and the name starts the run or follows a Vietnamese word.
fn foreign_tail(t: &Tokens<'_>, a: usize, b: usize) -> Option<usize> {
    if b < a + 2 {
        return None;
    }
    let initial = |p: usize| t.key(p).chars().count() == 1;
    let s = if b >= a + 3 && initial(b - 2) {
        b - 3
    } else {
        b - 2
    };
    if initial(b - 1) || initial(s) {
        return None;
    }
    // `Lee Kun-hee`, `Moon Jae-in`: a Korean name, a one-syllable surname and a hyphenated
    // given name written `Xxx-xxx`; the surname alone may be spelled like a Vietnamese syllable.
    let korean = b == s + 2 && {
        let (x, y) = t.span(b - 1, b);
        t.text.get(x..y).is_some_and(|w| {
            w.split_once('-').is_some_and(|(p, q)| {
                p.chars().next().is_some_and(char::is_uppercase)
                    && q.chars().count() >= 2
                    && q.chars().all(|c| c.is_ascii_lowercase())
            })
        })
    };
    let ok = (s..b).all(|p| {
        (initial(p) || looks_foreign(t.key(p)) || (korean && p == s))
            && !is_foreign_org_word(t.key(p))
            && ORGS.longest_at(t, p, false).is_none()
    });
    let boundary = s == a || !looks_foreign(t.key(s - 1));
    let place = PLACES
        .longest_at(t, s, true)
        .is_some_and(|(n, _)| n >= b - s);
    (ok && boundary && !place).then_some(s)
}

/// Does a position start at token `i`: a position word, or prefixes (`phó`, `nguyên`) and one?
/// A prefix alone is an ordinary word and a given name (`Lê Thị Nguyên`, `Trần Tân`).
fn starts_title(t: &Tokens<'_>, mut i: usize) -> bool {
    for _ in 0..4 {
        match TITLES.longest_at(t, i, false) {
            Some((_, TitleKind::Title)) => return true,
            Some((n, TitleKind::Prefix)) if i + n < t.len() && t.gap(i + n) == Gap::Space => i += n,
            _ => return false,
        }
    }
    false
}

/// Does the gap hold a sentence end?
fn sentence_break(g: &str) -> bool {
    g.contains(['.', '!', '?', ';', '\n', '\r'])
}

/// Does the title that starts at token `i` continue the chain that ended at token `end`?
fn chained(t: &Tokens<'_>, end: usize, i: usize) -> bool {
    (i == end && matches!(t.gap(i), Gap::Comma | Gap::Dash))
        || (i == end + 1 && matches!(t.key(end), "kiêm" | "và") && t.gap(end) == Gap::Space)
}

/// A spelling no Vietnamese syllable has: `f`, `j`, `w`, `z`, or a final consonant cluster.
/// Is `key` (a lower-case token) spelled unlike any Vietnamese syllable (`joe`, `phankham`)?
///
/// A Vietnamese syllable is an initial consonant (optional), one to three vowels, and a final
/// `c`, `ch`, `m`, `n`, `ng`, `nh`, `p` or `t` (optional); `f`, `j`, `w`, `z` never occur.
pub(crate) fn looks_foreign(key: &str) -> bool {
    const INITIALS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
        "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ];
    const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    // Hyphenated or apostrophe forms (`Jae-in`, `H'Yim`) are not single syllables.
    if key.contains(['-', '\'', '.', '&', '/']) || key.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let rest = INITIALS
        .iter()
        .find_map(|i| key.strip_prefix(i))
        .unwrap_or(key);
    let is_consonant = |c: char| "bcdđfghjklmnpqrstvwxz".contains(c);
    let vowels = rest.chars().take_while(|&c| !is_consonant(c)).count();
    if vowels == 0 || vowels > 3 {
        return true;
    }
    let fin: String = rest.chars().skip(vowels).collect();
    !FINALS.contains(&fin.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        find_officials(s).into_iter().map(|o| o.name).collect()
    }

    #[test]
    fn title_before_name() {
        let o = find_officials("Chủ tịch UBND tỉnh Lai Châu Trần Tiến Dũng phát biểu.");
        assert_eq!(o[0].name, "Trần Tiến Dũng");
        assert_eq!(o[0].titles, ["Chủ tịch UBND tỉnh Lai Châu"]);
        assert_eq!(
            names("Bộ trưởng Bộ Tư pháp Lê Thành Long cho biết"),
            ["Lê Thành Long"]
        );
        assert_eq!(
            names("Chủ tịch Quốc hội Nguyễn Thị Kim Ngân"),
            ["Nguyễn Thị Kim Ngân"]
        );
    }

    #[test]
    fn places_are_not_persons() {
        assert!(names("Bí thư Huyện ủy Sìn Hồ đến dự").is_empty());
        assert!(names("Chủ tịch UBND tỉnh Lai Châu ký").is_empty());
        assert!(names("Giám đốc Bệnh viện Bạch Mai cho biết").is_empty());
    }

    #[test]
    fn foreign_names() {
        assert_eq!(
            names("Thủ tướng Lào Phankham Viphavanh"),
            ["Phankham Viphavanh"]
        );
        assert_eq!(names("Tổng thống Mỹ Joe Biden"), ["Joe Biden"]);
    }

    #[test]
    fn chain_before_name() {
        let o = find_officials("Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng");
        assert_eq!(o[0].titles, ["Tổng Bí thư", "Chủ tịch nước"]);
    }
}
