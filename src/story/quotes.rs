//! The quote ledger: quotations found in each article, who said them where the
//! text says so, matched across outlets — also when one carries a fragment of
//! another's, or words a quote slightly differently.

use std::collections::HashMap;

use crate::align::similarity::{longest_common_run, stem};
use crate::article::{Article, Span};

/// One quotation in one article.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub article: usize,
    /// The quoted words, without the marks.
    pub span: Span,
    pub speaker: Option<String>,
    pub words: Vec<u32>,
}

/// Verbs that attribute speech.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adding",
    "stated",
    "states",
    "asked",
    "warned",
    "insisted",
    "declared",
    "called",
    "calls",
    "explained",
    "argued",
    "wrote",
    "noted",
    "saying",
    "asserting",
    "asserted",
    "urged",
    "claimed",
    "suggested",
    "described",
    "describing",
    "stressed",
    "replied",
    "admitted",
    "announced",
    "acknowledged",
    "according",
];

/// Capitalised words that are titles or places rather than a speaker's name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "US",
    "UK",
    "EU",
    "UN",
    "Nato",
    "NATO",
    "President",
    "Prime",
    "Minister",
    "Secretary",
    "Defence",
    "Defense",
    "Foreign",
    "Chancellor",
    "General",
    "Chief",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Lord",
    "Lady",
    "Gen",
    "Secretary-General",
    "Kremlin",
    "White",
    "House",
    "Ukrainian",
    "Russian",
    "German",
    "French",
    "British",
    "American",
    "European",
    "Estonian",
    "Dutch",
    "Polish",
    "Italian",
    "Spanish",
    "Chinese",
    "Israeli",
    "Head",
    "Senator",
    "Governor",
    "Mayor",
    "Judge",
    "Officer",
    "Commissioner",
    "Ambassador",
    "Envoy",
    "Those",
    "These",
    "This",
    "That",
    "Some",
    "Many",
    "Most",
    "Both",
    "All",
    "Several",
    "Officials",
    "Critics",
    "Others",
    "Analysts",
    "Experts",
    "Sources",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// Quotations in the content blocks of `a`, with their speakers.
pub(crate) fn find(a: &Article, index: usize, ids: &mut HashMap<String, u32>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut speakers = Speakers::default();
    for block in a.blocks.iter().filter(|b| b.role.is_content()) {
        let text = &a.text[block.span.range()];
        for (qs, qe) in quote_spans(text) {
            let span = Span::new(block.span.start + qs, block.span.start + qe);
            let words = quote_words(&a.text[span.range()], ids);
            if words.is_empty() {
                continue;
            }
            // The sentence holding the quote's start: where attribution lives.
            let sentence = block
                .sentences
                .iter()
                .find(|s| s.start <= span.start && span.start < s.end.max(s.start + 1))
                .copied()
                .unwrap_or(block.span);
            // A tweet signature or a call to follow carries no quotation.
            if crate::article::is_furniture_sentence(&a.text[sentence.range()]) {
                continue;
            }
            let found = attribution(a, block, sentence, span, &mut speakers.known_names);
            let speaker = speakers.resolve(found, &a.text[sentence.range()]);
            out.push(Found {
                article: index,
                span,
                speaker,
                words,
            });
        }
        speakers.learn(a, block);
    }
    out
}

/// A quotation's words as stem ids (Chinese and Japanese quotes are
/// compared character by character).
fn quote_words(inner: &str, ids: &mut HashMap<String, u32>) -> Vec<u32> {
    crate::align::words::count_units(inner)
        .into_iter()
        .map(stem)
        .filter(|s| !s.is_empty())
        .map(|s| {
            let n = ids.len() as u32;
            *ids.entry(s).or_insert(n)
        })
        .collect()
}

/// Who speaks a quotation: said in the sentence where it starts, or, for a
/// quotation over several sentences, where it ends.
fn attribution(
    a: &Article,
    block: &crate::article::Block,
    sentence: Span,
    span: Span,
    known_names: &mut Vec<String>,
) -> Option<Speaker> {
    if let Some(found) = attribute(a, sentence, span, known_names) {
        return Some(found);
    }
    let end_sentence = block
        .sentences
        .iter()
        .find(|s| s.start < span.end && span.end <= s.end)
        .copied()?;
    if end_sentence == sentence {
        return None;
    }
    attribute(a, end_sentence, span, known_names)
}

