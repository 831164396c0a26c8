//! How alike two sentences are: weighted overlap of content words (rare words
//! count more), with shared quotations as the strongest signal — also when one
//! outlet quotes only a fragment of the other's.

use std::collections::HashMap;

use super::units::{fold, Fold};
use crate::article::is_cjk;

/// Function words that carry no topic (sorted, for binary search).
pub(crate) const STOPWORDS: &[&str] = &[
    "a", "about", "above", "added", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "he's", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "it's",
    "its", "itself", "just", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off",
    "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "s", "said", "same",
    "say", "says", "she", "she's", "should", "so", "some", "such", "t", "than", "that", "that's",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "told", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
];

/// Word ids and document frequencies over a pool of sentences.
#[derive(Default)]
pub(crate) struct Vocab {
    /// Stems of ASCII words (at most seven bytes) packed into an integer: most
    /// words of most articles, looked up without hashing strings.
    short: FxMap<u64, u32>,
    /// The first two bytes of every key in `short` but function words', and
    /// (hashed) the first three of every such key that long, as bits
    /// (`StemHead`): a word of the rarity sample whose stem cannot be among
    /// them is passed over unstemmed and unremembered. Empty until the first
    /// key.
    short_prefixes: Vec<u64>,
    short_heads: Vec<u64>,
    /// Words of up to fifteen bytes as written (packed with their length):
    /// the common words of a text skip stemming altogether.
    raw: FxMap<u128, u32>,
    ids: FxMap<String, u32>,
    /// Scratch space for stemming.
    buf: String,
    /// Scratch space for a sentence's stems.
    scratch: Vec<u32>,
    df: Vec<u32>,
    stop: Vec<bool>,
    /// Stems that are numbers (`5%`, `2025`, `3.4`): facts, in claims.
    number: Vec<bool>,
    /// Stems that say when (a month, a weekday, `today`, a year): the time of
    /// a fact, not the fact. This and the next three only in a vocabulary for
    /// claims (`for_claims`), whose rules alone read them: pairing in order
    /// profiles thousands of words and asks none of them.
    when: Vec<bool>,
    /// Stems of `WEAK_WORDS`.
    weak: Vec<bool>,
    /// Stems of `ROLE_WORDS`: who, not what.
    role: Vec<bool>,
    /// Stems of the words of magnitude (`thousand` … `trillion`).
    magnitude: Vec<bool>,
    /// Stems of everyday English words (`EVERYDAY_STEMS`).
    everyday: Vec<bool>,
    /// The value of each stem that is a plain figure (`3.2`, `1,500`), for
    /// amounts that agree approximately.
    value: Vec<Option<f64>>,
    /// The value of the figure each number stem opens with (`136` of
    /// `136-unit`, `4` of `4%`, `3.2` of `3.2`).
    leading: Vec<Option<f64>>,
    docs: u32,
    /// Weights computed by `freeze`.
    frozen: Vec<f64>,
    /// Whether the words of one group of `PARAPHRASES` share one id
    /// (`for_claims`).
    paraphrases: bool,
}

/// What similarity needs to know about one sentence.
#[derive(Clone, Debug, Default)]
pub(crate) struct Profile {
    /// Content-word stems, sorted, repeats kept: a bag of words, so that
    /// length counts (two sentences are not the same as one of them).
    pub stems: Vec<u32>,
    /// Each quotation as a sequence of stems (function words included).
    pub quotes: Vec<Vec<u32>>,
}

/// A crude but robust stem: lower-case, folded, an English inflection taken
/// off (`talks`/`talk`, `pushed`/`push`, `opposes`/`oppose`; a month by its
/// short form), at most seven characters. Seven keeps
/// `Zelenskyy`/`Zelensky` and `recognition`/`recognising` together.
pub(crate) fn stem(word: &str) -> String {
    let mut s = String::new();
    folded_stem_into(word, &mut s);
    s
}

/// `stem`, written into `out` (cleared first).
fn folded_stem_into(word: &str, out: &mut String) {
    lower_into(word, out);
    inflection_off(out);
    truncate_stem(out);
}

/// The stem the pile index and the shared vocabulary use: `stem` without
/// taking inflections off, written into `out` (cleared first) without
/// allocating.
pub(crate) fn stem_into(word: &str, out: &mut String) {
    lower_into(word, out);
    truncate_stem(out);
}

/// At most seven characters.
fn truncate_stem(out: &mut String) {
    if let Some((i, _)) = out.char_indices().nth(7) {
        out.truncate(i);
    }
}

/// `stem`'s inflection step on a string.
fn inflection_off(s: &mut String) {
    if !s.bytes().all(|c| c.is_ascii_lowercase()) {
        return;
    }
    let mut bytes = std::mem::take(s).into_bytes();
    let n = fold_inflection(&mut bytes);
    bytes.truncate(n);
    *s = String::from_utf8(bytes).unwrap_or_default();
}

/// Takes an English inflection off a lower-case ASCII word in place and
/// returns its new length: a plural or third person (`-s`, `-es`, `-ies`),
/// `-ed` and `-ing` (a doubled consonant undone), then a final `e`; a month
/// becomes its short form. Function words and words under four letters
/// stay as they are.
fn fold_inflection(w: &mut [u8]) -> usize {
    let n = w.len();
    if let Some(short) = month_short(w) {
        w[..short.len()].copy_from_slice(short);
        return short.len();
    }
    if n < 4 || !w.iter().all(u8::is_ascii_lowercase) {
        return n;
    }
    if is_stopword_bytes(w) {
        return n;
    }
    let vowel = |c: &u8| b"aeiouy".contains(c);
    let mut m = n;
    if n >= 5 && w.ends_with(b"ies") {
        w[n - 3] = b'y';
        m = n - 2;
    } else if w[n - 1] == b's' && !matches!(w[n - 2], b's' | b'u' | b'i') {
        m = n - 1;
    } else if n >= 6 && w.ends_with(b"ing") && w[..n - 3].iter().any(vowel) {
        m = undouble(w, n - 3);
    } else if n >= 5 && w.ends_with(b"ed") && w[n - 3] != b'e' && w[..n - 2].iter().any(vowel) {
        m = undouble(w, n - 2);
    }
    if m >= 4 && w[m - 1] == b'e' {
        m -= 1;
    }
    m
}

/// `stopp` is `stop`, `plann` is `plan`; `call` and `pass` keep their pair.
fn undouble(w: &[u8], m: usize) -> usize {
    let doubled = m >= 4 && w[m - 1] == w[m - 2];
    if doubled && !matches!(w[m - 1], b'l' | b's' | b'z' | b'e' | b'o') {
        m - 1
    } else {
        m
    }
}

/// Months are compared by their short form (`Aug.` and `August` agree).
/// A match on the bytes: told by length and a few word compares, as every
/// word of a profiled sentence is asked.
fn month_short(w: &[u8]) -> Option<&'static [u8]> {
    Some(match w {
        b"january" => b"jan",
        b"february" => b"feb",
        b"march" => b"mar",
        b"april" => b"apr",
        b"june" => b"jun",
        b"july" => b"jul",
        b"august" => b"aug",
        b"september" | b"sept" => b"sep",
        b"october" => b"oct",
        b"november" => b"nov",
        b"december" => b"dec",
        _ => return None,
    })
}

/// Lower-case, folded, trimmed, possessive taken off; any length.
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match fold(c) {
            Fold::Char(m) => out.push(m),
            Fold::Drop | Fold::Space => {}
            Fold::Lower => out.extend(c.to_lowercase()),
        }
    }
    // Trim what is not a letter or digit at both ends.
    let end = out.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    out.truncate(end);
    let start = out.len() - out.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    if start > 0 {
        out.drain(..start);
    }
    // Possessives: "Russia’s" is "Russia".
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
    // Percentages are facts worth matching on: keep the sign.
    if word.ends_with('%') && out.starts_with(|c: char| c.is_ascii_digit()) {
        out.push('%');
    }
}

/// A fast hasher for short word keys (FxHash: multiply and rotate); the
/// default SipHash costs more than the work it guards here.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        // The product's high bits mix every input bit; hash tables index by
        // the low bits, so bring the high ones down (as rustc-hash 2 does).
        self.0.rotate_left(26)
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u128(&mut self, v: u128) {
        self.write_u64(v as u64);
        self.write_u64((v >> 64) as u64);
    }
    fn write_u8(&mut self, v: u8) {
        self.write_u64(u64::from(v));
    }
    fn write_u32(&mut self, v: u32) {
        self.write_u64(u64::from(v));
    }
    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut v = [0u8; 8];
            v[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(v))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;

