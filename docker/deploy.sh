#!/usr/bin/env bash
# Deploys one GoCart site image on the production server, and rolls back if it does not become healthy:
#   docker/deploy.sh registry.example.org/gocart/site:TAG
# Steps: pull the image, apply database migrations with it (`migrate`), replace the running site
# (`up -d`), wait until the container reports healthy, and remember the image in .deployed-image. When the
# new image is not healthy in time, the image remembered from the last good deploy is started again and
# the script fails. Running it twice with the same image changes nothing the second time.
# Works in the folder that holds production.yml and the two env files: GOCART_DEPLOY_DIR, or the checkout
# this script belongs to. GOCART_HEALTH_TIMEOUT (seconds, default 180) bounds each wait.
set -euo pipefail

# The tag is whatever follows the last colon after the last slash (a registry may have a port).
if [ $# -ne 1 ] || [[ "${1##*/}" != *:* ]]; then
  echo "usage: $0 IMAGE:TAG   (for example registry.example.org/gocart/site:3f2c1e0)" >&2
  exit 2
fi
image=$1
deploy_dir=${GOCART_DEPLOY_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
health_timeout=${GOCART_HEALTH_TIMEOUT:-180}
state_file=.deployed-image

cd "$deploy_dir"
for file in production.yml web-production.env postgres-production.env; do
  if [ ! -f "$file" ]; then
    echo "deploy: $deploy_dir/$file is missing; docs/deploy.md says how to create it." >&2
    exit 1
  fi
done
if grep -l 'CHANGE_ME' web-production.env postgres-production.env > /dev/null; then
  echo "deploy: $(grep -l 'CHANGE_ME' web-production.env postgres-production.env | tr '\n' ' ')still hold CHANGE_ME values; fill them in first." >&2
  exit 1
fi

if docker compose version > /dev/null 2>&1; then
  compose=(docker compose -f production.yml)
elif command -v docker-compose > /dev/null; then
  compose=(docker-compose -f production.yml)
else
  echo "deploy: neither 'docker compose' nor 'docker-compose' is installed." >&2
  exit 1
fi

# One deploy at a time: a second one (a quick second push) waits for the first.
exec 9> .deploy.lock
flock 9

log() { echo "deploy: $*"; }

with_image() {
  local run_image=$1
  shift
  GOCART_IMAGE=$run_image "${compose[@]}" "$@"
}

# Healthy when every web container (one per replica, GOCART_WEB_REPLICAS) runs the wanted image and Docker's
# HEALTHCHECK says so.
wait_healthy() {
  local wanted=$1 containers container state healthy
  local deadline=$((SECONDS + health_timeout))
  while [ "$SECONDS" -lt "$deadline" ]; do
    containers=$(with_image "$wanted" ps -q web 2> /dev/null || true)
    if [ -n "$containers" ]; then
      healthy=true
      for container in $containers; do
        state=$(docker inspect --format '{{.Config.Image}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$container" 2> /dev/null || true)
        [ "$state" = "$wanted healthy" ] || healthy=false
      done
      if [ "$healthy" = true ]; then
        return 0
      fi
    fi
    sleep 3
  done
  log "$wanted is not healthy after ${health_timeout}s (last state: ${state:-no container})"
  return 1
}

previous=""
if [ -f "$state_file" ]; then
  previous=$(cat "$state_file")
fi

log "pulling $image"
with_image "$image" pull web
log "applying database migrations with $image"
with_image "$image" run --rm web migrate
log "starting $image"
with_image "$image" up -d --remove-orphans

if wait_healthy "$image"; then
  printf '%s\n' "$image" > "$state_file.tmp"
  mv "$state_file.tmp" "$state_file"
  log "$image is live"
  exit 0
fi

with_image "$image" logs --tail 50 web >&2 || true
if [ -z "$previous" ] || [ "$previous" = "$image" ]; then
  log "no earlier healthy image to roll back to; the site is down until a fixed image is deployed" >&2
  exit 1
fi

log "rolling back to $previous"
with_image "$previous" up -d --remove-orphans
if wait_healthy "$previous"; then
  log "rolled back: $previous is live again; $image was not deployed" >&2
else
  log "rollback to $previous is not healthy either; look at 'docker compose -f production.yml logs web'" >&2
fi
exit 1
