//! The pairwise engine: align two versions of an article sentence by sentence.
//!
//! Second stage of the flow (`article ─▶ align ─▶ report/tui`). The entry is
//! [`align`]; beneath it: a sentence-level diff over normalised keys
//! ([`units`]), homologous pairing inside changed runs ([`pairing`]), move
//! detection, word diffs ([`words`]) and the summary (relation, similarity,
//! truncation, counts). Every stage after the first respects a deadline and,
//! when it passes, the comparison says `approximate` and why.

mod apart;
mod assertion;
pub(crate) mod budget;
pub(crate) mod claims;
pub mod classes;
pub mod evidence;
mod joins;
mod moves;
mod one_sided;
mod openings;
pub mod overlap;
mod pairing;
mod regions;
pub(crate) mod similarity;
pub(crate) mod summary;
pub mod units;
pub mod words;

use std::ops::Range;
use std::time::Duration;

use budget::Budget;

use crate::article::Article;
pub use claims::{
    align_by_claims, by_claims_fits, longest_increasing, megabytes, shared_claims, ByClaims,
    SharedClaim, BY_CLAIMS_MAX_BYTES,
};
pub use classes::{ClassCounts, Classes, EditClass};
use pairing::{pair_region, Pair, Sides};
use regions::Item;
pub use units::Unit;
pub use words::{spaced_pieces, word_diff, word_diff_by, WordKind, WordOp};

/// The note when word diffs ran out of time.
const WORDS_LATE: &str = "deadline reached in the word diffs: some edited sentences show whole";
/// The note when the search for edited moved sentences ran out of time.
const MOVES_LATE: &str =
    "deadline reached while looking for moved passages: edited ones show as deleted and inserted";
/// The note when merges, splits and moved runs were left unjoined.
const JOINS_LATE: &str =
    "deadline reached while joining merged and split sentences: some show as deleted and inserted";

/// Texts (both ends of an op, in bytes) up to which a word diff runs
/// whatever the clock says: news sentences cost microseconds, and a result
/// that depends on the machine's load is worse than a late one. Longer ones
/// (a whole book on one line) respect the deadline.
pub(crate) const SMALL_TEXT: usize = 1 << 16;

/// The deadline for a word diff of `old` against `new` (`Budget::clock_for`
/// their words, taken as a word every `BYTES_PER_WORD`): none for small
/// texts.
pub(crate) fn text_deadline(old: &str, new: &str, budget: &Budget) -> Option<std::time::Instant> {
    if old.len() + new.len() > SMALL_TEXT {
        budget.clock_for(old.len() / BYTES_PER_WORD, new.len() / BYTES_PER_WORD)
    } else {
        None
    }
}

/// Bytes a word takes in English prose, with its space (at most: fewer
/// words would make a long diff look cheaper than it is).
const BYTES_PER_WORD: usize = 8;

/// Charges the word diff of a long text (`text_deadline`) to `budget`
/// (short ones are not charged: they never stop). Work per byte: about
/// what a Myers word diff of two long texts that differ here and there
/// costs.
pub(crate) fn charge_text(old: &str, new: &str, budget: &Budget) {
    if old.len() + new.len() > SMALL_TEXT {
        budget.spend(TEXT_WORK_PER_BYTE * (old.len() + new.len()) as u64);
    }
}

/// Work units a byte of a long word diff costs (`charge_text`).
const TEXT_WORK_PER_BYTE: u64 = 100;

/// Knobs for [`align`]; the defaults suit news articles.
#[derive(Clone, Debug)]
pub struct AlignOptions {
    /// After about this long on an idle machine, fall back to a coarser
    /// alignment and say so. Counted in work, not read from the clock
    /// (`budget`): the same pair gives the same result whatever the load.
    pub deadline: Option<Duration>,
    /// Also stop a Myers diff, as a last resort, when the clock passes ten
    /// times the deadline (`budget`): its cost is known only once it is
    /// done. Without it the result depends on the input alone, however
    /// slow the machine.
    pub clock: bool,
    /// Similarity from which two sentences in a changed run are homologous.
    pub threshold: f64,
    /// Similarity from which an edited sentence elsewhere counts as moved
    /// (0.3 less when a neighbouring sentence moved with it).
    pub move_threshold: f64,
    /// Give changed ops their edit classes (callers that read only the
    /// relation and similarity skip it).
    pub classify: bool,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            deadline: Some(Duration::from_millis(700)),
            clock: true,
            threshold: 0.5,
            move_threshold: 0.9,
            classify: true,
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

    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Old => Side::New,
            Side::New => Side::Old,
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
    /// The edit classes its word changes show (changed and edited moved ops).
    pub classes: Classes,
    /// For a moved op: which moved passage it belongs to (consecutive moved
    /// sentences form one passage).
    pub passage: usize,
}

