//! The content sentences of a story's articles read once, for every pool of
//! them that looks for claims: each pair's (`shared_claims` of every pair of
//! a story), the whole story's (its coverage table), or the two of `diff
//! --by claims`. Reading (stemming, profiling, finding what a sentence
//! asserts) is most of the cost of a small pool, and a story of n articles
//! pools each of them n times.
//!
//! A pool numbers its stems in the order it meets them and weighs them over
//! its own sentences; a sentence's stems are kept sorted by that number. So
//! each sentence keeps the ids of the story's vocabulary in the order a pool
//! meets them, and a pool (`Reading::pool`) numbers them again as a
//! vocabulary that read only its own articles would: the same numbers, the
//! same weights, the same sums in the same order — the same claims.

use std::collections::HashSet;
use std::sync::Arc;

use super::{
    asks, asserts_undoing, ends_cut, names_a_thing, negated_words, twins, words_key, Negated, Sent,
    MIN_WORDS,
};
use crate::align::assertion::{assertion_parts, Parts};
use crate::align::similarity::{distinct, profiles_alike, FxMap, Profile, Vocab};
use crate::article::{Article, Role, Span};

/// The content sentences of some articles, read with one vocabulary.
pub(crate) struct Reading {
    vocab: Vocab,
    /// Each article's content sentences (four words or more, not social or
    /// signature furniture), in order.
    articles: Vec<Vec<Read>>,
    /// Each article's headline, as the ids of its words in order.
    titles: Vec<Vec<u32>>,
    /// How many ids the profiles took (the first ones).
    profiled: usize,
}

/// One content sentence, read.
struct Read {
    span: Span,
    /// A key of its words as written (for word-for-word twins).
    key: u64,
    cut: bool,
    question: bool,
    body: bool,
    /// The id of every word its profile read, in order, and the profile
    /// (shared by the sentences written word for word alike).
    profiled: Arc<Profiled>,
    /// Its words read one by one, once some pool searches it (shared by
    /// the sentences written word for word alike).
    words: Option<Arc<Words>>,
}

/// A sentence's words as finding names and assertions reads them.
struct Words {
    fails: bool,
    /// The stems of each word in order (`seq[ends[k - 1]..ends[k]]`), and of
    /// its bare form when it is part of what the sentence asserts (`bare`).
    seq: Vec<u32>,
    seq_ends: Vec<usize>,
    bare: Vec<u32>,
    bare_ends: Vec<usize>,
    /// The stems of the words that say where what it says was said (`attribution`).
    said_in: Vec<u32>,
    /// The stems of the words it negates (`negated_words`), and of those
    /// it negates in its first asserted clause.
    negated: Vec<u32>,
    negated_main: Vec<u32>,
    /// Written with a capital letter.
    capital: Vec<bool>,
    /// Punctuation after it ends a name.
    closes: Vec<bool>,
    /// A name ending in it names a thing done or decided.
    thing: Vec<bool>,
}

impl Words {
    fn seq_of(&self, k: usize) -> &[u32] {
        &self.seq[if k == 0 { 0 } else { self.seq_ends[k - 1] }..self.seq_ends[k]]
    }

    fn bare_of(&self, k: usize) -> &[u32] {
        &self.bare[if k == 0 { 0 } else { self.bare_ends[k - 1] }..self.bare_ends[k]]
    }
}

/// A pool's sentences, each one's twins (word for word the same) in the
/// other articles, its vocabulary (not yet frozen) and its articles'
/// headline stems (sorted).
pub(crate) struct Pool {
    pub sents: Vec<Sent>,
    pub twins: Vec<Vec<(usize, usize)>>,
    pub vocab: Vocab,
    pub titles: Vec<Vec<u32>>,
}

/// Numbers a pool's stems as a vocabulary of its own meets them.
struct Renumber {
    local: Vec<u32>,
    /// The story's id of each of the pool's, in the pool's order.
    order: Vec<u32>,
}

