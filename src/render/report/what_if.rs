//! The text report of `what-if`.

use super::table::{keep_words_whole, new_table, words_fit};
use crate::analysis::what_if::{Robustness, WhatIf};
use crate::assessment::ConfidenceLabel;
use crate::render::wrapping::wrap;
use comfy_table::Table;
use std::io::{self, Write};

/// The table's cell for an answer no change to which flips the placement.
const NO_FLIP: &str = "no change does";

/// How the report tells the reader to apply answer changes. The library names no
/// command line: the binary words these with its own command and flags.
pub trait HowToApply {
    /// How to see the advice for the same profile with one answer changed (`set` is
    /// `FIELD=VALUE`).
    fn one(&self, set: &str) -> String;
    /// Several answers changed together (each `FIELD=VALUE`).
    fn together(&self, sets: &[String]) -> String;
}

/// Writes the report, `width` columns wide: one row per answer ("(default)" after
/// those the profile leaves out), then the robustness verdict; `apply` words how to
/// try a change.
pub fn what_if_text(
    w: &WhatIf,
    width: usize,
    apply: &dyn HowToApply,
    out: &mut dyn Write,
) -> io::Result<()> {
    let sure = match w.confidence_label {
        ConfidenceLabel::Tie => "by a tie".to_string(),
        label => format!("confidence {}", label.as_str()),
    };
    let title = format!("{}: {}, {sure} ({})", w.profile, w.placement, w.source);
    writeln!(out, "{}", wrap(&title, "", width))?;
    let heading = "The smallest change to each answer that changes the placement:";
    writeln!(out, "\n{}", wrap(heading, "", width))?;
    let mut t = new_table(
        &[
            "Answer",
            "Now",
            "Smallest change that flips it",
            "Then",
            "Tried",
        ],
        width,
    );
    for a in &w.answers {
        let mut now = a.value.replace(',', ", ");
        if a.left_out {
            now.push_str(" (default)");
        }
        let (change, then) = match &a.flip {
            Some(f) => (f.change.clone(), f.placement.to_string()),
            // Not "none": that is a value of several answers (revenue owner,
            // maturities), which would read as the change.
            None => (NO_FLIP.to_string(), String::new()),
        };
        t.add_row(vec![
            a.field.to_string(),
            now,
            change,
            then,
            a.tried.to_string(),
        ]);
    }
    if words_fit(&mut t) {
        keep_words_whole(&mut t);
        writeln!(out, "{t}")?;
    } else {
        stacked(&t, width, out)?;
    }
    let first_flip = w.answers.iter().find_map(|a| a.flip.as_ref());
    if let Some(f) = first_flip {
        writeln!(out, "Try one: {}", apply.one(&f.set))?;
    }

    robustness(&w.robustness, first_flip.is_some(), width, apply, out)?;
    let numbers = "Numbers are tried at every threshold the rulebook compares them with (one either side, or 0.01 for the revenue share) and at the ends of their range; lists, booleans and choices are tried exhaustively.";
    writeln!(out, "\n{}", wrap(numbers, "", width))?;
    Ok(())
}

/// The table's rows for a terminal too narrow for it: a field path cut in two cannot
/// be typed back into `--set`, so each answer's path has a line of its own and the
/// rest is wrapped under it, as `now 5; 5 -> 0 flips it to sales (3 tried)`.
fn stacked(t: &Table, width: usize, out: &mut dyn Write) -> io::Result<()> {
    for row in t.row_iter() {
        let cells: Vec<String> = row.cell_iter().map(|c| c.content()).collect();
        let [path, now, change, then, tried] = &cells[..] else {
            continue;
        };
        let rest = if then.is_empty() {
            format!("now {now}; no change flips it ({tried} tried)")
        } else {
            format!("now {now}; {change} flips it to {then} ({tried} tried)")
        };
        writeln!(out, "{path}")?;
        writeln!(out, "{}", wrap(&rest, "  ", width))?;
    }
    Ok(())
}

/// The verdict on the answers the profile leaves out: robust, or fragile with the
/// changes that flip the placement; `flips` says whether the table shows any.
fn robustness(
    r: &Robustness,
    flips: bool,
    width: usize,
    apply: &dyn HowToApply,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out)?;
    // With every answer given there is nothing to be robust against: saying "Robust"
    // would read as a verdict on the placement, even one decided by a tie.
    let verdict = if r.defaults.is_empty() && flips {
        "No answer is left out, so no default stands in for one: only the changes above move the placement.".to_string()
    } else if r.defaults.is_empty() {
        "No answer is left out, so no default stands in for one, and no change to a single answer moves the placement.".to_string()
    } else if r.robust {
        format!(
            "Robust: no value of the answers the profile leaves out, alone or two at a time, changes the placement (left out: {}; {} combinations checked).",
            r.defaults.join(", "),
            r.checked
        )
    } else {
        format!(
            "Fragile: answers the profile leaves out can change the placement (left out: {}; {} combinations checked). For example:",
            r.defaults.join(", "),
            r.checked
        )
    };
    writeln!(out, "{}", wrap(&verdict, "", width))?;
    for c in &r.counterexamples {
        writeln!(
            out,
            "{}",
            wrap(
                &format!("{} gives {}", apply.together(&c.sets), c.placement),
                "  - ",
                width
            )
        )?;
    }
    Ok(())
}
