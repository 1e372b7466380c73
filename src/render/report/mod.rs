//! The reports of an assessment: text, JSON, NDJSON (with its cache of each rule's
//! JSON), YAML, Markdown, CSV and HTML, one file each, with the sections they share
//! (`sections.rs`, `table.rs`); and the text of `roadmap`, `what-if` and `diff`.
//!
//! Owns how an assessment reads. Depends on `assessment`, `analysis`, `org` and the
//! charts (HTML embeds the SVG); must not depend on the command line or the engine's
//! internals.

mod csv;
mod diff;
mod html;
mod json;
mod markdown;
mod ndjson;
pub mod roadmap;
mod sections;
mod table;
mod text;
mod what_if;

pub use csv::{CSV_COLUMNS, Csv};
pub use diff::diff_text;
pub use html::Html;
pub use json::{Json, Yaml};
pub use markdown::Markdown;
pub use ndjson::Ndjson;
pub use table::{SUMMARY_HEADER, SummaryRow, keep_words_whole, new_table};
pub use text::TextReport;
pub use what_if::{HowToApply, what_if_text};
