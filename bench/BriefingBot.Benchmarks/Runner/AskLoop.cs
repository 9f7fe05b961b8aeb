using System.Diagnostics;
using BriefingBot.Briefing;
using BriefingBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>
/// Asks a question file's questions over an already-built index in a loop for a while: a steady workload to attach
/// <c>dotnet-trace</c> or <c>dotnet-counters</c> to (<c>profile-ask</c>).
/// </summary>
public static class AskLoop
{
    public static async Task RunAsync(string corpus, string index, string questionsFile, TimeSpan duration)
    {
        await using var provider = Services(corpus, index);
        var briefing = provider.GetRequiredService<BriefingService>();
        await briefing.EnsureIndexAsync();
        var questions = BenchQuestion.Load(questionsFile);
        var clock = Stopwatch.StartNew();
        var asked = 0;
        while (clock.Elapsed < duration)
            foreach (var q in questions)
            {
                briefing.Ask(q.Text);
                asked++;
            }
        Console.WriteLine($"{asked} questions in {clock.Elapsed.TotalSeconds:F1}s");
    }

    /// <summary>The briefing core wired as the CLI wires it (no log output), over <paramref name="corpus"/> and <paramref name="index"/>.</summary>
    public static ServiceProvider Services(string corpus, string index)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BriefingBot:Corpus"] = corpus,
            ["BriefingBot:Index"] = index,
        }).Build();
        return new ServiceCollection().AddLogging().AddBriefingCore(configuration).BuildServiceProvider();
    }
}
