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
        // /healthz and /readyz; /readyz waits for the index.
        builder.Services.AddBriefingHealthChecks();
        // Build or refresh the index at start, then follow the corpus folder.
        builder.Services.AddHostedService<IndexWarmup>();
        builder.Services.AddHostedService<CorpusWatcher>();

        var app = builder.Build();
        app.MapHealth();
        return app;
    }
}
