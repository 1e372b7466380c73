//! The rulebook: rules as data, loaded from YAML and validated with line and column.
//!
//! `rules/default.yaml` is embedded in the binary; `--rules FILE` replaces it. A rule
//! has an `id`, the guidance points it `cites`, a typed condition `when`, and effects
//! `then`. Conditions are Rust enums, not an expression language, so evaluating one is
//! a few comparisons.
//!
//! Owns the rulebook types ([`condition`](Condition), [`effects`](Effects)), loading
//! and validation, the pure engine, the explain trace, the lint and the fixtures
//! judge. Depends on `profile`, `assessment`, `text` and `guidance`; must not depend on
//! `analysis`, `render`, `batch` or the binary, and reads no files.

use crate::assessment::Placement;
use crate::guidance;
use crate::profile::{Document, InputError, Remedy};
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

mod compiled;
mod condition;
mod derived;
pub mod domain;
mod effects;
pub mod engine;
pub mod explain;
pub mod fixtures;
mod hiring;
pub mod lint;
pub mod seats;

pub use condition::{Comparison, Condition, Named, NumberField, Op};
use derived::Cache;
pub use effects::{
    CadenceSpec, CaveatSpec, Effects, KpiSpec, PartnerOpsSpec, RoleSpec, number, signed,
};

/// The default rulebook's YAML, as shipped in `rules/default.yaml`.
pub const DEFAULT_RULEBOOK: &str = include_str!("../../rules/default.yaml");
/// The default rulebook as JSON, converted from [`DEFAULT_RULEBOOK`] at build time
/// (`build.rs`): it loads some 50 times faster than the YAML.
const DEFAULT_RULEBOOK_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/default-rulebook.json"));
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
    /// Named conditions, by kebab-case name: a condition (written as `when` is) that
    /// a rule's `when`, or another named condition, uses as `{is: NAME}`. Loading
    /// resolves every name, so a name costs nothing when rules are evaluated.
    /// Private, like the rules they are resolved into.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        with = "yaml_serde::with::singleton_map_recursive"
    )]
    #[schemars(with = "ConditionsSchema")]
    conditions: BTreeMap<Text, Condition>,
    /// The rules, in evaluation order ([`Rulebook::rules`]). Private, so that what
    /// follows from them cannot go stale.
    rules: Vec<Rule>,
    /// What the engine asks of the rules for every profile, worked out once.
    #[serde(skip)]
    #[schemars(skip)]
    derived: Cache,
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
}

impl Rule {
    /// Whether the rule is a design rule: its condition tests the chosen placement, so
    /// it runs in the second pass and may not change scores.
    pub fn is_design(&self) -> bool {
        self.when.as_ref().is_some_and(Condition::uses_placement)
    }

    /// The summary as the rest of a sentence ("..., and a smaller department of its
    /// own ... is led by a head of partnerships"): first letter in lower case, without
    /// a closing period or a closing aside for the rulebook's reader ("(its goals are
    /// already said)").
    pub fn summary_in_sentence(&self) -> String {
        let summary = self.summary.trim_end_matches('.');
        let summary = match summary.strip_suffix(')').and_then(|s| s.rfind(" (")) {
            Some(i) => &summary[..i],
            None => summary,
        };
        let mut chars = summary.chars();
        chars
            .next()
            .into_iter()
            .flat_map(char::to_lowercase)
            .chain(chars)
            .collect()
    }
}

/// The JSON Schema of a rulebook's `conditions`: a map of kebab-case names to
/// conditions.
struct ConditionsSchema;

impl JsonSchema for ConditionsSchema {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "NamedConditions".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let condition = generator.subschema_for::<Condition>();
        schemars::json_schema!({
            "description": "Named conditions: each name (kebab-case) stands for a condition, written as a rule's `when` is, that rules and other named conditions use as `{is: NAME}`.",
            "type": "object",
            "propertyNames": {"pattern": condition::KEBAB_PATTERN},
            "additionalProperties": condition,
        })
    }
}

