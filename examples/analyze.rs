//! Analyse Vietnamese article files and print one report (báo cáo) per input.
//!
//! ```text
//! analyze [--json | --jsonl | --format json|jsonl|text] [--jobs N] [--max-bytes SIZE] [PATH…]
//! ```
//!
//! - PATH is a file, a directory (searched recursively for `*.txt`, in sorted order) or `-` for
//!   stdin (the default when no path is given).
//! - Output: pretty JSON when there is a single file or stdin, one JSON object per line
//!   (`--jsonl`) for several inputs or a directory; `--format text` prints a summary for people.
//! - `--jobs N` analyses on N threads (default: the available cores). Output keeps the input
//!   order, and is streamed: at most a few reports per thread wait to be written, so memory does
//!   not grow with the number of files. At most `--max-bytes` of input is analysed at once
//!   across threads (large files take turns), which bounds the peak memory to roughly ten times
//!   that limit whatever the number of threads.
//! - Bad inputs (missing, unreadable, not a regular file, binary, undecodable, over
//!   `--max-bytes`, default 256 MiB) each print `analyze: PATH: message` on stderr; the other
//!   inputs are still analysed and the exit status is 1 at the end. Usage errors exit with 2.
//! - A reader that goes away (`analyze dir | head`) ends the run quietly.
//!
//! ```text
//! cargo run --release --example analyze -- --jsonl /path/to/articles > reports.jsonl
//! cargo run --example analyze -- --format text data/articles/sin-ho-dan-van.txt
//! ```
use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use vntext::{Analyzer, Report};

#[path = "common/input.rs"]
mod input;

use input::{Parsed, Source, TxtWalker};

const USAGE: &str = "\
usage: analyze [--json | --jsonl | --format json|jsonl|text] [--jobs N] [--max-bytes SIZE] [PATH…]

  PATH             a file, a directory (all *.txt below it, sorted) or - for stdin (default)
  --json           pretty JSON (default for a single file or stdin)
  --jsonl          one JSON report per line (default for several inputs or a directory)
  --format FORMAT  json, jsonl or text (a summary for people)
  --jobs N, -j N   analyse on N threads (default: available cores)
  --max-bytes SIZE refuse inputs larger than SIZE (bytes, or with K, M, G; default 256M)

Each bad input prints `analyze: PATH: message` on stderr and the others are still analysed;
the exit status is then 1 (2 for a usage error).";

#[derive(Clone, Copy, PartialEq, Debug)]
enum Format {
    Json,
    Jsonl,
    Text,
}

