//! `advise`, `validate` and `rules` from the command line.

use crate::support::{EXAMPLES, partner_org, repo};
use partner_org::guidance::POINTS;
use predicates::prelude::*;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let out = partner_org().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The placements a fixture states in its `# expect:` comments, one per document.
fn expected(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|p| p.trim().to_string())
        .collect()
}

#[test]
fn every_example_and_fixture_gets_its_expected_placement() {
    let mut paths: Vec<_> = std::fs::read_dir(repo("profiles"))
        .unwrap()
        .chain(std::fs::read_dir(repo("tests/fixtures/profiles")).unwrap())
        .map(|e| e.unwrap().path())
        // `init`'s template states no placement; its copy in the fixtures does.
        .filter(|p| !p.ends_with("profiles/template.yaml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 8);
    for path in paths {
        // One object for a profile, an array for a stream of several.
        let placements: Vec<Value> =
            match json(&["advise", path.to_str().unwrap(), "--format", "json"]) {
                Value::Array(all) => all.iter().map(|a| a["placement"].clone()).collect(),
                one => vec![one["placement"].clone()],
            };
        assert_eq!(placements, expected(&path), "{}", path.display());
    }
}

#[test]
fn the_text_report_reads_as_advice() {
    partner_org()
        .args(["advise", "profiles/rewind.yaml"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "Rewind: make partnerships its own department, reporting to the COO (owner of the revenue engine).",
        ))
        .stdout(predicate::str::contains("Caveats"))
        .stdout(predicate::str::contains("Mitigation: Hold a weekly sync"))
        .stdout(predicate::str::contains("Team, in hiring order"))
        .stdout(predicate::str::contains("\x1b[").not());
}

/// The points of a text report's Sources section, as `(id, statement)`: a point's
/// statement wraps onto lines indented under it. The points behind a score only come
/// after the line that says so: the second list.
fn text_sources(report: &str) -> [Vec<(String, String)>; 2] {
    let section =
        (report.split("\nSources\n").nth(1)).unwrap_or_else(|| panic!("no Sources:\n{report}"));
    let mut lists: [Vec<(String, String)>; 2] = Default::default();
    let mut list = 0;
    for line in section.lines().take_while(|l| !l.is_empty()) {
        if line.starts_with("  Weighed in the scores only") {
            list = 1;
            continue;
        }
        let points = &mut lists[list];
        match (line.get(..6), points.last_mut()) {
            (Some("      "), Some((_, statement))) => {
                statement.push(' ');
                statement.push_str(line.trim());
            }
            _ => {
                let (id, statement) = line.trim().split_once(' ').unwrap();
                points.push((id.to_string(), statement.trim().to_string()));
            }
        }
    }
    lists
}

/// The text report's Sources are the JSON `sources` (the contract): the same points,
/// in the same order, in the same words, with and without `--explain`, for every
/// example and consultant fixture. A point cited only by a rule that scores (M4
/// against marketing for TouchBistro) is a source of the advice as much as one
/// behind a reason, but is listed last, under a line that says so: each point above
/// that line is cited in the report, and none below it is.
#[test]
fn text_sources_are_the_json_sources() {
    let mut paths: Vec<String> = (EXAMPLES.iter())
        .map(|name| format!("profiles/{name}.yaml"))
        .collect();
    let mut fixtures: Vec<String> = std::fs::read_dir(repo("tests/fixtures/consultant"))
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .filter(|p| p.ends_with(".yaml"))
        .collect();
    fixtures.sort();
    paths.extend(fixtures);
    for path in &paths {
        let explains: &[&[&str]] = if path.starts_with("profiles/") {
            &[&[], &["--explain"]]
        } else {
            &[&[]]
        };
        for explain in explains {
            let mut args = vec!["advise", path.as_str(), "--format", "json"];
            args.extend(*explain);
            let sources: Vec<(String, String)> = (json(&args)["sources"].as_array().unwrap())
                .iter()
                .map(|s| {
                    let text = |k: &str| s[k].as_str().unwrap().to_string();
                    (text("id"), text("statement"))
                })
                .collect();
            assert!(!sources.is_empty(), "{path}");
            let mut args = vec!["advise", path.as_str()];
            args.extend(*explain);
            let report = crate::support::stdout(&args);
            let [cited, weighed] = text_sources(&report);
            let mut listed = [cited.clone(), weighed.clone()].concat();
            listed.sort_by_key(|(id, _)| POINTS.iter().position(|p| p.id == id));
            assert_eq!(listed, sources, "{path} {explain:?}");
            let body = report.split("\nSources\n").next().unwrap();
            let in_body = |id: &str| {
                ["[", " "].iter().any(|before| {
                    ["]", ","]
                        .iter()
                        .any(|after| body.contains(&format!("{before}{id}{after}")))
                })
            };
            for (id, _) in &cited {
                assert!(in_body(id), "{path} {explain:?}: {id} listed as cited");
            }
            for (id, _) in &weighed {
                assert!(
                    !in_body(id),
                    "{path} {explain:?}: {id} cited, listed as weighed"
                );
            }
        }
    }
}

/// An integrator program alone scores nothing anywhere: every report says the tie, and
/// names every placement in it.
#[test]
fn every_report_says_when_a_tie_decided() {
    let tie = "name: T\ncompany: {employees: 50, self_serve: true, marketing_team: 3}\nprogram: {types: [integrator], maturity: launching, team_size: 2}\n";
    for format in ["text", "markdown", "html"] {
        partner_org()
            .args(["advise", "-", "--format", format])
            .write_stdin(tie)
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "Confidence is a tie: 0 points each for sales, marketing and standalone; sales is advised",
            ))
            .stdout(predicate::str::contains("common home for partnerships"))
            .stdout(predicate::str::contains("tie_break").not());
    }
    let out = partner_org()
        .args(["advise", "-", "--format", "json"])
        .write_stdin(tie)
        .output()
        .unwrap();
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (&a["confidence_label"], &a["tie"]),
        (&"tie".into(), &true.into())
    );
}

