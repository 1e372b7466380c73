//! The batch summary of the text report: the table of several profiles' rows, one line
//! per row when the width allows, else stacked and narrowed to fit, and the totals under it.

use super::TextReport;
use crate::render::Totals;
use crate::render::report::table::{SummaryRow, new_table};
use crate::render::wrapping::{shorten, shorten_lines, wrap};
use comfy_table::Table;
use std::io::{self, Write};

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
    /// placement and whom it reports to (see `stacked_rows`). A long batch writes the
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
