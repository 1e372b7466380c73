//! `partner-org guidance [ID]`: the guidance points the reports cite, with the source
//! document each comes from, the example companies and the rules that cite it.

use super::exit::{Exit, ExitError};
use super::{json_line, load_rulebook, sink, text_width};
use crate::cli::{Global, Guidance, ReportFormat};
use partner_org::guidance::{POINTS, Point, point};
use partner_org::render::wrapping::wrap;
use partner_org::rules::Rulebook;
use serde::Serialize;
use std::io::Write;

/// One point as `guidance --format json` writes it.
#[derive(Serialize)]
struct Entry<'a> {
    id: &'static str,
    statement: &'static str,
    document: &'static str,
    publisher: &'static str,
    section: &'static str,
    examples: &'static [&'static str],
    rules: Vec<&'a str>,
}

impl<'a> Entry<'a> {
    fn of(p: &'static Point, rulebook: &'a Rulebook) -> Entry<'a> {
        let section = p.section();
        Entry {
            id: p.id,
            statement: p.summary,
            document: section.document.title,
            publisher: section.document.publisher,
            section: section.title,
            examples: p.examples(),
            rules: rulebook
                .rules()
                .iter()
                .filter(|r| r.cites.iter().any(|c| c == p.id))
                .map(|r| r.id.as_str())
                .collect(),
        }
    }
}

/// Runs `guidance [ID]`: exit 2 for an id that is no guidance point.
pub fn run(g: &Global, a: &Guidance) -> anyhow::Result<Exit> {
    let rulebook = load_rulebook(g)?;
    let points: Vec<&'static Point> = match &a.id {
        None => POINTS.iter().collect(),
        Some(id) => vec![point(&id.to_ascii_uppercase()).ok_or_else(|| unknown(id))?],
    };
    let entries: Vec<Entry> = points.iter().map(|p| Entry::of(p, &rulebook)).collect();
    let width = text_width(g);
    sink(g).write(|out| match (a.format, &a.id) {
        (ReportFormat::Json, None) => json_line(&entries, out),
        (ReportFormat::Json, Some(_)) => json_line(&entries[0], out),
        (ReportFormat::Text, None) => {
            for e in &entries {
                writeln!(out, "{}", wrap(e.statement, &format!("{:<4}", e.id), width))?;
            }
            writeln!(
                out,
                "\n{}",
                wrap(
                    "partner-org guidance ID shows one point with its source, examples and rules.",
                    "",
                    width
                )
            )
        }
        (ReportFormat::Text, Some(_)) => full(&entries[0], width, out),
    })?;
    Ok(Exit::Ok)
}

/// One point in full.
fn full(e: &Entry, width: usize, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", wrap(e.statement, &format!("{}: ", e.id), width))?;
    let source = format!(
        "\"{}\" ({}), the part on {}",
        e.document, e.publisher, e.section
    );
    writeln!(out, "{}", wrap(&source, "  Source:   ", width))?;
    for example in e.examples {
        writeln!(out, "{}", wrap(example, "  Example:  ", width))?;
    }
    let rules = if e.rules.is_empty() {
        "none in this rulebook".to_string()
    } else {
        e.rules.join(", ")
    };
    writeln!(out, "{}", wrap(&rules, "  Rules:    ", width))?;
    if !e.rules.is_empty() {
        writeln!(out, "\npartner-org rules show RULE shows a rule in full.")?;
    }
    Ok(())
}

/// The error for an id that is no guidance point, with the nearest one.
fn unknown(id: &str) -> anyhow::Error {
    let ids: Vec<&str> = POINTS.iter().map(|p| p.id).collect();
    let hint = partner_org::profile::suggest(&id.to_ascii_uppercase(), &ids).map_or_else(
        || format!("the ids are {}", ids.join(", ")),
        |b| format!("did you mean '{b}'?"),
    );
    ExitError::new(Exit::Usage, format!("no guidance point '{id}'; {hint}")).into()
}
