//! `partner-org diff`: what changes between two profiles, or a profile and a changed copy.

use super::exit::{Exit, ExitError};
use super::{json_line, load_one, load_rulebook, parse_overrides, sink, text_width};
use crate::cli::{DiffArgs, Global, ReportFormat};
use partner_org::analysis::diff::Diff;
use partner_org::render;
use partner_org::rules::engine::Options;

/// Runs `diff A [B] [--set ...]`.
pub fn run(g: &Global, d: &DiffArgs) -> anyhow::Result<Exit> {
    let overrides = parse_overrides(&d.sets)?;
    if d.after.is_none() && overrides.is_empty() {
        return Err(ExitError::new(
            Exit::Usage,
            "diff needs a second profile, or --set FIELD=VALUE to compare the profile with a changed copy",
        )
        .into());
    }
    let rulebook = load_rulebook(g)?;
    let (before_source, before) = load_one(g, &d.before)?;
    let (after_source, after) = match &d.after {
        Some(path) => load_one(g, path)?,
        None => (before_source.clone(), before.clone()),
    };
    let after = after.with_overrides(&overrides).map_err(|v| {
        ExitError::new(
            Exit::DataErr,
            format!("{}: {}\n  help: {}", v.field, v.message, v.help),
        )
    })?;
    let mut after_label = after_source.to_string();
    if !d.sets.is_empty() {
        after_label.push_str(&format!(" with {}", d.sets.join(", ")));
    }
    let before_label = before_source.to_string();
    let options = Options::default();
    let before = rulebook.assess(before_source, &before, options);
    // Only the same company keeps its people on the other side.
    let people = Diff::people(&before, &after.name);
    let after = rulebook.assess(
        after_source,
        &after,
        Options {
            people: &people,
            ..options
        },
    );
    let diff = Diff::between(&rulebook, &before, &after);
    sink(g).write(|out| match d.format {
        ReportFormat::Text => {
            render::diff_text(&diff, &before_label, &after_label, text_width(g), out)
        }
        ReportFormat::Json => json_line(&diff, out),
    })?;
    Ok(Exit::Ok)
}
