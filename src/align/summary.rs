//! What a comparison adds up to: counts, re-paragraphing, the relation and
//! similarity (content only — furniture never counts), and truncation.

use super::words::{has_quote, prose_words, word_counts_with_prose};
use super::{Comparison, OpKind, Relation, Side, Stats, Truncation};
use crate::article::Article;

/// Share of the shorter body found in the other from which a pair is a reprint.
pub(super) const REPRINT: f64 = 0.6;
/// Share from which a pair is a reprint without reading its prose: two
/// write-ups sharing quotations never carry this much of the shorter body
/// unless it is all quotation, and reading every sentence of a long
/// reprint for its quotation marks costs a tenth of its alignment.
pub(super) const SURE_COPY: f64 = 0.9;

/// Words of prose (outside quotations) below which a side's prose is too
/// little to judge a reprint by.
pub(super) const MIN_PROSE: usize = 8;

/// Sets the comparison's counts, relation, similarity and truncation; `true`
/// when the deadline may have cut a long word count short.
pub(crate) fn summarise(
    c: &mut Comparison,
    old: &Article,
    new: &Article,
    deadline: &super::Budget,
) -> bool {
    counts_and_verdict(c, old, new, deadline, true)
}

/// Sets the comparison's counts only, for an alignment whose relation,
/// similarity and truncation another alignment of the pair gives (by
/// claims takes the alignment in order's): `summarise` without the
/// verdict, whose same-event evidence and vocabulary overlap read both
/// texts whole. `true` as `summarise`.
pub(crate) fn count(
    c: &mut Comparison,
    old: &Article,
    new: &Article,
    deadline: &super::Budget,
) -> bool {
    counts_and_verdict(c, old, new, deadline, false)
}

/// The counts, and with `verdict` the relation, similarity and truncation.
fn counts_and_verdict(
    c: &mut Comparison,
    old: &Article,
    new: &Article,
    deadline: &super::Budget,
    verdict: bool,
) -> bool {
    let sides = Sides::new(old, new, &c.old_units, &c.new_units);
    let tally = tally_of(&sides, &c.ops, deadline);
    c.stats = Stats {
        reparagraphed: reparagraphed(c),
        ..tally.stats
    };
    c.shared_quotes = tally.shared_quotes;
    if !verdict {
        return tally.cut;
    }
    let carried = sides.carried_share(tally.matched_words);
    let (relation, overlap) = relation(&sides, &c.ops, &tally, carried);
    c.relation = relation;
    // One meaning per relation: for copies the words with a counterpart
    // over the words of both bodies (a copy that lost 40 % of the text is no
    // longer 1.00, though the share of the shorter body carried, which
    // decides the relation, is), the overlap of vocabularies for write-ups
    // (see `overlap`).
    c.similarity = match c.relation {
        Relation::Identical => (sides.shared_share(tally.matched_words) * 100.0).round() / 100.0,
        // A copy whose content differs never shows as 1.00, however small
        // the edit: a reader takes 1.00 for "the same".
        Relation::Reprint => {
            ((sides.shared_share(tally.matched_words) * 100.0).round() / 100.0).min(0.99)
        }
        Relation::Related | Relation::Unrelated => {
            overlap.unwrap_or_else(|| super::overlap::between(old, new))
        }
    };
    if c.relation == Relation::Reprint {
        let body_like = |side: Side, i: usize| body_like(&sides.text(side, i..i + 1));
        let prose = |side: Side, i: usize| sides.counts(&c.units(side)[i]) || body_like(side, i);
        // A sentence of the article's prose: body text, or body-like text
        // in any role (a subhead, caption or date line is not one).
        let sentence = |side: Side, i: usize| {
            let (article, units) = sides.side(side);
            article.blocks[units[i].block].role == crate::article::Role::Body || body_like(side, i)
        };
        // A line that signs the article off: a page's furniture, or a
        // credit or note in a sign-off's words.
        let signs_off = |side: Side, i: usize| {
            let (article, units) = sides.side(side);
            article.blocks[units[i].block].role != crate::article::Role::Body
                || signs_off(&sides.text(side, i..i + 1))
        };
        let furniture = |side: Side, i: usize| !sides.counts(&c.units(side)[i]);
        // A correction, clarification or update appended to one copy is no
        // text the other lost: its paragraph is not read as prose here.
        let told = |side: Side, i: usize| {
            let (article, units) = sides.side(side);
            prose(side, i) && !editors_note(article.slice(article.blocks[units[i].block].span))
        };
        c.truncated = truncation(c, &told, &sentence, &signs_off, &furniture);
    }
    tally.cut
}

