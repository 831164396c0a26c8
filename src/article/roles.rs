//! Roles for blocks: title, byline, date, standfirst, subhead, body, caption,
//! boilerplate, related — each non-body role with the reason a reader can check.
//!
//! The rules are about the shape of news pages in general, not any one site:
//! the headline sits on top and may be repeated; names, job titles and dates sit
//! between it and the first paragraph; captions start with a picture credit or
//! follow one; site furniture has a handful of fixed phrasings; once an
//! end-of-article marker ("Related", "Source link") appears, the rest is teasers;
//! and teaser blurbs scraped after the last paragraph are cut off mid-sentence.
//! A marker ends the article only when no run of prose follows it: a box in the
//! middle of an article (or between concatenated articles) is only a box.

#![allow(
    clippy::needless_range_loop,
    reason = "blocks and their features are walked in parallel by index, and rules look at neighbours"
)]

use super::meta::{
    looks_like_job_title, looks_like_names, parse_date, strip_byline_label, BYLINE_LABELS,
};
use super::plain::ends_sentence;
use super::{Article, Markup, Role};

/// Whole-line furniture phrasings (compared lower-case, trailing `:` ignored).
const FURNITURE: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share via email",
    "tweet",
    "email",
    "print",
    "copy link",
    "link copied",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "skip advertisement",
    "skip to content",
    "skip to main content",
    "listen to this article",
    "listen",
    "save",
    "follow",
    "follow us",
    "subscribe",
    "sign up",
    "newsletter",
    "log in",
    "login",
    "register",
    "close",
    "menu",
    "search",
    "home",
    "next",
    "previous",
    "back to top",
    "loading",
    "x",
    "0",
    "()",
    "image",
    "photo",
    "video",
    "gallery",
    "expand",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "show caption",
    "read more",
    "continue reading",
    "view comments",
    "view all comments",
    "add comment",
    "open in app",
];

/// Lines after which the article is over and teasers or comments follow.
const END_MARKERS: &[&str] = &[
    "source link",
    "source",
    "related",
    "related article",
    "related articles",
    "related stories",
    "related content",
    "related posts",
    "related topics",
    "related news",
    "more for you",
    "more from",
    "more stories",
    "more on this story",
    "more news",
    "more to explore",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "recommended stories",
    "most read",
    "most popular",
    "most viewed",
    "top stories",
    "trending",
    "trending now",
    "top followed",
    "comments",
    "comment",
    "leave a comment",
    "leave a reply",
    "join the conversation",
    "what to read next",
    "read next",
    "also read",
    "latest news",
    "latest stories",
    "around the web",
    "from the web",
    "promoted stories",
    "discover more",
    "explore more",
    "editor's picks",
    "editors' picks",
    // The same markers in the languages news is most often read in.
    "noticias relacionadas",
    "artículos relacionados",
    "te puede interesar",
    "también te puede interesar",
    "lea también",
    "lee también",
    "notícias relacionadas",
    "leia também",
    "veja também",
    "à lire aussi",
    "lire aussi",
    "articles similaires",
    "sur le même sujet",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "ähnliche artikel",
    "lesen sie auch",
    "leggi anche",
    "articoli correlati",
    "lees ook",
    "gerelateerde artikelen",
    "baca juga",
    "berita terkait",
    "artikel terkait",
    "читайте также",
    "похожие новости",
    "похожие статьи",
    "новости по теме",
    "читайте також",
    "czytaj także",
    "czytaj też",
    "zobacz także",
    "zobacz też",
    "ilgili haberler",
    "benzer haberler",
    "saistītie raksti",
    "lasi arī",
    "مقالات ذات صلة",
    "أخبار ذات صلة",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "相关新闻",
    "相关文章",
    "相关阅读",
    "相關新聞",
    "相關文章",
    "延伸阅读",
    "延伸閱讀",
    "関連記事",
    "関連ニュース",
    "관련기사",
    "관련 기사",
    "เรื่องที่เกี่ยวข้อง",
    "ข่าวที่เกี่ยวข้อง",
    "tin liên quan",
    "bài viết liên quan",
    "ये भी पढ़ें",
    "संबंधित खबरें",
];

/// Furniture that opens a line ("Visited 12 times", "© 2025 …").
const FURNITURE_PREFIXES: &[&str] = &[
    "visited ",
    "copyright",
    "©",
    "all rights reserved",
    "click here",
    "sign up for",
    "subscribe to",
    "follow us on",
    "follow us:",
    "share:",
    "read more:",
    "related:",
    "also read:",
    "read also:",
    "see also:",
    "tags:",
    "topics:",
    "filed under",
    "reporting by",
    "editing by",
    "additional reporting",
    "this article was",
    "this story was",
    "originally published",
    "terms of use",
    "privacy policy",
    "cookie",
    "we use cookies",
    "would love your thoughts",
    "download the app",
    "get the app",
];

/// The bytes that open (or close) one of `words`, as a set: most lines
/// open with none of them, and one look answers for the whole list.
const fn edge_bytes(words: &[&str], last: bool) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < words.len() {
        let b = words[i].as_bytes();
        if !b.is_empty() {
            set[b[if last { b.len() - 1 } else { 0 }] as usize] = true;
        }
        i += 1;
    }
    set
}

/// Whether `text` opens (`last` false) or ends with a byte of `set`.
fn edge_in(set: &[bool; 256], text: &str, last: bool) -> bool {
    let b = text.as_bytes();
    let edge = if last { b.last() } else { b.first() };
    edge.is_some_and(|&c| set[usize::from(c)])
}

const FURNITURE_PREFIX_OPENINGS: [bool; 256] = edge_bytes(FURNITURE_PREFIXES, false);
const END_MARKER_OPENINGS: [bool; 256] = edge_bytes(END_MARKERS, false);
const END_MARKER_LONGEST: usize = longest(END_MARKERS);
const BYLINE_LABEL_OPENINGS: [bool; 256] = edge_bytes(BYLINE_LABELS, false);
const CAPTION_CUES: &[&str] = &[
    "watch:",
    "video:",
    "listen:",
    "map:",
    "graphic:",
    "chart:",
    "pictured:",
];
const CAPTION_CUE_OPENINGS: [bool; 256] = edge_bytes(CAPTION_CUES, false);

/// The length in bytes of the longest of `words`: a longer line is none of them.
const fn longest(words: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > max {
            max = words[i].len();
        }
        i += 1;
    }
    max
}

/// Picture agencies and credit words that open a caption line.
const CREDITS: &[&str] = &[
    "EPA",
    "AFP",
    "Reuters",
    "REUTERS",
    "AP",
    "PA",
    "Getty Images",
    "Getty",
    "Shutterstock",
    "Bloomberg",
    "Alamy",
    "Xinhua",
    "dpa",
    "ANP",
    "PA Media",
    "AP Photo",
    "Anadolu",
    "SOPA",
    "NurPhoto",
    "Sipa",
    "TASS",
    "EFE",
    "UPI",
    "Corbis",
    "BBC",
    "NASA",
];

/// Words in a line without closing punctuation that say it describes a picture.
const CREDIT_OPENINGS: [bool; 256] = edge_bytes(CREDITS, false);
const CREDIT_ENDINGS: [bool; 256] = edge_bytes(CREDITS, true);

const PICTURE_WORDS: &[&str] = &[
    "photograph",
    "photographed",
    "photo",
    "pictured",
    "picture",
    "handout",
    "image",
    "map of",
    "graphic",
    "chart",
    "illustration",
    "video",
    "file photo",
    "footage",
];

