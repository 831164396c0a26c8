//! Fact classes for passages on one side only: a deleted or inserted
//! sentence of content that carries a quotation, a figure or a name is a fact
//! change as much as an edited one (a cut paragraph quoting a named expert),
//! so `--only facts`, the view's fact filter and `]f` keep it.
//!
//! A stage after `classes`: edited ops have their classes from their word
//! diffs; here a one-sided op gets `quote`, `number` and `name` from what its
//! own text carries. `stats.classes` stays the count of edited ops (a cut
//! tail would otherwise swamp the classes of the edits).

use super::words::has_quote;
use super::{Comparison, EditClass, OpKind, Relation, Side};
use crate::article::Article;

/// Gives each deleted and inserted op of content the fact classes its text
/// carries — in a copy (`identical`, `reprint`), where a passage on one side
/// only is an edit. Two write-ups each say much the other does not, nearly
/// all of it with names and figures: marking it would leave the fact filter
/// nothing to hide.
pub(crate) fn mark_one_sided_facts(c: &mut Comparison, old: &Article, new: &Article) {
    if !matches!(c.relation, Relation::Identical | Relation::Reprint) {
        return;
    }
    for k in 0..c.ops.len() {
        let (side, article, range) = match c.ops[k].kind {
            OpKind::Deleted => (Side::Old, old, c.ops[k].old.clone()),
            OpKind::Inserted => (Side::New, new, c.ops[k].new.clone()),
            _ => continue,
        };
        let units = &c.units(side)[range];
        if !units.iter().any(|u| u.content) {
            continue;
        }
        let mut classes = c.ops[k].classes;
        for u in units.iter().filter(|u| u.content) {
            let text = &article.text[u.span.range()];
            if has_quote(text) {
                classes.insert(EditClass::Quote);
            }
            if text.bytes().any(|b| b.is_ascii_digit()) {
                classes.insert(EditClass::Number);
            }
            if names_someone(text) {
                classes.insert(EditClass::Name);
            }
        }
        c.ops[k].classes = classes;
    }
}

/// Whether a sentence carries a name: a capitalised word of two letters or
/// more after its first word, not just after a sentence-opening mark
/// (`said: “The …`). English capitalises names, not words, inside a sentence.
fn names_someone(sentence: &str) -> bool {
    let mut after_break = true;
    for word in sentence.split_whitespace() {
        let bare = word.trim_start_matches(['“', '"', '‘', '\'', '(', '[', '«', '—', '–']);
        let opens_quote = bare.len() != word.len();
        let capital = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        if capital && !after_break && !opens_quote {
            return true;
        }
        after_break = word.ends_with([':', '.', '?', '!']);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::names_someone;

    #[test]
    fn names_inside_a_sentence() {
        assert!(names_someone(
            "Eswar Prasad, a trade professor at Cornell, said so."
        ));
        assert!(names_someone(
            "The talks, the professor said, were led by Beijing."
        ));
        assert!(!names_someone(
            "The talks were long and the outcome was unclear."
        ));
        assert!(!names_someone("He said: “The talks were long.”"));
        assert!(!names_someone("I think it was long."));
    }
}
