#!/usr/bin/env bash
# Builds the engine as an AWS Lambda custom runtime: GoCart.Lambda published for linux-x64 with Native AOT,
# renamed `bootstrap`, zipped for `aws lambda update-function-code --zip-file fileb://...`.
# Usage: scripts/package-lambda.sh [output.zip]   (default: artifacts/gocart-lambda.zip)
set -euo pipefail

cd "$(dirname "$0")/.."
output=${1:-artifacts/gocart-lambda.zip}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Native AOT links with clang and zlib; zip packs the result.
missing=()
command -v clang > /dev/null || missing+=(clang)
[ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
command -v zip > /dev/null || missing+=(zip)
command -v objdump > /dev/null || missing+=(binutils)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
fi

publish=$(mktemp -d)
trap 'rm -rf "$publish"' EXIT
dotnet publish GoCart.Lambda/GoCart.Lambda.csproj -c Release -r linux-x64 -p:PublishAot=true \
  -p:StripSymbols=true -p:ContinuousIntegrationBuild=true -o "$publish" > /dev/null
cp "$publish/gocart" "$publish/bootstrap"
chmod 755 "$publish/bootstrap"

# provided.al2023 has glibc 2.34: refuse a binary that would fail there with "GLIBC_2.xx not found".
lambda_glibc=2.34
needed_glibc=$(objdump -T "$publish/bootstrap" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -V | tail -n 1)
if [ "$(printf '%s\n%s\n' "$needed_glibc" "$lambda_glibc" | sort -V | tail -n 1)" != "$lambda_glibc" ]; then
  echo "bootstrap needs glibc $needed_glibc but AWS Lambda's provided.al2023 has $lambda_glibc: build it on an older distribution." >&2
  exit 1
fi

mkdir -p "$(dirname "$output")"
output="$(cd "$(dirname "$output")" && pwd)/$(basename "$output")"
rm -f "$output"
# Fixed timestamps and file order make the zip reproducible for the same binary.
touch -d '2000-01-01 00:00:00' "$publish/bootstrap"
(cd "$publish" && zip -q -X -D "$output.tmp" bootstrap)
mv "$output.tmp" "$output"
size=$(stat -c %s "$output")
echo "$output: $((size / 1024)) KiB (bootstrap $(( $(stat -c %s "$publish/bootstrap") / 1024 )) KiB unpacked)"
