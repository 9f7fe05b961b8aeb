using System.Globalization;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using BriefingBot.Briefing;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>What one corpus measured: indexing (first build and warm rebuilds), index size, peak memory, warm ask latency.</summary>
public sealed record SizeResult(
    string Label,
    int Articles,
    long CorpusBytes,
    Elapsed Index,
    IReadOnlyList<Rebuild> WarmupRebuilds,
    IReadOnlyList<Rebuild> Rebuilds,
    long IndexBytes,
    long PeakWorkingSetBytes,
    long GcHeapAfterIndexBytes,
    GcWork IndexGc,
    int Passages,
    int Quotations,
    int Milestones,
    int People,
    StageTimes Stages,
    IReadOnlyDictionary<string, AskSummary> AskByCategory,
    LatencySummary AskWhileReindexing,
    IReadOnlyList<QuestionTiming> Questions)
{
    public double MegabytesPerSecond => CorpusBytes / 1e6 / Index.WallSeconds;

    public double ArticlesPerSecond => Articles / Index.WallSeconds;

    /// <summary>Throughput per CPU-second: what an otherwise idle core would do.</summary>
    public double MegabytesPerCpuSecond => CorpusBytes / 1e6 / Index.CpuSeconds;

    /// <summary>The median warm rebuild; null when none was timed.</summary>
    public Rebuild? MedianRebuild => Rebuilds.Count == 0 ? null : Rebuilds.OrderBy(r => r.Time.WallSeconds).ElementAt(Rebuilds.Count / 2);

    public double MegabytesPerSecondWarm => MedianRebuild is { } r ? CorpusBytes / 1e6 / r.Time.WallSeconds : double.NaN;
}

/// <summary>A reindex of the unchanged corpus in the process that built it: what <c>serve</c> does when an admin reindexes.</summary>
public sealed record Rebuild(Elapsed Time, GcWork Gc);

/// <summary>
/// How the warm rebuilds are timed: after untimed ones for at least <paramref name="WarmupSeconds"/> (at least one when
/// not 0), as BenchmarkDotNet warms up before it measures, <paramref name="Timed"/> timed ones. The runtime keeps
/// recompiling hot code for several builds after the first; a small corpus's build is over before it is done, so
/// without a warm-up a 1,000-article rebuild measured the compiler as much as the indexing.
/// </summary>
public sealed record RebuildPlan(int Timed, int WarmupSeconds)
{
    public static RebuildPlan From(Args args) => new(args.Int("--rebuilds", 3), args.Int("--warmup", 10));

    public IEnumerable<string> AsArgs() =>
        ["--rebuilds", Timed.ToString(CultureInfo.InvariantCulture), "--warmup", WarmupSeconds.ToString(CultureInfo.InvariantCulture)];
}

/// <summary>What the garbage collector did during a piece of work: bytes allocated, time paused, collections per generation.</summary>
public sealed record GcWork(long AllocatedBytes, double PauseSeconds, int Gen0, int Gen1, int Gen2)
{
    public static Func<GcWork> Start()
    {
        var (allocated, paused, gen0, gen1, gen2) = Now();
        return () =>
        {
            var (a, p, g0, g1, g2) = Now();
            return new GcWork(a - allocated, (p - paused).TotalSeconds, g0 - gen0, g1 - gen1, g2 - gen2);
        };
    }

    private static (long, TimeSpan, int, int, int) Now() =>
        (GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
}

/// <summary>Warm latency of a category of questions (wall, and CPU of the asking thread), and the average number of results.</summary>
public sealed record AskSummary(LatencySummary Latency, LatencySummary Cpu, double MeanResults, int Questions);

public sealed record QuestionTiming(string Id, string Question, string Category, int Results, LatencySummary Latency, LatencySummary Cpu);

/// <summary>
/// Indexes one corpus in this process (a child of the runner, so peak memory is this corpus's alone) through the
/// real <see cref="BriefingService"/> wired as the CLI wires it, then times warm questions.
/// </summary>
public static class SizeRun
{
    public const string ResultPrefix = "RESULT ";

