//! Graphviz DOT: `partner-org chart p.yaml | dot -Tsvg > chart.svg`.
//!
//! A title, nodes filled with their department's colour, leaf reports stacked, dotted
//! alignments whose counterparts carry a number, the cadence by number in a box under
//! the chart, and a legend cluster.
//!
//! Node ids are generated (`n0`, `n1`, ...); every label, tooltip and legend name is
//! a quoted string escaped by [`quote`], so that any name Graphviz is given, quotes,
//! backslashes, `\N`-style escapes, `<`, `&`, newlines or control characters included,
//! is drawn as written.

use crate::assessment::RoleStatus;
use crate::org::roadmap::Roadmap;
use crate::org::{Link, LinkKind, NodeIndex, OrgChart, node_id};
use crate::render::labels::{
    department_colors, printable, stage_heading, stage_notes, tooltip, wrap_px,
};
use crate::render::{ChartRenderer, Style};
use std::io::{self, Write};

/// Graphviz DOT.
pub struct Dot;

/// Most boxes stacked in one column under a manager (columns are balanced).
const STACK: usize = 4;
/// The widest line of a node's text, in points at the node font size.
const NODE_TEXT: f64 = 170.0;
/// The widest line of the cadence list, in points.
const LIST_TEXT: f64 = 640.0;
const FONT: f64 = 11.0;

impl ChartRenderer for Dot {
    fn render_chart(&self, chart: &OrgChart, _: Style, out: &mut dyn Write) -> io::Result<()> {
        header(out, &chart.title())?;
        let bottom = body(chart, "", out)?;
        let departments = chart.departments();
        let names: Vec<&str> = departments.iter().map(|(name, _)| *name).collect();
        let aligned = chart.links(LinkKind::AlignsWith).next().is_some();
        legend(&names, &department_colors(&names), aligned, &bottom, out)?;
        writeln!(out, "}}")
    }
}

/// The roadmap as one graph: the stages stacked top to bottom, each under a heading
/// and above its cadence, then one legend. Stage clusters are avoided (Graphviz 2.43
/// fails, "trouble in init_rank", on clusters or unconstrained edges inside them, and
/// lays clusters side by side): invisible edges hold each stage below the last.
pub fn roadmap(roadmap: &Roadmap, out: &mut dyn Write) -> io::Result<()> {
    header(out, &format!("{}: partnerships roadmap", roadmap.company))?;
    let mut above: Vec<String> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let moves = roadmap.moves();
    for (i, step) in roadmap.steps.iter().enumerate() {
        let heading = stage_heading(step);
        let id = format!("s{i}_heading");
        writeln!(
            out,
            "  {id} [shape=plaintext, style=\"\", fontsize=15, label={}];",
            quote_lines(&wrap_px(&heading, 700.0, 15.0, false))
        )?;
        for from in &above {
            writeln!(out, "  {from} -> {id} [style=invis];")?;
        }
        // The moves and the people under a new title, as the text says them, under
        // the heading.
        let notes = stage_notes(step, &moves, i);
        let top = if notes.is_empty() {
            id
        } else {
            let lines: Vec<String> = (notes.iter())
                .flat_map(|n| wrap_px(n, 700.0, FONT, false))
                .collect();
            let notes_id = format!("s{i}_notes");
            writeln!(
                out,
                "  {notes_id} [shape=plaintext, style=\"\", fontsize={FONT}, label={}];",
                quote_lines(&lines)
            )?;
            writeln!(out, "  {id} -> {notes_id} [style=invis];")?;
            notes_id
        };
        writeln!(
            out,
            "  {top} -> s{i}_{} [style=invis];",
            node_id(step.chart.root)
        )?;
        above = body(&step.chart, &format!("s{i}_"), out)?;
        for (name, _) in step.chart.departments() {
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    let aligned =
        (roadmap.steps.iter()).any(|s| s.chart.links(LinkKind::AlignsWith).next().is_some());
    legend(&names, &department_colors(&names), aligned, &above, out)?;
    writeln!(out, "}}")
}

fn header(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out, "digraph \"partner-org\" {{")?;
    writeln!(
        out,
        "  graph [label={}, labelloc=t, fontname=\"Helvetica\", fontsize=16, rankdir=TB, nodesep=0.25, ranksep=0.35, newrank=true, splines=polyline];",
        quote_lines(&wrap_px(title, 900.0, 16.0, false))
    )?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize={FONT}, fillcolor=\"#ffffff\"];"
    )?;
    writeln!(
        out,
        "  edge [arrowhead=none, color=\"#555555\", fontname=\"Helvetica\", fontsize=9];"
    )
}

