//! The roadmap as text: for each stage, what is assumed, where partnerships sits and
//! the team; between stages, when and why to move.

use crate::assessment::RoleStatus;
use crate::org::roadmap::{Roadmap, assumptions, roles_with};
use crate::render::labels::printable;
use crate::render::wrapping::wrap;
use crate::render::{ChartRenderer, Style, Tree};
use std::io::{self, Write};

/// Writes the roadmap as text, with each stage's org chart as a tree.
pub fn text(roadmap: &Roadmap, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let width = style.width;
    let bold = |s: &str| {
        if style.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    writeln!(
        out,
        "{}",
        bold(&printable(&format!(
            "{}: partnerships roadmap",
            roadmap.company
        )))
    )?;
    writeln!(out, "{}", wrap(&assumptions(), "", width))?;
    if !roadmap.passed.is_empty() {
        let passed: Vec<String> = roadmap.passed.iter().map(ToString::to_string).collect();
        writeln!(
            out,
            "{}",
            wrap(
                &format!("Already past: {} stage.", passed.join(" and ")),
                "",
                width
            )
        )?;
    }
    let moves = roadmap.moves();
    for (k, step) in roadmap.steps.iter().enumerate() {
        let a = &step.assessment;
        let when = if k == 0 { "now" } else { "projected" };
        writeln!(
            out,
            "\n{}",
            bold(&format!(
                "{} stage ({when})",
                capitalised(step.stage.as_str())
            ))
        )?;
        for m in moves.iter().filter(|m| m.at == step.stage) {
            // The reasons are the guidance that starts to apply; the assumptions
            // below are only how the projection got here, so they are not repeated.
            let text = if m.tie {
                format!(
                    "Consider moving partnerships from {} to {} at this stage; it is {}, \
                     so it is a choice to make, not a clear signal",
                    m.from.label(),
                    m.to.label(),
                    m.margin
                )
            } else {
                format!(
                    "Move partnerships from {} to {} at this stage (confidence is {})",
                    m.from.label(),
                    m.to.label(),
                    m.margin
                )
            };
            writeln!(out, "{}", wrap(&format!("{text}."), "  ! ", width))?;
            for why in &m.why {
                writeln!(out, "{}", wrap(why, "    because: ", width))?;
            }
        }
        for x in &step.assumptions {
            writeln!(
                out,
                "{}",
                wrap(
                    &format!("{}: {} -> {} ({})", x.field, x.from, x.to, x.why),
                    "  assumes ",
                    width
                )
            )?;
        }
        let placement = format!(
            "Placement: {}, reporting to the {} (confidence is {}).",
            a.placement.label(),
            a.reports_to,
            a.confidence_words()
        );
        writeln!(out, "{}", wrap(&printable(&placement), "  ", width))?;
        for (status, label) in [
            (RoleStatus::Current, "In place"),
            (RoleStatus::Next, "Hire now"),
            (RoleStatus::Later, "Hire later"),
        ] {
            let roles = roles_with(step, status);
            if !roles.is_empty() {
                writeln!(
                    out,
                    "{}",
                    wrap(
                        &printable(&roles.join(", ")),
                        &format!("  {label}: "),
                        width
                    )
                )?;
            }
        }
        for c in &a.caveats {
            writeln!(out, "{}", wrap(c.mitigation, "  Watch: ", width))?;
        }
        writeln!(out)?;
        Tree.render_chart(&step.chart, style, out)?;
    }
    if moves.is_empty() {
        writeln!(
            out,
            "\n{}",
            wrap(
                "The placement holds at every stage; only the team grows.",
                "",
                width
            )
        )?;
    }
    Ok(())
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
