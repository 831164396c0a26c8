//! Plain text and Markdown: lines into paragraph blocks.
//!
//! Handles the three layouts scraped text comes in: one paragraph per line,
//! blank-line paragraphs, and hard-wrapped lines that must be joined back
//! into paragraphs. Block spans index the decoded text unchanged.

use super::{raw_block, Block, Built, Metadata, Role, Source};

#[derive(Clone, Copy)]
struct Line {
    start: usize,
    /// End of the line's content (before trailing whitespace and the line end).
    end: usize,
    /// Width in characters of the trimmed line.
    chars: usize,
    /// Leading whitespace, in bytes.
    indent: usize,
    /// Characters of the line as written, its indent included (a tab as
    /// one, as Python's textwrap counts it): a wrap fills lines to a width
    /// counted from the margin, so a paragraph's first line indented deeper
    /// than the rest is as full as they are with fewer characters.
    width: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.end <= self.start + self.indent
    }

    /// The line measured in bytes, as GNU `fmt` and `fold` count a width.
    fn in_bytes(&self) -> Line {
        Line {
            chars: self.end - self.start - self.indent,
            width: self.end - self.start,
            ..*self
        }
    }
}

/// What a wrap width counts: characters (Python's textwrap, editors, mail
/// clients) or bytes (GNU `fmt` and `fold`, which fill Devanagari or Thai
/// lines to a third of the characters an ASCII line holds).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Metric {
    Chars,
    Bytes,
}

impl Metric {
    /// Width of the first word of `s`.
    fn first_word(self, s: &str) -> usize {
        let word = s.split_whitespace().next().unwrap_or("");
        match self {
            Metric::Chars => word.chars().count(),
            Metric::Bytes => word.len(),
        }
    }
}

/// How the lines of a text are to be read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flavour {
    /// A text file: any of the three layouts, hard wraps detected.
    Text,
    /// Text a scraper wrote (JSON fields): never hard-wrapped, every line a paragraph.
    Scraped,
    Markdown,
}

pub(crate) fn build(text: String, flavour: Flavour, notes: &mut Vec<String>) -> Built {
    let lines = split_lines(&text);
    let mut meta = Metadata::default();
    let mut blocks = match flavour {
        Flavour::Markdown => markdown_blocks(&text, &lines, &mut meta),
        Flavour::Text => {
            let (lines, layout) = measured(&text, lines);
            text_blocks(&text, &lines, layout)
        }
        Flavour::Scraped => text_blocks(&text, &lines, Layout::ONE_PER_LINE),
    };
    let (text, source) = match flavour {
        Flavour::Scraped => (text, None),
        Flavour::Text | Flavour::Markdown => rejoin_hyphenated(text, &mut blocks, notes),
    };
    Built {
        text,
        blocks,
        meta,
        markup: Vec::new(),
        extracted_words: None,
        source,
    }
}

/// Words a hard wrap broke after a hyphen (`face-` / `to-face`, as Python's
/// textwrap and most editors break) joined again inside paragraphs: the line
/// break goes, the hyphen stays (a wrapped line only ever breaks after a
/// hyphen that is part of the word, so `Ukraine-` / `related` is
/// `Ukraine-related`). Only that line break and the next line's indent leave
/// the text; blocks' spans move with it, and the text as read is kept with
/// where bytes left it (the JSON contract's `text` is the file's own).
/// Headings, code and other blocks the format marked keep their lines.
fn rejoin_hyphenated(
    text: String,
    blocks: &mut [Block],
    notes: &mut Vec<String>,
) -> (String, Option<Source>) {
    let cuts = hyphen_breaks(&text, blocks);
    if cuts.is_empty() {
        return (text, None);
    }
    let example = {
        let (from, to) = cuts[0];
        let word_start = text[..from]
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word_end = text[to..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| to + i);
        format!("{}{}", &text[word_start..from], &text[to..word_end])
    };
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for &(s, e) in &cuts {
        out.push_str(&text[from..s]);
        from = e;
    }
    out.push_str(&text[from..]);
    // Blocks are in order, so the cuts before each offset are counted on
    // from the last block's (not again from the first cut).
    let (mut passed, mut shift) = (0, 0);
    let mut moved = |at: usize| -> usize {
        while let Some(&(s, e)) = cuts.get(passed).filter(|&&(_, e)| e <= at) {
            shift += e - s;
            passed += 1;
        }
        at - shift
    };
    for b in blocks.iter_mut() {
        let start = moved(b.span.start);
        b.span = super::Span::new(start, moved(b.span.end));
    }
    notes.push(format!(
        "rejoined {} word(s) a line break split after a hyphen (`{example}`)",
        cuts.len()
    ));
    let mut gone = 0;
    let shifts = cuts
        .iter()
        .map(|&(s, e)| {
            let at = s - gone;
            gone += e - s;
            (at, gone)
        })
        .collect();
    (out, Some(Source { text, shifts }))
}

/// Byte ranges (line break and indent) between a word ending in a hyphen at
/// the end of a line and the word that goes on at the start of the next, in
/// paragraphs the markup left unmarked.
fn hyphen_breaks(text: &str, blocks: &[Block]) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    for b in blocks.iter().filter(|b| b.reason.is_none()) {
        let span = &text[b.span.range()];
        if span.starts_with("```") || span.starts_with("~~~") {
            continue;
        }
        let breaks = span.match_indices('-').map(|(at, _)| at).filter(|&at| {
            matches!(span.as_bytes().get(at + 1), Some(b'\n' | b'\r'))
                && ends_in_hyphenated_word(&span[..=at])
        });
        for hyphen in breaks {
            let rest = &span[hyphen + 1..];
            let next = rest.trim_start_matches([' ', '\t', '\r', '\n']);
            let gap = rest.len() - next.len();
            let one_break = rest[..gap].matches(['\n', '\r']).count() <= 2
                && !rest[..gap].contains("\n\n")
                && !rest[..gap].contains("\r\r");
            if one_break && next.starts_with(char::is_alphanumeric) && !suspends_hyphen(next) {
                let start = b.span.start + hyphen + 1;
                cuts.push((start, start + gap));
            }
        }
    }
    cuts.sort_unstable();
    cuts
}

