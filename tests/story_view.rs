//! The story view on TestBackend: the article list, heatmap and groups, the
//! quote and coverage tabs, and opening a pair or a claim in the compare view.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use storydiff::align::Relation;
use storydiff::sample::load_sample_story;
use storydiff::story::story;
use storydiff::tui::action::Action;
use storydiff::tui::app::SearchEdit;
use storydiff::tui::config::Config;
use storydiff::tui::story_view::{draw, StoryApp, Tab};

fn app(w: u16, h: u16) -> StoryApp {
    let articles = load_sample_story();
    let s = story(&articles);
    StoryApp::new(articles, s, Config::default(), (w, h))
}

fn screen(app: &StoryApp) -> Vec<String> {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < w {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += storydiff::tui::layout::str_width(sym).max(1) as u16;
            }
            s
        })
        .collect()
}

#[test]
fn articles_heatmap_and_groups() {
    let a = app(120, 40);
    let lines = screen(&a);
    insta::assert_snapshot!("story_view_120x40", lines.join("\n"));
    assert!(lines[0].contains("a story of 5 articles") && lines[0].contains("1 reprint group"));
    assert!(lines
        .iter()
        .any(|l| l.contains("[0] 000_") && l.contains("reprint of [1]")));
    assert!(lines.iter().any(|l| l.contains("r0.77")));
    assert!(lines.iter().any(|l| l.contains("reprint groups: [0]+[1]")));
}

#[test]
fn tabs_and_opening_pairs() {
    let mut a = app(120, 40);
    a.update(Action::Open);
    let (cmp, old, new) = a.compare.as_ref().expect("compare view open");
    assert_eq!((*old, *new), (0, 1));
    assert!(cmp.ready.is_some());
    a.update(Action::CycleNew);
    assert_eq!(a.compare.as_ref().map(|c| (c.1, c.2)), Some((0, 2)));
    a.update(Action::Quit);
    assert!(a.compare.is_none() && !a.quit, "q goes back to the story");
    a.update(Action::NextTab);
    assert_eq!(a.tab, Tab::Quotes);
    assert!(screen(&a)
        .iter()
        .any(|l| l.contains("“unrealistic” — Pete Hegseth")));
    a.update(Action::NextTab);
    assert_eq!(a.tab, Tab::Coverage);
    let lines = screen(&a);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("●·●●·") && l.contains("make Nato great again")),
        "the 5% claim: {lines:#?}"
    );
    // Open the 5% claim: the comparison scrolls to it.
    let row = a
        .story
        .claims
        .iter()
        .position(|c| c.text.contains("make Nato great again"))
        .unwrap();
    for _ in 0..row {
        a.update(Action::ScrollDown);
    }
    a.update(Action::Open);
    let (cmp, old, new) = a.compare.as_ref().unwrap();
    assert_eq!((*old, *new), (0, 2));
    assert!(cmp.top > 0, "scrolled to the claim");
    a.update(Action::Quit);
    a.update(Action::NextTab);
    assert_eq!(a.tab, Tab::Wording);
    a.update(Action::Quit);
    assert!(a.quit);
}

/// Regression: the Wording tab was empty on the samples, though 002 writes
/// `Zelenskyy` and `NATO` where 003 writes `Zelensky` and `Nato` in the
/// claims they share (the word diff folds case, and lines up loosely paired
/// sentences word by word). Now each is listed and marked as house style,
/// and the line above the status line shows both outlets' words with the
/// words around them, cut at word boundaries (at 100 columns the second
/// sentence was lost and the first cut mid-word).
#[test]
fn wording_lists_spellings_and_capitals_of_the_samples() {
    for (w, h) in [(100, 20), (80, 24), (160, 48)] {
        let mut a = app(w, h);
        while a.tab != Tab::Wording {
            a.update(Action::NextTab);
        }
        let lines = screen(&a);
        let row = |needle: &str| lines.iter().position(|l| l.contains(needle));
        let zelensky = row("[2] “Zelenskyy” ↔ [3] “Zelensky” ×1 · spelling");
        let nato = row("[2] “NATO” ↔ [3] “Nato” ×2 · capitals");
        assert!(zelensky.is_some() && nato.is_some(), "{lines:#?}");
        a.update(Action::ScrollDown);
        let lines = screen(&a);
        let footer = lines[h as usize - 2].trim_end();
        assert!(
            footer.starts_with("[2] ")
                && footer.contains(" NATO allies")
                && footer.contains(" · [3] ")
                && footer.contains(" Nato allies"),
            "{w}x{h}: {footer}"
        );
        // Each side ends on a whole word of its sentence.
        for side in footer.split(" · [3] ") {
            let kept = side.trim_end_matches('…');
            let last = kept.split_whitespace().last().unwrap();
            let sentences = [
                "On Thursday, Hegseth asked NATO allies to ramp up defence spending to 5%, a target the US itself does not reach.",
                "Hegseth echoed calls by Trump for Nato allies to increase their defence spending to 5% of their GDP, instead of the current 2% target – saying the latter is “not enough”.",
            ];
            assert!(
                sentences
                    .iter()
                    .any(|s| s.split_whitespace().any(|w| w == last)),
                "{w}x{h}: {side:?} ends mid-word"
            );
        }
    }
}

/// A story with no substitution says so plainly, and says what is never
/// counted, so that the empty tab does not look broken.
#[test]
fn an_empty_wording_tab_says_what_is_not_counted() {
    let texts = [
        "Harbour bridge\n\nThe harbour bridge closed on Monday for repairs to its cables, the city said.\n\nTraffic was sent over the river by the old ferry road.\n",
        "Bridge shut\n\nThe harbour bridge closed on Monday for repairs to its cables, officials said.\n\nDrivers were told to use the ferry road instead.\n",
    ];
    let articles: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            storydiff::article::load_bytes(&format!("{i}.txt"), t.as_bytes(), &Default::default())
                .unwrap()
        })
        .collect();
    let s = story(&articles);
    assert!(s.wording.is_empty(), "{:?}", s.wording);
    let mut a = StoryApp::new(articles, s, Config::default(), (80, 24));
    while a.tab != Tab::Wording {
        a.update(Action::NextTab);
    }
    let text = screen(&a)
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("no recurring word substitutions between these outlets"),
        "{text}"
    );
    assert!(text.contains("Not counted: forms of one word"), "{text}");
    // Regression (tester on 1fa9472): the empty tab's status line still
    // offered "Enter compare" (and j/k), which did nothing there. It
    // offers the keys that act; Enter says there is nothing to open.
    let status = screen(&a).pop().unwrap();
    assert!(
        !status.contains("Enter") && !status.contains("j/k"),
        "{status}"
    );
    assert!(status.contains("Tab next tab"), "{status}");
    a.update(Action::Open);
    assert!(a.compare.is_none());
    let status = screen(&a).pop().unwrap();
    assert!(status.contains("nothing listed here to open"), "{status}");
    // The Articles tab lists the two, and offers both again.
    while a.tab != Tab::Articles {
        a.update(Action::NextTab);
    }
    let status = screen(&a).pop().unwrap();
    assert!(
        status.contains("Enter compare") && status.contains("j/k"),
        "{status}"
    );
}

