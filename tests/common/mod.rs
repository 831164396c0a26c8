//! Helpers shared by the integration tests.
#![allow(dead_code, reason = "each test binary uses a different subset")]

use storydiff::article::{load_article, load_bytes, Article, LoadOptions};

/// The path of the sample article whose file name starts with `prefix`.
pub fn sample_path(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// The sample article whose file name starts with `prefix`, loaded.
pub fn sample(prefix: &str) -> Article {
    load_article(&sample_path(prefix), &LoadOptions::default()).unwrap()
}

/// The same-event development set.
pub const SAME_EVENT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/same-event");

/// The set's article files as (event id, file name), the id read from the
/// name (`5614-center.txt`); `None` when the set is absent.
pub fn same_event_files() -> Option<Vec<(u32, String)>> {
    let files = std::fs::read_dir(SAME_EVENT)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let event: u32 = name.strip_suffix(".txt")?.split('-').next()?.parse().ok()?;
            Some((event, name))
        })
        .collect();
    Some(files)
}

/// `texts` loaded as articles `0.txt`, `1.txt`, …
pub fn articles_of(texts: &[impl AsRef<str>]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            load_bytes(
                &format!("{i}.txt"),
                t.as_ref().as_bytes(),
                &LoadOptions::default(),
            )
            .unwrap()
        })
        .collect()
}
