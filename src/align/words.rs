//! Word-level diffs inside a changed or moved pair, and the word counts that
//! `words_deleted` / `words_inserted` report (whitespace-separated, as wdiff counts).

use std::borrow::Cow;
use std::ops::Range;
use std::time::Instant;

use similar::{capture_diff_slices_deadline, Algorithm, DiffTag};

use super::classes::EditClass;
use super::units::{fold, Fold};
use crate::article::{is_cjk, WordStarts};

/// One piece of a word diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordOp {
    pub kind: WordKind,
    /// The text of the piece, with a leading space when a space preceded it
    /// on its side, and a trailing one when its side has a space after it
    /// that the next piece does not carry (see `spaced_pieces`).
    pub text: String,
    /// For a deleted or inserted piece: the class of the change it belongs
    /// to (set by the `classes` stage).
    pub class: Option<EditClass>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    Equal,
    Deleted,
    Inserted,
}

impl WordKind {
    pub fn as_str(self) -> &'static str {
        match self {
            WordKind::Equal => "equal",
            WordKind::Deleted => "deleted",
            WordKind::Inserted => "inserted",
        }
    }
}

/// Tokens for display: words (letters and digits, with inner `.,'’-` as in
/// `3.4`, `U.S`, `don’t`, `pre-2014`) and single punctuation marks. Each is
/// (start, end) in `s`.
pub(crate) fn tokens(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    // The character at byte `i`: an ASCII byte as it stands, anything else
    // decoded (most characters are ASCII, and the tokens are asked for on
    // every changed sentence).
    let at = |i: usize| -> char {
        match b[i] {
            c @ 0..=0x7f => char::from(c),
            _ => s[i..].chars().next().unwrap_or(' '),
        }
    };
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    while i < b.len() {
        let c = at(i);
        let mut end = i + c.len_utf8();
        if c.is_whitespace() {
            i = end;
            continue;
        }
        if is_cjk(c) {
            // One character at a time, with any marks after it.
            while end < b.len() && is_mark(at(end)) {
                end += at(end).len_utf8();
            }
        } else if c.is_alphanumeric() {
            while end < b.len() {
                // ASCII letters and digits, most of a word, at a byte each.
                if b[end].is_ascii_alphanumeric() {
                    end += 1;
                    continue;
                }
                let d = at(end);
                if is_cjk(d) {
                    break;
                }
                if d.is_alphanumeric() || is_mark(d) {
                    end += d.len_utf8();
                } else if matches!(d, '.' | ',' | '\'' | '’' | '-') {
                    // Inner punctuation only when a letter or digit follows.
                    let next = end + d.len_utf8();
                    if next < b.len() && at(next).is_alphanumeric() {
                        end = next;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
        }
        out.push((i, end));
        i = end;
    }
    out
}

/// Combining marks belong to the letter before them.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The word diff of `old` against `new`, as pieces in reading order.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    word_diff_by(old, new, None)
}

/// `word_diff`, giving up on finesse at `deadline` (the rest of the pair then
/// shows as deleted and inserted): one giant "sentence" must not stall.
pub fn word_diff_by(old: &str, new: &str, deadline: Option<Instant>) -> Vec<WordOp> {
    let ot = tokens(old);
    let nt = tokens(new);
    let ow: Vec<&str> = ot.iter().map(|&(a, b)| &old[a..b]).collect();
    let nw: Vec<&str> = nt.iter().map(|&(a, b)| &new[a..b]).collect();
    let mut pieces = Pieces::default();
    for op in capture_diff_slices_deadline(Algorithm::Myers, &ow, &nw, deadline) {
        let (tag, or, nr) = op.as_tag_tuple();
        if matches!(tag, DiffTag::Delete | DiffTag::Replace) {
            for i in or.clone() {
                pieces.push(WordKind::Deleted, ow[i], spaced(&ot, i));
            }
        }
        if matches!(tag, DiffTag::Insert | DiffTag::Replace) {
            for j in nr.clone() {
                pieces.push(WordKind::Inserted, nw[j], spaced(&nt, j));
            }
        }
        if tag == DiffTag::Equal {
            for (k, (i, j)) in or.zip(nr).enumerate() {
                pieces.push_equal(ow[i], spaced(&ot, i), spaced(&nt, j), k == 0);
            }
        }
    }
    pieces.out
}

/// Whether whitespace comes before token `i` (tokens cover everything but
/// whitespace, so any gap is some).
fn spaced(toks: &[(usize, usize)], i: usize) -> bool {
    toks[i].0 > if i == 0 { 0 } else { toks[i - 1].1 }
}

/// The pieces of a word diff as they are built, each side's spaces kept so
/// that the pieces of either side read back as its text (whitespace runs
/// aside).
#[derive(Default)]
struct Pieces {
    out: Vec<WordOp>,
}

impl Pieces {
    fn push(&mut self, kind: WordKind, token: &str, spaced: bool) {
        if let Some(last) = self.out.last_mut().filter(|l| l.kind == kind) {
            if spaced && !last.text.ends_with(' ') {
                last.text.push(' ');
            }
            last.text.push_str(token);
            return;
        }
        let mut text = String::with_capacity(token.len() + 1);
        if spaced {
            text.push(' ');
        }
        text.push_str(token);
        self.out.push(WordOp {
            kind,
            text,
            class: None,
        });
    }

    /// An unchanged token whose sides may disagree on the space before it
    /// (`Trump` opens the old sentence; the new one reads `Hours later,
    /// Trump`). At the start of an unchanged run the space goes at the end
    /// of what precedes the token on the side that has it; elsewhere, and
    /// when that cannot be done, the token keeps a space (one too many reads
    /// better than two words glued).
    fn push_equal(&mut self, token: &str, old_spaced: bool, new_spaced: bool, run_start: bool) {
        if old_spaced == new_spaced || !run_start {
            return self.push(WordKind::Equal, token, old_spaced || new_spaced);
        }
        let (own, other) = if new_spaced {
            (WordKind::Inserted, WordKind::Deleted)
        } else {
            (WordKind::Deleted, WordKind::Inserted)
        };
        // The piece before the token on the side that has the space.
        let Some(before) = self.out.iter().rposition(|p| p.kind != other) else {
            return self.push(WordKind::Equal, token, true);
        };
        // An unchanged piece may take the space only when the other side's
        // pieces after it open with a space anyway.
        let other_spaced = self.out[before + 1..]
            .first()
            .is_none_or(|p| p.text.starts_with(' '));
        let piece = &mut self.out[before];
        if piece.kind == own || other_spaced {
            if !piece.text.ends_with(' ') {
                piece.text.push(' ');
            }
            self.push(WordKind::Equal, token, false)
        } else {
            self.push(WordKind::Equal, token, true)
        }
    }
}

/// The pieces a reader sees — all of them inline, or one side's when `hide`
/// names the other side's kind — each with whether a space comes before it
/// and its text without outer spaces. A piece's trailing space (left where
/// the next piece on its side does not carry one) spaces the next piece shown.
/// In a deleted or inserted piece, characters that take no room (a zero-width
/// space, a soft hyphen) show as `<U+200B>`: an edit is never invisible.
pub fn spaced_pieces(
    words: &[WordOp],
    hide: Option<WordKind>,
) -> impl Iterator<Item = (bool, &WordOp, Cow<'_, str>)> {
    let mut first = true;
    let mut trailing = false;
    words
        .iter()
        .filter(move |w| Some(w.kind) != hide)
        .filter_map(move |w| {
            let body = w.text.trim();
            let lead = !first && (trailing || w.text.starts_with(char::is_whitespace));
            trailing = w.text.ends_with(char::is_whitespace) && !body.is_empty();
            if body.is_empty() {
                trailing |= !first;
                return None;
            }
            first = false;
            let body = if w.kind == WordKind::Equal {
                Cow::Borrowed(body)
            } else {
                crate::display::show_invisible(body)
            };
            Some((lead, w, body))
        })
}

/// Whitespace-separated words, with each Chinese or Japanese character a
/// word of its own (those scripts put no spaces between words): the pieces
/// between the starts `WordStarts` finds.
pub(crate) fn count_units(s: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    // Over bytes (`split_words`): `split_whitespace` decodes every
    // character, and on text with curly quotes that was most of the count.
    for w in crate::article::split_words(s) {
        count_units_of(w, w.is_ascii(), &mut out);
    }
    out
}

/// The counted pieces of one whitespace-separated word, onto `out`.
fn count_units_of<'s>(w: &'s str, ascii: bool, out: &mut Vec<&'s str>) {
    if ascii {
        // No ASCII character is invisible or Chinese.
        out.push(w);
        return;
    }
    if w.chars().all(|c| matches!(fold(c), Fold::Drop)) {
        // Only invisible characters (a stray soft hyphen): not a word.
        return;
    }
    if !w.chars().any(is_cjk) {
        out.push(w);
        return;
    }
    let mut ws = WordStarts::default();
    let mut start = None;
    for (i, c) in w.char_indices() {
        // Invisible characters go with the piece they are in.
        if !matches!(fold(c), Fold::Drop) && ws.starts(c) {
            if let Some(st) = start {
                out.push(&w[st..i]);
            }
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(&w[st..]);
    }
}

/// (words deleted, words inserted, words kept) between two texts, counting
/// whitespace-separated words as wdiff does (and Chinese or Japanese
/// characters one by one).
pub fn word_counts(old: &str, new: &str) -> (usize, usize, usize) {
    word_counts_by(old, new, None)
}

/// `word_counts`, with a deadline as `word_diff_by`.
pub fn word_counts_by(old: &str, new: &str, deadline: Option<Instant>) -> (usize, usize, usize) {
    let ow = count_units(old);
    let nw = count_units(new);
    if spaced_hyphen(old) || spaced_hyphen(new) {
        let (del, ins, kept, _) = counts_over_hyphens(old, new, &ow, &nw, deadline);
        return (del, ins, kept);
    }
    counts_of(&ow, &nw, deadline)
}

/// Kept words in runs shorter than this are chance (`the`, `to`, a name)
/// rather than carried prose.
const PROSE_RUN: usize = 3;

/// `word_counts_by`, and of the words kept those outside quotation marks on
/// both sides, in runs of at least three: the prose the two carry alike, as
/// a copy does and two write-ups sharing a quotation do not.
pub(crate) fn word_counts_with_prose(
    old: &str,
    new: &str,
    deadline: Option<Instant>,
) -> (usize, usize, usize, usize) {
    let ow = count_units(old);
    let nw = count_units(new);
    if spaced_hyphen(old) || spaced_hyphen(new) {
        return counts_over_hyphens(old, new, &ow, &nw, deadline);
    }
    let (mut oq, mut nq) = (Quotes::new(old, &ow), Quotes::new(new, &nw));
    let (mut del, mut ins, mut kept, mut prose) = (0, 0, 0, 0);
    for op in capture_diff_slices_deadline(Algorithm::Myers, &ow, &nw, deadline) {
        let (tag, or, nr) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                kept += or.len();
                if or.len() >= PROSE_RUN {
                    prose += or.zip(nr).filter(|&(o, n)| !oq.at(o) && !nq.at(n)).count();
                }
            }
            DiffTag::Delete => del += or.len(),
            DiffTag::Insert => ins += nr.len(),
            DiffTag::Replace => {
                del += or.len();
                ins += nr.len();
            }
        }
    }
    (del, ins, kept, prose)
}

