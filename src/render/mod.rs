//! Renderers: one file per output format, all behind [`Renderer`]. Each writes to any
//! `io::Write`, so tests capture output in a `Vec<u8>`.

use crate::assessment::Assessment;
use crate::org::OrgChart;
use crate::profile::{InputError, Source};
use serde::Serialize;
use std::io::{self, Write};

mod diff;
pub mod dot;
mod html;
mod json;
pub mod labels;
mod markdown;
mod mermaid;
pub mod roadmap;
pub mod svg;
mod table;
mod text;
mod tree;

pub use dot::Dot;
pub use html::Html;
mod what_if;

pub use diff::diff_text;
pub use json::{Json, Yaml};
pub use markdown::Markdown;
pub use mermaid::Mermaid;
pub use svg::Svg;
pub use table::new_table;
pub use text::Text;
pub use tree::Tree;
pub use what_if::what_if_text;

/// The result of evaluating one profile: an assessment, or the error that stopped it.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The profile was evaluated.
    Assessed(Box<Assessment>),
    /// The profile could not be read or is invalid.
    Failed(Failure),
}

/// A profile that could not be evaluated, as it appears in a batch's output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// Where it came from.
    pub source: Source,
    /// What is wrong.
    pub error: ErrorRecord,
}

/// The error part of a [`Failure`] (the `error` object of the JSON contract).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorRecord {
    /// The full one-line message, `path:line:col: field: message`.
    pub message: String,
    /// 1-based line, 0 when the error has no place.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The field path, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Failure {
    /// A failure record for an input error.
    pub fn new(source: Source, error: &InputError) -> Failure {
        Failure {
            source,
            error: ErrorRecord {
                message: error.one_line(),
                line: error.line,
                column: error.column,
                field: error.field.clone(),
                help: error.help.clone(),
            },
        }
    }
}

impl Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Outcome::Assessed(a) => a.serialize(s),
            Outcome::Failed(f) => f.serialize(s),
        }
    }
}

/// How a report is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Add the `--explain` trace (the assessment's `trace`), or, when it has none,
    /// every fired rule and what it added.
    pub explain: bool,
    /// Use ANSI colour.
    pub color: bool,
}

/// An output format.
pub trait Renderer {
    /// Writes the report for every outcome, in order.
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()>;
}

/// An output format of the org chart.
pub trait ChartRenderer {
    /// Writes the chart.
    fn render_chart(&self, chart: &OrgChart, style: Style, out: &mut dyn Write) -> io::Result<()>;
}
