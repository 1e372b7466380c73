//! The rulebook: rules as data, loaded from YAML and validated with line and column.
//!
//! `rules/default.yaml` is embedded in the binary; `--rules FILE` replaces it. A rule
//! has an `id`, the guidance points it `cites`, a typed condition `when`, and effects
//! `then`. Conditions are Rust enums, not an expression language, so evaluating one is
//! a few comparisons.

use crate::assessment::{Placement, Stage};
use crate::guidance;
use crate::profile::{
    Document, Field, Goal, InputError, MarketingMaturity, ProgramMaturity, ProgramType, Region,
    RevenueOwner, kebab_enum,
};
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

pub mod domain;
pub mod engine;
pub mod explain;
pub mod fixtures;
pub mod lint;

/// The default rulebook's YAML, as shipped in `rules/default.yaml`.
pub const DEFAULT_RULEBOOK: &str = include_str!("../../rules/default.yaml");
/// The path shown in messages about the embedded rulebook.
pub const DEFAULT_RULEBOOK_PATH: &str = "rules/default.yaml";

/// A whole rulebook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rulebook {
    /// Rulebook format version; 1.
    pub version: u32,
    /// Who the partnerships lead reports to, for each placement. A fired rule's
    /// `reports_to` effect overrides it.
    pub reports_to: ReportsTo,
    /// How a tie between the top scores is broken: the first listed wins. Must list
    /// all four placements.
    pub tie_break: Vec<Placement>,
    /// The rules, in evaluation order.
    pub rules: Vec<Rule>,
}

/// The executive title for each placement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportsTo {
    /// When the placement is sales.
    pub sales: Text,
    /// When the placement is marketing.
    pub marketing: Text,
    /// When partnerships is its own department.
    pub standalone: Text,
    /// When partnerships reports to a cross-functional leader.
    #[serde(rename = "cross-functional")]
    pub cross_functional: Text,
}

impl ReportsTo {
    /// The title for a placement.
    pub fn get(&self, placement: Placement) -> &Text {
        match placement {
            Placement::Sales => &self.sales,
            Placement::Marketing => &self.marketing,
            Placement::Standalone => &self.standalone,
            Placement::CrossFunctional => &self.cross_functional,
        }
    }
}

/// One rule.
///
/// What follows from a rule (whether it tests the placement, its effect line, the JSON
/// of what it adds) is worked out the first time it is evaluated; change a rule
/// before that, or change a clone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Unique id, kebab-case, e.g. `referral-reseller-to-sales`.
    pub id: Text,
    /// One line saying what the rule does.
    pub summary: String,
    /// The guidance ids (GUIDANCE.md) the rule encodes; at least one.
    pub cites: Vec<Text>,
    /// When the rule fires; absent means always.
    #[serde(default, with = "yaml_serde::with::singleton_map_recursive")]
    #[schemars(with = "Option<Condition>")]
    pub when: Option<Condition>,
    /// What the rule adds when it fires.
    pub then: Effects,
    /// What the engine asks of the rule for every profile, worked out once.
    #[serde(skip)]
    derived: Cache,
}

/// The parts of a rule that follow from the others.
#[derive(Debug, Clone)]
struct Derived {
    design: bool,
    cited: crate::guidance::Citations,
    effect: Text,
    json: engine::Fragments,
}

/// [`Derived`], filled in on first use. Not part of a rule's identity: a rule equals
/// another whether or not either has been used yet. A clone starts empty, so a copy
/// of a rule can be changed before it is used.
#[derive(Debug, Default)]
struct Cache(OnceLock<Derived>);

impl Clone for Cache {
    fn clone(&self) -> Cache {
        Cache::default()
    }
}

impl PartialEq for Cache {
    fn eq(&self, _: &Cache) -> bool {
        true
    }
}

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

impl Rule {
    fn derived(&self) -> &Derived {
        self.derived.0.get_or_init(|| {
            let effect = Text::from(self.then.describe());
            Derived {
                design: self.when.as_ref().is_some_and(Condition::uses_placement),
                cited: crate::guidance::Citations::of(self.cites.iter().map(|c| c.as_str())),
                json: engine::Fragments::of(self, &effect),
                effect,
            }
        })
    }

    /// Whether the rule is a design rule: its condition tests the chosen placement, so
    /// it runs in the second pass and may not change scores.
    pub fn is_design(&self) -> bool {
        self.derived().design
    }

    /// The guidance points the rule cites, as a set.
    pub fn cited(&self) -> crate::guidance::Citations {
        self.derived().cited
    }

