//! The Quotes and Coverage tabs: a row per quote or claim with a mark per
//! article (`●` carried, `·` left out), and under the list who carries the
//! selected one and who leaves it out.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::draw_row;
use crate::display::{clip, one_line};
use crate::tui::story_view::{StoryApp, Tab};
use crate::tui::view::put;

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    draw_column_heads(buf, area, app);
    draw_list(buf, area, app);
    draw_carried_by(buf, area, app);
}

/// A digit per article over the marks, and what the rows are.
fn draw_column_heads(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let digits: String = (0..app.articles.len())
        .map(|i| char::from_digit((i % 10) as u32, 10).unwrap_or('?'))
        .collect();
    let what = if app.tab == Tab::Quotes {
        "quote — speaker"
    } else {
        "claim (● carried, · left out)"
    };
    let header = format!("{digits}  {what}");
    let w = area.width;
    put(
        buf,
        area.x + 2,
        area.y,
        &clip(&header, w as usize - 2),
        w - 2,
        app.theme.header,
    );
}

/// The visible rows: marks and the quote (with speaker) or the claim.
fn draw_list(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let t = &app.theme;
    let n = app.articles.len();
    let visible = app.scroll..(app.scroll + app.list_height()).min(app.rows());
    for (y, i) in (area.y + 1..).zip(visible) {
        let (arts, text) = row(app, i);
        let line = format!("{}  {}", marks(n, &arts), text);
        let selected = i == app.row;
        let style = if selected {
            t.header_focus.add_modifier(Modifier::BOLD)
        } else if arts.len() > 1 {
            t.text
        } else {
            t.furniture
        };
        draw_row(buf, area, y, &line, selected, style);
    }
}

/// Row `i` of the tab: the articles carrying it and its text.
fn row(app: &StoryApp, i: usize) -> (Vec<usize>, String) {
    if app.tab == Tab::Quotes {
        let q = &app.story.quotes[i];
        let speaker = q.speaker.as_deref().unwrap_or("speaker not given");
        (q.articles(), format!("“{}” — {speaker}", one_line(&q.text)))
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
    let line = format!(
        "carried by {} · left out by {}",
        carried.join(" "),
        if missing.is_empty() {
            "none".into()
        } else {
            missing.join(" ")
        }
    );
    let w = area.width;
    let y = area.y + area.height - 2;
    put(
        buf,
        area.x,
        y,
        &clip(&line, w as usize),
        w,
        app.theme.header,
    );
}
