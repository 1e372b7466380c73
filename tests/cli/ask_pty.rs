//! `partner-org ask` end to end, in a real pseudo-terminal (rexpect), typed as a
//! person types: whole words and Enter.
//!
//! Each test runs in its own temporary folder (where recovery files land), without
//! colour, with TERM=xterm and generous timeouts. Keys: Enter takes the default, a
//! space alone ticks the item under the cursor of a multi-select, a typed word picks
//! (or ticks) the item it names, `\x1b[B` is the down arrow, `\x1b` is Esc, `\x7f`
//! Backspace.

use crate::support::{PATIENCE, partner_org, repo, within_patience};
use partner_org::ask::Answers;
use partner_org::profile::Profile;
use rexpect::session::{PtySession, spawn_command};
use std::os::fd::AsRawFd;
use std::path::Path;
use std::time::{Duration, Instant};

const DOWN: &str = "\x1b[B";
const ESC: &str = "\x1b";
/// The program maturity `launching`, one below the first choice (`none`).
const LAUNCHING: &str = "\x1b[B\r";

/// A session of `partner-org ask ARGS` in `dir`.
fn ask(dir: &Path, args: &[&str]) -> PtySession {
    ask_through(
        std::process::Command::new(env!("CARGO_BIN_EXE_partner-org")),
        dir,
        args,
    )
}

/// A session of `partner-org ask ARGS` in `dir`, in a terminal `columns` wide and
/// `rows` high. partner-org reads the size once, as it starts, so the size is set
/// (with stty) before it starts rather than after it was spawned.
fn ask_sized(dir: &Path, args: &[&str], columns: u16, rows: u16) -> PtySession {
    let mut sh = std::process::Command::new("sh");
    sh.arg("-c")
        .arg(format!(
            "stty cols {columns} rows {rows} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_partner-org"));
    ask_through(sh, dir, args)
}

/// `command` (partner-org, or what runs it) with `ask ARGS`, in a pseudo-terminal.
fn ask_through(mut command: std::process::Command, dir: &Path, args: &[&str]) -> PtySession {
    command
        .arg("ask")
        .args(["--color", "never"])
        .args(args)
        .current_dir(dir)
        .env("TERM", "xterm")
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR");
    spawn_command(command, Some(PATIENCE.as_millis() as u64)).expect("spawn partner-org ask")
}

/// Text as rexpect reads it: one char per byte, so `✔` is three chars.
fn bytes(text: &str) -> String {
    text.bytes().map(char::from).collect()
}

