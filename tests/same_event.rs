//! The same-event development set (`../shared/data/same-event/`: 150 real
//! events, 438 snippets from 65 outlets): the pile is sorted into stories and
//! every pair is scored — same story or not — against the events. Prints pair
//! precision, recall and F1 and the cluster B-cubed F1 on the events with even
//! ids, with odd ids, and on all; skips with a note when the set is absent.

use std::collections::HashMap;

use storydiff::article::{load_article, Article, LoadOptions};
use storydiff::story::sort_pile;

mod common;
use common::SAME_EVENT as DIR;

/// The articles of the set whose event id passes `keep`, with their event ids.
fn load(keep: impl Fn(u32) -> bool) -> Option<(Vec<Article>, Vec<u32>)> {
    let mut files: Vec<(u32, String)> = common::same_event_files()?
        .into_iter()
        .map(|(event, name)| (event, format!("{DIR}/{name}")))
        .filter(|(event, _)| keep(*event))
        .collect();
    files.sort_by(|a, b| a.1.cmp(&b.1));
    let articles = files
        .iter()
        .map(|(_, f)| load_article(f, &LoadOptions::default()).expect("loads"))
        .collect();
    Some((articles, files.iter().map(|(e, _)| *e).collect()))
}

struct Scores {
    precision: f64,
    recall: f64,
    f1: f64,
    bcubed_f1: f64,
    stories: usize,
    singles: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Sorts the articles and scores every pair and every article.
fn score(articles: &[Article], events: &[u32]) -> Scores {
    let pile = sort_pile(articles);
    let n = articles.len();
    let mut story = vec![usize::MAX; n];
    for (k, s) in pile.stories.iter().enumerate() {
        for &a in &s.articles {
            story[a] = k;
        }
    }
    let same_story = |a: usize, b: usize| story[a] != usize::MAX && story[a] == story[b];
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for a in 0..n {
        for b in a + 1..n {
            match (same_story(a, b), events[a] == events[b]) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    // B-cubed: per article, the share of its story on its event (precision)
    // and the share of its event in its story (recall); a single is its own story.
    let cluster = |a: usize| -> Vec<usize> {
        if story[a] == usize::MAX {
            vec![a]
        } else {
            pile.stories[story[a]].articles.clone()
        }
    };
    let mut event_size: HashMap<u32, usize> = HashMap::new();
    for &e in events {
        *event_size.entry(e).or_default() += 1;
    }
    let (mut bp, mut br) = (0.0, 0.0);
    for a in 0..n {
        let c = cluster(a);
        let right = c.iter().filter(|&&b| events[b] == events[a]).count() as f64;
        bp += right / c.len() as f64;
        br += right / event_size[&events[a]] as f64;
    }
    Scores {
        precision,
        recall,
        f1: f1(precision, recall),
        bcubed_f1: f1(bp / n as f64, br / n as f64),
        stories: pile.stories.len(),
        singles: pile.singles.len(),
    }
}

#[test]
fn same_event_dev_set() {
    let Some(_) = load(|_| false) else {
        eprintln!("skipped: {DIR} is absent (the same-event development set)");
        return;
    };
    let mut all_f1 = 0.0;
    for (name, keep) in [
        (
            "even event ids (defaults checked here)",
            (|e| e % 2 == 0) as fn(u32) -> bool,
        ),
        ("odd event ids (held out)", |e| e % 2 == 1),
        ("all", |_| true),
    ] {
        let (articles, events) = load(keep).expect("present");
        let s = score(&articles, &events);
        eprintln!(
            "same-event, {name}: {} articles -> {} stories + {} singles; pairs: precision {:.3} recall {:.3} F1 {:.3}; B-cubed F1 {:.3}",
            articles.len(),
            s.stories,
            s.singles,
            s.precision,
            s.recall,
            s.f1,
            s.bcubed_f1
        );
        all_f1 = s.f1;
    }
    // The same pile with every date forgotten: what the text alone gives.
    let (mut articles, events) = load(|_| true).expect("present");
    for a in &mut articles {
        a.meta.date = None;
    }
    let s = score(&articles, &events);
    eprintln!(
        "same-event, all, dates unknown: pairs: precision {:.3} recall {:.3} F1 {:.3}; B-cubed F1 {:.3}",
        s.precision, s.recall, s.f1, s.bcubed_f1
    );
    assert!(
        all_f1 >= 0.85,
        "same-event pair F1 {all_f1:.3} is below 0.85"
    );
}
