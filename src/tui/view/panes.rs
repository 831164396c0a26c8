//! The aligned panes (side by side or inline) and the overview strip.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::put;
use crate::align::Side;
use crate::tui::app::App;
use crate::tui::filter::{self, ClassFilter};
use crate::tui::layout::{side_lines, spaced, GroupKind, Item, Piece, Seg};
use crate::tui::theme::Theme;

/// The lines of one item, both sides, computed once while the layout stands
/// (`Layout::drawn`).
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

fn marker(kind: GroupKind, side: Side) -> char {
    match (kind, side) {
        (GroupKind::Equal, _) => '=',
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
    match &r.layout.items[item] {
        Item::Fold { groups, furniture } => ItemLines {
            item,
            spaced: false,
            rows: vec![Row {
                fold: Some(fold_label(app, groups.clone(), *furniture)),
                furniture: *furniture,
                ..Row::default()
            }],
        },
        Item::Group(g) => ItemLines {
            item,
            spaced: spaced(&r.groups, &r.layout.items, item),
            rows: group_rows(app, *g),
        },
    }
}

/// The line that stands for folded passages, saying why they are hidden
/// and which key shows them.
fn fold_label(app: &App, groups: std::ops::Range<usize>, furniture: bool) -> String {
    let r = app.ready.as_ref().expect("ready");
    let filter = r.layout.key.filter;
    let n = groups.len();
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if filter != ClassFilter::All {
        format!(
            "⋯ {n} passage{} hidden: showing {} — e for the next view",
            plural(n),
            filter.label()
        )
    } else if furniture {
        format!(
            "⋯ {n} furniture passage{} folded (boilerplate, captions, teasers) — B unfolds",
            plural(n)
        )
    } else {
        let sentences: usize = groups.map(|g| r.groups[g].old.len()).sum();
        format!(
            "⋯ {sentences} unchanged sentence{} folded — F unfolds",
            plural(sentences)
        )
    }
}

/// The screen rows of one aligned group: both sides' lines, each with its
/// gutter marker (fact badges down the old side's gutter, one a row).
fn group_rows(app: &App, g: usize) -> Vec<Row> {
    let r = app.ready.as_ref().expect("ready");
    let (key, c, group) = (r.layout.key, &r.comparison, &r.groups[g]);
    let old = side_lines(key, c, &r.groups, g, Side::Old, &app.old);
    let new = side_lines(key, c, &r.groups, g, Side::New, &app.new);
    let badges = filter::badges(c, group);
    let mark = |side: Side, row: usize| match side {
        Side::Old => badges
            .get(row)
            .copied()
            .unwrap_or(marker(group.kind, Side::Old)),
        Side::New => marker(group.kind, Side::New),
    };
    // Side by side, a side without sentences shows no marker.
    let gutter = |side: Side, row: usize| {
        if group.units(side).is_empty() {
            ' '
        } else {
            mark(side, row)
        }
    };
    let mut rows = if key.inline {
        inline_rows(group.kind, &old, &new, mark)
    } else {
        (0..old.len().max(new.len()))
            .map(|i| Row {
                old: old.get(i).map(|l| (gutter(Side::Old, i), l.clone())),
                new: new.get(i).map(|l| (gutter(Side::New, i), l.clone())),
                ..Row::default()
            })
            .collect()
    };
    if rows.is_empty() {
        rows.push(Row::default());
    }
    for row in rows.iter_mut() {
        row.kind = Some(group.kind);
        row.furniture = group.furniture;
    }
    rows
}

/// Inline mode: the old side's lines, then the new side's (an equal group
/// shows one side only).
fn inline_rows(
    kind: GroupKind,
    old: &[Vec<Piece>],
    new: &[Vec<Piece>],
    mark: impl Fn(Side, usize) -> char,
) -> Vec<Row> {
    let both = kind != GroupKind::Equal;
    let first = if both || !old.is_empty() { old } else { new };
    let inline = |side: Side, k: usize, l: &Vec<Piece>| Row {
        inline: Some((mark(side, k), side, l.clone())),
        ..Row::default()
    };
    let mut rows: Vec<Row> = first
        .iter()
        .enumerate()
        .map(|(k, l)| inline(Side::Old, k, l))
        .collect();
    if both {
        rows.extend(new.iter().enumerate().map(|(k, l)| inline(Side::New, k, l)));
    }
    rows
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
    super::highlight(buf, (x, y, width), &text, &app.search.query, t.search);
}

/// Where the panes sit: the left pane from `x`, `half` columns wide, the
/// divider at `x + half`, the right pane after it up to `body_w`.
#[derive(Clone, Copy)]
struct Panes {
    x: u16,
    body_w: u16,
    half: u16,
}

impl Panes {
    fn new(area: Rect) -> Self {
        let body_w = area.width - 1;
        Panes {
            x: area.x,
            body_w,
            half: body_w.saturating_sub(1) / 2,
        }
    }

    /// The left edge and width of the left or right pane.
    fn pane(self, right: bool) -> (u16, u16) {
        if right {
            (self.x + self.half + 1, self.body_w - self.half - 1)
        } else {
            (self.x, self.half)
        }
    }
}

pub(super) fn draw(buf: &mut Buffer, area: Rect, app: &App) {
    let r = app.ready.as_ref().expect("ready");
    let panes = Panes::new(area);
    let mut cache: Option<std::sync::Arc<ItemLines>> = None;
    for dy in 0..area.height {
        let row = app.top + dy as u64;
        let y = area.y + dy;
        if row >= r.layout.total_rows() {
            break;
        }
        let item = r.layout.item_at(row);
        if cache.as_ref().is_none_or(|c| c.item != item) {
            cache = Some(r.layout.drawn.get_or_make(item, || item_lines(app, item)));
        }
        let lines = cache.as_ref().expect("cached");
        let mut local = (row - r.layout.starts[item]) as usize;
        if lines.spaced {
            if local == 0 {
                draw_paragraph_break(buf, panes, y, app, item);
                continue;
            }
            local -= 1;
        }
        if let Some(line) = lines.rows.get(local) {
            draw_row(buf, panes, y, app, line);
        }
    }
    draw_strip(
        buf,
        Rect {
            x: area.x + area.width - 1,
            y: area.y,
            width: 1,
            height: area.height,
        },
        app,
    );
}

/// The blank row before a paragraph: marked `¶` on the side that starts a
/// paragraph there alone (`Group::lone_break`).
fn draw_paragraph_break(buf: &mut Buffer, panes: Panes, y: u16, app: &App, item: usize) {
    let r = app.ready.as_ref().expect("ready");
    let Item::Group(g) = r.layout.items[item] else {
        return;
    };
    let gr = &r.groups[g];
    if app.inline {
        return;
    }
    for right in [false, true] {
        if gr.lone_break(app.pane_side(right)) {
            let (x, _) = panes.pane(right);
            put(buf, x, y, "¶", 1, marker_style(&app.theme, '¶'));
        }
    }
}

/// One screen row: a fold line, an inline line, or both panes.
fn draw_row(buf: &mut Buffer, panes: Panes, y: u16, app: &App, line: &Row) {
    let t = &app.theme;
    let width = panes.body_w.saturating_sub(2);
    if let Some(label) = &line.fold {
        let style = t.furniture.add_modifier(Modifier::ITALIC);
        put(buf, panes.x + 2, y, label, width, style);
        return;
    }
    let kind = line.kind.unwrap_or(GroupKind::Equal);
    let base = base_style(t, kind, line.furniture);
    if let Some((m, side, pieces)) = &line.inline {
        put(buf, panes.x, y, &m.to_string(), 1, marker_style(t, *m));
        // Inline, an old-side line of an inserted or moved-to group is
        // drawn as deleted text; other lines keep their group's style.
        let old_of_an_edit = *side == Side::Old
            && !matches!(
                kind,
                GroupKind::Changed | GroupKind::Equal | GroupKind::Deleted | GroupKind::MovedFrom
            );
        let style = if old_of_an_edit { t.deleted } else { base };
        draw_line(buf, panes.x + 2, y, width, pieces, style, *side, app);
        return;
    }
    for right in [false, true] {
        let side = app.pane_side(right);
        let (x, w) = panes.pane(right);
        let cell = match side {
            Side::Old => &line.old,
            Side::New => &line.new,
        };
        if let Some((m, pieces)) = cell {
            put(buf, x, y, &m.to_string(), 1, marker_style(t, *m));
            draw_line(buf, x + 2, y, w.saturating_sub(2), pieces, base, side, app);
        }
    }
    if !app.inline {
        put(buf, panes.x + panes.half, y, "│", 1, t.furniture);
    }
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