/// The text rexpect read (one char per byte) as the program wrote it.
fn text(read: &str) -> String {
    let bytes: Vec<u8> = read.chars().map(|c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The lines the program wrote, as the terminal would show them if it did not wrap
/// them: escape sequences (colour, cursor moves, clearing) left out, and a carriage
/// return starting a line as a line end does.
fn written_lines(written: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut chars = written.chars();
    while let Some(c) = chars.next() {
        match c {
            // CSI: parameters up to a final byte in @..~.
            '\x1b' => {
                if chars.next() == Some('[') {
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
            }
            '\n' | '\r' => lines.push(String::new()),
            c => lines.last_mut().expect("a line").push(c),
        }
    }
    lines
}

/// Waits for `text` (which may hold a tick or a cross).
fn expect(p: &mut PtySession, text: &str, what: &str) {
    p.exp_string(&bytes(text))
        .unwrap_or_else(|e| panic!("{what}: waiting for {text:?}: {e}"));
}

/// Waits for `prompt`, then until the program reads keys, then types `keys`; returns
/// what was printed before the prompt, and the prompt.
fn answer(p: &mut PtySession, prompt: &str, keys: &str) -> String {
    let printed = shown_and_reading(p, prompt);
    p.send(keys).expect("send keys");
    p.flush().expect("flush keys");
    printed
}

/// Waits for `prompt`, then until the program reads keys: the terminal is in raw mode,
/// which the prompt sets only while it waits for a key. Keys typed before that would
/// reach the terminal driver's line editing (Enter as a newline, Ctrl-C as a signal)
/// rather than the prompt. Returns what was printed before the prompt, and the prompt.
fn shown_and_reading(p: &mut PtySession, prompt: &str) -> String {
    let before = (p.exp_string(prompt)).unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    let pty = p.process().get_file_handle().expect("the pseudo-terminal");
    if !within_patience(|| raw_mode(&pty)) {
        let after = printed_within(p, 0);
        panic!(
            "{prompt:?} is shown but no key is read after {PATIENCE:?}; printed since: {after:?}"
        );
    }
    before + prompt
}

/// Whether the terminal behind `pty` (the master side) is in raw mode: no line editing.
fn raw_mode(pty: &std::fs::File) -> bool {
    let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: tcgetattr fills the struct when it returns 0, and only then is it read;
    // on the master side of a pseudo-terminal it reports the terminal's settings.
    let read = unsafe { libc::tcgetattr(pty.as_raw_fd(), termios.as_mut_ptr()) };
    assert_eq!(read, 0, "tcgetattr: {}", std::io::Error::last_os_error());
    // SAFETY: filled in by tcgetattr above.
    unsafe { termios.assume_init() }.c_lflag & libc::ICANON == 0
}

/// Everything the session prints in the next `ms` milliseconds.
fn printed_within(p: &mut PtySession, ms: u64) -> String {
    let until = Instant::now() + Duration::from_millis(ms);
    let mut out = String::new();
    loop {
        match p.try_read() {
            Some(c) => out.push(c),
            None if Instant::now() >= until => return out,
            None => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}

/// Waits for `prompt` and until the program reads keys, checks that it stays waiting
/// (nothing typed before reached it), then types `keys`. The check watches for
/// 400 ms: on a loaded machine it can miss a late answer, but never fails wrongly.
fn waiting_at(p: &mut PtySession, prompt: &str, keys: &str) {
    shown_and_reading(p, prompt);
    let more = printed_within(p, 400);
    assert!(
        !more.contains(&bytes("✔")) && !more.contains(&bytes("✘")),
        "{prompt:?} was answered without a key: {more:?}"
    );
    p.send(keys).expect("send keys");
    p.flush().expect("flush keys");
}

/// The exit code of the finished session, which it consumes: rexpect asks after its
/// process again when the session is dropped (and ends it if it still runs), so a
/// session kept after its process was reaped would ask after a process id that the
/// system may since have given to another test's child, and kill that one.
fn exit_code(mut p: PtySession) -> i32 {
    p.exp_eof().expect("the session ends");
    // rexpect does not re-export nix's WaitStatus; its Debug form is `Exited(Pid(n), code)`.
    let status = format!("{:?}", p.process().wait().expect("wait"));
    drop(p);
    status
        .strip_prefix("Exited(")
        .and_then(|s| s.rsplit_once(", "))
        .and_then(|(_, code)| code.trim_end_matches(')').parse().ok())
        .unwrap_or_else(|| panic!("not a normal exit: {status}"))
}

/// The sixteen questions, in order, as they begin after their progress: on the
/// first line of the question, however it is wrapped at 60 columns.
const QUESTIONS: [&str; 16] = [
    "Company name",
    "How many people work at the company?",
    "Can customers sign up and pay",
    "How many people are on the sales team?",
    "How many people are on the marketing team?",
    "How developed is marketing?",
    "Does one leader run both sales",
    "Which executive owns the whole revenue",
    "How far has the partner program come?",
    "Which partner programs run today?",
    "Which programs do you plan to add",
    "How many active partners are there?",
    "What share of revenue",
    "How many people work on partnerships",
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

/// The keys that answer every question for "Acme", typed as words.
const ACME: [&str; 16] = [
    "Acme\r", "40\r", "yes\r", "3\r", "5\r", "\r", "no\r", "\r", LAUNCHING, " \r", "\r", "20\r",
    "5%\r", "1\r", " \r", "\r",
];

/// Answers every question for "Acme" up to the review screen.
fn answer_acme(p: &mut PtySession) {
    answer_each(p, &QUESTIONS, &ACME);
}

fn read_profile(path: &Path) -> Profile {
    let text = std::fs::read_to_string(path).expect("saved file");
    Profile::parse(&path.display().to_string(), &text).expect("a valid profile")
}

/// Leaves the review screen with Done, waits for the profile to be saved under `--out
/// FILE`, checks the session ends with 0, and reads the saved profile back.
fn done_and_saved(mut p: PtySession, dir: &Path, file: &str) -> Profile {
    answer(&mut p, "Review", "\r");
    p.exp_string(&format!("Saved {file}")).expect("saved");
    assert_eq!(exit_code(p), 0);
    read_profile(&dir.join(file))
}

/// The recovery file an interrupted session left in `dir`.
fn recovery(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("partner-org-recovery.yaml")).expect("a recovery file")
}

#[test]
fn a_full_session_shows_the_introduction_progress_advice_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &[]);
    p.exp_string("Up to 16 questions about your company")
        .expect("what it asks");
    p.exp_string("about 4 minutes").expect("how long");
    p.exp_string("Go back one question with < and Enter, or Esc in a list")
        .expect("how to go back");
    p.exp_string("Ctrl-C stops at any time and keeps your answers")
        .expect("Ctrl-C");
    for (i, (question, keys)) in QUESTIONS.iter().zip(ACME).enumerate() {
        answer(&mut p, &format!("[{}/16] {question}", i + 1), keys);
    }
    // The review: the questions and the answers in plain words.
    p.exp_string("Review your answers").expect("the review");
    p.exp_string("Can customers sign up and pay without talking to sales?  yes")
        .expect("a yes/no answer in words");
    p.exp_string("What share of revenue do partners source or influence?   5%")
        .expect("the share as a percentage");
    answer(&mut p, "Where does the company sell?", "\r");
    p.exp_string("Acme: put partnerships")
        .expect("the report's headline");
    p.exp_string("Team, in hiring order").expect("the report");
    answer(&mut p, "Save this profile? (yes/no) [yes]", "\r");
    answer(&mut p, "File name", "\r");
    p.exp_string("Saved acme.yaml").expect("saved");
    assert_eq!(exit_code(p), 0);

    // Exactly the profile typed, answer by answer.
    let intended = Profile::parse(
        "intended.yaml",
        "version: 1\nname: Acme\ncompany: {employees: 40, self_serve: true, sales_team: 3, \
         marketing_team: 5, marketing_maturity: emerging, shared_gtm_leader: false, \
         revenue_owner: none}\nprogram: {maturity: launching, types: [affiliate], planned: [], \
         partners: 20, revenue_share: 5%, team_size: 1}\ngoals: [reach]\nregions: [north-america]\n",
    )
    .unwrap();
    assert_eq!(read_profile(&dir.path().join("acme.yaml")), intended);
    // The saved file is what `advise` (and `chart`) read.
    partner_org()
        .arg("advise")
        .arg(dir.path().join("acme.yaml"))
        .assert()
        .success();
}

#[test]
fn yes_no_waits_for_enter_takes_words_in_any_case_and_asks_again_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &["--out", "acme.yaml"]);
    answer_each(&mut p, &QUESTIONS[..2], &["Acme\r", "40\r"]);
    // `maybe` is asked again with a cross; `YES` is yes.
    answer(&mut p, QUESTIONS[2], "maybe\r");
    expect(&mut p, "✘ 'maybe' is not yes or no", "a cross");
    answer(&mut p, QUESTIONS[2], "YES\r");
    expect(
        &mut p,
        "✔ [3/16] Can customers sign up and pay without talking to sales? yes",
        "a tick",
    );
    waiting_at(
        &mut p,
        "[4/16] How many people are on the sales team? [0]",
        "3\r",
    );
    answer_each(&mut p, &QUESTIONS[4..6], &["5\r", "\r"]);
    // `no` Enter: no, and the revenue owner is still waiting.
    answer(&mut p, QUESTIONS[6], "no\r");
    waiting_at(
        &mut p,
        "[8/16] Which executive owns the whole revenue engine",
        "\r",
    );
    answer(&mut p, QUESTIONS[8], LAUNCHING);
    answer(&mut p, QUESTIONS[9], " \r");
    answer(&mut p, QUESTIONS[10], "\r");
    // A bare 15 in a share: "write 15% or 0.15"; then 15% is taken.
    answer_each(&mut p, &QUESTIONS[11..13], &["20\r", "15\r"]);
    p.exp_string("write 15% or 0.15")
        .expect("how to write a share");
    answer(&mut p, QUESTIONS[12], "15%\r");
    answer_each(&mut p, &QUESTIONS[13..], &["1\r", " \r", "\r"]);
    let profile = done_and_saved(p, dir.path(), "acme.yaml");
    assert!(profile.company.self_serve);
    assert!(!profile.company.shared_gtm_leader);
    assert_eq!(profile.program.revenue_share, 0.15);
    assert_eq!(profile.company.revenue_owner.as_str(), "none");

    // `n` Enter is no as well, and the next question waits.
    let mut p = ask(dir.path(), &["--out", "beta.yaml"]);
    answer_each(&mut p, &QUESTIONS[..2], &["Beta\r", "12\r"]);
    answer(&mut p, QUESTIONS[2], "n\r");
    waiting_at(
        &mut p,
        "[4/16] How many people are on the sales team? [0]",
        "\x03",
    );
    assert_eq!(exit_code(p), 130);
    let kept = Answers::from_yaml("r.yaml", &recovery(dir.path())).expect("readable");
    assert!(recovery(dir.path()).contains("self_serve: false"));
    assert_eq!(kept.answers.len(), 3);
}

#[test]
fn back_with_less_than_or_esc_keeps_the_later_answers() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &["--out", "acme.yaml"]);
    answer_each(&mut p, &QUESTIONS[..7], &ACME[..7]);
    // At the revenue owner (a list): Esc goes back to the shared leader (typed).
    answer(&mut p, QUESTIONS[7], ESC);
    // `<` Enter goes back again, to the marketing maturity (a list).
    answer(
        &mut p,
        "[7/16] Does one leader run both sales and marketing? (yes/no) [no]",
        "<\r",
    );
    answer(
        &mut p,
        "[6/16] How developed is marketing?",
        &format!("{DOWN}\r"),
    );
    expect(
        &mut p,
        "✔ [6/16] How developed is marketing? established",
        "the new answer",
    );
    // The later answer is kept: Enter keeps it.
    answer(
        &mut p,
        "[7/16] Does one leader run both sales and marketing? (yes/no) [no]",
        "\r",
    );
    answer_each(&mut p, &QUESTIONS[7..], &ACME[7..]);
    let profile = done_and_saved(p, dir.path(), "acme.yaml");
    assert_eq!(
        profile.company.marketing_maturity.map(|m| m.as_str()),
        Some("established")
    );
    assert!(!profile.company.shared_gtm_leader);

    // Esc at a typed question goes back too.
    let mut p = ask(dir.path(), &["--out", "beta.yaml"]);
    answer_each(&mut p, &QUESTIONS[..3], &["Beta\r", "40\r", "yes\r"]);
    answer(&mut p, "[4/16] How many people are on the sales team?", ESC);
    answer(
        &mut p,
        "[3/16] Can customers sign up and pay without talking to sales?\r\n  (yes/no) [yes]",
        "no\r",
    );
    answer(
        &mut p,
        "[4/16] How many people are on the sales team?",
        "\x03",
    );
    assert_eq!(exit_code(p), 130);
    let kept = recovery(dir.path());
    assert!(kept.contains("self_serve: false"), "{kept}");
}

