//! The commands about web pages: `history` and `watch`, and the settings
//! for fetching (the progress line while pages load is `progress`).

use std::io::{self, IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

use storydiff::article::LoadOptions;
use storydiff::source::archive::{Stored, VersionInfo};
use storydiff::source::fetch::FetchOptions;
use storydiff::source::{format_time, parse_source, Source, SourceError, SourceOptions, Sources};

use crate::cli::{InspectFormat, NetArgs};

/// The source settings the flags ask for.
pub fn source_options(net: &NetArgs) -> SourceOptions {
    SourceOptions {
        fetch: FetchOptions {
            timeout: net.timeout,
            connect_timeout: net.connect_timeout.min(net.timeout),
            ..FetchOptions::default()
        },
        offline: net.offline,
        refresh: net.refresh,
        ..SourceOptions::default()
    }
}

/// The lines of a `--urls` file: blank lines and `#` comments skipped.
pub fn read_url_list(path: &str) -> Result<Vec<String>> {
    let text = if path == "-" {
        io::read_to_string(io::stdin()).with_context(|| format!("{path}: cannot read"))?
    } else {
        std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{path}: cannot read: {e}"))?
    };
    let urls: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    if urls.is_empty() {
        bail!("{path}: no URLs in the file");
    }
    Ok(urls)
}

/// The page a `history` or `watch` argument names (a version suffix is ignored).
fn page_url(arg: &str) -> Result<String> {
    match parse_source(arg).map_err(anyhow::Error::msg)? {
        Source::Url { url, .. } => Ok(url),
        Source::File(_) => bail!("{arg}: not a web address (http:// or https://)"),
    }
}

/// `storydiff history URL`: the version list in a terminal, else text or JSON.
pub fn history(
    sources: &Sources,
    arg: &str,
    format: Option<InspectFormat>,
    out: &mut impl Write,
) -> Result<u8> {
    let url = page_url(arg)?;
    let versions = sources.history(&url)?;
    if versions.is_empty() {
        let similar = sources.similar_pages(&url).unwrap_or_default();
        match similar.first() {
            Some(other) => bail!("{url}: not in the archive; stored as {other}"),
            None => bail!(
                "{url}: not in the archive ({})",
                sources.archive_path()?.display()
            ),
        }
    }
    match format {
        Some(InspectFormat::Json) => write_history_json(out, &url, &versions)?,
        Some(InspectFormat::Text) => write_history_text(out, &url, &versions)?,
        None if io::stdout().is_terminal() && io::stdin().is_terminal() => {
            let archive = sources.archive()?;
            let (config, warning) = storydiff::tui::config::load();
            let load = LoadOptions {
                extra_boilerplate: config.extra_boilerplate.clone(),
                ..LoadOptions::default()
            };
            let open = |n: u32| {
                sources
                    .load_version(&archive, &url, n, &format!("{url}@{n}"), &load)
                    .map_err(|e| e.to_string())
            };
            storydiff::tui::run_history(&url, versions, &open, config, warning)?;
            return Ok(0);
        }
        None => write_history_text(out, &url, &versions)?,
    }
    out.flush()?;
    Ok(0)
}

fn write_history_text(out: &mut impl Write, url: &str, versions: &[VersionInfo]) -> io::Result<()> {
    let plural = if versions.len() == 1 { "" } else { "s" };
    writeln!(
        out,
        "{}: {} version{plural}",
        storydiff::display::one_line(url),
        versions.len()
    )?;
    let facts = versions.iter().any(|v| v.fact_changes.is_some());
    write!(
        out,
        "{:>5}  {:<20}  {:>7}  {:>7}  {:>7}",
        "n", "fetched (UTC)", "words", "added", "removed"
    )?;
    if facts {
        write!(out, "  {:>5}", "facts")?;
    }
    writeln!(out)?;
    for (i, v) in versions.iter().enumerate() {
        let time = format_time(v.fetched_at).replace('T', " ").replace('Z', "");
        let mut line = format!("{:>5}  {:<20}  {:>7}", v.n, time, v.words);
        if i > 0 {
            let (added, removed) = (
                format!("+{}", v.words_added),
                format!("-{}", v.words_removed),
            );
            line.push_str(&format!("  {added:>7}  {removed:>7}"));
            if let Some(f) = v.fact_changes {
                line.push_str(&format!("  {f:>5}"));
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// `storydiff.history/1`: the URL and its versions, oldest first. The first
/// version has nothing before it: its added/removed counts are null.
fn write_history_json(out: &mut impl Write, url: &str, versions: &[VersionInfo]) -> io::Result<()> {
    let list: Vec<serde_json::Value> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut o = serde_json::json!({
                "n": v.n,
                "fetched_at": format_time(v.fetched_at),
                "words": v.words,
                "words_added": (i > 0).then_some(v.words_added),
                "words_removed": (i > 0).then_some(v.words_removed),
            });
            if let Some(f) = v.fact_changes {
                o["fact_changes"] = (i > 0).then_some(f).into();
            }
            o
        })
        .collect();
    let doc = serde_json::json!({
        "schema": "storydiff.history/1",
        "url": url,
        "versions": list,
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// `storydiff watch`: fetches every page each `every`, stores new versions,
/// prints one line per change, until Ctrl-C.
pub fn watch(
    sources: &Sources,
    args: &[String],
    every: Duration,
    load: &LoadOptions,
) -> Result<u8> {
    if sources.options().offline {
        bail!("watch fetches pages: it cannot run --offline");
    }
    let urls: Vec<String> = args.iter().map(|a| page_url(a)).collect::<Result<_>>()?;
    drop(sources.archive()?);
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = Arc::clone(&stop);
        ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                // A second Ctrl-C: stop now. Every write is one transaction,
                // so the archive stays consistent.
                std::process::exit(0);
            }
            eprintln!(
                "\nstorydiff: stopping after the fetches in flight (Ctrl-C again to stop now)"
            );
        })
        .context("cannot catch Ctrl-C")?;
    }
    eprintln!(
        "storydiff: watching {} page{} every {}; Ctrl-C stops",
        urls.len(),
        if urls.len() == 1 { "" } else { "s" },
        storydiff::source::fetch::describe_duration(every)
    );
    while !stop.load(Ordering::SeqCst) {
        let started = Instant::now();
        watch_round(sources, &urls, load, &stop)?;
        while started.elapsed() < every && !stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(100).min(every));
        }
    }
    Ok(0)
}

