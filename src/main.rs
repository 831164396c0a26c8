//! The `storydiff` binary: parses arguments, runs a command, and is the only
//! place that exits. Errors print as one line naming the file, exit status 2.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use storydiff::align::{align, AlignOptions, Relation};
use storydiff::article::{load_article, load_articles, LoadOptions};
use storydiff::report::{diff, html, inspect, story as story_report};

mod cli;

use cli::{Cli, ColorChoice, Command, DiffFormat, InspectFormat};

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
    match cli.command {
        Some(Command::Diff {
            old,
            new,
            format,
            color,
        }) => {
            if old == "-" && new == "-" {
                anyhow::bail!("-: standard input can be only one of the two sides");
            }
            let (old, new) = load_pair(&old, &new, &options)?;
            let comparison = align(&old, &new, &AlignOptions::default());
            match format {
                DiffFormat::Text => {
                    let color = match color {
                        ColorChoice::Always => true,
                        ColorChoice::Never => false,
                        ColorChoice::Auto => {
                            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                                && io::stdout().is_terminal()
                        }
                    };
                    diff::write_text(&mut out, &old, &new, &comparison, color)?
                }
                DiffFormat::Json => diff::write_json(&mut out, &old, &new, &comparison)?,
                DiffFormat::Markdown => diff::write_markdown(&mut out, &old, &new, &comparison)?,
                DiffFormat::Html => html::write_diff(&mut out, &old, &new, &comparison)?,
            }
            out.flush()?;
            return Ok(if comparison.relation == Relation::Identical {
                0
            } else {
                1
            });
        }
        Some(Command::Story { files, format }) => {
            let articles = load_story(&files, &options)?;
            let story = storydiff::story::story(&articles);
            match format {
                DiffFormat::Text => {
                    story_report::write_text(&mut out, &articles, &story, terminal_width())?
                }
                DiffFormat::Json => story_report::write_json(&mut out, &articles, &story)?,
                DiffFormat::Markdown => story_report::write_markdown(&mut out, &articles, &story)?,
                DiffFormat::Html => html::write_story(&mut out, &articles, &story)?,
            }
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "storydiff", &mut out);
        }
        Some(Command::Man) => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(&mut out)?;
        }
        Some(Command::Inspect { file, format }) => {
            // A file of many records (JSONL) is inspected record by record.
            for (i, article) in load_articles(&file, &options)?.iter().enumerate() {
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
                [one] if !is_dir => Some(load_articles(one, &options)?),
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
                        _ => load_story(&cli.files, &options)?,
                    };
                    (articles, storydiff::tui::Memory::of_files(&cli.files))
                };
                let story = storydiff::story::story(&articles);
                if interactive {
                    if let Some(w) = &warning {
                        eprintln!("storydiff: {}", storydiff::display::one_line(w));
                    }
                    drop(out);
                    storydiff::tui::run_story(articles, story, config, warning, memory)?;
                    return Ok(0);
                }
                story_report::write_text(&mut out, &articles, &story, terminal_width())?;
                out.flush()?;
                return Ok(0);
            }
            if let [old, new] = cli.files.as_slice() {
                let memory = storydiff::tui::Memory::of_files(&cli.files);
                let (old, new) = load_pair(old, new, &options)?;
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
                diff::write_text(&mut out, &old, &new, &comparison, false)?;
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
                None => load_article(&cli.files[0], &options)?,
            };
            inspect::write_text(&mut out, &article, terminal_width())?;
        }
    }
    out.flush()?;
    Ok(0)
}

/// Loads two articles at once, one per core (big files load in tens of ms).
fn load_pair(
    old: &str,
    new: &str,
    options: &LoadOptions,
) -> Result<(storydiff::article::Article, storydiff::article::Article)> {
    let size = |p: &str| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    if size(old) + size(new) < 1 << 18 {
        // Small files load faster than a thread starts.
        return Ok((load_article(old, options)?, load_article(new, options)?));
    }
    let (o, n) = std::thread::scope(|s| {
        let o = s.spawn(|| load_article(old, options));
        let n = load_article(new, options);
        (o.join(), n)
    });
    let o = o.map_err(|_| anyhow::anyhow!("{old}: the loader stopped unexpectedly"))?;
    Ok((o?, n?))
}

/// Width for text reports: `COLUMNS` when set, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// Loads the articles of a story: the files given, or the files of one
/// directory (sorted by name); a file of many records (JSONL) gives one
/// article per record. In a directory, files that cannot be read as articles
/// are skipped with a one-line note each.
fn load_story(paths: &[String], options: &LoadOptions) -> Result<Vec<storydiff::article::Article>> {
    let mut files: Vec<String> = Vec::new();
    let mut from_dir = false;
    for p in paths {
        let meta = std::fs::metadata(p);
        if meta.as_ref().is_ok_and(|m| m.is_dir()) {
            from_dir = true;
            let mut entries: Vec<String> = std::fs::read_dir(p)
                .map_err(|e| anyhow::anyhow!("{p}: cannot read directory: {e}"))?
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .map(|e| e.path().to_string_lossy().into_owned())
                .filter(|f| !f.ends_with(".md") || !f.to_ascii_lowercase().ends_with("readme.md"))
                .collect();
            entries.sort();
            files.extend(entries);
        } else {
            files.push(p.clone());
        }
    }
    let mut articles = Vec::new();
    for f in &files {
        match load_articles(f, options) {
            Ok(a) => articles.extend(a),
            Err(e) if from_dir => eprintln!(
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
