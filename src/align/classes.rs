//! Edit classes: what kind of change each word change is.
//!
//! A stage of the engine after the word diffs: every `changed` and edited
//! `moved` op gets the set of classes its word changes show, and each
//! non-equal word piece the class of the change it belongs to. Fact-bearing
//! classes (`number`, `name`, `quote`, `attribution`, `negation`, `hedge`)
//! stand apart from house style (`cosmetic`) and rewording (`wording`).
//!
//! How a change is read:
//! 1. Each side of the op is tokenised and read once: word keys (case,
//!    accents, dots and British spellings folded, contractions expanded),
//!    quantities (`194,000` and `194K`, `5 per cent` and `5%`, dates and
//!    times), names (capitalised words; forms of one name such as `US` and
//!    `United States` share a key), and which tokens stand inside quotation
//!    marks.
//! 2. Markers — quantities, names, reporting verbs, negators, hedges — are
//!    counted on both sides of the op; a marker only counts as changed when
//!    its counts differ, so a figure or a name that merely moved within the
//!    sentence is not a change of number or name.
//! 3. Each change (a run of deleted and inserted words between equal ones)
//!    is `cosmetic` when what is left after folding, quantities of equal
//!    value and name variants is the same on both sides; otherwise it gets
//!    every fact class whose marker it touches, `quote` when changed words
//!    stand inside quotation marks, and `wording` when nothing else applies.
//!
//! The word lists are data, in [`lexicon`]. Text that does not read as
//! English gets only `cosmetic` or `wording` rather than guesses.

pub(crate) mod lexicon;
mod table;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::hash::{Hash, Hasher};

use super::words::{tokens, WordKind, WordOp};
use super::{Comparison, Op, OpKind};
use table::{slots, Map, Words};

/// The kind of a word change. Declared in alphabetical order, the order in
/// which sets of classes are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EditClass {
    Attribution,
    Cosmetic,
    Hedge,
    Name,
    Negation,
    Number,
    Quote,
    Wording,
}

impl EditClass {
    /// Every class, alphabetically.
    pub const ALL: [EditClass; 8] = [
        EditClass::Attribution,
        EditClass::Cosmetic,
        EditClass::Hedge,
        EditClass::Name,
        EditClass::Negation,
        EditClass::Number,
        EditClass::Quote,
        EditClass::Wording,
    ];

    /// The fact-bearing classes, most telling first (the order of badges).
    pub const FACTS: [EditClass; 6] = [
        EditClass::Number,
        EditClass::Negation,
        EditClass::Attribution,
        EditClass::Name,
        EditClass::Hedge,
        EditClass::Quote,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EditClass::Attribution => "attribution",
            EditClass::Cosmetic => "cosmetic",
            EditClass::Hedge => "hedge",
            EditClass::Name => "name",
            EditClass::Negation => "negation",
            EditClass::Number => "number",
            EditClass::Quote => "quote",
            EditClass::Wording => "wording",
        }
    }

    pub fn parse(s: &str) -> Option<EditClass> {
        EditClass::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// A one-character mark that reads without colour.
    pub fn badge(self) -> char {
        match self {
            EditClass::Number => '#',
            EditClass::Name => 'N',
            EditClass::Quote => '"',
            EditClass::Attribution => '@',
            EditClass::Negation => '!',
            EditClass::Hedge => '?',
            EditClass::Cosmetic => '·',
            EditClass::Wording => '~',
        }
    }

    /// Whether the class bears on facts (everything but cosmetic and wording).
    pub fn is_fact(self) -> bool {
        !matches!(self, EditClass::Cosmetic | EditClass::Wording)
    }

    /// Which class names a change that shows several (lower first).
    fn rank(self) -> u8 {
        match self {
            EditClass::Number => 0,
            EditClass::Negation => 1,
            EditClass::Attribution => 2,
            EditClass::Name => 3,
            EditClass::Hedge => 4,
            EditClass::Quote => 5,
            EditClass::Wording => 6,
            EditClass::Cosmetic => 7,
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl std::fmt::Display for EditClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of edit classes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Classes(u8);

impl Classes {
    pub fn of(list: &[EditClass]) -> Classes {
        let mut s = Classes::default();
        for &c in list {
            s.insert(c);
        }
        s
    }
    pub fn insert(&mut self, c: EditClass) {
        self.0 |= c.bit();
    }
    pub fn contains(self, c: EditClass) -> bool {
        self.0 & c.bit() != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// The classes, alphabetically.
    pub fn iter(self) -> impl Iterator<Item = EditClass> {
        EditClass::ALL
            .into_iter()
            .filter(move |&c| self.contains(c))
    }
    /// Whether any class bears on facts.
    pub fn has_fact(self) -> bool {
        self.iter().any(EditClass::is_fact)
    }
    /// Only cosmetic changes.
    pub fn is_cosmetic_only(self) -> bool {
        self == Classes::of(&[EditClass::Cosmetic])
    }
    /// The most telling class.
    pub fn primary(self) -> Option<EditClass> {
        self.iter().min_by_key(|c| c.rank())
    }
    /// The fact classes, most telling first.
    pub fn facts(self) -> impl Iterator<Item = EditClass> {
        EditClass::FACTS
            .into_iter()
            .filter(move |&c| self.contains(c))
    }
    /// The classes, most telling first (facts, then wording, then cosmetic).
    pub fn by_rank(self) -> Vec<EditClass> {
        let mut v: Vec<EditClass> = self.iter().collect();
        v.sort_by_key(|c| c.rank());
        v
    }
    /// The names, comma-separated, alphabetically.
    pub fn names(self) -> String {
        self.iter()
            .map(EditClass::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// How many ops show each class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClassCounts([usize; 8]);

impl ClassCounts {
    pub fn get(&self, c: EditClass) -> usize {
        self.0[c as usize]
    }
    pub fn add(&mut self, set: Classes) {
        for c in set.iter() {
            self.0[c as usize] += 1;
        }
    }
    /// (class, count) alphabetically.
    pub fn iter(&self) -> impl Iterator<Item = (EditClass, usize)> + '_ {
        EditClass::ALL.into_iter().map(|c| (c, self.get(c)))
    }
    /// Ops with at least one fact class are counted per class; this is
    /// whether any op has one.
    pub fn any(&self) -> bool {
        self.0.iter().any(|&n| n > 0)
    }
}

/// Whether `text` reads as English: a large share of its first words are
/// English function words. Classes beyond cosmetic/wording need it.
pub fn reads_as_english(text: &str) -> bool {
    let lex = Lexicon::get();
    let (mut seen, mut hits) = (0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .take(200)
    {
        seen += 1;
        if w.len() <= 10 && lex.info(fold(w).as_ref()).has(Info::FUNCTION) {
            hits += 1;
        }
    }
    seen >= 3 && hits * 5 >= seen
}

/// The classification stage: classes for every changed and edited moved op,
/// and the per-class op counts in `stats.classes`. Each op is read on its
/// own, so a long list is shared between two threads (`PARALLEL_WORDS`):
/// the result is the same, sooner.
pub fn classify_comparison(c: &mut Comparison, english: impl FnOnce() -> bool) {
    let mut todo: Vec<&mut Op> = c.ops.iter_mut().filter(|op| classifiable(op)).collect();
    if !todo.is_empty() {
        let english = english();
        let work: usize = todo.iter().map(|op| op.words.len()).sum();
        let classify = |ops: &mut [&mut Op]| ops.iter_mut().for_each(|op| classify_op(op, english));
        if work >= PARALLEL_WORDS {
            let mid = half_of_the_work(&todo, work);
            let (first, second) = todo.split_at_mut(mid);
            std::thread::scope(|s| {
                s.spawn(|| classify(second));
                classify(first);
            });
        } else {
            classify(&mut todo);
        }
    }
    let mut counts = ClassCounts::default();
    for op in c.ops.iter().filter(|op| classifiable(op)) {
        counts.add(op.classes);
    }
    c.stats.classes = counts;
}

/// Word-diff pieces from which classification takes a second thread: a
/// thread costs tens of microseconds, the classes of a few hundred words
/// more.
const PARALLEL_WORDS: usize = 600;

/// Where `ops` split into two runs of about half the `work` (word-diff
/// pieces) each.
fn half_of_the_work(ops: &[&mut Op], work: usize) -> usize {
    let mut done = 0;
    for (i, op) in ops.iter().enumerate() {
        done += op.words.len();
        if done * 2 >= work {
            return i + 1;
        }
    }
    ops.len()
}

fn classifiable(op: &Op) -> bool {
    matches!(op.kind, OpKind::Changed | OpKind::Moved)
        && op.words.iter().any(|w| w.kind != WordKind::Equal)
}

/// Classes for the word diff of two texts that differ, written into its
/// pieces. Texts whose words all agree differ in spacing only: `cosmetic`.
pub fn classify_words(words: &mut [WordOp], english: bool) -> Classes {
    let (set, marks) = read_changes(words, english);
    for (p, class) in marks {
        words[p].class = class;
    }
    if set.is_empty() {
        return Classes::of(&[EditClass::Cosmetic]);
    }
    set
}

/// The classes of the word diff and of each changed piece.
fn read_changes(words: &[WordOp], english: bool) -> (Classes, Vec<(usize, Option<EditClass>)>) {
    let lex = Lexicon::get();
    let tokens = stream(words);
    let mut old = SideView::read(&tokens, WordKind::Inserted, english);
    let mut new = SideView::read(&tokens, WordKind::Deleted, english);
    if english {
        let headline = function_word_capitalised(&old.texts, lex)
            || function_word_capitalised(&new.texts, lex);
        for side in [&mut old, &mut new] {
            side.shouting = in_capitals(&side.texts);
            side.title_case = side.shouting || (headline && title_cased(&side.texts, lex));
        }
        old.find_quantities(lex);
        new.find_quantities(lex);
        let inside = capitalised_inside(&old, &new);
        let (old_names, new_names) = (old.find_names(lex, &inside), new.find_names(lex, &inside));
        old.set_names(old_names);
        new.set_names(new_names);
    }
    let balance = Balance::count(&old, &new);
    let moved = quotation_moved(&tokens);
    let mut read: Vec<(Change, Classes)> = Vec::new();
    for change in changes(&tokens) {
        let mut classes = if english {
            classify_change(&change, &old, &new, &balance, lex)
        } else {
            classify_plain(&change, &old, &new)
        };
        let marks_quotation = || {
            change.old.clone().any(|i| is_quote_mark(old.texts[i]))
                || change.new.clone().any(|i| is_quote_mark(new.texts[i]))
        };
        if moved && classes.is_cosmetic_only() && marks_quotation() {
            // A quotation mark moved across words: the quotation now holds
            // more or fewer of them.
            classes = Classes::of(&[EditClass::Quote]);
        }
        read.push((change, classes));
    }
    if english {
        verb_forms_of_negation(&mut read, &old, &new);
    }
    let mut set = Classes::default();
    let mut marks: Vec<(usize, Option<EditClass>)> = Vec::new();
    for (change, classes) in read {
        set = Classes(set.0 | classes.0);
        let primary = classes.primary();
        marks.extend(change.pieces.iter().map(|&p| (p, primary)));
    }
    (set, marks)
}

/// `doesn't have` → `has`: when a negation with `do` came or went, the
/// verb it carried changes form in a change of its own; that form is part
/// of the negation, not rewording.
fn verb_forms_of_negation(read: &mut [(Change, Classes)], old: &SideView, new: &SideView) {
    let with_do = |c: &Change| {
        let has_do = |side: &SideView, r: std::ops::Range<usize>| {
            r.clone()
                .any(|i| matches!(side.key(i), "do" | "does" | "did"))
        };
        has_do(old, c.old.clone()) || has_do(new, c.new.clone())
    };
    let negated = read
        .iter()
        .any(|(c, k)| k.contains(EditClass::Negation) && with_do(c));
    if !negated {
        return;
    }
    for (c, k) in read.iter_mut() {
        let one_word = c.old.len() == 1 && c.new.len() == 1;
        if *k == Classes::of(&[EditClass::Wording])
            && one_word
            && verb_forms(old.key(c.old.start), new.key(c.new.start))
        {
            *k = Classes::of(&[EditClass::Negation]);
        }
    }
}

/// Two forms of one verb (`have`/`has`, `comply`/`complies`, `agree`/`agreed`).
fn verb_forms(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let have = |w: &str| matches!(w, "have" | "has" | "had");
    (have(a) && have(b))
        || long
            .strip_prefix(short)
            .is_some_and(|rest| matches!(rest, "s" | "es" | "ed" | "d"))
        || (short.ends_with('y')
            && long.starts_with(&short[..short.len() - 1])
            && matches!(&long[short.len() - 1..], "ies" | "ied"))
}

fn classify_op(op: &mut Op, english: bool) {
    // Only punctuation changed (a stray full stop, quotation marks, dashes):
    // cosmetic, with no side to read.
    let punctuation_only = || {
        op.words
            .iter()
            .filter(|w| w.kind != WordKind::Equal)
            .all(|w| {
                !w.text
                    .chars()
                    .any(|c| c.is_alphanumeric() || is_unit_sign(c))
            })
    };
    let marks_changed = || {
        op.words
            .iter()
            .any(|w| w.kind != WordKind::Equal && w.text.contains(['“', '”', '"', '‘', '’', '\'']))
    };
    if (op.cosmetic || punctuation_only())
        && !(marks_changed() && quotation_moved(&stream(&op.words)))
    {
        // Texts equal apart from case, quotes, dashes and spaces, or
        // changed in punctuation only.
        for w in op.words.iter_mut().filter(|w| w.kind != WordKind::Equal) {
            w.class = Some(EditClass::Cosmetic);
        }
        op.classes = Classes::of(&[EditClass::Cosmetic]);
        return;
    }
    op.classes = classify_words(&mut op.words, english);
}

// ---------------------------------------------------------------- tokens

/// One token of the word diff, with the piece it came from.
struct Tok<'a> {
    text: &'a str,
    kind: WordKind,
    piece: usize,
    /// Whitespace before it in its side's text.
    spaced: bool,
}

fn stream(words: &[WordOp]) -> Vec<Tok<'_>> {
    // About one token in five bytes of news prose.
    let bytes: usize = words.iter().map(|w| w.text.len()).sum();
    let mut out = Vec::with_capacity(bytes / 5 + 4);
    for (p, w) in words.iter().enumerate() {
        // A piece may leave the space after it at its own end.
        let after_space = p > 0 && words[p - 1].text.ends_with(char::is_whitespace);
        for (a, b) in tokens(&w.text) {
            out.push(Tok {
                text: &w.text[a..b],
                kind: w.kind,
                piece: p,
                spaced: w.text[..a].ends_with(char::is_whitespace) || (a == 0 && after_space),
            });
        }
    }
    out
}

/// A run of non-equal tokens: its range on each side and its pieces.
struct Change {
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
    pieces: Vec<usize>,
}

fn changes(tokens: &[Tok]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::new();
    let (mut o, mut n) = (0usize, 0usize);
    let mut open = false;
    for t in tokens {
        if t.kind == WordKind::Equal {
            open = false;
            o += 1;
            n += 1;
            continue;
        }
        if !open {
            out.push(Change {
                old: o..o,
                new: n..n,
                pieces: Vec::new(),
            });
            open = true;
        }
        let c = out.last_mut().expect("a change is open");
        if c.pieces.last() != Some(&t.piece) {
            c.pieces.push(t.piece);
        }
        if t.kind == WordKind::Deleted {
            o += 1;
            c.old.end = o;
        } else {
            n += 1;
            c.new.end = n;
        }
    }
    out
}

/// Lowercase, accents dropped, curly apostrophes straightened; borrowed
/// when already so (most words).
fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(fold_owned(s))
}

fn fold_owned(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            '’' | '‘' | 'ʼ' => '\'',
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => {
                'o'
            }
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            'ç' | 'Ç' => 'c',
            'ý' | 'ÿ' | 'Ý' => 'y',
            'š' | 'Š' => 's',
            'ž' | 'Ž' => 'z',
            'č' | 'Č' | 'ć' | 'Ć' => 'c',
            'ł' | 'Ł' => 'l',
            _ => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// The keys a token compares by: one word, and a second for contractions
/// (`didn't` → `did` `not`).
#[derive(Clone, Debug, Default)]
struct Key<'a> {
    main: Cow<'a, str>,
    extra: Option<&'static str>,
}

impl Key<'_> {
    fn iter(&self) -> impl Iterator<Item = &str> {
        (!self.main.is_empty())
            .then_some(self.main.as_ref())
            .into_iter()
            .chain(self.extra)
    }
}

/// The word keys of a token: folded, contractions expanded, possessive `'s`
/// dropped, dots, apostrophes and hyphens removed (`U.S.` → `us`), British
/// spellings made American.
fn word_keys<'a>(text: &'a str, lex: &Lexicon) -> Key<'a> {
    if !text.chars().any(char::is_alphanumeric) {
        // Punctuation: no word, but `&` is `and`.
        return Key {
            main: Cow::Borrowed(if text == "&" { "and" } else { "" }),
            extra: None,
        };
    }
    if text.bytes().all(|b| b.is_ascii_alphanumeric()) && !text.eq_ignore_ascii_case("cannot") {
        // Plain ASCII letters and digits (capitalised words go here): the
        // key is the word lowercased, one allocation at most.
        if text.bytes().all(|b| !b.is_ascii_uppercase()) {
            return Key {
                main: lex.spelling(text).map_or(Cow::Borrowed(text), Cow::Owned),
                extra: None,
            };
        }
        let lower = text.to_ascii_lowercase();
        return Key {
            main: Cow::Owned(lex.spelling(&lower).unwrap_or(lower)),
            extra: None,
        };
    }
    let folded = fold(text);
    if folded == "cannot" {
        return Key {
            main: Cow::Borrowed("can"),
            extra: Some("not"),
        };
    }
    if let Cow::Borrowed(plain) = folded {
        // Lowercase letters and digits only: the token is its key.
        return Key {
            main: lex.spelling(plain).map_or(Cow::Borrowed(plain), Cow::Owned),
            extra: None,
        };
    }
    let folded = folded.as_ref();
    let strip = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).collect() };
    let spelled = |s: String| -> Cow<'a, str> { Cow::Owned(lex.spelling(&s).unwrap_or(s)) };
    let two = |a: String, b: &'static str| Key {
        main: Cow::Owned(a),
        extra: Some(b),
    };
    if let Some(stem) = folded.strip_suffix("n't") {
        let stem = match stem {
            "wo" => "will",
            "ca" => "can",
            "sha" => "shall",
            "ai" => "is",
            s => s,
        };
        return two(strip(stem), "not");
    }
    for (suffix, word) in [
        ("'re", "are"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'m", "am"),
        ("'d", "would"),
    ] {
        if let Some(stem) = folded.strip_suffix(suffix) {
            if !stem.is_empty() {
                return two(strip(stem), word);
            }
        }
    }
    if let Some(stem) = folded.strip_suffix("'s") {
        if matches!(
            stem,
            "it" | "that" | "there" | "he" | "she" | "what" | "who" | "here" | "where"
        ) {
            return two(stem.into(), "is");
        }
        return Key {
            main: spelled(strip(stem)),
            extra: None,
        };
    }
    Key {
        main: spelled(strip(folded)),
        extra: None,
    }
}

