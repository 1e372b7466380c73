//! `partner-org init`: the commented template profile.

use crate::cli::{Global, Init};
use crate::output::Sink;
use partner_org::exit::Exit;

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
