//! Candidate pairs: articles that share terms rare in the pile, found through
//! the index's postings — never by comparing every article with every other.
//!
//! Second stage of sorting a pile (`index ─▶ candidates ─▶ judge ─▶ cluster`).

use super::index::Index;

/// A term carried by more articles than this says little about which event
/// an article reports, and following its postings costs the most: candidates
/// come from rarer terms (the score still counts every term).
fn common_from(articles: usize) -> usize {
    (articles / 20).max(64)
}

/// Candidates kept per article, the strongest first: a story rarely has more
/// articles than this, and it bounds the work whatever the pile.
const PER_ARTICLE: usize = 64;

/// Partial cosine (over the rarer terms) from which a pair is worth scoring:
/// well below the same-event threshold, so no pair that could reach it is lost.
const FLOOR: f32 = 0.05;

/// Pairs (a < b) worth judging, each once, sorted.
pub(crate) fn find(index: &Index) -> Vec<(u32, u32)> {
    let n = index.docs.len();
    let cap = common_from(n);
    let pairs_of_some = |first: usize, step: usize| {
        let mut tally = Tally::new(n);
        (first..n)
            .step_by(step)
            .flat_map(|i| pairs_of(index, i, cap, &mut tally))
            .collect::<Vec<_>>()
    };
    let mut pairs: Vec<(u32, u32)> = if n < 256 {
        pairs_of_some(0, 1)
    } else {
        // Both cores: even articles on one, odd on the other.
        std::thread::scope(|s| {
            let other = s.spawn(|| pairs_of_some(1, 2));
            let mut out = pairs_of_some(0, 2);
            out.extend(
                other
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
            out
        })
    };
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Partial cosines of one article with the others: a score per article and
/// the list of those touched, reused from one article to the next (a map
/// would hash every posting).
struct Tally {
    score: Vec<f32>,
    touched: Vec<u32>,
}

impl Tally {
    fn new(n: usize) -> Tally {
        Tally {
            score: vec![0.0; n],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, j: u32, s: f32) {
        let slot = &mut self.score[j as usize];
        if *slot == 0.0 {
            self.touched.push(j);
        }
        *slot += s;
    }

    /// The scores at least `floor`, and every score back to zero.
    fn drain(&mut self, floor: f32) -> Vec<(u32, f32)> {
        let mut out = Vec::new();
        for j in self.touched.drain(..) {
            let s = std::mem::take(&mut self.score[j as usize]);
            if s >= floor {
                out.push((j, s));
            }
        }
        out
    }
}

/// The strongest partners of article `i` (each pair named with the smaller index first).
fn pairs_of(index: &Index, i: usize, cap: usize, tally: &mut Tally) -> Vec<(u32, u32)> {
    for &(t, w) in &index.docs[i].terms {
        let list = &index.postings[t.0 as usize];
        if list.len() > cap {
            continue;
        }
        for &(j, wj) in list {
            if j as usize != i && w * wj > 0.0 {
                tally.add(j, w * wj);
            }
        }
    }
    let mut found = tally.drain(FLOOR);
    let by_strength = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if found.len() > PER_ARTICLE {
        found.select_nth_unstable_by(PER_ARTICLE, by_strength);
        found.truncate(PER_ARTICLE);
    }
    let i = i as u32;
    found
        .into_iter()
        .map(|(j, _)| (i.min(j), i.max(j)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::index;

    #[test]
    fn pairs_come_from_shared_rare_terms_only() {
        let texts = [
            "Flooding closed the Varnholt tunnel on Tuesday, officials said.",
            "The Varnholt tunnel stays shut after Tuesday's flooding.",
            "A chess prodigy from Oslo won the regional title.",
        ];
        let articles = crate::story::test_pile(&texts);
        let pairs = find(&index::build(&articles));
        assert_eq!(pairs, vec![(0, 1)]);
    }
}
