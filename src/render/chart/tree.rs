//! The org chart in the terminal: the reporting lines as a tree drawn with
//! box-drawing characters, then the alignments. Statuses are written out (`[next]`),
//! and coloured when colour is on.

use crate::assessment::RoleStatus;
use crate::org::{LinkKind, NodeIndex, NodeKind, OrgChart};
use crate::render::labels::lines;
use crate::render::wrapping::wrap;
use crate::render::{ChartRenderer, Style};
use std::io::{self, Write};

/// The terminal tree.
pub struct Tree;

/// The longest label of a tree line, in characters: a label is wrapped at the width,
/// not cut, so that an owner line reads whole (the cap only bounds a custom
/// rulebook's text), as the dotted lines below the tree do.
const LABEL_CHARS: usize = 400;

impl ChartRenderer for Tree {
    fn render_chart(&self, chart: &OrgChart, style: Style, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "{}", line(chart, chart.root, "", "", style))?;
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
                writeln!(out, "{}", wrap(&lines(&text, 400, 1)[0], "  ", style.width))?;
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
        let first = format!("{indent}{joint}");
        let rest = format!("{indent}{more}");
        writeln!(out, "{}", line(chart, *child, &first, &rest, style))?;
        branch(chart, *child, &format!("{indent}{more}"), style, out)?;
    }
    Ok(())
}

/// A node's line after `first` (its branch), wrapped at the width with `rest` (the
/// branch continued) before each further line.
fn line(chart: &OrgChart, i: NodeIndex, first: &str, rest: &str, style: Style) -> String {
    let node = &chart.graph[i];
    let mut text = node.title.clone();
    match (node.kind, &node.detail) {
        (NodeKind::Function, Some(detail)) => text = format!("{text} (PartnerOps; {detail})"),
        (_, Some(detail)) => text = format!("{text} · {detail}"),
        _ => {}
    }
    let text = lines(&text, LABEL_CHARS, 1).remove(0);
    let wrapped = |text: &str| {
        let room = style.width.saturating_sub(first.chars().count()).max(20);
        let lines: Vec<String> = wrap(text, "", room).lines().map(String::from).collect();
        format!("{first}{}", lines.join(&format!("\n{rest}")))
    };
    if matches!(node.kind, NodeKind::Executive | NodeKind::Department) {
        return if style.color {
            format!("{first}\x1b[1m{}\x1b[0m", &wrapped(&text)[first.len()..])
        } else {
            wrapped(&text)
        };
    }
    let tag = format!("[{}]", node.status.as_str());
    let plain = wrapped(&format!("{text} {tag}"));
    let color = match node.status {
        _ if !style.color => return plain,
        RoleStatus::Current => "32",
        RoleStatus::Next => "33",
        RoleStatus::Later => "2",
    };
    let before = &plain[..plain.len() - tag.len()];
    format!("{before}\x1b[{color}m{tag}\x1b[0m")
}
