//! HTML: the main text extracted by `dom_smoothie` (a Readability port that
//! measured best on our annotated pages), then split into blocks with roles
//! from the markup (`h1` title, headings, `figcaption`, byline and furniture
//! classes, `aside`/`nav`/`footer`). The article's text is the extracted text,
//! blocks separated by blank lines.

use dom_query::{Document, NodeRef};

use super::{raw_block, Block, Built, LoadError, Metadata, Role};

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
}

struct Collector {
    text: String,
    blocks: Vec<Block>,
    buf: String,
    buf_hint: Option<Hint>,
    seen_h1: bool,
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
            if let Some(h) = self.buf_hint.take() {
                b.role = h.role;
                b.reason = Some(h.reason);
            }
            self.blocks.push(b);
        }
        self.buf.clear();
        self.buf_hint = None;
    }

    fn push_text(&mut self, s: &str, hint: Option<&Hint>) {
        if self.buf.trim().is_empty() {
            self.buf_hint = hint.cloned();
        }
        for (i, part) in s.split(char::is_whitespace).enumerate() {
            if i > 0 && !self.buf.ends_with(' ') {
                self.buf.push(' ');
            }
            self.buf.push_str(part);
        }
    }

    fn push_block(&mut self, text: &str, role: Role, reason: &str) {
        self.flush();
        self.buf.push_str(text);
        self.buf_hint = Some(Hint {
            role,
            reason: reason.into(),
        });
        self.flush();
    }
}

fn class_hint(node: &NodeRef) -> Option<Hint> {
    let class = node
        .attr("class")
        .map(|c| c.to_lowercase())
        .unwrap_or_default();
    let id = node
        .attr("id")
        .map(|c| c.to_lowercase())
        .unwrap_or_default();
    let itemprop = node
        .attr("itemprop")
        .map(|c| c.to_lowercase())
        .unwrap_or_default();
    let rel = node
        .attr("rel")
        .map(|c| c.to_lowercase())
        .unwrap_or_default();
    let all = format!("{class} {id} {itemprop}");
    let has =
        |w: &str| all.split(|c: char| !c.is_alphanumeric()).any(|t| t == w) || all.contains(w);
    let hint = |role, what: &str| {
        Some(Hint {
            role,
            reason: format!("HTML {what}"),
        })
    };
    if rel == "author"
        || itemprop == "author"
        || has("byline")
        || class.split_whitespace().any(|c| c == "author")
    {
        return hint(Role::Byline, "byline markup");
    }
    if has("caption") || has("credit") {
        return hint(Role::Caption, "caption markup");
    }
    if has("standfirst") || has("dek") || has("subtitle") || has("subheadline") || has("deck") {
        return hint(Role::Standfirst, "standfirst markup");
    }
    if has("related") || has("recirc") || has("more-stories") || has("read-more") || has("readmore")
    {
        return hint(Role::Related, "related-stories markup");
    }
    if has("share")
        || has("social")
        || has("newsletter")
        || has("promo")
        || has("advert")
        || has("sponsor")
        || class
            .split_whitespace()
            .any(|c| c == "ad" || c.starts_with("ad-"))
    {
        return hint(Role::Boilerplate, "furniture markup (share, promo, ad)");
    }
    None
}

fn tag_hint(name: &str, c: &Collector) -> Option<Hint> {
    let hint = |role, reason: String| Some(Hint { role, reason });
    match name {
        "h1" if !c.seen_h1 => hint(Role::Title, "HTML `h1`".into()),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => hint(Role::Subhead, format!("HTML `{name}`")),
        "figcaption" | "caption" => hint(Role::Caption, format!("HTML `{name}`")),
        "aside" | "nav" | "footer" => hint(Role::Boilerplate, format!("inside HTML `{name}`")),
        "time" => hint(Role::Date, "HTML `time`".into()),
        _ => None,
    }
}

/// Walks `root` with an explicit stack (deeply nested pages must not overflow).
fn collect(root: NodeRef, c: &mut Collector, skipped: &mut usize) {
    enum Step<'a> {
        Enter(NodeRef<'a>, Option<Hint>),
        Leave(bool),
    }
    let mut stack = vec![Step::Enter(root, None)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => {
                if block {
                    c.flush();
                }
            }
            Step::Enter(node, hint) => {
                if node.is_text() {
                    c.push_text(&node.text(), hint.as_ref());
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
                }
                // The innermost markup decides, except that furniture containers win.
                // Headlines are titles whatever their class; for other elements a
                // class that names the part ("dek", "byline", "caption") is more
                // specific than the tag.
                let class = if node.is_element() {
                    class_hint(&node)
                } else {
                    None
                };
                let own = if name == "h1" {
                    tag_hint(&name, c).or(class)
                } else {
                    class.or_else(|| tag_hint(&name, c))
                };
                if name == "h1" && own.as_ref().is_some_and(|h| h.role == Role::Title) {
                    c.seen_h1 = true;
                }
                let inherited = match (&hint, own) {
                    (Some(h), _) if h.role == Role::Boilerplate || h.role == Role::Related => {
                        Some(h.clone())
                    }
                    (_, Some(o)) => Some(o),
                    (h, None) => h.clone(),
                };
                stack.push(Step::Leave(block));
                let children: Vec<NodeRef> = node.children_it(true).collect();
                for child in children {
                    stack.push(Step::Enter(child, inherited.clone()));
                }
            }
        }
    }
    c.flush();
}

