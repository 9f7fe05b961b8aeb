using BriefingBot.Briefing;
using BriefingBot.Scheduling;

namespace BriefingBot.Hosting;

/// <summary>
/// Builds the <c>serve</c> host: one generic host with the Discord and Teams endpoints, the scheduler and
/// health checks. Tests build the same host with <paramref name="configure"/> overriding settings.
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
        builder.Services.AddHealthChecks();
        builder.Services.AddSingleton<AdminReindexer>();
        // Reminders and digests: Quartz on the persistent job store, the delivery ledger, subscriptions.
        builder.Services.AddScheduling(builder.Configuration);

        var app = builder.Build();
        app.MapHealth();
        return app;
    }
}
