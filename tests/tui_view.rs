//! The compare view on ratatui's TestBackend: whole-screen snapshots at fixed
//! sizes (symbols only), colours and markers checked separately, and
//! navigation driven through `Action`s.

use std::sync::Arc;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use ratatui::Terminal;
use storydiff::article::{load_article, load_bytes, Article, LoadOptions};
use storydiff::tui::action::Action;
use storydiff::tui::app::{prepare, App, SearchEdit};
use storydiff::tui::config::Config;
use storydiff::tui::theme::{Theme, ThemeName};
use storydiff::tui::view::draw;

fn sample(prefix: &str) -> Article {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data");
    let p = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_str().unwrap().starts_with(prefix))
        .unwrap();
    let mut a = load_article(p.to_str().unwrap(), &LoadOptions::default()).unwrap();
    a.path = format!("sample-data/{}", p.file_name().unwrap().to_str().unwrap());
    a
}

fn case(name: &str, side: &str) -> Article {
    let p = format!("{}/tests/cases/{name}/{side}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&p).unwrap();
    load_bytes(&format!("{name}/{side}"), &bytes, &LoadOptions::default()).unwrap()
}

fn app(old: Article, new: Article, w: u16, h: u16) -> App {
    let config = Config {
        theme: ThemeName::Dark,
        ..Config::default()
    };
    let mut app = App::new(Arc::new(old), Arc::new(new), config, (w, h));
    let p = prepare(&app.old, &app.new, &Default::default());
    app.set_prepared(p);
    app
}

fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn screen(buf: &Buffer) -> Vec<String> {
    let a = buf.area;
    (0..a.height)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < a.width {
                // A wide character covers the next cell too.
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += storydiff::tui::layout::str_width(sym).max(1) as u16;
            }
            s
        })
        .collect()
}

#[test]
fn snapshot_80x24_and_160x48() {
    for (w, h) in [(80, 24), (160, 48)] {
        let a = app(sample("000"), sample("001"), w, h);
        let text = screen(&render(&a)).join("\n");
        insta::assert_snapshot!(format!("compare_000_001_{w}x{h}"), text);
    }
}

#[test]
fn both_titles_and_aligned_first_body_rows() {
    let a = app(sample("000"), sample("001"), 120, 40);
    let lines = screen(&render(&a));
    assert!(lines[1].contains("(no title)"));
    assert!(lines[1].contains("Pete Hegseth says ‘everything is on the table’"));
    let row = lines
        .iter()
        .position(|l| l.contains("The US defence secretary, Pete Hegseth, has said"))
        .unwrap();
    let l = &lines[row];
    assert_eq!(
        l.matches("The US defence secretary, Pete Hegseth, has said")
            .count(),
        2,
        "same sentence, same row: {l}"
    );
    // The reprint's standfirst is an insertion on the new side only.
    let standfirst = lines
        .iter()
        .find(|l| l.contains("US defence secretary suggests cutting"))
        .unwrap();
    assert!(
        standfirst.trim_start().starts_with('│') || standfirst.starts_with(' '),
        "old side padded: {standfirst}"
    );
    assert!(standfirst.contains("│+ US defence secretary suggests"));
}

#[test]
fn markers_and_colours() {
    let mut a = app(sample("000"), sample("001"), 120, 40);
    a.update(Action::Bottom);
    let buf = render(&a);
    let theme = Theme::new(ThemeName::Dark);
    let lines = screen(&buf);
    let y = lines
        .iter()
        .position(|l| l.starts_with("- "))
        .expect("a deleted row at the end") as u16;
    assert_eq!(buf[(0, y)].symbol(), "-");
    assert_eq!(buf[(2, y)].fg, theme.deleted.fg.unwrap());
    // The inserted stray full stop is emphasised on the new side.
    let mut a = app(sample("000"), sample("001"), 120, 40);
    let mut buf = render(&a);
    for _ in 0..10 {
        if screen(&buf)
            .iter()
            .any(|l| l.contains("of President Trump.”."))
        {
            break;
        }
        a.update(Action::NextChange);
        buf = render(&a);
    }
    let lines = screen(&buf);
    let y = lines
        .iter()
        .position(|l| l.contains("of President Trump.”."))
        .expect("the changed sentence on screen");
    let x = lines[y].find("Trump.”.").unwrap();
    let col = lines[y][..x].chars().count() as u16 + "Trump.”".chars().count() as u16;
    assert_eq!(buf[(col, y as u16)].symbol(), ".");
    assert_eq!(buf[(col, y as u16)].fg, theme.emph_inserted.fg.unwrap());
    assert!(lines[y].contains("~ "), "changed marker: {}", lines[y]);
    // Monochrome keeps the markers and drops the colours.
    let config = Config {
        theme: ThemeName::Mono,
        ..Config::default()
    };
    let mut m = App::new(
        Arc::new(sample("000")),
        Arc::new(sample("001")),
        config,
        (120, 40),
    );
    let p = prepare(&m.old, &m.new, &Default::default());
    m.set_prepared(p);
    m.update(Action::Bottom);
    let buf = render(&m);
    let area = buf.area;
    for y in 0..area.height {
        for x in 0..area.width {
            assert_eq!(buf[(x, y)].fg, Color::Reset);
        }
    }
    assert!(screen(&buf).iter().any(|l| l.starts_with("- ")));
}

#[test]
fn next_change_reaches_the_missing_tail() {
    let mut a = app(sample("000"), sample("001"), 120, 40);
    let mut seen = false;
    for _ in 0..10 {
        a.update(Action::NextChange);
        let lines = screen(&render(&a));
        if lines
            .iter()
            .any(|l| l.starts_with("- The Kremlin also said it was impressed"))
        {
            seen = true;
            break;
        }
    }
    assert!(seen, "]c reaches the cut tail, marked - on the old side");
    a.update(Action::PrevChange);
    assert!(a.message.as_deref().unwrap().starts_with("change"));
}

