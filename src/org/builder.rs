//! Draws the chart of an assessment from its org model ([`super::model`]).
//!
//! Every position becomes a node under its manager; each PartnerOps function hangs
//! under the position that owns it (the lead, until a planned owner is hired); each
//! alignment line of the model becomes one dotted edge, labelled with the cadence
//! items it carries. The executive the lead reports to carries the rules and the
//! first reason behind the placement.

use super::{Link, LinkKind, Node, NodeKind, OrgChart, PARTNER_OPS};
use crate::assessment::{Assessment, OrgModel, PositionKind, RoleStatus};
use petgraph::graph::{DiGraph, NodeIndex};

impl OrgChart {
    /// The chart of one assessment.
    pub fn from_assessment(a: &Assessment) -> OrgChart {
        let model = OrgModel::of(a);
        let mut b = Builder {
            a,
            graph: DiGraph::with_capacity(model.positions.len() + a.partnerops.len(), 0),
            nodes: Vec::with_capacity(model.positions.len()),
            model: &model,
        };
        b.positions();
        b.functions();
        b.alignments();
        OrgChart {
            company: a.profile.clone(),
            placement: a.placement,
            stage: a.stage,
            graph: b.graph,
            root: b.nodes[0],
        }
    }
}

struct Builder<'a> {
    a: &'a Assessment<'a>,
    model: &'a OrgModel<'a>,
    graph: DiGraph<Node, Link>,
    /// Each position's node, by position.
    nodes: Vec<NodeIndex>,
}

impl Builder<'_> {
    /// Every position as a node under its manager. The executive the lead reports to,
    /// and the line from it to the lead, carry the rules behind the placement; the
    /// executive's tooltip is the first reason.
    fn positions(&mut self) {
        let (a, model) = (self.a, self.model);
        let reason_rules = reason_rules(a);
        let lead_manager = model.positions[model.lead].manager;
        let mut edges: Vec<Vec<String>> = Vec::with_capacity(model.positions.len());
        for (i, p) in model.positions.iter().enumerate() {
            let (mut rules, mut tooltip) = self.origin(i);
            let mut edge_rules = rules.clone();
            if Some(i) == lead_manager {
                rules.clone_from(&reason_rules);
                if i != 0 {
                    tooltip = why(a);
                }
            }
            if i == model.lead {
                edge_rules.clone_from(&reason_rules);
            }
            let node = self.graph.add_node(Node {
                title: p.title.to_string(),
                detail: if i == 0 {
                    Some(a.profile.clone())
                } else {
                    p.headcount
                        .map(|n| match n {
                            1 => "1 person".to_string(),
                            n => format!("{n} people"),
                        })
                        .or_else(|| meanwhile(model, i))
                },
                department: p.department.to_string(),
                kind: match p.kind {
                    PositionKind::Executive => NodeKind::Executive,
                    PositionKind::Department => NodeKind::Department,
                    PositionKind::Role => NodeKind::Role,
                },
                status: p.status,
                rules,
                tooltip,
            });
            self.nodes.push(node);
            edges.push(edge_rules);
        }
        // A manager may come after its reports (a head hired after the specialists).
        for (i, (p, rules)) in model.positions.iter().zip(edges).enumerate() {
            if let Some(m) = p.manager {
                self.reports(self.nodes[m], self.nodes[i], rules);
            }
        }
    }

    /// Where position `i` comes from: the rule that added its role or its cadence
    /// (none for the others), and its tooltip.
    fn origin(&self, i: usize) -> (Vec<String>, String) {
        let (a, model) = (self.a, self.model);
        let p = &model.positions[i];
        if let Some(r) = p.role.map(|r| &a.roles[r]) {
            let tooltip = match r.status {
                RoleStatus::Current => format!("{} In place.", sentence(r.responsibilities)),
                _ => format!(
                    "{} When to hire: {}.",
                    sentence(r.responsibilities),
                    r.when_to_hire()
                ),
            };
            (vec![r.rule.to_string()], tooltip)
        } else if let Some(c) = p.cadence.map(|c| &a.cadence[c]) {
            let tooltip = format!("Partnerships aligns with {} on {}", c.with, c.topics);
            (vec![c.rule.to_string()], tooltip)
        } else if i == 0 {
            (Vec::new(), format!("Runs {}", a.profile))
        } else if i == model.lead {
            let tooltip = "The rulebook added no roles; the program still needs an owner.";
            (Vec::new(), tooltip.into())
        } else if p.kind == PositionKind::Department && p.headcount.is_some() {
            (Vec::new(), format!("Runs {}", p.department.to_lowercase()))
        } else {
            (Vec::new(), format!("Runs {}", p.title))
        }
    }

    /// Each PartnerOps function under the position that owns it.
    fn functions(&mut self) {
        let (a, model) = (self.a, self.model);
        for (i, p) in model.positions.iter().enumerate() {
            for &k in &p.owns {
                let f = &a.partnerops[k];
                let node = self.graph.add_node(Node {
                    title: f.function.to_string(),
                    detail: Some(format!("owner: {}", f.owner)),
                    department: PARTNER_OPS.into(),
                    kind: NodeKind::Function,
                    status: p.status,
                    rules: vec![f.rule.to_string()],
                    tooltip: sentence(f.covers),
                });
                self.reports(self.nodes[i], node, vec![f.rule.to_string()]);
            }
        }
    }

    /// Each alignment line from the lead, labelled with the cadence items it carries.
    fn alignments(&mut self) {
        let (a, model) = (self.a, self.model);
        for line in &model.lines {
            let items = || line.items.iter().map(|&k| &a.cadence[k]);
            let label = label(items().map(|c| (c.frequency.as_str(), c.topics.as_str())));
            let mut rules: Vec<String> = Vec::new();
            for rule in items().flat_map(|c| c.rules()) {
                if !rules.iter().any(|r| r == rule.as_str()) {
                    rules.push(rule.to_string());
                }
            }
            self.graph.add_edge(
                self.nodes[model.lead],
                self.nodes[line.to],
                Link {
                    kind: LinkKind::AlignsWith,
                    label: Some(label),
                    rules,
                },
            );
        }
    }

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

