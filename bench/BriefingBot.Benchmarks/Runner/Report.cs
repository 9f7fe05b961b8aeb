using System.Globalization;
using System.Text;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>Everything one <c>run</c> measured.</summary>
public sealed record RunResults(
    string Machine,
    DateTimeOffset At,
    IReadOnlyList<SizeResult> Sizes,
    IReadOnlyList<ColdResult> Cold,
    LoadResult? Load,
    ServeMemoryResult? Serve);

/// <summary>Prints the results as Markdown tables, with each target checked.</summary>
public static class Report
{
    public static string Markdown(RunResults results)
    {
        var text = new StringBuilder();
        text.AppendLine($"Measured {results.At:yyyy-MM-dd HH:mm} UTC on {results.Machine}.").AppendLine();

        if (results.Sizes.Count > 0)
        {
            text.AppendLine("### Indexing (parse + quotations + people + timeline + Lucene), one process per corpus").AppendLine();
            text.AppendLine("| articles | corpus | wall | CPU | MB/s (wall) | articles/s | MB per CPU-s | index on disk | peak working set | GC heap after | passages | quotations | milestones | people |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in results.Sizes)
                text.AppendLine($"| {s.Articles:N0} | {Mb(s.CorpusBytes)} | {s.Index.WallSeconds:F1} s | {s.Index.CpuSeconds:F1} s | {s.MegabytesPerSecond:F2} | {s.ArticlesPerSecond:N0} | {s.MegabytesPerCpuSecond:F2} | {Mb(s.IndexBytes)} | {Mb(s.PeakWorkingSetBytes)} | {Mb(s.GcHeapAfterIndexBytes)} | {s.Passages:N0} | {s.Quotations:N0} | {s.Milestones:N0} | {s.People:N0} |");
            text.AppendLine().AppendLine("Garbage collection during the build: " + string.Join("; ", results.Sizes.Select(s =>
                $"{s.Articles:N0} articles: {s.IndexGc.AllocatedBytes / 1e9:F1} GB allocated, {s.IndexGc.PauseSeconds:F1} s paused, {s.IndexGc.Gen0}/{s.IndexGc.Gen1}/{s.IndexGc.Gen2} gen0/1/2 collections")) + ".");
            if (results.Sizes.Any(s => s.MedianRebuild is not null))
            {
                text.AppendLine().AppendLine("Reindexing in a running process (warm: what `serve` does when an admin reindexes): the unchanged corpus rebuilt after the first build, untimed until the warm-up was over, then timed; median of the timed rebuilds. The warm-up column gives each untimed rebuild's wall time in order, the first being an admin's first reindex after start-up:").AppendLine();
                text.AppendLine("| articles | warm-up rebuilds | timed | wall | CPU | MB/s (wall) | articles/s | MB per CPU-s | allocated | GC paused |");
                text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
                foreach (var s in results.Sizes)
                    if (s.MedianRebuild is { } r)
                        text.AppendLine($"| {s.Articles:N0} | {WallTimes(s.WarmupRebuilds)} | {s.Rebuilds.Count} | {r.Time.WallSeconds:F2} s | {r.Time.CpuSeconds:F1} s | {s.MegabytesPerSecondWarm:F2} | {s.Articles / r.Time.WallSeconds:N0} | {s.CorpusBytes / 1e6 / r.Time.CpuSeconds:F2} | {r.Gc.AllocatedBytes / 1e9:F1} GB | {r.Gc.PauseSeconds:F1} s |");
            }
            text.AppendLine().AppendLine("Answering while reindexing: a question every 25 ms during further warm reindexes (as many as it takes to ask 100), each handed to the thread pool as `serve` hands a request to it, timed from hand-off to answer (milliseconds):").AppendLine();
            text.AppendLine("| articles | questions | p50 | p99 | max |");
            text.AppendLine("|---:|---:|---:|---:|---:|");
            foreach (var s in results.Sizes)
                text.AppendLine($"| {s.Articles:N0} | {s.AskWhileReindexing.Count:N0} | {Ms(s.AskWhileReindexing.P50)} | {Ms(s.AskWhileReindexing.P99)} | {Ms(s.AskWhileReindexing.Max)} |");
            text.AppendLine().AppendLine("Stages, timed again one by one after the build (wall s / CPU s / GB allocated):").AppendLine();
            text.AppendLine("| articles | " + string.Join(" | ", results.Sizes[0].Stages.All.Select(a => a.Stage)) + " |");
            text.AppendLine("|---:|" + string.Concat(results.Sizes[0].Stages.All.Select(_ => "---:|")));
            foreach (var s in results.Sizes)
                text.AppendLine($"| {s.Articles:N0} | " + string.Join(" | ", s.Stages.All.Select(a => $"{a.Time.WallSeconds:F2} / {a.Time.CpuSeconds:F2} / {a.Time.AllocatedBytes / 1e9:F2}")) + " |");

            text.AppendLine().AppendLine("### Ask, warm, in process (milliseconds; CPU = the asking thread's CPU time)").AppendLine();
            text.AppendLine("| articles | questions | samples | p50 | p99 | max | CPU p50 | CPU p99 | mean results |");
            text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var s in results.Sizes)
                foreach (var (category, a) in s.AskByCategory.OrderBy(c => c.Key, StringComparer.Ordinal))
                    text.AppendLine($"| {s.Articles:N0} | {category} ({a.Questions}) | {a.Latency.Count:N0} | {Ms(a.Latency.P50)} | {Ms(a.Latency.P99)} | {Ms(a.Latency.Max)} | {Ms(a.Cpu.P50)} | {Ms(a.Cpu.P99)} | {a.MeanResults:F1} |");
        }

        if (results.Cold.Count > 0)
        {
            text.AppendLine().AppendLine("### Cold CLI (the published app, process start to exit; `ask` with the index already built)").AppendLine();
            text.AppendLine("| command | corpus | runs | median | min | max |");
            text.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var c in results.Cold)
                text.AppendLine($"| `{c.Command}` | {c.Corpus} | {c.Runs} | {c.MedianSeconds:F2} s | {c.MinSeconds:F2} s | {c.MaxSeconds:F2} s |");
        }