/// Words of a sentence with whether each lies inside a quotation (double
/// quotes and guillemets; single quotes are too often apostrophes).
pub(crate) fn words_with_quotes(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    // An opening mark with no close runs to the end of the sentence, and a
    // close with no opening runs from its start (quotes spanning sentences).
    let (straight, opens, closes) = quotation_marks(text.as_bytes());
    let opens = opens + straight / 2;
    let closes = closes + straight / 2;
    let mut inside = closes > opens;
    for raw in crate::article::split_words(text) {
        let (opening, ends, word) = if raw.is_ascii() {
            ascii_quoted_word(raw)
        } else {
            quoted_word(raw)
        };
        if opening {
            inside = true;
        }
        if !word.is_empty() {
            out.push((word, inside));
        }
        if ends {
            inside = false;
        }
    }
    out
}

/// Whether a word opens a quotation, whether it closes one, and the word
/// without what is not a letter or digit at either end (a `%` kept).
fn quoted_word(raw: &str) -> (bool, bool, &str) {
    let opens = raw.starts_with(['“', '«', '"']);
    let ends = raw
        .trim_end_matches([',', '.', ';', ':', '?', '!', ')'])
        .ends_with(['”', '»', '"']);
    let word = raw
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '%');
    (opens, ends, word)
}

/// `quoted_word` of an ASCII word, over its bytes.
fn ascii_quoted_word(raw: &str) -> (bool, bool, &str) {
    let b = raw.as_bytes();
    let opens = b.first() == Some(&b'"');
    let closed = b
        .iter()
        .rposition(|c| !matches!(c, b',' | b'.' | b';' | b':' | b'?' | b'!' | b')'));
    let ends = closed.is_some_and(|p| b[p] == b'"');
    let Some(start) = b.iter().position(u8::is_ascii_alphanumeric) else {
        return (opens, ends, "");
    };
    let end = b
        .iter()
        .rposition(|&c| c.is_ascii_alphanumeric() || c == b'%')
        .map_or(start, |p| p + 1);
    (opens, ends, &raw[start..end.max(start)])
}

/// Whether a text holds a quotation mark that `words_with_quotes` reads
/// (without one, no word of it lies inside a quotation).
pub(crate) fn has_quotation_marks(text: &str) -> bool {
    quotation_marks(text.as_bytes()) != (0, 0, 0)
}

/// Straight double quotes, opening marks (`“`, `«`) and closing marks
/// (`”`, `»`) in a text, in one pass over its bytes.
fn quotation_marks(b: &[u8]) -> (usize, usize, usize) {
    let (mut straight, mut opens, mut closes) = (0, 0, 0);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'"' => straight += 1,
            0xE2 if b.get(i + 1) == Some(&0x80) => match b.get(i + 2) {
                Some(0x9C) => opens += 1,
                Some(0x9D) => closes += 1,
                _ => {}
            },
            0xC2 => match b.get(i + 1) {
                Some(0xAB) => opens += 1,
                Some(0xBB) => closes += 1,
                _ => {}
            },
            _ => {}
        }
    }
    (straight, opens, closes)
}

/// `stem` of an ASCII word packed into an integer (its bytes, little-endian;
/// stems never contain a zero byte at either end, so lengths cannot collide),
/// or `None` when the word is not ASCII.
/// The bytes of an ASCII word that `ascii_stem_key` stems, as a range:
/// without what is not a letter or digit at both ends, nor a possessive
/// `'s`. `None` when the word has no letter or digit.
fn ascii_trim(b: &[u8]) -> Option<(usize, usize)> {
    let first = b.iter().position(u8::is_ascii_alphanumeric)?;
    let mut last = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .unwrap_or(first)
        + 1;
    // Possessives: "Russia's" is "Russia".
    if last - first >= 2 && b[last - 2] == b'\'' && b[last - 1].eq_ignore_ascii_case(&b's') {
        last -= 2;
    }
    Some((first, last))
}

/// What the first bytes of an ASCII word say of the key `ascii_stem_key`
/// gives it, read without stemming: the inflection step and truncation keep
/// a word's first three letters or digits as written (lower-cased) when it
/// has three or more — but for the five-letter `-ies` words (`flies`/`fly`),
/// which keep two — and both of a two-letter word.
#[derive(Clone, Copy)]
enum StemHead {
    Two(u16),
    /// The three bytes hashed (`head3`).
    Three(u16),
}

/// The bit of three leading bytes in `Vocab::short_heads`.
fn head3(a: u8, b: u8, c: u8) -> u16 {
    (u16::from(a) << 10 ^ u16::from(b) << 5 ^ u16::from(c)) ^ u16::from(a) >> 6
}

/// `StemHead` of a word; `None` for a word of fewer than two letters or
/// digits, or not ASCII.
fn ascii_stem_head(word: &str) -> Option<StemHead> {
    let b = word.as_bytes();
    if !b.is_ascii() {
        return None;
    }
    let (first, last) = ascii_trim(b)?;
    let low = |i: usize| b[first + i].to_ascii_lowercase();
    match last - first {
        0 | 1 => None,
        5 if b[first + 2..last].eq_ignore_ascii_case(b"ies") => {
            Some(StemHead::Two(u16::from(low(0)) | u16::from(low(1)) << 8))
        }
        2 => Some(StemHead::Two(u16::from(low(0)) | u16::from(low(1)) << 8)),
        _ => Some(StemHead::Three(head3(low(0), low(1), low(2)))),
    }
}

fn ascii_stem_key(word: &str) -> Option<u64> {
    let b = word.as_bytes();
    if !b.is_ascii() {
        return None;
    }
    let Some((first, last)) = ascii_trim(b) else {
        return Some(0);
    };
    // Lower-case into a buffer to take the inflection off; a word longer
    // than the buffer keeps more than seven letters whatever its ending.
    let mut buf = [0u8; 24];
    let word = &b[first..last];
    let mut len = word.len().min(buf.len());
    for (d, c) in buf.iter_mut().zip(word) {
        *d = c.to_ascii_lowercase();
    }
    if word.len() <= buf.len() {
        len = fold_inflection(&mut buf[..len]);
    }
    let mut key = 0u64;
    for (i, &c) in buf[..len.min(7)].iter().enumerate() {
        key |= u64::from(c) << (8 * i);
    }
    let len = len.min(7);
    // Percentages are facts worth matching on: keep the sign.
    if len < 7 && b.last() == Some(&b'%') && first < last && b[first].is_ascii_digit() {
        key |= u64::from(b'%') << (8 * len);
    }
    Some(key)
}

/// No sentence of prose is longer than this; a "sentence" that is (a file
/// that is one line with no full stop) is judged by its first part, so that
/// it cannot stall the comparison.
const SENTENCE_HEAD: usize = 16 * 1024;

/// Whether two texts read alike to a profile (`Vocab::profile`,
/// `Vocab::observe`): the same text, or the same words with other spaces
/// between them (a reflowed copy) in texts a profile reads whole (no longer
/// than `SENTENCE_HEAD`).
pub(crate) fn profiles_alike(a: &str, b: &str) -> bool {
    a == b
        || (a.len() <= SENTENCE_HEAD
            && b.len() <= SENTENCE_HEAD
            && crate::article::split_words(a).eq(crate::article::split_words(b)))
}

fn head(text: &str) -> &str {
    if text.len() <= SENTENCE_HEAD {
        return text;
    }
    let mut end = SENTENCE_HEAD;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The terms a word counts as: itself, except that Chinese and Japanese,
/// written without spaces, count as overlapping pairs of characters (the
/// usual way to compare such text without a dictionary: "国防部长" is 国防,
/// 防部, 部长), with any Latin words inside them on their own.
pub(crate) fn terms<'a>(word: &'a str, mut f: impl FnMut(&'a str)) {
    if word.is_ascii() || !word.chars().any(is_cjk) {
        f(word);
        return;
    }
    let mut other: Option<usize> = None;
    let mut chars = word.char_indices().peekable();
    let mut prev: Option<usize> = None;
    while let Some((i, c)) = chars.next() {
        if is_cjk(c) {
            if let Some(o) = other.take() {
                f(&word[o..i]);
            }
            let end = i + c.len_utf8();
            let next_cjk = chars.peek().is_some_and(|&(_, d)| is_cjk(d));
            if let Some(p) = prev {
                f(&word[p..end]);
            } else if !next_cjk {
                // A character standing alone.
                f(&word[i..end]);
            }
            prev = Some(i);
        } else {
            prev = None;
            if other.is_none() && c.is_alphanumeric() {
                other = Some(i);
            }
        }
    }
    if let Some(o) = other {
        f(&word[o..]);
    }
}

/// The parts of a word joined by hyphens between letters (`full-scale`,
/// `party-line`, `Miami-Dade`: written either way, the same words), each
/// then as `terms`. A hyphen beside a digit stays (`50-49`, `COVID-19`).
/// A figure written with its magnitude, `194K`, `194,000`, `$1.8T` or
/// `$5bn`, counts as the figure and the magnitude's word, as `194 thousand`
/// and `$1.8 trillion` do: one amount, however it is written.
pub(crate) fn terms_of_parts<'a>(word: &'a str, mut f: impl FnMut(&'a str)) {
    // Most words open with a letter and hold neither a hyphen nor anything
    // beyond ASCII: no figure, no parts, one term.
    let b = word.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphabetic) && b.iter().all(|&c| c < 0x80 && c != b'-') {
        f(word);
        return;
    }
    figures_and_parts(word, f);
}

