//! The JSON contract (v1): article objects shared by `inspect`, `diff` and `story`.

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

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Written into a stack buffer: thousands of ids per report, and the
        // formatting machinery costs more than the digits.
        let mut buf = [0u8; 48];
        let mut len = self.side.encode_utf8(&mut buf).len();
        len += write_decimal(&mut buf[len..], self.block + 1);
        if let Some(sentence) = self.sentence {
            buf[len] = b'.';
            len += 1;
            len += write_decimal(&mut buf[len..], sentence + 1);
        }
        match std::str::from_utf8(&buf[..len]) {
            Ok(id) => s.serialize_str(id),
            Err(_) => s.collect_str(self),
        }
    }
}

/// Writes `n` in decimal at the start of `out` (at least 20 bytes long),
/// returning the number of bytes written.
fn write_decimal(out: &mut [u8], mut n: usize) -> usize {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let len = digits.len() - i;
    out[..len].copy_from_slice(&digits[i..]);
    len
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

#[derive(Serialize)]
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
                    start: s.start,
                    end: s.end,
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
                    start: u.span.start,
                    end: u.span.end,
                });
            }
        }
        out
    }

    fn without_sentences(article: &'a Article, side: char) -> Self {
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
            text: &article.text,
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
                    start: b.span.start,
                    end: b.span.end,
                    sentences: Vec::with_capacity(b.sentences.len()),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
