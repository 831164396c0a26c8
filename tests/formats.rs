//! HTML and scraper-JSON loading on realistic pages: navigation, headers,
//! figures, asides, footers and scripts must not leak into the body, and
//! the metadata must come from the markup or the fields.

use storydiff::article::{
    load_article, load_articles, load_bytes, Article, Format, LoadOptions, Role,
};

fn load(rel: &str) -> Article {
    let path = format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    load_article(&path, &LoadOptions::default()).unwrap()
}

fn texts(a: &Article, role: Role) -> Vec<&str> {
    a.blocks
        .iter()
        .filter(|b| b.role == role)
        .map(|b| a.slice(b.span))
        .collect()
}

fn assert_no_furniture(a: &Article, furniture: &[&str]) {
    for b in a.body_blocks() {
        let t = a.slice(b.span);
        for f in furniture {
            assert!(!t.contains(f), "body block contains furniture {f:?}: {t}");
        }
    }
    for f in [
        "document.title",
        "window.dataLayer",
        "font-family",
        "this is not article text",
    ] {
        assert!(!a.text.contains(f), "script or style leaked: {f}");
    }
}

#[test]
fn html_news_page_with_nav_figure_aside_footer() {
    let a = load("html/guardian_style.html");
    assert_eq!(a.format, Format::Html);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Ministers agree new fisheries deal after all-night talks")
    );
    assert_eq!(a.meta.byline.as_deref(), Some("Maria Lopez"));
    assert_eq!(a.meta.date.as_deref(), Some("2025-03-04T07:45"));
    assert_eq!(a.meta.outlet.as_deref(), Some("The Daily Ledger"));
    assert_eq!(
        texts(&a, Role::Title),
        vec!["Ministers agree new fisheries deal after all-night talks"]
    );
    assert_eq!(texts(&a, Role::Standfirst).len(), 1);
    assert_eq!(
        texts(&a, Role::Caption),
        vec!["Fishing boats moored at Peterhead harbour. Photograph: Jane Smith/Reuters"]
    );
    assert_eq!(
        texts(&a, Role::Subhead),
        vec!["Scientists had urged deeper cuts"]
    );
    let body = texts(&a, Role::Body);
    assert_eq!(body.len(), 7);
    assert!(body[0].starts_with("European fisheries ministers agreed"));
    assert!(body[6].starts_with("The deal will be reviewed in December"));
    assert_no_furniture(
        &a,
        &[
            "Share on",
            "Cod stocks at lowest",
            "Privacy policy",
            "Sign in or create",
            "World",
        ],
    );
}

#[test]
fn html_wire_story_with_ads_cookie_banner_and_entities() {
    let a = load("html/wire_story.html");
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Central bank holds rates steady, signals cut later this year")
    );
    assert_eq!(a.meta.date.as_deref(), Some("2024-11-07"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Metro Wire"));
    assert!(a.meta.byline.as_deref().unwrap().contains("Tom Okafor"));
    let body = texts(&a, Role::Body);
    assert!(
        body[0].contains("\"increasingly confident\""),
        "entities decoded: {}",
        body[0]
    );
    assert!(body
        .iter()
        .any(|t| t.contains("“We are not there yet,” Governor Elena Ruiz told reporters.")));
    assert!(body
        .iter()
        .any(|t| t.contains("direction of travel is clear & the risks")));
    assert!(body.last().unwrap().contains("scheduled for Dec. 12."));
    assert_no_furniture(
        &a,
        &[
            "We use cookies",
            "Advertisement",
            "Oil prices jump",
            "Sign up for",
            "Copyright",
        ],
    );
    // "Dec. 12." is one sentence.
    let last = a.body_blocks().last().unwrap();
    assert_eq!(last.sentences.len(), 1);
}

#[test]
fn html_feature_with_dek_byline_caption_and_more_stories() {
    let a = load("html/feature_page.html");
    assert_eq!(a.meta.title.as_deref(), Some("The last lighthouse keeper"));
    assert_eq!(a.meta.byline.as_deref(), Some("Priya Nair"));
    assert_eq!(a.meta.date.as_deref(), Some("2023-06-18T06:00"));
    assert_eq!(texts(&a, Role::Standfirst).len(), 1);
    assert_eq!(texts(&a, Role::Byline), vec!["By Priya Nair"]);
    assert_eq!(texts(&a, Role::Caption).len(), 1);
    assert_eq!(texts(&a, Role::Subhead), vec!["A life measured in watches"]);
    assert_eq!(texts(&a, Role::Body).len(), 5);
    assert_no_furniture(&a, &["The island where the post", "Tags:", "Features"]);
    for b in a
        .blocks
        .iter()
        .filter(|b| a.slice(b.span).contains("smugglers"))
    {
        assert_eq!(b.role, Role::Related);
    }
}

#[test]
fn news_please_json() {
    let a = load("json/news_please.json");
    assert_eq!(a.format, Format::Json);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Ministers agree new fisheries deal after all-night talks")
    );
    assert_eq!(a.meta.byline.as_deref(), Some("Maria Lopez, Jon Ahlberg"));
    assert_eq!(a.meta.date.as_deref(), Some("2025-03-04T07:45"));
    assert_eq!(a.meta.outlet.as_deref(), Some("www.dailyledger.example"));
    assert_eq!(texts(&a, Role::Standfirst).len(), 1);
    assert_eq!(texts(&a, Role::Body).len(), 4);
}