/// Blocks longer than this are prose: no line rule applies to them.
const SHORT_LINE: usize = 40;
/// Where word counting stops: one past the largest threshold of the rules.
const WORD_CAP: usize = SHORT_LINE + 1;
/// A paragraph of this many characters with a sentence end is prose however
/// few spaces it has (Thai and Lao put spaces between phrases, not words).
const PROSE_CHARS: usize = 100;
/// Where character counting stops.
const CHAR_CAP: usize = PROSE_CHARS + 1;

/// Whether the text is in a script written without full stops (Thai, Lao):
/// a long paragraph of it ends where it ends.
fn unpunctuated_script(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(|c| matches!(c as u32, 0x0E00..=0x0EFF))
}

struct Feat<'a> {
    text: &'a str,
    /// Lower-cased text, for blocks short enough for the line rules to read
    /// (empty for long paragraphs: no furniture pattern is that long).
    lower: String,
    /// Words, counted up to `WORD_CAP` (every rule's threshold is below it).
    words: usize,
    /// Ends with sentence-closing punctuation (not a colon); or is a long
    /// paragraph of a script written without full stops (Thai, Lao).
    prose_end: bool,
    /// Characters, counted up to `CHAR_CAP`.
    chars: usize,
}

impl Feat<'_> {
    fn headline_shaped(&self) -> bool {
        !self.prose_end && self.words <= 30
    }
    /// A paragraph the header region cannot contain: real prose.
    fn body_like(&self) -> bool {
        (self.prose_end && (self.words >= 12 || self.chars >= PROSE_CHARS)) || self.words >= 30
    }
}

fn prose_end(s: &str) -> bool {
    let s = without_bracketed_note(without_sign_off(s));
    ends_sentence(s) && !s.trim_end().ends_with(':')
}

/// A paragraph without a note in square brackets after its last full stop
/// (`… with minimal brain damage. [Top Image: Creativa, Notes Image: …]`,
/// `[Editor's note: …]`). The paragraph still ends a sentence.
fn without_bracketed_note(s: &str) -> &str {
    let t = s.trim_end();
    if !t.ends_with(']') {
        return t;
    }
    match t.rfind('[') {
        Some(at) if at > 0 && ends_sentence(&t[..at]) => t[..at].trim_end(),
        _ => t,
    }
}

/// A paragraph without the short sign-off a desk puts after its last full
/// stop: an editor's initials `(bsc)`, a picture or agency credit
/// `(c)AFP/Aminu ABUBAKAR`, `© Reuters`. The paragraph still ends a sentence.
fn without_sign_off(s: &str) -> &str {
    const LONGEST: usize = 40;
    let t = s.trim_end();
    // A sign-off is short: only the paragraph's last characters are read
    // (the last bytes, when they are ASCII).
    let tail = &t.as_bytes()[t.len().saturating_sub(LONGEST)..];
    let from = if tail.is_ascii() {
        t.len() - tail.len()
    } else {
        t.char_indices()
            .rev()
            .nth(LONGEST - 1)
            .map_or(0, |(at, _)| at)
    };
    let end = &t[from..];
    // Most paragraphs have no sign-off: told without lower-casing the tail.
    if !has_credit_mark(end) && !t.ends_with(')') {
        return t;
    }
    let lower = end.to_lowercase();
    let tail_from = if t.ends_with(')') {
        end.rfind('(').map(|at| from + at)
    } else {
        None
    };
    let credit_from = ["(c)", "©"]
        .iter()
        .filter_map(|m| lower.rfind(m))
        .max()
        .filter(|&at| lower.len() == end.len() && from + at > 0)
        .map(|at| from + at);
    for at in [tail_from, credit_from].into_iter().flatten() {
        let (head, tail) = t.split_at(at);
        let short = tail.split_whitespace().count() <= 4 && tail.chars().count() <= LONGEST;
        if short && ends_sentence(head) {
            return head.trim_end();
        }
    }
    t
}

/// Whether `end` holds `©` or `(c)` (any case), in one pass over its bytes
/// (`©` is C2 A9).
fn has_credit_mark(end: &str) -> bool {
    let b = end.as_bytes();
    memchr::memchr2_iter(b'(', 0xC2, b).any(|i| {
        if b[i] == 0xC2 {
            return b.get(i + 1) == Some(&0xA9);
        }
        b.get(i + 1).is_some_and(|c| c.eq_ignore_ascii_case(&b'c')) && b.get(i + 2) == Some(&b')')
    })
}

fn key(s: &str) -> String {
    key_chars(s).collect()
}

/// The characters of [`key`], one by one.
fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// `key(s) == key`, read only as far as the first difference (most lines
/// differ from the title in their first letters).
fn has_key(s: &str, key: &str) -> bool {
    key_chars(s).eq(key.chars())
}

fn set(article: &mut Article, i: usize, role: Role, reason: impl Into<String>) {
    let b = &mut article.blocks[i];
    b.role = role;
    b.reason = Some(reason.into());
}

fn quote_line(s: &str) -> String {
    let t: String = s.trim().chars().take(40).collect();
    if t.len() < s.trim().len() {
        format!("{t}…")
    } else {
        t
    }
}

/// What every rule reads: the blocks' features, which blocks the markup
/// fixed, and what else it said of them.
struct Page<'a> {
    feats: Vec<Feat<'a>>,
    /// Blocks whose role came from markup keep it.
    fixed: Vec<bool>,
    markup: &'a [Markup],
}

impl Page<'_> {
    fn len(&self) -> usize {
        self.feats.len()
    }

    /// Whether block `i` is still body and no markup decided it.
    fn open(&self, article: &Article, i: usize) -> bool {
        !self.fixed[i] && article.blocks[i].role == Role::Body
    }

    /// Whether block `i` is a list item: as the markup says, or for text
    /// without markup (plain text, Markdown) when it opens with a bullet or
    /// a number (`- `, `• `, `1. `).
    fn list_item(&self, i: usize) -> bool {
        match self.markup.get(i) {
            Some(m) => m.list_item,
            None => self.markup.is_empty() && super::plain::is_list_item(self.feats[i].text),
        }
    }

    /// Whether block `i` is one line of a text broken by `<br>` into three
    /// lines or more (a song's or a poem's verse, an address): a line of
    /// that text, not a heading over it.
    fn verse_line(&self, i: usize) -> bool {
        let after_br = |k: usize| self.markup.get(k).is_some_and(|m| m.after_br);
        let first = (0..=i).rev().find(|&k| !after_br(k)).unwrap_or(0);
        let last = (i + 1..self.len())
            .take_while(|&k| after_br(k))
            .last()
            .unwrap_or(i);
        last >= first + 2
    }

    /// Whether block `j` is a paragraph of body prose.
    fn body_prose(&self, article: &Article, j: usize) -> bool {
        article.blocks[j].role == Role::Body && self.feats[j].body_like()
    }
}

/// Whether a paragraph of body prose comes before block `i`, asked for `i`
/// rising while the roles behind `i` stay as they are: each block is read
/// once, so a page of many markers costs no more than its length.
#[derive(Default)]
struct BodyBefore {
    read: usize,
    seen: bool,
}

impl BodyBefore {
    fn at(&mut self, article: &Article, page: &Page, i: usize) -> bool {
        while !self.seen && self.read < i {
            self.seen = page.body_prose(article, self.read);
            self.read += 1;
        }
        self.seen
    }
}

