//! SVG drawn natively with layout-rs: no Graphviz needed.
//!
//! layout-rs has no clusters, so each department gets its own fill colour; planned
//! roles (next and later) are drawn dashed, and alignments are dashed blue edges
//! labelled with their cadence. Text is sanitised by [`printable`](super::labels::printable)
//! before layout-rs escapes it, so the output is well-formed XML for any name.

use super::labels::{TITLE_WIDTH, department_color, lines, node_lines};
use super::{ChartRenderer, Style};
use crate::assessment::RoleStatus;
use crate::org::roadmap::Roadmap;
use crate::org::{LinkKind, OrgChart};
use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::io::{self, Write};

/// Native SVG.
pub struct Svg;

/// One font size everywhere: layout-rs keeps font classes in a hash map, and a single
/// class keeps the output byte-identical from run to run.
const FONT_SIZE: usize = 13;
const XML_HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#;

impl ChartRenderer for Svg {
    fn render_chart(&self, chart: &OrgChart, _: Style, out: &mut dyn Write) -> io::Result<()> {
        let drawing = draw(chart, "");
        writeln!(out, "{XML_HEADER}")?;
        writeln!(out, "{}", drawing.svg)
    }
}

/// A drawn chart: an `<svg>` element (no XML declaration) and its size.
pub struct Drawing {
    /// The `<svg>` element.
    pub svg: String,
    /// Width in pixels.
    pub width: f64,
    /// Height in pixels.
    pub height: f64,
}

/// Draws a chart; every id in the SVG starts with `prefix`, so that several drawings
/// can share one HTML page or one roadmap.
pub fn draw(chart: &OrgChart, prefix: &str) -> Drawing {
    let mut vg = VisualGraph::new(Orientation::LeftToRight);
    let departments = chart.departments();
    let mut handles = Vec::with_capacity(chart.graph.node_count());
    for (i, node) in chart.nodes() {
        let d = departments
            .iter()
            .position(|(name, _)| *name == node.department)
            .unwrap_or_default();
        let text = node_lines(node).join("\n");
        let shape = ShapeKind::new_box(&text);
        let (line, props) = match node.status {
            RoleStatus::Current => ("#333333ff", String::new()),
            RoleStatus::Next => ("#555555ff", "style=\"stroke-dasharray:6 4\"".to_string()),
            RoleStatus::Later => (
                "#999999ff",
                "style=\"stroke-dasharray:6 4\" opacity=\"0.8\"".to_string(),
            ),
        };
        let look = StyleAttr::new(
            Color::new(rgba(line)),
            if node.status == RoleStatus::Current {
                2
            } else {
                1
            },
            Some(Color::new(rgba(department_color(d)))),
            6,
            FONT_SIZE,
        );
        let size = get_shape_size(Orientation::LeftToRight, &shape, FONT_SIZE, false);
        let props = format!(
            "class=\"{} {}\" {props}",
            node_kind(node.kind),
            node.status.as_str()
        );
        let element =
            Element::create_with_properties(shape, look, Orientation::LeftToRight, size, props);
        debug_assert_eq!(handles.len(), i.index());
        handles.push(vg.add_node(element));
    }
    for (from, to, _) in chart.links(LinkKind::ReportsTo) {
        let look = StyleAttr::new(Color::new(rgba("#555555ff")), 2, None, 0, FONT_SIZE);
        let arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::None,
            LineStyleKind::Normal,
            "",
            &look,
            &None,
            &None,
        );
        vg.add_edge(arrow, handles[from.index()], handles[to.index()]);
    }
    for (from, to, link) in chart.links(LinkKind::AlignsWith) {
        let look = StyleAttr::new(Color::new(rgba("#1f6fb2ff")), 1, None, 0, FONT_SIZE);
        let text = lines(link.label.as_deref().unwrap_or_default(), 30, 1).remove(0);
        let arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            LineStyleKind::Dashed,
            &text,
            &look,
            &None,
            &None,
        );
        vg.add_edge(arrow, handles[from.index()], handles[to.index()]);
    }
    let mut writer = SVGWriter::new();
    vg.do_it(false, false, false, &mut writer);
    let raw = writer.finalize();
    let svg = raw.strip_prefix(XML_HEADER).unwrap_or(&raw);
    let width = dimension(svg, "width");
    let height = dimension(svg, "height");
    let title = xml_escape(&lines(&chart.title(), TITLE_WIDTH * 2, 1)[0]);
    let svg = svg
        .replacen('\n', &format!("\n<title>{title}</title>\n"), 1)
        .replace(
            "font-family: Times, serif",
            "font-family: Helvetica, Arial, sans-serif",
        )
        .replace("id=\"", &format!("id=\"{prefix}"))
        .replace("\"url(#", &format!("\"url(#{prefix}"))
        .replace("href=\"#", &format!("href=\"#{prefix}"));
    Drawing { svg, width, height }
}

