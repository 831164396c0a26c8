//! The pile's index: every article as a weighted bag of terms — how rare each
//! term is *in this pile* decides how much it counts — with postings, so that
//! candidate pairs come from shared rare terms and never from all pairs.
//!
//! First stage of sorting a pile (`index ─▶ candidates ─▶ judge ─▶ cluster`),
//! and, built over two articles alone, what the pair's relation reads.

use crate::align::overlap::is_stopword;
use crate::align::similarity::{has_quotation_marks, stem_into, terms, words_with_quotes, FxMap};
use std::borrow::Borrow;

use crate::article::{split_words, Article, Role};

/// A term (a stemmed content word) of the pile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TermId(pub u32);

/// One article as the index sees it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Doc {
    /// Terms with TF-IDF weights (title words count double), sorted by term,
    /// normalised to unit length: the dot product of two docs is their cosine.
    pub terms: Vec<(TermId, f32)>,
    /// The distinct terms of the headline, sorted.
    pub title: Vec<TermId>,
    /// Hashes of five-word runs inside quotation marks, sorted, each once.
    pub quote_runs: Vec<u64>,
    /// Publication day (days since 1970-01-01), when the article says.
    pub day: Option<i32>,
}

/// Every article of the pile, indexed.
pub(crate) struct Index {
    pub docs: Vec<Doc>,
    /// For each term, the articles carrying it with the term's weight there.
    pub postings: Vec<Vec<(u32, f32)>>,
    /// Each term as first written, for showing evidence.
    pub surface: Vec<String>,
    /// Each article's terms before weighing, kept so that a pair can be
    /// judged alone ([`Index::pair`]).
    bags: Vec<Bag>,
}

impl Index {
    /// The index of two of its articles alone (rarity weighed over the
    /// two): what `diff A B` reads for the pair.
    /// It keeps no bags of its own: a pair is not split again.
    pub(crate) fn pair(&self, a: usize, b: usize) -> Index {
        let (docs, postings, surface) = weighed(&[&self.bags[a], &self.bags[b]]);
        Index {
            docs,
            postings,
            surface,
            bags: Vec::new(),
        }
    }
}

/// Weight of a headline word against a body word: the headline says what
/// the article is about.
const TITLE_WEIGHT: f32 = 2.0;

/// A short line naming the article's own outlet ("Source: Reuters") is
/// furniture, not evidence about the event.
const OUTLET_LINE_WORDS: usize = 8;

/// Indexes the articles (on both cores when there are many).
pub(crate) fn build<A: Borrow<Article> + Sync>(articles: &[A]) -> Index {
    let bags = terms_of_each(articles);
    let (docs, postings, surface) = weighed(&bags.iter().collect::<Vec<_>>());
    Index {
        docs,
        postings,
        surface,
        bags,
    }
}

/// The weighed docs of some bags, the postings and each term as first
/// written (terms numbered in order of first use, bag after bag).
type Weighed = (Vec<Doc>, Vec<Vec<(u32, f32)>>, Vec<String>);

fn weighed(bags: &[&Bag]) -> Weighed {
    let mut ids: FxMap<&str, TermId> = FxMap::default();
    let mut surface: Vec<String> = Vec::new();
    let mut docs: Vec<Doc> = Vec::with_capacity(bags.len());
    let mut raw: Vec<Vec<(TermId, f32)>> = Vec::with_capacity(bags.len());
    for bag in bags {
        let mut counts: Vec<(TermId, f32)> = bag
            .counts
            .iter()
            .map(|(stem, count, written)| {
                let id = match ids.get(stem.as_str()) {
                    Some(&id) => id,
                    None => {
                        surface.push(written.clone());
                        let id = TermId(surface.len() as u32 - 1);
                        ids.insert(stem.as_str(), id);
                        id
                    }
                };
                (id, *count)
            })
            .collect();
        counts.sort_unstable_by_key(|&(t, _)| t);
        let mut title: Vec<TermId> = bag
            .title
            .iter()
            .filter_map(|s| ids.get(s.as_str()).copied())
            .collect();
        title.sort_unstable();
        title.dedup();
        raw.push(counts);
        docs.push(Doc {
            terms: Vec::new(),
            title,
            quote_runs: bag.quote_runs.clone(),
            day: bag.day,
        });
    }
    let postings = weigh(&mut docs, raw, surface.len());
    (docs, postings, surface)
}

