//! The story view: the articles with their relations, a similarity heatmap,
//! reprint groups, and tabs for the quote ledger (altered quotations with
//! their word diffs), the coverage table, wording and disagreements. Enter
//! opens a pair (or the pair carrying a quote or claim) in the compare view;
//! `q` there comes back. This is the state and `update`; the drawing is in
//! `view::story`, one widget per tab.

pub use super::view::story::draw;

use super::state::ViewState;
use std::sync::Arc;

use super::action::Action;
use super::app::{prepare, App};
use super::columns::ColumnsApp;
use super::config::Config;
use super::keymap::Keymap;
use super::theme::Theme;
use crate::align::Side;
use crate::article::Article;
use crate::story::{Occurrence, Story};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Articles,
    Quotes,
    Coverage,
    Wording,
    Disagreements,
}

impl Tab {
    pub fn index(self) -> u8 {
        match self {
            Tab::Articles => 0,
            Tab::Quotes => 1,
            Tab::Coverage => 2,
            Tab::Wording => 3,
            Tab::Disagreements => 4,
        }
    }

    pub fn from_index(i: u8) -> Tab {
        match i {
            1 => Tab::Quotes,
            2 => Tab::Coverage,
            3 => Tab::Wording,
            4 => Tab::Disagreements,
            _ => Tab::Articles,
        }
    }

    fn next(self) -> Tab {
        match self {
            Tab::Articles => Tab::Quotes,
            Tab::Quotes => Tab::Coverage,
            Tab::Coverage => Tab::Wording,
            Tab::Wording => Tab::Disagreements,
            Tab::Disagreements => Tab::Articles,
        }
    }
}

pub struct StoryApp {
    pub articles: Vec<Arc<Article>>,
    pub story: Story,
    pub tab: Tab,
    /// Selected row of the current tab.
    pub row: usize,
    /// Heatmap column: the article to compare the selected one with.
    pub col: usize,
    /// First row of the list on screen.
    pub scroll: usize,
    /// First row and first column of the heatmap on screen.
    pub heat_scroll: (usize, usize),
    /// The selection and scroll each tab was left with, so that switching
    /// tabs and back keeps the reader's place.
    pub places: [(usize, usize); 8],
    /// The open comparison and its pair (old, new).
    pub compare: Option<(App, usize, usize)>,
    /// The open column view (articles side by side, a row per claim).
    pub columns: Option<ColumnsApp>,
    /// Articles marked (Space) for the column view, by index.
    pub marked: Vec<bool>,
    pub keymap: Keymap,
    pub config: Config,
    pub theme: Theme,
    pub size: (u16, u16),
    pub help: bool,
    /// The first help entry shown (the help scrolls in a short window).
    pub help_top: usize,
    pub message: Option<String>,
    pub quit: bool,
    /// Opened from the pile view: `q` goes back there.
    pub nested: bool,
    /// Compare settings to open pairs with: remembered from an earlier run,
    /// then whatever the reader left the last pair with.
    pub remembered: Option<ViewState>,
}

/// The first of `room` lines on screen after the least scrolling from `first`
/// that shows line `at`.
pub(crate) fn follow(first: usize, at: usize, room: usize) -> usize {
    let room = room.max(1);
    if at < first {
        at
    } else if at >= first + room {
        at + 1 - room
    } else {
        first
    }
}

/// Articles the column view opens with when none are marked: the selected
/// one and the next ones (the three to five; more scroll sideways).
pub const DEFAULT_COLUMNS: usize = 5;
/// The story view's help box's title.
pub const HELP_TITLE: &str = "story view keys and marks — q, Esc or ? closes";

/// What the story view's marks mean, listed in help after the keys.
pub const MARKERS: [(&str, &str); 8] = [
    (
        "r = ~ ·",
        "heatmap: reprint, identical, related, unrelated (with the similarity)",
    ),
    (
        "●●·●·",
        "quotes, coverage: the articles [0] [1] … that carry the row (●) or leave it out (·)",
    ),
    (
        "altered",
        "quotes: carried in other words by some articles (the line under the list shows them)",
    ),
    (
        "# N",
        "disagreements: the claim's numbers (#) or names (N) differ between outlets",
    ),
    (
        "×3",
        "wording: how many claims two outlets share put the one's words for the other's",
    ),
    (
        "· spelling",
        "wording: one word spelled two ways (Zelenskyy, Zelensky), each outlet keeping to its own: house style",
    ),
    (
        "· capitals",
        "wording: one word capitalised two ways (NATO, Nato), each outlet keeping to its own: house style",
    ),
    (
        "not listed",
        "wording: forms of one word (Russia, Russian) and a capital letter alone (The, the)",
    ),
];

