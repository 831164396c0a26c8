//! Generated article pairs with known edits, for benchmarks, tests and the
//! peer comparison: an original and a copy that is reflowed (paragraphs merged
//! in pairs, hard-wrapped at 72 columns) with ~1% of sentences edited, ~0.5%
//! deleted, ~0.5% inserted, runs of two to four sentences merged into one
//! (full stop dropped, `;` or `, and`, the next opening lower-cased), long
//! sentences split in two, inserted sentences that repeat a neighbour's
//! opening, and a few paragraphs moved — plus the truth: the words deleted
//! and inserted (counted the wdiff way: a word whose punctuation or case
//! changed is one deleted and one inserted), and which paragraphs moved.
//!
//! Deterministic for a seed. The prose is generated, or taken from any text
//! (`source`), whose paragraphs and sentences are reused as the original.

use serde::Serialize;

use crate::article::{split_sentences, Span};

/// A small deterministic generator (SplitMix64).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "Anna Berg",
    "Tomas Varga",
    "Leila Haddad",
    "Marcus Ode",
    "Ines Moreau",
    "Kenji Sato",
    "Priya Nair",
    "Olu Adeyemi",
    "Sofia Rossi",
    "Daniel Weiss",
    "Mei Lin",
    "Carlos Mendes",
    "Hanna Kowalska",
    "Ahmed Saleh",
    "Ruth Klein",
    "Jonas Lind",
    "Grace Okafor",
    "Pavel Novak",
];
const ROLES: &[&str] = &[
    "finance minister",
    "mayor",
    "chief executive",
    "union leader",
    "spokesperson",
    "economist",
    "defence secretary",
    "health commissioner",
    "opposition leader",
    "analyst",
    "governor",
    "prosecutor",
    "central bank governor",
    "trade envoy",
];
const ORGS: &[&str] = &[
    "the council",
    "the ministry",
    "the central bank",
    "the regional authority",
    "the union",
    "the commission",
    "the port authority",
    "the energy regulator",
    "the court",
    "the alliance",
    "the statistics office",
    "the parliament",
    "the water board",
    "the rail operator",
];
const PLACES: &[&str] = &[
    "Lisbon",
    "Gdansk",
    "Rotterdam",
    "Tallinn",
    "Porto",
    "Bergen",
    "Valencia",
    "Turin",
    "Cork",
    "Graz",
    "Malmo",
    "Brno",
    "Ghent",
    "Split",
    "Tartu",
    "Aarhus",
    "Bilbao",
    "Lyon",
];
const NOUNS: &[&str] = &[
    "budget",
    "plan",
    "report",
    "proposal",
    "agreement",
    "inquiry",
    "contract",
    "tariff",
    "subsidy",
    "strike",
    "deadline",
    "policy",
    "forecast",
    "ruling",
    "reform",
    "election",
    "pipeline",
    "harbour",
    "bridge",
    "school",
    "hospital",
    "tax",
    "loan",
    "audit",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "criticised",
    "defended",
    "revised",
    "announced",
    "questioned",
    "welcomed",
    "blocked",
    "extended",
    "cancelled",
    "reviewed",
    "backed",
];
const ADJS: &[&str] = &[
    "controversial",
    "long-awaited",
    "revised",
    "expensive",
    "temporary",
    "ambitious",
    "modest",
    "disputed",
    "regional",
    "emergency",
    "cross-border",
    "unexpected",
    "provisional",
];
const DAYS: &[&str] = &crate::article::WEEKDAYS;
/// Plain words used for edits: lower-case, no punctuation, never sentence-final.
const EDIT_WORDS: &[&str] = &[
    "quietly",
    "formally",
    "largely",
    "again",
    "sharply",
    "briefly",
    "partly",
    "openly",
    "narrowly",
    "firmly",
    "reportedly",
    "initially",
    "finally",
    "widely",
];

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// One sentence of generated news prose; numbers keep sentences distinct.
pub fn sentence(r: &mut Rng) -> String {
    let n1 = 2 + r.below(900);
    let pct = format!("{}.{}%", 1 + r.below(40), r.below(10));
    match r.below(8) {
        0 => format!(
            "{}, the {} of {}, said on {} that the {} {} would be {} before {} {}.",
            r.pick(NAMES), r.pick(ROLES), r.pick(PLACES), r.pick(DAYS), r.pick(ADJS), r.pick(NOUNS),
            r.pick(VERBS), r.pick(NOUNS), 2000 + r.below(40)
        ),
        1 => format!(
            "{} {} the {} {} by {} after {} residents signed a petition in {}.",
            cap(r.pick(ORGS)), r.pick(VERBS), r.pick(ADJS), r.pick(NOUNS), pct, n1, r.pick(PLACES)
        ),
        2 => format!(
            "“We cannot accept a {} {} that costs {} million,” said {}, who has {} the {} since {}.",
            r.pick(ADJS), r.pick(NOUNS), n1, r.pick(NAMES), r.pick(VERBS), r.pick(NOUNS), 1990 + r.below(35)
        ),
        3 => format!(
            "In {}, {} people gathered outside the {} on {} as {} {} the {} {}.",
            r.pick(PLACES), n1, r.pick(NOUNS), r.pick(DAYS), r.pick(ORGS), r.pick(VERBS), r.pick(ADJS), r.pick(NOUNS)
        ),
        4 => format!(
            "The {} {} rose by {} in the year to {}, according to {}.",
            r.pick(ADJS), r.pick(NOUNS), pct, ["March", "June", "September", "December"][r.below(4)], r.pick(ORGS)
        ),
        5 => format!(
            "Critics said the {} would leave {} families in {} worse off, while supporters of the {} {} it.",
            r.pick(NOUNS), n1, r.pick(PLACES), r.pick(NOUNS), r.pick(VERBS)
        ),
        6 => format!(
            "{} has {} a {} {} worth {} million, the {} said in a statement on {}.",
            cap(r.pick(ORGS)), r.pick(VERBS), r.pick(ADJS), r.pick(NOUNS), n1, r.pick(ROLES), r.pick(DAYS)
        ),
        _ => format!(
            "Asked on {} whether the {} {} in {} would survive, {} told reporters that it was “too early to say” and that {} talks with {} were planned.",
            r.pick(DAYS), r.pick(ADJS), r.pick(NOUNS), r.pick(PLACES), r.pick(NAMES), 2 + r.below(30), r.pick(ORGS)
        ),
    }
}

