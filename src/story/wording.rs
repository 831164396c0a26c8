//! Wording: the word choices that set outlets apart. Over the sentences the
//! story pairs as one claim, the substitutions between each two outlets'
//! versions (`protesters` ↔ `rioters`, `said` ↔ `claimed`, `Kyiv` ↔ `Kiev`),
//! counted per outlet pair. Kept are substitutions that recur — in two claims
//! or more — and a single word put for another in the same place of an
//! otherwise matching sentence (`fell` ↔ `dropped` between "the unemployment
//! rate … to 5.4%"): a habit or a choice, not a rewording of loosely paired
//! sentences, where the words between equal ones are often unrelated (a
//! reprint's copy of the same sentence is the same claim, not a recurrence).

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

/// The substitutions between the articles' versions of each claim that
/// recur (the same words, either way round, in two claims or more) or are a
/// word chosen for another (`is_choice`), most frequent first.
pub(crate) fn wording(articles: &[Article], claims: &[Claim]) -> Vec<Wording> {
    let (found, claims_of) = substitutions_by_pair(articles, claims);
    let mut out: Vec<Wording> = found
        .into_iter()
        .filter(|(k, (_, choice))| {
            *choice
                || claims_of
                    .get(&unordered(&k.2, &k.3))
                    .is_some_and(|c| c.len() >= 2)
        })
        .map(|(_, (w, _))| w)
        .collect();
    out.sort_by(|x, y| {
        y.count
            .cmp(&x.count)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
            .then(x.words_a.cmp(&y.words_a))
            .then(x.words_b.cmp(&y.words_b))
    });
    out
}

/// The byte ranges of the words each of two sentences puts in the other's place.
type Substitutions = Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>;
/// (article a, article b, words of a folded, words of b folded).
type Key = (usize, usize, String, String);
/// A substitution's folded words, either way round, and the claims it occurs in.
type ClaimsOf = HashMap<(String, String), HashSet<usize>>;

/// Every substitution between two occurrences of one claim, by outlet pair
/// and folded words, and whether one of its instances is a word choice
/// (`is_choice`); and for each substitution (either way round), the claims
/// it occurs in.
fn substitutions_by_pair(
    articles: &[Article],
    claims: &[Claim],
) -> (HashMap<Key, (Wording, bool)>, ClaimsOf) {
    let mut found: HashMap<Key, (Wording, bool)> = HashMap::new();
    let mut claims_of: ClaimsOf = HashMap::new();
    for (ci, c) in claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.occurrences.len() > 1)
    {
        let mut occ = c.occurrences.clone();
        occ.sort_by_key(|o| o.article);
        // Reprints carry a claim's sentence word for word (lines wrapped
        // anew): each two wordings are compared once, through the first
        // occurrence of each, and a sentence with its copy not at all.
        let words: Vec<Vec<(usize, usize)>> =
            occ.iter().map(|o| word_spans(text(articles, o))).collect();
        let mut firsts: HashMap<Vec<&str>, usize> = HashMap::new();
        let first: Vec<usize> = occ
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let t = text(articles, o);
                let key = words[i].iter().map(|w| &t[w.0..w.1]).collect();
                *firsts.entry(key).or_insert(i)
            })
            .collect();
        let mut known: HashMap<(usize, usize), Substitutions> = HashMap::new();
        for (i, x) in occ.iter().enumerate() {
            for (j, y) in occ.iter().enumerate().skip(i + 1) {
                let (fi, fj) = (first[i], first[j]);
                if fi == fj {
                    continue;
                }
                let (tx, ty) = (text(articles, x), text(articles, y));
                let subs = known.entry((fi, fj)).or_insert_with(|| {
                    substitutions(text(articles, &occ[fi]), text(articles, &occ[fj]))
                });
                let subs = subs.iter().map(|(rx, ry)| {
                    (
                        relocate(rx, &words[fi], &words[i]),
                        relocate(ry, &words[fj], &words[j]),
                    )
                });
                for (rx, ry) in subs {
                    let (wx, wy) = (&tx[rx.clone()], &ty[ry.clone()]);
                    let (fx, fy) = (fold(wx), fold(wy));
                    claims_of.entry(unordered(&fx, &fy)).or_default().insert(ci);
                    let key = (x.article, y.article, fx, fy);
                    let (w, choice) = found.entry(key).or_insert_with(|| {
                        let w = Wording {
                            a: x.article,
                            b: y.article,
                            words_a: wx.to_string(),
                            words_b: wy.to_string(),
                            count: 0,
                            occurrences: Vec::new(),
                        };
                        (w, false)
                    });
                    *choice |= is_choice(tx, &rx, ty, &ry);
                    w.count += 1;
                    w.occurrences.push(at(x, rx));
                    w.occurrences.push(at(y, ry));
                }
            }
        }
    }
    (found, claims_of)
}

