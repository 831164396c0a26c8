//! storydiff: compare news coverage — articles side by side, aligned passage by passage.
//!
//! The flow is the module tree: [`article`] loads files into [`article::Article`]s;
//! the report and terminal front ends consume them. See `ARCHITECTURE.md`.

pub mod align;
pub mod article;
pub mod columns;
pub mod display;
pub mod report;
pub mod rows;
pub mod sample;
pub mod source;
pub mod story;
pub mod synth;
pub mod tui;

/// Helpers for the unit tests.
#[cfg(test)]
pub(crate) mod testing {
    /// `count` strings of up to `max_pieces - 1` pieces drawn from `pieces`
    /// (xorshift from `seed`: the same strings every run).
    pub fn random_texts(pieces: &[&str], count: usize, max_pieces: u64, seed: u64) -> Vec<String> {
        let mut state = seed.max(1);
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let n = next() % max_pieces;
                (0..n)
                    .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }
}
