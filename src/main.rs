//! The `storydiff` binary: parses arguments, runs a command, and is the only
//! place that exits. Errors print as one line naming the file, exit status 2.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use storydiff::align::{align, align_by_claims, AlignOptions, Relation};
use storydiff::article::{Article, LoadOptions};
use storydiff::report::{diff, html, inspect, story as story_report};
use storydiff::source::{is_url, SourceError, Sources};

use progress::Progress;

mod cli;
mod man;
mod progress;
mod web;

use cli::{By, Cli, ColorChoice, Command, DiffFormat, InspectFormat, Only};

/// mimalloc (its v2 line): a big comparison allocates and frees millions of
/// small vectors and strings, and glibc's malloc gave much of that memory
/// back to the system only to fault it in again (mixed news 1 MB by claims:
/// 13,600 page faults against 3,300). The crate's default v3 line spent
/// about a millisecond more in the kernel on a 40 KB pair (it purged freed
/// pages: 51 madvise calls), where v2 ties glibc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A bug is reported on one line, not as a backtrace hint (and not at all
    // where it is caught and reported as one argument's error).
    std::panic::set_hook(Box::new(|info| {
        if !storydiff::source::panic_is_caught() {
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()));
            let what = storydiff::source::panic_text(info.payload());
            eprintln!(
                "storydiff: internal error{}: {}; please report it",
                at.unwrap_or_default(),
                storydiff::display::one_line(&what)
            );
        }
    }));
    let cli = Cli::from_env();
    let result = match std::panic::catch_unwind(|| run(cli)) {
        Ok(result) => result,
        Err(_) => return ExitCode::from(2),
    };
    match result {
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

/// Standard output as the reports write it. Reports that write in big pieces
/// (JSON) pass the buffer by; the rest write through it. Small, so that
/// little fresh memory is touched.
type Out = BufWriter<Stdout>;

/// Standard output under the reports' own buffer: the file itself where the
/// system lets it be shared, else the locked handle. The handle's line buffer
/// searches every piece written for its last line end (a quarter of a million
/// instructions for the JSON of two 40 KB texts), and `Out` buffers already.
enum Stdout {
    File(std::fs::File),
    Locked(io::StdoutLock<'static>),
}

impl Stdout {
    fn open() -> Stdout {
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
                return Stdout::File(fd.into());
            }
        }
        Stdout::Locked(io::stdout().lock())
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Stdout::File(f) => f.write(buf),
            Stdout::Locked(l) => l.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Stdout::File(f) => f.flush(),
            Stdout::Locked(l) => l.flush(),
        }
    }
}

/// What `diff` was asked for, apart from the two sides.
struct DiffRequest {
    format: DiffFormat,
    color: ColorChoice,
    by: By,
    only: Option<Only>,
}

fn run(cli: Cli) -> Result<u8> {
    let mut out: Out = BufWriter::with_capacity(1 << 14, Stdout::open());
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
            let request = DiffRequest {
                format,
                color,
                by,
                only,
            };
            run_diff(&sources, [&old, &new], &request, &options, out)
        }
        Some(Command::Story {
            mut files,
            urls,
            format,
            story,
        }) => {
            let named = urls.is_none() && named_one_by_one(&files);
            if let Some(list) = urls {
                files.extend(web::read_url_list(&list)?);
            }
            let progress = Progress::on_stderr();
            let articles = load_story(&sources, &files, &options, &progress)?;
            let named = named && articles.len() <= files.len();
            write_story(articles, story, named, format, out, &progress)
        }
        Some(Command::Completions { shell }) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "storydiff", &mut out);
            finish(out)
        }
        Some(Command::Man) => {
            man::write_man(&mut out)?;
            finish(out)
        }
        Some(Command::History { url, format }) => web::history(&sources, &url, format, &mut out),
        Some(Command::Watch { urls, every }) => {
            drop(out);
            web::watch(&sources, &urls, every, &options)
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
            finish(out)
        }
        None => open_files(&sources, &cli.files, out),
    }
}

/// Flushes what a command wrote; the command succeeded.
fn finish(mut out: Out) -> Result<u8> {
    out.flush()?;
    Ok(0)
}

