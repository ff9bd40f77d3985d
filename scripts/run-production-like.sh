#!/usr/bin/env bash
# Runs the site wired as in production, all on loopback with throw-away data: PostgreSQL, Redis, `gocart
# serve` standing in for API Gateway + the Lambda (with signed progress posts back to the site), and an SMTP
# sink that prints every mail. Prints the addresses and runs until Ctrl-C, then stops everything.
# Usage: scripts/run-production-like.sh [--check] [--no-build]
#   --check     start everything, make one cartogram through the JSON API, verify that `gocart serve`
#               computed it, then stop and exit 0 (or 1, saying what failed)
#   --no-build  use the Release build already in the bin folders
set -euo pipefail

check=false
build=true
for arg in "$@"; do
  case "$arg" in
    --check) check=true ;;
    --no-build) build=false ;;
    *) echo "usage: $0 [--check] [--no-build]" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
root=$(pwd)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

need_packages=()
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null || need_packages+=(postgresql)
command -v redis-server > /dev/null || need_packages+=(redis-server)
command -v aiosmtpd > /dev/null || need_packages+=(python3-aiosmtpd)
command -v curl > /dev/null || need_packages+=(curl)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]}..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" > /dev/null
fi
pg_bin=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" | sort -V | tail -n 1)")

if [ "$build" = true ]; then
  echo "Building the site and the engine (Release)..."
  dotnet build "$root/GoCart.Site/GoCart.Site.csproj" -c Release -v quiet -nologo > /dev/null
fi
gocart_dll="$root/GoCart.Lambda/bin/Release/net10.0/gocart.dll"
for file in "$root/GoCart.Site/bin/Release/net10.0/GoCart.Site.dll" "$gocart_dll"; do
  [ -f "$file" ] || { echo "$file is missing: run without --no-build" >&2; exit 1; }
done

work=$(mktemp -d /tmp/gocart-production-like.XXXXXX)
chmod 755 "$work"
pids=()

# The site runs as the image runs it: from its publish output (static assets, the starter maps) in Production.
site_dir="$work/site"
dotnet publish "$root/GoCart.Site/GoCart.Site.csproj" -c Release --no-build -o "$site_dir" -v quiet -nologo > "$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; echo "publishing the site failed" >&2; rm -rf "$work"; exit 1; }

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

wait_for_port() {
  local port=$1 name=$2 log=$3
  for _ in $(seq 1 300); do
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      return 0
    fi
    sleep 0.1
  done
  cat "$log" >&2
  echo "$name did not start listening on 127.0.0.1:$port" >&2
  exit 1
}

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  id postgres > /dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  run_pg=(runuser -u postgres --)
else
  run_pg=()
fi