/// Whether whitespace stands beside a hyphen in `text` (`alone--` / `when`,
/// `1980 --81`): a hard wrap after a hyphen, or a space the matching keys
/// ignore there, so the word counts must not split words on it.
pub(crate) fn spaced_hyphen(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr_iter(b'-', b).any(|i| {
        (i > 0 && crate::article::is_ascii_space(b[i - 1]))
            || b.get(i + 1)
                .is_some_and(|&c| crate::article::is_ascii_space(c))
    })
}

/// The words with whitespace beside a hyphen taken out: a word ending in a
/// hyphen (`alone--`, `Post-`) joins the next, a word opening with one
/// (`--81`) the one before, unless it is all hyphens (a spaced dash, ` -- `,
/// stays a word). Each joined word is its text without the whitespace and
/// the index of its first word.
fn hyphen_joined(words: &[&str]) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::with_capacity(words.len());
    let dash = |w: &str| w.bytes().all(|c| c == b'-');
    for (i, w) in words.iter().enumerate() {
        let joins = i > 0 && {
            let before = words[i - 1];
            (before.ends_with('-') && !dash(before)) || (w.starts_with('-') && !dash(w))
        };
        match out.last_mut() {
            Some(last) if joins => last.0.push_str(w),
            _ => out.push(((*w).to_string(), i)),
        }
    }
    out
}

