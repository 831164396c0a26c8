//! The terminal front end: the compare view of two articles.
//!
//! Elm-style: a terminal event becomes an `Action` through the keymap,
//! `App::update` changes state, `view::draw` renders `&App`. Alignment runs on a
//! worker thread so the first frame shows at once. The terminal is restored on
//! every exit path, panics included.

pub mod action;
pub mod app;
pub mod changes;
pub mod columns;
pub mod config;
pub mod filter;
pub mod history_view;
pub mod keymap;
pub mod layout;
pub mod pile_view;
pub mod state;
pub mod story_view;
pub mod theme;
pub mod view;

use std::io::stdout;
use std::sync::{mpsc, Arc};
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::execute;

use crate::article::Article;
use action::Action;
use app::{prepare_for, App, SearchEdit};
use config::Config;
use keymap::{Chord, Lookup};

/// Env var that makes `!` panic, to check the terminal is restored after a crash.
pub const TEST_PANIC_ENV: &str = "STORYDIFF_TEST_PANIC";

/// What the event loop needs from the screen in front: the compare view, or
/// the story view (which may have a compare view open on top).
pub trait Screen {
    fn draw(&self, frame: &mut ratatui::Frame);
    fn keymap(&self) -> &keymap::Keymap;
    fn update(&mut self, action: Action);
    /// The compare view whose search prompt or mouse handling applies, if any.
    fn compare_mut(&mut self) -> Option<&mut App>;
    fn resize(&mut self, w: u16, h: u16);
    fn help_open(&self) -> bool;
    fn quitting(&self) -> bool;
    /// Whether the terminal is too small for the screen in front: it shows
    /// "too small", and only `q` (and resizes) act.
    fn too_small(&self) -> bool;
    /// Whether a search prompt is open (keys are typed into it).
    fn prompt_open(&mut self) -> bool {
        self.compare_mut().is_some_and(|c| c.search.input.is_some())
    }
    /// A key typed into the open search prompt.
    fn prompt_key(&mut self, edit: SearchEdit) {
        if let Some(c) = self.compare_mut() {
            c.search_input(edit);
        }
    }
}

impl Screen for App {
    fn draw(&self, frame: &mut ratatui::Frame) {
        view::draw(frame, self)
    }
    fn keymap(&self) -> &keymap::Keymap {
        &self.config.keymap
    }
    fn update(&mut self, action: Action) {
        App::update(self, action)
    }
    fn compare_mut(&mut self) -> Option<&mut App> {
        Some(self)
    }
    fn resize(&mut self, w: u16, h: u16) {
        App::resize(self, w, h)
    }
    fn help_open(&self) -> bool {
        self.help
    }
    fn too_small(&self) -> bool {
        App::too_small(self)
    }
    fn quitting(&self) -> bool {
        self.quit
    }
}

impl Screen for story_view::StoryApp {
    fn draw(&self, frame: &mut ratatui::Frame) {
        story_view::draw(frame, self)
    }
    fn keymap(&self) -> &keymap::Keymap {
        self.keys()
    }
    fn update(&mut self, action: Action) {
        story_view::StoryApp::update(self, action)
    }
    fn compare_mut(&mut self) -> Option<&mut App> {
        self.compare.as_mut().map(|(a, _, _)| a)
    }
    fn resize(&mut self, w: u16, h: u16) {
        story_view::StoryApp::resize(self, w, h)
    }
    fn help_open(&self) -> bool {
        self.help
            || self.compare.as_ref().is_some_and(|(a, _, _)| a.help)
            || self.columns.as_ref().is_some_and(|c| c.help)
    }
    fn too_small(&self) -> bool {
        story_view::StoryApp::too_small(self)
    }
    fn quitting(&self) -> bool {
        self.quit
    }
    fn prompt_open(&mut self) -> bool {
        match self.columns.as_ref() {
            Some(c) if self.compare.is_none() => c.input.is_some(),
            _ => self.compare_mut().is_some_and(|c| c.search.input.is_some()),
        }
    }
    fn prompt_key(&mut self, edit: SearchEdit) {
        match (self.compare.as_mut(), self.columns.as_mut()) {
            (Some((c, _, _)), _) => c.search_input(edit),
            (None, Some(c)) => c.search_input(edit),
            (None, None) => {}
        }
    }
}