fn features<'a>(article: &Article, text: &'a str) -> Vec<Feat<'a>> {
    article
        .blocks
        .iter()
        .map(|b| {
            let text = text[b.span.range()].trim();
            let words = super::unicode_word_count(text, WORD_CAP);
            let chars = chars_up_to(text, CHAR_CAP);
            Feat {
                lower: if words <= SHORT_LINE {
                    lower_case(text)
                } else {
                    String::new()
                },
                words,
                prose_end: prose_end(text) || (chars >= PROSE_CHARS && unpunctuated_script(text)),
                chars,
                text,
            }
        })
        .collect()
}

/// `text.chars().take(cap).count()`, without decoding: when the first `cap`
/// bytes are ASCII each is a character, else the characters opening in the
/// first `4 * cap` bytes are counted (at least `cap` when the text is longer,
/// a character taking at most four bytes).
fn chars_up_to(text: &str, cap: usize) -> usize {
    let head = &text.as_bytes()[..text.len().min(cap)];
    if head.is_ascii() {
        return head.len();
    }
    let head = &text.as_bytes()[..text.len().min(cap.saturating_mul(4))];
    super::plain::char_count(head).min(cap)
}

/// `str::to_lowercase`, with runs of ASCII lowered by bytes: only the
/// characters beyond ASCII (curly quotes, dashes, accented letters) go
/// through the Unicode tables. A capital sigma, whose lower case depends on
/// its neighbours, leaves it all to `to_lowercase`.
fn lower_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|c| !c.is_ascii())
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        out.push_str(run);
        let from = out.len() - run.len();
        out[from..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            out.extend(c.to_lowercase());
        }
        rest = chars.as_str();
    }
    out
}

/// Decides the role of every block not already fixed by markup, and fills the
/// metadata the text states (title, byline, date, outlet). Each step is one
/// rule about news pages; the reason strings name the step that fired.
pub(crate) fn classify(article: &mut Article, extra_boilerplate: &[String], markup: &[Markup]) {
    // The features borrow the text while the rules below set roles on blocks.
    let full_text = std::mem::take(&mut article.text);
    let feats = features(article, &full_text);
    let page = Page {
        fixed: article.blocks.iter().map(|b| b.reason.is_some()).collect(),
        feats,
        markup,
    };
    line_patterns(article, &page, extra_boilerplate);
    captions_after_credits(article, &page);
    let title_idx = headline(article, &page);
    repeated_lines(article, &page);
    header(article, &page, title_idx);
    let end = end_of_article(article, &page);
    trailing_teasers(article, &page, end);
    subheads_and_captions(article, &page, end, title_idx);
    trailing_headings(article);
    fill_metadata(article, &page.feats);
    drop(page);
    article.text = full_text;
}

/// Step 1: Lines recognisable on their own: labels, furniture, captions.
fn line_patterns(article: &mut Article, page: &Page, extra: &[String]) {
    for i in 0..page.len() {
        if !page.open(article, i) {
            continue;
        }
        if let Some((role, reason)) = by_pattern(&page.feats[i], extra) {
            set(article, i, role, reason);
        }
    }
}

/// How often a short line may recur close together before it is the page's
/// own furniture, and how close (in blocks) its copies stand.
const REPEATS: usize = 3;
const REPEAT_GAP: usize = 1;

/// A short line (three words or more, no closing punctuation) repeated
/// `REPEATS` times or more in a row — at most one block between copies —
/// is the page's furniture: a gallery's caption under every slide, a
/// widget's heading. An article does not say the same line again and again in
/// one place (a recipe or a plan repeating a line between its own paragraphs
/// keeps it).
fn repeated_lines(article: &mut Article, page: &Page) {
    let mut copies: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for i in 0..page.len() {
        let f = &page.feats[i];
        if page.open(article, i)
            && !page.list_item(i)
            && f.headline_shaped()
            && (3..=12).contains(&f.words)
        {
            copies.entry(key(f.text)).or_default().push(i);
        }
    }
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for at in copies.into_values() {
        let mut run: Vec<usize> = Vec::new();
        for i in at {
            if run.last().is_some_and(|&j| i - j > REPEAT_GAP + 1) {
                runs.push(std::mem::take(&mut run));
            }
            run.push(i);
        }
        runs.push(run);
    }
    for run in runs.into_iter().filter(|r| r.len() >= REPEATS) {
        let n = run.len();
        for i in run {
            set(
                article,
                i,
                Role::Boilerplate,
                format!("the same line {n} times in a row (a gallery or a widget)"),
            );
        }
    }
}

/// A short line without closing punctuation right after a picture credit is
/// that picture's caption.
fn captions_after_credits(article: &mut Article, page: &Page) {
    for i in 1..page.len() {
        let prev_caption = article.blocks[i - 1].role == Role::Caption;
        let f = &page.feats[i];
        if prev_caption
            && page.open(article, i)
            && !page.list_item(i)
            && f.headline_shaped()
            && f.words <= 16
        {
            set(
                article,
                i,
                Role::Caption,
                "follows a picture caption and has no closing punctuation",
            );
        }
    }
}

/// Step 2: The headline: markup's, else a headline-shaped first line; lines that
/// repeat it are furniture. Returns the headline's block.
fn headline(article: &mut Article, page: &Page) -> Option<usize> {
    let n = page.len();
    let feats = &page.feats;
    let mut title_idx = article.blocks.iter().position(|b| b.role == Role::Title);
    if title_idx.is_none() && n > 1 && page.open(article, 0) && feats[0].words >= 2 {
        let reason = if feats[0].headline_shaped() {
            Some("first line, shaped like a headline")
        } else if heads_a_label_block(article, feats) {
            Some("first line, over the byline, source or date lines")
        } else {
            None
        };
        if let Some(reason) = reason {
            set(article, 0, Role::Title, reason);
            title_idx = Some(0);
        }
    }
    if let Some(t) = title_idx {
        if article.meta.title.is_none() {
            // A headline hard-wrapped over lines is one line of metadata.
            let words: Vec<&str> = feats[t].text.split_whitespace().collect();
            article.meta.title = Some(words.join(" "));
        }
        let title_key = key(feats[t].text);
        let title_len = feats[t].text.len();
        for i in 0..n {
            // Only blocks about as long as the title can repeat it.
            let similar_len =
                feats[i].text.len() <= title_len * 2 && feats[i].text.len() * 2 >= title_len;
            if i != t
                && similar_len
                && !title_key.is_empty()
                && !page.fixed[i]
                && has_key(feats[i].text, &title_key)
            {
                set(article, i, Role::Boilerplate, "repeats the title");
            }
        }
    }
    let meta_title_key = article.meta.title.as_deref().map(key).unwrap_or_default();
    if title_idx.is_none() && !meta_title_key.is_empty() {
        // JSON or meta-tag titles repeated as the first line of the text.
        for i in 0..n.min(5) {
            if page.open(article, i) && has_key(feats[i].text, &meta_title_key) {
                set(article, i, Role::Title, "the same text as the title field");
                break;
            }
        }
    }
    title_idx
}

/// A short first line that ends like a sentence (`… in America?`, `… of U.S.
/// evacuation.`) is still the headline when the lines under it are the labels
/// of a header: a byline, a date, the outlet (`Source: …`), as scraper
/// exports write them.
fn heads_a_label_block(article: &Article, feats: &[Feat]) -> bool {
    let labels = matches!(article.blocks[1].role, Role::Byline | Role::Date)
        || outlet_label(&feats[1]).is_some();
    labels && feats[0].words <= 30 && headline_sentences(feats[0].text)
}

