//! From a `Comparison` to rows on screen: display groups (aligned passages),
//! folds, and a row layout computed once per width with prefix sums, so any
//! scroll offset maps to a group in O(log n) and only visible rows are drawn.

use std::any::Any;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use unicode_width::UnicodeWidthChar;

use crate::align::{spaced_pieces, Comparison, Op, Side, WordKind};
use crate::article::{is_cjk, Article};
use crate::display::{is_unsafe, joins_tight, placeholder};
pub use crate::rows::{build_groups, Group, GroupKind};
use crate::tui::filter::ClassFilter;

/// How a piece of text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg {
    Plain,
    /// A word the other side lacks (word-level emphasis).
    Emph,
    /// A furniture label, a move note.
    Note,
}

/// A styled run of display-safe text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub seg: Seg,
}

/// Display-safe text: whitespace runs as one space, control characters and
/// escape sequences as visible placeholders.
pub fn display_text(s: &str, out: &mut String) {
    // Text appended to text is joined by a space, except between Chinese or
    // Japanese sentences, which are written without one.
    let mut space = !out.is_empty()
        && !out.ends_with(' ')
        && !joins_tight(out.chars().next_back(), s.trim_start().chars().next());
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space && !out.ends_with(' ') {
            out.push(' ');
        }
        space = false;
        if is_unsafe(c) {
            out.push_str(&placeholder(c));
        } else {
            out.push(c);
        }
    }
}

/// The pieces one side of a group shows: a note where the side is empty,
/// else the furniture label and partner note, then the words.
pub fn pieces(
    c: &Comparison,
    g: &Group,
    side: Side,
    article: &Article,
    peer_label: Option<String>,
) -> Vec<Piece> {
    let note = |text: String| Piece {
        text,
        seg: Seg::Note,
    };
    if g.units(side).is_empty() {
        return move_note(g, side, peer_label)
            .map(note)
            .into_iter()
            .collect();
    }
    let mut out = Vec::new();
    if g.furniture {
        out.push(note(furniture_label(c, g, side, article)));
    }
    if let Some(n) = partner_note(c, g, side) {
        // Apart from a furniture label before it (`[title · …] [0.33]`).
        let gap = if out.is_empty() { "" } else { " " };
        out.push(note(format!("{gap}{n}")));
    }
    let op = &c.ops[g.op];
    if worded(c, g) {
        word_pieces(op, side, &mut out);
    } else {
        let us = c.units(side);
        let mut text = String::new();
        for u in g.units(side) {
            display_text(&article.text[us[u].span.range()], &mut text);
        }
        if !out.is_empty() {
            text.insert(0, ' ');
        }
        out.push(Piece {
            text,
            seg: Seg::Plain,
        });
    }
    out
}

/// Whether a group shows its pair by the word diff (not sentence by
/// sentence).
fn worded(c: &Comparison, g: &Group) -> bool {
    matches!(
        g.kind,
        GroupKind::Changed | GroupKind::MovedFrom | GroupKind::MovedTo
    ) && !c.ops[g.op].words.is_empty()
}

/// Where the other side of a move stands, on the side the passage left or
/// reached (`→ moved to ¶4`).
fn move_note(g: &Group, side: Side, peer_label: Option<String>) -> Option<String> {
    match (g.kind, side) {
        (GroupKind::MovedFrom, Side::New) => peer_label.map(|l| format!("→ moved to {l}")),
        (GroupKind::MovedTo, Side::Old) => peer_label.map(|l| format!("← moved from {l}")),
        _ => None,
    }
}

/// `[role · reason]` of the block a furniture group starts in.
fn furniture_label(c: &Comparison, g: &Group, side: Side, article: &Article) -> String {
    let block = &article.blocks[c.units(side)[g.units(side).start].block];
    let reason = block
        .reason
        .as_deref()
        .map(|r| format!(" · {r}"))
        .unwrap_or_default();
    let mut label = String::new();
    display_text(&format!("[{}{reason}]", block.role), &mut label);
    label
}

