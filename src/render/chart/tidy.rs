//! A tidy top-down tree layout for the native SVG org chart.
//!
//! Tidy placement after Reingold and Tilford, for boxes of any size: each subtree is
//! laid out on its own, then each next sibling is pushed left until its boxes,
//! connectors and frames would come closer than a gap to those of the siblings
//! before it at any height, and a parent is centred over its first and last child.
//! The contours compared are the subtrees' own rectangles, pairwise: an org chart
//! has tens of boxes, so this stays far under a millisecond and is exact for boxes
//! of different heights, which Walker's per-level contours are not.
//!
//! Two things org-chart tools do that plain tidy trees do not:
//! - a manager whose reports are all small (leaves, or with at most a few leaf
//!   reports of their own) gets them as a compact stack joined by a spine on the
//!   left, in columns of at most [`Outline::stack`] boxes, so that a team of 13
//!   stays narrow;
//! - a node may ask for a labelled frame around its subtree (a department).

use super::geometry::{Point, Rect};
use super::route::SPACING;

mod columns;

use columns::columns;

/// Gap between sibling subtrees.
pub const H_GAP: f64 = 28.0;
/// Gap between the CEO's reports side by side (not stacked), the executives most
/// dotted lines end at: room beside a head for a line's tag (4 px from the head,
/// 20 px wide) and for the line into the tag, 9 px clear of the next head.
pub const HEADS_GAP: f64 = 40.0;
/// Gap between a parent's box and its reports' boxes.
pub const V_GAP: f64 = 44.0;
/// Most boxes in one column of a stack, unless the outline asks for more.
pub const STACK: usize = 6;
/// Gap between boxes of a stack.
const STACK_GAP: f64 = 10.0;
/// Gap between a stacked box and its own reports indented under it, closer than
/// between the stack's entries, so that each entry reads as one group (and the
/// largest charts' stacks are shallower: 8 px or more printed).
const INNER_GAP: f64 = 6.0;
/// How far a stacked box sits right of its spine's column.
const INDENT: f64 = 22.0;
/// Space between a frame and what it holds.
const FRAME_PAD: f64 = 10.0;
/// Boxes this close in height need the full horizontal gap between them.
const V_SEP: f64 = 16.0;
/// How much wider than [`H_GAP`] the corridor right of a stack of heads is: a
/// numbered tag's width and two more lines' tracks, so that the lines to the heads
/// below pass the tag beside its widest box, each in a track of its own, without
/// crossing (Scaling ecosystem's lines 4 and 5 crossed at 20 px).
const CORRIDOR: f64 = 40.0;

/// The outline of a tree to lay out (its boxes, who reports to whom, its frames);
/// every slice is indexed by node.
pub struct Outline<'a> {
    /// Each node's box size: width, height.
    pub sizes: &'a [(f64, f64)],
    /// Each node's children, in order.
    pub children: &'a [Vec<usize>],
    /// The size of the label of a frame around the node's subtree, if it has one.
    pub frames: &'a [Option<(f64, f64)>],
    /// The root.
    pub root: usize,
    /// Most boxes in one column of a stack ([`STACK`], or more for a narrower tree).
    pub stack: usize,
    /// Whether two small reports stack too, not only three or more: narrower, for a
    /// tree too wide to print legibly otherwise.
    pub pairs: bool,
}

impl Outline<'_> {
    /// The fewest small reports that go in a stack.
    fn fewest_stacked(&self) -> usize {
        if self.pairs { 2 } else { 3 }
    }
}

/// A labelled frame around a subtree.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The node whose subtree it holds.
    pub node: usize,
    /// The frame.
    pub rect: Rect,
    /// Where its label goes.
    pub label: Rect,
}

/// A laid-out tree, at x, y >= 0.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Each node's box.
    pub boxes: Vec<Rect>,
    /// The reporting connectors: straight segments, each from one point to another.
    pub lines: Vec<(Point, Point)>,
    /// The frames, inner ones after the frames around them.
    pub frames: Vec<Frame>,
    /// Width of everything drawn.
    pub width: f64,
    /// Height of everything drawn.
    pub height: f64,
}

