//! `advise --explain`: the trace for the five example profiles (snapshots), and its
//! arithmetic against the scores in the JSON output.

use crate::support::{EXAMPLES, stdout};
use serde_json::Value;

#[test]
fn explain_text_for_the_five_examples() {
    for name in EXAMPLES {
        let path = format!("profiles/{name}.yaml");
        let text = stdout(&["advise", &path, "--explain", "--color", "never"]);
        let trace = &text[text
            .find("How the recommendation was reached")
            .expect("trace section")..];
        insta::assert_snapshot!(format!("explain_{name}"), trace);
    }
}

#[test]
fn explain_markdown_shows_the_trace_in_a_code_block() {
    let md = stdout(&[
        "advise",
        "profiles/rewind.yaml",
        "--explain",
        "--format",
        "markdown",
    ]);
    let start = md
        .find("## How the recommendation was reached")
        .expect("section");
    let end = md.find("\n## Sources").expect("Sources after the trace");
    let block = &md[start..end];
    assert!(block.contains("~~~~text\nFirst pass:"), "{block}");
    assert!(
        block.contains("single-revenue-owner [D6]: standalone +3"),
        "{block}"
    );
    assert!(block.trim_end().ends_with("~~~~"), "{block}");
}

#[test]
fn the_json_trace_adds_up_to_the_scores() {
    for name in EXAMPLES {
        let path = format!("profiles/{name}.yaml");
        let a: Value =
            serde_json::from_str(&stdout(&["advise", &path, "--explain", "--format", "json"]))
                .unwrap();
        let trace = &a["trace"];
        let rules = trace["rules"].as_array().unwrap();
        for placement in ["sales", "marketing", "standalone", "cross-functional"] {
            let score = a["scores"][placement].as_f64().unwrap();
            let from_rules: f64 = rules
                .iter()
                .filter(|r| r["fired"] == true)
                .filter_map(|r| r["scores"][placement].as_f64())
                .sum();
            assert_eq!(from_rules, score, "{name}: {placement}");
            let sum = trace["sums"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| s["placement"] == placement)
                .unwrap();
            assert_eq!(sum["total"].as_f64(), Some(score), "{name}: {placement}");
        }
        // Unfired rules add nothing, and the fired ones are the assessment's rules.
        assert!(
            rules
                .iter()
                .filter(|r| r["fired"] == false)
                .all(|r| r.get("scores").is_none())
        );
        let fired: Vec<&Value> = rules
            .iter()
            .filter(|r| r["fired"] == true)
            .map(|r| &r["id"])
            .collect();
        let listed: Vec<&Value> = a["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["id"])
            .collect();
        assert_eq!(fired, listed, "{name}");
        // The decisive rules account for the whole margin over the runner-up.
        let contest = &trace["contest"];
        if let Some(margin) = contest["margin"].as_f64() {
            let net: f64 = contest["decisive"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["net"].as_f64().unwrap())
                .sum();
            assert_eq!(net, margin, "{name}");
        }
    }
}

#[test]
fn the_trace_shows_each_answer_a_condition_looked_at() {
    let text = stdout(&[
        "advise",
        "profiles/touchbistro.yaml",
        "--explain",
        "--color",
        "never",
    ]);
    for line in [
        "company.self_serve is false: yes (false)",
        "company.marketing_team == 0: no (30)",
        "program.types has affiliate: no (referral, reseller)",
        "Why sales and not standalone (the runner-up): 6 against 2, a margin of 4.",
        "cross-functional (score 0) was ruled out by no-shared-leader.",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

#[test]
fn without_explain_there_is_no_trace() {
    let a: Value = serde_json::from_str(&stdout(&[
        "advise",
        "profiles/sellfy.yaml",
        "--format",
        "json",
    ]))
    .unwrap();
    assert!(a.get("trace").is_none());
    let text = stdout(&["advise", "profiles/sellfy.yaml"]);
    assert!(!text.contains("How the recommendation was reached"));
}

#[test]
fn explain_follows_set_overrides() {
    let a: Value = serde_json::from_str(&stdout(&[
        "advise",
        "profiles/outgrow.yaml",
        "--set",
        "company.shared_gtm_leader=false",
        "--explain",
        "--format",
        "json",
    ]))
    .unwrap();
    let rule = a["trace"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "no-shared-leader")
        .unwrap();
    assert_eq!(rule["fired"], true);
    assert_eq!(rule["when"]["actual"], "false");
}

/// The next best placement that is no runner-up (zero or less) has "nothing in its
/// favour" only when no rule gave it points: Outgrow's department of its own got 2
/// for several program types, lost 3 for lacking a seat, and the trace shows both.
#[test]
fn the_next_best_is_said_to_have_nothing_in_its_favour_only_when_so() {
    let outgrow = stdout(&["advise", "profiles/outgrow.yaml", "--explain"]);
    assert!(outgrow.contains("2 (several-program-types) - 3 (standalone-needs-a-seat) = -1"));
    assert!(
        outgrow.contains(
            "Why cross-functional and not standalone (the next best, with more against it than in its favour)"
        ),
        "{outgrow}"
    );
    // Sellfy's sales got nothing but -2 (affiliates do not fit sales).
    let sellfy = stdout(&["advise", "profiles/sellfy.yaml", "--explain"]);
    assert!(
        sellfy.contains("Why marketing and not sales (the next best, with nothing in its favour)"),
        "{sellfy}"
    );
}
