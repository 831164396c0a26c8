//! Story analysis: many articles, one story — which are reprints of which,
//! who is quoted where, and which claims each outlet carries or leaves out.
//!
//! Third stage of the flow (`article ─▶ story ─▶ report/tui`), beside the
//! pairwise engine, which it uses for the pairs worth a full alignment.

mod altered;
mod candidates;
mod claims;
mod cluster;
mod disagreements;
mod pile;
#[cfg(test)]
pub(crate) use pile::tests::{pile as test_pile, TWO_EVENTS_AND_A_SINGLE};
mod quotes;
mod wording;

use std::collections::{HashMap, HashSet};

use crate::align::evidence::{index, judge};
use crate::align::{align, overlap, AlignOptions, Relation, SharedClaim};
use crate::article::{Article, Span};
pub use wording::{no_wording_sentence, Wording, WordingKind, NO_WORDING, WORDING_LEFT_OUT};

pub use altered::QuoteVariant;
pub use disagreements::Disagreement;

pub use judge::{Evidence, SAME_EVENT};
pub use pile::{sort_named, sort_pile, Pile, PileStory};

/// One unordered pair of articles.
#[derive(Clone, Debug)]
pub struct PairSummary {
    pub a: usize,
    pub b: usize,
    pub relation: Relation,
    pub similarity: f64,
    /// Claims both carry.
    pub shared_sentences: usize,
    /// Quotations both carry.
    pub shared_quotes: usize,
    /// Whether the pair was aligned in full (else judged from cheap signals).
    pub aligned: bool,
    /// What the two share, weighted by rarity, and the same-event score.
    pub evidence: Evidence,
}

/// Where something occurs: a byte range of one article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    pub article: usize,
    pub span: Span,
}

/// A quotation and everywhere it is carried.
#[derive(Clone, Debug)]
pub struct Quote {
    /// The wording most articles agree with (then the fullest): an
    /// altered quotation is headed by what most outlets print.
    pub text: String,
    pub speaker: Option<String>,
    pub occurrences: Vec<Occurrence>,
    /// Outlets carry it in different words (not only more or fewer of them).
    pub altered: bool,
    /// For an altered quotation: each other wording against `text`.
    pub variants: Vec<QuoteVariant>,
    /// Articles that name another person as the speaker (`Paul Krugman`
    /// where the others say `Eswar Prasad`), with that name.
    pub other_speakers: Vec<(usize, String)>,
}

