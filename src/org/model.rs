//! The org model: one set of positions behind the roles table, the PartnerOps owners,
//! the cadence and every chart, so that they cannot disagree.
//!
//! The engine calls [`settle()`] once the rules have fired: it gives each PartnerOps
//! function to the role that holds it and settles the cadence; those are all the
//! reports need. [`OrgModel::of`] designs the positions and lines from the
//! assessment when a chart is drawn. It places
//! - the CEO at the root; the executive the lead reports to (`reports_to`) under the
//!   CEO unless it is the CEO; a shared sales-and-marketing leader, or the heads of
//!   sales and marketing, only for departments that have people;
//! - the partnerships lead (the first role in hiring order) under that executive, and
//!   every other role under the first of its `reports_to` titles that is hired no
//!   later than it is or is hired now (people in place are drawn under the manager
//!   hired now to lead them), else under the lead;
//! - each PartnerOps function with the position that owns it, if that position is in
//!   place; otherwise with the lead, "until the X is hired";
//! - one alignment line per counterpart (a leader the lead does not report to, or the
//!   sales or marketing team of the shared leader it does report to), with the cadence
//!   items of that counterpart merged; items with a department of size 0 are dropped.
//!   A department met only through the cadence (finance, product) gets a head from
//!   [`HEADS_FROM`] employees and is the CEO's below; an item shared with the
//!   [`OTHER_TEAMS`](super::OTHER_TEAMS) (a recap) is in the cadence with no line.

use super::{HEADS_FROM, LEADERSHIP, MARKETING, PARTNERSHIPS, SALES};
use crate::assessment::{
    Alignment, Assessment, CadenceItem, Counterpart, GtmTeams, OrgModel, Placement, Position,
    PositionKind, Role, RoleStatus,
};
use crate::profile::RevenueOwner;
use crate::text::Text;
use std::borrow::Cow;

mod cadence;
pub mod reporting;
mod settle;
mod words;

pub use cadence::{Meeting, Team};
pub use settle::settle;
pub use words::Named;

/// The title of one leader who runs sales and marketing.
pub const SHARED_GTM_LEADER: &str = "Head of Sales and Marketing";

/// The lead's title when the rulebook added no roles.
pub(super) const NO_ROLES_LEAD: &str = "Partnerships lead";

/// The most direct reports a manager should have.
pub const MAX_REPORTS: usize = 8;

fn status_rank(status: RoleStatus) -> u8 {
    match status {
        RoleStatus::Current => 0,
        RoleStatus::Next => 1,
        RoleStatus::Later => 2,
    }
}

/// Whom a cadence item is held with: a position of the model, or the head of its
/// team, added to the model when a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Met {
    Position(usize),
    Head,
}

/// The positions above the team that the lines and the lead are drawn to.
struct Leaders {
    root: usize,
    /// The executive over partnerships below the CEO, if any.
    between: Option<usize>,
    /// Where the lines to sales and marketing go (their head, or their shared
    /// leader), and their team's own position, for departments with people.
    sales: Option<(usize, usize)>,
    marketing: Option<(usize, usize)>,
    /// Who the lead reports to.
    over_lead: usize,
}

/// How the heads of sales and marketing are placed.
struct Heads<'a> {
    placement: Placement,
    /// The title of the head of the placement's department, whom the lead reports
    /// to; `None` when the lead reports to the CEO instead.
    reports_to: Option<&'a str>,
    /// The executive the go-to-market leaders report to.
    gtm: usize,
    /// One leader of sales and marketing, if there is one.
    shared: Option<usize>,
    /// The CEO runs one or two sellers, who have no head of their own, where the CEO
    /// owns the revenue engine (D6) or nobody does: the sales team is drawn under the
    /// CEO in every placement, as `lone-seller-ceo-owns-revenue` and
    /// `lone-seller-ceo-runs-sales` say under sales.
    ceo_runs_sales: bool,
}