/// `terms_of_parts` for any word: a scaled figure, or the parts between
/// hyphens, each as `terms`.
fn figures_and_parts<'a>(word: &'a str, mut f: impl FnMut(&'a str)) {
    if let Some((figure, magnitude)) = scaled_figure(word) {
        f(figure);
        f(magnitude);
        return;
    }
    // Most words hold no hyphen (0xE2 leads U+2010 and other punctuation).
    if !word.bytes().any(|c| c == b'-' || c == 0xE2) {
        terms(word, f);
        return;
    }
    let mut start = 0;
    let mut prev: Option<char> = None;
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, d)| d);
        let joins = matches!(c, '-' | '\u{2010}')
            && prev.is_some_and(|p| p.is_alphabetic() || p == '.')
            && next.is_some_and(char::is_alphabetic);
        if joins {
            terms(&word[start..i], &mut f);
            start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    terms(&word[start..], f);
}

/// The words of magnitude an amount is written with, by power of a thousand.
const MAGNITUDE_WORDS: [&str; 4] = ["thousand", "million", "billion", "trillion"];

/// A figure and its magnitude's word when a word writes both: a letter
/// suffix (`194K`, `5m`, `3.5bn`, `1.8T`, `2tn`) or trailing groups of
/// zeros (`194,000` is `194` thousand, `7,000,000` `7` million).
fn scaled_figure(word: &str) -> Option<(&str, &'static str)> {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let split = w
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(w.len());
    let (digits, suffix) = w.split_at(split);
    let digits = digits.trim_end_matches([',', '.']);
    if !suffix.is_empty() {
        // The suffixes the edit classes read as magnitudes (`k`, `m`, `bn`,
        // `T`, …), not the words spelled out.
        let &(_, value) = super::classes::lexicon::MAGNITUDES
            .iter()
            .filter(|(s, _)| s.len() <= 3)
            .find(|(s, _)| s.eq_ignore_ascii_case(suffix))?;
        let name = MAGNITUDE_WORDS[(value.log10().round() as usize / 3).checked_sub(1)?];
        return Some((digits, name));
    }
    let mut head = digits;
    let mut groups: usize = 0;
    while let Some(h) = head.strip_suffix(",000") {
        head = h;
        groups += 1;
    }
    if head.is_empty() || head.contains('.') {
        return None;
    }
    let magnitude = MAGNITUDE_WORDS.get(groups.checked_sub(1)?)?;
    Some((head, magnitude))
}

/// A word of at most 15 bytes as written, packed with its length: the key
/// under which `Vocab::raw` remembers its stem, so a word seen before needs
/// no stemming. Longer words have no key.
fn packed(word: &str) -> Option<u128> {
    let b = word.as_bytes();
    if b.len() > 15 {
        return None;
    }
    // Little-endian bytes, the length in the top byte: the word zero-padded
    // to 15 bytes and its length (a copy costs less than shifting a 128-bit
    // integer byte by byte).
    let mut buf = [0u8; 16];
    buf[..b.len()].copy_from_slice(b);
    buf[15] = b.len() as u8;
    Some(u128::from_le_bytes(buf))
}

/// What `raw` holds for a word whose stem no profile has.
const UNKNOWN: u32 = u32::MAX;

impl Vocab {
    /// A vocabulary for telling claims (`align::claims`): the words of one
    /// group of `PARAPHRASES` (`dismissed`/`rejected`, `centrist`/`moderate`)
    /// are one word.
    pub fn for_claims() -> Vocab {
        Vocab {
            paraphrases: true,
            ..Vocab::default()
        }
    }

    /// The id of a word's stem, adding it when new.
    fn id(&mut self, word: &str) -> u32 {
        let Some(packed) = packed(word) else {
            return self.claims_stem_id(word);
        };
        match self.raw.get(&packed) {
            // A word `known_id` found no stem for: it has one now.
            Some(&id) if id != UNKNOWN => return id,
            _ => {}
        }
        let id = self.claims_stem_id(word);
        self.raw.insert(packed, id);
        id
    }

    /// `stem_id`, reading the word as claims read it when this is a
    /// vocabulary for claims (`claims_form`).
    fn claims_stem_id(&mut self, word: &str) -> u32 {
        if !self.paraphrases {
            return self.stem_id(word);
        }
        match claims_form(word) {
            ClaimsForm::AsWritten => self.stem_id(word),
            ClaimsForm::Word(w) => self.stem_id(&w),
            ClaimsForm::Function => self.stem_id("the"),
        }
    }

    /// The id of a word's stem when a profiled sentence has it; words of the
    /// sample that no profile has are read for nothing (their frequency is
    /// never asked), so they get no id, and function words may get none (the
    /// sample does not count them).
    fn known_id(&mut self, word: &str) -> Option<u32> {
        // Most words of the sample are ruled out by their first letters,
        // before any hashing, and are not remembered.
        if !self.may_be_known(word) {
            return None;
        }
        let Some(packed) = packed(word) else {
            return self.known_stem_id(word);
        };
        let id = match self.raw.get(&packed) {
            Some(&id) => id,
            None => {
                let id = self.known_stem_id(word).unwrap_or(UNKNOWN);
                self.raw.insert(packed, id);
                id
            }
        };
        (id != UNKNOWN).then_some(id)
    }

    /// False when a word's stem cannot be among the known stems: an ASCII
    /// word whose first letters open none of them (`StemHead`).
    fn may_be_known(&self, word: &str) -> bool {
        let bit = |bits: &[u64], at: u16| {
            let at = usize::from(at);
            bits.get(at / 64).is_some_and(|w| w & (1 << (at % 64)) != 0)
        };
        match ascii_stem_head(word) {
            None => true,
            Some(StemHead::Two(p)) => bit(&self.short_prefixes, p),
            Some(StemHead::Three(h)) => bit(&self.short_heads, h),
        }
    }

    /// `stem_id` without adding a stem (`may_be_known` asked first).
    fn known_stem_id(&mut self, word: &str) -> Option<u32> {
        if let Some(key) = ascii_stem_key(word) {
            return self.short.get(&key).copied();
        }
        let mut buf = std::mem::take(&mut self.buf);
        folded_stem_into(word, &mut buf);
        let id = if buf.is_ascii() {
            let key = buf
                .bytes()
                .enumerate()
                .fold(0u64, |k, (i, c)| k | u64::from(c) << (8 * i));
            self.short.get(&key).copied()
        } else {
            self.ids.get(buf.as_str()).copied()
        };
        self.buf = buf;
        id
    }

    /// The id a profiled word's stem has, without adding one: for reading
    /// the words of sentences already profiled (`None` for a word no
    /// profile holds).
    pub fn stem_of(&self, word: &str) -> Option<u32> {
        if let Some(&id) = packed(word).and_then(|p| self.raw.get(&p)) {
            return (id != UNKNOWN).then_some(id);
        }
        if let Some(key) = ascii_stem_key(word) {
            return self.short.get(&key).copied();
        }
        let mut buf = String::new();
        folded_stem_into(word, &mut buf);
        if buf.is_ascii() {
            let key = buf
                .bytes()
                .enumerate()
                .fold(0u64, |k, (i, c)| k | u64::from(c) << (8 * i));
            self.short.get(&key).copied()
        } else {
            self.ids.get(buf.as_str()).copied()
        }
    }

