//! The `storydiff` binary: parses arguments, runs a command, and is the only
//! place that exits. Errors print as one line naming the file, exit status 2.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use storydiff::align::{align, AlignOptions, Relation};
use storydiff::article::{load_article, LoadOptions};
use storydiff::report::{diff, inspect};

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
    let mut out = BufWriter::new(stdout.lock());
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
            let old = load_article(&old, &options)?;
            let new = load_article(&new, &options)?;
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
            }
            out.flush()?;
            return Ok(if comparison.relation == Relation::Identical {
                0
            } else {
                1
            });
        }
        Some(Command::Inspect { file, format }) => {
            let article = load_article(&file, &options)?;
            match format {
                InspectFormat::Text => inspect::write_text(&mut out, &article, terminal_width())?,
                InspectFormat::Json => inspect::write_json(&mut out, &article)?,
            }
        }
        None => {
            let (config, warning) = storydiff::tui::config::load();
            let options = LoadOptions {
                extra_boilerplate: config.extra_boilerplate.clone(),
                ..LoadOptions::default()
            };
            let interactive = io::stdout().is_terminal() && io::stdin().is_terminal();
            let pair = match cli.files.len() {
                0 => {
                    // The bundled story's reprint pair, until the story view lands.
                    let mut sample = storydiff::sample::load_sample_story();
                    sample.truncate(2);
                    (sample.len() == 2).then(|| {
                        let new = sample.pop().expect("two");
                        (sample.pop().expect("two"), new)
                    })
                }
                2 => Some((
                    load_article(&cli.files[0], &options)?,
                    load_article(&cli.files[1], &options)?,
                )),
                _ => None,
            };
            if let Some((old, new)) = pair {
                if interactive {
                    if let Some(w) = &warning {
                        eprintln!("storydiff: {}", storydiff::display::one_line(w));
                    }
                    drop(out);
                    storydiff::tui::run_compare(old, new, config, warning)?;
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
            let articles = cli
                .files
                .iter()
                .map(|f| load_article(f, &options))
                .collect::<Result<Vec<_>, _>>()?;
            for (i, article) in articles.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                inspect::write_text(&mut out, article, terminal_width())?;
            }
        }
    }
    out.flush()?;
    Ok(0)
}

/// Width for text reports: `COLUMNS` when set, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}
