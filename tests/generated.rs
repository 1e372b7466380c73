//! Completions and the man page come from the clap definitions.

mod common;
use common::partner_org;
use predicates::str::contains;

#[test]
fn completions_cover_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = partner_org().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        for command in ["advise", "what-if", "diff", "schema", "rules"] {
            assert!(text.contains(command), "{shell} completions lack {command}");
        }
    }
    partner_org().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_is_roff_with_every_command() {
    partner_org()
        .args(["man"])
        .assert()
        .success()
        .stdout(contains(".TH partner-org 1"))
        .stdout(contains("what\\-if"))
        .stdout(contains("Exit codes:"));
}

#[test]
fn generated_files_go_through_output() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("partner-org.1");
    partner_org()
        .args(["man", "-o", page.to_str().unwrap()])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&page).unwrap().starts_with(".ie"));
    partner_org()
        .args(["man", "-o", page.to_str().unwrap()])
        .assert()
        .code(73);
}
