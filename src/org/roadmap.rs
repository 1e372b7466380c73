//! The roadmap: where partnerships should sit, and what the team looks like, as the
//! program grows from its current stage to scale.
//!
//! Nobody knows a company's future, so the roadmap states what it assumes. From the
//! profile's own stage, each later stage is projected with these assumptions, applied
//! only where they raise the profile's answers:
//!
//! | stage | program.maturity | planned programs | revenue share | team size | employees | marketing team | sales team without self-serve or with referral/reseller partners |
//! |---|---|---|---|---|---|---|---|
//! | mid   | established | running | at least 25% | at least 3 | at least 100 | at least 3 | at least 3 |
//! | scale | scaling     | running | at least 50% | at least 8 | at least 300 | at least 10 | at least 10 |
//!
//! Programs planned within about a year start sooner at the mid or scale stage: at the
//! profile's own stage, in a step of their own that assumes only that they run (and
//! that the people in place stay), from which the later stages grow. Sales and marketing keep their share of
//! employees; affiliates wait for self-service buying (S3); see `projection`. Regions, goals, self-service buying,
//! a shared sales-and-marketing leader and who owns revenue stay as they are: those
//! are choices, not consequences of growth. Stages before the profile's own are already behind it and are listed as
//! passed. The projection is pure: the same profile and rulebook always give the
//! same roadmap.

use super::OrgChart;
use crate::assessment::{Assessment, FiredRule, RoleStatus};
use crate::assessment::{ConfidenceLabel, Placement, Stage};
use crate::profile::{Field, Profile, ProgramType, Source, Violation};
use crate::rules::Rulebook;
use crate::rules::engine::Options;
use crate::rules::seats::{Retitled, held, retitled};

mod premise;
mod projection;
use premise::Projected;
pub use projection::{Assumption, assumptions, project};
use projection::{held_by_company, launch};

/// The advice at one stage.
#[derive(Debug, Clone)]
pub struct Step<'r> {
    /// The stage.
    pub stage: Stage,
    /// What was assumed to reach it (empty for the profile's own stage).
    pub assumptions: Vec<Assumption>,
    /// The profile as assumed at this stage (the profile itself at its own stage).
    pub profile: Profile,
    /// The assessment of the projected profile.
    pub assessment: Assessment<'r>,
    /// Its org chart.
    pub chart: OrgChart,
    /// The people of the stage before (in place or hired now) who hold their seat
    /// here under another title, and why.
    pub retitled: Vec<Retitled>,
    /// The roles planned for later at the stage before whose plan this stage carries
    /// under another title (a segment lead where a growth team lead was planned), and
    /// why: a plan never vanishes unsaid.
    pub replanned: Vec<Retitled>,
    /// The planned programs that start at this step: only on the step added after the
    /// profile's own stage, at that stage, where programs planned within about a year
    /// start (empty otherwise).
    pub starts: Vec<ProgramType>,
    /// Where the team goes once the people hired now join, where that is elsewhere:
    /// a hire that crosses a move signal (a third person on a team under a shared
    /// leader, C2) brings the move with it (T4).
    pub with_hires: Option<WithHires>,
}

/// The placement a step's hires now bring: the team with them, assessed again.
#[derive(Debug, Clone, PartialEq)]
pub struct WithHires {
    /// The team with the people hired now.
    pub team: u32,
    /// Where the team goes with them.
    pub placement: Placement,
    /// How sure, in words.
    pub margin: String,
    /// Only by a tie or a narrow margin: a choice to weigh with the hires.
    pub narrow: bool,
}

