//! Linking the figures found to their context: the subject a linking verb introduces, the
//! average a count is, the ethnic group named before it, the change stated after it.

use crate::Span;
use crate::ethnic::EthnicGroupMentions;
use crate::lexicon::Lex;

use super::scan::{Found, Scanner};
use super::{Change, StatKind};

/// How many tokens back a clause is looked for (a long clause with no punctuation stops here).
const CLAUSE_TOKENS: usize = 64;
/// Most words a subject has.
const SUBJECT_WORDS: usize = 10;
/// Most tokens of what a change is compared against (`so với cùng kỳ năm 2020`).
const AGAINST_TOKENS: usize = 24;

impl Scanner<'_, '_> {
    /// The first token of the clause holding token `i`: after the last `.`, `;`, `!`, `?`,
    /// `:`, bracket or line break before it (at most [`CLAUSE_TOKENS`] back).
    pub(crate) fn clause_start(&self, i: usize) -> usize {
        let d = self.doc;
        let lo = i.saturating_sub(CLAUSE_TOKENS);
        let mut k = i;
        while k > lo {
            if !self.same_line(k) {
                return k;
            }
            if ends_clause(d.text_of(k - 1)) {
                return k;
            }
            k -= 1;
        }
        k
    }

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
    pub(crate) fn link(&self, out: &mut [Found], groups: &[EthnicGroupMentions]) {
        let d = self.doc;
        // every group mention, in text order
        let mut mentions: Vec<(Span, &str)> = groups
            .iter()
            .flat_map(|g| g.spans.iter().map(move |s| (*s, g.name.as_str())))
            .collect();
        mentions.sort_by_key(|(s, _)| (s.end, s.start));
        for f in out.iter_mut() {
            let cs = self.clause_start(f.first);
            let verb = self
                .hit_ending_where(f.first, Lex::LinkingVerb, |_| true)
                .filter(|_| self.same_line(f.first))
                .filter(|h| h.start >= cs)
                .map(|h| h.start);
            // `bình quân`, `trung bình` in the clause: the later of their first occurrences
            let mut avg: Option<(usize, usize)> = None;
            let mut seen: Vec<u32> = Vec::new();
            for k in cs..f.first {
                if let Some(h) = self.cue(k, "average")
                    && h.end <= f.first
                    && !seen.contains(&h.entry)
                {
                    seen.push(h.entry);
                    avg = Some((h.start, h.end));
                }
            }
            let s = &mut f.stat;
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
                        s.subject = Some(lower_first(subject, sentence_start));
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
                s.category = Some("income".to_string());
            }
            // the ethnic group named last in the clause before the figure
            let lo = d.token(cs).span.start;
            let hi = d.token(f.first).span.start;
            let k = mentions.partition_point(|(sp, _)| sp.end <= hi);
            s.group = mentions[..k]
                .iter()
                .rev()
                .take_while(|(sp, _)| sp.end > lo)
                .find(|(sp, _)| sp.start >= lo)
                .map(|(_, n)| n.to_string());
        }
        // changes: `X, tăng Y so với Z`
        for k in 0..out.len().saturating_sub(1) {
            let (a, rest) = out.split_at_mut(k + 1);
            let (s, n) = (&mut a[k], &rest[0]);
            if n.first < s.end {
                continue;
            }
            let mut g = s.end;
            while g < n.first && d.key(g) == "," {
                g += 1;
            }
            let sign = if let Some(h) = self.cue(g, "up").filter(|h| h.end == n.first) {
                let _ = h;
                1.0
            } else if self.cue(g, "down").is_some_and(|h| h.end == n.first) {
                -1.0
            } else {
                continue;
            };
            let ns = &n.stat;
            let unit = match ns.kind {
                StatKind::Money => ns.currency.clone(),
                StatKind::Percentage => Some(if ns.unit.is_some() {
                    "điểm phần trăm".to_string()
                } else {
                    "%".to_string()
                }),
                _ => ns.unit.clone(),
            };
            let against = self
                .cue(n.end, "against")
                .filter(|_| self.same_line(n.end))
                .and_then(|h| {
                    let a = h.end;
                    let mut b = a;
                    while b < a + AGAINST_TOKENS
                        && self.same_line(b)
                        && !matches!(d.key(b), "." | "," | ";" | ")" | "(")
                    {
                        b += 1;
                    }
                    (b > a).then(|| d.text_between(a, b).to_string())
                });
            s.stat.change = Some(Change {
                value: sign * ns.value,
                unit,
                against,
            });
        }
    }
}

/// Whether a token ends a clause: it holds `;`, `!`, `?`, `:`, a bracket, or a `.` that is not a
/// decimal or thousands dot.
fn ends_clause(t: &str) -> bool {
    let b = t.as_bytes();
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