impl Renumber {
    fn id(&mut self, g: u32) -> u32 {
        let l = &mut self.local[g as usize];
        if *l == u32::MAX {
            *l = self.order.len() as u32;
            self.order.push(g);
        }
        *l
    }
}

impl Reading {
    /// Reads the content sentences of `articles` and their profiles.
    pub(crate) fn new(articles: &[&Article]) -> Reading {
        let mut vocab = Vocab::for_claims();
        let mut seen = FxMap::default();
        let read = articles
            .iter()
            .zip(content_of_all(articles))
            .map(|(a, found)| content_sentences(a, found, &mut vocab, &mut seen))
            .collect();
        let profiled = vocab.stem_count();
        let titles = articles
            .iter()
            .map(|a| {
                let mut ids = Vec::new();
                if let Some(t) = &a.meta.title {
                    vocab.stems_of(t, |id| ids.push(id));
                }
                ids
            })
            .collect();
        Reading {
            vocab,
            articles: read,
            titles,
            profiled,
        }
    }

    /// How many articles it read.
    pub(crate) fn articles(&self) -> usize {
        self.articles.len()
    }

    /// Reads the words of every sentence that one of `pools` (each a list of
    /// articles) searches: one without a twin in every other article.
    pub(crate) fn read_searched(&mut self, articles: &[&Article], pools: &[Vec<usize>]) {
        // A sentence written word for word before (a reprint's, a repeat's)
        // reads as it did: its words have their ids already.
        let mut seen: Seen<Words> = FxMap::default();
        for members in pools {
            let twins = twins(&self.keys_of(members));
            self.read_unread(articles, members, &twins, &mut seen);
        }
    }

    /// `read_searched` of the one pool of `members`, then its `pool` with
    /// names (the pool's twins found once for both).
    pub(crate) fn read_and_pool(&mut self, articles: &[&Article], members: &[usize]) -> Pool {
        let twins = twins(&self.keys_of(members));
        self.read_unread(articles, members, &twins, &mut FxMap::default());
        self.pool_with(members, true, twins)
    }

    /// Reads the words of the sentences a pool of `members` (whose `twins`
    /// are given) searches that are not read yet.
    fn read_unread<'a>(
        &mut self,
        articles: &[&'a Article],
        members: &[usize],
        twins: &[Vec<(usize, usize)>],
        seen: &mut Seen<'a, Words>,
    ) {
        let unread = self.unread_searched(members, twins);
        let texts: Vec<&str> = unread
            .iter()
            .map(|&(m, k)| &articles[m].text[self.articles[m][k].span.range()])
            .collect();
        let keys: Vec<u64> = unread
            .iter()
            .map(|&(m, k)| self.articles[m][k].key)
            .collect();
        let sources = sources(seen, &keys, &texts);
        let mut parsed = parse_all(&texts, &sources).into_iter();
        let mut done: Vec<Arc<Words>> = Vec::with_capacity(unread.len());
        for (x, &(m, k)) in unread.iter().enumerate() {
            let words = match &sources[x] {
                Source::Seen(was) => Arc::clone(was),
                Source::Earlier(j) => Arc::clone(&done[*j]),
                Source::Read { keep } => {
                    let p = parsed.next().expect("one parsed for each sentence read");
                    let words = Arc::new(read_words(&mut self.vocab, p));
                    if *keep {
                        seen.insert(keys[x], (texts[x], Arc::clone(&words)));
                    }
                    words
                }
            };
            done.push(Arc::clone(&words));
            self.articles[m][k].words = Some(words);
        }
    }

