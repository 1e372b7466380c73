//! `partner-org`: parse the command line, load, evaluate, render.

// See lib.rs: batch::Failed is large for the same reason and is never in a hot loop.
#![allow(clippy::result_large_err)]

mod cli;
mod commands;
mod output;

use clap::Parser;
use partner_org::exit::{Exit, Failure};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(exit) => exit.into(),
        Err(error) => {
            let exit = error
                .downcast_ref::<Failure>()
                .map_or(Exit::IoErr, |f| f.exit);
            let message = format!("{error:#}");
            if !message.is_empty() {
                eprintln!("partner-org: {message}");
            }
            exit.into()
        }
    }
}
