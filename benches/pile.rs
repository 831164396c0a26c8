//! Sorting a pile into stories: generated piles (stories of an original, two
//! edited reprints and two independent write-ups, and unrelated singles, ~5 KB
//! an article) of 1,000 and 10,000 articles. `sort` is what the story list and
//! the text report need (index, candidates, judge, cluster, each story's
//! outline); `sort+complete` adds every story's full analysis, as the JSON
//! report needs. Loading the files is timed end to end on the binary (see the
//! README).

use criterion::{criterion_group, criterion_main, Criterion};
use storydiff::article::{load_bytes, Article, LoadOptions};
use storydiff::story::sort_pile;
use storydiff::synth::generate_pile;

fn pile_of(count: usize) -> Vec<Article> {
    let opts = LoadOptions::default();
    let articles: Vec<Article> = generate_pile(count, 5_000, 7)
        .iter()
        .map(|(name, text)| load_bytes(name, text.as_bytes(), &opts).unwrap())
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let pile = sort_pile(&articles);
    eprintln!(
        "{count} articles, {bytes} bytes: {} stories, {} singles, {} candidate pairs",
        pile.stories.len(),
        pile.singles.len(),
        pile.candidates
    );
    articles
}

fn bench_pile(c: &mut Criterion) {
    let mut g = c.benchmark_group("pile");
    g.sample_size(10);
    let small = pile_of(1_000);
    g.bench_function("sort_1000", |b| b.iter(|| sort_pile(&small).stories.len()));
    g.bench_function("sort+complete_1000", |b| {
        b.iter(|| {
            let mut pile = sort_pile(&small);
            pile.complete(&small);
            pile.stories.len()
        })
    });
    drop(small);
    let big = pile_of(10_000);
    g.bench_function("sort_10000", |b| b.iter(|| sort_pile(&big).stories.len()));
    g.bench_function("sort+complete_10000", |b| {
        b.iter(|| {
            let mut pile = sort_pile(&big);
            pile.complete(&big);
            pile.stories.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_pile);
criterion_main!(benches);
