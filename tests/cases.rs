//! The catalogue of hard cases in `tests/cases/`: each pair with the alignment
//! we want written down in `want.json`, and a snapshot of its text report.

use std::path::Path;

use serde_json::Value;
use storydiff::align::{align, AlignOptions, Comparison, OpKind, Side, WordKind};
use storydiff::article::{load_bytes, Article, LoadOptions};
use storydiff::report::diff::write_text;

fn load(dir: &Path, case: &str, side: &str) -> Article {
    let bytes = std::fs::read(dir.join(side)).unwrap();
    load_bytes(&format!("{case}/{side}"), &bytes, &LoadOptions::default()).unwrap()
}

fn side_text(a: &Article, c: &Comparison, side: Side, r: std::ops::Range<usize>) -> String {
    r.map(|i| a.slice(c.units(side)[i].span))
        .collect::<Vec<_>>()
        .join(" ")
}

fn check(case: &str, old: &Article, new: &Article, c: &Comparison, want: &Value) {
    assert_eq!(
        c.relation.as_str(),
        want["relation"].as_str().unwrap(),
        "{case}: relation"
    );
    let stats = serde_json::json!({
        "equal": c.stats.equal, "changed": c.stats.changed, "deleted": c.stats.deleted,
        "inserted": c.stats.inserted, "moved": c.stats.moved, "reparagraphed": c.stats.reparagraphed,
        "words_deleted": c.stats.words_deleted, "words_inserted": c.stats.words_inserted,
        "furniture_words_deleted": c.stats.furniture_words_deleted,
        "furniture_words_inserted": c.stats.furniture_words_inserted,
    });
    if let Some(w) = want["stats"].as_object() {
        for (k, v) in w {
            assert_eq!(&stats[k], v, "{case}: stats.{k}");
        }
    }
    match want.get("truncated") {
        Some(t) => {
            let got = c
                .truncated
                .unwrap_or_else(|| panic!("{case}: no truncation"));
            assert_eq!(got.side.as_str(), t["side"].as_str().unwrap());
            let prefix = if got.side == Side::New { "o" } else { "n" };
            assert_eq!(
                format!("{prefix}{}", got.after_block + 1),
                t["after_block"].as_str().unwrap()
            );
        }
        None => assert!(c.truncated.is_none(), "{case}: unexpected truncation"),
    }
    for w in want["ops"].as_array().unwrap() {
        let kind = w["op"].as_str().unwrap();
        let found = c.ops.iter().find(|op| {
            op.kind.as_str() == kind
                && w.get("old").is_none_or(|f| {
                    side_text(old, c, Side::Old, op.old.clone()).contains(f.as_str().unwrap())
                })
                && w.get("new").is_none_or(|f| {
                    side_text(new, c, Side::New, op.new.clone()).contains(f.as_str().unwrap())
                })
        });
        let op = found.unwrap_or_else(|| panic!("{case}: no {kind} op matching {w}"));
        for (key, wk) in [
            ("deleted", WordKind::Deleted),
            ("inserted", WordKind::Inserted),
        ] {
            if let Some(list) = w.get(key).and_then(Value::as_array) {
                let got: Vec<String> = op
                    .words
                    .iter()
                    .filter(|x| x.kind == wk)
                    .map(|x| x.text.trim().to_string())
                    .collect();
                let want: Vec<&str> = list.iter().map(|x| x.as_str().unwrap()).collect();
                assert_eq!(got, want, "{case}: {key} words of {kind}");
            }
        }
        if let Some(n) = w.get("old_sentences") {
            assert_eq!(
                op.old.len() as u64,
                n.as_u64().unwrap(),
                "{case}: old sentences"
            );
        }
        if let Some(n) = w.get("new_sentences") {
            assert_eq!(
                op.new.len() as u64,
                n.as_u64().unwrap(),
                "{case}: new sentences"
            );
        }
        if let Some(cos) = w.get("cosmetic") {
            assert_eq!(op.cosmetic, cos.as_bool().unwrap(), "{case}: cosmetic");
        }
        assert_ne!(op.kind, OpKind::Equal);
    }
}

#[test]
fn hard_cases() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 11);
    for dir in cases {
        let case = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (old, new) = (load(&dir, &case, "old.txt"), load(&dir, &case, "new.txt"));
        let c = align(&old, &new, &AlignOptions::default());
        let want: Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("want.json")).unwrap()).unwrap();
        check(&case, &old, &new, &c, &want);
        let mut report = Vec::new();
        write_text(&mut report, &old, &new, &c, false).unwrap();
        insta::assert_snapshot!(case.clone(), String::from_utf8(report).unwrap());
    }
}
