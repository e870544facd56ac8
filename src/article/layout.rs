//! The layout stage: every line of a page gets a [`LineClass`] from its own evidence (length,
//! capitals, final punctuation, cue words, date and time values, names) and its neighbours
//! (position, what comes before and after), then the article's header is read from the classes.
//!
//! The passes, each linear in the lines:
//! 1. features of every line (one walk over the tokens);
//! 2. local classes: metadata, counters, links, menus, breadcrumbs, widgets, the headings of
//!    related lists and comment boxes, datelines, tables;
//! 3. the legal document's header, title block and signature, when the text is one;
//! 4. blocks: related lists and comment boxes run on under their heading; visitor counters
//!    come in groups;
//! 5. the header: headline, clock or dateline, byline, sapo;
//! 6. the end: closing byline and credit, captions, subheadings, body.

use super::byline::{self, CreditKind};
use super::datetime::{self, Stamp};
use super::legal;
use super::{Article, LegalDocument, LineClass};
use crate::Span;
use crate::document::{Case, Document, Gap, Token};
use crate::lexicon::Lex;
use crate::tokenize::TokenKind;

/// Longest line (in tokens) that may be page chrome or a dateline.
const SHORT: usize = 40;
/// Lines longer than this (in tokens) are read by their length and last token only.
const LONG: usize = 48;
/// Longest headline, in words and in bytes.
const HEADLINE_WORDS: usize = 60;
const HEADLINE_BYTES: usize = 400;
/// How many content lines from the top the header (headline, dateline, byline) may take.
const HEADER_LINES: usize = 14;

/// What a line looks like, from its tokens alone (the cheap part, read for every line).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Feat {
    /// Its tokens.
    pub a: usize,
    pub b: usize,
    /// The first token after bullets.
    pub u: usize,
    /// Words (syllables, foreign words, abbreviations); for a long line, its token count.
    pub words: u16,
    /// Number, date, time and percentage tokens.
    pub nums: u16,
    /// A date or time token, or a spelled date (`tháng`, ISO `2025-08-17`) among its tokens.
    pub datey: bool,
    /// Its last token is sentence punctuation: `.`, `?`, `!`, `;`, `:`, `,` (as that byte), or 0.
    pub last: u8,
    /// Column gaps and table pipes.
    pub cols: u16,
    /// A page-chrome cue word starts among its tokens.
    pub cue: bool,
    /// Breadcrumb arrows (`>`, `»`, `›`).
    pub arrows: bool,
    /// A byline or credit label (`Ảnh`, `Tin`, `Theo`) starts among its tokens.
    pub credit: bool,
    /// A word of a legal document's layout (`TM`, `Nơi nhận`, `QUYẾT ĐỊNH`) starts among them.
    pub legal: bool,
}

impl Feat {
    fn blank(&self) -> bool {
        self.a == self.b
    }

    /// A paragraph of running text: a sentence of eight words or more, or a long line.
    fn body(&self) -> bool {
        (self.words >= 8 && matches!(self.last, b'.' | b';' | b':' | b'!' | b'?'))
            || self.words >= 45
    }
}

/// What only a few lines are asked (headline and byline candidates, the end of the text):
/// read when needed.
#[derive(Debug, Clone, Copy, Default)]
struct Detail {
    /// Words in capitals.
    upper: u16,
    /// Vietnamese syllables.
    syll: u16,
    /// Document codes (`28/2001/CT-UB`).
    codes: u16,
    /// Colons.
    colons: u16,
    /// A sentence ends inside the line (`. ` before a capital).
    inner_stop: bool,
}

fn detail(doc: &Document<'_>, f: &Feat) -> Detail {
    let bytes = doc.text().as_bytes();
    let tokens = doc.tokens();
    let mut d = Detail::default();
    let mut prev_stop = false;
    for (i, t) in tokens[f.a..f.b]
        .iter()
        .enumerate()
        .map(|(k, t)| (f.a + k, t))
    {
        let mut stop = false;
        match t.kind {
            TokenKind::Syllable
            | TokenKind::InvalidSyllable
            | TokenKind::Foreign
            | TokenKind::Abbreviation => {
                if t.case == Case::Upper {
                    d.upper += 1;
                }
                if prev_stop && matches!(t.case, Case::Upper | Case::Title) {
                    d.inner_stop = true;
                }
                if t.kind == TokenKind::Syllable {
                    d.syll += 1;
                }
            }
            TokenKind::DocumentCode => d.codes += 1,
            TokenKind::Punctuation | TokenKind::Symbol => match punct(bytes, t) {
                b':' => d.colons += 1,
                b'.' | b'?' | b'!' => stop = true,
                _ => {}
            },
            _ => {}
        }
        prev_stop = stop && tokens.get(i + 1).is_some_and(|n| n.gap == Gap::Space);
    }
    d
}

/// The byte of a one-byte punctuation or symbol token (`.`, `:`, `|`, `>`), or 0.
fn punct(bytes: &[u8], t: &Token) -> u8 {
    if t.span.len() == 1 && matches!(t.kind, TokenKind::Punctuation | TokenKind::Symbol) {
        bytes[t.span.start]
    } else {
        0
    }
}

/// Reads the cheap features of every line: one walk over the tokens of the lines up to
/// [`LONG`] tokens, reading kinds and gaps (a token's text only for one-byte punctuation), and
/// one walk over the page-chrome hits.
fn features(doc: &Document<'_>) -> Vec<Feat> {
    let bytes = doc.text().as_bytes();
    let tokens = doc.tokens();
    let lines = doc.lines();
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let (a, b) = (line.tokens.start, line.tokens.end);
        let mut f = Feat {
            a,
            b,
            u: a,
            ..Feat::default()
        };
        if a == b {
            out.push(f);
            continue;
        }
        while f.u < b
            && matches!(tokens[f.u].kind, TokenKind::Punctuation | TokenKind::Symbol)
            && (matches!(punct(bytes, &tokens[f.u]), b'*' | b'-' | b'+' | b'|')
                || matches!(doc.key(f.u), "•" | "·" | "»" | "›" | "-"))
        {
            f.u += 1;
        }
        f.last = last_punct(doc, bytes, b - 1);
        if b - a > LONG {
            // A long line is running text or a wide table row: what the passes ask of it is
            // its length and its last token.
            f.words = (b - a).min(usize::from(u16::MAX)) as u16;
            out.push(f);
            continue;
        }
        for (i, t) in tokens[a..b].iter().enumerate().map(|(k, t)| (a + k, t)) {
            if t.gap == Gap::Column {
                f.cols += 1;
            }
            match t.kind {
                TokenKind::Syllable => {
                    f.words += 1;
                    // `tháng` (6 bytes) of a spelled date
                    if t.span.len() == 6 && doc.key(i) == "tháng" {
                        f.datey = true;
                    }
                }
                TokenKind::InvalidSyllable | TokenKind::Foreign | TokenKind::Abbreviation => {
                    f.words += 1
                }
                TokenKind::Date | TokenKind::Time => {
                    f.nums += 1;
                    f.datey = true;
                }
                TokenKind::Number => {
                    f.nums += 1;
                    // ISO `2025-08-17`
                    let glued = |k: usize, dash: bool| {
                        tokens.get(k).is_some_and(|n| {
                            n.gap == Gap::None
                                && if dash {
                                    punct(bytes, n) == b'-'
                                } else {
                                    n.kind == TokenKind::Number
                                }
                        })
                    };
                    if t.span.len() == 4
                        && glued(i + 1, true)
                        && glued(i + 2, false)
                        && glued(i + 3, true)
                    {
                        f.datey = true;
                    }
                }
                TokenKind::Percent => f.nums += 1,
                TokenKind::Punctuation | TokenKind::Symbol => match punct(bytes, t) {
                    b'|' => f.cols += 1,
                    b'>' => f.arrows = true,
                    0 if matches!(doc.key(i), "»" | "›" | "→") => f.arrows = true,
                    _ => {}
                },
                _ => {}
            }
        }
        if tokens[a].gap == Gap::Column {
            f.cols -= 1;
        }
        out.push(f);
    }
    // Page-chrome cues, credit labels and legal words: the hits are few; each marks its line.
    let mut l = 0;
    for h in doc.hits() {
        if !matches!(h.lex, Lex::PageCue | Lex::BylineCue | Lex::LegalCue) {
            continue;
        }
        while l < lines.len() && lines[l].tokens.end <= h.start {
            l += 1;
        }
        if let Some(f) = out.get_mut(l) {
            match h.lex {
                Lex::PageCue => f.cue = true,
                Lex::BylineCue => f.credit = true,
                _ => f.legal = true,
            }
        }
    }
    out
}

