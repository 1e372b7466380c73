//! Completions and the man page come from the clap definitions.

use crate::support::{partner_org, stdout};
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
fn the_man_page_is_roff_with_every_command_and_an_exit_status() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH partner-org 1"), "{page}");
    assert!(page.contains("\\fBwhat\\-if\\fR"), "{page}");
    assert!(
        page.contains(".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\n"),
        "{page}"
    );
    assert!(page.contains("\\fB65\\fR\nat least one profile"), "{page}");
    assert!(!page.contains("EXTRA"), "{page}");
    // One page on its own refers to no other page.
    assert!(!page.contains("(1)"), "{page}");
}

#[test]
fn man_dir_writes_one_page_per_command_and_every_reference_exists() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("man");
    partner_org()
        .args(["man", "--dir"])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(contains("wrote 18 man pages to"));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for page in [
        "partner-org.1",
        "partner-org-advise.1",
        "partner-org-rules-test.1",
    ] {
        assert!(names.iter().any(|n| n == page), "{page} in {names:?}");
    }
    for name in &names {
        let page = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(page.contains(".SH \"EXIT STATUS\""), "{name}");
        // Every `name(1)` reference is a page in the folder.
        for reference in page
            .split(|c: char| c.is_whitespace())
            .filter(|w| w.ends_with("(1)"))
        {
            let file = format!(
                "{}.1",
                reference.trim_end_matches("(1)").replace("\\-", "-")
            );
            assert!(names.contains(&file), "{name} refers to {reference}");
        }
    }
    let advise = std::fs::read_to_string(out.join("partner-org-advise.1")).unwrap();
    assert!(advise.contains("\\-\\-explain"), "{advise}");
    assert!(
        advise.contains(".SH \"SEE ALSO\"\npartner\\-org(1)"),
        "{advise}"
    );
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

#[test]
fn help_lists_the_csv_columns_and_says_what_no_color_does() {
    let help = stdout(&["advise", "--help"]);
    let flat = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let columns = partner_org::render::CSV_COLUMNS.join(", ");
    assert!(flat.contains(&format!("columns: {columns} ")), "{help}");
    assert!(!flat.contains("README"), "{help}");
    assert!(
        flat.contains("`auto` colours a terminal unless NO_COLOR is set; `always` and `never` win over NO_COLOR"),
        "{help}"
    );
}

#[test]
fn options_that_would_do_nothing_are_refused_with_exit_2() {
    for args in [
        &["man", "--rules", "/nonexistent"][..],
        &["completions", "bash", "--max-bytes", "10"],
        &["schema", "--max-documents", "3"],
        &["init", "--rules", "rules/default.yaml"],
        &[
            "validate",
            "profiles/sellfy.yaml",
            "--rules",
            "rules/default.yaml",
        ],
        &[
            "rules",
            "test",
            "rules/default.yaml",
            "profiles",
            "--rules",
            "x.yaml",
        ],
        &["ask", "--max-documents", "3"],
    ] {
        partner_org()
            .args(args)
            .assert()
            .code(2)
            .stderr(contains("error: unexpected argument"));
    }
    // `ask` has one output option, spelt -o, --out or --output.
    let help = stdout(&["ask", "--help"]);
    assert_eq!(help.matches("<PATH>").count(), 2, "{help}");
    assert!(help.contains("-o, --out <PATH>"), "{help}");
}

#[test]
fn init_refuses_a_path_and_o_together() {
    let dir = tempfile::tempdir().unwrap();
    partner_org()
        .current_dir(dir.path())
        .args(["init", "a.yaml", "-o", "b.yaml"])
        .assert()
        .code(2)
        .stderr(contains("cannot be used with '--output <FILE>'"));
    assert!(!dir.path().join("a.yaml").exists());
    assert!(!dir.path().join("b.yaml").exists());
    partner_org()
        .current_dir(dir.path())
        .args(["init", "-o", "b.yaml"])
        .assert()
        .success();
    assert!(dir.path().join("b.yaml").exists());
}

#[test]
fn the_options_that_act_still_work_on_their_commands() {
    partner_org()
        .args(["advise", "profiles/sellfy.yaml", "--max-bytes", "10", "-q"])
        .assert()
        .code(65);
    partner_org()
        .args(["rules", "list", "--rules", "/nonexistent"])
        .assert()
        .code(66);
    partner_org()
        .args(["man", "--dir", "x", "-o", "y"])
        .assert()
        .code(2);
}
