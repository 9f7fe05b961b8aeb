using BriefingBot.Briefing;
using BriefingBot.Search;
using BriefingBot.Timeline;

namespace BriefingBot.Scheduling;

/// <summary>
/// What the scheduler reads from the briefing core: the timeline it plans reminders from and the digest it posts.
/// <see cref="BriefingTimelineSource"/> is the one the bot uses; a test hands in a fixed timeline instead.
/// </summary>
public interface ITimelineSource
{
    /// <summary>The whole timeline, oldest first.</summary>
    IReadOnlyList<Milestone> Timeline();

    /// <summary>See <see cref="BriefingService.BuildDigest"/>.</summary>
    Digest BuildDigest(DateOnly today, int horizonDays, DateTimeOffset? since);
}

/// <summary>The timeline and digests of the running <see cref="BriefingService"/>.</summary>
public sealed class BriefingTimelineSource(BriefingService briefing) : ITimelineSource
{
    /// <exception cref="TimelineNotReadyException">No index has been built yet. A replica that just started on a
    /// fresh index folder must not read "no milestones" and unschedule the reminders its peers share, nor skip a
    /// reminder as gone: the synchronizer leaves the schedule alone and the job is retried.</exception>
    public IReadOnlyList<Milestone> Timeline() =>
        ReferenceEquals(briefing.Catalog, IndexCatalog.Empty)
            ? throw new TimelineNotReadyException()
            : briefing.Timeline();

    public Digest BuildDigest(DateOnly today, int horizonDays, DateTimeOffset? since) => briefing.BuildDigest(today, horizonDays, since);
}

/// <summary>The timeline cannot be read yet: no index has been built (a fresh start, or a replica's first one).</summary>
public sealed class TimelineNotReadyException() : InvalidOperationException("The index is still being built; the timeline is not known yet.");
