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

/// A line of key hints that fits `width` columns: `hints` are (full, short)
/// forms, most important first, and are shown in that order. The least
/// important hints take their short form first, then drop off, so a narrow
/// window keeps whole words (`Enter compare · j/k · ? help`) rather than a
/// line cut mid-word.
pub fn fit_hints<S: AsRef<str>>(hints: &[(S, S)], width: usize) -> String {
    for n in (1..=hints.len()).rev() {
        for full in (0..=n).rev() {
            let line = hints[..n]
                .iter()
                .enumerate()
                .map(|(i, (long, short))| if i < full { long } else { short }.as_ref())
                .collect::<Vec<_>>()
                .join(" · ");
            if str_width(&line) <= width {
                return line;
            }
        }
    }
    String::new()
}

/// Where a view scrolled to, as vim's ruler says it: the top row on screen,
/// the total, and how far that row is through them (`row 84/947 8%`), or
/// `Top`, `Bot` or `All` when the first row, the last row or both are on
/// screen. The row and the percentage measure the same thing, so a reader
/// can check one against the other.
pub fn row_position(top: u64, shown: u64, total: u64) -> String {
    let total = total.max(1);
    let end = top + shown >= total;
    let place = match (top == 0, end) {
        (true, true) => "All".to_string(),
        (true, false) => "Top".to_string(),
        (false, true) => "Bot".to_string(),
        (false, false) => format!("{}%", ((top + 1) * 100 / total).min(99)),
    };
    format!("row {}/{} {place}", top + 1, total)
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

/// `s` in `width` columns, shortened at a word boundary with `…` when it
/// does not fit (`…merged and split…`, never `…merged and split sen…`);
/// a first word too long for the width alone is cut as `clip` cuts.
/// A name cut to `width` columns: a name of words keeps them whole
/// (`clip_words`); a name of one token, a file name, keeps its start and its
/// end (`000_d2c9a56f…c76.txt`): the start tells files apart, the end holds
/// the extension. It was cut at its end mid-token (`000_d2c9a56fda6f2fe5.t…`).
pub fn clip_name(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if s.contains(char::is_whitespace) || width < 8 {
        return clip_words(s, width);
    }
    let tail: String = fitting(s.chars().rev(), (width - 1) / 3);
    let tail: String = tail.chars().rev().collect();
    let head: String = fitting(s.chars(), width - 1 - str_width(&tail));
    format!("{head}…{tail}")
}

/// The leading characters of `chars` that fill at most `room` columns.
fn fitting(chars: impl Iterator<Item = char>, room: usize) -> String {
    let mut used = 0;
    chars
        .take_while(|c| {
            used += str_width(c.encode_utf8(&mut [0; 4]));
            used <= room
        })
        .collect()
}

pub fn clip_words(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    let cut = clip(s, width);
    let kept = cut.trim_end_matches('…');
    // Where the kept text ends inside a word, go back to the space before it.
    let whole = s[kept.len()..].starts_with(char::is_whitespace);
    let end = if whole {
        Some(kept.len())
    } else {
        kept.rfind(char::is_whitespace)
    };
    match end {
        Some(end) if end > 0 => {
            let head = s[..end].trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | ',' | ';' | '·' | '—' | '–' | '-' | '(')
            });
            if head.is_empty() {
                cut
            } else {
                format!("{head}…")
            }
        }
        _ => cut,
    }
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
        let room = (w as usize).saturating_sub(str_width(label) + 3);
        let mut first = format!("{label} · {}", clip_name(&one_line(&name), room));
        // The date whole or not at all ("· 2025-0…" at 80 columns).
        if let Some(d) = &a.meta.date {
            let dated = format!("{first} · {d}");
            if str_width(&dated) <= w as usize {
                first = dated;
            }
        }
        let style = if focus {
            t.header_focus.add_modifier(Modifier::BOLD)
        } else {
            t.header
        };
        put(buf, x, area.y, &clip(&first, w as usize), w, style);
        let title = one_line(&a.title_line());
        put(
            buf,
            x,
            area.y + 1,
            &clip_words(&title, w as usize),
            w,
            t.title,
        );
        // A long byline is cut before the word count, which stays whole.
        let words = format!("{} words", a.words());
        let by = match a.meta.byline.as_deref().map(one_line) {
            Some(by) if !by.is_empty() => {
                let room = (w as usize).saturating_sub(str_width(&words) + 3);
                if room >= 8 {
                    format!("{} · {words}", clip_words(&by, room))
                } else {
                    format!("{by} · {words}")
                }
            }
            _ => words,
        };
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
                &clip_words(&notes, room as usize),
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
            &clip_words(m, fit.message_room),
            fit.message_room as u16,
            t.status.add_modifier(Modifier::ITALIC),
        );
    }
    if let Some(right) = &fit.right {
        let rw = str_width(right) as u16;
        put(buf, area.x + area.width - rw, area.y, right, rw, t.status);
    }
}

