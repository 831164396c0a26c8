//! Making input text safe to show: control characters and escape sequences
//! never reach a terminal raw; each becomes a visible placeholder.

use std::borrow::Cow;

/// Whether `c` must not be written to a terminal as is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The placeholder shown for an unsafe character: control pictures for C0
/// (`␛` for ESC), `<U+XXXX>` for the rest.
pub fn placeholder(c: char) -> String {
    match c as u32 {
        0x00..=0x1f => char::from_u32(0x2400 + c as u32).unwrap_or('�').to_string(),
        0x7f => "␡".to_string(),
        n => format!("<U+{n:04X}>"),
    }
}

/// Characters that take no room on screen: zero-width space, non-joiner and
/// joiner, word joiner, byte-order mark, soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// `s` with characters that take no room shown as `<U+XXXX>`, for edits
/// that would otherwise look empty (`[-​-]`).
pub fn show_invisible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_invisible) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_invisible(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` with every unsafe character replaced by its placeholder. Newlines and
/// tabs are kept; callers that need one line use [`one_line`].
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&placeholder(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` sanitized, with runs of whitespace (newlines included) collapsed to one space.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&sanitize(w));
    }
    out
}

/// The first `max` characters of `s` on one line, with `…` when cut.
pub fn clip(s: &str, max: usize) -> String {
    let line = one_line(s);
    if line.chars().count() <= max {
        return line;
    }
    let mut out: String = line.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Whether two sentences meet without a space: Chinese and Japanese text is
/// written without one (between their characters and full-width punctuation).
pub fn joins_tight(prev: Option<char>, next: Option<char>) -> bool {
    let wide = |c: Option<char>| {
        c.is_some_and(|c| {
            crate::article::is_cjk(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
        })
    };
    wide(prev) && wide(next)
}

/// Sentences of one paragraph as one line of text: joined by a space, or
/// by nothing where `joins_tight` says so.
pub fn join_sentences<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() && !joins_tight(out.chars().next_back(), p.chars().next()) {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_placeholders() {
        let s = sanitize("red \x1b[31mtext\x1b]0;pwned\x07 \u{9b}2J");
        assert!(!s.chars().any(is_unsafe));
        assert!(s.contains("␛[31m"));
        assert!(s.contains("␇"));
        assert!(s.contains("<U+009B>"));
    }

    #[test]
    fn clip_and_one_line() {
        assert_eq!(one_line("a\n  b\tc"), "a b c");
        assert_eq!(clip("abcdef", 4), "abc…");
    }
}
