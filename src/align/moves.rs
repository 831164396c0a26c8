//! Moves: a deleted sentence that reappears elsewhere, as is or edited,
//! becomes one `moved` op; consecutive moved sentences form a passage.

use super::budget::{Budget, POSTING_WORK, SIM_WORK};
use std::collections::{HashMap, HashSet};

use super::pairing::Sides;
use super::similarity::{distinct, terms_of_parts, FxMap};
use super::words::count_units;
use super::{Op, OpKind, Side, Sources, Unit};

/// A deleted op, the inserted op it reappears as, and how alike they are.
type Move = (usize, usize, f64);

/// Turns deleted/inserted pairs of the same (or a similar enough) sentence
/// into moved ops, numbering passages of consecutive moved sentences.
/// Sentences that reappear word for word are always found; `true` when the
/// deadline cut the search for edited ones short (none are then taken).
pub(crate) fn find_moves(
    ops: &mut Vec<Op>,
    src: &Sources,
    sides: &Sides,
    threshold: f64,
    deadline: &Budget,
) -> bool {
    let (old_units, new_units) = (src.old_units, src.new_units);
    let deleted = of_kind(ops, OpKind::Deleted);
    let inserted = of_kind(ops, OpKind::Inserted);
    if deleted.is_empty() || inserted.is_empty() {
        return false;
    }
    let mut taken = vec![false; ops.len()];
    let mut moves = exact_moves(ops, old_units, new_units, &deleted, &inserted, &mut taken);
    let candidates = edited_candidates(
        ops,
        (old_units, new_units),
        sides,
        (&deleted, &inserted),
        &taken,
        threshold - 0.3,
        deadline,
    );
    let cut = candidates.is_none();
    if let Some(candidates) = candidates {
        // Chance lines a sentence up with any of these pairs.
        let pairs = (deleted.len() * inserted.len()) as f64;
        let beyond_chance =
            |d: usize, i: usize| kept_beyond_chance(src, sides, &ops[d], &ops[i], pairs);
        grow_moves(
            ops,
            &candidates,
            threshold,
            &beyond_chance,
            &mut taken,
            &mut moves,
        );
    }
    if !moves.is_empty() {
        rewrite_moved(ops, moves);
    }
    cut
}

fn of_kind(ops: &[Op], kind: OpKind) -> Vec<usize> {
    (0..ops.len()).filter(|&i| ops[i].kind == kind).collect()
}

/// Exact reappearances first (same normalised key). A sentence that recurs
/// (repetitive text: refrains, boilerplate, "And he said") may have several
/// copies on each side: unique ones are paired first, then copies beside a
/// sentence already moved (the passage they belong to), then the rest in order.
/// Fewest words of a sentence found moved word for word: shorter ones
/// (`He left.`) recur by chance and stay deleted and inserted.
pub(crate) const MOVED_WORDS: u32 = 3;

fn exact_moves(
    ops: &[Op],
    old_units: &[Unit],
    new_units: &[Unit],
    deleted: &[usize],
    inserted: &[usize],
    taken: &mut [bool],
) -> Vec<Move> {
    let mut moves = Vec::new();
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    for &i in inserted.iter().rev() {
        by_key
            .entry(new_units[ops[i].new.start].key)
            .or_default()
            .push(i);
    }
    let candidates: Vec<usize> = deleted
        .iter()
        .copied()
        .filter(|&d| old_units[ops[d].old.start].words >= MOVED_WORDS)
        .filter(|&d| by_key.contains_key(&old_units[ops[d].old.start].key))
        .collect();
    let mut copies: HashMap<u64, usize> = HashMap::new();
    for &d in &candidates {
        *copies.entry(old_units[ops[d].old.start].key).or_default() += 1;
    }
    let take = |d: usize, i: usize, moves: &mut Vec<Move>, taken: &mut [bool]| {
        taken[d] = true;
        taken[i] = true;
        moves.push((d, i, 1.0));
    };
    // Unique on both sides.
    for &d in &candidates {
        let key = old_units[ops[d].old.start].key;
        if copies[&key] == 1 && by_key[&key].len() == 1 {
            let i = by_key
                .get_mut(&key)
                .and_then(Vec::pop)
                .unwrap_or(usize::MAX);
            take(d, i, &mut moves, taken);
        }
    }
    // Copies beside a moved neighbour, while passages grow.
    let inserted_at: HashMap<usize, usize> =
        inserted.iter().map(|&i| (ops[i].new.start, i)).collect();
    loop {
        let moved_to: HashMap<usize, usize> = moves
            .iter()
            .map(|&(d, i, _)| (ops[d].old.start, ops[i].new.start))
            .collect();
        let before = moves.len();
        for &d in &candidates {
            if taken[d] {
                continue;
            }
            let o = ops[d].old.start;
            let key = old_units[o].key;
            let beside = [
                o.checked_sub(1)
                    .and_then(|p| moved_to.get(&p))
                    .map(|&n| n + 1),
                moved_to.get(&(o + 1)).and_then(|&n| n.checked_sub(1)),
            ];
            let hit = beside.into_iter().flatten().find_map(|n| {
                inserted_at
                    .get(&n)
                    .copied()
                    .filter(|&i| !taken[i] && new_units[n].key == key)
            });
            if let Some(i) = hit {
                if let Some(list) = by_key.get_mut(&key) {
                    list.retain(|&x| x != i);
                }
                take(d, i, &mut moves, taken);
            }
        }
        if moves.len() == before {
            break;
        }
    }
    // The rest in order.
    for &d in &candidates {
        if taken[d] {
            continue;
        }
        let key = old_units[ops[d].old.start].key;
        if let Some(i) = by_key.get_mut(&key).and_then(Vec::pop) {
            take(d, i, &mut moves, taken);
        }
    }
    moves
}

