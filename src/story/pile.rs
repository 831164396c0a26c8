//! A pile of articles on many events, sorted into stories: the articles are
//! indexed, candidate pairs found through shared rare terms, each candidate
//! judged for "same event", the judged pairs clustered, and every story of
//! two or more articles analysed as `story` analyses one.
//!
//! ```text
//! index ─▶ candidates ─▶ judge ─▶ cluster ─▶ analyse each story
//! ```

use super::index::{self, Index};
use super::judge::{self, Evidence, SAME_EVENT};
use super::{candidates, cluster, complete, outline, Story};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::article::Article;

/// A pile sorted into stories.
#[derive(Clone, Debug)]
pub struct Pile {
    /// Stories of two or more articles, the biggest first.
    pub stories: Vec<PileStory>,
    /// Articles that share a story with no other, in pile order.
    pub singles: Vec<usize>,
    /// Pairs the index proposed and the judge scored (never all pairs).
    pub candidates: usize,
}

/// One story of a pile.
#[derive(Clone, Debug)]
pub struct PileStory {
    /// The pile's indices of its articles, in pile order.
    pub articles: Vec<usize>,
    /// The headline of its most central article that has one (else the
    /// most central article's opening words).
    pub label: String,
    /// The pile index of the article the label comes from.
    pub central: usize,
    /// First and last publication date (ISO), when any article has one.
    pub dates: Option<(String, String)>,
    /// The outlets carrying it, each once, in order of first article.
    pub outlets: Vec<String>,
    /// The story analysis; its article indices are positions in `articles`.
    /// `sort_pile` gives its outline (pairs and reprint groups);
    /// `complete` or `Pile::complete` the rest.
    pub story: Story,
}

impl PileStory {
    /// Its articles, and its analysis in full.
    pub fn complete(&self, articles: &[Article]) -> (Vec<Article>, Story) {
        let subset: Vec<Article> = self.articles.iter().map(|&i| articles[i].clone()).collect();
        let story = complete(&subset, self.story.clone());
        (subset, story)
    }
}

impl Pile {
    /// Every story analysed in full (on both cores), as the pile's JSON,
    /// Markdown and HTML reports show them.
    pub fn complete(&mut self, articles: &[Article]) {
        let stories = std::mem::take(&mut self.stories);
        self.stories = on_both_cores(stories, |mut s| {
            s.story = s.complete(articles).1;
            s
        });
    }

    /// The story an article belongs to, if any.
    pub fn story_of(&self, article: usize) -> Option<usize> {
        self.stories
            .iter()
            .position(|s| s.articles.binary_search(&article).is_ok())
    }
}

/// Sorts a pile into stories, each with its outline (pairs and reprint
/// groups); `Pile::complete` analyses them in full.
pub fn sort_pile(articles: &[Article]) -> Pile {
    let index = index::build(articles);
    let pairs = candidates::find(&index);
    let alone = judged_alone(&index, &pairs);
    let scores = score_all(&index, &pairs, &alone);
    let groups = cluster::group(articles.len(), &scores, SAME_EVENT);
    let (mut groups, singles): (Vec<_>, Vec<_>) = groups.into_iter().partition(|g| g.len() > 1);
    // The biggest first (also the costliest to analyse).
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let centrality = centrality(articles.len(), &groups, &scores);
    let stories = analyse_each(articles, &index, &centrality, groups, &alone);
    Pile {
        stories,
        singles: singles.into_iter().map(|g| g[0]).collect(),
        candidates: pairs.len(),
    }
}

/// A few articles the reader hands in together (`storydiff A B C`): the
/// story they name, whatever one pair's evidence says, unless they sort into
/// two stories or more (two events). A pile of one story and singles, or of
/// singles alone, is one story of them all; in its pair list a pair the
/// evidence does not tie stays `unrelated`. Of the same-event set's events,
/// each passed alone, 107 of 150 sort into one story; 43 came out as a pile
/// of a story and a single, or of singles, with no story view to open.
pub fn sort_named(articles: &[Article]) -> Pile {
    let pile = sort_pile(articles);
    let one = pile.stories.len() == 1 && pile.singles.is_empty();
    if articles.len() < 2 || articles.len() > SMALL_PILE || pile.stories.len() >= 2 || one {
        return pile;
    }
    let index = index::build(articles);
    let n = articles.len() as u32;
    let pairs: Vec<(u32, u32)> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
        .collect();
    let alone = judged_alone(&index, &pairs);
    let scores = score_all(&index, &pairs, &alone);
    let members: Vec<usize> = (0..articles.len()).collect();
    let centrality = centrality(articles.len(), std::slice::from_ref(&members), &scores);
    Pile {
        stories: vec![story_of_group(
            articles,
            &index,
            &centrality,
            &members,
            &alone,
        )],
        singles: Vec::new(),
        candidates: pile.candidates,
    }
}