impl<'r> Step<'r> {
    /// Evaluates `projected` at `stage`, after the step `before`: whoever is in place
    /// or hired now there is in place here (T4), and what was planned for later is
    /// still planned, unless this stage's roles take its seat.
    fn assess(
        rulebook: &'r Rulebook,
        source: &Source,
        stage: Stage,
        before: Option<&Step<'r>>,
        projected: Profile,
        assumptions: Vec<Assumption>,
    ) -> Step<'r> {
        let held_at = |status: &[RoleStatus]| {
            before.map_or_else(Vec::new, |b| held(&b.assessment.roles, status))
        };
        let people = held_at(&[RoleStatus::Current, RoleStatus::Next]);
        let planned = held_at(&[RoleStatus::Later]);
        let assessment = rulebook.assess(
            source.clone(),
            &projected,
            Options {
                stage: Some(stage),
                people: &people,
                planned: &planned,
                ..Options::default()
            },
        );
        let (retitled, replanned) = before.map_or_else(Default::default, |b| {
            (
                retitled(rulebook, &people, &b.assessment, &assessment),
                retitled(rulebook, &planned, &b.assessment, &assessment),
            )
        });
        let chart = OrgChart::from_assessment(&assessment);
        Step {
            stage,
            assumptions,
            profile: projected,
            assessment,
            chart,
            retitled,
            replanned,
            starts: Vec::new(),
            with_hires: None,
        }
    }

    /// Where the team goes once the people hired now join, if elsewhere (one more
    /// assessment, only at a step that hires).
    fn with_hires(&self, rulebook: &Rulebook) -> Option<WithHires> {
        let hires = roles_with(self, RoleStatus::Next).len();
        let hires = u32::try_from(hires).ok().filter(|&n| n > 0)?;
        let mut profile = self.profile.clone();
        let team = profile.program.team_size.saturating_add(hires);
        profile.program.team_size = team;
        // A team bigger than the company is not a profile: the company holds it.
        profile.company.employees = profile.company.employees.max(team);
        let options = Options {
            stage: Some(self.stage),
            ..Options::default()
        };
        let a = rulebook.assess(self.assessment.source.clone(), &profile, options);
        (a.placement != self.assessment.placement).then(|| WithHires {
            team,
            placement: a.placement,
            margin: a.confidence_words(),
            narrow: matches!(
                a.confidence_label,
                ConfidenceLabel::Narrow | ConfidenceLabel::Tie
            ),
        })
    }

    /// `step`, a projected one, at a company that holds its partnerships team with
    /// the people it hires now, beside sales and marketing: where it does not,
    /// employees are raised and the step assessed again (a bigger company can bring
    /// another hire, so a few times at most).
    fn held(
        rulebook: &'r Rulebook,
        source: &Source,
        before: Option<&Step<'r>>,
        mut step: Step<'r>,
    ) -> Step<'r> {
        for _ in 0..3 {
            let hires = roles_with(&step, RoleStatus::Next).len();
            let Some((p, a)) = held_by_company(&step.profile, &step.assumptions, hires) else {
                break;
            };
            step = Step::assess(rulebook, source, step.stage, before, p, a);
        }
        step
    }
}

/// How many people of `step` stay at the next: those in place or hired now, and the
/// people beyond the roles (more of a partner manager).
fn staying(step: &Step) -> usize {
    let people = held(
        &step.assessment.roles,
        &[RoleStatus::Current, RoleStatus::Next],
    )
    .len();
    let beyond = step.assessment.beyond_roles.as_ref();
    people + beyond.map_or(0, |b| b.people as usize)
}

/// A change of placement or of reporting line between two consecutive steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The stage the team moves at.
    pub at: Stage,
    /// The index in `Roadmap::steps` of the step it moves at (two steps share the
    /// profile's own stage when planned programs start there).
    pub into: usize,
    /// Where it was.
    pub from: Placement,
    /// Where it goes; the same as `from` when only the reporting line changes.
    pub to: Placement,
    /// Whom the partnerships lead reported to.
    pub reported_to: String,
    /// Whom the partnerships lead reports to from this stage.
    pub reports_to: String,
    /// The reasons for the new placement that did not hold before; one that holds
    /// only by the projection's assumptions says so ("If partners bring 25% of
    /// revenue, as assumed for this stage: ...").
    pub why: Vec<String>,
    /// How sure the new placement is, in words (`narrow, 8 points against 6 ...`).
    pub margin: String,
    /// The new placement only wins on the rulebook's tie-break order.
    pub tie: bool,
    /// The new placement wins by a narrow margin (under 3 points) over its runner-up,
    /// whichever that is: a small change of answers could undo the move or send the
    /// team elsewhere, so it is a choice to weigh, not a signal (see [`Move::choice`]).
    pub narrow: bool,
    /// The guidance that held the team in the old placement and no longer applies.
    pub ended: Vec<String>,
    /// The move at the share of revenue partners bring today, where the projection
    /// raised it and that changes the advice: `None` where it does not.
    pub at_todays_share: Option<AtTodaysShare>,
    /// The stage whose hires now already bring this move (`Step::with_hires`):
    /// this stage is the latest it comes.
    pub brought_by_hires: Option<Stage>,
}