/// The mark a counterpart of alignment number `n` carries: ① to ⑳, then `[n]`.
fn footnote(n: usize) -> String {
    match u32::try_from(n).ok().filter(|n| (1..=20).contains(n)) {
        Some(n) => char::from_u32(0x2460 + n - 1).map_or(format!("[{n}]"), String::from),
        None => format!("[{n}]"),
    }
}

/// The nodes and edges of one chart, ids starting with `prefix`, and its cadence
/// list under it; returns the ids at its bottom, for what goes below. Every node is
/// filled with its department's colour, named in the legend: department clusters
/// pulled each department into one block, away from the managers, and spread the
/// chart to 14 boxes a row. A manager's leaf reports are stacked on buses (see
/// [`reporting_lines`]), and each alignment's counterpart carries its
/// number, which the cadence list explains: no edge label for a line to strike.
fn body(chart: &OrgChart, prefix: &str, out: &mut dyn Write) -> io::Result<Vec<String>> {
    let alignments: Vec<Alignment> = chart.links(LinkKind::AlignsWith).collect();
    nodes(chart, prefix, &alignments, out)?;
    let lowered = lowered(chart, &alignments);
    reporting_lines(chart, prefix, &lowered, out)?;
    alignment_lines(chart, prefix, &alignments, &lowered, out)?;
    cadence(chart, prefix, &alignments, out)
}

/// An alignment line: from, to, and the link with its cadence.
type Alignment<'c> = (NodeIndex, NodeIndex, &'c Link);

/// Every node, filled with its department's colour, its border saying its status,
/// with the numbers of the alignments that end at it.
fn nodes(
    chart: &OrgChart,
    prefix: &str,
    alignments: &[Alignment],
    out: &mut dyn Write,
) -> io::Result<()> {
    let departments = chart.departments();
    let names: Vec<&str> = departments.iter().map(|(name, _)| *name).collect();
    let colors = department_colors(&names);
    let marks = |i: NodeIndex| -> String {
        let numbers: Vec<String> = alignments
            .iter()
            .enumerate()
            .filter(|(_, (_, to, _))| *to == i)
            .map(|(k, _)| footnote(k + 1))
            .collect();
        numbers.join(" ")
    };
    for (d, (_, members)) in departments.iter().enumerate() {
        for &i in members {
            let node = &chart.graph[i];
            let style = match node.status {
                RoleStatus::Current => "style=\"rounded,filled\"",
                RoleStatus::Next => "style=\"rounded,filled,dashed\"",
                RoleStatus::Later => {
                    "style=\"rounded,filled,dashed\", fontcolor=\"#555555\", color=\"#888888\""
                }
            };
            let mut text = wrap_px(&node.title, NODE_TEXT, FONT, false);
            if let Some(detail) = &node.detail {
                text.extend(wrap_px(detail, NODE_TEXT, FONT, false));
            }
            let mark = marks(i);
            if !mark.is_empty() {
                text.push(mark);
            }
            writeln!(
                out,
                "  {prefix}{} [label={}, tooltip={}, {style}, fillcolor=\"{}\"];",
                node_id(i),
                quote_lines(&text),
                quote(&tooltip(
                    &format!("{} ({})", node.tooltip, node.status.as_str()),
                    &node.rules
                )),
                colors[d]
            )?;
        }
    }
    Ok(())
}

