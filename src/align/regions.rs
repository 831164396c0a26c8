//! The sentence diff and the changed regions it leaves: runs of sentences
//! that are not equal on both sides, profiled for pairing.

use std::ops::Range;
use std::time::Instant;

use super::budget::Budget;

use similar::{capture_diff_deadline, capture_diff_slices, Algorithm, DiffOp, DiffTag};

use super::pairing::Sides;
use super::similarity::{FxMap, Profile, Vocab};
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
    deadline: &Budget,
    trace: &mut Trace,
) -> Vec<Item> {
    let okeys: Vec<u64> = old_units.iter().map(|u| u.key).collect();
    let nkeys: Vec<u64> = new_units.iter().map(|u| u.key).collect();
    let (diff, cut) = diff_keys(&okeys, &nkeys, deadline);
    if cut {
        trace.fall_back(SENTENCE_DIFF_LATE);
    }
    let mut items = Vec::new();
    push_items(&mut items, &diff);
    join_one_sided(&mut items, &okeys, &nkeys);
    move_the_fewer_words(&mut items, old_units, &okeys, &nkeys);
    items
}

/// A diff's ops as items: equal sentences one by one, adjacent deletions
/// and insertions as one region.
fn push_items(items: &mut Vec<Item>, diff: &[DiffOp]) {
    for op in diff {
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
}

/// Where a run of sentences and the equal sentences beside it swapped
/// places, the diff keeps whichever holds more sentences in place and
/// leaves the other deleted here and inserted there (a move): five short
/// sentences stay and two long ones move, though the five are fewer words.
/// A reader sees the smaller passage as the one that moved. So where a
/// one-sided region, equal sentences and a one-sided region of the other
/// side follow each other, and the two regions are one run (most of their
/// sentences equal, in order: a passage moved, perhaps edited), the run
/// stays in place and the equal sentences move instead when they hold
/// fewer words than the run keeps equal, most of them in sentences long
/// enough to be found moved.
fn move_the_fewer_words(items: &mut Vec<Item>, old_units: &[Unit], okeys: &[u64], nkeys: &[u64]) {
    let words = |r: Range<usize>| -> u64 { old_units[r].iter().map(|u| u64::from(u.words)).sum() };
    let mut i = 0;
    while i < items.len() {
        let Some(j) = (i + 1..items.len()).find(|&j| matches!(items[j], Item::Region(..))) else {
            break;
        };
        let (Item::Region(ao, an), Item::Region(bo, bn), Item::Same(eo, en)) =
            (&items[i], &items[j], &items[i + 1])
        else {
            i = j;
            continue;
        };
        let k = j - i - 1;
        let (e_old, e_new) = (*eo..eo + k, *en..en + k);
        // The run: new before the equal sentences and old after them, or
        // old before and new after.
        let (run_old, run_new, new_first) = if ao.is_empty() && bn.is_empty() {
            (bo.clone(), an.clone(), true)
        } else if an.is_empty() && bo.is_empty() {
            (ao.clone(), bn.clone(), false)
        } else {
            i = j;
            continue;
        };
        let longer = run_old.len().max(run_new.len());
        if run_old.is_empty() || run_new.is_empty() || longer > MOVED_RUN_MOST {
            i = j;
            continue;
        }
        let diff = capture_diff_deadline(
            Algorithm::Myers,
            okeys,
            run_old.clone(),
            nkeys,
            run_new.clone(),
            None,
        );
        let (mut kept, mut kept_words) = (0, 0);
        for op in &diff {
            if let (DiffTag::Equal, or, _) = op.as_tag_tuple() {
                kept += or.len();
                kept_words += words(or);
            }
        }
        // The equal sentences must be ones a move can carry: most of their
        // words in sentences long enough to be found moved (those beside
        // them go along; alone, `He left. She stayed.` would show as
        // deleted and inserted).
        let e_words = words(e_old.clone());
        let movable: u64 = old_units[e_old.clone()]
            .iter()
            .filter(|u| u.words >= super::moves::MOVED_WORDS)
            .map(|u| u64::from(u.words))
            .sum();
        if movable * 2 <= e_words || kept * 2 < longer || e_words >= kept_words {
            i = j;
            continue;
        }
        // The equal sentences' regions stand apart from the run's own
        // edits, so that pairing never takes one for the other.
        let mut out = Vec::with_capacity(diff.len() + k + 2);
        if new_first {
            out.push(Item::Region(e_old.clone(), run_new.start..run_new.start));
        } else {
            out.push(Item::Region(run_old.start..run_old.start, e_new.clone()));
        }
        let mut run = Vec::new();
        push_items(&mut run, &diff);
        out.append(&mut run);
        if new_first {
            out.push(Item::Region(run_old.end..run_old.end, e_new));
        } else {
            out.push(Item::Region(e_old, run_new.end..run_new.end));
        }
        let len = out.len();
        items.splice(i..=j, out);
        i += len - 1;
    }
}

/// Longest run (sentences on one side) `move_the_fewer_words` diffs again.
const MOVED_RUN_MOST: usize = 4096;

/// The note when the sentence diff ran out of time.
const SENTENCE_DIFF_LATE: &str =
    "deadline reached in the sentence diff: some edited passages show as deleted and inserted";

/// Sentences (both sides) up to which the sentence diff is one Myers diff:
/// a few thousand diff in well under a millisecond whatever they hold.
const ANCHOR_FROM: usize = 4096;

/// Gaps between anchors up to this many cells (old × new sentences) are
/// diffed whatever the clock says: they cost microseconds, and a result that
/// depends on the machine's load is worse than a late one.
const SMALL_GAP: usize = 1 << 16;

/// How many times a gap is split again at anchors of its own before what is
/// left is diffed as it is.
const ANCHOR_DEPTH: usize = 8;

/// The diff of the two key lists, and whether the deadline cut some of it
/// short. Beyond `ANCHOR_FROM` sentences the lists are split at anchors (see
/// `diff_gap`) — passes that always run to the end, in O(n log n) — and only
/// what lies between anchors is diffed with Myers, the big pieces under the
/// deadline: past it, a piece shows as deleted and inserted, never the whole
/// text.
fn diff_keys(okeys: &[u64], nkeys: &[u64], deadline: &Budget) -> (Vec<DiffOp>, bool) {
    if okeys.len() + nkeys.len() <= ANCHOR_FROM {
        return (capture_diff_slices(Algorithm::Myers, okeys, nkeys), false);
    }
    let mut ops = Vec::with_capacity(okeys.len().max(nkeys.len()) / 4 + 16);
    let gap = Gap {
        okeys,
        nkeys,
        deadline,
    };
    let cut = gap.diff(0..okeys.len(), 0..nkeys.len(), 0, &mut ops);
    (ops, cut)
}

/// The two key lists and the deadline, for diffing them piece by piece.
struct Gap<'a> {
    okeys: &'a [u64],
    nkeys: &'a [u64],
    deadline: &'a Budget,
}

