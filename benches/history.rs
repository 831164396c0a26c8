//! `storydiff history`: listing one page's versions from an archive of
//! 10,000 versions of 100 pages (target ≤ 50 ms, opening the archive included).

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use storydiff::source::archive::{Archive, Delta, NewVersion};
use storydiff::source::fetch::Validators;
use storydiff::synth::{generate_pair, PairSpec};

const PAGES: usize = 100;
const VERSIONS: usize = 100;

/// An archive of `PAGES` × `VERSIONS` versions, each a page of about 6 KB of
/// text (an edited copy of the page's previous version). Built once and kept
/// under `target/tmp/` (time the binary on it:
/// `STORYDIFF_ARCHIVE=target/tmp/history-bench.sqlite storydiff history URL`).
fn build_archive() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("history-bench.sqlite");
    if Archive::open(&path).is_ok_and(|a| {
        a.pages()
            .is_ok_and(|p| p.len() == PAGES && p.iter().all(|(_, n)| *n as usize == VERSIONS))
    }) {
        return path;
    }
    for ext in ["sqlite", "sqlite-wal", "sqlite-shm"] {
        let _ = std::fs::remove_file(path.with_extension(ext));
    }
    let mut archive = Archive::open(&path).unwrap();
    let validators = Validators::default();
    let base = generate_pair(&PairSpec::new(6_000, 7), None).original;
    for v in 0..VERSIONS {
        let mut spec = PairSpec::new(6_000, 100 + v as u64);
        spec.edit_rate = 0.05;
        let text = generate_pair(&spec, Some(&base)).copy;
        let html = format!(
            "<html><body><article><p>{}</p></article></body></html>",
            text.replace("\n\n", "</p><p>")
        );
        for p in 0..PAGES {
            let url = format!("https://news.example.org/2025/02/{p:03}/story");
            let new = NewVersion {
                url: &url,
                fetched_at: 1_739_474_000 + (v * PAGES + p) as i64,
                final_url: &url,
                status: 200,
                content_type: Some("text/html"),
                charset: None,
                validators: &validators,
                raw: html.as_bytes(),
                text: &text,
                content_key: &format!("{v}"),
                words: text.split_whitespace().count() as u64,
            };
            archive
                .store(&new, |_| Delta {
                    words_added: 12,
                    words_removed: 9,
                    fact_changes: None,
                })
                .unwrap();
        }
    }
    path
}

fn bench_history(c: &mut Criterion) {
    let path = build_archive();
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(path.with_extension("sqlite-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    eprintln!(
        "archive: {} versions, {} MB",
        PAGES * VERSIONS,
        size / (1 << 20)
    );
    let url = "https://news.example.org/2025/02/042/story";
    let mut g = c.benchmark_group("history");
    g.sample_size(50);
    g.bench_function("open_and_list_100_of_10000", |b| {
        b.iter(|| {
            let archive = Archive::open(&path).unwrap();
            let versions = archive.versions(url).unwrap();
            assert_eq!(versions.len(), VERSIONS);
            versions.len()
        })
    });
    let archive = Archive::open(&path).unwrap();
    g.bench_function("list_100_of_10000", |b| {
        b.iter(|| archive.versions(url).unwrap().len())
    });
    g.finish();
}

criterion_group!(benches, bench_history);
criterion_main!(benches);
