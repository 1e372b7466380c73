//! The hiring order: which of the roles the rules give are in place, hired now or
//! later, with the people the team already has in their seats. The engine
//! (`engine.rs`) calls it once the rules have fired.

use super::Rulebook;
use super::seats::{planned_seats, seats, spec};
use crate::assessment::{HireTiming, Origin, Role, RoleStatus, Stage};
use crate::org::model::MAX_REPORTS;
use crate::org::model::reporting::{Reporting, leads_more_than, led_by, managers};

impl Rulebook {
    /// The roles in hiring order (by rank, then in the order the rules gave them), the
    /// `people` the team has in place in their seats (a person whose role this
    /// evaluation does not give keeps it), the roles `planned` before that it does
    /// not give still planned, and the first of the others up to `team_size`
    /// filled. A team grows as the need arises (T4), one or two hires at a
    /// time: one next hire for a team of up to three, two for a larger one, of roles
    /// whose stage has come, those whose trigger is met (`due`) before the others
    /// but the first hires (early stage); a team lead waits for the reports it leads
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
        let mut held = vec![None; roles.len()];
        let mut kept = Vec::new();
        for (&person, seat) in people.iter().zip(seats(self, people, &listed)) {
            match seat {
                Some(i) => {
                    held[i] = Some(RoleStatus::Current);
                    roles[i].1.seats = Some(person);
                }
                None => kept.push((person, RoleStatus::Current)),
            }
        }
        // Roles this evaluation does not give: their holders keep them, and those
        // planned before stay planned.
        for (&plan, seat) in planned
            .iter()
            .zip(planned_seats(self, people, planned, &listed))
        {
            match seat {
                Some(i) => roles[i].1.seats = Some(plan),
                None => kept.push((plan, RoleStatus::Later)),
            }
        }
        for (origin, status) in kept {
            let Some(spec) = spec(self, origin) else {
                continue;
            };
            let rule = &self.rules()[origin.rule as usize];
            let at = roles.partition_point(|(o, _)| *o <= spec.order);
            roles.insert(at, (spec.order, rule.role(spec, status, Some(origin))));
            held.insert(at, Some(status));
        }
        statuses(roles, held, team_size, stage)
    }
}