impl Gap<'_> {
    /// Diffs `o` against `n` onto `ops`; `true` when the deadline cut it.
    /// A small piece (`SMALL_GAP` cells) is diffed exactly whatever the
    /// clock says. A bigger one is split at anchors (`anchors`) and each
    /// piece between them diffed the same way, so that text whose sentences
    /// all recur (scripture, a dictionary, a source repeated to fill a
    /// size) is diffed as exactly as text whose sentences are unique; a big
    /// piece with no anchor left is one Myers diff under the deadline.
    fn diff(&self, o: Range<usize>, n: Range<usize>, depth: usize, ops: &mut Vec<DiffOp>) -> bool {
        let small = o.len().saturating_mul(n.len()) <= SMALL_GAP;
        let anchors = if small || depth >= ANCHOR_DEPTH {
            Vec::new()
        } else {
            self.deadline.spend(KEY_WORK * (o.len() + n.len()) as u64);
            anchors(self.okeys, o.clone(), self.nkeys, n.clone())
        };
        if anchors.is_empty() && !small && !shares_a_key(self.okeys, &o, self.nkeys, &n) {
            // Nothing to keep: what Myers would find, at no cost (two
            // unrelated texts are one such piece, and Myers is quadratic
            // on it).
            ops.push(DiffOp::Delete {
                old_index: o.start,
                old_len: o.len(),
                new_index: n.start,
            });
            ops.push(DiffOp::Insert {
                old_index: o.end,
                new_index: n.start,
                new_len: n.len(),
            });
            return self.deadline.out();
        }
        if anchors.is_empty() {
            let deadline = if small {
                None
            } else {
                self.deadline.clock_for(o.len(), n.len())
            };
            let from = ops.len();
            let sides = o.len() + n.len();
            ops.extend(capture_diff_deadline(
                Algorithm::Myers,
                self.okeys,
                o,
                self.nkeys,
                n,
                deadline,
            ));
            if !small {
                self.deadline.spend(myers_work(sides, &ops[from..]));
            }
            return deadline.is_some_and(|d| Instant::now() > d);
        }
        let mut cut = false;
        let (mut from_o, mut from_n) = (o.start, n.start);
        let end = (o.end, n.end);
        for (ao, an) in anchors.into_iter().chain(std::iter::once(end)) {
            if from_o < ao || from_n < an {
                cut |= self.diff(from_o..ao, from_n..an, depth + 1, ops);
            }
            if (ao, an) != end {
                ops.push(DiffOp::Equal {
                    old_index: ao,
                    new_index: an,
                    len: 1,
                });
            }
            (from_o, from_n) = (ao + 1, an + 1);
        }
        cut
    }
}

