//! Loading and segmenting: the loader on a 5 MB plain-text article, and on
//! hostile input (targets: a 20 MB page in under 2 s, a 60 KB page of 10,000
//! nested elements in under 100 ms; release profile), among it 20 MB of
//! paragraphs under 64 nested wrappers and a text of nothing but
//! end-of-article markers.

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

/// Words of the sample articles in a fixed pseudo-random order, `n` at a time.
struct Prose {
    words: Vec<&'static str>,
    state: u64,
}

impl Prose {
    fn new() -> Prose {
        let words = storydiff::sample::SAMPLE_STORY
            .iter()
            .flat_map(|(_, text)| text.split_whitespace())
            .collect();
        Prose { words, state: 7 }
    }

    fn sentence(&mut self, n: usize) -> String {
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            self.state = self.state.wrapping_mul(6364136223846793005).wrapping_add(1);
            out.push(self.words[(self.state >> 33) as usize % self.words.len()]);
        }
        out.join(" ")
    }
}

/// About 20 MB: a short article followed by 120,000 reader-comment blocks.
fn comment_page() -> String {
    let mut prose = Prose::new();
    let mut s = String::from(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>Talks go on</title></head><body><article><h1>Talks go on</h1>",
    );
    for _ in 0..12 {
        s.push_str(&format!("<p>{}</p>", prose.sentence(40)));
    }
    s.push_str("</article><section id=\"comments\">");
    for i in 0..120_000 {
        s.push_str(&format!(
            "<div class=\"comment\" id=\"c{i}\"><span class=\"comment-author\">Reader {i}</span><p>{}</p></div>\n",
            prose.sentence(16)
        ));
    }
    s.push_str("</section></body></html>");
    s
}

/// About 20 MB of comment blocks with no article markup at all: every block
/// is a candidate for the extractor and all of it is read as text.
fn bare_comment_page() -> String {
    let mut prose = Prose::new();
    let mut s = String::from("<html><head><title>Comments</title></head><body><h1>Comments</h1>");
    for _ in 0..120_000 {
        s.push_str(&format!(
            "<div class=\"comment\"><p>{}</p></div>\n",
            prose.sentence(24)
        ));
    }
    s.push_str("</body></html>");
    s
}

/// About 800 KB of plain text: 100,000 end-of-article markers and no prose
/// (each marker once asked whether prose came before it, reading back to the
/// start: 7 s before that answer was carried along).
fn marker_lines() -> String {
    "Related\n".repeat(100_000)
}

/// About 20 MB of paragraphs under 64 nested wrappers (the extractor weighs
/// every wrapper's whole text: 7 s before large pages were flattened to fit a
/// budget of text times depth).
fn deep_wrapper_page() -> String {
    let mut prose = Prose::new();
    let mut s = String::from("<html><head><title>Deep</title></head><body>");
    s.push_str(&"<div>".repeat(64));
    while s.len() < 20 * 1024 * 1024 {
        s.push_str(&format!("<p>{}</p>\n", prose.sentence(40)));
    }
    s.push_str(&"</div>".repeat(64));
    s.push_str("</body></html>");
    s
}

/// About 60 KB: 10,000 nested elements around one paragraph.
fn nested_page() -> String {
    format!(
        "<html><body>{}<p>Deep text at the bottom of a very deep page.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(1_000)
    )
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

fn bench_hostile_html(c: &mut Criterion) {
    let mut g = c.benchmark_group("hostile_html");
    g.sample_size(10);
    for (name, page) in [
        ("comments_20mb", comment_page()),
        ("bare_comments_20mb", bare_comment_page()),
        ("nested_10k", nested_page()),
        ("deep_wrappers_20mb", deep_wrapper_page()),
    ] {
        g.throughput(Throughput::Bytes(page.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| load_bytes("page.html", page.as_bytes(), &LoadOptions::default()).unwrap())
        });
    }
    let text = marker_lines();
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("markers_100k_text", |b| {
        b.iter(|| load_bytes("markers.txt", text.as_bytes(), &LoadOptions::default()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench_load, bench_hostile_html);
criterion_main!(benches);
