//! Reading inputs for the command-line examples (`analyze`, `normalize`): stdin or files, with
//! the checks that keep a batch run going when one input is bad.
//!
//! Shared with `#[path = "common/input.rs"] mod input;` (a directory without `main.rs` is not an
//! example target of its own).
//!
//! Every failure is a one-line message without the program name or path; the caller prints
//! `PROGRAM: PATH: MESSAGE`.
// Each example uses a part of this module.
#![allow(dead_code)]

use std::fs::{self, File, FileType};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vntext::{Error, ErrorKind};

/// Default for `--max-bytes`: inputs larger than this are refused (256 MiB). Analysis holds the
/// input, its decoded and normalized copies and the report in memory, so the limit keeps one bad
/// argument (a disk image, a log) from exhausting memory.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One input: stdin or a path.
#[derive(Debug, Clone)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The name used in messages and in `Report::source`.
    pub fn label(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Parses a byte count: `1048576`, `512K`, `256M`, `256MiB`, `1G` (binary multiples).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, unit) = s.split_at(split);
    let n: u64 = digits.parse().ok()?;
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return None,
    };
    n.checked_mul(1u64 << shift)
}

/// A short, lower-case description of an I/O error (`no such file or directory`,
/// `permission denied`…), without Rust's `(os error N)` suffix.
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::InvalidData => "invalid data".to_string(),
        _ => {
            let s = e.to_string();
            let s = match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            };
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_lowercase().chain(c).collect(),
                None => s,
            }
        }
    }
}

/// What kind of non-regular file this is, for the refusal message.
fn file_type_name(ft: &FileType) -> &'static str {
    if ft.is_dir() {
        return "a directory";
    }
    if ft.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_char_device() {
            return "a character device";
        }
        if ft.is_block_device() {
            return "a block device";
        }
    }
    "not a regular file"
}

fn refuse_type(ft: &FileType) -> String {
    format!(
        "is {}, not a regular file; not reading it",
        file_type_name(ft)
    )
}

fn too_large(len: u64, max: u64) -> String {
    format!("file is {len} bytes, over the limit of {max} bytes (raise it with --max-bytes)")
}

/// An input checked and opened, not read yet: its size is known (for files) before any memory
/// is committed to it.
pub struct Opened {
    file: Option<File>,
    /// The file's size; `None` for stdin.
    pub len: Option<u64>,
}

/// Checks and opens one input, refusing what is not a regular file (FIFOs, devices,
/// directories: checked before opening, so a FIFO never blocks the run) and files over `max`
/// bytes.
pub fn open_input(src: &Source, max: u64) -> Result<Opened, String> {
    let Source::File(path) = src else {
        return Ok(Opened {
            file: None,
            len: None,
        });
    };
    let meta = fs::metadata(path).map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err(refuse_type(&meta.file_type()));
    }
    if meta.len() > max {
        return Err(too_large(meta.len(), max));
    }
    let file = File::open(path).map_err(|e| io_message(&e))?;
    // The path may have been replaced between the two calls: check the open file too.
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err(refuse_type(&meta.file_type()));
    }
    Ok(Opened {
        file: Some(file),
        len: Some(meta.len()),
    })
}

impl Opened {
    /// Reads the input whole, still bounded by `max` (a file may grow after it was opened; stdin
    /// is read as it comes).
    pub fn read_all(self, max: u64) -> Result<Vec<u8>, String> {
        let limit = max.saturating_add(1);
        let mut buf = Vec::new();
        match self.file {
            None => {
                io::stdin()
                    .lock()
                    .take(limit)
                    .read_to_end(&mut buf)
                    .map_err(|e| format!("reading stdin: {}", io_message(&e)))?;
                if buf.len() as u64 > max {
                    return Err(format!(
                        "input is over the limit of {max} bytes (raise it with --max-bytes)"
                    ));
                }
            }
            Some(file) => {
                let expected = self.len.unwrap_or(0).min(max);
                buf.reserve_exact(usize::try_from(expected).unwrap_or(0));
                file.take(limit)
                    .read_to_end(&mut buf)
                    .map_err(|e| io_message(&e))?;
                if buf.len() as u64 > max {
                    return Err(too_large(buf.len() as u64, max));
                }
            }
        }
        Ok(buf)
    }
}

/// [`open_input`] then [`Opened::read_all`].
pub fn read_input(src: &Source, max: u64) -> Result<Vec<u8>, String> {
    open_input(src, max)?.read_all(max)
}

/// Refuses binary data (NUL bytes) with the crate's own error, before any decoding work.
///
/// `vntext::decode::decode` rejects NUL bytes too; checking here keeps the command's contract
/// (binary files are errors, never reports of garbage) whatever decoder is linked, at the cost of
/// one `memchr`-speed scan.
pub fn check_not_binary(bytes: &[u8]) -> Result<(), Error> {
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        return Err(Error::new(ErrorKind::Binary { offset }));
    }
    Ok(())
}

/// Whether a write error means the reader went away (`analyze … | head`).
pub fn is_broken_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// The `*.txt` files under a directory, recursively, in sorted order (byte order of the names,
/// directory by directory), produced lazily: memory holds one listing per open directory level,
/// not the whole tree. Symbolic links to files are followed; links to directories are not (no
/// loops).
pub struct TxtWalker {
    stack: Vec<std::vec::IntoIter<(PathBuf, Option<FileType>)>>,
    pending_error: Option<(PathBuf, String)>,
}

