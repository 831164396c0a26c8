//! `config.toml`: theme, key overrides, folding, extra boilerplate patterns.
//! Lives in the platform's config dir (`directories`), or at `STORYDIFF_CONFIG`.
//! A broken file is reported (path and line) and the defaults are used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::action::Action;
use super::keymap::{parse_keys, Keymap};
use super::theme::ThemeName;
use crate::align::AlignOptions;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<String>,
    fold_boilerplate: Option<bool>,
    fold_unchanged: Option<bool>,
    extra_boilerplate: Option<Vec<String>>,
    keys: Option<BTreeMap<String, Keys>>,
    thresholds: Option<Thresholds>,
}

/// `[thresholds]`: the engine's knobs, for the views (reports keep the
/// defaults, so that their output does not depend on who runs them).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Thresholds {
    /// Similarity from which two sentences of a changed run pair up.
    pair: Option<f64>,
    /// Similarity from which an edited sentence elsewhere counts as moved.
    #[serde(rename = "move")]
    moved: Option<f64>,
    /// Milliseconds before the alignment falls back to a coarser one.
    deadline_ms: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// Settings the app starts with.
#[derive(Clone, Debug)]
pub struct Config {
    pub theme: ThemeName,
    pub keymap: Keymap,
    pub fold_boilerplate: bool,
    pub fold_unchanged: bool,
    pub extra_boilerplate: Vec<String>,
    /// How the views align (`[thresholds]`).
    pub align: AlignOptions,
    /// Where the settings came from (if a file was read).
    pub path: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Dark,
            keymap: Keymap::default(),
            fold_boilerplate: false,
            fold_unchanged: false,
            extra_boilerplate: Vec::new(),
            align: AlignOptions::default(),
            path: None,
        }
    }
}

/// The config file's path: `STORYDIFF_CONFIG`, else `config.toml` in the
/// platform config dir.
pub fn config_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("STORYDIFF_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "storydiff").map(|d| d.config_dir().join("config.toml"))
}

/// Loads the config; returns it with a one-line warning when the file was broken.
/// `NO_COLOR` (non-empty) selects the monochrome theme whatever the file says.
pub fn load() -> (Config, Option<String>) {
    let (mut config, warning) = match config_path() {
        Some(p) if p.exists() => load_from(&p),
        _ => (Config::default(), None),
    };
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        config.theme = ThemeName::Mono;
    }
    (config, warning)
}

/// Loads a config file; on any problem, defaults plus a warning naming the
/// file and line.
pub fn load_from(path: &Path) -> (Config, Option<String>) {
    let shown = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let warning = format!("{shown}: cannot read config: {e}; using defaults");
            return (Config::default(), Some(warning));
        }
    };
    let file: File = match toml::from_str(&text) {
        Ok(f) => f,
        Err(e) => {
            let warning = format!("{shown}{}; using defaults", toml_error(&text, &e));
            return (Config::default(), Some(warning));
        }
    };
    let mut config = Config {
        path: Some(path.to_path_buf()),
        fold_boilerplate: file.fold_boilerplate.unwrap_or(false),
        fold_unchanged: file.fold_unchanged.unwrap_or(false),
        extra_boilerplate: file.extra_boilerplate.unwrap_or_default(),
        ..Config::default()
    };
    let mut problems = Vec::new();
    if let Some(t) = file.theme {
        match ThemeName::parse(&t) {
            Some(name) => config.theme = name,
            None => problems.push(format!(
                "unknown theme `{t}` (dark, light, colorblind, mono)"
            )),
        }
    }
    if let Some(t) = file.thresholds {
        apply_thresholds(&t, &mut config.align, &mut problems);
    }
    for (name, keys) in file.keys.unwrap_or_default() {
        bind_keys(&name, keys, &mut config.keymap, &mut problems);
    }
    let warning = (!problems.is_empty()).then(|| partial_warning(&shown, &text, &problems));
    (config, warning)
}

