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
            "invalid type: sequence",
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
            "invalid value",
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
            "expected a profile (a mapping of fields), found string",
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
        .stderr(predicate::str::contains("the input holds no profile"));
    let big = dir.path().join("big.yaml");
    std::fs::write(&big, format!("{VALID}# {}\n", "x".repeat(2 << 20))).unwrap();
    partner_org()
        .args(["advise", big.to_str().unwrap()])
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "larger than the limit of 1048576 bytes",
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