/// Lists take whole words as typed, on a narrow terminal too: no letter is a command
/// (`q` went back, space confirmed and `a` ticked every item in dialoguer's lists).
#[test]
fn typed_words_pick_and_tick_list_items_and_no_letter_is_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask_sized(dir.path(), &["--out", "acme.yaml"], 60, 24);
    answer_each(&mut p, &QUESTIONS[..5], &ACME[..5]);
    // A whole word picks its item, not the default under the cursor.
    answer(&mut p, QUESTIONS[5], "established\r");
    expect(
        &mut p,
        "✔ [6/16] How developed is marketing? established",
        "the typed word",
    );
    answer(&mut p, QUESTIONS[6], "no\r");
    // A word with a q names nothing: it is said, Enter waits, and the question stays.
    answer(&mut p, QUESTIONS[7], "quick\r");
    expect(&mut p, "✘ no choice starts with 'quick'", "the miss");
    let more = printed_within(&mut p, 400);
    assert!(
        !more.contains(&bytes("✔")) && !more.contains("[7/16]"),
        "a word with a q answered or went back: {more:?}"
    );
    p.send("\x7f\x7f\x7f\x7f\x7fcro\r").expect("send keys");
    p.flush().expect("flush keys");
    expect(
        &mut p,
        "✔ [8/16] Which executive owns the whole revenue\r\n  engine, if any? cro",
        "the owner typed after the miss",
    );
    answer(&mut p, QUESTIONS[8], "launching\r");
    // Two words tick two items; the space between them ticks, it does not toggle.
    // The question says that names can be typed.
    answer(&mut p, QUESTIONS[9], "");
    p.exp_string("(type names or\r\n  space to tick, Enter confirms)")
        .expect("the hint");
    p.send("affiliate reseller\r").expect("send keys");
    p.flush().expect("flush keys");
    expect(
        &mut p,
        "✔ [10/16] Which partner programs run\r\n  today? affiliate, reseller",
        "both ticked",
    );
    answer_each(&mut p, &QUESTIONS[10..], &ACME[10..]);
    let profile = done_and_saved(p, dir.path(), "acme.yaml");
    let names = |v: &[partner_org::profile::ProgramType]| -> Vec<&str> {
        v.iter().map(|t| t.as_str()).collect()
    };
    assert_eq!(names(&profile.program.types), ["affiliate", "reseller"]);
    assert_eq!(
        profile.company.marketing_maturity.map(|m| m.as_str()),
        Some("established")
    );
    assert_eq!(profile.company.revenue_owner.as_str(), "cro");
}

