//! Drawing the column view from `&ColumnsApp`: a head line, a head per
//! article column, the rows on screen (a marker per row, `MARKERS`: `=`
//! every article carries the claim, `~` several do, `+` one alone; `↕ ¶N`
//! before a sentence that stands elsewhere in its own article), the status
//! line and help (keys, then the marks).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::Frame;

use super::{draw_help_lines, fit_hints, highlight, put, row_position};
use crate::display::{clip, one_line};
use crate::tui::columns::{ColumnsApp, GUTTER, HEAD_ROWS, HELP_TITLE, MIN_SIZE};
use crate::tui::layout::{Piece, Seg};

pub fn draw(frame: &mut Frame, app: &ColumnsApp) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if app.too_small() || super::below((area.width, area.height), MIN_SIZE) {
        super::put_too_small(buf, area, Style::default(), super::q_does(true, app.help));
        return;
    }
    draw_heads(buf, area, app);
    let body = Rect {
        x: area.x,
        y: area.y + HEAD_ROWS,
        width: area.width,
        height: app.content_height(),
    };
    draw_rows(buf, body, app);
    draw_status(buf, area, app);
    if app.help {
        let lines = app.help_lines();
        draw_help_lines(buf, area, &lines, &app.theme, HELP_TITLE, app.help_top);
    }
}

/// The head line, then each visible column's article, title, and a rule.
fn draw_heads(buf: &mut Buffer, area: Rect, app: &ColumnsApp) {
    let t = &app.theme;
    let n = app.articles.len();
    let all = app.rows.iter().filter(|r| r.carried() == n).count();
    let some = app.partial_rows().len();
    let (a, b) = (app.first + 1, app.first + app.shown());
    let mut parts = vec![
        (
            format!("storydiff · columns {a}–{b} of {n} articles"),
            format!("columns {a}–{b} of {n}"),
        ),
        (
            format!(
                "{} claims: {all} carried by all, {some} by several",
                app.rows.len()
            ),
            format!("{} claims ({all} all, {some} several)", app.rows.len()),
        ),
    ];
    match app.off_screen_rows() {
        0 => {}
        1 => parts.push((
            "1 claim off screen (h/l)".into(),
            "1 off screen (h/l)".into(),
        )),
        k => parts.push((
            format!("{k} claims off screen (h/l)"),
            format!("{k} off screen (h/l)"),
        )),
    }
    // The story's other articles are not columns: say how to show them.
    match app.in_story.saturating_sub(n) {
        0 => {}
        k => parts.push((
            format!(
                "{k} more in the story of {}: mark articles with Space to choose",
                app.in_story
            ),
            format!("{k} more in the story"),
        )),
    }
    // Which columns are on screen comes first; the rest shortens, then
    // drops off whole, in a narrow window.
    let head = fit_hints(&parts, area.width as usize);
    put(buf, area.x, area.y, &head, area.width, t.title);
    let cw = app.column_width();
    for j in 0..app.shown() {
        let k = app.first + j;
        let a = &app.articles[k];
        let x = area.x + GUTTER + cw * j as u16;
        let w = cw.saturating_sub(1);
        let index = format!("[{}] ", app.indices[k]);
        let room = (w as usize).saturating_sub(index.len());
        let name = format!(
            "{index}{}",
            super::clip_name(&one_line(&a.short_name()), room)
        );
        put(
            buf,
            x,
            area.y + 1,
            &clip(&name, w as usize),
            w,
            t.header_focus.add_modifier(Modifier::BOLD),
        );
        put(
            buf,
            x,
            area.y + 2,
            &super::clip_words(&one_line(&a.title_line()), w as usize),
            w,
            t.header,
        );
    }
    put(
        buf,
        area.x,
        area.y + 3,
        &"─".repeat(area.width as usize),
        area.width,
        t.header,
    );
}

/// The rows on screen, from the scroll offset down.
fn draw_rows(buf: &mut Buffer, area: Rect, app: &ColumnsApp) {
    let t = &app.theme;
    let n = app.articles.len();
    let cw = app.column_width();
    let mut row_cache: Option<(usize, Vec<Vec<Vec<Piece>>>)> = None;
    for dy in 0..area.height {
        let at = app.top + dy as u64;
        if at >= app.total_rows() {
            break;
        }
        let r = app.row_at(at);
        let local = (at - app.layout.starts[r]) as usize;
        if row_cache.as_ref().is_none_or(|c| c.0 != r) {
            let cells = (0..app.shown())
                .map(|j| app.cell_lines(r, app.first + j, cw.saturating_sub(1)))
                .collect();
            row_cache = Some((r, cells));
        }
        let (_, cells) = row_cache.as_ref().expect("cached");
        let y = area.y + dy;
        let carried = app.rows[r].carried();
        let (mark, style) = match carried {
            k if k == n => ('=', t.text),
            1 => ('+', t.inserted),
            _ => ('~', t.changed),
        };
        if local == 0 {
            put(buf, area.x, y, &mark.to_string(), 1, style.patch(t.marker));
        }
        let spacer = at + 1 == app.layout.starts[r + 1];
        if app.target() == Some(r) && !spacer {
            // The row `]c`/`[c` or a search went to: `▶` beside its mark,
            // `▐` down its other lines, the mark reversed.
            let pointer = if local == 0 { "▶" } else { "▐" };
            put(buf, area.x + 1, y, pointer, 1, t.search);
            if local == 0 {
                put(
                    buf,
                    area.x,
                    y,
                    &mark.to_string(),
                    1,
                    style.patch(t.marker).add_modifier(Modifier::REVERSED),
                );
            }
        }
        let hit = app.hits.binary_search_by_key(&r, |&(row, _)| row).is_ok();
        for (j, lines) in cells.iter().enumerate() {
            let x = area.x + GUTTER + cw * j as u16;
            let w = cw.saturating_sub(1);
            if let Some(line) = lines.get(local) {
                let mut cx = x;
                let mut text = String::new();
                for p in line {
                    let s = match p.seg {
                        Seg::Note => t.moved.add_modifier(Modifier::ITALIC),
                        _ => style,
                    };
                    cx += put(buf, cx, y, &p.text, (x + w).saturating_sub(cx), s);
                    text.push_str(&p.text);
                }
                if hit {
                    highlight(buf, (x, y, w), &text, &app.query, t.search);
                }
            }
            if j + 1 < app.shown() {
                put(buf, x + w, y, "│", 1, t.furniture);
            }
        }
    }
}

/// The last line: the search prompt, a message, or the keys.
fn draw_status(buf: &mut Buffer, area: Rect, app: &ColumnsApp) {
    let t = &app.theme;
    let y = area.y + area.height - 1;
    for x in area.x..area.x + area.width {
        buf[(x, y)].set_symbol(" ").set_style(t.status);
    }
    let text = match (&app.input, &app.message) {
        (Some(input), _) => format!("/{input}▏  Enter search · Esc cancel"),
        (None, Some(m)) => one_line(m),
        (None, None) => {
            let position = row_position(app.top, u64::from(app.content_height()), app.total_rows());
            let hints = [
                (position.as_str(), position.as_str()),
                ("? help", "? help"),
                ("q back to the story", "q back"),
                (
                    "]c/[c claims several but not all carry",
                    "]c/[c partly shared",
                ),
                ("/ search", "/ search"),
                ("h/l columns", "h/l"),
            ];
            fit_hints(&hints, area.width as usize - 1)
        }
    };
    put(
        buf,
        area.x + 1,
        y,
        &super::clip_words(&text, area.width as usize - 1),
        area.width - 1,
        t.status,
    );
}
