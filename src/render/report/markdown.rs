//! Markdown: the report as a document to paste into a wiki or a client note.

use super::sections::{Cell, Columns, SCORES_HEADER, Section, in_place, report_sources, sections};
use super::table::{SUMMARY_HEADER, SummaryRow, markdown_escape as esc};
use super::text::{self, changes_line, confidence_line, headline};
use crate::assessment::Assessment;
use crate::render::{Outcome, Renderer, Streamed, Style, Totals, render_streamed};
use crate::rules::number;
use crate::text::Text;
use std::io::{self, Write};

/// The Markdown report.
pub struct Markdown;

impl Renderer for Markdown {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        match outcomes {
            [Outcome::Assessed(a)] => report(a, style, out),
            many => render_streamed(self, many, style, out),
        }
    }
}

/// A table row of cells already escaped.
fn row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    writeln!(out, "| {} |", cells.join(" | "))
}

fn header(out: &mut dyn Write, names: &[&str]) -> io::Result<()> {
    let names: Vec<String> = names.iter().map(|n| esc(n)).collect();
    row(out, &names)?;
    writeln!(out, "|{}", "---|".repeat(names.len()))
}

fn heading(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out, "\n## {title}\n")
}

/// `[S1, D6]`, each id a link to its line under Sources.
fn cites(ids: &[Text]) -> String {
    let links: Vec<String> = ids
        .iter()
        .map(|id| format!("[{}](#{})", esc(id), anchor(id)))
        .collect();
    format!("\\[{}\\]", links.join(", "))
}

/// The anchor of a guidance point's line under Sources.
fn anchor(id: &str) -> String {
    format!("source-{}", id.to_ascii_lowercase())
}

fn cell(c: &Cell) -> String {
    match *c {
        Cell::Text(text) => esc(text),
        Cell::Hire(r) => esc(&r.when_to_hire()),
        Cell::Meeting(c) => esc(&c.with_whom()),
        Cell::Status(status) => esc(status.as_str()),
        Cell::Cites(ids) => cites(ids),
        Cell::Cited(text, ids) => format!("{} {}", esc(text), cites(ids)),
        Cell::InPlace(covers) => esc(&in_place(covers)),
    }
}

fn report(a: &Assessment, style: Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}\n", esc(&a.profile))?;
    writeln!(out, "**{}**\n", esc(&headline(a)))?;
    writeln!(out, "{}", esc(&confidence_line(a)))?;
    if let Some(changes) = changes_line(a) {
        writeln!(out, "\n*{}*", esc(&changes))?;
    }

    for section in sections(a, Columns::CitesApart) {
        heading(out, section.title())?;
        part(section, out)?;
    }
    if style.explain {
        explained(a, out)?;
    }
    heading(out, "Sources")?;
    for p in report_sources(a, style.explain).points() {
        writeln!(
            out,
            "- <a id=\"{}\"></a>**{}** {}",
            anchor(p.id),
            p.id,
            esc(p.summary)
        )?;
    }
    match style.sources_note {
        Some(note) => writeln!(out, "\n{note}"),
        None => Ok(()),
    }
}

/// One part of the report under its heading: the scores, a list or a table.
fn part(section: Section, out: &mut dyn Write) -> io::Result<()> {
    match section {
        Section::Scores(scores) => {
            header(out, &SCORES_HEADER)?;
            for s in scores {
                let cells = [s.placement.as_str(), &number(s.score), &s.note()];
                row(out, &cells.map(esc))?;
            }
        }
        Section::Bullets { items, .. } => {
            for b in items {
                match b.name {
                    Some(name) => write!(out, "- **{}**: ", esc(name))?,
                    None => write!(out, "- ")?,
                }
                writeln!(out, "{} {}", esc(b.text), cites(b.cites))?;
                if let Some(m) = b.mitigation {
                    writeln!(out, "  *Mitigation:* {}", esc(m))?;
                }
            }
        }
        Section::Note { text, .. } => writeln!(out, "{}", esc(text))?,
        Section::Table {
            header: names,
            rows,
            ..
        } => {
            header(out, names)?;
            for cells in rows {
                row(out, &cells.iter().map(cell).collect::<Vec<_>>())?;
            }
        }
    }
    Ok(())
}

/// How the recommendation was reached (`explain`): the text trace in a fenced block
/// when the assessment has one, else the rules that fired.
fn explained(a: &Assessment, out: &mut dyn Write) -> io::Result<()> {
    match &a.trace {
        Some(t) => {
            heading(out, "How the recommendation was reached")?;
            writeln!(out, "~~~~text")?;
            text::trace(t, crate::render::wrapping::WIDTH, out)?;
            writeln!(out, "~~~~")?;
        }
        None => {
            heading(out, "Rules that fired")?;
            header(out, &["Rule", "Cites", "Effect"])?;
            for r in &a.rules {
                row(out, &[esc(r.id), cites(r.cites), esc(r.effect)])?;
            }
        }
    }
    Ok(())
}

/// The summary of several profiles, a table row per profile.
impl Streamed for Markdown {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        header(out, &SUMMARY_HEADER)
    }

    fn item(&self, _: usize, outcome: &Outcome, _: Style, out: &mut Vec<u8>) -> io::Result<()> {
        row(out, &SummaryRow::of(outcome).cells.map(|c| esc(&c)))
    }

    fn finish(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "\n{}\n", esc(&totals.placements_line()))?;
        if let Some(changes) = totals.changes_line() {
            writeln!(out, "*{}*\n", esc(&changes))?;
        }
        writeln!(out, "{}", esc(&totals.errors_line()))
    }
}
