using BriefingBot.Quotes;
using BriefingBot.Timeline;

namespace BriefingBot.Search;

/// <summary>
/// The small, whole-corpus facts of an index generation, loaded into memory when it opens: articles,
/// people and the timeline. Passages and quotations stay in Lucene.
/// </summary>
public sealed record IndexCatalog(
    string Fingerprint,
    DateTimeOffset BuiltAt,
    IReadOnlyDictionary<string, IndexedArticle> Articles,
    IReadOnlyList<Person> People,
    IReadOnlyList<Milestone> Milestones,
    int Passages,
    int Quotations)
{
    public static IndexCatalog Empty { get; } = new(
        "", DateTimeOffset.MinValue, new Dictionary<string, IndexedArticle>(), [], [], 0, 0);
}