    /// The sentences a pool of `members` searches (those without a twin in
    /// every other article) whose words are not read yet: (article, index).
    fn unread_searched(
        &self,
        members: &[usize],
        twins: &[Vec<(usize, usize)>],
    ) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut at = 0;
        for &m in members {
            for (k, read) in self.articles[m].iter().enumerate() {
                if twins[at + k].len() + 1 < members.len() && read.words.is_none() {
                    out.push((m, k));
                }
            }
            at += self.articles[m].len();
        }
        out
    }

    /// (article in the pool, key) of the pool's sentences, in order.
    fn keys_of(&self, members: &[usize]) -> Vec<(usize, u64)> {
        members
            .iter()
            .enumerate()
            .flat_map(|(ai, &m)| self.articles[m].iter().map(move |r| (ai, r.key)))
            .collect()
    }

    /// The pool of `members` (articles, in this order), as reading them alone
    /// would make it; with `names`, its searched sentences' names, words and
    /// assertions and its headlines (which `read_searched` must have read).
    pub(crate) fn pool(&self, members: &[usize], names: bool) -> Pool {
        self.pool_with(members, names, twins(&self.keys_of(members)))
    }

    /// `pool`, given the pool's twins.
    fn pool_with(&self, members: &[usize], names: bool, twins: Vec<Vec<(usize, usize)>>) -> Pool {
        let mut ids = Renumber {
            local: vec![u32::MAX; self.vocab.stem_count()],
            order: Vec::new(),
        };
        // A pool of every article in order meets the profiles' words in the
        // order the reading met them: its numbers for them are the
        // reading's own (`diff --by claims`, a story's coverage table).
        let whole = members.iter().copied().eq(0..self.articles.len());
        if whole {
            ids.order = (0..self.profiled as u32).collect();
            ids.local[..self.profiled].copy_from_slice(&ids.order);
        }
        let reads: Vec<(usize, &Read)> = members
            .iter()
            .enumerate()
            .flat_map(|(ai, &m)| self.articles[m].iter().map(move |r| (ai, r)))
            .collect();
        // Profiles first, as reading the pool's sentences profiles them.
        let mut df: Vec<u32> = Vec::new();
        let mut sents: Vec<Sent> = reads
            .iter()
            .map(|&(ai, r)| {
                let profile = if whole {
                    r.profiled.1.clone()
                } else {
                    for &g in &r.profiled.0 {
                        ids.id(g);
                    }
                    renumbered(&r.profiled.1, &mut ids)
                };
                df.resize(ids.order.len(), 0);
                for s in distinct(&profile.stems) {
                    df[s as usize] += 1;
                }
                Sent {
                    article: ai,
                    span: r.span,
                    profile,
                    key: r.key,
                    cut: r.cut,
                    question: r.question,
                    body: r.body,
                    fails: false,
                    names: Vec::new(),
                    things: Vec::new(),
                    said_in: Vec::new(),
                    negated: Vec::new(),
                    negated_main: Vec::new(),
                    seq: Vec::new(),
                    asserted: Profile::default(),
                }
            })
            .collect();
        let docs = sents.len() as u32;
        let mut titles = vec![Vec::new(); members.len()];
        if names {
            let searched: Vec<&Words> = reads
                .iter()
                .zip(&twins)
                .filter(|(_, t)| t.len() + 1 < members.len())
                .map(|((_, r), _)| r.words.as_deref().expect("searched sentences are read"))
                .collect();
            let known = capitalised(&searched, &mut ids);
            let mut searched = searched.into_iter();
            for (s, t) in sents.iter_mut().zip(&twins) {
                if t.len() + 1 < members.len() {
                    let words = searched.next().expect("one for each searched sentence");
                    name(s, words, &known, &mut ids);
                }
            }
            for (t, &m) in titles.iter_mut().zip(members) {
                *t = self.titles[m].iter().map(|&g| ids.id(g)).collect();
                t.sort_unstable();
                t.dedup();
            }
        }
        df.resize(ids.order.len(), 0);
        let vocab = self.vocab.pooled(&ids.order, df, docs);
        for s in &mut sents {
            let stems = &mut s.asserted.stems;
            stems.retain(|&id| !vocab.is_stop(id));
            stems.sort_unstable();
            stems.dedup();
        }
        Pool {
            sents,
            twins,
            vocab,
            titles,
        }
    }
}

