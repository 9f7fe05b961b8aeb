using BriefingBot.Briefing;

namespace BriefingBot.Hosting;

/// <summary>The outcome of an admin reindex: what changed in the corpus and what the observers did about it.</summary>
/// <param name="Effects">One line per observer that acted ("reminders: 3 added, 2 moved").</param>
public sealed record AdminReindexResult(ReindexReport Report, IReadOnlyList<string> Effects);

/// <summary>
/// The one way every entry point (chat command, file watcher, CLI against a running bot) reindexes: rebuild,
/// then tell every <see cref="IReindexObserver"/> (the scheduler reschedules), then report.
/// </summary>
public sealed class AdminReindexer(
    BriefingService briefing,
    IEnumerable<IReindexObserver> observers,
    ILogger<AdminReindexer> logger)
{
    public async Task<AdminReindexResult> RunAsync(CancellationToken cancellationToken = default)
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
        return new AdminReindexResult(report, effects);
    }
}
