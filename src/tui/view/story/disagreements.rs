//! The Disagreements tab: claims whose figures or names differ between
//! outlets (`# 5% [0] [2] ↔ 3.5% [1]`), the class as its badge so that it
//! reads without colour, and under the list the two sentences of the
//! selected one. Enter compares an article of each side at the claim.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::draw_row;
use super::wording::sentence_around;
use crate::display::{clip, one_line};
use crate::story::Occurrence;
use crate::tui::story_view::StoryApp;
use crate::tui::view::put;

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let t = &app.theme;
    let w = area.width;
    let head = if app.story.disagreements.is_empty() {
        "no claim gives different figures or names in different outlets"
    } else {
        "claims whose numbers (#) or names (N) differ between outlets — Enter compares the two sides"
    };
    put(
        buf,
        area.x + 2,
        area.y,
        &clip(head, w as usize - 2),
        w - 2,
        t.header,
    );
    draw_list(buf, area, app);
    draw_sides(buf, area, app);
}

/// The visible rows: badge, one side's words and articles, the other's,
/// and the claim.
fn draw_list(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let t = &app.theme;
    let rows = app.story.disagreements.len();
    let visible = app.scroll..(app.scroll + app.list_height()).min(rows);
    for (y, i) in (area.y + 1..).zip(visible) {
        let d = &app.story.disagreements[i];
        let line = format!(
            "{} {} ↔ {} — {}",
            d.class.badge(),
            side(&d.a_words, &d.a),
            side(&d.b_words, &d.b),
            one_line(&app.story.claims[d.claim].text)
        );
        let selected = i == app.row;
        let style = if selected {
            t.header_focus.add_modifier(Modifier::BOLD)
        } else {
            t.text
        };
        draw_row(buf, area, y, &line, selected, style);
    }
}

/// `5% [0] [2]`: a side's words and the articles that give them.
fn side(words: &[String], occ: &[Occurrence]) -> String {
    let mut arts: Vec<usize> = occ.iter().map(|o| o.article).collect();
    arts.dedup();
    let arts: Vec<String> = arts.iter().map(|a| format!("[{a}]")).collect();
    format!("“{}” {}", one_line(&words.join(", ")), arts.join(" "))
}

/// Above the status line: the sentence of each side's first article.
fn draw_sides(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let Some(d) = app.story.disagreements.get(app.row) else {
        return;
    };
    let (Some(a), Some(b)) = (d.a.first(), d.b.first()) else {
        return;
    };
    let line = format!(
        "[{}] {}  ·  [{}] {}",
        a.article,
        sentence_around(app, a),
        b.article,
        sentence_around(app, b)
    );
    let w = area.width;
    put(
        buf,
        area.x,
        area.y + area.height - 2,
        &clip(&line, w as usize),
        w,
        app.theme.header,
    );
}