#[test]
fn moved_passage_and_other_end() {
    let mut a = app(
        case("06_paragraph_moved", "old.txt"),
        case("06_paragraph_moved", "new.txt"),
        100,
        30,
    );
    // The paragraph that moved (26 words) went from fourth to last; the
    // two it passed stay in place. Its old end shows first.
    let lines = screen(&render(&a));
    assert!(
        lines.iter().any(|l| l.starts_with("> ")),
        "moved marker on the old side"
    );
    assert!(
        lines.iter().any(|l| l.contains("→ moved to n")),
        "where it went"
    );
    assert!(
        !lines.iter().any(|l| l.contains("│< ")),
        "the new end is further down"
    );
    a.update(Action::OtherEnd);
    assert!(
        a.message.as_deref().unwrap().contains("other end"),
        "{:?}",
        a.message
    );
    let lines = screen(&render(&a));
    assert!(
        lines.iter().any(|l| l.contains("│< ")),
        "moved marker on the new side"
    );
    assert!(
        lines.iter().any(|l| l.contains("← moved from o")),
        "where it came from"
    );
}

#[test]
fn search_highlights_and_cycles() {
    let mut a = app(sample("000"), sample("001"), 120, 40);
    a.update(Action::Search);
    for c in "pistorius".chars() {
        a.search_input(SearchEdit::Char(c));
    }
    a.search_input(SearchEdit::Submit);
    assert!(!a.search.hits.is_empty());
    let buf = render(&a);
    let theme = Theme::new(ThemeName::Dark);
    let lines = screen(&buf);
    let y = lines.iter().position(|l| l.contains("Pistorius")).unwrap();
    let x = lines[y][..lines[y].find("Pistorius").unwrap()]
        .chars()
        .count() as u16;
    assert_eq!(buf[(x, y as u16)].bg, theme.search.bg.unwrap());
    a.update(Action::NextHit);
    assert!(a.message.is_some());
}

#[test]
fn folding_furniture_and_unchanged_runs() {
    let mut a = app(sample("000"), sample("001"), 120, 40);
    let rows = a.ready.as_ref().unwrap().layout.total_rows();
    a.update(Action::FoldBoilerplate);
    let folded = a.ready.as_ref().unwrap().layout.total_rows();
    assert!(folded < rows);
    assert!(screen(&render(&a))
        .iter()
        .any(|l| l.contains("furniture passage")));
    a.update(Action::FoldUnchanged);
    assert!(a.ready.as_ref().unwrap().layout.total_rows() < folded);
    assert!(screen(&render(&a))
        .iter()
        .any(|l| l.contains("unchanged sentence")));
    a.update(Action::FoldUnchanged);
    a.update(Action::FoldBoilerplate);
    assert_eq!(a.ready.as_ref().unwrap().layout.total_rows(), rows);
}

#[test]
fn inline_mode_swap_help_and_too_small() {
    let mut a = app(sample("000"), sample("001"), 120, 40);
    a.update(Action::Inline);
    let lines = screen(&render(&a));
    assert!(!lines[6].contains('│') || lines[6].ends_with('│') || lines[6].ends_with(' '));
    a.update(Action::Inline);
    a.update(Action::Swap);
    assert!(screen(&render(&a))[0].starts_with("NEW"));
    a.update(Action::Help);
    assert!(screen(&render(&a))
        .iter()
        .any(|l| l.contains("storydiff keys")));
    assert!(screen(&render(&a))
        .iter()
        .any(|l| l.contains("]c") && l.contains("next change")));
    a.update(Action::Quit);
    assert!(!a.help && !a.quit);
    for (w, h) in [(20, 5), (1, 1), (60, 15)] {
        a.resize(w, h);
        let lines = screen(&render(&a));
        if (w, h) == (20, 5) {
            assert!(lines.iter().any(|l| l.contains("too small")));
        }
    }
    a.resize(120, 40);
    a.update(Action::Bottom);
    render(&a);
}

/// Too small with the help open, the notice says what `q` does there: it
/// closes the help (it said "q quits", and `q` then only closed the help).
#[test]
fn too_small_with_help_open_says_q_closes_help() {
    let mut a = app(sample("000"), sample("001"), 120, 40);
    a.update(Action::Help);
    a.resize(20, 5);
    let lines = screen(&render(&a));
    assert!(lines.iter().any(|l| l.contains("too small")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("q closes help")),
        "{lines:?}"
    );
    a.update(Action::Quit);
    assert!(!a.help && !a.quit);
    let lines = screen(&render(&a));
    assert!(lines.iter().any(|l| l.contains("q quits")), "{lines:?}");
}

#[test]
fn escape_sequences_never_reach_the_screen() {
    let old = "Breaking news\n\nThe minister said \x1b[31mred\x1b[0m words. The title \x1b]0;pwned\x07 changed.\n";
    let new = "Breaking news\n\nThe minister said \x1b[31mred\x1b[0m words today. The title \x1b]0;pwned\x07 changed.\n";
    let opts = LoadOptions::default();
    let a = app(
        load_bytes("a.txt", old.as_bytes(), &opts).unwrap(),
        load_bytes("b.txt", new.as_bytes(), &opts).unwrap(),
        100,
        20,
    );
    let buf = render(&a);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "raw control character on screen"
        );
    }
    assert!(screen(&buf).iter().any(|l| l.contains("␛[31m")));
    // The loader's note says so in the pane's header.
    assert!(
        screen(&buf)[..3]
            .iter()
            .any(|l| l.contains("note: contains")),
        "{:?}",
        &screen(&buf)[..3]
    );
    // And whole in the status line until the first key.
    assert!(a
        .message
        .as_deref()
        .is_some_and(|m| m.starts_with("note old: contains")));
}

#[test]
fn cjk_and_emoji_keep_panes_aligned() {
    let old = "日本語のニュース見出し\n\n東京で会議が開かれた。首相は「平和が必要だ」と述べた。🎉 参加者は百人。\n\n二番目の段落です。\n";
    let new = "日本語のニュース見出し\n\n東京で会議が開かれた。首相は「平和がとても必要だ」と述べた。🎉 参加者は百人。\n\n二番目の段落です。\n";
    let opts = LoadOptions::default();
    let a = app(
        load_bytes("a.txt", old.as_bytes(), &opts).unwrap(),
        load_bytes("b.txt", new.as_bytes(), &opts).unwrap(),
        60,
        20,
    );
    let lines = screen(&render(&a));
    let row = lines
        .iter()
        .position(|l| l.contains("二番目の段落です"))
        .unwrap();
    assert_eq!(
        lines[row].matches("二番目の段落です").count(),
        2,
        "{}",
        lines[row]
    );
    // Columns (not characters) of the pane separator on rows with text.
    let sep: Vec<usize> = lines[4..=row]
        .iter()
        .filter(|l| l.starts_with(['=', '~', '-', '+']))
        .filter_map(|l| {
            l.find('│')
                .map(|b| storydiff::tui::layout::str_width(&l[..b]))
        })
        .collect();
    assert!(sep.len() >= 3);
    assert!(
        sep.iter().all(|&p| p == sep[0]),
        "the separator stays in one column: {sep:?}"
    );
}

