#!/usr/bin/env bash
# The first five minutes, checked as a new user would meet them: clones the repository's committed HEAD into a
# throw-away folder, runs README's run command there (`dotnet run --project GoCart.Site`, on a free loopback
# port), waits for /health/ready, makes the world cartogram through the API, and fails when the engine reports
# a Debug build, when the site runs in the Development environment, or when a malformed request reaches the
# developer exception page. Prints one line per check and "fresh clone: OK" last. CI runs it after the tests.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d -t gocart-fresh.XXXXXX)
site_pid=""

cleanup() {
  set +e
  if [ -n "$site_pid" ]; then
    # The site runs in its own process group (dotnet run and the site it starts): end exactly that group.
    kill -- "-$site_pid" 2> /dev/null
    for _ in $(seq 1 50); do
      kill -0 "$site_pid" 2> /dev/null || break
      sleep 0.1
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

fail() {
  echo "fresh clone: FAILED: $1" >&2
  [ -f "$work/site.log" ] && tail -n 40 "$work/site.log" >&2
  exit 1
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( (RANDOM % 20000) + 30000 ))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free loopback port found" >&2
  return 1
}

git clone --quiet --no-hardlinks "$root" "$work/gocart"
port=$(free_port)
site="http://127.0.0.1:$port"
started=$(date +%s)
echo "fresh clone: running 'dotnet run --project GoCart.Site' in a clone of $(git -C "$root" rev-parse --short HEAD) on $site..."
(cd "$work/gocart" && exec setsid dotnet run --project GoCart.Site -- --urls "$site") > "$work/site.log" 2>&1 < /dev/null &
site_pid=$!

ready=""
for _ in $(seq 1 600); do
  kill -0 "$site_pid" 2> /dev/null || fail "the site exited before it was ready"
  if curl -fsS -o /dev/null "$site/health/ready" 2> /dev/null; then
    ready=yes
    break
  fi
  sleep 0.5
done
[ -n "$ready" ] || fail "/health/ready did not answer 200 within 300 s"
echo "fresh clone: ready after $(( $(date +%s) - started )) s (build included)"

grep -q "in-process engine (optimised build)" "$work/site.log" \
  || fail "the site did not report an optimised in-process engine"
# The host logs its environment once it has started, which can be a moment after Kestrel first answers.
environment=""
for _ in $(seq 1 100); do
  environment=$(sed -n 's/.*Hosting environment: \([A-Za-z]*\).*/\1/p' "$work/site.log" | head -n 1)
  [ -n "$environment" ] && break
  sleep 0.1
done
[ -n "$environment" ] || fail "the site did not log its hosting environment"
[ "$environment" != "Development" ] || fail "the README's run command starts the site in the Development environment"
echo "fresh clone: optimised engine, environment $environment"

# Malformed requests must get the site's own answers, never the developer exception page with source excerpts.
check_no_developer_page() {
  local what=$1
  shift
  local body
  body=$(curl -sS "$@" 2> /dev/null || true)
  if echo "$body" | grep -qiE "developer exception page|stack trace|Microsoft\.AspNetCore\.[A-Za-z.]*Exception|at [A-Za-z.]+\(.*\) in "; then
    fail "$what showed the developer exception page"
  fi
}
check_no_developer_page "a truncated JSON body" -X POST -H "Content-Type: application/json" --data '{"map": "world_by_' "$site/api/v1/cartograms"
check_no_developer_page "a JSON body of the wrong shape" -X POST -H "Content-Type: application/json" --data '{"values": "many"}' "$site/api/v1/cartograms"
check_no_developer_page "a form without its antiforgery token" -X POST --data 'x=1' "$site/create"
check_no_developer_page "an unknown page" "$site/no-such-page"
echo "fresh clone: no developer exception page on malformed requests"

# The starter library that a fresh clone ships (docs/maps.md).
world=world_by_country
curl -fsS -o "$work/world.csv" "$site/maps/$world/template.csv" || fail "the library has no $world map"
python3 - "$work/world.csv" "$world" > "$work/world.json" <<'PY'
import json, sys
csv = open(sys.argv[1], encoding="utf-8-sig").read()
print(json.dumps({"map": sys.argv[2], "csv": csv, "title": "World population (fresh clone check)"}))
PY
key=$(curl -fsS -X POST -H "Content-Type: application/json" --data-binary "@$work/world.json" "$site/api/v1/cartograms" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["key"])') || fail "the API did not accept the world cartogram"
status=""
for _ in $(seq 1 240); do
  curl -fsS -o "$work/status.json" "$site/api/v1/cartograms/$key" || fail "the API did not answer for cartogram $key"
  status=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["status"])' "$work/status.json")
  [ "$status" = "succeeded" ] || [ "$status" = "failed" ] && break
  sleep 0.5
done
[ "$status" = "succeeded" ] || fail "the world cartogram ended '$status': $(cat "$work/status.json")"
python3 - "$work/status.json" <<'PY'
import json, sys
stats = json.load(open(sys.argv[1]))["stats"]
print(f"fresh clone: world cartogram in {stats['seconds']:.2f} s of engine time, max area error {stats['maxAreaError']:.2%}")
PY
curl -fsS -o /dev/null "$site/api/v1/cartograms/$key/cartogram.svg" || fail "the world cartogram's SVG cannot be downloaded"

# README's recipe, word for word, after its run command: the output is the hash alone, ready to paste.
recipe=$(sed -n "s/^\(echo 'the admin password' | dotnet run .* hash-password\)$/\1/p" "$work/gocart/README.md")
[ -n "$recipe" ] || fail "README.md has no admin-password recipe of the expected form"
hash=$(cd "$work/gocart" && bash -c "$recipe" 2> "$work/hash.err") || fail "the admin-password recipe failed: $(cat "$work/hash.err")"
echo "$hash" | grep -qxE 'pbkdf2-sha256\$[0-9]+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+' \
  || fail "the admin-password recipe printed more than the hash: $hash"
echo "fresh clone: README's admin-password recipe prints the hash alone"
echo "fresh clone: OK"
