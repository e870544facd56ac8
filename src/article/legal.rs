//! The layout of a legal or administrative document (thể thức văn bản): the header (issuer,
//! quốc hiệu and tiêu ngữ, number, place and date), the title block (tên loại + trích yếu:
//! `QUYẾT ĐỊNH` / `Về việc …`), the preamble (`Căn cứ …`) and the signature block (`TM.`,
//! `KT. CHỦ TỊCH`, `Nơi nhận`).

use super::cues;
use super::datetime::{self, Stamp};
use crate::document::{Case, Document, Gap, Line};
use crate::lexicon::Lex;
use crate::tokenize::TokenKind;

/// How many non-blank lines from the top the header of a legal document may take.
const HEADER_LINES: usize = 40;

/// How many lines the trích yếu may take.
const SUMMARY_LINES: usize = 6;

/// The parts of a legal document found in a text.
#[derive(Debug, Clone, Default)]
pub(crate) struct LegalParts {
    /// The first line of the header.
    pub header_first: usize,
    /// One past the header's last line (the title block or the preamble starts there).
    pub header_end: usize,
    /// The title block: the type line, and one past the summary's last line.
    pub title: Option<(usize, usize)>,
    /// Tokens of the type name (`QUYẾT ĐỊNH`), and of the title block (type to summary).
    pub type_tokens: (usize, usize),
    /// Tokens of the summary (trích yếu), when there is one.
    pub summary_tokens: Option<(usize, usize)>,
    /// The signing date from the place-and-date line of the header, and its line.
    pub signed: Option<(Stamp, usize)>,
}

/// Where cells start in line `l`: its first token and the tokens after a column gap or a `|`.
fn cell_starts(doc: &Document<'_>, line: &Line) -> impl Iterator<Item = usize> {
    let (a, b) = (line.tokens.start, line.tokens.end);
    (a..b).filter(move |&i| {
        i == a || doc.token(i).gap == Gap::Column || (doc.key(i - 1) == "|" && doc.key(i) != "|")
    })
}

/// The end of line `l + 1` (or of `l` when it is the last): a phrase of the header may be
/// wrapped once (`CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`).
fn wrapped_end(lines: &[Line], l: usize) -> usize {
    lines
        .get(l + 1)
        .filter(|n| !n.tokens.is_empty())
        .map_or(lines[l].tokens.end, |n| n.tokens.end)
}

/// Whether the line is all capitals (its words, at least one).
pub(crate) fn upper_line(doc: &Document<'_>, a: usize, b: usize) -> bool {
    let mut words = 0;
    for i in a..b {
        let t = doc.token(i);
        if super::byline::is_word(doc, i) {
            if t.case == Case::Lower || t.case == Case::Title && doc.text_of(i).chars().count() > 1
            {
                return false;
            }
            words += 1;
        }
    }
    words > 0
}

/// A place-and-date line or cell (`Hà Nội, ngày 19 tháng 05 năm 2011`,
/// `TP.Hồ Chí Minh, ngày 23 tháng 10 năm 2001`): the stamp, when tokens `a..b` hold one whose
/// date follows `ngày` after a capitalised place and a comma.
pub(crate) fn place_date(
    doc: &Document<'_>,
    a: usize,
    b: usize,
    buf: &mut String,
) -> Option<Stamp> {
    let s = datetime::stamps(doc, a, b, buf).into_iter().next()?;
    place_before(doc, a, b, &s).then_some(s)
}

/// Whether stamp `s` of tokens `a..b` follows `ngày` after a capitalised place and a comma,
/// with only another cell before the place and separators after the date.
pub(crate) fn place_before(doc: &Document<'_>, a: usize, b: usize, s: &Stamp) -> bool {
    if doc.key(s.first) != "ngày" || s.first < a + 2 || doc.key(s.first - 1) != "," {
        return false;
    }
    // The place: one to seven capitalised words or abbreviations (a wrapped place may start on
    // the line before), in the same cell.
    let mut p = s.first - 1;
    let mut words = 0;
    while p > a {
        let t = doc.token(p - 1);
        if super::byline::is_word(doc, p - 1) || matches!(doc.key(p - 1), "." | "-") {
            words += usize::from(super::byline::is_word(doc, p - 1));
            p -= 1;
            if t.gap == Gap::Column || t.gap.breaks_line() || words > 7 {
                break;
            }
        } else {
            break;
        }
    }
    // The place starts with a capital (`Hà Nội`, `Hà nội`, `TP.Hồ Chí Minh`).
    while p < s.first && !(super::byline::is_word(doc, p) && doc.token(p).case != Case::Lower) {
        p += 1;
        words = words.saturating_sub(1);
    }
    if words == 0 || words > 7 || p >= s.first {
        return false;
    }
    // Nothing but another cell (or a document number) before the place, nothing but
    // separators after the date.
    if p > a
        && !(doc.token(p).gap == Gap::Column
            || doc.token(p).gap.breaks_line()
            || doc.key(p - 1) == "|"
            || matches!(
                doc.token(p - 1).kind,
                crate::tokenize::TokenKind::DocumentCode
            ))
    {
        return false;
    }
    if (s.end..b).any(|i| !matches!(doc.key(i), "|" | "." | ",")) {
        return false;
    }
    true
}

