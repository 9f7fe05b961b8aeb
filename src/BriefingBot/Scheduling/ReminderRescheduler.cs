using BriefingBot.Briefing;
using BriefingBot.Hosting;

namespace BriefingBot.Scheduling;

/// <summary>After a reindex, re-plans reminders from the new timeline: new milestones get reminders, removed ones
/// lose theirs, a moved deadline moves its reminders. Tells the admin what changed.</summary>
public sealed class ReminderRescheduler(ScheduleSynchronizer synchronizer) : IReindexObserver
{
    public async Task<string?> OnReindexedAsync(ReindexReport report, CancellationToken cancellationToken)
    {
        var moves = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (old, @new) in report.MilestonesMoved) moves[old.Id] = @new.Id;
        var changes = await synchronizer.SyncAsync(report.Timeline, moves, cancellationToken);
        return changes.Summary;
    }
}
