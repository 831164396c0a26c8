//! A frame of the compare view on the 5 MB generated pair (TestBackend,
//! 160×48) at the top, the middle and the very end (past 65,535 rows), and the
//! one-off layout of the whole document.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use storydiff::article::{load_bytes, LoadOptions};
use storydiff::synth::{generate_pair, PairSpec};
use storydiff::tui::action::Action;
use storydiff::tui::app::{prepare, App};
use storydiff::tui::config::Config;
use storydiff::tui::layout::Layout;
use storydiff::tui::view::draw;

fn bench_frame(c: &mut Criterion) {
    let pair = generate_pair(&PairSpec::new(5_000_000, 1), None);
    let opts = LoadOptions::default();
    let old = Arc::new(load_bytes("old.txt", pair.original.as_bytes(), &opts).unwrap());
    let new = Arc::new(load_bytes("new.txt", pair.copy.as_bytes(), &opts).unwrap());
    let mut app = App::new(
        Arc::clone(&old),
        Arc::clone(&new),
        Config::default(),
        (160, 48),
    );
    let prepared = prepare(&old, &new, &Default::default());
    let mut g = c.benchmark_group("compare_view_5MB");
    g.sample_size(10);
    g.bench_function("layout", |b| {
        b.iter(|| {
            Layout::compute(
                app.layout_key(),
                &prepared.comparison,
                &prepared.groups,
                &old,
                &new,
            )
            .total_rows()
        })
    });
    app.set_prepared(prepared);
    let total = app.ready.as_ref().unwrap().layout.total_rows();
    assert!(
        total > 65_535,
        "the document is taller than Paragraph::scroll allows: {total}"
    );
    let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
    g.sample_size(100);
    for (label, position) in [("top", 0.0), ("middle", 0.5), ("end", 1.0)] {
        if position >= 1.0 {
            app.update(Action::Bottom);
        } else {
            app.jump_to_fraction(position);
        }
        g.bench_function(format!("frame_{label}"), |b| {
            b.iter(|| term.draw(|f| draw(f, &app)).unwrap().area.width)
        });
    }
    g.finish();
}

criterion_group!(benches, bench_frame);
criterion_main!(benches);