/// The compare view's status line in parts, from the most to the least
/// needed: `variants` are the left-hand summary from fullest to shortest
/// (the edit classes in words, by their badges `w3 c1`, none; then the op
/// counts without zeros, none; then without the offer of the other
/// alignment), `rights` the row counter and help hint, likewise.
struct StatusParts {
    variants: Vec<String>,
    rights: Vec<String>,
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
            rights: Vec::new(),
        };
    };
    let c = &r.comparison;
    let s = &c.stats;
    let head = format!(" {} · sim {:.2}", c.relation.as_str(), c.similarity);
    let marks: Vec<(&str, usize)> = match c.by_claims {
        Some(_) => vec![
            ("=", s.equal),
            ("~", s.changed),
            ("↕", s.moved),
            ("-", s.deleted),
            ("+", s.inserted),
        ],
        None => vec![
            ("=", s.equal),
            ("~", s.changed),
            ("-", s.deleted),
            ("+", s.inserted),
            (">", s.moved),
            ("¶", s.reparagraphed),
        ],
    };
    let tally = |all: bool| {
        marks
            .iter()
            .filter(|&&(_, n)| all || n > 0)
            .map(|(m, n)| format!("{m}{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let claims = match c.by_claims {
        Some(b) => format!(
            " · by claims · {} shared claim{}",
            b.shared_claims,
            if b.shared_claims == 1 { "" } else { "s" },
        ),
        None => String::new(),
    };
    let counts = format!("{claims} · {}", tally(true));
    // A narrow window leaves out the marks no passage carries.
    let nonzero = match tally(false) {
        t if t.is_empty() => claims,
        t => format!("{claims} · {t}"),
    };
    let cut = c
        .truncated
        .map(|tr| format!(" · {} cut short", tr.side.as_str()))
        .unwrap_or_default();
    let offer = claims_on_offer(r);
    let with_dot = |s: String| {
        if s.is_empty() {
            s
        } else {
            format!(" · {s}")
        }
    };
    let badges = with_dot(crate::tui::filter::status_counts(&s.classes));
    let words = with_dot(crate::tui::filter::status_words(&s.classes));
    let filter = if app.filter == crate::tui::filter::ClassFilter::All {
        String::new()
    } else {
        format!(" · {}", app.filter.label())
    };
    let total = r.layout.total_rows().max(1);
    // As wide as the counter ever gets for this pair, so that scrolling
    // (row 99 to 100) never changes which parts of the line fit.
    let widest = str_width(&format!("row {total}/{total} Top"));
    let position = format!(
        "{:>widest$}",
        row_position(app.top, app.content_height() as u64, total)
    );
    StatusParts {
        variants: vec![
            format!("{head}{counts}{cut}{offer}{filter}{words}"),
            format!("{head}{counts}{cut}{offer}{filter}{badges}"),
            format!("{head}{counts}{cut}{offer}{filter}"),
            format!("{head}{nonzero}{cut}{offer}{filter}"),
            format!("{head}{cut}{offer}{filter}"),
            format!("{head}{cut}{filter}"),
        ],
        rights: vec![
            format!("{position} · ? help "),
            format!("{position} "),
            "? help ".to_string(),
        ],
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

/// Separates a status message from shorter forms of it, shown where the
/// message would not fit beside the relation and the row counter.
pub const SHORTER: char = '\u{1e}';

/// The form of message `m` to show on a status line `width` columns wide:
/// the fullest that fits beside the shortest summary (the row counter
/// gives way to a message), else the shortest it has.
fn message_form<'m>(m: &'m str, width: usize, parts: &StatusParts) -> &'m str {
    let shortest = parts.variants.last().map_or(0, |v| str_width(v));
    let mut forms = m.split(SHORTER);
    let mut form = forms.next().unwrap_or(m);
    for shorter in forms {
        if shortest + 2 + str_width(form) <= width {
            break;
        }
        form = shorter;
    }
    form
}

/// How the status line's parts share its width.
#[derive(Debug, PartialEq)]
struct StatusFit {
    left: String,
    left_room: usize,
    approximate: bool,
    message_room: usize,
    right: Option<String>,
}

/// The (summary, right-hand part) pairs to try, in order of preference.
/// The class counts are named in words only where everything else fits too.
/// With a message, the row counter gives way before anything of the summary
/// (the answer to a key just pressed matters most). Without one, the op
/// counts (all, then the non-zero ones) come before the row counter, which
/// comes before the class badges and the help hint; the relation alone
/// comes last.
fn status_choices(parts: &StatusParts, message: bool) -> Vec<(usize, Option<usize>)> {
    let last = parts.variants.len().saturating_sub(1);
    let rights: Vec<Option<usize>> = (0..parts.rights.len()).map(Some).chain([None]).collect();
    if last < 3 || parts.rights.len() < 3 {
        return (0..=last)
            .flat_map(|v| rights.iter().map(move |&r| (v, r)))
            .collect();
    }
    let mut choices = vec![(0, Some(0))];
    if message {
        choices.extend((1..=last).flat_map(|v| rights.iter().map(move |&r| (v, r))));
        return choices;
    }
    // The forms with op counts: all but the last two.
    let counted = 1..last - 1;
    choices.extend(counted.clone().flat_map(|v| [(v, Some(0)), (v, Some(1))]));
    choices.extend(counted.flat_map(|v| [(v, Some(2)), (v, None)]));
    choices.extend((last - 1..=last).flat_map(|v| rights.iter().map(move |&r| (v, r))));
    choices
}

/// Share `width` columns between the summary, the APPROXIMATE badge, the
/// transient message and the row counter (`status_choices` says which
/// forms of them come first).
fn fit_status(
    width: usize,
    parts: &StatusParts,
    approximate: bool,
    message: Option<&str>,
) -> StatusFit {
    let badge = approximate && width >= 40;
    let room = width - if badge { 12 } else { 0 };
    let message_w = message.map_or(0, |m| str_width(m) + 2);
    let last = parts.variants.len().saturating_sub(1);
    let choices = status_choices(parts, message.is_some());
    let fits = |&(v, right): &(usize, Option<usize>)| {
        let right = right.map_or(0, |r| str_width(&parts.rights[r]) + 1);
        str_width(&parts.variants[v]) + message_w + right <= room
    };
    let (v, right) = choices.into_iter().find(fits).unwrap_or((last, None));
    let right = right.map(|r| &parts.rights[r]);
    let left = parts.variants[v].clone();
    let right_room = right.map_or(0, |r| str_width(r) + 1);
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
        right: right.cloned(),
    }
}