impl Screen for history_view::HistoryApp<'_> {
    fn draw(&self, frame: &mut ratatui::Frame) {
        history_view::draw(frame, self)
    }
    fn keymap(&self) -> &keymap::Keymap {
        match &self.compare {
            Some(app) => &app.config.keymap,
            None => &self.keymap,
        }
    }
    fn update(&mut self, action: Action) {
        history_view::HistoryApp::update(self, action)
    }
    fn compare_mut(&mut self) -> Option<&mut App> {
        self.compare.as_mut()
    }
    fn resize(&mut self, w: u16, h: u16) {
        history_view::HistoryApp::resize(self, w, h)
    }
    fn help_open(&self) -> bool {
        self.help || self.compare.as_ref().is_some_and(|a| a.help)
    }
    fn too_small(&self) -> bool {
        history_view::HistoryApp::too_small(self)
    }
    fn quitting(&self) -> bool {
        self.quit
    }
}

impl Screen for pile_view::PileApp {
    fn draw(&self, frame: &mut ratatui::Frame) {
        pile_view::draw(frame, self)
    }
    fn keymap(&self) -> &keymap::Keymap {
        self.keys()
    }
    fn update(&mut self, action: Action) {
        pile_view::PileApp::update(self, action)
    }
    fn compare_mut(&mut self) -> Option<&mut App> {
        pile_view::PileApp::compare_mut(self)
    }
    fn resize(&mut self, w: u16, h: u16) {
        pile_view::PileApp::resize(self, w, h)
    }
    fn help_open(&self) -> bool {
        pile_view::PileApp::help_open(self)
    }
    fn too_small(&self) -> bool {
        pile_view::PileApp::too_small(self)
    }
    fn quitting(&self) -> bool {
        self.quit
    }
    fn prompt_open(&mut self) -> bool {
        match self.open.as_mut() {
            Some(story) => Screen::prompt_open(story),
            None => pile_view::PileApp::prompt_open(self),
        }
    }
    fn prompt_key(&mut self, edit: SearchEdit) {
        match self.open.as_mut() {
            Some(story) => Screen::prompt_key(story, edit),
            None => pile_view::PileApp::prompt(self, edit),
        }
    }
}

/// Runs the pile view (its stories, each opening the story view) until the user quits.
pub fn run_pile(
    articles: Vec<Article>,
    pile: crate::story::Pile,
    config: Config,
    warning: Option<String>,
) -> std::io::Result<()> {
    with_terminal(|terminal| {
        let size = terminal.size()?;
        let mut app = pile_view::PileApp::new(articles, pile, config, (size.width, size.height));
        app.message = warning;
        event_loop(terminal, &mut app, &mut |_| {})
    })
}

/// Runs the history view of `url` until the user quits.
pub fn run_history(
    url: &str,
    versions: Vec<crate::source::archive::VersionInfo>,
    open_version: history_view::OpenVersion,
    config: Config,
    warning: Option<String>,
) -> std::io::Result<()> {
    with_terminal(|terminal| {
        let size = terminal.size()?;
        let mut app = history_view::HistoryApp::new(
            url,
            versions,
            open_version,
            config,
            (size.width, size.height),
        );
        app.message = warning;
        event_loop(terminal, &mut app, &mut |_| {})
    })
}

/// Sets up the terminal (raw mode, alternate screen, mouse), runs `body`, and
/// restores the terminal whatever happens, panics included.
fn with_terminal<T>(
    body: impl FnOnce(&mut ratatui::DefaultTerminal) -> std::io::Result<T>,
) -> std::io::Result<T> {
    let mut terminal = ratatui::init();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        hook(info);
    }));
    let _ = execute!(stdout(), EnableMouseCapture);
    let result = body(&mut terminal);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Which story (or pair) is open, for what is remembered between runs.
pub struct Memory {
    /// The key the settings are kept under (`state::story_key`).
    pub key: String,
    /// The files, to record as the last story opened (`None` for the sample).
    pub files: Option<Vec<String>>,
}