#[test]
fn a_search_hit_on_the_first_screen_is_found() {
    // The only hits are in the first passage, on screen already: the
    // search says so rather than "no more hits"; `n` steps to the second
    // (the same words in the other pane), then has none further.
    let mut a = app(
        case("14_chinese_edits", "old.txt"),
        case("14_chinese_edits", "new.txt"),
        100,
        20,
    );
    a.update(Action::Search);
    for c in "谈判桌".chars() {
        a.search_input(SearchEdit::Char(c));
    }
    a.search_input(SearchEdit::Submit);
    // Once in each pane, on one row: two hits.
    assert_eq!(a.message.as_deref(), Some("hit 1 of 2"));
    a.update(Action::NextHit);
    assert_eq!(a.message.as_deref(), Some("hit 2 of 2"));
    a.update(Action::NextHit);
    assert_eq!(a.message.as_deref(), Some("no more hits"));
    // Esc clears the search first, as in `less`; then there is none to clear.
    assert!(a.clear_search());
    assert!(a.search.query.is_empty() && a.search.hits.is_empty());
    assert_eq!(a.message.as_deref(), Some("search cleared"));
    assert!(!a.clear_search());
}

#[test]
fn keys_pressed_while_aligning_apply_when_ready() {
    let mut m = App::new(
        Arc::new(sample("000")),
        Arc::new(sample("001")),
        Config::default(),
        (120, 40),
    );
    for _ in 0..3 {
        m.update(Action::ScrollDown);
    }
    let waiting = screen(&render(&m));
    assert!(
        waiting.last().unwrap().contains("3 keys waiting"),
        "{waiting:#?}"
    );
    assert!(waiting.iter().any(|l| l.contains("aligning")));
    let p = prepare(&m.old, &m.new, &Default::default());
    m.set_prepared(p);
    assert_eq!(m.top, 3, "the keys pressed meanwhile are applied");
}

#[test]
fn furniture_labels_stand_apart_from_changed_text() {
    let old = load_bytes("a.txt", b"Evil plans revealed\n\nThe minister said the plan would be published on Monday after a long review.", &LoadOptions::default()).unwrap();
    let new = load_bytes("b.txt", b"Evil plans finally revealed\n\nThe minister said the plan would be published on Monday after a long review.", &LoadOptions::default()).unwrap();
    let m = app(old, new, 120, 30);
    let lines = screen(&render(&m));
    let title = lines
        .iter()
        .find(|l| l.contains("[title"))
        .unwrap_or_else(|| panic!("the title row: {lines:#?}"));
    assert!(!title.contains("]Evil"), "{title}");
    assert!(title.contains("] Evil"), "{title}");
}

/// `]f` counts through the fact changes when they all fit on one screen
/// (the screen cannot scroll to put each at the top), and `[f` counts back.
#[test]
fn fact_jumps_count_through_changes_that_fit_on_one_screen() {
    let mut a = app(sample("002"), sample("004"), 140, 60);
    a.update(Action::ClassFilter);
    let mut seen = Vec::new();
    for _ in 0..8 {
        a.update(Action::NextFact);
        seen.push(a.message.clone().unwrap_or_default());
    }
    // From the first on screen, on through each of the others to the last.
    let counts: Vec<(usize, usize)> = seen
        .iter()
        .filter_map(|m| {
            let rest = m.strip_prefix("fact change ")?;
            let (k, n) = rest.split_once(" of ")?;
            Some((k.parse().ok()?, n.parse().ok()?))
        })
        .collect();
    assert!(counts.len() >= 2, "several fact changes: {seen:?}");
    let n = counts[0].1;
    for w in counts.windows(2) {
        assert_eq!(w[1].0, w[0].0 + 1, "one after another: {seen:?}");
    }
    assert_eq!(counts.last().unwrap().0, n, "up to the last: {seen:?}");
    assert_eq!(seen[counts.len()], "no more fact changes", "{seen:?}");
    a.update(Action::PrevFact);
    assert_eq!(
        a.message.as_deref(),
        Some(format!("fact change {} of {n}", n - 1).as_str())
    );
}

/// A side that is a listing page says so on the status line from the first
/// frame (a homepage never reads as an article with no warning).
#[test]
fn a_listing_page_side_is_said_on_the_first_frame() {
    let teasers: String = (0..30)
        .map(|i| format!("<div class=\"card\"><h3><a href=\"/s{i}\">Headline number {i} of the day</a></h3><span>2 hours ago</span></div>"))
        .collect();
    let html = format!("<html><body><main>{teasers}</main></body></html>");
    let front = load_bytes("front.html", html.as_bytes(), &LoadOptions::default()).unwrap();
    let app = app(front, sample("000"), 120, 30);
    let last = screen(&render(&app)).pop().unwrap();
    assert!(
        last.contains("old: no article found: looks like a listing page"),
        "{last}"
    );
}

