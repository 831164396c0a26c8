//! HTML: the main text extracted by `dom_smoothie` (a Readability port that
//! measured best on our annotated pages), then split into blocks with roles
//! from the markup (`h1` title, headings, `figcaption`, byline and furniture
//! classes, `aside`/`nav`/`footer`). The article's text is the extracted text,
//! blocks separated by blank lines.
//!
//! The page is parsed once and prepared before extraction: nesting deeper than
//! browsers lay out is flattened (the extractor measures every container's
//! text, which costs time in proportion to depth), and headings' classes are
//! set aside so the extractor does not drop a `<h2 class="subheader">` as
//! furniture. Markup roles never swallow the article: a class matches only as
//! a whole word or hyphen/underscore part (`promo` is not `node-promoted`), and
//! a container holding most of the main text is never furniture as a whole.

use std::collections::{HashMap, HashSet};

use dom_query::{Document, NodeId, NodeRef};

use super::{raw_block, Block, Built, LoadError, Metadata, Role};

/// Deeper elements are moved up to this depth before extraction: real pages
/// stay far below it, and it bounds the extractor's work on hostile nesting.
const MAX_DEPTH: usize = 64;

/// The extractor measures each container's whole text, so its work is the
/// page's text times the number of containers above it. A page whose text
/// bytes (scripts' included) times their depth exceed this (the largest of
/// the Readability and newspaper4k test pages comes to 10 MiB) is read with
/// its deeper elements moved up to the deepest level that keeps it within,
/// never shallower than `MIN_DEPTH`.
const DEPTH_BUDGET: usize = 64 << 20;

/// The shallowest level a large page's nesting is moved up to.
const MIN_DEPTH: usize = 8;

/// A container holding more than this share of the main text's words is never
/// furniture, a caption or a byline as a whole, whatever its class says.
const CONTAINER_SHARE: f64 = 0.4;

/// Elements whose text is never article prose.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas",
    "select", "button", "input", "textarea", "form", "head", "math",
];

/// Elements that end the running paragraph.
const BLOCK_LEVEL: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "main",
    "address",
    "hr",
    "br",
    "details",
    "summary",
    "center",
    "time",
];

#[derive(Clone)]
struct Hint {
    role: Role,
    reason: String,
    /// The role came from a class or id name (not from the element itself).
    from_class: bool,
}

#[derive(Default)]
struct Collector {
    text: String,
    blocks: Vec<Block>,
    /// What the markup said of each block (parallel to `blocks`).
    markup: Vec<super::Markup>,
    buf: String,
    buf_hint: Option<Hint>,
    buf_list: bool,
    /// The buffered text follows a `<br>` in the same element.
    buf_after_br: bool,
    seen_h1: bool,
    /// Words of text under elements of the extracted content, as counted.
    words: HashMap<NodeId, usize>,
    total_words: usize,
    /// Classes that would have made most of the article furniture, ignored.
    overruled: Vec<String>,
}

impl Collector {
    fn flush(&mut self) {
        let t = self.buf.trim();
        if !t.is_empty() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            let start = self.text.len();
            self.text.push_str(t);
            let mut b = raw_block(start, self.text.len());
            let mut markup = super::Markup {
                list_item: self.buf_list,
                after_br: self.buf_after_br,
                ..Default::default()
            };
            if let Some(h) = self.buf_hint.take() {
                markup.from_class = h.from_class;
                (b.role, b.reason) = if h.role == Role::Byline && author_biography(t) {
                    (
                        Role::Boilerplate,
                        Some(format!("{}: an author's biography", h.reason)),
                    )
                } else {
                    (h.role, Some(h.reason))
                };
            }
            self.blocks.push(b);
            self.markup.push(markup);
            self.buf_after_br = false;
        }
        self.buf.clear();
        self.buf_hint = None;
        self.buf_list = false;
    }

    fn push_text(&mut self, s: &str, hint: Option<&Hint>, list: bool) {
        if self.buf.trim().is_empty() {
            self.buf_hint = hint.cloned();
            self.buf_list = list;
        }
        for (i, part) in s.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.buf.ends_with(' ') {
                self.buf.push(' ');
            }
            self.buf.push_str(part);
        }
    }

    fn push_block(&mut self, text: &str, role: Role, reason: &str, from_class: bool) {
        self.flush();
        self.buf.push_str(text);
        self.buf_hint = Some(Hint {
            role,
            reason: reason.into(),
            from_class,
        });
        self.flush();
    }

    /// Whether an element holds so much of the main text that no class may
    /// make it furniture as a whole. Counted only for elements with such a
    /// class (few), each once; nesting is capped, so this stays linear.
    fn holds_most_text(&mut self, node: &NodeRef) -> bool {
        let words = *self
            .words
            .entry(node.id)
            .or_insert_with(|| subtree_words(*node));
        words >= 40 && words as f64 > self.total_words as f64 * CONTAINER_SHARE
    }
}

/// Prose under byline markup, more than 25 words and a sentence ending
/// inside (`Alexia Tsotsis currently works for TechCrunch as a writer. She is
/// also…`): a biography, no byline.
fn author_biography(text: &str) -> bool {
    let sentences = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| w[0].ends_with('.') && w[1].starts_with(char::is_uppercase))
        .count();
    text.split_whitespace().count() > 25 && sentences >= 1
}

/// The class, id and `itemprop` names of an element, and those set aside
/// from headings before extraction, as lower-case parts split at anything
/// but letters and digits (`entry-content_main` → `entry`, `content`, `main`).
fn name_parts(node: &NodeRef) -> Vec<String> {
    let mut parts = Vec::new();
    for attr in ["class", "id", "itemprop", SET_ASIDE] {
        if let Some(v) = node.attr(attr) {
            parts.extend(
                v.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|p| !p.is_empty())
                    .map(String::from),
            );
        }
    }
    parts
}

/// Whether the parts hold `pattern` (`read-more`: "read" followed by "more").
fn has_parts(parts: &[String], pattern: &str) -> bool {
    let want: Vec<&str> = pattern.split('-').collect();
    parts
        .windows(want.len())
        .any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
}

