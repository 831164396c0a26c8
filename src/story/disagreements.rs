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
use crate::align::classes::lexicon::{MAGNITUDES, NUMBER_WORDS, VAGUE_AMOUNTS};
use crate::align::classes::{classify_words, is_approximator, reads_as_english};
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
    // A sentence with no replacement of the class sides with the first only
    // when it carries the first's words: one that names no figure at all
    // (`left a trail of death`) agrees with neither side.
    for d in &mut out {
        d.a.extend(
            agree
                .iter()
                .filter(|(c, o)| {
                    *c == d.class
                        && text(o).is_some_and(|t| d.a_words.iter().all(|w| carries(t, w)))
                })
                .map(|&(_, o)| o),
        );
    }
    out
}

/// Whether `sentence` holds the words of `piece`, in order and together
/// (case, quote style and punctuation aside).
fn carries(sentence: &str, piece: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2011}')
            .map(fold_word)
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (hay, needle) = (words(sentence), words(piece));
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_slice())
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
    let mut found = if could_swap(&words) {
        // Edit classes are the costly part: only a replacement needs them.
        classify_words(&mut words, true);
        CLASSES.map(|class| swaps(&words, class, (reference, other)))
    } else {
        [Vec::new(), Vec::new()]
    };
    if found[0].is_empty() {
        found[0] = figures_in_same_words(reference, other);
    }
    found
}

/// Figures that stand in the same words in two sentences worded apart, where
/// the word diff cannot line them up (`Flooding killed at least nine people,
/// …` against `… a downpour … killed at least eight people.`): a figure
/// between the same word before it and the same word after it, saying what
/// is counted (`people`, `months`), with another value. Approximators
/// between (`for only three months`) are read through.
fn figures_in_same_words(a: &str, b: &str) -> Swaps {
    let (fa, fb) = (figure_contexts(a), figure_contexts(b));
    let mut out: Swaps = Vec::new();
    for x in &fa {
        for y in fb
            .iter()
            .filter(|y| y.before == x.before && y.after == x.after)
        {
            if values_differ(x.text, y.text, (a, b)) {
                out.push((x.text.to_string(), y.text.to_string()));
            }
        }
    }
    // One disagreement per figure: a pair found twice is one.
    out.sort();
    out.dedup();
    out
}

/// A one-word figure of a sentence with the words around it.
struct FigureContext<'a> {
    text: &'a str,
    /// The word before (approximators skipped) and the word after, folded.
    before: String,
    after: String,
}

fn figure_contexts(text: &str) -> Vec<FigureContext<'_>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, &w) in words.iter().enumerate() {
        let plain = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '$');
        if plain.is_empty() || !w.ends_with(char::is_alphanumeric) || definite(plain).is_none() {
            continue;
        }
        let after = words[i + 1..]
            .iter()
            .map(|w| fold_word(w))
            .find(|w| !magnitude(w))
            .unwrap_or_default();
        // What is counted: a word of four letters or more, not a year's
        // month or a figure.
        if after.chars().filter(|c| c.is_alphabetic()).count() < 4 || figure_value(&after).is_some()
        {
            continue;
        }
        let before = words[..i]
            .iter()
            .rev()
            .map(|w| fold_word(w))
            .find(|w| !qualifies_figure(w))
            .unwrap_or_default();
        if before.is_empty() {
            continue;
        }
        out.push(FigureContext {
            text: plain,
            before,
            after,
        });
    }
    out
}

/// Whether a word qualifies a figure without changing what it counts: an
/// approximator (`about`, `at least`, `more than`: the edit classes' list) or
/// `only`, `some`, `just`.
fn qualifies_figure(w: &str) -> bool {
    is_approximator(w) || matches!(w, "only" | "some" | "just")
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
/// figure measures (`a [-sixth-]{+fifth+} of Ukraine’s territory`, `at least
/// [-nine-]{+eight+} people`). Two sentences that word a fact differently
/// still disagree on its figure.
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
    let content = |t: &&str| t.chars().filter(|c| c.is_alphabetic()).count() >= 4;
    let after: Vec<&str> = after.text.split_whitespace().take(ANCHOR_WORDS).collect();
    // What is counted, right after the figure (`people`, `months`; not a
    // magnitude such as `trillion`), or a phrase of two words or more saying
    // it (`of Ukraine’s territory`).
    let counted = after.first().is_some_and(|t| content(t) && !magnitude(t));
    counted || (after.len() >= 2 && after.iter().any(content))
}