/// Nothing the questionnaire writes is wider than the terminal, at 60 columns or 80,
/// so the terminal never breaks a word: typed and yes/no questions wrap at words, with
/// room for the answer, as the lists do, and so do the answers taken and the problems.
#[test]
fn questions_answers_and_problems_wrap_at_words_on_a_narrow_terminal() {
    for columns in [60, 80] {
        let dir = tempfile::tempdir().unwrap();
        let mut p = ask_sized(dir.path(), &[], columns, 30);
        let mut written = String::new();
        for (i, (question, keys)) in QUESTIONS.iter().zip(ACME).enumerate() {
            if i == 2 {
                written += &answer(&mut p, question, "maybe\r");
                written += &p.exp_string("(or y, n)").expect("the problem");
                written += "(or y, n)";
            }
            written += &answer(&mut p, question, keys);
        }
        written += &answer(&mut p, "Review", "\r");
        written += &answer(&mut p, "Save this profile?", "\r");
        written += &answer(&mut p, "File name", "\r");
        written += &p.exp_string("Saved acme.yaml").expect("saved");
        assert_eq!(exit_code(p), 0);
        let written = text(&written);
        let wide: Vec<String> = (written_lines(&written).into_iter())
            .filter(|l| l.chars().count() > usize::from(columns))
            .collect();
        assert!(wide.is_empty(), "wider than {columns} columns: {wide:#?}");
        if columns == 60 {
            for wrapped in [
                "[3/16] Can customers sign up and pay without\r\n  talking to sales? (yes/no) ",
                "✘ 'maybe' is not yes or no: type yes or no (or y, n)",
                "✔ [3/16] Can customers sign up and pay without talking\r\n  to sales? yes",
            ] {
                assert!(written.contains(wrapped), "{wrapped:?} in {written:?}");
            }
        }
    }
}

