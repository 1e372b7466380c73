//! The grid one route is searched on: its lines beside every obstacle, tag and
//! line already routed, and each grid point's and step's cost worked out at once.

use super::search::Scratch;
use super::segments::{
    END, QUARTERS, alongside, cross, escape, every_spacing, horizontal, ports, span,
};
use super::{MARGIN, Router, SPACING, Segment};
use crate::render::chart::geometry::{Point, Rect};

/// What a route pays, on top of its length, for crossing a reporting line or a
/// dotted one, and how many times its length for running closer than [`SPACING`]
/// beside a dotted line.
#[derive(Clone, Copy)]
pub(super) struct Weights {
    solid: u64,
    dotted: u64,
    alongside: f64,
}

/// Lines kept apart: a crossing costs as much as 500 px of line (a reporting line)
/// or 300 px (a dotted one), a stretch beside another line 30 times its length.
pub(super) const APART: Weights = Weights {
    solid: 5000,
    dotted: 3000,
    alongside: 30.0,
};

/// For a line that would otherwise go a long way round: crossing a dotted line costs
/// as much as 60 px of line, a stretch beside another line 5 times its length, and
/// crossing a reporting line still 500 px: a dotted line struck through a reporting
/// line reads as a reporting line (at 100 px, Lumenary's line to its Head of Finance
/// crossed the CEO's bus rather than go round the heads beside it).
pub(super) const SHORT: Weights = Weights {
    solid: 5000,
    dotted: 600,
    alongside: 5.0,
};

/// The cost of crossing into or out of a frame.
const CROSS_FRAME: u64 = 500;
/// How many times its length a stretch along a frame's side (closer than 3 px) or a
/// reporting line (closer than [`SPACING`]) costs, on top of its length: it would
/// hide the line, or not read as a line of its own.
const ALONG_FRAME: f64 = 30.0;
/// How many times its length a stretch outside the drawing's extent costs: a line
/// goes over the top or around the side of the chart only when the way between its
/// rows is much longer.
pub(super) const OUTSIDE: f64 = 5.0;
/// How far a line keeps from the other lines' tags.
const TAG_CLEAR: f64 = 4.0;

/// The grid one route is searched on, around the router's obstacles and the lines
/// and tags already placed.
pub(super) struct Grid<'a> {
    pub(super) router: &'a Router,
    pub(super) xs: Vec<f64>,
    pub(super) ys: Vec<f64>,
    /// The obstacles and tags grown by just under the margin.
    blocked: Vec<Rect>,
    /// The dotted lines already routed.
    pub(super) taken: &'a [Segment],
    /// What crossing and running beside lines costs.
    weights: Weights,
    /// Their tags.
    pub(super) tags: &'a [Rect],
    /// Where the route may leave its first box.
    pub(super) starts: Vec<(Point, usize)>,
    /// Whether each grid point (at `ix * ys.len() + iy`) is free.
    open: Vec<bool>,
    /// What the step from each grid point to the next one along x costs
    /// ([`Grid::cost`] without the check on where it arrives), or [`SHUT`].
    east: Vec<u64>,
    /// The same for the step to the next grid point along y.
    south: Vec<u64>,
}

/// Grid lines closer than this are one (two lines a pixel apart would read as one
/// line, drawn badly).
pub(super) const SAME: f64 = 0.5;

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