impl Rulebook {
    /// The rules, in evaluation order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The named conditions, by name, each resolved (the names it uses carry their
    /// conditions).
    pub fn conditions(&self) -> &BTreeMap<Text, Condition> {
        &self.conditions
    }

    /// The named conditions a rule uses, directly or through others, each with what
    /// it stands for, in the order first used.
    pub fn names_used(&self, rule: &Rule) -> Vec<(&Text, &Condition)> {
        let mut used: Vec<(&Text, &Condition)> = Vec::new();
        let mut next = rule.when.as_ref().map_or_else(Vec::new, Condition::names);
        next.reverse();
        while let Some(name) = next.pop() {
            if used.iter().any(|(n, _)| *n == name) {
                continue;
            }
            if let Some((name, condition)) = self.conditions.get_key_value(name) {
                used.push((name, condition));
                next.extend(condition.names().into_iter().rev());
            }
        }
        used
    }

    /// What rule `index` adds, in one line ([`Effects::describe`]).
    pub fn effect(&self, index: usize) -> &Text {
        &self.derived().effects[index]
    }

    /// The embedded default rulebook, parsed on first use. Assessments borrow their
    /// texts from the rulebook, so one that lives as long as the program is handy.
    pub fn default_rules() -> &'static Rulebook {
        static DEFAULT: OnceLock<Rulebook> = OnceLock::new();
        DEFAULT.get_or_init(Rulebook::embedded)
    }

    /// The embedded default rulebook, loaded from its JSON form (a test checks that it
    /// is the rulebook `rules/default.yaml` gives).
    pub fn embedded() -> Rulebook {
        let mut book: Rulebook = serde_json::from_str(DEFAULT_RULEBOOK_JSON)
            .unwrap_or_else(|e| panic!("the embedded rulebook is invalid: {e}"));
        book.validate(&Document::whole(DEFAULT_RULEBOOK_PATH, DEFAULT_RULEBOOK))
            .unwrap_or_else(|e| panic!("the embedded rulebook is invalid: {e}"));
        book
    }

    /// Parses and validates a rulebook.
    pub fn parse(path: &str, text: &str) -> Result<Rulebook, InputError> {
        let doc = Document::whole(path, text);
        // Rulebooks are written in the same YAML subset as profiles.
        crate::profile::check_subset(&doc)?;
        // A key given twice in any map: read into the typed rulebook, the last of the
        // two would win without a word (`scores: {sales: 3, sales: 1}`).
        yaml_serde::from_str::<yaml_serde::Value>(text).map_err(|e| doc.yaml_error(&e))?;
        let mut book: Rulebook = yaml_serde::from_str(text).map_err(|e| doc.yaml_error(&e))?;
        book.validate(&doc)?;
        Ok(book)
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Checks the rulebook, and resolves the names of its named conditions.
    fn validate(&mut self, doc: &Document<'_>) -> Result<(), InputError> {
        let at = |rule: &str, needle: &str, message: String, help: String| {
            let (line, column) = locate_in_rule(doc.text, rule, needle);
            doc.error_at(line, column, None, message, Some(help))
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
            return Err(at(
                "",
                "tie_break",
                "tie_break must list each of the four placements once".into(),
                "e.g. `tie_break: [standalone, sales, marketing, cross-functional]`".into(),
            ));
        }
        self.resolve_names(doc)?;
        for (i, rule) in self.rules.iter().enumerate() {
            check_id(rule, &self.rules[..i])
                .and_then(|()| check_cites(rule))
                .and_then(|()| check_effects(rule))
                .map_err(|p| {
                    let error = at(&rule.id, p.needle, p.message, p.help);
                    match p.remedy {
                        Some(remedy) => error.with_remedy(remedy),
                        None => error,
                    }
                })?;
        }
        Ok(())
    }
}

