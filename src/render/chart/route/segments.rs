//! Straight segments, and the ports a line leaves and enters a box by: the four
//! headings, whether two segments cross or run side by side, and a route's points
//! without its straight runs' middles.

use super::grid::SAME;
use super::{PORT_ROOM, SPACING, Segment, TAG_GAP};
use crate::render::chart::geometry::{Point, Rect};

/// Where a line may enter the box it goes to, along each side.
pub(super) const QUARTERS: [f64; 3] = [0.25, 0.5, 0.75];

/// Whether the outline of `frame` passes through `r`.
pub(super) fn on_border(frame: &Rect, r: &Rect) -> bool {
    let inside =
        r.x > frame.x && r.right() < frame.right() && r.y > frame.y && r.bottom() < frame.bottom();
    frame.overlaps(r) && !inside
}

const RIGHT: usize = 0;
pub(super) const LEFT: usize = 1;
const DOWN: usize = 2;
const UP: usize = 3;
pub(super) const STEPS: [(i64, i64); 4] = [(1, 0), (-1, 0), (0, 1), (0, -1)];

pub(super) fn escape((x, y): Point, dir: usize, length: f64) -> Point {
    let (dx, dy) = STEPS[dir];
    (x + dx as f64 * length, y + dy as f64 * length)
}

/// The length of a route's last straight stretch, into its target: room for its tag
/// (at most 22 px) and a little beyond.
pub(super) const END: f64 = TAG_GAP + 24.0;

/// Where a line may leave or enter a box: a point on its side and the direction out,
/// on the top and bottom at each of `across` of the width, on the left and right at
/// each of `down` of the height, except where a reporting line meets the box.
pub(super) fn ports(
    r: &Rect,
    solid: &[Segment],
    across: &[f64],
    down: &[f64],
) -> Vec<(Point, usize)> {
    let touched = |p: Point| {
        solid.iter().any(|&(a, b)| {
            [a, b]
                .iter()
                .any(|e| (e.0 - p.0).abs() < SPACING && (e.1 - p.1).abs() < SPACING)
        })
    };
    let mut out = Vec::new();
    for &f in down {
        let y = r.y + r.h * f;
        out.extend([((r.right(), y), RIGHT), ((r.x, y), LEFT)]);
    }
    for &f in across {
        let x = r.x + r.w * f;
        out.extend([((x, r.y), UP), ((x, r.bottom()), DOWN)]);
    }
    out.retain(|&(p, _)| !touched(p));
    out
}

/// Fractions of a side `length` long at every [`SPACING`], clear of the corners.
pub(super) fn every_spacing(length: f64) -> Vec<f64> {
    let n = ((length - PORT_ROOM) / SPACING).floor().max(0.0) as usize;
    let first = (length - n as f64 * SPACING) / 2.0;
    (0..=n)
        .map(|i| (first + i as f64 * SPACING) / length)
        .collect()
}

pub(super) fn horizontal((a, b): Segment) -> bool {
    (a.1 - b.1).abs() < 0.01
}

pub(super) fn span(a: f64, b: f64) -> (f64, f64) {
    (a.min(b), a.max(b))
}

