//! `storydiff story`: the story as a text report, JSON (`storydiff.story/1`)
//! or Markdown.

use std::io::{self, Write};

use serde::Serialize;

use super::json::ArticleJson;
use super::md;
use crate::article::Article;
use crate::display::{clip, one_line};
use crate::story::{Occurrence, PairSummary, Pile, Quote, Story};

#[derive(Serialize)]
struct StoryJson<'a> {
    schema: &'static str,
    articles: Vec<ArticleJson<'a>>,
    #[serde(flatten)]
    fields: StoryFields<'a>,
}

/// The fields of a story's analysis, with article indices mapped to where
/// the articles are listed (the story's own, or the pile's).
#[derive(Serialize)]
struct StoryFields<'a> {
    pairs: Vec<PairJson<'a>>,
    groups: Vec<Vec<usize>>,
    quotes: Vec<QuoteJson<'a>>,
    claims: Vec<ClaimJson<'a>>,
    disagreements: Vec<DisagreementJson<'a>>,
    wording: Vec<WordingJson<'a>>,
}

/// One side of a disagreement: its words and where it is carried.
#[derive(Serialize)]
struct SideJson<'a> {
    words: &'a [String],
    occurrences: Vec<OccJson>,
}

#[derive(Serialize)]
struct DisagreementJson<'a> {
    /// Index into `claims`.
    claim: usize,
    text: &'a str,
    class: &'static str,
    a: SideJson<'a>,
    b: SideJson<'a>,
}

/// An altered quotation's other wording: where, and the word diff from the
/// fullest wording to it.
#[derive(Serialize)]
struct VariantJson<'a> {
    occurrence: OccJson,
    words: Vec<WordJson<'a>>,
}

/// One piece of a word diff, as the story's variants and the diff's ops
/// (checked against its hand-written JSON) serialise it.
#[derive(Serialize)]
pub(super) struct WordJson<'a> {
    pub op: &'static str,
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<&'static str>,
}

#[derive(Serialize)]
struct WordingJson<'a> {
    a: usize,
    b: usize,
    words_a: &'a str,
    words_b: &'a str,
    /// `words` (other words: a choice), `spelling` or `capitals` (one word
    /// spelled or capitalised two ways: house style). Additive to v1.
    kind: &'static str,
    count: usize,
    /// Each instance: the words in `a`, then in `b`.
    occurrences: Vec<OccJson>,
}

#[derive(Serialize)]
struct PairJson<'a> {
    a: usize,
    b: usize,
    relation: &'static str,
    similarity: f64,
    shared_sentences: usize,
    shared_quotes: usize,
    evidence: EvidenceJson<'a>,
}

/// What a pair shares and the same-event score it adds up to.
#[derive(Serialize)]
struct EvidenceJson<'a> {
    score: f64,
    text: f64,
    terms: &'a [String],
    quote_runs: usize,
    title: f64,
    days_apart: Option<u32>,
}

#[derive(Serialize)]
struct OccJson {
    article: usize,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    occurrences: Vec<OccJson>,
    altered: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    variants: Vec<VariantJson<'a>>,
    /// Articles that name another speaker, with that name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    other_speakers: Vec<OtherSpeakerJson<'a>>,
}

#[derive(Serialize)]
struct OtherSpeakerJson<'a> {
    article: usize,
    speaker: &'a str,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    text: &'a str,
    occurrences: Vec<OccJson>,
}

/// Where the written JSON puts a story's articles: `at` maps the story's
/// article indices to the indices of the written `articles` list, and an
/// occurrence's bytes are counted in that article's text as read.
struct Written<'w> {
    articles: &'w [Article],
    at: &'w dyn Fn(usize) -> usize,
}

impl Written<'_> {
    fn index(&self, article: usize) -> usize {
        (self.at)(article)
    }

    fn occurrence(&self, o: &Occurrence) -> OccJson {
        let i = self.index(o.article);
        let a = &self.articles[i];
        OccJson {
            article: i,
            start: a.source_offset(o.span.start),
            end: a.source_offset(o.span.end),
        }
    }

    fn occurrences(&self, o: &[Occurrence]) -> Vec<OccJson> {
        o.iter().map(|o| self.occurrence(o)).collect()
    }
}