/// What the copy did to the original, for checking a tool's counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Truth {
    pub words_deleted: usize,
    pub words_inserted: usize,
    pub sentences_edited: usize,
    pub sentences_deleted: usize,
    pub sentences_inserted: usize,
    /// Runs of sentences joined into one (each run counts once).
    pub sentences_merged: usize,
    pub sentences_split: usize,
    pub paragraphs_moved: usize,
    /// The first sentence of each moved paragraph (as it reads in the copy).
    pub moved: Vec<String>,
}

/// A generated pair and its truth.
#[derive(Clone, Debug)]
pub struct Pair {
    pub original: String,
    pub copy: String,
    pub truth: Truth,
}

/// How to make a pair.
#[derive(Clone, Debug)]
pub struct PairSpec {
    /// Approximate size of the original in bytes.
    pub bytes: usize,
    pub seed: u64,
    pub edit_rate: f64,
    pub delete_rate: f64,
    pub insert_rate: f64,
    /// Chance that a sentence starts a run of 2–4 that the copy merges into one.
    pub merge_rate: f64,
    /// Chance that a long sentence is split in two.
    pub split_rate: f64,
    /// Share of inserted sentences that open with the previous sentence's
    /// first words (as repetitive text does: "And he said", "The court held").
    pub repeat_opening: f64,
    /// Hard-wrap the copy after hyphens too ("Ukraine-" / "related"), as
    /// Python's textwrap and many mail clients do.
    pub wrap_after_hyphens: bool,
    /// Paragraphs to move; `None` picks "a few" for the size.
    pub moves: Option<usize>,
}

impl PairSpec {
    pub fn new(bytes: usize, seed: u64) -> Self {
        PairSpec {
            bytes,
            seed,
            edit_rate: 0.01,
            delete_rate: 0.005,
            insert_rate: 0.005,
            merge_rate: 0.01,
            split_rate: 0.005,
            repeat_opening: 0.5,
            wrap_after_hyphens: false,
            moves: None,
        }
    }

    /// Only reflow: no edits, no moves.
    pub fn reflow_only(bytes: usize, seed: u64) -> Self {
        PairSpec {
            edit_rate: 0.0,
            delete_rate: 0.0,
            insert_rate: 0.0,
            merge_rate: 0.0,
            split_rate: 0.0,
            moves: Some(0),
            ..PairSpec::new(bytes, seed)
        }
    }
}

