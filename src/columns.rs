//! The rows of the column view, shared by the terminal and the HTML story
//! report: a few articles of a story side by side, one row per claim. Claims
//! the first article carries come in its order, from its first sentence; a
//! claim it lacks comes after the nearest claim before it, in the first
//! column (in column order) that carries it, that is already placed, so each
//! article's own material sits under what it follows.

use std::collections::HashSet;

use crate::align::longest_increasing;
use crate::article::Span;
use crate::story::Story;

/// One row: a claim and the sentence each column's article carries for it.
#[derive(Clone, Debug)]
pub struct ColumnRow {
    /// The claim (an index into `Story::claims`).
    pub claim: usize,
    /// Per column: the sentence carrying the claim, if the article does.
    pub cells: Vec<Option<Span>>,
    /// Per column: the sentence stands out of its own article's order here.
    pub away: Vec<bool>,
}

impl ColumnRow {
    /// How many columns carry the claim.
    pub fn carried(&self) -> usize {
        self.cells.iter().filter(|c| c.is_some()).count()
    }
}

/// The rows for `columns` (article indices, the first one leading).
pub fn column_rows(story: &Story, columns: &[usize]) -> Vec<ColumnRow> {
    let sentences = sentences_by_column(story, columns);
    let order = row_order(&sentences);
    let mut rows: Vec<ColumnRow> = order
        .iter()
        .map(|&claim| ColumnRow {
            claim,
            cells: columns
                .iter()
                .map(|&a| {
                    story.claims[claim]
                        .occurrences
                        .iter()
                        .find(|o| o.article == a)
                        .map(|o| o.span)
                })
                .collect(),
            away: vec![false; columns.len()],
        })
        .collect();
    mark_out_of_order(&mut rows);
    rows
}

/// Each column's sentences that carry a claim, in its article's order:
/// (start byte, claim).
fn sentences_by_column(story: &Story, columns: &[usize]) -> Vec<Vec<(usize, usize)>> {
    columns
        .iter()
        .map(|&a| {
            let mut v: Vec<(usize, usize)> = story
                .claims
                .iter()
                .enumerate()
                .flat_map(|(k, c)| {
                    c.occurrences
                        .iter()
                        .filter(move |o| o.article == a)
                        .map(move |o| (o.span.start, k))
                })
                .collect();
            v.sort_unstable();
            v
        })
        .collect()
}

/// Claims in row order: the first column's, then each later column's claims
/// not yet placed, each after the row of its nearest placed predecessor. The
/// run a column opens with, before any claim already placed, goes just before
/// the first placed claim it leads up to, never above the first row (the
/// leading column's first sentence heads the view); a column that shares no
/// placed claim adds its own at the end.
fn row_order(sentences: &[Vec<(usize, usize)>]) -> Vec<usize> {
    let mut rows: Vec<usize> = Vec::new();
    let mut placed: HashSet<usize> = HashSet::new();
    for column in sentences {
        // Where the column's next new claim goes: unknown until it meets a
        // placed claim, and the new ones met before wait in `opening`.
        let mut cursor: Option<usize> = None;
        let mut opening: Vec<usize> = Vec::new();
        for &(_, claim) in column {
            if !placed.insert(claim) {
                let Some(at) = rows.iter().position(|&c| c == claim) else {
                    continue; // met twice in the opening run
                };
                let mut next = at + 1;
                if cursor.is_none() {
                    let before = at.max(1);
                    let n = opening.len();
                    rows.splice(before..before, opening.drain(..));
                    next = if before <= at { next + n } else { before + n };
                }
                cursor = Some(next);
                continue;
            }
            match cursor.as_mut() {
                None => opening.push(claim),
                Some(at) => {
                    rows.insert(*at, claim);
                    *at += 1;
                }
            }
        }
        rows.append(&mut opening);
    }
    rows
}

/// Marks, per column, the cells whose sentences do not follow their
/// article's order down the rows (all but a longest increasing run).
fn mark_out_of_order(rows: &mut [ColumnRow]) {
    let columns = rows.first().map_or(0, |r| r.cells.len());
    for k in 0..columns {
        let cells: Vec<(usize, usize)> = rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.cells[k].map(|s| (i, s.start)))
            .collect();
        let keep = longest_increasing(&cells.iter().map(|c| c.1).collect::<Vec<_>>());
        for (j, &(i, _)) in cells.iter().enumerate() {
            rows[i].away[k] = !keep[j];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_columns_slot_in_after_their_predecessor() {
        // Column 0 carries claims 0, 1, 2; column 1 carries 1, 7, 8, 2.
        let order = row_order(&[
            vec![(0, 0), (10, 1), (20, 2)],
            vec![(0, 1), (5, 7), (9, 8), (12, 2)],
        ]);
        assert_eq!(order, vec![0, 1, 7, 8, 2]);
        // A column's opening run goes before the placed claim it leads up
        // to, but under the first row, and what follows that claim after it.
        let order = row_order(&[
            vec![(0, 0), (10, 1), (20, 2)],
            vec![(0, 5), (4, 6), (8, 2), (12, 9)],
        ]);
        assert_eq!(order, vec![0, 1, 5, 6, 2, 9]);
        let order = row_order(&[vec![(0, 3), (5, 4)], vec![(0, 5), (4, 3), (9, 6)]]);
        assert_eq!(order, vec![3, 5, 6, 4]);
        // A column sharing nothing placed comes after the rest.
        let order = row_order(&[vec![(0, 0), (10, 1)], vec![(0, 7), (5, 8)]]);
        assert_eq!(order, vec![0, 1, 7, 8]);
    }
}