#[test]
fn ctrl_c_keeps_exactly_what_was_typed_and_from_resumes_at_the_first_missing_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &["--out", "acme.yaml"]);
    answer_each(&mut p, &QUESTIONS[..5], &ACME[..5]);
    // Half an answer typed at the next question, then Ctrl-C in a list.
    answer(&mut p, QUESTIONS[5], "\x03");
    p.exp_string("\x1b[?25h")
        .expect("the cursor is shown again");
    p.exp_string("5 answers kept in partner-org-recovery.yaml")
        .expect("where the answers are");
    p.exp_string("resume with: partner-org ask --from partner-org-recovery.yaml --out acme.yaml")
        .expect("how to resume");
    assert_eq!(exit_code(p), 130);
    assert!(!dir.path().join("acme.yaml").exists());
    let kept = Answers::from_yaml("r.yaml", &recovery(dir.path())).expect("readable");
    assert_eq!(kept.answers.len(), 5);
    for (field, value) in [
        ("name", "Acme"),
        ("employees", "40"),
        ("self_serve", "true"),
        ("sales_team", "3"),
        ("marketing_team", "5"),
    ] {
        assert!(
            recovery(dir.path()).contains(&format!("{field}: {value}\n")),
            "{field}"
        );
    }

    // Resume: a summary of what was loaded, then the first missing answer.
    let mut p = ask(
        dir.path(),
        &["--from", "partner-org-recovery.yaml", "--out", "acme.yaml"],
    );
    p.exp_string("Loaded 5 answers from partner-org-recovery.yaml")
        .expect("the summary");
    expect(
        &mut p,
        "✔ How many people are on the marketing team?",
        "a loaded answer",
    );
    p.exp_string("11 questions to answer, from the first one missing.")
        .expect("what is left");
    answer_each(&mut p, &QUESTIONS[5..], &ACME[5..]);
    let profile = done_and_saved(p, dir.path(), "acme.yaml");
    assert_eq!(
        (
            profile.name.as_str(),
            profile.company.employees,
            profile.company.sales_team
        ),
        ("Acme", 40, 3)
    );
    // The answers are saved: the recovery file is gone.
    assert!(!dir.path().join("partner-org-recovery.yaml").exists());
}