impl Rulebook {
    /// Resolves every `{is: NAME}`, in the named conditions and in the rules' `when`:
    /// each name must be kebab-case and known, and no named condition may refer to
    /// itself, directly or through others.
    fn resolve_names(&mut self, doc: &Document<'_>) -> Result<(), InputError> {
        let text = doc.text;
        // The definition of a named condition, and a place in it.
        let in_definition = |name: &str, needle: Option<&str>| {
            let at = locate_condition(text, name);
            let at = needle
                .and_then(|n| text[at..].find(n))
                .map_or(at, |i| at + i);
            crate::profile::line_column(text, at)
        };
        if let Some(name) = self.conditions.keys().find(|n| !condition::is_kebab(n)) {
            let (line, column) = in_definition(name, None);
            return Err(doc.error_at(
                line,
                column,
                None,
                format!("condition name '{name}' is not kebab-case"),
                Some("use lowercase letters, digits and '-', e.g. `nobody-sells`".into()),
            ));
        }
        let mut names = Names {
            defined: &self.conditions,
            resolved: BTreeMap::new(),
            path: Vec::new(),
        };
        for name in self.conditions.keys() {
            names.resolve(name).map_err(|p| {
                let (line, column) = in_definition(&p.within, Some(&format!("is: {}", p.name)));
                doc.error_at(line, column, None, p.message, Some(p.help))
            })?;
        }
        for rule in &mut self.rules {
            if let Some(when) = &mut rule.when {
                when.resolve_names(&mut |n| names.resolve(n)).map_err(|p| {
                    let (line, column) = locate_in_rule(text, &rule.id, &format!("is: {}", p.name));
                    let message = format!("rule '{}' uses {}", rule.id, p.message);
                    doc.error_at(line, column, None, message, Some(p.help))
                })?;
            }
        }
        self.conditions = names.resolved;
        Ok(())
    }
}

/// The rulebook's named conditions while their names are resolved.
struct Names<'a> {
    defined: &'a BTreeMap<Text, Condition>,
    /// Those resolved so far.
    resolved: BTreeMap<Text, Condition>,
    /// The named conditions being resolved, each using the next.
    path: Vec<Text>,
}

/// A name that does not resolve: the name, the named condition it is used in (if
/// any), what is wrong and the fix.
struct NameProblem {
    name: Text,
    within: Text,
    message: String,
    help: String,
}

impl Names<'_> {
    /// The condition `name` stands for, with the names it uses resolved.
    fn resolve(&mut self, name: &Text) -> Result<Condition, NameProblem> {
        let within = self.path.last().cloned().unwrap_or_default();
        if let Some(done) = self.resolved.get(name) {
            return Ok(done.clone());
        }
        if let Some(start) = self.path.iter().position(|n| n == name) {
            let cycle: Vec<&str> = (self.path[start..].iter())
                .chain([name])
                .map(|n| n.as_str())
                .collect();
            return Err(NameProblem {
                name: name.clone(),
                within,
                message: format!(
                    "named condition '{name}' uses itself: {}",
                    cycle.join(" -> ")
                ),
                help: "a named condition may use others, but not in a cycle".into(),
            });
        }
        let Some(defined) = self.defined.get(name) else {
            let known: Vec<&str> = self.defined.keys().map(|n| n.as_str()).collect();
            let help = match crate::profile::closest(name, &known) {
                Some(best) => format!("did you mean '{best}'?"),
                None if known.is_empty() => {
                    "define it under `conditions:` at the top of the rulebook".into()
                }
                None => format!("the named conditions are {}", known.join(", ")),
            };
            let message = match self.path.last() {
                Some(w) => format!("named condition '{w}' uses unknown condition '{name}'"),
                None => format!("unknown named condition '{name}'"),
            };
            return Err(NameProblem {
                name: name.clone(),
                within,
                message,
                help,
            });
        };
        let mut condition = defined.clone();
        self.path.push(name.clone());
        condition.resolve_names(&mut |n| self.resolve(n))?;
        self.path.pop();
        self.resolved.insert(name.clone(), condition.clone());
        Ok(condition)
    }
}

/// What is wrong with one rule: the text to point at within it, the message, the fix,
/// and what else helps, in the binary's words.
struct RuleProblem<'a> {
    needle: &'a str,
    message: String,
    help: String,
    remedy: Option<Remedy>,
}

