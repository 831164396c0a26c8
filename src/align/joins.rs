//! Sentence boundaries that disagree inside a changed region: an editor who
//! drops a full stop or lower-cases an opening makes two, three or four old
//! sentences one new sentence (or the reverse), and pairing, which knows 1:1,
//! 2:1 and 1:2, leaves the rest deleted while its words sit in the changed
//! pair next to it. This stage grows each changed op over the deleted and
//! inserted sentences beside it, and over the next changed op, whenever one
//! word diff over the joined run finds counterparts for their words: n:1,
//! 1:n and n:m, never costing words a merge did not change.

use super::budget::Budget;
use std::ops::Range;

use super::overlap::count_shared_sorted;
use super::similarity::{is_stopword, FxMap};
use super::words::{count_units, kept_in_runs, spaced_hyphen, word_counts_by};
use super::{Op, OpKind, Side, Sources};

/// Ops between a changed op and the neighbours it may take in (one-sided
/// ops of the same region lie side by side in the op list).
const REACH: usize = 8;

/// Grows every changed op (not cosmetic ones) over neighbours whose words it
/// finds, after pairing sentences one of which holds most of the other;
/// stops at the deadline (what is left shows as it was) and then says so
/// (`true`).
pub(crate) fn join_boundaries(src: &Sources, ops: &mut Vec<Op>, deadline: &Budget) -> bool {
    if pair_contained(src, ops, deadline) {
        return true;
    }
    grow_all(src, ops, deadline, RUN)
}

/// After moves are found, the same growth over longer runs of one-sided
/// sentences (up to `REACH`): a merge whose middle sentences were deleted
/// (`A. B. C. D.` → `A, D.`) keeps the far end's words only across the
/// whole run. Before moves, a run that long would swallow sentences that
/// moved away; now those are moved ops and no longer beside the changed op.
pub(crate) fn join_across_deletions(src: &Sources, ops: &mut Vec<Op>, deadline: &Budget) -> bool {
    pair_cut_at_an_end(src, ops, deadline) || grow_all(src, ops, deadline, REACH)
}

/// A lone deleted and inserted sentence between the same neighbours, one
/// the other cut at an end (`cut_at_an_end`), become one changed op. Only
/// once moves are found: in repetitive text a short line ("[chorus]") heads
/// many sentences, and one of them may be a sentence that moved here.
/// `true` when the deadline stopped it.
fn pair_cut_at_an_end(src: &Sources, ops: &mut Vec<Op>, deadline: &Budget) -> bool {
    rebuild_runs(ops, |run| {
        if run.len() != 2 || run[0].kind == run[1].kind {
            return Ok(run);
        }
        if src.out_of(deadline) {
            return Err(run);
        }
        let (d, i) = if run[0].kind == OpKind::Deleted {
            (0, 1)
        } else {
            (1, 0)
        };
        let o = src.text(Side::Old, run[d].old.clone());
        let n = src.text(Side::New, run[i].new.clone());
        if !cut_at_an_end(&o, &n) {
            return Ok(run);
        }
        let (ow, nw) = (count_units(&o).len(), count_units(&n).len());
        let similarity = 2.0 * ow.min(nw) as f64 / (ow + nw) as f64;
        Ok(with_pairs(run, &[(d, i, similarity)]))
    })
}

/// Replaces every run of one-sided (deleted or inserted) ops by what
/// `rebuild` makes of it, in one pass over `ops` (splicing each into place
/// would move all the ops after it every time: quadratic on a long text).
/// `rebuild` hands a run back as `Err` when the deadline stopped it: that
/// run and the rest stay as they were, and the answer is `true`.
fn rebuild_runs(
    ops: &mut Vec<Op>,
    mut rebuild: impl FnMut(Vec<Op>) -> Result<Vec<Op>, Vec<Op>>,
) -> bool {
    let one_sided = |o: &Op| matches!(o.kind, OpKind::Deleted | OpKind::Inserted);
    let mut out = Vec::with_capacity(ops.len());
    let mut rest = std::mem::take(ops).into_iter().peekable();
    while let Some(op) = rest.next() {
        if !one_sided(&op) {
            out.push(op);
            continue;
        }
        let mut run = vec![op];
        while let Some(o) = rest.next_if(one_sided) {
            run.push(o);
        }
        match rebuild(run) {
            Ok(done) => out.extend(done),
            Err(run) => {
                out.extend(run);
                out.extend(rest);
                *ops = out;
                return true;
            }
        }
    }
    *ops = out;
    false
}

/// Grows every changed op that is not cosmetic, taking in runs of at most
/// `run` one-sided ops; `true` when the deadline stopped it.
fn grow_all(src: &Sources, ops: &mut Vec<Op>, deadline: &Budget, run: usize) -> bool {
    if ops.len() <= whole_limit() {
        return grow_segment(src, ops, deadline, run);
    }
    // An equal op ends every run `grow` takes in (runs of deleted and
    // inserted ops beside the op, and a changed op right after it): the
    // list grows segment by segment between equal ops, each a list of its
    // own, so that taking an op out moves the ops of its segment only, not
    // every op after it (tens of thousands on a 5 MB pair).
    let mut out = Vec::with_capacity(ops.len());
    let mut segment = Vec::new();
    let mut stopped = false;
    for op in std::mem::take(ops) {
        if op.kind == OpKind::Equal {
            stopped = stopped || grow_segment(src, &mut segment, deadline, run);
            out.append(&mut segment);
            out.push(op);
        } else {
            segment.push(op);
        }
    }
    stopped = stopped || grow_segment(src, &mut segment, deadline, run);
    out.append(&mut segment);
    *ops = out;
    stopped
}

/// Lists of up to this many ops are grown whole: moving a few thousand ops
/// for each one taken out costs less than copying every op once.
const WHOLE: usize = 2048;

#[cfg(not(test))]
fn whole_limit() -> usize {
    WHOLE
}

#[cfg(test)]
thread_local! {
    /// Tests set it to compare growing segment by segment with growing whole.
    static WHOLE_LIMIT: std::cell::Cell<usize> = const { std::cell::Cell::new(WHOLE) };
}

#[cfg(test)]
fn whole_limit() -> usize {
    WHOLE_LIMIT.with(|w| w.get())
}

/// Grows every changed op of `ops` (see `grow_all`).
fn grow_segment(src: &Sources, ops: &mut Vec<Op>, deadline: &Budget, run: usize) -> bool {
    let mut k = 0;
    while k < ops.len() {
        if ops[k].kind == OpKind::Changed && !ops[k].cosmetic {
            if src.out_of(deadline) {
                return true;
            }
            while let Some(next) = grow(src, ops, k, run) {
                k = next;
            }
        }
        k += 1;
    }
    false
}

/// Most deleted × inserted sentences of one run tried against each other.
const CONTAINED_TRIES: usize = 36;

/// A sentence cut short or run on (`A. B.` → `A.`, where the splitter saw one
/// sentence in `A. B.` after an initial or `D.C.`) keeps too few of the long
/// one's words for pairing, which weighs both sides, so the two show deleted
/// and inserted whole. In each run of deleted and inserted sentences, a
/// deleted and an inserted one are paired (in order) when the word diff
/// finds most of the shorter one in the longer, in runs chance would not
/// line up. `true` when the deadline stopped it.
fn pair_contained(src: &Sources, ops: &mut Vec<Op>, deadline: &Budget) -> bool {
    rebuild_runs(ops, |run| {
        if src.out_of(deadline) {
            return Err(run);
        }
        let pairs = contained_pairs(src, &run);
        Ok(if pairs.is_empty() {
            run
        } else {
            with_pairs(run, &pairs)
        })
    })
}