/// What the ops add up to.
fn tally_of(sides: &Sides, ops: &[super::Op], deadline: &super::Budget) -> Tally {
    let mut tally = Tally::default();
    for op in ops {
        tally.add(sides, op, deadline);
    }
    tally
}

/// The relation, one decision for the pair whatever the alignment shown:
/// `identical` when no content changed and no prose lacks a counterpart;
/// `reprint` when the shorter body's text is found in the other
/// (`carried`, the share of it the alignment in order keeps) and, below `SURE_COPY`, so
/// is its prose outside quotations — two write-ups that share a quotation or two are not copies
/// of each other; else `related` or `unrelated` as the same-event evidence
/// for the two articles says (`evidence::between`, the rule a story of the
/// two applies). With `related` or `unrelated`, the overlap of the two
/// vocabularies too, read with the evidence.
fn relation(
    sides: &Sides,
    ops: &[super::Op],
    tally: &Tally,
    carried: f64,
) -> (Relation, Option<f64>) {
    if !tally.content_change && !tally.lone_prose {
        (Relation::Identical, None)
    } else if carried >= SURE_COPY
        || (carried >= REPRINT && sides.carried_prose_share(ops, tally.matched_prose) >= REPRINT)
    {
        (Relation::Reprint, None)
    } else {
        let (evidence, overlap) = super::evidence::between_with_overlap(sides.old, sides.new);
        let relation = if evidence.same_event() {
            Relation::Related
        } else {
            Relation::Unrelated
        };
        (relation, Some(overlap))
    }
}

/// Both articles with their sentence units, and which units count.
struct Sides<'a> {
    old: &'a Article,
    new: &'a Article,
    old_units: &'a [super::Unit],
    new_units: &'a [super::Unit],
    /// When either side has no content at all (everything read as
    /// furniture), the relation is judged on all the text rather than on
    /// nothing.
    all_text: bool,
    /// Each unit's words outside quotation marks, worked out once per side
    /// when first asked (the tally and the prose share both read them).
    old_prose: std::cell::OnceCell<Vec<u32>>,
    new_prose: std::cell::OnceCell<Vec<u32>>,
}

impl<'a> Sides<'a> {
    fn new(
        old: &'a Article,
        new: &'a Article,
        old_units: &'a [super::Unit],
        new_units: &'a [super::Unit],
    ) -> Self {
        let has_content = |us: &[super::Unit]| us.iter().any(|u| u.content);
        Sides {
            old,
            new,
            old_units,
            new_units,
            all_text: !has_content(old_units) || !has_content(new_units),
            old_prose: std::cell::OnceCell::new(),
            new_prose: std::cell::OnceCell::new(),
        }
    }

    fn side(&self, side: Side) -> (&'a Article, &'a [super::Unit]) {
        match side {
            Side::Old => (self.old, self.old_units),
            Side::New => (self.new, self.new_units),
        }
    }

    /// Whether a unit counts towards the relation: article content, or any
    /// text when a side has none.
    fn counts(&self, u: &super::Unit) -> bool {
        self.all_text || u.content
    }

