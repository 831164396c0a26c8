//! The verdict of a pair that cannot be a copy, found without aligning it.
//!
//! `diff --by claims` takes its relation, similarity and truncation from the
//! alignment in order (`claims::align_by_claims`), which is most of the cost
//! of a big pair of write-ups that are not copies. That alignment calls a
//! pair `identical` or a `reprint` only when the words it matches carry
//! enough of the shorter text (`summary::relation`). Here two upper bounds
//! on those words, read from the words alone, show when no alignment can
//! get there; the relation is then `related` or `unrelated` by the
//! same-event evidence, the similarity the overlap of vocabularies, and
//! there is no truncation, as the alignment would have said.
//!
//! The bounds never fall below what the alignment counts (`Tally::add`):
//!
//! - A word is read as its *atoms*: its runs of letters and digits, lower
//!   cased, with invisible characters taken out (or, as a word diff reads
//!   them, as breaks) and Chinese or Japanese characters, combining marks
//!   and all punctuation as breaks. Two sentences with the same matching
//!   key, two texts whose word-diff tokens are all equal, two words equal
//!   letter for letter and two runs of words joined across a spaced hyphen
//!   have the same atoms in the same order. So every word the alignment
//!   counts as matched has its first atom somewhere among the other side's
//!   atoms, each such atom taken once; a word with no atom (a dash) or an
//!   invisible character may count anywhere. That bounds the matched words.
//! - The prose carried (`carried_prose_share`) counts changed words kept in
//!   runs of three, and whole sentences that are equal or cosmetic. A word
//!   in a kept run of three, with no odd word (no atom, a hyphen or an
//!   invisible character) within two words of it, has its first atom in a
//!   run of three atoms the other side also has; so has every atom of a
//!   sentence of three atoms or more that is equal or cosmetic. That bounds
//!   the prose carried.
//!
//! Both bounds are counted from the old side, as the matched words are.

use super::similarity::FxMap;
use super::summary::{prose_of, MIN_PROSE, REPRINT, SURE_COPY};
use super::units::{fold, Fold, Unit};
use super::words::{count_units, is_mark};
use super::Relation;
use crate::article::{is_ascii_space, is_cjk, Article};

/// The relation and similarity of a pair that the alignment in order
/// could call neither identical nor a reprint, or `None` when the bounds
/// cannot tell (then only the alignment can).
pub(crate) fn verdict(
    old: &Article,
    new: &Article,
    old_units: &[Unit],
    new_units: &[Unit],
) -> Option<(Relation, f64)> {
    let all_text = !old_units.iter().any(|u| u.content) || !new_units.iter().any(|u| u.content);
    let counts = |u: &Unit| all_text || u.content;
    let counted = |us: &[Unit]| -> usize {
        us.iter()
            .filter(|u| counts(u))
            .map(|u| u.words as usize)
            .sum()
    };
    let shorter = counted(old_units).min(counted(new_units));
    if shorter == 0 || copies_most(old_units, new_units, shorter) {
        return None;
    }
    let old_words = Side::read(old, old_units)?;
    let new_words = Side::read(new, new_units)?;
    let matched = matched_words_at_most(&old_words, &new_words) as f64 / shorter as f64;
    if matched >= SURE_COPY {
        return None;
    }
    if matched >= REPRINT {
        let prose = |a: &Article, us: &[Unit]| -> usize {
            us.iter()
                .filter(|u| counts(u))
                .map(|u| prose_of(&a.text[u.span.range()], u) as usize)
                .sum()
        };
        let shorter_prose = prose(old, old_units).min(prose(new, new_units));
        if shorter_prose < MIN_PROSE {
            return None;
        }
        let carried = prose_carried_at_most(old, old_units, &old_words, &new_words);
        if carried as f64 / shorter_prose as f64 >= REPRINT {
            return None;
        }
    }
    let (evidence, similarity) = super::evidence::between_with_overlap(old, new);
    let relation = if evidence.same_event() {
        Relation::Related
    } else {
        Relation::Unrelated
    };
    Some((relation, similarity))
}

/// Whether sentences found word for word on the other side (by matching
/// key) hold at least `SURE_COPY` of the shorter side's words: most likely
/// a copy, which the bounds would not rule out, so they are not worked out
/// (a shortcut only: the alignment then decides, as it does whenever the
/// bounds cannot).
fn copies_most(old_units: &[Unit], new_units: &[Unit], shorter: usize) -> bool {
    let keys: FxSet<u64> = new_units.iter().map(|u| u.key).collect();
    let copied: usize = old_units
        .iter()
        .filter(|u| keys.contains(&u.key))
        .map(|u| u.words as usize)
        .sum();
    copied as f64 >= SURE_COPY * shorter as f64
}