/// What one article contributes before terms get pile-wide ids.
struct Bag {
    /// (stem, weighted count, the word as first written), in order of first use.
    counts: Vec<(String, f32, String)>,
    title: Vec<String>,
    quote_runs: Vec<u64>,
    day: Option<i32>,
}

/// Tokenises every article, splitting the work across two threads for big piles.
fn terms_of_each<A: Borrow<Article> + Sync>(articles: &[A]) -> Vec<Bag> {
    let bag_of = |a: &A| bag_of(a.borrow());
    if articles.len() < 64 {
        return articles.iter().map(bag_of).collect();
    }
    let half = articles.len() / 2;
    let (first, second) = articles.split_at(half);
    std::thread::scope(|s| {
        let other = s.spawn(|| second.iter().map(bag_of).collect::<Vec<_>>());
        let mut out: Vec<Bag> = first.iter().map(bag_of).collect();
        out.extend(
            other
                .join()
                .unwrap_or_else(|_| second.iter().map(bag_of).collect()),
        );
        out
    })
}

fn bag_of(a: &Article) -> Bag {
    read_bag(a, false).0
}

/// The index of two articles alone, as `build` makes it, with each one's
/// `overlap::vocabulary`: both read the same words, stemmed the same way,
/// so each distinct word is read once for the two (the relation of a pair
/// that is no copy asks for both).
pub(crate) fn pair_with_vocabularies(old: &Article, new: &Article) -> (Index, [Vec<u64>; 2]) {
    let (old_bag, old_vocabulary) = read_bag(old, true);
    let (new_bag, new_vocabulary) = read_bag(new, true);
    let bags = vec![old_bag, new_bag];
    let (docs, postings, surface) = weighed(&bags.iter().collect::<Vec<_>>());
    let vocabulary = |v: Option<Vec<u64>>, a: &Article| {
        v.unwrap_or_else(|| crate::align::overlap::vocabulary(a))
    };
    (
        Index {
            docs,
            postings,
            surface,
            bags,
        },
        [
            vocabulary(old_vocabulary, old),
            vocabulary(new_vocabulary, new),
        ],
    )
}

/// An article's bag and, with `vocabulary`, its `overlap::vocabulary` read
/// off the same words: the stems its content words give (a short line
/// naming the outlet is content the bag leaves out, so its words are read
/// for the vocabulary alone). `None` for the vocabulary when the article
/// has no content, as it then reads every block.
fn read_bag(a: &Article, vocabulary: bool) -> (Bag, Option<Vec<u64>>) {
    let mut terms_in = Terms::default();
    let mut title = Vec::new();
    let headline = a.meta.title.clone().or_else(|| {
        a.blocks
            .iter()
            .find(|b| b.role == Role::Title)
            .map(|b| a.slice(b.span).to_string())
    });
    if let Some(h) = &headline {
        for w in split_words(h) {
            terms_in.add_word(w, TITLE_WEIGHT, |_, stem| title.push(stem.to_string()));
        }
    }
    // The body's words recur (a long text uses a few thousand words many
    // times over): each distinct word is stemmed once, and its terms then
    // counted by where they stand.
    let mut known: FxMap<&str, std::ops::Range<usize>> = FxMap::default();
    let mut slots: Vec<usize> = Vec::new();
    let mut quote_runs = Vec::new();
    // Hashed stems of the words outside the bag that the vocabulary reads.
    let mut outside = Vec::new();
    let mut buf = String::new();
    for b in a.blocks.iter().filter(|b| b.role.is_content()) {
        let text = a.slice(b.span);
        if names_the_outlet(a, text) {
            if vocabulary {
                for w in split_words(text) {
                    crate::align::overlap::vocabulary_of_word(w, &mut buf, &mut outside);
                }
            }
            continue;
        }
        for w in split_words(text) {
            if let Some(r) = known.get(w) {
                for &k in &slots[r.clone()] {
                    terms_in.counts[k].1 += 1.0;
                }
                continue;
            }
            let from = slots.len();
            terms_in.add_word(w, 1.0, |k, _| slots.push(k));
            known.insert(w, from..slots.len());
        }
        for s in &b.sentences {
            quote_runs_of(a.slice(*s), &mut quote_runs);
        }
    }
    quote_runs.sort_unstable();
    quote_runs.dedup();
    let has_content = a.blocks.iter().any(|b| b.role.is_content());
    let vocabulary = (vocabulary && has_content).then(|| {
        // Every slot a content word reached: the stems of its words.
        let mut reached = vec![false; terms_in.counts.len()];
        for &k in &slots {
            reached[k] = true;
        }
        let mut out = outside;
        out.extend(
            terms_in
                .counts
                .iter()
                .zip(&reached)
                .filter(|(_, &r)| r)
                .map(|((stem, _, _), _)| crate::align::overlap::stem_hash(stem)),
        );
        out.sort_unstable();
        out.dedup();
        out
    });
    let bag = Bag {
        counts: terms_in.counts,
        title,
        quote_runs,
        day: a.meta.date.as_deref().and_then(day_number),
    };
    (bag, vocabulary)
}

