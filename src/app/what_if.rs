//! `partner-org what-if`: the smallest answer changes that would flip the placement.

use super::exit::Exit;
use super::{json_line, load_one, load_rulebook, sink, text_width};
use crate::cli::{Global, ReportFormat, WhatIfArgs};
use partner_org::analysis::what_if::what_if;
use partner_org::render::{self, HowToApply};
use partner_org::rules::engine::Options;

/// Runs `what-if`.
pub fn run(g: &Global, w: &WhatIfArgs) -> anyhow::Result<Exit> {
    let rulebook = load_rulebook(g)?;
    let (source, profile) = load_one(g, &w.path)?;
    let report = what_if(&rulebook, source, &profile, Options::default());
    sink(g).write(|out| match w.format {
        ReportFormat::Text => render::what_if_text(&report, text_width(g), &WithSet, out),
        ReportFormat::Json => json_line(&report, out),
    })?;
    Ok(Exit::Ok)
}

/// Answer changes as `advise --set` takes them.
struct WithSet;

impl HowToApply for WithSet {
    fn one(&self, path: &str, set: &str) -> String {
        format!("partner-org advise {path} --set {set} --explain")
    }

    fn together(&self, sets: &[String]) -> String {
        format!("--set {}", sets.join(" --set "))
    }
}