impl<'a> Grid<'a> {
    pub(super) fn new(
        router: &'a Router,
        (from, to): (&Rect, &Rect),
        bounds: Rect,
        taken: &'a [Segment],
        tags: &'a [Rect],
        weights: Weights,
        scratch: &mut Scratch,
    ) -> Grid<'a> {
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
            v.dedup_by(|a, b| (*a - *b).abs() < SAME);
        };
        tidy(&mut xs, bounds.x, bounds.right());
        tidy(&mut ys, bounds.y, bounds.bottom());
        let mut grid = Grid {
            router,
            xs,
            ys,
            blocked,
            taken,
            weights,
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
            (&self.router.solid[..], self.weights.solid),
            (self.taken, self.weights.dotted),
            (&self.router.edges[..], CROSS_FRAME),
        ];
        for (lines, weight) in weighted {
            for &l in lines {
                self.crossings(l, |along, cell| cost[along][cell] += weight);
            }
        }
        // In the order [`Grid::penalty`] adds them, so that the sums are the same.
        let near = self
            .taken
            .iter()
            .map(|&l| (l, SPACING, self.weights.alongside));
        let frames = self.router.edges.iter().map(|&l| (l, 3.0, ALONG_FRAME));
        let solid = self.router.solid.iter().map(|&l| (l, SPACING, ALONG_FRAME));
        for (l, spacing, weight) in near.chain(frames).chain(solid) {
            self.alongside(l, spacing, |along, cell, length| {
                close[along][cell] += length * weight
            });
        }
        // A step's length (as [`Grid::penalty`]'s callers work it out) depends only on
        // its column (along x) or row (along y): plain, three times over soft areas,
        // and [`OUTSIDE`] times outside the extent.
        let lengths = |v: &[f64]| -> Vec<(u64, u64, u64)> {
            v.windows(2)
                .map(|w| {
                    let length = ((w[1] - w[0]).abs() + 0.0) * 10.0;
                    (
                        length as u64,
                        (length * 3.0) as u64,
                        (length * OUTSIDE) as u64,
                    )
                })
                .collect()
        };
        let lengths = [lengths(xs), lengths(ys)];
        // Whether each grid line, and each middle between two, lies outside the extent.
        let extent = self.router.extent;
        let outside = |v: &[f64], low: f64, high: f64| -> Vec<bool> {
            v.iter()
                .map(|c| *c < low - 0.5 || *c > high + 0.5)
                .collect()
        };
        let (out_x, out_y) = (
            outside(xs, extent.x, extent.right()),
            outside(ys, extent.y, extent.bottom()),
        );
        let (out_mid_x, out_mid_y) = (
            outside(&mid_x, extent.x, extent.right()),
            outside(&mid_y, extent.y, extent.bottom()),
        );
        for (along, cost) in cost.iter_mut().enumerate() {
            for ix in 0..xs.len() {
                for iy in 0..ny {
                    let cell = ix * ny + iy;
                    let Some(&(plain, soft, out)) = lengths[along].get([ix, iy][along]) else {
                        cost[cell] = SHUT;
                        continue;
                    };
                    let flags = flags[along][cell];
                    if flags & 1 != 0 {
                        cost[cell] = SHUT;
                        continue;
                    }
                    let close = close[along][cell];
                    if close != 0.0 {
                        cost[cell] += (close * 10.0) as u64;
                    }
                    let outside = if along == 0 {
                        out_mid_x[ix] || out_y[iy]
                    } else {
                        out_x[ix] || out_mid_y[iy]
                    };
                    cost[cell] += if outside {
                        out
                    } else if flags & 2 != 0 {
                        soft
                    } else {
                        plain
                    };
                }
            }
        }
        (self.open, self.east, self.south) = (open, east, south);
    }

    /// Gives the grid's tables back to `scratch` for the next grid.
    pub(super) fn recycle(self, scratch: &mut Scratch) {
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

    pub(super) fn free(&self, p: Point) -> bool {
        !self.blocked.iter().any(|r| r.contains(p))
    }

    pub(super) fn index(v: &[f64], c: f64) -> Option<usize> {
        v.iter().position(|x| (x - c).abs() < SAME)
    }

    /// What a straight stretch costs beyond its length: crossing reporting and dotted
    /// lines and frames' sides, and running alongside any of them.
    pub(super) fn penalty(&self, s: Segment) -> u64 {
        self.penalty_among(s, [&self.router.solid, self.taken, &self.router.edges])
    }

    /// The reporting lines, dotted lines and frames' sides that a stretch within `s`
    /// may cross or run alongside, for [`Grid::penalty_among`].
    pub(super) fn near(&self, s: Segment) -> [Vec<Segment>; 3] {
        let close =
            |spacing: f64| move |&&l: &&Segment| cross(s, l) || alongside(s, l, spacing) > 0.0;
        [
            self.router
                .solid
                .iter()
                .filter(close(SPACING))
                .copied()
                .collect(),
            self.taken.iter().filter(close(SPACING)).copied().collect(),
            self.router
                .edges
                .iter()
                .filter(close(3.0))
                .copied()
                .collect(),
        ]
    }

    /// [`Grid::penalty`] with only the reporting lines, dotted lines and frames' sides
    /// given, which must hold all that `s` crosses or runs alongside.
    pub(super) fn penalty_among(&self, s: Segment, [solid, taken, edges]: [&[Segment]; 3]) -> u64 {
        let dotted = taken.iter().filter(|&&l| cross(s, l)).count() as u64;
        let frames = edges.iter().filter(|&&l| cross(s, l)).count() as u64;
        let weights = self.weights;
        let close: f64 = taken
            .iter()
            .map(|&l| alongside(s, l, SPACING) * weights.alongside)
            .chain(edges.iter().map(|&l| alongside(s, l, 3.0) * ALONG_FRAME))
            .chain(
                solid
                    .iter()
                    .map(|&l| alongside(s, l, SPACING) * ALONG_FRAME),
            )
            .sum();
        let solid = solid.iter().filter(|&&l| cross(s, l)).count() as u64;
        solid * weights.solid
            + dotted * weights.dotted
            + frames * CROSS_FRAME
            + (close * 10.0) as u64
    }

    /// What the step from grid point `ix`, `iy` to its neighbour `jx`, `jy` costs: its
    /// length, three times over soft areas, and the [`Grid::penalty`]; `None` where
    /// the way is not free.
    pub(super) fn cost(&self, ix: usize, iy: usize, jx: usize, jy: usize) -> Option<u64> {
        let ny = self.ys.len();
        let (table, first) = if iy == jy {
            (&self.east, ix.min(jx) * ny + iy)
        } else {
            (&self.south, ix * ny + iy.min(jy))
        };
        let cost = table[first];
        (cost != SHUT && self.open[jx * ny + jy]).then_some(cost)
    }
}
