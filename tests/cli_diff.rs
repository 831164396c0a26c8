//! `storydiff diff` through the real binary: exit codes, the JSON contract,
//! Markdown, colour and NO_COLOR, closed pipes.

mod common;
use common::sample_path as sample;

use std::process::{Command, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storydiff"))
}

fn json(old: &str, new: &str) -> (Value, Option<i32>) {
    let out = bin()
        .args(["diff", old, new, "--format", "json"])
        .output()
        .unwrap();
    (
        serde_json::from_slice(&out.stdout).unwrap(),
        out.status.code(),
    )
}

#[test]
fn json_contract_for_the_reprint() {
    let (v, code) = json(&sample("000"), &sample("001"));
    assert_eq!(code, Some(1));
    assert_eq!(v["schema"], "storydiff.diff/1");
    assert_eq!(v["relation"], "reprint");
    // 001 is cut short: the similarity counts both bodies.
    let similarity = v["similarity"].as_f64().unwrap();
    assert!((0.7..0.85).contains(&similarity), "{similarity}");
    assert_eq!(v["approximate"], false);
    assert_eq!(v["truncated"]["side"], "new");
    assert!(v["truncated"]["after_block"]
        .as_str()
        .unwrap()
        .starts_with('o'));
    for key in [
        "equal",
        "changed",
        "deleted",
        "inserted",
        "moved",
        "reparagraphed",
        "words_deleted",
        "words_inserted",
    ] {
        assert!(v["stats"][key].is_u64(), "stats.{key}");
    }
    for side in ["old", "new"] {
        let a = &v[side];
        for key in [
            "path", "format", "encoding", "title", "byline", "date", "outlet", "words", "notes",
            "text", "blocks",
        ] {
            assert!(a.get(key).is_some(), "{side}.{key}");
        }
    }
    assert_eq!(
        v["old"]["text"],
        std::fs::read_to_string(sample("000")).unwrap(),
        "old text is the file's bytes"
    );
    assert_eq!(v["new"]["date"], "2025-02-13T19:13");
    // Every sentence id of both sides appears in exactly one op; ids look like o3.1 / n4.2.
    let mut ids = std::collections::HashMap::new();
    for (side, letter) in [("old", 'o'), ("new", 'n')] {
        for b in v[side]["blocks"].as_array().unwrap() {
            assert!(b["id"].as_str().unwrap().starts_with(letter));
            for s in b["sentences"].as_array().unwrap() {
                ids.insert(s["id"].as_str().unwrap().to_string(), 0);
            }
        }
    }
    for op in v["ops"].as_array().unwrap() {
        for side in ["old", "new"] {
            for id in op[side].as_array().unwrap() {
                *ids.get_mut(id.as_str().unwrap()).expect("known id") += 1;
            }
        }
        if op["op"] == "changed" {
            assert!(op["words"].as_array().is_some_and(|w| !w.is_empty()));
            assert!(op["similarity"].is_f64());
        }
    }
    assert!(ids.values().all(|&n| n == 1));
}