/// Whether `text` reads as a headline's sentences: one, or two short ones
/// (`Black moms are more likely to die in childbirth. Will Congress do
/// anything about it?`, `Mother’s Day Can Be Painful. It Can Also Reconnect
/// Us to the World.`); a summary of three or more is no headline.
fn headline_sentences(text: &str) -> bool {
    const SHORT: usize = 20;
    let mut sentences = Vec::new();
    super::sentence::split_sentences(text, super::Span::new(0, text.len()), &mut sentences);
    let words = |s: &super::Span| text[s.range()].split_whitespace().count();
    match sentences.as_slice() {
        [_] => true,
        [a, b] => words(a) <= SHORT && words(b) <= SHORT,
        _ => false,
    }
}

/// Step 3: The header: names, job titles and standfirsts between the headline and
/// the first paragraph of prose.
fn header(article: &mut Article, page: &Page, title_idx: Option<usize>) {
    let n = page.len();
    let first_body = (0..n)
        .find(|&i| page.open(article, i) && page.feats[i].body_like())
        .unwrap_or(n);
    for i in 0..first_body.min(15) {
        if !page.open(article, i) || page.list_item(i) {
            continue;
        }
        let f = &page.feats[i];
        if looks_like_names(f.text) {
            set(
                article,
                i,
                Role::Byline,
                "name-shaped line under the headline",
            );
        } else if looks_like_job_title(f.text) {
            set(article, i, Role::Byline, "job title under the byline");
        } else if title_idx.is_some_and(|t| t < i)
            && first_body < n
            && f.headline_shaped()
            && f.words >= 6
        {
            set(
                article,
                i,
                Role::Standfirst,
                "headline-shaped line between the headline and the first paragraph",
            );
        }
    }
}

/// Paragraphs in a row of article prose that show the article goes on.
const PROSE_RUN: usize = 3;

/// Step 4: End-of-article markers ("Related", "Comments"). A marker ends the
/// article only when no run of article prose follows it (`PROSE_RUN`
/// paragraphs in a row; teasers and comments alternate with short headline,
/// name and date lines): then the rest is teasers and comments. A marker with
/// such a run after it is a box inside the article (or the end of one of many
/// concatenated articles): it and the lines up to the run are furniture, and
/// the prose goes on. Returns where the article ends.
fn end_of_article(article: &mut Article, page: &Page) -> usize {
    let n = page.len();
    let prose = |i: usize| page.feats[i].body_like() && page.feats[i].prose_end;
    // Where the next run of prose starts, from each block on.
    let mut run = vec![0usize; n + 1];
    let mut next_run = vec![n; n + 1];
    for i in (0..n).rev() {
        run[i] = if prose(i) { run[i + 1] + 1 } else { 0 };
        next_run[i] = if run[i] >= PROSE_RUN {
            i
        } else {
            next_run[i + 1]
        };
    }
    let mut body_before = BodyBefore::default();
    let mut i = 0;
    while i < n {
        let stem = page.feats[i].lower.trim_end_matches([':', '：', ' ', '.']);
        // A line no marker opens with, or longer than any, is none.
        if stem.len() > END_MARKER_LONGEST
            || !edge_in(&END_MARKER_OPENINGS, stem, false)
            || stem.chars().count() > 40
            || !END_MARKERS.contains(&stem)
            || !body_before.at(article, page, i)
        {
            i += 1;
            continue;
        }
        let marker = quote_line(page.feats[i].text);
        let resume = next_run[i + 1];
        if resume == n {
            mark_rest_after_marker(article, page, i, &marker);
            return i;
        }
        if !page.fixed[i] {
            set(
                article,
                i,
                Role::Boilerplate,
                format!("marker `{marker}` inside the text: article prose goes on after it"),
            );
        }
        // The box is its short lines: it ends at the first paragraph of prose.
        let box_end = (i + 1..resume)
            .find(|&j| page.feats[j].body_like())
            .unwrap_or(resume);
        for j in i + 1..box_end {
            if page.open(article, j) && !page.list_item(j) {
                set(
                    article,
                    j,
                    Role::Related,
                    format!("in the box under `{marker}`, before the prose goes on"),
                );
            }
        }
        i = resume;
    }
    n
}

fn mark_rest_after_marker(article: &mut Article, page: &Page, end: usize, marker: &str) {
    if !page.fixed[end] {
        set(
            article,
            end,
            Role::Boilerplate,
            format!("end-of-article marker `{marker}`"),
        );
    }
    for i in end + 1..page.len() {
        if !page.open(article, i) {
            continue;
        }
        if page.feats[i].words <= 3 {
            set(
                article,
                i,
                Role::Boilerplate,
                format!("after the end-of-article marker `{marker}`: site furniture"),
            );
        } else {
            set(
                article,
                i,
                Role::Related,
                format!("after the end-of-article marker `{marker}`: teaser block"),
            );
        }
    }
}

/// How the rules that read lines after the article's last body paragraph by
/// their shape alone (steps 5 and 7) begin or end their reasons.
const AFTER_LAST_BODY: &str = "after the article's last body paragraph";

/// Whether a block is furniture by its shape and place alone: a line after
/// the last body paragraph that reads like a teaser, a picture's caption or
/// a heading among furniture, with nothing on the page (markup, an
/// end-of-article marker such as "Related") to say so. Such a line may as
/// well be the article's own last paragraph, a date line or a caption the
/// writer ended on, so a pair differs when one side lacks it.
pub(crate) fn furniture_by_shape_alone(block: &super::Block) -> bool {
    matches!(block.role, Role::Related | Role::Caption)
        && block
            .reason
            .as_deref()
            .is_some_and(|r| r.contains(AFTER_LAST_BODY))
}

/// Step 5: Teasers scraped after the last paragraph are cut off mid-sentence.
fn trailing_teasers(article: &mut Article, page: &Page, end: usize) {
    let feats = &page.feats;
    let body: Vec<usize> = (0..end)
        .filter(|&i| article.blocks[i].role == Role::Body)
        .collect();
    let prose = body.iter().filter(|&&i| feats[i].prose_end).count();
    if prose * 10 < body.len() * 6 {
        return;
    }
    // The roles before `i` do not change in this loop: the first paragraph
    // of body prose says, for every `i`, whether one comes before it.
    let first_prose = (0..end)
        .find(|&j| page.body_prose(article, j))
        .unwrap_or(end);
    let mut i = end;
    while i > 0 {
        i -= 1;
        if article.blocks[i].role != Role::Body {
            continue;
        }
        if page.fixed[i] || page.list_item(i) || feats[i].prose_end || first_prose >= i {
            break;
        }
        let f = &feats[i];
        let (role, reason) = if f.headline_shaped() && has_picture_words(&f.lower) {
            (
                Role::Caption,
                "after the article's last body paragraph: describes a picture",
            )
        } else if super::meta::reads_as_author_note(f.text) {
            (
                Role::Boilerplate,
                "after the article's last body paragraph: a note on the author",
            )
        } else if f.words >= 8 {
            (
                Role::Related,
                "after the article's last body paragraph: teaser cut off mid-sentence",
            )
        } else {
            (
                Role::Related,
                "after the article's last body paragraph: teaser headline",
            )
        };
        set(article, i, role, reason);
    }
}

