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
//!
//! A paragraph with no sentence end of its own (a headline line, a byline, a
//! poem's attribution, `Source: Reuters`) runs on into the next one where a
//! copy joined the two, with no full stop between to cut at. So a unit the
//! other side lacks is also cut between two words where the words before end
//! a paragraph of the other side that has no sentence end, and the words
//! after open a paragraph.

use std::collections::{HashMap, HashSet};
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
    // A side's sentence runs on over the other side's paragraph endings
    // only: its own paragraphs say nothing of how the other side joined
    // them.
    let (old_ends, new_ends) = (endings(old, old_units), endings(new, new_units));
    let new_endings = surplus(&new_ends, &old_ends, new, new_units);
    let old_endings = surplus(&old_ends, &new_ends, old, old_units);
    if old.text.len() + new.text.len() > 1 << 18 {
        // The two sides are cut apart from here on: both at once on big
        // inputs, as their units are read.
        std::thread::scope(|s| {
            let o = s.spawn(|| cut_units(old, old_units, &openings, &new_endings));
            cut_units(new, new_units, &openings, &old_endings);
            o.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        });
    } else {
        cut_units(old, old_units, &openings, &new_endings);
        cut_units(new, new_units, &openings, &old_endings);
    }
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

/// One side's paragraphs with no sentence end that the other side has
/// fewer of (`endings`, `surplus`), for the other side's units to be cut
/// where they run on.
#[derive(Default)]
struct Endings {
    /// A hash of their last `n` words, with `n` mixed in.
    keys: Keys,
    /// Their last words alone (`rough_hash`), to pass over most words at
    /// the cost of one lookup.
    last_words: Keys,
    /// How many copies this side holds of each of its sentences (by key),
    /// when there are endings at all: only a sentence this side lacks, or
    /// holds fewer copies of, can hold two of its paragraphs.
    copies: FxCounts,
    /// The keys of all this side's sentences with where they start, in
    /// order (for the places of the copies of the few sentences the other
    /// side repeats more often).
    sentences: Vec<(u64, usize)>,
    /// The length of this side's text.
    len: usize,
}

type FxCounts = HashMap<u64, usize, BuildHasherDefault<Fx>>;

impl Endings {
    /// How many copies of the sentence `key` this side holds.
    fn copies(&self, key: u64) -> usize {
        self.copies.get(&key).copied().unwrap_or(0)
    }
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

/// Words of a paragraph's ending that are compared.
const ENDING_WORDS: usize = 4;

/// One paragraph with no sentence end: its sentence's key (`Unit::key`),
/// the key of its last words (`words_key`) and the `rough_hash` of its last
/// word.
type Ending = (u64, u64, u64);

/// The last sentence of every paragraph of one side that ends with no
/// sentence end (no `.`, `!` or `?` before its closing quotes and
/// brackets): a hash of its last `n` words (up to `ENDING_WORDS`, all of
/// them when it is shorter), with `n` mixed in. Paragraphs of one word are
/// left out (`Photo`, `More`): too many sentences hold such a word.
fn endings(article: &Article, units: &[Unit]) -> Vec<Ending> {
    let mut out = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if units.get(i + 1).is_some_and(|v| v.block == u.block) {
            continue;
        }
        let text = &article.text[u.span.range()];
        if ends_a_sentence(text) {
            continue;
        }
        // The last words, from the end: a paragraph may be long.
        let last: Vec<&str> = text.split_whitespace().rev().take(ENDING_WORDS).collect();
        if last.len() < 2 {
            continue;
        }
        let first = last[last.len() - 1];
        let from = first.as_ptr() as usize - text.as_ptr() as usize;
        out.push((
            u.key,
            words_key(&text[from..], last.len()),
            rough_hash(last[0]),
        ));
    }
    out
}

