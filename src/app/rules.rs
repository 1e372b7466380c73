//! `partner-org rules`: the rulebook's catalogue, one rule or the whole rulebook, the
//! lint of a custom one, and its fixtures.

use super::exit::{Exit, ExitError, PREFIX};
use super::remedy::{Reading, cannot_read};
use super::{limits, load_rulebook, parse_rulebook, rulebook_text, sink, stdout_color, text_width};
use crate::cli::{Global, RulesCommand};
use partner_org::assessment::Placement;
use partner_org::batch::{self, Input, Unreadable};
use partner_org::guidance;
use partner_org::profile::{Limits, Source};
use partner_org::render;
use partner_org::rules::Rulebook;
use partner_org::rules::fixtures::{self, FixtureResult, Verdict};
use partner_org::rules::number;
use std::path::{Path, PathBuf};

/// Runs `rules list`, `rules show [ID]`, `rules check [FILE]` or `rules test FILE PATH...`.
pub fn run(g: &Global, command: &RulesCommand) -> anyhow::Result<Exit> {
    match command {
        RulesCommand::List { .. } => list(g),
        RulesCommand::Show { id: None, .. } => show_all(g),
        RulesCommand::Show { id: Some(id), .. } => show(g, id),
        RulesCommand::Check { file, .. } => check(g, file.as_deref()),
        RulesCommand::Test { file, paths, .. } => test(g, file, paths),
    }
}

/// `rules list`: every rule with its cites, and the guidance points no rule cites.
fn list(g: &Global) -> anyhow::Result<Exit> {
    let rulebook = load_rulebook(g)?;
    sink(g).write(|out| {
        let mut t = render::new_table(&["Rule", "Cites", "What it does"], text_width(g));
        for rule in rulebook.rules() {
            t.add_row(vec![
                rule.id.to_string(),
                rule.cites.join(", "),
                rule.summary.clone(),
            ]);
        }
        render::keep_words_whole(&mut t);
        writeln!(out, "{t}")?;
        let uncited: Vec<&str> = guidance::POINTS
            .iter()
            .map(|p| p.id)
            .filter(|id| {
                !rulebook
                    .rules()
                    .iter()
                    .any(|r| r.cites.iter().any(|c| c == id))
            })
            .collect();
        writeln!(
            out,
            "{} rules; guidance points not cited: {}",
            rulebook.rules().len(),
            if uncited.is_empty() {
                "none".to_string()
            } else {
                uncited.join(", ")
            }
        )
    })?;
    Ok(Exit::Ok)
}

/// `rules show` without an id: the active rulebook as written, once it loads.
fn show_all(g: &Global) -> anyhow::Result<Exit> {
    let (name, text) = rulebook_text(g, g.rules.as_deref())?;
    parse_rulebook(g, &name, &text)?;
    sink(g).write(|out| out.write_all(text.as_bytes()))?;
    Ok(Exit::Ok)
}

/// `rules show ID`: one rule as YAML, with the guidance points it cites.
fn show(g: &Global, id: &str) -> anyhow::Result<Exit> {
    let rulebook = load_rulebook(g)?;
    let Some(rule) = rulebook.rule(id) else {
        let ids: Vec<&str> = rulebook.rules().iter().map(|r| r.id.as_str()).collect();
        let hint = if guidance::point(&id.to_ascii_uppercase()).is_some() {
            format!(
                "{} is a guidance point: `partner-org guidance {0}` shows it and the rules that cite it",
                id.to_ascii_uppercase()
            )
        } else {
            partner_org::profile::suggest(id, &ids)
                .map_or("`partner-org rules list` shows every id".to_string(), |b| {
                    format!("did you mean '{b}'?")
                })
        };
        return Err(ExitError::new(Exit::Usage, format!("no rule '{id}'; {hint}")).into());
    };
    let yaml = yaml_serde::to_string(rule)?;
    sink(g).write(|out| {
        out.write_all(yaml.as_bytes())?;
        writeln!(out, "# cites:")?;
        for cite in &rule.cites {
            if let Some(p) = guidance::point(cite) {
                writeln!(out, "#   {}: {}", p.id, p.summary)?;
            }
        }
        let names = rulebook.names_used(rule);
        if !names.is_empty() {
            writeln!(out, "# named conditions:")?;
            for (name, condition) in names {
                writeln!(out, "#   {name}: {condition}")?;
            }
        }
        Ok(())
    })?;
    Ok(Exit::Ok)
}

