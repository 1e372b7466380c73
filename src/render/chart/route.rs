//! Orthogonal routes for a chart's dotted alignment lines: around every box and
//! label, with as few bends as a short path allows, and a numbered tag on a free
//! stretch of each line near its end.
//!
//! The router searches a sparse grid whose lines run a margin away from every
//! obstacle's sides (Dijkstra over grid points and headings, a bend costing as much
//! as 40 px of line), so no route can pass through a box or a label.

use super::geometry::{Point, Rect};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// How far a route keeps from any box or label.
pub const MARGIN: f64 = 9.0;
/// The cost of a bend, in tenths of a pixel of length.
const BEND: u64 = 400;

/// A grid of routes around a fixed set of obstacles.
pub struct Router {
    xs: Vec<f64>,
    ys: Vec<f64>,
    /// The obstacles grown by just under the margin.
    blocked: Vec<Rect>,
    /// The obstacles as given.
    obstacles: Vec<Rect>,
    /// Areas a route crosses rather than follows (frames, connectors): a stretch in
    /// them costs three times its length.
    soft: Vec<Rect>,
}

/// Where a line may leave or enter a box: a point on its side and the direction out.
fn ports(r: &Rect) -> [(Point, usize); 4] {
    // Away from the reporting connectors, which meet a box at the middle of its top
    // and bottom and of its left side.
    [
        ((r.right(), r.cy()), RIGHT),
        ((r.x, r.y + r.h / 4.0), LEFT),
        ((r.x + r.w * 0.75, r.y), UP),
        ((r.x + r.w * 0.75, r.bottom()), DOWN),
    ]
}

const RIGHT: usize = 0;
const LEFT: usize = 1;
const DOWN: usize = 2;
const UP: usize = 3;
const STEPS: [(i64, i64); 4] = [(1, 0), (-1, 0), (0, 1), (0, -1)];

fn escape((x, y): Point, dir: usize, length: f64) -> Point {
    let (dx, dy) = STEPS[dir];
    (x + dx as f64 * length, y + dy as f64 * length)
}

/// The length of a route's last straight stretch, into its target.
pub const END: f64 = MARGIN + 32.0;

impl Router {
    /// A router around `obstacles`, within `bounds`, for lines between any of the
    /// `ends` (which are among the obstacles).
    /// `soft` areas are crossed rather than followed.
    pub fn new(obstacles: &[Rect], soft: &[Rect], ends: &[Rect], bounds: Rect) -> Router {
        let mut xs = vec![bounds.x, bounds.right()];
        let mut ys = vec![bounds.y, bounds.bottom()];
        for r in obstacles {
            xs.extend([r.x - MARGIN, r.right() + MARGIN]);
            ys.extend([r.y - MARGIN, r.bottom() + MARGIN]);
        }
        for r in ends {
            for (p, dir) in ports(r) {
                for length in [MARGIN, END] {
                    let (x, y) = escape(p, dir, length);
                    xs.push(x);
                    ys.push(y);
                }
            }
        }
        let tidy = |v: &mut Vec<f64>| {
            v.retain(|c| c.is_finite());
            v.sort_by(f64::total_cmp);
            v.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        };
        tidy(&mut xs);
        tidy(&mut ys);
        let blocked = obstacles.iter().map(|r| r.inflate(MARGIN - 0.5)).collect();
        Router {
            xs,
            ys,
            blocked,
            obstacles: obstacles.to_vec(),
            soft: soft.to_vec(),
        }
    }

    fn free(&self, p: Point) -> bool {
        !self.blocked.iter().any(|r| r.contains(p))
    }

    fn index(v: &[f64], c: f64) -> Option<usize> {
        v.iter().position(|x| (x - c).abs() < 0.5)
    }

