//! Who each role of a team reports to: the one rule behind the org model's team, the
//! people beyond the roles and the hiring order's team leads (`rules/hiring.rs`), so
//! that they cannot disagree. It works on the roles alone (no positions), as it runs
//! for most profiles of a batch.

use super::status_rank;
use crate::assessment::{Role, RoleStatus};

/// The roles each role of a team may report to, first choice first: those of its
/// `reports_to` titles that the team has (letter case aside), by index in the team.
pub struct Reporting {
    /// The choices of every role, one after the other.
    choices: Vec<usize>,
    /// Where each role's choices end in `choices`.
    ends: Vec<usize>,
}

impl Reporting {
    /// The choices of each of `roles` (in hiring order).
    pub fn of(roles: &[Role<'_>]) -> Reporting {
        let mut choices = Vec::new();
        let mut ends = Vec::with_capacity(roles.len());
        for i in 0..roles.len() {
            choices.extend(choices_of(roles, i));
            ends.push(choices.len());
        }
        Reporting { choices, ends }
    }

    /// The manager of each role, by index, with the roles' statuses `status`
    /// (`manager`).
    pub fn managers(&self, status: impl Fn(usize) -> RoleStatus) -> Vec<Option<usize>> {
        let mut boss: Vec<Option<usize>> = vec![None; self.ends.len()];
        for i in 1..boss.len() {
            boss[i] = Some(manager(&boss, i, |c| self.choices_of(c), &status));
        }
        boss
    }

    fn choices_of(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.choices[start..self.ends[i]].iter().copied()
    }
}

/// The roles that role `i` of `roles` may report to, first choice first: those of its
/// `reports_to` titles that the team has (letter case aside), by index.
fn choices_of<'a>(roles: &'a [Role<'_>], i: usize) -> impl Iterator<Item = usize> + 'a {
    (roles[i].reports_to.iter()).filter_map(move |title| {
        (0..roles.len()).find(|&c| c != i && roles[c].title.eq_ignore_ascii_case(title))
    })
}

/// The one rule of who reports to whom: role `i` (not the first, who leads the team
/// and reports outside it) reports to the first of its `choices` (of each role, by
/// index) hired no later than it is or hired now (a team or segment lead hired now
/// leads the people in place), that is not below it in `boss` (the managers of the
/// roles before it), else to the lead, role 0. Nobody reports to a role hired after
/// them. Where its first choice is hired later, it does not follow a choice that
/// could report to that one but reports to another of its own choices: the reseller
/// specialist whose segment lead is not hired is not drawn under the channel manager
/// who sits under the referral segment's lead (E3, R1).
/// `boss` may be shorter than the team (a role past its end is taken to have no
/// manager yet, and to stand in nobody's stead).
fn manager<I: Iterator<Item = usize>>(
    boss: &[Option<usize>],
    i: usize,
    choices: impl Fn(usize) -> I,
    status: impl Fn(usize) -> RoleStatus,
) -> usize {
    let own = status_rank(status(i)).max(status_rank(RoleStatus::Next));
    // Whether `from`'s chain of managers reaches `i` (or loops).
    let reaches = |from: usize| {
        let mut at = Some(from);
        let mut steps = 0;
        while let Some(p) = at {
            if p == i || steps > boss.len() {
                return true;
            }
            steps += 1;
            at = boss.get(p).copied().flatten();
        }
        false
    };
    // The first choice hired after `i`, if `i` passes one over.
    let mut later = None;
    // Whether `c`, which may report to `first` too, reports to another of its choices
    // (sits in another segment than the one `first` leads).
    let stands_in = |c: usize, first: usize| {
        let Some(b) = boss.get(c).copied().flatten() else {
            return false;
        };
        b != first && choices(c).any(|x| x == b) && choices(c).any(|x| x == first)
    };
    choices(i)
        .find(|&c| {
            if status_rank(status(c)) > own {
                later = later.or(Some(c));
                return false;
            }
            !reaches(c) && later.is_none_or(|first| !stands_in(c, first))
        })
        .unwrap_or(0)
}

/// The roles of `roles` that report to role `lead` with the statuses `status`, by the
/// rule of `manager`, looked up only among the roles that name it: the hiring order
/// counts a team lead's reports with it for most profiles of a batch. (A cycle
/// through roles that do not name the lead is not seen, nor a role that stands in a
/// later hire's stead; the rulebook's team leads are neither.)
pub fn led_by<'a, S: Fn(usize) -> RoleStatus + 'a>(
    roles: &'a [Role<'_>],
    lead: usize,
    status: S,
) -> impl Iterator<Item = usize> + 'a {
    let title = roles[lead].title;
    (1..roles.len()).filter(move |&i| {
        (roles[i].reports_to.iter()).any(|t| t.eq_ignore_ascii_case(title))
            && manager(&[], i, |c| choices_of(roles, c), &status) == lead
    })
}

/// The manager of each of `roles` (in hiring order), by index in `roles`, with their
/// own statuses (`manager`); each role's choices are looked up only as far as its
/// manager, as this runs for most profiles of a batch.
pub fn managers(roles: &[Role<'_>]) -> Vec<Option<usize>> {
    let mut boss: Vec<Option<usize>> = vec![None; roles.len()];
    for i in 1..roles.len() {
        boss[i] = Some(manager(
            &boss,
            i,
            |c| choices_of(roles, c),
            |j| roles[j].status,
        ));
    }
    boss
}

/// Whether the first of `roles` (the lead) has more than `most` direct reports with
/// the roles' own statuses ([`managers`]); it stops as soon as the answer is known,
/// as the hiring order asks it of every profile with more roles than that.
pub fn leads_more_than(roles: &[Role<'_>], most: usize) -> bool {
    let mut boss: Vec<Option<usize>> = vec![None; roles.len()];
    let mut direct = 0;
    for i in 1..roles.len() {
        if direct + (roles.len() - i) <= most {
            return false;
        }
        let b = manager(&boss, i, |c| choices_of(roles, c), |j| roles[j].status);
        boss[i] = Some(b);
        direct += usize::from(b == 0);
        if direct > most {
            return true;
        }
    }
    false
}