fn class_hint(node: &NodeRef) -> Option<Hint> {
    let parts = name_parts(node);
    if parts.is_empty() && node.attr("rel").is_none() {
        return None;
    }
    let has = |p: &str| has_parts(&parts, p);
    let any = |ps: &[&str]| ps.iter().any(|p| has(p));
    let hint = |role, what: &str| {
        Some(Hint {
            role,
            reason: format!("HTML {what}"),
            from_class: true,
        })
    };
    let rel = node
        .attr("rel")
        .map(|r| r.to_lowercase())
        .unwrap_or_default();
    if rel == "author" || any(&["byline", "author", "byline-name", "author-name"]) {
        return hint(Role::Byline, "byline markup");
    }
    if any(&["caption", "credit", "figcaption", "photo-credit"]) {
        return hint(Role::Caption, "caption markup");
    }
    if has("video") {
        return hint(Role::Caption, "video embed markup");
    }
    if has("icon") && node.text().trim().chars().count() <= 2 {
        // An icon font's glyph (`<span class="icon">S</span>`), no text.
        return hint(Role::Boilerplate, "icon markup (a glyph)");
    }
    if any(&[
        "standfirst",
        "dek",
        "subtitle",
        "subheadline",
        "deck",
        "summary-lede",
    ]) {
        return hint(Role::Standfirst, "standfirst markup");
    }
    if any(&[
        "related",
        "recirc",
        "more-stories",
        "read-more",
        "readmore",
        "most-popular",
        "trending",
    ]) {
        return hint(Role::Related, "related-stories markup");
    }
    if any(&[
        "share",
        "sharing",
        "social",
        "newsletter",
        "promo",
        "advert",
        "advertisement",
        "sponsor",
        "sponsored",
        "ad",
        "ads",
        "adslot",
        "dfp",
    ]) {
        return hint(Role::Boilerplate, "furniture markup (share, promo, ad)");
    }
    None
}

fn tag_hint(name: &str, c: &Collector) -> Option<Hint> {
    let hint = |role, reason: String| {
        Some(Hint {
            role,
            reason,
            from_class: false,
        })
    };
    match name {
        "h1" if !c.seen_h1 => hint(Role::Title, "HTML `h1`".into()),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => hint(Role::Subhead, format!("HTML `{name}`")),
        "figcaption" | "caption" => hint(Role::Caption, format!("HTML `{name}`")),
        "aside" | "nav" | "footer" => hint(Role::Boilerplate, format!("inside HTML `{name}`")),
        "time" => hint(Role::Date, "HTML `time`".into()),
        _ => None,
    }
}

/// Words of text under `root`.
fn subtree_words(root: NodeRef) -> usize {
    root.descendants_it()
        .filter(|n| n.is_text())
        .map(|n| super::unicode_word_count(&n.text(), usize::MAX))
        .sum()
}

/// The hint an element passes to its text: its own (class, then tag; for
/// `h1` the tag first), unless a furniture container around it already decided.
fn element_hint(
    node: &NodeRef,
    name: &str,
    inherited: Option<&Hint>,
    c: &mut Collector,
) -> Option<Hint> {
    let mut class = class_hint(node);
    if class.is_some() && c.holds_most_text(node) {
        // A class must not make most of the article furniture (a Drupal
        // `node-promoted` article, an `entry-content-read-more` body).
        if let Some(h) = &class {
            c.overruled.push(format!("{} ({})", h.reason, h.role));
        }
        class = None;
    }
    let mut tag = tag_hint(name, c);
    if tag.as_ref().is_some_and(|h| h.role == Role::Boilerplate) && c.holds_most_text(node) {
        tag = None;
    }
    let own = if name == "h1" {
        tag.or(class)
    } else {
        class.or(tag)
    };
    if name == "h1" && own.as_ref().is_some_and(|h| h.role == Role::Title) {
        c.seen_h1 = true;
    }
    match (inherited, own) {
        (Some(h), _) if h.role == Role::Boilerplate || h.role == Role::Related => Some(h.clone()),
        // Headings inside the article are its subheads, whatever the class.
        (_, Some(o)) if o.role == Role::Subhead => Some(o),
        (_, Some(o)) => Some(o),
        (h, None) => h.cloned(),
    }
}

/// Walks `root` with an explicit stack (deeply nested pages must not overflow).
fn collect(root: NodeRef, c: &mut Collector, skipped: &mut usize) {
    enum Step<'a> {
        Enter(NodeRef<'a>, Option<Hint>, bool),
        Leave(bool),
    }
    c.total_words = subtree_words(root);
    let mut stack = vec![Step::Enter(root, None, false)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => {
                if block {
                    c.flush();
                }
            }
            Step::Enter(node, hint, list) => {
                if node.is_text() {
                    c.push_text(&node.text(), hint.as_ref(), list);
                    continue;
                }
                let name = node
                    .node_name()
                    .map(|n| n.to_lowercase())
                    .unwrap_or_default();
                if node.is_comment() || SKIPPED.contains(&name.as_str()) {
                    if node.is_element() && name != "head" {
                        *skipped += 1;
                    }
                    continue;
                }
                if name == "img" {
                    continue;
                }
                let block = BLOCK_LEVEL.contains(&name.as_str());
                if block {
                    c.flush();
                    // Text after a `<br>` is the next line of the same text
                    // (a poem's, an address's); after any other block
                    // element, a text of its own.
                    c.buf_after_br = name == "br";
                }
                let inherited = if node.is_element() {
                    element_hint(&node, &name, hint.as_ref(), c)
                } else {
                    hint
                };
                // Items of lists and cells of tables are data, read as body.
                let list = (list || matches!(name.as_str(), "li" | "dd" | "td" | "th"))
                    && !name.starts_with('h');
                stack.push(Step::Leave(block));
                let children: Vec<NodeRef> = node.children_it(true).collect();
                for child in children {
                    stack.push(Step::Enter(child, inherited.clone(), list));
                }
            }
        }
    }
    c.flush();
}

/// Open elements a parser keeps track of, as browsers cap them: start tags
/// deeper than this are left out of the markup (their text stays).
const MAX_PARSE_DEPTH: usize = 512;

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "plaintext"];

/// Elements a start tag of the same name closes (`<p>a<p>b`, `<li>`…).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];