/// One side's words in reading order, as atoms (see the module's note).
struct Side {
    words: Vec<Word>,
    /// Every word's atoms, invisible characters read as breaks, in order.
    atoms: Vec<u64>,
    /// The atoms of words with invisible characters, those read as taken
    /// out (other words read the same either way).
    joined_atoms: Vec<u64>,
    /// Where each unit's words start in `words`, and one past the last.
    unit_starts: Vec<usize>,
}

#[derive(Clone, Copy)]
struct Word {
    /// Where its atoms start in `Side::atoms`.
    first: usize,
    /// How many atoms it has there.
    len: usize,
    /// It holds an invisible character.
    invisible: bool,
    /// Where its atoms with invisible characters taken out start in
    /// `Side::joined_atoms`, and how many (when `invisible`).
    joined: (usize, usize),
    /// It holds an ASCII hyphen (`alone--` / `when` are joined by the word
    /// counts).
    hyphen: bool,
}

impl Word {
    /// No atom, a hyphen or an invisible character: a word whose match the
    /// bounds cannot follow atom by atom.
    fn odd(&self) -> bool {
        self.len == 0 || self.hyphen || self.invisible
    }
}

impl Side {
    /// `None` when a unit's words as the word counts cut them are not its
    /// `words` (the bounds are then not sure).
    fn read(article: &Article, units: &[Unit]) -> Option<Side> {
        let mut side = Side {
            words: Vec::with_capacity(article.text.len() / 6),
            atoms: Vec::with_capacity(article.text.len() / 5),
            joined_atoms: Vec::new(),
            unit_starts: Vec::with_capacity(units.len() + 1),
        };
        for u in units {
            side.unit_starts.push(side.words.len());
            let text = &article.text[u.span.range()];
            let words = if text.is_ascii() {
                // As `count_units` cuts ASCII text, without its list.
                let words = text.as_bytes().split(|&c| is_ascii_space(c));
                words
                    .filter(|w| !w.is_empty())
                    .map(|w| side.push_ascii(w))
                    .count()
            } else {
                count_units(text).into_iter().map(|w| side.push(w)).count()
            };
            if words != u.words as usize {
                return None;
            }
        }
        side.unit_starts.push(side.words.len());
        Some(side)
    }

    fn push_ascii(&mut self, w: &[u8]) {
        let first = self.atoms.len();
        atoms_of_ascii(w, &mut self.atoms);
        self.words.push(Word {
            first,
            len: self.atoms.len() - first,
            invisible: false,
            joined: (0, 0),
            hyphen: memchr::memchr(b'-', w).is_some(),
        });
    }

    fn push(&mut self, w: &str) {
        if w.is_ascii() {
            return self.push_ascii(w.as_bytes());
        }
        let first = self.atoms.len();
        let joined_first = self.joined_atoms.len();
        let invisible = atoms_of(w, false, &mut self.atoms);
        if invisible {
            atoms_of(w, true, &mut self.joined_atoms);
        }
        self.words.push(Word {
            first,
            len: self.atoms.len() - first,
            invisible,
            joined: (joined_first, self.joined_atoms.len() - joined_first),
            hyphen: w.as_bytes().contains(&b'-'),
        });
    }

    /// The words of unit `i`.
    fn unit(&self, i: usize) -> std::ops::Range<usize> {
        self.unit_starts[i]..self.unit_starts[i + 1]
    }

    /// The atoms of a run of words.
    fn atoms_of(&self, ws: std::ops::Range<usize>) -> std::ops::Range<usize> {
        match (ws.start < ws.end).then(|| (self.words[ws.start], self.words[ws.end - 1])) {
            Some((f, l)) => f.first..l.first + l.len,
            None => 0..0,
        }
    }
}

/// A hash of each atom of an ASCII word onto `out`.
fn atoms_of_ascii(b: &[u8], out: &mut Vec<u64>) {
    let mut h = None;
    for &c in b {
        if c.is_ascii_alphanumeric() {
            h = Some(step(h.unwrap_or(SEED), u64::from(c.to_ascii_lowercase())));
        } else if let Some(done) = h.take() {
            out.push(done);
        }
    }
    out.extend(h);
}