    /// What the rule adds, in one line ([`Effects::describe`]).
    pub fn effect(&self) -> &Text {
        &self.derived().effect
    }

    /// The JSON of what the rule adds to an assessment.
    fn fragments(&self) -> &engine::Fragments {
        &self.derived().json
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
        }
    }
}

/// What a rule adds when it fires.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effects {
    /// Points added to (or, when negative, taken from) placements.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<Placement, f64>,
    /// Placements that cannot be chosen when this rule fires.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude: Vec<Placement>,
    /// Why, in one sentence, shown among the reasons for the placement it supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Text>,
    /// Overrides who the partnerships lead reports to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<Text>,
    /// A risk of the recommendation and how to mitigate it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<CaveatSpec>,
    /// Roles for the team.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleSpec>,
    /// PartnerOps functions and who owns them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partnerops: Vec<PartnerOpsSpec>,
    /// Recurring alignment with other teams.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cadence: Vec<CadenceSpec>,
    /// Measures to track.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<KpiSpec>,
}

impl Effects {
    /// Whether the rule changes anything at all.
    pub fn is_empty(&self) -> bool {
        *self == Effects::default()
    }

    /// A one-line summary of the effects, for `--explain` and the `rules` list.
    pub fn describe(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::with_capacity(64);
        let mut part = |args: fmt::Arguments<'_>| {
            if !out.is_empty() {
                out.push_str("; ");
            }
            let _ = out.write_fmt(args);
        };
        for (p, d) in &self.scores {
            part(format_args!("{p} {}", signed(*d)));
        }
        for p in &self.exclude {
            part(format_args!("excludes {p}"));
        }
        if let Some(r) = &self.reports_to {
            part(format_args!("reports to {r}"));
        }
        if self.reason.is_some() {
            part(format_args!("reason"));
        }
        if self.caveat.is_some() {
            part(format_args!("caveat"));
        }
        for r in &self.roles {
            part(format_args!("role: {}", r.title));
        }
        for p in &self.partnerops {
            part(format_args!("partnerops: {}", p.function));
        }
        for c in &self.cadence {
            part(format_args!("cadence: {}", c.with));
        }
        for k in &self.kpis {
            part(format_args!("kpi: {}", k.name));
        }
        out
    }
}

/// A number with its sign, without a needless `.0`.
pub fn signed(value: f64) -> String {
    if value >= 0.0 {
        format!("+{}", number(value))
    } else {
        number(value)
    }
}

/// A score as a report shows it: whole numbers without decimals, others with up to two.
pub fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    }
}

/// A caveat as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaveatSpec {
    /// The risk.
    pub text: Text,
    /// What to do about it.
    pub mitigation: Text,
}

/// A role as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleSpec {
    /// Job title; roles with the same title are merged (the first wins).
    pub title: Text,
    /// Hiring rank: lower is hired earlier.
    pub order: u32,
    /// The stage at which the role is usually needed; roles of later stages than the
    /// program's are `later`.
    pub stage: Stage,
    /// What the role does.
    pub responsibilities: Text,
    /// The signal that it is time to hire.
    pub hire_when: Text,
}

/// A PartnerOps function as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartnerOpsSpec {
    /// The function, e.g. `Program operations`; the first rule to name it wins.
    pub function: Text,
    /// Who owns it at this stage.
    pub owner: Text,
    /// What it covers.
    pub covers: Text,
    /// The guidance ids behind this one function, when the rule cites several
    /// (each must be among the rule's `cites`); default: the rule's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<Text>,
}

/// A cadence item as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CadenceSpec {
    /// The team to align with; the first rule to name it wins.
    pub with: Text,
    /// What to cover.
    pub topics: Text,
    /// How often, e.g. `weekly`.
    pub frequency: Text,
}

/// A KPI as a rule states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiSpec {
    /// The measure; the first rule to name it wins.
    pub name: Text,
    /// Why it matters here.
    pub why: Text,
}

