//! The engine: profile in, assessment out. Pure and deterministic: no I/O, no clock,
//! and the same inputs always give the same assessment.
//!
//! Evaluation runs in two passes. Placement rules (those whose condition does not test
//! the placement) run first, in rulebook order, and add to the scores. The placement
//! is the eligible (not excluded) placement with the highest score; a tie goes to the
//! first in the rulebook's `tie_break` list. Design rules (those that test the
//! placement) then run, in rulebook order, and add caveats, roles and the rest.

use super::{
    CadenceSpec, Condition, KpiSpec, NumberField, PartnerOpsSpec, RoleSpec, Rule, Rulebook,
};
use crate::assessment::{
    Assessment, CadenceItem, Caveat, FiredRule, Kpi, PartnerOpsFunction, Placement, Ranking,
    Reason, Role, RoleStatus, Scores, Stage,
};
use crate::guidance::Citations;
use crate::profile::{Profile, Source};
use crate::text::Text;
use serde::Serialize;

/// Options of one evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Design the team for this stage instead of the one the profile's maturity gives.
    pub stage: Option<Stage>,
    /// Add the rule-by-rule trace of `--explain` to the assessment (costs a second
    /// evaluation of every rule, so batch runs leave it off).
    pub trace: bool,
}

/// What conditions are evaluated against: the profile, the stage and, in the second
/// pass, the placement.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    /// The answers.
    pub profile: &'a Profile,
    /// The stage used for team design.
    pub stage: Stage,
    /// The chosen placement, once known.
    pub placement: Option<Placement>,
}

impl Facts<'_> {
    /// The value of a numeric field.
    pub fn number(&self, field: NumberField) -> f64 {
        let p = self.profile;
        match field {
            // Only counts and the share are read as `Answer`; another answer never compares.
            NumberField::Answer(f) => f.number(p).unwrap_or(f64::NAN),
            NumberField::TypeCount => p.program.types.len() as f64,
            NumberField::PlannedCount => p.program.planned.len() as f64,
            NumberField::RegionCount => p.regions.len() as f64,
        }
    }

    /// Whether a condition holds. A placement test is false before the placement is
    /// known.
    pub fn holds(&self, condition: &Condition) -> bool {
        let p = self.profile;
        match condition {
            Condition::All(list) => list.iter().all(|c| self.holds(c)),
            Condition::Any(list) => list.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
            Condition::Compare(c) => c.op.holds(self.number(c.field), c.value),
            Condition::SelfServe(b) => p.company.self_serve == *b,
            Condition::SharedGtmLeader(b) => p.company.shared_gtm_leader == *b,
            Condition::MarketingMaturity(v) => v.contains(&p.company.marketing_maturity()),
            Condition::ProgramMaturity(v) => v.contains(&p.program.maturity),
            Condition::RevenueOwner(v) => v.contains(&p.company.revenue_owner),
            Condition::HasType(t) => p.program.types.contains(t),
            Condition::PlansType(t) => p.program.planned.contains(t),
            Condition::HasGoal(g) => p.goals.contains(g),
            Condition::HasRegion(r) => p.regions.contains(r),
            Condition::HomeRegion(v) => p.regions.first().is_some_and(|r| v.contains(r)),
            Condition::Stage(v) => v.contains(&self.stage),
            Condition::Placement(v) => self.placement.is_some_and(|x| v.contains(&x)),
        }
    }

    /// Whether a rule fires.
    pub fn fires(&self, rule: &Rule) -> bool {
        rule.when.as_ref().is_none_or(|c| self.holds(c))
    }
}

/// How sure the recommendation is, from the margin between the top two eligible
/// scores: `margin / (margin + 2)`, so a margin of 2 points gives 0.5 and a tie 0.
pub fn confidence(margin: f64) -> f64 {
    let margin = margin.max(0.0);
    ((margin / (margin + 2.0)) * 100.0).round() / 100.0
}

impl Rulebook {
    /// Runs only the placement pass: the scores and the placement, without the team
    /// design. `what-if` and `rules check` call it thousands of times per profile.
    pub fn rank(&self, profile: &Profile, options: Options) -> Ranking {
        let facts = Facts {
            profile,
            stage: options
                .stage
                .unwrap_or_else(|| Stage::of(profile.program.maturity)),
            placement: None,
        };
        self.placement_pass(&facts, |_| {})
    }

