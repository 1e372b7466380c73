//! `partner-org init`: the commented template profile.

use super::exit::Exit;
use super::output::Sink;
use crate::cli::{Global, Init};

/// Runs `init`: the template to PATH, else to `-o`, else to stdout; after writing a
/// file, says where and what to run next.
pub fn run(g: &Global, i: &Init) -> anyhow::Result<Exit> {
    let template = partner_org::ask::template_yaml();
    let sink = Sink {
        path: i.path.clone().or_else(|| g.output.clone()),
        force: g.force,
    };
    sink.write(|out| out.write_all(template.as_bytes()))?;
    if let Some(path) = sink.path.filter(|_| !g.quiet) {
        let path = path.display();
        eprintln!(
            "wrote the template profile to {path}\nnext: replace the example answers, then run `partner-org advise {path}`"
        );
    }
    Ok(Exit::Ok)
}