/// A profile in the pool's numbers, its stems sorted again.
fn renumbered(p: &Profile, ids: &mut Renumber) -> Profile {
    let mut stems: Vec<u32> = p.stems.iter().map(|&g| ids.id(g)).collect();
    stems.sort_unstable();
    Profile {
        stems,
        quotes: p
            .quotes
            .iter()
            .map(|q| q.iter().map(|&g| ids.id(g)).collect())
            .collect(),
    }
}

/// The story's ids of the words written with a capital letter inside the
/// searched sentences (not first), numbered in the pool as met.
fn capitalised(searched: &[&Words], ids: &mut Renumber) -> HashSet<u32> {
    let mut known = HashSet::new();
    for w in searched {
        for k in 1..w.capital.len() {
            if w.capital[k] {
                for &g in w.seq_of(k) {
                    ids.id(g);
                    known.insert(g);
                }
            }
        }
    }
    known
}

/// Fills a searched sentence's names (runs of words written with a capital
/// letter — its first word only when the pool writes it with a capital
/// inside sentences too — a run ending at punctuation), the stems of its
/// words in order and of what it asserts, and whether that is a failure.
fn name(s: &mut Sent, words: &Words, known: &HashSet<u32>, ids: &mut Renumber) {
    s.fails = words.fails;
    s.seq.reserve(words.seq.len());
    s.asserted.stems.reserve(words.bare.len());
    let mut run: Vec<u32> = Vec::new();
    let mut last = 0;
    for k in 0..words.capital.len() {
        let seq = words.seq_of(k);
        s.seq.extend(seq.iter().map(|&g| ids.id(g)));
        let bare = words.bare_of(k);
        s.asserted.stems.extend(bare.iter().map(|&g| ids.id(g)));
        let capital = words.capital[k] && !seq.is_empty();
        let first_known = k > 0 || seq.iter().all(|g| known.contains(g));
        if capital && first_known {
            run.extend(seq.iter().map(|&g| ids.id(g)));
            last = k;
        } else if !run.is_empty() {
            s.things.push(words.thing[last]);
            s.names.push(std::mem::take(&mut run));
        }
        if words.closes[k] && !run.is_empty() {
            s.things.push(words.thing[last]);
            s.names.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        s.things.push(words.thing[last]);
        s.names.push(run);
    }
    s.said_in = words.said_in.iter().map(|&g| ids.id(g)).collect();
    s.said_in.sort_unstable();
    s.said_in.dedup();
    for (to, from) in [
        (&mut s.negated, &words.negated),
        (&mut s.negated_main, &words.negated_main),
    ] {
        *to = from.iter().map(|&g| ids.id(g)).collect();
        to.sort_unstable();
        to.dedup();
    }
}

/// What profiling a sentence's text gives: the id of every word read, and
/// its profile.
type Profiled = (Vec<u32>, Profile);

/// What was read of each text, by its words' key (`words_key`).
type Seen<'a, T> = FxMap<u64, (&'a str, Arc<T>)>;

/// What `read` gives for `text` (whose words' key is `key`), read once:
/// a text read before, or one that `alike` says reads as it does (the
/// same words, other spaces between them: a reflowed reprint's), gives
/// what it gave then.
fn once<'a, T>(
    seen: &mut Seen<'a, T>,
    key: u64,
    text: &'a str,
    alike: impl Fn(&str, &str) -> bool,
    read: impl FnOnce() -> T,
) -> Arc<T> {
    match seen.get(&key) {
        Some((t, was)) if alike(t, text) => Arc::clone(was),
        // Two texts of one key that read differently (a hash's
        // collision, or the words of a head cut at other places): the
        // first keeps it.
        Some(_) => Arc::new(read()),
        None => {
            let was = Arc::new(read());
            seen.insert(key, (text, Arc::clone(&was)));
            was
        }
    }
}

