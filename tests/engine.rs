//! The engine on the sample story, on generated pairs with known edits, and on
//! controls (identity, reflow, an unrelated public-domain text).

mod common;
use common::sample;
use std::ops::Range;

use storydiff::align::{align, AlignOptions, Comparison, OpKind, Relation, Side, WordKind};
use storydiff::article::{load_article, load_bytes, Article, LoadOptions, Role};
use storydiff::synth::{generate_pair, hard_wrap, PairSpec};

fn text(name: &str, s: &str) -> Article {
    load_bytes(name, s.as_bytes(), &LoadOptions::default()).unwrap()
}

fn unit_text<'a>(a: &'a Article, c: &Comparison, side: Side, i: usize) -> &'a str {
    a.slice(c.units(side)[i].span)
}

/// Every sentence of both sides is in exactly one op.
fn assert_partition(c: &Comparison) {
    let mut old = vec![0; c.old_units.len()];
    let mut new = vec![0; c.new_units.len()];
    for op in &c.ops {
        for o in op.old.clone() {
            old[o] += 1;
        }
        for n in op.new.clone() {
            new[n] += 1;
        }
    }
    assert!(
        old.iter().all(|&k| k == 1),
        "old sentences not in exactly one op"
    );
    assert!(
        new.iter().all(|&k| k == 1),
        "new sentences not in exactly one op"
    );
}

#[test]
fn reprint_000_001_truncation_deletions_and_the_stray_full_stop() {
    let (old, new) = (sample("000"), sample("001"));
    let c = align(&old, &new, &AlignOptions::default());
    assert_partition(&c);
    assert_eq!(c.relation, Relation::Reprint);
    // 001 keeps about 60 % of 000's words: the similarity counts both
    // bodies, so the cut shows (it was 1.00-like when it read only the shorter).
    assert!(
        (0.7..0.85).contains(&c.similarity),
        "similarity {}",
        c.similarity
    );
    assert!(!c.approximate);
    let t = c.truncated.expect("truncation named");
    assert_eq!(t.side, Side::New);
    assert!(old
        .slice(old.blocks[t.after_block].span)
        .ends_with("according to Healey."));
    assert!(c.stats.reparagraphed > 0);
    assert_eq!(c.stats.moved, 0);

    let kind_of_old = |i: usize| c.ops.iter().find(|op| op.old.contains(&i)).unwrap();
    let kind_of_new = |i: usize| c.ops.iter().find(|op| op.new.contains(&i)).unwrap();
    // The ten cut paragraphs and the four trailing non-body lines are deleted.
    let first_cut = (0..c.old_units.len())
        .find(|&i| {
            unit_text(&old, &c, Side::Old, i).starts_with("The Kremlin also said it was impressed")
        })
        .unwrap();
    let cut_block = c.old_units[first_cut].block;
    let body_cut: Vec<usize> = (first_cut..c.old_units.len())
        .filter(|&i| old.blocks[c.old_units[i].block].role == Role::Body)
        .collect();
    assert_eq!(
        c.old_units[*body_cut.last().unwrap()].block - cut_block + 1,
        10
    );
    assert!(unit_text(&old, &c, Side::Old, *body_cut.last().unwrap())
        .ends_with("our own budgetary considerations.”"));
    for i in first_cut..c.old_units.len() {
        assert_eq!(
            kind_of_old(i).kind,
            OpKind::Deleted,
            "{}",
            unit_text(&old, &c, Side::Old, i)
        );
    }
    // The reprint's furniture and standfirst are inserted, never paired.
    for (i, u) in c.new_units.iter().enumerate() {
        let role = new.blocks[u.block].role;
        let s = unit_text(&new, &c, Side::New, i);
        if role != Role::Body
            || s.starts_with("US defence secretary suggests cutting number of American troops")
        {
            assert_eq!(kind_of_new(i).kind, OpKind::Inserted, "{role}: {s}");
        }
    }
    // The stray full stop is one changed op with a one-token word diff.
    let stray: Vec<_> = c
        .ops
        .iter()
        .filter(|op| op.kind == OpKind::Changed)
        .collect();
    assert_eq!(stray.len(), 1);
    assert!(unit_text(&old, &c, Side::Old, stray[0].old.start).ends_with("of President Trump.”"));
    let edits: Vec<_> = stray[0]
        .words
        .iter()
        .filter(|w| w.kind != WordKind::Equal)
        .collect();
    assert_eq!(edits.len(), 1);
    assert_eq!(
        (edits[0].kind, edits[0].text.as_str()),
        (WordKind::Inserted, ".")
    );
    // Every other body sentence of the shared paragraphs is equal.
    for i in 0..first_cut {
        let op = kind_of_old(i);
        if old.blocks[c.old_units[i].block].role == Role::Body && op.kind != OpKind::Changed {
            assert_eq!(
                op.kind,
                OpKind::Equal,
                "{}",
                unit_text(&old, &c, Side::Old, i)
            );
        }
    }
}

