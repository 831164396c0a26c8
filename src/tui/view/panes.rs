//! The aligned panes (side by side or inline) and the overview strip.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::put;
use crate::align::Side;
use crate::tui::app::App;
use crate::tui::filter::{self, ClassFilter};
use crate::tui::layout::{side_lines, spaced, str_width, GroupKind, Item, Piece, Seg};
use crate::tui::theme::Theme;

/// The lines of one item, both sides, computed once per frame per item.
struct ItemLines {
    item: usize,
    spaced: bool,
    rows: Vec<Row>,
}

/// One screen row of an item: what each side shows.
#[derive(Clone, Default)]
struct Row {
    old: Option<(char, Vec<Piece>)>,
    new: Option<(char, Vec<Piece>)>,
    /// In inline mode, the single column's marker and pieces.
    inline: Option<(char, Side, Vec<Piece>)>,
    kind: Option<GroupKind>,
    furniture: bool,
    fold: Option<String>,
}

fn marker(kind: GroupKind, side: Side, cosmetic: bool) -> char {
    match (kind, side) {
        (GroupKind::Equal, _) => '=',
        (GroupKind::Changed, _) if cosmetic => '~',
        (GroupKind::Changed, _) => '~',
        (GroupKind::Deleted, _) => '-',
        (GroupKind::Inserted, _) => '+',
        (GroupKind::MovedFrom, Side::Old) => '>',
        (GroupKind::MovedTo, Side::New) => '<',
        (GroupKind::MovedFrom, Side::New) | (GroupKind::MovedTo, Side::Old) => ' ',
    }
}

fn item_lines(app: &App, item: usize) -> ItemLines {
    let r = app.ready.as_ref().expect("ready");
    let key = r.layout.key;
    let c = &r.comparison;
    let sp = spaced(&r.groups, &r.layout.items, item);
    match &r.layout.items[item] {
        Item::Fold { groups, furniture } => {
            let n = groups.len();
            let label = if key.filter != ClassFilter::All {
                format!(
                    "⋯ {n} passage{} hidden: showing {} — e for the next view",
                    if n == 1 { "" } else { "s" },
                    key.filter.label()
                )
            } else if *furniture {
                format!(
                    "⋯ {n} furniture passage{} folded (boilerplate, captions, teasers) — B unfolds",
                    if n == 1 { "" } else { "s" }
                )
            } else {
                let sentences: usize = groups.clone().map(|g| r.groups[g].old.len()).sum();
                format!(
                    "⋯ {sentences} unchanged sentence{} folded — F unfolds",
                    if sentences == 1 { "" } else { "s" }
                )
            };
            ItemLines {
                item,
                spaced: false,
                rows: vec![Row {
                    fold: Some(label),
                    furniture: *furniture,
                    ..Row::default()
                }],
            }
        }
        Item::Group(g) => {
            let group = &r.groups[*g];
            let old = side_lines(key, c, &r.groups, *g, Side::Old, &app.old);
            let new = side_lines(key, c, &r.groups, *g, Side::New, &app.new);
            let mo = marker(group.kind, Side::Old, group.cosmetic);
            let mn = marker(group.kind, Side::New, group.cosmetic);
            // Fact classes as badges in the gutter, one a row from the top.
            let badges = filter::badges(c, group);
            let old_marker = |row: usize| badges.get(row).copied().unwrap_or(mo);
            let mut rows = Vec::new();
            if key.inline {
                let both = group.kind != GroupKind::Equal;
                let first = if both || !old.is_empty() { &old } else { &new };
                for (k, l) in first.iter().enumerate() {
                    rows.push(Row {
                        inline: Some((old_marker(k), Side::Old, l.clone())),
                        ..Row::default()
                    });
                }
                if both {
                    for l in &new {
                        rows.push(Row {
                            inline: Some((mn, Side::New, l.clone())),
                            ..Row::default()
                        });
                    }
                }
            } else {
                let h = old.len().max(new.len());
                for i in 0..h {
                    rows.push(Row {
                        old: old.get(i).map(|l| {
                            (
                                if group.units(Side::Old).is_empty() {
                                    ' '
                                } else {
                                    old_marker(i)
                                },
                                l.clone(),
                            )
                        }),
                        new: new.get(i).map(|l| {
                            (
                                if group.units(Side::New).is_empty() {
                                    ' '
                                } else {
                                    mn
                                },
                                l.clone(),
                            )
                        }),
                        ..Row::default()
                    });
                }
            }
            if rows.is_empty() {
                rows.push(Row::default());
            }
            for row in rows.iter_mut() {
                row.kind = Some(group.kind);
                row.furniture = group.furniture;
            }
            ItemLines {
                item,
                spaced: sp,
                rows,
            }
        }
    }
}