    /// The shortest route with few bends from a side of `from` to a side of `to`,
    /// as points from one box's side to the other's; `None` if they are walled in.
    /// A route ends with a straight stretch [`END`] long, room for its tag.
    pub fn route(&self, from: &Rect, to: &Rect) -> Option<Vec<Point>> {
        let goals = self.goals(to);
        let (end, port, prev) = self.search(from, &goals)?;
        self.path(from, end, port, &prev)
    }

    /// The search state at grid point `ix`, `iy`, heading in direction `dir`.
    fn state(&self, ix: usize, iy: usize, dir: usize) -> usize {
        (ix * self.ys.len() + iy) * 4 + dir
    }

    /// Where a route into `to` may end: anywhere on a ray out of a port of `to`, at
    /// least [`END`] from it, from where it goes straight in.
    fn goals(&self, to: &Rect) -> Vec<Goal> {
        let (nx, ny) = (self.xs.len(), self.ys.len());
        let mut goals: Vec<Goal> = Vec::new();
        for (p, dir) in ports(to) {
            let e = escape(p, dir, END);
            let clear = self
                .obstacles
                .iter()
                .filter(|r| *r != to)
                .all(|r| !crosses((p, e), &r.inflate(MARGIN - 0.5)));
            let (Some(mut ix), Some(mut iy)) =
                (Self::index(&self.xs, e.0), Self::index(&self.ys, e.1))
            else {
                continue;
            };
            if !clear || !self.free(e) {
                continue;
            }
            loop {
                let at = (self.xs[ix], self.ys[iy]);
                goals.push((ix, iy, dir, p, (at.0 - p.0).abs() + (at.1 - p.1).abs()));
                let (dx, dy) = STEPS[dir];
                let (jx, jy) = (ix as i64 + dx, iy as i64 + dy);
                if jx < 0 || jy < 0 || jx as usize >= nx || jy as usize >= ny {
                    break;
                }
                let next = (self.xs[jx as usize], self.ys[jy as usize]);
                if !self.free(next) || !self.free(((at.0 + next.0) / 2.0, (at.1 + next.1) / 2.0)) {
                    break;
                }
                (ix, iy) = (jx as usize, jy as usize);
            }
        }
        goals
    }

    /// The cheapest way along the grid from a port of `from` to one of the `goals`
    /// (Dijkstra over grid points and headings, costed by [`Router::moves`]): the
    /// state it ends in, the port of the target, and each state's predecessor.
    fn search(&self, from: &Rect, goals: &[Goal]) -> Option<(usize, Point, Vec<usize>)> {
        let (nx, ny) = (self.xs.len(), self.ys.len());
        let mut best = vec![u64::MAX; nx * ny * 4];
        let mut prev = vec![usize::MAX; nx * ny * 4];
        let mut heap = BinaryHeap::new();
        let stub = (MARGIN * 10.0) as u64;
        for (p, dir) in ports(from) {
            let (x, y) = escape(p, dir, MARGIN);
            if let (Some(ix), Some(iy)) = (Self::index(&self.xs, x), Self::index(&self.ys, y)) {
                let s = self.state(ix, iy, dir);
                best[s] = stub;
                heap.push(Reverse((stub, s)));
            }
        }
        let mut end: Option<(u64, usize, Point)> = None;
        while let Some(Reverse((cost, s))) = heap.pop() {
            if cost > best[s] || end.is_some_and(|(c, _, _)| cost >= c) {
                continue;
            }
            let (cell, dir) = (s / 4, s % 4);
            let (ix, iy) = (cell / ny, cell % ny);
            for &(gx, gy, out, port, distance) in goals {
                if (gx, gy) == (ix, iy) {
                    // The last stretch goes into the box, against its port's direction.
                    let turn = if dir == (out ^ 1) { 0 } else { BEND };
                    if dir != out {
                        let total = cost + turn + (distance * 10.0) as u64;
                        if end.is_none_or(|(c, _, _)| total < c) {
                            end = Some((total, s, port));
                        }
                    }
                }
            }
            for (t, step) in self.moves(ix, iy, dir) {
                let c = cost + step;
                if c < best[t] {
                    best[t] = c;
                    prev[t] = s;
                    heap.push(Reverse((c, t)));
                }
            }
        }
        end.map(|(_, s, port)| (s, port, prev))
    }