/// Regression: at 30-59 columns the last tab names were cut off (no
/// `Disagreements`, half a `Wording`); every tab now shows, by its first
/// letters where the names do not fit.
#[test]
fn every_tab_shows_in_a_narrow_window() {
    for w in [30u16, 45, 70] {
        let a = app(w, 20);
        let tabs = &screen(&a)[1];
        let names: &[&str] = if w < 70 {
            &["Art", "Quo", "Cov", "Wrd", "Dis"]
        } else {
            &["Articles", "Quotes", "Coverage", "Wording", "Disagreements"]
        };
        for n in names {
            assert!(tabs.contains(n), "{w}: {n} missing from {tabs:?}");
        }
    }
}

#[test]
fn small_terminals() {
    for (w, h) in [(20, 5), (60, 15), (1, 1)] {
        let a = app(w, h);
        let lines = screen(&a);
        if w < 30 {
            assert!(lines.iter().any(|l| l.contains("too small")) || w < 9);
            assert!(lines.iter().any(|l| l.contains("q quits")) || w < 7 || h < 3);
        }
    }
}

#[test]
fn quote_and_coverage_tabs_on_screen() {
    let mut a = app(100, 30);
    a.update(Action::NextTab);
    insta::assert_snapshot!("story_view_quotes_100x30", screen(&a).join("\n"));
    a.update(Action::NextTab);
    a.update(Action::ScrollDown);
    insta::assert_snapshot!("story_view_coverage_100x30", screen(&a).join("\n"));
}

/// Types `query` into the column view's search and submits it.
fn search_columns(a: &mut StoryApp, query: &str) {
    a.update(Action::Search);
    let cols = a.columns.as_mut().expect("column view open");
    for c in query.chars() {
        cols.search_input(SearchEdit::Char(c));
    }
    cols.search_input(SearchEdit::Submit);
}

#[test]
fn column_view_puts_one_claim_on_one_row() {
    let mut a = app(160, 48);
    a.update(Action::Columns);
    let cols = a.columns.as_ref().expect("column view open");
    assert_eq!(cols.shown(), 5, "five columns of at least 30 at 160");
    assert!(cols.column_width() >= 30);
    // The 5% target: 000, 002 and 003 on one row, 001 (cut short) and 004 not.
    let row = cols
        .rows
        .iter()
        .find(|r| {
            r.cells[0].is_some_and(|s| cols.articles[0].text[s.range()].contains("5% of GDP"))
        })
        .expect("the 5% row");
    let carried: Vec<usize> = (0..5).filter(|&k| row.cells[k].is_some()).collect();
    assert_eq!(carried, vec![0, 2, 3], "{row:?}");
    // Every claim of the five articles is on exactly one row.
    assert_eq!(cols.rows.len(), a.story.claims.len());
    // Search finds it and the screen shows the three sentences side by side.
    search_columns(&mut a, "defence spending to 5");
    let lines = screen(&a);
    let shown = lines.join("\n");
    assert!(
        shown.contains("Closing the Nato meeting") && shown.contains("ramp up"),
        "{shown}"
    );
    assert!(lines[1].contains("[0] 000_") && lines[1].contains("[4] 004_"));
    a.update(Action::NextChange);
    a.update(Action::Quit);
    assert!(a.columns.is_none() && !a.quit, "q goes back to the story");
}

/// Regression: the column view opened on a sentence of `002` (its opening
/// run, which shares nothing, went above everything), and `000`'s first
/// sentence first showed about a hundred screen rows down. Rows follow the
/// leading column from its first sentence; every other article's own
/// sentences stand in its order, after the nearest claim they follow.
#[test]
fn column_rows_lead_with_the_first_article() {
    let articles = load_sample_story();
    let s = story(&articles);
    for columns in [vec![0, 1, 2, 3, 4], vec![3, 4, 0, 1, 2], vec![2, 0]] {
        let rows = storydiff::columns::column_rows(&s, &columns);
        let first = s
            .claims
            .iter()
            .flat_map(|c| &c.occurrences)
            .filter(|o| o.article == columns[0])
            .map(|o| o.span.start)
            .min()
            .expect("the leading article carries claims");
        assert_eq!(
            rows[0].cells[0].map(|c| c.start),
            Some(first),
            "{columns:?}: row 1 is the leading article's first sentence"
        );
        // The leading column reads in its own order down the rows.
        let lead: Vec<usize> = rows
            .iter()
            .filter_map(|r| r.cells[0])
            .map(|c| c.start)
            .collect();
        assert!(lead.windows(2).all(|w| w[0] < w[1]), "{columns:?}");
        // Each sentence a later column alone brings (no earlier column
        // carries its claim) follows its article's previous sentence with
        // no sentence of that article between.
        for k in 1..columns.len() {
            let mine: Vec<(usize, usize)> = rows
                .iter()
                .enumerate()
                .filter_map(|(i, r)| r.cells[k].map(|c| (c.start, i)))
                .collect();
            let mut by_text = mine.clone();
            by_text.sort_unstable();
            for (j, &(start, row)) in by_text.iter().enumerate().skip(1) {
                let brought = rows[row].cells[..k].iter().all(Option::is_none);
                let before = by_text[j - 1];
                if brought && rows[before.1].cells[..k].iter().all(Option::is_none) {
                    // In row order, the article's sentence just above is its predecessor.
                    let at = mine.iter().position(|m| m.1 == row).unwrap();
                    assert!(
                        at > 0 && mine[at - 1] == before,
                        "{columns:?}: column {k}'s sentence at byte {start} (row {row}) is not under its predecessor (row {})",
                        before.1
                    );
                }
            }
        }
    }
}

