//! The labelled edit corpus (`tests/edits/`): the edit classes the engine
//! gives each sentence pair against the labels, with precision and recall
//! per class printed for the pairs the rules were written against (`dev`),
//! for each held-out set and all five together, and for all. The
//! acceptance floors are asserted on the held-out pairs, together and set
//! by set. `EDITS_VERBOSE=1` lists every pair the engine gets wrong.

mod common;

use std::collections::BTreeSet;

use storydiff::align::classes::{classify_words, reads_as_english};
use storydiff::align::{word_diff, EditClass};

struct Pair {
    labels: BTreeSet<EditClass>,
    old: String,
    new: String,
}

fn read(name: &str) -> Vec<Pair> {
    let path = format!("{}/tests/edits/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 3, "{name}: three tab-separated fields: {l}");
            let labels = f[0]
                .split(',')
                .map(|c| EditClass::parse(c.trim()).unwrap_or_else(|| panic!("{name}: class {c}")))
                .collect();
            Pair {
                labels,
                old: f[1].to_string(),
                new: f[2].to_string(),
            }
        })
        .collect()
}

/// The engine judges the language on the whole article; here the corpus
/// file is the article.
fn predict(p: &Pair, english: bool) -> BTreeSet<EditClass> {
    let mut words = word_diff(&p.old, &p.new);
    classify_words(&mut words, english).iter().collect()
}

