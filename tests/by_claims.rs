//! Alignment by claims on the samples: the facts two independent write-ups
//! both report stand on one row whatever their order, the shared count is the
//! story's, and a copy with its paragraphs shuffled pairs whole.

mod common;

use common::sample;
use storydiff::align::{align_by_claims, AlignOptions, Comparison, OpKind, Side};
use storydiff::article::{load_bytes, Article, LoadOptions};
use storydiff::story::story;

fn text(a: &Article, c: &Comparison, side: Side, r: std::ops::Range<usize>) -> String {
    c.units(side)[r]
        .iter()
        .map(|u| &a.text[u.span.range()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether some op pairs an old sentence containing `o` with a new one containing `n`.
fn on_one_row(old: &Article, new: &Article, c: &Comparison, o: &str, n: &str) -> bool {
    c.ops.iter().any(|op| {
        !op.old.is_empty()
            && !op.new.is_empty()
            && text(old, c, Side::Old, op.old.clone()).contains(o)
            && text(new, c, Side::New, op.new.clone()).contains(n)
    })
}

fn every_sentence_once(c: &Comparison) {
    for side in [Side::Old, Side::New] {
        let mut seen = vec![0; c.units(side).len()];
        for op in &c.ops {
            let r = if side == Side::Old { &op.old } else { &op.new };
            if op.kind == OpKind::Inserted && side == Side::Old
                || op.kind == OpKind::Deleted && side == Side::New
            {
                continue;
            }
            for i in r.clone() {
                seen[i] += 1;
            }
        }
        assert!(seen.iter().all(|&k| k == 1), "{side:?}: {seen:?}");
    }
}

#[test]
fn the_samples_report_the_same_facts_on_one_row() {
    let cases = [
        ("000", "003", "5% of GDP", "to 5% of their GDP"),
        ("000", "002", "5% of GDP", "defence spending to 5%"),
        (
            "002",
            "003",
            "swapped for Ukrainian-held",
            "territory exchange",
        ),
        // 003 says it three times (its standfirst, the report, the
        // quotation): the body's report stands beside 002's, not the
        // standfirst that sums it up.
        (
            "002",
            "003",
            "“unrealistic”",
            "“unrealistic” to expect Ukraine",
        ),
        (
            "002",
            "004",
            "invested in peace",
            "invested and interested in peace",
        ),
        ("002", "004", "not a betrayal", "not a betrayal"),
    ];
    for (o, n, old_has, new_has) in cases {
        let (old, new) = (sample(o), sample(n));
        let c = align_by_claims(&old, &new, &AlignOptions::default());
        every_sentence_once(&c);
        assert!(
            on_one_row(&old, &new, &c, old_has, new_has),
            "{o}/{n}: “{old_has}” beside “{new_has}”"
        );
    }
}

/// Rows that paired sentences about different things: two ministers quoting
/// the story's everyday phrase ("Nato membership for Ukraine"), a sentence
/// sharing only the protagonist, the day and the alliance, two statements of
/// one speaker sharing only his name.
#[test]
fn everyday_words_and_names_alone_pair_nothing() {
    let cases = [
        (
            "000",
            "003",
            "In my view it would have been better",
            "realistic outcome",
        ),
        (
            "002",
            "004",
            "ramp up defence spending",
            "made his comments on Thursday",
        ),
        ("000", "002", "reassure allies", "frontline of freedom"),
        ("003", "004", "position of strength", "long-standing goal"),
        // The background the two sentences share ("the war that began in
        // February 2022", "his phone call with Putin"), not what they say.
        ("000", "003", "perfect dealmaker", "critical of US aid"),
        ("001", "003", "perfect dealmaker", "critical of US aid"),
        (
            "002",
            "004",
            "no one wants peace",
            "first publicly revealed",
        ),
        (
            "002",
            "004",
            "fear likely common",
            "first publicly revealed",
        ),
        // A figure one sentence gives only in a condition (`refused to say
        // if the US would increase its own defence spending from 3.4% of
        // GDP`) is not what it asserts: no report of that figure.
        (
            "000",
            "003",
            "peace dividend has to end",
            "currently spends roughly 3.4%",
        ),
        // The story's everyday phrases ("Nato membership", "speaking in Brussels").
        ("001", "003", "restoration of Crimea", "met with dismay"),
        (
            "001",
            "003",
            "given too much away",
            "imbalanced relationship",
        ),
    ];
    for (o, n, old_has, new_has) in cases {
        let (old, new) = (sample(o), sample(n));
        let c = align_by_claims(&old, &new, &AlignOptions::default());
        assert!(
            !on_one_row(&old, &new, &c, old_has, new_has),
            "{o}/{n}: “{old_has}” beside “{new_has}”"
        );
    }
}

#[test]
fn shared_claims_are_the_story_count() {
    let names = ["000", "001", "002", "003", "004"];
    let mut all = 0;
    for (i, o) in names.iter().enumerate() {
        for n in &names[i + 1..] {
            all += the_story_of_two_counts(o, n);
        }
    }
    assert!(all >= 10, "{all} shared claims in all");
}

/// `diff --by claims` of two samples counts the claims the story of the two
/// counts, and shows each as a row.
fn the_story_of_two_counts(o: &str, n: &str) -> usize {
    let (old, new) = (sample(o), sample(n));
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    let s = story(&[old, new]);
    let shared = c.by_claims.expect("by claims").shared_claims;
    assert_eq!(shared, s.pairs[0].shared_sentences, "{o}/{n}");
    let paired = c
        .ops
        .iter()
        .filter(|op| !op.old.is_empty() && !op.new.is_empty())
        .count();
    assert!(paired >= shared, "{o}/{n}: every shared claim is a row");
    shared
}

#[test]
fn shuffled_paragraphs_pair_whole() {
    let old = sample("000");
    let body: Vec<&str> = old
        .text
        .split('\n')
        .filter(|l| !l.trim().is_empty())
        .collect();
    // A fixed shuffle: every third paragraph first, then the rest backwards.
    let mut lines: Vec<&str> = body.iter().copied().step_by(3).collect();
    lines.extend(
        body.iter()
            .enumerate()
            .filter(|(i, _)| i % 3 != 0)
            .map(|(_, l)| *l)
            .rev(),
    );
    let shuffled = lines.join("\n\n");
    let new = load_bytes("shuffled.txt", shuffled.as_bytes(), &LoadOptions::default()).unwrap();
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    every_sentence_once(&c);
    let one_sided: Vec<_> = c
        .ops
        .iter()
        .filter(|op| matches!(op.kind, OpKind::Deleted | OpKind::Inserted))
        .collect();
    assert!(one_sided.is_empty(), "{one_sided:#?}");
    assert!(
        c.stats.moved > 0,
        "the shuffle shows as partners out of order"
    );
}

/// One outlet splits into two sentences what the other says in one: the
/// three stand on one row, and every sentence is still in exactly one op.
#[test]
fn a_sentence_split_in_two_pairs_two_to_one() {
    let load = |name: &str, text: &str| {
        load_bytes(name, text.as_bytes(), &LoadOptions::default()).expect("loads")
    };
    let old = load(
        "old.txt",
        "The harbour authority closed the northern channel on Monday after a cargo ship ran aground near the lighthouse.\n\n\
         Divers inspected the hull of the Maribel overnight and found a crack along the keel, the authority said.\n\n\
         Fishing boats were told to use the southern approach until further notice.\n",
    );
    let new = load(
        "new.txt",
        "Fishing crews have been sent round by the southern approach for now.\n\n\
         A cargo ship ran aground near the lighthouse on Monday, and the harbour authority shut the northern channel.\n\n\
         Divers spent the night inspecting the hull of the Maribel. They found a crack along its keel.\n",
    );
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    every_sentence_once(&c);
    let split = c
        .ops
        .iter()
        .find(|op| op.old.len() == 1 && op.new.len() == 2)
        .unwrap_or_else(|| panic!("a 1:2 op: {:#?}", c.ops));
    assert!(text(&old, &c, Side::Old, split.old.clone()).contains("Divers inspected"));
    let halves = text(&new, &c, Side::New, split.new.clone());
    assert!(halves.contains("spent the night") && halves.contains("crack along its keel"));
    assert_eq!(c.by_claims.map(|b| b.shared_claims), Some(3));
    // Mirrored, it is 2:1.
    let m = align_by_claims(&new, &old, &AlignOptions::default());
    every_sentence_once(&m);
    assert!(m
        .ops
        .iter()
        .any(|op| op.old.len() == 2 && op.new.len() == 1));
}

/// A sentence beside a pair that states other figures than the partner
/// (`The US … 3.4% …, while the UK spends about 2.3%` beside 003's
/// `Poland … at around 4%`, against 002's `Poland … more than 4%`) is a fact
/// of its own, not the second half of a 2:1; one whose figures the partner
/// does not give at all still joins (`$28.6 billion` / `relief funding`).
#[test]
fn a_half_with_other_figures_stays_its_own() {
    let (old, new) = (sample("002"), sample("003"));
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    every_sentence_once(&c);
    assert!(on_one_row(&old, &new, &c, "more than 4%", "at around 4%"));
    assert!(
        !on_one_row(&old, &new, &c, "more than 4%", "UK spends about 2.3%"),
        "the US and UK shares beside Poland's"
    );
    let load = |name: &str, text: &str| {
        load_bytes(name, text.as_bytes(), &LoadOptions::default()).expect("loads")
    };
    let old = load(
        "old.txt",
        "Rail fund passes\n\n\
         The assembly passed the rail bill on Monday, which includes money for new signalling and the repair of flooded lines.\n\n\
         Stations will stay open during the work.\n",
    );
    let new = load(
        "new.txt",
        "Stations stay open\n\n\
         The assembly passed the rail bill on Monday with support from both parties. \
         It also includes $2.4 billion for new signalling and $900 million to repair flooded lines.\n\n\
         The stations will stay open while crews work.\n",
    );
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    every_sentence_once(&c);
    assert!(
        c.ops
            .iter()
            .any(|op| op.old.len() == 1 && op.new.len() == 2),
        "the half with the amounts joins: {:#?}",
        c.ops
    );
}

/// Past the deadline the search for claims stops and says so: the
/// comparison is approximate, with a note, and still holds every sentence
/// in exactly one op.
#[test]
fn by_claims_out_of_time_degrades_with_a_note() {
    let (old, new) = (sample("000"), sample("003"));
    let options = AlignOptions {
        deadline: Some(std::time::Duration::ZERO),
        ..AlignOptions::default()
    };
    let c = align_by_claims(&old, &new, &options);
    every_sentence_once(&c);
    assert!(c.approximate);
    assert!(
        c.notes
            .iter()
            .any(|n| n.contains("by claims: deadline reached")),
        "{:?}",
        c.notes
    );
}

/// The deadline is counted in work, not read from the clock: a search cut
/// short stops at the same sentence on every run, on a busy machine as on an
/// idle one, and says where. (With the clock, a 20 ms deadline on the
/// halves of the same-event set stopped before the first sentence in a
/// debug build, and anywhere under load.)
#[test]
fn a_deadline_cuts_the_search_at_the_same_sentence_however_busy_the_machine() {
    let Some(files) = common::same_event_files().filter(|f| f.len() > 100) else {
        eprintln!("skipped: the same-event set is absent");
        return;
    };
    let (old, new) = unrelated_halves(files);
    let options = AlignOptions {
        deadline: Some(std::time::Duration::from_millis(20)),
        clock: false,
        ..AlignOptions::default()
    };
    let run = || {
        let c = align_by_claims(&old, &new, &options);
        let note = c
            .notes
            .iter()
            .find(|n| n.starts_with("by claims: deadline"));
        (note.cloned().unwrap_or_default(), format!("{:?}", c.ops))
    };
    let (note, ops) = run();
    let counts: Vec<usize> = note.split(' ').filter_map(|w| w.parse().ok()).collect();
    assert!(
        counts.len() == 2 && counts[0] > 0 && counts[0] < counts[1],
        "{note:?}"
    );
    // A machine twice as busy: two threads spinning beside the run.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let busy = std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            });
        }
        let busy = run();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        busy
    });
    assert_eq!(busy.0, note);
    assert!(busy.1 == ops, "the ops differ under load");
    assert!(run() == (note, ops), "the ops differ from run to run");
}

