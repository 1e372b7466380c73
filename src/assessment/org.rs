//! The org model's types: the positions of one assessment (the executives, the
//! department heads and the partnerships team) and the alignment lines between them.
//! `org::model` designs it; the charts draw it.

use super::RoleStatus;
use crate::profile::RevenueOwner;
use std::borrow::Cow;

/// The company's size and go-to-market teams, as the org model places their heads: a
/// head for each department with people, under one shared leader if there is one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GtmTeams {
    /// People in sales.
    pub sales: u32,
    /// People in marketing.
    pub marketing: u32,
    /// One leader runs sales and marketing.
    pub shared_leader: bool,
    /// People in the company: below [`HEADS_FROM`](crate::org::HEADS_FROM), the CEO
    /// covers the departments met only through the cadence.
    pub employees: u32,
    /// Who owns the revenue engine: a COO or CRO who does is drawn between the CEO and
    /// the heads of sales and marketing, whatever the placement (D6).
    pub revenue_owner: RevenueOwner,
}

/// What a position of the org model is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionKind {
    /// The CEO, or an executive the partnerships lead reports to.
    Executive,
    /// The head of another department (sales, marketing, product, ...) or its team.
    Department,
    /// A role of the partnerships team.
    Role,
}

/// The positions of one assessment and the alignment lines between them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgModel<'r> {
    /// Every position; the first is the CEO.
    pub positions: Vec<Position<'r>>,
    /// The partnerships lead.
    pub lead: usize,
    /// Dotted lines from the lead, one per counterpart.
    pub lines: Vec<Alignment>,
}

impl OrgModel<'_> {
    /// The partnerships lead reports to the CEO (the first position), as the chart
    /// draws it: a fact of the model, not of the executive's title, which a custom
    /// rulebook words as it likes.
    pub fn lead_reports_to_ceo(&self) -> bool {
        (self.positions.get(self.lead)).is_some_and(|lead| lead.manager == Some(0))
    }
}

/// A position: a person in place, or a hire planned now or later.
#[derive(Debug, Clone, PartialEq)]
pub struct Position<'r> {
    /// Job title.
    pub title: Cow<'r, str>,
    /// The department it belongs to.
    pub department: Cow<'r, str>,
    /// What the position is.
    pub kind: PositionKind,
    /// In place, next or later.
    pub status: RoleStatus,
    /// The position it reports to (`None` only for the CEO).
    pub manager: Option<usize>,
    /// Headcount of the department it heads, when the profile says.
    pub headcount: Option<u32>,
    /// The role of the assessment it stands for.
    pub role: Option<usize>,
    /// The PartnerOps functions it owns (indexes into the assessment's `partnerops`).
    pub owns: Vec<usize>,
    /// The cadence item that made it (a department met only through cadence).
    pub cadence: Option<usize>,
}

/// A dotted line from the lead to a counterpart, with the cadence items it carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The counterpart position.
    pub to: usize,
    /// Indexes into the assessment's `cadence`.
    pub items: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::OrgModel;
    use crate::rules::Rulebook;

    /// Whether the lead of a consultant fixture reports to the CEO in the org model,
    /// under `rules`.
    fn lead_reports_to_ceo(rules: &Rulebook, fixture: &str) -> bool {
        OrgModel::people(&rules.assess_fixture(fixture)).lead_reports_to_ceo()
    }

    /// The CEO who sells, who runs two sellers or who owns revenue over a department
    /// of its own is the lead's manager; a COO or a head of marketing is not; a model
    /// with no positions has no lead to report to anyone.
    #[test]
    fn the_lead_reports_to_the_ceo_where_the_chart_draws_it_so() {
        let rules = Rulebook::default_rules();
        let cases = [
            ("founder-led-affiliate", true),
            ("lone-seller-ceo-owner", true),
            ("revenue-owner-ceo", true),
            ("revenue-owner-coo", false),
            ("no-sales-affiliate", false),
        ];
        for (fixture, ceo) in cases {
            assert_eq!(lead_reports_to_ceo(rules, fixture), ceo, "{fixture}");
        }
        assert!(!OrgModel::default().lead_reports_to_ceo());
    }
}
