//! The org model: one set of positions behind the roles table, the PartnerOps owners,
//! the cadence and every chart, so that they cannot disagree.
//!
//! [`OrgModel::design`] is called by the engine once the rules have fired. It places
//! - the CEO at the root; the executive the lead reports to (`reports_to`) under the
//!   CEO unless it is the CEO; a shared sales-and-marketing leader, or the heads of
//!   sales and marketing, only for departments that have people;
//! - the partnerships lead (the first role in hiring order) under that executive, and
//!   every other role under the first of its `reports_to` titles that is hired no
//!   later than it is, else under the lead;
//! - each PartnerOps function with the position that owns it, if that position is in
//!   place; otherwise with the lead, "until the X is hired";
//! - one alignment line per counterpart (a leader the lead does not report to), with
//!   the cadence items of that counterpart merged; items with a department of size 0
//!   are dropped.

use super::{LEADERSHIP, MARKETING, PARTNERSHIPS, SALES};
use crate::assessment::{
    Alignment, CadenceItem, OrgModel, PartnerOpsFunction, Placement, Position, PositionKind, Role,
    RoleStatus,
};
use crate::profile::Profile;
use crate::text::Text;
use std::borrow::Cow;

/// What the model is designed from: the answers and what the rules added.
pub struct Inputs<'a, 'r> {
    /// The profile.
    pub profile: &'a Profile,
    /// The chosen placement.
    pub placement: Placement,
    /// The executive title the lead reports to.
    pub reports_to: &'r Text,
    /// The team in hiring order, with statuses.
    pub roles: &'a [Role<'r>],
}

/// The title of one leader who runs sales and marketing.
pub const SHARED_GTM_LEADER: &str = "Head of Sales and Marketing";

/// How owner lines name the partnerships lead, whatever its title.
const LEAD: &str = "partnerships lead";

/// The most direct reports a manager should have.
pub const MAX_REPORTS: usize = 8;

/// How often, from most to least frequent; unknown wording sorts last.
fn frequency_rank(frequency: &str) -> usize {
    const ORDER: [&str; 6] = [
        "daily",
        "weekly",
        "every two weeks",
        "monthly",
        "quarterly",
        "every half-year",
    ];
    ORDER
        .iter()
        .position(|o| frequency.eq_ignore_ascii_case(o))
        .unwrap_or(ORDER.len())
}

fn status_rank(status: RoleStatus) -> u8 {
    match status {
        RoleStatus::Current => 0,
        RoleStatus::Next => 1,
        RoleStatus::Later => 2,
    }
}

/// A role title as function owners name it: without a trailing `(...)`. Compared
/// with [`starts_with_ignoring_case`].
fn owner_key(title: &str) -> &str {
    if !title.ends_with(')') {
        return title;
    }
    title.rfind(" (").map_or(title, |i| &title[..i])
}

/// Whether `text` starts with `prefix`, letter case aside (both lowercased, without
/// allocating: the engine matches owners for every profile).
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    // Byte by byte while both are ASCII: an ASCII letter lowercases to one, so a
    // difference there is final. From the first other byte (a character boundary in
    // both), character by character.
    let (t, p) = (text.as_bytes(), prefix.as_bytes());
    for (i, &b) in p.iter().enumerate() {
        match t.get(i) {
            None => return false,
            Some(&a) if a.is_ascii() && b.is_ascii() => {
                if !a.eq_ignore_ascii_case(&b) {
                    return false;
                }
            }
            Some(_) => {
                let mut text = text[i..].chars().flat_map(char::to_lowercase);
                return prefix[i..]
                    .chars()
                    .flat_map(char::to_lowercase)
                    .all(|c| text.next() == Some(c));
            }
        }
    }
    true
}

/// `text` without a leading "the ", in any case.
fn without_the(text: &str) -> &str {
    match text.get(..4) {
        Some(the) if the.eq_ignore_ascii_case("the ") => &text[4..],
        _ => text,
    }
}

