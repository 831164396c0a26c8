//! Non-interactive output: text, JSON and Markdown reports written to a stream.
//!
//! Front end of the flow: it consumes loader (and later engine) values and
//! never reaches back into them.

pub mod diff;
pub mod html;
pub mod inspect;
pub mod json;
pub mod story;

use std::io::{self, Write};

use crate::align::{ClassCounts, Classes, EditClass, Op, Stats};
use crate::display::one_line;

/// Serialises `value` as JSON followed by a newline. The serialiser writes a
/// few bytes at a time; a buffer of its own keeps those writes inlined
/// rather than each a call through `dyn Write`, and hands `out` pieces big
/// enough to go past any buffer of its own.
pub(crate) fn write_json_line<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
    pretty: bool,
) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 15, out);
    if pretty {
        serde_json::to_writer_pretty(&mut w, value)?;
    } else {
        serde_json::to_writer(&mut w, value)?;
    }
    w.write_all(b"\n")?;
    w.flush()
}

/// Text for Markdown: one line, with Markdown's special characters escaped.
pub(crate) fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in one_line(s).chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// The counts every report prints: "41 equal · 1 changed · … · words −498 +61".
pub(crate) fn counts_line(s: &Stats) -> String {
    format!(
        "{} equal · {} changed · {} deleted · {} inserted · {} moved · {} re-paragraphed · words −{} +{}",
        s.equal, s.changed, s.deleted, s.inserted, s.moved, s.reparagraphed, s.words_deleted, s.words_inserted
    )
}

/// The edit-class counts every diff report prints: ops per class, most
/// telling first ("1 quote · 1 name · 1 wording · 1 cosmetic"), or "none".
pub(crate) fn classes_line(counts: &ClassCounts) -> String {
    let parts: Vec<String> = Classes::of(&EditClass::ALL)
        .by_rank()
        .into_iter()
        .filter(|&c| counts.get(c) > 0)
        .map(|c| format!("{} {}", counts.get(c), c.as_str()))
        .collect();
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(" · ")
    }
}

/// The classes of a changed op as a report shows them: "(quote, name) ",
/// most telling first; empty for ops without classes.
pub(crate) fn class_label(op: &Op) -> String {
    if op.classes.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = op
        .classes
        .by_rank()
        .into_iter()
        .map(EditClass::as_str)
        .collect();
    format!("({}) ", names.join(", "))
}