/// Regression: at 100 columns (three of five on screen) a search hit in a
/// column scrolled out of view was counted (`hit 3 of 3`) but not shown; and
/// a narrow window cut the head line before it said which columns show.
#[test]
fn column_search_brings_the_hits_column_into_view() {
    let mut a = app(100, 30);
    a.update(Action::Columns);
    search_columns(&mut a, "invested");
    let n = a.columns.as_ref().unwrap().hits.len();
    assert!(n >= 3, "{n} hits");
    let mut seen = Vec::new();
    for k in 0..n {
        if k > 0 {
            a.update(Action::NextHit);
        }
        let cols = a.columns.as_ref().unwrap();
        assert_eq!(
            cols.message.as_deref(),
            Some(format!("hit {} of {n}", k + 1).as_str())
        );
        let col = cols.hits[k].1;
        assert!(
            (cols.first..cols.first + cols.shown()).contains(&col),
            "hit {k} in column {col}, columns {}.. ({}) on screen",
            cols.first,
            cols.shown()
        );
        seen.push(col);
        assert!(screen(&a).join("\n").to_lowercase().contains("invested"));
    }
    assert!(
        seen.iter().any(|&c| c >= 3),
        "a hit beyond the first three columns: {seen:?}"
    );
    let mut narrow = app(60, 20);
    narrow.update(Action::Columns);
    assert!(
        screen(&narrow)[0].contains("columns 1–1 of 5"),
        "{}",
        screen(&narrow)[0]
    );
}

/// Regression: scrolled sideways at 100 columns (`l l`: columns 3–5), the
/// column view kept its offset when the window grew to 160, showing three
/// columns and hiding two though all five fit.
#[test]
fn a_wider_window_shows_every_column_that_fits() {
    let mut a = app(100, 48);
    a.update(Action::Columns);
    a.update(Action::Right);
    a.update(Action::Right);
    let cols = a.columns.as_ref().expect("column view open");
    assert_eq!((cols.first, cols.shown()), (2, 3), "columns 3–5 at 100");
    a.resize(160, 48);
    let cols = a.columns.as_ref().unwrap();
    assert_eq!((cols.first, cols.shown()), (0, 5), "all five at 160");
    let head = screen(&a)[0].clone();
    assert!(!head.contains("off screen"), "{head}");
    // Growing part way keeps the last column in view and fills the room.
    let mut a = app(100, 48);
    a.update(Action::Columns);
    a.update(Action::Right);
    a.update(Action::Right);
    a.resize(130, 48);
    let cols = a.columns.as_ref().unwrap();
    assert_eq!((cols.first, cols.shown()), (1, 4), "columns 2–5 at 130");
}

/// Regression: with three of five columns on screen, claims only the two off
/// screen carry took rows of empty cells (six in a row at 120 columns).
#[test]
fn column_view_shows_no_row_of_empty_cells() {
    let mut a = app(120, 40);
    a.update(Action::Columns);
    let lines = screen(&a);
    let cols = a.columns.as_ref().expect("column view open");
    assert_eq!(cols.shown(), 3);
    let hidden = cols.off_screen_rows();
    assert!(
        hidden > 0 && lines[0].contains(&format!("{hidden} claims off screen")),
        "{}",
        lines[0]
    );
    // A marker opens each row; the text under it is never all blank.
    let body = &lines[4..lines.len() - 1];
    for (i, l) in body.iter().enumerate() {
        if l.starts_with(['=', '~', '+']) {
            assert!(
                l[1..].chars().any(|c| !c.is_whitespace() && c != '│'),
                "empty row at {i}:\n{}",
                body.join("\n")
            );
        }
    }
    // A search hit only the last article carries brings its column on screen.
    let only_last = cols
        .rows
        .iter()
        .position(|r| r.carried() == 1 && r.cells[4].is_some())
        .expect("a claim of the last article alone");
    let span = cols.rows[only_last].cells[4].unwrap();
    let text = cols.articles[4].text[span.range()].to_lowercase();
    let needle: String = text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    a.update(Action::Search);
    for c in needle.chars() {
        a.columns
            .as_mut()
            .unwrap()
            .search_input(SearchEdit::Char(c));
    }
    a.columns.as_mut().unwrap().search_input(SearchEdit::Submit);
    let cols = a.columns.as_ref().unwrap();
    assert!(
        cols.first + cols.shown() > 4,
        "column [4] on screen, first {}",
        cols.first
    );
    assert!(screen(&a).join("\n").contains("[4] 004_"));
}

#[test]
fn marked_articles_are_the_columns() {
    let mut a = app(160, 48);
    // None marked: the selected article and the next ones, wrapping round.
    a.update(Action::Bottom);
    a.update(Action::ScrollUp);
    assert_eq!(a.column_choice(), Some(vec![3, 4, 0, 1, 2]));
    // Space marks the selected article; one mark is not a column view.
    a.update(Action::MarkArticle);
    a.update(Action::Columns);
    assert!(a.columns.is_none(), "one marked article opens nothing");
    assert!(a
        .message
        .as_deref()
        .is_some_and(|m| m.contains("mark another")));
    a.update(Action::Top);
    a.update(Action::MarkArticle);
    a.update(Action::ScrollDown);
    a.update(Action::ScrollDown);
    a.update(Action::MarkArticle);
    assert!(screen(&a).iter().any(|l| l.contains("✓ [2] 002_")));
    assert!(screen(&a).iter().any(|l| l.contains("  [1] 001_")));
    // The selected article (marked) leads, then the others in list order.
    a.update(Action::Columns);
    let cols = a.columns.as_ref().expect("column view open");
    assert_eq!(cols.indices, vec![2, 0, 3]);
    assert_eq!(cols.shown(), 3);
    assert!(cols.column_width() > 50, "three columns share the width");
    let lines = screen(&a);
    assert!(lines[0].contains("columns 1–3 of 3"), "{}", lines[0]);
    assert!(lines[1].contains("[2] 002_") && lines[1].contains("[3] 003_"));
    assert!(!lines[1].contains("[1] 001_") && !lines[1].contains("[4] 004_"));
    // The 5% target of 002, 000 and 003 on one row.
    let row = cols
        .rows
        .iter()
        .find(|r| {
            r.cells[0].is_some_and(|s| cols.articles[0].text[s.range()].contains("spending to 5%"))
        })
        .expect("the 5% row");
    assert_eq!(row.carried(), 3, "{row:?}");
    a.update(Action::Quit);
    // Unmarking all goes back to the default; other tabs page with Space.
    for i in [0, 2, 3] {
        a.row = i;
        a.update(Action::MarkArticle);
    }
    assert!(a.marked.iter().all(|&m| !m));
    a.update(Action::NextTab);
    a.update(Action::Top);
    a.update(Action::MarkArticle);
    assert!(
        a.row > 0 && a.marked.iter().all(|&m| !m),
        "Space pages the quote list"
    );
}

