//! Drawing the compare view from `&App`: pane headers, the aligned panes, the
//! overview strip, the status line, help. Only rows on screen are drawn.

pub mod columns;
mod panes;
pub mod story;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Clear, Widget};
use ratatui::Frame;

use super::app::{App, HEADER_ROWS};
use super::layout::str_width;
use crate::align::Side;
use crate::display::one_line;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if app.too_small() {
        put_too_small(buf, area, Style::default(), q_does(app.nested, app.help));
        return;
    }
    draw_headers(buf, area, app);
    let content = Rect {
        x: area.x,
        y: area.y + HEADER_ROWS,
        width: area.width,
        height: app.content_height(),
    };
    match &app.ready {
        Some(_) => panes::draw(buf, content, app),
        None => {
            let msg = format!(
                "aligning {} and {} words… {:.1} s",
                app.old.words(),
                app.new.words(),
                app.started.elapsed().as_secs_f64()
            );
            center(
                buf,
                content,
                &msg,
                Style::default().add_modifier(Modifier::BOLD),
            );
        }
    }
    draw_status(
        buf,
        Rect {
            x: area.x,
            y: area.y + area.height - 1,
            width: area.width,
            height: 1,
        },
        app,
    );
    if app.help {
        draw_help(buf, area, app);
    }
}

/// Writes `s` at (x, y), clipped to `max` columns; returns the columns used.
pub fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    if max == 0 {
        return 0;
    }
    let (end_x, _) = buf.set_stringn(x, y, s, max as usize, style);
    end_x.saturating_sub(x)
}

/// Whether a terminal of `size` is under `min` in either dimension (each
/// view has its own minimum; below it the view shows `put_too_small`, and
/// only `q` and resizes act).
pub fn below(size: (u16, u16), min: (u16, u16)) -> bool {
    size.0 < min.0 || size.1 < min.1
}

/// What `q` does in a view (the only key that acts while the terminal is too
/// small): it closes the help when the help is open, else goes back when the
/// view is `nested` in another, else quits.
pub fn q_does(nested: bool, help: bool) -> &'static str {
    match (help, nested) {
        (true, _) => "q closes help",
        (false, true) => "q goes back",
        (false, false) => "q quits",
    }
}

/// The notice every view shows, centred, when the terminal is too small for
/// it: "too small", the terminal's size, and what `q` does there (`q_does`).
pub fn put_too_small(buf: &mut Buffer, area: Rect, style: Style, q: &str) {
    let size = format!("{}×{}", area.width, area.height);
    let lines = ["too small", size.as_str(), q];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.y + area.height {
            break;
        }
        let text = clip(l, area.width as usize);
        let x = area.x + area.width.saturating_sub(str_width(&text) as u16) / 2;
        put(
            buf,
            x,
            y,
            &text,
            area.width,
            style.add_modifier(Modifier::BOLD),
        );
    }
}

fn clip(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = str_width(c.encode_utf8(&mut [0; 4]));
        if w + cw > width {
            if width > 0 {
                while w + 1 > width {
                    let Some(last) = out.pop() else { break };
                    w -= str_width(last.encode_utf8(&mut [0; 4]));
                }
                out.push('…');
            }
            return out;
        }
        out.push(c);
        w += cw;
    }
    out
}

fn center(buf: &mut Buffer, area: Rect, msg: &str, style: Style) {
    let text = clip(msg, area.width as usize);
    let w = str_width(&text) as u16;
    let x = area.x + area.width.saturating_sub(w) / 2;
    let y = area.y + area.height / 2;
    put(buf, x, y, &text, area.width, style);
}

