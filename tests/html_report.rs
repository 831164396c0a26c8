//! HTML reports: self-contained, escaped, aligned like the terminal view.

mod common;
use common::sample_path as sample;

use std::process::Command;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Tags open and close in order (void elements aside): a minimal well-formedness check.
fn assert_balanced(html: &str) {
    let void = ["meta", "br", "!DOCTYPE"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("tag closes");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '!')
            .collect();
        if void.iter().any(|v| v.eq_ignore_ascii_case(&name)) {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.as_str()),
                "mismatched </{name}>"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn diff_report_is_self_contained_and_aligned() {
    let html = run(&["diff", &sample("000"), &sample("001"), "--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_balanced(&html);
    for banned in ["<script", "http://", "https://", "<link", "@import"] {
        assert!(!html.contains(banned), "{banned}");
    }
    assert!(html.contains("relation <b>reprint</b>"));
    assert!(html.contains("the new side stops after o17"));
    // The first body sentence is on one row on both sides.
    let row = html
        .lines()
        // (The header's "(no title)" line opens with the same words.)
        .find(|l| {
            l.contains("The US defence secretary, Pete Hegseth, has said")
                && !l.contains("(no title)")
        })
        .unwrap();
    assert_eq!(
        row.matches("The US defence secretary, Pete Hegseth, has said")
            .count(),
        2
    );
    // The missing tail is marked on the old side with the new side empty.
    let tail = html
        .lines()
        .find(|l| l.contains("The Kremlin also said it was impressed"))
        .unwrap();
    assert!(
        tail.contains("class=\"deleted")
            && tail.contains("<td class=\"m\">-")
            && tail.contains("<td class=\"t new\"></td>")
    );
    assert!(
        html.contains("<ins>.</ins>"),
        "the stray full stop emphasised"
    );
    insta::assert_snapshot!(
        "html_000_001_head",
        html.lines().take(6).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn hostile_text_is_escaped() {
    let dir = std::env::temp_dir().join(format!("storydiff-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.html.txt");
    let b = dir.join("b.html.txt");
    std::fs::write(
        &a,
        "Title here\n\nThe minister said <script>alert(1)</script> and \"quoted\" & more.\n",
    )
    .unwrap();
    std::fs::write(&b, "Title here\n\nThe minister said <script>alert(2)</script> and \"quoted\" & more \x1b[31m.\n").unwrap();
    let html = run(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(!html.contains('\x1b'));
    assert_balanced(&html);
}

#[test]
fn story_report() {
    let html = run(&[
        "story",
        concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"),
        "--format",
        "html",
    ]);
    assert_balanced(&html);
    assert!(html.contains("<h2>Quote ledger</h2>") && html.contains("<h2>Coverage</h2>"));
    assert!(html.contains("Reprint groups: 0 + 1"));
    assert!(html.contains("“unrealistic”"));
}

/// Three outlets' versions of one protest, one calling the protesters
/// rioters in three claims (once opening the sentence), another calling them
/// demonstrators.
const PROTEST: [&str; 3] = [
    "Protesters clash with police in Harbourton after mayor's budget vote\nSource: Daily Alpha\nPublished: 2025-03-01\n\nProtesters gathered outside Harbourton city hall on Tuesday after the council approved a budget that cuts library funding by 40 percent.\nMayor Elena Vostrikova said the protesters had blocked the main entrance for three hours.\nPolice arrested twelve protesters near the Quayside tram depot late in the evening.\nThe council will meet again on Friday to discuss the Quayside redevelopment plan.\nLibrary staff said the cuts would close four branches before the summer.\n",
    "Rioters besiege Harbourton city hall over library cuts\nSource: Beta Times\nPublished: 2025-03-01\n\nRioters gathered outside Harbourton city hall on Tuesday after the council approved a budget that cuts library funding by 40 percent, officials said.\nMayor Elena Vostrikova claimed the rioters had blocked the main entrance for three hours.\nPolice arrested twelve rioters near the Quayside tram depot after dark.\nA union spokesman, Tomas Ferreira, warned of a general strike across the district.\nShop owners on Marsh Street boarded up their windows overnight.\n",
    "Harbourton council vote sparks demonstrations at city hall\nSource: Gamma News\nPublished: 2025-03-02\n\nDemonstrators gathered outside Harbourton city hall on Tuesday after councillors approved a budget cutting library funding by 40 percent.\nMayor Elena Vostrikova said demonstrators had blocked the main entrance of the building for three hours.\nTwelve demonstrators were arrested by police near the Quayside tram depot.\nThe Harbourton library board has called an emergency session.\n",
];

/// Regression: a substitution opening a sentence (`Protesters gathered` /
/// `Rioters gathered`) was not counted (×2 where three claims differ so), and
/// the HTML story report had no Wording section (the JSON and the story
/// view's tab have it).
#[test]
fn wording_counts_a_sentence_opening_and_shows_in_html() {
    let dir = std::env::temp_dir().join(format!("storydiff-wording-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<String> = PROTEST
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let f = dir.join(format!("{i}.txt"));
            std::fs::write(&f, text).unwrap();
            f.to_string_lossy().into_owned()
        })
        .collect();
    let mut args = vec!["story"];
    args.extend(files.iter().map(String::as_str));
    let json: serde_json::Value =
        serde_json::from_str(&run(&[&args[..], &["--format", "json"]].concat())).unwrap();
    let wording = json["wording"].as_array().expect("wording");
    let rioters = wording
        .iter()
        .find(|w| {
            w["words_b"]
                .as_str()
                .is_some_and(|s| s.eq_ignore_ascii_case("rioters"))
        })
        .unwrap_or_else(|| panic!("{wording:?}"));
    assert!(rioters["words_a"]
        .as_str()
        .unwrap()
        .eq_ignore_ascii_case("protesters"));
    assert_eq!(rioters["count"], 3, "{rioters}");
    let html = run(&[&args[..], &["--format", "html"]].concat());
    assert_balanced(&html);
    let section = html
        .split("<h2>Wording</h2>")
        .nth(1)
        .expect("a Wording section");
    let section = section.split("<h2>").next().unwrap();
    assert!(
        section.contains("<b>Protesters</b>")
            && section.contains("<b>Rioters</b>")
            && section.contains("<td>3</td>"),
        "{section}"
    );
    let _ = std::fs::remove_dir_all(&dir);
    // The samples spell and capitalise names their own way, and say which.
    let html = run(&[
        "story",
        concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"),
        "--format",
        "html",
    ]);
    let section = html
        .split("<h2>Wording</h2>")
        .nth(1)
        .expect("a Wording section");
    let section = section.split("<h2>").next().unwrap();
    assert!(
        section.contains("<b>NATO</b>") && section.contains("<td>2 (capitals)</td>"),
        "{section}"
    );
}
