//! A pile of articles on many events, sorted into stories: the articles are
//! indexed, candidate pairs found through shared rare terms, each candidate
//! judged for "same event", the judged pairs clustered, and every story of
//! two or more articles analysed as `story` analyses one.
//!
//! ```text
//! index ─▶ candidates ─▶ judge ─▶ cluster ─▶ analyse each story
//! ```

use super::index::{self, Index};
use super::judge::{self, SAME_EVENT};
use super::{analyse, candidates, cluster, Story, Together};
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
    /// Its most central headline (or opening words).
    pub label: String,
    /// The pile index of the article the label comes from.
    pub central: usize,
    /// First and last publication date (ISO), when any article has one.
    pub dates: Option<(String, String)>,
    /// The outlets carrying it, each once, in order of first article.
    pub outlets: Vec<String>,
    /// The story analysis; its article indices are positions in `articles`.
    pub story: Story,
}

impl Pile {
    /// The story an article belongs to, if any.
    pub fn story_of(&self, article: usize) -> Option<usize> {
        self.stories
            .iter()
            .position(|s| s.articles.binary_search(&article).is_ok())
    }
}

/// Sorts a pile into stories and analyses each.
pub fn sort_pile(articles: &[Article]) -> Pile {
    let index = index::build(articles);
    let pairs = candidates::find(&index);
    let scores = score_all(&index, &pairs);
    let groups = cluster::group(articles.len(), &scores, SAME_EVENT);
    let (groups, singles): (Vec<_>, Vec<_>) = groups.into_iter().partition(|g| g.len() > 1);
    let mut stories = analyse_each(articles, &index, &scores, groups);
    stories.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(a.articles[0].cmp(&b.articles[0]))
    });
    Pile {
        stories,
        singles: singles.into_iter().map(|g| g[0]).collect(),
        candidates: pairs.len(),
    }
}

/// The same-event score of every candidate pair (on both cores for many).
fn score_all(index: &Index, pairs: &[(u32, u32)]) -> Vec<(u32, u32, f64)> {
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

/// Each group analysed as one story (groups shared out between two threads).
fn analyse_each(
    articles: &[Article],
    index: &Index,
    scores: &[(u32, u32, f64)],
    groups: Vec<Vec<usize>>,
) -> Vec<PileStory> {
    let one = |members: &Vec<usize>| story_of_group(articles, index, scores, members);
    if groups.len() < 4 {
        return groups.iter().map(one).collect();
    }
    std::thread::scope(|s| {
        let other = s.spawn(|| {
            groups
                .iter()
                .skip(1)
                .step_by(2)
                .map(one)
                .collect::<Vec<_>>()
        });
        let mut out: Vec<PileStory> = groups.iter().step_by(2).map(one).collect();
        match other.join() {
            Ok(v) => out.extend(v),
            Err(_) => out.extend(groups.iter().skip(1).step_by(2).map(one)),
        }
        out
    })
}

fn story_of_group(
    articles: &[Article],
    index: &Index,
    scores: &[(u32, u32, f64)],
    members: &[usize],
) -> PileStory {
    let subset: Vec<Article> = members.iter().map(|&i| articles[i].clone()).collect();
    let evidence = |a: usize, b: usize| judge::judge(index, members[a], members[b]);
    let story = analyse(&subset, &evidence, Together::OneStory);
    let central = most_central(members, scores);
    PileStory {
        articles: members.to_vec(),
        label: articles[central].title_line(),
        central,
        dates: date_range(members.iter().map(|&i| &articles[i])),
        outlets: outlets(members.iter().map(|&i| &articles[i])),
        story,
    }
}

/// The member with the highest total score to the others (ties: the first).
fn most_central(members: &[usize], scores: &[(u32, u32, f64)]) -> usize {
    let mut total = vec![0.0f64; members.len()];
    for &(a, b, s) in scores {
        let (Ok(x), Ok(y)) = (
            members.binary_search(&(a as usize)),
            members.binary_search(&(b as usize)),
        ) else {
            continue;
        };
        total[x] += s;
        total[y] += s;
    }
    let best = (0..members.len())
        .max_by(|&x, &y| total[x].total_cmp(&total[y]).then(y.cmp(&x)))
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
mod tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    fn pile(texts: &[&str]) -> Vec<Article> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                load_bytes(&format!("{i}.txt"), t.as_bytes(), &LoadOptions::default()).unwrap()
            })
            .collect()
    }

    #[test]
    fn two_events_and_a_single() {
        let articles = pile(&[
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
        ]);
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
