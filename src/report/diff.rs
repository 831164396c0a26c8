//! `storydiff diff`: the comparison as a terminal/pipe report, the JSON
//! contract (`storydiff.diff/1`) or Markdown for pasting into a note.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{block_id, push_json_str, sentence_id, ArticleJson, Chunked, Id};
use super::{class_label, classes_line, counts_line, md};
use crate::align::{
    spaced_pieces, ClassCounts, Comparison, EditClass, Op, OpKind, Relation, Side, WordKind,
};
use crate::article::{Article, Role};
use crate::display::one_line;

fn side_char(side: Side) -> char {
    match side {
        Side::Old => 'o',
        Side::New => 'n',
    }
}

fn span_text<'a>(a: &'a Article, c: &Comparison, side: Side, r: std::ops::Range<usize>) -> String {
    let us = c.units(side);
    let parts: Vec<&'a str> = us[r].iter().map(|u| &a.text[u.span.range()]).collect();
    one_line(&parts.join(" "))
}

// ---------------------------------------------------------------- JSON

#[derive(Serialize)]
/// The diff document after its schema and two articles, which
/// `write_json` writes by hand before it (`ArticleJson::write_compact`).
struct DiffJson<'a> {
    relation: &'static str,
    similarity: f64,
    approximate: bool,
    /// How sentences were paired: `order` or `claims`.
    by: &'static str,
    /// Alignment by claims: the claims both articles carry.
    #[serde(skip_serializing_if = "Option::is_none")]
    shared_claims: Option<usize>,
    truncated: Option<TruncatedJson>,
    stats: StatsJson,
    notes: &'a [String],
}

#[derive(Serialize)]
struct TruncatedJson {
    side: &'static str,
    after_block: String,
}

#[derive(Serialize)]
struct StatsJson {
    equal: usize,
    changed: usize,
    deleted: usize,
    inserted: usize,
    moved: usize,
    reparagraphed: usize,
    words_deleted: usize,
    words_inserted: usize,
    furniture_words_deleted: usize,
    furniture_words_inserted: usize,
    classes: ClassCountsJson,
}

/// Ops per edit class, every class present.
#[derive(Serialize)]
struct ClassCountsJson {
    attribution: usize,
    cosmetic: usize,
    hedge: usize,
    name: usize,
    negation: usize,
    number: usize,
    quote: usize,
    wording: usize,
}

impl ClassCountsJson {
    fn new(c: &ClassCounts) -> Self {
        use EditClass::*;
        ClassCountsJson {
            attribution: c.get(Attribution),
            cosmetic: c.get(Cosmetic),
            hedge: c.get(Hedge),
            name: c.get(Name),
            negation: c.get(Negation),
            number: c.get(Number),
            quote: c.get(Quote),
            wording: c.get(Wording),
        }
    }
}