fn pair_json<'a>(p: &'a PairSummary, w: &Written) -> PairJson<'a> {
    PairJson {
        a: w.index(p.a),
        b: w.index(p.b),
        relation: p.relation.as_str(),
        similarity: p.similarity,
        shared_sentences: p.shared_sentences,
        shared_quotes: p.shared_quotes,
        evidence: EvidenceJson {
            score: p.evidence.score,
            text: p.evidence.text,
            terms: &p.evidence.terms,
            quote_runs: p.evidence.quote_runs,
            title: p.evidence.title,
            days_apart: p.evidence.days_apart,
        },
    }
}

fn quote_json<'a>(q: &'a Quote, w: &Written) -> QuoteJson<'a> {
    QuoteJson {
        text: &q.text,
        speaker: q.speaker.as_deref(),
        occurrences: w.occurrences(&q.occurrences),
        altered: q.altered,
        other_speakers: q
            .other_speakers
            .iter()
            .map(|(a, name)| OtherSpeakerJson {
                article: w.index(*a),
                speaker: name,
            })
            .collect(),
        variants: q
            .variants
            .iter()
            .map(|v| VariantJson {
                occurrence: w.occurrence(&v.occurrence),
                words: v
                    .words
                    .iter()
                    .map(|word| WordJson {
                        op: word.kind.as_str(),
                        text: &word.text,
                        class: word.class.map(|c| c.as_str()),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The analysis fields of `s`, its articles as `w` writes them.
fn story_fields<'a>(s: &'a Story, w: &Written) -> StoryFields<'a> {
    StoryFields {
        pairs: s.pairs.iter().map(|p| pair_json(p, w)).collect(),
        groups: s
            .groups
            .iter()
            .map(|g| g.iter().map(|&i| w.index(i)).collect())
            .collect(),
        quotes: s.quotes.iter().map(|q| quote_json(q, w)).collect(),
        claims: s
            .claims
            .iter()
            .map(|c| ClaimJson {
                text: &c.text,
                occurrences: w.occurrences(&c.occurrences),
            })
            .collect(),
        disagreements: s
            .disagreements
            .iter()
            .map(|d| DisagreementJson {
                claim: d.claim,
                text: &s.claims[d.claim].text,
                class: d.class.as_str(),
                a: SideJson {
                    words: &d.a_words,
                    occurrences: w.occurrences(&d.a),
                },
                b: SideJson {
                    words: &d.b_words,
                    occurrences: w.occurrences(&d.b),
                },
            })
            .collect(),
        wording: s
            .wording
            .iter()
            .map(|x| WordingJson {
                a: w.index(x.a),
                b: w.index(x.b),
                words_a: &x.words_a,
                words_b: &x.words_b,
                kind: x.kind().as_str(),
                count: x.count,
                occurrences: w.occurrences(&x.occurrences),
            })
            .collect(),
    }
}

pub fn write_json(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    let doc = StoryJson {
        schema: "storydiff.story/1",
        articles: articles.iter().map(|a| ArticleJson::new(a, 'b')).collect(),
        fields: story_fields(
            s,
            &Written {
                articles,
                at: &|i| i,
            },
        ),
    };
    super::write_json_line(out, &doc, false)
}

#[derive(Serialize)]
struct StoriesJson<'a> {
    schema: &'static str,
    articles: Vec<ArticleJson<'a>>,
    stories: Vec<PileStoryJson<'a>>,
    singles: &'a [usize],
}

#[derive(Serialize)]
struct PileStoryJson<'a> {
    articles: &'a [usize],
    label: &'a str,
    dates: Option<DatesJson<'a>>,
    outlets: &'a [String],
    #[serde(flatten)]
    fields: StoryFields<'a>,
}

#[derive(Serialize)]
struct DatesJson<'a> {
    first: &'a str,
    last: &'a str,
}

/// A pile as `storydiff.stories/1`: the articles once, then each story (its
/// analysis indexed into the pile's articles, pairs inside the story only),
/// then the singles.
pub fn write_pile_json(out: &mut dyn Write, articles: &[Article], pile: &Pile) -> io::Result<()> {
    let doc = StoriesJson {
        schema: "storydiff.stories/1",
        articles: articles.iter().map(|a| ArticleJson::new(a, 'b')).collect(),
        stories: pile
            .stories
            .iter()
            .map(|s| PileStoryJson {
                articles: &s.articles,
                label: &s.label,
                dates: s
                    .dates
                    .as_ref()
                    .map(|(first, last)| DatesJson { first, last }),
                outlets: &s.outlets,
                fields: story_fields(
                    &s.story,
                    &Written {
                        articles,
                        at: &|i| s.articles[i],
                    },
                ),
            })
            .collect(),
        singles: &pile.singles,
    };
    super::write_json_line(out, &doc, false)
}

