//! Linking the figures found to their context: the subject a linking verb introduces, the
//! average a count is, the ethnic group named before it, the change stated after it.

use arcstr::ArcStr;

use crate::Span;
use crate::document::{Case, Document};
use crate::ethnic::EthnicGroupMentions;
use crate::extract::dates::DateMention;
use crate::lexicon::{Hit, Lex, Lexicons};

use super::scan::Scanner;
use super::{Change, Direction, StatKind, Statistic};

/// How many tokens back a clause is looked for (a long clause with no punctuation stops here).
const CLAUSE_TOKENS: usize = 64;
/// Most tokens of a table row read for an ethnic group or a column header.
const ROW_TOKENS: usize = 48;
/// Most lines above a table row searched for its header.
const ROW_LINES: usize = 60;
/// Most words a subject has.
const SUBJECT_WORDS: usize = 10;
/// Most words read back for a subject's phrase (longer ones are cut to their head).
const PHRASE_WORDS: usize = 16;
/// Most tokens of what a change is compared against (`so với cùng kỳ năm 2020`).
const AGAINST_TOKENS: usize = 24;

/// The clauses of a document, read once from left to right as the figures come: where the
/// clause holding the next figure starts, and the average words (`bình quân`) seen in it.
#[derive(Default)]
struct Clauses {
    /// The next token to read.
    next: usize,
    /// The first token after the last clause break read.
    start: usize,
    /// Average cue words since then: (first token, one past the last, entry).
    averages: std::collections::VecDeque<(usize, usize, u32)>,
}

impl Clauses {
    /// The first token of the clause holding token `first`: after the last `.`, `;`, `!`, `?`,
    /// `:`, bracket or line break before it, at most [`CLAUSE_TOKENS`] back. `first` never
    /// decreases from one call to the next.
    fn start_of(&mut self, sc: &Scanner<'_, '_>, first: usize) -> usize {
        let d = sc.doc;
        // Nothing before the cap matters: skip to it.
        let lo = first.saturating_sub(CLAUSE_TOKENS);
        if self.next < lo {
            self.next = lo;
            self.start = self.start.max(lo);
            self.averages.clear();
        }
        while self.next < first {
            let k = self.next;
            if !sc.soft_same_line(k) {
                self.start = k;
                self.averages.clear();
            }
            if let Some(h) = sc.cue(k, "average") {
                self.averages.push_back((h.start, h.end, h.entry));
            }
            if ends_clause(d, k) {
                self.start = k + 1;
                self.averages.clear();
            }
            self.next += 1;
        }
        let mut cs = self.start.max(first.saturating_sub(CLAUSE_TOKENS));
        if !sc.soft_same_line(first) {
            cs = first;
        }
        while self.averages.front().is_some_and(|a| a.0 < cs) {
            self.averages.pop_front();
        }
        cs
    }

    /// The average cue of the clause (`bình quân`, `trung bình`) ending before `first`: the
    /// later of the first occurrences of each.
    fn average(&self, cs: usize, first: usize) -> Option<(usize, usize)> {
        let mut seen: [Option<u32>; 4] = [None; 4];
        let mut found = None;
        for &(a, b, entry) in &self.averages {
            if a < cs || b > first || seen.contains(&Some(entry)) {
                continue;
            }
            if let Some(slot) = seen.iter_mut().find(|s| s.is_none()) {
                *slot = Some(entry);
            }
            found = Some((a, b));
        }
        found
    }
}

impl Scanner<'_, '_> {
    /// Number of whitespace-separated words of tokens `a..b`.
    fn words(&self, a: usize, b: usize) -> usize {
        if b <= a {
            return 0;
        }
        1 + (a + 1..b)
            .filter(|&k| self.doc.token(k).gap != crate::document::Gap::None)
            .count()
    }

