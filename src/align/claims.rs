//! Claims: sentences of different articles that report the same fact or
//! statement, however each outlet words it and wherever it puts it. One rule
//! (`same_claim`) decides it for the story's coverage table, for alignment by
//! claims (`storydiff diff --by claims`) and for the views, so that they all
//! count the same shared claims.

use super::budget::{Budget, POSTING_WORK};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

mod reading;

use super::similarity::{average_link, distinct, quote_similarity, FxMap, Profile, Vocab};
use super::units::Unit;
use super::{
    summary, word_diff_by, AlignOptions, Comparison, Op, OpKind, Relation, Side, Stats, Verdict,
    WordKind,
};
use crate::article::{Article, Span};
use reading::Pool;
pub(crate) use reading::Reading;

/// Similarity from which two sentences of different articles say the same thing
/// (when each is the other's best match in its article).
pub(crate) const CLAIM_THRESHOLD: f64 = 0.28;

/// Whether two sentences carry the same claim, and how good a partner each
/// is for the other if so: their similarity, raised by how alike what both
/// assert is (`ASSERTED_LEAD`), or 1 for a cut copy.
/// They share a quotation (a run that holds two distinctive words, or six
/// words) and are alike as claims (claim similarity at least
/// `CLAIM_THRESHOLD`); or what they share is evidence enough (`Evidence`):
/// worth two distinctive words, one of them about what is said rather than
/// who, at that similarity; worth three, two about what is said, at
/// `CLAIM_MIDDLE`; worth four, three about what is said, at `CLAIM_FLOOR`
/// (the long sentences in which two outlets wrap one fact in different
/// circumstances); or what they assert is close (`ASSERTED_CLOSE`), or
/// near apart from amounts (`ASSERTED_NEAR`), and one word of it is shared
/// evidence. The similarity is the greater of the whole sentences'
/// and of what they assert (`assertion`: their main clauses without the
/// circumstances, the speaker and the asides around them); and some of the
/// content both share must stand in what both assert, or what they assert
/// must be alike (`ASSERTED_ALIKE`): a sentence that names the other's fact
/// only in passing while asserting something else (`A recently relieved
/// … commander claimed that …`, `The speech comes amid heightened pressure
/// from …`) is not the same claim. `distinctive` tells the words rare in the pool, `topic`
/// those that run through either sentence's article (such a word counts
/// half, and only where what both assert is alike and both assert it or
/// neither is cut off: a short report restates
/// its main fact in its first sentences, and another outlet's report of
/// that fact shares those words). Two sentences that
/// share only the story's everyday names ("President Trump", "Nato",
/// "Thursday"), its recurring phrases ("phone call") or a background date
/// ("the war that began in February 2022") are not one claim; nor are two
/// quotations that share only such words ("Nato membership for Ukraine" in
/// the mouths of two different ministers). A sentence that is the other cut
/// off (`cut_copy`: a teaser's `Hochul said the state was also looking at
/// using...`) is the same claim whatever its words; a sentence that asserts
/// a failure (`lawmakers failed to override the veto`) and one that does
/// not (`senators voted to override the veto`) are not. Unless the two
/// articles tell one story (`one_story`: `stories_shared`), evidence worth
/// two that is only everyday English words is not enough.
pub(crate) fn same_claim(
    vocab: &Vocab,
    a: &Sent,
    b: &Sent,
    distinctive: impl Fn(&u32) -> bool,
    topic: impl Fn(&u32) -> bool,
    one_story: bool,
) -> Option<f64> {
    let agreeing;
    let b = match with_agreeing_amounts(vocab, a, b) {
        Some(read) => {
            agreeing = read;
            &agreeing
        }
        None => b,
    };
    if cut_copy(a, b) || cut_copy(b, a) {
        return Some(1.0);
    }
    // A failure and a success of the same act are two facts; so are a
    // report and its retraction.
    if a.fails != b.fails {
        return None;
    }
    let (pa, pb) = (&a.profile, &b.profile);
    let quoted = shared_quotation(pa, pb, &distinctive);
    let s = if quoted || quote_similarity(pa, pb) == 0.0 {
        vocab.claim_similarity(pa, pb)
    } else {
        // A shared run of everyday words inside quotation marks is no
        // shared quotation: the words alone decide.
        vocab.claim_similarity(&without_quotes(pa), &without_quotes(pb))
    };
    if s < CLAIM_FLOOR {
        return None;
    }
    // A question asserts nothing: beside a statement it is no claim of
    // it, unless the two share a quotation.
    if a.question != b.question && !quoted {
        return None;
    }
    if quoted {
        return (s >= CLAIM_THRESHOLD).then_some(s);
    }
    let core = vocab.claim_similarity(&a.asserted, &b.asserted);
    // A topic is evidence only where what the two sentences assert is alike.
    let topics_count = core >= TOPICS_ALIKE;
    let shared = shared_evidence(vocab, a, b, &distinctive, &topic, topics_count);
    // A word both assert that one negates in its first clause and the
    // other nowhere: they say opposite things of it (`was not created` /
    // `created`, `are not eligible` / `made … eligible`), unless what they
    // assert is close (then the negation is the wording of one fact: `not
    // meeting a deadline` / `unlikely to meet`).
    let opposite = shared
        .iter()
        .any(|w| w.asserted && opposite_of(a, b, w.stem));
    if opposite && s.max(core) < ASSERTED_CLOSE {
        return None;
    }
    // Write-ups of different stories share no claim through two everyday
    // English words alone (`view photos`, `an annual event`).
    let everyday_only = shared
        .iter()
        .filter(|w| w.worth > 0.0)
        .all(|w| vocab.is_everyday(w.stem));
    let mut e = Evidence::of(vocab, a, &shared).least(Evidence::of(vocab, b, &shared));
    // Two sentences that both assert a failure or a retraction share what
    // is said however each words it (`walked back their reporting` /
    // `issued significant corrections, retracting earlier reporting`).
    if a.fails && b.fails {
        e.total += 1.0;
        e.content += 1.0;
        e.asserted += 1.0;
    }
    // A sentence cut off in an ellipsis may stop before it says what it
    // asserts (`The assault weapons ban will not...`).
    let whole = !a.cut && !b.cut;
    // Circumstances do not make a claim less alike: when what two sentences
    // assert is clearly alike, that counts, not the whole sentences.
    let alike = if core >= ASSERTED_SAME {
        s.max(core)
    } else {
        s
    };
    let enough = (alike >= CLAIM_THRESHOLD
        && e.total >= 2.0
        && e.content >= 1.0
        && (one_story || !everyday_only))
        || (alike >= CLAIM_MIDDLE && e.total >= 3.0 && e.content >= 2.0)
        || (e.total >= 4.0 && e.content >= 3.0)
        || (core >= ASSERTED_CLOSE && e.total >= 1.0 && (whole || e.asserted >= 0.5))
        || (core >= ASSERTED_NEAR
            && alike >= CLAIM_MIDDLE
            && e.total >= 1.0
            && e.asserted >= 0.5
            && near_apart_from_amounts(vocab, a, b));
    // One sentence only mentions what the other asserts: not one claim.
    let asserted = e.asserted >= 1.0 || core >= ASSERTED_ALIKE;
    // A twin (word for word) stays the best match there is, at 1.
    (enough && asserted).then_some((s + ASSERTED_LEAD * core).min(1.0))
}

/// Whether one of two sentences negates `w` in its first clause and the
/// other nowhere (`negated_words`).
fn opposite_of(a: &Sent, b: &Sent, w: u32) -> bool {
    let negates = |s: &Sent| s.negated.binary_search(&w).is_ok();
    let denies = |s: &Sent| s.negated_main.binary_search(&w).is_ok();
    denies(a) && !negates(b) || denies(b) && !negates(a)
}

/// Whether two sentences say opposite things or different kinds of thing,
/// whatever their words share: a failure or retraction and not
/// (`Sent::fails`), a question and a statement, or a word both assert that
/// one negates and the other does not (`opposite_of`).
fn opposed(a: &Sent, b: &Sent) -> bool {
    a.fails != b.fails
        || a.question != b.question
        || shared_stems(&a.asserted.stems, &b.asserted.stems).any(|w| opposite_of(a, b, w))
}

/// How much the claim similarity of what two sentences assert (their main
/// clauses, `assertion`) adds to their similarity when a sentence's partner
/// is chosen among those that carry its claim (`same_claim`'s answer). The
/// names and titles a story's sentences share (`Canadian Prime Minister
/// Justin Trudeau`) make sentences alike whatever each says of them; of two
/// sentences about as alike, the one that asserts the same (`he will need
/// to work with other parties`) is the better partner, not the one that
/// names the same people while it asserts another fact (`has won a third
/// term`). Weighed by the words' rarity, as similarity is: a sentence that
/// shares many everyday words with what the other asserts (`release`,
/// `data`, `state`, `draw`, `decade` in a report that the release `was
/// delayed`) is no better partner for them than one that asserts the same
/// act (`will release the data used to draw voting districts`), nor is a
/// caveat about a story's subject (`a rebuke of Biden and other Catholic
/// politicians … is not assured`) for the report of the vote. A lead of a
/// few hundredths decides between near equals only: a sentence much more
/// alike as a whole keeps its lead (`The FDA … authorized Pfizer booster
/// shots for people above the age of 65` over `These groups include
/// individuals 65 years and older …` beside the report of the
/// authorization and who may have it).
const ASSERTED_LEAD: f64 = 0.1;

/// Whether `short` is `long` cut off: its words are the first words of
/// `long` (a teaser or a page's truncated copy of a sentence), but the last
/// when `short` ends in an ellipsis (cut inside a word: `using...`).
fn cut_copy(short: &Sent, long: &Sent) -> bool {
    let n = short.seq.len();
    n >= CUT_COPY_WORDS
        && n < long.seq.len()
        && long
            .seq
            .starts_with(&short.seq[..n - usize::from(short.cut)])
}

/// Whether a sentence ends in an ellipsis (`...`, `…`): cut off.
fn ends_cut(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| c.is_whitespace() || "\"”’'".contains(c));
    end.ends_with('…') || end.ends_with("..")
}

/// Whether a sentence asks a question: it ends in a question mark (inside
/// closing quotation marks or brackets too).
fn asks(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || "\"”’')".contains(c))
        .ends_with(['?', '？'])
}

/// The fewest words of a sentence read as another one cut off (`cut_copy`).
const CUT_COPY_WORDS: usize = 6;

/// Amounts that agree approximately are one figure: `more than $3 billion`
/// and `$3.2 billion`, `about 10,000` and `9,600` thousand. Two figures
/// written before the same word of magnitude, neither a year, that differ
/// by at most `AMOUNTS_AGREE` of the greater.
const AMOUNTS_AGREE: f64 = 0.1;

/// `b` with each of its amounts that agrees approximately with a different
/// amount of `a` (`AMOUNTS_AGREE`) written as `a`'s figure; `None` when
/// there is none.
fn with_agreeing_amounts(vocab: &Vocab, a: &Sent, b: &Sent) -> Option<Sent> {
    let amounts = |s: &Sent| -> Vec<(u32, u32, f64)> {
        s.seq
            .windows(2)
            .filter(|p| vocab.is_magnitude(p[1]) && !vocab.is_when(p[0]))
            .filter_map(|p| Some((p[0], p[1], vocab.value(p[0])?)))
            .collect()
    };
    let mine = amounts(b);
    if mine.is_empty() {
        return None;
    }
    let theirs = amounts(a);
    let agree = |x: f64, y: f64| x != y && (x - y).abs() <= AMOUNTS_AGREE * x.abs().max(y.abs());
    let read_as: Vec<(u32, u32)> = mine
        .iter()
        .filter(|m| !theirs.iter().any(|t| t.0 == m.0))
        .filter_map(|&(figure, magnitude, value)| {
            theirs
                .iter()
                .find(|t| t.1 == magnitude && agree(t.2, value))
                .map(|t| (figure, t.0))
        })
        .collect();
    if read_as.is_empty() {
        return None;
    }
    let swap = |v: &[u32]| -> Vec<u32> {
        v.iter()
            .map(|&w| read_as.iter().find(|r| r.0 == w).map_or(w, |r| r.1))
            .collect()
    };
    let sorted = |mut v: Vec<u32>| {
        v.sort_unstable();
        v
    };
    Some(Sent {
        article: b.article,
        span: b.span,
        profile: Profile {
            stems: sorted(swap(&b.profile.stems)),
            quotes: b.profile.quotes.clone(),
        },
        key: b.key,
        cut: b.cut,
        question: b.question,
        body: b.body,
        fails: b.fails,
        names: b.names.iter().map(|n| swap(n)).collect(),
        things: b.things.clone(),
        said_in: b.said_in.clone(),
        negated: b.negated.clone(),
        negated_main: b.negated_main.clone(),
        seq: swap(&b.seq),
        asserted: Profile {
            stems: {
                let mut v = sorted(swap(&b.asserted.stems));
                v.dedup();
                v
            },
            quotes: Vec::new(),
        },
    })
}

/// Claim similarity of what two sentences assert from which the topics they
/// share count as evidence (`shared_evidence`): below it, two sentences
/// that share only an article's recurring words (`Trudeau`, `parties`,
/// `minority`) say different things about them.
const TOPICS_ALIKE: f64 = 0.25;

