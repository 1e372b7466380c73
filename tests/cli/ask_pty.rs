//! `partner-org ask` end to end, in a real pseudo-terminal (rexpect).
//!
//! Each test runs in its own temporary folder (where recovery files land), without
//! colour, with TERM=xterm and generous timeouts. Keys: Enter takes the default, a
//! space ticks an item of a multi-select, `\x1b[B` is the down arrow.

use crate::support::{partner_org, repo};
use partner_org::ask::Answers;
use partner_org::profile::Profile;
use rexpect::session::{PtySession, spawn_command};
use std::path::Path;
use std::time::Duration;

const DOWN: &str = "\x1b[B";
/// The program maturity `launching`, one below the first choice (`none`).
const LAUNCHING: &str = "\x1b[B\r";

/// A session of `partner-org ask ARGS` in `dir`.
fn ask(dir: &Path, args: &[&str]) -> PtySession {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_partner-org"));
    cmd.arg("ask")
        .args(["--color", "never"])
        .args(args)
        .current_dir(dir)
        .env("TERM", "xterm")
        .env_remove("NO_COLOR");
    spawn_command(cmd, Some(30_000)).expect("spawn partner-org ask")
}

/// Waits for `prompt`, then types `keys`.
fn answer(p: &mut PtySession, prompt: &str, keys: &str) {
    p.exp_string(prompt)
        .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    // Let the prompt switch the terminal to raw mode before the keys arrive.
    std::thread::sleep(Duration::from_millis(50));
    p.send(keys).expect("send keys");
    p.flush().expect("flush keys");
}

/// The exit code of the finished session.
fn exit_code(p: &mut PtySession) -> i32 {
    p.exp_eof().expect("the session ends");
    // rexpect does not re-export nix's WaitStatus; its Debug form is `Exited(Pid(n), code)`.
    let status = format!("{:?}", p.process().wait().expect("wait"));
    status
        .strip_prefix("Exited(")
        .and_then(|s| s.rsplit_once(", "))
        .and_then(|(_, code)| code.trim_end_matches(')').parse().ok())
        .unwrap_or_else(|| panic!("not a normal exit: {status}"))
}

/// The sixteen questions, in order, as they start on the screen.
const QUESTIONS: [&str; 16] = [
    "Company name",
    "How many people work at the company?",
    "Can a customer sign up and pay without talking to sales?",
    "How many people are on the sales team?",
    "How many people are on the marketing team?",
    "How developed is marketing?",
    "Does one leader run both sales and marketing?",
    "Which executive owns the whole revenue engine",
    "How far has the partner program come?",
    "Which partner programs run today?",
    "Which programs do you plan to add",
    "How many active partners are there?",
    "What share of revenue",
    "How many people work on partnerships today?",
    "What should partnerships achieve?",
    "Where does the company sell?",
];

/// Answers each prompt in turn with its keys.
fn answer_each(p: &mut PtySession, prompts: &[&str], keys: &[&str]) {
    assert_eq!(prompts.len(), keys.len(), "one answer per prompt");
    for (prompt, keys) in prompts.iter().zip(keys) {
        answer(p, prompt, keys);
    }
}

/// Answers every question for "Acme" up to the review screen.
fn answer_acme(p: &mut PtySession) {
    let keys = [
        "Acme\r", "40\r", "y", "3\r", "5\r", "\r", "\r", "\r", LAUNCHING, " \r", "\r", "20\r",
        "5%\r", "1\r", " \r", "\r",
    ];
    answer_each(p, &QUESTIONS, &keys);
}

fn read_profile(path: &Path) -> Profile {
    let text = std::fs::read_to_string(path).expect("saved file");
    Profile::parse(&path.display().to_string(), &text).expect("a valid profile")
}

/// Leaves the review screen with Done, waits for the profile to be saved under `--out
/// FILE`, checks the session ends with 0, and reads the saved profile back.
fn done_and_saved(p: &mut PtySession, dir: &Path, file: &str) -> Profile {
    answer(p, "Review", "\r");
    p.exp_string(&format!("Saved {file}")).expect("saved");
    assert_eq!(exit_code(p), 0);
    read_profile(&dir.join(file))
}