/// A subtree laid out on its own; its first box is its root's, at y = 0.
struct Sub {
    boxes: Vec<(usize, Rect)>,
    lines: Vec<(Point, Point)>,
    frames: Vec<Frame>,
    /// What its neighbours must keep clear of.
    shape: Vec<Rect>,
}

impl Sub {
    /// One box, and nothing else.
    fn single(node: usize, r: Rect) -> Sub {
        Sub {
            boxes: vec![(node, r)],
            lines: Vec::new(),
            frames: Vec::new(),
            shape: vec![r],
        }
    }

    fn shift(&mut self, dx: f64, dy: f64) {
        for (_, r) in &mut self.boxes {
            *r = r.shifted(dx, dy);
        }
        for (a, b) in &mut self.lines {
            *a = (a.0 + dx, a.1 + dy);
            *b = (b.0 + dx, b.1 + dy);
        }
        for f in &mut self.frames {
            f.rect = f.rect.shifted(dx, dy);
            f.label = f.label.shifted(dx, dy);
        }
        for r in &mut self.shape {
            *r = r.shifted(dx, dy);
        }
    }

    fn root(&self) -> Rect {
        self.boxes[0].1
    }

    fn bounds(&self) -> Rect {
        self.shape
            .iter()
            .skip(1)
            .fold(self.shape[0], |acc, r| acc.union(r))
    }

    fn absorb(&mut self, other: Sub) {
        self.boxes.extend(other.boxes);
        self.lines.extend(other.lines);
        self.frames.extend(other.frames);
        self.shape.extend(other.shape);
    }

    /// Adds a connector, and a thin rectangle around it to the shape.
    fn line(&mut self, a: Point, b: Point) {
        self.lines.push((a, b));
        let r = Rect::new(
            a.0.min(b.0),
            a.1.min(b.1),
            (a.0 - b.0).abs(),
            (a.1 - b.1).abs(),
        );
        self.shape.push(r.inflate(1.0));
    }
}

/// Lays out the tree.
pub fn layout(tree: &Outline<'_>) -> Layout {
    let mut sub = place(tree, tree.root);
    let bounds = sub.bounds();
    sub.shift(-bounds.x, -bounds.y);
    let mut boxes = vec![Rect::new(0.0, 0.0, 0.0, 0.0); tree.sizes.len()];
    for (node, r) in sub.boxes {
        boxes[node] = r;
    }
    Layout {
        boxes,
        lines: sub.lines,
        frames: sub.frames,
        width: bounds.w,
        height: bounds.h,
    }
}

fn place(tree: &Outline<'_>, node: usize) -> Sub {
    let (w, h) = tree.sizes[node];
    let kids = &tree.children[node];
    let mut sub = if kids.is_empty() {
        Sub::single(node, Rect::new(0.0, 0.0, w, h))
    } else if stackable(tree, node) {
        stack(tree, node)
    } else {
        // Stacking the small reports usually narrows the chart, but not when the
        // stack would reach down beside a tall sibling that single boxes clear.
        let apart = side_by_side(tree, node, false);
        let small = kids.iter().filter(|&&k| small(tree, k)).count();
        if small >= tree.fewest_stacked() {
            let grouped = side_by_side(tree, node, true);
            if grouped.bounds().w <= apart.bounds().w {
                grouped
            } else {
                apart
            }
        } else {
            apart
        }
    };
    if let Some(label) = tree.frames[node] {
        frame(&mut sub, node, label);
    }
    let bounds = sub.bounds();
    sub.shift(-bounds.x, 0.0);
    sub
}

/// Whether a node's reports go in a stack: three or more (two or more for
/// [`Outline::pairs`]), all small.
fn stackable(tree: &Outline<'_>, node: usize) -> bool {
    let kids = &tree.children[node];
    kids.len() >= tree.fewest_stacked() && kids.iter().all(|&k| small(tree, k))
}