/// Paragraphs (lists of sentences) of the original: generated, or read from `source`.
fn paragraphs(spec: &PairSpec, source: Option<&str>, r: &mut Rng) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut size = 0;
    if let Some(src) = source {
        let paras: Vec<Vec<String>> = src
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| p.len() > 40)
            .map(|p| {
                let mut spans = Vec::new();
                split_sentences(&p, Span::new(0, p.len()), &mut spans);
                spans.iter().map(|s| p[s.range()].to_string()).collect()
            })
            .collect();
        if !paras.is_empty() {
            let mut i = 0;
            while size < spec.bytes {
                let p = paras[i % paras.len()].clone();
                size += p.iter().map(|s| s.len() + 1).sum::<usize>() + 2;
                out.push(p);
                i += 1;
            }
            return out;
        }
    }
    while size < spec.bytes {
        let n = 2 + r.below(4);
        let p: Vec<String> = (0..n).map(|_| sentence(r)).collect();
        size += p.iter().map(|s| s.len() + 1).sum::<usize>() + 2;
        out.push(p);
    }
    out
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// One small edit inside a sentence, never touching its first or last word.
fn edit(s: &str, r: &mut Rng, truth: &mut Truth) -> String {
    let mut w: Vec<&str> = s.split_whitespace().collect();
    if w.len() < 4 {
        return s.to_string();
    }
    let at = 1 + r.below(w.len() - 2);
    let word = r.pick(EDIT_WORDS);
    match r.below(3) {
        0 if w[at] != word => {
            w[at] = word;
            truth.words_deleted += 1;
            truth.words_inserted += 1;
        }
        1 => {
            w.remove(at);
            truth.words_deleted += 1;
        }
        _ => {
            w.insert(at, word);
            truth.words_inserted += 1;
        }
    }
    truth.sentences_edited += 1;
    w.join(" ")
}

/// Greedy word wrap at `width` columns.
pub fn hard_wrap(text: &str, width: usize) -> String {
    wrap(text, width, false)
}

/// Greedy word wrap at `width` columns that also breaks after the hyphen of
/// a hyphenated word ("Ukraine-" / "related") when its first part fits.
/// Only a single hyphen between two letters or digits is a break, as in
/// Python's textwrap and mail clients: never inside a run of dashes (a box
/// drawn as `+-----+`) nor after an option's leading dashes (`--multitrans`),
/// which no wrapper splits and no reader could tell from a dash.
pub fn hard_wrap_hyphens(text: &str, width: usize) -> String {
    wrap(text, width, true)
}

/// Byte offsets just past each hyphen of `w` that joins two parts of a
/// hyphenated word: a lone `-` with a letter or digit on both sides.
fn hyphen_breaks(w: &str) -> impl Iterator<Item = usize> + '_ {
    w.char_indices().filter_map(move |(i, c)| {
        let before = w[..i].chars().next_back();
        let after = w[i + c.len_utf8()..].chars().next();
        let joins = c == '-'
            && before.is_some_and(char::is_alphanumeric)
            && after.is_some_and(char::is_alphanumeric);
        joins.then_some(i + 1)
    })
}

fn wrap(text: &str, width: usize, hyphens: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    let mut line = 0usize;
    for w in text.split_whitespace() {
        let mut w = w;
        let gap = usize::from(line > 0);
        if hyphens && line + gap + w.chars().count() > width {
            // The longest "part-" that still fits on this line.
            let fits = hyphen_breaks(w)
                .take_while(|&end| line + gap + w[..end].chars().count() <= width)
                .last();
            if let Some(end) = fits {
                if line > 0 {
                    out.push(' ');
                }
                out.push_str(&w[..end]);
                out.push('\n');
                line = 0;
                w = &w[end..];
            }
        }
        let n = w.chars().count();
        if line > 0 && line + 1 + n > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += n;
    }
    out
}