/// The reporting lines, each from a manager to the rank below, so that Graphviz
/// draws every one as a single straight stroke. The CEO's reports stand in one row
/// (the executives the lead works beside). A report with dotted lines to others in
/// its manager's row stands one rank below that row, hung on a point in it, so that
/// its dotted lines rise straight to the row instead of arcing over it, and its
/// lines to executives further up pass under the row's boxes (see [`lowered`]).
/// Any other
/// manager's leaf reports (three or more) are stacked in columns of [`STACK`],
/// two columns hung on each trunk: a vertical line down from the manager (the first
/// trunk straight under it) through a point level with each pair of boxes, and a
/// level stub from each point into the box on either side. Edges straight to a
/// stack's lower boxes crossed the rows between and bent round the boxes above (a
/// small chart's lines meandered diagonally across it); a trunk whose point sat a
/// rank above its box drew each stub with a bend, and one trunk per column let
/// Graphviz push a column far to the side of its manager.
fn reporting_lines(
    chart: &OrgChart,
    prefix: &str,
    lowered: &[NodeIndex],
    out: &mut dyn Write,
) -> io::Result<()> {
    let line = |out: &mut dyn Write, from: &str, to: &str, rules: &[String]| {
        writeln!(
            out,
            "  {prefix}{from} -> {prefix}{to} [tooltip={}];",
            quote(&tooltip("reports to", rules))
        )
    };
    let rules = |manager: NodeIndex, report: NodeIndex| -> Vec<String> {
        (chart.links(LinkKind::ReportsTo))
            .find(|(from, to, _)| (*from, *to) == (manager, report))
            .map(|(_, _, link)| link.rules.clone())
            .unwrap_or_default()
    };
    let point = |out: &mut dyn Write, id: &str, group: &str| {
        writeln!(
            out,
            "  {prefix}{id} [shape=point, width=0.01, height=0.01, color=\"#555555\", group={prefix}{group}];"
        )
    };
    // The line to one report: straight, or to the point a lowered report hangs on.
    let report_line = |out: &mut dyn Write, manager: NodeIndex, report: NodeIndex| {
        let (manager_id, id) = (node_id(manager), node_id(report));
        if !lowered.contains(&report) {
            return line(out, &manager_id, &id, &rules(manager, report));
        }
        let up = format!("{id}_up");
        point(out, &up, &id)?;
        writeln!(out, "  {prefix}{id} [group={prefix}{id}];")?;
        line(out, &manager_id, &up, &[])?;
        writeln!(
            out,
            "  {prefix}{up} -> {prefix}{id} [weight=100, tooltip={}];",
            quote(&tooltip("reports to", &rules(manager, report)))
        )
    };
    for (manager, _) in chart.nodes() {
        let reports = chart.reports(manager);
        let manager_id = node_id(manager);
        if manager == chart.root {
            // In the order of the reports, straight above the report it lowers,
            // whose dotted lines rise to either side of it.
            if let Some(&low) = lowered.iter().find(|r| reports.contains(r)) {
                writeln!(
                    out,
                    "  {prefix}{manager_id} [ordering=out, group={prefix}{}];",
                    node_id(low)
                )?;
            }
            let row: Vec<String> = (reports.iter())
                .map(|r| match lowered.contains(r) {
                    true => format!("{prefix}{}_up", node_id(*r)),
                    false => format!("{prefix}{}", node_id(*r)),
                })
                .collect();
            if row.len() > 1 {
                writeln!(out, "  {{ rank=same; {}; }}", row.join("; "))?;
            }
        }
        let leaves: Vec<NodeIndex> = (reports.iter().copied())
            .filter(|&r| chart.reports(r).is_empty() && !lowered.contains(&r))
            .collect();
        let columns: Vec<&[NodeIndex]> = if manager == chart.root || leaves.len() < 3 {
            Vec::new()
        } else {
            leaves
                .chunks(leaves.len().div_ceil(leaves.len().div_ceil(STACK)))
                .collect()
        };
        if !columns.is_empty() {
            // Its reports in the order of its lines (the trunk's boxes beside it),
            // straight above its first trunk (the group a lowered report has).
            writeln!(
                out,
                "  {prefix}{manager_id} [ordering=out, group={prefix}{manager_id}];"
            )?;
        }
        let stacked = |r: &NodeIndex| columns.iter().any(|column| column.contains(r));
        for &report in reports.iter().filter(|r| !stacked(r)) {
            report_line(out, manager, report)?;
        }
        // Columns 2t (left of the trunk) and 2t + 1 (right of it) hang on trunk t.
        for (t, pair) in columns.chunks(2).enumerate() {
            let trunk = |k: usize| format!("{manager_id}_bus{t}_{k}");
            let group = if t == 0 { manager_id.clone() } else { trunk(0) };
            // Invisible lines to the boxes beside the trunk's first point keep the
            // manager's other reports out from between them.
            if let Some(&&[left, ..]) = pair.first().filter(|_| pair.len() > 1) {
                writeln!(
                    out,
                    "  {prefix}{manager_id} -> {prefix}{} [style=invis];",
                    node_id(left)
                )?;
            }
            line(out, &manager_id, &trunk(0), &[])?;
            if let Some(&&[right, ..]) = pair.last() {
                writeln!(
                    out,
                    "  {prefix}{manager_id} -> {prefix}{} [style=invis];",
                    node_id(right)
                )?;
            }
            let rows = pair.iter().map(|column| column.len()).max().unwrap_or(0);
            for k in 0..rows {
                point(out, &trunk(k), &group)?;
                if k > 0 {
                    writeln!(
                        out,
                        "  {prefix}{} -> {prefix}{} [weight=100];",
                        trunk(k - 1),
                        trunk(k)
                    )?;
                }
                let mut row = vec![format!("{prefix}{}", trunk(k))];
                // With one column, its boxes stand right of the trunk.
                let sides = match pair.len() {
                    1 => [None, pair.first()],
                    _ => [pair.first(), pair.get(1)],
                };
                for (side, column) in sides.into_iter().enumerate() {
                    let Some(&column) = column else { continue };
                    let Some(&leaf) = column.get(k) else { continue };
                    let leaf_id = node_id(leaf);
                    row.push(format!("{prefix}{leaf_id}"));
                    if k > 0 {
                        writeln!(
                            out,
                            "  {prefix}{} -> {prefix}{leaf_id} [style=invis, weight=100];",
                            node_id(column[k - 1]),
                        )?;
                    }
                    // A flat edge runs from left to right: into the box on the
                    // right, out of the box on the left.
                    let (from, to) = match side {
                        0 => (leaf_id, trunk(k)),
                        _ => (trunk(k), leaf_id),
                    };
                    line(out, &from, &to, &rules(manager, leaf))?;
                }
                writeln!(out, "  {{ rank=same; {}; }}", row.join("; "))?;
            }
        }
    }
    Ok(())
}