/// (deleted, inserted, similarity) pairs of a run of one-sided ops, by
/// their index in the run, increasing on both sides.
fn contained_pairs(src: &Sources, run: &[Op]) -> Vec<(usize, usize, f64)> {
    let of =
        |kind: OpKind| -> Vec<usize> { (0..run.len()).filter(|&j| run[j].kind == kind).collect() };
    let (deleted, inserted) = (of(OpKind::Deleted), of(OpKind::Inserted));
    if deleted.is_empty() || inserted.is_empty() || deleted.len() * inserted.len() > CONTAINED_TRIES
    {
        return Vec::new();
    }
    let texts = |side: Side, at: &[usize]| -> Vec<(String, Vec<u64>)> {
        at.iter()
            .map(|&j| {
                let r = if side == Side::Old {
                    run[j].old.clone()
                } else {
                    run[j].new.clone()
                };
                let text = src.text(side, r);
                let bag = bag_of_words(&text);
                (text, bag)
            })
            .collect()
    };
    let (old_texts, new_texts) = (texts(Side::Old, &deleted), texts(Side::New, &inserted));
    // One deleted and one inserted sentence between the same neighbours:
    // the same place in both texts.
    let lone = deleted.len() == 1 && inserted.len() == 1;
    let mut pairs = Vec::new();
    let mut from = 0;
    for (&d, (o, o_bag)) in deleted.iter().zip(&old_texts) {
        let o_words = o_bag.len();
        let mut best: Option<(usize, usize, f64)> = None;
        for (x, (n, n_bag)) in new_texts.iter().enumerate().skip(from) {
            let n_words = n_bag.len();
            let shorter = o_words.min(n_words);
            // The words both hold bound what a word diff can keep: most
            // pairs end here, before a diff of two long sentences.
            let mut bound = (shorter * 4).div_ceil(5);
            if lone {
                let longer = o_words.max(n_words);
                bound = bound
                    .min(longer.div_ceil(2))
                    .min(shorter.div_ceil(2).max(LONE_KEPT));
            }
            if count_shared_sorted(o_bag, n_bag) < bound {
                continue;
            }
            let kept = word_counts_by(o, n, None).2;
            let contained = kept * 5 >= shorter * 4 && kept_in_runs(o, n, RUN_WORDS) >= RUN_WORDS;
            if (contained || lone && edited_in_place(o, n, shorter, o_words.max(n_words)))
                && best.is_none_or(|(_, k, _)| kept > k)
            {
                let similarity = 2.0 * kept as f64 / (o_words + n_words) as f64;
                best = Some((x, kept, similarity));
            }
        }
        if let Some((x, _, similarity)) = best {
            pairs.push((d, inserted[x], similarity));
            from = x + 1;
        }
    }
    pairs
}

/// Whether a sentence that stands where another stood on the other side (a
/// lone deleted and inserted sentence between the same neighbours) is that
/// sentence edited: the word diff keeps, in order, at least half of the
/// words of the longer (`longer`, its word count), and at least one of the
/// kept words is a content word — or both sentences are short
/// (`LONE_SHORT`), where a word or two edited leaves function words only
/// (`What would they have?` → `What they have?`, `They beat me.` → `They
/// praise: me.`). Two or three words swapped in a sentence of seven (`The
/// lion lies in wait for prey.` → `The lion sits in wait for food.`) leave
/// too little for pairing, which weighs the words that differ; two
/// sentences that happen to stand in one place share a few function words
/// at most, fewer than half of a longer sentence's. A sentence grown by a
/// clause as well (`See Platinum metals, under Platinum.` → `See Ball in
/// fact, metals, under Something.`) keeps under half of the longer but at
/// least half of the shorter: that too is the sentence edited when three
/// or more words, one a content word, are kept. wdiff, whose counts the
/// stats follow, finds the kept words too.
fn edited_in_place(old: &str, new: &str, shorter: usize, longer: usize) -> bool {
    let (ow, nw) = (count_units(old), count_units(new));
    let mut kept = 0;
    let mut content = false;
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &ow, &nw) {
        if let similar::DiffOp::Equal { old_index, len, .. } = op {
            kept += len;
            content = content || ow[old_index..old_index + len].iter().any(|w| is_content(w));
        }
    }
    (kept > 0 && kept * 2 >= longer && (content || longer <= LONE_SHORT))
        || (content && kept >= LONE_KEPT && kept * 2 >= shorter)
}

/// Most words a lone pair sharing function words only may have.
const LONE_SHORT: usize = 6;

/// Fewest kept words that pair a lone sentence keeping under half of the
/// longer (`edited_in_place`).
const LONE_KEPT: usize = 3;

/// Whether one of a lone deleted and inserted sentence is the other cut at
/// one end, word for word (punctuation and case too), with a content word
/// left: `"Yes," said Mr. Bertram.` → `Bertram.`, where the part that went
/// was cut after an abbreviation. Too few words are left for
/// `edited_in_place`, yet what stands in the same place is what was there.
fn cut_at_an_end(old: &str, new: &str) -> bool {
    let (ow, nw) = (count_units(old), count_units(new));
    let (short, long) = if ow.len() < nw.len() {
        (ow, nw)
    } else {
        (nw, ow)
    };
    short.len() < long.len()
        && (long.starts_with(&short) || long.ends_with(&short))
        && short.iter().any(|w| is_content(w))
}

/// Whether a word (as the word diff reads it, with its punctuation) is a
/// content word: letters or digits left once punctuation is trimmed, and
/// not a function word.
fn is_content(word: &str) -> bool {
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    !bare.is_empty() && !is_stopword(&bare.to_lowercase())
}

/// The words of `text` as the word diff reads them, hashed and sorted.
fn bag_of_words(text: &str) -> Vec<u64> {
    use std::hash::{BuildHasher, BuildHasherDefault};
    let hasher = BuildHasherDefault::<super::similarity::Fx>::default();
    let mut bag: Vec<u64> = count_units(text)
        .into_iter()
        .map(|w| hasher.hash_one(w))
        .collect();
    bag.sort_unstable();
    bag
}

/// The run again with each pair one changed op: the deleted and inserted
/// sentences before a pair come before it, in their order.
fn with_pairs(run: Vec<Op>, pairs: &[(usize, usize, f64)]) -> Vec<Op> {
    let mut slots: Vec<Option<Op>> = run.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(slots.len());
    let take_before =
        |slots: &mut [Option<Op>], kind: OpKind, before: usize, at: usize, out: &mut Vec<Op>| {
            for slot in slots[..before].iter_mut() {
                if slot.as_ref().is_some_and(|o| o.kind == kind) {
                    if let Some(mut op) = slot.take() {
                        if kind == OpKind::Inserted {
                            op.old = at..at;
                        }
                        out.push(op);
                    }
                }
            }
        };
    for &(d, i, similarity) in pairs {
        let (Some(del), Some(ins)) = (slots[d].take(), slots[i].take()) else {
            continue;
        };
        let at = del.old.start;
        take_before(&mut slots, OpKind::Deleted, d, at, &mut out);
        take_before(&mut slots, OpKind::Inserted, i, at, &mut out);
        out.push(Op {
            kind: OpKind::Changed,
            new: ins.new,
            similarity,
            ..del
        });
    }
    let at = out.last().map_or(0, |o| o.old.end);
    let rest: Vec<Op> = slots.into_iter().flatten().collect();
    for mut op in rest {
        if op.kind == OpKind::Inserted && op.old.start < at {
            op.old = at..at;
        }
        out.push(op);
    }
    out
}

/// Neighbours that op `k` could take in: one op, or a run of one-sided ops
/// of one kind (a one-word "Selah." between the merge and the sentence whose
/// words the merge holds), listed nearest first.
struct Candidate {
    at: Vec<usize>,
    old: Range<usize>,
    new: Range<usize>,
    /// A changed op whose sentences of one side the candidate takes (its
    /// one sentence of the other side is then deleted or inserted).
    steal: Option<(usize, Side)>,
}