impl Move {
    /// The move is a choice to weigh, not a clear signal: a tie, a narrow margin, or a
    /// move the assumed share of revenue decides (at today's share the team would sit
    /// elsewhere). Every format says it the same way ("Consider moving").
    pub fn choice(&self) -> bool {
        self.tie
            || self.narrow
            || (self.at_todays_share.as_ref()).is_some_and(|t| t.placement != self.to)
    }
}

/// A move seen at the share of revenue partners bring today. The share is the one
/// assumption that is an outcome rather than growth (D3 asks for a growing share; the
/// roadmap cannot know it will grow), so a move it decides, or that it turns from
/// narrow to sure, says so.
#[derive(Debug, Clone, PartialEq)]
pub struct AtTodaysShare {
    /// The share today, in words (`4%`).
    pub share: String,
    /// Where the team would be at this stage with it.
    pub placement: Placement,
    /// How sure, in words (`narrow: 5 points to 4 over marketing, the runner-up`).
    pub margin: String,
    /// It is only a narrow margin or a tie.
    pub narrow: bool,
}

/// The roadmap of one profile.
#[derive(Debug, Clone)]
pub struct Roadmap<'r> {
    /// The company.
    pub company: String,
    /// Stages the profile is already beyond.
    pub passed: Vec<Stage>,
    /// The profile's own stage, then each later one.
    pub steps: Vec<Step<'r>>,
    /// The rulebook the steps were evaluated with.
    pub rulebook: &'r Rulebook,
}

