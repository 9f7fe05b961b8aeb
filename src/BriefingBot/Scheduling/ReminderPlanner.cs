using BriefingBot.Delivery;
using BriefingBot.Timeline;
using Quartz;

namespace BriefingBot.Scheduling;

/// <summary>
/// One reminder the schedule should hold.
/// </summary>
/// <param name="FireAtUtc">When it is due; at or before "now" when <paramref name="Overdue"/>.</param>
/// <param name="Overdue">Its time has passed without it being sent (the bot was down, or the milestone only just
/// appeared): it is sent as soon as possible, once.</param>
public sealed record PlannedReminder(
    TriggerKey Key,
    string DeliveryKey,
    Milestone Milestone,
    LeadTime Lead,
    ChannelAddress Channel,
    DateTimeOffset FireAtUtc,
    bool Overdue);

/// <summary>
/// Decides which reminders the timeline calls for: a pure function of the timeline, the subscriptions, the policy
/// and the clock, so it is tested without a scheduler.
/// <list type="bullet">
/// <item>Only upcoming milestones (dated today or later in the configured zone) that no later article supersedes.</item>
/// <item>Only <see cref="DatePrecision.Day"/> milestones: "in November" or "in 2026" gives no day to count down to,
/// and reminding on the first of the month would announce a date the text never gave. They still appear in digests.</item>
/// <item>One reminder per lead time per channel subscribed to reminders, at the reminder time on (date − lead).</item>
/// <item>Of the reminders of one milestone whose time has already passed, only the latest (smallest lead) is kept:
/// a bot that was down for the 7-day and the 1-day reminder posts the 1-day one, once.</item>
/// </list>
/// </summary>
public sealed class ReminderPlanner(SchedulePolicy policy)
{
    public IReadOnlyList<PlannedReminder> Plan(
        IReadOnlyList<Milestone> timeline,
        IReadOnlyList<Subscription> subscriptions,
        DateTimeOffset now)
    {
        var today = policy.LocalDate(now);
        var channels = subscriptions.Where(s => s.Reminders).Select(s => s.Channel).Distinct().ToList();
        var planned = new Dictionary<TriggerKey, PlannedReminder>();
        foreach (var milestone in timeline)
        {
            if (milestone.SupersededBy is not null || milestone.Precision != DatePrecision.Day || milestone.Date < today)
                continue;
            foreach (var lead in policy.LeadTimes)
            {
                var fireAt = policy.ReminderInstant(milestone.Date, lead);
                var overdue = fireAt <= now;
                if (overdue && !policy.IsLatestDueLead(milestone.Date, lead, now))
                    continue;
                foreach (var channel in channels)
                {
                    var key = ScheduleKeys.Reminder(milestone.Id, lead, channel);
                    planned.TryAdd(key, new PlannedReminder(
                        key, ScheduleKeys.ReminderDelivery(milestone.Id, lead, channel), milestone, lead, channel, fireAt, overdue));
                }
            }
        }
        return [.. planned.Values.OrderBy(p => p.FireAtUtc).ThenBy(p => p.Channel.ToString(), StringComparer.Ordinal)];
    }
}
