//! The similarity of two articles that are not copies of each other: how much
//! of their vocabulary they share. A reprint's similarity is the share of its
//! text the other carries (what the alignment finds); for `related` and
//! `unrelated` pairs that share is near nothing even when both report one
//! event, so their similarity is the overlap of their content words instead.
//! It depends on the two articles alone — never on the other articles of a
//! story or pile — so `diff`, the story and the views give a pair one number.

use crate::article::{split_words, Article};

use std::sync::OnceLock;

use super::similarity::{stem_into, terms, FxMap, STOPWORDS};

/// The distinct content words of an article (stemmed, stopwords left out),
/// hashed and sorted: what `shared_vocabulary` compares. Content blocks only,
/// unless the article has none (then all of it, as the relation does).
pub fn vocabulary(article: &Article) -> Vec<u64> {
    let has_content = article.blocks.iter().any(|b| b.role.is_content());
    let mut out = Vec::new();
    let mut buf = String::new();
    // A word seen before adds the stems it added then: each distinct word
    // is stemmed once (a long text uses a few thousand words many times).
    let mut seen: FxMap<&str, ()> = FxMap::default();
    for b in article
        .blocks
        .iter()
        .filter(|b| !has_content || b.role.is_content())
    {
        for w in split_words(article.slice(b.span)) {
            if seen.insert(w, ()).is_some() {
                continue;
            }
            vocabulary_of_word(w, &mut buf, &mut out);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The hashed stems one word adds to a vocabulary (`buf` is scratch).
pub(crate) fn vocabulary_of_word(w: &str, buf: &mut String, out: &mut Vec<u64>) {
    terms(w, |t| {
        stem_into(t, buf);
        if !buf.is_empty() && !is_stopword(buf) {
            out.push(stem_hash(buf));
        }
    });
}

/// Dice overlap of two vocabularies (`2·shared / (a + b)`), to two decimals
/// as every similarity is shown.
pub fn shared_vocabulary(a: &[u64], b: &[u64]) -> f64 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    let shared = count_shared_sorted(a, b);
    (200.0 * shared as f64 / total as f64).round() / 100.0
}

/// How many values two sorted lists have in common (a value repeated counts
/// as often as both lists hold it).
pub fn count_shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// `shared_vocabulary` of two articles.
pub fn between(old: &Article, new: &Article) -> f64 {
    shared_vocabulary(&vocabulary(old), &vocabulary(new))
}

/// Whether a stem is a stopword: a hash set, as every word of a pile asks.
pub(crate) fn is_stopword(stem: &str) -> bool {
    static SET: OnceLock<FxMap<&'static str, ()>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().map(|&w| (w, ())).collect())
        .contains_key(stem)
}

/// A stem as a vocabulary holds it (FNV-1a).
pub(crate) fn stem_hash(stem: &str) -> u64 {
    stem.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    fn article(text: &str) -> Article {
        load_bytes("a.txt", text.as_bytes(), &LoadOptions::default()).unwrap()
    }

    #[test]
    fn one_event_in_other_words_shares_more_than_two_events() {
        let a = article("Flooding closed the Varnholt tunnel on Tuesday after heavy rain, the roads agency said.");
        let b = article(
            "The Varnholt tunnel was shut on Tuesday when heavy rain flooded it, said the agency.",
        );
        let c =
            article("A fourteen-year-old from Oslo won the Nordic chess championship in Bergen.");
        let same = between(&a, &b);
        let other = between(&a, &c);
        assert!(same > 0.4, "{same}");
        assert!(other < 0.1, "{other}");
        assert_eq!(between(&a, &a), 1.0);
        assert_eq!(between(&a, &b), between(&b, &a));
    }
}
