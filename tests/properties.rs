//! Properties that must hold for any pair of inputs: every sentence in exactly
//! one op, identity is all equal, reflow changes no content, the reverse diff
//! mirrors the forward one, spans lie on character boundaries.

use proptest::prelude::*;
use storydiff::align::{align, word_diff, AlignOptions, Comparison, OpKind, Relation, WordKind};
use storydiff::article::{load_bytes, Article, LoadOptions};
use storydiff::synth::{hard_wrap, hard_wrap_hyphens};

const PIECES: &[&str] = &[
    "The minister said",
    "talks would resume",
    "on Thursday",
    "in Brussels",
    "“We will not back down,”",
    "according to officials",
    "Mr. Smith",
    "the U.S. envoy",
    "spending rose 2.33%",
    "3.4 times",
    "Zelenskyy",
    "Zelensky",
    "NATO",
    "Nato",
    "مرحبا بالعالم",
    "日本語のテキスト",
    "emoji 🎉🚀",
    "e\u{301}te\u{301}",
    "zero\u{200B}width",
    "tab\there",
    "\x1b[31mred\x1b[0m",
    "soft\u{AD}hyphen",
    "— a dash —",
    "said:",
    "(in brackets)",
    "Gen. Jones",
    "J. K. Rowling",
    "…and then",
    "Texas-Mexico border",
    "a\u{A0}non-breaking space",
    "thin\u{2009}space-wrapped",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(PIECES), 1..7),
        prop::sample::select(&[".", "?", "!", ".”", ""][..]),
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            if let Some(f) = s.get(..1) {
                s = f.to_uppercase() + &s[1..];
            }
            s + end
        })
}

/// A sentence that ends as prose does (reflowing paragraphs that end mid-
/// sentence legitimately changes where sentences end).
fn prose_sentence() -> impl Strategy<Value = String> {
    sentence().prop_map(|s| {
        if s.ends_with(['.', '?', '!', '”']) {
            s
        } else {
            s + "."
        }
    })
}

fn article() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..4), 1..8)
}

fn render(paras: &[Vec<String>]) -> String {
    paras
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

fn load(name: &str, s: &str) -> Option<Article> {
    load_bytes(name, s.as_bytes(), &LoadOptions::default()).ok()
}

fn assert_invariants(a: &Article, b: &Article, c: &Comparison) {
    let mut old = vec![0u8; c.old_units.len()];
    let mut new = vec![0u8; c.new_units.len()];
    for op in &c.ops {
        op.old.clone().for_each(|i| old[i] += 1);
        op.new.clone().for_each(|i| new[i] += 1);
    }
    assert!(old.iter().all(|&k| k == 1));
    assert!(new.iter().all(|&k| k == 1));
    // The units are the article's sentences, some cut in two where the
    // other side opens a paragraph: each sentence starts and ends a unit.
    for (art, units) in [(a, &c.old_units), (b, &c.new_units)] {
        assert!(units.len() >= art.blocks.iter().map(|b| b.sentences.len()).sum::<usize>());
        for (i, block) in art.blocks.iter().enumerate() {
            let of_block: Vec<_> = units.iter().filter(|u| u.block == i).collect();
            for s in &block.sentences {
                assert!(of_block.iter().any(|u| u.span.start == s.start));
                assert!(of_block.iter().any(|u| u.span.end == s.end));
            }
        }
    }
    for (art, units) in [(a, &c.old_units), (b, &c.new_units)] {
        for u in units {
            assert!(u.span.end <= art.text.len());
            assert!(
                art.text.is_char_boundary(u.span.start) && art.text.is_char_boundary(u.span.end)
            );
        }
    }
}

/// A sentence whose pieces are glued or spaced at random, so that two of them
/// disagree on where the spaces are.
fn glued_sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(PIECES),
            prop::sample::select(&[" ", "", "  ", "\n", " “", "” ", ", "][..]),
        ),
        1..8,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, sep)| format!("{p}{sep}"))
            .collect()
    })
}

/// `rebuilt` is `source` with whitespace runs read as one space, at most
/// with spaces added: no character lost, no two words glued.
fn only_spaces_added(rebuilt: &str, source: &str) -> bool {
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (r, s) = (squash(rebuilt), squash(source));
    let mut want = s.chars().peekable();
    for c in r.chars() {
        match want.peek() {
            Some(&w) if w == c => {
                want.next();
            }
            _ if c == ' ' => {}
            _ => return false,
        }
    }
    want.next().is_none()
}

