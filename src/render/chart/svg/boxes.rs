//! The boxes of the chart: the tree they hang in, their text and size, the
//! department frames around subtrees, and the `<g class="node">` of each.

use super::{Block, FONT, FONTS, PAD, xml_escape};
use crate::assessment::RoleStatus;
use crate::org::{NodeIndex, NodeKind, OrgChart};
use crate::render::chart::route::{PORT_ROOM, SPACING};
use crate::render::chart::tidy::{self, Layout, Outline};
use std::fmt::Write as _;

/// The tree drawn: every node hangs under its manager; a node without one under
/// the root.
pub(super) struct Hierarchy {
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
}

impl Hierarchy {
    pub(super) fn of(chart: &OrgChart) -> Hierarchy {
        let n = chart.graph.node_count();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut parent: Vec<Option<usize>> = vec![None; n];
        for (i, _) in chart.nodes() {
            for r in chart.reports(i) {
                if parent[r.index()].is_none() && r != chart.root {
                    parent[r.index()] = Some(i.index());
                    children[i.index()].push(r.index());
                }
            }
        }
        for (i, p) in parent.iter_mut().enumerate() {
            if p.is_none() && i != chart.root.index() {
                *p = Some(chart.root.index());
                children[chart.root.index()].push(i);
            }
        }
        Hierarchy { parent, children }
    }

    /// Whether a node's subtree is framed as its department: the node heads a
    /// department (its manager is in another), has reports, and holds every node of
    /// its department and of any other department in its subtree.
    fn framed(&self, chart: &OrgChart, i: usize) -> bool {
        let children = &self.children;
        let department = |k: usize| chart.graph[NodeIndex::new(k)].department.as_str();
        let Some(p) = self.parent[i] else {
            return false;
        };
        if children[i].is_empty() || department(p) == department(i) {
            return false;
        }
        let mut inside = vec![false; children.len()];
        let mut todo = vec![i];
        while let Some(k) = todo.pop() {
            inside[k] = true;
            todo.extend(&children[k]);
        }
        let held: Vec<&str> = (0..children.len())
            .filter(|&k| inside[k])
            .map(department)
            .collect();
        (0..children.len()).all(|k| inside[k] || !held.contains(&department(k)))
    }
}

/// A node's text: its title, then its detail in smaller grey type.
pub(super) type NodeText = (Block, Option<Block>);

/// Each node's text, in node order, wrapped at `wrap` px.
pub(super) fn node_texts(chart: &OrgChart, wrap: f64) -> Vec<NodeText> {
    chart
        .nodes()
        .map(|(_, node)| {
            let title = Block::new(&node.title, wrap, FONT, node.kind == NodeKind::Executive);
            let detail = node
                .detail
                .as_deref()
                .map(|d| Block::new(d, wrap, FONT - 1.0, false));
            (title, detail)
        })
        .collect()
}

/// The department label of each framed node, `None` for the others.
pub(super) fn frame_labels(chart: &OrgChart, tree: &Hierarchy) -> Vec<Option<Block>> {
    (0..tree.parent.len())
        .map(|i| {
            tree.framed(chart, i).then(|| {
                let d = &chart.graph[NodeIndex::new(i)].department;
                Block::new(d, 400.0, FONT - 1.0, true)
            })
        })
        .collect()
}