/// The sentence punctuation token `i` is (`.`, `?`, `!`, `;`, `:`, `,`; `./.` as `.`), or 0.
fn last_punct(doc: &Document<'_>, bytes: &[u8], i: usize) -> u8 {
    let t = doc.token(i);
    match punct(bytes, t) {
        c @ (b'.' | b'?' | b'!' | b';' | b':' | b',') => c,
        0 if t.kind == TokenKind::Punctuation && doc.key(i) == "./." => b'.',
        _ => 0,
    }
}

/// A dateline found on a line: its stamp and what stands around it.
#[derive(Debug, Clone, Copy)]
struct DatelineCand {
    line: usize,
    stamp: Stamp,
    /// The label's kind (`published`, `updated`, `issued`, `other`), when labelled.
    cue: Option<&'static str>,
    /// A byline written before (or after) the stamp, tokens.
    author: Option<(usize, usize)>,
    /// A place and a comma before `ngày` (a legal document's place-and-date line).
    place: bool,
    /// Chrome around the stamp on the same line (counters, tools, a section label).
    chrome: [Option<(usize, usize)>; 2],
    /// The line's first token is the crawler's ` date` marker.
    marker: bool,
}

/// The dateline kind of a label row.
fn cue_kind(kind: &str) -> &'static str {
    match kind {
        "published" => "published",
        "updated" => "updated",
        "issued" => "issued",
        _ => "other",
    }
}

/// Whether tokens `a..b` are only separators.
fn separators(doc: &Document<'_>, a: usize, b: usize) -> bool {
    (a..b).all(|i| {
        matches!(
            doc.key(i),
            "-" | "|" | "," | "–" | "•" | ":" | "/" | "(" | ")" | "."
        )
    })
}

/// Whether tokens `a..b` are chrome that may follow a dateline: counters, tools, links.
fn trailing_chrome(doc: &Document<'_>, a: usize, b: usize) -> bool {
    let mut i = a;
    while i < b {
        if doc.is(i, TokenKind::Number) || separators(doc, i, i + 1) {
            i += 1;
        } else if let Some(c) = super::cues::page_cue(doc, i, b) {
            i = c.end;
        } else {
            return false;
        }
    }
    true
}

/// Reads a dateline filling line `l`: stamps, with only a label, a byline, a place, a section
/// label or chrome around them.
fn dateline_line(doc: &Document<'_>, l: usize, f: &Feat, buf: &mut String) -> Option<DatelineCand> {
    if !f.datey || f.blank() || f.b - f.a > SHORT {
        return None;
    }
    let stamps = datetime::stamps(doc, f.u, f.b, buf);
    let (first, last) = (stamps.first()?, stamps.last()?);
    if stamps
        .windows(2)
        .any(|w| !separators(doc, w[0].end, w[1].first))
    {
        return None;
    }
    let stamp = *stamps
        .iter()
        .find(|s| s.time.is_some() && s.weekday_agrees())
        .unwrap_or(first);
    if !stamp.weekday_agrees() {
        return None;
    }
    let mut cand = DatelineCand {
        line: l,
        stamp,
        cue: None,
        author: None,
        place: false,
        chrome: [None, None],
        marker: false,
    };
    // Before the stamps.
    let mut pre_end = first.first;
    while pre_end > f.u && matches!(doc.key(pre_end - 1), "-" | "|" | "," | "–" | ":" | "(") {
        pre_end -= 1;
    }
    if pre_end > f.u {
        if doc.key(f.u) == "date" && pre_end == f.u + 1 {
            cand.marker = true;
        } else if let Some(c) = super::cues::lookup(doc, Lex::DatelineCue, f.u, pre_end, buf)
            && c.end == pre_end
        {
            cand.cue = Some(cue_kind(c.kind()));
        } else if legal::place_before(doc, f.u, f.b, first) {
            cand.place = true;
        } else if let Some(c) = byline::credit(doc, f.u, pre_end, buf)
            && c.kind == CreditKind::Author
        {
            cand.author = Some((c.first, c.end));
        } else if let Some(bar) = (f.u..first.first).rev().find(|&i| doc.key(i) == "|")
            && (f.u..bar).filter(|&i| byline::is_word(doc, i)).count() <= 5
            && (f.u..bar).all(|i| byline::is_word(doc, i))
        {
            // A section label: `Chính trị | 06:24 Thứ Tư ngày 29/03/2017`.
            let c = super::cues::lookup(doc, Lex::DatelineCue, bar + 1, pre_end, buf);
            if bar + 1 < pre_end && c.is_none_or(|c| c.end != pre_end) {
                return None;
            }
            cand.cue = c.map(|c| cue_kind(c.kind()));
            cand.chrome[0] = Some((f.u, bar + 1));
        } else {
            return None;
        }
    }
    // After the stamps.
    let mut post = last.end;
    while post < f.b && separators(doc, post, post + 1) {
        post += 1;
    }
    if post < f.b {
        if cand.marker {
            // ` date 2025-08-17 Headline …`: the rest of the line is the headline.
        } else if trailing_chrome(doc, post, f.b) {
            cand.chrome[1] = Some((post, f.b));
        } else if cand.cue.is_some() && doc.has(post, Lex::DatelineCue) {
            // A record's next field: `Ngày ban hành: 12/08/2016 Ngày hiệu lực: Đã biết`.
        } else if cand.author.is_none()
            && let Some(c) = byline::credit(doc, post, f.b, buf)
            && c.kind == CreditKind::Author
        {
            cand.author = Some((c.first, c.end));
        } else {
            return None;
        }
    }
    Some(cand)
}

