//! `partner-org advise`: the recommendation for each profile, in the chosen format.

use super::exit::Exit;
use super::report::{self, Layout};
use super::{batch_settings, load_rulebook, parse_overrides, sink, text_style};
use crate::cli::{Advise, Format, Global};
use partner_org::batch;
use partner_org::render;

/// Runs `advise`.
pub fn run(g: &Global, a: &Advise) -> anyhow::Result<Exit> {
    let rulebook = load_rulebook(g)?;
    let overrides = parse_overrides(&a.sets)?;
    let style = text_style(g, a.explain);
    let ndjson;
    let layout = match a.format {
        Format::Text => Layout::Summary,
        Format::Json => Layout::Streamed(&render::Json),
        Format::Yaml => Layout::Streamed(&render::Yaml),
        Format::Markdown => Layout::Streamed(&render::Markdown),
        Format::Ndjson => {
            ndjson = render::Ndjson::new(&rulebook);
            Layout::Streamed(&ndjson)
        }
        Format::Csv => Layout::Streamed(&render::Csv),
        Format::Html => Layout::Streamed(&render::Html),
    };
    let settings = batch_settings(g, layout, style);
    let inputs = batch::inputs(&a.paths);
    sink(g).write(|out| report::advise(inputs, settings, &rulebook, &overrides, out))
}