/// "2021-10-18" or "2021-10-17 – 2021-10-18"; empty when no date is known.
pub fn date_range(dates: &Option<(String, String)>) -> String {
    match dates {
        Some((a, b)) if a == b => a.clone(),
        Some((a, b)) => format!("{a} – {b}"),
        None => String::new(),
    }
}

/// A pile as text: each story (label, dates, outlets, its articles and
/// reprint groups), then the singles.
pub fn write_pile_text(
    out: &mut dyn Write,
    articles: &[Article],
    pile: &Pile,
    width: usize,
) -> io::Result<()> {
    writeln!(
        out,
        "{} articles: {} {}, {} {}",
        articles.len(),
        pile.stories.len(),
        if pile.stories.len() == 1 {
            "story"
        } else {
            "stories"
        },
        pile.singles.len(),
        if pile.singles.len() == 1 {
            "single"
        } else {
            "singles"
        },
    )?;
    for (k, s) in pile.stories.iter().enumerate() {
        let dates = date_range(&s.dates);
        writeln!(
            out,
            "\nstory {} · {} articles{}{}",
            k + 1,
            s.articles.len(),
            if dates.is_empty() {
                String::new()
            } else {
                format!(" · {dates}")
            },
            if s.outlets.is_empty() {
                String::new()
            } else {
                format!(
                    " · {}",
                    clip(
                        &one_line(&s.outlets.join(", ")),
                        width.saturating_sub(40).max(20)
                    )
                )
            },
        )?;
        writeln!(
            out,
            "  {}",
            clip(&one_line(&s.label), width.saturating_sub(2))
        )?;
        for &i in &s.articles {
            write_article_line(out, articles, i, width)?;
        }
        for g in &s.story.groups {
            let names: Vec<String> = g.iter().map(|&i| format!("[{}]", s.articles[i])).collect();
            writeln!(out, "  reprints: {}", names.join(" "))?;
        }
    }
    if !pile.singles.is_empty() {
        writeln!(out, "\nsingles")?;
        for &i in &pile.singles {
            write_article_line(out, articles, i, width)?;
        }
    }
    Ok(())
}

fn write_article_line(
    out: &mut dyn Write,
    articles: &[Article],
    i: usize,
    width: usize,
) -> io::Result<()> {
    let a = &articles[i];
    writeln!(
        out,
        "  {:<6} {:<28}  {}{}",
        format!("[{i}]"),
        clip(&one_line(&a.short_name()), 28),
        clip(&one_line(&a.title_line()), width.saturating_sub(52).max(20)),
        a.meta
            .date
            .as_deref()
            .map(|d| format!(" · {}", one_line(d)))
            .unwrap_or_default(),
    )
}

/// A pile as Markdown: a section per story with its articles, then the singles.
pub fn write_pile_markdown(
    out: &mut dyn Write,
    articles: &[Article],
    pile: &Pile,
) -> io::Result<()> {
    writeln!(
        out,
        "# {} articles: {} stories, {} singles",
        articles.len(),
        pile.stories.len(),
        pile.singles.len()
    )?;
    let item = |i: usize| {
        let a = &articles[i];
        format!("- [{i}] {} — {}", md(&a.short_name()), md(&a.title_line()))
    };
    for (k, s) in pile.stories.iter().enumerate() {
        writeln!(out, "\n## Story {}: {}\n", k + 1, md(&s.label))?;
        let dates = date_range(&s.dates);
        if !dates.is_empty() {
            writeln!(out, "{dates} · {} outlets\n", s.outlets.len())?;
        }
        for &i in &s.articles {
            writeln!(out, "{}", item(i))?;
        }
    }
    if !pile.singles.is_empty() {
        writeln!(out, "\n## Singles\n")?;
        for &i in &pile.singles {
            writeln!(out, "{}", item(i))?;
        }
    }
    Ok(())
}

