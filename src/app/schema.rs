//! `partner-org schema`: the JSON Schema of profiles, rulebooks or the assessment
//! (`advise --format json`), generated from the types.

use super::exit::Exit;
use super::{json_line, sink};
use crate::cli::{Global, SchemaKind};
use partner_org::assessment::Assessment;
use partner_org::profile::Profile;
use partner_org::rules::Rulebook;

/// Runs `schema`.
pub fn run(g: &Global, kind: SchemaKind) -> anyhow::Result<Exit> {
    let schema = match kind {
        SchemaKind::Profile => schemars::schema_for!(Profile),
        SchemaKind::Rulebook => schemars::schema_for!(Rulebook),
        // Described as written: fields left out when empty (in the --explain trace)
        // are optional.
        SchemaKind::Assessment => schemars::generate::SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<Assessment<'static>>(),
    };
    sink(g).write(|out| json_line(&schema, out))?;
    Ok(Exit::Ok)
}
