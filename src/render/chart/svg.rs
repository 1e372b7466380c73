//! SVG drawn natively: no Graphviz needed.
//!
//! A top-down org chart in the tidy layout: a title; boxes sized to
//! their wrapped text (never cut), filled with their department's colour, their
//! border saying in place (solid), next (dashed) or later (dashed, grey); leaf
//! reports stacked; departments with a team of their own framed and labelled. Dotted
//! alignment lines are routed around boxes and carry a number; the
//! cadence behind each number is listed under the chart, after a legend. Text is
//! sanitised and escaped, so the output is well-formed XML for any name.

mod boxes;
mod legend;
mod lines;

use super::geometry::Rect;
use super::route::MARGIN;
use super::tidy;
use crate::org::roadmap::Roadmap;
use crate::org::{LinkKind, NodeIndex, OrgChart};
use crate::render::labels::{
    department_colors, printable, stage_heading, stage_notes, text_width, wrap_px,
};
use crate::render::{ChartRenderer, Style};
use boxes::Hierarchy;
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
/// The widest a box's text runs before it wraps, the first preferred: narrower for a
/// chart too wide to print legibly otherwise (more lines in narrower boxes), wider
/// for one too tall (fewer lines).
const BOX_TEXT: [f64; 3] = [190.0, 150.0, 250.0];
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

/// The widest chart that stays in the HTML report's text column (60rem less its
/// padding) at its own size; a wider one prints on a page of its own.
pub const COLUMN: f64 = 928.0;
/// What a printed chart fills, in CSS pixels: a US Letter page (the narrower of
/// Letter and A4) inside 10 mm margins, landscape and portrait, as tall as the
/// HTML report lets a chart be on each (180 mm and 250 mm).
const LANDSCAPE: (f64, f64) = (980.0, 680.0);
const PORTRAIT: (f64, f64) = (740.0, 945.0);
/// The layouts tried, the first preferred: the column heights of stacks, and
/// whether two small reports stack too (narrower, as a wide row of pairs is not).
const STACKS: [(usize, bool); 8] = [
    (tidy::STACK, false),
    (8, false),
    (10, false),
    (12, false),
    (tidy::STACK, true),
    (8, true),
    (10, true),
    (12, true),
];

fn fit((w, h): (f64, f64), width: f64, height: f64) -> f64 {
    (w / width).min(h / height).min(1.0)
}

/// Whether a drawing `width` by `height` wider than [`COLUMN`] prints larger on a
/// portrait page than on a landscape one.
pub fn prints_portrait(width: f64, height: f64) -> bool {
    fit(PORTRAIT, width, height) > fit(LANDSCAPE, width, height)
}

/// How much a drawing `width` by `height` is scaled down to print, as the HTML
/// report prints it: in the text flow on a portrait page when it is no wider than
/// [`COLUMN`], else on a page of its own, landscape or portrait, whichever prints it
/// larger; 1 when it fits as it is.
pub fn print_scale(width: f64, height: f64) -> f64 {
    let portrait = fit(PORTRAIT, width, height);
    if width <= COLUMN {
        portrait
    } else {
        portrait.max(fit(LANDSCAPE, width, height))
    }
}

