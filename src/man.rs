//! The manual page (`storydiff man`): clap's title, synopsis, description and
//! options, then what clap cannot know — every command with its options on
//! this one page (there are no separate `storydiff-diff(1)` pages), the keys
//! of each view (from the keymaps), the markers, the relations, the two
//! alignment modes, the config file and the exit status.

use std::io::{self, Write};

use clap::CommandFactory;
use storydiff::tui::columns::MARKERS;
use storydiff::tui::keymap::Keymap;

use crate::cli::Cli;

pub fn write_man(out: &mut dyn Write) -> io::Result<()> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    write_commands(out, &cmd)?;
    write_keys(out)?;
    write_text_sections(out)?;
    man.render_extra_section(out)?;
    man.render_version_section(out)
}

/// Text safe in roff: backslashes escaped, no line opening with a control character.
fn roff(s: &str) -> String {
    let s = s.replace('\\', "\\e");
    s.lines()
        .map(|l| {
            if l.starts_with(['.', '\'']) {
                format!("\\&{l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each command, its arguments and options.
fn write_commands(out: &mut dyn Write, cmd: &clap::Command) -> io::Result<()> {
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands() {
        let usage = sub
            .get_positionals()
            .map(|a| format!("<{}>", a.get_id().as_str().to_uppercase()))
            .collect::<Vec<_>>()
            .join(" ");
        writeln!(
            out,
            ".TP\n\\fBstorydiff {}\\fR {}",
            sub.get_name(),
            roff(&usage)
        )?;
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(|s| s.to_string())
            .unwrap_or_default();
        writeln!(out, "{}", roff(&about))?;
        for a in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            let Some(long) = a.get_long() else { continue };
            let values: Vec<String> = a
                .get_possible_values()
                .iter()
                .map(|v| v.get_name().to_string())
                .collect();
            let value = if values.is_empty() {
                String::new()
            } else {
                format!(" {}", values.join("|"))
            };
            let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
            writeln!(
                out,
                ".RS\n.TP\n\\fB\\-\\-{long}\\fR{}\n{}\n.RE",
                roff(&value),
                roff(&help)
            )?;
        }
    }
    Ok(())
}

/// The keys of each view, as its help screen lists them.
fn write_keys(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, ".SH KEYS")?;
    writeln!(out, "Keys follow vim and less; arrows, PgUp/PgDn and the mouse wheel work too. Every action can be rebound in the config file ([keys], by the action names help shows).")?;
    for (title, keymap) in [
        ("Compare view (two articles)", Keymap::default()),
        (
            "Story view (three articles or more)",
            Keymap::story_default(),
        ),
        (
            "History view (storydiff history URL)",
            Keymap::history_default(),
        ),
    ] {
        writeln!(out, ".SS {title}")?;
        for (keys, what) in keymap.help_lines() {
            writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(&keys), roff(what))?;
        }
    }
    writeln!(out, ".SS Column view (c in the story view)")?;
    writeln!(out, "Opens on the articles marked with Space or m in the story view (the selected one leads when marked), or with none marked on the selected article and the next four. The compare view's keys; h and l scroll sideways; ]c and [c jump between claims several but not all articles carry; q returns to the story. Its marks are listed under MARKERS.")
}

/// Markers, relations, alignment modes, config and exit status.
fn write_text_sections(out: &mut dyn Write) -> io::Result<()> {
    let sections: [(&str, &[(&str, &str)]); 5] = [
        ("MARKERS", &storydiff::tui::app::MARKERS),
        ("RELATIONS", &[
            ("identical", "the same body text apart from whitespace and paragraphing (exit status 0)"),
            ("reprint", "the shorter body is mostly found in the other"),
            ("related", "the same story written independently: shared quotes, claims or names"),
            ("unrelated", "nothing of the above"),
        ]),
        ("ALIGNMENT", &[
            ("in order", "the default for reprints and versions: sentences paired in reading order, moved passages found apart"),
            ("by claims", "diff --by claims, and the views' default for related pairs (a switches): each sentence paired with the one carrying the same claim wherever it stands, rows following the old article"),
        ]),
        ("CONFIG", &[
            ("config.toml", "in the platform config directory (STORYDIFF_CONFIG overrides): theme (dark, light, colorblind, mono), fold_boilerplate, fold_unchanged, extra_boilerplate, [keys] action = key, [thresholds] pair, move (0 to 1), deadline_ms (1 to 60000). A broken file is reported with its path and line; the defaults are used."),
            ("state.json", "in the platform state directory (STORYDIFF_STATE overrides): how each story was left, and the last story opened."),
        ]),
        ("EXIT STATUS", &[
            ("0", "the bodies are identical (diff, or two articles with no terminal), or success; an interactive view exits 0 when closed"),
            ("1", "the bodies differ (diff, or two articles with no terminal)"),
            ("2", "trouble: a file or URL that could not be read, bad arguments"),
        ]),
    ];
    for (title, items) in sections {
        writeln!(out, ".SH {title}")?;
        if title == "MARKERS" {
            writeln!(out, ".SS Compare view")?;
        }
        for (term, what) in items {
            writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(term), roff(what))?;
        }
        if title == "MARKERS" {
            write_column_marks(out)?;
        }
    }
    Ok(())
}

/// The column view's marks, which mean other things than the compare view's.
fn write_column_marks(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, ".SS Column view")?;
    for (mark, what) in MARKERS {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(mark), roff(what))?;
    }
    Ok(())
}