/// Regression: by claims, `]c` stopped at every run of one outlet's own
/// sentences too (002/003: "change N of 11" for 5 shared claims), while the
/// README promises a stop at each pair. Now it steps from pair to pair, and
/// in order (`a`) from change to change as before.
#[test]
fn next_change_by_claims_steps_from_pair_to_pair() {
    let mut a = app(sample("002"), sample("003"), 160, 48);
    let r = a.ready.as_ref().unwrap();
    let shared = r
        .comparison
        .by_claims
        .expect("a related pair opens by claims")
        .shared_claims;
    assert!(shared >= 3, "{shared}");
    let mut seen = Vec::new();
    for _ in 0..shared + 2 {
        a.update(Action::NextChange);
        let msg = a.message.clone().unwrap_or_default();
        seen.push(msg.clone());
        let r = a.ready.as_ref().unwrap();
        if msg.starts_with("pair ") {
            // The row at the top pairs a sentence of each side.
            let item = r.layout.item_at(a.top + 1);
            let row = format!("{:?}", r.layout.items[item]);
            assert!(r.changes.contains(&item), "{msg}: {row}");
        }
    }
    let expected: Vec<String> = (1..=shared)
        .map(|k| format!("pair {k} of {shared}"))
        .collect();
    assert_eq!(seen[..shared], expected);
    // Past the last pair the outlets' own sentences are read on, not
    // declared absent.
    for msg in &seen[shared..] {
        assert!(
            msg.starts_with("no more pairs · the rest: rows "),
            "{seen:?}"
        );
    }
    let r = a.ready.as_ref().unwrap();
    for &item in &r.changes {
        let g = match &r.layout.items[item] {
            storydiff::tui::layout::Item::Group(g) => &r.groups[*g],
            other => panic!("a fold is no pair: {other:?}"),
        };
        assert!(!g.old.is_empty() && !g.new.is_empty(), "{g:?}");
    }
    // In order the stops are the changes again (here one run from the top).
    a.update(Action::ByClaims);
    assert!(a.ready.as_ref().unwrap().comparison.by_claims.is_none());
    a.update(Action::NextChange);
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.contains("change"), "{msg}");
}

/// Regression: a pair `unrelated` on its own evidence opened in order with
/// nothing said of the claims it shares (5609 left/centre: `=1 ~0 -4 +6`,
/// while `a` showed one shared claim paired). On every such pair of the
/// same-event set: when in order pairs nothing but sentences equal word for
/// word, the pair opens by claims; otherwise the status line offers them,
/// with the count `diff --by claims` gives. The verdict stays `unrelated`.
#[test]
fn an_unrelated_pair_sharing_claims_shows_or_offers_them() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/same-event");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("the same-event set is absent");
        return;
    };
    let mut events: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for e in entries {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        if let Some((event, _)) = name.split_once('-').filter(|_| name.ends_with(".txt")) {
            events
                .entry(event.to_string())
                .or_default()
                .push(p.to_str().unwrap().to_string());
        }
    }
    let (mut opened, mut offered) = (Vec::new(), Vec::new());
    for files in events.values_mut() {
        files.sort();
        for i in 0..files.len() {
            for j in i + 1..files.len() {
                let load = |p: &str| load_article(p, &LoadOptions::default()).unwrap();
                let mut a = app(load(&files[i]), load(&files[j]), 200, 30);
                let r = a.ready.as_ref().unwrap();
                if r.comparison.relation != storydiff::align::Relation::Unrelated {
                    continue;
                }
                let alone = storydiff::align::align_by_claims(&a.old, &a.new, &Default::default());
                let shared = alone.by_claims.unwrap().shared_claims;
                let status = screen(&render(&a)).last().unwrap().clone();
                let pair = format!("{} {}", files[i], files[j]);
                assert!(status.starts_with(" unrelated"), "{pair}: {status}");
                let in_order = &r.other.as_ref().unwrap().comparison;
                if let Some(b) = r.comparison.by_claims {
                    assert_eq!(b.shared_claims, shared, "{pair}");
                    assert!(shared > 0, "{pair}: opened by claims sharing nothing");
                    assert_eq!(in_order.stats.changed + in_order.stats.moved, 0, "{pair}");
                    let n = format!("by claims · {shared} shared claim");
                    assert!(status.contains(&n), "{pair}: {status}");
                    opened.push(pair);
                } else if shared > 0 {
                    let offer = format!("{shared} shared claim");
                    assert!(
                        status.contains(&offer) && status.contains("(a: by claims)"),
                        "{pair}: {status}"
                    );
                    // `a` shows them.
                    a.update(Action::ByClaims);
                    let r = a.ready.as_ref().unwrap();
                    assert_eq!(r.comparison.by_claims.unwrap().shared_claims, shared);
                    offered.push(pair);
                } else {
                    assert!(!status.contains("(a: by claims)"), "{pair}: {status}");
                }
            }
        }
    }
    eprintln!(
        "opened by claims: {}; offered: {}",
        opened.len(),
        offered.len()
    );
    assert!(opened
        .iter()
        .any(|p| p.contains("5609-center.txt") && p.contains("5609-left.txt")));
    assert!(!offered.is_empty());
}

/// A pair of `tenths` tenths of a megabyte together: two copies of one
/// article whose body is one long word (cheap to load and align, whatever its
/// size).
fn pair_of_megabytes(tenths: usize) -> (Article, Article) {
    let head = "Big pair\n\n";
    let body = "w".repeat(tenths * 100_000 / 2 - head.len());
    let text = format!("{head}{body}");
    let a = load_bytes("big-a.txt", text.as_bytes(), &LoadOptions::default()).unwrap();
    let b = load_bytes("big-b.txt", text.as_bytes(), &LoadOptions::default()).unwrap();
    (a, b)
}

