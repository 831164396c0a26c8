//! The Wording tab: the word substitutions that recur between outlets' (or
//! are one word put for another inside matching words)
//! versions of one claim (`[0] “protesters” ↔ [3] “rioters” ×4`), and under
//! the list the sentences of the selected one's first instance.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{draw_footer, draw_list, draw_tab_head, draw_tab_note};
use crate::display::one_line;
use crate::story::{NO_WORDING, WORDING_LEFT_OUT};
use crate::tui::layout::str_width;
use crate::tui::story_view::StoryApp;

pub fn draw(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    if app.story.wording.is_empty() {
        let note = format!("{NO_WORDING}. {WORDING_LEFT_OUT}.");
        draw_tab_note(buf, area, app, &note);
        return;
    }
    let head = [
        (
            "words one outlet uses where another uses others, in the same claim",
            "one outlet's words for another's, in one claim",
        ),
        ("Enter shows the pair", "Enter shows it"),
        (LEFT_OUT, "word forms not counted"),
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

/// What the list leaves out, where the head line has room.
const LEFT_OUT: &str = "forms of one word and a capital alone not counted";

/// A row: the two outlets, their words, how often, and whether they are
/// one word spelled or capitalised two ways (house style, not framing).
fn line(wd: &crate::story::Wording) -> String {
    let kind = match wd.kind().label() {
        "" => String::new(),
        label => format!(" · {label}"),
    };
    format!(
        "[{}] “{}” ↔ [{}] “{}” ×{}{kind}",
        wd.a,
        one_line(&wd.words_a),
        wd.b,
        one_line(&wd.words_b),
        wd.count
    )
}

/// Above the status line: the selected substitution's first instance, the
/// words around it on each side, as much of both as half the line holds
/// (the whole sentences do not fit: at 100 columns the second was lost and
/// the first cut mid-word).
fn draw_instance(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    let Some(wd) = app.story.wording.get(app.row) else {
        return;
    };
    let [x, y, ..] = wd.occurrences.as_slice() else {
        return;
    };
    draw_pair(buf, area, app, x, y);
}

/// Above the status line: two occurrences' words, each with the words of
/// its sentence around it, each in half the line.
pub(super) fn draw_pair(
    buf: &mut Buffer,
    area: Rect,
    app: &StoryApp,
    x: &crate::story::Occurrence,
    y: &crate::story::Occurrence,
) {
    let sep = "  ·  ";
    let half = (area.width as usize).saturating_sub(sep.len()) / 2;
    let side = |o: &crate::story::Occurrence| {
        let label = format!("[{}] ", o.article);
        let room = half.saturating_sub(label.len());
        format!("{label}{}", around(app, o, room))
    };
    let line = format!("{}{sep}{}", side(x), side(y));
    draw_footer(buf, area, app, &line);
}

/// The words of an occurrence with as many words of its sentence around
/// it as `width` columns hold, cut at word boundaries (`…Tuesday,
/// Zelenskyy suggested…`).
fn around(app: &StoryApp, o: &crate::story::Occurrence, width: usize) -> String {
    let a = &app.articles[o.article];
    let sentence = a
        .blocks
        .iter()
        .flat_map(|b| b.sentences.iter())
        .find(|s| s.start <= o.span.start && o.span.end <= s.end)
        .copied()
        .unwrap_or(o.span);
    let before = one_line(&a.text[sentence.start..o.span.start]);
    let words = one_line(&a.text[o.span.range()]);
    let after = one_line(&a.text[o.span.end..sentence.end]);
    if str_width(&words) >= width {
        return crate::tui::view::clip_words(&words, width);
    }
    let room = width.saturating_sub(str_width(&words));
    // Half the room each side; a side that needs less leaves it to the other.
    let (bw, aw) = (str_width(&before) + 1, str_width(&after) + 1);
    let left = bw.min(room / 2).max(room.saturating_sub(aw));
    let left = left.min(bw);
    let right = room.saturating_sub(left);
    let head = last_words(before.trim_end(), left.saturating_sub(1));
    let tail = first_words(after.trim_start(), right.saturating_sub(1));
    // A space only where the sentence has one ("Zelenskyy," stays whole).
    let spaced = |s: &str| s.chars().next().is_some_and(char::is_whitespace);
    let raw_before = &a.text[sentence.start..o.span.start];
    let raw_after = &a.text[o.span.end..sentence.end];
    let g1 = if head.is_empty() || head == "…" || !raw_before.ends_with(char::is_whitespace) {
        ""
    } else {
        " "
    };
    let g2 = if tail.is_empty() || tail == "…" || !spaced(raw_after) {
        ""
    } else {
        " "
    };
    format!("{head}{g1}{words}{g2}{tail}")
}

/// The first words of `s` that fit in `width` columns, then `…` when
/// some are left out (`…` alone when none fits).
fn first_words(s: &str, width: usize) -> String {
    words_within(s, width, false)
}

/// The last words of `s` that fit in `width` columns, after `…` when some
/// are left out.
fn last_words(s: &str, width: usize) -> String {
    words_within(s, width, true)
}

/// Whole words of `s` from its start (or its end) that fit in `width`
/// columns with the `…` that marks the rest left out.
fn words_within(s: &str, width: usize, from_end: bool) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut words: Vec<&str> = s.split_whitespace().collect();
    if from_end {
        words.reverse();
    }
    let (mut kept, mut used) = (Vec::new(), 0);
    for w in words {
        let add = str_width(w) + usize::from(!kept.is_empty());
        if used + add + 1 > width {
            break;
        }
        used += add;
        kept.push(w);
    }
    if from_end {
        kept.reverse();
        format!("…{}", kept.join(" "))
    } else {
        format!("{}…", kept.join(" "))
    }
}