    /// Runs the placement rules against `facts`, calling `fired` for each that fires.
    fn placement_pass<'r>(&'r self, facts: &Facts<'_>, mut fired: impl FnMut(&'r Rule)) -> Ranking {
        let mut scores = Scores::default();
        let mut excluded: Vec<Placement> = Vec::new();
        for rule in self.rules.iter().filter(|r| !r.is_design()) {
            if facts.fires(rule) {
                for (p, d) in &rule.then.scores {
                    scores.add(*p, *d);
                }
                for p in &rule.then.exclude {
                    if !excluded.contains(p) {
                        excluded.push(*p);
                    }
                }
                fired(rule);
            }
        }
        excluded.sort();

        // The first two of a stable sort by (eligible, score), best first, of the
        // tie-break order: of equals, the first listed wins.
        let eligible = |p: Placement| !excluded.contains(&p);
        let beats = |a: Placement, b: Placement| {
            eligible(a)
                .cmp(&eligible(b))
                .then(scores.get(a).total_cmp(&scores.get(b)))
                .is_gt()
        };
        let (mut first, mut second) = (None, None);
        for &p in &self.tie_break {
            match first {
                Some(f) if !beats(p, f) => {
                    if second.is_none_or(|s| beats(p, s)) {
                        second = Some(p);
                    }
                }
                _ => (first, second) = (Some(p), first),
            }
        }
        let placement = first.expect("a rulebook's tie_break lists every placement");
        let runner_up = second.filter(|p| eligible(*p));
        let margin = runner_up.map_or(f64::INFINITY, |r| scores.get(placement) - scores.get(r));
        Ranking {
            scores,
            excluded,
            placement,
            runner_up,
            margin,
        }
    }

    /// Evaluates a profile.
    pub fn assess(&self, source: Source, profile: &Profile, options: Options) -> Assessment<'_> {
        let stage = options
            .stage
            .unwrap_or_else(|| Stage::of(profile.program.maturity));
        let mut facts = Facts {
            profile,
            stage,
            placement: None,
        };
        let mut fired: Vec<&Rule> = Vec::with_capacity(self.rules.len());
        let Ranking {
            scores,
            excluded,
            placement,
            runner_up,
            margin,
        } = self.placement_pass(&facts, |rule| fired.push(rule));
        let tie = margin == 0.0;
        let confidence = if margin.is_infinite() {
            1.0
        } else {
            confidence(margin)
        };

        facts.placement = Some(placement);
        for rule in self.rules.iter().filter(|r| r.is_design()) {
            if facts.fires(rule) {
                fired.push(rule);
            }
        }

        let mut reports_to = self.reports_to.get(placement);
        // Sized for everything the fired rules could add, so that none grows.
        let most = |count: fn(&Rule) -> usize| fired.iter().map(|r| count(r)).sum::<usize>();
        let mut reasons = Vec::with_capacity(most(|r| r.then.reason.is_some().into()));
        let mut caveats = Vec::with_capacity(most(|r| r.then.caveat.is_some().into()));
        let mut roles: Vec<(u32, Role)> = Vec::with_capacity(most(|r| r.then.roles.len()));
        let mut partnerops: Vec<PartnerOpsFunction> =
            Vec::with_capacity(most(|r| r.then.partnerops.len()));
        let mut cadence: Vec<CadenceItem> = Vec::with_capacity(most(|r| r.then.cadence.len()));
        let mut kpis: Vec<Kpi> = Vec::with_capacity(most(|r| r.then.kpis.len()));
        for rule in &fired {
            let then = &rule.then;
            let json = rule.fragments();
            if let Some(r) = &then.reports_to {
                reports_to = r;
            }
            let supports =
                then.scores.get(&placement).is_some_and(|d| *d > 0.0) || rule.is_design();
            if supports {
                reasons.extend(rule.reason(&json.reason));
            }
            caveats.extend(rule.caveat(&json.caveat));
            for (r, [before, after]) in then.roles.iter().zip(&json.roles) {
                if roles.iter().all(|(_, x)| *x.title != r.title) {
                    roles.push((r.order, rule.role(r, RoleStatus::Later, [before, after])));
                }
            }
            for (f, json) in then.partnerops.iter().zip(&json.partnerops) {
                if partnerops.iter().all(|x| *x.function != f.function) {
                    partnerops.push(rule.partnerops(f, json));
                }
            }
            for (c, json) in then.cadence.iter().zip(&json.cadence) {
                if cadence.iter().all(|x| *x.with != c.with) {
                    cadence.push(rule.cadence(c, json));
                }
            }
            for (k, json) in then.kpis.iter().zip(&json.kpis) {
                if kpis.iter().all(|x| *x.name != k.name) {
                    kpis.push(rule.kpi(k, json));
                }
            }
        }

        // Hiring order: by rank, then by the order the rules gave them (stable sort).
        roles.sort_by_key(|(order, _)| *order);
        let filled = profile.program.team_size as usize;
        let roles = roles
            .into_iter()
            .enumerate()
            .map(|(i, (_, mut role))| {
                role.status = if i < filled {
                    RoleStatus::Current
                } else if role.stage <= stage {
                    RoleStatus::Next
                } else {
                    RoleStatus::Later
                };
                role
            })
            .collect();

        let mut assessment = Assessment {
            source,
            profile: profile.name.clone(),
            placement,
            reports_to,
            confidence,
            overrides: Vec::new(),
            scores,
            runner_up,
            tie,
            excluded,
            reasons,
            rules: fired
                .iter()
                .map(|r| r.fired(r.effect(), &r.fragments().fired))
                .collect(),
            caveats,
            stage,
            roles,
            partnerops,
            cadence,
            kpis,
            sources: fired
                .iter()
                .fold(Citations::default(), |all, r| all.union(r.cited())),
            trace: None,
        };
        if options.trace {
            assessment.trace = Some(Box::new(self.trace(profile, &assessment)));
        }
        assessment
    }
}

