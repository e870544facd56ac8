//! Ethnic groups (dân tộc): the 54 officially recognised groups, found after a trigger word.
//!
//! Many group names are also ordinary words or names (Dao "knife", Hoa "flower", Kinh "capital",
//! Mảng "area", Cống "culvert", Chăm in `chăm sóc`, Thái in `Thái Bình`), so a name counts only
//! after a trigger (`dân tộc`, `người`, `đồng bào`, `bà con`, `tộc người`, `các dân tộc:`), written
//! with a capital letter, and not followed by a capitalised word (`người Việt Nam`, `Thái Lan`,
//! `Mường Tè` are not mentions). A trigger carries over a list: `dân tộc Mông, Dao và Thái`.
//! Spelling variants (`H'Mông`, `Hmông`, `Mèo` → Mông; `Khơ-me` → Khmer; `Ê-đê` → Ê Đê) are
//! reported under the canonical name of `data/ethnic/groups.tsv`.
//!
//! ```
//! let g = vntext::ethnic::find_ethnic_groups("đồng bào dân tộc H'Mông, Dao và Thái; người Mông");
//! assert_eq!(g[0].name, "Mông");
//! assert_eq!(g[0].mentions, 2);
//! assert_eq!(g[1].name, "Dao");
//! assert_eq!(g[2].name, "Thái");
//! ```

use std::sync::LazyLock;

use crate::stats::table::rows;
use crate::stats::text::{boundary_after, boundary_before, lc, match_ci, skip_ws, word_at};

/// An ethnic group mentioned in a text, with its mention count.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EthnicGroupMentions {
    /// The group's official name (`Mông`).
    pub name: String,
    /// How many times it is mentioned.
    pub mentions: usize,
    /// Byte spans of the mentions (of the group name).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Vec::is_empty", default)
    )]
    pub spans: Vec<crate::Span>,
}

/// One of the 54 groups (dân tộc) with its GSO code (mã dân tộc) and spellings.
///
/// ```
/// let all = vntext::ethnic::ethnic_groups();
/// assert_eq!(all.len(), 54);
/// assert!(all.iter().any(|g| g.name == "Mông" && g.code == 8));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EthnicGroup {
    /// GSO statistical code 1..=54.
    pub code: u8,
    /// Canonical name (`Mông`).
    pub name: String,
    /// Spellings recognised in text, the canonical one included (`H'Mông`, `Hmông`, `Mèo`).
    pub variants: Vec<String>,
}

static GROUPS: LazyLock<Vec<EthnicGroup>> = LazyLock::new(|| {
    rows(include_str!("../data/ethnic/groups.tsv"))
        .filter_map(|r| {
            Some(EthnicGroup {
                code: r.first()?.parse().ok()?,
                name: r.get(1)?.to_string(),
                variants: r.get(2)?.split(',').map(|v| v.trim().to_string()).collect(),
            })
        })
        .collect()
});

/// (lower-case variant, group index), longest first.
static VARIANTS: LazyLock<Vec<(String, usize)>> = LazyLock::new(|| {
    let mut v: Vec<(String, usize)> = GROUPS
        .iter()
        .enumerate()
        .flat_map(|(k, g)| {
            g.variants
                .iter()
                .map(move |s| (s.chars().map(lc).collect(), k))
        })
        .collect();
    v.sort_by_key(|e| std::cmp::Reverse(e.0.chars().count()));
    v
});

/// Words after which a capitalised group name is a mention.
const TRIGGERS: &[&str] = &[
    "đồng bào dân tộc",
    "các dân tộc",
    "dân tộc thiểu số",
    "dân tộc",
    "tộc người",
    "đồng bào",
    "bà con",
    "người",
];

/// The 54 groups of the embedded table, in GSO code order.
///
/// ```
/// assert_eq!(vntext::ethnic::ethnic_groups()[0].name, "Kinh");
/// ```
pub fn ethnic_groups() -> &'static [EthnicGroup] {
    &GROUPS
}

/// Bytes that can start a trigger word: `d`, `c`, `t`, `b`, `n` in either case and the lead
/// byte 0xC4 of `Đ`/`đ`.
static TRIGGER_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let first = b"dDcCtTbBnN\xC4";
    let mut k = 0;
    while k < first.len() {
        t[first[k] as usize] = true;
        k += 1;
    }
    t
};

