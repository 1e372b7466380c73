//! The text report of `diff`.

use super::table::{keep_words_whole, new_table};
use crate::analysis::diff::{Diff, Side};
use crate::render::labels::retitle;
use crate::render::wrapping::wrap;
use crate::rules::{number, signed};
use comfy_table::Table;
use std::io::{self, Write};

/// Writes the comparison, `width` columns wide; `before` and `after` name the two sides
/// (e.g. a path, or a path with the `--set` overrides).
pub fn diff_text(
    d: &Diff,
    before: &str,
    after: &str,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    // The confidence after a semicolon: a title with its own parentheses, such as
    // "COO (owner of the revenue engine)", read "...engine) (confidence clear)".
    let side = |label: &str, s: &Side| {
        format!(
            "{label} ({}): {}, reporting to the {}; confidence {}",
            s.profile,
            s.placement,
            s.reports_to,
            s.confidence_label.as_str(),
        )
    };
    writeln!(out, "{}", wrap(&side(before, &d.before), "Before: ", width))?;
    writeln!(out, "{}", wrap(&side(after, &d.after), "After:  ", width))?;
    if d.is_empty() {
        return writeln!(
            out,
            "\nNo difference: same placement, scores, rules, roles and caveats."
        );
    }
    writeln!(
        out,
        "\n{}",
        if d.placement_changed {
            format!(
                "The placement changes: {} -> {}.",
                d.before.placement, d.after.placement
            )
        } else {
            format!("The placement stays {}.", d.before.placement)
        }
    )?;
    writeln!(out, "{}", scores(d, width))?;
    changes(d, width, out)
}

/// The people in place retitled and why, the rules that started or stopped firing, the
/// roles and caveats added or removed, and the roles whose status changed, each list
/// under its title when not empty.
fn changes(d: &Diff, width: usize, out: &mut dyn Write) -> io::Result<()> {
    if !d.retitled.is_empty() {
        writeln!(out, "\nPeople in place under a new title:")?;
        for r in &d.retitled {
            writeln!(out, "{}", wrap(&retitle(r), "  - ", width))?;
        }
    }
    let lists: [(&str, &[String]); 6] = [
        ("Rules that started firing", &d.rules_started),
        ("Rules that stopped firing", &d.rules_stopped),
        ("Roles added", &d.roles_added),
        ("Roles removed", &d.roles_removed),
        ("Caveats added", &d.caveats_added),
        ("Caveats removed", &d.caveats_removed),
    ];
    for (title, items) in lists {
        if !items.is_empty() {
            writeln!(out, "\n{title}:")?;
            for item in items {
                writeln!(out, "{}", wrap(item, "  - ", width))?;
            }
        }
    }
    if !d.roles_changed.is_empty() {
        writeln!(out, "\nRoles whose status changed:")?;
        for r in &d.roles_changed {
            let line = format!("{}: {} -> {}", r.title, r.before.as_str(), r.after.as_str());
            writeln!(out, "{}", wrap(&line, "  - ", width))?;
        }
    }
    Ok(())
}

/// The scores before and after, with the change, marking what was ruled out.
fn scores(d: &Diff, width: usize) -> Table {
    let mut t = new_table(&["Placement", "Before", "After", "Change"], width);
    for s in &d.scores {
        let change = if s.after == s.before {
            String::new()
        } else {
            signed(s.after - s.before)
        };
        let shown = |score: f64, side: &Side| {
            if side.excluded.contains(&s.placement) {
                format!("{} (ruled out)", number(score))
            } else {
                number(score)
            }
        };
        t.add_row(vec![
            s.placement.to_string(),
            shown(s.before, &d.before),
            shown(s.after, &d.after),
            change,
        ]);
    }
    keep_words_whole(&mut t);
    t
}
