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
    let (mut key_buf, mut exact_buf) = (Vec::new(), Vec::new());
    for (bi, block) in article.blocks.iter().enumerate() {
        let content = block.role.is_content();
        for (si, &span) in block.sentences.iter().enumerate() {
            let text = &article.text[span.range()];
            let (key, exact, words) = hashes_with(text, &mut key_buf, &mut exact_buf);
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

/// FxHash's multiply-and-rotate over eight bytes at a time, with the length
/// and a final avalanche: a sentence costs a few multiplications.
fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut v = [0u8; 8];
        v[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(v)).wrapping_mul(K);
    }
    h = (h ^ bytes.len() as u64).wrapping_mul(K);
    h ^= h >> 32;
    h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
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

/// (matching key, exact key, word count) in one pass, writing the normalised
/// and the exact text into scratch buffers (cleared first) to hash each.
fn hashes_with(text: &str, key: &mut Vec<u8>, exact: &mut Vec<u8>) -> (u64, u64, u32) {
    key.clear();
    exact.clear();
    let b = text.as_bytes();
    let mut words = 0u32;
    let mut in_space = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 && !c.is_ascii_whitespace() {
            // A run of ASCII word characters, copied at once.
            let run = b[i..]
                .iter()
                .position(|&c| c >= 0x80 || c.is_ascii_whitespace())
                .map_or(b.len(), |p| i + p);
            if in_space {
                words += 1;
            }
            in_space = false;
            exact.extend_from_slice(&b[i..run]);
            key.extend(b[i..run].iter().map(u8::to_ascii_lowercase));
            i = run;
            continue;
        }
        if c < 0x80 {
            // ASCII whitespace.
            i += 1;
            if !in_space {
                key.push(b' ');
                exact.push(b' ');
            }
            in_space = true;
            continue;
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        i += ch.len_utf8();
        match fold(ch) {
            Fold::Space => {
                if !in_space {
                    key.push(b' ');
                    exact.push(b' ');
                }
                in_space = true;
            }
            Fold::Drop => push_char(exact, ch),
            Fold::Char(m) => {
                if in_space {
                    words += 1;
                }
                in_space = false;
                push_char(exact, ch);
                push_char(key, m);
            }
            Fold::Lower => {
                if in_space {
                    words += 1;
                }
                in_space = false;
                push_char(exact, ch);
                for l in ch.to_lowercase() {
                    push_char(key, l);
                }
            }
        }
    }
    (hash_bytes(key), hash_bytes(exact), words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(text: &str) -> (u64, u64, u32) {
        hashes_with(text, &mut Vec::new(), &mut Vec::new())
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