impl TxtWalker {
    /// Starts a walk at `dir`.
    pub fn new(dir: &Path) -> Self {
        let mut w = TxtWalker {
            stack: Vec::new(),
            pending_error: None,
        };
        w.push_dir(dir);
        w
    }

    fn push_dir(&mut self, dir: &Path) {
        match fs::read_dir(dir) {
            Ok(rd) => {
                let mut entries: Vec<(PathBuf, Option<FileType>)> = Vec::new();
                for e in rd {
                    match e {
                        Ok(e) => entries.push((e.path(), e.file_type().ok())),
                        Err(err) => {
                            self.pending_error = Some((dir.to_path_buf(), io_message(&err)));
                        }
                    }
                }
                entries.sort_by(|a, b| a.0.cmp(&b.0));
                self.stack.push(entries.into_iter());
            }
            Err(err) => self.pending_error = Some((dir.to_path_buf(), io_message(&err))),
        }
    }
}

fn is_txt(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

impl Iterator for TxtWalker {
    /// A `.txt` path, or a directory that could not be listed with the reason.
    type Item = Result<PathBuf, (PathBuf, String)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.pending_error.take() {
                return Some(Err(e));
            }
            let top = self.stack.last_mut()?;
            let Some((path, ft)) = top.next() else {
                self.stack.pop();
                continue;
            };
            let is_dir = match ft {
                Some(ft) if ft.is_symlink() => false,
                Some(ft) => ft.is_dir(),
                None => fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()),
            };
            if is_dir {
                self.push_dir(&path);
            } else if is_txt(&path) {
                return Some(Ok(path));
            }
        }
    }
}

/// What a command line asks for.
pub enum Parsed<T> {
    /// Run with these options.
    Run(T),
    /// Print the usage text.
    Help,
}

/// The options of a parsed command line, or the exit status after printing the usage text
/// (`--help`, status 0) or a usage error with the usage line (status 2).
pub fn options_or_exit<T>(
    tool: &str,
    usage: &str,
    parsed: Result<Parsed<T>, String>,
) -> Result<T, ExitCode> {
    match parsed {
        Ok(Parsed::Run(o)) => Ok(o),
        Ok(Parsed::Help) => {
            let _ = writeln!(io::stdout(), "{usage}");
            Err(ExitCode::SUCCESS)
        }
        Err(msg) => {
            let line = usage.lines().next().unwrap_or_default();
            eprintln!("{tool}: {msg}\n{line}\n({tool} --help explains the options)");
            Err(ExitCode::from(2))
        }
    }
}

/// One command-line word, as [`Args`] reads it.
enum Arg {
    /// A path (anything not starting with `-`, `-` itself, or any word after `--`).
    Path(String),
    /// An option, with the value written inline as `--name=value`.
    Opt {
        name: String,
        inline: Option<String>,
    },
}

/// Splits command-line words into paths and options; `--` ends the options.
pub struct Args<I> {
    words: I,
    only_paths: bool,
    /// The options that take a value (`--name value` or `--name=value`).
    with_value: &'static [&'static str],
}

impl<I: Iterator<Item = String>> Args<I> {
    pub fn new(
        words: impl IntoIterator<IntoIter = I>,
        with_value: &'static [&'static str],
    ) -> Self {
        Args {
            words: words.into_iter(),
            only_paths: false,
            with_value,
        }
    }

    /// The next option as `(name, inline value)`, adding the paths met on the way to `paths`;
    /// an error for an inline value given to an option that takes none.
    pub fn next_option(
        &mut self,
        paths: &mut Vec<String>,
    ) -> Result<Option<(String, Option<String>)>, String> {
        while let Some(arg) = self.next_arg() {
            match arg {
                Arg::Path(p) => paths.push(p),
                Arg::Opt { name, inline } => {
                    if inline.is_some() && !self.with_value.contains(&name.as_str()) {
                        return Err(format!("{name} takes no value"));
                    }
                    return Ok(Some((name, inline)));
                }
            }
        }
        Ok(None)
    }

    /// The next path or option.
    fn next_arg(&mut self) -> Option<Arg> {
        loop {
            let a = self.words.next()?;
            if self.only_paths || a == "-" || !a.starts_with('-') {
                return Some(Arg::Path(a));
            }
            if a == "--" {
                self.only_paths = true;
                continue;
            }
            // `--name=value` or `--name value`.
            return Some(match a.split_once('=') {
                Some((n, v)) if n.starts_with("--") => Arg::Opt {
                    name: n.to_string(),
                    inline: Some(v.to_string()),
                },
                _ => Arg::Opt {
                    name: a,
                    inline: None,
                },
            });
        }
    }

    /// The value of option `name`: the inline one, else the next word.
    pub fn value(
        &mut self,
        name: &str,
        inline: &Option<String>,
        what: &str,
    ) -> Result<String, String> {
        inline
            .clone()
            .or_else(|| self.words.next())
            .ok_or_else(|| format!("{name} needs {what}"))
    }
}
