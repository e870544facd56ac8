//! Memory of dense statistics (issue #15): text made of nothing but figures (`1% 1% 1% …`, one
//! statistic every three bytes) is analysed within a bounded multiple of its size, and its
//! report is written as JSON without being held whole. Measured with a counting global
//! allocator (this test binary only) that tracks the live bytes and their peak.
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
/// One measurement at a time (the test harness runs tests on several threads).
static MEASURING: Mutex<()> = Mutex::new(());

fn grew(n: usize) {
    let live = LIVE.fetch_add(n, Ordering::SeqCst) + n;
    PEAK.fetch_max(live, Ordering::SeqCst);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            grew(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::SeqCst);
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations `f` makes.
fn allocations_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let r = f();
    (r, ALLOCATIONS.load(Ordering::SeqCst) - before)
}

/// The most bytes live at once while `f` runs, above those live when it starts.
fn peak_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let base = LIVE.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let r = f();
    (r, PEAK.load(Ordering::SeqCst) - base)
}

/// A writer that only counts (the report's JSON is not kept).
struct Count(usize);

impl Write for Count {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len();
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Issue #15's budget is 4 MB of `1% ` within 400 MB of resident memory (`/usr/bin/time -v`),
/// about 95 bytes per input byte. Allocated bytes count the unused room of grown vectors too,
/// so they bound the resident memory from above.
const BYTES_PER_INPUT_BYTE: usize = 95;

#[test]
fn dense_percentages_stay_within_a_multiple_of_the_input() {
    let _one = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let analyzer = vntext::Analyzer::new();
    // Warm the lazily built lexicons and tables first.
    let _ = analyzer.analyze("Thu nhập đạt 32,5 triệu đồng/năm, chiếm 94%.");
    // 2^17 statistics: the list of them grows to exactly its length (doubling), so the bound
    // measures what is used, not the room a vector keeps for growth.
    let n = 1 << 17;
    let text = "1% ".repeat(n);
    let (report, peak) = peak_during(|| analyzer.analyze(&text));
    assert_eq!(report.statistics.len(), n);
    let per_byte = peak / text.len();
    assert!(
        per_byte <= BYTES_PER_INPUT_BYTE,
        "analysing {} bytes of `1% ` peaked at {peak} bytes ({per_byte} per input byte)",
        text.len()
    );
    // Writing the report as JSON holds no copy of it.
    let (written, peak) = peak_during(|| {
        let mut out = Count(0);
        serde_json::to_writer_pretty(&mut out, &report).unwrap();
        out.0
    });
    assert!(written > n * 60, "{written} bytes of JSON");
    assert!(peak < 64 * 1024, "writing the JSON allocated {peak} bytes");
}

#[test]
fn a_statistic_is_compact_and_repeated_values_are_shared() {
    // Ten optional strings of one pointer each, a boxed change, one-byte enums.
    let size = std::mem::size_of::<vntext::stats::Statistic>();
    assert!(size <= 160, "a Statistic takes {size} bytes");
    // 10 000 amounts in đồng: their text, unit and currency are allocated once, not per item.
    let _one = MEASURING.lock().unwrap_or_else(|e| e.into_inner());
    let analyzer = vntext::Analyzer::new();
    let _ = analyzer.analyze("12,5 triệu đồng");
    let text = "12,5 triệu đồng/năm ".repeat(10_000);
    let (report, allocations) = allocations_during(|| analyzer.analyze(&text));
    assert_eq!(report.statistics.len(), 10_000);
    let last = &report.statistics[9_999];
    assert_eq!(
        (last.currency.as_deref(), last.per.as_deref()),
        (Some("VND"), Some("năm"))
    );
    assert!(
        allocations < 1_000,
        "{allocations} allocations for 10 000 statistics"
    );
}
