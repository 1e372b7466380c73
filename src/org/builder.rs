//! Builds the chart from an assessment.
//!
//! - The CEO is the root. The executive the partnerships lead reports to
//!   (`reports_to`) is the head of sales or marketing when partnerships sits there;
//!   otherwise it is the CEO itself or an executive under the CEO. A leader between the
//!   CEO and partnerships who is neither the head of sales nor of marketing (the
//!   cross-functional leader, or the COO or CRO who owns the revenue engine) also runs
//!   sales and marketing, so those departments report to that leader.
//! - The first role in hiring order leads the team and reports to that executive; the
//!   other roles report to the lead, with the status the assessment gave them.
//! - A PartnerOps function sits under the role its owner names (`Partner program
//!   manager`, `the partnerships lead (generalist)`, `Head of partner operations, with
//!   ...`); a function whose owner is not a role of the team (`Enablement team`) sits
//!   with the function before it, so the functions of one owner stay together.
//! - Each cadence item becomes a dotted edge from the lead to the team named in `with`:
//!   an existing department of that name, the CEO for leadership and planning forums,
//!   sales and marketing for the go-to-market teams, or else a new department under
//!   the CEO. Items for the same team share one edge.

use super::{
    LEADERSHIP, Link, LinkKind, MARKETING, Node, NodeKind, OrgChart, PARTNER_OPS, PARTNERSHIPS,
    SALES,
};
use crate::assessment::Placement;
use crate::assessment::{Assessment, RoleStatus};
use petgraph::graph::{DiGraph, NodeIndex};

impl OrgChart {
    /// The chart of one assessment.
    pub fn from_assessment(a: &Assessment) -> OrgChart {
        let mut b = Builder {
            graph: DiGraph::new(),
        };
        let root = b.add(Node {
            title: "CEO".into(),
            detail: Some(a.profile.clone()),
            department: LEADERSHIP.into(),
            kind: NodeKind::Executive,
            status: RoleStatus::Current,
            rules: Vec::new(),
            tooltip: format!("Runs {}", a.profile),
        });
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
        let department = |title: &str, department: &str, tooltip: String| Node {
            title: title.into(),
            detail: None,
            department: department.into(),
            kind: NodeKind::Department,
            status: RoleStatus::Current,
            rules: Vec::new(),
            tooltip,
        };
        let sales_title = match a.placement {
            Placement::Sales => a.reports_to.as_str(),
            _ => "Head of Sales",
        };
        let marketing_title = match a.placement {
            Placement::Marketing => a.reports_to.as_str(),
            _ => "Head of Marketing",
        };
        let exec = match a.placement {
            Placement::Sales | Placement::Marketing => root,
            _ if a.reports_to.eq_ignore_ascii_case(&b.graph[root].title) => root,
            _ => {
                let exec = b.add(Node {
                    title: a.reports_to.to_string(),
                    detail: None,
                    department: LEADERSHIP.into(),
                    kind: NodeKind::Executive,
                    status: RoleStatus::Current,
                    rules: reason_rules.clone(),
                    tooltip: why.clone(),
                });
                b.reports(root, exec, Vec::new());
                exec
            }
        };
        let mut sales = department(sales_title, SALES, "Runs sales".into());
        let mut marketing = department(marketing_title, MARKETING, "Runs marketing".into());
        let mut lead_manager = exec;
        match a.placement {
            Placement::Sales => {
                sales.rules = reason_rules.clone();
                sales.tooltip = why.clone();
            }
            Placement::Marketing => {
                marketing.rules = reason_rules.clone();
                marketing.tooltip = why.clone();
            }
            _ => {}
        }
        let sales = b.add(sales);
        let marketing = b.add(marketing);
        b.reports(exec, sales, Vec::new());
        b.reports(exec, marketing, Vec::new());
        match a.placement {
            Placement::Sales => lead_manager = sales,
            Placement::Marketing => lead_manager = marketing,
            _ => {}
        }

        // The team, in hiring order: the first role leads it.
        let mut roles: Vec<(String, NodeIndex)> = Vec::new();
        for role in &a.roles {
            let node = b.add(Node {
                title: role.title.to_string(),
                detail: None,
                department: PARTNERSHIPS.into(),
                kind: NodeKind::Role,
                status: role.status,
                rules: vec![role.rule.to_string()],
                tooltip: format!(
                    "{} Hire {}.",
                    sentence(role.responsibilities),
                    role.hire_when
                ),
            });
            let manager = roles.first().map_or(lead_manager, |(_, lead)| *lead);
            let rules = if roles.is_empty() {
                reason_rules.clone()
            } else {
                vec![role.rule.to_string()]
            };
            b.reports(manager, node, rules);
            roles.push((owner_key(role.title), node));
        }
        let lead = match roles.first() {
            Some((_, lead)) => *lead,
            None => {
                // A custom rulebook may add no roles; someone still has to own the program.
                let lead = b.add(Node {
                    title: "Partnerships lead".into(),
                    detail: None,
                    department: PARTNERSHIPS.into(),
                    kind: NodeKind::Role,
                    status: RoleStatus::Next,
                    rules: Vec::new(),
                    tooltip: "The rulebook added no roles; the program still needs an owner."
                        .into(),
                });
                b.reports(lead_manager, lead, reason_rules.clone());
                lead
            }
        };

        let mut previous = lead;
        for f in &a.partnerops {
            let owner = f.owner.to_lowercase();
            let owner = owner.strip_prefix("the ").unwrap_or(&owner);
            let parent = roles
                .iter()
                .filter(|(key, _)| owner.starts_with(key.as_str()))
                .max_by_key(|(key, _)| key.len())
                .map_or(previous, |(_, node)| *node);
            previous = parent;
            let node = b.add(Node {
                title: f.function.to_string(),
                detail: Some(format!("owner: {}", f.owner)),
                department: PARTNER_OPS.into(),
                kind: NodeKind::Function,
                status: b.graph[parent].status,
                rules: vec![f.rule.to_string()],
                tooltip: sentence(f.covers),
            });
            b.reports(parent, node, vec![f.rule.to_string()]);
        }

        for c in &a.cadence {
            let with = c.with.to_lowercase();
            let targets = if let Some(existing) = b.department_head(&with) {
                vec![existing]
            } else if with.contains("leadership") || with.contains("planning") {
                vec![root]
            } else if with.contains("go-to-market") {
                vec![sales, marketing]
            } else {
                let node = b.add(Node {
                    title: format!("Head of {}", c.with),
                    detail: None,
                    department: c.with.to_string(),
                    kind: NodeKind::Department,
                    status: RoleStatus::Current,
                    rules: vec![c.rule.to_string()],
                    tooltip: format!("Partnerships aligns with {} on {}", c.with, c.topics),
                });
                b.reports(root, node, vec![c.rule.to_string()]);
                vec![node]
            };
            let label = format!("{}: {}", c.frequency, c.topics);
            for target in targets {
                b.align(lead, target, &label, c.rule);
            }
        }

        OrgChart {
            company: a.profile.clone(),
            placement: a.placement,
            stage: a.stage,
            graph: b.graph,
            root,
        }
    }
}