/// The diff as the `storydiff.diff/1` JSON document.
pub fn write_json(
    out: &mut dyn Write,
    old: &Article,
    new: &Article,
    c: &Comparison,
) -> io::Result<()> {
    let s = &c.stats;
    let doc = DiffJson {
        relation: c.relation.as_str(),
        similarity: c.similarity,
        approximate: c.approximate,
        by: if c.by_claims.is_some() {
            "claims"
        } else {
            "order"
        },
        shared_claims: c.by_claims.map(|b| b.shared_claims),
        truncated: c.truncated.map(|t| TruncatedJson {
            side: t.side.as_str(),
            // The block is on the complete side, the one opposite the cut one.
            after_block: block_id(side_char(t.side.other()), t.after_block),
        }),
        stats: StatsJson {
            equal: s.equal,
            changed: s.changed,
            deleted: s.deleted,
            inserted: s.inserted,
            moved: s.moved,
            reparagraphed: s.reparagraphed,
            words_deleted: s.words_deleted,
            words_inserted: s.words_inserted,
            furniture_words_deleted: s.furniture_words_deleted,
            furniture_words_inserted: s.furniture_words_inserted,
            classes: ClassCountsJson::new(&s.classes),
        },
        notes: &c.notes,
    };
    // `{"schema":…,"old":{…},"new":{…},` and then the rest as serialised,
    // its braces dropped, the ops (`write_ops`) and the closing brace.
    // One small buffer, written out and reused piece by piece: fresh memory
    // is paid for in page faults.
    let mut json = Chunked::new(out);
    json.buf
        .extend_from_slice(br#"{"schema":"storydiff.diff/1","old":"#);
    ArticleJson::write_units_streamed(old, 'o', &c.old_units, &mut json)?;
    json.buf.extend_from_slice(br#","new":"#);
    ArticleJson::write_units_streamed(new, 'n', &c.new_units, &mut json)?;
    json.buf.push(b',');
    let from = json.buf.len();
    serde_json::to_writer(&mut json.buf, &doc)?;
    json.buf.remove(from);
    json.buf.pop();
    write_ops(&mut json, c)?;
    json.buf.extend_from_slice(b"}\n");
    json.finish()
}

/// `,"ops":[…]`: every op as the derived serialisation of an op object
/// writes it (`OpJson` in the tests: the same bytes), without the
/// serialiser's per-field work — a long article has thousands of ops.
fn write_ops(json: &mut Chunked, c: &Comparison) -> io::Result<()> {
    json.buf.extend_from_slice(br#","ops":["#);
    for (i, op) in c.ops.iter().enumerate() {
        if i > 0 {
            json.buf.push(b',');
        }
        write_op(&mut json.buf, c, op);
        json.spill()?;
    }
    json.buf.push(b']');
    Ok(())
}

/// One op object: kind, the ids of both ends, then the fields an op of its
/// kind has (`similarity` when both ends hold sentences, `cosmetic` when
/// set, `passage` for a move, `classes` and `words` when not empty).
fn write_op(json: &mut Vec<u8>, c: &Comparison, op: &Op) {
    json.extend_from_slice(br#"{"op":""#);
    json.extend_from_slice(op.kind.as_str().as_bytes());
    json.extend_from_slice(br#"","old":"#);
    write_ids(json, 'o', &c.old_units[op.old.clone()]);
    json.extend_from_slice(br#","new":"#);
    write_ids(json, 'n', &c.new_units[op.new.clone()]);
    if !op.old.is_empty() && !op.new.is_empty() {
        json.extend_from_slice(br#","similarity":"#);
        write_f64(json, (op.similarity * 100.0).round() / 100.0);
    }
    if op.cosmetic {
        json.extend_from_slice(br#","cosmetic":true"#);
    }
    if op.kind == OpKind::Moved {
        json.extend_from_slice(br#","passage":"#);
        json.extend_from_slice(itoa::Buffer::new().format(op.passage).as_bytes());
    }
    if !op.classes.is_empty() {
        json.extend_from_slice(br#","classes":["#);
        for (i, class) in op.classes.iter().enumerate() {
            if i > 0 {
                json.push(b',');
            }
            push_json_str(json, class.as_str());
        }
        json.push(b']');
    }
    if !op.words.is_empty() {
        json.extend_from_slice(br#","words":["#);
        for (i, w) in op.words.iter().enumerate() {
            if i > 0 {
                json.push(b',');
            }
            json.extend_from_slice(br#"{"op":""#);
            json.extend_from_slice(w.kind.as_str().as_bytes());
            json.extend_from_slice(br#"","text":"#);
            push_json_str(json, &w.text);
            if let Some(class) = w.class {
                json.extend_from_slice(br#","class":"#);
                push_json_str(json, class.as_str());
            }
            json.push(b'}');
        }
        json.push(b']');
    }
    json.push(b'}');
}

/// A list of sentence ids.
fn write_ids(json: &mut Vec<u8>, side: char, units: &[crate::align::Unit]) {
    json.push(b'[');
    for (i, u) in units.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        Id {
            side,
            block: u.block,
            sentence: Some(u.sentence),
        }
        .push_json(json);
    }
    json.push(b']');
}

/// A number as serde_json writes it (`1.0` for the equal ops, most of them).
fn write_f64(json: &mut Vec<u8>, x: f64) {
    if x == 1.0 {
        json.extend_from_slice(b"1.0");
    } else if serde_json::to_writer(&mut *json, &x).is_err() {
        json.extend_from_slice(b"null");
    }
}

// ---------------------------------------------------------------- text

/// Terminal styling for the text report; all empty when colour is off.
struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn del_word(&self, s: &str) -> String {
        if self.on {
            self.wrap("1;31;9", s)
        } else {
            format!("[-{s}-]")
        }
    }
    fn ins_word(&self, s: &str) -> String {
        if self.on {
            self.wrap("1;32;4", s)
        } else {
            format!("{{+{s}+}}")
        }
    }
}

fn header_line(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(o) = &a.meta.outlet {
        parts.push(one_line(o));
    }
    if let Some(t) = &a.meta.title {
        parts.push(format!("“{}”", one_line(t)));
    }
    if let Some(b) = &a.meta.byline {
        parts.push(one_line(b));
    }
    if let Some(d) = &a.meta.date {
        parts.push(d.clone());
    }
    parts.push(format!("{} words", a.words()));
    parts.join(" · ")
}

/// The end of `s` in about `max` characters, starting at a word ("…according
/// to Healey."), never inside one.
fn last_words(s: &str, max: usize) -> String {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    if chars.len() <= max {
        return s.to_string();
    }
    let from = chars[chars.len() - max].0;
    // The first word that starts inside the window.
    let start = s[from..]
        .char_indices()
        .find(|&(i, c)| i > 0 && c.is_whitespace())
        .map(|(i, c)| from + i + c.len_utf8())
        .filter(|&i| i < s.len())
        .unwrap_or(from);
    format!("…{}", s[start..].trim_start())
}

/// "962 words the old side marks as related have no counterpart": the words
/// of one side's furniture that the other side lacks, by role (the loader may
/// have labelled prose as furniture; the reader should see it is missing).
fn lone_furniture_line(a: &Article, c: &Comparison, side: Side) -> Option<String> {
    if !matches!(c.relation, Relation::Identical | Relation::Reprint) {
        // Write-ups of their own: their furniture differs as a matter of course.
        return None;
    }
    let kind = match side {
        Side::Old => OpKind::Deleted,
        Side::New => OpKind::Inserted,
    };
    let mut by_role: Vec<(Role, usize)> = Vec::new();
    for op in c.ops.iter().filter(|op| op.kind == kind) {
        let r = if side == Side::Old { &op.old } else { &op.new };
        for i in r.clone() {
            let u = &c.units(side)[i];
            let role = a.blocks[u.block].role;
            if role.is_content() {
                continue;
            }
            match by_role.iter_mut().find(|(x, _)| *x == role) {
                Some((_, n)) => *n += u.words as usize,
                None => by_role.push((role, u.words as usize)),
            }
        }
    }
    if by_role.is_empty() {
        return None;
    }
    by_role.sort_by_key(|x| std::cmp::Reverse(x.1));
    let total: usize = by_role.iter().map(|(_, n)| n).sum();
    let roles: Vec<&str> = by_role.iter().map(|(r, _)| r.as_str()).collect();
    Some(format!(
        "{total} words the {} side marks as {} have no counterpart",
        side.as_str(),
        roles.join(" or ")
    ))
}

/// For copies (`identical`, `reprint`: the relation reads the body only),
/// a headline whose facts changed, said in so many words: `Biden Will
/// [-Not-] Sign` leaves the pair `identical` and must not pass unseen.
fn headline_facts_line(old: &Article, c: &Comparison) -> Option<String> {
    if !matches!(c.relation, Relation::Identical | Relation::Reprint) {
        return None;
    }
    let mut classes: Vec<&str> = Vec::new();
    for op in c.ops.iter().filter(|op| op.kind == OpKind::Changed) {
        let title = op
            .old
            .clone()
            .any(|u| old.blocks[c.old_units[u].block].role == Role::Title);
        if !title {
            continue;
        }
        for class in op.classes.iter().filter(|k| k.is_fact()) {
            if !classes.contains(&class.as_str()) {
                classes.push(class.as_str());
            }
        }
    }
    (!classes.is_empty()).then(|| {
        format!(
            "the headline's facts differ ({}); the relation reads the body only",
            classes.join(", ")
        )
    })
}

fn role_label(a: &Article, c: &Comparison, side: Side, op: &Op) -> String {
    let r = if side == Side::Old { &op.old } else { &op.new };
    let Some(first) = r.clone().next() else {
        return String::new();
    };
    let role = a.blocks[c.units(side)[first].block].role;
    if role == Role::Body {
        String::new()
    } else {
        format!("[{role}] ")
    }
}

/// The word diff inline, `[-deleted-]{+inserted+}` as wdiff marks it.
fn words_inline(op: &Op, paint: &Paint) -> String {
    let mut s = String::new();
    for (lead, w, body) in spaced_pieces(&op.words, None) {
        if lead {
            s.push(' ');
        }
        let body = one_line(&body);
        match w.kind {
            WordKind::Equal => s.push_str(&body),
            WordKind::Deleted => s.push_str(&paint.del_word(&body)),
            WordKind::Inserted => s.push_str(&paint.ins_word(&body)),
        }
    }
    s
}

/// The ids of a run of sentences: `o3.1`, or its first and last
/// (`o3.1–o9.2`). Only those two are written: a run of equal sentences
/// in a long text holds thousands.
fn range_ids(c: &Comparison, side: Side, r: std::ops::Range<usize>) -> String {
    let us = c.units(side);
    let id = |i: usize| sentence_id(side_char(side), us[i].block, us[i].sentence);
    match r.len() {
        0 => String::new(),
        1 => id(r.start),
        _ => format!("{}–{}", id(r.start), id(r.end - 1)),
    }
}

/// `write_text` with every line longer than `width` columns wrapped at
/// spaces, continuation lines indented under the text (what `COLUMNS` asks
/// for; colour codes take no columns).
pub fn write_text_wrapped(
    out: &mut dyn Write,
    old: &Article,
    new: &Article,
    c: &Comparison,
    color: bool,
    width: usize,
) -> io::Result<()> {
    let mut buf = Vec::new();
    write_text(&mut buf, old, new, c, color)?;
    let text = String::from_utf8_lossy(&buf);
    for line in text.lines() {
        out.write_all(wrap_line(line, width).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Columns a piece of report takes (wide characters two), not counting
/// ESC [ … m codes.
fn columns(s: &str) -> usize {
    // Printable ASCII (most of a report) is a column a byte.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return s.len();
    }
    let mut n = 0;
    let mut in_code = false;
    for ch in s.chars() {
        match (in_code, ch) {
            (false, '\x1b') => in_code = true,
            (true, c) if c.is_ascii_alphabetic() => in_code = false,
            (true, _) => {}
            (false, c) => n += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0),
        }
    }
    n
}

/// One report line wrapped at spaces to `width` columns; continuation lines
/// start four columns right of the line's own indent. A line of fields
/// (`125 equal · 0 changed · … · words −297 +297`) breaks between fields
/// where one fits on the next line, never inside one.
pub(crate) fn wrap_line(line: &str, width: usize) -> String {
    if columns(line) <= width {
        return line.to_string();
    }
    let indent = line.len() - line.trim_start_matches(' ').len();
    let hang = " ".repeat((indent + 4).min(width / 2));
    let mut out = String::with_capacity(line.len() + line.len() / width * (hang.len() + 1));
    out.push_str(&line[..indent]);
    let mut used = indent;
    let mut first = true;
    let text = &line[indent..];
    let words: Vec<&str> = text.split(' ').collect();
    for field in fields(text, &words) {
        // A field of one word (a line without fields) is that word.
        let whole = match field {
            [word] => columns(word),
            _ => columns(&field.join(" ")),
        };
        let keep_whole = !first && used + 1 + whole > width && hang.len() + whole <= width;
        for (k, word) in field.iter().enumerate() {
            let w = columns(word);
            if !first && ((keep_whole && k == 0) || used + 1 + w > width) {
                out.push('\n');
                out.push_str(&hang);
                used = hang.len();
            } else if !first {
                out.push(' ');
                used += 1;
            }
            out.push_str(word);
            used += w;
            first = false;
        }
    }
    out
}

/// The words of a line (`words`, `text` split at spaces) in fields: each
/// ends at a lone `·` (kept with it); a line without one is one word per
/// field.
fn fields<'a, 'w>(text: &str, words: &'a [&'w str]) -> Vec<&'a [&'w str]> {
    if !text.contains(" · ") {
        return words.chunks(1).collect();
    }
    words.split_inclusive(|w| *w == "·").collect()
}

/// The report's walk over the ops: a run of equal sentences is one entry,
/// every other op its own.
enum Entry<'a> {
    Equal {
        first: &'a Op,
        last: &'a Op,
        count: usize,
    },
    Change(&'a Op),
}

fn entries(ops: &[Op]) -> impl Iterator<Item = Entry<'_>> {
    let mut k = 0;
    std::iter::from_fn(move || {
        let op = ops.get(k)?;
        if op.kind != OpKind::Equal {
            k += 1;
            return Some(Entry::Change(op));
        }
        let start = k;
        while ops.get(k).is_some_and(|o| o.kind == OpKind::Equal) {
            k += 1;
        }
        Some(Entry::Equal {
            first: &ops[start],
            last: &ops[k - 1],
            count: k - start,
        })
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub fn write_text(
    out: &mut dyn Write,
    old: &Article,
    new: &Article,
    c: &Comparison,
    color: bool,
) -> io::Result<()> {
    let report = TextReport {
        old,
        new,
        c,
        p: Paint { on: color },
    };
    report.heading(out)?;
    report.notices(out)?;
    writeln!(out)?;
    for entry in entries(&c.ops) {
        writeln!(out, "{}", report.entry(entry))?;
    }
    Ok(())
}

/// The text report's inputs: both articles, their comparison, the paint.
struct TextReport<'a> {
    old: &'a Article,
    new: &'a Article,
    c: &'a Comparison,
    p: Paint,
}

impl TextReport<'_> {
    /// The two files, their headers, the relation and the counts.
    fn heading(&self, out: &mut dyn Write) -> io::Result<()> {
        let (old, new, c, p) = (self.old, self.new, self.c, &self.p);
        for (name, a) in [("old", old), ("new", new)] {
            writeln!(out, "{} {}", p.wrap("1", name), one_line(&a.path))?;
            writeln!(out, "    {}", header_line(a))?;
            // What the loader guessed or fixed (decoding, escapes) is said
            // where the reader meets the file, not only in JSON.
            // (No article found is said below, beside the comparison.)
            let said_below = a.no_article_note();
            for note in a.notes.iter().filter(|n| Some(n.as_str()) != said_below) {
                writeln!(out, "    {} {}", p.wrap("1", "note"), one_line(note))?;
            }
        }
        writeln!(
            out,
            "{} {} · similarity {:.2}{}",
            p.wrap("1", "relation"),
            c.relation.as_str(),
            c.similarity,
            if c.approximate { " · APPROXIMATE" } else { "" }
        )?;
        writeln!(out, "{} {}", p.wrap("1", "counts"), counts_line(&c.stats))
    }

    /// What the reader should know before the changes: unmatched furniture,
    /// the class counts, the pairing by claims, a truncation, the notes.
    fn notices(&self, out: &mut dyn Write) -> io::Result<()> {
        let (old, new, c, p) = (self.old, self.new, self.c, &self.p);
        for (side, a) in [(Side::Old, old), (Side::New, new)] {
            if let Some(line) = lone_furniture_line(a, c, side) {
                writeln!(out, "{} {line}", p.wrap("1", "unmatched"))?;
            }
        }
        writeln!(
            out,
            "{} {}",
            p.wrap("1", "classes"),
            classes_line(&c.stats.classes)
        )?;
        if let Some(line) = headline_facts_line(old, c) {
            writeln!(out, "{} {line}", p.wrap("1", "headline"))?;
        }
        if let Some(b) = c.by_claims {
            writeln!(
            out,
            "{} claims: {} shared; rows follow the old article, ↕ marks a partner out of the new article's order",
            p.wrap("1", "by"),
            b.shared_claims
        )?;
        }
        if let Some(t) = c.truncated {
            let full_side = t.side.other();
            let full = if full_side == Side::Old { old } else { new };
            let last = one_line(full.slice(full.blocks[t.after_block].span));
            writeln!(
                out,
                "{} the {} side stops after {} (“{}”); the rest of the {} side is missing",
                p.wrap("1", "truncated"),
                t.side.as_str(),
                block_id(side_char(full_side), t.after_block),
                last_words(&last, 40),
                full_side.as_str()
            )?;
        }
        for note in &c.notes {
            writeln!(out, "{} {}", p.wrap("1", "note"), one_line(note))?;
        }
        for (side, a) in [(Side::Old, old), (Side::New, new)] {
            if let Some(note) = a.no_article_note() {
                writeln!(
                    out,
                    "{} {}: {}",
                    p.wrap("1", "note"),
                    side.as_str(),
                    one_line(note)
                )?;
            }
        }
        Ok(())
    }

    /// One line of the text report: a run of equal sentences or one change.
    fn entry(&self, entry: Entry) -> String {
        let (old, new, c, p) = (self.old, self.new, self.c, &self.p);
        let op = match entry {
            Entry::Equal { first, last, count } => {
                return p.wrap(
                    "2",
                    &format!(
                        "  = {count} equal sentence{} ({} ↔ {})",
                        plural(count),
                        range_ids(c, Side::Old, first.old.start..last.old.end),
                        range_ids(c, Side::New, first.new.start..last.new.end)
                    ),
                )
            }
            Entry::Change(op) => op,
        };
        let old_ids = range_ids(c, Side::Old, op.old.clone());
        let new_ids = range_ids(c, Side::New, op.new.clone());
        match op.kind {
            OpKind::Deleted => format!(
                "{} {old_ids}  {}{}",
                p.wrap("31", "  -"),
                role_label(old, c, Side::Old, op),
                p.wrap("31", &span_text(old, c, Side::Old, op.old.clone()))
            ),
            OpKind::Inserted => format!(
                "{} {new_ids}  {}{}",
                p.wrap("32", "  +"),
                role_label(new, c, Side::New, op),
                p.wrap("32", &span_text(new, c, Side::New, op.new.clone()))
            ),
            OpKind::Changed => format!(
                "{} {old_ids} → {new_ids}  {}{}{}",
                p.wrap("33", "  ~"),
                role_label(old, c, Side::Old, op),
                class_label(op),
                words_inline(op, p)
            ),
            OpKind::Moved | OpKind::Equal => {
                let body = if op.words.is_empty() {
                    span_text(old, c, Side::Old, op.old.clone())
                } else {
                    words_inline(op, p)
                };
                let what = if c.by_claims.is_some() {
                    format!("↕ {}", partner_place(c, op))
                } else if op.words.is_empty() {
                    "moved".to_string()
                } else {
                    "moved, edited".to_string()
                };
                format!(
                    "{} {old_ids} → {new_ids}  ({what}) {}{body}",
                    p.wrap("35", "  >"),
                    class_label(op)
                )
            }
        }
    }
}

/// Where a by-claims partner stands and how alike the two are: `¶27 · 0.39`
/// (its paragraph in the new article), as the text, Markdown and HTML
/// reports write it.
fn partner_place(c: &Comparison, op: &Op) -> String {
    format!(
        "¶{} · {:.2}",
        c.new_units[op.new.start].block + 1,
        op.similarity
    )
}

// ---------------------------------------------------------------- Markdown

fn md_words(op: &Op) -> String {
    let mut s = String::new();
    for (lead, w, body) in spaced_pieces(&op.words, None) {
        if lead {
            s.push(' ');
        }
        let body = md(&body);
        match w.kind {
            WordKind::Equal => s.push_str(&body),
            WordKind::Deleted => s.push_str(&format!("~~{body}~~")),
            WordKind::Inserted => s.push_str(&format!("**{body}**")),
        }
    }
    s
}

pub fn write_markdown(
    out: &mut dyn Write,
    old: &Article,
    new: &Article,
    c: &Comparison,
) -> io::Result<()> {
    write_markdown_heading(out, old, new, c)?;
    writeln!(out, "## Changes\n")?;
    for entry in entries(&c.ops) {
        writeln!(out, "{}", markdown_entry(old, new, c, entry))?;
    }
    Ok(())
}

/// The title, the table of both articles' metadata, the relation, the
/// class counts, a truncation and the pairing by claims.
fn write_markdown_heading(
    out: &mut dyn Write,
    old: &Article,
    new: &Article,
    c: &Comparison,
) -> io::Result<()> {
    writeln!(
        out,
        "# storydiff: {} → {}\n",
        md(&old.short_name()),
        md(&new.short_name())
    )?;
    writeln!(out, "| | old | new |\n|---|---|---|")?;
    let field = |v: &Option<String>| v.as_deref().map(md).unwrap_or_else(|| "—".into());
    writeln!(out, "| file | {} | {} |", md(&old.path), md(&new.path))?;
    fn meta(a: &Article) -> [&Option<String>; 4] {
        [&a.meta.title, &a.meta.byline, &a.meta.date, &a.meta.outlet]
    }
    for (name, (o, n)) in ["title", "byline", "date", "outlet"]
        .into_iter()
        .zip(meta(old).into_iter().zip(meta(new)))
    {
        writeln!(out, "| {name} | {} | {} |", field(o), field(n))?;
    }
    writeln!(out, "| words | {} | {} |", old.words(), new.words())?;
    if !(old.notes.is_empty() && new.notes.is_empty()) {
        let notes = |a: &Article| md(&a.notes.join("; "));
        writeln!(out, "| notes | {} | {} |", notes(old), notes(new))?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "**Relation:** {} · **similarity** {:.2}{} · {}\n",
        c.relation.as_str(),
        c.similarity,
        if c.approximate {
            " · *approximate*"
        } else {
            ""
        },
        counts_line(&c.stats)
    )?;
    writeln!(out, "**Classes:** {}\n", classes_line(&c.stats.classes))?;
    if let Some(t) = c.truncated {
        let full_side = t.side.other();
        writeln!(
            out,
            "**Truncated:** the {} side stops after `{}`; the rest of the {} side is missing.\n",
            t.side.as_str(),
            block_id(side_char(full_side), t.after_block),
            full_side.as_str()
        )?;
    }
    if let Some(b) = c.by_claims {
        writeln!(
            out,
            "**By claims:** {} shared; rows follow the old article, ↕ marks a partner out of the new article's order.\n",
            b.shared_claims
        )?;
    }
    Ok(())
}

/// One list item of the Markdown report: a run of equal sentences or one change.
fn markdown_entry(old: &Article, new: &Article, c: &Comparison, entry: Entry) -> String {
    let op = match entry {
        Entry::Equal { count, .. } => {
            return format!("- *{count} equal sentence{}*", plural(count))
        }
        Entry::Change(op) => op,
    };
    let old_ids = range_ids(c, Side::Old, op.old.clone());
    let new_ids = range_ids(c, Side::New, op.new.clone());
    match op.kind {
        OpKind::Deleted => format!(
            "- **deleted** `{old_ids}` — {}",
            md(&span_text(old, c, Side::Old, op.old.clone()))
        ),
        OpKind::Inserted => format!(
            "- **inserted** `{new_ids}` — {}",
            md(&span_text(new, c, Side::New, op.new.clone()))
        ),
        OpKind::Changed => format!(
            "- **changed** {}`{old_ids}` → `{new_ids}` — {}",
            class_label(op),
            md_words(op)
        ),
        OpKind::Moved | OpKind::Equal => format!(
            "- **{}** {}`{old_ids}` → `{new_ids}`{} — {}",
            if c.by_claims.is_some() {
                "↕ paired"
            } else {
                "moved"
            },
            class_label(op),
            if c.by_claims.is_some() {
                format!(" ({})", partner_place(c, op))
            } else {
                String::new()
            },
            if op.words.is_empty() {
                md(&span_text(old, c, Side::Old, op.old.clone()))
            } else {
                md_words(op)
            }
        ),
    }
}

/// Keeps only the ops that carry a fact class (number, name, quote,
/// attribution, negation, hedge) — edited passages by their word changes,
/// deleted and inserted ones by what they carry — for `diff --only facts`,
/// and says so in the notes. The ops then no longer cover every sentence.
pub fn keep_only_facts(c: &mut Comparison) {
    let changes = c
        .ops
        .iter()
        .filter(|o| !o.classes.is_empty() || matches!(o.kind, OpKind::Deleted | OpKind::Inserted))
        .count();
    c.ops.retain(|o| o.classes.has_fact());
    c.notes.push(format!(
        "only fact-bearing changes shown: {} of {} edited, deleted or inserted passages (--only facts)",
        c.ops.len(),
        changes
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_fields_breaks_between_fields() {
        let line = "counts 125 equal · 0 changed · 1 deleted · 52 inserted · 0 moved · 0 re-paragraphed · words −297 +297";
        let wrapped = wrap_line(line, 100);
        assert_eq!(
            wrapped,
            "counts 125 equal · 0 changed · 1 deleted · 52 inserted · 0 moved · 0 re-paragraphed ·\n    words −297 +297"
        );
        // Prose still wraps word by word, and a field too long for any line
        // is broken inside.
        assert_eq!(wrap_line("aaa bbb ccc ddd", 8), "aaa bbb\n    ccc\n    ddd");
        assert_eq!(wrap_line("x · aaa bbb ccc", 8), "x · aaa\n    bbb\n    ccc");
    }

    /// The derived serialisation of an op, which `write_op` writes by hand.
    #[derive(Serialize)]
    struct OpJson<'a> {
        op: &'static str,
        old: Vec<Id>,
        new: Vec<Id>,
        #[serde(skip_serializing_if = "Option::is_none")]
        similarity: Option<f64>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        cosmetic: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        passage: Option<usize>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        classes: Vec<&'static str>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        words: Vec<WordJson<'a>>,
    }

    use crate::report::story::WordJson;

    fn derived(c: &Comparison, op: &Op) -> String {
        let ids = |side: char, units: &[crate::align::Unit]| -> Vec<Id> {
            units
                .iter()
                .map(|u| Id {
                    side,
                    block: u.block,
                    sentence: Some(u.sentence),
                })
                .collect()
        };
        let json = OpJson {
            op: op.kind.as_str(),
            old: ids('o', &c.old_units[op.old.clone()]),
            new: ids('n', &c.new_units[op.new.clone()]),
            similarity: (!op.old.is_empty() && !op.new.is_empty())
                .then(|| (op.similarity * 100.0).round() / 100.0),
            cosmetic: op.cosmetic,
            passage: (op.kind == OpKind::Moved).then_some(op.passage),
            classes: op.classes.iter().map(EditClass::as_str).collect(),
            words: op
                .words
                .iter()
                .map(|w| WordJson {
                    op: w.kind.as_str(),
                    text: &w.text,
                    class: w.class.map(EditClass::as_str),
                })
                .collect(),
        };
        serde_json::to_string(&json).unwrap()
    }

    #[test]
    fn ops_are_written_as_derived() {
        let load = |t: &str| {
            crate::article::load_bytes("a.txt", t.as_bytes(), &Default::default()).unwrap()
        };
        let old = load(
            "Officials said 5 people died on Monday.\n\nThe “plan” was agreed. It costs $5m.\n\nA moved paragraph stands here.\n\nThe end is near.",
        );
        let new = load(
            "A moved paragraph stands here.\n\nOfficials claimed 7 people died on Tuesday.\n\nThe \"plan\" was agreed. It costs $5m.\n\nThe end \\ is \t near.\n\nA new line.",
        );
        let mut seen = std::collections::HashSet::new();
        for (a, b) in [(&old, &new), (&new, &old)] {
            let c = crate::align::align(a, b, &Default::default());
            for op in &c.ops {
                let mut json = Vec::new();
                write_op(&mut json, &c, op);
                assert_eq!(String::from_utf8(json).unwrap(), derived(&c, op));
                seen.insert(op.kind.as_str());
            }
        }
        assert!(seen.len() >= 4, "{seen:?}");
        for x in [0.0, 0.5, 0.87, 1.0, 0.1 + 0.2, 1e-7, f64::NAN] {
            let mut json = Vec::new();
            write_f64(&mut json, x);
            assert_eq!(
                String::from_utf8(json).unwrap(),
                serde_json::to_string(&x).unwrap()
            );
        }
    }
}
