//! What the roadmap assumes of a later stage: the profile raised to the stage's
//! floors, with every change stated.
//!
//! Two choices are the company's, not consequences of growth, and the projection
//! respects them. Whether customers can buy on their own decides when affiliates can
//! run (S3): without self-service buying, planned affiliates stay planned, and a
//! program with nothing else to run starts with referrals that sales closes. And the
//! go-to-market teams grow with the company: sales and marketing keep their share of
//! employees; where customers cannot buy on their own, or referral or reseller partners
//! bring deals for sales to close (S1), a growing company has a sales team to close
//! them; a self-serve company with no sales team keeps none where it runs no such
//! partners or has more than a hundred employees (nobody sells there, and partners'
//! customers sign up on their own).

use crate::assessment::Stage;
use crate::profile::{
    Field, MarketingMaturity, Profile, ProgramMaturity, ProgramType, Violation, listed,
};
use crate::rules::number;

/// One change the projection makes to the profile, or an answer it keeps on purpose
/// (`from` equal to `to`, printed as "stays").
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

/// The employees of a small company, whose founders still sell where there is no
/// sales team (S2's small company; the rulebook's referral-to-sales).
const SMALL_COMPANY: u32 = 100;

/// The floors a later stage assumes where the profile is below them.
struct Floors {
    maturity: ProgramMaturity,
    revenue_share: f64,
    team: u32,
    employees: u32,
    marketing: u32,
    /// The sales team of a company whose customers cannot buy on their own, or whose
    /// referral or reseller partners bring deals for sales to close (S1, S3).
    sellers: u32,
    /// The people in place or hired now at the stage before.
    people: u32,
}

fn floors(stage: Stage) -> Floors {
    let (maturity, revenue_share, team, employees, teams) = match stage {
        Stage::Early => (ProgramMaturity::Launching, 0.0, 1, 1, 0),
        Stage::Mid => (ProgramMaturity::Established, 0.25, 3, 100, 3),
        Stage::Scale => (ProgramMaturity::Scaling, 0.5, 8, 300, 10),
    };
    Floors {
        maturity,
        revenue_share,
        team,
        employees,
        marketing: teams,
        sellers: teams,
        people: 0,
    }
}

/// What the projection assumes at each later stage, in one paragraph for reports.
pub fn assumptions() -> String {
    let (mid, scale) = (floors(Stage::Mid), floors(Stage::Scale));
    let share = |f: &Floors| number(f.revenue_share * 100.0);
    format!(
        "Later stages are projections. Where the profile is below them, mid stage assumes \
         program maturity {}, partners bringing at least {}% of revenue, a team of at least {}, \
         at least {} employees and a marketing team of at least {}; scale stage: {}, {}%, a \
         team of {}, {} employees, marketing of {}. Planned programs run at the next stage; \
         at mid stage or scale, planned within about a year, they start at the profile's \
         own stage, in a step of their own, and run at every later stage; except \
         affiliates while customers cannot buy on their own (S3): those stay planned, and a \
         program with nothing else to run starts with referrals that sales closes (S3), or with \
         affiliates where customers can buy on their own (M2). Sales and marketing keep their \
         share of employees; where customers cannot buy on their own, or referral or reseller \
         partners bring deals for sales to close (S1), sales has at least {} people at mid \
         stage and {} at scale; a self-serve company with no sales team keeps none where it \
         runs no such partners or has more than {} employees. A projected company always has enough employees for the partnerships team \
         and the people it hires now, besides sales and marketing. Regions, goals, self-service buying, whether one \
         leader runs sales and marketing, and who owns revenue stay as they are.",
        mid.maturity,
        share(&mid),
        mid.team,
        mid.employees,
        mid.marketing,
        scale.maturity,
        share(&scale),
        scale.team,
        scale.employees,
        scale.marketing,
        mid.sellers,
        scale.sellers,
        SMALL_COMPANY,
    )
}

/// The profile as assumed at a later stage, with a team of at least `people` (those in
/// place or hired now at the stage before, who stay), and what was assumed.
pub fn project(
    profile: &Profile,
    stage: Stage,
    people: usize,
) -> Result<(Profile, Vec<Assumption>), Violation> {
    let mut p = profile.clone();
    let mut assumed = Assumed(Vec::new());
    let mut f = floors(stage);
    f.people = u32::try_from(people).unwrap_or(u32::MAX);
    raise_program(&mut p, &f, &mut assumed);
    raise_headcounts(&mut p, &f, &mut assumed);
    p.validate()?;
    Ok((p, assumed.0))
}