/// One side's words of a changed or moved pair, its own edits emphasised;
/// after a label the first word gets its space too.
fn word_pieces(op: &Op, side: Side, out: &mut Vec<Piece>) {
    let (skip, emph) = match side {
        Side::Old => (WordKind::Inserted, WordKind::Deleted),
        Side::New => (WordKind::Deleted, WordKind::Inserted),
    };
    let labelled = !out.is_empty();
    for (i, (lead, w, body)) in spaced_pieces(&op.words, Some(skip)).enumerate() {
        let mut t = String::new();
        if lead || (i == 0 && labelled) {
            t.push(' ');
        }
        display_text(&body, &mut t);
        let seg = if w.kind == emph {
            Seg::Emph
        } else {
            Seg::Plain
        };
        out.push(Piece { text: t, seg });
    }
}

/// By claims, the new side of a pair says where the partner stands in its
/// own article when out of the old one's order (`↕ ¶12`), and how alike the
/// two are.
fn partner_note(c: &Comparison, g: &Group, side: Side) -> Option<String> {
    if c.by_claims.is_none() || side != Side::New || g.old.is_empty() || g.new.is_empty() {
        return None;
    }
    let op = &c.ops[g.op];
    if g.away {
        let block = c.new_units[g.new.start].block + 1;
        Some(format!("[↕ ¶{block} · {:.2}]", op.similarity))
    } else if g.kind == GroupKind::Changed && !op.cosmetic {
        Some(format!("[{:.2}]", op.similarity))
    } else {
        None
    }
}

pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(|c| c.width().unwrap_or(0)).sum()
    }
}

/// A word cut where a line may break inside it: before each Chinese or
/// Japanese character, which keeps the punctuation that follows it. Words
/// without such characters come back whole.
fn cjk_atoms(word: &str) -> Vec<&str> {
    if !word.chars().any(is_cjk) {
        return vec![word];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev_cjk = false;
    for (i, c) in word.char_indices() {
        let cjk = is_cjk(c);
        // Break before a CJK character, and before a letter or digit that
        // follows one ("说Trump"); punctuation stays with what precedes it.
        let opens = word[start..i].chars().all(is_opening);
        if i > start && !opens && (cjk || (prev_cjk && c.is_alphanumeric())) {
            out.push(&word[start..i]);
            start = i;
        }
        if cjk || c.is_alphanumeric() {
            prev_cjk = cjk;
        }
    }
    out.push(&word[start..]);
    out
}

/// Soft-wraps pieces at word boundaries into lines no wider than `width`;
/// a word wider than a line is broken. `wrap = false` gives one line, cut.
/// Words are found over the pieces' text as one (`words`): a word whose
/// letters stand in two pieces (`“` unchanged, `not` inserted) moves to the
/// next line whole.
pub fn wrap(pieces: &[Piece], width: usize, wrap: bool) -> Vec<Vec<Piece>> {
    let width = width.max(1);
    let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
    let segs = seg_ends(pieces);
    let mut lines = Lines {
        lines: vec![Vec::new()],
        width: 0,
    };
    for word in words(&text) {
        let w = str_width(&text[word.range.clone()]);
        let space = usize::from(word.after_space && lines.width > 0);
        if lines.width > 0 && lines.width + space + w > width {
            if !wrap {
                return cut(lines.lines, width);
            }
            lines.new_line();
        } else if space == 1 {
            lines.push(" ", Seg::Plain);
        }
        if lines.width + w <= width {
            for (part, seg) in parts(&text, word.range, &segs) {
                lines.push(part, seg);
            }
            continue;
        }
        // A word wider than the line: break it by characters.
        for (part, seg) in parts(&text, word.range, &segs) {
            for ch in part.chars() {
                let cw = ch.width().unwrap_or(0);
                if lines.width + cw > width {
                    if !wrap {
                        return cut(lines.lines, width);
                    }
                    lines.new_line();
                }
                lines.push(ch.encode_utf8(&mut [0; 4]), seg);
            }
        }
    }
    lines.lines
}

/// Lines being filled, and the width of the last.
struct Lines {
    lines: Vec<Vec<Piece>>,
    width: usize,
}

impl Lines {
    fn push(&mut self, text: &str, seg: Seg) {
        let line = self.lines.last_mut().expect("one line");
        match line.last_mut() {
            Some(p) if p.seg == seg => p.text.push_str(text),
            _ => line.push(Piece {
                text: text.to_string(),
                seg,
            }),
        }
        self.width += str_width(text);
    }

    fn new_line(&mut self) {
        self.lines.push(Vec::new());
        self.width = 0;
    }
}

/// Where each piece ends in the pieces' text, with its style.
fn seg_ends(pieces: &[Piece]) -> Vec<(usize, Seg)> {
    let mut end = 0;
    pieces
        .iter()
        .map(|p| {
            end += p.text.len();
            (end, p.seg)
        })
        .collect()
}

/// The styled parts of `text[range]`, cut where the pieces change.
fn parts<'t>(text: &'t str, range: Range<usize>, segs: &[(usize, Seg)]) -> Vec<(&'t str, Seg)> {
    let first = segs.partition_point(|&(end, _)| end <= range.start);
    let mut at = range.start;
    let mut out = Vec::new();
    for &(end, seg) in &segs[first..] {
        if at >= range.end {
            break;
        }
        let stop = end.min(range.end);
        if stop > at {
            out.push((&text[at..stop], seg));
        }
        at = stop;
    }
    out
}