/// The page with start tags nested deeper than `MAX_PARSE_DEPTH` (and their
/// end tags) removed. An HTML parser checks the open elements on each start
/// tag, so 10,000 nested `<div>`s cost it 10,000² steps; browsers cap the
/// depth the same way. A quick scan of tags; pages within the cap come back
/// untouched, without a copy.
fn cap_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let b = html.as_bytes();
    // (tag name, dropped) for each open element.
    let mut open: Vec<(&str, bool)> = Vec::new();
    // Byte ranges of dropped tags.
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &b[i..]) {
        let start = i + at;
        let rest = &b[start + 1..];
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(&b[start..], b"-->").map_or(b.len(), |e| start + e + 3);
            continue;
        }
        let close = memchr::memchr(b'>', &b[start..]).map_or(b.len(), |e| start + e + 1);
        let end_tag = rest.first() == Some(&b'/');
        let name_from = start + 1 + usize::from(end_tag);
        let name_len = b[name_from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b[name_from].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let name = &html[name_from..name_from + name_len];
        let lower = name.to_ascii_lowercase();
        i = close;
        if end_tag {
            // Match the nearest open element of that name (a few levels up only,
            // so stray end tags cost nothing).
            let depth = open.len();
            if let Some(k) = (depth.saturating_sub(16)..depth)
                .rev()
                .find(|&k| open[k].0.eq_ignore_ascii_case(name))
            {
                if open[k].1 {
                    cut.push((start, close));
                }
                open.truncate(k);
            }
            continue;
        }
        if RAW_TEXT.contains(&lower.as_str()) {
            // The next `</name`, in any case.
            let mut j = close;
            i = loop {
                match memchr::memmem::find(&b[j..], b"</") {
                    None => break b.len(),
                    Some(e) => {
                        let at = j + e + 2;
                        if b.get(at..at + lower.len())
                            .is_some_and(|n| n.eq_ignore_ascii_case(lower.as_bytes()))
                        {
                            break j + e;
                        }
                        j = at;
                    }
                }
            };
            continue;
        }
        if VOID.contains(&lower.as_str()) || b[..close].ends_with(b"/>") {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&lower.as_str()) {
            let depth = open.len();
            if let Some(k) = (depth.saturating_sub(4)..depth)
                .rev()
                .find(|&k| open[k].0.eq_ignore_ascii_case(name))
            {
                open.truncate(k);
            }
        }
        let dropped = open.len() >= MAX_PARSE_DEPTH;
        if dropped {
            cut.push((start, close));
        }
        open.push((name, dropped));
    }
    if cut.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in cut {
        out.push_str(&html[from..s]);
        from = e;
    }
    out.push_str(&html[from..]);
    std::borrow::Cow::Owned(out)
}

/// Name under which a heading's class and id are kept while the extractor runs.
const SET_ASIDE: &str = "data-storydiff-names";

/// Gets the parsed page ready for the extractor: headings' class and id names
/// set aside (the extractor drops headings whose names look like furniture,
/// and a heading's id is a slug of its own words), and nesting below the
/// level `depth_cap` allows flattened. Says how deep the page was, and to
/// what level it was flattened, when it flattened it.
fn prepare(doc: &Document) -> Option<(usize, usize)> {
    for h in doc.select("h2, h3, h4, h5, h6").nodes() {
        let names: Vec<String> = ["class", "id"]
            .iter()
            .filter_map(|a| h.attr(a).map(|v| v.to_string()))
            .collect();
        if !names.is_empty() {
            h.set_attr(SET_ASIDE, &names.join(" "));
            h.remove_attrs(&["class", "id"]);
        }
    }
    let (text_at_depth, deepest) = text_by_depth(doc);
    let cap = depth_cap(&text_at_depth);
    (deepest > cap && flatten_deep_nesting(doc, cap)).then_some((deepest, cap))
}

/// Bytes of text at each depth of the tree, and the depth of its deepest node.
fn text_by_depth(doc: &Document) -> (Vec<usize>, usize) {
    let mut bytes = Vec::new();
    let mut deepest = 0;
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        if node.is_text() {
            if bytes.len() <= depth {
                bytes.resize(depth + 1, 0);
            }
            bytes[depth] += node.text().len();
            continue;
        }
        stack.extend(node.children_it(false).map(|c| (c, depth + 1)));
    }
    (bytes, deepest)
}

/// The deepest level, up to `MAX_DEPTH`, at which the text times its depth
/// stays within `DEPTH_BUDGET` (at least `MIN_DEPTH`).
fn depth_cap(text_at_depth: &[usize]) -> usize {
    let work = |cap: usize| -> usize {
        text_at_depth
            .iter()
            .enumerate()
            .map(|(depth, bytes)| bytes.saturating_mul(depth.min(cap)))
            .fold(0usize, usize::saturating_add)
    };
    (MIN_DEPTH..=MAX_DEPTH)
        .rev()
        .find(|&cap| work(cap) <= DEPTH_BUDGET)
        .unwrap_or(MIN_DEPTH)
}

/// Moves the nodes deeper than `cap` up to be children of their ancestor at
/// that depth, in document order (as browsers cap the tree they lay out).
/// An element that holds no block-level element (a paragraph, a heading, a
/// list item with its links) moves whole, so paragraphs stay paragraphs;
/// wrappers give up their children. Says whether anything moved.
fn flatten_deep_nesting(doc: &Document, cap: usize) -> bool {
    let mut at_limit = Vec::new();
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth == cap {
            if node.children_it(false).any(|c| c.first_child().is_some()) {
                at_limit.push(node);
            }
            continue;
        }
        stack.extend(node.children_it(false).map(|c| (c, depth + 1)));
    }
    for top in &at_limit {
        // Pre-order list of everything below, then each appended in turn: an
        // element arrives first and its children follow it as siblings;
        // an element without block-level children keeps its own.
        let mut below = Vec::new();
        let mut stack: Vec<NodeRef> = top.children_it(true).collect();
        while let Some(n) = stack.pop() {
            below.push(n);
            if holds_blocks(&n) {
                stack.extend(n.children_it(true));
            }
        }
        for n in below {
            top.append_child(&n);
        }
    }
    !at_limit.is_empty()
}

/// Whether an element has a block-level element (not a line break or a
/// `time`) among its children.
fn holds_blocks(node: &NodeRef) -> bool {
    node.children_it(false).any(|c| {
        c.node_name().is_some_and(|name| {
            !matches!(&*name, "br" | "hr" | "time") && BLOCK_LEVEL.contains(&&*name)
        })
    })
}

pub(crate) fn build(html: &str, notes: &mut Vec<String>) -> Result<Built, LoadError> {
    let html = cap_nesting(html);
    let doc = Document::from(html.as_ref());
    if let Some((deepest, cap)) = prepare(&doc) {
        notes.push(nesting_note(deepest, cap));
    }
    let page = PageFacts::of(&doc);
    let mut meta = Metadata::default();
    let mut skipped = 0usize;
    let (c, extracted_words) = match extract(doc, &page, &mut meta, &mut skipped) {
        Some((c, words)) => (c, Some(words)),
        None => {
            notes.push("no article found by the extractor; read the whole page".into());
            (whole_page(&html, &mut meta, &mut skipped), None)
        }
    };
    // The extractor's metadata first (JSON-LD, then meta tags, then byline
    // markup), then the page's other tags; bylines only when they read as names.
    meta.byline = [page.creator, meta.byline.take(), page.tags.byline]
        .into_iter()
        .flatten()
        .filter(|b| !page.commenters.iter().any(|c| c == b.trim()))
        .find_map(|b| super::meta::clean_byline(&b));
    if meta.date.is_none() {
        meta.date = page.tags.date;
    }
    notes.extend(reading_notes(&c, skipped));
    if c.blocks.is_empty() {
        return Err(LoadError::Format("HTML page has no readable text".into()));
    }
    Ok(Built {
        text: c.text,
        blocks: c.blocks,
        meta,
        markup: c.markup,
        extracted_words,
        source: None,
    })
}