fn draw_headers(buf: &mut Buffer, area: Rect, app: &App) {
    let t = &app.theme;
    let half = area.width / 2;
    for right in [false, true] {
        let side = app.pane_side(right);
        let a = app.article(side);
        let x = if right { area.x + half } else { area.x };
        let w = if right {
            area.width - half
        } else {
            half.saturating_sub(1)
        };
        let focus = side == app.focus;
        let label = if side == Side::Old { "OLD" } else { "NEW" };
        let name = a.name_beside(app.article(side.other()));
        let mut first = format!("{label} · {}", one_line(&name));
        if let Some(d) = &a.meta.date {
            first.push_str(&format!(" · {d}"));
        }
        let style = if focus {
            t.header_focus.add_modifier(Modifier::BOLD)
        } else {
            t.header
        };
        put(buf, x, area.y, &clip(&first, w as usize), w, style);
        let title = one_line(&a.title_line());
        put(buf, x, area.y + 1, &clip(&title, w as usize), w, t.title);
        let mut by = a.meta.byline.as_deref().map(one_line).unwrap_or_default();
        if !by.is_empty() {
            by.push_str(" · ");
        }
        by.push_str(&format!("{} words", a.words()));
        let used = put(buf, x, area.y + 2, &clip(&by, w as usize), w, t.header);
        // What the loader guessed or fixed (a decoding, escapes shown as
        // placeholders) stays in sight beside the file it concerns.
        if !a.notes.is_empty() {
            let notes = format!(" · note: {}", one_line(&a.notes.join("; ")));
            let room = w.saturating_sub(used);
            put(
                buf,
                x + used,
                area.y + 2,
                &clip(&notes, room as usize),
                room,
                t.badge,
            );
        }
        let rule: String = "─".repeat(w as usize);
        put(
            buf,
            x,
            area.y + 3,
            &rule,
            w,
            if focus { t.header_focus } else { t.header },
        );
    }
    for y in area.y..area.y + 3 {
        put(buf, area.x + half - 1, y, "│", 1, t.header);
    }
}

fn draw_status(buf: &mut Buffer, area: Rect, app: &App) {
    let t = &app.theme;
    for x in area.x..area.x + area.width {
        buf[(x, area.y)].set_symbol(" ").set_style(t.status);
    }
    if let Some(input) = &app.search.input {
        put(
            buf,
            area.x,
            area.y,
            &clip(
                &format!("/{input}▏  Enter search · Esc cancel"),
                area.width as usize,
            ),
            area.width,
            t.status,
        );
        return;
    }
    let status = status_parts(app);
    let approximate = app.ready.as_ref().is_some_and(|r| r.comparison.approximate);
    let message = app
        .message
        .as_deref()
        .map(|m| one_line(message_form(m, area.width as usize, &status)));
    let fit = fit_status(
        area.width as usize,
        &status,
        approximate,
        message.as_deref(),
    );
    let mut x = area.x
        + put(
            buf,
            area.x,
            area.y,
            &clip(&fit.left, fit.left_room),
            fit.left_room as u16,
            t.status,
        );
    if approximate && fit.approximate {
        x += 1 + put(buf, x + 1, area.y, "APPROXIMATE", 11, t.badge);
    }
    if let (Some(m), true) = (&message, fit.message_room > 0) {
        put(
            buf,
            x + 2,
            area.y,
            &clip(m, fit.message_room),
            fit.message_room as u16,
            t.status.add_modifier(Modifier::ITALIC),
        );
    }
    if fit.right {
        let rw = str_width(&status.right) as u16;
        put(
            buf,
            area.x + area.width - rw,
            area.y,
            &status.right,
            rw,
            t.status,
        );
    }
}

/// The compare view's status line in parts, from the most to the least
/// needed: `variants` are the left-hand summary from fullest to shortest.
struct StatusParts {
    variants: Vec<String>,
    right: String,
}

