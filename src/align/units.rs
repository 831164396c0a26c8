//! Sentences as alignment units: where each sits, whether it is content, and
//! two hashes — the normalised matching key and the exact text.

use crate::article::{is_ascii_space, is_cjk, Article, Span, WordStarts};

/// One sentence of one side, ready to align.
#[derive(Clone, Copy, Debug)]
pub struct Unit {
    /// Index of the block in `Article::blocks`.
    pub block: usize,
    /// Index of the sentence inside its block, as the comparison cut the
    /// block (`openings` may cut a loaded sentence in two).
    pub sentence: usize,
    pub span: Span,
    /// Body, standfirst or subhead: counts towards relation and similarity.
    pub content: bool,
    /// Normalised key (case, quotes, dashes, spaces folded). The same text
    /// matches whatever role each side gave it; only fuzzy pairing keeps
    /// content and furniture apart.
    pub key: u64,
    /// The text with whitespace runs collapsed: equal means equal.
    pub exact: u64,
    /// Whitespace-separated words.
    pub words: u32,
}

pub(crate) fn units(article: &Article) -> Vec<Unit> {
    let mut out = Vec::with_capacity(article.blocks.iter().map(|b| b.sentences.len()).sum());
    for (bi, block) in article.blocks.iter().enumerate() {
        let content = block.role.is_content();
        for (si, &span) in block.sentences.iter().enumerate() {
            let text = &article.text[span.range()];
            let (key, exact, words) = hashes(text);
            out.push(Unit {
                block: bi,
                sentence: si,
                span,
                content,
                key,
                exact,
                words,
            });
        }
    }
    out
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
const SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// ASCII upper case to lower case in eight bytes at once (other bytes kept).
#[inline]
fn lower8(v: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = v & !HIGH;
    let ge_a = low7.wrapping_add(0x3f3f_3f3f_3f3f_3f3f); // byte >= 'A'
    let gt_z = low7.wrapping_add(0x2525_2525_2525_2525); // byte > 'Z'
    let upper = ge_a & !gt_z & !v & HIGH;
    v | (upper >> 2)
}

/// The last step: spread every bit over the whole word.
fn finish(h: u64, words: u64) -> u64 {
    let mut h = mix(h, words);
    h ^= h >> 32;
    h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// How a character counts for the matching key.
pub(crate) enum Fold {
    Space,
    Drop,
    Char(char),
    Lower,
}

/// Folds typography that house styles vary: curly quotes and apostrophes,
/// dashes, non-breaking and thin spaces, soft hyphens, zero-width characters.
pub(crate) fn fold(c: char) -> Fold {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '´' => {
            Fold::Char('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => {
            Fold::Char('"')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::Char('-'),
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Fold::Drop,
        c if c.is_whitespace() => Fold::Space,
        _ => Fold::Lower,
    }
}

/// A hash fed byte by byte but mixed eight bytes at a time.
struct Stream {
    h: u64,
    acc: u64,
    n: u32,
    len: u64,
}

impl Stream {
    fn new() -> Self {
        Stream {
            h: SEED,
            acc: 0,
            n: 0,
            len: 0,
        }
    }

    #[inline(always)]
    fn byte(&mut self, b: u8) {
        self.acc |= u64::from(b) << (8 * self.n);
        self.n += 1;
        if self.n == 8 {
            self.h = mix(self.h, self.acc);
            self.acc = 0;
            self.n = 0;
            self.len += 8;
        }
    }

    /// Feeds a run of bytes (ASCII-lowered when `lower`): the bytes that
    /// complete the pending word, then eight at a time, then the rest as
    /// one pending word — the same hash as byte by byte.
    #[inline]
    fn run(&mut self, mut b: &[u8], lower: bool) {
        let low = |v: u64| if lower { lower8(v) } else { v };
        if self.n != 0 {
            let head = b.len().min(8 - self.n as usize);
            self.part(low(load(&b[..head])), head as u32);
            b = &b[head..];
        }
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.h = mix(self.h, low(v));
            self.len += 8;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.part(low(load(rest)), rest.len() as u32);
        }
    }

    /// Feeds the `k` low bytes of `v` (the bytes above them zero), `k`
    /// no more than the pending word has room for.
    #[inline(always)]
    fn part(&mut self, v: u64, k: u32) {
        self.acc |= v << (8 * self.n);
        self.n += k;
        if self.n == 8 {
            self.h = mix(self.h, self.acc);
            self.acc = 0;
            self.n = 0;
            self.len += 8;
        }
    }

    /// Feeds the `k` low bytes of `v` (the bytes above them zero, `k` from
    /// 1 to 8), whatever the pending word holds: the same as byte by byte.
    #[inline(always)]
    fn feed(&mut self, v: u64, k: u32) {
        if self.n == 0 && k == 8 {
            self.h = mix(self.h, v);
            self.len += 8;
            return;
        }
        self.acc |= v << (8 * self.n);
        let n = self.n + k;
        if n < 8 {
            self.n = n;
            return;
        }
        self.h = mix(self.h, self.acc);
        self.len += 8;
        // The bytes of `v` past the completed word (`self.n` is not 0 here:
        // with it 0, `k` is 8 and the word went in whole above).
        self.acc = v >> (64 - 8 * self.n);
        self.n = n - 8;
    }

    fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b);
        }
    }

    fn finish(self) -> u64 {
        let h = if self.n > 0 {
            mix(self.h, self.acc)
        } else {
            self.h
        };
        finish(h, self.len + u64::from(self.n))
    }
}

