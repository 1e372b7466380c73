//! A stack's columns: the small reports of one manager (or a row of single heads)
//! in columns joined by spines, each report's own leaf reports indented under it.

use super::{H_GAP, INDENT, INNER_GAP, Outline, STACK_GAP, Sub};
use crate::render::chart::geometry::Rect;

/// `kids` stacked in columns of at most [`Outline::stack`] boxes, from x = 0 and y = 0, each
/// column with a spine on its left from y = 0; a kid's own reports are stacked under
/// it, indented again. Returns them and the x of each spine.
pub(super) fn columns(tree: &Outline<'_>, kids: &[usize]) -> (Sub, Vec<f64>) {
    let size = |k: usize| tree.sizes[k];
    // Each entry: its height and width from its column's left edge.
    let entries: Vec<(f64, f64)> = kids
        .iter()
        .map(|&k| {
            let (kw, kh) = size(k);
            tree.children[k]
                .iter()
                .fold((kh, INDENT + kw), |(eh, ew), &g| {
                    let (gw, gh) = size(g);
                    (eh + INNER_GAP + gh, ew.max(2.0 * INDENT + gw))
                })
        })
        .collect();
    let boxes: usize = kids.iter().map(|&k| 1 + tree.children[k].len()).sum();
    let count = boxes.div_ceil(tree.stack).clamp(1, kids.len());
    let mut sub = Sub {
        boxes: Vec::new(),
        lines: Vec::new(),
        frames: Vec::new(),
        shape: Vec::new(),
    };
    let mut spines = Vec::new();
    let mut x = 0.0;
    for column in &split_columns(&entries, count) {
        let spine = x + INDENT / 2.0;
        let mut y = 0.0;
        let mut last = 0.0;
        for &i in column {
            let r = stack_entry(tree, &mut sub, kids[i], spine, (x + INDENT, &mut y));
            last = r.cy();
        }
        spines.push(spine);
        sub.line((spine, 0.0), (spine, last));
        let width = column.iter().map(|&i| entries[i].1).fold(0.0, f64::max);
        x += width + H_GAP;
    }
    (sub, spines)
}

/// Which entries go in which of `count` columns: consecutive entries fill each
/// column up to an equal share of the height, and no column is left empty.
fn split_columns(entries: &[(f64, f64)], count: usize) -> Vec<Vec<usize>> {
    let total: f64 = entries.iter().map(|e| e.0 + STACK_GAP).sum();
    let mut split: Vec<Vec<usize>> = vec![Vec::new()];
    let mut height = 0.0;
    for (i, &(eh, _)) in entries.iter().enumerate() {
        let left = entries.len() - i;
        let open = count - split.len();
        let column = split.last_mut().expect("a column");
        let full = height + eh / 2.0 > total / count as f64;
        if !column.is_empty() && open > 0 && (full || left <= open) {
            split.push(vec![i]);
            height = eh + STACK_GAP;
        } else {
            column.push(i);
            height += eh + STACK_GAP;
        }
    }
    split
}

/// One entry of a stack with its top-left corner at `x`, `y`: the kid's box joined to
/// the column's `spine`, then its own reports under it, indented on a spine of their
/// own. Moves `y` under the entry; returns the kid's box.
fn stack_entry(
    tree: &Outline<'_>,
    sub: &mut Sub,
    k: usize,
    spine: f64,
    (x, y): (f64, &mut f64),
) -> Rect {
    let (kw, kh) = tree.sizes[k];
    let r = Rect::new(x, *y, kw, kh);
    sub.boxes.push((k, r));
    sub.shape.push(r);
    sub.line((spine, r.cy()), (r.x, r.cy()));
    let kids = &tree.children[k];
    let gap = |last: bool| if last { STACK_GAP } else { INNER_GAP };
    *y += kh + gap(kids.is_empty());
    let inner = r.x + INDENT / 2.0;
    let mut inner_last = None;
    for (j, &g) in kids.iter().enumerate() {
        let (gw, gh) = tree.sizes[g];
        let gr = Rect::new(r.x + INDENT, *y, gw, gh);
        sub.boxes.push((g, gr));
        sub.shape.push(gr);
        sub.line((inner, gr.cy()), (gr.x, gr.cy()));
        inner_last = Some(gr.cy());
        *y += gh + gap(j + 1 == kids.len());
    }
    if let Some(end) = inner_last {
        sub.line((inner, r.bottom()), (inner, end));
    }
    r
}
