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

use crate::document::{Case, Document, Gap};
use crate::extract::{Extractor, Facts};
use crate::lexicon::{Lex, Lexicons};

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
    Lexicons::embedded()
        .entries(Lex::EthnicGroup)
        .iter()
        .map(|e| EthnicGroup {
            code: e.col(0).parse().unwrap_or(0),
            name: e.col(1).to_string(),
            variants: e.col(2).split(',').map(|v| v.trim().to_string()).collect(),
        })
        .collect()
});

/// The 54 groups of the embedded table, in GSO code order.
///
/// ```
/// assert_eq!(vntext::ethnic::ethnic_groups()[0].name, "Kinh");
/// ```
pub fn ethnic_groups() -> &'static [EthnicGroup] {
    &GROUPS
}

/// Finds the ethnic groups mentioned in `text`, in order of first mention (a shortcut for the
/// [`EthnicGroups`](crate::extract::EthnicGroups) extractor over [`Document::new`]).
///
/// ```
/// let found = vntext::ethnic::find_ethnic_groups("đồng bào dân tộc Mông");
/// assert_eq!(found[0].name, "Mông");
/// assert!(vntext::ethnic::find_ethnic_groups("công tác chăm sóc, mảng Dao").is_empty());
/// ```
pub fn find_ethnic_groups(text: &str) -> Vec<EthnicGroupMentions> {
    let doc = Document::new(text);
    let mut facts = Facts::default();
    crate::extract::EthnicGroups.extract(&doc, &mut facts);
    // Spans index the caller's text, not the normalized one.
    for g in &mut facts.ethnic_groups {
        for s in &mut g.spans {
            *s = doc.to_original(*s);
        }
    }
    facts.ethnic_groups
}

/// Words that carry a trigger over a list: `dân tộc Mông, Dao và Thái`.
const LIST_WORDS: [&str; 3] = ["và", "hoặc", "cùng"];

/// The group named at token `p`: a capitalised spelling of the table, not followed by another
/// capitalised word one space away (`Thái Lan`, `Mường Tè`, `người Việt Nam` are not groups).
/// `Việt` (Kinh) counts only after a `group` trigger (`dân tộc Việt`): `người Việt` means
/// Vietnamese nationals. Returns the group's entry and the token after the name.
fn group_at(doc: &Document<'_>, p: usize, after_group_word: bool) -> Option<(u32, usize)> {
    // The name follows on the same line (a heading ending in `dân tộc` is no trigger for the
    // next line).
    let first = doc.get(p)?;
    if !matches!(first.case, Case::Title | Case::Upper) || first.gap.breaks_line() {
        return None;
    }
    let hit = doc.hit(p, Lex::EthnicGroup)?;
    if !after_group_word && hit.len() == 1 && doc.key(p) == "việt" {
        return None;
    }
    if matches!(doc.gap_text(hit.end), " " | "\t")
        && doc
            .text_of(hit.end)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return None;
    }
    Some((hit.entry, hit.end))
}

/// The ethnic-group extractor's work: every trigger hit, then the names after it.
pub(crate) fn extract(doc: &Document<'_>, facts: &mut Facts) {
    let out = &mut facts.ethnic_groups;
    let mut index: Vec<Option<usize>> = vec![None; doc.lexicons().len(Lex::EthnicGroup)];
    let mut resume = 0;
    for trigger in doc.hits().iter().filter(|h| h.lex == Lex::EthnicTrigger) {
        if trigger.start < resume {
            continue;
        }
        // Hits at one token come longest first: the first trigger hit there is the one.
        resume = trigger.end;
        let after_group_word = doc.lexicons().entry(trigger).kind() == Some("group");
        let mut p = trigger.end;
        if doc.key(p) == ":" {
            p += 1;
        }
        while let Some((entry, end)) = group_at(doc, p, after_group_word) {
            let k = *index[entry as usize].get_or_insert_with(|| {
                out.push(EthnicGroupMentions {
                    name: doc.lexicons().entries(Lex::EthnicGroup)[entry as usize]
                        .col(1)
                        .to_string(),
                    mentions: 0,
                    spans: Vec::new(),
                });
                out.len() - 1
            });
            out[k].mentions += 1;
            out[k].spans.push(doc.span(p, end));
            resume = end;
            // List carry-over: `, Dao`, `và Thái`, `, và Tày`, `hoặc người Nùng`.
            let mut q = end;
            if doc.get(q).is_some_and(|t| t.gap == Gap::None) && doc.key(q) != "," {
                break;
            }
            if doc.key(q) == "," {
                q += 1;
            }
            if LIST_WORDS.contains(&doc.key(q)) {
                q += 1;
            }
            if doc.key(q) == "dân" && doc.key(q + 1) == "tộc" {
                q += 2;
            } else if doc.key(q) == "người" {
                q += 1;
            }
            p = q;
        }
    }
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
