//! The chart as JSON, through the same [`Json`] format as the report.

use crate::org::OrgChart;
use crate::render::{ChartRenderer, Json, Style};
use std::io::{self, Write};

/// The chart as pretty JSON: `{company, placement, stage, root, nodes, edges}`.
impl ChartRenderer for Json {
    fn render_chart(&self, chart: &OrgChart, _: Style, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &chart.record())?;
        writeln!(out)
    }
}
