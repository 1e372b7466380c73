//! Batch evaluation and scripting: many profiles, streams, formats, exit codes, pipes.

#[path = "../../benches/support/corpus.rs"]
mod corpus;

use crate::support::{PATIENCE, partner_org, repo, stdout, within_patience, writing_into};
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Two good profiles, a file with a typo, and a stream of one good and one bad profile.
const MIXED: &[&str] = &[
    "profiles/sellfy.yaml",
    "profiles/touchbistro.yaml",
    "tests/fixtures/batch",
];

fn lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn source(v: &Value) -> String {
    let s = &v["source"];
    match s["document"].as_u64() {
        Some(d) => format!("{}#{d}", s["path"].as_str().unwrap()),
        None => s["path"].as_str().unwrap().to_string(),
    }
}

/// A shell pipeline around the binary (for `| head`, `> /dev/full`): `$PO` is it.
fn shell(script: &str) -> Command {
    let mut cmd = Command::new("bash");
    cmd.arg("-c")
        .arg(script)
        .env("PO", partner_org().get_program())
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn corpus_stream(count: u64) -> Vec<u8> {
    let mut out = Vec::new();
    corpus::stream(7, count, &mut out).expect("in memory");
    out
}

#[test]
fn good_profiles_are_reported_and_bad_ones_become_error_records() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["sellfy", "rewind"] {
        std::fs::copy(
            repo(&format!("profiles/{name}.yaml")),
            dir.path().join(format!("{name}.yaml")),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("broken.yml"),
        "name: Broken\ncompany: {employees: 0, self_serve: true}\nprogram: {maturity: none}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a profile").unwrap();
    std::fs::create_dir(dir.path().join("clients")).unwrap();
    std::fs::copy(
        repo("profiles/outgrow.yaml"),
        dir.path().join("clients/outgrow.yaml"),
    )
    .unwrap();

    let out = partner_org()
        .args(["advise", "--format", "ndjson"])
        .arg(dir.path())
        .assert()
        .code(65)
        .stderr(predicate::str::contains(
            "company.employees: a company has at least 1 employee",
        ))
        .get_output()
        .stdout
        .clone();
    let records = lines(&out);
    let names: Vec<String> = records
        .iter()
        .map(|r| {
            Path::new(&source(r))
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    // Sorted, recursive, *.yaml and *.yml only.
    assert_eq!(
        names,
        [
            "broken.yml",
            "clients/outgrow.yaml",
            "rewind.yaml",
            "sellfy.yaml"
        ]
    );
    let error = &records[0]["error"];
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(2), Some(11))
    );
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("broken.yml:2:11")
    );
    let placements: Vec<&str> = records[1..]
        .iter()
        .map(|r| r["placement"].as_str().unwrap())
        .collect();
    assert_eq!(placements, ["cross-functional", "standalone", "marketing"]);
}

