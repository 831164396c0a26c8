//! Paragraph openings offered to both sides as sentence boundaries.
//!
//! A paragraph break ends a sentence whatever comes after it, while inside a
//! paragraph the splitter runs on over a full stop before a lower-case
//! opening (`… labelled 10. in which the trapdoor…`), after an initial or an
//! abbreviation. So when one side starts a paragraph where the other has it
//! inside a paragraph — a copy that joined paragraphs, a moved paragraph now
//! standing after a sentence it seems to continue — the two sides cut the
//! same words into different sentences, and the sentence (or the move) is not
//! found. Between the units and the sentence diff, every unit of either side
//! is cut where, after a sentence end inside it, the opening of a paragraph of
//! either side follows: both sides alike, so text the two share stays cut the
//! same way.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use super::similarity::Fx;
use super::units::{fold, hashes, Fold, Unit};
use crate::article::{closers_len, Article, Span};

/// Words of a paragraph's opening that are compared.
const OPENING_WORDS: usize = 4;
/// Fewest words an opening must match to cut, unless it is a whole sentence
/// and the unit ends with it (`… not well. n.`).
const MIN_WORDS: usize = 3;

/// Cuts the units of both sides at paragraph openings of either side.
pub(crate) fn cut_at_openings(
    old: &Article,
    new: &Article,
    old_units: &mut Vec<Unit>,
    new_units: &mut Vec<Unit>,
) {
    let openings = openings(&[(old, old_units.as_slice()), (new, new_units.as_slice())]);
    if openings.first_words.is_empty() {
        return;
    }
    cut_units(old, old_units, &openings);
    cut_units(new, new_units, &openings);
}

/// Hashes (already mixed): a fast table of them.
type Keys = HashSet<u64, BuildHasherDefault<Fx>>;

/// The openings of every paragraph of both sides.
struct Openings {
    /// A hash of their first `n` words (up to `OPENING_WORDS`, fewer when
    /// the sentence is shorter), with `n` mixed in.
    keys: Keys,
    /// Their first words alone: most sentence ends inside a sentence are
    /// told apart by the word after them.
    first_words: Keys,
}

fn openings(sides: &[(&Article, &[Unit])]) -> Openings {
    let mut out = Openings {
        keys: Keys::default(),
        first_words: Keys::default(),
    };
    for &(article, units) in sides {
        for u in units.iter().filter(|u| u.sentence == 0) {
            let mut words = Words::new(&article.text[u.span.range()]);
            let mut last = None;
            for _ in 0..OPENING_WORDS {
                match words.next() {
                    Some(h) => last = Some((h, words.count)),
                    None => break,
                }
                if words.count == 1 {
                    out.first_words.insert(words.hash);
                }
            }
            if let Some((h, n)) = last {
                out.keys.insert(opening_key(h, n));
            }
        }
    }
    out
}

fn opening_key(h: u64, n: usize) -> u64 {
    (h ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Running hashes of the words of a text (whitespace-separated, case and
/// typography folded as the matching key folds them): each call hashes one
/// more word onto the ones before.
struct Words<'a> {
    rest: &'a str,
    hash: u64,
    count: usize,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            rest: text,
            hash: 0xcbf2_9ce4_8422_2325,
            count: 0,
        }
    }

    /// The hash of the words so far with one more, or `None` at the end.
    fn next(&mut self) -> Option<u64> {
        let t = self.rest.trim_start();
        if t.is_empty() {
            self.rest = t;
            return None;
        }
        let end = t.find(char::is_whitespace).unwrap_or(t.len());
        let mut h = self.hash ^ 0x20;
        let mut feed =
            |c: char| h = (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x100_0000_01b3);
        let word = &t[..end];
        if word.is_ascii() {
            word.bytes()
                .for_each(|b| feed(char::from(b.to_ascii_lowercase())));
        } else {
            for c in word.chars() {
                match fold(c) {
                    Fold::Space | Fold::Drop => {}
                    Fold::Char(m) => feed(m),
                    Fold::Lower => c.to_lowercase().for_each(&mut feed),
                }
            }
        }
        self.hash = h;
        self.count += 1;
        self.rest = &t[end..];
        Some(h)
    }
}

/// Replaces each unit cut at an opening by its pieces (keys and words
/// worked out again) and numbers the sentences of every block anew.
fn cut_units(article: &Article, units: &mut Vec<Unit>, openings: &Openings) {
    let mut cuts: Vec<(usize, Vec<Span>)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if let Some(pieces) = pieces(&article.text, u.span, openings) {
            cuts.push((i, pieces));
        }
    }
    if cuts.is_empty() {
        return;
    }
    let mut out = Vec::with_capacity(units.len() + cuts.len());
    let mut cuts = cuts.into_iter().peekable();
    for (i, u) in units.iter().enumerate() {
        match cuts.next_if(|(at, _)| *at == i) {
            None => out.push(*u),
            Some((_, spans)) => out.extend(spans.into_iter().map(|span| {
                let (key, exact, words) = hashes(&article.text[span.range()]);
                Unit {
                    span,
                    key,
                    exact,
                    words,
                    ..*u
                }
            })),
        }
    }
    for i in 0..out.len() {
        out[i].sentence = if i > 0 && out[i - 1].block == out[i].block {
            out[i - 1].sentence + 1
        } else {
            0
        };
    }
    *units = out;
}

