//! JSON (the scripting contract) and YAML.

use super::{ChartRenderer, Outcome, Renderer, Style};
use crate::org::OrgChart;
use std::io::{self, Write};

/// Pretty JSON: one object for one profile, an array for several.
pub struct Json;

/// YAML: one document per profile.
pub struct Yaml;

impl Renderer for Json {
    fn render(&self, outcomes: &[Outcome], _: Style, out: &mut dyn Write) -> io::Result<()> {
        match outcomes {
            [one] => serde_json::to_writer_pretty(&mut *out, one)?,
            many => serde_json::to_writer_pretty(&mut *out, many)?,
        }
        writeln!(out)
    }
}

impl Renderer for Yaml {
    fn render(&self, outcomes: &[Outcome], _: Style, out: &mut dyn Write) -> io::Result<()> {
        for (i, outcome) in outcomes.iter().enumerate() {
            if i > 0 {
                writeln!(out, "---")?;
            }
            let text = yaml_serde::to_string(outcome).map_err(io::Error::other)?;
            out.write_all(text.as_bytes())?;
        }
        Ok(())
    }
}

/// The chart as pretty JSON: `{company, placement, stage, root, nodes, edges}`.
impl ChartRenderer for Json {
    fn render_chart(&self, chart: &OrgChart, _: Style, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &chart.record())?;
        writeln!(out)
    }
}
