//! Word tables laid out at compile time.
//!
//! The edit classes look words up in a dozen lists ([`super::lexicon`]).
//! Built as hash maps at run time they cost ~0.2 M instructions on every
//! classified pair, a seventh of a small comparison's fixed cost; built by
//! `const fn` they cost nothing at run time. Open addressing on FNV-1a with
//! linear probing, at most half full, so that a miss is found in a probe or
//! two.

/// Slots for `n` words: a power of two at least twice `n`.
pub const fn slots(n: usize) -> usize {
    (2 * n).next_power_of_two()
}

/// FNV-1a over a word's bytes.
const fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// Whether two words are the same, byte for byte (`==` is not `const`).
pub const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A set of words, each with a `u16` the builder chose (an index into a
/// list, or flags). No word is empty: an empty slot is an empty key.
pub struct Words<const N: usize> {
    keys: [&'static [u8]; N],
    values: [u16; N],
}

impl<const N: usize> Words<N> {
    pub const fn new() -> Self {
        assert!(N.is_power_of_two());
        Words {
            keys: [b""; N],
            values: [0; N],
        }
    }

    /// The slot of `word`: where it is, or the empty slot it would take.
    const fn slot(&self, word: &[u8]) -> usize {
        let mut i = (hash(word) as usize) & (N - 1);
        while !self.keys[i].is_empty() && !same(self.keys[i], word) {
            i = (i + 1) & (N - 1);
        }
        i
    }

    /// Sets `word`'s value (a later value replaces an earlier one, as a
    /// map collected from a list keeps the last).
    pub const fn set(&mut self, word: &'static [u8], value: u16) {
        assert!(!word.is_empty());
        let i = self.slot(word);
        self.keys[i] = word;
        self.values[i] = value;
    }

    /// `word`'s value (0 when the table does not hold it), at compile time.
    pub const fn get(&self, word: &[u8]) -> u16 {
        let i = self.slot(word);
        if self.keys[i].is_empty() {
            0
        } else {
            self.values[i]
        }
    }

    /// Adds `bits` to `word`'s value (0 when it was not in the table).
    pub const fn or(&mut self, word: &'static [u8], bits: u16) {
        self.set(word, self.get(word) | bits);
    }

    pub const fn len(&self) -> usize {
        N
    }

    /// The word and value in slot `i`, if it is taken.
    pub const fn entry(&self, i: usize) -> Option<(&'static [u8], u16)> {
        if self.keys[i].is_empty() {
            None
        } else {
            Some((self.keys[i], self.values[i]))
        }
    }

    /// The words of a list, each valued by its index in it.
    pub const fn indexed<T>(list: &'static [(&'static str, T)]) -> Self {
        let mut t = Self::new();
        let mut i = 0;
        while i < list.len() {
            t.set(list[i].0.as_bytes(), i as u16);
            i += 1;
        }
        t
    }

    /// The words of a list, as a set.
    pub const fn of(list: &'static [&'static str]) -> Self {
        let mut t = Self::new();
        let mut i = 0;
        while i < list.len() {
            t.set(list[i].as_bytes(), 0);
            i += 1;
        }
        t
    }

    /// The value of `word`, if the table holds it.
    pub fn value(&self, word: &str) -> Option<u16> {
        let word = word.as_bytes();
        let mut i = (hash(word) as usize) & (N - 1);
        loop {
            let key = self.keys[i];
            if key.is_empty() {
                return None;
            }
            if key == word {
                return Some(self.values[i]);
            }
            i = (i + 1) & (N - 1);
        }
    }

    pub fn contains_key(&self, word: &str) -> bool {
        self.value(word).is_some()
    }
}

/// A list of (word, value) looked up by word, as a map collected from it
/// would be (the last of a repeated word wins).
pub struct Map<V: 'static, const N: usize> {
    words: Words<N>,
    list: &'static [(&'static str, V)],
}

impl<V, const N: usize> Map<V, N> {
    pub const fn new(list: &'static [(&'static str, V)]) -> Self {
        Map {
            words: Words::indexed(list),
            list,
        }
    }

    pub fn get(&self, word: &str) -> Option<&V> {
        let i = self.words.value(word)?;
        Some(&self.list[usize::from(i)].1)
    }

    pub fn contains_key(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &[(&str, u8)] = &[("may", 5), ("march", 3), ("may", 6)];
    static MAP: Map<u8, { slots(LIST.len()) }> = Map::new(LIST);

    #[test]
    fn finds_listed_words_and_only_them() {
        assert_eq!(MAP.get("march"), Some(&3));
        // The last of a repeated word wins, as with a collected map.
        assert_eq!(MAP.get("may"), Some(&6));
        for w in ["", "ma", "mays", "March", "june"] {
            assert_eq!(MAP.get(w), None, "{w}");
        }
    }

    #[test]
    fn or_adds_bits() {
        const T: Words<8> = {
            let mut t = Words::new();
            t.or(b"not", 1);
            t.or(b"no", 2);
            t.or(b"not", 4);
            t
        };
        assert_eq!(T.value("not"), Some(5));
        assert_eq!(T.value("no"), Some(2));
        assert_eq!(T.value("nor"), None);
    }
}