/// Step 6: Short lines without closing punctuation between paragraphs are subheads
/// (or captions, when they describe a picture); list items stay body.
fn subheads_and_captions(article: &mut Article, page: &Page, end: usize, title_idx: Option<usize>) {
    for i in 0..end {
        let f = &page.feats[i];
        if !page.open(article, i)
            || page.list_item(i)
            || page.verse_line(i)
            || !f.headline_shaped()
            || f.words > 15
            || title_idx == Some(i)
        {
            continue;
        }
        if has_picture_words(&f.lower) && f.words >= 4 {
            set(
                article,
                i,
                Role::Caption,
                "line without closing punctuation that describes a picture",
            );
        } else if i > 0 && starts_like_heading(f.text) {
            set(
                article,
                i,
                Role::Subhead,
                "short line without closing punctuation between paragraphs",
            );
        }
    }
}

/// Step 7: A heading is a subhead only with article text under it. Headings
/// after the article's last body paragraph, once furniture has come between
/// (a share line, a teaser), head the page's furniture (`USA NOW`, teaser
/// headlines set as `h5`, a date line), whatever their markup.
fn trailing_headings(article: &mut Article) {
    let blocks = &article.blocks;
    let Some(last_body) = blocks.iter().rposition(|b| b.role == Role::Body) else {
        return;
    };
    let Some(furniture) = (last_body + 1..blocks.len()).find(|&i| !blocks[i].role.is_content())
    else {
        return;
    };
    for i in furniture + 1..article.blocks.len() {
        if article.blocks[i].role == Role::Subhead {
            set(
                article,
                i,
                Role::Related,
                "heading among the furniture after the article's last body paragraph",
            );
        }
    }
}

/// Words in the content blocks (body, standfirst, subheads).
fn content_words(article: &Article) -> usize {
    article
        .blocks
        .iter()
        .filter(|b| b.role.is_content())
        .map(|b| super::unicode_word_count(article.slice(b.span), usize::MAX))
        .sum()
}

/// When the roles leave less than half of the extractor's main text as
/// content, a rule misfired on this page (a class, a marker): the blocks those
/// rules took from the article go back to body, with a note. The extractor
/// already judged all of its text to be the article.
pub(crate) fn keep_the_extractors_judgement(
    article: &mut Article,
    markup: &[Markup],
    extracted: usize,
) {
    let content = content_words(article);
    if extracted < 50 || content * 2 >= extracted {
        return;
    }
    let mut restored = 0;
    for (i, b) in article.blocks.iter_mut().enumerate() {
        let from_rule = b
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("end-of-article marker") || r.starts_with(AFTER_LAST_BODY));
        let from_class = markup.get(i).is_some_and(|m| m.from_class);
        if !b.role.is_content() && b.role != Role::Title && (from_rule || from_class) {
            b.role = Role::Body;
            b.reason = None;
            restored += 1;
        }
    }
    if restored > 0 {
        article.notes.push(format!(
            "the page's markup and end markers left {content} of the extractor's {extracted} words as article; kept the extractor's judgement ({restored} block(s) back to body)"
        ));
    }
}

/// A homepage or section front: many teasers (headlines, each a text of its
/// own), and no prose but a few paragraphs or the teasers' own summaries.
pub(crate) fn note_listing_page(article: &mut Article, markup: &[Markup]) {
    let lines = LineCounts::of(article, markup);
    if lines.listing() {
        article.notes.push(format!(
            "no article found: looks like a listing page ({} short teaser lines, {} paragraph(s) of prose)",
            lines.teasers, lines.prose
        ));
    }
}

/// A page that ends with no body, or a body far smaller than its text,
/// says so and where its words went (when no note says already that the
/// page is no article): never silently 0 body.
pub(crate) fn note_little_body(article: &mut Article) {
    if article.no_article_note().is_some() {
        return;
    }
    let mut by_role: Vec<(Role, usize)> = Vec::new();
    for b in &article.blocks {
        let words = super::unicode_word_count(article.slice(b.span), usize::MAX);
        match by_role.iter_mut().find(|(r, _)| *r == b.role) {
            Some((_, n)) => *n += words,
            None => by_role.push((b.role, words)),
        }
    }
    let total: usize = by_role.iter().map(|(_, n)| n).sum();
    let body: usize = by_role
        .iter()
        .filter(|(r, _)| *r == Role::Body)
        .map(|(_, n)| n)
        .sum();
    if total == 0 || (body > 0 && body * LITTLE_BODY_SHARE >= total) {
        return;
    }
    by_role.retain(|&(r, n)| r != Role::Body && n > 0);
    by_role.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let rest: Vec<String> = by_role.iter().map(|(r, n)| format!("{r} {n}")).collect();
    let found = if body == 0 {
        format!("no body text among the page's {total} words; they read as")
    } else {
        format!("{body} body words among the page's {total}; the rest read as")
    };
    article.notes.push(format!(
        "{}: {found} {}",
        super::NO_ARTICLE,
        rest.join(", ")
    ));
}

/// Body words under one in this many of the page's words is no article.
const LITTLE_BODY_SHARE: usize = 5;

/// How a page's blocks divide into teasers and paragraphs of prose.
#[derive(Default)]
struct LineCounts {
    /// Blocks of two words or more (a lone word, `Photo`, `Business`, is
    /// a label that says nothing either way).
    worded: usize,
    teasers: usize,
    prose: usize,
    /// The most sentences of prose one after another.
    longest_prose_run: usize,
    /// Paragraphs of prose under a heading of their own and above a short
    /// line (a story's summary on a front page).
    summaries: usize,
}

impl LineCounts {
    fn of(article: &Article, markup: &[Markup]) -> LineCounts {
        let mut c = LineCounts::default();
        let mut run = 0;
        for (i, b) in article.blocks.iter().enumerate() {
            let t = article.slice(b.span);
            let words = super::unicode_word_count(t, 60);
            if words >= 2 {
                c.worded += 1;
            }
            if is_prose_paragraph(t, words) {
                c.prose += 1;
            }
            // An article's text runs on, sentence after sentence (a list of
            // facts, each line a sentence, too); a teaser's summary stands
            // alone under its headline.
            run = if is_prose_paragraph(t, words) || (words >= 8 && ends_with_full_stop(t)) {
                run + 1
            } else {
                0
            };
            c.longest_prose_run = c.longest_prose_run.max(run);
            if is_teaser(article, markup, i, words) {
                c.teasers += 1;
            }
            if is_prose_paragraph(t, words) && is_headed_summary(article, i) {
                c.summaries += 1;
            }
        }
        c
    }

    /// Ten teasers or more, three in four of the worded blocks, and no
    /// article's prose: no three sentences in a row (an article, however
    /// short, runs on), and few paragraphs or only the teasers' summaries;
    /// or stories each told as headline, summary and source.
    fn listing(&self) -> bool {
        let teasers = self.teasers >= 10
            && self.teasers * 4 >= self.worded * 3
            && self.longest_prose_run < 3
            && (self.prose < 3 || self.prose_is_teasers());
        teasers || self.prose_is_headed_summaries()
    }

    /// A front page of stories each told in three lines (its headline, a
    /// summary, its source or time: `Sky News`, `Reuters 13 mins ago`):
    /// five such stories or more, every paragraph of prose one of their
    /// summaries, and the stories most of the page.
    fn prose_is_headed_summaries(&self) -> bool {
        self.summaries >= 5
            && self.summaries == self.prose
            && self.longest_prose_run < 2
            && (self.teasers + self.summaries) * 4 >= self.worded * 3
    }

