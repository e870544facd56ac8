//! Data tables (bảng dữ liệu): the one reader of the tab-separated files in `data/`.
//!
//! Every table in `data/` is plain UTF-8 text a linguist can edit: `#` starts a comment line,
//! blank lines are ignored, columns are separated by tabs and trimmed. A table may start with a
//! header row naming its columns (the [`Shape`] says so). Errors name the table and the 1-based
//! line, so a broken addition is found at once.

use crate::error::{Error, ErrorKind};

/// One data row of a table: its 1-based line number and its trimmed columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    /// 1-based line number in the table's text.
    pub line: usize,
    /// The columns, trimmed; never empty (a row has at least its first column).
    pub cols: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Column `i`, or `""` when the row is shorter.
    pub fn col(&self, i: usize) -> &'a str {
        self.cols.get(i).copied().unwrap_or("")
    }
}

/// What a table looks like: whether it has a header row and how many columns a row needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    /// The first non-comment line names the columns and is skipped.
    pub header: bool,
    /// Columns a row must have (the first is the key and must not be empty).
    pub min_cols: usize,
}

/// A table error at `line` of `table`.
pub(crate) fn error(table: &str, line: usize, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Table {
        table: table.to_string(),
        line,
        message: message.into(),
    })
}

/// Reads the rows of `src`, the text of the table `name`.
///
/// # Errors
/// A row with fewer than `shape.min_cols` columns or an empty first column.
pub(crate) fn rows<'a>(name: &str, src: &'a str, shape: Shape) -> Result<Vec<Row<'a>>, Error> {
    let mut out = Vec::new();
    let mut header = shape.header;
    for (i, raw) in src.lines().enumerate() {
        let line = i + 1;
        let text = raw.trim_end_matches(['\r', '\n']);
        if text.trim().is_empty() || text.trim_start().starts_with('#') {
            continue;
        }
        if std::mem::take(&mut header) {
            continue;
        }
        let cols: Vec<&str> = text.split('\t').map(str::trim).collect();
        if cols[0].is_empty() {
            return Err(error(name, line, "the first column is empty"));
        }
        if cols.len() < shape.min_cols {
            return Err(error(
                name,
                line,
                format!(
                    "expected at least {} tab-separated columns, found {}",
                    shape.min_cols,
                    cols.len()
                ),
            ));
        }
        out.push(Row { line, cols });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Shape = Shape {
        header: false,
        min_cols: 1,
    };

    #[test]
    fn comments_blank_lines_and_header_are_skipped() {
        let src = "# a comment\nform\tkind\n\n  # indented comment\nđồng\tVND\r\nđ\tVND\n";
        let r = rows(
            "t",
            src,
            Shape {
                header: true,
                min_cols: 2,
            },
        )
        .unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].line, r[0].col(0), r[0].col(1)), (5, "đồng", "VND"));
        assert_eq!((r[1].line, r[1].col(1), r[1].col(7)), (6, "VND", ""));
    }

    #[test]
    fn errors_name_the_table_and_line() {
        let e = rows(
            "stats/units",
            "# c\nha\tquantity\nkm\n",
            Shape {
                header: false,
                min_cols: 2,
            },
        )
        .unwrap_err();
        assert_eq!(
            e.kind(),
            &ErrorKind::Table {
                table: "stats/units".into(),
                line: 3,
                message: "expected at least 2 tab-separated columns, found 1".into()
            }
        );
        assert!(e.to_string().contains("stats/units, line 3"));
        let e = rows("x", "a\n\tb\n", PLAIN).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::Table { line: 2, .. }));
    }
}