/// Rows above the tab's content: the head line, the tab bar and a rule.
pub(crate) const TOP_ROWS: u16 = 3;

/// Smallest terminal the story view draws in (columns, rows).
pub(crate) const MIN_SIZE: (u16, u16) = (30, 8);

/// Rows under the quote list for the wordings of an altered quotation.
pub(crate) const VARIANT_ROWS: u16 = 3;

impl StoryApp {
    pub fn new(articles: Vec<Article>, story: Story, config: Config, size: (u16, u16)) -> StoryApp {
        let col = usize::from(articles.len() > 1);
        let marked = vec![false; articles.len()];
        StoryApp {
            articles: articles.into_iter().map(Arc::new).collect(),
            story,
            tab: Tab::Articles,
            row: 0,
            col,
            scroll: 0,
            heat_scroll: (0, 0),
            places: [(0, 0); 8],
            compare: None,
            columns: None,
            marked,
            keymap: Keymap::story_default(),
            theme: Theme::new(config.theme),
            config,
            size,
            help: false,
            help_top: 0,
            message: None,
            quit: false,
            nested: false,
            remembered: None,
        }
    }

    /// Rows of the current tab.
    pub(crate) fn rows(&self) -> usize {
        match self.tab {
            Tab::Articles => self.articles.len(),
            Tab::Quotes => self.story.quotes.len(),
            Tab::Coverage => self.story.claims.len(),
            Tab::Wording => self.story.wording.len(),
            Tab::Disagreements => self.story.disagreements.len(),
        }
    }

    /// Whether the Quotes tab keeps rows under its list for the wordings of
    /// an altered quotation (when the story has one and the screen room).
    pub(crate) fn shows_variants(&self) -> bool {
        self.size.1 >= 16 && self.story.quotes.iter().any(|q| q.altered)
    }

    /// Rows of the list on screen.
    pub(crate) fn list_height(&self) -> usize {
        let h = self.size.1.saturating_sub(TOP_ROWS + 1) as usize;
        match self.tab {
            // The heatmap and groups share the screen with the list.
            Tab::Articles => h.min(self.articles.len()).max(1),
            Tab::Quotes if self.shows_variants() => {
                h.saturating_sub(2 + usize::from(VARIANT_ROWS)).max(1)
            }
            _ => h.saturating_sub(2).max(1),
        }
    }

    /// Rows and columns of the heatmap on screen (as the Articles tab lays
    /// it out: the list, a blank row, then the heatmap).
    pub(crate) fn heatmap_room(&self) -> (usize, usize) {
        let body = self.size.1.saturating_sub(TOP_ROWS);
        let list = (self.list_height().min(self.articles.len()) as u16).min(body);
        let height = body.saturating_sub(list + 1);
        crate::tui::view::story::heatmap_room(self.size.0, height)
    }

    /// Scrolls the heatmap (at least) so that the selected row and column are on it.
    fn follow_in_heatmap(&mut self) {
        let (rows, cols) = self.heatmap_room();
        let (top, left) = self.heat_scroll;
        self.heat_scroll = (follow(top, self.row, rows), follow(left, self.col, cols));
    }

    /// Opens `old` and `new` side by side, at `at` (a byte of the new side) if given.
    pub fn open(&mut self, old: usize, new: usize, at: Option<(Side, usize)>) {
        if old == new || old >= self.articles.len() || new >= self.articles.len() {
            self.message = Some("choose two different articles".into());
            return;
        }
        let mut app = App::new(
            Arc::clone(&self.articles[old]),
            Arc::clone(&self.articles[new]),
            self.config.clone(),
            self.size,
        );
        app.nested = true;
        if let Some(v) = self.remembered {
            app.apply_view(v);
        }
        // The pair as it is on its own (`diff --by claims` of the two): the
        // story's pair list counts the claims the two alone share.
        let p = prepare(&app.old, &app.new, &self.config.align);
        app.set_prepared(p);
        if let Some((side, offset)) = at {
            app.show_offset(side, offset);
        }
        app.message = Some(format!(
            "[{old}] ↔ [{new}] · q back to the story · < > other articles{short}[{old}] ↔ [{new}] · q back · < > others{short}q back",
            short = crate::tui::view::SHORTER
        ));
        self.compare = Some((app, old, new));
    }

