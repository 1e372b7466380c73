//! The cadence settled for the departments that exist.

use super::words::{mentions, split_each};
use crate::assessment::{CadenceItem, Counterpart, Folded, GtmTeams};
use crate::org::OTHER_TEAMS;
use crate::text::Text;
use std::borrow::Cow;

/// What settling reads of a rule's cadence item, worked out once per rulebook: the
/// team it is with, whom that is in the org model, and how often it meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meeting {
    /// The same number for the items with the same team (letter case aside).
    team: usize,
    /// Whom the team's meetings go to ([`Team::of`]).
    kind: Team,
    /// How often ([`frequency_rank`]).
    rank: usize,
}

/// Whom the meetings with a team go to in the org model, told by the team's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Team {
    /// Sales, whose size can be 0.
    Sales,
    /// Marketing, whose size can be 0.
    Marketing,
    /// Revenue leadership: the executive over partnerships, else the CEO.
    Revenue,
    /// Strategic planning, fed with partner capacity and performance (X1): held where
    /// the partnerships leader sits in revenue leadership (E3), else in the reporting
    /// line, with the lead's own manager, who carries it into the company's plan.
    Planning,
    /// Leadership: the CEO.
    Leadership,
    /// Every other team at once ([`OTHER_TEAMS`]): a recap no one line carries.
    Everyone,
    /// Another department (product, finance, ...): its head, or the CEO in a small
    /// company.
    Department,
}

impl Team {
    /// The kind of team named `with`, letter case aside.
    pub fn of(with: &str) -> Team {
        if with.eq_ignore_ascii_case("sales") {
            Team::Sales
        } else if with.eq_ignore_ascii_case("marketing") {
            Team::Marketing
        } else if mentions(with, "revenue") && mentions(with, "leadership") {
            Team::Revenue
        } else if mentions(with, "planning") {
            Team::Planning
        } else if mentions(with, "leadership") {
            Team::Leadership
        } else if with.eq_ignore_ascii_case(OTHER_TEAMS) {
            Team::Everyone
        } else {
            Team::Department
        }
    }
}

impl Meeting {
    /// The meeting of an item with `with` at `frequency`; `teams` are the teams
    /// numbered so far (lower case), to which a new one is added.
    pub fn of(with: &str, frequency: &str, teams: &mut Vec<String>) -> Meeting {
        let name = with.to_ascii_lowercase();
        let team = match teams.iter().position(|t| *t == name) {
            Some(i) => i,
            None => {
                teams.push(name);
                teams.len() - 1
            }
        };
        Meeting {
            team,
            kind: Team::of(with),
            rank: frequency_rank(frequency),
        }
    }

    /// Whom the meetings go to.
    pub fn kind(&self) -> Team {
        self.kind
    }

    /// Whether the team it is with exists.
    fn exists(&self, teams: GtmTeams) -> bool {
        match self.kind {
            Team::Sales => teams.sales > 0,
            Team::Marketing => teams.marketing > 0,
            _ => true,
        }
    }
}

/// Settles the cadence for the departments that exist: drops the meetings with a
/// department of size 0 and merges the items for the same team into the first.
/// `meetings` are the items' own, one each, and are settled with them (a merged
/// item's is at the most frequent frequency merged into it).
pub(super) fn settle(
    teams: GtmTeams,
    cadence: &mut Vec<CadenceItem<'_>>,
    meetings: &mut Vec<Meeting>,
) {
    compact(
        cadence,
        meetings,
        |_, meetings, kept, k| {
            let meeting = meetings[k];
            if !meeting.exists(teams) {
                return Place::Drop;
            }
            match meetings[..kept].iter().position(|m| m.team == meeting.team) {
                Some(j) => Place::Into(j),
                None => Place::Keep,
            }
        },
        |first, first_meeting, later, later_meeting| {
            merge(first, first_meeting, later, later_meeting);
        },
    );
}

/// What becomes of an item when the cadence is compacted.
enum Place {
    Drop,
    Keep,
    /// Merged into the kept item of this index.
    Into(usize),
}

