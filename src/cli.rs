//! Command-line arguments, parsed by clap and turned into validated settings
//! before any work starts.

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "storydiff",
    version,
    about = "Compare news coverage: articles side by side, aligned passage by passage",
    long_about = "Compare news coverage: articles side by side, aligned passage by passage.\n\n\
        With no arguments, shows the bundled sample story. Exit status: 0 when the \
        bodies are identical, 1 when they differ, 2 on trouble.",
    args_conflicts_with_subcommands = true,
    after_long_help = "Environment:\n  \
        STORYDIFF_CONFIG  the config file (default: config.toml in the platform config directory)\n  \
        STORYDIFF_STATE   where view settings are remembered (default: state.json in the platform state directory)\n  \
        NO_COLOR          no colour: the monochrome theme, markers only\n  \
        COLUMNS           width of the text reports (default 100)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Articles to open (two: a comparison; more, or a directory: a story)
    pub files: Vec<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compare two articles: relation, similarity, and every change
    ///
    /// Exit status: 0 when the bodies are identical, 1 when they differ, 2 on trouble.
    Diff {
        /// The old version (`-` for standard input)
        old: String,
        /// The new version
        new: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Colour in the text report (NO_COLOR turns `auto` off)
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// Analyse a story: relations between all articles, reprint groups, quotes, claims
    Story {
        /// Article files, or one directory of them
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
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
        /// The file to read (`-` for standard input)
        file: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
        format: InspectFormat,
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
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