/// `word_counts_with_prose` for texts with whitespace beside a hyphen: the
/// diff runs over `hyphen_joined` words, so `alone--when` and `alone--` /
/// `when` are one word kept; a joined word deleted or inserted counts its
/// words. Where joined words were replaced, their own words are diffed
/// again: a space before `--` may be the text's own (`[Obs.] --Beau.`), and
/// an edit to one of the words it joins costs that word only.
fn counts_over_hyphens(
    old: &str,
    new: &str,
    ow: &[&str],
    nw: &[&str],
    deadline: Option<Instant>,
) -> (usize, usize, usize, usize) {
    let (oj, nj) = (hyphen_joined(ow), hyphen_joined(nw));
    let words = |j: &[(String, usize)], total: usize, k: usize| {
        j.get(k + 1).map_or(total, |n| n.1) - j[k].1
    };
    let (ok, nk): (Vec<&str>, Vec<&str>) = (
        oj.iter().map(|w| w.0.as_str()).collect(),
        nj.iter().map(|w| w.0.as_str()).collect(),
    );
    let mut oq = Quotes::new(old, ow);
    let _ = new;
    let (mut del, mut ins, mut kept, mut prose) = (0, 0, 0, 0);
    for op in capture_diff_slices_deadline(Algorithm::Myers, &ok, &nk, deadline) {
        let (tag, or, nr) = op.as_tag_tuple();
        let old_words: usize = or.clone().map(|k| words(&oj, ow.len(), k)).sum();
        let new_words: usize = nr.clone().map(|k| words(&nj, nw.len(), k)).sum();
        match tag {
            DiffTag::Equal => {
                kept += old_words;
                if or.len() >= PROSE_RUN {
                    prose += or.filter(|&k| !oq.at(oj[k].1)).count();
                }
            }
            DiffTag::Delete => del += old_words,
            DiffTag::Insert => ins += new_words,
            DiffTag::Replace => {
                let first = |j: &[(String, usize)], k: usize| j[k].1;
                let (o, n) = (first(&oj, or.start), first(&nj, nr.start));
                let (d, i, k) = counts_of(&ow[o..o + old_words], &nw[n..n + new_words], deadline);
                del += d;
                ins += i;
                kept += k;
            }
        }
    }
    (del, ins, kept, prose)
}

