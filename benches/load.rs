//! Loading and segmenting: the loader on a 5 MB plain-text article.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use storydiff::article::{load_bytes, LoadOptions};

/// About 5 MB of news-like prose: the sample articles repeated, blank-line paragraphs.
fn big_text() -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < 5 * 1024 * 1024 {
        let (_, text) = storydiff::sample::SAMPLE_STORY[i % 5];
        s.push_str(text);
        s.push_str("\n\n");
        i += 1;
    }
    s
}

fn bench_load(c: &mut Criterion) {
    let text = big_text();
    let mut g = c.benchmark_group("load");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("text_5mb", |b| {
        b.iter(|| load_bytes("big.txt", text.as_bytes(), &LoadOptions::default()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
