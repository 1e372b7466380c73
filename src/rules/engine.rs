//! The engine: profile in, assessment out. Pure and deterministic: no I/O, no clock,
//! and the same inputs always give the same assessment.
//!
//! Evaluation runs in two passes. Placement rules (those whose condition does not test
//! the placement) run first, in rulebook order, and add to the scores. The placement
//! is the eligible (not excluded) placement with the highest score; a tie goes to the
//! first in the rulebook's `tie_break` list. Design rules (those that test the
//! placement) then run, in rulebook order, and add caveats, roles and the rest.

use super::compiled::Known;
use super::{Condition, NumberField, Rule, Rulebook};
use crate::assessment::{
    Assessment, CadenceItem, Caveat, ConfidenceLabel, GtmTeams, Kpi, Origin, PartnerOpsFunction,
    Placement, Ranking, Reason, Role, RoleStatus, Scores, Stage,
};
use crate::guidance::Citations;
use crate::org::beyond_roles;
use crate::org::model::{Meeting, Named, settle};
use crate::profile::{Profile, Source};
use crate::text::Text;

/// Options of one evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options<'a> {
    /// Design the team for this stage instead of the one the profile's maturity gives.
    pub stage: Option<Stage>,
    /// Add the rule-by-rule trace of `--explain` to the assessment (costs a second
    /// evaluation of every rule, so batch runs leave it off).
    pub trace: bool,
    /// The people the team already has (the roles they hold, by rulebook item, in
    /// hiring order): each stays in place, in the seat [`seats`](super::seats::seats)
    /// finds, under the title this evaluation gives it. Only the first
    /// `program.team_size` stay; the others have left. Empty: the first
    /// `program.team_size` roles of the hiring order are in place.
    pub people: &'a [Origin],
    /// The roles planned for later at the stage before (by rulebook item): one that
    /// this evaluation does not give, and whose seat no role left free takes
    /// ([`planned_seats`](super::seats::planned_seats)), is still planned, in its place in the hiring order, so
    /// that a plan never vanishes between two stages. Empty: only the rules' roles.
    pub planned: &'a [Origin],
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
            Condition::Is(named) => named.condition().is_some_and(|c| self.holds(c)),
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
        let derived = self.derived();
        let known = Known::new(&facts, &derived.numbers, &derived.conditions);
        self.placement_pass(&known, |_| {})
    }

    /// Runs the placement rules against `known`, calling `fired` for each that fires.
    fn placement_pass(&self, known: &Known, mut fired: impl FnMut(usize)) -> Ranking {
        // By `Placement::index`. A rule adds 0 to a placement it does not score, which
        // changes no sum (a sum from 0 is never -0).
        let mut sums = [0.0f64; 4];
        let mut excludes = 0u8;
        let derived = self.derived();
        (derived.conditions).each_holding(&derived.placement, known, |index| {
            let w = &derived.weights[index];
            for (sum, delta) in sums.iter_mut().zip(w.scores) {
                *sum += delta;
            }
            excludes |= w.excludes;
            fired(index);
        });
        let mut scores = Scores::default();
        for p in Placement::ALL {
            scores.add(*p, sums[p.index()]);
        }
        // In placement order, as sorted.
        let excluded: Vec<Placement> = (Placement::ALL.iter())
            .filter(|p| excludes & (1 << p.index()) != 0)
            .copied()
            .collect();

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

    /// The assessment of the consultant fixture `fixture` (its file name under
    /// `tests/fixtures/consultant/`, without `.yaml`) with the default options.
    #[cfg(test)]
    pub(crate) fn assess_fixture(&self, fixture: &str) -> Assessment<'_> {
        let path = format!("tests/fixtures/consultant/{fixture}.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let profile = Profile::parse(&path, &text).unwrap();
        let source = Source {
            path,
            document: None,
        };
        self.assess(source, &profile, Options::default())
    }

    /// Evaluates a profile.
    pub fn assess(&self, source: Source, profile: &Profile, options: Options) -> Assessment<'_> {
        let stage = options
            .stage
            .unwrap_or_else(|| Stage::of(profile.program.maturity));
        let facts = Facts {
            profile,
            stage,
            placement: None,
        };
        let derived = self.derived();
        let mut known = Known::new(&facts, &derived.numbers, &derived.conditions);
        let rules = self.rules();
        let mut fired: Vec<usize> = Vec::with_capacity(rules.len());
        let Ranking {
            scores,
            excluded,
            placement,
            runner_up,
            margin,
        } = self.placement_pass(&known, |index| fired.push(index));
        let first_design = fired.len();
        known.place(placement, &derived.conditions);
        (derived.conditions).each_holding(&derived.design, &known, |i| fired.push(i));

        let mut items = self.items(&fired, first_design, placement);
        let team = profile.program.team_size;
        let people = &options.people[..options.people.len().min(team as usize)];
        let roles = self.hiring_order(items.roles, team, stage, people, options.planned);
        // Where the roles are, once in hiring order.
        for (i, role) in roles.iter().enumerate() {
            if let Some(o) = role.origin {
                items.at[derived.distinct.roles[o.rule as usize][o.item as usize]] = i;
            }
        }
        let teams = GtmTeams {
            sales: profile.company.sales_team,
            marketing: profile.company.marketing_team,
            shared_leader: profile.company.shared_gtm_leader,
            employees: profile.company.employees,
            revenue_owner: profile.company.revenue_owner,
        };
        settle(
            &roles,
            teams,
            &mut items.partnerops,
            (&items.named, &items.at),
            &mut items.cadence,
            &mut items.meetings,
        );
        let mut assessment = Assessment {
            source,
            profile: profile.name.clone(),
            placement,
            reports_to: items.reports_to,
            confidence: if margin.is_infinite() {
                1.0
            } else {
                confidence(margin)
            },
            confidence_label: ConfidenceLabel::of(margin),
            overrides: Vec::new(),
            scores,
            runner_up,
            tie: margin == 0.0,
            excluded,
            reasons: items.reasons,
            rules: fired
                .iter()
                .map(|&i| rules[i].fired(&derived.effects[i], Some(Origin::new(i, 0))))
                .collect(),
            caveats: items.caveats,
            stage,
            roles,
            beyond_roles: None,
            partnerops: items.partnerops,
            cadence: items.cadence,
            kpis: items.kpis,
            sources: fired
                .iter()
                .fold(Citations::default(), |all, &i| all.union(derived.cited[i])),
            trace: None,
            teams,
        };
        assessment.beyond_roles = beyond_roles(&assessment, profile.program.team_size);
        crate::assessment::OrgModel::name_counterparts(&mut assessment, &mut items.meetings);
        if options.trace {
            assessment.trace = Some(Box::new(self.trace(profile, &assessment)));
        }
        assessment
    }

    /// What the fired rules add, in their order: the last `reports_to` wins, reasons
    /// come from the rules that support the placement (and from every design rule,
    /// those from `first_design` on), and of items with the same title or name the
    /// first wins.
    fn items(&self, fired: &[usize], first_design: usize, placement: Placement) -> Items<'_> {
        let rules = self.rules();
        let derived = self.derived();
        // Sized for everything the fired rules could add, so that none grows.
        let mut most = [0usize; 6];
        for &i in fired {
            let then = &rules[i].then;
            let counts = [
                then.reason.is_some().into(),
                then.caveat.is_some().into(),
                then.roles.len(),
                then.partnerops.len(),
                then.cadence.len(),
                then.kpis.len(),
            ];
            for (n, count) in most.iter_mut().zip(counts) {
                *n += count;
            }
        }
        let [reasons, caveats, roles, partnerops, cadence, kpis] = most;
        let mut items = Items {
            reports_to: self.reports_to.get(placement),
            reasons: Vec::with_capacity(reasons),
            caveats: Vec::with_capacity(caveats),
            roles: Vec::with_capacity(roles),
            partnerops: Vec::with_capacity(partnerops),
            named: Vec::with_capacity(partnerops),
            cadence: Vec::with_capacity(cadence),
            meetings: Vec::with_capacity(cadence),
            kpis: Vec::with_capacity(kpis),
            at: vec![usize::MAX; derived.distinct.count],
        };
        // Of items with the same title or name, the first wins.
        let distinct = &derived.distinct;
        for (position, &index) in fired.iter().enumerate() {
            let rule = &rules[index];
            let then = &rule.then;
            let from = |item: usize| Some(Origin::new(index, item));
            if let Some(r) = &then.reports_to {
                items.reports_to = r;
            }
            let supports =
                derived.weights[index].scores[placement.index()] > 0.0 || position >= first_design;
            if supports {
                items.reasons.extend(rule.reason(from(0)));
            }
            items.caveats.extend(rule.caveat(from(0)));
            let first = |at: &mut [usize], number: usize| {
                std::mem::replace(&mut at[number], 0) == usize::MAX
            };
            for (i, r) in then.roles.iter().enumerate() {
                if first(&mut items.at, distinct.roles[index][i]) {
                    items
                        .roles
                        .push((r.order, rule.role(r, RoleStatus::Later, from(i))));
                }
            }
            for (i, f) in then.partnerops.iter().enumerate() {
                if first(&mut items.at, distinct.partnerops[index][i]) {
                    items.partnerops.push(rule.partnerops(f, from(i)));
                    items.named.push(&derived.owners[index][i]);
                }
            }
            // Items for the same team are merged by the org model.
            for (i, c) in then.cadence.iter().enumerate() {
                items.cadence.push(rule.cadence(c, from(i)));
                items.meetings.push(derived.meetings[index][i]);
            }
            for (i, k) in then.kpis.iter().enumerate() {
                if first(&mut items.at, distinct.kpis[index][i]) {
                    items.kpis.push(rule.kpi(k, from(i)));
                }
            }
        }
        items
    }
}

/// What the fired rules add to an assessment; roles with their hiring rank.
struct Items<'r> {
    reports_to: &'r Text,
    reasons: Vec<Reason<'r>>,
    caveats: Vec<Caveat<'r>>,
    roles: Vec<(u32, Role<'r>)>,
    partnerops: Vec<PartnerOpsFunction<'r>>,
    /// Who each function's owner line names.
    named: Vec<&'r Named>,
    cadence: Vec<CadenceItem<'r>>,
    /// What each cadence item is.
    meetings: Vec<Meeting>,
    kpis: Vec<Kpi<'r>>,
    /// For each item number of the rulebook ([`Distinct`](super::derived::Distinct)): whether
    /// an item of that number was kept (`usize::MAX` if not), and once the roles are
    /// in hiring order, for a role, its index.
    at: Vec<usize>,
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