cleanup() {
  set +e
  for pid in "${pids[@]}"; do
    kill "$pid" 2> /dev/null
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2> /dev/null
  done
  if [ -f "$work/postgres/postmaster.pid" ]; then
    "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$work/postgres" -m fast stop > /dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_port=$(free_port)
redis_port=$(free_port)
smtp_port=$(free_port)
serve_port=$(free_port)
site_port=$(free_port)
api_key="local-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
progress_secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"

mkdir -p "$work/postgres" "$work/redis" "$work/site-data"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/postgres"
"${run_pg[@]}" "$pg_bin/initdb" -D "$work/postgres" -U postgres --auth=trust --encoding=UTF8 --no-locale > "$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; echo "PostgreSQL initdb failed" >&2; exit 1; }
"${run_pg[@]}" "$pg_bin/pg_ctl" -D "$work/postgres" -l "$work/postgres/server.log" -w -t 30 \
  -o "-p $pg_port -k $work/postgres -c listen_addresses=127.0.0.1" start > /dev/null \
  || { cat "$work/postgres/server.log" >&2; echo "PostgreSQL did not start" >&2; exit 1; }

redis-server --bind 127.0.0.1 --port "$redis_port" --appendonly yes --dir "$work/redis" > "$work/redis.log" 2>&1 &
pids+=($!)
aiosmtpd -n -l "127.0.0.1:$smtp_port" > "$work/smtp.log" 2>&1 &
pids+=($!)
CARTOGRAM_PROGRESS_URL="http://127.0.0.1:$site_port/api/progress" CARTOGRAM_PROGRESS_SECRET="$progress_secret" \
  dotnet "$gocart_dll" serve --port "$serve_port" --api-key "$api_key" > "$work/serve.log" 2>&1 &
pids+=($!)
wait_for_port "$redis_port" "Redis" "$work/redis.log"
wait_for_port "$smtp_port" "the SMTP sink" "$work/smtp.log"
wait_for_port "$serve_port" "gocart serve" "$work/serve.log"

# Production's settings, with loopback addresses; go-cart.io's library read in place (docs/maps.md).
maps_dir=${CARTOGRAM_MAPS_DIR:-$(cd "$root/../shared/maps" && pwd)}
warm_up=${CARTOGRAM_WARM_UP:-true}
(
  cd "$site_dir"
  export CARTOGRAM_MAPS_DIR="$maps_dir"
  export CARTOGRAM_WARM_UP="$warm_up"
  export ASPNETCORE_ENVIRONMENT=Production
  export ASPNETCORE_URLS="http://127.0.0.1:$site_port"
  export CARTOGRAM_DATABASE_URL="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  export CARTOGRAM_REDIS_URL="127.0.0.1:$redis_port"
  export CARTOGRAM_DATA_DIR="$work/site-data"
  export CARTOGRAM_PUBLIC_URL="http://127.0.0.1:$site_port"
  export CARTOGRAM_LAMBDA_URL="http://127.0.0.1:$serve_port/"
  export CARTOGRAM_LAMBDA_KEY="$api_key"
  export CARTOGRAM_PROGRESS_SECRET="$progress_secret"
  export CARTOGRAM_SMTP_HOST=127.0.0.1
  export CARTOGRAM_SMTP_PORT="$smtp_port"
  export CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED=FALSE
  export CARTOGRAM_SMTP_FROM_EMAIL=contactform@localhost
  export CARTOGRAM_SMTP_DESTINATION=support@localhost
  exec dotnet GoCart.Site.dll
) > "$work/site.log" 2>&1 &
site_pid=$!
pids+=("$site_pid")
site="http://127.0.0.1:$site_port"

ready=false
for _ in $(seq 1 600); do
  if curl -fs "$site/health/ready" > /dev/null 2>&1; then
    ready=true
    break
  fi
  kill -0 "$site_pid" 2> /dev/null || break
  sleep 0.2
done
if [ "$ready" != true ]; then
  tail -n 40 "$work/site.log" >&2
  echo "The site did not become ready at $site/health/ready" >&2
  exit 1
fi

cat << EOF
GoCart runs production-like on loopback:
  site         $site   (ready: $site/health/ready, metrics: $site/metrics)
  engine       http://127.0.0.1:$serve_port/   (gocart serve, x-api-key $api_key)
  PostgreSQL   127.0.0.1:$pg_port   Redis 127.0.0.1:$redis_port
  SMTP sink    127.0.0.1:$smtp_port   (mails are printed to $work/smtp.log)
  logs         $work/{site,serve,smtp}.log
EOF

if [ "$check" = false ]; then
  echo "Ctrl-C stops everything."
  wait "$site_pid" || true
  echo "The site stopped; see its last lines above." >&2
  tail -n 20 "$work/site.log" >&2
  exit 1
fi

fail() {
  echo "check failed: $*" >&2
  echo "--- site.log" >&2
  tail -n 30 "$work/site.log" >&2
  echo "--- serve.log" >&2
  tail -n 30 "$work/serve.log" >&2
  exit 1
}

created=$(curl -sS -w '\n%{http_code}' -H 'Content-Type: application/json' \
  -d '{"map":"concentric_circles","values":{"inner":1,"outer":3},"title":"production-like check"}' \
  "$site/api/v1/cartograms") || fail "POST /api/v1/cartograms did not answer"
[ "$(tail -n 1 <<< "$created")" = 202 ] || fail "POST /api/v1/cartograms answered $created"
key=$(head -n 1 <<< "$created" | grep -o '"key":"[^"]*"' | cut -d '"' -f 4)
[ -n "$key" ] || fail "no key in $(head -n 1 <<< "$created")"
echo "Submitted cartogram $key"

status=""
for _ in $(seq 1 240); do
  status=$(curl -fsS "$site/api/v1/cartograms/$key" | grep -o '"status":"[^"]*"' | cut -d '"' -f 4) || true
  case "$status" in
    succeeded | failed) break ;;
  esac
  sleep 0.5
done
[ "$status" = succeeded ] || fail "cartogram $key ended as '${status:-unknown}'"
grep -q 'gocart serve: POST answered 200' "$work/serve.log" || fail "gocart serve did not compute the cartogram"
grep -q "\"Backend\":\"AWS Lambda through http://127.0.0.1:$serve_port\"" "$work/site.log" \
  || fail "the site did not say it uses the Lambda stand-in"
grep -q '"RequestPath":"/api/progress","StatusCode":204' "$work/site.log" \
  || fail "gocart serve posted no accepted (signed) progress to the site"
# Whole answers first: grep -q stops reading early, which would fail curl in a pipeline under pipefail.
geojson=$(curl -fsS "$site/api/v1/cartograms/$key/cartogram.geojson") || fail "no GeoJSON result"
grep -q '"FeatureCollection"' <<< "$geojson" || fail "the result is not a GeoJSON FeatureCollection"
metrics=$(curl -fsS "$site/metrics") || fail "/metrics did not answer"
grep -q '^http_requests_received_total' <<< "$metrics" || fail "no request metrics at /metrics"
echo "check passed: cartogram $key succeeded, computed by gocart serve with signed progress to the site"
