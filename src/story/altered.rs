//! Altered quotations: a quotation the outlets carry in different words.
//!
//! A stage of the story after the quote ledger: each quotation's wordings
//! are compared with one another by the engine's word diff and edit
//! classes; the wording most articles agree with heads the quotation (then
//! the fullest), and the others are listed against it. A wording that only quotes less (a fragment: words missing at
//! either end) or differs only in house style is not altered; one whose
//! words differ inside is, and keeps its word diff for the reader.

use super::{Occurrence, Quote};
use crate::align::classes::{classify_words, reads_as_english};
use crate::align::{word_diff, WordKind, WordOp};
use crate::article::Article;

/// One wording of an altered quotation against the headline wording.
#[derive(Clone, Debug)]
pub struct QuoteVariant {
    /// The occurrence carrying this wording.
    pub occurrence: Occurrence,
    /// The word diff from the quotation's headline wording to this one,
    /// with edit classes on the changed pieces.
    pub words: Vec<WordOp>,
}

/// Marks the quotations carried in different words, heads each with the
/// wording most articles carry, and keeps how each other wording differs.
pub fn mark_altered(quotes: &mut [Quote], articles: &[Article]) {
    let english = articles.iter().any(|a| reads_as_english(opening(&a.text)));
    for q in quotes.iter_mut() {
        let wordings = wordings(q, articles, english);
        let Some(head) = headline(&wordings) else {
            continue;
        };
        q.text = wordings[head].text.to_string();
        q.variants = variants(&wordings, head, english);
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

/// One distinct wording of a quotation: its first occurrence, and the
/// articles whose wording supports it (the same words, a fragment of them
/// or a house-style variant: nothing differs inside and nothing is added).
struct Wording<'a> {
    text: &'a str,
    occurrence: Occurrence,
    supporters: usize,
}

/// Above this many distinct wordings, only articles carrying a wording
/// word for word support it (each pair of wordings costs a word diff).
const MAX_COMPARED_WORDINGS: usize = 12;

/// The distinct wordings of a quotation, each with its support.
fn wordings<'a>(q: &Quote, articles: &'a [Article], english: bool) -> Vec<Wording<'a>> {
    let text = |o: &Occurrence| {
        articles
            .get(o.article)
            .and_then(|a| a.text.get(o.span.range()))
    };
    let mut out: Vec<Wording<'a>> = Vec::new();
    let mut articles_of: Vec<Vec<usize>> = Vec::new();
    for o in &q.occurrences {
        let Some(t) = text(o) else { continue };
        match out.iter().position(|w| w.text == t) {
            Some(k) => articles_of[k].push(o.article),
            None => {
                out.push(Wording {
                    text: t,
                    occurrence: *o,
                    supporters: 0,
                });
                articles_of.push(vec![o.article]);
            }
        }
    }
    let compared = out.len() <= MAX_COMPARED_WORDINGS;
    for k in 0..out.len() {
        let mut agree: Vec<usize> = articles_of[k].clone();
        for j in (0..out.len()).filter(|&j| j != k && compared) {
            if supports(&diff(out[k].text, out[j].text, english)) {
                agree.extend(&articles_of[j]);
            }
        }
        agree.sort_unstable();
        agree.dedup();
        out[k].supporters = agree.len();
    }
    out
}

/// The wording to head the quotation with: the one most articles agree
/// with, then the fullest, then the one found first.
fn headline(wordings: &[Wording]) -> Option<usize> {
    (0..wordings.len()).max_by_key(|&k| {
        let w = &wordings[k];
        (
            w.supporters,
            w.text.len(),
            std::cmp::Reverse(w.occurrence.article),
            std::cmp::Reverse(k),
        )
    })
}

/// The wordings that differ inside from the headline (one per wording),
/// each with its word diff from the headline.
fn variants(wordings: &[Wording], head: usize, english: bool) -> Vec<QuoteVariant> {
    wordings
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != head)
        .filter_map(|(_, w)| {
            let words = diff(wordings[head].text, w.text, english);
            differs_inside(&words).then_some(QuoteVariant {
                occurrence: w.occurrence,
                words,
            })
        })
        .collect()
}

/// The word diff from one wording to another, with edit classes.
fn diff(from: &str, to: &str, english: bool) -> Vec<WordOp> {
    let mut words = word_diff(from, to);
    classify_words(&mut words, english);
    words
}

/// Whether the wording a word diff leads to supports the one it starts
/// from: nothing differs inside, and it adds no words (a fragment supports
/// the fuller wording; the fuller one does not vouch for the fragment as
/// the headline).
fn supports(words: &[WordOp]) -> bool {
    !differs_inside(words)
        && !words.iter().any(|w| {
            w.kind == WordKind::Inserted
                && !matches!(w.class, Some(crate::align::EditClass::Cosmetic))
                && w.text.chars().any(char::is_alphanumeric)
        })
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
