//! Scraper JSON and JSONL (news-please, newspaper and similar): `title`,
//! `authors`, `date_publish`, `maintext` or `text`, `description`,
//! `source_domain`. The article's text is title, description and main text,
//! separated by blank lines; the main text keeps its own paragraphing.

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

fn first_record(text: &str, notes: &mut Vec<String>) -> Result<Value, LoadError> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            let n = items.len();
            let first = items
                .into_iter()
                .find(Value::is_object)
                .ok_or_else(|| LoadError::Format("JSON array holds no article object".into()))?;
            if n > 1 {
                notes.push(format!(
                    "JSON array holds {n} records; loaded the first article"
                ));
            }
            Ok(first)
        }
        Ok(v @ Value::Object(_)) => Ok(v),
        Ok(_) => Err(LoadError::Format("JSON is not an article object".into())),
        Err(whole) => {
            // JSONL: one object per line.
            let mut lines = text.lines().filter(|l| !l.trim().is_empty());
            let first = lines.next().unwrap_or("");
            match serde_json::from_str::<Value>(first) {
                Ok(v @ Value::Object(_)) => {
                    let rest = lines.count();
                    if rest > 0 {
                        notes.push(format!(
                            "JSONL holds {} records; loaded the first",
                            rest + 1
                        ));
                    }
                    Ok(v)
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

pub(crate) fn build(text: &str, notes: &mut Vec<String>) -> Result<Built, LoadError> {
    let record = first_record(text, notes)?;
    let main = string_field(&record, TEXT_FIELDS).ok_or_else(|| {
        LoadError::Format(
            "JSON has no text field (`maintext`, `text`, `content` or `body` as a string)".into(),
        )
    })?;
    let title = string_field(&record, &["title", "headline"]);
    let description = string_field(&record, &["description", "summary", "standfirst"]);
    let meta = Metadata {
        title: title.clone(),
        byline: string_field(&record, &["authors", "author", "byline"]),
        date: string_field(
            &record,
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
            &record,
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
    let body = plain::build(main, plain::Flavour::Scraped);
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
    })
}