fn base_style(t: &Theme, kind: GroupKind, furniture: bool) -> Style {
    if furniture {
        return t.furniture;
    }
    match kind {
        GroupKind::Equal => t.text,
        GroupKind::Changed => t.text,
        GroupKind::Deleted => t.deleted,
        GroupKind::Inserted => t.inserted,
        GroupKind::MovedFrom | GroupKind::MovedTo => t.moved,
    }
}

fn marker_style(t: &Theme, m: char) -> Style {
    let s = match m {
        '-' => t.deleted,
        '+' => t.inserted,
        '~' => t.changed,
        '>' | '<' => t.moved,
        '¶' => t.changed,
        _ => t.furniture,
    };
    s.patch(t.marker)
}

/// Draws a line of pieces at (x, y) within `width` columns; highlights search hits.
#[allow(
    clippy::too_many_arguments,
    reason = "one call site per pane; a struct would only rename these"
)]
fn draw_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    pieces: &[Piece],
    base: Style,
    side: Side,
    app: &App,
) {
    let t = &app.theme;
    let mut cx = x;
    let mut text = String::new();
    for p in pieces {
        let style = match p.seg {
            Seg::Plain => base,
            Seg::Emph => match side {
                Side::Old => t.emph_deleted,
                Side::New => t.emph_inserted,
            },
            Seg::Note => t.furniture.add_modifier(Modifier::ITALIC),
        };
        let room = (x + width).saturating_sub(cx);
        cx += put(buf, cx, y, &p.text, room, style);
        text.push_str(&p.text);
    }
    let q = &app.search.query;
    if q.is_empty() {
        return;
    }
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return; // case folding changed byte offsets; skip highlighting this line
    }
    let mut from = 0;
    while let Some(at) = lower[from..].find(q.as_str()) {
        let start = from + at;
        let sx = x + str_width(&text[..start]) as u16;
        let w = str_width(&text[start..start + q.len()]) as u16;
        for cx in sx..(sx + w).min(x + width) {
            buf[(cx, y)].set_style(t.search);
        }
        from = start + q.len().max(1);
    }
}

