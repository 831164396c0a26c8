//! Wording: the word choices that set outlets apart. Over the sentences the
//! story pairs as one claim, the substitutions between each two outlets'
//! versions (`protesters` ↔ `rioters`, `said` ↔ `claimed`, `Kyiv` ↔ `Kiev`),
//! counted per outlet pair. Kept are substitutions that recur — in two claims
//! or more — and a single word put for another in the same place of an
//! otherwise matching sentence (`fell` ↔ `dropped` between "the unemployment
//! rate … to 5.4%"): a habit or a choice, not a rewording of loosely paired
//! sentences, where the words between equal ones are often unrelated (a
//! reprint's copy of the same sentence is the same claim, not a recurrence).
//! Kept too, wherever the two sentences put them: one word spelled or
//! capitalised two ways (`Zelenskyy` ↔ `Zelensky`, `NATO` ↔ `Nato`, `Kyiv` ↔
//! `Kiev`, `defence` ↔ `defense`) when each article writes it only its own
//! way — a house style the word diff cannot see, as it folds case and lines
//! up loosely paired sentences word by word. Left out: forms of one word
//! (`Russia` ↔ `Russian`, `east` ↔ `eastern`) and a capital letter alone
//! (`The` ↔ `the`), which are grammar, not a choice.

use std::collections::{HashMap, HashSet};

use super::{Claim, Occurrence};
use crate::align::words::substitutions;
use crate::article::{Article, Span};

/// One substitution between two articles, and where each instance stands.
#[derive(Clone, Debug)]
pub struct Wording {
    /// The two articles, `a < b`.
    pub a: usize,
    pub b: usize,
    /// The words of `a` and of `b`, as first written.
    pub words_a: String,
    pub words_b: String,
    /// How many times the pair of sentences of one claim substitutes them.
    pub count: usize,
    /// Each instance: the words in `a`, then in `b`.
    pub occurrences: Vec<Occurrence>,
}

/// What sets a substitution's two words apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordingKind {
    /// Other words (`protesters` ↔ `rioters`).
    Words,
    /// One word spelled two ways (`Zelenskyy` ↔ `Zelensky`, `Kyiv` ↔ `Kiev`).
    Spelling,
    /// One word capitalised two ways (`NATO` ↔ `Nato`).
    Capitals,
}

impl WordingKind {
    /// The kind's name in the story JSON (`wording[].kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            WordingKind::Words => "words",
            WordingKind::Spelling => "spelling",
            WordingKind::Capitals => "capitals",
        }
    }

    /// A word for the kind beside a listed substitution; none for other words.
    pub fn label(self) -> &'static str {
        match self {
            WordingKind::Words => "",
            WordingKind::Spelling => "spelling",
            WordingKind::Capitals => "capitals",
        }
    }
}

/// What a story with no substitution says, and what is never counted, so
/// that an empty list does not look broken.
pub const NO_WORDING: &str = "no recurring word substitutions between these outlets";
/// What the wording lens leaves out, and what it lists besides other words.
/// `NO_WORDING` and `WORDING_LEFT_OUT` as a sentence of their own, for the
/// reports that say them in a paragraph (Markdown, HTML).
pub fn no_wording_sentence() -> String {
    format!(
        "{}{}. {WORDING_LEFT_OUT}.",
        NO_WORDING[..1].to_uppercase(),
        &NO_WORDING[1..]
    )
}

pub const WORDING_LEFT_OUT: &str = "Not counted: forms of one word (Russia/Russian) and a capital letter alone (The/the); a word spelled or capitalised two ways (Kyiv/Kiev, NATO/Nato) is listed when each outlet keeps to its own";

impl Wording {
    /// Whether the two words are other words, or one spelled or
    /// capitalised two ways.
    pub fn kind(&self) -> WordingKind {
        let (a, b) = (clean(&self.words_a), clean(&self.words_b));
        if a == b {
            WordingKind::Capitals
        } else if spelling_variant(&a, &b, &self.words_a, &self.words_b) {
            WordingKind::Spelling
        } else {
            WordingKind::Words
        }
    }
}