/// How two articles relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// The same body text apart from whitespace and paragraphing, and no
    /// sentence of prose (whatever role the loader gave it) on one side only.
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
    /// Of `words_deleted` and `words_inserted`, the words of furniture
    /// (captions, related links, boilerplate…) with no counterpart.
    pub furniture_words_deleted: usize,
    pub furniture_words_inserted: usize,
    /// How many ops show each edit class.
    pub classes: ClassCounts,
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
    /// 0..1, one meaning per relation: for `identical` and `reprint` the
    /// words with a counterpart over the words of both bodies (Dice: a copy
    /// that lost 40 % of the text reads 0.75; the relation itself is decided
    /// by the share of the shorter body found in the other, so a truncated
    /// copy is still a reprint); for `related` and `unrelated` the overlap of
    /// the two vocabularies (`overlap::shared_vocabulary`).
    pub similarity: f64,
    /// The deadline passed and a coarser alignment was used.
    pub approximate: bool,
    pub truncated: Option<Truncation>,
    pub stats: Stats,
    /// Aligned pairs that both quote the same words.
    pub shared_quotes: usize,
    /// Why the alignment is approximate, and other remarks for the reader.
    pub notes: Vec<String>,
    /// Set when sentences were paired by content, whatever their order
    /// ([`align_by_claims`]); `None` for the alignment in order.
    pub by_claims: Option<ByClaims>,
}

impl Comparison {
    pub fn units(&self, side: Side) -> &[Unit] {
        match side {
            Side::Old => &self.old_units,
            Side::New => &self.new_units,
        }
    }
}

/// Aligns `old` with `new`: the engine's stages, each handing its result to
/// the next.
pub fn align(old: &Article, new: &Article, options: &AlignOptions) -> Comparison {
    align_units(old, new, options, units_of_both(old, new))
}

/// What the alignment in order says of a pair whatever its ops: the
/// relation, similarity and truncation (`diff --by claims` shows these).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Verdict {
    pub relation: Relation,
    pub similarity: f64,
    pub truncated: Option<Truncation>,
}

/// The verdict of the alignment in order (`classify` aside, which it does
/// not read), without aligning a pair whose words show it cannot be
/// identical or a reprint (`apart`): most of the cost of a long pair of
/// write-ups by claims.
/// `units` are both sides' units as `units::units` reads them (not cut).
pub(crate) fn verdict(
    old: &Article,
    new: &Article,
    options: &AlignOptions,
    units: (Vec<Unit>, Vec<Unit>),
) -> Verdict {
    let (mut old_units, mut new_units) = units;
    openings::cut_at_openings(old, new, &mut old_units, &mut new_units);
    let units = (old_units, new_units);
    if let Some((relation, similarity)) = apart::verdict(old, new, &units.0, &units.1) {
        return Verdict {
            relation,
            similarity,
            truncated: None,
        };
    }
    let options = AlignOptions {
        classify: false,
        ..options.clone()
    };
    let c = align_units(old, new, &options, units);
    Verdict {
        relation: c.relation,
        similarity: c.similarity,
        truncated: c.truncated,
    }
}

