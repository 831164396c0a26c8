//! The Wording tab: the word substitutions that recur between outlets'
//! versions of one claim (`[0] “protesters” ↔ [3] “rioters” ×4`), and under
//! the list the sentences of the selected one's first instance.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::draw_row;
use crate::display::{clip, one_line};
use crate::tui::story_view::StoryApp;
use crate::tui::view::put;

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let t = &app.theme;
    let w = area.width;
    let head = if app.story.wording.is_empty() {
        "no word substitution recurs between these outlets (two claims or more)"
    } else {
        "words one outlet uses where another uses others, in the same claim — Enter shows the pair"
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
    draw_instance(buf, area, app);
}

/// The visible rows: the two outlets, their words, and how often.
fn draw_list(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let t = &app.theme;
    let visible = app.scroll..(app.scroll + app.list_height()).min(app.story.wording.len());
    for (y, i) in (area.y + 1..).zip(visible) {
        let wd = &app.story.wording[i];
        let line = format!(
            "[{}] “{}” ↔ [{}] “{}” ×{}",
            wd.a,
            one_line(&wd.words_a),
            wd.b,
            one_line(&wd.words_b),
            wd.count
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

/// Above the status line: the sentences of the selected substitution's first instance.
fn draw_instance(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let Some(wd) = app.story.wording.get(app.row) else {
        return;
    };
    let [x, y, ..] = wd.occurrences.as_slice() else {
        return;
    };
    let line = format!(
        "[{}] {}  ·  [{}] {}",
        x.article,
        sentence_around(app, x),
        y.article,
        sentence_around(app, y)
    );
    let w = area.width;
    let row = area.y + area.height - 2;
    put(
        buf,
        area.x,
        row,
        &clip(&line, w as usize),
        w,
        app.theme.header,
    );
}

/// The sentence holding an occurrence, on one line.
pub(super) fn sentence_around(app: &StoryApp, o: &crate::story::Occurrence) -> String {
    let a = &app.articles[o.article];
    let span = a
        .blocks
        .iter()
        .flat_map(|b| b.sentences.iter())
        .find(|s| s.start <= o.span.start && o.span.end <= s.end)
        .copied()
        .unwrap_or(o.span);
    one_line(&a.text[span.range()])
}
