//! Story mode on the five sample articles: reprint groups, the quote ledger
//! (fragments and rewordings matched, speakers named), the coverage table.

use storydiff::align::Relation;
use storydiff::article::{load_article, Article, LoadOptions};
use storydiff::story::{story, Story};

fn samples() -> Vec<Article> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| load_article(f.to_str().unwrap(), &LoadOptions::default()).unwrap())
        .collect()
}

/// Articles from texts, named `0.txt`, `1.txt`, …
fn from_texts(texts: &[&str]) -> Vec<Article> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            storydiff::article::load_bytes(
                &format!("{i}.txt"),
                t.as_bytes(),
                &LoadOptions::default(),
            )
            .unwrap()
        })
        .collect()
}

fn quote_with<'a>(s: &'a Story, a: &[Article], needle: &str) -> &'a storydiff::story::Quote {
    s.quotes
        .iter()
        .find(|q| {
            q.occurrences
                .iter()
                .any(|o| a[o.article].slice(o.span).contains(needle))
        })
        .unwrap_or_else(|| panic!("no quote with {needle:?}"))
}

#[test]
fn relations_and_reprint_groups() {
    let a = samples();
    let s = story(&a);
    assert_eq!(s.pairs.len(), 10);
    assert_eq!(s.groups, vec![vec![0, 1]]);
    for p in &s.pairs {
        let want = if (p.a, p.b) == (0, 1) {
            Relation::Reprint
        } else {
            Relation::Related
        };
        assert_eq!(p.relation, want, "{}-{}", p.a, p.b);
    }
}

#[test]
fn quote_ledger() {
    let a = samples();
    let s = story(&a);
    let q = quote_with(&s, &a, "everything is on the table");
    assert_eq!(q.articles(), vec![0, 1]);
    assert!(q.speaker.as_deref().unwrap().contains("Hegseth"));
    let q = quote_with(&s, &a, "unrealistic");
    assert_eq!(q.articles(), vec![2, 3]);
    // Pistorius: 000 carries the longer quote, 002 the fragment.
    let q = quote_with(&s, &a, "would have been better");
    assert_eq!(q.articles(), vec![0, 2]);
    assert!(q.speaker.as_deref().unwrap().contains("Pistorius"));
    let long = q.occurrences.iter().find(|o| o.article == 0).unwrap();
    let short = q.occurrences.iter().find(|o| o.article == 2).unwrap();
    assert!(a[0].slice(long.span).len() > a[2].slice(short.span).len());
    assert_eq!(a[2].slice(short.span), "would have been better");
    let q = quote_with(&s, &a, "not a betrayal");
    assert_eq!(q.articles(), vec![2, 4]);
    assert!(q.occurrences.iter().any(|o| a[o.article]
        .slice(o.span)
        .contains("certainly not a betrayal")));
    // "invested … in peace": the same quote in different words.
    let q = quote_with(&s, &a, "the whole world and the US is invested in peace");
    assert_eq!(q.articles(), vec![2, 4]);
    assert!(q.occurrences.iter().any(|o| a[o.article]
        .slice(o.span)
        .contains("invested and interested in peace")));
}

#[test]
fn coverage_table() {
    let a = samples();
    let s = story(&a);
    let claim_with = |needle: &str, other: &str| {
        s.claims
            .iter()
            .find(|c| {
                c.occurrences
                    .iter()
                    .any(|o| a[o.article].slice(o.span).contains(needle))
                    && c.occurrences
                        .iter()
                        .any(|o| a[o.article].slice(o.span).contains(other))
            })
            .unwrap_or_else(|| panic!("no claim with {needle:?} and {other:?}"))
    };
    assert_eq!(
        claim_with("5%", "make Nato great again").articles(),
        vec![0, 2, 3]
    );
    assert_eq!(claim_with("Kursk", "Guardian").articles(), vec![2, 3]);
    // Trump's call with Putin is one row of all five: 000 and 003, and 000
    // and 004, whose pairs leave both sentences unpaired, each pair with
    // 002's; 001 is 000's sentence word for word (a reprint cut short).
    assert_eq!(
        claim_with("spoken to Putin", "lengthy").articles(),
        vec![0, 1, 2, 3, 4]
    );
    // What the reprint lacks: the European criticism of its cut tail.
    let lacks: Vec<&str> = s
        .left_out(1, a.len())
        .iter()
        .map(|&c| s.claims[c].text.as_str())
        .collect();
    assert!(lacks.iter().any(|t| t.contains("Kaja Kallas")), "{lacks:?}");
    assert!(lacks.iter().any(|t| t.contains("Pistorius")));
    // Name variants do not split a claim: Zelenskyy (002) and Zelensky (003).
    assert!(claim_with("Kursk", "Kursk")
        .occurrences
        .iter()
        .any(|o| a[o.article].slice(o.span).contains("Zelenskyy")));
}

