//! The team at scale as a consultant reads it (findings 4 and 10 of a review of invented
//! companies): where the people beyond the roles work, in every report format.

use crate::support::stdout;
use serde_json::Value;

const KITEWALL: &str = "tests/fixtures/consultant/channel-scale-four-regions.yaml";

/// Eighteen people and seventeen roles: the report says where the eighteenth works (a
/// second channel partnerships manager, under the reseller segment's lead: T2), in
/// text, Markdown, HTML and JSON; a team no larger than its roles says nothing.
#[test]
fn people_beyond_the_roles_are_placed_in_words() {
    let said = "One more person is on the team of 18 than the roles above: a second Channel \
                partnerships manager, reporting to the Reseller segment lead.";
    for format in ["markdown", "html"] {
        let report = stdout(&["advise", KITEWALL, "--format", format]);
        assert!(report.contains("Beyond these roles"), "{format}");
        assert!(report.contains(said), "{format}: {report}");
    }
    let text = stdout(&["advise", KITEWALL]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(said), "{text}");

    let a: Value =
        serde_json::from_str(&stdout(&["advise", KITEWALL, "--format", "json"])).unwrap();
    let beyond = &a["beyond_roles"];
    assert_eq!(beyond["people"], 1);
    assert_eq!(beyond["role"], "Channel partnerships manager");
    assert_eq!(beyond["reports_to"], "Reseller segment lead");
    assert_eq!(beyond["text"], said);
    assert_eq!(a["roles"].as_array().unwrap().len(), 17);

    // Formstack's plan has more roles than its people: nobody beyond them.
    let a: Value = serde_json::from_str(&stdout(&[
        "advise",
        "profiles/formstack.yaml",
        "--format",
        "json",
    ]))
    .unwrap();
    assert!(a["beyond_roles"].is_null(), "{}", a["beyond_roles"]);
    let text = stdout(&["advise", "profiles/formstack.yaml"]);
    assert!(!text.contains("Beyond these roles"));
}

/// Twenty-one people beyond the roles of the largest generated profile would give one
/// lead 23 direct reports: the report says to group them under team leads.
#[test]
fn many_people_beyond_the_roles_are_grouped_under_team_leads() {
    let a: Value = serde_json::from_str(&stdout(&[
        "advise",
        "tests/fixtures/profiles/largest.yaml",
        "--format",
        "json",
    ]))
    .unwrap();
    let text = a["beyond_roles"]["text"].as_str().unwrap();
    assert!(
        text.contains("direct reports, so group them under team leads of at most 8"),
        "{text}"
    );
}
