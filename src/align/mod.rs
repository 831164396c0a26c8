//! The pairwise engine: align two versions of an article sentence by sentence.
//!
//! Second stage of the flow (`article ─▶ align ─▶ report/tui`). The entry is
//! [`align`]; beneath it: a sentence-level diff over normalised keys
//! ([`units`]), homologous pairing inside changed runs ([`pairing`]), move
//! detection, word diffs ([`words`]) and the summary (relation, similarity,
//! truncation, counts). Every stage after the first respects a deadline and,
//! when it passes, the comparison says `approximate` and why.

mod pairing;
pub(crate) mod similarity;
pub(crate) mod summary;
pub mod units;
pub mod words;

use std::collections::HashMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};

use crate::article::Article;
use pairing::{pair_region, Pair, Sides};
use similarity::{distinct, Profile, Vocab};
pub use units::Unit;
pub use words::{word_diff, word_diff_by, WordKind, WordOp};

/// The note when word diffs ran out of time.
const WORDS_LATE: &str = "deadline reached in the word diffs: some edited sentences show whole";

/// Sentences sampled from the unchanged text to estimate word rarity.
const DF_SAMPLE: usize = 1500;

/// Knobs for [`align`]; the defaults suit news articles.
#[derive(Clone, Debug)]
pub struct AlignOptions {
    /// After this long, fall back to a coarser alignment and say so.
    pub deadline: Option<Duration>,
    /// Similarity from which two sentences in a changed run are homologous.
    pub threshold: f64,
    /// Similarity from which an edited sentence elsewhere counts as moved
    /// (0.3 less when a neighbouring sentence moved with it).
    pub move_threshold: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            deadline: Some(Duration::from_millis(700)),
            threshold: 0.5,
            move_threshold: 0.9,
        }
    }
}

/// The two sides of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Old,
    New,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Old => "old",
            Side::New => "new",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpKind {
    Equal,
    Changed,
    Deleted,
    Inserted,
    Moved,
}

impl OpKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OpKind::Equal => "equal",
            OpKind::Changed => "changed",
            OpKind::Deleted => "deleted",
            OpKind::Inserted => "inserted",
            OpKind::Moved => "moved",
        }
    }
}

/// One step of the alignment: old units `old` correspond to new units `new`
/// (either may be empty). Unit indices index `Comparison::old_units`/`new_units`.
#[derive(Clone, Debug)]
pub struct Op {
    pub kind: OpKind,
    pub old: Range<usize>,
    pub new: Range<usize>,
    /// How alike the two ends are (1 for equal; 0 for one-sided ops).
    pub similarity: f64,
    /// The word diff, for changed and edited moved ops.
    pub words: Vec<WordOp>,
    /// A changed op whose texts differ only in case, quotes, dashes or spaces.
    pub cosmetic: bool,
    /// For a moved op: which moved passage it belongs to (consecutive moved
    /// sentences form one passage).
    pub passage: usize,
}

/// How two articles relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same body text apart from whitespace and paragraphing.
    Identical,
    /// The bodies share most of their text.
    Reprint,
    /// The same story written independently: shared quotes, facts, names.
    Related,
    Unrelated,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Identical => "identical",
            Relation::Reprint => "reprint",
            Relation::Related => "related",
            Relation::Unrelated => "unrelated",
        }
    }
}

/// One side's body ends early: the rest of the other side is missing as one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Truncation {
    /// The side that was cut short.
    pub side: Side,
    /// The last block of the complete side that the cut side still has.
    pub after_block: usize,
}

/// Counts of ops (sentences) and words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub equal: usize,
    pub changed: usize,
    pub deleted: usize,
    pub inserted: usize,
    pub moved: usize,
    /// Paragraph breaks present on one side only, between aligned sentences.
    pub reparagraphed: usize,
    pub words_deleted: usize,
    pub words_inserted: usize,
}

/// The engine's answer, handed unchanged to every front end.
#[derive(Clone, Debug)]
pub struct Comparison {
    pub old_units: Vec<Unit>,
    pub new_units: Vec<Unit>,
    /// Every unit of each side appears in exactly one op; ops are in reading
    /// order of the old side, insertions where they fall.
    pub ops: Vec<Op>,
    pub relation: Relation,
    /// 0..1: the share of the shorter body found in the other.
    pub similarity: f64,
    /// The deadline passed and a coarser alignment was used.
    pub approximate: bool,
    pub truncated: Option<Truncation>,
    pub stats: Stats,
    /// Aligned pairs that both quote the same words.
    pub shared_quotes: usize,
    /// Why the alignment is approximate, and other remarks for the reader.
    pub notes: Vec<String>,
}