/// Up to eight bytes as the low bytes of a word.
#[inline(always)]
fn load(b: &[u8]) -> u64 {
    b.iter().rev().fold(0, |v, &c| v << 8 | u64::from(c))
}

/// The two keys and the word count of a sentence being read.
struct Keys {
    key: Stream,
    exact: Stream,
    words: u32,
    /// The last character was whitespace (or none yet): collapse runs.
    in_space: bool,
    starts: WordStarts,
}

impl Keys {
    fn new() -> Keys {
        Keys {
            key: Stream::new(),
            exact: Stream::new(),
            words: 0,
            in_space: true,
            starts: WordStarts::default(),
        }
    }

    /// One character, the plain way.
    fn char(&mut self, ch: char) {
        let f = if ch.is_ascii() && is_ascii_space(ch as u8) {
            Fold::Space
        } else if ch.is_ascii() {
            Fold::Char(ch.to_ascii_lowercase())
        } else {
            fold(ch)
        };
        match f {
            Fold::Space => {
                if !self.in_space {
                    self.key.byte(b' ');
                    self.exact.byte(b' ');
                }
                self.in_space = true;
                self.starts.space();
            }
            Fold::Drop => self.exact.char(ch),
            Fold::Char(m) => {
                self.words += u32::from(self.starts.starts(ch));
                self.in_space = false;
                self.exact.char(ch);
                self.key.char(m);
            }
            Fold::Lower => {
                self.words += u32::from(self.starts.starts(ch));
                self.in_space = false;
                self.exact.char(ch);
                for l in ch.to_lowercase() {
                    self.key.char(l);
                }
            }
        }
    }

    /// A run of printable ASCII with no two spaces together (and none first
    /// after whitespace): the same as its characters one by one, eight bytes
    /// at a time.
    fn run(&mut self, run: &[u8]) {
        self.exact.run(run, false);
        self.key.run(run, true);
        let spaces = run.iter().fold(0u32, |n, &c| n + u32::from(c == b' '));
        let last_space = run[run.len() - 1] == b' ';
        // Every space but a last one starts a word; the first word of the
        // run starts by `WordStarts`'s rule.
        let first = &run[..run.iter().position(|&c| c == b' ').unwrap_or(run.len())];
        let first_starts = if self.starts.after_space {
            !first.is_empty()
        } else {
            self.starts.after_cjk && first.iter().any(u8::is_ascii_alphanumeric)
        };
        self.words += spaces - u32::from(last_space) + u32::from(first_starts);
        if last_space {
            self.starts.space();
        } else {
            // The run ends inside a word; one started in it, unless the run
            // is punctuation right after a Chinese or Japanese character.
            self.starts.after_space = false;
            if spaces > 0 || first_starts {
                self.starts.after_cjk = false;
            }
        }
        self.in_space = last_space;
    }