/// The speakers an article has named so far, the latest last, and what its
/// text says of their gender.
#[derive(Default)]
struct Speakers {
    recent: Vec<String>,
    genders: HashMap<String, Gender>,
    known_names: Vec<String>,
}

impl Speakers {
    /// The speaker's name: a name as written, or for a pronoun the last
    /// named speaker it can mean ("she" skips a man the text called "Mr");
    /// no attribution at all leaves the speaker unknown rather than guessed.
    fn resolve(&mut self, found: Option<Speaker>, sentence: &str) -> Option<String> {
        let speaker = match found? {
            Speaker::Name(n) => {
                if let Some(g) = gender_in(sentence, &n) {
                    self.genders.insert(n.clone(), g);
                }
                Some(n)
            }
            Speaker::Pronoun(g) => self
                .recent
                .iter()
                .rev()
                .find(|name| {
                    g.is_none()
                        || self
                            .genders
                            .get(*name)
                            .is_none_or(|known| Some(*known) == g)
                })
                .cloned(),
        };
        if let Some(n) = &speaker {
            self.recent.retain(|r| r != n);
            self.recent.push(n.clone());
        }
        speaker
    }

    /// After a block: names met in its text also resolve later pronouns, and
    /// what it says of their gender is kept, wherever it says it.
    fn learn(&mut self, a: &Article, block: &crate::article::Block) {
        if let Some(n) = subject_name(&a.text[block.span.range()]) {
            if !self.known_names.contains(&n) {
                self.known_names.push(n);
            }
        }
        for sentence in &block.sentences {
            let st = &a.text[sentence.range()];
            for n in self.known_names.iter().chain(&self.recent) {
                if !self.genders.contains_key(n)
                    && n.split_whitespace().last().is_some_and(|s| st.contains(s))
                {
                    if let Some(g) = gender_in(st, n) {
                        self.genders.insert(n.clone(), g);
                    }
                }
            }
        }
    }
}

/// Byte ranges (inside `text`) of quoted passages: “…”, «…», "…", and ‘…’
/// when the marks stand at word edges. An unclosed quote runs to the end.
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let close = match c {
            '“' => Some('”'),
            '«' => Some('»'),
            '「' => Some('」'),
            '『' => Some('』'),
            '"' if i == 0 || chars[i - 1].1.is_whitespace() || "([—–-".contains(chars[i - 1].1) => {
                Some('"')
            }
            '‘' if i == 0 || chars[i - 1].1.is_whitespace() || "([—–-".contains(chars[i - 1].1) => {
                Some('’')
            }
            _ => None,
        };
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let start = pos + c.len_utf8();
        let mut j = i + 1;
        let mut end = text.len();
        while j < chars.len() {
            let (p, d) = chars[j];
            let at_edge = chars.get(j + 1).is_none_or(|&(_, n)| !n.is_alphanumeric());
            if d == close && (close != '’' || at_edge) {
                end = p;
                break;
            }
            j += 1;
        }
        let inner = text[start..end].trim_matches(|c: char| c.is_whitespace() || c == ',');
        if !inner.is_empty() {
            let s = start + text[start..end].find(inner).unwrap_or(0);
            out.push((s, s + inner.len()));
        }
        i = j + 1;
    }
    out
}