/// Longest run of one-sided ops taken in at once.
const RUN: usize = 3;

/// Takes in the first neighbour worth it; the op's new index, or `None`.
fn grow(src: &Sources, ops: &mut Vec<Op>, k: usize, run: usize) -> Option<usize> {
    let (old, new) = (ops[k].old.clone(), ops[k].new.clone());
    let base = kept(src, &old, &new);
    let mut base_runs = None;
    for c in candidates(ops, k, run) {
        let changed = ops[c.at[0]].kind == OpKind::Changed;
        // Most candidates share too few words with the op's other side to
        // be worth it: that bound costs no word diff.
        let bound = gain_bound(src, &old, &new, &c);
        let far_words = || {
            let far = &ops[c.at[c.at.len() - 1]];
            words_in(src, &far.old, &far.new)
        };
        let glued = !changed && c.at.len() == 1 && glued_edge(src, (&old, &new), &c, c.at[0] < k);
        let may = if changed {
            bound >= 1
        } else if glued {
            true
        } else {
            // Two words shared may finish a sentence an insertion cut
            // (`unmatched`); fewer are chance.
            (bound >= 2 || bound * 2 >= words_in(src, &c.old, &c.new))
                && (c.at.len() <= RUN || bound * 2 >= far_words())
        };
        if !may {
            continue;
        }
        let joined_old = union(&old, &c.old);
        let joined_new = union(&new, &c.new);
        let gain =
            kept(src, &joined_old, &joined_new).saturating_sub(base + kept(src, &c.old, &c.new));
        let worth = if changed {
            // Two changed ops whose boundary cut across a sentence: two
            // words more found, or one when that leaves no word changed
            // (the two sides only cut the run differently).
            gain >= 2
                || (gain == 1
                    && (2 * kept(src, &joined_old, &joined_new)
                        == words_in(src, &joined_old, &joined_new)
                        || edge_crossed(src, (&old, &new), (&c.old, &c.new))))
        } else {
            // Most of the one-sided sentence's words have counterparts, or
            // a run of them does that chance would not line up: a merge
            // that also cut words (`… by J. R. R.` + the next sentence, the
            // rest of the old one deleted), or one sentence further on (a
            // sentence between them deleted).
            let words = words_in(src, &c.old, &c.new);
            glued
                || (gain >= 1 && gain * 2 >= words)
                || (gain >= RUN_WORDS
                    && in_runs(src, &joined_old, &joined_new)
                        .saturating_sub(*base_runs.get_or_insert_with(|| in_runs(src, &old, &new)))
                        >= RUN_WORDS)
                || (gain >= 2 && gain * 3 >= 2 * unmatched(src, &old, &new, &c, base))
                || finds_most_folded(src, (&old, &new), &c, (&joined_old, &joined_new))
        };
        // A run longer than the first pass's reach (`join_across_deletions`)
        // is taken in only for its far end: most of the last sentence's
        // words found (the middle ones were cut), not a few words scattered
        // over a long stretch of an independent write-up.
        let far_end = c.at.len() <= RUN || gain * 2 >= far_words();
        if worth && far_end {
            ops[k].old = joined_old;
            ops[k].new = joined_new;
            let before = c.at.iter().filter(|&&a| a < k).count();
            let mut at = c.at;
            at.sort_unstable();
            for a in at.into_iter().rev() {
                ops.remove(a);
            }
            return Some(k - before);
        }
    }
    None
}

/// Whether the op's words on one side begin (candidate `before` it) or end
/// with words the other side lacks (added, or put in place of its own)
/// whose outermost ones are, word for word, the same end of the one-sided
/// candidate next to it, with a content word among them: a sentence deleted
/// all but its first words (`Mrs.` of `Mrs. Grant, with a temper ...`, cut
/// after the abbreviation), which now open the next sentence (`Mrs. They
/// lived together`), or all but its last (`… do it. Compare studlycaps,
/// InterCaps.` → `… do it, InterCaps.`). One word is all the join finds,
/// too few for the other rules, but it is where that word was.
fn glued_edge(
    src: &Sources,
    (old, new): (&Range<usize>, &Range<usize>),
    c: &Candidate,
    before: bool,
) -> bool {
    // The side the candidate lies on, and the op's other side.
    let (side, cand, own, other) = if c.new.is_empty() {
        (Side::Old, &c.old, old, new)
    } else if c.old.is_empty() {
        (Side::New, &c.new, new, old)
    } else {
        return false;
    };
    let (cand, theirs) = (
        src.text(side, cand.clone()),
        src.text(side.other(), other.clone()),
    );
    let (cw, tw) = (count_units(&cand), count_units(&theirs));
    // Most candidates end here, before the op's own text and a word diff.
    let ends_alike = if before {
        cw.first() == tw.first()
    } else {
        cw.last() == tw.last()
    };
    if !ends_alike {
        return false;
    }
    // The words at that end of the other side that this side lacks.
    let ours = src.text(side, own.clone());
    let ow = count_units(&ours);
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &ow, &tw);
    // The words the op's other side has there that this side lacks: added
    // (all of them must be the candidate's end), or put in place of words of
    // its own that differ from them in punctuation or case only, with the
    // candidate's end beyond (`do it.` → `do it, InterCaps.`).
    let fold = |w: &&str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let (added, replaced): (&[&str], &[&str]) =
        match if before { diff.first() } else { diff.last() } {
            Some(&similar::DiffOp::Insert {
                new_index, new_len, ..
            }) => (&tw[new_index..new_index + new_len], &[]),
            Some(&similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            }) if new_len > old_len => (
                &tw[new_index..new_index + new_len],
                &ow[old_index..old_index + old_len],
            ),
            _ => return false,
        };
    let n = added.len() - replaced.len();
    let (rest, glued, cand_end) = if before {
        (&added[n..], &added[..n], cw.get(..n))
    } else {
        (
            &added[..replaced.len()],
            &added[replaced.len()..],
            cw.get(cw.len().saturating_sub(n)..),
        )
    };
    n < cw.len()
        && cand_end == Some(glued)
        && rest.iter().map(fold).eq(replaced.iter().map(fold))
        && glued.iter().any(|w| is_content(w))
}

/// Whether the boundary between changed op `a` and the changed op `b` right
/// after it fell a word or more off where the two sides cut: `a` ends with
/// words one side lacks that are, word for word, the opening words of
/// `b` the other side lacks (`… So {+I+}` then `[-I-] Get Up …`). Where a
/// long run-on sentence is cut into pieces at several copies' line ends,
/// each pair of ops finds one word more joined and leaves another at its
/// far end, so `gain >= 2` never holds along the run.
fn edge_crossed(
    src: &Sources,
    (a_old, a_new): (&Range<usize>, &Range<usize>),
    (b_old, b_new): (&Range<usize>, &Range<usize>),
) -> bool {
    let words = |side: Side, r: &Range<usize>| src.text(side, r.clone());
    let (ao, an, bo, bn) = (
        words(Side::Old, a_old),
        words(Side::New, a_new),
        words(Side::Old, b_old),
        words(Side::New, b_new),
    );
    let (ao, an, bo, bn) = (
        count_units(&ao),
        count_units(&an),
        count_units(&bo),
        count_units(&bn),
    );
    let a = similar::capture_diff_slices(similar::Algorithm::Myers, &ao, &an);
    let b = similar::capture_diff_slices(similar::Algorithm::Myers, &bo, &bn);
    match (a.last(), b.first()) {
        (
            Some(&similar::DiffOp::Insert {
                new_index, new_len, ..
            }),
            Some(&similar::DiffOp::Delete { old_len, .. }),
        ) => old_len >= new_len && an[new_index..new_index + new_len] == bo[..new_len],
        (
            Some(&similar::DiffOp::Delete {
                old_index, old_len, ..
            }),
            Some(&similar::DiffOp::Insert { new_len, .. }),
        ) => new_len >= old_len && ao[old_index..old_index + old_len] == bn[..old_len],
        _ => false,
    }
}

