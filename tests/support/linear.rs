//! Linear cost, checked the only way that does not depend on the machine: the time of 4× the
//! input against the time of 1×. Linear code gives a ratio near 4, quadratic code 16. The time
//! is the CPU time of the calling thread (Linux and other Unix systems), so other processes on
//! a shared machine and the other tests running in parallel do not count; elsewhere wall time.
#![allow(dead_code)] // each test binary uses what it needs

use std::time::{Duration, Instant};

/// 4× the input may cost at most this many times 1× (linear: about 4; quadratic: 16).
pub const MAX_RATIO: f64 = 10.0;

/// The 1× input is grown until one run costs at least this much, so that the ratio is not
/// noise.
const MIN_TIME: Duration = Duration::from_millis(1);

/// A 1× time below this is taken as this: work too small to time stays below the bound unless
/// 4× costs more than `MAX_RATIO` of it.
const FLOOR: Duration = Duration::from_micros(250);

/// CPU time of this thread.
#[cfg(unix)]
pub fn thread_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant of the platform.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return wall_time();
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Wall time since the first call (where no thread clock exists).
#[cfg(not(unix))]
pub fn thread_time() -> Duration {
    wall_time()
}

fn wall_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The best of `reps` runs of `run` on `input`.
fn best<T: ?Sized>(input: &T, run: &mut impl FnMut(&T), reps: usize) -> Duration {
    (0..reps)
        .map(|_| {
            let t = thread_time();
            run(std::hint::black_box(input));
            thread_time().saturating_sub(t)
        })
        .min()
        .unwrap_or_default()
}

/// What one check measured.
#[derive(Debug, Clone, Copy)]
pub struct Growth {
    /// The 1× size (in the unit `make` takes).
    pub size: usize,
    /// Best time at 1× and at 4×.
    pub small: Duration,
    pub big: Duration,
}

impl Growth {
    /// 4× time over 1× time (the 1× time raised to the floor).
    pub fn ratio(&self) -> f64 {
        self.big.as_secs_f64() / self.small.max(FLOOR).as_secs_f64()
    }
}

/// Measures `run` on `make(n)` and `make(4n)` (best of three runs at 1×, two at 4×), growing
/// `n` from `start` (doubling, up to `max_size / 4`) until one run at 1× costs a millisecond.
pub fn measure<T: ?Sized, O: std::borrow::Borrow<T>>(
    start: usize,
    max_size: usize,
    make: impl Fn(usize) -> O,
    mut run: impl FnMut(&T),
) -> Growth {
    let mut n = start.max(1);
    // Lazily built tables are built by a first run outside the measurement.
    run(make(n).borrow());
    let (small_input, first) = loop {
        let input = make(n);
        let t = best(input.borrow(), &mut run, 1);
        if t >= MIN_TIME || 8 * n > max_size {
            break (input, t);
        }
        n *= 2;
    };
    let small = first.min(best(small_input.borrow(), &mut run, 2));
    drop(small_input);
    let big_input = make(4 * n);
    let big = best(big_input.borrow(), &mut run, 2);
    Growth {
        size: n,
        small,
        big,
    }
}

/// Asserts that `run` costs linear time on the inputs `make` builds (see [`measure`]); a ratio
/// over the bound is measured up to twice more before the test fails, so that one slow moment of a
/// shared machine is not taken for quadratic growth. Each retry starts from the 4× size of the
/// try before: a 1× run whose memory the allocator hands back warm (glibc serves blocks under
/// its mmap threshold, up to 32 MiB, from memory already touched) against a 4× run that pays a
/// page fault per fresh page (`run/newlines` through a document of 2 MB: 64 MB of lines) is a
/// step of the allocator, not of the code, and disappears once both sizes are past it; a
/// quadratic path only grows its ratio with the size. Prints what it measured (shown with
/// `--nocapture`, and on failure).
#[track_caller]
pub fn assert_linear<T: ?Sized, O: std::borrow::Borrow<T>>(
    what: &str,
    start: usize,
    max_size: usize,
    make: impl Fn(usize) -> O,
    mut run: impl FnMut(&T),
) -> Growth {
    let mut g = measure(start, max_size, &make, &mut run);
    // A ratio over the bound is measured again, twice at most, each time from the 4× size of the
    // try before.
    for _ in 0..2 {
        if g.ratio() <= MAX_RATIO {
            break;
        }
        // At most 4× `max_size` at 1× (16× at 4×): a real regression fails at a bounded size.
        let from = (4 * g.size.max(start)).min(4 * max_size);
        g = measure(from, 4 * from, &make, &mut run);
    }
    eprintln!(
        "linear: {what}: {} → {}: {:?} → {:?}, ×{:.1}",
        g.size,
        4 * g.size,
        g.small,
        g.big,
        g.ratio()
    );
    assert!(
        g.ratio() <= MAX_RATIO,
        "{what}: 4× the input ({} → {}) took ×{:.1} the time ({:?} → {:?}), over ×{MAX_RATIO}: \
         super-linear",
        g.size,
        4 * g.size,
        g.ratio(),
        g.small,
        g.big
    );
    g
}