    /// The id of a word's stem: ASCII stems (nearly all) through the packed
    /// map, others through the string map.
    fn stem_id(&mut self, word: &str) -> u32 {
        if let Some(key) = ascii_stem_key(word) {
            return self.packed_id(key);
        }
        let mut buf = std::mem::take(&mut self.buf);
        folded_stem_into(word, &mut buf);
        let id = if buf.is_ascii() {
            // "Nato’s" folds to an ASCII stem: the same id as "NATO's".
            let key = buf
                .bytes()
                .enumerate()
                .fold(0u64, |k, (i, c)| k | u64::from(c) << (8 * i));
            self.packed_id(key)
        } else if let Some(&id) = self.ids.get(buf.as_str()) {
            id
        } else {
            let id = self.new_id(&buf);
            self.ids.insert(buf.clone(), id);
            id
        };
        self.buf = buf;
        id
    }

    /// The id of a packed ASCII stem (at most seven bytes, see `ascii_stem_key`).
    fn packed_id(&mut self, key: u64) -> u32 {
        if let Some(&id) = self.short.get(&key) {
            return id;
        }
        let bytes = key.to_le_bytes();
        let len = bytes.iter().rposition(|&c| c != 0).map_or(0, |p| p + 1);
        let id = self.new_id(std::str::from_utf8(&bytes[..len]).unwrap_or(""));
        self.short.insert(key, id);
        // The rarity sample counts no function word (`observe`): their
        // heads would let the commonest words of the sample through.
        if self.stop[id as usize] {
            return id;
        }
        if self.short_prefixes.is_empty() {
            self.short_prefixes = vec![0; (1 << 16) / 64];
            self.short_heads = vec![0; (1 << 16) / 64];
        }
        if bytes[2] != 0 {
            let head = usize::from(head3(bytes[0], bytes[1], bytes[2]));
            self.short_heads[head / 64] |= 1 << (head % 64);
        }
        let prefix = (key & 0xffff) as usize;
        self.short_prefixes[prefix / 64] |= 1 << (prefix % 64);
        id
    }

    fn new_id(&mut self, stem: &str) -> u32 {
        if self.paraphrases {
            if let Some(first) = paraphrase_of(stem) {
                return self.packed_id(pack_stem(first));
            }
        }
        self.frozen.clear();
        let id = self.df.len() as u32;
        self.stop.push(is_stopword(stem));
        self.number
            .push(stem.starts_with(|c: char| c.is_ascii_digit()));
        if self.paraphrases {
            self.when.push(is_when(stem));
            self.weak.push(is_weak(stem));
            self.role.push(is_role_word(stem));
            self.everyday.push(is_everyday_stem(stem));
            self.value.push(stem.replace(',', "").parse::<f64>().ok());
            self.leading.push(leading_figure(stem));
            self.magnitude.push(
                MAGNITUDE_WORDS
                    .iter()
                    .any(|m| m.starts_with(stem) && stem.len() == m.len().min(7)),
            );
        }
        self.df.push(0);
        id
    }

    /// Counts a sentence towards document frequencies only: a sample of the
    /// unchanged text tells which words are common in these articles. Call
    /// it after every `profile`: only the stems profiles have are counted.
    pub fn observe(&mut self, text: &str) {
        let text = head(text);
        let mut stems = std::mem::take(&mut self.scratch);
        stems.clear();
        for w in crate::article::split_words(text) {
            terms_of_parts(w, |t| {
                if let Some(id) = self.known_id(t) {
                    if !self.stop[id as usize] {
                        stems.push(id);
                    }
                }
            });
        }
        stems.sort_unstable();
        stems.dedup();
        for &s in &stems {
            self.df[s as usize] += 1;
        }
        self.docs += 1;
        self.scratch = stems;
    }

    /// Observes `text` and `twin` (one unchanged sentence as each side
    /// writes it): when both hold the same words, the stems read from `text`
    /// count again for `twin`, as reading it would count them.
    pub fn observe_twins(&mut self, text: &str, twin: &str) {
        self.observe(text);
        if !profiles_alike(text, twin) {
            self.observe(twin);
            return;
        }
        for &s in &self.scratch {
            self.df[s as usize] += 1;
        }
        self.docs += 1;
    }

    /// Profiles a sentence and counts it towards document frequencies.
    pub fn profile(&mut self, text: &str) -> Profile {
        self.profile_noting(text, |_| {})
    }

    /// `profile`, telling `note` the id of every word it reads, in order
    /// (function words too).
    pub fn profile_noting(&mut self, text: &str, mut note: impl FnMut(u32)) -> Profile {
        let text = head(text);
        // A word is at least two bytes with the space after it.
        let mut stems = Vec::with_capacity(text.len() / 3 + 1);
        let mut quotes: Vec<Vec<u32>> = Vec::new();
        let mut current: Option<Vec<u32>> = None;
        for (word, in_quote) in words_with_quotes(text) {
            terms_of_parts(word, |t| {
                let id = self.id(t);
                note(id);
                if !self.stop[id as usize] {
                    stems.push(id);
                }
                match (in_quote, current.as_mut()) {
                    (true, Some(q)) => q.push(id),
                    (true, None) => current = Some(vec![id]),
                    (false, Some(_)) => quotes.extend(current.take()),
                    (false, None) => {}
                }
            });
        }
        quotes.extend(current);
        quotes.retain(|q| q.len() >= 3);
        stems.sort_unstable();
        for s in distinct(&stems) {
            self.df[s as usize] += 1;
        }
        self.docs += 1;
        Profile { stems, quotes }
    }

    /// How many stems it has ids for.
    pub fn stem_count(&self) -> usize {
        self.df.len()
    }

    /// A vocabulary of some of these stems (`order`: their ids here, in the
    /// order of their ids there) with the document frequencies `df` over
    /// `docs` sentences: what a vocabulary that read only those sentences
    /// would hold, as `align::claims` pools read them. It knows no words,
    /// only what each stem is.
    pub fn pooled(&self, order: &[u32], df: Vec<u32>, docs: u32) -> Vocab {
        let pick = |v: &[bool]| order.iter().map(|&g| v[g as usize]).collect();
        let pick_value = |v: &[Option<f64>]| order.iter().map(|&g| v[g as usize]).collect();
        Vocab {
            df,
            stop: pick(&self.stop),
            number: pick(&self.number),
            when: pick(&self.when),
            weak: pick(&self.weak),
            role: pick(&self.role),
            magnitude: pick(&self.magnitude),
            everyday: pick(&self.everyday),
            value: pick_value(&self.value),
            leading: pick_value(&self.leading),
            docs,
            paraphrases: self.paraphrases,
            ..Vocab::default()
        }
    }

    /// The stem ids of a text's words, without counting them towards
    /// document frequencies.
    pub fn stems_of(&mut self, text: &str, mut f: impl FnMut(u32)) {
        for w in crate::article::split_words(text) {
            terms_of_parts(w, |t| f(self.id(t)));
        }
    }

    /// Whether a stem says when: a month, a weekday, `today`, a year.
    /// A vocabulary for claims only (`for_claims`).
    pub fn is_when(&self, id: u32) -> bool {
        debug_assert!(self.paraphrases, "only a vocabulary for claims knows");
        self.when.get(id as usize).copied().unwrap_or(false)
    }

    /// Whether a stem is one of `WEAK_WORDS`: no evidence of a claim.
    /// A vocabulary for claims only (`for_claims`).
    pub fn is_weak(&self, id: u32) -> bool {
        debug_assert!(self.paraphrases, "only a vocabulary for claims knows");
        self.weak.get(id as usize).copied().unwrap_or(false)
    }

    /// Whether a stem is one of `ROLE_WORDS`: a title or office, which says
    /// who, like a name. A vocabulary for claims only (`for_claims`).
    pub fn is_role(&self, id: u32) -> bool {
        debug_assert!(self.paraphrases, "only a vocabulary for claims knows");
        self.role.get(id as usize).copied().unwrap_or(false)
    }

    /// Whether a stem is an everyday English word's (`EVERYDAY_STEMS`).
    /// A vocabulary for claims only (`for_claims`).
    pub fn is_everyday(&self, id: u32) -> bool {
        debug_assert!(self.paraphrases, "only a vocabulary for claims knows");
        self.everyday.get(id as usize).copied().unwrap_or(false)
    }

    /// Whether a stem is a word of magnitude (`million`): part of an amount.
    /// A vocabulary for claims only (`for_claims`).
    pub fn is_magnitude(&self, id: u32) -> bool {
        debug_assert!(self.paraphrases, "only a vocabulary for claims knows");
        self.magnitude.get(id as usize).copied().unwrap_or(false)
    }