struct Options {
    format: Option<Format>,
    jobs: usize,
    max_bytes: u64,
    paths: Vec<String>,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Parsed<Options>, String> {
    let mut opts = Options {
        format: None,
        jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
        max_bytes: input::DEFAULT_MAX_BYTES,
        paths: Vec::new(),
    };
    let mut args = input::Args::new(args, &["--format", "--jobs", "--max-bytes"]);
    while let Some((name, inline)) = args.next_option(&mut opts.paths)? {
        let mut value = |what: &str| args.value(&name, &inline, what);
        match name.as_str() {
            "-h" | "--help" => return Ok(Parsed::Help),
            "--json" => opts.format = Some(Format::Json),
            "--jsonl" => opts.format = Some(Format::Jsonl),
            "--format" => {
                let v = value("json, jsonl or text")?;
                opts.format = Some(match v.as_str() {
                    "json" => Format::Json,
                    "jsonl" => Format::Jsonl,
                    "text" => Format::Text,
                    _ => return Err(format!("--format takes json, jsonl or text, not {v:?}")),
                });
            }
            "-j" | "--jobs" => {
                let v = value("a number of threads")?;
                opts.jobs = match v.parse::<usize>() {
                    Ok(n) if n > 0 => n,
                    _ => return Err(format!("--jobs takes a positive number, not {v:?}")),
                };
            }
            "--max-bytes" => {
                let v = value("a size")?;
                opts.max_bytes = input::parse_size(&v).ok_or_else(|| {
                    format!("--max-bytes takes a size such as 1048576, 512K or 256M, not {v:?}")
                })?;
            }
            _ => return Err(format!("unknown option {name:?}")),
        }
    }
    if opts.paths.is_empty() {
        opts.paths.push("-".to_string());
    }
    Ok(Parsed::Run(opts))
}

fn main() -> ExitCode {
    let opts = match input::options_or_exit("analyze", USAGE, parse_args(std::env::args().skip(1)))
    {
        Ok(o) => o,
        Err(code) => return code,
    };
    // One report: pretty JSON; several (or a directory, whatever it holds): JSON lines, so the
    // output shape depends on the command line only, not on what a directory happens to hold.
    let single =
        opts.paths.len() == 1 && (opts.paths[0] == "-" || !Path::new(&opts.paths[0]).is_dir());
    let format = opts
        .format
        .unwrap_or(if single { Format::Json } else { Format::Jsonl });
    run(opts, format)
}

/// The outcome of one input: its rendered report, or the message of what went wrong.
struct Done {
    label: String,
    bytes: u64,
    outcome: Result<String, String>,
}

type Job = (Source, SyncSender<Done>);

/// What every worker shares.
struct Ctx {
    analyzer: Analyzer,
    format: Format,
    max_bytes: u64,
    budget: Budget,
}

/// Reads, analyses and renders one input (on a worker thread).
fn process(ctx: &Ctx, src: &Source) -> Done {
    let label = src.label();
    let failed = |msg: String| Done {
        label: label.clone(),
        bytes: 0,
        outcome: Err(msg),
    };
    let opened = match input::open_input(src, ctx.max_bytes) {
        Ok(o) => o,
        Err(msg) => return failed(msg),
    };
    // Held until the report is rendered: the input, its normalized copy and the report are
    // what takes memory.
    let _permit = ctx.budget.acquire(opened.len.unwrap_or(u64::MAX));
    let bytes = match opened.read_all(ctx.max_bytes) {
        Ok(b) => b,
        Err(msg) => return failed(msg),
    };
    let n = bytes.len() as u64;
    let outcome = input::check_not_binary(&bytes)
        .and_then(|()| {
            if bytes.is_empty() {
                // An empty file is a valid (empty) article, whatever the decoder thinks of it.
                Ok(ctx.analyzer.analyze(""))
            } else {
                ctx.analyzer.analyze_bytes(&bytes)
            }
        })
        .map_err(|e| e.to_string())
        .and_then(|mut report| {
            report.source = Some(label.clone());
            render(&report, ctx.format)
        });
    Done {
        label,
        bytes: n,
        outcome,
    }
}

/// Like [`process`], but a panic in the library becomes this input's error instead of ending
/// the whole run (the panic message is still printed by the default hook).
fn process_guarded(ctx: &Ctx, src: &Source) -> Done {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(ctx, src))).unwrap_or_else(
        |_| Done {
            label: src.label(),
            bytes: 0,
            outcome: Err("internal error: the analysis panicked (please report this input)".into()),
        },
    )
}

/// A memory budget shared by the workers, in input bytes: a worker takes the size of its
/// input before reading it and gives it back once the report is rendered. Analysis needs
/// several times its input (decoded and normalized copies, tokens, the report), so without a
/// budget N threads on N large files would need N times that at once; with it, large inputs
/// are analysed one or a few at a time while small ones still run in parallel.
struct Budget {
    total: u64,
    used: Mutex<u64>,
    freed: Condvar,
}

