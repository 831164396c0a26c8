//! Same-event evidence: do two articles report the same event? One rule, read
//! by the pile (rarity weighed over the whole pile: `story::sort_pile`) and by
//! the relation of a pair compared alone (rarity weighed over the two:
//! `between`), so that `diff A B`, `story A B` and the compare view relate a
//! pair alike whatever the alignment shows.

pub(crate) mod index;
pub(crate) mod judge;

pub use judge::{Evidence, SAME_EVENT};

use crate::article::Article;

/// The same-event evidence for two articles alone (the pile is the pair).
pub fn between(old: &Article, new: &Article) -> Evidence {
    let index = index::build(&[old, new]);
    judge::judge(&index, 0, 1)
}

/// `between`, and the two articles' `overlap::between`, reading each
/// article's words once for both.
pub fn between_with_overlap(old: &Article, new: &Article) -> (Evidence, f64) {
    let (index, [old_vocabulary, new_vocabulary]) = index::pair_with_vocabularies(old, new);
    (
        judge::judge(&index, 0, 1),
        super::overlap::shared_vocabulary(&old_vocabulary, &new_vocabulary),
    )
}