/// The roadmap: one drawing per stage, stacked, each under a heading.
pub fn roadmap(roadmap: &Roadmap, out: &mut dyn Write) -> io::Result<()> {
    const HEADING: f64 = 36.0;
    let drawings: Vec<(String, Drawing)> = roadmap
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let a = &step.assessment;
            let heading = format!(
                "{} stage: {}, reporting to the {}",
                step.stage,
                a.placement.label(),
                a.reports_to
            );
            (heading, draw(&step.chart, &format!("s{i}_")))
        })
        .collect();
    let width = drawings.iter().map(|(_, d)| d.width).fold(600.0, f64::max);
    let height: f64 = drawings
        .iter()
        .map(|(_, d)| d.height + HEADING)
        .sum::<f64>()
        + HEADING;
    writeln!(out, "{XML_HEADER}")?;
    writeln!(
        out,
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">"
    )?;
    let title = xml_escape(
        &lines(
            &format!("{}: partnerships roadmap", roadmap.company),
            TITLE_WIDTH,
            1,
        )[0],
    );
    writeln!(out, "<title>{title}</title>")?;
    writeln!(
        out,
        "<text x=\"10\" y=\"24\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"18\" font-weight=\"bold\">{title}</text>"
    )?;
    let mut y = HEADING;
    for (heading, drawing) in &drawings {
        let heading = xml_escape(&lines(heading, TITLE_WIDTH * 2, 1)[0]);
        writeln!(
            out,
            "<text x=\"10\" y=\"{}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"15\">{heading}</text>",
            y + 24.0
        )?;
        y += HEADING;
        writeln!(
            out,
            "{}",
            drawing
                .svg
                .replacen("<svg ", &format!("<svg x=\"0\" y=\"{y}\" "), 1)
        )?;
        y += drawing.height;
    }
    writeln!(out, "</svg>")
}

fn node_kind(kind: crate::org::NodeKind) -> &'static str {
    match kind {
        crate::org::NodeKind::Executive => "executive",
        crate::org::NodeKind::Department => "department",
        crate::org::NodeKind::Role => "role",
        crate::org::NodeKind::Function => "function",
    }
}

/// `#rrggbb` or `#rrggbbaa` as layout-rs's `0xRRGGBBAA`.
fn rgba(hex: &str) -> u32 {
    let digits = hex.trim_start_matches('#');
    let value = u32::from_str_radix(digits, 16).unwrap_or(0);
    if digits.len() == 6 {
        value << 8 | 0xff
    } else {
        value
    }
}

/// The number in the first `name="..."` attribute of the SVG.
fn dimension(svg: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    svg.find(&key)
        .map(|i| &svg[i + key.len()..])
        .and_then(|rest| rest.split('"').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0)
}

/// Text escaped for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_sizes_are_read_back() {
        assert_eq!(rgba("#eef2f7"), 0xeef2f7ff);
        assert_eq!(rgba("#1f6fb2ff"), 0x1f6fb2ff);
        assert_eq!(
            dimension("<svg width=\"12.5\" height=\"3\">", "height"),
            3.0
        );
        assert_eq!(xml_escape("<a & 'b'>"), "&lt;a &amp; &apos;b&apos;&gt;");
    }
}