/// Unrelated pages (lines of two encyclopedia pages' references, a manual
/// and a news report) pair nothing by the day of a date alone, which is a
/// fact only with its month and year (`21 December 2009` / `21 December
/// 2005`), nor by a small whole figure (`Example 6` / `$5 and $6 a
/// pound`); a date both give is one (`Dec. 3` / `December 3`).
#[test]
fn a_day_of_another_date_or_a_small_figure_pairs_nothing() {
    let load = |name: &str, text: &str| {
        load_bytes(name, text.as_bytes(), &LoadOptions::default()).expect("loads")
    };
    let old = load(
        "old.txt",
        "Notes on a browser\n\n\
         Retrieved 21 December 2009.\n\n\
         Eich, Brendan; David Hyatt (April 2, 2003).\n\n\
         Example 6: Divergent changesets.\n\n\
         The stopgap keeps the government funded through Dec. 3 at current levels.\n",
    );
    let new = load(
        "new.txt",
        "Notes on a country\n\n\
         Archived from the original on 21 December 2005.\n\n\
         Retrieved 2 April 2011.\n\n\
         Fishermen are typically paid between $5 and $6 a pound for halibut.\n\n\
         Congress passed a bill extending government funding through December 3 on Thursday.\n",
    );
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    every_sentence_once(&c);
    for (o, n) in [
        ("Retrieved 21 December 2009", "21 December 2005"),
        ("April 2, 2003", "2 April 2011"),
        ("Example 6", "$6 a pound"),
    ] {
        assert!(!on_one_row(&old, &new, &c, o, n), "“{o}” beside “{n}”");
    }
    assert!(on_one_row(
        &old,
        &new,
        &c,
        "through Dec. 3",
        "through December 3"
    ));
}