#[test]
fn story_json_through_the_binary() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args([
            "story",
            concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data"),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "storydiff.story/1");
    assert_eq!(v["articles"].as_array().unwrap().len(), 5);
    assert_eq!(v["pairs"].as_array().unwrap().len(), 10);
    for p in v["pairs"].as_array().unwrap() {
        for k in [
            "a",
            "b",
            "relation",
            "similarity",
            "shared_sentences",
            "shared_quotes",
        ] {
            assert!(p.get(k).is_some(), "pair.{k}");
        }
    }
    assert_eq!(v["groups"], serde_json::json!([[0, 1]]));
    for list in ["quotes", "claims"] {
        for item in v[list].as_array().unwrap() {
            for o in item["occurrences"].as_array().unwrap() {
                let art = &v["articles"][o["article"].as_u64().unwrap() as usize];
                let text = art["text"].as_str().unwrap().as_bytes();
                let (s, e) = (
                    o["start"].as_u64().unwrap() as usize,
                    o["end"].as_u64().unwrap() as usize,
                );
                assert!(s < e && e <= text.len());
                assert!(
                    std::str::from_utf8(&text[s..e]).is_ok(),
                    "occurrence on character boundaries"
                );
            }
        }
    }
    assert!(v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q.get("speaker").is_some()));
}

#[test]
fn chinese_story_finds_reprints_claims_and_quotes() {
    let texts = [
        "美国国防部长赫格塞斯周三在布鲁塞尔表示，「结束乌克兰战争的一切选项都在谈判桌上」。他说，欧洲必须承担更多的防务责任。\n\n北约盟国的部长们将于周四继续会谈。\n",
        "美国国防部长赫格塞思周三在布鲁塞尔表示，「结束乌克兰战争的一切选项都在谈判桌上」。他说，欧洲必须承担更多的防务责任。\n\n北约各国的部长们将于周四继续会谈。会谈的地点尚未公布。\n",
        "据报道，北约防长会议周三在布鲁塞尔举行。赫格塞斯说：「结束乌克兰战争的一切选项都在谈判桌上」。\n\n分析人士认为，欧洲国家将不得不增加军费开支。\n",
    ];
    let a = from_texts(&texts);
    let s = story(&a);
    assert_eq!(s.groups, vec![vec![0, 1]]);
    let p02 = s.pairs.iter().find(|p| (p.a, p.b) == (0, 2)).unwrap();
    assert_eq!(p02.relation, Relation::Related);
    // The quote all three carry, compared character by character.
    let q = quote_with(&s, &a, "一切选项都在谈判桌上");
    let mut carriers: Vec<usize> = q.occurrences.iter().map(|o| o.article).collect();
    carriers.dedup();
    assert_eq!(carriers, vec![0, 1, 2]);
    // Claims: sentences of the two reprints are one claim each, carried by both.
    let shared = s.claims.iter().filter(|c| c.articles() == [0, 1]).count();
    assert!(shared >= 2, "{:?}", s.claims);
    // Word counts count the characters.
    assert!(a[0].words() > 40, "{}", a[0].words());
}

#[test]
fn sentences_sharing_only_the_story_names_are_not_one_claim() {
    // Every article mentions Trump again and again, as coverage of one story
    // does; the two sentences below share only him and his title.
    let filler = |topic: &str| -> String {
        (0..14)
            .map(|i| {
                format!("Trump spoke about {topic} number {i} with reporters in Washington.\n\n")
            })
            .collect()
    };
    let a = format!(
        "{}These negotiations are led by President Trump.\n\nThe tariff on imported steel rose to 25 percent on Monday, officials in Brussels confirmed.\n",
        filler("trade")
    );
    let b = format!(
        "{}As President Trump said, let us get it done.\n\nOfficials in Brussels confirmed on Monday that the tariff on imported steel rose to 25 percent.\n",
        filler("budgets")
    );
    let arts = from_texts(&[a.as_str(), b.as_str()]);
    let s = story(&arts);
    let text = |c: &storydiff::story::Claim| -> Vec<String> {
        c.occurrences
            .iter()
            .map(|o| arts[o.article].slice(o.span).to_string())
            .collect()
    };
    let shared: Vec<Vec<String>> = s
        .claims
        .iter()
        .filter(|c| c.articles() == [0, 1])
        .map(text)
        .collect();
    assert!(
        shared.iter().any(|c| c.iter().all(|t| t.contains("steel"))),
        "the reworded fact is one claim: {shared:?}"
    );
    assert!(
        !shared
            .iter()
            .any(|c| c.iter().any(|t| t.contains("negotiations are led"))),
        "{shared:?}"
    );
}