#[test]
fn identical_exits_zero_and_reflow_is_identical() {
    let a = sample("003");
    let (v, code) = json(&a, &a);
    assert_eq!((v["relation"].as_str(), code), (Some("identical"), Some(0)));
    let dir = std::env::temp_dir().join(format!("storydiff-cli-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(sample("000")).unwrap();
    let wrapped: Vec<String> = text
        .lines()
        .map(|l| storydiff::synth::hard_wrap(l, 72))
        .collect();
    let b = dir.join("reflowed.txt");
    std::fs::write(&b, wrapped.join("\n\n")).unwrap();
    let (v, code) = json(&sample("000"), b.to_str().unwrap());
    assert_eq!((v["relation"].as_str(), code), (Some("identical"), Some(0)));
}

/// Regression: a headline that flips a negation left the pair `identical`
/// with nothing said above the changes (and the change read `cosmetic`).
#[test]
fn a_headline_whose_facts_differ_is_said_so() {
    let dir = std::env::temp_dir().join(format!("storydiff-headline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = "The president said on Tuesday that he would not accept the measure as it was written, and aides said the White House was preparing for a shutdown if the House did not act.";
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::fs::write(&a, format!("Biden Will Not Sign Stopgap Bill\n\n{body}\n")).unwrap();
    std::fs::write(&b, format!("Biden Will Sign Stopgap Bill\n\n{body}\n")).unwrap();
    let out = bin().arg("diff").arg(&a).arg(&b).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("relation identical"), "{text}");
    assert!(
        text.contains("headline the headline's facts differ (negation)"),
        "{text}"
    );
    assert!(
        text.contains("[title] (negation) Biden Will [-Not-] Sign"),
        "{text}"
    );
    // A copy with the same headline says nothing of it.
    let out = bin().arg("diff").arg(&a).arg(&a).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("headline the"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_report_colour_and_no_color() {
    let out = bin()
        .args(["diff", &sample("000"), &sample("001"), "--color", "always"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("\x1b[31m"), "colour when asked");
    assert!(s.contains("relation") && s.contains("reprint"));
    let out = bin()
        .args(["diff", &sample("000"), &sample("001")])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains('\x1b'));
    assert!(s.contains("{+.+}"), "wdiff-style marks without colour");
    assert!(s.contains("truncated"));
    // NO_COLOR wins over --color always: no colour and no bold.
    let out = bin()
        .args(["diff", &sample("000"), &sample("001"), "--color", "always"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains('\x1b'), "{}", &s[..200.min(s.len())]);
}

#[test]
fn man_page_holds_everything_on_one_page() {
    let out = bin().arg("man").output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        !s.contains("storydiff-diff(1)"),
        "no pages that do not exist"
    );
    for section in [
        ".SH COMMANDS",
        ".SH KEYS",
        ".SH MARKERS",
        ".SH RELATIONS",
        ".SH CONFIG",
        ".SH EXIT STATUS",
    ] {
        assert!(s.contains(section), "{section}");
    }
    assert!(
        s.contains("\\-\\-by") && s.contains("claims"),
        "diff's options are listed"
    );
    assert!(
        s.contains("next change") && s.contains("column view"),
        "keys from the keymaps"
    );
    // The column view's marks mean other things than the compare view's.
    let marks = &s[s.find(".SH MARKERS").unwrap()..s.find(".SH RELATIONS").unwrap()];
    let columns = marks
        .find(".SS Column view")
        .expect("the column view's marks");
    assert!(marks[..columns].contains("equal on both sides"), "{marks}");
    // The compare view's marks as its help lists them, the status line's
    // counts (`c1`) among them.
    for (mark, means) in storydiff::tui::app::MARKERS {
        assert!(
            marks[..columns].contains(&format!("\\fB{mark}\\fR\n{means}")),
            "{mark}: {marks}"
        );
    }
    for (mark, means) in storydiff::tui::columns::MARKERS {
        assert!(
            marks[columns..].contains(&format!("\\fB{mark}\\fR\n{means}")),
            "{mark}: {marks}"
        );
    }
}

#[test]
fn diff_by_claims_in_every_format() {
    let (o, n) = (sample("002"), sample("003"));
    let out = bin()
        .args(["diff", &o, &n, "--by", "claims", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["by"], "claims");
    assert!(
        v["shared_claims"].as_u64().unwrap() >= 3,
        "{}",
        v["shared_claims"]
    );
    let text = |format: &str| {
        let out = bin()
            .args([
                "diff", &o, &n, "--by", "claims", "--format", format, "--color", "never",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(text("text").contains("claims:") && text("text").contains("↕ ¶"));
    assert!(text("markdown").contains("**By claims:**"));
    // Every format says where an out-of-order partner stands and how alike
    // the two are: the same `¶27 · 0.39` in text, Markdown and HTML.
    let place = |s: &str, before: &str| -> Vec<String> {
        s.match_indices(before)
            .map(|(i, _)| {
                let rest = &s[i + before.len()..];
                rest[..rest.find([')', '<']).unwrap()].to_string()
            })
            .collect()
    };
    let in_text = place(&text("text"), "(↕ ");
    assert!(
        !in_text.is_empty()
            && in_text
                .iter()
                .all(|p| p.starts_with('¶') && p.contains(" · 0.")),
        "{in_text:?}"
    );
    let md = text("markdown");
    assert!(md.contains("**↕ paired**"), "{md}");
    assert_eq!(place(&md, "` ("), in_text, "Markdown as text");
    assert_eq!(place(&text("html"), "\"note\">↕ "), in_text, "HTML as text");
    assert!(text("html").contains("by claims:") && text("html").contains("↕ ¶"));
    // Without --by the order alignment, as before.
    let (v, _) = json(&o, &n);
    assert_eq!(v["by"], "order");
}

#[test]
fn markdown_report() {
    let out = bin()
        .args([
            "diff",
            &sample("002"),
            &sample("004"),
            "--format",
            "markdown",
        ])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("# storydiff:"));
    assert!(s.contains("**Relation:** related"));
    assert!(s.contains("- **changed**"));
    assert!(s.contains("~~") && s.contains("**United States**"), "{s}");
}

#[test]
fn errors_and_closed_pipes() {
    let out = bin()
        .args(["diff", &sample("000"), "/nonexistent/file.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1);
    assert!(err.contains("/nonexistent/file.txt"));
    // A reader that stops early (like `head`) is not an error.
    let mut child = bin()
        .args(["diff", &sample("000"), &sample("003"), "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(out.status.code(), Some(2));
}

#[test]
fn a_jsonl_file_of_many_records_is_a_story_and_each_record_has_a_name() {
    let feed = format!(
        "{}/tests/fixtures/json/feed.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = bin()
        .args(["story", &feed, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("feed.jsonl#1") && text.contains("feed.jsonl#2"),
        "{text}"
    );
    // `inspect` reads every record; `diff` takes records by name.
    let out = bin().args(["inspect", &feed]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Second record") && text.contains("The last lighthouse keeper"));
    let out = bin()
        .args(["diff", &format!("{feed}#1"), &format!("{feed}#2")])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A side that is a listing page, not an article, is said so beside the
/// comparison (not only by `inspect`): a homepage never reads as an article
/// with no warning.
#[test]
fn a_listing_page_side_is_noted_in_the_report() {
    let dir = std::env::temp_dir().join(format!("storydiff-listing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let teasers: String = (0..30)
        .map(|i| format!("<div class=\"card\"><h3><a href=\"/s{i}\">Headline number {i} of the day</a></h3><span>2 hours ago</span></div>"))
        .collect();
    let front = dir.join("front.html");
    std::fs::write(
        &front,
        format!("<html><head><title>Front page</title></head><body><main>{teasers}</main></body></html>"),
    )
    .unwrap();
    let out = bin()
        .args(["diff", front.to_str().unwrap(), &sample("000")])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("note old: no article found: looks like a listing page")),
        "{text}"
    );
    let out = bin()
        .args(["diff", &sample("001"), &sample("000")])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains("no article found"));
}

/// Regression: what the loader guessed or fixed (a legacy decoding, escape
/// characters) is said under each side's header in the text and Markdown
/// reports, not only in JSON.
#[test]
fn loader_notes_show_in_the_text_report() {
    let dir = std::env::temp_dir().join(format!("storydiff-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = dir.join("old.txt");
    let new = dir.join("new.txt");
    // Windows-1252 bytes (0x93/0x94 curly quotes, 0xE9) and an escape sequence.
    std::fs::write(
        &old,
        b"Title line\n\nThe caf\xe9 said \x93yes\x94 to the \x1b[31mred\x1b[0m plan on Tuesday.\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "Title line\n\nThe café said “yes” to the plan on Tuesday.\n",
    )
    .unwrap();
    let run = |format: &str| {
        let out = bin()
            .args([
                "diff",
                old.to_str().unwrap(),
                new.to_str().unwrap(),
                "--format",
                format,
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let text = run("text");
    let header: Vec<&str> = text
        .lines()
        .take_while(|l| !l.starts_with("new "))
        .collect();
    assert!(
        header
            .iter()
            .any(|l| l.trim_start().starts_with("note ") && l.contains("decoded as windows-1252")),
        "{text}"
    );
    assert!(
        header.iter().any(|l| l
            .trim_start()
            .starts_with("note contains 2 terminal escape")),
        "{text}"
    );
    let md = run("markdown");
    assert!(
        md.lines()
            .any(|l| l.starts_with("| notes |") && l.contains("decoded as windows-1252")),
        "{md}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Regression (QA r5 D6): `--only facts` hid a cut paragraph quoting a named
/// expert ("0 of 0 edited sentences"); a deleted or inserted passage that
/// carries a quotation, a figure or a name is a fact change.
#[test]
fn only_facts_keeps_a_cut_paragraph_that_quotes_a_named_expert() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("only-facts-cut");
    std::fs::create_dir_all(&dir).unwrap();
    let paragraphs = [
        "Trade talks stall as deadline nears",
        "Negotiators from Washington and Beijing met again on Thursday without reaching a deal on tariffs.",
        "Eswar Prasad, a trade professor at Cornell, said the president’s “mercurial temperament” had complicated the task of striking a deal.",
        "The talks will go on next week, officials said, though neither side expects a breakthrough soon.",
        "Farmers said the delays had cost them buyers for a second season running.",
    ];
    let old = dir.join("old.txt");
    let new = dir.join("new.txt");
    std::fs::write(&old, paragraphs.join("\n\n")).unwrap();
    // The facts-only report of the old text against a copy without
    // paragraph `cut`.
    let facts_without = |cut: usize| -> String {
        let kept: Vec<&str> = paragraphs
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != cut)
            .map(|(_, p)| *p)
            .collect();
        std::fs::write(&new, kept.join("\n\n")).unwrap();
        let out = bin()
            .args([
                "diff",
                old.to_str().unwrap(),
                new.to_str().unwrap(),
                "--only",
                "facts",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let text = facts_without(2);
    assert!(text.contains("Eswar Prasad"), "{text}");
    assert!(
        text.contains("1 of 1 edited, deleted or inserted passages"),
        "{text}"
    );
    // A cut sentence with no quotation, figure or name is no fact change.
    let text = facts_without(4);
    assert!(text.contains("0 of 1 edited"), "{text}");
}

/// The JSON contract's `text` is the file's own bytes for UTF-8 text: a copy
/// hard-wrapped after hyphens (`Franco-` / `German`) is read with those words
/// rejoined, but its `text` stays the file and every span (blocks,
/// sentences, story occurrences) indexes the file. Before, `text` was the
/// rejoined text, not the file.
#[test]
fn spans_index_the_file_after_words_split_at_a_hyphen_are_rejoined() {
    let dir = std::env::temp_dir().join(format!("storydiff-cli-hyphen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = "Café owners in Zürich — “über-cautious”, one said — welcomed the \
               Franco-German statement on Monday.\n\nThe minister said: “The co-operation \
               with our long-standing partners will continue.” Talks resume in March.\n";
    let new = "Café owners in Zürich — “über-\ncautious”, one said — welcomed the Franco-\n\
               German statement on Monday.\n\nThe minister said: “The co-\noperation with \
               our long-\nstanding partners will continue.” Talks\nresume in March.\n";
    let (a, b) = (dir.join("old.txt"), dir.join("new.txt"));
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    let (v, code) = json(a.to_str().unwrap(), b.to_str().unwrap());
    assert_eq!((v["relation"].as_str(), code), (Some("identical"), Some(0)));
    assert_eq!(v["new"]["text"].as_str(), Some(new));
    let span =
        |v: &Value| v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize;
    let rejoined = |s: &str| {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("-\n") {
            out.push_str(&rest[..=i]);
            rest = rest[i + 2..].trim_start();
        }
        out.push_str(rest);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let sentences = |side: &Value| -> Vec<String> {
        let text = side["text"].as_str().unwrap();
        let mut out = Vec::new();
        for b in side["blocks"].as_array().unwrap() {
            assert!(text.get(span(b)).is_some(), "block {b}");
            for st in b["sentences"].as_array().unwrap() {
                out.push(rejoined(&text[span(st)]));
            }
        }
        out
    };
    let olds = sentences(&v["old"]);
    assert_eq!(olds.len(), 3, "{olds:?}");
    assert_eq!(olds, sentences(&v["new"]));

    let out = bin()
        .args([
            "story",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let story: Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts = [old, new];
    let quotes = story["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty(), "{story}");
    for q in quotes {
        let quote = q["text"].as_str().unwrap();
        for o in q["occurrences"].as_array().unwrap() {
            let text = texts[o["article"].as_u64().unwrap() as usize];
            let at = rejoined(&text[span(o)]);
            assert!(
                at.contains(&rejoined(quote)) || rejoined(quote).contains(&at),
                "{quote:?} at {at:?}"
            );
        }
    }
}