/// The sentence `span` cut after each sentence end inside it that a
/// paragraph opening follows, or `None` when there is none.
fn pieces(text: &str, span: Span, openings: &Openings) -> Option<Vec<Span>> {
    let b = text.as_bytes();
    let end = span.end;
    let mut out = Vec::new();
    let mut start = span.start;
    let mut i = span.start;
    while let Some(p) = memchr::memchr3(b'.', b'!', b'?', &b[i..end]) {
        let mut j = i + p + 1;
        while j < end && matches!(b[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        j += closers_len(b, j, end);
        i = j;
        let k = match b[j..end].first() {
            Some(&c) if crate::article::is_ascii_space(c) => {
                j + b[j..end]
                    .iter()
                    .take_while(|&&c| crate::article::is_ascii_space(c))
                    .count()
            }
            Some(c) if c.is_ascii() => continue,
            _ => match text[j..end].find(|c: char| !c.is_whitespace()) {
                Some(0) => continue,
                Some(next) => j + next,
                None => break,
            },
        };
        if k >= end {
            break;
        }
        if opens_paragraph(&text[k..end], openings) {
            out.push(Span::new(start, j));
            start = k;
        }
        i = k;
    }
    if out.is_empty() {
        return None;
    }
    out.push(Span::new(start, end));
    Some(out)
}

/// Whether `rest` (the rest of a sentence after a sentence end inside it)
/// begins as some paragraph does: `MIN_WORDS` words or more of its opening,
/// or a shorter paragraph-opening sentence that is all of `rest`.
fn opens_paragraph(rest: &str, openings: &Openings) -> bool {
    let mut words = Words::new(rest);
    for n in 1..=OPENING_WORDS {
        let Some(h) = words.next() else {
            return false;
        };
        if n == 1 && !openings.first_words.contains(&h) {
            return false;
        }
        if openings.keys.contains(&opening_key(h, n))
            && (n >= MIN_WORDS || words.rest.trim_start().is_empty())
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    fn load(text: &str) -> Article {
        load_bytes("t.txt", text.as_bytes(), &LoadOptions::default()).unwrap()
    }

    fn texts(a: &Article, us: &[Unit]) -> Vec<String> {
        us.iter()
            .map(|u| {
                format!(
                    "{}.{} {}",
                    u.block + 1,
                    u.sentence + 1,
                    &a.text[u.span.range()]
                )
            })
            .collect()
    }

    /// Both texts' units after the cuts, as `block.sentence text`.
    fn cut(old: &str, new: &str) -> (Vec<String>, Vec<String>) {
        let (old, new) = (load(old), load(new));
        let (mut o, mut n) = (
            super::super::units::units(&old),
            super::super::units::units(&new),
        );
        cut_at_openings(&old, &new, &mut o, &mut n);
        (texts(&old, &o), texts(&new, &n))
    }

    #[test]
    fn a_paragraph_opening_run_on_inside_a_sentence_is_cut_on_both_sides() {
        let (old, new) = cut(
            "The party came first. It was replaced by the demoparty.\n\n\
             in which the trapdoor is just after the statement labeled 10.\n\n\
             He wrote it twice. it was replaced by the demoparty. in which the trapdoor is here.\n",
            "The party came first. It was replaced by the demoparty. in which the trapdoor is \
             just after the statement labeled 10.\n",
        );
        assert_eq!(
            new,
            [
                "1.1 The party came first.",
                "1.2 It was replaced by the demoparty.",
                "1.3 in which the trapdoor is just after the statement labeled 10.",
            ]
        );
        // The old side is cut the same way wherever an opening runs on
        // (a sentence that opens no paragraph is no cut).
        assert_eq!(
            old[3..],
            [
                "3.1 He wrote it twice. it was replaced by the demoparty.",
                "3.2 in which the trapdoor is here.",
            ]
        );
    }

    #[test]
    fn short_openings_cut_only_as_a_whole_sentence_at_the_end() {
        let (_, new) = cut(
            "n. Originally, a quick job.\n\nn. A good piece of work.\n",
            "Originally, a quick job, but not well. n.\n\nWe ran. n. and so on.\n",
        );
        assert_eq!(
            new,
            [
                "1.1 Originally, a quick job, but not well.",
                "1.2 n.",
                "2.1 We ran. n. and so on.",
            ]
        );
    }
}
