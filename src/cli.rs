//! Command-line arguments, parsed by clap and turned into validated settings
//! before any work starts.

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
    #[arg(long, global = true, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Time allowed for connecting to a server
    #[arg(long, global = true, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    pub connect_timeout: Duration,
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