/// Per class: (true positives, predicted, labelled).
fn score(pairs: &[Pair], verbose: bool) -> Vec<(EditClass, usize, usize, usize)> {
    let mut out: Vec<(EditClass, usize, usize, usize)> =
        EditClass::ALL.iter().map(|&c| (c, 0, 0, 0)).collect();
    let text: Vec<&str> = pairs.iter().map(|p| p.old.as_str()).collect();
    let english = reads_as_english(&text.join(" "));
    assert!(english, "the corpus reads as English");
    for p in pairs {
        let got = predict(p, english);
        if verbose && got != p.labels {
            let names = |s: &BTreeSet<EditClass>| {
                s.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
            };
            println!(
                "  miss: want {} got {} | {} → {}",
                names(&p.labels),
                names(&got),
                p.old,
                p.new
            );
        }
        for row in &mut out {
            let (g, l) = (got.contains(&row.0), p.labels.contains(&row.0));
            row.1 += usize::from(g && l);
            row.2 += usize::from(g);
            row.3 += usize::from(l);
        }
    }
    out
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn print(title: &str, n: usize, rows: &[(EditClass, usize, usize, usize)]) {
    println!("{title}: {n} pairs");
    println!(
        "  {:<12} {:>9} {:>9} {:>9}",
        "class", "precision", "recall", "labelled"
    );
    for &(c, tp, pred, lab) in rows {
        println!(
            "  {:<12} {:>9.2} {:>9.2} {:>9}",
            c.as_str(),
            ratio(tp, pred),
            ratio(tp, lab),
            lab
        );
    }
}

/// Sums per class over several scorings.
fn sum(parts: &[&[(EditClass, usize, usize, usize)]]) -> Vec<(EditClass, usize, usize, usize)> {
    let mut out: Vec<_> = EditClass::ALL.iter().map(|&c| (c, 0, 0, 0)).collect();
    for part in parts {
        for (row, p) in out.iter_mut().zip(part.iter()) {
            row.1 += p.1;
            row.2 += p.2;
            row.3 += p.3;
        }
    }
    out
}

#[test]
fn labelled_edits_precision_and_recall() {
    let dev = read("dev.tsv");
    let first = read("holdout.tsv");
    let second = read("holdout-2.tsv");
    let third = read("holdout-3.tsv");
    let fourth = read("holdout-4.tsv");
    let fifth = read("holdout-5.tsv");
    let sixth = read("holdout-6.tsv");
    let verbose = std::env::var_os("EDITS_VERBOSE").is_some();
    let d = score(&dev, verbose);
    let h1 = score(&first, verbose);
    let h2 = score(&second, verbose);
    let h3 = score(&third, verbose);
    let h4 = score(&fourth, verbose);
    let h5 = score(&fifth, verbose);
    let h6 = score(&sixth, verbose);
    let held = sum(&[&h1, &h2, &h3, &h4, &h5]);
    let n_held = first.len() + second.len() + third.len() + fourth.len() + fifth.len();
    print("dev", dev.len(), &d);
    print("held out, first set", first.len(), &h1);
    print("held out, second set", second.len(), &h2);
    print("held out, third set", third.len(), &h3);
    print("held out, fourth set", fourth.len(), &h4);
    print("held out, fifth set", fifth.len(), &h5);
    // The sixth set is printed, not asserted, and stays out of the totals
    // below: its first-run scores are the unseen estimate.
    print("held out, sixth set (not asserted)", sixth.len(), &h6);
    print("held out, all five sets", n_held, &held);
    print("all", dev.len() + n_held, &sum(&[&d, &held]));
    assert!(n_held >= 300, "a few hundred held-out pairs");
    // The acceptance floors hold on the held-out pairs together and on each
    // set alone (the wording class has a lower bar of its own).
    assert_floors("all five sets", &held, 10);
    assert_floors("first set", &h1, 5);
    assert_floors("second set", &h2, 5);
    assert_floors("third set", &h3, 5);
    assert_floors("fourth set", &h4, 5);
    assert_floors("fifth set", &h5, 5);
}

fn assert_floors(set: &str, rows: &[(EditClass, usize, usize, usize)], least: usize) {
    for &(c, tp, pred, lab) in rows {
        assert!(lab >= least, "{set}, {c}: at least {least} labelled pairs");
        let floor = match c {
            EditClass::Number | EditClass::Negation | EditClass::Quote | EditClass::Cosmetic => 0.9,
            EditClass::Name | EditClass::Attribution | EditClass::Hedge => 0.8,
            EditClass::Wording => 0.6,
        };
        let (p, r) = (ratio(tp, pred), ratio(tp, lab));
        assert!(p >= floor, "{set}, {c}: precision {p:.2} < {floor}");
        assert!(r >= floor, "{set}, {c}: recall {r:.2} < {floor}");
    }
}

mod samples {
    use storydiff::align::{align, AlignOptions, Classes, EditClass, OpKind, WordKind};
    use storydiff::article::{load_article, Article, LoadOptions};

    fn sample(prefix: &str) -> Article {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
        let path = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
            .unwrap();
        load_article(path.to_str().unwrap(), &LoadOptions::default()).unwrap()
    }

    #[test]
    fn reprint_000_001_has_only_its_stray_full_stop_and_no_facts() {
        let c = align(&sample("000"), &sample("001"), &AlignOptions::default());
        let edited = |o: &&storydiff::align::Op| {
            matches!(
                o.kind,
                storydiff::align::OpKind::Changed | storydiff::align::OpKind::Moved
            )
        };
        let classified: Vec<_> = c
            .ops
            .iter()
            .filter(edited)
            .filter(|o| !o.classes.is_empty())
            .collect();
        assert_eq!(classified.len(), 1, "one edited sentence");
        let op = classified[0];
        assert_eq!(op.classes, Classes::of(&[EditClass::Cosmetic]));
        let stop = op
            .words
            .iter()
            .find(|w| w.kind == WordKind::Inserted)
            .unwrap();
        assert_eq!(
            (stop.text.as_str(), stop.class),
            (".", Some(EditClass::Cosmetic))
        );
        for op in c.ops.iter().filter(edited) {
            for class in [EditClass::Number, EditClass::Name, EditClass::Negation] {
                assert!(!op.classes.contains(class), "{op:?}");
            }
        }
        // The cut paragraphs carry names and figures: fact-bearing (QA r5
        // D6), though no edit's class.
        assert!(c
            .ops
            .iter()
            .any(|o| o.kind == storydiff::align::OpKind::Deleted && o.classes.has_fact()));
        assert_eq!(c.stats.classes.get(EditClass::Cosmetic), 1);
        assert_eq!(c.stats.classes.get(EditClass::Number), 0);
    }

    #[test]
    fn write_ups_002_004_alter_hegseths_quotation() {
        let c = align(&sample("002"), &sample("004"), &AlignOptions::default());
        let op = c
            .ops
            .iter()
            .find(|o| {
                o.kind == OpKind::Changed && o.words.iter().any(|w| w.text.contains("invested"))
            })
            .expect("the quotation pairs");
        assert!(op.classes.contains(EditClass::Quote), "{:?}", op.classes);
        let added = op
            .words
            .iter()
            .find(|w| w.text.contains("and interested"))
            .unwrap();
        assert_eq!(added.class, Some(EditClass::Quote));
        let long_form = op
            .words
            .iter()
            .find(|w| w.text.trim() == "United States")
            .unwrap();
        assert_eq!(long_form.class, Some(EditClass::Cosmetic));
    }
}

mod stories {
    use storydiff::align::{EditClass, WordKind};
    use storydiff::article::{load_bytes, Article, LoadOptions};
    use storydiff::story::story;

    fn from_texts(texts: &[&str]) -> Vec<Article> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                load_bytes(
                    &format!("outlet{i}.txt"),
                    t.as_bytes(),
                    &LoadOptions::default(),
                )
                .unwrap()
            })
            .collect()
    }

    #[test]
    fn samples_002_004_carry_hegseths_quotation_altered() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        let articles: Vec<Article> = paths
            .iter()
            .map(|p| {
                storydiff::article::load_article(p.to_str().unwrap(), &LoadOptions::default())
                    .unwrap()
            })
            .collect();
        let s = story(&articles);
        let q = s
            .quotes
            .iter()
            .find(|q| q.text.contains("invested"))
            .expect("the quotation is in the ledger");
        assert!(q.altered);
        let v = &q.variants[0];
        assert!(v
            .words
            .iter()
            .any(|w| w.kind == WordKind::Deleted && w.text.contains("interested")));
        // A quotation carried word for word is not altered.
        let same = s
            .quotes
            .iter()
            .find(|q| q.text.contains("everything is on the table"))
            .unwrap();
        assert!(same.articles().len() > 1 && !same.altered, "{same:?}");
    }

    #[test]
    fn outlets_giving_different_figures_and_names_disagree() {
        let a = "Inflation report\n\nConsumer prices rose 5% in the year to March, the statistics office said on Tuesday.\n\nThe figure was published in Brussels by the agency.\n\nEconomists had expected a smaller rise after months of falling energy prices.\n";
        let b = "Prices climb\n\nConsumer prices rose 3.5% in the year to March, the statistics office said on Tuesday.\n\nThe figure was published in Luxembourg by the agency.\n\nEconomists had expected a smaller rise after months of falling energy prices.\n";
        let c = "Prices up\n\nConsumer prices rose 5 per cent in the year to March, the statistics office said on Tuesday.\n\nThe figure was published in Brussels by the agency.\n\nEconomists had expected a smaller rise after months of falling energy prices.\n";
        let articles = from_texts(&[a, b, c]);
        let s = story(&articles);
        let number = s
            .disagreements
            .iter()
            .find(|d| d.class == EditClass::Number)
            .expect("5% against 3.5%");
        assert_eq!(number.a_words, ["5"]);
        assert_eq!(number.b_words, ["3.5"]);
        let sides =
            |o: &[storydiff::story::Occurrence]| o.iter().map(|o| o.article).collect::<Vec<_>>();
        assert_eq!(sides(&number.a), [0, 2], "5 per cent agrees with 5%");
        assert_eq!(sides(&number.b), [1]);
        let name = s
            .disagreements
            .iter()
            .find(|d| d.class == EditClass::Name)
            .expect("Brussels against Luxembourg");
        assert_eq!(
            (name.a_words.as_slice(), name.b_words.as_slice()),
            (
                &["Brussels".to_string()][..],
                &["Luxembourg".to_string()][..]
            )
        );
        assert_eq!(s.disagreements.len(), 2, "{:?}", s.disagreements);
    }

    /// Regression: "About a sixth of Ukraine’s territory is occupied…" against
    /// "Moscow currently controls around a fifth of Ukraine’s territory…"
    /// was no disagreement: the two sentences word the fact differently, but
    /// the figure sits in the same words. The same figure worded twice (`22
    /// 1/2` and `22 and a half`) and a weekday are not figures that differ.
    #[test]
    fn differently_worded_sentences_still_disagree_on_a_figure() {
        let a = "Ukraine talks\n\nAbout a sixth of Ukraine’s territory is occupied by Russia, including Crimea, which was annexed in 2014, and large parts of the east and south seized after the invasion.\n\nDerek Chauvin was sentenced to 22 1/2 years in prison on Friday after the trial ended.\n";
        let b = "Ukraine border\n\nMoscow currently controls around a fifth of Ukraine’s territory, mainly in the east and south.\n\nDerek Chauvin was sentenced to 22 and a half years in prison on Friday after the trial ended.\n";
        let articles = from_texts(&[a, b]);
        let s = story(&articles);
        let words: Vec<(Vec<String>, Vec<String>)> = s
            .disagreements
            .iter()
            .map(|d| (d.a_words.clone(), d.b_words.clone()))
            .collect();
        assert_eq!(
            words,
            [(vec!["sixth".to_string()], vec!["fifth".to_string()])],
            "{:?}",
            s.disagreements
        );
    }
}