/// `:LINE: message` for a file TOML cannot read (the line when known).
fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
    let msg = e.message().lines().next().unwrap_or("invalid TOML");
    let at = line.map(|l| format!(":{l}")).unwrap_or_default();
    format!("{at}: {msg}")
}

/// The longest `deadline_ms` the views take: a minute. Past it a big pair
/// would hold the view on "aligning…" for as long, and the alignment it
/// lets run to the end recurses the deeper (`align::ALIGN_STACK`).
pub const MAX_DEADLINE_MS: u64 = 60_000;

/// The `[thresholds]` table: shares between 0 and 1, a deadline from 1 ms
/// to `MAX_DEADLINE_MS`; a value outside is reported and the default kept.
fn apply_thresholds(t: &Thresholds, align: &mut AlignOptions, problems: &mut Vec<String>) {
    let mut share = |name: &str, v: Option<f64>, to: &mut f64| match v {
        Some(x) if (0.0..=1.0).contains(&x) => *to = x,
        Some(x) => problems.push(format!("`{name}` = {x} is not between 0 and 1")),
        None => {}
    };
    share("pair", t.pair, &mut align.threshold);
    share("move", t.moved, &mut align.move_threshold);
    match t.deadline_ms {
        Some(0) => problems.push("`deadline_ms` must be above 0".to_string()),
        Some(ms) if ms > MAX_DEADLINE_MS => problems.push(format!(
            "`deadline_ms` = {ms} is over {MAX_DEADLINE_MS} (a minute)"
        )),
        Some(ms) => align.deadline = Some(std::time::Duration::from_millis(ms)),
        None => {}
    }
}

/// One `[keys]` entry: the action by name, then every key that parses.
fn bind_keys(name: &str, keys: Keys, keymap: &mut Keymap, problems: &mut Vec<String>) {
    let Some(action) = Action::from_name(name) else {
        problems.push(format!("unknown action `{name}` in [keys]"));
        return;
    };
    let list = match keys {
        Keys::One(k) => vec![k],
        Keys::Many(v) => v,
    };
    let mut parsed = Vec::new();
    for k in &list {
        match parse_keys(k) {
            Some(p) => parsed.push(p),
            None => problems.push(format!("cannot read key `{k}` for `{name}`")),
        }
    }
    if !parsed.is_empty() {
        keymap.rebind(action, parsed);
    }
}

