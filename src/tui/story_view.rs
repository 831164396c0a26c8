//! The story view: the articles with their relations, a similarity heatmap,
//! reprint groups, and tabs for the quote ledger and the coverage table. Enter
//! opens a pair (or the pair carrying a quote or claim) in the compare view;
//! `q` there comes back.

use super::state::ViewState;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::Frame;

use super::action::Action;
use super::app::{prepare, App};
use super::config::Config;
use super::keymap::Keymap;
use super::theme::Theme;
use super::view;
use crate::align::{Relation, Side};
use crate::article::Article;
use crate::display::{clip, one_line};
use crate::story::{Occurrence, Story};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Articles,
    Quotes,
    Coverage,
}

impl Tab {
    pub fn index(self) -> u8 {
        match self {
            Tab::Articles => 0,
            Tab::Quotes => 1,
            Tab::Coverage => 2,
        }
    }

    pub fn from_index(i: u8) -> Tab {
        match i {
            1 => Tab::Quotes,
            2 => Tab::Coverage,
            _ => Tab::Articles,
        }
    }

    fn next(self) -> Tab {
        match self {
            Tab::Articles => Tab::Quotes,
            Tab::Quotes => Tab::Coverage,
            Tab::Coverage => Tab::Articles,
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
    /// The open comparison and its pair (old, new).
    pub compare: Option<(App, usize, usize)>,
    pub keymap: Keymap,
    pub config: Config,
    pub theme: Theme,
    pub size: (u16, u16),
    pub help: bool,
    pub message: Option<String>,
    pub quit: bool,
    /// Compare settings to open pairs with: remembered from an earlier run,
    /// then whatever the reader left the last pair with.
    pub remembered: Option<ViewState>,
}

const TOP_ROWS: u16 = 3;

impl StoryApp {
    pub fn new(articles: Vec<Article>, story: Story, config: Config, size: (u16, u16)) -> StoryApp {
        let col = usize::from(articles.len() > 1);
        StoryApp {
            articles: articles.into_iter().map(Arc::new).collect(),
            story,
            tab: Tab::Articles,
            row: 0,
            col,
            scroll: 0,
            compare: None,
            keymap: Keymap::story_default(),
            theme: Theme::new(config.theme),
            config,
            size,
            help: false,
            message: None,
            quit: false,
            remembered: None,
        }
    }

    fn rows(&self) -> usize {
        match self.tab {
            Tab::Articles => self.articles.len(),
            Tab::Quotes => self.story.quotes.len(),
            Tab::Coverage => self.story.claims.len(),
        }
    }

    fn list_height(&self) -> usize {
        let h = self.size.1.saturating_sub(TOP_ROWS + 1) as usize;
        match self.tab {
            // The heatmap and groups share the screen with the list.
            Tab::Articles => h.min(self.articles.len()).max(1),
            _ => h.saturating_sub(2).max(1),
        }
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
        if let Some(v) = self.remembered {
            app.apply_view(v);
        }
        let p = prepare(&app.old, &app.new, &self.config.align);
        app.set_prepared(p);
        if let Some((side, offset)) = at {
            app.show_offset(side, offset);
        }
        app.message = Some(format!(
            "[{old}] ↔ [{new}] · q back to the story · < > other articles"
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

    pub fn update(&mut self, action: Action) {
        if let Some((app, _, _)) = self.compare.as_mut() {
            match action {
                Action::CycleOld => self.cycle(true),
                Action::CycleNew => self.cycle(false),
                Action::Quit if !app.help => {
                    self.remembered = Some(app.view_state());
                    self.compare = None;
                }
                other => app.update(other),
            }
            return;
        }
        self.message = None;
        if self.help {
            if matches!(action, Action::Help | Action::Quit) {
                self.help = false;
            }
            return;
        }
        let rows = self.rows();
        let page = self.list_height().max(1);
        match action {
            Action::ScrollDown => self.row = (self.row + 1).min(rows.saturating_sub(1)),
            Action::ScrollUp => self.row = self.row.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => {
                self.row = (self.row + page).min(rows.saturating_sub(1))
            }
            Action::PageUp | Action::HalfPageUp => self.row = self.row.saturating_sub(page),
            Action::Top => self.row = 0,
            Action::Bottom => self.row = rows.saturating_sub(1),
            Action::NextTab => {
                self.tab = self.tab.next();
                self.row = 0;
                self.scroll = 0;
            }
            Action::Left | Action::Right => {
                let n = self.articles.len();
                let step = if action == Action::Left { n - 1 } else { 1 };
                self.col = (self.col + step) % n;
                if self.col == self.row && n > 1 {
                    self.col = (self.col + step) % n;
                }
            }
            Action::Open => match self.tab {
                Tab::Articles => {
                    let col = if self.col == self.row {
                        (self.row + 1) % self.articles.len()
                    } else {
                        self.col
                    };
                    self.open(self.row, col, None);
                }
                Tab::Quotes => {
                    if let Some(q) = self.story.quotes.get(self.row) {
                        let occ = q.occurrences.clone();
                        self.open_occurrences(&occ);
                    }
                }
                Tab::Coverage => {
                    if let Some(c) = self.story.claims.get(self.row) {
                        let occ = c.occurrences.clone();
                        self.open_occurrences(&occ);
                    }
                }
            },
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            _ => {}
        }
        if self.tab == Tab::Articles && self.col == self.row && self.articles.len() > 1 {
            self.col = (self.row + 1) % self.articles.len();
        }
        // Keep the selection on screen.
        let h = self.list_height();
        if self.row < self.scroll {
            self.scroll = self.row;
        } else if self.row >= self.scroll + h {
            self.scroll = self.row + 1 - h;
        }
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some((app, _, _)) = self.compare.as_mut() {
            app.resize(w, h);
        }
    }

    /// The keymap for the screen in front.
    pub fn keys(&self) -> &Keymap {
        match &self.compare {
            Some((app, _, _)) => &app.config.keymap,
            None => &self.keymap,
        }
    }
}

fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    view::put(buf, x, y, s, max, style)
}

fn marks(n: usize, carried: &[usize]) -> String {
    (0..n)
        .map(|i| if carried.contains(&i) { '●' } else { '·' })
        .collect()
}

fn relation_summary(app: &StoryApp, i: usize) -> String {
    let n = app.articles.len();
    let mut reprints = Vec::new();
    let mut related = 0;
    for j in 0..n {
        if j == i {
            continue;
        }
        match app.story.pair(i, j).map(|p| p.relation) {
            Some(Relation::Identical | Relation::Reprint) => reprints.push(format!("[{j}]")),
            Some(Relation::Related) => related += 1,
            _ => {}
        }
    }
    let mut s = String::new();
    if !reprints.is_empty() {
        s.push_str(&format!("reprint of {}", reprints.join(" ")));
    }
    if related > 0 {
        if !s.is_empty() {
            s.push_str(" · ");
        }
        s.push_str(&format!(
            "related to {related} other{}",
            if related == 1 { "" } else { "s" }
        ));
    }
    if s.is_empty() {
        s = "unrelated to the rest".into();
    }
    s
}

pub fn draw(frame: &mut Frame, app: &StoryApp) {
    if let Some((compare, _, _)) = &app.compare {
        view::draw(frame, compare);
        return;
    }
    let area = frame.area();
    let buf = frame.buffer_mut();
    let t = &app.theme;
    if area.width < 30 || area.height < 8 {
        put(
            buf,
            area.x,
            area.y,
            &clip("too small", area.width as usize),
            area.width,
            Style::default().add_modifier(Modifier::BOLD),
        );
        return;
    }
    let w = area.width;
    let n = app.articles.len();
    let shared_q = app
        .story
        .quotes
        .iter()
        .filter(|q| q.articles().len() > 1)
        .count();
    let shared_c = app
        .story
        .claims
        .iter()
        .filter(|c| c.articles().len() > 1)
        .count();
    let head = format!(
        "storydiff · a story of {n} articles · {} reprint group{} · {shared_q} shared quotes · {shared_c} shared claims",
        app.story.groups.len(),
        if app.story.groups.len() == 1 { "" } else { "s" }
    );
    put(buf, 0, 0, &clip(&head, w as usize), w, t.title);
    let mut x = 0;
    for (tab, label) in [
        (Tab::Articles, " Articles "),
        (Tab::Quotes, " Quotes "),
        (Tab::Coverage, " Coverage "),
    ] {
        let style = if tab == app.tab {
            t.status.add_modifier(Modifier::BOLD | Modifier::REVERSED)
        } else {
            t.header
        };
        x += put(buf, x, 1, label, w.saturating_sub(x), style) + 1;
    }
    put(buf, 0, 2, &"─".repeat(w as usize), w, t.header);
    let list_h = app.list_height();
    let mut y = TOP_ROWS;
    let selected = |i: usize| i == app.row;
    match app.tab {
        Tab::Articles => {
            for i in app.scroll..(app.scroll + list_h).min(n) {
                let a = &app.articles[i];
                let mut parts = vec![format!("[{i}] {}", one_line(&a.short_name()))];
                // Room for what follows: byline, date, words, relations.
                parts.push(clip(&a.title_line(), 48));
                if let Some(b) = &a.meta.byline {
                    parts.push(one_line(b));
                }
                if let Some(d) = &a.meta.date {
                    parts.push(d.clone());
                }
                parts.push(format!("{} words", a.words()));
                parts.push(relation_summary(app, i));
                let style = if selected(i) {
                    t.header_focus.add_modifier(Modifier::BOLD)
                } else {
                    t.text
                };
                if selected(i) {
                    put(buf, 0, y, "▶", 1, style);
                }
                put(
                    buf,
                    2,
                    y,
                    &clip(&parts.join(" · "), w as usize - 2),
                    w - 2,
                    style,
                );
                y += 1;
            }
            y += 1;
            // The heatmap.
            let cell = 7u16;
            if y + 1 < area.height - 2 {
                put(buf, 0, y, "similarity (r reprint, = identical, ~ related, · unrelated) — Enter compares the marked pair", w, t.header);
                y += 1;
                for j in 0..n {
                    let x = 6 + cell * j as u16;
                    if x + cell > w {
                        break;
                    }
                    put(
                        buf,
                        x,
                        y,
                        &format!("{:>6}", format!("[{j}]")),
                        cell,
                        t.header,
                    );
                }
                y += 1;
            }
            for i in 0..n {
                if y >= area.height - 2 {
                    break;
                }
                put(
                    buf,
                    0,
                    y,
                    &format!("[{i}]"),
                    5,
                    if selected(i) {
                        t.header_focus
                    } else {
                        t.header
                    },
                );
                for j in 0..n {
                    let x = 6 + cell * j as u16;
                    if x + cell > w {
                        break;
                    }
                    let (text, style) = if i == j {
                        ("     —".to_string(), t.furniture)
                    } else {
                        let p = app.story.pair(i, j).expect("pair");
                        let (mark, style) = match p.relation {
                            Relation::Identical => ('=', t.changed),
                            Relation::Reprint => ('r', t.changed),
                            Relation::Related => ('~', t.moved),
                            Relation::Unrelated => ('·', t.furniture),
                        };
                        (
                            format!("{:>6}", format!("{mark}{:.2}", p.similarity)),
                            style,
                        )
                    };
                    let style = if selected(i) && j == app.col {
                        style.add_modifier(Modifier::REVERSED | Modifier::BOLD)
                    } else {
                        style
                    };
                    put(buf, x, y, &text, cell, style);
                }
                y += 1;
            }
            if y < area.height - 1 {
                let groups: Vec<String> = app
                    .story
                    .groups
                    .iter()
                    .map(|g| {
                        g.iter()
                            .map(|&i| format!("[{i}]"))
                            .collect::<Vec<_>>()
                            .join("+")
                    })
                    .collect();
                let line = if groups.is_empty() {
                    "no reprint groups".to_string()
                } else {
                    format!("reprint groups: {}", groups.join("  "))
                };
                put(buf, 0, y, &clip(&line, w as usize), w, t.text);
            }
        }
        Tab::Quotes | Tab::Coverage => {
            let header = format!(
                "{}  {}",
                (0..n)
                    .map(|i| char::from_digit((i % 10) as u32, 10).unwrap_or('?'))
                    .collect::<String>(),
                if app.tab == Tab::Quotes {
                    "quote — speaker"
                } else {
                    "claim (● carried, · left out)"
                }
            );
            put(buf, 2, y, &clip(&header, w as usize - 2), w - 2, t.header);
            y += 1;
            let rows = app.rows();
            for i in app.scroll..(app.scroll + list_h).min(rows) {
                let (arts, text) = if app.tab == Tab::Quotes {
                    let q = &app.story.quotes[i];
                    (
                        q.articles(),
                        format!(
                            "“{}” — {}",
                            one_line(&q.text),
                            q.speaker.as_deref().unwrap_or("speaker not given")
                        ),
                    )
                } else {
                    let c = &app.story.claims[i];
                    (c.articles(), one_line(&c.text))
                };
                let line = format!("{}  {}", marks(n, &arts), text);
                let style = if selected(i) {
                    t.header_focus.add_modifier(Modifier::BOLD)
                } else if arts.len() > 1 {
                    t.text
                } else {
                    t.furniture
                };
                if selected(i) {
                    put(buf, 0, y, "▶", 1, style);
                }
                put(buf, 2, y, &clip(&line, w as usize - 2), w - 2, style);
                y += 1;
            }
            if let Some(arts) = match app.tab {
                Tab::Quotes => app.story.quotes.get(app.row).map(|q| q.articles()),
                _ => app.story.claims.get(app.row).map(|c| c.articles()),
            } {
                let missing: Vec<String> = (0..n)
                    .filter(|i| !arts.contains(i))
                    .map(|i| format!("[{i}]"))
                    .collect();
                let carried: Vec<String> = arts.iter().map(|i| format!("[{i}]")).collect();
                let line = format!(
                    "carried by {} · left out by {}",
                    carried.join(" "),
                    if missing.is_empty() {
                        "none".into()
                    } else {
                        missing.join(" ")
                    }
                );
                put(
                    buf,
                    0,
                    area.height - 2,
                    &clip(&line, w as usize),
                    w,
                    t.header,
                );
            }
        }
    }
    let hint = match &app.message {
        Some(m) => one_line(m),
        None => "j/k select · h/l heatmap column · Tab next tab · Enter compare · ? help · q quit"
            .into(),
    };
    let sy = area.height - 1;
    for x in 0..w {
        buf[(x, sy)].set_symbol(" ").set_style(t.status);
    }
    put(buf, 1, sy, &clip(&hint, w as usize - 1), w - 1, t.status);
    if app.help {
        draw_help(buf, area, app);
    }
}

fn draw_help(buf: &mut Buffer, area: Rect, app: &StoryApp) {
    view::draw_keys(
        buf,
        area,
        &app.keymap,
        &app.theme,
        "story view keys — q, Esc or ? closes",
    );
}
