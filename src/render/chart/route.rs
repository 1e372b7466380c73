//! Orthogonal routes for a chart's dotted alignment lines: around every box and
//! label, short, with as few bends as a short path allows, each ending in its
//! numbered tag beside the box it goes to.
//!
//! The router searches a sparse grid whose lines run a margin away from every
//! obstacle's sides (A* over grid points and headings, a bend costing as much as
//! 40 px of line), so no route can pass through a box or a label. The lines are
//! routed one after another, each keeping clear of those before it, in the order
//! that leaves the fewest flaws (crossings, and tags over another line), then costs
//! least: a few orders first, then, while lines cross, each line moved to each
//! place in the order in turn. Running
//! alongside one closer than [`SPACING`] costs thirty times its length, crossing one
//! as much as 300 px of line and crossing a reporting line 500 px, so a bundle of
//! lines fans out into parallel tracks and a line goes around the others and the
//! solid ones where that is not much longer; on a frame's side, or closer than
//! [`SPACING`] beside a reporting line, a stretch costs thirty times its length, so
//! it hides neither and reads as a line of its own. Above the drawing's top row, and more
//! than two tracks beside its boxes, frames and reporting lines, a stretch costs five
//! times its length, so a line does not loop over the top or around the outside
//! while a way between the rows exists. A line that still runs more than
//! [`DETOUR`] times the way between its boxes (and 100 px) is routed again with
//! crossings of dotted lines a fifth as dear, and takes that route where it is at
//! least a tenth shorter: it crosses another dotted line rather than going round the
//! chart, but a reporting line no more readily than before. Lines leave their first box from ports [`SPACING`] apart on
//! every side, away from where reporting lines meet it. Each search keeps within
//! [`WINDOW`] of its two boxes, on the whole drawing only where no route is found
//! there.

use super::geometry::{Point, Rect};
use std::collections::HashMap;

mod grid;
mod search;
mod segments;

use grid::{APART, Grid, SHORT};
use search::{STRICTNESS, Scratch};

