//! Display rows shared by the terminal view and the HTML report: ops in
//! reading order on both sides, a moved passage shown at each of its ends, and
//! equal sentences of one paragraph flowed together.

use std::ops::Range;

use crate::align::{Comparison, OpKind, Side};
use crate::article::Article;

/// What a display group shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    Equal,
    Changed,
    Deleted,
    Inserted,
    /// The old end of a moved passage (the new side shows where it went).
    MovedFrom,
    /// The new end of a moved passage.
    MovedTo,
}

impl GroupKind {
    pub fn is_change(self) -> bool {
        self != GroupKind::Equal
    }
}

/// An aligned passage: old units and new units that start on the same row.
#[derive(Clone, Debug)]
pub struct Group {
    pub kind: GroupKind,
    /// The op it came from (word diffs live there).
    pub op: usize,
    pub old: Range<usize>,
    pub new: Range<usize>,
    /// Every sentence in it is furniture (boilerplate, captions, teasers…).
    pub furniture: bool,
    pub cosmetic: bool,
    /// A paragraph starts here on the old / new side.
    pub breaks: [bool; 2],
    /// For a moved passage, the group of its other end.
    pub peer: Option<usize>,
    /// Alignment by claims: the new side is the old side's partner from
    /// elsewhere in the new article (both stand on this row).
    pub away: bool,
}

pub(crate) fn side_index(side: Side) -> usize {
    match side {
        Side::Old => 0,
        Side::New => 1,
    }
}

impl Group {
    pub fn units(&self, side: Side) -> Range<usize> {
        match side {
            Side::Old => self.old.clone(),
            Side::New => self.new.clone(),
        }
    }
    pub fn breaks_on(&self, side: Side) -> bool {
        self.breaks[side_index(side)]
    }
    /// Whether the blank row before the group is marked `¶` on `side`: a
    /// paragraph starts there on that side and not on the other, and both
    /// sides read on in their own order. By claims a partner from elsewhere
    /// in the new article (`away`) does not, and its paragraphs say
    /// nothing of the old one's.
    pub fn lone_break(&self, side: Side) -> bool {
        let k = side_index(side);
        let both = !self.old.is_empty() && !self.new.is_empty();
        both && !self.away && self.breaks[k] && !self.breaks[1 - k]
    }
}

/// Builds the display groups: ops in reading order on both sides, moved
/// passages shown at each end, runs of equal sentences within one paragraph on
/// both sides flowed together.
pub fn build_groups(c: &Comparison, old: &Article, new: &Article) -> Vec<Group> {
    let mut placed = place_ops(c, old, new);
    mark_paragraph_starts(c, &mut placed.groups);
    let (mut merged, remap) = flow_together(placed.groups);
    for (from, to) in placed.from_group.iter().zip(&placed.to_group) {
        if let (Some(f), Some(t)) = (from, to) {
            let (f, t) = (remap[*f], remap[*t]);
            merged[f].peer = Some(t);
            merged[t].peer = Some(f);
        }
    }
    merged
}

/// The ops as groups in reading order, with the two ends of each move: its
/// group for every op, for each moved op the index of its old end and of its
/// new end.
struct Placed {
    groups: Vec<Group>,
    from_group: Vec<Option<usize>>,
    to_group: Vec<Option<usize>>,
}