/// The substitutions between the articles' versions of each claim that
/// recur (the same words, either way round, in two claims or more) or are a
/// word chosen for another (`is_choice`), most frequent first.
pub(crate) fn wording(articles: &[Article], claims: &[Claim]) -> Vec<Wording> {
    let (mut found, claims_of) = substitutions_by_pair(articles, claims);
    add_variants(articles, claims, &mut found);
    let mut out: Vec<Wording> = found
        .into_iter()
        .filter(|(k, (_, choice))| {
            *choice
                || claims_of
                    .get(&unordered(&k.2, &k.3))
                    .is_some_and(|c| c.len() >= 2)
        })
        .map(|(_, (w, _))| w)
        .collect();
    // Other words first (a choice of framing), then house style.
    out.sort_by(|x, y| {
        x.kind()
            .cmp(&y.kind())
            .then(y.count.cmp(&x.count))
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
            .then(x.words_a.cmp(&y.words_a))
            .then(x.words_b.cmp(&y.words_b))
    });
    out
}

/// The byte ranges of the words each of two sentences puts in the other's place.
type Substitutions = Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>;
/// (article a, article b, words of a folded, words of b folded).
type Key = (usize, usize, String, String);
/// A substitution's folded words, either way round, and the claims it occurs in.
type ClaimsOf = HashMap<(String, String), HashSet<usize>>;

/// Every substitution between two occurrences of one claim, by outlet pair
/// and folded words, and whether one of its instances is a word choice
/// (`is_choice`); and for each substitution (either way round), the claims
/// it occurs in.
fn substitutions_by_pair(
    articles: &[Article],
    claims: &[Claim],
) -> (HashMap<Key, (Wording, bool)>, ClaimsOf) {
    let mut found: HashMap<Key, (Wording, bool)> = HashMap::new();
    let mut claims_of: ClaimsOf = HashMap::new();
    for (ci, c) in claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.occurrences.len() > 1)
    {
        let mut occ = c.occurrences.clone();
        occ.sort_by_key(|o| o.article);
        // Reprints carry a claim's sentence word for word (lines wrapped
        // anew): each two wordings are compared once, through the first
        // occurrence of each, and a sentence with its copy not at all.
        let words: Vec<Vec<(usize, usize)>> =
            occ.iter().map(|o| word_spans(text(articles, o))).collect();
        let mut firsts: HashMap<Vec<&str>, usize> = HashMap::new();
        let first: Vec<usize> = occ
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let t = text(articles, o);
                let key = words[i].iter().map(|w| &t[w.0..w.1]).collect();
                *firsts.entry(key).or_insert(i)
            })
            .collect();
        let mut known: HashMap<(usize, usize), Substitutions> = HashMap::new();
        for (i, x) in occ.iter().enumerate() {
            for (j, y) in occ.iter().enumerate().skip(i + 1) {
                let (fi, fj) = (first[i], first[j]);
                if fi == fj {
                    continue;
                }
                let (tx, ty) = (text(articles, x), text(articles, y));
                let subs = known.entry((fi, fj)).or_insert_with(|| {
                    substitutions(text(articles, &occ[fi]), text(articles, &occ[fj]))
                });
                let subs = subs.iter().map(|(rx, ry)| {
                    (
                        relocate(rx, &words[fi], &words[i]),
                        relocate(ry, &words[fj], &words[j]),
                    )
                });
                for (rx, ry) in subs {
                    let (wx, wy) = (&tx[rx.clone()], &ty[ry.clone()]);
                    let (fx, fy) = (fold(wx), fold(wy));
                    claims_of.entry(unordered(&fx, &fy)).or_default().insert(ci);
                    let key = (x.article, y.article, fx, fy);
                    let (w, choice) = found.entry(key).or_insert_with(|| {
                        let w = Wording {
                            a: x.article,
                            b: y.article,
                            words_a: wx.to_string(),
                            words_b: wy.to_string(),
                            count: 0,
                            occurrences: Vec::new(),
                        };
                        (w, false)
                    });
                    *choice |= is_choice(tx, &rx, ty, &ry);
                    w.count += 1;
                    w.occurrences.push(at(x, rx));
                    w.occurrences.push(at(y, ry));
                }
            }
        }
    }
    (found, claims_of)
}

/// The words each article writes, as written and lower-cased: whether it
/// writes a word only one way.
struct Vocabulary {
    exact: HashSet<String>,
    lower: HashSet<String>,
}

impl Vocabulary {
    fn new(text: &str) -> Self {
        let exact: HashSet<String> = variant_words(text)
            .into_iter()
            .map(|(_, w)| w.to_string())
            .collect();
        let lower = exact.iter().map(|w| w.to_lowercase()).collect();
        Vocabulary { exact, lower }
    }

    /// Whether the article writes `w` and never `other` (as written when
    /// the two differ in capitals only, else in any case).
    fn only(&self, w: &str, other: &str) -> bool {
        let (lw, lo) = (w.to_lowercase(), other.to_lowercase());
        if lw == lo {
            self.exact.contains(w) && !self.exact.contains(other)
        } else {
            self.lower.contains(&lw) && !self.lower.contains(&lo)
        }
    }
}