#[test]
fn json_follows_the_contract() {
    let a = json(&["advise", "profiles/touchbistro.yaml", "--format", "json"]);
    assert_eq!(a["source"]["path"], "profiles/touchbistro.yaml");
    assert_eq!(a["profile"], "TouchBistro");
    assert_eq!(a["placement"], "sales");
    assert_eq!(a["reports_to"], "Head of Sales");
    let c = a["confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&c));
    assert_eq!(a["confidence_label"], "moderate", "6 points against 2");
    for p in ["sales", "marketing", "standalone", "cross-functional"] {
        assert!(a["scores"][p].is_number(), "scores.{p}");
    }
    assert_eq!(a["stage"], "mid");
    let rule = &a["rules"][0];
    assert!(rule["id"].is_string() && rule["cites"].is_array() && rule["effect"].is_string());
    let caveat = &a["caveats"][0];
    assert!(caveat["text"].is_string() && caveat["mitigation"].is_string());
    assert_eq!(caveat["cites"][0], "S5");
    let role = &a["roles"][0];
    assert!(role["title"].is_string() && role["responsibilities"].is_string());
    assert!(["current", "next", "later"].contains(&role["status"].as_str().unwrap()));
    assert!(a["partnerops"][0]["function"].is_string() && a["partnerops"][0]["owner"].is_string());
    let cadence = &a["cadence"][0];
    assert!(
        cadence["with"].is_string()
            && cadence["topics"].is_string()
            && cadence["frequency"].is_string()
    );
    assert!(a["kpis"][0]["name"].is_string() && a["kpis"][0]["why"].is_string());
}

#[test]
fn yaml_output_parses_back_to_the_same_data_as_json() {
    let j = json(&["advise", "profiles/sellfy.yaml", "--format", "json"]);
    let out = partner_org()
        .args(["advise", "profiles/sellfy.yaml", "--format", "yaml"])
        .output()
        .unwrap();
    let y: Value = yaml_serde::from_slice(&out.stdout).unwrap();
    assert_eq!(j, y);
}

#[test]
fn explain_lists_every_fired_rule_with_its_effect() {
    partner_org()
        .args(["advise", "profiles/sellfy.yaml", "--explain"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "How the recommendation was reached",
        ))
        .stdout(predicate::str::contains(
            "fired  affiliate-to-marketing [M1]: marketing +3",
        ));
}

#[test]
fn set_overrides_an_answer() {
    let a = json(&[
        "advise",
        "profiles/outgrow.yaml",
        "--format",
        "json",
        "--set",
        "company.shared_gtm_leader=false",
    ]);
    assert_eq!(a["placement"], "marketing");
    let a = json(&[
        "advise",
        "profiles/sellfy.yaml",
        "--format",
        "json",
        "--set",
        "program.types=referral",
        "--set",
        "company.self_serve=false",
    ]);
    assert_eq!(a["placement"], "sales");

    partner_org()
        .args([
            "advise",
            "profiles/sellfy.yaml",
            "--set",
            "company.marketing_tem=3",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean 'company.marketing_team'?",
        ));
    partner_org()
        .args([
            "advise",
            "profiles/sellfy.yaml",
            "--set",
            "company.marketing_team=0",
        ])
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "marketing_maturity is `emerging` but marketing_team is 0",
        ));
}

