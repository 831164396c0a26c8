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

/// The set's files by event, in event order.
fn files_by_event() -> Option<Vec<(u32, Vec<String>)>> {
    let mut by_event: HashMap<u32, Vec<String>> = HashMap::new();
    for (event, name) in common::same_event_files()? {
        by_event
            .entry(event)
            .or_default()
            .push(format!("{DIR}/{name}"));
    }
    let mut events: Vec<(u32, Vec<String>)> = by_event.into_iter().collect();
    events.sort_unstable_by_key(|e| e.0);
    for (_, files) in &mut events {
        files.sort();
    }
    Some(events)
}

fn load_all(files: &[String]) -> Vec<Article> {
    files
        .iter()
        .map(|f| load_article(f, &LoadOptions::default()).expect("loads"))
        .collect()
}

/// Each event's write-ups passed together, as `storydiff A B C` passes them,
/// and each two neighbouring events' write-ups passed together (a small pile
/// of two events): how many events of two or more outlets come out as one
/// story holding them all, and how many pairs of articles of different
/// events one story joins. Regression: 5684 and 5860 opened as a pile of one
/// story and a single, so no three-column view.
#[test]
fn each_events_write_ups_together_are_one_story() {
    let Some(events) = files_by_event() else {
        eprintln!("skipped: {DIR} is absent (the same-event development set)");
        return;
    };
    let loaded: Vec<(u32, Vec<Article>)> = events
        .iter()
        .map(|(e, files)| (*e, load_all(files)))
        .collect();
    let (mut multi, mut whole, mut apart) = (0, 0, Vec::new());
    for (e, articles) in &loaded {
        if articles.len() < 2 {
            continue;
        }
        multi += 1;
        let pile = sort_pile(articles);
        if pile.stories.len() == 1 && pile.stories[0].articles.len() == articles.len() {
            whole += 1;
        } else {
            apart.push(*e);
        }
    }
    // Two neighbouring events at once: each whole, and never one story
    // across the two.
    let (mut whole_in_two, mut wrong_pairs) = (0, 0);
    for w in loaded.windows(2) {
        let (a, b) = (&w[0].1, &w[1].1);
        let mut articles = a.clone();
        articles.extend(b.iter().cloned());
        let pile = sort_pile(&articles);
        for s in &pile.stories {
            let from_a = s.articles.iter().filter(|&&k| k < a.len()).count();
            wrong_pairs += from_a * (s.articles.len() - from_a);
        }
        for (range, n) in [(0..a.len(), a.len()), (a.len()..articles.len(), b.len())] {
            if n >= 2
                && pile
                    .stories
                    .iter()
                    .any(|s| s.articles.len() == n && s.articles.iter().all(|k| range.contains(k)))
            {
                whole_in_two += 1;
            }
        }
    }
    eprintln!(
        "same-event, each event alone: {whole} of {multi} events of two or more outlets are one story; apart: {apart:?}"
    );
    eprintln!(
        "same-event, two neighbouring events at once ({} piles): {whole_in_two} of {} events whole, {wrong_pairs} pairs of different events joined",
        loaded.len() - 1,
        2 * multi
    );
    for e in [5684, 5860] {
        assert!(!apart.contains(&e), "event {e} is not one story");
    }
    // Measured: 107 of 150 alone, 213 of 300 two at a time, no pair
    // joined across two events (before piles of up to six were judged pair
    // by pair: 95 of 150, 213 of 300, none).
    assert_eq!(wrong_pairs, 0);
    assert!(whole * 100 >= multi * 70, "{whole} of {multi}");
    assert!(
        whole_in_two * 100 >= multi * 2 * 65,
        "{whole_in_two} of {}",
        2 * multi
    );
}
