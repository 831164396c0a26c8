//! The loader: turns any article file into an [`Article`] that keeps every byte.
//!
//! First stage of the flow (`files ─▶ article ─▶ align/story ─▶ report/tui`). An
//! `Article` holds the whole decoded text and describes it with spans: blocks
//! (paragraphs) with a [`Role`] and the reason for it, sentences inside blocks, and
//! metadata. Nothing here knows about terminals or command lines.

mod decode;
mod furniture;
mod html;
mod json;
mod meta;
mod plain;
mod roles;
mod sentence;

pub(crate) use furniture::is_furniture_sentence;
pub(crate) use meta::{is_calendar_name, reads_as_author_note, WEEKDAYS};
pub(crate) use roles::furniture_by_shape_alone;

use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::Path;

pub use meta::parse_date;
pub(crate) use sentence::closers_len;
pub use sentence::split_sentences;

/// The largest input we read; beyond it the file is refused rather than exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// What a block of an article is, as far as the loader can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Title,
    Byline,
    Date,
    Standfirst,
    Subhead,
    Body,
    Caption,
    Boilerplate,
    Related,
}

impl Role {
    /// The name used in reports and in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Byline => "byline",
            Role::Date => "date",
            Role::Standfirst => "standfirst",
            Role::Subhead => "subhead",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Boilerplate => "boilerplate",
            Role::Related => "related",
        }
    }

    /// Whether text of this role is the article's own content (it counts towards
    /// relation and similarity); furniture, captions and teasers do not.
    pub fn is_content(self) -> bool {
        matches!(self, Role::Body | Role::Standfirst | Role::Subhead)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The input format the loader recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// A byte range into [`Article::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A paragraph-level piece of an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub span: Span,
    pub role: Role,
    /// Why a block is not plain body text ("repeats the title", "matches `Share:`").
    pub reason: Option<String>,
    /// Sentences, in order, as spans inside `span`; together they cover every
    /// non-whitespace byte of the block.
    pub sentences: Vec<Span>,
}

/// What the text (or the file's markup) says about the article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// ISO 8601: `2025-02-13`, or `2025-02-13T19:13` when the time is known.
    pub date: Option<String>,
    pub outlet: Option<String>,
}

/// One loaded article: the decoded text and spans that describe it.
#[derive(Clone, Debug)]
pub struct Article {
    /// The path as the user gave it (`-` for standard input).
    pub path: String,
    pub format: Format,
    /// `utf-8`, `utf-16le`, `utf-16be`, or the name `encoding_rs` gives a
    /// declared or detected legacy encoding (`windows-1252`, `Shift_JIS`, `GBK`).
    pub encoding: &'static str,
    /// The text every span indexes: the decoded file for text formats, the
    /// extracted text for HTML and JSON.
    pub text: String,
    pub blocks: Vec<Block>,
    pub meta: Metadata,
    /// What the loader guessed or fixed (decoding, skipped markup, control characters).
    pub notes: Vec<String>,
    /// Whitespace-separated words in the content blocks, counted once at load.
    word_count: usize,
    /// The decoded file, when the loader took bytes out of it for `text`
    /// (line breaks inside words a hard wrap split after a hyphen).
    source: Option<Box<Source>>,
}

/// The text as read, and where the loader's `text` lost bytes of it.
#[derive(Clone, Debug)]
pub(crate) struct Source {
    pub text: String,
    /// For each place bytes left: its offset in `text` of the article and
    /// the bytes gone up to and including it, in order.
    pub shifts: Vec<(usize, usize)>,
}

impl Article {
    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The loader's note that this is not an article as read (a listing
    /// page, no article found by the extractor): the views say it beside the
    /// comparison, not only `inspect`.
    pub fn no_article_note(&self) -> Option<&str> {
        self.notes
            .iter()
            .map(String::as_str)
            .find(|n| n.starts_with(NO_ARTICLE))
    }

    /// The decoded file as read: `text` unless the loader took bytes out
    /// of it (a word a hard wrap split after its hyphen, rejoined). The
    /// JSON contract's `text`, which [`Article::source_offset`] indexes.
    pub fn source_text(&self) -> &str {
        self.source.as_ref().map_or(&self.text, |s| &s.text)
    }

    /// Where the byte offset `at` of `text` stands in
    /// [`Article::source_text`]: after a rejoined line break, further on by
    /// the bytes that left.
    pub fn source_offset(&self, at: usize) -> usize {
        let Some(source) = &self.source else {
            return at;
        };
        let passed = source.shifts.partition_point(|&(pos, _)| pos < at);
        match passed {
            0 => at,
            n => at + source.shifts[n - 1].1,
        }
    }

