//! Sorting a pile into stories: 1,000 generated articles (~5 MB: stories of an
//! original, two edited reprints and two independent write-ups, and unrelated
//! singles), index to per-story analysis. The 10,000-article pile is timed
//! end to end on the binary (see the README), where loading counts too.

use criterion::{criterion_group, criterion_main, Criterion};
use storydiff::article::{load_bytes, LoadOptions};
use storydiff::story::sort_pile;
use storydiff::synth::generate_pile;

fn bench_pile(c: &mut Criterion) {
    let opts = LoadOptions::default();
    let articles: Vec<_> = generate_pile(1_000, 5_000, 7)
        .iter()
        .map(|(name, text)| load_bytes(name, text.as_bytes(), &opts).unwrap())
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let pile = sort_pile(&articles);
    eprintln!(
        "1,000 articles, {bytes} bytes: {} stories, {} singles, {} candidate pairs",
        pile.stories.len(),
        pile.singles.len(),
        pile.candidates
    );
    let mut g = c.benchmark_group("pile");
    g.sample_size(10);
    g.bench_function("generated_1000", |b| {
        b.iter(|| sort_pile(&articles).stories.len())
    });
    g.finish();
}

criterion_group!(benches, bench_pile);
criterion_main!(benches);