#[test]
fn an_answer_is_changed_at_the_review_and_a_contradiction_names_the_other_question() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = ask(dir.path(), &["--out", "acme.yaml"]);
    answer_acme(&mut p);
    // Done, name, employees: two steps down.
    answer(&mut p, "Review", &format!("{DOWN}{DOWN}\r"));
    answer(&mut p, "How many people work at the company? [40]", "6\r");
    expect(
        &mut p,
        "✘ sales_team (3) plus marketing_team (5) is more than employees (6)",
        "the contradiction",
    );
    answer(&mut p, "How many people work at the company? [40]", "60\r");
    let profile = done_and_saved(p, dir.path(), "acme.yaml");
    assert_eq!(profile.company.employees, 60);
}

/// The review takes typed words as the lists do: a question's number, its field's
/// name or words of its question, then Enter. At 60 columns a long question is cut
/// before its answer, which stays in view.
#[test]
fn the_review_goes_to_the_question_typed_by_number_field_or_words() {
    let dir = tempfile::tempdir().unwrap();
    let sellfy = repo("profiles/sellfy.yaml");
    let from = ["--from", sellfy.to_str().unwrap(), "--out", "s.yaml"];
    let mut p = ask_sized(dir.path(), &from, 60, 30);
    p.exp_string("Review your answers").expect("the review");
    let cut = bytes("  3 Can customers sign up and pay without talking to…  yes");
    answer(&mut p, &cut, "share\r");
    answer(&mut p, "[13/16] What share of revenue", "20%\r");
    answer(&mut p, "Review your answers", "5\r");
    answer(&mut p, "[5/16] How many people are on the marketing", "6\r");
    answer(&mut p, "Review your answers", "sales team\r");
    answer(
        &mut p,
        "[4/16] How many people are on the sales team?",
        "3\r",
    );
    answer(&mut p, "Review your answers", "team_size\r");
    answer(&mut p, "[14/16] How many people work on", "2\r");
    let profile = done_and_saved(p, dir.path(), "s.yaml");
    assert_eq!(profile.program.revenue_share, 0.2);
    assert_eq!(profile.company.marketing_team, 6);
    assert_eq!(profile.company.sales_team, 3);
    assert_eq!(profile.program.team_size, 2);
}

