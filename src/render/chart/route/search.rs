//! The search for one route on its grid: an A* search over grid points and
//! headings, and the walk back from where it ends to the start it left from.

use super::grid::{Grid, SAME};
use super::segments::{
    END, LEFT, QUARTERS, STEPS, alongside, crosses, escape, on_border, ports, shortcut, square,
    straight, unjog,
};
use super::{MARGIN, Routed, SPACING, Segment, TAG_GAP};
use crate::render::chart::geometry::{Point, Rect};

/// The cost of a bend, in tenths of a pixel of length.
const BEND: u64 = 400;
/// What a line pays, per pixel, for leaving a box's side farther than it must from
/// the nearest port another line leaves that side by: lines leaving one side keep
/// together and nest (the first line to the highest of a column of heads from the
/// top port, the next from the port under it), rather than each taking the port
/// nearest its own head and leaving a line between them only a crossing.
const PACK: f64 = 4.0;

/// What the searches reuse from one to the next.
#[derive(Default)]
pub(super) struct Scratch {
    /// The least cost found to each state.
    best: Vec<u64>,
    /// The states the search starts from, with their costs.
    starts: Vec<(usize, u64)>,
    /// Whether a goal lies at each grid point.
    at_goal: Vec<bool>,
    queue: Queue,
    /// A grid's tables, kept for the next one.
    pub(super) grid: (Vec<bool>, [Vec<u64>; 2]),
    /// Whether each step's middle is not free (1) and whether over a soft area (2),
    /// along x and along y.
    pub(super) flags: [Vec<u8>; 2],
    /// How far each step runs alongside other lines, along x and y.
    pub(super) close: [Vec<f64>; 2],
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

/// What a route may not do: relaxed in turn, in [`STRICTNESS`]'s order, where no
/// route is found.
#[derive(Clone, Copy)]
pub(super) struct Strict {
    /// Its tag covers no other line (a line under a tag reads as ending there).
    tag_clear: bool,
    /// It leaves its first box where no other line does.
    own_start: bool,
}

/// The strictness tried, most first: a shared start before a tag over a line.
pub(super) const STRICTNESS: [Strict; 3] = [
    Strict {
        tag_clear: true,
        own_start: true,
    },
    Strict {
        tag_clear: true,
        own_start: false,
    },
    Strict {
        tag_clear: false,
        own_start: false,
    },
];

/// Where a route may end: the grid point (x, y index), the direction out of the
/// target's port, the port, the cost from the grid point to the port, and the tag.
type Goal = (usize, usize, usize, Point, u64, Rect);

impl Grid<'_> {
    /// The shortest route with few bends from a side of `from` to a tag beside `to`.
    /// as `strict` allows. Returns it with its cost.
    pub(super) fn route(
        &self,
        to: &Rect,
        tag: (f64, f64),
        strict: Strict,
        scratch: &mut Scratch,
    ) -> Option<(Routed, u64)> {
        let goals = self.goals(to, tag, strict.tag_clear);
        let (end, goal, cost) = self.search(&goals, strict.own_start, scratch)?;
        Some((self.path(end, &goal, scratch)?, cost))
    }

    /// The search state at grid point `ix`, `iy`, heading in direction `dir`.
    fn state(&self, ix: usize, iy: usize, dir: usize) -> usize {
        (ix * self.ys.len() + iy) * 4 + dir
    }

    /// Where a route into `to` may end: anywhere on a ray out of a port of `to`, at
    /// least [`END`] from it, from where it goes straight in to its tag, which covers
    /// no box or label, no reporting line, no other tag and (when `tag_clear`) no
    /// dotted line.
    fn goals(&self, to: &Rect, (w, h): (f64, f64), tag_clear: bool) -> Vec<Goal> {
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
                && (!tag_clear || !self.taken.iter().any(touches));
            let (Some(mut ix), Some(mut iy)) =
                (Self::index(&self.xs, e.0), Self::index(&self.ys, e.1))
            else {
                continue;
            };
            if !clear || !self.free(e) {
                continue;
            }
            // Only the lines the ray meets, out to the grid's edge.
            let edge = [
                (self.xs[nx - 1], p.1),
                (self.xs[0], p.1),
                (p.0, self.ys[ny - 1]),
                (p.0, self.ys[0]),
            ];
            let [solid, taken, edges] = self.near((p, edge[dir]));
            loop {
                let at = (self.xs[ix], self.ys[iy]);
                let length = (at.0 - p.0).abs() + (at.1 - p.1).abs();
                let penalty = self.penalty_among((at, p), [&solid, &taken, &edges]);
                let cost = (length * 10.0) as u64 + penalty;
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
    /// costed by [`Grid::cost`] and a bend by [`BEND`], when `own_start` from a start no
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
    /// What leaving by `port` costs for its distance from the nearest port on the
    /// same side that a line already routed leaves by ([`PACK`] per pixel past the
    /// first [`SPACING`]); nothing where no line leaves that side yet.
    fn apart_from_taken(&self, (p, dir): (Point, usize)) -> u64 {
        let on_side = |q: Point| {
            self.starts
                .iter()
                .any(|&(s, d)| d == dir && (s.0 - q.0).abs() < 0.01 && (s.1 - q.1).abs() < 0.01)
        };
        self.taken
            .iter()
            .flat_map(|&(a, b)| [a, b])
            .filter(|&q| on_side(q))
            .map(|q| ((q.0 - p.0).abs() + (q.1 - p.1).abs() - SPACING).max(0.0))
            .reduce(f64::min)
            .map_or(0, |d| (d * PACK * 10.0) as u64)
    }

    fn search(
        &self,
        goals: &[Goal],
        own_start: bool,
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
                if !self.free(e) || (own_start && shared) {
                    continue;
                }
                let s = self.state(ix, iy, dir);
                let cost =
                    (MARGIN * 10.0) as u64 + self.penalty((p, e)) + self.apart_from_taken((p, dir));
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
                (e.0 - last.0).abs() < SAME && (e.1 - last.1).abs() < SAME && s % 4 == dir
            })
            .map(|&(p, _)| p)?;
        points.push(first);
        // The grid lines within [`SAME`] of a port's are one: the runs out of
        // the first box and into the tag go straight.
        square(&mut points, out <= LEFT);
        points.reverse();
        square(&mut points, s % 4 <= LEFT);
        Some(Routed {
            points: unjog(shortcut(straight(points)), &tag),
            tag,
        })
    }
}
