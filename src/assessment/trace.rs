//! The trace of one evaluation (`advise --explain`): every rule with its condition
//! evaluated, how each score adds up, and why the runner-up lost. `rules::explain`
//! computes it.

use super::Placement;
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;

/// The trace of one evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Trace {
    /// Every rule, in evaluation order: the placement rules, then the design rules.
    pub rules: Vec<RuleTrace>,
    /// How each placement's score adds up, in the order of [`Placement::ALL`].
    pub sums: Vec<ScoreSum>,
    /// Why the chosen placement beat the others.
    pub contest: Contest,
}

/// One rule, evaluated.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RuleTrace {
    /// The rule's id.
    pub id: Text,
    /// Guidance ids.
    pub cites: Vec<Text>,
    /// The pass the rule ran in.
    pub pass: Pass,
    /// Whether the rule fired.
    pub fired: bool,
    /// The condition with every part evaluated; absent when the rule always fires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Check>,
    /// What it added to each score (only when it fired).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub scores: BTreeMap<Placement, f64>,
    /// What it ruled out (only when it fired).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<Placement>,
    /// Everything the rule adds when it fires, in one line.
    pub effect: Text,
}

/// The two passes of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Pass {
    /// Runs first and adds to the scores.
    Placement,
    /// Runs once the placement is chosen and designs the team.
    Design,
}

/// A condition, or a part of one, evaluated against the answers.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Check {
    /// The test: a predicate as `rules show` writes it, or `all of`, `any of`, `not`.
    pub test: String,
    /// Whether it holds.
    pub holds: bool,
    /// The answer the predicate looked at, e.g. `0` or `affiliate, referral`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// The parts of `all of`, `any of` and `not`, each evaluated (no short-circuit).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Check>,
}

/// How one placement's score adds up.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ScoreSum {
    /// The placement.
    pub placement: Placement,
    /// What each fired rule added, in evaluation order.
    pub terms: Vec<Term>,
    /// The sum of the terms: the placement's score.
    pub total: f64,
}

/// One rule's contribution to a score.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Term {
    /// The rule.
    pub rule: Text,
    /// The points it added (negative when it took some away).
    pub points: f64,
}

/// Why the chosen placement won.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Contest {
    /// The chosen placement.
    pub placement: Placement,
    /// The best eligible placement after it, if any.
    pub runner_up: Option<Placement>,
    /// The winner's score minus the runner-up's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    /// The scores were equal and the rulebook's `tie_break` order decided.
    pub tie: bool,
    /// The fired rules that scored the winner and the runner-up differently, the ones
    /// that favoured the winner most first.
    pub decisive: Vec<Difference>,
    /// Placements a rule ruled out, with those rules.
    pub ruled_out: Vec<RuledOut>,
}

/// A rule that separated the winner from the runner-up.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Difference {
    /// The rule.
    pub rule: Text,
    /// What it added to the winner minus what it added to the runner-up.
    pub net: f64,
}

/// A placement that could not be chosen.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RuledOut {
    /// The placement.
    pub placement: Placement,
    /// Its score, which did not count.
    pub score: f64,
    /// The rules that ruled it out.
    pub rules: Vec<Text>,
}

impl fmt::Display for Check {
    /// `test: yes (actual)`, the way the text report prints one line of a condition.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = if self.holds { "yes" } else { "no" };
        match &self.actual {
            Some(actual) => write!(f, "{}: {verdict} ({actual})", self.test),
            None => write!(f, "{}: {verdict}", self.test),
        }
    }
}
