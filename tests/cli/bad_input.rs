//! Every kind of bad profile is rejected with exit code 65 and a message naming the
//! file, line and column; an unreadable file gives 66.

use crate::support::partner_org;
use predicates::prelude::*;

const VALID: &str = "\
name: Acme
company:
  employees: 40
  self_serve: true
  marketing_team: 5
program:
  types: [affiliate]
  maturity: launching
";

/// (case, text, `line:col` expected after the file name, words of the message)
fn cases() -> Vec<(&'static str, String, &'static str, &'static str)> {
    let edit = |from: &str, to: &str| {
        let text = VALID.replacen(from, to, 1);
        assert_ne!(text, VALID);
        text
    };
    vec![
        (
            "unknown key",
            edit("  marketing_team: 5", "  marketing_tem: 5"),
            "5:3",
            "did you mean 'marketing_team'?",
        ),
        (
            "duplicate key",
            edit("  employees: 40\n", "  employees: 40\n  employees: 41\n"),
            "4:3",
            "'employees' is given twice",
        ),
        (
            "duplicate key inside a flow map",
            edit(
                "program:\n  types: [affiliate]\n  maturity: launching",
                "program: {types: [affiliate], maturity: launching, types: [referral]}",
            ),
            "6:52",
            "'types' is given twice",
        ),
        (
            "wrong type",
            edit("employees: 40", "employees: [40]"),
            "3:14",
            "expected a whole number, found a list",
        ),
        (
            "missing required field",
            edit("  self_serve: true\n", ""),
            "2:1",
            "missing field 'self_serve'",
        ),
        (
            "number out of range",
            edit("employees: 40", "employees: 99999999999"),
            "3:14",
            "99999999999 is too large for a count",
        ),
        (
            "share out of range",
            edit(
                "  maturity: launching",
                "  maturity: launching\n  revenue_share: 2",
            ),
            "9:3",
            "and 2 is above 1",
        ),
        (
            "yes for a boolean",
            edit("self_serve: true", "self_serve: yes"),
            "4:15",
            "`true` or `false`",
        ),
        (
            "no for a boolean",
            edit("self_serve: true", "self_serve: no"),
            "4:15",
            "`true` or `false`",
        ),
        (
            "on for a boolean",
            edit("self_serve: true", "self_serve: on"),
            "4:15",
            "`true` or `false`",
        ),
        (
            "anchor",
            edit("employees: 40", "employees: &e 40"),
            "3:14",
            "anchors are not allowed in profiles or rulebooks",
        ),
        (
            "alias",
            edit("  marketing_team: 5", "  marketing_team: *e"),
            "5:19",
            "aliases are not allowed in profiles or rulebooks",
        ),
        (
            "tag",
            edit("name: Acme", "name: !!python/object:os.system Acme"),
            "1:7",
            "tags are not allowed in profiles or rulebooks",
        ),
        (
            "custom tag",
            edit("employees: 40", "employees: !big 40"),
            "3:14",
            "tags are not allowed in profiles or rulebooks",
        ),
        (
            "merge key",
            edit("  employees: 40", "  <<: {employees: 40}"),
            "3:3",
            "merge keys",
        ),
        (
            "empty document in a stream",
            format!("{VALID}---\n---\n{VALID}"),
            "9:1",
            "document 2 of the stream is empty",
        ),
        (
            "non-mapping document",
            "just a sentence\n".to_string(),
            "1:1",
            "expected a profile (a mapping of fields), found the text 'just a sentence'",
        ),
        (
            "contradiction: maturity without a team",
            edit("  marketing_team: 5", "  marketing_maturity: established"),
            "5:3",
            "marketing_team is 0",
        ),
        (
            "contradiction: running and planned",
            edit(
                "  types: [affiliate]",
                "  types: [affiliate]\n  planned: [affiliate]",
            ),
            "8:3",
            "both running",
        ),
        (
            "contradiction: no program but types",
            edit("maturity: launching", "maturity: none"),
            "8:3",
            "maturity is `none`",
        ),
        (
            "tab indentation",
            edit("  employees: 40", "\temployees: 40"),
            "3:",
            "found character that cannot start any token",
        ),
        (
            "unterminated quote",
            edit("name: Acme", "name: \"Acme"),
            "",
            "found unexpected end of stream",
        ),
    ]
}

#[test]
fn each_rejected_case_exits_65_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    for (i, (case, text, place, words)) in cases().into_iter().enumerate() {
        let path = dir.path().join(format!("case{i}.yaml"));
        std::fs::write(&path, &text).unwrap();
        let shown = path.display().to_string();
        for command in ["advise", "validate"] {
            let out = partner_org().args([command, &shown]).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(65), "{case} ({command}): {stderr}");
            assert!(
                stderr.contains(&format!("{shown}:{place}")),
                "{case}: no {shown}:{place} in\n{stderr}"
            );
            assert!(stderr.contains(words), "{case}: no {words:?} in\n{stderr}");
        }
    }
}

