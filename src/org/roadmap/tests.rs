use super::*;
use crate::profile::ProgramMaturity;

fn sellfy() -> Profile {
    Profile::parse("sellfy.yaml", include_str!("../../../profiles/sellfy.yaml")).unwrap()
}

#[test]
fn projection_only_raises_answers_and_states_each_change() {
    let (mid, assumed) = project(&sellfy(), Stage::Mid, 0).unwrap();
    assert_eq!(mid.program.maturity, ProgramMaturity::Established);
    assert_eq!(mid.program.revenue_share, 0.25);
    assert_eq!(
        mid.company.marketing_team, 12,
        "5 of 40 employees is 12 of 100, above the floor of 3"
    );
    assert_eq!(mid.company.employees, 100);
    let fields: Vec<&str> = assumed.iter().map(|a| a.field).collect();
    assert_eq!(
        fields,
        [
            "program.maturity",
            "program.revenue_share",
            "company.employees",
            "company.marketing_team",
            "company.sales_team",
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
    let (mid, assumed) = project(&p, Stage::Mid, 0).unwrap();
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
    let text = include_str!("../../../profiles/outgrow.yaml");
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
    // The signals are met only as the projection assumes them, and it says so.
    assert!(
        m.why[0].starts_with("If partners bring 25% of revenue and 3 people work on partnerships, as assumed for this stage: past the agreed signals"),
        "{:?}",
        m.why
    );
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

fn parse(text: &str) -> Profile {
    Profile::parse("x.yaml", text).unwrap()
}

#[test]
fn without_self_service_buying_planned_affiliates_stay_planned_and_referrals_start() {
    use crate::profile::ProgramType::{Affiliate, Referral, Reseller};
    let p = parse(
        "name: V\ncompany: {employees: 80, self_serve: false, sales_team: 10, marketing_team: 5}\n\
         program: {planned: [affiliate], maturity: none}\n",
    );
    for stage in [Stage::Mid, Stage::Scale] {
        let (projected, assumed) = project(&p, stage, 0).unwrap();
        assert_eq!(projected.program.types, [Referral], "S3 at {stage}");
        assert_eq!(projected.program.planned, [Affiliate], "at {stage}");
        let kept = assumed
            .iter()
            .find(|a| a.field == "program.planned")
            .unwrap();
        assert_eq!(
            (kept.from.as_str(), kept.to.as_str()),
            ("affiliate", "affiliate")
        );
        assert!(kept.why.contains("S3"), "{}", kept.why);
    }
    // Other planned programs still start; only the affiliates wait.
    let mut p = p;
    p.program.planned = vec![Affiliate, Reseller];
    let (mid, _) = project(&p, Stage::Mid, 0).unwrap();
    assert_eq!(
        (mid.program.types, mid.program.planned),
        (vec![Reseller], vec![Affiliate])
    );
    // With self-service buying they run.
    p.company.self_serve = true;
    let (mid, _) = project(&p, Stage::Mid, 0).unwrap();
    assert_eq!(mid.program.types, [Affiliate, Reseller]);
}

#[test]
fn a_program_with_nothing_planned_starts_with_what_the_guidance_starts_with() {
    use crate::profile::ProgramType::{Affiliate, Referral};
    for (self_serve, first) in [(true, Affiliate), (false, Referral)] {
        let p = parse(&format!(
            "name: Q\ncompany: {{employees: 10, self_serve: {self_serve}, sales_team: 1, \
             marketing_team: 1}}\nprogram: {{maturity: none}}\n"
        ));
        let (mid, assumed) = project(&p, Stage::Mid, 0).expect("projects");
        assert_eq!(mid.program.types, [first]);
        assert!(assumed.iter().any(|a| a.field == "program.types"));
    }
}

#[test]
fn sales_and_marketing_keep_their_share_of_a_growing_company() {
    let (scale, assumed) = project(&sellfy(), Stage::Scale, 0).unwrap();
    // 2 of 40 and 5 of 40, at 300 employees.
    assert_eq!(
        (scale.company.sales_team, scale.company.marketing_team),
        (15, 37)
    );
    assert!(
        assumed
            .iter()
            .any(|a| a.field == "company.sales_team" && a.to == "15")
    );
    // Never below today's size, and no growth where the company does not grow.
    assert_eq!(projection_sales(600, 120, true, Stage::Scale), 120);
    assert_eq!(projection_sales(40, 0, false, Stage::Mid), 3);
    assert_eq!(projection_sales(40, 0, false, Stage::Scale), 10);
    assert_eq!(projection_sales(40, 1, false, Stage::Scale), 10);
    assert_eq!(projection_sales(1000, 1, false, Stage::Scale), 10);
}

#[test]
fn a_self_serve_company_without_sales_keeps_none_and_says_so() {
    let p = parse(
        "name: C\ncompany: {employees: 25, self_serve: true, sales_team: 0, marketing_team: 4}\n\
         program: {types: [affiliate], maturity: launching, team_size: 1}\n",
    );
    let (scale, assumed) = project(&p, Stage::Scale, 0).unwrap();
    assert_eq!(scale.company.sales_team, 0);
    let kept = assumed
        .iter()
        .find(|a| a.field == "company.sales_team")
        .unwrap();
    assert_eq!(kept.from, kept.to);
    assert!(kept.why.contains("buy on their own"), "{}", kept.why);
}

#[test]
fn a_larger_self_serve_company_without_sales_keeps_none_beside_referrals() {
    // Loudcrest (a consultant's ninth review): nobody sells, so nobody closes for its
    // referral partners (the rulebook gives no S1 there); up to 100 people the founder
    // sells, and a growing company hires sellers to close for them.
    let at = |employees: u32| {
        let p = parse(&format!(
            "name: L\ncompany: {{employees: {employees}, self_serve: true, sales_team: 0, \
             marketing_team: 35}}\nprogram: {{types: [affiliate, referral], maturity: \
             established, team_size: 3}}\n"
        ));
        let (scale, assumed) = project(&p, Stage::Scale, 0).unwrap();
        let why = (assumed.iter())
            .find(|a| a.field == "company.sales_team")
            .map(|a| a.why);
        (scale.company.sales_team, why)
    };
    let (sellers, why) = at(200);
    assert_eq!(sellers, 0);
    assert!(why.unwrap().contains("buy on their own"), "{why:?}");
    assert_eq!(at(100).0, 10);
}

/// The sales team projected at `stage` for a company of `employees` with `sales`.
fn projection_sales(employees: u32, sales: u32, self_serve: bool, stage: Stage) -> u32 {
    let p = parse(&format!(
        "name: S\ncompany: {{employees: {employees}, self_serve: {self_serve}, sales_team: \
         {sales}, marketing_team: 0}}\nprogram: {{types: [referral], maturity: launching}}\n"
    ));
    project(&p, stage, 0).unwrap().0.company.sales_team
}

fn roadmap_of(p: &Profile) -> Roadmap<'static> {
    let source = Source {
        path: "x.yaml".into(),
        document: None,
    };
    Roadmap::project(Rulebook::default_rules(), &source, p).unwrap()
}

#[test]
fn a_new_reporting_line_is_a_move_even_where_the_placement_stays() {
    // Founder-led, no sales team, customers cannot buy on their own: the lead reports
    // to the CEO who sells, then to the head of the sales team the projection assumes.
    let p = parse(
        "name: K\ncompany: {employees: 8, self_serve: false, sales_team: 0, marketing_team: 0}\n\
         program: {types: [referral], maturity: launching, team_size: 1}\n",
    );
    let moves = roadmap_of(&p).moves();
    let m = &moves[0];
    assert_eq!(
        (m.at, m.from, m.to),
        (Stage::Mid, Placement::Sales, Placement::Sales)
    );
    assert_eq!(
        (m.reported_to.as_str(), m.reports_to.as_str()),
        ("CEO (who sells today)", "Head of Sales")
    );
    assert!(!m.why.is_empty());
}

#[test]
fn guidance_that_held_before_in_other_words_is_not_a_reason_to_move() {
    // S3 is worded "start with referrals" while launching and "partner leads end with
    // sales" once established: the same point, weighed the same, so it did not change.
    let p = parse(
        "name: B\ncompany: {employees: 70, self_serve: false, sales_team: 8, marketing_team: 6, \
         shared_gtm_leader: true}\nprogram: {types: [referral, affiliate], maturity: launching, \
         team_size: 1}\ngoals: [reach, deal-quality]\n",
    );
    let moves = roadmap_of(&p).moves();
    let m = moves
        .iter()
        .find(|m| m.at == Stage::Mid)
        .expect("a move at mid stage");
    assert!(
        m.why
            .iter()
            .all(|w| !w.starts_with("Customers cannot sign up")),
        "{:?}",
        m.why
    );
    assert!(
        m.why.iter().any(|w| w.contains("past the agreed signals")),
        "{:?}",
        m.why
    );
}

#[test]
fn a_small_company_moves_its_affiliates_to_marketing_once_marketing_is_built_out() {
    // S2: under sales "for now", while marketing is not built out; the projection
    // grows marketing with the company, and says that it is then being built out.
    let p = parse(
        "name: L\ncompany: {employees: 30, self_serve: true, sales_team: 3, marketing_team: 1, \
         marketing_maturity: none}\nprogram: {types: [affiliate], maturity: launching, \
         team_size: 1}\ngoals: [reach, fast-roi]\n",
    );
    let (mid, assumed) = project(&p, Stage::Mid, 0).unwrap();
    assert_eq!(
        mid.company.marketing_maturity(),
        crate::profile::MarketingMaturity::Emerging
    );
    assert!(
        assumed
            .iter()
            .any(|a| a.field == "company.marketing_maturity")
    );
    let moves = roadmap_of(&p).moves();
    let m = &moves[0];
    assert_eq!(
        (m.at, m.from, m.to),
        (Stage::Mid, Placement::Sales, Placement::Marketing)
    );
    assert!(
        m.ended
            .iter()
            .any(|e| e == "A company whose marketing is not built out keeps partnerships in sales, now that marketing is emerging, as assumed for this stage."),
        "{:?}",
        m.ended
    );
}

#[test]
fn a_program_planned_at_the_last_stage_gets_a_step_where_it_runs() {
    // Vantora (a consultant's fourth review): at scale, a marketplace planned; there
    // is no later stage for it to start at, so it was never said.
    let p = parse(
        "name: V\ncompany: {employees: 4000, self_serve: false, sales_team: 500, \
         marketing_team: 150, marketing_maturity: established, revenue_owner: coo}\n\
         program: {types: [referral, integrator, technology], planned: [marketplace], \
         maturity: scaling, revenue_share: 0.4, team_size: 20}\n",
    );
    let roadmap = roadmap_of(&p);
    let stages: Vec<Stage> = roadmap.steps.iter().map(|s| s.stage).collect();
    assert_eq!(stages, [Stage::Scale, Stage::Scale]);
    let launch = &roadmap.steps[1];
    assert_eq!(launch.starts, [crate::profile::ProgramType::Marketplace]);
    assert!(launch.profile.program.planned.is_empty());
    assert!(
        (launch.assessment.roles.iter())
            .any(|r| r.title.as_str() == "Marketplace operations specialist"),
        "{:?}",
        roles_with(launch, RoleStatus::Current)
    );
    // Affiliates without self-service buying wait (S3): no step for them.
    let mut waiting = p.clone();
    waiting.program.planned = vec![crate::profile::ProgramType::Affiliate];
    assert_eq!(roadmap_of(&waiting).steps.len(), 1);
}

#[test]
fn programs_planned_within_a_year_start_at_the_profiles_own_stage() {
    // Kestrelbay (a consultant's tenth review): mid stage, affiliates established,
    // referrals and integrators planned "within about a year", which the roadmap only
    // started at the projected scale stage, two steps on.
    let p = parse(
        "name: K\ncompany: {employees: 250, self_serve: true, sales_team: 18, \
         marketing_team: 12, marketing_maturity: established, revenue_owner: ceo}\n\
         program: {types: [affiliate], planned: [referral, integrator], \
         maturity: established, partners: 900, revenue_share: 0.18, team_size: 2}\n\
         goals: [reach, attribution, channel-conflict]\nregions: [apac, north-america]\n",
    );
    let roadmap = roadmap_of(&p);
    let stages: Vec<Stage> = roadmap.steps.iter().map(|s| s.stage).collect();
    assert_eq!(stages, [Stage::Mid, Stage::Mid, Stage::Scale]);
    let launch = &roadmap.steps[1];
    use crate::profile::ProgramType::{Integrator, Referral};
    assert_eq!(launch.starts, [Referral, Integrator]);
    // It assumes only that they run and that the people stay: the stage's own
    // maturity, share and company are the profile's.
    let fields: Vec<&str> = launch.assumptions.iter().map(|a| a.field).collect();
    assert_eq!(
        fields,
        ["program.types", "program.planned", "program.team_size"]
    );
    assert!(
        (launch.assumptions.iter()).all(|a| a.field == "program.team_size"
            || a.why == "planned within about a year, so they run at this stage")
    );
    assert_eq!(launch.profile.program.revenue_share, 0.18);
    // Their first partner manager is hired with them.
    assert_eq!(
        roles_with(launch, RoleStatus::Next),
        ["Channel partnerships manager"]
    );
    // The scale stage grows from that step: the programs already run, so it does not
    // assume them again.
    let scale = &roadmap.steps[2];
    assert!(
        (scale.assumptions.iter()).all(|a| a.field != "program.types"),
        "{:?}",
        scale.assumptions
    );
    assert_eq!(scale.profile.program.types.len(), 3);
    // At the early stage, the next step is mid stage, where they run already.
    let mut early = p.clone();
    early.program.maturity = ProgramMaturity::Launching;
    let stages: Vec<Stage> = (roadmap_of(&early).steps.iter()).map(|s| s.stage).collect();
    assert_eq!(stages, [Stage::Early, Stage::Mid, Stage::Scale]);
}
