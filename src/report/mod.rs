//! Non-interactive output: text, JSON and Markdown reports written to a stream.
//!
//! Front end of the flow: it consumes loader (and later engine) values and
//! never reaches back into them.

pub mod diff;
pub mod html;
pub mod inspect;
pub mod json;
pub mod story;
