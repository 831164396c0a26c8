//! Homologous pairing inside a changed region of the sentence diff: which old
//! sentence became which new one (also two into one and one into two), so an
//! edit shows as `changed` with a word diff rather than delete + insert.

use super::budget::{Budget, POSTING_WORK, SIM_WORK};
use std::ops::Range;

use super::similarity::{distinct, FxMap, Profile, Vocab};

/// A homologous group: old sentences `old` became new sentences `new`.
#[derive(Clone, Debug)]
pub(crate) struct Pair {
    pub old: Range<usize>,
    pub new: Range<usize>,
    pub similarity: f64,
}

/// What pairing reads: profiles and content flags of both sides.
pub(crate) struct Sides<'a> {
    pub vocab: &'a Vocab,
    pub old: &'a [Profile],
    pub new: &'a [Profile],
    /// The summed weight of each profile's stems (`Vocab::weight_of`): a
    /// sentence is compared with many.
    pub old_weight: &'a [f64],
    pub new_weight: &'a [f64],
    pub old_content: &'a [bool],
    pub new_content: &'a [bool],
    /// Whitespace-separated words of each sentence: splits and merges keep the total.
    pub old_words: &'a [u32],
    pub new_words: &'a [u32],
    pub threshold: f64,
}

/// Sentences of different kinds (body and furniture) pair only when their
/// words are nearly the same: a role guessed differently on each side must not
/// split a sentence from itself, but a caption never pairs with a paragraph.
const CROSS_ROLE: f64 = 0.8;

impl Sides<'_> {
    fn gate(&self, same_kind: bool, s: f64) -> f64 {
        if same_kind || s >= CROSS_ROLE {
            s
        } else {
            0.0
        }
    }
    fn sim(&self, o: usize, n: usize) -> f64 {
        let s = self.vocab.similarity_weighed(
            &self.old[o],
            self.old_weight[o],
            &self.new[n],
            self.new_weight[n],
        );
        self.gate(self.old_content[o] == self.new_content[n], s)
    }
    fn sim_merge(&self, o1: usize, n: usize) -> f64 {
        let s = self
            .vocab
            .similarity_joined(&self.new[n], &self.old[o1], &self.old[o1 + 1]);
        let same = self.old_content[o1] == self.new_content[n]
            && self.old_content[o1 + 1] == self.new_content[n];
        self.gate(same, s)
    }
    fn sim_split(&self, o: usize, n1: usize) -> f64 {
        let s = self
            .vocab
            .similarity_joined(&self.old[o], &self.new[n1], &self.new[n1 + 1]);
        let same = self.old_content[o] == self.new_content[n1]
            && self.old_content[o] == self.new_content[n1 + 1];
        self.gate(same, s)
    }
}

/// Cells above which a region is paired through an index instead of the full table.
const TABLE_LIMIT: usize = 250_000;
/// A split or merge must beat the best single pair (bag similarity already
/// penalises a neighbour that adds words the other side lacks).
const JOIN_MARGIN: f64 = 0.01;
/// Breaks a tie between a join and a single pair in favour of the join.
const TIE: f64 = 0.002;

/// Pairs the sentences of one region, in order. `None` when the deadline passed.
pub(crate) fn pair_region(
    sides: &Sides,
    old: Range<usize>,
    new: Range<usize>,
    deadline: &Budget,
) -> Option<Vec<Pair>> {
    if old.is_empty() || new.is_empty() {
        return Some(Vec::new());
    }
    if old.len() * new.len() <= TABLE_LIMIT {
        table(sides, old, new, deadline)
    } else {
        indexed(sides, old, new, deadline)
    }
}

/// Whether a joined pair (similarity `joined`) should replace the best single
/// pair (`one`): it must clear the threshold and beat it — or tie it while a
/// sentence of `whole` words matches the two parts together better than the
/// larger part alone (the words that differ may be function words, which
/// similarity ignores).
fn joins(joined: f64, one: f64, threshold: f64, whole: u32, parts: [u32; 2]) -> bool {
    let by_size = whole.abs_diff(parts[0] + parts[1]) < whole.abs_diff(parts[0].max(parts[1]));
    joined >= threshold && (joined > one + JOIN_MARGIN || (by_size && joined + JOIN_MARGIN >= one))
}

#[derive(Clone, Copy)]
enum Step {
    None,
    SkipOld,
    SkipNew,
    One,
    Merge,
    Split,
}