impl Memory {
    /// The memory of the story (or pair) made of `files`.
    pub fn of_files(files: &[String]) -> Memory {
        Memory {
            key: state::story_key(files),
            files: Some(files.iter().map(|f| state::absolute(f)).collect()),
        }
    }

    /// The memory of the bundled sample story.
    pub fn sample() -> Memory {
        Memory {
            key: state::SAMPLE_KEY.to_string(),
            files: None,
        }
    }
}

/// Records `view` for the story and writes the state file; a failure is one
/// line on stderr (the terminal is restored by then), never an error.
fn remember(mut st: state::State, memory: Memory, view: state::ViewState) {
    st.remember(&memory.key, memory.files, view);
    if let Err(e) = st.save() {
        let path = state::state_path().map(|p| p.display().to_string());
        eprintln!(
            "storydiff: {}: could not save the view settings: {e}",
            path.unwrap_or_default()
        );
    }
}

/// Runs the story view on `articles` until the user quits.
pub fn run_story(
    articles: Vec<Article>,
    story: crate::story::Story,
    config: Config,
    warning: Option<String>,
    memory: Memory,
) -> std::io::Result<()> {
    let st = state::State::load();
    let hint = last_story_hint(&st, &memory);
    let result = with_terminal(|terminal| {
        let size = terminal.size()?;
        let mut app = story_view::StoryApp::new(articles, story, config, (size.width, size.height));
        if let Some(v) = st.view(&memory.key) {
            app.tab = story_view::Tab::from_index(v.tab);
            app.remembered = Some(v);
        }
        app.message = warning.or(hint);
        event_loop(terminal, &mut app, &mut |_| {})?;
        Ok(app.view_state())
    });
    let view = result?;
    remember(st, memory, view);
    Ok(())
}

/// On the sample story, the command that reopens the last story the reader
/// opened, if it was another one.
fn last_story_hint(st: &state::State, memory: &Memory) -> Option<String> {
    if memory.files.is_some() {
        return None;
    }
    let files = st.last_story.as_ref().filter(|f| !f.is_empty())?;
    let quoted: Vec<String> = files
        .iter()
        .map(|f| {
            if f.contains(|c: char| c.is_whitespace() || "'\"$`\\".contains(c)) {
                format!("'{}'", f.replace('\'', "'\\''"))
            } else {
                f.clone()
            }
        })
        .collect();
    Some(format!("last opened: storydiff {}", quoted.join(" ")))
}

/// Runs the compare view until the user quits.
pub fn run_compare(
    old: Article,
    new: Article,
    config: Config,
    warning: Option<String>,
    memory: Memory,
) -> std::io::Result<()> {
    let st = state::State::load();
    // Alone, a comparison has none of a story's keys.
    let mut config = config;
    config.keymap = config.keymap.for_pair();
    let result = with_terminal(|terminal| {
        let size = terminal.size()?;
        let mut app = App::new(
            Arc::new(old),
            Arc::new(new),
            config,
            (size.width, size.height),
        );
        if let Some(v) = st.view(&memory.key) {
            app.apply_view(v);
        }
        if warning.is_some() {
            app.message = warning;
        }
        let (tx, rx) = mpsc::channel();
        {
            let (o, n) = (Arc::clone(&app.old), Arc::clone(&app.new));
            let key = app.layout_key();
            let options = app.config.align.clone();
            // Its own stack: the alignment recurses (`ALIGN_STACK`). Where
            // no thread can be started, the view aligns before it draws.
            let worker = std::thread::Builder::new()
                .name("align".into())
                .stack_size(crate::align::ALIGN_STACK)
                .spawn(move || {
                    let _ = tx.send(prepare_for(&o, &n, key, &options));
                });
            if worker.is_err() {
                let p = prepare_for(&app.old, &app.new, key, &app.config.align);
                app.set_prepared(p);
            }
        }
        event_loop(terminal, &mut app, &mut |app: &mut App| {
            if app.ready.is_none() {
                if let Ok(p) = rx.try_recv() {
                    app.set_prepared(p);
                }
            }
        })?;
        Ok(app.view_state())
    });
    let view = result?;
    remember(st, memory, view);
    Ok(())
}