fn nesting_note(deepest: usize, cap: usize) -> String {
    let why = if cap < MAX_DEPTH {
        " (a large page: this bounds the extractor's time)"
    } else {
        ""
    };
    format!(
        "the page nests elements {deepest} levels deep; those deeper than {cap} levels were read as if at that level{why}"
    )
}

/// What the page says of itself outside the article, read before the
/// extractor takes the document.
struct PageFacts {
    /// Dates and authors from the page's tags and markup.
    tags: Metadata,
    creator: Option<String>,
    commenters: Vec<String>,
    heads: Heads,
    lede: Option<String>,
    host: Option<String>,
}

impl PageFacts {
    fn of(doc: &Document) -> PageFacts {
        let mut tags = Metadata::default();
        page_metadata(doc, &mut tags);
        PageFacts {
            tags,
            creator: dublin_core_creator(doc),
            commenters: reader_comment_authors(doc),
            heads: Heads::of(doc),
            lede: declared_lede(doc),
            host: page_host(doc),
        }
    }
}

/// The extractor's article as blocks and the words of its main text; none
/// when it finds no article.
fn extract(
    doc: Document,
    page: &PageFacts,
    meta: &mut Metadata,
    skipped: &mut usize,
) -> Option<(Collector, usize)> {
    let cfg = dom_smoothie::Config {
        keep_classes: true,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::with_document(doc, None, Some(cfg)).ok()?;
    let json_ld = r.parse_json_ld().map(|m| m.title);
    let a = r.parse().ok()?;
    let heads = page.heads.clone().with_json_ld(json_ld);
    let site = Site {
        host: page.host.as_deref(),
        commenters: &page.commenters,
        lede: page.lede.as_deref(),
    };
    Some(from_extracted(&a, &r.doc, &heads, site, meta, skipped))
}

/// The notes on what reading the page left out or overruled.
fn reading_notes(c: &Collector, skipped: usize) -> Vec<String> {
    let mut notes = Vec::new();
    if skipped > 0 {
        notes.push(format!(
            "skipped {skipped} non-text element(s) (scripts, styles, forms, embeds)"
        ));
    }
    if !c.overruled.is_empty() {
        notes.push(format!(
            "ignored {} class name(s) that would have made most of the article furniture: {}",
            c.overruled.len(),
            c.overruled.first().map(String::as_str).unwrap_or("")
        ));
    }
    if c.blocks
        .iter()
        .any(|b| b.reason.as_deref() == Some(LEDE_REASON))
    {
        notes.push(
            "the extractor's main text is not about the page's own description; its paragraph is put first as the standfirst".into(),
        );
    }
    notes
}

/// The extractor's main text as blocks, with the headline and byline it lifted
/// out put back on top; and the words of that main text. The main text is read
/// in the extractor's own tree (`extracted`), where it leaves it; its
/// serialised `content` is read only when that element is not found.
fn from_extracted(
    a: &dom_smoothie::Article,
    extracted: &Document,
    heads: &Heads,
    site: Site,
    meta: &mut Metadata,
    skipped: &mut usize,
) -> (Collector, usize) {
    let host = site.host;
    fill_outlet(a, host, meta);
    let outlet = meta.outlet.clone();
    let outlet = outlet.as_deref();
    let headline = headline(a, heads, outlet, host);
    // The headline of record may be the `<title>`'s wording; the title
    // block stays the headline the page prints.
    let of_record = heads.title_tags_wording(&headline, outlet, host);
    if meta.title.is_none() && !of_record.is_empty() {
        meta.title = Some(of_record.to_string());
    }
    let byline = byline_block(a, site.commenters);
    meta.byline = a.byline.clone();
    if meta.date.is_none() {
        meta.date = a.published_time.as_deref().and_then(super::parse_date);
    }
    let body = main_text(a, extracted, skipped);
    let printed = heads.printed(&headline, outlet, host);
    let first_is_title = opens_with_headline(&body, &headline, printed);
    let mut c = Collector::default();
    if !printed.is_empty() && !first_is_title {
        c.push_block(printed, Role::Title, heads.source_of(printed), false);
        c.seen_h1 = true;
    }
    if let Some(by) = byline.filter(|by| !body.text.contains(by.as_str())) {
        c.push_block(&by, Role::Byline, "the page's byline markup", false);
    }
    if let Some(lede) = site.lede.filter(|l| elsewhere(&body.text, l)) {
        c.push_block(lede, Role::Standfirst, LEDE_REASON, false);
    }
    let words = body.total_words;
    append_main_text(&mut c, body, first_is_title);
    (c, words)
}

/// The outlet: the extractor's site name, else the page's address
/// (`nytimes.com`), better than none in a story's outlet list.
fn fill_outlet(a: &dom_smoothie::Article, host: Option<&str>, meta: &mut Metadata) {
    if meta.outlet.is_none() {
        meta.outlet = a
            .site_name
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from);
    }
    if meta.outlet.is_none() {
        meta.outlet = host.map(|h| h.strip_prefix("www.").unwrap_or(h).to_string());
    }
}

/// The page's headline as printed or declared: the extractor's (JSON-LD,
/// `og:title`, `<title>`), or the `h1` over a declared title unrelated to
/// it; without the site's name, with the `<title>`'s lead-in where it has
/// one.
fn headline(
    a: &dom_smoothie::Article,
    heads: &Heads,
    outlet: Option<&str>,
    host: Option<&str>,
) -> String {
    let title = heads.without_site_name(heads.best(a.title.trim()), outlet, host);
    heads.with_lead_in(title, outlet, host).to_string()
}

/// The byline block shows the page's own words; only a name-like one, and
/// never a reader comment's author.
fn byline_block(a: &dom_smoothie::Article, commenters: &[String]) -> Option<String> {
    a.byline
        .as_deref()
        .map(str::trim)
        .filter(|s| super::meta::clean_byline(s).is_some() && !commenters.iter().any(|c| c == s))
        .map(String::from)
}

