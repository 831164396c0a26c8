//! Keys to actions: vim/less defaults, overridable from the config file.
//! Only this module (and its tests) sees raw key events.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// One key press, normalised (shifted letters arrive as upper case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Chord {
    pub fn from_event(ev: KeyEvent) -> Chord {
        Chord {
            code: ev.code,
            ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
            alt: ev.modifiers.contains(KeyModifiers::ALT),
        }
    }

    pub(crate) fn plain(code: KeyCode) -> Chord {
        Chord {
            code,
            ctrl: false,
            alt: false,
        }
    }

    /// How help shows it.
    pub fn label(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Down => "↓".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("Ctrl-{base}"),
            (_, true) => format!("Alt-{base}"),
            _ => base,
        }
    }
}

/// Parses a key as the config file writes it: `j`, `G`, `]c` (a sequence),
/// `space`, `pgdown`, `ctrl-d`, `alt-x`, `f1`.
pub fn parse_keys(s: &str) -> Option<Vec<Chord>> {
    let lower = s.to_ascii_lowercase();
    let (ctrl, alt, rest) = if let Some(r) = lower.strip_prefix("ctrl-") {
        (true, false, &s[5..][..r.len()])
    } else if let Some(r) = lower.strip_prefix("alt-") {
        (false, true, &s[4..][..r.len()])
    } else {
        (false, false, s)
    };
    let named = match rest.to_ascii_lowercase().as_str() {
        "space" => Some(KeyCode::Char(' ')),
        "down" => Some(KeyCode::Down),
        "up" => Some(KeyCode::Up),
        "left" => Some(KeyCode::Left),
        "right" => Some(KeyCode::Right),
        "pgdown" | "pagedown" => Some(KeyCode::PageDown),
        "pgup" | "pageup" => Some(KeyCode::PageUp),
        "home" => Some(KeyCode::Home),
        "end" => Some(KeyCode::End),
        "tab" => Some(KeyCode::Tab),
        "enter" => Some(KeyCode::Enter),
        "esc" | "escape" => Some(KeyCode::Esc),
        "backspace" => Some(KeyCode::Backspace),
        f if f.len() >= 2 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
            Some(KeyCode::F(f[1..].parse().ok()?))
        }
        _ => None,
    };
    if let Some(code) = named {
        return Some(vec![Chord { code, ctrl, alt }]);
    }
    let chars: Vec<char> = rest.chars().collect();
    if chars.is_empty() || chars.len() > 3 || ((ctrl || alt) && chars.len() != 1) {
        return None;
    }
    Some(
        chars
            .into_iter()
            .map(|c| Chord {
                code: KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                ctrl,
                alt,
            })
            .collect(),
    )
}

/// What a key press means, given any keys pressed before it.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    Action(Action),
    /// The start of a longer binding: wait for the next key.
    Pending,
    None,
}

/// Bindings from key sequences to actions, and what the help screen says
/// each action does in the view that owns the keymap.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: HashMap<Vec<Chord>, Action>,
    describe: fn(Action) -> &'static str,
}