/// An article's terms as they are counted: (stem, weighted count, the word
/// as first written), in order of first use.
#[derive(Default)]
struct Terms {
    counts: Vec<(String, f32, String)>,
    slot: FxMap<String, usize>,
    buf: String,
}

impl Terms {
    /// Counts the terms of one word with `weight`, and tells `seen` each
    /// term's slot and stem (stopwords and empty stems are not terms).
    fn add_word(&mut self, w: &str, weight: f32, mut seen: impl FnMut(usize, &str)) {
        terms(w, |t| {
            stem_into(t, &mut self.buf);
            if self.buf.is_empty() || is_stopword(&self.buf) {
                return;
            }
            let k = match self.slot.get(self.buf.as_str()) {
                Some(&k) => k,
                None => {
                    self.slot.insert(self.buf.clone(), self.counts.len());
                    self.counts.push((self.buf.clone(), 0.0, written(t)));
                    self.counts.len() - 1
                }
            };
            self.counts[k].1 += weight;
            seen(k, &self.buf);
        });
    }
}

/// The word as a reader would recognise it in a list of evidence.
fn written(t: &str) -> String {
    t.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// Whether a content block's text is a short line naming the article's own
/// outlet: it says nothing about the event.
fn names_the_outlet(a: &Article, text: &str) -> bool {
    let outlet = a.meta.outlet.as_deref().filter(|o| o.len() >= 3);
    outlet.is_some_and(|o| text.contains(o) && split_words(text).count() <= OUTLET_LINE_WORDS)
}

/// Five-word runs inside quotation marks, hashed (words folded to lower case,
/// letters and digits only). Only whether two runs are equal counts: each
/// word is hashed once, and a run is the hash of its five words' in order.
fn quote_runs_of(sentence: &str, out: &mut Vec<u64>) {
    // Most sentences quote no one.
    if !has_quotation_marks(sentence) {
        return;
    }
    let mut run: Vec<u64> = Vec::new();
    let flush = |run: &mut Vec<u64>, out: &mut Vec<u64>| {
        for w in run.windows(5) {
            out.push(w.iter().fold(RUN_SEED, |h, &x| mix(h, x)));
        }
        run.clear();
    };
    for (word, inside) in words_with_quotes(sentence) {
        if inside {
            let folded = word
                .chars()
                .flat_map(char::to_lowercase)
                .fold(RUN_SEED, |h, c| mix(h, u64::from(c)));
            run.push(mix(folded, word.len() as u64));
        } else {
            flush(&mut run, out);
        }
    }
    flush(&mut run, out);
}

const RUN_SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// Turns counts into unit-length TF-IDF vectors and returns the postings.
/// IDF is smoothed (`ln((N+1)/(df+1)) + 1`), so that in a small pile where
/// every article shares a word the word still counts.
fn weigh(docs: &mut [Doc], raw: Vec<Vec<(TermId, f32)>>, terms: usize) -> Vec<Vec<(u32, f32)>> {
    let mut df = vec![0u32; terms];
    for counts in &raw {
        for &(t, _) in counts {
            df[t.0 as usize] += 1;
        }
    }
    let n = docs.len() as f32;
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n + 1.0) / (d as f32 + 1.0)).ln() + 1.0)
        .collect();
    let mut postings: Vec<Vec<(u32, f32)>> =
        df.iter().map(|&d| Vec::with_capacity(d as usize)).collect();
    for (i, (doc, counts)) in docs.iter_mut().zip(raw).enumerate() {
        let mut v: Vec<(TermId, f32)> = counts
            .into_iter()
            .map(|(t, c)| (t, (1.0 + c.ln()) * idf[t.0 as usize]))
            .collect();
        let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for e in &mut v {
                e.1 /= norm;
            }
        }
        for &(t, w) in &v {
            postings[t.0 as usize].push((i as u32, w));
        }
        doc.terms = v;
    }
    postings
}

