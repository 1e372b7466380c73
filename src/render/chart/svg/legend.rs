//! Under the chart: the legend (department colours, role borders, the two kinds of
//! line) and the alignment cadence behind each numbered tag.

use super::boxes::border;
use super::lines::tag_svg;
use super::{ALIGNMENT, Block, FONT, TAG};
use crate::assessment::RoleStatus;
use crate::org::{Link, NodeIndex, OrgChart};
use crate::render::labels::text_width;
use std::fmt::Write as _;

/// A legend row: its caption and its entries, each a label and the SVG of its mark.
type Row = (&'static str, Vec<(String, String)>);

/// What the legend shows: the department colours, the role borders and the kinds of
/// line (dotted alignment only when the chart has some).
fn rows(departments: &[&str], colors: &[&str], aligned: bool) -> [Row; 3] {
    // A small node, its top at y = 0 like the text beside it.
    let swatch = |fill: &str, status: RoleStatus| {
        let (stroke, width, dash, _) = border(status);
        format!(
            "<rect x=\"0\" y=\"1\" width=\"26\" height=\"15\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}/>"
        )
    };
    [
        (
            "Departments",
            departments
                .iter()
                .zip(colors)
                .map(|(name, color)| (name.to_string(), swatch(color, RoleStatus::Current)))
                .collect(),
        ),
        (
            "Roles",
            [
                (RoleStatus::Current, "in place"),
                (RoleStatus::Next, "to hire next"),
                (RoleStatus::Later, "later"),
            ]
            .map(|(status, label)| (label.to_string(), swatch("#ffffff", status)))
            .to_vec(),
        ),
        (
            "Lines",
            [
                (
                    "reports to".to_string(),
                    "<path d=\"M0 9L26 9\" stroke=\"#666666\" stroke-width=\"1.5\"/>".to_string(),
                ),
                (
                    "aligns with (cadence by number below)".to_string(),
                    format!(
                        "<path d=\"M0 9L26 9\" stroke=\"{ALIGNMENT}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>"
                    ),
                ),
            ]
            .into_iter()
            .take(1 + usize::from(aligned))
            .collect(),
        ),
    ]
}

/// The legend from `x`, `y`, at most `room` wide: each row's caption, then its
/// entries, wrapping under the first entry when the row is full; a row that fits
/// whole beside the one before (when that one did not wrap) goes on the same line,
/// so that a wide chart does not grow taller for its legend. The dotted line only when the chart is `aligned`.
/// Returns the SVG and its height.
pub(super) fn legend(
    departments: &[&str],
    colors: &[&str],
    aligned: bool,
    x: f64,
    y: f64,
    room: f64,
) -> (String, f64) {
    const ROW: f64 = 24.0;
    /// Before a caption on a shared line (beyond an entry's own space after it),
    /// and between the caption and its first entry.
    const BEFORE_CAPTION: f64 = 16.0;
    const AFTER_CAPTION: f64 = 12.0;
    let indent = text_width("Departments", FONT, true) + 16.0;
    let mut out = format!("<g class=\"legend\" font-size=\"{FONT}\">\n");
    let mut top = y;
    let mut at = 0.0;
    let mut tallest: f64 = 0.0;
    // Whether the line so far holds whole rows only (a row beside a wrapped one would
    // read as part of it).
    let mut whole_rows = false;
    for (caption, entries) in rows(departments, colors, aligned) {
        let labels: Vec<(Block, String)> = entries
            .into_iter()
            .map(|(label, mark)| (Block::new(&label, room - indent - 34.0, FONT, false), mark))
            .collect();
        let step = |label: &Block| 34.0 + label.width() + 18.0;
        let caption = Block::new(caption, indent, FONT, true);
        let whole =
            caption.width() + AFTER_CAPTION + labels.iter().map(|(l, _)| step(l)).sum::<f64>();
        if whole_rows && at + BEFORE_CAPTION + whole <= room {
            at += BEFORE_CAPTION;
            let _ = writeln!(out, "{}", caption.svg(x + at, top, ""));
            at += caption.width() + AFTER_CAPTION;
        } else {
            top += tallest;
            tallest = ROW;
            let _ = writeln!(out, "{}", caption.svg(x, top, ""));
            at = indent;
        }
        whole_rows = true;
        for (label, mark) in labels {
            if at + step(&label) > room && at > indent {
                at = indent;
                top += tallest;
                tallest = ROW;
                whole_rows = false;
            }
            let _ = writeln!(
                out,
                "<g class=\"entry\" transform=\"translate({:.1} {top:.1})\">{mark}{}</g>",
                x + at,
                label.svg(34.0, 0.0, "")
            );
            at += step(&label);
            tallest = tallest.max(label.height() + 8.0);
        }
    }
    top += tallest;
    out.push_str("</g>\n");
    (out, top - y + 8.0)
}

/// The cadence behind each drawn alignment, numbered from 1, from `x`, `y`, at most
/// `room` wide. Returns where it ends.
pub(super) fn cadence(
    svg: &mut String,
    chart: &OrgChart,
    drawn: &[(NodeIndex, NodeIndex, &Link)],
    (x, mut y): (f64, f64),
    room: f64,
) -> f64 {
    if !drawn.is_empty() {
        let heading = Block::new("Alignment cadence", 400.0, FONT, true);
        let _ = writeln!(svg, "{}", heading.svg(x, y, ""));
        y += heading.height() + 6.0;
    }
    for (k, (from, to, link)) in drawn.iter().enumerate() {
        let text = format!(
            "{} with {}: {}",
            chart.graph[*from].title,
            chart.graph[*to].title,
            link.label.as_deref().unwrap_or_default()
        );
        let indent = TAG.0 + 10.0;
        let block = Block::new(&text, room - indent, FONT, false);
        let _ = writeln!(
            svg,
            "<g class=\"cadence\">{}{}</g>",
            tag_svg(x, y, k + 1),
            block.svg(x + indent, y + 1.0, "")
        );
        y += block.height().max(TAG.1) + 6.0;
    }
    y
}