/// Piles up to this many articles are judged pair by pair on each pair's own
/// evidence (rarity weighed over the two, as `diff` and the story's pair list
/// read it). Over three write-ups of one event, rarity across the pile takes
/// the words all three share — the event's own — for everyday ones: the
/// BBC's and TheBlaze's reports of one lawsuit (same-event 5684) scored 0.152
/// in the pile of the three, 0.173 alone, while the third outlet joined each.
/// On the same-event set, each event's write-ups passed alone come out as one
/// story in 107 of 150 events (was 95), and piles of two neighbouring events
/// (up to six articles) join no pair across the two, as before.
const SMALL_PILE: usize = 6;

/// In a small pile, every candidate pair judged alone: its score, and the
/// evidence its story shows (judged once for both).
fn judged_alone(index: &Index, pairs: &[(u32, u32)]) -> Vec<((u32, u32), Evidence)> {
    if index.docs.len() > SMALL_PILE {
        return Vec::new();
    }
    pairs
        .iter()
        .map(|&(a, b)| ((a, b), judge::judge_alone(index, a as usize, b as usize)))
        .collect()
}

/// The same-event score of every candidate pair (on both cores for many):
/// in a small pile the pair's judged alone.
fn score_all(
    index: &Index,
    pairs: &[(u32, u32)],
    alone: &[((u32, u32), Evidence)],
) -> Vec<(u32, u32, f64)> {
    if !alone.is_empty() || pairs.is_empty() {
        return alone
            .iter()
            .map(|&((a, b), ref e)| (a, b, e.score))
            .collect();
    }
    let score = |&(a, b): &(u32, u32)| (a, b, judge::score(index, a as usize, b as usize));
    if pairs.len() < 4096 {
        return pairs.iter().map(score).collect();
    }
    let (first, second) = pairs.split_at(pairs.len() / 2);
    std::thread::scope(|s| {
        let other = s.spawn(|| second.iter().map(score).collect::<Vec<_>>());
        let mut out: Vec<_> = first.iter().map(score).collect();
        out.extend(
            other
                .join()
                .unwrap_or_else(|_| second.iter().map(score).collect()),
        );
        out
    })
}

/// Each group outlined as one story, on both cores.
fn analyse_each(
    articles: &[Article],
    index: &Index,
    centrality: &[f64],
    groups: Vec<Vec<usize>>,
    alone: &[((u32, u32), Evidence)],
) -> Vec<PileStory> {
    on_both_cores(groups, |members| {
        story_of_group(articles, index, centrality, &members, alone)
    })
}

/// `f` of every item, in order, on two threads that take the next item from a
/// shared counter (the costliest first, by the caller's order) so neither
/// core idles while the other finishes a big one.
pub(super) fn on_both_cores<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    if items.len() < 4 {
        return items.into_iter().map(f).collect();
    }
    let count = items.len();
    let slots: Vec<std::sync::Mutex<Option<T>>> = items
        .into_iter()
        .map(|t| std::sync::Mutex::new(Some(t)))
        .collect();
    let next = AtomicUsize::new(0);
    let take = |i: usize| slots[i].lock().unwrap_or_else(|p| p.into_inner()).take();
    let work = || {
        let mut done: Vec<(usize, R)> = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                return done;
            }
            if let Some(t) = take(i) {
                done.push((i, f(t)));
            }
        }
    };
    let mut done = std::thread::scope(|s| {
        let other = s.spawn(work);
        let mut done = work();
        done.extend(
            other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        done
    });
    done.sort_by_key(|d| d.0);
    done.into_iter().map(|d| d.1).collect()
}