impl<'a> Heads<'a> {
    /// The head of the department of `placement` (its team, under a shared leader),
    /// if it has people; returns where lines to it go, and its own position.
    fn add<'r>(
        &self,
        m: &mut OrgModel<'r>,
        placement: Placement,
        size: u32,
    ) -> Option<(usize, usize)>
    where
        'a: 'r,
    {
        if size == 0 {
            return None;
        }
        let sales = placement == Placement::Sales;
        let department = if sales { SALES } else { MARKETING };
        let team = if sales {
            "Sales team"
        } else {
            "Marketing team"
        };
        let head = if sales {
            "Head of Sales"
        } else {
            "Head of Marketing"
        };
        let (title, manager) = match self.shared {
            // The shared leader heads the team; the team itself is drawn below.
            Some(leader) => (team, leader),
            None if sales && self.ceo_runs_sales => (team, self.gtm),
            None if self.placement != placement => (head, self.gtm),
            None => match self.reports_to {
                Some(title) => (title, self.gtm),
                // Placed in the department but reporting to the CEO: the CEO runs it
                // (a team of one or two sellers has no head of its own, D6).
                None => (team, self.gtm),
            },
        };
        let mut p = Position::leader(title, department, PositionKind::Department, Some(manager));
        p.headcount = Some(size);
        let p = m.add(p);
        Some((self.shared.unwrap_or(p), p))
    }
}

/// One or two sellers have no head of their own: the CEO runs them, where the CEO owns
/// the revenue engine (D6) or nobody does (S2, T1).
fn ceo_runs_sales(teams: GtmTeams) -> bool {
    matches!(teams.revenue_owner, RevenueOwner::Ceo | RevenueOwner::None) && teams.sales <= 2
}

/// Whether the partnerships lead reports to the CEO, from the placement and the
/// company rather than from the words of the rulebook's `reports_to` (which a custom
/// rulebook words as it likes: "Founder (who sells today)" is the CEO, not an
/// executive of its own): a department of its own reports to the CEO unless a COO or
/// CRO owns revenue (D6); under sales, the CEO is the lead's manager where nobody else
/// runs sales: no sales team (the founder sells, S2), or one or two sellers run by the
/// CEO who owns revenue (D6) or, with no owner of revenue, by the CEO rather than a
/// shared sales-and-marketing leader (S2, T1); under marketing or a cross-functional
/// leader, never.
fn ceo_over_lead(placement: Placement, teams: GtmTeams) -> bool {
    match placement {
        Placement::Standalone => {
            !matches!(teams.revenue_owner, RevenueOwner::Coo | RevenueOwner::Cro)
        }
        Placement::Sales => {
            teams.sales == 0
                || (ceo_runs_sales(teams)
                    && (teams.revenue_owner == RevenueOwner::Ceo || !teams.shared_leader))
        }
        Placement::Marketing | Placement::CrossFunctional => false,
    }
}

