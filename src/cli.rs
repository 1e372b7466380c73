//! The command line (clap only). Doc comments are the help text; `Cli::config` turns
//! the parsed arguments into plain settings for the rest of the program.

use clap::{Args, Parser, Subcommand, ValueEnum};
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

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// When to use colour. `auto` colours a terminal unless NO_COLOR is set; `always`
    /// and `never` win over NO_COLOR.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Print only the data: no progress, no notes, no error details on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// `-o` and `--force`, on the commands that write an output.
#[derive(Debug, Args)]
pub struct Output {
    /// Write the output to FILE (atomically; refuses to overwrite without --force).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Overwrite the --output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `--rules`, on the commands that evaluate profiles or show the rulebook.
#[derive(Debug, Args)]
pub struct RulebookChoice {
    /// Use this rulebook instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

/// `--max-bytes`, on the commands that read a profile or rulebook.
#[derive(Debug, Args)]
pub struct ByteLimit {
    /// The largest document read (profile or rulebook), in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
}

/// `--max-bytes` and `--max-documents`, on the commands that read profiles.
#[derive(Debug, Args)]
pub struct InputLimits {
    #[command(flatten)]
    pub bytes: ByteLimit,

    /// The most documents read from one input (file or stdin stream).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DOCUMENTS)]
    pub max_documents: usize,
}

const DEFAULT_MAX_BYTES: usize = 1 << 20;
const DEFAULT_MAX_DOCUMENTS: usize = 1_000_000;

/// The settings a command runs with, from the options it takes (the defaults for
/// those it does not).
#[derive(Debug)]
pub struct Global {
    /// `-o FILE`, or stdout.
    pub output: Option<PathBuf>,
    /// `--force`.
    pub force: bool,
    /// `--color`.
    pub color: ColorChoice,
    /// `-q`.
    pub quiet: bool,
    /// `--rules FILE`, or the embedded rulebook.
    pub rules: Option<PathBuf>,
    /// `--max-bytes`.
    pub max_bytes: usize,
    /// `--max-documents`.
    pub max_documents: usize,
}

impl Cli {
    /// The settings of the command given, from its options.
    pub fn global(&self) -> Global {
        let mut s = Global {
            output: None,
            force: false,
            color: self.global.color,
            quiet: self.global.quiet,
            rules: None,
            max_bytes: DEFAULT_MAX_BYTES,
            max_documents: DEFAULT_MAX_DOCUMENTS,
        };
        let (output, rules, limits, bytes) = match &self.command {
            Command::Advise(a) => (Some(&a.output), Some(&a.rulebook), Some(&a.limits), None),
            Command::Validate(v) => (Some(&v.output), None, Some(&v.limits), None),
            Command::Rules(r) => match r {
                RulesCommand::List { output, rulebook } => {
                    (Some(output), Some(rulebook), None, None)
                }
                RulesCommand::Show {
                    output,
                    rulebook,
                    bytes,
                    ..
                } => (Some(output), Some(rulebook), None, Some(bytes)),
                RulesCommand::Check {
                    output,
                    rulebook,
                    bytes,
                    ..
                } => (Some(output), Some(rulebook), None, Some(bytes)),
                RulesCommand::Test { output, limits, .. } => {
                    (Some(output), None, Some(limits), None)
                }
            },
            Command::Chart(c) => (Some(&c.output), Some(&c.rulebook), Some(&c.limits), None),
            Command::Roadmap(r) => (Some(&r.output), Some(&r.rulebook), Some(&r.limits), None),
            Command::Ask(a) => (None, Some(&a.rulebook), None, Some(&a.bytes)),
            Command::Init(i) => (Some(&i.output), None, None, None),
            Command::WhatIf(w) => (Some(&w.output), Some(&w.rulebook), Some(&w.limits), None),
            Command::Diff(d) => (Some(&d.output), Some(&d.rulebook), Some(&d.limits), None),
            Command::Guidance(g) => (Some(&g.output), Some(&g.rulebook), None, None),
            Command::Schema { output, .. }
            | Command::Completions { output, .. }
            | Command::Man { output, .. } => (Some(output), None, None, None),
        };
        if let Some(o) = output {
            s.output.clone_from(&o.output);
            s.force = o.force;
        }
        if let Command::Ask(a) = &self.command {
            s.force = a.force;
        }
        if let Some(r) = rules {
            s.rules.clone_from(&r.rules);
        }
        if let Some(l) = limits {
            s.max_bytes = l.bytes.max_bytes;
            s.max_documents = l.max_documents;
        }
        if let Some(b) = bytes {
            s.max_bytes = b.max_bytes;
        }
        s
    }
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
    /// the answers left at their defaults could change it.
    #[command(name = "what-if")]
    WhatIf(WhatIf),
    /// Compare two profiles, or one profile before and after --set: placement, scores,
    /// rules, roles and caveats.
    Diff(Diff),
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

/// `chart`.
#[derive(Debug, Args)]
pub struct Chart {
    /// One profile (a file, or - for stdin).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ChartFormat::Dot)]
    pub format: ChartFormat,

