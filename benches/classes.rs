//! What the edit-class stage costs (DESIGN: at most 10 % on top of the
//! diff): `align` with and without classes on the generated 1 MB and 5 MB
//! pairs, alternating in one run so that both see the same machine load,
//! and the medians and their ratio printed. Run with
//! `cargo bench --bench classes`.

use std::time::{Duration, Instant};

use storydiff::align::{align, AlignOptions};
use storydiff::article::{load_bytes, Article, LoadOptions};
use storydiff::synth::{generate_pair, PairSpec};

const ROUNDS: usize = 31;

fn main() {
    // `cargo bench` passes `--bench`; a filter argument picks sizes.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    for (label, bytes) in [("1MB", 1_000_000), ("5MB", 5_000_000)] {
        if filter.as_deref().is_some_and(|f| !label.contains(f)) {
            continue;
        }
        let (old, new) = load_pair(bytes);
        let (with, without) = alternate(&old, &new);
        let (w, wo) = (median(with), median(without));
        println!(
            "classes/{label}: align {:.1} ms, without classes {:.1} ms, classes +{:.1} % (medians of {ROUNDS})",
            ms(w),
            ms(wo),
            (ms(w) / ms(wo) - 1.0) * 100.0
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

/// Times of `align` with and without classes, taken in turns (which goes
/// first alternates too), after one warm-up of each.
fn alternate(old: &Article, new: &Article) -> (Vec<Duration>, Vec<Duration>) {
    let with = AlignOptions::default();
    let without = AlignOptions {
        classify: false,
        ..AlignOptions::default()
    };
    let time = |o: &AlignOptions| {
        let t = Instant::now();
        let c = align(old, new, o);
        let d = t.elapsed();
        std::hint::black_box(c);
        d
    };
    time(&with);
    time(&without);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        if round % 2 == 0 {
            a.push(time(&with));
            b.push(time(&without));
        } else {
            b.push(time(&without));
            a.push(time(&with));
        }
    }
    (a, b)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
