//! The cadence settled for the departments that exist.

use super::words::split_each;
use crate::assessment::{CadenceItem, GtmTeams};
use crate::text::Text;
use std::borrow::Cow;

/// Settles the cadence for the departments that exist: drops the meetings with a
/// department of size 0 and merges the items for the same team into the first.
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
            merge(&mut cadence[j], later);
        } else {
            k += 1;
        }
    }
}

/// Merges `later`, an item for the same team, into `first`: each topic listed once,
/// the most frequent frequency, the guidance of both.
fn merge<'r>(first: &mut CadenceItem<'r>, later: CadenceItem<'r>) {
    // Topics are listed once: "a; b". The new ones are counted first, so that the
    // text is made at its length (a text longer than its length is copied again).
    let new = || {
        split_each(&later.topics, "; ")
            .filter(|topic| !split_each(&first.topics, "; ").any(|t| t == *topic))
    };
    let more: usize = new().map(|topic| topic.len() + 2).sum();
    if more > 0 {
        let mut all = String::with_capacity(first.topics.len() + more);
        all.push_str(&first.topics);
        for topic in new() {
            all.push_str("; ");
            all.push_str(topic);
        }
        first.topics = Cow::Owned(Text::from(all));
    }
    if frequency_rank(&later.frequency) < frequency_rank(&first.frequency) {
        first.frequency = later.frequency;
    }
    // The guidance behind both.
    if !later.cites.iter().all(|c| first.cites.contains(c)) {
        let mut cites = Vec::with_capacity(first.cites.len() + later.cites.len());
        cites.extend_from_slice(&first.cites);
        let new = later.cites.iter().filter(|c| !first.cites.contains(c));
        cites.extend(new.cloned());
        first.cites = Cow::Owned(cites);
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

#[cfg(test)]
mod tests {
    use super::settle;
    use crate::assessment::{CadenceItem, GtmTeams};
    use crate::text::Text;
    use std::borrow::Cow;

    fn item<'a>(
        with: &'a Text,
        topics: &'a Text,
        frequency: &'a Text,
        cites: &'a [Text],
    ) -> CadenceItem<'a> {
        CadenceItem {
            with,
            topics: Cow::Borrowed(topics),
            frequency: Cow::Borrowed(frequency),
            rule: with,
            cites: Cow::Borrowed(cites),
            origin: None,
        }
    }

    #[test]
    fn meetings_with_one_team_merge_and_those_with_no_team_go() {
        let t = |s: &str| Text::from(s);
        let (sales, product, marketing) = (t("sales"), t("Product"), t("marketing"));
        let (ab, bc, road) = (t("a; b"), t("b; c"), t("roadmap"));
        let (monthly, weekly) = (t("monthly"), t("weekly"));
        let (x1, x2) = ([t("X1")], [t("X1"), t("X2")]);
        let mut cadence = vec![
            item(&sales, &ab, &monthly, &x1),
            item(&product, &road, &monthly, &x1),
            item(&marketing, &road, &weekly, &x1),
            item(&sales, &bc, &weekly, &x2),
            item(&sales, &ab, &monthly, &x1),
        ];
        let teams = GtmTeams {
            sales: 3,
            marketing: 0,
            shared_leader: false,
        };
        settle(teams, &mut cadence);
        let seen: Vec<(&str, &str, &str, Vec<&str>)> = cadence
            .iter()
            .map(|c| {
                let cites = c.cites.iter().map(|c| c.as_str()).collect();
                (
                    c.with.as_str(),
                    c.topics.as_str(),
                    c.frequency.as_str(),
                    cites,
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("sales", "a; b; c", "weekly", vec!["X1", "X2"]),
                ("Product", "roadmap", "monthly", vec!["X1"]),
            ]
        );
    }
}