/// Work units per sentence of a piece for finding its anchors.
const KEY_WORK: u64 = 40;

/// The work a Myers diff of a piece of `sides` sentences (both sides) did,
/// from its result: it follows about `sides` diagonals per edit.
fn myers_work(sides: usize, ops: &[DiffOp]) -> u64 {
    let edits: usize = ops
        .iter()
        .map(|op| match op.as_tag_tuple() {
            (DiffTag::Equal, _, _) => 0,
            (_, o, n) => o.len() + n.len(),
        })
        .sum();
    (sides as u64).saturating_mul(edits as u64 + 1)
}

/// Whether a key of `o` is also in `n`.
fn shares_a_key(okeys: &[u64], o: &Range<usize>, nkeys: &[u64], n: &Range<usize>) -> bool {
    let keys: FxMap<u64, ()> = okeys[o.clone()].iter().map(|&k| (k, ())).collect();
    nkeys[n.clone()].iter().any(|k| keys.contains_key(k))
}

/// Anchors for splitting `o` against `n`, as (old, new) pairs in an order
/// both sides keep (a longest increasing run): the sentences whose key
/// occurs once in each range; when there are none, the i-th occurrence of a
/// key on one side with its i-th on the other, for keys that occur equally
/// often on both (recurring sentences, in the order they recur).
fn anchors(okeys: &[u64], o: Range<usize>, nkeys: &[u64], n: Range<usize>) -> Vec<(usize, usize)> {
    // Per key: occurrences on the old side, on the new side, and the last new position.
    let mut seen: FxMap<u64, (u32, u32, usize)> = FxMap::default();
    seen.reserve(o.len());
    for &k in &okeys[o.clone()] {
        seen.entry(k).or_insert((0, 0, 0)).0 += 1;
    }
    for j in n.clone() {
        if let Some(e) = seen.get_mut(&nkeys[j]) {
            e.1 += 1;
            e.2 = j;
        }
    }
    let mut candidates: Vec<(usize, usize)> = o
        .clone()
        .filter_map(|i| match seen[&okeys[i]] {
            (1, 1, j) => Some((i, j)),
            _ => None,
        })
        .collect();
    if candidates.is_empty() {
        candidates = recurring_anchors(okeys, o, nkeys, n, &seen);
    }
    let news: Vec<usize> = candidates.iter().map(|c| c.1).collect();
    let keep = super::longest_increasing(&news);
    candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(c, k)| k.then_some(c))
        .collect()
}

