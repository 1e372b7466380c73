//! Every point of the guidance is cited by a rule, and every citing rule fires, and so
//! shows in the output, for at least one example or fixture profile; `guidance` shows
//! the points, and every report ends with the ones it cites.

use crate::support::{partner_org, repo, stdout};
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
    for rule in book.rules() {
        assert!(
            fired.contains(rule.id.as_str()),
            "rule {} fires for no example or fixture profile",
            rule.id
        );
    }
    for point in POINTS {
        assert!(
            book.rules()
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

#[test]
fn guidance_shows_each_point_with_its_source_examples_and_rules() {
    let all = stdout(&["guidance"]);
    for point in POINTS {
        assert!(all.contains(point.id), "{} missing", point.id);
    }
    let d6 = stdout(&["guidance", "D6"]);
    assert!(d6.starts_with("D6: When one executive owns"), "{d6}");
    assert!(d6.contains("PartnerStack"), "{d6}");
    assert!(d6.contains("Rewind"), "{d6}");
    assert!(d6.contains("single-revenue-owner"), "{d6}");

    let json: Value =
        serde_json::from_str(&stdout(&["guidance", "t3", "--format", "json"])).unwrap();
    assert_eq!(json["id"], "T3");
    assert!(
        json["examples"][0]
            .as_str()
            .unwrap()
            .starts_with("Formstack")
    );
    assert!(!json["rules"].as_array().unwrap().is_empty());

    partner_org()
        .args(["guidance", "Z9"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no guidance point 'Z9'"));
    partner_org()
        .args(["rules", "show", "D6"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("partner-org guidance D6"));
}

/// Every report ends with the guidance points it cites, one line each (the text
/// report, those of the JSON); Markdown and HTML link each citation to its line.
#[test]
fn every_report_format_ends_with_its_sources() {
    let sellfy = "profiles/sellfy.yaml";
    let json: Value =
        serde_json::from_str(&stdout(&["advise", sellfy, "--format", "json"])).unwrap();
    let sources: Vec<&str> = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    // The JSON cites what its rules cite, in catalogue order, but for a rule that
    // only rules a placement out (Sellfy has no one leader of sales and marketing:
    // C1 speaks of companies that have one).
    let only_excludes = |r: &&Value| {
        (r["effect"].as_str().unwrap().split("; ")).all(|e| e.starts_with("excludes "))
    };
    assert!(
        json["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "no-shared-leader")
    );
    let mut cited: Vec<&str> = json["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !only_excludes(r))
        .flat_map(|r| r["cites"].as_array().unwrap())
        .map(|c| c.as_str().unwrap())
        .collect();
    let order = |id: &&str| POINTS.iter().position(|p| p.id == *id).unwrap();
    cited.sort_by_key(order);
    cited.dedup();
    assert_eq!(sources, cited);
    assert!(!sources.contains(&"C1"), "{sources:?}");
    for s in json["sources"].as_array().unwrap() {
        let point = POINTS.iter().find(|p| p.id == s["id"]).unwrap();
        assert_eq!(s["statement"], point.summary);
    }
    let ndjson: Value =
        serde_json::from_str(&stdout(&["advise", sellfy, "--format", "ndjson"])).unwrap();
    assert_eq!(ndjson["sources"], json["sources"]);
    let yaml: Value =
        yaml_serde::from_str(&stdout(&["advise", sellfy, "--format", "yaml"])).unwrap();
    assert_eq!(yaml["sources"], json["sources"]);

    // The text lists the JSON sources (advise::text_sources_are_the_json_sources
    // checks every example), so every id cited in its body appears under Sources.
    let text = stdout(&["advise", sellfy]);
    let (body, tail) = text.split_once("\nSources\n").expect("a Sources section");
    for p in POINTS {
        let in_body = body.contains(&format!("{}]", p.id)) || body.contains(&format!("{},", p.id));
        let listed = tail.lines().any(|l| l.starts_with(&format!("  {} ", p.id)));
        assert!(!in_body || listed, "{} cited, not listed", p.id);
        assert_eq!(listed, sources.contains(&p.id), "{}", p.id);
    }

    let markdown = stdout(&["advise", sellfy, "--format", "markdown"]);
    assert!(markdown.contains("[M1](#source-m1)"), "{markdown}");
    assert!(markdown.contains("\n## Sources\n"));
    assert!(markdown.contains("- <a id=\"source-m1\"></a>**M1** Affiliate"));

    let html = stdout(&["advise", sellfy, "--format", "html"]);
    assert!(html.contains("<a href=\"#p0-source-m1\">M1</a>"));
    assert!(html.contains("<h2>Sources</h2>"));
    assert!(html.contains("<li id=\"p0-source-m1\"><strong>M1</strong>"));
    // Every link has its target.
    for link in html.split("href=\"#").skip(1) {
        let target = &link[..link.find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"{target}\"")),
            "no target {target}"
        );
    }
}
