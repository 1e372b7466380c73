//! Who each role of a team reports to: the one rule behind the org model's team and
//! the people beyond the roles, worked out on the roles alone (no positions), as it
//! runs for most profiles of a batch.

use super::{MAX_REPORTS, status_rank};
use crate::assessment::{Role, RoleStatus};

/// The manager of each of `roles` (in hiring order), by index in `roles`: the first
/// role leads the team and reports outside it (`None`); each other role reports to
/// the first of its `reports_to` titles in the team hired no later than it or hired
/// now (a team or segment lead hired now leads the people in place), else to the
/// lead. The lead keeps at most eight direct reports: past that, the latest hires go
/// to their preferred manager even if that manager is hired after them.
pub fn managers(roles: &[Role<'_>]) -> Vec<Option<usize>> {
    let mut boss: Vec<Option<usize>> = vec![None; roles.len()];
    // Whether `from`'s chain of managers reaches `to` (or loops).
    let reaches = |boss: &[Option<usize>], from: usize, to: usize| {
        let mut at = Some(from);
        let mut steps = 0;
        while let Some(p) = at {
            if p == to || steps > boss.len() {
                return true;
            }
            steps += 1;
            at = boss[p];
        }
        false
    };
    // The first of a role's `reports_to` titles in the team that the role may report
    // to without a cycle (and, when `strict`, hired in time).
    let preferred = |boss: &[Option<usize>], i: usize, strict: bool| {
        let role = &roles[i];
        role.reports_to.iter().find_map(|title| {
            let c =
                (0..roles.len()).find(|&c| c != i && roles[c].title.eq_ignore_ascii_case(title))?;
            let in_time = status_rank(roles[c].status)
                <= status_rank(role.status).max(status_rank(RoleStatus::Next));
            ((in_time || !strict) && !reaches(boss, c, i)).then_some(c)
        })
    };
    for i in 1..roles.len() {
        boss[i] = Some(preferred(&boss, i, true).unwrap_or(0));
    }
    for i in (1..roles.len()).rev() {
        if boss.iter().filter(|b| **b == Some(0)).count() <= MAX_REPORTS {
            break;
        }
        if boss[i] == Some(0)
            && let Some(c) = preferred(&boss, i, false)
        {
            boss[i] = Some(c);
        }
    }
    boss
}