    /// Where the loader's `text` lost bytes of the source text (see
    /// [`Article::source_offset`]): none when the text is the source.
    pub(crate) fn source_shifts(&self) -> &[(usize, usize)] {
        self.source.as_ref().map_or(&[], |s| &s.shifts)
    }

    /// Whitespace-separated words in the content blocks (body, standfirst, subheads).
    pub fn words(&self) -> usize {
        self.word_count
    }

    /// Blocks whose role is `body`.
    pub fn body_blocks(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.role == Role::Body)
    }

    /// The title for headers and lists: the headline, else "(no title)" and
    /// the opening words of the first paragraph, so untitled articles can
    /// still be told apart. Raw text: displays make it safe.
    pub fn title_line(&self) -> String {
        if let Some(t) = &self.meta.title {
            return t.clone();
        }
        let lede = self
            .blocks
            .iter()
            .find(|b| b.role.is_content())
            .map(|b| self.slice(b.span));
        let Some(text) = lede else {
            return "(no title)".to_string();
        };
        // About ten words, or thirty characters of Chinese or Japanese.
        let mut out = String::from("(no title) ");
        let mut chars = 0;
        let mut cut = false;
        for (k, w) in split_words(text).enumerate() {
            let n = w.chars().count();
            if k == 10 || (k > 0 && chars + n > 60) {
                cut = true;
                break;
            }
            if k > 0 {
                out.push(' ');
            }
            if n > 60 || (w.chars().any(is_cjk) && n > 30) {
                out.extend(w.chars().take(30));
                cut = true;
                break;
            }
            out.push_str(w);
            chars += n + 1;
        }
        if cut {
            out.push('…');
        }
        out
    }

    /// A short name for headers: the outlet, else the file name.
    pub fn short_name(&self) -> String {
        if let Some(o) = &self.meta.outlet {
            return o.clone();
        }
        Path::new(&self.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.clone())
    }

    /// `short_name`, told apart from `other`'s when the two read the same:
    /// the end of the path that differs (`a/source.html` beside
    /// `b/source.html`), after the outlet when one names both.
    pub fn name_beside(&self, other: &Article) -> String {
        let name = self.short_name();
        if name != other.short_name() || self.path == other.path {
            return name;
        }
        let parts = |p: &str| -> Vec<String> {
            Path::new(p)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        };
        let (mine, theirs) = (parts(&self.path), parts(&other.path));
        // Enough trailing components to differ from the other path's.
        let tail = (1..=mine.len())
            .find(|&k| theirs.len() < k || mine[mine.len() - k..] != theirs[theirs.len() - k..])
            .unwrap_or(mine.len());
        let apart = mine[mine.len() - tail..].join("/");
        if self.meta.outlet.is_some() {
            format!("{name} ({apart})")
        } else {
            apart
        }
    }
}

/// Why a file could not be loaded. Each message reads well after "PATH: ".
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no such file")]
    NotFound,
    #[error("is a directory (give the files inside it, or use `storydiff story DIR`)")]
    IsDirectory,
    #[error("permission denied")]
    PermissionDenied,
    #[error("cannot read: {0}")]
    Io(String),
    #[error("file is {0} bytes, more than the {MAX_INPUT_BYTES}-byte limit")]
    TooLarge(u64),
    #[error("empty file: no text to read")]
    Empty,
    #[error("only whitespace: no text to read")]
    Blank,
    #[error("binary file ({0}), not an article")]
    Binary(String),
    #[error("{0}")]
    Format(String),
}

/// How the notes that say the loader found no article begin.
pub const NO_ARTICLE: &str = "no article found";

/// A load failure with the file it concerns; displays as one line, `PATH: what`.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {error}")]
pub struct FileError {
    pub path: String,
    pub error: LoadError,
}

/// Options for loading. Defaults suit the command line.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Force a format instead of guessing from the name and content.
    pub format: Option<Format>,
    /// Extra boilerplate patterns (whole-line, case-insensitive substrings) from the config.
    pub extra_boilerplate: Vec<String>,
    /// The charset the transport declared (HTTP `Content-Type`), a label
    /// `encoding_rs` knows; it decides the decoding when no byte-order mark does.
    pub charset: Option<String>,
}

/// Reads and loads a file (`-` is standard input). A file of many records
/// (JSONL, a JSON array) gives its first article, with a note; `FILE#N` names
/// record N when no file has that name.
pub fn load_article(path: &str, options: &LoadOptions) -> Result<Article, FileError> {
    let wrap = |error| FileError {
        path: path.to_string(),
        error,
    };
    if let Some((file, n)) = record_path(path) {
        let bytes = read_input(file).map_err(wrap)?;
        return load_record(path, bytes, n, options).map_err(wrap);
    }
    let bytes = read_input(path).map_err(wrap)?;
    load_owned(path, bytes, options).map_err(wrap)
}