/// Whether the joined run finds most of one-sided candidate `c`'s words
/// when words are read without case or the punctuation around them: where
/// sentences are merged, the full stop and capital change (`crucified.
/// And` → `crucified — and`), so the first sentence of a merge that was
/// also edited keeps too few of its words as written. Its own words, not
/// the op's, bound what it can gain: most candidates end there.
fn finds_most_folded(
    src: &Sources,
    (old, new): (&Range<usize>, &Range<usize>),
    c: &Candidate,
    (joined_old, joined_new): (&Range<usize>, &Range<usize>),
) -> bool {
    let (mine, other) = if c.new.is_empty() {
        ((Side::Old, &c.old), (Side::New, new))
    } else {
        ((Side::New, &c.new), (Side::Old, old))
    };
    if mine.1.is_empty() || other.1.is_empty() {
        return false;
    }
    let words = folded_words(src, mine.0, mine.1);
    let shared = count_shared_sorted(
        &sorted(words.clone()),
        &sorted(folded_words(src, other.0, other.1)),
    );
    if shared < 2 || shared * 2 < words.len() {
        return false;
    }
    let gain = folded_kept(src, joined_old, joined_new).saturating_sub(folded_kept(src, old, new));
    gain >= 2 && gain * 2 >= words.len()
}

/// Words of the op's side that candidate `c` does not extend (its old side
/// for inserted sentences, its new side for deleted ones) that the op's
/// word diff leaves without a counterpart: when a join finds most of them,
/// the candidate holds the rest of a sentence that an insertion (or a
/// deletion) cut in two (`--Sir W. Hamilton.` against `--Sir W. We can …
/// object. --Ray. Hamilton.`), however few its words.
fn unmatched(
    src: &Sources,
    old: &Range<usize>,
    new: &Range<usize>,
    c: &Candidate,
    kept: usize,
) -> usize {
    let whole = if c.new.is_empty() {
        count_units(&src.text(Side::New, new.clone())).len()
    } else {
        count_units(&src.text(Side::Old, old.clone())).len()
    };
    whole.saturating_sub(kept)
}

/// The most words that joining candidate `c` to the op of `old` and `new`
/// can find beyond what each finds alone: the candidate's words of one side
/// that the op's other side holds, and the reverse (a word diff over `A + C`
/// against `B` keeps at most what `A` against `B` keeps plus what `C`'s words
/// find in `B`). Word hashes may collide, which only raises the bound.
fn gain_bound(src: &Sources, old: &Range<usize>, new: &Range<usize>, c: &Candidate) -> usize {
    let bag = |side: Side, r: &Range<usize>| -> Vec<u64> {
        if r.is_empty() {
            Vec::new()
        } else {
            bag_of_words(&src.text(side, r.clone()))
        }
    };
    let cross = |a: (&Range<usize>, &Range<usize>)| -> usize {
        if a.0.is_empty() || a.1.is_empty() {
            return 0;
        }
        count_shared_sorted(&bag(Side::Old, a.0), &bag(Side::New, a.1))
    };
    cross((&c.old, new)) + cross((old, &c.new))
}

/// The deleted and inserted sentences right before and after op `k` (in the
/// run of one-sided ops beside it), runs of them, and a changed op right
/// after it.
fn candidates(ops: &[Op], k: usize, longest: usize) -> Vec<Candidate> {
    let op = &ops[k];
    let mut out = Vec::new();
    let one_sided = |o: &Op| matches!(o.kind, OpKind::Deleted | OpKind::Inserted);
    let lo = k.saturating_sub(REACH);
    let hi = (k + 1 + REACH).min(ops.len());
    let before: Vec<usize> = (lo..k).rev().take_while(|&j| one_sided(&ops[j])).collect();
    let after: Vec<usize> = (k + 1..hi).take_while(|&j| one_sided(&ops[j])).collect();
    for (side_ops, forward) in [(&before, false), (&after, true)] {
        for kind in [OpKind::Deleted, OpKind::Inserted] {
            // The ops of this kind beside `k`, in unit order away from it.
            let mut edge = if kind == OpKind::Deleted {
                if forward {
                    op.old.end
                } else {
                    op.old.start
                }
            } else if forward {
                op.new.end
            } else {
                op.new.start
            };
            let mut run: Vec<usize> = Vec::new();
            for &j in side_ops.iter().filter(|&&j| ops[j].kind == kind) {
                let r = if kind == OpKind::Deleted {
                    &ops[j].old
                } else {
                    &ops[j].new
                };
                let fits = if forward {
                    r.start == edge
                } else {
                    r.end == edge
                };
                if !fits || run.len() == longest {
                    break;
                }
                edge = if forward { r.end } else { r.start };
                run.push(j);
                out.push(run_candidate(ops, &run));
            }
        }
    }
    if let Some(o) = ops.get(k + 1) {
        if o.kind == OpKind::Changed
            && !o.cosmetic
            && o.old.start == op.old.end
            && o.new.start == op.new.end
        {
            out.push(run_candidate(ops, &[k + 1]));
        }
    }
    out
}

/// A candidate of the ops `at` (one changed op, or one-sided ops of one kind
/// next to each other in unit order).
fn run_candidate(ops: &[Op], at: &[usize]) -> Candidate {
    let mut c = candidate(ops, at[0]);
    for &a in &at[1..] {
        let more = candidate(ops, a);
        c.old = union(&c.old, &more.old);
        c.new = union(&c.new, &more.new);
    }
    c.at = at.to_vec();
    c
}

/// The same for moved ops, after moves are found: a moved paragraph whose
/// sentences were also merged, split or cut carries deleted and inserted
/// sentences at its two ends, found by unit index (the two ends of a move
/// lie apart in the op list). Often both ends hold part of it at once (two
/// old sentences merged into one new one right after the moved sentence),
/// so a candidate takes a run of deleted sentences and a run of inserted
/// ones together; of those worth it, the one that explains the most words.
pub(crate) fn join_moved(src: &Sources, ops: &mut Vec<Op>, deadline: &Budget) -> bool {
    let mut at = Beside::default();
    for (i, op) in ops.iter().enumerate() {
        match op.kind {
            OpKind::Deleted => {
                at.deleted.insert(op.old.start, i);
            }
            OpKind::Inserted => {
                at.inserted.insert(op.new.start, i);
            }
            OpKind::Changed if !op.cosmetic => {
                if op.old.len() == 1 {
                    at.changed_from.insert(op.new.start, i);
                    at.changed_to.insert(op.new.end, i);
                }
                if op.new.len() == 1 {
                    at.changed_old_from.insert(op.old.start, i);
                    at.changed_old_to.insert(op.old.end, i);
                }
            }
            _ => {}
        }
    }
    if at.deleted.is_empty() && at.inserted.is_empty() {
        return false;
    }
    let mut removed = vec![false; ops.len()];
    let mut cut = false;
    for k in 0..ops.len() {
        if ops[k].kind != OpKind::Moved {
            continue;
        }
        if src.out_of(deadline) {
            cut = true;
            break;
        }
        while let Some(how) = best_beside_move(src, ops, k, &at, &removed) {
            if let BesideMove::Grow(Candidate {
                steal: Some((c, side)),
                ..
            })
            | BesideMove::Apart(
                Candidate {
                    steal: Some((c, side)),
                    ..
                },
                _,
            ) = how
            {
                unpair(&mut ops[c], side);
                removed_changed(&mut at, c);
            }
            match how {
                BesideMove::Grow(c) => {
                    for &a in &c.at {
                        removed[a] = true;
                    }
                    ops[k].old = union(&ops[k].old, &c.old);
                    ops[k].new = union(&ops[k].new, &c.new);
                }
                BesideMove::Apart(c, similarity) => {
                    // The first deleted op (in the old order) becomes the
                    // moved op; the others go.
                    let first =
                        c.at.iter()
                            .copied()
                            .filter(|&a| ops[a].kind == OpKind::Deleted)
                            .min();
                    let Some(first) = first else { break };
                    for &a in c.at.iter().filter(|&&a| a != first) {
                        removed[a] = true;
                    }
                    let passage = ops[k].passage;
                    let op = &mut ops[first];
                    op.kind = OpKind::Moved;
                    op.old = c.old;
                    op.new = c.new;
                    op.similarity = similarity;
                    op.passage = passage;
                    break;
                }
            }
        }
    }
    let mut i = 0;
    ops.retain(|_| {
        i += 1;
        !removed[i - 1]
    });
    cut
}