/// Inserted sentences a deleted one is scored against: those sharing the
/// most weight of its rarer words.
const TRIED: usize = 4;

/// Most inserted sentences a word may occur in and still point to where a
/// deleted sentence went.
const RARE_IN: usize = 64;

/// Edited reappearances: for each deleted sentence, the inserted ones that
/// share its rarer words (through an index), scored by word similarity and
/// kept from `floor`, best first. `None` when the deadline passed.
fn edited_candidates(
    ops: &[Op],
    (old_units, new_units): (&[Unit], &[Unit]),
    sides: &Sides,
    (deleted, inserted): (&[usize], &[usize]),
    taken: &[bool],
    floor: f64,
    deadline: &Budget,
) -> Option<Vec<(f64, usize, usize)>> {
    let mut index: FxMap<u32, Vec<usize>> = FxMap::default();
    for &i in inserted {
        if !taken[i] {
            for s in distinct(&sides.new[ops[i].new.start].stems) {
                index.entry(s).or_default().push(i);
            }
        }
    }
    // A word in more inserted sentences than this is no clue to where one
    // went: in two long texts that differ throughout, common words would
    // make every deleted sentence a candidate for thousands.
    let cap = (inserted.len() / 10).clamp(16, RARE_IN);
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let mut tally: FxMap<usize, f64> = FxMap::default();
    for (k, &d) in deleted.iter().enumerate() {
        if taken[d] || old_units[ops[d].old.start].words < 4 {
            continue;
        }
        if k % 128 == 0 && deadline.out() {
            return None;
        }
        let o = ops[d].old.start;
        tally.clear();
        for s in distinct(&sides.old[o].stems) {
            if let Some(list) = index.get(&s).filter(|l| l.len() <= cap) {
                for &i in list {
                    *tally.entry(i).or_default() += sides.vocab.weight(s);
                }
            }
        }
        let mut top: Vec<(usize, f64)> = tally.iter().map(|(&i, &w)| (i, w)).collect();
        let best_first =
            |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if top.len() > TRIED {
            top.select_nth_unstable_by(TRIED - 1, best_first);
            top.truncate(TRIED);
        }
        top.sort_by(best_first);
        for &(i, _) in &top {
            let n = ops[i].new.start;
            if old_units[o].content != new_units[n].content {
                continue;
            }
            // Words, not shared quotations: a moved sentence keeps its words,
            // while different sentences may quote the same phrase.
            let s = sides.vocab.word_similarity(&sides.old[o], &sides.new[n]);
            if s >= floor {
                candidates.push((s, d, i));
            }
        }
        deadline.spend(SIM_WORK * top.len() as u64 + POSTING_WORK * tally.len() as u64);
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    Some(candidates)
}

/// How unlikely, in nats, a line-up must be for one pair of all those tried:
/// chance would find such a pair once in a hundred comparisons of texts
/// this size.
const CHANCE_MARGIN: f64 = 4.6;

/// Whether deleted op `d` and inserted op `i` (one sentence each) are one
/// sentence edited, by the words the word diff keeps in order: more than
/// half the words of the longer one (what a reader calls the same sentence)
/// with no stretch of either written anew (`rewritten_in_part`), and content
/// words rare enough in these texts (each as unlikely as the
/// share of sentences that hold it) that chance would not line them up in
/// any of the `pairs` pairs tried.
fn kept_beyond_chance(src: &Sources, sides: &Sides, d: &Op, i: &Op, pairs: f64) -> bool {
    let (old, new) = (
        src.unit_text(Side::Old, d.old.start),
        src.unit_text(Side::New, i.new.start),
    );
    let (ow, nw) = (count_units(old), count_units(new));
    let diff = similar::capture_diff_slices(similar::Algorithm::Myers, &ow, &nw);
    let mut kept = 0;
    let mut stems: Vec<u32> = Vec::new();
    for op in &diff {
        if let similar::DiffOp::Equal { old_index, len, .. } = *op {
            kept += len;
            for w in &ow[old_index..old_index + len] {
                terms_of_parts(w, |t| stems.extend(sides.vocab.stem_of(t)));
            }
        }
    }
    if kept * 2 <= ow.len().max(nw.len()) || rewritten_in_part(&diff, ow.len(), nw.len()) {
        return false;
    }
    stems.sort_unstable();
    let surprise: f64 = distinct(&stems)
        .filter(|&s| !sides.vocab.is_stop(s))
        .map(|s| sides.vocab.weight(s) - 1.0)
        .sum();
    surprise > pairs.max(1.0).ln() + CHANCE_MARGIN
}

/// Whether one stretch of either sentence was written anew: at least three
/// words and more than a third of that sentence, unbroken by two words kept
/// in a row (a lone word in common inside a rewritten stretch is chance: a
/// comma, "the"). Half a sentence put onto another opening shares its words
/// in order yet is another sentence; an edited one changes a word or two
/// here and there.
fn rewritten_in_part(diff: &[similar::DiffOp], old_len: usize, new_len: usize) -> bool {
    // Words of the open stretch on each side, and a lone kept word that
    // joins it if more change follows.
    let (mut open, mut lone) = ((0, 0), 0);
    let mut widest = (0, 0);
    for op in diff {
        let (o, n) = match *op {
            similar::DiffOp::Equal { len, .. } => {
                if len >= 2 {
                    open = (0, 0);
                    lone = 0;
                } else if open != (0, 0) {
                    lone += len;
                }
                continue;
            }
            similar::DiffOp::Delete { old_len, .. } => (old_len, 0),
            similar::DiffOp::Insert { new_len, .. } => (0, new_len),
            similar::DiffOp::Replace {
                old_len, new_len, ..
            } => (old_len, new_len),
        };
        open = (open.0 + lone + o, open.1 + lone + n);
        lone = 0;
        widest = (widest.0.max(open.0), widest.1.max(open.1));
    }
    let too_wide = |w: usize, len: usize| w >= 3 && w * 3 > len;
    too_wide(widest.0, old_len) || too_wide(widest.1, new_len)
}

/// Alone, an edited sentence must keep most of its words to count as moved
/// (similarity from `threshold`, or the words it keeps in order beyond
/// chance); next to a sentence that moved with it, less will do (the
/// candidates' floor). Rounds repeat while passages grow.
fn grow_moves(
    ops: &[Op],
    candidates: &[(f64, usize, usize)],
    threshold: f64,
    beyond_chance: &dyn Fn(usize, usize) -> bool,
    taken: &mut [bool],
    moves: &mut Vec<Move>,
) {
    let mut moved_at: HashSet<(usize, usize)> = moves
        .iter()
        .map(|&(d, i, _)| (ops[d].old.start, ops[i].new.start))
        .collect();
    for round in 0.. {
        let mut grew = false;
        for &(s, d, i) in candidates {
            if taken[d] || taken[i] {
                continue;
            }
            let (o, n) = (ops[d].old.start, ops[i].new.start);
            let alone = round == 0 && (s >= threshold || beyond_chance(d, i));
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
}

/// Each move becomes one moved op where the deleted sentence was; the
/// inserted op goes. A passage continues while both ends continue.
fn rewrite_moved(ops: &mut Vec<Op>, mut moves: Vec<Move>) {
    moves.sort_by_key(|m| m.0);
    let mut passage = 0;
    let mut last: Option<(usize, usize)> = None;
    let mut removed = vec![false; ops.len()];
    for &(d, i, s) in &moves {
        let (o, n) = (ops[d].old.start, ops[i].new.start);
        if last != Some((o.wrapping_sub(1), n.wrapping_sub(1))) {
            passage += 1;
        }
        last = Some((o, n));
        ops[d] = Op {
            kind: OpKind::Moved,
            old: o..o + 1,
            new: n..n + 1,
            similarity: s,
            words: Vec::new(),
            cosmetic: false,
            classes: Default::default(),
            passage,
        };
        removed[i] = true;
    }
    let mut k = 0;
    ops.retain(|_| {
        let keep = !removed[k];
        k += 1;
        keep
    });
}

/// Joins moved ops that lie next to each other on both sides where one of
/// them runs over a paragraph break and the border between them falls
/// inside a paragraph (on either side): a run of short paragraphs moved as a
/// block (dictionary entries, a headword then its definition) whose moved
/// sentences were grouped across the breaks (`… is taught. ACCIDENT, n.` |
/// `An inevitable occurrence …`), so that each headword travelled with the
/// entry before it. Joined, the block is one moved op and each paragraph
/// lies whole inside it. Moved ops that keep to their paragraphs stay as
/// they are.
pub(crate) fn join_straddling_moves(ops: &mut Vec<Op>, old_units: &[Unit], new_units: &[Unit]) {
    let straddles = |op: &Op| {
        op.old.clone().skip(1).any(|o| old_units[o].sentence == 0)
            || op.new.clone().skip(1).any(|n| new_units[n].sentence == 0)
    };
    let mut out: Vec<Op> = Vec::with_capacity(ops.len());
    for op in std::mem::take(ops) {
        if let Some(last) = out.last_mut() {
            let joins = last.kind == OpKind::Moved
                && op.kind == OpKind::Moved
                && last.old.end == op.old.start
                && last.new.end == op.new.start
                && (old_units[op.old.start].sentence > 0 || new_units[op.new.start].sentence > 0)
                && (straddles(last) || straddles(&op));
            if joins {
                let (a, b) = (last.old.len() as f64, op.old.len() as f64);
                last.similarity = (last.similarity * a + op.similarity * b) / (a + b);
                last.old.end = op.old.end;
                last.new.end = op.new.end;
                continue;
            }
        }
        out.push(op);
    }
    *ops = out;
}

/// Ops scanned on each side of a recurring sentence for its other copy.
const RECUR_REACH: usize = 64;

/// A moved passage whose neighbouring sentence recurs close by ("Verse 4."
/// opening both the moved paragraph and the next one): the sentence diff
/// paired the moved copy with the other copy in place, so one copy shows
/// deleted and the other inserted. Where both sentences bordering a moved
/// passage (old and new side) have the same key and are not moved, the
/// border joins the passage and its spare copy pairs in place with the
/// partner the border leaves, when no aligned sentence lies between them
/// (both orders hold). Repeats while passages grow.
pub(crate) fn regroup_recurring(ops: &mut Vec<Op>, old_units: &[Unit], new_units: &[Unit]) {
    if !ops.iter().any(|op| op.kind == OpKind::Moved) {
        return;
    }
    let mut at = At {
        old_op: vec![usize::MAX; old_units.len()],
        new_op: vec![usize::MAX; new_units.len()],
        removed: vec![false; ops.len()],
    };
    for (k, op) in ops.iter().enumerate() {
        at.place(op, k);
    }
    // Moved ops by an old unit they hold (relocating shifts op indices).
    let mut work: Vec<usize> = of_kind(ops, OpKind::Moved)
        .into_iter()
        .map(|k| ops[k].old.start)
        .collect();
    let mut grew = false;
    while let Some(u) = work.pop() {
        let k = at.old_op[u];
        if at.removed[k] || ops[k].kind != OpKind::Moved {
            continue;
        }
        let (o, n) = (ops[k].old.clone(), ops[k].new.clone());
        let borders = [
            o.start.checked_sub(1).zip(n.start.checked_sub(1)),
            Some((o.end, n.end)).filter(|&(a, b)| a < old_units.len() && b < new_units.len()),
        ];
        for border in borders.into_iter().flatten() {
            if old_units[border.0].key == new_units[border.1].key
                && regroup_at(ops, &mut at, k, border, (old_units, new_units))
            {
                work.push(u);
                grew = true;
                break;
            }
        }
    }
    if grew {
        let mut k = 0;
        ops.retain(|_| {
            let keep = !at.removed[k];
            k += 1;
            keep
        });
    }
}

/// Which op holds each unit, and which ops went.
struct At {
    old_op: Vec<usize>,
    new_op: Vec<usize>,
    removed: Vec<bool>,
}

impl At {
    fn place(&mut self, op: &Op, k: usize) {
        op.old.clone().for_each(|o| self.old_op[o] = k);
        op.new.clone().for_each(|n| self.new_op[n] = k);
    }

    /// Moves op `from` to slot `to`, the ops between shifting by one.
    fn relocate(&mut self, ops: &mut [Op], from: usize, to: usize) {
        let mut p = from;
        while p != to {
            let q = if to > p { p + 1 } else { p - 1 };
            ops.swap(p, q);
            self.removed.swap(p, q);
            self.place(&ops[p].clone(), p);
            self.place(&ops[q].clone(), q);
            p = q;
        }
    }
}

/// Regroups around the border (`ob`, `nb`) of moved op `k`: `true` when
/// the border joined it.
fn regroup_at(
    ops: &mut [Op],
    at: &mut At,
    k: usize,
    (ob, nb): (usize, usize),
    (old_units, new_units): (&[Unit], &[Unit]),
) -> bool {
    let (a, b) = (at.old_op[ob], at.new_op[nb]);
    if at.removed[a] || at.removed[b] || ops[a].old.len() != 1 || ops[b].new.len() != 1 {
        return false;
    }
    let key = old_units[ob].key;
    // The in-place op that changes partner, and its new partner's op.
    let found = match (ops[a].kind, ops[b].kind) {
        // The old border sits in place against new `x`: a spare deleted
        // copy takes `x`.
        (OpKind::Equal, OpKind::Inserted) if ops[a].new.len() == 1 => {
            spare_copy(ops, a, &at.removed, OpKind::Deleted, |op| {
                op.old.len() == 1 && old_units[op.old.start].key == key
            })
            .map(|(spare, rotate)| (a, spare, rotate))
        }
        // The new border sits in place against old `z`: a spare inserted
        // copy takes `z`.
        (OpKind::Deleted, OpKind::Equal) if ops[b].old.len() == 1 => {
            spare_copy(ops, b, &at.removed, OpKind::Inserted, |op| {
                op.new.len() == 1 && new_units[op.new.start].key == key
            })
            .map(|(spare, rotate)| (b, spare, rotate))
        }
        _ => None,
    };
    let Some((stay, spare, rotate)) = found else {
        return false;
    };
    let (o, n) = if ops[spare].kind == OpKind::Deleted {
        (ops[spare].old.start, ops[stay].new.start)
    } else {
        (ops[stay].old.start, ops[spare].new.start)
    };
    // The border's ops go; the spare copy becomes the in-place op.
    let exact = old_units[o].exact == new_units[n].exact;
    ops[spare] = Op {
        kind: if exact {
            OpKind::Equal
        } else {
            OpKind::Changed
        },
        old: o..o + 1,
        new: n..n + 1,
        similarity: 1.0,
        words: Vec::new(),
        cosmetic: !exact,
        classes: Default::default(),
        passage: 0,
    };
    at.place(&ops[spare].clone(), spare);
    at.removed[a] = true;
    at.removed[b] = true;
    ops[k].old = ops[k].old.start.min(ob)..ops[k].old.end.max(ob + 1);
    ops[k].new = ops[k].new.start.min(nb)..ops[k].new.end.max(nb + 1);
    at.place(&ops[k].clone(), k);
    // Across ops that would leave it out of order where the spare copy was,
    // the in-place op takes the slot of the op it replaces.
    if rotate {
        at.relocate(ops, spare, stay);
    }
    true
}

/// The nearest op of kind `kind` (the spare copy) that `fits`, reached from
/// op `from` (the in-place op whose partner it takes) with no aligned op
/// between. Ops are in old order, insertions where they fall: the pair may
/// stay at the spare's slot when only ops without a new-side order (moved,
/// deleted) lie between a spare deleted copy, or only insertions between a
/// spare inserted copy; across the others only (`true`) it must take
/// `from`'s slot; across both kinds it cannot be placed.
fn spare_copy(
    ops: &[Op],
    from: usize,
    removed: &[bool],
    kind: OpKind,
    fits: impl Fn(&Op) -> bool,
) -> Option<(usize, bool)> {
    let in_place = |k: OpKind| match kind {
        OpKind::Deleted => matches!(k, OpKind::Deleted | OpKind::Moved),
        _ => k == OpKind::Inserted,
    };
    let mut best: Option<(usize, bool)> = None;
    let after: Vec<usize> = (from + 1..ops.len()).take(RECUR_REACH).collect();
    let before: Vec<usize> = (0..from).rev().take(RECUR_REACH).collect();
    for side in [after, before] {
        let (mut stays, mut moves) = (false, false);
        for k in side {
            if removed[k] {
                continue;
            }
            if ops[k].kind == kind && fits(&ops[k]) {
                let nearer = best.is_none_or(|(b, _)| k.abs_diff(from) < b.abs_diff(from));
                if nearer && !(stays && moves) {
                    best = Some((k, moves));
                }
                break;
            }
            match ops[k].kind {
                OpKind::Equal | OpKind::Changed => break,
                x if in_place(x) => stays = true,
                _ => moves = true,
            }
            if stays && moves {
                break;
            }
        }
    }
    best
}