/// Whether a word scales a figure (`trillion`, `millions`) rather than
/// saying what it counts.
fn magnitude(word: &str) -> bool {
    let w = fold_word(word);
    MAGNITUDES.iter().any(|(m, _)| *m == w) || matches!(w.as_str(), "percent" | "per")
}

fn fold_word(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace('’', "'")
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

/// Whether two figures of sentences worded apart are a disagreement: both
/// definite values (not `thousands`), not one the other rounded (`3` and
/// `3.2`, `some 2,700` and `2,702`), and neither value also stated in the
/// other sentence (`$1.2 trillion over eight years` against `… over five
/// years or $1.2 trillion over eight years`: two measures, both given).
fn values_differ(a: &str, b: &str, sentences: (&str, &str)) -> bool {
    let (Some((x, px)), Some((y, py))) = (definite(a), definite(b)) else {
        return false;
    };
    let rounded = |v: f64, step: f64| (v / step).round() * step;
    if (x - y).abs() < 1e-9
        || (rounded(x, py) - y).abs() < 1e-9
        || (rounded(y, px) - x).abs() < 1e-9
    {
        return false;
    }
    let states = |sentence: &str, v: f64| {
        sentence
            .split_whitespace()
            .filter_map(definite)
            .any(|(u, _)| (u - v).abs() < 1e-9)
    };
    !states(sentences.1, x) && !states(sentences.0, y)
}

/// The value of the first figure of a piece with its precision (the step
/// of its last written digit: `2,700` is to the hundred, `3.2` to a
/// tenth): digits with a currency sign, thousands commas or an ordinal
/// ending (`$3.2`, `2,700`, `5th`), or a figure `figure_value` reads.
fn definite(piece: &str) -> Option<(f64, f64)> {
    let piece = piece.trim_start();
    if let Some(v) = word_fraction(piece) {
        return Some((v, 1.0));
    }
    let piece = match piece.split_once(char::is_whitespace) {
        Some((first, rest)) if qualifies_figure(&first.to_lowercase()) => rest.trim_start(),
        _ => piece,
    };
    if let Some(v) = figure_value(piece) {
        return Some((v, 1.0));
    }
    let token = piece
        .split_whitespace()
        .find(|w| w.chars().any(|c| c.is_ascii_digit()))?;
    let digits: String = token
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let value: f64 = digits.parse().ok()?;
    let precision = match digits.split_once('.') {
        Some((_, decimals)) => 10f64.powi(-(decimals.len() as i32)),
        None => 10f64.powi(digits.len() as i32 - digits.trim_end_matches('0').len() as i32),
    };
    Some((value, precision))
}

/// A fraction in words: `two-thirds`, `one-third`, `three quarters`, `a
/// quarter`, `three-fifths`.
fn word_fraction(piece: &str) -> Option<f64> {
    let lower = piece
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let (count, part) = lower
        .split_once(['-', ' '])
        .filter(|(_, p)| !p.contains([' ', '-']))?;
    let count = match count {
        "a" | "an" => 1.0,
        c => NUMBER_WORDS.iter().find(|(w, _)| *w == c)?.1,
    };
    let part = part.strip_suffix('s').unwrap_or(part);
    let parts = match part {
        "quarter" => 4.0,
        "half" | "halve" => 2.0,
        p if p == "third" || p.ends_with("th") => NUMBER_WORDS.iter().find(|(w, _)| *w == p)?.1,
        _ => return None,
    };
    (count < parts).then(|| count / parts)
}

/// A count in words that gives no figure (`thousands`, `dozens`, `a
/// handful`: the edit classes' vague amounts).
fn vague_count(piece: &str) -> bool {
    !piece.chars().any(|c| c.is_ascii_digit())
        && piece
            .split_whitespace()
            .any(|w| VAGUE_AMOUNTS.contains(&fold_word(w).as_str()))
}

/// Whether two pieces give one figure in different words (`1/2` and `and a
/// half`, `3` and `three`, `5th U.S.` and `Fifth`).
fn same_value(a: &str, b: &str) -> bool {
    matches!((definite(a), definite(b)), (Some((x, _)), Some((y, _))) if (x - y).abs() < 1e-9)
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
fn swaps(words: &[WordOp], class: EditClass, sentences: (&str, &str)) -> Swaps {
    let most = kept_most(words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let next = words.get(i + 1);
        if w.kind == WordKind::Deleted {
            if let Some(n) = next.filter(|n| n.kind == WordKind::Inserted) {
                // Figures: no vague count (`thousands` against `about
                // 10,000` is no disagreement); in sentences worded apart,
                // two definite values, not one the other rounded nor both
                // stated in each.
                let figures = |apart: bool| {
                    class != EditClass::Number
                        || if apart {
                            values_differ(&w.text, &n.text, sentences)
                        } else {
                            !vague_count(&w.text) && !vague_count(&n.text)
                        }
                };
                if w.class == Some(class)
                    && n.class == Some(class)
                    && short(w)
                    && short(n)
                    && ((most && figures(false)) || (anchored(words, i) && figures(true)))
                    && !same_value(&w.text, &n.text)
                {
                    out.push(if class == EditClass::Number {
                        whole_figures(words, i)
                    } else {
                        (w.text.trim().to_string(), n.text.trim().to_string())
                    });
                }
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    // Two replacements inside one figure (`1/2` against `3/4`) are one.
    out.dedup();
    out
}

/// The whole figure a replacement of `words[i]` by `words[i + 1]` stands in,
/// on each side: the pieces written against it without a space (the word
/// diff takes `1/2` apart), and a whole number before a fraction, so that
/// `22 1/2` against `22 3/4` reads so rather than `1, 2` against `3, 4`.
fn whole_figures(words: &[WordOp], i: usize) -> (String, String) {
    let side = |keep: WordKind, at: usize| -> String {
        // This side's pieces, and where the replaced one stands among them.
        let (mut ops, mut p) = (Vec::new(), 0);
        for (k, w) in words.iter().enumerate() {
            if w.kind == WordKind::Equal || w.kind == keep {
                if k == at {
                    p = ops.len();
                }
                ops.push(w.text.as_str());
            }
        }
        let joined = |a: usize, b: usize| !ops[a].ends_with(' ') && !ops[b].starts_with(' ');
        let (mut start, mut end) = (p, p);
        while start > 0 && joined(start - 1, start) && figure_piece(ops[start - 1]) {
            start -= 1;
        }
        while end + 1 < ops.len() && joined(end, end + 1) && figure_piece(ops[end + 1]) {
            end += 1;
        }
        let mut figure: String = ops[start..=end].concat();
        figure = figure.trim().trim_end_matches([',', '.']).to_string();
        if figure.contains('/') && start > 0 {
            // (An unchanged run may hold many words: its last one.)
            let whole = ops[start - 1].split_whitespace().last().unwrap_or("");
            if !whole.is_empty() && whole.chars().all(|c| c.is_ascii_digit()) {
                figure = format!("{whole} {figure}");
            }
        }
        figure
    };
    (side(WordKind::Deleted, i), side(WordKind::Inserted, i + 1))
}

/// A piece of a figure written without spaces: digits and the marks
/// between them.
fn figure_piece(piece: &str) -> bool {
    let t = piece.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | ',' | '\u{2044}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fraction_reads_whole() {
        let swaps = numbers(
            "Chauvin was sentenced on Friday to 22 1/2 years in prison, a judge ruled.",
            "Chauvin was sentenced on Friday to 22 3/4 years in prison, a judge ruled.",
        );
        assert_eq!(swaps, [("22 1/2".to_string(), "22 3/4".to_string())]);
        let swaps = numbers(
            "The bill passed by 2,310 votes to 1,204 on Tuesday.",
            "The bill passed by 2,310 votes to 1,240 on Tuesday.",
        );
        assert_eq!(swaps, [("1,204".to_string(), "1,240".to_string())]);
    }

    #[test]
    fn a_sentence_sides_with_a_figure_only_when_it_carries_it() {
        assert!(carries("At least nine people died.", "nine"));
        assert!(carries("It rose 22 1/2 points", "22 1/2"));
        assert!(carries("a two-thirds majority", "two-thirds"));
        assert!(!carries("left a trail of death and damage", "nine"));
        assert!(!carries("ninety people", "nine"));
    }

    fn numbers(a: &str, b: &str) -> Vec<(String, String)> {
        let [n, _] = swaps_of(a, b);
        n
    }

    #[test]
    fn figures_in_the_same_words_of_sentences_worded_apart() {
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            numbers(
                "Flooding killed at least nine people, swept away cars, submerged subway lines and grounded flights in New York and New Jersey as the remnants of Hurricane Ida brought torrential rains to the area.",
                "The New York City region awoke Thursday to debris-strewn downtowns, soggy basements and crippled transit after a “historic” overnight downpour from the remnants of Hurricane Ida killed at least eight people.",
            ),
            [pair("nine", "eight")]
        );
        assert_eq!(
            numbers(
                "Senate Republicans offered a plan to raise the debt limit for two months to avoid a potential economic crisis.",
                "Senate Democrats say they’ll agree to a proposal by Republicans to solve a debt limit impasse by extending the nation’s borrowing limit for only three months.",
            ),
            [pair("two", "only three")]
        );
        // Fractions in words disagree like figures.
        for (a, b, x, y) in [
            ("Two-thirds", "One-third", "Two-thirds", "One-third"),
            ("Half", "A quarter", "Half", "A quarter"),
            (
                "Three-quarters",
                "Two-thirds",
                "Three-quarters",
                "Two-thirds",
            ),
        ] {
            let s = |w: &str| {
                format!(
                    "{w} of the residents of Alton left before the levee broke, the mayor said."
                )
            };
            assert_eq!(numbers(&s(a), &s(b)), [pair(x, y)], "{a} / {b}");
        }
        // One value written two ways, a figure with other words around it,
        // a figure before a full stop, a rounded figure, a count in words
        // against a figure and a measure both sentences give are no
        // disagreement.
        for (a, b) in [
            (
                "A one-page order by the 5th U.S. Circuit Court of Appeals reinstated the law.",
                "A one-page order by the Fifth Circuit Court of Appeals reinstated the law.",
            ),
            (
                "The administration will invest $3.2 billion in antiviral pills, officials said.",
                "Officials said the administration would put $3 billion into antiviral pills.",
            ),
            (
                "Thousands of migrants have converged under the bridge in Del Rio.",
                "About 10,000 migrants have converged under the bridge in Del Rio.",
            ),
            (
                "The proposal would cost $1.2 trillion over eight years and include new spending.",
                "It would cost $974 billion over five years or $1.2 trillion over eight years.",
            ),
            (
                "President Joe Biden will propose $5 trillion in new federal spending on Friday.",
                "President Biden will propose a $6 trillion budget on Friday.",
            ),
            (
                "Officials said 12 people were hurt in the blast near the station.",
                "Twelve people were hurt, officials said of the blast near the station.",
            ),
            (
                "Ministers met for three days in Brussels to discuss the budget.",
                "The budget was discussed in Brussels, where ministers spent two weeks.",
            ),
            (
                "The fund grew by 5 percent last year, its managers said.",
                "Its managers said the fund grew last year by 7.",
            ),
        ] {
            assert!(numbers(a, b).is_empty(), "{a} / {b}");
        }
    }
}
