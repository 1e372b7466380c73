//! Mermaid (`flowchart TB`), for wikis and Markdown files that render it.
//!
//! Node and subgraph ids are generated (`n0`, `d0`); labels are always quoted and
//! entity-escaped by [`label`], so that names such as `end`, `subgraph`, `a"b`, `[x]`
//! or `#1` cannot change the diagram.

use crate::assessment::RoleStatus;
use crate::org::{LinkKind, OrgChart, node_id};
use crate::render::labels::{department_colors, printable, wrap_px};
use crate::render::{ChartRenderer, Style};
use std::io::{self, Write};

/// Mermaid flowchart.
pub struct Mermaid;

/// The widest line of a label, in pixels of Mermaid's 16 px default font.
const TEXT: f64 = 220.0;

/// The widest line of a dotted line's label: Mermaid wraps an edge label wider than
/// 200 px whatever the front matter says (Mermaid 11.17 broke "quarterly: partner
/// capacity", wrapped at 220 px, after "partner"), and a browser's font runs a little
/// wider than the project's estimate.
const LINE_TEXT: f64 = 180.0;

/// Printable text wrapped by the project at `width` px (Mermaid's own wrapping of
/// nodes is widened out of the way in the front matter, so the two do not make
/// ragged labels).
fn wrapped_at(text: &str, width: f64) -> Vec<String> {
    wrap_px(text, width, 16.0, false)
}

/// A node's or a department's text, wrapped at [`TEXT`].
fn wrapped(text: &str) -> Vec<String> {
    wrapped_at(text, TEXT)
}

impl ChartRenderer for Mermaid {
    fn render_chart(&self, chart: &OrgChart, _: Style, out: &mut dyn Write) -> io::Result<()> {
        front_matter(chart, out)?;
        writeln!(out, "flowchart TB")?;
        departments(chart, out)?;
        lines(chart, out)?;
        status_classes(chart, out)
    }
}

/// The front matter: the title, and labels as wide as the project wrapped them.
fn front_matter(chart: &OrgChart, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "---")?;
    writeln!(out, "title: {}", yaml_string(&printable(&chart.title())))?;
    writeln!(out, "config:")?;
    writeln!(out, "  flowchart:")?;
    writeln!(out, "    wrappingWidth: 600")?;
    writeln!(out, "---")?;
    Ok(())
}

/// Each department as a subgraph filled with its colour, holding its nodes.
fn departments(chart: &OrgChart, out: &mut dyn Write) -> io::Result<()> {
    let departments = chart.departments();
    let names: Vec<&str> = departments.iter().map(|(name, _)| *name).collect();
    let colors = department_colors(&names);
    for (d, (department, members)) in departments.iter().enumerate() {
        writeln!(out, "  subgraph d{d} [{}]", label(&wrapped(department)))?;
        for &i in members {
            let node = &chart.graph[i];
            let mut text = wrapped(&node.title);
            if let Some(detail) = &node.detail {
                text.extend(wrapped(detail));
            }
            writeln!(out, "    {}[{}]", node_id(i), label(&text))?;
        }
        writeln!(out, "  end")?;
        writeln!(out, "  style d{d} fill:{},stroke:#bbbbbb", colors[d])?;
    }
    Ok(())
}

/// The reporting lines, then the dotted alignment lines labelled with their cadence.
fn lines(chart: &OrgChart, out: &mut dyn Write) -> io::Result<()> {
    for (from, to, _) in chart.links(LinkKind::ReportsTo) {
        writeln!(out, "  {} --- {}", node_id(from), node_id(to))?;
    }
    for (from, to, link) in chart.links(LinkKind::AlignsWith) {
        let text = wrapped_at(link.label.as_deref().unwrap_or_default(), LINE_TEXT);
        writeln!(
            out,
            "  {} -.-|{}| {}",
            node_id(from),
            label(&text),
            node_id(to)
        )?;
    }
    Ok(())
}

/// Status as the native SVG and DOT show it: solid in place, dashed next, dashed and
/// grey later.
fn status_classes(chart: &OrgChart, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "  classDef current stroke:#333333,stroke-width:1.5px")?;
    writeln!(
        out,
        "  classDef next stroke:#444444,stroke-width:1.5px,stroke-dasharray:6 4"
    )?;
    writeln!(
        out,
        "  classDef later stroke:#8a8a8a,stroke-dasharray:3 4,color:#555555"
    )?;
    for status in [RoleStatus::Current, RoleStatus::Next, RoleStatus::Later] {
        let ids: Vec<String> = chart
            .nodes()
            .filter(|(_, n)| n.status == status)
            .map(|(i, _)| node_id(i))
            .collect();
        if !ids.is_empty() {
            writeln!(out, "  class {} {}", ids.join(","), status.as_str())?;
        }
    }
    Ok(())
}

/// A YAML double-quoted string.
fn yaml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A quoted Mermaid label: characters Mermaid reads as syntax become its `#name;` or
/// `#code;` entities, and lines are joined with `<br>`.
pub fn label(lines: &[String]) -> String {
    let escaped: Vec<String> = lines
        .iter()
        .map(|line| {
            let mut out = String::with_capacity(line.len());
            for c in line.chars() {
                match c {
                    '"' => out.push_str("#quot;"),
                    '#' => out.push_str("#35;"),
                    '&' => out.push_str("#amp;"),
                    '<' => out.push_str("#lt;"),
                    '>' => out.push_str("#gt;"),
                    '|' => out.push_str("#124;"),
                    '`' => out.push_str("#96;"),
                    c if c.is_control() => out.push(' '),
                    c => out.push(c),
                }
            }
            out
        })
        .collect();
    format!("\"{}\"", escaped.join("<br>"))
}

#[cfg(test)]
mod tests {
    use super::label;

    #[test]
    fn labels_are_quoted_and_entity_escaped() {
        let l = |s: &str| label(&[s.to_string()]);
        assert_eq!(l(r#"a"b"#), "\"a#quot;b\"");
        assert_eq!(l("#1 [x] end"), "\"#35;1 [x] end\"");
        assert_eq!(l("<b>|`&"), "\"#lt;b#gt;#124;#96;#amp;\"");
        assert_eq!(label(&["one".into(), "two".into()]), "\"one<br>two\"");
    }
}
