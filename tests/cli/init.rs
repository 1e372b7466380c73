//! `partner-org init`: the commented template profile.

use crate::support::{partner_org, repo};
use predicates::str::contains;

#[test]
fn init_prints_the_committed_template_to_stdout() {
    let template = std::fs::read_to_string(repo("profiles/template.yaml")).unwrap();
    partner_org()
        .arg("init")
        .assert()
        .success()
        .stdout(template);
}

#[test]
fn init_writes_a_valid_profile_and_refuses_to_overwrite_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mycompany.yaml");
    partner_org()
        .arg("init")
        .arg(&path)
        .assert()
        .success()
        .stdout("")
        .stderr(format!(
            "wrote the template profile to {0}\nnext: replace the example answers, then run `partner-org advise {0}`\n",
            path.display()
        ));
    partner_org()
        .arg("validate")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains("Example Co"));
    // No test-only line: `rules test` finds no expected placement in it.
    assert!(!std::fs::read_to_string(&path).unwrap().contains("expect:"));

    std::fs::write(&path, "mine\n").unwrap();
    partner_org()
        .arg("init")
        .arg(&path)
        .assert()
        .code(73)
        .stderr(contains("exists; pass --force to overwrite it"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine\n");

    partner_org()
        .arg("init")
        .arg(&path)
        .arg("--force")
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(repo("profiles/template.yaml")).unwrap()
    );
}
