//! Hostile inputs: every case is accepted correctly or rejected with a clear message
//! and exit code 65, never a panic or a hang, in every command that reads profiles or
//! rulebooks. (How long each takes and how much memory it uses is measured by
//! benches/hostile.sh; here a generous timeout only guards against hangs.)

use crate::support::{PATIENCE, partner_org};
use std::path::Path;

const VALID: &str = "\
name: Acme
company: {employees: 40, self_serve: true, marketing_team: 5}
program: {types: [affiliate], maturity: launching}
";

/// Every command that reads a profile file, as its arguments: the path goes in place
/// of `{}`, or last.
const PROFILE_COMMANDS: &[&[&str]] = &[
    &["advise"],
    &["validate"],
    &["advise", "--format", "json"],
    &["chart"],
    &["chart", "--format", "svg"],
    &["roadmap"],
    &["what-if"],
    &["diff", "profiles/sellfy.yaml"],
    &["ask", "--from"],
    &["rules", "test", "rules/default.yaml"],
];

/// Every command that reads a rulebook.
const RULEBOOK_COMMANDS: &[&[&str]] = &[
    &["rules", "list", "--rules"],
    &["rules", "check"],
    &["advise", "profiles/sellfy.yaml", "--rules"],
    &["chart", "profiles/sellfy.yaml", "--rules"],
    &["what-if", "profiles/sellfy.yaml", "--rules"],
    &["rules", "test", "{}", "profiles"],
];

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = partner_org().args(args).timeout(PATIENCE).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn rejected(commands: &[&[&str]], path: &Path, words: &str) {
    let shown = path.display().to_string();
    for command in commands {
        let mut args: Vec<&str> = command
            .iter()
            .map(|a| if *a == "{}" { shown.as_str() } else { a })
            .collect();
        if !command.contains(&"{}") {
            args.push(&shown);
        }
        let (code, stdout, stderr) = run(&args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        if args[0] == "ask" && code == Some(2) {
            // A file that is valid YAML but not a valid profile is a place to start
            // from: ask keeps what it can, says what it dropped, and then needs a
            // terminal to ask the rest.
            assert!(
                stderr.contains("note:") && stderr.contains(words),
                "{args:?}: expected a note with {words:?} in\n{stderr}"
            );
            continue;
        }
        assert_eq!(code, Some(65), "{args:?}: {stderr}");
        if args[..2] == ["rules", "test"] && !command.contains(&"{}") {
            // A fixture that cannot be read is one line among the results.
            assert!(
                stdout.contains(&format!("invalid  {shown}")),
                "{args:?}: {stdout}"
            );
            continue;
        }
        assert!(
            stderr.contains(words),
            "{args:?}: expected {words:?} in\n{stderr}"
        );
    }
}

fn accepted(path: &Path) -> String {
    let shown = path.display().to_string();
    let (code, stdout, stderr) = run(&["advise", "--format", "json", &shown]);
    assert_eq!(code, Some(0), "{shown}: {stderr}");
    stdout
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn alias_bombs_anchors_tags_and_merge_keys_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut prev = 'a';
    for name in "bcdefghi".chars() {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
        prev = name;
    }
    bomb.push_str(VALID);
    let cases = [
        ("bomb.yaml", bomb.clone(), "YAML anchors are not allowed"),
        (
            "selfref.yaml",
            format!("{VALID}goals: &g [*g]\n"),
            "YAML anchors are not allowed",
        ),
        (
            "alias.yaml",
            VALID.replace("employees: 40", "employees: *n"),
            "YAML aliases are not allowed",
        ),
        (
            "python.yaml",
            VALID.replace("name: Acme", "name: !!python/object/apply:os.system [ls]"),
            "YAML tags are not allowed",
        ),
        (
            "binary.yaml",
            VALID.replace("name: Acme", "name: !!binary aGVsbG8="),
            "YAML tags are not allowed",
        ),
        (
            "custom.yaml",
            VALID.replace("name: Acme", "name: !acme Acme"),
            "YAML tags are not allowed",
        ),
        (
            "merge.yaml",
            format!("{VALID}base: {{goals: [reach]}}\nextra:\n  <<: {{x: 1}}\n"),
            "merge keys",
        ),
    ];
    for (name, text, words) in cases {
        let path = write(dir.path(), name, &text);
        rejected(PROFILE_COMMANDS, &path, words);
    }
    let book = write(dir.path(), "bomb-rules.yaml", format!("version: 1\n{bomb}"));
    rejected(RULEBOOK_COMMANDS, &book, "YAML anchors are not allowed");
    let tagged = partner_org::rules::DEFAULT_RULEBOOK.replace("version: 1", "version: !!int 1");
    rejected(
        RULEBOOK_COMMANDS,
        &write(dir.path(), "tag-rules.yaml", tagged),
        "YAML tags are not allowed",
    );
}

#[test]
fn duplicate_keys_are_refused_wherever_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("top.yaml", format!("{VALID}name: Other\n")),
        (
            "block.yaml",
            "name: Acme\ncompany:\n  employees: 40\n  employees: 41\n  self_serve: true\nprogram: {types: [affiliate], maturity: launching}\n".to_string(),
        ),
        (
            "flow.yaml",
            VALID.replace("self_serve: true", "self_serve: true, self_serve: false"),
        ),
    ];
    for (name, text) in cases {
        rejected(
            PROFILE_COMMANDS,
            &write(dir.path(), name, text),
            "is given twice",
        );
    }
}