    fn open_occurrences(&mut self, occ: &[Occurrence]) {
        let mut arts: Vec<&Occurrence> = Vec::new();
        for o in occ {
            if !arts.iter().any(|x| x.article == o.article) {
                arts.push(o);
            }
        }
        match arts.as_slice() {
            [a, b, ..] => {
                let (a, b) = (**a, **b);
                self.open(a.article, b.article, Some((Side::New, b.span.start)));
            }
            [a] => {
                let other = if a.article == 0 { 1 } else { 0 };
                let a = **a;
                self.open(a.article, other, Some((Side::Old, a.span.start)));
                if let Some((app, _, _)) = self.compare.as_mut() {
                    app.show_offset(Side::Old, a.span.start);
                    app.message = Some(format!("only [{}] carries this · q back", a.article));
                }
            }
            [] => {}
        }
    }

    /// The settings to remember for this story: its tab, and the compare
    /// settings of the pair open now or last.
    pub fn view_state(&self) -> ViewState {
        let compare = match &self.compare {
            Some((app, _, _)) => Some(app.view_state()),
            None => self.remembered,
        };
        ViewState {
            tab: self.tab.index(),
            ..compare.unwrap_or(ViewState {
                wrap: true,
                fold_boilerplate: self.config.fold_boilerplate,
                fold_unchanged: self.config.fold_unchanged,
                ..ViewState::default()
            })
        }
    }

    fn cycle(&mut self, old_side: bool) {
        let Some((app, old, new)) = &self.compare else {
            return;
        };
        self.remembered = Some(app.view_state());
        let (mut old, mut new) = (*old, *new);
        let n = self.articles.len();
        loop {
            if old_side {
                old = (old + 1) % n;
            } else {
                new = (new + 1) % n;
            }
            if old != new {
                break;
            }
        }
        self.open(old, new, None);
    }

    /// The articles of the column view: the marked ones (the selected one
    /// first if it is marked, the rest in list order), or with none marked the
    /// selected article and the next ones after it, up to `DEFAULT_COLUMNS`.
    /// `None` when a single article is marked (a column view needs two).
    pub fn column_choice(&self) -> Option<Vec<usize>> {
        let n = self.articles.len();
        let first = self.row.min(n.saturating_sub(1));
        let marked: Vec<usize> = (0..n).filter(|&i| self.marked[i]).collect();
        match marked.len() {
            0 => Some(
                (0..n.min(DEFAULT_COLUMNS))
                    .map(|k| (first + k) % n)
                    .collect(),
            ),
            1 => None,
            _ => {
                let lead = if self.marked[first] { first } else { marked[0] };
                Some(
                    std::iter::once(lead)
                        .chain(marked.into_iter().filter(|&i| i != lead))
                        .collect(),
                )
            }
        }
    }

    /// Marks or unmarks the selected article for the column view.
    fn toggle_mark(&mut self) {
        let Some(m) = self.marked.get_mut(self.row) else {
            return;
        };
        *m = !*m;
        let count = self.marked.iter().filter(|&&m| m).count();
        self.message = Some(match count {
            0 => "no article marked · c opens the selected article and the next ones".into(),
            1 => "1 article marked · mark one more (Space), then c opens the columns".into(),
            k => format!("{k} articles marked · c opens them side by side · Space unmarks"),
        });
    }

    /// Opens the column view on the chosen articles (`column_choice`).
    fn open_columns(&mut self) {
        let Some(indices) = self.column_choice() else {
            self.message = Some(
                "one article marked: mark another (Space), or unmark it for the default".into(),
            );
            return;
        };
        let articles = indices
            .iter()
            .map(|&i| Arc::clone(&self.articles[i]))
            .collect();
        let theme = Theme::new(self.config.theme);
        let mut columns = ColumnsApp::new(
            articles,
            indices,
            &self.story,
            &self.config.keymap,
            theme,
            self.size,
        );
        columns.in_story = self.articles.len();
        self.columns = Some(columns);
    }