/// Reads a file and loads every article in it: one for most files, one per
/// record for JSONL and JSON arrays (named `FILE#N`, N from 1). Records that
/// are not articles are skipped with a note on the first article loaded.
pub fn load_articles(path: &str, options: &LoadOptions) -> Result<Vec<Article>, FileError> {
    let wrap = |error| FileError {
        path: path.to_string(),
        error,
    };
    if record_path(path).is_some() {
        return load_article(path, options).map(|a| vec![a]);
    }
    let bytes = read_input(path).map_err(wrap)?;
    let decoded = decode_checked(bytes, options.charset.as_deref()).map_err(wrap)?;
    let format = options
        .format
        .unwrap_or_else(|| guess_format(path, &decoded.text));
    let records = match format {
        Format::Json => json::records(&decoded.text).map_err(wrap)?,
        _ => {
            return load_owned_decoded(path, decoded, options)
                .map(|a| vec![a])
                .map_err(wrap)
        }
    };
    if records.items.len() == 1 {
        return load_owned_decoded(path, decoded, options)
            .map(|a| vec![a])
            .map_err(wrap);
    }
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for (i, item) in records.items.iter().enumerate() {
        let name = format!("{path}#{}", i + 1);
        let built = item
            .as_ref()
            .map_err(String::clone)
            .and_then(json::build_record);
        let article = built.map_err(LoadError::Format).and_then(|b| {
            finish(
                &name,
                format,
                decoded.encoding,
                b,
                decoded.notes.clone(),
                options,
                false,
            )
        });
        match article {
            Ok(a) => articles.push(a),
            Err(e) => skipped.push(format!("{} {} skipped: {e}", records.name(), i + 1)),
        }
    }
    match articles.first_mut() {
        Some(first) => {
            first.notes.extend(skipped);
            Ok(articles)
        }
        None => Err(wrap(LoadError::Format(format!(
            "none of the {} JSON records is an article ({})",
            records.items.len(),
            skipped.first().map(String::as_str).unwrap_or("")
        )))),
    }
}

/// `FILE#N` when no file has that name but FILE exists: record N of FILE.
fn record_path(path: &str) -> Option<(&str, usize)> {
    let (file, n) = path.rsplit_once('#')?;
    let n: usize = n.parse().ok().filter(|&n| n >= 1)?;
    if file.is_empty() || Path::new(path).exists() || !Path::new(file).is_file() {
        return None;
    }
    Some((file, n))
}

/// Record `n` (from 1) of a JSON or JSONL file.
fn load_record(
    name: &str,
    bytes: Vec<u8>,
    n: usize,
    options: &LoadOptions,
) -> Result<Article, LoadError> {
    let decoded = decode_checked(bytes, options.charset.as_deref())?;
    let records = json::records(&decoded.text)?;
    let count = records.items.len();
    let item = records.items.get(n - 1).ok_or_else(|| {
        LoadError::Format(format!("no record {n}: the file holds {count} record(s)"))
    })?;
    let built = item
        .as_ref()
        .map_err(String::clone)
        .and_then(json::build_record)
        .map_err(|why| LoadError::Format(format!("{} {n}: {why}", records.name())))?;
    finish(
        name,
        Format::Json,
        decoded.encoding,
        built,
        decoded.notes,
        options,
        false,
    )
}

fn read_input(path: &str) -> Result<Vec<u8>, LoadError> {
    if path == "-" {
        return read_stream(std::io::stdin().lock());
    }
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory);
    }
    if !meta.is_file() {
        // A pipe or a device (`/dev/urandom`, `<(…)`) has no size to check.
        return read_stream(std::fs::File::open(path).map_err(io_error)?);
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge(meta.len()));
    }
    std::fs::read(path).map_err(io_error)
}

/// Reads a stream of unknown length: up to `MAX_INPUT_BYTES`, and no
/// further than its first bytes when they already show it is binary (an
/// endless device is not read until memory runs out).
fn read_stream(reader: impl Read) -> Result<Vec<u8>, LoadError> {
    let mut reader = reader.take(MAX_INPUT_BYTES + 1);
    let mut buf = Vec::new();
    let io = |e: std::io::Error| LoadError::Io(e.to_string());
    (&mut reader)
        .take(decode::HEAD_BYTES as u64)
        .read_to_end(&mut buf)
        .map_err(io)?;
    if let Some(e) = decode::binary_head(&buf) {
        return Err(e);
    }
    reader.read_to_end(&mut buf).map_err(io)?;
    if buf.len() as u64 > MAX_INPUT_BYTES {
        return Err(LoadError::TooLarge(buf.len() as u64));
    }
    Ok(buf)
}

