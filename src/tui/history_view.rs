//! The history view: the stored versions of one page. Enter compares the
//! selected version with the one before it in the compare view; `m` marks a
//! version, and Enter then compares the marked one with the selected one.
//!
//! Versions are loaded when opened, through a function the caller hands in,
//! so the view never sees the archive.

use std::sync::Arc;

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::Frame;

use super::action::Action;
use super::app::{prepare, App};
use super::config::Config;
use super::keymap::Keymap;
use super::theme::Theme;
use super::view::{self, put};
use crate::article::Article;
use crate::display::{clip, one_line};
use crate::source::archive::VersionInfo;
use crate::source::format_time;

/// Loads version `n` as an article, or says why it cannot.
pub type OpenVersion<'a> = &'a dyn Fn(u32) -> Result<Article, String>;

/// Rows above the list: title, column heads, rule.
const TOP_ROWS: u16 = 3;
/// The history view's help box's title.
const HELP_TITLE: &str = "history keys — q, Esc or ? closes";
/// Smallest terminal the history view draws in (columns, rows).
const MIN_SIZE: (u16, u16) = (30, 6);

pub struct HistoryApp<'a> {
    pub url: String,
    pub versions: Vec<VersionInfo>,
    /// The selected version (an index into `versions`).
    pub row: usize,
    pub scroll: usize,
    /// The marked version, to compare with the selected one.
    pub mark: Option<usize>,
    pub compare: Option<App>,
    pub config: Config,
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: (u16, u16),
    pub message: Option<String>,
    pub help: bool,
    /// The first help entry shown (the help scrolls in a short window).
    pub help_top: usize,
    pub quit: bool,
    open_version: OpenVersion<'a>,
}

impl<'a> HistoryApp<'a> {
    /// The view on `versions` (oldest first), the latest selected.
    pub fn new(
        url: &str,
        versions: Vec<VersionInfo>,
        open_version: OpenVersion<'a>,
        config: Config,
        size: (u16, u16),
    ) -> HistoryApp<'a> {
        HistoryApp {
            url: url.to_string(),
            row: versions.len().saturating_sub(1),
            versions,
            scroll: 0,
            mark: None,
            compare: None,
            keymap: Keymap::history_default(),
            theme: Theme::new(config.theme),
            config,
            size,
            message: None,
            help: false,
            help_top: 0,
            quit: false,
            open_version,
        }
        .scrolled()
    }

    fn scrolled(mut self) -> Self {
        self.keep_selection_visible();
        self
    }

    fn list_height(&self) -> usize {
        self.size.1.saturating_sub(TOP_ROWS + 1).max(1) as usize
    }

    fn keep_selection_visible(&mut self) {
        let h = self.list_height();
        if self.row < self.scroll {
            self.scroll = self.row;
        } else if self.row >= self.scroll + h {
            self.scroll = self.row + 1 - h;
        }
    }

    pub fn update(&mut self, action: Action) {
        if let Some(app) = self.compare.as_mut() {
            if action == Action::Quit && !app.help {
                self.compare = None;
            } else {
                app.update(action);
            }
            return;
        }
        self.message = None;
        if self.help {
            (self.help, self.help_top) = crate::tui::view::help_key(
                self.help_top,
                action,
                self.size,
                || self.keymap.help_lines(),
                HELP_TITLE,
            );
            return;
        }
        let last = self.versions.len().saturating_sub(1);
        let page = self.list_height();
        match action {
            Action::ScrollDown => self.row = (self.row + 1).min(last),
            Action::ScrollUp => self.row = self.row.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => self.row = (self.row + page).min(last),
            Action::PageUp | Action::HalfPageUp => self.row = self.row.saturating_sub(page),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = last,
            Action::Mark => {
                self.mark = if self.mark == Some(self.row) {
                    None
                } else {
                    Some(self.row)
                };
            }
            Action::Open => self.open_selected(),
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
        self.keep_selection_visible();
    }

    /// Compares the marked version (else the one before the selection) with
    /// the selected one, the older on the old side.
    fn open_selected(&mut self) {
        let other = match self.mark {
            Some(m) if m != self.row => m,
            _ if self.row == 0 => {
                self.message =
                    Some("version 1 is the first: select a later one, or mark one with m".into());
                return;
            }
            _ => self.row - 1,
        };
        let (old, new) = (other.min(self.row), other.max(self.row));
        let (old_n, new_n) = (self.versions[old].n, self.versions[new].n);
        let loaded = (self.open_version)(old_n).and_then(|o| Ok((o, (self.open_version)(new_n)?)));
        let (o, n) = match loaded {
            Ok(pair) => pair,
            Err(e) => {
                self.message = Some(e);
                return;
            }
        };
        let mut app = App::new(Arc::new(o), Arc::new(n), self.config.clone(), self.size);
        app.nested = true;
        let p = prepare(&app.old, &app.new, &self.config.align);
        app.set_prepared(p);
        app.message = Some(format!(
            "version {old_n} ↔ version {new_n} · q back to the history"
        ));
        self.compare = Some(app);
    }

    /// Whether the terminal is too small for the screen in front: only `q`
    /// acts then.
    pub fn too_small(&self) -> bool {
        match &self.compare {
            Some(app) => app.too_small(),
            None => view::below(self.size, MIN_SIZE),
        }
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some(app) = self.compare.as_mut() {
            app.resize(w, h);
        }
        self.keep_selection_visible();
    }
}