/// A word of a wrapped text: a line may break before it.
#[derive(Debug, PartialEq, Eq)]
struct Word {
    /// A space stands between it and the word before (drawn unless the line
    /// breaks there).
    after_space: bool,
    range: Range<usize>,
}

/// The words of `text`, where a line may break: at spaces, and before a
/// Chinese or Japanese character (`cjk_atoms`). A line never breaks between
/// an opening quotation mark or bracket and the word it opens, nor before
/// closing punctuation: a word of such marks alone joins its neighbour, the
/// space between kept (`“ not`, `word ”`).
fn words(text: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut after_space = false;
    let mut glue_next = false;
    let mut pos = 0;
    for chunk in text.split(' ') {
        let chunk_start = pos;
        pos += chunk.len() + 1;
        if chunk.is_empty() {
            after_space = true;
            continue;
        }
        let mut at = chunk_start;
        for (k, atom) in cjk_atoms(chunk).into_iter().enumerate() {
            let range = at..at + atom.len();
            at = range.end;
            let spaced = k == 0 && after_space;
            let joins = glue_next || (spaced && atom.chars().all(is_closing));
            match out.last_mut() {
                Some(last) if joins => last.range.end = range.end,
                _ => out.push(Word {
                    after_space: spaced,
                    range,
                }),
            }
            glue_next = atom.chars().all(is_opening);
        }
        after_space = true;
    }
    out
}

/// Punctuation that opens what follows it: a line does not break after it.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '"'
            | '\''
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '《'
            | '〈'
            | '【'
    )
}

/// Punctuation that closes what precedes it: a line does not break before it.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '”' | '’'
            | '»'
            | '›'
            | '"'
            | '\''
            | ')'
            | ']'
            | '}'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '…'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '，'
            | '。'
            | '、'
    )
}

/// Keeps only the first line, marking the cut with `…`.
fn cut(mut lines: Vec<Vec<Piece>>, width: usize) -> Vec<Vec<Piece>> {
    lines.truncate(1);
    let line = &mut lines[0];
    let mut w: usize = line.iter().map(|p| str_width(&p.text)).sum();
    while w + 1 > width {
        let Some(last) = line.last_mut() else { break };
        match last.text.pop() {
            Some(c) => w -= c.width().unwrap_or(0),
            None => {
                line.pop();
            }
        }
    }
    line.push(Piece {
        text: "…".into(),
        seg: Seg::Note,
    });
    lines
}

/// A row-producing entry of the layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Group(usize),
    /// A folded run of groups, shown as one row.
    Fold {
        groups: Range<usize>,
        furniture: bool,
    },
}

/// What a layout was computed from: the comparison, its display groups
/// and the two articles.
#[derive(Clone, Copy)]
pub struct Drawn<'a> {
    pub comparison: &'a Comparison,
    pub groups: &'a [Group],
    pub old: &'a Article,
    pub new: &'a Article,
}

/// What the layout depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutKey {
    /// Text columns of one pane (side by side) or of the single column (inline).
    pub width: u16,
    pub inline: bool,
    pub wrap: bool,
    pub fold_furniture: bool,
    pub fold_unchanged: bool,
    /// Changes the edit-class filter leaves out are folded with the rest.
    pub filter: ClassFilter,
}

/// Items and their row offsets for one `LayoutKey`.
#[derive(Clone, Debug)]
pub struct Layout {
    pub key: LayoutKey,
    pub items: Vec<Item>,
    /// `starts[i]` is the first row of item `i`; the last entry is the total.
    pub starts: Vec<u64>,
    /// Screen lines of items drawn lately, kept while this layout stands.
    pub drawn: DrawCache,
}