        if (results.Load is { } load)
        {
            text.AppendLine().AppendLine($"### Discord interactions endpoint under load ({load.Concurrency} concurrent clients, signed requests, corpus `{load.Corpus}`)").AppendLine();
            text.AppendLine("| requests | seconds | requests/s | p50 | p99 | max | outcomes | answer REST calls (per s) |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---|---:|");
            var outcomes = string.Join(", ", load.Outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value:N0}"));
            text.AppendLine($"| {load.Requests:N0} | {load.Seconds:F1} | {load.RequestsPerSecond:N0} | {Ms(load.All.P50)} | {Ms(load.All.P99)} | {Ms(load.All.Max)} | {outcomes} | {load.AnswersDelivered:N0} ({load.AnswersPerSecond:N0}/s) |");
            foreach (var (kind, l) in load.ByKind.OrderBy(k => k.Key, StringComparer.Ordinal))
                text.AppendLine($"| {kind}: {l.Count:N0} | | | {Ms(l.P50)} | {Ms(l.P99)} | {Ms(l.Max)} | | |");
        }

        if (results.Serve is { } serve)
            text.AppendLine().AppendLine($"### `serve` memory (corpus `{serve.Corpus}`, index prebuilt)").AppendLine()
                .AppendLine("| ready after | RSS when ready | RSS after answering | peak RSS (VmHWM) | /ask answered | their REST calls |")
                .AppendLine("|---:|---:|---:|---:|---:|---:|")
                .AppendLine($"| {serve.ReadySeconds:F1} s | {serve.ReadyRssKb / 1024.0:F0} MB | {serve.AnsweredRssKb / 1024.0:F0} MB | {serve.PeakRssKb / 1024.0:F0} MB | {serve.Asks} | {serve.RestCalls} |");

