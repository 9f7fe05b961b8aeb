using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BriefingBot.Search;

/// <summary>
/// Collects every match of a query, in the order a top-N search returns them (score descending, then document
/// order), with memory in proportion to the matches rather than to the index.
/// </summary>
internal sealed class AllHitsCollector : ICollector
{
    private readonly List<ScoreDoc> hits = [];
    private Scorer? scorer;
    private int docBase;

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>Every match of <paramref name="query"/>, best first.</summary>
    public static ScoreDoc[] Search(IndexSearcher searcher, Query query)
    {
        var collector = new AllHitsCollector();
        searcher.Search(query, collector);
        var hits = collector.hits.ToArray();
        Array.Sort(hits, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Doc.CompareTo(b.Doc));
        return hits;
    }

    public void SetScorer(Scorer scorer) => this.scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc) => hits.Add(new ScoreDoc(docBase + doc, scorer!.GetScore()));
}
