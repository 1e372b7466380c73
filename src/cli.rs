//! The command line (clap only). Doc comments are the help text; `Cli::config` turns
//! the parsed arguments into plain settings for the rest of the program.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXIT_CODES: &str = "\
Exit codes:
  0    every input was evaluated (a closed pipe also ends quietly with 0)
  2    usage error
  65   at least one profile or rulebook is invalid (the others are still evaluated)
  66   an input cannot be read
  73   an output cannot be created, or exists and --force was not given
  74   I/O error while writing
  130  interrupted";

/// Where should the partnerships team report? A rule-based advisor built from
/// published guidance: sales, marketing, its own department, or a cross-functional
/// leader, with reasons, caveats, the team plan and the org chart.
#[derive(Debug, Parser)]
#[command(name = "partner-org", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: Global,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Write the output to FILE (atomically; refuses to overwrite without --force).
    #[arg(short, long, global = true, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the --output file if it exists.
    #[arg(long, global = true)]
    pub force: bool,

    /// When to use colour (NO_COLOR in the environment means never).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only the data: no progress, no notes, no error details on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Use this rulebook instead of the embedded one.
    #[arg(long, global = true, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// The largest profile document read, in bytes.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = 1 << 20)]
    pub max_bytes: usize,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Recommend where partnerships should report, for each profile.
    Advise(Advise),
    /// Check profiles without evaluating them.
    Validate(Validate),
    /// The rulebook: the catalogue of rules, or one rule in full.
    #[command(subcommand)]
    Rules(RulesCommand),
}

/// `advise`.
#[derive(Debug, Args)]
pub struct Advise {
    /// Profiles: files, directories (searched for *.yaml and *.yml), or - for stdin.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Show every rule that fired and what it added.
    #[arg(long)]
    pub explain: bool,

    /// Override one answer of every profile, e.g. --set program.maturity=scaling
    /// (lists: --set goals=reach,budget). Repeatable.
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub sets: Vec<String>,
}

/// `validate`.
#[derive(Debug, Args)]
pub struct Validate {
    /// Profiles: files, directories, or - for stdin.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Every rule: id, the guidance it cites, what it does.
    List,
    /// One rule in full, as YAML.
    Show {
        /// The rule's id.
        id: String,
    },
}

/// Output formats of `advise`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A report for one profile; a summary table for several.
    Text,
    /// JSON: one object, or an array for several profiles.
    Json,
    /// YAML: one document per profile.
    Yaml,
    /// Markdown, for wikis and client notes.
    Markdown,
    /// NDJSON: one JSON object per line, streamed as profiles are evaluated.
    Ndjson,
    /// CSV: one row per profile, with the columns listed in README.
    Csv,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        }
    }
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
