//! The Quotes and Coverage tabs: a row per quote or claim with a mark per
//! article (`●` carried, `·` left out), and under the list who carries the
//! selected one and who leaves it out. A quotation the outlets carry in
//! different words reads `altered`, and under the list each other wording
//! shows its word diff from the fullest (`[-…-]` and `{+…+}`, coloured too).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{draw_footer, draw_tab_head};
use crate::align::{WordKind, WordOp};
use crate::display::{clip, one_line};
use crate::tui::layout::str_width;
use crate::tui::story_view::{StoryApp, Tab, VARIANT_ROWS};
use crate::tui::view::{fit_hints, put};

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    draw_column_heads(buf, area, app);
    draw_list(buf, area, app);
    if app.tab == Tab::Quotes && app.shows_variants() {
        draw_variants(buf, area, app);
    }
    draw_carried_by(buf, area, app);
}

/// A digit per article over the marks, and what the rows are.
fn draw_column_heads(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let digits: String = (0..app.articles.len())
        .map(|i| char::from_digit((i % 10) as u32, 10).unwrap_or('?'))
        .collect();
    let quotes = &app.story.quotes;
    let (what, note) = if app.tab != Tab::Quotes {
        ("claim (● carried, · left out)", None)
    } else if quotes.is_empty() {
        ("no quotation in these articles", None)
    } else if quotes.iter().all(|q| q.articles().len() < 2) {
        (
            "quote — speaker",
            Some((
                "no quotation is carried by two articles or more",
                "none carried twice",
            )),
        )
    } else {
        ("quote — speaker", None)
    };
    let first = format!("{digits} {what}");
    let mut parts = vec![(first.as_str(), first.as_str())];
    parts.extend(note);
    draw_tab_head(buf, area, app, &parts);
}

/// The visible rows: marks and the quote (with speaker) or the claim;
/// rows only one article carries are dimmed.
fn draw_list(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let n = app.articles.len();
    let line = |i| {
        let (arts, text) = row(app, i);
        format!("{}  {}", marks(n, &arts), text)
    };
    let style = |i| {
        if row(app, i).0.len() > 1 {
            app.theme.text
        } else {
            app.theme.furniture
        }
    };
    super::draw_list(buf, area, app, app.rows(), line, style);
}

/// Row `i` of the tab: the articles carrying it and its text.
fn row(app: &StoryApp, i: usize) -> (Vec<usize>, String) {
    if app.tab == Tab::Quotes {
        let q = &app.story.quotes[i];
        let speaker = q.speaker_line();
        let altered = if q.altered { "altered " } else { "" };
        (
            q.articles(),
            format!("{altered}“{}” — {speaker}", one_line(&q.text)),
        )
    } else {
        let c = &app.story.claims[i];
        (c.articles(), one_line(&c.text))
    }
}

fn marks(n: usize, carried: &[usize]) -> String {
    (0..n)
        .map(|i| if carried.contains(&i) { '●' } else { '·' })
        .collect()
}

/// Above the status line: who carries the selected row and who leaves it out.
fn draw_carried_by(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let arts = match app.tab {
        Tab::Quotes => app.story.quotes.get(app.row).map(|q| q.articles()),
        _ => app.story.claims.get(app.row).map(|c| c.articles()),
    };
    let Some(arts) = arts else {
        return;
    };
    let missing: Vec<String> = (0..app.articles.len())
        .filter(|i| !arts.contains(i))
        .map(|i| format!("[{i}]"))
        .collect();
    let carried: Vec<String> = arts.iter().map(|i| format!("[{i}]")).collect();
    let (carried, missing) = (
        carried.join(" "),
        if missing.is_empty() {
            "none".into()
        } else {
            missing.join(" ")
        },
    );
    // A narrow window says it in fewer words rather than cut the list of
    // articles left out.
    let parts = [
        (format!("carried by {carried}"), format!("in {carried}")),
        (
            format!("left out by {missing}"),
            format!("not in {missing}"),
        ),
    ];
    let line = match fit_hints(&parts, area.width as usize) {
        l if l.is_empty() => format!("in {carried} · not in {missing}"),
        l => l,
    };
    draw_footer(buf, area, app, &line);
}

/// Between the list and the carried-by line: each other wording of the
/// selected quotation, if altered, as its word diff from the fullest, the
/// rows shared out among the wordings.
fn draw_variants(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let Some(q) = app.story.quotes.get(app.row).filter(|q| q.altered) else {
        return;
    };
    let rows = VARIANT_ROWS;
    let top = area.y + area.height - 2 - rows;
    let shown = q.variants.len().min(usize::from(rows));
    let more = q.variants.len() - shown;
    let shown = if more > 0 { shown - 1 } else { shown };
    let each = (rows - u16::from(more > 0)) / (shown.max(1) as u16);
    for (k, v) in q.variants.iter().take(shown).enumerate() {
        let y = top + k as u16 * each;
        let head = format!(
            "  [{}] {}: ",
            v.occurrence.article,
            clip(
                &one_line(&app.articles[v.occurrence.article].short_name()),
                24
            )
        );
        let x = put(buf, area.x, y, &head, area.width, app.theme.header);
        let room = Rect {
            x: area.x,
            y,
            width: area.width,
            height: each,
        };
        draw_word_diff(buf, room, x, &v.words, app);
    }
    if more > 0 {
        let line = format!("  … and {more} more wordings");
        put(
            buf,
            area.x,
            top + rows - 1,
            &line,
            area.width,
            app.theme.header,
        );
    }
}

/// A word diff in `room`, starting at column `indent` of its first row and
/// wrapping at spaces: `[-deleted-]` and `{+inserted+}` marks that need no
/// colour, in the theme's deleted and inserted styles. A long stretch
/// before the first change is cut to its last few words.
fn draw_word_diff(buf: &mut Buffer, room: Rect, indent: u16, words: &[WordOp], app: &StoryApp) {
    let t = &app.theme;
    let mut pieces: Vec<(String, Style)> = Vec::new();
    for w in words {
        let lead = if w.text.starts_with(char::is_whitespace) {
            " "
        } else {
            ""
        };
        let body = one_line(w.text.trim_start());
        pieces.push(match w.kind {
            WordKind::Equal => (format!("{lead}{body}"), t.text),
            WordKind::Deleted => (format!("{lead}[-{body}-]"), t.emph_deleted),
            WordKind::Inserted => (format!("{lead}{{+{body}+}}"), t.emph_inserted),
        });
    }
    if let Some(first) = pieces
        .first_mut()
        .filter(|_| words[0].kind == WordKind::Equal)
    {
        first.0 = last_words(&first.0, 6);
    }
    let (mut x, mut y) = (indent, room.y);
    let end = room.y + room.height;
    for (text, style) in &pieces {
        for chunk in text.split_inclusive(' ') {
            let w = str_width(chunk) as u16;
            if x + w.min(room.width) > room.width && x > 0 {
                y += 1;
                x = 0;
            }
            if y >= end {
                return;
            }
            let chunk = if x == 0 { chunk.trim_start() } else { chunk };
            x += put(buf, room.x + x, y, chunk, room.width - x, *style);
        }
    }
}

/// The last `n` words of `s`, after `…` when some were cut.
fn last_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() <= n {
        return s.to_string();
    }
    format!("… {}", words[words.len() - n..].join(" "))
}