/// The deadline `STORYDIFF_DEADLINE_MS` asks for (for measurement only):
/// `Some(None)` for 0, none at all; `None` when unset or not a number.
fn deadline_from_env() -> Option<Option<std::time::Duration>> {
    let ms: u64 = std::env::var("STORYDIFF_DEADLINE_MS").ok()?.parse().ok()?;
    Some((ms > 0).then(|| std::time::Duration::from_millis(ms)))
}

/// `storydiff diff`: the report in the chosen format; the exit status says
/// whether the bodies are identical.
fn run_diff(
    sources: &Sources,
    [old, new]: [&str; 2],
    request: &DiffRequest,
    options: &LoadOptions,
    mut out: Out,
) -> Result<u8> {
    if old == "-" && new == "-" {
        anyhow::bail!("-: standard input can be only one of the two sides");
    }
    let (old, new) = load_pair(sources, old, new, options)?;
    // For measurement only (no flag): `STORYDIFF_NO_CLASSES=1` leaves the
    // edit-class stage out, so that its share of a whole `diff` can be timed.
    // `STORYDIFF_DEADLINE_MS=N` sets the deadline (0: none), so that a
    // result can be compared across builds whatever the machine's load.
    let align_options = AlignOptions {
        classify: std::env::var_os("STORYDIFF_NO_CLASSES").is_none_or(|v| v.is_empty()),
        deadline: deadline_from_env().unwrap_or(AlignOptions::default().deadline),
        ..AlignOptions::default()
    };
    let mut comparison = match request.by {
        By::Order => align(&old, &new, &align_options),
        By::Claims => align_by_claims(&old, &new, &align_options),
    };
    // The exit status is the whole comparison's, filtered or not.
    let identical = comparison.relation == Relation::Identical;
    if request.only == Some(Only::Facts) {
        diff::keep_only_facts(&mut comparison);
    }
    let code = if identical { 0 } else { 1 };
    let written = write_diff(&mut out, &old, &new, &comparison, request);
    // The process ends here: the articles and the comparison are left for
    // the system to take back whole rather than freed piece by piece.
    std::mem::forget((old, new, comparison));
    match written {
        // A reader that stops reading (`| head -1`) has the verdict all the
        // same: the exit status says whether the bodies differ.
        Err(e) if is_broken_pipe(&e) => Ok(code),
        Err(e) => Err(e),
        Ok(()) => Ok(code),
    }
}

/// The diff's report in the format asked for, flushed.
fn write_diff(
    out: &mut Out,
    old: &Article,
    new: &Article,
    comparison: &storydiff::align::Comparison,
    request: &DiffRequest,
) -> Result<()> {
    match request.format {
        DiffFormat::Text => {
            // NO_COLOR means no colour and no bold either, whatever
            // `--color` asks for.
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let color = !no_color
                && match request.color {
                    ColorChoice::Always => true,
                    ColorChoice::Never => false,
                    ColorChoice::Auto => io::stdout().is_terminal(),
                };
            diff::write_text_wrapped(out, old, new, comparison, color, terminal_width())?
        }
        DiffFormat::Json => diff::write_json(out, old, new, comparison)?,
        DiffFormat::Markdown => diff::write_markdown(out, old, new, comparison)?,
        DiffFormat::Html => html::write_diff(out, old, new, comparison)?,
    }
    out.flush()?;
    Ok(())
}

/// `storydiff story`: one story's report, or the pile's when the articles
/// form several stories (story `n` of it when asked for).
fn write_story(
    articles: Vec<Article>,
    n: Option<usize>,
    named: bool,
    format: DiffFormat,
    mut out: Out,
    progress: &Progress,
) -> Result<u8> {
    let mut pile = sort_pile(&articles, named && n.is_none(), progress);
    if n.is_none() && format != DiffFormat::Text && !is_one_story(&pile) {
        // These reports show every story's analysis; the text lists them.
        if articles.len() >= BIG_PILE {
            progress.stage(&format!("analysing {} stories…", pile.stories.len()));
        }
        pile.complete(&articles);
    }
    let chosen = one_story(&articles, pile, n, progress)?;
    progress.clear();
    match chosen {
        Ok((articles, story)) => match format {
            DiffFormat::Text => {
                story_report::write_text(&mut out, &articles, &story, terminal_width())?
            }
            DiffFormat::Json => story_report::write_json(&mut out, &articles, &story)?,
            DiffFormat::Markdown => story_report::write_markdown(&mut out, &articles, &story)?,
            DiffFormat::Html => html::write_story(&mut out, &articles, &story)?,
        },
        Err(pile) => match format {
            DiffFormat::Text => {
                story_report::write_pile_text(&mut out, &articles, &pile, terminal_width())?
            }
            DiffFormat::Json => story_report::write_pile_json(&mut out, &articles, &pile)?,
            DiffFormat::Markdown => story_report::write_pile_markdown(&mut out, &articles, &pile)?,
            DiffFormat::Html => html::write_pile(&mut out, &articles, &pile)?,
        },
    }
    finish(out)
}