/// One group per op in the old side's order, and the new end of each move
/// (in order, not by claims: there a partner out of order stands beside its
/// old sentence) placed where it stands in the new text.
fn place_ops(c: &Comparison, old: &Article, new: &Article) -> Placed {
    let furniture = |side: Side, r: Range<usize>| -> bool {
        let (a, us) = match side {
            Side::Old => (old, &c.old_units),
            Side::New => (new, &c.new_units),
        };
        !r.is_empty() && r.clone().all(|i| !a.blocks[us[i].block].role.is_content())
    };
    let by_claims = c.by_claims.is_some();
    let mut moved_to: Vec<(usize, usize)> = c
        .ops
        .iter()
        .enumerate()
        .filter(|(_, op)| op.kind == OpKind::Moved && !by_claims)
        .map(|(i, op)| (op.new.start, i))
        .collect();
    moved_to.sort();
    let mut moved_to = moved_to.into_iter().peekable();
    let mut placed = Placed {
        groups: Vec::with_capacity(c.ops.len() + moved_to.len()),
        from_group: vec![None; c.ops.len()],
        to_group: vec![None; c.ops.len()],
    };
    // The new end of moved op `k`, shown where it stands in the new text.
    let push_moved_to = |placed: &mut Placed, k: usize| {
        let m = &c.ops[k];
        placed.groups.push(Group {
            kind: GroupKind::MovedTo,
            op: k,
            old: m.old.start..m.old.start,
            new: m.new.clone(),
            furniture: furniture(Side::New, m.new.clone()),
            cosmetic: false,
            breaks: [false, false],
            peer: None,
            away: false,
        });
        placed.to_group[k] = Some(placed.groups.len() - 1);
    };
    for (i, op) in c.ops.iter().enumerate() {
        if (op.kind != OpKind::Moved || by_claims) && !op.new.is_empty() {
            while let Some((_, k)) = moved_to.next_if(|(at, _)| *at < op.new.start) {
                push_moved_to(&mut placed, k);
            }
        }
        let kind = match op.kind {
            OpKind::Equal => GroupKind::Equal,
            OpKind::Changed => GroupKind::Changed,
            OpKind::Deleted => GroupKind::Deleted,
            OpKind::Inserted => GroupKind::Inserted,
            OpKind::Moved if by_claims && op.words.is_empty() && !op.cosmetic => GroupKind::Equal,
            OpKind::Moved if by_claims => GroupKind::Changed,
            OpKind::Moved => GroupKind::MovedFrom,
        };
        let new_range = if kind == GroupKind::MovedFrom {
            op.new.start..op.new.start
        } else {
            op.new.clone()
        };
        let fur = (op.old.is_empty() || furniture(Side::Old, op.old.clone()))
            && (new_range.is_empty() || furniture(Side::New, new_range.clone()));
        placed.groups.push(Group {
            kind,
            op: i,
            old: op.old.clone(),
            new: new_range,
            furniture: fur,
            cosmetic: op.cosmetic,
            breaks: [false, false],
            peer: None,
            away: by_claims && op.kind == OpKind::Moved,
        });
        if kind == GroupKind::MovedFrom {
            placed.from_group[i] = Some(placed.groups.len() - 1);
        }
    }
    for (_, k) in moved_to {
        push_moved_to(&mut placed, k);
    }
    placed
}

/// Paragraph starts on each side (by claims, the new side's only where it
/// reads on in order).
fn mark_paragraph_starts(c: &Comparison, groups: &mut [Group]) {
    let mut last = [usize::MAX, usize::MAX];
    for g in groups.iter_mut() {
        for (k, side) in [(0, Side::Old), (1, Side::New)] {
            let r = g.units(side);
            if k == 1 && g.away {
                continue;
            }
            if let Some(first) = r.clone().next() {
                let block = c.units(side)[first].block;
                g.breaks[k] = last[k] != usize::MAX && block != last[k];
                last[k] = c.units(side)[r.end - 1].block;
            }
        }
    }
}

/// Flows equal sentences of one paragraph together (and runs of deleted or
/// inserted ones); returns the groups and where each old group went.
fn flow_together(groups: Vec<Group>) -> (Vec<Group>, Vec<usize>) {
    let mut merged: Vec<Group> = Vec::with_capacity(groups.len());
    let mut remap = vec![0usize; groups.len()];
    for (i, g) in groups.into_iter().enumerate() {
        if let Some(prev) = merged.last_mut() {
            let same_paragraph = !g.breaks[0] && !g.breaks[1];
            let both_equal = prev.kind == GroupKind::Equal && g.kind == GroupKind::Equal;
            let both_deleted =
                prev.kind == GroupKind::Deleted && g.kind == GroupKind::Deleted && !g.breaks[0];
            let both_inserted =
                prev.kind == GroupKind::Inserted && g.kind == GroupKind::Inserted && !g.breaks[1];
            if prev.furniture == g.furniture
                && prev.away == g.away
                && ((both_equal && same_paragraph) || both_deleted || both_inserted)
                && prev.old.end == g.old.start
                && prev.new.end == g.new.start
            {
                prev.old.end = g.old.end;
                prev.new.end = g.new.end;
                remap[i] = merged.len() - 1;
                continue;
            }
        }
        remap[i] = merged.len();
        merged.push(g);
    }
    (merged, remap)
}
