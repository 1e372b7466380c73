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
    /// The rule and item it comes from; `None` for an item built by hand.
    #[serde(skip)]
    pub origin: Option<Origin>,
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

impl CadenceItem<'_> {
    /// Who the meeting is with, as a report's "With" column says it: the team, and
    /// the person who stands for it when that is not its own head (`Product, with the
    /// CEO` in a company too small for a head of product, as the chart's dotted line
    /// goes to the CEO); a meeting with the department partnerships sits in is the
    /// team's own (`Marketing (own department)`), since the chart draws no dotted
    /// line to the lead's own manager.
    pub fn with_whom(&self) -> Cow<'_, str> {
        let with = self.with.as_str();
        let Some(counterpart) = &self.counterpart else {
            return Cow::Borrowed(with);
        };
        let heads_it = !matches!(counterpart, Counterpart::StandIn(_));
        let counterpart = counterpart.to_string();
        // A title without what it says in brackets: "COO (owner of the revenue
        // engine)" is the COO.
        let title = counterpart.split(" (").next().unwrap_or(&counterpart);
        match (heads_it, self.own_manager) {
            (true, false) => Cow::Borrowed(with),
            (true, true) => Cow::Owned(format!("{with} (own department)")),
            (false, false) => Cow::Owned(format!("{with}, with the {title}")),
            (false, true) => Cow::Owned(format!("{with}, with the {title} (the lead's manager)")),
        }
    }
}
