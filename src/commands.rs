//! One function per command: load, evaluate, render, and decide the exit code.

use crate::cli::{
    self, ChartFormat, Cli, Command, Format, Global, ReportFormat, RoadmapFormat, RulesCommand,
    SchemaKind, StageChoice,
};
use crate::output::Sink;
use crate::report::{self, Layout, Settings};
use clap::CommandFactory;
use partner_org::batch::{self, Input};
use partner_org::exit::{Exit, Failure};
use partner_org::guidance;
use partner_org::org::OrgChart;
use partner_org::org::roadmap::Roadmap;
use partner_org::profile::{Limits, Override, Profile};
use partner_org::render::{self, ChartRenderer, Style};
use partner_org::rules::engine::Options;
use partner_org::rules::fixtures::{self, Verdict};
use partner_org::rules::{
    DEFAULT_RULEBOOK, DEFAULT_RULEBOOK_PATH, Placement, Rulebook, Stage, number,
};
use partner_org::what_if;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

mod ask;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let g = &cli.global;
    match &cli.command {
        Command::Ask(a) => ask::run(g, a),
        Command::Init(i) => {
            let template =
                partner_org::ask::template().to_commented_yaml(partner_org::ask::TEMPLATE_HEADER);
            let sink = Sink {
                path: i.path.clone().or_else(|| g.output.clone()),
                force: g.force,
            };
            sink.write(|out| out.write_all(template.as_bytes()))?;
            Ok(Exit::Ok)
        }
        Command::Advise(a) => {
            let rulebook = load_rulebook(g)?;
            let overrides = parse_overrides(&a.sets)?;
            let style = Style {
                explain: a.explain,
                color: g.output.is_none() && g.color.enabled(std::io::stdout().is_terminal()),
            };
            let layout = match a.format {
                Format::Text => Layout::Summary,
                Format::Json => Layout::Streamed(&render::Json),
                Format::Yaml => Layout::Streamed(&render::Yaml),
                Format::Markdown => Layout::Streamed(&render::Markdown),
                Format::Ndjson => Layout::Streamed(&render::Ndjson),
                Format::Csv => Layout::Streamed(&render::Csv),
                Format::Html => Layout::Streamed(&render::Html),
            };
            let settings = batch_settings(g, layout, style);
            let inputs = batch::inputs(&a.paths);
            sink(g).write(|out| report::advise(inputs, settings, &rulebook, &overrides, out))
        }
        Command::Validate(v) => {
            let settings = batch_settings(g, Layout::Lines, Style::default());
            let inputs = batch::inputs(&v.paths);
            sink(g).write(|out| report::validate(inputs, settings, out))
        }
        Command::Rules(RulesCommand::List) => {
            let rulebook = load_rulebook(g)?;
            sink(g).write(|out| {
                let mut t = render::new_table(&["Rule", "Cites", "What it does"]);
                for rule in &rulebook.rules {
                    t.add_row(vec![
                        rule.id.to_string(),
                        rule.cites.join(", "),
                        rule.summary.clone(),
                    ]);
                }
                writeln!(out, "{t}")?;
                let uncited: Vec<&str> = guidance::POINTS
                    .iter()
                    .map(|p| p.id)
                    .filter(|id| {
                        !rulebook
                            .rules
                            .iter()
                            .any(|r| r.cites.iter().any(|c| c == id))
                    })
                    .collect();
                writeln!(
                    out,
                    "{} rules; guidance points not cited: {}",
                    rulebook.rules.len(),
                    if uncited.is_empty() {
                        "none".to_string()
                    } else {
                        uncited.join(", ")
                    }
                )
            })?;
            Ok(Exit::Ok)
        }
        Command::Chart(c) => {
            let rulebook = load_rulebook(g)?;
            let (source, profile) = load_one(g, &c.path)?;
            let stage = match c.stage {
                StageChoice::Now => None,
                StageChoice::Early => Some(Stage::Early),
                StageChoice::Mid => Some(Stage::Mid),
                StageChoice::Scale => Some(Stage::Scale),
            };
            let assessment = rulebook.assess(
                source,
                &profile,
                Options {
                    stage,
                    ..Options::default()
                },
            );
            let chart = OrgChart::from_assessment(&assessment);
            let renderer: &dyn ChartRenderer = match c.format {
                ChartFormat::Dot => &render::Dot,
                ChartFormat::Mermaid => &render::Mermaid,
                ChartFormat::Svg => &render::Svg,
                ChartFormat::Json => &render::Json,
                ChartFormat::Tree => &render::Tree,
            };
            let style = Style {
                explain: false,
                color: g.output.is_none() && g.color.enabled(std::io::stdout().is_terminal()),
            };
            sink(g).write(|out| renderer.render_chart(&chart, style, out))?;
            Ok(Exit::Ok)
        }
        Command::Roadmap(r) => {
            let rulebook = load_rulebook(g)?;
            let (source, profile) = load_one(g, &r.path)?;
            let roadmap = Roadmap::project(&rulebook, &source, &profile).map_err(|v| {
                Failure::new(
                    Exit::DataErr,
                    format!(
                        "{source}: cannot project {}: {}: {}; {}",
                        profile.name, v.field, v.message, v.help
                    ),
                )
            })?;
            let style = Style {
                explain: false,
                color: g.output.is_none() && g.color.enabled(std::io::stdout().is_terminal()),
            };
            sink(g).write(|out| match r.format {
                RoadmapFormat::Text => render::roadmap::text(&roadmap, style, out),
                RoadmapFormat::Dot => render::dot::roadmap(&roadmap, out),
                RoadmapFormat::Svg => render::svg::roadmap(&roadmap, out),
            })?;
            Ok(Exit::Ok)
        }
        Command::Rules(RulesCommand::Show { id: None }) => {
            let (name, text) = rulebook_text(g, g.rules.as_deref())?;
            parse_rulebook(g, &name, &text)?;
            sink(g).write(|out| out.write_all(text.as_bytes()))?;
            Ok(Exit::Ok)
        }
        Command::Rules(RulesCommand::Show { id: Some(id) }) => {
            let rulebook = load_rulebook(g)?;
            let Some(rule) = rulebook.rule(id) else {
                let ids: Vec<&str> = rulebook.rules.iter().map(|r| r.id.as_str()).collect();
                let hint = partner_org::profile::suggest(id, &ids)
                    .map_or("`partner-org rules list` shows every id".to_string(), |b| {
                        format!("did you mean '{b}'?")
                    });
                return Err(Failure::new(Exit::Usage, format!("no rule '{id}'; {hint}")).into());
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
                Ok(())
            })?;
            Ok(Exit::Ok)
        }
        Command::Rules(RulesCommand::Check { file }) => rules_check(g, file.as_deref()),
        Command::Rules(RulesCommand::Test { file, paths }) => rules_test(g, file, paths),
        Command::WhatIf(w) => {
            let rulebook = load_rulebook(g)?;
            let (source, profile) = load_one(g, &w.path)?;
            let report = what_if::what_if(&rulebook, source, &profile, Options::default());
            sink(g).write(|out| match w.format {
                ReportFormat::Text => render::what_if_text(&report, out),
                ReportFormat::Json => json_line(&report, out),
            })?;
            Ok(Exit::Ok)
        }
        Command::Diff(d) => diff(g, d),
        Command::Schema { kind } => {
            let schema = match kind {
                SchemaKind::Profile => schemars::schema_for!(Profile),
                SchemaKind::Rulebook => schemars::schema_for!(Rulebook),
            };
            sink(g).write(|out| json_line(&schema, out))?;
            Ok(Exit::Ok)
        }
        Command::Completions { shell } => {
            let mut command = Cli::command();
            sink(g).write(|out| {
                clap_complete::generate(*shell, &mut command, "partner-org", out);
                Ok(())
            })?;
            Ok(Exit::Ok)
        }
        Command::Man => {
            let man = clap_mangen::Man::new(Cli::command());
            sink(g).write(|out| man.render(out))?;
            Ok(Exit::Ok)
        }
    }
}

