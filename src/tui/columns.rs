//! The column view's state: a few articles of a story side by side, one row
//! per claim (`columns::column_rows`), opened from the story view. Rows are
//! wrapped once per width and kept as prefix sums, so drawing maps the scroll
//! offset to a row by binary search and wraps only what is on screen.

use std::sync::Arc;

use super::action::Action;
use super::app::SearchEdit;
use super::keymap::{Chord, Keymap};
use super::layout::{display_text, wrap, Piece, Seg};
use super::theme::Theme;
use crate::article::Article;
use crate::columns::{column_rows, ColumnRow};
use crate::story::Story;

/// Rows above the content (head line, column heads, titles, rule) and below it.
pub const HEAD_ROWS: u16 = 4;
/// Fewest columns a text column gets; beyond what fits, `h`/`l` scroll.
pub const MIN_COLUMN: u16 = 30;
/// Columns of the row marker at the left.
pub const GUTTER: u16 = 2;
/// Smallest terminal the column view draws in (columns, rows).
pub const MIN_SIZE: (u16, u16) = (30, 8);

/// What each mark means in the column view, as its help and the manual
/// page say: a row's mark counts the articles of the view that carry its
/// claim (those scrolled off screen too), unlike the compare view's `=`.
pub const MARKERS: [(&str, &str); 5] = [
    (
        "=",
        "row mark: every article of the view carries the claim (columns off screen too)",
    ),
    ("~", "row mark: several articles carry the claim, not all"),
    ("+", "row mark: one article alone carries the claim"),
    (
        "▶",
        "beside a row mark: the row ]c, [c, n, N or a search went to (until the view scrolls)",
    ),
    (
        "↕ ¶N",
        "before a sentence: it stands in paragraph N of its own article, out of that article's order down the rows",
    ),
];

/// The column view's help box's title.
pub const HELP_TITLE: &str = "column view keys and marks — q, Esc or ? closes";

/// Row heights for one width and set of visible columns.
#[derive(Clone, Debug, Default)]
pub struct ColumnLayout {
    /// (terminal width, first visible column).
    pub key: (u16, usize),
    /// `starts[i]` is the first screen row of row `i`; the last entry is the total.
    pub starts: Vec<u64>,
}

pub struct ColumnsApp {
    /// The columns' articles and their indices in the story.
    pub articles: Vec<Arc<Article>>,
    pub indices: Vec<usize>,
    /// Articles in the whole story (more than the columns when the view
    /// opened on five of a larger story: the head says so).
    pub in_story: usize,
    pub rows: Vec<ColumnRow>,
    /// First article column on screen (horizontal scroll).
    pub first: usize,
    /// First content row on screen.
    pub top: u64,
    pub layout: ColumnLayout,
    pub size: (u16, u16),
    pub keymap: Keymap,
    pub theme: Theme,
    /// Text typed after `/`, while the prompt is open; the last query; the
    /// row and article column of every occurrence of it, row by row, left to
    /// right (a cell holding two is listed twice).
    pub input: Option<String>,
    pub query: String,
    pub hits: Vec<(usize, usize)>,
    /// The last jump: what it went through, the target's place in that
    /// list and the top row it left. While the screen stays there, the next
    /// jump counts on from that target (the screen cannot scroll the last
    /// rows to the top, and two hits may share a row).
    jumped: Option<(&'static str, usize, u64)>,
    /// The row the last jump or search went to, and the top row it left:
    /// marked while the screen stays there (the last rows cannot come to
    /// the top, so their place alone does not say which one it is).
    target: Option<(usize, u64)>,
    pub help: bool,
    /// The first help entry shown (the help scrolls in a short window).
    pub help_top: usize,
    pub message: Option<String>,
    pub quit: bool,
}

impl ColumnsApp {
    /// The column view of `indices` (the first leads the row order).
    pub fn new(
        articles: Vec<Arc<Article>>,
        indices: Vec<usize>,
        story: &Story,
        keymap: &Keymap,
        theme: Theme,
        size: (u16, u16),
    ) -> ColumnsApp {
        let rows = column_rows(story, &indices);
        let mut keymap = keymap.for_columns();
        let plain = |c| vec![Chord::plain(c)];
        use crossterm::event::KeyCode;
        keymap.rebind(
            Action::Left,
            vec![plain(KeyCode::Char('h')), plain(KeyCode::Left)],
        );
        keymap.rebind(
            Action::Right,
            vec![plain(KeyCode::Char('l')), plain(KeyCode::Right)],
        );
        let mut app = ColumnsApp {
            in_story: articles.len(),
            articles,
            indices,
            rows,
            first: 0,
            top: 0,
            layout: ColumnLayout::default(),
            size,
            keymap,
            theme,
            input: None,
            query: String::new(),
            hits: Vec::new(),
            jumped: None,
            target: None,
            help: false,
            help_top: 0,
            message: None,
            quit: false,
        };
        app.relayout();
        app
    }

    /// Article columns this width has room for (at least one).
    fn room(&self) -> usize {
        (self.size.0.saturating_sub(GUTTER) / MIN_COLUMN).max(1) as usize
    }