/// The articles of some occurrences, each once, in order.
fn articles_of(occurrences: &[Occurrence]) -> Vec<usize> {
    let mut v: Vec<usize> = occurrences.iter().map(|o| o.article).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Most widely carried first, then by where they first occur.
fn by_reach(a: &[Occurrence], b: &[Occurrence]) -> std::cmp::Ordering {
    articles_of(b)
        .len()
        .cmp(&articles_of(a).len())
        .then(a[0].article.cmp(&b[0].article))
        .then(a[0].span.start.cmp(&b[0].span.start))
}

impl Quote {
    /// The articles carrying it, each once, in order.
    pub fn articles(&self) -> Vec<usize> {
        articles_of(&self.occurrences)
    }

    /// Who said it, for a reader: the speaker (or `speaker not given`), and
    /// the articles that name someone else (`Eswar Prasad; [5] says Paul
    /// Krugman`).
    pub fn speaker_line(&self) -> String {
        let mut line = self
            .speaker
            .clone()
            .unwrap_or_else(|| "speaker not given".into());
        for (article, name) in &self.other_speakers {
            line.push_str(&format!("; [{article}] says {name}"));
        }
        line
    }
}

/// A claim — homologous sentences across articles — and where it is carried.
#[derive(Clone, Debug)]
pub struct Claim {
    pub text: String,
    pub occurrences: Vec<Occurrence>,
}

impl Claim {
    /// The articles carrying it, each once, in order.
    pub fn articles(&self) -> Vec<usize> {
        articles_of(&self.occurrences)
    }
}

/// The analysis of a story.
#[derive(Clone, Debug)]
pub struct Story {
    /// One per unordered pair (a < b), pruned pairs included.
    pub pairs: Vec<PairSummary>,
    /// Reprint groups: articles connected by `identical`/`reprint` pairs.
    pub groups: Vec<Vec<usize>>,
    /// Quotations, those carried by most articles first.
    pub quotes: Vec<Quote>,
    /// Claims, those carried by most articles first; a claim of one article is
    /// what that outlet alone says.
    pub claims: Vec<Claim>,
    /// Word substitutions between outlets' versions of one claim, most
    /// frequent first.
    pub wording: Vec<Wording>,
    /// Claims whose numbers or names differ between outlets.
    pub disagreements: Vec<Disagreement>,
    /// Only the outline is known (pairs and reprint groups, as sorting a pile
    /// finds them): quotes, claims, wording, disagreements and the pairs'
    /// shared counts wait for `complete`.
    pub partial: bool,
}

impl Story {
    pub fn pair(&self, a: usize, b: usize) -> Option<&PairSummary> {
        let (a, b) = (a.min(b), a.max(b));
        self.pairs.iter().find(|p| p.a == a && p.b == b)
    }

    /// Claims carried by at least half of the other articles (or by an article
    /// of its reprint group) that `article` leaves out.
    pub fn left_out(&self, article: usize, articles: usize) -> Vec<usize> {
        let group: Vec<usize> = self
            .groups
            .iter()
            .find(|g| g.contains(&article))
            .cloned()
            .unwrap_or_default();
        self.claims
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let arts = c.articles();
                if arts.contains(&article) {
                    return false;
                }
                let in_group = arts.iter().any(|a| group.contains(a));
                in_group || (articles > 2 && arts.len() * 2 >= articles - 1 && arts.len() >= 2)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// Claims only `article` carries.
    pub fn only_in(&self, article: usize) -> Vec<usize> {
        self.claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.articles() == [article])
            .map(|(i, _)| i)
            .collect()
    }
}

/// Five-word shingles of content text, hashed: a cheap reprint signal.
/// Chinese and Japanese characters count as words, as in word counts.
fn shingles(a: &Article) -> Vec<u64> {
    let words: Vec<u64> = a
        .blocks
        .iter()
        .filter(|b| b.role.is_content())
        .flat_map(|b| crate::align::words::count_units(&a.text[b.span.range()]))
        .filter_map(word_hash)
        .collect();
    let mut out: Vec<u64> = words
        .windows(5)
        .map(|w| w.iter().fold(0u64, |h, &x| mix(h ^ x)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A word's letters and digits, lower-cased, hashed (none for a word of
/// punctuation only); no allocation, as every word of a pile passes here.
fn word_hash(word: &str) -> Option<u64> {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut any = false;
    for c in word.chars().filter(|c| c.is_alphanumeric()) {
        for l in c.to_lowercase() {
            h = (h ^ u64::from(u32::from(l))).wrapping_mul(0x0100_0000_01b3);
            any = true;
        }
    }
    any.then_some(h)
}

/// A 64-bit finaliser (splitmix64): spreads a word hash before the next joins it.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn containment(a: &[u64], b: &[u64]) -> f64 {
    let n = crate::align::overlap::count_shared_sorted(a, b);
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        0.0
    } else {
        n as f64 / shorter as f64
    }
}

/// Shingle containment from which a pair is aligned in full (a likely reprint).
const ALIGN_FROM: f64 = 0.2;

/// Analyses the story the articles tell: they are taken as one story, and a
/// pair that is not a reprint is `related` when the same-event evidence for
/// the two says so (rarity weighed over the pair, as `diff` weighs it).
pub fn story(articles: &[Article]) -> Story {
    let index = index::build(articles);
    analyse(articles, &|a, b| judge::judge_alone(&index, a, b))
}

/// The analysis of one story, stage by stage; `evidence` judges a pair of
/// these articles (by their indices here).
pub(crate) fn analyse(
    articles: &[Article],
    evidence: &(dyn Fn(usize, usize) -> Evidence + Sync),
) -> Story {
    let refs: Vec<&Article> = articles.iter().collect();
    complete(articles, outline(&refs, evidence))
}

/// The outline of a story: every pair's relation, similarity and evidence,
/// and the reprint groups — what the list of a pile's stories needs.
pub(crate) fn outline(
    articles: &[&Article],
    evidence: &(dyn Fn(usize, usize) -> Evidence + Sync),
) -> Story {
    let pairs = relate(articles, evidence);
    let groups = reprint_groups(articles.len(), &pairs);
    Story {
        pairs,
        groups,
        quotes: Vec::new(),
        claims: Vec::new(),
        wording: Vec::new(),
        disagreements: Vec::new(),
        partial: true,
    }
}

/// A story in full from its outline: the quote ledger, the coverage table,
/// disagreements and wording, and what each pair shares of them.
pub fn complete(articles: &[Article], outline: Story) -> Story {
    if !outline.partial {
        return outline;
    }
    let mut quotes = ledger(articles);
    altered::mark_altered(&mut quotes, articles);
    let refs: Vec<&Article> = articles.iter().collect();
    let mut reading = claims::Reading::new(&refs);
    let shared = shared_by_pair(&refs, &mut reading, &outline.pairs);
    let claims = coverage(articles, &reading, &outline.pairs, shared.as_deref());
    let disagreements = disagreements::find(&claims, articles);
    let wording = wording::wording(articles, &claims);
    let mut pairs = outline.pairs;
    count_shared(
        &mut pairs,
        articles.len(),
        &quotes,
        &claims,
        shared.as_deref(),
    );
    Story {
        pairs,
        groups: outline.groups,
        quotes,
        claims,
        wording,
        disagreements,
        partial: false,
    }
}

/// The quote ledger: quotations found per article, matched across articles.
fn ledger(articles: &[Article]) -> Vec<Quote> {
    let mut ids = HashMap::new();
    let found: Vec<quotes::Found> = articles
        .iter()
        .enumerate()
        .flat_map(|(i, a)| quotes::find(a, i, &mut ids))
        .collect();
    let links = quote_links(&found);
    let mut quotes: Vec<Quote> = quote_clusters(&found, links)
        .into_iter()
        .map(|members| ledger_quote(articles, &found, &members))
        .collect();
    quotes.sort_by(|a, b| by_reach(&a.occurrences, &b.occurrences));
    quotes
}

/// Candidate matches between quotations sharing a word, strongest first:
/// (strength, i, j) with i < j.
fn quote_links(found: &[quotes::Found]) -> Vec<(u8, usize, usize)> {
    let mut by_word: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        let mut ws = f.words.clone();
        ws.sort_unstable();
        ws.dedup();
        for w in ws {
            by_word.entry(w).or_default().push(i);
        }
    }
    let mut checked = HashSet::new();
    let mut links: Vec<(u8, usize, usize)> = Vec::new();
    for list in by_word.values() {
        if list.len() > 200 {
            continue;
        }
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if checked.insert((i, j)) {
                    let strength = quotes::strength(&found[i], &found[j]);
                    if strength > 0 {
                        links.push((strength, i, j));
                    }
                }
            }
        }
    }
    links.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    links
}

