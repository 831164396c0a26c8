//! Wording: the word choices that set outlets apart. Over the sentences the
//! story pairs as one claim, the substitutions between each two outlets'
//! versions (`protesters` ↔ `rioters`, `said` ↔ `claimed`, `Kyiv` ↔ `Kiev`),
//! counted per outlet pair. Only substitutions that recur — in two claims or
//! more — are kept: a habit or a choice, not a one-off rewording (a reprint's
//! copy of the same sentence is the same claim, not a recurrence).

use std::collections::{HashMap, HashSet};

use super::{Claim, Occurrence};
use crate::align::words::substitutions;
use crate::article::{Article, Span};

/// One substitution between two articles, and where each instance stands.
#[derive(Clone, Debug)]
pub struct Wording {
    /// The two articles, `a < b`.
    pub a: usize,
    pub b: usize,
    /// The words of `a` and of `b`, as first written.
    pub words_a: String,
    pub words_b: String,
    /// How many times the pair of sentences of one claim substitutes them.
    pub count: usize,
    /// Each instance: the words in `a`, then in `b`.
    pub occurrences: Vec<Occurrence>,
}

/// The recurring substitutions between the articles' versions of each claim
/// (the same words, either way round, in two claims or more), most frequent
/// first.
pub(crate) fn wording(articles: &[Article], claims: &[Claim]) -> Vec<Wording> {
    let (found, claims_of) = substitutions_by_pair(articles, claims);
    let mut out: Vec<Wording> = found
        .into_iter()
        .filter(|(k, _)| {
            claims_of
                .get(&unordered(&k.2, &k.3))
                .is_some_and(|c| c.len() >= 2)
        })
        .map(|(_, w)| w)
        .collect();
    out.sort_by(|x, y| {
        y.count
            .cmp(&x.count)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
            .then(x.words_a.cmp(&y.words_a))
    });
    out
}

/// (article a, article b, words of a folded, words of b folded).
type Key = (usize, usize, String, String);
/// A substitution's folded words, either way round, and the claims it occurs in.
type ClaimsOf = HashMap<(String, String), HashSet<usize>>;

/// Every substitution between two occurrences of one claim, by outlet pair
/// and folded words; and for each substitution (either way round), the
/// claims it occurs in.
fn substitutions_by_pair(
    articles: &[Article],
    claims: &[Claim],
) -> (HashMap<Key, Wording>, ClaimsOf) {
    let mut found: HashMap<Key, Wording> = HashMap::new();
    let mut claims_of: ClaimsOf = HashMap::new();
    for (ci, c) in claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.occurrences.len() > 1)
    {
        let mut occ = c.occurrences.clone();
        occ.sort_by_key(|o| o.article);
        for (i, x) in occ.iter().enumerate() {
            for y in &occ[i + 1..] {
                let (tx, ty) = (text(articles, x), text(articles, y));
                for (rx, ry) in substitutions(tx, ty) {
                    let (wx, wy) = (&tx[rx.clone()], &ty[ry.clone()]);
                    let (fx, fy) = (fold(wx), fold(wy));
                    claims_of.entry(unordered(&fx, &fy)).or_default().insert(ci);
                    let key = (x.article, y.article, fx, fy);
                    let w = found.entry(key).or_insert_with(|| Wording {
                        a: x.article,
                        b: y.article,
                        words_a: wx.to_string(),
                        words_b: wy.to_string(),
                        count: 0,
                        occurrences: Vec::new(),
                    });
                    w.count += 1;
                    w.occurrences.push(at(x, rx));
                    w.occurrences.push(at(y, ry));
                }
            }
        }
    }
    (found, claims_of)
}

fn unordered(p: &str, q: &str) -> (String, String) {
    if p <= q {
        (p.to_string(), q.to_string())
    } else {
        (q.to_string(), p.to_string())
    }
}

fn text<'a>(articles: &'a [Article], o: &Occurrence) -> &'a str {
    &articles[o.article].text[o.span.range()]
}

/// The occurrence of the bytes `r` of occurrence `o`'s sentence.
fn at(o: &Occurrence, r: std::ops::Range<usize>) -> Occurrence {
    Occurrence {
        article: o.article,
        span: Span {
            start: o.span.start + r.start,
            end: o.span.start + r.end,
        },
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
