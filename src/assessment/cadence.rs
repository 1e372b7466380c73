//! The cadence: the recurring meetings with other teams, and whom each is held with
//! as the org chart draws it (`org::model` settles the counterparts).

use super::Origin;
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::borrow::Cow;

/// A recurring alignment.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CadenceItem<'r> {
    /// The team.
    pub with: &'r Text,
    /// What to cover (the topics of every rule that named this team, merged).
    pub topics: Cow<'r, Text>,
    /// How often: the most frequent of the merged items.
    pub frequency: Cow<'r, Text>,
    /// The rule that added it (the first, when items were merged).
    pub rule: &'r Text,
    /// Guidance ids (of every merged item).
    pub cites: Cow<'r, [Text]>,
    /// Whom the meeting is held with, as the org chart draws it: the title of the
    /// position met ("Head of Sales", "Sales team", "CEO" where a small company has no
    /// head of product or finance, "Head of Finance"); `None` for a recap shared with
    /// every team, which no one line carries. Settled by the org model
    /// (`OrgModel::name_counterparts`).
    #[schemars(with = "Option<String>")]
    pub counterpart: Option<Counterpart<'r>>,
    /// The counterpart is the partnerships lead's own manager: a meeting inside the
    /// department partnerships sits in, on the solid reporting line and with no dotted
    /// one.
    pub own_manager: bool,
    /// The other teams whose meetings are held with the same counterpart, folded into
    /// this one (`Revenue leadership` takes in `Strategic planning` when both are held
    /// with the CRO; a small company's `Product` takes in `Finance`, both with the
    /// CEO): one meeting per person met, as one dotted line per counterpart. Left
    /// out of JSON and YAML when empty.
    /// Written as the teams' names; each keeps the rule that added it (the chart's
    /// line names it beside `rule`).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    #[schemars(with = "Vec<String>")]
    pub also_with: Vec<Folded<'r>>,
    /// The rule and item it comes from; `None` for an item built by hand.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// A team whose meeting was folded into another held with the same person, and the
/// rule that added it; written as the team's name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Folded<'r> {
    /// The team.
    pub with: &'r Text,
    /// The rule that added its meeting.
    pub rule: &'r Text,
}

impl Serialize for Folded<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.with.serialize(serializer)
    }
}

/// Whom a meeting is held with, as the org chart draws it; written as the title.
#[derive(Debug, Clone, PartialEq)]
pub enum Counterpart<'r> {
    /// A position above the team who heads the team met, by its title (`Head of
    /// Sales`, `Sales team`, or the shared leader's).
    Head(Cow<'r, str>),
    /// A position above the team who stands in for the team met, by its title (the
    /// `CEO` for product in a small company, the owner of revenue for planning).
    StandIn(Cow<'r, str>),
    /// The head of the team met (`Head of Finance`), in a company with heads of
    /// departments beyond sales and marketing.
    HeadOf(&'r Text),
}

impl std::fmt::Display for Counterpart<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Counterpart::Head(title) | Counterpart::StandIn(title) => f.write_str(title),
            Counterpart::HeadOf(team) => write!(f, "Head of {team}"),
        }
    }
}

impl Serialize for Counterpart<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'r> CadenceItem<'r> {
    /// Who the meeting is with, as a report's "With" column says it: the team, and
    /// the person who stands for it when that is not its own head (`Product, with the
    /// CEO` in a company too small for a head of product, as the chart's dotted line
    /// goes to the CEO); a meeting with the department partnerships sits in is the
    /// team's own (`Marketing (own department)`), since the chart draws no dotted
    /// line to the lead's own manager. A meeting that takes in other teams names them
    /// all and the person met (`Revenue leadership and strategic planning, with the
    /// CRO (the lead's manager)`).
    pub fn with_whom(&self) -> Cow<'_, str> {
        let with = self.with.as_str();
        let Some(counterpart) = &self.counterpart else {
            return Cow::Borrowed(with);
        };
        let heads_it = !matches!(counterpart, Counterpart::StandIn(_)) && self.also_with.is_empty();
        let counterpart = counterpart.to_string();
        // A title without what it says in brackets: "COO (owner of the revenue
        // engine)" is the COO.
        let title = counterpart.split(" (").next().unwrap_or(&counterpart);
        let teams = self.teams_phrase();
        match (heads_it, self.own_manager) {
            (true, false) => teams,
            (true, true) => Cow::Owned(format!("{teams} (own department)")),
            (false, false) => Cow::Owned(format!("{teams}, with the {title}")),
            (false, true) => Cow::Owned(format!("{teams}, with the {title} (the lead's manager)")),
        }
    }

    /// Every team the meeting is with: its own, then those folded into it.
    pub fn teams_met(&self) -> impl Iterator<Item = &'r Text> + '_ {
        std::iter::once(self.with).chain(self.also_with.iter().map(|f| f.with))
    }

    /// The rules that added the meeting: its own, then those of the teams folded in.
    pub fn rules(&self) -> impl Iterator<Item = &'r Text> + '_ {
        std::iter::once(self.rule).chain(self.also_with.iter().map(|f| f.rule))
    }

    /// The teams met, in a phrase: `Product`, `Product and finance`, `Sales, product
    /// and finance`; a later team's first letter in lower case unless its name starts
    /// with an acronym (`EMEA sales`).
    fn teams_phrase(&self) -> Cow<'_, str> {
        let Some((last, middle)) = self.also_with.split_last() else {
            return Cow::Borrowed(self.with.as_str());
        };
        let mut out = String::from(self.with.as_str());
        let mut add = |sep: &str, team: &Folded<'_>| {
            let team = team.with.as_str();
            out.push_str(sep);
            let mut chars = team.chars();
            match (chars.next(), chars.next()) {
                (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
                    out.extend(first.to_lowercase());
                    out.push_str(&team[first.len_utf8()..]);
                }
                _ => out.push_str(team),
            }
        };
        for team in middle {
            add(", ", team);
        }
        add(" and ", last);
        Cow::Owned(out)
    }
}