/// Joins a run of two to four sentences into one, as an editor does: the
/// full stop dropped or turned into `;` or `, and`, the next opening
/// lower-cased. Stops the run where a sentence does not end in a plain full
/// stop or the next does not open with a capitalised word. `None` when
/// fewer than two sentences join.
fn merge(run: &[String], r: &mut Rng, truth: &mut Truth) -> Option<(String, usize)> {
    let mut out = run.first()?.clone();
    let mut joined = 1;
    for next in &run[1..] {
        let first = next.split_whitespace().next().unwrap_or("");
        let mut cs = first.chars();
        let opens = cs.next().is_some_and(|c| c.is_ascii_uppercase())
            && cs.next().is_some_and(|c| c.is_ascii_lowercase());
        if !out.ends_with('.')
            || out.ends_with("..")
            || !opens
            || out.split_whitespace().count() < 2
        {
            break;
        }
        out.pop();
        // The last word lost its full stop: one word out, one in.
        truth.words_deleted += 1;
        truth.words_inserted += 1;
        match r.below(3) {
            0 => out.push(' '),
            1 => out.push_str("; "),
            _ => {
                out.push_str(", and ");
                truth.words_inserted += 1;
            }
        }
        // The opening lower-cased: one word out, one in.
        truth.words_deleted += 1;
        truth.words_inserted += 1;
        let mut cs = next.chars();
        if let Some(c) = cs.next() {
            out.extend(c.to_lowercase());
            out.push_str(cs.as_str());
        }
        joined += 1;
    }
    if joined < 2 {
        // Nothing joined: the truth was not touched.
        return None;
    }
    truth.sentences_merged += 1;
    Some((out, joined))
}

/// Splits a long sentence at a comma near its middle: the comma becomes a
/// full stop, a following `and` or `but` goes, the next word is capitalised.
fn split(s: &str, r: &mut Rng, truth: &mut Truth) -> Option<(String, String)> {
    let w: Vec<&str> = s.split_whitespace().collect();
    if w.len() < 14 {
        return None;
    }
    let third = w.len() / 3;
    let at = (third..w.len() - third).find(|&i| {
        w[i].ends_with(',')
            && w[i].len() > 1
            && w[i + 1].starts_with(|c: char| c.is_ascii_lowercase())
            && w.len() - i > 4
    })?;
    let mut first: Vec<String> = w[..at].iter().map(|x| x.to_string()).collect();
    first.push(format!("{}.", w[at].trim_end_matches(',')));
    truth.words_deleted += 1;
    truth.words_inserted += 1;
    let mut rest = &w[at + 1..];
    if matches!(rest[0], "and" | "but") && rest.len() > 3 && r.chance(0.7) {
        truth.words_deleted += 1;
        rest = &rest[1..];
    }
    let mut second: Vec<String> = rest.iter().map(|x| x.to_string()).collect();
    if second[0].starts_with(|c: char| c.is_ascii_lowercase()) {
        second[0] = cap(&second[0]);
        truth.words_deleted += 1;
        truth.words_inserted += 1;
    }
    truth.sentences_split += 1;
    Some((first.join(" "), second.join(" ")))
}

/// A new sentence; with chance `repeat`, opening with the first words of
/// `before` (repetitive text repeats its openings).
fn new_sentence(before: Option<&String>, repeat: f64, r: &mut Rng) -> String {
    let body = sentence(r);
    match before {
        Some(b) if r.chance(repeat) => {
            let opening: Vec<&str> = b.split_whitespace().take(2 + r.below(2)).collect();
            let mut cs = body.chars();
            let rest: String = cs.next().map_or(String::new(), |c| {
                c.to_lowercase().collect::<String>() + cs.as_str()
            });
            format!(
                "{} {rest}",
                opening.join(" ").trim_end_matches([',', '.', ';', ':'])
            )
        }
        _ => body,
    }
}

/// One paragraph of the copy: sentences deleted, merged, edited, split
/// and inserted at the spec's rates.
fn edit_paragraph(p: &[String], spec: &PairSpec, r: &mut Rng, truth: &mut Truth) -> Vec<String> {
    let mut q: Vec<String> = Vec::with_capacity(p.len() + 1);
    let mut k = 0;
    while k < p.len() {
        let s = &p[k];
        if r.chance(spec.delete_rate) {
            truth.words_deleted += words(s);
            truth.sentences_deleted += 1;
            k += 1;
            continue;
        }
        let run = &p[k..(k + 2 + r.below(3)).min(p.len())];
        let merged = if run.len() >= 2 && r.chance(spec.merge_rate) {
            merge(run, r, truth)
        } else {
            None
        };
        if let Some((m, n)) = merged {
            q.push(m);
            k += n;
        } else {
            let s = if r.chance(spec.edit_rate) {
                edit(s, r, truth)
            } else {
                s.clone()
            };
            let parts = if r.chance(spec.split_rate) {
                split(&s, r, truth)
            } else {
                None
            };
            match parts {
                Some((a, b)) => q.extend([a, b]),
                None => q.push(s),
            }
            k += 1;
        }
        if r.chance(spec.insert_rate) {
            let ins = new_sentence(q.last(), spec.repeat_opening, r);
            truth.words_inserted += words(&ins);
            truth.sentences_inserted += 1;
            q.push(ins);
        }
    }
    if q.is_empty() {
        // Keep every paragraph: a deleted one would change the pairing below.
        let ins = sentence(r);
        truth.words_inserted += words(&ins);
        truth.sentences_inserted += 1;
        q.push(ins);
    }
    q
}