/// Claim similarity of what two sentences assert from which they say the
/// same in nearly the same words: the story's own words are then evidence
/// enough (`The Supreme Court dismissed a challenge to the Affordable Care
/// Act` / `… dismissed the latest challenge to the Affordable Care Act`,
/// `North Korea has fired two ballistic missiles across its east coast` /
/// `North Korea launched two ballistic missiles into waters off its
/// eastern coast`), and so are names alone when neither is cut off (`The
/// Department of Education’s civil rights office will review … in Iowa,
/// Oklahoma, South Carolina, Tennessee and Utah` / `The DOE's Office for
/// Civil Rights sent letters to education chiefs in Iowa, Oklahoma …`).
const ASSERTED_CLOSE: f64 = 0.5;

/// Claim similarity of what two sentences assert from which they restate
/// one fact in other words (`Bill and Melinda Gates … said on Monday that
/// they were getting a divorce` / `Bill and Melinda Gates appear to be
/// divorcing after 27 years of marriage`, `A federal judge in California
/// on Friday overturned the state’s … ban on assault weapons` / `A federal
/// judge in the Southern District of California ruled late on Friday that
/// California’s … ban is unconstitutional`): the story's own words are then
/// evidence enough where the whole sentences are alike at `CLAIM_MIDDLE`
/// and what they assert is as near without the amounts
/// (`near_apart_from_amounts`). Each outlet words the act itself its own
/// way (`overturned` / `ruled … unconstitutional`, `rejected a … school
/// board’s appeal` / `declined to take up a case over a … school board’s
/// policy`, `trashed a draft report` / `fumed over an initial draft`), so
/// main clauses that tell one fact share its who and what but seldom its
/// verb, and are less alike than `ASSERTED_CLOSE` asks. A word list of such verbs does not do it:
/// read as one word, the act runs through both write-ups of a short story
/// and is neither distinctive nor anything but a topic (`shared_evidence`).
const ASSERTED_NEAR: f64 = 0.4;

/// Whether what two sentences assert is alike at `ASSERTED_NEAR` but for
/// their amounts, and the figures they state agree: one amount both name
/// (`Biden's $1.2 trillion infrastructure package` / `a $1.2 trillion
/// infrastructure bill`) is the story's name for a thing, weighty as a
/// number is, not the statement; and two sentences that state different
/// figures (`$5 trillion in new federal spending` / `to spend $6
/// trillion`) tell different facts (`figures_disagree`).
fn near_apart_from_amounts(vocab: &Vocab, a: &Sent, b: &Sent) -> bool {
    let words = |s: &Sent| Profile {
        stems: s
            .asserted
            .stems
            .iter()
            .copied()
            .filter(|&w| !vocab.is_number(w) && !vocab.is_magnitude(w))
            .collect(),
        quotes: Vec::new(),
    };
    !figures_disagree(vocab, a, b) && vocab.claim_similarity(&words(a), &words(b)) >= ASSERTED_NEAR
}

/// Claim similarity of what two sentences assert (`assertion`) from which
/// they assert the same thing, though the words that tell it are the
/// story's everyday ones.
const ASSERTED_ALIKE: f64 = 0.2;

/// Claim similarity of what two sentences assert from which it stands for
/// theirs (`same_claim`): below it, shorter main clauses that share a name
/// and a word are not yet alike.
const ASSERTED_SAME: f64 = 0.5;

/// A distinctive word two sentences share, what it is worth, and the phrase
/// (an index) it stands in on both sides, if any.
#[derive(Clone, Copy, Debug)]
struct SharedWord {
    stem: u32,
    worth: f64,
    phrase: Option<usize>,
    /// Both sentences assert it (`assertion`), not only mention it.
    asserted: bool,
    /// It is the day of a date both give (`Dec. 3`).
    dated: bool,
}

/// The distinctive words two sentences share, but for those that say when
/// and weak ones. A word is worth one, or half in a phrase it forms on both
/// sides with the story's everyday words only ("Nato membership", "European
/// allies", "defence spending"): the story's phrase, not this statement's.
fn shared_evidence(
    vocab: &Vocab,
    a: &Sent,
    b: &Sent,
    distinctive: &impl Fn(&u32) -> bool,
    topic: &impl Fn(&u32) -> bool,
    topics_count: bool,
) -> Vec<SharedWord> {
    let (dates_a, dates_b) = (dates(vocab, a), dates(vocab, b));
    let same_date = |w: u32| same_date(&dates_a, &dates_b, w);
    let words: Vec<u32> = shared_stems(&a.profile.stems, &b.profile.stems)
        .filter(|&w| !vocab.is_when(w) && !vocab.is_weak(w) && same_date(w) != Some(false))
        .collect();
    let phrases = phrases(a, b, &words);
    let named = |w: u32| {
        [a, b]
            .iter()
            .all(|s| s.names.iter().any(|n| n.contains(&w)))
    };
    // A name whose last word (the surname, the head) runs through an
    // article names one of the story's own people or places however it is
    // written here (`John Bel Edwards` where the articles say `Edwards`):
    // all its words are topics. A title before it (`Defence Minister`) does
    // not make another minister one.
    let in_topical_name = |w: &u32| {
        [a, b].iter().any(|s| {
            s.names
                .iter()
                .any(|n| n.contains(w) && n.last().is_some_and(topic))
        })
    };
    let topical: Vec<bool> = words
        .iter()
        .map(|w| topic(w) || in_topical_name(w))
        .collect();
    // Where a statement was made (`said in a blog post`, `according to a
    // book excerpt`) is neither who made it nor what it says: two
    // statements made in one post are still two. A name there says who, as
    // anywhere.
    let only_where_said = |w: u32| {
        [a, b]
            .iter()
            .any(|s| s.said_in.binary_search(&w).is_ok() && !s.names.iter().any(|n| n.contains(&w)))
    };
    let rare: Vec<bool> = words.iter().map(distinctive).collect();
    // An amount's figure and its magnitude are one rare thing: `$1.2
    // trillion infrastructure bill` is the story's name for the bill.
    let alone_in = |p: usize| {
        let mut members = words
            .iter()
            .zip(&phrases)
            .zip(&rare)
            .filter(|((_, q), _)| **q == Some(p));
        let rare_things = members
            .clone()
            .filter(|((&w, _), &r)| r && !vocab.is_magnitude(w))
            .count();
        rare_things == 1 && members.any(|(_, &r)| !r)
    };
    words
        .iter()
        .zip(&phrases)
        .zip(&rare)
        .zip(&topical)
        .filter(|((_, &r), _)| r)
        .map(|(((&stem, &phrase), _), &t)| {
            // A name is one thing named, however everyday its other words.
            let everyday = phrase.is_some_and(alone_in) && !named(stem);
            let asserted = [a, b]
                .iter()
                .all(|s| s.asserted.stems.binary_search(&stem).is_ok());
            // A topic of either article tells one of its statements from
            // another only where what the two sentences assert is alike
            // (`topics_count`), and then half: where both assert it, or
            // anywhere in two whole sentences (`months after US President
            // Joe Biden revoked its permit` / `after U.S. President Joe
            // Biden this year revoked a key permit`, beside `abandoned the
            // project` / `was halted`). A sentence cut off in an ellipsis
            // has not said all it asserts: there the topic must be asserted.
            let whole = !a.cut && !b.cut;
            let worth = match (t, (asserted || whole) && topics_count, everyday) {
                _ if only_where_said(stem) => 0.0,
                (true, false, _) => 0.0,
                (true, true, _) | (false, _, true) => 0.5,
                (false, _, false) => 1.0,
            };
            SharedWord {
                stem,
                worth,
                phrase,
                asserted,
                dated: same_date(stem) == Some(true),
            }
        })
        .collect()
}

/// For each of `shared`, the phrase it belongs to: runs of shared words that
/// stand next to each other, in the same order, in both sentences.
fn phrases(a: &Sent, b: &Sent, shared: &[u32]) -> Vec<Option<usize>> {
    let next_to = |s: &Sent, x: u32, y: u32| s.seq.windows(2).any(|p| p[0] == x && p[1] == y);
    let mut phrase: Vec<Option<usize>> = vec![None; shared.len()];
    let mut count = 0;
    // Follow each run in `a`'s order.
    for p in a.seq.windows(2) {
        let (Ok(x), Ok(y)) = (shared.binary_search(&p[0]), shared.binary_search(&p[1])) else {
            continue;
        };
        if x == y || !next_to(b, p[0], p[1]) {
            continue;
        }
        let k = *phrase[x].get_or_insert_with(|| {
            count += 1;
            count - 1
        });
        match phrase[y] {
            Some(old) if old != k => {
                phrase
                    .iter_mut()
                    .filter(|q| **q == Some(old))
                    .for_each(|q| *q = Some(k));
            }
            _ => phrase[y] = Some(k),
        }
    }
    phrase
}

/// Least claim similarity of two sentences whose shared words are worth three
/// (`same_claim`).
const CLAIM_MIDDLE: f64 = 0.24;

/// Least claim similarity of two sentences with strong evidence (`same_claim`).
const CLAIM_FLOOR: f64 = 0.15;

/// What the distinctive words two sentences share are worth, as seen from one
/// of them: a word counts its worth (a number twice: it is a fact, when both
/// sentences assert it, but a small whole one once, `is_small`, unless it is
/// the day of a date both give; an amount one only mentions in passing,
/// nothing), but
/// the words of one name ("UK Defence Secretary John Healey") count once,
/// and so do the words of one phrase both sentences write word for word
/// ("phone call", "pre-2014 borders", "full-scale"): a story's recurring
/// phrase is one thing said, not two. Words that say when ("February
/// 2022", "Thursday") are left out beforehand: they date a fact without
/// saying it; so are degree words and the verbs that frame a statement
/// ("much", "speaking", "according").
/// Names say who; the rest is `content`, what is said.
#[derive(Clone, Copy, Debug, Default)]
struct Evidence {
    total: f64,
    content: f64,
    /// The content both sentences assert.
    asserted: f64,
}

impl Evidence {
    /// `shared`: the distinctive words both carry (`shared_evidence`).
    fn of(vocab: &Vocab, s: &Sent, shared: &[SharedWord]) -> Evidence {
        // (group, worth, content, asserted): a group per name, per phrase,
        // and one per other word.
        let mut groups: Vec<(usize, f64, bool, bool)> = Vec::new();
        for &SharedWord {
            stem: w,
            worth,
            phrase,
            asserted,
            dated,
        } in shared
        {
            // An amount is a fact when both assert it; one that a sentence
            // names only in passing (`despite hopes to expedite voting on
            // the nearly $1 trillion proposal`) is no evidence.
            let amount = vocab.is_number(w) || vocab.is_magnitude(w);
            let worth = match (amount, asserted) {
                (true, false) => 0.0,
                (true, true) if vocab.is_number(w) && (dated || !is_small(vocab, w)) => 2.0 * worth,
                _ => worth,
            };
            let (group, content) = if let Some(k) = s.names.iter().position(|n| n.contains(&w)) {
                // A named law or plan is what is said; a named person or
                // body, who.
                (k, s.things.get(k).copied().unwrap_or(false))
            } else if let Some(k) = phrase {
                (s.names.len() + k, true)
            } else {
                // A title or office says who, as a name does.
                (usize::MAX - w as usize, !vocab.is_role(w))
            };
            match groups.iter_mut().find(|g| g.0 == group) {
                Some(g) => {
                    g.1 = g.1.max(worth);
                    g.3 |= asserted;
                }
                None => groups.push((group, worth, content, asserted)),
            }
        }
        Evidence {
            total: groups.iter().map(|g| g.1).sum(),
            content: groups.iter().filter(|g| g.2).map(|g| g.1).sum(),
            asserted: groups.iter().filter(|g| g.2 && g.3).map(|g| g.1).sum(),
        }
    }

    /// The lesser of two views of the same shared words.
    fn least(self, other: Evidence) -> Evidence {
        Evidence {
            total: self.total.min(other.total),
            content: self.content.min(other.content),
            asserted: self.asserted.min(other.asserted),
        }
    }
}

/// Whether the two sentences quote the same words: a run of four or more
/// words inside quotation marks on both sides that holds two distinctive
/// words, or is six words or longer.
fn shared_quotation(a: &Profile, b: &Profile, distinctive: &dyn Fn(&u32) -> bool) -> bool {
    a.quotes.iter().any(|qa| {
        b.quotes.iter().any(|qb| {
            let run = longest_common_run(qa, qb);
            run.len() >= 6
                || (run.len() >= 4 && distinct_sorted(run).filter(|w| distinctive(w)).count() >= 2)
        })
    })
}

/// The words of a run, each once.
fn distinct_sorted(run: &[u32]) -> impl Iterator<Item = u32> {
    let mut v = run.to_vec();
    v.sort_unstable();
    v.dedup();
    v.into_iter()
}

/// The longest run of words two quotations share.
fn longest_common_run<'a>(a: &'a [u32], b: &[u32]) -> &'a [u32] {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let (mut best, mut end) = (0, 0);
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            if cur[j + 1] > best {
                (best, end) = (cur[j + 1], i + 1);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    &a[end - best..end]
}

/// A profile with its quotations left out (its words kept).
fn without_quotes(p: &Profile) -> Profile {
    Profile {
        stems: p.stems.clone(),
        quotes: Vec::new(),
    }
}

/// Where each article's sentences start in the pool (sentences come article
/// by article), and the pool's end.
fn article_starts(sents: &[Sent], articles: usize) -> Vec<usize> {
    (0..=articles)
        .map(|a| sents.partition_point(|s| s.article < a))
        .collect()
}

/// Whether a word is distinctive in a pool of `sentences` from `articles`
/// articles, carried by `df` of them: at most two sentences per article on
/// average, or one in thirty of a long pool. A story's everyday names
/// (its protagonists, the place, the day) are in many more. An everyday
/// English word (`everyday`) must be twice as rare in a long pool, one in
/// sixty: two collections of unrelated news each hold `law`, `court` or
/// `vote` in stories of their own.
pub(crate) fn is_distinctive(df: usize, sentences: usize, articles: usize, everyday: bool) -> bool {
    let share = if everyday { 60 } else { 30 };
    df <= (2 * articles).max(sentences / share)
}

