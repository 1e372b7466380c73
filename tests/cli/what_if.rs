//! `what-if`: every reported change really gives the reported placement when applied
//! with `advise --set`, and the report reads well.

use crate::support::{EXAMPLES, INVALID_PROFILE, partner_org};
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let out = partner_org().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn placement_with(path: &str, sets: &[&str]) -> String {
    let mut args = vec!["advise", path, "--format", "json"];
    for s in sets {
        args.extend(["--set", s]);
    }
    json(&args)["placement"].as_str().unwrap().to_string()
}

#[test]
fn every_reported_flip_flips_when_applied_with_set() {
    let mut flips = 0;
    for name in EXAMPLES {
        let path = format!("profiles/{name}.yaml");
        let report = json(&["what-if", &path, "--format", "json"]);
        let base = report["placement"].as_str().unwrap();
        assert_eq!(placement_with(&path, &[]), base);
        for answer in report["answers"].as_array().unwrap() {
            let Some(flip) = answer["flip"].as_object() else {
                continue;
            };
            let set = flip["set"].as_str().unwrap();
            let got = placement_with(&path, &[set]);
            assert_eq!(
                got,
                flip["placement"].as_str().unwrap(),
                "{name}: --set {set}"
            );
            assert_ne!(got, base, "{name}: --set {set}");
            flips += 1;
        }
        for c in report["robustness"]["counterexamples"].as_array().unwrap() {
            let sets: Vec<&str> = c["sets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap())
                .collect();
            let got = placement_with(&path, &sets);
            assert_eq!(got, c["placement"].as_str().unwrap(), "{name}: {sets:?}");
            assert_ne!(got, base, "{name}: {sets:?}");
        }
    }
    assert!(
        flips >= 5,
        "the examples should have some flips, found {flips}"
    );
}

#[test]
fn the_text_report_names_the_flip_and_the_verdict() {
    let out = partner_org()
        .args(["what-if", "profiles/outgrow.yaml"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Outgrow: cross-functional (profiles/outgrow.yaml)"),
        "{text}"
    );
    assert!(text.contains("│ company.shared_gtm_leader"), "{text}");
    assert!(text.contains("true -> false"), "{text}");
    assert!(
        text.contains("Robust: no value of the answers at their defaults"),
        "{text}"
    );
    assert!(
        text.contains(
            // Growing past 200 no longer flips it: sales or marketing under the shared
            // leader is that same leader (C1).
            "Try one: partner-org advise profiles/outgrow.yaml --set company.shared_gtm_leader=false"
        ),
        "{text}"
    );
}

#[test]
fn what_if_takes_exactly_one_valid_profile() {
    partner_org().args(["what-if", "profiles"]).assert().code(2);
    partner_org()
        .args(["what-if", "no/such.yaml"])
        .assert()
        .code(66);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, INVALID_PROFILE).unwrap();
    partner_org()
        .args(["what-if", bad.to_str().unwrap()])
        .assert()
        .code(65)
        .stderr(predicates::str::contains("company.employees"));
}

/// A field path cut in two cannot be read or typed back into `--set`: at any width each
/// answer's path is whole on its line, in the table when it fits with every word whole,
/// else on a line of its own above the rest; and no line but the command to try is
/// wider than the terminal.
#[test]
fn field_paths_stay_whole_at_any_width() {
    for name in EXAMPLES {
        let path = format!("profiles/{name}.yaml");
        let report = json(&["what-if", &path, "--format", "json"]);
        let fields: Vec<&str> = (report["answers"].as_array().unwrap().iter())
            .map(|a| a["field"].as_str().unwrap())
            .collect();
        for columns in [40, 60, 74, 80, 100] {
            let out = partner_org()
                .args(["what-if", &path])
                .env("COLUMNS", columns.to_string())
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let firsts: Vec<&str> = (text.lines())
                .filter_map(|l| l.trim_start_matches(['│', ' ']).split_whitespace().next())
                .collect();
            for field in &fields {
                assert!(
                    firsts.contains(field),
                    "{name} at {columns}: {field} is not whole:\n{text}"
                );
            }
            let wide: Vec<&str> = (text.lines())
                .filter(|l| l.chars().count() > columns && !l.starts_with("Try one: "))
                .collect();
            assert!(wide.is_empty(), "{name} at {columns}: {wide:#?}");
        }
    }
}