/// Dynamic programming over the region: maximise the summed similarity of
/// pairs (1:1, 2:1, 1:2) that clear the threshold, keeping order.
fn table(
    sides: &Sides,
    old: Range<usize>,
    new: Range<usize>,
    deadline: &Budget,
) -> Option<Vec<Pair>> {
    let single = single_pairs(sides, &old, &new, deadline)?;
    let mut grid = Grid {
        sides,
        old,
        new,
        single,
        score: Vec::new(),
        step: Vec::new(),
    };
    grid.fill();
    Some(grid.trace())
}

/// The similarity of every old sentence of the region with every new one,
/// row by row; `None` once the deadline passes.
fn single_pairs(
    sides: &Sides,
    old: &Range<usize>,
    new: &Range<usize>,
    deadline: &Budget,
) -> Option<Vec<f64>> {
    let n = new.len();
    let mut single = vec![0.0f64; old.len() * n];
    for i in 0..old.len() {
        if i % 64 == 0 && deadline.out() {
            return None;
        }
        deadline.spend(SIM_WORK * n as u64);
        for j in 0..n {
            single[i * n + j] = sides.sim(old.start + i, new.start + j);
        }
    }
    Some(single)
}

/// The table: `score[i * w + j]` is the best sum over the first `i` old
/// and `j` new sentences of the region, `step` how it was reached.
struct Grid<'a> {
    sides: &'a Sides<'a>,
    old: Range<usize>,
    new: Range<usize>,
    single: Vec<f64>,
    score: Vec<f64>,
    step: Vec<Step>,
}

impl Grid<'_> {
    fn width(&self) -> usize {
        self.new.len() + 1
    }

    /// The similarity of the region's `i`th old and `j`th new sentence.
    fn single(&self, i: usize, j: usize) -> f64 {
        self.single[i * self.new.len() + j]
    }

    fn fill(&mut self) {
        let (m, w) = (self.old.len(), self.width());
        self.score = vec![0.0f64; (m + 1) * w];
        self.step = vec![Step::None; (m + 1) * w];
        for i in 0..=m {
            for j in 0..w {
                if i == 0 && j == 0 {
                    continue;
                }
                let (best, how) = self.best_step(i, j);
                self.score[i * w + j] = best;
                self.step[i * w + j] = how;
            }
        }
    }

    /// The best way into cell (`i`, `j`): skip an old or a new sentence,
    /// pair one with one, or join two into one (merge) or one into two
    /// (split) — worth it when the joined pair beats the best single pair,
    /// or ties it while the word counts say the two belong together.
    fn best_step(&self, i: usize, j: usize) -> (f64, Step) {
        let (sides, w, t) = (self.sides, self.width(), self.sides.threshold);
        let score = &self.score;
        let mut best = f64::MIN;
        let mut how = Step::None;
        if i > 0 && score[(i - 1) * w + j] > best {
            best = score[(i - 1) * w + j];
            how = Step::SkipOld;
        }
        if j > 0 && score[i * w + j - 1] > best {
            best = score[i * w + j - 1];
            how = Step::SkipNew;
        }
        if i == 0 || j == 0 {
            return (best, how);
        }
        let s = self.single(i - 1, j - 1);
        if s >= t && score[(i - 1) * w + j - 1] + s > best {
            best = score[(i - 1) * w + j - 1] + s;
            how = Step::One;
        }
        // `one` is the better of the two single pairs, `from` the cell the
        // step comes from.
        let mut try_join =
            |one: f64, from: usize, whole: u32, parts: [u32; 2], joined: &dyn Fn() -> f64, kind| {
                if one >= t * 0.5 {
                    let s = joined();
                    if joins(s, one, t, whole, parts) && score[from] + s + TIE > best {
                        best = score[from] + s + TIE;
                        how = kind;
                    }
                }
            };
        if i > 1 {
            let (o1, nn) = (self.old.start + i - 2, self.new.start + j - 1);
            try_join(
                self.single(i - 1, j - 1).max(self.single(i - 2, j - 1)),
                (i - 2) * w + j - 1,
                sides.new_words[nn],
                [sides.old_words[o1], sides.old_words[o1 + 1]],
                &|| sides.sim_merge(o1, nn),
                Step::Merge,
            );
        }
        if j > 1 {
            let (oo, n1) = (self.old.start + i - 1, self.new.start + j - 2);
            try_join(
                self.single(i - 1, j - 1).max(self.single(i - 1, j - 2)),
                (i - 1) * w + j - 2,
                sides.old_words[oo],
                [sides.new_words[n1], sides.new_words[n1 + 1]],
                &|| sides.sim_split(oo, n1),
                Step::Split,
            );
        }
        (best, how)
    }

    /// The pairs on the best path, in order.
    fn trace(&self) -> Vec<Pair> {
        let (os, ns, w) = (self.old.start, self.new.start, self.width());
        let mut pairs = Vec::new();
        let (mut i, mut j) = (self.old.len(), self.new.len());
        while i > 0 || j > 0 {
            let (take_old, take_new, similarity) = match self.step[i * w + j] {
                Step::SkipOld => (1, 0, None),
                Step::SkipNew => (0, 1, None),
                Step::One => (1, 1, Some(self.single(i - 1, j - 1))),
                Step::Merge => (2, 1, Some(self.sides.sim_merge(os + i - 2, ns + j - 1))),
                Step::Split => (1, 2, Some(self.sides.sim_split(os + i - 1, ns + j - 2))),
                Step::None => break,
            };
            if let Some(similarity) = similarity {
                pairs.push(Pair {
                    old: os + i - take_old..os + i,
                    new: ns + j - take_new..ns + j,
                    similarity,
                });
            }
            i -= take_old;
            j -= take_new;
        }
        pairs.reverse();
        pairs
    }
}

