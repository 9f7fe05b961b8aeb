using System.Text.Json;
using BriefingBot.Corpus;
using BriefingBot.Quotes;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Search;

/// <summary>
/// The Lucene index behind every answer. Each rebuild writes a complete new generation into a fresh folder
/// and then switches the <c>CURRENT</c> pointer file atomically (a rename), so a query always sees one whole
/// generation: the old one while a rebuild runs, the new one after. Other processes sharing the folder (the CLI
/// <c>index</c> verb against a running bot) pick up a switch on their next query. Thread-safe.
/// </summary>
public sealed class BriefingIndex : IDisposable
{
    private const string PointerFile = "CURRENT";
    private const string LockFile = "build.lock";
    private static readonly DateTime NoFileTime = DateTime.FromFileTimeUtc(0);
    private static readonly TimeSpan BuildLockTimeout = TimeSpan.FromMinutes(30);

    private readonly string folder;
    private readonly TimeProvider time;
    private readonly ILogger<BriefingIndex> logger;
    private readonly Analyzer analyzer = Fields.CreateAnalyzer();
    private readonly SafeQuery safeQuery;
    private readonly TypeFilter passagesOnly = new(Fields.TypePassage);
    private readonly TypeFilter quotationsOnly = new(Fields.TypeQuotation);
    private readonly TypeFilter milestonesOnly = new(Fields.TypeMilestone);
    private readonly SemaphoreSlim buildGate = new(1, 1);
    private readonly Lock openGate = new();
    private IndexGeneration? current;
    private IndexGeneration? previous;
    private DateTime pointerStamp;

    public BriefingIndex(string folder, TimeProvider time, ILogger<BriefingIndex> logger)
    {
        this.folder = Path.GetFullPath(folder);
        this.time = time;
        this.logger = logger;
        safeQuery = new SafeQuery(analyzer);
    }

    /// <summary>The catalog of the generation now serving queries; <see cref="IndexCatalog.Empty"/> before the first build.</summary>
    public IndexCatalog Catalog => Current()?.Catalog ?? IndexCatalog.Empty;

    /// <summary>True once a generation has been built in the folder.</summary>
    public bool Exists => Current() is not null;

