//! The text report: a full report for one profile, a summary table for several.

use super::table::{
    Cell, Columns, SCORES_HEADER, Section, SummaryRow, cites, keep_words_whole, new_table,
    report_sources, sections,
};
use crate::assessment::Assessment;
use crate::assessment::Placement;
use crate::assessment::{Check, Pass, Trace};
use crate::render::wrapping::{shorten, shorten_lines, wrap};
use crate::render::{Outcome, Renderer, Style, Totals};
use crate::rules::{number, signed};
use comfy_table::Table;
use std::io::{self, Write};

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

/// The line under the headline: the confidence in words and as a number, the stage.
pub fn confidence_line(a: &Assessment) -> String {
    format!(
        "Confidence is {} ({:.2}). Team designed for the {} stage.",
        a.confidence_words(),
        a.confidence,
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

    heading(out, "Sources", style)?;
    for p in report_sources(a, style.explain).points() {
        writeln!(out, "{}", wrap(p.summary, &format!("  {:<4}", p.id), width))?;
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
                    s.note().to_string(),
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
        Cell::Status(status) => status.as_str().to_string(),
        Cell::Cites(ids) => cites(ids),
        Cell::Cited(text, ids) => format!("{text} {}", cites(ids)),
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

/// Why the winner won: the margin over the runner-up, the rules that made the
/// difference, and what was ruled out.
fn contest(t: &Trace, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let c = &t.contest;
    writeln!(out)?;
    match (c.runner_up, c.margin) {
        (Some(runner), Some(margin)) => {
            let mut head = format!(
                "Why {} and not {} (the runner-up): {} against {}",
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

impl TextReport {
    /// The summary of several profiles: a table of their rows, the count per placement
    /// and the errors.
    pub fn summary(
        rows: &[SummaryRow],
        totals: &Totals,
        width: usize,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        if !rows.is_empty() {
            TextReport::summary_table(rows, width, out)?;
        }
        writeln!(out, "{}", wrap(&totals.placements_line(), "", width))?;
        if let Some(changes) = totals.changes_line() {
            writeln!(out, "{}", wrap(&changes, "", width))?;
        }
        writeln!(out, "{}", wrap(&totals.errors_line(), "", width))
    }

    /// The table of a summary alone, `width` columns wide at most, with the reason cut
    /// short at a word (the other formats keep it whole). When the width allows, a row
    /// is one line; else the source and the profile share a cell, and so do the
    /// placement and whom it reports to ([`stacked_rows`]). A long batch writes the
    /// table a page of rows at a time, so that memory does not grow with the number of
    /// profiles.
    pub fn summary_table(rows: &[SummaryRow], width: usize, out: &mut dyn Write) -> io::Result<()> {
        let cells: Vec<[String; 6]> = rows.iter().map(|r| r.cells.clone()).collect();
        let natural: Vec<usize> = (0..WIDE.len())
            .map(|i| {
                cells
                    .iter()
                    .map(|c| c[i].chars().count())
                    .chain([WIDE[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let room = width.saturating_sub(borders(WIDE.len()));
        let short: usize = natural[..5].iter().sum();
        if short + MIN_REASON <= room {
            return writeln!(out, "{}", one_line_rows(cells, width, room - short));
        }
        let (t, left_out) = stacked_rows(cells, width, &natural);
        writeln!(out, "{t}")?;
        match left_out {
            Some(what) => {
                let note = format!("{what} left out to fit {width} columns.");
                writeln!(out, "{}", wrap(&note, "", width))
            }
            None => Ok(()),
        }
    }
}

/// The summary's columns when a row fits on one line.
const WIDE: [&str; 6] = [
    "Source",
    "Profile",
    "Placement",
    "Reports to",
    "Conf.",
    "Reason",
];
/// The summary's columns when it does not, most important first after the source.
const NARROW: [&str; 4] = [
    "Source\nprofile",
    "Placement\nreports to",
    "Conf.",
    "Reason",
];
/// Enough of a reason to be worth reading.
const MIN_REASON: usize = 24;
/// The narrowest a source column gets (its path wraps at `/`) before the confidence
/// is left out.
const MIN_SOURCE: usize = 12;

/// The summary with one line per row, the reason cut to `reason` characters.
fn one_line_rows(cells: Vec<[String; 6]>, width: usize, reason: usize) -> Table {
    let mut t = new_table(&WIDE, width);
    for mut c in cells {
        c[5] = shorten(&c[5], reason);
        t.add_row(c.to_vec());
    }
    for column in t.column_iter_mut().take(5) {
        column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
    t
}

/// The content width of each column of a stacked summary; `None` for a column left
/// out.
struct Stacked {
    source: usize,
    placement: usize,
    confidence: Option<usize>,
    reason: Option<usize>,
}

/// The widths a stacked summary is fitted from: each cell's natural width, and the
/// least width at which nothing is cut.
struct Needs {
    /// The source (or profile name), on one line.
    source: usize,
    /// The longest piece of a source between `/`s, or word of a profile name.
    source_piece: usize,
    /// The placement (or whom it reports to), on one line.
    placed: usize,
    /// The longest word of a placement or whom it reports to, or of the header.
    placed_word: usize,
    /// The confidence.
    confidence: usize,
}

impl Needs {
    fn of(cells: &[[String; 6]], natural: &[usize]) -> Needs {
        let longest = |words: &mut dyn Iterator<Item = &str>| {
            words.map(|w| w.chars().count()).max().unwrap_or(0)
        };
        let source_piece = longest(
            &mut cells
                .iter()
                .flat_map(|c| c[0].split_inclusive('/').chain(c[1].split_whitespace())),
        );
        let placed_word = longest(
            &mut cells
                .iter()
                .flat_map(|c| c[2].split_whitespace().chain(c[3].split_whitespace())),
        );
        let source = natural[0].max(natural[1]);
        Needs {
            source,
            source_piece: source_piece.min(source),
            placed: natural[2].max(natural[3]),
            placed_word: placed_word.max("Placement".len()),
            confidence: natural[4],
        }
    }
}

impl Stacked {
    /// The widths that fit `width`. The placement and whom it reports to are never cut:
    /// their column is at least as wide as their longest word. Then, in order of
    /// importance, the source (whole, else wrapped at `/`), the confidence, and the
    /// reason (two lines, cut at a word) take what is left; a column that does not fit
    /// is left out, the reason first. To keep the reason, a long source wraps to a
    /// third of the width.
    fn fit(width: usize, n: &Needs) -> Stacked {
        let room = |columns| width.saturating_sub(borders(columns));
        let wrapped = n.source.min(width / 3).max(n.source_piece);
        // A whole source leaves room for half a reason; a wrapped one must buy a whole.
        for (source, reason) in [(n.source, MIN_REASON / 2), (wrapped, MIN_REASON)] {
            let left = room(4).saturating_sub(source + n.confidence);
            if left >= n.placed_word + reason {
                let placement = n.placed.min(left / 2).max(n.placed_word).min(left - reason);
                return Stacked {
                    source,
                    placement,
                    confidence: Some(n.confidence),
                    reason: Some(left - placement),
                };
            }
        }
        let left = room(3).saturating_sub(n.confidence);
        if left >= n.placed_word + n.source_piece.max(MIN_SOURCE).min(n.source) {
            return Stacked::sharing(left, n, Some(n.confidence));
        }
        Stacked::sharing(room(2), n, None)
    }

    /// The source and the placement sharing `left` columns: the source whole if the
    /// placement's words fit beside it, else the placement whole if the source's pieces
    /// do, else both wrapped.
    fn sharing(left: usize, n: &Needs, confidence: Option<usize>) -> Stacked {
        let source = if left >= n.source + n.placed_word {
            n.source
        } else {
            n.source_piece.max(MIN_SOURCE).min(n.source)
        };
        let placement = n.placed.min(left.saturating_sub(source)).max(n.placed_word);
        Stacked {
            source: left.saturating_sub(placement).clamp(1, n.source.max(1)),
            placement,
            confidence,
            reason: None,
        }
    }

    /// What the summary leaves out, in words for the line under it.
    fn left_out(&self) -> Option<&'static str> {
        match (self.confidence, self.reason) {
            (Some(_), Some(_)) => None,
            (Some(_), None) => Some("Reasons"),
            (None, _) => Some("Confidence and reasons"),
        }
    }
}

/// The summary with the source and profile sharing a cell, and the placement and
/// whom it reports to: two or three lines per row. `natural` is each wide column's
/// natural width. Columns that do not fit are left out ([`Stacked::fit`]); the second
/// value says which, for the line under the table.
fn stacked_rows(
    cells: Vec<[String; 6]>,
    width: usize,
    natural: &[usize],
) -> (Table, Option<&'static str>) {
    let fit = Stacked::fit(width, &Needs::of(&cells, natural));
    let sources: Vec<String> = cells
        .iter()
        .map(|c| {
            let path = wrap_path(&c[0], fit.source);
            match c[1].as_str() {
                "" => path,
                profile => format!("{path}\n{profile}"),
            }
        })
        .collect();
    // A wrapped source may need less than its share.
    let source = sources
        .iter()
        .flat_map(|s| s.lines())
        .chain(["Source", "profile"])
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(1)
        .min(fit.source);
    let widths: Vec<usize> = [
        Some(source),
        Some(fit.placement),
        fit.confidence,
        fit.reason,
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut t = new_table(&NARROW[..widths.len()], width);
    for (source, [_, _, placement, reports_to, conf, why]) in sources.into_iter().zip(cells) {
        let mut row = vec![source, format!("{placement}\n{reports_to}")];
        if fit.confidence.is_some() {
            row.push(conf);
        }
        if let Some(reason) = fit.reason {
            row.push(shorten_lines(&why, reason, 2));
        }
        t.add_row(row);
    }
    for (column, width) in t.column_iter_mut().zip(widths) {
        let padded = u16::try_from(width + 2).unwrap_or(u16::MAX);
        column.set_constraint(comfy_table::ColumnConstraint::Absolute(
            comfy_table::Width::Fixed(padded),
        ));
    }
    (t, fit.left_out())
}

/// A path wrapped to `width` columns after a `/`, so that each line is a readable
/// piece of it; a piece longer than the width is left for the table to break.
fn wrap_path(path: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for piece in path.split_inclusive('/') {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + piece.chars().count() > width {
            lines.push(piece.to_string());
        } else {
            line.push_str(piece);
        }
    }
    lines.join("\n")
}

/// The width of a summary table's borders and padding: `│ ` before the first column,
/// ` │` after the last, ` ┆ ` between two.
fn borders(columns: usize) -> usize {
    3 * columns + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(source: &str, placement: &str, reports_to: &str) -> SummaryRow {
        SummaryRow {
            cells: [
                source.into(),
                "Acme".into(),
                placement.into(),
                reports_to.into(),
                "moderate".into(),
                "A reason long enough to be cut short somewhere along the way".into(),
            ],
        }
    }

    /// A long path wraps at `/` rather than squeezing the placement, even at the
    /// default width.
    #[test]
    fn a_long_source_wraps_at_slashes_and_the_placement_stays_whole() {
        let long =
            "clients/emea/2026/quarterly-review/partnerships/acme-holdings-international.yaml";
        let rows = [
            row(long, "cross-functional", "Head of Sales and Marketing"),
            row("b.yaml", "sales", "Head of Sales"),
        ];
        for width in [40, 60, 100] {
            let mut out = Vec::new();
            TextReport::summary_table(&rows, width, &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(text.lines().all(|l| l.chars().count() <= width), "{text}");
            assert!(text.contains(" cross-functional "), "{width}:\n{text}");
            assert!(text.contains("partnerships/"), "{width}:\n{text}");
            if width == 100 {
                assert!(
                    text.contains(" acme-holdings-international.yaml "),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn paths_wrap_after_a_slash() {
        assert_eq!(wrap_path("a/bb/ccc.yaml", 5), "a/bb/\nccc.yaml");
        assert_eq!(wrap_path("a/bb/ccc.yaml", 40), "a/bb/ccc.yaml");
        assert_eq!(wrap_path("plain.yaml", 4), "plain.yaml");
    }
}
