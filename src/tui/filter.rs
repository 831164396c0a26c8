//! Edit classes in the compare view: the filter that shows all changes,
//! fact changes only or cosmetic changes only, the gutter badges, the
//! targets of `]f`/`[f`, and the class counts of the status line.

use crate::align::{ClassCounts, Comparison, EditClass, Op, OpKind};
use crate::rows::{Group, GroupKind};
use crate::tui::layout::{Item, Layout};

/// Which changes the compare view shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ClassFilter {
    #[default]
    All,
    /// Changes with a fact class: number, name, quote, attribution,
    /// negation, hedge.
    Facts,
    /// Changes that are cosmetic only.
    Cosmetic,
}

impl ClassFilter {
    /// The next filter in the cycle all → facts → cosmetic → all.
    pub fn next(self) -> ClassFilter {
        match self {
            ClassFilter::All => ClassFilter::Facts,
            ClassFilter::Facts => ClassFilter::Cosmetic,
            ClassFilter::Cosmetic => ClassFilter::All,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ClassFilter::All => "all changes",
            ClassFilter::Facts => "fact changes only",
            ClassFilter::Cosmetic => "cosmetic changes only",
        }
    }

    /// Whether `op` passes the filter.
    pub fn shows_op(self, op: &Op) -> bool {
        match self {
            ClassFilter::All => true,
            ClassFilter::Facts => op.classes.has_fact(),
            ClassFilter::Cosmetic => op.classes.is_cosmetic_only(),
        }
    }

    /// Whether group `g` stays on screen (everything else is folded away).
    pub fn shows(self, c: &Comparison, g: &Group) -> bool {
        self == ClassFilter::All || c.ops.get(g.op).is_some_and(|op| self.shows_op(op))
    }
}

/// The gutter badges of a group: one fact class per row, most telling
/// first, at the old end (the new end of a moved passage shows its own).
pub fn badges(c: &Comparison, g: &Group) -> Vec<char> {
    let Some(op) = c.ops.get(g.op) else {
        return Vec::new();
    };
    if !matches!(op.kind, OpKind::Changed | OpKind::Moved) || g.kind == GroupKind::Equal {
        return Vec::new();
    }
    op.classes.facts().map(EditClass::badge).collect()
}

/// Items holding a fact change, in order (targets of `]f` and `[f`).
pub fn fact_items(layout: &Layout, groups: &[Group], c: &Comparison) -> Vec<usize> {
    layout
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Item::Group(g) => {
                let group = &groups[*g];
                let fact = c.ops.get(group.op).is_some_and(|op| op.classes.has_fact());
                // A moved passage counts once, where it left.
                (fact && group.kind != GroupKind::MovedTo).then_some(i)
            }
            Item::Fold { .. } => None,
        })
        .collect()
}

/// The class counts for the status line: fact badges with their counts,
/// then wording and cosmetic (`#2 "1 @1 w3 c1`); empty when nothing is
/// classified.
pub fn status_counts(counts: &ClassCounts) -> String {
    let mut parts: Vec<String> = EditClass::FACTS
        .iter()
        .filter(|&&c| counts.get(c) > 0)
        .map(|&c| format!("{}{}", c.badge(), counts.get(c)))
        .collect();
    for (c, letter) in [(EditClass::Wording, 'w'), (EditClass::Cosmetic, 'c')] {
        if counts.get(c) > 0 {
            parts.push(format!("{letter}{}", counts.get(c)));
        }
    }
    parts.join(" ")
}

/// The class counts in words, for a status line with room for them:
/// `edits: 2 number, 1 name, 4 cosmetic` says what `#2 N1 c4` stands for.
pub fn status_words(counts: &ClassCounts) -> String {
    let parts: Vec<String> = EditClass::FACTS
        .iter()
        .chain(&[EditClass::Wording, EditClass::Cosmetic])
        .filter(|&&c| counts.get(c) > 0)
        .map(|&c| format!("{} {}", counts.get(c), c.as_str()))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("edits: {}", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Classes;

    #[test]
    fn the_filter_cycles_through_three_views() {
        let f = ClassFilter::default();
        assert_eq!(f, ClassFilter::All);
        assert_eq!(f.next().next().next(), ClassFilter::All);
        assert_eq!(f.next(), ClassFilter::Facts);
    }

    #[test]
    fn status_counts_read_without_colour() {
        let mut counts = ClassCounts::default();
        counts.add(Classes::of(&[EditClass::Quote, EditClass::Name]));
        counts.add(Classes::of(&[EditClass::Cosmetic]));
        assert_eq!(status_counts(&counts), "N1 \"1 c1");
        assert_eq!(status_counts(&ClassCounts::default()), "");
        assert_eq!(status_words(&counts), "edits: 1 name, 1 quote, 1 cosmetic");
        assert_eq!(status_words(&ClassCounts::default()), "");
    }
}