/// The page-chrome class of a line made of cue words (with numbers and separators), or `None`.
/// The flag says whether the line alone shows the text is a web page (a counter with its
/// number, a rating box, several links); other chrome counts only on a page that shows it.
fn chrome_class(doc: &Document<'_>, f: &Feat, buf: &mut String) -> Option<(LineClass, bool)> {
    let (u, b) = (f.u, f.b);
    if !f.cue || u >= b || b - u > SHORT {
        return None;
    }
    let first = super::cues::page_cue(doc, u, b);
    // Counters: (label [:] number | number label)+, with separators.
    if let Some(class) = counter(doc, u, b) {
        return Some((class, true));
    }
    // A weather box: `Độ ẩm trung bình %. Tốc độ gió km/h`.
    let weather = (u..b)
        .filter(|&i| super::cues::page_cue(doc, i, b).is_some_and(|c| c.kind() == "weather"))
        .count();
    let unit = (u..b).any(|i| matches!(doc.key(i), "hpa" | "°" | "°c" | "oc"));
    if f.words <= 20 && (weather >= 2 || weather == 1 && unit) {
        return Some((LineClass::Widget, true));
    }
    let first = first?;
    match first.kind() {
        // The label and anything after it: rating, session, search and weather boxes.
        "rating" | "session"
            if !matches!(
                first.entry.phrase(),
                "thời gian chờ" | "tổng số điểm của bài viết là"
            ) || doc.key(first.end) == ":" =>
        {
            return Some((LineClass::Widget, true));
        }
        "widget" if doc.key(first.end) == ":" && f.words <= 20 => {
            return Some((LineClass::Widget, true));
        }
        // `Tin liên quan`, `Xem thêm:`: the heading of a list; `Xem thêm tại: …` is one link.
        "related" if f.words <= 6 && f.last != b'.' => {
            let heading = first.end == b || first.end + 1 == b && doc.key(first.end) == ":";
            let class = if heading {
                LineClass::RelatedList
            } else {
                LineClass::ShareLinks
            };
            return Some((class, true));
        }
        "comments" if f.words <= 12 && f.last != b'.' => return Some((LineClass::Comments, true)),
        // Contact fields: chrome in a site's header or footer, content elsewhere.
        "contact" if f.words <= 12 && doc.key(first.end) == ":" => {
            return Some((LineClass::Footer, false));
        }
        "footer" if f.words <= 30 && doc.token(u).case != Case::Lower => {
            return Some((LineClass::Footer, true));
        }
        _ => {}
    }
    // A line made only of cue words: links, tools, menus, widgets.
    let mut i = u;
    let mut kinds = [0u8; 4]; // share, menu, widget, other
    while i < b {
        if separators(doc, i, i + 1)
            || doc.is(i, TokenKind::Number)
            || matches!(doc.key(i), "..." | "…" | ">" | "»" | "›" | "/" | "@")
        {
            i += 1;
            continue;
        }
        let c = super::cues::page_cue(doc, i, b)?;
        match c.kind() {
            "share" => kinds[0] += 1,
            "menu" => kinds[1] += 1,
            "widget" => kinds[2] += 1,
            // Labels of counters need their numbers; headings are read above.
            _ => return None,
        }
        i = c.end;
    }
    let _ = buf;
    // One link or menu word alone (`Tìm kiếm`, `Email:`) shows a web page only with others.
    let strong = kinds[0] + kinds[1] >= 2 || kinds[2] > 0;
    Some(if kinds[2] > 0 {
        (LineClass::Widget, strong)
    } else if f.arrows && kinds[1] > 0 {
        // `Trang chủ > Tin tức`: menu words in a path.
        (LineClass::Breadcrumb, true)
    } else if kinds[1] > kinds[0] {
        (LineClass::Menu, strong)
    } else {
        (LineClass::ShareLinks, strong)
    })
}

/// Strength of a counter line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CounterKind {
    /// A visitor or view counter (`Đang truy cập 74`, `Lượt xem: 14`).
    Strong,
    /// Only period labels (`Tháng 3 : 42.118`, `Tổng số : 5.206.774`): a counter among counters.
    Weak,
}

/// A counter line: `(label [:] number | number label)+` with separators. Visitor and period
/// labels come before their number (`Đang truy cập 74`, `Tháng 3 : 42.118`); the article's
/// own counters may follow it (`4664 Lượt xem`, `(0) Bình luận`) or stand alone (`Lượt xem`).
fn counter_kind(doc: &Document<'_>, u: usize, b: usize) -> Option<CounterKind> {
    let sep = |i: usize| matches!(doc.key(i), "|" | "-" | "•" | ":" | "(" | ")" | "," | "/");
    let own = |k: &str| matches!(k, "count" | "comments" | "share");
    let mut i = u;
    let mut strong = false;
    let mut pairs = 0;
    while i < b {
        if sep(i) {
            i += 1;
            continue;
        }
        if doc.is(i, TokenKind::Number) {
            // number label
            let mut j = i + 1;
            while j < b && matches!(doc.key(j), ")" | ":") {
                j += 1;
            }
            let c = super::cues::page_cue(doc, j, b).filter(|c| own(c.kind()))?;
            strong = true;
            pairs += 1;
            i = c.end;
            continue;
        }
        let (label_end, kind) = if let Some(c) = super::cues::page_cue(doc, i, b) {
            (c.end, c.kind())
        } else if matches!(doc.key(i), "tháng" | "năm" | "tuần" | "quý")
            && doc.is(i + 1, TokenKind::Number)
        {
            // `Tháng 3`, `Năm 2023`: a period label and its own number.
            (i + 2, "period")
        } else {
            return None;
        };
        let mut j = label_end;
        if doc.key(j) == ":" {
            j += 1;
        }
        match kind {
            "visitor" | "period" | "count" | "comments" | "share"
                if doc.is(j, TokenKind::Number) =>
            {
                strong |= kind != "period";
                pairs += 1;
                i = j + 1;
            }
            "count" if j == b || doc.key(j) == "|" => {
                // A view counter's label alone (`Lượt xem`).
                strong = true;
                pairs += 1;
                i = j;
            }
            _ => return None,
        }
    }
    if pairs == 0 {
        return None;
    }
    Some(if strong {
        CounterKind::Strong
    } else {
        CounterKind::Weak
    })
}

/// Whether a line may be a period counter (`Tháng 3 : 42.118`): short, with a number, opening
/// with a label.
#[inline]
fn weak_counter_shape(doc: &Document<'_>, f: &Feat) -> bool {
    f.nums > 0
        && f.words <= 8
        && (f.cue || matches!(doc.key(f.u), "tháng" | "năm" | "tuần" | "quý"))
}

fn counter(doc: &Document<'_>, u: usize, b: usize) -> Option<LineClass> {
    (counter_kind(doc, u, b) == Some(CounterKind::Strong)).then_some(LineClass::Counter)
}

/// A breadcrumb: short items joined by `>`, `»`, `›` (`Tin Hoạt động >> Văn hóa - Xã hội`), or a
/// first item `Trang chủ` before a separator or a column gap.
fn breadcrumb(doc: &Document<'_>, f: &Feat) -> bool {
    let (u, b) = (f.u, f.b);
    if !(f.arrows || f.cue) || u >= b || f.last == b'.' {
        return false;
    }
    if f.nums > 0 && f.cols > 0 {
        return false;
    }
    let home = super::cues::page_cue(doc, u, b).is_some_and(|c| {
        c.kind() == "menu"
            && (c.end == b
                || doc.token(c.end).gap == Gap::Column
                || matches!(doc.key(c.end), ">" | "»" | "›" | "/" | "|"))
    });
    let mut seps = 0;
    let mut item = 0;
    for i in u..b {
        if matches!(doc.key(i), ">" | "»" | "›" | "→") {
            if doc.is(i + 1, TokenKind::Number) || i > u && doc.is(i - 1, TokenKind::Number) {
                return false;
            }
            if item > 0 {
                seps += 1;
            }
            item = 0;
        } else {
            item += 1;
            if item > 14 && !home && seps == 0 {
                return false;
            }
        }
    }
    home && b > u + 2 || seps >= 1 && item > 0 && item <= 14
}

