//! Draws the chart of an assessment from its org model ([`super::model`]).
//!
//! Every position becomes a node under its manager; each PartnerOps function hangs
//! under the position that owns it (the lead, until a planned owner is hired); each
//! alignment line of the model becomes one dotted edge, labelled with the cadence
//! items it carries. The executive the lead reports to carries the rules and the
//! first reason behind the placement.

use super::{Link, LinkKind, Node, NodeKind, OrgChart, PARTNER_OPS};
use crate::assessment::{Assessment, PositionKind};
use petgraph::graph::{DiGraph, NodeIndex};

impl OrgChart {
    /// The chart of one assessment.
    pub fn from_assessment(a: &Assessment) -> OrgChart {
        let model = &a.org;
        let mut b = Builder {
            graph: DiGraph::with_capacity(model.positions.len() + a.partnerops.len(), 0),
        };
        let mut reason_rules: Vec<String> = Vec::new();
        for r in &a.reasons {
            if !reason_rules.iter().any(|x| x == r.rule.as_str()) {
                reason_rules.push(r.rule.to_string());
            }
        }
        let why = a.reasons.first().map_or_else(
            || format!("Partnerships reports here ({})", a.placement.label()),
            |r| r.text.to_string(),
        );
        let lead_manager = model.positions[model.lead].manager;
        let mut nodes: Vec<NodeIndex> = Vec::with_capacity(model.positions.len());
        let mut edges: Vec<Vec<String>> = Vec::with_capacity(model.positions.len());
        for (i, p) in model.positions.iter().enumerate() {
            let mut rules = Vec::new();
            let mut edge_rules = Vec::new();
            let tooltip = if let Some(r) = p.role.map(|r| &a.roles[r]) {
                rules.push(r.rule.to_string());
                edge_rules.push(r.rule.to_string());
                format!("{} Hire {}.", sentence(r.responsibilities), r.hire_when)
            } else if let Some(c) = p.cadence.map(|c| &a.cadence[c]) {
                rules.push(c.rule.to_string());
                edge_rules.push(c.rule.to_string());
                format!("Partnerships aligns with {} on {}", c.with, c.topics)
            } else if i == 0 {
                format!("Runs {}", a.profile)
            } else if i == model.lead {
                "The rulebook added no roles; the program still needs an owner.".into()
            } else if p.kind == PositionKind::Department && p.headcount.is_some() {
                format!("Runs {}", p.department.to_lowercase())
            } else {
                format!("Runs {}", p.title)
            };
            if Some(i) == lead_manager {
                rules.clone_from(&reason_rules);
            }
            if i == model.lead {
                edge_rules.clone_from(&reason_rules);
            }
            let node = b.graph.add_node(Node {
                title: p.title.to_string(),
                detail: if i == 0 {
                    Some(a.profile.clone())
                } else {
                    p.headcount.map(|n| match n {
                        1 => "1 person".to_string(),
                        n => format!("{n} people"),
                    })
                },
                department: p.department.to_string(),
                kind: match p.kind {
                    PositionKind::Executive => NodeKind::Executive,
                    PositionKind::Department => NodeKind::Department,
                    PositionKind::Role => NodeKind::Role,
                },
                status: p.status,
                rules,
                tooltip: if Some(i) == lead_manager && i != 0 {
                    why.clone()
                } else {
                    tooltip
                },
            });
            nodes.push(node);
            edges.push(edge_rules);
        }
        // A manager may come after its reports (a head hired after the specialists).
        for ((p, node), rules) in model.positions.iter().zip(&nodes).zip(edges) {
            if let Some(m) = p.manager {
                b.reports(nodes[m], *node, rules);
            }
        }

        for (i, p) in model.positions.iter().enumerate() {
            for &k in &p.owns {
                let f = &a.partnerops[k];
                let node = b.graph.add_node(Node {
                    title: f.function.to_string(),
                    detail: Some(format!("owner: {}", f.owner)),
                    department: PARTNER_OPS.into(),
                    kind: NodeKind::Function,
                    status: p.status,
                    rules: vec![f.rule.to_string()],
                    tooltip: sentence(f.covers),
                });
                b.reports(nodes[i], node, vec![f.rule.to_string()]);
            }
        }

        for line in &model.lines {
            let mut label = String::new();
            let mut rules: Vec<String> = Vec::new();
            for &k in &line.items {
                let c = &a.cadence[k];
                if !label.is_empty() {
                    label.push_str("; ");
                }
                label.push_str(&format!("{}: {}", c.frequency, c.topics));
                if !rules.iter().any(|r| r == c.rule.as_str()) {
                    rules.push(c.rule.to_string());
                }
            }
            b.graph.add_edge(
                nodes[model.lead],
                nodes[line.to],
                Link {
                    kind: LinkKind::AlignsWith,
                    label: Some(label),
                    rules,
                },
            );
        }

        OrgChart {
            company: a.profile.clone(),
            placement: a.placement,
            stage: a.stage,
            graph: b.graph,
            root: nodes[0],
        }
    }
}

struct Builder {
    graph: DiGraph<Node, Link>,
}

impl Builder {
    fn reports(&mut self, manager: NodeIndex, report: NodeIndex, rules: Vec<String>) {
        self.graph.add_edge(
            manager,
            report,
            Link {
                kind: LinkKind::ReportsTo,
                label: None,
                rules,
            },
        );
    }
}

/// Text ending with a full stop, with its first letter capitalised.
fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn sentences_are_capitalised_and_closed() {
        assert_eq!(sentence("onboarding, training"), "Onboarding, training.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), ".");
    }
}