/// Matches a variant at `p`: spaces and hyphens in the variant match any run of spaces/hyphens,
/// apostrophes match `'`, `’` or `‘`; the text must start with a capital letter.
/// `Việt` (for Kinh) only counts after `dân tộc`: `người Việt` usually means Vietnamese nationals.
fn variant_at(t: &str, p: usize, after_dan_toc: bool) -> Option<(usize, usize)> {
    let first = t.get(p..)?.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    'outer: for (v, g) in VARIANTS.iter() {
        if !after_dan_toc && v == "việt" {
            continue;
        }
        let rest = &t[p..];
        let mut it = rest.char_indices().peekable();
        for vc in v.chars() {
            let Some((_, c)) = it.next() else {
                continue 'outer;
            };
            if vc == ' ' || vc == '-' {
                if !matches!(c, ' ' | '-' | '–') {
                    continue 'outer;
                }
                while let Some(&(_, c2)) = it.peek() {
                    if matches!(c2, ' ' | '-' | '–') {
                        it.next();
                    } else {
                        break;
                    }
                }
            } else if vc == '\'' {
                if !matches!(c, '\'' | '’' | '‘') {
                    continue 'outer;
                }
            } else if lc(c) != vc {
                continue 'outer;
            }
        }
        let end = it.peek().map_or(t.len(), |&(k, _)| p + k);
        if !boundary_after(t, end) {
            continue;
        }
        // `người Việt Nam`, `Thái Lan`, `Mường Tè`: a capitalised word follows
        let q = skip_ws(t, end);
        if q == end + 1 && t[q..].chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        return Some((*g, end));
    }
    None
}

/// Finds the ethnic groups mentioned in `text`, in order of first mention.
///
/// ```
/// let found = vntext::ethnic::find_ethnic_groups("đồng bào dân tộc Mông");
/// assert_eq!(found[0].name, "Mông");
/// assert!(vntext::ethnic::find_ethnic_groups("công tác chăm sóc, mảng Dao").is_empty());
/// ```
pub fn find_ethnic_groups(text: &str) -> Vec<EthnicGroupMentions> {
    let mut out: Vec<EthnicGroupMentions> = Vec::new();
    let mut index: Vec<Option<usize>> = vec![None; GROUPS.len()];
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // skip to a byte that can start a trigger word
        while i < b.len() && !TRIGGER_FIRST[usize::from(b[i])] {
            i += 1;
        }
        if i + 1 >= b.len() {
            break;
        }
        let c = b[i];
        // two-byte prefilter (lower-cased first byte, exact second byte; Đ/đ differ in bit 0),
        // checked before the (decoding) word-boundary test
        let (c0, c1) = if c == 0xC4 {
            (c, b[i + 1] | 1)
        } else {
            (c.to_ascii_lowercase(), b[i + 1])
        };
        if !TRIGGERS.iter().any(|tw| {
            let tb = tw.as_bytes();
            tb[0] == c0 && tb[1] == c1
        }) || !boundary_before(text, i)
        {
            i += 1;
            continue;
        }
        let mut trig_end = None;
        for tw in TRIGGERS {
            let tb = tw.as_bytes();
            if tb[0] != c0 || tb[1] != c1 {
                continue;
            }
            if let Some(e) = word_at(text, i, tw) {
                trig_end = Some((e, tw.contains("dân tộc")));
                break;
            }
        }
        let Some((e, after_dan_toc)) = trig_end else {
            i += 1;
            continue;
        };
        let mut p = skip_ws(text, e);
        if b.get(p) == Some(&b':') {
            p = skip_ws(text, p + 1);
        }
        let mut resume = e;
        while let Some((g, ge)) = variant_at(text, p, after_dan_toc) {
            let k = match index[g] {
                Some(k) => k,
                None => {
                    index[g] = Some(out.len());
                    out.push(EthnicGroupMentions {
                        name: GROUPS[g].name.clone(),
                        mentions: 0,
                        spans: Vec::new(),
                    });
                    out.len() - 1
                }
            };
            out[k].mentions += 1;
            out[k].spans.push(crate::Span::new(p, ge));
            resume = ge;
            // list carry-over: `, Dao`, `và Thái`, `, và Tày`, `hoặc Nùng`
            let mut q = skip_ws(text, ge);
            if b.get(q) == Some(&b',') {
                q = skip_ws(text, q + 1);
            }
            for conj in ["và", "hoặc", "cùng"] {
                if let Some(ce) = word_at(text, q, conj) {
                    q = skip_ws(text, ce);
                    break;
                }
            }
            for tw in ["dân tộc", "người"] {
                if let Some(te) = match_ci(text, q, tw)
                    && boundary_after(text, te)
                {
                    q = skip_ws(text, te);
                    break;
                }
            }
            if q == ge {
                break;
            }
            p = q;
        }
        i = resume.max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_54_groups_with_unique_codes() {
        assert_eq!(GROUPS.len(), 54);
        let mut codes: Vec<u8> = GROUPS.iter().map(|g| g.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 54);
    }

    #[test]
    fn variants_and_collisions() {
        let g = find_ethnic_groups("người Việt Nam, người Thái Lan, huyện Mường Tè");
        assert!(g.is_empty(), "{g:?}");
        let g = find_ethnic_groups("dân tộc Bru - Vân Kiều và Ê-đê");
        assert_eq!(g[0].name, "Bru - Vân Kiều");
        assert_eq!(g[1].name, "Ê Đê");
    }
}