/// Whether two axis-parallel segments cross, one horizontal and one vertical; the
/// far end of each range counts and the near one does not, so that a line crossed at
/// a grid point between two moves is crossed once.
pub(super) fn cross(a: Segment, b: Segment) -> bool {
    let (h, v) = match (horizontal(a), horizontal(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return false,
    };
    let ((x0, x1), y) = (span(h.0.0, h.1.0), h.0.1);
    let ((y0, y1), x) = (span(v.0.1, v.1.1), v.0.0);
    x0 < x && x <= x1 && y0 < y && y <= y1
}

/// How long two segments run side by side closer than `spacing`.
pub(super) fn alongside(a: Segment, b: Segment, spacing: f64) -> f64 {
    let ha = horizontal(a);
    if ha != horizontal(b) {
        return 0.0;
    }
    let (across, (a0, a1), (b0, b1)) = if ha {
        (a.0.1 - b.0.1, span(a.0.0, a.1.0), span(b.0.0, b.1.0))
    } else {
        (a.0.0 - b.0.0, span(a.0.1, a.1.1), span(b.0.1, b.1.1))
    };
    if across.abs() >= spacing - 0.01 {
        return 0.0;
    }
    (a1.min(b1) - a0.max(b0)).max(0.0)
}

/// The points at the start of a `horizontal` (or vertical) run from the first one
/// that lie less than [`SAME`] across it (on the same grid line), set on it.
pub(super) fn square(points: &mut [Point], horizontal: bool) {
    fn across(p: &mut Point, horizontal: bool) -> &mut f64 {
        if horizontal { &mut p.1 } else { &mut p.0 }
    }
    let Some((first, rest)) = points.split_first_mut() else {
        return;
    };
    let c = *across(first, horizontal);
    for p in rest {
        let v = across(p, horizontal);
        if (*v - c).abs() >= SAME {
            break;
        }
        *v = c;
    }
}

/// The route cut short where it already crosses its last straight stretch (the way
/// into its tag), then straight on into the tag: no hook beside the tag where the
/// route came down past it and turned back.
pub(super) fn shortcut(points: Vec<Point>) -> Vec<Point> {
    let n = points.len();
    if n < 4 {
        return points;
    }
    let (end, before) = (points[n - 1], points[n - 2]);
    let last = (before, end);
    for j in 0..n - 3 {
        let s = (points[j], points[j + 1]);
        if horizontal(s) == horizontal(last) {
            continue;
        }
        let c = if horizontal(last) {
            (s.0.0, end.1)
        } else {
            (end.0, s.0.1)
        };
        let on = |p: Point, (a, b): Segment| {
            let (x0, x1) = span(a.0, b.0);
            let (y0, y1) = span(a.1, b.1);
            p.0 >= x0 - 0.01 && p.0 <= x1 + 0.01 && p.1 >= y0 - 0.01 && p.1 <= y1 + 0.01
        };
        if on(c, s) && on(c, last) && c != end {
            let mut cut = points[..=j].to_vec();
            cut.extend([c, end]);
            return straight(cut);
        }
    }
    points
}

/// The route straight on into its `tag` where it jogs less than half a [`SPACING`]
/// just before it (a tag's middle a few pixels off the port the line left by): the
/// jog would hold a track that a line beside it needs, and reads as a kink.
pub(super) fn unjog(mut points: Vec<Point>, tag: &Rect) -> Vec<Point> {
    let n = points.len();
    if n < 3 {
        return points;
    }
    let (a, b, end) = (points[n - 3], points[n - 2], points[n - 1]);
    let (jog, last) = ((a, b), (b, end));
    if horizontal(jog) == horizontal(last) {
        return points;
    }
    let (short, into) = if horizontal(last) {
        ((a.1 - b.1).abs(), (end.0, a.1))
    } else {
        ((a.0 - b.0).abs(), (a.0, end.1))
    };
    let inside = if horizontal(last) {
        into.1 > tag.y + 2.0 && into.1 < tag.bottom() - 2.0
    } else {
        into.0 > tag.x + 2.0 && into.0 < tag.right() - 2.0
    };
    if short < SPACING / 2.0 && inside {
        points.truncate(n - 2);
        points.push(into);
        return straight(points);
    }
    points
}

/// The points without those in the middle of a straight run.
pub(super) fn straight(points: Vec<Point>) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        let n = out.len();
        if n >= 2 {
            let (a, b) = (out[n - 2], out[n - 1]);
            let in_line = ((a.0 - b.0).abs() < 0.01 && (b.0 - p.0).abs() < 0.01)
                || ((a.1 - b.1).abs() < 0.01 && (b.1 - p.1).abs() < 0.01);
            if in_line {
                out[n - 1] = p;
                continue;
            }
        }
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

/// Whether the straight segment from `a` to `b` touches the rectangle.
pub(super) fn crosses((a, b): Segment, r: &Rect) -> bool {
    let seg = Rect::new(
        a.0.min(b.0) - 0.5,
        a.1.min(b.1) - 0.5,
        (a.0 - b.0).abs() + 1.0,
        (a.1 - b.1).abs() + 1.0,
    );
    seg.overlaps(r)
}