    /// The value of a stem that is a plain figure.
    pub fn value(&self, id: u32) -> Option<f64> {
        self.value.get(id as usize).copied().flatten()
    }

    /// The value of the figure a number stem opens with (`136-unit`: 136).
    /// A vocabulary for claims only (`for_claims`).
    pub fn leading_figure(&self, id: u32) -> Option<f64> {
        self.leading.get(id as usize).copied().flatten()
    }

    /// Whether a stem is a function word.
    pub fn is_stop(&self, id: u32) -> bool {
        self.stop.get(id as usize).copied().unwrap_or(false)
    }

    /// Whether a stem is a number (`5%`, `2025`, `3.4`).
    pub fn is_number(&self, id: u32) -> bool {
        self.number.get(id as usize).copied().unwrap_or(false)
    }

    /// Rarer words weigh more (inverse document frequency).
    pub fn weight(&self, id: u32) -> f64 {
        if let Some(w) = self.frozen.get(id as usize) {
            return *w;
        }
        let df = self.df[id as usize] as f64;
        ((self.docs as f64 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Computes every weight once, for many similarity calls after profiling
    /// is done (profiling more sentences afterwards clears it).
    pub fn freeze(&mut self) {
        self.freeze_with(0);
    }

    /// `freeze`, counting the pool as at least `min_docs` sentences: in a
    /// pool of a few sentences, a word two of them share is by that alone
    /// "common" and weighs less than any unshared word, which a bigger
    /// pool would not make it.
    pub fn freeze_with(&mut self, min_docs: u32) {
        let docs = self.docs.max(min_docs) as f64;
        self.frozen = self
            .df
            .iter()
            .map(|&df| ((docs + 1.0) / (df as f64 + 1.0)).ln() + 1.0)
            .collect();
    }

    /// Weighted Dice overlap of content words, raised by a shared quotation.
    pub fn similarity(&self, a: &Profile, b: &Profile) -> f64 {
        let dice = self.dice(&a.stems, &b.stems);
        self.raised_by_quotes(a, b, dice)
    }

    /// `similarity` of two profiles whose stems' summed weights (`weight_of`)
    /// are known: one who compares each sentence with many sums them once.
    pub fn similarity_weighed(&self, a: &Profile, wa: f64, b: &Profile, wb: f64) -> f64 {
        let dice = if a.stems.is_empty() || b.stems.is_empty() {
            0.0
        } else {
            2.0 * self.shared_weight(&a.stems, &b.stems, |id| self.weight(id)) / (wa + wb)
        };
        self.raised_by_quotes(a, b, dice)
    }

    /// The summed weight of a bag of stems, as `similarity` sums it.
    pub fn weight_of(&self, stems: &[u32]) -> f64 {
        stems.iter().map(|&s| self.weight(s)).sum()
    }

    /// `dice`, raised by a shared quotation as `similarity` raises it.
    fn raised_by_quotes(&self, a: &Profile, b: &Profile, dice: f64) -> f64 {
        let quote = quote_similarity(a, b);
        if quote > 0.0 {
            // A shared quotation makes the pair homologous, while the other
            // words still rank candidates (a split beats half of it).
            dice.max(0.6 + 0.3 * quote + 0.1 * dice)
        } else {
            dice
        }
    }

    /// Similarity of `a` against two sentences read as one (splits and merges).
    pub fn similarity_joined(&self, a: &Profile, b1: &Profile, b2: &Profile) -> f64 {
        let mut joined: Vec<u32> = b1.stems.iter().chain(&b2.stems).copied().collect();
        joined.sort_unstable();
        let mut quotes = b1.quotes.clone();
        quotes.extend(b2.quotes.iter().cloned());
        let b = Profile {
            stems: joined,
            quotes,
        };
        self.similarity(a, &b)
    }

    /// Overlap of content words alone, without the quotation signal: what a
    /// sentence edited in place keeps.
    pub fn word_similarity(&self, a: &Profile, b: &Profile) -> f64 {
        self.dice(&a.stems, &b.stems)
    }

    /// How alike two sentences are as claims: the mean of weighted Dice and
    /// weighted overlap (shared weight over the lighter sentence), so a
    /// shorter report of a fact matches the longer sentence that also carries
    /// it; raised by a shared quotation as `similarity` is.
    pub fn claim_similarity(&self, a: &Profile, b: &Profile) -> f64 {
        // A number is a fact: it weighs twice as much as a word of its rarity
        // (a year says when, and weighs as a word).
        let weigh = |id: u32| {
            let w = self.weight(id);
            if self.number[id as usize] && !self.when[id as usize] {
                2.0 * w
            } else {
                w
            }
        };
        let (shared, ta, tb) = self.shared_by(&a.stems, &b.stems, weigh);
        if ta == 0.0 || tb == 0.0 {
            return 0.0;
        }
        // The lighter sentence counts as at least 60% of the heavier, so a
        // three-word aside is not "contained" in every long sentence.
        let lighter = ta.min(tb).max(0.6 * ta.max(tb));
        let words = (2.0 * shared / (ta + tb) + shared / lighter) / 2.0;
        let quote = quote_similarity(a, b);
        if quote > 0.0 {
            words.max(0.6 + 0.3 * quote + 0.1 * words)
        } else {
            words
        }
    }

    /// (shared weight, weight of a, weight of b) of two bags of stems.
    fn shared(&self, a: &[u32], b: &[u32]) -> (f64, f64, f64) {
        self.shared_by(a, b, |id| self.weight(id))
    }

    /// `shared`, each stem weighing `weigh(stem)`.
    fn shared_by(&self, a: &[u32], b: &[u32], weigh: impl Fn(u32) -> f64) -> (f64, f64, f64) {
        let shared = self.shared_weight(a, b, &weigh);
        let ta: f64 = a.iter().map(|&s| weigh(s)).sum();
        let tb: f64 = b.iter().map(|&s| weigh(s)).sum();
        (shared, ta, tb)
    }

    /// The weight of the stems two bags share, each stem weighing `weigh(stem)`.
    fn shared_weight(&self, a: &[u32], b: &[u32], weigh: impl Fn(u32) -> f64) -> f64 {
        let (mut i, mut j) = (0, 0);
        let mut shared = 0.0;
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += weigh(a[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        shared
    }

    fn dice(&self, a: &[u32], b: &[u32]) -> f64 {
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let (shared, ta, tb) = self.shared(a, b);
        2.0 * shared / (ta + tb)
    }
}

/// The value of the figure a stem opens with: its leading digits, decimal
/// point and thousands commas (`1,500`, `4%`, `136-uni`).
fn leading_figure(stem: &str) -> Option<f64> {
    let end = stem
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(stem.len());
    stem[..end]
        .trim_end_matches(['.', ','])
        .replace(',', "")
        .parse::<f64>()
        .ok()
}

/// An ASCII stem of at most seven bytes packed as `ascii_stem_key` packs it.
fn pack_stem(stem: &str) -> u64 {
    stem.bytes()
        .take(7)
        .enumerate()
        .fold(0u64, |k, (i, c)| k | u64::from(c) << (8 * i))
}

/// Words news reports use for one another when they tell the same fact,
/// by group: a claim told with one is the claim told with another
/// (`dismissed the latest challenge` / `rejected another effort`, `relieved
/// of his command` / `removed from his position`, `moderate` / `centrist`
/// Democrats). Only words that mean the same in a news report whatever the
/// story: verbs of what happened (rejecting, destroying, removing, leaving,
/// dying, arresting, winning, approving, announcing, criticising, warning,
/// beginning, resigning, rising, falling, delaying, banning, charging,
/// suing, vowing, shutting) and the nouns of such reports (a deal, talks, a
/// truce, a probe, a freeze, migrants, lawmakers, children; the political
/// camps). Used for claims only (`Vocab::for_claims`); inflections come off
/// first, so each word is listed in its plain forms and irregular ones.
const PARAPHRASES: &[&[&str]] = &[
    &["reject", "dismiss", "rebuff", "spurn"],
    &[
        "destroy",
        "demolish",
        "flatten",
        "raze",
        "pulverize",
        "pulverise",
    ],
    &["remove", "oust", "relieve"],
    &["depart", "departing", "leave", "leaving", "outgoing"],
    &["moderate", "centrist"],
    &["progressive", "liberal"],
    &["moratorium", "freeze"],
    &["kill", "killed", "dead", "die", "died", "dies", "death"],
    &["arrest", "detain"],
    &["win", "won", "victory", "victorious"],
    &["approve", "approval", "authorize", "authorise"],
    &["announce", "announcement", "unveil"],
    &[
        "criticize",
        "criticise",
        "criticism",
        "slam",
        "condemn",
        "rebuke",
        "denounce",
        "decry",
        "lambaste",
    ],
    &["warn", "warning", "caution"],
    &["begin", "began", "begun", "start", "launch", "commence"],
    &["resign", "resignation", "quit"],
    &[
        "increase", "rise", "rose", "risen", "climb", "surge", "soar",
    ],
    &["decrease", "decline", "drop", "plunge", "slump", "tumble"],
    &["delay", "postpone"],
    &["ban", "prohibit", "outlaw"],
    &["charge", "indict", "indictment"],
    &["lawsuit", "sue"],
    &["vow", "pledge", "promise"],
    &["shut", "shutdown"],
    &["deal", "agreement", "pact"],
    &["talk", "negotiation", "negotiate"],
    &["truce", "ceasefire"],
    &["investigation", "investigate", "probe", "inquiry"],
    &["migrant", "immigrant"],
    &["lawmaker", "legislator"],
    &["child", "children", "kid"],
];

/// How claims read a word (`Vocab::for_claims`), beside `PARAPHRASES`: one
/// fact told in other forms of the same words is the same fact.
enum ClaimsForm {
    AsWritten,
    /// Read as this word instead.
    Word(String),
    /// Read as a function word.
    Function,
}

/// Nouns in `-ment` or `-ation` that do not name the act of a verb spelled
/// like their first part (`department` is no departing, `statement` no
/// state, `judgment` no judge, `foundation` nothing found).
const NOT_VERBAL: &[&str] = &[
    "apartment",
    "compartment",
    "comment",
    "department",
    "document",
    "element",
    "foundation",
    "fragment",
    "garment",
    "judgement",
    "judgment",
    "moment",
    "segment",
    "sentiment",
    "statement",
];

/// A word as claims read it: a percentage as its figure and `percent` as a function word (`4.2%` and
/// `4.2 percent` are one figure); the noun of an act as its verb
/// (`investment` is `invest`, `declaration` is `declare`, `introduction`
/// is `introduce`), unless it is one of `PARAPHRASES` as it stands.
fn claims_form(word: &str) -> ClaimsForm {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '%');
    if let Some(dotted) = acronym_dotted(w) {
        return ClaimsForm::Word(dotted);
    }
    if !w.is_ascii() || w.len() < 3 {
        return ClaimsForm::AsWritten;
    }
    if w.starts_with(|c: char| c.is_ascii_digit()) {
        return match w.strip_suffix('%') {
            Some(figure) => ClaimsForm::Word(figure.to_string()),
            None => ClaimsForm::AsWritten,
        };
    }
    let lower = w.to_ascii_lowercase();
    if matches!(lower.as_str(), "percent" | "pct") {
        return ClaimsForm::Function;
    }
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if paraphrase_of(&stem(&lower)).is_some() || NOT_VERBAL.contains(&singular) {
        return ClaimsForm::AsWritten;
    }
    for suffix in ["ment", "ation", "ition", "uction"] {
        let Some(base) = singular.strip_suffix(suffix) else {
            continue;
        };
        // `nation`, `station`, `ration`: too short a base to be a verb.
        if base.len() < 4 {
            return ClaimsForm::AsWritten;
        }
        let verb = match suffix {
            "ition" => format!("{base}e"),
            "uction" => format!("{base}uce"),
            _ => base.to_string(),
        };
        return ClaimsForm::Word(verb);
    }
    ClaimsForm::AsWritten
}

/// An acronym of two or three capitals (`UN`, `EU`, `UN's`) as its dotted
/// form (`U.N.`): the same letters written otherwise are another word (the
/// `Un` of `Kim Jong Un`), and `U.N.` is the same. Not one whose letters
/// are a function word (`US`, `IT`, `WHO`: read as that word, as before).
fn acronym_dotted(w: &str) -> Option<String> {
    let letters = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    let capitals = (2..=3).contains(&letters.len())
        && letters.bytes().all(|c| c.is_ascii_uppercase())
        && !is_stopword(&letters.to_ascii_lowercase());
    capitals.then(|| letters.chars().flat_map(|c| [c, '.']).collect())
}

/// The stem standing for a stem's group of `PARAPHRASES` (its first word's),
/// when the stem is in one and is not that stem itself.
fn paraphrase_of(stem: &str) -> Option<&'static str> {
    static STEMS: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        let mut v: Vec<(String, String)> = PARAPHRASES
            .iter()
            .flat_map(|group| {
                let first = self::stem(group[0]);
                group
                    .iter()
                    .map(move |w| (self::stem(w), first.clone()))
                    .filter(|(w, first)| w != first)
            })
            .collect();
        v.sort();
        v.dedup();
        v
    });
    let i = stems.binary_search_by(|(w, _)| w.as_str().cmp(stem)).ok()?;
    Some(stems[i].1.as_str())
}

/// Stems of the words that say when (months by their short form, as `stem`
/// gives them).
const WHEN: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "monday",
    "tuesday", "wednesd", "thursda", "friday", "saturda", "sunday", "today", "tonight", "yesterd",
    "tomorro", "recent", "recentl", "week", "month", "decade",
];

