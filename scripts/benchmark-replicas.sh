#!/usr/bin/env bash
# Throughput benchmark of the scale-out shape, on loopback: scripts/run-production-like.sh --replicas 2
# (PostgreSQL, Redis, `gocart serve` standing in for the Lambda, two site processes, nginx in front), then N
# simulated users (50) arriving evenly within S seconds (60). Each submits one world-map cartogram through
# nginx's JSON API from its own loopback address (127.0.0.10 and up, so each has its own rate limit, as real
# visitors do) and polls its status every half second until it has succeeded or failed. Prints completions,
# errors and the p50/p95/max time from submit to result, with the machine's load averages before and after.
# Usage: scripts/benchmark-replicas.sh [--users N] [--seconds S] [--replicas R] [--map ID] [--no-build]
# Extra CARTOGRAM_* variables (CARTOGRAM_LAMBDA_CONCURRENCY=4, say) pass on to the site processes.
set -euo pipefail

users=50
seconds=60
replicas=2
map=world_by_country_since_2022
stack_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --users) users=${2:-}; shift ;;
    --seconds) seconds=${2:-}; shift ;;
    --replicas) replicas=${2:-}; shift ;;
    --map) map=${2:-}; shift ;;
    --no-build) stack_args+=(--no-build) ;;
    *) echo "usage: $0 [--users N] [--seconds S] [--replicas R] [--map ID] [--no-build]" >&2; exit 2 ;;
  esac
  shift
done
if ! [[ "$users" =~ ^[0-9]+$ ]] || [ "$users" -lt 1 ] || [ "$users" -gt 200 ]; then
  echo "--users takes 1 to 200" >&2
  exit 2
fi
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "--seconds takes a whole number" >&2; exit 2; }
[[ "$map" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "--map takes a library map id" >&2; exit 2; }

cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/gocart-benchmark.XXXXXX)
stack_pid=""

cleanup() {
  set +e
  if [ -n "$stack_pid" ]; then
    kill -TERM "$stack_pid" 2> /dev/null
    wait "$stack_pid" 2> /dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$root/scripts/run-production-like.sh" --replicas "$replicas" "${stack_args[@]}" > "$work/stack.log" 2>&1 &
stack_pid=$!
public=""
for _ in $(seq 1 1200); do
  public=$(awk '$1 == "public" { print $2 }' "$work/stack.log")
  [ -n "$public" ] && break
  kill -0 "$stack_pid" 2> /dev/null || { cat "$work/stack.log" >&2; echo "the production-like stack did not start" >&2; exit 1; }
  sleep 0.5
done
[ -n "$public" ] || { cat "$work/stack.log" >&2; echo "the production-like stack did not start within 10 minutes" >&2; exit 1; }
echo "Stack up at $public ($replicas replicas); $users users within ${seconds}s, map $map"

# The map's own template (its default data), one body per user with one region's value changed, so that no
# two submissions are the same.
curl -fsSk "$public/maps/$map/template.csv" -o "$work/template.csv" || { echo "no template for map $map" >&2; exit 1; }
python3 - "$work" "$map" "$users" << 'PYEOF'
import csv, io, json, sys
work, map_id, users = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(f"{work}/template.csv", encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header, data = rows[0], [r for r in rows[1:] if r and r[2]]
for user in range(users):
    changed = [list(r) for r in data]
    row = changed[user % len(changed)]
    row[2] = repr(float(row[2]) * (1.5 + user / 10))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header] + changed)
    with open(f"{work}/body-{user}.json", "w", encoding="utf-8") as f:
        json.dump({"map": map_id, "csv": out.getvalue(), "title": f"benchmark user {user}"}, f)
PYEOF

now() { date +%s.%N; }

simulate_user() {
  local user=$1 address="127.0.0.$((10 + $1))" started answer code key status deadline
  started=$(now)
  answer=$(curl -sSk --interface "$address" -w '\n%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "@$work/body-$user.json" "$public/api/v1/cartograms" 2>&1) || true
  code=$(tail -n 1 <<< "$answer")
  if [ "$code" != 202 ]; then
    echo "error submit-$code" > "$work/result-$user"
    return
  fi
  key=$(head -n 1 <<< "$answer" | grep -o '"key":"[^"]*"' | cut -d '"' -f 4)
  deadline=$((SECONDS + 600))
  while [ "$SECONDS" -lt "$deadline" ]; do
    answer=$(curl -sSk --interface "$address" -w '\n%{http_code}' "$public/api/v1/cartograms/$key" 2>&1) || true
    code=$(tail -n 1 <<< "$answer")
    if [ "$code" != 200 ]; then
      echo "error poll-$code" > "$work/result-$user"
      return
    fi
    status=$(head -n 1 <<< "$answer" | grep -o '"status":"[^"]*"' | cut -d '"' -f 4)
    case "$status" in
      succeeded) awk -v a="$started" -v b="$(now)" 'BEGIN { printf "ok %.2f\n", b - a }' > "$work/result-$user"; return ;;
      failed)
        echo "error failed:$(head -n 1 <<< "$answer" | grep -o '"error":"[^"]*"' | cut -d '"' -f 4 | cut -c 1-60 | tr ' ' '_')" > "$work/result-$user"
        return
        ;;
    esac
    sleep 0.5
  done
  echo "error timeout" > "$work/result-$user"
}

load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
clock=$(now)
user_pids=()
for user in $(seq 0 $((users - 1))); do
  (
    sleep "$(awk -v u="$user" -v n="$users" -v s="$seconds" 'BEGIN { printf "%.3f", u * s / n }')"
    simulate_user "$user"
  ) &
  user_pids+=($!)
done
for pid in "${user_pids[@]}"; do
  wait "$pid"
done
elapsed=$(awk -v a="$clock" -v b="$(now)" 'BEGIN { printf "%.0f", b - a }')
load_after=$(cut -d ' ' -f 1-3 /proc/loadavg)

cat "$work"/result-* > "$work/results"
completions=$(grep -c '^ok ' "$work/results" || true)
errors=$(grep -c '^error ' "$work/results" || true)
grep '^ok ' "$work/results" | cut -d ' ' -f 2 | sort -n > "$work/times" || true
percentile() {
  awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } i = int(p * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; print v[i] }' "$work/times"
}
echo "users $users within ${seconds}s, $replicas replicas: $completions completed, $errors errors" \
  "($(grep '^error' "$work/results" | sort | uniq -c | tr -s ' ' | tr '\n' ';' || true))"
echo "submit to result: p50 $(percentile 0.5) s, p95 $(percentile 0.95) s, max $(percentile 1) s; all done after ${elapsed}s"
echo "load average before: $load_before, after: $load_after ($(nproc) cores)"