/// A changed op whose sentences of one side went with a move: the other
/// side's one sentence is deleted (or inserted).
fn unpair(op: &mut Op, taken: Side) {
    if taken == Side::New {
        op.kind = OpKind::Deleted;
        op.new = op.new.start..op.new.start;
    } else {
        op.kind = OpKind::Inserted;
        op.old = op.old.start..op.old.start;
    }
    op.similarity = 0.0;
    op.words.clear();
}

fn removed_changed(at: &mut Beside, c: usize) {
    for map in [
        &mut at.changed_from,
        &mut at.changed_to,
        &mut at.changed_old_from,
        &mut at.changed_old_to,
    ] {
        map.retain(|_, &mut v| v != c);
    }
}

/// Deleted ops by their old unit, inserted ops by their new unit.
#[derive(Default)]
struct Beside {
    deleted: std::collections::HashMap<usize, usize>,
    inserted: std::collections::HashMap<usize, usize>,
    /// Changed ops of one old sentence, by their first and their last new
    /// sentence (one past it).
    changed_from: std::collections::HashMap<usize, usize>,
    changed_to: std::collections::HashMap<usize, usize>,
    /// Changed ops of one new sentence, by their old sentences the same way.
    changed_old_from: std::collections::HashMap<usize, usize>,
    changed_old_to: std::collections::HashMap<usize, usize>,
}

impl Beside {
    /// The changed op (one sentence on the other side) that starts (going
    /// `forward`) or ends at unit `edge` of `side`.
    fn changed_beside(&self, side: Side, edge: usize, forward: bool, ops: &[Op]) -> Option<usize> {
        let (from, to) = match side {
            Side::New => (&self.changed_from, &self.changed_to),
            Side::Old => (&self.changed_old_from, &self.changed_old_to),
        };
        let changed = if forward {
            from.get(&edge)
        } else {
            to.get(&edge)
        };
        changed.copied().filter(|&c| ops[c].kind == OpKind::Changed)
    }

    /// Up to `RUN + 1` ops of one kind in a row from unit `from`, stepping away
    /// from the move (`forward`: on from `from`; else back from `from - 1`),
    /// skipping ops already taken.
    fn run(&self, kind: OpKind, from: usize, forward: bool, removed: &[bool]) -> Vec<usize> {
        let map = if kind == OpKind::Deleted {
            &self.deleted
        } else {
            &self.inserted
        };
        let mut out = Vec::new();
        for step in 0..=RUN {
            let unit = if forward {
                Some(from + step)
            } else {
                from.checked_sub(step + 1)
            };
            match unit.and_then(|u| map.get(&u)) {
                Some(&op) if !removed[op] => out.push(op),
                _ => break,
            }
        }
        out
    }
}

/// What to do with the sentences beside a move.
enum BesideMove {
    /// They join the moved op.
    Grow(Candidate),
    /// They become a moved op of their own, a sentence further on: one
    /// sentence between was deleted (or inserted) outright.
    Apart(Candidate, f64),
}

impl BesideMove {
    /// The candidate joins the move, or stands apart with the share of its
    /// words that found a counterpart.
    fn new(c: Candidate, apart: bool, found: usize, words: usize) -> Self {
        if apart {
            BesideMove::Apart(c, found as f64 / words as f64)
        } else {
            BesideMove::Grow(c)
        }
    }
}

/// Of the runs of deleted and inserted sentences before and after moved op
/// `k` (each run up to `RUN` long, one or both sides, and two-sided runs
/// also one sentence away), the one whose words the move best explains, if
/// any is worth taking in.
fn best_beside_move(
    src: &Sources,
    ops: &[Op],
    k: usize,
    at: &Beside,
    removed: &[bool],
) -> Option<BesideMove> {
    let mv = Moved::new(src, &ops[k]);
    let mut best = Best::default();
    for forward in [false, true] {
        let (o_from, n_from) = if forward {
            (mv.old.end, mv.new.end)
        } else {
            (mv.old.start, mv.new.start)
        };
        let deleted = at.run(OpKind::Deleted, o_from, forward, removed);
        let inserted = at.run(OpKind::Inserted, n_from, forward, removed);
        runs_beside(src, ops, &mv, [&deleted, &inserted], &mut best);
        // The sentences beside the move may have been paired with a
        // sentence near where they landed (repetitive text offers several)
        // while the move's own deleted (inserted) neighbours say them better.
        let beside_new = at.changed_beside(Side::New, n_from, forward, ops);
        if let Some(ci) = beside_new {
            taken_from_changed(src, ops, &mv, (ci, Side::New), &deleted, &mut best);
        }
        let beside_old = at.changed_beside(Side::Old, o_from, forward, ops);
        if let Some(ci) = beside_old {
            taken_from_changed(src, ops, &mv, (ci, Side::Old), &inserted, &mut best);
        }
    }
    best.0.map(|(_, how)| how)
}

/// The moved op whose neighbours are weighed: its sentences and the words
/// its pair already keeps.
struct Moved {
    old: Range<usize>,
    new: Range<usize>,
    base: usize,
    /// The words of runs weighed for it (`Moved::words`).
    words: std::cell::RefCell<FxMap<(bool, usize, usize), std::rc::Rc<RunWords>>>,
}

/// The words of a run of sentences, by their hashes in order of the hash
/// (`bag_of_words`), and whether whitespace stands beside a hyphen in its
/// text (`spaced_hyphen`).
struct RunWords {
    bag: Vec<u64>,
    spaced_hyphen: bool,
}

impl Moved {
    fn new(src: &Sources, op: &Op) -> Self {
        Moved {
            base: kept(src, &op.old, &op.new),
            old: op.old.clone(),
            new: op.new.clone(),
            words: Default::default(),
        }
    }

    /// The words candidate `c` brings: those it keeps standing apart, or
    /// what it adds to the move's kept words when it joins it. `None` when
    /// they are surely fewer than `need`, found without a word diff
    /// (`gain_at_most`): on unrelated text most candidates end there.
    fn gain(&self, src: &Sources, c: &Candidate, apart: bool, need: usize) -> Option<usize> {
        let (old, new, base) = if apart {
            (c.old.clone(), c.new.clone(), 0)
        } else {
            (
                union(&self.old, &c.old),
                union(&self.new, &c.new),
                self.base,
            )
        };
        if !kept_known(src, &old, &new) && self.gain_at_most(src, c, apart) < need {
            return None;
        }
        Some(kept(src, &old, &new).saturating_sub(base))
    }