/// Amounts that agree approximately (`more than $3 billion`, `$3.2
/// billion`) are one figure.
#[test]
fn amounts_that_agree_approximately_are_one_figure() {
    let load = |name: &str, text: &str| {
        load_bytes(name, text.as_bytes(), &LoadOptions::default()).expect("loads")
    };
    let old = load(
        "old.txt",
        "Pier to be rebuilt\n\n\
         The harbour board approved the plan to rebuild the eastern pier on Tuesday.\n\n\
         Ports nationwide will share more than $3 billion in repair grants over five years.\n\n\
         Work on the pier starts in the spring.\n",
    );
    let pair = |figure: &str| {
        let new = load(
            "new.txt",
            &format!(
                "Eastern pier rebuilt\n\n\
                 Work on the eastern pier starts in the spring, the board said.\n\n\
                 The grants, worth {figure} billion in all, are for harbours across the country.\n"
            ),
        );
        let c = align_by_claims(&old, &new, &AlignOptions::default());
        on_one_row(&old, &new, &c, "$3 billion", "billion in all")
    };
    assert!(pair("$3.2"), "3.2 agrees with more than 3");
}

/// On real coverage: where a statement was made (`the company said in a
/// blog post`) is not what it says, so a quotation of why a site removes
/// content stands apart from the report of what it will remove; and a verb
/// of saying inside a circumstance (`Blinken gave the figure after
/// officials repeatedly said they didn't know …`) names no speaker, so the
/// circumstance is not read as what the sentence asserts.
#[test]
fn where_and_around_what_is_said_is_not_what_is_said_on_real_coverage() {
    let cases = [
        (
            "5660-center.txt",
            "5660-right.txt",
            "Working closely with health authorities",
            "will remove any content",
        ),
        (
            "5755-center.txt",
            "5755-right.txt",
            "engaged in a furious effort",
            "Blinken gave the figure",
        ),
    ];
    rows_on_real_coverage(&cases, false);
}