/// The content sentences of some articles, the claims they form and the
/// vocabulary they were weighed with.
pub(crate) struct Clusters {
    pub sents: Vec<Sent>,
    /// Lists of indices into `sents`, in article order; at most one sentence
    /// of each article per claim.
    pub clusters: Vec<Vec<usize>>,
    pub vocab: Vocab,
    /// When the deadline stopped the search: how many sentences were searched.
    pub late: Option<usize>,
}

/// A content sentence of one article.
pub(crate) struct Sent {
    pub article: usize,
    pub span: Span,
    pub profile: Profile,
    /// A key of its words as written: equal keys, word-for-word the same sentence.
    pub key: u64,
    /// It ends cut off, in an ellipsis (`looking at using...`).
    pub cut: bool,
    /// It asks a question (`Now they're forcing taxpayers to buy …?`).
    pub question: bool,
    /// It stands in the body, not in a standfirst or a subhead.
    pub body: bool,
    /// What it asserts is that something failed or was taken back or
    /// denied (`lawmakers failed to override`, `retracting earlier
    /// reporting`, `said the reports … were false`):
    /// filled by `mark_names`.
    pub fails: bool,
    /// Its names: runs of capitalised words, as stems (filled by `mark_names`).
    pub names: Vec<Vec<u32>>,
    /// For each name, whether it names a thing done or decided (`THING_HEADS`).
    pub things: Vec<bool>,
    /// The stems of the words that say where what it says was said
    /// (`assertion`: `in a blog post` after `said`, `according to a book
    /// excerpt`), each once, sorted (filled by `mark_names`).
    pub said_in: Vec<u32>,
    /// The stems of the words it negates (`negated_words`: `was not
    /// created`, `are not eligible`), each once, sorted (filled by
    /// `mark_names`), and of those it negates in its first asserted clause.
    pub negated: Vec<u32>,
    pub negated_main: Vec<u32>,
    /// Its words' stems in order, function words included (filled by `mark_names`).
    pub seq: Vec<u32>,
    /// The content words of what it asserts (`assertion`), each once, as a
    /// profile (filled by `mark_names`).
    pub asserted: Profile,
}

/// Members of each group compared when checking average linkage.
const LINK_SAMPLE: usize = 6;
/// Candidates scored in full for each sentence.
const TOP: usize = 16;
/// Mean similarity two groups of sentences need to form one claim.
const AVERAGE_LINK: f64 = 0.28;
/// Word rarity is judged as if the pool held at least this many sentences:
/// two short write-ups are a pool of a dozen.
const SMALL_POOL: u32 = 200;
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

/// Whether what a sentence asserts (`asserted`: its words that are part of
/// its assertion) is that something failed or was taken back: `failed to`
/// or `fails to` in its main clause (`Louisiana lawmakers failed to
/// override …`), the opposite of the same words without it (`senators
/// voted to override …`); or a retraction (`retracted`, `walked back`:
/// `The Washington Post … issued significant corrections, retracting
/// earlier reporting that said Rudy Giuliani had been directly warned …`),
/// the opposite of the report it takes back (`The Washington Post was the
/// first to report … that Giuliani was warned …`), wherever it stands but
/// in a relative clause; or a denial (`denial`), the opposite of what it
/// denies. Not in a relative clause (`rockets that airstrikes failed to
/// curb`) nor a forecast (`the legislation will fail to pass`).
fn asserts_undoing(words: &[&str], asserted: &[bool]) -> bool {
    // Most sentences have no such word: nothing to read. This runs on
    // every sentence searched: the sentence is lower-cased once and looked
    // through for each mark (`UNDOING_MARKS`, `FALSEHOODS`) by bytes.
    static MARKS: std::sync::OnceLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        UNDOING_MARKS
            .iter()
            .chain(FALSEHOODS)
            .map(|m| memchr::memmem::Finder::new(m.as_bytes()))
            .collect()
    });
    let mut lower = words.join(" ");
    lower.make_ascii_lowercase();
    if !marks.iter().any(|m| m.find(lower.as_bytes()).is_some()) {
        return false;
    }
    let bare: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let relative = |k: usize| {
        bare[..k]
            .iter()
            .rev()
            .take_while(|w| !w.is_empty())
            .zip(words[..k].iter().rev())
            .take_while(|(_, w)| !w.ends_with([',', ';', ':']))
            .any(|(w, _)| matches!(w.as_str(), "that" | "which" | "who" | "whom" | "whose"))
    };
    let failure = |k: usize| {
        asserted[k]
            && matches!(bare[k].as_str(), "failed" | "fails")
            && bare.get(k + 1).is_some_and(|w| w == "to")
    };
    let taken_back = |k: usize| {
        bare[k].starts_with("retract")
            || (matches!(bare[k].as_str(), "walk" | "walks" | "walked" | "walking")
                && bare.get(k + 1).is_some_and(|w| w == "back"))
    };
    (0..words.len()).any(|k| {
        (failure(k) || taken_back(k)) && !relative(k) || asserted[k] && denial(&bare, k, relative)
    })
}

/// What a word of a failure, a retraction or a denial holds (`failed`,
/// `retracting`, `walked back`, `denied`): a sentence with none of them
/// nor of `FALSEHOODS` undoes nothing (`asserts_undoing`).
const UNDOING_MARKS: &[&str] = &["ail", "retract", "back", "deni", "deny"];

/// Words that call what was said untrue (`the reports were false`).
const FALSEHOODS: &[&str] = &[
    "baseless",
    "bogus",
    "fabricated",
    "false",
    "groundless",
    "inaccurate",
    "incorrect",
    "unfounded",
    "untrue",
];

/// Words that name what someone said or reported: what a denial denies.
const STATEMENTS: &[&str] = &[
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "report",
    "reporting",
    "reports",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "story",
    "stories",
];

/// Whether `bare[k]` (words lower-cased, bare of punctuation; `relative`:
/// whether a word stands in a relative clause) denies what was said, the
/// opposite of the report it answers (`… said the reports that he was
/// warned were false` / `… reported that he was warned`): a word of
/// `FALSEHOODS` said of it (after a form of `be` or `as`: `were false`,
/// `dismissed the reports as false`; a relative `that` before it opens
/// the clause of what the report said, not a relative clause); a form of
/// `deny` of a statement (`denied that`, `denied he was a target`, `denied
/// the reports`), not a request (`denied a motion`); or hitting or pushing
/// back at one (`hit back at allegations that it is spying on him`).
fn denial(bare: &[String], k: usize, relative: impl Fn(usize) -> bool) -> bool {
    let w = bare[k].as_str();
    let statement_within = |from: usize, n: usize| {
        bare.iter()
            .skip(from)
            .take(n)
            .any(|x| STATEMENTS.contains(&x.as_str()))
    };
    if FALSEHOODS.contains(&w) {
        return (1..=2).any(|d| {
            k.checked_sub(d).is_some_and(|j| {
                matches!(
                    bare[j].as_str(),
                    "is" | "are" | "was" | "were" | "be" | "been" | "as"
                )
            })
        });
    }
    if relative(k) {
        return false;
    }
    if matches!(w, "deny" | "denies" | "denied" | "denying") {
        let next = bare.get(k + 1).map_or("", String::as_str);
        return matches!(
            next,
            "that" | "he" | "she" | "it" | "they" | "we" | "i" | "having"
        ) || statement_within(k + 1, 3);
    }
    w == "back"
        && bare
            .get(k + 1)
            .is_some_and(|x| matches!(x.as_str(), "at" | "against"))
        && statement_within(k + 2, 3)
}

/// Words that negate the first word of content after them.
const NEGATORS: &[&str] = &["not", "never", "no", "cannot"];

/// Verbs that negate what follows them in other words than `NEGATORS`
/// (`flatly rejected meeting U.S. President Joe Biden` / `insisted he
/// would not meet with President Joe Biden`): a word they negate is
/// negated for `same_claim` (`Negated::Aside`), never the sentence's
/// polarity, which a verb's meaning does not reliably give.
const NEGATING_VERBS: &[&str] = &[
    "declined", "declines", "denied", "denies", "opposed", "opposes", "refused", "refuses",
    "rejected", "rejects",
];

/// How a sentence negates a word (`negated_words`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Negated {
    No,
    /// Further on, in a list or an aside.
    Aside,
    /// In the first clause the sentence asserts: its polarity.
    Main,
}

/// For each of `words` (a sentence split at whitespace, punctuation kept;
/// `asserted`: whether each is part of what it asserts), whether it is
/// negated: the first word of content after a negator (`NEGATORS`, or a
/// word ending in `n't`) in its clause, in the sentence's first clause
/// that it asserts (`Main`) or further on (`Aside`). `An account pulled
/// from Twitter … was not created by the ex-commander-in-chief’s team`
/// says the opposite of `an account created to share posts`; `Taiwan will
/// not bow to pressure` negates `bow`, not `pressure`; a negation in a
/// list (`… such as claiming any approved vaccine … does not reduce spread
/// of disease`) is the wording of what the sentence tells, not its
/// polarity.
pub(crate) fn negated_words(words: &[&str], asserted: &[bool]) -> Vec<Negated> {
    let mut out = vec![Negated::No; words.len()];
    let mut negating = false;
    let mut by_verb = false;
    let mut main = true;
    for (k, w) in words.iter().enumerate() {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .to_ascii_lowercase();
        let negator =
            NEGATORS.contains(&bare.as_str()) || bare.ends_with("n't") || bare.ends_with("n’t");
        if negator || NEGATING_VERBS.contains(&bare.as_str()) {
            negating = true;
            by_verb = !negator;
        } else if negating && !super::similarity::is_stopword(&bare) {
            out[k] = if main && !by_verb {
                Negated::Main
            } else {
                Negated::Aside
            };
            negating = false;
        }
        let ends_clause = w
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with([',', ';', ':', '.'])
            || matches!(*w, "—" | "–" | "--");
        if ends_clause {
            negating = false;
            // The first clause it asserts ends here.
            main &= !asserted[k];
        }
    }
    out
}

/// Last words of the names of things done or decided rather than of who
/// does them: a law, a plan, a deal (`the Cannabis Administration and
/// Opportunity Act`, `the Clean Energy Performance Program`).
const THING_HEADS: &[&str] = &[
    "accord",
    "accords",
    "act",
    "agreement",
    "amendment",
    "bill",
    "deal",
    "directive",
    "initiative",
    "law",
    "plan",
    "program",
    "programme",
    "project",
    "resolution",
    "treaty",
];

/// Whether a name ending in `last` (as written) names a thing done or
/// decided (`THING_HEADS`): what is said, not who says it.
fn names_a_thing(last: &str) -> bool {
    let bare = last
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    THING_HEADS.contains(&bare.as_str())
}

