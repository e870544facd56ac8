//! Inputs: stdin, files, FIFOs and directories, listed in order and read with the checks that
//! keep a batch run going when one input is bad.
//!
//! Every failure is a one-line message without the program name or path; the caller prints
//! `vntext: PATH: MESSAGE`.
//!
//! The rules, the same for every subcommand:
//! - `-` is stdin; it may be named once.
//! - A directory is searched recursively for `*.txt` files, in sorted order; symbolic links to
//!   files are followed, links to directories are not (no loops).
//! - A regular file is read whole, up to `--max-bytes`.
//! - A FIFO named on the command line is read like stdin: an anonymous pipe (process
//!   substitution, `<(cat f)`) at once; a named pipe (`mkfifo`) once a writer has written to it
//!   or come and gone, waiting at most `--fifo-wait` seconds, after which it is reported as
//!   having no writer. A FIFO found inside a directory is not read (it could block the walk).
//! - Devices, sockets and other special files are refused.

use std::fs::{self, File, FileType};
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How inputs are read.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Inputs larger than this are refused (`--max-bytes`, 256 MiB by default: processing holds
    /// the input, its decoded and normalized copies and the result in memory, so the limit
    /// keeps one bad argument, a disk image or a log, from exhausting memory).
    pub max_bytes: u64,
    /// How long to wait for the writer of a named FIFO.
    pub fifo_wait: Duration,
}

/// One input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A path named on the command line.
    Named(PathBuf),
    /// A `*.txt` path found by walking a directory.
    Found(PathBuf),
}

impl Source {
    /// The name used in messages and in `Report::source`.
    pub fn label(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::Named(p) | Source::Found(p) => p.display().to_string(),
        }
    }

    /// The path, for files.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Stdin => None,
            Source::Named(p) | Source::Found(p) => Some(p),
        }
    }
}

/// One entry of the input list: an input to read, or a path that could not be listed.
pub type Listed = Result<Source, (String, String)>;

/// The inputs named by the command-line `paths`, in order, walking directories lazily (memory
/// holds one listing per open directory level, not the whole tree).
pub fn list(paths: &[String]) -> impl Iterator<Item = Listed> + '_ {
    paths
        .iter()
        .flat_map(|p| -> Box<dyn Iterator<Item = Listed>> {
            let path = Path::new(p);
            if p == "-" {
                Box::new(std::iter::once(Ok(Source::Stdin)))
            } else if path.is_dir() {
                Box::new(walk(path))
            } else {
                Box::new(std::iter::once(Ok(Source::Named(path.to_path_buf()))))
            }
        })
}

/// The `*.txt` files below `dir`, sorted, with an error for each directory that cannot be read
/// and one when the tree holds no `*.txt` file at all.
fn walk(dir: &Path) -> impl Iterator<Item = Listed> {
    let mut found = 0usize;
    let mut errors = 0usize;
    let mut entries = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let dir = dir.to_path_buf();
    let mut done = false;
    std::iter::from_fn(move || {
        loop {
            if done {
                return None;
            }
            match entries.next() {
                Some(Ok(e)) => {
                    if e.file_type().is_dir() || !is_txt(e.path()) {
                        continue;
                    }
                    found += 1;
                    return Some(Ok(Source::Found(e.into_path())));
                }
                Some(Err(err)) => {
                    errors += 1;
                    let at = err.path().unwrap_or(&dir).display().to_string();
                    let msg = match err.io_error() {
                        Some(io) => io_message(io),
                        None => err.to_string(),
                    };
                    return Some(Err((at, msg)));
                }
                None => {
                    done = true;
                    if found == 0 && errors == 0 {
                        return Some(Err((
                            dir.display().to_string(),
                            "directory holds no .txt file".to_string(),
                        )));
                    }
                    return None;
                }
            }
        }
    })
}

fn is_txt(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// Parses a byte count: `1048576`, `512K`, `256M`, `256MiB`, `1G` (binary multiples).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let bad = || format!("expected a size such as 1048576, 512K or 256M, not {s:?}");
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits.parse().map_err(|_| bad())?;
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => return Err(bad()),
    };
    n.checked_mul(1u64 << shift).ok_or_else(bad)
}

/// A short, lower-case description of an I/O error (`no such file or directory`,
/// `permission denied`…), without Rust's `(os error N)` suffix.
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
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

/// An input checked and opened, not read yet: a file's size is known before any memory is
/// committed to it.
pub struct Opened {
    reader: Option<File>,
    /// The file's size; `None` for stdin and pipes.
    pub len: Option<u64>,
}

#[cfg(unix)]
fn is_fifo(ft: &FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    ft.is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &FileType) -> bool {
    false
}