    /// Finds the subject, place, period, group and change of every statistic, in text order.
    pub(crate) fn link(
        &mut self,
        out: &mut [Statistic],
        tokens: &[(u32, u32)],
        groups: &[EthnicGroupMentions],
        dates: &[DateMention],
    ) -> Vec<bool> {
        let d = self.doc;
        let mut dropped = vec![false; out.len()];
        // every group mention, in text order
        let mut mentions: Vec<(Span, &str)> = groups
            .iter()
            .flat_map(|g| g.spans.iter().map(move |s| (*s, g.name.as_str())))
            .collect();
        mentions.sort_by_key(|(s, _)| (s.end, s.start));
        let mut starts: Vec<(usize, &str)> = mentions.iter().map(|(s, n)| (s.start, *n)).collect();
        starts.sort_unstable();
        // every date and period, as token ranges
        let mut periods: Vec<(usize, usize)> = dates
            .iter()
            .filter(|m| m.end > m.start && m.kind != crate::extract::dates::DateKind::Term)
            .map(|m| (d.token_at(m.start), d.token_at(m.end - 1) + 1))
            .collect();
        periods.sort_unstable();
        let mut clauses = Clauses::default();
        for k in 0..out.len() {
            let (first, end) = (tokens[k].0 as usize, tokens[k].1 as usize);
            // `55 tạ trên 1 ha`, `5 triệu đồng mỗi 1 ha`: a per-unit, not a figure
            if k > 0
                && out[k].value == 1.0
                && matches!(out[k].kind, StatKind::Quantity | StatKind::Count)
                && tokens[k - 1].1 as usize == first
                && out[k]
                    .qualifier
                    .as_deref()
                    .is_some_and(|q| matches!(q, "trên" | "mỗi"))
                && out[k - 1].per.is_none()
            {
                let unit = out[k].unit.clone();
                out[k - 1].per = unit;
                dropped[k] = true;
                continue;
            }
            let cs = clauses.start_of(self, first);
            // the statistic before, when it is in the same clause or sentence
            let prev_end = k
                .checked_sub(1)
                .map(|p| tokens[p].1 as usize)
                .filter(|&pe| pe <= first);
            let floor = prev_end.map_or(cs, |pe| pe.max(cs));
            let same_sentence =
                prev_end.is_some_and(|pe| pe > 0 && d.sentence_of(pe - 1) == d.sentence_of(first));
            let avg = clauses.average(cs, first);
            let kind = out[k].kind;
            // `định mức hỗ trợ 1 nhà ở là 40 triệu đồng`: `1 nhà ở` is the per-unit
            let one_before = k.checked_sub(1).filter(|&p| {
                !dropped[p]
                    && out[p].value == 1.0
                    && out[p].kind == StatKind::Count
                    && matches!(kind, StatKind::Money | StatKind::Percentage)
                    && out[k].per.is_none()
            });
            // The count must end right at the linking verb: in `khoản 1 Điều này có 100%`
            // the words between say the `1` numbers a clause.
            if let Some(p) = one_before
                && let Some(v) = self.hit_ending_where(first, Lex::LinkingVerb, |_| true)
                && v.start == tokens[p].1 as usize
            {
                let (pa, pe) = (tokens[p].0 as usize, v.start);
                out[k].per = Some(self.intern(d.text_between(pa + 1, pe)));
                dropped[p] = true;
                if let Some((a, b)) = self.np_before(pa, cs, false, &periods) {
                    let sentence_start = a == cs && a == 0;
                    let subject = lower_first(d, a, b, sentence_start);
                    out[k].subject = Some(self.intern(&subject));
                }
                continue;
            }
            let link = self.subject_of(
                k,
                first,
                end,
                cs,
                floor,
                avg,
                kind,
                &periods,
                out,
                tokens,
                same_sentence,
            );
            let s = &mut out[k];
            // a subject names something in words (never `)` or a lone number)
            if let Some((a, b)) = link
                .subject
                .filter(|&(a, b)| (a..b).any(|j| self.is_word(j)))
            {
                let sentence_start = a == cs
                    && (a == 0
                        || d.text_of(a - 1)
                            .chars()
                            .next_back()
                            .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':')));
                let subject = lower_first(d, a, b, sentence_start);
                s.subject = Some(self.intern(&subject));
            } else if let Some(inherited) = link.inherited {
                s.subject = Some(inherited);
            }
            // a place written right after the figure is its own (`2 ca ở tỉnh Bokeo và 2 ca
            // ở tỉnh Champasak`), before one of the phrase before it or of the figure before
            if let Some((a, b)) = self.place_after(end).or(link.place) {
                s.place = Some(self.intern(d.text_between(a, b)));
            } else if link.inherited_place.is_some() {
                s.place = link.inherited_place;
            }
            s.direction = link.direction;
            if let Some((a, b)) = link.against {
                s.against = Some(self.intern(d.text_between(a, b)));
            }
            if let Some((a, b)) = link.per.filter(|_| s.per.is_none()) {
                s.per = Some(self.intern(d.text_between(a, b)));
            }
            if let Some((a, b)) = self.period_of(first, end, cs, &periods) {
                s.period = Some(self.intern(d.text_between(a, b)));
            }
            if matches!(s.kind, StatKind::Count | StatKind::Quantity) && avg.is_some() {
                s.kind = StatKind::Average;
            }
            if s.kind == StatKind::Money
                && let Some(subject) = &s.subject
                && let subject = subject.to_lowercase()
                && d.lexicons()
                    .entries(Lex::StatCue)
                    .iter()
                    .filter(|e| e.kind() == Some("income"))
                    .any(|e| subject.contains(e.phrase()))
            {
                s.category = Some(super::Category::Income);
            }
            // the ethnic group named last in the clause before the figure, or right after its
            // unit (`1.046 người Giáy`)
            let lo = d.token(cs).span.start;
            let hi = d.token(first).span.start;
            let after = d.get(end).map(|t| t.span.start);
            let right_after = after.and_then(|a| {
                starts
                    .binary_search_by_key(&a, |&(s, _)| s)
                    .ok()
                    .map(|i| starts[i].1)
            });
            let i = mentions.partition_point(|(sp, _)| sp.end <= hi);
            let before = mentions[..i]
                .iter()
                .rev()
                .take_while(|(sp, _)| sp.end > lo)
                .find(|(sp, _)| sp.start >= lo)
                .map(|(_, n)| *n);
            let group = right_after.or(before).or_else(|| self.row_group(first));
            s.group = group.map(|n| self.intern(n));
        }
        // counts carry their noun in `unit`: their subject served the shares after them
        for s in out.iter_mut() {
            if matches!(s.kind, StatKind::Count | StatKind::Quantity) {
                s.subject = None;
            }
        }
        // changes: `X, tăng Y so với Z`
        for k in 0..out.len().saturating_sub(1) {
            let (s_end, (n_first, n_end)) = (tokens[k].1 as usize, tokens[k + 1]);
            let (n_first, n_end) = (n_first as usize, n_end as usize);
            if n_first < s_end {
                continue;
            }
            let Some(dir) = self.change_between(s_end, n_first) else {
                continue;
            };
            let sign = if dir == Direction::Up { 1.0 } else { -1.0 };
            let ns = &out[k + 1];
            let unit = match ns.kind {
                StatKind::Money => ns.currency.clone(),
                StatKind::Percentage => Some(if ns.unit.is_some() {
                    arcstr::literal!("điểm phần trăm")
                } else {
                    arcstr::literal!("%")
                }),
                _ => ns.unit.clone(),
            };
            let value = sign * ns.value;
            let against = self
                .against_after(n_end)
                .map(|(a, b)| self.intern(d.text_between(a, b)));
            out[k].change = Some(Box::new(Change {
                value,
                unit,
                against,
            }));
        }
        dropped
    }

    /// The direction of a change written between a figure ending at `s_end` and the next one
    /// starting at `n_first` (`, tăng`, `giảm`).
    fn change_between(&self, s_end: usize, n_first: usize) -> Option<Direction> {
        let d = self.doc;
        let mut g = s_end;
        while g < n_first && d.key(g) == "," {
            g += 1;
        }
        if g >= n_first {
            return None;
        }
        if self.cue(g, "up").is_some_and(|h| h.end == n_first) {
            Some(Direction::Up)
        } else if self.cue(g, "down").is_some_and(|h| h.end == n_first) {
            Some(Direction::Down)
        } else {
            None
        }
    }

    /// What a figure ending at `end` is compared against: `so với X` (to the next comma,
    /// bracket or clause end, at most [`AGAINST_TOKENS`]), or a plan word right after it
    /// (`kế hoạch năm`, `cùng kỳ`).
    fn against_after(&self, end: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        if !self.same_line(end) {
            return None;
        }
        let a = if let Some(h) = self.cue(end, "against") {
            h.end
        } else if self.cue(end, "plan").is_some() {
            end
        } else {
            return None;
        };
        let mut b = a;
        while b < a + AGAINST_TOKENS
            && (b == a || self.same_line(b))
            && b < d.len()
            && !matches!(d.key(b), "." | "," | ";" | ")" | "(" | ":")
            && !(b > a
                && (self.cue(b, "frame").is_some()
                    // `quý I/2020`: a year glued after a slash ends no comparison
                    || (self.is_figure_start(b) && !(self.glued(b) && d.key(b - 1) == "/"))))
        {
            b += 1;
        }
        (b > a).then_some((a, b))
    }

    /// Whether token `k` starts a number (a figure of its own).
    fn is_figure_start(&self, k: usize) -> bool {
        use crate::tokenize::TokenKind as K;
        matches!(self.doc.get(k).map(|t| t.kind), Some(K::Percent))
            || (self.doc.get(k).is_some_and(|t| t.kind == K::Number)
                && !self.doc.has(k.wrapping_sub(1), Lex::NumberLabel))
    }

    /// The subject (and place, per-unit, change) of statistic `k` starting at token `first`.
    #[allow(clippy::too_many_arguments)]
    fn subject_of(
        &self,
        k: usize,
        first: usize,
        end: usize,
        cs: usize,
        floor: usize,
        avg: Option<(usize, usize)>,
        kind: StatKind,
        periods: &[(usize, usize)],
        out: &[Statistic],
        tokens: &[(u32, u32)],
        same_sentence: bool,
    ) -> Link {
        let d = self.doc;
        let mut link = Link::default();
        let prev = k
            .checked_sub(1)
            .filter(|_| same_sentence)
            .filter(|&p| tokens[p].1 as usize <= first);
        let prev_end = prev.map(|p| tokens[p].1 as usize);
        let inherit = |link: &mut Link| {
            if let Some(p) = prev {
                link.inherited = out[p].subject.clone();
                link.inherited_place = out[p].place.clone();
            }
        };
        // 1. a change right after a figure: `đạt 84 tỷ đồng, tăng 12,5 tỷ đồng`
        if let Some(pe) = prev_end
            && let Some(dir) = self.change_between(pe, first)
        {
            inherit(&mut link);
            link.direction = Some(dir);
            link.against = self.against_after(end);
            return link;
        }
        // the linking verb, also before `từ` (`đã giảm từ 22% …`)
        let verb_end =
            if first > 0 && (self.cue_ending(first, "from").is_some() || d.key(first - 1) == ":") {
                first - 1
            } else {
                first
            };
        let verb = self
            .hit_ending_where(verb_end, Lex::LinkingVerb, |_| true)
            .filter(|h| self.not_verb(h.start).is_none_or(|n| n.end <= h.end))
            .filter(|_| self.soft_same_line(first))
            .filter(|h| {
                h.start >= floor || (verb_end < first && prev_end.is_none_or(|pe| h.start >= pe))
            });
        // `là: 6,41%`: the clause before the colon holds the subject
        let floor = match verb {
            Some(v) if v.start < floor => prev_end
                .unwrap_or(0)
                .max(first.saturating_sub(2 * PHRASE_WORDS)),
            _ => floor,
        };
        if let Some(v) = verb {
            if self.cue(v.start, "up").is_some() {
                link.direction = Some(Direction::Up);
            } else if self.cue(v.start, "down").is_some() {
                link.direction = Some(Direction::Down);
            }
        }
        link.against = self.against_after(end);
        // 2. a share of a count: `393 người ứng cử là phụ nữ (chiếm tỷ lệ 45,28%)`,
        //    `có 205 người (chiếm 23,62%)`
        if kind == StatKind::Percentage
            && let Some(part) = self.part_of_count(cs, first, verb)
        {
            match part {
                Some(span) => link.subject = Some(span),
                None => inherit(&mut link),
            }
            return link;
        }
        // 3. figures listed one after the other share one measure: `25%; 20%; 15%`,
        //    `25.000 đồng, 27.000 đồng/cổ phiếu`, `từ năm vạn đồng đến hai mươi lăm vạn đồng`
        if let Some(pe) = prev_end
            && verb.is_none()
            && (pe..first).all(|j| {
                matches!(d.key(j), "," | ";" | "và" | "-" | "hoặc")
                    || self.cue(j, "range").is_some()
            })
            && prev.is_some_and(|p| out[p].kind == kind)
        {
            inherit(&mut link);
            return link;
        }
        // 4. an amount in brackets after a count is the count's worth: `265 triệu cổ phiếu
        //    (2.650 tỷ đồng)`
        if let (Some(p), Some(pe)) = (prev, prev_end)
            && kind == StatKind::Money
            && matches!(out[p].kind, StatKind::Count)
            && pe + 1 == first
            && d.key(pe) == "("
        {
            link.inherited = out[p].unit.clone();
            return link;
        }
        // 5. a cell of a table: the measure is its column's header
        if let Some(h) = self.column_header(first) {
            link.subject = Some(h);
            return link;
        }
        // 6. the noun phrase before the verb, or right before the figure
        let (e, direct, np_floor) = match verb {
            Some(v) => (v.start, false, floor),
            None if first > 0 && d.key(first - 1) == "(" => (
                first - 1,
                false,
                prev_end
                    .unwrap_or(0)
                    .max(first.saturating_sub(2 * PHRASE_WORDS)),
            ),
            None => (first, true, floor),
        };
        let mut np = self.np_before(e, np_floor, direct, periods);
        // `hồng Nhật có giá lên tới 1 triệu đồng/kg`, `tòa nhà có giá trị lên tới …`: the
        // measure word belongs to the thing before `có`, which is what is valued
        if let Some((a, b)) = np
            && self.names_nothing((a, b))
            && let Some(v) = self.hit_ending_where(a, Lex::LinkingVerb, |_| true)
            && v.len() == 1
            && d.key(v.start) == "có"
            && let Some(owner) = self.np_before(v.start, np_floor, false, periods)
            && !self.names_nothing(owner)
        {
            np = Some(owner);
        }
        // `VN-Index tăng 7,7 điểm tương ứng 0,61%`: the percentage restates the figure before
        // the share word, and measures what that figure does
        if let Some((a, b)) = np
            && let Some(h) = self.cue_ending(b, "share").filter(|h| h.start > a)
            && let Some(j) =
                (a..h.start).find(|&j| d.token(j).kind == crate::tokenize::TokenKind::Number)
        {
            // before the verb that brings that figure (`tăng`)
            let e = self
                .hit_ending_where(j, Lex::LinkingVerb, |_| true)
                .filter(|v| v.start >= np_floor)
                .map_or(j, |v| v.start);
            np = self
                .np_before(e, np_floor, false, periods)
                .filter(|&span| !self.names_nothing(span));
        }
        // a count's average: `bình quân các xã đạt 14,7 tiêu chí` -> `các xã`
        if let (Some((a, b)), Some((_, ae))) = (np, avg)
            && matches!(kind, StatKind::Count | StatKind::Quantity)
            && avg.is_some_and(|(aa, _)| aa == a)
            && ae > a
            && ae <= b
        {
            np = (ae < b).then_some((ae, b));
        }
        // `tỷ lệ X chiếm 94%` -> `X`
        if let Some((a, b)) = np
            && let Some(h) = self.cue(a, "rate")
            && h.end < b
            && verb.is_some()
        {
            np = Some((h.end, b));
        }
        // a per-unit written inside: `định mức hỗ trợ 1 nhà ở là 40 triệu đồng`
        // (only a counted noun from the table, ending the phrase: `quận 1 cũng chỉ đạo`,
        // `QL 1A`, `số 1 phát hiện` number things, they are no per-unit)
        if let Some((a, b)) = np
            && let Some(one) = (a + 1..b)
                .find(|&j| d.key(j) == "1" && d.token(j).kind == crate::tokenize::TokenKind::Number)
            && one + 1 < b
            && self.spaced(one + 1)
            && self
                .hit_where(one + 1, Lex::Unit, |e| e.kind() == Some("count"))
                .is_some_and(|h| h.end == b)
        {
            link.per = Some((one + 1, b));
            np = Some((a, one));
        }
        // the place the figure is about
        if let Some((a, b)) = np {
            let (sub, place) = self.split_place(a, b);
            link.place = place;
            np = sub;
        }
        // 6. percentages after a verb that is no linking verb: the noun after them
        //    (`đóng góp 30% tổng sản phẩm`, `phụ thuộc 85% vào nông nghiệp`)
        // (also after `có`, `tăng`, `giảm`: `có 100% bệnh viện`, `giúp tăng 70% lưu lượng`)
        let open_verb = verb.is_some_and(|v| {
            d.key(v.start) == "có" && v.len() == 1
                || self.cue(v.start, "up").is_some_and(|h| h.end == v.end)
                || self.cue(v.start, "down").is_some_and(|h| h.end == v.end)
        });
        if kind == StatKind::Percentage
            && (verb.is_none() || open_verb)
            && let Some(post) = self.np_after(end, periods)
        {
            link.subject = Some(post);
            return link;
        }
        match np {
            Some(span) if !self.names_nothing(span) => link.subject = Some(span),
            // 7. no measure named (a place, a time, `đến hôm nay`, nothing between the figure
            //    and the one before): the measure of the figure before
            //    (`huyện Quảng Điền là 55,621 tỷ đồng`, `tăng 15% đạt 237.770 tỷ đồng`)
            np => {
                if let Some(p) = prev {
                    if kind == StatKind::Money
                        && out[p].kind == StatKind::Count
                        && verb.is_some_and(|v| self.cue(v.start, "worth").is_some())
                    {
                        // `trao tặng 7.042 suất, trị giá 3,5 tỷ đồng`: what is valued
                        link.inherited = out[p].unit.clone();
                    } else if np.is_none() || out[p].kind == kind || kind == StatKind::Percentage {
                        inherit(&mut link);
                    }
                }
            }
        }
        link
    }

    /// The header of the table column holding token `first`: the cell at the same column of
    /// the nearest line above with as many cells and no number (`STT  Dân tộc  Tỷ lệ`).
    fn column_header(&self, first: usize) -> Option<Tokens> {
        use crate::document::Gap;
        let d = self.doc;
        let l = d.line_of(first);
        let line = d.lines().get(l)?;
        if line.tokens.len() > ROW_TOKENS || !line.tokens.contains(&first) {
            return None;
        }
        // Cells of a line's tokens `r` are cut at column gaps: their count, and the `k`-th.
        let cut = |j: usize| d.token(j).gap == Gap::Column;
        let count = |r: std::ops::Range<usize>| -> usize {
            if r.is_empty() {
                0
            } else {
                1 + (r.start + 1..r.end).filter(|&j| cut(j)).count()
            }
        };
        let nth = |r: std::ops::Range<usize>, k: usize| -> Option<Tokens> {
            let mut starts =
                std::iter::once(r.start).chain((r.start + 1..r.end).filter(|&j| cut(j)));
            let a = starts.nth(k)?;
            Some((a, starts.next().unwrap_or(r.end)))
        };
        let row = line.tokens.clone();
        let cols = count(row.clone());
        if cols < 2 {
            return None;
        }
        let col = (row.start + 1..=first).filter(|&j| cut(j)).count();
        let mut header_cells = self.header_cells.borrow_mut();
        if header_cells.is_empty() {
            header_cells.resize(d.lines().len(), 0);
        }
        for up in (l.saturating_sub(ROW_LINES)..l).rev() {
            let r = d.lines()[up].tokens.clone();
            if header_cells[up] == 0 {
                let numbers = || {
                    r.clone().any(|j| {
                        matches!(
                            d.token(j).kind,
                            crate::tokenize::TokenKind::Number
                                | crate::tokenize::TokenKind::Percent
                        )
                    })
                };
                header_cells[up] = if r.is_empty() || r.len() > ROW_TOKENS || numbers() {
                    1
                } else {
                    // at most ROW_TOKENS cells
                    u16::try_from(count(r.clone()) + 2).unwrap_or(1)
                };
            }
            if usize::from(header_cells[up]) == cols + 2 {
                return nth(r, col);
            }
        }
        None
    }

    /// Whether a subject span names no measure: only measure words, fillers, rates or averages.
    fn names_nothing(&self, (a, b): (usize, usize)) -> bool {
        let mut j = a;
        while j < b {
            let h = [
                "measure",
                "filler",
                "rate",
                "average",
                "frame",
                "comparative",
            ]
            .iter()
            .find_map(|k| self.cue(j, k).filter(|h| h.end <= b));
            match h {
                Some(h) => j = h.end,
                None => return false,
            }
        }
        true
    }

    /// The noun phrase ending before token `e`, not before `floor`: back over words to a
    /// comma (a list of short words `nông, lâm, thủy sản` is kept), other punctuation, a cut
    /// word when `direct` (`theo`, `bị`), at most [`SUBJECT_WORDS`] words; then without its
    /// opening frame words (`Theo đó`, `và`), trailing adverbs (`đã`, `dự kiến`) and periods
    /// at either end.
    fn np_before(
        &self,
        e: usize,
        floor: usize,
        direct: bool,
        periods: &[(usize, usize)],
    ) -> Option<(usize, usize)> {
        let d = self.doc;
        let mut b = e;
        loop {
            // (one quick test for the five kinds)
            let ending = self.may_end(b, Lex::StatCue).then(|| {
                ["adverb", "modal", "filler", "from", "frame"]
                    .iter()
                    .find_map(|k| self.cue_ending_at(b, k))
            });
            if let Some(h) = ending.flatten().filter(|h| h.start >= floor && h.start < b) {
                b = h.start;
            } else if let Some((pa, _)) = period_ending(periods, b).filter(|&(pa, _)| pa >= floor) {
                b = pa;
                // and the word that brings it: `đến năm 2000 mới có 14,5%`
                if let Some(h) = self
                    .hit_ending_where(b, Lex::StatPeriodLink, |_| true)
                    .filter(|h| h.start >= floor)
                {
                    b = h.start;
                }
            } else {
                break;
            }
        }
        // back over words; a comma ends the phrase unless it separates short items
        // (`nông, lâm, thủy sản`, `Năm 2021, thu nhập`)
        let mut a = b;
        let mut words = 0;
        let mut segment = 0;
        let mut in_list = false;
        while a > floor {
            let j = a - 1;
            if !self.soft_same_line(a) || d.token(a).gap == crate::document::Gap::Column {
                break;
            }
            let key = d.key(j);
            if key == "," {
                let before = self.segment_words(j, floor);
                // a segment that names nothing (`bình quân`, `lúc thấp`) reads on
                if a < b && self.names_nothing((a, b)) && before > 0 {
                    segment = 0;
                    a = j;
                    continue;
                }
                if segment > 0 && segment <= 2 && (before <= 2 || in_list) && before > 0 {
                    in_list = before <= 2;
                    segment = 0;
                    a = j;
                    continue;
                }
                break;
            }
            let word = self.is_word(j) || d.token(j).kind == crate::tokenize::TokenKind::Number;
            if !word {
                if key == "-" && a < b && j > floor && self.is_word(j - 1) {
                    a = j;
                    continue;
                }
                break;
            }
            if a < b && (self.is_verb_ending(a) || self.cue_ending(a, "cut").is_some()) {
                break;
            }
            let _ = direct;
            if words >= PHRASE_WORDS {
                break;
            }
            words += 1;
            segment += 1;
            a = j;
        }
        // opening frame words, commas and periods
        loop {
            if a < b && d.key(a) == "," {
                a += 1;
            } else if let Some(h) = self
                .cue(a, "frame")
                .or_else(|| self.cue(a, "cut"))
                .filter(|h| h.end <= b && h.end > a)
            {
                a = h.end;
            } else if let Some((_, pb)) = period_starting(periods, a).filter(|&(_, pb)| pb <= b) {
                a = pb;
            } else {
                break;
            }
        }
        if a >= b {
            return None;
        }
        // `X với tỷ lệ người dân tộc thiểu số chiếm 94%`: the part after the last rate word
        if !direct
            && let Some(h) = (a..b)
                .rev()
                .find_map(|j| self.cue(j, "rate").filter(|h| h.end < b))
        {
            a = h.end;
        }
        // a long phrase keeps its head: cut at `so với`, then at a preposition or `để`
        if let Some(j) = (a + 1..b).find(|&j| self.cue(j, "against").is_some()) {
            b = j;
        }
        if self.words(a, b) > SUBJECT_WORDS
            && let Some(j) = (a + 1..b).find(|&j| {
                self.cue(j, "place_of").is_some() || matches!(d.key(j), "để" | "cho" | "với")
            })
        {
            b = j;
        }
        while self.words(a, b) > SUBJECT_WORDS {
            b -= 1;
        }
        (a < b).then_some((a, b))
    }

    /// Words of the comma-separated segment ending before the comma at token `j`.
    fn segment_words(&self, j: usize, floor: usize) -> usize {
        let d = self.doc;
        let mut n = 0;
        let mut k = j;
        while k > floor && n <= 3 {
            let t = k - 1;
            if !(self.is_word(t) || d.token(t).kind == crate::tokenize::TokenKind::Number)
                || !self.soft_same_line(k)
            {
                break;
            }
            n += 1;
            k = t;
        }
        n
    }

    /// Whether a linking verb ends at token `a - 1` (not the start of a noun such as `tăng
    /// trưởng`).
    fn is_verb_ending(&self, a: usize) -> bool {
        self.hit_ending_where(a, Lex::LinkingVerb, |_| true)
            .is_some_and(|h| self.not_verb(h.start).is_none_or(|n| n.end <= a))
    }

    /// Whether token `i` continues the line of token `i - 1`, or follows a hard line break
    /// inside a sentence (a lower-case word or a number after a lower-case word).
    fn soft_same_line(&self, i: usize) -> bool {
        let d = self.doc;
        match d.get(i) {
            None => false,
            Some(t) if t.gap == crate::document::Gap::Line => {
                i > 0
                    && d.token(i - 1).case == Case::Lower
                    && matches!(t.case, Case::Lower | Case::Digit)
            }
            Some(t) => !t.gap.breaks_line(),
        }
    }

    /// A place at the end of a subject: `của huyện Phong Thổ`, `cả nước`, `trên địa bàn
    /// huyện`; or a subject that is only a place (`huyện Quảng Điền`). Returns the subject
    /// without it and the place.
    fn split_place(&self, a: usize, b: usize) -> (Option<Tokens>, Option<Tokens>) {
        // a whole-area place: `cả nước`, `toàn tỉnh`
        for j in a..b {
            if let Some(h) = self.cue(j, "place").filter(|h| h.end == b) {
                let mut s = j;
                if s > a && self.cue_ending(s, "place_of").is_some() {
                    s = self.cue_ending(s, "place_of").map_or(s, |h| h.start);
                }
                return ((a < s).then_some((a, s)), Some((h.start, h.end)));
            }
        }
        // `của huyện X`, `tại xã Y`: a preposition, an administrative word, a name
        for j in a..b {
            if let Some(p) = self.cue(j, "place_of").filter(|h| h.end < b)
                && let Some(place) = self.admin_place(p.end, b)
            {
                return ((a < j).then_some((a, j)), Some(place));
            }
        }
        // a subject that is only a place
        if let Some(place) = self.admin_place(a, b)
            && place.1 == b
        {
            return (None, Some(place));
        }
        (Some((a, b)), None)
    }

    /// A word at token `i` that starts with a linking verb but is none: a noun (`tăng trưởng`)
    /// or a modal verb (`có thể`).
    fn not_verb(&self, i: usize) -> Option<Hit> {
        self.cue(i, "noun").or_else(|| self.cue(i, "modal"))
    }

    /// A place right after a figure ending at token `end`: a preposition of place and an
    /// administrative place (`ở tỉnh Bokeo`, `tại huyện Mường Tè`), on the figure's line.
    fn place_after(&self, end: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        if end >= d.len() || !self.same_line(end) {
            return None;
        }
        let p = self.cue(end, "place_of")?;
        let line_end = d.lines().get(d.line_of(end))?.tokens.end;
        if p.end >= line_end || !self.same_line(p.end) {
            return None;
        }
        self.admin_place(p.end, line_end)
    }

    /// An administrative place at token `j`: `huyện Phong Thổ`, `thị xã Hương Trà` (an
    /// administrative word and capitalised words), ending at or before `b`.
    fn admin_place(&self, j: usize, b: usize) -> Option<(usize, usize)> {
        let d = self.doc;
        let h = self.hit_where(j, Lex::OrgWord, |e| e.kind() == Some("admin"))?;
        let mut e = h.end;
        while e < b && matches!(d.token(e).case, Case::Title | Case::Upper) && self.is_word(e) {
            e += 1;
        }
        (e > h.end).then_some((j, e))
    }

    /// The noun phrase right after a percentage (`30% tổng sản phẩm`, `85% vào nông nghiệp`):
    /// lower-case words up to a comma, a clause end or a cue, at most six.
    fn np_after(&self, end: usize, periods: &[(usize, usize)]) -> Option<(usize, usize)> {
        let d = self.doc;
        let mut a = end;
        if period_starting(periods, end).is_some() {
            return None;
        }
        if !self.same_line(a) || d.token(a).gap == crate::document::Gap::None {
            return None;
        }
        if d.key(a) == "vào" {
            a += 1;
            // `55% vào năm 2025`: a time, not what is measured
            if period_starting(periods, a).is_some() {
                return None;
            }
        }
        let starts = |j: usize| {
            self.is_word(j)
                && d.token(j).case == Case::Lower
                && [
                    "against", "plan", "range", "up", "down", "cut", "frame", "adverb", "per",
                    "after", "place_of",
                ]
                .iter()
                .all(|k| self.cue(j, k).is_none())
                && !d.has(j, Lex::LinkingVerb)
                && !d.has(j, Lex::Qualifier)
        };
        if !starts(a) {
            return None;
        }
        let mut b = a;
        while b < a + 6
            && self.same_line(b)
            && self.is_word(b)
            && (b == a || (self.cue(b, "cut").is_none() && self.cue(b, "frame").is_none()))
            && !d.has(b, Lex::LinkingVerb)
        {
            b += 1;
        }
        Some((a, b))
    }

    /// The part a percentage after a count measures: the words after the count
    /// (`393 người ứng cử là phụ nữ (chiếm tỷ lệ 45,28%)` -> `phụ nữ`), `None` inside when the
    /// count's own subject is meant (`có 205 người (chiếm 23,62%)`); nothing when the
    /// percentage is not a share written after a number.
    fn part_of_count(
        &self,
        floor: usize,
        first: usize,
        verb: Option<Hit>,
    ) -> Option<Option<(usize, usize)>> {
        use crate::tokenize::TokenKind as K;
        let d = self.doc;
        // the share's bracket closes the clause: look back past it
        let sentence = d
            .sentences()
            .get(d.sentence_of(first))
            .map_or(0, |r| r.start);
        let lo = first.saturating_sub(2 * PHRASE_WORDS).max(sentence);
        let _ = floor;
        // the bracket or comma that opens the share, with a share word after it
        let open = (lo..first).rev().find(|&j| matches!(d.key(j), "(" | ","))?;
        let shared = (open + 1..first).any(|j| {
            self.cue(j, "share").is_some()
                || self.cue(j, "rate").is_some()
                || (j + 1 == first && d.key(j) == "đạt")
        }) || (open + 1 == first && d.key(open) == "(");
        if !shared || verb.is_some_and(|v| v.start < open) {
            return None;
        }
        // the number before it: a count (`393 người ứng cử`) or a bare number (`10 có …`)
        let num = (lo..open).rev().find(|&j| {
            d.token(j).kind == K::Number
                && matches!(d.token(j).value, crate::document::Value::Number { .. })
        })?;
        if (num + 1..first).any(|j| ends_clause(d, j) && !matches!(d.key(j), "(" | ")")) {
            return None;
        }
        // a bare bracket after a number is a share only after a count (`224 người (25,81%)`)
        if open + 1 == first && !d.has(num + 1, Lex::Unit) {
            return None;
        }
        // the part: after the count's noun and the relation word (`là`, `thuộc`, `có`)
        let mut a = num + 1;
        if let Some(h) = d.hit(a, Lex::Unit) {
            a = h.end;
        }
        let rel = (a..open).find(|&j| {
            self.cue(j, "relation").is_some()
                || d.key(j) == "là"
                || (d.key(j) == "có" && j + 1 < open)
        });
        if let Some(r) = rel {
            a = r + 1;
        }
        // a bracket inside ends the part: `12 người thuộc quân đội (Bộ Quốc phòng, …), chiếm`
        let b = (a..open).find(|&j| d.key(j) == "(").unwrap_or(open);
        Some((a < b && self.words(a, b) <= SUBJECT_WORDS).then_some((a, b)))
    }

    /// The period of a figure: a date or period right after it (`22% năm 2005`, `13,4 triệu
    /// USD trong năm 2019`), else the
    /// last one before it in its clause (`Năm 2021, thu nhập đạt …`).
    fn period_of(
        &self,
        first: usize,
        end: usize,
        cs: usize,
        periods: &[(usize, usize)],
    ) -> Option<(usize, usize)> {
        // right after it, or after a linking word (`13,4 triệu USD trong năm 2019`)
        let start = self
            .hit_where(end, Lex::StatPeriodLink, |_| true)
            .map_or(end, |h| h.end);
        let i = periods.partition_point(|&(a, _)| a < start);
        let after = periods
            .get(i)
            .filter(|&&(a, _)| a == start && self.same_line(end) && self.same_line(start))
            .copied();
        after.or_else(|| {
            let j = periods.partition_point(|&(a, _)| a < first);
            periods[..j]
                .iter()
                .rev()
                .take_while(|&&(a, _)| a >= cs)
                .find(|&&(_, b)| b <= first)
                .copied()
        })
    }

    /// The ethnic group a table row names before a figure (`7 Dao 0.98%`): a capitalised
    /// group name in the cells of its line, when the line is a row of columns.
    fn row_group(&self, first: usize) -> Option<&'static str> {
        let d = self.doc;
        let l = d.line_of(first);
        let line = d.lines().get(l)?;
        // a table row is short
        if line.tokens.len() > ROW_TOKENS {
            return None;
        }
        let columns = line
            .tokens
            .clone()
            .skip(1)
            .filter(|&j| d.token(j).gap == crate::document::Gap::Column)
            .count();
        if columns == 0 {
            return None;
        }
        // the group is a cell of its own (`Dao` in `7 | Dao | 0.98%`), not a word inside a
        // cell's text (`Trung tâm Hoa - Kiểng Sài Gòn`)
        let cell_edge = |j: usize| {
            j == line.tokens.start
                || j >= line.tokens.end
                || d.token(j).gap == crate::document::Gap::Column
        };
        for j in line.tokens.start..first {
            if matches!(d.token(j).case, Case::Title | Case::Upper)
                && cell_edge(j)
                && let Some(h) = d.hit(j, Lex::EthnicGroup)
                && h.end <= first
                && cell_edge(h.end)
            {
                let name = Lexicons::embedded()
                    .entries(Lex::EthnicGroup)
                    .get(h.entry as usize)?
                    .col(1);
                return Some(name);
            }
        }
        None
    }
}