/// The extractor's main text, read where it leaves it.
fn main_text(a: &dom_smoothie::Article, extracted: &Document, skipped: &mut usize) -> Collector {
    let mut body = Collector::default();
    let main = extracted.select_single(EXTRACTED_MAIN);
    match main.nodes().first() {
        Some(node) => collect(*node, &mut body, skipped),
        None => collect(
            Document::from(a.content.to_string()).root(),
            &mut body,
            skipped,
        ),
    }
    body
}

/// Whether the main text opens with the headline already (as chosen, or as
/// printed in a heading), so no title block goes above it.
fn opens_with_headline(body: &Collector, headline: &str, printed: &str) -> bool {
    body.blocks.first().is_some_and(|b| {
        let first = &body.text[b.span.range()];
        let heading = b.role == Role::Title || b.role.is_content();
        same_words(first, headline) || (heading && same_words(first, printed))
    })
}

/// The main text's blocks after the title, byline and lede blocks, each
/// with what its markup said; an `h1` after the headline is a subhead.
fn append_main_text(c: &mut Collector, body: Collector, first_is_title: bool) {
    for (b, markup) in body.blocks.iter().zip(&body.markup) {
        let text = &body.text[b.span.range()];
        let role_and_reason = match (&b.reason, b.role) {
            (Some(r), role) if role != Role::Title || !first_is_title || c.blocks.is_empty() => {
                Some((role, r.clone()))
            }
            (Some(_), _) => Some((Role::Subhead, "HTML `h1` after the headline".into())),
            (None, _) => None,
        };
        match role_and_reason {
            Some((role, reason)) => c.push_block(text, role, &reason, markup.from_class),
            None => {
                c.buf.push_str(text);
                c.flush();
            }
        }
        if let Some(m) = c.markup.last_mut() {
            *m = *markup;
        }
    }
    c.overruled = body.overruled;
}

/// What the page around the extractor's main text says of itself.
struct Site<'a> {
    /// The page's address's host name.
    host: Option<&'a str>,
    /// Names of the authors of reader comments (never the byline).
    commenters: &'a [String],
    /// The paragraph that prints the page's declared description.
    lede: Option<&'a str>,
}

const LEDE_REASON: &str =
    "the paragraph printing the page's declared description (`meta description`), outside the extractor's main text";

/// The paragraph that prints the page's own declared description (`meta
/// name=description`, `og:description`): the article's lede, whatever
/// widget the extractor took for the article (many sites print the
/// description as the standfirst or an episode's summary). Found by a text
/// node that opens with the description's words (all but its last, which a
/// cut-off description may have cut), twelve words or more; read whole from
/// its element. One pass over the text nodes: linear in the page.
fn declared_lede(doc: &Document) -> Option<String> {
    let description = ["description", "og:description", "twitter:description"]
        .iter()
        .find_map(|key| {
            let sel = format!("meta[name='{key}'], meta[property='{key}']");
            let text = squash(doc.select_single(&sel).attr("content")?.as_ref());
            (!text.is_empty()).then_some(text)
        })?;
    let words: Vec<&str> = description
        .trim_end_matches(['.', '…'])
        .split_whitespace()
        .collect();
    if words.len() < 13 {
        return None;
    }
    let opening = words[..words.len() - 1].join(" ");
    find_in_text(doc, |node| {
        let own = squash(&node.text());
        own.starts_with(&opening)
            .then(|| lede_paragraph(node).unwrap_or(own))
    })
}

/// The whole paragraph a lede's text node opens: its nearest block-level
/// element (past inline ones, `em`, `a`), when that is about the lede's size.
fn lede_paragraph(text: NodeRef) -> Option<String> {
    let mut node = text.parent()?;
    for _ in 0..3 {
        let name = node.node_name()?.to_lowercase();
        if BLOCK_LEVEL.contains(&name.as_str()) {
            break;
        }
        node = node.parent()?;
    }
    let whole = squash(&node.text());
    let own = squash(&text.text());
    (whole.starts_with(&own) && whole.len() <= own.len() * 3 / 2 + 40).then_some(whole)
}

/// Whether the extractor's main text is about something else than the
/// paragraph printing the page's description: that paragraph is prose (40
/// words or more, not a one-line dek beside the article) and the main text
/// holds neither it nor a quarter of its words (a comments widget, another
/// story). A dek the main text leaves out is left out: the article is there.
fn elsewhere(text: &str, lede: &str) -> bool {
    let words = |s: &str| -> HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let (in_lede, in_text) = (words(lede), words(text));
    let shared = in_lede.iter().filter(|w| in_text.contains(*w)).count();
    lede.split_whitespace().count() >= 40 && shared * 4 < in_lede.len()
}

/// The element the extractor puts its main text in.
const EXTRACTED_MAIN: &str = "#readability-page-1";

/// Every text of the page's body, when the extractor found no article.
fn whole_page(html: &str, meta: &mut Metadata, skipped: &mut usize) -> Collector {
    let mut c = Collector::default();
    let doc = Document::from(html);
    let body = doc.select("body");
    match body.nodes().first() {
        Some(node) => collect(*node, &mut c, skipped),
        None => collect(doc.root(), &mut c, skipped),
    }
    if meta.title.is_none() {
        let t = doc.select("title").text().trim().to_string();
        if !t.is_empty() {
            meta.title = Some(t);
        }
    }
    c
}

/// The page's `<title>` and first `h1`, to check the extractor's headline
/// (which prefers `og:title`) against.
#[derive(Clone)]
struct Heads {
    title_tag: String,
    h1: String,
    /// The titles the page declares in its metadata for sharing and
    /// indexing: JSON-LD's headline, `og:title`, `twitter:title`, Dublin
    /// Core, `meta name=title`.
    declared: Vec<String>,
}