/// Whether a stem says when: a month, a weekday, a day named from today,
/// `recent`, or a year (four digits from 1900 to 2099).
fn is_when(stem: &str) -> bool {
    let year = stem.len() == 4
        && stem.bytes().all(|c| c.is_ascii_digit())
        && (stem.starts_with("19") || stem.starts_with("20"));
    year || WHEN.contains(&stem)
}

/// Words that are no evidence that two sentences say the same thing, though
/// they are not function words everywhere: degree and linking words, the
/// verbs that frame a statement (`Speaking in Brussels, …`, `… he told
/// reporters`, `according to`, `known as`) and those that frame an outlook rather than
/// a fact (`hoping to pass`, `despite hopes`, `than expected`).
const WEAK_WORDS: &[&str] = &[
    "much",
    "many",
    "less",
    "least",
    "even",
    "still",
    "already",
    "yet",
    "however",
    "though",
    "although",
    "like",
    "since",
    "among",
    "amid",
    "whether",
    "within",
    "without",
    "upon",
    "around",
    "almost",
    "nearly",
    "ever",
    "perhaps",
    "rather",
    "quite",
    "away",
    "back",
    "ago",
    "instead",
    "later",
    "earlier",
    "speak",
    "spoke",
    "spoken",
    "tell",
    "add",
    "comment",
    "write",
    "wrote",
    "written",
    "report",
    "according",
    "known",
    "ask",
    "hope",
    "expect",
    "former",
];

/// Titles and offices: a sentence that names someone by them (`the
/// chairman of the Joint Chiefs`, `Fox News host`, `the former president`)
/// says who, as a name does; two sentences that share one share a person,
/// not a fact.
const ROLE_WORDS: &[&str] = &[
    "ambassador",
    "anchor",
    "chairman",
    "chairwoman",
    "commander",
    "correspondent",
    "director",
    "editor",
    "founder",
    "governor",
    "host",
    "justice",
    "mayor",
    "minister",
    "official",
    "president",
    "reporter",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Whether a stem is the stem of one of `words`.
/// Whether a stem is the stem of one of `ROLE_WORDS` (their stems made
/// once: stemming the list for every new word of every story's vocabulary
/// cost a pile of 438 articles a third of its time).
fn is_role_word(stem: &str) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        let mut v: Vec<String> = ROLE_WORDS.iter().map(|w| self::stem(w)).collect();
        v.sort();
        v.dedup();
        v
    });
    stems.binary_search_by(|s| s.as_str().cmp(stem)).is_ok()
}

/// Whether a stem is the stem of one of `WEAK_WORDS`.
fn is_weak(stem: &str) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        let mut v: Vec<String> = WEAK_WORDS.iter().map(|w| self::stem(w)).collect();
        v.sort();
        v.dedup();
        v
    });
    stems.binary_search_by(|s| s.as_str().cmp(stem)).is_ok()
}

/// Whether a lower-case word is a function word that carries no topic.
pub(crate) fn is_stopword(word: &str) -> bool {
    is_stopword_bytes(word.as_bytes())
}

fn is_stopword_bytes(b: &[u8]) -> bool {
    b.len() <= 7 && !b.contains(&0) && STOP_KEYS.binary_search(&pack_be(b)).is_ok()
}