/// The recovery file an interrupted session left in `dir`.
fn recovery(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("partner-org-recovery.yaml")).expect("a recovery file")
}

#[test]
fn a_full_session_shows_the_advice_and_saves_the_profile() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &[]);
    answer_acme(&mut p);
    answer(&mut p, "Review", "\r");
    p.exp_string("Acme: put partnerships")
        .expect("the report's headline");
    p.exp_string("Team, in hiring order").expect("the report");
    answer(&mut p, "Save this profile?", "\r");
    answer(&mut p, "File name", "\r");
    p.exp_string("Saved acme.yaml").expect("saved");
    assert_eq!(exit_code(&mut p), 0);

    let profile = read_profile(&dir.path().join("acme.yaml"));
    assert_eq!(profile.name, "Acme");
    assert_eq!(profile.company.employees, 40);
    assert_eq!(profile.program.revenue_share, 0.05);
    // The saved file is what `advise` (and `chart`) read.
    partner_org()
        .arg("advise")
        .arg(dir.path().join("acme.yaml"))
        .assert()
        .success();
}

#[test]
fn a_wrong_answer_is_asked_again_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &["--out", "acme.yaml"]);
    answer(&mut p, "Company name", "Acme\r");
    answer(&mut p, "How many people work at the company?", "forty\r");
    answer(&mut p, "'forty' is not a whole number", "");
    answer(&mut p, "How many people work at the company?", "40\r");
    answer(&mut p, "Can a customer sign up", "n");
    answer(&mut p, "How many people are on the sales team?", "3\r");
    answer(&mut p, "How many people are on the marketing team?", "38\r");
    p.exp_string("sales_team (3) plus marketing_team (38) is more than employees (40)")
        .expect("the contradiction, as soon as it arises");
    answer(&mut p, "How many people are on the marketing team?", "5\r");
    // From "How developed is marketing?" to a revenue share out of range.
    let keys = ["\r", "\r", "\r", LAUNCHING, " \r", "\r", "20\r", "2\r"];
    answer_each(&mut p, &QUESTIONS[5..13], &keys);
    p.exp_string("2 is above 1: write 2% or 0.02")
        .expect("the range");
    answer_each(&mut p, &QUESTIONS[12..], &["0.2\r", "1\r", "\r", "\r"]);

    let profile = done_and_saved(&mut p, dir.path(), "acme.yaml");
    assert_eq!(
        (profile.company.employees, profile.company.marketing_team),
        (40, 5)
    );
    assert_eq!(profile.program.revenue_share, 0.2);
    assert!(!profile.company.self_serve);
}

#[test]
fn an_answer_is_changed_at_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &["--out", "acme.yaml"]);
    answer_acme(&mut p);
    // Done, name, employees: two steps down.
    answer(&mut p, "Review", &format!("{DOWN}{DOWN}\r"));
    answer(&mut p, "How many people work at the company? [40]", "60\r");
    let profile = done_and_saved(&mut p, dir.path(), "acme.yaml");
    assert_eq!(profile.company.employees, 60);
}

#[test]
fn ctrl_c_keeps_the_answers_in_a_recovery_file_that_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &["--out", "acme.yaml"]);
    answer(&mut p, "Company name", "Acme\r");
    answer(&mut p, "How many people work at the company?", "40\r");
    answer(&mut p, "Can a customer sign up", "y");
    answer(&mut p, "How many people are on the sales team?", "3\r");
    answer(&mut p, "How many people are on the marketing team?", "5\r");
    // Ctrl-C in a list, which hides the cursor.
    answer(&mut p, "How developed is marketing?", "\x03");
    p.exp_string("\x1b[?25h")
        .expect("the cursor is shown again");
    p.exp_string("5 answers kept in partner-org-recovery.yaml")
        .expect("where the answers are");
    p.exp_string("resume with: partner-org ask --from partner-org-recovery.yaml --out acme.yaml")
        .expect("how to resume");
    assert_eq!(exit_code(&mut p), 130);
    assert!(!dir.path().join("acme.yaml").exists());

    let answers = Answers::from_yaml(&recovery(dir.path())).expect("a readable recovery file");
    assert_eq!(answers.len(), 5);

    // Resume: the answers given are the defaults; Enter keeps them.
    let mut p = ask(
        dir.path(),
        &["--from", "partner-org-recovery.yaml", "--out", "acme.yaml"],
    );
    answer(&mut p, "Company name [Acme]", "\r");
    answer(&mut p, "How many people work at the company? [40]", "\r");
    answer(&mut p, "Can a customer sign up", "\r");
    answer(&mut p, "How many people are on the sales team? [3]", "\r");
    answer(
        &mut p,
        "How many people are on the marketing team? [5]",
        "\r",
    );
    // The questions not answered before: their defaults, and the first program type.
    let keys = [
        "\r", "\r", "\r", LAUNCHING, " \r", "\r", "\r", "\r", "\r", "\r", "\r",
    ];
    answer_each(&mut p, &QUESTIONS[5..], &keys);
    let profile = done_and_saved(&mut p, dir.path(), "acme.yaml");
    assert_eq!(
        (
            profile.name.as_str(),
            profile.company.employees,
            profile.company.sales_team
        ),
        ("Acme", 40, 3)
    );
}

