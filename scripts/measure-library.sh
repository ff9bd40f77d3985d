#!/usr/bin/env bash
# Measures the map library's pages with the warm-up on: starts the site (embedded defaults, Release build) on the
# library in CARTOGRAM_MAPS_DIR (default: go-cart.io's maps beside the repository, read in place), waits until
# the warm-up has computed every map's population cartogram, then asks for every map's page twice and prints the
# time to first byte of each visit (on loopback, so it is server time) and a summary, and what the gallery weighs
# with every thumbnail.
# Usage: scripts/measure-library.sh   (builds GoCart.Site in Release first; takes minutes: the warm-up computes all maps)
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
dotnet build GoCart.Site -c Release -v quiet -nologo > /dev/null
maps=${CARTOGRAM_MAPS_DIR:-$(cd "$root/../shared/maps" && pwd)}

data=$(mktemp -d -t gocart-library.XXXXXX)
port=$(( (RANDOM % 20000) + 30000 ))
site="http://127.0.0.1:$port"
started=$(date +%s.%N)
CARTOGRAM_DATA_DIR="$data" CARTOGRAM_MAPS_DIR="$maps" CARTOGRAM_WARM_UP=true \
  dotnet "$root/GoCart.Site/bin/Release/net10.0/GoCart.Site.dll" --urls "$site" > "$data/site.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT
trap 'tail -n 20 "$data/site.log" >&2' ERR

for _ in $(seq 1 300); do
  curl -fs "$site/health/live" > /dev/null 2>&1 && break
  sleep 0.1
done
echo "site answering after $(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')") s (the warm-up runs behind it)"

# The warm-up logs one line when it has been through every map (bounded: an hour at most).
for _ in $(seq 1 3600); do
  grep -q "Library warm-up done" "$data/site.log" && break
  sleep 1
done
# The site logs compact JSON (a template and its properties): fill the template in.
python3 - "$data/site.log" <<'LOG'
import json, re, sys
for line in open(sys.argv[1]):
    if "Library warm-up done" in line:
        event = json.loads(line)
        print(re.sub(r"\{(\w+)\}", lambda m: str(event.get(m.group(1), m.group(0))), event["@mt"]))
        break
LOG
echo "warm-up finished $(python3 -c "print(f'{$(date +%s.%N) - $started:.0f}')") s after start"

ids=$(curl -fs "$site/api/v1/maps" | python3 -c 'import json,sys; print("\n".join(m["id"] for m in json.load(sys.stdin) if m["id"] != "concentric_circles"))')
# What the gallery weighs when a browser asks for every thumbnail at once (no script, so no lazy loading).
gallery=$(curl -fs -o /dev/null -w '%{size_download}' "$site/maps")
for id in $ids; do
  for picture in cartogram thumbnail; do
    gallery=$((gallery + $(curl -fs -o /dev/null -w '%{size_download}' "$site/maps/$id/$picture.svg")))
  done
done
echo "gallery with every thumbnail: $(python3 -c "print(f'{$gallery / 1e6:.2f}')") MB (the page and two pictures per map, uncompressed)"

results="$data/times.tsv"
for id in $ids; do
  first=$(curl -fs -o "$data/page.html" -w '%{time_starttransfer}' "$site/maps/$id")
  ready=$(grep -c 'id="cartogram"' "$data/page.html" || true)
  second=$(curl -fs -o /dev/null -w '%{time_starttransfer}' "$site/maps/$id")
  printf '%s\t%s\t%s\t%s\n' "$id" "$first" "$second" "$ready" >> "$results"
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines()]
print(f"{'map':<48} {'first ms':>9} {'second ms':>10}  cartogram on first visit")
for id, first, second, ready in rows:
    print(f"{id:<48} {float(first)*1000:9.1f} {float(second)*1000:10.1f}  {'yes' if int(ready) > 0 else 'NO'}")
firsts = [float(r[1]) * 1000 for r in rows]
seconds = [float(r[2]) * 1000 for r in rows]
ready = sum(1 for r in rows if int(r[3]) > 0)
print(f"{len(rows)} maps, {ready} with their cartogram on the first visit; first visit median {statistics.median(firsts):.1f} ms, "
      f"max {max(firsts):.1f} ms; second visit median {statistics.median(seconds):.1f} ms, max {max(seconds):.1f} ms")
PY