/// A word of at most seven bytes packed big-endian and zero-padded into an
/// integer: packed words sort as the words do, and compare without `memcmp`.
const fn pack_be(b: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < 8 {
        key <<= 8;
        if i < b.len() {
            key |= b[i] as u64;
        }
        i += 1;
    }
    key
}

/// `STOPWORDS` packed (`pack_be`; every stopword has at most seven bytes),
/// in the same order.
const STOP_KEYS: [u64; STOPWORDS.len()] = {
    let mut keys = [0u64; STOPWORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        assert!(STOPWORDS[i].len() <= 7);
        keys[i] = pack_be(STOPWORDS[i].as_bytes());
        i += 1;
    }
    keys
};

/// The stems claims give the everyday English words of `everyday-words.txt`
/// (SCOWL's two smallest sizes, ~11,000 words; notices in
/// `everyday-words.LICENSE`), one a line, sorted, each once: a generated
/// file, which the test `everyday_stems_are_the_words_stems` checks (and
/// rewrites when `STORYDIFF_WRITE_EVERYDAY` is set).
const EVERYDAY_STEMS_TEXT: &str = include_str!("everyday-stems.txt");

/// `EVERYDAY_STEMS_TEXT` packed (`pack_be`), at compile time: no start-up cost.
static EVERYDAY_STEMS: [u64; line_count(EVERYDAY_STEMS_TEXT)] = pack_lines(EVERYDAY_STEMS_TEXT);

/// Whether a stem is one of `EVERYDAY_STEMS`.
fn is_everyday_stem(stem: &str) -> bool {
    let b = stem.as_bytes();
    b.len() <= 7 && !b.contains(&0) && EVERYDAY_STEMS.binary_search(&pack_be(b)).is_ok()
}

/// How many lines a text of lines each ending in a newline has.
const fn line_count(text: &str) -> usize {
    let b = text.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' {
            n += 1;
        }
        i += 1;
    }
    n
}

/// Each line of a text (`line_count` of them, each at most seven bytes)
/// packed (`pack_be`).
const fn pack_lines<const N: usize>(text: &str) -> [u64; N] {
    let b = text.as_bytes();
    let mut keys = [0u64; N];
    let (mut line, mut i, mut len) = (0, 0, 0);
    while i < b.len() {
        if b[i] == b'\n' {
            assert!(len >= 1 && len <= 7, "a stem has one to seven bytes");
            keys[line] <<= 8 * (8 - len);
            line += 1;
            len = 0;
        } else {
            keys[line] = keys[line] << 8 | b[i] as u64;
            len += 1;
        }
        i += 1;
    }
    keys
}

/// Each value of a sorted slice once.
pub(crate) fn distinct(sorted: &[u32]) -> impl Iterator<Item = u32> + '_ {
    sorted
        .iter()
        .enumerate()
        .filter(|&(i, v)| i == 0 || sorted[i - 1] != *v)
        .map(|(_, &v)| v)
}

/// Average linkage between two groups: the mean `score` over every pair
/// of their first `sample` members (so big groups stay cheap). Two groups
/// that agree only through one pair, or through a chain of near-misses,
/// score low.
pub(crate) fn average_link(
    a: &[usize],
    b: &[usize],
    sample: usize,
    score: impl Fn(usize, usize) -> f64,
) -> f64 {
    let (sa, sb) = (&a[..a.len().min(sample)], &b[..b.len().min(sample)]);
    let total: f64 = sa
        .iter()
        .flat_map(|&x| sb.iter().map(move |&y| (x, y)))
        .map(|(x, y)| score(x, y))
        .sum();
    total / ((sa.len() * sb.len()) as f64)
}

/// Longest run of words shared by a quotation of each side, as a share of the
/// shorter quotation (0 when no run reaches four words).
pub(crate) fn quote_similarity(a: &Profile, b: &Profile) -> f64 {
    let mut best = 0.0f64;
    for qa in &a.quotes {
        for qb in &b.quotes {
            let run = longest_common_run(qa, qb);
            if run >= 4 {
                best = best.max(run as f64 / qa.len().min(qb.len()) as f64);
            }
        }
    }
    best
}