/// Whether tokens `a..b` end with a photo credit: `Ảnh: X`, `(Ảnh: X)`, `Ảnh minh họa`,
/// `Ảnh KBNN`.
fn photo_credit(doc: &Document<'_>, a: usize, b: usize, buf: &mut String) -> bool {
    let from = b.saturating_sub(10).max(a);
    (from..b).any(|i| {
        doc.has(i, Lex::BylineCue)
            && doc.token(i).case != Case::Lower
            && (i == a || matches!(doc.key(i - 1), "(" | "." | "-" | "|"))
            && super::cues::lookup(doc, Lex::BylineCue, i, b, buf)
                .is_some_and(|c| c.kind() == "photo")
    })
}

/// Whether two lines hold the same text.
fn same_text(doc: &Document<'_>, x: &Feat, y: &Feat) -> bool {
    x.b - x.u == y.b - y.u && (0..x.b - x.u).all(|k| doc.key(x.u + k) == doc.key(y.u + k))
}

/// An outlet's own tag opening a lead: `BHG -`, `(HNM) -`, `VTV.vn -`, `YênBái - YBĐT -`.
/// Returns one past the dash.
fn outlet_tag(doc: &Document<'_>, f: &Feat) -> Option<usize> {
    let (u, b) = (f.u, f.b);
    let mut i = u;
    let limit = b.min(u + 7);
    let mut end = None;
    while i < limit {
        let k = doc.key(i);
        if matches!(k, "-" | "–") && i > u {
            end = Some(i + 1);
            // `YênBái - YBĐT -`: a second tag after the first.
            if i + 2 < limit
                && doc.get(i + 1).is_some_and(|t| t.case == Case::Upper)
                && matches!(doc.key(i + 2), "-" | "–")
            {
                end = Some(i + 3);
            }
            break;
        }
        if !(byline::is_word(doc, i) && doc.token(i).case != Case::Lower
            || matches!(k, "(" | ")" | "." | "/"))
        {
            return None;
        }
        i += 1;
    }
    let end = end?;
    (end < b).then_some(end)
}

/// The caller's text under tokens `a..b`.
fn original(doc: &Document<'_>, a: usize, b: usize) -> String {
    doc.original_text(doc.span(a, b)).to_string()
}