        text.AppendLine().AppendLine("### Targets").AppendLine();
        foreach (var line in Targets(results)) text.AppendLine("- " + line);
        return text.ToString();
    }

    /// <summary>Per-question latency for a corpus and question file of one's own (<c>--corpus --questions</c>).</summary>
    public static string Questions(SizeResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"Indexed {result.Articles:N0} articles ({Mb(result.CorpusBytes)}) in {result.Index.WallSeconds:F2} s wall, {result.Index.CpuSeconds:F2} s CPU; peak working set {Mb(result.PeakWorkingSetBytes)}; index {Mb(result.IndexBytes)}.");
        if (result.MedianRebuild is { } rebuild)
            text.AppendLine($"Reindexed in the same process (warm, median of {result.Rebuilds.Count} after {result.WarmupRebuilds.Count} untimed: {WallTimes(result.WarmupRebuilds)}) in {rebuild.Time.WallSeconds:F2} s wall, {rebuild.Time.CpuSeconds:F2} s CPU.");
        text.AppendLine();
        text.AppendLine("| id | question | results | p50 ms | p99 ms | CPU p50 ms | CPU p99 ms |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var q in result.Questions)
            text.AppendLine($"| {q.Id} | {q.Question.Replace("|", "\\|", StringComparison.Ordinal)} | {q.Results} | {Ms(q.Latency.P50)} | {Ms(q.Latency.P99)} | {Ms(q.Cpu.P50)} | {Ms(q.Cpu.P99)} |");
        return text.ToString();
    }

    private static IEnumerable<string> Targets(RunResults results)
    {
        var at10k = results.Sizes.FirstOrDefault(s => s.Articles == 10_000);
        if (at10k is not null)
        {
            var worst = at10k.AskByCategory.Values.Max(a => a.Latency.P99);
            var worstCpu = at10k.AskByCategory.Values.Max(a => a.Cpu.P99);
            yield return $"ask p99 ≤ 5 ms warm at 10k articles: {Verdict(worst <= 5)} (worst category p99 {Ms(worst)} ms wall, {Ms(worstCpu)} ms CPU)";
        }
        // Throughput warm, as BenchmarkDotNet measures it; a first build in a fresh process also pays for compiling the
        // build's code, a fixed cost that a small corpus cannot amortise, so it is shown beside the verdict, not judged.
        foreach (var s in results.Sizes)
            yield return s.MedianRebuild is null
                ? $"indexing at {s.Articles:N0} articles: no warm rebuild timed (--rebuilds 0); first build in a fresh process {s.MegabytesPerSecond:F2} MB/s"
                : $"indexing ≥ 10 MB/s at {s.Articles:N0} articles (warm, after a warm-up): {Verdict(s.MegabytesPerSecondWarm >= 10)} ({s.MegabytesPerSecondWarm:F2} MB/s wall; first build in a fresh process, compiling as it goes: {s.MegabytesPerSecond:F2} MB/s)";
        if (results.Load is { } load)
            yield return $"interactions ≥ 1,000 requests/s with p99 ≤ 50 ms: {Verdict(load.RequestsPerSecond >= 1_000 && load.All.P99 <= 50)} ({load.RequestsPerSecond:N0} requests/s, p99 {Ms(load.All.P99)} ms)";
        if (results.Serve is { } serve)
            yield return $"serve ≤ 300 MB RSS ({serve.Corpus}): {Verdict(serve.AnsweredRssKb <= 300 * 1024)} ({serve.AnsweredRssKb / 1024.0:F0} MB after answering, {serve.ReadyRssKb / 1024.0:F0} MB when ready)";
        var cold = results.Cold.FirstOrDefault();
        if (cold is not null)
            yield return $"cold ask ≤ 1 s median: {Verdict(cold.MedianSeconds <= 1)} ({cold.MedianSeconds:F2} s)";
    }

    private static string Verdict(bool met) => met ? "**met**" : "**missed**";

    private static string WallTimes(IEnumerable<Rebuild> rebuilds) =>
        string.Join(", ", rebuilds.Select(r => r.Time.WallSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s"));

    private static string Mb(long bytes) => (bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
}