#[test]
fn the_error_shows_the_line_with_a_caret_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.yaml");
    std::fs::write(&path, VALID.replace("marketing_team", "marketing_tem")).unwrap();
    partner_org()
        .args(["advise", path.to_str().unwrap()])
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "5 |   marketing_tem: 5\n  |   ^^^^^^^^^^^^^",
        ))
        .stderr(predicate::str::contains(
            "help: did you mean 'marketing_team'?",
        ));
}

#[test]
fn an_empty_file_and_an_oversized_file_are_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.yaml");
    std::fs::write(&empty, "").unwrap();
    partner_org()
        .args(["advise", empty.to_str().unwrap()])
        .assert()
        .code(65)
        .stderr(predicate::str::contains("the input holds no profile"))
        .stderr(predicate::str::contains(
            "write a profile into it (`partner-org init` writes a template)",
        ));
    let big = dir.path().join("big.yaml");
    std::fs::write(&big, format!("{VALID}# {}\n", "x".repeat(2 << 20))).unwrap();
    partner_org()
        .args(["advise", big.to_str().unwrap()])
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "larger than the limit of 1048576 bytes",
        ))
        .stderr(predicate::str::contains(
            "split the input, or raise the limit with --max-bytes",
        ));
    partner_org()
        .args(["advise", big.to_str().unwrap(), "--max-bytes", "4000000"])
        .assert()
        .success();
}

#[test]
fn a_missing_file_exits_66_and_a_bad_one_wins_over_it() {
    partner_org()
        .args(["advise", "profiles/nope.yaml"])
        .assert()
        .code(66)
        .stderr(predicate::str::contains(
            "profiles/nope.yaml: cannot read: no such file or directory",
        ));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "name: [\n").unwrap();
    partner_org()
        .args([
            "advise",
            "profiles/nope.yaml",
            bad.to_str().unwrap(),
            "profiles/sellfy.yaml",
        ])
        .assert()
        .code(65);
}

#[test]
fn stdin_is_read_with_a_dash() {
    partner_org()
        .args(["advise", "-", "--format", "json"])
        .write_stdin(VALID)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"path\": \"<stdin>\""));
    partner_org()
        .args(["advise", "-"])
        .write_stdin(VALID.replace("true", "yes"))
        .assert()
        .code(65)
        .stderr(predicate::str::contains("<stdin>:4:15"));
}

/// Runs `validate` on `text` in a file named `p.yaml`: (exit code, stdout, stderr).
fn validate_text(text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), text).unwrap();
    let out = partner_org()
        .current_dir(dir.path())
        .args(["validate", "p.yaml"])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_file_with_three_mistakes_reports_all_three_each_with_its_caret() {
    let text = VALID
        .replace("employees: 40", "employees: 1,200")
        .replace("marketing_team: 5", "marketing_tem: 5")
        .replace("maturity: launching", "maturity: vp");
    let (code, stdout, stderr) = validate_text(&text);
    assert_eq!(code, 65);
    assert_eq!(
        stdout,
        "error  p.yaml:3:14: company.employees: expected a whole number, found the text '1,200' (and 2 more problems)\n"
    );
    assert_eq!(stderr.matches("error: ").count(), 3, "{stderr}");
    for (place, caret) in [
        (
            " --> p.yaml:3:14",
            "3 |   employees: 1,200\n  |              ^^^^^\n",
        ),
        (
            " --> p.yaml:5:3",
            "5 |   marketing_tem: 5\n  |   ^^^^^^^^^^^^^",
        ),
        (" --> p.yaml:8:13", "8 |   maturity: vp\n  |             ^^"),
    ] {
        assert!(stderr.contains(place), "{place}\n{stderr}");
        assert!(stderr.contains(caret), "{caret}\n{stderr}");
    }
}

