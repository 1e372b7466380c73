//! The people a team already has, carried into another evaluation: the roadmap's next
//! stage, or the other side of a `diff`. A person hired is not let go because the
//! placement moved or the team grew (T4: roles are added as the need appears); they
//! keep their seat, under the title the new evaluation gives it.

use super::Rulebook;
use super::condition::Condition;
use super::effects::RoleSpec;
use crate::assessment::{Assessment, Origin, Role, RoleStatus};
use crate::profile::ProgramType;
use crate::text::Text;
use serde::Serialize;

/// The role a rulebook item describes.
pub(crate) fn spec(rulebook: &Rulebook, origin: Origin) -> Option<&RoleSpec> {
    let rule = rulebook.rules().get(origin.rule as usize)?;
    rule.then.roles.get(origin.item as usize)
}

/// Where each of `people` (the roles they hold, by rulebook item) sits among `roles`:
/// the index of the role with the same title; else of one in the same seat of the
/// hiring order (the rulebook's `order`: the partnerships lead who becomes the head of
/// partnerships); else of one that another role reports to in its stead (its
/// `reports_to` lists it before the person's title, the first so listed: the segment
/// lead who leads the channel managers the growth team lead led); else of one that
/// serves the same guidance first, a motion's or a function's rather than the team's
/// growth sequence (T1-T4 name distinct hires in turn): the technology alliance liaison
/// who becomes the technology partnerships manager (R3); else `None`, and the person
/// keeps the title they had. A partner manager of one kind of partner
/// (a `more_of` role: the channel, affiliate or alliance manager) is seated only under
/// their own title: the alliance manager hired for technology partners is not the
/// channel manager the referrals that start need (T2 gives each kind its own first
/// hire), so they keep their job and the channel manager is a new hire. Each role
/// seats one person; titles are matched first, over all the people, so that a retitle
/// never takes a seat that a person of the same title keeps.
pub fn seats(rulebook: &Rulebook, people: &[Origin], roles: &[Role]) -> Vec<Option<usize>> {
    seats_among(
        rulebook,
        people,
        roles,
        &mut vec![false; roles.len()],
        false,
    )
}

/// Where each role `planned` for later sits among `roles`, once the `people` have
/// their [`seats`], in the same way: `None` where no role of `roles` that nobody
/// holds has its title, its place in the hiring order, a stand-in's line or its
/// guidance, so that the plan still stands. A plan is a seat, not a person: a partner
/// manager planned for partners that no longer run, or not yet (affiliates waiting for
/// self-service buying, S3; a channel manager planned before any program ran), is the
/// first partner manager of the partners that do; one planned for partners that still
/// run (some role of `roles` comes from a rule that asks for them) stays planned.
pub fn planned_seats(
    rulebook: &Rulebook,
    people: &[Origin],
    planned: &[Origin],
    roles: &[Role],
) -> Vec<Option<usize>> {
    let mut taken = vec![false; roles.len()];
    seats_among(rulebook, people, roles, &mut taken, false);
    seats_among(rulebook, planned, roles, &mut taken, true)
}

/// [`seats`] among the roles not `taken`, which it marks taken; of plans, not people,
/// when `planned` (see [`planned_seats`]).
fn seats_among(
    rulebook: &Rulebook,
    people: &[Origin],
    roles: &[Role],
    taken: &mut [bool],
    planned: bool,
) -> Vec<Option<usize>> {
    let passes = Passes::new(rulebook, people, roles, planned);
    let mut seat: Vec<Option<usize>> = vec![None; people.len()];
    for pass in 0..PASSES {
        for (p, seat) in seat.iter_mut().enumerate() {
            if seat.is_some() {
                continue;
            }
            let best = (0..roles.len())
                .filter(|&i| !taken[i])
                .filter_map(|i| Some((passes.rank(pass, p, &roles[i])?, i)))
                .min();
            if let Some((_, i)) = best {
                taken[i] = true;
                *seat = Some(i);
            }
        }
    }
    seat
}

/// The passes of [`seats`], best first.
const PASSES: usize = 4;

/// What the passes of [`seats`] rank a role by, for each person.
struct Passes<'a> {
    rulebook: &'a Rulebook,
    people: &'a [Origin],
    specs: Vec<Option<&'a RoleSpec>>,
    roles: &'a [Role<'a>],
    /// Each partner manager's seat is open to another kind's manager: a plan for
    /// partners that no role of `roles` is given for (see [`planned_seats`]).
    open: Vec<bool>,
}