#[test]
fn a_related_pair_opens_by_claims_with_the_story_count_and_similarity() {
    let mut a = app(160, 48);
    let n = a.articles.len();
    let mut checked = 0;
    for i in 0..n {
        for j in i + 1..n {
            let pair = a.story.pair(i, j).unwrap().clone();
            a.open(i, j, None);
            let (cmp, _, _) = a.compare.as_ref().unwrap();
            let c = &cmp.ready.as_ref().unwrap().comparison;
            // One similarity: the heatmap's number is the status line's.
            let status = screen(&a).last().unwrap().clone();
            assert!(
                status.contains(&format!("sim {:.2}", pair.similarity)),
                "[{i}] [{j}] story {:.2}: {status}",
                pair.similarity
            );
            match pair.relation {
                Relation::Related => {
                    let shared = c
                        .by_claims
                        .expect("related pairs open by claims")
                        .shared_claims;
                    assert_eq!(shared, pair.shared_sentences, "[{i}] [{j}]");
                    let status = screen(&a).last().unwrap().clone();
                    assert!(
                        status.contains(&format!(
                            "{shared} shared claim{}",
                            if shared == 1 { " " } else { "s" }
                        )),
                        "{status}"
                    );
                    checked += 1;
                }
                _ => assert!(c.by_claims.is_none(), "[{i}] [{j}]: reprints open in order"),
            }
            a.update(Action::Quit);
        }
    }
    assert!(checked >= 6, "{checked} related pairs");
}

#[test]
fn switching_tabs_keeps_each_tabs_selection() {
    let mut a = app(120, 40);
    a.update(Action::ScrollDown);
    a.update(Action::ScrollDown);
    assert_eq!(a.row, 2);
    a.update(Action::NextTab);
    assert_eq!(a.row, 0, "the quote tab starts at its top");
    a.update(Action::ScrollDown);
    let start = a.tab;
    loop {
        a.update(Action::NextTab);
        if a.tab == Tab::Articles {
            break;
        }
        assert_ne!(a.tab, start, "the tabs come round to the articles");
    }
    assert_eq!(a.row, 2, "back on the articles, [2] is still selected");
    a.update(Action::NextTab);
    assert_eq!(a.row, 1, "and the quote tab kept its own");
}

/// Twenty short articles, each on its own subject.
fn twenty(w: u16, h: u16) -> StoryApp {
    let topics = [
        "harbour",
        "orchard",
        "library",
        "railway",
        "glacier",
        "vineyard",
        "stadium",
        "bakery",
        "festival",
        "bridge",
        "museum",
        "airport",
        "forest",
        "theatre",
        "market",
        "hospital",
        "reservoir",
        "castle",
        "brewery",
        "lighthouse",
    ];
    let articles: Vec<storydiff::article::Article> = topics
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let text = format!(
                "The {t} story number {i}\n\nWorkers at the {t} reported {i} new findings on Tuesday.\n\n\
                 Visitors to the {t} said the changes were welcome and overdue.\n"
            );
            storydiff::article::load_bytes(
                &format!("{i:02}_{t}.txt"),
                text.as_bytes(),
                &storydiff::article::LoadOptions::default(),
            )
            .unwrap()
        })
        .collect();
    let s = story(&articles);
    StoryApp::new(articles, s, Config::default(), (w, h))
}

/// The heatmap's row `[i]` (the list's rows start with their marker and
/// name the words).
fn heatmap_row(lines: &[String], i: usize) -> Option<&String> {
    let label = format!("[{i}]");
    lines
        .iter()
        .find(|l| l.starts_with(&label) && !l.contains("words"))
}

/// Whether the heatmap's column heads name `[j]`.
fn heatmap_heads_have(lines: &[String], j: usize) -> bool {
    let head = format!("[{j}]");
    lines
        .iter()
        .skip_while(|l| !l.starts_with("similarity"))
        .nth(1)
        .is_some_and(|l| l.contains(&head))
}

#[test]
fn heatmap_follows_the_selected_row_and_column() {
    let mut a = twenty(120, 40);
    let lines = screen(&a);
    assert!(heatmap_row(&lines, 0).is_some(), "{}", lines.join("\n"));
    assert!(
        heatmap_row(&lines, 19).is_none(),
        "the heatmap shows only the rows that fit"
    );
    assert!(!heatmap_heads_have(&lines, 19));
    a.update(Action::Bottom);
    assert_eq!(a.row, 19);
    let lines = screen(&a);
    assert!(heatmap_row(&lines, 19).is_some(), "{}", lines.join("\n"));
    // The selected column follows h/l too, to the last article and back.
    a.update(Action::Top);
    assert_eq!(a.col, 1);
    for _ in 0..18 {
        a.update(Action::Right);
    }
    assert_eq!((a.row, a.col), (0, 19));
    let lines = screen(&a);
    assert!(heatmap_heads_have(&lines, 19), "{}", lines.join("\n"));
    assert!(heatmap_row(&lines, 0).is_some());
    a.update(Action::Right);
    assert_eq!(a.col, 1);
    let lines = screen(&a);
    assert!(heatmap_heads_have(&lines, 1), "{}", lines.join("\n"));
    // The marked cell (reversed) is the selected pair's, on screen.
    a.update(Action::Bottom);
    for _ in 0..17 {
        a.update(Action::Right);
    }
    assert_eq!((a.row, a.col), (19, 18));
    let (w, h) = a.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, &a)).unwrap();
    let buf = t.backend().buffer().clone();
    let lines = screen(&a);
    let row19 = heatmap_row(&lines, 19).expect("row [19] on the heatmap");
    let y = lines.iter().position(|l| l == row19).unwrap() as u16;
    let reversed = (0..w)
        .filter(|&x| {
            buf[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .count();
    assert!(
        reversed > 0,
        "the selected pair's cell is drawn on row [19]"
    );
    let lines = screen(&a);
    assert!(heatmap_row(&lines, 19).is_some() && heatmap_heads_have(&lines, 18));
}

#[test]
fn an_altered_quotation_shows_its_other_wording() {
    let mut a = app(120, 40);
    a.update(Action::NextTab);
    let row = a
        .story
        .quotes
        .iter()
        .position(|q| q.altered && q.text.contains("invested"))
        .expect("Hegseth's quotation is altered");
    for _ in 0..row {
        a.update(Action::ScrollDown);
    }
    let lines = screen(&a);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("▶") && l.contains("altered “")),
        "{lines:#?}"
    );
    // Under the list, the other wording's word diff, wrapped over the rows
    // kept for it, up to the carried-by line.
    let first = lines
        .iter()
        .position(|l| l.trim_start().starts_with('[') && (l.contains("[-") || l.contains("{+")))
        .unwrap_or_else(|| panic!("a word diff under the list: {lines:#?}"));
    let variant = lines[first..]
        .iter()
        .take_while(|l| !l.starts_with("carried by"))
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        variant.contains("[-United States-] {+US+}") && variant.contains("[-and interested-]"),
        "{variant}"
    );
    // A quotation carried word for word shows no wording under the list.
    a.update(Action::Top);
    assert!(!screen(&a).iter().any(|l| l.contains("{+")));
}

