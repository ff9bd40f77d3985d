# syntax=docker/dockerfile:1
# The GoCart site image: built with the .NET SDK, run on the chiseled ASP.NET runtime (no shell, no package
# manager, non-root). Build from the repository root:
#   docker build -f docker/site.Dockerfile -t registry.example.org/gocart/site:TAG .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that the package layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY GoCart.Lambda/GoCart.Lambda.csproj GoCart.Lambda/
COPY GoCart.Site/GoCart.Site.csproj GoCart.Site/
RUN dotnet restore GoCart.Site/GoCart.Site.csproj -r linux-x64
COPY GoCart.Lambda/ GoCart.Lambda/
COPY GoCart.Site/ GoCart.Site/
RUN dotnet publish GoCart.Site/GoCart.Site.csproj -c Release -r linux-x64 --self-contained false --no-restore \
      -p:ContinuousIntegrationBuild=true -o /out \
    && mkdir /data

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /out ./
# The data folder (data-protection keys) is a volume in production.yml, owned by the image's non-root user.
COPY --from=build --chown=$APP_UID:$APP_UID /data /var/lib/gocart
ENV ASPNETCORE_URLS=http://+:5000 \
    ASPNETCORE_HTTP_PORTS= \
    ASPNETCORE_ENVIRONMENT=Production \
    CARTOGRAM_DATA_DIR=/var/lib/gocart
USER $APP_UID
EXPOSE 5000
# The image has no curl or wget: the site itself probes /health/live (see HealthProbe.cs).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["dotnet", "GoCart.Site.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "GoCart.Site.dll"]