fn is_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Two letters or more, every one a capital.
fn all_caps(s: &str) -> bool {
    let mut letters = 0usize;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

// ---------------------------------------------------------------- one side

/// A quantity, comparable across notations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Quantity {
    kind: QKind,
    /// Thousandths of the value (`194K` and `194,000` agree).
    milli: i64,
    /// Thousandths of the other end of a range or score, `i64::MIN` for none.
    upper: i64,
    /// A hash of the unit's canonical name (`%`, `usd`, `km`), 0 for none.
    unit: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum QKind {
    Amount,
    Ordinal,
    Time,
    Month,
    Day,
    Vague,
    /// A time said in words (`next week`, `the spring`, `Friday morning`).
    Relative,
}

/// Something the counts of the two sides are compared on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker<'a> {
    Quantity(Quantity),
    Name(&'a str),
    Verb(&'static str),
    Negation,
    Hedge(&'a str),
}

/// Whether a token is (part of) a name, and its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameOf {
    No,
    /// A name keyed by its own word key.
    Word,
    /// A form of a known name group (`US`, `United States`).
    Group(usize),
}

/// What `find_names` finds on one side, token by token.
struct Names {
    name: Vec<NameOf>,
    joined: Vec<bool>,
    title: Vec<bool>,
}

/// One side of an op, read once.
struct SideView<'a> {
    texts: Vec<&'a str>,
    /// Whitespace before the token.
    spaced: Vec<bool>,
    /// Word keys, worked out when first asked for: most tokens of a long
    /// op stand far from its changes and are never asked about.
    keys: Vec<OnceCell<Key<'a>>>,
    /// What the word lists say of each token's main key, likewise.
    infos: Vec<OnceCell<Info>>,
    /// Whether the token is deleted or inserted (not equal).
    changed: Vec<bool>,
    quoted: Vec<bool>,
    /// Index into `quantities` of the quantity a token belongs to.
    quantity: Vec<Option<usize>>,
    quantities: Vec<Quantity>,
    /// Name tokens (forms of one name share a key).
    name: Vec<NameOf>,
    /// Tokens folded into the name before them (`States` of `United States`).
    joined: Vec<bool>,
    /// Title words (`President`, `Mr`) — part of a name phrase, not a name.
    title: Vec<bool>,
    /// Written in title case (`Biden Will Not Sign Stopgap Bill`): a
    /// capital is no sign of a name here.
    title_case: bool,
    /// Written in capitals (`BIDEN WILL NOT SIGN`): neither are capitals.
    shouting: bool,
}

impl<'a> SideView<'a> {
    /// The side that leaves out tokens of kind `skip`.
    /// The side that leaves out tokens of kind `skip`, its quantities not
    /// yet found ([`SideView::find_quantities`]).
    fn read(tokens: &[Tok<'a>], skip: WordKind, english: bool) -> SideView<'a> {
        let toks: Vec<&Tok> = tokens.iter().filter(|t| t.kind != skip).collect();
        let texts: Vec<&'a str> = toks.iter().map(|t| t.text).collect();
        let quoted = quoted(&toks);
        let mut side = SideView {
            spaced: toks.iter().map(|t| t.spaced).collect(),
            keys: (0..texts.len()).map(|_| OnceCell::new()).collect(),
            infos: (0..texts.len()).map(|_| OnceCell::new()).collect(),
            changed: toks.iter().map(|t| t.kind != WordKind::Equal).collect(),
            quantity: vec![None; texts.len()],
            quantities: Vec::new(),
            // Filled by `set_names` (English) or below.
            name: Vec::new(),
            joined: Vec::new(),
            title: Vec::new(),
            // Set by `read_changes`, which sees both sides.
            title_case: false,
            shouting: false,
            texts,
            quoted,
        };
        if !english {
            let n = side.len();
            side.set_names(Names {
                name: vec![NameOf::No; n],
                joined: vec![false; n],
                title: vec![false; n],
            });
        }
        side
    }

    fn len(&self) -> usize {
        self.texts.len()
    }

    /// The word keys of token `i`.
    fn keys_of(&self, i: usize) -> &Key<'a> {
        self.keys[i].get_or_init(|| word_keys(self.texts[i], Lexicon::get()))
    }

    fn key(&self, i: usize) -> &str {
        if i < self.len() {
            self.keys_of(i).main.as_ref()
        } else {
            ""
        }
    }

    /// What the word lists say of token `i`'s main key.
    fn info(&self, i: usize) -> Info {
        *self.infos[i].get_or_init(|| {
            let k = self.key(i);
            if k.is_empty() {
                Info::default()
            } else {
                Lexicon::get().info(k)
            }
        })
    }

    /// Whether token `i` may start a quantity by the word lists, asked of
    /// its plain lowercase spelling when it has one (no key worked out).
    fn quantity_word(&self, i: usize) -> bool {
        let raw = self.texts[i];
        let mut buf = [0u8; 16];
        if !raw.is_empty() && raw.len() <= buf.len() && raw.bytes().all(|b| b.is_ascii_alphabetic())
        {
            let first = usize::from(raw.as_bytes()[0].to_ascii_lowercase() - b'a');
            if Lexicon::get().quantity_shapes[first] & (1 << raw.len()) == 0 {
                return false;
            }
            let lower = &mut buf[..raw.len()];
            lower.copy_from_slice(raw.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).unwrap_or("");
            return Lexicon::get().info(lower).has(Info::QUANTITY);
        }
        self.info(i).has(Info::QUANTITY)
    }

    fn text(&self, i: usize) -> &'a str {
        self.texts.get(i).copied().unwrap_or("")
    }

    /// The name key of token `i`, if it is a name.
    fn name_key(&self, i: usize) -> Option<&str> {
        match self.name[i] {
            NameOf::No => None,
            NameOf::Word => Some(self.key(i)),
            NameOf::Group(g) => Some(Lexicon::group_key(g)),
        }
    }

    fn is_name(&self, i: usize) -> bool {
        self.name[i] != NameOf::No
    }

    /// Whether token `i`'s capital says something: it stands inside a
    /// sentence of text not written in title case.
    fn capital_inside(&self, i: usize) -> bool {
        !self.title_case && !self.sentence_start(i)
    }

    /// Whether token `i` starts a sentence (first word, or after `.?!`,
    /// quotation marks allowed between).
    fn sentence_start(&self, i: usize) -> bool {
        let mut j = i;
        while j > 0 {
            j -= 1;
            let t = self.texts[j];
            if t.as_bytes()[0].is_ascii_alphanumeric() {
                // A word (most tokens): no sentence ends here.
                return false;
            }
            if is_quote_mark(t) || matches!(t, "(" | "[" | "—" | "–") {
                continue;
            }
            return matches!(t, "." | "?" | "!" | ":");
        }
        true
    }

    fn find_quantities(&mut self, lex: &Lexicon) {
        let mut i = 0;
        while i < self.len() {
            // Most tokens can start no quantity: told once here, not again
            // by each reading below.
            if !may_start_quantity(self, i) {
                i += 1;
                continue;
            }
            let found = time_phrase(self, i, lex).or_else(|| {
                parse_quantity(self, i, lex).map(|(q, end)| {
                    // `a fifth of`, `a dozen`: the article is the count's one.
                    let a = i > 0
                        && self.key(i - 1) == "a"
                        && (q.unit == fraction_unit()
                            || matches!(self.key(i), "dozen" | "hundred"));
                    (q, i - usize::from(a), end)
                })
            });
            match found {
                Some((q, start, end)) => {
                    let id = self.quantities.len();
                    self.quantities.push(q);
                    for k in start..end {
                        self.quantity[k] = Some(id);
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// Names, titles and forms of known names, to be set with
    /// [`SideView::set_names`]. `inside` holds the keys of words either
    /// version capitalises inside a sentence.
    fn find_names(&self, lex: &Lexicon, inside: &[&str]) -> Names {
        let n = self.len();
        let mut out = Names {
            name: vec![NameOf::No; n],
            joined: vec![false; n],
            title: vec![false; n],
        };
        let mut i = 0;
        while i < n {
            let t = self.texts[i];
            if self.quantity[i].is_some() || !is_word(t) {
                i += 1;
                continue;
            }
            if !capitalised(t) {
                // A lowercase word is a name only as a long form of a known
                // name (`coronavirus`); asked of its own spelling, so that
                // most words never have their keys worked out.
                if let Some(group) = lex.lowercase_form(t) {
                    out.name[i] = NameOf::Group(group);
                }
                i += 1;
                continue;
            }
            if let Some((group, end)) = lex.name_form(self, i) {
                out.name[i] = NameOf::Group(group);
                for k in i + 1..end {
                    out.joined[k] = true;
                }
                i = end;
                continue;
            }
            if self.number_sign(i) {
                i += 1;
                continue;
            }
            let organisation = || lex.organisation_heads.contains_key(self.key(i + 1));
            if capitalised(self.texts[i]) && self.info(i).has(Info::TITLE) && !organisation() {
                out.title[i] = true;
            } else if self.spells_out_acronym(i) {
                // `Affordable Care Act (ACA)`: the acronym is the name again.
                out.joined[i] = true;
            } else if self.looks_like_name(i, lex, inside) {
                out.name[i] = NameOf::Word;
            }
            i += 1;
        }
        out
    }

    /// Whether token `i` is an acronym in brackets right after the words it
    /// abbreviates (`International Consortium of Investigative Journalists
    /// (ICIJ)`, `Department of Justice (DOJ)`).
    fn spells_out_acronym(&self, i: usize) -> bool {
        if i < 2 || self.text(i - 1) != "(" || self.text(i + 1) != ")" || !all_caps(self.texts[i]) {
            return false;
        }
        let acronym = self.key(i);
        let (mut capitals, mut all) = (String::new(), String::new());
        let mut k = i - 1;
        while k > 0 && all.len() < acronym.len() + 4 {
            k -= 1;
            let t = self.texts[k];
            if !is_word(t) || !(capitalised(t) || matches!(t, "of" | "and" | "for" | "the" | "on"))
            {
                break;
            }
            let first = self.key(k).chars().next().unwrap_or(' ');
            all.insert(0, first);
            if capitalised(t) {
                capitals.insert(0, first);
            }
        }
        capitals.ends_with(acronym) || all.ends_with(acronym)
    }

    fn set_names(&mut self, names: Names) {
        self.name = names.name;
        self.joined = names.joined;
        self.title = names.title;
    }

    /// A capitalised word inside a sentence, or one opening a sentence with
    /// other evidence of a name: either version capitalises it inside a
    /// sentence, it runs on into another capitalised word (`Rob Portman`),
    /// or it is no common English word (`Economists said` is no name,
    /// `Landry vetoed` is).
    fn looks_like_name(&self, i: usize, lex: &Lexicon, inside: &[&str]) -> bool {
        let t = self.texts[i];
        if !capitalised(t) || t == "I" {
            return false;
        }
        let key = self.key(i);
        if key.is_empty() {
            return false;
        }
        if self.capital_inside(i) {
            return true;
        }
        if self.info(i).has(Info::FUNCTION) {
            return false;
        }
        let next = self.text(i + 1);
        // In title case every word runs on into another capitalised one.
        let runs_on = !self.title_case && capitalised(next) && is_word(next);
        // In a line written in capitals, capitals say nothing either.
        let acronym = all_caps(t) && !self.shouting;
        acronym || inside.contains(&key) || runs_on || !lex.is_common(t)
    }

    /// Whether token `i` is an `s` written right after an apostrophe.
    fn possessive_s(&self, i: usize) -> bool {
        self.texts[i] == "s" && i > 0 && matches!(self.texts[i - 1], "'" | "’") && !self.spaced[i]
    }

    /// Whether token `i` is an initial inside a name: one capital and a
    /// full stop between two name words (`Mark A. Milley`).
    fn initial_in_name(&self, i: usize) -> bool {
        let t = self.texts[i];
        let name = |k: usize| k < self.len() && (self.is_name(k) || self.joined[k]);
        t.len() == 1
            && t.starts_with(|c: char| c.is_ascii_uppercase())
            && self.text(i + 1) == "."
            && i > 0
            && name(i - 1)
            && name(i + 2)
    }

    /// Whether title `i` stands before a name (through other titles).
    fn titles_a_name(&self, i: usize) -> bool {
        let mut k = i + 1;
        // Through other titles and the full stops of abbreviations (`Sen.`).
        while k < self.len() && (self.title[k] || self.texts[k] == ".") {
            k += 1;
        }
        k < self.len() && self.is_name(k)
    }

    /// The markers token `i` carries, handed to `f`.
    fn markers<'s>(&'s self, i: usize, lex: &Lexicon, mut f: impl FnMut(Marker<'s>)) {
        if let Some(q) = self.quantity[i] {
            // A quantity counts once, at its first token.
            if i == 0 || self.quantity[i - 1] != Some(q) {
                f(Marker::Quantity(self.quantities[q]));
            }
            return;
        }
        if let Some(n) = self.name_key(i) {
            f(Marker::Name(n));
        }
        if !self.changed[i] {
            // An equal token says the same on both sides: its word markers
            // cancel out (names and quantities depend on context, and count
            // above on every token).
            return;
        }
        let key = self.keys_of(i);
        if !key.main.is_empty() {
            self.word_markers(i, key.main.as_ref(), self.info(i), &mut f);
        }
        if let Some(extra) = key.extra {
            self.word_markers(i, extra, lex.info(extra), &mut f);
        }
    }

    /// The markers of one word key of token `i`.
    fn word_markers<'s>(
        &'s self,
        i: usize,
        k: &'s str,
        info: Info,
        f: &mut impl FnMut(Marker<'s>),
    ) {
        if let Some(lemma) = info.lemma {
            if self.said_to(i, lemma) {
                // `is said to have voted`: hearsay, a hedge.
                f(Marker::Hedge("said to"));
            } else if self.reports(i, lemma) {
                f(Marker::Verb(lemma));
            }
        }
        if info.has(Info::NEGATOR) && !self.number_sign(i) {
            f(Marker::Negation);
        }
        // `May` is a month, not a modal.
        let month = k == "may" && capitalised(self.texts[i]) && !self.title_case;
        if info.has(Info::HEDGE) && !month && self.hedges(i, k) {
            f(Marker::Hedge(k));
        }
    }

    /// The word an abbreviation with its full stop stands for (`No.` →
    /// `number`, `vs.` → `versus`).
    fn spelled_out(&self, i: usize) -> Option<&'static str> {
        let dotted = self.text(i + 1) == "." && !self.spaced.get(i + 1).copied().unwrap_or(true);
        if !dotted && self.texts[i] != "vs" {
            return None;
        }
        let key = self.key(i);
        lexicon::WORD_ABBREVIATIONS
            .iter()
            .find(|&&(short, _)| short == key)
            .map(|&(_, long)| long)
    }

    /// `No. 3`: `no` abbreviating `number` before a figure.
    fn number_sign(&self, i: usize) -> bool {
        self.text(i + 1) == "."
            && self.text(i + 2).starts_with(|c: char| c.is_ascii_digit())
            && self.key(i) == "no"
    }

    /// `said` between a form of `be` and `to`: `is said to`.
    fn said_to(&self, i: usize, lemma: &str) -> bool {
        lemma == "say" && i > 0 && is_be(self.key(i - 1)) && self.key(i + 1) == "to"
    }

    /// Whether reporting verb `i` reports here: `added` does only before a
    /// clause or a stop (`, he added.`, `added that`), not before an object
    /// (`added 943,000 jobs`).
    fn reports(&self, i: usize, lemma: &str) -> bool {
        if lemma != "add" {
            return true;
        }
        let next = self.text(i + 1);
        !is_word(next) || matches!(self.key(i + 1), "that" | "in" | "on")
    }

    /// Whether hedge word `k` at `i` hedges here: `expected` does in `is
    /// expected to` and `the bill expected to pass`, not in `than expected`
    /// or `didn't expect`.
    fn hedges(&self, i: usize, k: &str) -> bool {
        if k != "expected" {
            return true;
        }
        self.key(i + 1) == "to" || (i > 0 && is_be(self.key(i - 1)))
    }
}

/// Forms of `be`.
fn is_be(k: &str) -> bool {
    matches!(k, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// The keys of the words either side capitalises inside a sentence: a
/// capitalised word opening a sentence that also stands capitalised inside
/// one is a name.
fn capitalised_inside<'s, 'a>(old: &'s SideView<'a>, new: &'s SideView<'a>) -> Vec<&'s str> {
    let mut out: Vec<&str> = Vec::new();
    for side in [old, new] {
        for i in 0..side.len() {
            let t = side.texts[i];
            if capitalised(t) && is_word(t) && side.quantity[i].is_none() && side.capital_inside(i)
            {
                let k = side.key(i);
                if !k.is_empty() && !out.contains(&k) {
                    out.push(k);
                }
            }
        }
    }
    out
}

fn is_quote_mark(t: &str) -> bool {
    matches!(
        t,
        "“" | "”"
            | "\""
            | "‘"
            | "’"
            | "'"
            | "«"
            | "»"
            | "„"
            | "‹"
            | "›"
            | "「"
            | "」"
            | "『"
            | "』"
    )
}

/// Whether a changed quotation mark moved across words: some word both
/// versions share stands inside quotation marks in one and not the other
/// (`“bow to pressure” from the mainland` → `“bow to pressure from the
/// mainland”`).
fn quotation_moved(tokens: &[Tok]) -> bool {
    if !tokens
        .iter()
        .any(|t| t.kind != WordKind::Equal && is_quote_mark(t.text))
    {
        return false;
    }
    let shared = |skip: WordKind| {
        let side: Vec<&Tok> = tokens.iter().filter(|t| t.kind != skip).collect();
        let inside = quoted(&side);
        side.iter()
            .zip(inside)
            .filter(|(t, _)| t.kind == WordKind::Equal && is_word(t.text))
            .map(|(_, q)| q)
            .collect::<Vec<bool>>()
    };
    let (old, new) = (shared(WordKind::Inserted), shared(WordKind::Deleted));
    // Quotation marks put around words or taken off them (`a “hoax”`) are
    // house style; a quotation both versions carry that now ends elsewhere
    // holds other words.
    old.contains(&true) && new.contains(&true) && old != new
}

/// Which tokens stand inside quotation marks. A closing mark with no
/// opening one means the text began inside a quotation (a quotation that
/// runs over several sentences).
fn quoted(toks: &[&Tok]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let (mut double, mut single) = (false, false);
    for (i, t) in toks.iter().enumerate() {
        if t.text.as_bytes()[0].is_ascii_alphanumeric() {
            // A word (most tokens): inside whatever marks are open.
            out[i] = double || single;
            continue;
        }
        let next_word = toks
            .get(i + 1)
            .is_some_and(|n| is_word(n.text) && !n.spaced);
        match t.text {
            "“" | "„" | "«" | "「" | "『" => double = true,
            "”" | "»" | "」" | "』" => {
                if !double {
                    out[..i].iter_mut().for_each(|q| *q = true);
                }
                double = false;
            }
            "\"" => {
                let closing = i > 0 && !t.spaced && !next_word;
                if closing && !double {
                    out[..i].iter_mut().for_each(|q| *q = true);
                }
                double = !closing;
            }
            // `China‘s`: a left mark between two letters is a misprinted
            // apostrophe, not an opening.
            "‘" if !t.spaced && i > 0 && is_word(toks[i - 1].text) && next_word => {
                out[i] = double || single;
            }
            "‘" | "‹" => single = true,
            "’" | "›" => single = false,
            "'" => {
                if single {
                    single = false;
                } else if (t.spaced || i == 0) && next_word {
                    single = true;
                }
            }
            _ => out[i] = double || single,
        }
    }
    out
}

/// A quantity starting at token `i`: its value and the end of its tokens.
fn parse_quantity(s: &SideView, i: usize, lex: &Lexicon) -> Option<(Quantity, usize)> {
    if !may_start_quantity(s, i) {
        return None;
    }
    if let Some(found) = calendar_word(s, i, lex) {
        return Some(found);
    }
    if pronoun_one(s, i, lex) {
        return None;
    }
    if lex.vague.contains_key(s.key(i)) {
        return Some((quantity(QKind::Vague, 0.0, None, s.key(i)), i + 1));
    }
    let mut r = Reading::figure_at(s, i, lex)?;
    r.fraction(s, i);
    r.written_fraction(s);
    r.day_of_month(s, i, lex);
    r.thousands_group(s);
    r.clock_time(s);
    r.range(s, lex);
    r.am_pm(s);
    r.apply_suffix(lex);
    r.magnitude_word(s, lex);
    r.unit_words(s, lex);
    Some((quantity(r.kind, r.value, r.upper, &r.unit), r.k))
}

/// Whether token `i` can start a quantity at all: a figure, a currency
/// sign, a listed word or a hyphenated word (`twenty-five`). Most tokens
/// are plain words, ruled out here with one look-up.
fn may_start_quantity(s: &SideView, i: usize) -> bool {
    let raw = s.text(i);
    raw.starts_with(|c: char| c.is_ascii_digit())
        || is_currency(raw)
        || currency_prefix(s, i)
        || (i < s.len() && s.quantity_word(i))
        || raw.contains('-')
}

/// Signs that are units of a figure (`5%`, `$5`), not punctuation.
fn is_unit_sign(c: char) -> bool {
    matches!(c, '%' | '$' | '€' | '£' | '¥' | '°')
}

/// Capitals written onto a currency sign (`US$`, `C$`, `HK$`).
fn currency_prefix(s: &SideView, i: usize) -> bool {
    let raw = s.text(i);
    (1..=3).contains(&raw.len())
        && raw.bytes().all(|b| b.is_ascii_uppercase())
        && is_currency(s.text(i + 1))
}

/// The unit of a fraction (`one-fifth`, `a fifth of`).
fn fraction_unit() -> u64 {
    quantity(QKind::Amount, 0.0, None, "frac").unit
}

/// `.8` written without its zero: the figure after a full stop that no
/// word comes right before.
fn leading_point(s: &SideView, k: usize, value: f64) -> f64 {
    let raw = s.text(k);
    let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
    let bare = k > 0
        && s.text(k - 1) == "."
        && !s.spaced[k]
        && (k == 1 || s.spaced[k - 1] || !is_word(s.text(k - 2)))
        && !raw[digits..].starts_with([',', '.']);
    if bare && digits > 0 {
        value / 10f64.powi(i32::try_from(digits).unwrap_or(0))
    } else {
        value
    }
}

fn is_currency(t: &str) -> bool {
    matches!(t, "$" | "€" | "£" | "¥")
}

/// A time said in words, found at its time word (with the word before it
/// when that belongs to it): a time word after `this`, `next`, `last` (`next
/// week`, `last December`, `this Wednesday`); `a day after`; `days before`,
/// `for weeks`; a season (`the spring of 2022`, `in the fall`); a part of
/// the day beside a day or after `the`, `this` (`Friday morning`). As
/// (quantity, first token, end).
fn time_phrase(s: &SideView, i: usize, lex: &Lexicon) -> Option<(Quantity, usize, usize)> {
    if i == 0 || !may_start_quantity(s, i) {
        return None;
    }
    // Most tokens here are figures: ruled out by their own key before the
    // words around them are read.
    let key = s.key(i);
    let time = lex.time_words.get(key).copied();
    if time.is_none() && !lex.days.contains_key(key) && !lex.months.contains_key(key) {
        return None;
    }
    let prev = s.key(i - 1);
    let next = s.key(i + 1);
    let relative = |v: u32| quantity(QKind::Relative, f64::from(v), None, "");
    if let Some(&d) = lex.deictics.get(prev) {
        if let Some((q, end)) = calendar_word(s, i, lex) {
            let month = u32::from(q.kind == QKind::Month) * 100;
            let code = u32::try_from(q.milli / 1000).unwrap_or(0);
            return Some((relative(u32::from(d) * 1000 + month + code), i - 1, end));
        }
    }
    let code = time?;
    match code {
        // Clock times: `noon` is `12 p.m.`, `midnight` `12 a.m.`
        31 => return Some((quantity(QKind::Time, 720.0, None, ""), i, i + 1)),
        32 => return Some((quantity(QKind::Time, 0.0, None, ""), i, i + 1)),
        _ => {}
    }
    if let Some(&d) = lex.deictics.get(prev) {
        return Some((
            relative(u32::from(d) * 1000 + u32::from(code)),
            i - 1,
            i + 1,
        ));
    }
    let after = matches!(next, "after" | "before" | "later" | "earlier" | "ago");
    if let Some(&unit) = lex.units.get(s.key(i)) {
        if matches!(prev, "a" | "an") && after {
            return Some((quantity(QKind::Amount, 1.0, None, unit), i - 1, i + 1));
        }
        if after || matches!(prev, "just" | "for" | "within" | "over") {
            return Some((quantity(QKind::Vague, 0.0, None, unit), i, i + 1));
        }
        return None;
    }
    let of_year = next == "of" && s.text(i + 2).starts_with(|c: char| c.is_ascii_digit());
    let at = |c: bool| c.then(|| (relative(u32::from(code)), i, i + 1));
    match code {
        // Seasons; `fall` and `spring` are verbs too, and `the fall of`
        // a city is no season.
        11..=14 => at(of_year
            || (matches!(
                prev,
                "the" | "by" | "until" | "since" | "early" | "late" | "during"
            ) && next != "of")),
        // Parts of the day.
        _ => at(
            s.quantity[i - 1].is_some_and(|q| s.quantities[q].kind == QKind::Day)
                || matches!(prev, "the" | "in" | "on" | "early" | "late" | "that"),
        ),
    }
}

/// A month or day name standing alone (capitalised: `may`, `march` and
/// `sun` are words too).
fn calendar_word(s: &SideView, i: usize, lex: &Lexicon) -> Option<(Quantity, usize)> {
    let (raw, key) = (s.text(i), s.key(i));
    if let Some(&m) = lex.months.get(key) {
        // In title case `May` and `March` are words as often as months.
        let ambiguous = s.title_case && lex.is_common(raw) && !dated(s, i);
        if capitalised(raw) && !after_first_name(s, i, lex) && !ambiguous {
            let end = if s.text(i + 1) == "." { i + 2 } else { i + 1 };
            return Some((quantity(QKind::Month, f64::from(m), None, ""), end));
        }
    }
    let &d = lex.days.get(key)?;
    (capitalised(raw) || d >= 8).then(|| (quantity(QKind::Day, f64::from(d), None, ""), i + 1))
}

/// Whether a month name at token `i` stands where a date does: beside a
/// figure (`May 25`, `25 May`, `May 2021`) or after a word that takes a
/// date (`in May`, `since March`).
fn dated(s: &SideView, i: usize) -> bool {
    let figure = |t: &str| t.starts_with(|c: char| c.is_ascii_digit());
    let prev = if i > 0 { s.key(i - 1) } else { "" };
    figure(s.text(i + 1))
        || (i > 0 && figure(s.text(i - 1)))
        || matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "through"
                | "of"
                | "last"
                | "next"
                | "early"
                | "late"
                | "mid"
                | "this"
                | "on"
                | "before"
                | "after"
        )
}

/// Whether a short function word or negator is capitalised inside the text
/// of either side (`Will`, `Not`, `Over`, `Never`): the mark of a title-case headline that a
/// line of names such as `Source: Washington Examiner (Online News)` lacks.
fn function_word_capitalised(texts: &[&str], lex: &Lexicon) -> bool {
    texts.iter().enumerate().any(|(i, t)| {
        let after_word = i > 0 && !matches!(texts[i - 1], "." | "?" | "!" | ":" | "“" | "\"");
        after_word
            && capitalised(t)
            && t.len() <= 5
            && !all_caps(t)
            // Words that open names as often (`New York`, `USA Today`).
            && !matches!(*t, "New" | "Today")
            && lex.info(&t.to_lowercase()).has(Info::FUNCTION | Info::NEGATOR)
    })
}

/// Whether a side is written in capitals: four in five of its words of four
/// letters or more, three at least.
fn in_capitals(texts: &[&str]) -> bool {
    let long = texts
        .iter()
        .filter(|t| t.starts_with(char::is_alphabetic) && t.chars().take(4).count() == 4);
    let (n, caps) = long.fold((0usize, 0usize), |(n, c), t| {
        (n + 1, c + usize::from(all_caps(t)))
    });
    n >= 3 && caps * 5 >= n * 4
}

/// Whether the words of one side are written in title case (given that a
/// function word is capitalised, [`function_word_capitalised`]): four in five
/// of its words of four letters or more capitalised, common words among them
/// (`Sign`, `Bill`), not just names and titles.
fn title_cased(texts: &[&str], lex: &Lexicon) -> bool {
    let (mut long, mut capitals, mut common) = (0usize, 0usize, 0usize);
    for t in texts {
        if !t.starts_with(char::is_alphabetic) || t.chars().take(4).count() < 4 {
            continue;
        }
        long += 1;
        if !capitalised(t) {
            continue;
        }
        capitals += 1;
        let lower = t.to_lowercase();
        let calendar =
            lex.months.contains_key(lower.as_str()) || lex.days.contains_key(lower.as_str());
        if !all_caps(t) && !calendar && !lex.info(&lower).has(Info::TITLE) && lex.is_common(t) {
            common += 1;
        }
    }
    long >= 3 && capitals * 5 >= long * 4 && common >= 2 && common * 3 >= long
}

/// Whether token `i` follows a capitalised word that is no date word
/// inside a sentence: `Theresa May`, `Brian May` are names.
fn after_first_name(s: &SideView, i: usize, lex: &Lexicon) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let prev = s.text(p);
    capitalised(prev)
        && is_word(prev)
        && s.capital_inside(p)
        && !lex.months.contains_key(s.key(p))
        && !lex.days.contains_key(s.key(p))
}

/// `one of`, `without one`, `no one`: a pronoun, not a count. `one in
/// five` and `one out of five` are counts.
fn pronoun_one(s: &SideView, i: usize, lex: &Lexicon) -> bool {
    if s.key(i) != "one" {
        return false;
    }
    let next = s.key(i + 1);
    if matches!(next, "in" | "out") {
        return false;
    }
    next.is_empty() || lex.info(next).has(Info::FUNCTION) || s.key(i.wrapping_sub(1)) == "no"
}

/// A quantity being read, token by token.
struct Reading {
    kind: QKind,
    value: f64,
    /// The other end of a range or score (`300-500`, `48 to 50`).
    upper: Option<f64>,
    unit: String,
    /// Letters written onto the figure (`m` of `5m`, `th` of `19th`).
    suffix: String,
    /// The next token to read.
    k: usize,
}

impl Reading {
    /// The figure at token `i`, after any currency sign (`$`, `US$`, `€`).
    fn figure_at(s: &SideView, i: usize, lex: &Lexicon) -> Option<Reading> {
        let mut k = i;
        let mut unit = String::new();
        let prefix = currency_prefix(s, i);
        if prefix {
            k += 1;
        }
        if is_currency(s.text(k)) {
            if let Some(&u) = lex.units.get(s.text(k)) {
                unit = u.to_string();
                k += 1;
            }
        }
        if prefix && s.text(i) != "US" {
            // `C$`, `A$`, `HK$`: another country's dollar.
            unit = format!("{}{unit}", s.key(i));
        }
        let (mut value, suffix) = figure(s.text(k), s.key(k), lex)?;
        value = leading_point(s, k, value);
        Some(Reading {
            kind: QKind::Amount,
            value,
            upper: None,
            unit,
            suffix,
            k: k + 1,
        })
    }

    /// `a fifth of`: an ordinal word after `a` and before `of` is a
    /// fraction (`a second of` is a moment, not a half).
    fn fraction(&mut self, s: &SideView, i: usize) {
        let word = !s.text(i).starts_with(|c: char| c.is_ascii_digit());
        if word
            && matches!(self.suffix.as_str(), "th" | "rd")
            && self.value > 2.0
            && i > 0
            && s.key(i - 1) == "a"
            && s.key(self.k) == "of"
        {
            self.value = 1.0 / self.value;
            self.suffix = "frac".to_string();
        }
    }

    /// Fractions in figures and a whole number with its fraction: `2/3`
    /// (as `two-thirds`), `22 1/2` and `22 and a half` (as `22.5`).
    fn written_fraction(&mut self, s: &SideView) {
        if self.value.fract() != 0.0 || !self.suffix.is_empty() {
            return;
        }
        let glued = |k: usize| s.spaced.get(k) == Some(&false);
        let digits = |k: usize| {
            let t = s.text(k);
            !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
        };
        // `p/q` starting at token `k`, a proper fraction.
        let slashed = |k: usize| -> Option<f64> {
            if !(digits(k) && s.text(k + 1) == "/" && glued(k + 1) && digits(k + 2) && glued(k + 2))
            {
                return None;
            }
            let (p, q) = (
                s.text(k).parse::<f64>().ok()?,
                s.text(k + 2).parse::<f64>().ok()?,
            );
            (p > 0.0 && p < q).then(|| p / q)
        };
        if s.text(self.k) == "/" && glued(self.k) {
            if let Some(f) = slashed(self.k - 1) {
                self.value = f;
                self.suffix = "frac".to_string();
                self.k += 2;
            }
            return;
        }
        if let Some(f) = slashed(self.k) {
            self.value += f;
            self.k += 3;
            return;
        }
        if s.key(self.k) != "and" {
            return;
        }
        let part = match (s.key(self.k + 1), s.key(self.k + 2)) {
            ("a" | "one", "half") => 0.5,
            ("a" | "one", "quarter") => 0.25,
            ("a" | "one", "third") => 1.0 / 3.0,
            ("three", "quarters") => 0.75,
            _ => return,
        };
        self.value += part;
        self.k += 3;
    }

    /// A figure beside a month names a day (`May 25`, `25 May`, `May
    /// 25th`): one notation of one date.
    fn day_of_month(&mut self, s: &SideView, i: usize, lex: &Lexicon) {
        let month =
            |k: usize| k < s.len() && capitalised(s.text(k)) && lex.months.contains_key(s.key(k));
        let before = (i > 0 && month(i - 1)) || (i > 1 && s.text(i - 1) == "." && month(i - 2));
        if self.value.fract() == 0.0 && self.value <= 31.0 && (before || month(self.k)) {
            self.kind = QKind::Ordinal;
        }
    }

    /// A thousands group after a space (`194 000`).
    fn thousands_group(&mut self, s: &SideView) {
        let t = s.text(self.k);
        if self.value.fract() == 0.0
            && self.value < 1000.0
            && self.suffix.is_empty()
            && t.len() == 3
            && t.bytes().all(|b| b.is_ascii_digit())
            && s.spaced.get(self.k) == Some(&true)
        {
            self.value = self.value * 1000.0 + t.parse::<f64>().unwrap_or(0.0);
            self.k += 1;
        }
    }

    /// A clock time: `19:00`.
    fn clock_time(&mut self, s: &SideView) {
        let minutes = s.text(self.k + 1);
        if s.text(self.k) == ":"
            && minutes.len() == 2
            && minutes.bytes().all(|b| b.is_ascii_digit())
        {
            self.value = self.value * 60.0 + minutes.parse::<f64>().unwrap_or(0.0);
            self.kind = QKind::Time;
            self.k += 2;
        }
    }

    /// A range or a score: `300-500` (one token), `5 – 4`, `48 to 50`. The
    /// upper figure's letters (`3-5m`) go for both.
    fn range(&mut self, s: &SideView, lex: &Lexicon) {
        if let Some(upper) = self.suffix.strip_prefix('-') {
            if let Some((v, rest)) = upper
                .starts_with(|c: char| c.is_ascii_digit())
                .then(|| figure(upper, upper, lex))
                .flatten()
            {
                self.upper = Some(v);
                self.suffix = rest;
            }
            return;
        }
        let t = s.text(self.k);
        // `$3 million to $5 million`: the sign again before the upper figure.
        let sign = usize::from(!self.unit.is_empty() && is_currency(s.text(self.k + 1)));
        let next = s.text(self.k + 1 + sign);
        if !self.suffix.is_empty() || !next.starts_with(|c: char| c.is_ascii_digit()) {
            return;
        }
        let dash = matches!(t, "-" | "–" | "—") && !s.spaced[self.k] && !s.spaced[self.k + 1];
        if dash || s.key(self.k) == "to" {
            if let Some((v, rest)) = figure(next, next, lex) {
                self.upper = Some(v);
                self.suffix = rest;
                self.k += 2 + sign;
            }
        }
    }

    /// `7 pm`, `7 p.m.` spelled apart from the figure.
    fn am_pm(&mut self, s: &SideView) {
        if self.suffix.is_empty() && matches!(s.key(self.k), "am" | "pm") {
            self.suffix = s.key(self.k).to_string();
            self.k += 1;
            if s.text(self.k) == "." {
                self.k += 1;
            }
        }
    }

    /// What the letters on the figure say: an ordinal, a time of day, a
    /// magnitude (`5m`) or a unit (`10km`).
    /// A word joined by a hyphen (`270-month`, `third-term`) counts as a
    /// unit only when it is one: `50-vote` and `50-member` are both 50.
    fn apply_suffix(&mut self, lex: &Lexicon) {
        let (ending, word) = match self.suffix.split_once('-') {
            Some((e, w)) => (e.to_string(), Some(w.to_string())),
            None => (std::mem::take(&mut self.suffix), None),
        };
        match ending.as_str() {
            "" => {}
            "st" | "nd" | "rd" | "th" => self.kind = QKind::Ordinal,
            "am" | "pm" => self.time_of_day(&ending),
            s => match (lex.magnitudes.get(s), lex.units.get(s)) {
                (Some(&m), _) => self.scale(m),
                (None, Some(&u)) => self.unit = u.to_string(),
                (None, None) => self.unit = s.to_string(),
            },
        }
        let word = word.as_deref().and_then(|w| w.split('-').next());
        if let Some(&u) = word.and_then(|w| lex.units.get(w)) {
            self.unit = u.to_string();
        }
    }

    /// `7.30pm` → minutes after midnight.
    fn time_of_day(&mut self, suffix: &str) {
        let minutes = if self.kind == QKind::Time {
            self.value
        } else {
            self.value.trunc() * 60.0 + (self.value.fract() * 100.0).round()
        };
        let noon = if suffix == "pm" && minutes < 720.0 {
            720.0
        } else {
            0.0
        };
        let midnight = if suffix == "am" && minutes >= 720.0 {
            -720.0
        } else {
            0.0
        };
        self.value = minutes + noon + midnight;
        self.kind = QKind::Time;
    }

    fn scale(&mut self, m: f64) {
        self.value *= m;
        self.upper = self.upper.map(|u| u * m);
    }

    /// A magnitude word after the figure: `million`, `bn`.
    fn magnitude_word(&mut self, s: &SideView, lex: &Lexicon) {
        let key = s.key(self.k);
        if let Some(&m) = lex.magnitudes.get(key) {
            // `m` and `b` spelled apart from the figure are not magnitudes.
            if key.len() > 2 || !s.spaced[self.k] {
                self.scale(m);
                self.k += 1;
            }
        }
    }

    /// Unit words after the figure: `per cent`, `dollars`, `km`.
    fn unit_words(&mut self, s: &SideView, lex: &Lexicon) {
        let k = self.k;
        let two = format!("{} {}", s.key(k), s.key(k + 1));
        if let Some(&u) = lex.units.get(two.as_str()) {
            self.unit = u.to_string();
            self.k += 2;
        } else if let Some(&u) = lex.units.get(s.key(k)).or_else(|| lex.units.get(s.text(k))) {
            // A lone letter after a space is a unit only in capitals (`40 C`).
            let single_letter = s.key(k).len() == 1 && s.text(k) != "%";
            if !single_letter || !s.spaced[k] || capitalised(s.text(k)) {
                self.unit = u.to_string();
                self.k += 1;
            }
        }
    }
}

fn quantity(kind: QKind, value: f64, upper: Option<f64>, unit: &str) -> Quantity {
    // A span of weeks in days (`14 days` is `two weeks`); vague spans
    // (`for weeks`) keep their unit.
    let (value, upper, unit) = if unit == "week" && kind == QKind::Amount {
        (value * 7.0, upper.map(|u| u * 7.0), "day")
    } else {
        (value, upper, unit)
    };
    let unit = if unit.is_empty() {
        0
    } else {
        let mut h = Fnv::default();
        h.write(unit.as_bytes());
        h.finish() | 1
    };
    let milli = |v: f64| (v * 1000.0).round() as i64;
    Quantity {
        kind,
        milli: milli(value),
        upper: upper.map_or(i64::MIN, milli),
        unit,
    }
}

/// A figure: digits with separators and a letter suffix (`3.5`, `194,000`,
/// `5m`, `19th`), or a number word (`five`, `twenty-five`, `third`). A word
/// joined by a hyphen comes back as the suffix with its dash (`270-month`,
/// `two-month`, `second-largest`); an ordinal word's suffix is its ending.
fn figure(raw: &str, key: &str, lex: &Lexicon) -> Option<(f64, String)> {
    if raw.starts_with(|c: char| c.is_ascii_digit()) {
        let split = raw
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(raw.len());
        let (digits, suffix) = raw.split_at(split);
        let value = parse_digits(digits)?;
        return Some((value, fold(suffix).replace('.', "")));
    }
    if let Some(&v) = lex.numbers.get(key) {
        return Some((v, ordinal_ending(key)));
    }
    if !raw.contains('-') {
        return None;
    }
    let folded = fold(raw);
    let (first, rest) = folded.split_once('-')?;
    let &a = lex.numbers.get(first)?;
    if let Some(&b) = lex.numbers.get(rest) {
        let ordinal = ordinal_ending(rest);
        // `twenty-five`, `forty-fifth`
        if a >= 20.0 && a % 10.0 == 0.0 && b < 10.0 {
            return Some((a + b, ordinal));
        }
        // `one-fifth`, `two-thirds`: a fraction.
        if !ordinal.is_empty() && b > a {
            return Some((a / b, "frac".to_string()));
        }
    }
    if let Some(&b) = rest.strip_suffix('s').and_then(|r| lex.numbers.get(r)) {
        if b > a && !ordinal_ending(&rest[..rest.len() - 1]).is_empty() {
            return Some((a / b, "frac".to_string()));
        }
    }
    let ending = ordinal_ending(first);
    Some((a, format!("{ending}-{rest}")))
}

/// The ending of an ordinal number word (`third` → `rd`), else nothing.
fn ordinal_ending(word: &str) -> String {
    let n = word.len();
    match word.get(n.saturating_sub(2)..) {
        Some(e @ ("st" | "nd" | "rd" | "th")) if n > 3 => e.to_string(),
        _ => String::new(),
    }
}

/// `194,000` → 194000, `3.5` → 3.5, `1,234.5` → 1234.5; a comma not
/// followed by three digits is a decimal comma.
fn parse_digits(d: &str) -> Option<f64> {
    let groups_of_three = d
        .split(',')
        .skip(1)
        .all(|g| g.len() == 3 || (g.len() > 3 && g.as_bytes()[3] == b'.'));
    let cleaned: String = if groups_of_three {
        d.chars().filter(|&c| c != ',').collect()
    } else {
        d.replace(',', ".")
    };
    let cleaned = cleaned.trim_end_matches('.');
    cleaned.parse::<f64>().ok()
}

// ---------------------------------------------------------------- both sides

/// Marker counts: old minus new. A marker is changed when its count
/// differs. A sentence carries few markers: a list is quicker than a map.
struct Balance<'s>(Vec<(Marker<'s>, i32)>);

impl<'s> Balance<'s> {
    fn count(old: &'s SideView, new: &'s SideView) -> Balance<'s> {
        let lex = Lexicon::get();
        let mut b = Balance(Vec::new());
        for i in 0..old.len() {
            old.markers(i, lex, |m| b.add(m, 1));
        }
        for i in 0..new.len() {
            new.markers(i, lex, |m| b.add(m, -1));
        }
        b
    }

    fn add(&mut self, m: Marker<'s>, d: i32) {
        match self.0.iter_mut().find(|(k, _)| *k == m) {
            Some((_, n)) => *n += d,
            None => self.0.push((m, d)),
        }
    }

    /// Whether `m`, found on the old side (or the new when `!old_side`),
    /// is in surplus there.
    fn surplus(&self, m: &Marker, old_side: bool) -> bool {
        let d = self.0.iter().find(|(k, _)| k == m).map_or(0, |&(_, n)| n);
        if old_side {
            d > 0
        } else {
            d < 0
        }
    }
}

/// What one side of a change shows.
#[derive(Default)]
struct Touched<'s> {
    /// Quantities whose value changed.
    number: usize,
    /// Of those, the word `one` alone (`one mess` → `a mess` keeps the value).
    ones: usize,
    last_quantity: Option<usize>,
    negation: bool,
    hedge: bool,
    verb: bool,
    /// Changed names: (key, token).
    names: Vec<(&'s str, usize)>,
    /// Keys of words that are not quantities or names.
    words: Vec<&'s str>,
    /// A non-cosmetic token inside quotation marks.
    quoted: Vec<usize>,
    /// Keys of capitalised words (names the side did not recognise, such as
    /// a name opening a sentence).
    caps: Vec<&'s str>,
}

impl<'s> Touched<'s> {
    /// Token `i`, part of quantity `q` (`km` of `10 km` touches its value
    /// too), whose value is `changed`.
    fn touch_quantity(&mut self, side: &'s SideView, i: usize, q: usize, changed: bool) {
        if changed && self.last_quantity != Some(q) {
            self.last_quantity = Some(q);
            self.number += 1;
            self.ones += usize::from(side.key(i) == "one" && side.quantities[q].milli == 1000);
        }
        // The word a figure carries (`vote` of `50-vote`) is a word.
        let joined = side.texts[i].split_once('-').map(|(_, w)| w);
        let numbers = &Lexicon::get().numbers;
        // Not a number word, nor the plural of one (`thirds` of `two-thirds`).
        let number = |w: &str| {
            numbers.contains_key(w) || w.strip_suffix('s').is_some_and(|w| numbers.contains_key(w))
        };
        let worded = |w: &&str| w.starts_with(|c: char| c.is_ascii_lowercase()) && !number(w);
        if let Some(w) = joined.filter(worded) {
            // British and American spellings of the word agree (`12-storey`).
            let american = lexicon::SPELLING_VARIANTS
                .iter()
                .find(|&&(british, _)| british == w)
                .map(|&(_, american)| american);
            self.words.push(american.unwrap_or(w));
        }
        if side.quoted[i] && (changed || joined.is_some()) {
            self.quoted.push(i);
        }
    }
}

fn touched<'s>(
    side: &'s SideView,
    r: std::ops::Range<usize>,
    old_side: bool,
    b: &Balance,
    lex: &Lexicon,
) -> Touched<'s> {
    let mut t = Touched::default();
    for i in r {
        if side.initial_in_name(i) || side.possessive_s(i) {
            // `Mark A. Milley`: a middle initial is a longer form; the `s`
            // of `La.'s` is the possessive, split off by the full stop.
            continue;
        }
        side.markers(i, lex, |m| {
            let changed = b.surplus(&m, old_side);
            match m {
                Marker::Quantity(_) => {}
                Marker::Negation => t.negation |= changed,
                Marker::Hedge(_) => t.hedge |= changed,
                // A reporting verb inside a quotation is the speaker's
                // word, not the report's (`for the reasons stated above`).
                Marker::Verb(_) => t.verb |= changed && !side.quoted[i],
                Marker::Name(k) if changed => t.names.push((k, i)),
                Marker::Name(_) => {}
            }
        });
        if let Some(q) = side.quantity[i] {
            t.touch_quantity(
                side,
                i,
                q,
                b.surplus(&Marker::Quantity(side.quantities[q]), old_side),
            );
            continue;
        }
        if side.title[i] && side.titles_a_name(i) {
            // `President Tsai` → `Tsai`: a title before a name is its long form.
            continue;
        }
        if side.joined[i] {
            continue;
        }
        let before = t.words.len();
        match (side.name_key(i), side.spelled_out(i)) {
            (Some(n), _) => t.words.push(n),
            (None, Some(long)) => t.words.push(long),
            (None, None) => t.words.extend(side.keys_of(i).iter()),
        }
        if capitalised(side.texts[i]) {
            t.caps.extend_from_slice(&t.words[before..]);
        }
        if side.quoted[i] && t.words.len() > before {
            t.quoted.push(i);
        }
    }
    t
}