    /// What help lists: the keys, then what the marks mean.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        self.keymap.help_lines_with(&MARKERS)
    }

    pub fn update(&mut self, action: Action) {
        if self.pass_to_open_view(action) {
            return;
        }
        self.message = None;
        if self.help {
            (self.help, self.help_top) = crate::tui::view::help_key(
                self.help_top,
                action,
                self.size,
                || self.help_lines(),
                HELP_TITLE,
            );
            return;
        }
        self.apply(action);
        if self.tab == Tab::Articles && self.col == self.row && self.articles.len() > 1 {
            self.col = (self.row + 1) % self.articles.len();
        }
        self.keep_selection_on_screen();
        if self.tab == Tab::Articles {
            self.follow_in_heatmap();
        }
    }

    /// While the column view or a compare view is open, the key is theirs
    /// (apart from cycling articles, and `q`, which comes back here).
    fn pass_to_open_view(&mut self, action: Action) -> bool {
        if let (Some(c), None) = (self.columns.as_mut(), self.compare.as_ref()) {
            c.update(action);
            if c.quit {
                self.columns = None;
            }
            return true;
        }
        let Some((app, _, _)) = self.compare.as_mut() else {
            return false;
        };
        match action {
            Action::CycleOld => self.cycle(true),
            Action::CycleNew => self.cycle(false),
            Action::Quit if !app.help => {
                self.remembered = Some(app.view_state());
                self.compare = None;
            }
            other => app.update(other),
        }
        true
    }

    /// A key on the story's own tabs.
    fn apply(&mut self, action: Action) {
        let rows = self.rows();
        let last = rows.saturating_sub(1);
        let page = self.list_height().max(1);
        match action {
            Action::ScrollDown => self.row = (self.row + 1).min(last),
            Action::ScrollUp => self.row = self.row.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => self.row = (self.row + page).min(last),
            Action::PageUp | Action::HalfPageUp => self.row = self.row.saturating_sub(page),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = last,
            Action::NextTab => {
                self.places[usize::from(self.tab.index()) % 8] = (self.row, self.scroll);
                self.tab = self.tab.next();
                (self.row, self.scroll) = self.places[usize::from(self.tab.index()) % 8];
            }
            Action::Left | Action::Right => {
                let n = self.articles.len();
                let step = if action == Action::Left { n - 1 } else { 1 };
                self.col = (self.col + step) % n;
                if self.col == self.row && n > 1 {
                    self.col = (self.col + step) % n;
                }
            }
            Action::Open => self.open_selected(),
            Action::MarkArticle if self.tab == Tab::Articles => self.toggle_mark(),
            Action::MarkArticle => self.row = (self.row + page).min(last),
            Action::Columns => self.open_columns(),
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Where Enter opens a quotation: for an altered one, an article with
    /// the headline wording beside the first that words it differently
    /// (the pair shows the alteration); else its occurrences in order.
    fn quote_pair(&self, q: &crate::story::Quote) -> Vec<Occurrence> {
        let Some(variant) = q.variants.first() else {
            return q.occurrences.clone();
        };
        let headline = q.occurrences.iter().find(|o| {
            o.article != variant.occurrence.article
                && self
                    .articles
                    .get(o.article)
                    .and_then(|a| a.text.get(o.span.range()))
                    == Some(q.text.as_str())
        });
        match headline {
            Some(h) => vec![*h, variant.occurrence],
            None => q.occurrences.clone(),
        }
    }

    /// Enter: the highlighted pair, or the selected quotation, claim,
    /// wording or disagreement where the articles carry it.
    fn open_selected(&mut self) {
        let occurrences: Vec<Occurrence> = match self.tab {
            Tab::Articles => {
                let col = if self.col == self.row {
                    (self.row + 1) % self.articles.len()
                } else {
                    self.col
                };
                self.open(self.row, col, None);
                return;
            }
            Tab::Quotes => self.story.quotes.get(self.row).map(|q| self.quote_pair(q)),
            Tab::Coverage => self
                .story
                .claims
                .get(self.row)
                .map(|c| c.occurrences.clone()),
            Tab::Wording => self
                .story
                .wording
                .get(self.row)
                .map(|w| w.occurrences.clone()),
            // An article of each side, at the claim.
            Tab::Disagreements => self.story.disagreements.get(self.row).map(|d| {
                d.a.iter()
                    .take(1)
                    .chain(d.b.iter().take(1))
                    .copied()
                    .collect()
            }),
        }
        .unwrap_or_default();
        if occurrences.is_empty() {
            self.message = Some("nothing listed here to open · Tab: the next tab".into());
        } else {
            self.open_occurrences(&occurrences);
        }
    }

    fn keep_selection_on_screen(&mut self) {
        let h = self.list_height();
        if self.row < self.scroll {
            self.scroll = self.row;
        } else if self.row >= self.scroll + h {
            self.scroll = self.row + 1 - h;
        }
    }

    /// Whether the terminal is too small for the screen in front (the
    /// compare view, the columns or the story itself): only `q` acts then.
    pub fn too_small(&self) -> bool {
        match (&self.compare, &self.columns) {
            (Some((app, _, _)), _) => app.too_small(),
            (None, Some(c)) => c.too_small(),
            (None, None) => super::view::below(self.size, MIN_SIZE),
        }
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some((app, _, _)) = self.compare.as_mut() {
            app.resize(w, h);
        }
        if let Some(c) = self.columns.as_mut() {
            c.resize(w, h);
        }
    }

    /// The keymap for the screen in front.
    pub fn keys(&self) -> &Keymap {
        match (&self.compare, &self.columns) {
            (Some((app, _, _)), _) => &app.config.keymap,
            (None, Some(c)) => &c.keymap,
            (None, None) => &self.keymap,
        }
    }
}
