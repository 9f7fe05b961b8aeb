using System.Runtime.InteropServices;
using System.Text.Json;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>
/// <c>run</c>: generates (or reuses) synthetic corpora, measures each size in its own process, then cold CLI latency,
/// the Discord endpoint under load and <c>serve</c>'s memory, and prints the table. With <c>--corpus DIR --questions
/// FILE</c> it measures that corpus and those questions instead.
/// </summary>
public static class RunCommand
{
    public const string Usage = """
        run [--sizes 1000,10000[,100000]] [--seed 42] [--reps 5] [--rebuilds 3] [--warmup 10] [--work DIR] [--app PUBLISHED_DIR]
            [--skip cold,load,serve] [--cold-runs 10] [--cold-builds 3] [--load-requests 20000] [--load-seconds 30] [--concurrency 32]
            [--serve-size 10000] [--serve-asks 200] [--json FILE]
        run --corpus DIR --questions FILE [--reps 20] [--rebuilds 3] [--warmup 10] [--work DIR]
        """;

    public static async Task<int> RunAsync(Args args)
    {
        var work = Path.GetFullPath(args.String("--work") ?? SyntheticCorpus.DefaultWorkFolder);
        Directory.CreateDirectory(work);
        if (args.String("--corpus") is { } corpus)
        {
            var result = await MeasureAsync("corpus", Path.GetFullPath(corpus), Path.GetFullPath(args.Required("--questions")), Path.Combine(work, "index-corpus"), args.Int("--reps", 20), RebuildPlan.From(args));
            Console.WriteLine(Report.Questions(result));
            return 0;
        }

        var seed = args.Int("--seed", 42);
        var sizes = args.Sizes("--sizes", [1_000, 10_000]);
        var skip = (args.String("--skip") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var at = DateTimeOffset.UtcNow;
        var loadBefore = LoadAverage();

        var measured = new List<SizeResult>();
        foreach (var size in sizes)
        {
            var folder = await SyntheticCorpusAsync(work, size, seed);
            measured.Add(await MeasureAsync($"{size}", Path.Combine(folder, "corpus"), Path.Combine(folder, "questions.json"), IndexFolder(work, size), args.Int("--reps", 5), RebuildPlan.From(args)));
        }

        // The larger corpus the published app is run on: cold CLI over it, and serve's memory.
        var serveSize = args.Int("--serve-size", sizes.Contains(10_000) || sizes.Count == 0 ? 10_000 : sizes.Max());
        var needsApp = !skip.Contains("cold") || !skip.Contains("serve");
        var app = needsApp ? await PublishedApp.EnsureAsync(args.String("--app"), work) : null;
        var devQuestions = BenchQuestion.Load(RepositoryLayout.DevQuestions).Select(q => q.Text).ToList();

        IReadOnlyList<ColdResult> cold = [];
        if (!skip.Contains("cold"))
        {
            Console.Error.WriteLine("Timing the cold CLI …");
            var runs = args.Int("--cold-runs", 10);
            var synthetic = await SyntheticCorpusAsync(work, serveSize, seed);
            cold = [
                .. await ColdCli.RunAsync(app!, RepositoryLayout.ShippedCorpus, work, runs),
                .. await ColdCli.RunSyntheticAsync(app!, synthetic, work, args.Int("--cold-builds", 3), runs),
            ];
        }

        LoadResult? load = null;
        if (!skip.Contains("load"))
        {
            Console.Error.WriteLine("Loading the Discord interactions endpoint …");
            load = await DiscordLoad.RunAsync(RepositoryLayout.ShippedCorpus, work, devQuestions,
                args.Int("--load-requests", 20_000), TimeSpan.FromSeconds(args.Int("--load-seconds", 30)), args.Int("--concurrency", 32));
        }

        ServeMemoryResult? serve = null;
        if (!skip.Contains("serve"))
        {
            Console.Error.WriteLine($"Measuring serve's memory with {serveSize:N0} articles …");
            var folder = await SyntheticCorpusAsync(work, serveSize, seed);
            var questions = BenchQuestion.Load(Path.Combine(folder, "questions.json")).Select(q => q.Text).ToList();
            serve = await ServeMemory.RunAsync(app!, Path.Combine(folder, "corpus"), IndexFolder(work, serveSize), work, questions, args.Int("--serve-asks", 200));
        }

        var machine = $"{Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {loadBefore} at start, {LoadAverage()} at end";
        var results = new RunResults(machine, at, measured, cold, load, serve);
        Console.WriteLine(Report.Markdown(results));
        if (args.String("--json") is { } json)
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        return 0;
    }

    private static string IndexFolder(string work, int size) => Path.Combine(work, $"index-{size}");

    private static Task<string> SyntheticCorpusAsync(string work, int size, int seed) =>
        Task.Run(() => SyntheticCorpus.Cached(work, size, seed));

    /// <summary>Indexes and asks in a child process, so each corpus's peak memory is its own.</summary>
    private static async Task<SizeResult> MeasureAsync(string label, string corpus, string questions, string index, int reps, RebuildPlan rebuilds)
    {
        Console.Error.WriteLine($"Measuring {label} …");
        var outcome = await ChildProcess.RunAsync(
            ChildProcess.Self(["measure", "--label", label, "--corpus", corpus, "--questions", questions, "--index", index, "--reps", reps.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. rebuilds.AsArgs()]),
            TimeSpan.FromHours(3), echoErrors: true);
        return outcome.ExitCode == 0 && SizeRun.Parse(outcome.Output) is { } result
            ? result
            : throw new InvalidOperationException($"measuring {label} failed (exit {outcome.ExitCode}):\n{outcome.Output}\n{outcome.Error}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
}
