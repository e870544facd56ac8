//! Where results go: stdout, a folder of CSV files (one per fact kind), or a folder of HTML
//! pages with an index.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::facts;
use crate::input::{Source, io_message};
use crate::pipeline::{Sink, WriteError};
use crate::progress::Progress;
use crate::render::{csv, html};

/// What one input becomes.
pub enum Output {
    /// Text to write as is (a summary, normalized text, tokens…).
    Bytes(Vec<u8>),
    /// A report, written as JSON (one line, or `pretty`) straight into the output: the JSON
    /// of a report dense in facts is never held whole.
    Report {
        report: Box<vntext::Report>,
        pretty: bool,
    },
    /// CSV rows (no header) per fact list.
    Csv(Vec<(String, Vec<u8>)>),
    /// An article's page.
    Page {
        html: String,
        entry: html::IndexEntry,
    },
}

/// Standard output: every result in turn.
pub struct Stdout {
    out: BufWriter<io::Stdout>,
    /// A terminal shared with the progress bar: write around it, at once.
    tty: bool,
}

impl Stdout {
    /// Stdout, starting with `head` (a CSV header).
    pub fn new(head: &[u8]) -> Self {
        let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
        // Buffered: a failure shows at the first flush.
        let _ = out.write_all(head);
        Stdout {
            out,
            tty: io::stdout().is_terminal(),
        }
    }

    /// Writes a report as JSON and a line break.
    fn put_report(
        &mut self,
        report: &vntext::Report,
        pretty: bool,
        progress: &Progress,
    ) -> Result<(), WriteError> {
        let tty = self.tty;
        let out = &mut self.out;
        let mut write = || -> io::Result<()> {
            if pretty {
                serde_json::to_writer_pretty(&mut *out, report)?;
            } else {
                serde_json::to_writer(&mut *out, report)?;
            }
            out.write_all(b"\n")?;
            if tty { out.flush() } else { Ok(()) }
        };
        if tty {
            progress.suspend(write)?;
        } else {
            write()?;
        }
        Ok(())
    }

    fn put(&mut self, bytes: &[u8], progress: &Progress) -> Result<(), WriteError> {
        if self.tty {
            progress.suspend(|| self.out.write_all(bytes).and_then(|()| self.out.flush()))?;
        } else {
            self.out.write_all(bytes)?;
        }
        Ok(())
    }
}

impl Sink<Output> for Stdout {
    fn write(&mut self, _: &Source, out: Output, progress: &Progress) -> Result<(), WriteError> {
        match out {
            Output::Bytes(b) => self.put(&b, progress),
            Output::Report { report, pretty } => self.put_report(&report, pretty, progress),
            Output::Csv(lists) => {
                let all: Vec<u8> = lists.into_iter().flat_map(|(_, rows)| rows).collect();
                self.put(&all, progress)
            }
            Output::Page { html, .. } => self.put(html.as_bytes(), progress),
        }
    }

    fn finish(&mut self, progress: &Progress) -> Result<(), WriteError> {
        progress.suspend(|| self.out.flush())?;
        Ok(())
    }
}

fn failed_at(path: &Path, e: &io::Error) -> WriteError {
    WriteError::Failed(format!("{}: {}", path.display(), io_message(e)))
}

/// Creates the output folder.
///
/// # Errors
/// The message to print when it cannot be created.
pub fn create_dir(dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {}", dir.display(), io_message(&e)))
}

/// A folder with one CSV file per fact list (`dates.csv`, `officials.csv`…), each with the
/// header row; the usual lists get a file even when no input has such a fact.
pub struct CsvDir {
    dir: PathBuf,
    bom: bool,
    files: Vec<(String, PathBuf, BufWriter<File>)>,
}

impl CsvDir {
    pub fn new(dir: PathBuf, bom: bool) -> Self {
        CsvDir {
            dir,
            bom,
            files: Vec::new(),
        }
    }

