# GeoHandhaving API + the geoh CLI in one image (for docker-compose.yml; the README's run.sh needs no Docker).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/GeoHandhaving.Api/GeoHandhaving.Api.csproj -c Release -o /app/api \
 && dotnet publish src/GeoHandhaving.Cli/GeoHandhaving.Cli.csproj -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/api ./api
COPY --from=build /app/cli ./cli
COPY data ./data
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
# Migrate, load the demo gemeente (idempotent), then serve from the API's own folder: its content root, where
# appsettings.json and wwwroot (the map page) are found.
ENTRYPOINT ["/bin/sh", "-c", "cd /app && dotnet cli/geoh.dll db migrate && dotnet cli/geoh.dll import demo --folder data/demo && cd api && exec dotnet GeoHandhaving.Api.dll"]
