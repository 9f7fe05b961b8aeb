using BriefingBot.Corpus;
using BriefingBot.Quotes;
using BriefingBot.Search;
using BriefingBot.Timeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Benchmarks.Runner;

/// <summary>Wall and CPU seconds of each indexing stage.</summary>
public sealed record StageTimes(Elapsed ReadAndParse, Elapsed Quotations, Elapsed People, Elapsed Timeline, Elapsed LuceneWrite)
{
    public IEnumerable<(string Stage, Elapsed Time)> All =>
    [
        ("read + parse", ReadAndParse), ("quotations", Quotations), ("people", People), ("timeline", Timeline), ("Lucene write", LuceneWrite),
    ];
}

/// <summary>
/// The indexing pipeline of <c>BriefingService.ReindexAsync</c> stage by stage (the same public stages, in the same
/// order), each timed, so a slow build can be traced to the stage that makes it slow.
/// </summary>
public static class StageProfile
{
    public static async Task<StageTimes> MeasureAsync(string corpus, string scratchIndex)
    {
        CorpusSnapshot snapshot = null!;
        var read = Elapsed.Of(() => snapshot = new CorpusReader(NullLogger<CorpusReader>.Instance).Read(corpus));

        var extractor = new QuotationExtractor();
        var found = new List<ArticleQuotations>();
        var quotes = Elapsed.Of(() => found.AddRange(snapshot.Articles.Select(extractor.Extract)));

        List<Quotation> quotations = null!;
        PersonDirectory directory = null!;
        var people = Elapsed.Of(() =>
        {
            directory = PersonDirectory.Build(found.SelectMany(f => f.People));
            quotations = found.SelectMany(f => f.Quotations).Select(directory.Canonicalize).ToList();
        });

        IReadOnlyList<Milestone> milestones = null!;
        var timeline = Elapsed.Of(() => milestones = new TimelineBuilder(new DateExtractor()).Build(snapshot.Articles));

        using var index = new BriefingIndex(scratchIndex, TimeProvider.System, NullLogger<BriefingIndex>.Instance);
        var write = await Elapsed.OfAsync(() => index.RebuildAsync(
            snapshot, Task.FromResult(new QuotationAnalysis(quotations, directory.People)), Task.FromResult(milestones), CancellationToken.None));
        return new StageTimes(read, quotes, people, timeline, write);
    }
}