/// Whether a node fits in a stack: not framed, and a leaf or with at most three
/// leaf reports of its own.
fn small(tree: &Outline<'_>, node: usize) -> bool {
    let leaf = |k: usize| tree.children[k].is_empty() && tree.frames[k].is_none();
    tree.frames[node].is_none()
        && tree.children[node].len() <= 3
        && tree.children[node].iter().all(|&g| leaf(g))
}

/// The reports' subtrees side by side under the node, pushed together. When
/// `grouped`, the small reports go in one stack, where the first of them would be,
/// so that a row of single heads does not widen the chart.
fn side_by_side(tree: &Outline<'_>, node: usize, grouped: bool) -> Sub {
    let h = tree.sizes[node].1;
    let items = row_items(tree, node, grouped);
    // Frames reach above their root's box; the row goes low enough for them to clear
    // the connectors.
    let above = items
        .iter()
        .map(|(s, _)| -s.bounds().y)
        .fold(0.0_f64, f64::max);
    let row = h + V_GAP + above;
    let gap = match node == tree.root && !grouped {
        true => HEADS_GAP,
        false => H_GAP,
    };
    let (kids, anchors) = pack(items, row, gap);
    hang(tree, node, kids, &anchors, row)
}

/// The items of a row of reports: each a laid-out subtree or stack, and where
/// connectors come down into it.
fn row_items(tree: &Outline<'_>, node: usize, grouped: bool) -> Vec<(Sub, Vec<f64>)> {
    let kids = &tree.children[node];
    let small = |k: usize| small(tree, k);
    let leaves: Vec<usize> = kids.iter().copied().filter(|&k| small(k)).collect();
    let mut items: Vec<(Sub, Vec<f64>)> = Vec::new();
    for (i, &k) in kids.iter().enumerate() {
        if grouped && small(k) {
            if k == leaves[0] {
                let (mut stack, spines) = columns(tree, &leaves);
                // Room right of the stack, before a subtree beside it, for a line's tag
                // beside its widest box and the lines to the boxes below it going past,
                // or, where the widest box is the last of three or more, for the lines
                // to it and the boxes above (without it Sellfy's line to Customer
                // success at scale ran down through the partnerships frame and back).
                let b = stack.bounds();
                let widest = stack
                    .boxes
                    .iter()
                    .map(|e| e.1)
                    .find(|r| r.right() == b.right());
                let below = |w: Rect| {
                    stack
                        .boxes
                        .iter()
                        .filter(|e| e.1.y > w.y && e.1.right() > w.x)
                        .count()
                };
                let under = widest.map_or(0, below);
                let ends_wide = widest.is_some() && under == 0 && stack.boxes.len() > 2;
                if (under > 0 || ends_wide) && kids[i..].iter().any(|&k| !small(k)) {
                    // A track more for each line past the first that passes the tag.
                    let more = under.saturating_sub(1) as f64 * SPACING;
                    stack
                        .shape
                        .push(Rect::new(b.x, b.y, b.w + CORRIDOR + more, b.h));
                }
                items.push((stack, spines));
            }
        } else {
            let sub = place(tree, k);
            let cx = sub.root().cx();
            items.push((sub, vec![cx]));
        }
    }
    items
}

/// The items in a row at `row`, each pushed left until it would come closer than
/// [`H_GAP`] to those before it at any height. Returns the row and where connectors
/// come down into it.
fn pack(items: Vec<(Sub, Vec<f64>)>, row: f64, gap: f64) -> (Sub, Vec<f64>) {
    let mut all: Option<Sub> = None;
    let mut anchors: Vec<f64> = Vec::new();
    for (mut s, xs) in items {
        s.shift(0.0, row);
        let mut dx = 0.0_f64;
        if let Some(acc) = &all {
            dx = f64::NEG_INFINITY;
            for a in &acc.shape {
                for b in &s.shape {
                    if a.y < b.bottom() + V_SEP && b.y < a.bottom() + V_SEP {
                        dx = dx.max(a.right() + gap - b.x);
                    }
                }
            }
            dx = dx.max(0.0);
            s.shift(dx, 0.0);
        }
        anchors.extend(xs.iter().map(|x| x + dx));
        match &mut all {
            Some(acc) => acc.absorb(s),
            None => all = Some(s),
        }
    }
    (all.expect("a node with reports"), anchors)
}