/// The endings of one side (`ends`, of `units`) whose paragraph it has more
/// often than the other side (`other`) has: only there can the other side
/// have run such a paragraph on into the next. A paragraph both sides have
/// as often (a heading a contents line also lists) is no join; cutting
/// the other side's run-on sentence at it would only break up a sentence
/// that side wrote as one (a contents line, a list of titles).
fn surplus(ends: &[Ending], other: &[Ending], article: &Article, units: &[Unit]) -> Endings {
    let mut out = Endings::default();
    if ends.is_empty() {
        return out;
    }
    let mut count: HashMap<u64, isize, BuildHasherDefault<Fx>> = HashMap::default();
    for &(sentence, _, _) in ends {
        *count.entry(sentence).or_default() += 1;
    }
    for (sentence, _, _) in other {
        if let Some(n) = count.get_mut(sentence) {
            *n -= 1;
        }
    }
    for &(sentence, key, last) in ends {
        if count[&sentence] > 0 {
            out.keys.insert(key);
            out.last_words.insert(last);
        }
    }
    if !out.keys.is_empty() {
        out.sentences = units.iter().map(|u| (u.key, u.span.start)).collect();
        out.copies = counts(units.iter().map(|u| u.key));
        out.len = article.text.len();
    }
    out
}

/// How often each key comes.
fn counts(keys: impl ExactSizeIterator<Item = u64>) -> FxCounts {
    let mut out = FxCounts::with_capacity_and_hasher(keys.len(), Default::default());
    for k in keys {
        *out.entry(k).or_default() += 1;
    }
    out
}

/// The hash of one word, as `Openings::first_words` holds them.
fn word_hash(word: &str) -> u64 {
    let mut words = Words::new(word);
    words.next();
    words.hash
}

/// A quick hash of a word's ASCII letters and digits, lower-cased (what the
/// folded keys keep of most words): two words the folded keys call the same
/// almost always share it.
fn rough_hash(word: &str) -> u64 {
    word.bytes().fold(ROUGH_SEED, rough_step)
}

const ROUGH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// One byte into a `rough_hash`: ASCII letters and digits, lower-cased.
#[inline(always)]
fn rough_step(h: u64, b: u8) -> u64 {
    if b.is_ascii_alphanumeric() {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x100_0000_01b3)
    } else {
        h
    }
}

/// The words of `text` as `split_whitespace` gives them, each as its byte
/// range in `text` with its `rough_hash`: one pass over the bytes when the
/// text is ASCII (whitespace is then `is_ascii_space`).
fn rough_words(text: &str, mut f: impl FnMut(usize, usize, u64)) {
    if !text.is_ascii() {
        for word in text.split_whitespace() {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            f(start, start + word.len(), rough_hash(word));
        }
        return;
    }
    let b = text.as_bytes();
    let mut i = 0;
    loop {
        while i < b.len() && crate::article::is_ascii_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            return;
        }
        let start = i;
        let mut h = ROUGH_SEED;
        while i < b.len() && !crate::article::is_ascii_space(b[i]) {
            h = rough_step(h, b[i]);
            i += 1;
        }
        f(start, i, h);
    }
}

/// Whether `text` ends with `.`, `!` or `?` (then closing quotes or
/// brackets).
fn ends_a_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
    });
    t.ends_with(['.', '!', '?', '…'])
}

/// The key of the first `n` words of `text`, as `openings` and `endings`
/// make them.
fn words_key(text: &str, n: usize) -> u64 {
    let mut words = Words::new(text);
    for _ in 0..n {
        words.next();
    }
    opening_key(words.hash, words.count)
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
        // Most words are printable ASCII between ASCII whitespace: read
        // and hashed in one pass.
        let b = self.rest.as_bytes();
        let start = b
            .iter()
            .position(|&c| !crate::article::is_ascii_space(c))
            .unwrap_or(b.len());
        let mut h = self.hash ^ 0x20;
        let mut i = start;
        while let Some(&c) = b.get(i).filter(|&&c| (0x21..0x80).contains(&c)) {
            h = word_step(h, u64::from(c.to_ascii_lowercase()));
            i += 1;
        }
        if i > start && b.get(i).is_none_or(|&c| crate::article::is_ascii_space(c)) {
            self.hash = h;
            self.count += 1;
            self.rest = &self.rest[i..];
            return Some(h);
        }
        self.next_wide()
    }

    /// `next` the general way: whitespace and words beyond ASCII.
    #[cold]
    fn next_wide(&mut self) -> Option<u64> {
        // The next word as `split_whitespace` gives it, found over bytes.
        let Some(word) = crate::article::split_words(self.rest).next() else {
            self.rest = "";
            return None;
        };
        let end = word.as_ptr() as usize - self.rest.as_ptr() as usize + word.len();
        let mut h = self.hash ^ 0x20;
        let mut feed = |c: char| h = word_step(h, u64::from(c));
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
        self.rest = &self.rest[end..];
        Some(h)
    }
}