/// (deleted, inserted, kept) between two lists of words.
fn counts_of(ow: &[&str], nw: &[&str], deadline: Option<Instant>) -> (usize, usize, usize) {
    let (mut del, mut ins, mut kept) = (0, 0, 0);
    for op in capture_diff_slices_deadline(Algorithm::Myers, ow, nw, deadline) {
        let (tag, or, nr) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => kept += or.len(),
            DiffTag::Delete => del += or.len(),
            DiffTag::Insert => ins += nr.len(),
            DiffTag::Replace => {
                del += or.len();
                ins += nr.len();
            }
        }
    }
    (del, ins, kept)
}

/// Words of `text` outside quotation marks (double quotes and guillemets;
/// single ones are too often apostrophes).
pub(crate) fn prose_words(text: &str) -> usize {
    if text.is_ascii() {
        return ascii_prose_words(text.as_bytes());
    }
    let mut inside = starts_inside(text);
    let mut prose = 0;
    for w in text.split_whitespace() {
        if w.starts_with(['“', '«', '"']) {
            inside = true;
        }
        if !inside {
            // As `count_units` counts: a Chinese or Japanese character is a word.
            prose += if w.is_ascii() {
                1
            } else {
                count_units(w).len()
            };
        }
        if closes_quote(w) {
            inside = false;
        }
    }
    prose
}