    public static async Task<SizeResult> MeasureAsync(string label, string corpus, string questionsFile, string index, int repetitions, RebuildPlan rebuilds)
    {
        // A fresh build every time: a generation left from an earlier run would be diffed against and counted on disk.
        if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        await using var provider = AskLoop.Services(corpus, index);
        var briefing = provider.GetRequiredService<BriefingService>();

        var files = CorpusFiles(corpus);
        ReindexReport report = null!;
        var gc = GcWork.Start();
        var indexing = await Elapsed.OfAsync(async () => report = await briefing.ReindexAsync());
        // Measured now: after a rebuild the folder also holds the generation it replaced, kept open for queries under way.
        var indexBytes = FolderBytes(index);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        var indexGc = gc();
        Console.Error.WriteLine($"  [{label}] indexed {report.Articles} articles in {indexing.WallSeconds:F1}s ({indexing.CpuSeconds:F1} CPU-s); timing questions");

        var questions = BenchQuestion.Load(questionsFile);
        var timings = TimeQuestions(briefing, questions, repetitions);
        var byCategory = timings.GroupBy(t => t.Category).ToDictionary(
            g => g.Key,
            g => new AskSummary(
                Merge(g.Select(t => t.Samples)).Summary(), Merge(g.Select(t => t.Cpu)).Summary(), g.Average(t => (double)t.Results), g.Count()));

        Console.Error.WriteLine($"  [{label}] warming up with rebuilds for {rebuilds.WarmupSeconds} s, then timing {rebuilds.Timed}");
        var warmup = new List<Rebuild>();
        var warming = Stopwatch.StartNew();
        while (rebuilds.WarmupSeconds > 0 && (warmup.Count == 0 || warming.Elapsed.TotalSeconds < rebuilds.WarmupSeconds))
            warmup.Add(await RebuildAsync(briefing));
        var warm = new List<Rebuild>();
        for (var i = 0; i < rebuilds.Timed; i++)
            warm.Add(await RebuildAsync(briefing));
        Console.Error.WriteLine($"  [{label}] asking while reindexing");
        var askWhileReindexing = await AskWhileReindexingAsync(briefing, questions);

        Console.Error.WriteLine($"  [{label}] timing the indexing stages");
        var scratch = index.TrimEnd('/') + "-stages";
        var stages = await StageProfile.MeasureAsync(corpus, scratch);
        Directory.Delete(scratch, recursive: true);
        return new SizeResult(
            label, report.Articles, files.Sum(f => f.Length), indexing, warmup, warm, indexBytes, peak, heap, indexGc,
            report.Passages, report.Quotations, report.Timeline.Count, briefing.Catalog.People.Count, stages, byCategory, askWhileReindexing,
            timings.Select(t => new QuestionTiming(t.Id, t.Question, t.Category, t.Results, t.Samples.Summary(), t.Cpu.Summary())).ToList());
    }

    private static async Task<Rebuild> RebuildAsync(BriefingService briefing)
    {
        var gc = GcWork.Start();
        var time = await Elapsed.OfAsync(() => briefing.ReindexAsync());
        return new Rebuild(time, gc());
    }

    /// <summary>
    /// A question every 25 ms while the corpus is reindexed again (until at least <see cref="QuestionsWhileReindexing"/>
    /// were asked), each handed to the thread pool as a request handler of <c>serve</c> runs on it, timed from hand-off
    /// to answer: what a user asking during an admin's reindex waits. Not during the timed rebuilds, which the questions
    /// would slow.
    /// </summary>
    private static async Task<LatencySummary> AskWhileReindexingAsync(BriefingService briefing, IReadOnlyList<BenchQuestion> questions)
    {
        var latencies = new Latencies();
        var asked = 0;
        using var reindexed = new CancellationTokenSource();
        var asking = Task.Factory.StartNew(() =>
        {
            for (var i = 0; !reindexed.IsCancellationRequested; i++)
            {
                var question = questions[i % questions.Count].Text;
                latencies.Time(() => Task.Run(() => briefing.Ask(question)).GetAwaiter().GetResult());
                Interlocked.Increment(ref asked);
                Thread.Sleep(25);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        do await briefing.ReindexAsync();
        while (Volatile.Read(ref asked) < QuestionsWhileReindexing);
        await reindexed.CancelAsync();
        await asking;
        return latencies.Summary();
    }

    private const int QuestionsWhileReindexing = 100;

    internal sealed record Timed(string Id, string Question, string Category, int Results, Latencies Samples, Latencies Cpu);

    /// <summary>Every question asked three times untimed (JIT tiering, caches), then <paramref name="repetitions"/> timed rounds.</summary>
    internal static List<Timed> TimeQuestions(BriefingService briefing, IReadOnlyList<BenchQuestion> questions, int repetitions)
    {
        var timed = questions.Select(q => new Timed(q.Id, q.Text, q.Category, briefing.Ask(q.Text).Results.Count, new Latencies(), new Latencies())).ToList();
        for (var round = 0; round < 2; round++)
            foreach (var q in questions) briefing.Ask(q.Text);
        for (var round = 0; round < repetitions; round++)
        {
            foreach (var t in timed)
            {
                var cpu = CpuClock.Thread();
                var wall = Stopwatch.GetTimestamp();
                briefing.Ask(t.Question);
                t.Samples.Add(Stopwatch.GetElapsedTime(wall).TotalMilliseconds);
                t.Cpu.Add((CpuClock.Thread() - cpu).TotalMilliseconds);
            }
        }
        return timed;
    }

    internal static Latencies Merge(IEnumerable<Latencies> all)
    {
        var merged = new Latencies();
        foreach (var l in all) merged.AddRange(l.Samples);
        return merged;
    }

    private static List<FileInfo> CorpusFiles(string corpus) =>
        new DirectoryInfo(corpus).EnumerateFiles("*", SearchOption.AllDirectories)
            .Where(f => f.Extension is ".txt" or ".md")
            .ToList();

    /// <summary>Bytes on disk of the index folder (the serving generation; retired ones are deleted after a build).</summary>
    public static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;

    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string Serialize(SizeResult result) => ResultPrefix + JsonSerializer.Serialize(result, Json);

    public static SizeResult? Parse(string output) =>
        output.Split('\n').Where(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal))
            .Select(l => JsonSerializer.Deserialize<SizeResult>(l[ResultPrefix.Length..], Json))
            .LastOrDefault();
}
