//! `partner-org chart`: the org chart of one profile, now or at a given stage.

use super::exit::Exit;
use super::{load_one, load_rulebook, sink, text_style};
use crate::cli::{Chart, ChartFormat, Global, StageChoice};
use partner_org::assessment::Stage;
use partner_org::org::OrgChart;
use partner_org::render::{self, ChartRenderer};
use partner_org::rules::engine::Options;

/// Runs `chart`.
pub fn run(g: &Global, c: &Chart) -> anyhow::Result<Exit> {
    let rulebook = load_rulebook(g)?;
    let (source, profile) = load_one(g, &c.path)?;
    let stage = match c.stage {
        StageChoice::Now => None,
        StageChoice::Early => Some(Stage::Early),
        StageChoice::Mid => Some(Stage::Mid),
        StageChoice::Scale => Some(Stage::Scale),
    };
    let assessment = rulebook.assess(
        source,
        &profile,
        Options {
            stage,
            ..Options::default()
        },
    );
    let chart = OrgChart::from_assessment(&assessment);
    let renderer: &dyn ChartRenderer = match c.format {
        ChartFormat::Dot => &render::Dot,
        ChartFormat::Mermaid => &render::Mermaid,
        ChartFormat::Svg => &render::Svg,
        ChartFormat::Json => &render::Json,
        ChartFormat::Tree => &render::Tree,
    };
    let style = text_style(g, false);
    sink(g).write(|out| renderer.render_chart(&chart, style, out))?;
    Ok(Exit::Ok)
}