fn io_error(e: std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound,
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied,
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory,
        _ => {
            // A symlink loop reports ELOOP; say so plainly.
            if e.raw_os_error() == Some(40) {
                LoadError::Io("too many levels of symbolic links".into())
            } else {
                LoadError::Io(e.to_string())
            }
        }
    }
}

/// Loads an article from bytes already read; `path` names it and hints the format.
pub fn load_bytes(path: &str, bytes: &[u8], options: &LoadOptions) -> Result<Article, LoadError> {
    load_owned(path, bytes.to_vec(), options)
}

/// `load_bytes`, keeping the bytes as the text when they are UTF-8.
fn load_owned(path: &str, bytes: Vec<u8>, options: &LoadOptions) -> Result<Article, LoadError> {
    let decoded = decode_checked(bytes, options.charset.as_deref())?;
    load_owned_decoded(path, decoded, options)
}

fn load_owned_decoded(
    path: &str,
    decoded: decode::Decoded,
    options: &LoadOptions,
) -> Result<Article, LoadError> {
    let format = options
        .format
        .unwrap_or_else(|| guess_format(path, &decoded.text));
    let mut notes = decoded.notes;
    // The text formats only take whitespace out of the decoded text: when it
    // held no control character, neither does the article's.
    let no_controls = decoded.no_controls && matches!(format, Format::Text | Format::Markdown);
    let built = build(format, decoded.text, &mut notes)?;
    let encoding = decoded.encoding;
    finish(path, format, encoding, built, notes, options, no_controls)
}

/// Decodes (with the charset a transport declared, if any), refusing empty
/// and blank input.
fn decode_checked(bytes: Vec<u8>, charset: Option<&str>) -> Result<decode::Decoded, LoadError> {
    let decoded = decode::decode_declared(bytes, charset)?;
    if decoded.text.trim().is_empty() {
        return Err(if decoded.text.is_empty() {
            LoadError::Empty
        } else {
            LoadError::Blank
        });
    }
    Ok(decoded)
}

/// The format builder: text and raw blocks with the roles markup gave (the
/// text formats keep the decoded text itself, without a copy).
fn build(format: Format, text: String, notes: &mut Vec<String>) -> Result<Built, LoadError> {
    Ok(match format {
        Format::Text => plain::build(text, plain::Flavour::Text, notes),
        Format::Markdown => plain::build(text, plain::Flavour::Markdown, notes),
        Format::Html => html::build(&text, notes)?,
        Format::Json => json::build(&text, notes)?,
    })
}

/// Roles, sentences, metadata and word count for built blocks (`no_controls`:
/// the text is known to hold no control character).
fn finish(
    path: &str,
    format: Format,
    encoding: &'static str,
    built: Built,
    notes: Vec<String>,
    options: &LoadOptions,
    no_controls: bool,
) -> Result<Article, LoadError> {
    let Built {
        text,
        blocks,
        meta,
        markup: page_markup,
        extracted_words,
        source,
    } = built;
    let mut article = Article {
        path: path.to_string(),
        format,
        encoding,
        text,
        blocks,
        meta,
        notes,
        word_count: 0,
        source: source.map(Box::new),
    };
    if article.blocks.is_empty() {
        return Err(LoadError::Format("no article text found".into()));
    }
    roles::classify(&mut article, &options.extra_boilerplate, &page_markup);
    if let Some(extracted) = extracted_words {
        roles::keep_the_extractors_judgement(&mut article, &page_markup, extracted);
        roles::note_listing_page(&mut article, &page_markup);
        roles::note_little_body(&mut article);
    }
    let markdown = article.format == Format::Markdown;
    for block in &mut article.blocks {
        block.sentences.clear();
        // Room for a paragraph's sentences at once (grown from one, a
        // noticeable share of loading a short article).
        block.sentences.reserve(8);
        let mut span = block.span;
        if markdown {
            // `# `, `> `, `- ` are markup: in the block, outside its sentences.
            span.start += plain::markdown_prefix_len(&article.text[span.range()]);
        }
        split_sentences(&article.text, span, &mut block.sentences);
    }
    if article.meta.title.is_none() {
        article.meta.title = meta::title_from_file_name(path);
    }
    if !no_controls {
        note_control_characters(&mut article);
    }
    article.word_count = article
        .blocks
        .iter()
        .filter(|b| b.role.is_content())
        .map(|b| {
            let r = b.span.range();
            block_words(&article.text.as_bytes()[r.clone()], &article.text[r])
        })
        .sum();
    Ok(article)
}