/// `align` on the units `units_of_both` cut.
fn align_units(
    old: &Article,
    new: &Article,
    options: &AlignOptions,
    (old_units, new_units): (Vec<Unit>, Vec<Unit>),
) -> Comparison {
    let budget = Budget::new(options.deadline, options.clock);
    let deadline = &budget;
    let mut trace = Trace::default();
    let src = Sources {
        old,
        new,
        old_units: &old_units,
        new_units: &new_units,
        kept: Default::default(),
        diffed: Default::default(),
    };
    let items = regions::sentence_diff(&old_units, &new_units, deadline, &mut trace);
    let profiles = regions::profile_regions(&src, &items);
    let sides = profiles.sides(options.threshold);
    let mut ops = pair_regions(&src, &sides, items, deadline, &mut trace);
    // Past the deadline the diff or pairing may leave sentences that are in
    // place deleted and inserted: looking for moves among them would call
    // them moved.
    let coarse = trace.approximate;
    if joins::join_boundaries(&src, &mut ops, deadline) {
        trace.fall_back(JOINS_LATE);
    }
    if !coarse {
        let moves_cut = moves::find_moves(&mut ops, &src, &sides, options.move_threshold, deadline);
        if moves_cut {
            trace.fall_back(MOVES_LATE);
        }
        moves::regroup_recurring(&mut ops, &old_units, &new_units);
        if joins::join_moved(&src, &mut ops, deadline)
            | joins::join_merged_moves(&src, &mut ops, deadline)
            || joins::join_across_deletions(&src, &mut ops, deadline)
        {
            trace.fall_back(JOINS_LATE);
        }
        moves::join_straddling_moves(&mut ops, &old_units, &new_units);
    }
    if diff_words(&src, &mut ops, deadline) {
        trace.fall_back(WORDS_LATE);
    }
    let mut comparison = summarise(old, new, old_units, new_units, ops, trace, deadline);
    if options.classify {
        classes::classify_comparison(&mut comparison, || reads_as_english(old, new));
        one_sided::mark_one_sided_facts(&mut comparison, old, new);
    }
    comparison
}

/// Whether the comparison is approximate, and the notes that say why.
#[derive(Default)]
pub(crate) struct Trace {
    approximate: bool,
    notes: Vec<String>,
}

impl Trace {
    /// A stage cut its work short at the deadline: approximate, with `note`
    /// (once).
    fn fall_back(&mut self, note: &str) {
        self.approximate = true;
        if !self.notes.iter().any(|n| n == note) {
            self.notes.push(note.to_string());
        }
    }
}

/// Work units of one step of the joins, beside its word diffs.
const JOIN_STEP_WORK: u64 = 500;

/// Work units of a byte a join word-diffs.
const DIFF_BYTE_WORK: u64 = 20;

/// The two articles and their units, as every stage reads them.
pub(crate) struct Sources<'a> {
    pub old: &'a Article,
    pub new: &'a Article,
    pub old_units: &'a [Unit],
    pub new_units: &'a [Unit],
    /// Words the word diff keeps between runs of old and new units, by the
    /// runs (`joins::kept`): the joins weigh an op's words again as each
    /// neighbour's candidate.
    pub kept: std::cell::RefCell<similarity::FxMap<[usize; 4], usize>>,
    /// Bytes the joins have word-diffed (`joins::kept`) since they last
    /// charged them to the budget (`out_of`).
    pub diffed: std::cell::Cell<u64>,
}

impl Sources<'_> {
    /// Charges `budget` for a step of the joins (and the bytes they
    /// word-diffed since the last); whether it is spent.
    pub(crate) fn out_of(&self, budget: &Budget) -> bool {
        budget.spend(JOIN_STEP_WORK + DIFF_BYTE_WORK * self.diffed.take());
        budget.out()
    }
    fn side(&self, side: Side) -> (&Article, &[Unit]) {
        match side {
            Side::Old => (self.old, self.old_units),
            Side::New => (self.new, self.new_units),
        }
    }
    /// The text of one unit.
    pub(crate) fn unit_text(&self, side: Side, i: usize) -> &str {
        let (a, us) = self.side(side);
        &a.text[us[i].span.range()]
    }
    /// The text of a run of units, joined by spaces.
    pub(crate) fn text(&self, side: Side, r: Range<usize>) -> String {
        let parts: Vec<&str> = r.map(|i| self.unit_text(side, i)).collect();
        parts.join(" ")
    }
}

/// Units of both sides (both at once on big inputs: hashing every sentence
/// is the bulk of it), cut where either side opens a paragraph that the
/// other runs on inside a sentence (`openings`).
fn units_of_both(old: &Article, new: &Article) -> (Vec<Unit>, Vec<Unit>) {
    let (mut old_units, mut new_units) = uncut_units_of_both(old, new);
    openings::cut_at_openings(old, new, &mut old_units, &mut new_units);
    (old_units, new_units)
}