    fn text(&self, side: Side, r: std::ops::Range<usize>) -> String {
        let (a, us) = self.side(side);
        us[r]
            .iter()
            .map(|u| &a.text[u.span.range()])
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn words(&self, side: Side, r: std::ops::Range<usize>) -> usize {
        let (_, us) = self.side(side);
        us[r].iter().map(|u| u.words as usize).sum()
    }

    /// Whether furniture one side lacks (or edited furniture) is a
    /// difference: a sentence of prose, whatever its role, or a line of
    /// `LONE_LINE_WORDS` words or more that only its shape and place made
    /// furniture (`furniture_by_shape_alone`: it may be the article's own
    /// last paragraph, a date line or caption the writer ended on).
    fn differs_alone(&self, side: Side, r: std::ops::Range<usize>) -> bool {
        if body_like(&self.text(side, r.clone())) {
            return true;
        }
        let (a, us) = self.side(side);
        us[r].iter().any(|u| {
            let block = &a.blocks[u.block];
            crate::article::furniture_by_shape_alone(block)
                && super::words::count_units(&a.text[block.span.range()]).len() >= LONE_LINE_WORDS
        })
    }

    fn any_counts(&self, side: Side, r: std::ops::Range<usize>) -> bool {
        let (_, us) = self.side(side);
        us[r].iter().any(|u| self.counts(u))
    }

    fn quoted(&self, side: Side, r: std::ops::Range<usize>) -> bool {
        let (a, us) = self.side(side);
        us[r].iter().any(|u| has_quote(&a.text[u.span.range()]))
    }

    /// Counted words of a run of units outside quotation marks.
    fn prose(&self, side: Side, r: std::ops::Range<usize>) -> usize {
        let cell = match side {
            Side::Old => &self.old_prose,
            Side::New => &self.new_prose,
        };
        let per_unit = cell.get_or_init(|| {
            let (a, us) = self.side(side);
            us.iter()
                .map(|u| prose_of(&a.text[u.span.range()], u))
                .collect()
        });
        per_unit[r].iter().map(|&w| w as usize).sum()
    }

    /// The share of the shorter side's counted prose (words outside
    /// quotations) carried by the other: equal and cosmetic ops carry theirs
    /// whole, `changed_prose` is what the word diffs kept of the others'. 1
    /// when the shorter side has too little prose to tell (a text of
    /// quotations: the share of all its text decides). Each unit is read
    /// once, and only for a pair that may be a reprint.
    fn carried_prose_share(&self, ops: &[super::Op], changed_prose: usize) -> f64 {
        let old_prose: Vec<usize> = (0..self.old_units.len())
            .map(|i| self.prose(Side::Old, i..i + 1))
            .collect();
        let total = |side: Side, us: &[super::Unit]| -> usize {
            (0..us.len())
                .filter(|&i| self.counts(&us[i]))
                .map(|i| self.prose(side, i..i + 1))
                .sum()
        };
        // An op carries its prose when either side counts it, as the
        // matched words do: the same whichever article is old.
        let carried: usize = ops
            .iter()
            .filter(|op| op.kind == OpKind::Equal || (op.kind == OpKind::Changed && op.cosmetic))
            .filter(|op| {
                self.any_counts(Side::Old, op.old.clone())
                    || self.any_counts(Side::New, op.new.clone())
            })
            .map(|op| old_prose[op.old.clone()].iter().sum::<usize>())
            .sum::<usize>()
            + changed_prose;
        let shorter = total(Side::Old, self.old_units).min(total(Side::New, self.new_units));
        if shorter < MIN_PROSE {
            1.0
        } else {
            (carried as f64 / shorter as f64).min(1.0)
        }
    }

    /// Counted words of each side.
    fn totals(&self) -> (usize, usize) {
        let total = |us: &[super::Unit]| {
            us.iter()
                .filter(|u| self.counts(u))
                .map(|u| u.words as usize)
                .sum::<usize>()
        };
        (total(self.old_units), total(self.new_units))
    }

    /// The share of both sides' counted words that have a counterpart on
    /// the other side (Dice: `matched_words` counts each matched word once,
    /// and it stands on both sides): 1 only when neither side lacks text.
    fn shared_share(&self, matched_words: usize) -> f64 {
        let (old_words, new_words) = self.totals();
        if old_words + new_words == 0 {
            1.0
        } else {
            (2.0 * matched_words as f64 / (old_words + new_words) as f64).min(1.0)
        }
    }

    /// The share of the shorter side's counted words carried by the other.
    fn carried_share(&self, matched_words: usize) -> f64 {
        let (old_words, new_words) = self.totals();
        let shorter = old_words.min(new_words);
        if shorter == 0 {
            if old_words == new_words {
                1.0
            } else {
                0.0
            }
        } else {
            (matched_words as f64 / shorter as f64).min(1.0)
        }
    }
}

/// A unit's counted words outside quotation marks (`text` is its text).
pub(super) fn prose_of(text: &str, u: &super::Unit) -> u32 {
    if has_quote(text) {
        prose_words(text) as u32
    } else {
        u.words
    }
}

/// What the ops add up to: the counts, the words both sides carry, and what
/// decides the relation.
#[derive(Default)]
struct Tally {
    stats: Stats,
    matched_words: usize,
    content_change: bool,
    shared_quotes: usize,
    /// Of the words changed and moved ops keep (not cosmetic ones), those
    /// outside quotations on both sides in runs of three or more
    /// (`word_counts_with_prose`).
    matched_prose: usize,
    /// Prose on one side only, or edited, whatever role it was given:
    /// never identical.
    lone_prose: bool,
    /// The deadline may have cut a word count short.
    cut: bool,
}

impl Tally {
    fn add(&mut self, sides: &Sides, op: &super::Op, deadline: &super::Budget) {
        let stats = &mut self.stats;
        let mut resegmented = false;
        let content = sides.any_counts(Side::Old, op.old.clone())
            || sides.any_counts(Side::New, op.new.clone());
        match op.kind {
            OpKind::Equal => {
                stats.equal += 1;
                if content {
                    self.matched_words += sides.words(Side::Old, op.old.clone());
                }
            }
            OpKind::Deleted => {
                stats.deleted += 1;
                let words = sides.words(Side::Old, op.old.start..op.old.start + 1);
                stats.words_deleted += words;
                if !content {
                    stats.furniture_words_deleted += words;
                    self.lone_prose |= sides.differs_alone(Side::Old, op.old.clone());
                }
            }
            OpKind::Inserted => {
                stats.inserted += 1;
                let words = sides.words(Side::New, op.new.start..op.new.start + 1);
                stats.words_inserted += words;
                if !content {
                    stats.furniture_words_inserted += words;
                    self.lone_prose |= sides.differs_alone(Side::New, op.new.clone());
                }
            }
            OpKind::Changed | OpKind::Moved => {
                if op.kind == OpKind::Changed {
                    stats.changed += 1;
                } else {
                    stats.moved += 1;
                }
                let (o, n) = (
                    sides.text(Side::Old, op.old.clone()),
                    sides.text(Side::New, op.new.clone()),
                );
                let text_deadline = super::text_deadline(&o, &n, deadline);
                let (del, ins, kept, prose) = word_counts_with_prose(&o, &n, text_deadline);
                super::charge_text(&o, &n, deadline);
                self.cut |= text_deadline.is_some_and(|d| std::time::Instant::now() > d);
                // Sentences cut differently (a paragraph's last sentence
                // running on into the next once paragraphs are joined) with
                // every word the same: segmentation, not an edit.
                resegmented = op.kind == OpKind::Changed && del == 0 && ins == 0;
                stats.words_deleted += del;
                stats.words_inserted += ins;
                if content {
                    // A house-style edit (case, quotes, dashes) keeps every word.
                    if op.cosmetic {
                        self.matched_words += sides.words(Side::Old, op.old.clone());
                    } else {
                        self.matched_words += kept;
                        self.matched_prose += prose;
                    }
                } else {
                    stats.furniture_words_deleted += del;
                    stats.furniture_words_inserted += ins;
                    // Prose edited in any role (a related-stories tail, a
                    // biography) has words on one side only.
                    self.lone_prose |= del + ins > 0
                        && (sides.differs_alone(Side::Old, op.old.clone())
                            || sides.differs_alone(Side::New, op.new.clone()));
                }
            }
        }
        if content && op.kind != OpKind::Equal && !resegmented {
            self.content_change = true;
        }
        if content
            && !op.old.is_empty()
            && !op.new.is_empty()
            && sides.quoted(Side::Old, op.old.clone())
            && sides.quoted(Side::New, op.new.clone())
        {
            self.shared_quotes += 1;
        }
    }
}

/// Words from which a line that only its shape made furniture is a
/// difference when one side lacks it: a teaser headline or caption line
/// (`Some of the lighting installations on show at the festival`), not a
/// `Top stories` or `© Photographer` line.
const LONE_LINE_WORDS: usize = 8;

/// A sentence of prose rather than a page's furniture (`Share:`, a photo
/// credit, a related headline): enough words, and it ends as a sentence does.
pub(crate) fn body_like(s: &str) -> bool {
    let words = crate::align::words::count_units(s).len();
    let ends = s
        .trim_end()
        .trim_end_matches(['”', '"', '’', '\'', ')', ']', '»'])
        .ends_with(['.', '!', '?', '。', '！', '？', '।', '॥', '။', '؟', '۔']);
    words >= 20 || (words >= 8 && ends)
}

/// Paragraph breaks that one side has and the other lacks, between sentences
/// aligned in order on both sides.
fn reparagraphed(c: &Comparison) -> usize {
    let mut count = 0;
    let mut prev: Option<(usize, usize)> = None;
    let breaks = |units: &[super::Unit], r: std::ops::Range<usize>| {
        r.clone()
            .skip(1)
            .filter(|&i| units[i].block != units[i - 1].block)
            .count()
    };
    for op in &c.ops {
        // An equal op over sentences cut differently on each side may
        // cross a paragraph break one side lacks.
        if op.kind == OpKind::Equal && (op.old.len() > 1 || op.new.len() > 1) {
            count +=
                breaks(&c.old_units, op.old.clone()).abs_diff(breaks(&c.new_units, op.new.clone()));
        }
        if !matches!(op.kind, OpKind::Equal | OpKind::Changed) {
            if !op.old.is_empty() || !op.new.is_empty() {
                prev = None;
            }
            continue;
        }
        if let Some((po, pn)) = prev {
            if op.old.start == po + 1 && op.new.start == pn + 1 {
                let old_break = c.old_units[op.old.start].block != c.old_units[po].block;
                let new_break = c.new_units[op.new.start].block != c.new_units[pn].block;
                if old_break != new_break {
                    count += 1;
                }
            }
        }
        prev = Some((op.old.end - 1, op.new.end - 1));
    }
    count
}

/// A side whose body stops early: after the last sentence of prose aligned
/// on both sides (in any role: a paragraph the loader labelled differently
/// on each side is still there), the other side goes on with at least two
/// sentences of prose that have no counterpart, and the cut side has none
/// left (`STRAY_WORDS` at most). `prose(side, unit)` says whether a unit counts (content, or
/// body-like text in any role); `sentence(side, unit)` whether it is a
/// sentence of the article's prose rather than a subhead, caption or date:
/// such lines that follow the article on both sides and still align do not
/// hide the cut, nor does a closing line both carry (`Keith Bradsher
/// contributed reporting.`: `closing`). A changed or moved sentence in the
/// tail is aligned: an edit there is not a cut. Before a closing line, the
/// missing part must reach past the paragraph of the last sentence both
/// carry: sentences added to that paragraph, with a short last paragraph
/// both carry after it, are an edit of the paragraph, not a cut.
fn truncation(
    c: &Comparison,
    prose: &Judge,
    sentence: &Judge,
    signs_off: &Judge,
    furniture: &Judge,
) -> Option<Truncation> {
    cut_before(c, prose, sentence, c.ops.len()).or_else(|| {
        match closing(c, prose, signs_off, furniture) {
            end if end < c.ops.len() => cut_before(c, prose, sentence, end)
                .filter(|t| !tail_inside_last_paragraph(c, prose, t)),
            _ => None,
        }
    })
}

/// Whether the prose the full side has beyond its last shared sentence
/// (in block `t.after_block`) all lies in that sentence's paragraph.
fn tail_inside_last_paragraph(c: &Comparison, prose: &Judge, t: &Truncation) -> bool {
    let full = t.side.other();
    let units = c.units(full);
    let aligned = &with_counterpart(c)[usize::from(full == Side::New)];
    let Some(last) = (0..units.len())
        .rev()
        .find(|&i| aligned[i] && units[i].block == t.after_block)
    else {
        return false;
    };
    (last + 1..units.len())
        .filter(|&i| prose(full, i) && !aligned[i])
        .all(|i| units[i].block == t.after_block)
}

/// Says something of a unit of one side.
type Judge<'a> = dyn Fn(Side, usize) -> bool + 'a;

/// Whether an op aligns its sentences with the other side's.
fn aligns(op: &super::Op) -> bool {
    matches!(op.kind, OpKind::Equal | OpKind::Changed | OpKind::Moved)
}

/// For the old side and the new, which units an op aligns with the other
/// side's.
fn with_counterpart(c: &Comparison) -> [Vec<bool>; 2] {
    let mut out = [
        vec![false; c.old_units.len()],
        vec![false; c.new_units.len()],
    ];
    for op in c.ops.iter().filter(|op| aligns(op)) {
        op.old.clone().for_each(|i| out[0][i] = true);
        op.new.clone().for_each(|i| out[1][i] = true);
    }
    out
}

/// `truncation`, with the ops from `end` on (a closing line both sides
/// carry) left aside.
fn cut_before(c: &Comparison, prose: &Judge, sentence: &Judge, end: usize) -> Option<Truncation> {
    let has_counterpart = with_counterpart(c);
    let mut last_old = None;
    let mut last_new = None;
    for op in c.ops[..end].iter().filter(|op| aligns(op)) {
        let last = |side: Side, r: std::ops::Range<usize>| r.rev().find(|&i| sentence(side, i));
        last_old = last_old.max(last(Side::Old, op.old.clone()));
        last_new = last_new.max(last(Side::New, op.new.clone()));
    }
    let (lo, ln) = (last_old?, last_new?);
    // Prose after `after` with no counterpart: how many sentences, how many words.
    let missing = |side: Side, after: usize| -> (usize, usize) {
        let units = c.units(side);
        let lone = &has_counterpart[usize::from(side == Side::New)];
        let rest = (after + 1..units.len()).filter(|&i| prose(side, i) && !lone[i]);
        (
            rest.clone().count(),
            rest.map(|i| units[i].words as usize).sum(),
        )
    };
    let (old_rest, old_rest_words) = missing(Side::Old, lo);
    let (new_rest, new_rest_words) = missing(Side::New, ln);
    if old_rest >= 2 && new_rest_words <= STRAY_WORDS && old_rest_words >= MIN_TAIL_WORDS {
        return Some(Truncation {
            side: Side::New,
            after_block: c.old_units[lo].block,
        });
    }
    if new_rest >= 2 && old_rest_words <= STRAY_WORDS && new_rest_words >= MIN_TAIL_WORDS {
        return Some(Truncation {
            side: Side::Old,
            after_block: c.new_units[ln].block,
        });
    }
    None
}

/// Where the closing lines start: the last ops, aligned, holding no more
/// than `CLOSING_UNITS` sentences and `CLOSING_WORDS` words of prose both
/// sides read as the article's (a credit or sign-off line both copies end
/// with; lines either side marks as furniture may follow at any length), every
/// prose line of them one that `signs_off` (a short last paragraph of the
/// story itself is no closing line: text missing before it is not a tail).
fn closing(c: &Comparison, prose: &Judge, signs_off: &Judge, furniture: &Judge) -> usize {
    let (mut units, mut words) = (0, 0);
    let mut from = c.ops.len();
    while let Some(op) = from.checked_sub(1).map(|i| &c.ops[i]) {
        // Lines the page marks as its furniture (an author's biography, `A
        // version of this article appears in print`, `Order Reprints`) may
        // follow the article at any length: only the article's own prose
        // is held to the closing's size.
        let count = |side: Side, r: std::ops::Range<usize>| {
            let prose_units: Vec<usize> = r
                .filter(|&i| prose(side, i) && !furniture(side, i))
                .collect();
            let w: usize = prose_units
                .iter()
                .map(|&i| c.units(side)[i].words as usize)
                .sum();
            (prose_units.len(), w)
        };
        let (ou, ow) = count(Side::Old, op.old.clone());
        let (nu, nw) = count(Side::New, op.new.clone());
        if !aligns(op) {
            // A stray line one side adds or lacks (`Advertisement`) is
            // passed over.
            if ow.max(nw) > STRAY_WORDS {
                break;
            }
        } else if units + ou.min(nu) > CLOSING_UNITS || words + ow.min(nw) > CLOSING_WORDS {
            // Aligned lines count when both sides read them as the article's
            // (a biography that follows the body is furniture on the full
            // page, and may be taken for body text where it follows a cut).
            break;
        } else {
            units += ou.min(nu);
            words += ow.min(nw);
        }
        from -= 1;
    }
    // A closing line is a paragraph of its own on both sides (stray lines
    // passed over aside): the words before it in the same paragraph are an
    // edit, not a cut.
    let starts_paragraph = |side: Side, first: Option<usize>| {
        first.is_some_and(|i| i == 0 || c.units(side)[i - 1].block != c.units(side)[i].block)
    };
    let first = |side: Side| {
        c.ops[from..]
            .iter()
            .filter(|op| aligns(op))
            .filter_map(|op| match side {
                Side::Old => (!op.old.is_empty()).then_some(op.old.start),
                Side::New => (!op.new.is_empty()).then_some(op.new.start),
            })
            .min()
    };
    let all_sign_off = c.ops[from..].iter().filter(|op| aligns(op)).all(|op| {
        op.old
            .clone()
            .filter(|&i| prose(Side::Old, i))
            .all(|i| signs_off(Side::Old, i))
    });
    if all_sign_off
        && starts_paragraph(Side::Old, first(Side::Old))
        && starts_paragraph(Side::New, first(Side::New))
    {
        from
    } else {
        c.ops.len()
    }
}

/// Whether a line reads as an article's sign-off: a credit (`Reporting by
/// …`, `… contributed to this report.`), a note on the article itself
/// (`This story has been updated`), a copyright line, a note on the author
/// or an address to write or follow (`reads_as_author_note`, the loader's
/// test), in English or a wire's usual other languages.
fn signs_off(text: &str) -> bool {
    let t = text.trim();
    let lower = t.to_lowercase();
    let bracketed = t.starts_with('(') && t.ends_with([')', '.']);
    bracketed
        || SIGN_OFF_WORDS.iter().any(|w| lower.contains(w))
        || crate::article::reads_as_author_note(t)
        || t.split_whitespace()
            .any(|w| w.len() > 1 && w.starts_with('@'))
}

/// Whether a paragraph is an editor's note on the article (`Correction: …`,
/// `Clarification: …`, `Editor's note: …`, `Update, 5:30 p.m.: …`, `An
/// earlier version of this story …`): a copy that has one appended has not
/// been cut short where the other ends. An appended correction read as "the
/// old side stops after" its last paragraph.
pub(crate) fn editors_note(paragraph: &str) -> bool {
    let head: String = paragraph
        .trim_start()
        .chars()
        .take(48)
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    let labelled = [
        "correction",
        "clarification",
        "editor's note",
        "editors' note",
        "editor's update",
        "update",
        "updated",
    ]
    .iter()
    .any(|w| head.starts_with(w))
        && head.contains(':');
    labelled
        || [
            "an earlier version of this",
            "a previous version of this",
            "this story has been updated",
            "this story has been corrected",
            "this article has been updated",
            "this article has been corrected",
        ]
        .iter()
        .any(|w| head.starts_with(w))
}

/// Words of sign-off lines (lower case).
const SIGN_OFF_WORDS: &[&str] = &[
    "contributed",
    "contributing",
    "reporting by",
    "additional reporting",
    "editing by",
    "edited by",
    "writing by",
    "written by",
    "compiled by",
    "translated by",
    "this report",
    "this story",
    "this article",
    "this post",
    "copyright",
    "©",
    "all rights reserved",
    "follow us",
    "can be reached",
    "reach the author",
    "contact the author",
    "mitarbeit",
    "mit material von",
    "avec afp",
    "avec reuters",
    "avec ap",
    "con información de",
    "con informacion de",
];

/// A closing line: one or two sentences, of a few words.
const CLOSING_UNITS: usize = 2;
const CLOSING_WORDS: usize = 20;

/// Fewest words of prose a missing tail holds to be a cut (two sentences of
/// a few words each: `Read more. Subscribe now.` is no article's end).
const MIN_TAIL_WORDS: usize = 12;

/// Words of lone lines the cut side may still have after the cut (a page's
/// `sponsored links` or `Advertisement`): more is text of its own, no cut.
const STRAY_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use crate::align::words::has_quote;

    #[test]
    fn quotation_marks_are_found_by_their_bytes() {
        for s in ["a \"b\"", "“a”", "a ” b", "«a»", "x » y"] {
            assert!(has_quote(s), "{s}");
        }
        for s in ["no quotes", "it’s ‘single’", "a – b … c", "café"] {
            assert!(!has_quote(s), "{s}");
        }
    }
}