/// `storydiff [FILES…]`: no files is the sample story; a folder, a file of
/// many records or three files and more a story (or pile); two files the
/// compare view; one file how it was read. Without a terminal, the text
/// report stands in for the view.
fn open_files(sources: &Sources, files: &[String], mut out: Out) -> Result<u8> {
    let (config, warning) = storydiff::tui::config::load();
    let options = LoadOptions {
        extra_boilerplate: config.extra_boilerplate.clone(),
        ..LoadOptions::default()
    };
    let view = View {
        interactive: io::stdout().is_terminal() && io::stdin().is_terminal(),
        config,
        warning,
    };
    let progress = Progress::on_stderr();
    let is_dir = files.len() == 1 && std::fs::metadata(&files[0]).is_ok_and(|m| m.is_dir());
    // One file of many records (JSONL) is a story of its own.
    let records = match files {
        [one] if !is_dir => Some(sources.open_records(one, &options)?),
        _ => None,
    };
    let many_records = records.as_ref().is_some_and(|r| r.len() >= 2);
    if files.is_empty() || files.len() >= 3 || is_dir || many_records {
        let (articles, memory) = if files.is_empty() {
            (
                storydiff::sample::load_sample_story(),
                storydiff::tui::Memory::sample(),
            )
        } else {
            let articles = match records {
                Some(r) if many_records => r,
                _ => load_story(sources, files, &options, &progress)?,
            };
            (articles, storydiff::tui::Memory::of_files(files))
        };
        let named =
            !is_dir && !many_records && named_one_by_one(files) && articles.len() <= files.len();
        return open_story(articles, memory, named, view, out, &progress);
    }
    if let [old, new] = files {
        let memory = storydiff::tui::Memory::of_files(files);
        let (old, new) = load_pair(sources, old, new, &options)?;
        return open_pair(old, new, memory, view, out);
    }
    // One file: how it was read.
    let article = match records.and_then(|r| r.into_iter().next()) {
        Some(a) => a,
        None => sources.open(&files[0], &options)?,
    };
    inspect::write_text(&mut out, &article, terminal_width())?;
    finish(out)
}

/// How the views open: in a terminal or not, with the config read and any
/// warning about it.
struct View {
    interactive: bool,
    config: storydiff::tui::config::Config,
    warning: Option<String>,
}

impl View {
    /// Says what was wrong with the config before the terminal is taken.
    fn warn(&self) {
        if let Some(w) = &self.warning {
            eprintln!("storydiff: {}", storydiff::display::one_line(w));
        }
    }
}

/// A story (or a pile of stories) in the story or pile view, or its text
/// report when there is no terminal.
fn open_story(
    articles: Vec<Article>,
    memory: storydiff::tui::Memory,
    named: bool,
    view: View,
    mut out: Out,
    progress: &Progress,
) -> Result<u8> {
    let pile = sort_pile(&articles, named, progress);
    let chosen = one_story(&articles, pile, None, progress)?;
    progress.clear();
    if view.interactive {
        view.warn();
        drop(out);
        match chosen {
            Ok((articles, story)) => {
                storydiff::tui::run_story(articles, story, view.config, view.warning, memory)?
            }
            Err(pile) => storydiff::tui::run_pile(articles, pile, view.config, view.warning)?,
        }
        return Ok(0);
    }
    match chosen {
        Ok((articles, story)) => {
            story_report::write_text(&mut out, &articles, &story, terminal_width())?
        }
        Err(pile) => story_report::write_pile_text(&mut out, &articles, &pile, terminal_width())?,
    }
    finish(out)
}