impl<'r> Roadmap<'r> {
    /// Projects a profile from its own stage to scale and evaluates every stage.
    /// Programs planned within about a year (the profile's `planned`) start at the
    /// profile's own stage, in a step of their own right after it, where that stage
    /// is mid or scale (the next stage is otherwise a whole stage of growth later,
    /// or none); the later stages grow from that step. At the early stage they start
    /// at the next step, mid stage, already.
    pub fn project(
        rulebook: &'r Rulebook,
        source: &Source,
        profile: &Profile,
    ) -> Result<Roadmap<'r>, Violation> {
        let now = Stage::of(profile.program.maturity);
        let own = Step::assess(rulebook, source, now, None, profile.clone(), Vec::new());
        let mut steps = vec![own];
        let mut base = profile.clone();
        if now >= Stage::Mid {
            let (starts, launched, assumptions) = launch(profile, staying(&steps[0]));
            if !starts.is_empty() {
                let (own, launched) = (steps.last(), launched);
                let step = Step::assess(rulebook, source, now, own, launched, assumptions);
                let mut step = Step::held(rulebook, source, own, step);
                step.starts = starts;
                base = step.profile.clone();
                steps.push(step);
            }
        }
        for stage in Stage::ALL.iter().copied().filter(|s| *s > now) {
            let before = steps.last();
            // The people beyond the roles stay too: more of a partner manager.
            let (projected, assumptions) = project(&base, stage, before.map_or(0, staying))?;
            let step = Step::assess(rulebook, source, stage, before, projected, assumptions);
            steps.push(Step::held(rulebook, source, before, step));
        }
        for step in &mut steps {
            step.with_hires = step.with_hires(rulebook);
        }
        Ok(Roadmap {
            company: profile.name.clone(),
            passed: Stage::ALL.iter().copied().filter(|s| *s < now).collect(),
            steps,
            rulebook,
        })
    }

    /// Every change of placement or reporting line along the way, with its reasons:
    /// the guidance that starts to apply, for the new placement or against the old
    /// one, and the guidance that stops applying which held the team where it was.
    pub fn moves(&self) -> Vec<Move> {
        self.steps
            .windows(2)
            .enumerate()
            .filter(|(_, w)| {
                let (before, after) = (&w[0].assessment, &w[1].assessment);
                before.placement != after.placement || before.reports_to != after.reports_to
            })
            .map(|(k, w)| {
                let before = &w[0].assessment;
                let after = &w[1].assessment;
                let (old, new) = (before.placement, after.placement);
                let score = |f: &FiredRule, p: Placement| f.scores.get(&p).copied().unwrap_or(0.0);
                // Said as resting on the projection's assumptions where it does.
                let projected = Projected {
                    original: &self.grown_from(k + 1).profile,
                    profile: &w[1].profile,
                    assumptions: &w[1].assumptions,
                    stage: w[1].stage,
                    placement: new,
                };
                let say = |id: &str, said: Option<String>| {
                    let rule = self.rulebook.rule(id)?;
                    Some(projected.said(rule, said.or_else(|| self.said(id))?))
                };
                // Rules that start to take points from the old placement, first.
                let takes = |f: &FiredRule| started(before, after, f.id) && score(f, old) < 0.0;
                let against = after
                    .rules
                    .iter()
                    .filter(|f| takes(f))
                    .filter_map(|f| say(f.id, None));
                // Said once: a rule that also gives the new placement a point
                // (shared-leader-move-signal) is said above.
                let reasons = after
                    .reasons
                    .iter()
                    .filter(|r| started(before, after, r.rule))
                    .filter(|r| !after.rules.iter().any(|f| f.id == r.rule && takes(f)))
                    .filter_map(|r| say(r.rule, Some(r.text.to_string())));
                // Rules that held the team where it was and no longer apply.
                let ended = before
                    .rules
                    .iter()
                    .filter(|f| ended(before, after, f.id))
                    .filter(|f| old != new && (score(f, old) > 0.0 || score(f, new) < 0.0))
                    .filter_map(|f| say(f.id, None));
                let at_todays_share = self.at_todays_share(&w[1], old, new);
                Move {
                    at: w[1].stage,
                    into: k + 1,
                    from: old,
                    to: new,
                    reported_to: before.reports_to.to_string(),
                    reports_to: after.reports_to.to_string(),
                    margin: after.confidence_words(),
                    tie: after.tie,
                    narrow: after.confidence_label == ConfidenceLabel::Narrow,
                    why: premise::grouped(against.chain(reasons), false),
                    ended: premise::grouped(ended, true),
                    at_todays_share,
                    brought_by_hires: (w[0].with_hires.as_ref())
                        .filter(|h| old != new && h.placement == new)
                        .map(|_| w[0].stage),
                }
            })
            .collect()
    }

    /// The step the step `k` was projected from: the profile's own, or the step where
    /// its planned programs start, from which the later stages grow (that step itself
    /// grows from the profile's own).
    fn grown_from(&self, k: usize) -> &Step<'r> {
        (self.steps[1..k].iter().rev())
            .find(|s| !s.starts.is_empty())
            .unwrap_or(&self.steps[0])
    }

    /// The move from `old` to `new` into `step` at the share of revenue partners bring
    /// today, where the projection raised it: where the team would be instead, or how
    /// narrow the move would be; `None` where the share was not raised or the move
    /// stands as sure without it.
    fn at_todays_share(
        &self,
        step: &Step,
        old: Placement,
        new: Placement,
    ) -> Option<AtTodaysShare> {
        let share = Field::RevenueShare;
        let assumed = (step.assumptions.iter()).find(|a| a.field == share.path())?;
        if assumed.from == assumed.to || old == new {
            return None;
        }
        let today = share.get(&self.steps[0].profile);
        let mut profile = step.profile.clone();
        share.set(&mut profile, &today);
        let options = Options {
            stage: Some(step.stage),
            ..Options::default()
        };
        let a = self
            .rulebook
            .assess(step.assessment.source.clone(), &profile, options);
        let narrow = matches!(
            a.confidence_label,
            ConfidenceLabel::Narrow | ConfidenceLabel::Tie
        );
        let sure = !matches!(
            step.assessment.confidence_label,
            ConfidenceLabel::Narrow | ConfidenceLabel::Tie
        );
        (a.placement != new || (narrow && sure)).then(|| AtTodaysShare {
            share: assumed.from.clone(),
            placement: a.placement,
            margin: a.confidence_words(),
            narrow,
        })
    }

    /// What a rule says to a reader: its reason, or its summary as a sentence where it
    /// gives none.
    fn said(&self, id: &str) -> Option<String> {
        let rule = self.rulebook.rule(id)?;
        Some(match &rule.then.reason {
            Some(reason) => reason.to_string(),
            None => format!("{}.", rule.summary.trim_end_matches('.')),
        })
    }
}

