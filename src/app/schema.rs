//! `partner-org schema`: the JSON Schema of profiles or rulebooks.

use super::exit::Exit;
use super::{json_line, sink};
use crate::cli::{Global, SchemaKind};
use partner_org::profile::Profile;
use partner_org::rules::Rulebook;

/// Runs `schema`.
pub fn run(g: &Global, kind: SchemaKind) -> anyhow::Result<Exit> {
    let schema = match kind {
        SchemaKind::Profile => schemars::schema_for!(Profile),
        SchemaKind::Rulebook => schemars::schema_for!(Rulebook),
    };
    sink(g).write(|out| json_line(&schema, out))?;
    Ok(Exit::Ok)
}