fn classify_change<'s>(
    c: &Change,
    old: &'s SideView,
    new: &'s SideView,
    b: &Balance,
    lex: &Lexicon,
) -> Classes {
    if stutter(old, &c.old, &c.new) || stutter(new, &c.new, &c.old) {
        // `the labor Labor Department` → `the Labor Department`.
        return Classes::of(&[EditClass::Cosmetic]);
    }
    if spelled_alike(old, c.old.clone(), new, c.new.clone()) {
        // Only spaces, hyphens, dots or case differ (`second-degree` and
        // `second degree`, `net-zero` and `net zero`, `Jong Un` and `Jong-un`).
        return Classes::of(&[EditClass::Cosmetic]);
    }
    let mut o = touched(old, c.old.clone(), true, b, lex);
    let mut n = touched(new, c.new.clone(), false, b, lex);
    let name_changed = explain_names(&mut o, &mut n, old, new, c);
    cancel_common(&mut o.words, &mut n.words);
    pair_variants(&mut o, &mut n);
    let mut set = Classes::default();
    if explain_counts(&mut o, &mut n, c, old, new) {
        set.insert(EditClass::Number);
    }
    let quoted = !o.quoted.is_empty() || !n.quoted.is_empty();
    if o.words.is_empty() && n.words.is_empty() && !name_changed {
        if o.hedge || n.hedge {
            // An approximator added or dropped before a figure.
            set.insert(EditClass::Hedge);
        }
        if set.is_empty() && !(quoted && trims_quotation(c, old, new)) {
            set.insert(EditClass::Cosmetic);
        } else if quoted {
            set.insert(EditClass::Quote);
        }
        return set;
    }
    if name_changed {
        set.insert(EditClass::Name);
    }
    if o.negation || n.negation || negated_by_prefix(&o.words, &n.words) {
        set.insert(EditClass::Negation);
    }
    if o.hedge || n.hedge {
        set.insert(EditClass::Hedge);
    }
    if o.verb
        || n.verb
        || speaker_changed(old, &c.old, &o, lex)
        || speaker_changed(new, &c.new, &n, lex)
    {
        set.insert(EditClass::Attribution);
    }
    if !o.quoted.is_empty() || !n.quoted.is_empty() {
        set.insert(EditClass::Quote);
    }
    if set.is_empty() {
        set.insert(EditClass::Wording);
    }
    set
}