/// How far a route keeps from any box or label.
pub const MARGIN: f64 = 9.0;
/// The least distance between two dotted lines running side by side.
pub const SPACING: f64 = 10.0;
/// The least side of a box on which lines leave at every [`SPACING`]: the ports keep
/// clear of its rounded corners, half of this from each.
pub const PORT_ROOM: f64 = 12.0;
/// The gap between a tag and the box its line goes to.
pub const TAG_GAP: f64 = 4.0;

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
    /// Where a line runs at no extra cost: from the top of the drawing's top row
    /// down, and to two tracks beside its boxes, frames and reporting lines on the
    /// other sides. A stretch outside costs [`grid::OUTSIDE`] times its length.
    extent: Rect,
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
        let extent = obstacles
            .iter()
            .chain(borders)
            .copied()
            .chain(solid.iter().map(|&(a, b)| {
                Rect::new(
                    a.0.min(b.0),
                    a.1.min(b.1),
                    (a.0 - b.0).abs(),
                    (a.1 - b.1).abs(),
                )
            }))
            .reduce(|a, b| a.union(&b))
            .map(|r| {
                let beside = MARGIN + SPACING;
                Rect::new(r.x - beside, r.y, r.w + 2.0 * beside, r.h + beside)
            })
            .unwrap_or(bounds);
        Router {
            bounds,
            extent,
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
    /// first, top down, bottom up, and while lines cross, those orders with one line
    /// moved) routes the most lines with the fewest [`flaws`] at the least cost, so
    /// that the lines nest rather than cross.
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
        let rank = |(routes, cost): &Routes| {
            (
                routes.iter().filter(|r| r.is_none()).count(),
                flaws(routes),
                *cost,
            )
        };
        let mut starts: Vec<(Vec<usize>, Routes)> = orders
            .into_iter()
            .map(|order| {
                let routed = self.route_in(pairs, tag, &order, &mut scratch, &mut known);
                (order, routed)
            })
            .collect();
        starts.sort_by_key(|(_, routed)| rank(routed));
        // A line routed early takes the way that suits it and may leave another only
        // a crossing (a line straight across the way the others must take): while
        // lines cross, from each of the orders, best first, each line in turn is
        // moved to each other place in the order, and the order kept where the
        // lines have fewer flaws (or as few, for less).
        let mut best: Option<Routes> = None;
        for (mut order, mut here) in starts {
            for _ in 0..pairs.len() {
                if flaws(&here.0) == 0 {
                    break;
                }
                let n = order.len();
                let moves = (0..n).flat_map(|k| (0..n).map(move |to| (k, to)));
                let better = moves.filter(|(k, to)| k != to).find_map(|(k, to)| {
                    let mut moved = order.clone();
                    let line = moved.remove(k);
                    moved.insert(to, line);
                    let routed = self.route_in(pairs, tag, &moved, &mut scratch, &mut known);
                    (rank(&routed) < rank(&here)).then_some((moved, routed))
                });
                let Some(better) = better else { break };
                (order, here) = better;
            }
            if best.as_ref().is_none_or(|b| rank(&here) < rank(b)) {
                best = Some(here);
            }
            if best.as_ref().is_some_and(|b| flaws(&b.0) == 0) {
                break;
            }
        }
        let Some(best) = best else {
            return Vec::new();
        };
        let mut routes = best.0;
        // Each line routed again around all the others, which an early line could
        // not see: a line that went around the chart to stay clear of lines routed
        // before it finds the short way the others left (kept unless it crosses
        // more or runs under a tag).
        for i in 0..routes.len() {
            let others = routes.iter().enumerate().filter(|&(j, _)| j != i);
            let others: Vec<&Routed> = others.filter_map(|(_, r)| r.as_ref()).collect();
            let taken: Vec<Segment> = others
                .iter()
                .flat_map(|r| r.points.windows(2).map(|w| (w[0], w[1])))
                .collect();
            let tags: Vec<Rect> = others.iter().map(|r| r.tag).collect();
            let (from, to) = &pairs[i];
            if let Some((again, _)) = self.route_one(from, to, tag, &taken, &tags, &mut scratch) {
                let before = flaws(&routes);
                let old = routes[i].replace(again);
                if flaws(&routes) > before {
                    routes[i] = old;
                }
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
                self.route_one(from, to, tag, &taken, &tags, scratch)
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

    /// The cheapest route from `from` to a tag beside `to`, around the `taken` lines
    /// and their `tags`, with its cost: kept [`APART`] from them, unless that route
    /// is much longer than the way between the boxes and one with crossings and
    /// shared stretches cheaper ([`SHORT`]) is much shorter. Searched within
    /// [`WINDOW`] of the two boxes, and on the whole drawing where no route is found
    /// there.
    fn route_one(
        &self,
        from: &Rect,
        to: &Rect,
        tag: (f64, f64),
        taken: &[Segment],
        tags: &[Rect],
        scratch: &mut Scratch,
    ) -> Option<(Routed, u64)> {
        let near = from.union(to).inflate(WINDOW).intersection(&self.bounds);
        let whole = (near != self.bounds).then_some(self.bounds);
        let mut route = |weights| {
            [Some(near), whole]
                .into_iter()
                .flatten()
                .find_map(|bounds| {
                    let grid = Grid::new(self, (from, to), bounds, taken, tags, weights, scratch);
                    let routed = STRICTNESS
                        .into_iter()
                        .find_map(|strict| grid.route(to, tag, strict, scratch));
                    grid.recycle(scratch);
                    routed
                })
        };
        let apart = route(APART)?;
        let long = length(&apart.0.points);
        if long <= DETOUR * (way_between(from, to) + 100.0) {
            return Some(apart);
        }
        match route(SHORT) {
            Some(short) if length(&short.0.points) < SHORTER * long => Some(short),
            _ => Some(apart),
        }
    }
}

/// How many times the way between its boxes (and 100 px) a line may run before it
/// is routed again with crossings cheaper.
const DETOUR: f64 = 1.3;
/// The route with crossings cheaper is taken instead where it is shorter than this
/// part of the line kept apart.
const SHORTER: f64 = 0.9;
/// How far beyond its two boxes a search looks for a route: a line farther round
/// would be too long to follow, and a small grid is searched quickly.
const WINDOW: f64 = 200.0;

/// Routed lines, `None` where no route was found, and what they cost in all.
type Routes = (Vec<Option<Routed>>, u64);

/// How often the routed lines cross one another, and ten times for each tag over
/// another line (which reads as ending there, far worse than a crossing).
fn flaws(routes: &[Option<Routed>]) -> usize {
    let routes: Vec<&Routed> = routes.iter().flatten().collect();
    let lines: Vec<Vec<Segment>> = routes
        .iter()
        .map(|r| r.points.windows(2).map(|w| (w[0], w[1])).collect())
        .collect();
    let mut count = 0;
    for (i, a) in lines.iter().enumerate() {
        for b in &lines[i + 1..] {
            count += a
                .iter()
                .flat_map(|&s| b.iter().map(move |&t| (s, t)))
                .filter(|&(s, t)| segments::cross(s, t))
                .count();
        }
        let tag = routes[i].tag;
        let others = lines.iter().enumerate().filter(|&(j, _)| j != i);
        count += 10
            * others
                .filter(|(_, b)| b.iter().any(|&s| segments::crosses(s, &tag.inflate(-1.0))))
                .count();
    }
    count
}

/// The length of the line through `points`.
fn length(points: &[Point]) -> f64 {
    points
        .windows(2)
        .map(|w| (w[1].0 - w[0].0).abs() + (w[1].1 - w[0].1).abs())
        .sum()
}

/// How far apart two boxes are, across and down.
fn way_between(a: &Rect, b: &Rect) -> f64 {
    let across = (b.x - a.right()).max(a.x - b.right()).max(0.0);
    let down = (b.y - a.bottom()).max(a.y - b.bottom()).max(0.0);
    across + down
}

#[cfg(test)]
mod tests {
    use super::segments::{alongside, cross, crosses, shortcut, unjog};
    use super::*;

    const TAG: (f64, f64) = (20.0, 18.0);

    fn gap(a: &Rect, b: &Rect) -> f64 {
        (a.x - b.right())
            .max(b.x - a.right())
            .max(a.y - b.bottom())
            .max(b.y - a.bottom())
    }

    /// The route from `from` to a tag beside `to` with only `wall` in the way,
    /// within `bounds`.
    fn around(from: Rect, wall: Rect, to: Rect, bounds: Rect) -> Routed {
        let router = Router::new(&[from, wall, to], &[], &[], &[], bounds);
        let [Some(routed)] = &router.route_all(&[(from, to)], TAG)[..] else {
            panic!("a route")
        };
        routed.clone()
    }

    #[test]
    fn a_route_goes_around_the_box_between_its_ends_to_a_tag_beside_its_target() {
        let from = Rect::new(0.0, 0.0, 60.0, 30.0);
        let wall = Rect::new(100.0, -40.0, 40.0, 110.0);
        let to = Rect::new(200.0, 0.0, 60.0, 30.0);
        let routed = &around(from, wall, to, Rect::new(-50.0, -100.0, 400.0, 250.0));
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

    /// A wall from the top of the drawing down past both boxes, as far above them
    /// as below: the line goes around below, inside the drawing, not over its top.
    #[test]
    fn a_route_goes_around_below_rather_than_over_the_top_of_the_drawing() {
        let from = Rect::new(0.0, 100.0, 60.0, 30.0);
        let wall = Rect::new(100.0, 0.0, 40.0, 230.0);
        let to = Rect::new(200.0, 100.0, 60.0, 30.0);
        let routed = &around(from, wall, to, Rect::new(-50.0, -100.0, 400.0, 450.0));
        assert!(
            routed.points.iter().all(|p| p.1 > 0.0),
            "over the top: {routed:?}"
        );
    }

    /// A lead under a row of heads, each hanging from the CEO's bus: the line from
    /// the lead up to the CEO goes around the row's end rather than up through a gap
    /// in the row and across the bus, where it would read as a reporting line (it
    /// crossed while a long line crossed a reporting line for a fifth of the cost).
    #[test]
    fn a_line_goes_round_a_row_of_heads_rather_than_across_its_bus() {
        let ceo = Rect::new(315.0, 0.0, 90.0, 45.0);
        let heads: Vec<Rect> = (0..4)
            .map(|i| Rect::new(135.0 + 120.0 * i as f64, 89.0, 90.0, 30.0))
            .collect();
        let lead = Rect::new(285.0, 200.0, 150.0, 30.0);
        let mut solid = vec![
            ((360.0, 45.0), (360.0, 67.0)),
            ((180.0, 67.0), (540.0, 67.0)),
        ];
        solid.extend(heads.iter().map(|h| ((h.cx(), 67.0), (h.cx(), h.y))));
        let soft: Vec<Rect> = solid
            .iter()
            .map(|&(a, b)| Rect::new(a.0, a.1, b.0 - a.0, b.1 - a.1).inflate(5.0))
            .collect();
        let mut obstacles = heads.clone();
        obstacles.extend([ceo, lead]);
        let router = Router::new(
            &obstacles,
            &soft,
            &solid,
            &[],
            Rect::new(0.0, -20.0, 720.0, 280.0),
        );
        let [Some(routed)] = &router.route_all(&[(lead, ceo)], TAG)[..] else {
            panic!("a route")
        };
        let crossed = routed
            .points
            .windows(2)
            .filter(|w| solid.iter().any(|&l| cross((w[0], w[1]), l)))
            .count();
        assert_eq!(crossed, 0, "{routed:?}");
        let long = length(&routed.points);
        assert!(long < 550.0, "{long:.0} px: {routed:?}");
    }

    /// A reporting bus runs between two boxes side by side, 6 px under the middle of
    /// the first: the line keeps [`SPACING`] from it, not a few pixels along it,
    /// where it would not read as a line of its own.
    #[test]
    fn a_line_keeps_a_track_clear_of_a_reporting_bus() {
        let from = Rect::new(300.0, 100.0, 100.0, 30.0);
        let to = Rect::new(0.0, 100.0, 100.0, 30.0);
        let solid = [((100.0, 121.0), (300.0, 121.0))];
        let router = Router::new(
            &[from, to],
            &[],
            &solid,
            &[],
            Rect::new(-50.0, 0.0, 500.0, 250.0),
        );
        let [Some(routed)] = &router.route_all(&[(from, to)], TAG)[..] else {
            panic!("a route")
        };
        for w in routed.points.windows(2) {
            assert_eq!(
                alongside((w[0], w[1]), solid[0], SPACING),
                0.0,
                "{routed:?}"
            );
        }
    }

    /// A route that comes down past its tag and turns back into it ends straight
    /// into the tag from where it passes, without the hook.
    #[test]
    fn a_route_past_its_tag_turns_into_it_where_it_passes() {
        let hook = vec![
            (400.0, 195.0),
            (213.0, 195.0),
            (213.0, 246.0),
            (215.0, 246.0),
            (215.0, 245.0),
            (211.0, 245.0),
        ];
        assert_eq!(
            shortcut(hook),
            [
                (400.0, 195.0),
                (213.0, 195.0),
                (213.0, 245.0),
                (211.0, 245.0)
            ]
        );
        let plain = vec![(0.0, 0.0), (50.0, 0.0), (50.0, 40.0), (20.0, 40.0)];
        assert_eq!(shortcut(plain.clone()), plain);
    }

    /// A route that jogs a few pixels just before its tag (the tag's middle off the
    /// port it left by) runs straight on into the tag; a jog of half a track or more,
    /// or one that would miss the tag's side, stays.
    #[test]
    fn a_route_runs_straight_into_its_tag_rather_than_jog_before_it() {
        let tag = Rect::new(160.0, 181.0, 20.0, 18.0);
        let jog = vec![
            (700.0, 187.0),
            (202.0, 187.0),
            (202.0, 190.0),
            (180.0, 190.0),
        ];
        assert_eq!(unjog(jog, &tag), [(700.0, 187.0), (180.0, 187.0)]);
        let turn = vec![
            (700.0, 160.0),
            (202.0, 160.0),
            (202.0, 190.0),
            (180.0, 190.0),
        ];
        assert_eq!(unjog(turn.clone(), &tag), turn);
        let off = vec![
            (700.0, 182.0),
            (202.0, 182.0),
            (202.0, 186.0),
            (180.0, 186.0),
        ];
        assert_eq!(unjog(off.clone(), &tag), off);
    }

    /// A wall too long to go around within [`WINDOW`] of the two boxes: the line is
    /// found on the whole drawing.
    #[test]
    fn a_route_farther_round_than_the_window_is_still_found() {
        let from = Rect::new(0.0, 300.0, 60.0, 30.0);
        let wall = Rect::new(100.0, 0.0, 40.0, 700.0);
        let to = Rect::new(200.0, 300.0, 60.0, 30.0);
        let routed = &around(from, wall, to, Rect::new(-50.0, -100.0, 400.0, 900.0));
        for w in routed.points.windows(2) {
            assert!(!crosses((w[0], w[1]), &wall.inflate(-1.0)), "{routed:?}");
        }
    }
}
