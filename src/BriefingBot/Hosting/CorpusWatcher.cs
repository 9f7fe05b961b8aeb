using BriefingBot.Briefing;
using Microsoft.Extensions.Options;

namespace BriefingBot.Hosting;

/// <summary>
/// Reindexes after articles land in the corpus folder, debounced: a burst of copied files causes one rebuild,
/// <see cref="Debounce"/> after the last change. Rebuilds go through <see cref="AdminReindexer"/> (one at a time).
/// </summary>
public sealed class CorpusWatcher(
    IOptions<BriefingOptions> options,
    AdminReindexer reindexer,
    ILogger<CorpusWatcher> logger) : BackgroundService
{
    public static TimeSpan Debounce { get; } = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = options.Value.Corpus;
        if (!options.Value.WatchCorpus)
        {
            logger.LogInformation("Not watching the corpus folder (BriefingBot:WatchCorpus is off): reindex with the index verb or /reindex");
            return;
        }
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Corpus folder {Folder} does not exist; not watching it", folder);
            return;
        }
        var changed = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, EnableRaisingEvents = true };
        FileSystemEventHandler onChange = (_, e) => { if (IsArticle(e.FullPath)) changed.Release(); };
        watcher.Created += onChange;
        watcher.Changed += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, e) => { if (IsArticle(e.FullPath) || IsArticle(e.OldFullPath)) changed.Release(); };

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken);
                // Quiet period: keep waiting while changes keep coming.
                while (await changed.WaitAsync(Debounce, stoppingToken)) { }
                while (changed.CurrentCount > 0) await changed.WaitAsync(stoppingToken);
                await ReindexAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping (or failed to start): nothing to clean up.
        }
    }

    private async Task ReindexAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await reindexer.RunAsync(stoppingToken);
            logger.LogInformation("Corpus changed: {Added} articles added, {Removed} removed, {Changed} changed",
                result.Report.ArticlesAdded.Count, result.Report.ArticlesRemoved.Count, result.Report.ArticlesChanged.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Reindex after a corpus change failed; the previous index keeps answering");
        }
    }

    private static bool IsArticle(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
}
