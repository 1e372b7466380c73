//! The binary's side: one module per command, each loading, evaluating, rendering and
//! deciding the exit code; the batch writer ([`report`]), the output sink
//! ([`output`]), signals ([`signals`]), the terminal ([`terminal`]), the exit codes
//! ([`exit`]) and the fixes that name options and commands ([`remedy`]); here the dispatcher and what the commands share.
//!
//! Owns everything that touches the process: the command line's meaning, files,
//! stdout and stderr, signals, the terminal and exit codes. The library
//! (`partner_org`) must not depend on it.

use crate::cli::{Cli, Command, Global};
use exit::{Exit, ExitError};
use output::Sink;
use partner_org::batch::{self, Input, TextError};
use partner_org::profile::{Limits, Override, OwnedDocument, Profile, Source};
use partner_org::render::Style;
use partner_org::render::wrapping::{MIN_WIDTH, WIDTH};
use partner_org::rules::{DEFAULT_RULEBOOK, DEFAULT_RULEBOOK_PATH, Rulebook};
use remedy::{Reading, Remedied, cannot_read};
use report::{Layout, Settings};
use std::io::{IsTerminal, Write};
use std::path::Path;

mod advise;
mod ask;
mod chart;
mod completions;
mod diff;
pub mod exit;
mod guidance;
mod init;
mod man;
mod output;
mod progress;
mod remedy;
mod report;
mod roadmap;
mod rules;
mod schema;
mod signals;
mod terminal;
mod validate;
mod what_if;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let g = &cli.global();
    match &cli.command {
        Command::Ask(a) => ask::run(g, a),
        Command::Init(i) => init::run(g, i),
        Command::Advise(a) => advise::run(g, a),
        Command::Validate(v) => validate::run(g, v),
        Command::Rules(r) => rules::run(g, r),
        Command::Chart(c) => chart::run(g, c),
        Command::Roadmap(r) => roadmap::run(g, r),
        Command::WhatIf(w) => what_if::run(g, w),
        Command::Diff(d) => diff::run(g, d),
        Command::Guidance(a) => guidance::run(g, a),
        Command::Schema { kind, .. } => schema::run(g, *kind),
        Command::Completions { shell, .. } => completions::run(g, *shell),
        Command::Man { dir, .. } => man::run(g, dir.as_deref()),
    }
}

/// Pretty JSON and a final newline.
fn json_line(value: &impl serde::Serialize, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// Whether reports on stdout are coloured: only when they go to stdout (no `-o`) and
/// `--color` allows it there.
fn stdout_color(g: &Global) -> bool {
    g.output.is_none() && g.color.enabled(std::io::stdout().is_terminal())
}

/// The width text output is laid out for: `COLUMNS` when set, else the terminal's when
/// stdout is one (and no `-o`), else [`WIDTH`]; never under [`MIN_WIDTH`].
fn text_width(g: &Global) -> usize {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    let terminal = || {
        let stdout = std::io::stdout();
        (g.output.is_none() && stdout.is_terminal())
            .then(|| terminal_size::terminal_size_of(&stdout))
            .flatten()
            .map(|(w, _)| usize::from(w.0))
    };
    columns.or_else(terminal).unwrap_or(WIDTH).max(MIN_WIDTH)
}

/// The style of a text report on stdout (or `-o`).
fn text_style(g: &Global, explain: bool) -> Style {
    Style {
        explain,
        color: stdout_color(g),
        width: text_width(g),
        sources_note: Some(SOURCES_NOTE),
    }
}

/// The line under a report's Sources.
const SOURCES_NOTE: &str =
    "`partner-org guidance ID` shows a point's source document and example companies.";

/// Whether messages on stderr are coloured.
fn stderr_color(g: &Global) -> bool {
    g.color.enabled(std::io::stderr().is_terminal())
}

/// Loads the single profile a command such as `chart PATH` works on: exit 66 when it
/// cannot be read, 65 (with the located error on stderr) when it is invalid, 2 when the
/// input holds several profiles.
pub fn load_one(g: &Global, path: &Path) -> anyhow::Result<(Source, Profile)> {
    load_one_document(g, path).map(|(source, profile, _)| (source, profile))
}

/// [`load_one`], with the document the profile was read from (`what-if` asks it which
/// answers it leaves out).
pub fn load_one_document(
    g: &Global,
    path: &Path,
) -> anyhow::Result<(Source, Profile, OwnedDocument)> {
    let (inputs, unreadable) = batch::expand(std::slice::from_ref(&path.to_path_buf()));
    if let Some(u) = unreadable.first() {
        return Err(ExitError::new(Exit::NoInput, cannot_read(u, Reading::Profiles)).into());
    }
    let (mut documents, unreadable) = batch::documents(&inputs, limits(g));
    if let Some(u) = unreadable.first() {
        return Err(ExitError::new(Exit::NoInput, cannot_read(u, Reading::Profiles)).into());
    }
    if documents.len() != 1 {
        return Err(ExitError::new(
            Exit::Usage,
            format!(
                "{} holds {} profiles; this command takes exactly one",
                path.display(),
                documents.len()
            ),
        )
        .into());
    }
    let document = documents.remove(0);
    match batch::read(document.clone()) {
        Ok((source, profile)) => Ok((source, profile, document?)),
        Err(f) => {
            let color = stderr_color(g);
            Err(ExitError::rendered(Exit::DataErr, f.error.remedied().render(color)).into())
        }
    }
}

fn limits(g: &Global) -> Limits {
    Limits {
        max_bytes: g.max_bytes,
        max_documents: g.max_documents,
    }
}

fn batch_settings<'a>(g: &Global, layout: Layout<'a>, style: Style) -> Settings<'a> {
    Settings {
        layout,
        style,
        quiet: g.quiet,
        stderr_color: stderr_color(g),
        progress: progress::allowed(g.output.is_some()),
        limits: limits(g),
    }
}

