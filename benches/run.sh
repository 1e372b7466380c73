#!/usr/bin/env bash
# Times whole runs of the release binary on a generated corpus: throughput of
# `advise --format ndjson` and `validate` on one 100,000-profile stream, peak memory
# as the stream grows, a folder of files, and one single-profile `advise`.
#
#   benches/run.sh              # RUNS=3 repeats, best wall time kept
#   RUNS=5 WORK=/tmp/po benches/run.sh
#
# Uses hyperfine when it is installed (it prints its own report too); the table
# always comes from /usr/bin/time (GNU time, for peak RSS), best of RUNS.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"

cargo build --release --quiet
cargo build --release --quiet --example corpus
bin=$PWD/target/release/partner-org
corpus=$PWD/target/release/examples/corpus

for n in 10000 100000 300000; do
  [ -s "$work/stream-$n.yaml" ] || "$corpus" stream "$n" > "$work/stream-$n.yaml"
done
[ -d "$work/files" ] || "$corpus" files 10000 "$work/files"

# best_of COUNT LABEL COMMAND...: best wall time and its peak RSS over $runs runs.
best_of() {
  local count=$1 label=$2 best="" rss=""
  shift 2
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>"$work/stderr" || true
    read -r wall kb < <(tail -1 "$work/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($wall < $best)}"; then best=$wall; rss=$kb; fi
  done
  awk -v l="$label" -v n="$count" -v t="$best" -v k="$rss" 'BEGIN{
    rate = (t > 0) ? sprintf("%d", n / t) : "-";
    printf "| %-44s | %7d | %8.3f | %9s | %7.1f |\n", l, n, t, rate, k / 1024 }'
}

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" --output=null \
    "$bin validate $work/stream-100000.yaml" \
    "$bin advise --format ndjson $work/stream-100000.yaml"
fi

echo "| run                                          | profiles | wall s   | profiles/s | peak MB |"
echo "|----------------------------------------------|---------:|---------:|-----------:|--------:|"
best_of 100000 "validate, one stream" "$bin" validate "$work/stream-100000.yaml"
best_of 100000 "advise --format ndjson, one stream" "$bin" advise --format ndjson "$work/stream-100000.yaml"
best_of 100000 "advise --format ndjson, one stream, 1 thread" env RAYON_NUM_THREADS=1 "$bin" advise --format ndjson "$work/stream-100000.yaml"
best_of 10000 "advise --format ndjson, 10,000-profile stream" "$bin" advise --format ndjson "$work/stream-10000.yaml"
best_of 300000 "advise --format ndjson, 300,000-profile stream" "$bin" advise --format ndjson "$work/stream-300000.yaml"
best_of 10000 "advise --format ndjson, 10,000 files" "$bin" advise --format ndjson "$work/files"
best_of 10000 "advise --format csv, 10,000 files" "$bin" advise --format csv "$work/files"
# One profile: too quick for GNU time's 10 ms resolution, so 200 runs are timed.
start=$(date +%s%N)
for _ in $(seq 200); do "$bin" advise profiles/sellfy.yaml > /dev/null; done
end=$(date +%s%N)
awk -v ns=$((end - start)) 'BEGIN{ printf "| %-44s | %7d | %8.4f | %9s | %7s |\n", "advise, one profile (text report), mean of 200", 1, ns / 200 / 1e9, "-", "-" }'
echo "(corpus in $work; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