/// The `meta` names and properties that declare the page's title (the
/// extractor takes the first it finds before the `<title>`).
const DECLARED_TITLES: &[&str] = &[
    "dc:title",
    "dc.title",
    "dcterms:title",
    "dcterms.title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

impl Heads {
    fn of(doc: &Document) -> Heads {
        let found = doc.select("title, h1");
        let text = |name: &str| {
            // The first with words: a logo's `h1` holds only an image.
            found
                .nodes()
                .iter()
                .filter(|n| n.node_name().is_some_and(|t| t.eq_ignore_ascii_case(name)))
                .map(|n| squash(&n.text()))
                .find(|t| !t.is_empty())
                .unwrap_or_default()
        };
        let metas = doc.select("meta[content]");
        let declared = metas.nodes().iter().filter_map(|n| {
            let key = n
                .attr("property")
                .or_else(|| n.attr("name"))?
                .to_lowercase();
            let title = key.split_whitespace().any(|k| DECLARED_TITLES.contains(&k));
            title.then(|| n.attr("content")).flatten()
        });
        Heads {
            title_tag: text("title"),
            h1: text("h1"),
            declared: declared
                .map(|t| squash(&t))
                .filter(|t| !t.is_empty())
                .collect(),
        }
    }

    /// With the title the page's JSON-LD declares, as the extractor reads it.
    fn with_json_ld(mut self, title: Option<String>) -> Heads {
        if let Some(t) = title.map(|t| squash(&t)).filter(|t| !t.is_empty()) {
            self.declared.push(t);
        }
        self
    }

    /// The headline without the site's name. A site name is part of the
    /// published title only where every title the page declares (two or
    /// more: `og:title` and `twitter:title`, JSON-LD…) carries it alike
    /// (`… - Breitbart`, `… | IAB`); else it is cut, as from a headline read
    /// from the `<title>` or the `h1`. Breadcrumb trails and addresses go
    /// from every title.
    fn without_site_name<'a>(
        &self,
        title: &'a str,
        outlet: Option<&str>,
        host: Option<&str>,
    ) -> &'a str {
        if self.as_published(title) {
            title.trim()
        } else {
            super::meta::strip_site_name(title, outlet, host)
        }
    }

    /// Whether every title the page declares, two or more, is `title`, and
    /// it has no breadcrumb trail or address to lose.
    fn as_published(&self, title: &str) -> bool {
        self.declared.len() >= 2
            && self.declared.iter().all(|d| same_words(d, title))
            && super::meta::strip_site_trail(title).len() == title.trim().len()
    }

    /// The title block: the headline as printed, also where the title adds
    /// the site's or the author's name to it (`… - John C. Welch`).
    fn printed<'a>(&'a self, title: &'a str, outlet: Option<&str>, host: Option<&str>) -> &'a str {
        if self.h1_then_more(title) {
            self.h1.as_str()
        } else if self.as_published(title) {
            super::meta::strip_site_name(title, outlet, host)
        } else {
            title
        }
    }

    /// Whether `title` is the page's `h1` and a separator and more after it
    /// (`Samantha and The Great Big Lie - John C. Welch`).
    fn h1_then_more(&self, title: &str) -> bool {
        let rest = title.trim().get(self.h1.len()..).unwrap_or("");
        super::meta::substantial(&self.h1)
            && title.trim().starts_with(self.h1.as_str())
            && super::meta::SEPARATORS
                .iter()
                .any(|sep| rest.starts_with(sep))
    }

    /// Which of the page's headlines a title is, for its reason: its `h1`,
    /// its `<title>` (or the start of it, the site name cut), or else the
    /// headline its metadata gives (JSON-LD, `og:title`).
    fn source_of(&self, title: &str) -> &'static str {
        let words = |s: &str| {
            s.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
        };
        if same_words(title, &self.h1) {
            "the page's headline (its `h1`)"
        } else if !title.trim().is_empty() && words(&self.title_tag).starts_with(&words(title)) {
            "the page's headline (its `<title>`)"
        } else {
            "the page's headline (its metadata: JSON-LD or `og:title`)"
        }
    }

    /// The page's `<title>` where it is the headline printed in the `h1`
    /// with a lead-in before a colon that is not the site's name (`Alito and
    /// Prelogar: The nonstop sparring match…` over the `h1` `The nonstop
    /// sparring match…`): the fuller form the publisher gives; else `title`.
    fn with_lead_in<'a>(
        &'a self,
        title: &'a str,
        outlet: Option<&str>,
        host: Option<&str>,
    ) -> &'a str {
        let tag = super::meta::strip_site_name(&self.title_tag, outlet, host);
        let Some((lead, rest)) = tag.split_once(": ") else {
            return title;
        };
        let site = outlet.is_some_and(|o| same_words(o, lead))
            || host.is_some_and(|h| super::meta::names_host(lead, h));
        let printed = same_words(title, &self.h1);
        if printed && same_words(rest, title) && lead.split_whitespace().count() <= 6 && !site {
            tag
        } else {
            title
        }
    }

    /// The page's `<title>`, its site name cut, where the chosen headline
    /// (`h1`, `og:title`, JSON-LD) tells the same story in other words: a
    /// publisher that words its headline twice (`We Need Geoengineering to
    /// Stop Out of Control Warming, Warns Climate Scientist James Hansen`
    /// printed, `James Hansen Calls for Geoengineering as a Climate
    /// Solution` in the `<title>`) names the document by its `<title>` in
    /// browsers, bookmarks and search results, and that name stays while the
    /// printed headline is rewritten; else `title`. Two wordings: each has
    /// words the other lacks (neither holds four in five of the other's
    /// words, so not a headline cut from the `<title>` or one that extends
    /// it), and they share a quarter of the `<title>`'s words or more (so
    /// not a placeholder, a section's or a site's name).
    fn title_tags_wording<'a>(
        &'a self,
        title: &'a str,
        outlet: Option<&str>,
        host: Option<&str>,
    ) -> &'a str {
        let tag = super::meta::strip_site_name(&self.title_tag, outlet, host);
        if title.is_empty() || !super::meta::substantial(tag) {
            return title;
        }
        let title_in_tag = overlap(title, &self.title_tag);
        let tag_in_title = overlap(tag, title);
        let two_wordings = title_in_tag < 0.8 && tag_in_title < 0.8;
        if two_wordings && tag_in_title >= 0.25 {
            tag
        } else {
            title
        }
    }

    fn best<'a>(&'a self, extracted: &'a str) -> &'a str {
        if self.h1.is_empty() || self.title_tag.is_empty() || self.h1.split_whitespace().count() < 3
        {
            return extracted;
        }
        let with_h1 = overlap(&self.h1, &self.title_tag);
        let with_extracted = overlap(extracted, &self.title_tag);
        let unrelated = overlap(extracted, &self.h1) < 0.3;
        if with_h1 >= 0.8 && with_h1 > with_extracted && unrelated {
            &self.h1
        } else {
            extracted
        }
    }
}

/// The share of `a`'s words found in `b` (lower-cased, letters and digits).
fn overlap(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    wa.iter().filter(|w| wb.contains(w)).count() as f64 / wa.len() as f64
}