/// One row of the list: mark, number, time, words, words added and removed
/// (and fact-bearing changes). Built from our own numbers: nothing to sanitize.
fn version_line(v: &VersionInfo, first: bool, marked: bool) -> String {
    let time = format_time(v.fetched_at).replace('T', " ").replace('Z', "");
    let change = if first {
        "first seen".to_string()
    } else {
        let mut s = format!("+{} -{}", v.words_added, v.words_removed);
        match v.fact_changes {
            Some(1) => s.push_str(" · 1 fact change"),
            Some(f) if f > 1 => s.push_str(&format!(" · {f} fact changes")),
            _ => {}
        }
        s
    };
    format!(
        "{}{:>4}  {time}  {:>7} words  {change}",
        if marked { "*" } else { " " },
        v.n,
        v.words
    )
}

/// `s` cut to `width` columns, spaces kept (the list is aligned in columns).
pub fn draw(frame: &mut Frame, app: &HistoryApp) {
    if let Some(compare) = &app.compare {
        view::draw(frame, compare);
        return;
    }
    let area = frame.area();
    let buf = frame.buffer_mut();
    let t = &app.theme;
    if app.too_small() || view::below((area.width, area.height), MIN_SIZE) {
        view::put_too_small(buf, area, t.title, view::q_does(false, app.help));
        return;
    }
    let w = area.width;
    let n = app.versions.len();
    let head = format!(
        "storydiff · {} · {n} version{}",
        one_line(&app.url),
        if n == 1 { "" } else { "s" }
    );
    put(buf, 0, 0, &clip(&head, w as usize), w, t.title);
    put(
        buf,
        2,
        1,
        &clip(
            "    n  fetched (UTC)          words        change",
            w as usize - 2,
        ),
        w - 2,
        t.header,
    );
    put(buf, 0, 2, &"─".repeat(w as usize), w, t.header);
    let shown = app.scroll..(app.scroll + app.list_height()).min(n);
    for (y, i) in (TOP_ROWS..).zip(shown) {
        let line = version_line(&app.versions[i], i == 0, app.mark == Some(i));
        let style = if i == app.row {
            t.header_focus.add_modifier(Modifier::BOLD)
        } else {
            t.text
        };
        if i == app.row {
            put(buf, 0, y, "▶", 1, style);
        }
        put(buf, 2, y, &clip(&line, w as usize - 2), w - 2, style);
    }
    draw_status(frame.buffer_mut(), area, app);
}