impl Default for Keymap {
    fn default() -> Self {
        use KeyCode::*;
        let c = |ch| Chord::plain(Char(ch));
        let mut bindings = HashMap::new();
        let mut bind = |keys: Vec<Chord>, a: Action| {
            bindings.insert(keys, a);
        };
        bind(vec![c('j')], Action::ScrollDown);
        bind(vec![Chord::plain(Down)], Action::ScrollDown);
        bind(vec![Chord::plain(Enter)], Action::ScrollDown);
        bind(vec![c('k')], Action::ScrollUp);
        bind(vec![Chord::plain(Up)], Action::ScrollUp);
        bind(vec![c(' ')], Action::PageDown);
        bind(vec![Chord::plain(PageDown)], Action::PageDown);
        bind(vec![c('f')], Action::PageDown);
        bind(vec![c('b')], Action::PageUp);
        bind(vec![Chord::plain(PageUp)], Action::PageUp);
        bind(vec![c('d')], Action::HalfPageDown);
        bind(
            vec![Chord {
                code: Char('d'),
                ctrl: true,
                alt: false,
            }],
            Action::HalfPageDown,
        );
        bind(vec![c('u')], Action::HalfPageUp);
        bind(
            vec![Chord {
                code: Char('u'),
                ctrl: true,
                alt: false,
            }],
            Action::HalfPageUp,
        );
        bind(vec![c('g')], Action::Top);
        bind(vec![Chord::plain(Home)], Action::Top);
        bind(vec![c('G')], Action::Bottom);
        bind(vec![Chord::plain(End)], Action::Bottom);
        bind(vec![c(']'), c('c')], Action::NextChange);
        bind(vec![c('['), c('c')], Action::PrevChange);
        bind(vec![c('n')], Action::NextHit);
        bind(vec![c('N')], Action::PrevHit);
        bind(vec![c('/')], Action::Search);
        bind(vec![c('%')], Action::OtherEnd);
        bind(vec![Chord::plain(Tab)], Action::Focus);
        bind(vec![c('~')], Action::Swap);
        bind(vec![c('s')], Action::Inline);
        bind(vec![c('w')], Action::Wrap);
        bind(vec![c('B')], Action::FoldBoilerplate);
        bind(vec![c('F')], Action::FoldUnchanged);
        bind(vec![c('a')], Action::ByClaims);
        bind(vec![c('e')], Action::ClassFilter);
        bind(vec![c(']'), c('f')], Action::NextFact);
        bind(vec![c('['), c('f')], Action::PrevFact);
        bind(vec![c('?')], Action::Help);
        bind(vec![c('q')], Action::Quit);
        bind(vec![Chord::plain(Esc)], Action::Quit);
        bind(
            vec![Chord {
                code: Char('c'),
                ctrl: true,
                alt: false,
            }],
            Action::Quit,
        );
        bind(vec![c('<')], Action::CycleOld);
        bind(vec![c('>')], Action::CycleNew);
        Keymap {
            bindings,
            describe: Action::describe,
        }
    }
}

impl Keymap {
    /// The story view's keys: selection, tabs, the heatmap, opening a pair.
    pub fn story_default() -> Keymap {
        use KeyCode::*;
        let c = |ch| Chord::plain(Char(ch));
        let ctrl_c = Chord {
            code: Char('c'),
            ctrl: true,
            alt: false,
        };
        let mut bindings = HashMap::new();
        for (keys, a) in [
            (vec![c('j')], Action::ScrollDown),
            (vec![Chord::plain(Down)], Action::ScrollDown),
            (vec![c('k')], Action::ScrollUp),
            (vec![Chord::plain(Up)], Action::ScrollUp),
            (vec![c(' ')], Action::MarkArticle),
            (vec![c('m')], Action::MarkArticle),
            (vec![Chord::plain(PageDown)], Action::PageDown),
            (vec![c('d')], Action::HalfPageDown),
            (vec![c('u')], Action::HalfPageUp),
            (vec![c('b')], Action::PageUp),
            (vec![Chord::plain(PageUp)], Action::PageUp),
            (vec![c('g')], Action::Top),
            (vec![Chord::plain(Home)], Action::Top),
            (vec![c('G')], Action::Bottom),
            (vec![Chord::plain(End)], Action::Bottom),
            (vec![c('h')], Action::Left),
            (vec![Chord::plain(Left)], Action::Left),
            (vec![c('l')], Action::Right),
            (vec![Chord::plain(Right)], Action::Right),
            (vec![Chord::plain(Tab)], Action::NextTab),
            (vec![Chord::plain(Enter)], Action::Open),
            (vec![c('c')], Action::Columns),
            (vec![c('?')], Action::Help),
            (vec![c('q')], Action::Quit),
            (vec![Chord::plain(Esc)], Action::Quit),
            (vec![ctrl_c], Action::Quit),
        ] {
            bindings.insert(keys, a);
        }
        Keymap {
            bindings,
            describe: Action::describe,
        }
    }
}