/// Lines with any of `\n`, `\r\n` or `\r` as terminators.
fn split_lines(text: &str) -> Vec<Line> {
    let b = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut push = |start: usize, stop: usize| {
        let s = &text[start..stop];
        let trimmed_end = s.trim_end();
        let indent = trimmed_end.len() - trimmed_end.trim_start().len();
        let chars = char_count(trimmed_end.trim_start().as_bytes());
        lines.push(Line {
            start,
            end: start + trimmed_end.len(),
            chars,
            indent,
            width: char_count(&s.as_bytes()[..indent]) + chars,
        });
    };
    while let Some(off) = memchr::memchr2(b'\n', b'\r', &b[i..]) {
        let pos = i + off;
        push(start, pos);
        i = if b[pos] == b'\r' && b.get(pos + 1) == Some(&b'\n') {
            pos + 2
        } else {
            pos + 1
        };
        start = i;
    }
    if start < b.len() {
        push(start, b.len());
    }
    lines
}

/// `chars().count()` of UTF-8 bytes: the bytes that open a character, summed a chunk at a
/// time (a byte sum over a short chunk vectorises; the standard count spends
/// most of a short line on lining its words up).
pub(crate) fn char_count(s: &[u8]) -> usize {
    s.chunks(128)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b & 0xC0 != 0x80))))
        .sum()
}

/// Sentence-ending punctuation at the end of a line, allowing closing quotes.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', ' ']);
    t.ends_with([
        '.', '!', '?', '…', '。', '！', '？', ':', '।', '॥', '။', '؟', '۔',
    ])
}

/// A line ending in a word and a hyphen (`face-`), not a dash (`said -`, `--`).
fn ends_in_hyphenated_word(s: &str) -> bool {
    let mut end = s.chars().rev();
    end.next() == Some('-') && end.next().is_some_and(char::is_alphanumeric)
}

/// A line that goes on with a bare conjunction after a word ending in a
/// hyphen is a suspended hyphen (`pre- and post-war`, `AT- or ISA-bus`,
/// `two- to three-year`): the break was a space, not a split word.
fn suspends_hyphen(next: &str) -> bool {
    let word = next.split_whitespace().next().unwrap_or("");
    next.len() > word.len()
        && matches!(
            word,
            "and" | "or" | "nor" | "to" | "und" | "oder" | "bis" | "et" | "ou" | "y"
        )
}

fn starts_lowercase(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// A line opening with a letter a sentence may go on with: a lower-case
/// one, or one of a script without case (Devanagari, Bengali, Thai,
/// Burmese, Arabic, Chinese), where a wrapped line looks no different from
/// a new paragraph's first. For the shape of a whole wrap only: a single
/// line opening caseless says nothing.
fn starts_small(s: &str) -> bool {
    s.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || (c.is_alphabetic() && !c.is_uppercase()))
}

/// A line whose first word is a function word written with a capital
/// (`The`, `And`, `With`) though words after it are in lower case: the
/// capital is the line's, as verse opens every line (in Title Case every
/// word has one, and the line tells nothing).
fn opens_with_capital_function_word(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let first = words
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    first.starts_with(char::is_uppercase)
        && crate::align::similarity::is_stopword(&first.to_lowercase())
        && words.any(|w| w.starts_with(char::is_lowercase))
}

/// A line opening with a mark no paragraph opens with — the dots of an
/// ellipsis (`. . . claim`, as `fmt` wraps `"We . . . claim`), a comma, a
/// semicolon, a colon, a closing bracket — and going on with words: a wrap
/// fell inside a sentence there. A line of dots alone (`. . .` between
/// scenes) is no such line. In Chinese and Japanese, a wrap by characters
/// leaves a sentence's full stop or comma alone at the head of a line
/// (`…要求他马上辞职下台` / `。`): that line goes on with its sentence too.
fn opens_mid_sentence(s: &str) -> bool {
    (s.starts_with(['.', ',', ';', ':', ')', ']']) && s.contains(char::is_alphabetic))
        || s.starts_with([
            '。', '，', '、', '；', '：', '！', '？', '）', '」', '』', '》',
        ])
}

pub(crate) fn is_list_item(s: &str) -> bool {
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '+', '•', '–']) {
        return rest.starts_with(' ');
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits < 4
        && t[digits..].starts_with([')', '.'])
        && t[digits + 1..].starts_with(' ')
}

/// How the lines of a text file were laid out.
struct Layout {
    /// Lines were hard-wrapped near this many columns (None: one paragraph per line).
    wrap: Option<usize>,
    /// A first-line indent apart from the other lines' (`hanging_indent`):
    /// (first line's, other lines').
    hang: Option<(usize, usize)>,
    /// Columns short of the wrap at which a line that ends no sentence
    /// still goes on: 0 for a fill that takes every word that fits (Python's
    /// textwrap, most editors); more for one that balances its lines, as
    /// `fmt` does (`slack`).
    slack: usize,
    /// What the widths count.
    metric: Metric,
}

impl Layout {
    const ONE_PER_LINE: Layout = Layout {
        wrap: None,
        hang: None,
        slack: 0,
        metric: Metric::Chars,
    };
}

