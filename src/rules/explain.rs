//! `advise --explain`: the trace of one evaluation. Every rule with its condition
//! evaluated against the actual answers, whether it fired and what it added, how each
//! score adds up, and why the runner-up lost.
//!
//! The trace is computed only when asked for, after [`Rulebook::assess`], with the same
//! [`Facts`] the engine uses, so it cannot disagree with the assessment; batch runs
//! without `--explain` pay nothing for it.

use super::engine::Facts;
use super::{Condition, Rulebook};
use crate::assessment::{
    Assessment, Check, Contest, Difference, Pass, Placement, RuleTrace, RuledOut, ScoreSum, Term,
    Trace,
};
use crate::profile::{Profile, listed};
use std::collections::BTreeMap;

impl Rulebook {
    /// The trace of the evaluation that gave `assessment` for `profile` (which must be
    /// the profile it was assessed from, overrides applied).
    pub fn trace(&self, profile: &Profile, assessment: &Assessment) -> Trace {
        let placement_facts = Facts {
            profile,
            stage: assessment.stage,
            placement: None,
        };
        let design_facts = Facts {
            placement: Some(assessment.placement),
            ..placement_facts
        };
        let rules = self.rule_traces(&placement_facts, &design_facts);
        Trace {
            sums: sums(&rules),
            contest: contest(assessment, &rules),
            rules,
        }
    }

    /// Every rule of both passes, in evaluation order, with its condition checked
    /// against the facts of its pass and, when it counts, what it added.
    fn rule_traces(&self, placement_facts: &Facts<'_>, design_facts: &Facts<'_>) -> Vec<RuleTrace> {
        let derived = self.derived();
        let mut rules = Vec::with_capacity(self.rules.len());
        for (pass, facts, list) in [
            (Pass::Placement, placement_facts, &derived.placement),
            (Pass::Design, design_facts, &derived.design),
        ] {
            for &index in list {
                let rule = &self.rules[index];
                let fired = facts.fires(rule);
                let counts = fired && pass == Pass::Placement;
                rules.push(RuleTrace {
                    id: rule.id.clone(),
                    cites: rule.cites.clone(),
                    pass,
                    fired,
                    when: rule.when.as_ref().map(|c| check(facts, c)),
                    scores: if counts {
                        rule.then.scores.clone()
                    } else {
                        BTreeMap::new()
                    },
                    excluded: if counts {
                        rule.then.exclude.clone()
                    } else {
                        Vec::new()
                    },
                    effect: derived.effects[index].clone(),
                });
            }
        }
        rules
    }
}

/// Each placement's score as the sum of what each rule added.
fn sums(rules: &[RuleTrace]) -> Vec<ScoreSum> {
    Placement::ALL
        .iter()
        .map(|&p| {
            let terms: Vec<Term> = rules
                .iter()
                .filter_map(|r| {
                    r.scores.get(&p).map(|points| Term {
                        rule: r.id.clone(),
                        points: *points,
                    })
                })
                .collect();
            // Added in the engine's order, so the total equals the score exactly.
            let total = terms.iter().fold(0.0, |sum, t| sum + t.points);
            ScoreSum {
                placement: p,
                terms,
                total,
            }
        })
        .collect()
}

/// Why the winner won: the margin over the runner-up, the rules that made the
/// difference (largest first), and the placements ruled out and by which rules.
fn contest(assessment: &Assessment, rules: &[RuleTrace]) -> Contest {
    let winner = assessment.placement;
    let mut decisive: Vec<Difference> = match assessment.runner_up {
        None => Vec::new(),
        Some(runner) => rules
            .iter()
            .map(|r| {
                let points = |p| r.scores.get(&p).copied().unwrap_or(0.0);
                Difference {
                    rule: r.id.clone(),
                    net: points(winner) - points(runner),
                }
            })
            .filter(|d| d.net != 0.0)
            .collect(),
    };
    decisive.sort_by(|a, b| b.net.total_cmp(&a.net));
    let ruled_out = assessment
        .excluded
        .iter()
        .map(|&p| RuledOut {
            placement: p,
            score: assessment.scores.get(p),
            rules: rules
                .iter()
                .filter(|r| r.excluded.contains(&p))
                .map(|r| r.id.clone())
                .collect(),
        })
        .collect();
    Contest {
        placement: winner,
        runner_up: assessment.runner_up,
        margin: assessment
            .runner_up
            .map(|r| assessment.scores.get(winner) - assessment.scores.get(r)),
        tie: assessment.tie,
        decisive,
        ruled_out,
    }
}

/// Evaluates every part of a condition.
fn check(facts: &Facts<'_>, condition: &Condition) -> Check {
    let holds = facts.holds(condition);
    let group = |test: &str, parts: &[Condition]| Check {
        test: test.to_string(),
        holds,
        actual: None,
        parts: parts.iter().map(|c| check(facts, c)).collect(),
    };
    match condition {
        Condition::All(parts) => group("all of", parts),
        Condition::Any(parts) => group("any of", parts),
        Condition::Not(part) => group("not", std::slice::from_ref(part)),
        // The name, in place of what it stands for: `nobody-sells-self-serve (all of)`
        // over the parts of its `all`, or the name over its one predicate.
        Condition::Is(named) => {
            let Some(meaning) = named.condition() else {
                return Check {
                    test: named.name.to_string(),
                    holds,
                    actual: None,
                    parts: Vec::new(),
                };
            };
            let inner = check(facts, meaning);
            if inner.parts.is_empty() {
                Check {
                    test: named.name.to_string(),
                    holds,
                    actual: None,
                    parts: vec![inner],
                }
            } else {
                Check {
                    test: format!("{} ({})", named.name, inner.test),
                    ..inner
                }
            }
        }
        leaf => Check {
            test: leaf.to_string(),
            holds,
            actual: Some(actual(facts, leaf)),
            parts: Vec::new(),
        },
    }
}