impl Rulebook {
    /// The embedded default rulebook, parsed on first use. Assessments borrow their
    /// texts from the rulebook, so one that lives as long as the program is handy.
    pub fn default_rules() -> &'static Rulebook {
        static DEFAULT: OnceLock<Rulebook> = OnceLock::new();
        DEFAULT.get_or_init(|| {
            Rulebook::parse(DEFAULT_RULEBOOK_PATH, DEFAULT_RULEBOOK)
                .unwrap_or_else(|e| panic!("the embedded rulebook is invalid: {e}"))
        })
    }

    /// Parses and validates a rulebook.
    pub fn parse(path: &str, text: &str) -> Result<Rulebook, InputError> {
        let doc = Document::whole(path, text);
        // Rulebooks are written in the same YAML subset as profiles.
        crate::profile::check_subset(&doc)?;
        let book: Rulebook = yaml_serde::from_str(text).map_err(|e| doc.yaml_error(&e))?;
        book.validate(&doc)?;
        Ok(book)
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    fn validate(&self, doc: &Document<'_>) -> Result<(), InputError> {
        let at = |rule: &str, needle: &str, message: String, help: String| {
            let (line, column) = locate_in_rule(doc.text, rule, needle);
            Err(doc.error_at(line, column, None, message, Some(help)))
        };
        if self.version != 1 {
            let (line, column) = locate_in_rule(doc.text, "", "version");
            return Err(doc.error_at(
                line,
                column,
                Some("version".into()),
                format!("unsupported rulebook version {}", self.version),
                Some("this release reads rulebook version 1".into()),
            ));
        }
        let mut order = self.tie_break.clone();
        order.sort();
        order.dedup();
        if order.len() != Placement::ALL.len() || self.tie_break.len() != order.len() {
            return at(
                "",
                "tie_break",
                "tie_break must list each of the four placements once".into(),
                "e.g. `tie_break: [standalone, sales, marketing, cross-functional]`".into(),
            );
        }
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.id.is_empty()
                || !rule
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                return at(
                    &rule.id,
                    "id",
                    format!("rule id '{}' is not kebab-case", rule.id),
                    "use lowercase letters, digits and '-'".into(),
                );
            }
            if self.rules[..i].iter().any(|r| r.id == rule.id) {
                return at(
                    &rule.id,
                    "id",
                    format!("rule id '{}' is used twice", rule.id),
                    "give each rule its own id".into(),
                );
            }
            if rule.cites.is_empty() {
                return at(
                    &rule.id,
                    "cites",
                    format!("rule '{}' cites no guidance", rule.id),
                    "list the guidance ids it encodes, e.g. `cites: [S1]`".into(),
                );
            }
            for cite in &rule.cites {
                if guidance::point(cite).is_none() {
                    let ids: Vec<&str> = guidance::POINTS.iter().map(|p| p.id).collect();
                    let help = match crate::profile::closest(cite, &ids) {
                        Some(best) => format!("did you mean '{best}'? (`partner-org rules list` shows the ids)"),
                        None => "guidance ids run S1..S5, M1..M4, D1..D7, C1..C2, T1..T4, P1..P5, R1..R4, X1..X3, G1..G2, E1..E4".into(),
                    };
                    return at(
                        &rule.id,
                        cite,
                        format!("rule '{}' cites unknown guidance id '{cite}'", rule.id),
                        help,
                    );
                }
            }
            for f in &rule.then.partnerops {
                if let Some(bad) = f.cites.iter().find(|c| !rule.cites.contains(c)) {
                    return at(
                        &rule.id,
                        &f.function,
                        format!(
                            "partnerops '{}' cites '{bad}', which rule '{}' does not cite",
                            f.function, rule.id
                        ),
                        "an item's cites must be among its rule's cites".into(),
                    );
                }
            }
            if rule.then.is_empty() {
                return at(
                    &rule.id,
                    "then",
                    format!("rule '{}' has no effect", rule.id),
                    "give it scores, a reason, a caveat, roles, cadence or KPIs, or remove it"
                        .into(),
                );
            }
            if rule.is_design() && (!rule.then.scores.is_empty() || !rule.then.exclude.is_empty()) {
                return at(
                    &rule.id,
                    "placement",
                    format!(
                        "rule '{}' tests the placement and also changes scores",
                        rule.id
                    ),
                    "a rule that tests the placement runs after it is chosen: split it in two"
                        .into(),
                );
            }
        }
        Ok(())
    }
}

/// Where `needle` first appears after the rule with this id (or from the top when
/// `rule` is empty), as a 1-based line and column.
fn locate_in_rule(text: &str, rule: &str, needle: &str) -> (usize, usize) {
    let start = if rule.is_empty() {
        0
    } else {
        text.find(&format!("id: {rule}")).unwrap_or(0)
    };
    let at = text[start..].find(needle).map_or(start, |i| start + i);
    crate::profile::line_column(text, at)
}

#[cfg(test)]
mod tests;