/// A hash of a sentence's words as written (whitespace runs do not count).
fn words_key(text: &str) -> u64 {
    // Eight bytes at a time, each word closed by its length (SipHash, over
    // every sentence of both texts, cost 60 M instructions on a 1 MB pair).
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mix = |h: u64, v: u64| (h.rotate_left(5) ^ v).wrapping_mul(K);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in crate::article::split_words(text) {
        for chunk in w.as_bytes().chunks(8) {
            h = mix(h, chunk.iter().rev().fold(0, |v, &c| v << 8 | u64::from(c)));
        }
        h = mix(h, !(w.len() as u64));
    }
    h ^= h >> 32;
    h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// For each sentence (`keys`: its article and the key of its words), its
/// word-for-word twin in each other article: a sentence an article repeats
/// is paired in order (its first copy with the other article's first copy,
/// its second with the second), so that two copies of a page carry each
/// repeat in one claim: (article, twin) pairs.
fn twins(keys: &[(usize, u64)]) -> Vec<Vec<(usize, usize)>> {
    // Sorted by key, then article, then place: each key's sentences are one
    // run, each article's copies a run within it, in order. Keys are hashes
    // already, and a story computes this for every pair, over every
    // sentence of the two: a sort, with no map.
    let mut order: Vec<(u64, usize, usize)> = keys
        .iter()
        .enumerate()
        .map(|(i, &(article, key))| (key, article, i))
        .collect();
    order.sort_unstable();
    let mut out = vec![Vec::new(); keys.len()];
    for same_key in order.chunk_by(|x, y| x.0 == y.0) {
        if same_key[0].1 == same_key[same_key.len() - 1].1 {
            continue;
        }
        let copies: Vec<&[(u64, usize, usize)]> = same_key.chunk_by(|x, y| x.1 == y.1).collect();
        for (c, mine) in copies.iter().enumerate() {
            for (rank, &(_, _, i)) in mine.iter().enumerate() {
                out[i] = copies
                    .iter()
                    .enumerate()
                    .filter(|&(d, _)| d != c)
                    .filter_map(|(_, theirs)| theirs.get(rank).map(|&(_, a, j)| (a, j)))
                    .collect();
            }
        }
    }
    out
}

/// A sentence's best match in each other article: article → (sentence, similarity).
type BestByArticle = HashMap<usize, (usize, f64)>;

/// Each sentence's best match in each other article. A word-for-word twin is
/// the best match at 1; the other articles are searched through the index of
/// rare words, the strongest candidates scored in full with `same_claim`,
/// until `deadline` (then the sentences searched so far: `Some(count)`).
/// A body sentence that carries the claim is a better match than a
/// standfirst or subhead that does, however alike: those lines sum up what
/// the body tells, and the body's sentence is where the article tells it.
/// So is a whole sentence better than one cut off in an ellipsis (a
/// teaser's `The emergency declaration … would allow New York...` beside
/// the report of the declaration), which a shorter sentence's likeness
/// would otherwise favour.
///
/// A sentence its article repeats (`reads_alike`: every field `same_claim`
/// reads the same) finds what its first copy found, and a candidate that
/// repeats one already scored for the sentence is not scored again: its
/// score would be the same, and an equal score does not replace a match.
fn best_matches(
    sents: &[Sent],
    vocab: &Vocab,
    index: &[Vec<usize>],
    cap: usize,
    twins: &[Vec<(usize, usize)>],
    titles: &[Vec<u32>],
    deadline: &Budget,
) -> (Vec<BestByArticle>, Option<usize>) {
    let n = sents.len();
    let starts = article_starts(sents, titles.len());
    let topics = topics_of(sents, &starts, index.len());
    let one_story = stories_shared(sents, vocab, index, &topics, titles);
    let searcher = Searcher {
        sents,
        vocab,
        index,
        cap,
        twins,
        titles,
        starts,
        topics,
        one_story,
    };
    let turns = turns(sents, twins, titles.len());
    let searched = turns.iter().filter(|&&t| t == Turn::Searched).count();
    let shares = Shares {
        threads: if searched >= SEARCH_BESIDE_FROM { 2 } else { 1 },
        stretch: STRETCH,
    };
    let (found, late) = searcher.search(&turns, deadline, shares);
    let mut best: Vec<BestByArticle> = vec![HashMap::new(); n];
    for (b, twins) in best.iter_mut().zip(twins) {
        b.extend(twins.iter().map(|&(a, j)| (a, (j, 1.0))));
    }
    // Past the deadline a sentence keeps its twins only.
    let searched = late.unwrap_or(n);
    for (i, b) in found {
        if i < searched {
            best[i] = b;
        }
    }
    for (i, turn) in turns.iter().enumerate().take(searched) {
        if let Turn::CopyOf(k) = *turn {
            best[i] = best[k].clone();
        }
    }
    (best, late)
}

/// The first stretch the budget (`limit` units) did not reach, given each
/// stretch searched and its cost in order (`None`: all `stretches`): the
/// first one before which the stretches spent `limit` (every stretch
/// before it was searched: see `Searcher::search`). It does not depend on
/// which thread searched which stretch, or when.
fn searched_until(costs: &[(usize, u64)], limit: u64, stretches: usize) -> Option<usize> {
    let mut spent = 0u64;
    for stretch in 0..stretches {
        match costs.get(stretch) {
            Some(&(s, cost)) if s == stretch && spent < limit => spent += cost,
            _ => return Some(stretch),
        }
    }
    None
}

/// What `best_matches` does for a sentence.
#[derive(Clone, Copy, PartialEq)]
enum Turn {
    /// It has a twin in every other article: nothing to search.
    Twinned,
    /// It repeats (`reads_alike`) an earlier sentence of its article that
    /// is searched, and finds what that one finds.
    CopyOf(usize),
    Searched,
}

/// Each sentence's `Turn`.
fn turns(sents: &[Sent], twins: &[Vec<(usize, usize)>], articles: usize) -> Vec<Turn> {
    // The first searched copy of each sentence, by its words' key.
    let mut first_copy: FxMap<(usize, u64), Vec<usize>> = FxMap::default();
    (0..sents.len())
        .map(|i| {
            if twins[i].len() + 1 >= articles {
                return Turn::Twinned;
            }
            if twins[i].is_empty() {
                let copies = first_copy
                    .entry((sents[i].article, sents[i].key))
                    .or_default();
                if let Some(&k) = copies.iter().find(|&&k| reads_alike(&sents[k], &sents[i])) {
                    return Turn::CopyOf(k);
                }
                copies.push(i);
            }
            Turn::Searched
        })
        .collect()
}

/// Work units of searching one sentence, beside its candidates (`Budget`).
const SENTENCE_WORK: u64 = 2_000;

/// Work units of weighing one candidate as the same claim (`same_claim`).
const CLAIM_WORK: u64 = 1_500;

/// Sentences searched in one stretch, between two looks at the budget.
const STRETCH: usize = 256;

/// Searched sentences from which a second thread searches beside the first
/// (each costs about as much as starting one).
const SEARCH_BESIDE_FROM: usize = 256;

/// How `Searcher::search` shares its work: between how many threads, in
/// stretches of how many sentences.
#[derive(Clone, Copy)]
struct Shares {
    threads: usize,
    stretch: usize,
}

/// What searching one sentence reads.
struct Searcher<'a> {
    sents: &'a [Sent],
    vocab: &'a Vocab,
    index: &'a [Vec<usize>],
    cap: usize,
    twins: &'a [Vec<(usize, usize)>],
    titles: &'a [Vec<u32>],
    starts: Vec<usize>,
    topics: Vec<Vec<u32>>,
    /// `stories_shared`.
    one_story: Vec<bool>,
}

impl Searcher<'_> {
    /// The best matches of every `Searched` sentence, stretch by stretch
    /// (of `shares.stretch` sentences, in order), until `budget` is spent:
    /// then the first sentence of the first stretch the budget did not
    /// reach (`Some`); what was found from it on is not kept. With two
    /// threads they take the stretches in turn; each sentence's search
    /// reads only what the pool holds, so the matches are the same, and
    /// so is the cut (`searched_until`).
    fn search(
        &self,
        turns: &[Turn],
        budget: &Budget,
        shares: Shares,
    ) -> (Vec<(usize, BestByArticle)>, Option<usize>) {
        use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
        let n = self.sents.len();
        let next = AtomicUsize::new(0);
        let work = || {
            let mut tally = Tally::new(n);
            let mut found = Vec::new();
            let mut costs = Vec::new();
            // Claimed stretches are always searched: those claimed form a
            // prefix, and one is refused only once the stretches done
            // (all in that prefix) spent the budget.
            while !budget.out() {
                let stretch = next.fetch_add(1, Relaxed);
                let from = stretch * shares.stretch;
                if from >= n {
                    break;
                }
                let before = tally.work;
                let to = n.min(from + shares.stretch);
                for (i, turn) in turns.iter().enumerate().take(to).skip(from) {
                    if *turn == Turn::Searched {
                        found.push((i, self.best_of(i, &mut tally)));
                    }
                }
                budget.spend(tally.work - before);
                costs.push((stretch, tally.work - before));
            }
            (found, costs)
        };
        let (mut found, mut costs) = if shares.threads > 1 {
            std::thread::scope(|s| {
                let beside = s.spawn(work);
                let (mut found, mut costs) = work();
                let (f, c) = beside
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e));
                found.extend(f);
                costs.extend(c);
                (found, costs)
            })
        } else {
            work()
        };
        costs.sort_unstable();
        let late = searched_until(&costs, budget.limit(), n.div_ceil(shares.stretch))
            .map(|stretch| stretch * shares.stretch);
        if let Some(late) = late {
            found.retain(|f| f.0 < late);
        }
        (found, late)
    }

    /// Sentence `i`'s best match in each other article: its twins, and the
    /// best of its candidates that carries its claim.
    fn best_of(&self, i: usize, tally: &mut Tally) -> BestByArticle {
        let (sents, vocab, index, titles) = (self.sents, self.vocab, self.index, self.titles);
        let (n, articles) = (sents.len(), titles.len());
        let mut best: BestByArticle = HashMap::new();
        for &(a, j) in &self.twins[i] {
            best.insert(a, (j, 1.0));
        }
        let cands = tally.candidates(i, sents, vocab, index, self.cap, &self.starts);
        let is_topic = |w: &u32, k: usize| self.topics[sents[k].article].binary_search(w).is_ok();
        let mut scored: Vec<usize> = Vec::with_capacity(cands.len());
        for &(j, _) in &cands {
            if self.twins[i].iter().any(|&(a, _)| a == sents[j].article) {
                continue;
            }
            if scored.iter().any(|&k| reads_alike(&sents[k], &sents[j])) {
                continue;
            }
            scored.push(j);
            // A stem no sentence has is in none: not distinctive.
            let rare = |w: &u32| {
                index.get(*w as usize).is_some_and(|l| {
                    !l.is_empty() && is_distinctive(l.len(), n, articles, vocab.is_everyday(*w))
                })
            };
            // Numbers are facts, never an article's topic; a word both
            // headlines carry names the story, not one of its statements.
            let in_title = |k: usize, w: &u32| titles[sents[k].article].binary_search(w).is_ok();
            let topic = |w: &u32| {
                !vocab.is_number(*w)
                    && (in_title(i, w) && in_title(j, w) || is_topic(w, i) || is_topic(w, j))
            };
            let story = self.one_story[sents[i].article * articles + sents[j].article];
            let Some(s) = same_claim(vocab, &sents[i], &sents[j], rare, topic, story) else {
                continue;
            };
            let e = best.entry(sents[j].article).or_insert((j, s));
            let place = |k: usize| (sents[k].body, !sents[k].cut);
            if (place(j), s) > (place(e.0), e.1) {
                *e = (j, s);
            }
        }
        tally.work += SENTENCE_WORK + CLAIM_WORK * scored.len() as u64;
        best
    }
}

/// Whether two sentences of one article read alike to `same_claim` and to
/// the choice of a best match: every field they read but where the two
/// stand (`span`). Every field is named, so that a field added to `Sent`
/// must be weighed here.
fn reads_alike(a: &Sent, b: &Sent) -> bool {
    let Sent {
        article,
        span: _,
        profile,
        key,
        cut,
        question,
        body,
        fails,
        names,
        things,
        said_in,
        negated,
        negated_main,
        seq,
        asserted,
    } = a;
    *article == b.article
        && *key == b.key
        && *cut == b.cut
        && *question == b.question
        && *body == b.body
        && *fails == b.fails
        && profile.stems == b.profile.stems
        && profile.quotes == b.profile.quotes
        && *names == b.names
        && *things == b.things
        && *said_in == b.said_in
        && *negated == b.negated
        && *negated_main == b.negated_main
        && *seq == b.seq
        && asserted.stems == b.asserted.stems
        && asserted.quotes == b.asserted.quotes
}

/// Distinctive words beyond everyday English two articles share from which
/// they tell one story (`stories_shared`): two unrelated pages may share a
/// name or two (`Twitter`, `Reuters`).
const STORY_WORDS: usize = 3;

/// For each two articles (`a * articles + b`), whether they tell one story:
/// they share a topic (`topics_of`), a word of their headlines, or
/// `STORY_WORDS` distinctive words that are no everyday English and no
/// numbers (names and things of the story: `Maribel`, `lighthouse`, `keel`).
fn stories_shared(
    sents: &[Sent],
    vocab: &Vocab,
    index: &[Vec<usize>],
    topics: &[Vec<u32>],
    titles: &[Vec<u32>],
) -> Vec<bool> {
    let articles = topics.len();
    let mut shared = vec![false; articles * articles];
    let mut words = vec![0usize; articles * articles];
    for a in 0..articles {
        for b in 0..articles {
            shared[a * articles + b] = a == b
                || shared_stems(&topics[a], &topics[b]).next().is_some()
                || shared_stems(&titles[a], &titles[b]).any(|w| !vocab.is_stop(w));
        }
    }
    let mut met: Vec<usize> = Vec::new();
    for (w, l) in index.iter().enumerate() {
        let w = w as u32;
        let telling = !vocab.is_everyday(w)
            && !vocab.is_number(w)
            && !vocab.is_stop(w)
            && !vocab.is_when(w)
            && !vocab.is_weak(w);
        if l.len() < 2 || !telling || !is_distinctive(l.len(), sents.len(), articles, false) {
            continue;
        }
        met.clear();
        met.extend(l.iter().map(|&k| sents[k].article));
        met.sort_unstable();
        met.dedup();
        for &a in &met {
            for &b in &met {
                words[a * articles + b] += 1;
            }
        }
    }
    for (s, &w) in shared.iter_mut().zip(&words) {
        *s |= w >= STORY_WORDS;
    }
    shared
}

/// Each article's topics, sorted: the stems in two of its sentences or
/// more, and in a third of them at least (`migrants`, `collapse` in a short
/// report of a building's collapse). A topic runs through the article; it
/// does not tell one of its statements from another.
fn topics_of(sents: &[Sent], starts: &[usize], stems: usize) -> Vec<Vec<u32>> {
    let mut count = vec![0usize; stems];
    let mut met: Vec<u32> = Vec::new();
    starts
        .windows(2)
        .map(|w| {
            for s in &sents[w[0]..w[1]] {
                for stem in distinct(&s.profile.stems) {
                    if count[stem as usize] == 0 {
                        met.push(stem);
                    }
                    count[stem as usize] += 1;
                }
            }
            let len = w[1] - w[0];
            let mut topics: Vec<u32> = Vec::new();
            for stem in met.drain(..) {
                let c = std::mem::take(&mut count[stem as usize]);
                if c >= 2 && 3 * c >= len {
                    topics.push(stem);
                }
            }
            topics.sort_unstable();
            topics
        })
        .collect()
}

/// The weight of rare words each sentence shares with the one searched,
/// kept between searches (cleared after each).
struct Tally {
    weight: Vec<f64>,
    touched: Vec<usize>,
    /// Work units spent by the searches that used it (`Budget`).
    work: u64,
}

impl Tally {
    fn new(n: usize) -> Tally {
        Tally {
            weight: vec![0.0; n],
            touched: Vec::new(),
            work: 0,
        }
    }