/// Two articles in the compare view, or the diff's text report when there is
/// no terminal (with its exit status).
fn open_pair(
    old: Article,
    new: Article,
    memory: storydiff::tui::Memory,
    view: View,
    mut out: Out,
) -> Result<u8> {
    if view.interactive {
        view.warn();
        drop(out);
        storydiff::tui::run_compare(old, new, view.config, view.warning, memory)?;
        return Ok(0);
    }
    // Not a terminal: the text report instead of the view.
    let comparison = align(&old, &new, &AlignOptions::default());
    diff::write_text_wrapped(&mut out, &old, &new, &comparison, false, terminal_width())?;
    out.flush()?;
    Ok(if comparison.relation == Relation::Identical {
        0
    } else {
        1
    })
}

/// The one story to show: story `n` of the pile (counted from 1, as the text
/// report numbers them), or the whole pile when it is a single story; else
/// the pile itself (`Err`).
fn one_story(
    articles: &[Article],
    pile: storydiff::story::Pile,
    n: Option<usize>,
    progress: &Progress,
) -> Result<Result<(Vec<Article>, storydiff::story::Story), storydiff::story::Pile>> {
    let analysing = |count: usize| {
        if count >= BIG_STORY {
            progress.stage(&format!("analysing a story of {count} articles…"));
        }
    };
    match n {
        Some(n) => {
            if n == 0 || n > pile.stories.len() {
                let count = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                anyhow::bail!(
                    "--story {n}: the pile has {} (numbered from 1) and {}",
                    count(pile.stories.len(), "story", "stories"),
                    count(pile.singles.len(), "single", "singles")
                );
            }
            analysing(pile.stories[n - 1].articles.len());
            Ok(Ok(pile.stories[n - 1].complete(articles)))
        }
        None if is_one_story(&pile) => {
            analysing(articles.len());
            Ok(Ok(pile.stories[0].complete(articles)))
        }
        None => Ok(Err(pile)),
    }
}

/// Piles from this many articles say on the terminal that they are being
/// sorted and analysed (smaller ones take well under a second).
const BIG_PILE: usize = 300;
/// Stories from this many articles say they are being analysed.
const BIG_STORY: usize = 60;

/// The pile sorted into stories (saying so on the terminal for a big one).
/// The pile's stories; articles the reader `named` together, a few files
/// given one by one, are one story unless they sort into two
/// (`story::sort_named`).
fn sort_pile(articles: &[Article], named: bool, progress: &Progress) -> storydiff::story::Pile {
    if articles.len() >= BIG_PILE {
        progress.stage(&format!(
            "sorting {} articles into stories…",
            articles.len()
        ));
    }
    if named {
        storydiff::story::sort_named(articles)
    } else {
        storydiff::story::sort_pile(articles)
    }
}

/// Whether the pile is one story and nothing else.
fn is_one_story(pile: &storydiff::story::Pile) -> bool {
    pile.stories.len() == 1 && pile.singles.is_empty()
}