/// Reports with a dotted line to another report of their manager: each stands a
/// rank below its manager's row, hung on a point in it, so that its dotted lines
/// rise to the row, and its lines to executives further up pass under the row's
/// boxes. In the row, a line to a counterpart beyond a neighbour arced over the row
/// and struck through the manager's lines to the boxes between, and a lead between
/// a CRO's teams crossed the CRO's line to one team on its way to the Head of
/// Finance (Lumenary).
fn lowered(chart: &OrgChart, alignments: &[Alignment]) -> Vec<NodeIndex> {
    let mut out = Vec::new();
    for (manager, _) in chart.nodes() {
        let row = chart.reports(manager);
        out.extend((row.iter().copied()).filter(|r| {
            (alignments.iter()).any(|(from, to, _)| from == r && to != r && row.contains(to))
        }));
    }
    out
}

/// Who `node` reports to, if anyone.
fn manager_of(chart: &OrgChart, node: NodeIndex) -> Option<NodeIndex> {
    (chart.links(LinkKind::ReportsTo)).find_map(|(from, to, _)| (to == node).then_some(from))
}

/// The dotted alignment lines, each numbered in its tooltip. A line from a report
/// [`lowered`] below its manager's row to one in the row runs from the top of its
/// box, where its reporting line arrives, to the bottom of the other's: lines from
/// the corners crossed that reporting line.
fn alignment_lines(
    chart: &OrgChart,
    prefix: &str,
    alignments: &[Alignment],
    lowered: &[NodeIndex],
    out: &mut dyn Write,
) -> io::Result<()> {
    for (k, (from, to, link)) in alignments.iter().enumerate() {
        let label = link.label.as_deref().unwrap_or_default();
        let beside = manager_of(chart, *from).is_some_and(|m| chart.reports(m).contains(to));
        let ports = match lowered.contains(from) && beside {
            true => "tailport=n, headport=s, ",
            false => "",
        };
        writeln!(
            out,
            "  {prefix}{} -> {prefix}{} [style=dotted, constraint=false, {ports}color=\"#1f6fb2\", penwidth=1.5, tooltip={}];",
            node_id(*from),
            node_id(*to),
            quote(&tooltip(
                &format!("{}: aligns with: {label}", k + 1),
                &link.rules
            )),
        )?;
    }
    Ok(())
}

/// The cadence list under the chart, held up by every node without reports; returns
/// the ids at the bottom (the list, or those nodes when there is no list).
fn cadence(
    chart: &OrgChart,
    prefix: &str,
    alignments: &[Alignment],
    out: &mut dyn Write,
) -> io::Result<Vec<String>> {
    let leaves: Vec<String> = chart
        .nodes()
        .filter(|(i, _)| chart.reports(*i).is_empty())
        .map(|(i, _)| format!("{prefix}{}", node_id(i)))
        .collect();
    if alignments.is_empty() {
        return Ok(leaves);
    }
    let mut list =
        vec!["Alignment cadence (dotted lines; the numbers are on the counterparts)".to_string()];
    for (k, (from, to, link)) in alignments.iter().enumerate() {
        let item = format!(
            "{} {} with {}: {}",
            footnote(k + 1),
            chart.graph[*from].title,
            chart.graph[*to].title,
            link.label.as_deref().unwrap_or_default()
        );
        for (j, line) in wrap_px(&item, LIST_TEXT, FONT, false)
            .into_iter()
            .enumerate()
        {
            list.push(if j == 0 { line } else { format!("     {line}") });
        }
    }
    let id = format!("{prefix}cadence");
    writeln!(
        out,
        "  {id} [shape=box, style=\"rounded\", color=\"#1f6fb2\", label={}];",
        quote_left(&list)
    )?;
    for leaf in &leaves {
        writeln!(out, "  {leaf} -> {id} [style=invis, weight=0];")?;
    }
    Ok(vec![id])
}

