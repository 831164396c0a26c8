//! What the edit-class stage costs (DESIGN: at most 10 % on top of the
//! diff), on the generated 1 MB and 5 MB pairs, two ways in one run:
//! `align` with and without classes, alternating so that both see the same
//! machine load; and the stage alone (`classify_comparison` on a copy of an
//! unclassified comparison) against `align` without it, again in turns.
//! Medians and ratios are printed. Run with `cargo bench --bench classes`
//! (a size such as `5MB` as an argument picks one).

use std::time::{Duration, Instant};

use storydiff::align::classes::{classify_comparison, reads_as_english};
use storydiff::align::{align, AlignOptions, Comparison};
use storydiff::article::{load_bytes, Article, LoadOptions};
use storydiff::synth::{generate_pair, PairSpec};

const ROUNDS: usize = 41;

fn main() {
    // `cargo bench` passes `--bench`; a filter argument picks sizes.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    for (label, bytes) in [("1MB", 1_000_000), ("5MB", 5_000_000)] {
        if filter.as_deref().is_some_and(|f| !label.contains(f)) {
            continue;
        }
        let (old, new) = load_pair(bytes);
        let t = measure(&old, &new);
        let (with, without, stage) = (median(t.with), median(t.without), median(t.stage));
        println!(
            "classes/{label}: align {:.1} ms, without classes {:.1} ms (+{:.1} %); \
             the stage alone {:.2} ms = {:.1} % of align without it (medians of {ROUNDS})",
            ms(with),
            ms(without),
            (ms(with) / ms(without) - 1.0) * 100.0,
            ms(stage),
            ms(stage) / ms(without) * 100.0
        );
    }
}

fn load_pair(bytes: usize) -> (Article, Article) {
    let pair = generate_pair(&PairSpec::new(bytes, 1), None);
    let opts = LoadOptions::default();
    let old = load_bytes("old.txt", pair.original.as_bytes(), &opts).expect("loads");
    let new = load_bytes("new.txt", pair.copy.as_bytes(), &opts).expect("loads");
    (old, new)
}

#[derive(Default)]
struct Times {
    with: Vec<Duration>,
    without: Vec<Duration>,
    stage: Vec<Duration>,
}

/// Each round times `align` with classes, `align` without, and the stage
/// alone on a copy of the unclassified comparison (the order turns each
/// round), after one warm-up of each.
fn measure(old: &Article, new: &Article) -> Times {
    let with = AlignOptions::default();
    let without = AlignOptions {
        classify: false,
        ..AlignOptions::default()
    };
    let time_align = |o: &AlignOptions| {
        let t = Instant::now();
        let c = align(old, new, o);
        (t.elapsed(), c)
    };
    let mut end = old.text.len().min(2048);
    while !old.text.is_char_boundary(end) {
        end -= 1;
    }
    let english = reads_as_english(&old.text[..end]);
    let time_stage = |c: &Comparison| {
        let mut c = c.clone();
        let t = Instant::now();
        classify_comparison(&mut c, || english);
        let d = t.elapsed();
        std::hint::black_box(c);
        d
    };
    let (_, bare) = time_align(&without);
    time_align(&with);
    time_stage(&bare);
    let mut times = Times::default();
    for round in 0..ROUNDS {
        let mut steps: [u8; 3] = [0, 1, 2];
        steps.rotate_left(round % 3);
        for step in steps {
            match step {
                0 => times.with.push(time_align(&with).0),
                1 => times.without.push(time_align(&without).0),
                _ => times.stage.push(time_stage(&bare)),
            }
        }
    }
    times
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