/// The i-th occurrence of a key in `o` paired with its i-th in `n`, for keys
/// that occur as often in both (`seen`: occurrences per key), in old order.
fn recurring_anchors(
    okeys: &[u64],
    o: Range<usize>,
    nkeys: &[u64],
    n: Range<usize>,
    seen: &FxMap<u64, (u32, u32, usize)>,
) -> Vec<(usize, usize)> {
    let (start, end) = ((o.start, n.start), (o.end, n.end));
    let balanced = |k: &u64| seen.get(k).is_some_and(|&(a, b, _)| a == b && a > 1);
    // Per balanced key: its new positions in order, and how many are taken.
    let mut at: FxMap<u64, (Vec<usize>, usize)> = FxMap::default();
    for j in n {
        if balanced(&nkeys[j]) {
            at.entry(nkeys[j]).or_default().0.push(j);
        }
    }
    // A pairing whose neighbours differ on both sides is as likely one
    // occurrence taken for another (one deleted here, one inserted there)
    // and is left to the exact diff of the piece.
    let neighbours_agree = |i: usize, j: usize| {
        (i + 1 < end.0 && j + 1 < end.1 && okeys[i + 1] == nkeys[j + 1])
            || (i > start.0 && j > start.1 && okeys[i - 1] == nkeys[j - 1])
    };
    o.filter_map(|i| {
        let (positions, taken) = at.get_mut(&okeys[i])?;
        let j = positions[*taken];
        *taken += 1;
        neighbours_agree(i, j).then_some((i, j))
    })
    .collect()
}

/// Joins a region of deletions only and a region of insertions only that lie
/// a few equal sentences apart when those sentences repeat the run being
/// slid across them: recurring sentences can be matched either way, and the
/// diff's choice would otherwise depend on which side is old (one ordering
/// gives a changed pair, the other a deletion and an insertion).
fn join_one_sided(items: &mut Vec<Item>, okeys: &[u64], nkeys: &[u64]) {
    let mut i = 0;
    while i < items.len() {
        let Some(j) = (i + 1..items.len()).find(|&j| matches!(items[j], Item::Region(..))) else {
            break;
        };
        match (one_sided(&items[i]), one_sided(&items[j])) {
            (Some(first), Some(second)) if first != second => {
                if let Some(joined) = slide_together(&items[i..=j], okeys, nkeys) {
                    items.splice(i..=j, joined);
                }
            }
            _ => {}
        }
        i = j;
    }
}

/// Which side a region holds sentences of, when it holds only one side's.
fn one_sided(item: &Item) -> Option<super::Side> {
    match item {
        Item::Region(or, nr) if nr.is_empty() && !or.is_empty() => Some(super::Side::Old),
        Item::Region(or, nr) if or.is_empty() && !nr.is_empty() => Some(super::Side::New),
        _ => None,
    }
}

/// `run` is a one-sided region, equal sentences, and a one-sided region of
/// the other side. Slides the later region up across the equal sentences, or
/// else the earlier one down, when the keys allow; returns the equal
/// sentences and the one region they leave, in reading order.
fn slide_together(run: &[Item], okeys: &[u64], nkeys: &[u64]) -> Option<Vec<Item>> {
    let (Item::Region(ao, an), Item::Region(bo, bn)) = (&run[0], &run[run.len() - 1]) else {
        return None;
    };
    let same: Vec<(usize, usize)> = run[1..run.len() - 1]
        .iter()
        .map(|it| match it {
            Item::Same(o, n) => (*o, *n),
            Item::Region(..) => unreachable!("only equal sentences between the regions"),
        })
        .collect();
    let k = same.len();
    // A run of length l and the k equal sentences beside it swap places
    // (from `lo` on) when each equal sentence's key is the key l away: the
    // equal sentences still pair with the same keys on the other side.
    let slides = |keys: &[u64], lo: usize, l: usize| (lo..lo + k).all(|x| keys[x] == keys[x + l]);
    let side_of = |r: &std::ops::Range<usize>, o: &std::ops::Range<usize>| {
        if r.is_empty() {
            (false, o.clone())
        } else {
            (true, r.clone())
        }
    };
    // The later region slides up: its run moves k places earlier.
    let (later_new, later) = side_of(bn, bo);
    let keys = if later_new { nkeys } else { okeys };
    if later.start >= k && slides(keys, later.start - k, later.len()) {
        let moved = later.start - k..later.end - k;
        let region = if later_new {
            Item::Region(ao.clone(), moved)
        } else {
            Item::Region(moved, an.clone())
        };
        let mut out = vec![region];
        out.extend(same.iter().enumerate().map(|(t, &(o, n))| {
            if later_new {
                Item::Same(o, later.end - k + t)
            } else {
                Item::Same(later.end - k + t, n)
            }
        }));
        return Some(out);
    }
    // Else the earlier region slides down: its run moves k places later.
    let (earlier_new, earlier) = side_of(an, ao);
    let keys = if earlier_new { nkeys } else { okeys };
    if earlier.end + k <= keys.len() && slides(keys, earlier.start, earlier.len()) {
        let moved = earlier.start + k..earlier.end + k;
        let mut out: Vec<Item> = same
            .iter()
            .enumerate()
            .map(|(t, &(o, n))| {
                if earlier_new {
                    Item::Same(o, earlier.start + t)
                } else {
                    Item::Same(earlier.start + t, n)
                }
            })
            .collect();
        out.push(if earlier_new {
            Item::Region(bo.clone(), moved)
        } else {
            Item::Region(moved, bn.clone())
        });
        return Some(out);
    }
    None
}