/// Compacts `cadence` and its `meetings` (one each) in order: `place` says of item
/// `k`, given the first `kept` items kept so far, whether it is dropped, kept, or
/// merged into one of those, which `into` does (the kept item and its meeting first).
/// The items kept are moved to the front, in order, and the rest cut off.
fn compact<'r>(
    cadence: &mut Vec<CadenceItem<'r>>,
    meetings: &mut Vec<Meeting>,
    mut place: impl FnMut(&[CadenceItem<'r>], &[Meeting], usize, usize) -> Place,
    mut into: impl FnMut(&mut CadenceItem<'r>, &mut Meeting, &mut CadenceItem<'r>, &mut Meeting),
) {
    debug_assert_eq!(cadence.len(), meetings.len(), "one meeting per item");
    let mut kept = 0;
    for k in 0..cadence.len() {
        match place(cadence, meetings, kept, k) {
            Place::Drop => {}
            Place::Into(j) => {
                let (head, tail) = cadence.split_at_mut(k);
                let (head_meetings, tail_meetings) = meetings.split_at_mut(k);
                into(
                    &mut head[j],
                    &mut head_meetings[j],
                    &mut tail[0],
                    &mut tail_meetings[0],
                );
            }
            Place::Keep => {
                // In place until an item is merged or dropped (a swap with itself
                // still copies the item thrice).
                if kept != k {
                    cadence.swap(kept, k);
                    meetings.swap(kept, k);
                }
                kept += 1;
            }
        }
    }
    cadence.truncate(kept);
    meetings.truncate(kept);
}

/// Folds the items held with the same person into one, after their counterparts are
/// named: one meeting per person met, as one dotted line per counterpart (the
/// Revenue leadership and the Strategic planning with the CRO the lead reports to; a
/// small company's Product and Finance, both with the CEO). The meeting is named by a
/// team its counterpart heads, if one is folded in (`Marketing`, which takes in the
/// planning held with the Head of Marketing), else by the first; the others are in
/// its `also_with`. `meetings` are the items' own, and are folded with them.
pub(super) fn fold(cadence: &mut Vec<CadenceItem<'_>>, meetings: &mut Vec<Meeting>) {
    compact(
        cadence,
        meetings,
        |cadence, _, kept, k| {
            let same = |c: &CadenceItem<'_>| match (&c.counterpart, &cadence[k].counterpart) {
                (Some(a), Some(b)) => same_person(a, b),
                _ => false,
            };
            match cadence[..kept].iter().position(same) {
                Some(j) => Place::Into(j),
                None => Place::Keep,
            }
        },
        |first, first_meeting, later, later_meeting| {
            // Named by the team its counterpart heads, if one is folded in.
            let stands_in =
                |c: &CadenceItem<'_>| matches!(c.counterpart, Some(Counterpart::StandIn(_)));
            if stands_in(first) && !stands_in(later) {
                std::mem::swap(first, later);
                std::mem::swap(first_meeting, later_meeting);
            }
            merge(first, first_meeting, later, later_meeting);
            let folded = Folded {
                with: later.with,
                rule: later.rule,
            };
            first.also_with.push(folded);
            first.also_with.extend_from_slice(&later.also_with);
        },
    );
}

/// Whether two counterparts are the same person, as the reports name them.
fn same_person(a: &Counterpart<'_>, b: &Counterpart<'_>) -> bool {
    match (a, b) {
        (Counterpart::HeadOf(a), Counterpart::HeadOf(b)) => a.eq_ignore_ascii_case(b),
        (
            Counterpart::Head(a) | Counterpart::StandIn(a),
            Counterpart::Head(b) | Counterpart::StandIn(b),
        ) => a == b,
        _ => false,
    }
}

/// Merges `later`, an item for the same team, into `first`: each topic listed once,
/// the most frequent frequency, the guidance of both.
fn merge<'r>(
    first: &mut CadenceItem<'r>,
    first_meeting: &mut Meeting,
    later: &CadenceItem<'r>,
    later_meeting: &Meeting,
) {
    // Topics are listed once: "a; b".
    let mut topics: Option<String> = None;
    for topic in split_each(&later.topics, "; ") {
        if !split_each(&first.topics, "; ").any(|t| t == topic) {
            let topics = topics.get_or_insert_with(|| {
                let mut all = String::with_capacity(first.topics.len() + later.topics.len() + 2);
                all.push_str(&first.topics);
                all
            });
            topics.push_str("; ");
            topics.push_str(topic);
        }
    }
    if let Some(topics) = topics {
        first.topics = Cow::Owned(Text::from(topics));
    }
    if later_meeting.rank < first_meeting.rank {
        first.frequency = later.frequency.clone();
        first_meeting.rank = later_meeting.rank;
    }
    // The guidance behind both.
    if !later.cites.iter().all(|c| first.cites.contains(c)) {
        let mut cites = Vec::with_capacity(first.cites.len() + later.cites.len());
        cites.extend_from_slice(&first.cites);
        let new = later.cites.iter().filter(|c| !first.cites.contains(c));
        cites.extend(new.cloned());
        first.cites = Cow::Owned(cites);
    }
}

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

#[cfg(test)]
mod tests {
    use super::{Meeting, fold, settle};
    use crate::assessment::{CadenceItem, Counterpart, GtmTeams};
    use crate::profile::RevenueOwner;
    use crate::text::Text;
    use std::borrow::Cow;

