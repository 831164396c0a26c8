//! The HTML loader against human-marked article text (the Zyte/Scrapinghub
//! article-extraction benchmark pages kept in `../shared/data/html-pages/`,
//! outside the repository). Run with `cargo test --test html_pages -- --ignored
//! --nocapture`; skips cleanly when the folder is absent.

use std::collections::HashMap;
use std::path::Path;

use storydiff::article::{load_article, LoadOptions};

fn tokens(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for t in s.split_whitespace() {
        *m.entry(t.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Token-level precision, recall and F1 of `got` against `gold` (bag of words).
fn prf(got: &str, gold: &str) -> (f64, f64, f64) {
    let (g, r) = (tokens(got), tokens(gold));
    let inter: usize = g
        .iter()
        .map(|(k, v)| (*v).min(*r.get(k).unwrap_or(&0)))
        .sum();
    let p = inter as f64 / g.values().sum::<usize>().max(1) as f64;
    let rc = inter as f64 / r.values().sum::<usize>().max(1) as f64;
    let f = if p + rc > 0.0 {
        2.0 * p * rc / (p + rc)
    } else {
        0.0
    };
    (p, rc, f)
}

#[test]
#[ignore = "reads ../shared/data/html-pages, which a clean clone lacks"]
fn html_loader_matches_marked_article_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/html-pages");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} not found", dir.display());
        return;
    };
    let mut pages: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    let mut sum = 0.0;
    for page in &pages {
        let gold_path = page.with_file_name(format!(
            "{}-gold.txt",
            page.file_stem().unwrap().to_string_lossy()
        ));
        let gold = std::fs::read_to_string(gold_path).unwrap();
        let a = load_article(page.to_str().unwrap(), &LoadOptions::default()).unwrap();
        let content: Vec<&str> = a
            .blocks
            .iter()
            .filter(|b| b.role.is_content())
            .map(|b| a.slice(b.span))
            .collect();
        let (p, r, f) = prf(&content.join("\n"), &gold);
        let (_, all_r, _) = prf(&a.text, &gold);
        println!(
            "{:<22} content P {p:.3} R {r:.3} F1 {f:.3} | all text recall {all_r:.3}",
            page.file_name().unwrap().to_string_lossy()
        );
        sum += f;
    }
    let mean = sum / pages.len().max(1) as f64;
    println!("mean content F1 {mean:.3} over {} pages", pages.len());
    assert!(mean >= 0.9, "mean F1 {mean:.3} fell below 0.9");
}