/// On real coverage: two sentences that share only a name's letters (`Kim
/// Jong Un's regime` / `a breach of UN resolutions`), a half of a 2:1 split
/// that shares with the partner only the people it names (`The dismissal
/// came in a written ruling by U.S. District Judge Analisa Torres` beside
/// the government's request to Judge Torres; `His Brussels stop … before he
/// sits down with Russian President Vladimir Putin` beside the end of the
/// dispute `on the eve of his … meeting with Russian President Vladimir
/// Putin`), and an agency's denial beside the allegation it answers stand
/// on no row; the allegation pairs with the other outlet's report of it.
#[test]
fn names_and_denials_alone_pair_nothing_on_real_coverage() {
    let apart = [
        (
            "5702-left.txt",
            "5702-center.txt",
            "Kim Jong Un's regime",
            "a breach of UN resolutions",
        ),
        (
            "6010-left.txt",
            "6010-center.txt",
            "The government had asked",
            "The dismissal came in a written ruling",
        ),
        (
            "5953-left.txt",
            "5953-center.txt",
            "moved to end a long-running dispute",
            "His Brussels stop",
        ),
        (
            "5904-left.txt",
            "5904-center.txt",
            "made a remarkable allegation",
            "has hit back at allegations",
        ),
        (
            "5904-center.txt",
            "5904-right.txt",
            "has hit back at allegations",
            "we heard from a whistleblower",
        ),
    ];
    rows_on_real_coverage(&apart, false);
    let together = [(
        "5904-center.txt",
        "5904-right.txt",
        "said a government whistle-blower had told him",
        "we heard from a whistleblower",
    )];
    rows_on_real_coverage(&together, true);
}

/// A denial is no claim of what it denies, however many words they share:
/// `… said … that reports that the mayor … had been warned … were false`
/// beside `… reported … that the mayor … had been warned`; two denials of
/// it are one claim.
#[test]
fn a_denial_is_no_claim_of_the_report_it_denies() {
    let articles = common::articles_of(&[
        "Ministry rejects warning story\n\n\
         The Interior Ministry said on Friday that reports that the mayor of Lindholm had been warned about the flood barrier were false.\n\n\
         Officials said the barrier passed its last inspection in March.\n",
        "Mayor was warned about barrier, paper says\n\n\
         The Courier reported on Thursday that the mayor of Lindholm had been warned about the flood barrier weeks before it collapsed.\n\n\
         The barrier gave way on Tuesday, flooding the old harbour district.\n",
        "Ministry: warning reports untrue\n\n\
         Reports that the mayor of Lindholm was warned about the flood barrier are untrue, the Interior Ministry said.\n\n\
         The ministry gave no further details.\n",
    ]);
    let (denial, report, other_denial) = (&articles[0], &articles[1], &articles[2]);
    for (old, new, o, n, together) in [
        (denial, report, "were false", "The Courier reported", false),
        (
            report,
            other_denial,
            "The Courier reported",
            "are untrue",
            false,
        ),
        (denial, other_denial, "were false", "are untrue", true),
    ] {
        let c = align_by_claims(old, new, &AlignOptions::default());
        every_sentence_once(&c);
        assert_eq!(
            on_one_row(old, new, &c, o, n),
            together,
            "“{o}” beside “{n}”"
        );
    }
}