/// Whether the change only drops (or adds) one word that the word beside
/// it repeats.
fn stutter(side: &SideView, r: &std::ops::Range<usize>, other: &std::ops::Range<usize>) -> bool {
    if !other.is_empty() || r.len() != 1 || !is_word(side.texts[r.start]) {
        return false;
    }
    let k = side.key(r.start);
    (r.start > 0 && side.key(r.start - 1) == k) || side.key(r.end) == k
}

/// Whether a count changed, once the notations that keep it are set
/// aside: `one` for `a`, the noun following the count into the plural, and
/// a figure trimmed from a quotation (the quotation's change). A changed
/// approximator before a figure (`almost half` → `more than half`) changes
/// the figure.
fn explain_counts(
    o: &mut Touched,
    n: &mut Touched,
    c: &Change,
    old: &SideView,
    new: &SideView,
) -> bool {
    one_for_article(o, n);
    one_for_article(n, o);
    if o.number > 0 || n.number > 0 {
        cancel_plurals(&mut o.words, &mut n.words);
    }
    if trims_quotation(c, old, new) {
        o.number = 0;
        n.number = 0;
    }
    let approximated = approximates(o, old, c.old.clone()) || approximates(n, new, c.new.clone());
    if approximated && o.words.iter().chain(&n.words).all(|w| is_approximator(w)) {
        let soft = |w: &&str| {
            matches!(
                *w,
                "about" | "around" | "nearly" | "almost" | "roughly" | "approximately" | "least"
            ) || matches!(*w, "than" | "over" | "under" | "up")
        };
        let hedged = (o.words.is_empty() || n.words.is_empty())
            && o.number == 0
            && n.number == 0
            && o.words.iter().chain(&n.words).any(soft);
        o.words.clear();
        n.words.clear();
        // One approximator for another moves the figure (`almost half` →
        // `more than half`); one added or dropped before the same figure
        // says how sure it is (`about 50 percent` → `50 percent`).
        o.hedge = hedged;
        n.hedge = false;
        return !hedged;
    }
    o.number > 0 || n.number > 0
}

