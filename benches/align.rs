//! The engine on generated pairs (an original and a reflowed copy with ~1% of
//! sentences edited, ~0.5% deleted and inserted, a few paragraphs moved) at
//! ~40 KB, 1 MB and 5 MB: alignment alone, and load + align + JSON as the
//! `storydiff diff --format json` command does it; and alignment by claims
//! (`diff --by claims`) at ~40 KB and 1 MB. `align_no_classes` is alignment
//! without the edit-class stage, so that one run shows what the classes
//! cost (DESIGN: at most 10 % on top of the diff).

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
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