/// Pretty JSON and a final newline.
fn json_line(value: &impl serde::Serialize, out: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// `diff A [B] [--set ...]`.
fn diff(g: &Global, d: &cli::Diff) -> anyhow::Result<Exit> {
    let overrides = parse_overrides(&d.sets)?;
    if d.after.is_none() && overrides.is_empty() {
        return Err(Failure::new(
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
        Failure::new(
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
    let diff = partner_org::diff::Diff::between(
        &rulebook.assess(before_source, &before, options),
        &rulebook.assess(after_source, &after, options),
    );
    sink(g).write(|out| match d.format {
        ReportFormat::Text => render::diff_text(&diff, &before_label, &after_label, out),
        ReportFormat::Json => json_line(&diff, out),
    })?;
    Ok(Exit::Ok)
}

/// `rules check [FILE]`: 65 when the rulebook does not load or the lint finds problems.
fn rules_check(g: &Global, file: Option<&Path>) -> anyhow::Result<Exit> {
    let (name, text) = rulebook_text(g, file.or(g.rules.as_deref()))?;
    let book = parse_rulebook(g, &name, &text)?;
    let problems = book.lint(&name, &text);
    let color = g.output.is_none() && g.color.enabled(std::io::stdout().is_terminal());
    sink(g).write(|out| {
        for p in &problems {
            writeln!(out, "{}\n", p.render(color))?;
        }
        match problems.len() {
            0 => writeln!(out, "{name}: {} rules, no problems found", book.rules.len()),
            n => writeln!(
                out,
                "{name}: {} rules, {n} problem{}",
                book.rules.len(),
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
fn rules_test(g: &Global, file: &Path, paths: &[PathBuf]) -> anyhow::Result<Exit> {
    let (name, text) = rulebook_text(g, Some(file))?;
    let book = parse_rulebook(g, &name, &text)?;
    let (inputs, mut unreadable) = batch::expand(paths);
    let (results, more) = fixtures::run(&book, &inputs, limits(g));
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
            eprintln!("partner-org: {u}");
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

/// Loads the single profile a command such as `chart PATH` works on: exit 66 when it
/// cannot be read, 65 (with the located error on stderr) when it is invalid, 2 when the
/// input holds several profiles.
pub fn load_one(
    g: &Global,
    path: &std::path::Path,
) -> anyhow::Result<(partner_org::profile::Source, partner_org::profile::Profile)> {
    let (inputs, unreadable) = batch::expand(std::slice::from_ref(&path.to_path_buf()));
    if let Some(u) = unreadable.first() {
        return Err(Failure::new(Exit::NoInput, u.to_string()).into());
    }
    let (mut reads, unreadable) = batch::read_all(&inputs, limits(g));
    if let Some(u) = unreadable.first() {
        return Err(Failure::new(Exit::NoInput, u.to_string()).into());
    }
    if reads.len() != 1 {
        return Err(Failure::new(
            Exit::Usage,
            format!(
                "{} holds {} profiles; this command takes exactly one",
                path.display(),
                reads.len()
            ),
        )
        .into());
    }
    match reads.remove(0) {
        Ok(read) => Ok(read),
        Err(f) => {
            let color = g.color.enabled(std::io::stderr().is_terminal());
            Err(Failure::new(Exit::DataErr, f.error.render(color)).into())
        }
    }
}

fn limits(g: &Global) -> Limits {
    Limits {
        max_bytes: g.max_bytes,
        max_documents: g.max_documents,
    }
}

fn batch_settings<'a>(g: &Global, layout: Layout<'a>, style: Style) -> Settings<'a> {
    Settings {
        layout,
        style,
        quiet: g.quiet,
        stderr_color: g.color.enabled(std::io::stderr().is_terminal()),
        progress: report::progress_allowed(g.output.is_some()),
        limits: limits(g),
    }
}

fn sink(g: &Global) -> Sink {
    Sink {
        path: g.output.clone(),
        force: g.force,
    }
}

/// The embedded rulebook, or the one given with `--rules`.
pub fn load_rulebook(g: &Global) -> anyhow::Result<Rulebook> {
    let (name, text) = rulebook_text(g, g.rules.as_deref())?;
    parse_rulebook(g, &name, &text)
}

/// The name and text of the rulebook at `path`, or of the embedded one.
fn rulebook_text(g: &Global, path: Option<&Path>) -> anyhow::Result<(String, String)> {
    let Some(path) = path else {
        return Ok((
            DEFAULT_RULEBOOK_PATH.to_string(),
            DEFAULT_RULEBOOK.to_string(),
        ));
    };
    let text = Input::File(path.to_path_buf())
        .read_to_string(g.max_bytes)
        .map_err(|e| Failure::new(e.exit(), e.to_string()))?;
    Ok((path.display().to_string(), text))
}

/// Parses a rulebook: exit 65 with the located error when it is invalid.
fn parse_rulebook(g: &Global, name: &str, text: &str) -> anyhow::Result<Rulebook> {
    Rulebook::parse(name, text).map_err(|e| {
        let color = g.color.enabled(std::io::stderr().is_terminal());
        Failure::new(
            Exit::DataErr,
            format!("invalid rulebook\n{}", e.render(color)),
        )
        .into()
    })
}

fn parse_overrides(sets: &[String]) -> anyhow::Result<Vec<Override>> {
    sets.iter()
        .map(|s| {
            s.parse::<Override>()
                .map_err(|e| Failure::new(Exit::Usage, e).into())
        })
        .collect()
}