/// The node centred over the first and last anchor of the row of its reports at
/// `row`, joined to each anchor by a bus.
fn hang(tree: &Outline<'_>, node: usize, kids: Sub, anchors: &[f64], row: f64) -> Sub {
    let (w, h) = tree.sizes[node];
    let (first, last) = (anchors[0], anchors[anchors.len() - 1]);
    let cx = (first + last) / 2.0;
    let mut sub = Sub::single(node, Rect::new(cx - w / 2.0, 0.0, w, h));
    let bus = h + V_GAP / 2.0;
    if anchors.len() == 1 {
        sub.line((cx, h), (cx, row));
    } else {
        sub.line((cx, h), (cx, bus));
        sub.line((first, bus), (last, bus));
        for &x in anchors {
            sub.line((x, bus), (x, row));
        }
    }
    sub.absorb(kids);
    sub
}

/// The reports in columns under the node, joined to it by their spines.
fn stack(tree: &Outline<'_>, node: usize) -> Sub {
    let (w, h) = tree.sizes[node];
    let (mut block, spines) = columns(tree, &tree.children[node]);
    let width = block.bounds().right();
    let top = h + V_GAP;
    let bus = h + V_GAP / 2.0;
    // One column hangs from the node's left side; several are centred under it.
    let me = if spines.len() == 1 {
        block.shift(0.0, top);
        Rect::new(0.0, 0.0, w, h)
    } else {
        let cx = width.max(w) / 2.0;
        block.shift(cx - width / 2.0, top);
        Rect::new(cx - w / 2.0, 0.0, w, h)
    };
    let mut sub = Sub::single(node, me);
    let dx = if spines.len() == 1 {
        0.0
    } else {
        me.cx() - width / 2.0
    };
    let spines: Vec<f64> = spines.iter().map(|x| x + dx).collect();
    if let [spine] = spines[..] {
        sub.line((spine, h), (spine, top));
    } else {
        let (first, last) = (spines[0], spines[spines.len() - 1]);
        sub.line((me.cx(), h), (me.cx(), bus));
        sub.line((first.min(me.cx()), bus), (last.max(me.cx()), bus));
        for &x in &spines {
            sub.line((x, bus), (x, top));
        }
    }
    sub.absorb(block);
    sub
}