/// Whether the substitution of `x[rx]` by `y[ry]` is one word chosen for
/// another: one word each side, both topical and lower case (no function
/// word, figure, day or month; no name or title, which differ as facts
/// do: "Supreme Court Justice" ↔ "nominee"), not forms of
/// one word (`harassed`/`harassing`, `east`/`eastern`) nor a typo, and the
/// words on either side the same — the next word, and the one after it
/// unless the next is topical itself. Between loosely paired sentences the
/// words a diff puts in each other's place are mostly unrelated ("Monday"
/// ↔ "tax crimes"); a word swapped inside matching words is a choice.
fn is_choice(x: &str, rx: &std::ops::Range<usize>, y: &str, ry: &std::ops::Range<usize>) -> bool {
    let (wx, wy) = (&x[rx.clone()], &y[ry.clone()]);
    let single = |w: &str| w.split_whitespace().count() == 1;
    let (cx, cy) = (clean(wx), clean(wy));
    let lower = |w: &str| !w.chars().any(char::is_uppercase);
    single(wx)
        && single(wy)
        && topical_word(&cx)
        && topical_word(&cy)
        && lower(wx)
        && lower(wy)
        && !same_word(&cx, &cy)
        && flanks_match(words_rev(&x[..rx.start]), words_rev(&y[..ry.start]))
        && flanks_match(words(&x[rx.end..]), words(&y[ry.end..]))
}

/// A word lower-cased without the punctuation around it and a possessive.
fn clean(w: &str) -> String {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let w = w.replace('’', "'");
    w.strip_suffix("'s").unwrap_or(&w).to_string()
}

const CALENDAR: [&str; 19] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
];

fn topical_word(w: &str) -> bool {
    w.chars().count() >= 3
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !crate::align::similarity::is_stopword(w)
        && !CALENDAR.contains(&w)
}

/// Forms of one word (a shared start of four letters, or one inside the
/// other) or a typo (one letter apart).
fn same_word(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(p, q)| p == q).count();
    common >= 4 || a.contains(b) || b.contains(a) || one_edit(a, b)
}

fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(&l).take_while(|(x, y)| x == y).count();
    let skip = usize::from(l.len() > s.len());
    s[p..].iter().skip(1 - skip).eq(l[p + 1..].iter())
}

/// Up to two words beside a substitution, nearest first, cleaned.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(clean)
        .filter(|w| !w.is_empty())
        .take(2)
        .collect()
}

fn words_rev(s: &str) -> Vec<String> {
    s.split_whitespace()
        .rev()
        .map(clean)
        .filter(|w| !w.is_empty())
        .take(2)
        .collect()
}

/// The same next word on both sides, and the one after it too unless the
/// next is topical.
fn flanks_match(x: Vec<String>, y: Vec<String>) -> bool {
    match (x.first(), y.first()) {
        (Some(a), Some(b)) if a == b => {
            !crate::align::similarity::is_stopword(a) || (x.len() == 2 && x.get(1) == y.get(1))
        }
        _ => false,
    }
}

/// The byte spans of a text's words (split at whitespace).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    text.split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + w.len())
        })
        .collect()
}

/// The bytes `r` of one text, in another with the same words (`from` and
/// `to` are their word spans): the same words, at the same offsets in them.
fn relocate(
    r: &std::ops::Range<usize>,
    from: &[(usize, usize)],
    to: &[(usize, usize)],
) -> std::ops::Range<usize> {
    if from.is_empty() || from.len() != to.len() {
        return r.clone();
    }
    let k = from.partition_point(|w| w.1 <= r.start).min(from.len() - 1);
    let start = to[k].0 + (r.start - from[k].0);
    let k = from.partition_point(|w| w.1 < r.end).min(from.len() - 1);
    let end = to[k].0 + (r.end - from[k].0);
    start..end
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_moves_to_the_same_words_wrapped_anew() {
        let from = "the rebels took the  town of Kharn";
        let to = "the rebels took\nthe town of   Kharn";
        let (fw, tw) = (word_spans(from), word_spans(to));
        let r = from.find("took the").unwrap()..from.find(" of").unwrap();
        let moved = relocate(&r, &fw, &tw);
        assert_eq!(&to[moved], "took\nthe town");
        let r = from.find("Kharn").unwrap()..from.len();
        assert_eq!(&to[relocate(&r, &fw, &tw)], "Kharn");
    }
}