/// Lays out a document: see the [module docs](self).
pub(crate) fn layout(doc: &Document<'_>) -> Article {
    let lines = doc.lines();
    let feats = features(doc);
    let n = lines.len();
    let mut class = vec![LineClass::Body; n];
    let mut art = Article::default();
    let mut buf = String::new();
    let mut chrome: Vec<Span> = Vec::new();

    // Pass 2: local classes.
    let mut metadata = false;
    let mut content = 0usize;
    let mut datelines: Vec<DatelineCand> = Vec::new();
    let mut web = false;
    let mut weak: Vec<usize> = Vec::new();
    for (l, f) in feats.iter().enumerate() {
        if f.blank() {
            class[l] = LineClass::Blank;
            continue;
        }
        // Crawler metadata `# key = value` at the top.
        if content == 0
            && l < HEADER_LINES
            && let Some((key, value)) = super::metadata(doc, lines[l].span, f.a, f.b)
        {
            metadata = true;
            class[l] = LineClass::Metadata;
            if key.eq_ignore_ascii_case("date") && art.published.is_none() {
                art.published = super::iso_from_compact(doc.slice(value));
            } else if key.eq_ignore_ascii_case("title") && art.title.is_none() && !value.is_empty()
            {
                art.title = Some(value);
            }
            continue;
        }
        content += 1;
        if let Some(d) = dateline_line(doc, l, f, &mut buf) {
            class[l] = LineClass::Dateline;
            datelines.push(d);
            continue;
        }
        if let Some((c, strong)) = chrome_class(doc, f, &mut buf) {
            class[l] = c;
            if strong {
                web = true;
            } else {
                weak.push(l);
            }
            continue;
        }
        if breadcrumb(doc, f) {
            class[l] = LineClass::Breadcrumb;
            web = true;
            continue;
        }
        if f.cols >= 2 && f.words <= 8 * (f.cols + 1) {
            class[l] = LineClass::Table;
        }
    }
    let first_content = feats.iter().position(|f| !f.blank()).unwrap_or(n);
    // Is the text a web page? A crawler header, a dateline with a time, a weekday or a byline,
    // a counter, a breadcrumb or a row of links say so; a document that is not one keeps its
    // lines that merely look like chrome (`Địa chỉ:`, `Tìm kiếm`, `Giấy phép …`).
    web |= metadata
        || feats
            .iter()
            .take(30)
            .any(|f| f.body() && outlet_tag(doc, f).is_some())
        || datelines.iter().any(|d| {
            !d.place && (d.stamp.time.is_some() || d.stamp.weekday.is_some() || d.author.is_some())
        });
    // Chrome that only a page shows (contact fields, a lone link or menu word) stays chrome on a
    // web page above the article or next to other chrome; elsewhere it is content (the address
    // in an advertorial, the `Địa chỉ:` field of a form).
    let body_start0 = feats
        .iter()
        .enumerate()
        .position(|(l, f)| class[l] == LineClass::Body && f.body())
        .unwrap_or(n);
    let first_content0 = feats.iter().position(|f| !f.blank()).unwrap_or(n);
    let mut pending = vec![false; n];
    for &l in &weak {
        pending[l] = true;
    }
    let settled = |k: Option<usize>, class: &[LineClass], pending: &[bool]| {
        k.is_some_and(|k| class[k].is_chrome() && !pending[k])
    };
    if web {
        for &l in &weak {
            let prev = (0..l).rev().find(|&k| !feats[k].blank());
            // Above the article: before its first paragraph, with at most one line of text
            // (the site's name) above it; under a headline and an item's heading
            // (`1. Phở Nhớ` / `Địa chỉ: …`) it is the article's.
            let text_above = (first_content0..l)
                .filter(|&k| {
                    !feats[k].blank() && !class[k].is_chrome() && class[k] != LineClass::Dateline
                })
                .take(2)
                .count();
            let top = l < body_start0 && l < first_content0 + 8 && text_above <= 1;
            if top || settled(prev, &class, &pending) {
                pending[l] = false;
            }
        }
        for &l in weak.iter().rev() {
            let next = (l + 1..n).find(|&k| !feats[k].blank());
            if settled(next, &class, &pending) {
                pending[l] = false;
            }
        }
    }
    for l in weak {
        if pending[l] {
            class[l] = if feats[l].cols >= 2 {
                LineClass::Table
            } else {
                LineClass::Body
            };
        }
    }

    // Pass 3: a legal document.
    let legal = if metadata {
        None
    } else {
        legal::parts(doc, &mut buf)
    };
    if let Some(p) = &legal {
        for c in class.iter_mut().take(p.header_end).skip(p.header_first) {
            if !matches!(*c, LineClass::Blank) {
                *c = LineClass::LegalHeader;
            }
        }
        if let Some((t, e)) = p.title {
            for c in class.iter_mut().take(e).skip(t) {
                if !matches!(*c, LineClass::Blank) {
                    *c = LineClass::LegalTitle;
                }
            }
        }
        signature(doc, &feats, &mut class, &mut buf);
    }

    // Pass 4: blocks under related-list and comment headings, groups of counters.
    let body_start = feats
        .iter()
        .enumerate()
        .position(|(l, f)| class[l] == LineClass::Body && f.body())
        .unwrap_or(n);
    blocks(doc, &feats, &mut class, body_start);

    // Pass 5: the header.
    let header_end = legal.as_ref().map_or(n, |p| p.header_first);
    let mut headline: Option<usize> = None;
    let mut title_from = first_content;
    // The crawler's ` date 2025-08-17 Headline` marker line.
    let marker = datelines
        .iter()
        .find(|d| d.marker && d.line == first_content)
        .copied();
    if let Some(m) = marker {
        art.published = Some(m.stamp.iso());
        art.dateline = Some(doc.span(m.stamp.first, m.stamp.end));
        let rest = feats[m.line].b;
        if m.stamp.end < rest {
            art.title = Some(doc.span(m.stamp.end, rest));
            class[m.line] = LineClass::Headline;
            headline = Some(m.line);
        }
        title_from = m.line + 1;
    }
    if art.title.is_none() {
        let found = find_headline(
            doc,
            &feats,
            &mut class,
            title_from,
            header_end.min(n),
            legal.is_some(),
            web,
        );
        headline = found.map(|(h, _)| h);
        if let Some((h, last)) = found {
            let f = &feats[h];
            let mut s = f.u;
            // A widget word glued before the headline (`null Những vấn đề …`).
            while let Some(c) = super::cues::page_cue(doc, s, f.b) {
                if c.kind() != "widget" {
                    break;
                }
                s = c.end;
            }
            art.title = Some(doc.span(s, feats[last].b));
            for c in &mut class[h..=last] {
                *c = LineClass::Headline;
            }
        }
    }
    // Legal documents: the title block, unless the page has its own headline naming it.
    if let Some(p) = &legal {
        let web = headline.filter(|&h| legal_headline(doc, &feats[h], &mut buf));
        if web.is_none() {
            if let Some(h) = headline {
                class[h] = LineClass::Body;
            }
            headline = None;
            art.title = p.title.map(|_| {
                doc.span(
                    p.type_tokens.0,
                    p.summary_tokens.map_or(p.type_tokens.1, |s| s.1),
                )
            });
        }
        art.document = Some(LegalDocument {
            kind: p
                .title
                .map(|_| original(doc, p.type_tokens.0, p.type_tokens.1)),
            summary: p.summary_tokens.map(|(a, b)| original(doc, a, b)),
            signed: None,
        });
    }

    // The dateline.
    let chosen = choose_dateline(
        doc,
        &feats,
        &datelines,
        &mut class,
        headline,
        first_content,
        body_start,
    );
    for d in &datelines {
        if class[d.line] == LineClass::Clock {
            chrome.push(doc.span(feats[d.line].a, feats[d.line].b));
        }
    }
    // A crawler's `# date` header stands; a page's own dateline comes next.
    if (art.published.is_none() || marker.is_none() && !metadata)
        && let Some(d) = chosen
    {
        art.published = Some(d.stamp.iso());
        art.dateline = Some(doc.span(d.stamp.first, d.stamp.end));
        for (a, b) in d.chrome.iter().flatten() {
            chrome.push(doc.span(*a, *b));
        }
        if let Some((a, b)) = d.author {
            art.author = Some(original(doc, a, b));
        }
        // A bare number under the dateline is its view counter (`2991`).
        if let Some(k) = (d.line + 1..n).find(|&k| !feats[k].blank())
            && feats[k].words == 0
            && feats[k].nums == 1
            && feats[k].b - feats[k].a == 1
            && doc.is(feats[k].a, TokenKind::Number)
        {
            class[k] = LineClass::Counter;
        }
    }
    if let Some(p) = &legal {
        let signed = p
            .signed
            .map(|(s, _)| s)
            .or_else(|| issued_field(&datelines))
            .or_else(|| last_place_date(&datelines));
        if let Some(s) = signed {
            if let Some(doc_) = art.document.as_mut() {
                doc_.signed = Some(s.date.to_iso());
            }
            if chosen.is_none_or(|d| d.place || d.cue == Some("issued")) {
                art.published = Some(s.date.to_iso());
                art.dateline = Some(doc.span(s.first, s.end));
            }
        }
    }

    // The byline under the headline, the sapo.
    if legal.is_none() {
        header_byline(doc, &feats, &mut class, &mut art, headline, body_start, web);
    }
    let article_like = metadata || headline.is_some() || chosen.is_some();
    if legal.is_none() {
        closing_byline(doc, &feats, &mut class, &mut art, article_like, &mut buf);
    }
    // Sapo, captions, subheadings.
    finish(doc, &feats, &mut class, headline, legal.is_some(), &mut buf);

    for (l, c) in class.iter().enumerate() {
        if c.is_chrome() {
            chrome.push(doc.span(feats[l].a, feats[l].b));
        }
    }
    art.chrome = chrome;
    art.lines = class;
    art
}

/// Whether a headline above a legal document names it (`Chỉ thị 28/2001/CT-UB`,
/// `Quyết định 44/2025/QĐ-CTUBND phân cấp …`).
fn legal_headline(doc: &Document<'_>, f: &Feat, buf: &mut String) -> bool {
    super::cues::lookup(doc, Lex::LegalCue, f.u, f.b, buf)
        .is_some_and(|c| c.kind() == "type" && c.end < f.b)
        || (f.u..f.b).any(|i| doc.is(i, TokenKind::DocumentCode))
}