    /// The `TOP` sentences of other articles that share the most weight of
    /// rare words (in `cap` sentences or fewer) with sentence `i`, heaviest
    /// first (the earlier first between equals).
    fn candidates(
        &mut self,
        i: usize,
        sents: &[Sent],
        vocab: &Vocab,
        index: &[Vec<usize>],
        cap: usize,
        starts: &[usize],
    ) -> Vec<(usize, f64)> {
        let article = sents[i].article;
        let (from, to) = (starts[article], starts[article + 1]);
        let mut followed = 0;
        for w in distinct(&sents[i].profile.stems) {
            let list = &index[w as usize];
            if list.len() > cap {
                continue;
            }
            let weight = vocab.weight(w);
            // The list is sorted and an article's sentences are one run:
            // the sentence's own article is skipped whole.
            let (own_from, own_to) = (
                list.partition_point(|&k| k < from),
                list.partition_point(|&k| k < to),
            );
            followed += list.len() - (own_to - own_from);
            for &j in list[..own_from].iter().chain(&list[own_to..]) {
                if self.weight[j] == 0.0 {
                    self.touched.push(j);
                }
                self.weight[j] += weight;
            }
        }
        self.work += POSTING_WORK * (followed + self.touched.len()) as u64;
        let mut cands: Vec<(usize, f64)> =
            self.touched.iter().map(|&j| (j, self.weight[j])).collect();
        for &j in &self.touched {
            self.weight[j] = 0.0;
        }
        self.touched.clear();
        let by_weight =
            |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if cands.len() > TOP {
            cands.select_nth_unstable_by(TOP, by_weight);
            cands.truncate(TOP);
        }
        cands.sort_by(by_weight);
        cands
    }
}

/// Content sentences of every article and the clusters they form (each a list
/// of sentence indices, in article order). Singletons are claims one outlet alone makes.
pub(crate) fn cluster(articles: &[&Article]) -> Clusters {
    cluster_until(articles, &Budget::unlimited())
}

/// `cluster`, searching for matches until `deadline`: past it, the sentences
/// not yet searched keep only their word-for-word twins, and `late` says how
/// many were searched.
fn cluster_until(articles: &[&Article], deadline: &Budget) -> Clusters {
    let mut reading = Reading::new(articles);
    let all: Vec<usize> = (0..articles.len()).collect();
    search(reading.read_and_pool(articles, &all), deadline)
}

/// The claims of a pool: each sentence's best matches (only sentences
/// without a twin in every other article are compared) joined into clusters.
fn search(pool: Pool, deadline: &Budget) -> Clusters {
    let Pool {
        sents,
        twins,
        mut vocab,
        titles,
    } = pool;
    vocab.freeze_with(SMALL_POOL);
    let index = stem_index(&sents, vocab.stem_count());
    // Words in many sentences say little about which claim this is, and cost
    // the most to follow: candidates come from the rarer words only.
    let cap = (sents.len() / 40).max(24);
    let (best, late) = best_matches(&sents, &vocab, &index, cap, &twins, &titles, deadline);
    let links = ranked_links(&sents, &best);
    let clusters = join_links(&sents, &vocab, links);
    Clusters {
        sents,
        clusters,
        vocab,
        late,
    }
}

/// A story's claims joined from the claims each pair of its articles shares
/// (`shared`: the two articles' indices and what `shared_claims` gives them):
/// strongest first, one sentence per article per claim, two groups only
/// where their pairs pair all their sentences. A row of the coverage table
/// then gives two articles a pair of sentences only where their pair pairs
/// them: what the story says two outlets both carry, `diff --by claims` of
/// the two shows on one row.
pub(crate) fn cluster_from_pairs(
    reading: &Reading,
    shared: &[(usize, usize, &[SharedClaim])],
) -> Clusters {
    let all: Vec<usize> = (0..reading.articles()).collect();
    let Pool {
        sents, mut vocab, ..
    } = reading.pool(&all, true);
    vocab.freeze_with(SMALL_POOL);
    let links = links_of_pairs(&sents, shared);
    let clusters = join_pair_links(&sents, &vocab, links);
    Clusters {
        sents,
        clusters,
        vocab,
        late: None,
    }
}

/// Joins sentences along the pairs' links (strongest first) into claims, one
/// sentence per article per claim: two groups join only when every two of
/// their sentences of different articles are linked (their pairs pair
/// them), or left open by their pair and bridged: a third article's
/// sentence that each of two pairs with, where the two alone miss each
/// other but pair neither with anything else, are alike at `CLAIM_FLOOR`
/// and not `opposed`, makes one row of the three (`Trump unexpectedly announced on Wednesday he had spoken to Putin
/// … and would begin peace talks` / `The comments came as Donald Trump and
/// Vladimir Putin held a “lengthy” phone call in which they agreed to begin
/// negotiations`, each paired with `Hours later, Trump announced he had
/// spoken to Russian President Vladimir Putin over the phone and agreed to
/// start peace negotiations`). A sentence its pair pairs with another is
/// never on one row with a different one, nor are two sentences of two
/// articles that share no claim at all (unless one is word for word a
/// sentence of an article that does: a reprint cut short): a row never
/// tells the reader two outlets share a claim other than the ones their
/// comparison shows, or one where it shows none. Rows whose pairs pair
/// them all are joined first, so that a bridge never takes a sentence from
/// a row its pairs make.
fn join_pair_links(sents: &[Sent], vocab: &Vocab, links: Vec<Link>) -> Vec<Vec<usize>> {
    let linked: HashSet<(usize, usize)> = links.iter().map(|l| (l.2, l.3)).collect();
    let is_linked = |x: usize, y: usize| linked.contains(&(x.min(y), x.max(y)));
    // (sentence, article): the sentence's pair with that article pairs it.
    let partnered: HashSet<(usize, usize)> = links
        .iter()
        .flat_map(|l| [(l.2, sents[l.3].article), (l.3, sents[l.2].article)])
        .collect();
    // (article, article): the two share a claim.
    let sharing: HashSet<(usize, usize)> = links
        .iter()
        .map(|l| (sents[l.2].article, sents[l.3].article))
        .flat_map(|(x, y)| [(x, y), (y, x)])
        .collect();
    // The articles that carry each sentence word for word (a reprint's
    // copy shares what its original shares).
    let mut carriers: HashMap<u64, Vec<usize>> = HashMap::new();
    for s in sents {
        carriers.entry(s.key).or_default().push(s.article);
    }
    let shares = |x: usize, y: usize| {
        carriers[&sents[x].key].iter().any(|&p| {
            carriers[&sents[y].key]
                .iter()
                .any(|&q| sharing.contains(&(p, q)))
        })
    };
    join_groups(sents, &links, 2, |pass, a, b| {
        let bridging = pass == 1;
        let bridged = |x: usize, y: usize| {
            let open = shares(x, y)
                && !partnered.contains(&(x, sents[y].article))
                && !partnered.contains(&(y, sents[x].article));
            open && a
                .iter()
                .chain(b)
                .any(|&z| z != x && z != y && is_linked(x, z) && is_linked(y, z))
                && vocab.claim_similarity(&sents[x].profile, &sents[y].profile) >= CLAIM_FLOOR
                && !opposed(&sents[x], &sents[y])
        };
        a.iter().all(|&x| {
            b.iter()
                .all(|&y| is_linked(x, y) || bridging && bridged(x, y))
        })
    })
}

/// Union-find over `sents` along `links`, in their order, `passes` times:
/// two groups join when no article would stand in the joined group twice
/// and `may_join(pass, a, b)` agrees. The groups, each in sentence order,
/// ordered by their first sentence.
fn join_groups(
    sents: &[Sent],
    links: &[Link],
    passes: usize,
    mut may_join: impl FnMut(usize, &[usize], &[usize]) -> bool,
) -> Vec<Vec<usize>> {
    let n = sents.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for pass in 0..passes {
        for &(_, _, i, j) in links {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            if ri == rj {
                continue;
            }
            let (a, b) = (&members[ri], &members[rj]);
            let one_article_twice = a
                .iter()
                .any(|&x| b.iter().any(|&y| sents[x].article == sents[y].article));
            if one_article_twice || !may_join(pass, a, b) {
                continue;
            }
            let (keep, gone) = (ri.min(rj), ri.max(rj));
            parent[gone] = keep;
            let moved = std::mem::take(&mut members[gone]);
            members[keep].extend(moved);
        }
    }
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = clusters.into_values().collect();
    out.sort_by_key(|c| c[0]);
    out
}

/// The pairs' shared claims as links between `sents`, strongest first.
fn links_of_pairs(sents: &[Sent], shared: &[(usize, usize, &[SharedClaim])]) -> Vec<Link> {
    let at: HashMap<(usize, usize), usize> = sents
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.article, s.span.start), i))
        .collect();
    let at = &at;
    let mut links: Vec<Link> = shared
        .iter()
        .flat_map(|&(a, b, claims)| {
            claims.iter().filter_map(move |c| {
                let (i, j) = (*at.get(&(a, c.old.start))?, *at.get(&(b, c.new.start))?);
                Some((true, c.similarity, i.min(j), i.max(j)))
            })
        })
        .collect();
    links.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    links
}

/// For each stem (by id: the pool's ids are dense), the sentences that
/// have it.
fn stem_index(sents: &[Sent], stems: usize) -> Vec<Vec<usize>> {
    let mut index: Vec<Vec<usize>> = vec![Vec::new(); stems];
    for (i, s) in sents.iter().enumerate() {
        for w in distinct(&s.profile.stems) {
            index[w as usize].push(i);
        }
    }
    index
}

/// A candidate link between two sentences: found from both ends, its
/// similarity, and the two sentences (lower first).
type Link = (bool, f64, usize, usize);

/// Best matches as links, in the order they are tried: those found from
/// both ends first (each sentence the other's best match in its article),
/// then one-sided ones, strongest first within each. A sentence that is only
/// the best of a neighbour's weaker cousin does not take a partner from the
/// sentence that matches it both ways.
fn ranked_links(sents: &[Sent], best: &[BestByArticle]) -> Vec<Link> {
    let mut links: Vec<Link> = Vec::new();
    for i in 0..sents.len() {
        for &(j, sim) in best[i].values() {
            // A pair found from both ends is kept once.
            let mutual = best[j].get(&sents[i].article).is_some_and(|&(k, _)| k == i);
            if !mutual || i < j {
                links.push((mutual, sim, i.min(j), i.max(j)));
            }
        }
    }
    links.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    links.dedup_by(|a, b| a.2 == b.2 && a.3 == b.3);
    links
}

/// Joins sentences along `links` into claims (each a list of sentence
/// indices in article order, sorted by first sentence): a claim never holds
/// two sentences of one article (that would chain different statements),
/// and two groups join only when they agree as a whole.
fn join_links(sents: &[Sent], vocab: &Vocab, links: Vec<Link>) -> Vec<Vec<usize>> {
    join_groups(sents, &links, 1, |_, a, b| {
        // Two sentences alone are one pair: `same_claim` has judged it.
        let pair_alone = a.len() == 1 && b.len() == 1;
        pair_alone || agree_as_groups(sents, vocab, a, b)
    })
}

/// Average linkage: the two groups must agree as a whole, not through one
/// pair, or a chain of near-misses joins different statements (at most
/// LINK_SAMPLE members of each side, to keep big claims cheap).
fn agree_as_groups(sents: &[Sent], vocab: &Vocab, a: &[usize], b: &[usize]) -> bool {
    let score = |x: usize, y: usize| vocab.claim_similarity(&sents[x].profile, &sents[y].profile);
    average_link(a, b, LINK_SAMPLE, score) >= AVERAGE_LINK
}

/// The stems two sorted bags share, each once.
fn shared_stems<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    distinct(a).filter(move |w| b.binary_search(w).is_ok())
}

// ---------------------------------------------------------------- alignment by claims

/// What an alignment by claims adds to a [`Comparison`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByClaims {
    /// Claims both articles carry: pairs of content sentences that `same_claim`
    /// joined (the story's `shared_sentences` for the pair).
    pub shared_claims: usize,
}

/// Two homologous runs of sentences (unit ranges).
#[derive(Clone, Debug)]
struct ClaimPair {
    old: Range<usize>,
    new: Range<usize>,
    similarity: f64,
}

/// Aligns `old` with `new` by content: homologous sentences are paired across
/// the whole text whatever their position (the claims the story would find in
/// these two articles), then sentences that reappear word for word. Ops follow
/// the old article; a partner out of the new article's order is `moved`.
pub fn align_by_claims(old: &Article, new: &Article, options: &AlignOptions) -> Comparison {
    let bytes = old.text.len() + new.text.len();
    if !by_claims_fits(bytes) {
        return in_order_instead(old, new, options, bytes);
    }
    // The search, the word diffs and the alignment in order (on a thread of
    // its own beside the search) each have a budget of their own: how the
    // threads interleave changes none of them.
    let deadline = &Budget::new(options.deadline, options.clock);
    let search_budget = Budget::new(
        options
            .deadline
            .map(|d| d.checked_sub(SEARCH_SHARE).unwrap_or(d)),
        options.clock,
    );
    let search = || cluster_until(&[old, new], &search_budget);
    let pair = |found: Clusters, (old_units, new_units): (Vec<Unit>, Vec<Unit>)| {
        let mut pairs = pairs_of_clusters(&found, &old_units, &new_units);
        let profiled = Profiled::of(&found.sents, &old_units, &new_units);
        take_split_halves(&mut pairs, &found.vocab, &profiled);
        let comparison = build(old, new, old_units, new_units, pairs, deadline);
        (comparison, found.late, found.sents.len())
    };
    // The verdict is the alignment in order's: on a big pair it is found on
    // the other core while the claims are searched, and the units after it.
    let ((mut comparison, late, sentences), in_order) = if bytes >= BESIDE_FROM {
        let ((in_order, units), found) = super::beside(
            || {
                let units = super::uncut_units_of_both(old, new);
                (
                    in_order_for_the_verdict(old, new, options, units.clone()),
                    units,
                )
            },
            search,
        );
        (pair(found, units), in_order)
    } else {
        let units = super::uncut_units_of_both(old, new);
        let by_claims = pair(search(), units.clone());
        (
            by_claims,
            in_order_for_the_verdict(old, new, options, units),
        )
    };
    comparison.relation = in_order.relation;
    comparison.similarity = in_order.similarity;
    comparison.truncated = in_order.truncated;
    if let Some(searched) = late {
        comparison.approximate = true;
        comparison.notes.push(format!(
            "by claims: deadline reached after searching {searched} of {sentences} sentences; the rest are paired only where they reappear word for word"
        ));
    }
    comparison
}