/// A date from any `meta` whose name says publication (`publishdate`,
/// `article_date_original`, `cXenseParse:recs:publishtime`), not a later
/// change or an expiry.
fn publication_meta(metas: &[NodeRef]) -> Option<String> {
    metas.iter().find_map(|n| {
        let key = ["name", "property", "itemprop"]
            .iter()
            .filter_map(|a| n.attr(a))
            .map(|v| v.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let publication = ["publish", "pubdate", "pub_date", "date_original", "created"]
            .iter()
            .any(|k| key.contains(k));
        let later = ["modif", "updat", "end", "expir", "type"]
            .iter()
            .any(|k| key.contains(k));
        if !publication || later {
            return None;
        }
        super::parse_date(&n.attr("content")?)
    })
}

/// The page's address: `og:url`, else its canonical link.
fn page_url(doc: &Document) -> Option<String> {
    let url = doc
        .select_single("meta[property='og:url']")
        .attr("content")
        .or_else(|| doc.select_single("link[rel='canonical']").attr("href"))?;
    Some(url.trim().to_string())
}

/// A date the address spells as `/2011/08/13/`, the way news sites file
/// their stories; a year and month alone are not a day.
/// The date printed on the line after a headline (`h1`) when it opens that
/// line (`2023-11-17 20:52:15 来源：新华网`), where no markup dates the page.
fn date_under_headline(doc: &Document) -> Option<String> {
    let heads = doc.select("h1");
    heads.nodes().iter().take(3).find_map(|h1| {
        let mut next = h1
            .next_element_sibling()
            .or_else(|| h1.parent()?.next_element_sibling());
        // Past an empty element (an audio player, a spacer).
        while next.as_ref().is_some_and(|n| n.text().trim().is_empty()) {
            next = next?.next_element_sibling();
        }
        let line = next?.text();
        let words: Vec<&str> = line.split_whitespace().take(13).collect();
        if words.len() > 12 {
            return None;
        }
        (1..=words.len().min(3))
            .rev()
            .find_map(|n| super::parse_date(&words[..n].join(" ")))
    })
}

fn date_in_url(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !(digits(w[0], 4) && (1..=2).contains(&w[1].len()) && (1..=2).contains(&w[2].len())) {
            return None;
        }
        let (y, m, d) = (
            w[0].parse::<u32>().ok()?,
            w[1].parse::<u32>().ok()?,
            w[2].parse::<u32>().ok()?,
        );
        ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    })
}

/// The host of the page's address: `www.example.com`.
fn page_host(doc: &Document) -> Option<String> {
    let url = page_url(doc)?;
    let url = url.as_str();
    let rest = url.split_once("//").map_or(url, |(_, r)| r);
    let host = rest.split(['/', ':', '?', '#']).next()?.to_lowercase();
    host.contains('.').then_some(host)
}

/// The Dublin Core creator (`<meta property="dc:creator" content=…>`, the
/// property among others), which names the author where `name="author"`
/// often holds a placeholder or the site.
fn dublin_core_creator(doc: &Document) -> Option<String> {
    let metas = doc.select("meta[property][content]");
    let found = metas.nodes().iter().find_map(|n| {
        let property = n.attr("property")?.to_lowercase();
        let creator = property
            .split_whitespace()
            .any(|p| p == "dc:creator" || p == "dcterm:creator");
        creator.then(|| n.attr("content")).flatten()
    });
    found.and_then(|v| super::meta::clean_byline(&v))
}

/// Dates and authors from the page's markup: `time[datetime]`, `itemprop`,
/// and the common `meta` names.
fn page_metadata(doc: &Document, meta: &mut Metadata) {
    // One walk of the page for each kind of element: a 20 MB page has
    // hundreds of thousands of nodes, and every `select` visits them all.
    let metas = doc.select("meta[content]");
    let metas = metas.nodes();
    let meta_value = |attr: &str, value: &str| {
        metas.iter().find_map(|n| {
            let v = n.attr(attr)?;
            let hit = v.split_whitespace().any(|p| p.eq_ignore_ascii_case(value));
            hit.then(|| n.attr("content").map(|c| c.to_string()))
                .flatten()
        })
    };
    if meta.date.is_none() {
        let tagged = [
            ("property", "article:published_time"),
            ("itemprop", "datePublished"),
            ("name", "date"),
            ("name", "pubdate"),
            ("name", "publish-date"),
            ("name", "DC.date.issued"),
            ("name", "dc.date"),
        ]
        .iter()
        .filter_map(|(attr, value)| meta_value(attr, value))
        .find_map(|v| super::parse_date(&v));
        meta.date = tagged
            .or_else(|| {
                let time = doc.select("time[datetime]");
                let first = time.nodes().first().and_then(|n| n.attr("datetime"));
                first.and_then(|v| super::parse_date(&v))
            })
            .or_else(|| publication_meta(metas))
            .or_else(|| page_url(doc).as_deref().and_then(date_in_url))
            .or_else(|| date_under_headline(doc));
    }
    if meta.byline.is_none() {
        meta.byline = [("name", "author"), ("property", "article:author")]
            .iter()
            .filter_map(|(attr, value)| meta_value(attr, value))
            .find_map(|v| super::meta::clean_byline(&v))
            .or_else(|| byline_element(doc))
            .or_else(|| name_after_a_bare_by(doc));
    }
}

/// A name printed after a `by` that stands alone in its element (`<span>by</span>
/// <h3><a href="/profile/…">Sleyca</a></h3>`), where no markup names the
/// author: the element after it, when it reads as a name. The first such
/// `by` in the page; its text nodes read once.
fn name_after_a_bare_by(doc: &Document) -> Option<String> {
    let bare_by = |n: &NodeRef| n.text().trim().eq_ignore_ascii_case("by");
    find_in_text(doc, |node| {
        if !bare_by(&node) {
            return None;
        }
        // Alone in its element: a `by` between two links in running text
        // (`written by <a>…</a>`) is prose.
        let next = node.parent().filter(bare_by)?.next_element_sibling()?;
        super::meta::clean_byline(next.text().trim())
    })
}

/// The first of the body's text nodes, in reading order, for which `found`
/// gives something; scripts, styles and forms are not read. Each node is
/// visited once: linear in the page.
fn find_in_text<T>(doc: &Document, mut found: impl FnMut(NodeRef) -> Option<T>) -> Option<T> {
    let body = doc.select_single("body");
    let mut stack = vec![*body.nodes().first()?];
    while let Some(node) = stack.pop() {
        if node.is_text() {
            if let Some(t) = found(node) {
                return Some(t);
            }
            continue;
        }
        let raw = node.node_name().is_some_and(|n| {
            let n = n.to_lowercase();
            SKIPPED.contains(&n.as_str()) || RAW_TEXT.contains(&n.as_str())
        });
        if !raw {
            // Children in reverse so the first is read first.
            let children: Vec<NodeRef> = node.children_it(false).collect();
            stack.extend(children.into_iter().rev());
        }
    }
    None
}