/// The first line that reads as a headline, from `from` to `to`, skipping chrome, datelines,
/// section labels and metadata, and off the web the header of a form (issuer and place lines,
/// the form's number, notes in parentheses); `None` when running text, a caption or a credit
/// comes first. The headline's first and last line: a heading goes on over the lines that
/// continue its phrase ([`continues`]).
fn find_headline(
    doc: &Document<'_>,
    feats: &[Feat],
    class: &mut [LineClass],
    from: usize,
    to: usize,
    legal: bool,
    web: bool,
) -> Option<(usize, usize)> {
    let mut buf = String::new();
    let mut seen = 0;
    let mut l = from;
    // The last line skipped as a form's header: a line continuing it is skipped too.
    let mut skipped: Option<usize> = None;
    while l < to {
        let f = &feats[l];
        let c = class[l];
        if c == LineClass::Blank || c.is_chrome() || c == LineClass::Dateline {
            l += 1;
            continue;
        }
        seen += 1;
        if seen > HEADER_LINES {
            return None;
        }
        if !web
            && (form_header(doc, f, &mut buf)
                || skipped.is_some() && form_field(doc, f)
                || skipped == Some(l.wrapping_sub(1))
                    && doc.token(f.u).case == Case::Lower
                    && byline::is_word(doc, f.u))
        {
            skipped = Some(l);
            l += 1;
            continue;
        }
        if !headline_shaped(doc, f, &mut buf) {
            // Fields of a record (`Số hiệu: 65/QĐ-UBND`) or a search box above a document.
            if legal && f.words <= 20 {
                l += 1;
                continue;
            }
            return None;
        }
        // A caption printed twice (`Đoàn Chủ tịch Đại hội.` twice) or with its credit.
        let next = (l + 1..to).find(|&k| !feats[k].blank() && !class[k].is_chrome());
        if let Some(k) = next
            && same_text(doc, f, &feats[k])
            && class[k] != LineClass::Dateline
        {
            let between_chrome = (l + 1..k).any(|m| class[m].is_chrome());
            if !between_chrome && feats[k].a == f.b {
                return None;
            }
        }
        // A name and a dash opening the line (`Trung Quốc - bài toán …`) head a headline when
        // the lead follows; in a run of captions (`Rapper X - Tên thật là …`) they do not.
        if outlet_tag(doc, f).is_some()
            && (l + 1..to)
                .find(|&k| {
                    !feats[k].blank() && !class[k].is_chrome() && class[k] != LineClass::Dateline
                })
                .is_none_or(|k| !feats[k].body())
        {
            return None;
        }
        // A heading wrapped over lines (`Hướng dẫn cách ghi một số nội dung trong` /
        // `phiếu tự kiểm tra …`).
        let mut last = l;
        let mut words = usize::from(f.words);
        while last + 1 < to
            && last < l + 3
            && continues(
                doc,
                &feats[last],
                &feats[last + 1],
                class[last + 1],
                &mut buf,
            )
            && words + usize::from(feats[last + 1].words) <= HEADLINE_WORDS
        {
            last += 1;
            words += usize::from(feats[last].words);
        }
        if last > l {
            return Some((l, last));
        }
        // A section label above the headline: short, no digits, and a longer headline follows.
        if f.words <= 4
            && f.nums == 0
            && detail(doc, f).codes == 0
            && f.cols == 0
            && super::cues::lookup(doc, Lex::LegalCue, f.u, f.b, &mut buf)
                .is_none_or(|c| c.kind() != "type")
            && let Some(k) = next
            && class[k] != LineClass::Dateline
            && feats[k].words > f.words
            && headline_shaped(doc, &feats[k], &mut buf)
            && byline::credit(doc, feats[k].u, feats[k].b, &mut buf).is_none()
            && (web || {
                // Off a web page, only when the headline has its dateline or byline under it.
                let after = (k + 1..to).find(|&m| !feats[m].blank() && !class[m].is_chrome());
                after.is_some_and(|m| {
                    class[m] == LineClass::Dateline
                        || byline::credit(doc, feats[m].u, feats[m].b, &mut buf).is_some()
                })
            })
        {
            class[l] = LineClass::Section;
            l += 1;
            continue;
        }
        // A short line (`Dòng tiền tích cực`) may be a subheading where an excerpt starts: a
        // headline that short needs capitals, a number, chrome above it or its dateline or
        // byline under it.
        if f.words < 6 && f.nums == 0 && {
            let d = detail(doc, f);
            d.upper < f.words && d.codes == 0
        } {
            let prev = (0..l).rev().find(|&k| !feats[k].blank());
            let above =
                prev.is_some_and(|k| class[k].is_chrome() || class[k] == LineClass::Dateline);
            let below = next.is_some_and(|k| {
                class[k] == LineClass::Dateline
                    || byline::credit(doc, feats[k].u, feats[k].b, &mut buf).is_some()
            });
            let apart = web && feats.get(l + 1).is_some_and(|g| g.blank());
            if !(above || below || apart) {
                return None;
            }
        }
        return Some((l, l));
    }
    None
}

/// Whether line `next`, right under heading line `f`, continues its phrase: the heading ends
/// with no punctuation, and the next line opens in lower case and reads as a heading too.
fn continues(
    doc: &Document<'_>,
    f: &Feat,
    next: &Feat,
    class: LineClass,
    buf: &mut String,
) -> bool {
    !next.blank()
        && next.a == f.b
        && f.last == 0
        && f.cols == 0
        && detail(doc, f).colons == 0
        && class == LineClass::Body
        && byline::is_word(doc, next.u)
        && doc.token(next.u).case == Case::Lower
        && headline_shaped(doc, next, buf)
}

/// A line of a form's or report's header, above its heading: an issuer or place line
/// (`UBND HUYỆN CẦN GIỜ`, `THÀNH PHỐ HỒ CHÍ MINH`, `Ban chỉ đạo Chương trình Quốc gia`), a line
/// or cell opening with the form's number (`Mẫu số 21/CKTC-NSH`, `… Biểu A01`), a note in
/// parentheses (`(Kèm theo Quyết định …)`), a rule or a line with no words.
fn form_header(doc: &Document<'_>, f: &Feat, buf: &mut String) -> bool {
    let (u, b) = (f.u, f.b);
    if f.words == 0 || doc.key(u) == "(" {
        return true;
    }
    // The form's number, at the start of the line or of a cell.
    let cell = |i: usize| i == u || doc.token(i).gap == Gap::Column;
    if (u..b).filter(|&i| cell(i)).any(|i| {
        super::cues::lookup(doc, Lex::LegalCue, i, b, buf).is_some_and(|c| {
            c.kind() == "form"
                && c.end < b
                && doc.token(c.end).gap != Gap::Column
                && !(byline::is_word(doc, c.end) && doc.token(c.end).case == Case::Lower)
        })
    }) {
        return true;
    }
    // An issuer or place (alone or in the first cell): an organisation or administrative word,
    // then a proper name, each word capitalised on its first syllable (`Chương trình Quốc gia`,
    // not `họp bàn …`).
    let e = (u + 1..b)
        .find(|&i| doc.token(i).gap == Gap::Column)
        .unwrap_or(b);
    let words = (u..e).filter(|&i| byline::is_word(doc, i)).count();
    if words > 8 || (u..e).any(|i| doc.is(i, TokenKind::Number) || doc.is(i, TokenKind::Date)) {
        return false;
    }
    let Some(h) = doc.hit(u, Lex::OrgWord) else {
        return false;
    };
    if doc.lexicons().entry(&h).kind() == Some("lower") || h.end >= e {
        return false;
    }
    let mut prev_capital = false;
    for i in h.end..e {
        if !byline::is_word(doc, i) {
            return false;
        }
        let lower = doc.token(i).case == Case::Lower;
        if lower && !prev_capital {
            return false;
        }
        prev_capital = !lower;
    }
    true
}

/// A field of a form's header (`1- Đối tượng áp dụng: …`, `Đơn vị: Triệu đồng`): a label of at
/// most five words and a colon.
fn form_field(doc: &Document<'_>, f: &Feat) -> bool {
    let mut words = 0;
    for i in f.u..f.b.min(f.u + 10) {
        match doc.key(i) {
            ":" => return words > 0,
            _ if byline::is_word(doc, i) => words += 1,
            _ => {}
        }
        if words > 5 {
            return false;
        }
    }
    false
}