/// Pairs (both texts, in bytes) from which the verdict in order is found on
/// a thread of its own beside the search for claims; below it a thread
/// saves too little to be worth starting (a 40 KB pair by claims takes a
/// few milliseconds in all).
const BESIDE_FROM: usize = 100_000;

/// Inputs (both texts together, in bytes) beyond which alignment by claims
/// is not tried: the search for claims grows with the text, and a pair this
/// big is not two news write-ups. The one limit for `diff --by claims`, the
/// story and the views (megabytes of 1,000,000 bytes, as `megabytes` shows).
pub const BY_CLAIMS_MAX_BYTES: usize = 16_000_000;

/// Whether a pair whose texts hold `bytes` together is aligned by claims.
pub fn by_claims_fits(bytes: usize) -> bool {
    bytes <= BY_CLAIMS_MAX_BYTES
}

/// A size in megabytes (1,000,000 bytes), rounded to the nearest tenth under
/// 100 MB and to the nearest megabyte above: `10.4 MB`, `16 MB`, `0.3 MB`.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 + 50_000) / 100_000;
    if tenths >= 1000 || tenths % 10 == 0 {
        format!("{} MB", (bytes as u64 + 500_000) / 1_000_000)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// What the search for claims leaves of the deadline (its budget is the
/// rest): reading the sentences before it, and laying out and word-diffing
/// the pairs after it, are not counted, and take about as long again on a
/// 5 MB pair (whose search then stops at about two thirds; no 1 MB pair
/// comes near: the most any generated one spends is 63 M units of 350 M).
const SEARCH_SHARE: std::time::Duration = std::time::Duration::from_millis(350);

/// The alignment in order, with a note that by claims was not tried.
fn in_order_instead(
    old: &Article,
    new: &Article,
    options: &AlignOptions,
    bytes: usize,
) -> Comparison {
    let mut comparison = super::align(old, new, options);
    comparison.approximate = true;
    comparison.notes.push(format!(
        "by claims: the two texts are {} together, over the {} it is tried for; aligned in order instead",
        megabytes(bytes),
        megabytes(BY_CLAIMS_MAX_BYTES)
    ));
    comparison
}

/// The alignment in order whose relation, similarity and truncation a
/// comparison by claims takes: they are the pair's, not the mode's — the
/// alignment in order finds what one text copies of the other — so that
/// `diff`, `diff --by claims` and both views of the compare view give a pair
/// one verdict.
/// `units` are both sides' units, not yet cut at openings.
fn in_order_for_the_verdict(
    old: &Article,
    new: &Article,
    options: &AlignOptions,
    units: (Vec<Unit>, Vec<Unit>),
) -> Verdict {
    super::verdict(old, new, options, units)
}

/// The unit whose sentence is `span`.
fn unit_at(units: &[Unit], span: Span) -> Option<usize> {
    let i = units.partition_point(|u| u.span.start < span.start);
    (units.get(i)?.span == span).then_some(i)
}

/// A claim two articles both carry: the sentence of each that carries it,
/// and how alike the two are as claims.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SharedClaim {
    pub old: Span,
    pub new: Span,
    pub similarity: f64,
}

/// The claims two articles both carry, in the old article's order: what
/// `diff --by claims` pairs and counts for the two (a story's
/// `shared_sentences` for the pair, in a story of any size).
pub fn shared_claims(old: &Article, new: &Article) -> Vec<SharedClaim> {
    shared_of(&cluster(&[old, new]))
}

/// `shared_claims` of articles `old` and `new` of a story's reading (whose
/// `read_searched` has read the pair): each article of a story is read
/// once, however many pairs it is in.
pub(crate) fn shared_claims_read(reading: &Reading, old: usize, new: usize) -> Vec<SharedClaim> {
    shared_of(&search(
        reading.pool(&[old, new], true),
        &Budget::unlimited(),
    ))
}

/// The claims of a pool of two articles (old first) that both carry, in the
/// old article's order.
fn shared_of(found: &Clusters) -> Vec<SharedClaim> {
    let mut out: Vec<SharedClaim> = found
        .clusters
        .iter()
        .filter(|c| c.len() == 2)
        .map(|c| {
            let (a, b) = (&found.sents[c[0]], &found.sents[c[1]]);
            let (o, n) = if a.article == 0 { (a, b) } else { (b, a) };
            SharedClaim {
                old: o.span,
                new: n.span,
                similarity: found.vocab.claim_similarity(&o.profile, &n.profile),
            }
        })
        .collect();
    out.sort_by_key(|c| c.old.start);
    out
}

/// The claims of the two articles that both carry, as unit pairs.
fn pairs_of_clusters(found: &Clusters, old_units: &[Unit], new_units: &[Unit]) -> Vec<ClaimPair> {
    shared_of(found)
        .into_iter()
        .filter_map(|c| {
            let (ou, nu) = (unit_at(old_units, c.old)?, unit_at(new_units, c.new)?);
            Some(ClaimPair {
                old: ou..ou + 1,
                new: nu..nu + 1,
                similarity: c.similarity,
            })
        })
        .collect()
}

/// The sentence of each unit of both sides that is a content sentence.
struct Profiled<'a> {
    old: Vec<Option<&'a Sent>>,
    new: Vec<Option<&'a Sent>>,
}

impl<'a> Profiled<'a> {
    /// Profiles of the sentences of a pool of two articles (old first), by unit.
    fn of(sents: &'a [Sent], old_units: &[Unit], new_units: &[Unit]) -> Profiled<'a> {
        let mut p = Profiled {
            old: vec![None; old_units.len()],
            new: vec![None; new_units.len()],
        };
        for s in sents {
            let (units, slot) = if s.article == 0 {
                (old_units, &mut p.old)
            } else {
                (new_units, &mut p.new)
            };
            if let Some(u) = unit_at(units, s.span) {
                slot[u] = Some(s);
            }
        }
        p
    }
}

/// Least gain in claim similarity for which a sentence beside a pair joins it.
const SPLIT_GAIN: f64 = 0.04;

/// 2:1 pairs: where one outlet splits into two sentences what the other says
/// in one, the half with no partner of its own joins the pair of the half
/// beside it — when the partner carries at least two of its words that the
/// paired half lacks, some of them more than names (`brings_content`), and
/// the two halves read as one are closer to the partner than the paired
/// half alone. A teaser cut off before it says anything (`Tensions between
/// the Biden administration...`: fewer than `CUT_COPY_WORDS`) is no half.
/// A pair grows by one sentence at most, the best gains first; a pair's
/// range then holds both halves.
fn take_split_halves(pairs: &mut [ClaimPair], vocab: &Vocab, profiled: &Profiled) {
    let mut old_taken = vec![false; profiled.old.len()];
    let mut new_taken = vec![false; profiled.new.len()];
    for p in pairs.iter() {
        old_taken[p.old.clone()].iter_mut().for_each(|t| *t = true);
        new_taken[p.new.clone()].iter_mut().for_each(|t| *t = true);
    }
    // (gain, pair, side, the sentence beside it, the joined similarity)
    let mut offers: Vec<(f64, usize, Side, usize, f64)> = Vec::new();
    for (k, p) in pairs.iter().enumerate() {
        if p.old.len() != 1 || p.new.len() != 1 {
            continue;
        }
        let (Some(so), Some(sn)) = (profiled.old[p.old.start], profiled.new[p.new.start]) else {
            continue;
        };
        let (po, pn) = (&so.profile, &sn.profile);
        let alone = vocab.claim_similarity(po, pn);
        for (side, at, mine, partner, profiles, taken) in [
            (Side::Old, p.old.start, po, sn, &profiled.old, &old_taken),
            (Side::New, p.new.start, pn, so, &profiled.new, &new_taken),
        ] {
            for u in [at.wrapping_sub(1), at + 1] {
                let Some(Some(half_sent)) = profiles.get(u) else {
                    continue;
                };
                let (half, partner_sent) = (&half_sent.profile, partner);
                let partner = &partner_sent.profile;
                // A report is no half of its retraction.
                if taken[u]
                    || brings(half, mine, partner) < 2
                    || !brings_content(vocab, half_sent, mine, partner_sent)
                    || half_sent.cut && half_sent.seq.len() < CUT_COPY_WORDS
                    || figures_disagree(vocab, half_sent, partner_sent)
                    || half_sent.fails != partner_sent.fails
                {
                    continue;
                }
                let joined = vocab.claim_similarity(&joined(mine, half), partner);
                if joined >= alone + SPLIT_GAIN {
                    offers.push((joined - alone, k, side, u, joined));
                }
            }
        }
    }
    if !offers.is_empty() {
        let unpaired_old = Unpaired::of(vocab, &profiled.old, &old_taken);
        let unpaired_new = Unpaired::of(vocab, &profiled.new, &new_taken);
        offers.retain(|&(_, k, side, u, _)| {
            let (half, partner, rivals) = match side {
                Side::Old => (
                    profiled.old[u],
                    profiled.new[pairs[k].new.start],
                    &unpaired_new,
                ),
                Side::New => (
                    profiled.new[u],
                    profiled.old[pairs[k].old.start],
                    &unpaired_old,
                ),
            };
            let (Some(half), Some(partner)) = (half, partner) else {
                return true;
            };
            !rivals.has_own_partner(vocab, half, partner)
        });
    }
    offers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut grown = vec![false; pairs.len()];
    for (_, k, side, u, similarity) in offers {
        let taken = match side {
            Side::Old => &mut old_taken,
            Side::New => &mut new_taken,
        };
        if grown[k] || taken[u] {
            continue;
        }
        grown[k] = true;
        taken[u] = true;
        let range = match side {
            Side::Old => &mut pairs[k].old,
            Side::New => &mut pairs[k].new,
        };
        *range = range.start.min(u)..range.end.max(u + 1);
        pairs[k].similarity = similarity;
    }
}

/// Words in more unpaired sentences than this are not followed in search
/// of a half's own partner (`Unpaired`): they say little about which
/// sentence it is, and cost the most on a big pair.
const RIVAL_WORD_CAP: usize = 64;

/// The sentences of one side that no pair holds, by the words that tell
/// them (not those that say when, nor weak ones).
struct Unpaired<'a> {
    sents: &'a [Option<&'a Sent>],
    by_stem: FxMap<u32, Vec<usize>>,
}

impl<'a> Unpaired<'a> {
    fn of(vocab: &Vocab, sents: &'a [Option<&'a Sent>], taken: &[bool]) -> Unpaired<'a> {
        let mut by_stem: FxMap<u32, Vec<usize>> = FxMap::default();
        for (u, s) in sents.iter().enumerate() {
            let Some(s) = s.filter(|_| !taken[u]) else {
                continue;
            };
            for w in distinct(&s.profile.stems).filter(|&w| telling(vocab, w)) {
                by_stem.entry(w).or_default().push(u);
            }
        }
        Unpaired { sents, by_stem }
    }

    /// Whether `half` has a partner of its own here: an unpaired sentence
    /// that shares two of its telling words and is closer to it than
    /// `partner` by `SPLIT_GAIN` at least. The half then tells that
    /// sentence's fact (`The vaccine donation … was announced before …
    /// Biden meets leaders of the Group of Seven` beside the lead pair,
    /// against `Biden will outline the plan … on the eve of the Group of
    /// Seven nations summit`), not the rest of the partner's.
    fn has_own_partner(&self, vocab: &Vocab, half: &Sent, partner: &Sent) -> bool {
        let mut hits: FxMap<usize, usize> = FxMap::default();
        for w in distinct(&half.profile.stems).filter(|&w| telling(vocab, w)) {
            match self.by_stem.get(&w) {
                Some(list) if list.len() <= RIVAL_WORD_CAP => {
                    list.iter().for_each(|&u| *hits.entry(u).or_default() += 1);
                }
                _ => {}
            }
        }
        let to_partner = vocab.claim_similarity(&half.profile, &partner.profile);
        hits.into_iter()
            .filter(|&(_, n)| n >= 2)
            .filter_map(|(u, _)| self.sents[u])
            .filter(|o| o.span != partner.span)
            .any(|o| vocab.claim_similarity(&half.profile, &o.profile) >= to_partner + SPLIT_GAIN)
    }
}

/// Whether a word tells one sentence from another: it does not say when
/// and is not weak.
fn telling(vocab: &Vocab, w: u32) -> bool {
    !vocab.is_when(w) && !vocab.is_weak(w)
}

