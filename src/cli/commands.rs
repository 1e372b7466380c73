//! Each command's own arguments, and the output formats and choices they offer.

use super::options::{ByteLimit, InputLimits, Output, RulebookChoice};
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

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
pub struct WhatIfArgs {
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
pub struct DiffArgs {
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