#[test]
fn a_stream_on_stdin_is_evaluated_document_by_document() {
    let stream = std::fs::read(repo("tests/fixtures/batch/two-profiles.yaml")).unwrap();
    let mut input = std::fs::read(repo("profiles/rewind.yaml")).unwrap();
    input.extend_from_slice(b"\n");
    input.extend_from_slice(&stream);
    let out = partner_org()
        .args(["advise", "-", "--format", "ndjson"])
        .write_stdin(input)
        .assert()
        .code(65)
        .get_output()
        .stdout
        .clone();
    let records = lines(&out);
    let sources: Vec<String> = records.iter().map(source).collect();
    assert_eq!(sources, ["<stdin>#1", "<stdin>#2", "<stdin>#3"]);
    assert_eq!(records[0]["profile"], "Rewind");
    assert_eq!(records[1]["placement"], "sales");
    assert!(
        records[2]["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("<stdin>:")
    );
}

#[test]
fn output_order_is_input_order_whatever_the_parallelism() {
    let stream = corpus_stream(3_000);
    let run = |threads: &str| {
        partner_org()
            .args(["advise", "-", "--format", "ndjson"])
            .env("RAYON_NUM_THREADS", threads)
            .write_stdin(stream.clone())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    let records = lines(&one);
    let indexes: Vec<u64> = records
        .iter()
        .map(|r| r["source"]["document"].as_u64().unwrap())
        .collect();
    assert_eq!(indexes, (1..=3_000).collect::<Vec<_>>());
    assert_eq!(one, run("4"), "4 threads give the same bytes as 1");
    // The corpus is varied: every placement occurs.
    for p in ["sales", "marketing", "standalone", "cross-functional"] {
        assert!(
            records.iter().any(|r| r["placement"] == p),
            "{p} never chosen"
        );
    }
}

#[test]
fn every_format_of_a_mixed_batch() {
    for format in ["text", "json", "ndjson", "csv", "markdown", "yaml"] {
        let output = partner_org()
            .args(["advise", "--format", format])
            .args(MIXED)
            .assert()
            .code(65)
            .get_output()
            .clone();
        let stdout = String::from_utf8(output.stdout).unwrap();
        insta::assert_snapshot!(format!("mixed_batch_{format}"), stdout);
    }
}

#[test]
fn json_is_an_array_for_several_and_an_object_for_one() {
    let out = partner_org()
        .args(["advise", "--format", "json"])
        .args(MIXED)
        .output()
        .unwrap();
    let array: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(array.as_array().map(Vec::len), Some(5));
    let out = partner_org()
        .args(["advise", "--format", "json", "profiles/sellfy.yaml"])
        .output()
        .unwrap();
    let object: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(object["placement"], "marketing");
}

#[test]
fn the_text_summary_counts_placements_and_names_errors() {
    partner_org()
        .args(["advise"])
        .args(MIXED)
        .assert()
        .code(65)
        .stdout(predicate::str::contains("5 profiles: 2 sales, 1 marketing, 0 standalone, 0 cross-functional"))
        .stdout(predicate::str::contains(
            "errors: 2 (tests/fixtures/batch/misspelt-field.yaml, tests/fixtures/batch/two-profiles.yaml#2)",
        ));
}

/// The summary of a long batch comes a page of 1,000 rows at a time, so that memory
/// stays flat; the counts still cover every profile.
#[test]
fn a_long_text_summary_is_written_in_pages_of_a_thousand_rows() {
    let out = partner_org()
        .args(["advise", "-"])
        .write_stdin(corpus_stream(2500))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.matches("│ Source").count(), 3);
    let rows = text.lines().filter(|l| l.contains("<stdin>#")).count();
    assert_eq!(rows, 2500);
    assert!(
        text.contains("\n2500 profiles: "),
        "{}",
        &text[text.len() - 300..]
    );
    assert!(
        text.ends_with("errors: none\n"),
        "{}",
        &text[text.len() - 300..]
    );
}

#[test]
fn set_applies_to_every_profile() {
    let out = partner_org()
        .args([
            "advise",
            "profiles",
            "--format",
            "ndjson",
            "--set",
            "program.maturity=scaling",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = lines(&out);
    assert_eq!(records.len(), 6, "the five companies and the template");
    assert!(
        records.iter().all(|r| r["stage"] == "scale"),
        "every profile re-run at scale"
    );

    // A value no profile can take fails each one, as a record.
    let out = partner_org()
        .args([
            "advise",
            "profiles",
            "--format",
            "ndjson",
            "--set",
            "company.employees=0",
        ])
        .assert()
        .code(65)
        .get_output()
        .stdout
        .clone();
    assert!(
        lines(&out)
            .iter()
            .all(|r| r["error"]["field"] == "company.employees")
    );
}

#[test]
fn validate_takes_the_same_inputs() {
    partner_org()
        .args(["validate"])
        .args(MIXED)
        .assert()
        .code(65)
        .stdout(predicate::str::contains(
            "ok     profiles/sellfy.yaml: Sellfy",
        ))
        .stdout(predicate::str::contains(
            "error  tests/fixtures/batch/misspelt-field.yaml:6:3: company: unknown field",
        ));
    partner_org()
        .args(["validate", "profiles"])
        .assert()
        .success();
}

#[test]
fn a_closed_pipe_ends_quietly_with_0() {
    // 3,000 profiles are far more than a pipe buffer holds, so the writer meets the
    // closed pipe while the batch is still running.
    let dir = tempfile::tempdir().unwrap();
    let stream = dir.path().join("stream.yaml");
    std::fs::write(&stream, corpus_stream(3_000)).unwrap();
    for format in ["ndjson", "json", "csv", "text"] {
        let out = shell(&format!(
            "set -o pipefail; \"$PO\" advise --format {format} \"$1\" | head -1 >/dev/null"
        ))
        .arg("batch-test")
        .arg(&stream)
        .output()
        .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "{format}: nothing on stderr"
        );
    }
    // stderr into the same closed pipe: error details must not crash the run.
    let out = shell("set -o pipefail; \"$PO\" advise --format ndjson profiles tests/fixtures/batch 2>&1 | head -1 >/dev/null")
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 65)),
        "{:?}",
        out.status
    );
}