    /// <summary>
    /// Builds a new generation from <paramref name="corpus"/> and its <paramref name="analysis"/> beside the current
    /// one and switches to it. One build at a time, across threads and processes; queries keep being answered meanwhile.
    /// </summary>
    /// <param name="analysis">May still be running: what needs only the corpus is written meanwhile.</param>
    /// <returns>The catalog before and after the switch.</returns>
    public async Task<(IndexCatalog Before, IndexCatalog After)> RebuildAsync(
        CorpusSnapshot corpus, Task<CorpusAnalysis> analysis, CancellationToken cancellationToken)
    {
        await buildGate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(folder);
            using var crossProcessLock = await AcquireBuildLockAsync(cancellationToken);
            var before = Catalog;
            var now = time.GetUtcNow();
            var generation = Path.Combine(folder, $"gen-{now:yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid().ToString("N")[..6]}");
            Directory.CreateDirectory(generation);
            try
            {
                await GenerationWriter.WriteAsync(generation, corpus, analysis, before, now);
            }
            catch
            {
                TryDelete(generation);
                throw;
            }
            var temp = Path.Combine(folder, PointerFile + ".tmp");
            await File.WriteAllTextAsync(temp, Path.GetFileName(generation), cancellationToken);
            File.Move(temp, Path.Combine(folder, PointerFile), overwrite: true);
            var after = Current()?.Catalog ?? throw new InvalidOperationException("The new index generation did not open.");
            DeleteRetiredGenerations();
            return (before, after);
        }
        finally
        {
            buildGate.Release();
        }
    }

    /// <summary>The best passages for free text, at most one per paragraph.</summary>
    public IReadOnlyList<PassageHit> SearchPassages(string text, int top)
    {
        var query = safeQuery.Build(text, new Dictionary<string, float> { [Fields.Body] = 1f });
        return query is null ? [] : Passages(query, top);
    }

    /// <summary>
    /// Passages containing <paramref name="phrase"/> as a phrase (a name the corpus mentions), the ones about
    /// <paramref name="topic"/> first when one is given.
    /// </summary>
    public IReadOnlyList<PassageHit> SearchPhrase(string phrase, int top, string? topic = null)
    {
        var terms = safeQuery.Terms(Fields.Body, phrase);
        if (terms.Count == 0) return [];
        var named = new PhraseQuery();
        foreach (var term in terms) named.Add(new Term(Fields.Body, term));
        if (string.IsNullOrWhiteSpace(topic) || safeQuery.Build(topic, new Dictionary<string, float> { [Fields.Body] = 1f }) is not { } about)
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
        if (safeQuery.Build(text, new Dictionary<string, float> { [Fields.Body] = 1f }) is not { } words) return [];
        var query = new BooleanQuery { { words, Occur.MUST } };
        if (preferDeadlines) query.Add(new TermQuery(new Term(Fields.Kind, "deadline")) { Boost = 2f }, Occur.SHOULD);
        return Search(searcher => (IReadOnlyList<(string, double)>)searcher.Search(milestonesOnly.Restrict(query), top).ScoreDocs
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

    public void Dispose()
    {
        current?.Dispose();
        previous?.Dispose();
        analyzer.Dispose();
        buildGate.Dispose();
    }

    private Query? TopicQuery(string text) =>
        safeQuery.Build(text, new Dictionary<string, float> { [Fields.Body] = 2f, [Fields.Context] = 1f });

    private IReadOnlyList<PassageHit> Passages(Query query, int top) => Search(searcher =>
    {
        var hits = searcher.Search(passagesOnly.Restrict(query), Math.Max(top * 5, 20)).ScoreDocs;
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

    private IReadOnlyList<QuotationHit> Quotations(Query query, int top) => Search(searcher =>
    {
        var restricted = quotationsOnly.Restrict(query);
        // Every match (a person's quotations): collected as found and sorted, rather than through a top-N queue sized
        // to the whole index, whose allocation cost more than the search itself.
        var hits = top == int.MaxValue
            ? AllHitsCollector.Search(searcher, restricted)
            : searcher.Search(restricted, Math.Min(top, Math.Max(1, searcher.IndexReader.MaxDoc))).ScoreDocs;
        return (IReadOnlyList<QuotationHit>)hits
            .Select(hit => new QuotationHit(
                JsonSerializer.Deserialize<Quotation>(searcher.Doc(hit.Doc).Get(Fields.Json), IndexJson.Options)!,
                hit.Score))
            .ToList();
    }) ?? [];

    /// <summary>Runs a search on the current generation; retries once if a rebuild retired it mid-call.</summary>
    private T? Search<T>(Func<IndexSearcher, T> search) where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var generation = Current();
            if (generation is null) return null;
            try
            {
                return generation.Search(search);
            }
            catch (ObjectDisposedException) when (attempt == 0)
            {
                // Retired between Current() and Acquire(): the next Current() is the newer generation.
            }
        }
    }

    /// <summary>The generation the pointer file names, reopening when another build (here or elsewhere) switched it.</summary>
    private IndexGeneration? Current()
    {
        var pointer = Path.Combine(folder, PointerFile);
        // One stat per call (this runs several times per question): a missing file reads as 1601-01-01.
        var stamp = File.GetLastWriteTimeUtc(pointer) is var written && written != NoFileTime ? written : default;
        if (stamp == pointerStamp) return current;
        lock (openGate)
        {
            if (stamp == pointerStamp) return current;
            if (stamp == default) return current;
            var name = File.ReadAllText(pointer).Trim();
            if (current is not null && Path.GetFileName(current.Folder) == name)
            {
                pointerStamp = stamp;
                return current;
            }
            IndexGeneration opened;
            try
            {
                opened = IndexGeneration.Open(Path.Combine(folder, name));
            }
            catch (IndexLayoutException e)
            {
                // An index written by an older version reads as no index, so the next build replaces it.
                logger.LogWarning("{Problem} It will be rebuilt.", e.Message);
                pointerStamp = stamp;
                return current;
            }
            // Keep the replaced generation open: a query that fetched it a moment ago may still be starting.
            previous?.Dispose();
            previous = current;
            current = opened;
            pointerStamp = stamp;
            logger.LogDebug("Index generation {Generation} is now serving queries", name);
            return current;
        }
    }

    private void DeleteRetiredGenerations()
    {
        var keep = new[] { current?.Folder, previous?.Folder };
        foreach (var dir in Directory.EnumerateDirectories(folder, "gen-*"))
            if (!keep.Contains(dir)) TryDelete(dir);
    }

    private void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException e)
        {
            logger.LogDebug(e, "Old index generation {Folder} not deleted yet", dir);
        }
        catch (UnauthorizedAccessException e)
        {
            logger.LogDebug(e, "Old index generation {Folder} not deleted yet", dir);
        }
    }

    private async Task<FileStream> AcquireBuildLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, LockFile);
        var deadline = time.GetUtcNow() + BuildLockTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
            }
        }
    }
}