#[test]
fn several_profiles_give_a_summary_and_json_an_array() {
    let paths: Vec<String> = EXAMPLES
        .iter()
        .map(|c| format!("profiles/{c}.yaml"))
        .collect();
    let mut args = vec!["advise", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let all = json(&args);
    let placements: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["placement"].as_str().unwrap())
        .collect();
    assert_eq!(
        placements,
        [
            "standalone",
            "cross-functional",
            "standalone",
            "marketing",
            "sales"
        ]
    );
}

#[test]
fn validate_reports_each_profile() {
    partner_org()
        .args(["validate", "profiles/sellfy.yaml", "profiles/rewind.yaml"])
        .assert()
        .success()
        .stdout("ok     profiles/sellfy.yaml: Sellfy\nok     profiles/rewind.yaml: Rewind\n");
}

#[test]
fn rules_list_and_show() {
    partner_org()
        .args(["rules", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("referral-reseller-to-sales"))
        .stdout(predicate::str::contains("guidance points not cited: none"));
    partner_org()
        .args(["rules", "show", "single-revenue-owner"])
        .assert()
        .success()
        .stdout(predicate::str::contains("revenue_owner:\n  - coo\n  - cro"))
        .stdout(predicate::str::contains("#   D6: "));
    partner_org()
        .args(["rules", "show", "single-revenue-ownr"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "did you mean 'single-revenue-owner'?",
        ));
}

#[test]
fn output_file_is_written_once_and_not_clobbered() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.json");
    let out_s = out.to_str().unwrap();
    partner_org()
        .args([
            "advise",
            "profiles/sellfy.yaml",
            "--format",
            "json",
            "-o",
            out_s,
        ])
        .assert()
        .success()
        .stdout("");
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.contains("\"placement\": \"marketing\""));
    partner_org()
        .args([
            "advise",
            "profiles/rewind.yaml",
            "--format",
            "json",
            "-o",
            out_s,
        ])
        .assert()
        .code(73)
        .stderr(predicate::str::contains("exists; pass --force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), first);
    partner_org()
        .args([
            "advise",
            "profiles/rewind.yaml",
            "-f",
            "json",
            "-o",
            out_s,
            "--force",
        ])
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("standalone")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "a temp file was left behind"
    );
}

#[test]
fn reports_are_snapshotted() {
    for company in EXAMPLES {
        let path = format!("profiles/{company}.yaml");
        for format in ["text", "json", "markdown"] {
            let out = partner_org()
                .args(["advise", &path, "--format", format])
                .output()
                .unwrap();
            assert!(out.status.success());
            insta::assert_snapshot!(
                format!("{company}-{format}"),
                String::from_utf8(out.stdout).unwrap()
            );
        }
    }
}

