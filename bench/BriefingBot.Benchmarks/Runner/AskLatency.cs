using System.Globalization;
using System.Text;
using System.Text.Json;
using BriefingBot.Briefing;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>
/// <c>ask-latency</c>: warm ask latency alone, over an index built once and then reused while the corpus is unchanged
/// (no indexing figures, no stage timings), for tuning a change to answering. With <c>--answers FILE</c> it also writes
/// every question's answer, so that two builds can be compared answer for answer.
/// </summary>
public static class AskLatency
{
    public const string Usage = "ask-latency --corpus DIR --questions FILE --index DIR [--reps 5] [--slowest 10] [--answers FILE]";

    public static async Task<int> RunAsync(Args args)
    {
        await using var provider = AskLoop.Services(Path.GetFullPath(args.Required("--corpus")), Path.GetFullPath(args.Required("--index")));
        var briefing = provider.GetRequiredService<BriefingService>();
        if (await briefing.EnsureIndexAsync() is { } built)
            Console.Error.WriteLine($"indexed {built.Articles} articles in {built.Elapsed.TotalSeconds:F1}s");
        var questions = BenchQuestion.Load(args.Required("--questions"));
        if (args.String("--answers") is { } answers) await WriteAnswersAsync(briefing, questions, answers);

        var timings = SizeRun.TimeQuestions(briefing, questions, args.Int("--reps", 5));
        var text = new StringBuilder();
        text.AppendLine("| questions | samples | p50 | p99 | max | CPU p50 | CPU p99 | mean results |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var category in timings.GroupBy(t => t.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var wall = SizeRun.Merge(category.Select(t => t.Samples)).Summary();
            var cpu = SizeRun.Merge(category.Select(t => t.Cpu)).Summary();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {category.Key} ({category.Count()}) | {wall.Count} | {wall.P50:F2} | {wall.P99:F2} | {wall.Max:F2} | {cpu.P50:F2} | {cpu.P99:F2} | {category.Average(t => (double)t.Results):F1} |");
        }
        text.AppendLine().AppendLine("slowest questions (CPU p50 ms):");
        foreach (var t in timings.OrderByDescending(t => t.Cpu.P50).Take(args.Int("--slowest", 10)))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {t.Cpu.P50,6:F2}  {t.Id}  {t.Question}");
        Console.WriteLine(text);
        return 0;
    }

    /// <summary>One line per question: its id and its answer as JSON.</summary>
    private static async Task WriteAnswersAsync(BriefingService briefing, IReadOnlyList<BenchQuestion> questions, string file)
    {
        await using var writer = new StreamWriter(file);
        foreach (var q in questions)
            await writer.WriteLineAsync($"{q.Id}\t{JsonSerializer.Serialize(briefing.Ask(q.Text))}");
    }
}
