//! The engine on generated pairs (an original and a reflowed copy with ~1% of
//! sentences edited, ~0.5% deleted and inserted, a few paragraphs moved) at
//! ~40 KB, 1 MB and 5 MB: alignment alone, and load + align + JSON as the
//! `storydiff diff --format json` command does it; and alignment by claims
//! (`diff --by claims`) at ~40 KB and 1 MB. `align_no_classes` is alignment
//! without the edit-class stage, so that one run shows what the classes
//! cost (DESIGN: at most 10 % on top of the diff). `by_claims/mixed_news`:
//! alignment by claims on a pair of mixed news, when it has been made.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use storydiff::align::{align, align_by_claims, AlignOptions};
use storydiff::article::{load_bytes, LoadOptions};
use storydiff::report::diff::write_json;
use storydiff::synth::{generate_pair, PairSpec};

fn bench_align(c: &mut Criterion) {
    let mut g = c.benchmark_group("diff");
    g.sample_size(10);
    for (label, bytes) in [("40KB", 40_000), ("1MB", 1_000_000), ("5MB", 5_000_000)] {
        let pair = generate_pair(&PairSpec::new(bytes, 1), None);
        let opts = LoadOptions::default();
        let old = load_bytes("old.txt", pair.original.as_bytes(), &opts).unwrap();
        let new = load_bytes("new.txt", pair.copy.as_bytes(), &opts).unwrap();
        g.throughput(Throughput::Bytes(
            (pair.original.len() + pair.copy.len()) as u64,
        ));
        g.bench_with_input(
            BenchmarkId::new("align", label),
            &(&old, &new),
            |b, (o, n)| b.iter(|| align(o, n, &AlignOptions::default())),
        );
        if bytes <= 1_000_000 {
            // `diff --by claims`: the same pairs, sentences paired by content.
            g.bench_with_input(
                BenchmarkId::new("by_claims", label),
                &(&old, &new),
                |b, (o, n)| b.iter(|| align_by_claims(o, n, &AlignOptions::default())),
            );
        }
        let no_classes = AlignOptions {
            classify: false,
            ..AlignOptions::default()
        };
        g.bench_with_input(
            BenchmarkId::new("align_no_classes", label),
            &(&old, &new),
            |b, (o, n)| b.iter(|| align(o, n, &no_classes)),
        );
        g.bench_with_input(BenchmarkId::new("load_align_json", label), &pair, |b, p| {
            b.iter(|| {
                let old = load_bytes("old.txt", p.original.as_bytes(), &opts).unwrap();
                let new = load_bytes("new.txt", p.copy.as_bytes(), &opts).unwrap();
                let cmp = align(&old, &new, &AlignOptions::default());
                let mut out = Vec::with_capacity(p.original.len() * 3);
                write_json(&mut out, &old, &new, &cmp).unwrap();
                out.len()
            })
        });
    }
    g.finish();
    bench_mixed_news(c);
}

/// Where `scripts/mixed_news_pair.py ../shared/data/same-event 1m
/// target/mixed-news` writes its pair.
const MIXED_NEWS: &str = "target/mixed-news";

/// `diff --by claims` on a pair of mixed news (independent write-ups of many
/// events, no sentence word for word on both sides, so every sentence is
/// searched), without the deadline: the whole search, as an idle machine
/// does it. Skipped when the pair has not been made.
fn bench_mixed_news(c: &mut Criterion) {
    let opts = LoadOptions::default();
    let read = |name: &str| std::fs::read(format!("{MIXED_NEWS}/{name}")).ok();
    let (Some(old), Some(new)) = (read("old.txt"), read("new.txt")) else {
        eprintln!("by_claims/mixed skipped: make the pair with scripts/mixed_news_pair.py (see its help) into {MIXED_NEWS}");
        return;
    };
    let bytes = (old.len() + new.len()) as u64;
    let old = load_bytes("old.txt", &old, &opts).unwrap();
    let new = load_bytes("new.txt", &new, &opts).unwrap();
    let no_deadline = AlignOptions {
        deadline: None,
        ..AlignOptions::default()
    };
    let mut g = c.benchmark_group("by_claims");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("mixed_news", |b| {
        b.iter(|| align_by_claims(&old, &new, &no_deadline))
    });
    g.finish();
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