/// `prose_words` of ASCII text, by bytes (every sentence of a possible
/// reprint is read): only straight quotes, which open and close alike.
fn ascii_prose_words(b: &[u8]) -> usize {
    let words = || {
        b.split(|&c| crate::article::is_ascii_space(c))
            .filter(|w| !w.is_empty())
    };
    if !b.contains(&b'"') {
        return words().count();
    }
    let mut inside = false;
    let mut prose = 0;
    for w in words() {
        if w[0] == b'"' {
            inside = true;
        }
        if !inside {
            prose += 1;
        }
        let end = w
            .iter()
            .rposition(|c| !matches!(c, b',' | b'.' | b';' | b':' | b'?' | b'!' | b')'));
        if end.is_some_and(|e| w[e] == b'"') {
            inside = false;
        }
    }
    prose
}

/// Whether a text opens inside a quotation: it closes more quotations than
/// it opens (a quotation that began in an earlier sentence).
fn starts_inside(text: &str) -> bool {
    // Straight quotes open and close alike; curly ones and guillemets are
    // found by their bytes (“ ” are E2 80 9C/9D, « » C2 AB/BB).
    let b = text.as_bytes();
    let (mut opens, mut closes) = (0usize, 0usize);
    for i in memchr::memchr2_iter(0xE2, 0xC2, b) {
        match (b[i], b.get(i + 1), b.get(i + 2)) {
            (0xE2, Some(0x80), Some(0x9C)) | (0xC2, Some(0xAB), _) => opens += 1,
            (0xE2, Some(0x80), Some(0x9D)) | (0xC2, Some(0xBB), _) => closes += 1,
            _ => {}
        }
    }
    closes > opens
}

/// Whether a word ends a quotation (before any trailing punctuation).
fn closes_quote(w: &str) -> bool {
    w.trim_end_matches([',', '.', ';', ':', '?', '!', ')'])
        .ends_with(['”', '»', '"'])
}

/// Whether words of `text` (its pieces `words`) lie inside a quotation,
/// read in one pass as the word diff's kept runs ask, in order, without a
/// list. An opening mark with no close runs to the end of the text, and a
/// close with no opening runs from its start (quotations spanning
/// sentences).
struct Quotes<'a> {
    words: &'a [&'a str],
    /// The text holds no quotation mark: no word is quoted.
    none: bool,
    /// The next word not yet read, and whether it begins inside a quotation.
    next: usize,
    inside: bool,
}

impl<'a> Quotes<'a> {
    fn new(text: &str, words: &'a [&'a str]) -> Self {
        let none = !has_quote(text);
        Quotes {
            words,
            none,
            next: 0,
            inside: !none && starts_inside(text),
        }
    }

    /// Whether word `i` lies inside a quotation; `i` never goes back.
    fn at(&mut self, i: usize) -> bool {
        if self.none {
            return false;
        }
        debug_assert!(i >= self.next, "quotation read backwards");
        let mut quoted = self.inside;
        while self.next <= i {
            let w = self.words[self.next];
            if w.starts_with(['“', '«', '"']) {
                self.inside = true;
            }
            quoted = self.inside;
            if closes_quote(w) {
                self.inside = false;
            }
            self.next += 1;
        }
        quoted
    }
}

/// Whether `s` holds a double quotation mark (`"`, `“`, `”`, `«`, `»`),
/// found by bytes: every aligned sentence is asked.
pub(crate) fn has_quote(s: &str) -> bool {
    let b = s.as_bytes();
    // One pass for the straight quote and the lead bytes of the others.
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, b).any(|i| match b[i] {
        b'"' => true,
        0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D)),
        _ => matches!(b.get(i + 1), Some(0xAB | 0xBB)),
    })
}