    /// The most words candidate `c` can bring (`gain`), from the words the
    /// sides hold: a word diff keeps no more of two texts than the words
    /// both hold, so joining `Co`/`Cn` to the move's `A`/`B` adds at most
    /// the words `Co` shares with `B + Cn` and `A` with `Cn`. Word hashes
    /// may collide, which only raises it; `usize::MAX` when whitespace
    /// beside a hyphen makes the word diff join words (`spaced_hyphen`).
    fn gain_at_most(&self, src: &Sources, c: &Candidate, apart: bool) -> usize {
        let (old, new) = if apart {
            (c.old.clone(), c.new.clone())
        } else {
            (union(&self.old, &c.old), union(&self.new, &c.new))
        };
        if old.is_empty() || new.is_empty() {
            return 0;
        }
        let (old_words, new_words) = (
            self.words(src, Side::Old, &old),
            self.words(src, Side::New, &new),
        );
        if old_words.spaced_hyphen || new_words.spaced_hyphen {
            return usize::MAX;
        }
        if apart {
            return count_shared_sorted(&old_words.bag, &new_words.bag);
        }
        let shared = |a: (Side, &Range<usize>), b: (Side, &Range<usize>)| {
            if a.1.is_empty() || b.1.is_empty() {
                return 0;
            }
            count_shared_sorted(
                &self.words(src, a.0, a.1).bag,
                &self.words(src, b.0, b.1).bag,
            )
        };
        shared((Side::Old, &c.old), (Side::New, &new))
            + shared((Side::Old, &self.old), (Side::New, &c.new))
    }

    /// The words of a run of sentences (`RunWords`), read once for the move.
    fn words(&self, src: &Sources, side: Side, r: &Range<usize>) -> std::rc::Rc<RunWords> {
        let key = (side == Side::Old, r.start, r.end);
        if let Some(w) = self.words.borrow().get(&key) {
            return w.clone();
        }
        let text = src.text(side, r.clone());
        let words = std::rc::Rc::new(RunWords {
            bag: bag_of_words(&text),
            spaced_hyphen: spaced_hyphen(&text),
        });
        self.words.borrow_mut().insert(key, words.clone());
        words
    }
}

/// The best choice so far, by its net score (higher is better, the first
/// kept on a tie).
#[derive(Default)]
struct Best(Option<(isize, BesideMove)>);

impl Best {
    fn consider(&mut self, net: isize, how: BesideMove) {
        if self.0.as_ref().is_none_or(|(n, _)| net > *n) {
            self.0 = Some((net, how));
        }
    }
}

/// Runs of the deleted and inserted ops beside the move, taken in whole or
/// (both sides, one sentence further on) standing apart.
fn runs_beside(src: &Sources, ops: &[Op], mv: &Moved, runs: [&[usize]; 2], best: &mut Best) {
    let [deleted, inserted] = runs;
    for (skip_d, skip_i) in [(0, 0), (1, 0), (0, 1)] {
        for a in 0..=deleted.len().saturating_sub(skip_d).min(RUN) {
            for b in 0..=inserted.len().saturating_sub(skip_i).min(RUN) {
                let apart = skip_d + skip_i > 0;
                if a + b == 0 || (apart && (a == 0 || b == 0)) {
                    continue;
                }
                let taken: Vec<usize> = deleted[skip_d..skip_d + a]
                    .iter()
                    .chain(&inserted[skip_i..skip_i + b])
                    .copied()
                    .collect();
                let c = run_candidate(ops, &taken);
                // Words of the candidate that find a counterpart (on both
                // sides when it has both), against all its words: at least
                // half, and the more explained the better (the smaller run
                // on a tie).
                let both = if a > 0 && b > 0 { 2 } else { 1 };
                let words = words_in(src, &c.old, &c.new);
                let need = words.div_ceil(2 * both).max(1);
                let Some(gain) = mv.gain(src, &c, apart, need) else {
                    continue;
                };
                let found = both * gain;
                if gain == 0 || found * 2 < words {
                    continue;
                }
                let net = (2 * found) as isize - words as isize;
                best.consider(net, BesideMove::new(c, apart, found, words));
            }
        }
    }
}

/// The one-sided run beside the move (`run`: deleted ops when taking the
/// changed op `ci`'s new sentences, inserted ones for its old sentences)
/// with the changed op's `side` taken from it, when that explains more than
/// the changed op did.
fn taken_from_changed(
    src: &Sources,
    ops: &[Op],
    mv: &Moved,
    (ci, side): (usize, Side),
    run: &[usize],
    best: &mut Best,
) {
    let loss = kept(src, &ops[ci].old, &ops[ci].new);
    // Apart needs a deleted op to stand in: only when taking new sentences.
    let skips: &[usize] = if side == Side::New { &[0, 1] } else { &[0] };
    for &skip in skips {
        for a in 1..=run.len().saturating_sub(skip).min(RUN) {
            let mut c = run_candidate(ops, &run[skip..skip + a]);
            if side == Side::New {
                c.new = ops[ci].new.clone();
            } else {
                c.old = ops[ci].old.clone();
            }
            c.steal = Some((ci, side));
            let apart = skip > 0;
            let words = words_in(src, &c.old, &c.new);
            let need = (loss + 2).max(words.div_ceil(4));
            let Some(gain) = mv.gain(src, &c, apart, need) else {
                continue;
            };
            let found = 2 * gain;
            if gain <= loss + 1 || found * 2 < words {
                continue;
            }
            // What the changed op explained is lost.
            let net = (2 * found) as isize - words as isize - (4 * loss) as isize;
            best.consider(net, BesideMove::new(c, apart, found, words));
        }
    }
}

fn candidate(ops: &[Op], at: usize) -> Candidate {
    let o = &ops[at];
    let old = if o.kind == OpKind::Inserted {
        0..0
    } else {
        o.old.clone()
    };
    let new = if o.kind == OpKind::Deleted {
        0..0
    } else {
        o.new.clone()
    };
    Candidate {
        at: vec![at],
        old,
        new,
        steal: None,
    }
}

/// Two adjacent ranges (either may be empty) as one.
fn union(a: &Range<usize>, b: &Range<usize>) -> Range<usize> {
    if b.is_empty() {
        a.clone()
    } else if a.is_empty() {
        b.clone()
    } else {
        a.start.min(b.start)..a.end.max(b.end)
    }
}

/// Joins are about sentences: runs longer than this many units a side
/// (one giant "sentence", a run of hundreds) are left as pairing made them.
const MAX_JOINED_BYTES: usize = 20_000;

/// Words of both sides that the word diff keeps (0 for runs too long to join),
/// worked out once for each pair of runs (`Sources::kept`).
fn kept(src: &Sources, old: &Range<usize>, new: &Range<usize>) -> usize {
    if old.is_empty() || new.is_empty() || too_long(src, old, new) {
        return 0;
    }
    let runs = [old.start, old.end, new.start, new.end];
    if let Some(&words) = src.kept.borrow().get(&runs) {
        return words;
    }
    let (o, n) = (
        src.text(Side::Old, old.clone()),
        src.text(Side::New, new.clone()),
    );
    let words = word_counts_by(&o, &n, None).2;
    src.diffed
        .set(src.diffed.get() + (o.len() + n.len()) as u64);
    src.kept.borrow_mut().insert(runs, words);
    words
}

/// Whether `kept` of these runs is worked out already.
fn kept_known(src: &Sources, old: &Range<usize>, new: &Range<usize>) -> bool {
    let runs = [old.start, old.end, new.start, new.end];
    src.kept.borrow().contains_key(&runs)
}

/// Either side's run over `MAX_JOINED_BYTES`.
fn too_long(src: &Sources, old: &Range<usize>, new: &Range<usize>) -> bool {
    let bytes = |us: &[super::Unit], r: &Range<usize>| -> usize {
        us[r.clone()].iter().map(|u| u.span.len()).sum()
    };
    bytes(src.old_units, old) > MAX_JOINED_BYTES || bytes(src.new_units, new) > MAX_JOINED_BYTES
}

