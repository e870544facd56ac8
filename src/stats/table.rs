//! Reading the embedded tab-separated tables (`data/stats/*.tsv`).

/// Rows of a table: `#` comment lines and the header line are skipped, empty lines ignored,
/// fields split on tabs and trimmed.
pub(crate) fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn skips_comments_and_header() {
        let r: Vec<Vec<&str>> = super::rows("# c\nword\tv\n\na\t1\n").collect();
        assert_eq!(r, vec![vec!["a", "1"]]);
    }
}
