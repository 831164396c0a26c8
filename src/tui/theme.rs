//! Colours and emphasis. Every distinction also has a marker that needs no
//! colour, so the monochrome theme (used under `NO_COLOR`) loses nothing.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    Colorblind,
    Mono,
}

impl ThemeName {
    pub fn parse(s: &str) -> Option<ThemeName> {
        match s.to_ascii_lowercase().as_str() {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            "colorblind" | "colourblind" | "colorblind-safe" => Some(ThemeName::Colorblind),
            "mono" | "monochrome" | "none" => Some(ThemeName::Mono),
            _ => None,
        }
    }
}

/// Styles for each thing the views draw.
#[derive(Clone, Debug)]
pub struct Theme {
    pub text: Style,
    pub deleted: Style,
    pub inserted: Style,
    pub changed: Style,
    pub moved: Style,
    pub furniture: Style,
    pub emph_deleted: Style,
    pub emph_inserted: Style,
    pub marker: Style,
    pub header: Style,
    pub header_focus: Style,
    pub title: Style,
    pub status: Style,
    pub badge: Style,
    pub search: Style,
    pub strip: Style,
    pub strip_view: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        let base = Style::default();
        let bold = Modifier::BOLD;
        match name {
            ThemeName::Mono => Theme {
                text: base,
                deleted: base,
                inserted: base,
                changed: base,
                moved: base,
                furniture: base.add_modifier(Modifier::DIM),
                emph_deleted: base.add_modifier(Modifier::CROSSED_OUT | Modifier::BOLD),
                emph_inserted: base.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                marker: base.add_modifier(bold),
                header: base,
                header_focus: base.add_modifier(Modifier::REVERSED),
                title: base.add_modifier(bold),
                status: base.add_modifier(Modifier::REVERSED),
                badge: base.add_modifier(bold),
                search: base.add_modifier(Modifier::REVERSED),
                strip: base,
                strip_view: base.add_modifier(Modifier::REVERSED),
            },
            _ => {
                let (del, ins, chg, mov) = match name {
                    ThemeName::Colorblind => (
                        Color::Rgb(213, 94, 0),
                        Color::Rgb(0, 114, 178),
                        Color::Rgb(240, 228, 66),
                        Color::Rgb(204, 121, 167),
                    ),
                    ThemeName::Light => (
                        Color::Red,
                        Color::Rgb(0, 120, 0),
                        Color::Rgb(150, 100, 0),
                        Color::Magenta,
                    ),
                    _ => (
                        Color::LightRed,
                        Color::LightGreen,
                        Color::Yellow,
                        Color::LightMagenta,
                    ),
                };
                let (fg_dim, status_bg) = match name {
                    ThemeName::Light => (Color::Gray, Color::Rgb(220, 220, 220)),
                    _ => (Color::DarkGray, Color::Rgb(40, 40, 40)),
                };
                let status_fg = if name == ThemeName::Light {
                    Color::Black
                } else {
                    Color::White
                };
                Theme {
                    text: base,
                    deleted: base.fg(del),
                    inserted: base.fg(ins),
                    changed: base.fg(chg),
                    moved: base.fg(mov),
                    furniture: base.fg(fg_dim),
                    emph_deleted: base
                        .fg(del)
                        .add_modifier(bold | Modifier::CROSSED_OUT | Modifier::REVERSED),
                    emph_inserted: base
                        .fg(ins)
                        .add_modifier(bold | Modifier::UNDERLINED | Modifier::REVERSED),
                    marker: base.add_modifier(bold),
                    header: base.fg(fg_dim),
                    header_focus: base.fg(chg),
                    title: base.add_modifier(bold),
                    status: base.fg(status_fg).bg(status_bg),
                    badge: base.fg(Color::Black).bg(chg).add_modifier(bold),
                    search: base.fg(Color::Black).bg(Color::Cyan),
                    strip: base.fg(fg_dim),
                    strip_view: base.bg(status_bg),
                }
            }
        }
    }
}
