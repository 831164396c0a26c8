//! A progress line on stderr while a pile loads and sorts: how many files
//! are open, then which stage runs. Shown only when stderr is a terminal
//! (never in a pipe or a log); file counts only once loading has taken a
//! moment (a quick load prints nothing), redrawn at most ten times a second;
//! and
//! cleared before anything else is written or the view takes the screen.

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Work shorter than this shows no progress at all.
const QUIET_FOR: Duration = Duration::from_millis(250);
/// The line is redrawn at most this often.
const REDRAW: Duration = Duration::from_millis(100);

pub struct Progress {
    show: bool,
    started: Instant,
    /// When the line was last drawn, and whether it is on screen.
    drawn: Mutex<(Option<Instant>, bool)>,
}

impl Progress {
    /// A progress line on stderr if it is a terminal.
    pub fn on_stderr() -> Progress {
        Progress {
            show: io::stderr().is_terminal(),
            started: Instant::now(),
            drawn: Mutex::new((None, false)),
        }
    }

    /// `done` of `total` files opened.
    pub fn files(&self, done: usize, total: usize) {
        if done >= total {
            return;
        }
        self.draw(&format!("opened {done} of {total} files…"), false);
    }

    /// A stage begins, shown at once (the caller knows it will take a while).
    pub fn stage(&self, text: &str) {
        self.draw(text, true);
    }

    /// Removes the line.
    pub fn clear(&self) {
        let mut drawn = self.drawn.lock().unwrap_or_else(|p| p.into_inner());
        if drawn.1 {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            drawn.1 = false;
        }
    }

    fn draw(&self, text: &str, now: bool) {
        if !self.show || (!now && self.started.elapsed() < QUIET_FOR) {
            return;
        }
        let mut drawn = self.drawn.lock().unwrap_or_else(|p| p.into_inner());
        if !now && drawn.0.is_some_and(|t| t.elapsed() < REDRAW) {
            return;
        }
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r\x1b[Kstorydiff: {text}");
        let _ = err.flush();
        *drawn = (Some(Instant::now()), true);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