impl Keymap {
    /// The history view's keys: the story view's selection keys (and no
    /// other), Enter to compare, `m` to mark a version.
    pub fn history_default() -> Keymap {
        let mut keys = Keymap::story_default();
        keys.bindings.retain(|_, a| {
            use Action::*;
            matches!(
                a,
                ScrollDown | ScrollUp | PageDown | PageUp | Top | Bottom | Open | Help | Quit
            )
        });
        keys.bindings
            .insert(vec![Chord::plain(KeyCode::Char('m'))], Action::Mark);
        keys.bindings
            .insert(vec![Chord::plain(KeyCode::Char(' '))], Action::PageDown);
        keys
    }
}

impl Keymap {
    /// The pile view's keys: the story view's selection keys, Enter to open
    /// a story, `/` to search the labels, `n`/`N` for the next and previous match.
    pub fn pile_default() -> Keymap {
        let c = |ch| vec![Chord::plain(KeyCode::Char(ch))];
        let mut keys = Keymap::story_default();
        keys.bindings.retain(|_, a| {
            !matches!(
                a,
                Action::Left
                    | Action::Right
                    | Action::NextTab
                    | Action::MarkArticle
                    | Action::Columns
            )
        });
        keys.bindings.insert(c(' '), Action::PageDown);
        keys.bindings.insert(c('/'), Action::Search);
        keys.bindings.insert(c('n'), Action::NextHit);
        keys.bindings.insert(c('N'), Action::PrevHit);
        keys.describe = Action::describe_in_pile;
        keys
    }

    /// The column view's keys: of `self` (the compare view's, with the
    /// reader's remappings), only those the column view acts on.
    pub fn for_columns(&self) -> Keymap {
        let mut keys = self.clone();
        keys.bindings.retain(|_, a| {
            use Action::*;
            matches!(
                a,
                ScrollDown
                    | ScrollUp
                    | PageDown
                    | PageUp
                    | HalfPageDown
                    | HalfPageUp
                    | Top
                    | Bottom
                    | NextChange
                    | PrevChange
                    | NextHit
                    | PrevHit
                    | Search
                    | Left
                    | Right
                    | Help
                    | Quit
            )
        });
        keys.describe = Action::describe_in_columns;
        keys
    }

    /// The keys of a comparison of two articles opened alone (not from a
    /// story): none of the story's (`<` `>` other articles, and any a
    /// config binds to the story view's actions), which do nothing there.
    pub fn for_pair(&self) -> Keymap {
        let mut keys = self.clone();
        keys.bindings.retain(|_, a| {
            use Action::*;
            !matches!(
                a,
                NextTab | Left | Right | Open | Mark | MarkArticle | Columns | CycleOld | CycleNew
            )
        });
        keys.describe = Action::describe_in_pair;
        keys
    }
}

impl Keymap {
    /// Replaces the keys of `action` with `keys` (config overrides).
    pub fn rebind(&mut self, action: Action, keys: Vec<Vec<Chord>>) {
        self.bindings.retain(|_, a| *a != action);
        for k in keys {
            self.bindings.insert(k, action);
        }
    }

    /// The meaning of `pending` followed by `key`.
    pub fn lookup(&self, pending: &[Chord], key: Chord) -> Lookup {
        let mut seq = pending.to_vec();
        seq.push(key);
        if let Some(a) = self.bindings.get(&seq) {
            return Lookup::Action(*a);
        }
        if self
            .bindings
            .keys()
            .any(|k| k.len() > seq.len() && k.starts_with(&seq))
        {
            return Lookup::Pending;
        }
        Lookup::None
    }