/// What pairing and move detection read about the sentences of both sides:
/// profiles of those in changed regions, with the vocabulary that weighs them.
pub(crate) struct Profiles {
    vocab: Vocab,
    old: Vec<Profile>,
    new: Vec<Profile>,
    old_weight: Vec<f64>,
    new_weight: Vec<f64>,
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
            old_weight: &self.old_weight,
            new_weight: &self.new_weight,
            old_content: &self.old_content,
            new_content: &self.new_content,
            old_words: &self.old_words,
            new_words: &self.new_words,
            threshold,
        }
    }
}

/// The rarity sample: every `step`-th sentence of each side that no region
/// holds, counted towards document frequencies. An unchanged sentence
/// sampled on both sides is read once and counted twice when its words are
/// the same (a reflow changes only the spaces): the counts are those of
/// reading it twice.
fn observe_sample(
    src: &Sources,
    items: &[Item],
    vocab: &mut Vocab,
    [old_seen, new_seen]: [&[bool]; 2],
    step: usize,
) {
    let sampled = |seen: &[bool], i: usize| i % step == 0 && !seen[i];
    let mut old_done = vec![false; old_seen.len()];
    let mut new_done = vec![false; new_seen.len()];
    for item in items {
        if let Item::Same(o, n) = *item {
            if sampled(old_seen, o) && sampled(new_seen, n) {
                vocab.observe_twins(
                    src.unit_text(super::Side::Old, o),
                    src.unit_text(super::Side::New, n),
                );
                (old_done[o], new_done[n]) = (true, true);
            }
        }
    }
    for o in (0..old_seen.len()).step_by(step) {
        if !old_seen[o] && !old_done[o] {
            vocab.observe(src.unit_text(super::Side::Old, o));
        }
    }
    for n in (0..new_seen.len()).step_by(step) {
        if !new_seen[n] && !new_done[n] {
            vocab.observe(src.unit_text(super::Side::New, n));
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
    let sample = DF_SAMPLE.min(4 * profiled);
    let step = (old_units.len() + new_units.len())
        .checked_div(sample)
        .map_or(usize::MAX, |s| s.max(1));
    observe_sample(src, items, &mut vocab, [&old_seen, &new_seen], step);
    vocab.freeze();
    let weight_of = |ps: &[Profile]| ps.iter().map(|p| vocab.weight_of(&p.stems)).collect();
    Profiles {
        old_weight: weight_of(&old),
        new_weight: weight_of(&new),
        vocab,
        old,
        new,
        old_content: old_units.iter().map(|u| u.content).collect(),
        new_content: new_units.iter().map(|u| u.content).collect(),
        old_words: old_units.iter().map(|u| u.words).collect(),
        new_words: new_units.iter().map(|u| u.words).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences kept equal by a diff.
    fn kept(ops: &[DiffOp]) -> usize {
        ops.iter()
            .filter_map(|op| match op.as_tag_tuple() {
                (DiffTag::Equal, o, _) => Some(o.len()),
                _ => None,
            })
            .sum()
    }

    /// Units with the given keys and word counts.
    fn units(keys_words: &[(u64, u32)]) -> Vec<Unit> {
        keys_words
            .iter()
            .map(|&(key, words)| Unit {
                block: 0,
                sentence: 0,
                span: crate::article::Span::new(0, 0),
                content: true,
                key,
                exact: key,
                words,
            })
            .collect()
    }

    /// The (old, new) sentences the sentence diff keeps equal.
    fn kept_equal(old: &[Unit], new: &[Unit]) -> Vec<(usize, usize)> {
        sentence_diff(old, new, &Budget::none(), &mut Trace::default())
            .iter()
            .filter_map(|it| match it {
                Item::Same(o, n) => Some((*o, *n)),
                Item::Region(..) => None,
            })
            .collect()
    }

    #[test]
    fn the_passage_with_fewer_words_is_the_one_moved() {
        // Old: three short sentences, then a run of two long ones; new: the
        // run first (its second sentence edited), then the three. The
        // diff keeps the three in place (more sentences); by words they
        // are what moved, and the run's first sentence stays.
        let old = units(&[(1, 3), (2, 3), (3, 3), (10, 30), (11, 30), (99, 5)]);
        let new = units(&[(10, 30), (12, 30), (1, 3), (2, 3), (3, 3), (99, 5)]);
        let same = kept_equal(&old, &new);
        assert_eq!(same, [(3, 0), (5, 5)], "{same:?}");
        // Fewer words in the run than in the sentences it passed: kept.
        let old = units(&[(1, 30), (2, 30), (10, 3), (11, 3), (99, 5)]);
        let new = units(&[(10, 3), (11, 3), (1, 30), (2, 30), (99, 5)]);
        let kept: Vec<usize> = kept_equal(&old, &new).into_iter().map(|(o, _)| o).collect();
        assert_eq!(kept, [0, 1, 4], "{kept:?}");
        // Sentences too short to be found moved (`He left.`) stay in place
        // however few their words: moving them would show them deleted and
        // inserted.
        let old = units(&[(1, 2), (2, 2), (3, 2), (10, 30), (11, 30), (99, 5)]);
        let new = units(&[(10, 30), (11, 30), (1, 2), (2, 2), (3, 2), (99, 5)]);
        let kept: Vec<usize> = kept_equal(&old, &new).into_iter().map(|(o, _)| o).collect();
        assert_eq!(kept, [0, 1, 2, 5], "{kept:?}");
    }

    #[test]
    fn recurring_sentences_are_diffed_exactly_even_past_the_deadline() {
        // A text whose every sentence recurs (a source repeated four times,
        // as scripture or a dictionary repeat lines): no sentence is unique,
        // so only recurring anchors can split it before the clock runs out.
        let base: Vec<u64> = (0..2500).collect();
        let old: Vec<u64> = base.iter().cycle().take(4 * base.len()).copied().collect();
        let mut new = old.clone();
        for (k, at) in (0..new.len()).step_by(997).enumerate() {
            new[at] = 1_000_000 + k as u64;
        }
        new.remove(5003);
        new.remove(8001);
        let edited = (0..old.len()).step_by(997).count();
        let (ops, cut) = diff_keys(&old, &new, &Budget::none());
        assert!(!cut, "every piece left was small enough to diff exactly");
        assert_eq!(kept(&ops), old.len() - edited - 2);
        let (unhurried, _) = diff_keys(&old, &new, &Budget::unlimited());
        assert_eq!(kept(&unhurried), kept(&ops));
    }

    #[test]
    fn texts_that_share_no_sentence_are_one_deletion_and_one_insertion() {
        let old: Vec<u64> = (0..6000).collect();
        let new: Vec<u64> = (10_000..16_000).collect();
        let (ops, _) = diff_keys(&old, &new, &Budget::none());
        assert_eq!(kept(&ops), 0);
        let deleted: usize = ops.iter().map(|op| op.old_range().len()).sum();
        let inserted: usize = ops.iter().map(|op| op.new_range().len()).sum();
        assert_eq!((deleted, inserted), (old.len(), new.len()));
    }
}
