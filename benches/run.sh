#!/usr/bin/env bash
# Times whole runs of the release binary on a generated corpus: throughput of
# `advise --format ndjson` and `validate` on one 100,000-profile stream, peak memory
# as the stream grows, a folder of files, and one single-profile `advise`.
#
#   benches/run.sh              # RUNS=5 repeats of each run
#   RUNS=9 WORK=/tmp/po benches/run.sh
#
# Uses hyperfine when it is installed (it prints its own report too); the table
# always comes from /usr/bin/time (GNU time, for peak RSS): the best and the median
# wall time of RUNS runs. On a shared host the median can be well above the best.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
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

# time_once LABEL COMMAND...: one run; appends "LABEL<TAB>wall s<TAB>peak KB" to $log.
log=$work/times
: > "$log"
time_once() {
  local label=$1
  shift
  local start end
  # GNU time gives the peak RSS; its wall clock counts in hundredths, so the wall
  # time is taken in nanoseconds around it.
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/time" "$@" > /dev/null 2>"$work/stderr" || true
  end=$(date +%s%N)
  printf '%s\t%s\t%s\n' "$label" "$(awk -v ns=$((end - start)) 'BEGIN{ printf "%.4f", ns / 1e9 }')" \
    "$(tail -1 "$work/time")" >> "$log"
}

# row COUNT LABEL: the table row of LABEL's runs: best and median wall time, the
# rate at the best, and the peak RSS of the best run.
row() {
  awk -F'\t' -v l="$2" '$1 == l { print $2, $3 }' "$log" | sort -n | awk -v l="$2" -v n="$1" '
    { t[NR] = $1; k[NR] = $2 }
    END {
      med = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
      rate = (t[1] > 0) ? sprintf("%d", n / t[1]) : "-";
      printf "| %-46s | %8d | %6.3f | %8.3f | %10s | %7.1f |\n", l, n, t[1], med, rate, k[1] / 1024 }'
}

# median LABEL: the median wall time of LABEL's runs.
median() {
  awk -F'\t' -v l="$1" '$1 == l { print $2 }' "$log" | sort -n | awk '
    { t[NR] = $1 } END { print (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }'
}

if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs "$runs" --output=null \
    "$bin validate $work/stream-100000.yaml" \
    "$bin advise --format ndjson $work/stream-100000.yaml"
fi

v="validate, one stream"
a="advise --format ndjson, one stream"
# The two runs that are compared alternate, so that a change in the machine's speed
# (another tenant of the host, say) touches both alike.
for _ in $(seq "$runs"); do
  time_once "$v" "$bin" validate "$work/stream-100000.yaml"
  time_once "$a" "$bin" advise --format ndjson "$work/stream-100000.yaml"
done
for _ in $(seq "$runs"); do
  time_once "$a, 1 thread" env RAYON_NUM_THREADS=1 "$bin" advise --format ndjson "$work/stream-100000.yaml"
  time_once "advise --format ndjson, 10,000-profile stream" "$bin" advise --format ndjson "$work/stream-10000.yaml"
  time_once "advise --format ndjson, 300,000-profile stream" "$bin" advise --format ndjson "$work/stream-300000.yaml"
  time_once "advise --format ndjson, 10,000 files" "$bin" advise --format ndjson "$work/files"
  time_once "advise --format csv, 10,000 files" "$bin" advise --format csv "$work/files"
done

echo "| run                                            | profiles | best s | median s | profiles/s | peak MB |"
echo "|------------------------------------------------|---------:|-------:|---------:|-----------:|--------:|"
row 100000 "$v"
row 100000 "$a"
row 100000 "$a, 1 thread"
row 10000 "advise --format ndjson, 10,000-profile stream"
row 300000 "advise --format ndjson, 300,000-profile stream"
row 10000 "advise --format ndjson, 10,000 files"
row 10000 "advise --format csv, 10,000 files"
# One profile: too quick for GNU time's 10 ms resolution, so 200 runs are timed.
start=$(date +%s%N)
for _ in $(seq 200); do "$bin" advise profiles/sellfy.yaml > /dev/null; done
end=$(date +%s%N)
awk -v ns=$((end - start)) 'BEGIN{ printf "| %-46s | %8d | %6s | %8.4f | %10s | %7s |\n", "advise, one profile (text report), mean of 200", 1, "-", ns / 200 / 1e9, "-", "-" }'
awk -v a="$(median "$a")" -v v="$(median "$v")" 'BEGIN{ printf "advise / validate on the same stream, medians: %.2fx\n", a / v }'
echo "(corpus in $work; $(nproc) cores; $runs runs each; load average $(cut -d' ' -f1-3 /proc/loadavg))"