pub(crate) fn longest_common_run(a: &[u32], b: &[u32]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            best = best.max(cur[j + 1]);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reflowed_copy_profiles_as_the_text() {
        let text = "The “quick” brown fox-like dog, at 4.5% of $5bn, ran (again).";
        let copy = "The “quick”\nbrown  fox-like\tdog, at 4.5% of\u{a0}$5bn,\r\nran (again).";
        assert!(profiles_alike(text, copy));
        assert!(!profiles_alike(text, "The “quick” brown fox-like dog ran."));
        let mut vocab = Vocab::for_claims();
        let (a, b) = (vocab.profile(text), vocab.profile(copy));
        assert_eq!((a.stems, a.quotes), (b.stems, b.quotes));
    }

    #[test]
    fn ascii_words_read_as_quoted_words_do() {
        let pieces = [
            "a", "Z", "9", "\"", ",", ".", ";", ":", "?", "!", ")", "(", "%", "'", "-", "x",
        ];
        for w in crate::testing::random_texts(&pieces, 5_000, 7, 0x2545_f491_4f6c_dd1d) {
            assert_eq!(ascii_quoted_word(&w), quoted_word(&w), "{w:?}");
        }
    }

    #[test]
    fn plain_words_are_their_own_term() {
        let pieces = [
            "a", "Z", "9", "-", "’", ",", ".", "%", "k", "bn", "000", "é", "x-y", "'s",
        ];
        for w in crate::testing::random_texts(&pieces, 5_000, 6, 0x1234_5678_9abc_def1) {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            terms_of_parts(&w, |t| fast.push(t));
            figures_and_parts(&w, |t| slow.push(t));
            assert_eq!(fast, slow, "{w:?}");
        }
    }

    #[test]
    fn quotation_marks_are_counted_as_characters() {
        let pieces = [
            "\"", "“", "”", "«", "»", "‘", "’", "—", "a", " ", "é", "\u{2018}", "\u{201e}",
        ];
        for s in crate::testing::random_texts(&pieces, 2_000, 12, 0x51_7c_c1_b7) {
            let want = (
                s.matches('"').count(),
                s.matches(['“', '«']).count(),
                s.matches(['”', '»']).count(),
            );
            assert_eq!(quotation_marks(s.as_bytes()), want, "{s:?}");
        }
    }

    #[test]
    fn shared_quote_in_different_words_is_homologous() {
        let mut v = Vocab::default();
        let a = v.profile("“There is a recognition that the whole world and the US is invested in peace, in a negotiated peace,” Hegseth said ahead of a meeting.");
        let b = v.profile("There is a recognition that the whole world and the United States is invested and interested in peace,” Hegseth stated.");
        let c = v.profile("The weather in Lisbon was mild for the time of year.");
        assert!(v.similarity(&a, &b) > 0.6, "{}", v.similarity(&a, &b));
        assert!(v.similarity(&a, &c) < 0.1);
    }

    #[test]
    fn packed_ascii_stems_agree_with_stem() {
        let words = [
            "Zelensky",
            "Zelenskyy",
            "NATO's",
            "Nato's",
            "'s",
            "s",
            "U.S.",
            "(said)",
            "22.5%",
            "5%",
            "%",
            "1234567%",
            "123456%",
            "--",
            "x",
            "recognition",
            "recognising",
            "it's",
            "e-mail",
            "\"quoted\"",
            "a'S",
            "'",
        ];
        // And many generated words over the characters that matter.
        let alphabet = [
            "a", "Z", "s", "9", "S", "'", "%", ".", "-", "\"", "0", "x", "Q",
        ];
        let generated = crate::testing::random_texts(&alphabet, 20_000, 12, 0x2545_f491_4f6c_dd1d);
        let mut seen: HashMap<u64, String> = HashMap::new();
        for w in words
            .iter()
            .copied()
            .chain(generated.iter().map(String::as_str))
        {
            let key = ascii_stem_key(w).unwrap();
            let st = stem(w);
            if let Some(prev) = seen.insert(key, st.clone()) {
                assert_eq!(prev, st, "{w}: two stems share one key");
            }
            let mut unpacked = String::new();
            for i in 0..8 {
                let c = (key >> (8 * i)) as u8;
                if c != 0 {
                    unpacked.push(c as char);
                }
            }
            assert_eq!(unpacked, st, "{w}");
        }
        assert_eq!(ascii_stem_key("Café"), None);
        // The first two or three bytes of a key are known before stemming,
        // over the letters the inflection rules read too.
        let inflected = [
            "a", "e", "i", "y", "s", "n", "g", "d", "I", "E", "S", "'", "%", "9", "-", ".",
        ];
        let more = crate::testing::random_texts(&inflected, 20_000, 12, 0x9e37_79b9_7f4a_7c15);
        let named = [
            "flies", "dying", "stopped", "March", "Sept.", "Russia's", "5%", "10%s", "a's", "I'S",
            "ties", "pies", "dies", "eyes", "sees", "100%", "U.S.", "don't", "ageing", "Bob's",
        ];
        for w in named.iter().copied().chain(more.iter().map(String::as_str)) {
            let key = ascii_stem_key(w).unwrap();
            let b = key.to_le_bytes();
            match ascii_stem_head(w) {
                Some(StemHead::Two(prefix)) => {
                    assert_eq!(u64::from(prefix), key & 0xffff, "{w}")
                }
                Some(StemHead::Three(h)) => {
                    assert!(b[2] != 0, "{w}");
                    assert_eq!(h, head3(b[0], b[1], b[2]), "{w}");
                }
                None => {}
            }
        }
    }

    /// The stems of `everyday-words.txt` as claims read them: each word's
    /// claims form stemmed, a paraphrase as its group's first stem.
    fn everyday_stems() -> String {
        let mut stems: Vec<String> = include_str!("everyday-words.txt")
            .lines()
            .filter_map(|w| match claims_form(w) {
                ClaimsForm::AsWritten => Some(stem(w)),
                ClaimsForm::Word(v) => Some(stem(&v)),
                ClaimsForm::Function => None,
            })
            .map(|s| paraphrase_of(&s).map_or(s, str::to_string))
            .filter(|s| !s.is_empty())
            .collect();
        stems.sort();
        stems.dedup();
        stems.iter().map(|s| format!("{s}\n")).collect()
    }

    #[test]
    fn everyday_stems_are_the_words_stems() {
        let stems = everyday_stems();
        if std::env::var_os("STORYDIFF_WRITE_EVERYDAY").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/align/everyday-stems.txt");
            std::fs::write(path, &stems).unwrap();
        }
        assert!(
            stems == EVERYDAY_STEMS_TEXT,
            "everyday-stems.txt is stale: run this test with STORYDIFF_WRITE_EVERYDAY=1"
        );
        assert_eq!(EVERYDAY_STEMS.len(), stems.lines().count());
        assert!(EVERYDAY_STEMS.windows(2).all(|w| w[0] < w[1]));
        for w in ["house", "houses", "water", "announcement", "government"] {
            let mut v = Vocab::for_claims();
            let id = v.id(w);
            assert!(v.is_everyday(id), "{w}");
        }
        for w in ["zelensky", "pistorius", "molnupiravir", "5%", "2021"] {
            let mut v = Vocab::for_claims();
            let id = v.id(w);
            assert!(!v.is_everyday(id), "{w}");
        }
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOPWORDS.iter().all(|w| is_stopword(w)));
        for not in [
            "",
            "a\0",
            "aboutx",
            "zzzzzzz",
            "themselvs",
            "a\u{e9}",
            "abouts",
        ] {
            assert!(!is_stopword(not), "{not}");
        }
    }

    #[test]
    fn chinese_counts_as_pairs_of_characters() {
        let mut got = Vec::new();
        terms("美国国防部长Trump说，", |t| got.push(t));
        assert_eq!(
            got,
            vec!["美国", "国国", "国防", "防部", "部长", "Trump", "说"]
        );
        got.clear();
        terms("plain", |t| got.push(t));
        assert_eq!(got, vec!["plain"]);
        // An edit near the start of a sentence no longer hides the rest.
        let mut v = Vocab::default();
        let a =
            v.profile("美国国防部长赫格塞斯周三在布鲁塞尔表示，结束战争的一切选项都在谈判桌上。");
        let b = v.profile("美防长赫格塞斯周三在布鲁塞尔说，结束战争的一切选项都在谈判桌上。");
        let c = v.profile("北约盟国的部长们将于周四继续会谈。");
        assert!(v.similarity(&a, &b) > 0.6, "{}", v.similarity(&a, &b));
        assert!(v.similarity(&a, &c) < 0.2, "{}", v.similarity(&a, &c));
    }

    #[test]
    fn paraphrases_are_one_word_in_claims_only() {
        let mut claims = Vocab::for_claims();
        let a = claims.profile("The court dismissed the challenge.");
        let b = claims.profile("The court rejected the challenge.");
        assert_eq!(a.stems, b.stems);
        let mut plain = Vocab::default();
        let a = plain.profile("The court dismissed the challenge.");
        let b = plain.profile("The court rejected the challenge.");
        assert_ne!(a.stems, b.stems);
        // Every group's words stem apart, and no word is in two groups.
        let mut seen = std::collections::HashSet::new();
        for group in PARAPHRASES {
            let stems: std::collections::HashSet<String> = group.iter().map(|w| stem(w)).collect();
            for s in &stems {
                assert!(seen.insert(s.clone()), "{s} is in two groups");
            }
        }
    }

    #[test]
    fn claims_read_percentages_and_acts_as_one() {
        let mut claims = Vocab::for_claims();
        let a = claims.profile("Prices rose 4.2% after the investment.");
        let b = claims.profile("Prices rose 4.2 percent after they invest.");
        assert_eq!(a.stems, b.stems);
        let c = claims.profile("The declaration of an emergency.");
        let d = claims.profile("He declared an emergency.");
        assert_eq!(c.stems, d.stems);
        // A department is no departing, a statement no state, a nation no `n`.
        let e = claims.profile("department statement nation");
        let f = claims.profile("depart state n");
        assert!(e.stems.iter().all(|s| !f.stems.contains(s)), "{e:?} {f:?}");
        // Outside claims, words are read as written.
        let mut plain = Vocab::default();
        let a = plain.profile("Prices rose 4.2% after the investment.");
        let b = plain.profile("Prices rose 4.2 percent after they invest.");
        assert_ne!(a.stems, b.stems);
    }

    #[test]
    fn claims_read_an_acronym_apart_from_the_same_letters_otherwise_written() {
        let mut claims = Vocab::for_claims();
        let un = claims.profile("a breach of UN resolutions");
        let kim = claims.profile("by Kim Jong Un's regime");
        assert!(
            un.stems.iter().all(|s| !kim.stems.contains(s)),
            "{un:?} {kim:?}"
        );
        // `U.N.` and `UN` are one body; letters that are a function word
        // (`US`, `WHO`) read as before.
        let dotted = claims.profile("a breach of U.N. resolutions");
        assert_eq!(un.stems, dotted.stems);
        assert_eq!(acronym_dotted("EU’s").as_deref(), Some("E.U."));
        for w in ["US", "WHO", "IT", "Un", "NATO", "U"] {
            assert_eq!(acronym_dotted(w), None, "{w}");
        }
    }

    #[test]
    fn amounts_agree_however_written() {
        let parts = |w: &str| {
            let mut got = Vec::new();
            terms_of_parts(w, |t| got.push(stem(t)));
            got
        };
        assert_eq!(parts("194,000"), ["194", "thousan"]);
        assert_eq!(parts("194K"), ["194", "thousan"]);
        assert_eq!(parts("$1.8T"), ["1.8", "trillio"]);
        assert_eq!(parts("$3.5bn,"), ["3.5", "billion"]);
        assert_eq!(parts("7,000,000"), ["7", "million"]);
        assert_eq!(parts("10,503"), ["10,503"]);
        assert_eq!(parts("2021"), ["2021"]);
        assert_eq!(parts("F-22s"), ["f-22s"]);
    }

    #[test]
    fn name_variants_share_a_stem() {
        assert_eq!(stem("Zelenskyy"), stem("Zelensky"));
        assert_eq!(stem("“Nato’s"), stem("NATO's"));
    }
}

#[cfg(test)]
mod quote_fragments {
    use super::*;
    #[test]
    fn fragment_of_a_longer_quote() {
        let mut v = Vocab::default();
        let a = v.profile("“In my view it would have been better to speak about a possible Nato membership for Ukraine or possible losses of territory at the negotiating table,” Pistorius said.");
        let b = v.profile("Germany’s Defence Minister Boris Pistorius was frank in his comments, saying it “would have been better” if the US had not given Russia concessions before negotiations started.");
        assert_eq!(b.quotes.len(), 1, "{:?}", b.quotes);
        assert!(v.similarity(&a, &b) >= 0.9, "{}", v.similarity(&a, &b));
    }
}
