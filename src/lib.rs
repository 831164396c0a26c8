//! storydiff: compare news coverage — articles side by side, aligned passage by passage.
//!
//! The flow is the module tree: [`article`] loads files into [`article::Article`]s;
//! the report and terminal front ends consume them. See `ARCHITECTURE.md`.

pub mod align;
pub mod article;
pub mod display;
pub mod report;
pub mod rows;
pub mod sample;
pub mod story;
pub mod synth;
pub mod tui;