impl<'r> OrgModel<'r> {
    /// The model of an assessment, with the owners and cadence [`settle()`] settled.
    pub fn of(a: &Assessment<'r>) -> OrgModel<'r> {
        let (mut m, leaders, team) = OrgModel::placed(a);
        for (k, f) in a.partnerops.iter().enumerate() {
            let holder = if a.roles.is_empty() {
                m.lead
            } else {
                team + f.holder
            };
            m.positions[holder].owns.push(k);
        }
        m.align(&leaders, &a.cadence, a.teams.employees);
        m
    }

    /// The positions only, without the functions they own and the alignment lines:
    /// who reports to whom (all a count of direct reports needs).
    pub fn people(a: &Assessment<'r>) -> OrgModel<'r> {
        OrgModel::placed(a).0
    }

    /// The positions, the leaders above the team, and the first role's position.
    fn placed(a: &Assessment<'r>) -> (OrgModel<'r>, Leaders, usize) {
        let mut m = OrgModel {
            positions: Vec::with_capacity(a.roles.len() + 8),
            lead: 0,
            lines: Vec::new(),
        };
        let leaders = m.leaders(a);
        let team = m.team(&a.roles, leaders.over_lead);
        (m, leaders, team)
    }

    /// The positions above the team: the CEO, the executive over partnerships, the
    /// go-to-market leaders of departments with people, and whoever the lead reports
    /// to.
    fn leaders(&mut self, a: &Assessment<'r>) -> Leaders {
        let teams = a.teams;
        let root = self.add(Position::leader(
            "CEO",
            LEADERSHIP,
            PositionKind::Executive,
            None,
        ));
        let reports_to = a.reports_to.as_str();
        let lead_reports_to_ceo = ceo_over_lead(a.placement, teams);

        // Where one leader runs sales and marketing, the executive the lead reports
        // to below the CEO is that leader, in every placement: the owner of revenue
        // who runs sales and marketing is one person, not two (D6, C1).
        let shared_leader = teams.shared_leader && teams.sales + teams.marketing > 0;
        // The executive over partnerships, when it is not the CEO and is not a head of
        // sales or marketing (a cross-functional leader, the owner of revenue, or the
        // shared leader).
        // Under sales or marketing, a COO or CRO who owns revenue still stands between
        // the CEO and the heads of sales and marketing (D6).
        let owner = match teams.revenue_owner {
            RevenueOwner::Coo => Some("COO (owner of the revenue engine)"),
            RevenueOwner::Cro => Some("CRO (owner of the revenue engine)"),
            RevenueOwner::None | RevenueOwner::Ceo => None,
        };
        let between = match a.placement {
            _ if lead_reports_to_ceo => None,
            Placement::Standalone | Placement::CrossFunctional => Some(reports_to),
            Placement::Sales | Placement::Marketing if shared_leader => Some(reports_to),
            Placement::Sales | Placement::Marketing => owner,
        }
        .map(|title| {
            self.add(Position::leader(
                title,
                LEADERSHIP,
                PositionKind::Executive,
                Some(root),
            ))
        });
        // The go-to-market leaders, for departments with people. A cross-functional
        // leader runs both; so does a shared leader in any placement.
        let gtm = between.unwrap_or(root);
        let shared =
            if a.placement == Placement::CrossFunctional || (shared_leader && between.is_some()) {
                between
            } else if shared_leader {
                Some(self.add(Position::leader(
                    SHARED_GTM_LEADER,
                    LEADERSHIP,
                    PositionKind::Executive,
                    Some(gtm),
                )))
            } else {
                None
            };
        let heads = Heads {
            placement: a.placement,
            reports_to: (!lead_reports_to_ceo).then_some(reports_to),
            gtm,
            shared,
            ceo_runs_sales: ceo_runs_sales(teams),
        };
        let sales = heads.add(self, Placement::Sales, teams.sales);
        let marketing = heads.add(self, Placement::Marketing, teams.marketing);

        let over_lead = if lead_reports_to_ceo {
            root
        } else {
            self.executive(reports_to, root)
        };
        Leaders {
            root,
            between,
            sales,
            marketing,
            over_lead,
        }
    }

    /// The position titled `title` (letter case aside), else a new executive of that
    /// title under `root`.
    fn executive(&mut self, title: &'r str, root: usize) -> usize {
        let found = self
            .positions
            .iter()
            .position(|p| p.title.eq_ignore_ascii_case(title));
        found.unwrap_or_else(|| {
            self.add(Position::leader(
                title,
                LEADERSHIP,
                PositionKind::Executive,
                Some(root),
            ))
        })
    }

    /// The team, in hiring order, under `manager`, each role under its manager
    /// ([`reporting::managers`]). Returns the position of the first role.
    fn team(&mut self, roles: &[Role<'r>], manager: usize) -> usize {
        let first = self.positions.len();
        for (i, role) in roles.iter().enumerate() {
            self.add(Position {
                title: Cow::Borrowed(role.title.as_str()),
                department: Cow::Borrowed(PARTNERSHIPS),
                kind: PositionKind::Role,
                status: role.status,
                manager: None,
                headcount: None,
                role: Some(i),
                owns: Vec::new(),
                cadence: None,
            });
        }
        self.lead = if roles.is_empty() {
            // A custom rulebook may add no roles; someone still has to own the program.
            self.add(Position {
                status: RoleStatus::Next,
                ..Position::leader(NO_ROLES_LEAD, PARTNERSHIPS, PositionKind::Role, None)
            })
        } else {
            first
        };
        self.positions[self.lead].manager = Some(manager);
        for (i, boss) in reporting::managers(roles).into_iter().enumerate() {
            if let Some(boss) = boss {
                self.positions[first + i].manager = Some(first + boss);
            }
        }
        first
    }

    /// One dotted line per counterpart of the cadence ([`OrgModel::meets`]) the lead
    /// does not report to; an item shared with the other teams gets no line.
    fn align(&mut self, leaders: &Leaders, cadence: &[CadenceItem<'r>], employees: u32) {
        let forum = (cadence.iter()).any(|c| c.teams_met().any(|t| Team::of(t) == Team::Revenue));
        for (k, c) in cadence.iter().enumerate() {
            let to = match OrgModel::meets(leaders, Team::of(c.with), employees, forum) {
                None => continue,
                Some(Met::Position(p)) => p,
                Some(Met::Head) => self.department(c.with, k, leaders.root),
            };
            if to == leaders.over_lead || to == self.lead {
                continue;
            }
            match self.lines.iter_mut().find(|l| l.to == to) {
                Some(line) => line.items.push(k),
                None => self.lines.push(Alignment { to, items: vec![k] }),
            }
        }
    }

    /// Whom the meetings with a team of kind `team` are held with: the head of sales
    /// or marketing (or the team itself when the lead reports to the leader who runs
    /// it, a shared leader: the meetings are still held, with the team); for revenue
    /// leadership, the executive over partnerships, else the CEO; for strategic
    /// planning, the same when the cadence has a revenue leadership meeting (`forum`),
    /// else the lead's own manager; for another department, its head from
    /// [`HEADS_FROM`] employees and the CEO below. `None` for a recap shared with
    /// every team.
    fn meets(leaders: &Leaders, team: Team, employees: u32, forum: bool) -> Option<Met> {
        let department = |d: Option<(usize, usize)>| {
            d.map(|(head, team)| {
                if head == leaders.over_lead {
                    team
                } else {
                    head
                }
            })
        };
        let to = match team {
            Team::Sales => department(leaders.sales),
            Team::Marketing => department(leaders.marketing),
            // The executive over partnerships runs the revenue engine and plans its
            // coverage and targets when there is one (the owner of revenue, a
            // cross-functional leader); else the CEO.
            Team::Revenue => Some(leaders.between.unwrap_or(leaders.root)),
            // Partner capacity and performance feed the plan (X1) where the leader
            // plans with the rest of revenue leadership (E3); else through the
            // reporting line: a team inside sales or marketing brings them to its head,
            // who carries them into the company's plan, rather than skipping that head
            // for the CEO.
            Team::Planning if forum => Some(leaders.between.unwrap_or(leaders.root)),
            Team::Planning => Some(leaders.over_lead),
            Team::Leadership => Some(leaders.root),
            Team::Everyone => return None,
            Team::Department if employees < HEADS_FROM => Some(leaders.root),
            Team::Department => None,
        };
        Some(to.map_or(Met::Head, Met::Position))
    }

    /// Names whom each cadence item of `a` is held with (`counterpart`, and whether
    /// that is the lead's own manager), from the same positions the chart draws
    /// (`OrgModel::meets`), so that the Cadence section and the dotted lines cannot
    /// disagree; then folds the items held with the same person into one
    /// (`cadence::fold`), as the chart draws one line per counterpart. `meetings`
    /// are the items' own (settled with them, and folded with them). Only the
    /// positions above the team are placed: the engine calls this for every profile
    /// of a batch.
    pub fn name_counterparts(a: &mut Assessment<'r>, meetings: &mut Vec<Meeting>) {
        debug_assert_eq!(a.cadence.len(), meetings.len(), "one meeting per item");
        if a.cadence.is_empty() {
            return;
        }
        let mut m = OrgModel {
            positions: Vec::with_capacity(8),
            lead: usize::MAX,
            lines: Vec::new(),
        };
        let leaders = m.leaders(a);
        let forum = meetings.iter().any(|m| m.kind() == Team::Revenue);
        for (c, meeting) in a.cadence.iter_mut().zip(meetings.iter()) {
            let met = OrgModel::meets(&leaders, meeting.kind(), a.teams.employees, forum);
            c.own_manager = met == Some(Met::Position(leaders.over_lead));
            // Sales and marketing are met with their head, or their team; any other
            // team met at a position above it is met with one who stands in for it.
            let heads = matches!(meeting.kind(), Team::Sales | Team::Marketing);
            c.counterpart = met.map(|met| match met {
                Met::Position(p) if heads => Counterpart::Head(m.positions[p].title.clone()),
                Met::Position(p) => Counterpart::StandIn(m.positions[p].title.clone()),
                Met::Head => Counterpart::HeadOf(c.with),
            });
        }
        cadence::fold(&mut a.cadence, meetings);
    }

    /// The head of department `with`, added under `root` for cadence item `k` if the
    /// model has none.
    fn department(&mut self, with: &'r Text, k: usize, root: usize) -> usize {
        let found = self.positions.iter().position(|p| {
            p.kind == PositionKind::Department && p.department.eq_ignore_ascii_case(with)
        });
        found.unwrap_or_else(|| {
            let mut p = Position::leader("", "", PositionKind::Department, Some(root));
            p.title = Cow::Owned(format!("Head of {with}"));
            p.department = Cow::Borrowed(with.as_str());
            p.cadence = Some(k);
            self.add(p)
        })
    }

    fn add(&mut self, p: Position<'r>) -> usize {
        self.positions.push(p);
        self.positions.len() - 1
    }

    /// The positions reporting to `p`, in order.
    pub fn reports(&self, p: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.positions.len()).filter(move |&i| self.positions[i].manager == Some(p))
    }
}

impl<'r> Position<'r> {
    fn leader(
        title: &'r str,
        department: &'r str,
        kind: PositionKind,
        manager: Option<usize>,
    ) -> Position<'r> {
        Position {
            title: Cow::Borrowed(title),
            department: Cow::Borrowed(department),
            kind,
            status: RoleStatus::Current,
            manager,
            headcount: None,
            role: None,
            owns: Vec::new(),
            cadence: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OrgModel;
    use crate::rules::{DEFAULT_RULEBOOK, Rulebook};

    /// The titles of the positions above the team, and whether the lead reports to
    /// the CEO, for consultant fixture `fixture` under the default rulebook with
    /// `from` replaced by `to`.
    fn above_the_team(fixture: &str, from: &str, to: &str) -> (Vec<String>, bool) {
        assert!(DEFAULT_RULEBOOK.contains(from), "{from}");
        let rules = Rulebook::parse("custom.yaml", &DEFAULT_RULEBOOK.replace(from, to)).unwrap();
        let m = OrgModel::people(&rules.assess_fixture(fixture));
        let titles = (m.positions[..m.lead].iter())
            .map(|p| p.title.to_string())
            .collect();
        (titles, m.lead_reports_to_ceo())
    }

    /// Who the lead reports to comes from the placement and the company, not from the
    /// words of `reports_to`: a custom rulebook's "Founder (who sells today)" is the
    /// CEO of a company with no sales team, not a second executive drawn under the
    /// CEO; its "Chief executive" over a department of its own likewise; a COO who
    /// owns revenue keeps a position of its own whatever it is called.
    #[test]
    fn the_lead_reports_to_the_ceo_by_the_company_not_by_the_title() {
        let cases = [
            (
                "founder-led-referral",
                "reports_to: CEO (who sells today)",
                "reports_to: Founder (who sells today)",
                true,
            ),
            (
                "revenue-owner-ceo",
                "reports_to: CEO (owner of the revenue engine)",
                "reports_to: Chief executive (owner of the revenue engine)",
                true,
            ),
            (
                "revenue-owner-coo",
                "reports_to: COO (owner of the revenue engine)",
                "reports_to: Ceo-level operations chief (owner of the revenue engine)",
                false,
            ),
        ];
        for (fixture, from, to, ceo) in cases {
            let (titles, over) = above_the_team(fixture, from, to);
            assert_eq!(over, ceo, "{fixture}: {titles:?}");
            let title = to.trim_start_matches("reports_to: ");
            assert_eq!(
                titles.iter().any(|t| t == title),
                !ceo,
                "{fixture}: {titles:?}"
            );
        }
    }
}
