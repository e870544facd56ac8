//! The recogniser of officials in running text: one left-to-right pass over the [`Words`] of a
//! document (see the [module docs](super) for the patterns read).

use std::cell::OnceCell;
use std::collections::HashSet;

use super::words::{Cue, OrgKind, PlaceKind, Sep, TitleKind, Words};
use super::{Mention, Short, TitleRef, TitleSpan};
use crate::document::Case;
use crate::lexicon::Lex;

/// Most words a title with its organization may span (`Chủ tịch HĐQT Công ty CP Tập đoàn …`).
const MAX_TITLE: usize = 16;
/// Most words between a name and a `là`/`làm` that introduces its position.
const MAX_COPULA: usize = 30;

/// Titles found for a mention.
type Spans = Vec<TitleSpan>;

/// A title phrase: words `start..end`; the position word ends at `head_end`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Title {
    pub(crate) start: usize,
    pub(crate) head_end: usize,
    pub(crate) end: usize,
    /// First word of the organization (`head_end`, or the word after `của`: `Chủ tịch của Real
    /// Madrid`).
    pub(crate) org_start: usize,
    /// First word of the place that ends the organization (`tỉnh Lai Châu`, `Hà Giang`, `Mỹ`).
    pub(crate) place: Option<usize>,
}

/// A personal name: words `start..end`, with the honorific and rank before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Name {
    start: usize,
    end: usize,
    honorific: Option<(usize, usize)>,
    rank: Option<(usize, usize)>,
    /// First word of the rank inside a title's run (`Giám đốc Công an tỉnh, Đại tá …`).
    rank_tok: Option<usize>,
}

impl Name {
    /// Words `start..end` with no honorific or rank before them.
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

/// What a comma inside an organization's name goes on with (see `Scanner::after_comma`).
enum After {
    /// A list of the name's words, ending before this word.
    List(usize),
    /// The organization a unit belongs to, or a place: read on.
    Org,
}

/// A chain of titles seen without a name yet (`Tổng Bí thư,` before `Chủ tịch nước Nguyễn Phú Trọng`).
struct Chain {
    titles: Spans,
    start: usize,
    end_tok: usize,
    honorific: Option<(usize, usize)>,
    /// It started with a position in lower case inside a clause.
    common: bool,
}

pub(crate) struct Scanner<'s, 'd, 'a> {
    pub(crate) t: &'s Words<'d, 'a>,
    pub(crate) out: &'s mut Vec<Mention>,
    pub(crate) short: &'s mut Vec<Short>,
    pub(crate) refs: &'s mut Vec<TitleRef>,
    pub(crate) rec: &'s Recurring<'s, 'd, 'a>,
}

/// Names a document writes elsewhere, which confirm a short name after a title: two-word names
/// written after a formal honorific (`ông Tô Lâm`), and surnames written after a foreign given
/// name (`Jose Mourinho`). Collected at the first question, in one pass over the words.
pub(crate) struct Recurring<'s, 'd, 'a> {
    words: &'s Words<'d, 'a>,
    /// Two-word names written after a formal honorific (`ông Tô Lâm`).
    after_honorific: OnceCell<HashSet<(&'d str, &'d str)>>,
    /// Words written after a foreign given name (`Mourinho` of `Jose Mourinho`).
    after_given: OnceCell<HashSet<&'d str>>,
    /// Keys of capitalized runs of three or four words, a family name first, written in lower
    /// case (`Nguyễn Tấn Dũng`).
    lower_names: OnceCell<HashSet<String>>,
}

impl<'s, 'd, 'a> Recurring<'s, 'd, 'a> {
    pub(crate) fn new(words: &'s Words<'d, 'a>) -> Self {
        Recurring {
            words,
            after_honorific: OnceCell::new(),
            after_given: OnceCell::new(),
            lower_names: OnceCell::new(),
        }
    }

    fn after_honorific_set(&self) -> &HashSet<(&'d str, &'d str)> {
        self.after_honorific.get_or_init(|| {
            let t = self.words;
            let mut set = HashSet::new();
            for i in t.starts_of(Lex::Honorific) {
                if let Some((n, true)) = t.honorific(i)
                    && i + n + 1 < t.len()
                    && t.gap(i + n) == Sep::Space
                    && t.gap(i + n + 1) == Sep::Space
                {
                    set.insert((t.slice(i + n, i + n + 1), t.slice(i + n + 1, i + n + 2)));
                }
            }
            set
        })
    }

    fn after_given_set(&self) -> &HashSet<&'d str> {
        self.after_given.get_or_init(|| {
            let t = self.words;
            let mut set = HashSet::new();
            for i in 0..t.len().saturating_sub(1) {
                // `Jose Mourinho`: a foreign given name, capitalized (not `HLV`, not `Ông`).
                if t.case(i) == Case::Title
                    && t.gap(i + 1) == Sep::Space
                    && t.case(i + 1) == Case::Title
                    && !t.is_joined(i)
                    && t.chars(i) >= 2
                    && t.slice(i, i + 1).chars().skip(1).all(char::is_lowercase)
                    && !t.is_foreign_org_word(i)
                    && t.looks_foreign(i)
                {
                    set.insert(t.slice(i + 1, i + 2));
                }
            }
            set
        })
    }

    fn lower_names_set(&self) -> &HashSet<String> {
        self.lower_names.get_or_init(|| {
            let t = self.words;
            let mut set = HashSet::new();
            for i in t.title_case_starts(Lex::FamilyName) {
                // The run first (cheap), then the family name (a lexicon phrase of one word).
                let mut e = i + 1;
                while e < t.len() && e - i < 4 && t.case(e) == Case::Title && t.gap(e) == Sep::Space
                {
                    e += 1;
                }
                if e - i >= 3 && (i == 0 || !t.is_cap(i - 1)) && t.is_family(i) {
                    set.insert(run_key(t, i, e));
                }
            }
            set
        })
    }

    /// Is the two-word name `s..s + 2` written after a formal honorific (`ông`, `bà`, `đồng
    /// chí`, `đ/c`) somewhere in the document?
    fn after_honorific(&self, t: &Words<'_, '_>, s: usize) -> bool {
        self.after_honorific_set()
            .contains(&(t.slice(s, s + 1), t.slice(s + 1, s + 2)))
    }

    /// Is the name `s..b` (written in capitals) written in lower case elsewhere?
    fn written_lower(&self, t: &Words<'_, '_>, s: usize, b: usize) -> bool {
        self.lower_names_set().contains(&run_key(t, s, b))
    }

    /// Is the word `a` written as the last word of a longer capitalized name (`Jose Mourinho`
    /// for `Mourinho`) somewhere in the document?
    fn ends_full_name(&self, t: &Words<'_, '_>, a: usize) -> bool {
        self.after_given_set().contains(t.slice(a, a + 1))
    }
}