/// Units of both sides as `units::units` reads them (both at once on big
/// inputs), not yet cut at openings.
pub(crate) fn uncut_units_of_both(old: &Article, new: &Article) -> (Vec<Unit>, Vec<Unit>) {
    if old.text.len() + new.text.len() > 1 << 18 {
        std::thread::scope(|s| {
            let o = s.spawn(|| units::units(old));
            let n = units::units(new);
            (o.join().unwrap_or_else(|_| units::units(old)), n)
        })
    } else {
        (units::units(old), units::units(new))
    }
}

/// The stack of a thread that aligns. Myers in `similar` recurses deeper the
/// longer the run it diffs: 200,000 reversed tokens take 1–2 MiB in a debug
/// build and 1,000,000 take 256–512 KiB in release, while a spawned thread
/// gets 2 MiB (the main thread usually 8). The deadline stops it early, but
/// the views take theirs from the config. Address space reserved, not
/// memory used.
pub const ALIGN_STACK: usize = 64 << 20;

/// `a` on a thread of its own with `ALIGN_STACK` and `b` on this one, both
/// results when both are done. Where no thread can be started, `a` runs
/// here after `b`; a panic in `a` goes on here.
pub(crate) fn beside<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    let slot = std::sync::Mutex::new(Some(a));
    let take = || {
        slot.lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    };
    let (ran, b) = std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .stack_size(ALIGN_STACK)
            .spawn_scoped(s, || take().map(|a| a()));
        let b = b();
        let ran = match spawned {
            Ok(h) => h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            Err(_) => None,
        };
        (ran, b)
    });
    match ran.or_else(|| take().map(|a| a())) {
        Some(a) => (a, b),
        None => unreachable!("`a` is taken once, by the thread or here"),
    }
}

/// An op without its word diff (the word-diff stage fills it in).
fn bare(kind: OpKind, old: Range<usize>, new: Range<usize>, similarity: f64) -> Op {
    Op {
        kind,
        old,
        new,
        similarity,
        words: Vec::new(),
        cosmetic: false,
        classes: Classes::default(),
        passage: 0,
    }
}

/// Regions up to this many cells (old × new sentences) are paired whatever
/// the clock says.
const SMALL_REGION: usize = 256;

/// Ops in reading order: equal sentences as they are (or cosmetic changes
/// when only case, quotes or dashes differ), each changed region through
/// `pair_region`. Past the deadline, regions show as deleted and inserted.
fn pair_regions(
    src: &Sources,
    sides: &Sides,
    items: Vec<Item>,
    deadline: &Budget,
    trace: &mut Trace,
) -> Vec<Op> {
    let mut ops: Vec<Op> = Vec::with_capacity(src.old_units.len().max(src.new_units.len()));
    let mut timed_out = false;
    for item in items {
        match item {
            Item::Same(o, n) => {
                let exact = src.old_units[o].exact == src.new_units[n].exact;
                ops.push(Op {
                    cosmetic: !exact,
                    ..bare(
                        if exact {
                            OpKind::Equal
                        } else {
                            OpKind::Changed
                        },
                        o..o + 1,
                        n..n + 1,
                        1.0,
                    )
                });
            }
            Item::Region(or, nr) => {
                // A small region costs microseconds: paired whatever the clock says.
                let small = or.len() * nr.len() <= SMALL_REGION;
                let pairs = if timed_out && !small {
                    Vec::new()
                } else {
                    let unlimited = Budget::unlimited();
                    let region_deadline = if small { &unlimited } else { deadline };
                    pair_region(sides, or.clone(), nr.clone(), region_deadline).unwrap_or_else(
                        || {
                            timed_out = true;
                            Vec::new()
                        },
                    )
                };
                region_ops(&mut ops, or, nr, &pairs);
            }
        }
    }
    if timed_out {
        trace.fall_back(
            "deadline reached while pairing edited sentences: the rest shows as deleted and inserted",
        );
    }
    ops
}

/// The ops of one region: its pairs as changed ops, the sentences between
/// them deleted (old) and inserted (new).
fn region_ops(ops: &mut Vec<Op>, or: Range<usize>, nr: Range<usize>, pairs: &[Pair]) {
    let (mut o, mut n) = (or.start, nr.start);
    let end = Pair {
        old: or.end..or.end,
        new: nr.end..nr.end,
        similarity: 0.0,
    };
    for pair in pairs.iter().chain(std::iter::once(&end)) {
        ops.extend((o..pair.old.start).map(|i| bare(OpKind::Deleted, i..i + 1, n..n, 0.0)));
        let at = pair.old.start;
        ops.extend((n..pair.new.start).map(|j| bare(OpKind::Inserted, at..at, j..j + 1, 0.0)));
        if !pair.old.is_empty() {
            ops.push(bare(
                OpKind::Changed,
                pair.old.clone(),
                pair.new.clone(),
                pair.similarity,
            ));
        }
        o = pair.old.end;
        n = pair.new.end;
    }
}

