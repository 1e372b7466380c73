//! Completions and the man page come from the clap definitions.

mod common;
use common::{partner_org, stdout};
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
        .stderr(contains("wrote 17 man pages to"));
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