fn problem<'a>(needle: &'a str, message: String, help: &str) -> Result<(), RuleProblem<'a>> {
    Err(RuleProblem {
        needle,
        message,
        help: help.into(),
        remedy: None,
    })
}

/// The id is kebab-case and not used by an earlier rule.
fn check_id<'a>(rule: &'a Rule, earlier: &[Rule]) -> Result<(), RuleProblem<'a>> {
    if !condition::is_kebab(&rule.id) {
        return problem(
            "id",
            format!("rule id '{}' is not kebab-case", rule.id),
            "use lowercase letters, digits and '-'",
        );
    }
    if earlier.iter().any(|r| r.id == rule.id) {
        return problem(
            "id",
            format!("rule id '{}' is used twice", rule.id),
            "give each rule its own id",
        );
    }
    Ok(())
}

/// The rule cites known guidance, and each role, PartnerOps function and KPI only
/// what its rule cites.
fn check_cites(rule: &Rule) -> Result<(), RuleProblem<'_>> {
    if rule.cites.is_empty() {
        return problem(
            "cites",
            format!("rule '{}' cites no guidance", rule.id),
            "list the guidance ids it encodes, e.g. `cites: [S1]`",
        );
    }
    for cite in &rule.cites {
        if guidance::point(cite).is_none() {
            let ids: Vec<&'static str> = guidance::POINTS.iter().map(|p| p.id).collect();
            // Ids are upper case: `s1` is a near miss of `S1`.
            let near = crate::profile::closest(&cite.to_ascii_uppercase(), &ids);
            let help = match near {
                Some(best) => format!("did you mean '{best}'?"),
                None => "guidance ids run S1..S5, M1..M4, D1..D7, C1..C2, T1..T4, P1..P5, R1..R4, X1..X3, G1..G2, E1..E4".into(),
            };
            return Err(RuleProblem {
                needle: cite,
                message: format!("rule '{}' cites unknown guidance id '{cite}'", rule.id),
                help,
                remedy: near.map(Remedy::Guidance),
            });
        }
    }
    let then = &rule.then;
    if let Some(bad) = then.reason_cites.iter().find(|c| !rule.cites.contains(c)) {
        return problem(
            bad,
            format!(
                "the reason cites '{bad}', which rule '{}' does not cite",
                rule.id
            ),
            "a reason's cites must be among its rule's cites",
        );
    }
    let items = (then.roles.iter().map(|r| ("role", &r.title, &r.cites)))
        .chain(
            then.partnerops
                .iter()
                .map(|f| ("partnerops", &f.function, &f.cites)),
        )
        .chain(then.kpis.iter().map(|k| ("kpi", &k.name, &k.cites)));
    for (kind, name, cites) in items {
        if let Some(bad) = cites.iter().find(|c| !rule.cites.contains(c)) {
            return problem(
                name,
                format!(
                    "{kind} '{name}' cites '{bad}', which rule '{}' does not cite",
                    rule.id
                ),
                "an item's cites must be among its rule's cites",
            );
        }
    }
    Ok(())
}

/// The rule adds something, and a rule that tests the placement adds no points.
fn check_effects(rule: &Rule) -> Result<(), RuleProblem<'_>> {
    if rule.then.is_empty() {
        return problem(
            "then",
            format!("rule '{}' has no effect", rule.id),
            "give it scores, a reason, a caveat, roles, cadence or KPIs, or remove it",
        );
    }
    if rule.is_design() && (!rule.then.scores.is_empty() || !rule.then.exclude.is_empty()) {
        return problem(
            "placement",
            format!(
                "rule '{}' tests the placement and also changes scores",
                rule.id
            ),
            "a rule that tests the placement runs after it is chosen: split it in two",
        );
    }
    Ok(())
}

/// The offset of the definition of the named condition `name` (its key under
/// `conditions:`), or of `conditions:` itself, or 0.
fn locate_condition(text: &str, name: &str) -> usize {
    let conditions = crate::profile::find_key(text, "conditions", 0).unwrap_or(0);
    crate::profile::find_key(text, name, conditions).unwrap_or(conditions)
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