/// The quotations joined along `links`, strongest first; a cluster never
/// holds two different quotations of one article (a fragment must not join
/// distinct quotes) unless the link is a strong one.
fn quote_clusters(found: &[quotes::Found], links: Vec<(u8, usize, usize)>) -> Vec<Vec<usize>> {
    let mut qparent: Vec<usize> = (0..found.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..found.len()).map(|i| vec![i]).collect();
    for (strength, i, j) in links {
        let (ri, rj) = (root(&mut qparent, i), root(&mut qparent, j));
        if ri == rj {
            continue;
        }
        let clash = members[ri].iter().any(|&x| {
            members[rj]
                .iter()
                .any(|&y| found[x].article == found[y].article && found[x].words != found[y].words)
        });
        if clash && strength < 3 {
            continue;
        }
        let (keep, gone) = (ri.min(rj), ri.max(rj));
        qparent[gone] = keep;
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
    }
    let mut qclusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..found.len() {
        let r = root(&mut qparent, i);
        qclusters.entry(r).or_default().push(i);
    }
    qclusters.into_values().collect()
}

/// One ledger row: the longest wording of the cluster, its speaker (a name
/// any outlet gives beats a description such as "officials", then the one
/// most outlets give), and where it occurs.
fn ledger_quote(articles: &[Article], found: &[quotes::Found], members: &[usize]) -> Quote {
    let longest = *members
        .iter()
        .max_by_key(|&&m| (found[m].span.len(), std::cmp::Reverse(m)))
        .expect("non-empty");
    let f = &found[longest];
    let mut speakers: HashMap<&str, (bool, usize)> = HashMap::new();
    for &m in members {
        if let Some(s) = &found[m].speaker {
            let e = speakers.entry(s.as_str()).or_default();
            e.0 |= found[m].named;
            e.1 += 1;
        }
    }
    let speaker = speakers
        .into_iter()
        .max_by(|(s, k), (t, l)| k.cmp(l).then(s.len().cmp(&t.len())).then(t.cmp(s)))
        .map(|(s, _)| s.to_string());
    let other_speakers = other_speakers(found, members, speaker.as_deref());
    Quote {
        text: articles[f.article].text[f.span.range()].to_string(),
        speaker,
        occurrences: members
            .iter()
            .map(|&m| Occurrence {
                article: found[m].article,
                span: found[m].span,
            })
            .collect(),
        altered: false,
        variants: Vec::new(),
        other_speakers,
    }
}

