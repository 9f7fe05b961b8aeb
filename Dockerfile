# syntax=docker/dockerfile:1
# Multi-stage: build with the SDK, run on the ASP.NET runtime image as a non-root user.
#   docker build -t briefingbot .
#   docker run -p 8080:8080 -v briefingbot-data:/data -e Discord__BotToken=... briefingbot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that a source change does not invalidate the package layer.
COPY Directory.Build.props ./
COPY src/BriefingBot.Core/BriefingBot.Core.csproj src/BriefingBot.Core/
COPY src/BriefingBot/BriefingBot.csproj src/BriefingBot/
RUN dotnet restore src/BriefingBot/BriefingBot.csproj
COPY src/ src/
# The shipped defaults; the project links config/appsettings.json into its output.
COPY config/ config/
RUN dotnet publish src/BriefingBot/BriefingBot.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The seed corpus, read-only to the bot; mount your own over it (-v /srv/articles:/app/corpus:ro).
COPY corpus/ /app/corpus/
# State (index, SQLite job store, delivery ledger, subscriptions) lives on a volume owned by the runtime image's
# non-root user ($APP_UID, numeric so that orchestrators can verify runAsNonRoot).
RUN mkdir -p /data && chown -R "$APP_UID:$APP_UID" /data
USER $APP_UID
VOLUME ["/data"]
ENV BriefingBot__Corpus=/app/corpus \
    BriefingBot__Index=/data/index \
    BriefingBot__Data=/data \
    ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
# Liveness: GET /healthz; readiness (index open, scheduler running, job store reachable): GET /readyz.
ENTRYPOINT ["dotnet", "BriefingBot.dll"]
CMD ["serve"]
