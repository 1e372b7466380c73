//! `partner-org`: parse the command line, load, evaluate, render.

// See lib.rs: located input errors are large and rare.
#![allow(clippy::result_large_err)]

mod app;
mod cli;

use app::exit::{Exit, ExitError, PREFIX};
use clap::Parser;
use std::io::Write as _;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match app::run(cli) {
        Ok(exit) => exit.into(),
        Err(error) => {
            let (exit, message) = match error.downcast_ref::<ExitError>() {
                Some(f) if f.message.is_empty() => (f.exit, String::new()),
                Some(f) => (f.exit, f.printed()),
                None => (Exit::IoErr, format!("{PREFIX}{error:#}")),
            };
            if !message.is_empty() {
                // Not eprintln!: it panics when stderr is closed.
                let _ = writeln!(std::io::stderr(), "{message}");
            }
            exit.into()
        }
    }
}