/// The articles among `members` that name someone other than `speaker` as
/// the speaker: a name (not a description) whose last word is not the
/// speaker's (`Trump` and `Donald Trump` are one person), each article once.
fn other_speakers(
    found: &[quotes::Found],
    members: &[usize],
    speaker: Option<&str>,
) -> Vec<(usize, String)> {
    let Some(speaker) = speaker else {
        return Vec::new();
    };
    let surname = |s: &str| s.split_whitespace().last().unwrap_or("").to_lowercase();
    let gives = |f: &quotes::Found, name: &str| {
        f.named
            && f.speaker
                .as_deref()
                .is_some_and(|s| surname(s) == surname(name))
    };
    if !members.iter().any(|&m| gives(&found[m], speaker)) {
        // A description (`officials`) is no person another name contradicts.
        return Vec::new();
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    for &m in members {
        let f = &found[m];
        let Some(s) = f.speaker.as_deref() else {
            continue;
        };
        let also_gives_speaker = members
            .iter()
            .any(|&o| found[o].article == f.article && gives(&found[o], speaker));
        if f.named
            && surname(s) != surname(speaker)
            && !also_gives_speaker
            && !out.iter().any(|(a, _)| *a == f.article)
        {
            out.push((f.article, s.to_string()));
        }
    }
    out.sort();
    out
}

/// The coverage table: claims (clusters of homologous sentences), most
/// carried first, joined from the claims each pair shares (`shared`, in
/// `pairs`' order), so that a row gives two articles the sentences their
/// pair pairs wherever the rows allow it; without them (a big story), from
/// one search of all the articles' sentences.
fn coverage(
    articles: &[Article],
    reading: &claims::Reading,
    pairs: &[PairSummary],
    shared: Option<&[Vec<SharedClaim>]>,
) -> Vec<Claim> {
    let refs: Vec<&Article> = articles.iter().collect();
    let claims::Clusters {
        sents, clusters, ..
    } = match shared {
        Some(shared) => {
            let links: Vec<(usize, usize, &[SharedClaim])> = pairs
                .iter()
                .zip(shared)
                .map(|(p, s)| (p.a, p.b, s.as_slice()))
                .collect();
            claims::cluster_from_pairs(reading, &links)
        }
        None => claims::cluster(&refs),
    };
    let clusters = with_word_for_word_copies(&sents, clusters);
    let mut claims: Vec<Claim> = clusters
        .iter()
        .map(|c| {
            let first = &sents[c[0]];
            Claim {
                text: articles[first.article].text[first.span.range()].to_string(),
                occurrences: c
                    .iter()
                    .map(|&i| Occurrence {
                        article: sents[i].article,
                        span: sents[i].span,
                    })
                    .collect(),
            }
        })
        .collect();
    claims.sort_by(|a, b| by_reach(&a.occurrences, &b.occurrences));
    claims
}

/// Each claim with, for every article it lacks that has one of its sentences
/// word for word (a copy that repeats it fewer times than another), that
/// article's first such sentence: an article never leaves out a sentence it
/// carries.
fn with_word_for_word_copies(
    sents: &[claims::Sent],
    mut clusters: Vec<Vec<usize>>,
) -> Vec<Vec<usize>> {
    let mut first_of: HashMap<(u64, usize), usize> = HashMap::new();
    for (i, s) in sents.iter().enumerate() {
        first_of.entry((s.key, s.article)).or_insert(i);
    }
    let mut carriers: HashMap<u64, Vec<usize>> = HashMap::new();
    for &(k, a) in first_of.keys() {
        carriers.entry(k).or_default().push(a);
    }
    for c in &mut clusters {
        let mut present: HashSet<usize> = c.iter().map(|&m| sents[m].article).collect();
        let mut copies: Vec<usize> = Vec::new();
        for &i in c.iter() {
            for &a in &carriers[&sents[i].key] {
                if present.insert(a) {
                    copies.push(first_of[&(sents[i].key, a)]);
                }
            }
        }
        if copies.is_empty() {
            continue;
        }
        c.extend(copies);
        c.sort_by_key(|&i| (sents[i].article, i));
    }
    clusters
}

/// Every unordered pair: a full alignment only where shingles say a reprint
/// is likely; the others judged by the same-event evidence and compared by
/// vocabulary (`align::overlap`, the similarity `diff` gives such a pair).
fn relate(
    articles: &[&Article],
    evidence: &(dyn Fn(usize, usize) -> Evidence + Sync),
) -> Vec<PairSummary> {
    let n = articles.len();
    let sigs: Vec<Vec<u64>> = articles.iter().map(|a| shingles(a)).collect();
    let vocabularies: Vec<Vec<u64>> = articles.iter().map(|a| overlap::vocabulary(a)).collect();
    let mut pairs = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for a in 0..n {
        for b in a + 1..n {
            let evidence = evidence(a, b);
            // The pair's own evidence, also inside a story sorted from a
            // pile: `diff` of the two says the same.
            let same_event = evidence.same_event();
            let (relation, similarity, aligned) = if containment(&sigs[a], &sigs[b]) >= ALIGN_FROM {
                // Only the relation and similarity are read: no edit classes.
                let options = AlignOptions {
                    classify: false,
                    ..AlignOptions::default()
                };
                let c = align(articles[a], articles[b], &options);
                let relation = if same_event && c.relation == Relation::Unrelated {
                    Relation::Related
                } else {
                    c.relation
                };
                (relation, c.similarity, true)
            } else {
                let relation = if same_event {
                    Relation::Related
                } else {
                    Relation::Unrelated
                };
                let similarity = overlap::shared_vocabulary(&vocabularies[a], &vocabularies[b]);
                (relation, similarity, false)
            };
            pairs.push(PairSummary {
                a,
                b,
                relation,
                similarity,
                shared_sentences: 0,
                shared_quotes: 0,
                aligned,
                evidence,
            });
        }
    }
    pairs
}

/// The claims each pair (in `pairs`' order) shares, as the two alone share
/// them: `diff --by claims` of the pair, the compare view and the story give
/// a pair one count whatever the story around it (a story of more articles
/// weighs words over all of them and may join two sentences through a third).
/// Each article is read once (`reading`) for all its pairs. On both cores
/// when there are many pairs; none for a story of more than
/// `EVERY_PAIR_UP_TO` pairs.
fn shared_by_pair(
    articles: &[&Article],
    reading: &mut claims::Reading,
    pairs: &[PairSummary],
) -> Option<Vec<Vec<SharedClaim>>> {
    if pairs.len() > EVERY_PAIR_UP_TO {
        return None;
    }
    let ends: Vec<Vec<usize>> = pairs.iter().map(|p| vec![p.a, p.b]).collect();
    reading.read_searched(articles, &ends);
    let reading = &*reading;
    Some(pile::on_both_cores(ends, |ends| {
        claims::shared_claims_read(reading, ends[0], ends[1])
    }))
}

/// Pairs up to which a story counts the claims of each pair as the two alone
/// share them (a search of the two articles' sentences each, 0.4–2.5 ms of
/// CPU for two 5 KB articles: about 45 articles); a bigger story searches
/// its sentences once, and a pair counts the claims of that search both
/// carry, which may differ from the two alone's.
const EVERY_PAIR_UP_TO: usize = 1_000;

/// How many claims and quotations each pair carries both of: claims as the
/// pair alone shares them (`shared`, in `pairs`' order) when known, else as
/// the coverage table gives both; quotations as the ledger links them.
fn count_shared(
    pairs: &mut [PairSummary],
    n: usize,
    quotes: &[Quote],
    claims: &[Claim],
    shared: Option<&[Vec<SharedClaim>]>,
) {
    let quote_counts = shared_counts(n, quotes.iter().map(Quote::articles));
    let claim_counts = shared_counts(n, claims.iter().map(Claim::articles));
    for (k, p) in pairs.iter_mut().enumerate() {
        p.shared_quotes = quote_counts[p.a * n + p.b];
        p.shared_sentences = match shared {
            Some(shared) => shared[k].len(),
            None => claim_counts[p.a * n + p.b],
        };
    }
}

/// For each pair (a < b, at `a * n + b`), how many items both carry.
fn shared_counts(n: usize, items: impl Iterator<Item = Vec<usize>>) -> Vec<usize> {
    let mut m = vec![0usize; n * n];
    for arts in items {
        for (x, &i) in arts.iter().enumerate() {
            for &j in &arts[x + 1..] {
                m[i * n + j] += 1;
            }
        }
    }
    m
}

/// Reprint groups: articles joined by `identical`/`reprint` pairs.
fn reprint_groups(n: usize, pairs: &[PairSummary]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    for p in pairs {
        if matches!(p.relation, Relation::Identical | Relation::Reprint) {
            let (ra, rb) = (root(&mut parent, p.a), root(&mut parent, p.b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    groups
}

fn root(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    parent[x] = r;
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    fn article(name: &str, text: &str) -> Article {
        load_bytes(name, text.as_bytes(), &LoadOptions::default()).unwrap()
    }

    /// A page that repeats a quotation (as a pull quote), its copy, and a
    /// write-up that has the quotation once.
    fn pages() -> Vec<Article> {
        let page = "The mayor closed the Elm Street bridge on Monday after engineers found cracks in two of its piers.\n\n\
“That's what he's doing.”\n\n\
The council will vote on repair funds next week, and a ferry will run in the meantime.\n\n\
“That's what he's doing.”\n\n\
Residents of the east bank said the detour adds forty minutes to their commute.\n";
        let other = "Engineers found cracks in the piers of the Elm Street bridge, which the mayor closed on Monday.\n\n\
“That's what he's doing.”\n\n\
A spokesperson for the transit authority declined to say when buses would return to the route.\n";
        vec![
            article("a.txt", page),
            article("b.txt", page),
            article("c.txt", other),
        ]
    }

    #[test]
    fn an_article_never_leaves_out_a_sentence_it_carries() {
        let a = pages();
        let s = story(&a);
        let needle = "That's what he's doing.";
        let carries: Vec<usize> = (0..a.len())
            .filter(|&i| a[i].text.contains(needle))
            .collect();
        assert_eq!(carries, vec![0, 1, 2]);
        let claims_of_it: Vec<&Claim> = s
            .claims
            .iter()
            .filter(|c| c.text.contains(needle))
            .collect();
        assert!(!claims_of_it.is_empty(), "{:?}", s.claims);
        for c in &claims_of_it {
            assert_eq!(c.articles(), carries, "{c:?}");
        }
        for &i in &carries {
            let lacks: Vec<&str> = s
                .left_out(i, a.len())
                .iter()
                .map(|&c| s.claims[c].text.as_str())
                .collect();
            assert!(!lacks.iter().any(|t| t.contains(needle)), "[{i}] {lacks:?}");
        }
    }
}
