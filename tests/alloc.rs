//! Normalizing text that is already canonical allocates nothing: proven with a counting
//! global allocator (this test binary only).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.load(Ordering::SeqCst);
    let r = f();
    (r, ALLOCATIONS.load(Ordering::SeqCst) - before)
}

const SEED: &str = include_str!("../data/articles/sin-ho-dan-van.txt");

#[test]
fn clean_text_normalizes_without_allocating() {
    use vntext::normalize::{Normalizer, ToneStyle};
    // The seed is NFC with traditional tone placement; its normalized form is canonical, and
    // normalizing that again must borrow and allocate nothing.
    let n = Normalizer::new();
    let canonical = n.normalize(SEED).text.into_owned();
    let preserve = Normalizer::new().tone_style(ToneStyle::Preserve);
    // Warm the lazily built tables first.
    let _ = n.normalize(&canonical);
    let _ = preserve.normalize(&canonical);
    for normalizer in [&n, &preserve] {
        let (borrowed, count) = allocations_during(|| {
            let out = normalizer.normalize(&canonical);
            matches!(out.text, std::borrow::Cow::Borrowed(_))
        });
        assert!(borrowed, "canonical text must come back borrowed");
        assert_eq!(
            count, 0,
            "normalizing canonical text allocated {count} times"
        );
    }
}

#[test]
fn counting_allocator_counts() {
    // Guard against a test that cannot fail: the allocator does see allocations.
    let (_, count) = allocations_during(|| vec![1u8; 64]);
    assert!(count >= 1);
}
