//! Orthogonal routes for a chart's dotted alignment lines: around every box and
//! label, with as few bends as a short path allows, each ending in its numbered tag
//! beside the box it goes to.
//!
//! The router searches a sparse grid whose lines run a margin away from every
//! obstacle's sides (Dijkstra over grid points and headings, a bend costing as much
//! as 40 px of line), so no route can pass through a box or a label. The lines are
//! routed one after another, each keeping clear of those before it: running
//! alongside one closer than [`SPACING`] costs thirty times its length, crossing one
//! as much as 300 px of line and crossing a reporting line 500 px, so a bundle of
//! lines fans out into parallel tracks and a line goes around the others and the
//! solid ones unless the detour is very long (over the examples, fixtures and three
//! invented profiles at three stages, 6 dotted and 5 solid crossings in all, against
//! 15 and 13 at 150 and 300 px, for 12% more line). Lines leave their first box from ports [`SPACING`] apart
//! on every side, away from where reporting lines meet it.

use super::geometry::{Point, Rect};
use std::collections::HashMap;

/// How far a route keeps from any box or label.
pub const MARGIN: f64 = 9.0;
/// The least distance between two dotted lines running side by side.
pub const SPACING: f64 = 10.0;
/// The gap between a tag and the box its line goes to.
pub const TAG_GAP: f64 = 4.0;
/// The cost of a bend, in tenths of a pixel of length.
const BEND: u64 = 400;
/// The cost of crossing a reporting line.
const CROSS_SOLID: u64 = 5000;
/// The cost of crossing another dotted line.
const CROSS_DOTTED: u64 = 3000;
/// The cost of crossing into or out of a frame (running along its side costs as
/// much as running beside another dotted line).
const CROSS_FRAME: u64 = 500;
/// How many times its length a stretch closer than [`SPACING`] to another dotted
/// line costs, on top of its length.
const ALONGSIDE: f64 = 30.0;

/// A straight segment, from one point to another.
pub type Segment = (Point, Point);

/// A routed line: its points from a side of one box to its tag, and its tag, at the
/// end of the line, [`TAG_GAP`] from the other box.
#[derive(Debug, Clone, PartialEq)]
pub struct Routed {
    /// The line's points.
    pub points: Vec<Point>,
    /// The tag.
    pub tag: Rect,
}

/// The obstacles that every route keeps around, and what it prefers not to cross.
pub struct Router {
    bounds: Rect,
    /// The obstacles as given.
    obstacles: Vec<Rect>,
    /// Areas a route crosses rather than follows (around the reporting lines): a
    /// stretch in them costs three times its length.
    soft: Vec<Rect>,
    /// The reporting lines.
    solid: Vec<Segment>,
    /// Outlines a tag may not cover (the frames').
    borders: Vec<Rect>,
    /// Their sides.
    edges: Vec<Segment>,
}

/// Where a line may enter the box it goes to, along each side.
const QUARTERS: [f64; 3] = [0.25, 0.5, 0.75];