/// Draws a chart; every id in the SVG starts with `prefix`, so that several drawings
/// can share one HTML page or one roadmap. Of the layouts with deeper stacks or pairs
/// stacked, the one that prints largest is drawn (the usual one unless another prints
/// 5% larger or more), so that a wide chart does not shrink its text to nothing on
/// paper.
pub fn draw(chart: &OrgChart, prefix: &str) -> Drawing {
    let departments = chart.departments();
    let names: Vec<&str> = departments.iter().map(|(name, _)| *name).collect();
    let colors = department_colors(&names);
    let color = |i: usize| {
        let d = &chart.graph[NodeIndex::new(i)].department;
        colors[names.iter().position(|x| x == d).unwrap_or_default()]
    };
    let tree = Hierarchy::of(chart);
    let texts: Vec<Vec<boxes::NodeText>> = BOX_TEXT
        .iter()
        .map(|&wrap| boxes::node_texts(chart, wrap))
        .collect();
    let frame_labels = boxes::frame_labels(chart, &tree);
    let alignments: Vec<_> = chart.links(LinkKind::AlignsWith).collect();
    let mut leaving = vec![0; chart.graph.node_count()];
    for (from, _, _) in &alignments {
        leaving[from.index()] += 1;
    }

    // The title above, the tree under it, then the legend and the cadence.
    let place = |layout: &tidy::Layout| {
        let room = (layout.width + 2.0 * EDGE).max(MIN_WIDTH);
        let title = Block::new(&chart.title(), room - 2.0 * EDGE, TITLE, true);
        let top = EDGE + title.height() + 2.0 * MARGIN + 6.0;
        let left = EDGE + 2.0 * MARGIN + ((room - 2.0 * EDGE - layout.width) / 2.0).max(0.0);
        (title, top, left, room + 4.0 * MARGIN)
    };
    let key = |svg: &mut String, drawn: &[_], y: f64, width: f64| {
        let aligned = !drawn.is_empty();
        let (legend, legend_height) =
            legend::legend(&names, &colors, aligned, EDGE, y, width - 2.0 * EDGE);
        svg.push_str(&legend);
        legend::cadence(
            svg,
            chart,
            drawn,
            (EDGE, y + legend_height),
            width - 2.0 * EDGE,
        )
    };
    // A layout with the boxes' text wrapped at `BOX_TEXT[wrap]`: how large it prints,
    // the layout, and `wrap`.
    let variant = |wrap: usize, stack| {
        let layout = boxes::layout(chart, &tree, &texts[wrap], &frame_labels, &leaving, stack);
        let (_, top, _, width) = place(&layout);
        let y = top + layout.height + 3.0 * MARGIN;
        let height = key(&mut String::new(), &alignments, y, width) + EDGE;
        (print_scale(width, height), layout, wrap)
    };
    // The usual layout first unless another prints 5% larger, then the others,
    // largest first: the first in which every dotted line finds its way is drawn (a
    // row packed tighter can leave a head no room for its tag). None prints larger
    // than at its own size, so where the usual one is within 5% of that, the others
    // are laid out only if its lines do not all find their way.
    let usual = variant(0, STACKS[0]);
    let others = || {
        let mut others: Vec<_> = (0..BOX_TEXT.len())
            .flat_map(|wrap| STACKS.iter().map(move |&stack| (wrap, stack)))
            .skip(1)
            .map(|(wrap, stack)| variant(wrap, stack))
            .collect();
        others.sort_by(|a, b| b.0.total_cmp(&a.0));
        others
    };
    let (first, fallback) = if usual.0 * 1.05 >= 1.0 {
        (usual, None)
    } else {
        let mut others = others();
        if others[0].0 > usual.0 * 1.05 {
            let largest = others.remove(0);
            others.insert(0, usual);
            others.sort_by(|a, b| b.0.total_cmp(&a.0));
            (largest, Some(others))
        } else {
            (usual, Some(others))
        }
    };
    let ends: Vec<(usize, usize)> = alignments
        .iter()
        .map(|(a, b, _)| (a.index(), b.index()))
        .collect();
    let route = |(_, mut layout, wrap): (f64, tidy::Layout, usize)| {
        let (title, top, left, width) = place(&layout);
        shift(&mut layout, left, top);
        let bounds = Rect::new(
            left - 2.0 * MARGIN,
            top - 2.0 * MARGIN,
            layout.width + 4.0 * MARGIN,
            layout.height + 4.0 * MARGIN,
        );
        let routes = lines::route_alignments(&layout, &ends, bounds);
        (layout, wrap, (title, top, width), routes)
    };
    let found = |t: &(_, _, _, Vec<Option<_>>)| t.3.iter().all(Option::is_some);
    let first = route(first);
    let (layout, wrap, (title, top, width), routes) = if found(&first) {
        first
    } else {
        fallback
            .unwrap_or_else(others)
            .into_iter()
            .map(route)
            .find(found)
            .unwrap_or(first)
    };

    let mut svg = String::new();
    boxes::frames_svg(&mut svg, &layout, &frame_labels, color);
    lines::reports_svg(&mut svg, &layout);
    boxes::nodes_svg(&mut svg, chart, &layout, &texts[wrap], color, prefix);
    lines::alignments_svg(&mut svg, &routes);
    let drawn: Vec<_> = alignments
        .iter()
        .zip(&routes)
        .filter(|(_, r)| r.is_some())
        .map(|(a, _)| *a)
        .collect();
    let y = key(&mut svg, &drawn, top + layout.height + 3.0 * MARGIN, width);

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

/// The roadmap: one drawing per stage, stacked, each under a heading.
pub fn roadmap(roadmap: &Roadmap, out: &mut dyn Write) -> io::Result<()> {
    const HEADING: f64 = 36.0;
    let moves = roadmap.moves();
    let drawings: Vec<(String, Vec<String>, Drawing)> = roadmap
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let drawing = draw(&step.chart, &format!("s{i}_"));
            (stage_heading(step), stage_notes(step, &moves, i), drawing)
        })
        .collect();
    let width = drawings.iter().map(|(.., d)| d.width).fold(600.0, f64::max);
    let title = Block::new(
        &format!("{}: partnerships roadmap", roadmap.company),
        width - 2.0 * EDGE,
        TITLE + 2.0,
        true,
    );
    let mut body = String::new();
    let mut y = EDGE + title.height() + 8.0;
    for (heading, notes, drawing) in &drawings {
        let heading = Block::new(heading, width - 2.0 * EDGE, 15.0, true);
        let _ = writeln!(body, "{}", heading.svg(EDGE, y, " fill=\"#333333\""));
        y += heading.height().max(HEADING - 16.0) + 4.0;
        // The moves and the people under a new title, as the text says them, under
        // the heading.
        for note in notes {
            let note = Block::new(note, width - 2.0 * EDGE, 13.0, false);
            let _ = writeln!(body, "{}", note.svg(EDGE, y, " fill=\"#333333\""));
            y += note.height() + 4.0;
        }
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