/// On every pair of outlets of every event of the same-event set, and of the
/// five samples, the shared claims `diff --by claims` counts are the
/// `shared_sentences` of the story of the two articles and of the story of
/// all of the event's articles (the five samples together): a pair has one
/// count wherever it is read.
#[test]
fn shared_claims_are_the_story_count_on_real_coverage() {
    let mut stories: Vec<(String, Vec<Article>)> = vec![(
        "samples".into(),
        ["000", "001", "002", "003", "004"].map(sample).to_vec(),
    )];
    match common::same_event_files() {
        Some(files) => stories.extend(event_stories(files)),
        None => eprintln!("the same-event set is absent: the samples only"),
    }
    let (mut pairs, mut off_pair, mut off_story) = (0, Vec::new(), Vec::new());
    for (event, articles) in &stories {
        let whole = story(articles);
        for i in 0..articles.len() {
            for j in i + 1..articles.len() {
                let (old, new) = (&articles[i], &articles[j]);
                let c = align_by_claims(old, new, &AlignOptions::default());
                let shared = c.by_claims.expect("by claims").shared_claims;
                let two = story(&[old.clone(), new.clone()]).pairs[0].shared_sentences;
                pairs += 1;
                if shared != two {
                    off_pair.push(format!("{event} [{i}]/[{j}]: {shared} vs {two}"));
                }
                let in_story = whole.pair(i, j).unwrap().shared_sentences;
                if shared != in_story {
                    off_story.push(format!("{event} [{i}]/[{j}] {shared}/{in_story}"));
                }
            }
        }
    }
    eprintln!(
        "{pairs} pairs; counted otherwise by the story of the two: {}; by the story of the event: {}",
        off_pair.len(),
        off_story.len(),
    );
    assert!(pairs > 0 && off_pair.is_empty(), "{}", off_pair.join("; "));
    assert!(
        off_story.is_empty(),
        "(the pair alone / the story) {}",
        off_story.join(", ")
    );
}

/// Each event of the same-event set, its articles in file-name order.
fn event_stories(files: Vec<(u32, String)>) -> Vec<(String, Vec<Article>)> {
    let mut events: std::collections::BTreeMap<u32, Vec<String>> = Default::default();
    for (event, name) in files {
        events.entry(event).or_default().push(name);
    }
    events
        .into_iter()
        .map(|(event, mut names)| {
            names.sort();
            let articles = names
                .iter()
                .map(|n| {
                    let path = format!("{}/{n}", common::SAME_EVENT);
                    storydiff::article::load_article(&path, &LoadOptions::default()).unwrap()
                })
                .collect();
            (event.to_string(), articles)
        })
        .collect()
}

/// On real coverage: a sentence pairs with the whole report of a fact, not
/// with another outlet's teaser of it cut off in an ellipsis (Cuomo's
/// declaration of an emergency over gun violence); and two main clauses
/// that say the same in nearly the same words pair though every word they
/// share is the story's own (North Korea's two ballistic missiles; a vote
/// of 94-1 with one senator against).
#[test]
fn whole_reports_and_close_assertions_pair_on_real_coverage() {
    let cases = [
        (
            "5889-left.txt",
            "5889-center.txt",
            "declared a new state of emergency",
            "declared a state of emergency over gun violence",
        ),
        (
            "5702-center.txt",
            "5702-right.txt",
            "has fired two ballistic missiles",
            "launched two ballistic missiles",
        ),
        (
            "6110-center.txt",
            "6110-left.txt",
            "Only GOP Sen. Josh Hawley",
            "passed 94-1",
        ),
    ];
    rows_on_real_coverage(&cases, true);
}

/// A sentence beside a pair that has a partner of its own on the other side
/// (one no pair holds, clearly closer to it than the pair's) tells that
/// partner's fact: it is no second half of a 2:1 (`The vaccine donation …
/// was announced before … Biden meets leaders of the Group of Seven` beside
/// the lead pair, while `Biden will outline the plan … on the eve of the
/// Group of Seven nations summit` stood alone). The pairs themselves stay.
#[test]
fn a_half_with_a_partner_of_its_own_joins_no_pair_on_real_coverage() {
    let apart = [
        (
            "5966-center.txt",
            "5966-right.txt",
            "The vaccine donation - the largest ever",
            "formally announced its plan",
        ),
        (
            "5978-center.txt",
            "5978-right.txt",
            "I believe that partisan voting legislation",
            "on Sunday said he would oppose",
        ),
    ];
    rows_on_real_coverage(&apart, false);
    let together = [(
        "5966-center.txt",
        "5966-right.txt",
        "will spend $3.5 billion",
        "formally announced its plan",
    )];
    rows_on_real_coverage(&together, true);
}