#[test]
fn deep_nesting_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let flow = format!(
        "{VALID}goals: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    rejected(
        PROFILE_COMMANDS,
        &write(dir.path(), "flow.yaml", &flow),
        "nested too deeply",
    );
    rejected(
        RULEBOOK_COMMANDS,
        &write(
            dir.path(),
            "flow-rules.yaml",
            format!(
                "version: 1\nrules: {}{}\n",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
        ),
        "nested too deeply",
    );
    let block: String = (0..400)
        .map(|i| format!("{}- \n", "  ".repeat(i)))
        .collect();
    let path = write(dir.path(), "block.yaml", format!("{VALID}goals:\n{block}"));
    rejected(PROFILE_COMMANDS, &path, "goals");
}

#[test]
fn huge_and_endless_inputs_stop_at_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(
        dir.path(),
        "big.yaml",
        format!("name: \"{}\"\n", "x".repeat(100 << 20)),
    );
    rejected(
        PROFILE_COMMANDS,
        &big,
        "larger than the limit of 1048576 bytes",
    );
    rejected(
        PROFILE_COMMANDS,
        Path::new("/dev/zero"),
        "larger than the limit",
    );

    let bin = assert_cmd::cargo::cargo_bin("partner-org");
    for source in ["/dev/zero", "/dev/urandom"] {
        let out = std::process::Command::new(&bin)
            .args(["validate", "-"])
            .stdin(std::fs::File::open(source).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(65), "{source}");
    }
    // Endless text without a document end.
    let mut child = std::process::Command::new(&bin)
        .args(["validate", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let line = b"# filler line of an endless stream\n";
        while stdin.write_all(line).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than the limit"));
}

#[test]
fn a_stream_of_thousands_of_documents_is_evaluated_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let stream: String = (0..3000)
        .map(|i| format!("---\n{}", VALID.replace("Acme", &format!("Acme {i}"))))
        .collect();
    let path = write(dir.path(), "stream.yaml", stream);
    let (code, stdout, stderr) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3000);
    assert!(
        lines[2999].ends_with("stream.yaml#3000: Acme 2999"),
        "{}",
        lines[2999]
    );
}

#[test]
fn the_number_of_documents_per_input_is_capped() {
    let stream: String = (0..5).map(|_| format!("---\n{VALID}")).collect();
    partner_org()
        .args(["validate", "-", "--max-documents", "3"])
        .write_stdin(stream)
        .assert()
        .code(65)
        .stdout(predicates::str::contains("<stdin>#3: Acme"))
        .stderr(predicates::str::contains(
            "more than 3 document(s), the limit",
        ))
        .stderr(predicates::str::contains(
            "split the stream, or raise the limit with --max-documents",
        ));
}

