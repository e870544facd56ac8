//! Runs one subcommand's work over every input on a pool of threads, writing the results in
//! input order as soon as they are ready.
//!
//! A producer thread lists the inputs (walking directories lazily) and hands them to the
//! workers; for every input it also queues, in input order, the one-shot channel its result
//! will arrive on. The main thread takes those channels in order and writes each result. The
//! order queue is bounded, so the producer waits when the writer is behind: at most
//! `2 × jobs + 2` finished results wait in memory, whatever the number of inputs. At most
//! `--max-bytes` of input is processed at once across the threads ([`Budget`]), which bounds
//! the peak memory to roughly ten times that limit whatever the number of threads.
//!
//! Bad inputs print `vntext: PATH: message` on stderr and the others are still processed; the
//! exit status is then 1. A reader that goes away (`vntext analyze dir | head`) ends the run
//! quietly with the status of what was written; any other write error is reported (status 1).

use std::io;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Condvar, Mutex};

use crate::input::{self, ReadOptions, Source};
use crate::progress::Progress;

/// At most this many threads per core (`--jobs` above it is capped with a warning): analysis
/// is CPU-bound, and every thread holds buffers, so more threads only cost memory.
pub const JOBS_PER_CORE: usize = 4;

/// The number of cores this process may use.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The largest `--jobs` that is used as given.
pub fn max_jobs() -> usize {
    cores() * JOBS_PER_CORE
}

/// One subcommand's work on one input, run on a worker thread.
pub trait Work: Send + Sync + 'static {
    /// What one input becomes (rendered text, a page…), handed to the [`Sink`] in input order.
    type Out: Send + 'static;

    /// Turns the bytes of one input into its output; warnings for the user go to `notes`.
    ///
    /// # Errors
    /// A one-line message saying why this input gives no output.
    fn run(&self, src: &Source, bytes: &[u8], notes: &mut Vec<String>)
    -> Result<Self::Out, String>;
}

/// Why writing a result failed.
#[derive(Debug)]
pub enum WriteError {
    /// The reader went away (broken pipe): stop quietly.
    Closed,
    /// Any other failure, as the message to print.
    Failed(String),
}

impl From<io::Error> for WriteError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::BrokenPipe {
            WriteError::Closed
        } else {
            WriteError::Failed(format!("writing output: {}", input::io_message(&e)))
        }
    }
}

/// Where results go, in input order.
pub trait Sink<T> {
    /// Writes the result of one input.
    ///
    /// # Errors
    /// When the output cannot be written; the run stops.
    fn write(&mut self, src: &Source, out: T, progress: &Progress) -> Result<(), WriteError>;

    /// Told of an input that gave no result (after its message is printed).
    fn failed(&mut self, _label: &str, _msg: &str) {}

    /// Called once after the last result (flush, write an index…).
    ///
    /// # Errors
    /// When the output cannot be written.
    fn finish(&mut self, progress: &Progress) -> Result<(), WriteError>;
}

/// How a run goes.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub jobs: usize,
    pub read: ReadOptions,
    /// Show a progress bar (stderr is a terminal and not `--quiet`).
    pub progress: bool,
}

/// The outcome of one input.
struct Done<T> {
    label: String,
    bytes: u64,
    notes: Vec<String>,
    /// The input and its output, or why there is none.
    outcome: Result<(Source, T), String>,
}

impl<T> Done<T> {
    fn failed(label: String, msg: String) -> Self {
        Done {
            label,
            bytes: 0,
            notes: Vec::new(),
            outcome: Err(msg),
        }
    }
}

type Job<T> = (Source, SyncSender<Done<T>>);

/// What every worker shares.
struct Ctx<W> {
    work: W,
    read: ReadOptions,
    budget: Budget,
}

/// Reads and processes one input (on a worker thread).
fn process<W: Work>(ctx: &Ctx<W>, src: Source) -> Done<W::Out> {
    let label = src.label();
    let opened = match input::open(&src, &ctx.read) {
        Ok(o) => o,
        Err(msg) => return Done::failed(label, msg),
    };
    // Held until the result is rendered: the input, its decoded copy and the result are what
    // take memory.
    let _permit = ctx.budget.acquire(opened.len.unwrap_or(u64::MAX));
    let bytes = match opened.read_all(ctx.read.max_bytes) {
        Ok(b) => b,
        Err(msg) => return Done::failed(label, msg),
    };
    let mut notes = Vec::new();
    let outcome = ctx.work.run(&src, &bytes, &mut notes).map(|out| (src, out));
    Done {
        label,
        bytes: bytes.len() as u64,
        notes,
        outcome,
    }
}

/// Like [`process`], but a panic becomes this input's error instead of ending the whole run
/// (the panic message is still printed by the default hook).
fn process_guarded<W: Work>(ctx: &Ctx<W>, src: Source) -> Done<W::Out> {
    let label = src.label();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(ctx, src))).unwrap_or_else(
        |_| {
            Done::failed(
                label,
                "internal error: processing panicked (please report this input)".into(),
            )
        },
    )
}

/// A memory budget shared by the workers, in input bytes: a worker takes the size of its
/// input before reading it and gives it back once the result is rendered. Processing needs
/// several times its input (decoded and normalized copies, tokens, the report), so without a
/// budget N threads on N large files would need N times that at once; with it, large inputs
/// are processed one or a few at a time while small ones still run in parallel.
pub struct Budget {
    total: u64,
    used: Mutex<u64>,
    freed: Condvar,
}