/// Articles from texts, named `outlet0.txt`, `outlet1.txt`, ….
fn outlets(texts: &[&str]) -> Vec<storydiff::article::Article> {
    use storydiff::article::{load_bytes, LoadOptions};
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            load_bytes(
                &format!("outlet{i}.txt"),
                t.as_bytes(),
                &LoadOptions::default(),
            )
            .unwrap()
        })
        .collect()
}

#[test]
fn disagreements_tab_lists_figures_that_differ_and_opens_both_sides() {
    let texts = [
        "Inflation report\n\nConsumer prices rose 5% in the year to March, the statistics office said on Tuesday.\n\nThe figure was published in Brussels by the agency.\n\nEconomists had expected a smaller rise after months of falling energy prices.\n",
        "Prices climb\n\nConsumer prices rose 3.5% in the year to March, the statistics office said on Tuesday.\n\nThe figure was published in Luxembourg by the agency.\n\nEconomists had expected a smaller rise after months of falling energy prices.\n",
        "Prices up\n\nConsumer prices rose 5 per cent in the year to March, the statistics office said on Tuesday.\n\nThe figure was published in Brussels by the agency.\n\nEconomists had expected a smaller rise after months of falling energy prices.\n",
    ];
    let articles = outlets(&texts);
    let s = story(&articles);
    let mut a = StoryApp::new(articles, s, Config::default(), (120, 30));
    while a.tab != Tab::Disagreements {
        a.update(Action::NextTab);
    }
    let lines = screen(&a);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("# “5” [0] [2] ↔ “3.5” [1]") && l.contains("Consumer prices")),
        "{lines:#?}"
    );
    assert!(lines
        .iter()
        .any(|l| l.contains("N “Brussels” [0] [2] ↔ “Luxembourg” [1]")));
    // Under the list, the two sentences of the selected one.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("[0] Consumer prices rose 5%") && l.contains("· [1] Consumer")),
        "{lines:#?}"
    );
    a.update(Action::Open);
    let (_, old, new) = a.compare.as_ref().expect("a pair opens");
    assert_eq!((*old, *new), (0, 1));
}

/// Regression: Enter on a disagreement near the end of a pair a row taller
/// than the screen scrolled as far as the end allows, so the title's first
/// row stood above the top; a passage the first screen shows whole opens
/// from the top.
#[test]
fn a_disagreement_on_the_first_screen_opens_from_the_top() {
    let texts = [
        "Inflation report on the prices of the year\n\nEconomists had expected a smaller rise after months of falling energy prices.\n\nThe figure was published in Brussels by the agency.\n\nConsumer prices rose 5% in the year to March, the statistics office said on Tuesday.\n\nThe office will publish the next figures in May.\n",
        "Prices climb again in the spring of the year\n\nEconomists had expected a smaller rise after months of falling energy prices.\n\nThe figure was published in Brussels by the agency.\n\nConsumer prices rose 3.5% in the year to March, the statistics office said on Tuesday.\n\nThe office will publish the next figures in May.\n",
        "Prices up\n\nEconomists had expected a smaller rise after months of falling energy prices.\n\nThe figure was published in Brussels by the agency.\n\nConsumer prices rose 5 per cent in the year to March, the statistics office said on Tuesday.\n\nThe office will publish the next figures in May.\n",
    ];
    let articles = outlets(&texts);
    let s = story(&articles);
    let mut cut_before = 0;
    for h in 8..30u16 {
        let mut a = StoryApp::new(articles.clone(), s.clone(), Config::default(), (60, h));
        while a.tab != Tab::Disagreements {
            a.update(Action::NextTab);
        }
        a.update(Action::Open);
        let (cmp, _, _) = a.compare.as_ref().expect("a pair opens");
        let r = cmp.ready.as_ref().expect("aligned");
        let total = r.layout.total_rows();
        let height = u64::from(cmp.content_height());
        // The document is taller than the screen, but not by much: the
        // disagreement (before the last passage) is on the first screen.
        if total > height && total <= height + 2 {
            cut_before += 1;
            assert_eq!(cmp.top, 0, "height {h}: {:#?}", screen(&a));
        }
    }
    assert!(cut_before > 0, "no height tried the case");
}

/// Four outlets of one trade story, three quoting "better theater" and one
/// "better television"; one prints "$25 billion" where the others print "$20
/// billion". Shared by the ledger tests here and in `edits.rs`.
fn altered_quotes_story() -> Vec<storydiff::article::Article> {
    let text = |figure: &str, word: &str| {
        format!(
            "Trade talks drag on as deadline nears\n\n\
             Negotiators from Washington and Beijing met again on Thursday without a deal on tariffs for soybeans.\n\n\
             “My people had ${figure} billion done,” Mr. Trump recounted at a rally in Ohio on Monday evening.\n\n\
             “It makes for better {word} to hold this to the last minute,” said Phil Levy, a former trade adviser.\n\n\
             Farmers in Iowa said the delays had cost them buyers for a second season running.\n"
        )
    };
    let texts = [
        text("20", "theater"),
        text("25", "theater"),
        text("20", "television"),
        text("20", "theater"),
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            storydiff::article::load_bytes(
                &format!("{i}.txt"),
                t.as_bytes(),
                &storydiff::article::LoadOptions::default(),
            )
            .unwrap()
        })
        .collect()
}

/// Regression (QA r5 D3/D4): a figure changed inside a short quotation made
/// two ledger rows, and an altered quotation was headed by the one outlet's
/// wording (the longer word) with the majority listed as the variant; Enter
/// opened two articles with the same wording.
#[test]
fn an_altered_quotation_is_one_row_headed_by_the_majority_wording() {
    let articles = altered_quotes_story();
    let s = story(&articles);
    let figure: Vec<_> = s
        .quotes
        .iter()
        .filter(|q| q.text.contains("billion done"))
        .collect();
    assert_eq!(figure.len(), 1, "one row: {figure:#?}");
    let q = figure[0];
    assert_eq!(q.articles(), vec![0, 1, 2, 3]);
    assert!(q.altered && q.text.contains("$20 billion"), "{q:#?}");
    assert_eq!(q.variants.len(), 1);
    assert_eq!(q.variants[0].occurrence.article, 1);

    let (row, q) = s
        .quotes
        .iter()
        .enumerate()
        .find(|(_, q)| q.text.contains("last minute"))
        .unwrap();
    assert!(q.altered && q.text.contains("better theater"), "{q:#?}");
    assert_eq!(q.articles(), vec![0, 1, 2, 3]);
    assert_eq!(q.variants.len(), 1);
    assert_eq!(q.variants[0].occurrence.article, 2);

    // Enter on it opens an article with the headline wording beside the one
    // that words it differently.
    let mut a = StoryApp::new(articles, s, Config::default(), (120, 40));
    a.update(Action::NextTab);
    for _ in 0..row {
        a.update(Action::ScrollDown);
    }
    a.update(Action::Open);
    let (_, old, new) = a.compare.as_ref().expect("a pair opens");
    assert_eq!(*new, 2, "the variant's article is opened");
    assert_ne!(*old, 2);
}