/// Whether the outline of `frame` passes through `r`.
fn on_border(frame: &Rect, r: &Rect) -> bool {
    let inside =
        r.x > frame.x && r.right() < frame.right() && r.y > frame.y && r.bottom() < frame.bottom();
    frame.overlaps(r) && !inside
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

/// The length of a route's last straight stretch, into its target: room for its tag
/// (at most 22 px) and a little beyond.
const END: f64 = TAG_GAP + 24.0;
/// How far a line keeps from the other lines' tags.
const TAG_CLEAR: f64 = 4.0;

/// Where a line may leave or enter a box: a point on its side and the direction out,
/// on the top and bottom at each of `across` of the width, on the left and right at
/// each of `down` of the height, except where a reporting line meets the box.
fn ports(r: &Rect, solid: &[Segment], across: &[f64], down: &[f64]) -> Vec<(Point, usize)> {
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
fn every_spacing(length: f64) -> Vec<f64> {
    let n = ((length - 12.0) / SPACING).floor().max(0.0) as usize;
    let first = (length - n as f64 * SPACING) / 2.0;
    (0..=n)
        .map(|i| (first + i as f64 * SPACING) / length)
        .collect()
}

fn horizontal((a, b): Segment) -> bool {
    (a.1 - b.1).abs() < 0.01
}

fn span(a: f64, b: f64) -> (f64, f64) {
    (a.min(b), a.max(b))
}

/// Whether two axis-parallel segments cross, one horizontal and one vertical; the
/// far end of each range counts and the near one does not, so that a line crossed at
/// a grid point between two moves is crossed once.
fn cross(a: Segment, b: Segment) -> bool {
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
fn alongside(a: Segment, b: Segment, spacing: f64) -> f64 {
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

impl Router {
    /// A router around `obstacles` within `bounds`, crossing `soft` areas rather than
    /// following them, and the `solid` reporting lines only where going around them
    /// is much longer; a line crosses the outline of a `border` (a frame) at a cost,
    /// and no tag covers one.
    pub fn new(
        obstacles: &[Rect],
        soft: &[Rect],
        solid: &[Segment],
        borders: &[Rect],
        bounds: Rect,
    ) -> Router {
        let edges = borders
            .iter()
            .flat_map(|r| {
                let (a, b, c, d) = (
                    (r.x, r.y),
                    (r.right(), r.y),
                    (r.right(), r.bottom()),
                    (r.x, r.bottom()),
                );
                [(a, b), (b, c), (d, c), (a, d)]
            })
            .collect();
        Router {
            bounds,
            edges,
            borders: borders.to_vec(),
            obstacles: obstacles.to_vec(),
            soft: soft.to_vec(),
            solid: solid.iter().copied().filter(|(a, b)| a != b).collect(),
        }
    }

    /// A route for each pair of boxes (which are among the obstacles), from a side of
    /// the first to a tag `tag` in size beside the second; `None` where no route is
    /// found. The lines are routed one by one, each keeping clear of the lines and
    /// tags routed before it, in whichever of a few orders (farthest first, nearest
    /// first, top down, bottom up) routes the most lines at the least cost, so that
    /// the lines nest rather than cross.
    pub fn route_all(&self, pairs: &[(Rect, Rect)], tag: (f64, f64)) -> Vec<Option<Routed>> {
        let distance = |(a, b): &(Rect, Rect)| (a.cx() - b.cx()).abs() + (a.cy() - b.cy()).abs();
        let height = |(_, b): &(Rect, Rect)| b.cy() + b.cx() / 1e4;
        let mut orders: Vec<Vec<usize>> = Vec::new();
        for key in [distance, height] {
            let mut order: Vec<usize> = (0..pairs.len()).collect();
            order.sort_by(|&i, &j| key(&pairs[i]).total_cmp(&key(&pairs[j])));
            let reversed = order.iter().rev().copied().collect();
            for order in [reversed, order] {
                if !orders.contains(&order) {
                    orders.push(order);
                }
            }
        }
        let mut scratch = Scratch::default();
        let mut known = HashMap::new();
        let mut routes = orders
            .into_iter()
            .map(|order| self.route_in(pairs, tag, &order, &mut scratch, &mut known))
            .min_by_key(|(routes, cost)| (routes.iter().filter(|r| r.is_none()).count(), *cost))
            .map(|(routes, _)| routes)
            .unwrap_or_default();
        // Each line routed again around all the others, which an early line could
        // not see: a line that went around the chart to stay clear of lines routed
        // before it finds the short way the others left.
        for i in 0..routes.len() {
            let others = routes.iter().enumerate().filter(|&(j, _)| j != i);
            let others: Vec<&Routed> = others.filter_map(|(_, r)| r.as_ref()).collect();
            let taken: Vec<Segment> = others
                .iter()
                .flat_map(|r| r.points.windows(2).map(|w| (w[0], w[1])))
                .collect();
            let tags: Vec<Rect> = others.iter().map(|r| r.tag).collect();
            let (from, to) = &pairs[i];
            let grid = Grid::new(self, from, to, &taken, &tags, &mut scratch);
            let again = [true, false]
                .into_iter()
                .find_map(|strict| grid.route(to, tag, strict, &mut scratch));
            grid.recycle(&mut scratch);
            if let Some((r, _)) = again {
                routes[i] = Some(r);
            }
        }
        routes
    }

    /// The pairs routed in `order`, and what the routes cost in all; `known` keeps
    /// each line's route by the order's lines up to it.
    fn route_in(
        &self,
        pairs: &[(Rect, Rect)],
        tag: (f64, f64),
        order: &[usize],
        scratch: &mut Scratch,
        known: &mut HashMap<Vec<usize>, Option<(Routed, u64)>>,
    ) -> (Vec<Option<Routed>>, u64) {
        let mut taken: Vec<Segment> = Vec::new();
        let mut tags: Vec<Rect> = Vec::new();
        let mut out = vec![None; pairs.len()];
        let mut total = 0;
        for (n, &i) in order.iter().enumerate() {
            // Another order that began the same way routed this line the same.
            let routed = known.entry(order[..=n].to_vec()).or_insert_with(|| {
                let (from, to) = &pairs[i];
                let grid = Grid::new(self, from, to, &taken, &tags, scratch);
                let routed = [true, false]
                    .into_iter()
                    .find_map(|strict| grid.route(to, tag, strict, scratch));
                grid.recycle(scratch);
                routed
            });
            if let Some((r, cost)) = routed {
                taken.extend(r.points.windows(2).map(|w| (w[0], w[1])));
                tags.push(r.tag);
                total += *cost;
                out[i] = Some(r.clone());
            }
        }
        (out, total)
    }
}

/// What the searches reuse from one to the next.
#[derive(Default)]
struct Scratch {
    /// The least cost found to each state.
    best: Vec<u64>,
    /// The states the search starts from, with their costs.
    starts: Vec<(usize, u64)>,
    /// Whether a goal lies at each grid point.
    at_goal: Vec<bool>,
    queue: Queue,
    /// A grid's tables, kept for the next one.
    grid: (Vec<bool>, [Vec<u64>; 2]),
    /// Whether each step's middle is not free (1) and whether over a soft area (2),
    /// along x and along y.
    flags: [Vec<u8>; 2],
    /// How far each step runs alongside other lines, along x and y.
    close: [Vec<f64>; 2],
    /// The cost of the grid steps from the first grid line to each, along x.
    along_x: Vec<u64>,
    /// The same along y.
    along_y: Vec<u64>,
    /// The least cost from each grid point to a goal ray, where worked out.
    to_go: Vec<u64>,
}

/// The states still to search, each with a bound on the cost of a route through
/// it and the cost to it, least bound first: a radix heap, as every bound pushed is
/// at least the last popped.
#[derive(Default)]
struct Queue {
    /// The last bound popped.
    last: u64,
    /// The entries by the highest bit in which their bound differs from `last`.
    buckets: Vec<Vec<(u64, u64, usize)>>,
}

impl Queue {
    fn clear(&mut self) {
        self.last = 0;
        self.buckets.resize_with(65, Vec::new);
        self.buckets.iter_mut().for_each(Vec::clear);
    }

    fn bucket(&self, bound: u64) -> usize {
        (64 - (bound ^ self.last).leading_zeros()) as usize
    }

    fn push(&mut self, bound: u64, cost: u64, state: usize) {
        debug_assert!(bound >= self.last, "a bound below the last popped");
        let b = self.bucket(bound);
        self.buckets[b].push((bound, cost, state));
    }

    fn pop(&mut self) -> Option<(u64, u64, usize)> {
        if self.buckets[0].is_empty() {
            let i = self.buckets.iter().position(|b| !b.is_empty())?;
            let mut entries = std::mem::take(&mut self.buckets[i]);
            self.last = entries.iter().map(|e| e.0).min()?;
            for &e in &entries {
                let b = self.bucket(e.0);
                self.buckets[b].push(e);
            }
            entries.clear();
            self.buckets[i] = entries;
        }
        self.buckets[0].pop()
    }
}

/// The grid one route is searched on, around the router's obstacles and the lines
/// and tags already placed.
struct Grid<'a> {
    router: &'a Router,
    xs: Vec<f64>,
    ys: Vec<f64>,
    /// The obstacles and tags grown by just under the margin.
    blocked: Vec<Rect>,
    /// The dotted lines already routed.
    taken: &'a [Segment],
    /// Their tags.
    tags: &'a [Rect],
    /// Where the route may leave its first box.
    starts: Vec<(Point, usize)>,
    /// Whether each grid point (at `ix * ys.len() + iy`) is free.
    open: Vec<bool>,
    /// What the step from each grid point to the next one along x costs
    /// ([`Grid::cost`] without the check on where it arrives), or [`SHUT`].
    east: Vec<u64>,
    /// The same for the step to the next grid point along y.
    south: Vec<u64>,
}

/// The cost of a step whose middle is not free.
const SHUT: u64 = u64::MAX;

/// The indices of the sorted `v` strictly between `low` and `high`.
fn between(v: &[f64], low: f64, high: f64) -> std::ops::Range<usize> {
    v.partition_point(|c| *c <= low)..v.partition_point(|c| *c < high)
}

/// The points halfway between neighbours of the sorted `v`.
fn halves(v: &[f64]) -> Vec<f64> {
    v.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect()
}

/// Where a route may end: the grid point (x, y index), the direction out of the
/// target's port, the port, the cost from the grid point to the port, and the tag.
type Goal = (usize, usize, usize, Point, u64, Rect);

impl<'a> Grid<'a> {
    fn new(
        router: &'a Router,
        from: &Rect,
        to: &Rect,
        taken: &'a [Segment],
        tags: &'a [Rect],
        scratch: &mut Scratch,
    ) -> Grid<'a> {
        let bounds = router.bounds;
        let mut xs = vec![bounds.x, bounds.right()];
        let mut ys = vec![bounds.y, bounds.bottom()];
        let mut blocked: Vec<Rect> = Vec::new();
        let around = |r: &Rect, m: f64| {
            (
                [r.x - m, r.right() + m],
                [r.y - m, r.bottom() + m],
                r.inflate(m - 0.5),
            )
        };
        let near = router.obstacles.iter().map(|r| around(r, MARGIN));
        for (x, y, b) in near.chain(tags.iter().map(|t| around(t, TAG_CLEAR))) {
            xs.extend(x);
            ys.extend(y);
            blocked.push(b);
        }
        // Tracks beside the lines already routed.
        for &s in taken {
            let (v, c) = if horizontal(s) {
                (&mut ys, s.0.1)
            } else {
                (&mut xs, s.0.0)
            };
            v.extend([-2.0, -1.0, 1.0, 2.0].map(|k| c + k * SPACING));
        }
        let starts = ports(
            from,
            &router.solid,
            &every_spacing(from.w),
            &every_spacing(from.h),
        );
        for (p, dir) in starts
            .iter()
            .chain(&ports(to, &router.solid, &QUARTERS, &QUARTERS))
        {
            for length in [0.0, MARGIN, END] {
                let (x, y) = escape(*p, *dir, length);
                xs.push(x);
                ys.push(y);
            }
        }
        // Within the bounds: a track beside a line on the edge would leave them.
        let tidy = |v: &mut Vec<f64>, low: f64, high: f64| {
            v.retain(|c| c.is_finite() && *c >= low - 0.25 && *c <= high + 0.25);
            v.sort_by(f64::total_cmp);
            v.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        };
        tidy(&mut xs, bounds.x, bounds.right());
        tidy(&mut ys, bounds.y, bounds.bottom());
        let mut grid = Grid {
            router,
            xs,
            ys,
            blocked,
            taken,
            tags,
            starts,
            open: Vec::new(),
            east: Vec::new(),
            south: Vec::new(),
        };
        grid.rasterise(scratch);
        grid
    }

    /// Every grid point's and step's [`Grid::free`] and [`Grid::cost`] worked out at
    /// once, from each obstacle and line to the grid points and steps it reaches,
    /// rather than each step tested against every obstacle and line.
    fn rasterise(&mut self, scratch: &mut Scratch) {
        let (xs, ys) = (&self.xs, &self.ys);
        let ny = ys.len();
        let cells = xs.len() * ny;
        let (mid_x, mid_y) = (halves(xs), halves(ys));
        let (mut open, [mut east, mut south]) = std::mem::take(&mut scratch.grid);
        open.clear();
        open.resize(cells, true);
        // Each step's crossings (weighted), then its cost.
        let mut cost = [&mut east, &mut south];
        // Whether each step's middle is not free (1) and whether over a soft area (2),
        // and how far it runs alongside other lines.
        let Scratch { flags, close, .. } = scratch;
        for v in cost.iter_mut() {
            v.clear();
            v.resize(cells, 0);
        }
        for v in flags.iter_mut() {
            v.clear();
            v.resize(cells, 0);
        }
        for v in close.iter_mut() {
            v.clear();
            v.resize(cells, 0.0);
        }
        let mark = |rect: &Rect, grid: &mut [u8], flag: u8, across: &[f64], down: &[f64]| {
            for ix in between(across, rect.x, rect.right()) {
                for iy in between(down, rect.y, rect.bottom()) {
                    grid[ix * ny + iy] |= flag;
                }
            }
        };
        for r in &self.blocked {
            for ix in between(xs, r.x, r.right()) {
                for iy in between(ys, r.y, r.bottom()) {
                    open[ix * ny + iy] = false;
                }
            }
            mark(r, &mut flags[0], 1, &mid_x, ys);
            mark(r, &mut flags[1], 1, xs, &mid_y);
        }
        for r in &self.router.soft {
            mark(r, &mut flags[0], 2, &mid_x, ys);
            mark(r, &mut flags[1], 2, xs, &mid_y);
        }
        let weighted = [
            (&self.router.solid[..], CROSS_SOLID),
            (self.taken, CROSS_DOTTED),
            (&self.router.edges[..], CROSS_FRAME),
        ];
        for (lines, weight) in weighted {
            for &l in lines {
                self.crossings(l, |along, cell| cost[along][cell] += weight);
            }
        }
        // In the order [`Grid::penalty`] adds them, so that the sums are the same.
        let near = self.taken.iter().map(|&l| (l, SPACING));
        for (l, spacing) in near.chain(self.router.edges.iter().map(|&l| (l, 3.0))) {
            self.alongside(l, spacing, |along, cell, length| {
                close[along][cell] += length
            });
        }
        for (along, cost) in cost.iter_mut().enumerate() {
            for ix in 0..xs.len() {
                for iy in 0..ny {
                    let cell = ix * ny + iy;
                    let last = [ix + 1 == xs.len(), iy + 1 == ny][along];
                    if last || flags[along][cell] & 1 != 0 {
                        cost[cell] = SHUT;
                        continue;
                    }
                    let (a, b) = self.neighbours(ix, iy, along);
                    let mut length = ((b.0 - a.0).abs() + (b.1 - a.1).abs()) * 10.0;
                    if flags[along][cell] & 2 != 0 {
                        length *= 3.0;
                    }
                    let close = (close[along][cell] * 10.0 * ALONGSIDE) as u64;
                    cost[cell] += length as u64 + close;
                }
            }
        }
        (self.open, self.east, self.south) = (open, east, south);
    }

    /// Gives the grid's tables back to `scratch` for the next grid.
    fn recycle(self, scratch: &mut Scratch) {
        scratch.grid = (self.open, [self.east, self.south]);
    }

    /// The grid point `ix`, `iy` and its next neighbour along x (`along` 0) or y (1).
    fn neighbours(&self, ix: usize, iy: usize, along: usize) -> Segment {
        let (jx, jy) = if along == 0 {
            (ix + 1, iy)
        } else {
            (ix, iy + 1)
        };
        ((self.xs[ix], self.ys[iy]), (self.xs[jx], self.ys[jy]))
    }

    /// Calls `f` with each step (along x: 0, along y: 1, and its first grid point)
    /// that [`cross`]es `l`.
    fn crossings(&self, l: Segment, mut f: impl FnMut(usize, usize)) {
        let (xs, ys) = (&self.xs, &self.ys);
        let ny = ys.len();
        if horizontal(l) {
            // Steps along y from the row just above the line, in the columns it spans.
            let (x0, x1) = span(l.0.0, l.1.0);
            let below = ys.partition_point(|c| *c < l.0.1);
            if below == 0 || below == ny {
                return;
            }
            let columns = xs.partition_point(|c| *c <= x0)..xs.partition_point(|c| *c <= x1);
            for ix in columns {
                f(1, ix * ny + below - 1);
            }
        } else {
            let (y0, y1) = span(l.0.1, l.1.1);
            let right = xs.partition_point(|c| *c < l.0.0);
            if right == 0 || right == xs.len() {
                return;
            }
            let rows = ys.partition_point(|c| *c <= y0)..ys.partition_point(|c| *c <= y1);
            for iy in rows {
                f(0, (right - 1) * ny + iy);
            }
        }
    }

    /// Calls `f` with each step (as in [`Grid::crossings`]) that runs [`alongside`]
    /// `l` closer than `spacing`, and how far.
    fn alongside(&self, l: Segment, spacing: f64, mut f: impl FnMut(usize, usize, f64)) {
        let (xs, ys) = (&self.xs, &self.ys);
        let ny = ys.len();
        let along = usize::from(!horizontal(l));
        let ((c, (lo, hi)), (across, down)) = if along == 0 {
            ((l.0.1, span(l.0.0, l.1.0)), (xs, ys))
        } else {
            ((l.0.0, span(l.0.1, l.1.1)), (ys, xs))
        };
        // Steps from the last point at or before `lo` to the first at or after `hi`.
        let first = across.partition_point(|v| *v <= lo).saturating_sub(1);
        let last = across.partition_point(|v| *v < hi).min(across.len() - 1);
        for j in between(down, c - spacing, c + spacing) {
            for i in first..last {
                let (ix, iy) = if along == 0 { (i, j) } else { (j, i) };
                let length = alongside(self.neighbours(ix, iy, along), l, spacing);
                if length > 0.0 {
                    f(along, ix * ny + iy, length);
                }
            }
        }
    }

    fn free(&self, p: Point) -> bool {
        !self.blocked.iter().any(|r| r.contains(p))
    }

    fn index(v: &[f64], c: f64) -> Option<usize> {
        v.iter().position(|x| (x - c).abs() < 0.5)
    }

    /// What a straight stretch costs beyond its length: crossing reporting and dotted
    /// lines, and running alongside dotted ones.
    fn penalty(&self, s: Segment) -> u64 {
        let solid = self.router.solid.iter().filter(|&&l| cross(s, l)).count() as u64;
        let dotted = self.taken.iter().filter(|&&l| cross(s, l)).count() as u64;
        let frames = self.router.edges.iter().filter(|&&l| cross(s, l)).count() as u64;
        let close: f64 = self
            .taken
            .iter()
            .map(|&l| alongside(s, l, SPACING))
            .chain(self.router.edges.iter().map(|&l| alongside(s, l, 3.0)))
            .sum();
        solid * CROSS_SOLID
            + dotted * CROSS_DOTTED
            + frames * CROSS_FRAME
            + (close * 10.0 * ALONGSIDE) as u64
    }

    /// The shortest route with few bends from a side of `from` to a tag beside `to`.
    /// When `strict`, the tag covers no other line.
    /// Returns it with its cost.
    fn route(
        &self,
        to: &Rect,
        tag: (f64, f64),
        strict: bool,
        scratch: &mut Scratch,
    ) -> Option<(Routed, u64)> {
        let goals = self.goals(to, tag, strict);
        let (end, goal, cost) = self.search(&goals, strict, scratch)?;
        Some((self.path(end, &goal, scratch)?, cost))
    }

    /// The search state at grid point `ix`, `iy`, heading in direction `dir`.
    fn state(&self, ix: usize, iy: usize, dir: usize) -> usize {
        (ix * self.ys.len() + iy) * 4 + dir
    }

    /// Where a route into `to` may end: anywhere on a ray out of a port of `to`, at
    /// least [`END`] from it, from where it goes straight in to its tag, which covers
    /// no box or label, no reporting line, no other tag and (when `strict`) no dotted
    /// line.
    fn goals(&self, to: &Rect, (w, h): (f64, f64), strict: bool) -> Vec<Goal> {
        let (nx, ny) = (self.xs.len(), self.ys.len());
        let mut goals: Vec<Goal> = Vec::new();
        for (p, dir) in ports(to, &self.router.solid, &QUARTERS, &QUARTERS) {
            let along = if dir <= LEFT { w } else { h };
            let c = escape(p, dir, TAG_GAP + along / 2.0);
            let tag = Rect::new(c.0 - w / 2.0, c.1 - h / 2.0, w, h);
            let near = tag.inflate(2.0);
            let touches = |s: &Segment| crosses(*s, &near);
            let e = escape(p, dir, END);
            let clear = self
                .router
                .obstacles
                .iter()
                .filter(|r| *r != to)
                .all(|r| !crosses((p, e), &r.inflate(MARGIN - 0.5)) && !r.overlaps(&near))
                && !self.tags.iter().any(|t| t.overlaps(&near))
                && !self.router.borders.iter().any(|b| on_border(b, &near))
                && !self.router.solid.iter().any(touches)
                && (!strict || !self.taken.iter().any(touches));
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
                let length = (at.0 - p.0).abs() + (at.1 - p.1).abs();
                let cost = (length * 10.0) as u64 + self.penalty((at, p));
                goals.push((ix, iy, dir, p, cost, tag));
                let (dx, dy) = STEPS[dir];
                let (jx, jy) = (ix as i64 + dx, iy as i64 + dy);
                if jx < 0 || jy < 0 || jx as usize >= nx || jy as usize >= ny {
                    break;
                }
                let (jx, jy) = (jx as usize, jy as usize);
                if self.cost(ix, iy, jx, jy).is_none() {
                    break;
                }
                (ix, iy) = (jx, jy);
            }
        }
        goals
    }

    /// The cheapest way along the grid from a start to one of the `goals`, each step
    /// costed by [`Grid::cost`] and a bend by [`BEND`], when `strict` from a start no
    /// other line leaves by: the state it ends in, the goal and the cost, with each
    /// state's least cost left in `scratch` for [`Grid::before`].
    ///
    /// An A* search: a state is taken up in order of its cost so far plus a bound
    /// on the cost still to come (the grid steps to the nearest goal ray, each
    /// costing at least its length), and the search goes on until every state that
    /// could lie on a cheapest route has its least cost. Among equally cheap routes
    /// it ends where a Dijkstra search taking states in order of cost and then of
    /// number would (the least cost, then state, then goal), and [`Grid::before`]
    /// walks back the way that search would have come.
    fn search(
        &self,
        goals: &[Goal],
        strict: bool,
        scratch: &mut Scratch,
    ) -> Option<(usize, Goal, u64)> {
        if goals.is_empty() {
            return None;
        }
        let (nx, ny) = (self.xs.len(), self.ys.len());
        let Scratch {
            best,
            starts,
            at_goal,
            queue,
            along_x,
            along_y,
            to_go,
            ..
        } = scratch;
        best.clear();
        best.resize(nx * ny * 4, u64::MAX);
        at_goal.clear();
        at_goal.resize(nx * ny, false);
        starts.clear();
        queue.clear();
        // The cost of the grid steps from the first grid point to each, along x and y.
        for (sums, v) in [(&mut *along_x, &self.xs), (&mut *along_y, &self.ys)] {
            sums.clear();
            sums.push(0);
            for w in v.windows(2) {
                let last = sums[sums.len() - 1];
                sums.push(last + ((w[1] - w[0]).abs() * 10.0) as u64);
            }
        }
        // The first goal on each port's ray: every goal on the ray costs at least the
        // steps back to it.
        let mut anchors: Vec<(usize, usize)> = Vec::new();
        for (k, g) in goals.iter().enumerate() {
            at_goal[g.0 * ny + g.1] = true;
            if k == 0 || (goals[k - 1].2, goals[k - 1].3) != (g.2, g.3) {
                anchors.push((g.0, g.1));
            }
        }
        let (along_x, along_y) = (&*along_x, &*along_y);
        to_go.clear();
        to_go.resize(nx * ny, u64::MAX);
        // Worked out for a grid point when first reached.
        let mut to_go = |ix: usize, iy: usize| {
            let known = &mut to_go[ix * ny + iy];
            if *known == u64::MAX {
                *known = anchors
                    .iter()
                    .map(|&(ax, ay)| {
                        along_x[ix].abs_diff(along_x[ax]) + along_y[iy].abs_diff(along_y[ay])
                    })
                    .min()
                    .unwrap_or(0);
            }
            *known
        };
        for &(p, dir) in &self.starts {
            let e = escape(p, dir, MARGIN);
            if let (Some(ix), Some(iy)) = (Self::index(&self.xs, e.0), Self::index(&self.ys, e.1)) {
                let shared = self
                    .taken
                    .iter()
                    .any(|&l| alongside((p, e), l, SPACING) > 0.0);
                if !self.free(e) || (strict && shared) {
                    continue;
                }
                let s = self.state(ix, iy, dir);
                let cost = (MARGIN * 10.0) as u64 + self.penalty((p, e));
                if cost < best[s] {
                    best[s] = cost;
                    starts.push((s, cost));
                    queue.push(cost + to_go(ix, iy), cost, s);
                }
            }
        }
        // The cheapest end so far: its cost, the cost to its state, the state and
        // the goal.
        let mut end: Option<(u64, u64, usize, usize)> = None;
        while let Some((bound, cost, s)) = queue.pop() {
            // Every state still to come could only end dearer.
            if end.is_some_and(|(c, ..)| bound > c) {
                break;
            }
            if cost > best[s] {
                continue;
            }
            let (cell, dir) = (s / 4, s % 4);
            let (ix, iy) = (cell / ny, cell % ny);
            if at_goal[cell] {
                for (k, goal) in goals.iter().enumerate() {
                    let out = goal.2;
                    if (goal.0, goal.1) != (ix, iy) || dir == out {
                        continue;
                    }
                    // The last stretch goes into the box, against its port's direction.
                    let turn = if dir == (out ^ 1) { 0 } else { BEND };
                    let here = (cost + turn + goal.4, cost, s, k);
                    if end.is_none_or(|e| here < e) {
                        end = Some(here);
                    }
                }
            }
            for (next_dir, &(dx, dy)) in STEPS.iter().enumerate() {
                if next_dir == (dir ^ 1) {
                    continue;
                }
                let (jx, jy) = (ix as i64 + dx, iy as i64 + dy);
                if jx < 0 || jy < 0 || jx as usize >= nx || jy as usize >= ny {
                    continue;
                }
                let (jx, jy) = (jx as usize, jy as usize);
                let Some(step) = self.cost(ix, iy, jx, jy) else {
                    continue;
                };
                let turn = if next_dir == dir { 0 } else { BEND };
                let (t, c) = (self.state(jx, jy, next_dir), cost + step + turn);
                if c < best[t] {
                    best[t] = c;
                    queue.push(c + to_go(jx, jy), c, t);
                }
            }
        }
        end.map(|(cost, _, s, k)| (s, goals[k], cost))
    }

    /// The state the search came to state `t` from, as a Dijkstra search would have
    /// (of those it could come from at its least cost, the one with the least cost,
    /// then number), or `None` where it starts there.
    fn before(&self, t: usize, scratch: &Scratch) -> Option<usize> {
        let best = &scratch.best;
        let ny = self.ys.len();
        if scratch.starts.iter().any(|&(s, c)| s == t && c == best[t]) {
            return None;
        }
        let (cell, dir) = (t / 4, t % 4);
        let (dx, dy) = STEPS[dir];
        let (ix, iy) = ((cell / ny) as i64 - dx, (cell % ny) as i64 - dy);
        let (ix, iy) = (usize::try_from(ix).ok()?, usize::try_from(iy).ok()?);
        let step = self.cost(ix, iy, cell / ny, cell % ny)?;
        (0..4)
            .filter(|&from| from != (dir ^ 1))
            .map(|from| self.state(ix, iy, from))
            .filter(|&s| {
                let turn = if s % 4 == dir { 0 } else { BEND };
                best[s] != u64::MAX && best[s] + step + turn == best[t]
            })
            .min_by_key(|&s| (best[s], s))
    }

    /// What the step from grid point `ix`, `iy` to its neighbour `jx`, `jy` costs: its
    /// length, three times over soft areas, and the [`Grid::penalty`]; `None` where
    /// the way is not free.
    fn cost(&self, ix: usize, iy: usize, jx: usize, jy: usize) -> Option<u64> {
        let ny = self.ys.len();
        let (table, first) = if iy == jy {
            (&self.east, ix.min(jx) * ny + iy)
        } else {
            (&self.south, ix * ny + iy.min(jy))
        };
        let cost = table[first];
        (cost != SHUT && self.open[jx * ny + jy]).then_some(cost)
    }

    /// The route found, walked back from the state `end` through [`Grid::before`] to the start
    /// it left from, without the points in the middle of a straight run; it ends at
    /// the goal's tag.
    fn path(&self, end: usize, goal: &Goal, scratch: &Scratch) -> Option<Routed> {
        let ny = self.ys.len();
        let &(_, _, out, port, _, tag) = goal;
        let mut s = end;
        let mut points = vec![escape(
            port,
            out,
            TAG_GAP + if out <= LEFT { tag.w } else { tag.h },
        )];
        loop {
            let cell = s / 4;
            points.push((self.xs[cell / ny], self.ys[cell % ny]));
            match self.before(s, scratch) {
                Some(from) => s = from,
                None => break,
            }
        }
        let last = points[points.len() - 1];
        let first = self
            .starts
            .iter()
            .find(|&&(p, dir)| {
                let e = escape(p, dir, MARGIN);
                (e.0 - last.0).abs() < 0.5 && (e.1 - last.1).abs() < 0.5 && s % 4 == dir
            })
            .map(|&(p, _)| p)?;
        points.push(first);
        points.reverse();
        Some(Routed {
            points: straight(points),
            tag,
        })
    }
}

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
pub fn crosses((a, b): Segment, r: &Rect) -> bool {
    let seg = Rect::new(
        a.0.min(b.0) - 0.5,
        a.1.min(b.1) - 0.5,
        (a.0 - b.0).abs() + 1.0,
        (a.1 - b.1).abs() + 1.0,
    );
    seg.overlaps(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAG: (f64, f64) = (20.0, 18.0);

    fn gap(a: &Rect, b: &Rect) -> f64 {
        (a.x - b.right())
            .max(b.x - a.right())
            .max(a.y - b.bottom())
            .max(b.y - a.bottom())
    }

    #[test]
    fn a_route_goes_around_the_box_between_its_ends_to_a_tag_beside_its_target() {
        let from = Rect::new(0.0, 0.0, 60.0, 30.0);
        let wall = Rect::new(100.0, -40.0, 40.0, 110.0);
        let to = Rect::new(200.0, 0.0, 60.0, 30.0);
        let router = Router::new(
            &[from, wall, to],
            &[],
            &[],
            &[],
            Rect::new(-50.0, -100.0, 400.0, 250.0),
        );
        let [Some(routed)] = &router.route_all(&[(from, to)], TAG)[..] else {
            panic!("a route")
        };
        let route = &routed.points;
        let on_side = |r: &Rect, (x, y): Point| {
            ((x == r.x || x == r.right()) && (r.y..=r.bottom()).contains(&y))
                || ((r.x..=r.right()).contains(&x) && (y == r.y || y == r.bottom()))
        };
        assert!(on_side(&from, route[0]), "{route:?}");
        assert!(on_side(&routed.tag, route[route.len() - 1]), "{route:?}");
        assert!((gap(&routed.tag, &to) - TAG_GAP).abs() < 0.01, "{routed:?}");
        for pair in route.windows(2) {
            let seg = (pair[0], pair[1]);
            assert!(
                seg.0.0 == seg.1.0 || seg.0.1 == seg.1.1,
                "not orthogonal: {seg:?}"
            );
            for r in [&from, &wall, &to, &routed.tag] {
                assert!(!crosses(seg, &r.inflate(-1.0)), "{seg:?} crosses {r:?}");
            }
        }
    }

    /// A lead with a column of heads to its left, as in an org chart: the lines fan
    /// out in tracks at least [`SPACING`] apart, cross neither each other nor the
    /// reporting line above the lead, and each ends in a tag beside its head.
    #[test]
    fn a_fan_of_lines_runs_in_separate_tracks_to_tags_beside_each_head() {
        let lead = Rect::new(400.0, 100.0, 180.0, 30.0);
        let heads: Vec<Rect> = (0..5)
            .map(|i| Rect::new(0.0, 60.0 + 50.0 * i as f64, 150.0, 30.0))
            .collect();
        let solid = [((490.0, 40.0), (490.0, 100.0))];
        let mut obstacles = heads.clone();
        obstacles.push(lead);
        let router = Router::new(
            &obstacles,
            &[],
            &solid,
            &[],
            Rect::new(-40.0, 0.0, 700.0, 400.0),
        );
        let pairs: Vec<(Rect, Rect)> = heads.iter().map(|h| (lead, *h)).collect();
        let routes: Vec<Routed> = router
            .route_all(&pairs, TAG)
            .into_iter()
            .map(|r| r.expect("a route"))
            .collect();
        let segs =
            |r: &Routed| -> Vec<Segment> { r.points.windows(2).map(|w| (w[0], w[1])).collect() };
        for (i, (a, head)) in routes.iter().zip(&heads).enumerate() {
            assert!((gap(&a.tag, head) - TAG_GAP).abs() < 0.01, "{i}: {a:?}");
            for s in segs(a) {
                assert!(
                    !solid.iter().any(|&l| cross(s, l)),
                    "{i} crosses the reporting line"
                );
            }
            for b in &routes[i + 1..] {
                for (s, t) in segs(a)
                    .into_iter()
                    .flat_map(|s| segs(b).into_iter().map(move |t| (s, t)))
                {
                    assert!(!cross(s, t), "{s:?} crosses {t:?}");
                    assert_eq!(alongside(s, t, SPACING), 0.0, "{s:?} runs beside {t:?}");
                }
            }
        }
    }
}