/// Narrowest wrap width read as a hard wrap at all: below it, lines are
/// words or headings whatever their shape.
const NARROWEST_WRAP: usize = 20;
/// From this width up, lines near one common width are a hard wrap; below
/// it, short lines are as likely headlines, list entries or verse, so the
/// paragraphs must show a wrap's shape too (`wrapped_narrow`).
const PLAIN_WRAP: usize = 40;

/// The file's lines and layout, measured in characters or, when that reads
/// the lines as a wrap better, in bytes: a file of multi-byte text filled by
/// a byte-counting tool shows no common width in characters (or one too
/// narrow to read as a wrap), and its lines are full only counted in bytes.
fn measured(text: &str, lines: Vec<Line>) -> (Vec<Line>, Layout) {
    let by_chars = layout(text, &lines, Metric::Chars);
    // Counted in characters, ASCII is bytes, and so nearly is text with
    // few lines beyond it (an English text's curly quotes); and lines that
    // fill every paragraph in characters are no fuller in bytes.
    let (mut written, mut multibyte) = (0, 0);
    for l in lines.iter().filter(|l| !l.is_blank()) {
        written += 1;
        multibyte += usize::from(l.chars != l.end - l.start - l.indent);
    }
    if multibyte * 4 < written {
        return (lines, by_chars);
    }
    let full_c = by_chars
        .wrap
        .map(|_| paragraphs_full(text, &lines, Metric::Chars));
    if full_c.is_some_and(|(full, breaks)| full == breaks) {
        return (lines, by_chars);
    }
    let bytes: Vec<Line> = lines.iter().map(Line::in_bytes).collect();
    let by_bytes = layout(text, &bytes, Metric::Bytes);
    if by_bytes.wrap.is_none() {
        return (lines, by_chars);
    }
    // Where both read a wrap, the one whose lines fill their paragraphs
    // more often: text filled by characters is full in characters, and its
    // lines with curly quotes or accents look fuller in bytes than the rest.
    let better = full_c.is_none_or(|(f, _)| paragraphs_full(text, &bytes, Metric::Bytes).0 > f);
    if better {
        (bytes, by_bytes)
    } else {
        (lines, by_chars)
    }
}

/// `fullness` of each blank-line paragraph of three lines or more at its
/// own widest line, summed: measured a paragraph at a time, a width that
/// varies from one paragraph to the next (an editor's fill, a quotation
/// filled apart) still shows which measure filled them.
fn paragraphs_full(text: &str, lines: &[Line], metric: Metric) -> (usize, usize) {
    lines
        .split(Line::is_blank)
        .filter(|p| p.len() >= 3)
        .map(|p| {
            let widest = p.iter().map(|l| l.width).max().unwrap_or(0);
            fullness(text, p, widest, 0, metric)
        })
        .fold((0, 0), |(f, b), (pf, pb)| (f + pf, b + pb))
}

/// Breaks inside blank-line paragraphs where the line is full at `w` (the
/// next line's first word would not have fitted after it with `slack`
/// columns to spare), and all such breaks.
fn fullness(text: &str, lines: &[Line], w: usize, slack: usize, metric: Metric) -> (usize, usize) {
    let (mut full, mut breaks) = (0, 0);
    for pair in lines.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if prev.is_blank() || next.is_blank() {
            continue;
        }
        breaks += 1;
        let n = &text[next.start..next.end];
        full += usize::from(prev.width + 1 + metric.first_word(n) + slack > w);
    }
    (full, breaks)
}

/// The wrap is read off lines of two words or more (a space inside): a
/// filler sets a word wider than its width on a line of its own (a URL; in
/// Thai, written without spaces between words, a whole phrase).
fn layout(text: &str, lines: &[Line], metric: Metric) -> Layout {
    let b = text.as_bytes();
    let mut widths: Vec<usize> = lines
        .iter()
        .filter(|l| memchr::memchr2(b' ', b'\t', &b[l.start + l.indent..l.end]).is_some())
        .map(|l| l.width)
        .collect();
    if widths.len() < 3 {
        return Layout::ONE_PER_LINE;
    }
    widths.sort_unstable();
    let p90 = widths[widths.len() * 9 / 10];
    if p90 > 100 {
        return Layout::ONE_PER_LINE;
    }
    let short: Vec<usize> = widths.iter().copied().filter(|&w| w <= 100).collect();
    let w = short[short.len() * 9 / 10];
    if w >= PLAIN_WRAP || (w >= NARROWEST_WRAP && wrapped_narrow(text, lines, w, metric)) {
        return Layout {
            wrap: Some(w),
            hang: hanging_indent(lines),
            slack: slack(text, lines, w, metric),
            metric,
        };
    }
    Layout::ONE_PER_LINE
}

/// How far short of the wrap `w` lines that certainly go on end (the next
/// line's first word would have fitted with this many columns to spare) — a line
/// ending no sentence followed by one going on in lower case — as the 90th
/// percentile over at least 20 such breaks, 0 when that is over a tenth of
/// `w` (`fmt` aims at 93 % of its width). A
/// filler that balances its lines (`fmt`) leaves a few columns free where
/// the next word would have fitted; without this, every such line that the
/// next opens with a capital (`God` / `Blessed.`) would end a paragraph.
fn slack(text: &str, lines: &[Line], w: usize, metric: Metric) -> usize {
    let mut short: Vec<usize> = lines
        .windows(2)
        .filter(|p| !p[0].is_blank() && !p[1].is_blank() && p[0].indent == p[1].indent)
        .filter_map(|p| {
            let (prev, next) = (&text[p[0].start..p[0].end], &text[p[1].start..p[1].end]);
            (starts_small(next) && !ends_sentence(prev))
                .then(|| w.saturating_sub(p[0].width + 1 + metric.first_word(next)))
        })
        .collect();
    if short.len() < 20 {
        return 0;
    }
    short.sort_unstable();
    let p90 = short[short.len() * 9 / 10];
    // Lines that go on far short of the wrap are no fill at all (verse,
    // whose lines run on in lower case where the metre ends them).
    if p90 * 10 > w {
        0
    } else {
        p90
    }
}

