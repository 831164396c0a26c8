//! Sentences as alignment units: where each sits, whether it is content, and
//! two hashes — the normalised matching key and the exact text.

use crate::article::{Article, Span};

/// One sentence of one side, ready to align.
#[derive(Clone, Copy, Debug)]
pub struct Unit {
    /// Index of the block in `Article::blocks`.
    pub block: usize,
    /// Index of the sentence inside its block.
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

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn feed(h: &mut u64, b: u8) {
    *h ^= b as u64;
    *h = h.wrapping_mul(FNV_PRIME);
}

fn feed_char(h: &mut u64, c: char) {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        feed(h, b);
    }
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

/// (matching key, exact key, word count) in one pass.
fn hashes(text: &str) -> (u64, u64, u32) {
    let mut key = FNV_OFFSET;
    let mut exact = FNV_OFFSET;
    let mut words = 0u32;
    let mut in_space = true;
    for c in text.chars() {
        if c.is_ascii() {
            let b = c as u8;
            if b.is_ascii_whitespace() {
                if !in_space {
                    feed(&mut key, b' ');
                    feed(&mut exact, b' ');
                }
                in_space = true;
                continue;
            }
            if in_space {
                words += 1;
            }
            in_space = false;
            feed(&mut exact, b);
            feed(&mut key, b.to_ascii_lowercase());
            continue;
        }
        match fold(c) {
            Fold::Space => {
                if !in_space {
                    feed(&mut key, b' ');
                    feed(&mut exact, b' ');
                }
                in_space = true;
            }
            Fold::Drop => feed_char(&mut exact, c),
            Fold::Char(m) => {
                if in_space {
                    words += 1;
                }
                in_space = false;
                feed_char(&mut exact, c);
                feed_char(&mut key, m);
            }
            Fold::Lower => {
                if in_space {
                    words += 1;
                }
                in_space = false;
                feed_char(&mut exact, c);
                for l in c.to_lowercase() {
                    feed_char(&mut key, l);
                }
            }
        }
    }
    (key, exact, words)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