    fn finish(self) -> (u64, u64, u32) {
        (self.key.finish(), self.exact.finish(), self.words)
    }
}

/// Where the run of printable ASCII with no two spaces together that starts
/// at `i` ends (`in_space`: the byte before counts as a space). Eight bytes
/// at a time, the end found inside the word that holds it by its bits:
/// finding runs was most of the hashing.
fn run_end(b: &[u8], i: usize, in_space: bool) -> usize {
    let mut end = i;
    let mut after_space = in_space;
    while end < b.len() {
        let rest = &b[end..];
        let v = match rest.get(..8) {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])),
            // The last bytes, topped up with letters (which end no run).
            None => rest
                .iter()
                .rev()
                .fold(u64::from_le_bytes([b'a'; 8]), |v, &c| v << 8 | u64::from(c)),
        };
        let bad = ends_run(v, after_space);
        if bad != 0 {
            return end + (bad.trailing_zeros() / 8) as usize;
        }
        if rest.len() <= 8 {
            return b.len();
        }
        after_space = rest[7] == b' ';
        end += 8;
    }
    end
}

/// The high bit of each byte of `v` (little-endian) that ends a run: not
/// printable ASCII, or a space after a space (the first one after a space
/// when `after_space`). Exact up to the first such byte, which is all that
/// is read of it.
#[inline]
fn ends_run(v: u64, after_space: bool) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // At or above 0x80; below 0x20 (a borrow starts only at such a byte, and
    // bytes from 0x80 are masked off by `!v`).
    let outside = (v & HIGH) | (v.wrapping_sub(ONES * 0x20) & !v & HIGH);
    // The high bit of every byte that is a space.
    let s = v ^ (ONES * 0x20);
    let low = !HIGH;
    let spaces = !(((s & low).wrapping_add(low)) | s | low);
    let before = (spaces << 8) | if after_space { 0x80 } else { 0 };
    outside | (spaces & before)
}

/// (matching key, exact key, word count): the exact key hashes the text with
/// whitespace runs as one space, the matching key hashes it folded (`fold`)
/// as well. Whitespace between a run of hyphens and the word it is attached
/// to counts for neither key (`without_dash_gaps`); the words are counted as
/// written.
pub(crate) fn hashes(text: &str) -> (u64, u64, u32) {
    if let Some(plain) = plain_hashes(text) {
        return plain;
    }
    match without_dash_gaps(text) {
        None => hashes_as_written(text),
        Some(joined) => {
            let (key, exact, _) = hashes_as_written(&joined);
            (key, exact, hashes_as_written(text).2)
        }
    }
}

/// `hashes` of the commonest sentence in one pass of eight bytes at a time:
/// no control character but ASCII whitespace, no whitespace first or two
/// together, no hyphen beside whitespace, and every character beyond ASCII
/// one the matching key takes as it is or folds to one ASCII byte (`fold`:
/// accented letters, curly quotes, dashes; not a wide space, a dropped
/// character, a Chinese or Japanese one, nor one whose lower case is two
/// characters). Both keys then hash the text with each whitespace byte as
/// a space (the matching key lower-cased and folded), and every whitespace
/// byte but a last one starts a word. `None` for any other text, which
/// `hashes` reads the long way.
fn plain_hashes(text: &str) -> Option<(u64, u64, u32)> {
    let b = text.as_bytes();
    let last = *b.last()?;
    let mut checks = Checks {
        spaces: 0,
        ws_before: true,
        dash_before: false,
    };
    let (mut exact, mut key) = (SEED, SEED);
    // ASCII words, the matching key in step with the text (most sentences
    // are all of them); from the first word beyond ASCII on, the general way.
    let wide = |at: usize, exact: u64, key: u64, checks: Checks| {
        let key = Stream {
            h: key,
            acc: 0,
            n: 0,
            len: at as u64,
        };
        let plain = Plain {
            exact,
            key,
            checks,
            skip: 0,
        };
        plain.rest(text, at)
    };
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if v & HIGH != 0 {
            // This word's place, from the words left after it.
            let at = b.len() / 8 * 8 - 8 * (chunks.len() + 1);
            return wide(at, exact, key, checks);
        }
        let spaced = checks.check(v, v)?;
        exact = mix(exact, spaced);
        key = mix(key, lower8(spaced));
    }
    let rest = chunks.remainder();
    let at = b.len() - rest.len();
    if !rest.is_empty() {
        // A last word of fewer than eight bytes hashes with zeros above them,
        // as the stream's pending word does; for the checks the missing
        // bytes read as letters, which end nothing.
        let v = load(rest);
        if v & HIGH != 0 {
            return wide(at, exact, key, checks);
        }
        let spaced = checks.check(v, v | (ONES * u64::from(b'a')) << (8 * rest.len()))?;
        exact = mix(exact, spaced);
        key = mix(key, lower8(spaced));
    }
    let len = b.len() as u64;
    Some((finish(key, len), finish(exact, len), checks.words(last)))
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The checks of `plain_hashes` under way, and the whitespace counted.
struct Checks {
    spaces: u32,
    /// The byte before the word being read was whitespace (before the first
    /// byte it counts as whitespace: whitespace first is not plain).
    ws_before: bool,
    /// The byte before the word being read was a hyphen.
    dash_before: bool,
}