/// Makes an original and its edited, reflowed copy.
pub fn generate_pair(spec: &PairSpec, source: Option<&str>) -> Pair {
    let mut r = Rng::new(spec.seed);
    let original_paras = paragraphs(spec, source, &mut r);
    let original = original_paras
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n";
    let mut truth = Truth::default();
    let mut copy_paras: Vec<Vec<String>> = Vec::with_capacity(original_paras.len());
    for p in &original_paras {
        copy_paras.push(edit_paragraph(p, spec, &mut r, &mut truth));
    }
    // Move a few paragraphs well away from where they were.
    let moves = spec
        .moves
        .unwrap_or(2 + copy_paras.len() / 150)
        .min(copy_paras.len() / 8);
    let mut moved_flags = vec![false; copy_paras.len()];
    for _ in 0..moves {
        let n = copy_paras.len();
        let from = r.below(n);
        if moved_flags[from] {
            continue;
        }
        let mut to = r.below(n);
        let mut tries = 0;
        while (to as isize - from as isize).abs() < 4 && tries < 20 {
            to = r.below(n);
            tries += 1;
        }
        if (to as isize - from as isize).abs() < 4 {
            continue;
        }
        let p = copy_paras.remove(from);
        let f = moved_flags.remove(from);
        debug_assert!(!f);
        let to = to.min(copy_paras.len());
        truth.moved.push(p[0].clone());
        copy_paras.insert(to, p);
        moved_flags.insert(to, true);
        truth.paragraphs_moved += 1;
    }
    // Reflow: merge paragraphs in pairs, hard-wrap at 72 columns.
    let merged: Vec<String> = copy_paras
        .chunks(2)
        .map(|c| {
            let joined = c.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join(" ");
            wrap(&joined, 72, spec.wrap_after_hyphens)
        })
        .collect();
    let copy = merged.join("\n\n") + "\n";
    Pair {
        original,
        copy,
        truth,
    }
}

/// A generated pile of many events, for the pile benchmarks: stories of an
/// original, two edited and reflowed reprints and two independent write-ups
/// (sharing the story's invented names, a quotation and a few reworded
/// sentences), mixed with unrelated single articles (about one in five).
/// Each article is `(file name, text)`, with a headline, a `Published:`
/// date (a story's articles within two days) and ~`bytes` of body.
pub fn generate_pile(articles: usize, bytes: usize, seed: u64) -> Vec<(String, String)> {
    let mut r = Rng::new(seed);
    let mut out = Vec::with_capacity(articles);
    let mut event = 0usize;
    while out.len() < articles {
        let single = r.chance(0.2) || articles - out.len() < 5;
        let story = PileEvent::new(&mut r, event);
        let original = story.article(&mut r, bytes, &[]);
        if single {
            out.push((format!("e{event:05}-single.txt"), story.dated(&original, 0)));
        } else {
            out.push((format!("e{event:05}-0.txt"), story.dated(&original, 0)));
            for k in 1..=2u64 {
                let mut spec = PairSpec::new(bytes, seed ^ (event as u64 * 16 + k));
                spec.edit_rate = 0.05;
                spec.delete_rate = 0.03;
                spec.insert_rate = 0.03;
                spec.moves = Some(1);
                let copy = generate_pair(&spec, Some(&original)).copy;
                out.push((
                    format!("e{event:05}-{k}.txt"),
                    story.dated(&copy, k as usize),
                ));
            }
            let borrowed: Vec<&str> = original.lines().skip(2).collect();
            for k in 3..=4usize {
                let text = story.article(&mut r, bytes, &borrowed);
                out.push((format!("e{event:05}-{k}.txt"), story.dated(&text, k % 2)));
            }
        }
        event += 1;
    }
    out.truncate(articles);
    out
}