/// Puts a labelled frame around the subtree, its label at the top left, left of the
/// connector that comes down into the subtree's root.
fn frame(sub: &mut Sub, node: usize, (lw, lh): (f64, f64)) {
    let bounds = sub.bounds();
    let root = sub.root();
    let top = bounds.y - FRAME_PAD - lh - 4.0;
    let left = (bounds.x - FRAME_PAD).min(root.cx() - lw - 2.0 * FRAME_PAD);
    let rect = Rect::new(
        left,
        top,
        bounds.right() + FRAME_PAD - left,
        bounds.bottom() + FRAME_PAD - top,
    );
    let label = Rect::new(left + FRAME_PAD, top + 4.0, lw, lh);
    sub.frames.insert(0, Frame { node, rect, label });
    sub.shape = vec![rect];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A root with `n` leaf reports and one report that has reports of its own.
    fn tree(n: usize) -> (Vec<(f64, f64)>, Vec<Vec<usize>>) {
        let mut sizes = vec![(120.0, 40.0)];
        let mut children = vec![Vec::new()];
        for i in 0..n {
            sizes.push((100.0 + 10.0 * i as f64, 30.0 + 5.0 * (i % 3) as f64));
            children.push(Vec::new());
            children[0].push(i + 1);
        }
        (sizes, children)
    }

    fn no_overlaps(l: &Layout) {
        for (i, a) in l.boxes.iter().enumerate() {
            for b in &l.boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
            for (p, q) in &l.lines {
                let mid = ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0);
                assert!(!a.contains(mid), "a line through {a:?}");
            }
        }
    }

    #[test]
    fn many_leaf_reports_stack_in_narrow_columns() {
        let (sizes, children) = tree(13);
        let frames = vec![None; sizes.len()];
        let l = layout(&Outline {
            sizes: &sizes,
            children: &children,
            frames: &frames,
            root: 0,
            stack: STACK,
            pairs: false,
        });
        no_overlaps(&l);
        // 13 reports in three columns, not thirteen boxes side by side.
        let mut lefts: Vec<i64> = l.boxes[1..].iter().map(|b| b.x as i64).collect();
        lefts.sort_unstable();
        lefts.dedup();
        assert_eq!(lefts.len(), 3, "{lefts:?}");
        assert!(l.width < 3.0 * 260.0, "{}", l.width);
        assert!(l.boxes.iter().all(|b| b.x >= 0.0 && b.y >= 0.0));
    }

    /// Two leaf reports stand side by side, unless the outline asks for pairs to be
    /// stacked: then they hang in one column, narrower.
    #[test]
    fn two_small_reports_stack_only_when_pairs_are_asked_for() {
        let (sizes, children) = tree(2);
        let frames = vec![None; sizes.len()];
        let outline = |pairs| Outline {
            sizes: &sizes,
            children: &children,
            frames: &frames,
            root: 0,
            stack: STACK,
            pairs,
        };
        let (apart, stacked) = (layout(&outline(false)), layout(&outline(true)));
        no_overlaps(&apart);
        no_overlaps(&stacked);
        assert_eq!(apart.boxes[1].y, apart.boxes[2].y);
        assert!(apart.boxes[1].right() < apart.boxes[2].x);
        assert!(stacked.boxes[1].bottom() < stacked.boxes[2].y);
        assert_eq!(stacked.boxes[1].x, stacked.boxes[2].x);
        assert!(stacked.width < apart.width, "{stacked:?}");
    }

    #[test]
    fn subtrees_sit_side_by_side_under_a_centred_parent_with_frames_clear() {
        // 0 -> 1, 2, 3; 2 -> 4, 5 (framed); 3 -> 6.
        let sizes = vec![(80.0, 30.0); 7];
        let children = vec![
            vec![1, 2, 3],
            vec![],
            vec![4, 5],
            vec![6],
            vec![],
            vec![],
            vec![],
        ];
        let mut frames = vec![None; 7];
        frames[2] = Some((60.0, 14.0));
        let l = layout(&Outline {
            sizes: &sizes,
            children: &children,
            frames: &frames,
            root: 0,
            stack: STACK,
            pairs: false,
        });
        no_overlaps(&l);
        let b = &l.boxes;
        assert!(b[1].right() < b[2].x && b[2].right() < b[3].x);
        assert!((b[0].cx() - (b[1].cx() + b[3].cx()) / 2.0).abs() < 1e-9);
        assert_eq!(b[1].y, b[2].y);
        let f = &l.frames[0];
        assert!(f.rect.contains((b[4].cx(), b[4].cy())) && f.rect.contains((b[5].x, b[5].y)));
        assert!(!f.rect.overlaps(&b[1]) && !f.rect.overlaps(&b[3]) && !f.rect.overlaps(&b[6]));
        assert!(f.label.right() < b[2].cx() && f.label.bottom() < b[2].y);
        // No connector crosses the frame's label.
        for (p, q) in &l.lines {
            let r = Rect::new(
                p.0.min(q.0),
                p.1.min(q.1),
                (p.0 - q.0).abs(),
                (p.1 - q.1).abs(),
            );
            assert!(!r.inflate(0.5).overlaps(&f.label), "{p:?} {q:?}");
        }
    }
}