/// The answer a predicate looks at, as a report shows it.
fn actual(facts: &Facts<'_>, leaf: &Condition) -> String {
    let p = facts.profile;
    match leaf {
        Condition::All(_) | Condition::Any(_) | Condition::Not(_) | Condition::Is(_) => {
            String::new()
        }
        Condition::Compare(c) => super::number(facts.number(c.field)),
        Condition::SelfServe(_) => p.company.self_serve.to_string(),
        Condition::SharedGtmLeader(_) => p.company.shared_gtm_leader.to_string(),
        Condition::MarketingMaturity(_) => match p.company.marketing_maturity {
            Some(m) => m.to_string(),
            None => format!("{}, by default", p.company.marketing_maturity()),
        },
        Condition::ProgramMaturity(_) => p.program.maturity.to_string(),
        Condition::RevenueOwner(_) => p.company.revenue_owner.to_string(),
        Condition::HasType(_) => listed(&p.program.types),
        Condition::PlansType(_) => listed(&p.program.planned),
        Condition::HasGoal(_) => listed(&p.goals),
        Condition::HasRegion(_) => listed(&p.regions),
        Condition::HomeRegion(_) => listed(&p.regions[..p.regions.len().min(1)]),
        Condition::Stage(_) => facts.stage.to_string(),
        Condition::Placement(_) => facts
            .placement
            .map_or_else(|| "not chosen yet".into(), |x| x.to_string()),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::profile::{Profile, Source};
    use crate::rules::Rulebook;
    use crate::rules::engine::Options;

    /// The example profile `profiles/NAME.yaml` (also used by the what-if tests).
    pub(crate) fn example(name: &str) -> Profile {
        let path = format!("{}/profiles/{name}.yaml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("example profile");
        Profile::parse(&path, &text).expect("valid example profile")
    }

    /// A source named after an example, outside any stream.
    pub(crate) fn source(name: &str) -> Source {
        Source {
            path: name.into(),
            document: None,
        }
    }

    /// The five example companies.
    pub(crate) const EXAMPLES: [&str; 5] =
        ["formstack", "outgrow", "rewind", "sellfy", "touchbistro"];

    #[test]
    fn the_trace_adds_up_to_the_scores() {
        let book = Rulebook::default_rules();
        for name in EXAMPLES {
            let profile = example(name);
            let a = book.assess(source(name), &profile, Options::default());
            let trace = book.trace(&profile, &a);
            for sum in &trace.sums {
                assert_eq!(
                    sum.total,
                    a.scores.get(sum.placement),
                    "{name}: {}",
                    sum.placement
                );
                let from_rules: f64 = trace
                    .rules
                    .iter()
                    .filter_map(|r| r.scores.get(&sum.placement))
                    .sum();
                assert_eq!(from_rules, sum.total, "{name}: {}", sum.placement);
            }
            if let (Some(runner), Some(margin)) = (a.runner_up, trace.contest.margin) {
                let net: f64 = trace.contest.decisive.iter().map(|d| d.net).sum();
                assert_eq!(net, margin, "{name}: decisive rules against {runner}");
            }
        }
    }

    #[test]
    fn the_trace_fires_exactly_the_rules_the_engine_fired() {
        let book = Rulebook::default_rules();
        for name in EXAMPLES {
            let profile = example(name);
            let a = book.assess(source(name), &profile, Options::default());
            let trace = book.trace(&profile, &a);
            let fired: Vec<&str> = trace
                .rules
                .iter()
                .filter(|r| r.fired)
                .map(|r| r.id.as_str())
                .collect();
            let engine: Vec<&str> = a.rules.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(fired, engine, "{name}");
            assert_eq!(trace.rules.len(), book.rules.len());
        }
    }

    #[test]
    fn leaves_show_the_answer_they_looked_at() {
        let book = Rulebook::default_rules();
        let profile = example("sellfy");
        let a = book.assess(source("sellfy"), &profile, Options::default());
        let trace = book.trace(&profile, &a);
        let rule = trace
            .rules
            .iter()
            .find(|r| r.id == "launch-with-affiliates")
            .unwrap();
        let lines: Vec<String> = rule
            .when
            .as_ref()
            .unwrap()
            .parts
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "program.types has affiliate: yes (affiliate)",
                "program.maturity is none or launching: yes (launching)"
            ]
        );
        assert!(rule.fired);
        assert_eq!(
            rule.scores.get(&crate::assessment::Placement::Marketing),
            Some(&1.0)
        );
    }

    #[test]
    fn a_named_condition_shows_its_name_over_its_parts() {
        let book = Rulebook::default_rules();
        let profile = example("sellfy");
        let a = book.assess(source("sellfy"), &profile, Options::default());
        let trace = book.trace(&profile, &a);
        let rule = (trace.rules.iter())
            .find(|r| r.id == "referral-signups-to-marketing")
            .unwrap();
        let named = &rule.when.as_ref().unwrap().parts[1];
        assert_eq!(named.to_string(), "nobody-sells-self-serve (all of): no");
        let parts: Vec<String> = named.parts.iter().map(|c| c.to_string()).collect();
        assert_eq!(
            parts,
            [
                "company.self_serve is true: yes (true)",
                "company.sales_team == 0: no (2)",
                "company.employees > 100: no (40)"
            ]
        );
    }
}