/// The indents of paragraphs whose first line is indented apart from the
/// rest — (first line's, other lines') — as a wrap with an initial and a
/// subsequent indent leaves them: the two commonest indents hold nearly
/// every line, the rarer one opens paragraphs (a line of it is followed by
/// one of the other, at least eight times and more often than by its own).
/// An indented quotation runs on at its own indent and is no such layout.
fn hanging_indent(lines: &[Line]) -> Option<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for l in lines.iter().filter(|l| !l.is_blank()) {
        match counts.iter_mut().find(|(indent, _)| *indent == l.indent) {
            Some((_, n)) => *n += 1,
            None => counts.push((l.indent, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let total: usize = counts.iter().map(|c| c.1).sum();
    let (&(rest, n_rest), &(first, n_first)) = (counts.first()?, counts.get(1)?);
    let pairs = |a: usize, b: usize| {
        lines
            .windows(2)
            .filter(|p| !p[0].is_blank() && !p[1].is_blank())
            .filter(|p| p[0].indent == a && p[1].indent == b)
            .count()
    };
    let opens = pairs(first, rest);
    let both = (n_rest + n_first) * 20 >= total * 19;
    (both && opens >= 8 && opens > pairs(first, first)).then_some((first, rest))
}

/// Whether text whose lines mostly stay under `w` (< 40) columns is prose
/// hard-wrapped at `w`: paragraphs set apart by blank lines, and nearly
/// every line inside a paragraph full (the next line's first word would not
/// have fitted after it, but for the columns a balancing filler leaves:
/// `slack`), with many lines going on in lower case or in a script without
/// case — as a
/// wrapping editor leaves prose, while a poem's lines end where the verse
/// does and a list of headlines opens each line with a capital.
fn wrapped_narrow(text: &str, lines: &[Line], w: usize, metric: Metric) -> bool {
    let blank_lines = lines.iter().filter(|l| l.is_blank()).count();
    let (full, breaks) = fullness(text, lines, w, slack(text, lines, w, metric), metric);
    let lower = lines
        .windows(2)
        .filter(|p| !p[0].is_blank() && !p[1].is_blank())
        .filter(|p| starts_small(&text[p[1].start..p[1].end]))
        .count();
    blank_lines > 0 && breaks >= 8 && full * 10 >= breaks * 9 && lower * 3 >= breaks
}

/// Whether `next` continues the paragraph of `prev` (both non-blank, adjacent).
/// `in_list`: the paragraph so far opened as a list item.
fn continues(text: &str, prev: &Line, next: &Line, layout: &Layout, in_list: bool) -> bool {
    let p = &text[prev.start..prev.end];
    let n = &text[next.start..next.end];
    // Under a first-line indent, a line at it opens a paragraph, and one
    // at the other lines' indent may go on with it.
    let (opens, hangs) = layout.hang.map_or((false, false), |(first, rest)| {
        let under = prev.indent == first || prev.indent == rest;
        (next.indent == first, next.indent == rest && under)
    });
    if opens
        || (next.indent > prev.indent && !hangs)
        || (is_list_item(n) && (in_list || !wrapped_before_marker(p, prev, n, layout)))
    {
        return false;
    }
    // A sentence running on in lower case is a continuation whatever the
    // layout, and so is a word wrapped after its hyphen.
    let runs_on = (!ends_sentence(p) && starts_lowercase(n) && prev.chars >= 40)
        || (ends_in_hyphenated_word(p) && n.starts_with(char::is_alphanumeric))
        || (!ends_sentence(p) && opens_mid_sentence(n));
    match layout.wrap {
        None => runs_on,
        Some(w) => {
            let reach = prev.width + 1 + layout.metric.first_word(n);
            let balanced = layout.slack > 0 && reach + layout.slack >= w;
            runs_on || reach > w || (balanced && !ends_sentence(p))
        }
    }
}

/// A line that opens like a list item (`- combination of…`, `255. The…`)
/// but is where a hard wrap fell inside a sentence: the text is wrapped, the
/// line before it is full (the marker would not have fitted), is not
/// indented (but as a first-line indent's paragraphs are) and ends no
/// sentence or lead-in (`:`); the paragraph it would join is no list item
/// (the caller checks).
fn wrapped_before_marker(p: &str, prev: &Line, n: &str, layout: &Layout) -> bool {
    let margin = prev.indent == 0
        || layout
            .hang
            .is_some_and(|(f, r)| prev.indent == f || prev.indent == r);
    layout.wrap.is_some_and(|w| {
        margin && !ends_sentence(p) && prev.width + 1 + layout.metric.first_word(n) > w
    })
}

/// The wrap width of the blank-line paragraph that `lines` (non-blank, in
/// a row) make, when it is narrower than the file's wrap `w` yet filled at
/// a width of its own: every line but the last full at the paragraph's
/// widest (the next line's first word would not have fitted), at least
/// three lines, and a third of them going on in lower case. One paragraph
/// re-wrapped narrower (an editor's fill at another width, a quotation
/// filled apart) is prose, not a line a block; verse and headlines, whose
/// lines open in capitals and end where they will, are left as they are.
/// A run of names and titles may open every line in capitals
/// (`…described in A Technique for` / `High Performance…`); such lines
/// still break mid-clause, where verse ends most lines at a stop or a comma,
/// or else opens its lines mid-clause with a capital on a function word
/// (`Over the hills and far away` / `The morning bells…`), which prose never
/// does.
fn own_wrap(text: &str, lines: &[Line], w: usize, metric: Metric) -> Option<usize> {
    let widest = lines.iter().map(|l| l.width).max()?;
    if lines.len() < 3 || widest >= w || widest < NARROWEST_WRAP {
        return None;
    }
    let (mut full, mut lower, mut stops, mut verse) = (0, 0, 0, 0);
    for pair in lines.windows(2) {
        let n = &text[pair[1].start..pair[1].end];
        full += usize::from(pair[0].width + 1 + metric.first_word(n) > widest);
        lower += usize::from(starts_small(n));
        let p = text[pair[0].start..pair[0].end].trim_end_matches(['"', '\'', '”', '’', ')']);
        let stop = p.ends_with(['.', ',', ';', ':', '!', '?', '…']);
        stops += usize::from(stop);
        verse += usize::from(!stop && opens_with_capital_function_word(n));
    }
    let breaks = lines.len() - 1;
    let prose = lower * 3 >= breaks || (breaks >= 3 && stops * 3 <= breaks && verse == 0);
    (full == breaks && prose).then_some(widest)
}

fn text_blocks(text: &str, lines: &[Line], layout: Layout) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut prev: Option<&Line> = None;
    // The open paragraph began as a list item.
    let mut in_list = false;
    // Where the blank-line paragraph under way ends, and its own layout
    // when it was wrapped narrower than the file (`own_wrap`).
    let mut paragraph_end = 0;
    let mut own: Option<Layout> = None;
    for (at, line) in lines.iter().enumerate() {
        if at >= paragraph_end && !line.is_blank() {
            paragraph_end = at + lines[at..].iter().take_while(|l| !l.is_blank()).count();
            own = layout
                .wrap
                .and_then(|w| own_wrap(text, &lines[at..paragraph_end], w, layout.metric))
                .map(|w| Layout {
                    wrap: Some(w),
                    hang: layout.hang,
                    slack: 0,
                    metric: layout.metric,
                });
        }
        let layout = own.as_ref().unwrap_or(&layout);
        if line.is_blank() {
            if let Some((s, e)) = open.take() {
                blocks.push(raw_block(s, e));
            }
            prev = None;
            continue;
        }
        let start = line.start + line.indent;
        match (open, prev) {
            (Some((s, _)), Some(p)) if continues(text, p, line, layout, in_list) => {
                open = Some((s, line.end));
            }
            _ => {
                if let Some((s, e)) = open.take() {
                    blocks.push(raw_block(s, e));
                }
                open = Some((start, line.end));
                in_list = is_list_item(&text[start..line.end]);
            }
        }
        prev = Some(line);
    }
    if let Some((s, e)) = open {
        blocks.push(raw_block(s, e));
    }
    blocks
}

fn hinted(start: usize, end: usize, role: Role, reason: &str) -> Block {
    let mut b = raw_block(start, end);
    b.role = role;
    b.reason = Some(reason.to_string());
    b
}

/// Markdown: ATX headings, list items, block quotes, images, rules, front matter.
fn markdown_blocks(text: &str, lines: &[Line], meta: &mut Metadata) -> Vec<Block> {
    let mut md = Markdown::default();
    let first = md.front_matter(text, lines, meta);
    for line in &lines[first..] {
        md.line(text, line);
    }
    md.flush();
    md.blocks
}

/// The Markdown reader's state, line by line: the blocks so far, the
/// paragraph or list item still open, whether inside a code fence, whether
/// the title (the first level-1 heading) was seen.
#[derive(Default)]
struct Markdown {
    blocks: Vec<Block>,
    open: Option<(usize, usize)>,
    in_fence: bool,
    seen_h1: bool,
}

impl Markdown {
    /// YAML front matter between `---` lines: its fields go to the metadata
    /// and it is one boilerplate block. Returns the first line after it.
    fn front_matter(&mut self, text: &str, lines: &[Line], meta: &mut Metadata) -> usize {
        let line_text = |l: &Line| &text[l.start..l.end];
        if lines.first().is_none_or(|l| line_text(l) != "---") {
            return 0;
        }
        let Some(close) = lines[1..]
            .iter()
            .position(|l| matches!(line_text(l), "---" | "..."))
            .map(|p| p + 1)
        else {
            return 0;
        };
        for l in &lines[1..close] {
            front_matter_field(line_text(l), meta);
        }
        self.blocks.push(hinted(
            lines[0].start,
            lines[close].end,
            Role::Boilerplate,
            "Markdown front matter",
        ));
        close + 1
    }

    fn flush(&mut self) {
        if let Some((s, e)) = self.open.take() {
            self.blocks.push(raw_block(s, e));
        }
    }

    /// A line that stands alone as a block of its own.
    fn alone(&mut self, start: usize, end: usize, role: Role, reason: &str) {
        self.flush();
        self.blocks.push(hinted(start, end, role, reason));
    }

    fn line(&mut self, text: &str, line: &Line) {
        let start = line.start + line.indent;
        let end = line.end;
        let s = &text[start..end];
        let fence = s.starts_with("```") || s.starts_with("~~~");
        if self.in_fence {
            if let Some((st, _)) = self.open {
                self.open = Some((st, end));
            }
            if fence {
                self.in_fence = false;
                self.flush();
            }
        } else if line.is_blank() {
            self.flush();
        } else if fence {
            self.flush();
            self.open = Some((start, end));
            self.in_fence = true;
        } else if let Some(level) = atx_level(s) {
            let title = level == 1 && !std::mem::replace(&mut self.seen_h1, true);
            if title {
                self.alone(start, end, Role::Title, "Markdown level-1 heading");
            } else {
                self.alone(start, end, Role::Subhead, "Markdown heading");
            }
        } else if !self.setext_heading(s, end) {
            self.plain_line(s, start, end);
        }
    }

    /// A `===` or `---` line under an open paragraph makes it a heading.
    fn setext_heading(&mut self, s: &str, end: usize) -> bool {
        let underline = s.len() >= 3 && s.chars().all(|c| c == '=');
        let dashes = is_rule(s) && s.starts_with('-');
        if !(underline || dashes) {
            return false;
        }
        let Some((st, _)) = self.open.take() else {
            return false;
        };
        let role = if underline && !self.seen_h1 {
            self.seen_h1 = true;
            Role::Title
        } else {
            Role::Subhead
        };
        self.blocks.push(hinted(st, end, role, "Markdown heading"));
        true
    }

    /// A rule, an image, a list item, or a line of the open paragraph.
    fn plain_line(&mut self, s: &str, start: usize, end: usize) {
        if is_rule(s) {
            self.alone(start, end, Role::Boilerplate, "Markdown horizontal rule");
        } else if s.starts_with("![") {
            self.alone(start, end, Role::Caption, "Markdown image");
        } else if is_list_item(s) {
            self.flush();
            self.open = Some((start, end));
        } else {
            let st = self.open.map_or(start, |(st, _)| st);
            self.open = Some((st, end));
        }
    }
}

/// The level of an ATX heading (`## Head`), 1 to 6.
fn atx_level(s: &str) -> Option<usize> {
    let hashes = s.bytes().take_while(|&c| c == b'#').count();
    ((1..=6).contains(&hashes) && s[hashes..].starts_with(' ')).then_some(hashes)
}

/// A thematic break: three or more of one of `-`, `*`, `_`, spaces allowed.
fn is_rule(s: &str) -> bool {
    s.len() >= 3
        && (s.chars().all(|c| c == '-' || c == ' ')
            || s.chars().all(|c| c == '*' || c == ' ')
            || s.chars().all(|c| c == '_' || c == ' '))
}

fn front_matter_field(line: &str, meta: &mut Metadata) {
    let Some((key, value)) = line.split_once(':') else {
        return;
    };
    let value = value.trim().trim_matches(['"', '\'']).trim();
    if value.is_empty() {
        return;
    }
    match key.trim().to_ascii_lowercase().as_str() {
        "title" => meta.title = Some(value.to_string()),
        "author" | "authors" | "byline" => meta.byline = Some(value.to_string()),
        "date" | "published" | "date_publish" => meta.date = super::parse_date(value),
        "source" | "outlet" | "site" | "site_name" => meta.outlet = Some(value.to_string()),
        _ => {}
    }
}

/// Length of a Markdown line prefix (`# `, `> `, `- `, `1. `) that is markup, not prose.
pub(crate) fn markdown_prefix_len(s: &str) -> usize {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let hashes = t.bytes().take_while(|&c| c == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        return lead + hashes + 1;
    }
    if t.starts_with("> ") {
        return lead + 2;
    }
    if is_list_item(t) {
        let marker = t.find(' ').unwrap_or(0);
        return lead + marker + 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_count_is_chars_count() {
        let mut s = String::new();
        for piece in ["plain ", "café ", "“quoted” ", "日本語 ", "🎉", "\n"] {
            for _ in 0..40 {
                s.push_str(piece);
                assert_eq!(char_count(s.as_bytes()), s.chars().count());
            }
        }
        assert_eq!(char_count(b""), 0);
    }

    fn blocks(s: &str) -> Vec<String> {
        let built = build(s.to_string(), Flavour::Text, &mut Vec::new());
        built
            .blocks
            .iter()
            .map(|b| built.text[b.span.range()].to_string())
            .collect()
    }

    /// Fills each paragraph greedily to `w` bytes, as GNU `fmt` and `fold
    /// -s` count a width (a word wider than `w` on a line of its own).
    fn fill_bytes(paragraphs: &[&str], w: usize) -> String {
        let mut out = String::new();
        for p in paragraphs {
            let mut line = String::new();
            for word in p.split_whitespace() {
                if !line.is_empty() && line.len() + 1 + word.len() > w {
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            out.push_str(&line);
            out.push_str("\n\n");
        }
        out
    }

    fn normalised(blocks: Vec<String>) -> Vec<String> {
        blocks
            .iter()
            .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn caseless_scripts_filled_by_bytes_are_read_back_as_paragraphs() {
        let hindi = [
            "सरकार ने मंगलवार को नई योजना की घोषणा की। मंत्री ने कहा कि इससे किसानों को सीधा लाभ मिलेगा और गांवों में रोजगार बढ़ेगा। विपक्ष ने योजना की आलोचना करते हुए कहा कि इसके लिए पर्याप्त धन नहीं रखा गया है।",
            "राज्य के मुख्यमंत्री ने बताया कि पहले चरण में दस जिलों को शामिल किया जाएगा। अधिकारियों के अनुसार योजना अगले महीने से लागू होगी और इसकी निगरानी एक विशेष समिति करेगी।",
            "विशेषज्ञों का मानना है कि योजना की सफलता इस बात पर निर्भर करेगी कि धन समय पर पहुंचे। कई किसान संगठनों ने इसका स्वागत किया है।",
        ];
        // Thai sets no spaces between words: a filler cannot break a phrase,
        // so many lines are one phrase wider than the width (where every line
        // is, nothing shows a wrap: at 40 bytes these read a line a block).
        let thai = [
            "นายกรัฐมนตรี กล่าวเมื่อวันอังคาร ว่ารัฐบาล จะเร่งแก้ไข ปัญหาเศรษฐกิจ โดยเฉพาะ ราคาสินค้า ที่สูงขึ้น ประชาชน จำนวนมาก รอคอย มาตรการใหม่ และหวังว่า จะได้รับ ความช่วยเหลือ โดยเร็ว",
            "ฝ่ายค้าน วิจารณ์ว่า มาตรการ ดังกล่าว ไม่เพียงพอ และเรียกร้อง ให้รัฐบาล เปิดเผย รายละเอียด งบประมาณ ต่อสาธารณชน ภายในสัปดาห์หน้า",
            "นักวิเคราะห์ เห็นว่า ความสำเร็จ ของนโยบาย ขึ้นอยู่กับ การเบิกจ่ายเงิน ให้ทันเวลา ตามแผน ที่วางไว้",
        ];
        for (paragraphs, widths) in [(&hindi, [40, 50, 60, 72]), (&thai, [60, 72, 80, 90])] {
            for w in widths {
                let filled = fill_bytes(paragraphs, w);
                assert_eq!(
                    normalised(blocks(&filled)),
                    paragraphs.to_vec(),
                    "filled at {w} bytes:\n{filled}"
                );
            }
        }
        // Filled by characters, as an editor wraps, the text reads the same.
        let by_chars = hindi.map(|p| textwrap_chars(p, 30)).join("\n\n");
        assert_eq!(normalised(blocks(&by_chars)), hindi.to_vec());
    }

    #[test]
    fn a_cjk_full_stop_wrapped_to_the_head_of_a_line_stays_with_its_sentence() {
        let s = "不过泛民主派议员们普遍指责梁振英撒谎，要求他马上辞职下台\n。\n\n一些亲北京阵营议员欢迎梁振英道歉。\n";
        assert_eq!(
            blocks(s),
            vec![
                "不过泛民主派议员们普遍指责梁振英撒谎，要求他马上辞职下台\n。",
                "一些亲北京阵营议员欢迎梁振英道歉。"
            ]
        );
    }

    #[test]
    fn accented_text_filled_by_characters_at_varied_widths_stays_in_characters() {
        // Each paragraph filled at its own width: in bytes, the lines with
        // more accents look fuller than the rest, and only characters show
        // every line full.
        let spanish = [
            "El Gobierno anunció el martes una reforma de la educación pública que, según el ministro, llegará a más de dos millones de niños en los próximos años y exigirá una inversión sin precedentes.",
            "La oposición criticó la propuesta y aseguró que la financiación no está garantizada; los sindicatos, por su parte, pidieron más diálogo antes de la votación en el Congreso, prevista para junio.",
            "Según los expertos, el éxito dependerá de que los fondos lleguen a tiempo a las regiones más pobres, donde la educación sufre desde hace décadas una falta crónica de profesores y de aulas.",
            "El ministro respondió que el calendario es realista y que la reforma se aplicará por etapas, empezando por las escuelas rurales, cuyos alumnos obtienen hoy los peores resultados del país.",
        ];
        let filled = spanish
            .iter()
            .zip([38, 46, 41, 52])
            .map(|(p, w)| textwrap_chars(p, w))
            .collect::<Vec<_>>()
            .join("\n\n");
        assert_eq!(normalised(blocks(&filled)), spanish.to_vec(), "{filled}");
    }

    fn textwrap_chars(p: &str, w: usize) -> String {
        let mut lines: Vec<String> = vec![String::new()];
        for word in p.split_whitespace() {
            let last = lines.last_mut().unwrap();
            if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > w {
                lines.push(word.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(word);
            }
        }
        lines.join("\n")
    }

    #[test]
    fn words_wrapped_after_a_hyphen_are_joined_with_the_hyphen_kept() {
        let s = "Negotiators from both sides met in\nGeneva on Thursday for the first face-\r\nto-face round of Ukraine-\nrelated talks since the spring, they -\nsaid, with a long-awaited prisoner\nexchange agreement on the table.\n\nA follow-up meeting was pencilled in for\nthe end of the month, a cross-\nborder corridor with it, and 2019-\n2020 figures.\n";
        let mut notes = Vec::new();
        let built = build(s.to_string(), Flavour::Text, &mut notes);
        let paras: Vec<&str> = built
            .blocks
            .iter()
            .map(|b| &built.text[b.span.range()])
            .collect();
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[0].contains(" face-to-face round of Ukraine-related talks"));
        // A dash before the break is not a hyphenated word.
        assert!(paras[0].contains("they -\nsaid"));
        assert!(paras[1].contains("cross-border corridor") && paras[1].contains("2019-2020"));
        assert!(notes[0].contains("rejoined 4 word(s)") && notes[0].contains("face-to-face"));
        // Headings keep their lines; a hyphen before a blank line ends a paragraph.
        let md = "# Cross-\nborder talks\n\nThe talks went on late into the evening and a cross-\n\nborder deal is near.\n";
        let built = build(md.to_string(), Flavour::Markdown, &mut notes);
        assert!(built.text.contains("a cross-\n\nborder"));
    }

    #[test]
    fn a_wrap_before_a_dash_or_a_number_is_no_list_item() {
        // Wrapped at 72: the dash and the number open lines only because
        // the line before was full.
        let s = "The win32-none VFS makes every file locking operation a no-op and the\nwin32-longpath-none VFS is the combination of win32-longpath and\nwin32-none, with long pathnames supported and all lock operations no-ops\n- combination of the two, in short, and byte values run from 0 up to\n255. The bytes are kept as they are written, and a list follows:\n- first item\n- second item\n";
        let built = build(s.to_string(), Flavour::Text, &mut Vec::new());
        let paras: Vec<&str> = built
            .blocks
            .iter()
            .map(|b| &built.text[b.span.range()])
            .collect();
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(paras[0].contains("no-ops\n- combination") && paras[0].contains("to\n255. The"));
        assert_eq!(paras[1..], ["- first item", "- second item"]);
    }

    #[test]
    fn a_line_opening_inside_an_ellipsis_goes_on_with_the_paragraph() {
        // `fmt` balances its lines, so the line before is not full.
        let s = "The turf is the grass and the earth held together by its\nroots, cut in pieces for laying.\n\n3. Race course; horse racing; -- preceded by the. \"We\n. . . claim the honors of the turf.\" --Cowper.\n\nEnd of the entry.\n. . .\nNext entry.\n";
        let paras = blocks(s);
        assert!(paras[1].ends_with("--Cowper."), "{paras:?}");
        assert_eq!(paras[2..], ["End of the entry.", ". . .", "Next entry."]);
    }

    #[test]
    fn a_balanced_fill_goes_on_at_a_capital_a_few_columns_short() {
        // As `fmt` fills, a third of the lines end five columns short of
        // the widest where the next word would have fitted; one ending
        // `God` is followed by `Blessed.`, which a capital does not make a
        // paragraph of its own.
        let words = |n: usize| vec!["abcd"; n].join(" ");
        let mut s = String::new();
        for i in 0..30 {
            s.push_str(&words(if i % 3 == 0 { 12 } else { 14 }));
            s.push('\n');
        }
        s.push_str(&format!("{} God\nBlessed. {}\n", words(11), words(12)));
        let built = build(s, Flavour::Text, &mut Vec::new());
        assert_eq!(built.blocks.len(), 1);
    }

    /// Regression: a hyphen-wrapped word after a no-break or thin space
    /// (two or three bytes) panicked while the note quoted it.
    #[test]
    fn a_wrapped_word_after_a_wide_space_is_joined_and_quoted() {
        for space in ["\u{A0}", "\u{2009}", "\u{3000}"] {
            let s = format!("Along the{space}Texas-\nMexico border, agents said on Monday that the\ncrossings had fallen again this month.\n");
            let mut notes = Vec::new();
            let built = build(s, Flavour::Text, &mut notes);
            assert!(
                built
                    .text
                    .contains(&format!("the{space}Texas-Mexico border")),
                "{:?}",
                built.text
            );
            assert!(notes[0].contains("(`Texas-Mexico`)"), "{notes:?}");
        }
    }

    #[test]
    fn a_suspended_hyphen_at_a_line_end_stays_apart() {
        let s = "Boards for the AT-\nor ISA-bus and pre-\nand post-war plans, a two-\nto three-year wait, a hit-\nand-run driver and a face-\nto-face talk, said the long\nreport.\n";
        let built = build(s.to_string(), Flavour::Text, &mut Vec::new());
        let t = &built.text;
        assert!(
            t.contains("AT-\nor ISA-bus") && t.contains("pre-\nand post-war"),
            "{t}"
        );
        assert!(t.contains("two-\nto three-year"), "{t}");
        assert!(
            t.contains("hit-and-run") && t.contains("face-to-face"),
            "{t}"
        );
    }

    #[test]
    fn one_paragraph_per_line() {
        let long = "word ".repeat(30);
        let s = format!("{long}one.\n{long}two.\n{long}three.\n");
        assert_eq!(blocks(&s).len(), 3);
    }

    #[test]
    fn blank_line_paragraphs_with_crlf() {
        let s = "First paragraph here.\r\n\r\nSecond one.\r\n\r\nThird.\r\n";
        assert_eq!(
            blocks(s),
            vec!["First paragraph here.", "Second one.", "Third."]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let s = "The defence secretary said on Thursday that everything was on the\n\
                 table in the talks, and that European allies would need to spend\n\
                 far more on their own defence.\n\
                 \n\
                 A second paragraph follows here and it is also wrapped at about\n\
                 seventy columns so that it spans more than one physical line of\n\
                 text.\n";
        let b = blocks(s);
        assert_eq!(b.len(), 2);
        assert!(b[0].starts_with("The defence") && b[0].ends_with("defence."));
    }

    #[test]
    fn a_paragraph_filled_narrower_than_the_file_is_one_block() {
        let wide = "The defence secretary said on Thursday that everything was on the\n\
                    table in the talks, and that European allies would need to spend\n\
                    far more on their own defence, and soon, officials in Brussels said.\n";
        let narrow = "Ministers met in Brussels on\n\
                      Friday to discuss the plan,\n\
                      which would raise spending\n\
                      over the next five years.\n";
        let b = blocks(&format!("{wide}\n{narrow}\n{wide}"));
        assert_eq!(b.len(), 3, "{b:?}");
        assert!(b[1].starts_with("Ministers") && b[1].ends_with("years."));
        // A stanza, its lines opening in capitals, keeps a block a line.
        let stanza = "Over the hills and far away\n\
                      The morning bells are ringing\n\
                      And all the town is wide awake\n\
                      With all the children singing\n";
        let b = blocks(&format!("{wide}\n{stanza}\n{wide}"));
        assert_eq!(b.len(), 6, "{b:?}");
    }

    #[test]
    fn markdown_headings_and_lists() {
        let s = "# The headline\n\nBody text that\nwraps softly.\n\n## A subhead\n\n- one\n- two\n";
        let built = build(s.to_string(), Flavour::Markdown, &mut Vec::new());
        let roles: Vec<Role> = built.blocks.iter().map(|b| b.role).collect();
        assert_eq!(
            roles,
            vec![
                Role::Title,
                Role::Body,
                Role::Subhead,
                Role::Body,
                Role::Body
            ]
        );
        assert_eq!(
            &built.text[built.blocks[1].span.range()],
            "Body text that\nwraps softly."
        );
    }
}
