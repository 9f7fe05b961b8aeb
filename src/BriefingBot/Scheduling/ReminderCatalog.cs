using System.Globalization;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>
/// One post the scheduler will make, as the <c>reminders</c> verb lists it.
/// </summary>
/// <param name="Kind"><c>reminder</c> or <c>digest</c> (<see cref="PostKinds"/>).</param>
/// <param name="MilestoneId">Reminders only.</param>
/// <param name="MilestoneDate">Reminders only.</param>
/// <param name="Lead">Reminders only: the lead time as an ISO-8601 duration (<c>P7D</c>).</param>
/// <param name="Channel"><c>discord:1234</c>.</param>
public sealed record PlannedPost(
    DateTimeOffset FireAtUtc,
    DateTimeOffset FireAtLocal,
    string Kind,
    string? MilestoneId,
    DateOnly? MilestoneDate,
    string? Lead,
    string Channel);

/// <summary>
/// What the scheduler will post and when, read from the job store the running bot uses. Works on a scheduler that is
/// not started (the CLI builds one and never starts it), so listing fires nothing.
/// </summary>
public sealed class ReminderCatalog(
    ISchedulerFactory schedulers,
    SchedulingStorage storage,
    ScheduleSynchronizer synchronizer,
    SchedulePolicy policy)
{
    /// <summary>Plans the store from the current timeline and subscriptions, as <c>serve</c> does at start, without
    /// starting the scheduler. Idempotent. Returns what changed.</summary>
    public Task<ScheduleChanges> PlanAsync(CancellationToken cancellationToken = default) =>
        synchronizer.SyncAsync(cancellationToken: cancellationToken);

    /// <summary>Every planned reminder and digest, soonest first.</summary>
    public async Task<IReadOnlyList<PlannedPost>> ListAsync(CancellationToken cancellationToken = default)
    {
        await storage.EnsureReadyAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var posts = new List<PlannedPost>();
        foreach (var group in new[] { ScheduleKeys.ReminderGroup, ScheduleKeys.DigestGroup })
        {
            var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(group), cancellationToken);
            if (keys.Count == 0) continue;
            foreach (var trigger in await scheduler.GetTriggers([.. keys], cancellationToken))
            {
                // A trigger with no next fire time is firing right now, or done: nothing left to list.
                if (trigger.NextFireTimeUtc is not { } fireAt) continue;
                posts.Add(Describe(trigger, group, fireAt));
            }
        }
        return [.. posts.OrderBy(p => p.FireAtUtc).ThenBy(p => p.Channel, StringComparer.Ordinal).ThenBy(p => p.MilestoneId, StringComparer.Ordinal)];
    }

    private PlannedPost Describe(ITrigger trigger, string group, DateTimeOffset fireAt)
    {
        var data = trigger.JobDataMap;
        var channel = data.GetString(ScheduleKeys.Data.Channel) ?? "";
        if (group == ScheduleKeys.DigestGroup)
            return new PlannedPost(fireAt, policy.ToLocal(fireAt), PostKinds.Digest, null, null, null, channel);
        var date = DateOnly.TryParseExact(data.GetString(ScheduleKeys.Data.MilestoneDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : (DateOnly?)null;
        return new PlannedPost(fireAt, policy.ToLocal(fireAt), PostKinds.Reminder,
            data.GetString(ScheduleKeys.Data.MilestoneId), date, data.GetString(ScheduleKeys.Data.Lead), channel);
    }
}
