//! `partner-org completions`: shell completions, generated from the clap definitions.

use super::exit::Exit;
use super::sink;
use crate::cli::{Cli, Global};
use clap::CommandFactory;
use clap_complete::Shell;

const BIN: &str = "partner-org";

/// Runs `completions SHELL`.
pub fn run(g: &Global, shell: Shell) -> anyhow::Result<Exit> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, BIN, &mut script);
    if shell == Shell::Bash {
        script = fix_bash_arms(&String::from_utf8(script)?).into_bytes();
    }
    sink(g).write(|out| out.write_all(&script))?;
    Ok(Exit::Ok)
}

/// clap_complete 4.6 (clap-rs/clap#6421, still open) names the bash `case` arms of a
/// hyphenated binary `partner__subcmd__org__subcmd__chart` while its dispatch loop
/// sets `partner__org__subcmd__chart`, so nothing after the subcommand completes.
/// Spelling the arms the way the loop does fixes it; once a release fixes the
/// generator there is nothing left to replace.
fn fix_bash_arms(script: &str) -> String {
    script.replace(&BIN.replace('-', "__subcmd__"), &BIN.replace('-', "__"))
}
