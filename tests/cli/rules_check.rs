//! `rules check` on good and broken rulebooks, `rules test` on fixtures, and
//! `rules show` printing the whole rulebook to copy.

use crate::support::{partner_org, repo};
use predicates::str::contains;

/// Runs partner-org: the exit code, stdout and stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = partner_org().args(args).output().unwrap();
    (
        out.status
            .code()
            .unwrap_or_else(|| panic!("{args:?} did not exit: {}", out.status)),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn check(file: &str) -> (i32, String, String) {
    run(&["rules", "check", file, "--color", "never"])
}

/// `rules test` of the default rulebook on `path`: the exit code and stdout.
fn test_default_rules(path: &str) -> (i32, String) {
    let (code, out, _) = run(&["rules", "test", "rules/default.yaml", path]);
    (code, out)
}

/// Asserts that the report shows the message and, under it, `--> path:line:col`.
fn assert_located(text: &str, place_and_message: &str) {
    let (place, message) = place_and_message.split_at(place_and_message.find(": ").unwrap());
    assert!(
        text.contains(&format!("--> tests/fixtures/rulebooks/{place}"))
            && text.contains(&message[2..]),
        "missing {place_and_message:?} in\n{text}"
    );
}

#[test]
fn the_default_and_a_good_rulebook_are_clean() {
    for file in ["rules/default.yaml", "tests/fixtures/rulebooks/good.yaml"] {
        let (code, out, _) = check(file);
        assert_eq!(code, 0, "{out}");
        assert!(out.ends_with("rules, no problems found\n"), "{out}");
    }
    // Without FILE: the embedded rulebook.
    partner_org()
        .args(["rules", "check"])
        .assert()
        .success()
        .stdout(contains("rules/default.yaml: 154 rules"));
}

#[test]
fn rules_that_can_never_fire_are_found_with_line_and_column() {
    let (code, out, _) = check("tests/fixtures/rulebooks/never-fires.yaml");
    assert_eq!(code, 65);
    for expected in [
        "never-fires.yaml:13:5: rule 'share-above-one' can never fire",
        "never-fires.yaml:20:5: rule 'self-serve-and-not' can never fire",
        "never-fires.yaml:29:5: rule 'affiliates-without-a-program' can never fire",
        "never-fires.yaml:38:5: part of rule 'dead-branch' can never hold: `program.type_count > 6`",
    ] {
        assert_located(&out, expected);
    }
    for expected in [
        "`program.revenue_share > 1` can never hold: program.revenue_share runs from 0 to 1",
        "4 rules, 4 problems",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

#[test]
fn rules_with_no_effect_are_found() {
    let (code, out, _) = check("tests/fixtures/rulebooks/no-effect.yaml");
    assert_eq!(code, 65);
    assert_located(
        &out,
        "no-effect.yaml:15:5: rule 'zero-points' has no effect: every score change is 0",
    );
    assert_located(
        &out,
        "no-effect.yaml:22:5: rule 'unseen-reason' has no effect: its reason is never shown",
    );
}

#[test]
fn contradictory_duplicates_are_found() {
    let (code, out, _) = check("tests/fixtures/rulebooks/duplicates.yaml");
    assert_eq!(code, 65);
    assert_located(
        &out,
        "duplicates.yaml:17:5: rules 'referral-to-sales' and 'referral-away-from-sales' have the same condition and contradict each other: sales +3 against sales -3",
    );
    assert_located(
        &out,
        "duplicates.yaml:24:5: rule 'referral-to-sales-again' repeats rule 'referral-to-sales'",
    );
}

#[test]
fn rulebooks_that_do_not_load_fail_with_the_place_and_a_fix() {
    let (code, _, err) = check("tests/fixtures/rulebooks/unknown-cite.yaml");
    assert_eq!(code, 65);
    assert_located(
        &err,
        "unknown-cite.yaml:12:13: rule 'referrals-to-sales' cites unknown guidance id 'S9'",
    );
    assert!(
        err.contains("help: guidance ids run S1..S5") && !err.contains("did you mean"),
        "no near miss of S9: the ids are listed instead: {err}"
    );
    assert!(
        err.contains("note: tests/fixtures/rulebooks/unknown-cite.yaml is not a valid rulebook; `partner-org schema rulebook` describes the format\n"),
        "{err}"
    );
    let (code, _, err) = check("tests/fixtures/rulebooks/unknown-field.yaml");
    assert_eq!(code, 65);
    assert_located(
        &err,
        "unknown-field.yaml:13:5: rules[0]: unknown field 'wen'",
    );
    assert!(err.contains("did you mean 'when'?"), "{err}");
    assert!(
        !err.contains("partner-org guidance"),
        "nothing about guidance ids under an error that is not about one: {err}"
    );
    partner_org()
        .args(["rules", "check", "no/such.yaml"])
        .assert()
        .code(66);
}

/// A cite that is a near miss of a guidance id (another case, a digit too many) is
/// answered with the id and the command that shows it, under that error only.
#[test]
fn a_near_miss_guidance_id_names_the_id_and_how_to_read_it() {
    let good = std::fs::read_to_string(repo("tests/fixtures/rulebooks/good.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for typo in ["s1", "S10"] {
        let path = dir.path().join(format!("{typo}.yaml"));
        std::fs::write(
            &path,
            good.replace("cites: [S1]", &format!("cites: [{typo}]")),
        )
        .unwrap();
        let (code, _, err) = check(path.to_str().unwrap());
        assert_eq!(code, 65, "{err}");
        assert!(
            err.contains(&format!("cites unknown guidance id '{typo}'")),
            "{err}"
        );
        assert!(
            err.contains("help: did you mean 'S1'? (`partner-org guidance S1` shows it)"),
            "{typo}: {err}"
        );
    }
}

#[test]
fn the_consultant_fixtures_pass_rules_test() {
    let count = std::fs::read_dir(repo("tests/fixtures/consultant"))
        .unwrap()
        .count();
    assert!(count >= 25, "{count} consultant fixtures");
    partner_org()
        .args([
            "rules",
            "test",
            "rules/default.yaml",
            "tests/fixtures/consultant",
        ])
        .assert()
        .success()
        .stdout(contains(format!(
            "{count} fixtures against rules/default.yaml: {count} passed, 0 failed, 0 invalid, 0 without an expected placement"
        )));
}

#[test]
fn the_examples_pass_as_fixtures_of_the_default_rulebook() {
    partner_org()
        .args([
            "rules",
            "test",
            "rules/default.yaml",
            "profiles",
            "tests/fixtures/profiles",
        ])
        .assert()
        .success()
        .stdout(contains(
            "pass     profiles/sellfy.yaml: Sellfy is marketing",
        ))
        .stdout(contains(
            "pass     tests/fixtures/profiles/example-co.yaml: Example Co is marketing",
        ))
        .stdout(contains(
            "pass     tests/fixtures/profiles/stream.yaml#2: Referrals without self-service is sales",
        ))
        .stdout(contains(
            "15 passed, 0 failed, 0 invalid, 1 without an expected placement",
        ));
}

#[test]
fn a_changed_weight_fails_its_fixtures() {
    // What README shows: copy the rulebook, change a weight, test it.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("my-rules.yaml");
    partner_org()
        .args(["rules", "show", "-o", copy.to_str().unwrap()])
        .assert()
        .success();
    let text = std::fs::read_to_string(&copy).unwrap();
    assert_eq!(
        text,
        std::fs::read_to_string(repo("rules/default.yaml")).unwrap()
    );
    // Affiliates no longer count against sales: they pull towards it.
    let changed = text.replacen(
        "              - marketing_maturity: [none]\n    then:\n      scores: {sales: -2}",
        "              - marketing_maturity: [none]\n    then:\n      scores: {sales: 8}",
        1,
    );
    assert_ne!(changed, text, "the rule to change was not found");
    std::fs::write(&copy, changed).unwrap();
    let (code, text, _) = run(&["rules", "test", copy.to_str().unwrap(), "profiles"]);
    assert_eq!(code, 65);
    assert!(
        text.contains("FAIL     profiles/sellfy.yaml: Sellfy: expected marketing, got sales (sales 8, marketing 6, standalone -3, cross-functional 0)"),
        "{text}"
    );
    assert!(
        text.contains("pass     profiles/touchbistro.yaml"),
        "{text}"
    );
}

#[test]
fn fixtures_without_expectations_or_with_a_bad_one_do_not_pass() {
    let dir = tempfile::tempdir().unwrap();
    let profile = "name: X\ncompany: {employees: 10, self_serve: true}\nprogram: {types: [referral], maturity: launching}\n";
    std::fs::write(dir.path().join("none.yaml"), profile).unwrap();
    let (code, text) = test_default_rules(dir.path().to_str().unwrap());
    assert_eq!(code, 65, "no fixture states a placement");
    assert!(text.contains("1 without an expected placement"), "{text}");

    std::fs::write(
        dir.path().join("typo.yaml"),
        format!("# expect: sale\n{profile}"),
    )
    .unwrap();
    let (code, text) = test_default_rules(dir.path().to_str().unwrap());
    assert_eq!(code, 65);
    assert!(
        text.contains("typo.yaml:1:11: unknown placement 'sale' in the `# expect:` line"),
        "{text}"
    );
}

#[test]
fn rules_show_without_an_id_prints_the_active_rulebook() {
    partner_org()
        .args([
            "rules",
            "show",
            "--rules",
            "tests/fixtures/rulebooks/good.yaml",
        ])
        .assert()
        .success()
        .stdout(contains("# A small rulebook that loads and lints clean"));
    partner_org()
        .args(["rules", "show", "no-such-rule"])
        .assert()
        .code(2);
}

/// A copy of the default rulebook with a named condition misspelled in a rule does not
/// load: the place of the name and the near miss; one with a named condition no rule
/// uses loads, and the lint points at its definition.
#[test]
fn named_conditions_are_checked_in_a_copy_of_the_default_rulebook() {
    let default = std::fs::read_to_string(repo("rules/default.yaml")).unwrap();
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let dir = tempfile::tempdir().unwrap();
    let misspelled = dir.path().join("misspelled.yaml");
    let text = default.replacen(
        "- not: {is: nobody-sells-self-serve}",
        "- not: {is: nobody-sell-self-serve}",
        1,
    );
    std::fs::write(&misspelled, &text).unwrap();
    let (code, _, err) = check(misspelled.to_str().unwrap());
    assert_eq!(code, 65, "{err}");
    let line = line_of(&text, "nobody-sell-self-serve");
    assert!(
        err.contains(
            "error: rule 'referral-to-sales' uses unknown named condition 'nobody-sell-self-serve'"
        ) && err.contains(&format!("misspelled.yaml:{line}:17\n"))
            && err.contains("help: did you mean 'nobody-sells-self-serve'?"),
        "{err}"
    );

    let unused = dir.path().join("unused.yaml");
    let text = default.replacen(
        "conditions:\n",
        "conditions:\n  # Never used.\n  tiny-company: {compare: {field: company.employees, op: \"<\", value: 10}}\n",
        1,
    );
    std::fs::write(&unused, &text).unwrap();
    let (code, out, _) = check(unused.to_str().unwrap());
    assert_eq!(code, 65, "{out}");
    let line = line_of(&text, "tiny-company:");
    assert!(
        out.contains("named condition 'tiny-company' is used by no rule")
            && out.contains(&format!("unused.yaml:{line}:3\n"))
            && out
                .contains("help: use it in a rule's `when` as `{is: tiny-company}`, or remove it")
            && out.ends_with(" rules, 1 problem\n"),
        "{out}"
    );
}

/// `rules show ID` prints the rule as written, with `is: NAME`, and below it what each
/// name it uses stands for, those used through another name too.
#[test]
fn rules_show_says_what_the_names_a_rule_uses_stand_for() {
    let (code, out, _) = run(&["rules", "show", "referral-signups-to-marketing"]);
    assert_eq!(code, 0);
    assert!(out.contains("- is: nobody-sells-self-serve\n"), "{out}");
    assert!(
        out.ends_with("# named conditions:\n#   nobody-sells-self-serve: (company.self_serve is true and company.sales_team == 0 and company.employees > 100)\n"),
        "{out}"
    );
    let (_, out, _) = run(&["rules", "show", "resourcing-kpis"]);
    for name in [
        "closing-partners-first",
        "co-selling-partners-run",
        "co-selling-partners-planned",
        "affiliates-wait-for-referrals",
    ] {
        assert!(out.contains(&format!("#   {name}: (")), "{name}: {out}");
    }
    let (_, out, _) = run(&["rules", "show", "reach-goal"]);
    assert!(!out.contains("# named conditions:"), "{out}");
}

/// A key given twice in any map of a rulebook is an error at the second key: the
/// typed reader kept the last of the two without a word (`scores: {sales: 3, sales:
/// 1}` scored 1), as it did for a named condition defined twice.
#[test]
fn a_key_given_twice_in_a_rulebook_is_an_error_at_the_second() {
    let default = std::fs::read_to_string(repo("rules/default.yaml")).unwrap();
    let text = default.replacen(
        "      scores: {sales: 3}",
        "      scores: {sales: 3, sales: 1}",
        1,
    );
    assert_ne!(text, default);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.yaml");
    std::fs::write(&path, &text).unwrap();
    let (code, _, err) = check(path.to_str().unwrap());
    assert_eq!(code, 65, "{err}");
    let line = text
        .lines()
        .position(|l| l.contains("sales: 3, sales: 1"))
        .unwrap()
        + 1;
    assert!(
        err.contains(&format!("twice.yaml:{line}:26")) && err.contains("'sales' is given twice"),
        "{err}"
    );
}
