//! SVG drawn natively: no Graphviz needed.
//!
//! A top-down org chart in the tidy layout: a title; boxes sized to
//! their wrapped text (never cut), filled with their department's colour, their
//! border saying in place (solid), next (dashed) or later (dashed, grey); leaf
//! reports stacked; departments with a team of their own framed and labelled. Dotted
//! alignment lines are routed around boxes and carry a number; the
//! cadence behind each number is listed under the chart, after a legend. Text is
//! sanitised and escaped, so the output is well-formed XML for any name.

use super::route::{MARGIN, Router, place_tag};
use super::tidy::{self, Point, Rect, Tree};
use crate::assessment::RoleStatus;
use crate::org::roadmap::Roadmap;
use crate::org::{LinkKind, NodeIndex, NodeKind, OrgChart};
use crate::render::labels::{department_colors, printable, stage_heading, text_width, wrap_px};
use crate::render::{ChartRenderer, Style};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Native SVG.
pub struct Svg;

/// The size of body text; the HTML report never shows it smaller.
const FONT: f64 = 13.0;
/// The size of the chart's title.
const TITLE: f64 = 17.0;
/// Space inside a box around its text.
const PAD: (f64, f64) = (10.0, 7.0);
/// The widest a box's text runs before it wraps.
const BOX_TEXT: f64 = 190.0;
/// Space around the whole drawing.
const EDGE: f64 = 16.0;
/// The narrowest drawing, so that the legend and the cadence list have room.
const MIN_WIDTH: f64 = 640.0;
/// The size of an alignment's numbered tag.
const TAG: (f64, f64) = (20.0, 18.0);
const ALIGNMENT: &str = "#1f6fb2";
const FONTS: &str = "Helvetica, Arial, sans-serif";
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

/// Lines of text to draw from a top-left corner.
struct Block {
    lines: Vec<String>,
    size: f64,
    bold: bool,
}

impl Block {
    fn new(text: &str, max: f64, size: f64, bold: bool) -> Block {
        Block {
            lines: wrap_px(text, max, size, bold),
            size,
            bold,
        }
    }
    fn line_height(&self) -> f64 {
        (self.size * 1.25).round()
    }
    fn width(&self) -> f64 {
        self.lines
            .iter()
            .map(|l| text_width(l, self.size, self.bold))
            .fold(0.0, f64::max)
    }
    fn height(&self) -> f64 {
        self.lines.len() as f64 * self.line_height()
    }
    /// A `<text>` element with a `<tspan>` per line, its first line's top at `y`.
    fn svg(&self, x: f64, y: f64, attributes: &str) -> String {
        let weight = if self.bold {
            " font-weight=\"bold\""
        } else {
            ""
        };
        let mut out = format!(
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{}\"{weight}{attributes}>",
            y + self.size,
            self.size
        );
        for (i, line) in self.lines.iter().enumerate() {
            let dy = if i == 0 { 0.0 } else { self.line_height() };
            let _ = write!(
                out,
                "<tspan x=\"{x:.1}\" dy=\"{dy}\">{}</tspan>",
                xml_escape(line)
            );
        }
        out.push_str("</text>");
        out
    }
}

/// A node's text: its title, then its detail in smaller grey type.
fn node_text(node: &crate::org::Node) -> (Block, Option<Block>) {
    let title = Block::new(
        &node.title,
        BOX_TEXT,
        FONT,
        node.kind == NodeKind::Executive,
    );
    let detail = node
        .detail
        .as_deref()
        .map(|d| Block::new(d, BOX_TEXT, FONT - 1.0, false));
    (title, detail)
}

