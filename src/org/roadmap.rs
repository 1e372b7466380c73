//! The roadmap: where partnerships should sit, and what the team looks like, as the
//! program grows from its current stage to scale.
//!
//! Nobody knows a company's future, so the roadmap states what it assumes. From the
//! profile's own stage, each later stage is projected with these assumptions, applied
//! only where they raise the profile's answers:
//!
//! | stage | program.maturity | planned programs | revenue share | team size | employees | marketing team | sales team without self-serve |
//! |---|---|---|---|---|---|---|---|
//! | mid   | established | running | at least 25% | at least 3 | at least 100 | at least 3 | at least 3 |
//! | scale | scaling     | running | at least 50% | at least 8 | at least 300 | at least 10 | at least 10 |
//!
//! Sales and marketing keep their share of employees; affiliates wait for
//! self-service buying (S3); see [`projection`]. Regions, goals, self-service buying,
//! a shared sales-and-marketing leader and who owns revenue stay as they are: those
//! are choices, not consequences of growth. Stages before the profile's own are already behind it and are listed as
//! passed. The projection is pure: the same profile and rulebook always give the
//! same roadmap.

use super::OrgChart;
use crate::assessment::{Assessment, RoleStatus};
use crate::assessment::{Placement, Stage};
use crate::profile::{Profile, Source, Violation};
use crate::rules::Rulebook;
use crate::rules::engine::Options;

mod projection;
pub use projection::{Assumption, assumptions, project};

/// The advice at one stage.
#[derive(Debug, Clone)]
pub struct Step<'r> {
    /// The stage.
    pub stage: Stage,
    /// What was assumed to reach it (empty for the profile's own stage).
    pub assumptions: Vec<Assumption>,
    /// The assessment of the projected profile.
    pub assessment: Assessment<'r>,
    /// Its org chart.
    pub chart: OrgChart,
}

/// A change of placement or of reporting line between two consecutive steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The stage the team moves at.
    pub at: Stage,
    /// Where it was.
    pub from: Placement,
    /// Where it goes; the same as `from` when only the reporting line changes.
    pub to: Placement,
    /// Whom the partnerships lead reported to.
    pub reported_to: String,
    /// Whom the partnerships lead reports to from this stage.
    pub reports_to: String,
    /// The reasons for the new placement that did not hold before.
    pub why: Vec<String>,
    /// How sure the new placement is, in words (`narrow, 8 points against 6 ...`).
    pub margin: String,
    /// The new placement only wins on the rulebook's tie-break order.
    pub tie: bool,
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
    pub fn project(
        rulebook: &'r Rulebook,
        source: &Source,
        profile: &Profile,
    ) -> Result<Roadmap<'r>, Violation> {
        let now = Stage::of(profile.program.maturity);
        let mut steps = Vec::new();
        for stage in Stage::ALL.iter().copied().filter(|s| *s >= now) {
            let (projected, assumptions) = if stage == now {
                (profile.clone(), Vec::new())
            } else {
                project(profile, stage)?
            };
            let assessment = rulebook.assess(
                source.clone(),
                &projected,
                Options {
                    stage: Some(stage),
                    ..Options::default()
                },
            );
            let chart = OrgChart::from_assessment(&assessment);
            steps.push(Step {
                stage,
                assumptions,
                assessment,
                chart,
            });
        }
        Ok(Roadmap {
            company: profile.name.clone(),
            passed: Stage::ALL.iter().copied().filter(|s| *s < now).collect(),
            steps,
            rulebook,
        })
    }

    /// Every change of placement or reporting line along the way, with its reasons:
    /// the guidance that starts to apply, for the new placement or against the old one.
    /// A point that held before under another rule (the same guidance, weighed the
    /// same, worded for the stage) is not a reason to move.
    pub fn moves(&self) -> Vec<Move> {
        self.steps
            .windows(2)
            .filter(|w| {
                let (before, after) = (&w[0].assessment, &w[1].assessment);
                before.placement != after.placement || before.reports_to != after.reports_to
            })
            .map(|w| {
                let before = &w[0].assessment;
                let after = &w[1].assessment;
                let new = |id: &str| {
                    let Some(now) = after.rules.iter().find(|f| f.id == id) else {
                        return false;
                    };
                    !before
                        .rules
                        .iter()
                        .any(|f| f.id == id || (f.cites == now.cites && f.scores == now.scores))
                };
                // Rules that start to take points from the old placement, with a reason.
                let against = after
                    .rules
                    .iter()
                    .filter(|f| {
                        new(f.id) && f.scores.get(&before.placement).is_some_and(|d| *d < 0.0)
                    })
                    .filter_map(|f| self.rulebook.rule(f.id)?.then.reason.as_ref())
                    .map(ToString::to_string);
                let reasons = after
                    .reasons
                    .iter()
                    .filter(|r| new(r.rule))
                    .map(|r| r.text.to_string());
                Move {
                    at: w[1].stage,
                    from: before.placement,
                    to: after.placement,
                    reported_to: before.reports_to.to_string(),
                    reports_to: after.reports_to.to_string(),
                    margin: after.confidence_words(),
                    tie: after.tie,
                    why: against.chain(reasons).collect(),
                }
            })
            .collect()
    }
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

#[cfg(test)]
mod tests;
