//! The abbreviation table (bảng chữ viết tắt), `data/tokenize/abbreviations.tsv`, parsed once.

use std::collections::HashMap;
use std::sync::LazyLock;

/// How an abbreviation is written, as listed in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Takes a final dot that belongs to it (`TP.`, `TS.`, `v.v.`).
    Dotted,
    /// Joined by `-`, `/` or `&`, and not a document code (`KT-XH`, `V/v`, `GD&ĐT`).
    Compound,
    /// All capitals yet spelled like a syllable (`TU`, `HU`).
    Syllable,
    /// A document-type code (`QĐ`, `NĐ`, `KL`), making a capital chain a document code.
    DocType,
}

const DATA: &str = include_str!("../../data/tokenize/abbreviations.tsv");

static TABLE: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| parse(DATA));

/// Maps each form to the set of its shapes (bit `1 << shape`): `TT` is both dotted and a
/// document type.
fn parse(data: &'static str) -> HashMap<&'static str, u8> {
    let mut map = HashMap::new();
    for line in data.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(form), Some(shape)) = (cols.next(), cols.next()) else {
            continue;
        };
        let shape = match shape {
            "dotted" => Shape::Dotted,
            "compound" => Shape::Compound,
            "syllable" => Shape::Syllable,
            "doctype" => Shape::DocType,
            _ => continue,
        };
        *map.entry(form).or_insert(0) |= 1 << shape as u8;
    }
    map
}

/// Whether `part` is a document-type code, reading the look-alike `Ð` (U+00D0) as `Đ`.
pub(crate) fn is_doc_type(part: &str) -> bool {
    if has(part, Shape::DocType) {
        return true;
    }
    if !part.contains('Ð') || part.len() > MAX_FORM_LEN {
        return false;
    }
    let mut buf = [0u8; MAX_FORM_LEN];
    let mut n = 0;
    for c in part.chars().map(|c| if c == 'Ð' { 'Đ' } else { c }) {
        if n + c.len_utf8() > buf.len() {
            return false;
        }
        c.encode_utf8(&mut buf[n..]);
        n += c.len_utf8();
    }
    std::str::from_utf8(&buf[..n]).is_ok_and(|s| has(s, Shape::DocType))
}

/// Longest form (bytes) the table may hold; longer text is never looked up.
pub(crate) const MAX_FORM_LEN: usize = 16;

/// Whether `form` is listed with `shape` (case-sensitive).
#[inline]
pub(crate) fn has(form: &str, shape: Shape) -> bool {
    form.len() <= MAX_FORM_LEN
        && TABLE
            .get(form)
            .is_some_and(|&bits| bits & (1 << shape as u8) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_every_row_is_well_formed() {
        let mut forms = std::collections::HashSet::new();
        for line in DATA
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "bad row {line:?}");
            assert!(
                matches!(cols[1], "dotted" | "compound" | "syllable" | "doctype"),
                "bad shape in {line:?}"
            );
            assert!(forms.insert((cols[0], cols[1])), "duplicate row {line:?}");
            assert!(
                cols[0].len() <= MAX_FORM_LEN,
                "form longer than MAX_FORM_LEN: {line:?}"
            );
        }
        assert!(has("TP", Shape::Dotted) && has("TT", Shape::Dotted) && has("TT", Shape::DocType));
        assert!(has("KT-XH", Shape::Compound) && has("TU", Shape::Syllable));
        assert!(!has("UBND", Shape::Dotted) && !has("UBND", Shape::DocType));
        assert!(is_doc_type("QĐ") && is_doc_type("QÐ") && !is_doc_type("HIV"));
    }
}