/// The disagreements: claims whose figures or names differ between outlets.
fn write_disagreements(out: &mut dyn Write, s: &Story, width: usize) -> io::Result<()> {
    if s.disagreements.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\ndisagreements: claims whose numbers or names differ ({})",
        s.disagreements.len()
    )?;
    let arts = |o: &[Occurrence]| {
        o.iter()
            .map(|o| format!("[{}]", o.article))
            .collect::<Vec<_>>()
            .join(" ")
    };
    for d in &s.disagreements {
        let line = format!(
            "  {}: {} {} against {} {} — {}",
            d.class.as_str(),
            one_line(&d.a_words.join(", ")),
            arts(&d.a),
            one_line(&d.b_words.join(", ")),
            arts(&d.b),
            clip(&s.claims[d.claim].text, width.saturating_sub(40).max(30))
        );
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// Each altered quotation's other wordings, as word diffs from the fullest.
fn write_altered_markdown(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    let altered: Vec<_> = s.quotes.iter().filter(|q| q.altered).collect();
    if altered.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n## Altered quotations\n\nQuotations carried in different words: each other wording against the fullest, `[-fullest's words-]{{+this one's+}}`.\n"
    )?;
    for q in altered {
        writeln!(out, "- “{}”", md(&q.text))?;
        for v in &q.variants {
            writeln!(
                out,
                "  - {}: `{}`",
                md(&label(articles, v.occurrence.article)),
                word_marks(&v.words).replace('`', "'")
            )?;
        }
    }
    Ok(())
}

/// The disagreements as a table: class, each side's words and outlets, the claim.
fn write_disagreements_markdown(
    out: &mut dyn Write,
    articles: &[Article],
    s: &Story,
) -> io::Result<()> {
    if s.disagreements.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "\n## Disagreements\n\nClaims whose numbers or names differ between outlets.\n\n| class | one side | the other | claim |\n|---|---|---|---|"
    )?;
    let side = |words: &[String], occ: &[Occurrence]| {
        let mut arts: Vec<usize> = occ.iter().map(|o| o.article).collect();
        arts.dedup();
        let names: Vec<String> = arts.iter().map(|&i| md(&label(articles, i))).collect();
        format!("**{}** {}", md(&words.join(", ")), names.join(", "))
    };
    for d in &s.disagreements {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            d.class.as_str(),
            side(&d.a_words, &d.a),
            side(&d.b_words, &d.b),
            md(&s.claims[d.claim].text)
        )?;
    }
    Ok(())
}

/// The substitutions between outlets, as the JSON's `wording` (the README
/// promised them in Markdown too; the section was missing), or why none.
fn write_wording_markdown(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    writeln!(out, "\n## Wording\n")?;
    if s.wording.is_empty() {
        return writeln!(out, "{}", crate::story::no_wording_sentence());
    }
    writeln!(
        out,
        "Words one outlet uses where another uses others, in the same claim.\n\n| one outlet | its words | the other | its words | times |\n|---|---|---|---|---|"
    )?;
    for w in &s.wording {
        let kind = match w.kind().label() {
            "" => String::new(),
            label => format!(" ({label})"),
        };
        writeln!(
            out,
            "| {} | **{}** | {} | **{}** | {}{kind} |",
            md(&label(articles, w.a)),
            md(&w.words_a),
            md(&label(articles, w.b)),
            md(&w.words_b),
            w.count
        )?;
    }
    Ok(())
}

/// A word diff on one line, `[-deleted-]{+inserted+}` as wdiff marks it.
fn word_marks(words: &[crate::align::WordOp]) -> String {
    use crate::align::WordKind;
    let mut s = String::new();
    for (lead, w, body) in crate::align::spaced_pieces(words, None) {
        if lead {
            s.push(' ');
        }
        let body = one_line(&body);
        match w.kind {
            WordKind::Equal => s.push_str(&body),
            WordKind::Deleted => s.push_str(&format!("[-{body}-]")),
            WordKind::Inserted => s.push_str(&format!("{{+{body}+}}")),
        }
    }
    s
}

/// A short label for article `i`: its index and outlet or file name.
pub fn label(articles: &[Article], i: usize) -> String {
    format!("[{i}] {}", one_line(&articles[i].short_name()))
}

fn marks(articles: usize, carried: &[usize]) -> String {
    (0..articles)
        .map(|i| if carried.contains(&i) { '●' } else { '·' })
        .collect()
}

