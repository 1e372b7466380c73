//! The lines between boxes: the reporting connectors, and the dotted alignment
//! lines routed around boxes and labels, each with a numbered tag.

use super::{ALIGNMENT, FONTS, TAG};
use crate::render::chart::geometry::{Point, Rect};
use crate::render::chart::route::{Router, place_tag};
use crate::render::chart::tidy::Layout;
use std::fmt::Write as _;

/// The reporting connectors, as one path.
pub(super) fn reports_svg(svg: &mut String, layout: &Layout) {
    let mut path = String::new();
    for ((ax, ay), (bx, by)) in &layout.lines {
        let _ = write!(path, "M{ax:.1} {ay:.1}L{bx:.1} {by:.1}");
    }
    let _ = writeln!(
        svg,
        "<path class=\"reports\" d=\"{path}\" fill=\"none\" stroke=\"#666666\" stroke-width=\"1.5\"/>"
    );
}

/// A route for each alignment between the boxes `ends` gives, within `bounds`:
/// around every box and frame label; frames and reporting lines are crossed rather
/// than followed. `None` where no route is found.
pub(super) fn route_alignments(
    layout: &Layout,
    ends: &[(usize, usize)],
    bounds: Rect,
) -> Vec<Option<Vec<Point>>> {
    let obstacles = obstacles(layout);
    let end_boxes: Vec<Rect> = ends
        .iter()
        .flat_map(|&(a, b)| [layout.boxes[a], layout.boxes[b]])
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
    let router = Router::new(&obstacles, &soft, &end_boxes, bounds);
    ends.iter()
        .map(|&(a, b)| router.route(&layout.boxes[a], &layout.boxes[b]))
        .collect()
}

/// What neither a line nor a tag may cross: the boxes and the frame labels.
fn obstacles(layout: &Layout) -> Vec<Rect> {
    let mut obstacles: Vec<Rect> = layout.boxes.clone();
    obstacles.extend(layout.frames.iter().map(|f| f.label));
    obstacles
}

/// The routed alignment lines, numbered from 1 in order, each with its tag placed
/// where it covers no box, label, tag or other line.
pub(super) fn alignments_svg(svg: &mut String, layout: &Layout, routes: &[Option<Vec<Point>>]) {
    let mut avoid = obstacles(layout);
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
}

/// A numbered tag with its top-left corner at `x`, `y`.
pub(super) fn tag_svg(x: f64, y: f64, number: usize) -> String {
    format!(
        "<g class=\"tag\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{}\" height=\"{}\" rx=\"9\" fill=\"#ffffff\" stroke=\"{ALIGNMENT}\" stroke-width=\"1.5\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{ALIGNMENT}\" stroke=\"none\">{number}</text></g>",
        TAG.0,
        TAG.1,
        x + TAG.0 / 2.0,
        y + TAG.1 / 2.0 + 4.0
    )
}