    fn item<'a>(
        with: &'a Text,
        topics: &'a Text,
        frequency: &'a Text,
        cites: &'a [Text],
    ) -> CadenceItem<'a> {
        CadenceItem {
            with,
            topics: Cow::Borrowed(topics),
            frequency: Cow::Borrowed(frequency),
            rule: with,
            cites: Cow::Borrowed(cites),
            counterpart: None,
            own_manager: false,
            also_with: Vec::new(),
            origin: None,
        }
    }

    #[test]
    fn meetings_with_one_team_merge_and_those_with_no_team_go() {
        let t = |s: &str| Text::from(s);
        let (sales, product, marketing) = (t("sales"), t("Product"), t("marketing"));
        let (big_sales, big_marketing, big_product) = (t("Sales"), t("MARKETING"), t("product"));
        let (ab, bc, road, d) = (t("a; b"), t("b; c"), t("roadmap"), t("d"));
        let (monthly, weekly, daily) = (t("monthly"), t("weekly"), t("Daily"));
        let (x1, x2) = ([t("X1")], [t("X1"), t("X2")]);
        // Teams are told apart letter case aside, and so are frequencies.
        let mut cadence = vec![
            item(&sales, &ab, &monthly, &x1),
            item(&product, &road, &monthly, &x1),
            item(&marketing, &road, &weekly, &x1),
            item(&big_sales, &bc, &weekly, &x2),
            item(&sales, &ab, &monthly, &x1),
            item(&big_marketing, &d, &daily, &x1),
            item(&big_product, &d, &daily, &x2),
        ];
        let teams = GtmTeams {
            sales: 3,
            marketing: 0,
            shared_leader: false,
            employees: 40,
            revenue_owner: RevenueOwner::None,
        };
        let mut numbered = Vec::new();
        let mut meetings: Vec<Meeting> = (cadence.iter())
            .map(|c| Meeting::of(c.with, &c.frequency, &mut numbered))
            .collect();
        settle(teams, &mut cadence, &mut meetings);
        let seen: Vec<(&str, &str, &str, Vec<&str>)> = cadence
            .iter()
            .map(|c| {
                let cites = c.cites.iter().map(|c| c.as_str()).collect();
                (
                    c.with.as_str(),
                    c.topics.as_str(),
                    c.frequency.as_str(),
                    cites,
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("sales", "a; b; c", "weekly", vec!["X1", "X2"]),
                ("Product", "roadmap; d", "Daily", vec!["X1", "X2"]),
            ]
        );
    }

    #[test]
    fn meetings_with_one_person_fold_into_one_named_by_the_team_that_person_heads() {
        let t = |s: &str| Text::from(s);
        let (planning, marketing, finance, product) = (
            t("Strategic planning"),
            t("Marketing"),
            t("Finance"),
            t("Product"),
        );
        let (capacity, campaigns, payouts, road) =
            (t("capacity"), t("campaigns"), t("payouts"), t("roadmap"));
        let (quarterly, monthly) = (t("quarterly"), t("monthly"));
        let (x1, x2) = ([t("X1")], [t("X2")]);
        let mut cadence = vec![
            item(&planning, &capacity, &quarterly, &x1),
            item(&finance, &payouts, &monthly, &x2),
            item(&marketing, &campaigns, &monthly, &x2),
            item(&product, &road, &monthly, &x2),
        ];
        // The lead reports to the Head of Marketing, who also hears the planning; a
        // small company's CEO stands in for finance and product.
        let head = Cow::Borrowed("Head of Marketing");
        cadence[0].counterpart = Some(Counterpart::StandIn(head.clone()));
        cadence[2].counterpart = Some(Counterpart::Head(head));
        cadence[0].own_manager = true;
        cadence[2].own_manager = true;
        for i in [1, 3] {
            cadence[i].counterpart = Some(Counterpart::StandIn(Cow::Borrowed("CEO")));
        }
        let mut numbered = Vec::new();
        let mut meetings: Vec<Meeting> = (cadence.iter())
            .map(|c| Meeting::of(c.with, &c.frequency, &mut numbered))
            .collect();
        fold(&mut cadence, &mut meetings);
        let seen: Vec<(String, &str, &str, Vec<&str>)> = cadence
            .iter()
            .map(|c| {
                let cites = c.cites.iter().map(|c| c.as_str()).collect();
                (
                    c.with_whom().into_owned(),
                    c.topics.as_str(),
                    c.frequency.as_str(),
                    cites,
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (
                    "Marketing and strategic planning, with the Head of Marketing (the lead's manager)"
                        .to_string(),
                    "campaigns; capacity",
                    "monthly",
                    vec!["X2", "X1"]
                ),
                (
                    "Finance and product, with the CEO".to_string(),
                    "payouts; roadmap",
                    "monthly",
                    vec!["X2"]
                ),
            ]
        );
        assert_eq!(meetings.len(), 2, "the meetings are folded with the items");
        // A team whose name starts with an acronym keeps its capitals.
        let emea = t("EMEA sales");
        cadence[1].also_with.push(crate::assessment::Folded {
            with: &emea,
            rule: &emea,
        });
        assert_eq!(
            cadence[1].with_whom(),
            "Finance, product and EMEA sales, with the CEO"
        );
    }
}