/// What makes one generated event its own: invented names, a place, a
/// quotation, a day.
struct PileEvent {
    names: [String; 3],
    place: String,
    quote: String,
    day: usize,
}

impl PileEvent {
    fn new(r: &mut Rng, event: usize) -> PileEvent {
        const SYL: &[&str] = &[
            "ka", "lo", "vin", "dre", "mar", "tel", "os", "ur", "bel", "zan", "qui", "ro", "sha",
            "nik", "ta", "ve", "gor", "li", "pe", "mun",
        ];
        let word = |r: &mut Rng| {
            let w: String = (0..2 + r.below(2))
                .map(|_| SYL[r.below(SYL.len())])
                .collect();
            cap(&w)
        };
        let names = [word(r), word(r), word(r)];
        let place = word(r);
        let quote = format!(
            "the {} {} in {} will not be {} before {}",
            r.pick(ADJS),
            r.pick(NOUNS),
            place,
            r.pick(VERBS),
            2030 + r.below(20)
        );
        PileEvent {
            names,
            place,
            quote,
            day: event * 3 / 4,
        }
    }

    /// An article on this event: a headline naming it, sentences that name its
    /// people and place, its quotation, and — for a write-up — some sentences
    /// of the original with words dropped.
    fn article(&self, r: &mut Rng, bytes: usize, borrowed: &[&str]) -> String {
        let mut text = format!(
            "{} {} {} {} in {}\n\n",
            self.names[r.below(2)],
            r.pick(VERBS),
            r.pick(ADJS),
            r.pick(NOUNS),
            self.place
        );
        let mut size = 0;
        let mut para = Vec::new();
        while size < bytes {
            let s = match r.below(6) {
                0 => format!("“{},” said {}.", cap(&self.quote), self.names[r.below(3)]),
                1 if !borrowed.is_empty() => {
                    let line = borrowed[r.below(borrowed.len())];
                    let first = line.split(". ").next().unwrap_or(line);
                    first
                        .split(' ')
                        .enumerate()
                        .filter(|(i, _)| i % 5 != 3)
                        .map(|(_, w)| w)
                        .collect::<Vec<_>>()
                        .join(" ")
                        .trim_end_matches('.')
                        .to_string()
                        + "."
                }
                2 => format!("In {}, {}", self.place, lower_first(&sentence(r))),
                3 => format!("{} {}", self.names[r.below(3)], lower_first(&sentence(r))),
                _ => sentence(r),
            };
            size += s.len() + 1;
            para.push(s);
            if para.len() >= 3 + r.below(3) {
                text.push_str(&para.join(" "));
                text.push_str("\n\n");
                para.clear();
            }
        }
        text.push_str(&para.join(" "));
        text.push('\n');
        text
    }

    /// The text with its publication date after the headline.
    fn dated(&self, text: &str, days_later: usize) -> String {
        let (head, body) = text.split_once("\n\n").unwrap_or(("", text));
        let day = self.day + days_later;
        format!(
            "{head}\nPublished: 2024-{:02}-{:02}\n\n{body}",
            1 + (day / 28) % 12,
            1 + day % 28
        )
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let a = generate_pair(&PairSpec::new(40_000, 7), None);
        let b = generate_pair(&PairSpec::new(40_000, 7), None);
        assert_eq!(a.original, b.original);
        assert_eq!(a.copy, b.copy);
        assert!(a.original.len() >= 40_000 && a.original.len() < 44_000);
        assert!(a.copy.lines().all(|l| l.chars().count() <= 72));
        assert!(a.truth.paragraphs_moved >= 2);
    }

    #[test]
    fn hyphen_wrap_breaks_only_hyphenated_words() {
        let t = "aa Ukraine-related +----------+ --multitrans 1979--1980";
        let wrapped = hard_wrap_hyphens(t, 11);
        let ends: Vec<&str> = wrapped.lines().filter(|l| l.ends_with('-')).collect();
        assert_eq!(ends, ["aa Ukraine-"], "{wrapped}");
        assert_eq!(
            wrapped.split_whitespace().collect::<String>(),
            t.split_whitespace().collect::<String>()
        );
    }

    #[test]
    fn wrap_keeps_words() {
        let t = "one two three four five six seven";
        assert_eq!(
            hard_wrap(t, 10)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            t
        );
    }
}
