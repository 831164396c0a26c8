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
    /// Whether the speaker is a name (not a description like "officials").
    pub named: bool,
    pub words: Vec<u32>,
    /// Which of `words` are content words (not stopwords).
    pub content: Vec<bool>,
    /// Whether the quotation stops at an ellipsis (a teaser cut it short).
    pub cut: bool,
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
    "accused",
    "accusing",
    "tweeted",
    "testified",
    "responded",
    "conceded",
    "cautioned",
    "commented",
    "vowed",
];

/// Verbs that attribute speech only right beside the quotation (`“…,” Mr.
/// Trump recounted`): elsewhere they take an object of their own (`she
/// recounted her experience`, `Biden boasted about …`).
const VERBS_BESIDE: &[&str] = &[
    "recounted",
    "recalled",
    "remarked",
    "observed",
    "boasted",
    "complained",
    "predicted",
    "countered",
    "quipped",
    "emphasized",
    "emphasised",
    "reiterated",
];

/// Words a verb of `VERBS_BESIDE` may stand from the quotation: after it,
/// the speaker's name between (`Mr. Trump`, `the Federal Reserve chair`);
/// before it, a colon or comma only.
const BESIDE_AFTER: usize = 6;

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
    "Speaker",
    "Leader",
    "Majority",
    "Minority",
    "Whip",
    "Justice",
    "Director",
    "Director-General",
    "Deputy",
    "Vice",
    "Acting",
    "Former",
    "Assistant",
    "Attorney",
    "Press",
    "Chairman",
    "Chairwoman",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Rep",
    "Reps",
    "Sen",
    "Sens",
    "Gov",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Adm",
    "Pope",
    "Professor",
    "Prof",
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
        // The last quotation of this paragraph with a speaker.
        let mut previous: Option<(String, bool)> = None;
        for (qs, qe) in quote_spans(text) {
            let span = Span::new(block.span.start + qs, block.span.start + qe);
            // A title in quotation marks (“Fox News Primetime”, “60
            // Minutes”) names a show or a book; nobody said it.
            if is_title(&a.text[span.range()])
                || names_a_work(&text[..qs], &a.text[span.range()], &text[qe..])
            {
                continue;
            }
            let inner = &a.text[span.range()];
            let (words, content) = quote_words(inner, ids);
            if words.is_empty() {
                continue;
            }
            let cut = inner.trim_end().ends_with('…') || inner.trim_end().ends_with("...");
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
            let attributed = found.is_some();
            let named = !matches!(found, Some(Speaker::Described(_)));
            let mut speaker = speakers.resolve(found, &a.text[sentence.range()]);
            let mut named = named && speaker.is_some();
            // "“…,” Mr. Trump said on Nov. 8. “I like our situation …”": a
            // quotation that opens a sentence of its own with no attribution
            // goes on with the speaker of the paragraph's quotation before.
            if !attributed && opens_the_sentence(&a.text[sentence.start..span.start]) {
                if let Some((s, n)) = &previous {
                    speaker = Some(s.clone());
                    named = *n;
                }
            }
            if let Some(s) = &speaker {
                previous = Some((s.clone(), named));
            }
            out.push(Found {
                article: index,
                span,
                named,
                speaker,
                words,
                content,
                cut,
            });
        }
        speakers.learn(a, block);
    }
    out
}

/// Whether the text of a sentence before its quotation is only the opening
/// quotation mark (and spaces): the quotation opens the sentence.
fn opens_the_sentence(before: &str) -> bool {
    before
        .trim()
        .chars()
        .all(|c| matches!(c, '“' | '"' | '«' | '‘' | '\''))
}

/// Whether one quoted capitalised word is the title of a work, as the words
/// around it say: `the book “Peril”`, `“Peril,” a book from Woodward`,
/// `The “Brave” author`.
fn names_a_work(before: &str, inner: &str, after: &str) -> bool {
    const WORKS: &[&str] = &[
        "book",
        "memoir",
        "novel",
        "film",
        "movie",
        "documentary",
        "show",
        "series",
        "album",
        "song",
        "podcast",
        "play",
        "titled",
        "entitled",
        "called",
    ];
    const MAKERS: &[&str] = &["author", "writer", "director", "host", "star", "creator"];
    let word = inner.trim_matches(|c: char| !c.is_alphanumeric());
    let one_word = !word.is_empty()
        && !word.contains(char::is_whitespace)
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    if !one_word {
        return false;
    }
    let fold = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let before_word = before
        .trim_end_matches(['“', '"', '‘', '\''])
        .split_whitespace()
        .next_back()
        .map(fold)
        .unwrap_or_default();
    let mut next = after
        .trim_start_matches(['”', '"', '’', '\'', ',', '.'])
        .split_whitespace()
        .map(fold);
    let (first, second) = (
        next.next().unwrap_or_default(),
        next.next().unwrap_or_default(),
    );
    WORKS.contains(&before_word.as_str())
        || MAKERS.contains(&first.as_str())
        || (matches!(first.as_str(), "a" | "an" | "the" | "his" | "her" | "their")
            && WORKS.contains(&second.as_str()))
}

