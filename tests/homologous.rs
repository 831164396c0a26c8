//! Alignment by claims on real three-outlet coverage, against hand labels:
//! `tests/claims/homologous-{a,…,m}.tsv` name, for events of the
//! same-event set (`../shared/data/same-event/`), the pairs of body sentences
//! a reader calls the same fact. Every pair of outlets of each event is
//! aligned by claims; a row (an op with sentences on both sides, body
//! sentences on each) is right when a labelled pair stands on it. Prints
//! precision (right rows / rows), recall (right rows / the most labelled
//! pairs a 1:1 alignment can hold: a maximum matching over the labels), and
//! the labelled pairs found against the most any alignment can hold when a
//! sentence has one partner or two beside each other (a 2:1), with the wrong
//! rows and the missed pairs (and the right rows too with
//! `HOMOLOGOUS_SHOW_RIGHT=1`); skips with a note when the set is absent.

use std::collections::BTreeMap;

use storydiff::align::{align_by_claims, AlignOptions, Comparison, Side};
use storydiff::article::{load_article, Article, LoadOptions};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/same-event");
const LABELS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/claims");

/// One labelled pair: fragments of a sentence of `a` and of `b`.
struct Label {
    a: String,
    b: String,
}

/// The labels of a set, by (event, outlet a, outlet b). Every pair of outlets
/// of a labelled event is listed, with no labels when nothing is shared.
fn labels(file: &str) -> BTreeMap<(String, String, String), Vec<Label>> {
    let text = std::fs::read_to_string(format!("{LABELS}/{file}")).expect("labels");
    let mut out: BTreeMap<(String, String, String), Vec<Label>> = BTreeMap::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "{file}: {line}");
        out.entry((f[0].into(), f[1].into(), f[2].into()))
            .or_default()
            .push(Label {
                a: f[3].into(),
                b: f[4].into(),
            });
    }
    out
}

/// The events a set names, each listed once: its own pairs of outlets are
/// all scored, labelled or not.
fn events_of(file: &str) -> Vec<String> {
    let mut e: Vec<String> = labels(file).keys().map(|k| k.0.clone()).collect();
    let text = std::fs::read_to_string(format!("{LABELS}/{file}")).expect("labels");
    if let Some(line) = text.lines().find(|l| l.starts_with("# events:")) {
        e.extend(
            line["# events:".len()..]
                .split_whitespace()
                .map(String::from),
        );
    }
    e.sort();
    e.dedup();
    e
}

