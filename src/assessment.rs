//! The vocabulary of a recommendation and the assessment: what the engine concludes
//! for one profile. Its JSON form is the contract of `advise --format json` (README,
//! "JSON output").
//!
//! Owns the types the engine fills in and every renderer reads; depends only on
//! `profile` and `text`, never on `rules`, `render` or the binary. This file holds
//! the [`Assessment`] and the [`Origin`] of its items; the rest is re-exported from
//! - `placement`: where partnerships reports, the scores and ranking, the reasons,
//!   fired rules and caveats;
//! - `confidence`: how sure the placement is, in words;
//! - `design`: the stage, the roles, the people beyond them, PartnerOps and KPIs;
//! - `cadence`: the recurring meetings and whom each is held with;
//! - `org`: the org model's positions and alignment lines;
//! - `trace`: the trace of one evaluation (`advise --explain`).

mod cadence;
mod confidence;
mod design;
mod org;
mod placement;
mod trace;

pub use cadence::{CadenceItem, Counterpart, Folded};
pub use confidence::{ConfidenceLabel, Standing};
pub use design::{
    BeyondGroup, BeyondRoles, HireTiming, Kpi, PartnerOpsFunction, Role, RoleStatus, Stage,
};
pub use org::{Alignment, GtmTeams, OrgModel, Position, PositionKind};
pub use placement::{Caveat, FiredRule, Placement, Ranking, Reason, Scores};
pub use trace::{Check, Contest, Difference, Pass, RuleTrace, RuledOut, ScoreSum, Term, Trace};

use crate::guidance::Citations;
use crate::profile::{Change, Source};
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;

/// The recommendation for one profile.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Assessment<'r> {
    /// Where the profile came from.
    pub source: Source,
    /// The profile's name.
    pub profile: String,
    /// Where partnerships should report.
    pub placement: Placement,
    /// The executive title the partnerships lead reports to.
    pub reports_to: &'r Text,
    /// 0..1, from the margin between the top two eligible scores.
    pub confidence: f64,
    /// The confidence in words, as every report says it.
    pub confidence_label: ConfidenceLabel,
    /// The answers `--set` changed before the evaluation, in the order given; empty
    /// when none did.
    pub overrides: Vec<Change>,
    /// The score of every placement.
    pub scores: Scores,
    /// The best eligible placement after the chosen one.
    pub runner_up: Option<Placement>,
    /// The top eligible scores were equal and the rulebook's `tie_break` order decided.
    pub tie: bool,
    /// Placements a rule ruled out.
    pub excluded: Vec<Placement>,
    /// Why this placement, from the rules that supported it.
    pub reasons: Vec<Reason<'r>>,
    /// Every rule that fired, in evaluation order.
    pub rules: Vec<FiredRule<'r>>,
    /// Risks of the recommendation and how to mitigate them.
    pub caveats: Vec<Caveat<'r>>,
    /// Ecosystem maturity used for team design.
    pub stage: Stage,
    /// The team in hiring order.
    pub roles: Vec<Role<'r>>,
    /// The people on the team beyond its roles and where they work; `null` when
    /// `program.team_size` is no more than the roles.
    pub beyond_roles: Option<BeyondRoles<'r>>,
    /// PartnerOps functions and their owners.
    pub partnerops: Vec<PartnerOpsFunction<'r>>,
    /// Recurring alignment with other teams.
    pub cadence: Vec<CadenceItem<'r>>,
    /// Measures to track.
    pub kpis: Vec<Kpi<'r>>,
    /// Every guidance point the assessment cites (the rules that fired cite them), in
    /// catalogue order: `[{id, statement}]`.
    #[schemars(with = "Vec<crate::guidance::Source>")]
    pub sources: Citations,
    /// The full trace of the evaluation (`advise --explain`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Box<Trace>>,
    /// The company's go-to-market teams, which the org model (`OrgModel::of`) places
    /// heads for; not part of the JSON contract.
    #[serde(skip)]
    pub teams: GtmTeams,
}

/// Where an item of an assessment comes from: the index of its rule in the rulebook,
/// and its place among that rule's items of its kind (0 for a rule's one reason or
/// caveat). A renderer that works something out once per rule item (NDJSON) keys it
/// by this. The org model may settle an item's owner, topics or frequency for the
/// profile; the item keeps its origin, and such a renderer writes those texts as the
/// item holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// The rule's index in the rulebook.
    pub rule: u32,
    /// The item's index among the rule's items of its kind.
    pub item: u32,
}

impl Origin {
    /// Item `item` of rule `rule`.
    pub fn new(rule: usize, item: usize) -> Origin {
        // A rulebook is capped far below 4 billion rules or items.
        Origin {
            rule: rule as u32,
            item: item as u32,
        }
    }
}