/// Regression (QA r5 D5): the person a quotation is attributed to changed,
/// with an apposition between the name and the verb (`Eswar Prasad, a trade
/// professor at Cornell, said`): `attribution`, not only `name`.
#[test]
fn a_speaker_changed_before_an_apposition_is_attribution() {
    let old = "Eswar Prasad, a trade professor at Cornell, said the president’s “mercurial temperament” had complicated the talks.";
    let new = "Paul Krugman, an economist at Princeton, said the president’s “mercurial temperament” had complicated the talks.";
    let mut words = word_diff(old, new);
    classify_words(&mut words, true);
    let classes: BTreeSet<EditClass> = words.iter().filter_map(|w| w.class).collect();
    assert!(classes.contains(&EditClass::Attribution), "{classes:?}");
    // A name changed inside the apposition only is no change of speaker.
    let new = "Eswar Prasad, a trade professor at Princeton, said the president’s “mercurial temperament” had complicated the talks.";
    let mut words = word_diff(old, new);
    classify_words(&mut words, true);
    let classes: BTreeSet<EditClass> = words.iter().filter_map(|w| w.class).collect();
    assert!(!classes.contains(&EditClass::Attribution), "{classes:?}");
}

/// Regression (QA r5 D5): an article naming another person as the speaker
/// of a shared quotation is listed under it, not counted as the same speaker.
#[test]
fn the_ledger_names_an_article_that_gives_another_speaker() {
    let text = |who: &str| {
        format!(
            "Trade talks stall\n\nNegotiators from Washington and Beijing met again on Thursday without a deal on tariffs.\n\n\
             {who}, said the president’s “mercurial temperament and predilection to undercutting his own negotiating team” had complicated the task.\n\n\
             Farmers in Iowa said the delays had cost them buyers for a second season running.\n"
        )
    };
    let texts = [
        text("Eswar Prasad, a trade professor at Cornell"),
        text("Eswar Prasad, a trade professor at Cornell"),
        text("Paul Krugman, an economist at Princeton"),
    ];
    let articles = common::articles_of(&texts);
    let s = storydiff::story::story(&articles);
    let q = s
        .quotes
        .iter()
        .find(|q| q.text.contains("mercurial"))
        .expect("the quotation");
    assert_eq!(q.articles(), vec![0, 1, 2]);
    assert_eq!(q.speaker.as_deref(), Some("Eswar Prasad"));
    assert_eq!(q.other_speakers, vec![(2, "Paul Krugman".to_string())]);
    assert!(q.speaker_line().contains("[2] says Paul Krugman"));
}
