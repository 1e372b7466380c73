//! The org chart in the terminal: the reporting lines as a tree drawn with
//! box-drawing characters, then the alignments. Statuses are written out (`[next]`),
//! and coloured when colour is on.

use crate::assessment::RoleStatus;
use crate::org::{LinkKind, NodeIndex, NodeKind, OrgChart};
use crate::render::labels::lines;
use crate::render::wrapping::{WIDTH, wrap};
use crate::render::{ChartRenderer, Style};
use std::io::{self, Write};

/// The terminal tree.
pub struct Tree;

/// The longest label of a tree line, in characters.
const LABEL_CHARS: usize = 90;

impl ChartRenderer for Tree {
    fn render_chart(&self, chart: &OrgChart, style: Style, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", line(chart, chart.root, style))?;
        branch(chart, chart.root, "", style, out)?;
        let aligns: Vec<_> = chart.links(LinkKind::AlignsWith).collect();
        if !aligns.is_empty() {
            writeln!(out, "\nDotted lines (recurring alignment):")?;
            for (from, to, link) in aligns {
                let text = format!(
                    "{} ⇢ {}: {}",
                    chart.graph[from].title,
                    chart.graph[to].title,
                    link.label.as_deref().unwrap_or_default()
                );
                writeln!(
                    out,
                    "{}",
                    wrap(&lines(&text, 400, 1)[0], "  ", WIDTH as usize)
                )?;
            }
        }
        Ok(())
    }
}

fn branch(
    chart: &OrgChart,
    node: NodeIndex,
    indent: &str,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let reports = chart.reports(node);
    for (k, child) in reports.iter().enumerate() {
        let last = k + 1 == reports.len();
        let (joint, more) = if last {
            ("└── ", "    ")
        } else {
            ("├── ", "│   ")
        };
        writeln!(out, "{indent}{joint}{}", line(chart, *child, style))?;
        branch(chart, *child, &format!("{indent}{more}"), style, out)?;
    }
    Ok(())
}

fn line(chart: &OrgChart, i: NodeIndex, style: Style) -> String {
    let node = &chart.graph[i];
    let mut text = node.title.clone();
    match (node.kind, &node.detail) {
        (NodeKind::Function, Some(detail)) => text = format!("{text} (PartnerOps; {detail})"),
        (_, Some(detail)) => text = format!("{text} · {detail}"),
        _ => {}
    }
    let text = lines(&text, LABEL_CHARS, 1).remove(0);
    if matches!(node.kind, NodeKind::Executive | NodeKind::Department) {
        return if style.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text
        };
    }
    let tag = format!("[{}]", node.status.as_str());
    let tag = match (style.color, node.status) {
        (false, _) => tag,
        (true, RoleStatus::Current) => format!("\x1b[32m{tag}\x1b[0m"),
        (true, RoleStatus::Next) => format!("\x1b[33m{tag}\x1b[0m"),
        (true, RoleStatus::Later) => format!("\x1b[2m{tag}\x1b[0m"),
    };
    format!("{text} {tag}")
}
