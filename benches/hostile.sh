#!/usr/bin/env bash
# Measures how long each hostile input takes to be refused and the peak memory used
# (release build, GNU time). README's "Reliability" table comes from this script.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/partner-org
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
valid='name: Acme
company: {employees: 40, self_serve: true, marketing_team: 5}
program: {types: [affiliate], maturity: launching}
'
python3 - "$dir" "$valid" <<'PY'
import sys, os
d, v = sys.argv[1], sys.argv[2]
def w(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
prev = "a"
for n in "bcdefghi":
    bomb += f"{n}: &{n} [" + ", ".join(["*" + prev] * 9) + "]\n"
    prev = n
w("alias-bomb.yaml", bomb + v)
w("self-alias.yaml", v + "goals: &g [*g]\n")
w("deep-flow.yaml", v + "goals: " + "[" * 100000 + "]" * 100000 + "\n")
w("deep-block.yaml", v + "goals:\n" + "".join("  " * i + "- \n" for i in range(400)))
w("scalar-100mb.yaml", 'name: "' + "x" * (100 << 20) + '"\n')
w("stream-10k.yaml", ("---\n" + v) * 10000)
w("tags.yaml", v.replace("name: Acme", "name: !!python/object/apply:os.system [ls]"))
w("merge.yaml", v + "x:\n  <<: {a: 1}\n")
w("latin1.yaml", v.replace("Acme", "Caf\xe9").encode("latin-1"))
w("utf16.yaml", b"\xff\xfe" + v.encode("utf-16-le"))
w("nul.yaml", v.replace("Acme", "Ac\0me"))
w("rtl.yaml", v.replace("Acme", '"Ac\u202eme"'))
PY
printf '| input | exit | validate: s | validate: peak | advise: s | advise: peak |\n|---|---|---|---|---|---|\n'
# run COMMAND...: "seconds peak-MB exit" of one run.
run() {
  local code=0 t
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>&1 || code=$?
  t=$(tail -1 "$dir/time")
  echo "${t% *} $(( ${t#* } / 1024 )) $code"
}
# measure LABEL SCRIPT: the script runs with $PO set to `validate` then `advise`.
measure() {
  local v a
  read -r vs vm vc < <(run sh -c "PO='$bin validate'; $2")
  read -r as am ac < <(run sh -c "PO='$bin advise'; $2")
  [ "$vc" = "$ac" ] || vc="$vc / $ac"
  printf '| %s | %s | %s | %s MB | %s | %s MB |\n' "$1" "$vc" "$vs" "$vm" "$as" "$am"
}
for f in "$dir"/*.yaml; do
  measure "$(basename "$f")" "\$PO '$f'"
done
measure "/dev/zero as a file" '$PO /dev/zero'
measure "/dev/zero on stdin" '$PO - < /dev/zero'
measure "endless stdin (yes)" "yes 'name: x' | \$PO -"
