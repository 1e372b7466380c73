//! The vocabulary of a recommendation (placement, stage, role status, scores, the
//! ranking and the trace) and the assessment: what the engine concludes for one
//! profile. Its JSON form is the contract of `advise --format json` (README, "JSON
//! output").
//!
//! Owns the types the engine fills in and every renderer reads; depends only on
//! `profile` and `text`, never on `rules`, `render` or the binary.

mod confidence;
mod org;
mod trace;

pub use confidence::{ConfidenceLabel, Standing};
pub use org::{Alignment, GtmTeams, OrgModel, Position, PositionKind};
pub use trace::{Check, Contest, Difference, Pass, RuleTrace, RuledOut, ScoreSum, Term, Trace};

use crate::guidance::Citations;
use crate::profile::{Change, ProgramMaturity, Source, kebab_enum};
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::borrow::Cow;
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

kebab_enum! {
    /// Ecosystem maturity used for team design.
    Stage {
        /// A few partners, one person or a small team of generalists.
        Early => "early",
        /// Specialists appear.
        Mid => "mid",
        /// A matrix by function and partner segment.
        Scale => "scale",
    }
}

impl Stage {
    /// The stage a program is at: `none` and `launching` are early, `established` is
    /// mid, `scaling` is scale.
    pub fn of(maturity: ProgramMaturity) -> Stage {
        match maturity {
            ProgramMaturity::None | ProgramMaturity::Launching => Stage::Early,
            ProgramMaturity::Established => Stage::Mid,
            ProgramMaturity::Scaling => Stage::Scale,
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

/// Whether a role is filled, the next hire, or for later.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RoleStatus {
    /// Someone does this today.
    Current,
    /// To hire now: a role the current stage needs, one or two at a time (one for a
    /// team of up to three), and the leads that keep anyone from managing more than
    /// eight people (see [`HireTiming::Span`]).
    Next,
    /// To hire later: at a later stage, or once the next hires are in place.
    Later,
}

impl RoleStatus {
    /// The status as written in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleStatus::Current => "current",
            RoleStatus::Next => "next",
            RoleStatus::Later => "later",
        }
    }
}

/// A role of the partnerships team.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Role<'r> {
    /// Job title.
    pub title: &'r Text,
    /// Filled, next or later.
    pub status: RoleStatus,
    /// The stage at which the role is usually needed.
    pub stage: Stage,
    /// What the role does.
    pub responsibilities: &'r Text,
    /// When to hire: the trigger the rule gives. For a role in place (`current`) the
    /// reports say "in place" and what it covers instead.
    pub hire_when: &'r Text,
    /// The rule that added it.
    pub rule: &'r Text,
    /// Guidance ids.
    pub cites: &'r [Text],
    /// Titles of the roles it reports to once they are hired, first choice first.
    #[serde(skip)]
    pub reports_to: &'r [Text],
    /// People beyond the team's roles hold more of it (the rulebook's `more_of`).
    #[serde(skip)]
    pub more_of: bool,
    /// The managers the people beyond the roles who hold more of it are spread over
    /// (the rulebook's `more_under`).
    #[serde(skip)]
    pub more_under: &'r [Text],
    /// Hired only once this many reports are in place or hired now (the rulebook's
    /// `leads_at_least`).
    #[serde(skip)]
    pub leads_at_least: u32,
    /// The rule and item it comes from; `None` for an item built by hand.
    #[serde(skip)]
    pub origin: Option<Origin>,
    /// The role of the evaluation before (by rulebook item) that this one seats: a
    /// person in place under this title, or a plan carried as this role (the
    /// roadmap's next stage, a `diff` of one company). Set where the people and plans
    /// are seated, so that what the roadmap says of them is where they sit.
    #[serde(skip)]
    pub seats: Option<Origin>,
    /// The trigger is met whenever the rule gives the role (the rulebook's `due`).
    #[serde(skip)]
    pub due: bool,
    /// Why it is hired sooner or later than its trigger alone says; absent when
    /// nothing but the trigger and the hiring pace decides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<HireTiming>,
}

/// Why a role is hired sooner, or waits longer, than its trigger says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HireTiming {
    /// Hired now beyond the one or two hires at a time: the people it leads would
    /// otherwise make more than eight direct reports for their manager (E3, G1).
    Span,
    /// Its trigger is met, but it waits for the hires now: the team hires one or two
    /// at a time (T4).
    Pace,
    /// Its trigger is met, but the role belongs to a later stage (its `stage`).
    Stage,
}

impl HireTiming {
    /// The timing as JSON writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            HireTiming::Span => "span",
            HireTiming::Pace => "pace",
            HireTiming::Stage => "stage",
        }
    }
}

impl Role<'_> {
    /// When to hire it, as the reports say: the trigger, and why it is hired sooner
    /// or later than the trigger alone says (`timing`).
    pub fn when_to_hire(&self) -> Cow<'_, str> {
        match self.timing {
            None => Cow::Borrowed(self.hire_when.as_str()),
            Some(HireTiming::Span) => Cow::Borrowed(
                "now as well, though the team hires one or two at a time: without this \
                 lead someone would have more than eight direct reports",
            ),
            Some(HireTiming::Pace) => Cow::Owned(format!(
                "{}; it waits for the hires now, as the team hires one or two at a time",
                self.hire_when
            )),
            Some(HireTiming::Stage) => Cow::Owned(format!(
                "{}; from the {} stage",
                self.hire_when,
                self.stage.as_str()
            )),
        }
    }
}

/// The people on the team beyond its roles, and where they work.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct BeyondRoles<'r> {
    /// How many: `program.team_size` less the roles.
    pub people: u32,
    /// The role they hold more of (a title in `roles`); `null` when the rulebook marks
    /// none.
    pub role: Option<&'r Text>,
    /// The title of the position they report to: that role's manager, else the
    /// partnerships lead.
    pub reports_to: String,
    /// What the reports say of them.
    pub text: String,
    /// Guidance ids (the role's).
    pub cites: &'r [Text],
}

/// A PartnerOps function.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PartnerOpsFunction<'r> {
    /// The function.
    pub function: &'r Text,
    /// Who owns it: a position in place at this stage, or the partnerships lead
    /// until the planned owner is hired.
    pub owner: Cow<'r, Text>,
    /// What it covers.
    pub covers: &'r Text,
    /// The rule that added it.
    pub rule: &'r Text,
    /// Guidance ids.
    pub cites: &'r [Text],
    /// The rule and item it comes from; `None` for an item built by hand.
    #[serde(skip)]
    pub origin: Option<Origin>,
    /// The role that holds it (an index into the assessment's `roles`; 0 is the
    /// lead, also when the rulebook added no roles), as `org::model::settle` decided.
    #[serde(skip)]
    pub holder: usize,
}

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

/// A measure to track.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Kpi<'r> {
    /// The measure.
    pub name: &'r Text,
    /// Why it matters.
    pub why: &'r Text,
    /// The rule that added it.
    pub rule: &'r Text,
    /// Guidance ids.
    pub cites: &'r [Text],
    /// The rule and item it comes from; `None` for an item built by hand.
    #[serde(skip)]
    pub origin: Option<Origin>,
}
