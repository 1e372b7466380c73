//! `partner-org init`: the commented template profile.

use super::exit::Exit;
use super::output::Sink;
use crate::cli::{Global, Init};

/// Runs `init`: the template to PATH, else to `-o`, else to stdout.
pub fn run(g: &Global, i: &Init) -> anyhow::Result<Exit> {
    let template = partner_org::ask::template_yaml();
    let sink = Sink {
        path: i.path.clone().or_else(|| g.output.clone()),
        force: g.force,
    };
    sink.write(|out| out.write_all(template.as_bytes()))?;
    Ok(Exit::Ok)
}