/// Whether the change only takes words out of a quotation or puts words
/// into one (one side empty, the other inside quotation marks).
fn trims_quotation(c: &Change, old: &SideView, new: &SideView) -> bool {
    let inside = |side: &SideView, r: std::ops::Range<usize>| {
        !r.is_empty()
            && r.clone().all(|i| side.quoted[i] || !is_word(side.texts[i]))
            && r.clone().any(|i| side.quoted[i])
    };
    (c.new.is_empty() && inside(old, c.old.clone()))
        || (c.old.is_empty() && inside(new, c.new.clone()))
}

/// Words that say how near a figure is to the truth (`almost`, `more
/// than`), when they stand right before one.
pub(crate) fn is_approximator(w: &str) -> bool {
    matches!(
        w,
        "almost"
            | "nearly"
            | "about"
            | "around"
            | "roughly"
            | "approximately"
            | "over"
            | "under"
            | "more"
            | "less"
            | "fewer"
            | "than"
            | "at"
            | "least"
            | "most"
            | "up"
            | "to"
    )
}

/// Whether one side's changed words are approximators right before a
/// figure (the figure changed with them or not).
fn approximates(t: &Touched, side: &SideView, r: std::ops::Range<usize>) -> bool {
    !t.words.is_empty()
        && t.words.iter().all(|w| is_approximator(w))
        && r.clone().any(|i| {
            is_approximator(side.key(i)) && side.quantity.get(i + 1).is_some_and(Option::is_some)
        })
}

/// `one` on one side where the other has the article `a` or `an`: the
/// same count.
fn one_for_article(a: &mut Touched, b: &mut Touched) {
    while a.ones > 0 {
        let Some(p) = b.words.iter().position(|w| matches!(*w, "a" | "an")) else {
            return;
        };
        // Not a change of value; still a change of words.
        b.words.remove(p);
        b.words.push("one");
        a.ones -= 1;
        a.number -= 1;
    }
}

/// Whether the two sides of a change spell the same letters and digits in
/// the same order, case aside. Apostrophes count (`its` is not `it's`), and
/// so do separators between digits (`3.5` is not `35`, nor `5-4` `54`).
fn spelled_alike(
    old: &SideView,
    or: std::ops::Range<usize>,
    new: &SideView,
    nr: std::ops::Range<usize>,
) -> bool {
    if or.is_empty() || nr.is_empty() {
        return false;
    }
    let letters = |side: &SideView, r: std::ops::Range<usize>| -> bool {
        // Cheap check first: nothing to compare unless a token has letters.
        r.clone().any(|i| is_word(side.texts[i]))
    };
    if !letters(old, or.clone()) || !letters(new, nr.clone()) {
        return false;
    }
    let spelling = |side: &SideView, r: std::ops::Range<usize>| {
        r.flat_map(|i| spelled(side.texts[i]))
            .collect::<Vec<char>>()
    };
    spelling(old, or) == spelling(new, nr)
}

/// The letters and digits of a token, lowercase, with apostrophes and the
/// separators that stand between two digits.
fn spelled(t: &str) -> impl Iterator<Item = char> + '_ {
    let b = t.as_bytes();
    let digit_at = move |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
    t.char_indices()
        .filter_map(move |(j, c)| {
            if c.is_alphanumeric() {
                Some(c)
            } else if matches!(c, '\'' | '’' | 'ʼ') {
                Some('\'')
            } else if j > 0 && digit_at(j - 1) && digit_at(j + c.len_utf8()) {
                Some(c)
            } else {
                None
            }
        })
        .flat_map(char::to_lowercase)
}

/// A word on one side is the other side's word with `un` or `non` before
/// it (`able` → `unable`).
fn negated_by_prefix(a: &[&str], b: &[&str]) -> bool {
    let prefixed = |x: &str, y: &str| {
        ["un", "non"].iter().any(|p| {
            x.strip_prefix(p)
                .is_some_and(|rest| rest == y && y.len() >= 3)
        })
    };
    a.iter()
        .any(|x| b.iter().any(|y| prefixed(x, y) || prefixed(y, x)))
}

/// Removes capitalised words that are spelling variants of one another.
fn pair_variants(o: &mut Touched, n: &mut Touched) {
    let mut i = 0;
    while i < o.words.len() {
        let a = o.words[i];
        let pair = o.caps.contains(&a).then(|| {
            n.words
                .iter()
                .position(|b| n.caps.contains(b) && name_variants(a, b))
        });
        if let Some(Some(j)) = pair {
            n.words.remove(j);
            o.words.remove(i);
        } else {
            i += 1;
        }
    }
}

/// Removes pairs of words that are one word in the singular and plural.
fn cancel_plurals(a: &mut Vec<&str>, b: &mut Vec<&str>) {
    let plural = |x: &str, y: &str| x.len() + 1 == y.len() && y.starts_with(x) && y.ends_with('s');
    let mut i = 0;
    while i < a.len() {
        match b.iter().position(|w| plural(a[i], w) || plural(w, a[i])) {
            Some(j) => {
                b.remove(j);
                a.remove(i);
            }
            None => i += 1,
        }
    }
}

/// Removes words present on both sides of a change (as many times as on both).
fn cancel_common(a: &mut Vec<&str>, b: &mut Vec<&str>) {
    let mut i = 0;
    while i < a.len() {
        if let Some(j) = b.iter().position(|w| *w == a[i]) {
            b.remove(j);
            a.remove(i);
        } else {
            i += 1;
        }
    }
    // What is left may still be one word spelled apart (`pre-war`/`pre war`).
    if !a.is_empty() && !b.is_empty() && a.concat() == b.concat() {
        a.clear();
        b.clear();
    }
}

/// Drops names explained as variants or short/long forms of one name from
/// both sides' words, and says whether a name really changed.
fn explain_names<'s>(
    o: &mut Touched<'s>,
    n: &mut Touched<'s>,
    old: &'s SideView,
    new: &'s SideView,
    c: &Change,
) -> bool {
    // A name the other side writes as an ordinary word (`retailers` →
    // `Retailers` opening a sentence) did not change.
    let in_text = |side: &SideView, k: &str| {
        (0..side.len())
            .any(|i| may_have_key(side.texts[i], k) && side.key(i) == k && !side.is_name(i))
    };
    o.names.retain(|&(k, _)| !in_text(new, k));
    n.names.retain(|&(k, _)| !in_text(old, k));
    // Spelling variants pair up across the sides.
    let mut o_left: Vec<(&str, usize)> = Vec::new();
    let mut n_left = n.names.clone();
    for (k, i) in std::mem::take(&mut o.names) {
        let variant =
            |&(nk, j): &(&str, usize)| name_variants(k, nk) || first_name_forms(old, i, new, j);
        if let Some(j) = n_left.iter().position(variant) {
            let (nk, _) = n_left.remove(j);
            drop_word(&mut o.words, k);
            drop_word(&mut n.words, nk);
        } else {
            o_left.push((k, i));
        }
    }
    // Acronyms against the words they abbreviate, abbreviations against
    // the words they shorten, and long forms dropped or added beside an
    // acronym that stays.
    {
        let mut a = Unpaired {
            left: &mut o_left,
            touched: o,
            view: old,
        };
        let mut b = Unpaired {
            left: &mut n_left,
            touched: n,
            view: new,
        };
        try_acronym(&mut a, &mut b, c.new.clone());
        try_acronym(&mut b, &mut a, c.old.clone());
        pair_abbreviations(&mut a, &mut b);
        pair_abbreviations(&mut b, &mut a);
    }
    spelled_by_acronym(&mut o_left, o, old, new);
    spelled_by_acronym(&mut n_left, n, new, old);
    match (o_left.is_empty(), n_left.is_empty()) {
        (true, true) => false,
        (false, false) => true,
        // A name on one side only: a short or long form when it sits in a
        // phrase with a name both sides keep (`Pete Hegseth` → `Hegseth`);
        // words trimmed from (or added to) a quotation are the quote's
        // change, not a change of who or where.
        (false, true) => !quoted_only(&o_left, old) && !short_form(&o_left, old, o),
        (true, false) => !quoted_only(&n_left, new) && !short_form(&n_left, new, n),
    }
}

fn quoted_only(left: &[(&str, usize)], side: &SideView) -> bool {
    left.iter().all(|&(_, i)| side.quoted[i])
}

/// Whether a token could have word key `k`: keys are lowercase and begin
/// with the token's first letter folded, so an ASCII first letter that
/// differs rules it out without working out the key.
fn may_have_key(text: &str, k: &str) -> bool {
    match (text.bytes().next(), k.bytes().next()) {
        (Some(a), Some(b)) if a.is_ascii() && b.is_ascii() => a.eq_ignore_ascii_case(&b),
        _ => true,
    }
}

fn drop_word(words: &mut Vec<&str>, key: &str) {
    if let Some(p) = words.iter().position(|w| *w == key) {
        words.remove(p);
    }
}