fn load(event: &str, outlet: &str) -> Article {
    let path = format!("{DIR}/{event}-{outlet}.txt");
    load_article(&path, &LoadOptions::default()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Text with every kind of space a plain one (the pages have no-break spaces).
fn spaced(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

/// The index of the body sentence of `side` holding `fragment`.
fn sentence_with(a: &Article, c: &Comparison, side: Side, fragment: &str) -> usize {
    c.units(side)
        .iter()
        .position(|u| spaced(&a.text[u.span.range()]).contains(&spaced(fragment)))
        .unwrap_or_else(|| panic!("{}: no sentence holds “{fragment}”", a.path))
}

/// The most labelled pairs (`edges`, unit indices) one alignment can hold
/// when each sentence has one partner, or one sentence two that stand
/// beside each other (a 2:1 or 1:2: one outlet splitting what the other
/// says in one sentence). Each pair is held by a 1:1 row of its own or by a
/// 2:1 row with a pair that shares one end and whose other end is next to
/// it; the best choice of rows that share no sentence is found by trying
/// them all (an outlet pair has a handful of labels).
fn most_held_with_splits(edges: &[(usize, usize)]) -> usize {
    // Rows: (old sentences, new sentences, labelled pairs held).
    let mut rows: Vec<(Vec<usize>, Vec<usize>, usize)> =
        edges.iter().map(|&(o, n)| (vec![o], vec![n], 1)).collect();
    for (k, &(o1, n1)) in edges.iter().enumerate() {
        for &(o2, n2) in &edges[k + 1..] {
            if o1 == o2 && n1.abs_diff(n2) == 1 {
                rows.push((vec![o1], vec![n1, n2], 2));
            }
            if n1 == n2 && o1.abs_diff(o2) == 1 {
                rows.push((vec![o1, o2], vec![n1], 2));
            }
        }
    }
    fn best(
        rows: &[(Vec<usize>, Vec<usize>, usize)],
        old: &mut Vec<usize>,
        new: &mut Vec<usize>,
    ) -> usize {
        let Some(((o, n, held), rest)) = rows.split_first() else {
            return 0;
        };
        let without = best(rest, old, new);
        if o.iter().any(|x| old.contains(x)) || n.iter().any(|x| new.contains(x)) {
            return without;
        }
        let (lo, ln) = (old.len(), new.len());
        old.extend(o);
        new.extend(n);
        let with = held + best(rest, old, new);
        old.truncate(lo);
        new.truncate(ln);
        with.max(without)
    }
    let mut unique = edges.to_vec();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), edges.len(), "a labelled pair is listed twice");
    best(&rows, &mut Vec::new(), &mut Vec::new())
}

/// The size of a largest matching of a bipartite graph (augmenting paths).
fn max_matching(edges: &[(usize, usize)]) -> usize {
    fn augment(
        u: usize,
        edges: &[(usize, usize)],
        seen: &mut Vec<usize>,
        owner: &mut BTreeMap<usize, usize>,
    ) -> bool {
        for &(_, v) in edges.iter().filter(|e| e.0 == u) {
            if seen.contains(&v) {
                continue;
            }
            seen.push(v);
            let free = match owner.get(&v) {
                None => true,
                Some(&w) => augment(w, edges, seen, owner),
            };
            if free {
                owner.insert(v, u);
                return true;
            }
        }
        false
    }
    let mut owner = BTreeMap::new();
    let mut lefts: Vec<usize> = edges.iter().map(|e| e.0).collect();
    lefts.sort();
    lefts.dedup();
    lefts
        .into_iter()
        .filter(|&u| augment(u, edges, &mut Vec::new(), &mut owner))
        .count()
}

#[derive(Default)]
struct Tally {
    rows: usize,
    right: usize,
    holdable: usize,
    /// Labelled pairs, those standing on one row, and the most that one
    /// alignment with 2:1 rows can hold.
    labelled: usize,
    held: usize,
    holdable_with_splits: usize,
    wrong: Vec<String>,
    missed: Vec<String>,
}

/// Aligns one pair of outlets by claims and scores its rows against `labels`.
fn score_pair(event: &str, a: &str, b: &str, labels: &[Label], t: &mut Tally) {
    let (old, new) = (load(event, a), load(event, b));
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    let edges: Vec<(usize, usize)> = labels
        .iter()
        .map(|l| {
            (
                sentence_with(&old, &c, Side::Old, &l.a),
                sentence_with(&new, &c, Side::New, &l.b),
            )
        })
        .collect();
    t.holdable += max_matching(&edges);
    t.labelled += edges.len();
    t.holdable_with_splits += most_held_with_splits(&edges);
    t.held += edges
        .iter()
        .filter(|&&(o, n)| {
            c.ops
                .iter()
                .any(|op| op.old.contains(&o) && op.new.contains(&n))
        })
        .count();
    let text = |art: &Article, side: Side, r: std::ops::Range<usize>| -> String {
        c.units(side)[r]
            .iter()
            .map(|u| &art.text[u.span.range()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    for op in &c.ops {
        let body = |side: Side, r: &std::ops::Range<usize>| {
            !r.is_empty() && c.units(side)[r.clone()].iter().any(|u| u.content)
        };
        if !body(Side::Old, &op.old) || !body(Side::New, &op.new) {
            continue;
        }
        t.rows += 1;
        let right = edges
            .iter()
            .any(|&(o, n)| op.old.contains(&o) && op.new.contains(&n));
        match right {
            true => {
                t.right += 1;
                if std::env::var("HOMOLOGOUS_SHOW_RIGHT").is_ok() {
                    eprintln!(
                        "  right row: {event} {a}/{b}: “{}” = “{}”",
                        text(&old, Side::Old, op.old.clone()),
                        text(&new, Side::New, op.new.clone())
                    );
                }
            }
            false => t.wrong.push(format!(
                "{event} {a}/{b}: “{}” ≠ “{}”",
                text(&old, Side::Old, op.old.clone()),
                text(&new, Side::New, op.new.clone())
            )),
        }
    }
    // A labelled pair is missed when neither of its sentences is on a right row.
    let on_right_row = |o: usize, n: usize| {
        c.ops.iter().any(|op| {
            (op.old.contains(&o) || op.new.contains(&n))
                && edges
                    .iter()
                    .any(|&(x, y)| op.old.contains(&x) && op.new.contains(&y))
        })
    };
    for (l, &(o, n)) in labels.iter().zip(&edges) {
        if !on_right_row(o, n) {
            t.missed
                .push(format!("{event} {a}/{b}: “{}” / “{}”", l.a, l.b));
        }
    }
}

/// Scores every pair of outlets of every event of a label set.
fn score_set(file: &str) -> Tally {
    let labels = labels(file);
    let mut t = Tally::default();
    for event in events_of(file) {
        for (a, b) in [("left", "center"), ("left", "right"), ("center", "right")] {
            let key = (event.clone(), a.to_string(), b.to_string());
            let none = Vec::new();
            score_pair(&event, a, b, labels.get(&key).unwrap_or(&none), &mut t);
        }
    }
    t.missed.dedup();
    t
}

#[test]
fn homologous_sentences_of_real_coverage() {
    if !std::path::Path::new(DIR).is_dir() {
        eprintln!("skipped: {DIR} is absent (the same-event set the labels refer to)");
        return;
    }
    // Every set is printed before any floor is checked.
    let mut short: Vec<String> = Vec::new();
    // (labels, name, least precision, least recall). Set d was labelled
    // blind and scored once at 85 % precision, set e blind and scored once
    // at 100 % precision and 47 % recall, both before the rule that what
    // two sentences assert must agree (`align::assertion`); that rule cost
    // set b the pairs its labeller made of one sentence's passing mention
    // and another's report (recall 66 % to 58 %). Set f was labelled blind
    // and first scored at 84 % precision and 57 % recall; no rule is tuned
    // on it. Reading percentages as figures, nouns of acts as their verbs
    // and a topic both sentences assert as half a distinctive word took
    // recall from 69/58/62/60/47 % to 72/61/69/60/59 % on a-e and 57 to
    // 70 % on f, precision 96-100 % to 95-100 % on a-e, 84 % on f; a named
    // law or plan read as what is said took e to 62 %. Topics count only
    // where what the two sentences assert is alike (a hand check of the
    // rows the rules added on events no set uses found some that shared
    // only an article's recurring words): e to 100 % precision, f to 30 of
    // 36 rows (83 %) and 65 % recall. Set g was labelled blind and first
    // scored, before any change of its round, at 19 of 23 rows (83 %
    // precision) and 19 of 32 pairs (59 % recall). Then a name whose last
    // word runs through an article counts as that article's topic (`Joe`
    // in `President Joe Biden` no longer counts in full), titles and
    // offices say who (`chairman`, `host`), `former` is no evidence, weeks,
    // months and decades say when, and a title after a no-break space no
    // longer ends a sentence: c 22 of 23 rows to 22 of 22, f 30 of 36 to
    // 30 of 34 (88 %), g 19 of 23 to 20 of 24 (recall 59 to 62 %); recall
    // unchanged elsewhere. Words both headlines carry are the story's
    // topics, and main clauses that say the same in nearly the same words
    // (`ASSERTED_CLOSE`) need no more than the story's words: e 21 of 22
    // rows to 21 of 21, f 30 of 34 to 31 of 35 (89 %, recall 67 %), g 20
    // of 24 to 19 of 22 (86 %, recall 59 %); b recall 61 to 58 % (`largest
    // exercise … since the end of the Cold War` shares only headline words).
    // Set h was labelled blind and first scored, before any change of its
    // round, at 23 of 27 rows (85 % precision) and 23 of 35 pairs (66 %
    // recall). `said the …` introducing what is said (the speaker is who)
    // and a cut-off copy read as the same claim: h 23 of 27 rows to 23 of
    // 25 (92 %), no other set changed. A failure (`failed to override`)
    // and the same act without it are two facts: g 19 of 22 rows to 19 of
    // 20 (95 %), no other set changed.
    // Set i was labelled blind (a tester who read the three write-ups of
    // ten events no set or test used before storydiff ran on them) and first
    // scored on the round's starting code at 28 of 34 rows (82 %) and 28 of
    // 51 pairs (55 %); after the round's rules (tuned on a-e, judged on f-h,
    // never on i): 27 of 33 rows (82 %), 27 of 51 (53 %). Next round: a
    // body sentence or a whole one is a better partner than a standfirst or
    // a sentence cut off in an ellipsis, and main clauses alike at 0.5 (was
    // 0.6) need only the story's own words: a-e unchanged, f 31 of 35 rows
    // to 32 of 36 (89 %), recall 67 to 70 %; g, h, i unchanged.
    // Set k was labelled blind on ten more unused events and first scored at
    // 25 of 25 rows (100 %) and 25 of 45 pairs (56 %); its floors sit a little
    // below (recall 0.5, as i's: it measures lower than j). Where a statement
    // was made (`said in a blog post`, `according to …`) as no evidence, and a
    // verb of saying in a circumstance as no speaker: i 33 rows, 27 right to
    // 31, 27 (87 %); k 25 of 25 to 24 of 24 (recall 53 %); no other set changed.
    // Set l holds events no earlier set used, labelled while the rules of
    // their round were fixed on them (a regression set, not blind): 9 of 9
    // rows, 9 of 12 pairs when labelled.
    // Set m was labelled blind on six more unused events (each pair of
    // sentences a reader calls one fact, before storydiff ran on them) and
    // first scored at 19 of 20 rows (95 %) and 19 of 31 pairs (61 %). Main
    // clauses alike at 0.4 apart from their amounts, with figures that agree
    // (`ASSERTED_NEAR`: each outlet words the act its own way): 270 of 287
    // rows over a-l to 275 of 292, recall 62 to 63 %; b 58 to 61 %, g 59 to
    // 62 %, i 53 to 57 %, j 65 to 67 %; no wrong row added; m unchanged.
    // Main clauses close at 0.5 sharing only names or the story's words, when
    // neither is cut off in an ellipsis: a-l 275 of 292 rows to 277 of 294
    // (h 66 to 69 %, j 67 to 69 %); no wrong row added; m unchanged.
    // A topic counts half in two whole sentences whose assertions are alike
    // wherever each carries it (it had to be in both main clauses): a-l 277
    // of 294 rows to 279 of 296 (c 66 to 69 %, k 53 to 56 %: the Keystone
    // pipeline abandoned / halted, the story's first pair); m unchanged.
    // An acronym is no name spelled alike (`UN` / `Kim Jong Un`), a denial
    // (`hit back at allegations`, `the reports … were false`) is no claim of
    // what it denies, and a half of a 2:1 must bring more than names: f 32
    // of 36 rows to 33 of 35 (94 %, recall 70 to 72 %); l gains event 5702
    // (12 of 12 rows); no other set changed.
    // Of candidates about as alike, the one whose main clause is more alike
    // by rarity-weighed claim similarity wins (`ASSERTED_LEAD`; it was a
    // count of shared asserted words, everyday ones at full weight): j 33 of
    // 38 rows to 34 of 38 (89 %, recall 69 to 71 %: 5939's `a rebuke … is
    // not assured` left the report of the vote); d holds one labelled pair
    // more (5789); no other set changed.
    for (file, name, least_precision, least_recall) in [
        ("homologous-a.tsv", "set a (tuning)", 0.95, 0.7),
        ("homologous-b.tsv", "set b (held out)", 0.95, 0.57),
        (
            "homologous-c.tsv",
            "set c (held out, labelled after tuning)",
            0.95,
            0.65,
        ),
        (
            "homologous-d.tsv",
            "set d (held out, labelled two rounds before)",
            0.95,
            0.58,
        ),
        (
            "homologous-e.tsv",
            "set e (held out, labelled blind before the previous round)",
            0.95,
            0.6,
        ),
        (
            "homologous-f.tsv",
            "set f (held out, labelled blind, never tuned on)",
            0.85,
            0.68,
        ),
        (
            "homologous-g.tsv",
            "set g (held out, labelled blind, never tuned on)",
            0.9,
            0.55,
        ),
        (
            "homologous-h.tsv",
            "set h (held out, labelled blind, never tuned on)",
            0.9,
            0.6,
        ),
        (
            "homologous-i.tsv",
            "set i (held out, labelled blind, never tuned on)",
            0.8,
            0.5,
        ),
        (
            "homologous-j.tsv",
            "set j (held out, labelled blind, never tuned on)",
            0.8,
            0.6,
        ),
        (
            "homologous-k.tsv",
            "set k (held out, labelled blind, never tuned on)",
            0.9,
            0.5,
        ),
        (
            "homologous-l.tsv",
            "set l (labelled while fixing its events, not blind)",
            0.9,
            0.7,
        ),
        (
            "homologous-m.tsv",
            "set m (held out, labelled blind, never tuned on)",
            0.9,
            0.55,
        ),
    ] {
        let t = score_set(file);
        let precision = t.right as f64 / t.rows.max(1) as f64;
        let recall = t.right as f64 / t.holdable.max(1) as f64;
        eprintln!(
            "by claims, {name}: {} rows, {} the same fact (precision {:.0} %); {} of {} labelled pairs found (recall {:.0} %)",
            t.rows,
            t.right,
            100.0 * precision,
            t.right,
            t.holdable,
            100.0 * recall
        );
        eprintln!(
            "  labelled pairs: {}; on one row: {}; the most one alignment can hold: {} 1:1 ({:.0} %), {} with 2:1 rows ({:.0} %)",
            t.labelled,
            t.held,
            t.holdable,
            100.0 * t.holdable as f64 / t.labelled.max(1) as f64,
            t.holdable_with_splits,
            100.0 * t.holdable_with_splits as f64 / t.labelled.max(1) as f64
        );
        for w in &t.wrong {
            eprintln!("  wrong row: {w}");
        }
        for m in &t.missed {
            eprintln!("  missed: {m}");
        }
        if precision < least_precision {
            short.push(format!(
                "{name}: precision {precision:.2} is below {least_precision}"
            ));
        }
        if recall < least_recall {
            short.push(format!(
                "{name}: recall {recall:.2} is below {least_recall}"
            ));
        }
    }
    assert!(short.is_empty(), "{}", short.join("; "));
}
