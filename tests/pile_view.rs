//! The pile view on TestBackend: stories listed with count, dates, label and
//! outlets, then the singles; `/` finds a story, Enter opens it, `q` returns.

mod common;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use storydiff::story::sort_pile;
use storydiff::tui::action::Action;
use storydiff::tui::app::SearchEdit;
use storydiff::tui::config::Config;
use storydiff::tui::pile_view::{draw, PileApp};

fn app(w: u16, h: u16) -> PileApp {
    let texts = [
        "Tunnel shut\nSource: Nordic Wire\nPublished: 2024-03-05\n\nFlooding closed the Varnholt tunnel on Tuesday after heavy rain, \
         the roads agency said. Engineers expect the Varnholt tunnel to reopen next week.",
        "Chess title for Oslo teenager\nPublished: 2024-03-04\n\nA fourteen-year-old from Oslo won the Nordic \
         chess championship in Bergen, beating three grandmasters.",
        "Varnholt tunnel flooded\nPublished: 2024-03-06\n\nThe Varnholt tunnel was closed on Tuesday when heavy \
         rain flooded it; engineers hope to reopen it next week.",
        "Bergen chess upset\nPublished: 2024-03-04\n\nThe Nordic chess championship in Bergen went to a \
         fourteen-year-old from Oslo who beat three grandmasters.",
        "Harvest festival\n\nThe village of Lunde held its apple harvest festival with \
         a parade and a cider tasting.",
    ];
    let articles = common::articles_of(&texts);
    let pile = sort_pile(&articles);
    PileApp::new(articles, pile, Config::default(), (w, h))
}

fn screen(app: &PileApp) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut s = String::new();
            let mut x = 0;
            while x < w {
                let sym = buf[(x, y)].symbol();
                s.push_str(sym);
                x += storydiff::tui::layout::str_width(sym).max(1) as u16;
            }
            s.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_story_list_at_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!("pile_view_80x24", screen(&app));
}

#[test]
fn search_opens_and_returns() {
    let mut app = app(120, 40);
    app.update(Action::Search);
    for c in "harvest".chars() {
        app.prompt(SearchEdit::Char(c));
    }
    app.prompt(SearchEdit::Submit);
    assert_eq!(app.row, 2, "the single is found");
    app.update(Action::Top);
    app.update(Action::Search);
    for c in "tunnel".chars() {
        app.prompt(SearchEdit::Char(c));
    }
    app.prompt(SearchEdit::Submit);
    let row = app.row;
    app.update(Action::Open);
    assert!(
        screen(&app).contains("a story of 2 articles"),
        "{}",
        screen(&app)
    );
    app.update(Action::Quit);
    assert!(screen(&app).contains("2 stories · 1 single"));
    assert_eq!(app.row, row);
}
