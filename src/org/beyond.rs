//! The people on a team beyond its roles: a team of 18 whose plan has 17 roles has one
//! more person, and the report says who that is and where they report, as a
//! consultant would (T2, T4: partner managers are added as the partners grow).

use super::model::MAX_REPORTS;
use super::model::reporting::managers;
use crate::assessment::{Assessment, BeyondGroup, BeyondRoles, OrgModel, Role, RoleStatus};
use crate::text::Text;
use std::borrow::Cow;
use std::fmt::Write as _;

/// People beyond the roles who hold one role (if the rulebook marks one), how many,
/// the title of whom they report to, and how many report there already.
type Group<'r, 'a> = (Option<&'a Role<'r>>, u32, String, usize);

/// "one", else the number in figures.
fn count(n: u32) -> String {
    if n == 1 { "one".into() } else { n.to_string() }
}

/// The roles of `roles` that role `i`'s `more_under` names, in that order, of those
/// in place or hired now (who lead the people in place).
fn more_under(roles: &[Role<'_>], i: usize) -> Vec<usize> {
    (roles[i].more_under.iter())
        .filter_map(|t| {
            (roles.iter())
                .position(|r| r.title.eq_ignore_ascii_case(t) && r.status != RoleStatus::Later)
        })
        .collect()
}

/// The people of a team of `team_size` beyond the roles of `a`, if there are any: they
/// hold more of the roles the rulebook marks `more_of`, spread over them in hiring
/// order (the first ones take one more where they do not divide evenly), and report
/// where each does, else to the partnerships lead. Only for a team larger than its
/// roles. `role` and `reports_to` are those of the first group.
pub fn beyond_roles<'r>(a: &Assessment<'r>, team_size: u32) -> Option<BeyondRoles<'r>> {
    let roles = u32::try_from(a.roles.len()).unwrap_or(u32::MAX);
    let people = team_size.checked_sub(roles).filter(|&n| n > 0)?;
    let held: Vec<usize> = (a.roles.iter().enumerate())
        .filter(|(_, r)| r.more_of)
        .map(|(i, _)| i)
        .collect();
    // Where each group reports and how many report there already: from the roles
    // alone, unless there are none or the role they hold is the lead's, whose manager
    // is above the team (then from the org model's positions, one group).
    let mut groups: Vec<Group<'r, '_>> = Vec::new();
    if a.roles.is_empty() || held.first() == Some(&0) {
        let model = OrgModel::people(a);
        let i = held.first().copied();
        let manager = i
            .and_then(|i| model.positions.iter().find(|p| p.role == Some(i)))
            .and_then(|p| p.manager)
            .unwrap_or(model.lead);
        let title = model.positions[manager].title.to_string();
        groups.push((
            i.map(|i| &a.roles[i]),
            people,
            title,
            model.reports(manager).count(),
        ));
    } else {
        let boss = managers(&a.roles);
        let kinds = u32::try_from(held.len().max(1)).unwrap_or(u32::MAX);
        let share = |k: u32| people / kinds + u32::from(k < people % kinds);
        let reporting = |manager: usize| boss.iter().filter(|b| **b == Some(manager)).count();
        let mut at = |role: Option<usize>, n: u32| {
            let manager = role.and_then(|i| boss[i]).unwrap_or(0);
            // Spread over the role's `more_under` managers the team has in place or
            // hires now, where it names them; else all where the role reports.
            let under: Vec<usize> = role.map_or(Vec::new(), |i| more_under(&a.roles, i));
            if under.is_empty() {
                groups.push((
                    role.map(|i| &a.roles[i]),
                    n,
                    a.roles[manager].title.to_string(),
                    reporting(manager),
                ));
            }
            let ways = u32::try_from(under.len().max(1)).unwrap_or(u32::MAX);
            for (k, &m) in under.iter().enumerate() {
                let k = u32::try_from(k).unwrap_or(u32::MAX);
                let n = n / ways + u32::from(k < n % ways);
                if n > 0 {
                    groups.push((
                        role.map(|i| &a.roles[i]),
                        n,
                        a.roles[m].title.to_string(),
                        reporting(m),
                    ));
                }
            }
        };
        if held.is_empty() {
            at(None, people);
        }
        for (k, &i) in held.iter().enumerate() {
            let n = share(u32::try_from(k).unwrap_or(u32::MAX));
            if n > 0 {
                at(Some(i), n);
            }
        }
    }
    // One string, written once: this runs for every profile of a batch whose team
    // is larger than its roles.
    let mut text = String::with_capacity(160);
    let _ = if people == 1 {
        write!(
            text,
            "One more person is on the team of {team_size} than the roles above"
        )
    } else {
        write!(
            text,
            "{people} more people are on the team of {team_size} than the roles above"
        )
    };
    // The groups of one role are said together: a role spread over several managers
    // is one clause ("3 Channel partnerships managers beside the one in the table, 2
    // reporting to the Reseller segment lead and one to the Referral segment lead").
    let title = |g: &Group<'r, '_>| g.0.map(|r| r.title.as_str());
    let runs = 1
        + (1..groups.len())
            .filter(|&k| title(&groups[k]) != title(&groups[k - 1]))
            .count();
    let mut start = 0;
    while start < groups.len() {
        let end = (start..groups.len())
            .find(|&k| title(&groups[k]) != title(&groups[start]))
            .unwrap_or(groups.len());
        let run = &groups[start..end];
        text.push_str(if start == 0 { ": " } else { "; " });
        let n: u32 = run.iter().map(|g| g.1).sum();
        let _ = match (n, run[0].0) {
            (1, Some(r)) => write!(text, "a second {}, ", r.title),
            (n, Some(r)) if runs > 1 => {
                write!(text, "{n} {}s beside the one in the table, ", r.title)
            }
            (_, Some(r)) => write!(text, "{}s beside the one in the table, ", r.title),
            (_, None) => Ok(()),
        };
        for (j, (_, n, reports_to, _)) in run.iter().enumerate() {
            let _ = match j {
                0 if run.len() == 1 => write!(text, "reporting to the {reports_to}"),
                0 => write!(text, "{} reporting to the {reports_to}", count(*n)),
                j if j + 1 == run.len() => write!(text, " and {} to the {reports_to}", count(*n)),
                _ => write!(text, ", {} to the {reports_to}", count(*n)),
            };
        }
        // More than eight under one manager: the report says to split them (T3's
        // growth team lead leads partner managers).
        for k in start..end {
            let reports_to = &groups[k].2;
            let under: u32 = (groups.iter())
                .filter(|g| g.2 == *reports_to)
                .map(|g| g.1)
                .sum();
            let first = groups.iter().position(|g| g.2 == *reports_to) == Some(k);
            let span = groups[k].3 + under as usize;
            if first && span > MAX_REPORTS {
                let _ = write!(text, "; that makes {span} direct reports");
                if run.len() > 1 {
                    let _ = write!(text, " under the {reports_to}");
                }
                let _ = write!(
                    text,
                    ", so group them under team leads of at most {MAX_REPORTS}"
                );
            }
        }
        start = end;
    }
    text.push('.');
    let groups: Vec<BeyondGroup<'r>> = (groups.into_iter())
        .map(|(role, people, reports_to, _)| BeyondGroup {
            people,
            role: role.map(|r| r.title),
            reports_to,
            cites: role.map_or(&[], |r| r.cites),
        })
        .collect();
    let first = &groups[0];
    // The text names every group: its ids are all of theirs, each once (borrowed
    // where the groups share their role's ids, as most do).
    let cites: Cow<'r, [Text]> = if groups.iter().all(|g| g.cites == first.cites) {
        Cow::Borrowed(first.cites)
    } else {
        let mut all: Vec<Text> = Vec::new();
        for c in groups.iter().flat_map(|g| g.cites) {
            if !all.contains(c) {
                all.push(c.clone());
            }
        }
        Cow::Owned(all)
    };
    Some(BeyondRoles {
        people,
        role: first.role,
        reports_to: first.reports_to.clone(),
        text,
        cites,
        groups,
    })
}