impl Scanner<'_, '_, '_> {
    pub(crate) fn run(&mut self) {
        let t = self.t;
        let n = t.len();
        let mut chain: Option<Chain> = None;
        // Lexicons whose phrases start something (cues, honorifics, ranks, positions).
        const STARTS: u64 =
            Lex::OfficialCue.bit() | Lex::Honorific.bit() | Lex::Rank.bit() | Lex::Title.bit();
        // The words keep the bits of the first eight lexicons only (`Words::next_start`).
        const _: () = assert!(STARTS <= 0xFF);
        let mut i = 0;
        while i < n {
            // Words that cannot start anything are skipped at once: those that start nothing
            // (see below), and a capitalized word alone, which starts no name (at least two
            // capitalized words), no position, honorific or rank (a phrase of their tables),
            // and no name after a chain of titles (after a comma or a dash).
            i = t.next_start(i, STARTS);
            if i >= n {
                break;
            }
            // A word that starts nothing: not capitalized, no honorific, rank or position, and
            // no chain of titles waiting for a name after a comma.
            let starts = matches!(t.case(i), Case::Title | Case::Upper)
                || t.may_start(i, Lex::OfficialCue)
                || t.may_start(i, Lex::Honorific)
                || t.may_start(i, Lex::Rank)
                || t.may_start(i, Lex::Title)
                || (matches!(t.gap(i), Sep::Comma | Sep::Dash)
                    && chain.as_ref().is_some_and(|c| c.end_tok == i));
            if !starts {
                i += 1;
                continue;
            }
            // `các đồng chí Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng: A, B, C`.
            if t.is_cue(i, Cue::Plural)
                && let Some(end) = self.shared_list(i)
            {
                chain = None;
                i = end;
                continue;
            }
            let (hon, j) = self.honorific_at(i);
            let (rank, k) = self.rank_at(j);
            if let Some(title) = self.title_at(k) {
                if let Some(name) = self.name_after(&title) {
                    // `hai trợ lý Ryan Mason và Chris Powell`: names joined by `và` (and commas)
                    // after one title each hold it; the title never keeps a name or `và`.
                    if let Some(firsts) = self.coordinated(&title, &name) {
                        let span = self.title_span(&title, title.head_end);
                        let mut from = t.start(i);
                        for (a, b) in firsts {
                            let first = Name::bare(a, b);
                            self.push(from, b, first, hon, rank, vec![span]);
                            from = t.start(b);
                        }
                        let end = name.end;
                        let ns = t.start(name.start);
                        self.push(ns, end, name, None, None, vec![span]);
                        chain = None;
                        i = end;
                        continue;
                    }
                    if let Some(more) = self.followers(&title, &name) {
                        let span = self.title_span(&title, title.head_end);
                        let end = name.end;
                        self.push(t.start(i), end, name, hon, rank, vec![span]);
                        let mut last = end;
                        for (a, b) in more {
                            let next = Name::bare(a, b);
                            self.push(t.start(a), b, next, None, None, vec![span]);
                            last = b;
                        }
                        chain = None;
                        i = last;
                        continue;
                    }
                    let mut titles = Vec::new();
                    let mut start = t.start(i);
                    let mut honorific = hon;
                    if let Some(c) = chain.take()
                        && chained(t, c.end_tok, i)
                        && !c.common
                    {
                        titles.extend(c.titles);
                        start = c.start;
                        honorific = honorific.or(c.honorific);
                    }
                    let title_end = name.rank_tok.unwrap_or(name.start);
                    titles.push(self.title_span(&title, title_end));
                    let mut end = name.end;
                    // A name written after its titles may carry more after a dash or comma.
                    if let Some((more, e)) = self.appositive_more(end, true) {
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
                if title.end < n && t.gap(title.end) == Sep::Space {
                    let (r2, k2) = self.rank_at(title.end);
                    if r2.is_some()
                        && let Some(mut name) = self.name_at(k2, true)
                    {
                        name.rank = r2;
                        let titles = vec![self.title_span(&title, title.end)];
                        let start = t.start(i);
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
                // `Tân Phó Trưởng Ban Tuyên giáo Trung ương là Ủy viên …`: a sentence about the
                // holder of a title named before; resolved when the officials are merged.
                if hon.is_none()
                    && rank.is_none()
                    && (i == 0 || ends_sentence(t, i))
                    && t.key(title.end) == "là"
                    && t.gap(title.end) == Sep::Space
                    && let Some((titles, end)) = self.title_chain(title.end + 1, false)
                {
                    self.refs.push(TitleRef {
                        subject: self.title_span(&title, title.end),
                        titles,
                    });
                    chain = None;
                    i = end;
                    continue;
                }
                // `Giám đốc Tình báo Quốc gia Avril Haines,`: a title ending in an unknown
                // capitalized pair may hold a person we did not recognise; do not chain it.
                let e = title.end;
                let open_pair = e >= title.head_end + 2
                    && t.case(e - 1) == Case::Title
                    && t.case(e - 2) == Case::Title
                    && !(e - 2..e).any(|p| t.is_foreign_org_word(p))
                    && t.place_ending(e, title.head_end).is_none()
                    && !t
                        .org_ending(e - 2, title.head_end)
                        .is_some_and(|(_, k)| matches!(k, OrgKind::Admin | OrgKind::Body));
                if open_pair {
                    chain = None;
                    i = title.end;
                    continue;
                }
                let continues = chain.as_ref().is_some_and(|c| chained(t, c.end_tok, i));
                let span = self.title_span(&title, title.end);
                match chain.as_mut() {
                    Some(c) if continues => {
                        c.titles.push(span);
                        c.end_tok = title.end;
                    }
                    _ => {
                        chain = Some(Chain {
                            titles: vec![span],
                            start: t.start(i),
                            end_tok: title.end,
                            honorific: hon,
                            // A position in lower case inside a clause is a common noun, not
                            // the next person's first title (`trong đợt bầu cử đại biểu Quốc
                            // hội khóa XV, Tổng Bí thư …`).
                            common: hon.is_none()
                                && rank.is_none()
                                && !t.is_cap(title.start)
                                && t.gap(title.start) == Sep::Space,
                        })
                    }
                }
                i = title.end;
                continue;
            }
            // `Phó Chủ tịch Man Utd, Ed Woodward`: titles, a comma, then the name alone.
            if hon.is_none()
                && rank.is_none()
                && matches!(t.gap(i), Sep::Comma | Sep::Dash)
                && chain.as_ref().is_some_and(|c| c.end_tok == i)
            {
                let name = self.name_at(i, false).or_else(|| {
                    let mut b = i + 1;
                    while b < n && b - i < 4 && t.case(b) == Case::Title && t.gap(b) == Sep::Space {
                        b += 1;
                    }
                    let ends = !(t.case(b) == Case::Title && t.gap(b) == Sep::Space);
                    (ends && foreign_tail(t, i, b, false) == Some(i)).then_some(Name::bare(i, b))
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
                let start = t.start(i);
                // `Giám đốc Công an tỉnh, Đại tá Lê Văn Tuấn`, `Chủ tịch UBND xã, ông …`: the
                // titles just before, then an honorific or a rank and the name.
                if let Some(c) = chain.take()
                    && (hon.is_some() || rank.is_some())
                    && c.end_tok == i
                    && matches!(t.gap(i), Sep::Comma | Sep::Dash)
                {
                    let (cs, end) = (c.start, name.end);
                    self.push(cs, end, name, hon.or(c.honorific), rank, c.titles);
                    i = end;
                    continue;
                }
                if let Some((titles, end)) = self.appositive_more(name.end, false) {
                    self.push(start, end, name, hon, rank, titles);
                    i = end;
                    continue;
                }
                // `đồng chí A và đồng chí B (bí danh …) - Ủy viên …`: two persons joined by
                // `và`, the titles after a dash shared.
                if hon.is_some()
                    && let Some(end) = self.shared_after(start, name, hon, rank)
                {
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
                self.push(t.start(i), end, name, None, None, titles);
                i = end;
                continue;
            }
            // `Ông Tâm là đại biểu Quốc hội khóa XIII`: a given name alone after an honorific.
            if hon.is_some()
                && t.case(k) == Case::Title
                && !(t.case(k + 1) == Case::Title && t.gap(k + 1) == Sep::Space)
                && !starts_title(t, k)
                && t.place(k, false).is_none()
            {
                let titles = self.appositive(k + 1, false).or_else(|| {
                    (t.key(k + 1) == "là"
                        && t.gap(k + 1) == Sep::Space
                        && t.gap(k + 2) == Sep::Space)
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
            i = if k > i && !matches!(t.case(i), Case::Title) {
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
        if t.case(i) == Case::Title {
            while e < t.len() && t.case(e) == Case::Title && t.gap(e) == Sep::Space {
                e += 1;
            }
            // Let a title inside the run be seen (`Ông Ba Phó Chủ tịch …` is rare, but
            // `Hà Nội Phó Thủ tướng …` is not): stop before the first title word.
            if let Some(s) = (i + 1..e).find(|&s| starts_title(t, s) || t.rank(s).is_some()) {
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
        titles: Spans,
    ) {
        let t = self.t;
        let (ns, ne) = t.span(name.start, name.end);
        self.out.push(Mention {
            start: start_byte.min(ns),
            end: t.end(end_tok - 1).max(ne),
            name: (ns, ne),
            honorific: hon,
            rank,
            titles,
        });
    }

    /// The title `title` cut at word `end` (the name it holds, or its own end), with its parts.
    pub(crate) fn title_span(&self, title: &Title, end: usize) -> TitleSpan {
        let t = self.t;
        let end = end.clamp(title.head_end, title.end.max(title.head_end));
        let (start, stop) = t.span(title.start, end);
        let position_end = t.end(title.head_end - 1);
        TitleSpan {
            start,
            end: stop,
            position_end,
            org_start: if title.org_start > title.head_end && title.org_start < end {
                t.start(title.org_start)
            } else {
                position_end
            },
            place_start: title
                .place
                .filter(|&p| p >= title.head_end && p < end)
                .map(|p| t.start(p)),
        }
    }

    /// An honorific at `i` followed by a space: its span and the next token.
    fn honorific_at(&self, i: usize) -> (Option<(usize, usize)>, usize) {
        let t = self.t;
        match t.honorific(i) {
            Some((n, _)) if i + n < t.len() && t.gap(i + n) == Sep::Space => {
                // `Ông`, `Bà` are names of places too (`Bà Rịa`); the next token must be capitalized.
                if matches!(t.case(i + n), Case::Title | Case::Upper) {
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
        match t.rank(i) {
            Some(n)
                if i + n < t.len()
                    && matches!(t.gap(i + n), Sep::Space | Sep::Dot)
                    && t.case(i + n) == Case::Title =>
            {
                (Some(rank_span(t, i, i + n)), i + n)
            }
            _ => (None, i),
        }
    }

    /// A title (prefixes, a position word, then its organization) starting at token `i`.
    pub(crate) fn title_at(&self, i: usize) -> Option<Title> {
        let t = self.t;
        if i >= t.len() || !t.may_start(i, Lex::Title) {
            return None;
        }
        // "các Bộ trưởng", "những Phó Chủ tịch": plural, not one person.
        if i > 0 && t.gap(i) == Sep::Space && t.is_cue(i - 1, Cue::Plural) {
            return None;
        }
        self.title_from(i)
    }

    /// A title at `i`, whatever stands before it.
    fn title_from(&self, i: usize) -> Option<Title> {
        let t = self.t;
        if i >= t.len() || !t.may_start(i, Lex::Title) {
            return None;
        }
        // `chính quyền` (government): the `quyền` of a common word is no prefix.
        if t.ends_common_word(i) {
            return None;
        }
        let mut j = i;
        let head_end = loop {
            match t.title(j) {
                Some((n, TitleKind::Title)) => break j + n,
                // `giáo viên Trường THPT …`: a job noun is a position in a named organization.
                Some((n, TitleKind::Job)) if j == i && self.job_in_org(j + n) => break j + n,
                Some((n, TitleKind::Prefix)) if j + n < t.len() && t.gap(j + n) == Sep::Space => {
                    if j - i >= 3 {
                        return None;
                    }
                    j += n;
                }
                _ => return None,
            }
        };
        let (mut end, mut place) = self.org_end(head_end, i + MAX_TITLE);
        let mut org_start = head_end;
        // `Chủ tịch của Real Madrid`: the organization after `của` (of), written capitalized.
        if end == head_end
            && t.key(head_end) == "của"
            && t.gap(head_end) == Sep::Space
            && t.gap(head_end + 1) == Sep::Space
            && matches!(t.case(head_end + 1), Case::Title | Case::Upper)
            && !t.is_family(head_end + 1)
            && t.honorific(head_end + 1).is_none()
            // `trợ lý của HLV Guus Hiddink`: the assistant of another position holder.
            && !starts_title(t, head_end + 1)
        {
            let (org, at) = self.org_end(head_end + 1, head_end + 1 + MAX_TITLE);
            if org > head_end + 1 {
                (end, place) = (org, at);
                // `của` (of) links the organization; it is no part of it.
                org_start = head_end + 1;
            }
        }
        Some(Title {
            start: i,
            head_end,
            end,
            org_start,
            place,
        })
    }

    /// Does a named organization follow the job noun ending at token `e`: an organization word
    /// written capitalized right after it (`giáo viên Trường THPT …`, `Thư ký viên Tòa án …`), or
    /// after its specialty and a comma or dash (`Công chức Tư pháp - Hộ tịch cấp xã, UBND thị
    /// trấn …`), within a few words of the same sentence?
    fn job_in_org(&self, e: usize) -> bool {
        let t = self.t;
        let org_at = |p: usize| {
            matches!(t.case(p), Case::Title | Case::Upper)
                && t.org(p)
                    .is_some_and(|(_, k)| matches!(k, OrgKind::Head | OrgKind::Body))
        };
        if e >= t.len() || t.gap(e) != Sep::Space {
            return false;
        }
        if org_at(e) {
            return true;
        }
        let mut p = e;
        while p < t.len() && p < e + 8 {
            // `Giảng viên Nguyễn Thị A - Khoa …`: a person's name, not the job's specialty.
            if t.case(p) == Case::Title
                && t.is_family(p)
                && t.case(p + 1) == Case::Title
                && t.gap(p + 1) == Sep::Space
            {
                return false;
            }
            match t.gap(p) {
                Sep::Space if p == e || t.key(p) != "và" => {}
                Sep::Comma | Sep::Dash if p > e => {
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

    /// The end of the organization part written after a position word, from word `from`, and
    /// the first word of the place it ends with (`tỉnh Lai Châu`, `Hà Giang`).
    ///
    /// The organization is a phrase with a grammar: organization words (`Bộ`, `Sở`, `UBND`,
    /// `Huyện ủy`, `tỉnh`), capitalized words and acronyms naming them, the second syllable of a
    /// capitalized word (`Bộ Y tế`, `Đào tạo`), lower-case words describing an organization noun
    /// (`Viện nghiên cứu xã hội`, `trung tâm dạy nghề`; at most six), places (`Thừa Thiên -
    /// Huế` with its dash), `và` between capitalized parts, `của` before the organization it
    /// belongs to (`… của Quốc hội`). It ends where that grammar ends: a verb or function word
    /// (`cho`, `thay mặt`, `phát biểu`), another position, a person. After a comma it goes on
    /// only with a list closed by `và` or `của` (`Viện nghiên cứu xã hội, kinh tế và môi
    /// trường`), the organization a unit belongs to (`Phó Ban nghiên cứu và đào tạo, Hội Luật gia
    /// Việt Nam`), or an administrative unit and its name (`…, huyện Sìn Hồ`).
    fn org_end(&self, from: usize, limit: usize) -> (usize, Option<usize>) {
        let t = self.t;
        let limit = limit.min(t.len());
        let mut j = from;
        let mut last_good = from;
        let mut lowers = 0;
        // Lower-case words right after an organization noun name it (`Viện nghiên cứu xã hội`,
        // `Ban nghiên cứu và đào tạo`, `trung tâm dạy nghề`): at most six are kept.
        // `Phó Ban nghiên cứu`: a position word ending in an organization noun.
        let ends_in_head = from > 0 && matches!(t.org(from - 1), Some((_, OrgKind::Head)));
        // `giáo viên tiếng Anh, Trường …`: a job noun's specialty is named in lower case too.
        let job = from > 0 && matches!(t.title(from - 1), Some((_, TitleKind::Job)))
            || (from >= 2 && matches!(t.title(from - 2), Some((2, TitleKind::Job))));
        let mut after_head = if ends_in_head || job { 6 } else { 0usize };
        // Inside an organization's proper name each word is capitalized on its first syllable
        // only (`Viện Nghiên cứu Quản lý Kinh tế`), unlike place names (`Thái Bình`).
        let mut seen_head = after_head > 0;
        // The unit (`Ban`, `Phòng`) whose parent organization a comma may add.
        let mut unit = ends_in_head && self.is_unit(from - 1);
        let mut stopped = false;
        // Lower-case words after a whole organization outside any organization's name (`Đảng ủy
        // cơ quan`): kept only when they end the title before a comma or a dash.
        let mut outside = false;
        // The word after a compound (`Chủ đầu`, `Khu kinh`): a lower-case syllable may go on.
        let mut after_compound = usize::MAX;
        // The place the organization ends with, and where a body word ends (a place may follow).
        let mut place: Option<usize> = None;
        let mut body_end: Option<usize> = None;
        // Where a place or an organization's whole name ends the organization.
        let mut complete = usize::MAX;
        // Where an organization's proper name of the place table (`Lương Thế Vinh`) ends.
        let mut named_until = 0usize;
        while j < limit {
            match t.gap(j) {
                Sep::Space => {}
                // After a comma: a list inside the name, the parent organization, a place.
                Sep::Comma if j > from && j == last_good && !stopped => {
                    match self.after_comma(j, limit, unit || job, last_good > from) {
                        Some(After::List(e)) => {
                            j = e;
                            last_good = e;
                            lowers = 0;
                            after_head = 0;
                            continue;
                        }
                        Some(After::Org) => {
                            unit = false;
                        }
                        None => break,
                    }
                }
                _ => break,
            }
            let confirmed = lowers == 0;
            // `Thừa Thiên - Huế`: a place written with a dash; `khu vực châu Á`: a continent
            // (written with `châu` in lower case) after an administrative word.
            let continent = confirmed
                && t.case(j) == Case::Lower
                && t.org_ending(j, from)
                    .is_some_and(|(_, k)| k == OrgKind::Admin);
            if confirmed
                && (continent || matches!(t.case(j), Case::Title | Case::Upper))
                && let Some((n, kind)) = t.place(j, true)
                && (continent || t.place(j, false).is_none_or(|(m, _)| m < n))
            {
                if place.is_none() && kind == PlaceKind::Place {
                    place = Some(j);
                }
                j += n;
                last_good = j;
                after_head = 0;
                complete = j;
                continue;
            }
            if let Some((n, kind)) = t.org(j) {
                if !confirmed && outside {
                    stopped = true;
                    break;
                }
                // Acronyms (`CP`, `TNHH`, `THPT`) wait for a proper name, not common words.
                let noun = kind == OrgKind::Head && t.case(j) != Case::Upper;
                if confirmed {
                    match kind {
                        OrgKind::Admin => {
                            place.get_or_insert(j);
                        }
                        OrgKind::Body => {
                            place = None;
                            body_end = Some(j + n);
                            // `Bộ Công an`: a body that is also a whole organization's name.
                            if t.place(j, true)
                                .is_some_and(|(m, k)| m == n && k == PlaceKind::Org)
                            {
                                complete = j + n;
                            }
                        }
                        OrgKind::Head => {
                            place = None;
                            unit = self.is_unit(j);
                        }
                        OrgKind::Lower => place = None,
                    }
                }
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
                Case::Title | Case::Upper => {
                    // A title word starts the next position of a chain, not this organization;
                    // an honorific or a rank starts another person.
                    if j > from
                        && (starts_title(t, j)
                            || self.introduces_person(j)
                            || t.rank(j).is_some()
                            || (!confirmed && outside))
                    {
                        stopped = true;
                        break;
                    }
                    // A place or an organization's whole proper name (`Bộ Công an`) completes
                    // the organization: lower-case words after it are the sentence (`Thứ
                    // trưởng Bộ Công an mong muốn, …`).
                    // Inside such a name no place starts (`Trường Lương Thế Vinh`, `Hoàng Anh
                    // Gia Lai`).
                    if let Some((n, k)) = t.place(j, true) {
                        complete = (j + n).max(named_until);
                        if k == PlaceKind::Org {
                            named_until = named_until.max(j + n);
                        }
                    }
                    if place.is_none()
                        && j >= named_until
                        && (body_end == Some(j)
                            || t.place(j, true).is_some_and(|(_, k)| {
                                k == PlaceKind::Place || (j == from && k == PlaceKind::Country)
                            }))
                    {
                        place = Some(j);
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
                Case::Lower | Case::None => {
                    let key = t.key(j);
                    if key == "và"
                        && after_head == 0
                        && j + 1 < limit
                        && matches!(t.case(j + 1), Case::Title)
                        && t.honorific(j + 1).is_none()
                        && !starts_title(t, j + 1)
                    {
                        j += 1;
                        continue;
                    }
                    // `… của Quốc hội`, `… thuộc Trường …`: the organization the one named
                    // belongs to.
                    // An acronym names one too (`… khu vực châu Á của HPE`).
                    if matches!(key, "của" | "thuộc")
                        && confirmed
                        && j > from
                        && j + 1 < limit
                        && t.gap(j + 1) == Sep::Space
                        && (t.case(j + 1) == Case::Upper && !t.is_stop(j + 1)
                            || matches!(t.case(j + 1), Case::Title) && t.org(j + 1).is_some())
                    {
                        place = None;
                        j += 1;
                        continue;
                    }
                    // `Bộ Y tế`, `và Đào tạo`, `An ninh Quốc gia`, `Nhi đồng`: the second
                    // syllable of a word of an organization's name, capitalized on its first
                    // syllable only (after a run of capitals, `Hà Nội cảm ơn`, a lower-case word
                    // is not).
                    let compound = confirmed
                        && j > from
                        && j == last_good
                        && t.case(j - 1) == Case::Title
                        && self.starts_compound(j - 1, from, seen_head)
                        && t.syllable(j)
                        && key != "và"
                        && t.honorific(j).is_none()
                        // A function word (`thông` of `thông tin`, `cho`) as the second syllable
                        // only when the organization goes on after it (`Truyền thông Ngân
                        // hàng`, `Nhi đồng,`), not the sentence (`Hội An cho biết`).
                        && (!t.is_stop(j)
                            || t.gap(j + 1) != Sep::Space
                            || matches!(t.case(j + 1), Case::Title | Case::Upper | Case::Digit)
                            || matches!(t.key(j + 1), "và" | "của" | "thuộc")
                            || t.org(j + 1).is_some());
                    if compound {
                        after_compound = j + 1;
                    } else if lowers >= 4 || t.is_stop(j) {
                        stopped = true;
                        break;
                    }
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
                    // Other lower-case words are kept only when a capitalized word follows, and
                    // inside an organization's name (`Công ty TNHH nhôm Namsung`) or right after
                    // the position (`HLV trưởng Park Hang-seo`, `Tư lệnh hải quân Indonesia`);
                    // after a whole organization they are the sentence going on (`Bí thư Tỉnh
                    // ủy thay mặt Ban Thường vụ …`).
                    if !seen_head && last_good > from && j != after_compound {
                        outside = true;
                    }
                    lowers += 1;
                    j += 1;
                }
            }
        }
        // `Trưởng Khoa Quản trị kinh doanh, …`: one or two lower-case words that finish the name
        // of the organization right before a comma or a dash.
        if !stopped
            && last_good != complete
            && (1..=2).contains(&lowers)
            && j < t.len()
            && j < limit
            && matches!(t.gap(j), Sep::Comma | Sep::Dash)
        {
            last_good = j;
        }
        (last_good, place.filter(|&p| p < last_good))
    }

    /// Whether the capitalized word `w` (inside an organization from word `from`, `named` inside
    /// an organization noun's name) may be the first syllable of a word whose other syllables are
    /// in lower case (`Bộ Y tế`, `An ninh Quốc gia`, `Trạm Kiểm soát`): a Vietnamese syllable,
    /// not a place (`Mỹ do`, `Huế cảm ơn`),
    /// right after the position, after a lower-case word or an organization word, not after
    /// another capitalized word of a proper name (`Hà Nội cảm ơn`).
    fn starts_compound(&self, w: usize, from: usize, named: bool) -> bool {
        let t = self.t;
        // A one-word place (`Huế`), or a country as the place of the title (`Tổng thống Mỹ do
        // …`); inside an organization's name a country starts a word (`Hội đồng Anh ngữ`).
        let place = t
            .place(w, false)
            .is_some_and(|(n, k)| n == 1 && (k == PlaceKind::Place || !named || w == from));
        t.syllable(w)
            && !place
            && (w == from
                || t.case(w - 1) != Case::Title
                || t.org_ending(w, 0).is_some_and(|(_, k)| k == OrgKind::Head))
    }

    /// Whether the organization word at `j` names a unit of a larger organization (`Ban`,
    /// `Phòng`, `Khoa`): `unit` in the third column of `org_words.tsv`.
    fn is_unit(&self, j: usize) -> bool {
        self.t
            .phrase(j, Lex::OrgWord, false)
            .is_some_and(|(_, e)| e.col(2) == "unit")
    }

    /// What follows the comma before word `j` inside an organization: a list of its name's words
    /// closed by `và` or `của` (`xã hội, kinh tế và môi trường`; its end), or, after a unit (or a
    /// job noun) the organization it belongs to, or an administrative unit with its name
    /// (`Hội Luật gia Việt Nam`, `huyện Sìn Hồ`: read on from `j`).
    fn after_comma(&self, j: usize, limit: usize, unit: bool, has_org: bool) -> Option<After> {
        let t = self.t;
        if starts_title(t, j) || self.introduces_person(j) || t.rank(j).is_some() {
            return None;
        }
        let cap = matches!(t.case(j), Case::Title | Case::Upper);
        match t.org(j) {
            Some((_, OrgKind::Head | OrgKind::Body)) if cap && unit => return Some(After::Org),
            Some((n, OrgKind::Admin))
                if has_org
                    && j + n < limit
                    && t.gap(j + n) == Sep::Space
                    && matches!(t.case(j + n), Case::Title | Case::Upper) =>
            {
                return Some(After::Org);
            }
            _ => {}
        }
        // A list: items of one to three words, apart by commas, the last after `và`, then the
        // end of the organization or `của` and the organization it belongs to.
        let mut p = j;
        let mut items = 0;
        while p < limit && items < 6 {
            // One item.
            let s = p;
            while p < limit && p - s < 3 && (p == s || t.gap(p) == Sep::Space) {
                let w = p;
                if t.key(w) == "và"
                    || t.is_stop(w)
                    || t.case(w) == Case::Digit
                    || starts_title(t, w)
                    || t.honorific(w).is_some()
                {
                    break;
                }
                p += 1;
            }
            if p == s {
                return None;
            }
            items += 1;
            if p >= limit {
                return None;
            }
            match t.gap(p) {
                Sep::Comma => continue,
                Sep::Space if t.key(p) == "và" && items >= 1 => {
                    // The last item, then the end.
                    let s = p + 1;
                    let mut e = s;
                    while e < limit && e - s < 3 && t.gap(e) == Sep::Space {
                        if t.is_stop(e)
                            || t.key(e) == "và"
                            || t.case(e) == Case::Digit
                            || starts_title(t, e)
                            || t.honorific(e).is_some()
                        {
                            break;
                        }
                        e += 1;
                    }
                    return (e > s && self.list_ends(e)).then_some(After::List(e));
                }
                Sep::Space if t.key(p) == "của" => {
                    return self.list_ends(p).then_some(After::List(p));
                }
                _ => return None,
            }
        }
        None
    }

    /// Does a list inside an organization's name end at word `e`: the end of the clause (a mark,
    /// a verb or function word) or `của` and an organization?
    fn list_ends(&self, e: usize) -> bool {
        let t = self.t;
        e >= t.len()
            || t.gap(e) != Sep::Space
            || t.is_stop(e) && (t.key(e) != "của" || t.org(e + 1).is_some())
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
            || t.gap(v) != Sep::Space
            || t.gap(name.start) != Sep::Space
            || name.rank_tok.is_some()
            || t.gap(title.head_end) != Sep::Space
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
            if t.gap(b) != Sep::Comma {
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
        if a >= limit || t.case(a) != Case::Title {
            return None;
        }
        let mut b = a + 1;
        while b < limit && b - a < 5 && t.case(b) == Case::Title && t.gap(b) == Sep::Space {
            b += 1;
        }
        if b < t.len() && t.case(b) == Case::Title && t.gap(b) == Sep::Space {
            return None;
        }
        let len = b - a;
        let org =
            (a..b).any(|p| t.is_foreign_org_word(p) || t.org(p).is_some() || starts_title(t, p));
        let place = t.place(a, true).is_some();
        let viet = (3..=4).contains(&len) && t.is_family(a) && !(a..b).any(|p| t.looks_foreign(p));
        let foreign = (2..=3).contains(&len)
            && (a..b).any(|p| t.looks_foreign(p))
            && (a..b).all(|p| t.chars(p) > 1);
        (!org && !place && (viet || foreign)).then_some(b)
    }

    /// After a counted position (`hai trợ lý A và B`, `ba phó giám đốc A, B và C`) whose name
    /// `name` follows the position word directly, the names joined to it by commas and a last
    /// `và`; none unless the list ends with `và` and a name.
    fn followers(&self, title: &Title, name: &Name) -> Option<Vec<(usize, usize)>> {
        let t = self.t;
        let counted = title.start > 0
            && t.gap(title.start) == Sep::Space
            && t.is_cue(title.start - 1, Cue::Count);
        if !counted || name.start != title.head_end || name.rank_tok.is_some() {
            return None;
        }
        let mut runs = Vec::new();
        let mut e = name.end;
        while runs.len() < 4 && e < t.len() {
            if t.gap(e) == Sep::Comma {
                let b = self.coordinated_run(e, t.len())?;
                runs.push((e, b));
                e = b;
            } else if t.gap(e) == Sep::Space && t.key(e) == "và" && t.gap(e + 1) == Sep::Space {
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
        if e + 1 >= t.len() || t.key(e) != "là" || t.gap(e) != Sep::Space {
            return None;
        }
        let span = self.title_span(title, title.end);
        let counted = title.start > 0
            && t.gap(title.start) == Sep::Space
            && t.is_cue(title.start - 1, Cue::Count);
        let mut a = e + 1;
        let mut from = t.start(title.start);
        let mut first = true;
        loop {
            if t.gap(a) != Sep::Space {
                return None;
            }
            let b = match self.name_at(a, false) {
                Some(n) => n.end,
                None => self.coordinated_run(a, t.len())?,
            };
            let mut titles = vec![span];
            let mut end = b;
            if b < t.len() && t.gap(b) == Sep::Open {
                // Its own position in parentheses, else an aside skipped up to `)`.
                match self.title_chain(b, false) {
                    Some((more, m)) if m < t.len() && t.gap_text(m).starts_with(')') => {
                        titles.extend(more);
                        end = m;
                    }
                    _ => {
                        let close = (b + 1..(b + 10).min(t.len()))
                            .find(|&j| t.gap_text(j).contains(')'))
                            .filter(|&c| !(b + 1..c).any(|j| ends_sentence(t, j)));
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
                && t.gap(end + 1) == Sep::Space
                && !ends_sentence(t, end)
                && self.name_at(end + 1, false).is_some()
                    | self.coordinated_run(end + 1, t.len()).is_some()
            {
                a = end + 1;
                from = t.start(a);
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
                && t.case(e - 2) == Case::Title
                && t.case(e - 1) == Case::Title
                && t.looks_foreign(e - 2)
                && t.looks_foreign(e - 1)
                && t.place(e - 2, true).is_none())
    }

    /// Does an unambiguous honorific (`Ông`, `Bà`, `Đồng chí`, not `Anh` = England) at `j`
    /// introduce a name (`… và Ông Trương Quốc Hùng`)?
    fn introduces_person(&self, j: usize) -> bool {
        let t = self.t;
        match t.honorific(j) {
            Some((n, formal)) => formal && t.case(j + n) == Case::Title && t.is_family(j + n),
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
            if !t.is_cap(a) {
                a += 1;
                continue;
            }
            let b = self.cap_run_end(a, end);
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
        // `Joe Bidenở`, read `Joe Bide` `nở`: a run that ends inside a glued word is no name
        // (`Nguyễn Thanh Longđề nghị`, a space missing after a whole word, is one).
        if t.glued_lower(b) && t.is_joined(b - 1) {
            return None;
        }
        // What precedes the run decides how much of it may be a place or organization name.
        let rank = if a > title.head_end {
            t.rank_ending(a, title.head_end)
        } else {
            None
        };
        let direct = a == title.head_end || rank.is_some();
        let before = if direct {
            None
        } else {
            match t.org_ending(a, title.head_end) {
                // `Quốc phòng`: the second syllable of a word, not the noun `Phòng`.
                Some((s0, _))
                    if t.case(s0) == Case::Lower
                        && s0 > 0
                        && t.gap(s0) == Sep::Space
                        && t.case(s0 - 1) == Case::Title =>
                {
                    None
                }
                other => other.map(|(_, k)| k),
            }
        };
        let prev_cap = a > title.head_end && t.case(a - 1) == Case::Title;
        let place = t.place(a, true);
        let min_prefix = match (before, place) {
            // `Chủ tịch Hồ Chí Minh`: a bare position, then a name that is also a city's.
            (None, Some((3, PlaceKind::Place | PlaceKind::Org)))
                if a == title.head_end && b == a + 3 && t.is_family(a) =>
            {
                0
            }
            (_, Some((n, PlaceKind::Country))) => n,
            (Some(OrgKind::Admin), Some((n, _))) => n,
            // `Chủ tịch UBND huyện Hờ Seo Dín`: the unit's name left out, then a name with a
            // middle name (place names have none).
            (Some(OrgKind::Admin), None)
                if (b - a == 3 || (b - a == 4 && t.is_family(a)))
                    && t.is_middle(a + 1)
                    && !t.is_middle(a) =>
            {
                0
            }
            (Some(OrgKind::Admin), None) => 1,
            (Some(OrgKind::Body), Some((n, _))) => n,
            (Some(OrgKind::Head), _) => 1,
            (_, Some((n, _))) => n,
            _ if prev_cap => 1,
            _ => 0,
        };
        // `Trường Lương Thế Vinh`, `Bộ Công Thương …`: the run starts with an organization noun,
        // so its proper name comes first.
        let min_prefix = match t.org(a) {
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
            if len < 2 || !(t.is_family(s) || self.name_shape(s, b)) {
                continue;
            }
            if t.case(s) == Case::Upper && !self.caps_name(s, b) {
                continue;
            }
            // `Đoàn Thanh niên`, `Hội Nông dân`: an organization noun, not a family name.
            if t.org(s).is_some() && t.gap(b) == Sep::Space && t.case(b) == Case::Lower {
                continue;
            }
            // Two syllables after a title are as often a place, a company or a short mention
            // (`Hà Tiên`, `Hoa Lâm`, `Văn Quyết`) as a full name: not trusted here.
            // After a complete organization phrase (`Bộ trưởng Bộ Công an Tô Lâm`) a family name
            // and a given name that are not middle names make a name.
            // Right after the position (`Tổng Bí thư Tô Lâm`) or after a lower-case word of it
            // (`Chủ tịch nước Lương Cường`) two such syllables are a name too.
            let two_direct = a == title.head_end && rank.is_none()
                || (a > title.head_end
                    && t.case(a - 1) == Case::Lower
                    && t.org_ending(a, title.head_end)
                        .is_some_and(|(_, k)| k == OrgKind::Lower));
            let score = match len {
                2 if s == a
                    && t.is_family(s)
                    && !t.is_middle(s)
                    && !t.is_middle(s + 1)
                    && (two_direct
                        || (a > title.head_end
                            && t.case(a - 1) == Case::Lower
                            && self.rec.after_honorific(t, s))) =>
                {
                    1
                }
                2 => continue,
                3 => 3,
                _ if t.is_middle(s + 1) => 4,
                _ => 2,
            };
            // A place is not a person, but a name of three syllables right after a bare
            // position is (`Chủ tịch Hồ Chí Minh`; the city is `TP Hồ Chí Minh`).
            if t.place(s, true).is_some_and(|(n, k)| {
                n >= len
                    && !(len == 3
                        && s == title.head_end
                        && matches!(k, PlaceKind::Place | PlaceKind::Org))
            }) {
                continue;
            }
            // `Hoàng Anh Gia Lai`: four syllables ending in a province are a company's name.
            if len == 4 && t.place(s + 2, true).is_some_and(|(n, _)| n == 2) {
                continue;
            }
            // `Hội đồng châu Âu Charles Michel`: a Vietnamese name has Vietnamese syllables.
            if (s..b).any(|p| t.looks_foreign(p)) {
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
                rank: rank.map(|r| rank_span(t, r, a)),
                rank_tok: rank,
            });
        }
        // Foreign names: after a country (`Tổng thống Mỹ Joe Biden`) or a clearly foreign spelling.
        let foreign_title =
            title.head_end >= 2 && t.cue_ending(title.head_end, 2, Cue::ForeignTitle);
        let sino = place.is_some_and(|(n, _)| n == 2 && t.cue(a) == Some((2, Cue::Sino)));
        let foreign_start = match place {
            // Chinese names are read in Sino-Vietnamese (`Chủ tịch Trung Quốc Tập Cận Bình`);
            // right after the position any name may follow its country (`Thủ tướng Campuchia
            // Hun Sen`); after a longer organization only a foreign spelling is trusted.
            Some((n, PlaceKind::Country))
                if sino || direct || (a + n..b).any(|s| t.looks_foreign(s)) =>
            {
                Some(a + n)
            }
            Some(_) => None,
            _ if direct
                && foreign_title
                && t.org(a).is_none()
                && (a..b).any(|s| t.looks_foreign(s)) =>
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
            && let Some(s) = foreign_tail(t, a, b, direct)
            // `tổ chức bảo tồn Historic England`: after lower-case words, a foreign run is the
            // organization's own name unless they close a capitalized word (`Bộ trưởng Tài chính`).
            && (s > a || direct || a < 2 || t.case(a - 1) != Case::Lower || t.case(a - 2) == Case::Title)
        {
            return Some(Name::bare(s, b));
        }
        // `HLV Mourinho`: a coach is named by surname alone in sports news; trusted when the
        // surname is foreign and the document writes the full name too (`Jose Mourinho`), which
        // a club (`HLV Tottenham` is the coach of Tottenham) never is.
        let coach = t.cue_ending(title.head_end, 1, Cue::Coach)
            || t.cue_ending(title.head_end, 3, Cue::Coach);
        if coach
            && direct
            && rank.is_none()
            && b == a + 1
            && t.chars(a) > 3
            && t.looks_foreign(a)
            && !t.is_foreign_org_word(a)
            && t.org(a).is_none()
            && t.place(a, true).is_none()
            && self.rec.ends_full_name(t, a)
        {
            return Some(Name::bare(a, b));
        }
        if let Some(s) = foreign_start
            // A surname alone (`Tổng thống Biden`) is a short mention, not a full name.
            && (2..=3).contains(&(b - s))
            // `George H. W. Bush`: an initial cut the name short.
            && t.chars(b - 1) > 1
            && (s..b).all(|p| t.org(p).is_none())
        {
            return Some(Name::bare(s, b));
        }
        None
    }

    /// A personal name starting at token `i` (not after a title).
    fn name_at(&self, i: usize, introduced: bool) -> Option<Name> {
        let t = self.t;
        if i >= t.len() || !t.is_cap(i) {
            return None;
        }
        // Only at the start of a capitalized run.
        if !introduced && i > 0 && t.gap(i) == Sep::Space && t.is_cap(i - 1) {
            return None;
        }
        let e = self.cap_run_end(i, i + 6);
        if t.glued_lower(e) && t.is_joined(e - 1) {
            return None;
        }
        let len = e - i;
        let (min, max) = if introduced { (2, 5) } else { (3, 4) };
        if !(min..=max).contains(&len) {
            return None;
        }
        if !introduced && !t.is_family(i) && !self.name_shape(i, e) {
            return None;
        }
        // `cô Minh Thủy`, `anh Văn Nam`: after a familiar address two words are often the given
        // name alone, not a full name; they make one with a family name first, a name prefix
        // (`H'Hen Niê`) or a foreign spelling. (`ông Bằng Tạ`, `ông Ken Hu` are full names.)
        let familiar = i > 0
            && t.phrase_ending(i, Lex::Honorific, i.saturating_sub(2))
                .is_some_and(|(_, e)| e.kind() == Some("familiar"));
        if len == 2
            && familiar
            && !t.is_family(i)
            && !t.has_name_prefix(i)
            && !(i..e).any(|p| t.looks_foreign(p))
        {
            return None;
        }
        if t.case(i) == Case::Upper && !self.caps_name(i, e) {
            return None;
        }
        if t.place(i, true).is_some() {
            return None;
        }
        // `thành phố Hồ Chí Minh`, `Trường Lê Quý Đôn`: a name inside a place or organization.
        if i > 0 && t.gap(i) == Sep::Space && t.org_ending(i, 0).is_some() {
            return None;
        }
        if (i..e).any(|s| starts_title(t, s)) {
            return None;
        }
        Some(Name::bare(i, e))
    }

    /// `các đồng chí Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng: A, B và C` (a plural word at
    /// `i`, an honorific, titles held by several persons, a colon, their names apart by commas
    /// and a last `và`, each possibly with titles of its own after a dash or in parentheses):
    /// pushes one official per name, and returns the word after the list.
    fn shared_list(&mut self, i: usize) -> Option<usize> {
        let t = self.t;
        let mut p = i + 1;
        if t.gap(p) != Sep::Space {
            return None;
        }
        if let Some((n, true)) = t.honorific(p) {
            p += n;
        }
        // The titles: `T1, T2 kiêm T3`, none holding a person.
        let mut titles = Vec::new();
        let mut end = p;
        loop {
            let title = self.title_at_any(end)?;
            if self.name_after(&title).is_some() {
                return None;
            }
            titles.push(self.title_span(&title, title.end));
            end = title.end;
            match t.gap(end) {
                Sep::Comma if self.title_at_any(end).is_some() && titles.len() < 6 => {}
                Sep::Space if matches!(t.key(end), "kiêm" | "và") && titles.len() < 6 => {
                    end += 1;
                    self.title_at_any(end)?;
                }
                _ => break,
            }
        }
        if t.gap(end) != Sep::Colon {
            return None;
        }
        // The names.
        let mut q = end;
        let mut found = 0;
        loop {
            let (hon, k) = self.honorific_at(q);
            let name = self
                .name_at(k, true)
                .or_else(|| self.coordinated_run(k, t.len()).map(|b| Name::bare(k, b)))?;
            let mut own = titles.clone();
            let mut stop = name.end;
            if matches!(t.gap(name.end), Sep::Dash | Sep::Open)
                && let Some((more, e)) = self.appositive(name.end, true)
            {
                own.extend(more);
                stop = e;
            }
            let from = t.start(if found == 0 { i } else { q });
            self.push(from, stop, name, hon, None, own);
            found += 1;
            q = stop;
            // `, B`, `và C`, `, và C`; a parenthesis closing an aside before.
            if q >= t.len() || found >= 12 {
                break;
            }
            match t.gap(q) {
                Sep::Comma | Sep::Other if t.key(q) == "và" && t.gap(q + 1) == Sep::Space => {
                    q += 1
                }
                Sep::Comma => {}
                Sep::Space if t.key(q) == "và" && t.gap(q + 1) == Sep::Space => q += 1,
                _ => break,
            }
        }
        (found > 0).then_some(q)
    }

    /// A title at `i` even after a plural word (`các Phó Chủ tịch`, read by [`Self::shared_list`]).
    fn title_at_any(&self, i: usize) -> Option<Title> {
        let t = self.t;
        if i > 0 && t.gap(i) == Sep::Space && t.is_cue(i - 1, Cue::Plural) {
            // `title_at` refuses a position after a plural word; read it from a copy of the
            // grammar that does not look back.
            return self.title_from(i);
        }
        self.title_at(i)
    }

    /// `đồng chí A và đồng chí B - Ủy viên …`: the person `name` (with `hon`, `rank`, from byte
    /// `start`), `và`, another person whose titles follow after a dash (or an aside and a dash):
    /// both hold them. Pushes both and returns the word after the titles.
    fn shared_after(
        &mut self,
        start: usize,
        name: Name,
        hon: Option<(usize, usize)>,
        rank: Option<(usize, usize)>,
    ) -> Option<usize> {
        let t = self.t;
        let v = name.end;
        if t.key(v) != "và" || t.gap(v) != Sep::Space || t.gap(v + 1) != Sep::Space {
            return None;
        }
        let (hon2, k) = self.honorific_at(v + 1);
        hon2?;
        let mut second = self.name_at(k, true)?;
        let e = second.end;
        // The titles after a dash, or after an aside in parentheses and a dash.
        let dash = t.gap(e) == Sep::Dash
            || (t.gap(e) == Sep::Open
                && (e + 1..(e + 8).min(t.len()))
                    .find(|&j| t.gap_text(j).contains(')'))
                    .is_some_and(|j| t.gap(j) == Sep::Other && t.gap_text(j).contains(['-', '–'])));
        if !dash {
            return None;
        }
        let (titles, end) = self.appositive(e, false)?;
        second.honorific = hon2;
        let second_start = t.start(v + 1);
        self.push(start, name.end, name, hon, rank, titles.clone());
        self.push(second_start, end, second, hon2, None, titles);
        Some(end)
    }

    /// The end of the run of words written like a name from word `a` (before `limit`): words
    /// with a capital apart by spaces; in capitals (a headline, `BỘ TRƯỞNG BỘ NỘI VỤ PHẠM THỊ
    /// THANH TRÀ ĐẾN THĂM`), read case-insensitively, the run ends before a verb or function
    /// word and before a position.
    fn cap_run_end(&self, a: usize, limit: usize) -> usize {
        let t = self.t;
        let limit = limit.min(t.len());
        let mut b = a + 1;
        while b < limit && t.is_cap(b) && t.gap(b) == Sep::Space {
            if t.case(b) == Case::Upper && (t.is_stop(b) || starts_title(t, b)) {
                break;
            }
            b += 1;
        }
        b
    }

    /// Whether words `s..b`, written in capitals, read as a personal name: capitals give no clue
    /// to where a name starts (`CHỦ SỞ HỮU QUYỀN TÁC GIẢ`, `ĐOÀN ĐẠI BIỂU QUỐC HỘI`), so the
    /// name is three or four syllables, the first a family name, the second a middle name or the
    /// whole written in lower case elsewhere in the document, none a word of a position, an
    /// organization, a place or a clause (`PHẠM THỊ THANH TRÀ`).
    fn caps_name(&self, s: usize, b: usize) -> bool {
        let t = self.t;
        (3..=4).contains(&(b - s))
            && t.is_family(s)
            && (t.is_middle(s + 1) || self.rec.written_lower(t, s, b))
            && (s..b).all(|p| {
                t.title(p).is_none()
                    && t.org(p).is_none()
                    && t.place(p, false).is_none()
                    && !t.is_stop(p)
                    && t.cue(p).is_none()
            })
    }

    /// Whether words `s..b` have the shape of a personal name whatever the family name (Mông,
    /// Dao, Thái names outside the family-name table: `Sèn A Tủa`, `Hờ Seo Dín`): three or four
    /// syllables whose second is a middle name (`Văn`, `Thị`, `A`, `Seo`, `Mí`), the first no
    /// organization word or place; or two to four words led by the prefix of Ê Đê and Gia Rai
    /// names (`Y Bhin Niê`, `H'Yim Kđoh`).
    fn name_shape(&self, s: usize, b: usize) -> bool {
        let t = self.t;
        let len = b.saturating_sub(s);
        if t.has_name_prefix(s) {
            return (2..=4).contains(&len) && (s + 1..b).all(|p| t.is_cap(p));
        }
        (3..=4).contains(&len)
            && t.syllable(s)
            && !t.is_middle(s)
            && t.is_middle(s + 1)
            && t.org(s).is_none()
            && t.place(s, true).is_none()
            && t.title(s).is_none()
    }

    /// [`Self::appositive`], and the position the person takes on, after a verb of taking on
    /// (`… - Phó giám đốc Sở NN-PTNT đảm nhiệm chức trách tổ trưởng tổ công tác`; cue kind
    /// `assume`).
    fn appositive_more(&self, e: usize, strict: bool) -> Option<(Spans, usize)> {
        let t = self.t;
        let (mut titles, end) = self.appositive(e, strict)?;
        if let Some((n, Cue::Assume)) = t.cue(end)
            && t.gap(end) == Sep::Space
            && t.gap(end + n) == Sep::Space
            && let Some((more, e2)) = self.title_chain(end + n, false)
        {
            titles.extend(more);
            return Some((titles, e2));
        }
        Some((titles, end))
    }

    /// Titles written after a name (`Tên - Tỉnh ủy viên, Bí thư Huyện ủy`): spans and end token.
    fn appositive(&self, e: usize, strict: bool) -> Option<(Spans, usize)> {
        let t = self.t;
        if e >= t.len() || !matches!(t.gap(e), Sep::Comma | Sep::Dash | Sep::Colon | Sep::Open) {
            return None;
        }
        if t.gap(e) == Sep::Open {
            // `Ông A (SN 1970, Giám đốc Công ty X)`, `(45 tuổi, Chủ tịch …)`: skip the age.
            let mut j = e;
            while j < e + 4 && (t.case(j) == Case::Digit || t.is_cue(j, Cue::Age)) {
                j += 1;
            }
            if j > e && t.gap(j) == Sep::Comma {
                return self.title_chain(j, strict);
            }
            if let Some(found) = self.title_chain(e, strict) {
                return Some(found);
            }
            // `Tên (bên trái), Chủ tịch …`: an aside in parentheses, then the titles.
            for j in e + 1..(e + 8).min(t.len()) {
                let g = t.gap_text(j);
                if g.contains(')') {
                    if g.contains([',', '-', '–']) && !ends_sentence(t, j) {
                        return self.title_chain(j, strict);
                    }
                    break;
                }
                if ends_sentence(t, j) || g.contains('(') {
                    break;
                }
            }
        }
        self.title_chain(e, strict)
    }

    /// A chain of titles from token `i`: `T1, T2 - T3 kiêm T4`.
    /// With `strict`, the first title too must not end in another (foreign) person's name.
    fn title_chain(&self, i: usize, strict: bool) -> Option<(Spans, usize)> {
        let t = self.t;
        let i = self.skip_profession(i);
        let first = self.title_at(i)?;
        if self.name_after(&first).is_some() || (strict && self.holds_person(&first)) {
            return None;
        }
        let mut titles = vec![self.title_span(&first, first.end)];
        let mut end = first.end;
        while end < t.len() && titles.len() < 8 {
            let next = match t.gap(end) {
                Sep::Comma | Sep::Dash => end,
                // `là Ủy viên … khóa XI; Ủy viên … khóa XII, Đại biểu …`: a list of titles,
                // unless what follows the semicolon leads to another person (`…; Ủy viên Trung
                // ương Đảng, Phó Chủ tịch nước Võ Thị Ánh Xuân`).
                Sep::Other if t.gap_text(end).trim() == ";" && !self.leads_to_person(end) => end,
                Sep::Space if t.key(end) == "kiêm" && t.gap(end + 1) == Sep::Space => end + 1,
                _ => break,
            };
            match self.title_at(next) {
                Some(ti) if !self.holds_person(&ti) => {
                    titles.push(self.title_span(&ti, ti.end));
                    end = ti.end;
                }
                _ => break,
            }
        }
        Some((titles, end))
    }

    /// Does the chain of titles starting at word `i` (apart by commas, dashes, `kiêm`) reach a
    /// title that holds a person?
    fn leads_to_person(&self, i: usize) -> bool {
        let t = self.t;
        let mut p = i;
        for _ in 0..8 {
            let Some(ti) = self.title_at(p) else {
                return false;
            };
            if self.holds_person(&ti) {
                return true;
            }
            p = match t.gap(ti.end) {
                Sep::Comma | Sep::Dash => ti.end,
                Sep::Space if t.key(ti.end) == "kiêm" => ti.end + 1,
                _ => return false,
            };
        }
        false
    }

    /// `Bác sĩ y khoa, Phó giám đốc …`, `Thạc sĩ, Trưởng phòng …`: a profession or degree (nghề
    /// nghiệp, học vị, from the rank table) with at most three lower-case words or numbers
    /// (`chuyên khoa 2`), then a comma: the token after the comma, else `i`.
    fn skip_profession(&self, i: usize) -> usize {
        let t = self.t;
        // Professions that are also words of organization names (`Hội Nhà báo`, `Đoàn Luật sư`)
        // are not ranks; they are read here only.
        let two =
            |a: &str, b: &str| t.key(i) == a && t.key(i + 1) == b && t.gap(i + 1) == Sep::Space;
        let n = match t.rank(i) {
            Some(n) => n,
            None if two("luật", "sư") || two("nhà", "báo") || two("dược", "sĩ") => 2,
            None => return i,
        };
        let mut p = i + n;
        while p < t.len() && p < i + n + 3 && t.gap(p) == Sep::Space {
            if !matches!(t.case(p), Case::Lower | Case::Digit) {
                return i;
            }
            p += 1;
        }
        if p < t.len() && t.gap(p) == Sep::Comma && self.title_at(p).is_some() {
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
        if t.case(i) != Case::Title
            || (i > 0 && t.gap(i) == Sep::Space && t.case(i - 1) == Case::Title)
        {
            return None;
        }
        let mut b = i + 1;
        while b < t.len() && b - i < 4 && t.case(b) == Case::Title && t.gap(b) == Sep::Space {
            b += 1;
        }
        if b >= t.len() || t.gap(b) != Sep::Open || foreign_tail(t, i, b, false) != Some(i) {
            return None;
        }
        let mut p = b;
        if let Some((n, Cue::Aside)) = t.cue(p)
            && t.gap(p + n) == Sep::Space
        {
            p += n;
        }
        let (titles, end) = self.title_chain(p, false)?;
        if end >= t.len() || !t.gap_text(end).starts_with(')') {
            return None;
        }
        let name = Name::bare(i, b);
        Some((name, titles, end))
    }

    /// `Ông A (…), …, từng là Chủ tịch …`: a position given by `là`/`làm` in the same sentence.
    fn copula(&self, e: usize) -> Option<(Spans, usize)> {
        let t = self.t;
        let limit = (e + MAX_COPULA).min(t.len());
        let mut j = e;
        let mut depth = 0i32;
        while j < limit {
            let gap = t.gap_text(j);
            if j > e && ends_sentence(t, j) {
                return None;
            }
            depth += gap.matches('(').count() as i32 - gap.matches(')').count() as i32;
            // Another name or organization starts another subject (asides in parentheses do not).
            if j > e
                && depth <= 0
                && t.case(j) == Case::Title
                && t.case(j + 1) == Case::Title
                && t.gap(j + 1) == Sep::Space
            {
                return None;
            }
            if matches!(t.key(j), "là" | "làm")
                && j + 1 < t.len()
                && t.gap(j + 1) == Sep::Space
                && (t.case(j + 1) == Case::Title || t.key(j + 1) == "nguyên")
            {
                return self.title_chain(j + 1, false);
            }
            // `… giữ chức Phó Chủ tịch …`, `… đảm nhiệm vai trò trưởng ban …`.
            if let Some((n, Cue::Assume)) = t.cue(j)
                && t.gap(j + n) == Sep::Space
            {
                return self.title_chain(j + n, false);
            }
            j += 1;
        }
        None
    }
}

/// A foreign personal name (`Daniel Levy`, `John W Henry`) ending the capitalized run `a..b`:
/// its first token. Every syllable is spelled unlike Vietnamese (initials aside), none is a word
/// of an organization (`Utd`, `League`), and the name starts the run or follows a Vietnamese word.
/// With `surname_first` (the run follows the position directly), a surname of the family-name
/// table may start it before two foreign syllables (`HLV Chung Hae Seong`).
fn foreign_tail(t: &Words<'_, '_>, a: usize, b: usize, surname_first: bool) -> Option<usize> {
    if b < a + 2 {
        return None;
    }
    let initial = |p: usize| t.is_initial(p);
    let mut s = if b >= a + 3 && initial(b - 2) {
        b - 3
    } else {
        b - 2
    };
    if initial(b - 1) || initial(s) {
        return None;
    }
    // `Lee Kun-hee`, `Moon Jae-in`: a Korean name, a one-syllable surname and a hyphenated
    // given name written `Xxx-xxx`; the surname alone may be spelled like a Vietnamese syllable.
    let korean = b == s + 2 && korean_given(t, b - 1);
    let mut surname = korean;
    // `HLV Chung Hae Seong`: right after the position, a surname of the family-name table before
    // two foreign given syllables (not `châu Âu Charles Michel`).
    if surname_first
        && !surname
        && s == a + 1
        && b == s + 2
        && t.case(s - 1) == Case::Title
        && t.is_family(s - 1)
        && !t.looks_foreign(s - 1)
        && (s..b).all(|p| t.looks_foreign(p))
    {
        s -= 1;
        surname = true;
    }
    let ok = (s..b).all(|p| {
        (initial(p) || t.looks_foreign(p) || (surname && p == s) || (korean && p == b - 1))
            && !t.is_foreign_org_word(p)
            && t.org(p).is_none()
    });
    let boundary = s == a || !t.looks_foreign(s - 1);
    let place = t.place(s, true).is_some_and(|(n, _)| n >= b - s);
    (ok && boundary && !place).then_some(s)
}

/// Is word `w` a Korean given name written `Xxx-xxx` or `Xxx-Xxx` (`Kun-hee`, `Jae-in`,
/// `Hang-Seo`): two pieces of Latin letters joined by a hyphen, the first capitalized, the
/// second of two or more letters?
fn korean_given(t: &Words<'_, '_>, w: usize) -> bool {
    let toks = t.tokens(w);
    let doc = t.doc();
    toks.len() == 3
        && doc.key(toks.start + 1) == "-"
        && doc.token(toks.start).case == Case::Title
        && matches!(doc.token(toks.start + 2).case, Case::Lower | Case::Title)
        && doc.text_of(toks.start).is_ascii()
        && doc.text_of(toks.start + 2).is_ascii()
        && doc.text_of(toks.start + 2).len() >= 2
}

/// The lookup keys of words `a..b` joined by spaces.
fn run_key(t: &Words<'_, '_>, a: usize, b: usize) -> String {
    let mut k = String::new();
    for p in a..b {
        if p > a {
            k.push(' ');
        }
        k.push_str(t.key(p));
    }
    k
}

/// The bytes of the rank written in words `a..b`, without the abbreviation's final dot (`TS.`
/// is reported as `TS`, as written before the dot).
fn rank_span(t: &Words<'_, '_>, a: usize, b: usize) -> (usize, usize) {
    let (s, e) = t.span(a, b);
    let dot = t
        .text()
        .get(s..e)
        .is_some_and(|r| r.len() > 1 && r.ends_with('.'));
    (s, if dot { e - 1 } else { e })
}

/// Does a position start at token `i`: a position word, or prefixes (`phó`, `nguyên`) and one?
/// A prefix alone is an ordinary word and a given name (`Lê Thị Nguyên`, `Trần Tân`).
fn starts_title(t: &Words<'_, '_>, mut i: usize) -> bool {
    for _ in 0..4 {
        match t.title(i) {
            Some((_, TitleKind::Title)) => return true,
            Some((n, TitleKind::Prefix)) if i + n < t.len() && t.gap(i + n) == Sep::Space => i += n,
            _ => return false,
        }
    }
    false
}

/// Does a sentence end before word `j`: a full stop, `!`, `?`, `;` or a line break the words
/// do not read across (see [`Sep::Newline`])?
fn ends_sentence(t: &Words<'_, '_>, j: usize) -> bool {
    t.gap(j) == Sep::Newline || t.gap_text(j).contains(['.', '!', '?', ';'])
}

/// Does the title that starts at token `i` continue the chain that ended at token `end`?
fn chained(t: &Words<'_, '_>, end: usize, i: usize) -> bool {
    (i == end && matches!(t.gap(i), Sep::Comma | Sep::Dash))
        || (i == end + 1 && matches!(t.key(end), "kiêm" | "và") && t.gap(end) == Sep::Space)
}