    /// The stage to design the team for.
    #[arg(long, value_enum, default_value_t = StageChoice::Now)]
    pub stage: StageChoice,

    #[command(flatten)]
    pub rulebook: RulebookChoice,

    #[command(flatten)]
    pub limits: InputLimits,

    #[command(flatten)]
    pub output: Output,
}

/// `roadmap`.
#[derive(Debug, Args)]
pub struct RoadmapArgs {
    /// One profile (a file, or - for stdin).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = RoadmapFormat::Text)]
    pub format: RoadmapFormat,

    #[command(flatten)]
    pub rulebook: RulebookChoice,

    #[command(flatten)]
    pub limits: InputLimits,

    #[command(flatten)]
    pub output: Output,
}

/// Output formats of `chart`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ChartFormat {
    /// Graphviz DOT, e.g. `partner-org chart p.yaml | dot -Tsvg > chart.svg`.
    Dot,
    /// A Mermaid flowchart, for wikis and Markdown.
    Mermaid,
    /// SVG drawn without Graphviz.
    Svg,
    /// JSON: nodes and edges with their attributes.
    Json,
    /// A tree in the terminal.
    Tree,
}

/// Output formats of `roadmap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoadmapFormat {
    /// Text, with the org chart of each stage as a tree.
    Text,
    /// Graphviz DOT with one cluster per stage.
    Dot,
    /// SVG drawn without Graphviz, one chart per stage.
    Svg,
}

/// The stage `chart` designs the team for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageChoice {
    /// The stage the profile's program maturity gives.
    Now,
    /// Early: generalists.
    Early,
    /// Mid: specialists appear.
    Mid,
    /// Scale: a matrix by function and partner segment.
    Scale,
}

/// `ask`.
#[derive(Debug, Args)]
pub struct Ask {
    /// Start from this profile (complete, or a recovery file), each answer pre-filled.
    #[arg(long, value_name = "PATH")]
    pub from: Option<PathBuf>,

    /// Save the profile here without asking (refuses to overwrite without --force).
    #[arg(short = 'o', long, visible_alias = "output", value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// Overwrite the --out file if it exists.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub rulebook: RulebookChoice,

    #[command(flatten)]
    pub bytes: ByteLimit,
}

/// `init`.
#[derive(Debug, Args)]
pub struct Init {
    /// Where to write the template (refuses to overwrite without --force); the same
    /// as -o PATH.
    #[arg(value_name = "PATH", conflicts_with = "output")]
    pub path: Option<PathBuf>,

    #[command(flatten)]
    pub output: Output,
}

/// `guidance`.
#[derive(Debug, Args)]
pub struct Guidance {
    /// One point, e.g. D6; without it, every point.
    #[arg(value_name = "ID")]
    pub id: Option<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    #[command(flatten)]
    pub rulebook: RulebookChoice,

    #[command(flatten)]
    pub output: Output,
}