pub(super) fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let r = app.ready.as_ref().expect("ready");
    let t = &app.theme;
    let strip_x = area.x + area.width - 1;
    let body_w = area.width - 1;
    let half = (body_w.saturating_sub(1)) / 2;
    let mut cache: Option<ItemLines> = None;
    for dy in 0..area.height {
        let row = app.top + dy as u64;
        let y = area.y + dy;
        if row >= r.layout.total_rows() {
            break;
        }
        let item = r.layout.item_at(row);
        if cache.as_ref().is_none_or(|c| c.item != item) {
            cache = Some(item_lines(app, item));
        }
        let lines = cache.as_ref().expect("cached");
        let mut local = (row - r.layout.starts[item]) as usize;
        if lines.spaced {
            if local == 0 {
                // A paragraph break: mark it on the side that has it alone.
                if let Item::Group(g) = r.layout.items[item] {
                    let gr = &r.groups[g];
                    let both = !gr.old.is_empty() && !gr.new.is_empty();
                    if !app.inline && both && gr.breaks[0] != gr.breaks[1] {
                        for right in [false, true] {
                            let side = app.pane_side(right);
                            if gr.breaks_on(side) {
                                let x = if right { area.x + half + 1 } else { area.x };
                                put(buf, x, y, "¶", 1, marker_style(t, '¶'));
                            }
                        }
                    }
                }
                continue;
            }
            local -= 1;
        }
        let Some(line) = lines.rows.get(local) else {
            continue;
        };
        if let Some(label) = &line.fold {
            put(
                buf,
                area.x + 2,
                y,
                label,
                body_w.saturating_sub(2),
                t.furniture.add_modifier(Modifier::ITALIC),
            );
            continue;
        }
        let kind = line.kind.unwrap_or(GroupKind::Equal);
        let base = base_style(t, kind, line.furniture);
        if let Some((m, side, pieces)) = &line.inline {
            put(buf, area.x, y, &m.to_string(), 1, marker_style(t, *m));
            let style = if kind == GroupKind::Changed {
                base
            } else if *side == Side::Old
                && kind != GroupKind::Equal
                && kind != GroupKind::Deleted
                && kind != GroupKind::MovedFrom
            {
                t.deleted
            } else {
                base
            };
            draw_line(
                buf,
                area.x + 2,
                y,
                body_w.saturating_sub(2),
                pieces,
                style,
                *side,
                app,
            );
            continue;
        }
        for right in [false, true] {
            let side = app.pane_side(right);
            let x = if right { area.x + half + 1 } else { area.x };
            let w = if right { body_w - half - 1 } else { half };
            let cell = if side == Side::Old {
                &line.old
            } else {
                &line.new
            };
            if let Some((m, pieces)) = cell {
                put(buf, x, y, &m.to_string(), 1, marker_style(t, *m));
                draw_line(buf, x + 2, y, w.saturating_sub(2), pieces, base, side, app);
            }
        }
        if !app.inline {
            put(buf, area.x + half, y, "│", 1, t.furniture);
        }
    }
    draw_strip(
        buf,
        Rect {
            x: strip_x,
            y: area.y,
            width: 1,
            height: area.height,
        },
        app,
    );
}

/// The overview strip: where the changes are, and where the screen is.
fn draw_strip(buf: &mut Buffer, area: Rect, app: &App) {
    let r = app.ready.as_ref().expect("ready");
    let t = &app.theme;
    let total = r.layout.total_rows().max(1);
    let h = area.height.max(1) as u64;
    let view_from = app.top * h / total;
    let view_to = ((app.top + h) * h).div_ceil(total);
    for dy in 0..area.height {
        let from = dy as u64 * total / h;
        let to = ((dy as u64 + 1) * total / h).max(from + 1);
        let first = r.layout.item_at(from);
        let last = r.layout.item_at(to - 1);
        let mut best: Option<GroupKind> = None;
        for item in first..=last {
            if let Item::Group(g) = r.layout.items[item] {
                let k = r.groups[g].kind;
                let rank = |k: GroupKind| match k {
                    GroupKind::Equal => 0,
                    GroupKind::MovedFrom | GroupKind::MovedTo => 1,
                    GroupKind::Inserted => 2,
                    GroupKind::Deleted => 3,
                    GroupKind::Changed => 4,
                };
                if !r.groups[g].furniture && best.is_none_or(|b| rank(k) > rank(b)) {
                    best = Some(k);
                }
            }
        }
        let (sym, style) = match best {
            Some(GroupKind::Changed) => ("~", t.changed),
            Some(GroupKind::Deleted) => ("-", t.deleted),
            Some(GroupKind::Inserted) => ("+", t.inserted),
            Some(GroupKind::MovedFrom | GroupKind::MovedTo) => (">", t.moved),
            _ => ("│", t.strip),
        };
        let in_view = (dy as u64) >= view_from && (dy as u64) < view_to.max(view_from + 1);
        let style = if in_view {
            style.patch(t.strip_view)
        } else {
            style
        };
        put(buf, area.x, area.y + dy, sym, 1, style);
    }
}
