//! `partner-org man`: the man page, generated from the clap definitions.

use super::exit::Exit;
use super::sink;
use crate::cli::{Cli, Global};
use clap::CommandFactory;

/// Runs `man`.
pub fn run(g: &Global) -> anyhow::Result<Exit> {
    let man = clap_mangen::Man::new(Cli::command());
    sink(g).write(|out| man.render(out))?;
    Ok(Exit::Ok)
}