/// The warning for a file that was used in part: every problem, and the line
/// of the first (found by the name it quotes).
fn partial_warning(shown: &impl std::fmt::Display, text: &str, problems: &[String]) -> String {
    let line = problems
        .first()
        .and_then(|p| p.split('`').nth(1))
        .and_then(|needle| text.lines().position(|l| l.contains(needle)))
        .map(|i| format!(":{}", i + 1))
        .unwrap_or_default();
    format!(
        "{shown}{line}: {}; the rest of the file was used",
        problems.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, body: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("storydiff-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join(name);
        std::fs::write(&p, body).unwrap();
        p
    }

    #[test]
    fn reads_theme_keys_and_patterns() {
        let p = write("ok.toml", "theme = \"colorblind\"\nfold_boilerplate = true\nextra_boilerplate = [\"Sign up now\"]\n[keys]\nnext_change = [\"x\", \"ctrl-n\"]\nquit = \"Q\"\n");
        let (c, warning) = load_from(&p);
        assert!(warning.is_none(), "{warning:?}");
        assert_eq!(c.theme, ThemeName::Colorblind);
        assert!(c.fold_boilerplate);
        assert_eq!(c.extra_boilerplate, vec!["Sign up now".to_string()]);
        assert_eq!(
            c.keymap.keys_for(Action::NextChange),
            vec!["x".to_string(), "Ctrl-n".to_string()]
        );
        assert_eq!(c.keymap.keys_for(Action::Quit), vec!["Q".to_string()]);
    }

    #[test]
    fn thresholds_reach_the_engine_and_bad_ones_are_named() {
        let p = write(
            "thresholds.toml",
            "[thresholds]\npair = 0.4\nmove = 0.8\ndeadline_ms = 2000\n",
        );
        let (c, warning) = load_from(&p);
        assert!(warning.is_none(), "{warning:?}");
        assert_eq!(c.align.threshold, 0.4);
        assert_eq!(c.align.move_threshold, 0.8);
        assert_eq!(
            c.align.deadline,
            Some(std::time::Duration::from_millis(2000))
        );
        let p = write(
            "bad-thresholds.toml",
            "theme = \"light\"\n[thresholds]\npair = 4\n",
        );
        let (c, warning) = load_from(&p);
        let w = warning.unwrap();
        assert!(
            w.contains("bad-thresholds.toml:3") && w.contains("`pair` = 4"),
            "{w}"
        );
        assert_eq!(c.align.threshold, 0.5);
        assert_eq!(c.theme, ThemeName::Light);
    }

    /// `deadline_ms` has a ceiling: a day's worth let a big pair hold the
    /// view and the alignment run to its deepest. Over it, or below 1, the
    /// value is named with its line and the default kept; a negative one
    /// is no number of milliseconds, and the file is read as broken.
    #[test]
    fn deadline_ms_is_bounded() {
        let default = AlignOptions::default().deadline;
        let p = write("max-deadline.toml", "[thresholds]\ndeadline_ms = 60000\n");
        let (c, warning) = load_from(&p);
        assert!(warning.is_none(), "{warning:?}");
        assert_eq!(c.align.deadline, Some(std::time::Duration::from_secs(60)));
        for (name, value) in [("huge", "86400000"), ("zero", "0"), ("negative", "-5")] {
            let file = format!("{name}-deadline.toml");
            let p = write(
                &file,
                &format!("theme = \"light\"\n[thresholds]\ndeadline_ms = {value}\n"),
            );
            let (c, warning) = load_from(&p);
            let w = warning.unwrap();
            assert!(w.contains(&format!("{file}:3")), "{w}");
            assert!(w.contains("deadline_ms") || w.contains("invalid"), "{w}");
            assert_eq!(c.align.deadline, default, "{name}");
        }
        let p = write(
            "huge-deadline.toml",
            "[thresholds]\ndeadline_ms = 86400000\n",
        );
        let w = load_from(&p).1.unwrap();
        assert!(
            w.contains("`deadline_ms` = 86400000 is over 60000 (a minute)"),
            "{w}"
        );
    }

    #[test]
    fn broken_file_names_path_and_line_and_uses_defaults() {
        let p = write(
            "broken.toml",
            "theme = \"dark\"\nfold_boilerplate = maybe\n",
        );
        let (c, warning) = load_from(&p);
        let w = warning.unwrap();
        assert!(w.contains("broken.toml:2"), "{w}");
        assert_eq!(w.lines().count(), 1);
        assert_eq!(c.theme, ThemeName::Dark);
        let p = write("unknown.toml", "theme = \"neon\"\n");
        let (_, warning) = load_from(&p);
        assert!(warning.unwrap().contains("unknown.toml:1"));
    }

    #[test]
    fn bad_key_entries_are_named_and_good_ones_kept() {
        let p = write(
            "keys.toml",
            "[keys]
quit = \"Q\"
fly = \"f\"
next_change = [\"ctrl-\", \"x\"]
",
        );
        let (c, warning) = load_from(&p);
        let w = warning.unwrap();
        assert!(w.contains("keys.toml:3"), "{w}");
        assert!(w.contains("unknown action `fly` in [keys]"), "{w}");
        assert!(
            w.contains("cannot read key `ctrl-` for `next_change`"),
            "{w}"
        );
        assert!(w.ends_with("the rest of the file was used"), "{w}");
        assert_eq!(c.keymap.keys_for(Action::Quit), vec!["Q".to_string()]);
        assert_eq!(c.keymap.keys_for(Action::NextChange), vec!["x".to_string()]);
    }
}