/// `--set` leaves a trace in every format: the JSON family lists each change with
/// the value before and after, the reports say "With changes", CSV has a column.
#[test]
fn overrides_are_recorded_in_every_format() {
    let sets = [
        "advise",
        "profiles/sellfy.yaml",
        "--set",
        "company.employees=50",
        "--set",
        "goals=reach,budget",
    ];
    let with = |format: &str| {
        let out = partner_org()
            .args(sets)
            .args(["--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };
    let expected = serde_json::json!([
        {"field": "company.employees", "from": 40, "to": 50},
        {"field": "goals", "from": ["reach", "fast-roi"], "to": ["reach", "budget"]},
    ]);
    let one: Value = serde_json::from_str(&with("json")).unwrap();
    assert_eq!(one["overrides"], expected);
    let ndjson: Value = serde_json::from_str(&with("ndjson")).unwrap();
    assert_eq!(ndjson["overrides"], expected);
    let yaml: Value = yaml_serde::from_str(&with("yaml")).unwrap();
    assert_eq!(yaml["overrides"], expected);

    let said = "With changes: company.employees 40 → 50; goals reach,fast-roi → reach,budget.";
    assert!(with("text").contains(said), "text");
    assert!(with("markdown").contains(&format!("*{said}*")), "markdown");
    assert!(
        with("html").contains(&format!("<p class=\"changes\">{said}</p>")),
        "html"
    );
    let cell = "\"company.employees 40 → 50; goals reach,fast-roi → reach,budget\"";
    assert!(with("csv").contains(&format!(",{cell},")), "csv");

    // A summary of several profiles says it once.
    for format in ["text", "markdown"] {
        let out = partner_org()
            .args(sets)
            .args(["profiles/rewind.yaml", "--format", format])
            .output()
            .unwrap();
        let summary = String::from_utf8(out.stdout).unwrap();
        assert!(
            summary.contains(
                "With changes to every profile: company.employees 50; goals reach,budget."
            ),
            "{format}: {summary}"
        );
    }

    // Without --set: an empty list, and no line in the reports.
    let plain = json(&["advise", "profiles/sellfy.yaml", "--format", "json"]);
    assert_eq!(plain["overrides"], serde_json::json!([]));
    let out = partner_org()
        .args(["advise", "profiles/sellfy.yaml"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8(out.stdout)
            .unwrap()
            .contains("With changes")
    );
}

/// Every column of the scores table is named, in text and Markdown: the third says
/// where each placement stands.
#[test]
fn the_scores_table_names_every_column() {
    let text = crate::support::stdout(&["advise", "profiles/rewind.yaml"]);
    let header = (text.lines())
        .find(|l| l.contains("Placement") && l.contains("Score"))
        .unwrap();
    let cells: Vec<&str> = (header.split('┆'))
        .map(|c| c.trim_matches(['│', ' ']))
        .collect();
    assert_eq!(cells, ["Placement", "Score", "Standing"], "{header}");
    let markdown =
        crate::support::stdout(&["advise", "profiles/rewind.yaml", "--format", "markdown"]);
    assert!(
        markdown.contains("| Placement | Score | Standing |"),
        "{markdown}"
    );
}

/// README's "Sample output" is the start of the report it says it is, word for word:
/// it read the S1 reason of three sessions before until someone compared it.
#[test]
fn the_readme_sample_is_the_report_of_today() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let command = "$ partner-org advise profiles/touchbistro.yaml\n";
    let section = &readme[readme.find("## Sample output").expect("the section")..];
    let sample = &section[section.find(command).expect("the command") + command.len()..];
    let sample = &sample[..sample.find("...\n```").expect("the sample's end")];
    let report = crate::support::stdout(&["advise", "profiles/touchbistro.yaml"]);
    assert!(sample.lines().count() > 20, "{sample}");
    assert!(report.starts_with(sample), "README's sample:\n{sample}");
}