    /// The moves from grid point `ix`, `iy` heading `dir`: to the next point in each
    /// direction but back, where the way is free, each with its state and its cost
    /// (length, three times over soft areas, and [`BEND`] for a turn).
    fn moves(&self, ix: usize, iy: usize, dir: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
        let (nx, ny) = (self.xs.len(), self.ys.len());
        STEPS
            .iter()
            .enumerate()
            .filter_map(move |(next_dir, &(dx, dy))| {
                if next_dir == (dir ^ 1) {
                    return None;
                }
                let (jx, jy) = (ix as i64 + dx, iy as i64 + dy);
                if jx < 0 || jy < 0 || jx as usize >= nx || jy as usize >= ny {
                    return None;
                }
                let (jx, jy) = (jx as usize, jy as usize);
                let (a, b) = ((self.xs[ix], self.ys[iy]), (self.xs[jx], self.ys[jy]));
                let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                if !self.free(b) || !self.free(mid) {
                    return None;
                }
                let mut length = ((b.0 - a.0).abs() + (b.1 - a.1).abs()) * 10.0;
                if self.soft.iter().any(|r| r.contains(mid)) {
                    length *= 3.0;
                }
                let turn = if next_dir == dir { 0 } else { BEND };
                Some((self.state(jx, jy, next_dir), length as u64 + turn))
            })
    }

    /// The route found, from the port of `from` it left by to `port`, walked back from
    /// the state `end` through `prev`, without the points in the middle of a
    /// straight run.
    fn path(&self, from: &Rect, end: usize, port: Point, prev: &[usize]) -> Option<Vec<Point>> {
        let ny = self.ys.len();
        let mut s = end;
        let mut points = vec![port];
        loop {
            let cell = s / 4;
            points.push((self.xs[cell / ny], self.ys[cell % ny]));
            if prev[s] == usize::MAX {
                break;
            }
            s = prev[s];
        }
        let first = ports(from)
            .into_iter()
            .find(|&(p, dir)| {
                let e = escape(p, dir, MARGIN);
                let last = points[points.len() - 1];
                (e.0 - last.0).abs() < 0.5 && (e.1 - last.1).abs() < 0.5
            })
            .map(|(p, _)| p)?;
        points.push(first);
        points.reverse();
        Some(straight(points))
    }
}

/// Where a route may end: the grid point (x, y index), the direction out of the
/// target's port, the port, and the distance from the grid point to the port.
type Goal = (usize, usize, usize, Point, f64);

