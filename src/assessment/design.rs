//! The design of the partnerships team: the stage it is designed for, its roles and
//! when to hire them, the people beyond its roles, the PartnerOps functions and the
//! KPIs.

use super::Origin;
use crate::profile::{ProgramMaturity, kebab_enum};
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::borrow::Cow;

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
    /// Guidance ids: those of every role the text names, in the order first named.
    pub cites: Cow<'r, [Text]>,
    /// Every group of them: how many hold which role, reporting to whom (the first
    /// is the one `role` and `reports_to` above name; people of one role
    /// can be spread over several managers, and people of several roles held).
    pub groups: Vec<BeyondGroup<'r>>,
}

/// People beyond the roles who hold one role and report to one manager.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct BeyondGroup<'r> {
    /// How many.
    pub people: u32,
    /// The role they hold (a title in `roles`); `null` when the rulebook marks none.
    pub role: Option<&'r Text>,
    /// The title of the position they report to.
    pub reports_to: String,
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