#[test]
fn yaml_1_1_traps_are_strings_or_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["no", "NO", "on", "1.10", "017", "1e3", "null"] {
        let path = write(
            dir.path(),
            "trap.yaml",
            VALID.replace("name: Acme", &format!("name: {name}")),
        );
        let json = accepted(&path);
        assert!(
            json.contains(&format!("\"profile\": \"{name}\"")),
            "{name}: {json}"
        );
    }
    let cases = [
        ("self_serve: true", "self_serve: no", "`true` or `false`"),
        ("self_serve: true", "self_serve: NO", "`true` or `false`"),
        ("self_serve: true", "self_serve: on", "`true` or `false`"),
        ("employees: 40", "employees: 017", "without leading zeros"),
        (
            "employees: 40",
            "employees: 1e3",
            "expected a whole number, found 1000.0",
        ),
        (
            "employees: 40",
            "employees: 1.10",
            "expected a whole number, found 1.1",
        ),
    ];
    for (from, to, words) in cases {
        let path = write(dir.path(), "trap.yaml", VALID.replace(from, to));
        rejected(PROFILE_COMMANDS, &path, words);
    }
}

#[test]
fn broken_syntax_and_encodings_are_refused_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let latin1: Vec<u8> = VALID
        .replace("Acme", "Caf\u{e9}")
        .chars()
        .map(|c| c as u8)
        .collect();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(VALID.encode_utf16().flat_map(u16::to_le_bytes));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "tab.yaml",
            VALID
                .replace("program:", "program:\n\ttypes: [referral]")
                .into_bytes(),
            "tab.yaml:4:",
        ),
        (
            "quote.yaml",
            VALID.replace("name: Acme", "name: \"Acme").into_bytes(),
            "quote.yaml:",
        ),
        (
            "single.yaml",
            VALID.replace("name: Acme", "name: 'Acme").into_bytes(),
            "single.yaml:",
        ),
        (
            "latin1.yaml",
            latin1,
            "latin1.yaml:1:10: the input is not valid UTF-8",
        ),
        ("utf16.yaml", utf16, "utf16.yaml:1:1: the input is UTF-16"),
        (
            "nul.yaml",
            VALID.replace("Acme", "Ac\0me").into_bytes(),
            "nul.yaml:1:9: the input holds the control character U+0000",
        ),
        (
            "esc.yaml",
            VALID.replace("Acme", "\"Ac\\e[31mme\"").into_bytes(),
            "the name holds the control character U+001B",
        ),
        (
            "rtl.yaml",
            VALID.replace("Acme", "\"Ac\u{202E}me\"").into_bytes(),
            "the name holds the control character U+202E",
        ),
    ];
    for (name, bytes, words) in cases {
        rejected(PROFILE_COMMANDS, &write(dir.path(), name, bytes), words);
    }
    // A rulebook in the wrong encoding is told how to convert it, as a profile is.
    let mut rules16 = vec![0xFF, 0xFE];
    rules16.extend(
        partner_org::rules::DEFAULT_RULEBOOK
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    rejected(
        RULEBOOK_COMMANDS,
        &write(dir.path(), "rules16.yaml", rules16),
        "iconv -f UTF-16 -t UTF-8",
    );
    let bom = write(dir.path(), "bom.yaml", format!("\u{FEFF}{VALID}"));
    assert!(accepted(&bom).contains("\"profile\": \"Acme\""));
    let crlf = write(dir.path(), "crlf.yaml", VALID.replace('\n', "\r\n"));
    assert!(accepted(&crlf).contains("\"profile\": \"Acme\""));
    let unicode = write(
        dir.path(),
        "unicode.yaml",
        VALID.replace("Acme", "Überfluß 日本 ☕"),
    );
    assert!(accepted(&unicode).contains("Überfluß 日本 ☕"));
}

/// Found by fuzzing: a multi-byte space right before the caret position made the
/// snippet renderer panic on a span inside a character.
#[test]
fn fuzz_regression_multibyte_character_under_the_caret() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "crash.yaml", "\u{202F}!");
    rejected(PROFILE_COMMANDS, &path, "error");
    rejected(RULEBOOK_COMMANDS, &path, "error");
}