/// The coverage table puts on one row only sentences whose own pair pairs
/// them: NYT's Cuomo lead, which Fox's pairs but The Hill's does not (the
/// two alone share no claim, `unrelated` on their own evidence), is not on
/// the row of The Hill's and Fox's (it once was, through the third article:
/// the row then said NYT and The Hill share a claim that the two alone keep
/// apart). Enter on that claim opens the pair as it is on its own — as
/// `storydiff A B` and `diff --by claims` show it — with the count the
/// story's pair list gives it. (QA r5 D2 once had it shown by the story's
/// claims instead: the same pair then counted one thing opened alone and
/// another opened from the story.)
#[test]
fn a_claim_opens_a_pair_as_it_is_on_its_own() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/same-event");
    let paths = ["5793-left.txt", "5793-center.txt", "5793-right.txt"];
    let Ok(articles) = paths
        .iter()
        .map(|p| {
            storydiff::article::load_article(
                &format!("{dir}/{p}"),
                &storydiff::article::LoadOptions::default(),
            )
        })
        .collect::<Result<Vec<_>, _>>()
    else {
        eprintln!("the same-event set is absent: skipped");
        return;
    };
    let s = story(&articles);
    let (row, _) = s
        .claims
        .iter()
        .enumerate()
        .find(|(_, c)| c.articles() == vec![1, 2] && c.text.contains("Cuomo"))
        .expect("the lead claim of The Hill and Fox");
    let alone = storydiff::align::align_by_claims(
        &articles[1],
        &articles[2],
        &storydiff::align::AlignOptions::default(),
    );
    let alone = alone.by_claims.expect("by claims").shared_claims;
    assert_eq!(alone, s.pair(1, 2).unwrap().shared_sentences);
    assert_eq!(s.pair(0, 1).unwrap().shared_sentences, 0);
    assert!(
        s.claims.iter().all(|c| !c.articles().starts_with(&[0, 1])),
        "no row gives NYT and The Hill a claim their pair does not pair"
    );
    let mut a = StoryApp::new(articles, s.clone(), Config::default(), (120, 40));
    while a.tab != Tab::Coverage {
        a.update(Action::NextTab);
    }
    for _ in 0..row {
        a.update(Action::ScrollDown);
    }
    a.update(Action::Open);
    let (cmp, old, new) = a.compare.as_ref().expect("a pair opens");
    assert_eq!((*old, *new), (1, 2));
    let r = cmp.ready.as_ref().expect("aligned");
    let claims = [Some(&r.comparison), r.other.as_ref().map(|o| &o.comparison)]
        .into_iter()
        .flatten()
        .find_map(|c| c.by_claims)
        .expect("aligned by claims too");
    assert_eq!(claims.shared_claims, alone);
    let status = screen(&a).last().unwrap().clone();
    assert!(status.contains("[1] ↔ [2]"), "{status}");
}

/// What the story view tells about a pair is one count, the pair's own: for
/// every pair of the samples' story and of every event's story in the
/// same-event set, the pair list's `shared_sentences`, the shared claims of
/// the compare view opened on the pair from the story (its status line, and
/// after `a` switches alignment) and `diff --by claims` of the two alone are
/// equal. The column view's rows come from the story's claims, across all
/// its articles: a row never gives two articles sentences of which the pair
/// alone pairs one with another sentence (it may give two that the pair
/// leaves both unpaired, bridged by a third article); the pairs whose rows
/// differ from the pair's own (bridged rows, or rows lacking some of them: a
/// sentence of a third article that each of the two pairs with stands on
/// one row with only one of them) are counted, printed and held under a
/// ceiling.
#[test]
fn a_pair_shares_one_count_of_claims_across_the_story_view() {
    let mut stories = vec![("samples".to_string(), load_sample_story())];
    let events = same_event_stories();
    let whole_set = events.is_some();
    match events {
        Some(events) => stories.extend(events),
        None => eprintln!("the same-event set is absent: only the samples"),
    }
    let (mut pairs, mut off, mut rows_off, mut rows_beyond) = (0, Vec::new(), 0, Vec::new());
    for (name, articles) in stories {
        let s = story(&articles);
        let mut a = StoryApp::new(articles.clone(), s.clone(), Config::default(), (160, 48));
        for p in &s.pairs {
            let alone = storydiff::align::shared_claims(&articles[p.a], &articles[p.b]);
            let rows = storydiff::columns::column_rows(&s, &[p.a, p.b]);
            let mut both: Vec<_> = rows
                .iter()
                .filter_map(|r| Some((r.cells[0]?, r.cells[1]?)))
                .collect();
            both.sort_by_key(|b| b.0.start);
            let linked: Vec<_> = alone.iter().map(|c| (c.old, c.new)).collect();
            rows_off += usize::from(both != linked);
            // A row may hold two sentences the pair leaves both unpaired
            // (bridged by a third article's sentence each pairs with),
            // never one the pair pairs with another.
            let paired = |b: &(storydiff::article::Span, storydiff::article::Span)| {
                linked.iter().any(|l| l.0 == b.0 || l.1 == b.1)
            };
            if both.iter().any(|b| !linked.contains(b) && paired(b)) {
                rows_beyond.push(format!("{name} [{}] [{}]", p.a, p.b));
            }
            a.open(p.a, p.b, None);
            let (cmp, _, _) = a.compare.as_ref().expect("a pair opens");
            let c = &cmp.ready.as_ref().expect("aligned").comparison;
            let shown = c.by_claims.map(|b| b.shared_claims);
            let status = screen(&a).last().unwrap().clone();
            pairs += 1;
            let agrees = alone.len() == p.shared_sentences
                && match shown {
                    Some(k) => {
                        k == p.shared_sentences
                            && status.contains(&format!(
                                "{k} shared claim{}",
                                if k == 1 { " " } else { "s" }
                            ))
                    }
                    // In order: a reprint, or nothing shared.
                    None => {
                        matches!(p.relation, Relation::Identical | Relation::Reprint)
                            || p.shared_sentences == 0
                            || status.contains(&format!("{} shared claim", p.shared_sentences))
                    }
                };
            // `a` switches to the other alignment: by claims it is the pair's too.
            a.update(Action::ByClaims);
            let (cmp, _, _) = a.compare.as_ref().expect("still open");
            let switched = cmp.ready.as_ref().unwrap().comparison.by_claims;
            let agrees = agrees && switched.is_none_or(|b| b.shared_claims == p.shared_sentences);
            if !agrees {
                off.push(format!(
                    "{name} [{}] [{}] {:?}: story {}, alone {}, compare {shown:?}, after a {:?}",
                    p.a,
                    p.b,
                    p.relation,
                    p.shared_sentences,
                    alone.len(),
                    switched.map(|b| b.shared_claims)
                ));
            }
            a.update(Action::Quit);
        }
    }
    eprintln!(
        "{pairs} pairs; {} count otherwise; column rows of the pair other than its own pairs: {rows_off}",
        off.len()
    );
    assert!(off.is_empty(), "{}", off.join("\n"));
    assert!(
        rows_beyond.is_empty(),
        "rows pairing what the pair pairs otherwise: {}",
        rows_beyond.join(", ")
    );
    // 67 of 436 with rows bridged by a third article (66 before them; 64,
    // then rows beyond the pair's own included, before rows were joined
    // only where the pairs pair them all; 81 when the rows came from a
    // search of their own).
    // The ceiling is the whole set's share: ten sample pairs alone are
    // too few to hold it (4 of them have such rows).
    if whole_set {
        assert!(rows_off <= pairs * 16 / 100 + 2, "{rows_off} of {pairs}");
    } else {
        eprintln!("skipped the ceiling on bridged rows: the same-event set is absent");
    }
}