/// Adds to `found` each word one article spells or capitalises its own way
/// and another its own (`Zelenskyy` ↔ `Zelensky`, `NATO` ↔ `Nato`), in
/// their versions of a claim, wherever the two sentences put it: a house
/// style, kept however often it occurs. Once per two sentences and words.
fn add_variants(articles: &[Article], claims: &[Claim], found: &mut HashMap<Key, (Wording, bool)>) {
    let mut vocabulary: HashMap<usize, Vocabulary> = HashMap::new();
    for c in claims.iter().filter(|c| c.occurrences.len() > 1) {
        let mut occ = c.occurrences.clone();
        occ.sort_by_key(|o| o.article);
        for (i, x) in occ.iter().enumerate() {
            for y in occ[i + 1..].iter().filter(|y| y.article != x.article) {
                let (tx, ty) = (text(articles, x), text(articles, y));
                let (wx, wy) = (variant_words(tx), variant_words(ty));
                let mut seen: HashSet<Key> = HashSet::new();
                for (rx, u) in &wx {
                    for (ry, v) in wy.iter().filter(|(_, v)| is_variant(u, v)) {
                        for a in [x.article, y.article] {
                            vocabulary
                                .entry(a)
                                .or_insert_with(|| Vocabulary::new(&articles[a].text));
                        }
                        if !(vocabulary[&x.article].only(u, v) && vocabulary[&y.article].only(v, u))
                        {
                            continue;
                        }
                        let key = (x.article, y.article, fold(u), fold(v));
                        if !seen.insert(key.clone()) {
                            continue;
                        }
                        let (w, choice) = found.entry(key).or_insert_with(|| {
                            let w = Wording {
                                a: x.article,
                                b: y.article,
                                words_a: u.to_string(),
                                words_b: v.to_string(),
                                count: 0,
                                occurrences: Vec::new(),
                            };
                            (w, true)
                        });
                        *choice = true;
                        // The word diff may have lined the two up already.
                        let inside = |o: &Occurrence, s: &Occurrence| {
                            o.article == s.article
                                && s.span.start <= o.span.start
                                && o.span.end <= s.span.end
                        };
                        let counted = w
                            .occurrences
                            .chunks(2)
                            .any(|p| inside(&p[0], x) && inside(&p[1], y));
                        if !counted {
                            w.count += 1;
                            w.occurrences.push(at(x, rx.clone()));
                            w.occurrences.push(at(y, ry.clone()));
                        }
                    }
                }
            }
        }
    }
}

/// A text's words as variants compare them: without the punctuation around
/// them and a possessive, letters (and hyphens or apostrophes inside) only,
/// three letters or more; with their byte ranges.
fn variant_words(text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    word_spans(text)
        .into_iter()
        .filter_map(|(s, e)| {
            let raw = &text[s..e];
            let lead = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let plain = w
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
            (letters >= 3 && plain).then(|| (s + lead..s + lead + w.len(), w))
        })
        .collect()
}

/// Whether two words are one word spelled or capitalised two ways.
fn is_variant(u: &str, v: &str) -> bool {
    if u == v || u.len().abs_diff(v.len()) > 3 {
        return false;
    }
    let (lu, lv) = (u.to_lowercase(), v.to_lowercase());
    if lu == lv {
        capitals_variant(u, v)
    } else {
        spelling_variant(&lu, &lv, u, v)
    }
}

/// `NATO` ↔ `Nato`: capitals beyond the first letter, and neither word all
/// lower case (`The` ↔ `the` is where a sentence starts, `Secretary` ↔
/// `secretary` a title before a name).
fn capitals_variant(u: &str, v: &str) -> bool {
    let has_upper = |w: &str| w.chars().any(char::is_uppercase);
    let rest = |w: &str| w.chars().skip(1).collect::<String>();
    has_upper(u) && has_upper(v) && rest(u) != rest(v)
}

/// Endings that make another form of a word, not another spelling
/// (`Russia` ↔ `Russian`, `east` ↔ `eastern`).
const FORM_ENDINGS: [&str; 21] = [
    "s", "es", "n", "an", "ian", "ns", "d", "ed", "ing", "er", "ers", "ern", "ly", "al", "i", "ic",
    "e", "r", "st", "est", "a",
];

