//! The org chart: a petgraph graph built from an [`Assessment`](crate::assessment::Assessment).
//!
//! Nodes are people, roles or PartnerOps functions; each carries its title, department
//! (each drawn in its colour), status (`current`, `next` or `later`; planned
//! ones are drawn dashed), the ids of the rules that put it there and a tooltip saying
//! why. Edges either say who reports to whom (solid; they point from the manager to
//! the report and form a tree rooted at the CEO) or that two teams align on a cadence
//! (dotted, labelled with how often and what about).
//!
//! The chart follows from the assessment alone, never from code written for one
//! company, so the text and HTML reports can draw it beside the recommendation. The
//! [`roadmap`] projects a profile to later stages and draws one chart per stage.
//!
//! Owns the org model (positions, owners, lines) and the roadmap's stages. Depends on
//! `assessment`, `profile` and `rules` (the roadmap re-evaluates a profile); must not
//! depend on `render`, `analysis`, `batch` or the binary: drawing the graph is the
//! renderers' job.

use crate::assessment::RoleStatus;
use crate::assessment::{Placement, Stage};
pub use beyond::beyond_roles;
use petgraph::Direction;
pub use petgraph::graph::NodeIndex;
use petgraph::graph::{DiGraph, EdgeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

mod beyond;
mod builder;
pub mod model;
pub mod roadmap;

/// The org chart of one assessment.
#[derive(Debug, Clone)]
pub struct OrgChart {
    /// The company's name (the assessment's `profile`).
    pub company: String,
    /// Where partnerships reports.
    pub placement: Placement,
    /// The stage the team is designed for.
    pub stage: Stage,
    /// The people, roles and functions, and how they connect.
    pub graph: DiGraph<Node, Link>,
    /// The CEO, the root of the reporting tree.
    pub root: NodeIndex,
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// The CEO or the executive the partnerships lead reports to.
    Executive,
    /// The head of another department (sales, marketing, product, ...).
    Department,
    /// A role of the partnerships team.
    Role,
    /// A PartnerOps function and who covers it.
    Function,
}

/// A person, role or function.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// Job title, or the function's name.
    pub title: String,
    /// A second line: the company for the CEO, the owner of a function.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The department, drawn in its colour.
    pub department: String,
    /// What the node stands for.
    pub kind: NodeKind,
    /// In place today, the next hire, or for a later stage.
    pub status: RoleStatus,
    /// The rules that put the node there.
    pub rules: Vec<String>,
    /// Why it is there, for tooltips.
    pub tooltip: String,
}

/// How two nodes are connected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// The target reports to the source (drawn solid).
    ReportsTo,
    /// The source aligns with the target on a cadence (drawn dotted).
    AlignsWith,
}

/// An edge of the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    /// Reporting line or alignment.
    pub kind: LinkKind,
    /// For an alignment: how often and what about, e.g. `weekly: pipeline reviews`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The rules that put the edge there.
    pub rules: Vec<String>,
}

/// The department of the partnerships team's roles.
pub const PARTNERSHIPS: &str = "Partnerships";
/// The department of the PartnerOps functions.
pub const PARTNER_OPS: &str = "PartnerOps";
/// The department of the CEO and the executives.
pub const LEADERSHIP: &str = "Leadership";
/// The sales department.
pub const SALES: &str = "Sales";
/// The marketing department.
pub const MARKETING: &str = "Marketing";
/// Who a cadence item is with when it is shared with every team rather than met with
/// one leader (D7's monthly recap): it is in the cadence, and no line is drawn for it.
pub const OTHER_TEAMS: &str = "Other teams";
/// From this many employees, a department met only through the cadence (finance,
/// product, customer success) has a head of its own; below it, the CEO covers it.
pub const HEADS_FROM: u32 = 50;

impl OrgChart {
    /// A one-line title, e.g. `Acme: partnerships org chart (its own department, mid stage)`.
    pub fn title(&self) -> String {
        format!(
            "{}: partnerships org chart ({}, {} stage)",
            self.company,
            self.placement.label(),
            self.stage
        )
    }

    /// The nodes in the order they were added (a stable order for every renderer).
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }

    /// The edges of one kind, in the order they were added.
    pub fn links(&self, kind: LinkKind) -> impl Iterator<Item = (NodeIndex, NodeIndex, &Link)> {
        self.graph
            .edge_references()
            .filter(move |e| e.weight().kind == kind)
            .map(|e| (e.source(), e.target(), e.weight()))
    }

    /// Who reports to `node`, in the order they were added.
    pub fn reports(&self, node: NodeIndex) -> Vec<NodeIndex> {
        let mut out: Vec<(EdgeIndex, NodeIndex)> = self
            .graph
            .edges_directed(node, Direction::Outgoing)
            .filter(|e| e.weight().kind == LinkKind::ReportsTo)
            .map(|e| (e.id(), e.target()))
            .collect();
        out.sort();
        out.into_iter().map(|(_, n)| n).collect()
    }

    /// The departments in order of first appearance, each with its nodes.
    pub fn departments(&self) -> Vec<(&str, Vec<NodeIndex>)> {
        let mut out: Vec<(&str, Vec<NodeIndex>)> = Vec::new();
        for (i, node) in self.nodes() {
            match out.iter_mut().find(|(d, _)| *d == node.department) {
                Some((_, members)) => members.push(i),
                None => out.push((&node.department, vec![i])),
            }
        }
        out
    }
}

/// The chart as JSON: nodes with their ids, and edges between those ids.
#[derive(Debug, Serialize)]
pub struct ChartRecord<'a> {
    /// The company.
    pub company: &'a str,
    /// Where partnerships reports.
    pub placement: Placement,
    /// The stage the team is designed for.
    pub stage: Stage,
    /// The id of the root (the CEO).
    pub root: String,
    /// Every node.
    pub nodes: Vec<NodeRecord<'a>>,
    /// Every edge.
    pub edges: Vec<EdgeRecord<'a>>,
}

/// A node with its id.
#[derive(Debug, Serialize)]
pub struct NodeRecord<'a> {
    /// `n` followed by the node's index.
    pub id: String,
    /// The node.
    #[serde(flatten)]
    pub node: &'a Node,
}

/// An edge between two node ids.
#[derive(Debug, Serialize)]
pub struct EdgeRecord<'a> {
    /// The manager, or the team that aligns.
    pub from: String,
    /// The report, or the team aligned with.
    pub to: String,
    /// The edge.
    #[serde(flatten)]
    pub link: &'a Link,
}

/// The id renderers give a node: `n` and its index.
pub fn node_id(i: NodeIndex) -> String {
    format!("n{}", i.index())
}

impl OrgChart {
    /// The chart as a serialisable record.
    pub fn record(&self) -> ChartRecord<'_> {
        ChartRecord {
            company: &self.company,
            placement: self.placement,
            stage: self.stage,
            root: node_id(self.root),
            nodes: self
                .nodes()
                .map(|(i, node)| NodeRecord {
                    id: node_id(i),
                    node,
                })
                .collect(),
            edges: self
                .graph
                .edge_references()
                .map(|e| EdgeRecord {
                    from: node_id(e.source()),
                    to: node_id(e.target()),
                    link: e.weight(),
                })
                .collect(),
        }
    }
}
