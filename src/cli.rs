//! Command-line arguments, parsed by clap and turned into validated settings
//! before any work starts.

use std::ffi::OsString;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "storydiff",
    version,
    about = "Compare news coverage: articles side by side, aligned passage by passage",
    long_about = "Compare news coverage: articles side by side, aligned passage by passage.\n\n\
        With no arguments, shows the bundled sample story. Exit status of a comparison \
        (`diff`, or two articles with no terminal): 0 when the bodies are identical, 1 when \
        they differ; 2 on trouble for every command; an interactive view otherwise exits 0.",
    after_long_help = "Environment:\n  \
        STORYDIFF_CONFIG  the config file (default: config.toml in the platform config directory)\n  \
        STORYDIFF_STATE   where view settings are remembered (default: state.json in the platform state directory)\n  \
        STORYDIFF_ARCHIVE the archive of fetched pages (default: archive.sqlite in the platform data directory)\n  \
        NO_COLOR          no colour: the monochrome theme, markers only\n  \
        COLUMNS           width of the text reports (default 100)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to open, files or URLs (two: a comparison; more, or a directory: a story)
    pub files: Vec<String>,

    #[command(flatten)]
    pub net: NetArgs,
}

/// How URLs are fetched; on every command.
#[derive(Args, Debug, Clone)]
pub struct NetArgs {
    /// Never touch the network: URLs open their latest stored version
    #[arg(long, global = true)]
    pub offline: bool,
    /// Fetch URLs even when the archive holds a copy from the last 10 minutes
    #[arg(long, global = true, conflicts_with = "offline")]
    pub refresh: bool,
    /// Time allowed for fetching one page (e.g. 30s, 500ms, 2m)
    #[arg(long, global = true, value_name = "DURATION", default_value = TIMEOUT, value_parser = parse_duration)]
    pub timeout: Duration,
    /// Time allowed for connecting to a server
    #[arg(long, global = true, value_name = "DURATION", default_value = CONNECT_TIMEOUT, value_parser = parse_duration)]
    pub connect_timeout: Duration,
}

/// The default of `--timeout`.
const TIMEOUT: &str = "30s";
/// The default of `--connect-timeout`.
const CONNECT_TIMEOUT: &str = "10s";

impl Cli {
    /// The command line: a plain `diff` read directly, anything else through
    /// clap. Building clap's whole command tree to parse it is a tenth of a
    /// small comparison's run; whatever clap would refuse or explain (help,
    /// errors, every other command and option) still goes through clap.
    /// An argument that is not valid UTF-8 (a file named in Latin-1, say)
    /// ends the run with a line naming it, exit 2: clap's own refusal does
    /// not say which argument it means.
    pub fn from_env() -> Cli {
        if let Some(bad) = std::env::args_os().skip(1).find(|a| a.to_str().is_none()) {
            eprintln!("storydiff: {}", not_utf8(&bad));
            std::process::exit(2);
        }
        plain_diff(std::env::args_os().skip(1)).unwrap_or_else(Cli::parse)
    }
}

/// The one-line error for an argument that is not valid UTF-8, its bytes
/// that are not text shown as `\xE9`.
fn not_utf8(arg: &std::ffi::OsStr) -> String {
    let mut shown = String::new();
    for chunk in arg.as_encoded_bytes().utf8_chunks() {
        shown.push_str(&storydiff::display::one_line(chunk.valid()));
        for b in chunk.invalid() {
            shown.push_str(&format!("\\x{b:02X}"));
        }
    }
    format!(
        "{shown}: the argument is not valid UTF-8; storydiff reads file names as text \
         (rename the file to open it)"
    )
}

/// `diff OLD NEW` with any of `--format`, `--color`, `--by` and `--only`
/// (`--name value` or `--name=value`), each at most once and with a value
/// clap takes: the `Cli` clap would make of it. `None` for anything else,
/// for clap to read.
fn plain_diff(args: impl Iterator<Item = OsString>) -> Option<Cli> {
    let args: Vec<String> = args.map(|a| a.into_string().ok()).collect::<Option<_>>()?;
    let mut args = args.into_iter();
    if args.next()? != "diff" {
        return None;
    }
    let mut sides = Vec::new();
    let (mut format, mut color, mut by, mut only) = (None, None, None, None);
    while let Some(arg) = args.next() {
        if arg == "-" || !arg.starts_with('-') {
            sides.push(arg);
            continue;
        }
        let body = arg.strip_prefix("--")?;
        let (name, value) = match body.split_once('=') {
            Some((name, value)) => (name.to_string(), value.to_string()),
            None => (body.to_string(), args.next()?),
        };
        match name.as_str() {
            "format" => once(&mut format, &value)?,
            "color" => once(&mut color, &value)?,
            "by" => once(&mut by, &value)?,
            "only" => once(&mut only, &value)?,
            _ => return None,
        }
    }
    let [old, new] = <[String; 2]>::try_from(sides).ok()?;
    Some(Cli {
        command: Some(Command::Diff {
            old,
            new,
            format: format.unwrap_or(DiffFormat::Text),
            color: color.unwrap_or(ColorChoice::Auto),
            by: by.unwrap_or(By::Order),
            only,
        }),
        files: Vec::new(),
        net: NetArgs {
            offline: false,
            refresh: false,
            timeout: parse_duration(TIMEOUT).ok()?,
            connect_timeout: parse_duration(CONNECT_TIMEOUT).ok()?,
        },
    })
}

