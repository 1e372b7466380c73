//! Properties of the engine over generated valid profiles.

use crate::support::valid_profile;
use partner_org::assessment::Placement;
use partner_org::profile::{Profile, Source};
use partner_org::render::{Json, Markdown, Ndjson, Outcome, Renderer, Style, TextReport};
use partner_org::rules::{Rulebook, engine::Options};
use proptest::prelude::*;

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
            r.render(&[outcome], Style { explain: true, ..Style::default() }, &mut out).unwrap();
            out
        };
        for r in [&TextReport as &dyn Renderer, &Json, &Markdown] {
            prop_assert_eq!(render(r), render(r));
        }
    }

    /// NDJSON is written by hand for speed; it must be exactly serde_json's line.
    #[test]
    fn an_ndjson_line_is_the_json_object_on_one_line(profile in valid_profile(), document in proptest::option::of(1usize..10_000)) {
        let source = Source { path: "dir/\"odd\" name.yaml".into(), document };
        let outcome = Outcome::Assessed(Box::new(Rulebook::default_rules().assess(source, &profile, Options::default())));
        let mut line = Vec::new();
        Ndjson::new(Rulebook::default_rules()).render(std::slice::from_ref(&outcome), Style::default(), &mut line).unwrap();
        let expected = serde_json::to_string(&outcome).unwrap() + "\n";
        prop_assert_eq!(String::from_utf8(line).unwrap(), expected);
    }
}