/// Of two sentences about as alike as a whole, the one that asserts the same
/// is a sentence's partner, not the one that names the same people while it
/// asserts another fact: Reuters' `Canadian Prime Minister Justin Trudeau …
/// acknowledged he will need to work with other parties` pairs with the
/// Guardian's `… he will once again need to work with other parties`, not
/// with `Justin Trudeau has won a third term as Canada's prime minister`
/// (the two were 0.313 and 0.312 alike as wholes), in the pair's claims and
/// on the story's claim row.
#[test]
fn the_partner_that_asserts_the_same_beats_one_that_names_the_same() {
    if common::same_event_files().is_none() {
        eprintln!("skipped: the same-event set is absent");
        return;
    }
    let load = |name: &str| {
        let path = format!("{}/{name}", common::SAME_EVENT);
        storydiff::article::load_article(&path, &LoadOptions::default()).expect("loads")
    };
    let articles: Vec<Article> = ["5685-center.txt", "5685-left.txt", "5685-right.txt"]
        .iter()
        .map(|n| load(n))
        .collect();
    let said =
        |a: usize, span: storydiff::article::Span| articles[a].text[span.range()].to_string();
    let shared = storydiff::align::shared_claims(&articles[0], &articles[1]);
    let lead = shared
        .iter()
        .find(|c| said(0, c.old).contains("will need to work with other parties"))
        .expect("Reuters' lead is a shared claim");
    assert!(
        said(1, lead.new).contains("once again need to work with other parties"),
        "{}",
        said(1, lead.new)
    );
    let s = story(&articles);
    let row = s
        .claims
        .iter()
        .find(|c| {
            c.occurrences.iter().any(|o| {
                o.article == 0 && said(0, o.span).contains("need to work with other parties")
            })
        })
        .expect("Reuters' lead is a claim");
    for o in &row.occurrences {
        assert!(
            !said(o.article, o.span).contains("has won a third term"),
            "{:?}",
            row.occurrences
        );
    }
}

/// Of two sentences about as alike as a whole, the one whose main clause is
/// more alike, weighed by rarity, is a sentence's partner: not one that
/// shares many everyday words with what the other asserts (the Census
/// Bureau `will release data …` beside the Washington Examiner's `The
/// release of the detailed once-per-decade data was delayed …` and not
/// its `The Census Bureau on Thursday will release the data used to draw
/// voting districts`), nor a caveat about the story's subject (`a rebuke
/// of Biden and other Catholic politicians … is not assured` beside the
/// report of the bishops' vote).
#[test]
fn the_partner_whose_main_clause_is_alike_beats_one_sharing_everyday_words() {
    let together = [
        (
            "5789-center.txt",
            "5789-right.txt",
            "will release data on Thursday",
            "will release the data used to draw voting districts",
        ),
        (
            "5939-center.txt",
            "5939-left.txt",
            "overwhelmingly approved the drafting",
            "proceeded with a plan that could deny communion",
        ),
    ];
    rows_on_real_coverage(&together, true);
    let apart = [
        (
            "5789-center.txt",
            "5789-right.txt",
            "will release data on Thursday",
            "once-per-decade data was delayed",
        ),
        (
            "5939-center.txt",
            "5939-left.txt",
            "overwhelmingly approved the drafting",
            "The vote is part of a longer process",
        ),
    ];
    rows_on_real_coverage(&apart, false);
}

/// Aligns each pair of same-event files `(old, new, fragment of old,
/// fragment of new)` by claims and checks that the two fragments stand on
/// one row (`together`) or not, and that every sentence stands in one op;
/// skips with a note when the set is absent.
fn rows_on_real_coverage(cases: &[(&str, &str, &str, &str)], together: bool) {
    if common::same_event_files().is_none() {
        eprintln!("skipped: the same-event set is absent");
        return;
    }
    let load = |name: &str| {
        let path = format!("{}/{name}", common::SAME_EVENT);
        storydiff::article::load_article(&path, &LoadOptions::default()).expect("loads")
    };
    for &(o, n, old_has, new_has) in cases {
        let (old, new) = (load(o), load(n));
        let c = align_by_claims(&old, &new, &AlignOptions::default());
        every_sentence_once(&c);
        assert_eq!(
            on_one_row(&old, &new, &c, old_has, new_has),
            together,
            "{o}/{n}: “{old_has}” beside “{new_has}”"
        );
    }
}