/// Finds the parts of a legal document: the quốc hiệu or tiêu ngữ (or a Party document's
/// heading) in the first lines, then the place-and-date line and the title block after it.
/// Returns `None` when the text is not laid out as one.
pub(crate) fn parts(doc: &Document<'_>, buf: &mut String) -> Option<LegalParts> {
    let lines = doc.lines();
    // The motto.
    let mut motto: Option<usize> = None;
    let mut seen = 0;
    for (l, line) in lines.iter().enumerate() {
        if line.tokens.is_empty() {
            continue;
        }
        seen += 1;
        if seen > HEADER_LINES {
            break;
        }
        let end = wrapped_end(lines, l);
        // The motto's first word, anywhere on the line (flattened headers put it after the
        // issuer with a single space).
        // A heading line: short, no sentence in it.
        let (a, b) = (line.tokens.start, line.tokens.end);
        let words = (a..b).filter(|&i| super::byline::is_word(doc, i)).count();
        if words > 16 || (a..b).any(|i| matches!(doc.key(i), "." | ";" | "?" | "!") && i + 1 < b) {
            continue;
        }
        // Mid-line only the quốc hiệu and tiêu ngữ; the Party's name and the old state's name
        // head a line or a cell (`CHỦ TỊCH NƯỚC VIỆT NAM DÂN CHỦ CỘNG HOÀ` names an issuer).
        let starts: Vec<usize> = cell_starts(doc, line).collect();
        if (a..b)
            .filter(|&i| {
                matches!(doc.key(i), "cộng" | "độc")
                    || matches!(doc.key(i), "đảng" | "việt") && starts.contains(&i)
            })
            .any(|i| {
                cues::lookup(doc, Lex::LegalCue, i, end, buf).is_some_and(|c| c.kind() == "motto")
            })
        {
            motto = Some(l);
            break;
        }
    }
    let Some(motto) = motto else {
        return heading_only(doc, buf);
    };
    let mut parts = LegalParts {
        header_end: motto + 1,
        ..LegalParts::default()
    };
    // The header starts at the issuer's lines above the motto: the first non-blank line after
    // the previous blank-separated block of text that is not header-like.
    let mut first = motto;
    while first > 0 {
        let prev = &lines[first - 1];
        if prev.tokens.is_empty() {
            // A blank line: the header goes on only if the block above is short capitals or
            // separators (`ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\n-------`).
            let above = lines[..first - 1]
                .iter()
                .rposition(|l| !l.tokens.is_empty());
            match above {
                Some(k) if header_like(doc, &lines[k]) => first = k,
                _ => break,
            }
        } else if header_like(doc, prev) {
            first -= 1;
        } else {
            break;
        }
    }
    parts.header_first = first;
    // After the motto: number, place and date, then the title block.
    let mut l = motto + 1;
    let mut after = 0;
    while l < lines.len() && after < 12 {
        let line = &lines[l];
        let (a, b) = (line.tokens.start, line.tokens.end);
        if a == b {
            l += 1;
            continue;
        }
        after += 1;
        if parts.signed.is_none() {
            for c in cell_starts(doc, line).collect::<Vec<_>>() {
                let cell_end = (c + 1..b)
                    .find(|&i| doc.token(i).gap == Gap::Column || doc.key(i) == "|")
                    .unwrap_or(b);
                if let Some(s) = place_date(doc, c, cell_end, buf)
                    && s.weekday_agrees()
                {
                    parts.signed = Some((s, l));
                    break;
                }
            }
        }
        if let Some(c) = cues::lookup(doc, Lex::LegalCue, a, b, buf) {
            match c.kind() {
                "type" if title_type(doc, a, c.end, b) => {
                    parts.type_tokens = (a, c.end);
                    let end = summary(doc, lines, l, buf);
                    parts.title = Some((l, end));
                    if end > l + 1 {
                        let s = lines[l + 1..end]
                            .iter()
                            .find(|x| !x.tokens.is_empty())
                            .map_or(a, |x| x.tokens.start);
                        let e = lines[end - 1].tokens.end;
                        parts.summary_tokens = Some((s, e));
                    } else if c.end < b {
                        parts.summary_tokens = Some((c.end, b));
                    }
                    parts.header_end = l;
                    return Some(parts);
                }
                "preamble" => {
                    parts.header_end = l;
                    return Some(parts);
                }
                _ => {}
            }
        }
        parts.header_end = l + 1;
        l += 1;
    }
    Some(parts)
}