/// What a format builder hands back: the text spans index, raw blocks with any
/// roles the markup gave, and metadata from fields or tags.
pub(crate) struct Built {
    pub text: String,
    pub blocks: Vec<Block>,
    pub meta: Metadata,
    /// What the markup said of each block (HTML; empty for other formats).
    pub markup: Vec<Markup>,
    /// Words in the extractor's main text (HTML, when the extractor found one).
    pub extracted_words: Option<usize>,
    /// The decoded text, when `text` is not it.
    pub source: Option<Source>,
}

/// What a page's markup said of one block, beyond its role.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Markup {
    /// The role came from a class or id name, not from the element.
    pub from_class: bool,
    /// The block is an item of a list or a table cell (`li`, `dd`, `td`, `th`).
    pub list_item: bool,
    /// The block is a line after a `<br>` in the same element: the next
    /// line of one text (a poem's, a changelog's), not a text of its own.
    pub after_br: bool,
}

/// A block with no role decided yet (it starts as body; `roles::classify` refines it).
pub(crate) fn raw_block(start: usize, end: usize) -> Block {
    Block {
        span: Span::new(start, end),
        role: Role::Body,
        reason: None,
        sentences: Vec::new(),
    }
}

fn guess_format(path: &str, text: &str) -> Format {
    let lower = path.to_ascii_lowercase();
    let ext = Path::new(&lower)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    match ext {
        "html" | "htm" | "xhtml" => return Format::Html,
        "json" | "jsonl" | "ndjson" => return Format::Json,
        "md" | "markdown" => return Format::Markdown,
        "txt" | "text" => return Format::Text,
        _ => {}
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && (head.contains("<body") || head.contains("<head")))
    {
        Format::Html
    } else if (head.starts_with('{') || head.starts_with('['))
        && json::looks_like_scraper_json(text)
    {
        Format::Json
    } else {
        Format::Text
    }
}

/// Characters of scripts written without spaces between words (Chinese
/// characters, Japanese kana): each counts as a word, and word diffs compare
/// them one by one. Hangul is written with spaces and is left alone.
pub(crate) fn is_cjk(c: char) -> bool {
    // Most characters asked about are ASCII or Latin: one compare.
    (c as u32) >= 0x3040
        && matches!(c as u32,
            0x3040..=0x30FF      // Hiragana, Katakana
            | 0x31F0..=0x31FF    // Katakana phonetic extensions
            | 0x3400..=0x4DBF    // CJK extension A
            | 0x4E00..=0x9FFF    // CJK unified ideographs
            | 0xF900..=0xFAFF    // CJK compatibility ideographs
            | 0xFF66..=0xFF9D    // Half-width katakana
            | 0x20000..=0x323AF  // CJK extensions B–H
        )
}

/// Where words start, the one rule every word count follows: after
/// whitespace, at each Chinese or Japanese character, and at the first letter
/// or digit after one ("说，Trump" is two words; punctuation between the
/// characters is not a word).
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordStarts {
    pub after_space: bool,
    pub after_cjk: bool,
}

impl Default for WordStarts {
    fn default() -> Self {
        WordStarts {
            after_space: true,
            after_cjk: false,
        }
    }
}

impl WordStarts {
    pub fn space(&mut self) {
        self.after_space = true;
        self.after_cjk = false;
    }

    /// Whether the non-space character `c` starts a word.
    pub fn starts(&mut self, c: char) -> bool {
        if is_cjk(c) {
            self.after_space = false;
            self.after_cjk = true;
            return true;
        }
        let start = self.after_space || (self.after_cjk && c.is_alphanumeric());
        self.after_space = false;
        if start {
            self.after_cjk = false;
        }
        start
    }
}

/// The display word count of a block: whitespace-separated words, with each
/// Chinese or Japanese character a word of its own.
fn block_words(b: &[u8], text: &str) -> usize {
    // A no-break space (U+00A0) separates words as a space does. ASCII (most
    // blocks of English) is told faster than the wide spaces are looked for.
    if b.is_ascii() || !has_wide_space_or_cjk(b) {
        return count_words(b);
    }
    unicode_word_count(text, usize::MAX)
}

/// Words separated by ASCII whitespace, counted over bytes (the display count;
/// the engine counts its own).
fn count_words(b: &[u8]) -> usize {
    // A word starts at each non-space byte after a space (or at the start).
    // Branch-free sums of bytes over short chunks: the compiler vectorises it.
    #[inline(always)]
    fn space(c: u8) -> u8 {
        u8::from((c == b' ') | (c.wrapping_sub(b'\t') < 5))
    }
    let mut n = usize::from(b.first().is_some_and(|&c| space(c) == 0));
    if b.len() < 2 {
        return n;
    }
    for (x, y) in b[..b.len() - 1].chunks(128).zip(b[1..].chunks(128)) {
        let mut starts = 0u8;
        for (&a, &c) in x.iter().zip(y) {
            starts += space(a) & (space(c) ^ 1);
        }
        n += usize::from(starts);
    }
    n
}