/// Words of `old` kept in runs of at least `min_run` words in a row: the
/// words a diff keeps that chance alone seldom lines up (a lone `the` or
/// `of` may meet its like anywhere).
pub(crate) fn kept_in_runs(old: &str, new: &str, min_run: usize) -> usize {
    let ow = count_units(old);
    let nw = count_units(new);
    capture_diff_slices_deadline(Algorithm::Myers, &ow, &nw, None)
        .iter()
        .map(|op| op.as_tag_tuple())
        .filter(|(tag, or, _)| *tag == DiffTag::Equal && or.len() >= min_run)
        .map(|(_, or, _)| or.len())
        .sum()
}

/// Most words a side of a substitution may have: beyond that it is a rewrite,
/// not a choice of words.
const SUBSTITUTION_WORDS: usize = 3;

/// The word substitutions between two homologous sentences: runs of one to
/// three words on each side that replace each other between equal words
/// (case, quotes and dashes folded, so house style is no substitution), as
/// byte ranges of `old` and `new`. `said` → `claimed`, `Kyiv` → `Kiev`.
pub fn substitutions(old: &str, new: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let (ot, nt) = (tokens(old), tokens(new));
    let key = |s: &str, t: &[(usize, usize)]| -> Vec<String> {
        t.iter().map(|&(a, b)| folded(&s[a..b])).collect()
    };
    let (ok, nk) = (key(old, &ot), key(new, &nt));
    let is_word = |s: &str| s.chars().any(char::is_alphanumeric);
    let words =
        |s: &str, t: &[(usize, usize)]| t.iter().filter(|&&(a, b)| is_word(&s[a..b])).count();
    let mut out = Vec::new();
    for op in similar::capture_diff_slices(Algorithm::Myers, &ok, &nk) {
        let (tag, or, nr) = op.as_tag_tuple();
        if tag != DiffTag::Replace {
            continue;
        }
        // Punctuation at either end is not part of the words chosen.
        let trim = |s: &str, t: &'_ [(usize, usize)]| -> Vec<(usize, usize)> {
            let first = t.iter().position(|&(a, b)| is_word(&s[a..b]));
            let last = t.iter().rposition(|&(a, b)| is_word(&s[a..b]));
            match (first, last) {
                (Some(f), Some(l)) => t[f..=l].to_vec(),
                _ => Vec::new(),
            }
        };
        let (os, ns) = (trim(old, &ot[or.clone()]), trim(new, &nt[nr.clone()]));
        let (os, ns) = (os.as_slice(), ns.as_slice());
        let (ow, nw) = (words(old, os), words(new, ns));
        if !(1..=SUBSTITUTION_WORDS).contains(&ow) || !(1..=SUBSTITUTION_WORDS).contains(&nw) {
            continue;
        }
        // Between equal words: a substitution at a sentence's edge is
        // as often a reworded opening as a choice of word — but for one
        // word for one opening both sentences, the rest going on alike
        // (`Protesters gathered …` / `Rioters gathered …`).
        let goes_on = or.end < ot.len() && nr.end < nt.len();
        let opens_both = or.start == 0 && nr.start == 0 && ow == 1 && nw == 1;
        let inside = goes_on && ((or.start > 0 && nr.start > 0) || opens_both);
        let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let (o, n) = (os[0].0..os[os.len() - 1].1, ns[0].0..ns[ns.len() - 1].1);
        // "UK" and "UK's" are the same word.
        let base = |s: &str| folded(s).trim_end_matches("'s").to_string();
        let same = base(&old[o.clone()]) == base(&new[n.clone()]);
        // Function words alone ("and" for "to") are grammar, not a choice.
        let topical = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.len() >= 3 && !super::similarity::is_stopword(&w.to_lowercase()))
        };
        let chosen = topical(&old[o.clone()]) || topical(&new[n.clone()]);
        if inside && !same && chosen && letters(&old[o.clone()]) && letters(&new[n.clone()]) {
            out.push((o, n));
        }
    }
    out
}

