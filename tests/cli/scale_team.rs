//! The team at scale as a consultant reads it (findings 4 and 10 of a review of invented
//! companies): where the people beyond the roles work, in every report format.

use crate::support::stdout;
use serde_json::Value;

const LANTERNA: &str = "tests/fixtures/consultant/resellers-with-technology-scale.yaml";

/// Fourteen people and twelve roles: the report says where the other two work (a
/// second channel partnerships manager, under the reseller segment's lead: T2; a second
/// alliance partner manager, under the technology segment's: E3, R3), in text,
/// Markdown, HTML and JSON; a team no larger than its roles says nothing.
#[test]
fn people_beyond_the_roles_are_placed_in_words() {
    let said = "2 more people are on the team of 14 than the roles above: a second Channel \
                partnerships manager, reporting to the Reseller segment lead; a second \
                Alliance partner manager, reporting to the Technology (ISV) segment lead.";
    for format in ["markdown", "html"] {
        let report = stdout(&["advise", LANTERNA, "--format", format]);
        assert!(report.contains("Beyond these roles"), "{format}");
        assert!(report.contains(said), "{format}: {report}");
    }
    let text = stdout(&["advise", LANTERNA]);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(said), "{text}");

    let a: Value =
        serde_json::from_str(&stdout(&["advise", LANTERNA, "--format", "json"])).unwrap();
    let beyond = &a["beyond_roles"];
    assert_eq!(beyond["people"], 2);
    assert_eq!(beyond["role"], "Channel partnerships manager");
    assert_eq!(beyond["reports_to"], "Reseller segment lead");
    assert_eq!(beyond["text"], said);
    assert_eq!(a["roles"].as_array().unwrap().len(), 12);

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

/// Twenty-three people beyond the roles of a one-segment team of 30 (Northline with a
/// larger team, whose three PartnerOps specialists report to the lead: no head of
/// partner operations over fewer than five) would give the lead 26 direct reports:
/// the report says to group them under team leads.
#[test]
fn many_people_beyond_the_roles_are_grouped_under_team_leads() {
    let profile =
        std::fs::read_to_string("tests/fixtures/consultant/reseller-only-one-region-scale.yaml")
            .unwrap()
            .replace("team_size: 9", "team_size: 30");
    let out = crate::support::partner_org()
        .args(["advise", "-", "--format", "json"])
        .write_stdin(profile)
        .output()
        .unwrap();
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = a["beyond_roles"]["text"].as_str().unwrap();
    assert!(
        text.contains("that makes 26 direct reports, so group them under team leads of at most 8"),
        "{text}"
    );
}