/// `what-if`.
#[derive(Debug, Args)]
pub struct WhatIf {
    /// The profile (one document).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    #[command(flatten)]
    pub rulebook: RulebookChoice,

    #[command(flatten)]
    pub limits: InputLimits,

    #[command(flatten)]
    pub output: Output,
}

/// `diff`.
#[derive(Debug, Args)]
pub struct Diff {
    /// The profile before.
    #[arg(value_name = "A")]
    pub before: PathBuf,

    /// The profile after; without it, A with the --set overrides.
    #[arg(value_name = "B")]
    pub after: Option<PathBuf>,

    /// Override one answer of the profile after, e.g. --set company.marketing_team=0.
    /// Repeatable.
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub sets: Vec<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    #[command(flatten)]
    pub rulebook: RulebookChoice,

    #[command(flatten)]
    pub limits: InputLimits,

    #[command(flatten)]
    pub output: Output,
}

/// The formats of `what-if` and `diff`: text for people, JSON for
/// scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A report for people.
    Text,
    /// JSON.
    Json,
}

/// The formats `schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// A company profile.
    Profile,
    /// A rulebook (`--rules FILE`).
    Rulebook,
    /// One assessment, as `advise --format json` writes it (an array of them for
    /// several profiles, one per line with ndjson).
    Assessment,
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

    /// Show how the recommendation was reached: every rule with its condition
    /// evaluated against the answers, what it added, the score sums, and why the
    /// runner-up lost (in JSON and YAML: a `trace` field).
    #[arg(long)]
    pub explain: bool,

    /// Override one answer of every profile, e.g. --set program.maturity=scaling
    /// (lists: --set goals=reach,budget; shares: --set program.revenue_share=15% or
    /// 0.15; yes/no: true, false, yes or no). Repeatable.
    #[arg(long = "set", value_name = "FIELD=VALUE")]
    pub sets: Vec<String>,

    #[command(flatten)]
    pub rulebook: RulebookChoice,

    #[command(flatten)]
    pub limits: InputLimits,

    #[command(flatten)]
    pub output: Output,
}

/// `validate`.
#[derive(Debug, Args)]
pub struct Validate {
    /// Profiles: files, directories, or - for stdin.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub limits: InputLimits,

    #[command(flatten)]
    pub output: Output,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Every rule: id, the guidance it cites, what it does.
    List {
        #[command(flatten)]
        rulebook: RulebookChoice,
        #[command(flatten)]
        output: Output,
    },
    /// One rule in full, as YAML; without an ID, the whole rulebook as written (copy
    /// it with `-o my-rules.yaml` to start your own).
    Show {
        /// The rule's id.
        id: Option<String>,

        #[command(flatten)]
        rulebook: RulebookChoice,

        #[command(flatten)]
        bytes: ByteLimit,
        #[command(flatten)]
        output: Output,
    },
    /// Lint a rulebook (default: --rules, or the embedded one): rules that can never
    /// fire, rules with no effect, duplicates that contradict each other. Exits with 65
    /// when it finds a problem.
    Check {
        /// The rulebook.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,

        #[command(flatten)]
        rulebook: RulebookChoice,

        #[command(flatten)]
        bytes: ByteLimit,
        #[command(flatten)]
        output: Output,
    },
    /// Run fixture profiles that state their expected placement (a comment line
    /// `# expect: sales`) against a rulebook. Exits with 65 when one fails.
    Test {
        /// The rulebook.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Fixture profiles: files or directories.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,

        #[command(flatten)]
        limits: InputLimits,
        #[command(flatten)]
        output: Output,
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
    /// One self-contained HTML page with the org chart, to send or print.
    Html,
    /// NDJSON: one JSON object per line, streamed as profiles are evaluated.
    Ndjson,
    /// CSV: one row per profile; columns: source, document, profile, placement,
    /// reports_to, confidence, score_sales, score_marketing, score_standalone,
    /// score_cross_functional, runner_up, stage, top_reason, error, overrides,
    /// sources, confidence_label.
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