    /// Each paragraph of prose stands alone between short lines (a teaser's
    /// summary under its headline, a byline after it; an article's prose
    /// runs on), with many teasers for each (eight or more: a front
    /// page's few summaries among its dozens of headlines, not a product
    /// page's paragraphs under their headings).
    fn prose_is_teasers(&self) -> bool {
        self.longest_prose_run < 2 && self.teasers >= 8 * self.prose
    }
}

/// Block `i` stands between a heading the markup set (`h2`, `h3`) and a
/// short line that is no heading and no sentence (a source, a time).
fn is_headed_summary(article: &Article, i: usize) -> bool {
    let (Some(before), Some(after)) = (
        i.checked_sub(1).map(|k| &article.blocks[k]),
        article.blocks.get(i + 1),
    ) else {
        return false;
    };
    let heading = before.role == Role::Subhead
        && before
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("HTML `h"));
    let t = article.slice(after.span);
    let short_line = after.role != Role::Subhead
        && (1..=6).contains(&super::unicode_word_count(t, 8))
        && !ends_with_full_stop(t);
    heading && short_line
}

/// A paragraph of prose: forty words, or twenty that end a sentence, or a
/// long paragraph of a script without full stops (Thai and Lao put spaces
/// between phrases, not words).
fn is_prose_paragraph(t: &str, words: usize) -> bool {
    let unspaced_prose = t.chars().take(CHAR_CAP).count() >= PROSE_CHARS && unpunctuated_script(t);
    words >= 40 || (words >= 20 && prose_end(t)) || unspaced_prose
}

/// A full stop ends the text (not an ellipsis, not a question: headlines
/// ask), in the scripts that have their own (`。`, Burmese `။`, Devanagari
/// `।`, Urdu `۔`).
fn ends_with_full_stop(t: &str) -> bool {
    let t = t.trim_end();
    t.ends_with(['.', '。', '။', '।', '۔']) && !t.ends_with("...")
}

/// A teaser: a headline or a label of two to fifteen words, opening like a
/// heading and not ending with a full stop (a short line that does is a
/// sentence: a list of facts in an article), and a text of its own — not a
/// line of a text broken by `<br>` (a poem's or a song's lines, a
/// changelog's, a widget's sentence wrapped in two).
fn is_teaser(article: &Article, markup: &[Markup], i: usize, words: usize) -> bool {
    let t = article.slice(article.blocks[i].span);
    let broken = |k: usize| markup.get(k).is_some_and(|m| m.after_br);
    (2..=15).contains(&words)
        && !ends_with_full_stop(t)
        && starts_like_heading(t)
        && !broken(i)
        && !broken(i + 1)
}

/// Headings open with a capital, a digit or a quote mark — not a list marker
/// ("1.", "2)", "•", "-") or a lower-case word.
fn starts_like_heading(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits <= 3 && t[digits..].starts_with(['.', ')']) {
        return false;
    }
    if t.starts_with(['•', '-', '*', '–', '·', '▪']) {
        return false;
    }
    let first = t
        .trim_start_matches(['“', '‘', '"', '\'', '«'])
        .chars()
        .next();
    first.is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_lowercase())
    })
}

