using System.Text.Json;
using BriefingBot.Corpus;
using BriefingBot.Quotes;
using BriefingBot.Timeline;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using LuceneDirectory = Lucene.Net.Store.Directory;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace BriefingBot.Search;

/// <summary>
/// One immutable, fully built index folder, open for queries. Searchers are shared through a
/// <see cref="SearcherManager"/>, whose reference counting keeps the reader alive for queries still running
/// when a newer generation replaces this one.
/// </summary>
internal sealed class IndexGeneration : IDisposable
{
    private readonly LuceneDirectory directory;
    private readonly SearcherManager searchers;

    private IndexGeneration(string folder, LuceneDirectory directory, SearcherManager searchers, IndexCatalog catalog)
    {
        Folder = folder;
        this.directory = directory;
        this.searchers = searchers;
        Catalog = catalog;
    }

    public string Folder { get; }

    public IndexCatalog Catalog { get; }

    public static IndexGeneration Open(string folder)
    {
        var directory = FSDirectory.Open(folder);
        try
        {
            var searchers = new SearcherManager(directory, new Bm25SearcherFactory());
            var searcher = searchers.Acquire();
            try
            {
                return new IndexGeneration(folder, directory, searchers, LoadCatalog(searcher));
            }
            finally
            {
                searchers.Release(searcher);
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="search"/> on a searcher held for the duration of the call.</summary>
    /// <exception cref="ObjectDisposedException">This generation was retired; ask the newer one.</exception>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        searchers.Dispose();
        directory.Dispose();
    }

    private static IndexCatalog LoadCatalog(IndexSearcher searcher)
    {
        var meta = Documents(searcher, Fields.TypeMeta).Select(doc => Deserialize<IndexMeta>(doc)).Single();
        var articles = Documents(searcher, Fields.TypeArticle)
            .Select(doc => Deserialize<IndexedArticle>(doc))
            .ToDictionary(article => article.Ref.Id, StringComparer.Ordinal);
        var people = Documents(searcher, Fields.TypePerson).Select(doc => Deserialize<Person>(doc)).ToList();
        var milestones = Documents(searcher, Fields.TypeMilestone)
            .Select(doc => Deserialize<Milestone>(doc))
            .OrderBy(m => m.Date).ThenBy(m => m.Article.Id, StringComparer.Ordinal).ThenBy(m => m.Paragraph)
            .ToList();
        return new IndexCatalog(meta.Fingerprint, meta.BuiltAt, articles, people, milestones, meta.Passages, meta.Quotations);
    }

    private static IEnumerable<Lucene.Net.Documents.Document> Documents(IndexSearcher searcher, string type)
    {
        var query = new TermQuery(new Term(Fields.Type, type));
        var count = Math.Max(1, searcher.IndexReader.MaxDoc);
        return searcher.Search(query, count).ScoreDocs.Select(hit => searcher.Doc(hit.Doc));
    }

    private static T Deserialize<T>(Lucene.Net.Documents.Document doc) =>
        JsonSerializer.Deserialize<T>(doc.Get(Fields.Json), IndexJson.Options)
        ?? throw new InvalidDataException($"Index document of type {doc.Get(Fields.Type)} has no content.");

    /// <summary>BM25 on the read side too: Lucene.Net's searcher defaults to TF-IDF whatever the writer used.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}

/// <summary>The generation's own facts, stored as the meta document.</summary>
internal sealed record IndexMeta(string Fingerprint, DateTimeOffset BuiltAt, int Passages, int Quotations);

internal static class IndexJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
