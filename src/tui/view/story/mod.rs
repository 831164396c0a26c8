//! Drawing the story view from `&StoryApp`: the head line and tab bar, one
//! widget per tab (`articles`: the list, heatmap and groups; `ledger`: the
//! quote ledger and the coverage table; `wording`; `disagreements`), the
//! status line and help. A compare
//! view opened from the story is drawn instead, whole.

mod articles;
mod disagreements;
mod heatmap;
mod ledger;
mod wording;

pub(crate) use heatmap::room as heatmap_room;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::Frame;

use super::{fit_hints, put};
use crate::display::{clip, one_line};
use crate::tui::layout::str_width;
use crate::tui::story_view::{StoryApp, Tab, MIN_SIZE, TOP_ROWS};

pub fn draw(frame: &mut Frame, app: &StoryApp) {
    if let Some((compare, _, _)) = &app.compare {
        super::draw(frame, compare);
        return;
    }
    if let Some(columns) = &app.columns {
        super::columns::draw(frame, columns);
        return;
    }
    let area = frame.area();
    let buf = frame.buffer_mut();
    if app.too_small() || super::below((area.width, area.height), MIN_SIZE) {
        super::put_too_small(
            buf,
            area,
            Style::default(),
            super::q_does(app.nested, app.help),
        );
        return;
    }
    draw_head(buf, area, app);
    draw_tabs(buf, area, app);
    let body = Rect {
        x: area.x,
        y: area.y + TOP_ROWS,
        width: area.width,
        height: area.height - TOP_ROWS,
    };
    match app.tab {
        Tab::Articles => articles::draw(buf, body, app),
        Tab::Quotes | Tab::Coverage => ledger::draw(buf, body, app),
        Tab::Wording => wording::draw(buf, body, app),
        Tab::Disagreements => disagreements::draw(buf, body, app),
    }
    draw_status(buf, area, app);
    if app.help {
        draw_help(buf, area, app);
    }
}

/// The first line: how many articles, groups, shared quotes and claims.
fn draw_head(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let story = &app.story;
    let shared_q = story
        .quotes
        .iter()
        .filter(|q| q.articles().len() > 1)
        .count();
    let shared_c = story
        .claims
        .iter()
        .filter(|c| c.articles().len() > 1)
        .count();
    let groups = story.groups.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let n = app.articles.len();
    let groups = format!("{groups} reprint group{}", plural(groups));
    let shared = format!(
        "{shared_q} shared quote{} · {shared_c} shared claim{}",
        plural(shared_q),
        plural(shared_c)
    );
    // From the fullest to the shortest: a narrow window drops the words
    // that repeat what the view shows rather than cut a count off.
    let forms = [
        format!("storydiff · a story of {n} articles · {groups} · {shared}"),
        format!("a story of {n} articles · {groups} · {shared}"),
        format!("{n} articles · {groups} · shared: {shared_q} quotes, {shared_c} claims"),
        format!("{n} articles · shared: {shared_q} quotes, {shared_c} claims"),
        format!("{n} articles"),
    ];
    let w = area.width;
    let head = forms
        .iter()
        .find(|f| str_width(f) <= w as usize)
        .unwrap_or(&forms[forms.len() - 1]);
    put(
        buf,
        area.x,
        area.y,
        &clip(head, w as usize),
        w,
        app.theme.title,
    );
}

/// The tab bar and the rule under it.
fn draw_tabs(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let t = &app.theme;
    let w = area.width;
    let mut x = 0;
    let tabs = [
        (Tab::Articles, " Articles ", " Art "),
        (Tab::Quotes, " Quotes ", " Quo "),
        (Tab::Coverage, " Coverage ", " Cov "),
        (Tab::Wording, " Wording ", " Wrd "),
        (Tab::Disagreements, " Disagreements ", " Dis "),
    ];
    // A window too narrow for the names shows every tab by its first letters
    // rather than cut the last ones off.
    let full: usize = tabs.iter().map(|(_, l, _)| l.chars().count() + 1).sum();
    let narrow = full > w as usize;
    for (tab, long, short) in tabs {
        let label = if narrow { short } else { long };
        let style = if tab == app.tab {
            t.status.add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            t.header
        };
        x += put(
            buf,
            area.x + x,
            area.y + 1,
            label,
            w.saturating_sub(x),
            style,
        ) + 1;
    }
    put(
        buf,
        area.x,
        area.y + 2,
        &"─".repeat(w as usize),
        w,
        t.header,
    );
}

