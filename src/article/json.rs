//! Scraper JSON and JSONL (news-please, newspaper and similar): `title`,
//! `authors`, `date_publish`, `maintext` or `text`, `description`,
//! `source_domain`. The article's text is title, description and main text,
//! separated by blank lines; the main text keeps its own paragraphing.
//!
//! A file may hold many records (a JSON array, or JSONL: one object per line);
//! each is an article of its own, numbered from 1 in the order written
//! (`scrape.jsonl#3`). A record that is not an article (no text field, a text
//! that is not a string, a line that is not JSON) is skipped with a note.

use serde_json::Value;

use super::{plain, Built, LoadError, Metadata, Role};

const TEXT_FIELDS: &[&str] = &[
    "maintext",
    "text",
    "content",
    "body",
    "article_text",
    "articleBody",
];

pub(crate) fn looks_like_scraper_json(text: &str) -> bool {
    let head = &text[..text.len().min(64 * 1024)];
    TEXT_FIELDS
        .iter()
        .any(|f| head.contains(&format!("\"{f}\"")))
}

/// The records of a JSON or JSONL file, in order; each one parsed, or why not.
pub(crate) struct Records {
    /// `true` for JSONL, `false` for a JSON array or a single object.
    pub lines: bool,
    pub items: Vec<Result<Value, String>>,
}

impl Records {
    /// What a record is called in notes: "record 3" of an array, "line 3" of JSONL.
    pub fn name(&self) -> &'static str {
        if self.lines {
            "line"
        } else {
            "record"
        }
    }
}

/// Splits a file into records: one object, an array of objects, or JSONL.
pub(crate) fn records(text: &str) -> Result<Records, LoadError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            if items.is_empty() {
                return Err(LoadError::Format(
                    "JSON array holds no article object".into(),
                ));
            }
            let items = items
                .into_iter()
                .map(|v| match v {
                    v @ Value::Object(_) => Ok(v),
                    other => Err(format!("{}, not an article object", kind(&other))),
                })
                .collect();
            Ok(Records {
                lines: false,
                items,
            })
        }
        Ok(v @ Value::Object(_)) => Ok(Records {
            lines: false,
            items: vec![Ok(v)],
        }),
        Ok(_) => Err(LoadError::Format("JSON is not an article object".into())),
        Err(whole) => {
            // JSONL: one object per line; the first line must be one.
            let mut lines = text.lines().filter(|l| !l.trim().is_empty());
            let first = lines.next().unwrap_or("");
            match serde_json::from_str::<Value>(first) {
                Ok(v @ Value::Object(_)) => {
                    let mut items = vec![Ok(v)];
                    items.extend(lines.map(|l| match serde_json::from_str::<Value>(l) {
                        Ok(v @ Value::Object(_)) => Ok(v),
                        Ok(other) => Err(format!("{}, not an article object", kind(&other))),
                        Err(e) => Err(format!("not JSON ({e})")),
                    }));
                    Ok(Records { lines: true, items })
                }
                _ => Err(LoadError::Format(format!(
                    "invalid JSON at line {}, column {}: {}",
                    whole.line(),
                    whole.column(),
                    whole
                ))),
            }
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A one-article file: the first record that is an article, with a note when
/// there are more (or when some before it were skipped).
pub(crate) fn build(text: &str, notes: &mut Vec<String>) -> Result<Built, LoadError> {
    let recs = records(text)?;
    let n = recs.items.len();
    let mut skipped = Vec::new();
    for (i, item) in recs.items.iter().enumerate() {
        match item.as_ref().map_err(String::clone).and_then(build_record) {
            Ok(built) => {
                notes.extend(skipped);
                if n > 1 {
                    let unit = if recs.lines { "JSONL" } else { "JSON array" };
                    notes.push(format!(
                        "{unit} holds {n} records; loaded {} {} (name another as `FILE#N`, or give the file to `storydiff story`)",
                        recs.name(),
                        i + 1
                    ));
                }
                return Ok(built);
            }
            Err(why) if n > 1 => skipped.push(format!("{} {} skipped: {why}", recs.name(), i + 1)),
            Err(why) => return Err(LoadError::Format(format!("JSON: {why}"))),
        }
    }
    Err(LoadError::Format(format!(
        "none of the {n} JSON records is an article ({})",
        skipped.first().map(String::as_str).unwrap_or("")
    )))
}

/// Text fields hold text: a string (a list of strings is joined); a number or
/// an object in that place is not an article.
fn text_field(v: &Value) -> Result<String, String> {
    for name in TEXT_FIELDS {
        match v.get(name) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) if !s.trim().is_empty() => return Ok(s.trim().to_string()),
            Some(Value::String(_)) => continue,
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
                let parts: Vec<&str> = items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                if !parts.is_empty() {
                    return Ok(parts.join("\n\n"));
                }
            }
            Some(other) => {
                return Err(format!(
                    "the text field `{name}` is {}, not a string",
                    kind(other)
                ));
            }
        }
    }
    Err("no text field (`maintext`, `text`, `content` or `body` as a string)".into())
}

fn string_field(v: &Value, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match v.get(n)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// One record as an article, or why it is not one.
pub(crate) fn build_record(record: &Value) -> Result<Built, String> {
    let main = text_field(record)?;
    let title = string_field(record, &["title", "headline"]);
    let description = string_field(record, &["description", "summary", "standfirst"]);
    let meta = Metadata {
        title: title.clone(),
        byline: string_field(record, &["authors", "author", "byline"]),
        date: string_field(
            record,
            &[
                "date_publish",
                "date_published",
                "published",
                "date",
                "publish_date",
                "date_modify",
            ],
        )
        .and_then(|d| super::parse_date(&d)),
        outlet: string_field(
            record,
            &[
                "source_domain",
                "source",
                "site_name",
                "outlet",
                "publisher",
            ],
        ),
    };
    let mut out = String::new();
    let mut hints: Vec<(usize, usize, Role, &str)> = Vec::new();
    for (value, role, reason) in [
        (&title, Role::Title, "the `title` field"),
        (&description, Role::Standfirst, "the `description` field"),
    ] {
        if let Some(v) = value {
            // Scrapers often start `maintext` with the description; do not repeat it.
            if role == Role::Standfirst && main.starts_with(v.as_str()) {
                continue;
            }
            let start = out.len();
            out.push_str(v);
            hints.push((start, out.len(), role, reason));
            out.push_str("\n\n");
        }
    }
    let offset = out.len();
    out.push_str(&main);
    // Scraped text keeps its lines: no notes come back.
    let body = plain::build(main, plain::Flavour::Scraped, &mut Vec::new());
    let mut blocks: Vec<super::Block> = hints
        .into_iter()
        .map(|(s, e, role, reason)| {
            let mut b = super::raw_block(s, e);
            b.role = role;
            b.reason = Some(reason.into());
            b
        })
        .collect();
    for mut b in body.blocks {
        b.span.start += offset;
        b.span.end += offset;
        blocks.push(b);
    }
    Ok(Built {
        text: out,
        blocks,
        meta,
        markup: Vec::new(),
        extracted_words: None,
        source: None,
    })
}
