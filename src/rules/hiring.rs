//! The hiring order: which of the roles the rules give are in place, hired now or
//! later, with the people the team already has in their seats. The engine
//! (`engine.rs`) calls it once the rules have fired.

use super::Rulebook;
use super::seats::{planned_seats, seats, spec};
use crate::assessment::{Origin, Role, RoleStatus, Stage};
use crate::text::Text;

impl Rulebook {
    /// The roles in hiring order (by rank, then in the order the rules gave them), the
    /// `people` the team has in place in their seats (a person whose role this
    /// evaluation does not give keeps it), the roles `planned` before that it does
    /// not give still planned, and the first of the others up to `team_size`
    /// filled. A team grows as the need arises (T4), one or two hires at a
    /// time: one next hire for a team of up to three, two for a larger one, of roles
    /// whose stage has come; a team lead waits for the reports it leads
    /// (`leads_at_least`); the rest are for later.
    pub(super) fn hiring_order<'r>(
        &'r self,
        mut roles: Vec<(u32, Role<'r>)>,
        team_size: u32,
        stage: Stage,
        people: &[Origin],
        planned: &[Origin],
    ) -> Vec<Role<'r>> {
        roles.sort_by_key(|(order, _)| *order);
        // Without people or plans (advise, every batch run), nothing more is allocated.
        if people.is_empty() && planned.is_empty() {
            return statuses(roles, Vec::new(), team_size, stage);
        }
        let listed: Vec<Role> = roles.iter().map(|(_, r)| r.clone()).collect();
        let mut held = vec![false; roles.len()];
        let mut kept = Vec::new();
        for (&person, seat) in people.iter().zip(seats(self, people, &listed)) {
            match seat {
                Some(i) => held[i] = true,
                None => kept.push((person, RoleStatus::Current)),
            }
        }
        // Roles this evaluation does not give: their holders keep them, and those
        // planned before stay planned.
        let seated = planned_seats(self, people, planned, &listed);
        kept.extend(
            (planned.iter().zip(seated))
                .filter(|(_, seat)| seat.is_none())
                .map(|(&p, _)| (p, RoleStatus::Later)),
        );
        for (origin, status) in kept {
            let Some(spec) = spec(self, origin) else {
                continue;
            };
            let rule = &self.rules()[origin.rule as usize];
            let at = roles.partition_point(|(o, _)| *o <= spec.order);
            roles.insert(at, (spec.order, rule.role(spec, status, Some(origin))));
            held.insert(at, status == RoleStatus::Current);
        }
        statuses(roles, held, team_size, stage)
    }
}

/// The status of each role in hiring order, `held` ones in place (see
/// `Rulebook::hiring_order`).
fn statuses(
    roles: Vec<(u32, Role<'_>)>,
    held: Vec<bool>,
    team_size: u32,
    stage: Stage,
) -> Vec<Role<'_>> {
    let carried = held.iter().filter(|h| **h).count();
    let mut free = (team_size as usize).saturating_sub(carried);
    let mut hires = if (team_size as usize).max(carried) > MAX_ONE_HIRE {
        2
    } else {
        1
    };
    // The people beyond the roles, who hold more of the `more_of` role.
    let beyond = (team_size as usize).saturating_sub(roles.len());
    let mut out: Vec<Role> = Vec::with_capacity(roles.len());
    // A team lead whom the whole plan gives too few reports to lead is no team lead.
    // (Nothing is allocated for a plan without team leads, as in most batch runs.)
    let dropped: Vec<bool> = if roles.iter().any(|(_, r)| r.leads_at_least > 0) {
        (roles.iter().enumerate())
            .map(|(i, (_, r))| {
                let plan = roles.iter().map(|(_, r)| r);
                r.leads_at_least > 0
                    && !held.get(i).copied().unwrap_or(false)
                    && reports(plan, r.title, beyond, false) < r.leads_at_least as usize
            })
            .collect()
    } else {
        Vec::new()
    };
    let kept = roles.len() - dropped.iter().filter(|d| **d).count();
    let beyond = (team_size as usize).saturating_sub(kept);
    // A team lead that waits for its reports is hired after them: last.
    let mut waiting = Vec::new();
    for (i, (_, mut role)) in roles.into_iter().enumerate() {
        if dropped.get(i).copied().unwrap_or(false) {
            continue;
        }
        let held = held.get(i).copied().unwrap_or(false);
        if !held
            && role.leads_at_least > 0
            && reports(out.iter(), role.title, beyond, true) < role.leads_at_least as usize
        {
            role.status = RoleStatus::Later;
            waiting.push(role);
            continue;
        }
        role.status = if held {
            RoleStatus::Current
        } else if free > 0 {
            free -= 1;
            RoleStatus::Current
        } else if role.stage <= stage && hires > 0 {
            hires -= 1;
            RoleStatus::Next
        } else {
            RoleStatus::Later
        };
        out.push(role);
    }
    out.extend(waiting);
    out
}

/// The largest team that makes one hire at a time; a larger one makes two.
const MAX_ONE_HIRE: usize = 3;

/// How many of `roles` report to `title` (it is the first of their `reports_to`
/// titles that `roles` have): of those in place or hired now when `hired`, of all
/// otherwise; with the `beyond` people who hold more of such a role.
fn reports<'a, 'r: 'a>(
    roles: impl Iterator<Item = &'a Role<'r>> + Clone,
    title: &Text,
    beyond: usize,
    hired: bool,
) -> usize {
    let counted = move |r: &&Role| !hired || r.status != RoleStatus::Later;
    let has = |t: &Text| roles.clone().filter(counted).any(|r| r.title == t);
    let mut count = 0;
    for r in roles.clone().filter(counted) {
        let Some(at) = r.reports_to.iter().position(|t| t == title) else {
            continue;
        };
        if !r.reports_to[..at].iter().any(has) {
            count += 1 + if r.more_of { beyond } else { 0 };
        }
    }
    count
}