/// One character (as a number) into a `Words` hash.
#[inline(always)]
fn word_step(h: u64, c: u64) -> u64 {
    (h.rotate_left(5) ^ c).wrapping_mul(0x100_0000_01b3)
}

/// Replaces each unit cut at an opening by its pieces (keys and words
/// worked out again) and numbers the sentences of every block anew.
/// The run-on rule cuts at the `other` side's paragraph endings, in units
/// the other side lacks.
fn cut_units(article: &Article, units: &mut Vec<Unit>, openings: &Openings, other: &Endings) {
    let whole = kept_whole(units, article.text.len(), other);
    let mut cuts: Vec<(usize, Vec<Span>)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        let run_on = (!other.keys.is_empty() && !whole[i]).then_some(other);
        if let Some(pieces) = pieces(&article.text, u.span, openings, run_on) {
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

/// Which units (by place) the other side holds whole: every unit whose
/// sentence the other side has as often or more, and, of a sentence this
/// side repeats more often than the other side (a passage repeated in a
/// long text, some copies of it joined into one sentence there and some
/// not), the copies standing nearest, by place in the text, to the other
/// side's copies, one each and in order. The run-on rule leaves them whole
/// and cuts the rest.
fn kept_whole(units: &[Unit], len: usize, other: &Endings) -> Vec<bool> {
    let mut whole = vec![false; units.len()];
    if other.keys.is_empty() {
        return whole;
    }
    // A sentence this side holds no more often than the other side is
    // whole wherever it stands; the copies of the rest (few) are placed.
    let mine = counts(units.iter().map(|u| u.key));
    let mut groups: HashMap<u64, Vec<usize>, BuildHasherDefault<Fx>> = HashMap::default();
    for (i, u) in units.iter().enumerate() {
        let theirs = other.copies(u.key);
        if theirs == 0 {
            continue;
        }
        if mine[&u.key] <= theirs {
            whole[i] = true;
        } else {
            groups.entry(u.key).or_default().push(i);
        }
    }
    if groups.is_empty() {
        return whole;
    }
    let mut theirs_at: HashMap<u64, Vec<usize>, BuildHasherDefault<Fx>> = HashMap::default();
    for &(key, start) in &other.sentences {
        if groups.contains_key(&key) {
            theirs_at.entry(key).or_default().push(start);
        }
    }
    for (key, group) in &groups {
        let theirs = &theirs_at[key];
        // Places relative to the text's length (bytes, which a re-wrap
        // keeps and a re-wrap into a block a line does not inflate).
        let place = |at: usize, len: usize| at as f64 / len.max(1) as f64;
        let at = |k: usize| units[group[k]].span.start;
        let mut from = 0;
        for (t, &j) in theirs.iter().enumerate() {
            let q = place(j, other.len);
            // Leave a copy of this side for each of theirs still to come.
            let last = group.len() - (theirs.len() - t);
            let mut best = from;
            while best < last
                && (place(at(best + 1), len) - q).abs() <= (place(at(best), len) - q).abs()
            {
                best += 1;
            }
            whole[group[best]] = true;
            from = best + 1;
        }
    }
    whole
}

/// The sentence `span` cut after each sentence end inside it that a
/// paragraph opening follows (and with `run_on`, where a paragraph with no
/// sentence end runs on into another: `run_on_cuts`), or `None` when there
/// is none.
fn pieces(
    text: &str,
    span: Span,
    openings: &Openings,
    run_on: Option<&Endings>,
) -> Option<Vec<Span>> {
    let mut cuts = sentence_end_cuts(text, span, openings);
    if let Some(endings) = run_on {
        cuts.extend(run_on_cuts(text, span, openings, endings));
        cuts.sort_unstable();
        cuts.dedup_by_key(|c| c.1);
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = span.start;
    for (left_end, right_start) in cuts {
        if right_start <= start {
            continue;
        }
        out.push(Span::new(start, left_end));
        start = right_start;
    }
    out.push(Span::new(start, span.end));
    Some(out)
}

/// Where `span` is cut after a sentence end inside it that a paragraph
/// opening follows: (end of the left piece, start of the right one).
fn sentence_end_cuts(text: &str, span: Span, openings: &Openings) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let end = span.end;
    let mut out = Vec::new();
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
            out.push((j, k));
        }
        i = k;
    }
    out
}

