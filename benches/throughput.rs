//! Throughput benchmarks (bytes/s). SKELETON: filled with issue #6.
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let text = include_str!("../data/articles/sin-ho-dan-van.txt");
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Bytes(text.len() as u64));
    let a = vntext::Analyzer::new();
    g.bench_function("seed", |b| b.iter(|| a.analyze(black_box(text))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