/// Whether `half` and `partner` both state figures (numbers that do not say
/// when) and none of `half`'s is one of `partner`'s, as written or
/// approximately (`AMOUNTS_AGREE`): the half then tells other quantities
/// than the partner, a fact of its own (`The US currently spends roughly
/// 3.4% of its GDP on defence, while the UK spends about 2.3%` beside `…
/// Poland and the Baltic states … at around 4%`, both against `Poland …
/// spending more than 4% of its GDP`), not the rest of the partner's
/// sentence. A half whose figures the partner does not give at all may
/// still tell its fact in more detail (`$28.6 billion in emergency disaster
/// aid` / `disaster relief funding`).
fn figures_disagree(vocab: &Vocab, half: &Sent, partner: &Sent) -> bool {
    let (mine, theirs) = (figures(vocab, half), figures(vocab, partner));
    let agree = |x: u32, y: u32| {
        x == y
            || vocab
                .leading_figure(x)
                .zip(vocab.leading_figure(y))
                .is_some_and(|(x, y)| (x - y).abs() <= AMOUNTS_AGREE * x.abs().max(y.abs()))
    };
    !mine.is_empty()
        && !theirs.is_empty()
        && !mine.iter().any(|&m| theirs.iter().any(|&t| agree(m, t)))
}

/// The figures a sentence states (stems): its numbers but those that say
/// when (a year, the day of a date).
fn figures(vocab: &Vocab, s: &Sent) -> Vec<u32> {
    let days: Vec<usize> = dates(vocab, s).iter().map(|d| d.at).collect();
    s.seq
        .iter()
        .enumerate()
        .filter(|&(k, &w)| vocab.is_number(w) && !vocab.is_when(w) && !days.contains(&k))
        .map(|(_, &w)| w)
        .collect()
}

/// Whether a number is a small whole one (under ten: `6`, `1`): such
/// figures number list items, examples and anything counted in everyday
/// English, and two sentences that share one (`Example 6` / `$5 and $6 a
/// pound`) share no fact by it. It counts as a word, not twice.
fn is_small(vocab: &Vocab, w: u32) -> bool {
    vocab
        .value(w)
        .is_some_and(|v| v.fract() == 0.0 && v.abs() < 10.0)
}

/// A date a sentence gives: the day (a stem, and where it stands), the word
/// that says when beside it (a month's stem: `1 May`, `Dec. 3`) and the
/// year after them, if any.
#[derive(Clone, Copy)]
struct Date {
    day: u32,
    at: usize,
    month: u32,
    year: Option<u32>,
}

impl Date {
    /// Whether two dates can be one: the same day of the same month, and
    /// the same year where both give one.
    fn agrees(&self, other: &Date) -> bool {
        self.day == other.day
            && self.month == other.month
            && (self.year.is_none() || other.year.is_none() || self.year == other.year)
    }
}

/// Whether a number two sentences share is the day of one date in both:
/// `None` when neither gives it as a day, `Some(false)` when they give it
/// as the day of different dates — the day of a date is a fact only with
/// its month and year (`1 May 2016` and `November 1, 2012`, `Retrieved 1
/// May 2016` and `Retrieved 1 May 2017` share no day).
fn same_date(a: &[Date], b: &[Date], w: u32) -> Option<bool> {
    let on = |d: &[Date]| {
        d.iter()
            .filter(move |d| d.day == w)
            .copied()
            .collect::<Vec<_>>()
    };
    let (on_a, on_b) = (on(a), on(b));
    if on_a.is_empty() && on_b.is_empty() {
        return None;
    }
    Some(on_a.iter().any(|x| on_b.iter().any(|y| x.agrees(y))))
}

/// The dates of a sentence: each whole number from 1 to 31 beside a word
/// that says when (`1 May 2016`, `Dec. 3`, `November 15, 2012`).
fn dates(vocab: &Vocab, s: &Sent) -> Vec<Date> {
    let seq = &s.seq;
    let when = |j: usize| {
        seq.get(j)
            .is_some_and(|&w| vocab.is_when(w) && !vocab.is_number(w))
    };
    let year = |j: usize| {
        seq.get(j)
            .filter(|&&w| vocab.is_when(w) && vocab.is_number(w))
            .copied()
    };
    (0..seq.len())
        .filter(|&k| {
            vocab
                .value(seq[k])
                .is_some_and(|v| v.fract() == 0.0 && (1.0..=31.0).contains(&v))
        })
        .filter_map(|k| {
            let month = if when(k + 1) {
                k + 1
            } else {
                k.checked_sub(1).filter(|&j| when(j))?
            };
            Some(Date {
                day: seq[k],
                at: k,
                month: seq[month],
                year: year(k.max(month) + 1),
            })
        })
        .collect()
}

/// How many of `half`'s words `partner` carries that `mine` does not.
fn brings(half: &Profile, mine: &Profile, partner: &Profile) -> usize {
    shared_stems(&half.stems, &partner.stems)
        .filter(|w| mine.stems.binary_search(w).is_err())
        .count()
}

/// Whether `half` brings the pair some of what is said, not only who: a
/// word `partner` carries and `mine` does not that stands in a name of
/// neither sentence, is no title or office and tells (`telling`: not a
/// date). Beside a pair, a sentence that shares with the partner only the
/// people it names (`The dismissal came in a written ruling by U.S.
/// District Judge Analisa Torres` beside the government's request to
/// Judge Torres, `His Brussels stop … before he sits down with Russian
/// President Vladimir Putin`) tells another fact about them.
fn brings_content(vocab: &Vocab, half: &Sent, mine: &Profile, partner: &Sent) -> bool {
    let named = |s: &Sent, w: u32| s.names.iter().any(|n| n.contains(&w));
    shared_stems(&half.profile.stems, &partner.profile.stems)
        .filter(|w| mine.stems.binary_search(w).is_err())
        .any(|w| telling(vocab, w) && !vocab.is_role(w) && !named(half, w) && !named(partner, w))
}

/// Two sentences read as one.
fn joined(a: &Profile, b: &Profile) -> Profile {
    let mut stems: Vec<u32> = a.stems.iter().chain(&b.stems).copied().collect();
    stems.sort_unstable();
    Profile {
        stems,
        quotes: a.quotes.iter().chain(&b.quotes).cloned().collect(),
    }
}

/// The comparison from pairs: word-for-word reappearances added, order
/// judged, ops laid out in the old article's order, then summarised.
fn build(
    old: &Article,
    new: &Article,
    old_units: Vec<Unit>,
    new_units: Vec<Unit>,
    mut pairs: Vec<ClaimPair>,
    deadline: &Budget,
) -> Comparison {
    let shared_claims = pairs.len();
    pair_reappearances(&mut pairs, &old_units, &new_units);
    pair_titles(&mut pairs, old, new, &old_units, &new_units);
    pairs.sort_by_key(|p| p.old.start);
    let away = out_of_order(&pairs);
    let kinds = op_kinds(&pairs, &away, &old_units, &new_units);
    let layout = ops_in_old_order(&pairs, &kinds, old_units.len(), new_units.len());
    let text_of = |side: Side, r: Range<usize>| -> String {
        let (a, us) = match side {
            Side::Old => (old, &old_units),
            Side::New => (new, &new_units),
        };
        let parts: Vec<&str> = us[r].iter().map(|u| &a.text[u.span.range()]).collect();
        parts.join(" ")
    };
    let (ops, words_cut) = words_of_ops(layout, &text_of, deadline);
    let mut comparison = Comparison {
        old_units,
        new_units,
        ops,
        relation: Relation::Unrelated,
        similarity: 0.0,
        approximate: false,
        truncated: None,
        stats: Stats::default(),
        shared_quotes: 0,
        notes: Vec::new(),
        by_claims: Some(ByClaims { shared_claims }),
    };
    // The verdict is the alignment in order's (`align_by_claims`).
    let late_words = summary::count(&mut comparison, old, new, deadline) || words_cut;
    super::classes::classify_comparison(&mut comparison, || super::reads_as_english(old, new));
    if late_words {
        comparison.approximate = true;
        comparison.notes.push(super::WORDS_LATE.to_string());
    }
    comparison
}

/// Sentences left unpaired that reappear word for word on the other side
/// (furniture, short sentences, repeats) are paired too, in order.
fn pair_reappearances(pairs: &mut Vec<ClaimPair>, old_units: &[Unit], new_units: &[Unit]) {
    let mut old_taken = vec![false; old_units.len()];
    let mut new_taken = vec![false; new_units.len()];
    for p in pairs.iter() {
        old_taken[p.old.clone()].iter_mut().for_each(|t| *t = true);
        new_taken[p.new.clone()].iter_mut().for_each(|t| *t = true);
    }
    let mut by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    for (j, u) in new_units.iter().enumerate().rev() {
        if !new_taken[j] {
            by_key.entry(u.key).or_default().push(j);
        }
    }
    for (i, u) in old_units.iter().enumerate() {
        if old_taken[i] {
            continue;
        }
        if let Some(j) = by_key.get_mut(&u.key).and_then(Vec::pop) {
            pairs.push(ClaimPair {
                old: i..i + 1,
                new: j..j + 1,
                similarity: 1.0,
            });
        }
    }
}

/// The two headlines side by side, when neither is paired yet: how each
/// outlet frames the story is the first thing a reader compares (the
/// alignment in order pairs them too). A headline is furniture, not a claim:
/// the pair does not count among the shared claims. Its similarity is the
/// share of the two headlines' words they have in common (Dice, on words
/// folded to lower case).
fn pair_titles(
    pairs: &mut Vec<ClaimPair>,
    old: &Article,
    new: &Article,
    old_units: &[Unit],
    new_units: &[Unit],
) {
    let title = |a: &Article, units: &[Unit], side_taken: &dyn Fn(usize) -> bool| {
        let i = units
            .iter()
            .position(|u| a.blocks[u.block].role == crate::article::Role::Title)?;
        (!side_taken(i)).then_some(i)
    };
    let old_taken = |i: usize| pairs.iter().any(|p| p.old.contains(&i));
    let new_taken = |j: usize| pairs.iter().any(|p| p.new.contains(&j));
    let (Some(i), Some(j)) = (
        title(old, old_units, &old_taken),
        title(new, new_units, &new_taken),
    ) else {
        return;
    };
    let words = |a: &Article, u: &Unit| -> std::collections::BTreeSet<String> {
        crate::article::split_words(&a.text[u.span.range()])
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(old, &old_units[i]), words(new, &new_units[j]));
    let shared = a.intersection(&b).count();
    let similarity = if a.is_empty() && b.is_empty() {
        1.0
    } else {
        2.0 * shared as f64 / (a.len() + b.len()) as f64
    };
    pairs.push(ClaimPair {
        old: i..i + 1,
        new: j..j + 1,
        similarity: (similarity * 100.0).round() / 100.0,
    });
}

/// Which pairs (sorted by old position) stand out of the new article's order:
/// all but a longest run increasing on both sides.
fn out_of_order(pairs: &[ClaimPair]) -> Vec<bool> {
    let starts: Vec<usize> = pairs.iter().map(|p| p.new.start).collect();
    longest_increasing(&starts)
        .into_iter()
        .map(|keep| !keep)
        .collect()
}

/// Which values belong to one longest strictly increasing run (patience
/// sorting: O(n log n)).
pub fn longest_increasing(values: &[usize]) -> Vec<bool> {
    // tails[k] is the value ending the best run of length k+1 found so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; values.len()];
    for (i, &v) in values.iter().enumerate() {
        let k = tails.partition_point(|&t| values[t] < v);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = prev[i];
    }
    keep
}

/// The kind of each pair's op (in order, equal or changed; out of order,
/// moved) and whether its texts differ only in case, quotes, dashes or spaces.
fn op_kinds(
    pairs: &[ClaimPair],
    away: &[bool],
    old_units: &[Unit],
    new_units: &[Unit],
) -> Vec<(OpKind, bool)> {
    pairs
        .iter()
        .zip(away)
        .map(|(p, &away)| {
            let one = p.old.len() == 1 && p.new.len() == 1;
            let (o, n) = (&old_units[p.old.start], &new_units[p.new.start]);
            let exact = one && o.exact == n.exact;
            let cosmetic = one && !exact && o.key == n.key;
            match (away, exact) {
                (true, _) => (OpKind::Moved, cosmetic),
                (false, true) => (OpKind::Equal, false),
                (false, false) => (OpKind::Changed, cosmetic),
            }
        })
        .collect()
}

/// Every sentence in one op, in the old article's order: each pair where its
/// old sentence stands, the new sentences with no partner after their nearest
/// preceding paired neighbour in the new article (at the top when none).
/// Consecutive out-of-order pairs are numbered as one moved passage.
fn ops_in_old_order(
    pairs: &[ClaimPair],
    kinds: &[(OpKind, bool)],
    old_len: usize,
    new_len: usize,
) -> Vec<Op> {
    let mut old_owner = vec![None; old_len];
    let mut new_owner = vec![None; new_len];
    for (k, p) in pairs.iter().enumerate() {
        old_owner[p.old.clone()]
            .iter_mut()
            .for_each(|o| *o = Some(k));
        new_owner[p.new.clone()]
            .iter_mut()
            .for_each(|o| *o = Some(k));
    }
    // New sentences with no partner, under the pair before them.
    let mut top = Vec::new();
    let mut under: Vec<Vec<usize>> = vec![Vec::new(); pairs.len()];
    let mut anchor: Option<usize> = None;
    for (j, owner) in new_owner.iter().enumerate() {
        match (owner, anchor) {
            (Some(k), _) => anchor = Some(*k),
            (None, Some(k)) => under[k].push(j),
            (None, None) => top.push(j),
        }
    }
    let op = |kind: OpKind, old: Range<usize>, new: Range<usize>, similarity: f64| Op {
        kind,
        old,
        new,
        similarity,
        words: Vec::new(),
        cosmetic: false,
        classes: Default::default(),
        passage: 0,
    };
    let mut ops = Vec::with_capacity(old_len + new_len);
    ops.extend(
        top.iter()
            .map(|&j| op(OpKind::Inserted, 0..0, j..j + 1, 0.0)),
    );
    let mut passage = 0;
    let mut last_moved: Option<(usize, usize)> = None;
    for (i, owner) in old_owner.iter().enumerate() {
        let Some(k) = *owner else {
            ops.push(op(OpKind::Deleted, i..i + 1, 0..0, 0.0));
            continue;
        };
        let p = &pairs[k];
        if p.old.start != i {
            continue;
        }
        let (kind, cosmetic) = kinds[k];
        let mut pair_op = Op {
            cosmetic,
            ..op(kind, p.old.clone(), p.new.clone(), p.similarity)
        };
        if kind == OpKind::Moved {
            // A passage continues while both ends continue.
            if last_moved != Some((p.old.start, p.new.start)) {
                passage += 1;
            }
            last_moved = Some((p.old.end, p.new.end));
            pair_op.passage = passage;
        }
        ops.push(pair_op);
        let at = p.old.end;
        ops.extend(
            under[k]
                .iter()
                .map(|&j| op(OpKind::Inserted, at..at, j..j + 1, 0.0)),
        );
    }
    // The empty side of a one-sided op sits where it falls.
    let (mut at_old, mut at_new) = (0, 0);
    for o in ops.iter_mut() {
        if o.old.is_empty() {
            o.old = at_old..at_old;
        } else {
            at_old = o.old.end;
        }
        if o.new.is_empty() {
            o.new = at_new..at_new;
        } else {
            at_new = o.new.end;
        }
    }
    ops
}

