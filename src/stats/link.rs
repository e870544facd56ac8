//! Linking the figures found to their context: the subject a linking verb introduces, the
//! average a count is, the ethnic group named before it, the change stated after it.

use crate::Span;
use crate::ethnic::EthnicGroupMentions;
use crate::lexicon::Lex;

use super::scan::Scanner;
use super::{Change, StatKind, Statistic};

/// How many tokens back a clause is looked for (a long clause with no punctuation stops here).
const CLAUSE_TOKENS: usize = 64;
/// Most words a subject has.
const SUBJECT_WORDS: usize = 10;
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
            if !sc.same_line(k) {
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
        if !sc.same_line(first) {
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

    /// Finds the subject, the average kind, the category, the group and the changes.
    pub(crate) fn link(
        &mut self,
        out: &mut [Statistic],
        tokens: &[(u32, u32)],
        groups: &[EthnicGroupMentions],
    ) {
        let d = self.doc;
        // every group mention, in text order
        let mut mentions: Vec<(Span, &str)> = groups
            .iter()
            .flat_map(|g| g.spans.iter().map(move |s| (*s, g.name.as_str())))
            .collect();
        mentions.sort_by_key(|(s, _)| (s.end, s.start));
        let mut clauses = Clauses::default();
        for (s, &(first, _)) in out.iter_mut().zip(tokens) {
            let first = first as usize;
            let cs = clauses.start_of(self, first);
            let verb = self
                .hit_ending_where(first, Lex::LinkingVerb, |_| true)
                .filter(|_| self.same_line(first))
                .filter(|h| h.start >= cs)
                .map(|h| h.start);
            // `bình quân`, `trung bình` in the clause: the later of their first occurrences
            let avg = clauses.average(cs, first);
            let wants_subject =
                matches!(s.kind, StatKind::Percentage | StatKind::Money) || avg.is_some();
            if let Some(vs) = verb.filter(|_| wants_subject) {
                let mut from = cs;
                let mut anchored = false;
                let rate = (cs..vs)
                    .rev()
                    .find_map(|k| self.cue(k, "rate").filter(|h| h.end <= vs));
                if let Some(h) = rate {
                    // `tỷ lệ X chiếm 94%`
                    from = h.end;
                    anchored = true;
                } else if let Some((_, ae)) = avg.filter(|(_, ae)| {
                    matches!(s.kind, StatKind::Count | StatKind::Quantity) && *ae <= vs
                }) {
                    from = ae;
                } else if let Some(c) = (cs..vs).rev().find(|&k| d.key(k) == ",") {
                    // `Năm 2021, thu nhập bình quân đạt …`: the subject starts after the comma
                    from = c + 1;
                }
                if from < vs {
                    let has_digit =
                        (from..vs).any(|k| d.text_of(k).bytes().any(|b| b.is_ascii_digit()));
                    let has_comma = (from..vs).any(|k| d.key(k) == ",");
                    if self.words(from, vs) <= SUBJECT_WORDS
                        && !has_digit
                        && (anchored || !has_comma)
                    {
                        let subject = d.text_between(from, vs);
                        let sentence_start = from == cs
                            && (cs == 0
                                || d.text_of(cs - 1)
                                    .chars()
                                    .next_back()
                                    .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':')));
                        let subject = lower_first(subject, sentence_start);
                        s.subject = Some(self.intern(&subject));
                    }
                }
            }
            if matches!(s.kind, StatKind::Count | StatKind::Quantity) && avg.is_some() {
                s.kind = StatKind::Average;
            }
            if s.kind == StatKind::Money
                && let Some(subject) = &s.subject
                && d.lexicons()
                    .entries(Lex::StatCue)
                    .iter()
                    .filter(|e| e.kind() == Some("income"))
                    .any(|e| subject.to_lowercase().contains(e.phrase()))
            {
                s.category = Some(super::Category::Income);
            }
            // the ethnic group named last in the clause before the figure
            let lo = d.token(cs).span.start;
            let hi = d.token(first).span.start;
            let k = mentions.partition_point(|(sp, _)| sp.end <= hi);
            let group = mentions[..k]
                .iter()
                .rev()
                .take_while(|(sp, _)| sp.end > lo)
                .find(|(sp, _)| sp.start >= lo)
                .map(|(_, n)| *n);
            s.group = group.map(|n| self.intern(n));
        }
        // changes: `X, tăng Y so với Z`
        for k in 0..out.len().saturating_sub(1) {
            let (s_end, (n_first, n_end)) = (tokens[k].1 as usize, tokens[k + 1]);
            let (n_first, n_end) = (n_first as usize, n_end as usize);
            if n_first < s_end {
                continue;
            }
            let mut g = s_end;
            while g < n_first && d.key(g) == "," {
                g += 1;
            }
            let sign = if self.cue(g, "up").is_some_and(|h| h.end == n_first) {
                1.0
            } else if self.cue(g, "down").is_some_and(|h| h.end == n_first) {
                -1.0
            } else {
                continue;
            };
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
                .cue(n_end, "against")
                .filter(|_| self.same_line(n_end))
                .and_then(|h| {
                    let a = h.end;
                    let mut b = a;
                    while b < a + AGAINST_TOKENS
                        && self.same_line(b)
                        && !matches!(d.key(b), "." | "," | ";" | ")" | "(")
                    {
                        b += 1;
                    }
                    (b > a).then(|| d.text_between(a, b))
                })
                .map(|t| self.intern(t));
            out[k].change = Some(Box::new(Change {
                value,
                unit,
                against,
            }));
        }
    }
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

/// First char lower-cased when the phrase starts a sentence.
fn lower_first(s: &str, sentence_start: bool) -> String {
    let mut it = s.chars();
    match it.next() {
        Some(c) if sentence_start => {
            let mut out = String::with_capacity(s.len());
            out.extend(c.to_lowercase());
            out.push_str(it.as_str());
            out
        }
        _ => s.to_string(),
    }
}