pub fn write_text(
    out: &mut dyn Write,
    articles: &[Article],
    s: &Story,
    width: usize,
) -> io::Result<()> {
    // Every line but the matrix's (a table) is wrapped at `width`.
    let wrapped = |out: &mut dyn Write, section: &dyn Fn(&mut dyn Write) -> io::Result<()>| {
        let mut buf = Vec::new();
        section(&mut buf)?;
        for line in String::from_utf8_lossy(&buf).lines() {
            writeln!(out, "{}", super::diff::wrap_line(line, width.max(40)))?;
        }
        Ok::<(), io::Error>(())
    };
    wrapped(out, &|o| {
        write_article_list(o, articles, width)?;
        writeln!(
            o,
            "\nrelations (similarity; r reprint, = identical, ~ related, · unrelated)"
        )
    })?;
    write_relations(out, articles.len(), s)?;
    wrapped(out, &|o| {
        write_groups(o, articles, s)?;
        write_shared_quotes(o, articles, s, width)?;
        write_disagreements(o, s, width)?;
        write_shared_claims(o, articles.len(), s, width)?;
        write_wording(o, s)?;
        write_each_article(o, articles, s, width)
    })
}

/// The articles, a line each: name, title, byline and date, words.
fn write_article_list(out: &mut dyn Write, articles: &[Article], width: usize) -> io::Result<()> {
    writeln!(out, "{} articles", articles.len())?;
    for (i, a) in articles.iter().enumerate() {
        let meta: Vec<String> = [a.meta.byline.as_deref(), a.meta.date.as_deref()]
            .iter()
            .flatten()
            .map(|x| one_line(x))
            .collect();
        let line = format!(
            "  {:<4} {}  {}{} · {} words",
            format!("[{i}]"),
            clip(&a.short_name(), 28),
            clip(&a.title_line(), width.saturating_sub(60).max(20)),
            if meta.is_empty() {
                String::new()
            } else {
                format!(" · {}", meta.join(" · "))
            },
            a.words()
        );
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The similarity matrix, each cell marked with its relation.
fn write_relations(out: &mut dyn Write, n: usize, s: &Story) -> io::Result<()> {
    write!(out, "      ")?;
    for j in 0..n {
        write!(out, "{:>6}", format!("[{j}]"))?;
    }
    writeln!(out)?;
    for i in 0..n {
        write!(out, "{:<6}", format!("[{i}]"))?;
        for j in 0..n {
            if i == j {
                write!(out, "{:>6}", "—")?;
                continue;
            }
            let p = s.pair(i, j).expect("every pair");
            let mark = match p.relation.as_str() {
                "identical" => '=',
                "reprint" => 'r',
                "related" => '~',
                _ => '·',
            };
            write!(out, "{:>6}", format!("{mark}{:.2}", p.similarity))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The reprint groups, or that there are none.
fn write_groups(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    if s.groups.is_empty() {
        writeln!(out, "\nno reprint groups")?;
    } else {
        writeln!(out, "\nreprint groups")?;
        for g in &s.groups {
            let names: Vec<String> = g.iter().map(|&i| label(articles, i)).collect();
            writeln!(out, "  {}", names.join(" · "))?;
        }
    }
    Ok(())
}

/// Quotations more than one article carries, altered ones with the word diff of each wording.
fn write_shared_quotes(
    out: &mut dyn Write,
    articles: &[Article],
    s: &Story,
    width: usize,
) -> io::Result<()> {
    let n = articles.len();
    let shared_quotes: Vec<_> = s.quotes.iter().filter(|q| q.articles().len() > 1).collect();
    writeln!(
        out,
        "\nquotes carried by more than one article ({} of {} quotes)",
        shared_quotes.len(),
        s.quotes.len()
    )?;
    for q in &shared_quotes {
        writeln!(
            out,
            "  {}  “{}” — {}{}",
            marks(n, &q.articles()),
            clip(&q.text, width.saturating_sub(30).max(30)),
            q.speaker_line(),
            if q.altered { " (altered)" } else { "" }
        )?;
        for v in &q.variants {
            // The whole word diff, wrapped: clipped, the change may not show.
            let line = format!(
                "      {}: {}",
                label(articles, v.occurrence.article),
                word_marks(&v.words)
            );
            writeln!(out, "{}", super::diff::wrap_line(&line, width.max(40)))?;
        }
    }
    Ok(())
}

/// Claims more than one article carries, with a mark per article.
fn write_shared_claims(out: &mut dyn Write, n: usize, s: &Story, width: usize) -> io::Result<()> {
    let shared_claims: Vec<_> = s.claims.iter().filter(|c| c.articles().len() > 1).collect();
    writeln!(
        out,
        "\nclaims carried by more than one article ({} of {} claims)",
        shared_claims.len(),
        s.claims.len()
    )?;
    for c in &shared_claims {
        writeln!(
            out,
            "  {}  {}",
            marks(n, &c.articles()),
            clip(&c.text, width.saturating_sub(10).max(30))
        )?;
    }
    Ok(())
}

/// Word substitutions that recur between outlets.
fn write_wording(out: &mut dyn Write, s: &Story) -> io::Result<()> {
    writeln!(
        out,
        "\nwording: words one outlet uses where another uses others, in the same claim ({})",
        s.wording.len()
    )?;
    if s.wording.is_empty() {
        let (none, left_out) = (crate::story::NO_WORDING, crate::story::WORDING_LEFT_OUT);
        writeln!(out, "  {none}. {left_out}.")?;
    }
    for w in &s.wording {
        let kind = match w.kind().label() {
            "" => String::new(),
            label => format!(" · {label}"),
        };
        writeln!(
            out,
            "  [{}] “{}” ↔ [{}] “{}” ×{}{kind}",
            w.a,
            clip(&w.words_a, 40),
            w.b,
            clip(&w.words_b, 40),
            w.count
        )?;
    }
    Ok(())
}

/// Per article: its own claims and the claims it leaves out.
fn write_each_article(
    out: &mut dyn Write,
    articles: &[Article],
    s: &Story,
    width: usize,
) -> io::Result<()> {
    let n = articles.len();
    writeln!(out, "\neach article")?;
    for i in 0..n {
        let only = s.only_in(i).len();
        let left = s.left_out(i, n);
        writeln!(
            out,
            "  {}: {only} claim{} of its own; leaves out {} carried elsewhere",
            label(articles, i),
            if only == 1 { "" } else { "s" },
            left.len()
        )?;
        for &c in left.iter().take(12) {
            let carried: Vec<String> = s.claims[c]
                .articles()
                .iter()
                .map(|a| format!("[{a}]"))
                .collect();
            writeln!(
                out,
                "      - {} ({})",
                clip(&s.claims[c].text, width.saturating_sub(24).max(30)),
                carried.join(" ")
            )?;
        }
        if left.len() > 12 {
            writeln!(out, "      … and {} more", left.len() - 12)?;
        }
    }
    Ok(())
}

pub fn write_markdown(out: &mut dyn Write, articles: &[Article], s: &Story) -> io::Result<()> {
    let n = articles.len();
    writeln!(out, "# storydiff story: {n} articles\n")?;
    writeln!(
        out,
        "| # | outlet | title | byline | date | words |\n|---|---|---|---|---|---|"
    )?;
    for (i, a) in articles.iter().enumerate() {
        let f = |v: &Option<String>| v.as_deref().map(md).unwrap_or_else(|| "—".into());
        writeln!(
            out,
            "| {i} | {} | {} | {} | {} | {} |",
            md(&a.short_name()),
            f(&a.meta.title),
            f(&a.meta.byline),
            f(&a.meta.date),
            a.words()
        )?;
    }
    writeln!(out, "\n## Relations\n\n| pair | relation | similarity | shared claims | shared quotes |\n|---|---|---|---|---|")?;
    for p in &s.pairs {
        writeln!(
            out,
            "| {}–{} | {} | {:.2} | {} | {} |",
            p.a,
            p.b,
            p.relation.as_str(),
            p.similarity,
            p.shared_sentences,
            p.shared_quotes
        )?;
    }
    writeln!(out, "\n## Reprint groups\n")?;
    for g in &s.groups {
        writeln!(
            out,
            "- {}",
            g.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    writeln!(
        out,
        "\n## Quotes\n\n| quote | speaker | articles |\n|---|---|---|"
    )?;
    for q in s.quotes.iter().filter(|q| q.articles().len() > 1) {
        writeln!(
            out,
            "| “{}”{} | {} | {} |",
            md(&q.text),
            if q.altered { " *(altered)*" } else { "" },
            if q.speaker.is_some() {
                md(&q.speaker_line())
            } else {
                "—".into()
            },
            q.articles()
                .iter()
                .map(|a| a.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    write_altered_markdown(out, articles, s)?;
    write_disagreements_markdown(out, articles, s)?;
    write_wording_markdown(out, articles, s)?;
    writeln!(
        out,
        "\n## Claims carried by more than one article\n\n| claim | articles |\n|---|---|"
    )?;
    for c in s.claims.iter().filter(|c| c.articles().len() > 1) {
        writeln!(
            out,
            "| {} | {} |",
            md(&c.text),
            c.articles()
                .iter()
                .map(|a| a.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    Ok(())
}