#[test]
fn wording_lists_recurring_substitutions_per_outlet_pair() {
    let arts = from_texts(&[
        "Police in Portland arrested twelve protesters outside the federal courthouse on Friday night after windows were smashed.\n\n\
         The mayor said the protesters had blocked the bridge over the Willamette river for three hours.\n\n\
         City officials said the curfew in the downtown district would be lifted on Monday morning.",
        "Police in Portland arrested twelve rioters outside the federal courthouse on Friday night after windows were smashed.\n\n\
         The mayor claimed the rioters had blocked the bridge over the Willamette river for three hours.\n\n\
         City officials claimed the curfew in the downtown district would be lifted on Monday morning.",
    ]);
    let s = story(&arts);
    let found = |x: &str, y: &str| {
        s.wording
            .iter()
            .find(|w| w.words_a == x && w.words_b == y && (w.a, w.b) == (0, 1))
    };
    let p = found("protesters", "rioters").expect("protesters ↔ rioters");
    assert_eq!(p.count, 2, "{:#?}", s.wording);
    assert_eq!(p.occurrences.len(), 4);
    for o in &p.occurrences {
        let t = &arts[o.article].text[o.span.range()];
        assert!(t == "protesters" || t == "rioters", "{t}");
    }
    assert_eq!(found("said", "claimed").map(|w| w.count), Some(2));
    // Nothing else differs here, so nothing else is listed.
    assert!(s.wording.iter().all(|w| w.count >= 2), "{:#?}", s.wording);
    // In the JSON, with both outlets and the occurrences.
    let mut out = Vec::new();
    storydiff::report::story::write_json(&mut out, &arts, &s).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let w = &v["wording"][0];
    assert_eq!(w["count"], 2);
    assert_eq!(w["kind"], "words", "{w}");
    assert!(w["occurrences"].as_array().unwrap().len() == 4, "{w}");
}

#[test]
fn the_samples_are_one_story_as_a_pile() {
    let a = samples();
    let pile = storydiff::story::sort_pile(&a);
    assert!(pile.singles.is_empty(), "singles: {:?}", pile.singles);
    assert_eq!(pile.stories.len(), 1);
    let s = &pile.stories[0];
    assert_eq!(s.articles, vec![0, 1, 2, 3, 4]);
    assert_eq!(s.story.groups, vec![vec![0, 1]]);
    assert!(s.dates.is_some());
    // Regression (QA r5 D10): labelled "(no title) The US defence
    // secretary…" (000, the most central, has no headline) though 001 and
    // 003 have one: the label is a member's headline.
    assert!(!s.label.starts_with("(no title)"), "{}", s.label);
    assert_eq!(a[s.central].meta.title.as_deref(), Some(s.label.as_str()));
    for p in &s.story.pairs {
        assert!(p.relation != Relation::Unrelated, "{p:?}");
    }
}

#[test]
fn a_story_judges_pairs_by_evidence() {
    let a = samples();
    let s = story(&a);
    for p in &s.pairs {
        assert!(
            p.evidence.same_event(),
            "{}-{} score {}",
            p.a,
            p.b,
            p.evidence.score
        );
        assert!(!p.evidence.terms.is_empty());
    }
}

/// A pile of two events and an unrelated article, written to a fresh folder.
fn pile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("storydiff-pile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let texts = [
        "Tunnel shut\n\nFlooding closed the Varnholt tunnel on Tuesday after heavy rain, \
         the roads agency said. Engineers expect the Varnholt tunnel to reopen next week.",
        "Chess title for Oslo teenager\n\nA fourteen-year-old from Oslo won the Nordic \
         chess championship in Bergen, beating three grandmasters.",
        "Varnholt tunnel flooded\n\nThe Varnholt tunnel was closed on Tuesday when heavy \
         rain flooded it; engineers hope to reopen it next week.",
        "Bergen chess upset\n\nThe Nordic chess championship in Bergen went to a \
         fourteen-year-old from Oslo who beat three grandmasters.",
        "Harvest festival\n\nThe village of Lunde held its apple harvest festival with \
         a parade and a cider tasting.",
    ];
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("{i}.txt")), t).unwrap();
    }
    dir
}