/// The same-event set split in two collections of unrelated news: the
/// write-ups of its first half of events (in event order) on the old side,
/// of the second half on the new, each a dump of write-ups separated by
/// blank lines.
fn unrelated_halves(files: Vec<(u32, String)>) -> (Article, Article) {
    let mut files = files;
    files.sort();
    let mut events: Vec<u32> = files.iter().map(|f| f.0).collect();
    events.dedup();
    let split = events[events.len() / 2];
    let side = |first: bool| {
        let texts: Vec<String> = files
            .iter()
            .filter(|(event, _)| (*event < split) == first)
            .map(|(_, name)| {
                let path = format!("{}/{name}", common::SAME_EVENT);
                std::fs::read_to_string(path).unwrap().trim().to_string()
            })
            .collect();
        let name = if first { "old.txt" } else { "new.txt" };
        load_bytes(name, texts.join("\n\n").as_bytes(), &LoadOptions::default()).unwrap()
    };
    (side(true), side(false))
}

/// Two long collections of unrelated news share few facts: rows beside
/// copies word for word pair different events through everyday words (`law`,
/// `vote`, `court`), which a pool of thousands of sentences holds in dozens
/// of stories each. The halves of the same-event set (about 150 KB each):
/// 92 such rows when an everyday English word was distinctive as any other
/// word (`is_distinctive`), 60 now.
#[test]
fn unrelated_collections_share_few_rows() {
    let Some(files) = common::same_event_files().filter(|f| f.len() > 100) else {
        eprintln!("skipped: the same-event set is absent");
        return;
    };
    let (old, new) = unrelated_halves(files);
    // No deadline: a slow machine must not search less.
    let options = AlignOptions {
        deadline: None,
        ..AlignOptions::default()
    };
    let c = align_by_claims(&old, &new, &options);
    every_sentence_once(&c);
    let rows: Vec<String> = c
        .ops
        .iter()
        .filter(|op| !op.old.is_empty() && !op.new.is_empty() && op.similarity < 1.0)
        .map(|op| {
            let o = text(&old, &c, Side::Old, op.old.clone());
            let n = text(&new, &c, Side::New, op.new.clone());
            format!("“{o}” / “{n}”")
        })
        .collect();
    eprintln!("unrelated halves: {} rows not word for word", rows.len());
    assert!(rows.len() <= 70, "{}", rows.join("\n"));
}

/// Two write-ups of different stories (no topic or headline word in
/// common) share no claim through everyday English alone: a festival that
/// is `an annual event` in one and another festival that is one in the
/// other. Before, the two sentences stood on one row.
#[test]
fn different_stories_share_no_claim_through_everyday_words() {
    let articles = common::articles_of(&[
        "Mozilla gathering opens in London\n\n\
         The Mozilla Festival is an annual event where hundreds of people explore the web and learn together.\n\n\
         Organisers said the programme would run for three days at the Ravensbourne campus in Greenwich.\n\n\
         Tickets sold out within a week, and volunteers from forty countries will staff the sessions.\n",
        "A guide to Auckland\n\n\
         Pasifika, the world's largest Polynesian festival, is now an annual event in Auckland.\n\n\
         The city's museums hold large collections of Maori carvings and canoes.\n\n\
         Most visitors arrive at the international airport south of the centre.\n",
    ]);
    let c = align_by_claims(&articles[0], &articles[1], &AlignOptions::default());
    every_sentence_once(&c);
    assert_eq!(c.by_claims.expect("by claims").shared_claims, 0);
    assert!(!on_one_row(
        &articles[0],
        &articles[1],
        &c,
        "annual event where",
        "annual event in Auckland"
    ));
}

/// By claims a pair's relation, similarity and truncation are the
/// alignment in order's, also where that alignment is skipped because the
/// words show the pair cannot be a copy (`align::apart`): every two samples.
#[test]
fn the_verdict_is_the_alignment_in_orders() {
    let samples: Vec<Article> = ["000", "001", "002", "003", "004"]
        .into_iter()
        .map(sample)
        .collect();
    for old in &samples {
        for new in &samples {
            let by_claims = align_by_claims(old, new, &AlignOptions::default());
            let in_order = storydiff::align::align(old, new, &AlignOptions::default());
            let verdict = |c: &Comparison| (c.relation, c.similarity, c.truncated);
            assert_eq!(
                verdict(&by_claims),
                verdict(&in_order),
                "{} / {}",
                old.path,
                new.path
            );
        }
    }
}