/// Whether a line reads as a headline: one sentence of at most [`HEADLINE_WORDS`] words, not
/// ending with a full stop, a colon or a comma, not a caption, not a lead opening with an
/// outlet's tag.
fn headline_shaped(doc: &Document<'_>, f: &Feat, buf: &mut String) -> bool {
    if f.words == 0
        || usize::from(f.words) > HEADLINE_WORDS
        || doc.span(f.u, f.b).len() > HEADLINE_BYTES
        || matches!(f.last, b'.' | b':' | b',' | b';')
        || f.cols >= 2
    {
        return false;
    }
    // A date stamp (one whose weekday is wrong is no dateline either).
    if f.datey && f.nums >= f.words {
        return false;
    }
    let d = detail(doc, f);
    if d.inner_stop || d.colons >= 2 {
        return false;
    }
    // A lone code or abbreviation (a table's `STT`) names nothing.
    if f.words == 1 && d.syll == 0 && f.nums == 0 {
        return false;
    }
    // The heading of a table of contents, a table's header cell (`Số TT`).
    if super::cues::lookup(doc, Lex::LegalCue, f.u, f.b, buf)
        .is_some_and(|c| matches!(c.kind(), "contents" | "column") && c.end == f.b)
    {
        return false;
    }
    if photo_credit(doc, f.u, f.b, buf)
        || outlet_tag(doc, f).is_some_and(|e| tag_marked(doc, f.u, e) || f.words < 6)
    {
        return false;
    }
    true
}

/// Whether the words before an outlet tag's dash (tokens `u..e`) are written as an outlet's
/// mark (`BHG -`, `(HNM) -`, `VTV.vn -`, `YênBái - YBĐT -`): in capitals, in parentheses, as a
/// web address or glued, not a name in title case opening a headline (`Trung Quốc - bài toán
/// …`, `Man Utd - Arsenal: …`).
fn tag_marked(doc: &Document<'_>, u: usize, e: usize) -> bool {
    (u..e).any(|i| {
        matches!(doc.key(i), "(" | ")" | ".")
            || doc.is(i, TokenKind::Abbreviation)
            || doc.get(i).is_some_and(|t| t.case == Case::Upper)
            || i > u && byline::is_word(doc, i) && doc.token(i).gap == Gap::None
    })
}

/// Chooses the dateline among the candidates: a labelled one, one with a byline, one under the
/// headline; a weekday-and-date line above the headline (or at the very top) with no time
/// after the date is the page's clock, and so is a time written before a weekday with a zone.
fn choose_dateline(
    doc: &Document<'_>,
    feats: &[Feat],
    cands: &[DatelineCand],
    class: &mut [LineClass],
    headline: Option<usize>,
    first_content: usize,
    body_start: usize,
) -> Option<DatelineCand> {
    let _ = doc;
    let mut best: Option<(i32, DatelineCand)> = None;
    // Candidates in the header (up to a few lines past the lead) and labelled or bylined ones
    // anywhere (a closing `Minh Anh - 09:12, 16/04/2020`).
    let lead_end = (body_start + 3).min(feats.len());
    for d in cands {
        if d.marker || class[d.line] != LineClass::Dateline {
            continue;
        }
        let s = &d.stamp;
        let above = headline.is_some_and(|h| d.line < h);
        let clock = d.cue.is_none()
            && d.author.is_none()
            && !d.place
            && s.weekday.is_some()
            && (above || d.line == first_content || headline.is_none())
            && (s.time.is_none() || s.time_first && s.zone);
        if clock {
            class[d.line] = LineClass::Clock;
            continue;
        }
        if d.cue == Some("other") {
            continue;
        }
        let in_header = d.line < lead_end;
        if !in_header && d.cue.is_none() && d.author.is_none() {
            continue;
        }
        if d.place {
            // A legal document's date: read with the document.
            continue;
        }
        // A bare date (no label, byline, time or weekday) is the dateline only right under the
        // headline or at the top, not a date among a table's cells further down.
        if d.cue.is_none() && d.author.is_none() && s.time.is_none() && s.weekday.is_none() {
            let anchor = headline.unwrap_or(first_content);
            let between = (anchor.min(d.line) + 1..d.line.max(anchor))
                .filter(|&k| !feats[k].blank() && !class[k].is_chrome())
                .count();
            if between > 2 {
                continue;
            }
        }
        let mut score = 0;
        score += match d.cue {
            Some("published") => 4,
            Some("updated") => 2,
            Some("issued") => 1,
            _ => 0,
        };
        if d.author.is_some() {
            score += 2;
        }
        if s.time.is_some() {
            score += 1;
        }
        if headline.is_some_and(|h| d.line > h) {
            score += 2;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, *d));
        }
    }
    best.map(|(_, d)| d)
}

/// A legal-database field `Ngày ban hành: 11/01/2024`.
fn issued_field(cands: &[DatelineCand]) -> Option<Stamp> {
    cands
        .iter()
        .find(|d| d.cue == Some("issued"))
        .map(|d| d.stamp)
}

/// The last place-and-date line (a signature block's date).
fn last_place_date(cands: &[DatelineCand]) -> Option<Stamp> {
    cands.iter().rev().find(|d| d.place).map(|d| d.stamp)
}

/// Marks the signature block of a legal document: from a line opening with `TM.`, `KT.`,
/// `TL.` or `Nơi nhận`, the short lines after it.
fn signature(doc: &Document<'_>, feats: &[Feat], class: &mut [LineClass], buf: &mut String) {
    let mut in_block = false;
    for (l, f) in feats.iter().enumerate() {
        if f.blank() {
            continue;
        }
        if !in_block && !f.legal {
            continue;
        }
        let cue = (f.u..f.b)
            .filter(|&i| doc.has(i, Lex::LegalCue))
            .filter(|&i| i == f.u || doc.token(i).gap == Gap::Column)
            .any(|i| {
                super::cues::lookup(doc, Lex::LegalCue, i, f.b, buf).is_some_and(|c| {
                    c.kind() == "signature"
                        && (c.entry.phrase().ends_with('.')
                            || matches!(doc.key(c.end), "." | ":" | ")"))
                })
            });
        if cue {
            in_block = true;
        } else if in_block && (f.body() || f.words > 12) {
            in_block = false;
        }
        if in_block && matches!(class[l], LineClass::Body | LineClass::Table) {
            class[l] = LineClass::LegalSignature;
        }
    }
}

/// Related lists and comment boxes run on under their heading (after the article has started);
/// weak counters next to other counters are counters.
fn blocks(doc: &Document<'_>, feats: &[Feat], class: &mut [LineClass], body_start: usize) {
    let n = feats.len();
    let mut l = 0;
    while l < n {
        match class[l] {
            LineClass::RelatedList | LineClass::Comments if l > body_start => {
                let kind = class[l];
                let mut k = l + 1;
                let mut after_stamp = false;
                while k < n {
                    let f = &feats[k];
                    let c = class[k];
                    if f.blank() {
                        k += 1;
                        continue;
                    }
                    if c.is_chrome() && c != LineClass::Section {
                        after_stamp = false;
                        k += 1;
                        continue;
                    }
                    if c == LineClass::Dateline {
                        class[k] = kind;
                        after_stamp = true;
                        k += 1;
                        continue;
                    }
                    let teaser = after_stamp && f.words <= 60;
                    let short = f.words <= 30 && !f.body() || f.words == 0;
                    if matches!(c, LineClass::Body | LineClass::Table) && (teaser || short) {
                        class[k] = kind;
                        after_stamp = false;
                        k += 1;
                        continue;
                    }
                    break;
                }
                l = k;
            }
            _ => l += 1,
        }
    }
    // Weak counters (`Tháng 3 : 42.118`) next to a counter.
    for l in 0..n {
        if class[l] != LineClass::Body && class[l] != LineClass::Table {
            continue;
        }
        let f = &feats[l];
        if !weak_counter_shape(doc, f) || counter_kind(doc, f.u, f.b) != Some(CounterKind::Weak) {
            continue;
        }
        let near = |k: usize| class.get(k).is_some_and(|c| *c == LineClass::Counter);
        let prev = (0..l).rev().find(|&k| !feats[k].blank());
        let next = (l + 1..n).find(|&k| !feats[k].blank());
        if prev.is_some_and(near) || next.is_some_and(near) {
            class[l] = LineClass::Counter;
        }
    }
    // Again downwards, for runs that start with weak counters.
    for l in (0..n).rev() {
        if class[l] != LineClass::Body && class[l] != LineClass::Table {
            continue;
        }
        let f = &feats[l];
        if weak_counter_shape(doc, f)
            && counter_kind(doc, f.u, f.b) == Some(CounterKind::Weak)
            && (l + 1..n)
                .find(|&k| !feats[k].blank())
                .is_some_and(|k| class[k] == LineClass::Counter)
        {
            class[l] = LineClass::Counter;
        }
    }
}