/// Draws a chart; every id in the SVG starts with `prefix`, so that several drawings
/// can share one HTML page or one roadmap.
pub fn draw(chart: &OrgChart, prefix: &str) -> Drawing {
    let n = chart.graph.node_count();
    let departments = chart.departments();
    let names: Vec<&str> = departments.iter().map(|(name, _)| *name).collect();
    let colors = department_colors(&names);
    let color = |i: usize| {
        let d = &chart.graph[NodeIndex::new(i)].department;
        colors[names.iter().position(|x| x == d).unwrap_or_default()]
    };

    // The tree: every node hangs under its manager; a node without one under the root.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut parent: Vec<Option<usize>> = vec![None; n];
    for (i, _) in chart.nodes() {
        for r in chart.reports(i) {
            if parent[r.index()].is_none() && r != chart.root {
                parent[r.index()] = Some(i.index());
                children[i.index()].push(r.index());
            }
        }
    }
    for (i, p) in parent.iter_mut().enumerate() {
        if p.is_none() && i != chart.root.index() {
            *p = Some(chart.root.index());
            children[chart.root.index()].push(i);
        }
    }
    let texts: Vec<(Block, Option<Block>)> =
        chart.nodes().map(|(_, node)| node_text(node)).collect();
    let sizes: Vec<(f64, f64)> = texts
        .iter()
        .map(|(t, d)| {
            let w = d.as_ref().map_or(t.width(), |d| t.width().max(d.width()));
            let h = t.height() + d.as_ref().map_or(0.0, Block::height);
            ((w + 2.0 * PAD.0).max(90.0).ceil(), (h + 2.0 * PAD.1).ceil())
        })
        .collect();
    let frame_labels: Vec<Option<Block>> = (0..n)
        .map(|i| {
            framed(chart, &parent, &children, i).then(|| {
                let d = &chart.graph[NodeIndex::new(i)].department;
                Block::new(d, 400.0, FONT - 1.0, true)
            })
        })
        .collect();
    let frames: Vec<Option<(f64, f64)>> = frame_labels
        .iter()
        .map(|b| b.as_ref().map(|b| (b.width().ceil() + 2.0, b.height())))
        .collect();
    let mut layout = tidy::layout(&Tree {
        sizes: &sizes,
        children: &children,
        frames: &frames,
        root: chart.root.index(),
    });

    // The title above, the tree under it, then the legend and the cadence.
    let room = (layout.width + 2.0 * EDGE).max(MIN_WIDTH);
    let title = Block::new(&chart.title(), room - 2.0 * EDGE, TITLE, true);
    let top = EDGE + title.height() + 2.0 * MARGIN + 6.0;
    let left = EDGE + 2.0 * MARGIN + ((room - 2.0 * EDGE - layout.width) / 2.0).max(0.0);
    shift(&mut layout, left, top);
    let width = room + 4.0 * MARGIN;

    let mut svg = String::new();
    let _ = writeln!(svg, "<g class=\"frames\" font-family=\"{FONTS}\">");
    for f in &layout.frames {
        let _ = writeln!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"10\" fill=\"{}\" fill-opacity=\"0.45\" stroke=\"#9a9a9a\"/>",
            f.rect.x,
            f.rect.y,
            f.rect.w,
            f.rect.h,
            color(f.node)
        );
        if let Some(label) = &frame_labels[f.node] {
            let _ = writeln!(
                svg,
                "{}",
                label.svg(
                    f.label.x,
                    f.label.y,
                    " fill=\"#444444\" class=\"department\""
                )
            );
        }
    }
    svg.push_str("</g>\n");
    let mut path = String::new();
    for ((ax, ay), (bx, by)) in &layout.lines {
        let _ = write!(path, "M{ax:.1} {ay:.1}L{bx:.1} {by:.1}");
    }
    let _ = writeln!(
        svg,
        "<path class=\"reports\" d=\"{path}\" fill=\"none\" stroke=\"#666666\" stroke-width=\"1.5\"/>"
    );
    for (i, node) in chart.nodes() {
        let r = layout.boxes[i.index()];
        let (line, stroke, dash, ink) = border(node.status);
        let (title_text, detail) = &texts[i.index()];
        let tooltip = xml_escape(&crate::render::labels::tooltip(&node.tooltip, &node.rules));
        let _ = writeln!(
            svg,
            "<g class=\"node {} {}\" id=\"{prefix}{}\"><title>{tooltip}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"{}\" stroke=\"{line}\" stroke-width=\"{stroke}\"{dash}/>{}{}</g>",
            node_kind(node.kind),
            node.status.as_str(),
            crate::org::node_id(i),
            r.x,
            r.y,
            r.w,
            r.h,
            color(i.index()),
            title_text.svg(r.x + PAD.0, r.y + PAD.1, &format!(" fill=\"{ink}\"")),
            detail.as_ref().map_or(String::new(), |d| d.svg(
                r.x + PAD.0,
                r.y + PAD.1 + title_text.height(),
                " fill=\"#555555\""
            )),
        );
    }

    // Alignment lines, around every box and label, each with its number.
    let mut obstacles: Vec<Rect> = layout.boxes.clone();
    obstacles.extend(layout.frames.iter().map(|f| f.label));
    let bounds = Rect::new(
        left - 2.0 * MARGIN,
        top - 2.0 * MARGIN,
        layout.width + 4.0 * MARGIN,
        layout.height + 4.0 * MARGIN,
    );
    let alignments: Vec<_> = chart.links(LinkKind::AlignsWith).collect();
    let ends: Vec<Rect> = alignments
        .iter()
        .flat_map(|(a, b, _)| [layout.boxes[a.index()], layout.boxes[b.index()]])
        .collect();
    let mut soft: Vec<Rect> = layout.frames.iter().map(|f| f.rect).collect();
    soft.extend(layout.lines.iter().map(|(a, b)| {
        Rect::new(
            a.0.min(b.0),
            a.1.min(b.1),
            (a.0 - b.0).abs(),
            (a.1 - b.1).abs(),
        )
        .inflate(5.0)
    }));
    let router = Router::new(&obstacles, &soft, &ends, bounds);
    let routes: Vec<Option<Vec<Point>>> = alignments
        .iter()
        .map(|(a, b, _)| router.route(&layout.boxes[a.index()], &layout.boxes[b.index()]))
        .collect();
    let mut avoid = obstacles.clone();
    let mut lines: Vec<(Point, Point)> = layout.lines.clone();
    let segments = |r: &[Point]| r.windows(2).map(|w| (w[0], w[1])).collect::<Vec<_>>();
    let _ = writeln!(
        svg,
        "<g class=\"alignments\" font-family=\"{FONTS}\" fill=\"none\" stroke=\"{ALIGNMENT}\">"
    );
    let mut number = 0;
    for (k, route) in routes.iter().enumerate() {
        let Some(route) = route else { continue };
        number += 1;
        let others: Vec<(Point, Point)> = routes
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .filter_map(|(_, r)| r.as_deref())
            .flat_map(segments)
            .chain(lines.iter().copied())
            .collect();
        let (tag, parts) = match place_tag(route, TAG, &avoid, &others) {
            Some((tag, parts)) => (Some(tag), parts),
            None => (None, vec![route.clone()]),
        };
        let mut d = String::new();
        for part in &parts {
            for (j, (x, y)) in part.iter().enumerate() {
                let _ = write!(d, "{}{x:.1} {y:.1}", if j == 0 { "M" } else { "L" });
            }
            lines.extend(segments(part));
        }
        let _ = writeln!(
            svg,
            "<path class=\"aligns\" d=\"{d}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>"
        );
        if let Some(t) = tag {
            let _ = writeln!(svg, "{}", tag_svg(t.x, t.y, number));
            avoid.push(t);
        }
    }
    svg.push_str("</g>\n");

    // The legend, then the cadence behind each number.
    let mut y = top + layout.height + 3.0 * MARGIN;
    let (legend, legend_height) = legend(&names, &colors, EDGE, y, width - 2.0 * EDGE);
    svg.push_str(&legend);
    y += legend_height;
    if routes.iter().any(Option::is_some) {
        let heading = Block::new("Alignment cadence", 400.0, FONT, true);
        let _ = writeln!(svg, "{}", heading.svg(EDGE, y, ""));
        y += heading.height() + 6.0;
    }
    number = 0;
    for ((from, to, link), route) in alignments.iter().zip(&routes) {
        if route.is_none() {
            continue;
        }
        number += 1;
        let text = format!(
            "{} with {}: {}",
            chart.graph[*from].title,
            chart.graph[*to].title,
            link.label.as_deref().unwrap_or_default()
        );
        let indent = TAG.0 + 10.0;
        let block = Block::new(&text, width - 2.0 * EDGE - indent, FONT, false);
        let _ = writeln!(
            svg,
            "<g class=\"cadence\">{}{}</g>",
            tag_svg(EDGE, y, number),
            block.svg(EDGE + indent, y + 1.0, "")
        );
        y += block.height().max(TAG.1) + 6.0;
    }
    let height = y + EDGE;
    let mut out = format!(
        "<svg width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"{FONTS}\">\n<title>{}</title>\n",
        xml_escape(&printable(&chart.title()))
    );
    let _ = writeln!(out, "{}", title.svg(EDGE, EDGE, " class=\"title\""));
    out.push_str(&svg);
    out.push_str("</svg>");
    Drawing {
        svg: out,
        width: width.ceil(),
        height: height.ceil(),
    }
}

