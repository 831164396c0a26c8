//! The terminal front end: the compare view of two articles.
//!
//! Elm-style: a terminal event becomes an `Action` through the keymap,
//! `App::update` changes state, `view::draw` renders `&App`. Alignment runs on a
//! worker thread so the first frame shows at once. The terminal is restored on
//! every exit path, panics included.

pub mod action;
pub mod app;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod theme;
pub mod view;

use std::io::stdout;
use std::sync::{mpsc, Arc};
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, MouseButton,
    MouseEventKind,
};
use crossterm::execute;

use crate::article::Article;
use action::Action;
use app::{prepare_for, App, SearchEdit};
use config::Config;
use keymap::{Chord, Lookup};

/// Env var that makes `!` panic, to check the terminal is restored after a crash.
pub const TEST_PANIC_ENV: &str = "STORYDIFF_TEST_PANIC";

/// Runs the compare view until the user quits.
pub fn run_compare(
    old: Article,
    new: Article,
    config: Config,
    warning: Option<String>,
) -> std::io::Result<()> {
    let old = Arc::new(old);
    let new = Arc::new(new);
    let mut terminal = ratatui::init();
    let size = terminal.size()?;
    let mut app = App::new(old, new, config, (size.width, size.height));
    app.message = warning;
    let (tx, rx) = mpsc::channel();
    {
        let (o, n) = (Arc::clone(&app.old), Arc::clone(&app.new));
        let key = app.layout_key();
        std::thread::spawn(move || {
            let _ = tx.send(prepare_for(&o, &n, key));
        });
    }
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        hook(info);
    }));
    let _ = execute!(stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, &mut app, &rx);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rx: &mpsc::Receiver<app::Prepared>,
) -> std::io::Result<()> {
    let mut pending: Vec<Chord> = Vec::new();
    let test_panic = std::env::var_os(TEST_PANIC_ENV).is_some();
    loop {
        if app.ready.is_none() {
            if let Ok(p) = rx.try_recv() {
                app.set_prepared(p);
            }
        }
        terminal.draw(|f| view::draw(f, app))?;
        if app.quit {
            return Ok(());
        }
        let wait = if app.ready.is_none() {
            Duration::from_millis(30)
        } else {
            Duration::from_secs(3600)
        };
        if !event::poll(wait)? {
            continue;
        }
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                if app.search.input.is_some() {
                    let edit = match k.code {
                        KeyCode::Enter => Some(SearchEdit::Submit),
                        KeyCode::Esc => Some(SearchEdit::Cancel),
                        KeyCode::Backspace => Some(SearchEdit::Backspace),
                        KeyCode::Char(c) => Some(SearchEdit::Char(c)),
                        _ => None,
                    };
                    if let Some(e) = edit {
                        app.search_input(e);
                    }
                    continue;
                }
                if test_panic && k.code == KeyCode::Char('!') {
                    panic!("test panic requested with {TEST_PANIC_ENV}");
                }
                let chord = Chord::from_event(k);
                match app.config.keymap.lookup(&pending, chord) {
                    Lookup::Action(a) => {
                        pending.clear();
                        app.update(a);
                    }
                    Lookup::Pending => pending.push(chord),
                    Lookup::None => {
                        pending.clear();
                        if app.help {
                            app.update(Action::Help);
                        }
                    }
                }
            }
            Event::Mouse(m) => match m.kind {
                MouseEventKind::ScrollDown => app.scroll_by(3),
                MouseEventKind::ScrollUp => app.scroll_by(-3),
                MouseEventKind::Down(MouseButton::Left) => {
                    let (w, _) = app.size;
                    let top = app::HEADER_ROWS;
                    let h = app.content_height();
                    if m.column + 1 == w && m.row >= top && m.row < top + h && h > 0 {
                        app.jump_to_fraction((m.row - top) as f64 / h as f64);
                    }
                }
                _ => {}
            },
            Event::Resize(w, h) => app.resize(w, h),
            _ => {}
        }
    }
}
