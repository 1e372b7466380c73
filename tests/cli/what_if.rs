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

/// Sellfy as written, less the lines that state `keys`: a profile that leaves those
/// answers out, in `dir`.
fn sellfy_leaving_out(dir: &std::path::Path, keys: &[&str]) -> String {
    let text = std::fs::read_to_string("profiles/sellfy.yaml").unwrap();
    let kept: String = (text.lines())
        .filter(|l| !keys.iter().any(|k| l.trim_start().starts_with(k)))
        .map(|l| format!("{l}\n"))
        .collect();
    let path = dir.join("sellfy-left-out.yaml");
    std::fs::write(&path, kept).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn every_reported_flip_flips_when_applied_with_set() {
    let dir = tempfile::tempdir().unwrap();
    let left_out = sellfy_leaving_out(dir.path(), &["shared_gtm_leader:", "revenue_owner:"]);
    let paths = (EXAMPLES.iter().map(|name| format!("profiles/{name}.yaml"))).chain([left_out]);
    let (mut flips, mut counterexamples) = (0, 0);
    for path in paths {
        let name = &path;
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
            counterexamples += 1;
        }
    }
    assert!(
        flips >= 5,
        "the examples should have some flips, found {flips}"
    );
    assert!(
        counterexamples > 0,
        "Sellfy without a shared leader is fragile"
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
        text.starts_with("Outgrow: cross-functional, confidence clear (profiles/outgrow.yaml)"),
        "{text}"
    );
    assert!(text.contains("│ company.shared_gtm_leader"), "{text}");
    assert!(text.contains("true -> false"), "{text}");
    assert!(
        text.contains(
            "No answer is left out, so no default stands in for one: only the changes above move the placement."
        ),
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

/// "(default)" is said of the answers a profile leaves out, and only of them: the five
/// examples write every answer, some as its default (`shared_gtm_leader: false`,
/// `planned: []`), and those are the profile's answers, not assumptions.
#[test]
fn default_is_said_only_of_answers_the_profile_leaves_out() {
    for name in EXAMPLES {
        let path = format!("profiles/{name}.yaml");
        let text = crate::support::stdout(&["what-if", &path]);
        assert!(!text.contains("(default)"), "{name}:\n{text}");
        assert!(
            text.contains("No answer is left out") && !text.contains("Robust"),
            "{name}:\n{text}"
        );
        // "The changes above" only when the table shows some: nothing flips Rewind.
        assert_eq!(
            text.contains("only the changes above move the placement"),
            text.contains("Try one: "),
            "{name}:\n{text}"
        );
        let report = json(&["what-if", &path, "--format", "json"]);
        for a in report["answers"].as_array().unwrap() {
            assert_eq!(a["left_out"], false, "{name}: {a}");
        }
        assert_eq!(
            report["robustness"]["defaults"],
            serde_json::json!([]),
            "{name}"
        );
    }
    let rewind = crate::support::stdout(&["what-if", "profiles/rewind.yaml"]);
    let words = rewind.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("and no change to a single answer moves the placement."),
        "{rewind}"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = sellfy_leaving_out(dir.path(), &["shared_gtm_leader:", "planned:"]);
    let text = crate::support::stdout(&["what-if", &path]);
    let defaults: Vec<&str> = (text.lines())
        .filter(|l| l.contains("(default)"))
        .filter_map(|l| l.trim_start_matches(['│', ' ']).split_whitespace().next())
        .collect();
    // `revenue_owner: none` is written as its default: stated, so no "(default)".
    assert_eq!(
        defaults,
        ["company.shared_gtm_leader", "program.planned"],
        "{text}"
    );
    assert!(
        text.contains(
            "Fragile: answers the profile leaves out can change the placement (left out:"
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

/// The command to try is one a reader can type: for a profile read from stdin it says
/// `advise -`, not the `<stdin>` that names the source in the title.
#[test]
fn the_command_to_try_reads_stdin_as_typed() {
    let profile = std::fs::read_to_string("profiles/sellfy.yaml").unwrap();
    let out = partner_org()
        .args(["what-if", "-"])
        .write_stdin(profile)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Sellfy: marketing, confidence clear (<stdin>)"),
        "{text}"
    );
    assert!(
        text.contains("Try one: partner-org advise - --set company.marketing_maturity=none"),
        "{text}"
    );
}

/// "none" is a value of several answers (revenue owner, maturities): the change column
/// never uses it for "no change flips it", in the table or stacked.
#[test]
fn no_flip_does_not_read_as_the_value_none() {
    for name in EXAMPLES {
        let path = format!("profiles/{name}.yaml");
        let text = crate::support::stdout(&["what-if", &path]);
        let rows: Vec<Vec<&str>> = (text.lines())
            .map(|l| l.split('┆').map(|c| c.trim_matches(['│', ' '])).collect())
            .filter(|cells: &Vec<&str>| cells.len() == 5)
            .collect();
        assert!(rows.len() > 15, "{name}:\n{text}");
        assert!(rows.iter().all(|r| r[2] != "none"), "{name}:\n{text}");
        let owner = (rows.iter())
            .find(|r| r[0] == "company.revenue_owner")
            .unwrap();
        if owner[1] == "none" && owner[3].is_empty() {
            assert_eq!(owner[2], "no change does", "{name}");
        }
    }
    let narrow = partner_org()
        .args(["what-if", "profiles/sellfy.yaml"])
        .env("COLUMNS", "50")
        .output()
        .unwrap();
    let narrow = String::from_utf8(narrow.stdout).unwrap();
    assert!(
        narrow.contains("company.revenue_owner\n  now none; no change flips it (3 tried)\n"),
        "{narrow}"
    );
}

/// A placement decided by a tie says so in the title, in the words every report uses,
/// and JSON carries the label: the flips below it are then no surprise.
#[test]
fn a_tie_is_said_in_the_title() {
    let path = "tests/fixtures/consultant/technology-launch-with-marketing.yaml";
    let text = crate::support::stdout(&["what-if", path]);
    assert!(
        text.starts_with(&format!("Nimbletrail: sales, by a tie ({path})")),
        "{text}"
    );
    assert!(!text.contains("Robust"), "{text}");
    let report = json(&["what-if", path, "--format", "json"]);
    assert_eq!(report["confidence_label"], "tie");
    let sellfy = json(&["what-if", "profiles/sellfy.yaml", "--format", "json"]);
    assert_eq!(sellfy["confidence_label"], "clear");
}