#[test]
fn independent_write_ups_002_004_share_a_quote() {
    let (a, b) = (sample("002"), sample("004"));
    let c = align(&a, &b, &AlignOptions::default());
    assert_partition(&c);
    assert_eq!(c.relation, Relation::Related);
    let pair = c
        .ops
        .iter()
        .find(|op| {
            !op.old.is_empty()
                && unit_text(&a, &c, Side::Old, op.old.start)
                    .contains("the whole world and the US is invested in peace")
        })
        .expect("the quote is paired");
    assert!(matches!(pair.kind, OpKind::Changed | OpKind::Moved));
    assert!(op_new_text(&b, &c, pair)
        .contains("the whole world and the United States is invested and interested in peace"));
}

fn op_new_text(b: &Article, c: &Comparison, op: &storydiff::align::Op) -> String {
    op.new
        .clone()
        .map(|n| unit_text(b, c, Side::New, n))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_sample_pair_is_classified_and_related() {
    let all: Vec<Article> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| sample(p))
        .collect();
    for i in 0..all.len() {
        for j in 0..all.len() {
            if i == j {
                continue;
            }
            let c = align(&all[i], &all[j], &AlignOptions::default());
            assert_partition(&c);
            let want = if (i, j) == (0, 1) || (i, j) == (1, 0) {
                Relation::Reprint
            } else {
                Relation::Related
            };
            assert_eq!(c.relation, want, "{i} vs {j}");
        }
    }
}

#[test]
fn unrelated_public_domain_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/public-domain");
    for name in ["tale-of-two-cities-ch1.txt", "gettysburg-address.txt"] {
        let control = load_article(&format!("{dir}/{name}"), &LoadOptions::default()).unwrap();
        for s in ["000", "002", "003"] {
            let c = align(&sample(s), &control, &AlignOptions::default());
            assert_eq!(c.relation, Relation::Unrelated, "{s} vs {name}");
            assert!(c.similarity < 0.1);
        }
    }
}

#[test]
fn identity_and_reflow_are_identical() {
    for s in ["000", "003"] {
        let a = sample(s);
        let c = align(&a, &a, &AlignOptions::default());
        assert_eq!(c.relation, Relation::Identical);
        assert!(c.ops.iter().all(|op| op.kind == OpKind::Equal));
    }
    let pair = generate_pair(&PairSpec::new(30_000, 11), None);
    let paras: Vec<&str> = pair.original.split("\n\n").collect();
    let reflowed: Vec<String> = paras
        .chunks(2)
        .map(|c| hard_wrap(&c.join(" "), 72))
        .collect();
    let (a, b) = (
        text("a.txt", &pair.original),
        text("b.txt", &reflowed.join("\n\n")),
    );
    let c = align(&a, &b, &AlignOptions::default());
    assert_eq!(c.relation, Relation::Identical);
    assert!(c.stats.reparagraphed > 0);
    assert_eq!(c.stats.words_deleted + c.stats.words_inserted, 0);
}