fn has_picture_words(lower: &str) -> bool {
    PICTURE_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// What a line-pattern rule answers: the role and the reason shown for it.
type Verdict = Option<(Role, String)>;

/// Roles a line earns on its own, wherever it stands: the first rule that
/// knows the line decides (each rule's reason string names it).
fn by_pattern(f: &Feat, extra: &[String]) -> Verdict {
    no_words(f)
        .or_else(|| bare_number(f))
        .or_else(|| byline_label(f))
        .or_else(|| outlet_label(f))
        .or_else(|| date_line(f))
        .or_else(|| clock_time_line(f))
        .or_else(|| link_or_handle_line(f))
        .or_else(|| source_credit_line(f))
        .or_else(|| report_a_mistake(f))
        .or_else(|| furniture_line(f))
        .or_else(|| furniture_prefix_or_configured(f, extra))
        .or_else(|| picture_credit(f))
        .or_else(|| gallery_counter(f))
        .or_else(|| bracketed_picture_link(f))
        .or_else(|| caption_cue(f))
        .or_else(|| leading_picture_credit(f))
}

/// "no words: symbols only".
fn no_words(f: &Feat) -> Verdict {
    (!f.text.chars().any(char::is_alphanumeric))
        .then(|| (Role::Boilerplate, "no words: symbols only".into()))
}

/// "a bare number (a counter or a page link)".
fn bare_number(f: &Feat) -> Verdict {
    let t = f.text;
    // Four characters are at most sixteen bytes: a paragraph is not counted.
    (t.len() <= 16 && t.chars().count() <= 4 && t.chars().all(|c| c.is_ascii_digit())).then(|| {
        (
            Role::Boilerplate,
            "a bare number (a counter or a page link)".into(),
        )
    })
}

/// A short line opening with a byline label and a capital: "matches `By`".
fn byline_label(f: &Feat) -> Verdict {
    if f.words > 12 {
        return None;
    }
    let (t, lower) = (f.text, f.lower.as_str());
    if !may_open_byline_label(lower) {
        return None;
    }
    for label in ["by ", "written by ", "words by "]
        .iter()
        .chain(BYLINE_LABELS)
    {
        if lower.starts_with(label) {
            let rest = strip_byline_label(t);
            let capital = |c: char| c.is_alphabetic() && !c.is_lowercase();
            if !rest.is_empty() && rest.chars().next().is_some_and(capital) && !f.prose_end {
                let shown = quote_line(&t[..t.len() - rest.len()]);
                return Some((Role::Byline, format!("matches `{}`", shown.trim())));
            }
        }
    }
    None
}

/// Whether a lower-cased line opens with a byte some byline label opens
/// with (`by `, `written by `, `words by ` and `BYLINE_LABELS`).
fn may_open_byline_label(lower: &str) -> bool {
    edge_in(&BYLINE_LABEL_OPENINGS, lower, false) || lower.starts_with(['w', 'b'])
}

/// "names the outlet (`Source:`)".
fn outlet_label(f: &Feat) -> Verdict {
    if f.words > 8 {
        return None;
    }
    let t = f.text;
    let label = OUTLET_LABELS.iter().find(|l| f.lower.starts_with(**l))?;
    (!t[label.len()..].trim().is_empty()).then(|| {
        (
            Role::Boilerplate,
            format!("names the outlet (`{}`)", &t[..label.len()]),
        )
    })
}

/// A short line that is a date, labelled ("matches `Published`") or bare
/// ("the line is a date").
fn date_line(f: &Feat) -> Verdict {
    if f.words > 15 {
        return None;
    }
    let t = f.text;
    for label in [
        "published",
        "updated",
        "posted",
        "last updated",
        "first published",
        "date",
        "modified",
    ] {
        if f.lower.starts_with(label) && parse_date(t).is_some() {
            return Some((Role::Date, format!("matches `{}`", &t[..label.len()])));
        }
    }
    (f.words <= 8 && !f.prose_end && date_dominates(t) && parse_date(t).is_some())
        .then(|| (Role::Date, "the line is a date".into()))
}

/// "a date and time line".
fn clock_time_line(f: &Feat) -> Verdict {
    let t = f.text;
    // The word count first: most lines are too long to ask about times.
    (!f.prose_end && f.words <= 30 && (f.words <= 3 || has_year(t)) && has_clock_time(t))
        .then(|| (Role::Date, "a date and time line".into()))
}

/// "a link or a social handle on a line of its own".
/// `Via Engadget`, `(via Reuters)`: where a post found its story, on a line
/// of its own.
fn source_credit_line(f: &Feat) -> Verdict {
    let lower = f.lower.trim_start_matches(['(', '[']);
    (f.words <= 5 && !f.prose_end && lower.starts_with("via ")).then(|| {
        (
            Role::Boilerplate,
            format!("a source credit `{}`", quote_line(f.text)),
        )
    })
}

fn link_or_handle_line(f: &Feat) -> Verdict {
    (f.words <= 5 && !f.prose_end && f.text.split_whitespace().any(is_link_or_handle)).then(|| {
        (
            Role::Boilerplate,
            "a link or a social handle on a line of its own".into(),
        )
    })
}

/// "asks readers to report a mistake (Ctrl+Enter)".
fn report_a_mistake(f: &Feat) -> Verdict {
    let lower = f.lower.as_str();
    // Both phrasings hold a `+`: most lines have none.
    let plus = memchr::memchr(b'+', lower.as_bytes()).is_some();
    (f.words <= 30 && plus && (lower.contains("ctrl+enter") || lower.contains("ctrl + enter")))
        .then(|| {
            (
                Role::Boilerplate,
                "asks readers to report a mistake (Ctrl+Enter)".into(),
            )
        })
}

/// A short line that is one of the known furniture lines: "matches `Share`".
fn furniture_line(f: &Feat) -> Verdict {
    let stem = f.lower.trim_end_matches([':', ' ']);
    (f.words <= 8 && FURNITURE.contains(&stem)).then(|| {
        (
            Role::Boilerplate,
            format!("matches `{}`", quote_line(f.text)),
        )
    })
}

/// A line opening with a furniture prefix ("starts with `Read more`"), or one
/// holding a pattern the reader configured ("matches the configured pattern").
fn furniture_prefix_or_configured(f: &Feat, extra: &[String]) -> Verdict {
    if f.words > 25 {
        return None;
    }
    let (t, lower) = (f.text, f.lower.as_str());
    let opens_like = edge_in(&FURNITURE_PREFIX_OPENINGS, lower, false);
    if let Some(p) = FURNITURE_PREFIXES
        .iter()
        .find(|p| opens_like && lower.starts_with(**p))
    {
        return Some((
            Role::Boilerplate,
            format!("starts with `{}`", &t[..p.len().min(t.len())].trim()),
        ));
    }
    if f.prose_end && f.words > 3 {
        return None;
    }
    extra
        .iter()
        .find(|pat| !pat.is_empty() && lower.contains(&pat.to_lowercase()))
        .map(|pat| {
            (
                Role::Boilerplate,
                format!("matches the configured pattern `{pat}`"),
            )
        })
}

/// "names a picture credit" (`Photo credit`, `Photograph:`, `Credit:`).
fn picture_credit(f: &Feat) -> Verdict {
    let lower = f.lower.as_str();
    // Every pattern holds `credit`, `photo`, `picture:` or `image:`: lines
    // without `credit` or `photo` are not searched for the rest. The lines
    // are short (`lower` is empty beyond `SHORT_LINE` words): the standard
    // library's search for short needles costs less than setting up a
    // `memmem` searcher for each line.
    let (credit_word, photo_word) = (lower.contains("credit"), lower.contains("photo"));
    let credit = (credit_word
        && (lower.contains("image credit")
            || lower.contains("photo credit")
            || lower.starts_with("credit:")))
        || (photo_word
            && (lower.starts_with("photograph:")
                || lower.starts_with("photo:")
                || lower.contains("(photo:")
                || lower.starts_with("photo by ")))
        || lower.starts_with("picture:")
        || lower.starts_with("image:");
    credit.then(|| (Role::Caption, "names a picture credit".into()))
}

/// "gallery counter `3 of 12`" before a separator.
fn gallery_counter(f: &Feat) -> Verdict {
    if !f.text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // The first ` of ` must follow the opening digits for them to be the
    // counter's number: only there is it looked for.
    let digits = f.text.bytes().take_while(u8::is_ascii_digit).count();
    let (a, rest) = (&f.text[..digits], f.text[digits..].strip_prefix(" of ")?);
    let b: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = rest[b.len()..].trim_start();
    let counter = !a.is_empty()
        && a.bytes().all(|c| c.is_ascii_digit())
        && !b.is_empty()
        && after.starts_with(['|', '/', ':']);
    counter.then(|| (Role::Caption, format!("gallery counter `{a} of {b}`")))
}

/// "bracketed link to a picture or video".
fn bracketed_picture_link(f: &Feat) -> Verdict {
    let t = f.text;
    (t.starts_with('[') && t.ends_with(']') && has_picture_words(&f.lower))
        .then(|| (Role::Caption, "bracketed link to a picture or video".into()))
}

/// A line opening with a media cue: "starts with `Watch:`".
fn caption_cue(f: &Feat) -> Verdict {
    if !edge_in(&CAPTION_CUE_OPENINGS, &f.lower, false) {
        return None;
    }
    let cue = CAPTION_CUES.iter().find(|cue| f.lower.starts_with(**cue))?;
    Some((
        Role::Caption,
        format!("starts with `{}`", &f.text[..cue.len()]),
    ))
}

/// A line opening with an agency or photographer credit before a capital:
/// "starts with a picture credit (`AFP`)".
fn leading_picture_credit(f: &Feat) -> Verdict {
    let t = f.text;
    // Every block asks: a credit's last (first) byte is compared before
    // its whole.
    let (first, last) = (t.as_bytes().first(), t.as_bytes().last());
    if f.prose_end
        && !(edge_in(&CREDIT_ENDINGS, t, true)
            && CREDITS
                .iter()
                .any(|c| c.as_bytes().last() == last && t.ends_with(c)))
    {
        return None;
    }
    if !edge_in(&CREDIT_OPENINGS, t, false) {
        return None;
    }
    let opens_name = |rest: &str| {
        rest.starts_with(' ')
            && rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let credit = CREDITS.iter().find(|credit| {
        credit.as_bytes().first() == first && t.strip_prefix(**credit).is_some_and(opens_name)
    })?;
    Some((
        Role::Caption,
        format!("starts with a picture credit (`{credit}`)"),
    ))
}

/// Whether the text holds a clock time (`17:40`, `9:05`).
fn has_clock_time(t: &str) -> bool {
    let b = t.as_bytes();
    let last = b.len().saturating_sub(2);
    // Only the colons are read around (most lines have none).
    memchr::memchr_iter(b':', b)
        .take_while(|&i| i < last)
        .filter(|&i| i >= 1)
        .any(|i| {
            let before = b[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let after = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            (1..=2).contains(&before) && after == 2
        })
}

/// Whether the text holds a year of this or the last century, as four digits on their own.
fn has_year(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let run = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if run == 4 && (b[i..].starts_with(b"19") || b[i..].starts_with(b"20")) {
            return true;
        }
        i += run.max(1);
    }
    false
}

/// A web address or a social handle (`https://fb.me/x`, `www.x.com`, `@x`).
fn is_link_or_handle(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | '<' | '>' | ','));
    w.contains("://")
        || w.starts_with("www.")
        || (w.len() > 2
            && w.starts_with('@')
            && w[1..]
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.'))
}

/// Whether a line is nothing but a date: at most one word that is not a
/// number, month, weekday, time-zone or am/pm.
fn date_dominates(t: &str) -> bool {
    const DATE_WORDS: &[&str] = &[
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "am", "pm", "a.m.", "p.m.", "gmt", "utc",
        "bst", "cet", "cest", "et", "est", "edt", "pt", "pst", "pdt", "at", "on", "the", "of",
    ];
    let other = t
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let l = w.to_lowercase();
            let l = l.trim_end_matches('.');
            !(l.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '/' | '-' | '.'))
                || DATE_WORDS.contains(&l)
                || super::meta::is_month(l)
                || super::is_calendar_name(l)
                || l.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                    .parse::<u32>()
                    .is_ok())
        })
        .count();
    other <= 1
}

