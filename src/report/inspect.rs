//! `storydiff inspect`: how the loader read a file — metadata, then each block
//! with its role, reason and sentence count.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{block_id, ArticleJson};
use crate::article::{Article, Role};
use crate::display::{clip, one_line};

/// `storydiff.inspect/1`: the article object at the top level, with a schema tag.
#[derive(Serialize)]
struct InspectJson<'a> {
    schema: &'static str,
    #[serde(flatten)]
    article: ArticleJson<'a>,
}

pub fn write_json(out: &mut dyn Write, article: &Article) -> io::Result<()> {
    let doc = InspectJson {
        schema: "storydiff.inspect/1",
        article: ArticleJson::new(article, 'o'),
    };
    super::write_json_line(out, &doc, true)
}

pub fn write_text(out: &mut dyn Write, article: &Article, width: usize) -> io::Result<()> {
    let dash = "—".to_string();
    let field = |v: &Option<String>| v.as_deref().map(one_line).unwrap_or_else(|| dash.clone());
    writeln!(out, "{}", one_line(&article.path))?;
    let body = article.body_blocks().count();
    writeln!(
        out,
        "  {} · {} · {} blocks ({} body) · {} words",
        article.format.as_str(),
        article.encoding,
        article.blocks.len(),
        body,
        article.words()
    )?;
    writeln!(out, "  title   {}", field(&article.meta.title))?;
    writeln!(out, "  byline  {}", field(&article.meta.byline))?;
    writeln!(out, "  date    {}", field(&article.meta.date))?;
    writeln!(out, "  outlet  {}", field(&article.meta.outlet))?;
    for note in &article.notes {
        writeln!(out, "  note    {}", one_line(note))?;
    }
    writeln!(out)?;
    let text_width = width.saturating_sub(24).max(20);
    for (i, b) in article.blocks.iter().enumerate() {
        let marker = if b.role == Role::Body { ' ' } else { '·' };
        writeln!(
            out,
            "{:>5} {marker}{:<11} {:>3}  {}",
            block_id('o', i),
            b.role.as_str(),
            b.sentences.len(),
            clip(article.slice(b.span), text_width)
        )?;
        if let Some(reason) = &b.reason {
            writeln!(out, "{:>22}({})", "", clip(reason, text_width))?;
        }
    }
    Ok(())
}