fn shift(layout: &mut tidy::Layout, dx: f64, dy: f64) {
    let move_rect = |r: &mut Rect| {
        r.x += dx;
        r.y += dy;
    };
    layout.boxes.iter_mut().for_each(move_rect);
    for f in &mut layout.frames {
        move_rect(&mut f.rect);
        move_rect(&mut f.label);
    }
    for (a, b) in &mut layout.lines {
        *a = (a.0 + dx, a.1 + dy);
        *b = (b.0 + dx, b.1 + dy);
    }
}

/// Whether a node's subtree is framed as its department: the node heads a
/// department (its manager is in another), has reports, and holds every node of
/// its department and of any other department in its subtree.
fn framed(chart: &OrgChart, parent: &[Option<usize>], children: &[Vec<usize>], i: usize) -> bool {
    let department = |k: usize| chart.graph[NodeIndex::new(k)].department.as_str();
    let Some(p) = parent[i] else { return false };
    if children[i].is_empty() || department(p) == department(i) {
        return false;
    }
    let mut inside = vec![false; children.len()];
    let mut todo = vec![i];
    while let Some(k) = todo.pop() {
        inside[k] = true;
        todo.extend(&children[k]);
    }
    let held: Vec<&str> = (0..children.len())
        .filter(|&k| inside[k])
        .map(department)
        .collect();
    (0..children.len()).all(|k| inside[k] || !held.contains(&department(k)))
}

