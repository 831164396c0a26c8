//! The sentence diff and the changed regions it leaves: runs of sentences
//! that are not equal on both sides, profiled for pairing.

use std::ops::Range;
use std::time::Instant;

use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};

use super::pairing::Sides;
use super::similarity::{Profile, Vocab};
use super::{Sources, Trace, Unit};

/// Sentences sampled from the unchanged text to estimate word rarity.
const DF_SAMPLE: usize = 1500;

/// One step of the sentence diff: a sentence equal on both sides (by its
/// normalised key), or a region of old and new sentences that differ.
pub(crate) enum Item {
    Same(usize, usize),
    Region(Range<usize>, Range<usize>),
}

/// The sentence-level diff over normalised keys, as equal sentences and
/// changed regions (adjacent delete and insert runs form one region).
pub(crate) fn sentence_diff(
    old_units: &[Unit],
    new_units: &[Unit],
    deadline: Option<Instant>,
    trace: &mut Trace,
) -> Vec<Item> {
    let okeys: Vec<u64> = old_units.iter().map(|u| u.key).collect();
    let nkeys: Vec<u64> = new_units.iter().map(|u| u.key).collect();
    // A few thousand sentences diff in well under a millisecond whatever they
    // hold; checking the clock at every step would cost more than that.
    let diff_deadline = deadline.filter(|_| okeys.len() + nkeys.len() > 4096);
    let diff = capture_diff_slices_deadline(Algorithm::Myers, &okeys, &nkeys, diff_deadline);
    trace.check(
        deadline,
        "deadline reached in the sentence diff: a coarser diff was used",
    );
    let mut items = Vec::new();
    for op in &diff {
        let (tag, or, nr) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => items.extend(or.zip(nr).map(|(o, n)| Item::Same(o, n))),
            _ => match items.last_mut() {
                Some(Item::Region(ro, rn)) if ro.end == or.start && rn.end == nr.start => {
                    ro.end = or.end;
                    rn.end = nr.end;
                }
                _ => items.push(Item::Region(or, nr)),
            },
        }
    }
    items
}

/// What pairing and move detection read about the sentences of both sides:
/// profiles of those in changed regions, with the vocabulary that weighs them.
pub(crate) struct Profiles {
    vocab: Vocab,
    old: Vec<Profile>,
    new: Vec<Profile>,
    old_content: Vec<bool>,
    new_content: Vec<bool>,
    old_words: Vec<u32>,
    new_words: Vec<u32>,
}

impl Profiles {
    /// The sides as pairing reads them, with its threshold.
    pub(crate) fn sides(&self, threshold: f64) -> Sides<'_> {
        Sides {
            vocab: &self.vocab,
            old: &self.old,
            new: &self.new,
            old_content: &self.old_content,
            new_content: &self.new_content,
            old_words: &self.old_words,
            new_words: &self.new_words,
            threshold,
        }
    }
}

/// Profiles every sentence of a changed region; word rarity also comes from
/// a sample of the unchanged text, so that words every sentence uses do not
/// make unrelated sentences look alike.
pub(crate) fn profile_regions(src: &Sources, items: &[Item]) -> Profiles {
    let (old_units, new_units) = (src.old_units, src.new_units);
    let mut vocab = Vocab::default();
    let mut old = vec![Profile::default(); old_units.len()];
    let mut new = vec![Profile::default(); new_units.len()];
    let mut old_seen = vec![false; old_units.len()];
    let mut new_seen = vec![false; new_units.len()];
    for item in items {
        if let Item::Region(or, nr) = item {
            for o in or.clone() {
                old[o] = vocab.profile(src.unit_text(super::Side::Old, o));
                old_seen[o] = true;
            }
            for n in nr.clone() {
                new[n] = vocab.profile(src.unit_text(super::Side::New, n));
                new_seen[n] = true;
            }
        }
    }
    // The sample need only be large beside what is compared: a few edits in
    // a long article need a few hundred sentences, not thousands.
    let profiled = old_seen.iter().chain(&new_seen).filter(|&&x| x).count();
    let sample = DF_SAMPLE.min(8 * profiled);
    let step = (old_units.len() + new_units.len())
        .checked_div(sample)
        .map_or(usize::MAX, |s| s.max(1));
    for o in (0..old_units.len()).step_by(step) {
        if !old_seen[o] {
            vocab.observe(src.unit_text(super::Side::Old, o));
        }
    }
    for n in (0..new_units.len()).step_by(step) {
        if !new_seen[n] {
            vocab.observe(src.unit_text(super::Side::New, n));
        }
    }
    vocab.freeze();
    Profiles {
        vocab,
        old,
        new,
        old_content: old_units.iter().map(|u| u.content).collect(),
        new_content: new_units.iter().map(|u| u.content).collect(),
        old_words: old_units.iter().map(|u| u.words).collect(),
        new_words: new_units.iter().map(|u| u.words).collect(),
    }
}
