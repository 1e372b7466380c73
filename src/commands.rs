//! One function per command: load, evaluate, render, and decide the exit code.

use crate::cli::{Cli, Command, Format, Global, RulesCommand};
use crate::output::Sink;
use partner_org::batch::{self, Input, Read, Unreadable};
use partner_org::exit::{Exit, Failure};
use partner_org::guidance;
use partner_org::profile::{InputError, Limits, Override};
use partner_org::render::{self, Outcome, Renderer, Style};
use partner_org::rules::engine::Options;
use partner_org::rules::{DEFAULT_RULEBOOK, DEFAULT_RULEBOOK_PATH, Rulebook};
use std::io::IsTerminal;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Exit> {
    let g = &cli.global;
    match &cli.command {
        Command::Advise(a) => {
            let rulebook = load_rulebook(g)?;
            let overrides = parse_overrides(&a.sets)?;
            let (inputs, mut unreadable) = batch::expand(&a.paths);
            let (reads, more) = batch::read_all(&inputs, limits(g));
            unreadable.extend(more);
            let mut outcomes: Vec<Outcome> = reads
                .iter()
                .map(|r| batch::advise(r, &rulebook, Options::default(), &overrides))
                .map(|o| o.unwrap_or_else(|f| f.outcome()))
                .collect();
            if a.explain {
                attach_traces(&mut outcomes, &reads, &rulebook, &overrides);
            }
            report_problems(g, &reads, &outcomes, &unreadable);
            let style = Style {
                explain: a.explain,
                color: g.output.is_none() && g.color.enabled(std::io::stdout().is_terminal()),
            };
            let renderer: &dyn Renderer = match a.format {
                Format::Text => &render::Text,
                Format::Json => &render::Json,
                Format::Yaml => &render::Yaml,
                Format::Markdown => &render::Markdown,
            };
            sink(g).write(|out| renderer.render(&outcomes, style, out))?;
            Ok(exit_code(&outcomes, &unreadable))
        }
        Command::Validate(v) => {
            let (inputs, mut unreadable) = batch::expand(&v.paths);
            let (reads, more) = batch::read_all(&inputs, limits(g));
            unreadable.extend(more);
            let outcomes: Vec<Outcome> = reads
                .iter()
                .filter_map(|r| r.as_ref().err().map(batch::Failed::outcome))
                .collect();
            report_problems(g, &reads, &[], &unreadable);
            sink(g).write(|out| {
                for read in &reads {
                    match read {
                        Ok((source, profile)) => {
                            writeln!(out, "ok     {source}: {}", profile.name)?
                        }
                        Err(f) => writeln!(out, "error  {}", f.error.one_line())?,
                    }
                }
                Ok(())
            })?;
            Ok(exit_code(&outcomes, &unreadable))
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

/// Adds the `--explain` trace to every assessed profile (computed only when asked, so
/// batch runs without it stay fast).
fn attach_traces(
    outcomes: &mut [Outcome],
    reads: &[Read],
    rulebook: &Rulebook,
    overrides: &[Override],
) {
    for (outcome, read) in outcomes.iter_mut().zip(reads) {
        if let (Outcome::Assessed(a), Ok((_, profile))) = (outcome, read)
            && let Ok(profile) = profile.with_overrides(overrides)
        {
            a.trace = Some(Box::new(rulebook.trace(&profile, a)));
        }
    }
}

/// Prints every error in detail on stderr (unless quiet).
fn report_problems(g: &Global, reads: &[Read], outcomes: &[Outcome], unreadable: &[Unreadable]) {
    if g.quiet {
        return;
    }
    let color = g.color.enabled(std::io::stderr().is_terminal());
    let mut shown: Vec<&InputError> = reads
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|f| &f.error)
        .collect();
    let override_errors: Vec<String> = outcomes
        .iter()
        .zip(reads)
        .filter_map(|(o, r)| match (o, r) {
            (Outcome::Failed(f), Ok(_)) => Some(f.error.message.clone()),
            _ => None,
        })
        .collect();
    shown.dedup();
    for e in shown {
        eprintln!("{}", e.render(color));
    }
    for m in override_errors {
        eprintln!("error: {m}");
    }
    for u in unreadable {
        eprintln!("partner-org: {u}");
    }
}

/// 65 when any profile failed, else 66 when an input could not be read, else 0.
fn exit_code(outcomes: &[Outcome], unreadable: &[Unreadable]) -> Exit {
    if outcomes.iter().any(|o| matches!(o, Outcome::Failed(_))) {
        Exit::DataErr
    } else if !unreadable.is_empty() {
        Exit::NoInput
    } else {
        Exit::Ok
    }
}