/// Days since 1970-01-01 of an ISO date (`2025-02-13`, a time may follow).
pub(crate) fn day_number(date: &str) -> Option<i32> {
    let d = date.get(..10)?;
    let mut parts = d.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = (y - era * 400) as u32;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe as i32 - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    fn article(name: &str, text: &str) -> Article {
        load_bytes(name, text.as_bytes(), &LoadOptions::default()).unwrap()
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2021-10-18"), Some(18_918));
        assert_eq!(day_number("2024-03-01T10:00"), Some(19_783));
        assert_eq!(day_number("2021-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }

    #[test]
    fn vectors_have_unit_length_and_rare_terms_weigh_more() {
        let a = article(
            "a.txt",
            "The council approved the Halvorsen bridge budget on Monday.\n\nThe council met again.",
        );
        let b = article("b.txt", "The council rejected a school plan.");
        let index = build(&[a, b]);
        for d in &index.docs {
            let norm: f32 = d.terms.iter().map(|&(_, w)| w * w).sum();
            assert!((norm - 1.0).abs() < 1e-4, "{norm}");
        }
        let weight = |word: &str| {
            let id = index.surface.iter().position(|s| s == word).unwrap();
            index.docs[0]
                .terms
                .iter()
                .find(|&&(t, _)| t.0 as usize == id)
                .unwrap()
                .1
        };
        // "council" is in both articles (and twice in the first), "Halvorsen" in one.
        assert!(weight("Halvorsen") > 0.0);
        assert_eq!(index.postings[0].len(), 2, "{:?}", index.surface);
    }

    /// The vocabulary read with the bag is `overlap::vocabulary`, and the
    /// index is `build`'s: on the sample story, on a line naming the outlet
    /// (outside the bag, inside the vocabulary) and on a text with no
    /// content (the vocabulary then reads every block).
    #[test]
    fn the_vocabulary_read_with_the_bag_is_the_overlap_vocabulary() {
        let mut articles = crate::sample::load_sample_story();
        let mut with_outlet = article(
            "outlet.txt",
            "Flooding closed the Varnholt tunnel on Tuesday.\n\nSource: Harbour Tribune\n\nThe roads agency said the tunnel would reopen.",
        );
        with_outlet.meta.outlet = Some("Harbour Tribune".to_string());
        // As a page's body would hold it, whatever role the loader reads.
        for b in &mut with_outlet.blocks {
            b.role = Role::Body;
        }
        assert!(with_outlet
            .blocks
            .iter()
            .any(|b| b.role.is_content()
                && names_the_outlet(&with_outlet, with_outlet.slice(b.span))));
        articles.push(with_outlet);
        let mut no_content = article("empty.txt", "Share this\n\nFollow us");
        for b in &mut no_content.blocks {
            b.role = Role::Boilerplate;
        }
        articles.push(no_content);
        let overlap = crate::align::overlap::vocabulary;
        for pair in articles.windows(2) {
            let (index, [a, b]) = pair_with_vocabularies(&pair[0], &pair[1]);
            assert_eq!(a, overlap(&pair[0]), "{:?}", pair[0].meta.title);
            assert_eq!(b, overlap(&pair[1]), "{:?}", pair[1].meta.title);
            let built = build(&[&pair[0], &pair[1]]);
            assert_eq!(index.surface, built.surface);
            assert_eq!(index.postings, built.postings);
            for (x, y) in index.docs.iter().zip(&built.docs) {
                assert_eq!(
                    (&x.terms, &x.title, &x.quote_runs),
                    (&y.terms, &y.title, &y.quote_runs)
                );
            }
        }
    }

    #[test]
    fn quotations_give_runs() {
        let a = article(
            "a.txt",
            "She said: “We will rebuild the bridge within a year,” and left.",
        );
        let index = build(&[a]);
        assert_eq!(index.docs[0].quote_runs.len(), 4);
    }
}