enum Speaker {
    Name(String),
    /// "he", "she" or "they" (the gender, when the pronoun has one).
    Pronoun(Option<Gender>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
}

fn pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_lowercase().as_str() {
        "he" | "his" | "him" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// What the text says of a speaker's gender, where it says it: an honorific
/// before the surname ("Mr Peskov", "Ms Kallas"), a gendered title just
/// before the name ("spokeswoman Maria Zakharova"), or a gendered pronoun
/// soon after a name that opens its sentence ("Pistorius … in his comments").
/// Nothing is inferred from the name itself.
fn gender_in(sentence: &str, name: &str) -> Option<Gender> {
    let surname = name.split_whitespace().last()?;
    // Where the surname stands: a title right before one of them ("Mr
    // Peskov", "Ms. Kallas") says the gender (no string is built per title).
    let spots: Vec<usize> = sentence.match_indices(surname).map(|m| m.0).collect();
    let titled = |title: &str, sep: &str| {
        spots.iter().any(|&p| {
            sentence[..p]
                .strip_suffix(sep)
                .is_some_and(|b| b.ends_with(title))
        })
    };
    for (title, g) in [
        ("Mr", Gender::Male),
        ("Sir", Gender::Male),
        ("Lord", Gender::Male),
        ("Mrs", Gender::Female),
        ("Ms", Gender::Female),
        ("Miss", Gender::Female),
        ("Dame", Gender::Female),
        ("Lady", Gender::Female),
    ] {
        if titled(title, " ") || titled(title, ". ") {
            return Some(g);
        }
    }
    let first = name.split_whitespace().next()?;
    let at = sentence.find(first).or_else(|| sentence.find(surname))?;
    let before: Vec<&str> = sentence[..at].split_whitespace().rev().take(2).collect();
    for w in before {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        if w.ends_with("woman") || w == "actress" {
            return Some(Gender::Female);
        }
        if w.ends_with("man") && w.len() > 3 {
            return Some(Gender::Male);
        }
    }
    // Only a name near the start (the sentence's subject) owns the pronoun
    // that follows it closely.
    if sentence[..at].split_whitespace().count() > 8 {
        return None;
    }
    sentence[at..]
        .split_whitespace()
        .take(12)
        .find_map(|w| pronoun_gender(w.trim_matches(|c: char| !c.is_alphabetic())))
}

fn words_with_pos(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

fn clean(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '’' && c != '\'')
        .trim_end_matches("’s")
        .trim_end_matches("'s")
}

fn is_name_word(w: &str) -> bool {
    let w = clean(w);
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).any(char::is_lowercase)
        && !NOT_NAMES.contains(&w)
        && !crate::article::is_calendar_name(w)
}

/// A lowercase word inside a surname (`Bill de Blasio`, `Ursula von der
/// Leyen`), a name word only between two others.
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "da"
            | "di"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "le"
            | "la"
            | "du"
            | "dos"
            | "das"
            | "bin"
            | "al"
            | "ibn"
            | "ten"
            | "ter"
    )
}

/// Whether word `k` belongs to a name: a name word, or a particle with name
/// words on both sides (through a second particle: `von der Leyen`).
fn in_name(words: &[(usize, &str)], k: usize) -> bool {
    if is_name_word(words[k].1) {
        return true;
    }
    let name_or_particle = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| is_name_word(w.1) || is_particle(w.1))
    };
    is_particle(words[k].1)
        && k > 0
        && (is_name_word(words[k - 1].1) || is_particle(words[k - 1].1))
        && name_or_particle(k + 1)
        && (words.get(k + 1).is_some_and(|w| is_name_word(w.1))
            || words.get(k + 2).is_some_and(|w| is_name_word(w.1)))
}