/// A document without quốc hiệu that opens with its title block (`Nghị định\ncủa Chính phủ số
/// 94/1998/NĐ-CP ngày 17 tháng 11 năm 1998\nQuy định …`), after at most four issuer and number lines: the
/// title block, and the date written in it as the signing date.
fn heading_only(doc: &Document<'_>, buf: &mut String) -> Option<LegalParts> {
    let lines = doc.lines();
    let mut seen = 0;
    for (l, line) in lines.iter().enumerate() {
        let (a, b) = (line.tokens.start, line.tokens.end);
        if a == b {
            continue;
        }
        seen += 1;
        if seen > 5 {
            return None;
        }
        if let Some(c) = cues::lookup(doc, Lex::LegalCue, a, b, buf)
            && c.kind() == "type"
            && title_type(doc, a, c.end, b)
        {
            let end = summary(doc, lines, l, buf);
            let mut parts = LegalParts {
                header_first: l,
                header_end: l,
                title: Some((l, end)),
                type_tokens: (a, c.end),
                ..LegalParts::default()
            };
            let last = lines[end - 1].tokens.end;
            parts.summary_tokens = if end > l + 1 {
                lines[l + 1..end]
                    .iter()
                    .find(|x| !x.tokens.is_empty())
                    .map(|x| (x.tokens.start, last))
            } else {
                (c.end < b).then_some((c.end, b))
            };
            parts.signed = datetime::stamps(doc, a, last, buf)
                .into_iter()
                .find(|s| doc.key(s.first) == "ngày" && s.weekday_agrees())
                .map(|s| (s, doc.line_of(s.first)));
            return Some(parts);
        }
        // An issuer line above: `Chính phủ`, `BỘ TÀI CHÍNH`.
        let words = (a..b).filter(|&i| super::byline::is_word(doc, i)).count();
        let issuer = words <= 6
            && (a..b).all(|i| super::byline::is_word(doc, i))
            && doc.token(a).case != Case::Lower;
        if !(header_like(doc, line) || issuer) {
            return None;
        }
    }
    None
}

/// A line of the issuer block above the quốc hiệu: short capitals (`ỦY BAN NHÂN DÂN`), a rule
/// (`-------`, `***`), a number line, a table pipe.
fn header_like(doc: &Document<'_>, line: &Line) -> bool {
    let (a, b) = (line.tokens.start, line.tokens.end);
    if b - a > 12 {
        return false;
    }
    let words = (a..b).filter(|&i| super::byline::is_word(doc, i)).count();
    // `Số: 991/QĐ-UBND`: the number line.
    let number = doc.key(a) == "số" && (a..b).any(|i| doc.is(i, TokenKind::DocumentCode));
    words == 0 || number || upper_line(doc, a, b) && words <= 10
}

/// Whether the type name at `a..type_end` heads a title block: alone on its line, followed by
/// `của` and the issuer, or on a line in capitals; not the enacting word (`QUYẾT ĐỊNH:`).
fn title_type(doc: &Document<'_>, a: usize, type_end: usize, b: usize) -> bool {
    if doc.key(type_end) == ":" {
        return false;
    }
    type_end == b || doc.key(type_end) == "của" || upper_line(doc, a, b) && b - a <= 30
}

/// One past the last line of the trích yếu after the type line `l`: the next paragraph (after
/// any blank lines), cut where the preamble or the issuer starts, where capitals end
/// when it is in capitals, or at a rule.
fn summary(doc: &Document<'_>, lines: &[Line], l: usize, buf: &mut String) -> usize {
    let mut k = l + 1;
    let mut taken = 0;
    let mut upper: Option<bool> = None;
    let mut end = l + 1;
    while k < lines.len() && taken < SUMMARY_LINES {
        let line = &lines[k];
        let (a, b) = (line.tokens.start, line.tokens.end);
        if a == b {
            // Blank lines may stand between the type name and the trích yếu, not inside it.
            if taken > 0 {
                break;
            }
            k += 1;
            continue;
        }
        let words = (a..b).filter(|&i| super::byline::is_word(doc, i)).count();
        if words == 0 {
            if (a..b).all(|i| doc.key(i) == "|") {
                k += 1;
                continue;
            }
            break;
        }
        if let Some(c) = cues::lookup(doc, Lex::LegalCue, a, b, buf)
            && matches!(c.kind(), "preamble" | "motto" | "signature")
        {
            break;
        }
        let up = upper_line(doc, a, b);
        // A trích yếu keeps its case: capitals end where sentence case starts (and the
        // issuer's name in capitals under a sentence-case one is not part of it).
        match upper {
            None => upper = Some(up),
            Some(u) if u != up => break,
            _ => {}
        }
        // After a blank line, a paragraph that ends like a sentence is the body, not a summary.
        if taken == 0 && matches!(doc.key(b - 1), ":" | ";") {
            break;
        }
        taken += 1;
        k += 1;
        end = k;
    }
    end
}