/// Each event of the same-event set as one story (its files in name order).
fn same_event_stories() -> Option<Vec<(String, Vec<storydiff::article::Article>)>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/same-event");
    let mut events: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for e in std::fs::read_dir(dir).ok()?.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(event) = name.strip_suffix(".txt").and_then(|n| n.split('-').next()) {
            events.entry(event.to_string()).or_default().push(name);
        }
    }
    let load = |n: &String| {
        storydiff::article::load_article(
            &format!("{dir}/{n}"),
            &storydiff::article::LoadOptions::default(),
        )
        .unwrap()
    };
    Some(
        events
            .into_iter()
            .map(|(event, mut names)| {
                names.sort();
                (event, names.iter().map(load).collect())
            })
            .collect(),
    )
}

/// Regression: the column view's `?` listed its keys only, and the manual
/// page's `=` ("equal on both sides") is not what `=` means there (every
/// article of the view carries the row's claim). Its help lists each mark
/// with what it means in the column view.
#[test]
fn column_view_help_says_what_its_marks_mean() {
    let mut a = app(160, 48);
    a.update(Action::Columns);
    a.update(Action::Help);
    let lines = screen(&a);
    for (mark, means) in storydiff::tui::columns::MARKERS {
        let opening: String = means.split(' ').take(4).collect::<Vec<_>>().join(" ");
        let line = lines
            .iter()
            .find(|l| l.contains(&opening))
            .unwrap_or_else(|| panic!("{mark} {opening:?}:\n{}", lines.join("\n")));
        assert!(line.contains(&format!("{mark} ")), "{line}");
    }
    assert!(lines
        .join("\n")
        .contains("every article of the view carries the claim"));
}

/// Regression: `]c`/`[c` to a row in the last screenful could not bring it
/// to the top, and nothing showed which row was "partly shared claim 1 of
/// 2". The row a jump or search went to carries `▶` beside its mark until
/// the view scrolls.
#[test]
fn column_view_marks_the_row_a_jump_went_to() {
    let mut a = app(160, 48);
    a.update(Action::Columns);
    a.update(Action::Bottom);
    a.update(Action::PrevChange);
    let cols = a.columns.as_ref().expect("column view open");
    let target = cols.target().expect("a jump target");
    assert_eq!(Some(&target), cols.partial_rows().last());
    let lines = screen(&a);
    let pointed: Vec<usize> = (0..lines.len())
        .filter(|&y| lines[y].chars().nth(1) == Some('▶'))
        .collect();
    assert_eq!(pointed.len(), 1, "{}", lines.join("\n"));
    let y = pointed[0];
    assert!(matches!(lines[y].chars().next(), Some('~')), "{}", lines[y]);
    // Scrolling away drops the mark; a search hit is marked the same way.
    a.update(Action::Top);
    assert!(a.columns.as_ref().unwrap().target().is_none());
    assert!(!screen(&a).iter().any(|l| l.chars().nth(1) == Some('▶')));
    search_columns(&mut a, "5% of GDP");
    assert!(screen(&a).iter().any(|l| l.chars().nth(1) == Some('▶')));
}

/// Regression: `c` on a story of six articles opened "columns 1–5 of 5
/// articles", and nothing said a sixth exists or how to see it. The head
/// counts the story's articles and says Space chooses.
#[test]
fn column_view_says_the_story_has_more_articles() {
    let mut articles = load_sample_story();
    let mut copy = articles[2].clone();
    copy.path = "sample-data/005_copy.txt".into();
    articles.push(copy);
    let s = story(&articles);
    let mut a = StoryApp::new(articles, s, Config::default(), (200, 40));
    a.update(Action::Columns);
    let head = screen(&a)[0].clone();
    assert!(head.contains("columns 1–5 of 5 articles"), "{head}");
    assert!(head.contains("1 more in the story of 6"), "{head}");
    assert!(head.contains("Space"), "{head}");
    // Five samples: nothing more to say.
    let mut a = app(200, 40);
    a.update(Action::Columns);
    assert!(!screen(&a)[0].contains("more in the story"));
}

/// Regression: the Quotes tab of a story without quotations showed its head
/// `01  quote — speaker` over an empty pane; it says so in a sentence, as
/// the Wording and Disagreements tabs do.
#[test]
fn quotes_tab_without_quotations_says_so() {
    use storydiff::article::{load_bytes, LoadOptions};
    let texts = [
        "Storm hits coast\n\nA storm hit the northern coast on Monday, cutting power to thousands of homes.\n\nSchools stayed closed in three towns.\n",
        "Coastal storm\n\nA storm struck the northern coast on Monday and cut power to thousands of homes.\n\nRoads were flooded near the harbour.\n",
    ];
    let articles: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            load_bytes(&format!("{i}.txt"), t.as_bytes(), &LoadOptions::default()).unwrap()
        })
        .collect();
    let s = story(&articles);
    assert!(s.quotes.is_empty());
    let mut a = StoryApp::new(articles, s, Config::default(), (100, 30));
    while a.tab != Tab::Quotes {
        a.update(Action::NextTab);
    }
    let shown = screen(&a).join("\n");
    assert!(shown.contains("no quotation in these articles"), "{shown}");
}

