//! Rule conditions: typed predicates over the profile (and, for design rules, the
//! placement), loaded from YAML. Evaluating one is a few comparisons
//! (`engine::Facts::holds`).

use crate::assessment::{Placement, Stage};
use crate::profile::{
    Field, Goal, MarketingMaturity, ProgramMaturity, ProgramType, Region, RevenueOwner, kebab_enum,
};
use crate::text::Text;
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
    /// The named condition of the rulebook's `conditions` holds, e.g.
    /// `{is: nobody-sells-self-serve}`.
    Is(Named),
}

/// A reference to one of the rulebook's named conditions (`conditions:`), written as
/// its name. Loading the rulebook resolves it: from then on it carries the condition
/// it names (itself resolved), so that the engine compiles it in place and pays
/// nothing for the name. A reference that was never resolved (a rule built in code,
/// outside a rulebook) never holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The name, kebab-case.
    pub name: Text,
    resolved: Option<Box<Condition>>,
}

impl Named {
    /// A reference to the condition with this name, not yet resolved.
    pub fn new(name: impl Into<Text>) -> Named {
        Named {
            name: name.into(),
            resolved: None,
        }
    }

    /// The condition the name stands for, once the rulebook is loaded.
    pub fn condition(&self) -> Option<&Condition> {
        self.resolved.as_deref()
    }

    /// Records the condition the name stands for.
    pub(crate) fn resolve(&mut self, condition: Condition) {
        self.resolved = Some(Box::new(condition));
    }
}

impl Serialize for Named {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.name.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Named {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Text::deserialize(d).map(Named::new)
    }
}

/// A kebab-case name: lowercase letters, digits and '-', as rule ids and the names of
/// conditions are written.
pub(crate) fn is_kebab(name: &str) -> bool {
    !name.is_empty()
        && (name.chars()).all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What the JSON Schema says of a kebab-case name.
pub(crate) const KEBAB_PATTERN: &str = "^[a-z0-9-]+$";

impl JsonSchema for Named {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ConditionName".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "The name of one of the rulebook's `conditions`, kebab-case.",
            "type": "string",
            "pattern": KEBAB_PATTERN,
        })
    }
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

/// A number taken from the profile: a count or the revenue share, or how many items a
/// list holds. Written as the field path, e.g. `company.marketing_team`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberField {
    /// A count or the revenue share ([`Field::number`]).
    Answer(Field),
    /// How many program types run now.
    TypeCount,
    /// How many program types are planned.
    PlannedCount,
    /// How many regions are listed.
    RegionCount,
}

impl NumberField {
    /// Every number a condition can compare, in profile order.
    pub fn all() -> Vec<NumberField> {
        let answers = Field::ALL.into_iter().filter(|f| {
            matches!(
                f.kind(),
                crate::profile::Kind::Count { .. } | crate::profile::Kind::Share
            )
        });
        answers
            .map(NumberField::Answer)
            .chain([
                NumberField::TypeCount,
                NumberField::PlannedCount,
                NumberField::RegionCount,
            ])
            .collect()
    }

    /// The name a rulebook writes.
    pub fn as_str(self) -> &'static str {
        match self {
            NumberField::Answer(f) => f.path(),
            NumberField::TypeCount => "program.type_count",
            NumberField::PlannedCount => "program.planned_count",
            NumberField::RegionCount => "regions.count",
        }
    }

    /// The answer the number comes from.
    pub fn field(self) -> Field {
        match self {
            NumberField::Answer(f) => f,
            NumberField::TypeCount => Field::Types,
            NumberField::PlannedCount => Field::Planned,
            NumberField::RegionCount => Field::Regions,
        }
    }
}

impl fmt::Display for NumberField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for NumberField {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for NumberField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        let all = NumberField::all();
        all.iter()
            .find(|n| n.as_str() == name)
            .copied()
            .ok_or_else(|| {
                let names: Vec<&'static str> = all.iter().map(|n| n.as_str()).collect();
                // serde's own wording, which the loader's hints read.
                serde::de::Error::unknown_variant(&name, names.leak())
            })
    }
}

impl JsonSchema for NumberField {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NumberField".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = NumberField::all().iter().map(|n| n.as_str()).collect();
        schemars::json_schema!({
            "description": "A number taken from the profile, by its field path; `program.type_count`, `program.planned_count` and `regions.count` count the items of a list.",
            "type": "string",
            "enum": names,
        })
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
    /// Every predicate in the condition (the parts of `all`, `any` and `not`, and of
    /// the named conditions it refers to, at any depth), in the order written.
    pub fn leaves(&self) -> Vec<&Condition> {
        match self {
            Condition::All(list) | Condition::Any(list) => {
                list.iter().flat_map(Condition::leaves).collect()
            }
            Condition::Not(c) => c.leaves(),
            Condition::Is(named) => named.condition().map_or_else(Vec::new, Self::leaves),
            leaf => vec![leaf],
        }
    }

    /// Whether the condition looks at the chosen placement.
    pub fn uses_placement(&self) -> bool {
        match self {
            Condition::All(list) | Condition::Any(list) => list.iter().any(Self::uses_placement),
            Condition::Not(c) => c.uses_placement(),
            Condition::Is(named) => named.condition().is_some_and(Self::uses_placement),
            Condition::Placement(_) => true,
            _ => false,
        }
    }

    /// The names of the named conditions the condition refers to itself (not those
    /// they refer to in turn), in the order written.
    pub fn names(&self) -> Vec<&Text> {
        match self {
            Condition::All(list) | Condition::Any(list) => {
                list.iter().flat_map(Condition::names).collect()
            }
            Condition::Not(c) => c.names(),
            Condition::Is(named) => vec![&named.name],
            _ => Vec::new(),
        }
    }

    /// Fills in each reference to a named condition, at any depth, with what
    /// `resolve` gives for its name.
    pub(crate) fn resolve_names<E>(
        &mut self,
        resolve: &mut impl FnMut(&Text) -> Result<Condition, E>,
    ) -> Result<(), E> {
        match self {
            Condition::All(list) | Condition::Any(list) => {
                for c in list {
                    c.resolve_names(resolve)?;
                }
            }
            Condition::Not(c) => c.resolve_names(resolve)?,
            Condition::Is(named) => {
                let condition = resolve(&named.name)?;
                named.resolve(condition);
            }
            _ => {}
        }
        Ok(())
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
            Condition::SelfServe(b) => write!(f, "{} is {b}", Field::SelfServe),
            Condition::SharedGtmLeader(b) => write!(f, "{} is {b}", Field::SharedGtmLeader),
            Condition::MarketingMaturity(v) => {
                write!(f, "{} is {}", Field::MarketingMaturity, list(v))
            }
            Condition::ProgramMaturity(v) => write!(f, "{} is {}", Field::Maturity, list(v)),
            Condition::RevenueOwner(v) => write!(f, "{} is {}", Field::RevenueOwner, list(v)),
            Condition::HasType(t) => write!(f, "{} has {t}", Field::Types),
            Condition::PlansType(t) => write!(f, "{} has {t}", Field::Planned),
            Condition::HasGoal(g) => write!(f, "{} has {g}", Field::Goals),
            Condition::HasRegion(r) => write!(f, "{} has {r}", Field::Regions),
            Condition::HomeRegion(v) => write!(f, "home region is {}", list(v)),
            Condition::Stage(v) => write!(f, "stage is {}", list(v)),
            Condition::Placement(v) => write!(f, "placement is {}", list(v)),
            Condition::Is(named) => f.write_str(&named.name),
        }
    }
}
