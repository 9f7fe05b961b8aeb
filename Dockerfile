# syntax=docker/dockerfile:1
# Multi-stage: build with the SDK, run on the ASP.NET runtime image as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props BriefingBot.sln ./
COPY src/BriefingBot.Core/BriefingBot.Core.csproj src/BriefingBot.Core/
COPY src/BriefingBot/BriefingBot.csproj src/BriefingBot/
RUN dotnet restore src/BriefingBot/BriefingBot.csproj
COPY src/ src/
COPY config/ config/
RUN dotnet publish src/BriefingBot/BriefingBot.csproj -c Release -o /app --no-restore -p:PublishReadyToRun=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY corpus/ /app/corpus/
# State (index, job store, ledger, subscriptions) lives on a volume; the corpus can be mounted over /app/corpus.
RUN mkdir -p /data && chown -R app:app /data /app/corpus
USER app
VOLUME ["/data"]
ENV BriefingBot__Corpus=/app/corpus \
    BriefingBot__Index=/data/index \
    BriefingBot__Data=/data \
    ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "BriefingBot.dll"]
CMD ["serve"]
