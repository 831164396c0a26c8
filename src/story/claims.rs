//! The coverage table: claims are clusters of homologous sentences across
//! articles — the same fact or statement, however each outlet words it.

use std::collections::HashMap;

use crate::align::similarity::{distinct, quote_similarity, Profile, Vocab};
use crate::article::{Article, Span};

/// A content sentence of one article.
pub(crate) struct Sent {
    pub article: usize,
    pub span: Span,
    pub profile: Profile,
}

/// Similarity from which two sentences of different articles say the same thing
/// (when each is the other's best match in its article).
const CLAIM_THRESHOLD: f64 = 0.28;
/// Members of each group compared when checking average linkage.
const LINK_SAMPLE: usize = 6;
/// Candidates scored in full for each sentence.
const TOP: usize = 16;
/// Mean similarity two groups of sentences need to form one claim.
const AVERAGE_LINK: f64 = 0.28;
/// Sentences shorter than this carry no claim of their own.
const MIN_WORDS: usize = 4;

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut y = x;
    while parent[y] != r {
        let next = parent[y];
        parent[y] = r;
        y = next;
    }
    r
}

/// Content sentences of every article and the clusters they form (each a list
/// of sentence indices, in article order). Singletons are claims one outlet alone makes.
pub(crate) fn cluster(articles: &[Article]) -> (Vec<Sent>, Vec<Vec<usize>>) {
    let mut vocab = Vocab::default();
    let mut sents = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for b in a.blocks.iter().filter(|b| b.role.is_content()) {
            for &s in &b.sentences {
                let text = &a.text[s.range()];
                // A Chinese or Japanese word is about two characters.
                let units = crate::align::words::count_units(text).len();
                let min = if text.chars().any(crate::article::is_cjk) {
                    2 * MIN_WORDS
                } else {
                    MIN_WORDS
                };
                if units < min {
                    continue;
                }
                sents.push(Sent {
                    article: ai,
                    span: s,
                    profile: vocab.profile(text),
                });
            }
        }
    }
    vocab.freeze();
    let n = sents.len();
    let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, s) in sents.iter().enumerate() {
        for w in distinct(&s.profile.stems) {
            index.entry(w).or_default().push(i);
        }
    }
    // Words in many sentences say little about which claim this is, and cost
    // the most to follow: candidates come from the rarer words only.
    let cap = (n / 40).max(24);
    // best[i] = for each other article, (best sentence, similarity)
    let mut best: Vec<HashMap<usize, (usize, f64)>> = vec![HashMap::new(); n];
    let mut tally = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    for i in 0..n {
        for w in distinct(&sents[i].profile.stems) {
            let list = &index[&w];
            if list.len() > cap {
                continue;
            }
            let weight = vocab.weight(w);
            for &j in list {
                if sents[j].article != sents[i].article {
                    if tally[j] == 0.0 {
                        touched.push(j);
                    }
                    tally[j] += weight;
                }
            }
        }
        let mut cands: Vec<(usize, f64)> = touched.iter().map(|&j| (j, tally[j])).collect();
        for &j in &touched {
            tally[j] = 0.0;
        }
        touched.clear();
        let by_weight =
            |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if cands.len() > TOP {
            cands.select_nth_unstable_by(TOP, by_weight);
            cands.truncate(TOP);
        }
        cands.sort_by(by_weight);
        for &(j, _) in &cands {
            let (pi, pj) = (&sents[i].profile, &sents[j].profile);
            let s = vocab.claim_similarity(pi, pj);
            if s < CLAIM_THRESHOLD {
                continue;
            }
            // Two sentences that share only the story's everyday names
            // ("President Trump", "Europe") are not one claim: at least two
            // of the words they share must be rarer than that, unless they
            // share a quotation.
            let distinctive = shared_stems(&pi.stems, &pj.stems)
                .filter(|w| index[w].len() <= cap)
                .count();
            if distinctive < 2 && quote_similarity(pi, pj) == 0.0 {
                continue;
            }
            let e = best[i].entry(sents[j].article).or_insert((j, s));
            if s > e.1 {
                *e = (j, s);
            }
        }
    }
    // Best matches, strongest first; a claim never holds two
    // sentences of one article (that would chain different statements).
    let mut links: Vec<(f64, usize, usize)> = Vec::new();
    for i in 0..n {
        for &(j, sim) in best[i].values() {
            // Each sentence's best match in each other article; a pair found
            // from both ends is kept once.
            let mutual = best[j].get(&sents[i].article).is_some_and(|&(k, _)| k == i);
            if !mutual || i < j {
                links.push((sim, i.min(j), i.max(j)));
            }
        }
    }
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    links.dedup_by(|a, b| a.1 == b.1 && a.2 == b.2);
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for (_, i, j) in links {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        let (a, b) = (&members[ri], &members[rj]);
        if a.iter()
            .any(|&x| b.iter().any(|&y| sents[x].article == sents[y].article))
        {
            continue;
        }
        // Average linkage: the two groups must agree as a whole, not through
        // one pair, or a chain of near-misses joins different statements.
        // (at most LINK_SAMPLE members of each side, to keep big claims cheap)
        let (sa, sb) = (
            &a[..a.len().min(LINK_SAMPLE)],
            &b[..b.len().min(LINK_SAMPLE)],
        );
        let total: f64 = sa
            .iter()
            .flat_map(|&x| sb.iter().map(move |&y| (x, y)))
            .map(|(x, y)| vocab.claim_similarity(&sents[x].profile, &sents[y].profile))
            .sum();
        if total / ((sa.len() * sb.len()) as f64) < AVERAGE_LINK {
            continue;
        }
        let (keep, gone) = (ri.min(rj), ri.max(rj));
        parent[gone] = keep;
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
    }
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = clusters.into_values().collect();
    out.sort_by_key(|c| c[0]);
    (sents, out)
}

/// The stems two sorted bags share, each once.
fn shared_stems<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    distinct(a).filter(move |w| b.binary_search(w).is_ok())
}
