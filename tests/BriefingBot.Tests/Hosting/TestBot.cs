using BriefingBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Hosting;

/// <summary>The real <c>serve</c> host (<see cref="BotHost.Build"/>) on 127.0.0.1 with a free port, state in a temp folder.</summary>
internal static class TestBot
{
    /// <summary>Corpus, index and data folders, and every log category at its most verbose.</summary>
    public static Dictionary<string, string?> Settings(TempFolder folder, string? corpus = null) => new()
    {
        ["BriefingBot:Corpus"] = corpus ?? RepositoryPaths.Corpus,
        ["BriefingBot:Index"] = folder.Combine("index"),
        ["BriefingBot:Data"] = folder.Combine("data"),
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Quartz"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
    };

    /// <summary>Built, not started; <paramref name="settings"/> override every other source.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, ILoggerProvider? logs = null) =>
        BotHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace);
            if (logs is not null) builder.Logging.AddProvider(logs);
        });

    public static async Task<WebApplication> StartAsync(IDictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var app = Build(settings, logs);
        await app.StartAsync();
        return app;
    }

    /// <summary>Waits, within <paramref name="patience"/> (default 30 s), until <paramref name="condition"/> holds.</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    public static Task Eventually(Func<bool> condition, string what, TimeSpan? patience = null) =>
        Eventually(() => Task.FromResult(condition()), what, patience);
}
