//! The Wording tab: the word substitutions that recur between outlets' (or
//! are one word put for another inside matching words)
//! versions of one claim (`[0] “protesters” ↔ [3] “rioters” ×4`), and under
//! the list the sentences of the selected one's first instance.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{draw_footer, draw_list, draw_tab_head, draw_tab_note};
use crate::display::one_line;
use crate::tui::story_view::StoryApp;

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    if app.story.wording.is_empty() {
        let note = "no word substitution recurs between these outlets (two claims or more), nor is one word put for another in a claim they share";
        draw_tab_note(buf, area, app, note);
        return;
    }
    let head = [
        (
            "words one outlet uses where another uses others, in the same claim",
            "one outlet's words for another's, in one claim",
        ),
        ("Enter shows the pair", "Enter shows it"),
    ];
    draw_tab_head(buf, area, app, &head);
    let wording = &app.story.wording;
    draw_list(
        buf,
        area,
        app,
        wording.len(),
        |i| line(&wording[i]),
        |_| app.theme.text,
    );
    draw_instance(buf, area, app);
}

/// A row: the two outlets, their words, and how often.
fn line(wd: &crate::story::Wording) -> String {
    format!(
        "[{}] “{}” ↔ [{}] “{}” ×{}",
        wd.a,
        one_line(&wd.words_a),
        wd.b,
        one_line(&wd.words_b),
        wd.count
    )
}

/// Above the status line: the sentences of the selected substitution's first instance.
fn draw_instance(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let Some(wd) = app.story.wording.get(app.row) else {
        return;
    };
    let [x, y, ..] = wd.occurrences.as_slice() else {
        return;
    };
    draw_sentences(buf, area, app, x, y);
}

/// Above the status line: the sentences of two occurrences, article first.
pub(super) fn draw_sentences(
    buf: &mut Buffer,
    area: Rect,
    app: &StoryApp,
    x: &crate::story::Occurrence,
    y: &crate::story::Occurrence,
) {
    let line = format!(
        "[{}] {}  ·  [{}] {}",
        x.article,
        sentence_around(app, x),
        y.article,
        sentence_around(app, y)
    );
    draw_footer(buf, area, app, &line);
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