/// The status of each role in hiring order, those `held` with the status given there:
/// the people in place, and the plans carried from before that this evaluation does
/// not give, which stay for later (see `Rulebook::hiring_order`).
fn statuses(
    roles: Vec<(u32, Role<'_>)>,
    held: Vec<Option<RoleStatus>>,
    team_size: u32,
    stage: Stage,
) -> Vec<Role<'_>> {
    let carried = (held.iter())
        .filter(|h| **h == Some(RoleStatus::Current))
        .count();
    let mut free = (team_size as usize).saturating_sub(carried);
    let mut hires = if (team_size as usize).max(carried) > MAX_ONE_HIRE {
        2
    } else {
        1
    };
    let held_at = |i: usize| held.get(i).copied().flatten() == Some(RoleStatus::Current);
    let planned_at = |i: usize| held.get(i).copied().flatten() == Some(RoleStatus::Later);
    let mut out: Vec<Role> = Vec::with_capacity(roles.len());
    let roles: Vec<Role> = roles.into_iter().map(|(_, r)| r).collect();
    let dropped = dropped(&roles, held_at, team_size);
    let kept = roles.len() - dropped.iter().filter(|d| **d).count();
    let beyond = (team_size as usize).saturating_sub(kept);
    // The roles whose trigger is met (`due`) and whose stage has come, still to hire:
    // each is hired before the roles whose trigger is only a condition to watch
    // for, so the hires now are kept for them (the lead for a region the program
    // already serves before a program manager or an analyst, G1), except the first
    // hires of any team (the partnerships lead, the early stage's partner managers,
    // T2). Of two due roles, the first in hiring order.
    let due_now: Vec<usize> = (roles.iter().enumerate())
        .filter(|&(i, r)| {
            r.due
                && r.stage <= stage
                && r.leads_at_least == 0
                && !held_at(i)
                && !planned_at(i)
                && !dropped.get(i).copied().unwrap_or(false)
        })
        .map(|(i, _)| i)
        .collect();
    let ahead = |i: usize, r: &Role| match i == 0 || r.due || r.stage == Stage::Early {
        true => 0,
        false => due_now.iter().filter(|&&j| j > i).count(),
    };
    let mut overtaken = false;
    // A team lead that waits for its reports is hired after them: last.
    let mut waiting = Vec::new();
    for (i, mut role) in roles.into_iter().enumerate() {
        if dropped.get(i).copied().unwrap_or(false) {
            continue;
        }
        let held = held_at(i);
        if planned_at(i) {
            role.status = RoleStatus::Later;
            out.push(role);
            continue;
        }
        if !held && role.leads_at_least > 0 {
            // Its reports among those in place or hired now, were it hired now too.
            role.status = RoleStatus::Next;
            out.push(role);
            let at = out.len() - 1;
            let reports = led(&out, at, beyond, |j| out[j].status);
            role = out.pop().expect("pushed above");
            if reports < role.leads_at_least as usize {
                role.status = RoleStatus::Later;
                waiting.push(role);
                continue;
            }
        }
        role.status = if held {
            RoleStatus::Current
        } else if free > 0 {
            free -= 1;
            RoleStatus::Current
        } else if role.stage <= stage && hires > ahead(i, &role) {
            hires -= 1;
            RoleStatus::Next
        } else {
            overtaken |= role.stage <= stage && hires > 0;
            RoleStatus::Later
        };
        out.push(role);
    }
    out.extend(waiting);
    // Hired now, so listed with the hires now, before the roles for later.
    if overtaken {
        out[1..].sort_by_key(|r| r.status == RoleStatus::Later);
    }
    leads_of_people_first(&mut out, stage);
    within_span(&mut out);
    for role in &mut out {
        if role.due && role.status == RoleStatus::Later && role.timing.is_none() {
            role.timing = Some(if role.stage <= stage {
                HireTiming::Pace
            } else {
                HireTiming::Stage
            });
        }
    }
    out
}