/// The profile with its planned programs running, at its own stage: they are planned
/// within about a year, sooner than the next stage's growth (and a profile at the
/// last stage has no later one). The programs that start (none when every planned
/// one waits, as affiliates do without self-service buying, S3), the profile, and
/// what was assumed. The team keeps at least `people` (those in place or
/// hired now, who stay; T4), and the company at least that team; nothing else
/// changes.
pub fn launch(profile: &Profile, people: usize) -> (Vec<ProgramType>, Profile, Vec<Assumption>) {
    let mut p = profile.clone();
    let mut assumed = Assumed(Vec::new());
    let (types_before, planned_before) = (listed(&p.program.types), listed(&p.program.planned));
    let started = start_planned(&mut p);
    if started.is_empty() {
        return (started, p, Vec::new());
    }
    let why = "planned within about a year, so they run at this stage";
    assumed.note(
        Field::Types.path(),
        types_before,
        listed(&p.program.types),
        why,
    );
    assumed.note(
        Field::Planned.path(),
        planned_before,
        listed(&p.program.planned),
        why,
    );
    let people = u32::try_from(people).unwrap_or(u32::MAX);
    assumed.raise(
        Field::TeamSize,
        &mut p.program.team_size,
        people,
        |n| n.to_string(),
        "the people in place and hired now at the stage before stay; T4",
    );
    // A company smaller than the teams it holds grows by them.
    hold(&mut p, 0, &mut assumed);
    (started, p, assumed.0)
}

/// The profile of a projected step whose company cannot hold its partnerships team
/// with the `hires` it makes now, beside sales and marketing, with employees raised to
/// hold them and the assumption said; `None` where the company holds them.
pub fn held_by_company(
    profile: &Profile,
    assumptions: &[Assumption],
    hires: usize,
) -> Option<(Profile, Vec<Assumption>)> {
    let mut p = profile.clone();
    let mut assumed = Assumed(assumptions.to_vec());
    let hires = u32::try_from(hires).unwrap_or(u32::MAX);
    hold(&mut p, hires, &mut assumed).then_some((p, assumed.0))
}

/// Raises employees to hold the partnerships team and its `hires`, sales and
/// marketing: each works at the company. Whether it raised them.
fn hold(p: &mut Profile, hires: u32, assumed: &mut Assumed) -> bool {
    let c = &p.company;
    let teams = [c.sales_team, c.marketing_team, p.program.team_size, hires];
    let needed = teams.iter().fold(0u32, |n, t| n.saturating_add(*t));
    let raised = p.company.employees < needed;
    assumed.raise(
        Field::Employees,
        &mut p.company.employees,
        needed,
        |n| n.to_string(),
        "enough employees for the partnerships team and its hires, sales and marketing",
    );
    raised
}

/// Starts the planned programs that can run: all but affiliates while customers cannot
/// buy on their own (S3), which stay planned. Returns those that start.
fn start_planned(p: &mut Profile) -> Vec<ProgramType> {
    let self_serve = p.company.self_serve;
    let (starting, waiting): (Vec<ProgramType>, Vec<ProgramType>) =
        std::mem::take(&mut p.program.planned)
            .into_iter()
            .partition(|t| self_serve || *t != ProgramType::Affiliate);
    p.program.types.extend(starting.iter().copied());
    p.program.planned = waiting;
    starting
}

/// The assumptions made so far.
struct Assumed(Vec<Assumption>);

impl Assumed {
    /// Notes an answer assumed to change from `from` to `to`, unless it does not.
    fn note(&mut self, field: &'static str, from: String, to: String, why: &'static str) {
        if from != to {
            self.keep_or_note(field, from, to, why);
        }
    }

    /// Raises `value` to `floor` where it is below, and notes the change.
    fn raise<T: PartialOrd + Copy>(
        &mut self,
        field: Field,
        value: &mut T,
        floor: T,
        show: impl Fn(T) -> String,
        why: &'static str,
    ) {
        if *value < floor {
            // Raised twice (the company grows, then holds its teams): one line, from
            // the answer the profile gives.
            match self.0.iter_mut().find(|a| a.field == field.path()) {
                Some(a) => {
                    a.to = show(floor);
                    a.why = why;
                }
                None => self.note(field.path(), show(*value), show(floor), why),
            }
            *value = floor;
        }
    }

    /// Notes an answer, also when it is kept as it is: a reader would expect it to change.
    fn keep_or_note(&mut self, field: &'static str, from: String, to: String, why: &'static str) {
        self.0.push(Assumption {
            field,
            from,
            to,
            why,
        });
    }
}

