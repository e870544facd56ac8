//! The template extractor: copy this file to add a recogniser (see the guide in `extract`).
//!
//! It finds the places (`data/officials/places.tsv`, [`Lex::Place`]) written after an
//! administrative word (`tỉnh Lai Châu`, `thành phố Hà Nội`): the whole pattern of every
//! extractor in a few lines — walk the lexicon hits the document already holds, look at the
//! neighbouring tokens by index, and push facts whose spans index [`Document::text`].
//! Compiled and tested with the crate, so the template never goes stale; it adds no field to
//! the report.

use crate::Span;
use crate::document::{Case, Document};
use crate::lexicon::Lex;

/// One fact of the template: a place and the administrative word before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceMention {
    /// Span of the place name in [`Document::text`].
    pub span: Span,
    /// The administrative word's key (`tỉnh`, `thành phố`).
    pub unit: String,
}

/// The template's extraction: a real extractor does this in
/// [`Extractor::extract`](super::Extractor::extract), pushing into its field of
/// [`Facts`](super::Facts).
pub(crate) fn extract(doc: &Document<'_>) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    for hit in doc.hits().iter().filter(|h| h.lex == Lex::OrgWord) {
        // The grammar: an administrative word, then a capitalised place of the table.
        if doc.lexicons().entry(hit).kind() != Some("admin") {
            continue;
        }
        let Some(place) = doc.hit(hit.end, Lex::Place) else {
            continue;
        };
        if !matches!(doc.token(place.start).case, Case::Title | Case::Upper) {
            continue;
        }
        out.push(PlaceMention {
            span: doc.span(place.start, place.end),
            unit: (hit.start..hit.end)
                .map(|i| doc.key(i))
                .collect::<Vec<_>>()
                .join(" "),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_after_an_administrative_word() {
        let doc = Document::new("UBND tỉnh Lai Châu và thành phố Hà Nội; hà nội; nhà Hà.");
        let mentions = extract(&doc);
        let found: Vec<(&str, &str)> = mentions
            .iter()
            .map(|m| (doc.slice(m.span), m.unit.as_str()))
            .collect();
        assert_eq!(found, [("Lai Châu", "tỉnh"), ("Hà Nội", "thành phố")]);
    }
}
