//! Properties of the engine over generated valid profiles.

use partner_org::profile::{
    Company, Goal, MarketingMaturity, Profile, Program, ProgramMaturity, ProgramType, Region,
    RevenueOwner, Source,
};
use partner_org::render::{Json, Markdown, Ndjson, Outcome, Renderer, Style, Text};
use partner_org::rules::{Placement, Rulebook, engine::Options};
use proptest::prelude::*;
use proptest::sample::subsequence;

fn one_of<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

/// Any profile that passes validation.
fn valid_profile() -> impl Strategy<Value = Profile> {
    let name = "[^\\p{C}]{1,60}".prop_filter("not blank", |s| !s.trim().is_empty());
    let company = (
        1u32..5000,
        any::<bool>(),
        any::<bool>(),
        one_of(RevenueOwner::ALL),
        0u32..100,
        0u32..100,
        proptest::option::of(one_of(MarketingMaturity::ALL)),
    )
        .prop_map(|(employees, self_serve, shared, owner, s, m, maturity)| {
            let sales_team = s.min(employees / 2);
            let marketing_team = m.min(employees / 2);
            let marketing_maturity = if marketing_team == 0 {
                maturity.filter(|m| *m == MarketingMaturity::None)
            } else {
                maturity
            };
            Company {
                employees,
                self_serve,
                sales_team,
                marketing_team,
                marketing_maturity,
                shared_gtm_leader: shared,
                revenue_owner: owner,
            }
        });
    let program = (
        one_of(ProgramMaturity::ALL),
        subsequence(ProgramType::ALL, 1..=ProgramType::ALL.len()),
        subsequence(ProgramType::ALL, 0..=ProgramType::ALL.len()),
        0u32..5000,
        0.0f64..=1.0,
        0u32..40,
    );
    (
        name,
        company,
        program,
        subsequence(Goal::ALL, 0..=Goal::ALL.len()),
        subsequence(Region::ALL, 1..=Region::ALL.len()),
        any::<bool>(),
    )
        .prop_map(
            |(
                name,
                company,
                (maturity, types, planned, partners, share, team),
                goals,
                regions,
                reverse,
            )| {
                let none = maturity == ProgramMaturity::None;
                let planned: Vec<_> = planned
                    .into_iter()
                    .filter(|t| none || !types.contains(t))
                    .collect();
                let mut regions = regions;
                if reverse {
                    regions.reverse();
                }
                Profile {
                    version: Some(1),
                    name,
                    program: Program {
                        types: if none { vec![] } else { types },
                        planned,
                        maturity,
                        partners: if none { 0 } else { partners },
                        revenue_share: if none {
                            0.0
                        } else {
                            (share * 100.0).round() / 100.0
                        },
                        team_size: team.min(company.employees),
                    },
                    company,
                    goals,
                    regions,
                }
            },
        )
}

fn source() -> Source {
    Source {
        path: "gen.yaml".into(),
        document: None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_profiles_are_valid_and_survive_a_yaml_round_trip(profile in valid_profile()) {
        prop_assert_eq!(profile.validate(), Ok(()));
        let yaml = yaml_serde::to_string(&profile).unwrap();
        let back = Profile::parse("gen.yaml", &yaml).map_err(|e| TestCaseError::fail(e.one_line()))?;
        prop_assert_eq!(back, profile);
    }

    #[test]
    fn the_placement_is_the_best_eligible_score(profile in valid_profile()) {
        let a = Rulebook::default_rules().assess(source(), &profile, Options::default());
        prop_assert!(!a.excluded.contains(&a.placement) || a.excluded.len() == Placement::ALL.len());
        for p in Placement::ALL {
            if !a.excluded.contains(p) {
                prop_assert!(a.scores.get(a.placement) >= a.scores.get(*p), "{:?} beats {:?}", p, a.placement);
            }
        }
        prop_assert!((0.0..=1.0).contains(&a.confidence));
        prop_assert_eq!(a.tie, a.confidence == 0.0 && a.runner_up.is_some());
        let statuses: Vec<_> = a.roles.iter().map(|r| r.status).collect();
        let mut sorted = statuses.clone();
        sorted.sort_by_key(|s| *s != partner_org::assessment::RoleStatus::Current);
        prop_assert_eq!(statuses, sorted, "current roles come first");
    }

    #[test]
    fn the_same_profile_gives_byte_identical_reports(profile in valid_profile()) {
        let book = Rulebook::default_rules();
        let render = |r: &dyn Renderer| {
            let outcome = Outcome::Assessed(Box::new(book.assess(source(), &profile, Options::default())));
            let mut out = Vec::new();
            r.render(&[outcome], Style { explain: true, color: false }, &mut out).unwrap();
            out
        };
        for r in [&Text as &dyn Renderer, &Json, &Markdown] {
            prop_assert_eq!(render(r), render(r));
        }
    }

    /// NDJSON is written by hand for speed; it must be exactly serde_json's line.
    #[test]
    fn an_ndjson_line_is_the_json_object_on_one_line(profile in valid_profile(), document in proptest::option::of(1usize..10_000)) {
        let source = Source { path: "dir/\"odd\" name.yaml".into(), document };
        let outcome = Outcome::Assessed(Box::new(Rulebook::default_rules().assess(source, &profile, Options::default())));
        let mut line = Vec::new();
        Ndjson.render(std::slice::from_ref(&outcome), Style::default(), &mut line).unwrap();
        let expected = serde_json::to_string(&outcome).unwrap() + "\n";
        prop_assert_eq!(String::from_utf8(line).unwrap(), expected);
    }
}
