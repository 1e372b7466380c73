//! The people on a team beyond its roles: a team of 18 whose plan has 17 roles has one
//! more person, and the report says who that is and where they report, as a
//! consultant would (T2, T4: partner managers are added as the partners grow).

use super::model::MAX_REPORTS;
use super::model::reporting::managers;
use crate::assessment::{Assessment, BeyondRoles, OrgModel};
use std::fmt::Write as _;

/// The people of a team of `team_size` beyond the roles of `a`, if there are any: they
/// hold more of the first role the rulebook marks `more_of` and report where it does,
/// else to the partnerships lead. Only for a team larger than its roles.
pub fn beyond_roles<'r>(a: &Assessment<'r>, team_size: u32) -> Option<BeyondRoles<'r>> {
    let roles = u32::try_from(a.roles.len()).unwrap_or(u32::MAX);
    let people = team_size.checked_sub(roles).filter(|&n| n > 0)?;
    let held = a.roles.iter().position(|r| r.more_of);
    // Where they report and how many report there: from the roles alone, unless
    // there are none or the role they hold is the lead's, whose manager is above the
    // team (then from the org model's positions).
    let (reports_to, reports) = if a.roles.is_empty() || held == Some(0) {
        let model = OrgModel::people(a);
        let manager = held
            .and_then(|i| model.positions.iter().find(|p| p.role == Some(i)))
            .and_then(|p| p.manager)
            .unwrap_or(model.lead);
        let title = model.positions[manager].title.to_string();
        (title, model.reports(manager).count())
    } else {
        let boss = managers(&a.roles);
        let manager = held.and_then(|i| boss[i]).unwrap_or(0);
        let count = boss.iter().filter(|b| **b == Some(manager)).count();
        (a.roles[manager].title.to_string(), count)
    };
    let role = held.map(|i| &a.roles[i]);
    // One string, written once: this runs for every profile of a batch whose team
    // is larger than its roles.
    let mut text = String::with_capacity(160);
    let _ = match (people, role) {
        (1, Some(r)) => write!(
            text,
            "One more person is on the team of {team_size} than the roles above: a second {}",
            r.title
        ),
        (n, Some(r)) => write!(
            text,
            "{n} more people are on the team of {team_size} than the roles above: {}s beside the one in the table",
            r.title
        ),
        (1, None) => write!(
            text,
            "One more person is on the team of {team_size} than the roles above"
        ),
        (n, None) => write!(
            text,
            "{n} more people are on the team of {team_size} than the roles above"
        ),
    };
    // More than eight under one manager: the report says to split them (T3's growth
    // team lead leads partner managers).
    let span = reports + people as usize;
    let _ = if span > MAX_REPORTS {
        write!(
            text,
            ", reporting to the {reports_to}; that makes {span} direct reports, so \
             group them under team leads of at most {MAX_REPORTS}."
        )
    } else {
        write!(text, ", reporting to the {reports_to}.")
    };
    Some(BeyondRoles {
        people,
        role: role.map(|r| r.title),
        reports_to,
        text,
        cites: role.map_or(&[], |r| r.cites),
    })
}