    /// Article columns on screen at this width.
    pub fn shown(&self) -> usize {
        self.room()
            .min(self.articles.len().saturating_sub(self.first))
            .max(1)
    }

    /// Width of one article column (its separator included).
    pub fn column_width(&self) -> u16 {
        self.size.0.saturating_sub(GUTTER) / self.shown() as u16
    }

    pub fn content_height(&self) -> u16 {
        self.size.1.saturating_sub(HEAD_ROWS + 1)
    }

    /// The lines of row `r`'s cell in article column `k`, at `width`.
    pub fn cell_lines(&self, r: usize, k: usize, width: u16) -> Vec<Vec<Piece>> {
        let row = &self.rows[r];
        let Some(span) = row.cells[k] else {
            return Vec::new();
        };
        let a = &self.articles[k];
        let mut pieces = Vec::new();
        if row.away[k] {
            let block = a
                .blocks
                .iter()
                .position(|b| b.span.start <= span.start && span.end <= b.span.end);
            pieces.push(Piece {
                text: format!("↕ ¶{} ", block.map_or(0, |b| b + 1)),
                seg: Seg::Note,
            });
        }
        let mut text = String::new();
        display_text(&a.text[span.range()], &mut text);
        pieces.push(Piece {
            text,
            seg: Seg::Plain,
        });
        wrap(&pieces, width.saturating_sub(2) as usize, true)
    }

    /// Whether an article column on screen carries row `r`'s claim.
    pub fn on_screen(&self, r: usize) -> bool {
        let row = &self.rows[r];
        (self.first..self.first + self.shown()).any(|k| row.cells[k].is_some())
    }

    /// Rows carried only by article columns off screen: those the cached
    /// layout gives no height.
    pub fn off_screen_rows(&self) -> usize {
        self.layout
            .starts
            .windows(2)
            .filter(|w| w[0] == w[1])
            .count()
    }

    /// Screen rows of row `r` (its tallest cell, and a blank row under it);
    /// none for a row only columns off screen carry (it would show as empty
    /// cells).
    fn row_height(&self, r: usize) -> u64 {
        if !self.on_screen(r) {
            return 0;
        }
        let w = self.column_width().saturating_sub(1);
        let tallest = (self.first..self.first + self.shown())
            .map(|k| self.cell_lines(r, k, w).len())
            .max()
            .unwrap_or(0);
        tallest.max(1) as u64 + 1
    }

    fn relayout(&mut self) {
        let key = (self.size.0, self.first);
        if self.layout.key == key && self.layout.starts.len() == self.rows.len() + 1 {
            return;
        }
        let top_row = self.row_at(self.top);
        let mut starts = Vec::with_capacity(self.rows.len() + 1);
        let mut at = 0;
        for r in 0..self.rows.len() {
            starts.push(at);
            at += self.row_height(r);
        }
        starts.push(at);
        self.layout = ColumnLayout { key, starts };
        self.top = self.layout.starts.get(top_row).copied().unwrap_or(0);
        self.clamp();
    }

    pub fn total_rows(&self) -> u64 {
        self.layout.starts.last().copied().unwrap_or(0)
    }

    /// The row showing screen row `at`.
    pub fn row_at(&self, at: u64) -> usize {
        let n = self.rows.len();
        if n == 0 || self.layout.starts.len() != n + 1 {
            return 0;
        }
        self.layout.starts[..n]
            .partition_point(|&s| s <= at)
            .saturating_sub(1)
    }

    fn clamp(&mut self) {
        self.top = self.top.min(self.max_top());
    }

    fn scroll(&mut self, delta: i64) {
        self.top = self.top.saturating_add_signed(delta);
        self.clamp();
    }

    /// Rows whose claim two or more columns but not all carry (`]c` stops).
    pub fn partial_rows(&self) -> Vec<usize> {
        let n = self.articles.len();
        (0..self.rows.len())
            .filter(|&r| {
                let k = self.rows[r].carried();
                k > 1 && k < n
            })
            .collect()
    }

    fn jump(&mut self, targets: &[usize], forward: bool, what: &'static str) {
        let stayed = self
            .jumped
            .filter(|&(w, k, top)| w == what && top == self.top && k < targets.len())
            .map(|(_, k, _)| k);
        let at_end = self.top > 0 && self.top >= self.max_top();
        let current = self.row_at(self.top);
        let next = match stayed {
            Some(k) if forward => (k + 1 < targets.len()).then_some(k + 1),
            Some(k) => k.checked_sub(1),
            None if forward => targets.iter().position(|&t| t > current),
            // At the end, the rows under the top are behind the reader too.
            None if at_end => targets.len().checked_sub(1),
            None => targets.iter().rposition(|&t| t < current),
        };
        match next {
            Some(k) => {
                if what == "hit" {
                    self.show_column(self.hits[k].1);
                }
                self.show_target(targets[k], what, k, targets.len());
            }
            None if targets.is_empty() => self.message = Some(format!("no {what}s")),
            None => {
                let dir = if forward { "more" } else { "earlier" };
                self.message = Some(format!("no {dir} {what}s"));
            }
        }
    }