/// A content sentence of an article, found and keyed, not yet profiled.
struct Found {
    span: Span,
    key: u64,
    cut: bool,
    question: bool,
    body: bool,
}

/// Both texts together (bytes) from which the second half of the articles'
/// content sentences are found on a thread of their own (`content_of_all`).
const FIND_BESIDE_FROM: usize = 100_000;

/// `content_of` each article; on big articles the second half of them on a
/// thread of its own beside the first (finding reads each article alone).
fn content_of_all(articles: &[&Article]) -> Vec<Vec<Found>> {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    if articles.len() < 2 || bytes < FIND_BESIDE_FROM {
        return articles.iter().map(|a| content_of(a)).collect();
    }
    let (first, second) = articles.split_at(articles.len() / 2);
    std::thread::scope(|s| {
        let beside = s.spawn(|| second.iter().map(|a| content_of(a)).collect::<Vec<_>>());
        let mut found: Vec<Vec<Found>> = first.iter().map(|a| content_of(a)).collect();
        found.extend(
            beside
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        found
    })
}

/// The content sentences of an article (four words or more, not social or
/// signature furniture), in order.
fn content_of(a: &Article) -> Vec<Found> {
    let mut out = Vec::new();
    for b in a.blocks.iter().filter(|b| b.role.is_content()) {
        for &s in &b.sentences {
            let text = &a.text[s.range()];
            // A Chinese or Japanese word is about two characters.
            let min = if text.chars().any(crate::article::is_cjk) {
                2 * MIN_WORDS
            } else {
                MIN_WORDS
            };
            if crate::article::unicode_word_count(text, min) < min
                || crate::article::is_furniture_sentence(text)
            {
                continue;
            }
            out.push(Found {
                span: s,
                key: words_key(text),
                cut: ends_cut(text),
                question: asks(text),
                body: b.role == Role::Body,
            });
        }
    }
    out
}

/// An article's content sentences (`found`), profiled. A text profiled
/// before (`seen`: a reprint's sentence, a repeat) is profiled as it was:
/// its words have their ids already, and the document frequencies the
/// profiling counts into `vocab` are not read (each pool counts its own).
fn content_sentences<'a>(
    a: &'a Article,
    found: Vec<Found>,
    vocab: &mut Vocab,
    seen: &mut Seen<'a, Profiled>,
) -> Vec<Read> {
    found
        .into_iter()
        .map(|f| {
            let text = &a.text[f.span.range()];
            let profiled = once(seen, f.key, text, profiles_alike, || {
                let mut calls = Vec::new();
                let profile = vocab.profile_noting(text, |id| calls.push(id));
                (calls, profile)
            });
            Read {
                span: f.span,
                key: f.key,
                cut: f.cut,
                question: f.question,
                body: f.body,
                profiled,
                words: None,
            }
        })
        .collect()
}

/// Whether two texts hold the same words (`read_words` reads them alike).
fn same_words(a: &str, b: &str) -> bool {
    a == b || crate::article::split_words(a).eq(crate::article::split_words(b))
}

/// Where a sentence's words come from, as `once` would take them: read
/// before (`Seen`), read for an earlier sentence of the same batch, or read
/// now (and kept for the sentences after it when it is the first of its key).
enum Source {
    Seen(Arc<Words>),
    Earlier(usize),
    Read { keep: bool },
}

/// Each of a batch of sentences' `Source` (their keys and texts, in order).
fn sources(seen: &Seen<Words>, keys: &[u64], texts: &[&str]) -> Vec<Source> {
    let mut first: FxMap<u64, usize> = FxMap::default();
    keys.iter()
        .zip(texts)
        .enumerate()
        .map(|(x, (&key, &text))| {
            if let Some((t, was)) = seen.get(&key) {
                return if same_words(t, text) {
                    Source::Seen(Arc::clone(was))
                } else {
                    Source::Read { keep: false }
                };
            }
            match first.get(&key) {
                Some(&j) if same_words(texts[j], text) => Source::Earlier(j),
                Some(_) => Source::Read { keep: false },
                None => {
                    first.insert(key, x);
                    Source::Read { keep: true }
                }
            }
        })
        .collect()
}

