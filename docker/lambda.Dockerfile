# syntax=docker/dockerfile:1
# Builds the engine's AWS Lambda package (a Native AOT `bootstrap` in a zip) with scripts/package-lambda.sh,
# in a fixed SDK image, and exports only the zip. From the repository root:
#   docker build -f docker/lambda.Dockerfile --output type=local,dest=artifacts .
# gives artifacts/gocart-lambda.zip for `aws lambda update-function-code --zip-file fileb://...`.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Native AOT links with clang and zlib; zip packs; objdump checks the glibc the binary needs.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clang zlib1g-dev zip binutils \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY GoCart.Lambda/ GoCart.Lambda/
COPY scripts/package-lambda.sh scripts/
RUN scripts/package-lambda.sh /out/gocart-lambda.zip

FROM scratch AS zip
COPY --from=build /out/gocart-lambda.zip /
