//! The command line (clap only). Doc comments are the help text; `Cli::global` turns
//! the parsed arguments into plain settings for the rest of the program.
//!
//! `options` holds the options several commands share and the settings made from
//! them; `commands` holds each command's own arguments and format choices.

mod commands;
mod options;

pub use commands::*;
pub use options::*;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// The exit codes and what they mean, for `--help` and the man page's EXIT STATUS.
pub const EXIT_STATUS: [(&str, &str); 7] = [
    (
        "0",
        "every input was evaluated (a closed pipe also ends quietly with 0)",
    ),
    ("2", "usage error"),
    (
        "65",
        "at least one profile or rulebook is invalid (the others are still evaluated)",
    ),
    ("66", "an input cannot be read"),
    (
        "73",
        "an output cannot be created, or exists and --force was not given",
    ),
    ("74", "I/O error while writing"),
    ("130", "interrupted"),
];

/// The exit codes as `--help` ends with them.
fn exit_codes_help() -> String {
    let mut help = String::from("Exit codes:");
    for (code, meaning) in EXIT_STATUS {
        help.push_str(&format!("\n  {code:<4} {meaning}"));
    }
    help
}

/// Where should the partnerships team report? A rule-based advisor built from
/// published guidance: sales, marketing, its own department, or a cross-functional
/// leader, with reasons, caveats, the team plan and the org chart.
#[derive(Debug, Parser)]
#[command(name = "partner-org", version, after_help = exit_codes_help(), max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Recommend where partnerships should report, for each profile.
    Advise(Advise),
    /// Check profiles without evaluating them.
    Validate(Validate),
    /// The rulebook: the catalogue, one rule, lint a custom rulebook, test it.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Draw the org chart of one profile (DOT for Graphviz, Mermaid, SVG, JSON or a tree).
    Chart(Chart),
    /// How placement and team change from the profile's stage to scale, and why.
    Roadmap(RoadmapArgs),
    /// Answer questions in the terminal, read the advice, save the profile.
    Ask(Ask),
    /// Write a commented template profile (to stdout without PATH).
    Init(Init),
    /// The smallest change to each answer that would flip the placement, and whether
    /// the answers the profile leaves out could change it.
    #[command(name = "what-if")]
    WhatIf(WhatIfArgs),
    /// Compare two profiles, or one profile before and after --set: placement, scores,
    /// rules, roles and caveats.
    Diff(DiffArgs),
    /// The guidance points the reports cite ([S1], [D6]): what each says, the source
    /// document it comes from, the companies the source gives as examples and the
    /// rules that cite it.
    Guidance(Guidance),
    /// Print the JSON Schema of the profile or rulebook format, for editors
    /// (yaml-language-server) and CI, or of the advice's JSON (`assessment`).
    Schema {
        /// Which format.
        #[arg(value_enum, default_value_t = SchemaKind::Profile)]
        kind: SchemaKind,
        #[command(flatten)]
        output: Output,
    },
    /// Print shell completions, e.g. `partner-org completions bash > ~/.local/share/bash-completion/completions/partner-org`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
        #[command(flatten)]
        output: Output,
    },
    /// Print the man page (roff), e.g. `partner-org man > partner-org.1`, or write one
    /// page per command with --dir.
    Man {
        /// Write partner-org.1 and one page per command (partner-org-advise.1, ...)
        /// into DIR, each referring to the others.
        #[arg(long, value_name = "DIR", conflicts_with = "output")]
        dir: Option<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn the_command_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