impl<'a> Passes<'a> {
    fn new(
        rulebook: &'a Rulebook,
        people: &'a [Origin],
        roles: &'a [Role<'a>],
        planned: bool,
    ) -> Self {
        let specs: Vec<Option<&RoleSpec>> = people.iter().map(|&o| spec(rulebook, o)).collect();
        let open = if planned && specs.iter().flatten().any(|s| s.more_of) {
            let running: Vec<ProgramType> = (roles.iter().filter_map(|r| r.origin))
                .flat_map(|o| kinds(rulebook, o))
                .collect();
            (people.iter())
                .map(|&o| kinds(rulebook, o).iter().all(|k| !running.contains(k)))
                .collect()
        } else {
            vec![false; people.len()]
        };
        Passes {
            rulebook,
            people,
            specs,
            roles,
            open,
        }
    }

    /// How well role `r` fits person `p` in pass `pass` (lower is better; `None`: not
    /// that person's).
    fn rank(&self, pass: usize, p: usize, r: &Role) -> Option<usize> {
        let s = self.specs[p]?;
        let when = |same: bool| same.then_some(0);
        match pass {
            0 => when(s.title == *r.title),
            // A partner manager's title is their job (see `seats`), and a plan for
            // one stands while their partners run (see `planned_seats`).
            _ if s.more_of && !self.open[p] => None,
            // A partner manager planned for partners that do not run is the first
            // partner manager of those that do (see `planned_seats`), whatever its
            // place in the hiring order (the affiliate manager comes before the others).
            1 if s.more_of => when(r.more_of),
            1 => {
                let order = r
                    .origin
                    .and_then(|o| spec(self.rulebook, o))
                    .map(|x| x.order);
                when(Some(s.order) == order)
            }
            // A role that another role reports to in the person's stead: the channel
            // manager reports to a segment lead "instead of" the growth team lead
            // listed after it; the first such in that list that the team has is the
            // best.
            2 => self
                .roles
                .iter()
                .filter_map(|x| {
                    let above = x.reports_to.iter().position(|t| *t == s.title)?;
                    let had = |t: &&Text| self.roles.iter().any(|y| y.title == *t);
                    x.reports_to[..above]
                        .iter()
                        .filter(had)
                        .position(|t| t == r.title)
                })
                .min(),
            _ => {
                let first_cite = |o: Option<Origin>| {
                    let rule = self.rulebook.rules().get(o?.rule as usize)?;
                    rule.cites.first()
                };
                // The team's growth guidance (T1-T4) names distinct hires in turn:
                // sharing it says nothing of the job.
                let cite = first_cite(Some(self.people[p])).filter(|c| !c.starts_with('T'));
                when(cite.is_some_and(|c| Some(c) == first_cite(r.origin)))
            }
        }
    }
}

/// The kinds of program the rule of `origin` asks to run (`has_type` not under a
/// `not`): the partners the roles it gives work with.
fn kinds(rulebook: &Rulebook, origin: Origin) -> Vec<ProgramType> {
    fn walk(c: &Condition, negated: bool, out: &mut Vec<ProgramType>) {
        match c {
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| walk(c, negated, out));
            }
            Condition::Not(c) => walk(c, !negated, out),
            Condition::Is(named) => {
                if let Some(c) = named.condition() {
                    walk(c, negated, out);
                }
            }
            Condition::HasType(t) if !negated => out.push(*t),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let rule = rulebook.rules().get(origin.rule as usize);
    if let Some(when) = rule.and_then(|r| r.when.as_ref()) {
        walk(when, false, &mut out);
    }
    out
}

/// The rulebook items of the roles with a status in `statuses`, in hiring order.
pub fn held(roles: &[Role], statuses: &[RoleStatus]) -> Vec<Origin> {
    roles
        .iter()
        .filter(|r| statuses.contains(&r.status))
        .filter_map(|r| r.origin)
        .collect()
}

/// A person in place under a new title, and why (titles follow the placement and the
/// size of the company and team, never who owns revenue on its own).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Retitled {
    /// The title before.
    pub before: String,
    /// The title after.
    pub after: String,
    /// Why, in words: the placement's move, if any, and the summary of the rule that
    /// gives the new title.
    pub why: String,
    /// That rule's id.
    pub rule: String,
    /// Its guidance ids.
    pub cites: Vec<String>,
}

/// Each of `held`, the people (or the plans for later) of `before` by rulebook item,
/// whose seat among the roles of `after`, evaluated with them, has another title, and
/// why: the person in place under the title of the role that [`Role::seats`] them
/// (the evaluation's own seating, so that the words and the chart agree), or the plan
/// carried under another title (the growth team lead planned at mid stage whose
/// partner managers a segment lead leads at scale): a plan that changes is said,
/// never silently gone.
pub fn retitled(
    rulebook: &Rulebook,
    held: &[Origin],
    before: &Assessment,
    after: &Assessment,
) -> Vec<Retitled> {
    let mut out = Vec::new();
    for &person in held {
        let seat = after.roles.iter().find(|r| r.seats == Some(person));
        let (Some(old), Some(new)) = (spec(rulebook, person), seat) else {
            continue;
        };
        if old.title == *new.title {
            continue;
        }
        let Some(rule) = rulebook.rule(new.rule) else {
            continue;
        };
        let summary = rule.summary_in_sentence();
        let why = if before.placement == after.placement {
            summary
        } else {
            format!(
                "the placement moves from {} to {}, and {summary}",
                before.placement, after.placement
            )
        };
        out.push(Retitled {
            before: old.title.to_string(),
            after: new.title.to_string(),
            why,
            rule: new.rule.to_string(),
            cites: new.cites.iter().map(|c| c.to_string()).collect(),
        });
    }
    out
}