fn fill_metadata(article: &mut Article, feats: &[Feat]) {
    if article.meta.byline.is_none() {
        let parts: Vec<String> = article
            .blocks
            .iter()
            .zip(feats)
            .filter(|(b, _)| b.role == Role::Byline)
            .filter_map(|(_, f)| super::meta::clean_byline(f.text))
            .take(3)
            .collect();
        if !parts.is_empty() {
            article.meta.byline = Some(parts.join(", "));
        }
    }
    if article.meta.date.is_none() {
        article.meta.date = article
            .blocks
            .iter()
            .zip(feats)
            .filter(|(b, _)| b.role == Role::Date)
            .find_map(|(_, f)| parse_date(f.text));
    }
    if article.meta.outlet.is_none() {
        article.meta.outlet = outlet_from_text(article, feats);
    }
    // An HTML page's title has had its site name weighed already.
    let html = article.format == super::Format::Html;
    if let Some(title) = article.meta.title.as_ref().filter(|_| !html) {
        let clean = super::meta::strip_site_name(title, article.meta.outlet.as_deref(), None);
        article.meta.title = Some(clean.to_string());
    }
}

/// Labels of a line that names the outlet ("Source: Reuters").
const OUTLET_LABELS: &[&str] = &["source:", "publisher:", "published by:", "outlet:"];

/// "Source: Reuters" lines, or an agency dateline "LONDON (Reuters) -".
fn outlet_from_text(article: &mut Article, feats: &[Feat]) -> Option<String> {
    for (i, f) in feats.iter().enumerate() {
        for label in OUTLET_LABELS {
            if f.lower.starts_with(label) && f.words <= 8 {
                let value = f.text[label.len()..].trim();
                if !value.is_empty() {
                    if article.blocks[i].role == Role::Body {
                        set(
                            article,
                            i,
                            Role::Boilerplate,
                            format!("matches `{}`", &f.text[..label.len()]),
                        );
                    }
                    return Some(value.to_string());
                }
            }
        }
    }
    let first = article
        .blocks
        .iter()
        .zip(feats)
        .find(|(b, _)| b.role == Role::Body)?
        .1;
    let head: String = first.text.chars().take(80).collect();
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let name = &head[open + 1..close];
    let after = head[close + 1..].trim_start();
    let dash = after.starts_with(['-', '–', '—']);
    let caps_before = head[..open]
        .trim()
        .chars()
        .all(|c| c.is_uppercase() || c == ' ' || c == ',' || c == '.');
    if dash
        && caps_before
        && !name.is_empty()
        && name.len() <= 30
        && name.chars().next().is_some_and(char::is_uppercase)
    {
        return Some(name.to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_time_is_one_or_two_digits_a_colon_and_two() {
        for t in [
            "17:40",
            "9:05",
            "at 9:05 pm",
            "Updated 12:30, May 3",
            "x 1:00:00",
        ] {
            assert!(has_clock_time(t), "{t}");
        }
        for t in [
            "",
            ":30",
            "10:5",
            "123:45",
            "1:234",
            "a:30",
            "17:4",
            "ratio 3:1",
            "no colon",
        ] {
            assert!(!has_clock_time(t), "{t}");
        }
    }

    /// The fast rejections in front of the line rules (an opening byte, a
    /// `+`, a `©`, the digits before ` of `, a key read to its first
    /// difference) answer as the rules read in full did.
    #[test]
    fn quick_rejections_answer_as_the_full_rules() {
        let pieces = [
            "3",
            "12",
            " of ",
            "of",
            " ",
            "|",
            "©",
            "(c)",
            "(C)",
            ")",
            "Ctrl",
            "+",
            "Enter",
            "By ",
            "by:",
            "автор:",
            "Watch:",
            "related",
            "Source",
            "link",
            "Mr.",
            ".",
            "é",
            "ß",
            "x",
            "The",
        ];
        for s in crate::testing::random_texts(&pieces, 5_000, 8, 0x2545_f491_4f6c_dd1d) {
            let full_key = |t: &str| -> String {
                t.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect()
            };
            assert_eq!(
                has_key(&s, &full_key("Source link")),
                full_key(&s) == "sourcelink"
            );
            let counter = s
                .split_once(" of ")
                .filter(|(a, _)| !a.is_empty() && a.bytes().all(|c| c.is_ascii_digit()));
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            let quick = s[digits..]
                .strip_prefix(" of ")
                .map(|rest| (&s[..digits], rest));
            assert_eq!(counter, quick.filter(|(a, _)| !a.is_empty()), "{s:?}");
            let lower = lower_case(&s);
            let stem = lower.trim_end_matches([':', '：', ' ', '.']);
            let quick_marker = stem.len() <= END_MARKER_LONGEST
                && edge_in(&END_MARKER_OPENINGS, stem, false)
                && END_MARKERS.contains(&stem);
            assert_eq!(quick_marker, END_MARKERS.contains(&stem), "{s:?}");
            let f = Feat {
                text: &s,
                lower: lower.clone(),
                words: 3,
                prose_end: false,
                chars: 10,
            };
            let mut labels = ["by ", "written by ", "words by "]
                .iter()
                .chain(BYLINE_LABELS);
            if labels.any(|l| lower.starts_with(l)) {
                assert!(may_open_byline_label(&lower), "{s:?}");
            }
            let cue = CAPTION_CUES.iter().any(|c| lower.starts_with(c));
            assert_eq!(caption_cue(&f).is_some(), cue, "{s:?}");
            let mistake = lower.contains("ctrl+enter") || lower.contains("ctrl + enter");
            assert_eq!(report_a_mistake(&f).is_some(), mistake, "{s:?}");
            let mark = s.contains('©') || s.to_ascii_lowercase().contains("(c)");
            assert_eq!(has_credit_mark(&s), mark, "{s:?}");
        }
    }

    #[test]
    fn chars_up_to_is_a_capped_char_count() {
        let mut s = String::new();
        for piece in ["a", "é", "“", "日", "🎉", " "] {
            for _ in 0..70 {
                s.push_str(piece);
                for cap in [0, 1, 3, 50, 101, 400] {
                    assert_eq!(chars_up_to(&s, cap), s.chars().take(cap).count());
                }
            }
        }
    }

    #[test]
    fn lower_case_is_to_lowercase() {
        let pieces = [
            "A",
            "b",
            " ",
            "’",
            "“Bob”",
            "É",
            "İ",
            "ΣΑΣ",
            "Σ",
            "ß",
            "ẞ",
            "Ǆ",
            "x",
            "The END",
            "说",
            "\u{a0}",
            "K",
            "Å",
        ];
        for s in crate::testing::random_texts(&pieces, 5_000, 10, 0x9e37_79b9_7f4a_7c15) {
            assert_eq!(lower_case(&s), s.to_lowercase(), "{s:?}");
            for cap in [0, 1, 3, CHAR_CAP] {
                assert_eq!(chars_up_to(&s, cap), s.chars().take(cap).count(), "{s:?}");
            }
        }
    }
}
