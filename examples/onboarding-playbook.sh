#!/usr/bin/env bash
# Onboarding playbook: advise a folder of client profiles in one go.
#
#   examples/onboarding-playbook.sh CLIENT_DIR
#
# 1. validates every profile (*.yaml, *.yml, searched recursively);
# 2. writes the advice for all of them to CLIENT_DIR/advice.ndjson, one JSON object
#    per line (profiles that fail validation become error records);
# 3. lists each client's placement, with jq when it is installed, plain shell when not
#    (set JQ=none to force the plain-shell path);
# 4. draws each client's org chart next to its profile (NAME.svg), when this
#    partner-org has the `chart` command.
# Exit status: 0 when every profile was advised, 65 when some need fixing, and the
# partner-org exit code of any other failure.
set -euo pipefail

dir=${1:?usage: onboarding-playbook.sh CLIENT_DIR}
po=${PARTNER_ORG:-partner-org}
jq=${JQ:-jq}
status=0

echo "== 1. Validating the profiles in $dir"
"$po" validate "$dir" || status=$?
case $status in
  0) ;;
  65) echo "   some profiles need fixing (see above); the others are still advised" ;;
  *) echo "   cannot read the profiles (exit $status)" >&2; exit "$status" ;;
esac

echo "== 2. Advising every profile -> $dir/advice.ndjson"
advice_status=0
"$po" advise "$dir" --format ndjson --quiet --force -o "$dir/advice.ndjson" || advice_status=$?
if [ "$advice_status" -ne 0 ] && [ "$advice_status" -ne 65 ]; then
  echo "   advise failed (exit $advice_status)" >&2
  exit "$advice_status"
fi

echo "== 3. Placements"
if command -v "$jq" >/dev/null 2>&1; then
  "$jq" -r 'if .error then "\(.source.path): needs fixing: \(.error.message)"
            else "\(.profile): \(.placement) (reports to the \(.reports_to), confidence \(.confidence))" end' \
    "$dir/advice.ndjson"
else
  # No jq: the keys of an assessment come in a fixed order (source, profile, placement).
  while IFS= read -r line; do
    case $line in
      *'"error":'*) echo "$line" | sed -n 's/^{"source":{"path":"\([^"]*\)".*/\1: needs fixing/p' ;;
      *) echo "$line" | sed -n 's/.*"profile":"\([^"]*\)","placement":"\([^"]*\)".*/\1: \2/p' ;;
    esac
  done < "$dir/advice.ndjson"
fi

echo "== 4. Org charts"
if "$po" chart --help >/dev/null 2>&1; then
  find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' \) | sort | while IFS= read -r profile; do
    chart="${profile%.*}.svg"
    if "$po" chart "$profile" --format svg --force -o "$chart" 2>/dev/null; then
      echo "   $chart"
    else
      echo "   $profile: no chart (not one valid profile)"
    fi
  done
else
  echo "   skipped: this partner-org has no chart command yet"
fi

exit $(( status == 0 ? advice_status : status ))