struct Permit<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    fn new(total: u64) -> Self {
        Budget {
            total: total.max(1),
            used: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Waits until `bytes` (at most the whole budget) fit; an input as large as the budget runs
    /// alone.
    fn acquire(&self, bytes: u64) -> Permit<'_> {
        let bytes = bytes.min(self.total);
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + bytes > self.total {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += bytes;
        Permit {
            budget: self,
            bytes,
        }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut used = self.budget.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= self.bytes;
        self.budget.freed.notify_all();
    }
}

/// Runs the pipeline: a producer thread lists inputs (lazily walking directories) and hands
/// them to `jobs` workers; for every input it also queues, in input order, the one-shot channel
/// its result will arrive on. The main thread takes those channels in order and writes each
/// result as soon as it is ready. The order queue is bounded, so the producer waits when the
/// writer is behind: at most `2 × jobs + 2` finished reports wait in memory.
fn run(opts: Options, format: Format) -> ExitCode {
    let Options {
        jobs,
        max_bytes,
        paths,
        ..
    } = opts;
    let ctx = Arc::new(Ctx {
        analyzer: Analyzer::new(),
        format,
        // At most --max-bytes of input in analysis at once (see Budget).
        budget: Budget::new(max_bytes),
        max_bytes,
    });
    let stop = Arc::new(AtomicBool::new(false));

    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(jobs);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (order_tx, order_rx) = mpsc::sync_channel::<Receiver<Done>>(jobs * 2 + 1);

    let mut workers = Vec::with_capacity(jobs);
    for _ in 0..jobs {
        let job_rx = Arc::clone(&job_rx);
        let ctx = Arc::clone(&ctx);
        workers.push(std::thread::spawn(move || {
            loop {
                // The guard is a temporary: the lock is released before the job runs.
                let job = job_rx
                    .lock()
                    .map_err(|_| ())
                    .and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((src, done_tx)) = job else { break };
                let _ = done_tx.send(process_guarded(&ctx, &src));
            }
        }));
    }

    let producer = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || produce(&paths, &job_tx, &order_tx, &stop))
    };

    let status = write_results(&order_rx, &stop);
    // After a complete run the producer is done and idle workers end with the process; after an
    // early stop (closed output) work in flight is abandoned rather than waited for.
    drop((producer, workers));
    status
}

/// Lists the inputs in order and queues them; returns early once `stop` is set or the writer
/// is gone.
fn produce(
    paths: &[String],
    job_tx: &SyncSender<Job>,
    order_tx: &SyncSender<Receiver<Done>>,
    stop: &AtomicBool,
) {
    let submit = |src: Source| -> bool {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let (tx, rx) = mpsc::sync_channel(1);
        job_tx.send((src, tx)).is_ok() && order_tx.send(rx).is_ok()
    };
    let fail = |label: String, msg: String| -> bool {
        let (tx, rx) = mpsc::sync_channel(1);
        let _ = tx.send(Done {
            label,
            bytes: 0,
            outcome: Err(msg),
        });
        order_tx.send(rx).is_ok()
    };
    for p in paths {
        let path = Path::new(p);
        let ok = if p == "-" {
            submit(Source::Stdin)
        } else if path.is_dir() {
            let mut found = 0usize;
            let mut ok = true;
            for item in TxtWalker::new(path) {
                ok = match item {
                    Ok(file) => {
                        found += 1;
                        submit(Source::File(file))
                    }
                    Err((dir, msg)) => fail(dir.display().to_string(), msg),
                };
                if !ok {
                    break;
                }
            }
            if ok && found == 0 {
                ok = fail(p.clone(), "directory holds no .txt file".to_string());
            }
            ok
        } else {
            submit(Source::File(path.to_path_buf()))
        };
        if !ok {
            return;
        }
    }
}

