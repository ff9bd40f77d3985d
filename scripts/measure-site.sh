#!/usr/bin/env bash
# Measures the site with its embedded defaults (SQLite, in-process engine, JIT build): the time from
# POST /api/v1/cartograms of the world map with its population CSV to status "succeeded" (three runs, the first
# includes warm-up), and the time to render the stored result page (first and cached).
# Usage: scripts/measure-site.sh   (builds GoCart.Site in Release first)
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
dotnet build GoCart.Site -c Release -v quiet -nologo > /dev/null
# go-cart.io's library, read in place (docs/maps.md).
maps=${CARTOGRAM_MAPS_DIR:-$(cd "$root/../shared/maps" && pwd)}

data=$(mktemp -d /tmp/gocart-measure.XXXXXX)
port=$(( (RANDOM % 20000) + 30000 ))
site="http://127.0.0.1:$port"
CARTOGRAM_DATA_DIR="$data" CARTOGRAM_MAPS_DIR="$maps" CARTOGRAM_WARM_UP=false dotnet "$root/GoCart.Site/bin/Release/net10.0/GoCart.Site.dll" --urls "$site" > "$data/site.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
# Show the site's log when something fails.
trap 'tail -n 20 "$data/site.log" >&2' ERR

for _ in $(seq 1 100); do
  curl -fs "$site/health/live" > /dev/null 2>&1 && break
  sleep 0.2
done

csv="${maps%%:*}/world_by_country_since_2022/world_population_by_country_2010.csv"
body=$(python3 -c 'import json,sys; print(json.dumps({"map": "world_by_country_since_2022", "csv": open(sys.argv[1]).read()}))' "$csv")

now() { date +%s.%N; }
key=""
for run in 1 2 3; do
  start=$(now)
  key=$(curl -fs -H 'Content-Type: application/json' -d "$body" "$site/api/v1/cartograms" | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
  while true; do
    status=$(curl -fs "$site/api/v1/cartograms/$key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = "succeeded" ] || [ "$status" = "failed" ] && break
    sleep 0.05
  done
  echo "world by country, run $run: POST to $status in $(python3 -c "print(f'{$(now) - $start:.2f}')") s"
done

# The job's own figure: the pipeline's time inside the job (the rest is queueing, storing and polling).
grep -o '"Seconds":[0-9.]*' "$data/site.log" | sed 's/"Seconds":/engine and pipeline in the job: /; s/$/ s/'

times=()
for _ in $(seq 1 20); do
  times+=("$(curl -fs -o /dev/null -w '%{time_total}' "$site/cartogram/$key")")
done
python3 - "${times[@]}" <<'PY'
import statistics, sys
t = [float(x) * 1000 for x in sys.argv[1:]]
print(f"stored result page: first {t[0]:.0f} ms, then median {statistics.median(t[1:]):.0f} ms, max {max(t[1:]):.0f} ms (20 requests)")
PY
