//! One function per command: load, evaluate, render, and decide the exit code.

use crate::cli::{Cli, Command, Format, Global, RulesCommand};
use crate::output::Sink;
use crate::report::{self, Layout, Settings};
use partner_org::batch::{self, Input};
use partner_org::exit::{Exit, Failure};
use partner_org::guidance;
use partner_org::profile::{Limits, Override};
use partner_org::render::{self, Style};
use partner_org::rules::{DEFAULT_RULEBOOK, DEFAULT_RULEBOOK_PATH, Rulebook};
use std::io::IsTerminal;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let g = &cli.global;
    match &cli.command {
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
                        rule.id.clone(),
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
        Command::Rules(RulesCommand::Show { id }) => {
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
    }
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
        ..Limits::default()
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
    let Some(path) = &g.rules else {
        return Ok(Rulebook::parse(DEFAULT_RULEBOOK_PATH, DEFAULT_RULEBOOK)
            .map_err(|e| Failure::new(Exit::DataErr, e.render(false)))?);
    };
    let text = Input::File(path.clone())
        .read_to_string(g.max_bytes)
        .map_err(|e| Failure::new(Exit::NoInput, e.to_string()))?;
    let book = Rulebook::parse(&path.display().to_string(), &text).map_err(|e| {
        let color = g.color.enabled(std::io::stderr().is_terminal());
        Failure::new(
            Exit::DataErr,
            format!("invalid rulebook\n{}", e.render(color)),
        )
    })?;
    Ok(book)
}

fn parse_overrides(sets: &[String]) -> anyhow::Result<Vec<Override>> {
    sets.iter()
        .map(|s| {
            s.parse::<Override>()
                .map_err(|e| Failure::new(Exit::Usage, e).into())
        })
        .collect()
}