/// One limit for alignment by claims, in `diff --by claims` and in the view,
/// and sizes rounded as a reader reads them (a 10.4 MB pair once read "9 MB"
/// and was refused by the view under a limit of 8 MB while `diff --by claims`
/// took it under 16 MB).
#[test]
fn by_claims_size_limit_is_one_for_cli_and_view() {
    use storydiff::align::{align_by_claims, by_claims_fits, megabytes, BY_CLAIMS_MAX_BYTES};
    assert_eq!(megabytes(10_432_606), "10.4 MB");
    assert_eq!(megabytes(BY_CLAIMS_MAX_BYTES), "16 MB");
    assert_eq!(megabytes(16_960_000), "17 MB");
    assert_eq!(megabytes(9_950_000), "10 MB");
    assert_eq!(megabytes(340_000), "0.3 MB");
    assert_eq!(megabytes(123_456_789), "123 MB");
    assert!(by_claims_fits(10_432_606) && by_claims_fits(BY_CLAIMS_MAX_BYTES));
    assert!(!by_claims_fits(BY_CLAIMS_MAX_BYTES + 1));

    // Over the limit: the CLI's alignment and the view say the same.
    let (old, new) = pair_of_megabytes(172);
    let bytes = old.text.len() + new.text.len();
    assert!(!by_claims_fits(bytes), "{bytes}");
    let c = align_by_claims(&old, &new, &Default::default());
    assert!(c.by_claims.is_none());
    let note = format!(
        "by claims: the two texts are {} together, over the 16 MB it is tried for",
        megabytes(bytes)
    );
    assert!(
        c.notes.iter().any(|n| n.starts_with(&note)),
        "{:?}",
        c.notes
    );
    let mut a = app(old, new, 100, 20);
    a.update(Action::ByClaims);
    assert_eq!(
        a.message.as_deref(),
        Some(
            format!(
                "by claims is for pairs up to 16 MB; this one is {}",
                megabytes(bytes)
            )
            .as_str()
        )
    );

    // Under it (10.4 MB, refused by the view before): the view switches.
    let (old, new) = pair_of_megabytes(104);
    let mut a = app(old, new, 100, 20);
    a.update(Action::ByClaims);
    let msg = a.message.clone().unwrap_or_default();
    assert!(!msg.contains("is for pairs up to"), "{msg}");
    assert!(msg.contains("by claims"), "{msg}");
}

/// Regression: `a` lost the reader's place. On 000/001 at row 1 (the new
/// article's headline, which the old one lacks) it jumped to the first old
/// sentence, 17 rows on. The sentence at the top of the screen (the old
/// one, or the new one on a row without an old one) keeps its screen row
/// when switching either way, and switching back returns to the same top.
#[test]
fn switching_alignment_keeps_the_sentence_where_it_was_on_screen() {
    let mut a = app(sample("000"), sample("001"), 120, 40);
    a.update(Action::ScrollDown);
    let before = screen(&render(&a));
    a.update(Action::ByClaims);
    assert!(a.ready.as_ref().unwrap().comparison.by_claims.is_some());
    assert_eq!(a.top, 1);
    let after = screen(&render(&a));
    assert_eq!(before[4..8], after[4..8]);
    a.update(Action::ByClaims);
    assert_eq!(a.top, 1);

    let head = storydiff::tui::app::HEADER_ROWS as u64;
    for (old, new) in [
        ("000", "001"),
        ("002", "003"),
        ("000", "003"),
        ("001", "004"),
    ] {
        let mut a = app(sample(old), sample(new), 120, 40);
        for top in (0..400).step_by(23) {
            a.update(Action::Top);
            for _ in 0..top {
                a.update(Action::ScrollDown);
            }
            let top = a.top;
            let r = a.ready.as_ref().unwrap();
            let ((side, unit), row) = r.layout.unit_at(r.drawn(&a.old, &a.new), top).unwrap();
            let article = match side {
                storydiff::align::Side::Old => &a.old,
                storydiff::align::Side::New => &a.new,
            };
            let span = r.comparison.units(side)[unit].span;
            let first: String = article.text[span.range()]
                .split_whitespace()
                .next()
                .unwrap()
                .chars()
                .filter(|c| !c.is_control())
                .collect();
            a.update(Action::ByClaims);
            let what = format!("{old}/{new} top {top}: {side:?} {unit} {first:?} at {row}");
            // At the end of the rows the screen cannot scroll so far.
            let total = a.ready.as_ref().unwrap().layout.total_rows();
            if a.top + u64::from(a.content_height()) >= total {
                a.update(Action::ByClaims);
                continue;
            }
            if row >= top && row - top < u64::from(a.content_height()) {
                let lines = screen(&render(&a));
                // Its first word, or a label before it (`[related · …]`).
                let at = (head + row - top) as usize;
                let near = lines[at..(at + 3).min(lines.len() - 1)].concat();
                assert!(near.contains(&first), "{what}: {:?}", lines[at]);
            }
            // Back again, the same sentence is at the top (as far into it
            // as the other view's rows of it allowed).
            a.update(Action::ByClaims);
            let r = a.ready.as_ref().unwrap();
            let back = r.layout.unit_at(r.drawn(&a.old, &a.new), a.top).unwrap();
            assert_eq!(back.0, (side, unit), "{what}: back at {}", a.top);
        }
    }
}

/// Regression: by claims the `¶` of a paragraph break one side lacks stood
/// before rows whose new side is a partner from elsewhere in its article
/// (6058 left/right: `¶` on the old side above `[↕ ¶5 · 0.35]`), where the
/// two sides' paragraphs say nothing of each other. A `¶` is drawn only
/// where both sides read on in their own order.
#[test]
fn by_claims_marks_paragraph_breaks_only_between_rows_in_order() {
    let mut pairs = vec![
        (sample("002"), sample("003")),
        (sample("000"), sample("003")),
        (sample("003"), sample("004")),
    ];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/same-event");
    let load = |name: &str| load_article(&format!("{dir}/{name}"), &LoadOptions::default());
    let with_6058 = match (load("6058-left.txt"), load("6058-right.txt")) {
        (Ok(old), Ok(new)) => {
            pairs.push((old, new));
            true
        }
        _ => false,
    };
    let head = storydiff::tui::app::HEADER_ROWS as usize;
    let (mut away, mut in_order) = (0, 0);
    for (old, new) in pairs {
        let mut a = app(old, new, 120, 30);
        if a.ready.as_ref().unwrap().comparison.by_claims.is_none() {
            a.update(Action::ByClaims);
        }
        let r = a.ready.as_ref().unwrap();
        let blanks: Vec<(u64, bool)> = (1..r.layout.items.len())
            .filter_map(|i| match r.layout.items[i] {
                storydiff::tui::layout::Item::Group(g)
                    if storydiff::tui::layout::spaced(&r.groups, &r.layout.items, i) =>
                {
                    Some((r.layout.starts[i], r.groups[g].away))
                }
                _ => None,
            })
            .collect();
        for (row, is_away) in blanks {
            a.top = row;
            let line = &screen(&render(&a))[head];
            if line.contains('¶') {
                assert!(!is_away, "¶ above a partner from elsewhere: {line}");
                in_order += 1;
            } else if is_away {
                away += 1;
            }
        }
    }
    eprintln!("¶ between rows in order: {in_order}; unmarked breaks above partners from elsewhere: {away}");
    // The samples by claims have no break above a partner from elsewhere;
    // event 6058 of the same-event set has.
    if with_6058 {
        assert!(away > 0);
    } else {
        eprintln!("skipped the check on 6058: the same-event set is absent");
    }
}