/// A copy in another house style (case, curly quotes, a hyphen or a dash
/// spaced otherwise, soft hyphens and zero-width spaces inside words,
/// spaces doubled) is still a reprint by claims: the bounds that skip the
/// alignment in order read such words as the alignment does.
#[test]
fn a_copy_in_another_house_style_is_a_reprint_by_claims() {
    let old = sample("000");
    let restyled: Vec<String> = old
        .text
        .split('\n')
        .enumerate()
        .map(|(i, line)| match i % 6 {
            0 => line.to_uppercase(),
            1 => line.replace('"', "\u{201c}").replace('\'', "\u{2019}"),
            2 => line.replace('-', "- ").replace(" - ", " --"),
            3 => line
                .split(' ')
                .map(|w| {
                    let cut = w.char_indices().nth(3).map_or(w.len(), |(k, _)| k);
                    format!("{}\u{ad}{}", &w[..cut], &w[cut..])
                })
                .collect::<Vec<_>>()
                .join(" "),
            4 => line.replace(' ', "\u{200b} "),
            _ => line.replace(' ', "  "),
        })
        .collect();
    let new = load_bytes(
        "restyled.txt",
        restyled.join("\n").as_bytes(),
        &LoadOptions::default(),
    )
    .unwrap();
    for (a, b) in [(&old, &new), (&new, &old)] {
        let by_claims = align_by_claims(a, b, &AlignOptions::default());
        let in_order = storydiff::align::align(a, b, &AlignOptions::default());
        assert_eq!(by_claims.relation, in_order.relation);
        assert_eq!(by_claims.similarity, in_order.similarity);
        assert_eq!(
            by_claims.relation,
            storydiff::align::Relation::Reprint,
            "{}",
            by_claims.similarity
        );
    }
}

/// The two headlines stand side by side by claims as they do in order: how
/// each outlet frames the story is the first thing a reader compares. They
/// were a `-` row and a `+` row apart. A headline is no claim: the shared
/// count (the story's) does not count it.
#[test]
fn the_headlines_stand_on_one_row_and_count_as_no_claim() {
    let load = |name: &str, text: &str| {
        load_bytes(name, text.as_bytes(), &LoadOptions::default()).unwrap()
    };
    let old = load(
        "old.txt",
        "Flooding Shuts Varnholt Tunnel After Heavy Rain\n\nFlooding closed the Varnholt tunnel on \
         Tuesday after heavy rain, the roads agency said. Repairs to the tunnel will take about a \
         week, engineers said.\n",
    );
    let new = load(
        "new.txt",
        "Storm Closes Key Tunnel as Rain Batters Coast\n\nEngineers said repairs to the tunnel \
         will take about a week. A reporter saw water across the road.\n",
    );
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    every_sentence_once(&c);
    let title = c
        .ops
        .iter()
        .find(|op| op.old == (0..1) && op.new == (0..1))
        .expect("the headlines on one row");
    assert_eq!(title.kind, OpKind::Changed);
    // "tunnel" and "rain" of 7 and 8 words.
    assert!(
        (title.similarity - 4.0 / 15.0).abs() < 0.01,
        "{}",
        title.similarity
    );
    assert!(on_one_row(
        &old,
        &new,
        &c,
        "Repairs to the tunnel",
        "Engineers said repairs"
    ));
    assert_eq!(c.by_claims.as_ref().unwrap().shared_claims, 1);
    // Without headlines, nothing is paired in their place.
    let strip = |a: &str| a.split_once("\n\n").unwrap().1.to_string();
    let bare = load("bare.txt", &strip(&old.text));
    let c = align_by_claims(&bare, &new, &AlignOptions::default());
    assert!(
        c.ops.iter().all(|op| op.new != (0..1) || op.old.is_empty()),
        "{:?}",
        c.ops
    );
}

/// Regression (a tester): by claims, a sentence one copy breaks over a
/// paragraph break was a `changed` pair with no word changed and no class
/// (the alignment in order calls it equal); such a pair is `equal`.
#[test]
fn a_sentence_broken_over_a_paragraph_break_is_equal_by_claims() {
    let load = |name: &str, text: &str| {
        load_bytes(name, text.as_bytes(), &LoadOptions::default()).unwrap()
    };
    let old = load(
        "old.txt",
        "The tunnel under the Varnholt pass was closed on Tuesday after heavy rain.\n\n\
         \"About a week, sir,\" replied the engineer, trying not to laugh at the question.\n\n\
         The roads agency said the repairs would cost more than last year.\n",
    );
    let new = load(
        "new.txt",
        "The tunnel under the Varnholt pass was closed on Tuesday after heavy rain.\n\n\
         \"About a week, sir,\" replied the engineer,\n\n\
         trying not to laugh at the question.\n\n\
         The roads agency said the repairs would cost more than last year.\n",
    );
    let c = align_by_claims(&old, &new, &AlignOptions::default());
    every_sentence_once(&c);
    for op in &c.ops {
        assert!(
            op.kind != OpKind::Changed || !op.words.is_empty(),
            "a change with no words: {op:?}"
        );
    }
    assert!(
        c.ops.iter().all(|op| op.kind == OpKind::Equal),
        "{:?}",
        c.ops
    );
}