/// What the panes drew of recent items (their wrapped lines), so that a
/// frame does not wrap them again: a 12 MB passage on screen was wrapped
/// anew on every key typed into the search prompt (0.5 s a key). Emptied
/// with the layout; a copy starts empty.
#[derive(Default)]
pub struct DrawCache(Mutex<Vec<(usize, Arc<dyn Any + Send + Sync>)>>);

/// Items whose lines are kept (more than a screen shows).
const DRAWN_ITEMS: usize = 64;

impl DrawCache {
    /// Item `item`'s lines, made by `make` when not kept.
    pub fn get_or_make<T: Any + Send + Sync>(
        &self,
        item: usize,
        make: impl FnOnce() -> T,
    ) -> Arc<T> {
        let mut kept = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(found) = kept
            .iter()
            .find(|(i, _)| *i == item)
            .and_then(|(_, lines)| lines.clone().downcast::<T>().ok())
        {
            return found;
        }
        let lines = Arc::new(make());
        if kept.len() >= DRAWN_ITEMS {
            kept.remove(0);
        }
        kept.push((item, lines.clone()));
        lines
    }
}

impl Clone for DrawCache {
    fn clone(&self) -> Self {
        DrawCache::default()
    }
}

impl std::fmt::Debug for DrawCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DrawCache")
    }
}

/// Whether item `i` is preceded by a blank row (a paragraph break on either side).
pub fn spaced(groups: &[Group], items: &[Item], i: usize) -> bool {
    i > 0 && matches!(items[i], Item::Group(g) if groups[g].breaks[0] || groups[g].breaks[1])
}

impl Layout {
    pub fn compute(
        key: LayoutKey,
        c: &Comparison,
        groups: &[Group],
        old: &Article,
        new: &Article,
    ) -> Layout {
        let mut items = Vec::with_capacity(groups.len());
        let mut i = 0;
        while i < groups.len() {
            let g = &groups[i];
            let filtered = key.filter != ClassFilter::All;
            let foldable = |g: &Group| {
                (key.fold_furniture && g.furniture)
                    || (key.fold_unchanged && g.kind == GroupKind::Equal && !g.furniture)
                    || !key.filter.shows(c, g)
            };
            if foldable(g) {
                // Under a filter, whatever it hides folds as one run.
                let furniture = g.furniture && !filtered;
                let start = i;
                while i < groups.len()
                    && foldable(&groups[i])
                    && (filtered || groups[i].furniture == furniture)
                {
                    i += 1;
                }
                items.push(Item::Fold {
                    groups: start..i,
                    furniture,
                });
                continue;
            }
            items.push(Item::Group(i));
            i += 1;
        }
        let mut starts = Vec::with_capacity(items.len() + 1);
        let mut row = 0u64;
        for (k, item) in items.iter().enumerate() {
            starts.push(row);
            row += match item {
                Item::Fold { .. } => 1,
                Item::Group(g) => {
                    let h = group_height(key, c, groups, *g, old, new);
                    h as u64 + u64::from(spaced(groups, &items, k))
                }
            };
        }
        starts.push(row);
        Layout {
            key,
            items,
            starts,
            drawn: DrawCache::default(),
        }
    }

    pub fn total_rows(&self) -> u64 {
        *self.starts.last().unwrap_or(&0)
    }

    /// The item containing `row`.
    pub fn item_at(&self, row: u64) -> usize {
        let n = self.items.len();
        if n == 0 {
            return 0;
        }
        self.starts[..n]
            .partition_point(|&s| s <= row)
            .saturating_sub(1)
    }

    /// The item showing group `g` (itself or the fold containing it).
    pub fn item_of_group(&self, g: usize) -> Option<usize> {
        let k = self.items.partition_point(|it| match it {
            Item::Group(x) => *x < g,
            Item::Fold { groups, .. } => groups.end <= g,
        });
        (k < self.items.len()).then_some(k)
    }