struct Builder {
    graph: DiGraph<Node, Link>,
}

impl Builder {
    fn add(&mut self, node: Node) -> NodeIndex {
        self.graph.add_node(node)
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

    /// Adds a dotted edge, or extends the one already joining the two nodes.
    fn align(&mut self, from: NodeIndex, to: NodeIndex, label: &str, rule: &str) {
        let existing = self
            .graph
            .edges_connecting(from, to)
            .find(|e| e.weight().kind == LinkKind::AlignsWith)
            .map(|e| petgraph::visit::EdgeRef::id(&e));
        match existing {
            Some(e) => {
                let link = &mut self.graph[e];
                if let Some(l) = &mut link.label {
                    l.push_str("; ");
                    l.push_str(label);
                }
                if !link.rules.iter().any(|r| r == rule) {
                    link.rules.push(rule.to_string());
                }
            }
            None => {
                self.graph.add_edge(
                    from,
                    to,
                    Link {
                        kind: LinkKind::AlignsWith,
                        label: Some(label.to_string()),
                        rules: vec![rule.to_string()],
                    },
                );
            }
        }
    }

    /// The head of the department with this (lowercase) name, if there is one.
    fn department_head(&self, department: &str) -> Option<NodeIndex> {
        self.graph.node_indices().find(|i| {
            let n = &self.graph[*i];
            n.kind != NodeKind::Role
                && n.kind != NodeKind::Function
                && n.department.to_lowercase() == department
        })
    }
}

/// A role title as function owners name it: lowercase, without a trailing `(...)`.
fn owner_key(title: &str) -> String {
    let title = title.to_lowercase();
    match title.rfind(" (") {
        Some(i) if title.ends_with(')') => title[..i].to_string(),
        _ => title,
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
    use super::{owner_key, sentence};

    #[test]
    fn owner_keys_drop_the_parenthesis() {
        assert_eq!(
            owner_key("Head of partnerships (VP)"),
            "head of partnerships"
        );
        assert_eq!(
            owner_key("Partner program manager"),
            "partner program manager"
        );
    }

    #[test]
    fn sentences_are_capitalised_and_closed() {
        assert_eq!(sentence("onboarding, training"), "Onboarding, training.");
        assert_eq!(sentence("Done."), "Done.");
        assert_eq!(sentence(""), ".");
    }
}
