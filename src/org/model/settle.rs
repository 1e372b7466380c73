//! What the engine settles of the org model for the reports: who holds each PartnerOps
//! function, worded in its owner line, and the cadence for the departments that
//! exist. Runs for every profile of a batch: no allocation but the texts it words.

use super::NO_ROLES_LEAD;
use super::cadence::Meeting;
use super::words::{LEAD, Named, split_each, without_the};
use crate::assessment::{CadenceItem, GtmTeams, PartnerOpsFunction, Role, RoleStatus};
use crate::text::Text;
use std::borrow::Cow;

/// Settles what the reports read of the org model: gives each PartnerOps function to
/// the role that holds it (its owner when in place, else the lead "until the X is
/// hired") and words its owner line to say so; drops the cadence items for a
/// department of size 0 and merges the items for the same team. `named` says who each
/// function's owner line names, `role_at` where `roles` has the role of each number
/// [`Named`] uses (an index of `roles`, or anything larger when it has none),
/// `meetings` what each cadence item is.
pub fn settle<'r>(
    roles: &[Role<'r>],
    teams: GtmTeams,
    partnerops: &mut [PartnerOpsFunction<'r>],
    (named, role_at): (&[&Named], &[usize]),
    cadence: &mut Vec<CadenceItem<'r>>,
    meetings: &mut Vec<Meeting>,
) {
    owners(roles, partnerops, named, role_at);
    super::cadence::settle(teams, cadence, meetings);
}

/// Gives each PartnerOps function to the role that owns it when that role is in place,
/// else to the lead (the first role) "until the X is hired", and words the owner line
/// to say so.
fn owners<'r>(
    roles: &[Role<'r>],
    partnerops: &mut [PartnerOpsFunction<'r>],
    named: &[&Named],
    role_at: &[usize],
) {
    debug_assert_eq!(partnerops.len(), named.len(), "one `named` per function");
    let lead_title = roles.first().map_or(NO_ROLES_LEAD, |r| r.title.as_str());
    for (f, named) in partnerops.iter_mut().zip(named) {
        let named = match named {
            Named::Lead => {
                // Named by what it is: the line names the lead by title, as the other
                // owner lines do.
                if let Some(rest) = without_the(&f.owner).get(LEAD.len()..) {
                    f.owner = Cow::Owned(Text::from([lead_title, rest].concat()));
                }
                Some(0)
            }
            // Of the roles the line could name, the one with the longest title (the
            // last of equals).
            Named::Roles(candidates) => (candidates.iter())
                .filter_map(|&(number, len)| {
                    let i = *role_at.get(number)?;
                    (i < roles.len()).then_some((len, i))
                })
                .max()
                .map(|(_, i)| i),
        };
        f.holder = match named {
            Some(i) if i == 0 || roles[i].status == RoleStatus::Current => i,
            // The owner is planned, or not in the team at this stage: the lead holds
            // the function until then, and the owner line says so. An owner this
            // stage does not plan at all is not promised as a hire.
            _ => {
                let owner = split_each(&f.owner, ", ").next().unwrap_or_default();
                let rest = &f.owner[owner.len()..];
                let text = match named {
                    Some(i) => {
                        let planned = roles[i].title.as_str();
                        [lead_title, ", until the ", planned, " is hired", rest].concat()
                    }
                    None => [lead_title, rest, "; later: ", without_the(owner)].concat(),
                };
                f.owner = Cow::Owned(Text::from(text));
                0
            }
        };
    }
}
