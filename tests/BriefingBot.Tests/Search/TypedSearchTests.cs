using BriefingBot.Search;
using Fields = BriefingBot.Search.Fields;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace BriefingBot.Tests.Search;

/// <summary>
/// The two search helpers that keep questions fast must not change what a question finds: the cached type filter
/// matches exactly the documents and scores of filtering on the type term, and collecting every hit gives the order of
/// a top-N search as long as the index.
/// </summary>
public sealed class TypedSearchTests : IDisposable
{
    private static readonly string[] Words = ["truce", "tariffs", "soybeans", "talks", "deadline", "summit", "export", "controls"];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public TypedSearchTests()
    {
        // Three segments, so per-segment caching and document bases are exercised; types interleaved and sparse.
        var random = new Random(7);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Fields.Version, Fields.CreateAnalyzer()) { Similarity = new BM25Similarity() }))
        {
            for (var segment = 0; segment < 3; segment++)
            {
                for (var i = 0; i < 400; i++)
                {
                    var type = random.Next(5) switch { 0 => Fields.TypeQuotation, 1 => Fields.TypeMilestone, _ => Fields.TypePassage };
                    var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 12)).Select(_ => Words[random.Next(Words.Length)]));
                    writer.AddDocument([new StringField(Fields.Type, type, Field.Store.YES), new TextField(Fields.Body, text, Field.Store.NO)]);
                }
                writer.Commit();
            }
        }
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    [Theory]
    [InlineData(Fields.TypePassage)]
    [InlineData(Fields.TypeQuotation)]
    public void TypeFilter_FindsWhatFilteringOnTheTypeTermFinds(string type)
    {
        var filter = new TypeFilter(type);

        foreach (var query in Queries())
        {
            var expected = searcher.Search(new FilteredQuery(query, new QueryWrapperFilter(new TermQuery(new Term(Fields.Type, type)))), reader.MaxDoc).ScoreDocs;
            var actual = searcher.Search(filter.Restrict(query), reader.MaxDoc).ScoreDocs;
            Assert.Equal(Pairs(expected), Pairs(actual));
            Assert.All(actual, hit => Assert.Equal(type, searcher.Doc(hit.Doc).Get(Fields.Type)));
        }
    }

    [Fact]
    public void AllHitsCollector_ReturnsEveryHitInTopNOrder()
    {
        foreach (var query in Queries())
        {
            var expected = searcher.Search(query, reader.MaxDoc).ScoreDocs;
            Assert.Equal(Pairs(expected), Pairs(AllHitsCollector.Search(searcher, query)));
        }
    }

    [Fact]
    public void AllHitsCollector_BreaksScoreTiesByDocumentOrder()
    {
        // A single-term query over one-word documents scores every match the same.
        var hits = AllHitsCollector.Search(searcher, new ConstantScoreQuery(new TermQuery(new Term(Fields.Body, "truce"))));

        Assert.True(hits.Length > 100);
        Assert.Equal(hits.Select(h => h.Doc).Order(), hits.Select(h => h.Doc));
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    private static IEnumerable<Query> Queries()
    {
        yield return new TermQuery(new Term(Fields.Body, "truce"));
        var words = new BooleanQuery();
        foreach (var word in new[] { "tariff", "soybean", "summit" }) words.Add(new TermQuery(new Term(Fields.Body, word)), Occur.SHOULD);
        yield return words;
        var phrase = new PhraseQuery { Slop = 3 };
        phrase.Add(new Term(Fields.Body, "export"));
        phrase.Add(new Term(Fields.Body, "control"));
        yield return phrase;
    }

    private static List<(int Doc, float Score)> Pairs(IEnumerable<ScoreDoc> hits) => hits.Select(h => (h.Doc, h.Score)).ToList();
}
