//! `--format html`: one self-contained page (inline CSS, no script, nothing
//! fetched) — the two articles side by side with the TUI's alignment, markers
//! and word emphasis, or a story's relations, quotes and claims. Every piece of
//! article text is escaped; nothing from the input can run.

use std::io::{self, Write};

use crate::align::{spaced_pieces, Comparison, Side, WordKind};
use crate::article::Article;
use crate::rows::{build_groups, Group, GroupKind};
use crate::story::{Pile, Story};

/// Escapes text for HTML content and attribute values; control characters
/// become their visible placeholders.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::display::is_unsafe(c) => {
                out.push_str(&escape(&crate::display::placeholder(c)))
            }
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = "
body{font:15px/1.5 Georgia,serif;margin:1.5em;color:#222;background:#fff}
h1{font-size:1.3em;margin:.2em 0}.summary{font-family:sans-serif;font-size:.9em;color:#444}
table{border-collapse:collapse;width:100%}td,th{vertical-align:top;padding:.25em .5em}
th{text-align:left;font-family:sans-serif;font-weight:normal;border-bottom:2px solid #999}
th b{display:block;font-size:1.05em}
td.m{width:1.2em;font-family:monospace;font-weight:bold;color:#555;text-align:center}
td.t{width:48%}tr.break td{border-top:1px solid #ddd}
tr.deleted td.old{background:#fde8e8}tr.inserted td.new{background:#e6f6e6}
tr.changed td.t{background:#fff8dc}tr.moved td.t{background:#f3e8fb}
del{background:#f8b4b4;text-decoration:line-through}ins{background:#a8e6a8;text-decoration:underline}
tr.furniture td.t{color:#888;font-size:.9em}.role{font-family:sans-serif;font-size:.8em;color:#888}
.note{font-family:sans-serif;font-size:.85em;color:#7a3d9a}a{color:#7a3d9a}
.badge{background:#f0c000;padding:0 .4em;font-family:sans-serif}
table.grid td,table.grid th{border:1px solid #ddd;font-family:sans-serif;font-size:.9em}
.dot{font-family:monospace;letter-spacing:.1em}
";

fn head(out: &mut dyn Write, title: &str) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>{}</title><style>{CSS}</style></head><body>\n",
        escape(title)
    )
}

fn article_head(a: &Article, label: &str) -> String {
    let mut parts = vec![format!("{label} · {}", escape(&a.short_name()))];
    if let Some(d) = &a.meta.date {
        parts.push(escape(d));
    }
    let title = escape(&a.title_line());
    let by = a.meta.byline.as_deref().map(escape).unwrap_or_default();
    format!(
        "{}<b>{title}</b>{by} · {} words",
        parts.join(" · "),
        a.words()
    )
}

fn unit_id(c: &Comparison, side: Side, u: usize) -> String {
    let x = &c.units(side)[u];
    format!(
        "{}{}.{}",
        if side == Side::Old { 'o' } else { 'n' },
        x.block + 1,
        x.sentence + 1
    )
}

fn side_html(c: &Comparison, groups: &[Group], gi: usize, side: Side, a: &Article) -> String {
    let g = &groups[gi];
    let units = g.units(side);
    if units.is_empty() {
        return match (g.kind, g.peer) {
            (GroupKind::MovedFrom, Some(p)) if side == Side::New => {
                let to = groups[p].units(Side::New).start;
                format!(
                    "<a class=\"note\" href=\"#g{p}\">→ moved to {}</a>",
                    unit_id(c, Side::New, to)
                )
            }
            (GroupKind::MovedTo, Some(p)) if side == Side::Old => {
                let from = groups[p].units(Side::Old).start;
                format!(
                    "<a class=\"note\" href=\"#g{p}\">← moved from {}</a>",
                    unit_id(c, Side::Old, from)
                )
            }
            _ => String::new(),
        };
    }
    let mut html = String::new();
    if g.furniture {
        let block = &a.blocks[c.units(side)[units.start].block];
        let reason = block
            .reason
            .as_deref()
            .map(|r| format!(" · {}", escape(r)))
            .unwrap_or_default();
        html.push_str(&format!(
            "<span class=\"role\">[{}{reason}]</span> ",
            block.role
        ));
    }
    let op = &c.ops[g.op];
    if g.away && side == Side::New {
        html.push_str(&format!(
            "<span class=\"note\">↕ ¶{} · {:.2}</span> ",
            c.units(Side::New)[units.start].block + 1,
            op.similarity
        ));
    }
    if matches!(
        g.kind,
        GroupKind::Changed | GroupKind::MovedFrom | GroupKind::MovedTo
    ) && !op.words.is_empty()
    {
        let (skip, emph, tag) = match side {
            Side::Old => (WordKind::Inserted, WordKind::Deleted, "del"),
            Side::New => (WordKind::Deleted, WordKind::Inserted, "ins"),
        };
        for (lead, w, body) in spaced_pieces(&op.words, Some(skip)) {
            let lead = if lead { " " } else { "" };
            let text = escape(&crate::display::one_line(&body));
            if w.kind == emph {
                html.push_str(&format!("{lead}<{tag}>{text}</{tag}>"));
            } else {
                html.push_str(&format!("{lead}{text}"));
            }
        }
        return html;
    }
    let text =
        crate::display::join_sentences(units.map(|u| &a.text[c.units(side)[u].span.range()]));
    html.push_str(&escape(&crate::display::one_line(&text)));
    html
}

fn marker(kind: GroupKind, side: Side, empty: bool) -> &'static str {
    if empty {
        return "";
    }
    match (kind, side) {
        (GroupKind::Equal, _) => "=",
        (GroupKind::Changed, _) => "~",
        (GroupKind::Deleted, _) => "-",
        (GroupKind::Inserted, _) => "+",
        (GroupKind::MovedFrom, _) => "&gt;",
        (GroupKind::MovedTo, _) => "&lt;",
    }
}

/// The edit-class badges of a changed row (`#` number, `N` name, `"` quote,
/// `@` attribution, `!` negation, `?` hedge), with the class names as a
/// tooltip; shown once, at the old end of a moved passage.
fn class_badges(c: &Comparison, g: &Group) -> String {
    let Some(op) = c.ops.get(g.op) else {
        return String::new();
    };
    if op.classes.is_empty() || g.kind == GroupKind::MovedTo {
        return String::new();
    }
    let badges: String = op.classes.facts().map(|f| f.badge()).collect();
    let names: Vec<&str> = op
        .classes
        .by_rank()
        .into_iter()
        .map(|c| c.as_str())
        .collect();
    format!(
        "<span class=\"cls\" title=\"{}\">{}</span>",
        names.join(", "),
        escape(&badges)
    )
}

pub fn write_diff(
    out: &mut dyn Write,
    old: &Article,
    new: &Article,
    c: &Comparison,
) -> io::Result<()> {
    head(
        out,
        &format!("storydiff: {} → {}", old.short_name(), new.short_name()),
    )?;
    writeln!(
        out,
        "<header><h1>storydiff: {} → {}</h1>",
        escape(&old.short_name()),
        escape(&new.short_name())
    )?;
    write_summary(out, c, [old, new])?;
    writeln!(
        out,
        "<table class=\"diff\"><thead><tr><th></th><th>{}</th><th></th><th>{}</th></tr></thead><tbody>",
        article_head(old, "OLD"),
        article_head(new, "NEW")
    )?;
    let groups = build_groups(c, old, new);
    for gi in 0..groups.len() {
        write_group_row(out, c, &groups, gi, [old, new])?;
    }
    writeln!(out, "</tbody></table></body></html>")
}

/// The summary paragraph: relation, counts, truncation, by claims, classes,
/// notes and the markers' legend.
fn write_summary(out: &mut dyn Write, c: &Comparison, sides: [&Article; 2]) -> io::Result<()> {
    write!(
        out,
        "<p class=\"summary\">relation <b>{}</b> · similarity {:.2} · {}{}",
        c.relation.as_str(),
        c.similarity,
        escape(&super::counts_line(&c.stats)),
        if c.approximate {
            " · <span class=\"badge\">approximate</span>"
        } else {
            ""
        }
    )?;
    if let Some(t) = c.truncated {
        let full = if t.side == Side::New { 'o' } else { 'n' };
        write!(
            out,
            "<br>the {} side stops after {full}{}; the rest is missing (marked −)",
            t.side.as_str(),
            t.after_block + 1
        )?;
    }
    if let Some(b) = c.by_claims {
        write!(
            out,
            "<br>by claims: {} shared; rows follow the old article, ↕ ¶N marks a partner from elsewhere in the new one",
            b.shared_claims
        )?;
    }
    write!(
        out,
        "<br>edit classes: {}",
        escape(&super::classes_line(&c.stats.classes))
    )?;
    for note in &c.notes {
        write!(out, "<br>note: {}", escape(note))?;
    }
    for (name, a) in ["old", "new"].into_iter().zip(sides) {
        for note in &a.notes {
            write!(out, "<br>note ({name}): {}", escape(note))?;
        }
    }
    writeln!(out, "<br>markers: = equal · ~ changed · − only in old · + only in new · &gt; &lt; moved · ¶ paragraph break on one side</p></header>")
}

/// One table row: group `gi`'s markers, badges and each side's text.
fn write_group_row(
    out: &mut dyn Write,
    c: &Comparison,
    groups: &[Group],
    gi: usize,
    [old, new]: [&Article; 2],
) -> io::Result<()> {
    let g = &groups[gi];
    let kind = match g.kind {
        GroupKind::Equal => "equal",
        GroupKind::Changed => "changed",
        GroupKind::Deleted => "deleted",
        GroupKind::Inserted => "inserted",
        GroupKind::MovedFrom | GroupKind::MovedTo => "moved",
    };
    let mut class = kind.to_string();
    if g.furniture {
        class.push_str(" furniture");
    }
    if g.breaks[0] || g.breaks[1] {
        class.push_str(" break");
    }
    let para = |side: Side| if g.lone_break(side) { "¶" } else { "" };
    writeln!(
        out,
        "<tr id=\"g{gi}\" class=\"{class}\"><td class=\"m\">{}{}{}</td><td class=\"t old\">{}</td><td class=\"m\">{}{}</td><td class=\"t new\">{}</td></tr>",
        para(Side::Old),
        marker(g.kind, Side::Old, g.old.is_empty()),
        class_badges(c, g),
        side_html(c, groups, gi, Side::Old, old),
        para(Side::New),
        marker(g.kind, Side::New, g.new.is_empty()),
        side_html(c, groups, gi, Side::New, new)
    )
}

pub fn write_story(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    let n = articles.len();
    head(out, &format!("storydiff: a story of {n} articles"))?;
    writeln!(
        out,
        "<header><h1>storydiff: a story of {n} articles</h1></header>"
    )?;
    writeln!(out, "<h2>Articles</h2><table class=\"grid\"><tr><th>#</th><th>outlet / file</th><th>title</th><th>byline</th><th>date</th><th>words</th></tr>")?;
    for (i, a) in articles.iter().enumerate() {
        let f = |v: &Option<String>| v.as_deref().map(escape).unwrap_or_else(|| "—".into());
        writeln!(
            out,
            "<tr><td>{i}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&a.short_name()),
            f(&a.meta.title),
            f(&a.meta.byline),
            f(&a.meta.date),
            a.words()
        )?;
    }
    writeln!(
        out,
        "</table><h2>Relations</h2><table class=\"grid\"><tr><th></th>"
    )?;
    for j in 0..n {
        write!(out, "<th>{j}</th>")?;
    }
    writeln!(out, "</tr>")?;
    for i in 0..n {
        write!(out, "<tr><th>{i}</th>")?;
        for j in 0..n {
            match s.pair(i, j) {
                Some(p) if i != j => {
                    write!(out, "<td>{} {:.2}</td>", p.relation.as_str(), p.similarity)?
                }
                _ => write!(out, "<td>—</td>")?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(
        out,
        "</table><p>Reprint groups: {}</p>",
        if s.groups.is_empty() {
            "none".to_string()
        } else {
            s.groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|i| i.to_string())
                        .collect::<Vec<_>>()
                        .join(" + ")
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
    )?;
    write_quote_ledger(out, articles, s)?;
    write_disagreements(out, articles, s)?;
    write_wording(out, articles, s)?;
    writeln!(
        out,
        "<h2>Coverage</h2><table class=\"grid\"><tr><th>articles</th><th>claim</th></tr>"
    )?;
    for c in &s.claims {
        writeln!(
            out,
            "<tr><td class=\"dot\">{}</td><td>{}</td></tr>",
            dots(n, &c.articles()),
            escape(&crate::display::one_line(&c.text))
        )?;
    }
    writeln!(out, "</table>")?;
    write_columns(out, articles, s)?;
    writeln!(out, "</body></html>")
}

/// The quote ledger: each quotation, who carries it and who said it; an
/// altered one (carried in different words) is marked so, with each other
/// wording's word diff from the fullest (`<del>` the fullest's words, `<ins>`
/// the other's) and the class of each change.
fn write_quote_ledger(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    let n = articles.len();
    let altered = s.quotes.iter().filter(|q| q.altered).count();
    writeln!(
        out,
        "<h2>Quote ledger</h2><p>{} quotations, {altered} altered (carried in different words).</p>\
         <table class=\"grid\"><tr><th>articles</th><th>quote</th><th>speaker</th></tr>",
        s.quotes.len()
    )?;
    for q in &s.quotes {
        let mark = if q.altered {
            " <span class=\"badge\">altered</span>"
        } else {
            ""
        };
        writeln!(
            out,
            "<tr><td class=\"dot\">{}</td><td>“{}”{mark}</td><td>{}</td></tr>",
            dots(n, &q.articles()),
            escape(&crate::display::one_line(&q.text)),
            if q.speaker.is_some() {
                escape(&q.speaker_line())
            } else {
                "—".into()
            }
        )?;
        for v in &q.variants {
            writeln!(
                out,
                "<tr class=\"variant\"><td class=\"dot\">[{}]</td><td colspan=\"2\">{} {}</td></tr>",
                v.occurrence.article,
                escape(&articles[v.occurrence.article].short_name()),
                word_diff_html(&v.words)
            )?;
        }
    }
    writeln!(out, "</table>")
}

/// The word substitutions that recur between two outlets in the claims they
/// share (`protesters` ↔ `rioters`) or put one word for another, as the JSON's `wording` and the story
/// view's Wording tab list them.
fn write_wording(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    writeln!(out, "<h2>Wording</h2>")?;
    if s.wording.is_empty() {
        return writeln!(out, "<p>{}</p>", crate::story::no_wording_sentence());
    }
    writeln!(
        out,
        "<p>Words one outlet uses where another uses others, in the same claim ({}).</p>\
         <table class=\"grid\"><tr><th>one outlet</th><th>its words</th><th>the other</th><th>its words</th><th>times</th></tr>",
        s.wording.len()
    )?;
    let name = |i: usize| format!("[{i}] {}", escape(&articles[i].short_name()));
    let words = |w: &str| escape(&crate::display::one_line(w));
    for w in &s.wording {
        writeln!(
            out,
            "<tr><td>{}</td><td><b>{}</b></td><td>{}</td><td><b>{}</b></td><td>{}{}</td></tr>",
            name(w.a),
            words(&w.words_a),
            name(w.b),
            words(&w.words_b),
            w.count,
            match w.kind().label() {
                "" => String::new(),
                label => format!(" ({label})"),
            }
        )?;
    }
    writeln!(out, "</table>")
}

/// Claims whose figures or names differ between outlets, with the outlets
/// on each side.
fn write_disagreements(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    writeln!(out, "<h2>Disagreements</h2>")?;
    if s.disagreements.is_empty() {
        return writeln!(
            out,
            "<p>No claim gives different figures or names in different outlets.</p>"
        );
    }
    writeln!(
        out,
        "<p>Claims whose numbers or names differ between outlets ({}).</p>\
         <table class=\"grid\"><tr><th>class</th><th>one side</th><th>the other</th><th>claim</th></tr>",
        s.disagreements.len()
    )?;
    let side = |words: &[String], occ: &[crate::story::Occurrence]| {
        let mut arts: Vec<usize> = occ.iter().map(|o| o.article).collect();
        arts.dedup();
        let names: Vec<String> = arts
            .iter()
            .map(|&i| format!("[{i}] {}", escape(&articles[i].short_name())))
            .collect();
        format!(
            "<b>{}</b><br>{}",
            escape(&crate::display::one_line(&words.join(", "))),
            names.join("<br>")
        )
    };
    for d in &s.disagreements {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            d.class.as_str(),
            side(&d.a_words, &d.a),
            side(&d.b_words, &d.b),
            escape(&crate::display::one_line(&s.claims[d.claim].text))
        )?;
    }
    writeln!(out, "</table>")
}

/// A word diff inline: deleted pieces in `<del>`, inserted in `<ins>`, each
/// titled with its edit class.
fn word_diff_html(words: &[crate::align::WordOp]) -> String {
    let mut html = String::new();
    for (lead, w, body) in spaced_pieces(words, None) {
        let lead = if lead { " " } else { "" };
        let text = escape(&crate::display::one_line(&body));
        let title = w
            .class
            .map(|c| format!(" title=\"{}\"", c.as_str()))
            .unwrap_or_default();
        match w.kind {
            WordKind::Equal => html.push_str(&format!("{lead}{text}")),
            WordKind::Deleted => html.push_str(&format!("{lead}<del{title}>{text}</del>")),
            WordKind::Inserted => html.push_str(&format!("{lead}<ins{title}>{text}</ins>")),
        }
    }
    html
}

fn dots(n: usize, arts: &[usize]) -> String {
    (0..n)
        .map(|i| if arts.contains(&i) { '●' } else { '·' })
        .collect()
}

/// The column view as a table: an article per column, a row per claim (shared
/// claims in the first article's order, each article's own sentences under
/// what they follow), `↕ ¶N` before a sentence out of its article's order.
fn write_columns(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    let columns: Vec<usize> = (0..articles.len()).collect();
    let rows = crate::columns::column_rows(s, &columns);
    writeln!(
        out,
        "<h2>Side by side</h2><p>A row per claim: = every article carries it, ~ some do, + one alone.</p><table class=\"grid\"><tr><th></th>"
    )?;
    for (i, a) in articles.iter().enumerate() {
        write!(out, "<th>[{i}] {}</th>", escape(&a.short_name()))?;
    }
    writeln!(out, "</tr>")?;
    for row in &rows {
        let mark = match row.carried() {
            k if k == articles.len() => "=",
            1 => "+",
            _ => "~",
        };
        write!(out, "<tr><td class=\"dot\">{mark}</td>")?;
        for (k, cell) in row.cells.iter().enumerate() {
            let Some(span) = cell else {
                write!(out, "<td></td>")?;
                continue;
            };
            let a = &articles[k];
            let note = if row.away[k] {
                let block = a
                    .blocks
                    .iter()
                    .position(|b| b.span.start <= span.start && span.end <= b.span.end);
                format!(
                    "<span class=\"note\">↕ ¶{}</span> ",
                    block.map_or(0, |b| b + 1)
                )
            } else {
                String::new()
            };
            write!(
                out,
                "<td>{note}{}</td>",
                escape(&crate::display::one_line(&a.text[span.range()]))
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table>")
}

/// A pile as one page: each story (label, dates, outlets, articles, reprint
/// groups), then the singles. `story --story N --format html` gives one story's tables.
pub fn write_pile(out: &mut dyn Write, articles: &[Article], pile: &Pile) -> io::Result<()> {
    let title = format!(
        "storydiff: {} articles, {} stories, {} singles",
        articles.len(),
        pile.stories.len(),
        pile.singles.len()
    );
    head(out, &title)?;
    writeln!(out, "<header><h1>{}</h1></header>", escape(&title))?;
    let row = |i: usize| {
        let a = &articles[i];
        format!(
            "<tr><td>{i}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&a.short_name()),
            escape(&a.title_line()),
            a.meta
                .date
                .as_deref()
                .map(escape)
                .unwrap_or_else(|| "—".into())
        )
    };
    for (k, s) in pile.stories.iter().enumerate() {
        writeln!(
            out,
            "<h2>Story {}: {}</h2><p class=\"note\">{} articles · {} · {}</p>",
            k + 1,
            escape(&s.label),
            s.articles.len(),
            escape(&super::story::date_range(&s.dates)),
            escape(&s.outlets.join(", "))
        )?;
        writeln!(out, "<table class=\"grid\"><tr><th>#</th><th>outlet / file</th><th>title</th><th>date</th></tr>")?;
        for &i in &s.articles {
            writeln!(out, "{}", row(i))?;
        }
        writeln!(out, "</table>")?;
        for g in &s.story.groups {
            let names: Vec<String> = g.iter().map(|&i| s.articles[i].to_string()).collect();
            writeln!(out, "<p>reprints: {}</p>", names.join(", "))?;
        }
    }
    if !pile.singles.is_empty() {
        writeln!(out, "<h2>Singles</h2><table class=\"grid\"><tr><th>#</th><th>outlet / file</th><th>title</th><th>date</th></tr>")?;
        for &i in &pile.singles {
            writeln!(out, "{}", row(i))?;
        }
        writeln!(out, "</table>")?;
    }
    writeln!(out, "</body></html>")
}
