//! `partner-org roadmap`: how placement and chart change from early to mid to scale.

use super::exit::{Exit, ExitError};
use super::{load_one, load_rulebook, sink, text_style};
use crate::cli::{Global, RoadmapArgs, RoadmapFormat};
use partner_org::org::roadmap::Roadmap;
use partner_org::render;

/// Runs `roadmap`.
pub fn run(g: &Global, r: &RoadmapArgs) -> anyhow::Result<Exit> {
    let rulebook = load_rulebook(g)?;
    let (source, profile) = load_one(g, &r.path)?;
    let roadmap = Roadmap::project(&rulebook, &source, &profile).map_err(|v| {
        ExitError::new(
            Exit::DataErr,
            format!(
                "{source}: cannot project {}: {}: {}; {}",
                profile.name, v.field, v.message, v.help
            ),
        )
    })?;
    let style = text_style(g, false);
    sink(g).write(|out| match r.format {
        RoadmapFormat::Text => render::report::roadmap::text(&roadmap, style, out),
        RoadmapFormat::Dot => render::chart::dot::roadmap(&roadmap, out),
        RoadmapFormat::Svg => render::chart::svg::roadmap(&roadmap, out),
    })?;
    Ok(Exit::Ok)
}
