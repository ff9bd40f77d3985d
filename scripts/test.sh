#!/usr/bin/env bash
# Runs every test in the solution against real PostgreSQL and Redis servers, started here on free loopback
# ports with throw-away data directories, and prints "N passed, N failed[, N skipped]" as the last line.
# Extra arguments go to `dotnet test` (for example --filter FullyQualifiedName~Site).
# Installs the servers from Debian/Ubuntu packages when they are missing. Fails loudly if a server cannot start.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

need_packages=()
compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" > /dev/null || need_packages+=(postgresql)
command -v redis-server > /dev/null || need_packages+=(redis-server)
# The browser test drives the distribution's Chromium.
[ -x /usr/lib/chromium/chromium ] || need_packages+=(chromium)
# The deployment tests check the real tools' verdicts and run the production-like stack.
command -v docker-compose > /dev/null || need_packages+=(docker-compose)
command -v nginx > /dev/null || need_packages+=(nginx)
command -v shellcheck > /dev/null || need_packages+=(shellcheck)
command -v yamllint > /dev/null || need_packages+=(yamllint)
command -v aiosmtpd > /dev/null || need_packages+=(python3-aiosmtpd)
command -v openssl > /dev/null || need_packages+=(openssl)
command -v curl > /dev/null || need_packages+=(curl)
# The public boundary files (world-atlas, us-atlas) come from the npm registry.
command -v npm > /dev/null || need_packages+=(npm)
# scripts/starter-maps.sh (which a test runs) names countries by ISO 3166-1 codes from this table.
[ -f /usr/share/iso-codes/json/iso_3166-1.json ] || need_packages+=(iso-codes)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]}..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" > /dev/null
fi

pg_bin=$(dirname "$(compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" | sort -V | tail -n 1)")
redis_server=$(command -v redis-server)

work=$(mktemp -d /tmp/gocart-tests.XXXXXX)
chmod 755 "$work"
pg_data="$work/postgres"
pg_socket="$work/socket"
redis_dir="$work/redis"
results="$work/results"
mkdir -p "$pg_socket" "$redis_dir" "$results"

# PostgreSQL refuses to run as root: run it as the postgres user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  id postgres > /dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
  chown postgres "$pg_socket"
  run_pg=(runuser -u postgres --)
else
  run_pg=()
fi

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

pg_port=$(free_port)
redis_port=$(free_port)

cleanup() {
  set +e
  if [ -f "$pg_data/postmaster.pid" ]; then
    "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop > /dev/null 2>&1
  fi
  if [ -f "$redis_dir/redis.pid" ]; then
    redis_pid=$(cat "$redis_dir/redis.pid")
    kill "$redis_pid" 2> /dev/null
    for _ in $(seq 1 50); do
      kill -0 "$redis_pid" 2> /dev/null || break
      sleep 0.1
    done
  fi
  rm -rf "$work" 2> /dev/null
}
trap cleanup EXIT INT TERM

echo "Starting PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port..."
mkdir -p "$pg_data"
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_data"
"${run_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --no-locale > "$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; echo "PostgreSQL initdb failed" >&2; exit 1; }
"${run_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_socket/postgres.log" -w -t 30 \
  -o "-p $pg_port -k $pg_socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start > /dev/null \
  || { cat "$pg_socket/postgres.log" >&2; echo "PostgreSQL did not start" >&2; exit 1; }

"$redis_server" --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --dir "$redis_dir" \
  --pidfile "$redis_dir/redis.pid" --daemonize yes --logfile "$redis_dir/redis.log"
for _ in $(seq 1 50); do
  redis-cli -h 127.0.0.1 -p "$redis_port" ping 2> /dev/null | grep -q PONG && break
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$redis_port" ping 2> /dev/null | grep -q PONG \
  || { cat "$redis_dir/redis.log" >&2; echo "Redis did not start" >&2; exit 1; }
"$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port" > /dev/null \
  || { echo "PostgreSQL does not answer" >&2; exit 1; }

export GOCART_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"
export GOCART_TEST_REDIS="127.0.0.1:$redis_port"
export GOCART_TEST_REDIS_SERVER="$redis_server"
# Tests that restart PostgreSQL run their own server with these binaries (initdb, pg_ctl).
export GOCART_TEST_POSTGRES_BIN="$pg_bin"
# Screenshots of the browser test land here (kept after the run).
export GOCART_TEST_ARTIFACTS="$root/artifacts/test-screenshots"
# Boundary files nobody here wrote: world-atlas and us-atlas as TopoJSON, GeoJSON and zipped shapefiles.
echo "Installing the public boundary files (world-atlas, us-atlas)..."
GOCART_TEST_PUBLIC_MAPS=$("$root/scripts/public-maps.sh")
export GOCART_TEST_PUBLIC_MAPS
# go-cart.io's map library, read in place (never copied into the repository): CARTOGRAM_MAPS_DIR when set, else
# the shared maps folder beside the repository. The site instances the tests start read it too. Without it (a fresh
# clone, CI without the library) the sites run on the starter library and the tests that read go-cart.io's maps
# are skipped, each with the reason.
if [ -z "${CARTOGRAM_MAPS_DIR:-}" ] && [ ! -d "$root/../shared/maps" ]; then
  echo "go-cart.io's map library is not beside the repository and CARTOGRAM_MAPS_DIR is not set: running on the starter library; the tests that need go-cart.io's maps are skipped (docs/maps.md says how to obtain them)." >&2
  CARTOGRAM_MAPS_DIR=
else
  CARTOGRAM_MAPS_DIR=${CARTOGRAM_MAPS_DIR:-"$root/../shared/maps"}
  first_maps_dir=${CARTOGRAM_MAPS_DIR%%:*}
  [ -d "$first_maps_dir" ] \
    || { echo "The map library '$first_maps_dir' is missing: set CARTOGRAM_MAPS_DIR to go-cart.io's maps (docs/maps.md)" >&2; exit 1; }
  CARTOGRAM_MAPS_DIR=$(cd "$first_maps_dir" && pwd)${CARTOGRAM_MAPS_DIR#"$first_maps_dir"}
fi
export CARTOGRAM_MAPS_DIR
# The many site instances the tests start do not each compute the whole library; the warm-up tests turn it on.
export CARTOGRAM_WARM_UP=false
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

status=0
dotnet test "$root/GoCart.sln" -c Release --logger "trx;LogFilePrefix=gocart" --results-directory "$results" "$@" || status=$?

passed=0
failed=0
skipped=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  run_failed=$(($(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  passed=$((passed + $(value passed)))
  failed=$((failed + run_failed))
  # Skipped tests are counted in total but in neither passed nor failed.
  skipped=$((skipped + $(value total) - $(value passed) - run_failed))
done

# Name the failed tests (the console output above has their messages).
for trx in "${trx_files[@]}"; do
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | grep -o 'testName="[^"]*"' | sed 's/^testName=/FAILED: /' || true
done

if [ ${#trx_files[@]} -eq 0 ]; then
  echo "No test results were written: the build or the test run broke." >&2
  status=1
fi

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
# Stop the servers before the last line, so nothing they print can follow it.
cleanup
trap - EXIT INT TERM
echo "$line"
if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ]; then
  exit 1
fi
