//! The same-event judgement: do two articles report the same event? Scored
//! from evidence weighted by how rare it is in the pile — shared rare words
//! and names (TF-IDF cosine, headline words counting double), shared
//! quotations, and how far apart the two were published — never from common
//! names alone: a word a thousand other articles carry weighs almost nothing.
//!
//! Third stage of sorting a pile (`index ─▶ candidates ─▶ judge ─▶ cluster`),
//! and the one rule for whether two articles diffed alone are `related`
//! (`evidence::between`).

use super::index::{Doc, Index, TermId};
use crate::align::overlap::count_shared_sorted;

/// Score from which two articles report the same event.
///
/// A general default, not fitted to one collection: a TF-IDF cosine of about
/// 0.2 is where news articles stop sharing only a topic and start sharing an
/// event. (On the same-event development set, tuned on half the events, the
/// best value lay between 0.15 and 0.18; see the README.)
pub const SAME_EVENT: f64 = 0.18;

/// Added to the score when the two share a quotation of five or more words:
/// the same words in the same person's mouth are strong evidence.
const QUOTE_BONUS: f64 = 0.1;

/// Reports of one event come out within a couple of days of each other;
/// after that each further two days halve the score (a follow-up a week
/// later is a new event unless the texts are near copies).
const SAME_DAYS: i32 = 2;
const HALF_LIFE_DAYS: f64 = 2.0;

/// When a date is unknown the score counts for less: without it an event
/// is harder to tell from a topic, so the text must carry more of the proof.
const UNDATED: f64 = 0.85;

/// Shared terms listed as evidence.
const SHOWN_TERMS: usize = 8;

/// What two articles share, and the score it adds up to.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// The same-event score (0–1): `related` from `SAME_EVENT`.
    pub score: f64,
    /// TF-IDF cosine of the two texts (headline words counting double).
    pub text: f64,
    /// The shared terms that weigh most (rarest in the pile), as written.
    pub terms: Vec<String>,
    /// Five-word runs of quotation both carry.
    pub quote_runs: usize,
    /// Share of the shorter headline's terms the other headline has.
    pub title: f64,
    /// Days between the two publication dates, when both are known.
    pub days_apart: Option<u32>,
}

impl Evidence {
    /// Whether the evidence says the two report the same event.
    pub fn same_event(&self) -> bool {
        self.score >= SAME_EVENT
    }
}

/// Judges one pair of indexed articles: the score and what it rests on.
pub(crate) fn judge(index: &Index, a: usize, b: usize) -> Evidence {
    let (da, db) = (&index.docs[a], &index.docs[b]);
    let (text, shared) = cosine(da, db);
    let quote_runs = count_shared_sorted(&da.quote_runs, &db.quote_runs);
    let days_apart = days_apart(da, db);
    Evidence {
        score: round(combine(text, quote_runs, days_apart)),
        text: round(text),
        terms: strongest_terms(index, shared),
        quote_runs,
        title: round(title_overlap(&da.title, &db.title)),
        days_apart,
    }
}

/// Judges articles `a` and `b` of the index as `diff` does, the two alone
/// (rarity weighed over the pair, not the pile): one relation for a pair
/// whatever shows it.
pub(crate) fn judge_alone(index: &Index, a: usize, b: usize) -> Evidence {
    judge(&index.pair(a, b), 0, 1)
}

/// The same-event score alone (what clustering needs), as `judge` gives it.
pub(crate) fn score(index: &Index, a: usize, b: usize) -> f64 {
    let (da, db) = (&index.docs[a], &index.docs[b]);
    let (text, _) = cosine(da, db);
    let quote_runs = count_shared_sorted(&da.quote_runs, &db.quote_runs);
    round(combine(text, quote_runs, days_apart(da, db)))
}

/// Text similarity, raised by a shared quotation, lowered by time apart.
fn combine(text: f64, quote_runs: usize, days_apart: Option<u32>) -> f64 {
    let quote = if quote_runs > 0 { QUOTE_BONUS } else { 0.0 };
    ((text + quote) * date_factor(days_apart)).min(1.0)
}

fn days_apart(a: &Doc, b: &Doc) -> Option<u32> {
    match (a.day, b.day) {
        (Some(x), Some(y)) => Some(x.abs_diff(y)),
        _ => None,
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The cosine of two unit vectors, and the shared terms with their products.
fn cosine(a: &Doc, b: &Doc) -> (f64, Vec<(TermId, f32)>) {
    let (mut i, mut j) = (0, 0);
    let mut dot = 0.0f64;
    let mut shared = Vec::new();
    while i < a.terms.len() && j < b.terms.len() {
        let ((ta, wa), (tb, wb)) = (a.terms[i], b.terms[j]);
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += f64::from(wa * wb);
                shared.push((ta, wa * wb));
                i += 1;
                j += 1;
            }
        }
    }
    (dot.min(1.0), shared)
}

fn strongest_terms(index: &Index, mut shared: Vec<(TermId, f32)>) -> Vec<String> {
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    shared
        .iter()
        .take(SHOWN_TERMS)
        .map(|&(t, _)| index.surface[t.0 as usize].clone())
        .collect()
}

fn title_overlap(a: &[TermId], b: &[TermId]) -> f64 {
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    let shared = a.iter().filter(|t| b.binary_search(t).is_ok()).count();
    shared as f64 / shorter as f64
}

/// 1 within `SAME_DAYS`, then halving every `HALF_LIFE_DAYS`; `UNDATED` when a date is unknown.
fn date_factor(days_apart: Option<u32>) -> f64 {
    match days_apart {
        Some(d) if d as i32 > SAME_DAYS => {
            0.5f64.powf(f64::from(d as i32 - SAME_DAYS) / HALF_LIFE_DAYS)
        }
        Some(_) => 1.0,
        None => UNDATED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_weigh_in_only_when_far_apart_and_known() {
        assert_eq!(date_factor(None), UNDATED);
        assert_eq!(date_factor(Some(0)), 1.0);
        assert_eq!(date_factor(Some(2)), 1.0);
        assert!((date_factor(Some(4)) - 0.5).abs() < 1e-9);
        assert!(date_factor(Some(30)) < 0.001);
    }
}