/// Whether quoted words are a title: two words or more, every one capitalised
/// (or a figure) but the small words inside (`From the Desk of Donald J. Trump`).
fn is_title(inner: &str) -> bool {
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "in"
                | "on"
                | "for"
                | "to"
                | "at"
                | "by"
                | "with"
                | "from"
        )
    };
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let figure = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    (2..=12).contains(&words.len())
        && (capital(words[0]) || figure(words[0]))
        && words.iter().filter(|w| capital(w)).count() >= 2 - usize::from(figure(words[0]))
        && words.iter().all(|w| capital(w) || figure(w) || small(w))
        && !inner.trim_end().ends_with(['?', '!'])
}

/// A quotation's words as stem ids (Chinese and Japanese quotes are
/// compared character by character), and which of them are content words.
fn quote_words(inner: &str, ids: &mut HashMap<String, u32>) -> (Vec<u32>, Vec<bool>) {
    crate::align::words::count_units(inner)
        .into_iter()
        .map(|w| (stem(w), w))
        .filter(|(s, _)| !s.is_empty())
        .map(|(s, w)| {
            let n = ids.len() as u32;
            let content = !crate::align::similarity::is_stopword(
                &w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase(),
            );
            (*ids.entry(s).or_insert(n), content)
        })
        .unzip()
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
            Speaker::Described(d) => return Some(d),
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
        let subject = subject_name(&a.text[block.span.range()]);
        if let Some(n) = &subject {
            if !self.known_names.contains(n) {
                self.known_names.push(n.clone());
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
        // The person a paragraph is about, when it says he or she, is who a
        // pronoun in the next one means ("The German chancellor, Olaf Scholz,
        // said he …" then "He rejected “…”"), even without a quotation.
        if let Some(n) = subject.filter(|n| self.genders.contains_key(n)) {
            self.recent.retain(|r| *r != n);
            self.recent.push(n);
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

#[derive(Clone)]
enum Speaker {
    Name(String),
    /// Who the text says spoke when it names no one: "a senior administration
    /// official", "Republican senators".
    Described(String),
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

/// `of`, `for` or `and` between two name words inside one name (`Board of
/// Elections`, `National Center for Health Statistics`, `National Archives
/// and Records Administration`).
fn joins_a_name(words: &[(usize, &str)], k: usize) -> bool {
    matches!(words[k].1, "of" | "for" | "and")
        && k > 0
        && is_name_word(words[k - 1].1)
        && words
            .get(k + 1)
            .is_some_and(|w| is_name_word(w.1) || is_acronym(w.1))
}

/// A word of an institution's name that also opens titles (`Defense`,
/// `Justice`), standing between two name words, is part of one name
/// (`Israel Defense Force`); a person's title never is (`New York City Mayor
/// Bill de Blasio`).
fn title_inside_a_name(words: &[(usize, &str)], k: usize) -> bool {
    let w = clean(words[k].1);
    matches!(
        w,
        "Defence" | "Defense" | "Foreign" | "Justice" | "Press" | "Majority" | "Minority"
    ) && k > 0
        && is_name_word(words[k - 1].1)
        && !words[k - 1].1.ends_with(['’', '\''])
        && !words[k - 1].1.ends_with("’s")
        && !words[k - 1].1.ends_with("'s")
        && words.get(k + 1).is_some_and(|x| is_name_word(x.1))
}

/// The name ending at word `end` (inclusive), walking back over name words.
fn name_ending(words: &[(usize, &str)], end: usize) -> Option<String> {
    let mut k = end as isize;
    let mut parts = Vec::new();
    while k >= 0
        && parts.len() < 8
        && (in_name(words, k as usize)
            || joins_a_name(words, k as usize)
            || (k as usize != end && is_acronym(words[k as usize].1))
            || (k as usize != end && title_inside_a_name(words, k as usize)))
    {
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

/// Who the sentence says spoke the quote at `quote`: of every verb of saying
/// outside the quotation, the one nearest to it that names a speaker.
fn attribute(a: &Article, sentence: Span, quote: Span, known: &mut Vec<String>) -> Option<Speaker> {
    let text = &a.text[sentence.range()];
    let words = words_with_pos(text);
    let q0 = quote.start.saturating_sub(sentence.start);
    let q1 = quote.end.saturating_sub(sentence.start);
    let outside = |pos: usize| pos + 1 < q0 || pos > q1;
    let mut best: Option<(usize, Speaker)> = None;
    // The speaker of the verb before: ", saying …" and "… but warned" share it.
    let mut previous: Option<Speaker> = None;
    for (k, &(pos, _)) in words.iter().enumerate() {
        if !outside(pos) || !is_verb_of_saying(&words, k) {
            continue;
        }
        if VERBS_BESIDE.contains(&clean(words[k].1).to_lowercase().as_str())
            && !beside(
                &words,
                k,
                (q0, q1),
                &a.text[quote.range()],
                &a.text[quote.end..],
            )
        {
            continue;
        }
        let found = if continues_the_subject(&words, k) {
            previous
                .clone()
                .or_else(|| opening_subject(&words, &outside))
                .or_else(|| subject_name(&text[..pos]).map(Speaker::Name))
        } else {
            // "Hegseth said Trump was “…”" and "…,” Kallas said" name the
            // speaker first; "…,” said Kallas" after the verb.
            speaker_before(&words, k, &outside).or_else(|| speaker_after(&words, k, &outside))
        };
        if let Some(s) = &found {
            let dist = if pos > q1 { pos - q1 } else { q0 - pos };
            if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                best = Some((dist, s.clone()));
            }
        }
        previous = found.or(previous);
    }
    match best.map(|(_, s)| s) {
        Some(Speaker::Name(n)) => Some(Speaker::Name(full_name(&n, known))),
        other => other,
    }
}

/// Whether the verb at `k` stands beside the quotation (`q0..q1` in the
/// sentence; `inner` its words, `after` the text after them): after one
/// that ends as a quoted sentence is cut off for its attribution (`“…,” Mr.
/// Trump recounted`), with only the speaker between, or just before it
/// (`recalled: “…”`).
fn beside(
    words: &[(usize, &str)],
    k: usize,
    (q0, q1): (usize, usize),
    inner: &str,
    after: &str,
) -> bool {
    let pos = words[k].0;
    if pos > q1 {
        let between = words.iter().filter(|w| w.0 > q1 && w.0 < pos).count();
        let cut_off =
            inner.trim_end().ends_with([',', '?', '!', '—', '…']) || after.starts_with(',');
        cut_off && between <= BESIDE_AFTER
    } else {
        !words.iter().any(|w| w.0 > pos && w.0 < q0)
    }
}

/// Whether word `k` is a verb of saying here: written in lower case (the
/// `States` of `United States` is no verb), not after a possessive or an
/// article (`his stated deadline`), and not passive (`Fox News is told`).
fn is_verb_of_saying(words: &[(usize, &str)], k: usize) -> bool {
    let w = clean(words[k].1);
    let lower = w.to_lowercase();
    if !VERBS.contains(&lower.as_str()) && !VERBS_BESIDE.contains(&lower.as_str()) {
        return false;
    }
    if k > 0 && w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let before = k
        .checked_sub(1)
        .map(|j| clean(words[j].1).to_lowercase())
        .unwrap_or_default();
    let progressive =
        w.ends_with("ing") && matches!(before.as_str(), "is" | "was" | "were" | "are");
    progressive
        || !matches!(
            before.as_str(),
            "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "the"
                | "a"
                | "an"
                | "is"
                | "was"
                | "were"
                | "are"
                | "be"
                | "been"
                | "being"
        )
}

/// ", saying …", "… and added", "… but warned": the verb goes on with the
/// subject of the verb before it, not with the words just before it.
fn continues_the_subject(words: &[(usize, &str)], k: usize) -> bool {
    let w = clean(words[k].1);
    let participle =
        w.ends_with("ing") && w != "according" && k > 0 && words[k - 1].1.ends_with(',');
    let coordinated = k > 0
        && matches!(clean(words[k - 1].1), "and" | "but")
        && k > 1
        && !is_name_word(words[k - 2].1);
    participle || coordinated
}

/// The subject a sentence opens with: a name after any titles (`President
/// Joe Biden said …`), or a pronoun.
fn opening_subject(words: &[(usize, &str)], outside: &impl Fn(usize) -> bool) -> Option<Speaker> {
    if !words.first().is_some_and(|w| outside(w.0)) {
        return None;
    }
    // "The Taiwanese president stood firm … and said": what the subject is called.
    if matches!(words[0].1, "The" | "A" | "An") {
        let noun = (1..words.len().min(6))
            .take_while(|&i| outside(words[i].0) && !words[i - 1].1.ends_with(','))
            .find(|&i| is_speaker_noun(&clean(words[i].1).to_lowercase()))?;
        // "The German chancellor, Olaf Scholz, said": the name in apposition.
        if words[noun].1.ends_with(',') {
            let start = noun + 1;
            if let Some(end) = (start..words.len().min(start + 5))
                .take_while(|&e| outside(words[e].0) && in_name(words, e))
                .find(|&e| words[e].1.ends_with(','))
            {
                if let Some(name) = name_ending(words, end) {
                    return Some(Speaker::Name(name));
                }
            }
        }
        return Some(Speaker::Described(description_ending(words, noun)));
    }
    // "Germany’s Defence Minister, Boris Pistorius, criticised": a
    // possessive opens the subject, the name after the titles speaks.
    if words[0].1.ends_with("’s") || words[0].1.ends_with("'s") {
        let titles = (1..words.len().min(6))
            .take_while(|&j| {
                outside(words[j].0) && {
                    let c = clean(words[j].1);
                    NOT_NAMES.contains(&c) || is_speaker_noun(&c.to_lowercase())
                }
            })
            .count();
        let start = 1 + titles;
        if titles == 0
            || !words
                .get(start)
                .is_some_and(|w| outside(w.0) && is_name_word(w.1))
        {
            return None;
        }
        let mut end = start;
        while end + 1 < words.len()
            && end - start < 4
            && in_name(words, end + 1)
            && !words[end].1.ends_with(',')
        {
            end += 1;
        }
        return name_ending(words, end).map(Speaker::Name);
    }
    let mut i = 0;
    while i < words.len() && i < 3 && !is_name_word(words[i].1) {
        let c = clean(words[i].1);
        if PRONOUNS.contains(&c) {
            return Some(Speaker::Pronoun(pronoun_gender(c)));
        }
        let title = NOT_NAMES.contains(&c) && c.chars().next().is_some_and(char::is_uppercase);
        if !title {
            return None;
        }
        i += 1;
    }
    let mut end = i;
    if !words.get(end).is_some_and(|w| is_name_word(w.1)) {
        return None;
    }
    while end + 1 < words.len()
        && end - i < 4
        && in_name(words, end + 1)
        && !words[end].1.ends_with(',')
    {
        end += 1;
    }
    name_ending(words, end).map(Speaker::Name)
}

/// Who speaks, from the words before the verb at `k`: the name just before
/// it (`Psaki said`, `Pete Hegseth, has said`), the name an apposition
/// follows (`Chris Murphy, a Connecticut Democrat, told`), else what the text
/// calls the speaker (`A senior Biden administration official described`,
/// `Republican senators said`) — never a name that only stands inside the
/// subject (`Biden` in that official, `Elections` in `Board of Elections`).
fn speaker_before(
    words: &[(usize, &str)],
    k: usize,
    outside: &impl Fn(usize) -> bool,
) -> Option<Speaker> {
    let mut h = k;
    let mut steps = 0;
    while h > 0 && steps < 4 && outside(words[h - 1].0) && is_filler(words[h - 1].1) {
        h -= 1;
        steps += 1;
    }
    let h = h.checked_sub(1)?;
    if !outside(words[h].0) {
        return None;
    }
    if let Some(s) = subject_at(words, h, outside) {
        return Some(s);
    }
    // "Trump in a statement said": the subject stands before the phrase.
    let p = (h.saturating_sub(4)..h)
        .rev()
        .find(|&p| is_preposition(clean(words[p].1)))?;
    subject_at(words, p.checked_sub(1)?, outside)
}

/// The subject whose last word is word `h`, if it names or describes a speaker.
fn subject_at(
    words: &[(usize, &str)],
    mut h: usize,
    outside: &impl Fn(usize) -> bool,
) -> Option<Speaker> {
    if !outside(words[h].0) {
        return None;
    }
    let c = clean(words[h].1);
    if PRONOUNS.contains(&c) {
        return Some(Speaker::Pronoun(pronoun_gender(c)));
    }
    // "Judge Analisa Torres, who called it …": the one before "who".
    let who = c == "who";
    if who {
        h = h.checked_sub(1)?;
        if !outside(words[h].0) {
            return None;
        }
    }
    let head = words[h].1;
    let name = is_head_name(head).then(|| name_span(words, h)).flatten();
    // "speaking in Berlin, said": a place, not who speaks (a word of the
    // quotation before the name is no preposition of it).
    let placed = !who
        && name.as_ref().is_some_and(|(start, _)| {
            start.checked_sub(1).is_some_and(|d| {
                outside(words[d].0)
                    && !words[d].1.ends_with([',', '.', ';', ':', '”', '"', '’'])
                    && is_place_preposition(&clean(words[d].1).to_lowercase())
            })
        });
    let appositive = match &name {
        Some((start, n)) => {
            let det = start
                .checked_sub(1)
                .map(|d| clean(words[d].1).to_lowercase())
                .unwrap_or_default();
            // "Roger Benitez, an appointee of President George W. Bush,
            // argued": the name closes an apposition that opened with an
            // article after a comma; the name before that comma speaks.
            let inside_apposition = head.ends_with(',')
                && (start.saturating_sub(10)..*start)
                    .rev()
                    .take_while(|&i| outside(words[i].0))
                    .find(|&i| words[i].1.ends_with(','))
                    .is_some_and(|c| {
                        c + 1 < *start
                            && matches!(
                                clean(words[c + 1].1).to_lowercase().as_str(),
                                "a" | "an" | "the"
                            )
                    });
            let described = matches!(det.as_str(), "a" | "an")
                || inside_apposition
                || (det == "the" && head.ends_with(','))
                || is_speaker_noun(&n.split(' ').next_back().unwrap_or("").to_lowercase());
            if !described && !placed {
                return Some(Speaker::Name(n.clone()));
            }
            !placed || head.ends_with(',')
        }
        None => head.ends_with(','),
    };
    // An apposition ends just before the verb: the name before it speaks.
    if appositive && head.ends_with(',') {
        let from = name.as_ref().map_or(h, |(start, _)| *start);
        let named = (from.saturating_sub(10)..from)
            .rev()
            .take_while(|&i| outside(words[i].0))
            .find(|&i| words[i].1.ends_with(','))
            .filter(|&i| is_head_name(words[i].1))
            .and_then(|i| name_span(words, i));
        if let Some((_, n)) = named {
            return Some(Speaker::Name(n));
        }
    }
    if placed {
        return None;
    }
    let noun = clean(head).to_lowercase();
    let institution = matches!(clean(head), "House" | "Kremlin" | "Pentagon" | "Senate");
    (name.is_some() || is_speaker_noun(&noun) || institution)
        .then(|| Speaker::Described(description_ending(words, h)))
}

/// "…,” said Kallas" or "…,” said a senior official".
fn speaker_after(
    words: &[(usize, &str)],
    k: usize,
    outside: &impl Fn(usize) -> bool,
) -> Option<Speaker> {
    let w = clean(words[k].1);
    let mut after = k + 1;
    if w.eq_ignore_ascii_case("according") && words.get(after).is_some_and(|x| clean(x.1) == "to") {
        after += 1;
    }
    let first = words.get(after).filter(|x| outside(x.0))?;
    if is_name_word(first.1) {
        let mut end = after;
        while end + 1 < words.len()
            && end - after < 4
            && in_name(words, end + 1)
            && !words[end].1.ends_with(',')
        {
            end += 1;
        }
        // "said Kallas, a former…" or "said Peskov." — not "said Kyiv could…".
        let closes = end + 1 == words.len() || words[end].1.ends_with([',', '.', ';', ':', ')']);
        return closes
            .then(|| name_ending(words, end))
            .flatten()
            .map(Speaker::Name);
    }
    if !matches!(
        clean(first.1).to_lowercase().as_str(),
        "a" | "an" | "the" | "one" | "another"
    ) {
        return None;
    }
    let end = (after + 1..words.len().min(after + 7))
        .take_while(|&e| outside(words[e].0))
        .find(|&e| words[e].1.ends_with([',', '.', ';']) || e + 1 == words.len())?;
    is_speaker_noun(&clean(words[end].1).to_lowercase())
        .then(|| Speaker::Described(description_ending(words, end)))
}

/// A word that may end a speaker's name: a name word, or an acronym (`CDC`).
fn is_head_name(w: &str) -> bool {
    is_name_word(w) || is_acronym(w)
}

fn is_acronym(w: &str) -> bool {
    let c = clean(w);
    (2..=5).contains(&c.len())
        && c.chars().all(|ch| ch.is_ascii_uppercase())
        && !NOT_NAMES.contains(&c)
        && !w.starts_with('(')
}

/// The name ending at word `end` and where it starts.
fn name_span(words: &[(usize, &str)], end: usize) -> Option<(usize, String)> {
    let n = name_ending(words, end)?;
    Some((end + 1 - n.split(' ').count(), n))
}

/// Words between a subject and its verb that say nothing of who speaks:
/// auxiliaries, adverbs, days and a party tag (`(D-Wis.)`).
fn is_filler(w: &str) -> bool {
    let c = clean(w);
    w.starts_with('(')
        || crate::article::is_calendar_name(c)
        || matches!(
            c.to_lowercase().as_str(),
            "has"
                | "have"
                | "had"
                | "was"
                | "is"
                | "were"
                | "also"
                | "later"
                | "initially"
                | "previously"
                | "then"
                | "earlier"
                | "once"
                | "again"
                | "further"
                | "repeatedly"
                | "recently"
                | "reportedly"
                | "publicly"
                | "privately"
                | "separately"
                | "subsequently"
                | "first"
                | "on"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "today"
                | "yesterday"
                | "would"
                | "will"
                | "did"
                | "quickly"
                | "immediately"
                | "flatly"
                | "simply"
        )
}

/// A preposition that puts a name in a place or time (`speaking in Berlin`),
/// not one that gives a source (`a statement from Team Trump said`).
fn is_place_preposition(w: &str) -> bool {
    matches!(w, "in" | "at" | "on" | "during" | "near")
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on" | "at" | "during" | "via" | "through" | "to" | "from" | "with" | "after"
    )
}

/// Nouns that name who speaks (`official`, `senator`, `spokesperson`); with
/// plurals, compounds in -man/-woman/-person and -ist words besides.
const SPEAKER_NOUNS: &[&str] = &[
    "official",
    "aide",
    "senator",
    "lawmaker",
    "legislator",
    "representative",
    "governor",
    "mayor",
    "president",
    "minister",
    "secretary",
    "director",
    "chief",
    "head",
    "leader",
    "chair",
    "ceo",
    "executive",
    "host",
    "anchor",
    "author",
    "reporter",
    "correspondent",
    "expert",
    "economist",
    "researcher",
    "doctor",
    "physician",
    "professor",
    "lawyer",
    "attorney",
    "prosecutor",
    "judge",
    "justice",
    "investigator",
    "police",
    "officer",
    "witness",
    "resident",
    "respondent",
    "voter",
    "democrat",
    "republican",
    "critic",
    "supporter",
    "opponent",
    "advocate",
    "organizer",
    "protester",
    "parent",
    "teacher",
    "student",
    "member",
    "source",
    "diplomat",
    "envoy",
    "ambassador",
    "commander",
    "general",
    "admiral",
    "agency",
    "company",
    "firm",
    "department",
    "ministry",
    "government",
    "administration",
    "campaign",
    "committee",
    "commission",
    "court",
    "group",
    "organization",
    "organisation",
    "union",
    "office",
    "team",
    "board",
    "council",
    "military",
    "authoritie",
    "authority",
    "party",
    "founder",
    "owner",
    "manager",
    "worker",
    "partner",
    "writer",
    "editor",
    "negotiator",
    "regulator",
    "survivor",
    "sponsor",
    "sister",
    "brother",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "friend",
    "family",
    "victim",
    "people",
    "staff",
    "staffer",
    "employee",
    "nominee",
    "bank",
    "actor",
    "actress",
    "activist",
    "spokesperson",
    "candidate",
    "user",
    "fan",
    "coach",
    "player",
];

/// A noun that names who speaks without naming a person (`official`,
/// `senators`, `spokeswoman`, `agency`).
fn is_speaker_noun(w: &str) -> bool {
    let singular = w.strip_suffix("ies").map(|s| format!("{s}y"));
    let singular = singular
        .as_deref()
        .or_else(|| w.strip_suffix('s'))
        .unwrap_or(w);
    SPEAKER_NOUNS.contains(&w)
        || SPEAKER_NOUNS.contains(&singular)
        || ["man", "men", "woman", "women", "person", "people"]
            .iter()
            .any(|s| w.len() > s.len() + 2 && w.ends_with(s))
        || (w.len() >= 6 && (w.ends_with("ist") || w.ends_with("ists")))
}

/// The phrase that ends at word `h` and says who speaks, from its article
/// (`a senior Biden administration official`, `Fifty-nine percent of
/// respondents`, `the “Brave” author`), at most ten words.
fn description_ending(words: &[(usize, &str)], h: usize) -> String {
    let mut start = h;
    while start > 0 && h - start < 9 {
        let w = words[start - 1].1;
        let abbreviation = w.ends_with('.') && w[..w.len() - 1].contains('.');
        if w.ends_with([',', ';', ':', ')', '—', '–']) || (w.ends_with('.') && !abbreviation) {
            break;
        }
        let c = clean(w).to_lowercase();
        let joins = matches!(c.as_str(), "of" | "at" | "with" | "from" | "for")
            || (c == "and"
                && start >= 2
                && (is_speaker_noun(&clean(words[start - 2].1).to_lowercase())
                    || is_head_name(words[start - 2].1)));
        let kept = is_determiner(&c) || c == "other";
        if !joins && (is_stopword(&c) && !kept || VERBS.contains(&c.as_str())) {
            break;
        }
        start -= 1;
        if is_determiner(&c) || w.starts_with(['“', '"', '‘']) {
            break;
        }
    }
    let mut phrase: Vec<&str> = words[start..=h].iter().map(|w| w.1).collect();
    let last = phrase.len() - 1;
    phrase[last] = phrase[last].trim_end_matches([',', '.', ';', ':']);
    let phrase = phrase.join(" ");
    let first = words[start].1;
    if is_determiner(&clean(first).to_lowercase()) {
        let mut chars = phrase.chars();
        let c = chars
            .next()
            .map(|c| c.to_lowercase().to_string())
            .unwrap_or_default();
        return c + chars.as_str();
    }
    phrase
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "one"
            | "another"
            | "two"
            | "three"
            | "several"
            | "some"
            | "many"
            | "his"
            | "her"
            | "their"
            | "its"
    )
}

fn is_stopword(w: &str) -> bool {
    crate::align::similarity::is_stopword(w)
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
/// (What the person is, before the name, is left out: `Journalist Nikole
/// Hannah-Jones` is Nikole Hannah-Jones.)
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
            let name = name_ending(&words, end)?;
            let name = name
                .split(' ')
                .skip_while(|w| is_speaker_noun(&w.to_lowercase()))
                .collect::<Vec<_>>()
                .join(" ");
            return Some(name).filter(|n| n.contains(' '));
        }
    }
    None
}

/// How strongly two quotations found in the story match: as
/// `match_strength`, or 1 when one a teaser cut short at an ellipsis ends
/// with two content words or more that open the other (`…the FBI was
/// politically constrained...` and `politically constrained by the Trump
/// White House`).
pub(crate) fn strength(a: &Found, b: &Found) -> u8 {
    let strength = match_strength(&a.words, &b.words);
    if strength > 0 {
        return strength;
    }
    let runs_on = |x: &Found, y: &Found| {
        x.cut
            && (2..=x.words.len().min(y.words.len())).rev().any(|k| {
                let tail = x.words.len() - k;
                x.words[tail..] == y.words[..k]
                    && x.content[tail..].iter().filter(|&&c| c).count() >= 2
            })
    };
    u8::from(runs_on(a, b) || runs_on(b, a) || one_piece_replaced(a, b))
}

/// Whether two quotations are one wording with a piece of it replaced: the
/// same words before and after a run of at most two words on each side (`had
/// $20 billion done` / `had $25 billion done`), with at least four words and
/// two content words kept. A changed figure or word inside a short quotation
/// leaves no run of five, yet it is the same quotation, altered.
fn one_piece_replaced(a: &Found, b: &Found) -> bool {
    let (x, y) = (&a.words, &b.words);
    let shorter = x.len().min(y.len());
    let head = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    let tail = x[head..]
        .iter()
        .rev()
        .zip(y[head..].iter().rev())
        .take_while(|(p, q)| p == q)
        .count();
    let kept = head + tail;
    let content = a.content[..head].iter().filter(|&&c| c).count()
        + a.content[x.len() - tail..].iter().filter(|&&c| c).count();
    kept < shorter && kept >= 4 && x.len() - kept <= 2 && y.len() - kept <= 2 && content >= 2
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

    /// Regression (QA r5 D8): `recounted` attributes beside a quotation
    /// only, and a quotation that opens its own sentence after an attributed
    /// one in the same paragraph goes on with that speaker.
    #[test]
    fn recounted_and_a_quotation_that_goes_on() {
        let s = speakers(
            "“My people had $20 billion done,” Mr. Trump recounted in an Oct. 21 cabinet meeting. “And I said, ‘I want more.’”\n\n\
             “It’s striking that in almost every corner of the world tensions are rising,” John Williams, the president of the Federal Reserve Bank of New York, said in a speech last week. “The uncertainty created by current events is no doubt having a lasting effect.”\n\n\
             The “squad” member was ridiculed after she recounted her experience with difficult pregnancies at a hearing.\n\n\
             San Diego judge Roger Benitez, an appointee of President George W. Bush, argued the rifles are “ordinary, popular, modern rifles” and often useful.\n",
        );
        assert_eq!(
            s,
            vec![
                Some("Trump".to_string()),
                Some("Trump".to_string()),
                Some("John Williams".to_string()),
                Some("John Williams".to_string()),
                None,
                Some("Roger Benitez".to_string()),
            ]
        );
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

#[cfg(test)]
mod speaker_tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let a = load_bytes("t.txt", text.as_bytes(), &LoadOptions::default()).unwrap();
        find(&a, 0, &mut HashMap::new())
            .into_iter()
            .map(|f| (a.text[f.span.range()].to_string(), f.speaker))
            .collect()
    }

    fn speaker_of(text: &str) -> Option<String> {
        let found = speakers(text);
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].1.clone()
    }

    #[test]
    fn a_name_inside_the_subject_is_not_the_speaker() {
        assert_eq!(
            speaker_of(
                "A senior Biden administration official described the gesture as a “major step”.\n"
            )
            .as_deref(),
            Some("a senior Biden administration official")
        );
        assert_eq!(
            speaker_of("Notably, the plan is heavy on “real” infrastructure compared to the proposal, Republican senators said.\n").as_deref(),
            Some("Republican senators")
        );
        assert_eq!(
            speaker_of("The lawmakers wrote that the revelation “confirms that the tip line was a departure from past practice”.\n").as_deref(),
            Some("the lawmakers")
        );
        assert_eq!(
            speaker_of("In a Tuesday letter, Democratic senators accused the FBI of being “politically constrained by the Trump White House,” demanding answers.\n").as_deref(),
            Some("Democratic senators")
        );
        assert_eq!(
            speaker_of("Defense Department officials said one of the targets was a “planner” in the group.\n").as_deref(),
            Some("Defense Department officials")
        );
    }

    #[test]
    fn a_described_subject_speaks_through_the_name_in_apposition() {
        assert_eq!(
            speaker_of(
                "The German chancellor, Olaf Scholz, speaking in Berlin, said the deal would be “no lasting peace”."
            ),
            Some("Olaf Scholz".to_string())
        );
        assert_eq!(
            speaker_of("The Taiwanese president stood firm and said “we will not bow”."),
            Some("the Taiwanese president".to_string())
        );
    }

    #[test]
    fn a_pronoun_means_the_person_the_paragraph_before_was_about() {
        let found = speakers(
            "Scholz warns on talks\n\nThe German chancellor, Olaf Scholz, speaking in Berlin, said he believed the war must end. He said that while he supported talks, the goal was a lasting peace.\n\nHe rejected “any solution that would lead to an uncoupling of European and American security”, saying that “only one person would profit from this”.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found.iter().all(|f| f.1.as_deref() == Some("Olaf Scholz")),
            "{found:?}"
        );
        assert_eq!(
            subject_name("Journalist Nikole Hannah-Jones on Tuesday announced her decision."),
            Some("Nikole Hannah-Jones".to_string())
        );
    }

    #[test]
    fn one_word_titles_of_works_are_no_quotes() {
        assert!(names_a_work(
            "according to passages of ",
            "Peril",
            ",” a book from Woodward"
        ));
        assert!(names_a_work(
            "The “",
            "Brave",
            "” author called that ability"
        ));
        assert!(names_a_work("in his book “", "Fear", ".”"));
        assert!(!names_a_work("He called it ", "regrettable", ".”"));
        assert!(!names_a_work(
            "She said it was “",
            "Unacceptable",
            ",” and left."
        ));
        assert!(!names_a_work("the book “", "We will rebuild", ".”"));
    }

    #[test]
    fn a_possessive_subject_speaks_through_the_name_after_its_titles() {
        assert_eq!(
            speaker_of(
                "Germany’s Defence Minister, Boris Pistorius, criticised the US for making concessions, describing it as “regrettable.”"
            ),
            Some("Boris Pistorius".to_string())
        );
        assert_eq!(
            speaker_of(
                "Germany’s Defence Minister Boris Pistorius was frank, saying it “would have been better” to wait."
            ),
            Some("Boris Pistorius".to_string())
        );
    }

    #[test]
    fn a_title_between_two_name_words_is_inside_the_name() {
        assert_eq!(
            speaker_of(
                "The Israel Defense Force (IDF) tweeted Thursday about the operation, writing that “IDF air and ground troops are currently attacking.”"
            ),
            Some("Israel Defense Force".to_string())
        );
        assert_eq!(
            speaker_of("Defence Minister Boris Pistorius said: “We will not wait for anyone.”"),
            Some("Boris Pistorius".to_string())
        );
    }

    #[test]
    fn a_capitalised_verb_is_a_name() {
        assert_eq!(
            speaker_of("President Joe Biden said Tuesday the United States was “opening a new era of relentless diplomacy” after the withdrawal.\n").as_deref(),
            Some("Joe Biden")
        );
    }

    #[test]
    fn organisations_keep_their_whole_names() {
        assert_eq!(
            speaker_of("The election was thrown into disarray after the Board of Elections acknowledged a “discrepancy” in the count.\n").as_deref(),
            Some("Board of Elections")
        );
        assert_eq!(
            speaker_of("“This is the sixth consecutive year that births declined,” the National Center for Health Statistics said.\n").as_deref(),
            Some("National Center for Health Statistics")
        );
        assert_eq!(
            speaker_of("In a statement on Wednesday, TC Energy said it had ended the project “after a comprehensive review of its options” last week.\n").as_deref(),
            Some("TC Energy")
        );
    }

    #[test]
    fn an_apposition_gives_way_to_the_name_before_it() {
        assert_eq!(
            speaker_of("“We are willing to take this offer,” Sen. Chris Murphy, a Connecticut Democrat, told reporters.\n").as_deref(),
            Some("Chris Murphy")
        );
        assert_eq!(
            speaker_of("“We will celebrate his life,” Bridgett Floyd, George Floyd's sister, said at a press conference.\n").as_deref(),
            Some("Bridgett Floyd")
        );
        assert_eq!(
            speaker_of("Sen. Tammy Baldwin (D-Wis.) noted that the offer would amount to “a temporary victory.”\n").as_deref(),
            Some("Tammy Baldwin")
        );
        assert_eq!(
            speaker_of(
                "“The time has come to make progress,” Majority Leader Chuck Schumer said.\n"
            )
            .as_deref(),
            Some("Chuck Schumer")
        );
        assert_eq!(
            speaker_of("“On that point, Joe, we are completely at one,” Mr Johnson was saying before being cut off.\n").as_deref(),
            Some("Johnson")
        );
        assert_eq!(
            speaker_of("The International Chamber of Shipping and other transport groups warned of a “global transport systems collapse” this week.\n").as_deref(),
            Some("the International Chamber of Shipping and other transport groups")
        );
    }

    #[test]
    fn a_show_is_no_speaker_and_its_title_no_quote() {
        assert_eq!(
            speaker_of("\"Tucker Carlson Tonight\" host said Monday that the agency is \"spying on him\" and would leak it.\n").as_deref(),
            Some("\"Tucker Carlson Tonight\" host")
        );
        let found = speakers("She spoke with \"Fox News Primetime\" host Tammy Bruce, and told “60 Minutes” about it.\n");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn no_verb_of_saying_no_speaker() {
        assert_eq!(
            speaker_of("Biden will not, however, meet his stated deadline, amid concerns that the measure does not have “teeth.”\n"),
            None
        );
        // "is told": Fox News heard it; Stefanik said it.
        let found = speakers("Stefanik said she's \"truly honored\" and vowed to \"save our country\" from the agenda, Fox News is told.\n");
        let names: Vec<_> = found.iter().map(|f| f.1.as_deref()).collect();
        assert_eq!(names, vec![Some("Stefanik"), Some("Stefanik")]);
    }

    #[test]
    fn a_teaser_cut_short_matches_the_quote_it_runs_into() {
        let story = [
            "The lawmakers wrote that revelation “confirms that the tip line was a departure and that the FBI was politically constrained...\n",
            "Democratic senators accused the FBI of being “politically constrained by the Trump White House,” demanding answers.\n",
        ];
        let mut ids = HashMap::new();
        let found: Vec<Found> = story
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                let a = load_bytes("t.txt", t.as_bytes(), &LoadOptions::default()).unwrap();
                find(&a, i, &mut ids)
            })
            .collect();
        assert_eq!(found.len(), 2);
        assert_eq!(strength(&found[0], &found[1]), 1);
        // Not cut short: two shared words are not the same quotation.
        let mut whole = found[0].clone();
        whole.cut = false;
        assert_eq!(strength(&whole, &found[1]), 0);
    }
}