#[test]
fn a_full_disk_gives_74_with_a_message() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipped: /dev/full does not exist here");
        return;
    }
    let out = shell("\"$PO\" advise --format ndjson profiles > /dev/full")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(74));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot write to stdout") && stderr.contains("No space left"),
        "{stderr}"
    );
}

#[test]
fn output_file_is_never_clobbered_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("portfolio.csv");
    std::fs::write(&target, "keep me").unwrap();
    partner_org()
        .args(["advise", "profiles", "--format", "csv", "-o"])
        .arg(&target)
        .assert()
        .code(73)
        .stderr(predicate::str::contains("exists; pass --force"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    partner_org()
        .args(["advise", "profiles", "--format", "csv", "--force", "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("source,document,profile,placement,"));
    assert_eq!(written.lines().count(), 7, "a header and six profiles");
    // Only the file itself: the temporary file was renamed into place.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn quiet_prints_only_the_data_and_pipes_get_no_colour() {
    partner_org()
        .args(["advise", "-q", "--format", "ndjson"])
        .args(MIXED)
        .assert()
        .code(65)
        .stderr("");
    partner_org()
        .args(["advise", "profiles/sellfy.yaml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[").not());
    partner_org()
        .args(["advise", "profiles/sellfy.yaml", "--color", "always"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\x1b[1m"));
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    partner_org()
        .args(["advise", "-", "--format", "ndjson"])
        .write_stdin(corpus_stream(3_000))
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_missing_path_gives_66_and_the_rest_is_still_evaluated() {
    let out = partner_org()
        .args([
            "advise",
            "--format",
            "ndjson",
            "nowhere.yaml",
            "profiles/sellfy.yaml",
        ])
        .assert()
        .code(66)
        .stderr("error: nowhere.yaml: cannot read: no such file or directory\n")
        .get_output()
        .stdout
        .clone();
    assert_eq!(lines(&out).len(), 1);
    // An invalid profile outranks an unreadable path: 65.
    partner_org()
        .args([
            "advise",
            "nowhere.yaml",
            "tests/fixtures/batch/misspelt-field.yaml",
        ])
        .assert()
        .code(65);
}

#[cfg(unix)]
#[test]
fn fifos_loops_and_odd_names_are_unreadable_not_fatal() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::copy(repo("profiles/sellfy.yaml"), root.join("a-good.yaml")).unwrap();
    mkfifo(&root.join("b-pipe.yaml"));
    std::fs::create_dir(root.join("c-loop")).unwrap();
    std::os::unix::fs::symlink(root, root.join("c-loop/back-up")).unwrap();
    std::fs::write(
        root.join(std::ffi::OsStr::from_bytes(b"d-caf\xe9.yaml")),
        "name: x\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("e-self.yaml", root.join("e-self.yaml")).unwrap();

    let out = partner_org()
        .args(["advise", "--format", "ndjson"])
        .arg(root)
        .timeout(PATIENCE)
        .assert()
        .code(66)
        .get_output()
        .clone();
    assert_eq!(
        lines(&out.stdout).len(),
        1,
        "the good profile is still evaluated"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let reported: Vec<&str> = stderr.lines().collect();
    assert_eq!(reported.len(), 4, "one line each:\n{stderr}");
    assert!(
        reported[0].contains("b-pipe.yaml: cannot read: is a FIFO"),
        "{stderr}"
    );
    assert!(
        reported[0].contains("give `-` for its path and redirect the pipe to stdin"),
        "the binary says how to read a pipe: {stderr}"
    );
    assert!(
        reported[1].contains("c-loop/back-up: cannot read: a directory loop"),
        "{stderr}"
    );
    assert!(
        reported[2].contains("d-caf\u{FFFD}.yaml: cannot read: the file name is not valid UTF-8"),
        "{stderr}"
    );
    assert!(
        reported[3].contains("e-self.yaml: cannot read: a symbolic link that cannot be followed"),
        "{stderr}"
    );
}

/// Makes a named pipe at `path`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

/// A named pipe where a rulebook or the answers of `ask --from` are read is refused at
/// once (66), as for a profile, and the message says what to do instead: these take a
/// regular file, not `-`.
#[cfg(unix)]
#[test]
fn a_fifo_for_a_rulebook_or_answers_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.yaml");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    for args in [
        vec!["advise", "--rules", fifo, "profiles/sellfy.yaml"],
        vec!["ask", "--from", fifo],
        vec!["rules", "check", fifo],
        vec!["rules", "test", fifo, "profiles/"],
        vec!["rules", "show", "--rules", fifo],
    ] {
        let out = partner_org()
            .args(&args)
            .timeout(PATIENCE)
            .assert()
            .code(66)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("pipe.yaml: cannot read: is a FIFO (named pipe)"),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("must be a regular file: save what the pipe gives to a file"),
            "{args:?}: says what to do: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_gives_66() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked.yaml");
    std::fs::copy(repo("profiles/sellfy.yaml"), &locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipped: running as root, file permissions are not enforced");
        return;
    }
    partner_org()
        .args(["advise"])
        .arg(&locked)
        .assert()
        .code(66)
        .stderr(predicate::str::contains(
            "locked.yaml: cannot read: permission denied",
        ));
}

#[test]
fn the_onboarding_playbook_runs_on_a_copy_of_the_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let clients = dir.path().join("clients");
    std::fs::create_dir(&clients).unwrap();
    for entry in std::fs::read_dir(repo("profiles")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, clients.join(path.file_name().unwrap())).unwrap();
    }
    let bin = partner_org().get_program().to_owned();
    let bin_dir = Path::new(&bin).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // With jq when it is installed, and the plain-shell path in any case.
    for jq in ["jq", "none"] {
        let out = Command::new("bash")
            .arg(repo("examples/onboarding-playbook.sh"))
            .arg(&clients)
            .env("PATH", &path)
            .env("JQ", jq)
            .current_dir(dir.path())
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for line in [
            "Sellfy: marketing",
            "TouchBistro: sales",
            "Rewind: standalone",
            "Outgrow: cross-functional",
            "Formstack: standalone",
        ] {
            assert!(
                stdout.contains(line),
                "JQ={jq}: missing {line:?} in:\n{stdout}"
            );
        }
        assert_eq!(
            lines(&std::fs::read(clients.join("advice.ndjson")).unwrap()).len(),
            6
        );
    }
}

#[cfg(unix)]
#[test]
fn a_progress_bar_on_a_terminal_for_a_long_batch() {
    // In a pseudo-terminal, with the data going to a file and the profiles coming
    // through a pipe the test holds open: the spinner shows once the batch has run for
    // a quarter of a second, and the batch cannot end before it is seen.
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let (profiles, mut pipe) = std::io::pipe().unwrap();
    let mut cmd = Command::new(partner_org().get_program());
    cmd.args(["advise", "--format", "ndjson", "-o"])
        .arg(dir.path().join("out.ndjson"))
        .arg("-")
        .stdin(profiles)
        .env_remove("NO_COLOR");
    let mut session = rexpect::session::spawn_command(cmd, Some(PATIENCE.as_millis() as u64))
        .expect("a pseudo-terminal");
    pipe.write_all(&corpus_stream(100)).unwrap();
    assert!(
        within_patience(|| writing_into(dir.path())),
        "no results written"
    );
    // It has run: a quarter of a second more at least (a loaded machine only adds to
    // it), then more profiles, the first of which brings the spinner.
    std::thread::sleep(std::time::Duration::from_millis(300));
    pipe.write_all(&corpus_stream(100)).unwrap();
    session
        .exp_string("profiles evaluated")
        .expect("a progress line");
    drop(pipe);
    session.exp_eof().expect("the run ends");
    let written = std::fs::read_to_string(dir.path().join("out.ndjson")).unwrap();
    assert_eq!(written.lines().count(), 200);
}

#[test]
fn ndjson_results_come_out_while_the_stream_is_still_open() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let mut child = Command::new(partner_org().get_program())
        .args(["advise", "-", "--format", "ndjson"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"---\n").unwrap();
    stdin
        .write_all(&std::fs::read(repo("profiles/sellfy.yaml")).unwrap())
        .unwrap();
    stdin.write_all(b"---\n").unwrap();
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        tx.send(lines.next()).unwrap();
        lines.count()
    });
    // stdin is still open: the first profile's line must come out anyway.
    let first = rx
        .recv_timeout(PATIENCE)
        .expect("a line before the input ends");
    assert!(first.unwrap().unwrap().contains("\"profile\":\"Sellfy\""));
    stdin
        .write_all(&std::fs::read(repo("profiles/rewind.yaml")).unwrap())
        .unwrap();
    drop(stdin);
    assert_eq!(reader.join().unwrap(), 1, "then the second");
    assert!(child.wait().unwrap().success());
}

/// The text summary fits `COLUMNS`: every line within the width, a reports-to column,
/// the reason cut at a word (whole in JSON), and six profiles in a 24-line screen at
/// 80 columns, one line each at 160.
#[test]
fn the_text_summary_fits_the_width_in_columns() {
    let json = stdout(&["advise", "profiles/", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let reasons: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["reasons"][0]["text"].as_str().unwrap())
        .collect();
    assert_eq!(reasons.len(), 6);
    for (width, most_lines) in [(80, 24), (160, 6 + 6)] {
        let out = partner_org()
            .env("COLUMNS", width.to_string())
            .args(["advise", "profiles/"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        for line in text.lines() {
            assert!(line.chars().count() <= width, "{width}: {line}\n{text}");
        }
        assert!(text.lines().count() <= most_lines, "{width}:\n{text}");
        assert!(
            text.contains("Reports to") || text.contains("reports to"),
            "{text}"
        );
        assert!(text.contains("COO (owner of the"), "{text}");
        // Each reason is cut after a whole word of the full text, and marked.
        let cut = text.matches('…').count();
        assert!(cut >= 5, "{width}: {text}");
        for word_cut in text.split('…').take(cut) {
            let last = word_cut.rsplit([' ', '│', '┆']).next().unwrap();
            assert!(
                reasons.iter().any(|r| r
                    .split_whitespace()
                    .any(|w| w.trim_end_matches([',', ';']) == last)),
                "{width}: '{last}' is not a whole word of a reason\n{text}"
            );
        }
    }
    // One line a profile at 160 columns.
    let wide = stdout_with_columns(160, &["advise", "profiles/"]);
    assert_eq!(
        wide.lines().filter(|l| l.contains("profiles/")).count(),
        6,
        "{wide}"
    );
    assert!(wide.contains("┆ Head of Sales "), "{wide}");
}

/// On a narrow terminal the summary keeps the placement and whom it reports to
/// readable (every word whole, on lines within the width), leaves out the columns that
/// do not fit, less important first, and says so under the table.
#[test]
fn a_narrow_summary_never_squeezes_the_placement() {
    let json = stdout(&["advise", "profiles/", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let words: Vec<String> = json
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| {
            let placed = format!("{} {}", a["placement"], a["reports_to"]);
            let placed = placed.replace('"', "");
            placed
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    for width in [40, 50, 60, 70, 80] {
        let text = stdout_with_columns(width, &["advise", "profiles/"]);
        assert!(
            text.lines().all(|l| l.chars().count() <= width),
            "{width}:\n{text}"
        );
        let tokens: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || "│┆".contains(c))
            .collect();
        for word in &words {
            assert!(
                tokens.contains(&word.as_str()),
                "{width}: '{word}' is not whole\n{text}"
            );
        }
        assert!(text.contains("Placement"), "{width}:\n{text}");
        if !text.contains("Reason") {
            assert!(
                text.contains("left out"),
                "{width}: says what is missing\n{text}"
            );
        }
    }
    let narrowest = stdout_with_columns(40, &["advise", "profiles/"]);
    assert!(narrowest.contains("touchbistro.yaml"), "{narrowest}");
}

/// A single report wraps at `COLUMNS` too.
#[test]
fn the_full_report_wraps_at_the_width_in_columns() {
    for width in [80, 160] {
        let text = stdout_with_columns(width, &["advise", "profiles/touchbistro.yaml"]);
        assert!(
            text.lines().all(|l| l.chars().count() <= width),
            "{width}:\n{text}"
        );
        assert!(
            text.lines().any(|l| l.chars().count() > width - 20),
            "{width}: the width is used\n{text}"
        );
    }
}

fn stdout_with_columns(width: usize, args: &[&str]) -> String {
    let out = partner_org()
        .env("COLUMNS", width.to_string())
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// A company named like a formula is written as text: a spreadsheet opening the CSV
/// shows the name and runs nothing (OWASP's advice on CSV injection).
#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let sellfy = std::fs::read_to_string(repo("profiles/sellfy.yaml")).unwrap();
    for name in [
        "=HYPERLINK(\"http://x.test\",\"click\")",
        "+1+cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "-2+3",
    ] {
        let quoted = serde_json::to_string(name).unwrap();
        let profile = sellfy.replace("name: Sellfy", &format!("name: {quoted}"));
        let out = partner_org()
            .args(["advise", "-", "--format", "csv"])
            .write_stdin(profile)
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let row = text.lines().nth(1).unwrap();
        let cell = format!("'{name}");
        let expected = if cell.contains(['"', ',']) {
            format!(",\"{}\",", cell.replace('"', "\"\""))
        } else {
            format!(",{cell},")
        };
        assert!(row.contains(&expected), "{name}: {row}");
        assert_eq!(
            row.matches('\'').count(),
            name.matches('\'').count() + 1,
            "only the name changes: {row}"
        );
    }
}
