using BriefingBot.Discord;
using BriefingBot.Scheduling;
using BriefingBot.Teams;

namespace BriefingBot.Hosting;

/// <summary>
/// Builds the <c>serve</c> host: one generic host with the Discord and Teams endpoints, the scheduler, the corpus
/// watcher and health checks. Tests build the same host, with <paramref name="configure"/> overriding settings.
/// </summary>
public static class BotHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Configuration.AddBriefingBotConfiguration(args);
        builder.WebHost.UseUrls(builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://127.0.0.1:5080");
        configure?.Invoke(builder);

        // The briefing core: corpus, index, answers. One instance, shared by every front end.
        builder.Services.AddBriefingCore(builder.Configuration);
        // Every reindex (chat, watcher, start-up) goes through one path that also reschedules reminders.
        builder.Services.AddSingleton<AdminReindexer>();
        // /healthz (process up) and /readyz (index open, scheduler running, job store reachable).
        builder.Services.AddBriefingHealthChecks();
        // Metrics (questions, latency, posts, reindexes) over OpenTelemetry; OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
        builder.Services.AddBriefingTelemetry(builder.Configuration);
        // Build or refresh the index at start, then follow the corpus folder.
        builder.Services.AddHostedService<IndexWarmup>();
        builder.Services.AddHostedService<CorpusWatcher>();
        // Reminders and digests: Quartz on the persistent job store, delivery ledger, subscriptions.
        builder.Services.AddScheduling(builder.Configuration);
        // Discord: signed interactions endpoint, deferred answers, channel posts (off without Discord settings).
        builder.Services.AddDiscord(builder.Configuration);
        // Teams: Bot Framework activities with JWT validation, Adaptive Cards, proactive posts (off without Teams settings).
        builder.Services.AddTeams(builder.Configuration);

        var app = builder.Build();
        // Every setting checked before a port or a store is opened, all wrong ones named at once.
        try
        {
            SettingsValidation.ThrowIfInvalid(app.Services);
        }
        catch
        {
            ((IHost)app).Dispose();
            throw;
        }
        app.MapHealth();
        app.MapDiscord();
        app.MapTeams();
        return app;
    }
}
