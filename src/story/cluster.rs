//! Stories from judged pairs: average-linkage clustering over the candidate
//! graph. Pairs join strongest first, and two groups merge only when they
//! agree on average (pairs never scored count as 0), so one loose link cannot
//! chain two events into one story.
//!
//! Last stage of sorting a pile (`index ─▶ candidates ─▶ judge ─▶ cluster`).

use std::collections::HashMap;

use crate::align::similarity::average_link;

/// Members of each group compared when checking average linkage: enough to
/// tell agreement, bounded so big stories stay cheap.
const LINK_SAMPLE: usize = 12;

/// Groups of articles (each sorted, groups by first member), singletons included.
/// `scores` are (a, b, score) with a < b; pairs below `threshold` never link.
pub(crate) fn group(n: usize, scores: &[(u32, u32, f64)], threshold: f64) -> Vec<Vec<usize>> {
    let lookup: HashMap<(u32, u32), f64> = scores.iter().map(|&(a, b, s)| ((a, b), s)).collect();
    let score = |x: usize, y: usize| {
        let key = (x.min(y) as u32, x.max(y) as u32);
        lookup.get(&key).copied().unwrap_or(0.0)
    };
    let mut links: Vec<&(u32, u32, f64)> = scores.iter().filter(|p| p.2 >= threshold).collect();
    links.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut owner: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for &&(a, b, _) in &links {
        let (ra, rb) = (owner[a as usize], owner[b as usize]);
        if ra == rb {
            continue;
        }
        let (ma, mb) = (&members[ra], &members[rb]);
        if average_link(ma, mb, LINK_SAMPLE, score) < threshold {
            continue;
        }
        let (keep, gone) = if ma.len() >= mb.len() {
            (ra, rb)
        } else {
            (rb, ra)
        };
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            owner[m] = keep;
        }
        members[keep].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_by_key(|g| g[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loose_link_does_not_chain_two_stories() {
        // 0-1-2 agree, 3-4 agree, 2-3 is a single link above the threshold.
        let scores = [
            (0, 1, 0.6),
            (0, 2, 0.5),
            (1, 2, 0.55),
            (3, 4, 0.7),
            (2, 3, 0.25),
        ];
        let groups = group(6, &scores, 0.2);
        assert_eq!(groups, vec![vec![0, 1, 2], vec![3, 4], vec![5]]);
    }

    #[test]
    fn nothing_above_the_threshold_leaves_singles() {
        let groups = group(3, &[(0, 1, 0.1)], 0.2);
        assert_eq!(groups, vec![vec![0], vec![1], vec![2]]);
    }
}