impl Checks {
    /// Checks eight bytes of ASCII (`checked`), counts their whitespace and
    /// gives `v` with each whitespace byte a space; `None` when they are not
    /// plain.
    #[inline(always)]
    fn check(&mut self, v: u64, checked: u64) -> Option<u64> {
        // Most words hold no control byte (a line end among them) and no
        // hyphen, and follow none: then only spaces need checking.
        let below_space = checked.wrapping_sub(ONES * 0x20) & !checked & HIGH;
        let dash = !((checked ^ (ONES * u64::from(b'-'))) + !HIGH) & HIGH;
        if below_space == 0 && dash == 0 && !self.dash_before {
            let ws = !((checked ^ (ONES * u64::from(b' '))) + !HIGH) & HIGH;
            if ws & ((ws << 8) | u64::from(self.ws_before) << 7) != 0 {
                return None;
            }
            self.ws_before = ws >> 63 != 0;
            self.spaces += ((ws >> 7).wrapping_mul(ONES) >> 56) as u32;
            return Some(v);
        }
        self.check_all(v, checked)
    }

    /// `check` of any eight bytes of ASCII.
    #[inline(always)]
    fn check_all(&mut self, v: u64, checked: u64) -> Option<u64> {
        const LOW: u64 = !HIGH;
        // The high bit of each byte at or above `n` / equal to `c` (bytes
        // below 0x80 only: nothing carries across bytes).
        let at_least = |n: u64| (checked + ONES * (0x80 - n)) & HIGH;
        let equal = |c: u8| !((checked ^ (ONES * u64::from(c))) + LOW) & HIGH;
        let control = !at_least(0x20) & HIGH;
        let ws_control = at_least(0x09) & !at_least(0x0e);
        if control & !ws_control != 0 {
            return None;
        }
        let ws = ws_control | equal(b' ');
        let dash = equal(b'-');
        let ws_prev = (ws << 8) | u64::from(self.ws_before) << 7;
        let dash_prev = (dash << 8) | u64::from(self.dash_before) << 7;
        // Two whitespace bytes together, or a hyphen beside whitespace (a
        // hyphen last in this word beside whitespace first in the next is
        // caught there, by `dash_before`).
        if ws & ws_prev != 0 || dash & (ws_prev | ws >> 8) != 0 || ws & dash_prev != 0 {
            return None;
        }
        self.ws_before = ws >> 63 != 0;
        self.dash_before = dash >> 63 != 0;
        // Each byte of `ws >> 7` is 0 or 1: the product sums them in its top byte.
        self.spaces += ((ws >> 7).wrapping_mul(ONES) >> 56) as u32;
        Some((v & !((ws_control >> 7) * 0xff)) | ((ws_control >> 7) * 0x20))
    }

    /// Words: every whitespace byte but a last one starts one.
    fn words(&self, last: u8) -> u32 {
        self.spaces + 1 - u32::from(is_ascii_space(last))
    }
}

/// `plain_hashes` from a word beyond ASCII on.
struct Plain {
    exact: u64,
    /// The matching key: a folded character is shorter than as written, so
    /// its words stop lining up with the text's.
    key: Stream,
    checks: Checks,
    /// Bytes at the start of this word that end a character begun before it.
    skip: usize,
}

