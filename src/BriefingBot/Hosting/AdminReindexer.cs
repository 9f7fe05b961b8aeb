using BriefingBot.Briefing;

namespace BriefingBot.Hosting;

/// <summary>The outcome of an admin reindex: what changed in the corpus and what the observers did about it.</summary>
/// <param name="Effects">One line per observer that acted ("reminders: 3 added, 2 moved").</param>
public sealed record AdminReindexResult(ReindexReport Report, IReadOnlyList<string> Effects);

/// <summary>
/// The one way every entry point (chat command, file watcher, CLI against a running bot) reindexes: rebuild,
/// then tell every <see cref="IReindexObserver"/> (the scheduler reschedules), then report. One at a time in a
/// process, rebuild and observers together, so a slower reindex never re-plans from an older timeline after a newer
/// one did; across processes the index's own lock keeps builds one at a time. Queries keep being answered from the
/// previous index meanwhile.
/// </summary>
public sealed class AdminReindexer(
    BriefingService briefing,
    IEnumerable<IReindexObserver> observers,
    BriefingMetrics metrics,
    TimeProvider time,
    ILogger<AdminReindexer> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<AdminReindexResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        var started = time.GetTimestamp();
        var succeeded = false;
        try
        {
            var report = await briefing.ReindexAsync(cancellationToken);
            var effects = new List<string>();
            foreach (var observer in observers)
            {
                var effect = await observer.OnReindexedAsync(report, cancellationToken);
                if (effect is not null) effects.Add(effect);
            }
            logger.LogInformation(
                "Reindexed {Articles} articles in {Seconds:F2}s: {Added} added, {Removed} removed, {Changed} changed",
                report.Articles, report.Elapsed.TotalSeconds, report.ArticlesAdded.Count, report.ArticlesRemoved.Count, report.ArticlesChanged.Count);
            succeeded = true;
            return new AdminReindexResult(report, effects);
        }
        finally
        {
            metrics.Reindexed(time.GetElapsedTime(started), succeeded);
            gate.Release();
        }
    }
}