/// The points without those in the middle of a straight run.
fn straight(points: Vec<Point>) -> Vec<Point> {
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
pub fn crosses((a, b): (Point, Point), r: &Rect) -> bool {
    let seg = Rect::new(
        a.0.min(b.0) - 0.5,
        a.1.min(b.1) - 0.5,
        (a.0 - b.0).abs() + 1.0,
        (a.1 - b.1).abs() + 1.0,
    );
    seg.overlaps(r)
}

/// A tag of size `w` by `h` for the route, as near its end as it fits clear of the
/// `avoid` rectangles and the `lines` (segments of other lines), and the parts of
/// the route to draw: cut in two around the tag when it sits on the route, whole
/// when every place on it is taken and the tag sits beside it. `None` if neither
/// has room.
pub fn place_tag(
    route: &[Point],
    (w, h): (f64, f64),
    avoid: &[Rect],
    lines: &[(Point, Point)],
) -> Option<(Rect, Vec<Vec<Point>>)> {
    const STEP: f64 = 4.0;
    let clear = |tag: &Rect, own: bool| {
        let near = tag.inflate(2.0);
        let mine = own && route.windows(2).any(|s| crosses((s[0], s[1]), &near));
        !(mine
            || avoid.iter().any(|r| r.overlaps(&near))
            || lines.iter().any(|&l| crosses(l, &near)))
    };
    for beside in [false, true] {
        for k in (1..route.len()).rev() {
            let (a, b) = (route[k - 1], route[k]);
            let horizontal = (a.1 - b.1).abs() < 0.01;
            let length = (b.0 - a.0).abs() + (b.1 - a.1).abs();
            let half = if horizontal { w / 2.0 } else { h / 2.0 };
            let (ux, uy) = ((a.0 - b.0) / length, (a.1 - b.1) / length);
            // From the end of the segment nearer the route's end, backwards.
            let mut t = half + STEP;
            while t + half + STEP <= length {
                let c = (b.0 + ux * t, b.1 + uy * t);
                if beside {
                    // Either side of the line, just clear of it.
                    let away = if horizontal {
                        h / 2.0 + 3.0
                    } else {
                        w / 2.0 + 3.0
                    };
                    for side in [1.0, -1.0] {
                        let (x, y) = (c.0 - uy * away * side, c.1 + ux * away * side);
                        let tag = Rect::new(x - w / 2.0, y - h / 2.0, w, h);
                        if clear(&tag, true) {
                            return Some((tag, vec![route.to_vec()]));
                        }
                    }
                } else {
                    let tag = Rect::new(c.0 - w / 2.0, c.1 - h / 2.0, w, h);
                    if clear(&tag, false) {
                        let mut head = route[..k].to_vec();
                        head.push((c.0 + ux * half, c.1 + uy * half));
                        let mut tail = vec![(c.0 - ux * half, c.1 - uy * half)];
                        tail.extend_from_slice(&route[k..]);
                        return Some((tag, vec![head, tail]));
                    }
                }
                t += STEP;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_goes_around_the_box_between_its_ends() {
        let from = Rect::new(0.0, 0.0, 60.0, 30.0);
        let wall = Rect::new(100.0, -40.0, 40.0, 110.0);
        let to = Rect::new(200.0, 0.0, 60.0, 30.0);
        let router = Router::new(
            &[from, wall, to],
            &[],
            &[from, to],
            Rect::new(-50.0, -100.0, 400.0, 250.0),
        );
        let route = router.route(&from, &to).expect("a route");
        let on_side = |r: &Rect, (x, y): Point| {
            ((x == r.x || x == r.right()) && (r.y..=r.bottom()).contains(&y))
                || ((r.x..=r.right()).contains(&x) && (y == r.y || y == r.bottom()))
        };
        assert!(on_side(&from, route[0]), "{route:?}");
        assert!(on_side(&to, route[route.len() - 1]), "{route:?}");
        for pair in route.windows(2) {
            let seg = (pair[0], pair[1]);
            assert!(
                seg.0.0 == seg.1.0 || seg.0.1 == seg.1.1,
                "not orthogonal: {seg:?}"
            );
            for r in [&from, &wall, &to] {
                assert!(!crosses(seg, &r.inflate(-1.0)), "{seg:?} crosses {r:?}");
            }
        }
        let (tag, parts) = place_tag(&route, (18.0, 16.0), &[from, wall, to], &[]).unwrap();
        let [head, tail] = &parts[..] else {
            panic!("a tag on the route cuts it in two: {parts:?}")
        };
        assert_eq!(head[0], route[0]);
        assert_eq!(tail.last(), route.last());
        for pair in head.windows(2).chain(tail.windows(2)) {
            assert!(!crosses((pair[0], pair[1]), &tag.inflate(-1.0)));
        }
        // With the route itself taken, the tag goes beside it.
        let taken: Vec<(Point, Point)> = route.windows(2).map(|s| (s[0], s[1])).collect();
        let (beside, parts) = place_tag(&route, (18.0, 16.0), &[from, wall, to], &taken).unwrap();
        assert_eq!(parts, std::slice::from_ref(&route));
        assert!(!taken.iter().any(|&s| crosses(s, &beside)));
    }
}
