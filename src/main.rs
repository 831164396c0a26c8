//! The `storydiff` binary: parses arguments, runs a command, and is the only
//! place that exits. Errors print as one line naming the file, exit status 2.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use storydiff::align::{align, align_by_claims, AlignOptions, Relation};
use storydiff::article::{Article, LoadOptions};
use storydiff::report::{diff, html, inspect, story as story_report};
use storydiff::source::{is_url, SourceError, Sources};

mod cli;
mod man;
mod web;

use cli::{By, Cli, ColorChoice, Command, DiffFormat, InspectFormat, Only};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "storydiff: {}",
                storydiff::display::one_line(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<u8> {
    let stdout = io::stdout();
    // Reports that write in big pieces (JSON) pass this buffer by; the rest
    // write through it. Small, so that little fresh memory is touched.
    let mut out = BufWriter::with_capacity(1 << 14, stdout.lock());
    let options = LoadOptions::default();
    let sources = Sources::new(web::source_options(&cli.net));
    match cli.command {
        Some(Command::Diff {
            old,
            new,
            format,
            color,
            by,
            only,
        }) => {
            if old == "-" && new == "-" {
                anyhow::bail!("-: standard input can be only one of the two sides");
            }
            let (old, new) = load_pair(&sources, &old, &new, &options)?;
            let mut comparison = match by {
                By::Order => align(&old, &new, &AlignOptions::default()),
                By::Claims => align_by_claims(&old, &new, &AlignOptions::default()),
            };
            // The exit status is the whole comparison's, filtered or not.
            let identical = comparison.relation == Relation::Identical;
            if only == Some(Only::Facts) {
                diff::keep_only_facts(&mut comparison);
            }
            match format {
                DiffFormat::Text => {
                    // NO_COLOR means no colour and no bold either, whatever
                    // `--color` asks for.
                    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                    let color = !no_color
                        && match color {
                            ColorChoice::Always => true,
                            ColorChoice::Never => false,
                            ColorChoice::Auto => io::stdout().is_terminal(),
                        };
                    diff::write_text_wrapped(
                        &mut out,
                        &old,
                        &new,
                        &comparison,
                        color,
                        terminal_width(),
                    )?
                }
                DiffFormat::Json => diff::write_json(&mut out, &old, &new, &comparison)?,
                DiffFormat::Markdown => diff::write_markdown(&mut out, &old, &new, &comparison)?,
                DiffFormat::Html => html::write_diff(&mut out, &old, &new, &comparison)?,
            }
            out.flush()?;
            return Ok(if identical { 0 } else { 1 });
        }
        Some(Command::Story {
            mut files,
            urls,
            format,
            story,
        }) => {
            if let Some(list) = urls {
                files.extend(web::read_url_list(&list)?);
            }
            let articles = load_story(&sources, &files, &options)?;
            let pile = storydiff::story::sort_pile(&articles);
            match one_story(&articles, pile, story)? {
                Ok((articles, story)) => match format {
                    DiffFormat::Text => {
                        story_report::write_text(&mut out, &articles, &story, terminal_width())?
                    }
                    DiffFormat::Json => story_report::write_json(&mut out, &articles, &story)?,
                    DiffFormat::Markdown => {
                        story_report::write_markdown(&mut out, &articles, &story)?
                    }
                    DiffFormat::Html => html::write_story(&mut out, &articles, &story)?,
                },
                Err(pile) => match format {
                    DiffFormat::Text => {
                        story_report::write_pile_text(&mut out, &articles, &pile, terminal_width())?
                    }
                    DiffFormat::Json => story_report::write_pile_json(&mut out, &articles, &pile)?,
                    DiffFormat::Markdown => {
                        story_report::write_pile_markdown(&mut out, &articles, &pile)?
                    }
                    DiffFormat::Html => html::write_pile(&mut out, &articles, &pile)?,
                },
            }
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "storydiff", &mut out);
        }
        Some(Command::Man) => man::write_man(&mut out)?,
        Some(Command::History { url, format }) => {
            return web::history(&sources, &url, format, &mut out);
        }
        Some(Command::Watch { urls, every }) => {
            drop(out);
            return web::watch(&sources, &urls, every, &options);
        }
        Some(Command::Inspect { file, format }) => {
            // A file of many records (JSONL) is inspected record by record.
            for (i, article) in sources.open_records(&file, &options)?.iter().enumerate() {
                match format {
                    InspectFormat::Text => {
                        if i > 0 {
                            writeln!(out)?;
                        }
                        inspect::write_text(&mut out, article, terminal_width())?
                    }
                    InspectFormat::Json => inspect::write_json(&mut out, article)?,
                }
            }
        }
        None => {
            let (config, warning) = storydiff::tui::config::load();
            let options = LoadOptions {
                extra_boilerplate: config.extra_boilerplate.clone(),
                ..LoadOptions::default()
            };
            let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
            let is_dir =
                cli.files.len() == 1 && std::fs::metadata(&cli.files[0]).is_ok_and(|m| m.is_dir());
            // One file of many records (JSONL) is a story of its own.
            let records = match cli.files.as_slice() {
                [one] if !is_dir => Some(sources.open_records(one, &options)?),
                _ => None,
            };
            let many_records = records.as_ref().is_some_and(|r| r.len() >= 2);
            if cli.files.is_empty() || cli.files.len() >= 3 || is_dir || many_records {
                let (articles, memory) = if cli.files.is_empty() {
                    (
                        storydiff::sample::load_sample_story(),
                        storydiff::tui::Memory::sample(),
                    )
                } else {
                    let articles = match records {
                        Some(r) if many_records => r,
                        _ => load_story(&sources, &cli.files, &options)?,
                    };
                    (articles, storydiff::tui::Memory::of_files(&cli.files))
                };
                let pile = storydiff::story::sort_pile(&articles);
                let chosen = one_story(&articles, pile, None)?;
                if interactive {
                    if let Some(w) = &warning {
                        eprintln!("storydiff: {}", storydiff::display::one_line(w));
                    }
                    drop(out);
                    match chosen {
                        Ok((articles, story)) => {
                            storydiff::tui::run_story(articles, story, config, warning, memory)?
                        }
                        Err(pile) => storydiff::tui::run_pile(articles, pile, config, warning)?,
                    }
                    return Ok(0);
                }
                match chosen {
                    Ok((articles, story)) => {
                        story_report::write_text(&mut out, &articles, &story, terminal_width())?
                    }
                    Err(pile) => {
                        story_report::write_pile_text(&mut out, &articles, &pile, terminal_width())?
                    }
                }
                out.flush()?;
                return Ok(0);
            }
            if let [old, new] = cli.files.as_slice() {
                let memory = storydiff::tui::Memory::of_files(&cli.files);
                let (old, new) = load_pair(&sources, old, new, &options)?;
                if interactive {
                    if let Some(w) = &warning {
                        eprintln!("storydiff: {}", storydiff::display::one_line(w));
                    }
                    drop(out);
                    storydiff::tui::run_compare(old, new, config, warning, memory)?;
                    return Ok(0);
                }
                // Not a terminal: the text report instead of the view.
                let comparison = align(&old, &new, &AlignOptions::default());
                diff::write_text_wrapped(
                    &mut out,
                    &old,
                    &new,
                    &comparison,
                    false,
                    terminal_width(),
                )?;
                out.flush()?;
                return Ok(if comparison.relation == Relation::Identical {
                    0
                } else {
                    1
                });
            }
            // One file: how it was read.
            let article = match records.and_then(|r| r.into_iter().next()) {
                Some(a) => a,
                None => sources.open(&cli.files[0], &options)?,
            };
            inspect::write_text(&mut out, &article, terminal_width())?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// The one story to show: story `n` of the pile (counted from 1, as the text
/// report numbers them), or the whole pile when it is a single story; else
/// the pile itself (`Err`).
fn one_story(
    articles: &[Article],
    mut pile: storydiff::story::Pile,
    n: Option<usize>,
) -> Result<Result<(Vec<Article>, storydiff::story::Story), storydiff::story::Pile>> {
    match n {
        Some(n) => {
            if n == 0 || n > pile.stories.len() {
                anyhow::bail!(
                    "--story {n}: the pile has {} stories (numbered from 1) and {} singles",
                    pile.stories.len(),
                    pile.singles.len()
                );
            }
            let s = pile.stories.swap_remove(n - 1);
            let subset = s.articles.iter().map(|&i| articles[i].clone()).collect();
            Ok(Ok((subset, s.story)))
        }
        None if pile.stories.len() == 1 && pile.singles.is_empty() => {
            let s = pile.stories.pop().expect("one story");
            Ok(Ok((articles.to_vec(), s.story)))
        }
        None => Ok(Err(pile)),
    }
}

/// Loads two articles at once, one per core (big files load in tens of ms,
/// pages take a round trip).
fn load_pair(
    sources: &Sources,
    old: &str,
    new: &str,
    options: &LoadOptions,
) -> Result<(Article, Article)> {
    let size = |p: &str| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    if !is_url(old) && !is_url(new) && size(old) + size(new) < 1 << 18 {
        // Small files load faster than a thread starts.
        return Ok((sources.open(old, options)?, sources.open(new, options)?));
    }
    let (o, n) = std::thread::scope(|s| {
        let o = s.spawn(|| sources.open(old, options));
        let n = sources.open(new, options);
        (o.join(), n)
    });
    let o = o.map_err(|_| anyhow::anyhow!("{old}: the loader stopped unexpectedly"))?;
    match (o, n) {
        (Ok(o), Ok(n)) => Ok((o, n)),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e.into()),
        (Err(first), Err(second)) => {
            // Both failed: one line for each.
            let first = storydiff::display::one_line(&first.to_string());
            eprintln!("storydiff: {first}");
            Err(second.into())
        }
    }
}

/// Width for text reports: `COLUMNS` when set, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// Loads the articles of a story: the files and URLs given, or the files of
/// one directory (sorted by name); a file of many records (JSONL) gives one
/// article per record. Files of a directory and URLs that cannot be read as
/// articles are skipped with a one-line note each.
fn load_story(sources: &Sources, paths: &[String], options: &LoadOptions) -> Result<Vec<Article>> {
    let mut files: Vec<(String, bool)> = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p);
        if !is_url(p) && meta.as_ref().is_ok_and(|m| m.is_dir()) {
            let mut entries: Vec<String> = std::fs::read_dir(p)
                .map_err(|e| anyhow::anyhow!("{p}: cannot read directory: {e}"))?
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path().to_string_lossy().into_owned())
                .filter(|f| !f.ends_with(".md") || !f.to_ascii_lowercase().ends_with("readme.md"))
                .collect();
            entries.sort();
            files.extend(entries.into_iter().map(|f| (f, true)));
        } else {
            files.push((p.clone(), is_url(p)));
        }
    }
    let args: Vec<String> = files.iter().map(|(f, _)| f.clone()).collect();
    let loaded = sources.open_all(&args, options, &web::progress(&args));
    let mut articles = Vec::new();
    for ((_, skippable), result) in files.iter().zip(loaded) {
        match result {
            Ok(a) => articles.extend(a),
            Err(e) if *skippable && !matches!(e, SourceError::Archive { .. }) => eprintln!(
                "storydiff: skipped {}",
                storydiff::display::one_line(&e.to_string())
            ),
            Err(e) => return Err(e.into()),
        }
    }
    if articles.len() < 2 {
        anyhow::bail!(
            "a story needs at least two articles ({} could be read)",
            articles.len()
        );
    }
    Ok(articles)
}