/// Regression: back in order after `a`, the status line said the key twice,
/// "… 2 shared claims (a: by claims) · … in order (a: by claims)", and at
/// 80x24 the second one pushed out the row counter. The key is said once.
#[test]
fn back_in_order_the_status_line_offers_a_once() {
    for (w, h) in [(160, 48), (80, 24)] {
        let mut a = app(sample("000"), sample("003"), w, h);
        for _ in 0..2 {
            a.update(Action::ByClaims);
            if a.ready.as_ref().unwrap().comparison.by_claims.is_none() {
                break;
            }
        }
        let r = a.ready.as_ref().unwrap();
        assert!(r.comparison.by_claims.is_none());
        let status = screen(&render(&a)).last().unwrap().clone();
        assert_eq!(
            status.matches("(a: by claims)").count(),
            1,
            "{w}x{h}: {status}"
        );
        assert!(status.contains("in order"), "{w}x{h}: {status}");
    }
}

/// The status line's `row N/T P%`: the row and the percentage measure one
/// thing, the top row on screen (they measured the top and the bottom row:
/// 000/003 by claims at 80 columns opened on "row 84/947 10%", and
/// 000/001 on "row 1/183 23%"), with `Top`/`Bot` at either end, as in vim.
#[test]
fn the_row_counter_and_percentage_measure_the_top_row() {
    let status = |a: &App| screen(&render(a)).last().unwrap().clone();
    let place = |s: &str| -> (u64, u64, String) {
        let at = s
            .find("row ")
            .unwrap_or_else(|| panic!("no row counter: {s:?}"));
        let mut it = s[at + 4..].split_whitespace();
        let (row, total) = it.next().unwrap().split_once('/').unwrap();
        (
            row.parse().unwrap(),
            total.parse().unwrap(),
            it.next().unwrap().to_string(),
        )
    };
    let mut a = app(sample("000"), sample("003"), 80, 24);
    let s = status(&a);
    assert!(
        s.contains("new-side sentences above (g)"),
        "the short form stays: {s:?}"
    );
    for step in 0..6 {
        let s = status(&a);
        let (row, total, pct) = place(&s);
        assert_eq!(row, a.top + 1, "step {step}: {s:?}");
        match pct.as_str() {
            "Top" => assert_eq!(row, 1, "{s:?}"),
            "Bot" => assert!(a.top + u64::from(a.content_height()) >= total, "{s:?}"),
            p => {
                let p: u64 = p.trim_end_matches('%').parse().unwrap();
                assert_eq!(p, row * 100 / total, "step {step}: {s:?}");
            }
        }
        for _ in 0..10 {
            a.update(Action::PageDown);
        }
    }
    a.update(Action::Top);
    assert!(
        status(&a).contains("row 1/") && status(&a).contains(" Top"),
        "{}",
        status(&a)
    );
    a.update(Action::Bottom);
    assert!(status(&a).contains(" Bot"), "{}", status(&a));
    let a = app(sample("000"), sample("001"), 160, 48);
    assert!(
        status(&a).contains("row 1/183 Top · ? help"),
        "{}",
        status(&a)
    );
    // At 40 columns the opening message takes its third, shortest form
    // rather than being cut ("↑ 5 new-side sente…").
    let a = app(sample("000"), sample("003"), 40, 12);
    let s = status(&a);
    assert!(s.contains("above (g)") && !s.contains('…'), "{s:?}");
}

/// Without a message, an 80-column status line keeps the row counter beside
/// the op counts: the class badges give way first, then the zero counts
/// (000/003 by claims showed its counts and no place at all).
#[test]
fn an_80_column_status_keeps_its_place_beside_the_counts() {
    let mut a = app(sample("000"), sample("003"), 80, 24);
    a.update(Action::ScrollDown);
    let s = screen(&render(&a)).last().unwrap().clone();
    assert!(s.contains("by claims") && s.contains("-47 +128"), "{s:?}");
    assert!(s.contains("row 85/"), "{s:?}");
    assert!(!s.contains('…'), "{s:?}");
}

/// Regression: `c1` (and `w3`, `#2`) stood on the status line with nothing
/// a reader could find saying what it counts. A wide status line says it in
/// words; help lists, after the keys, every mark the view shows and the
/// status line's counts, and scrolls where the window is too short for all
/// of them (at 80×24 the last eight keys were out of reach).
#[test]
fn class_counts_and_marks_are_explained() {
    let status = |a: &App| screen(&render(a)).last().unwrap().clone();
    let a = app(sample("000"), sample("001"), 160, 48);
    assert!(status(&a).contains("edits: 1 cosmetic"), "{}", status(&a));
    let mut a = app(sample("000"), sample("001"), 80, 24);
    assert!(status(&a).contains(" c1 "), "{}", status(&a));
    a.update(Action::Help);
    let text = |a: &App| screen(&render(a)).join("\n");
    assert!(text(&a).contains("j/k, Space/b scroll"), "{}", text(&a));
    let mut seen = text(&a);
    for _ in 0..60 {
        a.update(Action::ScrollDown);
        seen.push_str(&text(&a));
    }
    for (mark, means) in storydiff::tui::app::MARKERS {
        let words: String = means.split(' ').take(3).collect::<Vec<_>>().join(" ");
        assert!(
            seen.contains(mark) && seen.contains(&words),
            "{mark}: {words}"
        );
    }
    for key in ["]f", "previous fact change", "this help", "q, Esc"] {
        assert!(seen.contains(key), "{key} reachable in help");
    }
    assert!(seen.contains("c cosmetic"), "c1 explained");
    assert!(
        a.help && a.top == 0,
        "scrolling help leaves the view where it was"
    );
    a.update(Action::Quit);
    assert!(!a.help && !a.quit);
    a.update(Action::Help);
    assert!(
        text(&a).contains("j, Enter, ↓"),
        "help opens at its top again: {}",
        text(&a)
    );
}