/// The label of a line carrying meetings given as (frequency, topics): the topics by
/// frequency, each frequency and each topic once, in order of first appearance:
/// `weekly: pipeline reviews; shared goals; monthly: rebates`. Sales and marketing
/// under one shared leader are one counterpart, and their items may share topics.
fn label<'t>(meetings: impl Iterator<Item = (&'t str, &'t str)>) -> String {
    let mut by_frequency: Vec<(&str, Vec<&str>)> = Vec::new();
    for (frequency, topics) in meetings {
        let at = match by_frequency.iter().position(|(f, _)| *f == frequency) {
            Some(at) => at,
            None => {
                by_frequency.push((frequency, Vec::new()));
                by_frequency.len() - 1
            }
        };
        for topic in topics.split("; ") {
            if !by_frequency.iter().any(|(_, seen)| seen.contains(&topic)) {
                by_frequency[at].1.push(topic);
            }
        }
    }
    let groups = by_frequency.iter().filter(|(_, topics)| !topics.is_empty());
    let groups: Vec<String> = groups
        .map(|(frequency, topics)| format!("{frequency}: {}", topics.join("; ")))
        .collect();
    groups.join("; ")
}

/// The rules behind the placement's reasons, each once, in order.
fn reason_rules(a: &Assessment) -> Vec<String> {
    let mut rules: Vec<String> = Vec::new();
    for r in &a.reasons {
        if !rules.iter().any(|x| x == r.rule.as_str()) {
            rules.push(r.rule.to_string());
        }
    }
    rules
}

/// Why partnerships reports where it does: the first reason.
fn why(a: &Assessment) -> String {
    a.reasons.first().map_or_else(
        || format!("Partnerships reports here ({})", a.placement.label()),
        |r| r.text.to_string(),
    )
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

/// For a lead hired now over people in place: whom they report to until the lead
/// is hired. The chart draws them under the lead they will have, and two consultants
/// read a box to hire above boxes in place as people reporting to nobody yet.
fn meanwhile(model: &OrgModel, i: usize) -> Option<String> {
    let p = &model.positions[i];
    if p.kind != PositionKind::Role || p.status != RoleStatus::Next {
        return None;
    }
    let in_place = (model.positions.iter())
        .filter(|q| q.manager == Some(i) && q.kind == PositionKind::Role)
        .filter(|q| q.status == RoleStatus::Current)
        .count();
    let manager = &model.positions[p.manager?].title;
    match in_place {
        0 => None,
        1 => Some(format!(
            "until hired, its 1 person in place reports to the {manager}"
        )),
        n => Some(format!(
            "until hired, its {n} people in place report to the {manager}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::{label, sentence};

    #[test]
    fn a_label_lists_each_frequency_and_each_topic_once() {
        let sync = "shared goals and blockers";
        let sales = format!("pipeline reviews, attribution; {sync}");
        let marketing = format!("campaign planning; {sync}");
        let meetings = [
            ("weekly", sales.as_str()),
            ("weekly", marketing.as_str()),
            ("monthly", "rebates; campaign planning"),
        ];
        assert_eq!(
            label(meetings.into_iter()),
            format!(
                "weekly: pipeline reviews, attribution; {sync}; campaign planning; monthly: rebates"
            )
        );
        assert_eq!(
            label([("monthly", "rebates")].into_iter()),
            "monthly: rebates"
        );
    }

    #[test]
    fn sentences_are_capitalised_and_closed() {
        assert_eq!(sentence("onboarding, training"), "Onboarding, training.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), ".");
    }
}