#[test]
fn generated_pairs_report_the_injected_edits() {
    for (size, seed) in [(40_000, 1), (40_000, 2), (40_000, 3), (250_000, 4)] {
        let pair = generate_pair(&PairSpec::new(size, seed), None);
        let (a, b) = (text("old.txt", &pair.original), text("new.txt", &pair.copy));
        let c = align(
            &a,
            &b,
            &AlignOptions {
                deadline: None,
                ..Default::default()
            },
        );
        assert_partition(&c);
        let t = &pair.truth;
        let within = |got: usize, want: usize| {
            (got as f64 - want as f64).abs() <= (want as f64 * 0.02).max(1.0)
        };
        assert!(
            within(c.stats.words_deleted, t.words_deleted),
            "deleted {} vs {} (seed {seed})",
            c.stats.words_deleted,
            t.words_deleted
        );
        assert!(
            within(c.stats.words_inserted, t.words_inserted),
            "inserted {} vs {} (seed {seed})",
            c.stats.words_inserted,
            t.words_inserted
        );
        let moved_new: std::collections::HashSet<String> = c
            .ops
            .iter()
            .filter(|op| op.kind == OpKind::Moved)
            .flat_map(|op| op.new.clone())
            .map(|n| {
                unit_text(&b, &c, Side::New, n)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let found = t.moved.iter().filter(|m| moved_new.contains(*m)).count();
        assert!(
            found * 10 >= t.moved.len() * 9,
            "moved {found}/{} (seed {seed})",
            t.moved.len()
        );
        assert_eq!(c.relation, Relation::Reprint);
    }
}

/// The sources `scripts/fetch-corpus.sh` unpacks (repetitive verse, technical
/// essay, formal specification, dictionary, legal prose): pairs of every
/// source are counted within 2 % and their moves found; reflow alone is
/// identical. Run with `cargo test --test engine -- --ignored` after fetching.
#[test]
#[ignore = "needs scripts/fetch-corpus.sh (Debian packages)"]
fn public_domain_sources_within_two_percent() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus");
    for source in [
        "kjv", "jargon", "sqlite", "gcide", "devil", "web", "gnu", "licenses", "austen", "sparv",
        "policy", "poems",
    ] {
        let path = dir.join(format!("{source}.txt"));
        let source_text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run scripts/fetch-corpus.sh", path.display()));
        for (size, seed) in [(40_000, 3), (250_000, 4)] {
            let pair = generate_pair(&PairSpec::new(size, seed), Some(&source_text));
            let (a, b) = (text("old.txt", &pair.original), text("new.txt", &pair.copy));
            let c = align(
                &a,
                &b,
                &AlignOptions {
                    deadline: None,
                    ..Default::default()
                },
            );
            assert_partition(&c);
            let t = &pair.truth;
            let within = |got: usize, want: usize| {
                (got as f64 - want as f64).abs() <= (want as f64 * 0.02).max(2.0)
            };
            assert!(
                within(c.stats.words_deleted, t.words_deleted)
                    && within(c.stats.words_inserted, t.words_inserted),
                "{source} {size}: words -{} +{} vs -{} +{}",
                c.stats.words_deleted,
                c.stats.words_inserted,
                t.words_deleted,
                t.words_inserted
            );
            for hyphens in [false, true] {
                let mut spec = PairSpec::reflow_only(size, seed);
                spec.wrap_after_hyphens = hyphens;
                let reflow = generate_pair(&spec, Some(&source_text));
                let (a, b) = (
                    text("old.txt", &reflow.original),
                    text("new.txt", &reflow.copy),
                );
                let c = align(&a, &b, &AlignOptions::default());
                assert_eq!(
                    c.relation,
                    Relation::Identical,
                    "{source} {size}: reflow (wrapped after hyphens: {hyphens})"
                );
            }
        }
    }
}

/// Prose the loader labelled as related stories on one side only is a
/// difference: never identical, counted as furniture words, truncation named.
#[test]
fn prose_labelled_furniture_on_one_side_is_never_identical() {
    let body = "The regional water board will raise household prices by 4.2 per cent from April, its chairman said on Wednesday.\n\nHe said the increase would pay for new pipes in the older districts of the city.\n";
    let tail = "\nRelated stories\n\nOpposition councillors said the board had ignored a report warning that leaks were costing more than the repairs would.\n\nThe chairman rejected the criticism and said the board had published every report it had received.\n";
    let full = text(
        "full.txt",
        &format!("Water board raises prices\n\n{body}{tail}"),
    );
    let cut = text("cut.txt", &format!("Water board raises prices\n\n{body}"));
    for (old, new) in [(&full, &cut), (&cut, &full)] {
        let c = align(old, new, &AlignOptions::default());
        assert_ne!(c.relation, Relation::Identical);
        let furniture = c.stats.furniture_words_deleted + c.stats.furniture_words_inserted;
        assert!(furniture >= 30, "{:?}", c.stats);
        assert!(c.truncated.is_some());
    }
    // A furniture line alone ("Share:") is still no difference of substance.
    let shared = text(
        "s.txt",
        &format!("Water board raises prices\n\n{body}\nShare:\n"),
    );
    let c = align(&cut, &shared, &AlignOptions::default());
    assert_eq!(c.relation, Relation::Identical);
}

/// A word edited in prose the loader labelled as furniture on both sides
/// (a related-stories tail, an author's biography) is a difference too:
/// never identical, the words counted as furniture words.
#[test]
fn prose_labelled_furniture_edited_is_never_identical() {
    let page = |tail: &str| {
        format!(
            "Water board raises prices\n\nThe regional water board will raise household prices by 4.2 per cent from April, its chairman said on Wednesday.\n\nHe said the increase would pay for new pipes in the older districts of the city.\n\nRelated stories\n\nOpposition councillors said the board had ignored a report warning that leaks were costing more than the repairs would.\n\n{tail}\n"
        )
    };
    let old = text(
        "old.txt",
        &page("He added that a hardship fund would help families who struggle to pay their bills."),
    );
    let new = text(
        "new.txt",
        &page("He added that a new hardship fund would help poor families who struggle to pay their bills."),
    );
    assert!(old.blocks.iter().any(|b| b.role == Role::Related));
    let c = align(&old, &new, &AlignOptions::default());
    assert_eq!(c.relation, Relation::Reprint);
    assert_eq!(c.stats.furniture_words_inserted, 2);
    // The same page both sides: identical.
    let c = align(&old, &old, &AlignOptions::default());
    assert_eq!(c.relation, Relation::Identical);
}

#[test]
fn mirror_of_a_diff() {
    let pair = generate_pair(&PairSpec::new(20_000, 9), None);
    let (a, b) = (text("old.txt", &pair.original), text("new.txt", &pair.copy));
    let ab = align(&a, &b, &AlignOptions::default());
    let ba = align(&b, &a, &AlignOptions::default());
    assert_eq!(ab.stats.words_deleted, ba.stats.words_inserted);
    assert_eq!(ab.stats.words_inserted, ba.stats.words_deleted);
    assert_eq!(ab.stats.equal, ba.stats.equal);
    assert_eq!(ab.stats.moved, ba.stats.moved);
    assert_eq!(ab.relation, ba.relation);
}

/// A filler paragraph for the moved-paragraph tests.
fn moved_filler(k: usize) -> String {
    format!(
        "Paragraph {k} of the filler talks about the harbour works in district {k}. The council met on day {k} to discuss the budget for the year ahead. Residents asked whether the ferry timetable number {k} would change."
    )
}

/// Twelve filler paragraphs with `moved_old` before them on the old side and
/// `moved_new` after the ninth on the new side.
fn moved_from_top_to_ninth(moved_old: &str, moved_new: &str) -> (Article, Article) {
    let mut old = vec![moved_old.to_string()];
    let mut new = Vec::new();
    for k in 0..12 {
        old.push(moved_filler(k));
        new.push(moved_filler(k));
    }
    new.insert(9, moved_new.to_string());
    (
        text("old.txt", &old.join("\n\n")),
        text("new.txt", &new.join("\n\n")),
    )
}

/// The ops that are not equal, for a failing assertion's message.
fn changes(c: &Comparison) -> Vec<(OpKind, Range<usize>, Range<usize>)> {
    c.ops
        .iter()
        .filter(|o| o.kind != OpKind::Equal)
        .map(|o| (o.kind, o.old.clone(), o.new.clone()))
        .collect()
}

/// A moved paragraph that was also cut and merged on the way: one sentence
/// deleted after its moved opening, the two after it merged into one. The
/// merged sentence moves with the paragraph (its words are not deleted and
/// inserted again), and short sentences that moved with it count as moved.
#[test]
fn a_moved_paragraph_keeps_its_merged_and_short_sentences() {
    let moved_old = "The committee published its findings on the collapse of the bridge late on Friday evening. Nobody was hurt. Engineers had warned about corrosion in the steel cables for several years before the failure. The report blames the regional transport office for ignoring those warnings. Its authors want the inspection rules for every crossing rewritten by the summer.";
    let moved_new = "The committee published its findings on the collapse of the bridge late on Friday evening. Nobody was hurt. The report blames the regional transport office for ignoring those warnings; its authors want the inspection rules for every crossing rewritten by the summer.";
    let (a, b) = moved_from_top_to_ninth(moved_old, moved_new);
    for (x, y, del, ins) in [(&a, &b, 17, 2), (&b, &a, 2, 17)] {
        let c = align(x, y, &AlignOptions::default());
        assert_partition(&c);
        // The deleted sentence (15 words), "warnings." and "Its" gone,
        // "warnings;" and "its" in their place.
        assert_eq!(
            (c.stats.words_deleted, c.stats.words_inserted),
            (del, ins),
            "{:?}",
            changes(&c)
        );
        assert!(
            c.ops
                .iter()
                .filter(|o| matches!(o.kind, OpKind::Deleted | OpKind::Inserted))
                .count()
                == 1,
            "{:?}",
            changes(&c)
        );
        assert!(c.stats.moved >= 3, "{:?}", c.stats);
    }
}

/// Repetitive text: a moved paragraph's merged sentence lands next to a
/// deleted sentence that resembles one of its halves, and pairing in that
/// region took the resemblance. The move's own sentences say it better, so
/// the merged sentence moves with its paragraph and the look-alike counts as
/// deleted: the counts are the edits made.
#[test]
fn a_moved_merge_goes_with_its_paragraph_not_a_look_alike() {
    let opening = "The committee published its findings on the collapse of the bridge late on Friday evening.";
    let second = "The report blames the regional transport office for ignoring warnings about corroded cables.";
    let third = "Its authors want the inspection rules for every crossing rewritten by the summer.";
    let look_alike =
        "The report blames the regional transport office for ignoring warnings about the tunnels.";
    let mut old = vec![format!("{opening} {second} {third}")];
    let mut new = Vec::new();
    for k in 0..12 {
        old.push(moved_filler(k));
        new.push(moved_filler(k));
        if k == 8 {
            old.push(look_alike.to_string());
        }
    }
    let merged = format!(
        "{} {}",
        second.trim_end_matches('.'),
        "; its authors want the inspection rules for every crossing rewritten by the summer."
    );
    new.insert(9, format!("{opening} {}", merged.replace(" ;", ";")));
    let (a, b) = (
        text("old.txt", &old.join("\n\n")),
        text("new.txt", &new.join("\n\n")),
    );
    let look_alike_words = look_alike.split_whitespace().count();
    for (x, y, del, ins) in [
        (&a, &b, look_alike_words + 2, 2),
        (&b, &a, 2, look_alike_words + 2),
    ] {
        let c = align(x, y, &AlignOptions::default());
        assert_partition(&c);
        assert_eq!(
            (c.stats.words_deleted, c.stats.words_inserted),
            (del, ins),
            "{:?}",
            changes(&c)
        );
    }
}

/// `a` against `b` and back: one moved op, every sentence in one op, and
/// `counts` (words deleted, inserted) one way, mirrored the other.
fn assert_one_move_both_ways(a: &Article, b: &Article, counts: (usize, usize)) {
    let (del, ins) = counts;
    for (x, y, del, ins) in [(a, b, del, ins), (b, a, ins, del)] {
        let c = align(x, y, &AlignOptions::default());
        assert_partition(&c);
        assert_eq!(
            (c.stats.words_deleted, c.stats.words_inserted),
            (del, ins),
            "{:?}",
            changes(&c)
        );
        assert_eq!(c.stats.moved, 1, "{:?}", c.stats);
    }
}

/// A paragraph moved and merged into one sentence on the way: no sentence
/// of it moves alone, yet it is one moved op whose word diff shows the
/// merge, in both orders.
#[test]
fn a_paragraph_moved_and_merged_into_one_sentence_is_moved() {
    let moved_old = "Engineers inspected the suspension cables after the storm damaged several anchorages. Corrosion had spread further than the previous survey suggested. Replacement parts were ordered from a foundry abroad. Traffic restrictions will remain until the repairs finish.";
    let moved_new = "Engineers inspected the suspension cables after the storm damaged several anchorages; corrosion had spread further than the previous survey suggested, and replacement parts were ordered from a foundry abroad; traffic restrictions will remain until the repairs finish.";
    let (a, b) = moved_from_top_to_ninth(moved_old, moved_new);
    // Three joins: "anchorages." "Corrosion" / "suggested." "Replacement" /
    // "abroad." "Traffic" out, their joined forms (and one "and") in.
    assert_one_move_both_ways(&a, &b, (6, 7));
}

/// A paragraph of short sentences moved and merged into one: merging changes
/// a full stop and a capital at every join, a large share of short
/// sentences' words, yet the paragraph is one moved op and only the joins
/// count, in both orders.
#[test]
fn a_paragraph_of_short_sentences_moved_and_merged_is_moved() {
    let moved_old = "Polls close at eight. Counting starts at once in every district of the city. Results follow by midnight. Turnout was low.";
    let moved_new = "Polls close at eight; counting starts at once in every district of the city, and results follow by midnight — turnout was low.";
    let (a, b) = moved_from_top_to_ninth(moved_old, moved_new);
    // "eight." "Counting" / "city." "Results" / "midnight." "Turnout" out;
    // "eight;" "counting" / "city," "and" "results" / "midnight" "—" "turnout" in.
    assert_one_move_both_ways(&a, &b, (6, 8));
}

/// Regression (results depended on the machine's load): a 50 MB reprint with
/// 1 % of paragraphs edited came out `related · similarity 1.00`, 481 equal
/// and half a million deleted and inserted sentences when the deadline had
/// passed before the sentence diff began, and `reprint`, 505,095 equal, when
/// it had not. Past the deadline the anchors (sentences found once on each
/// side) and every small gap between them are still diffed, so the equal
/// sentences stay equal; only finesse (joins, edited moves) is cut, and the
/// comparison says so. The deadline is forced to zero: no timing here.
#[test]
fn a_passed_deadline_keeps_a_reprint_aligned() {
    let pair = generate_pair(&PairSpec::new(600_000, 11), None);
    let (a, b) = (text("old.txt", &pair.original), text("new.txt", &pair.copy));
    let exact = align(
        &a,
        &b,
        &AlignOptions {
            deadline: None,
            ..Default::default()
        },
    );
    let late = align(
        &a,
        &b,
        &AlignOptions {
            deadline: Some(std::time::Duration::ZERO),
            ..Default::default()
        },
    );
    assert!(
        a.blocks.iter().map(|b| b.sentences.len()).sum::<usize>() > 4096,
        "big enough for the anchored diff"
    );
    assert_partition(&late);
    assert!(!exact.approximate, "{:?}", exact.notes);
    assert!(late.approximate && !late.notes.is_empty());
    assert_eq!(exact.relation, Relation::Reprint);
    assert_eq!(late.relation, Relation::Reprint, "{:?}", late.notes);
    assert!(late.similarity >= 0.95, "{}", late.similarity);
    // The same sentences are equal; what the cut stages would have joined
    // shows as deleted and inserted, a few per cent at most.
    assert_eq!(late.stats.equal, exact.stats.equal);
    let one_sided = |c: &Comparison| c.stats.deleted + c.stats.inserted;
    assert!(
        one_sided(&late) <= one_sided(&exact) + late.stats.equal / 20,
        "{} one-sided ops past the deadline against {} ({} equal)",
        one_sided(&late),
        one_sided(&exact),
        late.stats.equal
    );
}

/// Regression (identical inputs reported approximate): a 50 MB file against
/// itself printed `identical · APPROXIMATE` with the note "deadline reached
/// in the word diffs" and nothing changed. A stage is approximate only when
/// it cut work short; with nothing to diff nothing is cut.
#[test]
fn identical_inputs_are_never_approximate() {
    let pair = generate_pair(&PairSpec::new(600_000, 12), None);
    let cut = (40_000..)
        .find(|&i| pair.original.is_char_boundary(i))
        .unwrap();
    for (name, t) in [
        ("big", pair.original.as_str()),
        ("small", &pair.original[..cut]),
    ] {
        let a = text("a.txt", t);
        let c = align(
            &a,
            &a,
            &AlignOptions {
                deadline: Some(std::time::Duration::ZERO),
                ..Default::default()
            },
        );
        assert_eq!(c.relation, Relation::Identical, "{name}");
        assert!(!c.approximate, "{name}: {:?}", c.notes);
        assert!(c.notes.is_empty(), "{name}: {:?}", c.notes);
        assert_eq!(c.stats.equal, c.old_units.len(), "{name}");
    }
}

/// A copy that lost text is no longer "1.00": the similarity of a reprint
/// counts the words of both bodies, while the relation (read from the share
/// of the shorter body carried) stays `reprint`, truncation included.
#[test]
fn a_copy_missing_text_reads_below_one_and_stays_a_reprint() {
    let orig = sample("000");
    let body: Vec<&str> = orig
        .blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .map(|b| orig.slice(b.span))
        .collect();
    assert!(
        body.len() >= 10,
        "the sample's body has {} paragraphs",
        body.len()
    );
    let whole = body.join("\n\n");
    let original = text("orig.txt", &whole);
    let same = align(
        &original,
        &text("copy.txt", &whole),
        &AlignOptions::default(),
    );
    assert_eq!(same.relation, Relation::Identical);
    assert_eq!(same.similarity, 1.0);

    // The first 60 % of the paragraphs: a truncated reprint, near 0.75.
    let keep = body.len() * 6 / 10;
    let trunc = align(
        &original,
        &text("trunc.txt", &body[..keep].join("\n\n")),
        &AlignOptions::default(),
    );
    assert_eq!(trunc.relation, Relation::Reprint);
    assert!(trunc.truncated.is_some(), "truncation still named");
    assert!(
        (0.6..0.85).contains(&trunc.similarity),
        "truncated copy: {}",
        trunc.similarity
    );

    // One paragraph cut: below 1, above the truncated copy.
    let mut cut = body.clone();
    cut.remove(body.len() / 2);
    let cut = align(
        &original,
        &text("cut.txt", &cut.join("\n\n")),
        &AlignOptions::default(),
    );
    assert_eq!(cut.relation, Relation::Reprint);
    assert!(
        cut.similarity < 1.0 && cut.similarity > trunc.similarity,
        "one paragraph cut: {}",
        cut.similarity
    );

    // The article repeated ten times: a reprint of it, but far from "the same".
    let repeated = [whole.as_str(); 10].join("\n\n");
    let rep = align(
        &text("rep.txt", &repeated),
        &original,
        &AlignOptions::default(),
    );
    assert!(
        rep.similarity < 0.3,
        "repeated ten times: {}",
        rep.similarity
    );

    // The similarity is the same number whichever side is old.
    let back = align(
        &text("trunc.txt", &body[..keep].join("\n\n")),
        &original,
        &AlignOptions::default(),
    );
    assert_eq!(back.similarity, trunc.similarity);
}

/// Regression (QA r5 D9): lines joined into one paragraph with no full stop
/// between them (a tweet's lines) made `changed` ops whose word diff showed
/// nothing; same words cut differently are equal, and re-paragraphed.
#[test]
fn sentences_cut_differently_with_the_same_words_are_equal() {
    let old = text(
        "old.txt",
        "Air quality in the capital\n\n\
         Delhi has turned into a gas chamber due to smoke from crop burning in neighbouring states\n\n\
         It is very important that we protect ourselves from this toxic air.\n\n\
         The city government said schools would close until the air improved.\n",
    );
    let new = text(
        "new.txt",
        "Air quality in the capital\n\n\
         Delhi has turned into a gas chamber due to smoke from crop burning in neighbouring states It is very important that we protect ourselves from this toxic air.\n\n\
         The city government said schools would close until the air improved.\n",
    );
    let c = align(&old, &new, &AlignOptions::default());
    assert_partition(&c);
    assert_eq!(c.stats.changed, 0, "{:#?}", c.ops);
    assert!(
        c.ops.iter().all(|op| op.kind == OpKind::Equal),
        "{:#?}",
        c.ops
    );
    assert_eq!(c.stats.reparagraphed, 1);
    assert_eq!(c.relation, Relation::Identical);
}

/// Regression: a page missing its last paragraphs was a reprint but not
/// named truncated when the author's biography (two lines, 25 words,
/// furniture on both sides) followed the article: only two lines of 20
/// words could close an article. Found on real pages (an author's
/// biography, `A version of this article appears in print`, `Order
/// Reprints` after a cut): of 157 pages cut by two paragraphs 121 were
/// named, now 126.
#[test]
fn a_cut_before_an_authors_biography_is_named() {
    let paras = [
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, ending weeks of argument over the cost of repairs.",
        "Engineers told councillors the bridge needed work worth 14.2 million euros, far more than the 9 million set aside in this year's budget.",
        "“We cannot keep pouring money into a structure that was built for horses,” said the mayor, Ana Ribeiro. “It is time to think again.”",
        "Shop owners on the waterfront said the closure would cut them off from customers on the other side of the river. Some have threatened legal action.",
        "The council will publish its plans for a new pedestrian crossing in June, and a public consultation will follow over the summer.",
        "Traffic on the bridge has fallen by a third since 2019, according to figures from the regional transport authority, which runs the buses.",
        "Cyclists will still be allowed to use the bridge, though the council has not said whether the cycle lane will be widened once the cars are gone.",
        "A petition against the closure has gathered more than four thousand signatures, and its organisers plan to hand it in at the next meeting.",
    ];
    let bio = r#"<div class="author-bio"><p>Marta Lind is a reporter for the Harbour Gazette covering city hall, transport and housing since 2015, after years on the business desk.</p><p>Follow her on Twitter @martalind or email her at mlind@example.com</p></div>"#;
    let page = |ps: &[&str]| {
        let body: String = ps.iter().map(|p| format!("<p>{p}</p>")).collect();
        let html = format!("<html><head><title>Harbour bridge to close to cars</title></head><body><article><h1>Harbour bridge to close to cars</h1>{body}</article>{bio}</body></html>");
        load_bytes("page.html", html.as_bytes(), &LoadOptions::default()).unwrap()
    };
    let (full, cut) = (page(&paras), page(&paras[..5]));
    assert!(full.blocks.last().is_some_and(|b| b.role != Role::Body));
    let c = align(&full, &cut, &AlignOptions::default());
    assert_eq!(c.relation, Relation::Reprint);
    let t = c.truncated.expect("the cut is named");
    assert_eq!(t.side, Side::New);
    assert!(full.text[full.blocks[t.after_block].span.range()].contains("over the summer"));
}
