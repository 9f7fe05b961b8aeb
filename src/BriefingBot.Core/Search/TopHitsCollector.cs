using Lucene.Net.Index;
using Lucene.Net.Search;

namespace BriefingBot.Search;

/// <summary>
/// The best <c>n</c> hits of a query, in the order <see cref="IndexSearcher.Search(Query, int)"/> returns them (score
/// descending, then document order), telling a <see cref="ICompetitiveScorer"/> the score a document must beat to get
/// in, so that it can skip working out the exact score of one that cannot.
/// </summary>
internal sealed class TopHitsCollector : ICollector
{
    private readonly int size;
    // A min-heap on (score, then later document first): the root is the hit a newcomer must beat.
    private readonly PriorityQueue<ScoreDoc, ScoreDoc> heap;
    private Scorer? scorer;
    private ICompetitiveScorer? competitive;
    private int docBase;

    private TopHitsCollector(int size)
    {
        this.size = size;
        heap = new PriorityQueue<ScoreDoc, ScoreDoc>(size, Comparer<ScoreDoc>.Create(Worse));
    }

    /// <summary>Documents arrive in order, so a newcomer that ties the worst hit kept comes later and stays out.</summary>
    public bool AcceptsDocsOutOfOrder => false;

    /// <summary>The best <paramref name="top"/> hits of <paramref name="query"/>, best first.</summary>
    public static ScoreDoc[] Search(IndexSearcher searcher, Query query, int top)
    {
        var collector = new TopHitsCollector(Math.Max(1, top));
        searcher.Search(query, collector);
        var hits = new ScoreDoc[collector.heap.Count];
        for (var i = hits.Length - 1; i >= 0; i--) hits[i] = collector.heap.Dequeue();
        return hits;
    }

    public void SetScorer(Scorer scorer)
    {
        this.scorer = scorer;
        competitive = scorer as ICompetitiveScorer;
    }

    public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;

    public void Collect(int doc)
    {
        var full = heap.Count == size;
        var floor = full ? heap.Peek().Score : float.NegativeInfinity;
        var score = competitive?.ScoreIfAbove(floor) ?? scorer!.GetScore();
        if (!full)
        {
            var hit = new ScoreDoc(docBase + doc, score);
            heap.Enqueue(hit, hit);
        }
        else if (score > floor)
        {
            var hit = new ScoreDoc(docBase + doc, score);
            heap.EnqueueDequeue(hit, hit);
        }
    }

    private static int Worse(ScoreDoc a, ScoreDoc b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Doc.CompareTo(a.Doc);
}