/// Whether every name in `left` belongs to a run of capitalised words
/// holding a name (or title) that is not itself changed.
fn short_form(left: &[(&str, usize)], side: &SideView, t: &mut Touched) -> bool {
    let places = &Lexicon::get().place_qualifiers;
    if left.iter().any(|&(k, _)| places.contains_key(k)) {
        return false;
    }
    let changed: Vec<usize> = left.iter().map(|&(_, i)| i).collect();
    let kept = |i: usize| (side.is_name(i) || side.joined[i]) && !changed.contains(&i);
    let capital =
        |i: usize| side.is_name(i) || side.title[i] || side.joined[i] || side.texts[i] == "of";
    let all = left.iter().all(|&(_, i)| {
        let mut j = i;
        while j > 0 && capital(j - 1) {
            j -= 1;
        }
        let mut k = i + 1;
        while k < side.len() && capital(k) {
            k += 1;
        }
        // The phrase keeps its last name word (a surname, the head of an
        // organisation's name): `Del Rio Mayor Bruno Lozano` → `Del Rio`
        // is another speaker, not a short form.
        (j..k)
            .rev()
            .find(|&m| side.is_name(m) || side.joined[m])
            .is_some_and(kept)
    });
    if all {
        for (k, _) in left {
            drop_word(&mut t.words, k);
        }
        // Titles that went with the short form are part of it.
        let titles = Lexicon::get();
        t.words.retain(|w| !titles.info(w).has(Info::TITLE));
    }
    all
}

/// The ways the words in `r` abbreviate, lowercase: the initials of the
/// capitalised words (`Federal Trade Commission`), and of all words
/// (`People's Bank of China`, `internet service providers`). A number word
/// or a figure stands as its digits and a word in capitals as itself
/// (`Group of Seven` → `g7`, `World War II` → `wwii`, `fiscal year 2022` →
/// `fy2022`).
fn initials(side: &SideView, r: std::ops::Range<usize>) -> [String; 2] {
    let lex = Lexicon::get();
    let mut out = [String::new(), String::new()];
    for i in r.filter(|&i| is_word(side.texts[i])) {
        let t = side.texts[i];
        let k = side.key(i);
        let part = if let Some(&v) = lex.numbers.get(k) {
            format!("{v}")
        } else if k.bytes().all(|b| b.is_ascii_digit()) || all_caps(t) {
            k.to_string()
        } else {
            k.chars().next().map(String::from).unwrap_or_default()
        };
        if capitalised(t) || t.starts_with(|c: char| c.is_ascii_digit()) {
            out[0].push_str(&part);
        }
        out[1].push_str(&part);
    }
    out
}

/// The letters and digits of an acronym token, lowercase, without a
/// possessive or a plural `s` (`FTC's`, `ISPs`, `G7`), if it is one: two
/// letters or digits or more, the letters capitals.
fn acronym(t: &str) -> Option<String> {
    let t = t
        .strip_suffix("'s")
        .or_else(|| t.strip_suffix("’s"))
        .unwrap_or(t);
    let t = t.strip_suffix('s').unwrap_or(t);
    let chars: Vec<char> = t.chars().filter(|c| *c != '.').collect();
    let ok = chars.len() >= 2
        && chars
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && chars.iter().any(char::is_ascii_uppercase);
    ok.then(|| chars.iter().map(char::to_ascii_lowercase).collect())
}

/// One side's names not yet explained away, with its word changes and its
/// tokens: what the acronym and abbreviation rules pair across the sides.
struct Unpaired<'s, 'x, 'v> {
    left: &'x mut Vec<(&'s str, usize)>,
    touched: &'x mut Touched<'s>,
    view: &'s SideView<'v>,
}

/// One side abbreviates words the other spells out (`EU`/`European
/// Union`, `FTC's`/`Federal Trade Commission's`, `G7`/`Group of Seven`).
fn try_acronym(a: &mut Unpaired, b: &mut Unpaired, br: std::ops::Range<usize>) {
    if br.is_empty() {
        return;
    }
    let forms = initials(b.view, br.clone());
    let Some(p) = a
        .left
        .iter()
        .position(|&(_, i)| acronym(a.view.texts[i]).is_some_and(|acro| forms.contains(&acro)))
    else {
        return;
    };
    let (k, _) = a.left.remove(p);
    drop_word(&mut a.touched.words, k);
    let mut figures: Vec<usize> = Vec::new();
    for i in br {
        if let Some(q) = b.left.iter().position(|&(_, j)| j == i) {
            let (bk, _) = b.left.remove(q);
            drop_word(&mut b.touched.words, bk);
        }
        if let Some(q) = b.view.quantity[i] {
            // `Seven` of `Group of Seven` is part of the name.
            if !figures.contains(&q) {
                figures.push(q);
            }
            continue;
        }
        for w in b.view.keys_of(i).iter() {
            drop_word(&mut b.touched.words, w);
        }
    }
    b.touched.number = b.touched.number.saturating_sub(figures.len());
}

/// Drops names in `left` that spell out an acronym standing in either
/// version (`Associated Press (AP)` → `AP`, `Israeli Defense Forces (IDF)`
/// → `IDF`): the long form came or went beside its short one.
fn spelled_by_acronym<'s>(
    left: &mut Vec<(&'s str, usize)>,
    t: &mut Touched<'s>,
    side: &'s SideView,
    other: &'s SideView,
) {
    let Some(&(_, first)) = left.first() else {
        return;
    };
    let last = left.iter().map(|&(_, i)| i).max().unwrap_or(first);
    let start = left.iter().map(|&(_, i)| i).min().unwrap_or(first);
    // One run of words, names and the small words inside names.
    let run = start..last + 1;
    let joined = run.clone().all(|i| {
        side.is_name(i)
            || side.title[i]
            || side.joined[i]
            || matches!(side.key(i), "of" | "and" | "for" | "the")
    });
    let words = run.clone().filter(|&i| is_word(side.texts[i])).count();
    if !joined || words < 2 {
        return;
    }
    let forms = initials(side, run.clone());
    let stands = |v: &SideView, skip: &std::ops::Range<usize>| {
        (0..v.len())
            .filter(|i| !skip.contains(i))
            .any(|i| acronym(v.texts[i]).is_some_and(|a| forms.contains(&a)))
    };
    if !stands(side, &run) && !stands(other, &(0..0)) {
        return;
    }
    for i in run {
        for w in side.keys_of(i).iter() {
            drop_word(&mut t.words, w);
        }
    }
    left.clear();
}

/// Pairs an abbreviation on one side with the words it shortens on the
/// other (`Ky.`/`Kentucky`, `R-W.Va.`/`R-West Virginia`, `WI`/`Wis.`,
/// `Ark. and Ill.`/`Arkansas and Illinois`) and drops both.
fn pair_abbreviations(a: &mut Unpaired, b: &mut Unpaired) {
    let mut p = 0;
    while p < a.left.len() {
        let (ak, ai) = a.left[p];
        let found = abbreviation_like(a.view, ai)
            .then(|| {
                (0..b.left.len()).find_map(|q| {
                    let j = b.left[q].1;
                    let next = b.left.iter().position(|&(_, m)| m == j + 1);
                    [Some(vec![q]), next.map(|n| vec![q, n])]
                        .into_iter()
                        .flatten()
                        .find(|run| {
                            let words: Vec<&str> =
                                run.iter().map(|&r| b.view.texts[b.left[r].1]).collect();
                            abbreviates(a.view.texts[ai], &words)
                        })
                })
            })
            .flatten();
        let Some(mut run) = found else {
            p += 1;
            continue;
        };
        a.left.remove(p);
        drop_word(&mut a.touched.words, ak);
        run.sort_unstable_by(|x, y| y.cmp(x));
        for q in run {
            let (bk, _) = b.left.remove(q);
            drop_word(&mut b.touched.words, bk);
        }
    }
}

/// Whether token `i` is written as an abbreviation: with a full stop after
/// or inside it (`Fla.`, `W.Va`), or two or three capitals (`WI`, `D-CA`).
fn abbreviation_like(side: &SideView, i: usize) -> bool {
    let t = side.texts[i];
    let dotted = side.text(i + 1) == "." && !side.spaced.get(i + 1).copied().unwrap_or(true);
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    dotted || t.contains('.') || (all_caps(t) && letters <= 3)
}

/// Whether `short` abbreviates `words`: split at hyphens, each part of the
/// long form starts a piece of the short one, whose letters it holds in
/// order (`Ky`: `Kentucky`; `R-W.Va`: `R-West Virginia`).
fn abbreviates(short: &str, words: &[&str]) -> bool {
    let letters = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let s = letters(short);
    let parts: Vec<Vec<char>> = words
        .iter()
        .flat_map(|w| w.split('-'))
        .map(letters)
        .filter(|p| !p.is_empty())
        .collect();
    let long: usize = parts.iter().map(Vec::len).sum();
    if s.is_empty() || s.len() >= long || parts.len() > s.len() {
        return false;
    }
    pieces_fit(&s, &parts)
}

/// Whether `s` splits into one piece per part, each starting with its
/// part's first letter and held in it in order.
fn pieces_fit(s: &[char], parts: &[Vec<char>]) -> bool {
    let Some((part, rest)) = parts.split_first() else {
        return s.is_empty();
    };
    if s.first() != part.first() {
        return false;
    }
    let max = s.len() - rest.len();
    (1..=max).any(|cut| {
        let mut it = part.iter();
        s[..cut].iter().all(|c| it.any(|x| x == c)) && pieces_fit(&s[cut..], rest)
    })
}

/// A first name and its short form before one surname (`Chris Wray`,
/// `Christopher Wray`).
fn first_name_forms(old: &SideView, i: usize, new: &SideView, j: usize) -> bool {
    let (a, b) = (old.key(i), new.key(j));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 3
        && long.starts_with(short)
        && i + 1 < old.len()
        && j + 1 < new.len()
        && old.is_name(i + 1)
        && !old.changed[i + 1]
        && old.key(i + 1) == new.key(j + 1)
}

/// Spelling variants of one name: equal once folded, one a slightly longer
/// form of the other (`Zelensky`/`Zelenskyy`), or one or two letters apart
/// in a long name (`Zelenskiy`/`Zelenskyy`).
fn name_variants(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.starts_with('=') || b.starts_with('=') {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let short_n = short.chars().count();
    if short_n >= 5 && long.starts_with(short) && long.chars().count() - short_n <= 2 {
        return true;
    }
    if long.chars().count() - short_n > 2 {
        return false;
    }
    let d = edit_distance(a, b);
    let common_prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    (d == 1 && short_n >= 5 && common_prefix >= 1)
        || (d == 2 && short_n >= 8 && common_prefix >= 5)
        || (d == 2 && short_n >= 6 && common_prefix >= 1 && consonants(a).eq(consonants(b)))
}

/// The consonants of a name, the letters transliterations agree on
/// (`Benjamin`/`Binyamin`, `Muhammad`/`Mohammed`): vowels, `y`, `j` and
/// doubled letters vary.
fn consonants(name: &str) -> impl Iterator<Item = char> + '_ {
    let mut last = None;
    name.chars().filter(move |&c| {
        let keep = !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'j') && last != Some(c);
        last = Some(c);
        keep
    })
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A change of speaker: changed words right before a reporting verb
/// (`Hegseth said` → `officials said`), or a changed name or speaker noun
/// right after one (`said Kallas`, `according to officials`).
fn speaker_changed(
    side: &SideView,
    r: &std::ops::Range<usize>,
    t: &Touched,
    lex: &Lexicon,
) -> bool {
    // Function words alone (`, and` → `.`) change no speaker, nor do
    // hedges (`will argue` → `is expected to argue`).
    let content = t
        .words
        .iter()
        .any(|w| lex.speakers.contains_key(w) || !lex.info(w).has(Info::FUNCTION | Info::HEDGE));
    if r.is_empty() || (!content && t.names.is_empty()) {
        return false;
    }
    let verb_at = |i: usize| i < side.len() && side.info(i).has(Info::VERB);
    let in_name = |i: usize| side.is_name(i) || side.joined[i] || side.title[i];
    // On through the rest of a name phrase (`the Labor Department said`).
    let mut end = r.end;
    while end < side.len() && !verb_at(end) && (in_name(end) || side.texts[end] == "of") {
        end += 1;
    }
    // A verb inside a quotation is the speaker's word, not the report's.
    let speaks_at = |i: usize| verb_at(i) && !matches!(side.key(i), "according") && !side.quoted[i];
    // `Eswar Prasad, a trade professor at Cornell, said`: an apposition
    // stands between a name and its verb.
    let after_apposition = || {
        let names = r.clone().any(|i| side.is_name(i) || side.joined[i]) || !t.names.is_empty();
        let opens = end < side.len() && side.texts[end] == ",";
        let close = (end + 1..side.len().min(end + 16)).find(|&i| side.texts[i] == ",");
        names
            && opens
            && close.is_some_and(|c| {
                !(end + 1..c).any(|i| verb_at(i) || side.quoted[i]) && speaks_at(c + 1)
            })
    };
    let before_verb = speaks_at(end) || after_apposition();
    // Back through the start of a name phrase, articles and possessives
    // (`according to the department's Bureau of Labor Statistics`, `said
    // acting FDA Commissioner Janet Woodcock`).
    let mut start = r.start;
    while start > 0 && r.start - start < 6 {
        let (t, k) = (side.texts[start - 1], side.key(start - 1));
        let possessive = t.ends_with("'s") || t.ends_with("’s");
        let article = matches!(
            k,
            "the"
                | "a"
                | "an"
                | "acting"
                | "former"
                | "new"
                | "of"
                | "one"
                | "two"
                | "three"
                | "several"
                | "some"
                | "many"
                | "multiple"
                | "other"
                | "another"
        );
        if verb_at(start - 1) || !(in_name(start - 1) || possessive || article) {
            break;
        }
        start -= 1;
    }
    // `according to a report from Military.com`: the source is whatever
    // follows, within a few words.
    let according = (start.saturating_sub(6)..start).any(|k| {
        side.key(k) == "according"
            && side.key(k + 1) == "to"
            && (k..start).all(|m| is_word(side.texts[m]))
    });
    let after_verb = start > 0 && verb_at(start - 1);
    let speaker_words = !t.names.is_empty()
        || t.words.iter().any(|w| lex.speakers.contains_key(w))
        || r.clone().any(|i| side.is_name(i) || side.joined[i]);
    // After `according to`, whatever the source is, it changed.
    before_verb || according || (after_verb && speaker_words)
}

/// Classes for text that does not read as English: cosmetic when the
/// folded words agree, else wording.
fn classify_plain(c: &Change, old: &SideView, new: &SideView) -> Classes {
    let keys = |s: &SideView, r: std::ops::Range<usize>| -> String {
        r.flat_map(|i| s.keys_of(i).iter().map(str::to_string).collect::<Vec<_>>())
            .collect()
    };
    if keys(old, c.old.clone()) == keys(new, c.new.clone()) {
        Classes::of(&[EditClass::Cosmetic])
    } else {
        Classes::of(&[EditClass::Wording])
    }
}

// ---------------------------------------------------------------- lexicon

/// FNV-1a, for the units of quantities (`Quantity::unit`).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// What the word lists say of one word, found with one lookup.
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    flags: u8,
    /// The lemma of a reporting verb.
    lemma: Option<&'static str>,
}

impl Info {
    const VERB: u8 = 1;
    const NEGATOR: u8 = 2;
    const HEDGE: u8 = 4;
    const FUNCTION: u8 = 8;
    /// A word that may start a quantity (number, month, day, vague amount).
    const QUANTITY: u8 = 16;
    const TITLE: u8 = 32;