/// Files named one by one, two or more, no folder among them: the story
/// the reader hands in, as `story::sort_named` reads a few of them.
fn named_one_by_one(files: &[String]) -> bool {
    files.len() >= 2
        && files
            .iter()
            .all(|f| is_url(f) || !std::fs::metadata(f).is_ok_and(|m| m.is_dir()))
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

/// Whether a file found in a directory may be an article by its name: text,
/// Markdown, HTML or JSON (or no extension), and not a README, licence or
/// other file that comes with a data set.
fn may_be_article(path: &str) -> bool {
    let path = std::path::Path::new(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    const KINDS: &[&str] = &[
        "txt", "text", "md", "markdown", "html", "htm", "xhtml", "shtml", "json", "jsonl", "ndjson",
    ];
    const PAPERS: &[&str] = &[
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "authors",
        "notice",
        "contributing",
        "manifest",
    ];
    let stem = name.split(['.', '-', '_']).next().unwrap_or("");
    let kind_ok = match path.extension() {
        Some(e) => KINDS.contains(&e.to_string_lossy().to_lowercase().as_str()),
        None => true,
    };
    kind_ok && !name.starts_with('.') && !PAPERS.contains(&stem)
}

/// Whether a directory entry is a file, or a link to one; a link that
/// leads nowhere (a loop, a missing target) is skipped with a note naming it.
fn is_file_or_link_to_one(e: &std::fs::DirEntry) -> bool {
    match e.file_type() {
        Ok(t) if t.is_file() => true,
        Ok(t) if t.is_symlink() => match std::fs::metadata(e.path()) {
            Ok(m) => m.is_file(),
            Err(err) => {
                eprintln!(
                    "storydiff: skipped {}: cannot read: {err}",
                    storydiff::display::one_line(&e.path().to_string_lossy())
                );
                false
            }
        },
        _ => false,
    }
}

/// One note naming a directory's files that were not read as articles.
fn note_left_out(files: &[String]) {
    if files.is_empty() {
        return;
    }
    const NAMED: usize = 8;
    let names: Vec<String> = files
        .iter()
        .take(NAMED)
        .map(|f| {
            std::path::Path::new(f)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| f.clone())
        })
        .collect();
    let more = if files.len() > NAMED {
        format!(" and {} more", files.len() - NAMED)
    } else {
        String::new()
    };
    eprintln!(
        "storydiff: not read as articles ({} file{} of the directory: not text, Markdown, HTML or JSON, or a README, licence or manifest): {}{more}",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        storydiff::display::one_line(&names.join(", "))
    );
}

/// Width for text reports: `COLUMNS` when set, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// A directory entry's path as text; a name that is not valid UTF-8 is
/// skipped with a note saying so (read back lossily it would name no file).
fn utf8_path(path: &std::path::Path) -> Option<String> {
    let text = path.to_str().map(str::to_owned);
    if text.is_none() {
        eprintln!(
            "storydiff: skipped {}: the file name is not valid UTF-8 (rename the file to open it)",
            storydiff::display::one_line(&path.to_string_lossy())
        );
    }
    text
}

/// Loads the articles of a story: the files and URLs given, or the files of
/// one directory (sorted by name); a file of many records (JSONL) gives one
/// article per record. A directory's files that are not articles by their
/// name (a README, a script, a spreadsheet) are left out with one note
/// listing them; a directory with no article files, and files and URLs that
/// cannot be read as articles (named or a directory's), are skipped with a
/// one-line note each, unless fewer than two articles are left: then the
/// first one's error is the command's. A named file that could not be read
/// stopped the whole story (`story pages/*.html` with one page of no text).
fn load_story(
    sources: &Sources,
    paths: &[String],
    options: &LoadOptions,
    progress: &Progress,
) -> Result<Vec<Article>> {
    let mut files: Vec<String> = Vec::new();
    let mut left_out: Vec<String> = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p);
        if !is_url(p) && meta.as_ref().is_ok_and(|m| m.is_dir()) {
            let mut entries: Vec<String> = std::fs::read_dir(p)
                .map_err(|e| anyhow::anyhow!("{p}: cannot read directory: {e}"))?
                .filter_map(|e| e.ok())
                .filter(is_file_or_link_to_one)
                .filter_map(|e| utf8_path(&e.path()))
                .collect();
            entries.sort();
            let (articles, others): (Vec<String>, Vec<String>) =
                entries.into_iter().partition(|f| may_be_article(f));
            if articles.is_empty() {
                eprintln!(
                    "storydiff: skipped {}: no article files in this directory",
                    storydiff::display::one_line(p)
                );
            }
            left_out.extend(others);
            files.extend(articles);
        } else {
            files.push(p.clone());
        }
    }
    note_left_out(&left_out);
    let loaded = sources.open_all(&files, options, &|done, total| progress.files(done, total));
    progress.clear();
    let mut articles = Vec::new();
    let mut skipped = Vec::new();
    for result in loaded {
        match result {
            Ok(a) => articles.extend(a),
            Err(e @ SourceError::Archive { .. }) => return Err(e.into()),
            Err(e) => skipped.push(e),
        }
    }
    // Too few left for a story: the first file's own error says why.
    if articles.len() < 2 && !skipped.is_empty() {
        return Err(skipped.remove(0).into());
    }
    for e in &skipped {
        eprintln!(
            "storydiff: skipped {}",
            storydiff::display::one_line(&e.to_string())
        );
    }
    if articles.len() < 2 {
        anyhow::bail!(
            "a story needs at least two articles ({} could be read)",
            articles.len()
        );
    }
    Ok(articles)
}