fn story_of_group(
    articles: &[Article],
    index: &Index,
    centrality: &[f64],
    members: &[usize],
    alone: &[((u32, u32), Evidence)],
) -> PileStory {
    let subset: Vec<&Article> = members.iter().map(|&i| &articles[i]).collect();
    let evidence = |a: usize, b: usize| {
        let (a, b) = (members[a], members[b]);
        match alone.iter().find(|(p, _)| *p == (a as u32, b as u32)) {
            Some((_, e)) => e.clone(),
            None => judge::judge_alone(index, a, b),
        }
    };
    let story = outline(&subset, &evidence);
    let central = labelling_article(articles, members, centrality);
    PileStory {
        articles: members.to_vec(),
        label: articles[central].title_line(),
        central,
        dates: date_range(members.iter().map(|&i| &articles[i])),
        outlets: outlets(members.iter().map(|&i| &articles[i])),
        story,
    }
}

/// Each article's total score to the other articles of its group: how
/// central it is to its story (one pass over the scored pairs).
fn centrality(n: usize, groups: &[Vec<usize>], scores: &[(u32, u32, f64)]) -> Vec<f64> {
    let mut group_of = vec![usize::MAX; n];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let mut total = vec![0.0f64; n];
    for &(a, b, s) in scores {
        let (a, b) = (a as usize, b as usize);
        if group_of[a] == group_of[b] && group_of[a] != usize::MAX {
            total[a] += s;
            total[b] += s;
        }
    }
    total
}

/// The article a story is labelled by: its most central member with a
/// headline, else its most central member (opening words). A story whose
/// most central article has no headline is still labelled by a title some
/// member carries.
fn labelling_article(articles: &[Article], members: &[usize], centrality: &[f64]) -> usize {
    let titled: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| articles[i].meta.title.is_some())
        .collect();
    if titled.is_empty() {
        most_central(members, centrality)
    } else {
        most_central(&titled, centrality)
    }
}

/// The member with the highest total score to the others (ties: the first).
fn most_central(members: &[usize], centrality: &[f64]) -> usize {
    let best = (0..members.len())
        .max_by(|&x, &y| {
            centrality[members[x]]
                .total_cmp(&centrality[members[y]])
                .then(y.cmp(&x))
        })
        .unwrap_or(0);
    members[best]
}

fn date_range<'a>(articles: impl Iterator<Item = &'a Article>) -> Option<(String, String)> {
    let dates: Vec<&str> = articles
        .filter_map(|a| a.meta.date.as_deref())
        .filter(|d| index::day_number(d).is_some())
        .map(|d| &d[..10])
        .collect();
    let first = dates.iter().min()?;
    let last = dates.iter().max()?;
    Some((first.to_string(), last.to_string()))
}

fn outlets<'a>(articles: impl Iterator<Item = &'a Article>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in articles {
        if let Some(o) = &a.meta.outlet {
            if !out.contains(o) {
                out.push(o.clone());
            }
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    /// `texts` loaded as articles `0.txt`, `1.txt`, …
    pub(crate) fn pile(texts: &[&str]) -> Vec<Article> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                load_bytes(&format!("{i}.txt"), t.as_bytes(), &LoadOptions::default()).unwrap()
            })
            .collect()
    }

    /// Two events reported twice each, and an article on neither.
    pub(crate) const TWO_EVENTS_AND_A_SINGLE: [&str; 5] = [
        "Tunnel shut\n\nFlooding closed the Varnholt tunnel on Tuesday after heavy rain, \
         the roads agency said. Engineers expect the Varnholt tunnel to reopen next week.",
        "Chess title for Oslo teenager\n\nA fourteen-year-old from Oslo won the Nordic \
         chess championship in Bergen, beating three grandmasters.",
        "Varnholt tunnel flooded\n\nThe Varnholt tunnel was closed on Tuesday when heavy \
         rain flooded it; engineers hope to reopen it next week.",
        "Bergen chess upset\n\nThe Nordic chess championship in Bergen went to a \
         fourteen-year-old from Oslo who beat three grandmasters.",
        "Harvest festival\n\nThe village of Lunde held its apple harvest festival with \
         a parade and a cider tasting.",
    ];

    #[test]
    fn two_events_and_a_single() {
        let articles = pile(&TWO_EVENTS_AND_A_SINGLE);
        let p = sort_pile(&articles);
        let mut found: Vec<Vec<usize>> = p.stories.iter().map(|s| s.articles.clone()).collect();
        found.sort();
        assert_eq!(found, vec![vec![0, 2], vec![1, 3]]);
        assert_eq!(p.singles, vec![4]);
        for s in &p.stories {
            assert_eq!(s.story.pairs.len(), 1);
            assert!(s.story.pairs[0].evidence.terms.len() >= 3);
        }
    }
}
