//! Mermaid (`flowchart TB`), for wikis and Markdown files that render it.
//!
//! Node and subgraph ids are generated (`n0`, `d0`); labels are always quoted and
//! entity-escaped by [`label`], so that names such as `end`, `subgraph`, `a"b`, `[x]`
//! or `#1` cannot change the diagram.

use crate::assessment::RoleStatus;
use crate::org::{LinkKind, OrgChart, node_id};
use crate::render::labels::{EDGE_WIDTH, NODE_WIDTH, lines, node_lines};
use crate::render::{ChartRenderer, Style};
use std::io::{self, Write};

/// Mermaid flowchart.
pub struct Mermaid;

impl ChartRenderer for Mermaid {
    fn render_chart(&self, chart: &OrgChart, _: Style, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "flowchart TB")?;
        for (d, (department, members)) in chart.departments().into_iter().enumerate() {
            writeln!(
                out,
                "  subgraph d{d} [{}]",
                label(&lines(department, NODE_WIDTH, 1))
            )?;
            for i in members {
                writeln!(
                    out,
                    "    {}[{}]",
                    node_id(i),
                    label(&node_lines(&chart.graph[i]))
                )?;
            }
            writeln!(out, "  end")?;
        }
        for (from, to, _) in chart.links(LinkKind::ReportsTo) {
            writeln!(out, "  {} --- {}", node_id(from), node_id(to))?;
        }
        for (from, to, link) in chart.links(LinkKind::AlignsWith) {
            let text = lines(link.label.as_deref().unwrap_or_default(), EDGE_WIDTH, 3);
            writeln!(
                out,
                "  {} -.-|{}| {}",
                node_id(from),
                label(&text),
                node_id(to)
            )?;
        }
        writeln!(out, "  classDef next stroke-dasharray: 5 5")?;
        writeln!(out, "  classDef later stroke-dasharray: 5 5,color:#666666")?;
        for status in [RoleStatus::Next, RoleStatus::Later] {
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
