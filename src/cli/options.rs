//! The options several commands share (`--color`, `-q`, `-o`, `--rules`, the input
//! limits) and `Global`, the plain settings a command runs with.

use super::{Cli, Command, RulesCommand};
use clap::{Args, ValueEnum};
use std::path::PathBuf;

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

/// The shared options a command takes, each `None` where it does not take it:
/// `-o`/`--force`, `--rules`, `--max-bytes` with `--max-documents`, `--max-bytes` alone.
type SharedOptions<'a> = (
    Option<&'a Output>,
    Option<&'a RulebookChoice>,
    Option<&'a InputLimits>,
    Option<&'a ByteLimit>,
);

impl Command {
    /// Which of the shared options this command takes.
    fn shared_options(&self) -> SharedOptions<'_> {
        match self {
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
        }
    }
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
        let (output, rules, limits, bytes) = self.command.shared_options();
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