/// The program at the stage: its maturity, the planned programs running (affiliates
/// only with self-service buying), a first program if nothing would run, and the
/// revenue share raised to the stage's floors.
fn raise_program(p: &mut Profile, f: &Floors, assumed: &mut Assumed) {
    assumed.raise(
        Field::Maturity,
        &mut p.program.maturity,
        f.maturity,
        |m| m.to_string(),
        "the stage itself",
    );
    let (types_before, planned_before) = (listed(&p.program.types), listed(&p.program.planned));
    start_planned(p);
    let mut types_why = "the planned programs are running by then";
    if p.program.types.is_empty() {
        // A program past `none` runs something: what the guidance starts with.
        let (first, why) = if p.company.self_serve {
            (
                ProgramType::Affiliate,
                "nothing else is running or planned, and the guidance starts with affiliates, the lightest lift; M2",
            )
        } else {
            (
                ProgramType::Referral,
                "customers cannot buy on their own, so the program starts with referrals that sales closes; S3",
            )
        };
        p.program.types.push(first);
        types_why = why;
    }
    assumed.note(
        Field::Types.path(),
        types_before,
        listed(&p.program.types),
        types_why,
    );
    if p.program.planned.is_empty() {
        assumed.note(
            Field::Planned.path(),
            planned_before,
            "none".into(),
            "the planned programs are running by then",
        );
    } else {
        assumed.keep_or_note(
            Field::Planned.path(),
            planned_before,
            listed(&p.program.planned),
            "affiliates wait until customers can sign up and pay on their own; S3",
        );
    }
    assumed.raise(
        Field::RevenueShare,
        &mut p.program.revenue_share,
        f.revenue_share,
        |share| format!("{}%", number(share * 100.0)),
        "partners bring a growing share of revenue as the program matures",
    );
}

/// The company and the partnerships team at the stage: employees raised to the
/// stage's floor, sales and marketing grown with the company, and the team size.
fn raise_headcounts(p: &mut Profile, f: &Floors, assumed: &mut Assumed) {
    let before = p.company.employees;
    assumed.raise(
        Field::Employees,
        &mut p.company.employees,
        f.employees,
        |n| n.to_string(),
        "the company grows with the program",
    );
    let after = p.company.employees;
    let c = &mut p.company;
    let marketing = with_company(c.marketing_team, before, after);
    let (to, why) = if marketing >= f.marketing {
        (marketing, "marketing keeps its share of employees")
    } else {
        (f.marketing, "a growing company builds out marketing")
    };
    assumed.note(
        Field::MarketingTeam.path(),
        c.marketing_team.to_string(),
        to.to_string(),
        why,
    );
    let maturity = c.marketing_maturity();
    if to > c.marketing_team && maturity == MarketingMaturity::None {
        // A team that grows with the company is being built out (S2 reads maturity).
        assumed.note(
            Field::MarketingMaturity.path(),
            maturity.to_string(),
            MarketingMaturity::Emerging.to_string(),
            "a marketing team that grows with the company is being built out",
        );
        c.marketing_maturity = Some(MarketingMaturity::Emerging);
    }
    c.marketing_team = to;
    let sales = with_company(c.sales_team, before, after);
    // Referral and reseller partners bring deals that sales closes (S1), so a company
    // that runs them needs sellers, also when customers buy on their own; but a
    // self-serve company past a small one's size (the rulebook's
    // referral-to-sales) that never built a sales team sells to nobody, and
    // its partners' customers sign up on their own.
    let closed_by_sales = (p.program.types.iter())
        .any(|t| matches!(t, ProgramType::Referral | ProgramType::Reseller));
    let no_sellers = c.self_serve && c.sales_team == 0;
    let (to, why) = if no_sellers && (!closed_by_sales || before > SMALL_COMPANY) {
        (
            0,
            "customers buy on their own, so nobody is assumed to sell full time",
        )
    } else if (c.self_serve && !closed_by_sales) || sales >= f.sellers {
        (sales, "sales keeps its share of employees")
    } else if c.self_serve {
        (
            f.sellers,
            "referral and reseller partners bring deals that sales closes, so a growing company has sellers to close them; S1",
        )
    } else {
        (
            f.sellers,
            "customers cannot buy on their own, so a growing company has sellers to close its deals; S3",
        )
    };
    if to == 0 && after > before {
        assumed.keep_or_note(Field::SalesTeam.path(), "0".into(), "0".into(), why);
    } else {
        assumed.note(
            Field::SalesTeam.path(),
            c.sales_team.to_string(),
            to.to_string(),
            why,
        );
    }
    c.sales_team = to;
    let (team, why) = if f.people > f.team {
        (
            f.people,
            "the people in place and hired now at the stage before stay; T4",
        )
    } else {
        (f.team, "the team grows with the program")
    };
    assumed.raise(
        Field::TeamSize,
        &mut p.program.team_size,
        team,
        |n| n.to_string(),
        why,
    );
    // Only where the floors meet a company that is nearly all sales and marketing.
    hold(p, 0, assumed);
}

/// A team of `team` out of `before` employees, grown to keep its share of `after`
/// employees (rounded down, never below its size today).
fn with_company(team: u32, before: u32, after: u32) -> u32 {
    let grown = u64::from(team) * u64::from(after) / u64::from(before.max(1));
    u32::try_from(grown).unwrap_or(u32::MAX).max(team)
}
