using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BriefingBot.Briefing;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Hosting;

/// <summary>Questions keep being answered, verbatim and whole, while articles land and the index is rebuilt.</summary>
public sealed partial class ReindexUnderLoadTests : IDisposable
{
    private static readonly string[] Questions =
        ["What did Wu Xinbo say?", "soybean purchases", "Who called the truce fragile?", "tariff truce expires", "What did Mira Tandy say?"];

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ConcurrentQuestions_DuringRepeatedReindexes_AllSucceed_AndSwitchToTheNewArticles()
    {
        var corpus = RepositoryPaths.CopyCorpusTo(folder.Combine("corpus"));
        var settings = TestBot.Settings(folder, corpus);
        settings["BriefingBot:WatchCorpus"] = "false";
        settings["Logging:LogLevel:Default"] = "Warning";
        await using var bot = await TestBot.StartAsync(settings);
        var readiness = bot.Services.GetRequiredService<IndexReadiness>();
        await TestBot.Eventually(() => readiness.IsReady, "the index built at start");
        var briefing = bot.Services.GetRequiredService<BriefingService>();
        var reindexer = bot.Services.GetRequiredService<AdminReindexer>();
        var failures = new ConcurrentQueue<string>();
        var answered = 0;

        using var stop = new CancellationTokenSource();
        var askers = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            for (var i = n; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var answer = briefing.Ask(Questions[i % Questions.Length]);
                    foreach (var item in answer.Results.Where(r => !IsVerbatim(corpus, r)))
                        failures.Enqueue($"not verbatim in {item.Article.File}: {item.Quote}");
                    Interlocked.Increment(ref answered);
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.ToString());
                }
                await Task.Yield();
            }
        })).ToList();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (commodity, n) in new[] { ("cobalt", 1), ("tungsten", 2), ("gallium", 3) })
        {
            OpsArticles.Write(corpus, $"30{n}_{commodity}", today, (commodity, today.AddDays(30 + n)));
            var before = Volatile.Read(ref answered);
            var rebuild = reindexer.RunAsync();
            await TestBot.Eventually(() => Volatile.Read(ref answered) >= before + 4, "questions answered since the rebuild began");
            var result = await rebuild;
            Assert.Single(result.Report.ArticlesAdded);
            // The very next question is answered from the new generation.
            Assert.Contains(briefing.Ask($"{commodity} export quota").Results, r => r.Quote.Contains($"The {commodity} export quota expires"));
        }
        await stop.CancelAsync();
        await Task.WhenAll(askers);

        Assert.Empty(failures);
        Assert.Equal(8, briefing.Catalog.Articles.Count);
    }

    /// <summary>The quote occurs in its article's file, whitespace aside: nothing half-switched or invented.</summary>
    private static bool IsVerbatim(string corpus, AnswerItem item)
    {
        var path = Path.Combine(corpus, item.Article.File);
        return File.Exists(path) && Squeeze(File.ReadAllText(path)).Contains(Squeeze(item.Quote), StringComparison.Ordinal);
    }

    private static string Squeeze(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
