//! The Articles tab: one row per article (name, title, byline, date, words,
//! relations), then the heatmap and the reprint groups under it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::{draw_row, heatmap};
use crate::align::Relation;
use crate::display::one_line;
use crate::tui::layout::str_width;
use crate::tui::story_view::StoryApp;
use crate::tui::view::clip_words;

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let used = draw_list(buf, area, app);
    // A blank row between the list and the heatmap.
    let y = area.y + used + 1;
    let rest = Rect {
        y,
        height: (area.y + area.height).saturating_sub(y),
        ..area
    };
    heatmap::draw(buf, rest, app);
}

/// The visible rows of the article list; returns the rows used.
fn draw_list(buf: &mut Buffer, area: Rect, app: &StoryApp) -> u16 {
    let t = &app.theme;
    let n = app.articles.len();
    let mut y = area.y;
    for i in app.scroll..(app.scroll + app.list_height()).min(n) {
        let selected = i == app.row;
        let style = if selected {
            t.header_focus.add_modifier(Modifier::BOLD)
        } else {
            t.text
        };
        let line = article_line(app, i, area.width.saturating_sub(2) as usize);
        draw_row(buf, area, y, &line, selected, style);
        y += 1;
    }
    y - area.y
}

/// One article's row in `width` columns: name, title, byline, date, words
/// and relations; while any article is marked for the column view, a `✓`
/// column before them. A narrow row cuts the title short, then leaves out
/// the byline, the date and the word count, so that the relations (the
/// row's point: `reprint of [1]`) stay in sight.
fn article_line(app: &StoryApp, i: usize, width: usize) -> String {
    let a = &app.articles[i];
    let mark = match (app.marked.iter().any(|&m| m), app.marked[i]) {
        (false, _) => "",
        (true, true) => "✓ ",
        (true, false) => "  ",
    };
    let name = format!("{mark}[{i}] {}", one_line(&a.short_name()));
    let title = one_line(&a.title_line());
    let relations = relation_summary(app, i);
    // Left out first to last.
    let mut optional: Vec<String> = [
        a.meta.byline.as_deref().map(one_line),
        a.meta.date.clone(),
        Some(format!("{} words", a.words())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let join = |title: &str, optional: &[String]| {
        let mut parts = vec![name.clone(), title.to_string()];
        parts.extend(optional.iter().cloned());
        parts.push(relations.clone());
        parts.join(" · ")
    };
    loop {
        let without_title = str_width(&join("", &optional));
        let room = width.saturating_sub(without_title);
        if room >= 24 {
            return join(&clip_words(&title, room.min(60)), &optional);
        }
        if optional.is_empty() {
            // Too narrow for a useful part of the title: the row is the
            // article and its relations.
            return match room {
                0..10 => format!("{name} · {relations}"),
                _ => join(&clip_words(&title, room), &optional),
            };
        }
        optional.remove(0);
    }
}

/// "reprint of [1] · related to 2 others", or why it is in the story at all.
fn relation_summary(app: &StoryApp, i: usize) -> String {
    let n = app.articles.len();
    let mut reprints = Vec::new();
    let mut related = 0;
    for j in 0..n {
        if j == i {
            continue;
        }
        match app.story.pair(i, j).map(|p| p.relation) {
            Some(Relation::Identical | Relation::Reprint) => reprints.push(format!("[{j}]")),
            Some(Relation::Related) => related += 1,
            _ => {}
        }
    }
    let mut s = String::new();
    if !reprints.is_empty() {
        s.push_str(&format!("reprint of {}", reprints.join(" ")));
    }
    if related > 0 {
        if !s.is_empty() {
            s.push_str(" · ");
        }
        s.push_str(&format!(
            "related to {related} other{}",
            if related == 1 { "" } else { "s" }
        ));
    }
    if s.is_empty() {
        s = why_in_story(app, i);
    }
    s
}

/// For an article no other member is related to on its own evidence: what
/// put it in the story, the names and terms it shares with its closest
/// member (rare in the pile) and the claims it shares, so the list does not
/// call a member unrelated to its story. In the same-event set all 15 such
/// members of larger stories, and the 7 two-article stories of one
/// `unrelated` pair, report the same event as the rest.
fn why_in_story(app: &StoryApp, i: usize) -> String {
    let pairs = (0..app.articles.len())
        .filter(|&j| j != i)
        .filter_map(|j| app.story.pair(i, j));
    let claims: usize = pairs.clone().map(|p| p.shared_sentences).sum();
    let Some(best) = pairs.max_by(|x, y| x.evidence.score.total_cmp(&y.evidence.score)) else {
        return "unrelated to the rest".into();
    };
    let terms: Vec<&str> = best
        .evidence
        .terms
        .iter()
        .take(3)
        .map(String::as_str)
        .collect();
    if terms.is_empty() {
        return "unrelated to the rest".into();
    }
    let shared = match claims {
        0 => "no passage in common".to_string(),
        1 => "1 shared claim".to_string(),
        k => format!("{k} shared claims"),
    };
    format!(
        "in the story for shared names ({}), {shared}",
        terms.join(", ")
    )
}