/// The tidy layout of boxes sized to their text (never cut) and of the frames with
/// their labels, at x, y >= 0, with at most `stack` boxes in a column of a stack,
/// and two small reports stacked too when `pairs`. A box that `leaving` dotted lines
/// leave is tall enough for half of them, and one more where four or more leave, to
/// leave by one side, each in a track of its own (with only half, Meridian Freight's
/// fourth line went over its lead's top and crossed another).
pub(super) fn layout(
    chart: &OrgChart,
    tree: &Hierarchy,
    texts: &[NodeText],
    frame_labels: &[Option<Block>],
    leaving: &[usize],
    (stack, pairs): (usize, bool),
) -> Layout {
    let sizes: Vec<(f64, f64)> = texts
        .iter()
        .zip(leaving)
        .map(|((t, d), &lines)| {
            let w = d.as_ref().map_or(t.width(), |d| t.width().max(d.width()));
            let h = t.height() + d.as_ref().map_or(0.0, Block::height);
            let ports = (lines.div_ceil(2) + usize::from(lines > 3)).max(1) as f64;
            let h = (h + 2.0 * PAD.1).max(PORT_ROOM + (ports - 1.0) * SPACING);
            ((w + 2.0 * PAD.0).max(90.0).ceil(), h.ceil())
        })
        .collect();
    let frames: Vec<Option<(f64, f64)>> = frame_labels
        .iter()
        .map(|b| b.as_ref().map(|b| (b.width().ceil() + 2.0, b.height())))
        .collect();
    tidy::layout(&Outline {
        sizes: &sizes,
        children: &tree.children,
        frames: &frames,
        root: chart.root.index(),
        stack,
        pairs,
    })
}

/// The department frames, each filled with its department's colour and labelled.
pub(super) fn frames_svg(
    svg: &mut String,
    layout: &Layout,
    labels: &[Option<Block>],
    color: impl Fn(usize) -> &'static str,
) {
    let _ = writeln!(svg, "<g class=\"frames\" font-family=\"{FONTS}\">");
    for f in &layout.frames {
        let _ = writeln!(
            svg,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"10\" fill=\"{}\" fill-opacity=\"0.45\" stroke=\"#9a9a9a\"/>",
            f.rect.x,
            f.rect.y,
            f.rect.w,
            f.rect.h,
            color(f.node)
        );
        if let Some(label) = &labels[f.node] {
            let _ = writeln!(
                svg,
                "{}",
                label.svg(
                    f.label.x,
                    f.label.y,
                    " fill=\"#444444\" class=\"department\""
                )
            );
        }
    }
    svg.push_str("</g>\n");
}

/// Each node's box: filled with its department's colour, its border saying its
/// status, its text inside and its tooltip; ids start with `prefix`.
pub(super) fn nodes_svg(
    svg: &mut String,
    chart: &OrgChart,
    layout: &Layout,
    texts: &[NodeText],
    color: impl Fn(usize) -> &'static str,
    prefix: &str,
) {
    for (i, node) in chart.nodes() {
        let r = layout.boxes[i.index()];
        let (line, stroke, dash, ink) = border(node.status);
        let (title_text, detail) = &texts[i.index()];
        let tooltip = xml_escape(&crate::render::labels::tooltip(&node.tooltip, &node.rules));
        let _ = writeln!(
            svg,
            "<g class=\"node {} {}\" id=\"{prefix}{}\"><title>{tooltip}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"6\" fill=\"{}\" stroke=\"{line}\" stroke-width=\"{stroke}\"{dash}/>{}{}</g>",
            node_kind(node.kind),
            node.status.as_str(),
            crate::org::node_id(i),
            r.x,
            r.y,
            r.w,
            r.h,
            color(i.index()),
            title_text.svg(r.x + PAD.0, r.y + PAD.1, &format!(" fill=\"{ink}\"")),
            detail.as_ref().map_or(String::new(), |d| d.svg(
                r.x + PAD.0,
                r.y + PAD.1 + title_text.height(),
                " fill=\"#555555\""
            )),
        );
    }
}

/// How a node's border shows its status: colour, width, dashes, and the text colour.
pub(super) fn border(status: RoleStatus) -> (&'static str, f64, &'static str, &'static str) {
    match status {
        RoleStatus::Current => ("#333333", 1.5, "", "#111111"),
        RoleStatus::Next => ("#444444", 1.5, " stroke-dasharray=\"6 4\"", "#111111"),
        RoleStatus::Later => ("#8a8a8a", 1.2, " stroke-dasharray=\"3 4\"", "#555555"),
    }
}

fn node_kind(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Executive => "executive",
        NodeKind::Department => "department",
        NodeKind::Role => "role",
        NodeKind::Function => "function",
    }
}
