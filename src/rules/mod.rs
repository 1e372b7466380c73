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
use crate::org::model::{Meeting, Named};
use crate::profile::{Document, InputError, Remedy};
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

mod compiled;
mod condition;
pub mod domain;
mod effects;
pub mod engine;
pub mod explain;
pub mod fixtures;
pub mod lint;

pub use condition::{Comparison, Condition, NumberField, Op};
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

/// What follows from a rulebook's rules, for every profile alike.
#[derive(Debug)]
pub(crate) struct Derived {
    /// The indexes of the placement rules, in rulebook order.
    pub(crate) placement: Vec<usize>,
    /// The indexes of the design rules, in rulebook order.
    pub(crate) design: Vec<usize>,
    /// Each rule's effect line ([`Effects::describe`]).
    pub(crate) effects: Vec<Text>,
    /// The guidance points each rule cites, as a set.
    pub(crate) cited: Vec<guidance::Citations>,
    /// The rules' conditions, compiled.
    pub(crate) conditions: compiled::Compiled,
    /// The numbers conditions compare ([`NumberField::all`]).
    pub(crate) numbers: Vec<NumberField>,
    /// Who the owner line of each of a rule's PartnerOps functions names.
    pub(crate) owners: Vec<Box<[Named]>>,
    /// Each rule's scores and exclusions, side by side for the engine's hot loop.
    pub(crate) weights: Vec<Weights>,
    /// Which roles, functions and KPIs are the same item.
    pub(crate) distinct: Distinct,
    /// What each of a rule's cadence items is, for the org model's settling.
    pub(crate) meetings: Vec<Box<[Meeting]>>,
}

/// Which of a rulebook's items are one item: roles with the same title, PartnerOps
/// functions with the same name, KPIs with the same name (of those, the first to fire
/// is the one an assessment keeps). Each item has the number of its kind of item,
/// counted over all three kinds, so that an assessment keeps one list of where it has
/// each (and owner lines name roles by their numbers, [`Named`]).
#[derive(Debug)]
pub(crate) struct Distinct {
    /// By rule, then by the item's place in the rule.
    pub(crate) roles: Vec<Box<[usize]>>,
    pub(crate) partnerops: Vec<Box<[usize]>>,
    pub(crate) kpis: Vec<Box<[usize]>>,
    /// How many kinds of item there are.
    pub(crate) count: usize,
}

impl Distinct {
    fn of(rules: &[Rule]) -> Distinct {
        // By kind of item and name.
        let mut numbers: HashMap<(u8, &str), usize> = HashMap::new();
        fn number<'a>(
            numbers: &mut HashMap<(u8, &'a str), usize>,
            kind: u8,
            names: impl Iterator<Item = &'a str>,
        ) -> Box<[usize]> {
            names
                .map(|name| {
                    let next = numbers.len();
                    *numbers.entry((kind, name)).or_insert(next)
                })
                .collect()
        }
        let (mut roles, mut partnerops, mut kpis) = (Vec::new(), Vec::new(), Vec::new());
        for rule in rules {
            let then = &rule.then;
            let titles = then.roles.iter().map(|x| x.title.as_str());
            roles.push(number(&mut numbers, 0, titles));
            let functions = then.partnerops.iter().map(|x| x.function.as_str());
            partnerops.push(number(&mut numbers, 1, functions));
            let names = then.kpis.iter().map(|x| x.name.as_str());
            kpis.push(number(&mut numbers, 2, names));
        }
        Distinct {
            roles,
            partnerops,
            kpis,
            count: numbers.len(),
        }
    }
}

/// A rule's effect on the ranking, by [`Placement::index`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Weights {
    /// The points it adds to each placement (0 for a placement it does not score).
    pub(crate) scores: [f64; 4],
    /// One bit for each placement it rules out.
    pub(crate) excludes: u8,
}

impl Weights {
    fn of(then: &Effects) -> Weights {
        let mut w = Weights::default();
        for (p, d) in &then.scores {
            w.scores[p.index()] = *d;
        }
        for p in &then.exclude {
            w.excludes |= 1 << p.index();
        }
        w
    }
}

/// [`Derived`], filled in on first use. Not part of a rulebook's identity: a rulebook
/// equals another whether or not either has been used yet. A clone starts empty.
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

impl Rule {
    /// Whether the rule is a design rule: its condition tests the chosen placement, so
    /// it runs in the second pass and may not change scores.
    pub fn is_design(&self) -> bool {
        self.when.as_ref().is_some_and(Condition::uses_placement)
    }
}

impl Rulebook {
    /// The rules, in evaluation order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// What follows from the rules, worked out on first use.
    pub(crate) fn derived(&self) -> &Derived {
        self.derived.0.get_or_init(|| {
            let (design, placement) =
                (0..self.rules.len()).partition(|&i| self.rules[i].is_design());
            let distinct = Distinct::of(&self.rules);
            Derived {
                placement,
                design,
                effects: self
                    .rules
                    .iter()
                    .map(|r| Text::from(r.then.describe()))
                    .collect(),
                cited: self
                    .rules
                    .iter()
                    .map(|r| guidance::Citations::of(r.cites.iter().map(|c| c.as_str())))
                    .collect(),
                conditions: compiled::Compiled::new(self.rules.iter().map(|r| r.when.as_ref())),
                numbers: NumberField::all(),
                owners: self.owners(&distinct),
                weights: self.rules.iter().map(|r| Weights::of(&r.then)).collect(),
                distinct,
                meetings: self.meetings(),
            }
        })
    }

    /// Who the owner line of each rule's PartnerOps functions names, of the roles the
    /// rules add.
    fn owners(&self, distinct: &Distinct) -> Vec<Box<[Named]>> {
        let roles = || {
            self.rules.iter().enumerate().flat_map(|(i, r)| {
                (r.then.roles.iter().enumerate())
                    .map(move |(j, role)| (distinct.roles[i][j], role.title.as_str()))
            })
        };
        self.rules
            .iter()
            .map(|r| {
                (r.then.partnerops.iter())
                    .map(|f| Named::of(&f.owner, roles()))
                    .collect()
            })
            .collect()
    }

    /// What each rule's cadence items are, their teams numbered over the rulebook.
    fn meetings(&self) -> Vec<Box<[Meeting]>> {
        let mut teams = Vec::new();
        (self.rules.iter())
            .map(|r| {
                (r.then.cadence.iter())
                    .map(|c| Meeting::of(&c.with, &c.frequency, &mut teams))
                    .collect()
            })
            .collect()
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
        let book: Rulebook = serde_json::from_str(DEFAULT_RULEBOOK_JSON)
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
    let kebab = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if rule.id.is_empty() || !rule.id.chars().all(kebab) {
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

/// The rule cites known guidance, and each PartnerOps function only what its rule
/// cites.
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
    for f in &rule.then.partnerops {
        if let Some(bad) = f.cites.iter().find(|c| !rule.cites.contains(c)) {
            return problem(
                &f.function,
                format!(
                    "partnerops '{}' cites '{bad}', which rule '{}' does not cite",
                    f.function, rule.id
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
