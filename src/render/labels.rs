//! Label text shared by the chart renderers: visible control characters, wrapping by
//! characters with a cap (the terminal tree, tooltips) and by measured width with
//! nothing cut (the pictures), and department colours.

use super::wrapping::wrap;
use crate::org::{LEADERSHIP, MARKETING, PARTNER_OPS, PARTNERSHIPS, SALES};

/// The text with every character a drawing could choke on made visible: whitespace
/// controls become spaces, other C0 controls and DEL their Unicode control pictures
/// (U+2400..), C1 controls and bidirectional overrides U+FFFD.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => ' ',
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if crate::profile::is_forbidden_char(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// Word-wraps printable text to `width` characters per line and at most `max_lines`
/// lines; a longer word or text is cut and ends with `…`.
pub fn lines(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let wrapped = wrap(&printable(text), "", width);
    let mut out: Vec<String> = wrapped.split('\n').map(|l| cut(l, width)).collect();
    if out.len() > max_lines {
        out.truncate(max_lines);
        if let Some(last) = out.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end_matches('…'));
        }
    }
    out
}

fn cut(line: &str, width: usize) -> String {
    if line.chars().count() <= width {
        return line.to_string();
    }
    let kept: String = line.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

/// The heading of a roadmap stage's chart, e.g. `mid stage (projected): its own
/// department, reporting to the CEO`; a later stage is always a projection, with
/// assumptions, the profile's own stage never.
pub fn stage_heading(step: &crate::org::roadmap::Step<'_>) -> String {
    let a = &step.assessment;
    let when = if step.assumptions.is_empty() {
        "now"
    } else {
        "projected"
    };
    format!(
        "{} ({when}): {}, reporting to the {}",
        stage_name(step),
        a.placement.label(),
        a.reports_to
    )
}

/// A roadmap step's name: `mid stage`, or for the step where planned programs start
/// at the last stage, `scale stage, once the marketplace program runs`.
pub fn stage_name(step: &crate::org::roadmap::Step<'_>) -> String {
    match step.starts.as_slice() {
        [] => format!("{} stage", step.stage),
        [one] => format!("{} stage, once the {one} program runs", step.stage),
        many => format!(
            "{} stage, once the {} programs run",
            step.stage,
            crate::profile::listed(many).replace(", ", " and ")
        ),
    }
}

/// A person's new title in words, with why and the guidance: the diff's and the
/// roadmap's.
pub fn retitle(r: &crate::rules::seats::Retitled) -> String {
    format!(
        "the {} becomes {}: {} [{}]",
        r.before,
        r.after,
        r.why,
        r.cites.join(", ")
    )
}

/// A role planned before under another title in words, with why and the guidance:
/// the roadmap's.
pub fn replan(r: &crate::rules::seats::Retitled) -> String {
    format!(
        "the {} planned before is the {} here: {} [{}]",
        r.before,
        r.after,
        r.why,
        r.cites.join(", ")
    )
}

/// The notes under the heading of a roadmap's step `k` in its charts, as the text says
/// them: each of the `moves` into it, with its `because` / `no longer` / `but` lines
/// (`Consider moving partnerships from under sales to ...`); the move its hires bring
/// (`With the hires now the team is 3, past a signal for a move: ...`); each person of the stage
/// before under a new title (`New title: the Partnerships lead becomes Head of
/// partnerships: ...`); and each plan carried under another title (`Plan changed: the
/// Partner growth team lead planned before is ...`).
pub fn stage_notes(
    step: &crate::org::roadmap::Step<'_>,
    moves: &[crate::org::roadmap::Move],
    k: usize,
) -> Vec<String> {
    let moved = (moves.iter().filter(|m| m.into == k))
        .flat_map(crate::render::report::roadmap::move_lines)
        .map(|(label, text)| match label {
            "! " => text,
            _ => format!("{label}{text}"),
        });
    // The move the stage's hires bring, as the text says it (C2, T4).
    let hires = (step.with_hires.iter())
        .map(|h| crate::render::report::roadmap::with_hires(step.assessment.placement, h));
    let retitled = (step.retitled.iter()).map(|r| format!("New title: {}.", retitle(r)));
    let replanned = (step.replanned.iter()).map(|r| format!("Plan changed: {}.", replan(r)));
    moved
        .chain(hires)
        .chain(retitled)
        .chain(replanned)
        .collect()
}

/// A tooltip: the node's reason and the rules behind it, on one line of at most 300
/// characters.
pub fn tooltip(text: &str, rules: &[String]) -> String {
    let text = if rules.is_empty() {
        text.to_string()
    } else {
        format!("{text} (rules: {})", rules.join(", "))
    };
    lines(&text, 300, 1).remove(0)
}

/// The fill colour of each of a chart's departments, given in order (pale, so that
/// black text stays readable on screen and in print). The departments the builder
/// makes and those the default rulebook aligns with always get the same colour, so a
/// department looks the same in every chart, stage and report; any other department
/// takes the first colour that no department of the chart has yet.
pub fn department_colors(departments: &[&str]) -> Vec<&'static str> {
    const PALETTE: [&str; 8] = [
        "#eef2f7", "#e7f4ea", "#fdf1e3", "#ece8f7", "#e4f2f6", "#f8e8ec", "#f3f3e2", "#ededed",
    ];
    // The last three are the departments the default rulebook's cadence aligns with.
    const USUAL: [&str; 8] = [
        LEADERSHIP,
        SALES,
        MARKETING,
        PARTNERSHIPS,
        PARTNER_OPS,
        "Product",
        "Finance",
        "Customer success",
    ];
    let usual = |name: &str| USUAL.iter().position(|u| *u == name);
    let mut taken = [false; PALETTE.len()];
    for slot in departments.iter().filter_map(|d| usual(d)) {
        taken[slot] = true;
    }
    // Past eight departments, colours repeat in turn.
    let mut turn = 0;
    departments
        .iter()
        .map(|d| {
            let slot = usual(d).unwrap_or_else(|| {
                let free = taken.iter().position(|t| !t).unwrap_or_else(|| {
                    turn += 1;
                    (turn - 1) % PALETTE.len()
                });
                taken[free] = true;
                free
            });
            PALETTE[slot]
        })
        .collect()
}