pub struct Permit<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    pub fn new(total: u64) -> Self {
        Budget {
            total: total.max(1),
            used: Mutex::new(0),
            freed: Condvar::new(),
        }
    }

    /// Waits until `bytes` (at most the whole budget) fit; an input as large as the budget runs
    /// alone.
    pub fn acquire(&self, bytes: u64) -> Permit<'_> {
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

/// Runs `work` over the inputs named by `paths` and writes the results to `sink`; returns the
/// exit status (see the module docs).
pub fn run<W: Work, S: Sink<W::Out>>(
    work: W,
    paths: &[String],
    settings: Settings,
    mut sink: S,
) -> ExitCode {
    let jobs = settings.jobs.max(1);
    let progress = Progress::new(settings.progress, paths);
    let ctx = Arc::new(Ctx {
        work,
        read: settings.read,
        budget: Budget::new(settings.read.max_bytes),
    });
    let stop = Arc::new(AtomicBool::new(false));

    let (job_tx, job_rx) = mpsc::sync_channel::<Job<W::Out>>(jobs);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (order_tx, order_rx) = mpsc::sync_channel::<Receiver<Done<W::Out>>>(jobs * 2 + 1);

    let mut workers = Vec::with_capacity(jobs);
    for i in 0..jobs {
        let job_rx = Arc::clone(&job_rx);
        let ctx = Arc::clone(&ctx);
        let spawned = std::thread::Builder::new()
            .name(format!("vntext-{i}"))
            .spawn(move || {
                loop {
                    // The guard is a temporary: the lock is released before the job runs.
                    let job = job_rx
                        .lock()
                        .map_err(|_| ())
                        .and_then(|rx| rx.recv().map_err(|_| ()));
                    let Ok((src, done_tx)) = job else { break };
                    let _ = done_tx.send(process_guarded(&ctx, src));
                }
            });
        match spawned {
            Ok(handle) => workers.push(handle),
            Err(e) => {
                progress.message(&format!(
                    "vntext: could start only {i} of {jobs} threads ({}); going on with {i}",
                    input::io_message(&e)
                ));
                break;
            }
        }
    }
    if workers.is_empty() {
        progress.message("vntext: cannot start a worker thread");
        return ExitCode::FAILURE;
    }

    let producer = {
        let stop = Arc::clone(&stop);
        let paths = paths.to_vec();
        std::thread::spawn(move || produce(&paths, &job_tx, &order_tx, &stop))
    };

    let status = write_results(&order_rx, &mut sink, &progress);
    if status.is_err() {
        stop.store(true, Ordering::Relaxed);
    }
    progress.finish();
    // After a complete run the producer is done and idle workers end with the process; after an
    // early stop (closed output) work in flight is abandoned rather than waited for.
    drop((producer, workers));
    match status {
        Ok(false) | Err(Stopped::Closed { failed: false }) => ExitCode::SUCCESS,
        _ => ExitCode::FAILURE,
    }
}

/// Lists the inputs in order and queues them; returns early once `stop` is set or the writer
/// is gone.
fn produce<T: Send + 'static>(
    paths: &[String],
    job_tx: &SyncSender<Job<T>>,
    order_tx: &SyncSender<Receiver<Done<T>>>,
    stop: &AtomicBool,
) {
    for listed in input::list(paths) {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        let (tx, rx) = mpsc::sync_channel(1);
        let ok = match listed {
            Ok(src) => job_tx.send((src, tx)).is_ok() && order_tx.send(rx).is_ok(),
            Err((label, msg)) => {
                let _ = tx.send(Done::failed(label, msg));
                order_tx.send(rx).is_ok()
            }
        };
        if !ok {
            return;
        }
    }
}

/// How a run stopped before its end.
enum Stopped {
    /// The reader went away; `failed` says whether an input had failed before.
    Closed { failed: bool },
    /// The output could not be written (reported).
    Failed,
}

/// Writes results in input order; `Ok(failed)` after the last one.
fn write_results<T, S: Sink<T>>(
    order_rx: &Receiver<Receiver<Done<T>>>,
    sink: &mut S,
    progress: &Progress,
) -> Result<bool, Stopped> {
    let mut failed = false;
    let stopped = |e: WriteError, failed: bool| match e {
        WriteError::Closed => Stopped::Closed { failed },
        WriteError::Failed(msg) => {
            progress.message(&format!("vntext: {msg}"));
            Stopped::Failed
        }
    };
    for rx in order_rx {
        let done = rx.recv().unwrap_or_else(|_| {
            Done::failed(
                "?".into(),
                "internal error: a worker thread ended without a result".into(),
            )
        });
        for note in &done.notes {
            progress.message(&format!("vntext: {}: warning: {note}", done.label));
        }
        match done.outcome {
            Ok((src, out)) => {
                sink.write(&src, out, progress)
                    .map_err(|e| stopped(e, failed))?;
            }
            Err(msg) => {
                failed = true;
                progress.message(&format!("vntext: {}: {msg}", done.label));
                sink.failed(&done.label, &msg);
            }
        }
        progress.tick(done.bytes);
    }
    sink.finish(progress).map_err(|e| stopped(e, failed))?;
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn budget_makes_large_inputs_take_turns() {
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
}
