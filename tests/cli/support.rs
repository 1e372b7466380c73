//! Shared helpers for the CLI tests, and the generated profiles of the property tests.
use partner_org::profile::{
    Company, Goal, MarketingMaturity, Profile, Program, ProgramMaturity, ProgramType, Region,
    RevenueOwner,
};
use proptest::prelude::*;
use proptest::sample::subsequence;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
/// The five example companies of `profiles/`, in alphabetical order.
pub const EXAMPLES: [&str; 5] = ["formstack", "outgrow", "rewind", "sellfy", "touchbistro"];

/// The partner-org binary, run from the repository root.
pub fn partner_org() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("partner-org").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    cmd
}
/// The standard output of a run that must succeed (stderr is shown if it does not).
pub fn stdout(args: &[&str]) -> String {
    let out = partner_org().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}
/// How long a test waits for something that takes milliseconds when all goes well:
/// generous, because a loaded machine can make it seconds. Waits end as soon as what
/// they wait for happens, so this costs nothing when all goes well.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// Polls `done` every few milliseconds until it holds (`true`) or [`PATIENCE`] runs
/// out (`false`, for the caller to say what it waited for and what it saw).
pub fn within_patience(mut done: impl FnMut() -> bool) -> bool {
    let until = Instant::now() + PATIENCE;
    while !done() {
        if Instant::now() > until {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    true
}

/// Whether partner-org is writing results with `-o` into `dir`: its temp file there
/// (`.partner-org-…`, renamed into place at the end) holds some bytes.
pub fn writing_into(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().any(|entry| {
        let entry = entry.unwrap();
        entry
            .file_name()
            .to_string_lossy()
            .starts_with(".partner-org-")
            && entry.metadata().is_ok_and(|m| m.len() > 0)
    })
}
/// A profile that parses but is invalid: `company.employees` must be at least 1.
pub const INVALID_PROFILE: &str =
    "name: X\ncompany: {employees: 0, self_serve: true}\nprogram: {maturity: none}\n";
/// A path under the repository root.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn one_of<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

/// A name: any printable text, or one made of the pieces that mean something to YAML
/// (indicators, keys, merge keys, document markers, words YAML 1.1 reads as other
/// types), which a writer must quote and a reader must not mistake.
fn name() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "<<", ":", ": ", " ", "#", " #", "&", "*", "!", "!!", "%", "|", ">", "-", "- ", "?", "[",
        "]", "{", "}", ",", "'", "\"", "@", "`", "\\", "~", "null", "true", "no", "1e3", "0x1",
        "0o7", "1_000", "---", "...", "=", "x", "Acme",
    ];
    prop_oneof![
        "[^\\p{C}]{1,60}",
        proptest::collection::vec(one_of(PIECES), 1..8).prop_map(|p| p.concat()),
    ]
    .prop_filter("not blank", |s| !s.trim().is_empty())
}

/// Any profile that passes validation.
pub fn valid_profile() -> impl Strategy<Value = Profile> {
    let name = name();
    let company = (
        1u32..5000,
        any::<bool>(),
        any::<bool>(),
        one_of(RevenueOwner::ALL),
        0u32..100,
        0u32..100,
        proptest::option::of(one_of(MarketingMaturity::ALL)),
    )
        .prop_map(|(employees, self_serve, shared, owner, s, m, maturity)| {
            let sales_team = s.min(employees / 2);
            let marketing_team = m.min(employees / 2);
            let marketing_maturity = if marketing_team == 0 {
                maturity.filter(|m| *m == MarketingMaturity::None)
            } else {
                maturity
            };
            Company {
                employees,
                self_serve,
                sales_team,
                marketing_team,
                marketing_maturity,
                shared_gtm_leader: shared,
                revenue_owner: owner,
            }
        });
    let program = (
        one_of(ProgramMaturity::ALL),
        subsequence(ProgramType::ALL, 1..=ProgramType::ALL.len()),
        subsequence(ProgramType::ALL, 0..=ProgramType::ALL.len()),
        0u32..5000,
        0.0f64..=1.0,
        0u32..40,
    );
    (
        name,
        company,
        program,
        subsequence(Goal::ALL, 0..=Goal::ALL.len()),
        subsequence(Region::ALL, 1..=Region::ALL.len()),
        any::<bool>(),
    )
        .prop_map(
            |(
                name,
                company,
                (maturity, types, planned, partners, share, team),
                goals,
                regions,
                reverse,
            )| {
                let none = maturity == ProgramMaturity::None;
                let planned: Vec<_> = planned
                    .into_iter()
                    .filter(|t| none || !types.contains(t))
                    .collect();
                let mut regions = regions;
                if reverse {
                    regions.reverse();
                }
                Profile {
                    version: Some(1),
                    name,
                    program: Program {
                        types: if none { vec![] } else { types },
                        planned,
                        maturity,
                        partners: if none { 0 } else { partners },
                        revenue_share: if none {
                            0.0
                        } else {
                            (share * 100.0).round() / 100.0
                        },
                        team_size: team.min(company.employees),
                    },
                    company,
                    goals,
                    regions,
                }
            },
        )
}

/// The DOM of a page once headless Chromium has loaded it and run its scripts (up to
/// ten seconds of them, however long they wait on promises), in a window 1,280 px wide; `None`, with a note saying what goes untested, when Chromium
/// is not installed.
pub fn chromium_dom(page: &std::path::Path, untested: &str) -> Option<String> {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            std::process::Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        eprintln!("skipped: chromium not installed, so {untested} is not tested");
        return None;
    };
    let profile = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1280,1000",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs `dot -Tsvg` on DOT text; `None` (with a note) when Graphviz is not installed.
pub fn graphviz(dot: &str) -> Option<String> {
    graphviz_as(dot, "svg")
}

/// Runs Graphviz's `dot` on DOT text for the output `format` (`svg`, `plain`); `None`
/// (with a note) when Graphviz is not installed.
pub fn graphviz_as(dot: &str, format: &str) -> Option<String> {
    use std::io::Write;
    let Ok(mut child) = std::process::Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
    else {
        eprintln!("skipped: dot not installed");
        return None;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "dot failed: {}\n{dot}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}
