//! Markdown: the report as a document to paste into a wiki or a client note.

use super::table::{SUMMARY_HEADER, SummaryRow, cites, markdown_escape as esc};
use super::text::{self, headline};
use super::{Outcome, Renderer, Streamed, Style, Totals, render_streamed};
use crate::assessment::Assessment;
use crate::rules::{Placement, number};
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

fn row(out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| esc(c)).collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

fn header(out: &mut dyn Write, cells: &[&str]) -> io::Result<()> {
    row(out, cells)?;
    writeln!(out, "|{}", "---|".repeat(cells.len()))
}

fn report(a: &Assessment, style: Style, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}\n", esc(&a.profile))?;
    writeln!(out, "**{}**\n", esc(&headline(a)))?;
    let mut line = format!("Confidence {:.2}", a.confidence);
    if let Some(r) = a.runner_up {
        line.push_str(&format!(" (runner-up: {})", r.label()));
    }
    if a.tie {
        line.push_str("; a tie, broken by the rulebook's tie_break order");
    }
    writeln!(
        out,
        "{}. Team designed for the {} stage.\n",
        esc(&line),
        a.stage
    )?;

    writeln!(out, "## Scores\n")?;
    header(out, &["Placement", "Score", ""])?;
    for p in Placement::ALL {
        let note = if *p == a.placement {
            "recommended"
        } else if a.excluded.contains(p) {
            "ruled out"
        } else {
            ""
        };
        row(out, &[p.as_str(), &number(a.scores.get(*p)), note])?;
    }

    writeln!(out, "\n## Why\n")?;
    for r in &a.reasons {
        writeln!(out, "- {} {}", esc(r.text), cites(r.cites))?;
    }
    if !a.caveats.is_empty() {
        writeln!(out, "\n## Caveats\n")?;
        for c in &a.caveats {
            writeln!(out, "- {} {}", esc(c.text), cites(c.cites))?;
            writeln!(out, "  *Mitigation:* {}", esc(c.mitigation))?;
        }
    }

    writeln!(out, "\n## Team, in hiring order\n")?;
    header(out, &["Role", "Status", "When to hire", "Cites"])?;
    for r in &a.roles {
        row(
            out,
            &[r.title, r.status.as_str(), r.hire_when, &cites(r.cites)],
        )?;
    }
    writeln!(out, "\n## PartnerOps functions\n")?;
    header(out, &["Function", "Owner", "Covers", "Cites"])?;
    for f in &a.partnerops {
        row(out, &[f.function, f.owner, f.covers, &cites(f.cites)])?;
    }
    writeln!(out, "\n## Cadence\n")?;
    header(out, &["With", "Topics", "How often", "Cites"])?;
    for c in &a.cadence {
        row(out, &[c.with, c.topics, c.frequency, &cites(c.cites)])?;
    }
    writeln!(out, "\n## KPIs\n")?;
    for k in &a.kpis {
        writeln!(
            out,
            "- **{}**: {} {}",
            esc(k.name),
            esc(k.why),
            cites(k.cites)
        )?;
    }
    if style.explain {
        match &a.trace {
            Some(t) => {
                writeln!(out, "\n## How the recommendation was reached\n")?;
                writeln!(out, "~~~~text")?;
                text::trace(t, out)?;
                writeln!(out, "~~~~")?;
            }
            None => {
                writeln!(out, "\n## Rules that fired\n")?;
                header(out, &["Rule", "Cites", "Effect"])?;
                for r in &a.rules {
                    row(out, &[r.id, &cites(r.cites), r.effect])?;
                }
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
        let row_ = SummaryRow::of(outcome);
        let cells: Vec<&str> = row_.cells.iter().map(String::as_str).collect();
        row(out, &cells)
    }

    fn finish(&self, totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "\n{}\n\n{}",
            esc(&totals.placements_line()),
            esc(&totals.errors_line())
        )
    }
}
