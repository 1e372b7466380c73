//! Where partnerships reports and why: the placements, their scores, the ranking of
//! the placement pass, and the reasons, fired rules and caveats behind it.

use super::Origin;
use crate::profile::kebab_enum;
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

kebab_enum! {
    /// Where the partnerships team reports.
    Placement {
        /// Under the head of sales.
        Sales => "sales",
        /// Under the head of marketing.
        Marketing => "marketing",
        /// Its own department, reporting to an executive.
        Standalone => "standalone",
        /// Under one leader who runs sales and marketing together.
        CrossFunctional => "cross-functional",
    }
}

impl Placement {
    /// The placement's position in score arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// How a report names the placement.
    pub fn label(self) -> &'static str {
        match self {
            Placement::Sales => "under sales",
            Placement::Marketing => "under marketing",
            Placement::Standalone => "its own department",
            Placement::CrossFunctional => "under a cross-functional leader",
        }
    }
}

/// The result of the placement pass: the scores, what was ruled out, and the winner.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The score of every placement.
    pub scores: Scores,
    /// Placements a fired rule ruled out, sorted.
    pub excluded: Vec<Placement>,
    /// The eligible placement with the highest score (tie-break order on a tie).
    pub placement: Placement,
    /// The best eligible placement after it.
    pub runner_up: Option<Placement>,
    /// The winner's score minus the runner-up's; infinite when nothing else is eligible.
    pub margin: f64,
}

/// The four placement scores.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, JsonSchema)]
pub struct Scores {
    /// Under sales.
    pub sales: f64,
    /// Under marketing.
    pub marketing: f64,
    /// Its own department.
    pub standalone: f64,
    /// Under a cross-functional leader.
    #[serde(rename = "cross-functional")]
    pub cross_functional: f64,
}

impl Scores {
    /// The score of one placement.
    pub fn get(&self, p: Placement) -> f64 {
        match p {
            Placement::Sales => self.sales,
            Placement::Marketing => self.marketing,
            Placement::Standalone => self.standalone,
            Placement::CrossFunctional => self.cross_functional,
        }
    }

    /// Adds to one placement's score.
    pub fn add(&mut self, p: Placement, delta: f64) {
        let slot = match p {
            Placement::Sales => &mut self.sales,
            Placement::Marketing => &mut self.marketing,
            Placement::Standalone => &mut self.standalone,
            Placement::CrossFunctional => &mut self.cross_functional,
        };
        *slot += delta;
    }
}

/// A reason for the placement.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Reason<'r> {
    /// The reason in one sentence.
    pub text: &'r Text,
    /// The rule that gave it.
    pub rule: &'r Text,
    /// Guidance ids.
    pub cites: &'r [Text],
    /// The rule and item it comes from; `None` for an item built by hand.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FiredRule<'r> {
    /// The rule's id.
    pub id: &'r Text,
    /// Guidance ids.
    pub cites: &'r [Text],
    /// What it added, in one line.
    pub effect: &'r Text,
    /// What it added to each score.
    pub scores: &'r BTreeMap<Placement, f64>,
    /// The rule's summary, which a report gives as the reason a placement was ruled out.
    #[serde(skip)]
    pub summary: &'r str,
    /// The placements it ruled out.
    #[serde(skip)]
    pub excludes: &'r [Placement],
    /// The rule and item it comes from; `None` for an item built by hand.
    #[serde(skip)]
    pub origin: Option<Origin>,
}

/// A caveat with its mitigation.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Caveat<'r> {
    /// The risk.
    pub text: &'r Text,
    /// What to do about it.
    pub mitigation: &'r Text,
    /// Guidance ids.
    pub cites: &'r [Text],
    /// The rule and item it comes from; `None` for an item built by hand.
    #[serde(skip)]
    pub origin: Option<Origin>,
}