/// A token as substitutions compare it: lower case, quotes, dashes folded.
fn folded(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold(c) {
            Fold::Char(m) => out.push(m),
            Fold::Drop | Fold::Space => {}
            Fold::Lower => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tokens` as it was written over `char_indices`: what the byte loop
    /// must agree with.
    fn tokens_by_chars(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() {
                continue;
            }
            if is_cjk(c) {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if !is_mark(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    iter.next();
                }
                out.push((i, end));
            } else if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = iter.peek() {
                    if is_cjk(d) {
                        break;
                    }
                    if d.is_alphanumeric() || is_mark(d) {
                        end = j + d.len_utf8();
                        iter.next();
                    } else if matches!(d, '.' | ',' | '\'' | '’' | '-') {
                        let after = s[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(char::is_alphanumeric) {
                            end = j + d.len_utf8();
                            iter.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                out.push((i, end));
            } else {
                out.push((i, i + c.len_utf8()));
            }
        }
        out
    }

    #[test]
    fn tokens_read_bytes_as_the_characters_they_are() {
        let pieces = [
            "a", "Bc", "9", " ", "\n", "\u{a0}", "\u{3000}", ".", ",", "'", "’", "-", "“", "é",
            "e\u{301}", "\u{301}", "说", "日本", "。", "İ", "٣", "x.y", "$", "\u{ad}",
        ];
        for s in crate::testing::random_texts(&pieces, 20_000, 12, 0xbb67_ae85_84ca_a73b) {
            assert_eq!(tokens(&s), tokens_by_chars(&s), "{s:?}");
        }
    }

    #[test]
    fn a_line_break_beside_a_dash_costs_no_word() {
        // A wrap after `--` (or a space the keys ignore there) is not an edit.
        let old = "It needs to stand alone--when it appears on the screen.";
        assert_eq!(
            word_counts(
                old,
                "It needs to stand alone--\nwhen it appears on the screen."
            ),
            (0, 0, 10)
        );
        assert_eq!(
            word_counts(old, "It really needs to stand alone--\nwhen it appears."),
            (4, 2, 6)
        );
        // A spaced dash stays a word of its own, as wdiff counts it.
        assert_eq!(
            word_counts("a well-known -- man", "a well-known man"),
            (1, 0, 3)
        );
        assert_eq!(
            word_counts("the Post- ABC poll", "the Post-ABC poll"),
            (0, 0, 4)
        );
    }

    #[test]
    fn a_word_edited_beside_a_spaced_dash_costs_that_word_only() {
        // A citation after a spaced `--` (dictionary text): replacing the
        // citation is one word out and one in, the `[Obs.]` before it kept.
        assert_eq!(
            word_counts("Hidden. [Obs.] --Beau. & Fl.", "Hidden. [Obs.] which & Fl."),
            (1, 1, 4)
        );
        // Two sentences run together: the full stop and the capital change
        // two words, as they would without the dash.
        assert_eq!(
            word_counts(
                "A place for hiding. --Cowell. The act of hiding.",
                "A place for hiding. --Cowell; the act of hiding."
            ),
            (2, 2, 7)
        );
        // A line break inside the dash still costs nothing.
        assert_eq!(
            word_counts(
                "A place for hiding. --Cowell. The act of hiding.",
                "A place for hiding.\n--Cowell. The act of hiding."
            ),
            (0, 0, 9)
        );
    }

    #[test]
    fn stray_full_stop_is_one_token() {
        let ops = word_diff(
            "the war going, of President Trump.”",
            "the war going, of President Trump.”.",
        );
        assert_eq!(ops.len(), 2);
        assert_eq!(
            ops[1],
            WordOp {
                kind: WordKind::Inserted,
                text: ".".into(),
                class: None,
            }
        );
    }

    #[test]
    fn numbers_and_names_are_single_tokens() {
        let ops = word_diff("spends 3.4% in the U.S. now", "spends 3.5% in the U.S. now");
        let changed: Vec<_> = ops.iter().filter(|o| o.kind != WordKind::Equal).collect();
        assert_eq!(changed.len(), 2);
        assert_eq!(changed[0].text.trim(), "3.4");
        assert_eq!(changed[1].text.trim(), "3.5");
    }

    #[test]
    fn chinese_is_compared_character_by_character() {
        let old = "美国国防部长赫格塞斯表示，一切都在谈判桌上。";
        let new = "美国国防部长赫格塞思表示，一切都在谈判桌上。";
        let ops = word_diff(old, new);
        let changed: Vec<_> = ops.iter().filter(|o| o.kind != WordKind::Equal).collect();
        assert_eq!(changed.len(), 2, "{ops:?}");
        assert_eq!(changed[0].text, "斯");
        assert_eq!(changed[1].text, "思");
        assert_eq!(word_counts(old, new), (1, 1, 19));
        // Latin words inside Chinese text stay whole.
        let ops = word_diff("特朗普Trump说", "特朗普Trumps说");
        let changed: Vec<_> = ops.iter().filter(|o| o.kind != WordKind::Equal).collect();
        assert_eq!(changed[0].text, "Trump");
        let rebuilt: String = ops
            .iter()
            .filter(|o| o.kind != WordKind::Inserted)
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(rebuilt, "特朗普Trump说");
    }

    #[test]
    fn past_the_deadline_the_diff_is_coarse_but_whole() {
        let old: String = (0..20_000).map(|i| format!("w{} ", i % 97)).collect();
        let new: String = (0..20_000).map(|i| format!("w{} ", i % 89)).collect();
        let ops = word_diff_by(&old, &new, Some(Instant::now()));
        let side = |skip: WordKind| -> String {
            ops.iter()
                .filter(|o| o.kind != skip)
                .map(|o| o.text.as_str())
                .collect()
        };
        assert_eq!(side(WordKind::Inserted), old.trim_end());
        assert_eq!(side(WordKind::Deleted), new.trim_end());
        let (del, ins, kept) = word_counts_by(&old, &new, Some(Instant::now()));
        assert_eq!((del + kept, ins + kept), (20_000, 20_000));
    }

    /// Regression: an unchanged word took the old side's spacing, so the new
    /// side read `Hours later,Trump` and `he said“the United States`.
    #[test]
    fn sides_that_disagree_on_a_space_both_read_back() {
        for (old, new) in [
            (
                "Trump unexpectedly announced it.",
                "Hours later, Trump announced it.",
            ),
            (
                "He said the United States would act.",
                "He said “the United States would act.”",
            ),
            (
                "They were “certainly not a betrayal”.",
                "They were certainly not a betrayal.",
            ),
            ("A “planner,” he said.", "A planner, he said."),
            ("It will begin. The talks", "It will begin.The talks"),
        ] {
            let ops = word_diff(old, new);
            let side = |hide: WordKind| -> String {
                let s: String = ops
                    .iter()
                    .filter(|o| o.kind != hide)
                    .map(|o| o.text.as_str())
                    .collect();
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            assert_eq!(side(WordKind::Inserted), old, "{ops:?}");
            assert_eq!(side(WordKind::Deleted), new, "{ops:?}");
        }
    }

    /// Regression: an edit of a zero-width space printed as an empty `[-​-]`.
    #[test]
    fn an_invisible_edit_is_shown() {
        let ops = word_diff("agreed by all members.", "agreed by all\u{200B} members.");
        let shown: Vec<String> = spaced_pieces(&ops, None)
            .filter(|(_, w, _)| w.kind != WordKind::Equal)
            .map(|(_, _, body)| body.into_owned())
            .collect();
        assert!(shown.iter().any(|b| b.contains("<U+200B>")), "{shown:?}");
    }

    #[test]
    fn pieces_rebuild_each_side() {
        let old = "Nato allies said “no” to the plan.";
        let new = "NATO allies said “yes” to the new plan.";
        let ops = word_diff(old, new);
        let rebuilt_old: String = ops
            .iter()
            .filter(|o| o.kind != WordKind::Inserted)
            .map(|o| o.text.as_str())
            .collect();
        let rebuilt_new: String = ops
            .iter()
            .filter(|o| o.kind != WordKind::Deleted)
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(rebuilt_old, old);
        assert_eq!(rebuilt_new, new);
        assert_eq!(word_counts(old, new), (2, 3, 5));
    }
}