/// The last line: the message if there is one, else the main keys.
fn draw_status(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let t = &app.theme;
    let w = area.width;
    let hint = match &app.message {
        Some(m) => super::clip_words(&one_line(m), w as usize - 1),
        None => fit_hints(&key_hints(app), w as usize - 1),
    };
    let sy = area.y + area.height - 1;
    for x in area.x..area.x + w {
        buf[(x, sy)].set_symbol(" ").set_style(t.status);
    }
    put(buf, area.x + 1, sy, &hint, w - 1, t.status);
}

/// The status line's key hints, most important first, each with a short
/// form for a narrow window (`fit_hints`).
fn key_hints(app: &StoryApp) -> Vec<(String, String)> {
    let quit = if app.nested {
        ("q back", "q back")
    } else {
        ("q quit", "q quit")
    };
    // Marked articles are what `c` opens: say how many beside it.
    let marked = app.marked.iter().filter(|&&m| m).count();
    let columns = match marked {
        0 => ("c columns".to_string(), "c cols".to_string()),
        k => (format!("{k} marked: c columns"), format!("{k} marked: c")),
    };
    // An empty tab has nothing to open or select: its keys are not offered
    // (the Wording tab of a story with no substitution offered Enter).
    let rows = app.rows();
    let mut hints = Vec::new();
    if rows > 0 {
        hints.push(("Enter compare", "Enter compare"));
    }
    if rows > 1 {
        hints.push(("j/k select", "j/k"));
    }
    hints.extend([("? help", "? help"), quit, ("Tab next tab", "Tab tabs")]);
    let mut hints: Vec<(String, String)> = hints
        .into_iter()
        .map(|(full, short)| (full.to_string(), short.to_string()))
        .collect();
    hints.push(columns);
    if app.tab == Tab::Articles {
        hints.push(("Space mark".into(), "Space mark".into()));
        hints.push(("h/l heatmap column".into(), "h/l column".into()));
    }
    hints
}

fn draw_help(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    super::draw_help_lines(
        buf,
        area,
        &app.help_lines(),
        &app.theme,
        crate::tui::story_view::HELP_TITLE,
        app.help_top,
    );
}

/// A tab's head line, over its list: `parts` (full, short) joined by ` · `,
/// shortened, then dropped from the last, to fit (`fit_hints`).
fn draw_tab_head(buf: &mut Buffer, area: Rect, app: &StoryApp, parts: &[(&str, &str)]) {
    let w = area.width;
    let head = fit_hints(parts, w as usize - 2);
    put(buf, area.x + 2, area.y, &head, w - 2, app.theme.header);
}

/// What an empty tab has to say, in place of its list: over as many lines
/// as it takes rather than cut at the window's edge.
fn draw_tab_note(buf: &mut Buffer, area: Rect, app: &StoryApp, note: &str) {
    let w = area.width.saturating_sub(2);
    let lines = super::wrap_words(note, w as usize);
    let room = area.height.saturating_sub(2);
    for (y, line) in (area.y..area.y + room).zip(&lines) {
        put(
            buf,
            area.x + 2,
            y,
            &clip(line, w as usize),
            w,
            app.theme.header,
        );
    }
}

/// A tab's visible list rows under its head line: `line(i)` gives row `i`'s
/// text and `style(i)` its style when not selected (the selected row is bold).
fn draw_list(
    buf: &mut Buffer,
    area: Rect,
    app: &StoryApp,
    rows: usize,
    line: impl Fn(usize) -> String,
    style: impl Fn(usize) -> Style,
) {
    let visible = app.scroll..(app.scroll + app.list_height()).min(rows);
    for (y, i) in (area.y + 1..).zip(visible) {
        let selected = i == app.row;
        let style = if selected {
            app.theme.header_focus.add_modifier(Modifier::BOLD)
        } else {
            style(i)
        };
        draw_row(buf, area, y, &line(i), selected, style);
    }
}

/// The line above the status line: what the selected row stands on.
fn draw_footer(buf: &mut Buffer, area: Rect, app: &StoryApp, line: &str) {
    let w = area.width;
    put(
        buf,
        area.x,
        area.y + area.height - 2,
        &super::clip_words(&one_line(line), w as usize),
        w,
        app.theme.header,
    );
}

/// The selection marker and a list row, bold when selected.
fn draw_row(buf: &mut Buffer, area: Rect, y: u16, line: &str, selected: bool, style: Style) {
    if selected {
        put(buf, area.x, y, "▶", 1, style);
    }
    let w = area.width;
    put(
        buf,
        area.x + 2,
        y,
        &super::clip_words(&one_line(line), w as usize - 2),
        w - 2,
        style,
    );
}
