//! One similarity per pair: `diff --format json` and `story --format json`
//! give a pair the same number — for the samples (one story: a reprint pair
//! and independent write-ups) and for pairs inside the stories of a pile.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// For every pair of `story` (a `storydiff.story/1` object, or one story of a
/// pile with indices into `articles`): the similarity `diff` gives it.
/// Returns the relations seen.
fn check_pairs(story: &Value, articles: &[Value], index: &dyn Fn(u64) -> usize) -> Vec<String> {
    let mut seen = Vec::new();
    for p in story["pairs"].as_array().unwrap() {
        let (a, b) = (
            index(p["a"].as_u64().unwrap()),
            index(p["b"].as_u64().unwrap()),
        );
        let (pa, pb) = (
            articles[a]["path"].as_str().unwrap(),
            articles[b]["path"].as_str().unwrap(),
        );
        let diff = run(&["diff", pa, pb, "--format", "json"]);
        assert_eq!(
            diff["similarity"], p["similarity"],
            "{pa} {pb}: diff says {} {}, story says {} {}",
            diff["relation"], diff["similarity"], p["relation"], p["similarity"]
        );
        seen.push(p["relation"].as_str().unwrap().to_string());
    }
    seen
}

#[test]
fn diff_and_story_give_the_samples_one_similarity() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
    let story = run(&["story", dir, "--format", "json"]);
    assert_eq!(story["schema"], "storydiff.story/1");
    let articles = story["articles"].as_array().unwrap().clone();
    let seen = check_pairs(&story, &articles, &|i| i as usize);
    assert_eq!(seen.len(), 10);
    assert!(seen.iter().any(|r| r == "reprint"), "{seen:?}");
    assert!(seen.iter().any(|r| r == "related"), "{seen:?}");
}

#[test]
fn diff_and_story_give_pairs_of_a_pile_one_similarity() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("one-similarity-pile");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in storydiff::synth::generate_pile(60, 2_000, 3) {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let pile = run(&["story", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(pile["schema"], "storydiff.stories/1");
    let articles = pile["articles"].as_array().unwrap().clone();
    let mut seen = Vec::new();
    let stories = pile["stories"].as_array().unwrap();
    assert!(stories.len() >= 2, "{}", stories.len());
    for s in &stories[..2] {
        // Pairs name articles by their index into the pile's articles.
        seen.extend(check_pairs(s, &articles, &|i| i as usize));
    }
    assert!(seen.iter().any(|r| r == "reprint"), "{seen:?}");
    assert!(seen.iter().any(|r| r == "related"), "{seen:?}");
}
