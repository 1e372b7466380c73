//! The cadence settled for the departments that exist.

use crate::assessment::{CadenceItem, GtmTeams};
use crate::text::Text;
use std::borrow::Cow;

/// Settles the cadence for the departments that exist: drops the meetings with a
/// department of size 0 and merges the items for the same team (each topic listed
/// once, the most frequent frequency, the guidance of both).
pub(super) fn settle(teams: GtmTeams, cadence: &mut Vec<CadenceItem<'_>>) {
    let exists = |with: &str| {
        !(with.eq_ignore_ascii_case("sales") && teams.sales == 0
            || with.eq_ignore_ascii_case("marketing") && teams.marketing == 0)
    };
    cadence.retain(|c| exists(c.with));
    let mut k = 0;
    while k < cadence.len() {
        if let Some(j) = (0..k).find(|&j| cadence[j].with.eq_ignore_ascii_case(cadence[k].with)) {
            let later = cadence.remove(k);
            let first = &mut cadence[j];
            // Topics are listed once: "a; b".
            let listed = |topic| first.topics.split("; ").any(|t| t == topic);
            if !later.topics.split("; ").all(listed) {
                let topics = [first.topics.as_str(), "; ", later.topics.as_str()].concat();
                first.topics = Cow::Owned(Text::from(topics));
            }
            if frequency_rank(&later.frequency) < frequency_rank(&first.frequency) {
                first.frequency = later.frequency;
            }
            // The guidance behind both.
            if !later.cites.iter().all(|c| first.cites.contains(c)) {
                let mut cites = first.cites.to_vec();
                cites.extend(
                    later
                        .cites
                        .iter()
                        .filter(|c| !first.cites.contains(c))
                        .cloned(),
                );
                first.cites = Cow::Owned(cites);
            }
        } else {
            k += 1;
        }
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
