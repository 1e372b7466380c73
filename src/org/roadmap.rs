//! The roadmap: where partnerships should sit, and what the team looks like, as the
//! program grows from its current stage to scale.
//!
//! Nobody knows a company's future, so the roadmap states what it assumes. From the
//! profile's own stage, each later stage is projected with these assumptions, applied
//! only where they raise the profile's answers:
//!
//! | stage | program.maturity | planned programs | revenue share | team size | employees | marketing team |
//! |---|---|---|---|---|---|---|
//! | mid   | established | running | at least 25% | at least 3 | at least 100 | at least 3 |
//! | scale | scaling     | running | at least 50% | at least 8 | at least 300 | at least 10 |
//!
//! Regions, goals, the sales team and who owns revenue stay as they are: those are
//! choices, not consequences of growth. Stages before the profile's own are already
//! behind it and are listed as passed. The projection is pure: the same profile and
//! rulebook always give the same roadmap.

use super::OrgChart;
use crate::assessment::{Assessment, RoleStatus};
use crate::assessment::{Placement, Stage};
use crate::profile::{Field, Profile, ProgramMaturity, Source, Violation};
use crate::rules::engine::Options;
use crate::rules::{Rulebook, number};

/// One change the projection makes to the profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumption {
    /// The profile field, e.g. `program.maturity`.
    pub field: &'static str,
    /// The value before.
    pub from: String,
    /// The value assumed.
    pub to: String,
    /// Why this is assumed.
    pub why: &'static str,
}

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

