using BenchmarkDotNet.Attributes;
using BriefingBot.Briefing;
using BriefingBot.Benchmarks.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Micro;

/// <summary>
/// A full reindex (read + parse, quotations, people, timeline, Lucene write and open) of a synthetic corpus into a
/// fresh index folder. Whole seconds per operation: a few monitored iterations, not BenchmarkDotNet's usual hundreds.
/// </summary>
[Config(typeof(SlowJobs))]
public class IndexingBenchmarks
{
    private string corpus = "";
    private string index = "";
    private ServiceProvider? provider;
    private BriefingService? briefing;

    [Params(1_000, 10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var work = SyntheticCorpus.DefaultWorkFolder;
        corpus = Path.Combine(SyntheticCorpus.Cached(work, Articles, seed: 42), "corpus");
        index = Path.Combine(work, $"bdn-index-{Articles}");
    }

    [IterationSetup]
    public void FreshIndex()
    {
        provider?.Dispose();
        if (Directory.Exists(index)) Directory.Delete(index, recursive: true);
        provider = AskLoop.Services(corpus, index);
        briefing = provider.GetRequiredService<BriefingService>();
    }

    [Benchmark]
    public ReindexReport Reindex() => briefing!.ReindexAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => provider?.Dispose();
}