    /// Keys bound to `action`, as help shows them (shortest first).
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<&Vec<Chord>> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| k)
            .collect();
        // Letters first, then named keys, then chords with modifiers.
        let rank = |c: &Chord| match (c.ctrl || c.alt, c.code) {
            (true, _) => 2,
            (false, KeyCode::Char(_)) => 0,
            _ => 1,
        };
        keys.sort_by_key(|k| {
            (
                k.len(),
                k.iter().map(rank).max(),
                k.iter().map(|c| c.label()).collect::<String>(),
            )
        });
        keys.into_iter()
            .map(|k| k.iter().map(|c| c.label()).collect::<String>())
            .collect()
    }

    /// The help screen's lines: keys and what they do, from the bindings.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        Action::ALL
            .iter()
            .map(|&a| (self.keys_for(a).join(", "), (self.describe)(a)))
            .filter(|(k, _)| !k.is_empty())
            .collect()
    }

    /// The help screen's lines with a view's marks after the keys: each
    /// mark and what it means.
    pub fn help_lines_with(&self, marks: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        let mut lines = self.help_lines();
        lines.extend(marks.iter().map(|&(mark, means)| (mark.to_string(), means)));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> Chord {
        Chord::plain(KeyCode::Char(c))
    }

    #[test]
    fn sequences_wait_for_their_second_key() {
        let k = Keymap::default();
        assert_eq!(k.lookup(&[], key(']')), Lookup::Pending);
        assert_eq!(
            k.lookup(&[key(']')], key('c')),
            Lookup::Action(Action::NextChange)
        );
        assert_eq!(k.lookup(&[], key('j')), Lookup::Action(Action::ScrollDown));
        assert_eq!(k.lookup(&[], key('z')), Lookup::None);
    }

    #[test]
    fn parse_and_rebind() {
        assert_eq!(parse_keys("]c").unwrap().len(), 2);
        assert_eq!(
            parse_keys("ctrl-d").unwrap()[0],
            Chord {
                code: KeyCode::Char('d'),
                ctrl: true,
                alt: false
            }
        );
        assert_eq!(parse_keys("pgdown").unwrap()[0].code, KeyCode::PageDown);
        assert!(parse_keys("").is_none());
        let mut k = Keymap::default();
        k.rebind(Action::NextChange, vec![parse_keys("x").unwrap()]);
        assert_eq!(k.lookup(&[], key('x')), Lookup::Action(Action::NextChange));
        // `]c` is gone; `]` still starts `]f`.
        assert_eq!(k.lookup(&[key(']')], key('c')), Lookup::None);
        assert_eq!(
            k.lookup(&[key(']')], key('f')),
            Lookup::Action(Action::NextFact)
        );
        assert_eq!(
            k.lookup(&[key('[')], key('f')),
            Lookup::Action(Action::PrevFact)
        );
    }

    #[test]
    fn help_is_generated_from_the_bindings() {
        let lines = Keymap::default().help_lines();
        let next = lines
            .iter()
            .find(|(_, d)| *d == Action::NextChange.describe())
            .unwrap();
        assert_eq!(next.0, "]c");
        assert!(lines.iter().any(|(k, _)| k.contains("PgDn")));
    }

    /// Regression: the column and pile views' help listed compare-view keys
    /// (`~ s a B % e`) and compare-view words (`search both panes`).
    #[test]
    fn each_view_lists_only_the_keys_it_acts_on() {
        let columns = Keymap::default().for_columns().help_lines();
        for key in [
            "~", "s", "a", "B", "%", "e", "w", "F", "Tab", "<", ">", "]f",
        ] {
            assert!(
                !columns.iter().any(|(k, _)| k.split(", ").any(|x| x == key)),
                "{key}: {columns:?}"
            );
        }
        assert!(
            columns
                .iter()
                .all(|(_, d)| !d.contains("pane") && !d.contains("heatmap")),
            "{columns:?}"
        );
        let pair = Keymap::default().for_pair().help_lines();
        for key in ["<", ">"] {
            assert!(
                !pair.iter().any(|(k, _)| k.split(", ").any(|x| x == key)),
                "{key}: {pair:?}"
            );
        }
        assert!(pair.iter().all(|(_, d)| !d.contains("story")), "{pair:?}");
        assert!(pair.iter().any(|(k, _)| k == "]c"));
        let pile = Keymap::pile_default().help_lines();
        assert!(
            pile.iter()
                .all(|(_, d)| !d.contains("pane") && !d.contains("pair") && !d.contains("change")),
            "{pile:?}"
        );
    }
}