fn sink(g: &Global) -> Sink {
    Sink {
        path: g.output.clone(),
        force: g.force,
    }
}

/// The embedded rulebook, or the one given with `--rules`.
pub fn load_rulebook(g: &Global) -> anyhow::Result<Rulebook> {
    let Some(path) = g.rules.as_deref() else {
        return Ok(Rulebook::embedded());
    };
    let (name, text) = rulebook_text(g, Some(path))?;
    parse_rulebook(g, &name, &text)
}

/// The name and text of the rulebook at `path`, or of the embedded one.
fn rulebook_text(g: &Global, path: Option<&Path>) -> anyhow::Result<(String, String)> {
    let Some(path) = path else {
        return Ok((
            DEFAULT_RULEBOOK_PATH.to_string(),
            DEFAULT_RULEBOOK.to_string(),
        ));
    };
    Ok((path.display().to_string(), read_file(g, path)?))
}

/// The text of a file given by path that is not a profile (a rulebook, `ask --from`),
/// at most `--max-bytes`: exit 66 when it cannot be read (a named pipe is refused
/// with how to read what it holds), 65 when it is too large or not UTF-8.
fn read_file(g: &Global, path: &Path) -> Result<String, ExitError> {
    Input::File(path.to_path_buf())
        .read_to_string(g.max_bytes)
        .map_err(|e| {
            let exit = Exit::from(&e);
            match e.remedied() {
                TextError::Unreadable(u) => ExitError::new(exit, cannot_read(&u, Reading::OneFile)),
                invalid => ExitError::new(exit, invalid.render(stderr_color(g))),
            }
        })
}

/// Parses a rulebook: exit 65 with the located error when it is invalid.
fn parse_rulebook(g: &Global, name: &str, text: &str) -> anyhow::Result<Rulebook> {
    Rulebook::parse(name, text).map_err(|e| {
        let color = stderr_color(g);
        ExitError::rendered(
            Exit::DataErr,
            format!(
                "{}\nnote: {name} is not a valid rulebook; `partner-org schema rulebook` describes the format",
                e.remedied().render(color)
            ),
        )
        .into()
    })
}

fn parse_overrides(sets: &[String]) -> anyhow::Result<Vec<Override>> {
    sets.iter()
        .map(|s| {
            s.parse::<Override>()
                .map_err(|e| ExitError::new(Exit::Usage, format!("--set {s}: {e}")).into())
        })
        .collect()
}