/// A change of placement between two consecutive steps.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    /// The stage the team moves at.
    pub at: Stage,
    /// Where it was.
    pub from: Placement,
    /// Where it goes.
    pub to: Placement,
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

    /// Every change of placement along the way, with its reasons: the guidance that
    /// starts to apply, for the new placement or against the old one.
    pub fn moves(&self) -> Vec<Move> {
        self.steps
            .windows(2)
            .filter(|w| w[0].assessment.placement != w[1].assessment.placement)
            .map(|w| {
                let before = &w[0].assessment;
                let after = &w[1].assessment;
                let new = |id: &str| before.rules.iter().all(|f| f.id != id);
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

/// The floors assumed at a stage: maturity, revenue share, team size, employees,
/// marketing team.
fn floors(stage: Stage) -> (ProgramMaturity, f64, u32, u32, u32) {
    match stage {
        Stage::Early => (ProgramMaturity::Launching, 0.0, 1, 1, 0),
        Stage::Mid => (ProgramMaturity::Established, 0.25, 3, 100, 3),
        Stage::Scale => (ProgramMaturity::Scaling, 0.5, 8, 300, 10),
    }
}

/// What the projection assumes at each later stage, in one paragraph for reports.
pub fn assumptions() -> String {
    let stage = |stage: Stage| {
        let (maturity, share, team, employees, marketing) = floors(stage);
        format!(
            "{stage} stage = program maturity {maturity}, planned programs running, partners \
             bringing at least {}% of revenue, a team of at least {team}, at least {employees} \
             employees and a marketing team of at least {marketing}",
            number(share * 100.0)
        )
    };
    format!(
        "Later stages are projections. Where the profile is below them, they assume: {}; {}. \
         Regions, goals, the sales team and who owns revenue stay as they are.",
        stage(Stage::Mid),
        stage(Stage::Scale)
    )
}

/// The profile as assumed at a later stage, and what was assumed.
pub fn project(profile: &Profile, stage: Stage) -> Result<(Profile, Vec<Assumption>), Violation> {
    let mut p = profile.clone();
    let mut assumed = Assumed(Vec::new());
    raise_program(&mut p, stage, &mut assumed);
    raise_headcounts(&mut p, stage, &mut assumed);
    p.validate()?;
    Ok((p, assumed.0))
}

/// The assumptions made so far.
struct Assumed(Vec<Assumption>);

impl Assumed {
    /// Notes an answer assumed to change from `from` to `to`, unless it does not.
    fn note(&mut self, field: &'static str, from: String, to: String, why: &'static str) {
        if from != to {
            self.0.push(Assumption {
                field,
                from,
                to,
                why,
            });
        }
    }
}

/// The program at the stage: its maturity, the planned programs running, and the
/// revenue share raised to the stage's floors.
fn raise_program(p: &mut Profile, stage: Stage, assumed: &mut Assumed) {
    let (maturity, share, ..) = floors(stage);
    if p.program.maturity < maturity {
        assumed.note(
            Field::Maturity.path(),
            p.program.maturity.to_string(),
            maturity.to_string(),
            "the stage itself",
        );
        p.program.maturity = maturity;
    }
    if !p.program.planned.is_empty() {
        let planned = std::mem::take(&mut p.program.planned);
        let before = list(&p.program.types);
        let planned_before = list(&planned);
        p.program.types.extend(planned);
        assumed.note(
            Field::Types.path(),
            before,
            list(&p.program.types),
            "the planned programs are running by then",
        );
        assumed.note(
            Field::Planned.path(),
            planned_before,
            "none".into(),
            "the planned programs are running by then",
        );
    }
    if p.program.revenue_share < share {
        assumed.note(
            Field::RevenueShare.path(),
            percent(p.program.revenue_share),
            percent(share),
            "partners bring a growing share of revenue as the program matures",
        );
        p.program.revenue_share = share;
    }
}

/// The company and the partnerships team at the stage: employees, the marketing
/// team and the team size raised to the stage's floors, and enough employees for
/// the sales and marketing teams.
fn raise_headcounts(p: &mut Profile, stage: Stage, assumed: &mut Assumed) {
    let (_, _, team, employees, marketing) = floors(stage);
    if p.company.employees < employees {
        assumed.note(
            Field::Employees.path(),
            p.company.employees.to_string(),
            employees.to_string(),
            "the company grows with the program",
        );
        p.company.employees = employees;
    }
    if p.company.marketing_team < marketing {
        assumed.note(
            Field::MarketingTeam.path(),
            p.company.marketing_team.to_string(),
            marketing.to_string(),
            "a growing company builds out marketing",
        );
        if p.company.marketing_team == 0 {
            // Let the documented default (emerging) apply to the new team.
            p.company.marketing_maturity = None;
        }
        p.company.marketing_team = marketing;
    }
    let team = team.min(p.company.employees);
    if p.program.team_size < team {
        assumed.note(
            Field::TeamSize.path(),
            p.program.team_size.to_string(),
            team.to_string(),
            "the team grows with the program",
        );
        p.program.team_size = team;
    }
    let gtm = p.company.sales_team + p.company.marketing_team;
    if p.company.employees < gtm {
        p.company.employees = gtm;
    }
}

fn list<T: std::fmt::Display>(items: &[T]) -> String {
    if items.is_empty() {
        return "none".into();
    }
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn percent(share: f64) -> String {
    format!("{}%", number(share * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sellfy() -> Profile {
        Profile::parse("sellfy.yaml", include_str!("../../profiles/sellfy.yaml")).unwrap()
    }

    #[test]
    fn projection_only_raises_answers_and_states_each_change() {
        let (mid, assumed) = project(&sellfy(), Stage::Mid).unwrap();
        assert_eq!(mid.program.maturity, ProgramMaturity::Established);
        assert_eq!(mid.program.revenue_share, 0.25);
        assert_eq!(
            mid.company.marketing_team, 5,
            "already above the floor of 3"
        );
        assert_eq!(mid.company.employees, 100);
        let fields: Vec<&str> = assumed.iter().map(|a| a.field).collect();
        assert_eq!(
            fields,
            [
                "program.maturity",
                "program.revenue_share",
                "company.employees",
                "program.team_size"
            ]
        );
    }

    #[test]
    fn planned_programs_are_running_at_the_next_stage() {
        let mut p = sellfy();
        p.program.planned = vec![
            crate::profile::ProgramType::Referral,
            crate::profile::ProgramType::Reseller,
        ];
        let (mid, assumed) = project(&p, Stage::Mid).unwrap();
        assert!(mid.program.planned.is_empty());
        assert_eq!(mid.program.types.len(), 3);
        assert!(
            assumed
                .iter()
                .any(|a| a.field == "program.types" && a.to == "affiliate, referral, reseller")
        );
    }

    #[test]
    fn an_affiliate_program_under_marketing_moves_to_its_own_department_as_it_grows() {
        let p = sellfy();
        let source = Source {
            path: "sellfy.yaml".into(),
            document: None,
        };
        let roadmap = Roadmap::project(Rulebook::default_rules(), &source, &p).unwrap();
        let stages: Vec<Stage> = roadmap.steps.iter().map(|s| s.stage).collect();
        assert_eq!(stages, [Stage::Early, Stage::Mid, Stage::Scale]);
        assert!(roadmap.passed.is_empty());
        assert_eq!(roadmap.steps[0].assessment.placement, Placement::Marketing);
        let moves = roadmap.moves();
        assert_eq!(moves.len(), 1, "{moves:?}");
        assert_eq!(
            (moves[0].from, moves[0].to),
            (Placement::Marketing, Placement::Standalone)
        );
        assert!(!moves[0].why.is_empty());
    }

    #[test]
    fn a_move_away_from_the_shared_leader_says_the_signal_is_met() {
        let text = include_str!("../../profiles/outgrow.yaml");
        let p = Profile::parse("outgrow.yaml", text).unwrap();
        let source = Source {
            path: "outgrow.yaml".into(),
            document: None,
        };
        let roadmap = Roadmap::project(Rulebook::default_rules(), &source, &p).unwrap();
        let moves = roadmap.moves();
        assert_eq!(moves.len(), 1, "{moves:?}");
        let m = &moves[0];
        assert_eq!(
            (m.at, m.from, m.to, m.tie),
            (
                Stage::Mid,
                Placement::CrossFunctional,
                Placement::Standalone,
                false
            )
        );
        assert!(m.why[0].starts_with("The agreed signals for leaving the shared leader are met"));
        assert!(m.margin.starts_with("moderate: "), "{}", m.margin);
        // No reason repeats the projection's own assumptions.
        assert!(m.why.iter().all(|w| !w.contains("reaches")));
    }

    #[test]
    fn stages_behind_the_profile_are_passed() {
        let mut p = sellfy();
        p.program.maturity = ProgramMaturity::Scaling;
        let source = Source {
            path: "x".into(),
            document: None,
        };
        let roadmap = Roadmap::project(Rulebook::default_rules(), &source, &p).unwrap();
        assert_eq!(roadmap.passed, [Stage::Early, Stage::Mid]);
        assert_eq!(roadmap.steps.len(), 1);
        assert!(roadmap.steps[0].assumptions.is_empty());
    }
}