/// Words as every count reads them: whitespace-separated, with each Chinese
/// or Japanese character a word of its own (`WordStarts`); counting stops at
/// `cap` (a result of `cap` means "at least that many").
pub(crate) fn unicode_word_count(s: &str, cap: usize) -> usize {
    // A capped count of a long paragraph is usually reached in its opening
    // bytes: the words there are at most the words of the whole.
    const HEAD: usize = 384;
    if s.len() <= HEAD && s.is_ascii() {
        // A short line of ASCII (most lines of English): bytes, no search for
        // wide spaces.
        return count_words(s.as_bytes()).min(cap);
    }
    if cap != usize::MAX && s.len() > HEAD {
        let mut end = HEAD;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let head = &s.as_bytes()[..end];
        if !has_wide_space_or_cjk(head) && count_words(head) >= cap {
            return cap;
        }
    }
    // Text with no whitespace beyond ASCII and no Chinese or Japanese
    // character counts by bytes; a long text only when it is counted whole
    // (a capped count of a long paragraph stops early instead).
    if (cap == usize::MAX || s.len() <= 4096) && !has_wide_space_or_cjk(s.as_bytes()) {
        return count_words(s.as_bytes()).min(cap);
    }
    let mut n = 0;
    for w in split_words(s) {
        // Lead bytes of the CJK ranges (U+3040 and up) are 0xE3 and higher.
        n += if w.bytes().any(|c| c >= 0xE3) {
            let mut starts = WordStarts::default();
            w.chars().filter(|&c| starts.starts(c)).count()
        } else {
            1
        };
        if n >= cap {
            return cap;
        }
    }
    n
}

/// Whether the bytes hold Unicode whitespace beyond ASCII (U+0085, U+00A0,
/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F) or a character
/// from U+3000 up (Chinese and Japanese among them). Typographic quotes and
/// dashes (U+2010–U+2027) share their lead byte with the spaces and are told
/// apart by the bytes after it.
fn has_wide_space_or_cjk(b: &[u8]) -> bool {
    // Eight bytes at a time: a word of ASCII (most of them) is passed over
    // at once, and in the others only the bytes that may open such a
    // character are read. Curly quotes (most of what is not ASCII in
    // English) open with one of them and are told apart by the bytes after.
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        if v & HIGH != 0 && wide_in_word(b, at, v) {
            return true;
        }
        at += 8;
    }
    let v = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0, |v, &c| v << 8 | u64::from(c));
    v & HIGH != 0 && wide_in_word(b, at, v)
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Whether a byte of `v` (the bytes of `b` at `at`, little-endian, zeros
/// past its end) opens whitespace beyond ASCII or a character from U+3000
/// up: 0xC2 and from 0xE1 may, and are read with the bytes after them.
#[inline]
fn wide_in_word(b: &[u8], at: usize, v: u64) -> bool {
    // With the high bit off, 0xC2 is 0x42 and 0xE1 and up are 0x61 and up
    // (no continuation byte, 0x80 to 0xBF, is either).
    let low7 = v & !HIGH;
    let from_e1 = (low7 + ONES * (0x80 - 0x61)) & HIGH;
    let is_c2 = !((low7 ^ (ONES * 0x42)) + !HIGH) & HIGH;
    let mut may = v & HIGH & (from_e1 | is_c2);
    while may != 0 {
        let k = at + (may.trailing_zeros() / 8) as usize;
        if wide_space_or_cjk_at(b, k, b[k]) {
            return true;
        }
        may &= may - 1;
    }
    false
}

/// Whether byte `c` at `at` opens whitespace beyond ASCII or a character
/// from U+3000 up (`has_wide_space_or_cjk`).
#[inline(always)]
fn wide_space_or_cjk_at(b: &[u8], at: usize, c: u8) -> bool {
    let next = |d: usize| b.get(at + d).copied().unwrap_or(0);
    match c {
        0xC2 => matches!(next(1), 0x85 | 0xA0),
        0xE1 => next(1) == 0x9A && next(2) == 0x80,
        0xE2 => matches!(
            (next(1), next(2)),
            (0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) | (0x81, 0x9F)
        ),
        c => c >= 0xE3,
    }
}

/// The words of `s` as `str::split_whitespace` gives them (Unicode
/// whitespace), over bytes: only the lead bytes of whitespace characters
/// beyond ASCII are decoded.
pub(crate) fn split_words(s: &str) -> Words<'_> {
    Words { s, i: 0 }
}

