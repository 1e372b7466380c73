//! SVG drawn natively with layout-rs: no Graphviz needed.
//!
//! layout-rs has no clusters, so each department gets its own fill colour, named in
//! a key under the chart; planned roles (next and later) are drawn dashed, and
//! alignments are dashed blue edges labelled with their cadence. Text is sanitised
//! by [`printable`](crate::render::labels::printable) before layout-rs escapes it, so the
//! output is well-formed XML for any name.

use crate::assessment::RoleStatus;
use crate::org::roadmap::Roadmap;
use crate::org::{LinkKind, OrgChart};
use crate::render::labels::{TITLE_WIDTH, department_colors, lines, node_lines};
use crate::render::{ChartRenderer, Style};
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
    let names: Vec<&str> = departments.iter().map(|(name, _)| *name).collect();
    let colors = department_colors(&names);
    let mut handles = Vec::with_capacity(chart.graph.node_count());
    for (i, node) in chart.nodes() {
        let d = departments
            .iter()
            .position(|(name, _)| *name == node.department)
            .unwrap_or_default();
        let text = node_lines(node).join("\n");
        let shape = ShapeKind::new_box(&text);
        let (line, width, props) = border(node.status);
        let look = StyleAttr::new(
            Color::new(rgba(line)),
            width,
            Some(Color::new(rgba(colors[d]))),
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
        let look = StyleAttr::new(Color::new(rgba(ALIGNMENT)), 1, None, 0, FONT_SIZE);
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
    let key = Key::of(
        &names,
        &colors,
        dimension(svg, "width"),
        dimension(svg, "height"),
    );
    let (width, height) = (key.width, key.height);
    let title = xml_escape(&lines(&chart.title(), TITLE_WIDTH * 2, 1)[0]);
    // The drawing's opening tag and its last line (`</svg>`) make room for the key.
    let body = svg.split_once('\n').map_or("", |(_, rest)| rest);
    let body = body.trim_end().strip_suffix("</svg>").unwrap_or(body);
    let svg = format!(
        "<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>{title}</title>\n{body}{}</svg>",
        key.svg
    );
    let svg = svg
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

/// How a node's border shows its status: colour, width, and more SVG attributes.
fn border(status: RoleStatus) -> (&'static str, usize, &'static str) {
    match status {
        RoleStatus::Current => ("#333333", 2, ""),
        RoleStatus::Next => ("#555555", 1, "style=\"stroke-dasharray:6 4\""),
        RoleStatus::Later => (
            "#999999",
            1,
            "style=\"stroke-dasharray:6 4\" opacity=\"0.8\"",
        ),
    }
}

/// The colour of an alignment edge.
const ALIGNMENT: &str = "#1f6fb2";

/// The key under a chart: the fill colour of each department, and how a node's
/// border and an alignment look. In Graphviz's drawing each department is a labelled
/// box around its nodes; here the colours alone would not say which is which.
struct Key {
    /// A `<g>` element.
    svg: String,
    /// The size of the chart with the key.
    width: f64,
    height: f64,
}

impl Key {
    const ROW: f64 = 24.0;
    /// Roughly how wide a character of the key's text is, to space its entries.
    const CHAR: f64 = 7.2;

    /// The key for `departments` in their `colors` under a drawing of the given size.
    fn of(departments: &[&str], colors: &[&str], width: f64, height: f64) -> Key {
        // A small node, its baseline at y = 0 like the text beside it.
        let swatch = |fill: &str, status: RoleStatus| {
            let (stroke, width, props) = border(status);
            format!(
                "<rect x=\"0\" y=\"-11\" width=\"22\" height=\"14\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\" {props}/>"
            )
        };
        let departments = departments
            .iter()
            .zip(colors)
            .map(|(name, color)| {
                let label = xml_escape(&lines(name, 40, 1)[0]);
                (label, swatch(color, RoleStatus::Current))
            })
            .collect();
        let roles = [
            (RoleStatus::Current, "in place"),
            (RoleStatus::Next, "to hire next"),
            (RoleStatus::Later, "later"),
        ]
        .map(|(status, label)| (label.to_string(), swatch("#ffffff", status)))
        .into_iter()
        .chain([(
            "alignment, with its cadence".to_string(),
            format!(
                "<line x1=\"0\" y1=\"-4\" x2=\"22\" y2=\"-4\" stroke=\"{ALIGNMENT}\" stroke-dasharray=\"6 4\"/>"
            ),
        )])
        .collect();
        let rows: [(&str, Vec<(String, String)>); 2] =
            [("Departments", departments), ("Roles", roles)];
        let room = width.max(600.0) - 10.0;
        let mut out = format!(
            "<g class=\"key\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"{FONT_SIZE}\">\n"
        );
        // Entries start in one column, after the longest caption.
        let indent = 10.0 + ("Departments".len() as f64 + 3.0) * Self::CHAR;
        let mut y = height + Self::ROW;
        let mut widest: f64 = 0.0;
        for (caption, entries) in rows {
            out.push_str(&format!(
                "<text x=\"10\" y=\"{y:.1}\" font-weight=\"bold\">{caption}</text>\n"
            ));
            let mut x = indent;
            for (label, mark) in entries {
                let step = 30.0 + label.chars().count() as f64 * Self::CHAR + 16.0;
                if x + step > room && x > indent {
                    x = indent;
                    y += Self::ROW;
                }
                out.push_str(&format!(
                    "<g transform=\"translate({x:.1} {y:.1})\">{mark}<text x=\"30\" y=\"0\">{label}</text></g>\n"
                ));
                x += step;
                widest = widest.max(x);
            }
            y += Self::ROW;
        }
        out.push_str("</g>\n");
        Key {
            svg: out,
            width: width.max(widest),
            height: y,
        }
    }
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