/// Whether `a` and `b` (lower case; `wa`, `wb` as written) are one word
/// spelled two ways: British and American spelling (`defence` ↔ `defense`,
/// `organise` ↔ `organize`, `colour` ↔ `color`, `travelled` ↔ `traveled`,
/// `centre` ↔ `center`), and for a name one letter more, fewer or other
/// (`Zelenskyy` ↔ `Zelensky`, `Gaddafi` ↔ `Qaddafi`) or other vowels
/// (`Kyiv` ↔ `Kiev`). Not forms of one word (an ending added).
fn spelling_variant(a: &str, b: &str, wa: &str, wb: &str) -> bool {
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if cap(wa) != cap(wb) || a == b {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let short = a.len().min(b.len());
    if short < 4 || !a.iter().chain(&b).all(|c| c.is_alphabetic()) {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
        .min(short - p);
    let (ma, mb): (String, String) = (
        a[p..a.len() - s].iter().collect(),
        b[p..b.len() - s].iter().collect(),
    );
    if s == 0
        && (ma.is_empty() || mb.is_empty())
        && FORM_ENDINGS.contains(&[ma.as_str(), mb.as_str()].concat().as_str())
    {
        return false;
    }
    let before = if p > 0 { Some(a[p - 1]) } else { None };
    let after = if s > 0 { Some(a[a.len() - s]) } else { None };
    let (m1, m2) = if ma <= mb {
        (ma.as_str(), mb.as_str())
    } else {
        (mb.as_str(), ma.as_str())
    };
    let british = match (m1, m2) {
        ("c", "s") | ("s", "z") => true,
        ("", "u") => before == Some('o') && s > 0,
        ("er", "re") => s == 0,
        ("", "ue") => s == 0 && before == Some('g'),
        ("", "me") => s == 0 && before == Some('m'),
        // A doubled consonant (`travelled` ↔ `traveled`).
        ("", d) => {
            let d = d.chars().next();
            d.is_some_and(|d| !vowel(d)) && m2.chars().count() == 1 && (before == d || after == d)
        }
        _ => false,
    };
    if british {
        return true;
    }
    let (na, nb) = (ma.chars().count(), mb.chars().count());
    let one_letter = na <= 1 && nb <= 1;
    let vowel_swap =
        (1..=2).contains(&na) && (1..=2).contains(&nb) && ma.chars().chain(mb.chars()).all(vowel);
    cap(wa) && ((one_letter && short >= 5) || vowel_swap)
}

fn vowel(c: char) -> bool {
    "aeiouy".contains(c)
}

/// Whether the substitution of `x[rx]` by `y[ry]` is one word chosen for
/// another: one word each side, both topical and lower case (no function
/// word, figure, day or month; no name or title, which differ as facts
/// do: "Supreme Court Justice" ↔ "nominee"), not forms of
/// one word (`harassed`/`harassing`, `east`/`eastern`) nor a typo, and the
/// words on either side the same — the next word, and the one after it
/// unless the next is topical itself. Between loosely paired sentences the
/// words a diff puts in each other's place are mostly unrelated ("Monday"
/// ↔ "tax crimes"); a word swapped inside matching words is a choice.
fn is_choice(x: &str, rx: &std::ops::Range<usize>, y: &str, ry: &std::ops::Range<usize>) -> bool {
    let (wx, wy) = (&x[rx.clone()], &y[ry.clone()]);
    let single = |w: &str| w.split_whitespace().count() == 1;
    let (cx, cy) = (clean(wx), clean(wy));
    let lower = |w: &str| !w.chars().any(char::is_uppercase);
    single(wx)
        && single(wy)
        && topical_word(&cx)
        && topical_word(&cy)
        && lower(wx)
        && lower(wy)
        && !same_word(&cx, &cy)
        && flanks_match(words_rev(&x[..rx.start]), words_rev(&y[..ry.start]))
        && flanks_match(words(&x[rx.end..]), words(&y[ry.end..]))
}

/// A word lower-cased without the punctuation around it and a possessive.
fn clean(w: &str) -> String {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let w = w.replace('’', "'");
    w.strip_suffix("'s").unwrap_or(&w).to_string()
}

const CALENDAR: [&str; 19] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
];

fn topical_word(w: &str) -> bool {
    w.chars().count() >= 3
        && w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !crate::align::similarity::is_stopword(w)
        && !CALENDAR.contains(&w)
}

/// Forms of one word (a shared start of four letters, or one inside the
/// other) or a typo (one letter apart).
fn same_word(a: &str, b: &str) -> bool {
    let common = a.chars().zip(b.chars()).take_while(|(p, q)| p == q).count();
    common >= 4 || a.contains(b) || b.contains(a) || one_edit(a, b)
}

fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(&l).take_while(|(x, y)| x == y).count();
    let skip = usize::from(l.len() > s.len());
    s[p..].iter().skip(1 - skip).eq(l[p + 1..].iter())
}