/// The legend under everything: each department's colour, the borders of roles in
/// place, to hire next and later, and the kinds of line (dotted only when `aligned`).
fn legend(
    departments: &[&str],
    colors: &[&str],
    aligned: bool,
    above: &[String],
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "  subgraph \"cluster_legend\" {{")?;
    writeln!(
        out,
        "    label=\"Legend\"; labeljust=l; fontsize=12; style=\"rounded\"; color=\"#bbbbbb\";"
    )?;
    let mut ids = Vec::new();
    for (k, (name, color)) in departments.iter().zip(colors).enumerate() {
        let id = format!("legend_d{k}");
        writeln!(
            out,
            "    {id} [label={}, fillcolor=\"{color}\", style=\"rounded,filled\"];",
            quote(&printable(name))
        )?;
        ids.push(id);
    }
    for (id, label, style) in [
        ("legend_current", "in place", "style=\"rounded\""),
        ("legend_next", "to hire next", "style=\"rounded,dashed\""),
        (
            "legend_later",
            "later",
            "style=\"rounded,dashed\", fontcolor=\"#555555\", color=\"#888888\"",
        ),
    ] {
        writeln!(out, "    {id} [label=\"{label}\", {style}];")?;
        ids.push(id.to_string());
    }
    writeln!(
        out,
        "    legend_from [label=\"manager\", style=\"rounded\"]; legend_to [label=\"report\", style=\"rounded\"];"
    )?;
    write!(out, "    legend_from -> legend_to [label=\" reports to\"];")?;
    if aligned {
        writeln!(
            out,
            " legend_a [label=\"aligns with ①\", style=\"rounded\"];\n    legend_to -> legend_a [style=dotted, color=\"#1f6fb2\", penwidth=1.5, label=\" aligns with\"];"
        )?;
    } else {
        writeln!(out)?;
    }
    writeln!(out, "  }}")?;
    // One row of samples (departments, then borders), in order, under the chart.
    writeln!(out, "  {{ rank=same; {} legend_from; }}", ids.join("; "))?;
    writeln!(out, "  {} -> legend_from [style=invis];", ids.join(" -> "))?;
    for from in above {
        writeln!(out, "  {from} -> {} [style=invis, weight=0];", ids[0])?;
    }
    Ok(())
}

/// Lines as one DOT string, each left-justified (`\l`).
fn quote_left(lines: &[String]) -> String {
    let body: Vec<String> = lines
        .iter()
        .map(|l| {
            let q = quote(l);
            q[1..q.len() - 1].to_string()
        })
        .collect();
    format!("\"{}\\l\"", body.join("\\l"))
}

/// Lines as one DOT string with `\n` breaks.
fn quote_lines(lines: &[String]) -> String {
    quote(&lines.join("\n"))
}

/// A DOT double-quoted string that Graphviz draws exactly as `text` reads: `"` and
/// `\` are backslash-escaped (so `\N`, `\G`, `\l` stay literal), `&`, `<` and `>` are
/// entities (Graphviz decodes entities in labels), a newline is a centred line break,
/// and other control characters are drawn as their Unicode control pictures.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || crate::profile::is_forbidden_char(c) => {
                out.push_str(&crate::render::labels::printable(&c.to_string()));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_escape_everything_graphviz_interprets() {
        assert_eq!(quote(r#"a"b\N"#), r#""a\"b\\N""#);
        assert_eq!(quote("<b>&amp;"), "\"&lt;b&gt;&amp;amp;\"");
        assert_eq!(quote("one\ntwo"), r#""one\ntwo""#);
        assert_eq!(quote("bell\u{7}"), "\"bell\u{2407}\"");
        assert_eq!(quote("tab\there"), "\"tab here\"");
    }
}
