using BriefingBot.Delivery;
using BriefingBot.Timeline;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>What one synchronisation changed in the job store.</summary>
public sealed record ScheduleChanges(int Added, int Removed, int Moved, int DigestsAdded, int DigestsRemoved, int DigestsChanged)
{
    public bool IsEmpty => Added + Removed + Moved + DigestsAdded + DigestsRemoved + DigestsChanged == 0;

    /// <summary>"reminders: 3 added, 2 removed, 1 moved", with the digests when they changed.</summary>
    public string Summary
    {
        get
        {
            var text = $"reminders: {Added} added, {Removed} removed, {Moved} moved";
            return DigestsAdded + DigestsRemoved + DigestsChanged == 0
                ? text
                : $"{text}; digests: {DigestsAdded} added, {DigestsRemoved} removed, {DigestsChanged} changed";
        }
    }
}

/// <summary>
/// Brings the job store in line with the timeline, the subscriptions and the policy: adds the reminders the plan
/// calls for, removes those it no longer does, and moves those whose time changed; one cron trigger per channel
/// subscribed to the digest. Idempotent (keys are derived from what they deliver, so a second run changes
/// nothing) and safe on a scheduler that is not started, which is how the <c>reminders</c> verb plans without
/// firing anything. Deliveries the ledger has settled are never planned again.
/// </summary>
public sealed class ScheduleSynchronizer(
    ISchedulerFactory schedulers,
    SchedulingStorage storage,
    ITimelineSource timelineSource,
    SubscriptionDirectory subscriptions,
    IDeliveryLedger ledger,
    ReminderPlanner planner,
    SchedulePolicy policy,
    TimeProvider time,
    ILogger<ScheduleSynchronizer> logger)
{
    private const int DescriptionLength = 250; // QRTZ_TRIGGERS.DESCRIPTION is varchar(250)
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>
    /// Synchronises the store.
    /// </summary>
    /// <param name="timeline">The timeline to plan from; null reads the current one. When it cannot be read (no index
    /// yet) the reminders in the store are left as they are rather than removed, and only the digests are synced.</param>
    /// <param name="moves">Milestones a reindex moved (old id → new id), so their reminders count as moved rather than
    /// as removed and added. Milestones marked <see cref="Milestone.SupersededBy"/> are paired the same way.</param>
    public async Task<ScheduleChanges> SyncAsync(
        IReadOnlyList<Milestone>? timeline = null,
        IReadOnlyDictionary<string, string>? moves = null,
        CancellationToken cancellationToken = default)
    {
        await storage.EnsureReadyAsync(cancellationToken);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var subscribed = await subscriptions.ListAsync(cancellationToken);
            timeline ??= ReadTimeline();
            var reminders = timeline is null
                ? (Added: 0, Removed: 0, Moved: 0)
                : await SyncRemindersAsync(scheduler, timeline, subscribed, moves, cancellationToken);
            var digests = await SyncDigestsAsync(scheduler, subscribed, cancellationToken);
            var changes = new ScheduleChanges(reminders.Added, reminders.Removed, reminders.Moved, digests.Added, digests.Removed, digests.Changed);
            if (!changes.IsEmpty) logger.LogInformation("Schedule synced: {Summary}", changes.Summary);
            return changes;
        }
        finally
        {
            gate.Release();
        }
    }

    private IReadOnlyList<Milestone>? ReadTimeline()
    {
        try
        {
            return timelineSource.Timeline();
        }
        catch (TimelineNotReadyException)
        {
            // The usual first start: the index is being built, and its reindex re-plans when done.
            logger.LogInformation("No index yet; reminders are left as planned until it is built");
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No index yet, or a corpus that failed to load: keep the reminders already planned instead of
            // unscheduling all of them; the next reindex re-plans.
            logger.LogWarning(e, "The timeline could not be read; reminders are left as planned until the next reindex");
            return null;
        }
    }

    private async Task<(int Added, int Removed, int Moved)> SyncRemindersAsync(
        IScheduler scheduler,
        IReadOnlyList<Milestone> timeline,
        IReadOnlyList<Subscription> subscribed,
        IReadOnlyDictionary<string, string>? moves,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settled = await ledger.SettledKeysAsync(PostKinds.Reminder, cancellationToken);
        var desired = planner.Plan(timeline, subscribed, now)
            .Where(p => !settled.Contains(p.DeliveryKey))
            .ToDictionary(p => p.Key);
        var existing = await ReadTriggersAsync(scheduler, ScheduleKeys.ReminderGroup, cancellationToken);

        var added = new List<PlannedReminder>();
        var moved = 0;
        foreach (var plan in desired.Values)
        {
            if (!existing.TryGetValue(plan.Key, out var stored))
            {
                added.Add(plan);
                await scheduler.ScheduleJob(BuildReminder(plan, now), ScheduleJobOptions.Replacing, cancellationToken);
            }
            // An overdue reminder already in the store is left alone: it is due, firing or waiting for a retry.
            else if (!plan.Overdue && stored.NextFireTimeUtc != plan.FireAtUtc)
            {
                moved++;
                await scheduler.ScheduleJob(BuildReminder(plan, now), ScheduleJobOptions.Replacing, cancellationToken);
            }
        }
        var removed = existing.Values.Where(t => !desired.ContainsKey(t.Key)).ToList();
        if (removed.Count > 0) await scheduler.UnscheduleJobs([.. removed.Select(t => t.Key)], cancellationToken);
        foreach (var missed in removed.Where(t => t.NextFireTimeUtc <= now))
        {
            var data = missed.JobDataMap;
            logger.LogWarning(
                "Reminder {Lead} for {Milestone} to {Channel} was due at {Due:u} and never sent; skipped: its milestone has passed, moved or left the timeline, or a later reminder of it is due",
                data.GetString(ScheduleKeys.Data.Lead), data.GetString(ScheduleKeys.Data.MilestoneId), data.GetString(ScheduleKeys.Data.Channel), missed.NextFireTimeUtc);
        }

        var paired = CountReplacements(timeline, moves, added, removed);
        return (added.Count - paired, removed.Count - paired, moved + paired);
    }

    /// <summary>Reminders of a milestone that a later one replaced, paired with the replacement's reminder for the
    /// same lead and channel: to the admin who reindexed, that is one reminder moved.</summary>
    private static int CountReplacements(
        IReadOnlyList<Milestone> timeline,
        IReadOnlyDictionary<string, string>? moves,
        IReadOnlyList<PlannedReminder> added,
        IReadOnlyList<ITrigger> removed)
    {
        var replacedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var m in timeline)
            if (m.SupersededBy is { } newer) replacedBy[m.Id] = newer;
        foreach (var (oldId, newId) in moves ?? new Dictionary<string, string>()) replacedBy[oldId] = newId;

        var unpaired = added.Select(a => (a.Milestone.Id, a.Lead.Iso, Channel: a.Channel.ToString())).ToList();
        var pairs = 0;
        foreach (var trigger in removed)
        {
            var data = trigger.JobDataMap;
            if (data.GetString(ScheduleKeys.Data.MilestoneId) is not { } oldId || !replacedBy.TryGetValue(oldId, out var newId)) continue;
            var index = unpaired.IndexOf((newId, data.GetString(ScheduleKeys.Data.Lead) ?? "", data.GetString(ScheduleKeys.Data.Channel) ?? ""));
            if (index < 0) continue;
            unpaired.RemoveAt(index);
            pairs++;
        }
        return pairs;
    }

    private async Task<(int Added, int Removed, int Changed)> SyncDigestsAsync(
        IScheduler scheduler, IReadOnlyList<Subscription> subscribed, CancellationToken cancellationToken)
    {
        var desired = subscribed.Where(s => s.Digest).ToDictionary(s => ScheduleKeys.Digest(s.Channel), s => s.Channel);
        var existing = await ReadTriggersAsync(scheduler, ScheduleKeys.DigestGroup, cancellationToken);
        int added = 0, changed = 0;
        foreach (var (key, channel) in desired)
        {
            var current = existing.GetValueOrDefault(key) as ICronTrigger;
            if (current is not null && current.CronExpressionString == policy.DigestCron && current.TimeZone.Id == policy.Zone.Id)
                continue;
            if (existing.ContainsKey(key)) changed++;
            else added++;
            await scheduler.ScheduleJob(BuildDigest(key, channel), ScheduleJobOptions.Replacing, cancellationToken);
        }
        var removed = existing.Keys.Where(k => !desired.ContainsKey(k)).ToList();
        if (removed.Count > 0) await scheduler.UnscheduleJobs(removed, cancellationToken);
        return (added, removed.Count, changed);
    }

    private static async Task<Dictionary<TriggerKey, ITrigger>> ReadTriggersAsync(IScheduler scheduler, string group, CancellationToken cancellationToken)
    {
        var keys = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(group), cancellationToken);
        if (keys.Count == 0) return [];
        var triggers = await scheduler.GetTriggers([.. keys], cancellationToken);
        return triggers.ToDictionary(t => t.Key);
    }

    private ITrigger BuildReminder(PlannedReminder plan, DateTimeOffset now)
    {
        var m = plan.Milestone;
        return TriggerBuilder.Create(time)
            .WithIdentity(plan.Key)
            .ForJob(ScheduleKeys.ReminderJob)
            .WithDescription(Shorten($"{plan.Lead.Iso} before {m.Date:yyyy-MM-dd} {m.Label} → {plan.Channel}"))
            .UsingJobData(ScheduleKeys.Data.MilestoneId, m.Id)
            .UsingJobData(ScheduleKeys.Data.MilestoneDate, m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .UsingJobData(ScheduleKeys.Data.Lead, plan.Lead.Iso)
            .UsingJobData(ScheduleKeys.Data.Channel, plan.Channel.ToString())
            .StartAt(plan.Overdue ? now : plan.FireAtUtc)
            // Missed while the bot was down: fire once as soon as it is back; the job decides whether it is still worth it.
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .WithRetryPolicy(policy.Retry)
            .Build();
    }

    private ITrigger BuildDigest(TriggerKey key, ChannelAddress channel) =>
        TriggerBuilder.Create(time)
            .WithIdentity(key)
            .ForJob(ScheduleKeys.DigestJob)
            .WithDescription(Shorten($"digest {policy.DigestCron} ({policy.Zone.Id}) → {channel}"))
            .UsingJobData(ScheduleKeys.Data.Channel, channel.ToString())
            .StartAt(time.GetUtcNow())
            // A digest missed while the bot was down is posted once on start, then the cron resumes.
            .WithCronSchedule(policy.DigestCron, cron => cron.InTimeZone(policy.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .WithRetryPolicy(policy.Retry)
            .Build();

    private static string Shorten(string text) => text.Length <= DescriptionLength ? text : text[..(DescriptionLength - 1)] + "…";
}
