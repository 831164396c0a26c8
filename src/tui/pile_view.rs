//! The pile view: the stories a pile was sorted into (count, dates, outlets,
//! label), then the singles. `/` finds a story by a word of its label or
//! outlets (`n`/`N` the next or previous match); Enter opens the story view on
//! the selected story, and `q` there comes back to this list.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::Frame;

use super::action::Action;
use super::app::{App, SearchEdit};
use super::config::Config;
use super::keymap::Keymap;
use super::story_view::{self, StoryApp};
use super::theme::Theme;
use super::view::{self, put};
use crate::article::Article;
use crate::display::{clip, one_line};
use crate::report::story::date_range;
use crate::story::Pile;

/// Rows above the list: title, column heads, rule.
const TOP_ROWS: u16 = 3;
/// The pile view's help box's title.
const HELP_TITLE: &str = "pile keys — q, Esc or ? closes";
/// Smallest terminal the pile view draws in (columns, rows).
const MIN_SIZE: (u16, u16) = (30, 6);

pub struct PileApp {
    pub articles: Vec<Article>,
    pub pile: Pile,
    /// The selected row: a story (`0..stories`), then the singles.
    pub row: usize,
    pub scroll: usize,
    /// The search being typed, when the prompt is open.
    pub input: Option<String>,
    /// The last search submitted (for `n`/`N`).
    pub query: Option<String>,
    /// The story open on top of the list.
    pub open: Option<StoryApp>,
    pub config: Config,
    pub keymap: Keymap,
    pub theme: Theme,
    pub size: (u16, u16),
    pub message: Option<String>,
    pub help: bool,
    /// The first help entry shown (the help scrolls in a short window).
    pub help_top: usize,
    pub quit: bool,
}

impl PileApp {
    pub fn new(articles: Vec<Article>, pile: Pile, config: Config, size: (u16, u16)) -> PileApp {
        PileApp {
            articles,
            pile,
            row: 0,
            scroll: 0,
            input: None,
            query: None,
            open: None,
            keymap: Keymap::pile_default(),
            theme: Theme::new(config.theme),
            config,
            size,
            message: None,
            help: false,
            help_top: 0,
            quit: false,
        }
    }

