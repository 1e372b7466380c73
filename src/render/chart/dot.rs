//! Graphviz DOT: `partner-org chart p.yaml | dot -Tsvg > chart.svg`.
//!
//! Node ids are generated (`n0`, `n1`, ...); every label, tooltip and cluster name is
//! a quoted string escaped by [`quote`], so that any name Graphviz is given, quotes,
//! backslashes, `\N`-style escapes, `<`, `&`, newlines or control characters included,
//! is drawn as written.

use crate::assessment::RoleStatus;
use crate::org::roadmap::Roadmap;
use crate::org::{LinkKind, OrgChart, node_id};
use crate::render::labels::{
    EDGE_WIDTH, TITLE_WIDTH, department_colors, lines, node_lines, tooltip,
};
use crate::render::{ChartRenderer, Style};
use std::io::{self, Write};

/// Graphviz DOT.
pub struct Dot;

impl ChartRenderer for Dot {
    fn render_chart(&self, chart: &OrgChart, _: Style, out: &mut dyn Write) -> io::Result<()> {
        header(out, &chart.title())?;
        body(chart, "", "  ", true, out)?;
        writeln!(out, "}}")
    }
}

/// The roadmap as one graph with a cluster per stage.
pub fn roadmap(roadmap: &Roadmap, out: &mut dyn Write) -> io::Result<()> {
    header(out, &format!("{}: partnerships roadmap", roadmap.company))?;
    for (i, step) in roadmap.steps.iter().enumerate() {
        let a = &step.assessment;
        writeln!(out, "  subgraph \"cluster_stage_{i}\" {{")?;
        let label = format!(
            "{} stage: {}, reporting to the {}",
            step.stage,
            a.placement.label(),
            a.reports_to
        );
        writeln!(
            out,
            "    label={}; style=\"rounded\"; color=\"#888888\"; fontsize=14;",
            quote_lines(&lines(&label, TITLE_WIDTH, 2))
        )?;
        body(&step.chart, &format!("s{i}_"), "    ", false, out)?;
        writeln!(out, "  }}")?;
    }
    writeln!(out, "}}")
}

fn header(out: &mut dyn Write, title: &str) -> io::Result<()> {
    writeln!(out, "digraph \"partner-org\" {{")?;
    writeln!(
        out,
        "  graph [label={}, labelloc=t, fontname=\"Helvetica\", fontsize=16, rankdir=TB, nodesep=0.3, ranksep=0.5];",
        quote_lines(&lines(title, TITLE_WIDTH, 2))
    )?;
    writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, fillcolor=\"#ffffff\"];"
    )?;
    writeln!(
        out,
        "  edge [arrowhead=none, color=\"#555555\", fontname=\"Helvetica\", fontsize=9];"
    )
}

/// The nodes and edges of one chart, ids starting with `prefix`. Departments are
/// clusters when `clusters` is set, and otherwise only colours: Graphviz 2.43 fails
/// ("trouble in init_rank") on department clusters nested in the roadmap's stage
/// clusters.
fn body(
    chart: &OrgChart,
    prefix: &str,
    indent: &str,
    clusters: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let departments = chart.departments();
    let names: Vec<&str> = departments.iter().map(|(name, _)| *name).collect();
    let colors = department_colors(&names);
    for (d, (department, members)) in departments.into_iter().enumerate() {
        let department = quote(&lines(department, crate::render::labels::NODE_WIDTH, 1)[0]);
        if clusters {
            writeln!(out, "{indent}subgraph \"cluster_{prefix}{d}\" {{")?;
            writeln!(
                out,
                "{indent}  label={department}; style=\"rounded,filled\"; fillcolor=\"{}\"; color=\"#bbbbbb\";",
                colors[d]
            )?;
        }
        for i in members {
            let node = &chart.graph[i];
            let style = match node.status {
                RoleStatus::Current => "style=\"rounded,filled\"",
                RoleStatus::Next => "style=\"rounded,filled,dashed\"",
                RoleStatus::Later => {
                    "style=\"rounded,filled,dashed\", fontcolor=\"#666666\", color=\"#888888\""
                }
            };
            writeln!(
                out,
                "{indent}  {prefix}{} [label={}, tooltip={}, {style}{}];",
                node_id(i),
                quote_lines(&node_lines(node)),
                quote(&tooltip(
                    &format!("{} ({})", node.tooltip, node.status.as_str()),
                    &node.rules
                )),
                if clusters {
                    String::new()
                } else {
                    format!(", fillcolor=\"{}\"", colors[d])
                },
            )?;
        }
        if clusters {
            writeln!(out, "{indent}}}")?;
        }
    }
    for (from, to, link) in chart.links(LinkKind::ReportsTo) {
        let (from, to) = (node_id(from), node_id(to));
        writeln!(
            out,
            "{indent}{prefix}{from} -> {prefix}{to} [tooltip={}];",
            quote(&tooltip("reports to", &link.rules))
        )?;
    }
    for (from, to, link) in chart.links(LinkKind::AlignsWith) {
        let label = link.label.as_deref().unwrap_or_default();
        writeln!(
            out,
            "{indent}{prefix}{} -> {prefix}{} [style=dotted, constraint=false, color=\"#1f6fb2\", fontcolor=\"#1f6fb2\", {}={}, tooltip={}];",
            node_id(from),
            node_id(to),
            // Labels on unconstrained edges inside stage clusters also trip init_rank.
            if clusters { "label" } else { "xlabel" },
            quote_lines(&lines(label, EDGE_WIDTH, 3)),
            quote(&tooltip(&format!("aligns with: {label}"), &link.rules)),
        )?;
    }
    Ok(())
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