    fn has(self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// A table of the words of a list.
type Set<const N: usize> = Words<N>;

/// The word lists of [`lexicon`] as lookup tables, laid out at compile time.
struct Lexicon {
    /// For each first letter `a`..`z`, a bit per length (up to 31) that some
    /// quantity word has: most words are ruled out without a lookup.
    quantity_shapes: [u32; 26],
    /// Every listed word with what the lists say of it: the per-token
    /// questions (verb? negator? hedge? function word? quantity? title?)
    /// cost one lookup. Flags in the low byte, the reporting verb's index
    /// plus one in the high byte.
    info: Words<{ slots(INFO_WORDS) }>,
    speakers: Set<{ slots(lexicon::SPEAKER_NOUNS.len()) }>,
    organisation_heads: Set<{ slots(lexicon::ORGANISATION_HEADS.len()) }>,
    place_qualifiers: Set<{ slots(lexicon::PLACE_QUALIFIERS.len()) }>,
    numbers: Map<f64, { slots(lexicon::NUMBER_WORDS.len()) }>,
    magnitudes: Map<f64, { slots(lexicon::MAGNITUDES.len()) }>,
    vague: Set<{ slots(lexicon::VAGUE_AMOUNTS.len()) }>,
    units: Map<&'static str, { slots(lexicon::UNITS.len()) }>,
    months: Map<u8, { slots(lexicon::MONTHS.len()) }>,
    days: Map<u8, { slots(lexicon::DAYS.len()) }>,
    time_words: Map<u8, { slots(lexicon::TIME_WORDS.len()) }>,
    deictics: Map<u8, { slots(lexicon::DEICTICS.len()) }>,
    /// Name forms by their first word: where their run of [`FORMS`] starts
    /// (high byte) and how long it is (low byte).
    forms: Words<{ slots(FORM_COUNT) }>,
    /// Common English words, lowercase, one a line, sorted bytewise.
    common: &'static str,
    /// A bit per last byte of the spelling rules' British endings.
    spelling_endings: u128,
}

/// Words in the lists behind [`Lexicon::info`] (repeats counted).
const INFO_WORDS: usize = lexicon::REPORTING_VERBS.len()
    + lexicon::NEGATORS.len()
    + lexicon::HEDGES.len()
    + lexicon::FUNCTION_WORDS.len()
    + lexicon::TITLES.len()
    + lexicon::NUMBER_WORDS.len()
    + lexicon::MONTHS.len()
    + lexicon::DAYS.len()
    + lexicon::TIME_WORDS.len()
    + lexicon::VAGUE_AMOUNTS.len();

/// Sets `flag` on every word of `list`.
const fn mark<const N: usize>(t: &mut Words<N>, list: &'static [&'static str], flag: u8) {
    let mut i = 0;
    while i < list.len() {
        t.or(list[i].as_bytes(), flag as u16);
        i += 1;
    }
}

/// Sets `flag` on the first of every pair of `list`.
const fn mark_first<T, const N: usize>(
    t: &mut Words<N>,
    list: &'static [(&'static str, T)],
    flag: u8,
) {
    let mut i = 0;
    while i < list.len() {
        t.or(list[i].0.as_bytes(), flag as u16);
        i += 1;
    }
}

/// The table behind [`Lexicon::info`].
const fn word_info() -> Words<{ slots(INFO_WORDS) }> {
    let mut t = Words::new();
    let verbs = lexicon::REPORTING_VERBS;
    mark_first(&mut t, verbs, Info::VERB);
    mark(&mut t, lexicon::NEGATORS, Info::NEGATOR);
    mark(&mut t, lexicon::HEDGES, Info::HEDGE);
    mark(&mut t, lexicon::FUNCTION_WORDS, Info::FUNCTION);
    mark(&mut t, lexicon::TITLES, Info::TITLE);
    mark_first(&mut t, lexicon::NUMBER_WORDS, Info::QUANTITY);
    mark_first(&mut t, lexicon::MONTHS, Info::QUANTITY);
    mark_first(&mut t, lexicon::DAYS, Info::QUANTITY);
    mark_first(&mut t, lexicon::TIME_WORDS, Info::QUANTITY);
    mark(&mut t, lexicon::VAGUE_AMOUNTS, Info::QUANTITY);
    assert!(verbs.len() < 255);
    let mut i = 0;
    while i < verbs.len() {
        let w = verbs[i].0.as_bytes();
        t.set(w, (t.get(w) & 0xff) | ((i as u16 + 1) << 8));
        i += 1;
    }
    t
}

/// For each first letter, a bit per length some quantity word has.
const fn quantity_shapes() -> [u32; 26] {
    let mut shapes = [0u32; 26];
    let t = word_info();
    let mut i = 0;
    while i < t.len() {
        if let Some((b, v)) = t.entry(i) {
            if v & Info::QUANTITY as u16 != 0 && b[0].is_ascii_lowercase() && b.len() < 32 {
                shapes[(b[0] - b'a') as usize] |= 1 << b.len();
            }
        }
        i += 1;
    }
    shapes
}

/// A bit per last byte of the spelling rules' British endings.
const fn spelling_endings() -> u128 {
    let mut bits = 0u128;
    let mut i = 0;
    while i < lexicon::SPELLING_VARIANTS.len() {
        let b = lexicon::SPELLING_VARIANTS[i].0.as_bytes();
        if !b.is_empty() {
            bits |= 1 << (b[b.len() - 1] & 127);
        }
        i += 1;
    }
    bits
}

/// How many forms of names the lists hold.
const FORM_COUNT: usize = {
    let mut n = 0;
    let mut g = 0;
    while g < lexicon::NAME_FORMS.len() {
        n += lexicon::NAME_FORMS[g].len();
        g += 1;
    }
    n
};

/// Every form of a name with its group: those that open with one word
/// together, the ones of more words first, else in list order (the order
/// [`Lexicon::name_form`] tries them in).
static FORMS: [(&str, usize); FORM_COUNT] = sorted_forms();

/// A form's first word and its number of words.
const fn form_shape(form: &str) -> (&[u8], usize) {
    let b = form.as_bytes();
    let (mut i, mut first, mut words) = (0, b.len(), 1);
    while i < b.len() {
        if b[i] == b' ' {
            if first == b.len() {
                first = i;
            }
            words += 1;
        }
        i += 1;
    }
    (b.split_at(first).0, words)
}

/// Whether form `a` goes before form `b` in [`FORMS`].
const fn form_before(a: &str, b: &str) -> bool {
    let ((fa, na), (fb, nb)) = (form_shape(a), form_shape(b));
    let mut i = 0;
    while i < fa.len() && i < fb.len() {
        if fa[i] != fb[i] {
            return fa[i] < fb[i];
        }
        i += 1;
    }
    if fa.len() != fb.len() {
        return fa.len() < fb.len();
    }
    na > nb
}

const fn sorted_forms() -> [(&'static str, usize); FORM_COUNT] {
    let mut out = [("", 0); FORM_COUNT];
    let (mut n, mut g) = (0, 0);
    while g < lexicon::NAME_FORMS.len() {
        let mut f = 0;
        while f < lexicon::NAME_FORMS[g].len() {
            out[n] = (lexicon::NAME_FORMS[g][f], g);
            n += 1;
            f += 1;
        }
        g += 1;
    }
    // Insertion sort: stable, so forms of one first word and length keep
    // their list order.
    let mut i = 1;
    while i < n {
        let mut j = i;
        while j > 0 && form_before(out[j].0, out[j - 1].0) {
            let t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    out
}

/// The run of [`FORMS`] of each first word.
const fn form_index() -> Words<{ slots(FORM_COUNT) }> {
    let forms = sorted_forms();
    let mut t = Words::new();
    let mut start = 0;
    while start < FORM_COUNT {
        let first = form_shape(forms[start].0).0;
        let mut end = start + 1;
        while end < FORM_COUNT && table::same(form_shape(forms[end].0).0, first) {
            end += 1;
        }
        t.set(first, ((start << 8) | (end - start)) as u16);
        start = end;
    }
    t
}

/// The key every form of name group `g` shares (`=g`).
const GROUP_KEYS: [&str; 24] = [
    "=0", "=1", "=2", "=3", "=4", "=5", "=6", "=7", "=8", "=9", "=10", "=11", "=12", "=13", "=14",
    "=15", "=16", "=17", "=18", "=19", "=20", "=21", "=22", "=23",
];
const _: () = assert!(lexicon::NAME_FORMS.len() <= GROUP_KEYS.len() && FORM_COUNT < 256);

static LEXICON: Lexicon = Lexicon {
    quantity_shapes: quantity_shapes(),
    info: word_info(),
    speakers: Words::of(lexicon::SPEAKER_NOUNS),
    organisation_heads: Words::of(lexicon::ORGANISATION_HEADS),
    place_qualifiers: Words::of(lexicon::PLACE_QUALIFIERS),
    numbers: Map::new(lexicon::NUMBER_WORDS),
    magnitudes: Map::new(lexicon::MAGNITUDES),
    vague: Words::of(lexicon::VAGUE_AMOUNTS),
    units: Map::new(lexicon::UNITS),
    months: Map::new(lexicon::MONTHS),
    days: Map::new(lexicon::DAYS),
    time_words: Map::new(lexicon::TIME_WORDS),
    deictics: Map::new(lexicon::DEICTICS),
    forms: form_index(),
    common: lexicon::COMMON_WORDS,
    spelling_endings: spelling_endings(),
};

impl Lexicon {
    fn get() -> &'static Lexicon {
        &LEXICON
    }

    /// The key every form of name group `g` shares.
    fn group_key(g: usize) -> &'static str {
        GROUP_KEYS[g]
    }

    /// The forms of names that open with `word`, in the order to try them.
    fn forms_of(&self, word: &str) -> Option<&'static [(&'static str, usize)]> {
        let v = usize::from(self.forms.value(word)?);
        Some(&FORMS[v >> 8..(v >> 8) + (v & 0xff)])
    }

    /// Whether a word (any case, possessive allowed) is a common English
    /// word: in the list itself, or a plural or possessive of one.
    fn is_common(&self, word: &str) -> bool {
        let folded = fold(word);
        let w = folded.as_ref();
        let w = w.strip_suffix("'s").unwrap_or(w);
        let w = w.strip_suffix('\'').unwrap_or(w);
        let listed = |w: &str| w.len() >= 3 && sorted_lines_contain(self.common, w);
        let singular = w.strip_suffix('s').unwrap_or(w);
        listed(w)
            || listed(singular)
            || w.strip_suffix("es").is_some_and(listed)
            // Agent nouns of listed verbs (`protesters`, `forecasters`).
            || (singular.strip_suffix("er"))
                .or_else(|| singular.strip_suffix("or"))
                .is_some_and(|stem| stem.len() >= 4 && listed(stem))
    }

    /// What the lists say of a word key (nothing for most words).
    fn info(&self, key: &str) -> Info {
        let v = self.info.value(key).unwrap_or(0);
        Info {
            flags: (v & 0xff) as u8,
            lemma: (usize::from(v >> 8).checked_sub(1)).map(|i| lexicon::REPORTING_VERBS[i].1),
        }
    }

    /// British spellings rewritten to American, so that both agree; `None`
    /// when no rule applies (most words).
    fn spelling(&self, key: &str) -> Option<String> {
        if key.len() < 4 || !key.is_ascii() {
            return None;
        }
        let last = key.as_bytes()[key.len() - 1];
        // Most words end in a letter no rule ends in and hold no `our`:
        // one bit test and one scan rule them out.
        let our = key.len() >= 6 && key.as_bytes()[3..].windows(3).any(|w| w == b"our");
        if self.spelling_endings & (1 << (last & 127)) == 0 && !our {
            return None;
        }
        for &(british, american) in lexicon::SPELLING_VARIANTS {
            // Bytes compared in place: this runs for most words.
            let b = british.as_bytes();
            if b.len() == 3 && b == b"our" {
                // Inside longer words only (`colour`, not `four` or `our`).
                if !our {
                    continue;
                }
                if let Some(p) = key.find("our") {
                    if p >= 3 {
                        return Some(format!("{}or{}", &key[..p], &key[p + 3..]));
                    }
                }
                continue;
            }
            // Every other rule is an ending: the last letters must agree.
            if british.as_bytes().last() != Some(&last) {
                continue;
            }
            if british.len() >= 4 && key == british {
                return Some(american.to_string());
            }
            if let Some(stem) = key.strip_suffix(british) {
                if stem.len() >= 3 {
                    return Some(format!("{stem}{american}"));
                }
            }
        }
        None
    }

    /// The name group of a lowercase word that is a one-word form of it
    /// longer than three letters (`coronavirus`, `pentagon`).
    fn lowercase_form(&self, word: &str) -> Option<usize> {
        let list = self.forms_of(word)?;
        list.iter()
            .find(|(form, _)| !form.contains(' ') && form.len() > 3)
            .map(|&(_, group)| group)
    }

    /// A form of a name group starting at capitalised token `i` (short
    /// forms that are also words, such as `US` or `WHO`, only in capitals
    /// or capitalised inside a sentence).
    fn name_form(&self, side: &SideView, i: usize) -> Option<(usize, usize)> {
        let t = &side.texts[i];
        let list = self.forms_of(side.key(i))?;
        'forms: for &(form, group) in list {
            // `Fed` inside a sentence; `fed up` or `Fed up, voters` are words.
            let named = all_caps(t) || (capitalised(t) && side.capital_inside(i));
            if !form.contains(' ') && form.len() <= 3 && !named {
                continue;
            }
            let mut k = i;
            for w in form.split(' ') {
                // Skip the full stop of `U.S.`
                while k < side.len() && side.key(k).is_empty() && k > i && side.texts[k] == "." {
                    k += 1;
                }
                if k >= side.len() || side.key(k) != w {
                    continue 'forms;
                }
                k += 1;
            }
            return Some((group, k));
        }
        None
    }
}