impl Plain {
    /// The text from `at` (a multiple of eight) on.
    #[inline(never)]
    fn rest(mut self, text: &str, mut at: usize) -> Option<(u64, u64, u32)> {
        let b = text.as_bytes();
        let mut chunks = b[at..].chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.word(text, at, v, v, 8)?;
            at += 8;
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let v = load(rest);
            let k = rest.len() as u32;
            self.word(text, at, v, v | (ONES * u64::from(b'a')) << (8 * k), k)?;
        }
        let len = b.len() as u64;
        let last = *b.last()?;
        Some((
            self.key.finish(),
            finish(self.exact, len),
            self.checks.words(last),
        ))
    }

    /// The `k` bytes at `at` of `text`, `v` to hash and `checked` to check
    /// (the same but for the padding of a last short word); `None` when they
    /// are not plain.
    #[inline(always)]
    fn word(&mut self, text: &str, at: usize, v: u64, checked: u64, k: u32) -> Option<()> {
        // Bytes beyond ASCII are checked as letters (their characters are
        // read below): neither whitespace, nor a hyphen, nor a control.
        let wide = checked & HIGH;
        let m = (wide >> 7) * 0xff;
        let spaced = self
            .checks
            .check(v, (checked & !m) | ((ONES * u64::from(b'a')) & m))?;
        self.exact = mix(self.exact, spaced);
        if wide == 0 {
            self.key.feed(lower8(spaced), k);
            Some(())
        } else {
            self.wide_word(text, at, lower8(spaced), k)
        }
    }

    /// The matching key of a word holding bytes beyond ASCII (`lowered`:
    /// its bytes, ASCII lower-cased), character by character.
    #[cold]
    fn wide_word(&mut self, text: &str, at: usize, lowered: u64, k: u32) -> Option<()> {
        let mut out = [0u8; 16];
        let mut n = 0;
        for (i, &c) in lowered.to_le_bytes()[..k as usize].iter().enumerate() {
            if self.skip > 0 {
                self.skip -= 1;
            } else if c < 0x80 {
                out[n] = c;
                n += 1;
            } else {
                let (len, wrote) = key_bytes(text, at + i, &mut out[n..])?;
                self.skip = len - 1;
                n += wrote;
            }
        }
        let head = n.min(8);
        if head > 0 {
            self.key.feed(load(&out[..head]), head as u32);
        }
        if n > 8 {
            self.key.feed(load(&out[8..n]), (n - 8) as u32);
        }
        Some(())
    }
}

/// `key_char` of the character at `i` (beyond ASCII): its length and how
/// many bytes it wrote. Curly quotes, dashes and Latin-1 letters are read
/// from their bytes (the commonest in English and Western European text).
#[inline(always)]
fn key_bytes(text: &str, i: usize, out: &mut [u8]) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    match (b[i], b.get(i + 1).copied().unwrap_or(0)) {
        // U+00C0 to U+00FF: upper-case letters but × (U+00D7) lower-case by
        // 0x20; the rest are their own lower case. None folds.
        (0xC3, c) => {
            let upper = (0x80..=0x9E).contains(&c) && c != 0x97;
            out[0] = 0xC3;
            out[1] = c + if upper { 0x20 } else { 0 };
            Some((2, 2))
        }
        // U+2010 to U+2015, U+2018 to U+201F: dashes and quotes.
        (0xE2, 0x80) if matches!(b.get(i + 2), Some(0x90..=0x95 | 0x98..=0x9F)) => {
            out[0] = match b[i + 2] {
                0x90..=0x95 => b'-',
                0x98..=0x9B => b'\'',
                _ => b'"',
            };
            Some((3, 1))
        }
        _ => {
            let ch = text[i..].chars().next()?;
            Some((ch.len_utf8(), key_char(ch, out)?))
        }
    }
}