#[test]
fn newspaper_json_with_text_field_and_string_author() {
    let a = load("json/newspaper_style.json");
    assert_eq!(a.meta.byline.as_deref(), Some("Tom Okafor"));
    assert_eq!(a.meta.date.as_deref(), Some("2024-11-07T10:12"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Metro Wire"));
    let body = texts(&a, Role::Body);
    assert_eq!(body.len(), 4);
    assert!(body[0].starts_with("FRANKFURT (Metro Wire)"));
}

#[test]
fn jsonl_loads_the_first_record_with_a_note() {
    let a = load("json/feed.jsonl");
    assert_eq!(a.meta.title.as_deref(), Some("The last lighthouse keeper"));
    assert_eq!(a.meta.outlet.as_deref(), Some("coastalweekly.example"));
    assert_eq!(texts(&a, Role::Body).len(), 3);
    assert!(a.notes.iter().any(|n| n.contains("2 records")));
}

#[test]
fn jsonl_with_many_records_is_many_articles() {
    let path = format!(
        "{}/tests/fixtures/json/feed.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let all = load_articles(&path, &LoadOptions::default()).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].path, format!("{path}#1"));
    assert_eq!(all[1].path, format!("{path}#2"));
    assert_eq!(all[1].meta.title.as_deref(), Some("Second record"));
    assert_eq!(texts(&all[1], Role::Body), ["Another article entirely."]);
    // `FILE#N` names one record wherever a file is expected.
    let second = load_article(&format!("{path}#2"), &LoadOptions::default()).unwrap();
    assert_eq!(second.meta.title.as_deref(), Some("Second record"));
    let err = load_article(&format!("{path}#3"), &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("no record 3"), "{err}");
}

#[test]
fn json_records_with_non_string_text_are_skipped_with_a_note() {
    // A lone record whose text is a number is not an article reading "5".
    let err = load_bytes("x.json", br#"{"text": 5}"#, &LoadOptions::default()).unwrap_err();
    assert!(
        err.to_string().contains("text field `text` is a number"),
        "{err}"
    );
    let dir = std::env::temp_dir().join(format!("storydiff-jsonl-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("scrape.jsonl");
    std::fs::write(
        &path,
        "{\"title\": \"One\", \"text\": \"The first story is here.\"}\n\
         {\"title\": \"Two\", \"text\": 5}\n\
         not json at all\n\
         {\"title\": \"Four\", \"text\": \"The fourth story is here.\"}\n",
    )
    .unwrap();
    let all = load_articles(path.to_str().unwrap(), &LoadOptions::default()).unwrap();
    let titles: Vec<_> = all
        .iter()
        .map(|a| a.meta.title.as_deref().unwrap())
        .collect();
    assert_eq!(titles, ["One", "Four"]);
    assert!(all[1].path.ends_with("scrape.jsonl#4"));
    let notes = all[0].notes.join(" | ");
    assert!(
        notes.contains("line 2 skipped: the text field `text` is a number"),
        "{notes}"
    );
    assert!(notes.contains("line 3 skipped: not JSON"), "{notes}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn markdown_article() {
    let md = "---\ntitle: Front matter title\nauthor: Ana Diaz\ndate: 2024-05-01\n---\n\n# Front matter title\n\nFirst paragraph of the story, which\nwraps over two lines.\n\n## Background\n\n> “A quoted line,” she said.\n\n- a list item\n";
    let a =
        storydiff::article::load_bytes("story.md", md.as_bytes(), &LoadOptions::default()).unwrap();
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(a.meta.byline.as_deref(), Some("Ana Diaz"));
    assert_eq!(a.meta.date.as_deref(), Some("2024-05-01"));
    let roles: Vec<Role> = a.blocks.iter().map(|b| b.role).collect();
    assert_eq!(
        roles,
        vec![
            Role::Boilerplate,
            Role::Title,
            Role::Body,
            Role::Subhead,
            Role::Body,
            Role::Body
        ]
    );
    // Heading markers are in the block but not in its sentence.
    let title = &a.blocks[1];
    assert_eq!(a.slice(title.sentences[0]), "Front matter title");
}

#[test]
fn standard_input_is_read_with_dash() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(["inspect", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"A headline here\n\nThe first paragraph says something. It has two sentences.\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["path"], "-");
    assert_eq!(v["title"], "A headline here");
    assert_eq!(v["blocks"][1]["sentences"].as_array().unwrap().len(), 2);
}
