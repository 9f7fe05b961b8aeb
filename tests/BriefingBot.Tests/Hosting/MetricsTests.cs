using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using BriefingBot.Briefing;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Hosting;

/// <summary>The bot's measurements on the <c>BriefingBot</c> meter, recorded by the running host, and exported over OTLP.</summary>
public sealed class MetricsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Questions_AreCountedByIntent_WithTheirLatency()
    {
        await using var bot = await StartReadyAsync(TestBot.Settings(folder));
        var meters = bot.Services.GetRequiredService<IMeterFactory>();
        using var questions = new MetricCollector<long>(meters, BriefingMetrics.MeterName, "briefingbot.questions");
        using var latency = new MetricCollector<double>(meters, BriefingMetrics.MeterName, "briefingbot.answer.duration");
        var briefing = bot.Services.GetRequiredService<BriefingService>();

        briefing.Ask("What did Wu Xinbo say?");
        briefing.Ask("soybean purchases");
        briefing.Ask("   ");

        Assert.Equal(["speaker", "passages", "empty"], questions.GetMeasurementSnapshot().Select(m => (string)m.Tags["intent"]!));
        Assert.Equal([true, true, false], questions.GetMeasurementSnapshot().Select(m => (bool)m.Tags["found"]!));
        Assert.Equal(3, latency.GetMeasurementSnapshot().Count);
        Assert.All(latency.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));
    }

    [Fact]
    public async Task ScheduledPosts_AreCountedSentOrFailed_ByKindAndPlatform()
    {
        await using var bot = await StartReadyAsync(TestBot.Settings(folder));
        var meters = bot.Services.GetRequiredService<IMeterFactory>();
        using var sent = new MetricCollector<long>(meters, BriefingMetrics.MeterName, "briefingbot.posts.sent");
        using var failed = new MetricCollector<long>(meters, BriefingMetrics.MeterName, "briefingbot.posts.failed");
        var router = bot.Services.GetRequiredService<ChannelPosterRouter>();
        var reminder = new ReminderPost(bot.Services.GetRequiredService<BriefingService>().Timeline()[0], TimeSpan.FromDays(1));

        await router.PostAsync(new ChannelAddress("log", "ops"), reminder, default);
        // Discord is not configured in this host: a permanent failure for that channel.
        await router.PostAsync(new ChannelAddress("discord", "123"), reminder, default);

        var delivered = Assert.Single(sent.GetMeasurementSnapshot());
        Assert.Equal(("reminder", "log"), ((string)delivered.Tags["kind"]!, (string)delivered.Tags["platform"]!));
        var refused = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal(("discord", "permanent"), ((string)refused.Tags["platform"]!, (string)refused.Tags["failure"]!));
    }

    [Fact]
    public async Task Reindexes_AreTimed_WithTheirOutcome()
    {
        var corpus = RepositoryPaths.CopyCorpusTo(folder.Combine("corpus"));
        await using var bot = await StartReadyAsync(TestBot.Settings(folder, corpus));
        using var reindexes = new MetricCollector<double>(
            bot.Services.GetRequiredService<IMeterFactory>(), BriefingMetrics.MeterName, "briefingbot.reindex.duration");
        var reindexer = bot.Services.GetRequiredService<AdminReindexer>();

        await reindexer.RunAsync();
        Directory.Delete(corpus, recursive: true);
        await Assert.ThrowsAnyAsync<Exception>(() => reindexer.RunAsync());

        Assert.Equal(["ok", "failed"], reindexes.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!));
        Assert.All(reindexes.GetMeasurementSnapshot(), m => Assert.True(m.Value > 0));
    }

    [Fact]
    public async Task Metrics_AreExportedOverOtlp_WhenTheEndpointIsSet()
    {
        await using var collector = await OtlpCollector.StartAsync();
        var settings = TestBot.Settings(folder);
        settings[TelemetryExtensions.OtlpEndpointVariable] = collector.Endpoint;
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
        await using var bot = await StartReadyAsync(settings);

        bot.Services.GetRequiredService<BriefingService>().Ask("What did Wu Xinbo say?");

        await TestBot.Eventually(() => collector.Received("briefingbot.questions"), "an OTLP export naming briefingbot.questions");
        Assert.Contains(collector.Paths, p => p == "/v1/metrics");
    }

    private static async Task<WebApplication> StartReadyAsync(Dictionary<string, string?> settings)
    {
        var bot = await TestBot.StartAsync(settings);
        var readiness = bot.Services.GetRequiredService<IndexReadiness>();
        await TestBot.Eventually(() => readiness.IsReady, "the index built at start");
        return bot;
    }

    /// <summary>An OTLP/HTTP collector on 127.0.0.1 that keeps the raw protobuf bodies it receives.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly ConcurrentQueue<(string Path, byte[] Body)> exports = new();

        private OtlpCollector(WebApplication app) => this.app = app;

        public string Endpoint => app.Urls.Single();

        public IEnumerable<string> Paths => exports.Select(e => e.Path);

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new OtlpCollector(app);
            app.Run(async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector.exports.Enqueue((context.Request.Path.Value ?? "", body.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return collector;
        }

        /// <summary>True once an export carried <paramref name="name"/> (protobuf keeps strings as UTF-8).</summary>
        public bool Received(string name)
        {
            var needle = Encoding.UTF8.GetBytes(name);
            return exports.Any(e => e.Body.AsSpan().IndexOf(needle) >= 0);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
