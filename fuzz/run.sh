#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) on the stable toolchain, seeding each
# corpus from the example profiles and the default rulebook. Needs `cargo install
# cargo-fuzz`. Crashes land in fuzz/artifacts/TARGET/; each becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(profile_loading rulebook_loading pipeline)
for target in "${targets[@]}"; do
  corpus=fuzz/corpus/$target
  mkdir -p "$corpus"
  case $target in
    rulebook_loading) cp rules/default.yaml "$corpus/default.yaml" ;;
    *) cp profiles/*.yaml tests/fixtures/profiles/*.yaml "$corpus/" ;;
  esac
  echo "== $target for ${seconds}s"
  cargo fuzz run -s none "$target" "$corpus" -- -max_total_time="$seconds" -max_len=4096 2>&1 |
    grep -E "^(#[0-9]+[[:space:]]+DONE|Done|==[0-9]+== ERROR|SUMMARY|artifact_prefix)|stat::" || true
done
