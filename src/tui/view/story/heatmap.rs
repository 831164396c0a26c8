//! The similarity heatmap of the Articles tab (a row per article, a cell per
//! pair, the selected pair reversed) and the reprint groups line under it.
//! The last two rows of `area` are left to the status line's neighbours.
//! When the articles do not all fit, the matrix scrolls with the selection
//! (`StoryApp::heat_scroll`): the selected row and column are always drawn.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use crate::align::Relation;
use crate::display::clip;
use crate::tui::layout::str_width;
use crate::tui::story_view::{follow, StoryApp};
use crate::tui::view::put;

/// Columns of one heatmap cell.
const CELL: u16 = 7;

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let (rows, cols) = window(area, app);
    let bottom = area.y + area.height;
    let mut y = area.y;
    if y + 1 < bottom.saturating_sub(2) {
        draw_column_heads(buf, area, y, cols.clone(), app);
        y += 2;
    }
    for i in rows {
        if y >= bottom.saturating_sub(2) {
            break;
        }
        draw_matrix_row(buf, area, y, i, cols.clone(), app);
        y += 1;
    }
    if y < bottom.saturating_sub(1) {
        draw_groups(buf, area, y, app);
    }
}

/// Rows and columns of the matrix that fit a heatmap of `width` × `height`
/// cells of the terminal (the column heads and the two rows under it taken).
pub(crate) fn room(width: u16, height: u16) -> (usize, usize) {
    let heads = if height >= 4 { 2 } else { 0 };
    let rows = height.saturating_sub(heads + 2);
    let cols = width.saturating_sub(6) / CELL;
    (rows as usize, cols as usize)
}

/// The articles on screen as rows and as columns: the app's heatmap scroll,
/// moved (if the screen changed since) so that the selected row and column
/// are on it, and no further than the last article needs.
fn window(area: Rect, app: &StoryApp) -> (Range<usize>, Range<usize>) {
    let n = app.articles.len();
    let (rows, cols) = room(area.width, area.height);
    let span = |first: usize, at: usize, room: usize| {
        let first = follow(first, at, room).min(n.saturating_sub(room));
        first..(first + room).min(n)
    };
    let (top, left) = app.heat_scroll;
    (span(top, app.row, rows), span(left, app.col, cols))
}

/// The legend and the `[j]` heads of the columns.
fn draw_column_heads(buf: &mut Buffer, area: Rect, y: u16, cols: Range<usize>, app: &StoryApp) {
    let t = &app.theme;
    let w = area.width;
    // The legend in as many words as fit, never cut mid-word.
    let forms = [
        "similarity (r reprint, = identical, ~ related, · unrelated) — Enter compares the highlighted pair",
        "similarity (r reprint, = identical, ~ related, · unrelated) — Enter compares",
        "similarity (r reprint, = identical, ~ related, · unrelated)",
        "r reprint, = identical, ~ related, · unrelated",
        "r reprint ~ related · unrelated",
    ];
    let legend = forms
        .iter()
        .find(|f| str_width(f) <= w as usize)
        .unwrap_or(&forms[forms.len() - 1]);
    put(buf, area.x, y, legend, w, t.header);
    let first = cols.start;
    for j in cols {
        let x = 6 + CELL * (j - first) as u16;
        if x + CELL > w {
            break;
        }
        let head = format!("{:>6}", format!("[{j}]"));
        put(buf, area.x + x, y + 1, &head, CELL, t.header);
    }
}

/// Article `i`'s row: its label and a cell per other article.
fn draw_matrix_row(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    i: usize,
    cols: Range<usize>,
    app: &StoryApp,
) {
    let t = &app.theme;
    let selected = i == app.row;
    let label_style = if selected { t.header_focus } else { t.header };
    put(buf, area.x, y, &format!("[{i}]"), 5, label_style);
    let first = cols.start;
    for j in cols {
        let x = 6 + CELL * (j - first) as u16;
        if x + CELL > area.width {
            break;
        }
        let (text, style) = cell(app, i, j);
        let style = if selected && j == app.col {
            style.add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            style
        };
        put(buf, area.x + x, y, &text, CELL, style);
    }
}

/// The text and colour of the cell for articles `i` and `j`.
fn cell(app: &StoryApp, i: usize, j: usize) -> (String, Style) {
    let t = &app.theme;
    if i == j {
        return ("     —".to_string(), t.furniture);
    }
    let p = app.story.pair(i, j).expect("pair");
    let (mark, style) = match p.relation {
        Relation::Identical => ('=', t.changed),
        Relation::Reprint => ('r', t.changed),
        Relation::Related => ('~', t.moved),
        Relation::Unrelated => ('·', t.furniture),
    };
    (
        format!("{:>6}", format!("{mark}{:.2}", p.similarity)),
        style,
    )
}

/// "reprint groups: [0]+[1]  [2]+[4]", or "no reprint groups".
fn draw_groups(buf: &mut Buffer, area: Rect, y: u16, app: &StoryApp) {
    let groups: Vec<String> = app
        .story
        .groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|&i| format!("[{i}]"))
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    let line = if groups.is_empty() {
        "no reprint groups".to_string()
    } else {
        format!("reprint groups: {}", groups.join("  "))
    };
    let w = area.width;
    put(buf, area.x, y, &clip(&line, w as usize), w, app.theme.text);
}