/// Checks and opens one input (see the module docs for the rules). Never blocks longer than
/// `opts.fifo_wait`.
pub fn open(src: &Source, opts: &ReadOptions) -> Result<Opened, String> {
    let (path, named) = match src {
        Source::Stdin => {
            return Ok(Opened {
                reader: None,
                len: None,
            });
        }
        Source::Named(p) => (p, true),
        Source::Found(p) => (p, false),
    };
    let meta = fs::metadata(path).map_err(|e| io_message(&e))?;
    let ft = meta.file_type();
    if named && is_fifo(&ft) {
        return open_fifo(path, opts.fifo_wait).map(|f| Opened {
            reader: Some(f),
            len: None,
        });
    }
    if !meta.is_file() {
        return Err(refuse_type(&ft));
    }
    if meta.len() > opts.max_bytes {
        return Err(too_large(meta.len(), opts.max_bytes));
    }
    let file = File::open(path).map_err(|e| io_message(&e))?;
    // The path may have been replaced between the two calls: check the open file too.
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if !meta.is_file() {
        return Err(refuse_type(&meta.file_type()));
    }
    Ok(Opened {
        reader: Some(file),
        len: Some(meta.len()),
    })
}

/// Opens a FIFO without blocking, then waits for its writer (see the module docs).
#[cfg(unix)]
fn open_fifo(path: &Path, wait: Duration) -> Result<File, String> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    use rustix::fs::{OFlags, fcntl_getfl, fcntl_setfl};
    let errno = |e: rustix::io::Errno| io_message(&io::Error::from(e));
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    let fd = rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC,
        rustix::fs::Mode::empty(),
    )
    .map_err(errno)?;
    let file = File::from(fd);
    if !is_anonymous_pipe(&file) {
        // A named FIFO: wait for data, or for a writer that came and went (POLLHUP). Linux does
        // not report POLLHUP for a FIFO that never had a writer, so the timeout is what tells.
        let mut fds = [PollFd::new(&file, PollFlags::IN)];
        let timeout = Timespec::try_from(wait).unwrap_or(Timespec {
            tv_sec: i64::MAX,
            tv_nsec: 0,
        });
        let ready = loop {
            match poll(&mut fds, Some(&timeout)) {
                Err(rustix::io::Errno::INTR) => continue,
                other => break other.map_err(errno)?,
            }
        };
        if ready == 0 {
            return Err(format!(
                "is a FIFO (named pipe) with no writer: nothing written to it within {} s; \
                 not reading it (raise the wait with --fifo-wait)",
                wait.as_secs_f64()
            ));
        }
    }
    // From here on, ordinary blocking reads until the writer closes.
    let flags = fcntl_getfl(&file).map_err(errno)?;
    fcntl_setfl(&file, flags - OFlags::NONBLOCK).map_err(errno)?;
    Ok(file)
}

#[cfg(not(unix))]
fn open_fifo(_: &Path, _: Duration) -> Result<File, String> {
    Err("is not a regular file; not reading it".to_string())
}

/// Whether an open file is an anonymous pipe (process substitution `<(…)`, `/dev/stdin` on a
/// pipe): its writer end was made with it, so reading it never waits for a writer that does
/// not exist. Known on Linux (`/proc/self/fd/N` reads `pipe:[…]`); elsewhere every FIFO is
/// treated as named.
#[cfg(unix)]
fn is_anonymous_pipe(file: &File) -> bool {
    use std::os::fd::AsRawFd;
    fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd()))
        .is_ok_and(|t| t.as_os_str().as_encoded_bytes().starts_with(b"pipe:"))
}

impl Opened {
    /// Reads the input whole, still bounded by `max` (a file may grow after it was opened;
    /// stdin and pipes are read as they come).
    pub fn read_all(self, max: u64) -> Result<Vec<u8>, String> {
        let limit = max.saturating_add(1);
        let mut buf = Vec::new();
        let over = |n: u64| match self.len {
            Some(_) => too_large(n, max),
            None => format!("input is over the limit of {max} bytes (raise it with --max-bytes)"),
        };
        match &self.reader {
            None => {
                io::stdin()
                    .lock()
                    .take(limit)
                    .read_to_end(&mut buf)
                    .map_err(|e| format!("reading stdin: {}", io_message(&e)))?;
            }
            Some(file) => {
                let expected = self.len.unwrap_or(0).min(max);
                buf.reserve_exact(usize::try_from(expected).unwrap_or(0));
                file.take(limit)
                    .read_to_end(&mut buf)
                    .map_err(|e| io_message(&e))?;
            }
        }
        if buf.len() as u64 > max {
            return Err(over(buf.len() as u64));
        }
        Ok(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("512K"), Ok(512 << 10));
        assert_eq!(parse_size("256MiB"), Ok(256 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        for bad in ["", "lots", "-1", "1T", "99999999999999G"] {
            assert!(parse_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn io_messages_are_short() {
        let e = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(io_message(&e), "no such file or directory");
        let e = io::Error::from_raw_os_error(21); // EISDIR on Linux
        assert!(!io_message(&e).contains("os error"), "{}", io_message(&e));
    }

    #[test]
    fn listing_keeps_the_command_line_order() {
        let paths = vec!["-".to_string(), "no/such/file.txt".to_string()];
        let got: Vec<Listed> = list(&paths).collect();
        assert_eq!(
            got,
            [
                Ok(Source::Stdin),
                Ok(Source::Named(PathBuf::from("no/such/file.txt")))
            ]
        );
    }
}