/// Regression: in the same-event pile, story 4 (5610, "Clean energy program
/// likely to be dropped…") listed its New York Post article as "unrelated
/// to the rest" in a story of 3 articles. That member reports the same event
/// (as do all 15 such members in the pile); the list says what puts it there.
#[test]
fn a_member_no_other_is_related_to_says_why_it_is_in_the_story() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/same-event");
    let load = |side: &str| {
        let p = format!("{dir}/5610-{side}.txt");
        storydiff::article::load_article(&p, &Default::default()).ok()
    };
    let Some(articles) = ["left", "center", "right"]
        .iter()
        .map(|s| load(s))
        .collect::<Option<Vec<_>>>()
    else {
        eprintln!("the same-event set is absent");
        return;
    };
    let s = story(&articles);
    let lone = (0..3).find(|&i| {
        (0..3)
            .filter(|&j| j != i)
            .all(|j| s.pair(i, j).unwrap().relation == Relation::Unrelated)
    });
    let Some(lone) = lone else {
        eprintln!("every member is related to another now");
        return;
    };
    let a = StoryApp::new(articles, s, Config::default(), (200, 40));
    let shown = screen(&a).join("\n");
    assert!(!shown.contains("unrelated to the rest"), "{shown}");
    let row = screen(&a)
        .into_iter()
        .find(|l| l.contains(&format!("[{lone}]")))
        .unwrap();
    assert!(row.contains("in the story for shared names ("), "{row}");
}

/// Regression: at 80 columns the story view's key hints were cut mid-word
/// (`… · c columns · Tab…`) and the head line lost its last count
/// (`34 sha…`). The hints now shorten, then drop off whole, least important
/// last; the head drops its words before its counts. Likewise the column
/// view's head and status line.
#[test]
fn head_and_hints_are_never_cut_mid_word() {
    let whole = |line: &str, what: &str, w: u16| {
        assert!(!line.contains('…'), "{w}: {what} cut: {line:?}");
        assert!(
            storydiff::tui::layout::str_width(line.trim_end()) <= w as usize,
            "{w}: {line:?}"
        );
    };
    for w in [160u16, 120, 80, 60, 40] {
        let mut a = app(w, 24);
        for _ in 0..5 {
            let lines = screen(&a);
            let (head, hints) = (&lines[0], &lines[23]);
            whole(head, "head", w);
            assert!(head.contains("5 articles"), "{w}: {head:?}");
            whole(hints, "hints", w);
            assert!(hints.contains("Enter compare"), "{w}: {hints:?}");
            if w >= 60 {
                assert!(
                    hints.contains("? help") && hints.contains("q quit"),
                    "{w}: {hints:?}"
                );
            }
            if w >= 80 {
                assert!(head.contains(" shared claims"), "{w}: {head:?}");
            }
            if a.tab == Tab::Articles {
                // An article's row keeps its relations (the title gives way),
                // and the heatmap's legend is whole.
                if w >= 80 {
                    let row = lines[3].trim_end();
                    assert!(row.contains("reprint of [1]"), "{w}: {row:?}");
                    assert!(row.ends_with("others"), "{w}: relations whole: {row:?}");
                }
                let legend = lines.iter().find(|l| l.contains("r reprint"));
                let legend = legend.unwrap_or_else(|| panic!("{w}: no legend: {lines:?}"));
                whole(legend, "heatmap legend", w);
            }
            if matches!(a.tab, Tab::Quotes | Tab::Coverage) {
                // What the selected row stands on: who carries it, who not.
                let carried = &lines[22];
                whole(carried, "carried-by line", w);
                assert!(carried.contains("[0]"), "{w}: {carried:?}");
            }
            a.update(Action::NextTab);
        }
        a.update(Action::Columns);
        let lines = screen(&a);
        whole(&lines[0], "column head", w);
        assert!(lines[0].contains("columns 1–"), "{w}: {:?}", lines[0]);
        whole(&lines[23], "column status", w);
        assert!(
            lines[23].contains("row 1/")
                && lines[23].contains("Top")
                && lines[23].contains("? help"),
            "{w}: {:?}",
            lines[23]
        );
        // A pair opened from the story says how to go back, whole.
        a.update(Action::Quit);
        a.update(Action::Open);
        let status = screen(&a)[23].clone();
        assert!(status.contains("q back"), "{w}: {status:?}");
        if w >= 60 {
            assert!(!status.contains('…'), "{w}: {status:?}");
        }
        a.update(Action::Quit);
    }
}

/// Whether `shown` is `full` whole or cut after a whole word of it (`…`).
fn cut_at_a_word(shown: &str, full: &str) -> bool {
    let Some(kept) = shown.strip_suffix('…') else {
        return shown == full;
    };
    let kept = kept.trim_end();
    full.starts_with(kept)
        && full[kept.len()..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '…')
}

/// Regression (a walk at 100×20, 80×24 and 160×48): article titles were cut
/// mid-word ("hard line on European def…", "(no title) The US Secret…"),
/// and the Disagreements line under the list showed one side's sentence
/// only, so the differing word ("fifth" in [3]) was never on screen. Help
/// said nothing of the marks (●·, altered, ×2, spelling, capitals).
#[test]
fn story_view_titles_sides_and_marks_at_three_sizes() {
    for (w, h) in [(100, 20), (80, 24), (160, 48)] {
        let mut a = app(w, h);
        let lines = screen(&a);
        for i in 0..a.articles.len() {
            let full = storydiff::display::one_line(&a.articles[i].title_line());
            let row = lines
                .iter()
                .find(|l| l.contains(&format!("[{i}] 00{i}_")))
                .unwrap();
            let parts: Vec<&str> = row.trim_end().split(" · ").collect();
            // The title, where the row has room for it, is its second part.
            if let Some(t) = parts
                .get(1)
                .filter(|t| !t.starts_with("reprint") && !t.starts_with("related"))
            {
                assert!(cut_at_a_word(t, &full), "{w}x{h}: {t:?} of {full:?}");
            }
        }
        while a.tab != Tab::Disagreements {
            a.update(Action::NextTab);
        }
        let lines = screen(&a);
        let footer = lines[h as usize - 2].trim_end();
        assert!(
            footer.starts_with("[0] ") && footer.contains(" · [3] ") && footer.contains("fifth"),
            "{w}x{h}: {footer:?}"
        );
    }
    let a = app(100, 20);
    let help: Vec<String> = a.help_lines().into_iter().map(|(k, _)| k).collect();
    for mark in ["●●·●·", "altered", "# N", "×3", "· spelling", "· capitals"] {
        assert!(help.iter().any(|k| k == mark), "{mark}: {help:?}");
    }
}