/// Pairs to word-diff (changed or moved) from which the second half of them
/// are diffed on a thread of their own (`words_of_ops`).
const WORDS_BESIDE_FROM: usize = 256;

/// `with_words` of every op, and whether a word diff stopped at the
/// deadline; with many pairs to diff, the second half of them on a thread
/// of its own beside the first (each pair's diff reads only its texts).
fn words_of_ops(
    mut ops: Vec<Op>,
    text_of: &(dyn Fn(Side, Range<usize>) -> String + Sync),
    deadline: &Budget,
) -> (Vec<Op>, bool) {
    let diff = |ops: Vec<Op>, budget: &Budget| {
        let mut cut = false;
        let ops: Vec<Op> = ops
            .into_iter()
            .map(|op| with_words(op, text_of, budget, &mut cut))
            .collect();
        (ops, cut)
    };
    let pairs: Vec<usize> = (0..ops.len())
        .filter(|&k| matches!(ops[k].kind, OpKind::Changed | OpKind::Moved))
        .collect();
    if pairs.len() < WORDS_BESIDE_FROM {
        return diff(ops, deadline);
    }
    let second = ops.split_off(pairs[pairs.len() / 2]);
    let diff = &diff;
    // Each half spends half the budget: what it cuts does not depend on
    // how fast the other goes.
    let (first_half, second_half) = (deadline.part(0.5), deadline.part(0.5));
    let ((second, second_cut), (mut ops, cut)) = super::beside(
        move || diff(second, &second_half),
        || diff(ops, &first_half),
    );
    ops.extend(second);
    (ops, cut || second_cut)
}

/// The word diff of a pair that is not equal (none when only spaces differ:
/// then a changed pair is equal).
fn with_words(
    mut op: Op,
    text_of: &dyn Fn(Side, Range<usize>) -> String,
    deadline: &Budget,
    cut: &mut bool,
) -> Op {
    if matches!(op.kind, OpKind::Changed | OpKind::Moved) {
        let (o, n) = (
            text_of(Side::Old, op.old.clone()),
            text_of(Side::New, op.new.clone()),
        );
        let text_deadline = super::text_deadline(&o, &n, deadline);
        op.words = word_diff_by(&o, &n, text_deadline);
        super::charge_text(&o, &n, deadline);
        *cut |= text_deadline.is_some_and(|d| std::time::Instant::now() > d);
        if op.words.iter().all(|w| w.kind == WordKind::Equal) {
            op.words.clear();
            // The same words, cut into sentences or paragraphs otherwise
            // (a sentence one copy breaks over a paragraph break): equal,
            // as the alignment in order calls them; not a change with no
            // words changed.
            if op.kind == OpKind::Changed {
                op.kind = OpKind::Equal;
            }
        }
    }
    op
}

#[cfg(test)]
mod tests {
    use crate::article::Article;

    /// In a long pool an everyday English word must be twice as rare as
    /// another word to be distinctive; in a short one (two write-ups) the
    /// two are alike.
    #[test]
    fn everyday_words_are_distinctive_in_a_long_pool_only_when_twice_as_rare() {
        let distinctive = super::is_distinctive;
        assert!(distinctive(90, 3000, 2, false));
        assert!(!distinctive(90, 3000, 2, true));
        assert!(distinctive(50, 3000, 2, true));
        for everyday in [false, true] {
            assert!(distinctive(4, 60, 2, everyday));
            assert!(!distinctive(5, 60, 2, everyday));
        }
    }

    #[test]
    fn two_threads_find_the_matches_one_finds() {
        on_the_sample_story(8, |search, _| {
            let one = search(1, &super::Budget::unlimited());
            assert!(
                one.0.len() >= 40 && one.1.is_none(),
                "{} searched",
                one.0.len()
            );
            assert_eq!(search(2, &super::Budget::unlimited()), one);
            assert_eq!(search(2, &super::Budget::none()), (Vec::new(), Some(0)));
        });
    }

    /// A claims search's results over the sample story: found (sorted) and
    /// where a budget cut it.
    type Searched = (Vec<(usize, super::BestByArticle)>, Option<usize>);

    /// Runs `check` with a search of the sample story by `threads` in
    /// stretches of `stretch` sentences within a budget, and the number of
    /// sentences searched.
    fn on_the_sample_story(
        stretch: usize,
        check: impl FnOnce(&dyn Fn(usize, &super::Budget) -> Searched, usize),
    ) {
        let articles = crate::sample::load_sample_story();
        let refs: Vec<&Article> = articles.iter().collect();
        let all: Vec<usize> = (0..refs.len()).collect();
        let mut reading = super::Reading::new(&refs);
        let pool = reading.read_and_pool(&refs, &all);
        let mut vocab = pool.vocab;
        vocab.freeze_with(super::SMALL_POOL);
        let sents = &pool.sents;
        let index = super::stem_index(sents, vocab.stem_count());
        let starts = super::article_starts(sents, refs.len());
        let topics = super::topics_of(sents, &starts, index.len());
        let one_story = super::stories_shared(sents, &vocab, &index, &topics, &pool.titles);
        let searcher = super::Searcher {
            sents,
            vocab: &vocab,
            index: &index,
            cap: 24,
            twins: &pool.twins,
            titles: &pool.titles,
            starts,
            topics,
            one_story,
        };
        let turns = super::turns(sents, &pool.twins, refs.len());
        let search = |threads: usize, budget: &super::Budget| {
            let shares = super::Shares { threads, stretch };
            let (mut found, late) = searcher.search(&turns, budget, shares);
            found.sort_by_key(|f| f.0);
            (found, late)
        };
        check(&search, sents.len());
    }

    /// A search cut by its budget stops where the work, not the clock, ran
    /// out: at the same sentence on every run and whether one thread or two
    /// searched (whichever took which stretch, and however fast).
    #[test]
    fn a_search_out_of_work_stops_at_the_same_sentence_every_time() {
        on_the_sample_story(4, |search, sentences| {
            let whole = super::Budget::of_work(u64::MAX - 1);
            let all_found = search(1, &whole);
            let half = whole.spent() / 2;
            let cut = search(1, &super::Budget::of_work(half));
            let late = cut.1.expect("cut by the budget");
            assert!(late > 0 && late < sentences, "cut at {late}");
            assert!(cut.0.len() < all_found.0.len() && !cut.0.is_empty());
            for _ in 0..8 {
                assert_eq!(search(2, &super::Budget::of_work(half)), cut);
            }
        });
    }

    #[test]
    fn twins_pair_repeats_in_order_across_articles() {
        // Keys 7 (twice in article 0, once in 1, twice in 2), 8 (article 0 only), 9.
        let keys = [
            (0, 7),
            (0, 8),
            (0, 7),
            (0, 9),
            (1, 7),
            (1, 9),
            (2, 7),
            (2, 7),
        ];
        let mut twins = super::twins(&keys);
        twins.iter_mut().for_each(|t| t.sort_unstable());
        let want: Vec<Vec<(usize, usize)>> = vec![
            vec![(1, 4), (2, 6)],
            vec![],
            vec![(2, 7)],
            vec![(1, 5)],
            vec![(0, 0), (2, 6)],
            vec![(0, 3)],
            vec![(0, 0), (1, 4)],
            vec![(0, 2)],
        ];
        assert_eq!(twins, want);
    }

    #[test]
    fn a_pair_pooled_from_a_story_reading_is_the_pair_read_alone() {
        let articles = crate::sample::load_sample_story();
        let refs: Vec<&Article> = articles.iter().collect();
        let n = refs.len();
        let pairs: Vec<Vec<usize>> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| vec![a, b]))
            .collect();
        let mut reading = super::Reading::new(&refs);
        reading.read_searched(&refs, &pairs);
        let mut shared = 0;
        for p in &pairs {
            let alone = super::shared_claims(refs[p[0]], refs[p[1]]);
            let pooled = super::shared_claims_read(&reading, p[0], p[1]);
            assert_eq!(pooled, alone, "pair {p:?}");
            shared += alone.len();
        }
        assert!(shared >= 10, "{shared} shared claims in the samples' pairs");
    }

    #[test]
    fn a_named_law_is_what_is_said() {
        assert!(super::names_a_thing("Act,"));
        assert!(super::names_a_thing("Program"));
        assert!(!super::names_a_thing("Booker"));
        assert!(!super::names_a_thing("Committee"));
    }

    #[test]
    fn a_failure_or_a_retraction() {
        let fails = |s: &str| {
            let words: Vec<&str> = s.split_whitespace().collect();
            let asserted = crate::align::assertion::assertion_parts(&words).asserted;
            super::asserts_undoing(&words, &asserted)
        };
        assert!(fails(
            "Louisiana lawmakers failed to override the governor's veto."
        ));
        assert!(!fails(
            "Louisiana senators voted to override the governor's veto."
        ));
        // A relative clause, a forecast, an adjective: not what is asserted.
        assert!(!fails(
            "Soldiers attacked Gaza following rockets that airstrikes failed to curb."
        ));
        assert!(!fails(
            "Manchin will vote no, and the bill will fail to pass."
        ));
        assert!(!fails("Trump blamed the administration's failed approach."));
        // A retraction is the opposite of the report it takes back.
        assert!(fails(
            "The Post on Saturday issued corrections, retracting earlier reporting that said he was warned."
        ));
        assert!(fails(
            "The Times and NBC News walked back their reporting about the warning."
        ));
        assert!(!fails(
            "The Post was the first to report that he was warned."
        ));
        assert!(!fails("He cited a report that the paper later retracted."));
        // A denial is the opposite of what it denies: a statement called
        // untrue, denied, or hit back at; not a request denied, nor false
        // claims repeated.
        assert!(fails(
            "Giuliani said the reports that he was warned by the FBI were false."
        ));
        assert!(fails(
            "The NSA denied he was a target, saying it deals with foreign threats."
        ));
        assert!(fails(
            "The agency has hit back at allegations that it is spying on him."
        ));
        assert!(fails("The company dismissed the report as inaccurate."));
        assert!(!fails("The judge denied a motion to dismiss the case."));
        assert!(!fails("Trump repeated false claims about the election."));
        assert!(!fails(
            "The board, which denied that he was a student, appealed."
        ));
    }

    #[test]
    fn a_negation_negates_the_first_word_of_content_after_it() {
        use super::Negated::{Aside, Main};
        let negated = |s: &str| -> Vec<(String, super::Negated)> {
            let words: Vec<&str> = s.split_whitespace().collect();
            let asserted = crate::align::assertion::assertion_parts(&words).asserted;
            words
                .iter()
                .zip(super::negated_words(&words, &asserted))
                .filter(|(_, n)| *n != super::Negated::No)
                .map(|(w, n)| (w.to_string(), n))
                .collect()
        };
        let one = |w: &str, n| vec![(w.to_string(), n)];
        assert_eq!(
            negated(
                "An account pulled from Twitter was not created by his team, The Post has learned."
            ),
            one("created", Main)
        );
        assert_eq!(
            negated("Taiwan will not bow to pressure."),
            one("bow", Main)
        );
        assert_eq!(
            negated("The site will take down content, such as claiming a vaccine does not reduce spread."),
            one("reduce", Aside)
        );
        // A verb that negates is never the sentence's polarity.
        assert_eq!(
            negated("Raisi flatly rejected meeting Biden."),
            one("meeting", Aside)
        );
    }

    #[test]
    fn a_question_ends_in_a_question_mark() {
        assert!(super::asks(
            "Now they’re forcing taxpayers to buy the book?”"
        ));
        assert!(super::asks("Will the bill pass? "));
        assert!(!super::asks("“Will it pass?” the senator asked."));
        assert!(!super::asks("The bill passed."));
    }

    #[test]
    fn an_ellipsis_cuts_a_sentence() {
        assert!(super::ends_cut(
            "Hochul said the state was looking at using..."
        ));
        assert!(super::ends_cut(
            "“The story I was ordered to write and which I failed…”"
        ));
        assert!(!super::ends_cut("The state was looking at it."));
    }

    #[test]
    fn increasing_runs() {
        assert_eq!(
            super::longest_increasing(&[1, 5, 2, 3, 0]),
            vec![true, false, true, true, false]
        );
    }
}
