//! Shared helpers for the CLI tests.
#![allow(dead_code)]
use std::path::PathBuf;
/// The partner-org binary, run from the repository root.
pub fn partner_org() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("partner-org").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    cmd
}
/// A path under the repository root.
pub fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}