/// The name ending at word `end` (inclusive), walking back over name words.
fn name_ending(words: &[(usize, &str)], end: usize) -> Option<String> {
    let mut k = end as isize;
    let mut parts = Vec::new();
    while k >= 0 && parts.len() < 5 && in_name(words, k as usize) {
        parts.push(clean(words[k as usize].1));
        if words[k as usize].1.ends_with(',') && !parts.is_empty() && k as usize != end {
            break;
        }
        k -= 1;
        // A name does not run across punctuation or out of a quotation.
        if k >= 0
            && words[k as usize]
                .1
                .ends_with([',', '.', ';', ':', '”', '"', '’', ')', ']', '»'])
        {
            break;
        }
    }
    parts.reverse();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// Who the sentence says spoke the quote at `quote`.
fn attribute(a: &Article, sentence: Span, quote: Span, known: &mut Vec<String>) -> Option<Speaker> {
    let text = &a.text[sentence.range()];
    let words = words_with_pos(text);
    let q0 = quote.start.saturating_sub(sentence.start);
    let q1 = quote.end.saturating_sub(sentence.start);
    let outside = |pos: usize| pos + 1 < q0 || pos > q1;
    let mut best: Option<(usize, Speaker)> = None;
    for (k, &(pos, w)) in words.iter().enumerate() {
        if !outside(pos) || !VERBS.contains(&clean(w).to_lowercase().as_str()) {
            continue;
        }
        let verb_after_quote = pos > q1;
        // ", saying …" / ", asserting …": the sentence's subject speaks.
        let participle = clean(w).ends_with("ing") && k > 0 && words[k - 1].1.ends_with(',');
        if participle {
            if let Some(n) = subject_name(&text[..pos]) {
                let dist = if pos > q1 { pos - q1 } else { q0 - pos };
                if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                    best = Some((dist, Speaker::Name(n)));
                }
                continue;
            }
        }
        // "said Kallas" / "according to X"
        let mut after = k + 1;
        if clean(w).eq_ignore_ascii_case("according")
            && words.get(after).is_some_and(|x| clean(x.1) == "to")
        {
            after += 1;
        }
        let after_name = words
            .get(after)
            .filter(|x| outside(x.0) && is_name_word(x.1))
            .map(|_| {
                let mut end = after;
                while end + 1 < words.len()
                    && end - after < 4
                    && in_name(&words, end + 1)
                    && !words[end].1.ends_with(',')
                {
                    end += 1;
                }
                // "said Kallas, a former…" or "said Peskov." — not "said Kyiv could…".
                let closes =
                    end + 1 == words.len() || words[end].1.ends_with([',', '.', ';', ':', ')']);
                if closes {
                    name_ending(&words, end)
                } else {
                    None
                }
            });
        // "Pistorius said", "Pete Hegseth, has said", "which Hegseth called", "he said"
        let mut before = None;
        let mut j = k;
        let mut skipped = 0;
        while j > 0 && skipped < 6 {
            j -= 1;
            let (p, wj) = words[j];
            if !outside(p) {
                break;
            }
            let c = clean(wj);
            if PRONOUNS.contains(&c) {
                before = Some(Speaker::Pronoun(pronoun_gender(c)));
                break;
            }
            if is_name_word(wj) {
                before = name_ending(&words, j).map(Speaker::Name);
                break;
            }
            skipped += 1;
        }
        // After the quote, "…,” said Kallas" names the speaker after the verb;
        // before it, "Hegseth said Trump was “…”" names the speaker first.
        let before_ok = before;
        let found = match (verb_after_quote, after_name.flatten(), before_ok) {
            (_, _, Some(Speaker::Pronoun(g))) => Some(Speaker::Pronoun(g)),
            (true, _, Some(s)) => Some(s),
            (true, Some(n), None) => Some(Speaker::Name(n)),
            (false, _, Some(s)) => Some(s),
            _ => None,
        };
        if let Some(s) = found {
            let dist = if pos > q1 { pos - q1 } else { q0 - pos };
            if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                best = Some((dist, s));
            }
        }
    }
    match best.map(|(_, s)| s) {
        Some(Speaker::Name(n)) => Some(Speaker::Name(full_name(&n, known))),
        other => other,
    }
}

/// A surname alone ("Pistorius") becomes the full name met earlier ("Boris Pistorius").
fn full_name(name: &str, known: &mut Vec<String>) -> String {
    if !name.contains(' ') {
        if let Some(full) = known.iter().find(|k| k.ends_with(&format!(" {name}"))) {
            return full.clone();
        }
    } else if !known.iter().any(|k| k == name) {
        known.push(name.to_string());
    }
    name.to_string()
}

/// The first multi-word name in a paragraph ("Boris Pistorius"), to resolve surnames.
fn subject_name(text: &str) -> Option<String> {
    let words = words_with_pos(text);
    for k in 0..words.len() {
        if is_name_word(words[k].1) && k + 1 < words.len() && is_name_word(words[k + 1].1) {
            let mut end = k + 1;
            while end + 1 < words.len()
                && end - k < 3
                && is_name_word(words[end + 1].1)
                && !words[end].1.ends_with(',')
            {
                end += 1;
            }
            return name_ending(&words, end).filter(|n| n.contains(' '));
        }
    }
    None
}

