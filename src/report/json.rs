//! The JSON contract (v1): article objects shared by `inspect`, `diff` and `story`.

use std::io;

use serde::Serialize;

use crate::align::Unit;
use crate::article::Article;

/// An article as the JSON contract shapes it; ids are prefixed with the side
/// letter (`o` old, `n` new).
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    pub path: &'a str,
    pub format: &'static str,
    pub encoding: &'static str,
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub date: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub words: usize,
    pub notes: &'a [String],
    pub text: &'a str,
    pub blocks: Vec<BlockJson<'a>>,
}

/// A block or sentence id (`o3`, `n4.2`), written without allocating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Id {
    pub side: char,
    pub block: usize,
    pub sentence: Option<usize>,
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.sentence {
            Some(s) => write!(f, "{}{}.{}", self.side, self.block + 1, s + 1),
            None => write!(f, "{}{}", self.side, self.block + 1),
        }
    }
}

impl Id {
    /// Writes the id at the start of `buf` (at least 46 bytes), returning
    /// its length.
    fn write_into(&self, buf: &mut [u8]) -> usize {
        let mut len = self.side.encode_utf8(buf).len();
        len += write_decimal(&mut buf[len..], self.block + 1);
        if let Some(sentence) = self.sentence {
            buf[len] = b'.';
            len += 1;
            len += write_decimal(&mut buf[len..], sentence + 1);
        }
        len
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Written into a stack buffer: thousands of ids per report, and the
        // formatting machinery costs more than the digits.
        let mut buf = [0u8; 48];
        let len = self.write_into(&mut buf);
        match std::str::from_utf8(&buf[..len]) {
            Ok(id) => s.serialize_str(id),
            Err(_) => s.collect_str(self),
        }
    }
}

impl Id {
    /// The id as a JSON string, as it serialises (ids need no escaping).
    pub(crate) fn push_json(&self, out: &mut Vec<u8>) {
        // Straight onto the output, quotes and all in one copy: a report
        // writes an id for every sentence.
        let mut buf = [0u8; 48];
        buf[0] = b'"';
        let len = 1 + self.write_into(&mut buf[1..]);
        buf[len] = b'"';
        out.extend_from_slice(&buf[..=len]);
    }
}

/// Writes `n` in decimal at the start of `out` (at least 20 bytes long),
/// returning the number of bytes written.
fn write_decimal(out: &mut [u8], n: usize) -> usize {
    let mut buf = itoa::Buffer::new();
    let digits = buf.format(n).as_bytes();
    out[..digits.len()].copy_from_slice(digits);
    digits.len()
}

#[derive(Serialize)]
pub struct BlockJson<'a> {
    pub id: Id,
    pub role: &'static str,
    pub reason: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    pub sentences: Vec<SentenceJson>,
}

#[derive(Clone, Copy, Serialize)]
pub struct SentenceJson {
    pub id: Id,
    pub start: usize,
    pub end: usize,
}

/// Block ids are 1-based: `o3` is the old side's third block, `o3.1` its first sentence.
pub fn block_id(side: char, block: usize) -> String {
    format!("{side}{}", block + 1)
}

pub fn sentence_id(side: char, block: usize, sentence: usize) -> String {
    format!("{side}{}.{}", block + 1, sentence + 1)
}

impl<'a> ArticleJson<'a> {
    /// An article as loaded, with its sentences.
    pub fn new(article: &'a Article, side: char) -> Self {
        let mut out = ArticleJson::without_sentences(article, side);
        for (bi, (b, block)) in out.blocks.iter_mut().zip(&article.blocks).enumerate() {
            b.sentences = block
                .sentences
                .iter()
                .enumerate()
                .map(|(si, s)| SentenceJson {
                    id: Id {
                        side,
                        block: bi,
                        sentence: Some(si),
                    },
                    start: article.source_offset(s.start),
                    end: article.source_offset(s.end),
                })
                .collect();
        }
        out
    }

