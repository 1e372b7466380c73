//! `partner-org what-if`: the smallest answer changes that would flip the placement.

use super::exit::Exit;
use super::{json_line, load_one_document, load_rulebook, sink, text_width};
use crate::cli::{Global, ReportFormat, WhatIfArgs};
use partner_org::analysis::what_if::what_if;
use partner_org::render::{self, HowToApply};
use partner_org::rules::engine::Options;
use std::path::Path;

/// Runs `what-if`.
pub fn run(g: &Global, w: &WhatIfArgs) -> anyhow::Result<Exit> {
    let rulebook = load_rulebook(g)?;
    let (source, profile, document) = load_one_document(g, &w.path)?;
    let left_out = document.as_document().left_out();
    let report = what_if(&rulebook, source, &profile, &left_out, Options::default());
    sink(g).write(|out| match w.format {
        ReportFormat::Text => {
            let apply = WithSet { path: &w.path };
            render::what_if_text(&report, text_width(g), &apply, out)
        }
        ReportFormat::Json => json_line(&report, out),
    })?;
    Ok(Exit::Ok)
}

/// Answer changes as `advise --set` takes them, for the profile at `path` as typed
/// (`-` for stdin, which a report's source calls `<stdin>`).
struct WithSet<'a> {
    path: &'a Path,
}

impl HowToApply for WithSet<'_> {
    fn one(&self, set: &str) -> String {
        format!(
            "partner-org advise {} --set {set} --explain",
            self.path.display()
        )
    }

    fn together(&self, sets: &[String]) -> String {
        format!("--set {}", sets.join(" --set "))
    }
}