/// Big regions: candidates through an index of shared rare words, the best
/// candidate per old sentence, then the longest run that keeps order.
fn indexed(
    sides: &Sides,
    old: Range<usize>,
    new: Range<usize>,
    deadline: &Budget,
) -> Option<Vec<Pair>> {
    // Words shared by many sentences say little and cost much: skip them.
    let cap = (new.len() / 20).clamp(8, 200);
    let mut index: FxMap<u32, Vec<usize>> = FxMap::default();
    for n in new.clone() {
        for s in distinct(&sides.new[n].stems) {
            index.entry(s).or_default().push(n);
        }
    }
    let mut best: Vec<(usize, usize, f64)> = Vec::new();
    // Weight shared with each new sentence, and the sentences touched (a
    // region of a whole book has tens of thousands of sentences a side).
    let mut tally: Vec<Option<f64>> = vec![None; new.len()];
    let mut touched: Vec<usize> = Vec::new();
    let by_weight = |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    for (k, o) in old.clone().enumerate() {
        if k % 32 == 0 && deadline.out() {
            return None;
        }
        for s in distinct(&sides.old[o].stems) {
            if let Some(list) = index.get(&s) {
                if list.len() <= cap {
                    let w = sides.vocab.weight(s);
                    for &n in list {
                        let t = tally[n - new.start].get_or_insert_with(|| {
                            touched.push(n);
                            0.0
                        });
                        *t += w;
                    }
                }
            }
        }
        let mut cands: Vec<(usize, f64)> = touched
            .iter()
            .map(|&n| (n, tally[n - new.start].take().unwrap_or_default()))
            .collect();
        let seen = touched.len();
        touched.clear();
        // The five best by weight (ties by position): one order, so the
        // same five whichever way they are picked.
        if cands.len() > 5 {
            cands.select_nth_unstable_by(4, by_weight);
            cands.truncate(5);
        }
        cands.sort_by(by_weight);
        let mut top: Option<(usize, f64)> = None;
        for &(n, _) in &cands {
            let s = sides.sim(o, n);
            if s >= sides.threshold && top.is_none_or(|(_, b)| s > b) {
                top = Some((n, s));
            }
        }
        if let Some((n, s)) = top {
            best.push((o, n, s));
        }
        deadline.spend(SIM_WORK * cands.len() as u64 + POSTING_WORK * seen as u64);
    }
    // Longest increasing subsequence by new index (old is already increasing).
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; best.len()];
    for (k, &(_, n, _)) in best.iter().enumerate() {
        let pos = tails.partition_point(|&t| best[t].1 < n);
        if pos > 0 {
            prev[k] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(k);
        } else {
            tails[pos] = k;
        }
    }
    let mut chain = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(k) = cur {
        chain.push(k);
        cur = prev[k];
    }
    chain.reverse();
    Some(
        chain
            .into_iter()
            .map(|k| {
                let (o, n, s) = best[k];
                Pair {
                    old: o..o + 1,
                    new: n..n + 1,
                    similarity: s,
                }
            })
            .collect(),
    )
}