pub(crate) fn build(html: &str, notes: &mut Vec<String>) -> Result<Built, LoadError> {
    let cfg = dom_smoothie::Config {
        keep_classes: true,
        ..Default::default()
    };
    let mut meta = Metadata::default();
    let mut c = Collector {
        text: String::new(),
        blocks: Vec::new(),
        buf: String::new(),
        buf_hint: None,
        seen_h1: false,
    };
    let mut skipped = 0usize;
    let extracted =
        dom_smoothie::Readability::new(html, None, Some(cfg)).and_then(|mut r| r.parse());
    match extracted {
        Ok(a) => {
            let title = a.title.trim().to_string();
            if !title.is_empty() {
                meta.title = Some(title.clone());
            }
            meta.byline = a
                .byline
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from);
            meta.date = a.published_time.as_deref().and_then(super::parse_date);
            meta.outlet = a
                .site_name
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from);
            let content = Document::from(a.content.to_string());
            let mut body = Collector {
                text: String::new(),
                blocks: Vec::new(),
                buf: String::new(),
                buf_hint: None,
                seen_h1: false,
            };
            collect(content.root(), &mut body, &mut skipped);
            // The extractor lifts the headline and byline out of the content; put
            // them back on top so the reader sees what the page showed.
            let first_is_title = body
                .blocks
                .first()
                .is_some_and(|b| same_words(&body.text[b.span.range()], &title));
            if !title.is_empty() && !first_is_title {
                c.push_block(
                    &title,
                    Role::Title,
                    "the page's headline (`h1` or `og:title`)",
                );
                c.seen_h1 = true;
            }
            if let Some(by) = meta.byline.clone() {
                if !body.text.contains(by.as_str()) {
                    c.push_block(&by, Role::Byline, "the page's byline markup");
                }
            }
            for b in &body.blocks {
                let text = &body.text[b.span.range()];
                let (role, reason) = match (&b.reason, b.role) {
                    (Some(r), role)
                        if role != Role::Title || !first_is_title || c.blocks.is_empty() =>
                    {
                        (role, r.clone())
                    }
                    (Some(_), _) => (Role::Subhead, "HTML `h1` after the headline".into()),
                    (None, _) => {
                        c.buf.push_str(text);
                        c.flush();
                        continue;
                    }
                };
                c.push_block(text, role, &reason);
            }
        }
        Err(_) => {
            notes.push("no article found by the extractor; read the whole page".into());
            let doc = Document::from(html);
            let body = doc.select("body");
            match body.nodes().first() {
                Some(node) => collect(*node, &mut c, &mut skipped),
                None => collect(doc.root(), &mut c, &mut skipped),
            }
            if meta.title.is_none() {
                let t = doc.select("title").text().trim().to_string();
                if !t.is_empty() {
                    meta.title = Some(t);
                }
            }
        }
    }
    if meta.date.is_none() || meta.byline.is_none() {
        page_metadata(html, &mut meta);
    }
    if skipped > 0 {
        notes.push(format!(
            "skipped {skipped} non-text element(s) (scripts, styles, forms, embeds)"
        ));
    }
    if c.blocks.is_empty() {
        return Err(LoadError::Format("HTML page has no readable text".into()));
    }
    Ok(Built {
        text: c.text,
        blocks: c.blocks,
        meta,
    })
}

/// Dates and authors the extractor missed: `time[datetime]`, `itemprop`,
/// and the common `meta` names.
fn page_metadata(html: &str, meta: &mut Metadata) {
    let doc = Document::from(html);
    if meta.date.is_none() {
        for sel in [
            "meta[property='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='date']",
            "meta[name='pubdate']",
            "meta[name='publish-date']",
            "meta[name='DC.date.issued']",
            "meta[name='dc.date']",
            "time[datetime]",
        ] {
            let found = doc.select(sel);
            let value = found.attr("content").or_else(|| found.attr("datetime"));
            if let Some(d) = value.and_then(|v| super::parse_date(&v)) {
                meta.date = Some(d);
                break;
            }
        }
    }
    if meta.byline.is_none() {
        for sel in [
            "meta[name='author']",
            "meta[property='article:author']",
            "[rel='author']",
            "[itemprop='author']",
        ] {
            let found = doc.select(sel);
            let value = found
                .attr("content")
                .map(|v| v.to_string())
                .or_else(|| Some(found.text().trim().to_string()).filter(|t| !t.is_empty()));
            if let Some(v) = value.filter(|v| !v.starts_with("http")) {
                meta.byline = Some(v);
                break;
            }
        }
    }
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