/// Fewest words in a row that a join must find beyond what the op found.
const RUN_WORDS: usize = 3;

/// Old words the word diff keeps in runs of `RUN_WORDS` or more.
fn in_runs(src: &Sources, old: &Range<usize>, new: &Range<usize>) -> usize {
    if old.is_empty() || new.is_empty() || too_long(src, old, new) {
        return 0;
    }
    kept_in_runs(
        &src.text(Side::Old, old.clone()),
        &src.text(Side::New, new.clone()),
        RUN_WORDS,
    )
}

fn words_in(src: &Sources, old: &Range<usize>, new: &Range<usize>) -> usize {
    count_units(&src.text(Side::Old, old.clone())).len()
        + count_units(&src.text(Side::New, new.clone())).len()
}

/// Longest run of sentences a moved merge (or split) takes in.
const MERGED_RUN: usize = 6;
/// Share of both sides' words a moved merge keeps.
const MERGED_SHARE: f64 = 0.8;
/// Fewest words of a one-sided sentence matched with a moved run.
const SHORT_MERGED: usize = 6;

/// A paragraph moved and merged into one sentence on the way (or one
/// sentence moved and split): no sentence of it moves alone, so `find_moves`
/// sees only a long inserted sentence and a run of deleted ones elsewhere
/// (or the reverse). Each long one-sided sentence left is matched, through
/// the rarer words it shares, with a run of adjacent sentences of the other
/// side; when one word diff keeps most of both, they become one moved op.
pub(crate) fn join_merged_moves(src: &Sources, ops: &mut Vec<Op>, deadline: &Budget) -> bool {
    let mut removed = vec![false; ops.len()];
    let mut cut = false;
    let mut passage = ops.iter().map(|o| o.passage).max().unwrap_or(0);
    'kinds: for (one, many) in [
        (OpKind::Inserted, OpKind::Deleted),
        (OpKind::Deleted, OpKind::Inserted),
    ] {
        let index = WordIndex::of(src, ops, many);
        if index.runs.is_empty() {
            continue;
        }
        for k in 0..ops.len() {
            if ops[k].kind != one || removed[k] {
                continue;
            }
            if src.out_of(deadline) {
                // Ops already joined are dropped below, as when it finishes.
                cut = true;
                break 'kinds;
            }
            let Some((run, similarity)) = best_run(src, ops, k, &index, &removed) else {
                continue;
            };
            passage += 1;
            let (at, old, new) = if one == OpKind::Inserted {
                let first = *run.iter().min().unwrap_or(&run[0]);
                removed[k] = true;
                let old = union(&ops[run[0]].old, &ops[run[run.len() - 1]].old);
                let old = old.start.min(ops[first].old.start)..old.end;
                (first, old, ops[k].new.clone())
            } else {
                let new = union(&ops[run[0]].new, &ops[run[run.len() - 1]].new);
                (k, ops[k].old.clone(), new)
            };
            for &r in &run {
                if r != at {
                    removed[r] = true;
                }
            }
            let op = &mut ops[at];
            op.kind = OpKind::Moved;
            op.old = old;
            op.new = new;
            op.similarity = similarity;
            op.passage = passage;
        }
    }
    let mut i = 0;
    ops.retain(|_| {
        i += 1;
        !removed[i - 1]
    });
    cut
}

/// One-sided ops of one kind: by unit, and by the longer words they hold.
struct WordIndex {
    kind: OpKind,
    /// Op of each unit of that side that is one-sided of `kind`.
    runs: FxMap<usize, usize>,
    words: FxMap<String, Vec<usize>>,
}

impl WordIndex {
    fn of(src: &Sources, ops: &[Op], kind: OpKind) -> WordIndex {
        let side = if kind == OpKind::Deleted {
            Side::Old
        } else {
            Side::New
        };
        let mut index = WordIndex {
            kind,
            runs: Default::default(),
            words: Default::default(),
        };
        for (i, op) in ops.iter().enumerate().filter(|(_, o)| o.kind == kind) {
            let unit = if side == Side::Old {
                op.old.start
            } else {
                op.new.start
            };
            index.runs.insert(unit, i);
            for w in distinctive(src.unit_text(side, unit)) {
                let list = index.words.entry(w).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        index
    }

    fn unit(&self, op: &Op) -> usize {
        if self.kind == OpKind::Deleted {
            op.old.start
        } else {
            op.new.start
        }
    }
}

/// Longer words, lower-cased, trimmed of punctuation: what a sentence and its
/// merged copy share that other sentences seldom do.
fn distinctive(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace().filter_map(|w| {
        // An ASCII word is trimmed and lower-cased byte by byte, and keeps
        // its length: a short one is left out before it is copied (most
        // words are short).
        if w.is_ascii() {
            let b = w.as_bytes();
            let start = b.iter().position(u8::is_ascii_alphanumeric)?;
            let end = b.iter().rposition(u8::is_ascii_alphanumeric)? + 1;
            return (end - start >= 6).then(|| w[start..end].to_ascii_lowercase());
        }
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        Some(w.to_lowercase()).filter(|w| w.chars().count() >= 6)
    })
}

/// For one-sided op `k` (`SHORT_MERGED` words or more): the ops of the other kind, adjacent in
/// their side's order, whose words it keeps best (most of both sides'
/// words), with that share.
fn best_run(
    src: &Sources,
    ops: &[Op],
    k: usize,
    index: &WordIndex,
    removed: &[bool],
) -> Option<(Vec<usize>, f64)> {
    let side = if ops[k].kind == OpKind::Inserted {
        Side::New
    } else {
        Side::Old
    };
    let one_side = if side == Side::New {
        ops[k].new.clone()
    } else {
        ops[k].old.clone()
    };
    let text = src.text(side, one_side.clone());
    let words = count_units(&text).len();
    if words < SHORT_MERGED {
        return None;
    }
    let run = Run {
        src,
        ops,
        index,
        removed,
        side,
        one_side,
    };
    let mut best: Option<(Vec<usize>, f64)> = None;
    let mut one_words: Option<Vec<String>> = None;
    for c in run.candidates(&text) {
        let one_words =
            one_words.get_or_insert_with(|| sorted(folded_words(src, side, &run.one_side)));
        if !may_reach_merged_share(src, ops, c, index, one_words) {
            continue;
        }
        let (grown, share) = run.grow(c);
        // Most words of both sides kept, and more than one sentence taken
        // (one alone would have been found as a move).
        if share >= MERGED_SHARE && grown.len() > 1 && best.as_ref().is_none_or(|(_, b)| share > *b)
        {
            best = Some((grown, share));
        }
    }
    best.filter(|(grown, _)| words >= 12 || run.rare_words_in(&text, grown) >= 3)
}

/// What `best_run` looks with: the one-sided op's side and units, and the
/// ops of the other kind indexed by their words.
struct Run<'a> {
    src: &'a Sources<'a>,
    ops: &'a [Op],
    index: &'a WordIndex,
    removed: &'a [bool],
    side: Side,
    one_side: Range<usize>,
}

impl Run<'_> {
    /// The two ops of the other kind sharing the most distinctive words of
    /// `text` (words in more than four ops are skipped as common), two at
    /// least.
    fn candidates(&self, text: &str) -> Vec<usize> {
        let mut tally: FxMap<usize, usize> = FxMap::default();
        for w in distinctive(text) {
            if let Some(list) = self.index.words.get(&w).filter(|l| l.len() <= 4) {
                for &i in list {
                    *tally.entry(i).or_default() += 1;
                }
            }
        }
        let mut cands: Vec<(usize, usize)> = tally
            .into_iter()
            .filter(|&(i, n)| n >= 2 && !self.removed[i])
            .collect();
        cands.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.into_iter().take(2).map(|(c, _)| c).collect()
    }

