#!/usr/bin/env bash
# Cold start of the packaged engine: from starting `bootstrap serve` to its first answered cartogram request
# (the concentric_circles map), five times. Run scripts/package-lambda.sh first.
set -euo pipefail

cd "$(dirname "$0")/.."
zip=${1:-artifacts/gocart-lambda.zip}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work"
# go-cart.io's library, read in place (docs/maps.md).
maps=${CARTOGRAM_MAPS_DIR:-../shared/maps}
python3 - "$work/request.json" "${maps%%:*}/concentric_circles/concentric_circles.geojson" << 'PY'
import json, sys
geometry = json.load(open(sys.argv[2]))
json.dump({"key": "coldstart", "geometry": geometry, "regionIdProperty": "name",
           "values": {"inner": 3.141592654, "outer": 18.84955592}}, open(sys.argv[1], "w"))
PY

port=18181
for run in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$work/bootstrap" serve --port "$port" --api-key cold-start-key 2> /dev/null &
  pid=$!
  until curl -s -o /dev/null -w "%{http_code}" -H "x-api-key: cold-start-key" --data @"$work/request.json" "http://127.0.0.1:$port/" 2> /dev/null | grep -q 200; do
    sleep 0.005
  done
  end=$(date +%s%N)
  echo "run $run: $(((end - start) / 1000000)) ms from process start to first response"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
done
