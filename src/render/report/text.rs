//! The text report: a full report for one profile (its sections, explanation and trace);
//! the summary table for several is in `summary`.

use super::sections::{Cell, Columns, SCORES_HEADER, Section, in_place, report_sources, sections};
use super::table::{SummaryRow, cites, keep_words_whole, new_table};
use crate::assessment::Assessment;
use crate::assessment::{Check, Pass, Scores, Standing, Trace};
use crate::assessment::{OrgModel, Placement};
use crate::render::wrapping::wrap;
use crate::render::{Outcome, Renderer, Style, Totals};
use crate::rules::{number, signed};
use std::io::{self, Write};

mod summary;

/// The human-readable report.
pub struct TextReport;

impl Renderer for TextReport {
    fn render(&self, outcomes: &[Outcome], style: Style, out: &mut dyn Write) -> io::Result<()> {
        match outcomes {
            [Outcome::Assessed(a)] => report(a, style, out),
            [Outcome::Failed(_)] => Ok(()),
            many => {
                let rows: Vec<SummaryRow> = many.iter().map(SummaryRow::of).collect();
                let mut totals = Totals::default();
                many.iter().for_each(|o| totals.add(o));
                TextReport::summary(&rows, &totals, style.width, out)
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

/// The line under the headline: the confidence in words with the lead behind it, and
/// the stage. The number (`confidence`) is for scripts: JSON, YAML and CSV carry it.
pub fn confidence_line(a: &Assessment) -> String {
    format!(
        "Confidence is {}. Team designed for the {} stage.",
        a.confidence_words(),
        a.stage
    )
}

/// The line that says the answers were changed before the evaluation
/// (`With changes: company.employees 40 → 50.`); none when they were not.
pub fn changes_line(a: &Assessment) -> Option<String> {
    if a.overrides.is_empty() {
        return None;
    }
    let changes: Vec<String> = a.overrides.iter().map(ToString::to_string).collect();
    Some(format!("With changes: {}.", changes.join("; ")))
}

/// The sentence that opens a report. With no sales team, partnerships under sales
/// reports to the CEO who sells (S2, T1): "under sales" alone read as wrong to a
/// consultant who saw no sales team, so the headline says who sales is today. Whether
/// the lead reports to the CEO is the org model's (the chart's) fact, not a reading
/// of the executive's title.
pub fn headline(a: &Assessment) -> String {
    match a.placement {
        Placement::Standalone => format!(
            "{}: make partnerships its own department, reporting to the {}.",
            a.profile, a.reports_to
        ),
        Placement::Sales if a.teams.sales == 0 && OrgModel::people(a).lead_reports_to_ceo() => {
            format!(
                "{}: keep partnerships with sales, which is the CEO today: report to the CEO \
                 until a head of sales is hired.",
                a.profile
            )
        }
        p => format!(
            "{}: put partnerships {}, reporting to the {}.",
            a.profile,
            p.label(),
            a.reports_to
        ),
    }
}

fn report(a: &Assessment, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let width = style.width;
    let head = headline(a);
    if style.color {
        writeln!(out, "\x1b[1m{}\x1b[0m", wrap(&head, "", width))?;
    } else {
        writeln!(out, "{}", wrap(&head, "", width))?;
    }
    writeln!(out, "{}", wrap(&confidence_line(a), "", width))?;
    if let Some(changes) = changes_line(a) {
        writeln!(out, "{}", wrap(&changes, "", width))?;
    }

    for section in sections(a, Columns::CitesApart) {
        heading(out, section.title(), style)?;
        part(section, width, out)?;
    }
    if style.explain {
        explained(a, style, out)?;
    }
    heading(out, "Org chart", style)?;
    let chart = crate::org::OrgChart::from_assessment(a);
    crate::render::ChartRenderer::render_chart(&crate::render::Tree, &chart, style, out)?;

    // The same points as the JSON `sources` (the contract): every point the rules that
    // fired cite, in catalogue order. Those behind a score only come last, under a
    // line that says so: a client read them, listed with the rest, as claims about
    // the company that no line of the report makes.
    heading(out, "Sources", style)?;
    let cited = report_sources(a, style.explain);
    for p in a.sources.intersection(cited).points() {
        writeln!(out, "{}", wrap(p.summary, &format!("  {:<4}", p.id), width))?;
    }
    let weighed = a.sources.difference(cited);
    if !weighed.is_empty() {
        writeln!(out, "  Weighed in the scores only (--explain shows how):")?;
        for p in weighed.points() {
            writeln!(out, "{}", wrap(p.summary, &format!("  {:<4}", p.id), width))?;
        }
    }
    match style.sources_note {
        Some(note) => writeln!(out, "\n{}", wrap(&note.replace('`', ""), "", width)),
        None => Ok(()),
    }
}

/// One part of the report under its heading: the scores, a list or a table.
fn part(section: Section, width: usize, out: &mut dyn Write) -> io::Result<()> {
    match section {
        Section::Scores(scores) => {
            let mut t = new_table(&SCORES_HEADER, width);
            for s in scores {
                t.add_row(vec![
                    s.placement.as_str().to_string(),
                    number(s.score),
                    s.note(),
                ]);
            }
            keep_words_whole(&mut t);
            writeln!(out, "{t}")?;
        }
        Section::Bullets { items, .. } => {
            for b in items {
                let mut line = format!("{} {}", b.text, cites(b.cites));
                if let Some(name) = b.name {
                    line.insert_str(0, &format!("{name}: "));
                }
                writeln!(out, "{}", wrap(&line, "  - ", width))?;
                if let Some(m) = b.mitigation {
                    writeln!(out, "{}", wrap(m, "    Mitigation: ", width))?;
                }
            }
        }
        Section::Note { text, .. } => writeln!(out, "{}", wrap(text, "  ", width))?,
        Section::Table { header, rows, .. } => {
            let mut t = new_table(header, width);
            for cells in rows {
                t.add_row(cells.iter().map(cell).collect::<Vec<_>>());
            }
            keep_words_whole(&mut t);
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}

/// How the recommendation was reached (`explain`): the trace when the assessment has
/// one, else the rules that fired.
fn explained(a: &Assessment, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let width = style.width;
    match &a.trace {
        Some(t) => {
            heading(out, "How the recommendation was reached", style)?;
            trace(t, width, out)?;
        }
        None => {
            heading(out, "Rules that fired, in evaluation order", style)?;
            let mut t = new_table(&["Rule", "Cites", "Effect"], width);
            for r in &a.rules {
                t.add_row(vec![r.id.to_string(), cites(r.cites), r.effect.to_string()]);
            }
            keep_words_whole(&mut t);
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}

fn cell(c: &Cell) -> String {
    match *c {
        Cell::Text(text) => text.to_string(),
        Cell::Hire(r) => r.when_to_hire().into_owned(),
        Cell::Meeting(c) => c.with_whom().into_owned(),
        Cell::Status(status) => status.as_str().to_string(),
        Cell::Cites(ids) => cites(ids),
        Cell::Cited(text, ids) => format!("{text} {}", cites(ids)),
        Cell::InPlace(covers) => in_place(covers),
    }
}

/// The trace of `--explain`: every rule with its condition evaluated, the score sums,
/// and why the runner-up lost, `width` columns wide. Markdown shows the same text in a
/// code block.
pub fn trace(t: &Trace, width: usize, out: &mut dyn Write) -> io::Result<()> {
    passes(t, width, out)?;
    sums(t, width, out)?;
    contest(t, width, out)
}

/// Each pass, each of its rules in order: fired or not, what it added, and its
/// condition evaluated.
fn passes(t: &Trace, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let chosen = format!(
        "Second pass: rules that test the chosen placement ({}), in order:",
        t.contest.placement
    );
    for (pass, title) in [
        (
            Pass::Placement,
            "First pass: the rules that do not test the placement, in order (only these score):",
        ),
        (Pass::Design, chosen.as_str()),
    ] {
        writeln!(out, "{}", wrap(title, "", width))?;
        for r in t.rules.iter().filter(|r| r.pass == pass) {
            let mark = if r.fired { "fired " } else { "  -   " };
            let mut line = format!("{} {}", r.id, cites(&r.cites));
            if r.fired {
                line.push_str(": ");
                line.push_str(&r.effect);
            }
            writeln!(out, "{}", wrap(&line, &format!("  {mark} "), width))?;
            match &r.when {
                Some(c) => condition(c, 10, width, out)?,
                None => writeln!(out, "{:10}always", "")?,
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Each placement's score, as the sum of what each rule added.
fn sums(t: &Trace, width: usize, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "Scores, added up:")?;
    for sum in &t.sums {
        let terms: Vec<String> = sum
            .terms
            .iter()
            .enumerate()
            .map(|(i, term)| match (i, term.points < 0.0) {
                (0, _) => format!("{} ({})", number(term.points), term.rule),
                (_, true) => format!("- {} ({})", number(-term.points), term.rule),
                (_, false) => format!("+ {} ({})", number(term.points), term.rule),
            })
            .collect();
        let line = if terms.is_empty() {
            "0 (no rule scored it)".to_string()
        } else {
            format!("{} = {}", terms.join(" "), number(sum.total))
        };
        let head = format!("  {:<17} ", sum.placement.as_str());
        writeln!(out, "{}", wrap(&line, &head, width))?;
    }
    Ok(())
}

/// Why the winner won: the margin over the best placement after it (the runner-up
/// only when it has points in its favour), the rules that made the difference, and
/// what was ruled out.
fn contest(t: &Trace, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let c = &t.contest;
    writeln!(out)?;
    match (c.runner_up, c.margin) {
        (Some(runner), Some(margin)) => {
            let mut scores = Scores::default();
            for sum in &t.sums {
                scores.add(sum.placement, sum.total);
            }
            let excluded: Vec<Placement> = c.ruled_out.iter().map(|r| r.placement).collect();
            let standing = match Standing::of(&scores, &excluded, c.placement, runner) {
                Some(Standing::Tied) => "tied with it",
                Some(Standing::RunnerUp) => "the runner-up",
                Some(Standing::JointRunnerUp) => "a joint runner-up",
                None => next_best(t, runner),
            };
            let mut head = format!(
                "Why {} and not {} ({standing}): {} against {}",
                c.placement,
                runner,
                number(sum_of(t, c.placement)),
                number(sum_of(t, runner)),
            );
            if c.tie {
                head.push_str(", a tie broken by the rulebook's tie_break order.");
            } else {
                head.push_str(&format!(", a margin of {}.", number(margin)));
            }
            writeln!(out, "{}", wrap(&head, "", width))?;
            if !c.decisive.is_empty() {
                writeln!(
                    out,
                    "  Rules that made the difference (points for {} minus points for {runner}):",
                    c.placement
                )?;
            }
            for d in &c.decisive {
                writeln!(out, "  {:>6}  {}", signed(d.net), d.rule)?;
            }
        }
        _ => writeln!(
            out,
            "Why {}: every other placement was ruled out.",
            c.placement
        )?,
    }
    for r in &c.ruled_out {
        let line = format!(
            "{} (score {}) was ruled out by {}.",
            r.placement,
            number(r.score),
            r.rules.join(", ")
        );
        writeln!(out, "{}", wrap(&line, "  ", width))?;
    }
    Ok(())
}

/// The next best placement, when it is no runner-up (it scores zero or less): with
/// nothing in its favour only when no rule gave it points, since the trace above
/// shows any that did.
fn next_best(t: &Trace, p: Placement) -> &'static str {
    let sum = t.sums.iter().find(|s| s.placement == p);
    let favour = sum.is_some_and(|s| s.terms.iter().any(|term| term.points > 0.0));
    match (favour, sum_of(t, p) < 0.0) {
        (false, _) => "the next best, with nothing in its favour",
        (true, true) => "the next best, with more against it than in its favour",
        (true, false) => "the next best, with as much against it as in its favour",
    }
}

fn sum_of(t: &Trace, p: Placement) -> f64 {
    t.sums
        .iter()
        .find(|s| s.placement == p)
        .map_or(0.0, |s| s.total)
}

/// One line per part of a condition, nested parts indented further.
fn condition(c: &Check, indent: usize, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let prefix = " ".repeat(indent);
    writeln!(out, "{}", wrap(&c.to_string(), &prefix, width))?;
    for part in &c.parts {
        condition(part, indent + 2, width, out)?;
    }
    Ok(())
}