/// A numbered tag with its top-left corner at `x`, `y`.
fn tag_svg(x: f64, y: f64, number: usize) -> String {
    format!(
        "<g class=\"tag\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{}\" height=\"{}\" rx=\"9\" fill=\"#ffffff\" stroke=\"{ALIGNMENT}\" stroke-width=\"1.5\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{ALIGNMENT}\" stroke=\"none\">{number}</text></g>",
        TAG.0,
        TAG.1,
        x + TAG.0 / 2.0,
        y + TAG.1 / 2.0 + 4.0
    )
}

/// The roadmap: one drawing per stage, stacked, each under a heading.
pub fn roadmap(roadmap: &Roadmap, out: &mut dyn Write) -> io::Result<()> {
    const HEADING: f64 = 36.0;
    let drawings: Vec<(String, Drawing)> = roadmap
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| (stage_heading(step), draw(&step.chart, &format!("s{i}_"))))
        .collect();
    let width = drawings.iter().map(|(_, d)| d.width).fold(600.0, f64::max);
    let title = Block::new(
        &format!("{}: partnerships roadmap", roadmap.company),
        width - 2.0 * EDGE,
        TITLE + 2.0,
        true,
    );
    let mut body = String::new();
    let mut y = EDGE + title.height() + 8.0;
    for (heading, drawing) in &drawings {
        let heading = Block::new(heading, width - 2.0 * EDGE, 15.0, true);
        let _ = writeln!(body, "{}", heading.svg(EDGE, y, " fill=\"#333333\""));
        y += heading.height().max(HEADING - 16.0) + 4.0;
        let _ = writeln!(
            body,
            "{}",
            drawing
                .svg
                .replacen("<svg ", &format!("<svg x=\"0\" y=\"{y:.0}\" "), 1)
        );
        y += drawing.height + 12.0;
    }
    let height = y + EDGE;
    writeln!(out, "{XML_HEADER}")?;
    writeln!(
        out,
        "<svg width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"{FONTS}\">"
    )?;
    writeln!(
        out,
        "<title>{}</title>",
        xml_escape(&printable(&format!(
            "{}: partnerships roadmap",
            roadmap.company
        )))
    )?;
    writeln!(out, "{}", title.svg(EDGE, EDGE, ""))?;
    write!(out, "{body}")?;
    writeln!(out, "</svg>")
}