/// Regression: at 100×20 an approximate pair's message was cut mid-word
/// ("approximate: deadline reached while joining merged and split sen…").
/// A message takes its fullest form that fits, and a message with no form
/// short enough is shortened after a whole word, at any width.
#[test]
fn status_messages_shorten_at_word_boundaries() {
    let note = "deadline reached while joining merged and split sentences: some show as deleted and inserted";
    let words: Vec<&str> = note
        .split_whitespace()
        .map(|w| w.trim_end_matches([':', ',']))
        .collect();
    for (w, h) in [
        (100, 20),
        (80, 24),
        (160, 48),
        (120, 30),
        (60, 20),
        (40, 12),
    ] {
        let config = Config {
            theme: ThemeName::Dark,
            ..Config::default()
        };
        let mut a = App::new(
            Arc::new(sample("000")),
            Arc::new(sample("001")),
            config,
            (w, h),
        );
        let mut p = prepare(&a.old, &a.new, &Default::default());
        p.comparison.approximate = true;
        p.comparison.notes = vec![note.to_string()];
        a.set_prepared(p);
        let s = screen(&render(&a)).last().unwrap().clone();
        let at = s
            .find("approximate")
            .unwrap_or_else(|| panic!("{w}: {s:?}"));
        let shown = s[at..].split("  ").next().unwrap().trim_end();
        let last = shown
            .trim_end_matches('…')
            .split_whitespace()
            .last()
            .unwrap()
            .trim_end_matches([':', ',']);
        assert!(
            last == "approximate" || words.contains(&last),
            "{w}x{h}: {shown:?} ends mid-word"
        );
        if w >= 160 {
            assert!(shown.ends_with("inserted"), "{w}: {shown:?}");
        }
    }
    // Any message too long for its room is cut after a whole word.
    let mut a = app(sample("000"), sample("001"), 100, 20);
    a.message = Some(format!("a message about {note}"));
    let s = screen(&render(&a)).last().unwrap().clone();
    assert!(s.contains("while joining merged and…"), "{s:?}");
}

/// Regression (a walk at 80×24): the compare view's header cut the date
/// ("NEW · 001_….txt · 2025-0…") and the titles mid-word ("Pete Hegseth
/// says ‘everything is on th…"). The date shows whole or not at all, and
/// titles end on a whole word.
#[test]
fn compare_headers_keep_dates_whole_and_cut_titles_at_words() {
    for (w, h) in [(80, 24), (100, 20), (160, 48), (60, 20)] {
        let a = app(sample("000"), sample("001"), w, h);
        let lines = screen(&render(&a));
        let half = (w / 2) as usize;
        let right = |l: &str| {
            l.chars()
                .skip(half)
                .collect::<String>()
                .trim_end()
                .to_string()
        };
        let first = right(&lines[0]);
        assert!(
            !first.contains('…')
                && (first.ends_with("2025-02-13T19:13") || first.ends_with(".txt")),
            "{w}x{h}: {first:?}"
        );
        let title = right(&lines[1]);
        let full = storydiff::display::one_line(&a.new.title_line());
        let kept = title.trim_end_matches('…').trim_end();
        assert!(
            full.starts_with(kept)
                && full[kept.len()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace),
            "{w}x{h}: {title:?} of {full:?}"
        );
    }
}

/// Regression (a tester at 100×20): the loader's note in a pane's header
/// was cut mid-word ("note: not valid UTF-8 and no charset d…"); it ends
/// on a whole word.
#[test]
fn header_notes_end_on_a_whole_word() {
    let opts = LoadOptions::default();
    let good = "Breaking news\n\nThe minister said the plan would go ahead today.\n";
    let bad = b"Breaking news\n\nThe minister said the plan would go ahead \xff\xfe today.\n";
    let a = app(
        load_bytes("good.txt", good.as_bytes(), &opts).unwrap(),
        load_bytes("bad.txt", bad, &opts).unwrap(),
        100,
        20,
    );
    let note = a.new.notes.join("; ");
    let lines = screen(&render(&a));
    let header = lines[2].chars().skip(50).collect::<String>();
    let shown = header
        .split(" · note: ")
        .nth(1)
        .unwrap_or_else(|| panic!("{header:?}"));
    let kept = shown.trim_end().trim_end_matches('…');
    assert!(
        note.starts_with(kept)
            && note[kept.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ';'),
        "{shown:?} of {note:?}"
    );
}

/// The rows of every changed item in the layout.
fn change_rows(a: &App) -> std::collections::BTreeSet<u64> {
    let r = a.ready.as_ref().unwrap();
    let mut rows = std::collections::BTreeSet::new();
    for (i, item) in r.layout.items.iter().enumerate() {
        if let storydiff::tui::layout::Item::Group(g) = item {
            if r.groups[*g].kind.is_change() {
                rows.extend(r.layout.starts[i]..r.layout.starts[i + 1]);
            }
        }
    }
    rows
}

/// Presses `action` until the message says there is no more (at most
/// `limit` times); returns the messages and every row shown on the way.
fn step_through(
    a: &mut App,
    action: Action,
    limit: usize,
) -> (Vec<String>, std::collections::BTreeSet<u64>) {
    let h = u64::from(a.content_height());
    let mut shown: std::collections::BTreeSet<u64> = (a.top..a.top + h).collect();
    let mut seen = Vec::new();
    for _ in 0..limit {
        let before = a.top;
        a.update(action);
        let msg = a.message.clone().unwrap_or_default();
        seen.push(msg.clone());
        let ended = msg.starts_with("no more") || msg.starts_with("no earlier");
        if ended && !msg.contains("the rest") {
            break;
        }
        if action == Action::NextChange {
            assert!(a.top > before, "]c moved on: {before} -> {}: {msg}", a.top);
        } else {
            assert!(
                a.top < before,
                "[c moved back: {before} -> {}: {msg}",
                a.top
            );
        }
        shown.extend(a.top..a.top + h);
    }
    (seen, shown)
}