pub(crate) struct Words<'a> {
    s: &'a str,
    i: usize,
}

/// Whether an ASCII byte is whitespace: space, tab, line feed, vertical
/// tab, form feed, carriage return — Unicode's White_Space in ASCII, the one
/// rule for word counts, sentence keys and word diffs (`u8::is_ascii_whitespace`
/// leaves the vertical tab out).
#[inline(always)]
pub(crate) const fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b >= b'\t' && b <= b'\r')
}

/// Byte classes for `Words`: 0 a word byte, 1 ASCII whitespace, 2 the lead
/// byte of U+0085, U+00A0, U+1680, U+2000–U+205F or U+3000 (decode to tell;
/// never a continuation byte, so always at a character boundary).
const SPACE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    t[b' ' as usize] = 1;
    let mut c = b'\t';
    while c <= b'\r' {
        t[c as usize] = 1;
        c += 1;
    }
    t[0xC2] = 2;
    t[0xE1] = 2;
    t[0xE2] = 2;
    t[0xE3] = 2;
    t
};

impl Words<'_> {
    /// Byte length of the whitespace character at `i`, or 0.
    #[inline(always)]
    fn space_len(&self, i: usize) -> usize {
        match SPACE_CLASS[self.s.as_bytes()[i] as usize] {
            0 => 0,
            1 => 1,
            _ => self.wide_space_len(i),
        }
    }

    #[cold]
    fn wide_space_len(&self, i: usize) -> usize {
        match self.s[i..].chars().next() {
            Some(ch) if ch.is_whitespace() => ch.len_utf8(),
            _ => 0,
        }
    }
}

/// The first byte from `i` on that is not printable ASCII (whitespace, a
/// control byte or a byte of a character beyond ASCII), or the length.
/// Eight bytes at a time: words are read this way at every stage, and byte
/// by byte the search was most of the cost.
#[inline(always)]
fn past_printable(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Bytes from 0x80, and bytes below 0x21 (a borrow starts only at
        // such a byte, so the lowest flag is exact: all that is read).
        let stop = (v | (v.wrapping_sub(ONES * 0x21) & !v)) & HIGH;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && (0x21..0x80).contains(&b[i]) {
        i += 1;
    }
    i.min(b.len())
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        let n = b.len();
        loop {
            if self.i >= n {
                return None;
            }
            match self.space_len(self.i) {
                0 => break,
                l => self.i += l,
            }
        }
        let start = self.i;
        let mut i = start + 1;
        loop {
            // Printable ASCII up to the next byte that may be a space, then
            // decide.
            i = past_printable(b, i);
            if i >= n || self.space_len(i) > 0 {
                break;
            }
            i += 1;
        }
        self.i = i;
        Some(&self.s[start..i])
    }
}