    /// The folded share of words kept between the one-sided op and the run
    /// of ops `run` (in unit order).
    fn share(&self, run: &[usize]) -> f64 {
        let units = union(
            &self.index.unit_range(self.ops, run[0]),
            &self.index.unit_range(self.ops, run[run.len() - 1]),
        );
        let (old, new) = if self.side == Side::New {
            (units, self.one_side.clone())
        } else {
            (self.one_side.clone(), units)
        };
        folded_share(self.src, &old, &new)
    }

    /// The run from op `c`, grown both ways (up to `MERGED_RUN` ops) while an
    /// adjacent op of its kind raises the share, and that share.
    fn grow(&self, c: usize) -> (Vec<usize>, f64) {
        let mut run = vec![c];
        let mut current = self.share(&run);
        loop {
            let first = self.index.unit(&self.ops[run[0]]);
            let last = self.index.unit(&self.ops[run[run.len() - 1]]);
            let options = [
                first
                    .checked_sub(1)
                    .and_then(|u| self.index.runs.get(&u))
                    .map(|&i| (i, true)),
                self.index.runs.get(&(last + 1)).map(|&i| (i, false)),
            ];
            let mut grown: Option<(Vec<usize>, f64)> = None;
            for (i, front) in options.into_iter().flatten() {
                if self.removed[i] || run.len() == MERGED_RUN {
                    continue;
                }
                let mut longer = run.clone();
                if front {
                    longer.insert(0, i);
                } else {
                    longer.push(i);
                }
                let s = self.share(&longer);
                if s > current && grown.as_ref().is_none_or(|(_, g)| s > *g) {
                    grown = Some((longer, s));
                }
            }
            let Some((longer, s)) = grown else { break };
            run = longer;
            current = s;
        }
        (run, current)
    }

    /// How many distinctive words of `text` (in at most four ops) the run
    /// holds: for a short sentence, chance finds two of its rarer words in
    /// one run of sentences more often than three.
    fn rare_words_in(&self, text: &str, run: &[usize]) -> usize {
        distinctive(text)
            .filter(|w| {
                self.index
                    .words
                    .get(w)
                    .is_some_and(|l| l.len() <= 4 && l.iter().any(|i| run.contains(i)))
            })
            .count()
    }
}

/// Whether some run `best_run` could grow from candidate `c` may keep
/// `MERGED_SHARE` of both sides' words (`one_words`: the one-sided op's
/// folded words, sorted). A run holds at most `MERGED_RUN` ops, so every
/// run from `c` lies within the ops `MERGED_RUN - 1` steps from it either
/// way; a word diff keeps at most the words that span shares with the
/// one-sided op (`m`), and a share `2k / (a + b)` with `k <= m` and
/// `k <= b` is at most `2m / (a + m)`. Most candidates of two unrelated
/// texts end here, before a word diff each.
fn may_reach_merged_share(
    src: &Sources,
    ops: &[Op],
    c: usize,
    index: &WordIndex,
    one_words: &[String],
) -> bool {
    let (mut first, mut last) = (c, c);
    let mut span = index.unit_range(ops, c);
    for _ in 1..MERGED_RUN {
        let before = index.unit(&ops[first]).checked_sub(1);
        if let Some(&i) = before.and_then(|u| index.runs.get(&u)) {
            first = i;
            span = union(&span, &index.unit_range(ops, i));
        }
        if let Some(&i) = index.runs.get(&(index.unit(&ops[last]) + 1)) {
            last = i;
            span = union(&span, &index.unit_range(ops, i));
        }
    }
    let side = if index.kind == OpKind::Deleted {
        Side::Old
    } else {
        Side::New
    };
    let others = sorted(folded_words(src, side, &span));
    let m = count_shared_sorted(one_words, &others);
    // share >= 4/5 needs 2m / (a + m) >= 4/5, whole numbers only.
    10 * m >= 4 * (one_words.len() + m)
}

/// A list sorted.
fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v
}

/// The words of a run of units as `folded_share` compares them: without
/// case or the punctuation around them, empty ones left out.
fn folded_words(src: &Sources, side: Side, r: &Range<usize>) -> Vec<String> {
    count_units(&src.text(side, r.clone()))
        .into_iter()
        .map(folded)
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word lower-cased without the punctuation around it (an ASCII one byte
/// by byte).
fn folded(w: &str) -> String {
    if w.is_ascii() {
        let b = w.as_bytes();
        let Some(start) = b.iter().position(u8::is_ascii_alphanumeric) else {
            return String::new();
        };
        let end = b
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(start, |e| e + 1);
        return w[start..end].to_ascii_lowercase();
    }
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Share of both sides' words one word diff keeps, words compared without
/// case or the punctuation around them: what merging sentences changes
/// (`code.` → `code;`, `Various` → `various`) is no lost word here.
fn folded_share(src: &Sources, old: &Range<usize>, new: &Range<usize>) -> f64 {
    if too_long(src, old, new) {
        return 0.0;
    }
    let (o, n) = (
        folded_words(src, Side::Old, old),
        folded_words(src, Side::New, new),
    );
    if o.is_empty() || n.is_empty() {
        return 0.0;
    }
    2.0 * kept_of(&o, &n) as f64 / (o.len() + n.len()) as f64
}

/// Words one word diff keeps between two runs, read as `folded_share` reads them.
fn folded_kept(src: &Sources, old: &Range<usize>, new: &Range<usize>) -> usize {
    if old.is_empty() || new.is_empty() || too_long(src, old, new) {
        return 0;
    }
    kept_of(
        &folded_words(src, Side::Old, old),
        &folded_words(src, Side::New, new),
    )
}

/// Words the word diff of `o` against `n` keeps.
fn kept_of(o: &[String], n: &[String]) -> usize {
    similar::capture_diff_slices(similar::Algorithm::Myers, o, n)
        .iter()
        .map(|op| op.as_tag_tuple())
        .filter(|(tag, _, _)| *tag == similar::DiffTag::Equal)
        .map(|(_, r, _)| r.len())
        .sum()
}

impl WordIndex {
    /// The units op `i` holds on the index's side.
    fn unit_range(&self, ops: &[Op], i: usize) -> Range<usize> {
        if self.kind == OpKind::Deleted {
            ops[i].old.clone()
        } else {
            ops[i].new.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{align, AlignOptions};
    use crate::article::{load_bytes, LoadOptions};
    use crate::synth::{generate_pair, PairSpec};

    /// Growing segment by segment between equal ops gives the ops growing
    /// the whole list gives: no run `grow` takes in crosses an equal op.
    #[test]
    fn growing_by_segments_is_growing_whole() {
        for seed in [3, 11] {
            let pair = generate_pair(&PairSpec::new(150_000, seed), None);
            let load = |name: &str, text: &str| {
                load_bytes(name, text.as_bytes(), &LoadOptions::default()).unwrap()
            };
            let (old, new) = (load("old", &pair.original), load("new", &pair.copy));
            let opts = AlignOptions {
                deadline: None,
                ..AlignOptions::default()
            };
            let ops_with = |limit: usize| {
                WHOLE_LIMIT.with(|w| w.set(limit));
                let c = align(&old, &new, &opts);
                WHOLE_LIMIT.with(|w| w.set(WHOLE));
                format!("{:?}", c.ops)
            };
            let whole = ops_with(usize::MAX);
            assert!(
                whole.matches("Changed").count() >= 10,
                "seed {seed}: {}",
                whole.matches("Changed").count()
            );
            assert_eq!(ops_with(0), whole, "seed {seed}");
        }
    }
}