fn storydiff(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_pile_prints_its_stories_and_singles() {
    let dir = pile_dir("json");
    let d = dir.to_str().unwrap();
    let out = storydiff(&["story", d, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "storydiff.stories/1");
    assert_eq!(v["articles"].as_array().unwrap().len(), 5);
    assert_eq!(v["singles"], serde_json::json!([4]));
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 2);
    for s in stories {
        let members: Vec<u64> = s["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert!(members == [0, 2] || members == [1, 3], "{members:?}");
        assert!(s["label"].as_str().is_some_and(|l| !l.is_empty()));
        // Pairs inside the story only, indexed into the pile's articles.
        let pairs = s["pairs"].as_array().unwrap();
        assert_eq!(pairs.len(), 1);
        assert_eq!(pairs[0]["a"].as_u64(), Some(members[0]));
        assert_eq!(pairs[0]["b"].as_u64(), Some(members[1]));
        assert_eq!(pairs[0]["relation"], "related");
        assert!(pairs[0]["evidence"]["score"].as_f64().unwrap() >= storydiff::story::SAME_EVENT);
        for k in ["groups", "quotes", "claims", "outlets", "dates"] {
            assert!(s.get(k).is_some(), "story.{k}");
        }
    }

    let text = storydiff(&["story", d]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.starts_with("5 articles: 2 stories, 1 single"),
        "{text}"
    );
    assert!(text.contains("\nsingles\n"), "{text}");

    let one = storydiff(&["story", d, "--story", "2", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(v["schema"], "storydiff.story/1");
    assert_eq!(v["articles"].as_array().unwrap().len(), 2);

    let bad = storydiff(&["story", d, "--story", "7"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--story 7: the pile has 2 stories"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn articles_sharing_only_social_furniture_share_no_claim_and_no_quote() {
    // Two unrelated reports that each embed the same tweet and end with the
    // same calls to follow and sign up: none of those lines is reporting.
    let furniture = "\u{201c}Stay safe out there, everyone, and check on your neighbours tonight\u{201d} pic.twitter.com/Xy12AbCd \u{2014} City News Desk (@citynewsdesk) November 18, 2019\n\n\
        Follow us on Twitter @citynewsdesk and on Facebook for the latest updates.\n\n\
        Sign up for our morning newsletter to get the top stories in your inbox.\n\n\
        @citynewsdesk @citynewsweekend #breaking #localnews\n\n";
    let a = format!(
        "The council approved a new budget for the harbour district on Tuesday after months of debate.\n\n\
         Fishermen said the dredging plan would finally let larger boats dock at the old pier.\n\n{furniture}"
    );
    let b = format!(
        "A rare orchid bloomed in the botanical garden's glasshouse for the first time in forty years.\n\n\
         Visitors queued around the block on Sunday to photograph the pale yellow flowers.\n\n{furniture}"
    );
    let arts = from_texts(&[a.as_str(), b.as_str()]);
    let s = story(&arts);
    let shared_claims: Vec<&str> = s
        .claims
        .iter()
        .filter(|c| c.articles() == [0, 1])
        .map(|c| c.text.as_str())
        .collect();
    assert!(shared_claims.is_empty(), "{shared_claims:?}");
    let shared_quotes: Vec<&str> = s
        .quotes
        .iter()
        .filter(|q| q.articles() == [0, 1])
        .map(|q| q.text.as_str())
        .collect();
    assert!(shared_quotes.is_empty(), "{shared_quotes:?}");
    let pair = s.pair(0, 1).unwrap();
    assert_eq!((pair.shared_sentences, pair.shared_quotes), (0, 0));
    // Each article still has its own reporting as claims.
    assert!(s.claims.iter().any(|c| c.text.contains("orchid")));
}

/// Regression: real outlets share one to three claims per pair, so no
/// substitution recurred and Wording was empty in all 139 stories of the
/// same-event set. One word put for another inside matching words is listed
/// once (count 1); words a diff lines up between loosely paired sentences,
/// a name against a common noun, a figure or forms of one word are not.
#[test]
fn wording_lists_a_single_word_choice_once() {
    let arts = from_texts(&[
        "Jobs report\n\nThe unemployment rate dropped to 5.4% in July as employers added 943,000 jobs, the Labor Department said on Friday.\n\n\
         Economists had expected the rate to reach 5.7% after a strong spring of hiring across the service industries.\n\n\
         Wages rose 4% over the year as companies competed to hire workers.",
        "Hiring surges\n\nThe unemployment rate fell to 5.4% in July as employers added 943,000 jobs, the Labor Department reported Friday morning.\n\n\
         Analysts had forecast the rate to reach 5.7% after a strong spring of hiring across the service industries.\n\n\
         Wages rose 4% over the year as firms competed to hire staff.",
    ]);
    let s = story(&arts);
    let pairs: Vec<(String, String, usize)> = s
        .wording
        .iter()
        .map(|w| (w.words_a.to_lowercase(), w.words_b.to_lowercase(), w.count))
        .collect();
    assert!(
        pairs.contains(&("dropped".into(), "fell".into(), 1)),
        "{pairs:?}"
    );
    let w = s.wording.iter().find(|w| w.words_a == "dropped").unwrap();
    assert_eq!(w.occurrences.len(), 2);
    assert_eq!(
        &arts[w.occurrences[1].article].text[w.occurrences[1].span.range()],
        "fell"
    );
    // "said on" ↔ "reported Friday morning" is a rewording, not a choice.
    assert!(!pairs.iter().any(|p| p.0.contains("said")), "{pairs:?}");
}

/// Regression: the samples' Wording was empty, though 002 writes `Zelenskyy`
/// and `NATO` where 003 writes `Zelensky` and `Nato` in the claims they
/// share: the word diff folds case, and a name spelled another way is not
/// where the diff of two loosely paired sentences puts it. A word each
/// article spells or capitalises only its own way is listed, with the
/// words' places; forms of one word (`Russia` ↔ `Russian`) are not.
#[test]
fn wording_lists_names_spelled_and_capitalised_their_own_way() {
    let arts = storydiff::sample::load_sample_story();
    let s = story(&arts);
    let found: Vec<(usize, &str, usize, &str, usize)> = s
        .wording
        .iter()
        .map(|w| (w.a, w.words_a.as_str(), w.b, w.words_b.as_str(), w.count))
        .collect();
    assert!(
        found.contains(&(2, "Zelenskyy", 3, "Zelensky", 1)),
        "{found:?}"
    );
    assert!(found.contains(&(2, "NATO", 3, "Nato", 2)), "{found:?}");
    let nato = s
        .wording
        .iter()
        .find(|w| w.words_a == "NATO" && w.b == 3)
        .unwrap();
    assert_eq!(nato.kind(), storydiff::story::WordingKind::Capitals);
    assert_eq!(nato.occurrences.len(), 4);
    for (k, o) in nato.occurrences.iter().enumerate() {
        let want = if k % 2 == 0 { "NATO" } else { "Nato" };
        assert_eq!(&arts[o.article].text[o.span.range()], want);
    }
    // The story JSON says which rows are house style, as the text reports
    // mark them (regression: its `wording` rows carried no kind).
    let mut out = Vec::new();
    storydiff::report::story::write_json(&mut out, &arts, &s).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let rows = v["wording"].as_array().unwrap();
    assert_eq!(rows.len(), s.wording.len());
    for (row, w) in rows.iter().zip(&s.wording) {
        assert_eq!(row["kind"], w.kind().as_str(), "{row}");
        assert_eq!(row["words_a"], w.words_a.as_str());
    }
    let kind_of = |a: &str, b: &str| {
        rows.iter()
            .find(|r| r["words_a"] == a && r["words_b"] == b)
            .map(|r| r["kind"].clone())
    };
    assert_eq!(kind_of("NATO", "Nato"), Some("capitals".into()));
    assert_eq!(kind_of("Zelenskyy", "Zelensky"), Some("spelling".into()));
    // 000 and its reprint 001 both write Nato: no row between them, and no
    // form of a word anywhere.
    assert!(!found.iter().any(|f| (f.0, f.2) == (0, 1)), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|f| f.1.to_lowercase().starts_with("russia")
                || f.1.to_lowercase().starts_with("ukrain")),
        "{found:?}"
    );
}

/// Regression: the Markdown story report had no Wording section, though the
/// README lists wording among its sections (text, JSON and HTML had it).
#[test]
fn markdown_story_report_lists_wording() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
    let out = storydiff(&["story", dir, "--format", "markdown"]);
    let md = String::from_utf8(out.stdout).unwrap();
    let section = md
        .split("\n## Wording\n")
        .nth(1)
        .expect("a Wording section");
    let section = section.split("\n## ").next().unwrap();
    assert!(
        section.contains("| **NATO** |") && section.contains("| 2 (capitals) |"),
        "{section}"
    );
}