/// Binary search for `word` among the lines of `list` (sorted bytewise),
/// straight on the text: no table to build.
fn sorted_lines_contain(list: &str, word: &str) -> bool {
    let bytes = list.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
            .max(lo);
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        match list[start..end].cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::word_diff;

    fn classes(old: &str, new: &str) -> Vec<&'static str> {
        let mut words = word_diff(old, new);
        classify_words(&mut words, true)
            .iter()
            .map(EditClass::as_str)
            .collect()
    }

    #[test]
    fn a_stray_full_stop_is_cosmetic() {
        assert_eq!(
            classes(
                "“What he decides is at the purview of President Trump.”",
                "“What he decides is at the purview of President Trump.”."
            ),
            ["cosmetic"]
        );
    }

    #[test]
    fn the_same_value_in_another_notation_is_cosmetic() {
        assert_eq!(
            classes("It hired 194,000 workers.", "It hired 194K workers."),
            ["cosmetic"]
        );
        assert_eq!(
            classes("Prices rose 5 per cent.", "Prices rose 5%."),
            ["cosmetic"]
        );
        assert_eq!(
            classes("It cost $5m last year.", "It cost $5 million last year."),
            ["cosmetic"]
        );
        assert_eq!(classes("Prices rose 5%.", "Prices rose 3.5%."), ["number"]);
    }

    #[test]
    fn forms_of_one_name_are_cosmetic() {
        assert_eq!(
            classes("Zelenskyy met Trump.", "Zelensky met Trump."),
            ["cosmetic"]
        );
        assert_eq!(
            classes(
                "troops from the US arrived",
                "troops from the United States arrived"
            ),
            ["cosmetic"]
        );
        assert_eq!(
            classes("talks in Brussels began", "talks in Munich began"),
            ["name"]
        );
    }

    #[test]
    fn quotes_reporting_verbs_negation_hedges() {
        assert_eq!(
            classes(
                "“We are invested in peace,” he said.",
                "“We are invested and interested in peace,” he said."
            ),
            ["quote"]
        );
        assert_eq!(
            classes(
                "The minister said the deal was dead.",
                "The minister claimed the deal was dead."
            ),
            ["attribution"]
        );
        assert_eq!(
            classes("The army will withdraw.", "The army will not withdraw."),
            ["negation"]
        );
        assert_eq!(
            classes("The army will withdraw.", "The army may withdraw."),
            ["hedge"]
        );
        assert_eq!(classes("He didn't go.", "He did not go."), ["cosmetic"]);
        assert_eq!(
            classes("It was a notable success.", "It was a remarkable success."),
            ["wording"]
        );
    }

    #[test]
    fn ranges_scores_and_spacing() {
        // The upper end of a range counts, units after it or not.
        assert_eq!(
            classes("about 300-500 miles west", "about 300-600 miles west"),
            ["number"]
        );
        assert_eq!(
            classes("after a 48 to 50 vote", "after a 48-50 vote"),
            ["cosmetic"]
        );
        assert_eq!(
            classes(
                "Some 1 in 5 renters owe rent.",
                "Some one in five renters owe rent."
            ),
            ["cosmetic"]
        );
        // Hyphens and spaces inside words change no figure.
        assert_eq!(
            classes(
                "a second-degree murder charge",
                "a second degree murder charge"
            ),
            ["cosmetic"]
        );
        assert_eq!(
            classes("a net-zero power sector", "a net zero power sector"),
            ["cosmetic"]
        );
        assert_eq!(
            classes("a 20-year old from Wyoming", "a 20-year-old from Wyoming"),
            ["cosmetic"]
        );
        // Separators between digits still count.
        assert_eq!(classes("won 5-4 at home", "won 54 at home"), ["number"]);
        // `one` and `a` are one count; the words still differ.
        assert_eq!(classes("one man died", "a man died"), ["wording"]);
        assert_eq!(classes("one man died", "two men died"), ["number"]);
        // One value written as a fraction two ways.
        for (a, b) in [
            ("to 22 and a half years in", "to 22 1/2 years in"),
            ("to 22.5 years in", "to 22 and a half years in"),
            ("cut by two-thirds since", "cut by 2/3 since"),
        ] {
            assert_eq!(classes(a, b), ["cosmetic"], "{a} / {b}");
        }
        assert_eq!(
            classes("to 22 1/2 years in", "to 22 3/4 years in"),
            ["number"]
        );
        assert_eq!(classes("to 22 1/2 years in", "to 22 years in"), ["number"]);
    }

    #[test]
    fn headlines_in_title_case_read_as_words() {
        // A capital is no sign of a name in a title-case headline.
        let headline = |verb: &str| format!("Biden {verb} Sign Costly Stopgap Bill, Aides Say");
        assert_eq!(
            classes(&headline("Will Not"), &headline("Will")),
            ["negation"]
        );
        assert_eq!(classes(&headline("Will"), &headline("Won't")), ["negation"]);
        assert_eq!(
            classes("Biden Signs Stopgap Bill", "Biden Never Signs Stopgap Bill"),
            ["negation"]
        );
        assert_eq!(
            classes(
                "BIDEN WILL NOT SIGN STOPGAP BILL",
                "BIDEN WILL SIGN STOPGAP BILL"
            ),
            ["negation"]
        );
        assert_eq!(
            classes(
                "BIDEN WILL MEET PUTIN IN GENEVA",
                "BIDEN WILL MEET XI IN GENEVA"
            ),
            ["name"]
        );
        // `May` is a modal here, not the month.
        assert_eq!(classes(&headline("Will"), &headline("May")), ["hedge"]);
        assert_eq!(
            classes(
                "Protesters Storm Capitol Over Vote Count",
                "Rioters Storm Capitol Over Vote Count"
            ),
            ["wording"]
        );
        assert_eq!(
            classes(
                "Costly Stopgap Bill Will Pass After Vote",
                "Stopgap Bill Will Pass After Vote"
            ),
            ["wording"]
        );
        assert_eq!(
            classes(
                "Officials Say Talks Will Resume Next Week",
                "Officials Claim Talks Will Resume Next Week"
            ),
            ["attribution"]
        );
        // Beside a figure or after `in`, `May` is still the month.
        assert_eq!(
            classes(
                "Vote Will Be Held After May 25",
                "Vote Will Be Held After May 26"
            ),
            ["number"]
        );
        // Names keep their class in title case, and a line of outlet names
        // is no headline.
        assert_eq!(
            classes(
                "Biden Will Meet Putin Over Ukraine",
                "Biden Will Meet Zelensky Over Ukraine"
            ),
            ["name"]
        );
        assert_eq!(
            classes("Source: Washington Post", "Source: Washington Examiner"),
            ["name"]
        );
    }

    #[test]
    fn names_that_change_and_names_that_do_not() {
        assert_eq!(
            classes("Kim Jong Un's regime", "Kim Jong-un's regime"),
            ["cosmetic"]
        );
        assert_eq!(
            classes("Benjamin Netanyahu spoke.", "Binyamin Netanyahu spoke."),
            ["cosmetic"]
        );
        // A title word naming an organisation is part of its name.
        assert_eq!(
            classes(
                "a lawsuit against the Justice Department.",
                "a lawsuit against the Commerce Department."
            ),
            ["name"]
        );
        // A place qualifier dropped names another place.
        assert_eq!(
            classes(
                "the accords with Northern Ireland.",
                "the accords with Ireland."
            ),
            ["name"]
        );
        // A name trimmed from a quotation is the quotation's change.
        assert_eq!(
            classes(
                "Israel would “extract a heavy price from Hamas” in response.",
                "Israel would “extract a heavy price” in response."
            ),
            ["quote"]
        );
    }

    #[test]
    fn punctuation_alone_is_cosmetic_but_unit_signs_are_not() {
        assert_eq!(
            classes("It was a hoax, he said.", "It was a “hoax”, he said."),
            ["cosmetic"]
        );
        assert_eq!(
            classes("Prices rose 5 in May.", "Prices rose 5% in May."),
            ["number"]
        );
    }

    #[test]
    fn a_misprinted_apostrophe_opens_no_quotation() {
        assert_eq!(
            classes(
                "China‘s army flew 56 planes off Taiwan on Monday.",
                "China‘s army flew 52 planes off Taiwan on Monday."
            ),
            ["number"]
        );
    }

    #[test]
    fn counts_in_other_words() {
        // A day beside a month, in any notation.
        assert_eq!(
            classes("by May 25th, amid", "by May 25, amid"),
            ["cosmetic"]
        );
        assert_eq!(classes("on June 16.", "on 16 June."), ["cosmetic"]);
        assert_eq!(
            classes(
                "A panel of 5th Circuit justices",
                "A panel of Fifth Circuit justices"
            ),
            ["cosmetic"]
        );
        // A number word with a hyphenated word is a count.
        assert_eq!(
            classes("the two-month moratorium", "the three-month moratorium"),
            ["number"]
        );
        assert_eq!(
            classes(
                "world's largest meatpacker",
                "world's second-largest meatpacker"
            ),
            ["number"]
        );
        // The word a figure carries is a word, not a unit.
        assert_eq!(
            classes(
                "the chamber's 50-vote minority",
                "the chamber's 50-member minority"
            ),
            ["wording"]
        );
        // An approximator before a figure changes what the figure says.
        assert_eq!(
            classes(
                "Almost half of voters disapprove.",
                "More than half of voters disapprove."
            ),
            ["number"]
        );
        // A figure trimmed from a quotation is the quotation's change.
        assert_eq!(
            classes(
                "“keep the two-track process moving,” Schumer said.",
                "“keep the process moving,” Schumer said."
            ),
            ["quote"]
        );
        assert_eq!(
            classes("“We lost 40 men,” he said.", "“We lost 30 men,” he said."),
            ["number", "quote"]
        );
    }

    #[test]
    fn names_in_their_phrases() {
        // A month after a first name is a surname.
        assert_eq!(
            classes(
                "after Prime Minister Boris Johnson took questions",
                "after Prime Minister Theresa May took questions"
            ),
            ["name"]
        );
        // An acronym in brackets after the words it abbreviates.
        assert_eq!(
            classes(
                "pressured the Department of Justice (DOJ) to act",
                "pressured the Department of Justice to act"
            ),
            ["cosmetic"]
        );
        // Titles abbreviated with a full stop.
        assert_eq!(
            classes(
                "Joe Manchin on Sunday said no.",
                "Sen. Joe Manchin on Sunday said no."
            ),
            ["cosmetic"]
        );
        // A phrase that loses its last name names someone else.
        assert_eq!(
            classes(
                "Del Rio Mayor Bruno Lozano said that",
                "Del Rio officials said that"
            ),
            ["attribution", "name"]
        );
        // The source after `according to` and before a verb, through the
        // rest of its name.
        assert_eq!(
            classes(
                "rose, according to the White House.",
                "rose, according to the State Department."
            ),
            ["attribution", "name"]
        );
        assert_eq!(
            classes(
                "rose, the Labor Department reported.",
                "rose, the Commerce Department reported."
            ),
            ["attribution", "name"]
        );
    }

    #[test]
    fn reporting_verbs_inside_quotations_and_hedges_before_verbs() {
        assert_eq!(
            classes(
                "\"For the reasons stated above, the motion is granted,\" the judge wrote.",
                "\"The motion is granted,\" the judge wrote."
            ),
            ["quote"]
        );
        assert_eq!(
            classes(
                "Biden will argue that it is vital.",
                "Biden is expected to argue that it is vital."
            ),
            ["hedge"]
        );
    }

    #[test]
    fn times_said_in_words_are_dates() {
        assert_eq!(
            classes(
                "stories published this week.",
                "stories published next week."
            ),
            ["number"]
        );
        assert_eq!(
            classes(
                "forced out a day after the riot",
                "forced out a week after the riot"
            ),
            ["number"]
        );
        assert_eq!(
            classes(
                "control in the spring of 2022,",
                "control in the summer of 2022,"
            ),
            ["number"]
        );
        assert_eq!(
            classes(
                "a Saturday morning press conference",
                "a Saturday afternoon press conference"
            ),
            ["number"]
        );
        // `the fall of` a state is no season; `than expected` no hedge.
        assert_eq!(
            classes(
                "since the fall of the Soviet Union",
                "since the fall of the Berlin Wall"
            ),
            ["name"]
        );
        assert_eq!(
            classes(
                "hired less workers than expected",
                "hired fewer workers than expected"
            ),
            ["wording"]
        );
    }

    #[test]
    fn approximators_hedge_a_figure_they_leave_unchanged() {
        assert_eq!(
            classes(
                "cut the risk by about 50 percent",
                "cut the risk by 50 percent"
            ),
            ["hedge"]
        );
        assert_eq!(
            classes("At least nine people died.", "Nine people died."),
            ["hedge"]
        );
        // A different figure is a change of number.
        assert_eq!(
            classes("the toll rose over a week", "the toll rose nine days"),
            ["number"]
        );
    }

    #[test]
    fn abbreviations_acronyms_and_initials_are_forms_of_one_name() {
        for (old, new) in [
            (
                "Mitch McConnell (R-Ky.) said",
                "Mitch McConnell (R-Kentucky) said",
            ),
            ("Capito (R-W.Va.) came", "Capito (R-West Virginia) came"),
            (
                "lawyers in Arkansas and Illinois filed",
                "lawyers in Ark. and Ill. filed",
            ),
            ("Florida Monday became", "Fla. Monday became"),
            (
                "respond to the FTC’s complaint",
                "respond to the Federal Trade Commission’s complaint",
            ),
            ("said the PBOC.", "said the People’s Bank of China."),
            (
                "prevent ISPs from making deals",
                "prevent internet service providers from making deals",
            ),
            ("after the Group of Seven summit", "after the G7 summit"),
            ("since World War II.", "since WWII."),
            (
                "offices of the Associated Press (AP) and",
                "offices of the AP and",
            ),
            ("Mark Milley, the chairman", "Mark A. Milley, the chairman"),
            ("Director Christopher Wray on", "Director Chris Wray on"),
            ("the No. 3 spot", "the number three spot"),
            ("in Dobbs v. Jackson", "in Dobbs vs. Jackson"),
        ] {
            assert_eq!(classes(old, new), ["cosmetic"], "{old} → {new}");
        }
        assert_eq!(
            classes("Mitt Romney (Utah) voted", "Mitt Romney (Nevada) voted"),
            ["name"]
        );
        assert_eq!(classes("the ABC News poll", "the CBS News poll"), ["name"]);
    }

    #[test]
    fn values_written_other_ways() {
        for (old, new) in [
            ("his Aug. 31 deadline", "his August 31st deadline"),
            ("a president's 100th day", "a president's hundredth day"),
            ("The 45th president", "The forty-fifth president"),
            ("nearly a fifth of output", "nearly one-fifth of output"),
            ("The gain was 0.8%, against", "The gain was .8%, against"),
            ("$100 payments", "US$100 payments"),
            ("at noon on Friday", "at 12 p.m. on Friday"),
            ("a dozen people were hurt", "12 people were hurt"),
            ("it takes effect in 14 days", "it takes effect in two weeks"),
            ("the Federal Reserve raised rates", "the Fed raised rates"),
        ] {
            assert_eq!(classes(old, new), ["cosmetic"], "{old} → {new}");
        }
        assert_eq!(
            classes("the $8 billion project", "the C$8 billion project"),
            ["number"]
        );
        // A verb is no season.
        assert_eq!(
            classes("Prices fall sharply.", "Prices rise sharply."),
            ["wording"]
        );
    }

    #[test]
    fn quotation_marks_moved_across_words_and_repeated_words() {
        assert_eq!(
            classes(
                "would not “bow to pressure” from the mainland.",
                "would not “bow to pressure from the mainland”."
            ),
            ["quote"]
        );
        assert_eq!(
            classes(
                "the labor Labor Department said",
                "the Labor Department said"
            ),
            ["cosmetic"]
        );
        assert_eq!(
            classes(
                "they cannot establish residency",
                "they can establish residency"
            ),
            ["negation"]
        );
        assert_eq!(
            classes(
                "the group doesn't actually have a bill",
                "the group actually has a bill"
            ),
            ["negation"]
        );
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_name() {
        assert_eq!(
            classes(
                "Economists expect a rise in prices.",
                "Analysts expect a rise in prices."
            ),
            ["wording"]
        );
        // Agent nouns of common verbs are common words too.
        assert_eq!(
            classes(
                "Protesters gathered outside parliament.",
                "Demonstrators gathered outside parliament."
            ),
            ["wording"]
        );
        assert_eq!(
            classes(
                "Edwards vetoed the bill last month.",
                "Landry vetoed the bill last month."
            ),
            ["name"]
        );
        // Capitalised inside a sentence on either side: a name after all.
        assert_eq!(
            classes(
                "Young won the seat. Voters backed Young.",
                "Brown won the seat. Voters backed Young."
            ),
            ["name"]
        );
    }

    #[test]
    fn the_compiled_tables_hold_the_lists() {
        use std::collections::HashMap;
        let lex = Lexicon::get();
        let last: HashMap<_, _> = lexicon::UNITS.iter().copied().collect();
        for (w, unit) in last {
            assert_eq!(lex.units.get(w), Some(&unit), "{w}");
        }
        for &(w, lemma) in lexicon::REPORTING_VERBS {
            assert_eq!(lex.info(w).lemma, Some(lemma), "{w}");
            assert!(lex.info(w).has(Info::VERB), "{w}");
        }
        assert!(lex.info("asked").has(Info::FUNCTION));
        assert!(lex.info("may").has(Info::HEDGE | Info::QUANTITY));
        assert_eq!(lex.info("zebra").flags, 0);
        // Forms by first word, the ones of more words first, else in list order.
        let mut forms: HashMap<&str, Vec<(Vec<&str>, usize)>> = HashMap::new();
        for (g, group) in lexicon::NAME_FORMS.iter().enumerate() {
            for form in group.iter() {
                let words: Vec<&str> = form.split(' ').collect();
                forms.entry(words[0]).or_default().push((words, g));
            }
        }
        for (first, mut list) in forms {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
            let want: Vec<(String, usize)> = list.iter().map(|(w, g)| (w.join(" "), *g)).collect();
            let got: Vec<(String, usize)> = (lex.forms_of(first).unwrap().iter())
                .map(|&(f, g)| (f.to_string(), g))
                .collect();
            assert_eq!(got, want, "{first}");
        }
        assert!(lex.forms_of("united").is_some() && lex.forms_of("unite").is_none());
    }

    #[test]
    fn the_common_word_list_is_searched_whole() {
        let lex = Lexicon::get();
        for w in [
            "economists",
            "Police",
            "Authorities",
            "aardvark",
            "zoo",
            "today's",
        ] {
            assert!(lex.is_common(w), "{w}");
        }
        for w in ["Landry", "Hochul", "Zelenskyy", "Refinitiv", "xyzzy", ""] {
            assert!(!lex.is_common(w), "{w}");
        }
        let list = "bar\nbaz\nfoo\n";
        for w in ["bar", "baz", "foo"] {
            assert!(sorted_lines_contain(list, w), "{w}");
        }
        for w in ["ba", "bazz", "a", "zzz", "fo"] {
            assert!(!sorted_lines_contain(list, w), "{w}");
        }
    }

    #[test]
    fn other_languages_get_no_guesses() {
        let mut words = word_diff(
            "Die Preise stiegen um 5 Prozent.",
            "Die Preise stiegen um 3 Prozent.",
        );
        assert_eq!(
            classify_words(&mut words, false),
            Classes::of(&[EditClass::Wording])
        );
        assert!(!reads_as_english(
            "Die Preise stiegen im vergangenen Jahr um fünf Prozent, teilte das Amt mit."
        ));
        assert!(reads_as_english(
            "Prices rose by five per cent last year, the office said on Tuesday."
        ));
    }
}
