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

/// What bash offers for the words typed so far (the last one is being completed), by
/// sourcing the generated script in a real bash and calling its completion function
/// the way readline does.
fn bash_completes(words: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("partner-org.bash");
    partner_org()
        .args(["completions", "bash", "-o", script.to_str().unwrap()])
        .assert()
        .success();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let program = format!(
        "source '{}'\n\
         COMP_WORDS=({})\n\
         COMP_CWORD={cword}\n\
         fn=$(complete -p partner-org | sed -E 's/.* -F ([^ ]+) .*/\\1/')\n\
         \"$fn\" partner-org {} {}\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        quoted[cword],
        quoted[cword - 1],
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_values_after_the_subcommand() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: bash is not installed");
        return;
    }
    assert_eq!(
        bash_completes(&["partner-org", "chart", "--format", ""]),
        ["dot", "mermaid", "svg", "json", "tree"]
    );
    assert_eq!(
        bash_completes(&["partner-org", "chart", "--stage", "m"]),
        ["mid"]
    );
    assert!(bash_completes(&["partner-org", "what-if", "--"]).contains(&"--format".to_string()));
    assert!(bash_completes(&["partner-org", "ch"]).contains(&"chart".to_string()));
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