/// How a node's border shows its status: colour, width, dashes, and the text colour.
fn border(status: RoleStatus) -> (&'static str, f64, &'static str, &'static str) {
    match status {
        RoleStatus::Current => ("#333333", 1.5, "", "#111111"),
        RoleStatus::Next => ("#444444", 1.5, " stroke-dasharray=\"6 4\"", "#111111"),
        RoleStatus::Later => ("#8a8a8a", 1.2, " stroke-dasharray=\"3 4\"", "#555555"),
    }
}

/// The legend from `x`, `y`, at most `room` wide: the department colours, the role
/// borders and the two kinds of line. Returns the SVG and its height.
fn legend(departments: &[&str], colors: &[&str], x: f64, y: f64, room: f64) -> (String, f64) {
    // A small node, its top at y = 0 like the text beside it.
    let swatch = |fill: &str, status: RoleStatus| {
        let (stroke, width, dash, _) = border(status);
        format!(
            "<rect x=\"0\" y=\"1\" width=\"26\" height=\"15\" rx=\"3\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"{dash}/>"
        )
    };
    let rows: [(&str, Vec<(String, String)>); 3] = [
        (
            "Departments",
            departments
                .iter()
                .zip(colors)
                .map(|(name, color)| (name.to_string(), swatch(color, RoleStatus::Current)))
                .collect(),
        ),
        (
            "Roles",
            [
                (RoleStatus::Current, "in place"),
                (RoleStatus::Next, "to hire next"),
                (RoleStatus::Later, "later"),
            ]
            .map(|(status, label)| (label.to_string(), swatch("#ffffff", status)))
            .to_vec(),
        ),
        (
            "Lines",
            vec![
                (
                    "reports to".to_string(),
                    "<path d=\"M0 9L26 9\" stroke=\"#666666\" stroke-width=\"1.5\"/>".to_string(),
                ),
                (
                    "aligns with (cadence by number below)".to_string(),
                    format!(
                        "<path d=\"M0 9L26 9\" stroke=\"{ALIGNMENT}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>"
                    ),
                ),
            ],
        ),
    ];
    const ROW: f64 = 24.0;
    let indent = text_width("Departments", FONT, true) + 16.0;
    let mut out = format!("<g class=\"legend\" font-size=\"{FONT}\">\n");
    let mut top = y;
    for (caption, entries) in rows {
        let _ = writeln!(
            out,
            "{}",
            Block::new(caption, indent, FONT, true).svg(x, top, "")
        );
        let mut at = indent;
        let mut tallest = ROW;
        for (label, mark) in entries {
            let label = Block::new(&label, room - indent - 34.0, FONT, false);
            let step = 34.0 + label.width() + 18.0;
            if at + step > room && at > indent {
                at = indent;
                top += tallest;
                tallest = ROW;
            }
            let _ = writeln!(
                out,
                "<g class=\"entry\" transform=\"translate({:.1} {top:.1})\">{mark}{}</g>",
                x + at,
                label.svg(34.0, 0.0, "")
            );
            at += step;
            tallest = tallest.max(label.height() + 8.0);
        }
        top += tallest;
    }
    out.push_str("</g>\n");
    (out, top - y + 8.0)
}

fn node_kind(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Executive => "executive",
        NodeKind::Department => "department",
        NodeKind::Role => "role",
        NodeKind::Function => "function",
    }
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
    fn text_is_escaped() {
        assert_eq!(xml_escape("<a & 'b'>"), "&lt;a &amp; &apos;b&apos;&gt;");
    }
}
