using System.Diagnostics.Metrics;
using BriefingBot.Briefing;
using BriefingBot.Cli;
using BriefingBot.Delivery;
using BriefingBot.Hosting;
using BriefingBot.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace BriefingBot.Tests.Hosting;

/// <summary>Reindexing from the command line and from the corpus watcher, against a running bot.</summary>
public sealed class AdminReindexTests : IDisposable
{
    private static readonly ChannelAddress Channel = new("log", "ops");
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task IndexVerb_AgainstARunningBot_ReportsTheDiffAndTheRescheduling_AndTheBotAnswersFromTheNewIndex()
    {
        var corpus = RepositoryPaths.CopyCorpusTo(folder.Combine("corpus"));
        var settings = TestBot.Settings(folder, corpus);
        settings["BriefingBot:WatchCorpus"] = "false"; // only the command line reindexes here
        await using var bot = await StartReadyAsync(settings);
        // Subscribed at runtime, as /subscribe does: kept in the job store the command line shares.
        await bot.Services.GetRequiredService<ISubscriptionStore>().SubscribeAsync(new Subscription(Channel, Reminders: true, Digest: false));
        var today = Today(bot);
        OpsArticles.Write(corpus, "010_cobalt", today, ("cobalt", today.AddDays(20)), ("tungsten", today.AddDays(30)));

        var output = new StringWriter();
        var code = await CliApp.RunAsync(
            ["index", "--corpus", corpus, "--index", settings["BriefingBot:Index"]!, "--data", settings["BriefingBot:Data"]!], output, new StringWriter());

        Assert.Equal(CliApp.Ok, code);
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Matches(@"^indexed 6 articles, \d+ passages, \d+ quotations, \d+ milestones in \d+\.\d\ds$", lines[0]);
        Assert.Contains("articles: 1 added, 0 removed, 0 changed", lines);
        Assert.Contains(lines, l => l.StartsWith("  + 010_cobalt.md"));
        Assert.Contains("quotations: 1 added", lines);
        Assert.Contains("milestones: 2 added, 0 moved, 0 removed", lines);
        Assert.Contains(lines, l => l.StartsWith($"  + {today.AddDays(20):yyyy-MM-dd}") && l.Contains("cobalt"));
        // Three lead times (7 days, 1 day, the day) for each new deadline, into the one subscribed channel.
        Assert.Contains("reminders: 6 added, 0 removed, 0 moved", lines);

        // The running bot never reindexed: it answers from the generation the command line built, and its
        // scheduler holds the reminders the command line planned.
        var answer = bot.Services.GetRequiredService<BriefingService>().Ask("What did Mira Tandy say?");
        Assert.Contains(answer.Results, r => r.Quote.Contains("We will not extend the cobalt quota again"));
        var planned = await bot.Services.GetRequiredService<ReminderCatalog>().ListAsync(default);
        Assert.Equal(6, planned.Count(p => p.Kind == "reminder" && p.Channel == Channel.ToString()));
    }

    [Fact]
    public async Task CorpusWatcher_ReindexesOnce_AfterABurstOfNewArticles_AndReschedules()
    {
        var corpus = RepositoryPaths.CopyCorpusTo(folder.Combine("corpus"));
        await using var bot = await StartReadyAsync(TestBot.Settings(folder, corpus));
        await bot.Services.GetRequiredService<ISubscriptionStore>().SubscribeAsync(new Subscription(Channel, Reminders: true, Digest: false));
        using var reindexes = new MetricCollector<double>(bot.Services.GetRequiredService<IMeterFactory>(), BriefingMetrics.MeterName, "briefingbot.reindex.duration");
        var today = Today(bot);

        foreach (var (commodity, days) in new[] { ("cobalt", 20), ("tungsten", 30), ("gallium", 40) })
            OpsArticles.Write(corpus, $"02{days}_{commodity}", today, (commodity, today.AddDays(days)));

        var catalog = bot.Services.GetRequiredService<ReminderCatalog>();
        await TestBot.Eventually(async () => (await catalog.ListAsync(default)).Count(p => p.Channel == Channel.ToString()) == 9,
            "the three new deadlines' reminders", TimeSpan.FromSeconds(60));
        Assert.Single(reindexes.GetMeasurementSnapshot());
        var answer = bot.Services.GetRequiredService<BriefingService>().Ask("gallium export quota");
        Assert.Contains(answer.Results, r => r.Quote.Contains("gallium export quota expires"));
    }

    private static async Task<WebApplication> StartReadyAsync(Dictionary<string, string?> settings)
    {
        var bot = await TestBot.StartAsync(settings);
        var readiness = bot.Services.GetRequiredService<IndexReadiness>();
        await TestBot.Eventually(() => readiness.IsReady, "the index built at start");
        return bot;
    }

    private static DateOnly Today(WebApplication bot) =>
        bot.Services.GetRequiredService<SchedulePolicy>().LocalDate(bot.Services.GetRequiredService<TimeProvider>().GetUtcNow());
}