/// Whether `text` contains the lowercase ASCII word `word`, ASCII case aside.
fn mentions(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

impl<'r> OrgModel<'r> {
    /// Designs the model, and settles the PartnerOps owners and the cadence with it:
    /// owners not yet hired give way to the lead, cadence items for a department of
    /// size 0 are dropped, and items for the same team are merged.
    pub fn design(
        inputs: Inputs<'_, 'r>,
        partnerops: &mut [PartnerOpsFunction<'r>],
        cadence: &mut Vec<CadenceItem<'r>>,
    ) -> OrgModel<'r> {
        let company = &inputs.profile.company;
        let mut m = OrgModel {
            positions: Vec::with_capacity(inputs.roles.len() + 8),
            lead: 0,
            lines: Vec::new(),
        };
        let root = m.add(Position::leader(
            "CEO",
            LEADERSHIP,
            PositionKind::Executive,
            None,
        ));
        let reports_to = inputs.reports_to.as_str();
        let lead_reports_to_ceo = reports_to
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("ceo"));

        // The executive over partnerships, when it is neither the CEO nor a head of
        // sales or marketing (a cross-functional leader, or the owner of revenue).
        let between = match inputs.placement {
            Placement::Standalone | Placement::CrossFunctional if !lead_reports_to_ceo => {
                Some(m.add(Position::leader(
                    reports_to,
                    LEADERSHIP,
                    PositionKind::Executive,
                    Some(root),
                )))
            }
            _ => None,
        };
        // The go-to-market leaders, for departments with people. A cross-functional
        // leader runs both; so does a shared leader in any placement.
        let gtm_parent = between.unwrap_or(root);
        let shared = if inputs.placement == Placement::CrossFunctional {
            between
        } else if company.shared_gtm_leader && company.sales_team + company.marketing_team > 0 {
            Some(m.add(Position::leader(
                SHARED_GTM_LEADER,
                LEADERSHIP,
                PositionKind::Executive,
                Some(gtm_parent),
            )))
        } else {
            None
        };
        let head =
            |m: &mut OrgModel<'r>, placement: Placement, size: u32, department: &'static str| {
                if size == 0 {
                    return None;
                }
                let (title, manager) = match shared {
                    // The shared leader heads the team; the team itself is drawn below.
                    Some(leader) => (
                        if department == SALES {
                            "Sales team"
                        } else {
                            "Marketing team"
                        },
                        leader,
                    ),
                    None if inputs.placement == placement => (reports_to, gtm_parent),
                    None if department == SALES => ("Head of Sales", gtm_parent),
                    None => ("Head of Marketing", gtm_parent),
                };
                let mut p =
                    Position::leader(title, department, PositionKind::Department, Some(manager));
                p.headcount = Some(size);
                let p = m.add(p);
                Some(shared.unwrap_or(p))
            };
        let sales = head(&mut m, Placement::Sales, company.sales_team, SALES);
        let marketing = head(
            &mut m,
            Placement::Marketing,
            company.marketing_team,
            MARKETING,
        );

        // Who the lead reports to: a position of that title, else a new executive.
        let manager = if lead_reports_to_ceo {
            root
        } else if let Some(i) = m
            .positions
            .iter()
            .position(|p| p.title.eq_ignore_ascii_case(reports_to))
        {
            i
        } else {
            m.add(Position::leader(
                reports_to,
                LEADERSHIP,
                PositionKind::Executive,
                Some(root),
            ))
        };

        // The team: the first role leads it.
        let first = m.positions.len();
        for (i, role) in inputs.roles.iter().enumerate() {
            m.add(Position {
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
        m.lead = if inputs.roles.is_empty() {
            // A custom rulebook may add no roles; someone still has to own the program.
            m.add(Position {
                status: RoleStatus::Next,
                ..Position::leader("Partnerships lead", PARTNERSHIPS, PositionKind::Role, None)
            })
        } else {
            first
        };
        m.positions[m.lead].manager = Some(manager);
        let team = first..first + inputs.roles.len();
        // The first of a role's `reports_to` titles in the team that the role may
        // report to without a cycle (and, when `strict`, hired no later than it).
        let preferred = |m: &OrgModel<'r>, i: usize, strict: bool| {
            let role = &inputs.roles[i - first];
            role.reports_to.iter().find_map(|title| {
                let c = team
                    .clone()
                    .find(|&c| c != i && m.positions[c].title.eq_ignore_ascii_case(title))?;
                let in_time = status_rank(m.positions[c].status) <= status_rank(role.status);
                ((in_time || !strict) && !m.reaches(c, i)).then_some(c)
            })
        };
        for i in team.clone().filter(|&i| i != m.lead) {
            m.positions[i].manager = Some(preferred(&m, i, true).unwrap_or(m.lead));
        }
        // At most eight direct reports for the lead: past that, the latest hires go
        // to their preferred manager even if that manager is hired after them.
        for i in team.clone().rev() {
            if m.reports(m.lead).count() <= MAX_REPORTS {
                break;
            }
            if m.positions[i].manager == Some(m.lead)
                && let Some(c) = preferred(&m, i, false)
            {
                m.positions[i].manager = Some(c);
            }
        }

        // PartnerOps owners: a position in place, else the lead until it is hired.
        let team = first..m.positions.len();
        // Each team position with the length of its key.
        let keys: Vec<(usize, usize)> = team
            .clone()
            .map(|p| (p, owner_key(&m.positions[p].title).len()))
            .collect();
        for (k, f) in partnerops.iter_mut().enumerate() {
            let owner = without_the(&f.owner);
            let named = if starts_with_ignoring_case(owner, LEAD) {
                // Named by what it is: the line names the lead by title, as the
                // other owner lines do.
                if let Some(rest) = owner.get(LEAD.len()..) {
                    let text = [m.positions[m.lead].title.as_ref(), rest].concat();
                    f.owner = Cow::Owned(Text::from(text));
                }
                Some(m.lead)
            } else {
                keys.iter()
                    .filter(|&&(p, len)| {
                        starts_with_ignoring_case(owner, &m.positions[p].title[..len])
                    })
                    .max_by_key(|&&(_, len)| len)
                    .map(|&(p, _)| p)
            };
            let holder = match named {
                Some(p) if p == m.lead || m.positions[p].status == RoleStatus::Current => p,
                // The owner is planned, or not in the team at this stage: the lead
                // holds the function until then, and the owner line says so. An
                // owner this stage does not plan at all is not promised as a hire.
                _ => {
                    let lead = &m.positions[m.lead].title;
                    let (owner, rest) = match f.owner.find(", ") {
                        Some(i) => f.owner.split_at(i),
                        None => (f.owner.as_str(), ""),
                    };
                    let text = match named {
                        Some(p) => {
                            let planned = &m.positions[p].title;
                            [lead, ", until the ", planned, " is hired", rest].concat()
                        }
                        None => [lead, rest, "; later: ", without_the(owner)].concat(),
                    };
                    f.owner = Cow::Owned(Text::from(text));
                    m.lead
                }
            };
            m.positions[holder].owns.push(k);
        }

        // Cadence: drop departments of size 0, merge items for the same team.
        let exists = |with: &str| {
            !(with.eq_ignore_ascii_case("sales") && company.sales_team == 0
                || with.eq_ignore_ascii_case("marketing") && company.marketing_team == 0)
        };
        cadence.retain(|c| exists(c.with));
        let mut k = 0;
        while k < cadence.len() {
            if let Some(j) = (0..k).find(|&j| cadence[j].with.eq_ignore_ascii_case(cadence[k].with))
            {
                let later = cadence.remove(k);
                let first = &mut cadence[j];
                // Topics are listed once: "a; b".
                let listed = |topic| first.topics.split("; ").any(|t| t == topic);
                if !later.topics.split("; ").all(listed) {
                    let topics = [first.topics.as_str(), "; ", later.topics.as_str()].concat();
                    first.topics = Cow::Owned(Text::from(topics));
                }
                if frequency_rank(&later.frequency) < frequency_rank(&first.frequency) {
                    first.frequency = later.frequency;
                }
            } else {
                k += 1;
            }
        }

        // One dotted line per counterpart the lead does not report to.
        let lead_manager = m.positions[m.lead].manager;
        for (k, c) in cadence.iter().enumerate() {
            let with = c.with.as_str();
            let to = if with.eq_ignore_ascii_case("sales") {
                sales
            } else if with.eq_ignore_ascii_case("marketing") {
                marketing
            } else if mentions(with, "revenue") && mentions(with, "leadership") {
                // The executive over partnerships runs the revenue engine when there is
                // one (the owner of revenue, a cross-functional leader); else the CEO.
                Some(between.unwrap_or(root))
            } else if mentions(with, "leadership") || mentions(with, "planning") {
                Some(root)
            } else {
                None
            };
            let to = to.unwrap_or_else(|| {
                match m.positions.iter().position(|p| {
                    p.kind == PositionKind::Department && p.department.eq_ignore_ascii_case(c.with)
                }) {
                    Some(p) => p,
                    None => {
                        let mut p = Position::leader("", "", PositionKind::Department, Some(root));
                        p.title = Cow::Owned(format!("Head of {}", c.with));
                        let with: &'r Text = c.with;
                        p.department = Cow::Borrowed(with.as_str());
                        p.cadence = Some(k);
                        m.add(p)
                    }
                }
            });
            if Some(to) == lead_manager || to == m.lead {
                continue;
            }
            match m.lines.iter_mut().find(|l| l.to == to) {
                Some(line) => line.items.push(k),
                None => m.lines.push(Alignment { to, items: vec![k] }),
            }
        }
        m
    }

    fn add(&mut self, p: Position<'r>) -> usize {
        self.positions.push(p);
        self.positions.len() - 1
    }

    /// Whether `from`'s chain of managers reaches `to`.
    fn reaches(&self, from: usize, to: usize) -> bool {
        let mut at = Some(from);
        let mut steps = 0;
        while let Some(p) = at {
            if p == to {
                return true;
            }
            steps += 1;
            if steps > self.positions.len() {
                return true;
            }
            at = self.positions[p].manager;
        }
        false
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