    /// The sentence the reader sees at `row` and the row it starts on: of
    /// the item there, the last sentence starting at or above the row (the
    /// first when none does), on the old side, or on the new side when the
    /// item has no old sentence.
    pub fn unit_at(&self, on: Drawn, row: u64) -> Option<((Side, usize), u64)> {
        let item = self.item_at(row);
        let g = match self.items.get(item)? {
            Item::Group(g) => *g,
            Item::Fold { groups, .. } => groups.start,
        };
        let group = &on.groups[g];
        let side = if group.old.is_empty() {
            Side::New
        } else {
            Side::Old
        };
        let units: Vec<usize> = group.units(side).collect();
        let row_of = |u: usize| self.starts[item] + self.unit_offset(on, item, g, (side, u));
        let k = units.partition_point(|&u| row_of(u) <= row);
        let u = *units.get(k.saturating_sub(1))?;
        Some(((side, u), row_of(u)))
    }

    /// The rows from the first of unit `u` on `side` to the end of the item
    /// showing the group that holds it.
    pub fn rows_of_unit(&self, on: Drawn, (side, u): (Side, usize)) -> Option<Range<u64>> {
        let g = on.groups.iter().position(|g| g.units(side).contains(&u))?;
        let item = self.item_of_group(g)?;
        let first = self.starts[item] + self.unit_offset(on, item, g, (side, u));
        Some(first..self.starts[item + 1].max(first + 1))
    }

    /// Rows from the top of item `item` (showing group `g`) to the line
    /// where unit `u` starts: the blank row before a paragraph, in inline
    /// mode the old side's lines above the new side's, the lines before.
    fn unit_offset(&self, on: Drawn, item: usize, g: usize, (side, u): (Side, usize)) -> u64 {
        if matches!(self.items[item], Item::Fold { .. }) {
            return 0;
        }
        let (key, c, groups) = (self.key, on.comparison, on.groups);
        let spaced = u64::from(spaced(groups, &self.items, item));
        let above = if key.inline && side == Side::New && groups[g].kind != GroupKind::Equal {
            side_lines(key, c, groups, g, Side::Old, on.old).len()
        } else {
            0
        };
        let article = match side {
            Side::Old => on.old,
            Side::New => on.new,
        };
        spaced + (above + unit_line(key, c, groups, g, (side, u), article)) as u64
    }
}

/// Lines of one side of a group at `width`.
pub fn side_lines(
    key: LayoutKey,
    c: &Comparison,
    groups: &[Group],
    g: usize,
    side: Side,
    article: &Article,
) -> Vec<Vec<Piece>> {
    let peer = peer_label(c, groups, g);
    let p = pieces(c, &groups[g], side, article, peer);
    if p.is_empty() {
        return Vec::new();
    }
    wrap(&p, key.width as usize, key.wrap)
}

/// `o4.2` or `n3.1`: where the other end of a moved group stands.
fn peer_label(c: &Comparison, groups: &[Group], g: usize) -> Option<String> {
    let group = &groups[g];
    group.peer.and_then(|p| {
        let pg = &groups[p];
        let other = if group.kind == GroupKind::MovedFrom {
            Side::New
        } else {
            Side::Old
        };
        let r = pg.units(other);
        let u = c.units(other).get(r.start)?;
        Some(format!(
            "{}{}.{}",
            if other == Side::Old { 'o' } else { 'n' },
            u.block + 1,
            u.sentence + 1
        ))
    })
}

/// Text of one side of a group beyond which `unit_line` says 0: finding a
/// sentence's line wraps the text before it, a few times per key press.
const UNIT_LINE_MAX_BYTES: usize = 256 * 1024;

/// The line of group `g`'s lines on `side` where its unit `u` starts: the
/// lines of the sentences before it, less one when its first word fits
/// after them. A pair drawn by its word diff is not cut by sentence, nor a
/// passage longer than `UNIT_LINE_MAX_BYTES` (0).
fn unit_line(
    key: LayoutKey,
    c: &Comparison,
    groups: &[Group],
    g: usize,
    (side, u): (Side, usize),
    article: &Article,
) -> usize {
    let group = &groups[g];
    let units = group.units(side);
    let us = c.units(side);
    let long = || us[units.end - 1].span.end - us[units.start].span.start > UNIT_LINE_MAX_BYTES;
    if u <= units.start || worded(c, group) || !key.wrap || long() {
        return 0;
    }
    let mut before = group.clone();
    match side {
        Side::Old => before.old.end = u,
        Side::New => before.new.end = u,
    }
    let width = key.width as usize;
    let lines = wrap(&pieces(c, &before, side, article, None), width, true);
    let last: usize = lines
        .last()
        .map_or(0, |l| l.iter().map(|p| str_width(&p.text)).sum());
    let mut first = String::new();
    display_text(&article.text[us[u].span.range()], &mut first);
    let word = first.split(' ').next().unwrap_or("");
    if last + 1 + str_width(word) <= width {
        lines.len().saturating_sub(1)
    } else {
        lines.len()
    }
}