#[test]
fn from_a_complete_profile_goes_straight_to_the_review() {
    let dir = tempfile::tempdir().unwrap();
    let sellfy = repo("profiles/sellfy.yaml");
    let mut p = ask(
        dir.path(),
        &["--from", sellfy.to_str().unwrap(), "--out", "s.yaml"],
    );
    p.exp_string("Loaded 16 answers from").expect("the summary");
    p.exp_string("Every question is answered: on to the review.")
        .expect("no question to ask");
    waiting_at(&mut p, "Review your answers", "\r");
    p.exp_string("Saved s.yaml").expect("saved");
    assert_eq!(exit_code(p), 0);
    let profile = read_profile(&dir.path().join("s.yaml"));
    assert_eq!(profile, read_profile(&sellfy));
    // The file resumed from is a profile, not a recovery file: it stays.
    assert!(sellfy.exists());
}

/// The advice after the review is laid out for the terminal's width, as `advise`'s is:
/// here 72 columns, not the 100 used when the width is unknown.
#[test]
fn the_advice_is_laid_out_for_the_terminal_width() {
    let dir = tempfile::tempdir().unwrap();
    let sellfy = repo("profiles/sellfy.yaml");
    let mut p = ask_sized(
        dir.path(),
        &["--from", sellfy.to_str().unwrap(), "--out", "s.yaml"],
        72,
        40,
    );
    waiting_at(&mut p, "Review your answers", "\r");
    let shown = p.exp_string("Saved s.yaml").expect("saved");
    let shown: Vec<u8> = shown.chars().map(|c| c as u8).collect();
    let shown = String::from_utf8_lossy(&shown);
    let advice = &shown[shown.find("Sellfy: put partnerships").expect("the advice")..];
    let widest = (advice.lines())
        .map(|l| l.trim_end_matches('\r').chars().count())
        .max()
        .unwrap_or(0);
    assert!((60..=72).contains(&widest), "{widest} columns:\n{advice}");
    assert_eq!(exit_code(p), 0);
}

#[test]
fn an_existing_file_is_not_overwritten_without_force_or_a_yes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taken.yaml"), "keep me\n").unwrap();

    // --out: refused before the first question.
    let mut p = ask(dir.path(), &["--out", "taken.yaml"]);
    p.exp_string("taken.yaml exists; pass --force to overwrite it")
        .expect("refused");
    assert_eq!(exit_code(p), 73);

    // Saving by hand: the default answer to "overwrite?" is no, and another name is asked.
    let sellfy = repo("profiles/sellfy.yaml");
    let mut p = ask(dir.path(), &["--from", sellfy.to_str().unwrap()]);
    // A complete profile: straight to the review.
    answer(&mut p, "Review", "\r");
    p.exp_string("Sellfy: put partnerships under marketing")
        .expect("the report");
    answer(&mut p, "Save this profile?", "\r");
    answer(&mut p, "File name", "taken.yaml\r");
    answer(&mut p, "taken.yaml exists. Overwrite it?", "\r");
    answer(&mut p, "File name", "sellfy.yaml\r");
    p.exp_string("Saved sellfy.yaml")
        .expect("saved under the other name");
    assert_eq!(exit_code(p), 0);
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
        .timeout(PATIENCE)
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
    assert_eq!(exit_code(p), 66);

    std::fs::write(
        dir.path().join("bad.yaml"),
        "name: Acme\ncompany:\n  employes: 3\n",
    )
    .unwrap();
    let mut p = ask(dir.path(), &["--from", "bad.yaml"]);
    p.exp_string("cannot start from bad.yaml").expect("invalid");
    p.exp_string("did you mean 'employees'?").expect("the fix");
    assert_eq!(exit_code(p), 65);
}