fn status_parts(app: &App) -> StatusParts {
    let Some(r) = &app.ready else {
        let waiting = format!(
            " aligning… {:.1} s · {} key{} waiting for it · q quits",
            app.started.elapsed().as_secs_f64(),
            app.queued.len(),
            if app.queued.len() == 1 { "" } else { "s" }
        );
        return StatusParts {
            variants: vec![waiting],
            right: String::new(),
        };
    };
    let c = &r.comparison;
    let s = &c.stats;
    let head = format!(" {} · sim {:.2}", c.relation.as_str(), c.similarity);
    let counts = match c.by_claims {
        Some(b) => format!(
            " · by claims · {} shared claim{} · ={} ~{} ↕{} -{} +{}",
            b.shared_claims,
            if b.shared_claims == 1 { "" } else { "s" },
            s.equal,
            s.changed,
            s.moved,
            s.deleted,
            s.inserted,
        ),
        None => format!(
            " · ={} ~{} -{} +{} >{} ¶{}",
            s.equal, s.changed, s.deleted, s.inserted, s.moved, s.reparagraphed
        ),
    };
    let cut = c
        .truncated
        .map(|tr| format!(" · {} cut short", tr.side.as_str()))
        .unwrap_or_default();
    let offer = claims_on_offer(r);
    let classes = crate::tui::filter::status_counts(&s.classes);
    let classes = if classes.is_empty() {
        String::new()
    } else {
        format!(" · {classes}")
    };
    let filter = if app.filter == crate::tui::filter::ClassFilter::All {
        String::new()
    } else {
        format!(" · {}", app.filter.label())
    };
    let total = r.layout.total_rows().max(1);
    let pct = ((app.top + app.content_height() as u64).min(total) * 100) / total;
    StatusParts {
        variants: vec![
            format!("{head}{counts}{cut}{offer}{filter}{classes}"),
            format!("{head}{counts}{cut}{offer}{filter}"),
            format!("{head}{cut}{offer}{filter}"),
        ],
        right: format!("row {}/{} {}% · ? help ", app.top + 1, total, pct),
    }
}

/// Shown in order, a pair whose alignment by claims (already computed) pairs
/// some claims says so, with the key that shows them: ` · 1 shared claim
/// (a: by claims)`.
fn claims_on_offer(r: &crate::tui::app::Ready) -> String {
    if r.comparison.by_claims.is_some() {
        return String::new();
    }
    match r.other.as_ref().and_then(|o| o.comparison.by_claims) {
        Some(b) if b.shared_claims > 0 => format!(
            " · {} shared claim{} (a: by claims)",
            b.shared_claims,
            if b.shared_claims == 1 { "" } else { "s" }
        ),
        _ => String::new(),
    }
}

/// Separates a status message from a shorter form of it, shown where the
/// message would not fit beside the relation and the row counter.
pub const SHORTER: char = '\u{1e}';

/// The form of message `m` to show on a status line `width` columns wide:
/// the full one when it fits beside the shortest summary (the row counter
/// gives way to a message), else the shorter one, when it has one.
fn message_form<'m>(m: &'m str, width: usize, parts: &StatusParts) -> &'m str {
    let Some((full, short)) = m.split_once(SHORTER) else {
        return m;
    };
    let shortest = parts.variants.last().map_or(0, |v| str_width(v));
    if shortest + 2 + str_width(full) <= width {
        full
    } else {
        short
    }
}

/// How the status line's parts share its width.
#[derive(Debug, PartialEq)]
struct StatusFit {
    left: String,
    left_room: usize,
    approximate: bool,
    message_room: usize,
    right: bool,
}

/// Share `width` columns between the summary, the APPROXIMATE badge, the
/// transient message and the row counter. A message (the answer to a key
/// just pressed) is never crowded out: the row counter gives way first, then
/// the summary's class counts, then its op counts.
fn fit_status(
    width: usize,
    parts: &StatusParts,
    approximate: bool,
    message: Option<&str>,
) -> StatusFit {
    let badge = approximate && width >= 40;
    let room = width - if badge { 12 } else { 0 };
    let message_w = message.map_or(0, |m| str_width(m) + 2);
    let right_w = str_width(&parts.right) + 1;
    let last = parts.variants.len().saturating_sub(1);
    let choices = (0..=last).flat_map(|v| [(v, true), (v, false)]);
    let fits = |&(v, right): &(usize, bool)| {
        let right = if right { right_w } else { 0 };
        str_width(&parts.variants[v]) + message_w + right <= room
    };
    let (v, right) = choices
        .filter(|&(_, right)| !right || right_w > 1)
        .find(fits)
        .unwrap_or((last, false));
    let left = parts.variants[v].clone();
    let right_room = if right { right_w } else { 0 };
    let shortest = str_width(&parts.variants[last]);
    let left_room = str_width(&left).min(match message {
        Some(_) => room.saturating_sub(message_w.min(room.saturating_sub(shortest.min(room / 2)))),
        None => room,
    });
    let message_room = if message.is_some() {
        room.saturating_sub(left_room + 2 + right_room)
    } else {
        0
    };
    StatusFit {
        left,
        left_room,
        approximate: badge,
        message_room,
        right,
    }
}

