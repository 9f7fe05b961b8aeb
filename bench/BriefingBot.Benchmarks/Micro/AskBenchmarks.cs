using BenchmarkDotNet.Attributes;
using BriefingBot.Briefing;
using BriefingBot.Benchmarks.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks.Micro;

/// <summary>
/// <see cref="BriefingService.Ask"/> warm, in process, over an index of a synthetic corpus (built once and reused):
/// each operation asks the next of the corpus's generated speaker or free-text questions, so the mean is over all of them.
/// </summary>
[Config(typeof(FastJobs))]
public class AskBenchmarks
{
    private ServiceProvider? provider;
    private BriefingService? briefing;
    private string[] speakerQuestions = [];
    private string[] freeTextQuestions = [];
    private int next;

    [Params(1_000, 10_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var work = SyntheticCorpus.DefaultWorkFolder;
        var folder = SyntheticCorpus.Cached(work, Articles, seed: 42);
        provider = AskLoop.Services(Path.Combine(folder, "corpus"), Path.Combine(work, $"bdn-ask-index-{Articles}"));
        briefing = provider.GetRequiredService<BriefingService>();
        briefing.EnsureIndexAsync().GetAwaiter().GetResult();
        var questions = BenchQuestion.Load(Path.Combine(folder, "questions.json"));
        speakerQuestions = questions.Where(q => q.Category == "speaker").Select(q => q.Text).ToArray();
        freeTextQuestions = questions.Where(q => q.Category == "free-text").Select(q => q.Text).ToArray();
    }

    [Benchmark]
    public Answer SpeakerQuestion() => briefing!.Ask(speakerQuestions[next++ % speakerQuestions.Length]);

    [Benchmark]
    public Answer FreeTextQuestion() => briefing!.Ask(freeTextQuestions[next++ % freeTextQuestions.Length]);

    [GlobalCleanup]
    public void Cleanup() => provider?.Dispose();
}
