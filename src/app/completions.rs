//! `partner-org completions`: shell completions, generated from the clap definitions.

use super::exit::Exit;
use super::sink;
use crate::cli::{Cli, Global};
use clap::CommandFactory;
use clap_complete::Shell;

/// Runs `completions SHELL`.
pub fn run(g: &Global, shell: Shell) -> anyhow::Result<Exit> {
    let mut command = Cli::command();
    sink(g).write(|out| {
        clap_complete::generate(shell, &mut command, "partner-org", out);
        Ok(())
    })?;
    Ok(Exit::Ok)
}