    fn rows(&self) -> usize {
        self.pile.stories.len() + self.pile.singles.len()
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

    /// The keys in force: the open story's, else the list's.
    pub fn keys(&self) -> &Keymap {
        match &self.open {
            Some(s) => s.keys(),
            None => &self.keymap,
        }
    }

    /// The compare view open inside the story, if any.
    pub fn compare_mut(&mut self) -> Option<&mut App> {
        self.open
            .as_mut()
            .and_then(|s| s.compare.as_mut().map(|(a, _, _)| a))
    }

    pub fn update(&mut self, action: Action) {
        if let Some(story) = self.open.as_mut() {
            story.update(action);
            if story.quit {
                self.open = None;
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
        let last = self.rows().saturating_sub(1);
        let page = self.list_height();
        match action {
            Action::ScrollDown => self.row = (self.row + 1).min(last),
            Action::ScrollUp => self.row = self.row.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => self.row = (self.row + page).min(last),
            Action::PageUp | Action::HalfPageUp => self.row = self.row.saturating_sub(page),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = last,
            Action::Search => self.input = Some(String::new()),
            Action::NextHit => self.find(true),
            Action::PrevHit => self.find(false),
            Action::Open => self.open_selected(),
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
        self.keep_selection_visible();
    }

    /// Whether the search prompt takes the keys.
    pub fn prompt_open(&self) -> bool {
        self.open.is_none() && self.input.is_some()
    }

    /// A key typed into the search prompt.
    pub fn prompt(&mut self, edit: SearchEdit) {
        let Some(input) = self.input.as_mut() else {
            return;
        };
        match edit {
            SearchEdit::Char(c) => input.push(c),
            SearchEdit::Backspace => {
                input.pop();
            }
            SearchEdit::Cancel => self.input = None,
            SearchEdit::Submit => {
                let q = self.input.take().unwrap_or_default();
                if q.trim().is_empty() {
                    return;
                }
                self.query = Some(q);
                self.row = self.row.min(self.rows().saturating_sub(1));
                // From the selection itself, so the first match may be it.
                let start = self.row;
                self.find_from(start, true);
            }
        }
        self.keep_selection_visible();
    }

    /// The text a search looks in: label and outlets of a story, title and outlet of a single.
    fn row_text(&self, row: usize) -> String {
        match self.pile.stories.get(row) {
            Some(s) => format!("{} {}", s.label, s.outlets.join(" ")),
            None => {
                let a = &self.articles[self.pile.singles[row - self.pile.stories.len()]];
                format!("{} {}", a.title_line(), a.short_name())
            }
        }
    }

    fn find(&mut self, forward: bool) {
        let n = self.rows();
        if n == 0 {
            return;
        }
        let start = if forward {
            (self.row + 1) % n
        } else {
            (self.row + n - 1) % n
        };
        self.find_from(start, forward);
    }

    /// Selects the first row from `start` (wrapping) whose text holds the query.
    fn find_from(&mut self, start: usize, forward: bool) {
        let Some(q) = self.query.clone() else {
            self.message = Some("/ to search the story labels".into());
            return;
        };
        let needle = q.to_lowercase();
        let n = self.rows();
        for k in 0..n {
            let row = if forward {
                (start + k) % n
            } else {
                (start + n - k) % n
            };
            if self.row_text(row).to_lowercase().contains(&needle) {
                self.row = row;
                return;
            }
        }
        self.message = Some(format!("no story matches “{}”", one_line(&q)));
    }

    fn open_selected(&mut self) {
        let Some(s) = self.pile.stories.get_mut(self.row) else {
            if !self.pile.singles.is_empty() {
                self.message =
                    Some("a single: no other article in the pile reports this event".into());
            }
            return;
        };
        // The list needs only each story's outline; the story is analysed in
        // full when first opened, and kept for the next time.
        let (subset, story) = s.complete(&self.articles);
        s.story = story.clone();
        let mut app = StoryApp::new(subset, story, self.config.clone(), self.size);
        app.nested = true;
        app.message = Some(format!("story {} · q back to the stories", self.row + 1));
        self.open = Some(app);
    }

    /// Whether the terminal is too small for the screen in front: only `q`
    /// acts then.
    pub fn too_small(&self) -> bool {
        match &self.open {
            Some(story) => story.too_small(),
            None => view::below(self.size, MIN_SIZE),
        }
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some(s) = self.open.as_mut() {
            s.resize(w, h);
        }
        self.keep_selection_visible();
    }

    pub fn help_open(&self) -> bool {
        match &self.open {
            Some(s) => super::Screen::help_open(s),
            None => self.help,
        }
    }
}

/// One row of the list for a story: count, dates, label, outlets.
fn story_line(app: &PileApp, k: usize, width: usize) -> String {
    let s = &app.pile.stories[k];
    let dates = date_range(&s.dates);
    let outlets = if s.outlets.is_empty() {
        String::new()
    } else {
        format!(" · {}", one_line(&s.outlets.join(", ")))
    };
    let head = format!(
        "{:>4} {:>3}  {:<23}  ",
        k + 1,
        s.articles.len(),
        clip(&dates, 23)
    );
    let rest = format!("{}{outlets}", one_line(&s.label));
    format!(
        "{head}{}",
        clip(&rest, width.saturating_sub(head.chars().count()))
    )
}

fn single_line(app: &PileApp, i: usize, width: usize) -> String {
    let a = &app.articles[i];
    let date = a
        .meta
        .date
        .as_deref()
        .map(|d| d.get(..10).unwrap_or(d))
        .unwrap_or("");
    let head = format!("   ·   1  {:<23}  ", clip(&one_line(date), 23));
    let rest = format!(
        "{} · {}",
        one_line(&a.title_line()),
        one_line(&a.short_name())
    );
    format!(
        "{head}{}",
        clip(&rest, width.saturating_sub(head.chars().count()))
    )
}

pub fn draw(frame: &mut Frame, app: &PileApp) {
    if let Some(story) = &app.open {
        story_view::draw(frame, story);
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
    let head = format!(
        "storydiff · {} articles · {} stor{} · {} single{}",
        app.articles.len(),
        app.pile.stories.len(),
        if app.pile.stories.len() == 1 {
            "y"
        } else {
            "ies"
        },
        app.pile.singles.len(),
        if app.pile.singles.len() == 1 { "" } else { "s" },
    );
    put(buf, 0, 0, &clip(&head, w as usize), w, t.title);
    put(
        buf,
        2,
        1,
        &format!("{:>4} {:>3}  {:<23}  story · outlets", "#", "art", "dates"),
        w - 2,
        t.header,
    );
    put(buf, 0, 2, &"─".repeat(w as usize), w, t.header);
    let stories = app.pile.stories.len();
    let shown = app.scroll..(app.scroll + app.list_height()).min(app.rows());
    let inner = w as usize - 2;
    for (y, row) in (TOP_ROWS..).zip(shown) {
        let line = if row < stories {
            story_line(app, row, inner)
        } else {
            single_line(app, app.pile.singles[row - stories], inner)
        };
        let style = if row == app.row {
            t.header_focus.add_modifier(Modifier::BOLD)
        } else if row < stories {
            t.text
        } else {
            t.furniture
        };
        if row == app.row {
            put(buf, 0, y, "▶", 1, style);
        }
        put(buf, 2, y, &line, w - 2, style);
    }
    draw_status(frame.buffer_mut(), area, app);
}

fn draw_status(buf: &mut ratatui::buffer::Buffer, area: Rect, app: &PileApp) {
    let t = &app.theme;
    let w = area.width;
    let hint = match (&app.input, &app.message) {
        (Some(q), _) => format!("/{}▏", one_line(q)),
        (None, Some(m)) => one_line(m),
        (None, None) => view::fit_hints(
            &[
                ("Enter open the story", "Enter open"),
                ("j/k select", "j/k"),
                ("? help", "? help"),
                ("q quit", "q quit"),
                ("/ search", "/ search"),
                ("n/N next/previous", "n/N"),
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
    use crate::story::sort_pile;

    fn app() -> PileApp {
        let articles = crate::story::test_pile(&crate::story::TWO_EVENTS_AND_A_SINGLE);
        let pile = sort_pile(&articles);
        PileApp::new(articles, pile, Config::default(), (100, 30))
    }

    #[test]
    fn search_enter_and_back() {
        let mut app = app();
        assert_eq!(app.rows(), 3);
        app.update(Action::Search);
        for c in "chess".chars() {
            app.prompt(SearchEdit::Char(c));
        }
        app.prompt(SearchEdit::Submit);
        let chess = app.row;
        assert!(app.pile.stories[chess]
            .label
            .to_lowercase()
            .contains("chess"));
        app.update(Action::Open);
        let story = app.open.as_ref().expect("the story opens");
        assert_eq!(story.articles.len(), 2);
        app.update(Action::Quit);
        assert!(app.open.is_none() && !app.quit);
        assert_eq!(app.row, chess);
        app.update(Action::Quit);
        assert!(app.quit);
    }

    #[test]
    fn a_search_that_finds_nothing_says_so() {
        let mut app = app();
        app.update(Action::Search);
        for c in "zebra".chars() {
            app.prompt(SearchEdit::Char(c));
        }
        app.prompt(SearchEdit::Submit);
        assert_eq!(app.row, 0);
        assert!(app.message.as_deref().unwrap().contains("zebra"));
    }
}