/// Word diffs for changed ops and for moved ops whose texts differ; `true`
/// when the deadline may have cut one short (only long texts respect it).
fn diff_words(src: &Sources, ops: &mut [Op], deadline: &Budget) -> bool {
    let mut cut = false;
    for op in ops {
        let wanted = match op.kind {
            OpKind::Changed => true,
            // A moved op grown over merged sentences may open unchanged.
            OpKind::Moved => {
                op.old.len() != op.new.len()
                    || op
                        .old
                        .clone()
                        .zip(op.new.clone())
                        .any(|(o, n)| src.old_units[o].exact != src.new_units[n].exact)
            }
            _ => false,
        };
        if wanted {
            let (old, new) = (
                src.text(Side::Old, op.old.clone()),
                src.text(Side::New, op.new.clone()),
            );
            let text_deadline = text_deadline(&old, &new, deadline);
            op.words = word_diff_by(&old, &new, text_deadline);
            charge_text(&old, &new, deadline);
            let late = text_deadline.is_some_and(|d| std::time::Instant::now() > d);
            cut |= late;
            // Sentences cut differently with every word the same (a tweet's
            // lines joined into one paragraph, `that. ”` then `” Even`):
            // the texts match apart from whitespace, so the op is equal;
            // the paragraphing it crosses is counted as re-paragraphing.
            // A moved passage whose words are all the same (only a line
            // break beside a dash differs) moved unedited.
            if !late && op.words.iter().all(|w| w.kind == WordKind::Equal) {
                if op.kind == OpKind::Changed {
                    op.kind = OpKind::Equal;
                    op.similarity = 1.0;
                    op.cosmetic = false;
                }
                op.words.clear();
            }
        }
    }
    cut
}

/// The comparison with its summary: counts, relation, similarity, truncation.
fn summarise(
    old: &Article,
    new: &Article,
    old_units: Vec<Unit>,
    new_units: Vec<Unit>,
    ops: Vec<Op>,
    trace: Trace,
    deadline: &Budget,
) -> Comparison {
    let mut comparison = Comparison {
        old_units,
        new_units,
        ops,
        relation: Relation::Unrelated,
        similarity: 0.0,
        approximate: trace.approximate,
        truncated: None,
        stats: Stats::default(),
        shared_quotes: 0,
        notes: trace.notes,
        by_claims: None,
    };
    if summary::summarise(&mut comparison, old, new, deadline) && !comparison.approximate {
        comparison.approximate = true;
        comparison.notes.push(WORDS_LATE.to_string());
    }
    comparison
}

/// Whether the pair reads as English (edit classes beyond cosmetic and
/// wording need it): judged on the opening of both texts.
fn reads_as_english(old: &Article, new: &Article) -> bool {
    let opening = |t: &str| {
        let mut end = t.len().min(2048);
        while !t.is_char_boundary(end) {
            end -= 1;
        }
        classes::reads_as_english(&t[..end])
    };
    opening(&old.text) || opening(&new.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Recursion `depth` deep with about 1 KiB of stack a level.
    fn deep(depth: usize) -> usize {
        let frame = std::hint::black_box([depth as u8; 1024]);
        if depth == 0 {
            return frame[0] as usize;
        }
        deep(depth - 1) + std::hint::black_box(frame[1]) as usize
    }

    /// The thread `beside` starts holds a recursion a default thread
    /// (2 MiB) would overflow, 6 MiB deep, and both sides' results come back.
    #[test]
    fn beside_runs_deep_recursion_on_a_big_stack() {
        let depth = 6 * 1024;
        let (deep_sum, here) = beside(|| deep(depth), || deep(16));
        assert_eq!(deep_sum, (1..=depth).map(|d| d % 256).sum::<usize>());
        assert_eq!(here, (1..=16).sum::<usize>());
    }
}
