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
        for (i, role) in roles.iter().enumerate() {
            for title in role.reports_to {
                let found = (0..roles.len())
                    .find(|&c| c != i && roles[c].title.eq_ignore_ascii_case(title));
                choices.extend(found);
            }
            ends.push(choices.len());
        }
        Reporting { choices, ends }
    }

    /// The manager of each role, by index, with the roles' statuses `status`: the
    /// first role leads the team and reports outside it (`None`); each other role
    /// reports to the first of its choices hired no later than it is or hired now (a
    /// team or segment lead hired now leads the people in place), that is not below
    /// it, else to the lead. Nobody reports to a role hired after them.
    pub fn managers(&self, status: impl Fn(usize) -> RoleStatus) -> Vec<Option<usize>> {
        let n = self.ends.len();
        let mut boss: Vec<Option<usize>> = vec![None; n];
        // Whether `from`'s chain of managers reaches `to` (or loops).
        let reaches = |boss: &[Option<usize>], from: usize, to: usize| {
            let mut at = Some(from);
            let mut steps = 0;
            while let Some(p) = at {
                if p == to || steps > n {
                    return true;
                }
                steps += 1;
                at = boss[p];
            }
            false
        };
        for i in 1..n {
            let own = status_rank(status(i)).max(status_rank(RoleStatus::Next));
            let choices = &self.choices[self.ends[i - 1]..self.ends[i]];
            let found = choices
                .iter()
                .copied()
                .find(|&c| status_rank(status(c)) <= own && !reaches(&boss, c, i));
            boss[i] = Some(found.unwrap_or(0));
        }
        boss
    }
}

/// The manager of each of `roles` (in hiring order), by index in `roles`, with their
/// statuses ([`Reporting::managers`]).
pub fn managers(roles: &[Role<'_>]) -> Vec<Option<usize>> {
    Reporting::of(roles).managers(|i| roles[i].status)
}
