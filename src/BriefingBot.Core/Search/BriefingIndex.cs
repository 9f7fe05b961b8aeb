using BriefingBot.Corpus;
using Lucene.Net.Analysis;
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
    private readonly SearchTools searching;
    private readonly SemaphoreSlim buildGate = new(1, 1);
    private readonly Lock openGate = new();
    // The generation serving queries and the pointer file's time it was opened at, swapped as one immutable pair so that
    // the unlocked read in Current() never sees one without the other.
    private volatile Serving serving = new(default, null);
    private string? previousFolder;
    private volatile bool disposed;

    public BriefingIndex(string folder, TimeProvider time, ILogger<BriefingIndex> logger)
    {
        this.folder = Path.GetFullPath(folder);
        this.time = time;
        this.logger = logger;
        searching = new SearchTools(
            new SafeQuery(analyzer), new TypeFilter(Fields.TypePassage), new TypeFilter(Fields.TypeQuotation),
            new TypeFilter(Fields.TypeMilestone));
    }

    /// <summary>The catalog of the generation now serving queries; <see cref="IndexCatalog.Empty"/> before the first build.</summary>
    public IndexCatalog Catalog => Current()?.Catalog ?? IndexCatalog.Empty;

    /// <summary>
    /// The generation now serving queries, held fixed until the snapshot is disposed: its catalog and searches for the
    /// length of one question or report, however many rebuilds switch generations meanwhile.
    /// </summary>
    /// <exception cref="ObjectDisposedException">This index has been disposed.</exception>
    public IndexSnapshot Snapshot()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var generation = Current();
            if (generation is null || generation.TryHold()) return new IndexSnapshot(generation, searching);
            // Closed between being fetched and being held: a switch retired it, so the pointer names a newer one.
        }
    }

    /// <summary>True once a generation has been built in the folder.</summary>
    public bool Exists => Current() is not null;

    /// <summary>
    /// Builds a new generation from <paramref name="corpus"/>, its <paramref name="quotations"/> and its
    /// <paramref name="milestones"/> beside the current one and switches to it. One build at a time, across threads and
    /// processes; queries keep being answered meanwhile.
    /// </summary>
    /// <param name="quotations">May still be running, as may <paramref name="milestones"/>: each part of the index is
    /// written as soon as what it needs is ready.</param>
    /// <returns>The catalog before and after the switch.</returns>
    public async Task<(IndexCatalog Before, IndexCatalog After)> RebuildAsync(
        CorpusSnapshot corpus,
        Task<QuotationAnalysis> quotations,
        Task<IReadOnlyList<Timeline.Milestone>> milestones,
        CancellationToken cancellationToken)
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
            IndexCatalog written;
            try
            {
                written = await GenerationWriter.WriteAsync(generation, corpus, quotations, milestones, before, now);
            }
            catch
            {
                TryDelete(generation);
                throw;
            }
            var temp = Path.Combine(folder, PointerFile + ".tmp");
            await File.WriteAllTextAsync(temp, Path.GetFileName(generation), cancellationToken);
            File.Move(temp, Path.Combine(folder, PointerFile), overwrite: true);
            SwitchTo(generation, written);
            DeleteRetiredGenerations();
            return (before, written);
        }
        finally
        {
            buildGate.Release();
        }
    }

    public void Dispose()
    {
        disposed = true;
        serving.Generation?.Dispose();
        analyzer.Dispose();
        buildGate.Dispose();
    }

    /// <summary>The generation the pointer file names, reopening when another build (here or elsewhere) switched it.</summary>
    private IndexGeneration? Current()
    {
        var stamp = PointerStamp();
        var seen = serving;
        if (stamp == seen.Stamp) return seen.Generation;
        lock (openGate)
        {
            var current = serving.Generation;
            if (stamp == serving.Stamp || stamp == default) return current;
            var name = File.ReadAllText(Path.Combine(folder, PointerFile)).Trim();
            if (current is not null && Path.GetFileName(current.Folder) == name)
            {
                serving = new Serving(stamp, current);
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
                serving = new Serving(stamp, current);
                return current;
            }
            Serve(stamp, opened);
            return opened;
        }
    }

    /// <summary>
    /// Serves the generation this process has just built and pointed to, with the catalog it wrote: reading that back
    /// from disk was most of the single-threaded last stretch of a build.
    /// </summary>
    private void SwitchTo(string generation, IndexCatalog catalog)
    {
        lock (openGate)
        {
            var stamp = PointerStamp();
            if (serving.Generation?.Folder == generation)
                serving = new Serving(stamp, serving.Generation);
            else
                Serve(stamp, IndexGeneration.Open(generation, catalog));
        }
    }

    // Called with openGate held.
    private void Serve(DateTime stamp, IndexGeneration opened)
    {
        // The replaced generation closes with the last snapshot holding it. Its folder is kept until the next switch,
        // for other processes that opened it a moment ago.
        var replaced = serving.Generation;
        previousFolder = replaced?.Folder;
        serving = new Serving(stamp, opened);
        replaced?.Dispose();
        logger.LogDebug("Index generation {Generation} is now serving queries", Path.GetFileName(opened.Folder));
    }

    /// <summary>The pointer file's last write time, one stat (once per question); <c>default</c> when there is none.</summary>
    private DateTime PointerStamp() =>
        File.GetLastWriteTimeUtc(Path.Combine(folder, PointerFile)) is var written && written != NoFileTime ? written : default;

    private void DeleteRetiredGenerations()
    {
        var keep = new[] { serving.Generation?.Folder, previousFolder };
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

    private sealed record Serving(DateTime Stamp, IndexGeneration? Generation);
}