fn draw_status(buf: &mut ratatui::buffer::Buffer, area: Rect, app: &HistoryApp) {
    let t = &app.theme;
    let w = area.width;
    let hint = match (&app.message, app.mark) {
        (Some(m), _) => one_line(m),
        (None, Some(m)) => {
            let marked = format!("version {} marked", app.versions[m].n);
            view::fit_hints(
                &[
                    (marked.as_str(), marked.as_str()),
                    ("Enter compares it with the selected one", "Enter compare"),
                    ("m unmarks", "m unmark"),
                    ("q quit", "q quit"),
                ],
                w as usize - 1,
            )
        }
        (None, None) => view::fit_hints(
            &[
                ("Enter compare with the version before", "Enter compare"),
                ("j/k select", "j/k"),
                ("m mark", "m mark"),
                ("? help", "? help"),
                ("q quit", "q quit"),
            ],
            w as usize - 1,
        ),
    };
    let sy = area.height - 1;
    for x in 0..w {
        buf[(x, sy)].set_symbol(" ").set_style(t.status);
    }
    put(buf, 1, sy, &clip(&hint, w as usize - 1), w - 1, t.status);
    if app.help {
        view::draw_keys(buf, area, &app.keymap, t, HELP_TITLE, app.help_top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{load_bytes, LoadOptions};

    fn versions() -> Vec<VersionInfo> {
        (1..=3)
            .map(|n| VersionInfo {
                n,
                fetched_at: 1_739_474_000 + n as i64 * 600,
                words: 10 + n as u64,
                words_added: 2,
                words_removed: 1,
                fact_changes: None,
            })
            .collect()
    }

    fn open(n: u32) -> Result<Article, String> {
        let text = format!("The minister said {n} ships sailed.\n\nA second paragraph stays.\n");
        load_bytes(
            &format!("v{n}.txt"),
            text.as_bytes(),
            &LoadOptions::default(),
        )
        .map_err(|e| e.to_string())
    }

    #[test]
    fn enter_compares_with_the_version_before_and_a_mark_with_the_selection() {
        let mut app = HistoryApp::new("http://x/a", versions(), &open, Config::default(), (80, 20));
        assert_eq!(app.row, 2);
        app.update(Action::Open);
        let c = app.compare.as_ref().expect("a comparison opens");
        assert_eq!(
            (c.old.path.as_str(), c.new.path.as_str()),
            ("v2.txt", "v3.txt")
        );
        app.update(Action::Quit);
        assert!(app.compare.is_none() && !app.quit);

        app.update(Action::Top);
        app.update(Action::Mark);
        app.update(Action::Bottom);
        app.update(Action::Open);
        let c = app.compare.as_ref().expect("a comparison opens");
        assert_eq!(
            (c.old.path.as_str(), c.new.path.as_str()),
            ("v1.txt", "v3.txt")
        );
    }

    #[test]
    fn the_keys_are_the_list_keys_and_mark_only() {
        let lines = Keymap::history_default().help_lines();
        assert!(lines.iter().any(|(k, _)| k == "m"), "{lines:?}");
        for (_, what) in &lines {
            assert!(
                !what.contains("column") && !what.contains("heatmap") && !what.contains("tab"),
                "{what}"
            );
        }
    }

    #[test]
    fn the_first_version_has_nothing_before_it() {
        let mut app = HistoryApp::new("http://x/a", versions(), &open, Config::default(), (80, 20));
        app.update(Action::Top);
        app.update(Action::Open);
        assert!(app.compare.is_none());
        assert!(app.message.as_deref().unwrap().contains("first"));
    }

    #[test]
    fn the_list_draws_every_version_and_a_tiny_screen_says_so() {
        let app = HistoryApp::new("http://x/a", versions(), &open, Config::default(), (80, 12));
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 12)).unwrap();
        t.draw(|f| draw(f, &app)).unwrap();
        let screen: String = t
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(screen.contains("3 versions"), "{screen}");
        assert!(screen.contains("first seen"));
        assert!(screen.contains("+2 -1"));
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(10, 3)).unwrap();
        t.draw(|f| draw(f, &app)).unwrap();
    }
}
