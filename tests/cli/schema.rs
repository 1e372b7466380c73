//! `schema`: every example profile validates against the generated JSON Schema, broken
//! ones do not, and the default rulebook validates against the rulebook schema.
//!
//! The validator is the `jsonschema` crate (a dev-dependency): an independent
//! implementation of JSON Schema 2020-12, the draft schemars writes, so these tests
//! check what editors using the schema will see.

use crate::support::{EXAMPLES, partner_org, repo, stdout};
use serde_json::Value;

fn schema(kind: &str) -> jsonschema::Validator {
    let out = partner_org().args(["schema", kind]).output().unwrap();
    assert!(out.status.success());
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn yaml(text: &str) -> Value {
    yaml_serde::from_str(text).expect("YAML")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_example_profile_validates() {
    let validator = schema("profile");
    let mut checked = 0;
    for entry in std::fs::read_dir(repo("profiles")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let instance = yaml(&std::fs::read_to_string(&path).unwrap());
            assert_eq!(
                errors(&validator, &instance),
                Vec::<String>::new(),
                "{}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 5);
}

#[test]
fn a_share_written_as_a_percentage_validates_as_the_profile_reader_takes_it() {
    let validator = schema("profile");
    let good = std::fs::read_to_string(repo("profiles/sellfy.yaml")).unwrap();
    for (share, valid) in [
        ("10%", true),
        ("100%", true),
        ("0.5 %", true),
        ("150%", false),
        ("ten%", false),
    ] {
        let text = good.replace("revenue_share: 0.1", &format!("revenue_share: {share}"));
        let by_schema = errors(&validator, &yaml(&text)).is_empty();
        let by_reader = partner_org::profile::Profile::parse("s.yaml", &text).is_ok();
        assert_eq!((by_schema, by_reader), (valid, valid), "{share}");
    }
}

#[test]
fn broken_profiles_do_not_validate() {
    let validator = schema("profile");
    let good = std::fs::read_to_string(repo("profiles/sellfy.yaml")).unwrap();
    for (broken, why) in [
        (
            good.replace("marketing_team: 5", "marketing_tem: 5"),
            "misspelt field",
        ),
        (
            good.replace("employees: 40", "employees: 0"),
            "no employees",
        ),
        (
            good.replace("employees: 40", "employees: forty"),
            "not a number",
        ),
        (
            good.replace("revenue_share: 0.1", "revenue_share: 1.5"),
            "share above 1",
        ),
        (
            good.replace("maturity: launching", "maturity: booming"),
            "unknown maturity",
        ),
        (
            good.replace("types: [affiliate]", "types: [affiliates]"),
            "unknown type",
        ),
        (
            good.replace("self_serve: true", "self_serve: \"yes\""),
            "a string for a boolean",
        ),
        (good.replace("name: Sellfy\n", ""), "no name"),
    ] {
        assert_ne!(broken, good, "{why}: nothing replaced");
        assert!(
            !errors(&validator, &yaml(&broken)).is_empty(),
            "{why} should not validate"
        );
    }
}

#[test]
fn the_default_rulebook_validates_and_a_broken_one_does_not() {
    let validator = schema("rulebook");
    let text = std::fs::read_to_string(repo("rules/default.yaml")).unwrap();
    assert_eq!(errors(&validator, &yaml(&text)), Vec::<String>::new());
    let broken =
        std::fs::read_to_string(repo("tests/fixtures/rulebooks/unknown-field.yaml")).unwrap();
    assert!(!errors(&validator, &yaml(&broken)).is_empty());
}

/// The default rulebook's named conditions and their uses validate (above); a name
/// that is not kebab-case, or an `is` that is not a name, does not.
#[test]
fn the_rulebook_schema_knows_named_conditions() {
    let validator = schema("rulebook");
    let text = std::fs::read_to_string(repo("rules/default.yaml")).unwrap();
    assert!(text.contains("conditions:\n") && text.contains("{is: nobody-sells-self-serve}"));
    for (from, to, path) in [
        (
            "  nobody-sells-self-serve:\n",
            "  Nobody Sells:\n",
            "/conditions",
        ),
        (
            "{is: nobody-sells-self-serve}",
            "{is: [nobody-sells-self-serve]}",
            "/rules/0/when",
        ),
    ] {
        let broken = text.replacen(from, to, 1);
        assert_ne!(broken, text, "{from}");
        let found = errors(&validator, &yaml(&broken));
        assert!(found.iter().any(|e| e.starts_with(path)), "{to}: {found:?}");
    }
}

#[test]
fn the_schema_carries_the_field_docs() {
    let out = partner_org().args(["schema"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Headcount of the marketing team; 0 means there is no marketing team"));
}

/// `schema assessment` describes what `advise` writes: every example in JSON, NDJSON
/// and YAML, with `--explain` and with `--set`, validates against it, and an object
/// with a field the schema does not know, or without one it requires, does not.
#[test]
fn every_example_assessment_validates_against_the_assessment_schema() {
    let validator = schema("assessment");
    let mut checked = 0;
    for name in EXAMPLES {
        let path = format!("profiles/{name}.yaml");
        for extra in [
            &[][..],
            &["--explain"][..],
            &["--set", "company.employees=5000", "--set", "goals=global"][..],
        ] {
            for format in ["json", "ndjson", "yaml"] {
                let mut args = vec!["advise", path.as_str(), "--format", format];
                args.extend(extra);
                let out = stdout(&args);
                let instance: Value = if format == "yaml" {
                    yaml(&out)
                } else {
                    serde_json::from_str(&out).unwrap()
                };
                assert_eq!(
                    errors(&validator, &instance),
                    Vec::<String>::new(),
                    "{args:?}"
                );
                checked += 1;
            }
        }
    }
    assert_eq!(checked, EXAMPLES.len() * 9);

    let good: Value = serde_json::from_str(&stdout(&[
        "advise",
        "profiles/sellfy.yaml",
        "--format",
        "json",
    ]))
    .unwrap();
    // Arrays are there even when empty, e.g. the scores of a rule that adds none.
    assert!(
        good["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["scores"] == serde_json::json!({}))
    );
    let mut unknown = good.clone();
    unknown["advice"] = Value::from("extra");
    assert!(!errors(&validator, &unknown).is_empty(), "an unknown field");
    for required in ["overrides", "sources", "rules", "placement"] {
        let mut missing = good.clone();
        missing.as_object_mut().unwrap().remove(required);
        assert!(
            !errors(&validator, &missing).is_empty(),
            "without {required}"
        );
    }
    let mut wrong = good;
    wrong["placement"] = Value::from("engineering");
    assert!(
        !errors(&validator, &wrong).is_empty(),
        "an unknown placement"
    );
}

/// The profile schema makes every check of a single field the tool makes: a profile
/// `validate` refuses for one of them, the schema refuses too (and the longest name
/// both accept).
#[test]
fn profiles_the_tool_refuses_field_by_field_the_schema_refuses_too() {
    let validator = schema("profile");
    let good = std::fs::read_to_string(repo("profiles/sellfy.yaml")).unwrap();
    let named = |name: &str| good.replace("name: Sellfy", &format!("name: {name}"));
    let longest = format!("\"{}\"", "x".repeat(200));
    let refused = [
        (named("\"\""), "an empty name"),
        (named("\"   \""), "a blank name"),
        (named("\"Acme\\u0007\""), "a control character"),
        (named("\"Acme\\u202Eevil\""), "a bidirectional override"),
        (
            named(&format!("\"{}\"", "x".repeat(201))),
            "a name too long",
        ),
        (good.replace("version: 1", "version: 2"), "version 2"),
        (
            good.replace("regions: [north-america, emea]", "regions: []"),
            "no region",
        ),
        (
            good.replace("regions: [north-america, emea]", "regions: [emea, emea]"),
            "a region twice",
        ),
        (
            good.replace("types: [affiliate]", "types: [affiliate, affiliate]"),
            "a type twice",
        ),
        (
            good.replace("planned: []", "planned: [referral, referral]"),
            "a planned type twice",
        ),
        (
            good.replace("goals: [reach, fast-roi]", "goals: [reach, reach]"),
            "a goal twice",
        ),
    ];
    for (profile, why) in refused {
        assert_ne!(profile, good, "{why}: nothing replaced");
        partner_org()
            .args(["validate", "-"])
            .write_stdin(profile.clone())
            .assert()
            .code(65);
        assert!(
            !errors(&validator, &yaml(&profile)).is_empty(),
            "{why}: the tool refuses it, the schema does not"
        );
    }
    for accepted in [
        named(&longest),
        good.replace("version: 1\n", ""),
        named("\"Acme: Cloud\""),
    ] {
        partner_org()
            .args(["validate", "-"])
            .write_stdin(accepted.clone())
            .assert()
            .success();
        assert_eq!(errors(&validator, &yaml(&accepted)), Vec::<String>::new());
    }
}