/// A hash of each atom of a word onto `out`, invisible characters taken out
/// (`joined`, as the matching key reads them) or read as breaks (as the word
/// diff's tokens do); whether the word holds one.
fn atoms_of(w: &str, joined: bool, out: &mut Vec<u64>) -> bool {
    let mut h = None;
    let mut invisible = false;
    for c in w.chars() {
        if matches!(fold(c), Fold::Drop) {
            invisible = true;
            if joined {
                continue;
            }
        }
        for l in c.to_lowercase() {
            if l.is_alphanumeric() && !is_cjk(l) && !is_mark(l) {
                h = Some(step(h.unwrap_or(SEED), u64::from(l)));
            } else if let Some(done) = h.take() {
                out.push(done);
            }
        }
    }
    out.extend(h);
    invisible
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn step(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// At least the words the alignment matches: every old word whose first
/// atom the new side has (each new atom taken once), and every old word
/// with no atom or an invisible character. Atoms are told apart by hash:
/// two that share one count together, which can only raise the bound.
fn matched_words_at_most(old: &Side, new: &Side) -> usize {
    // Per atom: old words it opens, new atoms it is.
    let mut tally: FxMap<u64, (u32, u32)> = FxMap::default();
    tally.reserve(new.atoms.len() / 4);
    let mut anywhere = 0;
    for w in &old.words {
        if w.len == 0 || w.invisible {
            anywhere += 1;
        } else {
            tally.entry(old.atoms[w.first]).or_default().0 += 1;
        }
    }
    for &a in new.atoms.iter().chain(&new.joined_atoms) {
        if let Some(t) = tally.get_mut(&a) {
            t.1 += 1;
        }
    }
    anywhere
        + tally
            .values()
            .map(|&(o, n)| o.min(n) as usize)
            .sum::<usize>()
}

/// At least the prose the alignment carries (`carried_prose_share`'s
/// numerator), unit by unit: the words of the unit that may be kept in a run
/// of three (odd words, words near one, words whose first atom opens,
/// closes or sits inside a run of three atoms the new side has), or its
/// prose whole when it may be equal or cosmetic (fewer than three atoms, an
/// invisible character, or every atom in such a run).
fn prose_carried_at_most(old: &Article, units: &[Unit], side: &Side, new: &Side) -> usize {
    let runs = runs_of_three(new);
    let mut in_run = vec![false; side.atoms.len()];
    for (i, t) in side.atoms.windows(3).enumerate() {
        if runs.contains(&three(t)) {
            in_run[i..i + 3].iter_mut().for_each(|a| *a = true);
        }
    }
    // Words with an odd word within two words of them.
    let words = &side.words;
    let mut near_odd = vec![false; words.len()];
    for (i, w) in words.iter().enumerate() {
        if w.odd() {
            let around = i.saturating_sub(2)..(i + 3).min(words.len());
            near_odd[around].iter_mut().for_each(|n| *n = true);
        }
    }
    units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let ws = side.unit(i);
            let kept = ws
                .clone()
                .filter(|&k| near_odd[k] || in_run[words[k].first])
                .count();
            let atoms = side.atoms_of(ws.clone());
            let may_be_equal = atoms.len() < 3
                || ws.clone().any(|k| words[k].invisible)
                || in_run[atoms].iter().all(|&a| a);
            if may_be_equal {
                kept.max(prose_of(&old.text[u.span.range()], u) as usize)
            } else {
                kept
            }
        })
        .sum()
}

/// Every run of three atoms in a row on the new side, invisible characters
/// read both ways.
fn runs_of_three(new: &Side) -> FxSet<u64> {
    let mut runs = FxSet::with_capacity_and_hasher(new.atoms.len(), Default::default());
    runs.extend(new.atoms.windows(3).map(three));
    if !new.joined_atoms.is_empty() {
        let mut joined = Vec::with_capacity(new.atoms.len());
        for w in &new.words {
            if w.invisible {
                let (first, len) = w.joined;
                joined.extend_from_slice(&new.joined_atoms[first..first + len]);
            } else {
                joined.extend_from_slice(&new.atoms[w.first..w.first + w.len]);
            }
        }
        runs.extend(joined.windows(3).map(three));
    }
    runs
}

type FxSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<super::similarity::Fx>>;

/// A hash of three atoms in a row.
fn three(t: &[u64]) -> u64 {
    step(step(step(SEED, t[0]), t[1]), t[2])
}