#[test]
fn esc_in_a_text_prompt_also_keeps_the_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &[]);
    answer(&mut p, "Company name", "Acme\r");
    answer(&mut p, "How many people work at the company?", "\x1b");
    p.exp_string("1 answer kept in partner-org-recovery.yaml")
        .expect("where the answers are");
    assert_eq!(exit_code(&mut p), 130);
    let recovery = recovery(dir.path());
    assert!(recovery.contains("\nname: Acme\n"), "{recovery}");
}

#[test]
fn an_existing_file_is_not_overwritten_without_force_or_a_yes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taken.yaml"), "keep me\n").unwrap();

    // --out: refused before the first question.
    let mut p = ask(dir.path(), &["--out", "taken.yaml"]);
    p.exp_string("taken.yaml exists; pass --force to overwrite it")
        .expect("refused");
    assert_eq!(exit_code(&mut p), 73);

    // Saving by hand: the default answer to "overwrite?" is no, and another name is asked.
    let sellfy = repo("profiles/sellfy.yaml");
    let mut p = ask(dir.path(), &["--from", sellfy.to_str().unwrap()]);
    // Enter keeps every pre-filled answer.
    answer(&mut p, "Company name [Sellfy]", "\r");
    for prompt in &QUESTIONS[1..] {
        answer(&mut p, prompt, "\r");
    }
    answer(&mut p, "Which of them is the home market?", "\r");
    answer(&mut p, "Review", "\r");
    p.exp_string("Sellfy: put partnerships under marketing")
        .expect("the report");
    answer(&mut p, "Save this profile?", "\r");
    answer(&mut p, "File name", "taken.yaml\r");
    answer(&mut p, "taken.yaml exists. Overwrite it?", "\r");
    answer(&mut p, "File name", "sellfy.yaml\r");
    p.exp_string("Saved sellfy.yaml")
        .expect("saved under the other name");
    assert_eq!(exit_code(&mut p), 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken.yaml")).unwrap(),
        "keep me\n"
    );
    assert_eq!(
        read_profile(&dir.path().join("sellfy.yaml")),
        read_profile(&sellfy)
    );
}

#[test]
fn without_a_terminal_it_points_to_init_and_advise() {
    partner_org()
        .arg("ask")
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("needs a terminal"))
        .stderr(predicates::str::contains("partner-org init profile.yaml"))
        .stderr(predicates::str::contains("partner-org advise profile.yaml"));
}

#[test]
fn a_from_file_that_cannot_be_used_is_reported_before_the_first_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &["--from", "missing.yaml"]);
    p.exp_string("missing.yaml: cannot read")
        .expect("unreadable");
    assert_eq!(exit_code(&mut p), 66);

    std::fs::write(
        dir.path().join("bad.yaml"),
        "name: Acme\ncompany:\n  employes: 3\n",
    )
    .unwrap();
    let mut p = ask(dir.path(), &["--from", "bad.yaml"]);
    p.exp_string("cannot start from bad.yaml").expect("invalid");
    p.exp_string("did you mean 'employees'?").expect("the fix");
    assert_eq!(exit_code(&mut p), 65);
}