/// Up to two words beside a substitution, nearest first, cleaned.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(clean)
        .filter(|w| !w.is_empty())
        .take(2)
        .collect()
}

fn words_rev(s: &str) -> Vec<String> {
    s.split_whitespace()
        .rev()
        .map(clean)
        .filter(|w| !w.is_empty())
        .take(2)
        .collect()
}

/// The same next word on both sides, and the one after it too unless the
/// next is topical.
fn flanks_match(x: Vec<String>, y: Vec<String>) -> bool {
    match (x.first(), y.first()) {
        (Some(a), Some(b)) if a == b => {
            !crate::align::similarity::is_stopword(a) || (x.len() == 2 && x.get(1) == y.get(1))
        }
        _ => false,
    }
}

/// The byte spans of a text's words (split at whitespace).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    text.split_whitespace()
        .map(|w| {
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + w.len())
        })
        .collect()
}

/// The bytes `r` of one text, in another with the same words (`from` and
/// `to` are their word spans): the same words, at the same offsets in them.
fn relocate(
    r: &std::ops::Range<usize>,
    from: &[(usize, usize)],
    to: &[(usize, usize)],
) -> std::ops::Range<usize> {
    if from.is_empty() || from.len() != to.len() {
        return r.clone();
    }
    let k = from.partition_point(|w| w.1 <= r.start).min(from.len() - 1);
    let start = to[k].0 + (r.start - from[k].0);
    let k = from.partition_point(|w| w.1 < r.end).min(from.len() - 1);
    let end = to[k].0 + (r.end - from[k].0);
    start..end
}

fn unordered(p: &str, q: &str) -> (String, String) {
    if p <= q {
        (p.to_string(), q.to_string())
    } else {
        (q.to_string(), p.to_string())
    }
}

fn text<'a>(articles: &'a [Article], o: &Occurrence) -> &'a str {
    &articles[o.article].text[o.span.range()]
}

/// The occurrence of the bytes `r` of occurrence `o`'s sentence.
fn at(o: &Occurrence, r: std::ops::Range<usize>) -> Occurrence {
    Occurrence {
        article: o.article,
        span: Span {
            start: o.span.start + r.start,
            end: o.span.start + r.end,
        },
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_capitals_are_variants_forms_of_a_word_are_not() {
        for (u, v) in [
            ("Zelenskyy", "Zelensky"),
            ("NATO", "Nato"),
            ("Kyiv", "Kiev"),
            ("defence", "defense"),
            ("organise", "organize"),
            ("colour", "color"),
            ("travelled", "traveled"),
            ("centre", "center"),
            ("Gaddafi", "Qaddafi"),
        ] {
            assert!(is_variant(u, v) && is_variant(v, u), "{u} {v}");
        }
        for (u, v) in [
            ("Russia", "Russian"),
            ("Ukraine", "Ukrainian"),
            ("east", "eastern"),
            ("Trump", "Trumps"),
            ("The", "the"),
            ("Secretary", "secretary"),
            ("Iran", "Iraq"),
            ("Austria", "Australia"),
            ("shoot", "shot"),
            ("form", "from"),
            ("fell", "fill"),
            ("dropped", "dripped"),
            ("Kyiv", "kiev"),
        ] {
            assert!(!is_variant(u, v) && !is_variant(v, u), "{u} {v}");
        }
    }

    #[test]
    fn a_variant_is_one_articles_way_only() {
        let (a, b) = (
            Vocabulary::new("NATO allies met. NATO said so."),
            Vocabulary::new("Nato allies met. Zelensky spoke."),
        );
        assert!(a.only("NATO", "Nato") && b.only("Nato", "NATO"));
        let mixed = Vocabulary::new("Nato allies met. NATO said so.");
        assert!(!mixed.only("Nato", "NATO"));
        assert!(b.only("Zelensky", "Zelenskyy"));
    }

    #[test]
    fn a_range_moves_to_the_same_words_wrapped_anew() {
        let from = "the rebels took the  town of Kharn";
        let to = "the rebels took\nthe town of   Kharn";
        let (fw, tw) = (word_spans(from), word_spans(to));
        let r = from.find("took the").unwrap()..from.find(" of").unwrap();
        let moved = relocate(&r, &fw, &tw);
        assert_eq!(&to[moved], "took\nthe town");
        let r = from.find("Kharn").unwrap()..from.len();
        assert_eq!(&to[relocate(&r, &fw, &tw)], "Kharn");
    }
}
