using BriefingBot.Briefing;

namespace BriefingBot.Hosting;

/// <summary>Told after every successful reindex (the scheduler reschedules reminders from the new timeline).</summary>
public interface IReindexObserver
{
    /// <summary>Returns a one-line summary of what it did, for the admin's reply ("3 reminders moved"), or null.</summary>
    Task<string?> OnReindexedAsync(ReindexReport report, CancellationToken cancellationToken);
}
