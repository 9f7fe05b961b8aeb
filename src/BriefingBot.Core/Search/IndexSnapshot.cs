using System.Text.Json;
using BriefingBot.Quotes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BriefingBot.Search;

/// <summary>
/// One generation of the index, held while the snapshot is (a question, a digest): its catalog and searches over it.
/// Its files stay open until the snapshot is disposed, however many rebuilds retire the generation meanwhile, so an
/// answer never mixes two generations; and the pointer file is checked once per question rather than once per search
/// and per result. Thread-safe; dispose it when the answer is made.
/// </summary>
public sealed class IndexSnapshot : IDisposable
{
    private readonly IndexGeneration? generation;
    private readonly SearchTools tools;
    private int disposed;

    internal IndexSnapshot(IndexGeneration? generation, SearchTools tools)
    {
        this.generation = generation;
        this.tools = tools;
    }

    /// <summary>The generation's catalog; <see cref="IndexCatalog.Empty"/> before the first build.</summary>
    public IndexCatalog Catalog => generation?.Catalog ?? IndexCatalog.Empty;

    /// <summary>True once a generation has been built.</summary>
    public bool Exists => generation is not null;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0) generation?.Release();
    }

    /// <summary>The best passages for free text, at most one per paragraph.</summary>
    public IReadOnlyList<PassageHit> SearchPassages(string text, int top)
    {
        var query = tools.Query.Build(text, BodyField);
        return query is null ? [] : Passages(query, top);
    }

    /// <summary>
    /// Passages containing <paramref name="phrase"/> as a phrase (a name the corpus mentions), the ones about
    /// <paramref name="topic"/> first when one is given.
    /// </summary>
    public IReadOnlyList<PassageHit> SearchPhrase(string phrase, int top, string? topic = null)
    {
        var terms = tools.Query.Terms(Fields.Body, phrase);
        if (terms.Count == 0) return [];
        var named = new PhraseQuery();
        foreach (var term in terms) named.Add(new Term(Fields.Body, term));
        if (string.IsNullOrWhiteSpace(topic) || tools.Query.Build(topic, BodyField) is not { } about)
            return Passages(named, top);
        return Passages(new BooleanQuery { { named, Occur.MUST }, { about, Occur.SHOULD } }, top);
    }

    /// <summary>
    /// Every quotation attributed to any of <paramref name="speakers"/> (canonical names), scored against
    /// <paramref name="topic"/> when one is given.
    /// </summary>
    public IReadOnlyList<QuotationHit> QuotationsBy(IEnumerable<string> speakers, string? topic)
    {
        var who = new BooleanQuery();
        foreach (var speaker in speakers)
            who.Add(new TermQuery(new Term(Fields.Speaker, GenerationWriter.SpeakerKey(speaker))), Occur.SHOULD);
        if (who.Clauses.Count == 0) return [];
        var query = new BooleanQuery { { who, Occur.MUST } };
        if (!string.IsNullOrWhiteSpace(topic) && TopicQuery(topic) is { } about) query.Add(about, Occur.SHOULD);
        return Quotations(query, int.MaxValue);
    }

    /// <summary>Quotations whose words or surrounding sentence match <paramref name="text"/>.</summary>
    public IReadOnlyList<QuotationHit> SearchQuotations(string text, int top)
    {
        var query = TopicQuery(text);
        return query is null ? [] : Quotations(query, top);
    }

    /// <summary>
    /// Ids of the milestones whose label or source sentence match <paramref name="text"/>, best first; deadlines
    /// ranked up when <paramref name="preferDeadlines"/> ("when does the truce expire").
    /// </summary>
    public IReadOnlyList<(string Id, double Score)> SearchMilestones(string text, bool preferDeadlines, int top)
    {
        ProximityQuery.Bonus[] deadlines = preferDeadlines ? [new(Fields.Kind, "deadline", 2f)] : [];
        if (tools.Query.Build(text, BodyField, deadlines) is not { } query) return [];
        return Search((searcher, _) => (IReadOnlyList<(string, double)>)TopHitsCollector.Search(searcher, tools.Milestones.Restrict(query), top)
            .Select(hit => (searcher.Doc(hit.Doc).Get(Fields.Id), (double)hit.Score))
            .ToList()) ?? [];
    }

    /// <summary>Every quotation found in the given articles, in no particular order.</summary>
    public IReadOnlyList<QuotationHit> QuotationsIn(IEnumerable<string> articleIds)
    {
        var hits = new List<QuotationHit>();
        // Chunked: a BooleanQuery holds at most 1,024 clauses.
        foreach (var chunk in articleIds.Chunk(512))
        {
            var query = new BooleanQuery();
            foreach (var id in chunk) query.Add(new TermQuery(new Term(Fields.ArticleId, id)), Occur.SHOULD);
            hits.AddRange(Quotations(query, int.MaxValue));
        }
        return hits;
    }

    private Query? TopicQuery(string text) =>
        tools.Query.Build(text, TopicFields);

    private IReadOnlyList<PassageHit> Passages(Query query, int top) => Search((searcher, _) =>
    {
        var hits = TopHitsCollector.Search(searcher, tools.Passages.Restrict(query), Math.Max(top * 5, 20));
        var chosen = new List<PassageHit>(top);
        foreach (var hit in hits)
        {
            var doc = searcher.Doc(hit.Doc);
            var articleId = doc.Get(Fields.ArticleId);
            var paragraph = doc.GetField(Fields.Paragraph).GetInt32Value() ?? 0;
            if (chosen.Any(c => c.ArticleId == articleId && c.Paragraph == paragraph)) continue;
            chosen.Add(new PassageHit(articleId, paragraph, doc.Get(Fields.Text), hit.Score));
            if (chosen.Count == top) break;
        }
        return (IReadOnlyList<PassageHit>)chosen;
    }) ?? [];

    private IReadOnlyList<QuotationHit> Quotations(Query query, int top) => Search((searcher, catalog) =>
    {
        var restricted = tools.Quotations.Restrict(query);
        // Every match (a person's quotations): collected as found and sorted, rather than through a top-N queue sized
        // to the whole index, whose allocation cost more than the search itself.
        var hits = top == int.MaxValue
            ? AllHitsCollector.Search(searcher, restricted)
            : TopHitsCollector.Search(searcher, restricted, top);
        return (IReadOnlyList<QuotationHit>)hits
            .Select(hit => new QuotationHit(
                JsonSerializer.Deserialize(searcher.Doc(hit.Doc).Get(Fields.Json), IndexJsonContext.Default.StoredQuotation)!.In(catalog),
                hit.Score))
            .ToList();
    }) ?? [];

    // The fields a question's words are looked for in, with their weights; the same for every question.
    private static readonly IReadOnlyDictionary<string, float> BodyField = new Dictionary<string, float> { [Fields.Body] = 1f };
    private static readonly IReadOnlyDictionary<string, float> TopicFields =
        new Dictionary<string, float> { [Fields.Body] = 2f, [Fields.Context] = 1f };

    /// <summary>Runs a search on this snapshot's generation, given its searcher and catalog; null before the first build.</summary>
    private T? Search<T>(Func<IndexSearcher, IndexCatalog, T> search) where T : class =>
        generation?.Search(search);
}

/// <summary>What every snapshot of one index searches with.</summary>
internal sealed record SearchTools(SafeQuery Query, TypeFilter Passages, TypeFilter Quotations, TypeFilter Milestones);
