//! `diff`: two profiles, or one profile before and after `--set`.

use crate::support::{partner_org, stdout};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

#[test]
fn one_profile_before_and_after_set() {
    let out = stdout(&[
        "diff",
        "profiles/sellfy.yaml",
        "--set",
        "company.marketing_team=0",
        "--set",
        "company.marketing_maturity=none",
        "--format",
        "json",
    ]);
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["before"]["placement"], "marketing");
    assert_eq!(d["after"]["placement"], "sales");
    assert_eq!(d["placement_changed"], true);
    assert_eq!(
        d["after"]["excluded"],
        serde_json::json!(["marketing", "cross-functional"])
    );
    let started: Vec<&str> = d["rules_started"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(
        started.contains(&"small-company-without-marketing"),
        "{started:?}"
    );
    assert!(started.contains(&"no-marketing-team"), "{started:?}");
    let stopped: Vec<&str> = d["rules_stopped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(stopped.contains(&"affiliate-not-for-sales"), "{stopped:?}");
    assert!(stopped.contains(&"marketing-benefits"), "{stopped:?}");
    let sales = d["scores"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["placement"] == "sales")
        .unwrap();
    assert_eq!(
        (sales["before"].as_f64(), sales["after"].as_f64()),
        (Some(-2.0), Some(3.0))
    );
}

#[test]
fn two_profiles_side_by_side() {
    partner_org()
        .args(["diff", "profiles/touchbistro.yaml", "profiles/rewind.yaml", "--color", "never"])
        .assert()
        .success()
        .stdout(contains("Before: profiles/touchbistro.yaml (TouchBistro): sales, reporting to the Head of Sales"))
        .stdout(contains("The placement changes: sales -> standalone."))
        .stdout(contains("Rules that started firing:\n  - "))
        // Two companies: Rewind is assessed as it is, without TouchBistro's people (a
        // consultant's review: its reseller specialist was carried into Rewind's team).
        .stdout(contains("People in place under a new title").not())
        .stdout(contains(
            "Roles added:\n  - Head of partnerships\n  - Technology partnerships manager\n",
        ))
        .stdout(contains("Roles removed:\n  - Partnerships lead\n  - Reseller operations specialist\n"))
        .stdout(contains("Caveats added:"))
        // A title with its own parentheses keeps the confidence apart from them.
        .stdout(contains(
            "After:  profiles/rewind.yaml (Rewind): standalone, reporting to the COO (owner of the revenue\n        engine); confidence clear",
        ));
}

/// Two profiles of one company (the same name) are the same team at two moments: its
/// people keep their seats, under the title the other side gives them.
#[test]
fn two_profiles_of_one_company_keep_its_people() {
    let dir = tempfile::tempdir().unwrap();
    let grown = dir.path().join("touchbistro-grown.yaml");
    let text = std::fs::read_to_string(crate::support::repo("profiles/touchbistro.yaml")).unwrap();
    std::fs::write(
        &grown,
        text.replace("  maturity: established", "  maturity: scaling"),
    )
    .unwrap();
    partner_org()
        .args(["diff", "profiles/touchbistro.yaml"])
        .arg(&grown)
        .args(["--color", "never"])
        .assert()
        .success()
        .stdout(contains(
            "People in place under a new title:\n  - the Partnerships lead becomes Head of partnerships:",
        ))
        .stdout(contains("Roles removed").not());
}

#[test]
fn identical_sides_say_so() {
    partner_org()
        .args(["diff", "profiles/sellfy.yaml", "profiles/sellfy.yaml"])
        .assert()
        .success()
        .stdout(contains("No difference"));
}

#[test]
fn diff_needs_a_second_side_and_valid_overrides() {
    partner_org()
        .args(["diff", "profiles/sellfy.yaml"])
        .assert()
        .code(2)
        .stderr(contains("--set"));
    partner_org()
        .args([
            "diff",
            "profiles/sellfy.yaml",
            "--set",
            "company.marketing_tem=0",
        ])
        .assert()
        .code(2)
        .stderr(contains("did you mean 'company.marketing_team'?"));
    // marketing_maturity stays `emerging`, which contradicts a marketing team of 0.
    partner_org()
        .args([
            "diff",
            "profiles/sellfy.yaml",
            "--set",
            "company.marketing_team=0",
        ])
        .assert()
        .code(65)
        .stderr(contains("company.marketing_maturity"));
}

/// Who owns revenue never retitles anyone by itself: with the placement unchanged the
/// team is the same; where it moves the placement, diff says that the people in place
/// get their new titles from the move (and the size), in words.
#[test]
fn who_owns_revenue_retitles_nobody_unless_the_placement_moves() {
    // Formstack stays its own department under a COO: same roles, nobody retitled.
    let out = stdout(&[
        "diff",
        "profiles/formstack.yaml",
        "--set",
        "company.revenue_owner=coo",
        "--format",
        "json",
    ]);
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["placement_changed"], false);
    assert_eq!(d["roles_added"], serde_json::json!([]));
    assert_eq!(d["retitled"], serde_json::json!([]));

    // A 400-person reseller company moves from sales to a department of its own under
    // the COO: its head of partnerships in place becomes the VP, and diff says why.
    let fixture = "tests/fixtures/consultant/reseller-only-one-region-scale.yaml";
    let out = stdout(&[
        "diff",
        fixture,
        "--set",
        "company.revenue_owner=coo",
        "--format",
        "json",
    ]);
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["placement_changed"], true);
    let lead = &d["retitled"][0];
    assert_eq!(lead["before"], "Head of partnerships");
    assert_eq!(lead["after"], "Head of partnerships (VP)");
    assert_eq!(lead["rule"], "dedicated-team-vp");
    assert!(
        lead["why"]
            .as_str()
            .unwrap()
            .starts_with("the placement moves from sales to standalone, and a department"),
        "{lead}"
    );
    partner_org()
        .args(["diff", fixture, "--set", "company.revenue_owner=coo"])
        .assert()
        .success()
        .stdout(contains(
            "People in place under a new title:\n  - the Head of partnerships becomes Head of partnerships (VP): the placement moves from sales",
        ));
}

/// Harborline (review finding 3): a team of two under sales becomes a department once
/// customers can buy on their own. The same two people stay in place: the channel
/// manager is not turned back into a hire and a new one put in place, and the lead's
/// new title is said.
#[test]
fn the_people_in_place_stay_in_place_when_the_placement_moves() {
    let out = stdout(&[
        "diff",
        "tests/fixtures/consultant/resellers-cro-latam.yaml",
        "--set",
        "company.self_serve=true",
        "--format",
        "json",
    ]);
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["after"]["placement"], "standalone");
    let changed = d["roles_changed"].as_array().unwrap();
    assert!(
        changed.iter().all(|c| c["before"] != "current"),
        "someone in place is no longer: {changed:?}"
    );
    assert!(
        changed.iter().all(|c| c["after"] != "current"),
        "someone new is in place in a team that did not grow: {changed:?}"
    );
    let retitled = d["retitled"].as_array().unwrap();
    assert_eq!(retitled.len(), 1, "{retitled:?}");
    assert_eq!(retitled[0]["before"], "Partnerships lead");
    assert_eq!(retitled[0]["after"], "Head of partnerships");
    // Said once, as a new title, not also as a role removed and one added.
    assert!(
        !d["roles_removed"]
            .as_array()
            .unwrap()
            .contains(&"Partnerships lead".into()),
        "{d}"
    );
    assert!(
        !d["roles_added"]
            .as_array()
            .unwrap()
            .contains(&"Head of partnerships".into()),
        "{d}"
    );
}