/// Sentences to read from which half of them are parsed on a thread of
/// their own (`parse_all`).
const PARSE_BESIDE_FROM: usize = 256;

/// `parse` of each text to be read (`Source::Read`), in order; with many,
/// the second half on a thread of its own (parsing needs no vocabulary).
fn parse_all<'a>(texts: &[&'a str], sources: &[Source]) -> Vec<Parsed<'a>> {
    let to_read: Vec<&'a str> = texts
        .iter()
        .zip(sources)
        .filter(|(_, s)| matches!(s, Source::Read { .. }))
        .map(|(&t, _)| t)
        .collect();
    if to_read.len() < PARSE_BESIDE_FROM {
        return to_read.iter().map(|t| parse(t)).collect();
    }
    let (first, second) = to_read.split_at(to_read.len() / 2);
    std::thread::scope(|s| {
        let beside = s.spawn(|| second.iter().map(|t| parse(t)).collect::<Vec<_>>());
        let mut parsed: Vec<Parsed> = first.iter().map(|t| parse(t)).collect();
        parsed.extend(
            beside
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
        parsed
    })
}

/// What `read_words` reads of a sentence's words before their stems.
struct Parsed<'a> {
    words: Vec<&'a str>,
    parts: Parts,
    fails: bool,
    negated: Vec<Negated>,
    capital: Vec<bool>,
    closes: Vec<bool>,
    thing: Vec<bool>,
}

/// A sentence's words, what it asserts (`assertion`), capitals and the
/// punctuation that ends a name: all but the stems.
fn parse(text: &str) -> Parsed<'_> {
    let capital = |w: &str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase)
    };
    let words: Vec<&str> = crate::article::split_words(text).collect();
    let parts = assertion_parts(&words);
    Parsed {
        fails: asserts_undoing(&words, &parts.asserted),
        negated: negated_words(&words, &parts.asserted),
        capital: words.iter().map(|w| capital(w)).collect(),
        closes: words
            .iter()
            .map(|w| w.ends_with(|c: char| ",;:.!?)”\"’".contains(c)))
            .collect(),
        thing: words.iter().map(|w| names_a_thing(w)).collect(),
        parts,
        words,
    }
}

/// A sentence's words read one by one (`parsed`): their stems, the stems
/// of those it asserts and of those that say where it was said.
fn read_words(vocab: &mut Vocab, parsed: Parsed) -> Words {
    let Parsed {
        words,
        parts,
        fails,
        negated,
        capital,
        closes,
        thing,
    } = parsed;
    let mut out = Words {
        fails,
        said_in: Vec::new(),
        negated: Vec::new(),
        negated_main: Vec::new(),
        seq: Vec::new(),
        seq_ends: Vec::with_capacity(words.len()),
        bare: Vec::new(),
        bare_ends: Vec::with_capacity(words.len()),
        capital,
        closes,
        thing,
    };
    for (k, &w) in words.iter().enumerate() {
        vocab.stems_of(w, |id| out.seq.push(id));
        out.seq_ends.push(out.seq.len());
        if parts.asserted[k] {
            // Trimmed as a profile trims it (`4.8%,` is `4.8%`).
            let bare = w
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%');
            vocab.stems_of(bare, |id| out.bare.push(id));
        }
        out.bare_ends.push(out.bare.len());
        if parts.attribution[k] {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            vocab.stems_of(bare, |id| out.said_in.push(id));
        }
        if negated[k] != Negated::No {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            vocab.stems_of(bare, |id| out.negated.push(id));
            if negated[k] == Negated::Main {
                vocab.stems_of(bare, |id| out.negated_main.push(id));
            }
        }
    }
    out
}
