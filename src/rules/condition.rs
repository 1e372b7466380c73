//! Rule conditions: typed predicates over the profile (and, for design rules, the
//! placement), loaded from YAML. Evaluating one is a few comparisons
//! (`engine::Facts::holds`).

use crate::assessment::{Placement, Stage};
use crate::profile::{
    Goal, MarketingMaturity, ProgramMaturity, ProgramType, Region, RevenueOwner, kebab_enum,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A typed condition over the profile (and, for design rules, the placement).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// A number compared with a value, e.g. `{field: company.marketing_team, op: "==", value: 0}`.
    Compare(Comparison),
    /// `company.self_serve` equals this.
    SelfServe(bool),
    /// `company.shared_gtm_leader` equals this.
    SharedGtmLeader(bool),
    /// The marketing maturity (with its default filled in) is one of these.
    MarketingMaturity(Vec<MarketingMaturity>),
    /// `program.maturity` is one of these.
    ProgramMaturity(Vec<ProgramMaturity>),
    /// `company.revenue_owner` is one of these.
    RevenueOwner(Vec<RevenueOwner>),
    /// `program.types` includes this type.
    HasType(ProgramType),
    /// `program.planned` includes this type.
    PlansType(ProgramType),
    /// `goals` includes this goal.
    HasGoal(Goal),
    /// `regions` includes this region.
    HasRegion(Region),
    /// The home market (the first region listed) is one of these.
    HomeRegion(Vec<Region>),
    /// The stage used for team design is one of these.
    Stage(Vec<Stage>),
    /// The chosen placement is one of these. Rules that test it run after the
    /// placement is chosen and may not change scores.
    Placement(Vec<Placement>),
}

/// A numeric comparison.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The number to compare.
    pub field: NumberField,
    /// The comparison.
    pub op: Op,
    /// The value compared against.
    pub value: f64,
}

kebab_enum! {
    /// A number taken from the profile.
    NumberField {
        /// `company.employees`.
        #[serde(rename = "company.employees")]
        Employees => "company.employees",
        /// `company.sales_team`.
        #[serde(rename = "company.sales_team")]
        SalesTeam => "company.sales_team",
        /// `company.marketing_team`.
        #[serde(rename = "company.marketing_team")]
        MarketingTeam => "company.marketing_team",
        /// `program.partners`.
        #[serde(rename = "program.partners")]
        Partners => "program.partners",
        /// `program.revenue_share`.
        #[serde(rename = "program.revenue_share")]
        RevenueShare => "program.revenue_share",
        /// `program.team_size`.
        #[serde(rename = "program.team_size")]
        TeamSize => "program.team_size",
        /// How many program types run now.
        #[serde(rename = "program.type_count")]
        TypeCount => "program.type_count",
        /// How many program types are planned.
        #[serde(rename = "program.planned_count")]
        PlannedCount => "program.planned_count",
        /// How many regions are listed.
        #[serde(rename = "regions.count")]
        RegionCount => "regions.count",
    }
}

kebab_enum! {
    /// A comparison operator.
    Op {
        /// Less than.
        #[serde(rename = "<")]
        Lt => "<",
        /// At most.
        #[serde(rename = "<=")]
        Le => "<=",
        /// Equal.
        #[serde(rename = "==")]
        Eq => "==",
        /// Not equal.
        #[serde(rename = "!=")]
        Ne => "!=",
        /// At least.
        #[serde(rename = ">=")]
        Ge => ">=",
        /// More than.
        #[serde(rename = ">")]
        Gt => ">",
    }
}

impl Op {
    /// Applies the operator.
    pub fn holds(self, left: f64, right: f64) -> bool {
        match self {
            Op::Lt => left < right,
            Op::Le => left <= right,
            Op::Eq => left == right,
            Op::Ne => left != right,
            Op::Ge => left >= right,
            Op::Gt => left > right,
        }
    }
}

impl Condition {
    /// Every predicate in the condition (the parts of `all`, `any` and `not`, at any
    /// depth), in the order written.
    pub fn leaves(&self) -> Vec<&Condition> {
        match self {
            Condition::All(list) | Condition::Any(list) => {
                list.iter().flat_map(Condition::leaves).collect()
            }
            Condition::Not(c) => c.leaves(),
            leaf => vec![leaf],
        }
    }

    /// Whether the condition looks at the chosen placement.
    pub fn uses_placement(&self) -> bool {
        match self {
            Condition::All(list) | Condition::Any(list) => list.iter().any(Self::uses_placement),
            Condition::Not(c) => c.uses_placement(),
            Condition::Placement(_) => true,
            _ => false,
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn list<T: fmt::Display>(items: &[T]) -> String {
            items
                .iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(" or ")
        }
        fn group(f: &mut fmt::Formatter<'_>, items: &[Condition], sep: &str) -> fmt::Result {
            let parts: Vec<String> = items.iter().map(|c| format!("{c}")).collect();
            write!(f, "({})", parts.join(sep))
        }
        match self {
            Condition::All(items) => group(f, items, " and "),
            Condition::Any(items) => group(f, items, " or "),
            Condition::Not(c) => write!(f, "not {c}"),
            Condition::Compare(c) => write!(f, "{} {} {}", c.field, c.op, c.value),
            Condition::SelfServe(b) => write!(f, "company.self_serve is {b}"),
            Condition::SharedGtmLeader(b) => write!(f, "company.shared_gtm_leader is {b}"),
            Condition::MarketingMaturity(v) => {
                write!(f, "company.marketing_maturity is {}", list(v))
            }
            Condition::ProgramMaturity(v) => write!(f, "program.maturity is {}", list(v)),
            Condition::RevenueOwner(v) => write!(f, "company.revenue_owner is {}", list(v)),
            Condition::HasType(t) => write!(f, "program.types has {t}"),
            Condition::PlansType(t) => write!(f, "program.planned has {t}"),
            Condition::HasGoal(g) => write!(f, "goals has {g}"),
            Condition::HasRegion(r) => write!(f, "regions has {r}"),
            Condition::HomeRegion(v) => write!(f, "home region is {}", list(v)),
            Condition::Stage(v) => write!(f, "stage is {}", list(v)),
            Condition::Placement(v) => write!(f, "placement is {}", list(v)),
        }
    }
}
