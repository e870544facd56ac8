//! The progress bar on stderr: files done of the total, bytes, rate and time left.
//!
//! Shown only when stderr is a terminal and `--quiet` is not given; never mixed into stdout.
//! The totals come from a second, cheap walk over the inputs (sizes from the file system, no
//! reading) on its own thread, so the run starts at once and the bar's total grows while that
//! walk is under way. Messages for the user (errors, warnings) go through [`Progress::message`]
//! so they print above the bar instead of through it.

use std::io::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::input::{self, Source};

/// The progress bar, or nothing when it is not shown.
pub struct Progress {
    bar: Option<Bar>,
}

struct Bar {
    bar: ProgressBar,
    done: Arc<AtomicU64>,
}

impl Progress {
    /// A progress bar over the inputs named by `paths`, when `enabled`.
    pub fn new(enabled: bool, paths: &[String]) -> Self {
        if !enabled {
            return Progress { bar: None };
        }
        let done = Arc::new(AtomicU64::new(0));
        let total = Arc::new(AtomicU64::new(0));
        let (d, t) = (Arc::clone(&done), Arc::clone(&total));
        let style = ProgressStyle::with_template(
            "{spinner} {elapsed_precise} [{bar:30}] {files} · {binary_bytes}/{binary_total_bytes} \
             · {binary_bytes_per_sec} · ETA {eta}",
        )
        .expect("the template is valid")
        .with_key(
            "files",
            move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(
                    w,
                    "{}/{} files",
                    d.load(Ordering::Relaxed),
                    t.load(Ordering::Relaxed)
                );
            },
        )
        .progress_chars("=> ");
        let bar =
            ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr()).with_style(style);
        bar.enable_steady_tick(Duration::from_millis(100));
        let counter = bar.clone();
        let paths = paths.to_vec();
        std::thread::spawn(move || {
            for listed in input::list(&paths) {
                if let Ok(Source::Named(p) | Source::Found(p)) = &listed
                    && let Ok(m) = std::fs::metadata(p)
                    && m.is_file()
                {
                    counter.inc_length(m.len());
                }
                total.fetch_add(1, Ordering::Relaxed);
            }
        });
        Progress {
            bar: Some(Bar { bar, done }),
        }
    }

    /// Counts one input done, of `bytes` bytes.
    pub fn tick(&self, bytes: u64) {
        if let Some(b) = &self.bar {
            b.done.fetch_add(1, Ordering::Relaxed);
            b.bar.inc(bytes);
        }
    }

    /// Prints a line on stderr, above the bar.
    pub fn message(&self, line: &str) {
        self.suspend(|| {
            let _ = writeln!(std::io::stderr(), "{line}");
        });
    }

    /// Runs `f` with the bar cleared (to write to a terminal the bar shares).
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(b) => b.bar.suspend(f),
            None => f(),
        }
    }

    /// Draws the final state and leaves it on the screen.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.bar.finish();
        }
    }
}
