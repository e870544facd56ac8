//! Normalizing text that is already canonical, and decoding clean UTF-8, allocate nothing:
//! proven with a counting global allocator (this test binary only). The count is per thread,
//! so that tests running in parallel do not see each other's allocations.
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    // `try_with`: the allocator may run while the thread's locals are torn down.
    let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let r = f();
    (r, ALLOCATIONS.with(Cell::get) - before)
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
fn clean_utf8_decodes_without_allocating() {
    // Strict and lenient decoding of clean UTF-8 borrow the input; the offset map back to the
    // bytes (a byte-order mark's shift) needs no allocation either.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(SEED.as_bytes());
    let _ = vntext::decode::decode(SEED.as_bytes());
    for bytes in [SEED.as_bytes(), &with_bom] {
        for decoder in [
            vntext::decode::Decoder::new(),
            vntext::decode::Decoder::new().strict(true),
        ] {
            let (borrowed, count) = allocations_during(|| {
                let d = decoder.decode(bytes);
                d.is_ok_and(|d| matches!(d.text, std::borrow::Cow::Borrowed(_)))
            });
            assert!(borrowed, "clean UTF-8 must come back borrowed");
            assert_eq!(count, 0, "decoding clean UTF-8 allocated {count} times");
        }
    }
}

#[test]
fn counting_allocator_counts() {
    // Guard against a test that cannot fail: the allocator does see allocations.
    let (_, count) = allocations_during(|| vec![1u8; 64]);
    assert!(count >= 1);
}
