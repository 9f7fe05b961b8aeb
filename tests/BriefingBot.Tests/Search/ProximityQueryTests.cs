using BriefingBot.Search;
using Fields = BriefingBot.Search.Fields;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace BriefingBot.Tests.Search;

/// <summary>
/// <see cref="ProximityQuery"/> is the ranking of a Boolean query of one term query per word and one sloppy phrase query
/// per adjacent pair, computed in one pass: same matches, same scores (to float rounding), whatever the segments, the
/// fields, the filter or the surrounding query; and <see cref="TopHitsCollector"/>, which lets it skip documents that
/// cannot make the cut, keeps the same best hits.
/// </summary>
public sealed class ProximityQueryTests : IDisposable
{
    private const float Boost = 1.5f;
    private const int Slop = 3;
    private static readonly string[] Words = ["truce", "tariff", "soybean", "talk", "deadline", "summit", "export", "control", "chip", "port"];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;

    public ProximityQueryTests()
    {
        // Three segments; short and long documents; words repeated within a document, in either order, near and far.
        var random = new Random(11);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Fields.Version, new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Fields.Version)) { Similarity = new BM25Similarity() }))
        {
            for (var segment = 0; segment < 3; segment++)
            {
                for (var i = 0; i < 500; i++)
                {
                    var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(_ => Words[random.Next(Words.Length)]));
                    var type = random.Next(3) == 0 ? Fields.TypeQuotation : Fields.TypePassage;
                    var context = string.Join(' ', Enumerable.Range(0, random.Next(0, 20)).Select(_ => Words[random.Next(Words.Length)]));
                    writer.AddDocument([new StringField(Fields.Type, type, Field.Store.NO), new TextField(Fields.Body, text, Field.Store.NO), new TextField(Fields.Context, context, Field.Store.NO)]);
                }
                writer.Commit();
            }
        }
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    [Fact]
    public void Scores_AsTermQueriesPlusSloppyPhraseQueriesForAdjacentPairs()
    {
        foreach (var (terms, extra, weight) in Questions())
            AssertSameHits(Equivalent(terms, extra, weight), Proximity(terms, extra, weight));
    }

    [Fact]
    public void Scores_AsTheEquivalentQuery_WhenRestrictedToOneType()
    {
        var filter = new TypeFilter(Fields.TypePassage);
        foreach (var (terms, extra, weight) in Questions())
            AssertSameHits(
                filter.Restrict(Equivalent(terms, extra, weight)),
                filter.Restrict(Proximity(terms, extra, weight)));
    }

    [Fact]
    public void Scores_AsTheEquivalentQuery_AsAnOptionalClauseBesideARequiredOne()
    {
        // Required clauses drive the optional one by skipping ahead (Advance) rather than stepping (NextDoc).
        var required = new TermQuery(new Term(Fields.Body, "summit"));
        foreach (var (terms, extra, weight) in Questions())
            AssertSameHits(
                new BooleanQuery { { required, Occur.MUST }, { Equivalent(terms, extra, weight), Occur.SHOULD } },
                new BooleanQuery { { required, Occur.MUST }, { Proximity(terms, extra, weight), Occur.SHOULD } });
    }

    [Fact]
    public void Scores_AsOneBooleanQueryOverEveryField_WhenAskedOfSeveralFields()
    {
        foreach (var (terms, extra, weight) in Questions())
        {
            var both = new BooleanQuery();
            foreach (var clause in Equivalent(terms, extra, weight).Clauses.Concat(Equivalent(terms, extra, 1f, Fields.Context).Clauses)) both.Add(clause);
            AssertSameHits(both, new ProximityQuery(
                [new ProximityQuery.FieldTerms(Fields.Body, weight, terms, extra), new ProximityQuery.FieldTerms(Fields.Context, 1f, terms, extra)], Boost, Slop));
        }
    }

    [Fact]
    public void Bonuses_ScoreAsAnOptionalClauseBesideTheQueryAsARequiredOne()
    {
        var bonus = new ProximityQuery.Bonus(Fields.Context, "deadline", 2f);
        foreach (var (terms, extra, weight) in Questions())
            AssertSameHits(
                new BooleanQuery { { Equivalent(terms, extra, weight), Occur.MUST }, { new TermQuery(new Term(Fields.Context, "deadline")) { Boost = 2f }, Occur.SHOULD } },
                new ProximityQuery([new ProximityQuery.FieldTerms(Fields.Body, weight, terms, extra)], Boost, Slop, [bonus]));
    }

    [Fact]
    public void Bonuses_MatchNothingAlone() =>
        Assert.Equal(0, searcher.Search(
            new ProximityQuery([new ProximityQuery.FieldTerms(Fields.Body, 1f, ["absent"], [])], Boost, Slop, [new(Fields.Body, "truce", 2f)]), 10).TotalHits);

    [Fact]
    public void TopHits_AreTheTopNSearchOfTheEquivalentQuery_ThoughHopelessDocumentsAreNotScoredExactly()
    {
        var filter = new TypeFilter(Fields.TypePassage);
        var bonus = new TermQuery(new Term(Fields.Context, "port")) { Boost = 2f };
        foreach (var (terms, extra, weight) in Questions())
            foreach (var withBonus in new[] { false, true })
                foreach (var top in new[] { 1, 5, 25 })
                {
                    Query equivalent = withBonus
                        ? new BooleanQuery { { Equivalent(terms, extra, weight), Occur.MUST }, { bonus, Occur.SHOULD } }
                        : Equivalent(terms, extra, weight);
                    var proximity = new ProximityQuery(
                        [new ProximityQuery.FieldTerms(Fields.Body, weight, terms, extra)], Boost, Slop, withBonus ? [new(Fields.Context, "port", 2f)] : null);
                    var want = searcher.Search(filter.Restrict(equivalent), top).ScoreDocs;
                    var got = TopHitsCollector.Search(searcher, filter.Restrict(proximity), top);
                    Assert.Equal(want.Length, got.Length);
                    for (var i = 0; i < want.Length; i++)
                        Assert.True(want[i].Doc == got[i].Doc || Math.Abs(want[i].Score - got[i].Score) <= 1e-5f * want[i].Score,
                            $"hit {i}: doc {want[i].Doc} ({want[i].Score}) expected, doc {got[i].Doc} ({got[i].Score}) found");
                    Assert.Equal(want.Select(h => h.Score), got.Select(h => h.Score), (a, b) => Math.Abs(a - b) <= 1e-5f * a);
                }
    }

    [Fact]
    public void TopHits_BreakScoreTiesByDocumentOrder()
    {
        // Every one-word document "truce" scores the same.
        var hits = TopHitsCollector.Search(searcher, new ConstantScoreQuery(new TermQuery(new Term(Fields.Body, "truce"))), 50);

        Assert.Equal(50, hits.Length);
        Assert.Equal(searcher.Search(new ConstantScoreQuery(new TermQuery(new Term(Fields.Body, "truce"))), 50).ScoreDocs.Select(h => h.Doc), hits.Select(h => h.Doc));
    }

    [Fact]
    public void AdjacentTerms_RankAboveTheSameTermsFurtherApart()
    {
        using var ranked = new RAMDirectory();
        string[] texts =
        [
            "export chip port tariff truce control summit",   // four words between: beyond the slop
            "chip port tariff control export truce summit",   // adjacent but reversed
            "chip port tariff export truce control summit",   // one word between
            "chip port tariff export control truce summit",   // adjacent, in the question's order
        ];
        using (var writer = new IndexWriter(ranked, new IndexWriterConfig(Fields.Version, new Lucene.Net.Analysis.Core.WhitespaceAnalyzer(Fields.Version)) { Similarity = new BM25Similarity() }))
            foreach (var text in texts)
                writer.AddDocument([new StoredField(Fields.Text, text), new TextField(Fields.Body, text, Field.Store.NO)]);
        using var rankedReader = DirectoryReader.Open(ranked);
        var rankedSearcher = new IndexSearcher(rankedReader) { Similarity = new BM25Similarity() };

        var hits = rankedSearcher.Search(Proximity(["export", "control"], [], 1f), 10).ScoreDocs;

        Assert.Equal([3, 2, 1, 0], hits.Select(h => h.Doc));
        Assert.True(hits[0].Score > hits[1].Score && hits[1].Score > hits[2].Score && hits[2].Score > hits[3].Score);
    }

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }

    /// <summary>Random questions of one to six distinct words, some with an extra (acronym-like) term, some weighted.</summary>
    private static IEnumerable<(string[] Terms, string[] Extra, float Weight)> Questions()
    {
        var random = new Random(5);
        for (var i = 0; i < 60; i++)
        {
            var terms = Words.OrderBy(_ => random.Next()).Take(random.Next(1, 7)).ToArray();
            string[] extra = random.Next(4) == 0 ? [Words[random.Next(Words.Length)]] : [];
            yield return (terms, extra, random.Next(2) == 0 ? 1f : 2f);
        }
    }

    private static ProximityQuery Proximity(string[] terms, string[] extra, float weight) =>
        new([new ProximityQuery.FieldTerms(Fields.Body, weight, terms, extra)], Boost, Slop);

    private static BooleanQuery Equivalent(string[] terms, string[] extra, float weight, string field = Fields.Body)
    {
        var query = new BooleanQuery();
        foreach (var term in terms) query.Add(new TermQuery(new Term(field, term)) { Boost = weight }, Occur.SHOULD);
        for (var i = 0; i + 1 < terms.Length; i++)
        {
            var phrase = new PhraseQuery { Slop = Slop, Boost = weight * Boost };
            phrase.Add(new Term(field, terms[i]));
            phrase.Add(new Term(field, terms[i + 1]));
            query.Add(phrase, Occur.SHOULD);
        }
        foreach (var term in extra) query.Add(new TermQuery(new Term(field, term)) { Boost = weight }, Occur.SHOULD);
        return query;
    }

    private void AssertSameHits(Query expected, Query actual)
    {
        var want = searcher.Search(expected, reader.MaxDoc).ScoreDocs.OrderBy(h => h.Doc).ToList();
        var got = searcher.Search(actual, reader.MaxDoc).ScoreDocs.OrderBy(h => h.Doc).ToList();
        Assert.Equal(want.Select(h => h.Doc), got.Select(h => h.Doc));
        for (var i = 0; i < want.Count; i++)
            Assert.True(Math.Abs(want[i].Score - got[i].Score) <= 1e-5f * Math.Max(1f, want[i].Score), $"doc {want[i].Doc}: {want[i].Score} expected, {got[i].Score} scored ({actual})");
    }
}
