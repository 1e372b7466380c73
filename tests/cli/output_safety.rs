//! Output safety beyond the batch tests (which cover `| head -1`, `> /dev/full` and
//! `-o` refusing to clobber): a closed stdout, a folder that cannot be written, new
//! files' permissions, and a kill while `-o` is being written. The old file always
//! stays whole and no temp file is left, except after SIGKILL, which cannot be caught.
#![cfg(unix)]

use crate::support::{partner_org, repo, within_patience, writing_into};
use predicates::prelude::*;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};

const OLD: &str = "the previous report, which must survive\n";

/// Files in `dir` other than `keep`: leftovers of a write.
fn leftovers(dir: &Path, keep: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != keep)
        .collect()
}

/// Runs `script` in bash from the repository root, with `$PO` the binary and `$OUT`
/// set to `out`.
fn bash(script: &str, out: &Path) -> std::process::Output {
    Command::new("bash")
        .arg("-c")
        .arg(script)
        .env("PO", partner_org().get_program())
        .env("OUT", out)
        .current_dir(repo("."))
        .output()
        .unwrap()
}

/// Linux only: elsewhere the program cannot tell a closed stdout from /dev/null.
#[cfg(target_os = "linux")]
#[test]
fn a_closed_stdout_is_an_error_not_lost_output() {
    for args in [
        "advise profiles/sellfy.yaml",
        "advise --format ndjson profiles",
        "chart profiles/sellfy.yaml",
        "rules list",
    ] {
        let out = bash(&format!("\"$PO\" {args} >&-"), Path::new(""));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(74), "{args}: {stderr}");
        assert!(
            stderr.contains("cannot write to stdout: it is closed"),
            "{args}: {stderr}"
        );
    }
    // `-o FILE` does not need stdout.
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.txt");
    let out = bash(
        "\"$PO\" advise profiles/sellfy.yaml -o \"$OUT\" >&-",
        &target,
    );
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&target).unwrap().contains("Sellfy"));
}

#[test]
fn a_folder_that_cannot_be_written_gives_73_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes anywhere; /proc then stands in for a read-only folder.
    let folder = if std::fs::write(locked.join("probe"), "").is_err() {
        locked.clone()
    } else if Path::new("/proc/self").exists() {
        std::fs::remove_file(locked.join("probe")).unwrap();
        Path::new("/proc").to_path_buf()
    } else {
        eprintln!("skipped: running as root and there is no /proc to stand in");
        return;
    };
    let target = folder.join("chart.dot");
    partner_org()
        .args(["chart", "profiles/sellfy.yaml", "-o"])
        .arg(&target)
        .assert()
        .code(73)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "cannot create {}",
            target.display()
        )));
    assert!(!target.exists());
    if folder == locked {
        assert!(leftovers(&locked, "").is_empty());
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_written_file_gets_the_usual_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("chart.svg");
    let script = "umask 022 && \"$PO\" chart profiles/sellfy.yaml --format svg -o \"$OUT\"";
    assert!(bash(script, &target).status.success());
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644, "{mode:o}");
}

/// Starts `advise` on an endless stdin with `-o` over an existing file, waits until
/// it is writing (its temp file holds results), and sends `signal`.
fn killed_while_writing(signal: libc::c_int) -> (std::process::ExitStatus, Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("advice.ndjson");
    std::fs::write(&target, OLD).unwrap();
    let mut child = Command::new(partner_org().get_program())
        .args(["advise", "--format", "ndjson", "--force", "-", "-o"])
        .arg(&target)
        .current_dir(repo("."))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let profile = std::fs::read_to_string(repo("profiles/sellfy.yaml")).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for _ in 0..50 {
        write!(stdin, "---\n{profile}").unwrap();
    }
    stdin.flush().unwrap();
    assert!(
        within_patience(|| writing_into(dir.path())),
        "no results in a temp file: {:?}",
        leftovers(dir.path(), "advice.ndjson")
    );
    // SAFETY: kill only sends a signal to our own child.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
    let status = child.wait().unwrap();
    drop(stdin);
    let left = leftovers(dir.path(), "advice.ndjson");
    let now = std::fs::read_to_string(&target).unwrap();
    (status, left, now)
}

#[test]
fn interrupting_a_write_keeps_the_old_file_and_removes_the_temp_file() {
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        let (status, left, now) = killed_while_writing(signal);
        assert_eq!(status.signal(), Some(signal), "{status:?}");
        assert_eq!(now, OLD, "signal {signal}");
        assert!(left.is_empty(), "signal {signal} left {left:?}");
    }
}

#[test]
fn sigkill_during_a_write_keeps_the_old_file_whole() {
    let (status, left, now) = killed_while_writing(libc::SIGKILL);
    assert_eq!(status.signal(), Some(libc::SIGKILL));
    assert_eq!(now, OLD);
    // The one case nothing can clean up: the temp file stays, under its hidden name.
    assert!(
        left.iter().all(|name| name.starts_with(".partner-org-")),
        "{left:?}"
    );
}

/// A named pipe or a device given to `-o` is written into, not replaced by a file:
/// renaming a temp file over `/dev/null` (as root, with `--force`) replaced the device
/// with a regular file, and a reader of a pipe got nothing.
#[test]
fn a_pipe_or_a_device_given_to_o_is_written_into() {
    use std::os::unix::fs::FileTypeExt;
    partner_org()
        .args(["advise", "profiles/sellfy.yaml", "-o", "/dev/null"])
        .current_dir(repo("."))
        .assert()
        .success();
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report.pipe");
    let name = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    partner_org()
        .args(["advise", "profiles/sellfy.yaml", "--format", "json", "-o"])
        .arg(&fifo)
        .current_dir(repo("."))
        .timeout(crate::support::PATIENCE)
        .assert()
        .success();
    let got = reader.join().unwrap();
    assert!(got.contains("\"placement\""), "{got}");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(leftovers(dir.path(), "report.pipe").is_empty());

    partner_org()
        .args(["advise", "profiles/sellfy.yaml", "-o"])
        .arg(dir.path())
        .current_dir(repo("."))
        .assert()
        .code(73)
        .stderr(predicate::str::contains(
            "is a folder; give a file name inside it",
        ));
}
