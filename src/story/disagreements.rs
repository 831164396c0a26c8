//! Disagreements: claims whose numbers or names differ between outlets.
//!
//! A stage of the story after the coverage clusters: the sentences of each
//! claim (homologous sentences across articles) are compared with the
//! claim's first sentence by the engine's word diff and edit classes. Where
//! one outlet's figure or name stands in place of another's (`5%` against
//! `3.5%`, `Brussels` against `Munich`), the claim is a disagreement, with
//! the articles on each side. A figure or name one outlet merely adds or
//! leaves out is not a disagreement.

use std::collections::HashMap;

use super::{Claim, Occurrence};
use crate::align::classes::lexicon::{MAGNITUDES, NUMBER_WORDS};
use crate::align::classes::{classify_words, reads_as_english};
use crate::align::{word_diff, EditClass, WordKind, WordOp};
use crate::article::Article;

/// A claim whose outlets give different numbers or names.
#[derive(Clone, Debug)]
pub struct Disagreement {
    /// Index into the story's claims.
    pub claim: usize,
    /// `Number` or `Name`.
    pub class: EditClass,
    /// The words of the first side (the claim's first sentence) and the
    /// occurrences that agree with it.
    pub a_words: Vec<String>,
    pub a: Vec<Occurrence>,
    /// The other side's words in their place, and its occurrences.
    pub b_words: Vec<String>,
    pub b: Vec<Occurrence>,
}

/// The disagreements among `claims`, in claim order.
pub fn find(claims: &[Claim], articles: &[Article]) -> Vec<Disagreement> {
    let english = articles.iter().any(|a| {
        let t = &a.text;
        let mut end = t.len().min(2048);
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        reads_as_english(&t[..end])
    });
    if !english {
        // Numbers and names are English-only classes.
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, claim) in claims.iter().enumerate() {
        if claim.articles().len() < 2 {
            continue;
        }
        out.extend(in_claim(k, claim, articles));
    }
    out
}

/// Replacements of one class between the first sentence and another:
/// (deleted words, inserted words).
type Swaps = Vec<(String, String)>;

fn in_claim(k: usize, claim: &Claim, articles: &[Article]) -> Vec<Disagreement> {
    let text = |o: &Occurrence| {
        articles
            .get(o.article)
            .and_then(|a| a.text.get(o.span.range()))
    };
    let first = claim.occurrences[0];
    let Some(reference) = text(&first) else {
        return Vec::new();
    };
    let mut out: Vec<Disagreement> = Vec::new();
    let mut agree: Vec<(EditClass, Occurrence)> = Vec::new();
    // Reprints repeat a sentence word for word (lines wrapped anew): each
    // wording is diffed once.
    let mut known: HashMap<Vec<&str>, [Swaps; 2]> = HashMap::new();
    for o in claim.occurrences.iter().skip(1) {
        if o.article == first.article {
            continue;
        }
        let Some(t) = text(o) else { continue };
        let found = known
            .entry(t.split_whitespace().collect())
            .or_insert_with(|| swaps_of(reference, t));
        for (class, swaps) in CLASSES.into_iter().zip(found.iter()) {
            if swaps.is_empty() {
                agree.push((class, *o));
                continue;
            }
            let a_words: Vec<String> = swaps.iter().map(|s| s.0.clone()).collect();
            let b_words: Vec<String> = swaps.iter().map(|s| s.1.clone()).collect();
            match out
                .iter_mut()
                .find(|d| d.class == class && d.a_words == a_words && d.b_words == b_words)
            {
                Some(d) => d.b.push(*o),
                None => out.push(Disagreement {
                    claim: k,
                    class,
                    a_words,
                    a: vec![first],
                    b_words,
                    b: vec![*o],
                }),
            }
        }
    }
    for d in &mut out {
        d.a.extend(agree.iter().filter(|(c, _)| *c == d.class).map(|&(_, o)| o));
    }
    out
}

/// The classes a disagreement is about.
const CLASSES: [EditClass; 2] = [EditClass::Number, EditClass::Name];

/// The swaps of each of `CLASSES` from `reference` to `other` (none when the
/// two are the same words).
fn swaps_of(reference: &str, other: &str) -> [Swaps; 2] {
    if reference.split_whitespace().eq(other.split_whitespace()) {
        return [Vec::new(), Vec::new()];
    }
    let mut words = word_diff(reference, other);
    if !could_swap(&words) {
        // Edit classes are the costly part: only a replacement needs them.
        return [Vec::new(), Vec::new()];
    }
    classify_words(&mut words, true);
    CLASSES.map(|class| swaps(&words, class))
}

