//! Where `]c`/`[c` go in the compare view: the targets (a change's first
//! passage in order, a pair by claims) and, where a change runs on past the
//! screen, a step through it a screenful at a time, so the keys never say
//! "no more changes" while changed text lies unread below (002 against 003
//! in order is one change of 157 passages and 597 rows).

use super::layout::{Group, GroupKind, Item, Layout};

/// The targets of `]c`: in order, items that begin a run of changed items
/// (and each changed pair inside one); by claims, where nearly every row is
/// a change and the outlets' own sentences are the bulk of both texts, only
/// the rows where the two carry the same claim (a sentence on each side,
/// furniture aside).
pub fn change_starts(layout: &Layout, groups: &[Group], by_claims: bool) -> Vec<usize> {
    if by_claims {
        return (0..layout.items.len())
            .filter(|&i| {
                group(layout, groups, i)
                    .is_some_and(|g| !g.old.is_empty() && !g.new.is_empty() && !g.furniture)
            })
            .collect();
    }
    let mut out = Vec::new();
    let mut in_run = false;
    for i in 0..layout.items.len() {
        let change = is_change(layout, groups, i);
        let paired = group(layout, groups, i).is_some_and(|g| g.kind == GroupKind::Changed);
        if change && (!in_run || paired) {
            out.push(i);
        }
        in_run = change && !paired;
    }
    out
}

fn group<'g>(layout: &Layout, groups: &'g [Group], i: usize) -> Option<&'g Group> {
    match layout.items.get(i)? {
        Item::Group(g) => Some(&groups[*g]),
        Item::Fold { .. } => None,
    }
}

/// Whether item `i` shows a change (a fold shows none: what it hides is
/// what the reader asked not to see).
fn is_change(layout: &Layout, groups: &[Group], i: usize) -> bool {
    group(layout, groups, i).is_some_and(|g| g.kind.is_change())
}

/// The screen a step starts from.
#[derive(Clone, Copy, Debug)]
pub struct Screen {
    /// First content row on screen, and how many rows show.
    pub top: u64,
    pub height: u64,
    /// The item the reader is at (the last jump's, or the one under the
    /// context row).
    pub current: usize,
}

/// A step through a change that runs on past the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOn {
    /// The new top row.
    pub top: u64,
    /// The item the step reads (a passage of the change).
    pub item: usize,
    /// The change's first passage and the passage after its last (items).
    pub run: std::ops::Range<usize>,
}

/// `]c`/`[c` from `at` when the change being read runs on beyond the screen
/// in that direction before the next target: the next passage of it not
/// yet wholly seen, put at the top with a row of context (the one above
/// the screen when going back), or, within a passage taller than the
/// screen, the next screenful (two rows kept). `None` when the plain jump
/// to the next target reads on: no change runs on past the screen, or a
/// target is nearer. By claims (`only_past_targets`), where the outlets'
/// own sentences lie between the pairs, it reads on only past the last
/// pair (or before the first), never instead of the next pair.
pub fn read_on(
    layout: &Layout,
    groups: &[Group],
    targets: &[usize],
    at: Screen,
    forward: bool,
    only_past_targets: bool,
) -> Option<ReadOn> {
    let page = at.height.saturating_sub(2).max(1);
    let total = layout.total_rows();
    let n = layout.items.len();
    if n == 0 {
        return None;
    }
    let change = |i: usize| is_change(layout, groups, i);
    let starts = &layout.starts;
    let target = if forward {
        targets.iter().copied().find(|&t| t > at.current)
    } else {
        targets.iter().rev().copied().find(|&t| t < at.current)
    };
    if only_past_targets && target.is_some() {
        return None;
    }
    if forward {
        let bottom = at.top + at.height;
        if bottom >= total {
            return None;
        }
        // The first item not wholly on screen, when it is a change reached
        // before the next target (a run's own start would be one).
        let first_unseen = layout.item_at(bottom);
        let limit = target.unwrap_or(n);
        let item = (first_unseen..limit).find(|&i| change(i))?;
        if !only_past_targets && item != first_unseen {
            return None;
        }
        let top = if starts[item] > at.top + 1 {
            starts[item] - 1
        } else {
            at.top + page
        };
        Some(ReadOn {
            top,
            item: layout.item_at(top + 1),
            run: run_of(item, n, change),
        })
    } else {
        if at.top == 0 {
            return None;
        }
        // The change holding the row just above the screen, after the
        // previous target (or the target itself, when the reader is inside it).
        let above = layout.item_at(at.top - 1);
        let floor = target.map_or(0, |t| t);
        let item = (floor..=above).rev().find(|&i| change(i))?;
        if !only_past_targets && item != above {
            return None;
        }
        let run = run_of(item, n, change);
        // Where the change starts: its own start target, or by claims the run's start.
        let first = if only_past_targets {
            run.start
        } else {
            targets
                .iter()
                .rev()
                .copied()
                .find(|&t| t <= item)
                .unwrap_or(run.start)
        };
        let reach = at.top.saturating_sub(page);
        if starts[first].saturating_sub(1) >= reach {
            if !only_past_targets && target == Some(first) {
                // The plain jump goes there and counts it.
                return None;
            }
            let top = starts[first].saturating_sub(1);
            return Some(ReadOn {
                top,
                item: first,
                run,
            });
        }
        // The earliest passage whose start a screenful up shows, else a
        // screenful up inside a passage taller than the screen.
        let aligned = (first + 1..=item).find(|&i| {
            starts[i].saturating_sub(1) >= reach && starts[i].saturating_sub(1) < at.top
        });
        let top = aligned.map_or(reach, |i| starts[i] - 1);
        Some(ReadOn {
            top,
            item: layout.item_at(top + 1),
            run,
        })
    }
}

/// The run of changed items around `item`.
fn run_of(item: usize, n: usize, change: impl Fn(usize) -> bool) -> std::ops::Range<usize> {
    let mut start = item;
    while start > 0 && change(start - 1) {
        start -= 1;
    }
    let mut end = item + 1;
    while end < n && change(end) {
        end += 1;
    }
    start..end
}