/// Control characters stay in the text (nothing is lost); the note tells the
/// reader they are there and that displays show them as placeholders.
fn note_control_characters(article: &mut Article) {
    // A byte scan: C0 controls and DEL are single bytes, C1 controls are
    // 0xC2 0x80..=0x9F in UTF-8; anything else cannot be a control character.
    let b = article.text.as_bytes();
    let mut escapes = 0usize;
    let mut others = 0usize;
    decode::for_each_suspect(b, |i| match b[i] {
        0x1b => escapes += 1,
        0x00..=0x1f | 0x7f => others += 1,
        0xC2 if b.get(i + 1) == Some(&0x9B) => escapes += 1,
        0xC2 if matches!(b.get(i + 1), Some(0x80..=0x9F)) => others += 1,
        _ => {}
    });
    if escapes > 0 {
        article.notes.push(format!(
            "contains {escapes} terminal escape character(s); shown as placeholders"
        ));
    }
    if others > 0 {
        article.notes.push(format!(
            "contains {others} other control character(s); shown as placeholders"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_printable_stops_where_a_byte_loop_stops() {
        let slow = |b: &[u8], i: usize| {
            (i..b.len())
                .find(|&k| !(0x21..0x80).contains(&b[k]))
                .unwrap_or(b.len())
        };
        let mut bytes: Vec<u8> = (0..=255u8).collect();
        bytes.extend(b"plain words, then more of them.");
        for shift in 0..24 {
            bytes.rotate_left(11);
            for i in 0..=bytes.len() {
                assert_eq!(past_printable(&bytes, i), slow(&bytes, i), "{shift} {i}");
            }
        }
    }

    #[test]
    fn wide_spaces_and_cjk_are_found_at_any_offset() {
        let wide = |t: &str| {
            t.chars()
                .any(|c| (c.is_whitespace() && !c.is_ascii()) || u32::from(c) >= 0x3000)
        };
        let pieces = [
            "a",
            " ",
            "word ",
            "\u{a0}",
            "\u{85}",
            "\u{1680}",
            "\u{2009}",
            "\u{2028}",
            "\u{202f}",
            "\u{205f}",
            "\u{3000}",
            "“",
            "—",
            "é",
            "\u{c2}",
            "ᚠ",
            "日",
            "\u{1f600}",
            "abcdefghijklm",
        ];
        for s in crate::testing::random_texts(&pieces, 5_000, 60, 0x1319_8a2e_0370_7344) {
            assert_eq!(has_wide_space_or_cjk(s.as_bytes()), wide(&s), "{s:?}");
            assert!(split_words(&s).eq(s.split_whitespace()), "{s:?}");
        }
    }

    #[test]
    fn names_that_read_the_same_are_told_apart_by_their_paths() {
        let load = |path: &str| {
            load_bytes(path, b"A sentence of text.\n", &LoadOptions::default()).unwrap()
        };
        let (a, b) = (load("pages/a/source.html"), load("pages/b/source.html"));
        assert_eq!(a.name_beside(&b), "a/source.html");
        assert_eq!(b.name_beside(&a), "b/source.html");
        let c = load("other.txt");
        assert_eq!(a.name_beside(&c), "source.html");
        assert_eq!(a.name_beside(&a), "source.html");
        let (mut d, mut e) = (load("x/one.html"), load("x/two.html"));
        d.meta.outlet = Some("The Ledger".into());
        e.meta.outlet = Some("The Ledger".into());
        assert_eq!(d.name_beside(&e), "The Ledger (one.html)");
        let f = load("source.html");
        assert_eq!(f.name_beside(&a), "source.html");
    }

    #[test]
    fn untitled_articles_are_named_by_their_opening_words() {
        let load = |t: &str| load_bytes("x.txt", t.as_bytes(), &LoadOptions::default()).unwrap();
        let a = load("The defence secretary said on Thursday that everything was on the table for talks.\n\nMore.\n");
        assert_eq!(
            a.title_line(),
            "(no title) The defence secretary said on Thursday that everything was…"
        );
        let a = load("美国国防部长赫格塞斯周三在布鲁塞尔表示，结束乌克兰战争的一切选项都在谈判桌上。\n\n他说。\n");
        assert_eq!(
            a.title_line(),
            "(no title) 美国国防部长赫格塞斯周三在布鲁塞尔表示，结束乌克兰战争的一切…"
        );
        let a = load("Short one.\n\nAnother paragraph here.\n");
        assert_eq!(a.title_line(), "(no title) Short one.");
    }

    #[test]
    fn chinese_and_japanese_characters_count_one_by_one() {
        let t = "美国国防部长 said 日本語のテキスト ok";
        assert_eq!(block_words(t.as_bytes(), t), 6 + 1 + 8 + 1);
        let t = "한국어 문장입니다";
        assert_eq!(block_words(t.as_bytes(), t), 2);
        assert_eq!(block_words(b"plain words here", "plain words here"), 3);
        // The roles' capped count reads Chinese the same way.
        assert_eq!(unicode_word_count("美国 said，说", 100), 4);
        assert_eq!(unicode_word_count("美国 said，说", 2), 2);
    }

    #[test]
    fn a_no_break_space_separates_words() {
        let t = "vetoed by Democratic\u{a0}Gov. John\u{2009}Bel Edwards";
        assert_eq!(block_words(t.as_bytes(), t), 7);
    }

    #[test]
    fn word_counts_agree_with_split_whitespace() {
        let pieces = [
            "a",
            "Bé",
            " ",
            "\t",
            "\n",
            "\r\n",
            "\u{a0}",
            "\u{85}",
            "\u{1680}",
            "\u{2002}",
            "\u{2009}",
            "\u{200b}",
            "\u{2028}",
            "\u{202f}",
            "\u{205f}",
            "\u{3000}",
            "“",
            "—",
            "日本",
            "\u{1f600}",
            "\x0b",
            "\x0c",
            "\x1c",
        ];
        for s in crate::testing::random_texts(&pieces, 5000, 9, 0x9e37_79b9_7f4a_7c15) {
            let words = s.split_whitespace().count();
            if !s.chars().any(is_cjk) {
                assert_eq!(unicode_word_count(&s, usize::MAX), words, "{s:?}");
                assert_eq!(unicode_word_count(&s, 3), words.min(3), "{s:?}");
            }
            assert!(split_words(&s).eq(s.split_whitespace()), "{s:?}");
            if s.is_ascii() {
                assert_eq!(
                    count_words(s.as_bytes()),
                    s.split_whitespace().count(),
                    "{s:?}"
                );
            }
        }
    }
}