impl Comparison {
    pub fn units(&self, side: Side) -> &[Unit] {
        match side {
            Side::Old => &self.old_units,
            Side::New => &self.new_units,
        }
    }
}

/// Aligns `old` with `new`.
pub fn align(old: &Article, new: &Article, options: &AlignOptions) -> Comparison {
    let started = Instant::now();
    let deadline = options.deadline.map(|d| started + d);
    let mut notes = Vec::new();
    let mut approximate = false;
    // Both sides at once on big inputs (hashing every sentence is the bulk of it).
    let (old_units, new_units) = if old.text.len() + new.text.len() > 1 << 18 {
        std::thread::scope(|s| {
            let o = s.spawn(|| units::units(old));
            let n = units::units(new);
            (o.join().unwrap_or_else(|_| units::units(old)), n)
        })
    } else {
        (units::units(old), units::units(new))
    };

    // 1. The sentence-level diff over normalised keys.
    let okeys: Vec<u64> = old_units.iter().map(|u| u.key).collect();
    let nkeys: Vec<u64> = new_units.iter().map(|u| u.key).collect();
    // A few thousand sentences diff in well under a millisecond whatever they
    // hold; checking the clock at every step would cost more than that.
    let diff_deadline = deadline.filter(|_| okeys.len() + nkeys.len() > 4096);
    let diff = capture_diff_slices_deadline(Algorithm::Histogram, &okeys, &nkeys, diff_deadline);
    if deadline.is_some_and(|d| Instant::now() > d) {
        approximate = true;
        notes.push("deadline reached in the sentence diff: a coarser diff was used".to_string());
    }
    enum Item {
        Same(usize, usize),
        Region(Range<usize>, Range<usize>),
    }
    let mut items = Vec::new();
    for op in &diff {
        let (tag, or, nr) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => items.extend(or.zip(nr).map(|(o, n)| Item::Same(o, n))),
            _ => match items.last_mut() {
                // Adjacent delete and insert runs form one changed region.
                Some(Item::Region(ro, rn)) if ro.end == or.start && rn.end == nr.start => {
                    ro.end = or.end;
                    rn.end = nr.end;
                }
                _ => items.push(Item::Region(or, nr)),
            },
        }
    }

    // 2. Profiles for every sentence in a changed region.
    let mut vocab = Vocab::default();
    let mut old_prof = vec![Profile::default(); old_units.len()];
    let mut new_prof = vec![Profile::default(); new_units.len()];
    let mut old_seen = vec![false; old_units.len()];
    let mut new_seen = vec![false; new_units.len()];
    for item in &items {
        if let Item::Region(or, nr) = item {
            for o in or.clone() {
                old_prof[o] = vocab.profile(&old.text[old_units[o].span.range()]);
                old_seen[o] = true;
            }
            for n in nr.clone() {
                new_prof[n] = vocab.profile(&new.text[new_units[n].span.range()]);
                new_seen[n] = true;
            }
        }
    }
    // Word rarity from a sample of the unchanged text too, so that words
    // every sentence uses do not make unrelated sentences look alike.
    // The sample need only be large beside what is compared: a few edits in
    // a long article need a few hundred sentences, not thousands.
    let profiled = old_seen.iter().chain(&new_seen).filter(|&&x| x).count();
    let sample = DF_SAMPLE.min(8 * profiled);
    let step = (old_units.len() + new_units.len())
        .checked_div(sample)
        .map_or(usize::MAX, |s| s.max(1));
    for (o, u) in old_units.iter().enumerate().step_by(step) {
        if !old_seen[o] {
            vocab.observe(&old.text[u.span.range()]);
        }
    }
    for (n, u) in new_units.iter().enumerate().step_by(step) {
        if !new_seen[n] {
            vocab.observe(&new.text[u.span.range()]);
        }
    }
    vocab.freeze();
    let old_content: Vec<bool> = old_units.iter().map(|u| u.content).collect();
    let new_content: Vec<bool> = new_units.iter().map(|u| u.content).collect();
    let old_words: Vec<u32> = old_units.iter().map(|u| u.words).collect();
    let new_words: Vec<u32> = new_units.iter().map(|u| u.words).collect();
    let sides = Sides {
        vocab: &vocab,
        old: &old_prof,
        new: &new_prof,
        old_content: &old_content,
        new_content: &new_content,
        old_words: &old_words,
        new_words: &new_words,
        threshold: options.threshold,
    };

    // 3. Ops in reading order, pairing homologous sentences in each region.
    let text_of = |side: Side, r: Range<usize>| -> String {
        let (a, us) = match side {
            Side::Old => (old, &old_units),
            Side::New => (new, &new_units),
        };
        let parts: Vec<&str> = us[r].iter().map(|u| &a.text[u.span.range()]).collect();
        parts.join(" ")
    };
    let mut ops: Vec<Op> = Vec::with_capacity(old_units.len().max(new_units.len()));
    let one_sided = |kind: OpKind, old: Range<usize>, new: Range<usize>| Op {
        kind,
        old,
        new,
        similarity: 0.0,
        words: Vec::new(),
        cosmetic: false,
        passage: 0,
    };
    let mut pairing_timed_out = false;
    for item in items {
        match item {
            Item::Same(o, n) => {
                if old_units[o].exact == new_units[n].exact {
                    ops.push(Op {
                        similarity: 1.0,
                        ..one_sided(OpKind::Equal, o..o + 1, n..n + 1)
                    });
                } else {
                    ops.push(Op {
                        similarity: 1.0,
                        words: word_diff_by(
                            &text_of(Side::Old, o..o + 1),
                            &text_of(Side::New, n..n + 1),
                            deadline,
                        ),
                        cosmetic: true,
                        ..one_sided(OpKind::Changed, o..o + 1, n..n + 1)
                    });
                }
            }
            Item::Region(or, nr) => {
                let pairs: Vec<Pair> = if pairing_timed_out {
                    Vec::new()
                } else {
                    match pair_region(&sides, or.clone(), nr.clone(), deadline) {
                        Some(p) => p,
                        None => {
                            pairing_timed_out = true;
                            Vec::new()
                        }
                    }
                };
                let (mut o, mut n) = (or.start, nr.start);
                for pair in pairs.iter().chain(std::iter::once(&Pair {
                    old: or.end..or.end,
                    new: nr.end..nr.end,
                    similarity: 0.0,
                })) {
                    ops.extend(
                        (o..pair.old.start).map(|i| one_sided(OpKind::Deleted, i..i + 1, n..n)),
                    );
                    ops.extend((n..pair.new.start).map(|j| {
                        one_sided(OpKind::Inserted, pair.old.start..pair.old.start, j..j + 1)
                    }));
                    if !pair.old.is_empty() {
                        let words = word_diff_by(
                            &text_of(Side::Old, pair.old.clone()),
                            &text_of(Side::New, pair.new.clone()),
                            deadline,
                        );
                        ops.push(Op {
                            similarity: pair.similarity,
                            words,
                            ..one_sided(OpKind::Changed, pair.old.clone(), pair.new.clone())
                        });
                    }
                    o = pair.old.end;
                    n = pair.new.end;
                }
            }
        }
    }
    if pairing_timed_out {
        approximate = true;
        notes.push("deadline reached while pairing edited sentences: the rest shows as deleted and inserted".to_string());
    } else if deadline.is_some_and(|d| Instant::now() > d) {
        approximate = true;
        notes.push(WORDS_LATE.to_string());
    }

    // 4. Moves: a deleted sentence that reappears elsewhere, as is or edited.
    if !approximate {
        find_moves(
            &mut ops,
            &old_units,
            &new_units,
            &sides,
            options.move_threshold,
            deadline,
            &text_of,
        );
        if deadline.is_some_and(|d| Instant::now() > d) {
            approximate = true;
            notes.push("deadline reached while looking for moved passages".to_string());
        }
    }

    let mut comparison = Comparison {
        old_units,
        new_units,
        ops,
        relation: Relation::Unrelated,
        similarity: 0.0,
        approximate,
        truncated: None,
        stats: Stats::default(),
        shared_quotes: 0,
        notes,
    };
    summary::summarise(&mut comparison, old, new, deadline);
    if !comparison.approximate && deadline.is_some_and(|d| Instant::now() > d) {
        comparison.approximate = true;
        comparison.notes.push(WORDS_LATE.to_string());
    }
    comparison
}

