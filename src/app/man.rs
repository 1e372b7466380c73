//! `partner-org man`: the man page, generated from the clap definitions.
//!
//! Without `--dir`, one page on stdout (or `-o`) that lists the commands by name, so it
//! refers to no page that does not exist. With `--dir DIR`, one page per command
//! (`partner-org.1`, `partner-org-advise.1`, `partner-org-rules-list.1`, ...), each
//! pointing to the pages written beside it.

use super::exit::{Exit, ExitError};
use super::sink;
use crate::cli::{Cli, EXIT_STATUS, Global};
use clap::CommandFactory;
use std::io::Write;
use std::path::Path;

/// Runs `man [--dir DIR]`.
pub fn run(g: &Global, dir: Option<&Path>) -> anyhow::Result<Exit> {
    let mut command = Cli::command();
    command.build();
    let Some(dir) = dir else {
        sink(g).write(|out| page(&command, None, false, out))?;
        return Ok(Exit::Ok);
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        ExitError::new(
            Exit::CantCreate,
            format!("cannot create {}: {e}", dir.display()),
        )
    })?;
    let mut written = Vec::new();
    write_pages(&command, None, dir, &mut written)?;
    if !g.quiet {
        eprintln!(
            "wrote {} man pages to {}; read one with: man {}",
            written.len(),
            dir.display(),
            dir.join("partner-org.1").display()
        );
    }
    Ok(Exit::Ok)
}

/// Writes the page of `command` and of each of its subcommands, recursively.
fn write_pages(
    command: &clap::Command,
    parent: Option<&str>,
    dir: &Path,
    written: &mut Vec<String>,
) -> anyhow::Result<()> {
    let name = page_name(command);
    let path = dir.join(format!("{name}.1"));
    let mut out = Vec::new();
    page(command, parent, true, &mut out)?;
    std::fs::write(&path, out).map_err(|e| {
        ExitError::new(
            Exit::CantCreate,
            format!("cannot write {}: {e}", path.display()),
        )
    })?;
    written.push(name.clone());
    for sub in subcommands(command) {
        write_pages(sub, Some(&name), dir, written)?;
    }
    Ok(())
}

/// The subcommands a page lists (not clap's `help`).
fn subcommands(command: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    command
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// `partner-org`, `partner-org-advise`, `partner-org-rules-list`.
fn page_name(command: &clap::Command) -> String {
    command
        .get_display_name()
        .unwrap_or(command.get_name())
        .to_string()
}

/// One page: clap_mangen's title, name, synopsis, description and options; then the
/// commands (as references to their pages when `linked`), EXIT STATUS, SEE ALSO and
/// VERSION.
fn page(
    command: &clap::Command,
    parent: Option<&str>,
    linked: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let man = clap_mangen::Man::new(command.clone().version(env!("CARGO_PKG_VERSION")));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    if command.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(out)?;
    }
    let subs: Vec<_> = subcommands(command).collect();
    if !subs.is_empty() {
        writeln!(out, ".SH COMMANDS")?;
        for sub in &subs {
            writeln!(out, ".TP")?;
            if linked {
                writeln!(out, "{}(1)", escape(&page_name(sub)))?;
            } else {
                writeln!(out, "\\fB{}\\fR", escape(sub.get_name()))?;
            }
            if let Some(about) = sub.get_about() {
                writeln!(out, "{}", escape(&about.to_string()))?;
            }
        }
        if !linked {
            writeln!(out, ".PP")?;
            writeln!(
                out,
                "Each command's options: \\fBpartner\\-org COMMAND \\-\\-help\\fR, or one page per command with \\fBpartner\\-org man \\-\\-dir DIR\\fR."
            )?;
        }
    }
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, meaning) in EXIT_STATUS {
        writeln!(out, ".TP\n\\fB{code}\\fR\n{}", escape(meaning))?;
    }
    if let Some(parent) = parent.filter(|_| linked) {
        writeln!(out, ".SH \"SEE ALSO\"\n{}(1)", escape(parent))?;
    }
    man.render_version_section(out)
}

/// Escapes text for roff: backslashes, hyphens, and a leading dot or quote.
fn escape(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    match text.chars().next() {
        Some('.' | '\'') => format!("\\&{text}"),
        _ => text,
    }
}
