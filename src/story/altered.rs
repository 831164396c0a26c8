//! Altered quotations: a quotation the outlets carry in different words.
//!
//! A stage of the story after the quote ledger: each quotation's wordings
//! are compared with the fullest one by the engine's word diff and edit
//! classes. A wording that only quotes less (a fragment: words missing at
//! either end) or differs only in house style is not altered; one whose
//! words differ inside is, and keeps its word diff for the reader.

use super::{Occurrence, Quote};
use crate::align::classes::{classify_words, reads_as_english};
use crate::align::{word_diff, WordKind, WordOp};
use crate::article::Article;

/// One wording of an altered quotation against the fullest wording.
#[derive(Clone, Debug)]
pub struct QuoteVariant {
    /// The occurrence carrying this wording.
    pub occurrence: Occurrence,
    /// The word diff from the quotation's fullest wording to this one,
    /// with edit classes on the changed pieces.
    pub words: Vec<WordOp>,
}

/// Marks the quotations carried in different words and keeps how each
/// wording differs.
pub fn mark_altered(quotes: &mut [Quote], articles: &[Article]) {
    let english = articles.iter().any(|a| reads_as_english(opening(&a.text)));
    for q in quotes.iter_mut() {
        q.variants = variants(q, articles, english);
        q.altered = !q.variants.is_empty();
    }
}

fn opening(text: &str) -> &str {
    let mut end = text.len().min(2048);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The wordings that differ inside from the fullest one (one per wording).
fn variants(q: &Quote, articles: &[Article], english: bool) -> Vec<QuoteVariant> {
    let text = |o: &Occurrence| {
        articles
            .get(o.article)
            .and_then(|a| a.text.get(o.span.range()))
    };
    let Some(full) = q
        .occurrences
        .iter()
        .filter_map(|o| text(o).map(|t| (o, t)))
        .max_by_key(|(o, t)| (t.len(), std::cmp::Reverse(o.article)))
    else {
        return Vec::new();
    };
    let mut seen: Vec<&str> = vec![full.1];
    let mut out = Vec::new();
    for o in &q.occurrences {
        let Some(t) = text(o) else { continue };
        if seen.contains(&t) {
            continue;
        }
        seen.push(t);
        let mut words = word_diff(full.1, t);
        classify_words(&mut words, english);
        if differs_inside(&words) {
            out.push(QuoteVariant {
                occurrence: *o,
                words,
            });
        }
    }
    out
}

/// Whether a word diff changes words between its first and last equal
/// piece with something more than house style.
fn differs_inside(words: &[WordOp]) -> bool {
    let first = words.iter().position(|w| w.kind == WordKind::Equal);
    let last = words.iter().rposition(|w| w.kind == WordKind::Equal);
    let (Some(first), Some(last)) = (first, last) else {
        // Nothing in common: not one quotation worded two ways.
        return false;
    };
    words[first..=last].iter().any(|w| {
        w.kind != WordKind::Equal
            && !matches!(w.class, Some(crate::align::EditClass::Cosmetic))
            && w.text.chars().any(char::is_alphanumeric)
    })
}
