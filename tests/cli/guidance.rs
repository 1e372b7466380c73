//! Every point of the guidance is cited by a rule, and every citing rule fires, and so
//! shows in the output, for at least one example or fixture profile.

use crate::support::{repo, stdout};
use partner_org::guidance::POINTS;
use partner_org::rules::Rulebook;
use serde_json::Value;
use std::collections::BTreeSet;

#[test]
fn every_guidance_point_is_cited_fires_and_shows() {
    let profiles = repo("profiles").display().to_string();
    let fixtures = repo("tests/fixtures/profiles").display().to_string();
    let consultant = repo("tests/fixtures/consultant").display().to_string();
    let out = stdout(&[
        "advise",
        "--format",
        "json",
        &profiles,
        &fixtures,
        &consultant,
    ]);
    let all: Value = serde_json::from_str(&out).unwrap();

    let mut fired = BTreeSet::new();
    let mut shown = BTreeSet::new();
    for a in all.as_array().unwrap() {
        for r in a["rules"].as_array().unwrap() {
            fired.insert(r["id"].as_str().unwrap().to_string());
        }
        for section in [
            "reasons",
            "caveats",
            "roles",
            "partnerops",
            "cadence",
            "kpis",
        ] {
            for item in a[section].as_array().unwrap() {
                for c in item["cites"].as_array().unwrap() {
                    shown.insert(c.as_str().unwrap().to_string());
                }
            }
        }
        // Scoring rules show through the scores; their cites are in `rules`.
        for r in a["rules"].as_array().unwrap() {
            if r["scores"].is_object() {
                for c in r["cites"].as_array().unwrap() {
                    shown.insert(c.as_str().unwrap().to_string());
                }
            }
        }
    }

    let book = Rulebook::default_rules();
    for rule in &book.rules {
        assert!(
            fired.contains(rule.id.as_str()),
            "rule {} fires for no example or fixture profile",
            rule.id
        );
    }
    for point in POINTS {
        assert!(
            book.rules
                .iter()
                .any(|r| r.cites.iter().any(|c| c == point.id)),
            "{} is cited by no rule",
            point.id
        );
        assert!(
            shown.contains(point.id),
            "{} never shows in any output",
            point.id
        );
    }
}