/// The text of the page's byline markup: `rel=author`, `itemprop=author`,
/// then classes naming a byline or an author, in that order; never a reader's
/// comment's.
fn byline_element(doc: &Document) -> Option<String> {
    let found =
        doc.select("[rel='author'], [itemprop='author'], [class*='byline'], [class*='author']");
    let mut memo = HashMap::new();
    let nodes: Vec<&NodeRef> = found
        .nodes()
        .iter()
        .filter(|n| !in_reader_comments(n, &mut memo))
        .collect();
    let rank = |n: &NodeRef| {
        let attr = |a: &str| n.attr(a).map(|v| v.to_lowercase()).unwrap_or_default();
        if attr("rel") == "author" {
            0
        } else if attr("itemprop").contains("author") {
            1
        } else if attr("class").contains("byline") {
            2
        } else {
            3
        }
    };
    (0..4).find_map(|r| {
        nodes
            .iter()
            .filter(|n| rank(n) == r)
            .take(3)
            .find_map(|n| super::meta::clean_byline(n.text().trim()))
    })
}

/// The names readers' comments are signed with (author markup inside a
/// comment) and never the article's (author markup or a meta author outside
/// the comments): the extractor may take them for the byline. An author who
/// answers readers keeps the byline.
fn reader_comment_authors(doc: &Document) -> Vec<String> {
    let found = doc.select("[class*='author'], [class*='name'], [itemprop='author']");
    let (mut inside, mut outside) = (Vec::new(), Vec::new());
    let mut memo = HashMap::new();
    // Enough for any page's authors and commenters, and a bound on the work.
    for n in found.nodes().iter().take(1000) {
        let text = n.text().split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            if in_reader_comments(n, &mut memo) {
                inside.push(text);
            } else {
                outside.push(text);
            }
        }
    }
    let metas = doc.select("meta[content]");
    outside.extend(
        metas
            .nodes()
            .iter()
            .filter_map(|n| n.attr("content"))
            .map(|c| c.trim().to_string()),
    );
    inside.retain(|name| !outside.iter().any(|o| o.contains(name.as_str())));
    inside
}

/// Whether an element is a reader's comment or inside one (`comment-author`,
/// `#comments`, `reply`): its author is not the article's. Each ancestor is
/// judged once (`memo`), so a page with many names stays linear.
fn in_reader_comments(node: &NodeRef, memo: &mut HashMap<NodeId, bool>) -> bool {
    let mut chain = Vec::new();
    let mut at = Some(*node);
    let mut found = false;
    while let Some(n) = at {
        if let Some(&known) = memo.get(&n.id) {
            found = known;
            break;
        }
        let parts = name_parts(&n);
        if ["comment", "comments", "reply", "replies", "respond"]
            .iter()
            .any(|p| has_parts(&parts, p))
        {
            found = true;
            chain.push(n.id);
            break;
        }
        chain.push(n.id);
        at = n.parent();
    }
    // Everything below a comment is in it; a chain that reached the top is not.
    for id in chain {
        memo.insert(id, found);
    }
    found
}

/// Whitespace runs as one space, the ends trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_words(a: &str, b: &str) -> bool {
    let k = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    k(a) == k(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_gives_a_date_only_as_a_whole_day() {
        let day = |u| date_in_url(u);
        assert_eq!(
            day("http://techcrunch.com/2011/08/13/2005-zuckerberg-didnt-want/").as_deref(),
            Some("2011-08-13")
        );
        assert_eq!(
            day("http://www.polygon.com/2014/6/26/5842180/shovel-knight").as_deref(),
            Some("2014-06-26")
        );
        assert_eq!(
            day("http://www.cleveland.com/food/index.ssf/2014/12/let_me.html"),
            None
        );
        assert_eq!(day("http://example.com/2014/13/40/x"), None);
        assert_eq!(day("http://example.com/a/1234/5/6"), None);
    }

    #[test]
    fn nesting_beyond_the_cap_loses_its_tags_but_not_its_text() {
        let deep = format!(
            "<body>{}<p>Deep text.</p>{}<p>After.</p></body>",
            "<div>".repeat(600),
            "</div>".repeat(600)
        );
        let capped = cap_nesting(&deep);
        assert_eq!(capped.matches("<div>").count(), MAX_PARSE_DEPTH - 1);
        assert_eq!(capped.matches("</div>").count(), MAX_PARSE_DEPTH - 1);
        assert!(capped.contains("Deep text.") && capped.contains("<p>After.</p>"));
        // Ordinary pages, unclosed paragraphs and scripts with tags inside are untouched.
        let page = format!(
            "<body>{}<script>if (a<b) document.write('<div>');</SCRIPT></body>",
            "<p>One<li>item".repeat(2000)
        );
        assert!(matches!(cap_nesting(&page), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_large_page_is_flattened_to_fit_the_depth_budget() {
        // A news page: 200 KB of text about 20 levels down keeps every level.
        let mut news = vec![0; 40];
        news[20] = 200_000;
        assert_eq!(depth_cap(&news), MAX_DEPTH);
        // 20 MB of text under 66 levels goes to the shallowest level allowed,
        // 2 MB of it to the level that keeps it within the budget.
        let mut hostile = vec![0; 70];
        hostile[68] = 20 << 20;
        assert_eq!(depth_cap(&hostile), MIN_DEPTH);
        hostile[68] = 2 << 20;
        let cap = depth_cap(&hostile);
        assert!((MIN_DEPTH..MAX_DEPTH).contains(&cap), "{cap}");
        assert!((2 << 20) * cap <= DEPTH_BUDGET && (2 << 20) * (cap + 1) > DEPTH_BUDGET);
    }

    #[test]
    fn flattening_keeps_paragraphs_whole_and_in_order() {
        let html = format!(
            "<html><body>{}<h2>Head</h2><p>One <a href=x>link</a> here.</p><div><p>Two.</p></div><ul><li>Three</li></ul>{}</body></html>",
            "<div>".repeat(12),
            "</div>".repeat(12)
        );
        let doc = Document::from(html.as_str());
        assert!(flatten_deep_nesting(&doc, 6));
        let paragraphs: Vec<String> = doc
            .select("p, h2, li")
            .nodes()
            .iter()
            .map(|n| n.text().to_string())
            .collect();
        assert_eq!(paragraphs, ["Head", "One link here.", "Two.", "Three"]);
        let (_, deepest) = text_by_depth(&doc);
        // html and body, six levels, then a paragraph and its link's text.
        assert!(deepest <= 9, "{deepest}");
        assert!(!flatten_deep_nesting(&doc, 20));
    }
}