fn draw_help(buf: &mut Buffer, area: Rect, app: &App) {
    draw_help_lines(
        buf,
        area,
        &app.help_lines(),
        &app.theme,
        crate::tui::app::HELP_TITLE,
        app.help_top,
    );
}

/// The keymap's keys and what they do, in `draw_help_lines`' box.
pub fn draw_keys(
    buf: &mut Buffer,
    area: Rect,
    keymap: &crate::tui::keymap::Keymap,
    theme: &crate::tui::theme::Theme,
    title: &str,
    top: usize,
) {
    draw_help_lines(buf, area, &keymap.help_lines(), theme, title, top);
}

/// Where the help box stands and what each of its entries takes.
struct HelpBox {
    frame: Rect,
    key_w: u16,
    /// Columns for what a key does.
    room: u16,
    /// Each entry's key and its description in lines of `room` columns.
    rows_of: Vec<(String, Vec<String>)>,
    /// Rows for entries (one less than the box's inside when they do not
    /// all fit: the last says where the list stands).
    room_rows: u16,
    /// Whether every entry fits at once.
    all_fit: bool,
}

/// The help box for `lines` in `area`: as wide as its longest line allows,
/// centred; `None` when the window is too small for one.
fn help_box(area: Rect, lines: &[(String, &str)], title: &str) -> Option<HelpBox> {
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
    let rows_of: Vec<(String, Vec<String>)> = lines
        .iter()
        .map(|(k, what)| (k.clone(), wrap_words(what, room as usize)))
        .collect();
    let total: usize = rows_of.iter().map(|(_, r)| r.len()).sum();
    let h = (total as u16 + 4).min(area.height.saturating_sub(2));
    if w < 12 || h < 5 {
        return None;
    }
    let frame = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    let rows = h - 3;
    let all_fit = total as u16 <= rows;
    Some(HelpBox {
        frame,
        key_w,
        room,
        rows_of,
        room_rows: if all_fit { rows } else { rows - 1 },
        all_fit,
    })
}