/// Writes results in input order and returns the exit status: failure when any input failed or
/// the output could not be written; when the reader went away, the status of the inputs
/// written so far, quietly.
fn write_results(order_rx: &Receiver<Receiver<Done>>, stop: &AtomicBool) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut progress = Progress::new(!io::stdout().is_terminal() && io::stderr().is_terminal());
    let mut failed = false;
    let closed = |failed: bool| {
        stop.store(true, Ordering::Relaxed);
        if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    };
    for rx in order_rx {
        let done = rx.recv().unwrap_or_else(|_| Done {
            label: "?".into(),
            bytes: 0,
            outcome: Err("internal error: a worker thread ended without a result".into()),
        });
        match done.outcome {
            // Each report is rendered whole before it is written: output never holds half a
            // JSON object, even when the pipe closes.
            Ok(text) => {
                if let Err(e) = out.write_all(text.as_bytes()) {
                    progress.clear();
                    if input::is_broken_pipe(&e) {
                        return closed(failed);
                    }
                    eprintln!("analyze: writing output: {}", input::io_message(&e));
                    stop.store(true, Ordering::Relaxed);
                    return ExitCode::FAILURE;
                }
            }
            Err(msg) => {
                failed = true;
                // Keep what is already analysed ahead of the message on a shared terminal.
                let _ = out.flush();
                progress.clear();
                eprintln!("analyze: {}: {msg}", done.label);
            }
        }
        progress.tick(done.bytes);
    }
    progress.clear();
    if let Err(e) = out.flush() {
        if input::is_broken_pipe(&e) {
            return closed(failed);
        }
        eprintln!("analyze: writing output: {}", input::io_message(&e));
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// A progress line on stderr for long runs (after 1 s), only when stderr is a terminal and
/// stdout is not (so it never mixes with the reports).
struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
    inputs: u64,
    bytes: u64,
    shown: bool,
}

impl Progress {
    fn new(enabled: bool) -> Self {
        let now = Instant::now();
        Progress {
            enabled,
            start: now,
            last: now,
            inputs: 0,
            bytes: 0,
            shown: false,
        }
    }

    fn tick(&mut self, bytes: u64) {
        self.inputs += 1;
        self.bytes += bytes;
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.start) < Duration::from_secs(1)
            || now.duration_since(self.last) < Duration::from_millis(200)
        {
            return;
        }
        self.last = now;
        let secs = now.duration_since(self.start).as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        eprint!(
            "\r\x1b[Kanalyze: {} inputs, {:.1} MB, {:.1} MB/s",
            self.inputs,
            mb,
            mb / secs
        );
        self.shown = true;
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            self.shown = false;
        }
    }
}

fn render(report: &Report, format: Format) -> Result<String, String> {
    let mut s = match format {
        Format::Jsonl => serde_json::to_string(report),
        Format::Json => serde_json::to_string_pretty(report),
        Format::Text => return Ok(render_text(report)),
    }
    .map_err(|e| format!("cannot render the report as JSON: {e}"))?;
    s.push('\n');
    Ok(s)
}

