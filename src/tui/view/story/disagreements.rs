//! The Disagreements tab: claims whose figures or names differ between
//! outlets (`# 5% [0] [2] ↔ 3.5% [1]`), the class as its badge so that it
//! reads without colour, and under the list the two sentences of the
//! selected one. Enter compares an article of each side at the claim.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::wording::draw_pair;
use super::{draw_list, draw_tab_head, draw_tab_note};
use crate::display::one_line;
use crate::story::Occurrence;
use crate::tui::story_view::StoryApp;

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    if app.story.disagreements.is_empty() {
        let note = "no claim gives different figures or names in different outlets";
        draw_tab_note(buf, area, app, note);
        return;
    }
    let head = [
        (
            "claims whose numbers (#) or names (N) differ between outlets",
            "numbers (#) or names (N) that differ",
        ),
        ("Enter compares the two sides", "Enter compares"),
    ];
    draw_tab_head(buf, area, app, &head);
    let rows = app.story.disagreements.len();
    draw_list(buf, area, app, rows, |i| line(app, i), |_| app.theme.text);
    draw_sides(buf, area, app);
}

/// A row: badge, one side's words and articles, the other's, and the claim.
fn line(app: &StoryApp, i: usize) -> String {
    let d = &app.story.disagreements[i];
    format!(
        "{} {} ↔ {} — {}",
        d.class.badge(),
        side(&d.a_words, &d.a),
        side(&d.b_words, &d.b),
        one_line(&app.story.claims[d.claim].text)
    )
}

/// `5% [0] [2]`: a side's words and the articles that give them.
fn side(words: &[String], occ: &[Occurrence]) -> String {
    let mut arts: Vec<usize> = occ.iter().map(|o| o.article).collect();
    arts.dedup();
    let arts: Vec<String> = arts.iter().map(|a| format!("[{a}]")).collect();
    format!("“{}” {}", one_line(&words.join(", ")), arts.join(" "))
}

/// Above the status line: each side's words in its first article's
/// sentence, with the words around them (the whole sentences do not fit:
/// the second side, the one that differs, was lost at any width).
fn draw_sides(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let Some(d) = app.story.disagreements.get(app.row) else {
        return;
    };
    if let (Some(a), Some(b)) = (d.a.first(), d.b.first()) {
        let a = words_in(app, a, &d.a_words);
        let b = words_in(app, b, &d.b_words);
        draw_pair(buf, area, app, &a, &b);
    }
}

/// The first of `words` inside the sentence `o`, else the sentence.
fn words_in(app: &StoryApp, o: &Occurrence, words: &[String]) -> Occurrence {
    let text = &app.articles[o.article].text[o.span.range()];
    words
        .first()
        .and_then(|w| text.find(w.as_str()).map(|at| (at, w.len())))
        .map_or(*o, |(at, len)| Occurrence {
            article: o.article,
            span: crate::article::Span::new(o.span.start + at, o.span.start + at + len),
        })
}