/// `rules check [FILE]`: 65 when the rulebook does not load or the lint finds problems.
fn check(g: &Global, file: Option<&Path>) -> anyhow::Result<Exit> {
    let (name, text) = rulebook_text(g, file.or(g.rules.as_deref()))?;
    let book = parse_rulebook(g, &name, &text)?;
    let problems = book.lint(&name, &text);
    let color = stdout_color(g);
    sink(g).write(|out| {
        for p in &problems {
            writeln!(out, "{}\n", p.render(color))?;
        }
        match problems.len() {
            0 => writeln!(
                out,
                "{name}: {} rules, no problems found",
                book.rules().len()
            ),
            n => writeln!(
                out,
                "{name}: {} rules, {n} problem{}",
                book.rules().len(),
                if n == 1 { "" } else { "s" }
            ),
        }
    })?;
    Ok(if problems.is_empty() {
        Exit::Ok
    } else {
        Exit::DataErr
    })
}

/// `rules test FILE PATH...`: 65 when a fixture fails, is invalid, or none states an
/// expected placement; else 66 when an input cannot be read.
fn test(g: &Global, file: &Path, paths: &[PathBuf]) -> anyhow::Result<Exit> {
    let (name, text) = rulebook_text(g, Some(file))?;
    let book = parse_rulebook(g, &name, &text)?;
    let (inputs, mut unreadable) = batch::expand(paths);
    let (results, more) = run_fixtures(&book, &inputs, limits(g));
    unreadable.extend(more);
    let count = |f: fn(&Verdict) -> bool| results.iter().filter(|r| f(&r.verdict)).count();
    let passed = count(|v| matches!(v, Verdict::Pass { .. }));
    let failed = count(|v| matches!(v, Verdict::Fail { .. }));
    let invalid = count(|v| matches!(v, Verdict::Invalid(_)));
    let unstated = count(|v| matches!(v, Verdict::NoExpectation { .. }));
    sink(g).write(|out| {
        for r in &results {
            match &r.verdict {
                Verdict::Pass { profile, placement } => {
                    writeln!(out, "pass     {}: {profile} is {placement}", r.source)?
                }
                Verdict::Fail { profile, expected, got, scores } => {
                    let scores: Vec<String> = Placement::ALL
                        .iter()
                        .map(|p| format!("{p} {}", number(scores.get(*p))))
                        .collect();
                    writeln!(
                        out,
                        "FAIL     {}: {profile}: expected {expected}, got {got} ({})",
                        r.source,
                        scores.join(", ")
                    )?
                }
                Verdict::Invalid(e) => writeln!(out, "invalid  {}", e.one_line())?,
                Verdict::NoExpectation { profile } => writeln!(
                    out,
                    "skipped  {}: {profile}: no `# expect: PLACEMENT` line",
                    r.source
                )?,
            }
        }
        writeln!(
            out,
            "{} fixtures against {name}: {passed} passed, {failed} failed, {invalid} invalid, {unstated} without an expected placement",
            results.len()
        )
    })?;
    for u in &unreadable {
        if !g.quiet {
            eprintln!("{PREFIX}{}", cannot_read(u, Reading::Profiles));
        }
    }
    Ok(if failed + invalid > 0 || passed == 0 {
        Exit::DataErr
    } else if !unreadable.is_empty() {
        Exit::NoInput
    } else {
        Exit::Ok
    })
}

/// Judges every document of every input against the rulebook.
fn run_fixtures(
    book: &Rulebook,
    inputs: &[Input],
    limits: Limits,
) -> (Vec<FixtureResult>, Vec<Unreadable>) {
    let mut results = Vec::new();
    let mut unreadable = Vec::new();
    for input in inputs {
        let reader = match input.open(limits) {
            Ok(r) => r,
            Err(e) => {
                unreadable.push(e);
                continue;
            }
        };
        for doc in reader {
            let (source, verdict) = match doc {
                Err(error) => (
                    Source {
                        path: input.name(),
                        document: None,
                    },
                    Verdict::Invalid(error),
                ),
                Ok(owned) => {
                    let doc = owned.as_document();
                    let source = Source {
                        path: input.name(),
                        document: doc.in_stream.then_some(doc.index),
                    };
                    (source, fixtures::judge(book, &doc))
                }
            };
            results.push(FixtureResult { source, verdict });
        }
    }
    (results, unreadable)
}