    /// Scrolls to row `t`, the `k`th of `n` targets of a jump, and says so.
    fn show_target(&mut self, t: usize, what: &'static str, k: usize, n: usize) {
        self.bring_into_view(t);
        self.top = self.layout.starts[t];
        self.clamp();
        self.jumped = Some((what, k, self.top));
        self.target = Some((t, self.top));
        self.message = Some(format!("{what} {} of {n}", k + 1));
    }

    /// The row the last jump or search went to, while the screen stays there.
    pub fn target(&self) -> Option<usize> {
        self.target
            .filter(|&(_, top)| top == self.top)
            .map(|(r, _)| r)
    }

    fn max_top(&self) -> u64 {
        self.total_rows()
            .saturating_sub(self.content_height() as u64)
    }

    /// Scrolls the columns sideways when no column on screen carries row `r`,
    /// so that its first carrier is the leftmost column.
    fn bring_into_view(&mut self, r: usize) {
        if self.on_screen(r) {
            return;
        }
        if let Some(k) = self.rows[r].cells.iter().position(Option::is_some) {
            self.first = k.min(self.articles.len().saturating_sub(self.shown()));
            self.relayout();
        }
    }

    /// Scrolls the columns sideways as little as brings article column `k`
    /// on screen.
    fn show_column(&mut self, k: usize) {
        if k < self.first {
            self.first = k;
        } else if k >= self.first + self.shown() {
            self.first = (k + 1).saturating_sub(self.room().min(self.articles.len()));
        }
        self.relayout();
    }

    /// The row and column of every occurrence of the query (row by row, left
    /// to right).
    fn find_hits(&self) -> Vec<(usize, usize)> {
        let q = &self.query;
        let mut hits = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            for (k, cell) in row.cells.iter().enumerate() {
                if let Some(s) = cell {
                    let n = self.articles[k].text[s.range()]
                        .to_lowercase()
                        .matches(q.as_str())
                        .count();
                    hits.extend(std::iter::repeat_n((r, k), n));
                }
            }
        }
        hits
    }

    /// A key typed into the open search prompt.
    pub fn search_input(&mut self, edit: SearchEdit) {
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
                let query = self.input.take().unwrap_or_default();
                self.query = query.to_lowercase();
                let found = if self.query.is_empty() {
                    Vec::new()
                } else {
                    self.find_hits()
                };
                self.hits = found;
                if self.hits.is_empty() {
                    self.message = Some(format!("“{query}”: not found"));
                    return;
                }
                // The first hit from the row on screen, a hit there included.
                let here = self.row_at(self.top);
                let k = self.hits.iter().position(|&(r, _)| r >= here).unwrap_or(0);
                let (row, column) = self.hits[k];
                self.show_column(column);
                self.show_target(row, "hit", k, self.hits.len());
            }
        }
    }

    /// What help lists: the keys, then what the marks mean.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        self.keymap.help_lines_with(&MARKERS)
    }

    /// Applies an action; the only place the column view's state changes.
    pub fn update(&mut self, action: Action) {
        if action != Action::Search {
            self.message = None;
        }
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
        let page = self.content_height().saturating_sub(2).max(1) as i64;
        match action {
            Action::ScrollDown => self.scroll(1),
            Action::ScrollUp => self.scroll(-1),
            Action::PageDown => self.scroll(page),
            Action::PageUp => self.scroll(-page),
            Action::HalfPageDown => self.scroll(page / 2),
            Action::HalfPageUp => self.scroll(-(page / 2)),
            Action::Top => self.top = 0,
            Action::Bottom => self.scroll(i64::MAX / 2),
            Action::NextChange | Action::PrevChange => {
                let rows = self.partial_rows();
                self.jump(&rows, action == Action::NextChange, "partly shared claim");
            }
            Action::NextHit | Action::PrevHit => {
                let forward = action == Action::NextHit;
                if self.query.is_empty() {
                    let rows = self.partial_rows();
                    self.jump(&rows, forward, "partly shared claim");
                } else {
                    let rows: Vec<usize> = self.hits.iter().map(|&(r, _)| r).collect();
                    self.jump(&rows, forward, "hit");
                }
            }
            Action::Search => self.input = Some(String::new()),
            Action::Left => self.first = self.first.saturating_sub(1),
            Action::Right if self.first + self.shown() < self.articles.len() => self.first += 1,
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
        self.relayout();
    }

    /// Whether the terminal is under the column view's minimum: it shows
    /// "too small", and only `q` (back to the story) acts.
    pub fn too_small(&self) -> bool {
        super::view::below(self.size, MIN_SIZE)
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        // As many columns as fit stay on screen: a wider window scrolls
        // back rather than leave room empty while columns are hidden.
        let n = self.articles.len();
        self.first = self.first.min(n.saturating_sub(self.room().min(n)));
        self.relayout();
        self.clamp();
    }
}