    /// One side of a comparison: its sentences as the comparison's units
    /// cut them (the engine may cut a loaded sentence where the other side
    /// opens a paragraph), so the ops' ids name them.
    pub fn with_units(article: &'a Article, side: char, units: &[Unit]) -> Self {
        let mut out = ArticleJson::without_sentences(article, side);
        for u in units {
            if let Some(b) = out.blocks.get_mut(u.block) {
                b.sentences.push(SentenceJson {
                    id: Id {
                        side,
                        block: u.block,
                        sentence: Some(u.sentence),
                    },
                    start: article.source_offset(u.span.start),
                    end: article.source_offset(u.span.end),
                });
            }
        }
        out
    }

    fn without_sentences(article: &'a Article, side: char) -> Self {
        ArticleJson {
            blocks: article
                .blocks
                .iter()
                .enumerate()
                .map(|(bi, b)| BlockJson {
                    id: Id {
                        side,
                        block: bi,
                        sentence: None,
                    },
                    role: b.role.as_str(),
                    reason: b.reason.as_deref(),
                    start: article.source_offset(b.span.start),
                    end: article.source_offset(b.span.end),
                    sentences: Vec::with_capacity(b.sentences.len()),
                })
                .collect(),
            ..ArticleJson::head(article)
        }
    }

    /// The article without its blocks.
    fn head(article: &'a Article) -> Self {
        ArticleJson {
            path: &article.path,
            format: article.format.as_str(),
            encoding: article.encoding,
            title: article.meta.title.as_deref(),
            byline: article.meta.byline.as_deref(),
            date: article.meta.date.as_deref(),
            outlet: article.meta.outlet.as_deref(),
            words: article.words(),
            notes: &article.notes,
            text: article.source_text(),
            blocks: Vec::new(),
        }
    }
}

impl ArticleJson<'_> {
    /// This article as compact JSON, byte for byte what the derived
    /// `Serialize` writes, appended to `out`. The diff report writes its two
    /// articles this way: through the serialiser, their thousand small
    /// objects and the two whole texts (escaped a byte at a time) were a
    /// tenth of a 40 KB `diff --format json`.
    pub fn write_compact(&self, out: &mut Vec<u8>) {
        self.write_compact_head(out);
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            b.write_compact(out);
        }
        out.extend_from_slice(b"]}");
    }

    /// The article up to its list of blocks: `{"path":…,"blocks":[`.
    fn write_compact_head(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"path\":");
        push_json_str(out, self.path);
        out.extend_from_slice(b",\"format\":");
        push_json_str(out, self.format);
        out.extend_from_slice(b",\"encoding\":");
        push_json_str(out, self.encoding);
        let meta: [(&[u8], Option<&str>); 4] = [
            (b",\"title\":", self.title),
            (b",\"byline\":", self.byline),
            (b",\"date\":", self.date),
            (b",\"outlet\":", self.outlet),
        ];
        for (key, value) in meta {
            out.extend_from_slice(key);
            match value {
                Some(v) => push_json_str(out, v),
                None => out.extend_from_slice(b"null"),
            }
        }
        push_number(out, b",\"words\":", self.words);
        out.extend_from_slice(b",\"notes\":[");
        for (i, note) in self.notes.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            push_json_str(out, note);
        }
        out.extend_from_slice(b"],\"text\":");
        push_json_str(out, self.text);
        out.extend_from_slice(b",\"blocks\":[");
    }

    /// One side of a comparison as compact JSON, byte for byte what
    /// `ArticleJson::with_units(article, side, units).write_compact` writes,
    /// streamed through `out`: the blocks are written as they are read,
    /// without building the article object first (a dictionary's 1 MB
    /// holds 12,000 blocks and 25,000 sentences).
    pub fn write_units_streamed(
        article: &Article,
        side: char,
        units: &[Unit],
        out: &mut Chunked,
    ) -> io::Result<()> {
        // Units run in reading order, block by block; were they ever not,
        // the article object sorts them into their blocks.
        if !units.is_sorted_by_key(|u| u.block) {
            ArticleJson::with_units(article, side, units).write_compact(&mut out.buf);
            return out.spill();
        }
        ArticleJson::head(article).write_compact_head(&mut out.buf);
        out.spill()?;
        let mut offsets = SourceOffsets::new(article);
        let mut rest = units;
        for (bi, b) in article.blocks.iter().enumerate() {
            if bi > 0 {
                out.buf.push(b',');
            }
            let here = rest.iter().take_while(|u| u.block == bi).count();
            let (mine, after) = rest.split_at(here);
            rest = after;
            // The block's id, `"o12` without its closing quote: each of its
            // sentences' ids goes on from it.
            let mut id = [0u8; 48];
            id[0] = b'"';
            let id_len = 1 + Id {
                side,
                block: bi,
                sentence: None,
            }
            .write_into(&mut id[1..]);
            let id = &id[..id_len];
            let buf = &mut out.buf;
            buf.extend_from_slice(b"{\"id\":");
            buf.extend_from_slice(id);
            buf.extend_from_slice(b"\",\"role\":");
            push_json_str(buf, b.role.as_str());
            buf.extend_from_slice(b",\"reason\":");
            match b.reason.as_deref() {
                Some(r) => push_json_str(buf, r),
                None => buf.extend_from_slice(b"null"),
            }
            push_number(buf, b",\"start\":", offsets.at(b.span.start));
            push_number(buf, b",\"end\":", offsets.at(b.span.end));
            buf.extend_from_slice(b",\"sentences\":[");
            // One sentence object at a time in a stack buffer, copied out whole.
            let mut s = [0u8; 160];
            for (k, u) in mine.iter().enumerate() {
                let mut n = 0;
                let mut put = |bytes: &[u8]| {
                    s[n..n + bytes.len()].copy_from_slice(bytes);
                    n += bytes.len();
                };
                put(if k > 0 { b",{\"id\":" } else { b"{\"id\":" });
                put(id);
                put(b".");
                put(itoa::Buffer::new().format(u.sentence + 1).as_bytes());
                put(b"\",\"start\":");
                put(itoa::Buffer::new()
                    .format(offsets.at(u.span.start))
                    .as_bytes());
                put(b",\"end\":");
                put(itoa::Buffer::new()
                    .format(offsets.at(u.span.end))
                    .as_bytes());
                put(b"}");
                buf.extend_from_slice(&s[..n]);
            }
            buf.extend_from_slice(b"]}");
            out.spill()?;
        }
        out.buf.extend_from_slice(b"]}");
        Ok(())
    }
}