/// A range of tokens.
type Tokens = (usize, usize);

/// What linking found for one statistic (token ranges, or values taken from the one before).
#[derive(Default)]
struct Link {
    subject: Option<(usize, usize)>,
    inherited: Option<ArcStr>,
    place: Option<(usize, usize)>,
    inherited_place: Option<ArcStr>,
    per: Option<(usize, usize)>,
    direction: Option<Direction>,
    against: Option<(usize, usize)>,
}

/// The period (token range) ending at token `b - 1`, in ranges sorted by start.
fn period_ending(periods: &[(usize, usize)], b: usize) -> Option<(usize, usize)> {
    let i = periods.partition_point(|&(a, _)| a < b);
    periods[..i]
        .iter()
        .rev()
        .take(4)
        .find(|&&(_, pb)| pb == b)
        .copied()
}

/// The period (token range) starting at token `a`, in ranges sorted by start.
fn period_starting(periods: &[(usize, usize)], a: usize) -> Option<(usize, usize)> {
    let i = periods.partition_point(|&(pa, _)| pa < a);
    periods
        .get(i)
        .filter(|&&(pa, pb)| pa == a && pb > a)
        .copied()
}

/// Whether token `k` ends a clause: it holds `;`, `!`, `?`, `:`, a bracket, or a `.` that is
/// not a decimal or thousands dot (words and numbers never do).
fn ends_clause(d: &crate::document::Document<'_>, k: usize) -> bool {
    use crate::tokenize::TokenKind as K;
    if matches!(
        d.token(k).kind,
        K::Syllable | K::InvalidSyllable | K::Foreign | K::Number | K::Percent
    ) {
        return false;
    }
    let b = d.text_of(k).as_bytes();
    b.iter().enumerate().any(|(k, &c)| match c {
        b';' | b'!' | b'?' | b'(' | b')' | b':' => true,
        b'.' => !b.get(k + 1).is_some_and(u8::is_ascii_digit),
        _ => false,
    })
}

/// The text of tokens `a..b`, its first letter lower-cased when it starts a sentence with an
/// ordinary capitalised word (`Thu nhập` -> `thu nhập`; `GDP`, `UBND` stay).
fn lower_first(d: &Document<'_>, a: usize, b: usize, sentence_start: bool) -> String {
    let s = d.text_between(a, b);
    let mut it = s.chars();
    match it.next() {
        Some(c) if sentence_start && d.token(a).case == Case::Title => {
            let mut out = String::with_capacity(s.len());
            out.extend(c.to_lowercase());
            out.push_str(it.as_str());
            out
        }
        _ => s.to_string(),
    }
}