/// A share written with a decimal comma, as in much of Europe, is named as such, at
/// its place, with the value to write instead: in a block mapping, in a flow mapping
/// (where the comma splits the value into an entry of its own) and in `--set`.
#[test]
fn a_share_with_a_decimal_comma_says_to_use_a_decimal_point() {
    let block = format!("{VALID}  revenue_share: 1,5%\n");
    let flow = VALID.replace(
        "program:\n  types: [affiliate]\n  maturity: launching",
        "program: {types: [affiliate], maturity: launching, revenue_share: 0,15}",
    );
    for (text, place, line, fix) in [
        (
            block,
            "p.yaml:9:18",
            "9 |   revenue_share: 1,5%\n  |                  ^^^^",
            "use a decimal point: `1.5%` or `0.015`",
        ),
        (
            flow,
            "p.yaml:6:67",
            "^^^^",
            "use a decimal point: `0.15` or `15%`",
        ),
    ] {
        let (code, stdout, stderr) = validate_text(&text);
        assert_eq!(code, 65, "{stderr}");
        assert!(
            stdout.contains(&format!("{place}: program.revenue_share: '")),
            "file, line, column and field: {stdout}"
        );
        assert!(stderr.contains("has a decimal comma"), "{stderr}");
        assert!(stderr.contains(line), "{line}\n{stderr}");
        assert!(stderr.contains(fix), "{fix}\n{stderr}");
        assert!(!stderr.contains("unknown field"), "{stderr}");
    }
    partner_org()
        .args([
            "advise",
            "profiles/sellfy.yaml",
            "--set",
            "program.revenue_share=12,5 %",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'12,5 %' has a decimal comma: use a decimal point: `12.5%` or `0.125`",
        ));
}

#[test]
fn common_mistakes_get_a_help_line_that_says_how_to_fix_them() {
    let cases = [
        (
            "tab indentation",
            VALID.replace("  employees: 40", "\temployees: 40"),
            "help: indent with spaces: YAML does not allow tabs in indentation",
        ),
        (
            "3-space indentation",
            VALID.replace("  self_serve: true", "   self_serve: true"),
            "help: this line is indented 3 spaces and the line above 2 spaces: the fields of one mapping start in the same column",
        ),
        (
            "unquoted colon",
            VALID.replace("name: Acme", "name: Acme: Cloud"),
            "help: a value with `: ` in it needs quotes: `name: \"Acme: Cloud\"`",
        ),
        (
            "thousands separator",
            VALID.replace("employees: 40", "employees: 1,200"),
            "help: write the number without separators: `1200`",
        ),
        (
            "a value in the user's words",
            VALID.replace("maturity: launching", "maturity: vp"),
            "help: write one of: none (",
        ),
        (
            "a misspelt value",
            VALID.replace("maturity: launching", "maturity: launchng"),
            "help: did you mean 'launching'?",
        ),
        (
            "a required field left out",
            VALID.replace("  self_serve: true\n", ""),
            "help: add `self_serve:` with a value (`partner-org init` writes a template)",
        ),
    ];
    for (what, text, help) in cases {
        let (code, _, stderr) = validate_text(&text);
        assert_eq!(code, 65, "{what}");
        assert!(stderr.contains(help), "{what}: no {help:?} in\n{stderr}");
        assert!(
            !stderr.contains("variant"),
            "{what}: serde's words\n{stderr}"
        );
        assert!(stderr.contains('^'), "{what}: no caret\n{stderr}");
    }
}

#[test]
fn every_error_on_stderr_starts_with_the_same_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, VALID.replace("maturity: launching", "maturity: vp")).unwrap();
    let rulebook = dir.path().join("rules.yaml");
    std::fs::write(&rulebook, "rules: 3\n").unwrap();
    let runs: [&[&str]; 7] = [
        &[
            "advise",
            "profiles/sellfy.yaml",
            "--rules",
            rulebook.to_str().unwrap(),
        ],
        &["validate", "nowhere.yaml"],
        &["chart", bad.to_str().unwrap()],
        &["advise", bad.to_str().unwrap()],
        &[
            "advise",
            "profiles/sellfy.yaml",
            "--set",
            "company.nothing=1",
        ],
        &["advise", "profiles/sellfy.yaml", "--rules", "nowhere.yaml"],
        &["advise", "--no-such-option"],
    ];
    for args in runs {
        let out = partner_org().args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.starts_with("error: "), "{args:?}:\n{stderr}");
        // One error, one `error:` line.
        assert_eq!(
            stderr.lines().filter(|l| l.starts_with("error")).count(),
            1,
            "{args:?}:\n{stderr}"
        );
        assert!(!stderr.contains("partner-org: "), "{args:?}:\n{stderr}");
    }
}

#[test]
fn contradictions_are_reported_together_too() {
    let text = VALID
        .replace("name: Acme", "name: ''")
        .replace(
            "  types: [affiliate]\n",
            "  types: [affiliate]\n  planned: [affiliate]\n",
        )
        .replace(
            "marketing_team: 5",
            "marketing_team: 0\n  marketing_maturity: established",
        );
    let (code, stdout, stderr) = validate_text(&text);
    assert_eq!(code, 65);
    assert!(stdout.ends_with("(and 2 more problems)\n"), "{stdout}");
    for message in [
        "error: name: the name is empty",
        "error: company.marketing_maturity: marketing_maturity is `established` but marketing_team is 0",
        "error: program.planned: `affiliate` is both running (program.types) and planned",
    ] {
        assert!(stderr.contains(message), "{message}\n{stderr}");
    }
}