/// The matching key's bytes of a character beyond ASCII written into `out`,
/// and how many, as `Keys::char` hashes it, when that agrees with a plain
/// sentence: the character or its lower case (of the same kind: one
/// character, no Chinese or Japanese) or its ASCII fold. `None` otherwise.
fn key_char(ch: char, out: &mut [u8]) -> Option<usize> {
    match fold(ch) {
        Fold::Char(m) if m.is_ascii() => {
            out[0] = m as u8;
            Some(1)
        }
        Fold::Lower if !is_cjk(ch) => {
            let mut lower = ch.to_lowercase();
            let l = lower.next()?;
            if lower.next().is_some() {
                return None;
            }
            Some(l.encode_utf8(out).len())
        }
        _ => None,
    }
}

/// The text without the whitespace between a run of hyphens and the word on
/// its other side (`1990- 91`, `MU- form`, `1980 --81`, `" --indent"`),
/// or `None` when there is none. A hard wrap after a hyphen cannot tell
/// `near-` + `infinite` from `near- ` + `infinite`, nor Python's textwrap,
/// which breaks before or after a dash run (`--`) inside a word, `1980--81`
/// from `1980 --81`: copies wrapped differently must still match. A dash
/// with spaces on both sides (`said - and`, `foo -- bar`) stays as written.
fn without_dash_gaps(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let ws = is_ascii_space;
    let mut gaps: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(p) = memchr::memchr(b'-', &b[at..]) {
        let start = at + p;
        let end = start + b[start..].iter().take_while(|&&c| c == b'-').count();
        at = end;
        let before_ws = start > 0 && ws(b[start - 1]);
        let after_ws = end < b.len() && ws(b[end]);
        if before_ws == after_ws {
            continue;
        }
        if after_ws {
            let next = end + b[end..].iter().take_while(|&&c| ws(c)).count();
            if start > 0 && next < b.len() {
                gaps.push((end, next));
            }
        } else {
            let prev = b[..start].iter().rposition(|&c| !ws(c));
            if let (Some(prev), true) = (prev, end < b.len()) {
                gaps.push((prev + 1, start));
            }
        }
    }
    if gaps.is_empty() {
        return None;
    }
    // A gap between two dash runs (`a- -b`) is found from both sides: keep
    // the gaps apart and in order.
    gaps.dedup_by(|later, earlier| {
        if later.0 < earlier.1 {
            earlier.1 = earlier.1.max(later.1);
            true
        } else {
            false
        }
    });
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (s, e) in gaps {
        out.push_str(&text[from..s]);
        from = e;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// `hashes` of the text as it stands, in one pass.
fn hashes_as_written(text: &str) -> (u64, u64, u32) {
    let mut k = Keys::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // A run of printable ASCII with single spaces goes in as it stands.
        let end = run_end(b, i, k.in_space);
        if end > i {
            k.run(&b[i..end]);
            i = end;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        i += ch.len_utf8();
        k.char(ch);
    }
    k.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_end_where_byte_by_byte_they_would() {
        let slow = |b: &[u8], i: usize, in_space: bool| {
            let mut end = i;
            while end < b.len() {
                let c = b[end];
                let after = if end == i {
                    in_space
                } else {
                    b[end - 1] == b' '
                };
                if !(0x20..0x80).contains(&c) || (c == b' ' && after) {
                    break;
                }
                end += 1;
            }
            end
        };
        let texts: [&[u8]; 6] = [
            b"A plain sentence of printable words, long enough for chunks.",
            b"two  spaces  here and there, then  more",
            b"tab\there and a new\nline, \x7f del",
            "caf\u{e9} na\u{ef}ve \u{201c}quoted\u{201d} text".as_bytes(),
            b"        ",
            b" x y z w v u t s r q p o n m l k j i h g f e d c b a ",
        ];
        for t in texts {
            for i in 0..t.len() {
                for in_space in [false, true] {
                    assert_eq!(run_end(t, i, in_space), slow(t, i, in_space), "{t:?} {i}");
                }
            }
        }
    }

    #[test]
    fn lower8_lowers_ascii_letters_only() {
        let all: Vec<u8> = (0..=255u8).collect();
        for c in all.chunks(8) {
            let v = u64::from_le_bytes(c.try_into().unwrap());
            let want: Vec<u8> = c.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(lower8(v).to_le_bytes().to_vec(), want);
        }
    }

    /// Character by character: what the runs must agree with.
    fn reference(text: &str) -> (u64, u64, u32) {
        let mut k = Keys::new();
        text.chars().for_each(|ch| k.char(ch));
        k.finish()
    }

    #[test]
    fn runs_hash_as_bytes_do() {
        let pieces = [
            "a",
            "Bc",
            " ",
            "  ",
            "\t",
            "\n",
            "The quick",
            "brown FOX",
            "’",
            "“",
            "\u{a0}",
            "\u{ad}",
            "é",
            "İ",
            "12.5%",
            "x",
            "\u{3000}",
            "\x07",
            "ABCDEFGHIJ",
            "说",
            "，",
            "日本",
            ", a",
            "。",
        ];
        for s in crate::testing::random_texts(&pieces, 20_000, 12, 0x2545_f491_4f6c_dd1d) {
            assert_eq!(hashes_as_written(&s), reference(&s), "{s:?}");
            // The engine's counts agree with the word diff's.
            let (_, inserted, _) = super::super::words::word_counts("", &s);
            assert_eq!(hashes(&s).2 as usize, inserted, "{s:?}");
        }
    }

    /// The long way, for texts `plain_hashes` takes.
    fn long_way(text: &str) -> (u64, u64, u32) {
        match without_dash_gaps(text) {
            None => hashes_as_written(text),
            Some(joined) => {
                let (key, exact, _) = hashes_as_written(&joined);
                (key, exact, hashes_as_written(text).2)
            }
        }
    }

    #[test]
    fn plain_sentences_hash_as_the_long_way_does() {
        let pieces = [
            "a",
            "Bc",
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "\x0b",
            "\x0c",
            "The quick",
            "brown FOX",
            "-",
            "--",
            "x-",
            "-y",
            "1990-91",
            "12.5%",
            "ABCDEFGHIJ",
            ", a",
            "\x07",
            "\x7f",
            "é",
            "“",
            "!",
            "~",
            "\u{2019}s",
            "\u{c9}t\u{c9}",
            "\u{2014}",
            "\u{2026}",
            "\u{23a}",
            "\u{130}",
            "\u{a0}",
            "\u{85}",
            "\u{ad}",
            "\u{65e5}",
            "\u{10400}",
        ];
        let mut plain = 0;
        for s in crate::testing::random_texts(&pieces, 20_000, 14, 0x6a09_e667_f3bc_c909) {
            let got = plain_hashes(&s);
            if let Some(got) = got {
                plain += 1;
                assert_eq!(got, long_way(&s), "{s:?}");
            }
            assert_eq!(hashes(&s), long_way(&s), "{s:?}");
        }
        // Most of these texts go the long way; enough take the short one.
        assert!(plain > 1_000, "{plain}");
        let long = format!("{}end.", "Words and\nmore ".repeat(400));
        assert_eq!(plain_hashes(&long), Some(long_way(&long)));
        for s in [
            "a",
            "A long plain sentence.",
            "wrapped\nover\tlines, exactly 32 bytes",
            "caf\u{e9}",
            "\u{201c}Quoted,\u{201d} he said \u{2014} and \u{c9}MILE\u{2019}s \u{2018}na\u{ef}ve\u{2019} \u{23a}.",
        ] {
            assert_eq!(plain_hashes(s), Some(long_way(s)), "{s:?}");
        }
        for s in [
            "",
            " lead",
            "two  spaces",
            "a -b",
            "a- b",
            "bell\x07",
            "no\u{a0}break",
            "soft\u{ad}hyphen",
            "\u{130}stanbul",
            "\u{65e5}\u{672c}",
        ] {
            assert_eq!(plain_hashes(s), None, "{s:?}");
        }
        // A hyphen last in one eight-byte word, whitespace first in the next.
        assert_eq!(plain_hashes("abcdef-\nxyz"), None);
        assert_eq!(plain_hashes("abcdefg-\nxyz"), None);
        assert_eq!(plain_hashes("abcdefg\n-xyz"), None);
    }

    #[test]
    fn characters_read_from_their_bytes_fold_as_decoded() {
        for c in ('\u{80}'..='\u{3000}').chain(['\u{10400}', '\u{1f600}']) {
            let text = format!("{c}x");
            let (mut fast, mut slow) = ([0u8; 4], [0u8; 4]);
            let got = key_bytes(&text, 0, &mut fast);
            let want = key_char(c, &mut slow).map(|n| (c.len_utf8(), n));
            assert_eq!(got, want, "{c:?}");
            if let Some((_, n)) = got {
                assert_eq!(fast[..n], slow[..n], "{c:?}");
            }
        }
    }

    #[test]
    fn a_vertical_tab_is_whitespace_in_keys_as_in_word_counts() {
        for t in ["one\x0btwo", "one\x0b\x0btwo", "caf\u{e9}\x0btwo"] {
            let spaced = t.replace('\x0b', " ").replace("  ", " ");
            assert_eq!(hashes(t), hashes(&spaced), "{t:?}");
            assert_eq!(hashes(t).2, 2, "{t:?}");
            assert_eq!(
                crate::article::unicode_word_count(t, usize::MAX),
                2,
                "{t:?}"
            );
        }
        assert_eq!(hashes("a-\x0bb").0, hashes("a-b").0);
    }

    #[test]
    fn ascii_and_folded_text_share_keys() {
        assert_eq!(hashes("NATO's plan").0, hashes("Nato’s plan").0);
        assert_eq!(hashes("a\u{ad}b").0, hashes("ab").0);
        assert_eq!(hashes("a \u{ad} b").2, 2);
    }

    #[test]
    fn keys_fold_typography_but_exact_does_not() {
        let (k1, e1, w1) = hashes("Nato’s  “plan” – agreed");
        let (k2, e2, w2) = hashes("NATO's \"plan\" - agreed");
        let (k3, e3, _) = hashes("Nato’s “plan”\n– agreed");
        assert_eq!(k1, k2);
        assert_ne!(e1, e2);
        assert_eq!(e1, e3);
        assert_eq!(k1, k3);
        assert_eq!((w1, w2), (4, 4));
    }

    #[test]
    fn a_space_beside_a_dash_run_inside_a_word_does_not_count() {
        let same = [
            ("the 1990-91 season", "the 1990- 91 season"),
            ("a MU-form", "a MU- form"),
            ("in 1980--81, then", "in 1980 --81, then"),
            ("in 1979--1980 it", "in 1979--\n1980 it"),
            (
                "options \"--sha3-384\", and",
                "options \"-- sha3-384\", and",
            ),
            ("the \"--indent\" option", "the \" --indent\" option"),
        ];
        for (a, b) in same {
            assert_eq!(hashes(a).0, hashes(b).0, "{a} / {b}");
            assert_eq!(hashes(a).1, hashes(b).1, "{a} / {b}");
        }
        // Words are counted as written.
        assert_eq!(hashes("the 1990- 91 season").2, 4);
        // A free-standing dash, or none at all, keeps its spaces.
        for (a, b) in [
            ("he said - and left", "he said-and left"),
            ("foo -- bar", "foo--bar"),
            ("a b", "ab"),
        ] {
            assert_ne!(hashes(a).1, hashes(b).1, "{a} / {b}");
        }
        assert_eq!(without_dash_gaps("- a list item"), None);
        // A space between two dash runs is one gap, found from both sides.
        assert_eq!(without_dash_gaps("a- -b").as_deref(), Some("a--b"));
        assert_eq!(
            without_dash_gaps("+-----\n-----+ x -- - y --z").as_deref(),
            Some("+----------+ x -- - y--z")
        );
        for t in ["- -", "a - - b", "--  --", "x-\t\n -y", "- - - -a"] {
            hashes(t);
        }
        // Any mix of dashes, spaces and words: gaps in order, never a panic.
        let pieces = ["-", "--", " ", "\n", "a", "é", "\t", "“"];
        for s in crate::testing::random_texts(&pieces, 5_000, 10, 0x9e37_79b9_7f4a_7c15) {
            if let Some(joined) = without_dash_gaps(&s) {
                assert!(joined.len() < s.len(), "{s:?}");
            }
            hashes(&s);
        }
        assert_eq!(without_dash_gaps("ends with a -"), None);
    }

    #[test]
    fn lengths_and_order_change_the_key() {
        let keys: Vec<u64> = ["a", "a\0", "ab", "ba", "abcdefgh", "abcdefghi", ""]
            .iter()
            .map(|t| hashes(t).1)
            .collect();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