fn draw_help(buf: &mut Buffer, area: Rect, app: &App) {
    draw_keys(
        buf,
        area,
        &app.config.keymap,
        &app.theme,
        "storydiff keys — q, Esc or ? closes",
    );
}

/// The keymap's keys and what they do, in `draw_help_lines`' box.
pub fn draw_keys(
    buf: &mut Buffer,
    area: Rect,
    keymap: &crate::tui::keymap::Keymap,
    theme: &crate::tui::theme::Theme,
    title: &str,
) {
    draw_help_lines(buf, area, &keymap.help_lines(), theme, title);
}

/// A centred, framed box listing keys (or marks) and what they do (or
/// mean): as wide as its longest line allows, with a last line saying how
/// many did not fit when the window is too short for all of them.
pub fn draw_help_lines(
    buf: &mut Buffer,
    area: Rect,
    lines: &[(String, &str)],
    theme: &crate::tui::theme::Theme,
    title: &str,
) {
    let key_w = lines
        .iter()
        .map(|(k, _)| str_width(k))
        .max()
        .unwrap_or(0)
        .min(24) as u16;
    let what_w = lines.iter().map(|(_, w)| str_width(w)).max().unwrap_or(0) as u16;
    // Frame, a margin of two either side, the keys, a gap of two.
    let want_w = (key_w + what_w + 8).max(str_width(title) as u16 + 6);
    let w = want_w.min(area.width.saturating_sub(2));
    // A description wider than the box goes on over the next rows.
    let room = w.saturating_sub(key_w + 6);
    let rows_of: Vec<(&str, Vec<String>)> = lines
        .iter()
        .map(|(k, what)| (k.as_str(), wrap_words(what, room as usize)))
        .collect();
    let total: usize = rows_of.iter().map(|(_, r)| r.len()).sum();
    let h = (total as u16 + 4).min(area.height.saturating_sub(2));
    if w < 12 || h < 4 {
        return;
    }
    let frame = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let style = theme.status;
    Clear.render(frame, buf);
    Block::bordered()
        .title(format!(" {} ", clip(title, w as usize - 6)))
        .title_style(style.add_modifier(Modifier::BOLD))
        .style(style)
        .render(frame, buf);
    let (x, top) = (frame.x + 2, frame.y + 2);
    let rows = h - 3;
    let room_rows = if total as u16 > rows { rows - 1 } else { rows };
    let mut y = top;
    let mut shown = 0;
    for (keys, pieces) in &rows_of {
        // A key is listed whole or not at all.
        if y + pieces.len() as u16 > top + room_rows {
            break;
        }
        put(
            buf,
            x,
            y,
            &clip(keys, key_w as usize),
            key_w,
            style.add_modifier(Modifier::BOLD),
        );
        for piece in pieces {
            put(
                buf,
                x + key_w + 2,
                y,
                &clip(piece, room as usize),
                room,
                style,
            );
            y += 1;
        }
        shown += 1;
    }
    let hidden = lines.len().saturating_sub(shown);
    if hidden > 0 {
        let more = format!("… {hidden} more keys: make the window taller");
        put(
            buf,
            x,
            top + room_rows,
            &clip(&more, w as usize - 4),
            w - 4,
            style,
        );
    }
}