proptest! {
    // 96 cases by default keeps `cargo test` quick; PROPTEST_CASES asks for more.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_sentence_in_exactly_one_op(a in article(), b in article()) {
        let (x, y) = (render(&a), render(&b));
        if let (Some(a), Some(b)) = (load("a.txt", &x), load("b.txt", &y)) {
            let c = align(&a, &b, &AlignOptions::default());
            assert_invariants(&a, &b, &c);
        }
    }

    /// The word pieces of each side read back as that side, whatever the
    /// two sides do with their spaces (`Hours later, Trump` against `Trump`).
    #[test]
    fn word_pieces_rebuild_each_side(old in glued_sentence(), new in glued_sentence()) {
        let ops = word_diff(&old, &new);
        let side = |hide: WordKind| ops.iter().filter(|w| w.kind != hide).map(|w| w.text.as_str()).collect::<String>();
        let (o, n) = (side(WordKind::Inserted), side(WordKind::Deleted));
        prop_assert!(only_spaces_added(&o, &old), "old {old:?} read back as {o:?}");
        prop_assert!(only_spaces_added(&n, &new), "new {new:?} read back as {n:?}");
    }

    #[test]
    fn identity_is_all_equal(a in article()) {
        let x = render(&a);
        if let Some(a) = load("a.txt", &x) {
            let c = align(&a, &a, &AlignOptions::default());
            prop_assert!(c.ops.iter().all(|op| op.kind == OpKind::Equal));
            prop_assert_eq!(c.stats.words_deleted + c.stats.words_inserted, 0);
        }
    }

    /// Reflow needs enough lines for the wrap width to be read off the text;
    /// a two-line file is ambiguous by nature.
    #[test]
    fn reflow_changes_no_content(a in prop::collection::vec(prop::collection::vec(prose_sentence(), 2..5), 4..9), hyphens in any::<bool>()) {
        let x = render(&a);
        let wrap = if hyphens { hard_wrap_hyphens } else { hard_wrap };
        let wrapped: Vec<String> = a.chunks(2).map(|c| wrap(&c.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join(" "), 72)).collect();
        let y = wrapped.join("\n\n") + "\n";
        if let (Some(a), Some(b)) = (load("a.txt", &x), load("b.txt", &y)) {
            let c = align(&a, &b, &AlignOptions::default());
            assert_invariants(&a, &b, &c);
            prop_assert_eq!(c.stats.words_deleted + c.stats.words_inserted, 0, "reflow changed words");
            prop_assert!(c.ops.iter().all(|op| op.words.iter().all(|w| w.kind == storydiff::align::WordKind::Equal)));
            if c.relation != Relation::Identical {
                // Roles may differ after reflow (a short line joined into a
                // paragraph), but the words never do.
                prop_assert!(c.ops.iter().all(|op| matches!(op.kind, OpKind::Equal | OpKind::Changed)));
            }
        }
    }

    #[test]
    fn reverse_diff_mirrors(a in article(), edits in prop::collection::vec((0usize..100, 0usize..3), 0..4)) {
        let mut b = a.clone();
        for (at, what) in edits {
            let flat: usize = b.iter().map(Vec::len).sum();
            if flat == 0 { break; }
            let (mut p, mut k) = (0, at % flat);
            while k >= b[p].len() { k -= b[p].len(); p += 1; }
            match what {
                0 => { b[p].remove(k); }
                1 => { let s = b[p][k].clone(); b[p][k] = format!("Reportedly {s}"); }
                _ => { b[p].insert(k, "An entirely new sentence was added here.".to_string()); }
            }
        }
        b.retain(|p| !p.is_empty());
        let (x, y) = (render(&a), render(&b));
        if let (Some(a), Some(b)) = (load("a.txt", &x), load("b.txt", &y)) {
            let ab = align(&a, &b, &AlignOptions::default());
            let ba = align(&b, &a, &AlignOptions::default());
            prop_assert_eq!(ab.stats.words_deleted, ba.stats.words_inserted);
            prop_assert_eq!(ab.stats.words_inserted, ba.stats.words_deleted);
            prop_assert_eq!(ab.stats.deleted, ba.stats.inserted);
            prop_assert_eq!(ab.stats.inserted, ba.stats.deleted);
            prop_assert_eq!(ab.stats.equal, ba.stats.equal);
            prop_assert_eq!(ab.stats.changed, ba.stats.changed);
            prop_assert_eq!(ab.stats.moved, ba.stats.moved);
            prop_assert_eq!(ab.relation, ba.relation);
        }
    }
}

/// Recurring sentences can be matched either way; the diff must not depend
/// on which side is old (found by `reverse_diff_mirrors`: one order gave a
/// changed pair, the other a deletion and an insertion three sentences apart).
#[test]
fn repeated_sentences_mirror() {
    let said = "The minister said.".to_string();
    let a = vec![
        vec![said.clone(), said.clone(), said.clone()],
        vec![said.clone()],
        vec!["مرحبا بالعالم.".to_string()],
        vec!["NATO!".to_string(), "NATO!".to_string()],
    ];
    let mut b = a.clone();
    b[0][0] = format!("Reportedly {said}");
    let (a, b) = (
        load("a.txt", &render(&a)).unwrap(),
        load("b.txt", &render(&b)).unwrap(),
    );
    for (old, new) in [(&a, &b), (&b, &a)] {
        let c = align(old, new, &AlignOptions::default());
        assert_eq!(
            (c.stats.changed, c.stats.deleted, c.stats.inserted),
            (1, 0, 0),
            "one changed pair in both directions"
        );
        assert_eq!(c.stats.words_deleted + c.stats.words_inserted, 1);
    }
}