/// Turns deleted/inserted pairs of the same (or a similar enough) sentence
/// into moved ops, numbering passages of consecutive moved sentences.
fn find_moves(
    ops: &mut Vec<Op>,
    old_units: &[Unit],
    new_units: &[Unit],
    sides: &Sides,
    threshold: f64,
    deadline: Option<Instant>,
    text_of: &dyn Fn(Side, Range<usize>) -> String,
) {
    let neighbour_threshold = threshold - 0.3;
    let deleted: Vec<usize> = (0..ops.len())
        .filter(|&i| ops[i].kind == OpKind::Deleted)
        .collect();
    let inserted: Vec<usize> = (0..ops.len())
        .filter(|&i| ops[i].kind == OpKind::Inserted)
        .collect();
    if deleted.is_empty() || inserted.is_empty() {
        return;
    }
    let mut taken = vec![false; ops.len()];
    let mut moves: Vec<(usize, usize, f64)> = Vec::new();
    // Exact reappearances first (same normalised key), in order.
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    for &i in inserted.iter().rev() {
        by_key
            .entry(new_units[ops[i].new.start].key)
            .or_default()
            .push(i);
    }
    for &d in &deleted {
        let u = &old_units[ops[d].old.start];
        if u.words < 3 {
            continue;
        }
        if let Some(list) = by_key.get_mut(&u.key) {
            if let Some(i) = list.pop() {
                taken[d] = true;
                taken[i] = true;
                moves.push((d, i, 1.0));
            }
        }
    }
    // Then edited ones, through an index of rare shared words.
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    for &i in &inserted {
        if !taken[i] {
            for s in distinct(&sides.new[ops[i].new.start].stems) {
                index.entry(s).or_default().push(i);
            }
        }
    }
    let cap = (inserted.len() / 10).max(16);
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut tally: HashMap<usize, f64> = HashMap::new();
    for (k, &d) in deleted.iter().enumerate() {
        if taken[d] || old_units[ops[d].old.start].words < 4 {
            continue;
        }
        if k % 128 == 0 && deadline.is_some_and(|dl| Instant::now() > dl) {
            return;
        }
        let o = ops[d].old.start;
        tally.clear();
        for s in distinct(&sides.old[o].stems) {
            if let Some(list) = index.get(&s) {
                if list.len() <= cap {
                    for &i in list {
                        *tally.entry(i).or_default() += sides.vocab.weight(s);
                    }
                }
            }
        }
        let mut top: Vec<(usize, f64)> = tally.iter().map(|(&i, &w)| (i, w)).collect();
        top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(i, _) in top.iter().take(4) {
            let n = ops[i].new.start;
            if old_units[o].content != new_units[n].content {
                continue;
            }
            // Words, not shared quotations: a moved sentence keeps its words,
            // while different sentences may quote the same phrase.
            let s = sides.vocab.word_similarity(&sides.old[o], &sides.new[n]);
            if s >= neighbour_threshold {
                candidates.push((s, d, i));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // Alone, an edited sentence must keep most of its words to count as moved;
    // next to a sentence that moved with it, less will do.
    let mut moved_at: std::collections::HashSet<(usize, usize)> = moves
        .iter()
        .map(|&(d, i, _)| (ops[d].old.start, ops[i].new.start))
        .collect();
    for round in 0.. {
        let mut grew = false;
        for &(s, d, i) in &candidates {
            if taken[d] || taken[i] {
                continue;
            }
            let (o, n) = (ops[d].old.start, ops[i].new.start);
            let alone = round == 0 && s >= threshold;
            let beside = round > 0
                && (moved_at.contains(&(o.wrapping_sub(1), n.wrapping_sub(1)))
                    || moved_at.contains(&(o + 1, n + 1)));
            if alone || beside {
                taken[d] = true;
                taken[i] = true;
                moves.push((d, i, s));
                moved_at.insert((o, n));
                grew = true;
            }
        }
        if round > 0 && !grew {
            break;
        }
    }
    if moves.is_empty() {
        return;
    }
    moves.sort_by_key(|m| m.0);
    let mut passage = 0;
    let mut last: Option<(usize, usize)> = None;
    for &(d, i, s) in &moves {
        let (o, n) = (ops[d].old.start, ops[i].new.start);
        // A passage continues while both ends continue.
        if last != Some((o.wrapping_sub(1), n.wrapping_sub(1))) {
            passage += 1;
        }
        last = Some((o, n));
        let exact = old_units[o].exact == new_units[n].exact;
        ops[d] = Op {
            kind: OpKind::Moved,
            old: o..o + 1,
            new: n..n + 1,
            similarity: s,
            words: if exact {
                Vec::new()
            } else {
                word_diff_by(
                    &text_of(Side::Old, o..o + 1),
                    &text_of(Side::New, n..n + 1),
                    deadline,
                )
            },
            cosmetic: false,
            passage,
        };
    }
    let removed: Vec<bool> = {
        let mut r = vec![false; ops.len()];
        for &(_, i, _) in &moves {
            r[i] = true;
        }
        r
    };
    let mut k = 0;
    ops.retain(|_| {
        let keep = !removed[k];
        k += 1;
        keep
    });
}