fn event_loop<S: Screen>(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut S,
    poll: &mut dyn FnMut(&mut S),
) -> std::io::Result<()> {
    let mut pending: Vec<Chord> = Vec::new();
    let test_panic = std::env::var_os(TEST_PANIC_ENV).is_some();
    let mut known = terminal.size()?;
    loop {
        poll(app);
        // A resize before the event reader started (just after start-up)
        // sends no event: the view kept the old size and drew a 160-column
        // frame into a 20-column window. The terminal's size says it.
        let size = terminal.size()?;
        if size != known {
            known = size;
            app.resize(size.width, size.height);
        }
        terminal.draw(|f| app.draw(f))?;
        if app.quitting() {
            return Ok(());
        }
        let loading = app.compare_mut().is_some_and(|c| c.ready.is_none());
        let wait = if loading {
            Duration::from_millis(30)
        } else {
            Duration::from_secs(3600)
        };
        if !event::poll(wait)? {
            continue;
        }
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                if test_panic && !app.prompt_open() && k.code == KeyCode::Char('!') {
                    panic!("test panic requested with {TEST_PANIC_ENV}");
                }
                handle_key(app, &mut pending, k);
            }
            Event::Mouse(m) => handle_mouse(app, m),
            Event::Resize(w, h) => {
                known = ratatui::layout::Size::new(w, h);
                app.resize(w, h);
            }
            _ => {}
        }
    }
}

/// A key press: an edit of the open search prompt, else a chord looked up in
/// the keymap (a chord that starts a longer binding waits in `pending`).
fn handle_key<S: Screen>(app: &mut S, pending: &mut Vec<Chord>, k: KeyEvent) {
    if app.too_small() {
        // Nothing else on the screen to act on: a key would change what
        // shows once the terminal grows, unseen.
        pending.clear();
        if app.keymap().lookup(&[], Chord::from_event(k)) == Lookup::Action(Action::Quit) {
            app.update(Action::Quit);
        }
        return;
    }
    if app.prompt_open() {
        let edit = match k.code {
            KeyCode::Enter => Some(SearchEdit::Submit),
            KeyCode::Esc => Some(SearchEdit::Cancel),
            KeyCode::Backspace => Some(SearchEdit::Backspace),
            KeyCode::Char(ch) => Some(SearchEdit::Char(ch)),
            _ => None,
        };
        if let Some(e) = edit {
            app.prompt_key(e);
        }
        return;
    }
    let plain_esc = k.code == KeyCode::Esc && k.modifiers.is_empty() && pending.is_empty();
    if plain_esc && !app.help_open() && app.compare_mut().is_some_and(App::clear_search) {
        return;
    }
    let chord = Chord::from_event(k);
    match app.keymap().lookup(pending, chord) {
        Lookup::Action(a) => {
            pending.clear();
            app.update(a);
        }
        Lookup::Pending => pending.push(chord),
        Lookup::None => {
            pending.clear();
            if app.help_open() {
                app.update(Action::Help);
            }
        }
    }
}

/// The wheel scrolls; in the compare view a click on the scrollbar column
/// jumps to that fraction of the document.
fn handle_mouse<S: Screen>(app: &mut S, m: MouseEvent) {
    if app.too_small() {
        return;
    }
    let Some(c) = app.compare_mut() else {
        match m.kind {
            MouseEventKind::ScrollDown => app.update(Action::ScrollDown),
            MouseEventKind::ScrollUp => app.update(Action::ScrollUp),
            _ => {}
        }
        return;
    };
    match m.kind {
        MouseEventKind::ScrollDown => c.scroll_by(3),
        MouseEventKind::ScrollUp => c.scroll_by(-3),
        MouseEventKind::Down(MouseButton::Left) => {
            let (w, _) = c.size;
            let top = app::HEADER_ROWS;
            let h = c.content_height();
            if m.column + 1 == w && m.row >= top && m.row < top + h && h > 0 {
                c.jump_to_fraction((m.row - top) as f64 / h as f64);
            }
        }
        _ => {}
    }
}