    fn file(&mut self, key: &str) -> Result<&mut BufWriter<File>, WriteError> {
        let i = match self.files.iter().position(|(k, _, _)| k == key) {
            Some(i) => i,
            None => {
                let path = self.dir.join(format!("{}.csv", file_stem(key)));
                let mut f = BufWriter::new(File::create(&path).map_err(|e| failed_at(&path, &e))?);
                f.write_all(&csv::header(self.bom))
                    .map_err(|e| failed_at(&path, &e))?;
                self.files.push((key.to_string(), path, f));
                self.files.len() - 1
            }
        };
        Ok(&mut self.files[i].2)
    }
}

impl Sink<Output> for CsvDir {
    fn write(&mut self, _: &Source, out: Output, _: &Progress) -> Result<(), WriteError> {
        let Output::Csv(lists) = out else {
            return Err(WriteError::Failed(
                "internal error: not CSV output".to_string(),
            ));
        };
        for (key, rows) in lists {
            let f = self.file(&key)?;
            if let Err(e) = f.write_all(&rows) {
                let path = self.dir.join(format!("{}.csv", file_stem(&key)));
                return Err(failed_at(&path, &e));
            }
        }
        Ok(())
    }

    fn finish(&mut self, _: &Progress) -> Result<(), WriteError> {
        for key in facts::KNOWN {
            self.file(key)?;
        }
        for (_, path, f) in &mut self.files {
            f.flush().map_err(|e| failed_at(path, &e))?;
        }
        Ok(())
    }
}

/// A file name from any text: letters (of any script), digits, `-`, `_` and `.` kept, the rest
/// replaced by `_`.
fn file_stem(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let s = s.trim_start_matches('.');
    if s.is_empty() {
        "article".to_string()
    } else {
        s.to_string()
    }
}

/// A folder with one page per article, named after the input file (`a.txt` → `a.html`, made
/// unique with `-2`, `-3`… when two inputs share a name), and `index.html` linking them.
pub struct HtmlDir {
    dir: PathBuf,
    used: HashSet<String>,
    pages: Vec<(String, html::IndexEntry)>,
    failed: Vec<(String, String)>,
}

impl HtmlDir {
    pub fn new(dir: PathBuf) -> Self {
        HtmlDir {
            dir,
            used: HashSet::from(["index.html".to_string()]),
            pages: Vec::new(),
            failed: Vec::new(),
        }
    }

    fn name_for(&mut self, src: &Source) -> String {
        let stem = match src.path().and_then(Path::file_stem) {
            Some(s) => file_stem(&s.to_string_lossy()),
            None => "stdin".to_string(),
        };
        let mut name = format!("{stem}.html");
        let mut n = 2;
        while !self.used.insert(name.to_lowercase()) {
            name = format!("{stem}-{n}.html");
            n += 1;
        }
        name
    }
}

impl Sink<Output> for HtmlDir {
    fn write(&mut self, src: &Source, out: Output, _: &Progress) -> Result<(), WriteError> {
        let Output::Page { html, entry } = out else {
            return Err(WriteError::Failed(
                "internal error: not HTML output".to_string(),
            ));
        };
        let name = self.name_for(src);
        let path = self.dir.join(&name);
        fs::write(&path, html).map_err(|e| failed_at(&path, &e))?;
        self.pages.push((name, entry));
        Ok(())
    }

    fn failed(&mut self, label: &str, msg: &str) {
        self.failed.push((label.to_string(), msg.to_string()));
    }

    fn finish(&mut self, _: &Progress) -> Result<(), WriteError> {
        let path = self.dir.join("index.html");
        fs::write(&path, html::index(&self.pages, &self.failed))
            .map_err(|e| failed_at(&path, &e))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(file_stem("document_numbers"), "document_numbers");
        assert_eq!(file_stem("Sìn Hồ/../x"), "Sìn_Hồ_.._x");
        assert_eq!(file_stem("..."), "article");
        let mut d = HtmlDir::new(PathBuf::from("out"));
        let a = Source::Found("d0/a.txt".into());
        let b = Source::Found("d1/a.txt".into());
        let idx = Source::Named("index.txt".into());
        assert_eq!(d.name_for(&a), "a.html");
        assert_eq!(d.name_for(&b), "a-2.html");
        assert_eq!(d.name_for(&idx), "index-2.html");
        assert_eq!(d.name_for(&Source::Stdin), "stdin.html");
    }
}