/// Sets an option's value the first time, as clap reads it; `None` when it
/// is given twice or the value is not one of its names.
fn once<T: ValueEnum>(slot: &mut Option<T>, value: &str) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(T::from_str(value, false).ok()?);
    Some(())
}

/// `30s`, `500ms`, `10m`, `1h`, or a bare number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let value: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a duration (try 30s, 500ms, 10m)"))?;
    let secs = match unit.trim() {
        "ms" => value / 1000.0,
        "" | "s" | "sec" => value,
        "m" | "min" => value * 60.0,
        "h" => value * 3600.0,
        other => return Err(format!("`{other}` is not a unit of time (ms, s, m or h)")),
    };
    if !(secs > 0.0 && secs < 1e9) {
        return Err(format!("`{s}` must be more than zero"));
    }
    Ok(Duration::from_secs_f64(secs))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compare two articles: relation, similarity, and every change
    ///
    /// Exit status: 0 when the bodies are identical, 1 when they differ, 2 on trouble.
    Diff {
        /// The old version: a file, a URL, `URL@N` (a stored version) or `-` (standard input)
        old: String,
        /// The new version
        new: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Colour in the text report (NO_COLOR turns it off, `always` included)
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// How sentences are paired: `order` (reprints, versions) or `claims`
        /// (independent write-ups: the same fact paired wherever each outlet put it)
        #[arg(long, value_enum, default_value_t = By::Order)]
        by: By,
        /// Print only some changes: `facts` — those that change a number, a
        /// name, a quotation, an attribution, a negation or a hedge
        #[arg(long, value_enum)]
        only: Option<Only>,
    },
    /// Sort articles into stories and analyse them: relations, reprint groups, quotes, claims
    ///
    /// A pile of many events lists its stories and singles (`storydiff.stories/1` in
    /// JSON); a pile that is one story, or `--story N`, prints that story (`storydiff.story/1`).
    /// Two to six files named one by one are one story unless they sort into two or more.
    Story {
        /// Article files or URLs, or one directory of files
        #[arg(required_unless_present = "urls")]
        files: Vec<String>,
        /// A file of URLs (or paths), one a line; `#` starts a comment
        #[arg(long, value_name = "FILE")]
        urls: Option<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Only story N of the pile (as the text report numbers them), in the
        /// one-story formats (`storydiff.story/1`)
        #[arg(long, value_name = "N")]
        story: Option<usize>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output
    Man,
    /// Show how the loader read a file: roles, reasons, sentences, metadata
    Inspect {
        /// The file or URL to read (`-` for standard input)
        file: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
        format: InspectFormat,
    },
    /// List the stored versions of a page (a version list in a terminal)
    ///
    /// Each version: when it was fetched, its words, and the words it added
    /// and removed against the version before. `URL@N` opens version N.
    History {
        /// The page's URL
        url: String,
        /// Output format (default: the version list in a terminal, else text)
        #[arg(long, value_enum)]
        format: Option<InspectFormat>,
    },
    /// Re-fetch pages on an interval, store new versions, print each change
    ///
    /// Runs until interrupted (Ctrl-C), then exits 0.
    Watch {
        /// The pages to watch
        #[arg(required = true)]
        urls: Vec<String>,
        /// Time between fetches of each page (e.g. 10m, 30s)
        #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = parse_duration)]
        every: Duration,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum InspectFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Only {
    /// Fact-bearing changes: number, name, quote, attribution, negation, hedge
    Facts,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum By {
    Order,
    Claims,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command line the direct reading takes, clap reads the same way;
    /// every one clap refuses, it leaves to clap.
    #[test]
    fn a_plain_diff_reads_as_clap_reads_it() {
        let lines: &[&[&str]] = &[
            &["diff", "a.txt", "b.txt"],
            &["diff", "a.txt", "b.txt", "--format", "json"],
            &["diff", "--format=json", "a.txt", "b.txt"],
            &["diff", "a", "--by", "claims", "b", "--color", "never"],
            &["diff", "-", "b", "--only", "facts", "--format", "markdown"],
            &[
                "diff",
                "a",
                "b",
                "--color=always",
                "--by=order",
                "--format=html",
            ],
            &["diff", "", "b"],
            &["diff", "-", "-"],
            &["diff", "a", "b", "--format", "json", "--format", "text"],
            &["diff", "a", "b", "--format", "JSON"],
            &["diff", "a", "b", "--format", "-"],
            &["diff", "a", "b", "--format="],
            &["diff", "a", "b", "--format"],
            &["diff", "a"],
            &["diff", "a", "b", "c"],
            &["diff", "a", "b", "--help"],
            &["diff", "a", "b", "-h"],
            &["diff", "a", "b", "--offline"],
            &["diff", "a", "b", "--timeout", "5s"],
            &["diff", "--", "-a", "b"],
            &["diff", "-x", "b"],
            &["diff", "a", "b", "--only", "names"],
            &["story", "a", "b"],
            &["a", "b"],
            &[],
        ];
        let mut direct = 0;
        for line in lines {
            let argv = std::iter::once("storydiff").chain(line.iter().copied());
            let by_clap = Cli::try_parse_from(argv).map(|c| format!("{c:?}"));
            let os = line.iter().map(OsString::from);
            // Anything else is left to clap: help, errors, other options.
            if let Some(cli) = plain_diff(os) {
                direct += 1;
                assert_eq!(
                    Ok(format!("{cli:?}")),
                    by_clap.map_err(|e| e.to_string()),
                    "{line:?}"
                );
            }
        }
        // The first eight lines (`diff - -` is refused later, by `diff`).
        assert_eq!(direct, 8);
    }
}