/// The byline under the headline (before the lead): a name line, and the affiliation or grade
/// line under it.
fn header_byline(
    doc: &Document<'_>,
    feats: &[Feat],
    class: &mut [LineClass],
    art: &mut Article,
    headline: Option<usize>,
    body_start: usize,
    web: bool,
) {
    let Some(h) = headline else {
        return;
    };
    let buf = &mut String::new();
    let mut seen = 0;
    let mut l = h + 1;
    while l < feats.len() && seen < 5 {
        let f = &feats[l];
        let c = class[l];
        if f.blank()
            || c.is_chrome()
            || c == LineClass::Dateline
            || c == LineClass::Clock
            || c == LineClass::Headline
        {
            l += 1;
            continue;
        }
        if same_text(doc, f, &feats[h]) {
            class[l] = LineClass::Headline;
            l += 1;
            continue;
        }
        seen += 1;
        if f.body() || l >= body_start && f.words > 12 {
            return;
        }
        if let Some(cr) = byline::credit(doc, f.u, f.b, buf) {
            match cr.kind {
                CreditKind::Author => {
                    if art.author.is_none() {
                        art.author = Some(original(doc, cr.first, cr.end));
                    }
                    class[l] = LineClass::Byline;
                    // The author's unit or grade on the next line.
                    if let Some(k) = (l + 1..feats.len()).find(|&k| !feats[k].blank())
                        && class[k] == LineClass::Body
                        && !feats[k].body()
                        && feats[k].words <= 10
                        && outlet_tag(doc, &feats[k]).is_none()
                    {
                        class[k] = LineClass::Byline;
                        l = k;
                    }
                }
                CreditKind::Source => {
                    art.credit
                        .get_or_insert_with(|| original(doc, cr.first, cr.end));
                    class[l] = LineClass::Credit;
                }
                CreditKind::Photo => class[l] = LineClass::Caption,
            }
        } else if !web {
            // Off the web the byline stands right under the headline (and its dateline): under
            // a form's heading come its notes and column labels (`QUYẾT TOÁN`), no names.
            return;
        }
        l += 1;
    }
}

/// The end of the article: a closing byline (`Hiền Thu`, `Tin, ảnh: Minh Nguyên`), a credit
/// (`Theo TTXVN`), or a name closing the last paragraph (`… hải sản. Hữu Toàn`); labelled
/// author lines anywhere (`Tác giả: Lương Thủy`).
fn closing_byline(
    doc: &Document<'_>,
    feats: &[Feat],
    class: &mut [LineClass],
    art: &mut Article,
    article_like: bool,
    buf: &mut String,
) {
    // Labelled author lines anywhere outside chrome.
    for (l, f) in feats.iter().enumerate() {
        if art.author.is_some() {
            break;
        }
        if class[l] != LineClass::Body || f.words > 14 || f.blank() {
            continue;
        }
        if let Some(cr) = byline::credit(doc, f.u, f.b, buf)
            && cr.labelled
            && cr.kind == CreditKind::Author
        {
            art.author = Some(original(doc, cr.first, cr.end));
            class[l] = LineClass::Byline;
        }
    }
    // From the end: skip chrome and lines with no words.
    let mut taken = 0;
    for l in (0..feats.len()).rev() {
        let f = &feats[l];
        let c = class[l];
        if f.blank() || c.is_chrome() || c == LineClass::Clock {
            continue;
        }
        if c == LineClass::Byline && art.author.is_some() || detail(doc, f).syll == 0 {
            if c == LineClass::Byline {
                return;
            }
            continue;
        }
        if !matches!(c, LineClass::Body | LineClass::Table | LineClass::Dateline) {
            return;
        }
        taken += 1;
        if taken > 3 {
            return;
        }
        if let Some(cr) = byline::credit(doc, f.u, f.b, buf) {
            match cr.kind {
                CreditKind::Source => {
                    art.credit
                        .get_or_insert_with(|| original(doc, cr.first, cr.end));
                    class[l] = LineClass::Credit;
                    continue;
                }
                CreditKind::Author if cr.labelled || article_like => {
                    if art.author.is_none() {
                        art.author = Some(original(doc, cr.first, cr.end));
                    }
                    if let Some((s, e)) = cr.also {
                        art.credit.get_or_insert_with(|| original(doc, s, e));
                    }
                    class[l] = LineClass::Byline;
                    return;
                }
                _ => return,
            }
        }
        // A name closing the last paragraph: `… hải sản. Hữu Toàn`.
        if article_like && f.words >= 8 && art.author.is_none() {
            let last = f.b - 1;
            let s = doc.sentences()[doc.sentence_of(last)].clone();
            if s.start > f.u
                && s.start < f.b
                && doc.token(s.start).gap == Gap::Space
                && let Some(cr) = byline::credit(doc, s.start, f.b, buf)
                && cr.kind == CreditKind::Author
                && !cr.labelled
            {
                art.author = Some(original(doc, cr.first, cr.end));
            }
        }
        return;
    }
}

/// The remaining classes: the sapo (the lead under the header), captions (a line printed twice,
/// a line ending with a photo credit), subheadings (short lines between paragraphs).
fn finish(
    doc: &Document<'_>,
    feats: &[Feat],
    class: &mut [LineClass],
    headline: Option<usize>,
    legal: bool,
    buf: &mut String,
) {
    let n = feats.len();
    let mut sapo_done = headline.is_none() || legal;
    for l in 0..n {
        if class[l] != LineClass::Body {
            continue;
        }
        let f = &feats[l];
        if !sapo_done && headline.is_some_and(|h| l > h) && f.body() {
            class[l] = LineClass::Sapo;
            sapo_done = true;
            continue;
        }
        let next = (l + 1..n).find(|&k| !feats[k].blank());
        if next.is_some_and(|k| same_text(doc, f, &feats[k]) && class[k] == LineClass::Body)
            || f.credit && photo_credit(doc, f.u, f.b, buf)
        {
            class[l] = LineClass::Caption;
            if let Some(k) = next
                && same_text(doc, f, &feats[k])
            {
                class[k] = LineClass::Caption;
            }
            continue;
        }
        if !f.body()
            && f.words > 0
            && f.words <= 15
            && f.last == 0
            && f.cols == 0
            && !(f.datey && f.nums >= f.words)
        {
            class[l] = LineClass::Subheading;
        }
    }
}
