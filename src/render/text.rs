//! The text report: a full report for one profile, a summary table for several.

use super::table::{SUMMARY_HEADER, SummaryRow, WIDTH, cites, new_table, wrap};
use super::{Outcome, Renderer, Style, Totals};
use crate::assessment::Assessment;
use crate::rules::{Placement, number};
use std::io::{self, Write};

/// The human-readable report.
pub struct Text;

impl Renderer for Text {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        match outcomes {
            [Outcome::Assessed(a)] => report(a, style, out),
            [Outcome::Failed(_)] => Ok(()),
            many => {
                let rows: Vec<SummaryRow> = many.iter().map(SummaryRow::of).collect();
                let mut totals = Totals::default();
                many.iter().for_each(|o| totals.add(o));
                Text::summary(&rows, &totals, out)
            }
        }
    }
}

fn heading(out: &mut dyn Write, title: &str, style: Style) -> io::Result<()> {
    if style.color {
        writeln!(out, "\n\x1b[1m{title}\x1b[0m")
    } else {
        writeln!(out, "\n{title}")
    }
}

/// The sentence that opens a report.
pub fn headline(a: &Assessment) -> String {
    match a.placement {
        Placement::Standalone => format!(
            "{}: make partnerships its own department, reporting to the {}.",
            a.profile, a.reports_to
        ),
        p => format!(
            "{}: put partnerships {}, reporting to the {}.",
            a.profile,
            p.label(),
            a.reports_to
        ),
    }
}

fn report(a: &Assessment, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let width = WIDTH as usize;
    let head = headline(a);
    if style.color {
        writeln!(out, "\x1b[1m{}\x1b[0m", wrap(&head, "", width))?;
    } else {
        writeln!(out, "{}", wrap(&head, "", width))?;
    }
    let mut second = format!("Confidence {:.2}", a.confidence);
    if let Some(r) = a.runner_up {
        second.push_str(&format!(" (runner-up: {})", r.label()));
    }
    if a.tie {
        second.push_str("; a tie, broken by the rulebook's tie_break order");
    }
    second.push_str(&format!(". Team designed for the {} stage.", a.stage));
    writeln!(out, "{}", wrap(&second, "", width))?;

    heading(out, "Scores", style)?;
    let mut t = new_table(&["Placement", "Score", ""]);
    for p in Placement::ALL {
        let note = if *p == a.placement {
            "recommended"
        } else if a.excluded.contains(p) {
            "ruled out"
        } else if Some(*p) == a.runner_up {
            "runner-up"
        } else {
            ""
        };
        t.add_row(vec![
            p.as_str().to_string(),
            number(a.scores.get(*p)),
            note.to_string(),
        ]);
    }
    writeln!(out, "{t}")?;

    heading(out, "Why", style)?;
    for r in &a.reasons {
        writeln!(
            out,
            "{}",
            wrap(&format!("{} {}", r.text, cites(&r.cites)), "  - ", width)
        )?;
    }

    if !a.caveats.is_empty() {
        heading(out, "Caveats", style)?;
        for c in &a.caveats {
            writeln!(
                out,
                "{}",
                wrap(&format!("{} {}", c.text, cites(&c.cites)), "  - ", width)
            )?;
            writeln!(out, "{}", wrap(&c.mitigation, "    Mitigation: ", width))?;
        }
    }

    heading(out, "Team, in hiring order", style)?;
    let mut t = new_table(&["Role", "Status", "When to hire", "Cites"]);
    for r in &a.roles {
        t.add_row(vec![
            r.title.clone(),
            r.status.as_str().to_string(),
            r.hire_when.clone(),
            cites(&r.cites),
        ]);
    }
    writeln!(out, "{t}")?;

    heading(out, "PartnerOps functions", style)?;
    let mut t = new_table(&["Function", "Owner", "Covers", "Cites"]);
    for f in &a.partnerops {
        t.add_row(vec![
            f.function.clone(),
            f.owner.clone(),
            f.covers.clone(),
            cites(&f.cites),
        ]);
    }
    writeln!(out, "{t}")?;

    heading(out, "Cadence", style)?;
    let mut t = new_table(&["With", "Topics", "How often", "Cites"]);
    for c in &a.cadence {
        t.add_row(vec![
            c.with.clone(),
            c.topics.clone(),
            c.frequency.clone(),
            cites(&c.cites),
        ]);
    }
    writeln!(out, "{t}")?;

    heading(out, "KPIs", style)?;
    for k in &a.kpis {
        writeln!(
            out,
            "{}",
            wrap(
                &format!("{}: {} {}", k.name, k.why, cites(&k.cites)),
                "  - ",
                width
            )
        )?;
    }

    if style.explain {
        heading(out, "Rules that fired, in evaluation order", style)?;
        let mut t = new_table(&["Rule", "Cites", "Effect"]);
        for r in &a.rules {
            t.add_row(vec![r.id.clone(), cites(&r.cites), r.effect.clone()]);
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}

impl Text {
    /// The summary of several profiles: a table of their rows, the count per placement
    /// and the errors.
    pub fn summary(rows: &[SummaryRow], totals: &Totals, out: &mut dyn Write) -> io::Result<()> {
        let mut t = new_table(&SUMMARY_HEADER);
        for row in rows {
            t.add_row(row.cells.to_vec());
        }
        // Only the reason wraps; the short columns stay whole, so sources stay grep-able.
        for column in t.column_iter_mut().take(SUMMARY_HEADER.len() - 1) {
            column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
        }
        writeln!(out, "{t}")?;
        writeln!(out, "{}", totals.placements_line())?;
        writeln!(out, "{}", totals.errors_line())
    }
}
