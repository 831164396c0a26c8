//! Story analysis: the five sample articles, and 200 generated articles
//! (~1 MB: 20 stories, each an original and nine edited, reflowed reprints).

use criterion::{criterion_group, criterion_main, Criterion};
use storydiff::article::{load_bytes, LoadOptions};
use storydiff::sample::load_sample_story;
use storydiff::story::story;
use storydiff::synth::{generate_pair, PairSpec};

fn bench_story(c: &mut Criterion) {
    let samples = load_sample_story();
    let mut g = c.benchmark_group("story");
    g.sample_size(20);
    g.bench_function("samples_5", |b| b.iter(|| story(&samples).claims.len()));
    let opts = LoadOptions::default();
    let mut articles = Vec::new();
    for s in 0..20u64 {
        let base = generate_pair(&PairSpec::new(5_000, 1000 + s), None).original;
        articles.push(load_bytes(&format!("s{s}-0.txt"), base.as_bytes(), &opts).unwrap());
        for k in 1..10u64 {
            let mut spec = PairSpec::new(5_000, s * 100 + k);
            spec.edit_rate = 0.05;
            spec.delete_rate = 0.03;
            spec.insert_rate = 0.03;
            let copy = generate_pair(&spec, Some(&base)).copy;
            articles.push(load_bytes(&format!("s{s}-{k}.txt"), copy.as_bytes(), &opts).unwrap());
        }
    }
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    eprintln!("200 articles, {bytes} bytes");
    g.sample_size(10);
    g.bench_function("generated_200", |b| {
        b.iter(|| story(&articles).groups.len())
    });
    g.finish();
}

criterion_group!(benches, bench_story);
criterion_main!(benches);