/// Whether a word diff has what a swap needs, whatever the classes: a short
/// deleted piece right before a short inserted one, in sentences that keep
/// most of their words or with what it measures kept around it.
fn could_swap(words: &[WordOp]) -> bool {
    let most = kept_most(words);
    (0..words.len().saturating_sub(1)).any(|i| {
        let (w, n) = (&words[i], &words[i + 1]);
        w.kind == WordKind::Deleted
            && n.kind == WordKind::Inserted
            && short(w)
            && short(n)
            && (most || anchored(words, i))
    })
}

/// Whether the replacement at `i` (deleted, then inserted) sits in the same
/// words on both sides: unchanged words right after it that say what the
/// figure measures (`a [-sixth-]{+fifth+} of Ukraine’s territory`). Two
/// sentences that word a fact differently still disagree on its figure.
fn anchored(words: &[WordOp], i: usize) -> bool {
    // One figure against another, a word or two each (`22 1/2` against `22
    // and a half` is one figure worded twice, not two).
    let figure = |w: &WordOp| has_figure(&w.text) && w.text.split_whitespace().count() <= 2;
    if !(figure(&words[i]) && figure(&words[i + 1])) {
        return false;
    }
    let Some(after) = words.get(i + 2).filter(|w| w.kind == WordKind::Equal) else {
        return false;
    };
    let content = after
        .text
        .split_whitespace()
        .take(ANCHOR_WORDS)
        .filter(|t| t.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .count();
    content >= 1 && after.text.split_whitespace().count() >= 2
}

/// The unchanged words read after a replacement for what it measures.
const ANCHOR_WORDS: usize = 3;

/// Whether a piece holds a figure: digits, or a number or fraction written
/// out (`a sixth`, `two-thirds`, `dozens`), not a weekday or a month.
fn has_figure(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == '-')
        .any(|t| {
            let t = t
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let singular = t.strip_suffix('s').unwrap_or(&t);
            let named = |w: &str| w == t || w == singular;
            t.chars().any(|c| c.is_ascii_digit())
                || NUMBER_WORDS.iter().any(|(w, _)| named(w))
                || MAGNITUDES.iter().any(|(w, _)| w.len() >= 4 && named(w))
        })
}

/// Whether two pieces give one figure in different words (`1/2` and `and a
/// half`, `3` and `three`).
fn same_value(a: &str, b: &str) -> bool {
    matches!((figure_value(a), figure_value(b)), (Some(x), Some(y)) if (x - y).abs() < 1e-9)
}

/// The value of a piece that is one simple figure: digits (`3`, `2.5`,
/// `1/2`) or one number word (`three`, `half`), after `and`; after `a`, `an`
/// or `one` an ordinal is a fraction (`a fifth` is 0.2).
fn figure_value(text: &str) -> Option<f64> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/' && c != '.')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && w != "and")
        .collect();
    let (one, w) = match words.as_slice() {
        [w] => (false, w),
        [a, w] if matches!(a.as_str(), "a" | "an" | "one") => (true, w),
        _ => return None,
    };
    if let Some((n, d)) = w.split_once('/') {
        let (n, d): (f64, f64) = (n.parse().ok()?, d.parse().ok()?);
        return (d != 0.0).then(|| n / d);
    }
    if let Ok(v) = w.parse::<f64>() {
        return Some(v);
    }
    let v = NUMBER_WORDS.iter().find(|(k, _)| k == w)?.1;
    let ordinal = w.ends_with("th") || w == "third";
    Some(if one && ordinal { 1.0 / v } else { v })
}

/// Two sentences that keep most of their words (homologous sentences of
/// different content disagree on nothing).
fn kept_most(words: &[WordOp]) -> bool {
    let count = |kind: WordKind| -> usize {
        words
            .iter()
            .filter(|w| w.kind == kind)
            .map(|w| w.text.split_whitespace().count())
            .sum()
    };
    let (same, del, ins) = (
        count(WordKind::Equal),
        count(WordKind::Deleted),
        count(WordKind::Inserted),
    );
    same >= 2 * del.max(ins)
}

/// A piece that can be one figure or name.
fn short(w: &WordOp) -> bool {
    let n = w.text.split_whitespace().count();
    (1..=SWAP_WORDS).contains(&n) && w.text.chars().any(char::is_alphanumeric)
}

/// Pieces of at most this many words can be one figure or name.
const SWAP_WORDS: usize = 4;

/// The changes of `class` that replace a figure or name on both sides (not
/// one added or left out), in two sentences that keep most of their words
/// (homologous sentences of different content disagree on nothing).
fn swaps(words: &[WordOp], class: EditClass) -> Swaps {
    let most = kept_most(words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let next = words.get(i + 1);
        if w.kind == WordKind::Deleted {
            if let Some(n) = next.filter(|n| n.kind == WordKind::Inserted) {
                if w.class == Some(class)
                    && n.class == Some(class)
                    && short(w)
                    && short(n)
                    && (most || anchored(words, i))
                    && !same_value(&w.text, &n.text)
                {
                    out.push((w.text.trim().to_string(), n.text.trim().to_string()));
                }
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    out
}
