//! The roadmap as text: for each stage, what is assumed, where partnerships sits and
//! the team; between stages, when and why to move.

use crate::assessment::{Placement, Role, RoleStatus};
use crate::org::roadmap::{
    AtTodaysShare, Move, Roadmap, Step, WithHires, announced, assumptions, carried, roles_with,
};
use crate::render::labels::{printable, replan, retitle, stage_name};
use crate::render::wrapping::wrap;
use crate::render::{ChartRenderer, Style, Tree};
use std::io::{self, Write};

/// Writes the roadmap as text, with each stage's org chart as a tree.
pub fn text(roadmap: &Roadmap, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let width = style.width;
    let title = format!("{}: partnerships roadmap", roadmap.company);
    writeln!(out, "{}", bold(&printable(&title), style))?;
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
        let when = if k == 0 { "now" } else { "projected" };
        let heading = format!("{} ({when})", capitalised(&stage_name(step)));
        writeln!(out, "\n{}", bold(&heading, style))?;
        moves_into(k, &moves, width, out)?;
        let before = k.checked_sub(1).map(|j| &roadmap.steps[j]);
        stage(step, before, style, out)?;
    }
    if moves.iter().all(|m| m.from == m.to) {
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

fn bold(text: &str, style: Style) -> String {
    if style.color {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// The moves of partnerships into the step `k`, each with the guidance that starts to
/// apply.
fn moves_into(k: usize, moves: &[Move], width: usize, out: &mut dyn Write) -> io::Result<()> {
    for m in moves.iter().filter(|m| m.into == k) {
        for (label, text) in move_lines(m) {
            let indent = if label == "! " { "  " } else { "    " };
            writeln!(out, "{}", wrap(&text, &format!("{indent}{label}"), width))?;
        }
    }
    Ok(())
}

/// A move in words, each line with its label: the move itself (`! `), then the
/// guidance that starts to apply (`because: `), the guidance that no longer holds the
/// team where it was (`no longer: `), and what today's share of revenue would change
/// (`but: `). The text and the roadmap charts say the same lines.
pub fn move_lines(m: &Move) -> Vec<(&'static str, String)> {
    // The reasons are the guidance that starts to apply; the assumptions of the stage
    // are only how the projection got here, so they are not repeated.
    let same_leader = m.from != m.to && m.reported_to == m.reports_to;
    let text = if m.from == m.to {
        format!(
            "Partnerships stays {}, and the lead reports to the {} instead of the {} from \
             this stage",
            m.to.label(),
            m.reports_to,
            m.reported_to
        )
    } else if same_leader && m.to == Placement::Standalone {
        // The leader who owns revenue keeps the team (D6): not a move to another
        // boss, so the line says what does change.
        own_department(m)
    } else if m.choice() {
        format!(
            "Consider moving partnerships from {} to {} at this stage; {}",
            m.from.label(),
            m.to.label(),
            a_choice(m)
        )
    } else {
        format!(
            "Move partnerships from {} to {} at this stage (confidence is {})",
            m.from.label(),
            m.to.label(),
            m.margin
        )
    };
    // A move between placements that one leader holds both of changes focus, not the
    // person the lead reports to.
    let text = if same_leader && m.to != Placement::Standalone {
        format!("{text}; the lead keeps reporting to the {}", m.reports_to)
    } else {
        text
    };
    let text = match m.brought_by_hires {
        Some(stage) => format!(
            "{text}. The hires of {stage} stage bring this move, so this stage is the latest \
             for it"
        ),
        None => text,
    };
    let mut lines = vec![("! ", format!("{text}."))];
    lines.extend(m.why.iter().map(|w| ("because: ", w.clone())));
    lines.extend(m.ended.iter().map(|e| ("no longer: ", e.clone())));
    lines.extend((m.at_todays_share.iter()).map(|t| ("but: ", todays_share(m, t))));
    lines
}

/// A move that the assumed share of revenue decides, or makes sure, said as resting on
/// it: the share is an outcome the roadmap cannot know (D3).
fn todays_share(m: &Move, t: &AtTodaysShare) -> String {
    let stay = if t.placement == m.from {
        format!("would stay {}", t.placement.label())
    } else if t.placement == m.to {
        let margin = t
            .margin
            .split_once(": ")
            .map_or(t.margin.as_str(), |(_, m)| m);
        let how = if t.narrow { "narrow" } else { "less sure" };
        return format!(
            "at the {} of revenue partners bring today, the move would be {how}: {margin}.",
            t.share
        );
    } else {
        format!("would go {} instead", t.placement.label())
    };
    format!(
        "the move rests on the assumed share of revenue: at the {} partners bring today, \
         partnerships {stay} at this stage ({}).",
        t.share, t.margin
    )
}

/// Why a move is a choice to weigh ([`Move::choice`]), in words: its margin, or the
/// assumed share of revenue it rests on.
fn a_choice(m: &Move) -> String {
    let how = if m.tie || m.narrow {
        format!("it is {}", m.margin)
    } else {
        format!(
            "confidence is {}, but only at the share of revenue assumed for this stage",
            m.margin
        )
    };
    format!("{how}, so it is a choice to make, not a clear signal")
}

/// A department of its own under the leader the team already reports to (the owner
/// of revenue, D6): what changes is its own head, goals and budget (D3, D4), beside
/// sales and marketing instead of inside one of them.
fn own_department(m: &Move) -> String {
    let inside = match m.from {
        Placement::Sales => "inside sales",
        Placement::Marketing => "inside marketing",
        Placement::CrossFunctional | Placement::Standalone => {
            "inside the go-to-market team it shares with them"
        }
    };
    let (offer, sure) = if m.choice() {
        ("Consider making", a_choice(m))
    } else {
        ("Make", format!("confidence is {}", m.margin))
    };
    format!(
        "{offer} partnerships a department of its own at this stage ({sure}). The lead \
         still reports to the {}; what changes is that partnerships gets its own head, \
         goals and budget, beside sales and marketing instead of {inside}",
        m.reports_to
    )
}

/// One stage: what the projection assumes, the placement, the roles by status, what
/// to watch, and the org chart as a tree. `before` is the stage printed before it.
fn stage(step: &Step, before: Option<&Step>, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let (a, width) = (&step.assessment, style.width);
    for x in &step.assumptions {
        let change = if x.from == x.to {
            format!("{} stays {} ({})", x.field, x.to, x.why)
        } else {
            format!("{}: {} -> {} ({})", x.field, x.from, x.to, x.why)
        };
        writeln!(out, "{}", wrap(&change, "  assumes ", width))?;
    }
    let placement = format!(
        "Placement: {}, reporting to the {} (confidence is {}).",
        a.placement.label(),
        a.reports_to,
        a.confidence_words()
    );
    writeln!(out, "{}", wrap(&printable(&placement), "  ", width))?;
    // In place at a projected stage: the people of the stage before, those hired
    // that the stage before announced, and those the team's assumed growth brought
    // in without notice, said apart with why.
    let current = roles_with(step, RoleStatus::Current);
    let (was, joined): (Vec<&str>, Vec<&str>) = match before {
        Some(b) => current.iter().partition(|t| carried(step, b, t)),
        None => (current, Vec::new()),
    };
    let (announced, unannounced): (Vec<&str>, Vec<&str>) = match before {
        Some(b) => joined.iter().partition(|t| announced(step, b, t)),
        None => (joined, Vec::new()),
    };
    let grown = if step.starts.is_empty() {
        format!(
            "Also hired by then, as the team grows to {}: ",
            step.profile.program.team_size
        )
    } else {
        format!(
            "Also hired by then, as the {} program starts: ",
            crate::profile::listed(&step.starts)
        )
    };
    // Hire now says when, as the team table of `advise` does; so does a seat the
    // assumed growth brings in without notice, since it may come before a hire the
    // stage before planned (Sproutcast: the technology partnerships manager ahead of
    // the alliance manager planned first).
    let hired_now = |r: &&Role| r.status == RoleStatus::Next;
    let mut next: Vec<String> = (a.roles.iter().filter(hired_now))
        .filter(|r| r.timing.is_none())
        .map(|r| format!("{} ({})", r.title, r.when_to_hire()))
        .collect();
    // The leads hired now for the span share one reason, said once.
    let span: Vec<&str> = (a.roles.iter().filter(hired_now))
        .filter(|r| r.timing.is_some())
        .map(|r| r.title.as_str())
        .collect();
    if let Some(r) = a
        .roles
        .iter()
        .find(|r| r.timing.is_some() && r.status == RoleStatus::Next)
    {
        next.push(format!(
            "{} ({})",
            crate::profile::listed(&span),
            r.when_to_hire()
        ));
    }
    let next: Vec<&str> = next.iter().map(String::as_str).collect();
    let unannounced: Vec<String> = (unannounced.iter())
        .map(|t| match a.roles.iter().find(|r| r.title.as_str() == *t) {
            Some(r) => format!("{t} ({})", r.when_to_hire()),
            None => t.to_string(),
        })
        .collect();
    let unannounced: Vec<&str> = unannounced.iter().map(String::as_str).collect();
    for (roles, label) in [
        (was, "  In place: ".to_string()),
        (announced, "  Hired by then: ".to_string()),
        (unannounced, format!("  {grown}")),
        (next, "  Hire now: ".to_string()),
        (
            roles_with(step, RoleStatus::Later),
            "  Hire later: ".to_string(),
        ),
    ] {
        if !roles.is_empty() {
            // Semicolons: a title can hold a comma ("Regional partner lead, EMEA").
            writeln!(
                out,
                "{}",
                wrap(&printable(&roles.join("; ")), &label, width)
            )?;
        }
    }
    // A hire that crosses a move signal brings the move with it (C2, T4).
    if let Some(h) = &step.with_hires {
        let line = with_hires(a.placement, h);
        writeln!(out, "{}", wrap(&line, "  ! ", width))?;
    }
    // The same people as the stage before: a new title is said, never silent.
    for r in &step.retitled {
        let line = format!("{}.", retitle(r));
        writeln!(out, "{}", wrap(&printable(&line), "  New title: ", width))?;
    }
    // A plan carried under another title is said too, never silently gone.
    for r in &step.replanned {
        let line = format!("{}.", replan(r));
        writeln!(
            out,
            "{}",
            wrap(&printable(&line), "  Plan changed: ", width)
        )?;
    }
    // A mitigation is advice for the stage its caveat is raised at ("start with
    // referrals under sales"); by the next stage it has been taken or no longer fits.
    // A caveat that still holds is restated as the risk it names, which is true of
    // every stage its rule fires at.
    for c in &a.caveats {
        let raised = before.is_some_and(|b| b.assessment.caveats.iter().any(|e| e.text == c.text));
        let (label, text) = if raised {
            ("  Still: ", c.text)
        } else {
            ("  Watch: ", c.mitigation)
        };
        writeln!(out, "{}", wrap(text, label, width))?;
    }
    writeln!(out)?;
    Tree.render_chart(&step.chart, style, out)
}

/// The move the hires now bring, in words: with them the team crosses a move signal
/// (the text's `!` line and the charts' stage notes).
pub fn with_hires(now: Placement, h: &WithHires) -> String {
    let plan = if h.narrow {
        format!(
            "{} becomes a choice to make with these hires (it is {})",
            h.placement.label(),
            h.margin
        )
    } else {
        format!(
            "the move from {} to {} comes with these hires, not later: plan it with them \
             (confidence is {})",
            now.label(),
            h.placement.label(),
            h.margin
        )
    };
    // C2 is the shared leader's phase; elsewhere the team grows past its size (T4).
    let cites = if now == Placement::CrossFunctional {
        "C2, T4"
    } else {
        "T4"
    };
    format!(
        "With the hires now the team is {}, past a signal for a move: {plan} [{cites}].",
        h.team
    )
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
