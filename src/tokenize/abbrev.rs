//! The abbreviation table (bảng chữ viết tắt), `data/tokenize/abbreviations.tsv`, and the
//! document-type codes of `data/docnum/*_types.tsv` (the tables the document-number recogniser
//! reads), parsed once by the crate's one table reader.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::data::{self, Shape as TableShape};

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

/// The document-type tables, shared with [`crate::extract::docnum`] (as lexicons there).
const DOC_TYPES: [(&str, &str); 3] = [
    (
        "docnum/state_types",
        include_str!("../../data/docnum/state_types.tsv"),
    ),
    (
        "docnum/party_types",
        include_str!("../../data/docnum/party_types.tsv"),
    ),
    (
        "docnum/historical_types",
        include_str!("../../data/docnum/historical_types.tsv"),
    ),
];

static TABLE: LazyLock<FxHashMap<Box<str>, u8>> = LazyLock::new(|| parse(DATA));

/// Maps each form to the set of its shapes (bit `1 << shape`): `TT` is both dotted and a
/// document type. Document types are read from the docnum tables as written (`TTr`, and the
/// ASCII spellings the tables give: `ND` for `NĐ`) and in capitals (`TTR`).
fn parse(data: &'static str) -> FxHashMap<Box<str>, u8> {
    // Keys from the table only (texts look up): a fast hash is safe.
    let mut map: FxHashMap<Box<str>, u8> = FxHashMap::default();
    let shape = TableShape {
        header: false,
        min_cols: 2,
    };
    for row in data::rows("tokenize/abbreviations", data, shape).unwrap_or_default() {
        let shape = match row.col(1) {
            "dotted" => Shape::Dotted,
            "compound" => Shape::Compound,
            "syllable" => Shape::Syllable,
            _ => continue,
        };
        *map.entry(row.col(0).into()).or_insert(0) |= 1 << shape as u8;
    }
    for (name, src) in DOC_TYPES {
        for row in data::rows(name, src, shape).unwrap_or_default() {
            // The code and its ASCII spellings (`NĐ,ND`), as written and in capitals.
            for code in row.col(0).split(',').map(str::trim) {
                for form in [code.to_string(), code.to_uppercase()] {
                    *map.entry(form.into_boxed_str()).or_insert(0) |= 1 << Shape::DocType as u8;
                }
            }
        }
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
                matches!(cols[1], "dotted" | "compound" | "syllable"),
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
        // From the docnum tables: as written, in capitals, the ASCII spellings they list.
        assert!(is_doc_type("TTr") && is_doc_type("TTR") && is_doc_type("QD") && is_doc_type("ND"));
        assert!(!is_doc_type("CD"), "CD-ROM is no document code");
        assert!(is_doc_type("KL") && is_doc_type("SL") && is_doc_type("BGN"));
        assert!(has("HD", Shape::DocType) && has("HĐ", Shape::DocType));
    }
}