fn group_height(
    key: LayoutKey,
    c: &Comparison,
    groups: &[Group],
    g: usize,
    old: &Article,
    new: &Article,
) -> usize {
    let o = side_lines(key, c, groups, g, Side::Old, old).len();
    let n = side_lines(key, c, groups, g, Side::New, new).len();
    let h = if key.inline {
        match groups[g].kind {
            GroupKind::Equal => o.max(n),
            _ => o + n,
        }
    } else {
        o.max(n)
    };
    h.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Vec<Piece> {
        vec![Piece {
            text: s.into(),
            seg: Seg::Plain,
        }]
    }

    fn text(lines: &[Vec<Piece>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            text(&wrap(&plain("the quick brown fox jumps"), 10, true)),
            vec!["the quick", "brown fox", "jumps"]
        );
        assert_eq!(
            text(&wrap(&plain("abcdefghijkl"), 5, true)),
            vec!["abcde", "fghij", "kl"]
        );
        assert_eq!(
            text(&wrap(&plain("the quick brown fox"), 10, false)),
            vec!["the quick…"]
        );
    }

    #[test]
    fn chinese_breaks_between_characters_not_before_punctuation() {
        let lines = wrap(
            &[
                Piece {
                    text: "美国国防部长".into(),
                    seg: Seg::Plain,
                },
                Piece {
                    text: "周三在布鲁塞尔表示，结束战争。".into(),
                    seg: Seg::Plain,
                },
            ],
            20,
            true,
        );
        let t = text(&lines);
        // The first line is filled, not cut short before the second piece.
        assert_eq!(t[0], "美国国防部长周三在布");
        assert!(t.iter().all(|l| !l.starts_with(['，', '。'])), "{t:?}");
        assert_eq!(t.concat(), "美国国防部长周三在布鲁塞尔表示，结束战争。");
        assert_eq!(cjk_atoms("说Trump说。"), vec!["说", "Trump", "说。"]);
        assert_eq!(cjk_atoms("plain"), vec!["plain"]);
    }

    /// Regression: `was “` ended a line and `not a betrayal”` opened the
    /// next where the quotation mark and the word stood in two pieces.
    #[test]
    fn quotation_marks_stay_with_their_words() {
        let piece = |text: &str, seg| Piece {
            text: text.into(),
            seg,
        };
        let pieces = [
            piece("in Ukraine was “", Seg::Plain),
            piece("not", Seg::Emph),
            piece(" a betrayal", Seg::Plain),
            piece("”", Seg::Emph),
            piece(" of Kyiv", Seg::Plain),
        ];
        for width in 10..40 {
            let t = text(&wrap(&pieces, width, true));
            assert!(t.iter().all(|l| !l.ends_with('“')), "{width}: {t:?}");
            assert!(t.iter().all(|l| !l.starts_with('”')), "{width}: {t:?}");
            assert_eq!(t.join(" "), "in Ukraine was “not a betrayal” of Kyiv");
        }
        // A mark set apart by a space stays with its word too.
        let t = text(&wrap(&plain("he said “ not here ” now"), 11, true));
        assert_eq!(t, vec!["he said", "“ not", "here ” now"]);
        assert_eq!(cjk_atoms("“美国”"), vec!["“美", "国”"]);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let lines = wrap(&plain("日本語 テキスト 🎉🎉"), 8, true);
        for l in &lines {
            assert!(l.iter().map(|p| str_width(&p.text)).sum::<usize>() <= 8);
        }
        assert_eq!(text(&lines), vec!["日本語", "テキスト", "🎉🎉"]);
    }

    #[test]
    fn chinese_sentences_join_without_a_space() {
        let mut s = String::new();
        display_text("会谈。", &mut s);
        display_text("多位官员表示。", &mut s);
        display_text("Then English.", &mut s);
        assert_eq!(s, "会谈。多位官员表示。 Then English.");
    }

    #[test]
    fn display_text_is_safe() {
        let mut s = String::new();
        display_text("a\x1b[31m  b\n\tc\x07", &mut s);
        assert_eq!(s, "a␛[31m b c␇");
    }
}
