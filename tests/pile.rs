//! Generated piles (stories of an original, edited reprints and independent
//! write-ups, mixed with unrelated singles): the stories found are the events
//! generated, reprints are grouped, and only pairs inside stories are listed.

use storydiff::article::{load_bytes, LoadOptions};
use storydiff::story::sort_pile;
use storydiff::synth::generate_pile;

#[test]
fn a_generated_pile_sorts_into_its_events() {
    let files = generate_pile(200, 2_000, 3);
    let opts = LoadOptions::default();
    let articles: Vec<_> = files
        .iter()
        .map(|(name, text)| load_bytes(name, text.as_bytes(), &opts).unwrap())
        .collect();
    let event = |i: usize| files[i].0[..6].to_string();
    let pile = sort_pile(&articles);
    let mut story = vec![usize::MAX; articles.len()];
    for (k, s) in pile.stories.iter().enumerate() {
        for &a in &s.articles {
            story[a] = k;
        }
    }
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for a in 0..articles.len() {
        for b in a + 1..articles.len() {
            let found = story[a] != usize::MAX && story[a] == story[b];
            match (found, event(a) == event(b)) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                _ => {}
            }
        }
    }
    eprintln!("generated pile of 200: {tp} right pairs, {fp} wrong, {fn_} missed");
    // Generated prose draws every sentence from a few short word lists (and one
    // quotation template), so unrelated generated articles share far more than
    // real ones do; real collections are measured in tests/same_event.rs.
    assert!(fp * 4 <= tp, "{fp} wrong pairs against {tp} right");
    assert!(fn_ * 20 <= tp, "missed {fn_} of {}", tp + fn_);
    for &s in &pile.singles {
        assert!(files[s].0.contains("single"), "{} alone", files[s].0);
    }
    // The original and its two reprints form a reprint group in each story.
    let grouped = pile
        .stories
        .iter()
        .filter(|s| s.story.groups.iter().any(|g| g.len() >= 3))
        .count();
    assert!(
        grouped * 10 >= pile.stories.len() * 9,
        "{grouped} of {}",
        pile.stories.len()
    );
    // Never all pairs: candidates stay near the pairs inside stories.
    assert!(pile.candidates < 200 * 20, "{} candidates", pile.candidates);
}