impl BlockJson<'_> {
    fn write_compact(&self, out: &mut Vec<u8>) {
        self.write_compact_with(out, self.sentences.iter().copied());
    }

    /// The block with `sentences` in place of its own.
    fn write_compact_with(&self, out: &mut Vec<u8>, sentences: impl Iterator<Item = SentenceJson>) {
        out.extend_from_slice(b"{\"id\":");
        self.id.push_json(out);
        out.extend_from_slice(b",\"role\":");
        push_json_str(out, self.role);
        out.extend_from_slice(b",\"reason\":");
        match self.reason {
            Some(r) => push_json_str(out, r),
            None => out.extend_from_slice(b"null"),
        }
        push_number(out, b",\"start\":", self.start);
        push_number(out, b",\"end\":", self.end);
        out.extend_from_slice(b",\"sentences\":[");
        for (i, st) in sentences.enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":");
            st.id.push_json(out);
            push_number(out, b",\"start\":", st.start);
            push_number(out, b",\"end\":", st.end);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
    }
}

/// `key` and `n` in decimal.
fn push_number(out: &mut Vec<u8>, key: &[u8], n: usize) {
    out.extend_from_slice(key);
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// `Article::source_offset` for offsets asked in about the order of the
/// text (a block's start and end, then its sentences'): a cursor into the
/// loader's shifts, moved from the last answer instead of searched for.
struct SourceOffsets<'a> {
    shifts: &'a [(usize, usize)],
    /// How many shifts stand before the last offset asked.
    passed: usize,
}

impl<'a> SourceOffsets<'a> {
    fn new(article: &'a Article) -> Self {
        SourceOffsets {
            shifts: article.source_shifts(),
            passed: 0,
        }
    }

    /// `article.source_offset(at)`.
    fn at(&mut self, at: usize) -> usize {
        let s = self.shifts;
        while self.passed < s.len() && s[self.passed].0 < at {
            self.passed += 1;
        }
        while self.passed > 0 && s[self.passed - 1].0 >= at {
            self.passed -= 1;
        }
        match self.passed {
            0 => at,
            n => at + s[n - 1].1,
        }
    }
}