/// The JSON of each item a rule adds to an assessment, as serde_json writes it: the
/// same for every profile the rule fires for, so NDJSON copies it instead of
/// serialising the item again (roles are not here: their status depends on the
/// profile).
#[derive(Debug, Clone)]
pub(crate) struct Fragments {
    fired: String,
    reason: String,
    caveat: String,
    /// Each role's JSON before its status value and after it.
    roles: Vec<[String; 2]>,
    partnerops: Vec<String>,
    cadence: Vec<String>,
    kpis: Vec<String>,
}

impl Fragments {
    pub(crate) fn of(rule: &Rule, effect: &Text) -> Fragments {
        fn json(item: &impl Serialize) -> String {
            serde_json::to_string(item).expect("an item always serialises")
        }
        let then = &rule.then;
        Fragments {
            fired: json(&rule.fired(effect, "")),
            reason: rule.reason("").as_ref().map_or_else(String::new, json),
            caveat: rule.caveat("").as_ref().map_or_else(String::new, json),
            roles: then
                .roles
                .iter()
                .map(|r| {
                    let whole = json(&rule.role(r, RoleStatus::Current, ["", ""]));
                    // Text inside a JSON string has its quotes escaped, so this can
                    // only be the status field itself.
                    let status = "\"status\":\"current\"";
                    let at = whole.find(status).expect("a role has a status");
                    let value = at + status.len() - "current\"".len();
                    [
                        whole[..value].to_string(),
                        whole[value + "current".len()..].to_string(),
                    ]
                })
                .collect(),
            partnerops: then
                .partnerops
                .iter()
                .map(|f| json(&rule.partnerops(f, "")))
                .collect(),
            cadence: then
                .cadence
                .iter()
                .map(|c| json(&rule.cadence(c, "")))
                .collect(),
            kpis: then.kpis.iter().map(|k| json(&rule.kpi(k, ""))).collect(),
        }
    }
}

/// The items a fired rule adds, with their JSON.
impl Rule {
    fn fired<'r>(&'r self, effect: &'r Text, json: &'r str) -> FiredRule<'r> {
        FiredRule {
            id: &self.id,
            cites: &self.cites,
            effect,
            scores: &self.then.scores,
            json,
        }
    }

    fn reason<'r>(&'r self, json: &'r str) -> Option<Reason<'r>> {
        self.then.reason.as_ref().map(|text| Reason {
            text,
            rule: &self.id,
            cites: &self.cites,
            json,
        })
    }

    fn caveat<'r>(&'r self, json: &'r str) -> Option<Caveat<'r>> {
        self.then.caveat.as_ref().map(|c| Caveat {
            text: &c.text,
            mitigation: &c.mitigation,
            cites: &self.cites,
            json,
        })
    }

    fn role<'r>(&'r self, r: &'r RoleSpec, status: RoleStatus, json: [&'r str; 2]) -> Role<'r> {
        Role {
            title: &r.title,
            status,
            stage: r.stage,
            responsibilities: &r.responsibilities,
            hire_when: &r.hire_when,
            rule: &self.id,
            cites: &self.cites,
            json,
        }
    }

    fn partnerops<'r>(&'r self, f: &'r PartnerOpsSpec, json: &'r str) -> PartnerOpsFunction<'r> {
        PartnerOpsFunction {
            function: &f.function,
            owner: &f.owner,
            covers: &f.covers,
            rule: &self.id,
            cites: if f.cites.is_empty() {
                &self.cites
            } else {
                &f.cites
            },
            json,
        }
    }

    fn cadence<'r>(&'r self, c: &'r CadenceSpec, json: &'r str) -> CadenceItem<'r> {
        CadenceItem {
            with: &c.with,
            topics: &c.topics,
            frequency: &c.frequency,
            rule: &self.id,
            cites: &self.cites,
            json,
        }
    }

    fn kpi<'r>(&'r self, k: &'r KpiSpec, json: &'r str) -> Kpi<'r> {
        Kpi {
            name: &k.name,
            why: &k.why,
            rule: &self.id,
            cites: &self.cites,
            json,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::confidence;

    #[test]
    fn confidence_grows_with_the_margin() {
        assert_eq!(confidence(0.0), 0.0);
        assert_eq!(confidence(2.0), 0.5);
        assert_eq!(confidence(6.0), 0.75);
        assert!(confidence(100.0) < 1.0);
    }
}