/// Whether two quotations are the same words: equal, one a fragment (three
/// words or more) of the other, or a shared run of five or more words covering
/// half of the shorter.
/// How strongly two quotations match: 3 equal, 2 one a fragment of the other,
/// 1 a long shared run, 0 not the same quotation.
pub(crate) fn match_strength(a: &[u32], b: &[u32]) -> u8 {
    if a == b {
        return 3;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 3 && long.windows(short.len()).any(|w| w == short) {
        return 2;
    }
    let run = longest_common_run(short, long);
    u8::from(run >= 5 && run * 2 >= short.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_quotes() {
        let t =
            "He said “everything is on the table” and ‘unrealistic’ ideas, but \"no\". It’s fine.";
        let spans: Vec<&str> = quote_spans(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(
            spans,
            vec!["everything is on the table", "unrealistic", "no"]
        );
        let t = "He said: “We want peace.";
        assert_eq!(
            quote_spans(t)
                .into_iter()
                .map(|(s, e)| &t[s..e])
                .collect::<Vec<_>>(),
            vec!["We want peace."]
        );
    }

    #[test]
    fn fragments_and_rewordings_match() {
        let w = |s: &str| {
            s.split(' ')
                .map(|x| x.len() as u32 * 31 + x.as_bytes()[0] as u32)
                .collect::<Vec<u32>>()
        };
        assert_eq!(
            match_strength(
                &w("would have been better"),
                &w("in my view it would have been better to speak")
            ),
            2
        );
        assert_eq!(
            match_strength(&w("not a betrayal"), &w("certainly not a betrayal")),
            2
        );
        assert_eq!(match_strength(&w("a b"), &w("a b c d")), 0);
        assert_eq!(match_strength(&w("a b"), &w("a b")), 3);
    }
}

#[cfg(test)]
mod gender_tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    fn speakers(text: &str) -> Vec<Option<String>> {
        let a = load_bytes("t.txt", text.as_bytes(), &LoadOptions::default()).unwrap();
        find(&a, 0, &mut HashMap::new())
            .into_iter()
            .map(|f| f.speaker)
            .collect()
    }

    #[test]
    fn particles_inside_surnames() {
        let s = speakers(
            "New York City Mayor Bill de Blasio described the flooding as a “historic weather event” on Wednesday night.\n\n\
             “Europe is ready to act,” said Ursula von der Leyen, after the talks in Brussels.\n",
        );
        assert_eq!(
            s,
            vec![
                Some("Bill de Blasio".to_string()),
                Some("Ursula von der Leyen".to_string())
            ]
        );
    }

    #[test]
    fn she_skips_a_man_and_he_skips_a_woman() {
        let s = speakers(
            "Kaja Kallas, the EU's foreign policy chief, said her bloc would not be sidelined. “Europe must be at the table,” said Kallas.\n\n\
             The Kremlin spokesman Dmitry Peskov said Moscow welcomed the talks. “There will be a bilateral track,” Peskov said.\n\n\
             “We will not accept a deal made behind our backs,” she said.\n\n\
             “Europe will have its say,” he added.\n",
        );
        let surnames: Vec<&str> = s
            .iter()
            .map(|n| {
                n.as_deref()
                    .and_then(|n| n.split(' ').next_back())
                    .unwrap_or("-")
            })
            .collect();
        assert_eq!(surnames, vec!["Kallas", "Peskov", "Kallas", "Peskov"]);
    }

    #[test]
    fn gender_comes_from_the_text_never_the_name() {
        assert_eq!(
            gender_in("Mr Peskov said so.", "Dmitry Peskov"),
            Some(Gender::Male)
        );
        assert_eq!(
            gender_in("Ms. Kallas said so.", "Kaja Kallas"),
            Some(Gender::Female)
        );
        assert_eq!(
            gender_in("Pistorius was frank in his comments.", "Boris Pistorius"),
            Some(Gender::Male)
        );
        assert_eq!(
            gender_in("Kallas said the bloc agreed.", "Kaja Kallas"),
            None
        );
    }
}