/// The rule `id` applies after and did not before: no rule before has its id, nor
/// made the same point at least as strongly (the same guidance, worded for the stage:
/// S3 is "start with referrals" before anything runs and "partner leads end with
/// sales" once established). A stronger point (D1 for an established, then a scaling
/// program) is new.
fn started(before: &Assessment, after: &Assessment, id: &str) -> bool {
    let Some(now) = after.rules.iter().find(|f| f.id == id) else {
        return false;
    };
    !before.rules.iter().any(|f| {
        f.id == id
            || (same_point(f, now)
                && f.scores
                    .iter()
                    .all(|(p, d)| d.abs() >= now.scores.get(p).map_or(0.0, |n| n.abs())))
    })
}

/// The rule `id` applied before and does not after, nor does any rule that makes its
/// point.
fn ended(before: &Assessment, after: &Assessment, id: &str) -> bool {
    let Some(then) = before.rules.iter().find(|f| f.id == id) else {
        return false;
    };
    !after
        .rules
        .iter()
        .any(|f| f.id == id || same_point(f, then))
}

/// Two rules make the same point: they cite the same guidance and push the same
/// placements the same way.
fn same_point(a: &FiredRule, b: &FiredRule) -> bool {
    let way = |f: &FiredRule| -> Vec<(Placement, bool)> {
        f.scores.iter().map(|(p, d)| (*p, *d > 0.0)).collect()
    };
    a.cites == b.cites && way(a) == way(b)
}

/// Roles with this status at a step, in hiring order.
pub fn roles_with<'a>(step: &'a Step, status: RoleStatus) -> Vec<&'a str> {
    step.assessment
        .roles
        .iter()
        .filter(|r| r.status == status)
        .map(|r| r.title.as_str())
        .collect()
}

/// Whether the person in place as `title` at `step` was there, or hired now, at the
/// stage `before` (perhaps under another title): otherwise the team's assumed growth
/// brought them in between the two stages.
pub fn carried(step: &Step, before: &Step, title: &str) -> bool {
    let had = |t: &str| {
        (before.assessment.roles.iter())
            .any(|r| r.status != RoleStatus::Later && r.title.as_str() == t)
    };
    had(title)
        || step
            .retitled
            .iter()
            .any(|r| r.after == title && had(&r.before))
}

/// Whether `title`, in place at `step` and new since the stage `before`, was announced
/// there as a later hire (perhaps under another title): otherwise the team's assumed
/// growth, or a program that starts, brought the seat in without notice.
pub fn announced(step: &Step, before: &Step, title: &str) -> bool {
    let later = |t: &str| {
        (before.assessment.roles.iter())
            .any(|r| r.status == RoleStatus::Later && r.title.as_str() == t)
    };
    later(title)
        || (step.retitled.iter().chain(&step.replanned))
            .any(|r| r.after == title && later(&r.before))
}

#[cfg(test)]
mod tests;
