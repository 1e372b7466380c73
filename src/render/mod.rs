//! Renderers: one file per output format, the reports of an assessment under
//! [`report`] behind [`Renderer`] and the org charts under [`chart`] behind
//! [`ChartRenderer`]; word wrapping ([`wrapping`]) and chart labels ([`labels`]) are
//! shared. Each writes to any `io::Write`, so tests capture output in a `Vec<u8>`.
//!
//! Owns every byte of output. Depends on `assessment`, `org`, `profile` and the
//! analyses it prints; knows no command line, files or terminal (colour and width come
//! in as [`Style`] and constants), and nothing in the engine depends on it.

use crate::assessment::Assessment;
use crate::assessment::Placement;
use crate::org::OrgChart;
use crate::profile::{Change, InputError, Source};
use serde::Serialize;
use std::io::{self, Write};

pub mod chart;
pub mod labels;
pub mod report;
pub mod wrapping;

pub use chart::{Dot, Mermaid, Svg, Tree};
pub use report::{
    CSV_COLUMNS, Csv, HowToApply, Html, Json, Markdown, Ndjson, SUMMARY_HEADER, SummaryRow,
    TextReport, Yaml, diff_text, keep_words_whole, new_table, what_if_text,
};

/// The result of evaluating one profile: an assessment, or the error that stopped it.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<'r> {
    /// The profile was evaluated.
    Assessed(Box<Assessment<'r>>),
    /// The profile could not be read or is invalid.
    Failed(FailureRecord),
}

/// A profile that could not be evaluated, as it appears in a batch's output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FailureRecord {
    /// Where it came from.
    pub source: Source,
    /// What is wrong.
    pub error: ErrorRecord,
}

/// The error part of a [`FailureRecord`] (the `error` object of the JSON contract).
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

impl FailureRecord {
    /// A failure record for an input error.
    pub fn new(source: Source, error: &InputError) -> FailureRecord {
        FailureRecord {
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

impl Serialize for Outcome<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Outcome::Assessed(a) => a.serialize(s),
            Outcome::Failed(f) => f.serialize(s),
        }
    }
}

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Add the `--explain` trace (the assessment's `trace`), or, when it has none,
    /// every fired rule and what it added.
    pub explain: bool,
    /// Use ANSI colour.
    pub color: bool,
    /// The width text is laid out for, in columns (the terminal's; default
    /// [`wrapping::WIDTH`]).
    pub width: usize,
    /// A line under a report's Sources saying where more about each point is found
    /// (the binary names its command; `None` writes no line). Markdown between
    /// backticks is allowed.
    pub sources_note: Option<&'static str>,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            explain: false,
            color: false,
            width: wrapping::WIDTH,
            sources_note: None,
        }
    }
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

/// A format that writes a batch one outcome at a time, so that a batch of any size
/// streams in bounded memory. `item` runs on the batch's worker threads, each outcome
/// into its own buffer; `start` and `finish` run once, on the writing thread. Writing
/// `start`, every item in order, then `finish` gives the same bytes as
/// [`Renderer::render`] for two or more outcomes.
pub trait Streamed: Renderer + Sync {
    /// Whether one outcome alone is written in another form (a JSON object instead of
    /// an array, a full report instead of a table), so that the first outcome must
    /// wait to see whether a second one comes.
    fn has_single_form(&self) -> bool {
        true
    }
    /// Written before the first outcome.
    fn start(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    /// One outcome; `index` is its 0-based position in the output.
    fn item(
        &self,
        index: usize,
        outcome: &Outcome,
        style: Style,
        out: &mut Vec<u8>,
    ) -> io::Result<()>;
    /// Written after the last outcome.
    fn finish(&self, _totals: &Totals, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
}

/// Renders a whole batch through a [`Streamed`] format's three steps.
pub fn render_streamed(
    format: &dyn Streamed,
    outcomes: &[Outcome],
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    format.start(out)?;
    let mut totals = Totals::default();
    let mut buffer = Vec::new();
    for (index, outcome) in outcomes.iter().enumerate() {
        buffer.clear();
        format.item(index, outcome, style, &mut buffer)?;
        out.write_all(&buffer)?;
        totals.add(outcome);
    }
    format.finish(&totals, out)
}

impl Outcome<'_> {
    /// Where it came from.
    pub fn source(&self) -> &Source {
        match self {
            Outcome::Assessed(a) => &a.source,
            Outcome::Failed(f) => &f.source,
        }
    }

    /// The recommended placement; `None` for a failure.
    pub fn placement(&self) -> Option<Placement> {
        match self {
            Outcome::Assessed(a) => Some(a.placement),
            Outcome::Failed(_) => None,
        }
    }
}

/// How many profiles of a batch went to each placement, and which failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Profiles per placement, indexed by [`Placement::index`].
    pub placements: [usize; 4],
    /// Profiles that could not be evaluated.
    pub errors: usize,
    /// The first few of those, for the summary line.
    pub first_failed: Vec<String>,
    /// The answers changed in every profile before the evaluation, as `field value`;
    /// empty when none were.
    pub changes: Vec<String>,
}

impl Totals {
    /// The most failed sources named in the summary line.
    pub const NAMED: usize = 5;

    /// Counts one outcome.
    pub fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Assessed(a) => {
                self.placed(a.placement);
                self.changed(&a.overrides);
            }
            Outcome::Failed(f) => self.failed(&f.source),
        }
    }

    /// Notes the answers an assessment says were changed, unless some are noted
    /// already (every profile of a batch gets the same changes).
    pub fn changed(&mut self, changes: &[Change]) {
        if self.changes.is_empty() {
            self.changes = changes
                .iter()
                .map(|c| format!("{} {}", c.field.path(), c.to))
                .collect();
        }
    }

    /// `With changes to every profile: company.employees 50.`, when there were some.
    pub fn changes_line(&self) -> Option<String> {
        (!self.changes.is_empty()).then(|| {
            format!(
                "With changes to every profile: {}.",
                self.changes.join("; ")
            )
        })
    }

    /// Counts a profile evaluated to `placement`.
    pub fn placed(&mut self, placement: Placement) {
        self.placements[placement.index()] += 1;
    }

    /// Counts a profile from `source` that could not be evaluated.
    pub fn failed(&mut self, source: &Source) {
        self.errors += 1;
        if self.first_failed.len() < Self::NAMED {
            self.first_failed.push(source.to_string());
        }
    }

    /// Every outcome counted.
    pub fn count(&self) -> usize {
        self.placements.iter().sum::<usize>() + self.errors
    }

    /// `7 profiles: 2 sales, 3 marketing, 1 standalone, 0 cross-functional`.
    pub fn placements_line(&self) -> String {
        let counts: Vec<String> = Placement::ALL
            .iter()
            .map(|p| format!("{} {p}", self.placements[p.index()]))
            .collect();
        let n = self.count();
        format!(
            "{n} profile{}: {}",
            if n == 1 { "" } else { "s" },
            counts.join(", ")
        )
    }

    /// `errors: none`, or how many failed and the first few of them.
    pub fn errors_line(&self) -> String {
        if self.errors == 0 {
            return "errors: none".into();
        }
        let more = self.errors - self.first_failed.len();
        let mut named = self.first_failed.join(", ");
        if more > 0 {
            named.push_str(&format!(" and {more} more"));
        }
        format!("errors: {} ({named})", self.errors)
    }
}