/// Where `span` is cut between two words with no sentence end between them:
/// the words before end a paragraph of the other side that has no sentence
/// end (the piece before is all of it when it is shorter than
/// `ENDING_WORDS`), and the words after open a paragraph.
fn run_on_cuts(
    text: &str,
    span: Span,
    openings: &Openings,
    endings: &Endings,
) -> Vec<(usize, usize)> {
    let unit = &text[span.range()];
    let mut out = Vec::new();
    // The spans of the last `ENDING_WORDS` words before the current one, in
    // a ring; `piece` words since the last cut.
    let mut before = [(0usize, 0usize); ENDING_WORDS];
    let (mut seen, mut piece) = (0usize, 0usize);
    let mut ends_one = false;
    rough_words(unit, |from, to, rough| {
        let (start, word) = (from + span.start, &unit[from..to]);
        let may_cut = piece > 0 && ends_one && openings.first_words.contains(&word_hash(word));
        ends_one = endings.last_words.contains(&rough);
        if may_cut {
            let n = piece.min(ENDING_WORDS);
            let first = before[(seen - n) % ENDING_WORDS].0;
            let last = before[(seen - 1) % ENDING_WORDS].1;
            if endings.keys.contains(&words_key(&text[first..last], n))
                && opens_paragraph(&text[start..span.end], openings)
            {
                out.push((last, start));
                piece = 0;
            }
        }
        before[seen % ENDING_WORDS] = (start, start + word.len());
        seen += 1;
        piece += 1;
    });
    out
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

    #[test]
    fn ascii_words_hash_as_the_general_way_does() {
        let pieces = [
            "a", "Bc", " ", "  ", "\t", "\n", "\x0b", "The", "FOX.", "\u{e9}", "\u{201c}",
            "\u{a0}", "\u{85}", "\u{2009}", "\x07", "\x7f", "--", "\u{3000}", "\u{ad}",
        ];
        for s in crate::testing::random_texts(&pieces, 5_000, 10, 0x243f_6a88_85a3_08d3) {
            let (mut fast, mut slow) = (Words::new(&s), Words::new(&s));
            loop {
                let got = fast.next();
                assert_eq!(got, slow.next_wide(), "{s:?}");
                assert_eq!((fast.rest, fast.count), (slow.rest, slow.count), "{s:?}");
                if got.is_none() {
                    break;
                }
            }
        }
    }

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
    fn rough_words_are_the_whitespace_split_words() {
        for text in [
            "",
            "  one  ",
            "Plain words, with punctuation. And\nlines\tand\x0Bvertical tabs",
            "Caf\u{e9} au lait\u{a0}non-breaking\u{2003}em space \u{201c}quoted\u{201d}",
            "x",
        ] {
            let mut got = Vec::new();
            rough_words(text, |from, to, h| got.push((&text[from..to], h)));
            let want: Vec<(&str, u64)> = text
                .split_whitespace()
                .map(|w| (w, rough_hash(w)))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
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
    fn a_paragraph_with_no_sentence_end_run_on_into_the_next_is_cut() {
        // A headline line and a poem's attribution, each a paragraph of its
        // own in the old text, joined to the next paragraph in the copy.
        let (_, new) = cut(
            "Rates rise again in July Source: Reuters Published: 2021-07-14\n\n\
             The central bank raised its main rate for the third time.\n\n\
             Some heaps of trash upon a vacant lot.\n\nBogul S. Purvy\n\n\
             Each reckons greatness to consist in that in which he heads the list.\n",
            "Rates rise again in July Source: Reuters Published: 2021-07-14 The central \
             bank raised its main rate for the third time.\n\n\
             Bogul S. Purvy Each reckons greatness to consist in that in which he heads the \
             list.\n",
        );
        assert_eq!(
            new,
            [
                "1.1 Rates rise again in July Source: Reuters Published: 2021-07-14",
                "1.2 The central bank raised its main rate for the third time.",
                "2.1 Bogul S. Purvy",
                "2.2 Each reckons greatness to consist in that in which he heads the list.",
            ]
        );
    }

    #[test]
    fn a_run_on_sentence_is_cut_only_at_endings_the_other_side_has_more_of() {
        // A contents line whose headings both sides also have as
        // paragraphs, joined to a line before it in the copy: cut after
        // that line only, not at every heading it lists.
        let old = "1 A year of change\n\n2 Money and spending\n\n3 What comes next\n\n\
                   Report of the board (draft two)\n\n\
                   Contents 1 A year of change 2 Money and spending 3 What comes next\n";
        let (_, new) = cut(
            old,
            "1 A year of change\n\n2 Money and spending\n\n3 What comes next\n\n\
             Report of the board (draft two) Contents 1 A year of change 2 Money and \
             spending 3 What comes next\n",
        );
        assert_eq!(
            new[3..],
            [
                "4.1 Report of the board (draft two)",
                "4.2 Contents 1 A year of change 2 Money and spending 3 What comes next",
            ]
        );
    }

    #[test]
    fn a_run_on_cut_needs_the_whole_short_ending_and_a_paragraph_opening_after() {
        let (_, new) = cut(
            "Bogul S. Purvy\n\nEach reckons greatness to consist in that.\n",
            // `… Purvy` inside a longer run of words, and an ending followed
            // by words that open no paragraph: neither is cut.
            "Poems by Bogul S. Purvy Each reckons greatness to consist in that.\n\n             Bogul S. Purvy wrote nothing else of note.\n",
        );
        assert_eq!(
            new,
            [
                "1.1 Poems by Bogul S. Purvy Each reckons greatness to consist in that.",
                "2.1 Bogul S. Purvy wrote nothing else of note.",
            ]
        );
    }

    #[test]
    fn of_a_repeated_run_on_sentence_the_copy_the_other_side_holds_whole_stays_whole() {
        // Two copies of a paragraph with no sentence end; the copy holds one
        // of them whole and the other as three paragraphs. Only the old
        // copy standing where the new side's whole one does stays whole.
        let songs = "Songs We Like Blue Moon Over Kentucky Fields Of Gold In The Morning Light";
        let parts =
            "Songs We Like Blue Moon\n\nOver Kentucky Fields Of Gold\n\nIn The Morning Light";
        let old = format!("{songs}\n\nThe interval comes between them.\n\n{songs}\n");
        let cut_copy = [
            "Songs We Like Blue Moon",
            "Over Kentucky Fields Of Gold",
            "In The Morning Light",
        ];
        for whole_first in [true, false] {
            let new = if whole_first {
                format!("{songs}\n\nThe interval comes between them.\n\n{parts}\n")
            } else {
                format!("{parts}\n\nThe interval comes between them.\n\n{songs}\n")
            };
            let (old, _) = cut(&old, &new);
            let texts: Vec<&str> = old.iter().map(|t| t.split_once(' ').unwrap().1).collect();
            let mut want = vec![songs, "The interval comes between them."];
            if whole_first {
                want.extend(cut_copy);
            } else {
                want.splice(0..1, cut_copy);
                want.push(songs);
            }
            assert_eq!(texts, want, "whole copy first: {whole_first}");
        }
    }

    #[test]
    fn a_side_is_not_cut_at_its_own_paragraph_endings() {
        // The old text's own headline line recurs inside one of its
        // sentences; the new text is unrelated: nothing is cut.
        let (old, _) = cut(
            "Fuel pipeline shut this weekend\n\n\
             Fuel pipeline shut this weekend after an attack on its computers.\n\n\
             After an attack on its computers the company closed the line.\n",
            "Cats sleep a lot. Dogs bark at night.\n",
        );
        assert_eq!(
            old,
            [
                "1.1 Fuel pipeline shut this weekend",
                "2.1 Fuel pipeline shut this weekend after an attack on its computers.",
                "3.1 After an attack on its computers the company closed the line.",
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