/// One fetch of every page, a few at a time. A page that fails is one line
/// on stderr and is tried again next round; a broken archive stops the watch.
fn watch_round(
    sources: &Sources,
    urls: &[String],
    load: &LoadOptions,
    stop: &AtomicBool,
) -> Result<()> {
    let next = AtomicUsize::new(0);
    let workers = sources.options().concurrency.clamp(1, urls.len());
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| -> Result<(), SourceError> {
                    let mut archive = sources.archive()?;
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(url) = urls.get(i).filter(|_| !stop.load(Ordering::SeqCst)) else {
                            return Ok(());
                        };
                        let validators = archive
                            .last_check(url)
                            .map_err(|error| SourceError::Archive {
                                path: archive.path().to_path_buf(),
                                error,
                            })?
                            .map(|c| c.validators)
                            .unwrap_or_default();
                        match sources.fetch_into(&mut archive, url, &validators, load) {
                            Ok(o) => {
                                if report_change(url, &o.stored, o.article.words()).is_err() {
                                    // Nobody reads the lines any more (`| head -3`): stop.
                                    stop.store(true, Ordering::SeqCst);
                                }
                            }
                            Err(e @ SourceError::Archive { .. }) => return Err(e),
                            Err(e) => eprintln!(
                                "storydiff: {} {}",
                                format_time(storydiff::source::now()),
                                storydiff::display::one_line(&e.to_string())
                            ),
                        }
                    }
                })
            })
            .collect();
        for h in handles {
            match h.join() {
                Ok(r) => r?,
                Err(_) => bail!("a fetching thread stopped unexpectedly"),
            }
        }
        Ok(())
    })
}

/// One line per new version: time, URL, version number, words added/removed.
fn report_change(url: &str, stored: &Stored, words: usize) -> io::Result<()> {
    let Stored::Added { n, delta } = stored else {
        return Ok(());
    };
    let time = format_time(storydiff::source::now());
    let url = storydiff::display::one_line(url);
    let line = if *n == 1 {
        format!("{time}  {url}  version 1: first seen, {words} words")
    } else {
        let facts = match delta.fact_changes {
            Some(1) => ", 1 fact change".to_string(),
            Some(f) if f > 1 => format!(", {f} fact changes"),
            _ => String::new(),
        };
        format!(
            "{time}  {url}  version {n}: +{} -{} words{facts}",
            delta.words_added, delta.words_removed
        )
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()
}