/// How many entries the help box shows from entry `top` on.
fn help_shown(b: &HelpBox, top: usize) -> usize {
    let mut used = 0;
    b.rows_of[top.min(b.rows_of.len())..]
        .iter()
        .take_while(|(_, rows)| {
            used += rows.len();
            used <= b.room_rows as usize
        })
        .count()
}

/// The furthest the help can scroll in a window of `size`: the first entry
/// shown when the last one stands at the bottom of the box.
pub fn help_max_top(size: (u16, u16), lines: &[(String, &str)], title: &str) -> usize {
    let Some(b) = help_box(Rect::new(0, 0, size.0, size.1), lines, title) else {
        return 0;
    };
    (0..b.rows_of.len())
        .find(|&top| top + help_shown(&b, top) >= b.rows_of.len())
        .unwrap_or(0)
}

/// A key pressed while the help box is open, as (whether it stays open,
/// its top line): `?` or `q` closes it (the next one opens at its top), any
/// other key scrolls it (`help_scrolled`). `lines` are the box's lines,
/// asked for only when it scrolls.
pub fn help_key(
    top: usize,
    action: crate::tui::action::Action,
    size: (u16, u16),
    lines: impl FnOnce() -> Vec<(String, &'static str)>,
    title: &str,
) -> (bool, usize) {
    use crate::tui::action::Action;
    if matches!(action, Action::Help | Action::Quit) {
        (false, 0)
    } else {
        (true, help_scrolled(top, action, size, &lines(), title))
    }
}

/// Where the help list stands after `action` (a scrolling key; others leave
/// it), for `lines` in a window of `size`. Every view's help scrolls so:
/// a short window shows all its keys and marks a screenful at a time.
pub fn help_scrolled(
    top: usize,
    action: crate::tui::action::Action,
    size: (u16, u16),
    lines: &[(String, &str)],
    title: &str,
) -> usize {
    use crate::tui::action::Action;
    let max = help_max_top(size, lines, title);
    let page = usize::from(size.1.saturating_sub(8)).max(1);
    let top = top.min(max);
    match action {
        Action::ScrollDown => top + 1,
        Action::ScrollUp => top.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => top + page,
        Action::PageUp | Action::HalfPageUp => top.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => top,
    }
    .min(max)
}

/// The help box's title in `room` columns: whole, else what comes before
/// its ` — ` (`storydiff keys and marks`, without `q, Esc or ? closes`),
/// else cut.
fn help_title(title: &str, room: usize) -> String {
    let head = title.split(" — ").next().unwrap_or(title);
    if str_width(title) <= room {
        title.to_string()
    } else if str_width(head) <= room {
        head.to_string()
    } else {
        clip(head, room)
    }
}

/// A centred, framed box listing keys (or marks) and what they do (or
/// mean), from entry `top` on: as wide as its longest line allows; when the
/// window is too short for all of them, a last line says which are shown
/// and that j/k scroll the rest into view.
pub fn draw_help_lines(
    buf: &mut Buffer,
    area: Rect,
    lines: &[(String, &str)],
    theme: &crate::tui::theme::Theme,
    title: &str,
    top: usize,
) {
    let Some(b) = help_box(area, lines, title) else {
        return;
    };
    let (frame, key_w, room) = (b.frame, b.key_w, b.room);
    let top = top.min(help_max_top((area.width, area.height), lines, title));
    let style = theme.status;
    Clear.render(frame, buf);
    Block::bordered()
        .title(format!(" {} ", help_title(title, frame.width as usize - 6)))
        .title_style(style.add_modifier(Modifier::BOLD))
        .style(style)
        .render(frame, buf);
    let (x, first_y) = (frame.x + 2, frame.y + 2);
    let shown = help_shown(&b, top);
    let mut y = first_y;
    for (keys, pieces) in &b.rows_of[top..top + shown] {
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
    }
    if !b.all_fit {
        let n = lines.len();
        let more = fit_hints(
            &[
                (
                    format!("{}–{} of {n}", top + 1, top + shown),
                    format!("{}–{}/{n}", top + 1, top + shown),
                ),
                ("j/k, Space/b scroll".to_string(), "j/k scroll".to_string()),
            ],
            frame.width as usize - 4,
        );
        put(
            buf,
            x,
            first_y + b.room_rows,
            &more,
            frame.width - 4,
            style.add_modifier(Modifier::ITALIC),
        );
    }
}

/// `text` in lines of at most `width` columns, broken between words (a word
/// longer than a line is clipped when drawn).
pub(crate) fn wrap_words(text: &str, width: usize) -> Vec<String> {
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
                " related · sim 0.37 · by claims · 5 shared claims · =0 ~3 ↕2 -22 +16 · edits: 2 number, 2 negation, 4 attribution, 3 name, 3 hedge, 5 quote, 2 wording, 4 cosmetic".into(),
                " related · sim 0.37 · by claims · 5 shared claims · =0 ~3 ↕2 -22 +16 · #2 !2 @4 N3 ?3 \"5 w2 c4".into(),
                " related · sim 0.37 · by claims · 5 shared claims · =0 ~3 ↕2 -22 +16".into(),
                " related · sim 0.37 · by claims · 5 shared claims · ~3 ↕2 -22 +16".into(),
                " related · sim 0.37 · 5 shared claims (a: by claims)".into(),
                " related · sim 0.37".into(),
            ],
            rights: vec![
                "row 12/178 6% · ? help ".into(),
                "row 12/178 6% ".into(),
                "? help ".into(),
            ],
        }
    }

    #[test]
    fn a_message_too_long_for_the_line_shows_its_shorter_form() {
        let m = format!("↑ 16 sentences of the new article before its first shared claim (g: to the top){SHORTER}↑ 16 new-side sentences above (g)");
        assert!(message_form(&m, 120, &parts()).starts_with("↑ 16 sentences of the new article"));
        let short = message_form(&m, 80, &parts());
        assert_eq!(short, "↑ 16 new-side sentences above (g)");
        let fit = fit_status(80, &parts(), false, Some(short));
        assert!(fit.right.is_some(), "the row counter stays: {fit:?}");
        assert!(fit.message_room >= str_width(short), "{fit:?}");
        assert_eq!(
            message_form("fact change 2 of 5", 40, &parts()),
            "fact change 2 of 5"
        );
        // A third form for a 40-column window.
        let m = format!("{m}{SHORTER}↑ 16 above (g)");
        assert_eq!(message_form(&m, 80, &parts()), short);
        assert_eq!(message_form(&m, 40, &parts()), "↑ 16 above (g)");
    }

    #[test]
    fn a_wide_line_shows_everything() {
        let fit = fit_status(260, &parts(), false, None);
        assert_eq!(fit.left, parts().variants[0]);
        assert_eq!(fit.right.as_deref(), Some("row 12/178 6% · ? help "));
        assert_eq!(fit.message_room, 0);
        let fit = fit_status(160, &parts(), false, None);
        assert_eq!(fit.left, parts().variants[1], "edit classes by badge");
        assert_eq!(fit.right.as_deref(), Some("row 12/178 6% · ? help "));
    }

    #[test]
    fn the_message_is_never_crowded_out_at_120_columns() {
        let message = "fact change 2 of 5";
        let fit = fit_status(120, &parts(), false, Some(message));
        assert!(fit.message_room >= str_width(message), "{fit:?}");
        assert_eq!(
            fit.left,
            parts().variants[1],
            "the row counter gives way first"
        );
        assert!(fit.right.is_none());
        let fit = fit_status(
            120,
            &parts(),
            false,
            Some("search: no match for “Kallas Kyiv Brussels”"),
        );
        assert!(fit.message_room >= 20, "{fit:?}");
        assert_eq!(fit.left, parts().variants[2], "then the class counts");
        let used = fit.left_room + 2 + fit.message_room;
        assert!(used <= 120, "{used} columns used");
    }

    #[test]
    fn a_narrow_line_keeps_the_relation_and_some_of_the_message() {
        let fit = fit_status(40, &parts(), true, Some("fact change 2 of 5"));
        assert!(fit.right.is_none());
        assert!(
            fit.approximate,
            "a result that is approximate says so first"
        );
        assert!(fit.left_room >= 10, "{fit:?}");
        assert!(fit.message_room > 0, "{fit:?}");
        assert!(fit.left_room + 12 + 2 + fit.message_room <= 40, "{fit:?}");
    }

    #[test]
    fn without_a_message_the_row_counter_outlasts_the_class_counts() {
        // 000/001 at 80 columns: the summary with its class badges and the
        // row counter, then the counter alone, before the badges go.
        let fit = fit_status(100, &parts(), false, None);
        assert_eq!(fit.left, parts().variants[2], "{fit:?}");
        assert_eq!(fit.right.as_deref(), Some("row 12/178 6% · ? help "));
        let fit = fit_status(90, &parts(), false, None);
        assert_eq!(fit.left, parts().variants[2], "{fit:?}");
        assert_eq!(fit.right.as_deref(), Some("row 12/178 6% "));
        // Then the op counts without the zeros, beside the counter.
        let fit = fit_status(82, &parts(), false, None);
        assert_eq!(fit.left, parts().variants[3], "{fit:?}");
        assert_eq!(fit.right.as_deref(), Some("row 12/178 6% "));
        // The relation alone comes last, with the counter.
        let fit = fit_status(50, &parts(), false, None);
        assert_eq!(fit.left, parts().variants[5], "{fit:?}");
        assert_eq!(fit.right.as_deref(), Some("row 12/178 6% · ? help "));
    }

    #[test]
    fn a_narrow_help_box_keeps_its_title_whole() {
        let t = "storydiff keys and marks — q, Esc or ? closes";
        assert_eq!(help_title(t, 60), t);
        assert_eq!(help_title(t, 32), "storydiff keys and marks");
        assert_eq!(help_title(t, 10), "storydiff…");
    }

    #[test]
    fn the_position_is_one_measure() {
        assert_eq!(row_position(0, 22, 947), "row 1/947 Top");
        assert_eq!(row_position(83, 22, 947), "row 84/947 8%");
        assert_eq!(row_position(925, 22, 947), "row 926/947 Bot");
        assert_eq!(row_position(0, 22, 10), "row 1/10 All");
        assert_eq!(row_position(945, 1, 947), "row 946/947 99%");
    }

    #[test]
    fn hints_shorten_then_drop_whole_from_the_least_important() {
        let hints = [
            ("Enter compare", "Enter"),
            ("j/k select", "j/k"),
            ("? help", "?"),
        ];
        assert_eq!(fit_hints(&hints, 80), "Enter compare · j/k select · ? help");
        assert_eq!(fit_hints(&hints, 30), "Enter compare · j/k select · ?");
        assert_eq!(fit_hints(&hints, 24), "Enter compare · j/k · ?");
        assert_eq!(fit_hints(&hints, 18), "Enter · j/k · ?");
        assert_eq!(fit_hints(&hints, 14), "Enter · j/k");
        assert_eq!(fit_hints(&hints, 3), "");
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
