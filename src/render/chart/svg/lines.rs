//! The lines between boxes: the reporting connectors, and the dotted alignment
//! lines routed around boxes and labels, each ending in a numbered tag beside the
//! box it goes to.

use super::{ALIGNMENT, FONTS, TAG};
use crate::render::chart::geometry::Rect;
use crate::render::chart::route::{Routed, Router};
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
/// around every box and frame label, each ending in its tag beside the second box;
/// reporting lines are crossed rather than followed. `None` where no
/// route is found.
pub(super) fn route_alignments(
    layout: &Layout,
    ends: &[(usize, usize)],
    bounds: Rect,
) -> Vec<Option<Routed>> {
    let frames: Vec<Rect> = layout.frames.iter().map(|f| f.rect).collect();
    let soft: Vec<Rect> = layout
        .lines
        .iter()
        .map(|(a, b)| {
            Rect::new(
                a.0.min(b.0),
                a.1.min(b.1),
                (a.0 - b.0).abs(),
                (a.1 - b.1).abs(),
            )
            .inflate(5.0)
        })
        .collect();
    let mut obstacles: Vec<Rect> = layout.boxes.clone();
    obstacles.extend(layout.frames.iter().map(|f| f.label));
    let router = Router::new(&obstacles, &soft, &layout.lines, &frames, bounds);
    let pairs: Vec<(Rect, Rect)> = ends
        .iter()
        .map(|&(a, b)| (layout.boxes[a], layout.boxes[b]))
        .collect();
    router.route_all(&pairs, TAG)
}

/// The routed alignment lines, numbered from 1 in order, each ending in its tag.
pub(super) fn alignments_svg(svg: &mut String, routes: &[Option<Routed>]) {
    let _ = writeln!(
        svg,
        "<g class=\"alignments\" font-family=\"{FONTS}\" fill=\"none\" stroke=\"{ALIGNMENT}\">"
    );
    for route in routes.iter().flatten() {
        let mut d = String::new();
        for (j, (x, y)) in route.points.iter().enumerate() {
            let _ = write!(d, "{}{x:.1} {y:.1}", if j == 0 { "M" } else { "L" });
        }
        let _ = writeln!(
            svg,
            "<path class=\"aligns\" d=\"{d}\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\"/>"
        );
    }
    // The tags over the lines, in number order.
    for (number, route) in routes.iter().flatten().enumerate() {
        let _ = writeln!(svg, "{}", tag_svg(route.tag.x, route.tag.y, number + 1));
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