/// A large JSON document's way out: pieces are built in a buffer that is
/// written out and reused whenever it holds `CHUNK` bytes, so the document
/// never sits in memory whole (fresh memory costs a page fault every 4 KB,
/// a tenth of a large comparison's time).
pub struct Chunked<'w> {
    pub buf: Vec<u8>,
    out: &'w mut dyn io::Write,
    chunk: usize,
}

impl<'w> Chunked<'w> {
    /// Pieces of 64 KB.
    pub fn new(out: &'w mut dyn io::Write) -> Self {
        Chunked::with_chunk(out, 1 << 16)
    }

    fn with_chunk(out: &'w mut dyn io::Write, chunk: usize) -> Self {
        Chunked {
            buf: Vec::with_capacity(chunk + (chunk >> 2)),
            out,
            chunk,
        }
    }

    /// Writes the buffer out once it is full.
    pub fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= self.chunk {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Writes out what is left, and flushes.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        self.out.flush()
    }
}

/// `text` as a JSON string, escaped as serde_json escapes it (`\\"`, `\\\\`,
/// `\\n` and the other short forms, `\\u001f` for the other control
/// characters; nothing else): 32 and then eight bytes at a time are checked
/// for what needs escaping, and the runs between are copied whole.
pub(crate) fn push_json_str(out: &mut Vec<u8>, text: &str) {
    let b = text.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut from = 0;
    while let Some(p) = next_to_escape(b, from) {
        out.extend_from_slice(&b[from..p]);
        push_escape(out, b[p]);
        from = p + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// The first byte at or after `at` that a JSON string must escape: a quote,
/// a backslash or a control character below 0x20.
fn next_to_escape(b: &[u8], mut at: usize) -> Option<usize> {
    // Runs of 32 bytes with nothing to escape are passed over by a
    // branch-free check the compiler vectorises: hard-wrapped text escapes a
    // line feed every 60-80 bytes, and most of each line goes by this way.
    const RUN: usize = 32;
    while let Some(run) = b.get(at..at + RUN) {
        let hit = run
            .iter()
            .fold(false, |a, &c| a | (c < 0x20) | (c == b'"') | (c == b'\\'));
        if hit {
            break;
        }
        at += RUN;
    }
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte that is zero (exact for the first such
    // byte; a later one may be flagged falsely, which the byte scan below
    // settles).
    let zero_in = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    while let Some(chunk) = b.get(at..at + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Bytes below 0x20 (bytes of 0x80 and up are masked off by `!v`),
        // quotes and backslashes.
        let hit = (v.wrapping_sub(ONES * 0x20) & !v & HIGH)
            | zero_in(v ^ (ONES * u64::from(b'"')))
            | zero_in(v ^ (ONES * u64::from(b'\\')));
        if hit != 0 {
            break;
        }
        at += 8;
    }
    b[at..]
        .iter()
        .position(|&c| c < 0x20 || c == b'"' || c == b'\\')
        .map(|p| at + p)
}

fn push_escape(out: &mut Vec<u8>, c: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match c {
        b'"' => b'"',
        b'\\' => b'\\',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        0x08 => b'b',
        0x0c => b'f',
        _ => {
            let hex = [HEX[usize::from(c >> 4)], HEX[usize::from(c & 0xf)]];
            out.extend_from_slice(b"\\u00");
            out.extend_from_slice(&hex);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_as_serde_escapes_them() {
        let pieces = [
            "a", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1f}", "\u{7f}", " ", "é", "“", "日本",
            "abcdefgh", "\u{8}", "\u{c}", "x\"y\\z",
        ];
        for s in crate::testing::random_texts(&pieces, 5_000, 20, 0x243f_6a88_85a3_08d3) {
            let mut out = Vec::new();
            push_json_str(&mut out, &s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&s).unwrap()
            );
        }
    }

    #[test]
    fn compact_articles_are_written_as_serialised() {
        let every_byte: String = (0u8..0x80).map(char::from).collect();
        let text = format!(
            "{}caf\u{e9} \u{201c}quoted\u{201d}\n\n\tx\\y\"z\u{7f}\u{2028} {}",
            every_byte.repeat(3),
            "plain words only, ".repeat(40)
        );
        let notes = vec!["a \"note\"".to_string(), String::new()];
        let sentence = |block, k, start| SentenceJson {
            id: Id {
                side: 'n',
                block,
                sentence: Some(k),
            },
            start,
            end: start + 17,
        };
        let block = |block: usize, reason, sentences| BlockJson {
            id: Id {
                side: 'n',
                block,
                sentence: None,
            },
            role: "body",
            reason,
            start: block * 10,
            end: usize::MAX,
            sentences,
        };
        let article = ArticleJson {
            path: "dir/\"odd\\name\".txt",
            format: "text",
            encoding: "utf-8",
            title: Some("A title\u{1}"),
            byline: None,
            date: Some("2026-11-30"),
            outlet: None,
            words: 12_345,
            notes: &notes,
            text: &text,
            blocks: vec![
                block(
                    0,
                    Some("matches `By`\n"),
                    vec![sentence(0, 0, 0), sentence(0, 1, 18)],
                ),
                block(98_765, None, Vec::new()),
            ],
        };
        let check = |a: &ArticleJson| {
            let mut out = Vec::new();
            a.write_compact(&mut out);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(a).unwrap()
            );
        };
        check(&article);
        // An escape at every offset of a chunk, and at the very end.
        for k in 0..17 {
            let text = format!("{}\"{}", "a".repeat(64 + k), "b".repeat(k));
            check(&ArticleJson {
                path: "p",
                format: "text",
                encoding: "utf-8",
                title: None,
                byline: None,
                date: None,
                outlet: None,
                words: k,
                notes: &[],
                text: &text,
                blocks: Vec::new(),
            });
        }
    }

    #[test]
    fn streamed_sides_are_written_as_their_article_objects() {
        let text = "Headline here\n\nBy Jo Smith\n\nFirst \"quoted\" sentence. Second one.\n\n\
                    Gyral (j[imac]\"ral), a. [See Gyre.] 1. Moving in a circle.\n\n2. (Anat.) Of a gyrus.\n\n\
                    A line wrapped after a face-\nto-face talk, and a well-\nknown one. Two sentences here.\n\n\
                    Self-\ntaught. The end.\n";
        let article = crate::article::load_bytes(
            "dir/a\\b.txt",
            text.as_bytes(),
            &crate::article::LoadOptions::default(),
        )
        .unwrap();
        // Rejoined hyphen breaks: offsets in the source text differ from
        // the article's.
        assert!(!article.source_shifts().is_empty());
        let units = crate::align::units::units(&article);
        let mut whole = Vec::new();
        ArticleJson::with_units(&article, 'o', &units).write_compact(&mut whole);
        // Pieces of every size, down to a write per block; and units that
        // skip a block (a comparison's units name every sentence, but the
        // writer must not rely on it).
        let skipping: Vec<Unit> = units.iter().filter(|u| u.block != 1).cloned().collect();
        let mut skipped = Vec::new();
        ArticleJson::with_units(&article, 'o', &skipping).write_compact(&mut skipped);
        for (units, expected) in [(&units, &whole), (&skipping, &skipped)] {
            for chunk in [1, 7, 64, 1 << 16] {
                let mut out = Vec::new();
                let mut json = Chunked::with_chunk(&mut out, chunk);
                ArticleJson::write_units_streamed(&article, 'o', units, &mut json).unwrap();
                json.finish().unwrap();
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    String::from_utf8(expected.clone()).unwrap()
                );
            }
        }
    }

    #[test]
    fn ids_serialize_as_they_display() {
        for (side, block, sentence) in [
            ('o', 0, None),
            ('n', 9, Some(0)),
            ('o', 41, Some(122)),
            ('n', usize::MAX - 1, Some(usize::MAX - 1)),
        ] {
            let id = Id {
                side,
                block,
                sentence,
            };
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{id}\""));
        }
        let id = Id {
            side: 'o',
            block: 2,
            sentence: Some(0),
        };
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"o3.1\"");
    }
}