/// Regression (tester on 1fa9472): in order, 002 against 003 is one change
/// from top to bottom, and `]c` at once said "no more changes" with 597
/// rows of it unread. Now `]c` reads a change that runs on past the screen
/// a screenful at a time, opening on its first passage not yet wholly seen,
/// and `[c` steps back the same way: every changed row is shown on the way
/// down and on the way up, at 120x40 and 80x24, and "no more" comes only
/// at the end.
#[test]
fn next_change_reads_a_long_change_a_screenful_at_a_time() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut a = app(sample("002"), sample("003"), w, h);
        a.update(Action::ByClaims);
        assert!(a.ready.as_ref().unwrap().comparison.by_claims.is_none());
        a.update(Action::Top);
        let changed = change_rows(&a);
        let total = a.ready.as_ref().unwrap().layout.total_rows();
        let (seen, shown) = step_through(&mut a, Action::NextChange, 500);
        assert!(
            seen[0].starts_with("change 1 of 1 · its rows "),
            "{w}x{h}: {seen:?}"
        );
        assert_eq!(
            seen.last().map(String::as_str),
            Some("no more changes"),
            "{w}x{h}"
        );
        assert!(
            seen.len() > 10,
            "{w}x{h}: {} steps for {total} rows",
            seen.len()
        );
        let missed: Vec<&u64> = changed.difference(&shown).collect();
        assert!(
            missed.is_empty(),
            "{w}x{h}: rows never shown going down: {missed:?}"
        );
        assert_eq!(
            a.top + u64::from(a.content_height()),
            total,
            "{w}x{h}: at the end"
        );
        let (seen, shown) = step_through(&mut a, Action::PrevChange, 500);
        assert_eq!(
            seen.last().map(String::as_str),
            Some("no earlier changes"),
            "{w}x{h}"
        );
        assert_eq!(a.top, 0, "{w}x{h}: back at the top");
        let missed: Vec<&u64> = changed.difference(&shown).collect();
        assert!(
            missed.is_empty(),
            "{w}x{h}: rows never shown going up: {missed:?}"
        );
    }
}

/// A reprint's changes that fit on a screen are still one stop each, and
/// `]c` never leaves a changed row unshown on the way to the end (000/001:
/// the cut tail runs on past the screen).
#[test]
fn next_change_stops_at_short_changes_and_reads_the_long_tail() {
    let mut a = app(sample("000"), sample("001"), 120, 40);
    let changed = change_rows(&a);
    let (seen, shown) = step_through(&mut a, Action::NextChange, 200);
    assert_eq!(
        seen.last().map(String::as_str),
        Some("no more changes"),
        "{seen:?}"
    );
    let n = a.ready.as_ref().unwrap().changes.len();
    // The first change (the title's) is on the first screen.
    for k in 2..=n {
        let stop = format!("change {k} of {n}");
        assert!(
            seen.iter().any(|m| m.starts_with(&stop)),
            "{stop}: {seen:?}"
        );
    }
    let missed: Vec<&u64> = changed.difference(&shown).collect();
    assert!(missed.is_empty(), "rows never shown: {missed:?}");
}

/// By claims, past the last pair `]c` reads on through the outlets' own
/// sentences to the end, and before the first pair `[c` reads back up to
/// the top: every changed row below the last pair and above the first is shown.
#[test]
fn by_claims_reads_on_past_the_last_pair_and_before_the_first() {
    let mut a = app(sample("003"), sample("000"), 80, 24);
    assert!(a.ready.as_ref().unwrap().comparison.by_claims.is_some());
    let changed = change_rows(&a);
    let r = a.ready.as_ref().unwrap();
    let (first, last) = (r.changes[0], *r.changes.last().unwrap());
    let (first_row, last_row) = (r.layout.starts[first], r.layout.starts[last + 1]);
    let (seen, shown) = step_through(&mut a, Action::NextChange, 500);
    assert!(
        seen.iter()
            .any(|m| m.starts_with("no more pairs · the rest: rows ")),
        "{seen:?}"
    );
    let missed: Vec<&u64> = changed
        .range(last_row..)
        .filter(|r| !shown.contains(r))
        .collect();
    assert!(
        missed.is_empty(),
        "rows past the last pair never shown: {missed:?}"
    );
    let (seen, shown) = step_through(&mut a, Action::PrevChange, 500);
    assert_eq!(a.top, 0, "{seen:?}");
    let missed: Vec<&u64> = changed
        .range(..first_row)
        .filter(|r| !shown.contains(r))
        .collect();
    assert!(
        missed.is_empty(),
        "rows before the first pair never shown: {missed:?}"
    );
}

/// By claims the two headlines share a row; the new side's similarity note
/// stands apart from the furniture label before it (it was glued on,
/// `…headline][0.27]`, and the headline's words went to the next line).
#[test]
fn headlines_by_claims_share_a_row_with_the_similarity_apart() {
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
    let a = app(old, new, 160, 20);
    let s = screen(&render(&a));
    let row = s
        .iter()
        .find(|l| l.contains("[title") && l.contains("Flooding Shuts"))
        .unwrap_or_else(|| panic!("{s:#?}"));
    assert!(row.contains("Storm Closes"), "{s:#?}");
    assert!(row.contains("] [0.27] Storm"), "{s:#?}");
    assert!(s.iter().any(|l| l.contains("by claims")), "{s:#?}");
}

/// Regression: at 60 columns a file name too long for its pane's header was
/// cut at its end mid-token (`OLD · 000_d2c9a56fda6f2fe5.t…`); it keeps its
/// start, which tells files apart, and its extension. A name of words (an
/// outlet) is cut after a whole word.
#[test]
fn a_long_file_name_in_a_narrow_header_keeps_its_start_and_extension() {
    let a = app(sample("000"), sample("003"), 60, 20);
    let s = screen(&render(&a));
    let head = &s[0];
    let old = head.split('│').next().unwrap();
    assert!(old.starts_with("OLD · 000_d2c9a56f"), "{head}");
    assert!(
        old.contains('…') && old.trim_end().ends_with(".txt"),
        "{head}"
    );
    assert!(head.contains("NEW · 003_98122ec685389c76.txt"), "{head}");
    assert_eq!(
        storydiff::tui::view::clip_name("Wall Street Journal (News)", 22),
        "Wall Street Journal…"
    );
    assert_eq!(
        storydiff::tui::view::clip_name("000_d2c9a56fda6f2fe5.txt", 16),
        "000_d2c9a5…5.txt"
    );
}