/// `text` in lines of at most `width` columns, broken between words (a word
/// longer than a line is clipped when drawn).
fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("one line");
        let needed = str_width(line) + usize::from(!line.is_empty()) + str_width(word);
        if !line.is_empty() && needed > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// Marks each occurrence of `query` (lower case) in `text`, a line drawn at
/// `(x, y)` within `width` columns, with `style`. A line whose lower-case form
/// has other byte offsets (`İ`) is left unmarked rather than marked wrong.
pub fn highlight(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    text: &str,
    query: &str,
    style: Style,
) {
    if query.is_empty() {
        return;
    }
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        return;
    }
    let mut from = 0;
    while let Some(at) = lower[from..].find(query) {
        let start = from + at;
        let sx = x + str_width(&text[..start]) as u16;
        let w = str_width(&text[start..start + query.len()]) as u16;
        for cx in sx..(sx + w).min(x + width) {
            buf[(cx, y)].set_style(style);
        }
        from = start + query.len().max(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> StatusParts {
        StatusParts {
            variants: vec![
                " related · sim 0.37 · by claims · 5 shared claims · =0 ~3 ↕2 -22 +16 · #2 !2 @4 N3 ?3 \"5 w2 c4".into(),
                " related · sim 0.37 · by claims · 5 shared claims · =0 ~3 ↕2 -22 +16".into(),
                " related · sim 0.37".into(),
            ],
            right: "row 12/178 20% · ? help ".into(),
        }
    }

    #[test]
    fn a_message_too_long_for_the_line_shows_its_shorter_form() {
        let m = format!("↑ 16 sentences of the new article before its first shared claim (g: to the top){SHORTER}↑ 16 new-side sentences above (g)");
        assert!(message_form(&m, 120, &parts()).starts_with("↑ 16 sentences of the new article"));
        let short = message_form(&m, 80, &parts());
        assert_eq!(short, "↑ 16 new-side sentences above (g)");
        let fit = fit_status(80, &parts(), false, Some(short));
        assert!(fit.right, "the row counter stays: {fit:?}");
        assert!(fit.message_room >= str_width(short), "{fit:?}");
        assert_eq!(
            message_form("fact change 2 of 5", 40, &parts()),
            "fact change 2 of 5"
        );
    }

    #[test]
    fn a_wide_line_shows_everything() {
        let fit = fit_status(160, &parts(), false, None);
        assert_eq!(fit.left, parts().variants[0]);
        assert!(fit.right);
        assert_eq!(fit.message_room, 0);
    }

    #[test]
    fn the_message_is_never_crowded_out_at_120_columns() {
        let message = "fact change 2 of 5";
        let fit = fit_status(120, &parts(), false, Some(message));
        assert!(fit.message_room >= str_width(message), "{fit:?}");
        assert_eq!(
            fit.left,
            parts().variants[0],
            "the row counter gives way first"
        );
        assert!(!fit.right);
        let fit = fit_status(
            120,
            &parts(),
            false,
            Some("search: no match for “Kallas Kyiv Brussels”"),
        );
        assert!(fit.message_room >= 20, "{fit:?}");
        assert_eq!(fit.left, parts().variants[1], "then the class counts");
        let used = fit.left_room + 2 + fit.message_room;
        assert!(used <= 120, "{used} columns used");
    }

    #[test]
    fn a_narrow_line_keeps_the_relation_and_some_of_the_message() {
        let fit = fit_status(40, &parts(), true, Some("fact change 2 of 5"));
        assert!(!fit.right);
        assert!(
            fit.approximate,
            "a result that is approximate says so first"
        );
        assert!(fit.left_room >= 10, "{fit:?}");
        assert!(fit.message_room > 0, "{fit:?}");
        assert!(fit.left_room + 12 + 2 + fit.message_room <= 40, "{fit:?}");
    }

    #[test]
    fn a_tiny_line_does_not_underflow() {
        for width in 0..12 {
            let fit = fit_status(width, &parts(), true, Some("no more changes"));
            assert!(
                fit.left_room + fit.message_room <= width,
                "{width}: {fit:?}"
            );
        }
    }
}