/// Which of `roles` are team leads whom the whole plan gives too few reports to lead
/// (`leads_at_least`, counting the people a team of `team_size` has beyond the roles),
/// and nobody holds (`held`): they are no team leads. Empty where no role is a team
/// lead, as in most batch runs (nothing is allocated).
fn dropped(roles: &[Role<'_>], held: impl Fn(usize) -> bool, team_size: u32) -> Vec<bool> {
    if !roles.iter().any(|r| r.leads_at_least > 0) {
        return Vec::new();
    }
    let beyond = (team_size as usize).saturating_sub(roles.len());
    (roles.iter().enumerate())
        .map(|(i, r)| {
            r.leads_at_least > 0
                && !held(i)
                && led(roles, i, beyond, |_| RoleStatus::Current) < r.leads_at_least as usize
        })
        .collect()
}

/// The largest team that makes one hire at a time; a larger one makes two.
const MAX_ONE_HIRE: usize = 3;

/// How many of `roles` report to role `lead` ([`led_by`]) with the statuses `status`,
/// of those in place or hired now; with its share of the `beyond` people who hold
/// more of a `more_of` role, spread as `beyond_roles` spreads them: evenly over the
/// `more_of` roles in hiring order (the first ones taking one more), each share where
/// its role reports, or over the role's `more_under` managers in place or hired now.
/// A team lead is credited only with the people who go to the managers it leads, not
/// with those who join another kind of manager elsewhere (T4).
fn led(
    roles: &[Role<'_>],
    lead: usize,
    beyond: usize,
    status: impl Fn(usize) -> RoleStatus,
) -> usize {
    let hired = |i: usize| status(i) != RoleStatus::Later;
    let mut reports = 0;
    let mut mine = Vec::new();
    for i in led_by(roles, lead, &status).filter(|&i| hired(i)) {
        reports += 1;
        mine.push(i);
    }
    if beyond == 0 {
        return reports;
    }
    let kinds = roles.iter().filter(|r| r.more_of).count().max(1);
    let share = |k: usize, n: usize, ways: usize| n / ways + usize::from(k < n % ways);
    let mut more = 0;
    for (k, i) in (0..roles.len()).filter(|&i| roles[i].more_of).enumerate() {
        let people = share(k, beyond, kinds);
        let under: Vec<usize> = (roles[i].more_under.iter())
            .filter_map(|t| {
                (0..roles.len()).find(|&j| roles[j].title.eq_ignore_ascii_case(t) && hired(j))
            })
            .collect();
        more += match under.iter().position(|&j| j == lead) {
            Some(at) => share(at, people, under.len()),
            None if under.is_empty() && mine.contains(&i) => people,
            None => 0,
        };
    }
    reports + more
}

/// Of the managers who report to the partnerships lead alone (the segment leads, the
/// head of partner operations) and are due at the same stage, one whose people are in
/// place is hired before one who would lead nobody in place: one hired now whom the
/// whole plan gives nobody in place trades with one of its stage, due by `stage` but
/// planned for later, whom it gives people in place: a segment lead over nobody in
/// place waits for one over its own people (E3: by segment; R1).
fn leads_of_people_first(roles: &mut [Role<'_>], stage: Stage) {
    let peer = |r: &Role| r.reports_to.is_empty() && r.leads_at_least == 0;
    let hired = |r: &Role| r.status == RoleStatus::Next && peer(r);
    let waits = |r: &Role, of: Stage| {
        r.status == RoleStatus::Later
            && peer(r)
            && r.stage == of
            && of <= stage
            && r.timing.is_none()
    };
    // Most teams have no such pair; their plan is not worked out. (The stages of the
    // roles hired now, and of those waiting, as bits.)
    let (mut now, mut wait) = (0u8, 0u8);
    for r in roles.iter().skip(1) {
        let bit = 1 << (r.stage as u8);
        if hired(r) {
            now |= bit;
        } else if waits(r, r.stage) {
            wait |= bit;
        }
    }
    if now & wait == 0 {
        return;
    }
    // A manager by the rulebook: some role names it among those it reports to.
    let named = |roles: &[Role], c: usize| {
        (roles.iter())
            .any(|r| (r.reports_to.iter()).any(|t| t.eq_ignore_ascii_case(roles[c].title)))
    };
    let planned = Reporting::of(roles).managers(|_| RoleStatus::Current);
    let in_place = |roles: &[Role], c: usize| {
        (1..roles.len())
            .filter(|&i| planned[i] == Some(c) && roles[i].status == RoleStatus::Current)
            .count()
    };
    let mut swapped = false;
    for n in 1..roles.len() {
        if !hired(&roles[n]) || in_place(roles, n) > 0 || !named(roles, n) {
            continue;
        }
        let busy = (1..roles.len())
            .filter(|&l| waits(&roles[l], roles[n].stage))
            .map(|l| (in_place(roles, l), l))
            .filter(|&(people, _)| people > 0)
            .max_by_key(|&(people, l)| (people, std::cmp::Reverse(l)));
        if let Some((_, l)) = busy {
            roles[n].status = RoleStatus::Later;
            roles[l].status = RoleStatus::Next;
            swapped = true;
        }
    }
    // Hired now, so listed with the hires now, before the roles for later.
    if swapped {
        roles[1..].sort_by_key(|r| r.status == RoleStatus::Later);
    }
}

/// Keeps the partnerships lead (the first role) at [`MAX_REPORTS`] direct reports or
/// fewer without anyone reporting to a role hired after them: while it has more, a
/// lead planned for later is hired now, beyond the one or two hires at a time, and
/// says so (E3's matrix, G1's regional leads): of those that take any off the lead,
/// the first in hiring order that would lead the most of the people the whole plan
/// gives it (the Reseller segment lead over the reseller specialist, and the channel
/// manager until the referral segment's lead is hired, not the Integrator segment
/// lead, who would take the channel manager only because neither is hired).
fn within_span(roles: &mut [Role<'_>]) {
    if !leads_more_than(roles, MAX_REPORTS) {
        return;
    }
    let mut boss = managers(roles);
    let direct = |boss: &[Option<usize>]| boss.iter().filter(|b| **b == Some(0)).count();
    let reporting = Reporting::of(roles);
    let mut status: Vec<RoleStatus> = roles.iter().map(|r| r.status).collect();
    // Who leads whom once everyone is hired.
    let planned = reporting.managers(|_| RoleStatus::Current);
    while direct(&boss) > MAX_REPORTS {
        let mut best: Option<(usize, usize, Vec<Option<usize>>)> = None;
        for c in 1..roles.len() {
            if status[c] != RoleStatus::Later {
                continue;
            }
            status[c] = RoleStatus::Next;
            let then = reporting.managers(|i| status[i]);
            status[c] = RoleStatus::Later;
            let over = (0..roles.len())
                .filter(|&i| then[i] == Some(c) && planned[i] == Some(c))
                .count();
            let taken = direct(&boss).saturating_sub(direct(&then));
            if taken > 0 && best.as_ref().is_none_or(|(b, _, _)| over > *b) {
                best = Some((over, c, then));
            }
        }
        let Some((_, c, then)) = best else {
            break;
        };
        status[c] = RoleStatus::Next;
        roles[c].status = RoleStatus::Next;
        roles[c].timing = Some(HireTiming::Span);
        boss = then;
    }
    // Hired now, so listed with the hires now, before the roles for later.
    if roles.iter().any(|r| r.timing == Some(HireTiming::Span)) {
        roles[1..].sort_by_key(|r| r.status == RoleStatus::Later);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default rulebook's role of `title`, with `status`.
    fn role(title: &str, status: RoleStatus) -> Role<'static> {
        let rules = Rulebook::default_rules().rules();
        (rules.iter())
            .find_map(|rule| {
                let spec = rule.then.roles.iter().find(|s| s.title == title)?;
                Some(rule.role(spec, status, None))
            })
            .unwrap_or_else(|| panic!("no role {title}"))
    }

    #[test]
    fn a_lead_of_two_kinds_of_partner_manager_counts_the_people_beyond_the_roles_once() {
        let roles = [
            role("Partnerships lead", RoleStatus::Current),
            role("Partner growth team lead", RoleStatus::Next),
            role("Affiliate partner manager", RoleStatus::Current),
            role("Alliance partner manager", RoleStatus::Current),
        ];
        // Three people beyond the roles hold more of the two manager roles (spread
        // over them, see `beyond_roles`): the lead leads the two and the three.
        assert_eq!(led(&roles, 1, 3, |i| roles[i].status), 5);
        assert_eq!(led(&roles, 1, 0, |i| roles[i].status), 2);
    }

    #[test]
    fn a_segment_lead_counts_only_the_people_beyond_the_roles_of_its_segment() {
        let roles = [
            role("Partnerships lead", RoleStatus::Current),
            role("Affiliate partner manager", RoleStatus::Current),
            role("Integrator partner manager", RoleStatus::Current),
            role("Integrator segment lead", RoleStatus::Next),
        ];
        // Two people beyond the roles: one more affiliate manager and one more
        // integrator manager, so the integrator segment's lead leads two; with one,
        // the affiliate manager takes it, and the lead would lead one.
        assert_eq!(led(&roles, 3, 2, |i| roles[i].status), 2);
        assert_eq!(led(&roles, 3, 1, |i| roles[i].status), 1);
    }
}