/// A summary for a person reading one article: what was found, one item per line.
fn render_text(r: &Report) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(s, "== {}", r.source.as_deref().unwrap_or("-"));
    if let Some(t) = &r.title {
        let _ = writeln!(s, "title:     {t}");
    }
    if let Some(p) = &r.published {
        let _ = writeln!(s, "published: {p}");
    }
    if let Some(a) = &r.author {
        let _ = writeln!(s, "author:    {a}");
    }
    let c = &r.counts;
    let _ = writeln!(
        s,
        "encoding:  {} (confidence {:.2})",
        r.encoding, r.encoding_confidence
    );
    let _ = writeln!(
        s,
        "size:      {} bytes, {} chars, {} tokens, {} syllables ({} valid), {} sentences",
        c.bytes, c.chars, c.tokens, c.syllables, c.valid_syllables, c.sentences
    );
    if !r.document_numbers.is_empty() {
        let _ = writeln!(s, "document numbers ({}):", r.document_numbers.len());
        for d in &r.document_numbers {
            let _ = writeln!(
                s,
                "  {:<28} {} {}",
                d.text,
                d.doc_type_name.as_deref().unwrap_or("-"),
                d.issuer.as_deref().unwrap_or("")
            );
        }
    }
    if !r.dates.is_empty() {
        let _ = writeln!(s, "dates ({}):", r.dates.len());
        for d in &r.dates {
            let _ = writeln!(s, "  {:<28} {:?} {}", d.text, d.kind, d.value);
        }
    }
    if !r.officials.is_empty() {
        let _ = writeln!(s, "officials ({}):", r.officials.len());
        for o in &r.officials {
            let _ = writeln!(s, "  {} — {}", o.name, o.titles.join(", "));
        }
    }
    if !r.statistics.is_empty() {
        let _ = writeln!(s, "statistics ({}):", r.statistics.len());
        for st in &r.statistics {
            let value = match (st.numerator, st.denominator) {
                (Some(n), Some(d)) => format!("{n}/{d}"),
                _ => match st.max {
                    Some(max) => format!("{}–{max}", st.value),
                    None => st.value.to_string(),
                },
            };
            let extra = match (&st.per, &st.change) {
                (Some(per), Some(c)) => format!(" per {per}, change {:+}", c.value),
                (Some(per), None) => format!(" per {per}"),
                (None, Some(c)) => format!(", change {:+}", c.value),
                (None, None) => String::new(),
            };
            let _ = writeln!(
                s,
                "  {:<32} {:?} {}{}{}{}",
                st.text,
                st.kind,
                value,
                st.currency
                    .as_deref()
                    .map(|c| format!(" {c}"))
                    .unwrap_or_default(),
                extra,
                st.subject
                    .as_deref()
                    .map(|c| format!(" — {c}"))
                    .unwrap_or_default()
            );
        }
    }
    if !r.ethnic_groups.is_empty() {
        let _ = writeln!(s, "ethnic groups ({}):", r.ethnic_groups.len());
        for g in &r.ethnic_groups {
            let _ = writeln!(s, "  {} ×{}", g.name, g.mentions);
        }
    }
    if !r.chrome.is_empty() {
        let _ = writeln!(s, "page chrome left out: {} spans", r.chrome.len());
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Parsed<Options>, String> {
        parse_args(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn options_parse() {
        let Ok(Parsed::Run(o)) = parse(&["--format=text", "-j", "3", "--max-bytes", "1M", "a"])
        else {
            panic!("should parse")
        };
        assert_eq!(o.format, Some(Format::Text));
        assert_eq!(o.jobs, 3);
        assert_eq!(o.max_bytes, 1 << 20);
        assert_eq!(o.paths, ["a"]);
        let Ok(Parsed::Run(o)) = parse(&["--", "--jsonl"]) else {
            panic!("should parse")
        };
        assert_eq!(o.paths, ["--jsonl"]);
        let Ok(Parsed::Run(o)) = parse(&[]) else {
            panic!("should parse")
        };
        assert_eq!(o.paths, ["-"]);
    }

    #[test]
    fn budget_makes_large_inputs_take_turns() {
        use std::sync::atomic::AtomicBool;
        let budget = Budget::new(10);
        let first = budget.acquire(6);
        let got = AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                let _second = budget.acquire(6);
                got.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(100));
            assert!(!got.load(Ordering::SeqCst), "6 + 6 bytes do not fit in 10");
            drop(first);
        });
        assert!(got.load(Ordering::SeqCst));
        // Larger than the whole budget: runs alone, never waits forever.
        let big = budget.acquire(1_000);
        assert_eq!(big.bytes, 10);
        drop(big);
        let _a = budget.acquire(3);
        let _b = budget.acquire(3);
        let _c = budget.acquire(4);
    }

    #[test]
    fn bad_options_are_refused() {
        for bad in [
            &["--jobs", "0"][..],
            &["--jobs"],
            &["--format", "xml"],
            &["--max-bytes", "lots"],
            &["--frobnicate"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