/// Advance widths of ASCII 32..=126 in thousandths of an em, regular and bold: the
/// widest of the fonts a chart's `Helvetica, Arial, sans-serif` may fall back to
/// (DejaVu Sans, as Chromium measures it), so that a box sized by them holds its text
/// in any of those fonts.
const ADVANCE: [[u16; 95]; 2] = [
    [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636,
        636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698,
        770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732,
        684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635,
        634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592,
        525, 636, 337, 636, 838,
    ],
    [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696,
        696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734,
        830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812,
        774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
        712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652,
        582, 712, 365, 712, 838,
    ],
];

/// How wide `text` is drawn at `size` pixels, at most: ASCII from `ADVANCE`, wide
/// characters (CJK, emoji) a full em, anything else 0.9 em.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let thousandths: u32 = text
        .chars()
        .map(|c| match c as u32 {
            code @ 32..=126 => u32::from(ADVANCE[usize::from(bold)][code as usize - 32]),
            0x1100.. if is_wide(c) => 1000,
            _ => 900,
        })
        .sum();
    f64::from(thousandths) * size / 1000.0
}

/// Whether a character takes a full em: East Asian wide ranges and emoji.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115f | 0x2e80..=0xa4cf | 0xac00..=0xd7a3 | 0xf900..=0xfaff
        | 0xfe30..=0xfe4f | 0xff00..=0xff60 | 0xffe0..=0xffe6 | 0x1f000..=0x1faff
        | 0x20000..=0x3fffd)
}

/// Printable text word-wrapped to lines at most `max` pixels wide at `size`; a word
/// wider than a line is broken across lines. Nothing is cut: every character of the
/// text is on some line.
pub fn wrap_px(text: &str, max: f64, size: f64, bold: bool) -> Vec<String> {
    let width = |s: &str| text_width(s, size, bold);
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in printable(text).split_whitespace() {
        let joined = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&joined) <= max {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            out.push(std::mem::take(&mut line));
        }
        // A word wider than a line goes on lines of its own, as many as it needs.
        for c in word.chars() {
            line.push(c);
            if width(&line) > max && line.chars().count() > 1 {
                line.pop();
                out.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() || out.is_empty() {
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible() {
        assert_eq!(
            printable("a\u{1}b\u{1b}c\u{7f}"),
            "a\u{2401}b\u{241b}c\u{2421}"
        );
        assert_eq!(printable("a\nb\tc"), "a b c");
        assert_eq!(printable("x\u{202e}y\u{85}"), "x\u{fffd}y\u{fffd}");
    }

    #[test]
    fn long_labels_are_wrapped_and_capped() {
        assert_eq!(
            lines("Head of partner operations", 12, 3),
            ["Head of", "partner", "operations"]
        );
        assert_eq!(lines("aa bb cc dd ee", 5, 2), ["aa bb", "cc d…"]);
        assert_eq!(
            lines(&"x".repeat(50), 10, 3),
            [format!("{}…", "x".repeat(9))]
        );
        assert_eq!(lines("", 10, 3), [""]);
    }

    #[test]
    fn pixel_wrapping_keeps_every_character() {
        let long = format!("Acme {} end", "x".repeat(60));
        let wrapped = wrap_px(&long, 120.0, 13.0, false);
        assert!(wrapped.len() > 3, "{wrapped:?}");
        assert!(wrapped.iter().all(|l| text_width(l, 13.0, false) <= 120.0));
        assert_eq!(wrapped.concat().replace(' ', ""), long.replace(' ', ""));
        assert_eq!(
            wrap_px("Head of partner operations", 150.0, 13.0, false),
            ["Head of partner", "operations"]
        );
        assert_eq!(wrap_px("", 100.0, 13.0, false), [""]);
        assert!(text_width("東京", 10.0, false) >= 20.0);
        assert!(text_width("W", 10.0, true) > text_width("W", 10.0, false));
    }

    #[test]
    fn a_department_keeps_its_colour_whatever_else_the_chart_holds() {
        let alone = department_colors(&["Leadership", "Finance"]);
        let crowded = department_colors(&["Leadership", "Sales", "Product", "Finance"]);
        assert_eq!(alone[1], crowded[3], "Finance");
        assert_eq!(alone[0], crowded[0], "Leadership");
        // Others take colours that no department of the chart has.
        let custom = department_colors(&["Leadership", "Legal", "Sales", "Security"]);
        let mut distinct = custom.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 4, "{custom:?}");
        assert_eq!(custom[2], crowded[1], "Sales");
        // Past eight, colours repeat rather than fail.
        let many: Vec<String> = (0..12).map(|i| format!("Team {i}")).collect();
        let names: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(department_colors(&names).len(), 12);
    }
}
